/** Cents from what an admin types as an amount ("12.5", "12.50"); null when it is not one. */
export function centsOf(text: string): number | null {
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(text.trim())) return null;
  return Math.round(Number(text.trim()) * 100);
}
