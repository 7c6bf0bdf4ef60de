/**
 * `npm run bench [-- --json] [--runs N] [--sizes 25,300,1000] [--webgl 3000] [--against REF]`:
 * measures the widget against the floor (bare Cytoscape + fcose) in headless Chromium, on pages
 * served from 127.0.0.1, and prints the medians as a table (or JSON). The graphs of the `--webgl`
 * sizes (default 3000; empty for none) are measured again with Cytoscape's WebGL renderer on both
 * sides. With `--against REF`, the baseline is the widget as built at commit REF instead of the
 * floor: the two run in turn, so that a change is measured under the same conditions as what it
 * changes.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize } from 'node:path';
import { parseArgs } from 'node:util';
import { type Browser, chromium, type Page } from 'playwright-core';
import { qualityFor } from '../../src/layout/request.ts';
import type { Dataset } from '../../src/model/schema.ts';
import { buildElements } from '../../src/render/elements.ts';
import { CHROMIUM_ARGS, ensureChromium } from '../setup/chromium.ts';
import { buildAgainst } from './build-against.ts';
import { buildFloor } from './build-floor.ts';
import { syntheticDataset, withSha256 } from './generate.ts';
import { articlePage, EMPTY_MODULE, floorPage, widgetPage } from './pages.ts';

const DATA = 'node_modules/.bench/data';
const SEED = 'graph-data/easley-2024-axis-of-transactionalism.json';

interface Case {
  readonly name: string;
  readonly nodes: number;
  readonly datasetUrl: string;
  readonly elementsUrl: string;
  readonly quality: string;
  /** The floor page skips its layout, as the widget does with a stored layout. */
  readonly storedLayout: boolean;
  /** Both pages draw with Cytoscape's WebGL renderer (the widget by its `renderer` attribute). */
  readonly webgl?: boolean;
}

interface Sample {
  ready: number;
  longest: number;
  click: number;
  /** From the press to the selection drawn on the graph (the floor's click draws only that). */
  clickGraph: number;
  heap: number;
  fps?: number;
  error?: string;
}

function writeCase(name: string, dataset: Dataset, text: string, storedLayout = false): Case {
  const file = `${name}.json`;
  writeFileSync(join(DATA, file), JSON.stringify(dataset));
  const textPath = join(DATA, dataset.sources[0]?.text ?? 'missing.txt');
  mkdirSync(dirname(textPath), { recursive: true });
  writeFileSync(textPath, text);
  const elements = buildElements(dataset).map((element) => ({
    group: element.group,
    data: element.data,
    ...(storedLayout && element.group === 'nodes' && dataset.layout !== undefined
      ? {
          position: {
            x: dataset.layout.positions[element.data.id]?.[0] ?? 0,
            y: dataset.layout.positions[element.data.id]?.[1] ?? 0,
          },
        }
      : {}),
  }));
  writeFileSync(join(DATA, `${name}.elements.json`), JSON.stringify(elements));
  const nodes = elements.filter((element) => element.group === 'nodes').length;
  return {
    name,
    nodes,
    datasetUrl: `/data/${file}`,
    elementsUrl: `/data/${name}.elements.json`,
    quality: qualityFor(nodes),
    storedLayout,
  };
}

/**
 * The graphs to measure: the seed dataset (with and without its stored layout), a synthetic graph
 * of each of `sizes` actors, and those of `webglSizes` drawn with Cytoscape's WebGL renderer too.
 */
