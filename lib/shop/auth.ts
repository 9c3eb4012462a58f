import { mergeRecentlyViewedOnSignIn } from "../activity/request-viewer";
import { createAuth } from "../auth/config";
import { mergeGuestCartOnSignIn } from "../cart/merge-on-sign-in";

/** The store's Auth.js: signing in merges the shopper's guest cart and recently viewed products into their own. */
export const { handlers, signIn, signOut } = createAuth({
  onSignIn: async (userId) => {
    await Promise.all([mergeGuestCartOnSignIn(userId), mergeRecentlyViewedOnSignIn(userId)]);
  },
});
