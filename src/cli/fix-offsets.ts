/**
 * Rewrites drifted evidence offsets inside the JSON text itself, touching only the digits of each
 * `start` and `end`, so that the file keeps its indentation, key order and line breaks.
 */
import type { ValidationIssue } from '../validation/issue.ts';
import type { LocatedJson } from '../validation/json-text.ts';

/** The result of planning the fixes for one file. */
export type OffsetFixPlan =
  | { readonly ok: true; readonly text: string; readonly fixed: number }
  | { readonly ok: false; readonly reason: string };

/**
 * Applies every drifted-offset fix to `text`. It refuses when any error is not a drifted offset,
 * since such a file needs a person first.
 */
export function planOffsetFixes(text: string, json: LocatedJson, issues: readonly ValidationIssue[]): OffsetFixPlan {
  const unfixable = issues.filter((issue) => issue.severity === 'error' && issue.fix === undefined);
  if (unfixable.length > 0) {
    return {
      ok: false,
      reason: `it has ${unfixable.length} error${unfixable.length === 1 ? '' : 's'} that --fix-offsets cannot fix; mend ${unfixable.length === 1 ? 'it' : 'them'} first`,
    };
  }
  const edits: { start: number; end: number; value: string }[] = [];
  for (const issue of issues) {
    if (issue.fix === undefined) continue;
    const quotePath = issue.path.slice(0, -1);
    for (const field of ['start', 'end'] as const) {
      const span = json.locate([...quotePath, field]);
      if (span === undefined) return { ok: false, reason: `the "${field}" of a drifted quote could not be found in the file` };
      edits.push({ start: span.start, end: span.end, value: String(issue.fix[field]) });
    }
  }
  let out = text;
  // From the end backwards, so that earlier offsets stay valid while later ones change length.
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.value + out.slice(edit.end);
  }
  return { ok: true, text: out, fixed: edits.length / 2 };
}
