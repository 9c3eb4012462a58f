import http from "node:http";
import { performance } from "node:perf_hooks";
import { summarize, zipfSampler, type Sample } from "./load";
import type { LoadResult } from "./wrk";

/**
 * Product page views as a browser makes them: the page (from the route cache), then the header's question
 * about the shopper, `GET /api/shopper` (as before the live store), or `POST /api/shopper?viewing=<slug>`,
 * which also records the view for recently viewed and trending. Each connection is a shopper with its own
 * cookies, who views SHOPPER_VIEWS products (Zipf, as the other rows) and then leaves, a new shopper taking
 * the connection: many lists, and trending counts for many distinct viewers. The connections are opened
 * before the run, as in scripts/bench/load.ts. A sample is one page view, both requests.
 */

const SHOPPER_VIEWS = 10;
const REQUEST_TIMEOUT_MS = 10_000;

interface Answer {
  status: number;
  cookie?: string;
  error?: string;
}

function send(agent: http.Agent, origin: URL, path: string, cookie: string, method: string): Promise<Answer> {
  return new Promise((resolve) => {
    const failed = (error: Error) => resolve({ status: 0, error: error.message });
    const headers: http.OutgoingHttpHeaders = { "user-agent": "Mozilla/5.0 (brisk bench) Chrome/130.0" };
    if (cookie) headers.cookie = cookie;
    const request = http.request(
      { agent, host: origin.hostname, port: origin.port, path, method, headers },
      (response) => {
        response.resume();
        response.on("error", failed);
        response.on("end", () => {
          const visitor = response.headers["set-cookie"]?.find((line) => line.startsWith("brisk_visitor="));
          resolve({ status: response.statusCode ?? 0, cookie: visitor?.split(";")[0] });
        });
      },
    );
    request.setTimeout(REQUEST_TIMEOUT_MS, () => request.destroy(new Error("timed out")));
    request.on("error", failed);
    request.end();
  });
}

export async function runPageViews(options: {
  origin: string;
  slugs: string[];
  connections: number;
  seconds: number;
  /** POST /api/shopper?viewing=<slug> (the view recorded) instead of GET /api/shopper. */
  recordViews: boolean;
}): Promise<LoadResult> {
  const { slugs, connections, seconds, recordViews } = options;
  const origin = new URL(options.origin);
  const nextSlug = zipfSampler(slugs.length);
  const agents = Array.from({ length: connections }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  const shoppers = agents.map(() => ({ cookie: "", views: 0 }));

  const view = async (index: number): Promise<Sample> => {
    const shopper = shoppers[index];
    if (shopper.views++ === SHOPPER_VIEWS) Object.assign(shopper, { cookie: "", views: 1 });
    const slug = slugs[nextSlug()];
    const startMs = performance.now();
    const page = await send(agents[index], origin, `/products/${slug}`, shopper.cookie, "GET");
    const header = recordViews
      ? await send(agents[index], origin, `/api/shopper?viewing=${slug}`, shopper.cookie, "POST")
      : await send(agents[index], origin, "/api/shopper", shopper.cookie, "GET");
    if (header.cookie) shopper.cookie = header.cookie;
    const failed = [page, header].find((answer) => answer.status < 200 || answer.status >= 300);
    return {
      startMs,
      ms: performance.now() - startMs,
      status: failed?.status ?? page.status,
      xCache: null,
      error: failed?.error,
    };
  };

  await Promise.all(agents.map((_, index) => view(index)));
  const samples: Sample[] = [];
  const endMs = performance.now() + seconds * 1000;
  await Promise.all(
    agents.map(async (_, index) => {
      while (performance.now() < endMs) samples.push(await view(index));
    }),
  );
  for (const agent of agents) agent.destroy();
  return summarize(samples);
}
