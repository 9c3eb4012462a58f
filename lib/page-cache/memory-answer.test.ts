import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keepAnswer, openTestPages, productAnswer } from "@/tests/support/process-pages";
import { answerFromMemory, holdsAnswer } from "./memory-answer";
import type { ProcessPages } from "./process-pages";

const PATH = "/api/products/blue-shirt";
let pages: ProcessPages;
let close: () => Promise<void>;

beforeAll(async () => {
  expect(answerFromMemory("GET", PATH)).toBeNull(); // the route cache not opened yet
  ({ pages, close } = await openTestPages());
});

afterAll(() => close());

describe("the product API answered from memory", () => {
  it("answers nothing before Next.js has asked the route cache for a product answer", async () => {
    await pages.store.get("/route-cache/APP_PAGE/77aa/$/products/blue-shirt"); // a page's key teaches nothing
    expect([answerFromMemory("GET", PATH), holdsAnswer(PATH)]).toEqual([null, false]);
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
