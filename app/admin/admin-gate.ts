import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { NOT_INDEXED } from "@/app/_seo/site";
import { adminAccess } from "@/lib/auth/admin";
import type { SignedIn } from "@/lib/auth/current-user";

/**
 * Every back-office page calls this first, on every request (a layout is not rendered again on a
 * navigation between its pages, so the check cannot live there): anyone but an admin gets the store's 404
 * page, as for an address that does not exist. An admin whose sign-in is too old is told to sign in again.
 */
export const adminOfPage = cache(async (): Promise<SignedIn | "expired"> => {
  const access = await adminAccess(await cookies());
  if (access.kind === "none") notFound();
  return access.kind === "expired" ? "expired" : access.admin;
});

/**
 * A back-office page's metadata, through the same check: a page's title is rendered even into its 404,
 * so a static `metadata` export would tell a stranger the page exists.
 */
export async function adminMetadata(title: string): Promise<Metadata> {
  await adminOfPage();
  return { title, robots: NOT_INDEXED };
}
