import { siteUrl } from "./site";

/** Sitemaps as XML (sitemaps.org protocol 0.9): absolute URLs on the public origin, `lastmod` in W3C time. */

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!);

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NAMESPACE = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';

export function urlSet(entries: { path: string; lastModified: Date }[]): string {
  const urls = entries.map(
    ({ path, lastModified }) =>
      `<url><loc>${escapeXml(siteUrl(path))}</loc><lastmod>${lastModified.toISOString()}</lastmod></url>`,
  );
  return `${XML_HEADER}<urlset ${NAMESPACE}>\n${urls.join("\n")}\n</urlset>\n`;
}

export function sitemapIndex(entries: { path: string; lastModified: Date }[]): string {
  const sitemaps = entries.map(
    ({ path, lastModified }) =>
      `<sitemap><loc>${escapeXml(siteUrl(path))}</loc><lastmod>${lastModified.toISOString()}</lastmod></sitemap>`,
  );
  return `${XML_HEADER}<sitemapindex ${NAMESPACE}>\n${sitemaps.join("\n")}\n</sitemapindex>\n`;
}

export const xmlResponse = (xml: string) =>
  new Response(xml, { headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "no-cache" } });
