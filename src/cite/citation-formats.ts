/**
 * Formats one quote's citation in every format the "Cite" control offers,
 * with citation-js and official CSL styles (never hand-made strings, apart
 * from the plain-text line that puts the quote before its APA reference).
 * Shared by the browser's citation script and the tests.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import { toCslItem, type QuoteCitationData } from './citation-item.ts';

/** One format of a citation, as the control shows it. */
export interface CitationFormat {
  /** Stable key (`plain`, `apa`, `chicago`, `mla`, `bibtex`, `csl-json`). */
  key: string;
  /** Name shown to the reader. */
  label: string;
  text: string;
}

/** Registers CSL styles (XML by name) with citation-js, once each. */
export function registerCslStyles(styles: Record<string, string>): void {
  const config = plugins.config.get('@csl');
  for (const [name, xml] of Object.entries(styles)) if (!config.styles.has(name)) config.styles.add(name, xml);
}

function bibliography(cite: Cite, template: string): string {
  return cite.format('bibliography', { format: 'text', template, lang: 'en-US' }).trim();
}

/** Every format of `data`'s citation. Needs `chicago` and `mla` registered (`registerCslStyles`). */
export function formatQuoteCitations(data: QuoteCitationData): CitationFormat[] {
  const item = toCslItem(data);
  const cite = new Cite(item);
  const apa = bibliography(cite, 'apa');
  const said = data.speaker ? `“${data.text}” (${data.speaker})` : `“${data.text}”`;
  return [
    { key: 'plain', label: 'Plain text', text: `${said}, quoted in ${apa}` },
    { key: 'apa', label: 'APA', text: apa },
    { key: 'chicago', label: 'Chicago', text: bibliography(cite, 'chicago') },
    { key: 'mla', label: 'MLA', text: bibliography(cite, 'mla') },
    { key: 'bibtex', label: 'BibTeX', text: cite.format('bibtex').trim() },
    // Our own item, not citation-js's copy, which adds internal fields (`_graph`).
    { key: 'csl-json', label: 'CSL-JSON', text: JSON.stringify([item], null, 2) },
  ];
}
