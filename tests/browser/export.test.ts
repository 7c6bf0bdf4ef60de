/**
 * The legend's Export menu, by keyboard and by click: each format is exported, its download
 * captured (the link's click is stubbed, the blob kept), and the file read back and checked.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { ActorGraph } from '../../components/actor-graph/actor-graph.ts';
import type { AgExportDetail } from '../../components/actor-graph/events.ts';
import { collectPageErrors, inside, mountGraph, nextEvent, SEED_URL, unmountAll } from './helpers.ts';

const DATASET_ID = 'easley-2024-axis-of-transactionalism';

/** The downloads started: the link's file name, where the link was, and the blob behind its URL. */
interface Download {
  readonly filename: string;
  readonly root: Node;
  readonly blob: Blob | undefined;
}

const downloads: Download[] = [];
const blobs = new Map<string, Blob>();
const realClick = HTMLAnchorElement.prototype.click;
const realCreate = URL.createObjectURL;
beforeEach(() => {
  downloads.length = 0;
  URL.createObjectURL = (object: Blob | MediaSource) => {
    const url = realCreate.call(URL, object);
    if (object instanceof Blob) blobs.set(url, object);
    return url;
  };
  // The browser is not asked to save anything: the test keeps what it would have saved.
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    if (!this.download) return realClick.call(this);
    downloads.push({ filename: this.download, root: this.getRootNode(), blob: blobs.get(this.href) });
  };
});
afterEach(() => {
  HTMLAnchorElement.prototype.click = realClick;
  URL.createObjectURL = realCreate;
  unmountAll();
});
const pageErrors = collectPageErrors();

function exportMenu(graph: ActorGraph): HTMLDetailsElement {
  const legend = inside(graph, 'ag-tie-legend');
  const details = legend.shadowRoot?.querySelector<HTMLDetailsElement>('details.export');
  if (details === null || details === undefined) throw new Error('no Export menu in the legend');
  return details;
}

const item = (menu: HTMLDetailsElement, format: string) =>
  menu.querySelector(`button[data-format="${format}"]`) as HTMLButtonElement;

/** Clicks a format in the Export menu (opening it first) and waits for its `ag-export`. */
async function exportByClick(graph: ActorGraph, format: string): Promise<{ detail: AgExportDetail; blob: Blob }> {
  const menu = exportMenu(graph);
  if (!menu.open) await userEvent.click(menu.querySelector('summary') as HTMLElement);
  expect(menu.open).toBe(true);
  const exported = nextEvent<AgExportDetail>(graph, 'ag-export', 20_000);
  await userEvent.click(item(menu, format));
  const { detail } = await exported;
  const download = downloads.at(-1);
  expect(download?.filename).toBe(detail.filename);
  expect(download?.blob?.size).toBe(detail.bytes);
  return { detail, blob: download?.blob as Blob };
}

function parseXml(text: string, type: DOMParserSupportedType): Document {
  const doc = new DOMParser().parseFromString(text, type);
  expect(doc.querySelector('parsererror')?.textContent ?? null).toBeNull();
  return doc;
}

