import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { env } from "../../lib/env";
import { applyMigrations, diffDatabaseToSchema } from "./migrations";
import { schemaPath } from "./schema-engine";

// The test database was reset and migrated from prisma/migrations at the start of this run.
describe("migrations and schema.prisma", () => {
  it("agree: the migrated database needs no change to match schema.prisma", async () => {
    expect(await diffDatabaseToSchema(env.DATABASE_URL)).toBe("");
  });

  it("would be caught drifting apart: a field added to schema.prisma without a migration", async () => {
    const drifted = readFileSync(schemaPath, "utf8").replace(
      "model Category {\n",
      "model Category {\n  drift String?\n",
    );
    expect(await diffDatabaseToSchema(env.DATABASE_URL, drifted)).toMatch(
      /ALTER TABLE "categories" ADD COLUMN\s+"drift" TEXT/,
    );
  });

  it("applies nothing twice", async () => {
    expect(await applyMigrations(env.DATABASE_URL)).toEqual([]);
  });
});
