/** A 6-digit code that is surely not `code` (the next one, wrapping at 999999): a wrong try, for tests. */
export const wrongCodeFor = (code: string): string => String((Number(code) + 1) % 1_000_000).padStart(6, "0");
