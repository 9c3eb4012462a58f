import { NextResponse } from "next/server";
import { z } from "zod";
import { grantAdmin } from "../auth/admin";
import { emailSchema } from "../auth/email";
import { parseJsonBody } from "../http/body";
import { jsonError } from "../http/errors";
import { TEST_SUPPORT_MAX_BODY_BYTES, testSupportAllowed } from "./access";
import { capturedMail } from "./mail";
import { changeClaimedVariant, claimProduct, claimSchema, variantChangeSchema } from "./products";
import { expireSignInCodes } from "./sign-in-codes";

/**
 * The test-support API, `/api/test-support/…`, for end-to-end suites run against any Brisk (README, "When an
 * e2e test fails"). Every request needs `Authorization: Bearer <TEST_SUPPORT_TOKEN>`; without the token set,
 * or with another bearer, every path and method answers the 404 of an unknown API path, before any body is
 * read. Bodies are JSON of at most 2 KB.
 *
 * | request                                            | answers                                                 |
 * | -------------------------------------------------- | ------------------------------------------------------- |
 * | `GET mail?to=<email>`                              | `{ mails }`: mail sent to the address, newest first     |
 * | `POST products` `{ stock: [n, …], category? }`     | 201 `{ product }`: a claimed product, its stock set     |
 * | `PATCH variants/<sku>` `{ stock?, priceCents? }`   | `{ product }`; 404 unless its product is claimed        |
 * | `POST sign-in-codes/expire` `{ email }`            | `{ expired }`: the e-mail's pending codes expire now    |
 * | `POST admins` `{ email }` (an @example.com address) | `{ email }`: that user gets the back office (ADMIN)     |
 * | `GET slow?ms=<n>`                                  | `{ sleptMs }` after n ms (at most 10 s): a request in flight |
 */

const noStore = { "Cache-Control": "no-store" };

/** The answer to a path nobody serves, the same as app/api/[[...path]]. */
const notFound = () => jsonError("not_found", "No such API route.", { headers: noStore });

const json = (body: unknown, status = 200) => NextResponse.json(body, { status, headers: noStore });

export async function testSupportResponse(request: Request, path: string[]): Promise<Response> {
  if (!testSupportAllowed(request.headers)) return notFound();
  const route = `${request.method} ${path.join("/")}`;
  if (route === "GET slow") {
    // A request still in flight when the test acts (a graceful shutdown finishes it): at most 10 s.
    const ms = Math.min(Math.max(Number(new URL(request.url).searchParams.get("ms")) || 0, 0), 10_000);
    await new Promise((resolve) => setTimeout(resolve, ms));
    return json({ sleptMs: ms });
  }
  if (route === "GET mail") {
    const to = emailSchema.safeParse(new URL(request.url).searchParams.get("to"));
    if (!to.success) return jsonError("invalid_input", "to: an e-mail address is required.");
    return json({ mails: await capturedMail(to.data) });
  }
  if (route === "POST products") {
    const body = await parseJsonBody(request, claimSchema, TEST_SUPPORT_MAX_BODY_BYTES);
    if (!body.ok) return body.response;
    const product = await claimProduct(body.data);
    if (!product) return jsonError("not_found", "No unclaimed product fits.", { headers: noStore });
    return json({ product }, 201);
  }
  if (request.method === "PATCH" && path.length === 2 && path[0] === "variants") {
    const body = await parseJsonBody(request, variantChangeSchema, TEST_SUPPORT_MAX_BODY_BYTES);
    if (!body.ok) return body.response;
    const product = await changeClaimedVariant(path[1], body.data);
    if (product === "not_claimed") return jsonError("not_found", "No variant of a claimed product has this SKU.");
    return json({ product });
  }
  if (route === "POST sign-in-codes/expire") {
    const body = await parseJsonBody(request, z.object({ email: emailSchema }), TEST_SUPPORT_MAX_BODY_BYTES);
    if (!body.ok) return body.response;
    return json({ expired: await expireSignInCodes(body.data.email) });
  }
  if (route === "POST admins") {
    const body = await parseJsonBody(request, adminSchema, TEST_SUPPORT_MAX_BODY_BYTES);
    if (!body.ok) return body.response;
    return json({ email: (await grantAdmin(body.data.email)).email });
  }
  return notFound();
}

/** Only test addresses: the test-support API never makes a real shopper an admin. */
const adminSchema = z.object({
  email: emailSchema.refine((email) => email.endsWith("@example.com"), "an @example.com address"),
});
