import { z, type ZodError } from "zod";

/** One line naming each bad field: "page: at least 1; sort: one of ...". */
export function describeIssues(error: ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`).join("; ");
}

/** Trimmed text PostgreSQL can keep (it refuses a NUL character), of `min` to `max` characters. */
export const plainText = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, "required")
    .max(max)
    .refine((value) => !value.includes("\u0000"), "no NUL characters");

/** A row id: a positive integer PostgreSQL's `integer` holds (a larger one would fail the query, not match). */
export const rowIdSchema = z.number().int().positive().max(2_147_483_647);
