import { z } from "zod";
import { MAX_QUANTITY_PER_LINE } from "./store";

/** What the cart API and actions accept. */

const quantity = (min: number) =>
  z
    .number({ message: `a whole number from ${min} to ${MAX_QUANTITY_PER_LINE}` })
    .int(`a whole number from ${min} to ${MAX_QUANTITY_PER_LINE}`)
    .min(min, `at least ${min}`)
    .max(MAX_QUANTITY_PER_LINE, `at most ${MAX_QUANTITY_PER_LINE}`);

export const variantIdSchema = z.coerce
  .number({ message: "a product variant id" })
  .int("a product variant id")
  .positive("a product variant id")
  .max(2_147_483_647, "a product variant id");

export const addItemSchema = z.object({
  variantId: z.number().int().positive().max(2_147_483_647),
  quantity: quantity(1),
});
export const setQuantitySchema = z.object({ quantity: quantity(0) });
