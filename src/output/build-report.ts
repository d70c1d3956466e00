/**
 * The text of `_site/build-report.json`: counts and every diagnostic of the
 * build (warnings included), so a deployed site says what was doubtful in it.
 */
import { countRecords } from '../archive/counts.ts';
import type { Archive, Diagnostic } from '../archive/types.ts';
import { countDiagnostics, sortDiagnostics } from '../diagnostics/report.ts';

/** The shape of `build-report.json`. */
export interface BuildReport {
  counts: { articles: number; quotes: number; speakers: number; entities: number; sources: number; errors: number; warnings: number };
  diagnostics: Diagnostic[];
}

/** Serializes the build report, sorted and without timestamps or durations so two builds stay byte-identical. */
export function toBuildReportJson(archive: Archive, diagnostics: readonly Diagnostic[]): string {
  const { errors, warnings } = countDiagnostics(diagnostics);
  const report: BuildReport = {
    counts: { ...countRecords(archive), errors, warnings },
    diagnostics: sortDiagnostics(diagnostics),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
