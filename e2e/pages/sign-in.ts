import { expect, type Page } from "@playwright/test";
import { codeIn, signInLinkIn, type TestSupport } from "../support/test-support";

/** /signin: ask for a code by e-mail, then type it (or open the mailed link). */
export class SignInPage {
  constructor(
    readonly page: Page,
    private readonly support: TestSupport,
  ) {}

  get emailField() {
    return this.page.getByLabel("E-mail address");
  }
  get send() {
    return this.page.getByRole("button", { name: "Send me a sign-in code" });
  }
  get codeField() {
    return this.page.getByLabel(/The 6-digit code we sent/);
  }
  get problem() {
    // The page's own alert, not Next's route announcer (also role="alert").
    return this.page.locator('p[role="alert"]');
  }

  /** Asks for a code and returns the mail it sent (read through the test-support API). */
  async askForCode(email: string) {
    const before = (await this.support.mails(email)).length;
    await this.page.goto("/signin");
    await this.emailField.fill(email);
    await this.send.click();
    await expect(this.codeField).toBeVisible();
    const mail = await this.support.nextMail(email, before);
    return { mail, code: codeIn(mail), link: signInLinkIn(mail) };
  }

  async enterCode(code: string) {
    await this.codeField.fill(code);
    await this.codeField.press("Enter");
  }

  /** The whole flow with the right code; lands on `landing` (the account page unless a callback says else). */
  async signIn(email: string, landing: RegExp = /\/account$/) {
    const { code } = await this.askForCode(email);
    await this.enterCode(code);
    await expect(this.page).toHaveURL(landing);
  }
}
