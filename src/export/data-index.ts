/**
 * `/data/index.json`: the data exports and their parts. Each export
 * (archive.json, archive.csv, quotes.jsonl, quotes.csv) is also written in
 * parts by the date of its articles (`archive-parts.ts`), and the whole file
 * only while it is at most the file size limit, since common static hosts
 * refuse larger files. The index lists both, with sizes and SHA-256, so a
 * program can fetch what it needs and check it got it whole.
 */
import { z } from 'zod';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

const wholeFileSchema = z.strictObject({
  path: z.string().describe('The file on this site, e.g. `/archive.json`.'),
  bytes: z.number().int().min(0).describe('Its size in bytes.'),
  sha256: sha256.describe('SHA-256 of its bytes, hex.'),
});

export const dataPartSchema = z.strictObject({
  period: z.string().describe('What the part holds: a year (`2021`), a month of a year too large for one part (`2021-03`), or a run of articles of a month too large (`2021-03-2`, numbered from 1, oldest last like the articles).'),
  year: z.number().int().describe('The year of its articles.'),
  from: date.describe('Date of its oldest article, YYYY-MM-DD.'),
  to: date.describe('Date of its newest article, YYYY-MM-DD.'),
  articles: z.number().int().min(0).describe('How many articles it holds.'),
  quotes: z.number().int().min(0).describe('How many quotes it holds.'),
  path: z.string().describe('The part file on this site, e.g. `/data/archive/2021.json`.'),
  bytes: z.number().int().min(0).describe('Its size in bytes.'),
  sha256: sha256.describe('SHA-256 of its bytes, hex.'),
}).describe('One part of an export: the records of the articles of one period, in the whole file\'s format.');

export const dataExportSchema = z.strictObject({
  name: z.string().describe('The export: `archive.json`, `archive.csv`, `quotes.jsonl` or `quotes.csv`.'),
  whole: wholeFileSchema.nullable().describe('The whole file, or null when it would be larger than `limitBytes` and is published in parts only.'),
  parts: z.array(dataPartSchema).describe('Its parts, newest first as the whole file orders its records; together they hold exactly the whole file\'s records.'),
}).describe('One data export, whole and in parts.');

export const dataIndexSchema = z.strictObject({
  limitBytes: z.number().int().min(1).describe('The largest file this build writes: a whole export larger than this is published in parts only.'),
  exports: z.array(dataExportSchema).describe('Every data export.'),
}).describe('The data exports of the archive, each whole (while small enough) and in parts by date: /data/index.json.');

export type DataIndex = z.infer<typeof dataIndexSchema>;
export type DataExportEntry = z.infer<typeof dataExportSchema>;
export type DataPartEntry = z.infer<typeof dataPartSchema>;

/** The site path of the index. */
export const DATA_INDEX_PATH = '/data/index.json';

/** The index's text (indented: it is small and read by people too). */
export function toDataIndexJson(index: DataIndex): string {
  return `${JSON.stringify(index, null, 2)}\n`;
}
