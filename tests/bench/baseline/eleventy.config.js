// The plain baseline of `npm run bench`: the plainest blog a user could build
// from the same Markdown files with Eleventy 3, one Nunjucks layout and
// nothing else (Eleventy's defaults otherwise). Plain JS so Eleventy's own
// CLI loads it without tsx, as a user's config would be.
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const includes = fileURLToPath(new URL('./_includes/', import.meta.url));

export default function configure(eleventyConfig) {
  // Every page gets the one layout; the layout folder lives here, not beside the generated articles,
  // and Eleventy takes the includes folder relative to the input folder.
  eleventyConfig.addGlobalData('layout', 'article.njk');
  eleventyConfig.setIncludesDirectory(relative(eleventyConfig.directories.input, includes));
}
