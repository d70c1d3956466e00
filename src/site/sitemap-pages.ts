/**
 * The pages of the site, for `sitemap.xml`: every page a reader can reach
 * (the 404 page is not one), each with the newest date it shows.
 */
import type { SitemapPage } from '../export/sitemap.ts';
import type { ArticleSummaryView, SiteView } from './view-data.ts';

function newest(dates: Iterable<string>): string | null {
  let found: string | null = null;
  for (const date of dates) if (found === null || date > found) found = date;
  return found;
}

const datesOf = (articles: readonly ArticleSummaryView[]): string[] => articles.map((a) => a.date);

/** Every page of `site` with its last change: home and lists first, then records. */
export function toSitemapPages(site: SiteView): SitemapPage[] {
  const latest = newest(site.articles.map((a) => a.date));
  const fixed = ['/', '/speakers/', '/entities/', '/sources/', '/timeline/', '/search/', '/data/'].map((path) => ({ path, lastmod: latest }));
  return [
    ...fixed,
    ...site.articleListPages.map((p) => ({ path: p.path, lastmod: newest(datesOf(p.articles)) })),
    ...site.articles.map((a) => ({ path: a.path, lastmod: a.date })),
    ...site.speakers.map((s) => ({ path: s.path, lastmod: newest(s.quotes.map((q) => q.date)) })),
    ...site.entities.map((e) => ({ path: e.path, lastmod: newest(datesOf(e.articles)) })),
    ...site.sources.map((s) => ({ path: s.path, lastmod: newest(datesOf(s.articles)) })),
  ];
}
