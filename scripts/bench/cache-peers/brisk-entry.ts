/**
 * What the benchmark takes from Brisk: the cache and the Redis clients as the app wires them. run.ts
 * compiles this file (esbuild, as a production build compiles lib/: no helper around every function) so
 * that Brisk runs as it does in production, not through tsx's development transform.
 */
export { createCache } from "@/lib/cache/cache";
export { awaitReady, closeRedisClients, redisClient, subscriberClient } from "@/lib/redis/clients";
export { env } from "@/lib/env";
