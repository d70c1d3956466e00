/**
 * The shared start of reading a settings file written in YAML (the aliases
 * file, the site settings): the document with line positions, and a
 * reporter that turns an offset into a `file:line:col` diagnostic with the
 * line's text. Syntax errors are reported at once under `syntaxRuleId`;
 * a caller stops when any was.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { Diagnostic, SourceFile } from '../archive/types.ts';
import { RULES, type RuleId } from '../diagnostics/messages.ts';

export interface ParsedYamlFile {
  doc: Document.Parsed;
  lines: LineCounter;
  diagnostics: Diagnostic[];
  /** Records a problem at `offset` of the file, with the rule's hint unless `note` is given. */
  report: (ruleId: RuleId, offset: number, reason: string, note?: string) => void;
}

export function parseYamlFile(file: SourceFile, syntaxRuleId: RuleId): ParsedYamlFile {
  const lines = new LineCounter();
  const doc = parseDocument(file.value, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const diagnostics: Diagnostic[] = [];
  const report = (ruleId: RuleId, offset: number, reason: string, note?: string): void => {
    const { line, col } = lines.linePos(offset);
    const entry = RULES[ruleId];
    diagnostics.push({ file: file.path, line, column: col, severity: entry.severity, reason, ruleId, source: entry.source, note: note ?? entry.hint, excerpt: file.value.split(/\r?\n/)[line - 1] });
  };
  for (const error of doc.errors) report(syntaxRuleId, error.pos[0], error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''));
  return { doc, lines, diagnostics, report };
}
