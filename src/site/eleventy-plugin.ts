/**
 * The Eleventy wiring of the site, as one plugin (`.eleventy.ts` only calls
 * it): static assets copied through, Nunjucks escaping on, and the template
 * data when the caller has it. Feature code lives here, not in the config.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isTestPointSet, reachTestPointSync } from '../test-points.ts';
import type { SiteView } from './view-data.ts';

/** The part of Eleventy's config object this plugin uses (Eleventy ships no types). */
export interface EleventyConfig {
  addPassthroughCopy(paths: Record<string, string> | string): unknown;
  addGlobalData(name: string, data: unknown): unknown;
  setNunjucksEnvironmentOptions(options: Record<string, unknown>): unknown;
  addPlugin(plugin: (config: EleventyConfig, options?: unknown) => unknown, options?: unknown): unknown;
  on(event: string, callback: (...args: unknown[]) => unknown): unknown;
  addTransform(name: string, transform: (content: string) => string): unknown;
  addExtension(extension: string, options: Record<string, unknown>): unknown;
}

/** What Eleventy's `eleventy.engine.njk` event hands over: the Nunjucks library and the environment it made. */
interface NunjucksEngineEvent {
  nunjucks: { Template: new (source: string, env: unknown, path: string | null, eagerCompile: boolean) => NunjucksTemplate };
  environment: unknown;
}

interface NunjucksTemplate {
  render(data: unknown, callback: (error: Error | null, result: string | null) => void): void;
}

export interface ArchivePluginOptions {
  /** Template data made by `toSiteView`; when absent the caller adds `site` global data itself (default: none). */
  site?: SiteView;
}

/** The repository root, so the plugin finds `public/` whatever the working directory. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Folder of the Nunjucks templates, Eleventy's input. */
export const templatesDir = path.join(projectRoot, 'templates');

/** Folder of static assets copied to the site root unchanged. */
export const publicDir = path.join(projectRoot, 'public');

/** Registers the archive site's templates settings and assets with Eleventy. */
export function archivePlugin(eleventyConfig: EleventyConfig, options: ArchivePluginOptions = {}): void {
  // Assets never go through templates; Eleventy wants paths relative to the working directory.
  eleventyConfig.addPassthroughCopy({ [path.relative(process.cwd(), publicDir) || '.']: '/' });
  // Everything a page shows is content from others: escape by default, `| safe` only for sanitized HTML.
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
  if (options.site) eleventyConfig.addGlobalData('site', options.site);
  compileTemplatesOnce(eleventyConfig);
  // Tests break a real render here (QUOTE_ARCHIVE_TEST_POINT=eleventy-render:throw); never registered otherwise.
  if (isTestPointSet('eleventy-render')) {
    eleventyConfig.addTransform('test-point', (content) => {
      reachTestPointSync('eleventy-render');
      return content;
    });
  }
}

/**
 * Eleventy 3.1 marks Nunjucks as not cacheable and makes a new Nunjucks
 * Template for every page it renders, so a template paginated over 1,000
 * articles was parsed and compiled 1,000 times (with its permalink), most of
 * the pages stage. Registering `njk` again with a compile that is cached
 * lets Eleventy's own compile cache (keyed by file and source) keep one
 * compiled template per file: same environment, same output, compiled once.
 */
function compileTemplatesOnce(eleventyConfig: EleventyConfig): void {
  let engine: NunjucksEngineEvent | null = null;
  eleventyConfig.on('eleventy.engine.njk', (event) => {
    engine = event as NunjucksEngineEvent;
  });
  eleventyConfig.addExtension('njk', {
    key: 'njk',
    // Permalinks are Nunjucks too (`{{ article.path }}`), compiled once through the same cache.
    compileOptions: { cache: true, permalink: true },
    compile(source: string, inputPath: string) {
      if (!engine) throw new Error('Eleventy did not hand over its Nunjucks environment');
      const template = new engine.nunjucks.Template(source, engine.environment, inputPath === 'njk' ? null : inputPath, true);
      return (data: unknown) => new Promise<string>((resolvePage, reject) => {
        template.render(data, (error, result) => (error ? reject(error) : resolvePage(result ?? '')));
      });
    },
  });
}