export async function prepareCases(sizes: number[], webglSizes: readonly number[] = []): Promise<Case[]> {
  mkdirSync(DATA, { recursive: true });
  const seed = JSON.parse(readFileSync(SEED, 'utf8')) as Dataset;
  const seedText = readFileSync('graph-data/sources/easley-2024-axis-of-transactionalism.txt', 'utf8');
  const { layout: _stored, ...seedWithoutLayout } = seed;
  const cases = [
    writeCase('seed-stored-layout', seed, seedText, true),
    writeCase('seed', seedWithoutLayout as Dataset, seedText),
  ];
  for (const size of sizes) {
    const { dataset, text } = await withSha256(syntheticDataset({ actors: size, seed: 1 }));
    const named = { ...dataset, sources: dataset.sources.map((source) => ({ ...source, text: `synthetic-${size}.txt` })) };
    const drawn = writeCase(`synthetic-${size}`, named as Dataset, text);
    cases.push(drawn);
    if (webglSizes.includes(size)) cases.push({ ...drawn, name: `${drawn.name} webgl`, webgl: true });
  }
  return cases;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

/** What a run compares the widget with: the floor, or the widget built at another commit. */
type Baseline = 'floor' | 'against';
type Kind = 'widget' | Baseline;

/** Which page a kind loads: the widget's (built now or at another commit), or the floor's. */
function pageKind(kind: Kind): 'widget' | 'floor' {
  return kind === 'floor' ? 'floor' : 'widget';
}

/** Serves the pages, the builds and the data; `againstDist` is the dist/ of `--against`, if any. */
export function serve(againstDist?: string): Promise<Server> {
  const roots: Record<string, string> = {
    dist: 'dist',
    floor: 'node_modules/.bench/floor',
    data: DATA,
    ...(againstDist === undefined ? {} : { against: againstDist }),
  };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, type: string, body: string | Buffer) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    const webgl = url.searchParams.get('renderer') === 'webgl';
    if (url.pathname === '/page/widget') {
      const bundle = url.searchParams.get('build') === 'against' ? '/against/actor-graph.js' : undefined;
      return send(200, 'text/html', widgetPage(url.searchParams.get('src') ?? '', bundle, webgl));
    }
    if (url.pathname === '/page/floor') {
      const page = floorPage(
        url.searchParams.get('elements') ?? '',
        url.searchParams.get('quality') ?? 'default',
        url.searchParams.get('stored') === '1',
        webgl,
      );
      return send(200, 'text/html', page);
    }
    if (url.pathname === '/page/article') {
      const count = Number(url.searchParams.get('count'));
      const script = url.searchParams.get('script') === 'empty' ? '/page/empty.js' : undefined;
      const embed = url.searchParams.get('embed') === 'snippet' ? 'snippet' : 'tag';
      return send(200, 'text/html', articlePage(count, '/data/seed.json', script, embed));
    }
    if (url.pathname === '/page/blank') return send(200, 'text/html', '<!doctype html><title>bench: blank</title>');
    if (url.pathname === '/page/empty.js') return send(200, 'text/javascript', EMPTY_MODULE);
    const [, root, ...rest] = url.pathname.split('/');
    const folder = roots[root ?? ''];
    const relative = normalize(rest.join('/'));
    if (folder === undefined || relative.startsWith('..')) return send(404, 'text/plain', 'not found');
    try {
      return send(200, TYPES[extname(relative)] ?? 'application/octet-stream', readFileSync(join(folder, relative)));
    } catch {
      return send(404, 'text/plain', 'not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

async function heapOf(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
  await session.detach();
  return usedSize;
}

/**
 * Pans as a reader does, by dragging the background with the mouse (Cytoscape treats that
 * differently from a programmatic pan), and counts the frames painted meanwhile.
 */
async function dragToPan(page: Page, kind: Kind): Promise<void> {
  // The point of the view farthest from any actor, so that the drag grabs the background.
  const from = await page.evaluate((kind) => {
    const w = window as unknown as {
      __graph?: { cy: import('cytoscape').Core; shadowRoot: ShadowRoot };
      __cy?: import('cytoscape').Core;
    };
    const cy = kind === 'widget' ? w.__graph?.cy : w.__cy;
    const target = kind === 'widget' ? w.__graph?.shadowRoot.querySelector('.graph') : document.getElementById('cy');
    if (cy === undefined || target === null || target === undefined) return undefined;
    const box = target.getBoundingClientRect();
    const points = cy.nodes().map((node) => node.renderedPosition());
    let best = { x: box.width / 2, y: box.height / 2, gap: -1 };
    for (let x = 40; x < box.width - 40; x += 12) {
      for (let y = 40; y < box.height - 40; y += 12) {
        let gap = Number.POSITIVE_INFINITY;
        for (const p of points) gap = Math.min(gap, Math.hypot(p.x - x, p.y - y));
        if (gap > best.gap) best = { x, y, gap };
      }
    }
    return { x: box.left + best.x, y: box.top + best.y };
  }, pageKind(kind));
  if (from === undefined) return;
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.evaluate(() => {
    const w = window as unknown as { __countFrames(): () => void; __stopCounting?: () => void };
    w.__stopCounting = w.__countFrames();
  });
  for (let i = 1; i <= 60; i++) await page.mouse.move(from.x + 30 * Math.sin(i / 6), from.y + 20 * Math.cos(i / 6));
  await page.evaluate(() => (window as unknown as { __stopCounting(): void }).__stopCounting());
  await page.mouse.up();
}

async function measure(page: Page, url: string, kind: Kind, nodes: number): Promise<Sample> {
  await page.goto(url);
  const timeout = 30_000 + nodes * 60;
  await page.waitForFunction(
    () =>
      (window as unknown as { __bench: { ready?: number; error?: string } }).__bench?.ready !== undefined ||
      (window as unknown as { __bench: { error?: string } }).__bench?.error !== undefined,
    null,
    { timeout },
  );
  const error = await page.evaluate(() => (window as unknown as { __bench: { error?: string } }).__bench.error);
  if (error !== undefined)
    return { ready: Number.NaN, longest: Number.NaN, click: Number.NaN, clickGraph: Number.NaN, heap: Number.NaN, error };
  // Click the best-connected actor, where a reader would.
  const at = await page.evaluate((kind) => {
    const w = window as unknown as {
      __graph?: { cy: import('cytoscape').Core; shadowRoot: ShadowRoot };
      __cy?: import('cytoscape').Core;
    };
    const cy = kind === 'widget' ? w.__graph?.cy : w.__cy;
    if (cy === undefined) return undefined;
    const target = kind === 'widget' ? w.__graph?.shadowRoot.querySelector('.graph') : document.getElementById('cy');
    if (target === null || target === undefined) return undefined;
    const box = target.getBoundingClientRect();
    const inside = cy.nodes().filter((node) => {
      const p = node.renderedPosition();
      return p.x > 10 && p.y > 10 && p.x < box.width - 60 && p.y < box.height - 60;
    });
    const node = inside.max((candidate) => (candidate as import('cytoscape').NodeSingular).degree(false)).ele;
    const p = node.renderedPosition();
    return { x: box.left + p.x, y: box.top + p.y };
  }, pageKind(kind));
  if (at !== undefined) {
    // The pointer rests on the actor first, as a reader's does before clicking: the hover's own
    // repaint is not part of the click.
    await page.mouse.move(at.x, at.y);
    await page.waitForTimeout(400);
    await page.mouse.down();
    await page.mouse.up();
    await page
      .waitForFunction(
        () => {
          const bench = (window as unknown as { __bench: { click?: number; clickGraph?: number } }).__bench;
          return bench.click !== undefined && bench.clickGraph !== undefined;
        },
        null,
        { timeout: 20_000 },
      )
      .catch(() => undefined);
  }
  if (nodes >= 3000) await dragToPan(page, kind);
  const bench = await page.evaluate(() => (window as unknown as { __bench: Sample }).__bench);
  return {
    ready: bench.ready,
    longest: bench.longest,
    click: bench.click ?? Number.NaN,
    clickGraph: bench.clickGraph ?? Number.NaN,
    heap: await heapOf(page),
    ...(bench.fps === undefined ? {} : { fps: bench.fps }),
  };
}

/**
 * How many times each article page loads per run of the graphs: a load event of some tens of
 * milliseconds varies by a third from load to load here, and a load costs well under a second.
 */
const PAGE_LOAD_RUNS_PER_RUN = 12;

/**
 * How long the tab rests on a blank page before each article loads: long enough for the previous
 * article's widgets to be gone, so that no load pays for the one before it.
 */
const PAGE_LOAD_REST_MS = 300;

/**
 * The article pages of the page-load comparison, by name: their query strings. `noneAgain` is the
 * very same page as `none` under another name: the gap between the two is the measure's own noise.
 */
const ARTICLES = {
  none: 'count=0',
  noneAgain: 'count=0&again=1',
  emptyScript: 'count=0&script=empty',
  ten: 'count=10',
  tenSnippet: 'count=10&embed=snippet',
} as const;
/** A page's load event over its loads: the median, and the mean of the middle half. */
interface LoadFigure {
  readonly median: number;
  readonly interquartileMean: number;
}
type PageLoad = Record<keyof typeof ARTICLES, LoadFigure>;

/**
 * The mean of the middle half of `values`. The load event's times here have a long tail and more
 * than one mode, between which the median of the same pages jumps by several per cent from run to
 * run; the middle half's mean, given beside it, does not depend on which mode the median falls in
 * (see "The load event with the loader snippet" in NOTES.md).
 */
function interquartileMean(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const quarter = Math.floor(sorted.length / 4);
  const middle = sorted.slice(quarter, sorted.length - quarter);
  return middle.reduce((sum, value) => sum + value, 0) / middle.length;
}

/**
 * The article alone (twice, under two names), with a module script that does nothing, and with
 * ten widgets (by a script tag, and by the loader snippet): the load event over `runs` loads of
 * each. The pages take turns in a new random order each run, all in one tab, which rests on a
 * blank page of the same origin before each load. A new tab for each load would start a renderer
 * process each time, whose start (40 to 120 ms here) varies far more than what the pages differ
 * by: there the same page came out up to 13% apart from itself over 60 loads each. A load that
 * fails stops the comparison, naming the page.
 */
async function measurePageLoad(browser: Browser, origin: string, runs: number): Promise<PageLoad> {
  const names = Object.keys(ARTICLES) as (keyof typeof ARTICLES)[];
  const loads = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<keyof typeof ARTICLES, number[]>;
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const visit = async (url: string) => {
    const response = await page.goto(url, { waitUntil: 'load' });
    if (response?.ok() !== true) throw new Error(`${url}: HTTP ${response?.status() ?? 'no response'}`);
  };
  try {
    for (let run = 0; run < runs; run++) {
      const order = names.map((name) => ({ name, key: Math.random() })).sort((a, b) => a.key - b.key);
      for (const { name } of order) {
        await visit(`${origin}/page/blank`);
        await page.waitForTimeout(PAGE_LOAD_REST_MS);
        await visit(`${origin}/page/article?${ARTICLES[name]}`);
        const load = await page.evaluate(
          () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
        );
        if (!(load > 0)) throw new Error(`the article "${name}" gave no load event time (${load})`);
        loads[name].push(load);
      }
    }
  } finally {
    await page.close();
  }
  return Object.fromEntries(
    names.map((name) => [name, { median: median(loads[name]), interquartileMean: interquartileMean(loads[name]) }]),
  ) as PageLoad;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean' },
      runs: { type: 'string' },
      sizes: { type: 'string' },
      webgl: { type: 'string' },
      against: { type: 'string' },
    },
  });
  const runs = Number(values.runs ?? 5);
  const sizes = (values.sizes ?? '25,300,1000,3000,10000').split(',').map(Number);
  // WebGL in software draws 3,000 actors at a few frames a second here, and 10,000 at about one.
  const webglSizes =
    values.webgl === undefined ? sizes.filter((size) => size === 3000) : values.webgl.split(',').filter(Boolean).map(Number);
  const notMeasured = webglSizes.filter((size) => !sizes.includes(size));
  if (notMeasured.length > 0) throw new Error(`--webgl ${notMeasured.join(',')}: not among the --sizes (${sizes.join(',')})`);
  const log = values.json ? (...args: unknown[]) => console.error(...args) : (...args: unknown[]) => console.log(...args);
  log('Building the widget and the floor…');
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'ignore' });
  buildFloor();
  const against = values.against === undefined ? undefined : buildAgainst(values.against);
  const baseline: Baseline = against === undefined ? 'floor' : 'against';
  if (against !== undefined)
    log(`Measuring against ${values.against} (${against.commit.slice(0, 12)}), built at ${against.dist}`);
  const cases = await prepareCases(sizes, webglSizes);
  const server = await serve(against?.dist);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
  const results: Record<string, { widget: Record<string, number>; base: Record<string, number> }> = {};
  try {
    for (const item of cases) {
      const figures: Record<'widget' | Baseline, Sample[]> = { widget: [], floor: [], against: [] };
      for (let run = 0; run < runs; run++) {
        // Against another build, the two take turns going first: neither always meets a warmer machine.
        const order: Kind[] = baseline === 'against' && run % 2 === 1 ? ['widget', baseline] : [baseline, 'widget'];
        for (const kind of order) {
          const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
          const renderer = item.webgl === true ? '&renderer=webgl' : '';
          const widgetUrl = `${origin}/page/widget?src=${encodeURIComponent(item.datasetUrl)}${renderer}`;
          const url =
            kind === 'widget'
              ? widgetUrl
              : kind === 'against'
                ? `${widgetUrl}&build=against`
                : `${origin}/page/floor?elements=${encodeURIComponent(item.elementsUrl)}&quality=${item.quality}&stored=${item.storedLayout ? 1 : 0}${renderer}`;
          const sample = await measure(page, url, kind, item.nodes);
          if (sample.error !== undefined) throw new Error(`${item.name} (${kind}): ${sample.error}`);
          figures[kind].push(sample);
          await page.close();
        }
      }
      const summary = (samples: Sample[]) => ({
        ready: median(samples.map((s) => s.ready)),
        longest: median(samples.map((s) => s.longest)),
        click: median(samples.map((s) => s.click)),
        clickGraph: median(samples.map((s) => s.clickGraph)),
        heapMB: median(samples.map((s) => s.heap)) / 1048576,
        ...(samples[0]?.fps === undefined ? {} : { fps: median(samples.map((s) => s.fps ?? 0)) }),
      });
      const name = `${item.name} (${item.nodes} nodes)`;
      results[name] = { widget: summary(figures.widget), base: summary(figures[baseline]) };
      log(`  ${item.name}: done`);
    }
    // Against another build, only the graphs are compared.
    let pageLoad: PageLoad | undefined;
    let pageLoadError: string | undefined;
    try {
      if (baseline === 'floor') pageLoad = await measurePageLoad(browser, origin, runs * PAGE_LOAD_RUNS_PER_RUN);
    } catch (error) {
      // The graphs' figures, which took most of the run, are still given, and the failure after them.
      pageLoadError = `The page load comparison failed: ${error instanceof Error ? error.message : String(error)}`;
      process.exitCode = 1;
    }
    if (values.json) {
      const compared =
        against === undefined
          ? { pageLoad: pageLoad ?? null, ...(pageLoadError === undefined ? {} : { pageLoadError }) }
          : { against: { ref: values.against, commit: against.commit } };
      // The baseline's figures go under its name: `floor`, or `against`.
      const named = Object.fromEntries(
        Object.entries(results).map(([name, { widget, base }]) => [name, { widget, [baseline]: base }]),
      );
      console.log(JSON.stringify({ date: new Date().toISOString(), runs, results: named, ...compared }, null, 2));
      if (pageLoadError !== undefined) console.error(pageLoadError);
      return;
    }
    const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
    const baselineName = against === undefined ? 'floor' : values.against;
    console.log(`\nMedians of ${runs} runs (widget / ${baselineName} = ratio)\n`);
    console.log(
      row([
        'graph',
        'first complete render (ms)',
        'longest task (ms)',
        'click to panel (ms)',
        'click to selection drawn (ms)',
        'JS heap (MB)',
        'pan (fps)',
      ]),
    );
    console.log(row(['---', '---', '---', '---', '---', '---', '---']));
    const cell = (w: number | undefined, f: number | undefined, digits = 0) =>
      w === undefined || f === undefined ? '' : `${w.toFixed(digits)} / ${f.toFixed(digits)} = ${(w / f).toFixed(2)}`;
    for (const [name, { widget, base }] of Object.entries(results)) {
      console.log(
        row([
          name,
          cell(widget.ready, base.ready),
          cell(widget.longest, base.longest),
          cell(widget.click, base.click),
          cell(widget.clickGraph, base.clickGraph),
          cell(widget.heapMB, base.heapMB, 1),
          cell(widget.fps, base.fps),
        ]),
      );
    }
    if (pageLoadError !== undefined) console.error(`\n${pageLoadError}`);
    if (pageLoad === undefined) return;
    const loads = runs * PAGE_LOAD_RUNS_PER_RUN;
    for (const figure of ['median', 'interquartileMean'] as const) {
      const of = (name: keyof PageLoad) => pageLoad[name][figure];
      const over = (name: keyof PageLoad) => `${((of(name) / of('none') - 1) * 100).toFixed(1)}% over none`;
      const heading = figure === 'median' ? `medians of ${loads} loads` : `means of the middle half of ${loads} loads`;
      console.log(
        `\nPage load event (${heading}): ${of('none').toFixed(1)} ms with no widget (${of('noneAgain').toFixed(1)} for the same page again, ${over('noneAgain')}: the measure's noise), ${of('emptyScript').toFixed(1)} ms with an empty module script and no widget (${over('emptyScript')}), ${of('ten').toFixed(1)} ms with 10 widgets and the script tag (${over('ten')}), ${of('tenSnippet').toFixed(1)} ms with 10 widgets and the loader snippet (${over('tenSnippet')}).`,
      );
    }
  } finally {
    await browser.close();
    server.close();
  }
}

// Run only as a command: the profiler imports the pages and the server from here.
if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(`bench stopped: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
