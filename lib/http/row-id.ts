/** PostgreSQL's `integer`: a larger id names no row (and would make the query fail instead of find none). */
const MAX_ROW_ID = 2_147_483_647;

/** A path parameter as a row id (a whole number from 1 that fits an `integer` column), or null. */
export function rowId(text: string): number | null {
  if (!/^\d{1,10}$/.test(text)) return null;
  const id = Number(text);
  return id >= 1 && id <= MAX_ROW_ID ? id : null;
}
