/**
 * The catalog of diagnostic rule ids. Ids are permanent: people search for
 * them and may silence them by name, so an id is never renamed or reused,
 * only marked deprecated. Each entry says why the rule exists and what to do.
 */

export interface RuleEntry {
  /** Default severity. */
  severity: 'error' | 'warning';
  /** The stage that reports it. */
  source: 'load' | 'extract' | 'link' | 'site' | 'search' | 'output' | 'import' | 'shard';
  /** Why the rule exists: what would go wrong without it. */
  why: string;
  /** What the user can do about it (printed as the note when none is given). */
  hint: string;
}

/** Every rule id this project reports, by id. */
export const RULES = {
  'unreadable-file': {
    severity: 'error', source: 'load',
    why: 'A file we cannot read would silently vanish from the archive.',
    hint: 'Check the file permissions, or remove the file from the content folder.',
  },
  'invalid-utf8': {
    severity: 'error', source: 'load',
    why: 'Decoding a non-UTF-8 file would replace characters and corrupt quotes without notice.',
    hint: 'Re-save the file as UTF-8.',
  },
  'file-too-large': {
    severity: 'error', source: 'load',
    why: 'A file of many megabytes is almost never an article (a PDF, a database dump) and would stall the build.',
    hint: 'Move the file out of the content folder, or split it into articles.',
  },
  'missing-content-folder': {
    severity: 'error', source: 'load',
    why: 'Building from a folder that does not exist would publish an empty site over a good one.',
    hint: 'Create the folder or pass --content with the right path.',
  },
  'symlink-outside-content': {
    severity: 'error', source: 'load',
    why: 'Content is what is inside the content folder: a link leading elsewhere would publish a file the curator never put there (a private note, a system file).',
    hint: 'Copy the article into the content folder instead of linking to it, or remove the link.',
  },
  'no-content-files': {
    severity: 'error', source: 'load',
    why: 'An empty content folder is usually a wrong --content path; building would publish an empty site over a good one.',
    hint: 'Add Markdown files (*.md) to the content folder.',
  },
  'missing-front-matter': {
    severity: 'error', source: 'load',
    why: 'Without front matter we do not know the title, date or source of the article.',
    hint: 'Start the file with a `---` line, then `title:`, `date:` and `source:` lines, then `---`.',
  },
  'unclosed-front-matter': {
    severity: 'error', source: 'load',
    why: 'Without the closing `---` the whole article would be read as YAML.',
    hint: 'Add a line with `---` after the last front matter key.',
  },
  'yaml-syntax-error': {
    severity: 'error', source: 'load',
    why: 'Front matter that is not valid YAML cannot be read reliably.',
    hint: 'Quote values that contain `: `, `#`, or start with a quote or bracket.',
  },
  'yaml-alias': {
    severity: 'error', source: 'load',
    why: 'A YAML alias (`*name`) repeats a value by reference; a few nested ones in a small file expand to millions of values and stall the build. News front matter never needs them.',
    hint: 'Write the value out where the alias stands, and drop the `&name` anchor.',
  },
  'front-matter-not-a-mapping': {
    severity: 'error', source: 'load',
    why: 'Front matter must be `key: value` lines; a list or a bare value names no fields.',
    hint: 'Write one `key: value` pair per line.',
  },
  'unsupported-front-matter-language': {
    severity: 'error', source: 'load',
    why: 'Front matter in JavaScript (`---js`) would run code from content; content is data, never code.',
    hint: 'Write the front matter as YAML.',
  },
  'missing-front-matter-title': {
    severity: 'error', source: 'load',
    why: 'Every page, feed entry and search result shows the article title.',
    hint: 'Add `title: <headline>` to the front matter.',
  },
  'missing-front-matter-date': {
    severity: 'error', source: 'load',
    why: 'Quotes are dated and sorted by the article date.',
    hint: 'Add `date: YYYY-MM-DD` to the front matter.',
  },
  'missing-front-matter-source': {
    severity: 'error', source: 'load',
    why: 'Who published an article is part of every quote record.',
    hint: 'Add `source: <outlet name>` to the front matter.',
  },
  'invalid-title': {
    severity: 'error', source: 'load',
    why: 'A title must be non-empty text to be shown and linked.',
    hint: 'Write the headline as text; quote it if it contains `: ` or starts with a special character.',
  },
  'invalid-source': {
    severity: 'error', source: 'load',
    why: 'The source name becomes a page and a search filter.',
    hint: 'Write the outlet name as text.',
  },
  'invalid-date': {
    severity: 'error', source: 'load',
    why: 'YAML silently rolls impossible dates over (2021-02-30 becomes March 2nd); we refuse them instead.',
    hint: 'Write the date as YYYY-MM-DD, a real calendar date.',
  },
  'invalid-url': {
    severity: 'error', source: 'load',
    why: 'The original address is published as a link; a malformed or non-web address would be broken or unsafe.',
    hint: 'Write the full address, starting with https:// or http://.',
  },
  'invalid-slug': {
    severity: 'error', source: 'load',
    why: 'The slug becomes part of a page address and must be safe in a URL and a file name.',
    hint: 'Use letters, digits and hyphens, e.g. `2021-01-14-talks-resume`.',
  },
  'invalid-language': {
    severity: 'error', source: 'load',
    why: 'The language goes into `lang` attributes and the search index.',
    hint: 'Use an ISO 639-1 code such as `en`, optionally with a region (`en-GB`).',
  },
  'invalid-front-matter-field': {
    severity: 'error', source: 'load',
    why: 'A known field with the wrong type would be shown wrongly or break a page.',
    hint: 'Check the field against the table in the README.',
  },
  'empty-body': {
    severity: 'error', source: 'load',
    why: 'An article without text has no quotes and makes an empty page.',
    hint: 'Paste the article text below the closing `---`.',
  },
  'future-date': {
    severity: 'warning', source: 'load',
    why: 'A date in the future is usually a typo in the year or month.',
    hint: 'Check the date against the original article.',
  },
  'duplicate-slug': {
    severity: 'error', source: 'load',
    why: 'Two articles with the same slug would be written to the same page and one would be lost.',
    hint: 'Set a distinct `slug:` in the front matter of one of them, or remove the duplicate.',
  },
  'duplicate-url': {
    severity: 'error', source: 'load',
    why: 'Two files with the same original address are almost always the same article saved twice.',
    hint: 'Remove one of the files, or correct the `url:`.',
  },
  'site-config-yaml-syntax-error': {
    severity: 'error', source: 'load',
    why: 'A site settings file that is not valid YAML cannot say where the site is hosted; building with the defaults instead would publish links that break under the real address.',
    hint: 'Write one `key: value` per line, as in the commented example `content/site.yml`; quote values that contain `: ` or `#`.',
  },
  'site-config-invalid-value': {
    severity: 'error', source: 'load',
    why: 'A wrong `url`, `pathPrefix`, `language` or `title` would reach every page (canonical links, every link under a sub-folder, `<html lang>`), so it stops the build instead of publishing a site whose links break.',
    hint: '`url` is an absolute http(s) address (`https://example.org`), `pathPrefix` a folder path (`/archive/`), `language` a code such as `en` or `pt-BR`, `title` non-empty text.',
  },
  'site-config-unknown-key': {
    severity: 'warning', source: 'load',
    why: 'A misspelt setting (`pathprefix`, `URL`) would otherwise be ignored without notice; it is a warning, not an error, so settings of newer versions do not stop an older build.',
    hint: 'The settings are `title`, `url`, `pathPrefix` and `language`; check the spelling (case matters).',
  },
  'aliases-yaml-syntax-error': {
    severity: 'error', source: 'load',
    why: 'An aliases file that is not valid YAML cannot say which records to join or split; building without it would silently undo the curator\'s work.',
    hint: 'Quote names that contain `: ` or `#`, or start with a quote or bracket; indent list items under their key.',
  },
  'aliases-invalid-entry': {
    severity: 'error', source: 'load',
    why: 'An entry of the wrong shape (a missing `canonical`, a name that is not text, an unknown key) would be ignored, and the records it meant to join or split would stay wrong without notice.',
    hint: 'Write `join:` entries as `{ canonical: Name, aliases: [Other name] }` and `split:` entries as `{ name: Name, records: [{ canonical: Name (qualifier), articles: [article id or file] }] }`; see "Curating speakers" in the README.',
  },
  'aliases-conflict': {
    severity: 'error', source: 'load',
    why: 'Two entries that claim the same name (two joins, a join and a split, an article in two records of one split) contradict each other; picking one would be a guess.',
    hint: 'Merge the two entries into one, or remove the name from one of them.',
  },
  'aliases-unknown-name': {
    severity: 'error', source: 'load',
    why: 'A name the archive does not contain is usually a typo; the join or split it belongs to would do nothing, and the curator would believe it did.',
    hint: 'Write the name as an article spells it (case, accents and spacing do not matter); `npm run extract -- FILE` lists the names found.',
  },
  'aliases-unknown-article': {
    severity: 'error', source: 'load',
    why: 'A split names the articles whose mentions become a record; an article that does not exist, or does not mention the name, would leave those mentions in the wrong record.',
    hint: 'Give the article id (as in its page address, e.g. `2024-03-01-cup-final`) or its file path relative to the folder of the aliases file.',
  },
  'weekday-mismatch': {
    severity: 'warning', source: 'extract',
    why: 'A weekday in the text that does not fall on the article date points to a wrong date.',
    hint: 'Check the front matter date against the article.',
  },
  'dateline-mismatch': {
    severity: 'warning', source: 'extract',
    why: 'A dateline that disagrees with the front matter points to a wrong date or place.',
    hint: 'Check the front matter `date` and `dateline`.',
  },
  'unclosed-quote': {
    severity: 'warning', source: 'extract',
    why: 'An opening quote mark that never closes hides where a quote ends.',
    hint: 'Add the closing quote mark, or check the text against the original.',
  },
  'no-quotes-found': {
    severity: 'warning', source: 'extract',
    why: 'An article without quotes adds nothing to who-said-what; often the text is incomplete.',
    hint: 'Check that the whole article text was pasted.',
  },
  'nesting-too-deep': {
    severity: 'error', source: 'extract',
    why: 'Markdown nested hundreds of levels deep (block quotes, lists, emphasis) is never news copy; parsing it takes minutes and rendering it overflows the call stack.',
    hint: 'Remove the repeated `>`, list markers or `*`/`_` marks; news text needs at most a few levels.',
  },
  'article-time-budget-exceeded': {
    severity: 'error', source: 'extract',
    why: 'One article must not stall the whole build; an article whose extraction or rendering takes this long is almost never a news story (a dump, a generated file). Reported by extraction, or by the site stage for rendering.',
    hint: 'Split the file into articles, or move it out of the content folder.',
  },
  'extraction-crashed': {
    severity: 'error', source: 'extract',
    why: 'A bug in extraction must not publish a site without the articles it failed on, nor end in a bare stack trace.',
    hint: 'This is a bug in quote-archive: please report it with this file. The previous site was kept.',
  },
  'site-build-failed': {
    severity: 'error', source: 'site',
    why: 'A page that failed to render must not be published half-written.',
    hint: 'Read the cause below; the previous site was kept.',
  },
  'search-index-failed': {
    severity: 'error', source: 'search',
    why: 'A site whose search index is missing or partial would silently fail to find quotes.',
    hint: 'Read the Pagefind error; the previous site was kept.',
  },
  'search-index-timed-out': {
    severity: 'error', source: 'search',
    why: 'A Pagefind process that stops answering would hang the build forever.',
    hint: 'The previous site was kept. Run the build again; if it keeps happening, raise QUOTE_ARCHIVE_PAGEFIND_TIMEOUT (seconds) or check the pagefind binary.',
  },
  'search-index-process-exited': {
    severity: 'error', source: 'search',
    why: 'A Pagefind process that crashes leaves its pending requests unanswered; noticed only by the silence limit, the build would wait a minute for nothing, and the message would blame silence instead of the crash.',
    hint: 'The previous site was kept. Run the build again; if it keeps happening, read what Pagefind printed above and check the pagefind binary.',
  },
  'search-index-incomplete': {
    severity: 'error', source: 'search',
    why: 'Pagefind reports its index written before its last writes land; a site published then can hold empty index files, and its search page cannot load.',
    hint: 'The previous site was kept. Run the build again; if it keeps happening, check free disk space and the pagefind binary.',
  },
  'output-folder-overlaps-content': {
    severity: 'error', source: 'output',
    why: 'A build replaces its output folder whole: into the content folder, or a folder around it, it would replace the articles with the site.',
    hint: 'Pass an --out folder outside the content folder, e.g. the default `_site`.',
  },
  'output-folder-holds-project': {
    severity: 'error', source: 'output',
    why: 'A build replaces its output folder whole: into the working folder, a repository or a folder above them, it would replace the project (.git, sources, articles) with the site.',
    hint: 'Pass an --out folder of its own, e.g. the default `_site`.',
  },
  'output-folder-not-a-site': {
    severity: 'error', source: 'output',
    why: 'A build replaces its output folder whole; a folder that holds files and no stamp of ours was not built by this tool, and its files would be lost.',
    hint: 'Pass a new or empty --out folder. If the folder is a site built by an older quote-archive (before stamps), delete it: it is rebuilt from the content.',
  },
  'previous-site-set-aside': {
    severity: 'error', source: 'output',
    why: 'When the new site could not be put in place and the old one could not be put back, the user must learn where the old site is rather than read that nothing changed.',
    hint: 'The next build puts the previous site back before doing anything else; or rename the folder named in the message back by hand.',
  },
  'data-export-split': {
    severity: 'warning', source: 'site',
    why: 'Static hosts refuse files over a size (50 MB by default here), so a whole export past it is not written; without a word, the file a program or a link expects would just be missing.',
    hint: 'The export\'s parts by date are listed in data/index.json (each with its size and SHA-256); read those, or join them, instead of the whole file.',
  },
  'output-cleanup-failed': {
    severity: 'warning', source: 'output',
    why: 'A folder of ours that could not be removed (a read-only folder) takes disk space but must not fail this or any later build.',
    hint: 'Check the permissions of the folder named; the next build tries again, or delete it by hand.',
  },
  'output-failed': {
    severity: 'error', source: 'output',
    why: 'The new site could not be put in place; the previous one is kept.',
    hint: 'Check free disk space and permissions of the output folder.',
  },
  'cache-folder-not-ours': {
    severity: 'warning', source: 'output',
    why: 'The build cache folder is written to and cleaned by the build; a folder of the same name holding other files must not be touched, and the build still succeeds without a cache.',
    hint: 'Pass --cache with a folder of its own (or --no-cache), or move the files out of the folder named.',
  },
  'shard-folder-not-a-bundle': {
    severity: 'error', source: 'shard',
    why: 'A shard replaces its output folder whole with its bundle; a folder holding anything but an earlier bundle was not made by this tool and must not be replaced.',
    hint: 'Pass --out a new or empty folder, or the folder of an earlier bundle.',
  },
  'shard-bundle-invalid': {
    severity: 'error', source: 'shard',
    why: 'A folder given to --merge that is not a whole shard bundle (no manifest, a damaged or missing entry file) cannot stand for its shard\'s articles.',
    hint: 'Give the folders written by `build --shard k/n --out DIR`, copied whole; build the shard again if one was damaged.',
  },
  'shard-count-mismatch': {
    severity: 'error', source: 'shard',
    why: 'Bundles of splits into different counts of shards cover the articles unevenly: some twice, some never.',
    hint: 'Merge the bundles of one run, all built with the same n in --shard k/n.',
  },
  'shard-code-version-mismatch': {
    severity: 'error', source: 'shard',
    why: 'A bundle made by other code (another commit, other dependencies) holds what that code extracted, which this build would publish as its own.',
    hint: 'Build every shard and the merge from the same commit and lock file.',
  },
  'shard-duplicate': {
    severity: 'error', source: 'shard',
    why: 'A shard given twice means the merge was handed the wrong folders (one copied over another), and which copy is right cannot be told.',
    hint: 'Give each shard\'s bundle once: one folder per k of --shard k/n.',
  },
  'shard-missing': {
    severity: 'error', source: 'shard',
    why: 'Without one shard\'s bundle its articles would be missing from the merged site, or extracted on the merging machine without anyone noticing; render bundles alone carry no extraction to link.',
    hint: 'Give the bundle of every shard, 1 to n; rerun the shard that failed or whose artifact was not downloaded.',
  },
  'shard-content-changed': {
    severity: 'error', source: 'shard',
    why: 'A content file edited or removed after its shard ran would be published with what was extracted from its older text.',
    hint: 'Build the shards and the merge from the same commit of the content; rerun the shards after changing it.',
  },
  'shard-file-not-covered': {
    severity: 'error', source: 'shard',
    why: 'A content file no shard covered (added after the shards ran) was never extracted by the shards; merging without it would drop an article.',
    hint: 'Rerun the shards on the content as it is now.',
  },
  'shard-file-covered-twice': {
    severity: 'error', source: 'shard',
    why: 'Every content file belongs to exactly one shard; a file in two bundles means they come from different splits or were edited.',
    hint: 'Merge the bundles of one run of the shards, as written.',
  },
  'import-missing-title': {
    severity: 'error', source: 'import',
    why: 'A headline cannot be made from the body without putting words in the outlet\'s mouth; an article file needs the real one.',
    hint: 'Give the headline as published: --title "…" (or put it on the first line of the text file).',
  },
  'import-missing-date': {
    severity: 'error', source: 'import',
    why: 'Quotes are dated and sorted by the article date; a date taken from elsewhere in the text (a photo caption, an earlier event) would misdate every quote.',
    hint: 'Give the publication date: --date YYYY-MM-DD.',
  },
  'import-date-without-year': {
    severity: 'error', source: 'import',
    why: 'Wire datelines give the month and day only ("Jan. 14"); picking the year would be a guess, and a wrong year misdates every quote.',
    hint: 'Give the full date: --date YYYY-MM-DD.',
  },
  'import-missing-source': {
    severity: 'error', source: 'import',
    why: 'Every quote is credited to the outlet that published it; an outlet merely cited in the text ("Reuters reported") is not it.',
    hint: 'Give the outlet: --source "…".',
  },
  'import-empty-body': {
    severity: 'error', source: 'import',
    why: 'An article without text has no quotes; an empty page is usually a page saved before it loaded, or not an article.',
    hint: 'Save the page again once its text shows, or import its text as a .txt file.',
  },
  'import-would-overwrite': {
    severity: 'error', source: 'import',
    why: 'The file there may hold a curator\'s corrections; nothing the user wrote is ever lost without being asked.',
    hint: 'Pass --force to replace it, or --out another folder.',
  },
  'import-duplicate-article': {
    severity: 'error', source: 'import',
    why: 'Importing an article again under another file name would give it two pages; the build would then refuse both.',
    hint: 'Edit the file named, or pass --out another folder; --force replaces only a file of the same name.',
  },
  'import-write-failed': {
    severity: 'error', source: 'import',
    why: 'A file that could not be written (a full disk, a read-only folder) must not pass for imported; the message lists what was written before.',
    hint: 'Free disk space or fix the folder\'s permissions, then import the files not yet written.',
  },
  'import-invalid-article': {
    severity: 'error', source: 'import',
    why: 'An import never writes a content file the build would refuse: the values given or found are checked by the same loader first.',
    hint: 'Fix the value named (a flag such as --date or --url, or the input), then import again.',
  },
} as const satisfies Record<string, RuleEntry>;

/** A rule id known to the catalog. */
export type RuleId = keyof typeof RULES;

/** Returns the catalog entry for `ruleId`, or null for ids reported by other stages not (yet) listed. */
export function describeRule(ruleId: string): RuleEntry | null {
  return Object.hasOwn(RULES, ruleId) ? RULES[ruleId as RuleId] : null;
}
