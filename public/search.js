// Search page: Pagefind's JS API over one index page per article, its quotes as sub-results.
// Loaded as a module from /search.js (no inline script, so the page keeps its strict CSP).
// Everything shown comes from the index, which holds content from others: it is
// written with textContent, and excerpts are copied node by node keeping only <mark>.
//
// What Pagefind returns is articles; this script turns each into hits: one per
// quote that matched (landing on /articles/<slug>/#<quoteId>), then the article
// itself when its own text matched. Pagefind filters whole articles (an article
// carries every speaker and year of its quotes); the per-quote facts ride in the
// ids of empty anchors (`<quoteId>|<date>|<kind>|<speaker>`, see src/search/documents.ts),
// and this script keeps only the quotes a speaker, year or kind filter really matches.
//
// Every search is a history entry (its query, filters, order and language are
// the address), so back and forward step through searches and a reload or a
// shared link shows the same one. Words typed in one go make one entry, not
// one per pause: a search started by typing replaces the entry the same
// typing made, until the reader commits it (Enter, a filter, leaving the box).

const PAGE_SIZE = 20;
const FILTER_KEYS = ['speaker', 'source', 'year', 'entity', 'kind', 'type'];
/** Filters Pagefind applies; `type` (quote or article) is decided per hit, here. */
const INDEX_FILTER_KEYS = ['speaker', 'source', 'year', 'entity', 'kind'];
/** Orders the page offers besides relevance (the default, no `sort` in the address). */
const SORTS = ['date'];
/** Articles whose data is fetched at once while collecting hits. */
const DATA_BATCH = 8;
/** Quiet time after a keystroke before searching; the index chunks are fetched during it. */
const TYPING_PAUSE_MS = 120;
/**
 * Shortest word being typed whose index chunk is fetched ahead of the search.
 * Pagefind fetches the chunk a prefix falls in, and the one of a letter or
 * two holds the archive's commonest words ("s": "said", "t": "the"): 120 kB
 * and more at 10,000 articles, thrown away a keystroke later.
 */
const PRELOAD_MIN_CHARS = 3;
/**
 * English words nearly every article holds. A search that has other words
 * leaves them out: Pagefind requires every word on the page, which these
 * hardly narrow, yet their index chunk is the largest ("the": 630 kB at
 * 10,000 articles) and its search the slowest (seconds), and each quote
 * holding one became a hit. Words in double quotes are searched as typed.
 */
const COMMON_WORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'been', 'but', 'by', 'for', 'from', 'had', 'has', 'have', 'he', 'her', 'his',
  'i', 'in', 'is', 'it', 'its', 'of', 'on', 'or', 'our', 'she', 'that', 'the', 'their', 'them', 'they', 'this', 'to',
  'was', 'we', 'were', 'which', 'will', 'with', 'would', 'you',
]);
/**
 * The word every article's metadata holds (EVERY_ARTICLE_WORD, src/search/documents.ts): browsing by
 * filters alone searches it, as Pagefind's search with no words fetches the whole word index.
 */
const EVERY_ARTICLE_WORD = 'qaeveryarticle';
/** Separator of the facts in a quote's data anchor id (src/search/documents.ts). */
const DATA_SEPARATOR = '|';
/** What a quote's kind is called on the page (as on speaker pages). */
const KIND_LABELS = { direct: 'Direct quote', partial: 'Partial quote', indirect: 'Reported speech' };

const form = document.querySelector('form.search-form');
const input = document.getElementById('search-q');
const filterBox = document.getElementById('search-filters');
const languageLabel = document.querySelector('.search-language');
const languageSelect = document.getElementById('search-language');
const statusLine = document.getElementById('search-status');
const sortSelect = document.getElementById('search-sort');
const keysHint = document.querySelector('.search-keys');
const list = document.getElementById('search-results');
const selects = new Map(
  [...document.querySelectorAll('select[data-filter]')].map((select) => [select.dataset.filter, select]),
);

/** The page is in the archive's main language; the others' indexes are merged for "All languages". */
const pageLanguage = document.documentElement.lang;
const otherLanguages = (list.dataset.mergeLanguages ?? '').split(' ').filter(Boolean);
const languages = [pageLanguage, ...otherLanguages];

let pagefind = null;

/** The site's root folder: where this script is, `/` or the path prefix (`/archive/`). */
const siteRoot = new URL('./', import.meta.url);
let runId = 0;
/** The current search: articles Pagefind found, how many were turned into hits, hits not yet shown, counts. */
let current = null;
let filterValuesLoaded = null;
/** The language whose index is loaded; another one needs the page opened again. */
let loadedLanguage = '';
/** Whether the current history entry was made by typing the reader has not committed yet. */
let typingEntry = false;
/** The typing pause timer. */
let timer = 0;

