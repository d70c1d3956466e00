/**
 * What every field of the data files means, for the `/data/` page: read
 * from the JSON Schemas the build publishes (themselves generated from the
 * zod schemas in `src/archive/schema.ts` and `quote-rows.ts`), so the page
 * names exactly the fields the files hold and says what their `describe()`
 * says. A field without a description shows as such, and a test fails on it.
 */
import { SCHEMA_FILES, toArchiveJsonSchema, toQuoteRowJsonSchema } from './json-schema.ts';

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
  /** The files, as site paths. */
  files: { label: string; path: string }[];
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

/** The records of `archive.json` and of `quotes.jsonl`/`quotes.csv`, from their published schemas. */
export function toDataDictionary(): DataFileDoc[] {
  const archive = JSON.parse(toArchiveJsonSchema()) as JsonSchemaNode;
  const quoteRow = JSON.parse(toQuoteRowJsonSchema()) as JsonSchemaNode;
  return [
    {
      title: 'archive.json',
      anchorId: 'archive-json',
      files: [{ label: 'archive.json', path: '/archive.json' }],
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
      files: [
        { label: 'quotes.jsonl', path: '/quotes.jsonl' },
        { label: 'quotes.csv', path: '/quotes.csv' },
      ],
      schemaPath: `/${SCHEMA_FILES.quoteRow}`,
      description: quoteRow.description ?? null,
      records: [{ name: 'one line / one row', anchorId: 'quote-row', description: null, fields: describeFields(quoteRow) }],
    },
  ];
}
