import type { LintIssue, LintSeverity } from '../grammar/lint.ts';

/** Something about the board that shaped the export: a lint issue, or a choice the exporter made. */
export interface ExportWarning {
  /** A lint rule id (`command-without-handler`) or an exporter code (`name-collision`). */
  readonly code: string;
  readonly severity: LintSeverity;
  readonly source: 'lint' | 'export';
  /** The elements concerned; the first is the one to focus. */
  readonly elementIds: readonly string[];
  readonly message: string;
}

/** Lint rules whose findings change what the exporter generates (or make it wrong). */
const OUTPUT_AFFECTING_RULES = new Set([
  'illegal-connection',
  'command-without-handler',
  'event-without-producer',
  'event-with-several-aggregates',
  'duplicate-field-name',
  'aggregate-without-events',
  'outside-context',
  'duplicate-event-name',
  'empty-note',
  'long-name',
]);

export function warningsFromLint(issues: readonly LintIssue[]): ExportWarning[] {
  return issues
    .filter((issue) => OUTPUT_AFFECTING_RULES.has(issue.code))
    .map((issue) => ({ ...issue, source: 'lint' }));
}
