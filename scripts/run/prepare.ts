import { db } from "../../lib/db";
import { env } from "../../lib/env";
import { applyMigrations } from "../db/migrations";
import { explainEnginePanics } from "../db/schema-engine";
import { seed } from "../seed/seed";
import { ensureServices } from "../services/ensure";
import { log } from "../services/shell";

/** What `npm start` and `npm run dev` do before serving: services up, migrations applied, an empty store seeded. */
export async function prepareStore(): Promise<void> {
  explainEnginePanics();
  await ensureServices();
  const applied = await applyMigrations(env.DATABASE_URL);
  if (applied.length > 0) log(`applied migrations: ${applied.join(", ")}`);
  if ((await db.product.count()) === 0) await seed(env.SEED_PRODUCTS);
  await db.$disconnect();
}
