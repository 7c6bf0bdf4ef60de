/**
 * `npm run layout -- [--seed N] FILE...`: freezes seeded fcose positions into each dataset, so
 * that the widget draws it with no layout work at all. The positions are the ones the widget
 * would compute itself for the same seed.
 */
import { computeLayout } from '../layout/compute.ts';
import { layoutRequestOf } from '../layout/request.ts';
import { parseSeed } from '../layout/seed.ts';
import { buildElements } from '../render/elements.ts';
import { DEFAULT_THEME } from '../render/theme.ts';
import { countIssues } from '../validation/issue.ts';
import { validateDatasetText } from '../validation/validate-text.ts';
import { readArguments } from './arguments.ts';
import { formatJsonLike, writeFileOrSayWhy } from './files.ts';
import { displayPath, fileTextLoader, readUtf8File } from './node-text-loader.ts';
import { shellArgument } from './report.ts';
import { runCommand } from './run-command.ts';

const USAGE = `Usage: npm run layout -- [--seed N] FILE...

Computes the seeded layout of each dataset and stores it in the file, under "layout", so that
the widget shows the graph at once. The widget uses the stored positions when its layout-seed
is the same as the seed stored (1 unless --seed says otherwise).`;

async function layOutFile(path: string, seed: number | undefined): Promise<boolean> {
  const shown = displayPath(path);
  const read = await readUtf8File(path, { keepBom: true });
  if (!read.ok) {
    console.error(`${shown}: could not be read: ${read.reason}.`);
    return false;
  }
  const text = read.text;
  const report = await validateDatasetText(text, fileTextLoader(path));
  const { errors } = countIssues(report.issues);
  if (report.dataset === undefined || report.json === undefined || errors > 0) {
    console.error(
      `${shown}: has ${errors} error${errors === 1 ? '' : 's'}; run npm run validate -- ${shellArgument(shown)} and mend them first.`,
    );
    return false;
  }
  const dataset = report.dataset;
  const layoutSeed = seed ?? dataset.layout?.seed ?? 1;
  const started = performance.now();
  const positions = await computeLayout(layoutRequestOf(buildElements(dataset), layoutSeed, DEFAULT_THEME.fontSize));
  const elapsed = Math.round(performance.now() - started);
  const round = (value: number) => Math.round(value * 10) / 10;
  const layout = { seed: layoutSeed, positions: Object.fromEntries(positions.map(([id, x, y]) => [id, [round(x), round(y)]])) };
  const json = report.json.value as Record<string, unknown>;
  json.layout = layout;
  const unwritten = await writeFileOrSayWhy(path, formatJsonLike(text, json));
  if (unwritten !== undefined) {
    console.error(`${shown}: could not be rewritten with its layout: ${unwritten}. The file is as it was.`);
    return false;
  }
  console.log(
    `${shown}: laid out ${positions.length} actors with seed ${layoutSeed} in ${elapsed} ms; positions stored under "layout".`,
  );
  return true;
}

async function main(): Promise<number> {
  const parsed = readArguments(process.argv.slice(2), { seed: { type: 'string' } }, USAGE);
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length === 0) {
    console.error(`Name the dataset files to lay out.\n\n${USAGE}`);
    return 2;
  }
  const seedText = parsed.values.seed;
  if (seedText !== undefined && !/^\d+$/.test(seedText)) {
    console.error(`--seed must be a whole number, not "${seedText}".`);
    return 2;
  }
  const seed = seedText === undefined ? undefined : parseSeed(seedText);
  let ok = true;
  for (const file of parsed.positionals) ok = (await layOutFile(file, seed)) && ok;
  return ok ? 0 : 1;
}

runCommand('layout', main);
