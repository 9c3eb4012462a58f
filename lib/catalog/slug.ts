/** Whether a string can be a product or category slug; anything else is not found without a lookup. */
export function isSlug(value: string): boolean {
  return value.length <= 120 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value);
}
