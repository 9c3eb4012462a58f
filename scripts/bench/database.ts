import { spawnSync } from "node:child_process";
import pg from "pg";
import { applyMigrations } from "../db/migrations";
import { log } from "../services/shell";

/**
 * A benchmark's database of its own: migrated, and seeded with `products` products unless it has exactly that
 * many (the seed renders missing images only). Answers the active products' slugs, oldest first.
 */
export async function seededDatabase(url: string, appEnv: Record<string, string>, products: number): Promise<string[]> {
  await applyMigrations(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: counted } = await client.query("SELECT count(*) AS n FROM products");
    if (Number(counted[0].n) !== products) {
      log(`seeding ${products} products into ${new URL(url).pathname.slice(1)}`);
      const seeded = spawnSync("npx", ["tsx", "scripts/seed/seed.ts"], {
        stdio: "inherit",
        env: { ...process.env, ...appEnv, SEED_PRODUCTS: String(products) },
      });
      if (seeded.status !== 0) throw new Error("seeding the benchmark's database failed");
    }
    const { rows } = await client.query("SELECT slug FROM products WHERE status = 'active' ORDER BY id");
    return rows.map((row) => row.slug as string);
  } finally {
    await client.end();
  }
}

/** Category slugs, and search words (the first word of product names) for the search results rows. */
export async function listingPaths(url: string): Promise<{ categories: string[]; searches: string[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const categories = (await client.query("SELECT slug FROM categories ORDER BY id")).rows.map((row) => row.slug);
    const words = await client.query(
      "SELECT DISTINCT lower(split_part(name, ' ', 1)) AS word FROM products WHERE status = 'active' ORDER BY word LIMIT 40",
    );
    return { categories, searches: words.rows.map((row) => row.word as string) };
  } finally {
    await client.end();
  }
}
