/**
 * Assembles the linked records into the Archive: every list sorted, every
 * cross-reference filled, so templates and exports only present it.
 */
import type { Archive, Article, ArticleFacts, CuratorAliases, Diagnostic, LoadedArticle, Quote, Source, SpeakerRef } from './types.ts';
import { compareStrings } from '../link/canonical-names.ts';
import { linkRecords, type ArticleToLink } from '../link/records.ts';
import { normalizeName, quoteId, SlugCounter } from '../link/ids.ts';

export interface ExtractedArticle {
  id: string;
  loaded: LoadedArticle;
  facts: ArticleFacts;
}

const KNOWN_KEYS = new Set(['title', 'date', 'source', 'url', 'byline', 'dateline', 'language', 'slug', 'speakers']);

/** Applies front-matter `speakers` overrides: the curator's canonical name wins over extraction's. */
function applySpeakerOverrides(speaker: SpeakerRef, overrides: Record<string, string> | undefined): SpeakerRef {
  if (!overrides) return speaker;
  const forms = [speaker.name, ...speaker.aliases].map(normalizeName);
  for (const [from, to] of Object.entries(overrides)) {
    if (typeof to === 'string' && forms.includes(normalizeName(from))) {
      return { ...speaker, name: to, aliases: [...new Set([speaker.name, ...speaker.aliases])].filter((a) => a !== to) };
    }
  }
  return speaker;
}

/** Options of `assembleArchive`. */
export interface AssembleOptions {
  /** The curator's aliases file (default: none). */
  aliases?: CuratorAliases | null;
  /** Each article's content file relative to the aliases file's folder, by article id, so a split may name files. */
  filesRelativeToAliases?: Map<string, string>;
}

/** Builds the Archive from extracted articles. Pure and deterministic. */
export function assembleArchive(extracted: ExtractedArticle[], options: AssembleOptions = {}): Archive {
  return assembleArchiveReporting(extracted, options).archive;
}

/** Like `assembleArchive`, with the problems linking found (in the aliases file). */
export function assembleArchiveReporting(extracted: ExtractedArticle[], options: AssembleOptions = {}): { archive: Archive; diagnostics: Diagnostic[] } {
  const ordered = [...extracted].sort((a, b) => compareStrings(b.loaded.frontMatter.date, a.loaded.frontMatter.date) || compareStrings(a.id, b.id));

  // Quotes, with ids unique even when one article repeats the same words.
  const quotes: Quote[] = [];
  const toLink = new Map<string, ArticleToLink>();
  const quoteIdsByArticle = new Map<string, string[]>();
  for (const a of ordered) {
    const fm = a.loaded.frontMatter;
    const file = options.filesRelativeToAliases?.get(a.id);
    const article: ArticleToLink = {
      articleId: a.id, body: a.loaded.body, dateline: typeof fm.dateline === 'string' ? fm.dateline : null,
      entities: a.facts.entities, speakers: [], ...(file === undefined ? {} : { file }),
    };
    toLink.set(a.id, article);
    const used = new Set<string>();
    const repeats = new Map<string, number>();
    const ids: string[] = [];
    const sorted = [...a.facts.quotes].sort((x, y) => x.start - y.start || x.end - y.end);
    for (const q of sorted) {
      const text = a.loaded.body.slice(q.start, q.end);
      const base = quoteId(a.id, text);
      let id = base;
      // Repeated words get -2, -3 …; the counter per base keeps thousands of repeats linear.
      for (let n = (repeats.get(base) ?? 1) + 1; used.has(id); n++) {
        id = `${base}-${n}`;
        repeats.set(base, n);
      }
      used.add(id);
      ids.push(id);
      const speaker = q.speaker ? applySpeakerOverrides(q.speaker, fm.speakers as Record<string, string> | undefined) : null;
      if (speaker) article.speakers.push({ quoteKey: id, speaker });
      quotes.push({
        id,
        articleId: a.id,
        path: `/articles/${a.id}/#${id}`,
        text,
        kind: q.kind,
        speakerId: null,
        speakerName: speaker?.name ?? q.unnamedSpeaker ?? null,
        cue: q.cue,
        start: q.start,
        end: q.end,
        date: q.date ?? fm.date,
        source: fm.source,
      });
    }
    quoteIdsByArticle.set(a.id, ids);
  }

  const linked = linkRecords([...toLink.values()], { aliases: options.aliases ?? null });
  const { speakers, speakerIdByQuoteKey } = linked;
  for (const q of quotes) q.speakerId = speakerIdByQuoteKey.get(q.id) ?? null;
  const quoteById = new Map(quotes.map((q) => [q.id, q]));
  const articleOrder = new Map(ordered.map((a, i) => [a.id, i]));
  const quotesBySpeaker = new Map<string, Quote[]>();
  for (const q of quotes) {
    if (!q.speakerId) continue;
    const list = quotesBySpeaker.get(q.speakerId);
    if (list) list.push(q);
    else quotesBySpeaker.set(q.speakerId, [q]);
  }
  for (const s of speakers) {
    s.quoteIds = (quotesBySpeaker.get(s.id) ?? [])
      .sort((x, y) => compareStrings(x.date, y.date) || articleOrder.get(x.articleId)! - articleOrder.get(y.articleId)! || x.start - y.start)
      .map((q) => q.id);
  }

  // Sources, one per outlet name.
  const sourceSlugs = new SlugCounter();
  const sourceByName = new Map<string, Source>();
  for (const name of [...new Set(ordered.map((a) => a.loaded.frontMatter.source))].sort(compareStrings)) {
    const id = sourceSlugs.next(name, 'source');
    sourceByName.set(name, { id, name, path: `/sources/${id}/`, articleIds: [] });
  }

  const articles: Article[] = ordered.map((a) => {
    const fm = a.loaded.frontMatter;
    const source = sourceByName.get(fm.source)!;
    source.articleIds.push(a.id);
    const entityIds = [...new Set(a.facts.entities.map((_, j) => linked.entityIdByLocal.get(`${a.id}\u0000${j}`)!))].sort();
    const quoteIds = quoteIdsByArticle.get(a.id) ?? [];
    const speakerIds: string[] = [];
    for (const qid of quoteIds) {
      const sid = quoteById.get(qid)?.speakerId;
      if (sid && !speakerIds.includes(sid)) speakerIds.push(sid);
    }
    const extra: Record<string, unknown> = {};
    for (const key of Object.keys(fm).sort()) if (!KNOWN_KEYS.has(key)) extra[key] = fm[key];
    return {
      id: a.id,
      url: typeof fm.url === 'string' ? fm.url : null,
      path: `/articles/${a.id}/`,
      title: fm.title,
      date: fm.date,
      source: { id: source.id, name: source.name, path: source.path },
      sourceFile: a.loaded.file,
      byline: typeof fm.byline === 'string' ? fm.byline : null,
      dateline: typeof fm.dateline === 'string' ? fm.dateline : null,
      language: typeof fm.language === 'string' ? fm.language : 'en',
      body: a.loaded.body,
      extra,
      quoteIds,
      entityIds,
      speakerIds,
    };
  });

  return {
    archive: {
      articles,
      quotes,
      speakers,
      entities: linked.entities,
      sources: [...sourceByName.values()],
    },
    diagnostics: linked.diagnostics,
  };
}
