import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_KEY_START, keepAnswer, openTestPages, productAnswer } from "@/tests/support/process-pages";
import { packPage } from "./codec";
import { answerFromMemory, holdsAnswer } from "./memory-answer";
import { noteKey, type ProcessPages } from "./process-pages";

const PATH = "/api/products/blue-shirt";
let pages: ProcessPages;
let close: () => Promise<void>;

beforeAll(async () => {
  expect(answerFromMemory("GET", PATH)).toBeNull(); // the route cache not opened yet
  ({ pages, close } = await openTestPages());
});

afterAll(() => close());

describe("the product API answered from memory", () => {
  it("finds an answer by its path once Next.js has asked the route cache for a product answer", async () => {
    const early = "/api/products/early-shirt";
    const key = API_KEY_START + early;
    expect(await pages.store.get(key)).toBeNull();
    pages.store.set(key, { value: packPage(productAnswer()), tags: ["product:1"] });
    expect(await pages.store.get(key)).not.toBeNull(); // now in memory, under Next.js' key
    noteKey(pages, "/route-cache/APP_PAGE/77aa/$/products/blue-shirt"); // a page's key teaches nothing
    expect([answerFromMemory("GET", early), holdsAnswer(early)]).toEqual([null, false]);
    noteKey(pages, key);
    expect(answerFromMemory("GET", early)?.status).toBe(200);
    expect(holdsAnswer(early)).toBe(true);
  });

  it("answers GET and HEAD as Next.js sends the kept answer", async () => {
    await keepAnswer(pages, PATH);
    expect(holdsAnswer(PATH)).toBe(true);
    const expected = {
      "content-type": "application/json",
      "cache-control": "no-store",
      "x-cache": "HIT",
      "x-nextjs-cache": "HIT",
    };
    const get = answerFromMemory("GET", PATH)!;
    expect(get.status).toBe(200);
    expect(Object.fromEntries(get.headers)).toEqual(expected);
    expect(await get.json()).toEqual({ product: { slug: "blue-shirt" } });
    const head = answerFromMemory("HEAD", PATH)!;
    expect([head.status, Object.fromEntries(head.headers), await head.text()]).toEqual([200, expected, ""]);
  });

  it("leaves to Next.js other methods, other paths, and an answer without a Cache-Control of its own", async () => {
    for (const method of ["POST", "DELETE", "OPTIONS"]) expect(answerFromMemory(method, PATH), method).toBeNull();
    expect([answerFromMemory("GET", "/api/products/red-shirt"), holdsAnswer("/api/products/red-shirt")]).toEqual([
      null,
      false,
    ]); // not kept
    expect(answerFromMemory("GET", "/products/blue-shirt")).toBeNull();
    // A percent-encoded path, even kept under that key: Next.js would serve the decoded path, so it decides.
    const encoded = "/api/products/odd%2Dshirt";
    await keepAnswer(pages, encoded);
    expect([answerFromMemory("GET", encoded), holdsAnswer(encoded)]).toEqual([null, false]);
    const plain = "/api/products/plain-shirt";
    await keepAnswer(pages, plain, productAnswer({ "cache-control": undefined }));
    expect(answerFromMemory("GET", plain)).toBeNull();
  });

  it("stops answering once the answer's data is invalidated", async () => {
    expect(answerFromMemory("GET", PATH)).not.toBeNull();
    await pages.store.invalidateTags(["product:1"]);
    expect([answerFromMemory("GET", PATH), holdsAnswer(PATH)]).toEqual([null, false]);
  });
});
