import { expect, type Page } from "@playwright/test";

export const TEST_CARD = "4242 4242 4242 4242";
export const DECLINED_CARD = "4000 0000 0000 0002";

/** The checkout page: contact, address and card, the order summary, and the answers it shows. */
export class CheckoutPage {
  constructor(readonly page: Page) {}

  get email() {
    return this.page.getByLabel("E-mail");
  }
  get error() {
    return this.page.locator("#checkout-error");
  }
  get placeOrderButton() {
    return this.page.getByRole("button", { name: "Place order" });
  }
  get unavailable() {
    return this.page.getByRole("alert").filter({ hasText: "Checkout is briefly unavailable" });
  }

  async open() {
    await this.page.goto("/checkout");
    await expect(this.page.getByRole("heading", { level: 1, name: "Checkout" })).toBeVisible();
  }

  async fillAddress(email?: string) {
    if (email) await this.email.fill(email);
    await this.page.getByLabel("Full name").fill("Grace Hopper");
    await this.page.getByLabel("Address", { exact: true }).fill("1 Harbour Street");
    await this.page.getByLabel("City").fill("Arlington");
    await this.page.getByLabel("Postal code").fill("22201");
    await this.page.getByLabel("Country (2-letter code)").fill("US");
  }

  async fillCard(card = TEST_CARD) {
    await this.page.getByLabel("Card number").fill(card);
    await this.page.getByLabel("Expiry (MM/YY)").fill("12/39");
    await this.page.getByLabel("CVC").fill("123");
  }

  async submit() {
    await this.placeOrderButton.click();
  }

  /** Opens checkout, fills everything and places the order. */
  async placeOrder(options: { email?: string; card?: string } = {}) {
    await this.open();
    await this.fillAddress(options.email);
    await this.fillCard(options.card);
    await this.submit();
  }
}

/** The order page a paid checkout lands on (/orders/<id>). */
export class OrderPage {
  constructor(readonly page: Page) {}

  get thanks() {
    return this.page.getByRole("heading", { name: "Thank you for your order" });
  }
  get number() {
    return this.page.getByTestId("order-number");
  }
  get status() {
    return this.page.getByTestId("order-status");
  }

  async expectPaid(): Promise<string> {
    await expect(this.thanks).toBeVisible();
    await expect(this.status).toHaveText("Paid");
    return (await this.number.textContent())!;
  }
}
