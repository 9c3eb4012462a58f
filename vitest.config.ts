import path from "node:path";
import { defineConfig } from "vitest/config";
import { testEnv } from "./scripts/run/test-env";

// Unit and integration tests beside the code they test, and cross-cutting scenarios in tests/scenarios. They talk to the real PostgreSQL and Redis
// (the test database and namespace: scripts/run/test-env.ts), so files run one at a time.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    include: ["{lib,app,scripts,tests}/**/*.test.ts"],
    environment: "node",
    env: testEnv(),
    pool: "forks",
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
