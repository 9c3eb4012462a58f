import { expect, type Page } from "@playwright/test";

/** The cart page: its lines (quantity steppers), the subtotal and the way to checkout. */
export class CartPage {
  constructor(readonly page: Page) {}

  get lines() {
    return this.page.getByTestId("cart-line");
  }
  get empty() {
    return this.page.getByText("Your cart is empty.");
  }
  get subtotal() {
    return this.page.getByTestId("cart-subtotal");
  }
  get checkout() {
    return this.page.getByRole("link", { name: "Check out" });
  }
  get unavailable() {
    return this.page.getByRole("alert").filter({ hasText: "Your cart is briefly unavailable" });
  }

  async open() {
    await this.page.goto("/cart");
  }

  /** A line by its product's name (the first, when two variants of one product are in the cart). */
  line(name: string) {
    return this.controls(this.lines.filter({ hasText: name }).first());
  }

  /** A line by its variant's id. */
  lineOf(variantId: number) {
    return this.controls(this.page.locator(`[data-testid="cart-line"][data-variant-id="${variantId}"]`));
  }

  private controls(line: ReturnType<Page["locator"]>) {
    return {
      root: line,
      quantity: line.getByTestId("line-quantity"),
      more: line.getByRole("button", { name: /^One more/ }),
      fewer: line.getByRole("button", { name: /^One fewer/ }),
      remove: line.getByRole("button", { name: /^Remove/ }),
      problem: line.getByRole("alert"),
      notice: line.getByRole("status"),
    };
  }

  /** Presses + and waits for the server's answer (the new quantity). */
  async increase(name: string, expected: number) {
    const line = this.line(name);
    await line.more.click();
    await expect(line.quantity).toHaveText(String(expected));
  }
}
