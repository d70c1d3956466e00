/**
 * One speaker record and one entity record per real-world person or body
 * across the whole archive. Each article's records (extraction already
 * resolved "he", "Smith" and "the ministry" inside the article) get a join
 * key, and records with a common key become one (union-find):
 *
 * - a person by the full name, with accents, case and hyphens folded, after
 *   any title glued to the front is split off ("Ministry of Defence
 *   Spokesperson Jane Doe" is Jane Doe); a surname alone never reaches
 *   another article's full name, a title never joins two people;
 * - an organization by its name key (`organization-names.ts`): "Department
 *   of Energy" is "Energy Department"; a bare acronym by the expansion an
 *   article of the archive gives it (its own article first), else the
 *   organizations lexicon's, and never when two expansions claim it;
 * - a government body every country has ("Foreign Ministry") also by its
 *   country (`country-context.ts`); one that nothing places stays apart
 *   when the archive holds that body of two countries, and joins the only
 *   one otherwise;
 * - the curator's aliases file overrides all of this (`curator-aliases.ts`).
 *
 * A speaker joins the entity record its article's entity of the same name
 * went to, so a speaker page and an entity page are always the same thing.
 */
import type { CuratorAliases, Diagnostic, Entity, EntityMention, EntityType, ExtractedEntity, Speaker, SpeakerRef, SpeakerType } from '../archive/types.ts';
import { articleCountry, countryAroundMention, splitCountryQualifier } from './country-context.ts';
import { applyCuratorAliases, type CuratorTarget } from './curator-aliases.ts';
import { acronymKey, isAcronym, lexiconExpansion, readOrganizationName, type OrganizationName } from './organization-names.ts';
import { splitTitleFromName } from './person-names.ts';
import { compareStrings, dedupeByNormalized, dedupeTitles, pickCanonicalName } from './canonical-names.ts';
import { normalizeName, organizationKey, SlugCounter } from './ids.ts';

/** One article's records to link. */
export interface ArticleToLink {
  articleId: string;
  /** The article body: the words around a mention may say which country's body it is ('' when unknown). */
  body: string;
  /** Front-matter dateline, if any. */
  dateline: string | null;
  /** The content file relative to the aliases file's folder, so a split may name it. */
  file?: string;
  entities: ExtractedEntity[];
  /** Each quote's speaker, keyed by the caller's quote key. */
  speakers: { quoteKey: string; speaker: SpeakerRef }[];
}

/** Options of `linkRecords`. */
export interface LinkRecordsOptions {
  /** The curator's aliases file (default: none). */
  aliases?: CuratorAliases | null;
}

export interface LinkedRecords {
  entities: Entity[];
  /** Speakers without `quoteIds` filled (the archive assembler orders quotes). */
  speakers: Speaker[];
  /** Entity id of `articles[i].entities[j]`, keyed `${articleId}\u0000${j}`. */
  entityIdByLocal: Map<string, string>;
  speakerIdByQuoteKey: Map<string, string>;
  /** Problems with the aliases file (unknown names, conflicts). */
  diagnostics: Diagnostic[];
}

/** What an organization record is, once its name and acronyms are read. */
interface OrganizationIdentity extends OrganizationName {
  /** The name to show: the expansion, the lexicon's, or the acronym when nothing expands it. */
  display: string;
}

/** One article's entity or speaker, on its way to an archive-wide record. */
interface Item extends CuratorTarget {
  kind: 'entity' | 'speaker';
  local: number;
  quoteKeys: string[];
  type: EntityType;
  name: string;
  aliases: string[];
  titles: string[];
  mentions: EntityMention[];
  org: OrganizationIdentity | null;
  /** Country of a government body, or null when nothing says. */
  country: string | null;
  keys: string[];
  /** Entity item of the same article this speaker is (speakers only). */
  entity: Item | null;
  /** True when the article wrote nothing but an acronym for it, so its identity came from the archive or the lexicon. */
  bareAcronym: boolean;
}

const PLACEHOLDER_COUNTRY = '?';

