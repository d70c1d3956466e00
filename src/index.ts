/**
 * The public API of quote-archive: build the records, build the site, print
 * the data. The CLI (`src/cli.ts`) is a thin shell over these.
 */
export { buildArchive, type BuildArchiveResult } from './pipeline.ts';
export { buildSite } from './site/build-site.ts';
export { serveSite } from './site/serve.ts';
export { toArchiveJson } from './export/json.ts';
export { findContentFiles, readSourceFiles } from './load/content-files.ts';
export { formatDiagnostics } from './diagnostics/report.ts';
export type { Archive, Article, Quote, Speaker, Entity, Source, Diagnostic, FrontMatter, SourceFile, QuoteKind, EntityType, SpeakerType } from './archive/types.ts';