/** The width and height a PNG's header gives, after checking its signature. */
async function pngSize(blob: Blob): Promise<{ width: number; height: number }> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(bytes.buffer);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('the Export menu', () => {
  it('opens by keyboard and exports the current view as a PNG at twice its size', async () => {
    const graph = await mountGraph();
    const menu = exportMenu(graph);
    const summary = menu.querySelector('summary') as HTMLElement;
    summary.focus();
    await userEvent.keyboard('{Enter}');
    expect(menu.open).toBe(true);
    await userEvent.keyboard('{Escape}');
    expect(menu.open).toBe(false);
    expect(menu.matches(':focus-within')).toBe(true);

    await userEvent.keyboard('{Enter}');
    await userEvent.tab();
    expect(item(menu, 'png').matches(':focus')).toBe(true);
    const exported = nextEvent<AgExportDetail>(graph, 'ag-export', 20_000);
    await userEvent.keyboard('{Enter}');
    const { detail } = await exported;
    expect(detail).toMatchObject({ format: 'png', filename: `${DATASET_ID}.png` });
    // The menu closes and gives focus back to its summary.
    expect(menu.open).toBe(false);
    expect(summary.matches(':focus')).toBe(true);

    const [download] = downloads;
    expect(download?.root).toBe(graph.shadowRoot);
    expect(document.querySelector('a[download]')).toBeNull();
    const box = inside(graph, '.graph');
    expect(await pngSize(download?.blob as Blob)).toEqual({ width: box.clientWidth * 2, height: box.clientHeight * 2 });
    expect(pageErrors).toEqual([]);
  });

  it('exports the view at twice its size on a zoomed page too, after a click in the graph', async () => {
    const graph = await mountGraph(`src="${SEED_URL}"`, 'width: 900px; zoom: 1.25');
    // A click keeps the graph's box as scaled on screen, for Cytoscape's test of where it lands.
    await userEvent.click(inside(graph, '.graph'), { position: { x: 5, y: 5 } });
    const png = await pngSize((await exportByClick(graph, 'png')).blob);
    const box = inside(graph, '.graph');
    expect(png).toEqual({ width: box.clientWidth * 2, height: box.clientHeight * 2 });
  });

  it('exports by click an SVG of the ties shown, the dataset, GraphML, GEXF and the evidence', async () => {
    const graph = await mountGraph(`src="${SEED_URL}" filter="alliance transaction"`);
    const source = (await (await fetch(SEED_URL)).json()) as {
      ties: { id: string; type: string; status: string; evidence: unknown[] }[];
    };
    const cy = graph.cy;
    const shownTies = cy?.edges().filter((edge) => !edge.hasClass('filtered') && !edge.hasClass('membership')) ?? [];
    expect(shownTies.length).toBe(15);

    const svg = await exportByClick(graph, 'svg');
    expect(svg.detail.filename).toBe(`${DATASET_ID}.svg`);
    expect(svg.blob.type).toBe('image/svg+xml');
    const picture = parseXml(await svg.blob.text(), 'image/svg+xml');
    expect(picture.querySelectorAll('g.actor')).toHaveLength(cy?.nodes().length as number);
    expect([...picture.querySelectorAll('g.tie')].map((g) => g.getAttribute('data-id')).sort()).toEqual(
      shownTies.map((edge) => edge.id()).sort(),
    );
    // Drawn where the widget has its actors.
    const russia = picture.querySelector('g.actor[data-id="RUS"] circle');
    expect(Number(russia?.getAttribute('cx'))).toBeCloseTo(cy?.getElementById('RUS').position().x as number, 1);

    const json = await exportByClick(graph, 'json');
    expect(JSON.parse(await json.blob.text())).toEqual(source);

    const graphml = parseXml(await (await exportByClick(graph, 'graphml')).blob.text(), 'application/xml');
    expect(graphml.getElementsByTagName('node')).toHaveLength(cy?.nodes().length as number);
    expect(graphml.getElementsByTagName('edge')).toHaveLength(source.ties.length);

    const gexf = await exportByClick(graph, 'gexf');
    expect(gexf.detail.filename).toBe(`${DATASET_ID}.gexf`);
    const gexfDoc = parseXml(await gexf.blob.text(), 'application/xml');
    expect(gexfDoc.documentElement.namespaceURI).toBe('http://gexf.net/1.3');
    expect(gexfDoc.getElementsByTagName('edge')).toHaveLength(source.ties.length);
    expect(gexfDoc.getElementsByTagNameNS('http://gexf.net/1.3/viz', 'position')).toHaveLength(cy?.nodes().length as number);

    const jsonld = await exportByClick(graph, 'jsonld');
    expect(jsonld.detail.filename).toBe(`${DATASET_ID}.jsonld`);
    const collection = JSON.parse(await jsonld.blob.text());
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(source.ties.reduce((sum, tie) => sum + tie.evidence.length, 0));
    // Ids are minted under the dataset's own URL.
    expect(collection.id).toBe(`${new URL(SEED_URL, location.href).href}#annotations`);
    // The target is the source's text file beside the dataset; the seed's source has no web page to scope it.
    expect(collection.first.items[0].target.source).toBe(
      new URL('sources/easley-2024-axis-of-transactionalism.txt', new URL(SEED_URL, location.href)).href,
    );
    expect(collection.first.items[0].target.scope).toBeUndefined();
    expect(collection.first.items[0].target.selector.map((selector: { type: string }) => selector.type)).toEqual([
      'TextQuoteSelector',
      'TextPositionSelector',
    ]);
    expect(pageErrors).toEqual([]);
  });

  it('targets the text file the positions count in, resolved against the dataset, with the web page as scope', async () => {
    const graph = await mountGraph('src="/tests/fixtures/valid/sample.json"');
    const collection = JSON.parse(await (await exportByClick(graph, 'jsonld')).blob.text());
    const textUrl = new URL('/tests/fixtures/valid/sample.txt', location.href).href;
    const text = [...(await (await fetch(textUrl)).text())];
    expect(collection.first.items.length).toBeGreaterThan(0);
    for (const { target } of collection.first.items) {
      expect(target).toMatchObject({ type: 'SpecificResource', source: textUrl, scope: 'https://example.org/sample' });
      // The selectors apply to the target itself: the positions cut the quote out of that very file.
      const [byQuote, byPosition] = target.selector;
      expect(text.slice(byPosition.start, byPosition.end).join('')).toBe(byQuote.exact);
    }
    expect(pageErrors).toEqual([]);
  });

  it('exports both panes of the compare view side by side, and no image from the table view', async () => {
    const graph = await mountGraph(`src="${SEED_URL}" view="compare"`);
    const boxes = [...(graph.shadowRoot?.querySelectorAll<HTMLElement>('.pane .graph') ?? [])];
    expect(boxes).toHaveLength(2);
    const png = await pngSize((await exportByClick(graph, 'png')).blob);
    const [left, right] = boxes as [HTMLElement, HTMLElement];
    expect(png.width).toBeGreaterThan((left.clientWidth + right.clientWidth) * 2);
    expect(png.height).toBeGreaterThan(Math.max(left.clientHeight, right.clientHeight) * 2);
    const svg = parseXml(await (await exportByClick(graph, 'svg')).blob.text(), 'image/svg+xml');
    expect(svg.querySelectorAll('g.pane')).toHaveLength(2);
    expect([...svg.querySelectorAll('svg > text')].map((text) => text.textContent)).toEqual([
      'Alliance ties',
      'Transaction ties',
    ]);

    const ready = nextEvent(graph, 'ag-ready');
    graph.view = 'table';
    await ready;
    await graph.updateComplete;
    const menu = exportMenu(graph);
    await (inside(graph, 'ag-tie-legend') as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(item(menu, 'png').disabled).toBe(true);
    expect(item(menu, 'svg').disabled).toBe(true);
    expect(item(menu, 'graphml').disabled).toBe(false);
    const graphml = await exportByClick(graph, 'graphml');
    expect(graphml.detail.bytes).toBeGreaterThan(1000);
    expect(pageErrors).toEqual([]);
  });

  it('says on screen why an export failed, until the next one succeeds', async () => {
    const graph = await mountGraph(`src="${SEED_URL}" view="table"`);
    const alertText = () => graph.shadowRoot?.querySelector('.notice[role="alert"]')?.textContent ?? '';
    // The menu offers no image in the table view; a request that comes anyway cannot be met.
    item(exportMenu(graph), 'png').dispatchEvent(
      new CustomEvent('ag-export-request', { detail: { format: 'png' }, bubbles: true, composed: true }),
    );
    await expect.poll(alertText).toContain('The PNG image (2×) export failed: there is no graph on screen to draw');
    await exportByClick(graph, 'json');
    await graph.updateComplete;
    expect(alertText()).toBe('');
  });
});
