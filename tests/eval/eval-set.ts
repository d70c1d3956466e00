/**
 * Reads the scored development set: every `tests/fixtures/eval/*.md` with its
 * `*.gold.json` next to it. The I/O edge of the eval; scoring is in score.ts.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, SourceFile } from '../../src/archive/types.ts';
import { readSourceFiles } from '../../src/load/content-files.ts';
import type { GoldFile } from './score.ts';

export const EVAL_DIR = path.join('tests', 'fixtures', 'eval');

export interface EvalSet {
  /** Content files, paths relative to the working directory as the CLI shows them. */
  files: SourceFile[];
  /** Gold by name (`01-parliament-vote`). */
  golds: Map<string, GoldFile>;
  /** Names of articles without gold and gold without articles. */
  unpaired: string[];
  /** Problems reading the content files (as the CLI would report them). */
  diagnostics: Diagnostic[];
}

/** Path of the content file a gold name belongs to. */
export function articleFileOf(name: string, dir = EVAL_DIR): string {
  return path.join(dir, `${name}.md`);
}

/** Loads the set; `only` keeps names containing any of the given strings. */
export async function loadEvalSet(dir = EVAL_DIR, only: string[] = []): Promise<EvalSet> {
  const entries = (await readdir(dir)).sort();
  const keep = (name: string) => only.length === 0 || only.some((o) => name.includes(o));
  const articleNames = entries.filter((e) => e.endsWith('.md')).map((e) => e.slice(0, -3)).filter(keep);
  const goldNames = entries.filter((e) => e.endsWith('.gold.json')).map((e) => e.slice(0, -'.gold.json'.length)).filter(keep);
  // Read exactly as `npm run build` reads content, so encoding problems show up here too.
  const { files, diagnostics } = await readSourceFiles(articleNames.map((name) => articleFileOf(name, dir)));
  const golds = new Map<string, GoldFile>();
  for (const name of goldNames) {
    if (!articleNames.includes(name)) continue;
    golds.set(name, JSON.parse(await readFile(path.join(dir, `${name}.gold.json`), 'utf8')) as GoldFile);
  }
  const unpaired = [...articleNames.filter((n) => !goldNames.includes(n)), ...goldNames.filter((n) => !articleNames.includes(n))];
  return { files, golds, unpaired, diagnostics };
}

/** The real published corpus (Wikinews, CC BY 2.5), read from beside the repository, never copied into it. */
export const REAL_CORPUS_DIR = path.join('..', 'shared', 'corpus', 'wikinews');
/** Our gold for it, keyed by the corpus file names, and the dev / blind split. */
export const REAL_GOLD_DIR = path.join('tests', 'fixtures', 'wikinews');
export const REAL_SPLITS = ['dev', 'blind-1', 'blind-2'] as const;
export type RealSplit = (typeof REAL_SPLITS)[number];

/** Path of the real corpus article a gold name belongs to. */
export function realArticleFileOf(name: string, corpusDir = REAL_CORPUS_DIR): string {
  return path.join(corpusDir, `${name}.md`);
}

/** Whether the real corpus is here (it is not in a user's clone). */
export function realCorpusPresent(dir = REAL_CORPUS_DIR): boolean {
  return existsSync(dir);
}

/** The names in each split (tests/fixtures/wikinews/splits.json). */
export async function readRealSplits(): Promise<Record<RealSplit, string[]>> {
  return JSON.parse(await readFile(path.join(REAL_GOLD_DIR, 'splits.json'), 'utf8')) as Record<RealSplit, string[]>;
}

/**
 * Loads one split (or several) of the real corpus with its gold. Articles
 * whose gold is not written yet are listed in `unpaired` and not scored.
 */
export async function loadRealSet(splits: readonly RealSplit[], only: string[] = [], corpusDir = REAL_CORPUS_DIR): Promise<EvalSet> {
  const all = await readRealSplits();
  const keep = (name: string) => only.length === 0 || only.some((o) => name.includes(o));
  const names = splits.flatMap((s) => all[s]).filter(keep).sort();
  const { files, diagnostics } = await readSourceFiles(names.map((name) => realArticleFileOf(name, corpusDir)));
  const golds = new Map<string, GoldFile>();
  const unpaired: string[] = [];
  for (const name of names) {
    const goldPath = path.join(REAL_GOLD_DIR, `${name}.gold.json`);
    if (existsSync(goldPath)) golds.set(name, JSON.parse(await readFile(goldPath, 'utf8')) as GoldFile);
    else unpaired.push(name);
  }
  return { files: files.filter((f) => golds.has(path.basename(f.path, '.md'))), golds, unpaired, diagnostics };
}
