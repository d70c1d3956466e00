/**
 * Puts the path prefix (`/archive/`) in front of every site-absolute URL of
 * a page (`href="/speakers/x/"` → `href="/archive/speakers/x/"`), so a site
 * built for a sub-folder works there while templates keep writing site
 * paths. Protocol-relative (`//host/`), absolute (`https:`) and
 * fragment-only (`#q-1`) links are left alone.
 *
 * Why not Eleventy's HTML base plugin, which does the same: it parses every
 * page with posthtml, and at 1,000 articles that took 62 s of an 86 s pages
 * stage (1,914 pages, 32 ms each, on the shared 2-core machine). This is
 * one regular-expression pass per page. It is exact because it looks only
 * inside tags, at URL attributes in double quotes: text never holds a raw
 * `<` (templates and the sanitizer escape it), an attribute value never a
 * raw `"`, and JSON-LD blocks write `<` as `\u003c`, so nothing a content
 * author wrote can look like a tag or an attribute here.
 */

/** The start tags of a page. */
const TAG = /<[A-Za-z][^<>]*>/g;

/** A URL attribute whose value starts with one `/` (not `//`). */
const SITE_URL_ATTRIBUTE = /(\s(?:href|src|action|formaction|poster)=")\/(?!\/)/gi;

/** Prefixes every site-absolute URL in the tags of `html` with `pathPrefix` (`/folder/`); `/` changes nothing. */
export function prefixSiteLinks(html: string, pathPrefix: string): string {
  if (pathPrefix === '/') return html;
  return html.replace(TAG, (tag) => (tag.includes('="/') ? tag.replace(SITE_URL_ATTRIBUTE, `$1${pathPrefix}`) : tag));
}
