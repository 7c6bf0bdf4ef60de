/** Validation of a dataset given as JSON text, for the CLI: bad JSON is placed by line and column. */

import type { ValidationIssue } from './issue.ts';
import { type LocatedJson, parseJsonText } from './json-text.ts';
import { checkSoundParts } from './sound-parts.ts';
import { memoizeTextLoader, type TextLoader, type ValidationReport, validateDataset } from './validate.ts';

/** What validating JSON text found, with the JSON as written when it parses. */
export interface TextValidationReport extends ValidationReport {
  /**
   * The parsed JSON as the file writes it (no defaults filled in) and where each value stands in
   * the text: what a command that rewrites or places issues needs, without parsing again.
   */
  readonly json?: LocatedJson | undefined;
}

/** Validates a dataset given as JSON text; bad JSON is reported with its line and column. */
export async function validateDatasetText(jsonText: string, loadText: TextLoader): Promise<TextValidationReport> {
  const parsed = parseJsonText(jsonText);
  if (!parsed.ok) {
    const { message, line, column } = parsed.error;
    return {
      issues: [{ path: [], code: 'invalid-json', severity: 'error', message: `${message}, at line ${line}, column ${column}.` }],
      texts: new Map(),
    };
  }
  // JSON.parse keeps the last of a repeated key's values: the others would be lost without a word.
  const repeated: ValidationIssue[] = parsed.json.repeatedKeys.map(({ path, firstLine, line }) => ({
    path,
    code: 'duplicate-key',
    severity: 'error',
    message: `The key "${path.at(-1)}" is written again at line ${line} in this object (first at line ${firstLine}); JSON keeps only its last value, so the others are lost. Merge them, or remove all but one.`,
  }));
  // One loader for both passes below, so that each text is read and hashed once.
  const loader = memoizeTextLoader(loadText);
  const report = await validateDataset(parsed.json.value, loader);
  // Where the structure does not hold, the parts whose structure does are checked further all the
  // same, so that an author mends everything in one round.
  const beyond = report.dataset === undefined ? await checkSoundParts(parsed.json.value, loader) : [];
  return { ...report, issues: [...repeated, ...report.issues, ...beyond], json: parsed.json };
}
