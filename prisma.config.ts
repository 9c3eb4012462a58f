import { defineConfig } from "prisma/config";
import { LOCAL_DATABASE_URL } from "./lib/env";

// Prisma's CLI is used for `generate` only (scripts/db/generate.mjs); migrations run through
// the WebAssembly schema engine in scripts/db, because the native engine cannot be downloaded here.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL || LOCAL_DATABASE_URL },
});
