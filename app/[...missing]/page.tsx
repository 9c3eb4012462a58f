import { notFound } from "next/navigation";
import { connection } from "next/server";

/**
 * Any path no page serves: the 404 page, rendered per request like the other pages outside the route
 * cache, so that it gets the proxy's nonce policy (without this route Next.js would serve a not-found page
 * rendered once, whose scripts carry no nonce).
 */
export default async function MissingPage(): Promise<never> {
  await connection();
  notFound();
}
