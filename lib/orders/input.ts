import { createHash } from "node:crypto";
import { z } from "zod";
import { emailSchema } from "../auth/email";

/** The checkout request (`POST /api/checkout`, the checkout form), parsed at the boundary. */

const expirySchema = z
  .string()
  .trim()
  .regex(/^(0[1-9]|1[0-2])\/\d{2}$/, "MM/YY")
  .refine((value) => {
    const [month, year] = value.split("/").map(Number);
    const now = new Date();
    return (
      2000 + year > now.getUTCFullYear() || (2000 + year === now.getUTCFullYear() && month >= now.getUTCMonth() + 1)
    );
  }, "the card has expired");

export const checkoutSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, "required").max(100, "at most 100 characters"),
  address: z.object({
    line1: z.string().trim().min(1, "required").max(200, "at most 200 characters"),
    line2: z
      .string()
      .trim()
      .max(200, "at most 200 characters")
      .optional()
      .transform((value) => value || undefined),
    city: z.string().trim().min(1, "required").max(100, "at most 100 characters"),
    postalCode: z
      .string()
      .trim()
      .min(2, "at least 2 characters")
      .max(16, "at most 16 characters")
      .regex(/^[A-Za-z0-9 -]+$/, "letters, digits, spaces and '-' only"),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, "a two-letter country code, e.g. US"),
  }),
  payment: z.object({
    cardNumber: z
      .string()
      .transform((value) => value.replace(/[\s-]/g, ""))
      .pipe(z.string().regex(/^\d{12,19}$/, "12 to 19 digits")),
    expiry: expirySchema,
    cvc: z
      .string()
      .trim()
      .regex(/^\d{3,4}$/, "3 or 4 digits"),
  }),
  fingerprint: z.string().max(64).optional(),
});

export type CheckoutInput = z.infer<typeof checkoutSchema>;

/** An `Idempotency-Key`: 8 to 128 letters, digits, '-' or '_'. */
export const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{8,128}$/, "8 to 128 letters, digits, '-' or '_'");

/**
 * What makes two requests "the same body" for idempotency: every field, but of the card only its last
 * four digits and expiry (a hash of a full card number is still card data).
 */
export function requestHash(input: CheckoutInput): string {
  const { payment, ...rest } = input;
  const card = { last4: payment.cardNumber.slice(-4), expiry: payment.expiry };
  return createHash("sha256")
    .update(JSON.stringify({ ...rest, card }))
    .digest("base64url");
}
