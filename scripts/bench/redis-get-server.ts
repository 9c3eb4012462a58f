import http from "node:http";
import Redis from "ioredis";

/**
 * The other ceiling: a minimal Node http server that does nothing but the Redis GET of the cached entry
 * for /api/products/<slug> and returns it. Run as its own process: PORT, REDIS_URL, ENTRY_PREFIX.
 */
const redis = new Redis(process.env.REDIS_URL!, { enableAutoPipelining: true });
const prefix = process.env.ENTRY_PREFIX!;

http
  .createServer(async (request, response) => {
    const slug = request.url?.split("/").pop() ?? "";
    const entry = await redis.get(`${prefix}${slug}`).catch(() => null);
    response.writeHead(entry === null ? 404 : 200, { "Content-Type": "application/json" });
    response.end(entry ?? "{}");
  })
  .listen(Number(process.env.PORT), "127.0.0.1", () => console.log("ready"));
