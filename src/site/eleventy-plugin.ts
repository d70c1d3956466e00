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
  // Tests break a real render here (QUOTE_ARCHIVE_TEST_POINT=eleventy-render:throw); never registered otherwise.
  if (isTestPointSet('eleventy-render')) {
    eleventyConfig.addTransform('test-point', (content) => {
      reachTestPointSync('eleventy-render');
      return content;
    });
  }
}
