/**
 * Reads the site settings file (`content/site.yml`): the site's title, its
 * absolute address (`url`), the sub-folder it is served from (`pathPrefix`)
 * and its language. Pure: a SourceFile in, settings and diagnostics out, each
 * problem at its `file:line:col`. A wrong value is an error (it would reach
 * every page); an unknown key is a warning (a typo should be seen, a newer
 * setting should not stop an older build).
 */
import { isMap, isScalar, type Node as YamlNode, type Pair } from 'yaml';
import type { Diagnostic, SourceFile } from '../archive/types.ts';
import { parseYamlFile } from './yaml-file.ts';

/** The file name looked for at the top of the content folder (it is not an article: only `*.md` are). */
export const SITE_CONFIG_FILE_NAME = 'site.yml';

/** The site's settings, every one resolved to its value. */
export interface SiteSettings {
  /** Shown in every page's header and title (default: `'Quote archive'`). */
  title: string;
  /** Absolute address of the site's root, without the path prefix and without a final slash, e.g. `https://example.org`; null when not set (default: null). */
  url: string | null;
  /** The folder the site is served from, starting and ending with `/` (default: `'/'`). */
  pathPrefix: string;
  /** Language of the pages that are not an article (`<html lang>`, feeds), a BCP 47 code (default: `'en'`). */
  language: string;
}

export const DEFAULT_SITE_SETTINGS: Readonly<SiteSettings> = Object.freeze({ title: 'Quote archive', url: null, pathPrefix: '/', language: 'en' });

const KNOWN_KEYS = ['title', 'url', 'pathPrefix', 'language'] as const;
type SettingKey = (typeof KNOWN_KEYS)[number];

/** Result of `loadSiteConfig`: the settings (defaults where the file has an error) and every problem found. */
export interface LoadedSiteConfig {
  settings: SiteSettings;
  diagnostics: Diagnostic[];
}

/** A setting's value checked: the value to use, or why it is wrong. */
type Checked = { value: string } | { problem: string };

/** Checks an absolute site address; its own path, if any, is returned as a prefix by `splitSiteUrl`. */
export function checkSiteUrl(raw: string): Checked {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    return { problem: `url "${raw}" is not an absolute address; expected one like https://example.org` };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { problem: `url "${raw}" is not an http(s) address` };
  if (parsed.search || parsed.hash || raw.includes('#')) return { problem: `url "${raw}" has a query or fragment; expected the site's address only` };
  if (parsed.username || parsed.password) return { problem: `url "${raw}" holds a user name or password` };
  return { value: `${parsed.origin}${parsed.pathname}` };
}

/**
 * Checks a path prefix and writes it as `/folder/`: a missing first or last
 * slash is added (`archive` means `/archive/`), anything that is not a plain
 * folder path (`..`, a query, an address) is refused.
 */
