import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { config } from "@/proxy";
import { WRITE_METHOD_HEADER, markWriteMethods } from "./write-method";

// A real HTTP server that answers with the header its handler finds on the request.
let server: Server;
let origin: string;

beforeAll(async () => {
  markWriteMethods();
  server = createServer((request, response) => {
    response.setHeader("x-found", String(request.headers[WRITE_METHOD_HEADER] ?? "none"));
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

describe("markWriteMethods", () => {
  it("names the method of every request but GET and HEAD, on keep-alive connections among others", async () => {
    const methods = ["GET", "POST", "PUT", "HEAD", "DELETE", "PATCH", "OPTIONS"];
    const sent = Array.from({ length: 70 }, (_, index) => methods[index % methods.length]);
    // Every request also carries a header of that name from the client: only the server's own is kept.
    const claimed = { [WRITE_METHOD_HEADER]: "DELETE" };
    const found = await Promise.all(
      sent.map(async (method) => (await fetch(origin, { method, headers: claimed })).headers.get("x-found")),
    );
    expect(found).toEqual(sent.map((method) => (method === "GET" || method === "HEAD" ? "none" : method)));
  });

  it("is the header the proxy's matcher selects the product API's writes by", () => {
    expect(config.matcher).toContainEqual({
      source: "/api/products/:slug",
      has: [{ type: "header", key: WRITE_METHOD_HEADER }],
    });
  });
});
