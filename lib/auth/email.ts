import { z } from "zod";

/** An e-mail as Auth.js keys it (trimmed, lower case), so rate limits, codes and users agree on one identity. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "at most 254 characters")
  .pipe(z.email("not an e-mail address"));
