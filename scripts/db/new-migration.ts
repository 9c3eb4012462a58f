import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "../../lib/env";
import { explainEnginePanics } from "./schema-engine";
import { applyMigrations, diffDatabaseToSchema } from "./migrations";
import { migrationsDir } from "./schema-engine";

/**
 * `npm run db:migration -- <name>`: writes the next migration, the SQL that takes the fully migrated
 * development database to schema.prisma. Hand-written SQL (triggers, checks) can be appended to it.
 */
async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    throw new Error("usage: npm run db:migration -- <name>   (lower-case letters, digits and _)");
  }
  await applyMigrations(env.DATABASE_URL);
  const sql = await diffDatabaseToSchema(env.DATABASE_URL);
  if (sql === "") {
    console.log("[brisk] schema.prisma and the migrations agree: nothing to write");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
  writeFileSync(path.join(migrationsDir, "migration_lock.toml"), 'provider = "postgresql"\n');
  console.log(`[brisk] wrote ${path.relative(process.cwd(), dir)}/migration.sql; apply it with npm run db:migrate`);
}

explainEnginePanics();
main().catch((error: Error) => {
  console.error(`[brisk] ${error.message}`);
  process.exit(1);
});
