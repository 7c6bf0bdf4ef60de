/**
 * `npm run export -- FILE --format graphml|gexf|jsonld|svg|json|png [--out PATH] [--seed N]`: writes
 * a dataset in another format, to a file or to standard output. The SVG and GEXF use the layout
 * frozen into the dataset for the seed, or compute the same seeded layout the widget would; the PNG
 * is drawn by the built widget itself, in headless Chromium (see export-png.ts).
 */
import { resolve } from 'node:path';
import { datasetJson } from '../export/dataset-json.ts';
import type { ExportFormat } from '../export/formats.ts';
import { toGexf } from '../export/gexf.ts';
import { type ExportPositions, toGraphml } from '../export/graphml.ts';
import { toSvg } from '../export/svg.ts';
import { toWebAnnotationJsonLd } from '../export/web-annotation.ts';
import { loadMessages } from '../i18n/index.ts';
import { computeLayout } from '../layout/compute.ts';
import { layoutRequestOf } from '../layout/request.ts';
import { parseSeed } from '../layout/seed.ts';
import type { Dataset } from '../model/schema.ts';
import { buildElements, type ElementDefinition } from '../render/elements.ts';
import { isDatasetTieShown, SHOW_ALL } from '../render/filter.ts';
import { DEFAULT_THEME } from '../render/theme.ts';
import { countIssues } from '../validation/issue.ts';
import { validateDatasetText } from '../validation/validate-text.ts';
import { readArguments } from './arguments.ts';
import { PNG_DEFAULT_SIZE, PNG_VIEWS, type PngView, pngSize, readPngSize } from './export-png-options.ts';
import { writeFileOrSayWhy } from './files.ts';
import { displayPath, fileTextLoader, readUtf8File } from './node-text-loader.ts';
import { shellArgument } from './report.ts';
import { runCommand } from './run-command.ts';

/** The formats of the CLI: all of the widget's. */
const CLI_FORMATS = ['graphml', 'gexf', 'jsonld', 'svg', 'json', 'png'] as const satisfies readonly ExportFormat[];
type CliFormat = (typeof CLI_FORMATS)[number];

const USAGE = `Usage: npm run export -- FILE --format ${CLI_FORMATS.join('|')} [--out PATH] [options]

Writes a valid dataset in another format: GraphML or GEXF for Gephi and Cytoscape desktop, the
evidence as W3C Web Annotation JSON-LD, an SVG picture of the graph, the dataset as JSON, or a
PNG of the widget's view at twice its size, drawn by the built widget (npm run build) in headless
Chromium, exactly as its Export menu saves it.

  --format F      one of ${CLI_FORMATS.join(', ')}
  --out PATH      the file to write (default: standard output; png needs a file)
  --seed N        the layout seed of svg, gexf, graphml and png (default: the dataset's stored
                  layout seed, else 1); stored positions are used when their seed matches
  --lang TAG      the language of actor names and, in a png, the widget's words (e.g. ko)
  --show-absent   svg, png: also draw the ties the text says are absent
  --base IRI      jsonld: the dataset's URL, which annotation ids are minted under and the source
                  texts' paths are resolved against (default: urn:actor-graph:<id>)
  --view V        png: ${PNG_VIEWS.join(' or ')} (default: graph); compare draws both panes side by side
  --width PX      png: the graph's width on the page in CSS pixels, each pane's in compare
                  (default: ${PNG_DEFAULT_SIZE.width}); the image is twice as wide
  --height PX     png: the graph's height on the page in CSS pixels (default: ${PNG_DEFAULT_SIZE.height})
  --help          show this help`;

interface Options {
  readonly format: CliFormat;
  readonly seed: number | undefined;
  readonly lang: string | undefined;
  readonly showAbsent: boolean;
  readonly base: string | undefined;
  readonly view: PngView;
  readonly width: number;
  readonly height: number;
}

/** The positions stored in the dataset for `seed`, when they place every actor. */
function storedPositions(dataset: Dataset, seed: number): ExportPositions | undefined {
  const layout = dataset.layout;
  if (layout === undefined || layout.seed !== seed) return undefined;
  if (!dataset.actors.every((actor) => Object.hasOwn(layout.positions, actor.id))) return undefined;
  return new Map(Object.entries(layout.positions).map(([id, [x, y]]) => [id, { x, y }]));
}

/** Where the actors stand: the stored layout for the seed, or else the layout of `elements` (built when not given). */
async function positionsOf(dataset: Dataset, options: Options, elements?: ElementDefinition[]): Promise<ExportPositions> {
  const seed = options.seed ?? dataset.layout?.seed ?? 1;
  const stored = storedPositions(dataset, seed);
  if (stored !== undefined) return stored;
  // Labels take room in the layout, so it is computed with the labels the widget would show.
  const request = layoutRequestOf(elements ?? buildElements(dataset, options.lang), seed, DEFAULT_THEME.fontSize);
  const computed = await computeLayout(request);
  return new Map(computed.map(([id, x, y]) => [id, { x, y }]));
}

