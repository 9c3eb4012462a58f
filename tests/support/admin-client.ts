import { grantAdmin } from "@/lib/auth/admin";
import { BrowserClient } from "./browser-client";

/** A browser signed in to the app at `origin` as `email`, given the ADMIN role first. */
export async function signedInAdmin(origin: string, email: string): Promise<BrowserClient> {
  await grantAdmin(email);
  const admin = new BrowserClient(origin);
  await admin.signIn(email);
  return admin;
}
