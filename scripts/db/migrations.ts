import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { migrationsDir, schemaPath, withSchemaEngine } from "./schema-engine";

/** Applying `prisma/migrations` and diffing a database against schema.prisma, as `prisma migrate` would. */

const filters = { externalTables: [], externalEnums: [] };

function migrationsList() {
  const lockfile = path.join(migrationsDir, "migration_lock.toml");
  const names = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockfile) ? readFileSync(lockfile, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

/** Applies pending migrations; returns the names applied now. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  return withSchemaEngine(databaseUrl, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList: migrationsList(), filters });
    return result.appliedMigrationNames;
  });
}

/** The SQL that would take the database at `databaseUrl` to schema.prisma (or `schema`); empty when they agree. */
export async function diffDatabaseToSchema(
  databaseUrl: string,
  schema = readFileSync(schemaPath, "utf8"),
): Promise<string> {
  const schemaFile = { path: schemaPath, content: schema };
  return withSchemaEngine(databaseUrl, async (engine) => {
    const result = await engine.diff({
      // "schemaDatasource" is the live database behind the engine's driver adapter.
      from: { tag: "schemaDatasource", files: [schemaFile], configDir: process.cwd() },
      to: { tag: "schemaDatamodel", files: [schemaFile] },
      script: true,
      exitCode: null,
      filters,
    });
    const sql = result.stdout ?? "";
    return sql.includes("This is an empty migration.") ? "" : sql.trim();
  });
}
