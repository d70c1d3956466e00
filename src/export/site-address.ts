/**
 * Where the site's pages are, for everything that writes their addresses
 * out in full (feeds, the sitemap, structured data): the site's address
 * when known, then the path prefix, without a final slash, so a site path
 * (`/speakers/x/`) follows it directly.
 */
export function siteAddressBase(options: { siteUrl?: string | undefined; pathPrefix?: string | undefined }): string {
  return `${(options.siteUrl ?? '').replace(/\/+$/, '')}${(options.pathPrefix ?? '/').replace(/\/$/, '')}`;
}
