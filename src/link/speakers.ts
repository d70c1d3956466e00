/**
 * One speaker record per real-world speaker across articles. Extraction
 * already resolved "he" and "Smith" to the full name inside each article,
 * so across articles speakers join on their normalized full name: "Kao
 * Mei-ling" and "Kao Mei-Ling" are one person.
 */
import type { Entity, Speaker, SpeakerRef } from '../archive/types.ts';
import { compareStrings, dedupeByNormalized, pickCanonicalName } from './entities.ts';
import { normalizeName, organizationKey, SlugCounter } from './ids.ts';

export interface SpeakerMention {
  /** Key of the quote this speaker said, for the caller to map back. */
  quoteKey: string;
  speaker: SpeakerRef;
}

export interface LinkedSpeakers {
  /** Speakers without `quoteIds` filled (the archive assembler orders quotes). */
  speakers: Speaker[];
  idByQuoteKey: Map<string, string>;
}

const keyOf = (s: SpeakerRef) => `${s.type}\u0000${s.type === 'person' ? normalizeName(s.name) : organizationKey(s.name)}`;

/** Links speakers across articles and to their entity records. */
export function linkSpeakers(mentions: SpeakerMention[], entities: Entity[]): LinkedSpeakers {
  const groups = new Map<string, SpeakerMention[]>();
  for (const m of mentions) {
    const key = keyOf(m.speaker);
    const group = groups.get(key) ?? [];
    group.push(m);
    groups.set(key, group);
  }
  const entityByName = new Map<string, Entity>();
  for (const e of entities) {
    if (e.type === 'place') continue;
    for (const n of [e.name, ...e.aliases]) {
      const k = `${e.type}\u0000${normalizeName(n)}`;
      if (!entityByName.has(k) || normalizeName(e.name) === normalizeName(n)) entityByName.set(k, e);
    }
  }
  const drafts = [...groups.values()].map((group) => {
    const name = pickCanonicalName(group.map((m) => m.speaker.name));
    const type = group[0]!.speaker.type;
    const aliases = dedupeByNormalized(group.flatMap((m) => [m.speaker.name, ...m.speaker.aliases]).filter((a) => normalizeName(a) !== normalizeName(name)));
    const titles = dedupeByNormalized(group.flatMap((m) => m.speaker.titles));
    const entity = entityByName.get(`${type}\u0000${normalizeName(name)}`) ?? null;
    return { name, type, aliases, titles, entity, group };
  });
  drafts.sort((a, b) => compareStrings(normalizeName(a.name), normalizeName(b.name)) || compareStrings(a.type, b.type));
  const slugs = new SlugCounter();
  const idByQuoteKey = new Map<string, string>();
  const speakers: Speaker[] = drafts.map((d) => {
    const id = slugs.next(d.name, 'speaker');
    for (const m of d.group) idByQuoteKey.set(m.quoteKey, id);
    return { id, name: d.name, type: d.type, aliases: d.aliases, titles: d.titles, path: `/speakers/${id}/`, quoteIds: [], entityId: d.entity?.id ?? null };
  });
  return { speakers, idByQuoteKey };
}
