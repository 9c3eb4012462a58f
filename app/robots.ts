import type { MetadataRoute } from "next";
import { siteUrl } from "./_seo/site";

export const dynamic = "force-dynamic";

/** robots.txt: crawl the catalog; per-shopper pages and the API are not for search engines. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: [
      {
        userAgent: "*",
        allow: "/",
        disallow: ["/api/", "/cart", "/checkout", "/account", "/signin", "/orders/", "/dev/"],
      },
    ],
    sitemap: siteUrl("/sitemap.xml"),
  };
}
