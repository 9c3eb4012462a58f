import { randomBytes } from "node:crypto";
import os from "node:os";
import { env } from "../env";
import { globalSingleton } from "../global-singleton";
import { onStop } from "../shutdown";
import { notifyRestocked } from "./notify";

/** Alerts one round claims. */
const BATCH = 20;

/**
 * Sends back-in-stock mails every BACK_IN_STOCK_INTERVAL_MS, once per process (started from
 * instrumentation.ts); rounds never overlap, and a full batch is followed by another at once. Every
 * instance runs one: claims keep them from mailing anyone twice (notify.ts).
 */
export function startRestockNotifier(): void {
  globalSingleton("alerts.notifier", () => {
    const workerId = `${os.hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
    let running: Promise<void> | null = null;
    const round = async () => {
      try {
        while ((await notifyRestocked({ workerId, batch: BATCH, leaseMs: env.BACK_IN_STOCK_LEASE_MS })) === BATCH);
      } catch (error) {
        console.error(`[brisk] back-in-stock round failed: ${(error as Error).message}`);
      } finally {
        running = null;
      }
    };
    const timer = setInterval(() => (running ??= round()), env.BACK_IN_STOCK_INTERVAL_MS);
    timer.unref();
    // At shutdown: no new round; the one running finishes (its mail is sent and marked, or its lease expires).
    onStop("the back-in-stock notifier", () => (clearInterval(timer), running));
    return timer;
  });
}
