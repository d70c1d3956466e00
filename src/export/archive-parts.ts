/**
 * An archive cut into parts by the date of its articles (a year, a month of
 * a year too large, runs of a month too large), so that no data file is too
 * large for a static host. Each part has archive.json's shape and stands on
 * its own: its articles and their quotes, and the speakers, entities and
 * sources they refer to, each record as the whole archive has it except
 * that its id lists (`quoteIds`, `articleIds`) keep only the ids the part
 * holds. Every id a part names is a record of that part.
 *
 * `mergeArchiveParts` joins parts back into the whole, byte for byte: the
 * id lists are joined and ordered as `assembleArchive` orders them.
 */
import type { Archive, Article, Entity, Quote, Source, Speaker } from '../archive/types.ts';
import { compareStrings } from '../link/canonical-names.ts';
import { normalizeName } from '../link/ids.ts';

/** One part of an archive: which articles it holds and what to call it. */
export interface ArchivePeriod {
  /** `2021`, `2021-03` (a year too large for one part), or `2021-03-2` (a month too large: its second run of articles). */
  period: string;
  /** The archive with only this part's records (`toArchivePart`). */
  archive: Archive;
}

/** The part of `archive` that holds `articles` (a subset of its articles, in its order). */
export function toArchivePart(archive: Archive, articles: readonly Article[]): Archive {
  const articleIds = new Set(articles.map((a) => a.id));
  const quotes = archive.quotes.filter((q) => articleIds.has(q.articleId));
  const quoteIds = new Set(quotes.map((q) => q.id));
  const speakerIds = new Set<string>();
  for (const a of articles) for (const id of a.speakerIds) speakerIds.add(id);
  for (const q of quotes) if (q.speakerId) speakerIds.add(q.speakerId);
  const speakers = archive.speakers.filter((s) => speakerIds.has(s.id)).map((s): Speaker => ({ ...s, quoteIds: s.quoteIds.filter((id) => quoteIds.has(id)) }));
  const entityIds = new Set<string>();
  for (const a of articles) for (const id of a.entityIds) entityIds.add(id);
  for (const s of speakers) if (s.entityId) entityIds.add(s.entityId);
  const entities = archive.entities.filter((e) => entityIds.has(e.id)).map((e): Entity => ({ ...e, articleIds: e.articleIds.filter((id) => articleIds.has(id)) }));
  const sourceIds = new Set(articles.map((a) => a.source.id));
  const sources = archive.sources.filter((s) => sourceIds.has(s.id)).map((s): Source => ({ ...s, articleIds: s.articleIds.filter((id) => articleIds.has(id)) }));
  return { articles: [...articles], quotes, speakers, entities, sources };
}

/** Groups consecutive articles by a key of their date, keeping the archive's order. */
function groupBy(articles: readonly Article[], key: (a: Article) => string): { key: string; articles: Article[] }[] {
  const groups: { key: string; articles: Article[] }[] = [];
  for (const a of articles) {
    const k = key(a);
    const last = groups.at(-1);
    if (last && last.key === k) last.articles.push(a);
    else groups.push({ key: k, articles: [a] });
  }
  return groups;
}

/**
 * Cuts `archive` into parts, newest first as its articles are: one per year,
 * a year for which `fits` says no cut by month, and a month that does not
 * fit cut in halves until each fits (runs numbered from 1). A single
 * article that does not fit is a part anyway: nothing is left out.
 * Articles are ordered by date, so each part is a run of the whole's.
 */
export function* splitArchiveByPeriod(archive: Archive, fits: (part: Archive) => boolean): Generator<ArchivePeriod> {
  for (const year of groupBy(archive.articles, (a) => a.date.slice(0, 4))) {
    const part = toArchivePart(archive, year.articles);
    if (fits(part)) {
      yield { period: year.key, archive: part };
      continue;
    }
    for (const month of groupBy(year.articles, (a) => a.date.slice(0, 7))) {
      const whole = toArchivePart(archive, month.articles);
      if (fits(whole)) {
        yield { period: month.key, archive: whole };
        continue;
      }
      let run = 0;
      for (const runPart of halvesThatFit(archive, month.articles, fits)) yield { period: `${month.key}-${++run}`, archive: runPart };
    }
  }
}

