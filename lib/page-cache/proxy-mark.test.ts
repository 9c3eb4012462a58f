import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { config } from "@/proxy";
import { keepAnswer, openTestPages } from "@/tests/support/process-pages";
import { PROXY_MARK_HEADER, markProxyRequests } from "./proxy-mark";

// A real HTTP server that answers with the mark its handler finds on the request, and this process's route
// cache holding one product answer in memory.
const KEPT = "/api/products/blue-shirt";
let server: Server;
let origin: string;
let close: () => Promise<void>;

beforeAll(async () => {
  const opened = await openTestPages();
  close = opened.close;
  await keepAnswer(opened.pages, KEPT);
  markProxyRequests();
  server = createServer((request, response) => {
    response.setHeader("x-found", String(request.headers[PROXY_MARK_HEADER] ?? "none"));
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await close();
});

/** The mark each request was given; every request also carries a mark of its own from the client. */
async function marks(requests: [method: string, path: string][]): Promise<string[]> {
  const claimed = { [PROXY_MARK_HEADER]: "DELETE" };
  return Promise.all(
    requests.map(async ([method, path]) =>
      (await fetch(origin + path, { method, headers: claimed })).headers.get("x-found")!,
    ),
  );
}

describe("markProxyRequests", () => {
  it("names the method of every request but GET and HEAD, on keep-alive connections among others", async () => {
    const methods = ["GET", "POST", "PUT", "HEAD", "DELETE", "PATCH", "OPTIONS"];
    const sent = Array.from({ length: 70 }, (_, index) => methods[index % methods.length]);
    const found = await marks(sent.map((method) => [method, "/api/products/red-shirt"]));
    expect(found).toEqual(sent.map((method) => (method === "GET" || method === "HEAD" ? "none" : method)));
  });

  it("marks a GET or HEAD of a product answer this process holds in memory, and no other", async () => {
    const found = await marks([
      ["GET", KEPT],
      ["HEAD", `${KEPT}?utm=x`],
      ["GET", "/api/products/red-shirt"],
      ["GET", "/api/products/blue%2Dshirt"],
      ["GET", "/products/blue-shirt"],
    ]);
    expect(found).toEqual(["memory", "memory", "none", "none", "none"]);
  });

  it("is the header the proxy's matcher selects the product API's requests by", () => {
    expect(config.matcher).toContainEqual({
      source: "/api/products/:slug",
      has: [{ type: "header", key: PROXY_MARK_HEADER }],
    });
  });
});
