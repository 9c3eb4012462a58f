import { randomBytes } from "node:crypto";

/**
 * Payments behind a small interface shaped like a real provider's: authorize an amount with a reference,
 * get an approval with the provider's reference or a decline with a reason. Brisk ships the test provider
 * only. Card numbers pass through in memory; nothing here stores or logs one.
 */

export interface Card {
  number: string;
  expiry: string;
  cvc: string;
}

export type Authorization = { approved: true; reference: string } | { approved: false; reason: string };

export interface PaymentProvider {
  /** Why this card cannot be charged at all (a typo, an unknown test card), or null. Nothing is charged. */
  rejectCard(card: Card): string | null;
  authorize(request: {
    amountCents: number;
    currency: string;
    card: Card;
    orderNumber: string;
  }): Promise<Authorization>;
}

const APPROVES = "4242424242424242";
const DECLINES = "4000000000000002";

export const testPaymentProvider: PaymentProvider = {
  rejectCard(card) {
    if (card.number === APPROVES || card.number === DECLINES) return null;
    return "Use the test card 4242 4242 4242 4242 (or 4000 0000 0000 0002 to see a decline).";
  },
  async authorize({ card }) {
    if (card.number === DECLINES) return { approved: false, reason: "Your card was declined." };
    return { approved: true, reference: `test_${randomBytes(12).toString("hex")}` };
  },
};
