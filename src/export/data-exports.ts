/**
 * The whole-archive data exports, whole and in parts, within a file size
 * limit. Common static hosts refuse a file over some size (GitHub Pages
 * warns at 50 MB, Cloudflare Pages stops at 25 MiB), and archive.json alone
 * grows by about 14 MB per 1,000 articles. So every export is always
 * written in parts by the date of its articles (`archive-parts.ts`), which
 * `/data/index.json` lists, and also whole while the whole is at most the
 * limit; past it the whole is left out and the build says so.
 *
 * Texts are made in pieces and joined only while within the limit, so an
 * archive too large for one file never becomes one string.
 */
import { createHash } from 'node:crypto';
import type { Archive } from '../archive/types.ts';
import { archiveJsonPieces } from './json.ts';
import { quotesCsvPieces } from './csv.ts';
import { quotesJsonlPieces } from './jsonl.ts';
import { quoteRowsCsvPieces } from './quote-rows-csv.ts';
import { splitArchiveByPeriod } from './archive-parts.ts';
import type { DataExportEntry, DataIndex, DataPartEntry } from './data-index.ts';

/** The default largest file: 50 MB, which GitHub Pages, Netlify and most static hosts take. */
export const DEFAULT_EXPORT_LIMIT_BYTES = 50_000_000;

/** One whole-archive export and where its parts go. */
export interface DataExportKind {
  /** Its name, also its whole file under the site root. */
  name: 'archive.json' | 'archive.csv' | 'quotes.jsonl' | 'quotes.csv';
  /** The whole file, as a site path. */
  path: string;
  /** The site path of its part for a period. */
  partPath(period: string): string;
  /** Its text for an archive, in pieces. */
  pieces(archive: Archive): Iterable<string>;
}

/** The exports, in the order the index lists them. */
export const DATA_EXPORTS: readonly DataExportKind[] = [
  { name: 'archive.json', path: '/archive.json', partPath: (period) => `/data/archive/${period}.json`, pieces: archiveJsonPieces },
  { name: 'archive.csv', path: '/archive.csv', partPath: (period) => `/data/archive/${period}.csv`, pieces: quotesCsvPieces },
  { name: 'quotes.jsonl', path: '/quotes.jsonl', partPath: (period) => `/data/quotes/${period}.jsonl`, pieces: quotesJsonlPieces },
  { name: 'quotes.csv', path: '/quotes.csv', partPath: (period) => `/data/quotes/${period}.csv`, pieces: quoteRowsCsvPieces },
];

/**
 * The pieces joined, or only their size in UTF-8 bytes when it passes
 * `limitBytes` (then `text` is null). With `stopPastLimit` the count stops
 * there too (`bytes` is then only past the limit), for a caller that only
 * asks whether the text fits.
 */
export function joinWithin(pieces: Iterable<string>, limitBytes: number, stopPastLimit = false): { bytes: number; text: string | null } {
  let bytes = 0;
  let kept: string[] | null = [];
  for (const piece of pieces) {
    bytes += Buffer.byteLength(piece);
    if (kept && bytes > limitBytes) kept = null;
    if (!kept && stopPastLimit) break;
    kept?.push(piece);
  }
  return { bytes, text: kept ? kept.join('') : null };
}

/** One export's whole file: its text, or null when it would pass the limit. */
export interface WholeExport {
  kind: DataExportKind;
  text: string | null;
}

/**
 * Every export's whole file, as far as the limit allows. One past the limit
 * is measured only up to it: at 50,000 articles the four wholes are 2 GB of
 * text, which would take longer to count than its parts take to write.
 */
export function toWholeExports(archive: Archive, limitBytes: number): WholeExport[] {
  return DATA_EXPORTS.map((kind) => ({ kind, text: joinWithin(kind.pieces(archive), limitBytes, true).text }));
}

/** SHA-256 of a text's UTF-8 bytes, hex. */
function sha256Of(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** One part file of one export. */
export interface DataPartFile {
  kind: DataExportKind;
  entry: DataPartEntry;
  text: string;
}

/**
 * The part files of every export, period by period (newest first). A
 * period is cut finer until every export's part of it is within the limit.
 */
export function* toDataPartFiles(archive: Archive, limitBytes: number): Generator<DataPartFile> {
  // `fits` makes the texts it measures; they are kept for the part it accepts, so each is made once.
  const texts = new WeakMap<Archive, (string | null)[]>();
  const fits = (part: Archive): boolean => {
    // A part that does not fit is cut finer: no need to make the rest of it, or the other exports of it.
    const made: (string | null)[] = [];
    for (const kind of DATA_EXPORTS) {
      made.push(joinWithin(kind.pieces(part), limitBytes, true).text);
      if (made.at(-1) === null) return false;
    }
    texts.set(part, made);
    return true;
  };
  for (const { period, archive: part } of splitArchiveByPeriod(archive, fits)) {
    const made = texts.get(part) ?? DATA_EXPORTS.map(() => null);
    const dates = part.articles.map((a) => a.date);
    for (const [i, kind] of DATA_EXPORTS.entries()) {
      // Only a single article too large for the limit gets here without its text: it is written anyway.
      const text = made[i] ?? [...kind.pieces(part)].join('');
      const path = kind.partPath(period);
      yield {
        kind,
        text,
        entry: {
          period, year: Number(period.slice(0, 4)),
          from: dates.at(-1) ?? '', to: dates[0] ?? '',
          articles: part.articles.length, quotes: part.quotes.length,
          path, bytes: Buffer.byteLength(text), sha256: sha256Of(text),
        },
      };
    }
  }
}

/** The index of the exports: each whole file written (null for one over the limit) and every part. */
export function toDataIndex(limitBytes: number, wholes: readonly WholeExport[], parts: readonly Pick<DataPartFile, 'kind' | 'entry'>[]): DataIndex {
  const exports: DataExportEntry[] = wholes.map((whole) => ({
    name: whole.kind.name,
    whole: whole.text === null ? null : { path: whole.kind.path, bytes: Buffer.byteLength(whole.text), sha256: sha256Of(whole.text) },
    parts: parts.filter((p) => p.kind === whole.kind).map((p) => p.entry),
  }));
  return { limitBytes, exports };
}
