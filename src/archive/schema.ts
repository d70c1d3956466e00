/**
 * The archive's records as zod schemas: the source of the published JSON
 * Schema (`/schema/archive.schema.json`), so the schema is generated, never
 * kept by hand. `types.ts` stays the contract the code is written against;
 * the checks at the end of this file make the compiler refuse any drift
 * between the two (a field added to one and not the other fails `tsc`).
 *
 * Objects are strict: a field the schema does not list makes the published
 * `archive.json` invalid, so the tests catch a field added without a word
 * about it here.
 */
import { z } from 'zod';
import type { Archive, Article, Entity, Quote, Source, Speaker } from './types.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('A calendar date, YYYY-MM-DD.');
const id = z.string().min(1);

export const quoteKindSchema = z.enum(['direct', 'partial', 'indirect'])
  .describe('direct: a whole statement in quotation marks; partial: a few quoted words inside the writer\'s sentence; indirect: reported speech without quotation marks.');
export const entityTypeSchema = z.enum(['person', 'organization', 'place', 'document']);
export const speakerTypeSchema = z.enum(['person', 'organization', 'document']);

export const articleSchema = z.strictObject({
  id: id.describe('Stable id: front matter `slug`, else `<date>-<title slug>`.'),
  url: z.string().nullable().describe('Address of the original article (front matter `url`), or null when unknown.'),
  path: z.string().describe('The article\'s page on this site: `/articles/<id>/`.'),
  title: z.string().describe('The headline (front matter `title`).'),
  date: date.describe('Publication date (front matter `date`), YYYY-MM-DD.'),
  source: z.strictObject({
    id: id.describe('The outlet\'s id, a slug of its name.'),
    name: z.string().describe('The outlet\'s name as the front matter gives it.'),
    path: z.string().describe('The outlet\'s page on this site: `/sources/<id>/`.'),
  }).describe('The outlet.'),
  sourceFile: z.string().describe('The content file, relative to the content folder.'),
  byline: z.string().nullable().describe('Author(s) as written (front matter `byline`), or null.'),
  dateline: z.string().nullable().describe('Place (and date) the story was filed from: front matter `dateline`, else found at the start of the body, or null.'),
  language: z.string().describe('BCP 47 language tag, default "en".'),
  body: z.string().describe('The body exactly as written; quote offsets point into it.'),
  extra: z.record(z.string(), z.unknown()).describe('Front-matter keys the archive does not interpret, kept as given.'),
  quoteIds: z.array(id).describe('The article\'s quotes, in the order they appear.'),
  entityIds: z.array(id).describe('Entities the article names.'),
  speakerIds: z.array(id).describe('Speakers quoted in the article, in order of first quote.'),
}).describe('An article.');

export const quoteSchema = z.strictObject({
  id: id.describe('Stable id from a hash of the article id and the normalized quote text.'),
  articleId: id.describe('The article the quote is in.'),
  path: z.string().describe('The quote inside its article page: `/articles/<articleId>/#<id>`.'),
  text: z.string().describe('Exactly `body.slice(start, end)` of its article.'),
  kind: quoteKindSchema,
  speakerId: id.nullable().describe('Null when no speaker could be named ("officials said").'),
  speakerName: z.string().nullable().describe('The speaker\'s canonical name, or the unnamed description when speakerId is null.'),
  cue: z.string().nullable().describe('The speech verb or phrase: "said", "told reporters", "according to".'),
  start: z.number().int().min(0).describe('Offset (UTF-16 code units) into the article body.'),
  end: z.number().int().min(0).describe('Offset (UTF-16 code units) into the article body, after the last character.'),
  date: date.describe('The day the words were said when the text says so, else the article date.'),
  source: z.string().describe('The article\'s outlet name, copied.'),
}).describe('A quote.');

export const speakerSchema = z.strictObject({
  id: id.describe('Stable id, a slug of the canonical name.'),
  name: z.string().describe('Canonical name: the fullest spelling the articles give, or the name `content/aliases.yml` sets.'),
  type: speakerTypeSchema.describe('person, organization (a body speaking, "the ministry said") or document (a statement, a report).'),
  aliases: z.array(z.string()).describe('Other names the articles use for the speaker (surname alone, acronym, other spellings).'),
  titles: z.array(z.string()).describe('Titles and roles seen: "foreign ministry spokesperson".'),
  path: z.string().describe('`/speakers/<id>/`'),
  quoteIds: z.array(id).describe('Sorted by date, then article, then position.'),
  entityId: id.nullable().describe('The entity record of the same person or body, when there is one.'),
}).describe('A speaker: one per real-world person, body or document across the archive.');

export const entitySchema = z.strictObject({
  id: id.describe('Stable id, a slug of the canonical name.'),
  name: z.string().describe('Canonical name: the fullest spelling the articles give, or the name `content/aliases.yml` sets.'),
  type: entityTypeSchema.describe('person, organization, place or document (a law, a resolution, a report).'),
  aliases: z.array(z.string()).describe('Other names the articles use for the entity.'),
  path: z.string().describe('`/entities/<id>/`'),
  articleIds: z.array(id).describe('Articles that name the entity.'),
  mentionCount: z.number().int().min(0).describe('Mentions across the archive.'),
}).describe('An entity named in the articles: person, organization, place or document.');

export const sourceSchema = z.strictObject({
  id: id.describe('Stable id, a slug of the outlet\'s name.'),
  name: z.string().describe('The outlet\'s name as the front matter gives it.'),
  path: z.string().describe('`/sources/<id>/`'),
  articleIds: z.array(id).describe('The outlet\'s articles.'),
}).describe('An outlet.');

export const archiveSchema = z.strictObject({
  articles: z.array(articleSchema),
  quotes: z.array(quoteSchema),
  speakers: z.array(speakerSchema),
  entities: z.array(entitySchema),
  sources: z.array(sourceSchema),
}).describe('Every record of a quote archive, as in /archive.json and `npm run extract`.');

// ---- Compile-time agreement with types.ts: each side must be assignable to the other. ----
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Expect<T extends true> = T;
/** Never used at run time: it exists so `tsc` fails when a schema and its type disagree. */
export type SchemasAgreeWithTypes = [
  Expect<Same<z.infer<typeof articleSchema>, Article>>,
  Expect<Same<z.infer<typeof quoteSchema>, Quote>>,
  Expect<Same<z.infer<typeof speakerSchema>, Speaker>>,
  Expect<Same<z.infer<typeof entitySchema>, Entity>>,
  Expect<Same<z.infer<typeof sourceSchema>, Source>>,
  Expect<Same<z.infer<typeof archiveSchema>, Archive>>,
];
