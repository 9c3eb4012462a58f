import { expect, test } from "./fixtures";
import { codeIn, uniqueEmail } from "./support/test-support";
import { wrongCodeFor } from "../tests/support/codes";

test("the account page renames the shopper, and the header follows", async ({ signedIn }) => {
  const { account, header, page } = signedIn;
  const name = `Ada ${Date.now() % 100_000}`;
  await account.open();
  await expect(account.email).toHaveText(signedIn.email);
  await account.rename(name);
  await header.expectSignedIn(name);
  await page.reload();
  await expect(account.name).toHaveValue(name);

  // A name that is only spaces is refused, and the saved one stays.
  await account.name.fill("   ");
  await account.save.click();
  await expect(page.getByRole("status").filter({ hasText: /required|at least/i })).toBeVisible();
  await page.reload();
  await expect(account.name).toHaveValue(name);
});

test("the e-mail changes only with the code sent to the new address, and signs in there", async ({
  shop,
  testSupport,
}) => {
  // A shopper of its own: the worker's signed-in shopper keeps its address for the other tests.
  const { signIn, account, header, page } = shop;
  const oldEmail = uniqueEmail("moving");
  const newEmail = uniqueEmail("moved");
  await signIn.signIn(oldEmail);
  await account.rename("Moving Ada");
  const codesBefore = (await testSupport.mails(newEmail)).length;
  await account.askToChangeEmail(newEmail);
  const code = codeIn(await testSupport.nextMail(newEmail, codesBefore));
  await page.reload();
  await expect(account.emailChangeCodeField, "the step is kept across a reload").toBeVisible();

  const wrong = wrongCodeFor(code);
  await account.confirmEmailChange(wrong);
  await expect(account.emailChangeStatus).toContainText("2 tries left");
  await expect(account.email).toHaveText(oldEmail);

  const noticesBefore = (await testSupport.mails(oldEmail)).length;
  await account.confirmEmailChange(code);
  await expect(account.emailChangeStatus).toHaveText(`Your e-mail is now ${newEmail}.`);
  await expect(account.email).toHaveText(newEmail);
  expect((await testSupport.nextMail(oldEmail, noticesBefore)).subject).toMatch(/e-mail address was changed/);

  // The same account (its name) now signs in with the new address.
  await account.signOutButton.click();
  await header.expectSignedOut();
  await signIn.signIn(newEmail);
  await expect(account.email).toHaveText(newEmail);
  await expect(account.name).toHaveValue("Moving Ada");
});

test("order history lists the shopper's orders, newest first, each opening its details", async ({
  signedIn,
  productWithStock,
}) => {
  const { product, checkout, order, account, page } = signedIn;
  const numbers: string[] = [];
  const claimed = await productWithStock([5, 5]);
  for (const variant of claimed.variants.slice(0, 2)) {
    await product.open(claimed.slug, variant.sku);
    await product.addToCart();
    await checkout.placeOrder();
    numbers.push(await order.expectPaid());
  }

  await account.openOrders();
  await expect(page.getByRole("heading", { level: 1, name: "Your orders" })).toBeVisible();
  const listed = await account.orders.getByRole("link").allTextContents();
  expect(listed.indexOf(numbers[1])).toBeGreaterThanOrEqual(0);
  expect(listed.indexOf(numbers[1])).toBeLessThan(listed.indexOf(numbers[0]));

  await account.orders.getByRole("link", { name: numbers[0] }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Order ${numbers[0]}` })).toBeVisible();
  await expect(order.status).toHaveText("Paid");
  await expect(page.getByTestId("order-line")).toContainText(claimed.variants[0].sku);
});
