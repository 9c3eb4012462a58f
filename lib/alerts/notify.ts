import { loadVariant } from "../catalog/load";
import { db } from "../db";
import { sendMail } from "../mail/send";
import { backInStockMail } from "./mails";

/**
 * Sends the mails of alerts whose variant is back in stock, exactly once per alert across every instance,
 * through a crash. Each round claims a batch of due alerts in one statement (`FOR UPDATE SKIP LOCKED`: two
 * workers never claim the same alert), then for each renews its claim, hands the mail over and records it
 * as sent. A worker that dies
 * after claiming leaves claims that others take over once their lease has run out; the mail is handed
 * over under the alert's key (lib/mail/send.ts `once`), so a worker that died after handing it over but
 * before recording it does not make the next one send a second.
 */

export interface NotifyOptions {
  /** Who claims (this process). */
  workerId: string;
  /** Alerts claimed per round. */
  batch: number;
  /** How long a claim holds before another worker may take it over (ms). */
  leaseMs: number;
}

/**
 * The key a back-in-stock mail is handed over under: one per subscription (asking again after a mail makes
 * a new one, with a new `createdAt`).
 */
export const alertMailKey = (alert: { id: string; createdAt: Date }) =>
  `stock-alert-${alert.id}-${alert.createdAt.getTime()}`;

interface Claimed {
  id: string;
  email: string;
  variant_id: number;
  created_at: Date;
}

/** One round: the mails sent (handed over and recorded) by this worker. */
export async function notifyRestocked({ workerId, batch, leaseMs }: NotifyOptions): Promise<number> {
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE stock_alerts SET claimed_by = ${workerId}, claimed_at = now()
    WHERE id IN (
      SELECT a.id FROM stock_alerts a
      JOIN variants v ON v.id = a.variant_id
      JOIN products p ON p.id = v.product_id
      WHERE a.notified_at IS NULL AND v.stock > 0 AND p.status = 'active'
        AND (a.claimed_at IS NULL OR a.claimed_at < now() - make_interval(secs => ${leaseMs / 1000}))
      ORDER BY a.created_at
      LIMIT ${batch}
      FOR UPDATE OF a SKIP LOCKED)
    RETURNING id, email, variant_id, created_at`;
  let sent = 0;
  for (const alert of claimed) {
    try {
      // The batch's lease runs for all of it: renew this alert's before its mail, or leave it if another
      // worker took it over meanwhile (a slow mail server ahead of it in the batch).
      const { count: held } = await db.stockAlert.updateMany({
        where: { id: alert.id, claimedBy: workerId, notifiedAt: null },
        data: { claimedAt: new Date() },
      });
      if (held === 0) continue;
      const variant = await loadVariant(alert.variant_id);
      if (!variant) continue;
      const mail = backInStockMail({ to: alert.email, product: variant.product, sku: variant.sku });
      await sendMail(mail, { once: alertMailKey({ id: alert.id, createdAt: alert.created_at }) });
      const { count } = await db.stockAlert.updateMany({
        where: { id: alert.id, claimedBy: workerId, notifiedAt: null },
        data: { notifiedAt: new Date() },
      });
      sent += count;
    } catch (error) {
      // Left claimed: another round takes it over once the lease runs out.
      console.error(`[brisk] back-in-stock mail for alert ${alert.id} not sent: ${(error as Error).message}`);
    }
  }
  return sent;
}
