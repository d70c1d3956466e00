/**
 * The published JSON Schemas (`/schema/archive.schema.json`,
 * `/schema/quote-row.schema.json`), generated from the zod schemas on every
 * build with zod's own converter, so they cannot fall behind the data.
 */
import { z } from 'zod';
import { archiveSchema } from '../archive/schema.ts';
import { quoteRowSchema } from './quote-rows.ts';
import { dataIndexSchema } from './data-index.ts';

/** The schema files, by path under the site root. */
export const SCHEMA_FILES = {
  archive: 'schema/archive.schema.json',
  quoteRow: 'schema/quote-row.schema.json',
  dataIndex: 'schema/data-index.schema.json',
} as const;

function toSchemaText(schema: z.ZodType, title: string): string {
  // draft 2020-12 is zod's default target and the current JSON Schema.
  const json = { ...z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' }), title };
  return `${JSON.stringify(json, null, 2)}\n`;
}

// The schemas depend on the code only: made once per process (a build wants each twice, for its files and /data/).
let archiveSchemaText: string | undefined;
let quoteRowSchemaText: string | undefined;
let dataIndexSchemaText: string | undefined;

/** JSON Schema of `archive.json`. */
export function toArchiveJsonSchema(): string {
  return (archiveSchemaText ??= toSchemaText(archiveSchema, 'quote-archive archive.json'));
}

/** JSON Schema of one line of `quotes.jsonl` (and one row of `quotes.csv`, read back). */
export function toQuoteRowJsonSchema(): string {
  return (quoteRowSchemaText ??= toSchemaText(quoteRowSchema, 'quote-archive quotes.jsonl line'));
}

/** JSON Schema of `/data/index.json`, the index of the exports' parts. */
export function toDataIndexJsonSchema(): string {
  return (dataIndexSchemaText ??= toSchemaText(dataIndexSchema, 'quote-archive data/index.json'));
}