/**
 * Says what the results list shows, as `data-state` on it: `loading` (the
 * index), `failed` (the index could not be loaded), `idle` (nothing asked),
 * `pending` (typing, search not started), `searching`, `done` (every result
 * of the current page is written). Tests and assistive scripts wait on it
 * instead of guessing how long a search takes.
 */
function setState(state) {
  list.dataset.state = state;
}

/** Reads the query, filters, order and language from the address, so links, reloads and the home search box work. */
function readState() {
  const params = new URLSearchParams(window.location.search);
  const filters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const language = params.get('language') ?? '';
  const sort = params.get('sort') ?? '';
  return { q: params.get('q') ?? '', filters, sort: SORTS.includes(sort) ? sort : '', language: languages.includes(language) ? language : '' };
}

/** The address of a search: `?q=…&speaker=…&sort=date&language=de`, or the bare page when nothing is asked. */
function addressOf(q, filters) {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  for (const [key, value] of Object.entries(filters)) params.set(key, value);
  if (sortSelect.value) params.set('sort', sortSelect.value);
  if (languageSelect.value) params.set('language', languageSelect.value);
  const query = params.toString();
  return query ? `?${query}` : window.location.pathname;
}

/**
 * Makes the search the current history entry. `how` says what started it:
 * `load` (the address itself) and `history` (back or forward) change no
 * entry; `typing` adds one, then replaces it while the same typing goes on;
 * `commit` (Enter, a filter, the order) adds one unless nothing changed.
 */
function recordSearch(q, filters, how) {
  if (how === 'history') return;
  const address = addressOf(q, filters);
  const unchanged = new URL(address, window.location.href).href === window.location.href;
  if (how === 'load' || unchanged || (how === 'typing' && typingEntry)) window.history.replaceState(null, '', address);
  else window.history.pushState(null, '', address);
  typingEntry = how === 'typing';
}

function selectedFilters() {
  const filters = {};
  for (const [key, select] of selects) if (select.value) filters[key] = select.value;
  return filters;
}

function addOption(select, value, label) {
  const option = document.createElement('option');
  option.value = value;
  option.textContent = label;
  select.append(option);
}

/**
 * Puts a search into the controls: its words, its order, and each filter's
 * value, added as a choice when the values have not loaded yet.
 */
function applyState(state) {
  input.value = state.q;
  sortSelect.value = state.sort;
  for (const [key, select] of selects) {
    let chosen = state.filters[key] ?? '';
    if (chosen && ![...select.options].some((option) => option.value === chosen)) {
      // A fixed filter has no other values: an unknown one in the address means no filter.
      if (select.hasAttribute('data-fixed')) chosen = '';
      else addOption(select, chosen, chosen);
    }
    select.value = chosen;
  }
  if (Object.keys(state.filters).length > 0) filterBox.open = true;
}

/**
 * Fills each filter control with the values the index knows, with how many
 * articles carry each. Pagefind fetches every filter's values for this, so
 * it runs when the reader opens the filters, once.
 */
function loadFilterValues() {
  filterValuesLoaded ??= (async () => {
    filterBox.dataset.state = 'loading';
    try {
      const available = await pagefind.filters();
      for (const [key, select] of selects) {
        if (select.hasAttribute('data-fixed')) {
          // Fixed choices keep their labels and gain the counts the index has (none for `type`, decided here).
          for (const option of select.options) {
            option.dataset.label ??= option.textContent;
            if (option.value && available[key]) option.textContent = `${option.dataset.label} (${available[key][option.value] ?? 0})`;
          }
          continue;
        }
        const chosen = select.value;
        const values = Object.entries(available[key] ?? {}).sort(([a], [b]) =>
          key === 'year' ? b.localeCompare(a) : a.localeCompare(b, 'en', { sensitivity: 'base' }),
        );
        select.replaceChildren();
        addOption(select, '', 'Any');
        for (const [value, count] of values) addOption(select, value, `${value} (${count})`);
        select.value = chosen;
        select.closest('label').hidden = values.length === 0;
      }
      filterBox.dataset.state = 'ready';
    } catch {
      filterBox.dataset.state = 'failed';
    }
  })();
  return filterValuesLoaded;
}

