/**
 * The public data export. `_site/archive.json` and `npm run extract` print
 * exactly this text, so the two can be compared byte for byte.
 *
 * Compact (no indentation): the whitespace of the indented form was 16 % of
 * the file, and the exports are the largest files of the site. The text is
 * made in pieces (one per record), so a build can tell the size of an
 * archive too large for one file without holding it as one string (V8's
 * strings stop near 512 MB).
 */
import type { Archive } from '../archive/types.ts';

/** The text of `toArchiveJson` in pieces, in order: each record is one piece. */
export function* archiveJsonPieces(archive: Archive): Generator<string> {
  const keys = Object.keys(archive) as (keyof Archive)[];
  for (const [i, key] of keys.entries()) {
    yield `${i === 0 ? '{' : ','}${JSON.stringify(key)}:[`;
    const records = archive[key] as unknown[];
    for (const [j, record] of records.entries()) yield `${j === 0 ? '' : ','}${JSON.stringify(record)}`;
    yield ']';
  }
  yield keys.length === 0 ? '{}\n' : '}\n';
}

/** Serializes the archive deterministically (records are already sorted by `assembleArchive`); the same text as `JSON.stringify(archive)` and a newline. */
export function toArchiveJson(archive: Archive): string {
  return [...archiveJsonPieces(archive)].join('');
}
