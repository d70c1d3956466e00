/**
 * Text made safe for XML 1.0 (Atom feeds, the sitemap): the five markup
 * characters escaped, and the control characters XML cannot hold at all
 * dropped rather than written as a document no parser reads.
 */
export function escapeXml(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
