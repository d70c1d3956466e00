/**
 * Entity records alone, for callers that have no speakers to link (tests,
 * tools): a thin view of `linkRecords`, which links entities and speakers
 * together so that a speaker and its entity are always one thing.
 */
import type { Entity, ExtractedEntity } from '../archive/types.ts';
import { linkRecords } from './records.ts';

export { compareStrings, dedupeByNormalized, pickCanonicalName } from './canonical-names.ts';

export interface ArticleEntities {
  articleId: string;
  entities: ExtractedEntity[];
}

export interface LinkedEntities {
  entities: Entity[];
  /** Entity id of `articleEntities[i].entities[j]`, keyed `${articleId}\u0000${j}`. */
  idByLocal: Map<string, string>;
}

/** Links per-article entities into archive-wide records (deterministic). */
export function linkEntities(articles: ArticleEntities[]): LinkedEntities {
  const { entities, entityIdByLocal } = linkRecords(articles.map((a) => ({ articleId: a.articleId, body: '', dateline: null, entities: a.entities, speakers: [] })));
  return { entities, idByLocal: entityIdByLocal };
}
