import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensureLocalAuthEnv } from "./local-auth-env";

// The first local run writes AUTH_SECRET and AUTH_URL to .env.local, once, and loads them.
const saved = { AUTH_SECRET: process.env.AUTH_SECRET, AUTH_URL: process.env.AUTH_URL, NODE_ENV: process.env.NODE_ENV };
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "brisk-env-"));
  delete process.env.AUTH_SECRET;
  delete process.env.AUTH_URL;
  // As under `npm start` (Next's env loader skips .env.local when NODE_ENV is test).
  Object.assign(process.env, { NODE_ENV: "production" });
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  Object.assign(process.env, saved);
});

describe("ensureLocalAuthEnv", () => {
  it("generates a secret and the origin into .env.local once, and loads them", () => {
    ensureLocalAuthEnv("http://localhost:3000", dir);
    const first = readFileSync(path.join(dir, ".env.local"), "utf8");
    expect(first).toMatch(/^AUTH_SECRET=[A-Za-z0-9_-]{44}$/m);
    expect(first).toMatch(/^AUTH_URL=http:\/\/localhost:3000$/m);
    expect(process.env.AUTH_SECRET).toBe(/^AUTH_SECRET=(.+)$/m.exec(first)![1]);
    delete process.env.AUTH_SECRET;
    delete process.env.AUTH_URL;
    ensureLocalAuthEnv("http://localhost:3000", dir);
    expect(readFileSync(path.join(dir, ".env.local"), "utf8")).toBe(first);
  });

  it("keeps what the developer set, in the file or the environment", () => {
    writeFileSync(path.join(dir, ".env.local"), "AUTH_URL=https://shop.example.com");
    process.env.AUTH_SECRET = "x".repeat(40);
    ensureLocalAuthEnv("http://localhost:3000", dir);
    const text = readFileSync(path.join(dir, ".env.local"), "utf8");
    expect(text.match(/AUTH_URL=/g)).toHaveLength(1);
    expect(text).not.toMatch(/AUTH_SECRET=/);
  });
});
