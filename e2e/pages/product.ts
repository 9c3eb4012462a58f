import { expect, type Page } from "@playwright/test";

/** A product page: price, stock, the variant picker (choices in the URL) and Add to cart. */
export class ProductPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole("heading", { level: 1 });
  }
  get price() {
    return this.page.getByTestId("price");
  }
  get stock() {
    return this.page.getByTestId("stock-status");
  }
  get addButton() {
    return this.page.getByRole("button", { name: "Add to cart" });
  }
  get soldOutButton() {
    return this.page.getByRole("button", { name: "Out of stock" });
  }
  get status() {
    return this.page.getByRole("status").filter({ hasText: /cart|stock/i });
  }
  get added() {
    return this.page.getByRole("status").filter({ hasText: "Added to your cart." });
  }

  /**
   * Opens the page and waits until the browser has rendered its purchase panel and the cached HTML's panel
   * is gone: a button focused or clicked before would be gone too, and for a moment both panels can be on
   * the page (two prices, two stock lines; one CI run saw the default variant's beside the chosen one's).
   */
  async open(slug: string, sku?: string) {
    const response = await this.page.goto(`/products/${slug}${sku ? `?variant=${encodeURIComponent(sku)}` : ""}`);
    await this.page.locator('[data-purchase="interactive"]').waitFor();
    await this.page.locator('[data-purchase="loading"]').waitFor({ state: "detached" });
    return response;
  }

  /** The picker's choice for an option value (e.g. option "Size", value "M"). */
  choice(option: string, value: string) {
    return this.page.getByRole("group", { name: new RegExp(`^${option}`) }).getByRole("link", {
      name: new RegExp(`^${option} ${value}(, out of stock)?$`),
    });
  }

  selected(option: string) {
    return this.page.getByRole("group", { name: new RegExp(`^${option}`) }).locator('[aria-current="true"]');
  }

  async expectSku(sku: string) {
    await expect(this.page.getByText(`SKU ${sku}`)).toBeVisible();
  }

  /** Adds one and waits until the server confirmed it ("Added…", or a notice that stock limited it). */
  async addToCart() {
    await this.addButton.click();
    await expect(
      this.page.getByRole("status").filter({ hasText: /Added to your cart|in stock: your cart now has/ }),
    ).toBeVisible();
  }
}

/** What the page says for a stock level. */
export const stockText = (stock: number) =>
  stock === 0 ? "Out of stock" : stock <= 5 ? `Only ${stock} left` : "In stock";
