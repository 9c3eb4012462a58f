import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// The direction of imports (docs/architecture.md): app → lib/shop → domains → infrastructure.
const infrastructure = [
  "lib/cache",
  "lib/page-cache",
  "lib/redis",
  "lib/http",
  "lib/mail",
  "lib/metrics",
  "lib/health",
  "lib/media",
  "lib/csv",
  "lib/db.ts",
  "lib/env.ts",
  "lib/global-singleton.ts",
  "lib/equal-secrets.ts",
  "lib/money.ts",
  "lib/validation.ts",
];
const domains = ["lib/catalog", "lib/auth", "lib/cart", "lib/activity", "lib/alerts", "lib/orders"];
const above = ["lib/shop", "lib/backoffice", "lib/test-support", "app", "scripts", "tests", "e2e"];
/**
 * What each domain must not import: catalog and auth use no other domain, cart may use both, activity
 * (recently viewed, trending) only auth, alerts (back in stock) only catalog, orders all the others.
 */
const domainsAbove = {
  "lib/catalog": ["lib/auth", "lib/cart", "lib/activity", "lib/alerts", "lib/orders"],
  "lib/auth": ["lib/catalog", "lib/cart", "lib/activity", "lib/alerts", "lib/orders"],
  "lib/cart": ["lib/activity", "lib/alerts", "lib/orders"],
  "lib/activity": ["lib/catalog", "lib/cart", "lib/alerts", "lib/orders"],
  "lib/alerts": ["lib/auth", "lib/cart", "lib/activity", "lib/orders"],
  "lib/orders": [],
};
const at = (path) => `./${path}`;

const layerZones = [
  ...infrastructure.map((target) => ({
    target: at(target),
    from: [...domains, ...above].map(at),
    message: "Infrastructure knows no domain: pass what it needs as an argument or option.",
  })),
  ...Object.entries(domainsAbove).map(([target, forbidden]) => ({
    target: at(target),
    from: [...forbidden, ...above].map(at),
    message:
      "Domains point one way (catalog, auth ← cart, activity ← orders ← shop): make the other side a hook or an argument.",
  })),
];

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    files: ["lib/**/*.ts", "lib/**/*.tsx"],
    ignores: ["**/*.test.ts", "**/*.cluster-test.ts"],
    rules: {
      "import/no-restricted-paths": ["error", { zones: layerZones }],
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    // Unit tests may use test support (tests/support), but no layer above their own otherwise.
    files: ["lib/**/*.test.ts", "lib/**/*.cluster-test.ts"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        { zones: layerZones.map((zone) => ({ ...zone, from: zone.from.filter((from) => from !== "./tests") })) },
      ],
    },
  },
  globalIgnores([
    ".next/**",
    ".data/**",
    ".scratch/**",
    "lib/generated/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
  ]),
]);
