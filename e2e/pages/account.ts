import { expect, type Page } from "@playwright/test";

/**
 * /account: the e-mail and its change, the name form, the sessions, sign out (here or everywhere);
 * /account/orders.
 */
export class AccountPage {
  constructor(readonly page: Page) {}

  get email() {
    return this.page.getByTestId("account-email");
  }
  get name() {
    return this.page.getByLabel("Name", { exact: true });
  }
  get save() {
    return this.page.getByRole("button", { name: "Save" });
  }
  get saved() {
    return this.page.getByRole("status").filter({ hasText: "Saved." });
  }
  get newEmailField() {
    return this.page.getByLabel("New e-mail address");
  }
  get emailChangeCodeField() {
    return this.page.getByLabel(/^Code sent to /);
  }
  get emailChangeStatus() {
    return this.page.locator("#email-change-status");
  }
  get sessions() {
    return this.page.getByTestId("session");
  }
  get signOutButton() {
    return this.page.getByRole("button", { name: "Sign out", exact: true });
  }
  get signOutEverywhereButton() {
    return this.page.getByRole("button", { name: "Sign out everywhere" });
  }
  get orders() {
    return this.page.getByTestId("account-order");
  }

  async open() {
    await this.page.goto("/account");
    await expect(this.page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  }

  async rename(name: string) {
    await this.name.fill(name);
    await this.save.click();
    await expect(this.saved).toBeVisible();
  }

  /** Asks for a change of e-mail; the code goes to `email`. */
  async askToChangeEmail(email: string) {
    await this.newEmailField.fill(email);
    await this.page.getByRole("button", { name: "Send a code to the new address" }).click();
    await expect(this.emailChangeCodeField).toBeVisible();
  }

  async confirmEmailChange(code: string) {
    await this.emailChangeCodeField.fill(code);
    await this.page.getByRole("button", { name: "Change e-mail" }).click();
  }

  async openOrders() {
    await this.page.goto("/account/orders");
  }
}
