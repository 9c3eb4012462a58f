import type { ZodError } from "zod";

/** One line naming each bad field: "page: at least 1; sort: one of ...". */
export function describeIssues(error: ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`).join("; ");
}
