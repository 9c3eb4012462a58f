import path from "node:path";
import type { NextConfig } from "next";
import { LOCAL_ORIGIN } from "./lib/env";
import { IMAGE_CSP, isHttps, securityHeaderRules } from "./lib/http/security-headers";
import { HOME_ROUTE } from "./lib/page-cache/cached-paths";

const nextConfig: NextConfig = {
  // ioredis, pg and Prisma stay plain Node modules on the server (never bundled, never on the Edge).
  serverExternalPackages: ["ioredis", "pg", "@prisma/adapter-pg", "sharp", "prom-client"],
  poweredByHeader: false,
  // One build for every way the store runs: `npm start`, the tests, the production shape and the Dockerfile
  // all run .next/standalone/server.js (scripts/run/standalone-server.ts), completed by scripts/build/standalone.ts.
  output: "standalone",
  // The route cache lives in Redis, shared by every instance and invalidated with the data (lib/page-cache);
  // no copy in this process's memory that an invalidation could miss. Compiled by `npm run build`.
  cacheHandler: path.resolve("lib/generated/page-cache-handler.cjs"),
  cacheMaxMemorySize: 0,
  // proxy.ts' rewrites stay in this server whatever HOST it binds to. Next.js would rename a loopback host
  // in the rewrite's URL to `localhost`; bound to 127.0.0.1, the router then takes the URL for another origin
  // and proxies the request to itself over a new connection: an extra hop, refused while the server drains.
  // (Route handlers' request.url is then the address the server binds to: links use AUTH_URL.)
  skipProxyUrlNormalize: true,
  // The home page's route (lib/page-cache/cached-paths.ts): a rewrite here costs less than one in proxy.ts.
  rewrites: async () => ({ beforeFiles: [{ source: "/", destination: HOME_ROUTE }], afterFiles: [], fallback: [] }),
  // Security headers on every response (pages get their nonce CSP from proxy.ts). Next.js bakes them into the
  // build: AUTH_URL (as lib/env.ts reads it, "" is unset) must be the public origin when `next build` runs.
  headers: async () => securityHeaderRules({ https: isHttps(process.env.AUTH_URL || LOCAL_ORIGIN) }),
  images: {
    // Product images are served by this app at /media (see app/media); sizes fit the product grid and page.
    localPatterns: [{ pathname: "/media/**" }],
    deviceSizes: [640, 828, 1080, 1200],
    imageSizes: [96, 160, 256, 384],
    // WebP only: encoding AVIF took 0.2 to 0.6 s per image here against 0.08 s for WebP (measured on a cold
    // image cache), so a first view of a 24-product listing kept both cores busy for seconds and stalled
    // the next navigation. The images are a few KB either way.
    formats: ["image/webp"],
    // The optimizer sets this CSP itself, in place of the one headers() gives /_next/*.
    contentSecurityPolicy: IMAGE_CSP,
  },
};

export default nextConfig;