/** Offers the archive's languages by name, "All languages" first, when it has more than one. */
function prepareLanguages(chosen) {
  if (languages.length < 2) return;
  let names = null;
  try {
    names = new Intl.DisplayNames(['en'], { type: 'language' });
  } catch {
    names = null;
  }
  const named = languages.map((code) => [code, names?.of(code) ?? code]).sort((a, b) => a[1].localeCompare(b[1], 'en'));
  for (const [code, name] of named) addOption(languageSelect, code, name);
  languageSelect.value = chosen;
  languageLabel.hidden = false;
}

/** Copies a Pagefind excerpt into `target`, keeping only text and <mark>. */
function appendExcerpt(target, excerpt) {
  const doc = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html');
  for (const node of doc.body.firstChild?.childNodes ?? []) {
    if (node.nodeType === Node.TEXT_NODE) target.append(node.textContent);
    else if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      target.append(mark);
    } else target.append(node.textContent ?? '');
  }
}

/** The words of an article's indexed text from `from` (a word position) to `to`, at most 40, as an excerpt. */
function wordsBetween(data, from, to) {
  const words = (data.raw_content ?? '').split(/[\r\n\s]+/g);
  return words.slice(from, Math.min(to ?? words.length, from + 40)).join(' ');
}

/**
 * Turns one article found by Pagefind into its hits: each quote that matched
 * (every quote, when browsing by filter alone), then the article when its own
 * text matched, each kept only if the filters hold for it.
 */
function hitsOf(data, searched, filters, byDate) {
  const facts = new Map();
  for (const anchor of data.anchors ?? []) {
    if (!anchor.id.includes(DATA_SEPARATOR)) continue;
    const [quoteId, date, kind, speaker] = anchor.id.split(DATA_SEPARATOR);
    facts.set(quoteId, { date, kind, speaker: decodeURIComponent(speaker ?? '') });
  }
  const pageUrl = data.url.split('#')[0];
  const source = data.filters?.source?.[0] ?? '';
  const articleDate = data.meta?.date ?? '';
  let quoteHits = [];
  let articleExcerpt = null;
  if (searched) {
    for (const sub of data.sub_results ?? []) {
      if (sub.anchor && facts.has(sub.anchor.id)) quoteHits.push({ id: sub.anchor.id, title: sub.title, excerpt: sub.excerpt });
      else if (!sub.anchor) articleExcerpt = sub.excerpt;
    }
  } else {
    const headings = (data.anchors ?? []).filter((a) => /^h\d$/i.test(a.element) && facts.has(a.id)).sort((a, b) => a.location - b.location);
    quoteHits = headings.map((a, i) => {
      const titleWords = (a.text ?? '').split(/\s+/).filter(Boolean).length;
      // raw_content is Pagefind's own excerpt source (its '<' already escaped), read the way its excerpts are.
      return { id: a.id, title: a.text, excerpt: wordsBetween(data, a.location + titleWords, headings[i + 1]?.location) };
    });
    articleExcerpt = data.excerpt ?? '';
  }
  const hits = [];
  if (filters.type !== 'Article') {
    for (const hit of quoteHits) {
      const fact = facts.get(hit.id);
      if (filters.speaker && fact.speaker !== filters.speaker) continue;
      if (filters.year && fact.date.slice(0, 4) !== filters.year) continue;
      if (filters.kind && fact.kind !== filters.kind) continue;
      hits.push({ type: 'Quote', url: `${pageUrl}#${hit.id}`, title: hit.title, excerpt: hit.excerpt, date: fact.date, meta: [fact.speaker, fact.date, KIND_LABELS[fact.kind], source] });
    }
  }
  if (filters.type !== 'Quote' && articleExcerpt !== null) {
    const speakerHolds = !filters.speaker || [...facts.values()].some((f) => f.speaker === filters.speaker);
    const yearHolds = !filters.year || articleDate.slice(0, 4) === filters.year;
    const kindHolds = !filters.kind || [...facts.values()].some((f) => f.kind === filters.kind);
    if (speakerHolds && yearHolds && kindHolds) hits.push({ type: 'Article', url: pageUrl, title: data.meta?.title ?? pageUrl, excerpt: articleExcerpt, date: articleDate, meta: ['Article', articleDate, source] });
  }
  // Pagefind orders articles by their date; within one, the hits follow the days the words were said (a stable sort keeps ties in text order).
  if (byDate) hits.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return hits;
}

function renderHit(hit) {
  const item = document.createElement('li');
  item.className = 'search-result';
  item.dataset.type = hit.type;
  const title = document.createElement('a');
  title.className = 'search-result__title';
  title.href = hit.url;
  title.textContent = hit.title;
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result__excerpt';
  appendExcerpt(excerpt, hit.excerpt);
  const meta = document.createElement('p');
  meta.className = 'search-result__meta';
  meta.textContent = hit.meta.filter(Boolean).join(' · ');
  item.append(title, excerpt, meta);
  return item;
}

