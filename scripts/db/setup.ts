import { db } from "../../lib/db";
import { env } from "../../lib/env";
import { closeRedisClients } from "../../lib/redis/clients";
import { seed } from "../seed/seed";
import { log } from "../services/shell";
import { applyMigrations } from "./migrations";
import { explainEnginePanics } from "./schema-engine";

/**
 * Makes the database ready to serve: pending migrations applied, and an empty store seeded (SEED_PRODUCTS).
 * What `npm start` does once its services are up, and `npm run db:setup` alone where the services run
 * elsewhere (the one-off `setup` service of compose.yaml, before the app starts).
 */
export async function setUpDatabase(): Promise<void> {
  explainEnginePanics();
  const applied = await applyMigrations(env.DATABASE_URL);
  if (applied.length > 0) log(`applied migrations: ${applied.join(", ")}`);
  if ((await db.product.count()) === 0) await seed(env.SEED_PRODUCTS);
  await db.$disconnect();
}

if (require.main === module) {
  setUpDatabase()
    .catch((error: Error) => {
      console.error(`[brisk] database setup failed: ${error.message}`);
      process.exitCode = 1;
    })
    .finally(() => closeRedisClients());
}
