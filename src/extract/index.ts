/**
 * Extraction for one article, composition only:
 * boilerplate → entities → quotation marks → sentences → direct and partial
 * quotes → reported speech → dates → warnings.
 */
import type { ArticleFacts, Diagnostic, ExtractedQuote } from '../archive/types.ts';
import type { TextDocument } from '../parse/text-document.ts';
import { offsetToPosition } from '../diagnostics/position.ts';
import { findBoilerplate } from './boilerplate.ts';
import { extractEntities } from './entities.ts';
import { findQuoteMarkSpans } from './quote-marks.ts';
import { splitSentences } from './sentences.ts';
import { SpeakerResolver } from './speakers.ts';
import { SpanIndex } from './span-index.ts';
import { extractQuotes, type QuoteContext } from './quotes.ts';
import { extractReportedSpeech } from './reported-speech.ts';
import { canonicalizeSpeakers } from './coreference.ts';
import { datelineMonthDay, dayWordNear, resolveDayWord, weekdayOf } from './dates.ts';
import type { TimeBudget } from './time-budget.ts';

export interface ExtractOptions {
  /** Content file, for diagnostics. */
  file: string;
  /** 0-based line of the file on which the body starts. */
  bodyLine: number;
  /** Article date, YYYY-MM-DD. */
  date: string;
  /** Front-matter dateline, when given. */
  dateline?: string | undefined;
  /** Time allowed for this article; checked between stages and per sentence (default: none). */
  budget?: TimeBudget | undefined;
}

/**
 * Extracts the quotes and entities of one article. Pure. Throws a
 * TimeBudgetExceededError when `options.budget` runs out.
 */
export function extractArticle(doc: TextDocument, options: ExtractOptions): ArticleFacts {
  const check = (offset: number, task: string) => options.budget?.check(offset, task);
  const diagnostics: Diagnostic[] = [];
  const warn = (offset: number, ruleId: string, reason: string, note?: string) => {
    const pos = offsetToPosition(doc.body, offset);
    diagnostics.push({ file: options.file, line: pos.line + options.bodyLine, column: pos.column, severity: 'warning', reason, ruleId, source: 'extract', ...(note ? { note } : {}) });
  };

  const boilerplate = findBoilerplate(doc);
  // Credits, bylines and page furniture name outlets and photographers, never the story's people.
  const credits = boilerplate.filter((b) => b.kind === 'dateline-outlet' || b.kind === 'byline' || b.kind === 'credit' || b.kind === 'sign-off' || b.kind === 'page-furniture');
  const entities = extractEntities(doc, { exclude: credits.map(({ start, end }) => ({ start, end })) });
  check(0, 'finding names');
  // Datelines ("LONDON, March 3 (Reuters) -") are blanked for sentence and quote work, so a lead sentence starts at its first word.
  const prose = maskNameCommas(maskSpans(doc, boilerplate.filter((b) => b.kind === 'dateline')), entities);
  const spans = findQuoteMarkSpans(prose);
  const quoted = new SpanIndex(spans.map((s) => ({ start: s.open, end: s.close })));
  const sentences = splitSentences(prose, quoted.spans);
  check(0, 'splitting sentences');
  const resolver = new SpeakerResolver(prose, entities, sentences, quoted);
  const ctx: QuoteContext = {
    quoted,
    doc: prose,
    spans,
    sentences,
    resolver,
    excluded: boilerplate.filter((b) => b.kind !== 'dateline' && b.kind !== 'dateline-outlet').map(({ start, end }) => ({ start, end })),
  };

  const reported: ReturnType<typeof extractReportedSpeech> = [];
  const marked = extractQuotes(ctx, (sentence, found) => {
    check(sentence.start, 'extracting quotes');
    reported.push(...extractReportedSpeech(ctx, sentence, found));
  });
  const quotes: ExtractedQuote[] = [];
  for (const q of marked) {
    const day = dayWordNear(doc.text, q.cueEnd - (q.cue?.length ?? 0), q.cueEnd);
    const date = day ? resolveDayWord(day.word, options.date) : null;
    quotes.push({ start: q.start, end: q.end, kind: q.kind, cue: q.cue, speaker: q.speaker, ...(q.unnamedSpeaker ? { unnamedSpeaker: q.unnamedSpeaker } : {}), ...(date ? { date } : {}) });
  }
  for (const r of reported) {
    const day = dayWordNear(doc.text, r.cueEnd - r.cue.length, r.cueEnd);
    const date = day ? resolveDayWord(day.word, options.date) : null;
    quotes.push({
      start: r.start,
      end: r.end,
      kind: 'indirect',
      cue: r.cue,
      speaker: r.resolution.kind === 'named' ? r.resolution.ref : null,
      ...(r.resolution.kind === 'unnamed' ? { unnamedSpeaker: r.resolution.description } : {}),
      ...(date ? { date } : {}),
    });
  }
  // Our gold convention (and the common one): a reported clause that carries a quoted fragment is the partial quote alone.
  const partials = quotes.filter((q) => q.kind === 'partial');
  const kept = quotes.filter((q) => q.kind !== 'indirect' || !partials.some((p) => p.start >= q.start && p.end <= q.end));
  const canonical = canonicalizeSpeakers(doc.text, entities, kept.map((q) => q.speaker));
  kept.forEach((q, i) => {
    const speaker = canonical[i];
    if (speaker) q.speaker = speaker;
  });
  quotes.length = 0;
  quotes.push(...kept);
  quotes.sort((a, b) => a.start - b.start || a.end - b.end);

  for (const s of spans) if (s.unclosed) warn(s.open, 'unclosed-quote', 'Unexpected unclosed quotation mark, expected a closing mark before the paragraph ends');
  if (!quotes.length && doc.text.trim()) warn(0, 'no-quotes-found', 'No quotes found in this article', 'Check the quotation marks, or ignore this if the article quotes no one.');
  checkDates(doc, options, boilerplate, warn);

  return { quotes, entities, diagnostics };
}

