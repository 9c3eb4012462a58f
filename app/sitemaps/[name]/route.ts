import { getSitemapOutline, getSitemapProducts } from "@/lib/catalog/sitemap";
import { jsonError } from "@/lib/http/errors";
import { urlSet, xmlResponse } from "../../_seo/sitemap-xml";

export const dynamic = "force-dynamic";

/** GET /sitemaps/pages.xml (home, all products, categories) and /sitemaps/products-<n>.xml. */
export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  const { productSitemaps, landingPages } = await getSitemapOutline();
  if (name === "pages.xml") return xmlResponse(urlSet(landingPages));
  const index = /^products-(\d{1,6})\.xml$/.exec(name)?.[1];
  if (index === undefined || Number(index) >= productSitemaps) return jsonError("not_found", "No such sitemap.");
  return xmlResponse(urlSet(await getSitemapProducts(Number(index))));
}
