/** Checks the shape of a dataset against the schema. */
import * as v from 'valibot';
import { DatasetSchema } from '../model/schema.ts';
import type { ValidationIssue } from './issue.ts';

/** Checks the shape of a dataset against the schema and reports every mismatch. */
export async function checkStructure(
  input: unknown,
): Promise<{ ok: true; dataset: v.InferOutput<typeof DatasetSchema> } | { ok: false; issues: ValidationIssue[] }> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    const message = 'The dataset must be a JSON object, with "sources", "actors", "tieTypes" and "ties".';
    return { ok: false, issues: [{ path: [], code: 'schema', severity: 'error', message }] };
  }
  const result = v.safeParse(DatasetSchema, input, { abortEarly: false, abortPipeEarly: true });
  if (result.success) return { ok: true, dataset: result.output };
  const { toIssues } = await import('./schema-issues.ts');
  return { ok: false, issues: toIssues(result.issues) };
}
