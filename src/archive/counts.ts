/** How many records of each kind an archive holds (the home page and the build report show them). */
import type { Archive } from './types.ts';

export interface ArchiveCounts {
  articles: number;
  quotes: number;
  speakers: number;
  entities: number;
  sources: number;
}

/** Counts the records of an archive. */
export function countRecords(archive: Archive): ArchiveCounts {
  return {
    articles: archive.articles.length,
    quotes: archive.quotes.length,
    speakers: archive.speakers.length,
    entities: archive.entities.length,
    sources: archive.sources.length,
  };
}
