/**
 * Text for Prisma's `contains`, which PostgreSQL runs as LIKE (ILIKE) without escaping: `%` and `_` in what
 * an admin types would match anything. Escaped with a backslash (LIKE's default escape), they match
 * themselves.
 */
export const literally = (text: string): string => text.replace(/[\\%_]/g, (char) => `\\${char}`);
