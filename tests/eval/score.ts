/**
 * Scores an extracted archive against hand-written gold. Pure: archive +
 * gold in, numbers out; reading files and printing live in run-eval.ts.
 *
 * Scoring rules
 *
 * 1. Gold spans. Each gold quote `text` is located in the article body: the
 *    first occurrence at or after the previous gold quote's start, else the
 *    first anywhere. A text that is not in the body is a gold error (reported,
 *    the quote is skipped).
 * 2. Span match. A predicted quote and a gold quote may pair when their spans
 *    overlap by at least half of the LONGER span if the gold quote is direct
 *    (strict-ish: a direct quote must be found nearly whole), or half of the
 *    SHORTER span if the gold quote is partial or indirect (lenient: reported
 *    clauses have fuzzy edges). Pairing is one-to-one and greedy: pairs whose
 *    kinds agree first, then by overlap / union (closest spans), then by
 *    overlap length, then by position.
 * 3. Quote scores, per kind:
 *    - direct P = predicted direct paired with a gold direct / predicted direct;
 *      direct R = gold direct paired with a predicted direct / gold direct.
 *    - partial P and R the same way with partial (R is the target).
 *    - reported (indirect) R = gold indirect paired with a predicted indirect /
 *      gold indirect; reported P = predicted indirect paired with a gold quote
 *      of ANY kind / predicted indirect (a reported clause that is really a
 *      direct quote is not invented speech).
 * 4. Attribution: over all paired gold quotes (any kinds), correct when the
 *    normalized predicted speaker name equals the normalized gold speaker.
 *    The predicted name is `quote.speakerName` when `quote.speakerId` is set,
 *    else null (an unnamed description such as "a senior official" is not a
 *    name). Both null is correct; a name where gold is null is wrong ("no
 *    invented names"); null where gold has a name is wrong.
 * 5. Entities, per type (person, organization, place): the predicted set of an
 *    article is the archive entities listed in `article.entityIds` with that
 *    type. A predicted entity matches a gold name when its normalized name or
 *    any normalized alias equals the normalized gold name. Micro-averaged over
 *    the set: P = predicted entities matching a gold name of that type /
 *    predicted; R = gold names matched by a predicted entity of that type /
 *    gold names. "Any type" does the same ignoring type (documents excluded,
 *    gold lists none).
 * 6. Normalization (names): NFKD, strip combining marks, curly apostrophes to
 *    straight, lowercase, collapse whitespace, trim, drop a leading "the ".
 *
 * 7. Real-corpus gold (tests/fixtures/wikinews) may list `speakerAlternatives`
 *    (any of them is right), entity alternatives (a list for one entity),
 *    `optional` names (a predicted entity matching one counts neither way)
 *    and `ambiguous` quotes (counted neither way, nor what pairs with them).
 *    It is scored by containment (see scoreQuotesByContainment), the hidden
 *    set's rule. "Attribution, all" divides by every gold quote, so a missed
 *    quote counts as a wrong speaker.
 *
 * Cue agreement (gold cue word found in the predicted cue) is reported for
 * information only; it has no target.
 */
import type { Archive, Article, Entity, EntityType, Quote, QuoteKind } from '../../src/archive/types.ts';

/**
 * How predicted quotes meet gold: `overlap` (rules 2–3, our fixture sets) or
 * `containment` (the hidden set's rules, used on the real corpus).
 */
export type QuoteMatching = 'overlap' | 'containment';

export const QUOTE_KINDS: readonly QuoteKind[] = ['direct', 'partial', 'indirect'];
export const SCORED_ENTITY_TYPES = ['person', 'organization', 'place'] as const;
export type ScoredEntityType = (typeof SCORED_ENTITY_TYPES)[number];

export interface GoldQuote {
  text: string;
  kind: QuoteKind;
  speaker: string | null;
  /** Other acceptable full names for the speaker (a short form, the other of two joint speakers). */
  speakerAlternatives?: string[];
  speakerType?: 'person' | 'organization';
  cue?: string | null;
  /** Reasonable annotators differ: scored neither way. */
  ambiguous?: boolean;
}

/** A gold entity: one canonical name, or a list of acceptable alternatives. */
export type GoldEntity = string | string[];