/** Links every article's entities and speakers into archive-wide records. Pure and deterministic. */
export function linkRecords(articles: ArticleToLink[], options: LinkRecordsOptions = {}): LinkedRecords {
  const items: Item[] = [];
  const byArticle = new Map<string, Item[]>();
  for (const article of articles) {
    const own: Item[] = [];
    article.entities.forEach((entity, local) => own.push(makeItem('entity', article.articleId, local, entity.type, entity.name, entity.aliases, entity.titles ?? [], entity.mentions, [])));
    const speakerGroups = new Map<string, { speaker: SpeakerRef; quoteKeys: string[] }>();
    for (const { quoteKey, speaker } of article.speakers) {
      const key = `${speaker.type}\u0000${normalizeName(speaker.name)}`;
      const group = speakerGroups.get(key);
      if (group) {
        group.quoteKeys.push(quoteKey);
        group.speaker = { ...group.speaker, aliases: [...group.speaker.aliases, ...speaker.aliases], titles: [...group.speaker.titles, ...speaker.titles] };
      } else speakerGroups.set(key, { speaker, quoteKeys: [quoteKey] });
    }
    [...speakerGroups.values()].forEach(({ speaker, quoteKeys }, local) => own.push(makeItem('speaker', article.articleId, local, speaker.type, speaker.name, speaker.aliases, speaker.titles, [], quoteKeys)));
    for (const speaker of own) if (speaker.kind === 'speaker') speaker.entity = matchEntity(speaker, own);
    readOrganizations(own, article);
    items.push(...own);
    byArticle.set(article.articleId, own);
  }
  const ambiguous = resolveAcronyms(items, byArticle);
  assignKeys(items);
  const diagnostics = options.aliases
    ? applyCuratorAliases(options.aliases, items, articles.map((a) => ({ id: a.articleId, ...(a.file === undefined ? {} : { file: a.file }) })))
    : [];
  const groups = unite(items);
  const countries = countriesByKey(items);
  const naming: Naming = { countries, ambiguous };
  const { entities, entityIdByLocal, entityIdByGroup } = buildEntities(groups, naming);
  const { speakers, speakerIdByQuoteKey } = buildSpeakers(groups, entityIdByGroup, naming);
  return { entities, speakers, entityIdByLocal, speakerIdByQuoteKey, diagnostics };
}

function makeItem(kind: Item['kind'], articleId: string, local: number, type: EntityType | SpeakerType, name: string, aliases: string[], titles: string[], mentions: EntityMention[], quoteKeys: string[]): Item {
  const original = name;
  let finalType: EntityType = type;
  let finalName = name;
  let finalAliases = aliases;
  const finalTitles = [...titles];
  if (type === 'person' || type === 'organization') {
    const split = splitTitleFromName(name, type === 'organization');
    if (split) {
      finalType = 'person';
      finalName = split.name;
      finalTitles.push(split.title);
      finalAliases = aliases.filter((a) => normalizeName(a) !== normalizeName(original));
    }
  }
  return {
    kind, articleId, local, quoteKeys, type: finalType, name: finalName, aliases: finalAliases, titles: finalTitles, mentions,
    // The curator may name a record by any form it had, the glued one included.
    forms: [finalName, original, ...finalAliases, ...mentions.map((m) => m.text)],
    org: null, country: null, keys: [], entity: null, bareAcronym: false,
  };
}

/** The entity of the same article a speaker is: the one whose name is the speaker's, else one that has it as a form. */
function matchEntity(speaker: Item, own: Item[]): Item | null {
  const name = normalizeName(speaker.name);
  const speakerForms = new Set([speaker.name, ...speaker.aliases].map(normalizeName));
  let best: Item | null = null;
  let bestScore = 0;
  for (const entity of own) {
    if (entity.kind !== 'entity' || entity.type !== speaker.type) continue;
    // A person is the entity of the same full name only: an alias may be a surname that other people share.
    if (speaker.type === 'person' && personKey(entity.name) !== personKey(speaker.name)) continue;
    const score = normalizeName(entity.name) === name ? 3
      : entity.aliases.some((a) => normalizeName(a) === name) ? 2
        : speakerForms.has(normalizeName(entity.name)) ? 1 : 0;
    if (score > bestScore) [best, bestScore] = [entity, score];
  }
  return best;
}

const stripThe = (form: string) => form.replace(/^the\s+/i, '');

/**
 * Reads each organization's name: which expansion it goes by (the one its
 * article wrote: extraction may have named a bare "FAA" from the lexicon
 * though the article defined it otherwise), and which country, for a body
 * every government has.
 */
