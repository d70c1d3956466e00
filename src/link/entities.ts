/**
 * One entity record per real-world thing across the archive. Within an
 * article, extraction already joined "WHO" to "World Health Organization";
 * here records from different articles join when they share a type and a
 * name key (the full name, or an all-capitals abbreviation one of them gave
 * as an alias). Surnames never join across articles: two articles' "Lee"
 * may be two people.
 */
import type { Entity, EntityType, ExtractedEntity } from '../archive/types.ts';
import { normalizeName, organizationKey, SlugCounter } from './ids.ts';

export interface ArticleEntities {
  articleId: string;
  entities: ExtractedEntity[];
}

export interface LinkedEntities {
  entities: Entity[];
  /** Entity id of `articleEntities[i].entities[j]`, keyed `${articleId}\u0000${j}`. */
  idByLocal: Map<string, string>;
}

const ABBREVIATION = /^[A-Z][A-Z0-9&.-]{1,9}$/;

/** Keys under which records of one type may join. */
function joinKeys(entity: ExtractedEntity): string[] {
  const keys = [normalizeName(entity.name)];
  if (entity.type !== 'person') {
    for (const alias of entity.aliases) if (ABBREVIATION.test(alias)) keys.push(normalizeName(alias));
    // "the Pentagon" and "Pentagon", "Acme Corp." and "Acme" are one organization.
    keys.push(organizationKey(entity.name));
  }
  return [...new Set(keys)].map((k) => `${entity.type}\u0000${k}`);
}

/** Links per-article entities into archive-wide records (deterministic). */
export function linkEntities(articles: ArticleEntities[]): LinkedEntities {
  // Union-find over (article, local index) through shared join keys.
  const parent: number[] = [];
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const items: { articleId: string; local: number; entity: ExtractedEntity }[] = [];
  const firstByKey = new Map<string, number>();
  for (const { articleId, entities } of articles) {
    entities.forEach((entity, local) => {
      const index = items.push({ articleId, local, entity }) - 1;
      parent.push(index);
      for (const key of joinKeys(entity)) {
        const other = firstByKey.get(key);
        if (other === undefined) firstByKey.set(key, index);
        else parent[find(index)] = find(other);
      }
    });
  }
  const groups = new Map<number, typeof items>();
  items.forEach((item, i) => {
    const root = find(i);
    const group = groups.get(root) ?? [];
    group.push(item);
    groups.set(root, group);
  });

  const drafts = [...groups.values()].map((group) => {
    const type: EntityType = group[0]!.entity.type;
    const name = pickCanonicalName(group.map((g) => g.entity.name));
    const aliases = new Set<string>();
    for (const { entity } of group) {
      for (const alias of [entity.name, ...entity.aliases]) if (normalizeName(alias) !== normalizeName(name)) aliases.add(alias);
    }
    const articleIds = [...new Set(group.map((g) => g.articleId))].sort();
    const mentionCount = group.reduce((n, g) => n + g.entity.mentions.length, 0);
    return { name, type, aliases: dedupeByNormalized([...aliases]), articleIds, mentionCount, group };
  });
  drafts.sort((a, b) => compareStrings(normalizeName(a.name), normalizeName(b.name)) || compareStrings(a.type, b.type));

  const slugs = new SlugCounter();
  const idByLocal = new Map<string, string>();
  const entities: Entity[] = drafts.map((d) => {
    const id = slugs.next(d.name, 'entity');
    for (const g of d.group) idByLocal.set(`${g.articleId}\u0000${g.local}`, id);
    return { id, name: d.name, type: d.type, aliases: d.aliases, path: `/entities/${id}/`, articleIds: d.articleIds, mentionCount: d.mentionCount };
  });
  return { entities, idByLocal };
}

/**
 * The most common full form wins; ties go to the longest, then the first in
 * code-point order, so the choice never depends on input order.
 */
export function pickCanonicalName(names: string[]): string {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || compareStrings(a[0], b[0]))[0]![0];
}

/** Keeps the first spelling of each normalized form, sorted. */
export function dedupeByNormalized(values: string[]): string[] {
  const seen = new Map<string, string>();
  for (const v of [...values].sort(compareStrings)) if (!seen.has(normalizeName(v))) seen.set(normalizeName(v), v);
  return [...seen.values()];
}

/** Code-point order: locale-independent, so builds are identical everywhere. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