export interface GoldFile {
  quotes: GoldQuote[];
  entities: Partial<Record<ScoredEntityType, GoldEntity[]>>;
  /** Names neither rewarded nor penalized (outlets in credits, works, events, vessels, laws, demonyms). */
  optional?: string[];
}

/** The acceptable names of a gold entity. */
export function entityAlternatives(entry: GoldEntity): string[] {
  return typeof entry === 'string' ? [entry] : entry;
}

/** Counts behind one precision/recall pair. */
export interface PRCounts {
  /** Predicted items that matched (numerator of precision). */
  matchedPredicted: number;
  predicted: number;
  /** Gold items that were found (numerator of recall). */
  matchedGold: number;
  gold: number;
}

export interface PRScore extends PRCounts {
  precision: number;
  recall: number;
  f1: number;
}

export interface ScoreCounts {
  quotes: Record<QuoteKind, PRCounts>;
  attribution: { correct: number; total: number };
  /** Attribution over every gold quote, found or not (a missed quote counts as wrong). */
  attributionAll: { correct: number; total: number };
  cue: { correct: number; total: number };
  entities: Record<ScoredEntityType | 'any', PRCounts>;
}

/** One line of the verbose report: a miss, a false positive or a wrong speaker. */
export interface EvalIssue {
  type: 'missed-quote' | 'false-positive-quote' | 'wrong-kind' | 'wrong-speaker' | 'missed-entity' | 'false-positive-entity' | 'gold-error';
  text: string;
  detail: string;
}

export interface ArticleScore {
  /** Gold file name without extension, e.g. `01-parliament-vote`. */
  name: string;
  articleFound: boolean;
  counts: ScoreCounts;
  issues: EvalIssue[];
}

export interface Totals {
  quotes: Record<QuoteKind, PRScore>;
  attribution: { correct: number; total: number; accuracy: number };
  attributionAll: { correct: number; total: number; accuracy: number };
  cue: { correct: number; total: number; accuracy: number };
  entities: Record<ScoredEntityType | 'any', PRScore>;
}

export interface EvalResult {
  articles: ArticleScore[];
  totals: Totals;
}

/** Thresholds file shape (tests/eval/thresholds.json). */
export interface Thresholds {
  direct: { precision: number; recall: number };
  partial: { recall: number };
  indirect: { precision: number; recall: number };
  attribution: number;
  person: { precision: number; recall: number };
  organization: { precision: number; recall: number };
  place: { precision: number; recall: number };
}

interface Span {
  start: number;
  end: number;
}

interface LocatedGold extends GoldQuote, Span {
  index: number;
}

