/**
 * The link checker of a built site: walks every page, follows each internal
 * href and src to a file and each fragment to an element id on its target
 * page. With a path prefix the site is read as served under it: an internal
 * link that does not start with the prefix leads off the site, a problem.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { listFiles } from './tree.ts';

const BASE = 'http://site.invalid';

/**
 * Maps a URL path to the file a static server would send, or null. Under a
 * prefix (`/archive/`), only paths inside it reach the site.
 */
export function fileFor(site: string, pathname: string, pathPrefix = '/'): string | null {
  if (!pathname.startsWith(pathPrefix)) return null;
  const inSite = pathname.slice(pathPrefix.length - 1);
  let path = join(site, ...decodeURIComponent(inSite).split('/'));
  if (!path.startsWith(site)) return null;
  if (inSite.endsWith('/')) path = join(path, 'index.html');
  else if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
  return existsSync(path) && statSync(path).isFile() ? path : null;
}

const idsCache = new Map<string, Set<string>>();
function idsOf(file: string): Set<string> {
  let ids = idsCache.get(file);
  if (!ids) {
    const $ = cheerio.load(readFileSync(file, 'utf8'));
    ids = new Set<string>();
    $('[id]').each((_, element) => { ids!.add($(element).attr('id')!); });
    $('a[name]').each((_, element) => { ids!.add($(element).attr('name')!); });
    idsCache.set(file, ids);
  }
  return ids;
}

/** Checks one link found on the page at `pageUrl` (a URL path, prefix included); returns a problem or null. */
export function checkLink(site: string, pageUrl: string, link: string, pathPrefix = '/'): string | null {
  const url = new URL(link, `${BASE}${pageUrl}`);
  if (url.origin !== BASE) return null;
  const target = fileFor(site, url.pathname, pathPrefix);
  if (!target) return `${link} → no file for ${url.pathname}${url.pathname.startsWith(pathPrefix) ? '' : ` (outside ${pathPrefix})`}`;
  if (url.hash && url.hash !== '#' && target.endsWith('.html')) {
    const id = decodeURIComponent(url.hash.slice(1));
    if (!idsOf(target).has(id)) return `${link} → no element with id "${id}" on ${url.pathname}`;
  }
  return null;
}

/** Checks every link, script, stylesheet and image of every page of `site` served under `pathPrefix`. */
export function checkSiteLinks(site: string, pathPrefix = '/'): { checked: number; problems: string[] } {
  const problems: string[] = [];
  let checked = 0;
  for (const file of listFiles(site, '.html').filter((f) => !f.startsWith('pagefind/'))) {
    const pageUrl = `${pathPrefix}${file.replace(/(^|\/)index\.html$/, '$1')}`;
    const $ = cheerio.load(readFileSync(join(site, file), 'utf8'));
    $('a[href], link[href], script[src], img[src], iframe[src], source[src], form[action]').each((_, element) => {
      const link = $(element).attr('href') ?? $(element).attr('src') ?? $(element).attr('action')!;
      checked++;
      const problem = checkLink(site, pageUrl, link, pathPrefix);
      if (problem) problems.push(`${pageUrl}: ${problem}`);
    });
  }
  return { checked, problems };
}
