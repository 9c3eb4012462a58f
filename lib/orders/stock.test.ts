import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { env } from "../env";
import { closeRedisClients } from "../redis/clients";
import { freshVariant, stockOf } from "@/tests/support/checkout-fixtures";
import { waitFor } from "@/tests/support/wait";
import { ShortOfStockError, takeStock } from "./stock";

// Stock moves against the real test PostgreSQL.
afterAll(async () => {
  await closeRedisClients();
  await db.$disconnect();
});

describe("takeStock", () => {
  it("takes all lines or none, and names the short ones", async () => {
    const [a, b] = [await freshVariant(5), await freshVariant(1)];
    const lines = [
      { variantId: a.id, productId: a.productId, quantity: 2 },
      { variantId: b.id, productId: b.productId, quantity: 2 },
    ];
    const failed = await db.$transaction((tx) => takeStock(tx, lines)).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(ShortOfStockError);
    expect((failed as ShortOfStockError).variantIds).toEqual([b.id]);
    // The line that could be taken was given back with the rollback.
    expect([await stockOf(a.id), await stockOf(b.id)]).toEqual([5, 1]);
  });

  it("locks lines in variant id order, so a cart holding them in the opposite order cannot deadlock", async () => {
    const [first, second] = [await freshVariant(10), await freshVariant(10)].sort((x, y) => x.id - y.id);
    // Another checkout, already holding the lower variant's row and about to take the higher one.
    const other = new pg.Client({ connectionString: env.DATABASE_URL });
    const monitor = new pg.Client({ connectionString: env.DATABASE_URL });
    await Promise.all([other.connect(), monitor.connect()]);
    try {
      await other.query("BEGIN");
      await other.query("UPDATE variants SET stock = stock - 1 WHERE id = $1", [first.id]);
      // This cart lists the higher variant first.
      const taking = db.$transaction((tx) =>
        takeStock(tx, [
          { variantId: second.id, productId: second.productId, quantity: 1 },
          { variantId: first.id, productId: first.productId, quantity: 1 },
        ]),
      );
      // Wait until it queues behind the other checkout's lock (holding nothing, if it goes in id order).
      // Asked on a connection of its own: inside a transaction, pg_stat_activity is a frozen snapshot.
      await waitFor(
        async () =>
          (
            await monitor.query(
              "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%UPDATE variants%'",
            )
          ).rows[0].n > 0,
        10_000,
        "the checkout to wait for the lock",
      );
      // Out of order, this would deadlock (PostgreSQL would abort one of the two).
      await other.query("UPDATE variants SET stock = stock - 1 WHERE id = $1", [second.id]);
      await other.query("COMMIT");
      await taking;
    } finally {
      await Promise.all([other.end(), monitor.end()]);
    }
    expect([await stockOf(first.id), await stockOf(second.id)]).toEqual([8, 8]);
  });
});