/**
 * Commas inside names ("Ministry of Trade, Industry and Energy") would split
 * a speaker phrase in two; attribution reads them as spaces.
 */
function maskNameCommas(doc: TextDocument, entities: ArticleFacts['entities']): TextDocument {
  const chars = doc.text.split('');
  let changed = false;
  // Thousands separators ("530,000") are no clause boundaries either.
  for (const m of doc.text.matchAll(/\d,(?=\d{3}\b)/g)) (chars[m.index + 1] = ' '), (changed = true);
  for (const e of entities) {
    if (e.type === 'person' || e.type === 'place') continue;
    for (const m of e.mentions) for (let k = m.start; k < m.end; k++) if (chars[k] === ',') (chars[k] = ' '), (changed = true);
  }
  return changed ? { ...doc, text: chars.join('') } : doc;
}

function maskSpans(doc: TextDocument, spans: { start: number; end: number }[]): TextDocument {
  if (!spans.length) return doc;
  let text = doc.text;
  for (const { start, end } of spans) text = text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
  return { ...doc, text };
}

/** Warns when the lead's weekday or the dateline's day disagrees with the front-matter date. */
function checkDates(doc: TextDocument, options: ExtractOptions, boilerplate: ReturnType<typeof findBoilerplate>, warn: (offset: number, ruleId: string, reason: string, note?: string) => void) {
  const lead = doc.blocks.find((b) => b.kind !== 'heading');
  if (lead) {
    // Only a weekday tied to something already said or done; "will play on Saturday" looks ahead.
    const m = /\b(?:said|announced|told|reported|confirmed|released|published|died|killed|voted|ruled|signed)\s+(?:\w+\s+){0,2}?(?:on\s+|late\s+|early\s+)?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/.exec(doc.text.slice(lead.start, lead.end));
    const dayName = weekdayOf(options.date);
    if (m && dayName) {
      const resolved = resolveDayWord(m[1]!, options.date)!;
      const gap = (Date.parse(options.date) - Date.parse(resolved)) / 86_400_000;
      if (gap > 1) warn(lead.start + m.index + m[0].lastIndexOf(m[1]!), 'weekday-mismatch', `The text says "${m[1]}" but the article date ${options.date} is a ${dayName}`, 'Check the front-matter date: a lead usually names the day of publication or the day before.');
    }
  }
  const textDateline = boilerplate.find((b) => b.kind === 'dateline');
  const sources: { value: string; offset: number }[] = [];
  if (textDateline) sources.push({ value: doc.body.slice(textDateline.start, textDateline.end), offset: textDateline.start });
  if (options.dateline) sources.push({ value: options.dateline, offset: 0 });
  for (const { value, offset } of sources) {
    const md = datelineMonthDay(value);
    const [, month, day] = options.date.split('-').map(Number);
    if (md && (md.month !== month || md.day !== day)) {
      warn(offset, 'dateline-mismatch', `The dateline "${value.trim()}" disagrees with the article date ${options.date}`);
      break;
    }
  }
}
