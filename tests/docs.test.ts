import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ENV_VARIABLES } from "@/lib/env";

const readme = readFileSync(path.join(__dirname, "..", "README.md"), "utf8");

describe("the README", () => {
  it("lists every variable lib/env.ts reads in its table of variables", () => {
    const table = readme.slice(readme.indexOf("## Environment variables"));
    const listed = new Set(
      [...table.matchAll(/^\|[^|]*\|/gm)].flatMap(([cell]) => cell.match(/[A-Z][A-Z0-9_]+/g) ?? []),
    );
    expect(ENV_VARIABLES.filter((name) => !listed.has(name))).toEqual([]);
  });
});
