/** bench/lighthouse.md: the machine and date, then each page's medians side by side. */

export interface PageResult {
  name: string;
  path: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Pass/fail audits that failed in any run (what keeps a category below 100). */
  failing: string[];
}

export function lighthouseReport(
  results: PageResult[],
  runs: number,
  machine: string,
  version: string,
  untraced: number,
): string {
  const rows = results.map(
    (r) =>
      `| ${r.name} (\`${r.path}\`) | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${r.seo} | ` +
      `${Math.round(r.lcpMs)} | ${Math.round(r.tbtMs)} | ${r.cls.toFixed(3)} | ${r.failing.join(", ") || "–"} |`,
  );
  return `# Lighthouse

Written by \`npm run lighthouse\` (scripts/lighthouse/run.ts) on ${new Date().toISOString()}.

## Machine
${machine}
- Lighthouse ${version} with its mobile defaults (an emulated phone, simulated 4G throttling and a slowed CPU),
  in Debian's Chromium, headless; the standalone server of the production build on the seeded store.

## Medians of ${runs} runs per page
| page | performance | accessibility | best practices | SEO | LCP ms | TBT ms | CLS | failed audits (any run) |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |
${rows.join("\n")}

Runs Lighthouse could not trace (NO_NAVSTART: headless Chromium now and then records no navigation), run
again so that every median is of ${runs} complete runs: ${untraced}.

Pages that are \`noindex\` on purpose (the cart, search results, sign-in: nothing there belongs in a search
index) fail Lighthouse's \`is-crawlable\` audit ("Page is blocked from indexing") by design, which is what
keeps their SEO score below 100; every other SEO audit passes on them.
`;
}
