import { describe, expect, it } from "vitest";
import { buildInputs } from "./build-if-changed";

describe("buildInputs", () => {
  it("covers every file next build reads, top-level ones included, and nothing it writes", () => {
    const inputs = buildInputs();
    for (const file of ["proxy.ts", "instrumentation.ts", "next.config.ts", "package-lock.json", "app/layout.tsx"])
      expect(inputs).toContain(file);
    expect(inputs).not.toContain("next-env.d.ts");
    expect(inputs.filter((file) => /\.test\.tsx?$|(^|\/)generated\//.test(file))).toEqual([]);
  });
});
