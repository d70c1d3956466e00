/**
 * The records of the archive: the public data contract written to
 * `_site/archive.json` and printed by `npm run extract`. Types only, no code.
 *
 * Offsets (`start`/`end`) are always UTF-16 code-unit offsets into the
 * article *body* (the file's text after the front matter), so that
 * `article.body.slice(quote.start, quote.end) === quote.text`.
 */

export type QuoteKind = 'direct' | 'partial' | 'indirect';
export type EntityType = 'person' | 'organization' | 'place' | 'document';
/** A document speaks when its words are quoted ("the report said"). */
export type SpeakerType = 'person' | 'organization' | 'document';

/** Front matter as written by the curator; unknown keys are kept. */
export interface FrontMatter {
  title: string;
  /** YYYY-MM-DD */
  date: string;
  /** Outlet name, e.g. "Reuters". */
  source: string;
  /** Original address of the article, when known. */
  url?: string;
  byline?: string;
  dateline?: string;
  /** ISO 639-1, default "en". */
  language?: string;
  /** Overrides the slug made from date and title. */
  slug?: string;
  /**
   * Pins canonical speaker names: each key is a name as extraction finds it
   * (or an alias), each value the canonical name to use instead.
   */
  speakers?: Record<string, string>;
  [key: string]: unknown;
}

/** A content file as read from disk. */
export interface SourceFile {
  /** Path as shown to the user (relative to the working directory when possible). */
  path: string;
  value: string;
}

export interface Article {
  id: string;
  /** Original address (front matter `url`), or null when unknown. */
  url: string | null;
  /** Page on our site: `/articles/<id>/`. */
  path: string;
  title: string;
  date: string;
  source: { id: string; name: string; path: string };
  /** The content file it came from. */
  sourceFile: string;
  byline: string | null;
  dateline: string | null;
  language: string;
  /** The body exactly as written (offsets of quotes and mentions point into it). */
  body: string;
  /** Front-matter keys we do not interpret, kept as given. */
  extra: Record<string, unknown>;
  quoteIds: string[];
  entityIds: string[];
  /** Speakers quoted in this article, in order of first quote. */
  speakerIds: string[];
}

export interface Quote {
  /** `<articleId>--q-<hash of normalized text>`: stable when other quotes change. */
  id: string;
  articleId: string;
  /** `/articles/<articleId>/#<id>` */
  path: string;
  /** Exactly `body.slice(start, end)`. */
  text: string;
  kind: QuoteKind;
  /** Null when no speaker could be named ("a source said"). */
  speakerId: string | null;
  /** The speaker as named in this article (full canonical name), or the unnamed description. */
  speakerName: string | null;
  /** The speech verb or phrase: "said", "told reporters", "according to". */
  cue: string | null;
  start: number;
  end: number;
  /** Date the words were said, when the text says it; else the article date. */
  date: string;
  /** Article's source name, copied for convenience. */
  source: string;
}

export interface Speaker {
  id: string;
  name: string;
  type: SpeakerType;
  aliases: string[];
  /** Titles and roles seen: "foreign ministry spokesperson", "Secretary of State". */
  titles: string[];
  /** `/speakers/<id>/` */
  path: string;
  /** Sorted by date, then article, then position. */
  quoteIds: string[];
  /** The entity record of the same real-world thing, when there is one. */
  entityId: string | null;
}

export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  /** `/entities/<id>/` */
  path: string;
  articleIds: string[];
  /** Number of mentions across the archive. */
  mentionCount: number;
}

export interface Source {
  id: string;
  name: string;
  /** `/sources/<id>/` */
  path: string;
  articleIds: string[];
}

export interface Archive {
  articles: Article[];
  quotes: Quote[];
  speakers: Speaker[];
  entities: Entity[];
  sources: Source[];
}

/** A problem found in the input, reported compiler-style. */
export interface Diagnostic {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in characters. */
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: 'error' | 'warning';
  reason: string;
  /** Permanent kebab-case id, e.g. `missing-front-matter-date`. */
  ruleId: string;
  /** The stage that found it: `load`, `extract`, `link`, `site`, `search`, `output`. */
  source: string;
  /** Extra hint printed on the next line. */
  note?: string;
  /** The offending source line, shown under the message. */
  excerpt?: string;
}

// ---- Per-article extraction results (before linking across articles) ----

/** A content file after loading: front matter validated, body located. */
export interface LoadedArticle {
  file: string;
  frontMatter: FrontMatter;
  body: string;
  /** 0-based line of the file on which the body starts (for diagnostics). */
  bodyLine: number;
  /** Offset in the file's text at which the body starts. */
  bodyOffset: number;
}

export interface SpeakerRef {
  /** Full canonical name within the article ("Li Wei", "Foreign Ministry"). */
  name: string;
  type: SpeakerType;
  /** Other forms seen in the article ("Li", "Spokesperson Li Wei"). */
  aliases: string[];
  titles: string[];
}

export interface ExtractedQuote {
  start: number;
  end: number;
  kind: QuoteKind;
  cue: string | null;
  /** Null when the speaker is unnamed or unknown. */
  speaker: SpeakerRef | null;
  /** Unnamed description ("a senior official") when there is no named speaker. */
  unnamedSpeaker?: string;
  /** YYYY-MM-DD when the text says when it was said. */
  date?: string;
}

export interface EntityMention {
  start: number;
  end: number;
  /** The form as written. */
  text: string;
}

export interface ExtractedEntity {
  /** Canonical (longest, full) name within the article. */
  name: string;
  type: EntityType;
  aliases: string[];
  mentions: EntityMention[];
  /** For people: titles and roles seen before or around the name ("Secretary of State"). */
  titles?: string[];
}

export interface ArticleFacts {
  quotes: ExtractedQuote[];
  entities: ExtractedEntity[];
  diagnostics: Diagnostic[];
}

// ---- The curator's archive-wide aliases file (`content/aliases.yml`) ----

/** A value of the aliases file with the place it was written (1-based line and column). */
export interface Located<T> {
  value: T;
  line: number;
  column: number;
}

/** `join:` entry: every record named by one of `aliases` (or `canonical`) becomes one record named `canonical`. */
export interface CuratorJoin {
  canonical: Located<string>;
  aliases: Located<string>[];
}

/** One record a `split:` entry keeps apart: the mentions of the name in `articles` (ids or file paths). */
export interface CuratorSplitRecord {
  canonical: Located<string>;
  articles: Located<string>[];
}

/** `split:` entry: the mentions of `name` become one record per listed group of articles. */
export interface CuratorSplit {
  name: Located<string>;
  records: CuratorSplitRecord[];
}

/** The aliases file as read: where it is, its joins and its splits. */
export interface CuratorAliases {
  /** Path as shown to the user. */
  file: string;
  /** The file's text, for the source line under a message. */
  text: string;
  /**
   * False when the file has errors: its well-formed entries are still checked
   * against the archive (every problem is reported at once) but not applied.
   */
  usable: boolean;
  joins: CuratorJoin[];
  splits: CuratorSplit[];
}
