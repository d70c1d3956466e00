/**
 * The sets the eval gate scores, by name: our written development set, the
 * pooled held-out sets written by other authors, and the real corpus's
 * development and blind sets (present only in the team's workspace).
 */
import path from 'node:path';
import { buildArchive } from '../../src/pipeline.ts';
import { EVAL_DIR, loadEvalSet, loadRealSet, realArticleFileOf, realCorpusPresent, articleFileOf, type EvalSet, type RealSplit } from './eval-set.ts';
import { scoreArchive, totalScores, type ArticleScore, type QuoteMatching, type Totals } from './score.ts';

export interface ScoredSet {
  name: string;
  articles: ArticleScore[];
  totals: Totals;
}

interface SetPart {
  load: () => Promise<EvalSet>;
  fileOf: (name: string) => string;
  match: QuoteMatching;
}

const HELDOUT_DIRS = ['heldout', 'heldout-2', 'heldout-3', 'heldout-4'].map((d) => path.join('tests', 'fixtures', d));
const fixtureSet = (dir: string): SetPart => ({ load: () => loadEvalSet(dir), fileOf: (n) => articleFileOf(n, dir), match: 'overlap' });
const realSet = (splits: RealSplit[]): SetPart => ({ load: () => loadRealSet(splits), fileOf: (n) => realArticleFileOf(n), match: 'containment' });

/** Every gated set; the real ones only when the corpus is beside the repository. */
export const GATED_SETS: Record<string, { parts: SetPart[]; real: boolean }> = {
  'written-dev': { parts: [fixtureSet(EVAL_DIR)], real: false },
  'written-heldout': { parts: HELDOUT_DIRS.map(fixtureSet), real: false },
  'wikinews-dev': { parts: [realSet(['dev'])], real: true },
  'wikinews-blind': { parts: [realSet(['blind-1', 'blind-2'])], real: true },
};

/** Names of the sets that can be scored here. */
export function availableSets(): string[] {
  return Object.entries(GATED_SETS).filter(([, s]) => !s.real || realCorpusPresent()).map(([name]) => name);
}

/** Extracts and scores one gated set (each part built as its own archive, pooled by counts). */
export async function scoreSet(name: string): Promise<ScoredSet> {
  const def = GATED_SETS[name];
  if (!def) throw new Error(`unknown set ${name}`);
  const articles: ArticleScore[] = [];
  for (const part of def.parts) {
    const set = await part.load();
    const { archive } = buildArchive(set.files);
    articles.push(...scoreArchive(archive, set.golds, part.fileOf, part.match).articles);
  }
  return { name, articles, totals: totalScores(articles) };
}
