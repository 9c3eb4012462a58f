import { defineConfig, devices } from "@playwright/test";
import { standaloneServer } from "./scripts/run/standalone-server";
import { TEST_ORIGIN, TEST_PORT, e2eServerEnv } from "./scripts/run/test-env";

/**
 * End-to-end tests in Debian's Chromium.
 * - Without BASE_URL: against a standalone server this config starts on E2E_PORT (3100), on the test database and
 *   namespace, with the test-support API on under a random TEST_SUPPORT_TOKEN. `npm test` builds first when
 *   the sources changed (scripts/run/build-if-changed.ts); run alone, `npx next build` first.
 * - With BASE_URL (`BASE_URL=https://staging.example TEST_SUPPORT_TOKEN=… npx playwright test`): against that
 *   deployment, starting no server. Its TEST_SUPPORT_TOKEN must be given (sign-in codes, claimed products).
 *   The specs that start servers of their own (INSTANCE_SPECS below) are left out there.
 * Projects: `desktop` runs every spec but those that start servers of their own (INSTANCE_SPECS below);
 * `instances` runs those, one at a time, on the desktop profile; `mobile` (a phone: small viewport, touch) the
 * journeys tagged `@mobile`, where the layout differs (header, filters, checkout). `@smoke`:
 * `npm run test:smoke`.
 */

const remote = process.env.BASE_URL || undefined;
/**
 * The specs that start servers of their own: Redis and PostgreSQL cut under an instance (outage), a Redis to
 * kill under two instances (live stock), a second instance (back office), a store without its database (the
 * error page's axe check), the production shape. Each adds processes to a 2-core machine, so they run one at
 * a time (the `instances` project), beside the others.
 */
const INSTANCE_SPECS = [
  "**/outage.spec.ts",
  "**/error-page.spec.ts",
  "**/live-stock-instances.spec.ts",
  "**/back-office.spec.ts",
  "**/production-shape.spec.ts",
];
const serverEnv = remote ? undefined : e2eServerEnv();
const server = serverEnv && standaloneServer("127.0.0.1", TEST_PORT, serverEnv);
// The workers inherit the runner's environment: they read the token the server was given (e2e/support).
if (serverEnv) process.env.TEST_SUPPORT_TOKEN = serverEnv.TEST_SUPPORT_TOKEN;

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--font-render-hinting=none",
  ],
};

export default defineConfig({
  testDir: "e2e",
  testIgnore: remote ? INSTANCE_SPECS : [],
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"], ["html", { open: "never" }]],
  // A bound that catches a hang, not a speed check: on a loaded 2-core machine a journey takes 10-25 s, and
  // axe over five pages 40 s.
  timeout: 90_000,
  expect: {
    timeout: 10_000,
    toHaveScreenshot: {
      animations: "disabled",
      caret: "hide",
      scale: "css",
      maxDiffPixelRatio: 0.002,
    },
  },
  use: {
    baseURL: remote ?? TEST_ORIGIN,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    video: "off",
  },
  projects: [
    // First: its specs run one after another, so the chain starts at once, beside the other projects' tests.
    {
      name: "instances",
      testMatch: INSTANCE_SPECS,
      workers: 1,
      use: { ...devices["Desktop Chrome"], launchOptions: chromium },
    },
    {
      name: "desktop",
      testIgnore: INSTANCE_SPECS,
      use: { ...devices["Desktop Chrome"], launchOptions: chromium },
    },
    {
      name: "mobile",
      grep: /@mobile/,
      // Pixel 7: 412×915 CSS pixels, touch, a mobile user agent; Chromium like the desktop project.
      use: { ...devices["Pixel 7"], launchOptions: chromium },
    },
  ],
  webServer: server && {
    command: [server.command, ...server.args].map((word) => JSON.stringify(word)).join(" "),
    url: `${TEST_ORIGIN}/api/health`,
    env: server.env,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