const label = (n, one, many) => `${n} ${n === 1 ? one : many}`;

function describe(search) {
  if (search.next < search.articles.length) {
    return `${label(search.articles.length, 'article matches', 'articles match')}; showing the first ${label(search.shown, 'result', 'results')}.`;
  }
  const total = search.counts.Quote + search.counts.Article;
  if (total === 0) return 'No results.';
  if (search.filters.type) return `${label(total, 'result', 'results')}.`;
  return `${label(search.counts.Quote, 'quote', 'quotes')} and ${label(search.counts.Article, 'article', 'articles')}.`;
}

/** Shows the next PAGE_SIZE hits, fetching the data of as many found articles as that takes. */
async function showMore(id) {
  setState('searching');
  const search = current;
  document.querySelector('.search-more')?.remove();
  // Hits are written as each batch of articles arrives, so the first ones show before the page is full.
  let written = 0;
  const write = () => {
    const next = search.pending.splice(0, PAGE_SIZE - written);
    for (const hit of next) list.append(renderHit(hit));
    written += next.length;
    search.shown += next.length;
  };
  write();
  // The first batch is small: it alone decides how soon the first results show.
  let batchSize = 2;
  while (written < PAGE_SIZE && search.next < search.articles.length) {
    const batch = search.articles.slice(search.next, search.next + batchSize);
    batchSize = DATA_BATCH;
    const datas = await Promise.all(batch.map((result) => result.data()));
    if (id !== runId) return;
    search.next += batch.length;
    for (const data of datas) {
      for (const hit of hitsOf(data, search.searched, search.filters, search.byDate)) {
        search.counts[hit.type] += 1;
        search.pending.push(hit);
      }
    }
    write();
  }
  if (search.pending.length > 0 || search.next < search.articles.length) {
    const more = document.createElement('button');
    more.type = 'button';
    more.className = 'search-more';
    more.textContent = 'Show more results';
    more.addEventListener('click', () => showMore(id));
    list.after(more);
  }
  statusLine.textContent = describe(search);
  setState('done');
}

/** Whether results come newest first: when asked, and always when browsing by filter alone (no relevance to order by). */
function sortsByDate(q) {
  return !q || sortSelect.value === 'date';
}

function indexOptions(q, filters) {
  const indexFilters = {};
  for (const key of INDEX_FILTER_KEYS) if (filters[key]) indexFilters[key] = filters[key];
  const options = { filters: indexFilters };
  if (sortsByDate(q)) options.sort = { date: 'desc' };
  return options;
}

/** Runs the search the controls describe; `how` started it (see recordSearch). */
async function runSearch(how) {
  const id = ++runId;
  window.clearTimeout(timer);
  const q = input.value.trim();
  const filters = selectedFilters();
  recordSearch(q, filters, how);
  if (!q && Object.keys(filters).length === 0) {
    list.replaceChildren();
    document.querySelector('.search-more')?.remove();
    statusLine.textContent = 'Type words of a quote, or choose a filter.';
    setState('idle');
    return;
  }
  statusLine.textContent = 'Searching…';
  setState('searching');
  const found = await pagefind.search(q ? searchTerms(q) : EVERY_ARTICLE_WORD, indexOptions(q, filters));
  if (id !== runId || !found) return;
  current = { articles: found.results, next: 0, pending: [], shown: 0, searched: Boolean(q), filters, byDate: sortsByDate(q), counts: { Quote: 0, Article: 0 } };
  list.replaceChildren();
  document.querySelector('.search-more')?.remove();
  await showMore(id);
}

/**
 * Loads the index of the chosen language, or for "All languages" the page's
 * and merges the others'. Pagefind takes its first index from the page's
 * `lang`, read when it starts: the chosen language is set there for that
 * moment only, so the page keeps its own.
 */
async function loadIndex(language) {
  // Beside this script, so a site served under a path prefix (/archive/) finds its index; Pagefind then
  // prefixes result URLs with the folder it was loaded from.
  pagefind = await import(new URL('pagefind/pagefind.js', siteRoot).href);
  // No web worker: it is one more script (41 kB) for every visit, and what it takes off the page is the
  // search itself, milliseconds of WebAssembly per query; the fetching is asynchronous either way.
  await pagefind.options({ excerptLength: 40, noWorker: true });
  if (language) document.documentElement.lang = language;
  try {
    await pagefind.init();
  } finally {
    document.documentElement.lang = pageLanguage;
  }
  if (!language) {
    // The path is spelled differently ('./') because mergeIndex skips a path equal to the primary index's, language or not.
    for (const other of otherLanguages) await pagefind.mergeIndex(`${siteRoot.pathname}pagefind/./`, { language: other });
  }
  // Pagefind's init only starts loading the index (its metadata and WebAssembly); an empty search
  // returns once every index is loaded, and throws when one could not be. So the page says it is
  // ready only when it is, and the first query does not also wait for the index.
  await pagefind.search('');
}

