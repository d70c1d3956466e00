// "Cite" controls of article and speaker pages (templates/_includes/partials/cite.njk).
// Loaded as a module from /cite.js (no inline script, so pages keep their strict CSP).
// citation-js with its CSL styles is large, so the citation script the build bundles
// (citation.js, beside this file) is imported only when a reader first opens a control:
// a page that is only read never fetches it. Everything shown comes from content and
// is written with textContent.

const citationScript = new URL('citation.js', import.meta.url).href;
/** The citation script's module, imported once for the page. */
let formatter = null;

/** The element that carries the article's fields for a control: itself, an ancestor (article page) or the control of a card above (speaker page). */
function articleFieldsOf(details) {
  const holder = details.closest('[data-cite-title]');
  if (holder) return holder;
  // A speaker page gives the article's fields once for a run of quotes from one article, on the first card of the run.
  for (let card = details.closest('.quote-card')?.previousElementSibling; card; card = card.previousElementSibling) {
    const above = card.querySelector('details.cite[data-cite-title]');
    if (above) return above;
  }
  return null;
}

/** The article's fields of the `data-cite-*` attributes. */
const ARTICLE_FIELDS = ['citeTitle', 'citeSource', 'citeDate', 'citeByline', 'citeUrl'];

/** The quote's citation data, from the `data-cite-*` attributes of the control and its article (src/cite/citation-item.ts). */
function citationData(details) {
  // The article page gives the article's fields once, on the list that holds the controls; a speaker page once per run of quotes from one article.
  const article = articleFieldsOf(details)?.dataset ?? {};
  const data = { ...Object.fromEntries(ARTICLE_FIELDS.filter((key) => key in article).map((key) => [key, article[key]])), ...details.dataset };
  return {
    quoteId: data.citeQuoteId,
    // Speaker pages show the words in the quote's card and do not repeat them.
    text: data.citeText ?? details.closest('.quote-card')?.querySelector('[data-cite-quote-text]')?.textContent ?? '',
    // A speaker page names its speaker once, on the list of quotes.
    speaker: data.citeSpeaker ?? details.closest('[data-cite-speaker]')?.dataset.citeSpeaker ?? null,
    articleTitle: data.citeTitle,
    source: data.citeSource,
    date: data.citeDate,
    byline: data.citeByline ?? null,
    url: data.citeUrl ?? null,
    // A speaker page's card links the quote from its blockquote's cite.
    permalink: absolutePermalink(data.citePermalink ?? details.closest('.quote-card')?.querySelector('blockquote[cite]')?.getAttribute('cite') ?? ''),
  };
}

/** A citation needs the full address: speaker pages give `/articles/<slug>/#<quoteId>`, article pages only `#<quoteId>`. */
function absolutePermalink(permalink) {
  const url = new URL(permalink, document.baseURI);
  // The quote's address is its page and id, whatever query the reader arrived with.
  url.search = '';
  return url.href;
}

function paragraph(text, className) {
  const p = document.createElement('p');
  if (className) p.className = className;
  p.textContent = text;
  return p;
}

async function copyText(text, pre, status) {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = 'Copied';
  } catch {
    // No clipboard access (permission refused, insecure origin): select the text for the reader to copy.
    const range = document.createRange();
    range.selectNodeContents(pre);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    status.textContent = 'Selected: press Ctrl+C (⌘C) to copy';
  }
}

/** One format: its name, its text and a copy button. */
function formatBlock(quoteId, format) {
  const block = document.createElement('div');
  block.className = 'cite__format';
  block.dataset.citeFormat = format.key;
  const labelId = `cite-${quoteId}-${format.key}`;
  block.setAttribute('role', 'group');
  block.setAttribute('aria-labelledby', labelId);
  const label = paragraph(format.label, 'cite__label');
  label.id = labelId;
  const pre = document.createElement('pre');
  pre.className = 'cite__text';
  pre.textContent = format.text;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'cite__copy';
  button.textContent = 'Copy';
  button.setAttribute('aria-describedby', labelId);
  const status = document.createElement('span');
  status.className = 'cite__status';
  status.setAttribute('role', 'status');
  button.addEventListener('click', () => copyText(format.text, pre, status));
  block.append(label, pre, button, status);
  return block;
}

async function fill(details) {
  if (details.dataset.citeState === 'loading' || details.dataset.citeState === 'ready') return;
  details.dataset.citeState = 'loading';
  const box = details.querySelector('[data-cite-formats]');
  box.replaceChildren(paragraph('Loading citation formats…', 'muted'));
  try {
    formatter ??= import(citationScript);
    const { formatQuoteCitations } = await formatter;
    const formats = formatQuoteCitations(citationData(details));
    box.replaceChildren(...formats.map((format) => formatBlock(details.dataset.citeQuoteId, format)));
    details.dataset.citeState = 'ready';
  } catch (error) {
    // A failed fetch is tried again on the next open.
    formatter = null;
    box.replaceChildren(paragraph('The citation formats could not be loaded. Try again later.', 'muted'));
    details.dataset.citeState = 'failed';
    console.warn('citation script failed', error);
  }
}

// `toggle` does not bubble: listen in the capture phase, for every control on the page.
document.addEventListener(
  'toggle',
  (event) => {
    const target = event.target;
    if (target instanceof HTMLDetailsElement && target.classList.contains('cite') && target.open) fill(target);
  },
  true,
);
for (const details of document.querySelectorAll('details.cite[open]')) fill(details);
