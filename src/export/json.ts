/**
 * The public data export. `_site/archive.json` and `npm run extract` print
 * exactly this text, so the two can be compared byte for byte.
 */
import type { Archive } from '../archive/types.ts';

/** Serializes the archive deterministically (records are already sorted by `assembleArchive`). */
export function toArchiveJson(archive: Archive): string {
  return `${JSON.stringify(archive, null, 2)}\n`;
}
