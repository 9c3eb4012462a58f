import { prefixed } from "../redis/keys";

/** Test support's own Redis keys (only written while TEST_SUPPORT_TOKEN is set). */
export const testSupportKeys = {
  /** A product a test claimed (its stock is the test's to set), `test-support:claim:{p:<id>}`, expiring. */
  claim: (productId: number) => prefixed(`test-support:claim:{p:${productId}}`),
};
