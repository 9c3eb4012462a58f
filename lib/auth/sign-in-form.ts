import { z } from "zod";
import { readBodyBytes } from "../http/body";
import type { ErrorCode } from "../http/errors";
import { emailSchema } from "./email";

/**
 * The body of `POST /api/auth/signin/email`, read once, the way Brisk checks it: the form's one media type
 * (`application/x-www-form-urlencoded`, UTF-8), at most SIGN_IN_BODY_BYTES, each field once. Auth.js is then
 * handed a request rebuilt from these fields alone (`signInRequestFor`), so the e-mail Brisk checked and
 * counted is the e-mail Auth.js sends a code to: no content type or repeated field can make them differ.
 */

type Refusal = { code: ErrorCode; message: string };

export const SIGN_IN_BODY_BYTES = 4 * 1024;

/** A form without Auth.js' CSRF token, or with one that does not match its cookie. */
export const OUT_OF_DATE = {
  code: "forbidden",
  message: "The sign-in form is out of date: reload the page and try again.",
} as const satisfies Refusal;

export interface SignInForm {
  email: string;
  csrfToken: string;
  callbackUrl?: string;
}

const csrfTokenSchema = z.string().min(1).max(256);
const callbackUrlSchema = z.string().max(2048).optional();

/** Exactly the form's media type: `application/x-www-form-urlencoded`, optionally with `charset=utf-8`. */
export function isFormMediaType(contentType: string | null): boolean {
  const [essence, ...parameters] = (contentType ?? "").split(";").map((part) => part.trim().toLowerCase());
  return (
    essence === "application/x-www-form-urlencoded" &&
    parameters.every((parameter) => parameter === "charset=utf-8" || parameter === "")
  );
}

export async function readSignInForm(
  request: Request,
): Promise<{ ok: true; form: SignInForm } | ({ ok: false } & Refusal)> {
  if (!isFormMediaType(request.headers.get("content-type"))) {
    return {
      ok: false,
      code: "unsupported_media_type",
      message: "Send the form as application/x-www-form-urlencoded.",
    };
  }
  const bytes = await readBodyBytes(request, SIGN_IN_BODY_BYTES);
  if (bytes === null) {
    return { ok: false, code: "payload_too_large", message: `The form must be at most ${SIGN_IN_BODY_BYTES} bytes.` };
  }
  const params = new URLSearchParams(bytes.toString("utf8"));
  const repeated = [...new Set(params.keys())].filter((name) => params.getAll(name).length > 1);
  if (repeated.length > 0) return { ok: false, code: "invalid_input", message: `Send ${repeated[0]} once.` };
  const email = emailSchema.safeParse(params.get("email"));
  if (!email.success) return { ok: false, code: "invalid_input", message: "Enter a valid e-mail address." };
  const csrfToken = csrfTokenSchema.safeParse(params.get("csrfToken"));
  if (!csrfToken.success) return { ok: false, ...OUT_OF_DATE };
  const callbackUrl = callbackUrlSchema.safeParse(params.get("callbackUrl") ?? undefined);
  if (!callbackUrl.success)
    return { ok: false, code: "invalid_input", message: "callbackUrl: at most 2048 characters." };
  return { ok: true, form: { email: email.data, csrfToken: csrfToken.data, callbackUrl: callbackUrl.data } };
}

/** The request Auth.js acts on: the same URL and cookies, a body of the checked fields and nothing else. */
export function signInRequestFor(original: Request, form: SignInForm): Request {
  const headers = new Headers(original.headers);
  headers.set("content-type", "application/x-www-form-urlencoded");
  headers.delete("content-length");
  headers.delete("transfer-encoding");
  const body = new URLSearchParams({
    email: form.email,
    csrfToken: form.csrfToken,
    ...(form.callbackUrl === undefined ? {} : { callbackUrl: form.callbackUrl }),
  });
  return new Request(original.url, { method: "POST", headers, body });
}