/** Normalizes a name for comparison (rule 6). */
export function normalizeEvalName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019\u02BC`]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

function emptyCounts(): PRCounts {
  return { matchedPredicted: 0, predicted: 0, matchedGold: 0, gold: 0 };
}

function emptyScoreCounts(): ScoreCounts {
  return {
    quotes: { direct: emptyCounts(), partial: emptyCounts(), indirect: emptyCounts() },
    attribution: { correct: 0, total: 0 },
    attributionAll: { correct: 0, total: 0 },
    cue: { correct: 0, total: 0 },
    entities: { person: emptyCounts(), organization: emptyCounts(), place: emptyCounts(), any: emptyCounts() },
  };
}

/** Locates each gold quote in the body (rule 1); texts not found become gold errors. */
export function locateGoldQuotes(body: string, quotes: GoldQuote[]): { located: LocatedGold[]; errors: EvalIssue[] } {
  const located: LocatedGold[] = [];
  const errors: EvalIssue[] = [];
  let previous: LocatedGold | undefined;
  quotes.forEach((quote, index) => {
    let start = previous ? body.indexOf(quote.text, previous.start) : body.indexOf(quote.text);
    // The same words twice in a row are two quotes: don't land on the previous one again.
    if (previous && start === previous.start && previous.text === quote.text) start = body.indexOf(quote.text, previous.start + 1);
    if (start < 0) start = body.indexOf(quote.text);
    if (start < 0 || quote.text.length === 0) {
      errors.push({ type: 'gold-error', text: quote.text, detail: 'gold quote text is not a substring of the body' });
      return;
    }
    const spot: LocatedGold = { ...quote, index, start, end: start + quote.text.length };
    located.push(spot);
    previous = spot;
  });
  return { located, errors };
}

function overlapOf(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** Whether a predicted span overlaps a gold span enough to pair (rule 2). */
export function spansMatch(gold: Span & { kind: QuoteKind }, predicted: Span): boolean {
  const overlap = overlapOf(gold, predicted);
  if (overlap === 0) return false;
  const goldLength = gold.end - gold.start;
  const predictedLength = predicted.end - predicted.start;
  const base = gold.kind === 'direct' ? Math.max(goldLength, predictedLength) : Math.min(goldLength, predictedLength);
  return overlap >= 0.5 * base;
}

/** Pairs gold and predicted quotes one-to-one, greedily (rule 2). Returns gold index → predicted index. */
export function pairQuotes(gold: LocatedGold[], predicted: Quote[]): Map<number, number> {
  const candidates: { g: number; p: number; sameKind: boolean; iou: number; overlap: number }[] = [];
  gold.forEach((g, gi) => {
    predicted.forEach((p, pi) => {
      if (!spansMatch(g, p)) return;
      const overlap = overlapOf(g, p);
      const union = Math.max(g.end, p.end) - Math.min(g.start, p.start);
      candidates.push({ g: gi, p: pi, sameKind: g.kind === p.kind, iou: overlap / union, overlap });
    });
  });
  // Closest spans first, so that a prediction covering two gold clauses
  // doesn't take the one that another prediction fits exactly.
  candidates.sort((a, b) => Number(b.sameKind) - Number(a.sameKind) || b.iou - a.iou || b.overlap - a.overlap || a.g - b.g || a.p - b.p);
  const pairs = new Map<number, number>();
  const usedPredicted = new Set<number>();
  for (const c of candidates) {
    if (pairs.has(c.g) || usedPredicted.has(c.p)) continue;
    pairs.set(c.g, c.p);
    usedPredicted.add(c.p);
  }
  return pairs;
}

/** The speaker name a predicted quote carries for attribution (rule 4). */
export function predictedSpeakerName(quote: Quote): string | null {
  return quote.speakerId ? quote.speakerName : null;
}

/** Whether the predicted speaker is the gold speaker or one of its listed alternatives (rule 4). */
function speakerIsRight(predictedName: string | null, g: GoldQuote): boolean {
  if (predictedName === null || g.speaker === null) return predictedName === null && g.speaker === null;
  const name = normalizeEvalName(predictedName);
  return [g.speaker, ...(g.speakerAlternatives ?? [])].some((n) => normalizeEvalName(n) === name);
}

function clip(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function scoreQuotes(article: Article, quotes: Quote[], gold: GoldFile, counts: ScoreCounts, issues: EvalIssue[]): void {
  const { located, errors } = locateGoldQuotes(article.body, gold.quotes);
  issues.push(...errors);
  const predicted = [...quotes].sort((a, b) => a.start - b.start || a.end - b.end);
  const pairs = pairQuotes(located, predicted);
  const pairedPredicted = new Map<number, number>();
  for (const [g, p] of pairs) pairedPredicted.set(p, g);
  // Ambiguous gold (rule 7) counts neither way, nor does what pairs with it.
  const ignoredPredicted = new Set([...pairs].filter(([g]) => located[g]!.ambiguous).map(([, p]) => p));

  for (const kind of QUOTE_KINDS) {
    counts.quotes[kind].gold += located.filter((g) => g.kind === kind && !g.ambiguous).length;
    counts.quotes[kind].predicted += predicted.filter((p, pi) => p.kind === kind && !ignoredPredicted.has(pi)).length;
  }

  located.forEach((g, gi) => {
    if (g.ambiguous) return;
    counts.attributionAll.total++;
    const pi = pairs.get(gi);
    const p = pi === undefined ? undefined : predicted[pi];
    if (!p) {
      issues.push({ type: 'missed-quote', text: clip(g.text), detail: `${g.kind}, speaker ${g.speaker ?? 'null'}` });
      return;
    }
    if (p.kind === g.kind) counts.quotes[g.kind].matchedGold++;
    else issues.push({ type: 'wrong-kind', text: clip(g.text), detail: `gold ${g.kind}, predicted ${p.kind}: ${clip(p.text, 60)}` });
    scoreSpeaker(g, p, counts, issues);
  });

  predicted.forEach((p, pi) => {
    if (ignoredPredicted.has(pi)) return;
    const gi = pairedPredicted.get(pi);
    const g = gi === undefined ? undefined : located[gi];
    if (g && g.kind === p.kind) counts.quotes[p.kind].matchedPredicted++;
    else if (g && p.kind === 'indirect') counts.quotes.indirect.matchedPredicted++;
    if (!g) issues.push({ type: 'false-positive-quote', text: clip(p.text), detail: `${p.kind}, speaker ${p.speakerName ?? 'null'}, cue ${p.cue ?? 'null'}` });
  });
}

/** Attribution and cue of a found gold quote (rule 4). */
function scoreSpeaker(g: GoldQuote, p: Quote, counts: ScoreCounts, issues: EvalIssue[]): void {
  counts.attribution.total++;
  const predictedName = predictedSpeakerName(p);
  if (speakerIsRight(predictedName, g)) {
    counts.attribution.correct++;
    counts.attributionAll.correct++;
  } else issues.push({ type: 'wrong-speaker', text: clip(g.text), detail: `gold ${g.speaker ?? 'null'}, predicted ${predictedName ?? 'null'}${p.speakerName && !p.speakerId ? ` (unnamed: ${p.speakerName})` : ''}` });
  if (g.cue) {
    counts.cue.total++;
    if (p.cue && p.cue.toLowerCase().includes(g.cue.toLowerCase())) counts.cue.correct++;
  }
}

/** The span from the first to the last letter or digit of a span: its words, without marks and punctuation. */
function wordSpan(body: string, span: Span): Span | undefined {
  const text = body.slice(span.start, span.end);
  const first = text.search(/[\p{L}\p{N}]/u);
  if (first < 0) return undefined;
  let last = text.length;
  while (last > first && !/[\p{L}\p{N}]/u.test(text[last - 1]!)) last--;
  return { start: span.start + first, end: span.start + last };
}

const within = (inner: Span, outer: Span) => inner.start >= outer.start && inner.end <= outer.end;

/**
 * The hidden set's rules (shared/corpus/CONVENTIONS.md, "Scoring"): a gold
 * quote is found when an extracted quote of its article contains its words,
 * whatever kind the extraction gave it; an extracted direct or partial quote
 * is right when it contains or lies inside a gold quote. Several gold quotes
 * may be found by one long extracted quote. An extracted reported clause is
 * right when it contains, lies inside, or overlaps half of the shorter of,
 * any gold quote (reported clauses have fuzzy edges).
 */
function scoreQuotesByContainment(article: Article, quotes: Quote[], gold: GoldFile, counts: ScoreCounts, issues: EvalIssue[]): void {
  const body = article.body;
  const { located, errors } = locateGoldQuotes(body, gold.quotes);
  issues.push(...errors);
  const predicted = [...quotes].sort((a, b) => a.start - b.start || a.end - b.end);
  const goldWords = located.map((g) => wordSpan(body, g) ?? g);
  const predictedWords = predicted.map((p) => wordSpan(body, p) ?? p);
  const contains = (pi: number, gi: number) => within(goldWords[gi]!, predicted[pi]!) || within(predictedWords[pi]!, located[gi]!);

  for (const kind of QUOTE_KINDS) counts.quotes[kind].gold += located.filter((g) => g.kind === kind && !g.ambiguous).length;

  located.forEach((g, gi) => {
    if (g.ambiguous) return;
    counts.attributionAll.total++;
    // Found: the tightest extracted quote holding all its words, same kind first.
    const holders = predicted
      .map((p, pi) => ({ p, pi }))
      .filter(({ pi }) => within(goldWords[gi]!, predicted[pi]!))
      .sort((a, b) => Number(b.p.kind === g.kind) - Number(a.p.kind === g.kind) || (a.p.end - a.p.start) - (b.p.end - b.p.start));
    const p = holders[0]?.p;
    if (!p) {
      const partial = predicted.find((q) => overlapOf(q, g) > 0);
      issues.push({ type: 'missed-quote', text: clip(g.text), detail: `${g.kind}, speaker ${g.speaker ?? 'null'}${partial ? `; overlapping extracted ${partial.kind}: ${clip(partial.text, 60)}` : ''}` });
      return;
    }
    counts.quotes[g.kind].matchedGold++;
    if (p.kind !== g.kind) issues.push({ type: 'wrong-kind', text: clip(g.text), detail: `gold ${g.kind}, predicted ${p.kind} (found all the same)` });
    scoreSpeaker(g, p, counts, issues);
  });

  predicted.forEach((p, pi) => {
    const matches = located.map((g, gi) => ({ g, gi })).filter(({ g, gi }) => contains(pi, gi) || (p.kind === 'indirect' && spansMatch({ ...g, kind: 'indirect' }, p)));
    if (matches.length > 0 && matches.every(({ g }) => g.ambiguous)) return;
    counts.quotes[p.kind].predicted++;
    if (matches.length > 0) counts.quotes[p.kind].matchedPredicted++;
    else issues.push({ type: 'false-positive-quote', text: clip(p.text), detail: `${p.kind}, speaker ${p.speakerName ?? 'null'}, cue ${p.cue ?? 'null'}` });
  });
}

function entityMatches(entity: Entity, goldEntry: GoldEntity): boolean {
  const names = new Set([entity.name, ...entity.aliases].map(normalizeEvalName));
  return entityAlternatives(goldEntry).some((n) => names.has(normalizeEvalName(n)));
}

/** Distinct gold entities of a type (an entry and its alternatives count once). */
function goldEntitiesOf(gold: GoldFile, type: ScoredEntityType): GoldEntity[] {
  const seen = new Set<string>();
  return (gold.entities[type] ?? []).filter((e) => {
    const key = entityAlternatives(e).map(normalizeEvalName).join('|');
    return !seen.has(key) && seen.add(key);
  });
}

const entityLabel = (entry: GoldEntity) => entityAlternatives(entry).join(' / ');

function scoreEntities(predicted: Entity[], gold: GoldFile, counts: ScoreCounts, issues: EvalIssue[]): void {
  const allGold = SCORED_ENTITY_TYPES.flatMap((t) => goldEntitiesOf(gold, t));
  // Optional names (outlets in credits, works, events …) count neither way, unless gold also lists them.
  const optional = (gold.optional ?? []).map((n) => n as GoldEntity);
  const scored = predicted.filter((e) => (SCORED_ENTITY_TYPES as readonly EntityType[]).includes(e.type) && !(optional.some((o) => entityMatches(e, o)) && !allGold.some((g) => entityMatches(e, g))));
  for (const type of SCORED_ENTITY_TYPES) {
    const goldEntries = goldEntitiesOf(gold, type);
    const ofType = scored.filter((e) => e.type === type);
    const c = counts.entities[type];
    c.gold += goldEntries.length;
    c.predicted += ofType.length;
    for (const entry of goldEntries) {
      if (ofType.some((e) => entityMatches(e, entry))) c.matchedGold++;
      else {
        const other = scored.find((e) => entityMatches(e, entry));
        issues.push({ type: 'missed-entity', text: entityLabel(entry), detail: other ? `${type}, predicted as ${other.type}` : type });
      }
    }
    for (const e of ofType) {
      if (goldEntries.some((entry) => entityMatches(e, entry))) c.matchedPredicted++;
      else issues.push({ type: 'false-positive-entity', text: e.name, detail: type });
    }
  }
  const any = counts.entities.any;
  any.gold += allGold.length;
  any.predicted += scored.length;
  any.matchedGold += allGold.filter((entry) => scored.some((e) => entityMatches(e, entry))).length;
  any.matchedPredicted += scored.filter((e) => allGold.some((entry) => entityMatches(e, entry))).length;
}

/** Scores one article against its gold (rules 1–5). `article` undefined means extraction lost it. */
export function scoreArticle(name: string, article: Article | undefined, archive: Archive, gold: GoldFile, match: QuoteMatching = 'overlap'): ArticleScore {
  const counts = emptyScoreCounts();
  const issues: EvalIssue[] = [];
  if (!article) {
    for (const g of gold.quotes.filter((q) => !q.ambiguous)) {
      counts.quotes[g.kind].gold++;
      counts.attributionAll.total++;
    }
    for (const type of SCORED_ENTITY_TYPES) counts.entities[type].gold += goldEntitiesOf(gold, type).length;
    counts.entities.any.gold += SCORED_ENTITY_TYPES.flatMap((t) => goldEntitiesOf(gold, t)).length;
    issues.push({ type: 'gold-error', text: name, detail: 'no article in the archive for this file (did loading fail?)' });
    return { name, articleFound: false, counts, issues };
  }
  const quotes = archive.quotes.filter((q) => q.articleId === article.id);
  (match === 'containment' ? scoreQuotesByContainment : scoreQuotes)(article, quotes, gold, counts, issues);
  const ids = new Set(article.entityIds);
  scoreEntities(archive.entities.filter((e) => ids.has(e.id)), gold, counts, issues);
  return { name, articleFound: true, counts, issues };
}

function ratio(numerator: number, denominator: number): number {
  // Nothing to find and nothing found is perfect, not undefined.
  return denominator === 0 ? 1 : numerator / denominator;
}

/** Turns counts into precision, recall and F1. */
export function toPRScore(c: PRCounts): PRScore {
  const precision = ratio(c.matchedPredicted, c.predicted);
  const recall = ratio(c.matchedGold, c.gold);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}

function addCounts(into: PRCounts, from: PRCounts): void {
  into.matchedPredicted += from.matchedPredicted;
  into.predicted += from.predicted;
  into.matchedGold += from.matchedGold;
  into.gold += from.gold;
}

/** Sums per-article counts into micro-averaged totals. */
export function totalScores(articles: ArticleScore[]): Totals {
  const sum = emptyScoreCounts();
  for (const a of articles) {
    for (const kind of QUOTE_KINDS) addCounts(sum.quotes[kind], a.counts.quotes[kind]);
    for (const type of [...SCORED_ENTITY_TYPES, 'any'] as const) addCounts(sum.entities[type], a.counts.entities[type]);
    sum.attribution.correct += a.counts.attribution.correct;
    sum.attribution.total += a.counts.attribution.total;
    sum.attributionAll.correct += a.counts.attributionAll.correct;
    sum.attributionAll.total += a.counts.attributionAll.total;
    sum.cue.correct += a.counts.cue.correct;
    sum.cue.total += a.counts.cue.total;
  }
  return {
    quotes: { direct: toPRScore(sum.quotes.direct), partial: toPRScore(sum.quotes.partial), indirect: toPRScore(sum.quotes.indirect) },
    attribution: { ...sum.attribution, accuracy: ratio(sum.attribution.correct, sum.attribution.total) },
    attributionAll: { ...sum.attributionAll, accuracy: ratio(sum.attributionAll.correct, sum.attributionAll.total) },
    cue: { ...sum.cue, accuracy: ratio(sum.cue.correct, sum.cue.total) },
    entities: {
      person: toPRScore(sum.entities.person),
      organization: toPRScore(sum.entities.organization),
      place: toPRScore(sum.entities.place),
      any: toPRScore(sum.entities.any),
    },
  };
}

/**
 * Scores an archive against gold files keyed by name (`01-parliament-vote`).
 * `articleFile` maps a name to the `sourceFile` of the article built from it.
 */
export function scoreArchive(archive: Archive, golds: Map<string, GoldFile>, articleFile: (name: string) => string, match: QuoteMatching = 'overlap'): EvalResult {
  const bySourceFile = new Map(archive.articles.map((a) => [a.sourceFile, a]));
  const articles = [...golds.keys()].sort().map((name) => scoreArticle(name, bySourceFile.get(articleFile(name)), archive, golds.get(name)!, match));
  return { articles, totals: totalScores(articles) };
}

/** Lists every total below its threshold, as readable lines (empty when all pass). */
export function findShortfalls(totals: Totals, thresholds: Thresholds): string[] {
  const checks: [string, number, number][] = [
    ['direct precision', totals.quotes.direct.precision, thresholds.direct.precision],
    ['direct recall', totals.quotes.direct.recall, thresholds.direct.recall],
    ['partial recall', totals.quotes.partial.recall, thresholds.partial.recall],
    ['reported precision', totals.quotes.indirect.precision, thresholds.indirect.precision],
    ['reported recall', totals.quotes.indirect.recall, thresholds.indirect.recall],
    ['attribution accuracy', totals.attribution.accuracy, thresholds.attribution],
  ];
  for (const type of SCORED_ENTITY_TYPES) {
    checks.push([`${type} precision`, totals.entities[type].precision, thresholds[type].precision]);
    checks.push([`${type} recall`, totals.entities[type].recall, thresholds[type].recall]);
  }
  return checks.filter(([, value, target]) => value < target).map(([label, value, target]) => `${label} ${value.toFixed(3)} < ${target}`);
}

/** Checks a gold file against its body: errors make the gold unusable, warnings deserve a look. */
export function validateGold(body: string, gold: GoldFile): { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  if (!Array.isArray(gold.quotes)) return { errors: ['"quotes" must be an array'], warnings };
  gold.quotes.forEach((q, i) => {
    const where = `quote ${i + 1} (${clip(String(q.text), 50)})`;
    if (typeof q.text !== 'string' || q.text.length === 0) errors.push(`${where}: empty text`);
    if (!QUOTE_KINDS.includes(q.kind)) errors.push(`${where}: kind must be direct, partial or indirect`);
    if (q.speaker !== null && typeof q.speaker !== 'string') errors.push(`${where}: speaker must be a string or null`);
    if (q.speaker !== null && q.speakerType !== 'person' && q.speakerType !== 'organization') errors.push(`${where}: speakerType must be person or organization`);
    if (typeof q.text === 'string' && q.text !== q.text.trim()) errors.push(`${where}: text has leading or trailing spaces`);
    if (typeof q.text === 'string' && /,$/.test(q.text)) errors.push(`${where}: text ends with a comma (drop the attribution comma)`);
    if (typeof q.text === 'string' && q.kind !== 'indirect' && /^["\u201C\u201D\u00AB]|["\u201C\u201D\u00BB]$/.test(q.text)) errors.push(`${where}: text includes its quote marks`);
  });
  errors.push(...locateGoldQuotes(body, gold.quotes).errors.map((e) => `${e.detail}: ${clip(e.text, 70)}`));
  if (typeof gold.entities !== 'object' || gold.entities === null) errors.push('"entities" must be an object');
  const normalizedBody = normalizeEvalName(body);
  for (const type of SCORED_ENTITY_TYPES) {
    const entries = gold.entities?.[type] ?? [];
    const keys = entries.map((e) => entityAlternatives(e).map(normalizeEvalName).join('|'));
    if (new Set(keys).size !== keys.length) errors.push(`entity ${type} list has duplicates`);
    for (const entry of entries) {
      const names = entityAlternatives(entry);
      if (!Array.isArray(names) || names.length === 0 || names.some((n) => typeof n !== 'string' || !n.trim())) {
        errors.push(`entity ${type} entry ${JSON.stringify(entry)} must be a name or a non-empty list of names`);
        continue;
      }
      if (!names.some((name) => normalizedBody.includes(normalizeEvalName(name)))) warnings.push(`entity ${type} "${names.join('" / "')}" does not occur in the body as written`);
    }
  }
  if (gold.optional !== undefined && (!Array.isArray(gold.optional) || gold.optional.some((n) => typeof n !== 'string'))) errors.push('"optional" must be a list of names');
  const namesOf = (type: ScoredEntityType) => new Set((gold.entities?.[type] ?? []).flatMap((e) => entityAlternatives(e)).map(normalizeEvalName));
  const people = namesOf('person');
  const orgs = namesOf('organization');
  for (const q of gold.quotes) {
    if (q.speakerAlternatives !== undefined && (!Array.isArray(q.speakerAlternatives) || q.speakerAlternatives.some((n) => typeof n !== 'string'))) errors.push(`quote (${clip(String(q.text), 50)}): speakerAlternatives must be a list of names`);
    if (q.ambiguous !== undefined && typeof q.ambiguous !== 'boolean') errors.push(`quote (${clip(String(q.text), 50)}): ambiguous must be true or false`);
    if (q.speaker === null) continue;
    const list = q.speakerType === 'organization' ? orgs : people;
    const names = [q.speaker, ...(q.speakerAlternatives ?? [])];
    if (!names.some((n) => list.has(normalizeEvalName(n)))) warnings.push(`speaker "${q.speaker}" is not in the ${q.speakerType} entities`);
  }
  return { errors, warnings: [...new Set(warnings)] };
}