function readOrganizations(own: Item[], article: ArticleToLink): void {
  let contextCountry: string | null | undefined;
  for (const item of own) {
    if (item.type !== 'organization' || (item.kind === 'speaker' && item.entity)) continue;
    const written = item.kind === 'entity' && item.mentions.length ? [...new Set(item.mentions.map((m) => stripThe(m.text)))] : [item.name];
    const expansions = written.filter((w) => !isAcronym(w));
    const nameKey = isAcronym(item.name) ? null : readOrganizationName(item.name).key;
    // Extraction's name is trusted unless the article wrote nothing but an acronym (it may have expanded "FAA" from the lexicon).
    const named = nameKey !== null && (expansions.length > 0 || item.kind === 'speaker' || !written.some(isAcronym));
    const expansion = named ? item.name : expansions.sort((a, b) => b.length - a.length || (a < b ? -1 : 1))[0] ?? null;
    if (expansion === null) continue; // a bare acronym: resolved across the archive (resolveAcronyms)
    const read = readOrganizationName(expansion);
    item.org = { ...read, display: expansion };
    if (!read.scoped) continue;
    item.country = read.country
      ?? mostCommon(written.map((w) => readOrganizationName(w).country))
      ?? mostCommon(item.mentions.map((m) => countryAroundMention(article.body, m.start, m.end)))
      ?? (contextCountry === undefined ? (contextCountry = articleCountry(article.dateline, article.body)) : contextCountry);
  }
}

