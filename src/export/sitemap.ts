/**
 * `sitemap.xml` (sitemaps.org 0.9) and `robots.txt`. Every value is
 * escaped; dates come only from the archive, so the same archive gives the
 * same bytes. Search engines want absolute addresses: with a `url` setting
 * every `<loc>` is absolute and robots.txt names the sitemap; without one the
 * locations are site paths (fine for tools, not for search engines).
 */
import { escapeXml } from './xml-escape.ts';
import { siteAddressBase } from './site-address.ts';

/** One page of the sitemap: its path in the site (without the prefix) and the date it last changed. */
export interface SitemapPage {
  path: string;
  /** `YYYY-MM-DD`, or null when the page shows nothing dated. */
  lastmod: string | null;
}

/** Options of `toSitemap` and `toRobotsTxt`. */
export interface SitemapOptions {
  /** Absolute address of the site's root, e.g. `https://example.org` (default: none). */
  siteUrl?: string;
  /** The folder the site is served from (default: `'/'`). */
  pathPrefix?: string;
}


function addressOf(sitePath: string, options: SitemapOptions): string {
  // Page paths hold letters of any script: percent-encode them, as the protocol asks of a URL.
  return encodeURI(`${siteAddressBase(options)}${sitePath}`);
}

/** The sitemap of `pages`, in the order given. */
export function toSitemap(pages: readonly SitemapPage[], options: SitemapOptions = {}): string {
  const urls = pages.map((p) => `  <url><loc>${escapeXml(addressOf(p.path, options))}</loc>${p.lastmod ? `<lastmod>${escapeXml(p.lastmod)}</lastmod>` : ''}</url>`);
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, '</urlset>', ''].join('\n');
}

/** `robots.txt`: everything may be crawled; the sitemap is named when its absolute address is known. */
export function toRobotsTxt(options: SitemapOptions = {}): string {
  const lines = ['User-agent: *', 'Allow: /'];
  if (options.siteUrl) lines.push('', `Sitemap: ${addressOf('/sitemap.xml', options)}`);
  return `${lines.join('\n')}\n`;
}
