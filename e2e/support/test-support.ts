import { expect, request as playwrightRequest, type APIRequestContext } from "@playwright/test";

/**
 * The suite's one way to test-only powers: the deployment's test-support API (app/api/test-support), with
 * the bearer TEST_SUPPORT_TOKEN. playwright.config.ts sets it for the server it starts; against BASE_URL it
 * must be the deployment's. Without it, or with a deployment that has the API off, every call fails here
 * with a message saying so.
 */

export interface Mail {
  to: string;
  subject: string;
  text: string;
  sentAt: string;
}

export interface ClaimedVariant {
  id: number;
  sku: string;
  options: Record<string, string>;
  priceCents: number;
  stock: number;
}

/** A product claimed for one test: nobody else changes its stock while the claim lasts (15 minutes). */
export interface ClaimedProduct {
  id: number;
  slug: string;
  name: string;
  variants: ClaimedVariant[];
}

export class TestSupport {
  private constructor(private readonly api: APIRequestContext) {}

  static async connect(baseURL: string): Promise<TestSupport> {
    const token = process.env.TEST_SUPPORT_TOKEN;
    if (!token) throw new Error("TEST_SUPPORT_TOKEN is not set: give the suite the deployment's test-support token.");
    // One connection per request: this context lives as long as the worker, and a kept-alive connection that
    // the server closes after its idle timeout, just as a request reuses it, fails with ECONNRESET.
    const api = await playwrightRequest.newContext({
      baseURL,
      extraHTTPHeaders: { authorization: `Bearer ${token}`, connection: "close" },
    });
    return new TestSupport(api);
  }

  async dispose(): Promise<void> {
    await this.api.dispose();
  }

  private async json<T>(response: Awaited<ReturnType<APIRequestContext["get"]>>, what: string): Promise<T> {
    if (response.status() === 404 && (await response.text()).includes("No such API route"))
      throw new Error(`${what}: the test-support API refused (off on this deployment, or a wrong TEST_SUPPORT_TOKEN)`);
    if (!response.ok()) throw new Error(`${what}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  }

  /** Mail sent to an address, newest first. */
  async mails(to: string): Promise<Mail[]> {
    const response = await this.api.get(`/api/test-support/mail?to=${encodeURIComponent(to)}`);
    return (await this.json<{ mails: Mail[] }>(response, "reading mail")).mails;
  }

  /** The newest mail to `to` once there are more than `before` (mail is sent while the request is answered). */
  async nextMail(to: string, before: number): Promise<Mail> {
    let mails: Mail[] = [];
    await expect
      .poll(async () => (mails = await this.mails(to)).length, { message: `a mail to ${to}`, timeout: 10_000 })
      .toBeGreaterThan(before);
    return mails[0];
  }

  /** A product with an unclaimed set of variants whose first ones have this stock (in order). */
  async claimProduct(stock: number[], category?: string): Promise<ClaimedProduct> {
    const response = await this.api.post("/api/test-support/products", { data: { stock, category } });
    return (await this.json<{ product: ClaimedProduct }>(response, "claiming a product")).product;
  }

  /** A product as the store's API shows it now (its variants' prices and stock). */
  async product(slug: string): Promise<{ variants: ClaimedVariant[] }> {
    const response = await this.api.get(`/api/products/${encodeURIComponent(slug)}`);
    return (await this.json<{ product: { variants: ClaimedVariant[] } }>(response, "reading a product")).product;
  }

  /** Changes a claimed product's variant behind the shopper's back (stock sold elsewhere, a new price). */
  async changeVariant(sku: string, change: { stock?: number; priceCents?: number }): Promise<ClaimedProduct> {
    const response = await this.api.patch(`/api/test-support/variants/${encodeURIComponent(sku)}`, { data: change });
    return (await this.json<{ product: ClaimedProduct }>(response, "changing a variant")).product;
  }

  /** Gives a test address (@example.com) the back office. */
  async grantAdmin(email: string): Promise<void> {
    const response = await this.api.post("/api/test-support/admins", { data: { email } });
    await this.json<{ email: string }>(response, "granting the back office");
  }

  /** Lets an e-mail's pending sign-in codes expire now, as if ten minutes had passed. */
  async expireSignInCodes(email: string): Promise<number> {
    const response = await this.api.post("/api/test-support/sign-in-codes/expire", { data: { email } });
    return (await this.json<{ expired: number }>(response, "expiring codes")).expired;
  }
}

export const codeIn = (mail: Mail) => /code is (\d{6})/.exec(mail.text)![1];
export const signInLinkIn = (mail: Mail) => /(https?:\/\/\S+)/.exec(mail.text)![1];
export const orderLinkIn = (mail: Mail) => /(https?:\/\/\S+\/orders\/\S+)/.exec(mail.text)![1];

export const uniqueEmail = (name: string) => `${name}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
