/**
 * Next.js calls this once per server process at start: the mark on requests the proxy has work for,
 * background work that runs on its own, and the graceful stop on SIGTERM (lib/shutdown.ts): background work
 * stops, then the clients close once the server has finished the requests in flight.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // First: the proxy runs for the product API's requests it has work for by this mark.
  const { markProxyRequests } = await import("./lib/page-cache/proxy-mark");
  markProxyRequests();
  const { installGracefulShutdown, onClose, onStop } = await import("./lib/shutdown");
  installGracefulShutdown();
  const { startOrderSweeper } = await import("./lib/orders/sweeper");
  startOrderSweeper();
  const { startRestockNotifier } = await import("./lib/alerts/notifier");
  startRestockNotifier();
  // Views counted for trending in the last second are written, not lost.
  const { flushViewCounts } = await import("./lib/activity/view-counts");
  onStop("trending view counts", flushViewCounts);
  const [{ db }, { cache }, { closeRedisClients }] = await Promise.all([
    import("./lib/db"),
    import("./lib/cache"),
    import("./lib/redis/clients"),
  ]);
  onClose("PostgreSQL", () => db.$disconnect());
  // The cache's invalidation channel first: it is a connection of its own.
  onClose("Redis", async () => {
    await cache.close();
    await closeRedisClients();
  });
}
