/**
 * The mark of a folder this tool made: a small file written into every site
 * and every temporary build folder. The output edge replaces or deletes a
 * folder only when it carries the mark, so a wrong `--out` or a stray folder
 * named like ours is never taken for a site and lost.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** File name of the stamp, at the top of a site. Hidden, so static hosts list nothing new. */
export const SITE_STAMP = '.quote-archive-site';

/** Version of the stamp's format; a newer tool still recognizes older stamps by the first line. */
const STAMP_VERSION = 1;
const FIRST_LINE = 'quote-archive site';

/** Text of the stamp: fixed, so two builds of the same content stay byte-identical. */
export const SITE_STAMP_TEXT = `${FIRST_LINE}\nstamp-version: ${STAMP_VERSION}\nThis folder is built by quote-archive and replaced whole by the next build.\n`;

/** Writes the stamp into `dir`. Synchronous: it is the first thing put into a fresh folder. */
export function writeSiteStamp(dir: string): void {
  writeFileSync(join(dir, SITE_STAMP), SITE_STAMP_TEXT);
}

/** Tells whether `dir` holds a stamp of ours (any version). */
export function hasSiteStamp(dir: string): boolean {
  try {
    return readFileSync(join(dir, SITE_STAMP), 'utf8').split('\n', 1)[0] === FIRST_LINE;
  } catch {
    return false;
  }
}
