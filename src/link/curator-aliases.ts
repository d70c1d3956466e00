/**
 * Applies the curator's aliases file to the records being linked: a `join`
 * makes every record named by one of its names one record under its
 * canonical name; a `split` takes the mentions of a name in the listed
 * articles out of the shared record into a record of their own. The
 * curator's word wins over every rule of `records.ts`. Names that match
 * nothing, articles that do not exist, and entries that contradict each
 * other are reported at their line and column.
 */
import type { CuratorAliases, Diagnostic, Located } from '../archive/types.ts';
import { RULES, type RuleId } from '../diagnostics/messages.ts';
import { normalizeName } from './ids.ts';

/** What the aliases file needs to know of a per-article record, and what it sets on it. */
export interface CuratorTarget {
  articleId: string;
  /** Every name the record goes by in its article (normalized or not). */
  forms: string[];
  /** Set by a split: the record joins nothing but the records of its split group. */
  forcedKey?: string;
  /** Set by a join: a key every record of the join shares. */
  joinKey?: string;
  /** The canonical name the curator gave. */
  curatorName?: string;
}

/** An article as the aliases file may name it: its id, or its file relative to the aliases file's folder. */
export interface CuratorArticle {
  id: string;
  file?: string;
}

/**
 * Marks `targets` with the joins and splits of `aliases` and returns the
 * problems found. When the file has errors or two entries conflict, every
 * name is still checked but nothing is applied (the build stops anyway).
 */
export function applyCuratorAliases(aliases: CuratorAliases, targets: CuratorTarget[], articles: CuratorArticle[]): Diagnostic[] {
  const diagnostics = findConflicts(aliases);
  const apply = aliases.usable && diagnostics.length === 0;
  const report = (ruleId: RuleId, at: Located<string>, reason: string): void => {
    const entry = RULES[ruleId];
    diagnostics.push({ file: aliases.file, line: at.line, column: at.column, endLine: at.line, endColumn: at.column + at.value.length, severity: entry.severity, reason, ruleId, source: entry.source, note: entry.hint, excerpt: aliases.text.split(/\r?\n/)[at.line - 1] });
  };
  const byForm = new Map<string, CuratorTarget[]>();
  for (const target of targets) {
    for (const form of new Set(target.forms.map(normalizeName))) {
      const list = byForm.get(form);
      if (list) list.push(target);
      else byForm.set(form, [target]);
    }
  }
  const named = (name: string) => byForm.get(normalizeName(name)) ?? [];

  aliases.splits.forEach((split, i) => {
    const all = named(split.name.value);
    if (all.length === 0) {
      report('aliases-unknown-name', split.name, `no speaker or entity in the archive is named "${split.name.value}"`);
      return;
    }
    split.records.forEach((record, r) => {
      for (const ref of record.articles) {
        const article = findArticle(articles, ref.value);
        if (!article) {
          report('aliases-unknown-article', ref, `no article "${ref.value}" in the archive (give its id or its file)`);
          continue;
        }
        const mentions = all.filter((t) => t.articleId === article.id);
        if (mentions.length === 0) report('aliases-unknown-article', ref, `article "${ref.value}" does not mention "${split.name.value}"`);
        if (apply) for (const target of mentions) {
          target.forcedKey = `curator\u0000split\u0000${i}\u0000${r}`;
          target.curatorName = record.canonical.value;
        }
      }
    });
  });

  aliases.joins.forEach((join, i) => {
    const members = new Set<CuratorTarget>(named(join.canonical.value));
    for (const alias of join.aliases) {
      const found = named(alias.value);
      if (found.length === 0) report('aliases-unknown-name', alias, `no speaker or entity in the archive is named "${alias.value}"`);
      for (const target of found) members.add(target);
    }
    if (apply) for (const target of members) {
      target.joinKey = `curator\u0000join\u0000${i}`;
      target.curatorName = join.canonical.value;
    }
  });
  return diagnostics;
}

/** The article an entry names: by id, or by file path relative to the aliases file (with or without `.md`). */
function findArticle(articles: CuratorArticle[], ref: string): CuratorArticle | undefined {
  const wanted = ref.trim().replace(/\\/g, '/').replace(/^\.\//, '');
  return articles.find((a) => a.id === wanted)
    ?? articles.find((a) => a.file !== undefined && (a.file === wanted || a.file === `${wanted}.md`));
}

/** Entries that contradict each other: a name claimed by two entries, two records of a split with one name, an article in two of them. */
function findConflicts(aliases: CuratorAliases): Diagnostic[] {
  const out: Diagnostic[] = [];
  const entry = RULES['aliases-conflict'];
  const conflict = (at: Located<string>, reason: string, first: Located<string>): void => {
    out.push({
      file: aliases.file, line: at.line, column: at.column, severity: entry.severity, ruleId: 'aliases-conflict', source: entry.source, reason,
      note: `first given at line ${first.line}, column ${first.column}. ${entry.hint}`, excerpt: aliases.text.split(/\r?\n/)[at.line - 1],
    });
  };
  const claims = new Map<string, { where: Located<string>; owner: string }>();
  const claim = (name: Located<string>, owner: string, what: string): void => {
    const key = normalizeName(name.value);
    const first = claims.get(key);
    if (!first) claims.set(key, { where: name, owner });
    else if (first.owner !== owner) conflict(name, `"${name.value}" is ${what} here and already claimed by another entry`, first.where);
  };
  aliases.joins.forEach((join, i) => {
    for (const name of [join.canonical, ...join.aliases]) claim(name, `join ${i}`, 'joined');
  });
  aliases.splits.forEach((split, i) => {
    claim(split.name, `split ${i}`, 'split');
    const canonicals = new Map<string, Located<string>>();
    const articles = new Map<string, Located<string>>();
    for (const record of split.records) {
      const key = normalizeName(record.canonical.value);
      const first = canonicals.get(key);
      if (first) conflict(record.canonical, `two records of the split of "${split.name.value}" are both named "${record.canonical.value}"`, first);
      else canonicals.set(key, record.canonical);
      for (const article of record.articles) {
        const seen = articles.get(article.value);
        if (seen) conflict(article, `article "${article.value}" is in two records of the split of "${split.name.value}"`, seen);
        else articles.set(article.value, article);
      }
    }
  });
  return out;
}
