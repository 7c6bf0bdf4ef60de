/** Validation of a dataset given as JSON text, for the CLI: bad JSON is placed by line and column. */
import { parseJsonText } from './json-text.ts';
import { type TextLoader, type ValidationReport, validateDataset } from './validate.ts';

/** Validates a dataset given as JSON text; bad JSON is reported with its line and column. */
export async function validateDatasetText(jsonText: string, loadText: TextLoader): Promise<ValidationReport> {
  const parsed = parseJsonText(jsonText);
  if (!parsed.ok) {
    const { message, line, column } = parsed.error;
    return {
      issues: [{ path: [], code: 'invalid-json', severity: 'error', message: `${message}, at line ${line}, column ${column}.` }],
      texts: new Map(),
    };
  }
  return validateDataset(parsed.json.value, loadText);
}
