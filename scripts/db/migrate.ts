import { env } from "../../lib/env";
import { redact } from "../services/probe";
import { explainEnginePanics } from "./schema-engine";
import { applyMigrations } from "./migrations";

explainEnginePanics();

/** `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the URL given as argument). */
const url = process.argv[2] ?? env.DATABASE_URL;
applyMigrations(url)
  .then((applied) => {
    const what = applied.length > 0 ? `applied ${applied.join(", ")}` : "no pending migrations";
    console.log(`[brisk] ${redact(url)}: ${what}`);
  })
  .catch((error: Error) => {
    console.error(`[brisk] migration failed: ${error.message}`);
    process.exit(1);
  });
