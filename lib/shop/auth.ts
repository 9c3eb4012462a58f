import { createAuth } from "../auth/config";
import { mergeGuestCartOnSignIn } from "../cart/merge-on-sign-in";

/** The store's Auth.js: signing in merges the shopper's guest cart into their own. */
export const { handlers, signIn, signOut } = createAuth({ onSignIn: mergeGuestCartOnSignIn });
