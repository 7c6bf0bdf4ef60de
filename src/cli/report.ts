/** Formats validation results for a terminal: one block per file, then a one-line total. */
import type { DatasetSummary } from '../analysis/summary.ts';
import { TIE_CATEGORIES } from '../model/vocabulary.ts';
import type { ValidationIssue } from '../validation/issue.ts';
import { formatJsonPath } from '../validation/json-path.ts';
import type { TextSpan } from '../validation/json-text.ts';

/** ANSI colours, or plain text when output is not a terminal or NO_COLOR is set. */
export interface Paint {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

export function makePaint(enabled: boolean): Paint {
  const wrap = (open: number, close: number) => (text: string) => (enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return { red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}

/** One issue as two lines: severity, path (with line and column when known) and code, then the message. */
export function formatIssue(issue: ValidationIssue, span: TextSpan | undefined, paint: Paint): string {
  const label = issue.severity === 'error' ? paint.red('error  ') : paint.yellow('warning');
  const where = span === undefined ? '' : paint.dim(` (line ${span.line}, column ${span.column})`);
  return `  ${label} ${paint.bold(formatJsonPath(issue.path))}${where} ${paint.dim(`[${issue.code}]`)}\n          ${issue.message}`;
}

/** A count and its noun, in the plural unless the count is 1: "1 tie", "2 ties". */
export function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The counts of a valid dataset, on two lines. */
export function formatSummary(summary: DatasetSummary): string {
  const categories = TIE_CATEGORIES.map((category) => {
    const { present, absent } = summary.tiesByCategory[category];
    return `${category} ${present}${absent > 0 ? ` (+${absent} absent)` : ''}`;
  }).join(' · ');
  return (
    `${counted(summary.actors, 'actor')} · ${counted(summary.tieTypes, 'tie type')} · ${counted(summary.ties, 'tie')} ` +
    `(${summary.present} present, ${summary.absent} absent) · ${counted(summary.quotes, 'quote')}\n          ${categories}`
  );
}

/** The closing line: how many files, errors and warnings. */
export function formatTotals(files: number, errors: number, warnings: number): string {
  return `${counted(files, 'file')} checked: ${counted(errors, 'error')}, ${counted(warnings, 'warning')}.`;
}

/**
 * A path as one argument of a command the report tells the author to run, in single quotes when
 * a shell would split or expand it (a space, `$`, `*`, ...), so that the command can be pasted.
 */
export function shellArgument(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}
