import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { inParallel, runLoad, summarize, zipfSampler, type Sample } from "./load";

describe("inParallel", () => {
  it("runs every item once, with its index, never more than `concurrency` at a time", async () => {
    const seen: [string, number][] = [];
    let running = 0;
    let most = 0;
    await inParallel(["a", "b", "c", "d", "e", "f", "g"], 3, async (item, index) => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setImmediate(resolve));
      seen.push([item, index]);
      running--;
    });
    expect(seen.sort()).toEqual([..."abcdefg"].map((item, index) => [item, index]));
    expect(most).toBe(3);
  });
});

describe("zipfSampler", () => {
  it("draws rank r with weight 1/(r+1)", () => {
    let state = 7;
    const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
    const draw = zipfSampler(100, 1, random);
    const counts = new Array(100).fill(0);
    for (let i = 0; i < 200_000; i++) counts[draw()]++;
    const harmonic = Array.from({ length: 100 }, (_, r) => 1 / (r + 1)).reduce((a, b) => a + b);
    expect(counts[0] / 200_000).toBeCloseTo(1 / harmonic, 2);
    expect(counts[1] / counts[0]).toBeCloseTo(0.5, 1);
    expect(counts[9] / counts[0]).toBeCloseTo(0.1, 1);
  });
});

describe("summarize", () => {
  it("counts answers that are not 2xx/3xx, and requests without an answer, apart", () => {
    const sample = (ms: number, status: number): Sample => ({ startMs: 0, ms, status, xCache: null });
    const result = summarize([sample(5, 200), sample(9, 304), sample(7, 503), sample(10_000, 0)]);
    expect(result).toMatchObject({ requests: 4, non2xx: 1, socketErrors: 1, maxMs: 10_000, p50Ms: 7 });
  });
});

describe("runLoad", () => {
  let server: http.Server | undefined;
  afterEach(() => new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined))));

  it("opens every connection with one request before the measured run, which it alone reports", async () => {
    const perSocket = new Map<Socket, number>();
    const order: { socket: Socket; nth: number }[] = [];
    server = http.createServer((request, response) => {
      const nth = (perSocket.get(request.socket) ?? 0) + 1;
      perSocket.set(request.socket, nth);
      order.push({ socket: request.socket, nth });
      response.setHeader("X-Cache", "HIT");
      response.end("ok");
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;

    const samples = await runLoad({
      origin: `http://127.0.0.1:${port}`,
      paths: ["/a", "/b"],
      connections: 8,
      seconds: 0.3,
    });

    expect(perSocket.size).toBe(8);
    const firstSecond = order.findIndex((entry) => entry.nth === 2);
    expect(order.slice(0, firstSecond).map((entry) => entry.nth)).toEqual(new Array(8).fill(1));
    expect(samples.length).toBe(order.length - 8);
    expect(samples.every((sample) => sample.status === 200 && sample.xCache === "HIT")).toBe(true);
  });
});
