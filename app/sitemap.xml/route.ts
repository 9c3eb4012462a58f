import { getSitemapOutline } from "@/lib/catalog/sitemap";
import { withErrorBoundary } from "@/lib/http/route";
import { sitemapIndex, xmlResponse } from "../_seo/sitemap-xml";

export const dynamic = "force-dynamic";

/** GET /sitemap.xml: the sitemap index: the landing pages' sitemap, then one per 50,000 products. */
export const GET = withErrorBoundary("sitemap.xml", async () => {
  const { productSitemaps, landingPages } = await getSitemapOutline();
  const lastModified = landingPages[0].lastModified;
  return xmlResponse(
    sitemapIndex([
      { path: "/sitemaps/pages.xml", lastModified },
      ...Array.from({ length: productSitemaps }, (_, n) => ({ path: `/sitemaps/products-${n}.xml`, lastModified })),
    ]),
  );
});
