/** Whose cart: a guest's (by the id in the cart cookie) or a signed-in user's. */
export type CartOwner = { kind: "guest"; id: string } | { kind: "user"; id: string };
