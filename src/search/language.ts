/**
 * The language code the search index uses. Pagefind keeps one index per
 * language code and the search page merges them by code, so pages, quote
 * records and the search page must agree: the primary subtag, lowercased,
 * and English for anything that is not a language code.
 */

/**
 * Normalizes a content language to a search index language.
 * @example toSearchLanguage('pt-BR') //=> 'pt'
 * @example toSearchLanguage('English') //=> 'en'
 */
export function toSearchLanguage(language: string | null | undefined): string {
  const primary = (language ?? '').trim().split(/[-_]/)[0]?.toLowerCase() ?? '';
  return /^[a-z]{2,3}$/.test(primary) ? primary : 'en';
}
