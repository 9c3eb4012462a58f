import type { Page } from "@playwright/test";

/** Parts whose text changes from run to run: prices, stock, counts, SKUs of claimed variants. */
export function dynamicParts(page: Page) {
  return [
    page.locator(".tabular-nums"),
    page.getByTestId("stock-status"),
    page.getByTestId("cart-count"),
    page.getByText(/^\d+ products?$/),
    page.getByRole("status").filter({ hasText: /\d+ products?/ }),
  ];
}

/** Waits until the fonts and every image in the viewport have loaded, so the screenshot is the settled page. */
export async function settle(page: Page) {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForFunction(() =>
    [...document.images]
      .filter((image) => {
        const box = image.getBoundingClientRect();
        return box.bottom > 0 && box.top < window.innerHeight && box.width > 0;
      })
      .every((image) => image.complete && image.naturalWidth > 0),
  );
}