export function checkPathPrefix(raw: string): Checked {
  const trimmed = raw.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return { problem: `pathPrefix "${raw}" is an address; put the address in \`url\` and the folder (e.g. /archive/) in \`pathPrefix\`` };
  const segments = trimmed.split('/').filter((s) => s !== '');
  for (const segment of segments) {
    if (segment === '.' || segment === '..') return { problem: `pathPrefix "${raw}" holds "${segment}"; expected a folder path such as /archive/` };
    // Letters of any script, digits and the URL-safe marks; no spaces, `?`, `#`, `%` or quotes that would need escaping in every link.
    if (!/^[\p{L}\p{N}._~!$&'()*+,;=:@-]+$/u.test(segment) || /['"]/.test(segment)) return { problem: `pathPrefix "${raw}" holds "${segment}", which is not a plain folder name (no spaces, ?, #, % or quotes)` };
  }
  return { value: segments.length ? `/${segments.join('/')}/` : '/' };
}

/** Checks a BCP 47 language code (`en`, `pt-BR`, `zh-Hant`). */
export function checkLanguage(raw: string): Checked {
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(raw.trim()) ? { value: raw.trim() } : { problem: `language "${raw}" is not a language code; expected one like en or pt-BR` };
}

/**
 * Combines a checked `url` and `pathPrefix`: a url with a path
 * (`https://user.github.io/archive/`) gives the prefix when none is set, and
 * must agree with one that is. Returns the origin and the prefix.
 */
export function splitSiteUrl(url: string, pathPrefix: string | null): { url: string; pathPrefix: string } | { problem: string } {
  const parsed = new URL(url);
  const fromUrl = checkPathPrefix(parsed.pathname);
  const urlPrefix = 'value' in fromUrl ? fromUrl.value : '/';
  if (pathPrefix !== null && urlPrefix !== '/' && urlPrefix !== pathPrefix) {
    return { problem: `url "${url}" ends in the folder ${urlPrefix} but pathPrefix is ${pathPrefix}; give the folder in one of them` };
  }
  return { url: parsed.origin, pathPrefix: pathPrefix ?? urlPrefix };
}

/** Parses and checks the site settings file; settings with a problem keep their default. */
export function loadSiteConfig(file: SourceFile): LoadedSiteConfig {
  const { doc, diagnostics, report } = parseYamlFile(file, 'site-config-yaml-syntax-error');
  const settings: SiteSettings = { ...DEFAULT_SITE_SETTINGS };
  if (diagnostics.length) return { settings, diagnostics };
  // A file of comments only (the shipped example) is all defaults.
  if (doc.contents === null) return { settings, diagnostics };
  if (!isMap(doc.contents)) {
    report('site-config-invalid-value', (doc.contents as YamlNode).range?.[0] ?? 0, 'the site settings must be `key: value` lines');
    return { settings, diagnostics };
  }
  const given = new Map<SettingKey, { text: string; offset: number }>();
  for (const pair of doc.contents.items as Pair[]) {
    const keyNode = pair.key as YamlNode | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const keyOffset = keyNode?.range?.[0] ?? 0;
    if (!(KNOWN_KEYS as readonly string[]).includes(key)) {
      const near = KNOWN_KEYS.find((k) => k.toLowerCase() === key.toLowerCase());
      report('site-config-unknown-key', keyOffset, `unknown setting \`${key}\`${near ? `; did you mean \`${near}\`?` : `; expected ${KNOWN_KEYS.map((k) => `\`${k}\``).join(', ')}`}`);
      continue;
    }
    const valueNode = pair.value as YamlNode | null;
    const offset = valueNode?.range?.[0] ?? keyOffset;
    // An empty value (`url:`) means "not set", as in the commented example.
    if (valueNode === null || (isScalar(valueNode) && valueNode.value === null)) continue;
    if (!isScalar(valueNode) || typeof valueNode.value !== 'string' || !valueNode.value.trim()) {
      report('site-config-invalid-value', offset, `\`${key}\` must be text`);
      continue;
    }
    given.set(key as SettingKey, { text: valueNode.value, offset });
  }
  const title = given.get('title');
  if (title) settings.title = title.text.trim();
  const language = given.get('language');
  if (language) {
    const checked = checkLanguage(language.text);
    if ('value' in checked) settings.language = checked.value;
    else report('site-config-invalid-value', language.offset, checked.problem);
  }
  let prefix: string | null = null;
  const prefixGiven = given.get('pathPrefix');
  if (prefixGiven) {
    const checked = checkPathPrefix(prefixGiven.text);
    if ('value' in checked) prefix = settings.pathPrefix = checked.value;
    else report('site-config-invalid-value', prefixGiven.offset, checked.problem);
  }
  const url = given.get('url');
  if (url) {
    const checked = checkSiteUrl(url.text.trim());
    const split = 'value' in checked ? splitSiteUrl(checked.value, prefix) : checked;
    if ('problem' in split) report('site-config-invalid-value', url.offset, split.problem);
    else Object.assign(settings, split);
  }
  return { settings, diagnostics };
}
