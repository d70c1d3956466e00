/**
 * The worker threads' code as one JavaScript file, bundled by esbuild from
 * `article-worker.ts` and everything it imports (our sources, the lexicons,
 * remark and the other packages). A worker loading the TypeScript sources
 * goes through the TypeScript loader module by module: about two seconds
 * before its first article, most of what it could do while this thread
 * extracts. The bundle loads in about half a second, without the loader.
 *
 * The bundle is the very code the sources are (esbuild strips the types, as
 * the loader does), so where an article is extracted still never changes
 * what comes out. It is kept in the build cache's folder of this code
 * version, so it is made once per version of the code, and removed with it.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { build } from 'esbuild';

/** The sources the bundle is made from: the module each worker loads. */
const WORKER_SOURCE = fileURLToPath(new URL('./article-worker.ts', import.meta.url));

/** File name of the bundle in its folder. */
const BUNDLE_NAME = 'article-worker.mjs';

/**
 * Resolves to the path of the bundled worker code in `folder`, bundling it
 * first when the folder does not hold it yet (written under a temporary name,
 * then renamed, so a build killed midway leaves no half file). Rejects when
 * esbuild fails; the caller then loads the sources.
 */
export async function bundleArticleWorker(folder: string): Promise<string> {
  const file = join(folder, BUNDLE_NAME);
  if (existsSync(file)) return file;
  const result = await build({
    entryPoints: [WORKER_SOURCE],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    // Packages written as CommonJS (gray-matter, js-yaml) call `require` for Node's own modules.
    banner: { js: "import { createRequire as createRequireForBundle } from 'node:module';\nconst require = createRequireForBundle(import.meta.url);" },
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild wrote no worker bundle');
  await mkdir(folder, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, output.contents);
  await rename(temporary, file);
  return file;
}
