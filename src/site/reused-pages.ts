/**
 * Pages a rebuild takes from the previous site instead of rendering them
 * again. One page per record (article, speaker, entity, source) is most of
 * the site, and its HTML depends only on its record's view, the site's meta
 * data and the templates: a page whose three are those of a page the
 * previous site holds unchanged is linked from there (`reused-files.ts`),
 * and Eleventy renders only the others. List pages (home, indexes,
 * timeline, search) read the whole archive and are always rendered.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cacheKey, noCache, type BuildCache } from '../cache/build-cache.ts';
import { asOutputFiles, describeOutputFiles, reuseOutputFiles } from '../output/reused-files.ts';
import { projectRoot, templatesDir } from './eleventy-plugin.ts';
import type { SiteView } from './view-data.ts';

/** The site's paginated page kinds: one page per item of `site[kind]`, written at the item's `path`. */
export const RECORD_PAGE_KINDS = ['articles', 'speakers', 'entities', 'sources'] as const;
type RecordPageKind = (typeof RECORD_PAGE_KINDS)[number];

/** A page to render, with the key its output is recorded under once written. */
interface PendingPage {
  key: string;
  file: string;
}

/** What `reuseRecordPages` decided: the site view Eleventy renders (reused pages left out), and how to record the rest. */
export interface RecordPagesPlan {
  /** `site` without the pages that were reused. */
  site: SiteView;
  /** How many pages were reused. */
  reused: number;
  /** Records the pages Eleventy wrote into the cache, for the next build. */
  record(outDir: string): Promise<void>;
}

/** A hash of everything besides its record that a page's HTML depends on outside `src/` (templates, Eleventy config). */
function templatesVersion(): string {
  const files = readdirSync(templatesDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  const config = path.join(projectRoot, '.eleventy.ts');
  return cacheKey(...[...files, config].flatMap((file) => [path.relative(projectRoot, file), readFileSync(file, 'utf8')]));
}

/** The output file of a page at `pagePath` (`/articles/x/` → `articles/x/index.html`), as Eleventy writes it. */
function outputFileOf(pagePath: string): string {
  const relative = pagePath.replace(/^\/+/, '');
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
}

/**
 * Links every record page of `site` that the previous site holds as this
 * build would render it into `outDir`, and returns the view left to render.
 * Without a cache or a previous site, nothing is reused.
 */
export async function reuseRecordPages(site: SiteView, outDir: string, options: { cache?: BuildCache; previousSite?: string }): Promise<RecordPagesPlan> {
  const cache = options.cache ?? noCache;
  if (cache === noCache) return { site, reused: 0, record: async () => {} };
  const shared = cacheKey(templatesVersion(), JSON.stringify(site.meta));
  const pending: PendingPage[] = [];
  let reused = 0;
  const remaining = {} as Record<RecordPageKind, unknown[]>;
  for (const kind of RECORD_PAGE_KINDS) {
    const items = site[kind] as { path: string }[];
    const keep = await Promise.all(items.map(async (item) => {
      const key = cacheKey(shared, kind, JSON.stringify(item));
      const recorded = asOutputFiles(cache.get('page', key));
      if (recorded && options.previousSite && await reuseOutputFiles(options.previousSite, outDir, recorded).catch(() => false)) return false;
      pending.push({ key, file: outputFileOf(item.path) });
      return true;
    }));
    remaining[kind] = items.filter((_, i) => keep[i]);
    reused += items.length - remaining[kind].length;
  }
  return {
    site: { ...site, ...remaining } as SiteView,
    reused,
    async record(written) {
      await Promise.all(pending.map(async (page) => {
        const files = await describeOutputFiles(written, [page.file]);
        if (files) cache.set('page', page.key, files);
      }));
    },
  };
}
