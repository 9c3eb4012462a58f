import path from "node:path";
import { build } from "esbuild";

/**
 * Compiles the route cache's handler (lib/page-cache/next-handler.ts) to one CommonJS file that Next.js
 * loads as it is (it does not compile `cacheHandler` files): lib/generated/page-cache-handler.cjs, which
 * next.config.ts names. Packages stay external, resolved from node_modules as the app's are.
 * Run by `npm run build` and `npm run dev`.
 */
export const PAGE_CACHE_HANDLER = path.join("lib", "generated", "page-cache-handler.cjs");

export async function buildPageCacheHandler(): Promise<void> {
  const root = path.resolve(__dirname, "../..");
  await build({
    entryPoints: [path.join(root, "lib", "page-cache", "next-handler.ts")],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    packages: "external",
    alias: { "@": root },
    outfile: path.join(root, PAGE_CACHE_HANDLER),
    logLevel: "warning",
    footer: { js: "module.exports = module.exports.default;" },
  });
}

if (require.main === module) {
  buildPageCacheHandler().catch((error: Error) => {
    console.error(`[brisk] ${error.message}`);
    process.exit(1);
  });
}
