/**
 * What an import found in one raw article: the front-matter fields it could
 * read from the text or page, where it read each (for messages), and the body.
 * Fields it could not read are absent, never guessed.
 */

/** The front-matter fields an import fills. */
export interface DraftFields {
  title?: string;
  /** YYYY-MM-DD */
  date?: string;
  source?: string;
  url?: string;
  byline?: string;
  dateline?: string;
  language?: string;
}

/** A 1-based place in the input file. */
export interface InputPosition {
  line: number;
  column: number;
}

/** A date written without its year ("Jan. 14" in a dateline): kept to tell the user, never completed by guessing. */
export interface PartialDate {
  /** As written, e.g. "Jan. 14". */
  text: string;
  month: number;
  day: number;
  at: InputPosition;
}

/** One raw article, read. */
export interface ArticleDraft {
  /** The input file, as the user named it. */
  file: string;
  fields: DraftFields;
  /** Where each found field was read. */
  positions: Partial<Record<keyof DraftFields, InputPosition>>;
  /** A dateline's date that lacks its year, when no full date was found. */
  partialDate?: PartialDate;
  /** Weekday names the first paragraph uses ("said on Thursday"), to narrow down a missing year in the message. */
  weekdays: string[];
  /** Markdown body: paragraphs separated by blank lines, words exactly as in the input. */
  body: string;
}
