/**
 * `npm run validate -- [--fix-offsets] [FILE...]`: validates datasets and prints a readable report.
 * With no FILE it checks every dataset in `graph-data/`. Exits 0 when no file has errors, 1 when
 * one does, and 2 when the command itself was called wrongly.
 */
import { join, resolve } from 'node:path';
import { summarizeDataset } from '../analysis/summary.ts';
import { countIssues } from '../validation/issue.ts';
import type { JsonPath } from '../validation/json-path.ts';
import type { LocatedJson, TextSpan } from '../validation/json-text.ts';
import { validateDatasetText } from '../validation/validate-text.ts';
import { readArguments } from './arguments.ts';
import { datasetsIn, writeFileOrSayWhy } from './files.ts';
import { planOffsetFixes } from './fix-offsets.ts';
import { displayPath, fileTextLoader, readUtf8File } from './node-text-loader.ts';
import { formatIssue, formatSummary, formatTotals, makePaint } from './report.ts';
import { runCommand } from './run-command.ts';
import { PROJECT_ROOT } from './working-folder.ts';

const USAGE = `Usage: npm run validate -- [--fix-offsets] [FILE...]

Checks actor-graph datasets: their structure, the references between actors, tie types and
ties, and that every evidence quote stands at its offsets in its source text.

  FILE           dataset files to check (default: every dataset in graph-data/)
  --fix-offsets  rewrite drifted quote offsets in place (only in files with no other errors)
  --help         show this help`;

/** Where the value at `path` was written, or its nearest written ancestor (for missing fields). */
function nearestSpan(located: LocatedJson | undefined, path: JsonPath): TextSpan | undefined {
  if (located === undefined || path.length === 0) return undefined;
  for (let depth = path.length; depth > 0; depth--) {
    const span = located.locate(path.slice(0, depth));
    if (span !== undefined) return span;
  }
  return undefined;
}

interface FileResult {
  errors: number;
  warnings: number;
  output: string;
}

async function checkFile(path: string, fixOffsets: boolean, paint: ReturnType<typeof makePaint>): Promise<FileResult> {
  const shown = displayPath(resolve(path));
  // The byte order mark stays in the text, so that a rewrite keeps it.
  const read = await readUtf8File(path, { keepBom: true });
  if (!read.ok) {
    return {
      errors: 1,
      warnings: 0,
      output: `${paint.bold(shown)}\n  ${paint.red('error  ')} ${paint.dim(`[${read.code}]`)}\n          The dataset file ${shown} could not be read: ${read.reason}.`,
    };
  }
  let text = read.text;
  const loader = fileTextLoader(path);
  let report = await validateDatasetText(text, loader);
  const lines: string[] = [paint.bold(shown)];

  if (fixOffsets && report.json !== undefined && report.issues.some((issue) => issue.fix !== undefined)) {
    const plan = planOffsetFixes(text, report.json, report.issues);
    const unwritten = plan.ok ? await writeFileOrSayWhy(path, plan.text) : undefined;
    if (!plan.ok) {
      lines.push(`  ${paint.yellow('not fixed')} The file was left untouched: ${plan.reason}.`);
    } else if (unwritten !== undefined) {
      lines.push(`  ${paint.yellow('not fixed')} The file could not be rewritten (${unwritten}), and is as it was.`);
    } else {
      lines.push(
        `  ${paint.green('fixed  ')} ${plan.fixed} drifted quote offset${plan.fixed === 1 ? '' : 's'} rewritten in place.`,
      );
      text = plan.text;
      report = await validateDatasetText(text, loader);
    }
  }

  for (const issue of report.issues) lines.push(formatIssue(issue, nearestSpan(report.json, issue.path), paint));
  const { errors, warnings } = countIssues(report.issues);
  if (errors === 0 && report.dataset !== undefined) {
    lines.push(`  ${paint.green('valid  ')} ${formatSummary(summarizeDataset(report.dataset))}`);
  }
  return { errors, warnings, output: lines.join('\n') };
}

async function main(argv: string[]): Promise<number> {
  const parsed = readArguments(argv, { 'fix-offsets': { type: 'boolean' } }, USAGE);
  if (typeof parsed === 'number') return parsed;
  const paint = makePaint(process.stdout.isTTY === true && process.env.NO_COLOR === undefined);
  const files = parsed.positionals.length > 0 ? parsed.positionals : await datasetsIn(join(PROJECT_ROOT, 'graph-data'));
  if (files.length === 0) {
    console.error('No dataset to check: graph-data/ holds no .json file, and no FILE was given.');
    return 2;
  }
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    const result = await checkFile(file, parsed.values['fix-offsets'] === true, paint).catch(
      (error: unknown): FileResult => ({
        errors: 1,
        warnings: 0,
        output: `${paint.bold(displayPath(resolve(file)))}\n  ${paint.red('error  ')} It could not be checked: ${error instanceof Error ? error.message : String(error)}.`,
      }),
    );
    errors += result.errors;
    warnings += result.warnings;
    console.log(`${result.output}\n`);
  }
  const totals = formatTotals(files.length, errors, warnings);
  console.log(errors > 0 ? paint.red(totals) : paint.green(totals));
  return errors > 0 ? 1 : 0;
}

runCommand('validate', () => main(process.argv.slice(2)));
