import Redis from "ioredis";
import { scanKeys } from "../lib/redis/scan";
import { TEST_KEY_PREFIX, testEnv } from "../scripts/run/test-env";
import { expect, pagesOf, test } from "./fixtures";
import { uniqueEmail } from "./support/test-support";
import { wrongCodeFor } from "../tests/support/codes";

test("a guest's cart merges on sign-in, follows the user to a second browser, and sign out everywhere ends both", async ({
  shop,
  browser,
  productWithStock,
  testSupport,
}) => {
  const { product, header, signIn, cart, account, page } = shop;
  const email = uniqueEmail("e2e");
  const claimed = await productWithStock([5]);

  await product.open(claimed.slug, claimed.variants[0].sku);
  await product.addToCart();
  await expect(header.cartCount).toHaveText("1");

  await signIn.signIn(email);
  await header.expectSignedIn();
  await cart.open();
  await expect(cart.lines).toHaveCount(1);
  await expect(cart.lines.first()).toContainText(claimed.name);
  await expect(header.cartCount).toHaveText("1");
  expect((await page.context().cookies()).some((cookie) => cookie.name === "brisk_cart")).toBe(false);

  const other = await browser.newContext();
  const phone = pagesOf(await other.newPage(), testSupport);
  await phone.signIn.signIn(email);
  await phone.cart.open();
  await expect(phone.cart.lines).toHaveCount(1);
  await expect(phone.header.cartCount).toHaveText("1");
  const { user, sessions } = await (await phone.page.request.get("/api/account")).json();
  expect(sessions).toHaveLength(2);

  await account.open();
  await expect(account.sessions).toHaveCount(2);
  await account.signOutEverywhereButton.click();
  await expect(page).toHaveURL(/\/signin/);
  await phone.page.goto("/account");
  await expect(phone.page).toHaveURL(/\/signin/);
  await phone.header.expectSignedOut();

  // With the suite's own server, look inside its Redis too: no session key of the user is left.
  if (!process.env.BASE_URL) {
    const redis = new Redis(testEnv().REDIS_URL, { lazyConnect: true });
    try {
      await redis.connect();
      expect(await scanKeys(redis, `${TEST_KEY_PREFIX}sess:{u:${user.id}}*`)).toEqual([]);
    } finally {
      redis.disconnect();
    }
  }
  await other.close();
});

test("a wrong code is refused with the tries left, and the right one still signs in @smoke", async ({ shop }) => {
  const { signIn, header, page } = shop;
  const email = uniqueEmail("wrong-code");
  const { code } = await signIn.askForCode(email);
  const wrong = wrongCodeFor(code);
  await signIn.enterCode(wrong);
  await expect(page).toHaveURL(/\/signin\?.*error=Verification/);
  await expect(signIn.problem).toHaveText("That code is wrong or has expired. 2 tries left.");
  await signIn.enterCode(code);
  await expect(page).toHaveURL(/\/account$/);
  await header.expectSignedIn();
});

test("an expired code no longer works; a new code does", async ({ shop, testSupport }) => {
  const { signIn, header, page } = shop;
  const email = uniqueEmail("expired");
  const { code } = await signIn.askForCode(email);
  expect(await testSupport.expireSignInCodes(email)).toBe(1);
  await signIn.enterCode(code);
  await expect(page).toHaveURL(/\/signin\?.*error=Verification/);
  await expect(signIn.problem).toContainText("That code no longer works in this browser");
  await header.expectSignedOut();

  await signIn.signIn(email);
  await header.expectSignedIn();
});

test("sign out ends this browser's session only: the page and the header say signed out", async ({
  shop,
  browser,
  testSupport,
}) => {
  const { signIn, account, header, page } = shop;
  const email = uniqueEmail("sign-out");
  await signIn.signIn(email);
  const other = await browser.newContext();
  const laptop = pagesOf(await other.newPage(), testSupport);
  await laptop.signIn.signIn(email);

  await account.open();
  await expect(account.sessions).toHaveCount(2);
  await account.signOutButton.click();
  await header.expectSignedOut();
  // Sent to sign-in: by proxy.ts when the cookie is gone, or by the page when the cookie outlived its session
  // (a GET answered after the sign-out, e.g. a link's prefetch, may have set the dead cookie again).
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=(%2F|\/)account$/);
  await header.expectSignedOut();

  // The other browser is still signed in, and now has one session.
  await laptop.account.open();
  await expect(laptop.account.sessions).toHaveCount(1);
  await laptop.header.expectSignedIn();
  await other.close();
});
