import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadEnvConfig } from "@next/env";
import { log } from "../services/shell";

/**
 * Local runs (`npm start`, `npm run dev`) need AUTH_SECRET and AUTH_URL. When neither the environment nor
 * .env.local has them, they are generated into .env.local (git-ignored, never committed) on the first run,
 * and .env.local is loaded, so these scripts and the Next server agree on every value.
 */

const FILE = ".env.local";

function missing(name: string, text: string): boolean {
  return !process.env[name] && !new RegExp(`^${name}=.+`, "m").test(text);
}

export function ensureLocalAuthEnv(origin: string, dir = process.cwd()): void {
  const file = path.join(dir, FILE);
  const text = existsSync(file) ? readFileSync(file, "utf8") : "";
  const additions: string[] = [];
  if (missing("AUTH_SECRET", text)) additions.push(`AUTH_SECRET=${randomBytes(33).toString("base64url")}`);
  if (missing("AUTH_URL", text)) additions.push(`AUTH_URL=${origin}`);
  if (additions.length > 0) {
    const separator = text === "" || text.endsWith("\n") ? "" : "\n";
    appendFileSync(
      file,
      `${separator}# Written by Brisk's first local run; keep it out of git.\n${additions.join("\n")}\n`,
    );
    log(`wrote ${additions.map((line) => line.split("=")[0]).join(" and ")} to ${file}`);
  }
  loadEnvConfig(dir, process.argv.includes("dev"));
}