/** The most frequent non-null value (ties to the first in code-point order), or null. */
function mostCommon(values: (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
}

/** The acronyms a record goes by ("FAA" for "the Federal Aviation Administration (FAA)"). */
const acronymCache = new WeakMap<Item, string[]>();
function acronymsOf(item: Item): string[] {
  let found = acronymCache.get(item);
  if (!found) acronymCache.set(item, (found = findAcronyms(item)));
  return found;
}
function findAcronyms(item: Item): string[] {
  return [...new Set([item.name, ...item.aliases, ...item.mentions.map((m) => stripThe(m.text))].filter(isAcronym).map(acronymKey))].sort();
}

/**
 * Gives each bare acronym the identity of its expansion: the one its own
 * article defines, else the only one the archive's articles define, else
 * the lexicon's. An acronym two expansions claim stays a record of its own.
 */
function resolveAcronyms(items: Item[], byArticle: Map<string, Item[]>): Set<string> {
  const definitions = new Map<string, Map<string, OrganizationIdentity>>();
  for (const item of items) {
    if (!item.org || item.kind !== 'entity') continue;
    for (const acronym of acronymsOf(item)) {
      const byKey = definitions.get(acronym) ?? new Map<string, OrganizationIdentity>();
      if (!byKey.has(item.org.key)) byKey.set(item.org.key, item.org);
      definitions.set(acronym, byKey);
    }
  }
  for (const item of items) {
    if (item.type !== 'organization' || item.org || (item.kind === 'speaker' && item.entity)) continue;
    item.bareAcronym = true;
    const acronym = acronymsOf(item)[0] ?? acronymKey(item.name);
    // Shown as the article wrote it ("U.N."), not as extraction may have expanded it from the lexicon.
    const written = [item.name, ...item.aliases, ...item.mentions.map((m) => stripThe(m.text))].find((f) => isAcronym(f) && acronymKey(f) === acronym) ?? acronym;
    const sameArticle = byArticle.get(item.articleId)!.find((other) => other !== item && other.org && other.kind === 'entity' && acronymsOf(other).includes(acronym));
    if (sameArticle) {
      item.org = sameArticle.org;
      item.country = sameArticle.country;
      continue;
    }
    const claimed = definitions.get(acronym);
    if (claimed && claimed.size === 1) item.org = [...claimed.values()][0]!;
    else if (claimed && claimed.size > 1) item.org = { key: `acronym:${acronym}`, scoped: false, country: null, bare: written, display: written };
    else {
      const known = lexiconExpansion(acronym);
      // Named as extraction named it: the lexicon's expansion, or the acronym where extraction kept it ("TSMC").
      item.org = known
        ? { ...readOrganizationName(known), display: item.name }
        : { key: `acronym:${acronym}`, scoped: false, country: null, bare: written, display: written };
    }
  }
  return new Set([...definitions].filter(([, byKey]) => byKey.size > 1).map(([acronym]) => acronym));
}

/** Join keys of every item; government bodies that nothing places join the only country the archive knows for them. */
function assignKeys(items: Item[]): void {
  const countries = countriesByKey(items);
  const surnames = new Set(items.filter((i) => i.type === 'person').map((i) => personKey(i.name).split(' ')).filter((w) => w.length > 1).map((w) => w[w.length - 1]!));
  for (const item of items) {
    if (item.kind === 'speaker' && item.entity) continue;
    if (item.type === 'person') {
      const key = personKey(item.name);
      // A lone surname ("Calloway") may be any of the people who share it: it joins nothing beyond its article.
      item.keys = [`person\u0000${key}${surnames.has(key) ? `\u0000${item.articleId}` : ''}`];
    }
    else if (item.type === 'organization' && item.org) {
      if (!item.org.scoped) item.keys = [`organization\u0000${item.org.key}`];
      else {
        const known = countries.get(item.org.key)!;
        if (item.country === null && known.size === 1) item.country = [...known][0]!;
        item.keys = [`organization\u0000${item.org.key}\u0000${item.country ?? PLACEHOLDER_COUNTRY}`];
      }
    } else item.keys = legacyKeys(item);
  }
}

/** Countries seen for each government body's key. */
function countriesByKey(items: Item[]): CountriesByKey {
  const out = new Map<string, Set<string>>();
  for (const item of items) {
    if (!item.org?.scoped) continue;
    const set = out.get(item.org.key) ?? new Set<string>();
    if (item.country !== null) set.add(item.country);
    out.set(item.org.key, set);
  }
  return out;
}

/** A person's key: accents, case, spacing and hyphens folded ("Kao Mei-ling" is "Kao Mei Ling"). */
function personKey(name: string): string {
  return normalizeName(name).replace(/-/g, ' ').replace(/\s+/g, ' ');
}

/** Places and documents: the full name, the name without "the" and legal suffixes, or an abbreviation it gave. */
function legacyKeys(item: Item): string[] {
  const keys = [normalizeName(item.name), organizationKey(item.name)];
  for (const alias of item.aliases) if (isAcronym(alias)) keys.push(normalizeName(alias));
  return [...new Set(keys)].map((k) => `${item.type}\u0000${k}`);
}

/** Unites items through shared keys, speakers with their entities, and the curator's joins and splits. */
function unite(items: Item[]): Item[][] {
  const index = new Map(items.map((item, i) => [item, i]));
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const union = (a: number, b: number) => { parent[find(a)] = find(b); };
  const firstByKey = new Map<string, number>();
  items.forEach((item, i) => {
    const keys = item.forcedKey ? [item.forcedKey] : [...item.keys];
    if (item.joinKey) keys.push(item.joinKey);
    for (const key of keys) {
      const other = firstByKey.get(key);
      if (other === undefined) firstByKey.set(key, i);
      else union(i, other);
    }
    // A speaker the curator split off follows its entity only when that entity was split the same way.
    if (item.entity && (item.forcedKey === undefined || item.entity.forcedKey === item.forcedKey)) union(i, index.get(item.entity)!);
  });
  const groups = new Map<number, Item[]>();
  items.forEach((item, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(item);
    else groups.set(root, [item]);
  });
  return [...groups.values()];
}

/** Countries seen for each government body's key, across the archive. */
type CountriesByKey = Map<string, Set<string>>;

/** What naming a record needs to know of the whole archive. */
interface Naming {
  countries: CountriesByKey;
  /** Acronyms two expansions claim in the archive. */
  ambiguous: Set<string>;
}

/** The name a record shows, from the names its items go by. */
function chooseName(own: Item[], group: Item[], { countries, ambiguous }: Naming): string {
  const curator = group.map((i) => i.curatorName).filter((n): n is string => n !== undefined).sort()[0];
  if (curator !== undefined) return curator;
  const qualify = qualifyingCountry(group, countries);
  const names = own.map((i) => (qualify !== null && i.org ? i.org.bare : i.org?.display ?? i.name));
  // An acronym names a record only when none of its own items is written out: "Federal Aviation Administration", not "FAA".
  let candidates = names.filter((n) => !isAcronym(n));
  // An acronym two bodies share names neither: the record of each goes by its expansion, when the group has one.
  if (candidates.length === 0 && names.some((n) => ambiguous.has(acronymKey(n)))) candidates = group.filter((i) => i.org && !i.bareAcronym).map((i) => i.org!.display);
  if (candidates.length === 0) candidates = names;
  const name = pickCanonicalName(candidates);
  return qualify === null ? name : `${splitCountryQualifier(name).rest} (${qualify})`;
}

/** The country to put in a government body's name, when the archive holds that body of more than one country. */
function qualifyingCountry(group: Item[], countries: CountriesByKey): string | null {
  const item = group.find((i) => i.org?.scoped && i.country !== null);
  if (!item || (countries.get(item.org!.key)?.size ?? 0) < 2) return null;
  return item.country;
}

function buildEntities(groups: Item[][], naming: Naming) {
  const drafts = groups.flatMap((group) => {
    const own = group.filter((i) => i.kind === 'entity');
    if (own.length === 0) return [];
    const name = chooseName(own, group, naming);
    const aliases = dedupeByNormalized(own.flatMap((i) => namesOf(i)).filter((a) => normalizeName(a) !== normalizeName(name)));
    const articleIds = [...new Set(own.map((i) => i.articleId))].sort(compareStrings);
    const mentionCount = own.reduce((n, i) => n + i.mentions.length, 0);
    return [{ name, type: majorityType(own), aliases, articleIds, mentionCount, own, group }];
  });
  drafts.sort((a, b) => compareStrings(normalizeName(a.name), normalizeName(b.name)) || compareStrings(a.type, b.type));
  const slugs = new SlugCounter();
  const entityIdByLocal = new Map<string, string>();
  const entityIdByGroup = new Map<Item[], string>();
  const entities: Entity[] = drafts.map((d) => {
    const id = slugs.next(d.name, 'entity');
    for (const i of d.own) entityIdByLocal.set(`${i.articleId}\u0000${i.local}`, id);
    entityIdByGroup.set(d.group, id);
    return { id, name: d.name, type: d.type, aliases: d.aliases, path: `/entities/${id}/`, articleIds: d.articleIds, mentionCount: d.mentionCount };
  });
  return { entities, entityIdByLocal, entityIdByGroup };
}

function buildSpeakers(groups: Item[][], entityIdByGroup: Map<Item[], string>, naming: Naming) {
  const drafts = groups.flatMap((group) => {
    const own = group.filter((i) => i.kind === 'speaker');
    if (own.length === 0) return [];
    const name = chooseName(own, group, naming);
    const aliases = dedupeByNormalized(own.flatMap((i) => namesOf(i)).filter((a) => normalizeName(a) !== normalizeName(name)));
    const titles = dedupeTitles(own.flatMap((i) => i.titles));
    const type = majorityType(own) as SpeakerType;
    return [{ name, type, aliases, titles, own, entityId: entityIdByGroup.get(group) ?? null }];
  });
  drafts.sort((a, b) => compareStrings(normalizeName(a.name), normalizeName(b.name)) || compareStrings(a.type, b.type));
  const slugs = new SlugCounter();
  const speakerIdByQuoteKey = new Map<string, string>();
  const speakers: Speaker[] = drafts.map((d) => {
    const id = slugs.next(d.name, 'speaker');
    for (const i of d.own) for (const key of i.quoteKeys) speakerIdByQuoteKey.set(key, id);
    return { id, name: d.name, type: d.type, aliases: d.aliases, titles: d.titles, path: `/speakers/${id}/`, quoteIds: [], entityId: d.entityId };
  });
  return { speakers, speakerIdByQuoteKey };
}

/**
 * The names an item goes by, for its record's aliases. The lexicon's
 * expansion of an acronym that is not this record's (extraction expanded a
 * bare "FAA" from the lexicon where the archive means another body) is left out.
 */
function namesOf(item: Item): string[] {
  const names = [item.org?.display ?? item.name, item.name, ...item.aliases];
  const org = item.org ?? item.entity?.org ?? null;
  if (item.type !== 'organization' || !org) return names;
  const foreign = new Set(acronymsOf(item).map(lexiconExpansion).filter((n): n is string => n !== null && readOrganizationName(n).key !== org.key).map(normalizeName));
  return foreign.size ? names.filter((n) => !foreign.has(normalizeName(n))) : names;
}

/** The type most of a record's items have (ties to the first in code-point order). */
function majorityType(items: Item[]): EntityType {
  return mostCommon(items.map((i) => i.type)) as EntityType;
}
