import { timingSafeEqual } from "node:crypto";

/**
 * Whether two secrets (tokens, their hashes or HMACs) are equal, in time that does not depend on where they
 * differ. Of different lengths they are unequal at once: only the length can leak, and the secrets
 * compared here have fixed lengths.
 */
export function equalSecrets(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
