// Search page: Pagefind's JS API over quote records and article pages.
// Loaded as a module from /search.js (no inline script, so the page keeps its strict CSP).
// Everything shown comes from the index, which holds content from others: it is
// written with textContent, and excerpts are copied node by node keeping only <mark>.

const PAGE_SIZE = 20;
const FILTER_KEYS = ['speaker', 'source', 'year', 'entity', 'type'];

const form = document.querySelector('form.search-form');
const input = document.getElementById('search-q');
const filterBox = document.getElementById('search-filters');
const statusLine = document.getElementById('search-status');
const list = document.getElementById('search-results');
const selects = new Map(
  [...document.querySelectorAll('select[data-filter]')].map((select) => [select.dataset.filter, select]),
);

let pagefind = null;
let shown = 0;
let currentResults = [];
let runId = 0;

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

/** Reads the query and filters from the address, so links and the home search box work. */
function readState() {
  const params = new URLSearchParams(window.location.search);
  const filters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return { q: params.get('q') ?? '', filters };
}

/** Writes the query and filters to the address without a new history entry. */
function writeState(q, filters) {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  for (const [key, value] of Object.entries(filters)) params.set(key, value);
  const query = params.toString();
  window.history.replaceState(null, '', query ? `?${query}` : window.location.pathname);
}

function selectedFilters() {
  const filters = {};
  for (const [key, select] of selects) if (select.value) filters[key] = select.value;
  return filters;
}

/** Fills each filter control with the values the index knows, with counts. */
function fillFilters(available, chosen) {
  for (const [key, select] of selects) {
    const values = Object.entries(available[key] ?? {}).sort(([a], [b]) =>
      key === 'year' ? b.localeCompare(a) : a.localeCompare(b, 'en', { sensitivity: 'base' }),
    );
    for (const [value, count] of values) {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = `${value} (${count})`;
      select.append(option);
    }
    if (chosen[key]) select.value = chosen[key];
    select.closest('label').hidden = values.length === 0;
  }
  filterBox.hidden = false;
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

function renderResult(data) {
  const item = document.createElement('li');
  item.className = 'search-result';
  const title = document.createElement('a');
  title.className = 'search-result__title';
  title.href = data.url;
  title.textContent = data.meta?.title ?? data.url;
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result__excerpt';
  appendExcerpt(excerpt, data.excerpt ?? '');
  const meta = document.createElement('p');
  meta.className = 'search-result__meta';
  const parts = [];
  if (data.meta?.speaker) parts.push(data.meta.speaker);
  else if (data.filters?.type?.includes('Article')) parts.push('Article');
  if (data.meta?.date) parts.push(data.meta.date);
  if (data.meta?.source) parts.push(data.meta.source);
  meta.textContent = parts.join(' · ');
  item.append(title, excerpt, meta);
  return item;
}

async function showMore(id) {
  setState('searching');
  const next = currentResults.slice(shown, shown + PAGE_SIZE);
  const datas = await Promise.all(next.map((result) => result.data()));
  if (id !== runId) return;
  for (const data of datas) list.append(renderResult(data));
  shown += next.length;
  document.querySelector('.search-more')?.remove();
  if (shown < currentResults.length) {
    const more = document.createElement('button');
    more.type = 'button';
    more.className = 'search-more';
    more.textContent = 'Show more results';
    more.addEventListener('click', () => showMore(id));
    list.after(more);
  }
  setState('done');
}

async function runSearch() {
  const id = ++runId;
  const q = input.value.trim();
  const filters = selectedFilters();
  writeState(q, filters);
  if (!q && Object.keys(filters).length === 0) {
    list.replaceChildren();
    document.querySelector('.search-more')?.remove();
    statusLine.textContent = 'Type words of a quote, or choose a filter.';
    setState('idle');
    return;
  }
  statusLine.textContent = 'Searching…';
  setState('searching');
  // Quotes first, then whole articles: an article page holds every word of its
  // quotes and would otherwise outrank the quote a reader is looking for.
  const types = filters.type ? [filters.type] : ['Quote', 'Article'];
  const searches = await Promise.all(
    types.map((type) => {
      const options = { filters: { ...filters, type } };
      if (!q) options.sort = { date: 'desc' };
      return pagefind.search(q || null, options);
    }),
  );
  if (id !== runId || searches.some((search) => !search)) return;
  const counts = searches.map((search) => search.results.length);
  currentResults = searches.flatMap((search) => search.results);
  shown = 0;
  list.replaceChildren();
  document.querySelector('.search-more')?.remove();
  const label = (n, one, many) => `${n} ${n === 1 ? one : many}`;
  statusLine.textContent =
    currentResults.length === 0
      ? 'No results.'
      : types.length === 2
        ? `${label(counts[0], 'quote', 'quotes')} and ${label(counts[1], 'article', 'articles')}.`
        : `${label(currentResults.length, 'result', 'results')}.`;
  await showMore(id);
}

async function start() {
  const state = readState();
  input.value = state.q;
  try {
    pagefind = await import(new URL('/pagefind/pagefind.js', window.location.href).href);
    await pagefind.options({ excerptLength: 40 });
    await pagefind.init();
    // Pagefind loads the index of the page's language only; the archive's other
    // languages are merged in. The path is spelled differently ('./') because
    // mergeIndex skips a path equal to the primary index's, language or not.
    for (const language of (list.dataset.mergeLanguages ?? '').split(' ').filter(Boolean)) {
      await pagefind.mergeIndex('/pagefind/./', { language });
    }
    fillFilters(await pagefind.filters(), state.filters);
  } catch {
    statusLine.textContent = 'The search index could not be loaded.';
    setState('failed');
    return;
  }
  let timer = 0;
  input.addEventListener('input', () => {
    setState('pending');
    window.clearTimeout(timer);
    timer = window.setTimeout(runSearch, 200);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    runSearch();
  });
  for (const select of selects.values()) select.addEventListener('change', runSearch);
  await runSearch();
}

start();
