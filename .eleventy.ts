// Eleventy config: only wiring. The site's behaviour lives in archivePlugin
// (src/site/eleventy-plugin.ts); run through tsx since Node 20 cannot strip types.
import { archivePlugin, type EleventyConfig } from './src/site/eleventy-plugin.ts';

export default function configure(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addPlugin((config) => archivePlugin(config));
}

// Templates are Nunjucks only: content/ is data read by our loader, not Eleventy input.
export const config = {
  templateFormats: ['njk'],
  htmlTemplateEngine: 'njk',
  // Input and output come from the caller (buildSite passes both); only the folders inside input are fixed here.
  dir: { includes: '_includes', data: '_data' },
};
