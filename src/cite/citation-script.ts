/**
 * Bundles the browser's citation script at build time with esbuild:
 * citation-js, citeproc-js and the CSL styles in one ES module, written to the
 * site as `citation.js`. Nothing generated is committed; the bundle is made
 * once per process, since its inputs (installed packages and our sources)
 * do not change during a run.
 */
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { readExtraCslStyles } from './csl-styles.ts';
import { projectRoot } from '../site/eleventy-plugin.ts';

/** The bundle's path in the site. */
export const CITATION_SCRIPT_PATH = 'citation.js';

const STYLES_MODULE = 'quote-archive:csl-styles';

/** Serves the CSL styles, read from their package, as the module `quote-archive:csl-styles`. */
function cslStylesPlugin(): Plugin {
  return {
    name: 'csl-styles',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^quote-archive:csl-styles$/ }, () => ({ path: STYLES_MODULE, namespace: 'csl-styles' }));
      pluginBuild.onLoad({ filter: /.*/, namespace: 'csl-styles' }, async () => ({
        contents: `export default ${JSON.stringify(await readExtraCslStyles())};`,
        loader: 'js',
      }));
    },
  };
}

/**
 * citation-js imports node-fetch for Node and uses the browser's own fetch in a
 * browser; the bundle is for browsers, so node-fetch (and its Node built-ins)
 * is replaced by the browser's fetch and Headers.
 */
function browserFetchPlugin(): Plugin {
  return {
    name: 'browser-fetch',
    setup(buildApi) {
      buildApi.onResolve({ filter: /^node-fetch$/ }, () => ({ path: 'node-fetch', namespace: 'browser-fetch' }));
      buildApi.onLoad({ filter: /.*/, namespace: 'browser-fetch' }, () => ({
        contents: 'export default (...args) => globalThis.fetch(...args); export const Headers = globalThis.Headers;',
        loader: 'js',
      }));
    },
  };
}

let bundled: Promise<string> | null = null;

/** The citation script's text (minified ES module). */
export function bundleCitationScript(): Promise<string> {
  bundled ??= build({
    entryPoints: [path.join(projectRoot, 'src/cite/browser/citation-script.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    write: false,
    // Licences of citation-js, citeproc-js and the styles stay with the code.
    legalComments: 'eof',
    logLevel: 'silent',
    plugins: [cslStylesPlugin(), browserFetchPlugin()],
  }).then((result) => {
    const file = result.outputFiles[0];
    if (!file) throw new Error('esbuild wrote no citation script');
    return file.text;
  });
  bundled.catch(() => {
    bundled = null;
  });
  return bundled;
}
