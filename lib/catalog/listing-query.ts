import { z } from "zod";

/** The query of a product listing, as the API and the pages accept it (limits in docs/architecture.md). */

export const SORTS = ["price-asc", "price-desc", "newest", "name", "trending"] as const;
export type Sort = (typeof SORTS)[number];

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 24;
export const MAX_QUERY_LENGTH = 200;

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a slug")
  .max(100);

export const listingQuerySchema = z.object({
  q: z
    .string()
    .max(MAX_QUERY_LENGTH, `at most ${MAX_QUERY_LENGTH} characters`)
    .transform((q) => q.trim().replace(/\s+/g, " "))
    .optional()
    .transform((q) => q || undefined),
  category: slug.optional(),
  sort: z.enum(SORTS, { message: `one of ${SORTS.join(", ")}` }).optional(),
  page: z.coerce
    .number({ message: "a whole number from 1" })
    .int("a whole number from 1")
    .min(1, "at least 1")
    .max(10_000)
    .default(1),
  pageSize: z.coerce
    .number({ message: `a whole number from 1 to ${MAX_PAGE_SIZE}` })
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE, `at most ${MAX_PAGE_SIZE}`)
    .default(DEFAULT_PAGE_SIZE),
});

export type ListingQuery = z.output<typeof listingQuerySchema>;

/** Reads a listing query from URL parameters; repeated parameters count once (the first). */
export function parseListingQuery(params: URLSearchParams | Record<string, string | string[] | undefined>) {
  const get = (name: string) => {
    const value = params instanceof URLSearchParams ? params.get(name) : params[name];
    return (Array.isArray(value) ? value[0] : value) ?? undefined;
  };
  const raw = Object.fromEntries(["q", "category", "sort", "page", "pageSize"].map((n) => [n, get(n)]));
  // An empty parameter (`?q=&sort=`) means "not given", as HTML forms send it.
  return listingQuerySchema.safeParse(
    Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== "")),
  );
}
