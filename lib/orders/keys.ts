import { prefixed } from "../redis/keys";

export const orderKeys = {
  /** A checkout's idempotency record, `idem:{<scope>}:<key>`; scope `c:<cartId>` or `u:<userId>`. */
  idempotency: (scope: string, key: string) => prefixed(`idem:{${scope}}:${key}`),
};
