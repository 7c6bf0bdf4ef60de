/**
 * What the validator reports: one {@link ValidationIssue} per problem, each with the JSON path of
 * the value at fault, a stable code, a severity and a sentence a non-programmer can act on.
 */
import type { JsonPath } from './json-path.ts';

/** Errors make a dataset unusable; warnings point at something an author should look at. */
export type Severity = 'error' | 'warning';

/** The stable codes of every issue the validator can report. */
export const ISSUE_CODES = [
  'invalid-json',
  'duplicate-key',
  'file-not-found',
  'invalid-encoding',
  'schema',
  'reserved-id',
  'duplicate-id',
  'state-id-format',
  'unknown-actor',
  'unknown-tie-type',
  'unknown-source',
  'unknown-member',
  'members-not-bloc',
  'self-tie',
  'reversed-duplicate',
  'source-text-missing',
  'sha256-mismatch',
  'evidence-drifted',
  'evidence-orphaned',
  'evidence-ambiguous',
  'evidence-context-mismatch',
  'evidence-splits-character',
  'evidence-out-of-range',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

/** One problem in a dataset. */
export interface ValidationIssue {
  /** Where the problem is, as a path into the dataset, e.g. `["ties", 12, "evidence", 0, "exact"]`. */
  readonly path: JsonPath;
  readonly code: IssueCode;
  readonly severity: Severity;
  /** A full sentence saying what is wrong and, where it can, how to mend it. */
  readonly message: string;
  /** For drifted evidence: the offsets at which the quote really stands. */
  readonly fix?: { readonly start: number; readonly end: number } | undefined;
}

/** Counts the errors and warnings in a list of issues. */
export function countIssues(issues: readonly ValidationIssue[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const issue of issues) if (issue.severity === 'error') errors++;
  return { errors, warnings: issues.length - errors };
}

/** Shortens a quote for a message, keeping its start and end. */
export function clip(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ');
  if (flat.length <= max) return flat;
  const half = Math.floor((max - 1) / 2);
  return `${flat.slice(0, half)}…${flat.slice(flat.length - half)}`;
}
