import { expectAccessible } from "./accessibility";
import { testEnv } from "../scripts/run/test-env";
import { AppServer } from "../tests/support/app-server";
import { freePort } from "../tests/support/ports";
import { expect, test } from "./fixtures";

// A standalone server of the built app whose database does not answer: it needs a server the suite starts
// itself, so it is left out against a deployment (BASE_URL).

test("the error page passes axe: a store whose database is unreachable", async ({ page }) => {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const database = new URL(testEnv().DATABASE_URL);
  database.port = String(await freePort());
  const broken = await AppServer.start(
    "a store without its database",
    port,
    // Its own cache namespace (empty), so every page must read PostgreSQL, and fails.
    { DATABASE_URL: database.toString(), REDIS_KEY_PREFIX: "brisk-e2e-no-db:", AUTH_URL: origin },
    (health) => health.status === 503,
  );
  try {
    await page.goto(`${origin}/`);
    await expect(page.getByRole("heading", { name: "Something went wrong on our side" })).toBeVisible();
    await expectAccessible(page, "the error page");
  } finally {
    // Nothing of the page may hold a connection to the server while it stops.
    await page.goto("about:blank");
    await broken.stop();
  }
});