/** Whether the index searched is English only, where COMMON_WORDS apply. */
function searchesEnglish() {
  const language = loadedLanguage || (otherLanguages.length === 0 ? pageLanguage : '');
  return language.split('-')[0] === 'en';
}

const isCommonWord = (word) => COMMON_WORDS.has(word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''));

/** The words sent to Pagefind: the query without its COMMON_WORDS, unless nothing else is left or it is a "quoted phrase". */
function searchTerms(q) {
  if (!searchesEnglish() || /^\s*".+"\s*$/.test(q)) return q;
  const kept = q.split(/\s+/).filter((word) => word && !isCommonWord(word));
  return kept.length > 0 ? kept.join(' ') : q;
}

/** The words whose index chunks are worth fetching while typing: no common word (but in a "phrase"), nor a last word still too short (PRELOAD_MIN_CHARS). */
function preloadWords(q) {
  const phrase = /^\s*"/.test(q);
  const words = q.replace(/"/g, ' ').split(/\s+/).filter((word) => word && (phrase || !(searchesEnglish() && isCommonWord(word))));
  if (words.length > 0 && [...words[words.length - 1]].length < PRELOAD_MIN_CHARS) words.pop();
  return words.join(' ');
}

/** Whether a key press belongs to a field the reader is typing in, where `/` is a character. */
function isTypingIn(target) {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * The keyboard path: `/` anywhere but a field goes to the search box; from
 * the box, the down arrow goes to the first result, and the arrows move from
 * result to result (up from the first goes back to the box). A result is a
 * link, so Enter opens it.
 */
function onKeyDown(event) {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === '/' && !isTypingIn(event.target)) {
    event.preventDefault();
    input.focus();
    input.select();
    return;
  }
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = [...list.querySelectorAll('a.search-result__title')];
  const more = document.querySelector('.search-more');
  const stops = [input, ...links, ...(more ? [more] : [])];
  const at = stops.indexOf(event.target);
  if (at === -1) return;
  const next = stops[at + (event.key === 'ArrowDown' ? 1 : -1)];
  if (!next) return;
  event.preventDefault();
  next.focus();
}

/** Back or forward: the controls take the entry's search, which runs again (another language loads its index). */
function onPopState() {
  const state = readState();
  if (state.language !== loadedLanguage) {
    window.location.reload();
    return;
  }
  typingEntry = false;
  applyState(state);
  runSearch('history');
}

async function start() {
  const state = readState();
  applyState(state);
  prepareLanguages(state.language);
  loadedLanguage = state.language;
  try {
    await loadIndex(state.language);
  } catch {
    statusLine.textContent = 'The search index could not be loaded.';
    setState('failed');
    return;
  }
  filterBox.addEventListener('toggle', () => {
    if (filterBox.open) loadFilterValues();
  });
  if (filterBox.open) loadFilterValues();
  input.addEventListener('input', () => {
    // A search still running for earlier words must not write its results over the new words.
    runId += 1;
    setState('pending');
    window.clearTimeout(timer);
    const q = input.value.trim();
    // Fetch the index chunks of the words while the reader pauses, so the search itself finds them loaded.
    const ahead = preloadWords(q);
    if (ahead) pagefind.preload(ahead, indexOptions(ahead, selectedFilters())).catch(() => null);
    timer = window.setTimeout(() => runSearch('typing'), TYPING_PAUSE_MS);
  });
  // Leaving the box ends the typing: the next words make a new history entry.
  input.addEventListener('blur', () => {
    typingEntry = false;
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    runSearch('commit');
  });
  for (const select of [...selects.values(), sortSelect]) select.addEventListener('change', () => runSearch('commit'));
  // Another language loads another index: the page is opened again at a new entry with the choice in its address.
  languageSelect.addEventListener('change', () => {
    window.history.pushState(null, '', addressOf(input.value.trim(), selectedFilters()));
    window.location.reload();
  });
  window.addEventListener('popstate', onPopState);
  document.addEventListener('keydown', onKeyDown);
  keysHint.hidden = false;
  await runSearch('load');
}

start();
