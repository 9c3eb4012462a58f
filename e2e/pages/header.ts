import { expect, type Page } from "@playwright/test";

/** The site header on every page: home link, main navigation, search, account and cart. */
export class Header {
  constructor(readonly page: Page) {}

  get root() {
    return this.page.getByRole("banner");
  }
  get home() {
    return this.root.getByRole("link", { name: "Brisk", exact: true });
  }
  get allProducts() {
    return this.root.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "All products" });
  }
  get searchBox() {
    return this.root.getByRole("searchbox", { name: "Search products" });
  }
  get signInLink() {
    return this.root.getByRole("link", { name: "Sign in" });
  }
  get accountLink() {
    return this.root.getByTestId("account-link");
  }
  get cartLink() {
    return this.root.getByRole("link", { name: /^Cart/ });
  }
  get cartCount() {
    return this.root.getByTestId("cart-count");
  }
  get signInUnavailable() {
    return this.root.getByRole("status").filter({ hasText: "Sign-in briefly unavailable" });
  }

  /** Searches from the header, as a shopper would: type, then Enter. */
  async search(text: string) {
    await this.searchBox.fill(text);
    await this.searchBox.press("Enter");
    await expect(this.page).toHaveURL(/\/products\?q=/);
  }

  async openCart() {
    await this.cartLink.click();
    await expect(this.page).toHaveURL(/\/cart$/);
  }

  async expectSignedIn(name?: string | RegExp) {
    await expect(this.accountLink).toBeVisible();
    if (name) await expect(this.accountLink).toContainText(name);
  }

  async expectSignedOut() {
    await expect(this.signInLink).toBeVisible();
  }
}