async function render(
  path: string,
  dataset: Dataset,
  texts: ReadonlyMap<string, string>,
  options: Options,
): Promise<string | Uint8Array> {
  // The words of the graph's labels (an absent tie's) in that language.
  await loadMessages(options.lang);
  switch (options.format) {
    case 'png': {
      // Loaded only here: the other formats need no browser.
      const { renderPng } = await import('./export-png.ts');
      // The seed the SVG would use too: a stored layout is the dataset's own picture.
      return renderPng(path, dataset, { ...options, seed: options.seed ?? dataset.layout?.seed });
    }
    case 'json':
      return datasetJson(dataset);
    case 'jsonld':
      return toWebAnnotationJsonLd(dataset, { texts, base: options.base });
    case 'graphml':
      return toGraphml(dataset, { lang: options.lang, positions: await positionsOf(dataset, options) });
    case 'gexf':
      return toGexf(dataset, { lang: options.lang, positions: await positionsOf(dataset, options) });
    case 'svg': {
      const filter = { ...SHOW_ALL, showAbsent: options.showAbsent };
      const shownTies = new Set(dataset.ties.filter((tie) => isDatasetTieShown(dataset, tie, filter)).map((tie) => tie.id));
      const elements = buildElements(dataset, options.lang);
      const positions = await positionsOf(dataset, options, elements);
      return toSvg([{ elements, positions, shownTies }], { title: dataset.title });
    }
  }
}

async function exportFile(path: string, out: string | undefined, options: Options): Promise<number> {
  const shown = displayPath(resolve(path));
  const read = await readUtf8File(path);
  if (!read.ok) {
    console.error(`${shown}: could not be read: ${read.reason}.`);
    return 1;
  }
  const text = read.text;
  if (options.format === 'png') {
    // No built widget or no browser: said before the dataset is read through.
    const { pngBrowser } = await import('./export-png.ts');
    try {
      await pngBrowser();
    } catch (error) {
      console.error(error instanceof Error ? error.message : String(error));
      return 1;
    }
  }
  const report = await validateDatasetText(text, fileTextLoader(path));
  const { errors } = countIssues(report.issues);
  if (report.dataset === undefined || errors > 0) {
    console.error(
      `${shown}: has ${errors} error${errors === 1 ? '' : 's'}; run npm run validate -- ${shellArgument(shown)} to see them, and mend them first.`,
    );
    return 1;
  }
  let output: string | Uint8Array;
  try {
    output = await render(path, report.dataset, report.texts, options);
  } catch (error) {
    // Only the PNG can fail here: the browser, the page or the widget.
    if (options.format !== 'png') throw error;
    console.error(`${shown}: no PNG was made: ${error instanceof Error ? error.message : String(error)}.`);
    return 1;
  }
  if (out === undefined) {
    process.stdout.write(output);
    return 0;
  }
  const unwritten = await writeFileOrSayWhy(out, output);
  if (unwritten !== undefined) {
    console.error(`${displayPath(resolve(out))}: could not be written: ${unwritten}.`);
    return 1;
  }
  const bytes = typeof output === 'string' ? Buffer.byteLength(output, 'utf8') : output.byteLength;
  const size = typeof output === 'string' ? '' : `${pngSize(output)}, `;
  console.error(`${shown}: wrote ${displayPath(resolve(out))} (${options.format}, ${size}${bytes.toLocaleString('en')} bytes).`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const spec = {
    format: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string' },
    lang: { type: 'string' },
    base: { type: 'string' },
    'show-absent': { type: 'boolean' },
    view: { type: 'string' },
    width: { type: 'string' },
    height: { type: 'string' },
  } as const;
  const parsed = readArguments(argv, spec, USAGE);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    console.error(`${positionals.length === 0 ? 'No dataset FILE was given' : 'Give one dataset FILE at a time'}.\n\n${USAGE}`);
    return 2;
  }
  const format = values.format;
  if (format === undefined || !(CLI_FORMATS as readonly string[]).includes(format)) {
    console.error(
      format === undefined
        ? `--format is missing: give one of ${CLI_FORMATS.join(', ')}.`
        : `--format must be one of ${CLI_FORMATS.join(', ')}, not "${format}".`,
    );
    return 2;
  }
  if (values.seed !== undefined && !/^\d+$/.test(values.seed)) {
    console.error(`--seed must be a whole number, not "${values.seed}".`);
    return 2;
  }
  if (format === 'png' && values.out === undefined) {
    console.error(
      '--out is missing: a PNG is binary, so it is written to a file, not to standard output (e.g. --out graph.png).',
    );
    return 2;
  }
  const view = values.view ?? 'graph';
  if (!(PNG_VIEWS as readonly string[]).includes(view)) {
    console.error(`--view must be ${PNG_VIEWS.join(' or ')}, not "${view}" (the table view has no picture).`);
    return 2;
  }
  const width = readPngSize('--width', values.width, PNG_DEFAULT_SIZE.width);
  const height = readPngSize('--height', values.height, PNG_DEFAULT_SIZE.height);
  if (width === undefined || height === undefined) return 2;
  if (values.base !== undefined && !/^[A-Za-z][A-Za-z0-9+.-]*:[^\s#]+$/.test(values.base)) {
    console.error(
      `--base must be an absolute IRI without spaces or a fragment (such as https://example.org/data.json), not "${values.base}".`,
    );
    return 2;
  }
  return exportFile(positionals[0] as string, values.out, {
    format: format as CliFormat,
    seed: values.seed === undefined ? undefined : parseSeed(values.seed),
    lang: values.lang,
    showAbsent: values['show-absent'] === true,
    base: values.base,
    view: view as PngView,
    width,
    height,
  });
}

runCommand('export', () => main(process.argv.slice(2)));
