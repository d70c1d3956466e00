/**
 * The extraction micro-bench (`npm run bench -- --only extraction`):
 * extraction speed on one core, with ratios against a baseline measured in
 * the same run on the same texts (remark-parse, the Markdown parser every
 * article goes through for rendering), so numbers compare across machines.
 * Target (issue: extraction engine): ≥ 300 articles of ~3 KB per second,
 * i.e. ≥ 2× remark-parse's rate here. Then time against size for long
 * bodies (issue 11): it must grow linearly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { loadArticle } from '../../src/load/front-matter.ts';
import { extractLoadedArticle, buildArchive } from '../../src/pipeline.ts';
import type { LoadedArticle, SourceFile } from '../../src/archive/types.ts';

const TARGET_ARTICLES_PER_SECOND = 300;
const root = new URL('../fixtures/', import.meta.url).pathname;

function collect(dir: string): SourceFile[] {
  const out: SourceFile[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...collect(path));
    // Article-sized texts only: the development and held-out sets (2–4 KB each).
    else if (entry.name.endsWith('.md') && (dir.includes('/eval') || dir.includes('/heldout'))) out.push({ path, value: readFileSync(path, 'utf8') });
  }
  return out;
}

/** Figures of the extraction micro-bench, as written to results.json. */
export interface ExtractionFigures {
  articles: number;
  meanKb: number;
  remarkParsePerSecond: number;
  extractionPerSecond: number;
  extractionPer3KbPerSecond: number;
  ratioToRemarkParse: number;
  buildArchive: { articles: number; ms: number };
  longBodies: { name: string; extractMs: number; renderMs: number; quotes: number }[];
}

/** Runs the micro-bench, printing each figure as it comes, and returns them. */
export async function runExtractionBench(): Promise<ExtractionFigures> {
  const files = collect(root);
  const loaded = files.map((f) => loadArticle(f).article).filter((a): a is LoadedArticle => a !== null);
  const totalBytes = loaded.reduce((n, a) => n + Buffer.byteLength(a.body), 0);
  const meanKb = totalBytes / loaded.length / 1024;

  /** Runs `fn` over every article repeatedly for at least `ms`, returning articles per second. */
  function rate(fn: (a: LoadedArticle) => void, ms = 3000): number {
    for (const a of loaded) fn(a); // warm-up (JIT, lexicon loading)
    let count = 0;
    const start = performance.now();
    while (performance.now() - start < ms) for (const a of loaded) (fn(a), count++);
    return (count / (performance.now() - start)) * 1000;
  }

  const parser = unified().use(remarkParse);
  const baseline = rate((a) => void parser.parse(a.body));
  const extraction = rate((a) => void extractLoadedArticle(a));
  // Normalize to 3 KB articles, the size the target speaks of.
  const per3kb = extraction * (meanKb / 3);

  const startArchive = performance.now();
  const big: SourceFile[] = [];
  for (let i = 0; i < 10; i++) for (const f of files) big.push({ path: `${i}-${f.path}`, value: f.value.replace(/^title: (.*)$/m, `title: $1 ${i}`) });
  buildArchive(big);
  const archiveMs = performance.now() - startArchive;

  console.log(`articles: ${loaded.length} (mean ${meanKb.toFixed(1)} KB)`);
  console.log(`baseline remark-parse: ${baseline.toFixed(0)} articles/s`);
  console.log(`extraction: ${extraction.toFixed(0)} articles/s (${per3kb.toFixed(0)} per s at 3 KB; ${(1000 / extraction).toFixed(2)} ms/article)`);
  console.log(`ratio extraction / remark-parse: ${(extraction / baseline).toFixed(2)}`);
  console.log(`buildArchive over ${big.length} articles: ${archiveMs.toFixed(0)} ms (${((big.length / archiveMs) * 1000).toFixed(0)} articles/s incl. linking)`);
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  console.log(`target ≥ ${TARGET_ARTICLES_PER_SECOND} articles/s at 3 KB: ${per3kb >= TARGET_ARTICLES_PER_SECOND ? 'met' : 'NOT met'}`);

  const longBodies: ExtractionFigures['longBodies'] = [];
  // Long bodies (issue 11): time must grow linearly with size. Article texts from the sets above are
  // joined into one paragraph (200 KB, 800 KB) and into a 4 MB article of paragraphs, then extracted and
  // rendered; ms per 100 KB should stay about the same across sizes.
  {
    const { toSiteView } = await import('../../src/site/view-data.ts');
    const { toSearchDocuments } = await import('../../src/search/documents.ts');
    const paragraphs = loaded.map((a) => a.body.trim());
    const repeat = (text: string, size: number) => (text.repeat(Math.ceil(size / text.length))).slice(0, size);
    const cases: [string, string][] = [
      ['200 KB paragraph', repeat(paragraphs.map((p) => p.replace(/\s+/g, ' ')).join(' '), 200_000)],
      ['800 KB paragraph', repeat(paragraphs.map((p) => p.replace(/\s+/g, ' ')).join(' '), 800_000)],
      ['1 MB article', repeat(paragraphs.join('\n\n') + '\n\n', 1_000_000)],
      ['4 MB article', repeat(paragraphs.join('\n\n') + '\n\n', 4_000_000)],
    ];
    for (const [name, body] of cases) {
      const value = `---\ntitle: Long body ${name}\ndate: 2023-03-09\nsource: Bench\n---\n${body}\n`;
      let t = performance.now();
      const { archive } = buildArchive([{ path: `${name}.md`, value }]);
      const extractMs = performance.now() - t;
      t = performance.now();
      toSiteView(archive);
      const renderMs = performance.now() - t;
      const documents = toSearchDocuments(archive);
      const recordBytes = documents.reduce((sum, d) => sum + Buffer.byteLength(d.content), 0);
      const per100k = (ms: number) => ((ms / body.length) * 100_000).toFixed(0);
      longBodies.push({ name, extractMs: Math.round(extractMs), renderMs: Math.round(renderMs), quotes: archive.quotes.length });
      console.log(`${name}: extract ${extractMs.toFixed(0)} ms (${per100k(extractMs)} ms/100 KB), view+render ${renderMs.toFixed(0)} ms (${per100k(renderMs)} ms/100 KB), ${archive.quotes.length} quotes, search documents ${(recordBytes / 1048576).toFixed(1)} MB`);
    }
  }
  return {
    articles: loaded.length,
    meanKb: Number(meanKb.toFixed(2)),
    remarkParsePerSecond: Math.round(baseline),
    extractionPerSecond: Math.round(extraction),
    extractionPer3KbPerSecond: Math.round(per3kb),
    ratioToRemarkParse: Number((extraction / baseline).toFixed(2)),
    buildArchive: { articles: big.length, ms: Math.round(archiveMs) },
    longBodies,
  };
}
