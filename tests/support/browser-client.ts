/**
 * A minimal browser for HTTP tests: one cookie jar, redirects not followed (tests look at them), and the
 * sign-in steps a shopper takes: ask for a code, read it from the dev mailbox, send it back.
 */
export class BrowserClient {
  readonly cookies = new Map<string, string>();

  /** `headers`: sent with every request (e.g. the x-forwarded-for a trusted proxy would add for this client). */
  constructor(
    readonly origin: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  /** This browser's cookies as a `Cookie` header (to send them to another instance of the store, say). */
  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers({ ...this.headers, ...Object.fromEntries(new Headers(init.headers)) });
    if (this.cookies.size > 0) headers.set("cookie", this.cookieHeader());
    const response = await fetch(this.origin + path, { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const [name, value] = [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)];
      const expired = attributes.some((a) => /max-age=0|expires=thu, 01 jan 1970/i.test(a.trim()));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** POST /api/auth/signin/email with Auth.js' CSRF token, as its sign-in form does. */
  async requestCode(email: string, headers: Record<string, string> = {}): Promise<Response> {
    const { csrfToken } = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    return this.fetch("/api/auth/signin/email", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams({ email, csrfToken, callbackUrl: "/account" }),
    });
  }

  /** The newest sign-in mail to an address: its code and its link. */
  async latestMail(email: string): Promise<{ code: string; link: string; text: string }> {
    const response = await fetch(`${this.origin}/api/dev/mailbox?to=${encodeURIComponent(email)}`);
    const { mails } = (await response.json()) as { mails: { text: string }[] };
    if (mails.length === 0) throw new Error(`no mail to ${email}`);
    const text = mails[0].text;
    return { code: /code is (\d{6})/.exec(text)![1], link: /(https?:\/\/\S+)/.exec(text)![1], text };
  }

  /** Sends a code back the way the /signin code form does; answers Auth.js' redirect. */
  async submitCode(email: string, code: string): Promise<Response> {
    const query = new URLSearchParams({ token: code, email, callbackUrl: "/account" });
    return this.fetch(`/api/auth/callback/email?${query}`);
  }

  async signIn(email: string): Promise<void> {
    const requested = await this.requestCode(email);
    if (requested.status !== 302) throw new Error(`asking for a code answered ${requested.status}`);
    const response = await this.submitCode(email, (await this.latestMail(email)).code);
    if (!this.sessionToken)
      throw new Error(`signing in failed: ${response.status} ${response.headers.get("location")}`);
  }

  get sessionToken(): string | undefined {
    return this.cookies.get("authjs.session-token");
  }
}
