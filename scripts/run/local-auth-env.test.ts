import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

// The first local run writes AUTH_SECRET and AUTH_URL to .env.local, once, and loads them. Run the way
// `npm start` runs it (tsx, in a process of its own), so module loading is tested too.
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "brisk-env-"));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs ensureLocalAuthEnv in `dir` and answers the AUTH_SECRET and AUTH_URL it left in process.env. */
function runIn(dir: string, env: Record<string, string> = {}) {
  const script = path.resolve("scripts/run/local-auth-env.ts");
  const code = `import { ensureLocalAuthEnv } from ${JSON.stringify(script)};
ensureLocalAuthEnv("http://localhost:3000", ${JSON.stringify(dir)});
console.log(JSON.stringify({ secret: process.env.AUTH_SECRET, url: process.env.AUTH_URL }));`;
  // Without the test runner's AUTH_* and NODE_ENV=test (Next's loader skips .env.local under test).
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !["AUTH_SECRET", "AUTH_URL", "NODE_ENV"].includes(name)),
  );
  // A script file inside the project, as npm start runs one: tsx compiles a snippet or a file outside the
  // project with other settings, under which a broken import can pass.
  mkdirSync(".data", { recursive: true });
  const entry = path.resolve(".data", `env-test-${path.basename(dir)}.ts`);
  writeFileSync(entry, code);
  try {
    const result = spawnSync("npx", ["tsx", entry], {
      env: { ...inherited, ...env } as NodeJS.ProcessEnv,
      encoding: "utf8",
    });
    if (result.status !== 0) throw new Error(`the script failed: ${result.stderr.replace(/[^\x20-\x7e\n]/g, "")}`);
    return JSON.parse(result.stdout.trim().split("\n").at(-1)!) as { secret?: string; url?: string };
  } finally {
    rmSync(entry, { force: true });
  }
}

describe("ensureLocalAuthEnv", () => {
  it("generates a secret and the origin into .env.local once, and loads them", () => {
    const loaded = runIn(dir);
    const first = readFileSync(path.join(dir, ".env.local"), "utf8");
    expect(first).toMatch(/^AUTH_SECRET=[A-Za-z0-9_-]{44}$/m);
    expect(first).toMatch(/^AUTH_URL=http:\/\/localhost:3000$/m);
    expect(loaded).toEqual({ secret: /^AUTH_SECRET=(.+)$/m.exec(first)![1], url: "http://localhost:3000" });
    runIn(dir);
    expect(readFileSync(path.join(dir, ".env.local"), "utf8")).toBe(first);
  });

  it("keeps what the developer set, in the file or the environment", () => {
    writeFileSync(path.join(dir, ".env.local"), "AUTH_URL=https://shop.example.com");
    const loaded = runIn(dir, { AUTH_SECRET: "x".repeat(40) });
    const text = readFileSync(path.join(dir, ".env.local"), "utf8");
    expect(text.match(/AUTH_URL=/g)).toHaveLength(1);
    expect(text).not.toMatch(/AUTH_SECRET=/);
    expect(loaded).toEqual({ secret: "x".repeat(40), url: "https://shop.example.com" });
  });
});
