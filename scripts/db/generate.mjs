// Runs `prisma generate` offline: Prisma's CLI insists on a schema engine file before generating, though
// generate never runs it. Point it at a stub that fails loudly, so nothing silently depends on it.
import { spawnSync } from "node:child_process";
import path from "node:path";

const stub = path.resolve("scripts/db/no-native-engine.sh");
const result = spawnSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: stub, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
});
process.exit(result.status ?? 1);
