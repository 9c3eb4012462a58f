import { expect, type Page } from "@playwright/test";

/** A product listing (/products, a category, search results) with its filter form and pagination. */
export class Listing {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole("heading", { level: 1 });
  }
  get filters() {
    return this.page.getByRole("form", { name: "Filter products" });
  }
  get searchField() {
    return this.filters.getByLabel("Search");
  }
  get category() {
    return this.filters.getByLabel("Category");
  }
  get sort() {
    return this.filters.getByLabel("Sort by");
  }
  get apply() {
    return this.filters.getByRole("button", { name: "Apply" });
  }
  get products() {
    return this.page.getByRole("list", { name: "Products" });
  }
  get cards() {
    return this.products.getByRole("link");
  }
  get pagination() {
    return this.page.getByRole("navigation", { name: "Pagination" });
  }
  get next() {
    return this.pagination.getByRole("link", { name: "Next" });
  }
  get previous() {
    return this.pagination.getByRole("link", { name: "Previous" });
  }
  get currentPage() {
    return this.pagination.locator('[aria-current="page"]');
  }

  async open(query = "") {
    await this.page.goto(`/products${query}`);
  }

  /** Product names on this page, in order. */
  async names(): Promise<string[]> {
    return this.cards.getByRole("heading").allTextContents();
  }

  /** Card prices on this page, in dollars ("From $12.00" reads 12). */
  async prices(): Promise<number[]> {
    const texts = await this.cards.locator("p").allTextContents();
    return texts.map((text) => Number(text.replace(/[^0-9.]/g, "")));
  }

  /** Chooses filters in the form and applies them (a GET: the choice lands in the URL). */
  async filter(choice: { search?: string; category?: string; sort?: string }) {
    if (choice.search !== undefined) await this.searchField.fill(choice.search);
    if (choice.category !== undefined) await this.category.selectOption({ label: choice.category });
    if (choice.sort !== undefined) await this.sort.selectOption({ label: choice.sort });
    const before = this.page.url();
    await this.apply.click();
    await expect(this.page).not.toHaveURL(before);
  }

  async openProduct(name: string) {
    await this.cards
      .filter({ has: this.page.getByRole("heading", { name, exact: true }) })
      .first()
      .click();
    await expect(this.page.getByRole("heading", { level: 1 })).toHaveText(name);
  }
}
