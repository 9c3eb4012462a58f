import { expect, test } from "./fixtures";
import { expectAccessible } from "./accessibility";
import { uniqueEmail } from "./helpers";

/** Asks for a sign-in mail on /signin and returns the magic link it carries. */
async function askForLink(page: import("@playwright/test").Page, email: string): Promise<string> {
  await page.goto("/signin");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in code" }).click();
  await expect(page.getByLabel(/The 6-digit code we sent/)).toBeVisible();
  const { mails } = await (await page.request.get(`/api/dev/mailbox?to=${encodeURIComponent(email)}`)).json();
  return /(https?:\/\/\S+)/.exec(mails[0].text)![1];
}

test("a magic link signs in the browser that asked at once, and another browser only after it confirms", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("link");
  const link = await askForLink(page, email);

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
  const own = await askForLink(page, again);
  await page.goto(own);
  await expect(page).toHaveURL(/\/account$/);
});
