/**
 * What every field of the data files means, for the `/data/` page: read
 * from the JSON Schemas the build publishes (themselves generated from the
 * zod schemas in `src/archive/schema.ts` and `quote-rows.ts`), so the page
 * names exactly the fields the files hold and says what their `describe()`
 * says. A field without a description shows as such, and a test fails on it.
 */
import { SCHEMA_FILES, toArchiveJsonSchema, toDataIndexJsonSchema, toQuoteRowJsonSchema } from './json-schema.ts';
import { DATA_INDEX_PATH } from './data-index.ts';

/** The part of a JSON Schema (as zod writes it) this module reads. */
export interface JsonSchemaNode {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  items?: JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
  enum?: unknown[];
  pattern?: string;
  additionalProperties?: unknown;
}

/** One field of a record. */
export interface FieldDoc {
  /** Dotted path inside the record (`source.name`). */
  name: string;
  /** Readable type: `string`, `integer`, `string or null`, `array of string`, `one of "direct", "partial"`. */
  type: string;
  /** What the schema says it is, or null when it says nothing. */
  description: string | null;
}

/** One kind of record in a file, with its fields. */
export interface RecordDoc {
  /** Where the records are in the file: `articles` (a key of archive.json), or `line` / `row`. */
  name: string;
  anchorId: string;
  description: string | null;
  fields: FieldDoc[];
}

/** One data file (or a pair of files with the same records) and its records. */
export interface DataFileDoc {
  title: string;
  anchorId: string;
  /** The files, as site paths (a whole file published in parts only is left out). */
  files: { label: string; path: string }[];
  /** Whole files too large to publish, which only their parts hold (listed in `/data/index.json`). */
  partsOnly: string[];
  /** The JSON Schema that describes them, as a site path. */
  schemaPath: string;
  description: string | null;
  records: RecordDoc[];
}

/** A readable name of a schema node's type. */
export function describeType(node: JsonSchemaNode): string {
  if (node.anyOf) return node.anyOf.map(describeType).join(' or ');
  if (node.enum) return `one of ${node.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  if (Array.isArray(node.type)) return node.type.join(' or ');
  if (node.type === 'array') return node.items ? `array of ${describeType(node.items)}` : 'array';
  if (node.type === 'object' && !node.properties) return 'object (any keys)';
  if (node.type === 'string' && node.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return 'date (YYYY-MM-DD)';
  return node.type ?? 'any';
}

/** The object schema inside a node (`T`, `T | null`, `T[]`), when it has listed properties. */
function objectOf(node: JsonSchemaNode): JsonSchemaNode | null {
  if (node.properties) return node;
  if (node.anyOf) {
    for (const option of node.anyOf) {
      const inner = objectOf(option);
      if (inner) return inner;
    }
  }
  return null;
}

/** Every field of an object schema, nested objects flattened into dotted names, in schema order. */
export function describeFields(node: JsonSchemaNode, prefix = ''): FieldDoc[] {
  const fields: FieldDoc[] = [];
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const name = `${prefix}${key}`;
    const inner = objectOf(child);
    fields.push({ name, type: inner ? (child.anyOf ? describeType({ ...child, anyOf: child.anyOf.map((o) => (o.properties ? { type: 'object' } : o)) }) : 'object') : describeType(child), description: child.description?.trim() || null });
    if (inner) fields.push(...describeFields(inner, `${name}.`));
  }
  return fields;
}

/**
 * The records of `archive.json`, of `quotes.jsonl`/`quotes.csv` and of the
 * index of their parts, from their published schemas; `partsOnly` names the
 * exports too large to publish whole, whose whole file is not linked.
 */
export function toDataDictionary(partsOnly: readonly string[] = []): DataFileDoc[] {
  const archive = JSON.parse(toArchiveJsonSchema()) as JsonSchemaNode;
  const quoteRow = JSON.parse(toQuoteRowJsonSchema()) as JsonSchemaNode;
  const index = JSON.parse(toDataIndexJsonSchema()) as JsonSchemaNode;
  const whole = (...names: string[]): { label: string; path: string }[] => names.filter((n) => !partsOnly.includes(n)).map((n) => ({ label: n, path: `/${n}` }));
  const parts = { label: 'its parts by date', path: DATA_INDEX_PATH };
  const exportItem = index.properties?.exports?.items ?? {};
  const partItem = exportItem.properties?.parts?.items ?? {};
  return [
    {
      title: 'archive.json',
      anchorId: 'archive-json',
      files: [...whole('archive.json'), parts],
      partsOnly: partsOnly.filter((n) => n === 'archive.json'),
      schemaPath: `/${SCHEMA_FILES.archive}`,
      description: archive.description ?? null,
      records: Object.entries(archive.properties ?? {}).map(([key, list]) => ({
        name: key,
        anchorId: `archive-${key}`,
        // Each key holds a list of records: the list says what the records are.
        description: list.items?.description ?? list.description ?? null,
        fields: list.items ? describeFields(list.items) : [],
      })),
    },
    {
      title: 'quotes.jsonl and quotes.csv',
      anchorId: 'quote-rows',
      files: [...whole('quotes.jsonl', 'quotes.csv'), parts],
      partsOnly: partsOnly.filter((n) => n === 'quotes.jsonl' || n === 'quotes.csv'),
      schemaPath: `/${SCHEMA_FILES.quoteRow}`,
      description: quoteRow.description ?? null,
      records: [{ name: 'one line / one row', anchorId: 'quote-row', description: null, fields: describeFields(quoteRow) }],
    },
    {
      title: 'data/index.json: the exports in parts',
      anchorId: 'data-index',
      files: [{ label: 'data/index.json', path: DATA_INDEX_PATH }],
      partsOnly: [],
      schemaPath: `/${SCHEMA_FILES.dataIndex}`,
      description: index.description ?? null,
      records: [
        { name: 'index.json', anchorId: 'data-index-root', description: null, fields: describeFields(index) },
        { name: 'exports[]', anchorId: 'data-index-export', description: exportItem.description ?? null, fields: describeFields(exportItem) },
        { name: 'exports[].parts[]', anchorId: 'data-index-part', description: partItem.description ?? null, fields: describeFields(partItem) },
      ],
    },
  ];
}
