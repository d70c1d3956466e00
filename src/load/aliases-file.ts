/**
 * Reads the curator's archive-wide aliases file (`content/aliases.yml`):
 * which speaker and entity records to join, and which same-named ones to
 * keep apart by article. Pure: a SourceFile in, the entries (each string
 * with its line and column) and diagnostics out. Whether a name exists in
 * the archive, and whether two entries contradict each other, is checked
 * when linking (`link/curator-aliases.ts`).
 *
 * ```yaml
 * join:
 *   - canonical: Federal Aviation Administration
 *     aliases: [FAA, Federal Aviation Admin.]
 * split:
 *   - name: Daniel Okafor
 *     records:
 *       - canonical: Daniel Okafor (footballer)
 *         articles: [2024-03-01-cup-final]
 * ```
 */
import { isMap, isScalar, isSeq, type Node as YamlNode, type Pair } from 'yaml';
import type { CuratorAliases, CuratorJoin, CuratorSplit, CuratorSplitRecord, Diagnostic, Located, SourceFile } from '../archive/types.ts';
import { parseYamlFile } from './yaml-file.ts';

/** The file name looked for at the top of the content folder. */
export const ALIASES_FILE_NAME = 'aliases.yml';

/** Result of `loadAliasesFile`: the entries (null when the file is not YAML) and every problem found. */
export interface LoadedAliases {
  aliases: CuratorAliases | null;
  diagnostics: Diagnostic[];
}

/**
 * Parses and checks the aliases file. Every problem is reported at once;
 * a file with any error is marked not `usable`, so a half-read file never
 * changes the archive (its well-formed entries are still checked against it).
 */
export function loadAliasesFile(file: SourceFile): LoadedAliases {
  const { doc, lines, diagnostics, report } = parseYamlFile(file, 'aliases-yaml-syntax-error');
  if (diagnostics.length) return { aliases: null, diagnostics };

  const located = (node: YamlNode): Located<string> => {
    const { line, col } = lines.linePos(node.range?.[0] ?? 0);
    return { value: String((node as { value: unknown }).value).trim(), line, column: col };
  };
  const at = (node: YamlNode | null | undefined, fallback: number) => node?.range?.[0] ?? fallback;
  const text = (node: unknown, what: string, where: number): Located<string> | null => {
    if (isScalar(node) && typeof node.value === 'string' && node.value.trim()) return located(node);
    report('aliases-invalid-entry', at(node as YamlNode, where), `${what} must be a name (non-empty text)`);
    return null;
  };
  const list = (node: unknown, what: string, where: number): Located<string>[] => {
    // One name may stand for a list of one.
    if (isScalar(node)) return [text(node, what, where)].filter((x): x is Located<string> => x !== null);
    if (!isSeq(node) || node.items.length === 0) {
      report('aliases-invalid-entry', at(node as YamlNode, where), `${what} must be a non-empty list of names`);
      return [];
    }
    return node.items.map((item) => text(item, `each of ${what}`, at(node, where))).filter((x): x is Located<string> => x !== null);
  };
  /** The keys of a mapping entry, reporting unknown and missing ones. */
  const fields = (node: unknown, known: string[], what: string, where: number, required = known): Map<string, { value: unknown; offset: number }> | null => {
    if (!isMap(node)) {
      report('aliases-invalid-entry', at(node as YamlNode, where), `each ${what} entry must be a mapping with ${known.map((k) => `\`${k}\``).join(' and ')}`);
      return null;
    }
    const out = new Map<string, { value: unknown; offset: number }>();
    for (const pair of node.items as Pair[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const offset = at(pair.key as YamlNode, at(node, where));
      if (!known.includes(key)) report('aliases-invalid-entry', offset, `unknown key \`${key}\` in a ${what} entry; expected ${known.map((k) => `\`${k}\``).join(' or ')}`);
      else out.set(key, { value: pair.value, offset: at(pair.value as YamlNode, offset) });
    }
    for (const key of required) if (!out.has(key)) report('aliases-invalid-entry', at(node, where), `${what} entry without \`${key}\``);
    return out;
  };

  const joins: CuratorJoin[] = [];
  const splits: CuratorSplit[] = [];
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { aliases: { file: file.path, text: file.value, usable: true, joins, splits }, diagnostics };
  // A file may hold only joins or only splits: neither section is required.
  const top = fields(root, ['join', 'split'], 'top-level', 0, []);
  if (top) {
    const section = (name: string) => {
      const entry = top.get(name);
      if (!entry || entry.value === null || (isScalar(entry.value) && entry.value.value === null)) return [];
      if (!isSeq(entry.value)) {
        report('aliases-invalid-entry', entry.offset, `\`${name}\` must be a list of entries (lines starting with \`- \`)`);
        return [];
      }
      return entry.value.items.map((item) => ({ item, offset: at(item as YamlNode, entry.offset) }));
    };
    for (const { item, offset } of section('join')) {
      const f = fields(item, ['canonical', 'aliases'], 'join', offset);
      if (!f) continue;
      const canonical = f.has('canonical') ? text(f.get('canonical')!.value, '`canonical`', f.get('canonical')!.offset) : null;
      const aliases = f.has('aliases') ? list(f.get('aliases')!.value, '`aliases`', f.get('aliases')!.offset) : [];
      if (canonical && aliases.length) joins.push({ canonical, aliases });
    }
    for (const { item, offset } of section('split')) {
      const f = fields(item, ['name', 'records'], 'split', offset);
      if (!f) continue;
      const name = f.has('name') ? text(f.get('name')!.value, '`name`', f.get('name')!.offset) : null;
      const records: CuratorSplitRecord[] = [];
      const recordsField = f.get('records');
      if (recordsField && (!isSeq(recordsField.value) || recordsField.value.items.length === 0)) report('aliases-invalid-entry', recordsField.offset, '`records` must be a non-empty list of `{ canonical, articles }` entries');
      else if (recordsField && isSeq(recordsField.value)) {
        for (const record of recordsField.value.items) {
          const r = fields(record, ['canonical', 'articles'], 'split record', at(record as YamlNode, recordsField.offset));
          if (!r) continue;
          const canonical = r.has('canonical') ? text(r.get('canonical')!.value, '`canonical`', r.get('canonical')!.offset) : null;
          const articles = r.has('articles') ? list(r.get('articles')!.value, '`articles`', r.get('articles')!.offset) : [];
          if (canonical && articles.length) records.push({ canonical, articles });
        }
      }
      if (name && records.length) splits.push({ name, records });
    }
  }
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return { aliases: { file: file.path, text: file.value, usable: diagnostics.length === 0, joins, splits }, diagnostics };
}
