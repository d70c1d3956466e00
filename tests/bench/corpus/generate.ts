/**
 * `npm run corpus -- --articles N --out DIR [--seed S]`: writes N generated
 * news articles (Markdown with front matter, in year folders) for the bench.
 * Deterministic: the same seed gives the same bytes, and the first N
 * articles of a larger corpus are the N of a smaller one, so the bench can
 * "add 10 articles" by writing articles N to N+9.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { generateArticle, type ArticleDraft } from './article.ts';
import { makeCast } from './cast.ts';

/** Options of `generateCorpus`. */
export interface CorpusOptions {
  /** How many articles (required). */
  articles: number;
  /** The seed of every random draw (default: 1). */
  seed?: number | string;
  /** Index of the first article to return; earlier ones are generated but not returned (default: 0). */
  from?: number;
}

/** The default seed: the corpus the README's figures were measured on. */
export const DEFAULT_SEED = 1;

/** Generates articles `from` to `articles - 1` of the corpus of `seed`. Pure. */
export function generateCorpus(options: CorpusOptions): ArticleDraft[] {
  const seed = options.seed ?? DEFAULT_SEED;
  const cast = makeCast(seed);
  const taken = new Set<string>();
  const out: ArticleDraft[] = [];
  for (let i = 0; i < options.articles; i++) {
    const article = generateArticle(cast, seed, i, taken);
    if (i >= (options.from ?? 0)) out.push(article);
  }
  return out;
}

/** Writes the generated articles under `dir` and returns their paths. */
export async function writeCorpus(dir: string, options: CorpusOptions): Promise<string[]> {
  const paths: string[] = [];
  for (const article of generateCorpus(options)) {
    const path = join(dir, article.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, article.value);
    paths.push(path);
  }
  return paths;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { articles: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' }, from: { type: 'string' } } });
  const articles = Number(values.articles);
  if (!Number.isInteger(articles) || articles < 1 || !values.out) {
    console.error('usage: npm run corpus -- --articles N --out DIR [--seed S] [--from I]');
    process.exit(2);
  }
  const seed = values.seed === undefined ? DEFAULT_SEED : /^\d+$/.test(values.seed) ? Number(values.seed) : values.seed;
  const paths = await writeCorpus(values.out, { articles, seed, from: Number(values.from ?? 0) });
  console.log(`wrote ${paths.length} articles to ${values.out} (seed ${seed})`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
