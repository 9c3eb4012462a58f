import { randomInt } from "node:crypto";

/** The one-time codes Brisk mails (sign-in, change of e-mail): 6 random digits, leading zeros kept. */

export const newOneTimeCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, "0");

/** Whether `value` has a code's shape (checked before anything is looked up). */
export const isOneTimeCode = (value: unknown): value is string => typeof value === "string" && /^\d{6}$/.test(value);
