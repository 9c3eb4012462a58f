import { NextRequest } from "next/server";
import { GET as getCart } from "@/app/api/cart/route";
import { DELETE as deleteItem, PATCH as patchItem } from "@/app/api/cart/items/[variantId]/route";
import { POST as postItem } from "@/app/api/cart/items/route";
import { routeContext } from "./routes";

/** Calls the cart API's route handlers as a browser would, carrying the cart cookie between calls. */
export class CartClient {
  constructor(public cookie: string | null = null) {}

  private request(path: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}) {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set("cookie", `brisk_cart=${this.cookie}`);
    if (init.body !== undefined) headers.set("content-type", "application/json");
    return new NextRequest(new URL(path, "http://localhost:3000"), {
      method: init.method ?? "GET",
      body: init.body,
      headers,
    });
  }

  private remember(response: Response): Response {
    const set = response.headers.get("set-cookie");
    const id = set && /brisk_cart=([^;]+)/.exec(set)?.[1];
    if (id) this.cookie = id;
    return response;
  }

  async get() {
    return this.remember(await getCart(this.request("/api/cart")));
  }

  async add(body: unknown, headers: Record<string, string> = {}) {
    const text = typeof body === "string" ? body : JSON.stringify(body);
    return this.remember(await postItem(this.request("/api/cart/items", { method: "POST", body: text, headers })));
  }

  async set(variantId: string | number, body: unknown) {
    const request = this.request(`/api/cart/items/${variantId}`, { method: "PATCH", body: JSON.stringify(body) });
    return this.remember(await patchItem(request, routeContext({ variantId: String(variantId) })));
  }

  async remove(variantId: string | number) {
    const request = this.request(`/api/cart/items/${variantId}`, { method: "DELETE" });
    return this.remember(await deleteItem(request, routeContext({ variantId: String(variantId) })));
  }
}