/** Runs of `articles` (in order) whose parts fit, halving as needed. */
function* halvesThatFit(archive: Archive, articles: readonly Article[], fits: (part: Archive) => boolean): Generator<Archive> {
  const part = toArchivePart(archive, articles);
  if (articles.length <= 1 || fits(part)) {
    yield part;
    return;
  }
  const middle = Math.ceil(articles.length / 2);
  yield* halvesThatFit(archive, articles.slice(0, middle), fits);
  yield* halvesThatFit(archive, articles.slice(middle), fits);
}

/** The order of speakers and entities in an archive: by name (accents, case and spacing folded), then type, then id. */
function compareRecords(a: { name: string; type: string; id: string }, b: { name: string; type: string; id: string }): number {
  return compareStrings(normalizeName(a.name), normalizeName(b.name)) || compareStrings(a.type, b.type) || compareStrings(a.id, b.id);
}

/** Records of several parts joined by id, each once with the union of its id lists (`withIds` puts the list back, ordered). */
function joinRecords<T extends { id: string }>(lists: readonly (readonly T[])[], ids: (record: T) => string[], withIds: (record: T, ids: string[]) => T): T[] {
  const byId = new Map<string, { record: T; ids: Set<string> }>();
  for (const list of lists) {
    for (const record of list) {
      const seen = byId.get(record.id);
      if (seen) for (const id of ids(record)) seen.ids.add(id);
      else byId.set(record.id, { record, ids: new Set(ids(record)) });
    }
  }
  return [...byId.values()].map(({ record, ids: joined }) => withIds(record, [...joined]));
}

/**
 * The whole archive from its parts (in any order): articles and quotes as
 * the whole orders them (newest article first, each article's quotes in
 * text order), each speaker, entity and source once with its id lists
 * joined, everything ordered as `assembleArchive` orders it.
 */
export function mergeArchiveParts(parts: readonly Archive[]): Archive {
  const articleList = parts.flatMap((p) => p.articles);
  const articles = [...new Map(articleList.map((a) => [a.id, a])).values()]
    .sort((a, b) => compareStrings(b.date, a.date) || compareStrings(a.id, b.id));
  const articleOrder = new Map(articles.map((a, i) => [a.id, i]));
  const quoteById = new Map(parts.flatMap((p) => p.quotes).map((q) => [q.id, q]));
  // Each article's quotes in the order its quoteIds give (text order).
  const quotes = articles.flatMap((a) => a.quoteIds.map((id) => quoteById.get(id)).filter((q): q is Quote => q !== undefined));
  const byQuoteOrder = (x: string, y: string): number => {
    const p = quoteById.get(x);
    const q = quoteById.get(y);
    if (!p || !q) return compareStrings(x, y);
    return compareStrings(p.date, q.date) || (articleOrder.get(p.articleId) ?? 0) - (articleOrder.get(q.articleId) ?? 0) || p.start - q.start;
  };
  const speakers = joinRecords(parts.map((p) => p.speakers), (s) => s.quoteIds, (s, ids) => ({ ...s, quoteIds: ids.sort(byQuoteOrder) })).sort(compareRecords);
  const entities = joinRecords(parts.map((p) => p.entities), (e) => e.articleIds, (e, ids) => ({ ...e, articleIds: ids.sort(compareStrings) })).sort(compareRecords);
  const sources = joinRecords(parts.map((p) => p.sources), (s) => s.articleIds, (s, ids) => ({ ...s, articleIds: ids.sort((x, y) => (articleOrder.get(x) ?? 0) - (articleOrder.get(y) ?? 0)) }))
    .sort((a, b) => compareStrings(a.name, b.name));
  return { articles, quotes, speakers, entities, sources };
}
