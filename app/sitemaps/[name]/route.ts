import { getSitemapOutline, getSitemapProducts } from "@/lib/catalog/sitemap";
import { jsonError } from "@/lib/http/errors";
import { withErrorBoundary } from "@/lib/http/route";
import { urlSet, xmlResponse } from "../../_seo/sitemap-xml";

export const dynamic = "force-dynamic";

/** GET /sitemaps/pages.xml (home, all products, categories) and /sitemaps/products-<n>.xml. */
export const GET = withErrorBoundary(
  "sitemaps/[name]",
  async (_request: Request, { params }: { params: Promise<{ name: string }> }) => {
    const { name } = await params;
    const { productSitemaps, landingPages } = await getSitemapOutline();
    if (name === "pages.xml") return xmlResponse(urlSet(landingPages));
    const index = /^products-(\d{1,6})\.xml$/.exec(name)?.[1];
    if (index === undefined || Number(index) >= productSitemaps) return jsonError("not_found", "No such sitemap.");
    return xmlResponse(urlSet(await getSitemapProducts(Number(index))));
  },
);
