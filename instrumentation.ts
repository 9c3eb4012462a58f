/** Next.js calls this once per server process at start: background work that runs on its own. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startOrderSweeper } = await import("./lib/orders/sweeper");
  startOrderSweeper();
  const { startRestockNotifier } = await import("./lib/alerts/notifier");
  startRestockNotifier();
}
