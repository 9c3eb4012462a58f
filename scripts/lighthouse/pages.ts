/** The pages Lighthouse audits, found through the store's own JSON API (as a shopper would reach them). */

export interface AuditedPage {
  name: string;
  path: string;
  /** Sent with every request of the audit (the cart's cookie, for a cart with lines). */
  headers?: Record<string, string>;
}

async function json<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}

export async function auditedPages(origin: string): Promise<AuditedPage[]> {
  const { products } = await json<{ products: { slug: string }[] }>(`${origin}/api/products?pageSize=20`);
  const { product } = await json<{
    product: { slug: string; category: { slug: string }; variants: { id: number; stock: number }[] };
  }>(`${origin}/api/products/${products[0].slug}`);
  const inStock = product.variants.find((variant) => variant.stock > 0) ?? product.variants[0];
  const added = await fetch(`${origin}/api/cart/items`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ variantId: inStock.id, quantity: 1 }),
  });
  const cartCookie = added.headers
    .getSetCookie()
    .find((line) => line.startsWith("brisk_cart="))
    ?.split(";")[0];
  if (!cartCookie) throw new Error(`adding to a cart answered ${added.status} without a cart cookie`);
  return [
    { name: "home", path: "/" },
    { name: "all products", path: "/products" },
    { name: "a category", path: `/categories/${product.category.slug}` },
    { name: "a product page", path: `/products/${product.slug}` },
    { name: "search results", path: "/products?q=cotton" },
    { name: "cart (with a line)", path: "/cart", headers: { Cookie: cartCookie } },
    { name: "sign-in", path: "/signin" },
  ];
}
