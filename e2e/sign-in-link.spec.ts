import { expectAccessible } from "./accessibility";
import { expect, test } from "./fixtures";
import { uniqueEmail } from "./support/test-support";

test("a magic link signs in the browser that asked at once, and another browser only after it confirms", async ({
  shop,
  browser,
}) => {
  const { signIn, page } = shop;
  const email = uniqueEmail("link");
  const { link } = await signIn.askForCode(email);

  const phone = await browser.newContext();
  const other = await phone.newPage();
  await other.goto(link);
  await expect(other).toHaveURL(/\/signin\/confirm\?/);
  await expect(other.getByRole("heading", { name: "Sign in on this device?" })).toBeVisible();
  await expect(other.getByText(`This link signs in as ${email}`)).toBeVisible();
  await expectAccessible(other, "the sign-in confirmation");
  expect((await phone.cookies()).some((cookie) => cookie.name === "authjs.session-token")).toBe(false);
  await other.getByRole("button", { name: `Sign in as ${email}` }).click();
  await expect(other).toHaveURL(/\/account$/);
  await expect(other.getByTestId("account-link")).toBeVisible();
  await phone.close();

  // The code was used: the link no longer signs anyone in, not even where it was asked for.
  await page.goto(link);
  await expect(page).toHaveURL(/\/signin\?error=Verification/);

  const again = uniqueEmail("link-again");
  const own = await signIn.askForCode(again);
  await page.goto(own.link);
  await expect(page).toHaveURL(/\/account$/);
});
