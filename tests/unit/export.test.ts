/**
 * The exporters, read back: GraphML and GEXF with an XML parser (and its validator), the Web
 * Annotation JSON-LD against the W3C model's field names and the source text, the SVG as XML with
 * one element per shown actor and tie, and the CLI as a process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileTextLoader } from '../../src/cli/node-text-loader.ts';
import { toGexf } from '../../src/export/gexf.ts';
import { toGraphml } from '../../src/export/graphml.ts';
import { toSvg, wrapLabel } from '../../src/export/svg.ts';
import { type Annotation, codePointOffset, webAnnotationsOf } from '../../src/export/web-annotation.ts';
import { escapeXmlAttr, escapeXmlText, xmlSafe } from '../../src/export/xml.ts';
import { loadMessages } from '../../src/i18n/index.ts';
import { type Dataset, DatasetSchema } from '../../src/model/schema.ts';
import { buildElements, tieTitle } from '../../src/render/elements.ts';
import { validateDatasetText } from '../../src/validation/validate-text.ts';
import { fixture } from './helpers.ts';

const SEED = 'graph-data/easley-2024-axis-of-transactionalism.json';

let seed: Dataset;
let texts: ReadonlyMap<string, string>;
beforeAll(async () => {
  const report = await validateDatasetText(readFileSync(SEED, 'utf8'), fileTextLoader(SEED));
  expect(report.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  seed = report.dataset as Dataset;
  texts = report.texts;
});

/** Attributes keep their prefix; repeated elements are always arrays, even with one item. */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  // Numeric character references (&#13;) are plain XML; this parser decodes them only with this on.
  htmlEntities: true,
  isArray: (name) =>
    [
      'key',
      'node',
      'edge',
      'data',
      'attribute',
      'attributes',
      'attvalue',
      'g',
      'tspan',
      'circle',
      'polygon',
      'rect',
      'path',
      'text',
    ].includes(name),
});

type XmlNode = Record<string, unknown>;
const list = (value: unknown) => (value ?? []) as XmlNode[];
const attr = (node: XmlNode | undefined, name: string) => node?.[`@${name}`] as string | undefined;
/** The text of an element that may also carry attributes. */
const textOf = (node: unknown) =>
  typeof node === 'object' && node !== null ? ((node as XmlNode)['#text'] as string) : String(node);

function parseXml(xml: string): XmlNode {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as XmlNode;
}

/** A dataset whose every free-text field holds markup characters, control characters and Korean. */
const HOSTILE = `<b>"Kim" & 'co'</b> ]]> \u0001\u0008\u000b\u001f\uFFFE 북한 \ud800 tab\there\r\nline`;
function hostileDataset(): Dataset {
  const input = fixture();
  input.title = HOSTILE;
  const [first] = input.actors;
  if (first !== undefined) {
    first.name = HOSTILE;
    first.aliases = [HOSTILE, 'Atlantis'];
    first.names = { ko: HOSTILE };
  }
  const [type] = input.tieTypes;
  if (type !== undefined) type.label = HOSTILE;
  const [tie] = input.ties;
  if (tie !== undefined) tie.note = HOSTILE;
  return v.parse(DatasetSchema, input);
}

/** What survives into XML: the characters XML forbids become U+FFFD; the rest, escapes and all, comes back as it was. */
const HOSTILE_BACK = xmlSafe(HOSTILE);

describe('XML escaping', () => {
  it('replaces only the characters XML 1.0 forbids, keeping surrogate pairs and Korean', () => {
    expect(xmlSafe('a\u0000b\u0009c\u000Ad\u000De\uFFFFf😀g북')).toBe('a\uFFFDb\u0009c\u000Ad\u000De\uFFFDf😀g북');
    expect(xmlSafe('x\udc00y\ud800')).toBe('x\uFFFDy\uFFFD');
    expect(escapeXmlText('a<b>&c\r')).toBe('a&lt;b&gt;&amp;c&#13;');
    expect(escapeXmlAttr(`"'\t\n`)).toBe('&quot;&apos;&#9;&#10;');
  });
});

describe('GraphML', () => {
  it('declares every attribute and holds every actor and tie of the seed dataset', () => {
    const doc = parseXml(toGraphml(seed)).graphml as XmlNode;
    const keys = list(doc.key);
    const declared = (domain: string) => keys.filter((key) => attr(key, 'for') === domain).map((key) => attr(key, 'attr.name'));
    expect(declared('node')).toEqual(
      expect.arrayContaining(['label', 'kind', 'aliases', 'name_ko', 'ties_present', 'ties_absent']),
    );
    expect(declared('edge')).toEqual(
      expect.arrayContaining([
        'label',
        'type',
        'type_label',
        'category',
        'hedge',
        'status',
        'directed',
        'period_from',
        'period_to',
        'evidence_count',
        'note',
      ]),
    );
    expect(keys.find((key) => attr(key, 'attr.name') === 'evidence_count')?.['@attr.type']).toBe('int');
    const graph = list(doc.graph)[0] ?? (doc.graph as XmlNode);
    const nodes = list(graph.node);
    const edges = list(graph.edge);
    expect(nodes).toHaveLength(seed.actors.length);
    expect(edges).toHaveLength(seed.ties.length);

    const keyOf = new Map(keys.map((key) => [`${attr(key, 'for')}:${attr(key, 'attr.name')}`, attr(key, 'id')]));
    const value = (element: XmlNode | undefined, domain: string, name: string) =>
      list(element?.data).find((data) => attr(data, 'key') === keyOf.get(`${domain}:${name}`))?.['#text'];
    for (const tie of seed.ties) {
      const edge = edges.find((candidate) => attr(candidate, 'id') === tie.id);
      const type = seed.tieTypes.find((candidate) => candidate.id === tie.type);
      expect(attr(edge, 'source')).toBe(tie.source);
      expect(attr(edge, 'directed')).toBe(String(type?.directed));
      expect(value(edge, 'edge', 'category')).toBe(type?.category);
      expect(value(edge, 'edge', 'hedge')).toBe(tie.hedge);
      expect(value(edge, 'edge', 'status')).toBe(tie.status);
      expect(value(edge, 'edge', 'evidence_count')).toBe(String(tie.evidence.length));
    }
    // The edge keeps the dataset's own label; the Korean one is an attribute beside it.
    const cover = edges.find((candidate) => attr(candidate, 'id') === 'rus-prk-diplomatic-cover');
    expect(value(cover, 'edge', 'label')).toBe('Diplomatic cover');
    expect(value(cover, 'edge', 'type_label_ko')).toBe('외교적 엄호');
    const prk = nodes.find((node) => attr(node, 'id') === 'PRK');
    expect(value(prk, 'node', 'name_ko')).toBe('북한');
    expect(value(prk, 'node', 'ties_present')).toBe(
      String(seed.ties.filter((tie) => tie.status === 'present' && (tie.source === 'PRK' || tie.target === 'PRK')).length),
    );
  });

  it('brings back hostile strings exactly, and stores positions with y pointing up', () => {
    const dataset = hostileDataset();
    const xml = toGraphml(dataset, { positions: new Map([['ATL', { x: 10.5, y: 20 }]]) });
    const doc = parseXml(xml).graphml as XmlNode;
    const graph = doc.graph as XmlNode;
    const atl = list(graph.node).find((node) => attr(node, 'id') === 'ATL') as XmlNode;
    const texts = list(atl.data).map((data) => textOf(data));
    expect(texts).toContain(HOSTILE_BACK);
    expect(list(atl.data).find((data) => attr(data, 'key') === 'n_y')?.['#text']).toBe('-20');
    expect(list((list(graph.edge)[0] as XmlNode).data).map((data) => textOf(data))).toContain(HOSTILE_BACK);
  });
});

describe('GEXF', () => {
  it('is GEXF 1.3 with typed attribute declarations, mixed directions and tie types as edge kinds', () => {
    const positions = new Map(seed.actors.map((actor, index) => [actor.id, { x: index * 10, y: index * 5 }]));
    const doc = parseXml(toGexf(seed, { positions })).gexf as XmlNode;
    expect(attr(doc, 'xmlns')).toBe('http://gexf.net/1.3');
    expect(attr(doc, 'version')).toBe('1.3');
    const graph = doc.graph as XmlNode;
    const classes = list(graph.attributes);
    const declared = (domain: string) =>
      list(classes.find((block) => attr(block, 'class') === domain)?.attribute).map((item) => [
        attr(item, 'id'),
        attr(item, 'type'),
      ]);
    expect(declared('node')).toEqual(
      expect.arrayContaining([
        ['kind', 'string'],
        ['ties_present', 'integer'],
      ]),
    );
    expect(declared('edge')).toEqual(
      expect.arrayContaining([
        ['category', 'string'],
        ['hedge', 'string'],
        ['evidence_count', 'integer'],
        ['directed', 'boolean'],
      ]),
    );
    const nodes = list((graph.nodes as XmlNode).node);
    const edges = list((graph.edges as XmlNode).edge);
    expect(nodes).toHaveLength(seed.actors.length);
    expect(edges).toHaveLength(seed.ties.length);
    const cell = (element: XmlNode | undefined, name: string) =>
      attr(
        list((element?.attvalues as XmlNode | undefined)?.attvalue).find((item) => attr(item, 'for') === name),
        'value',
      );
    for (const tie of seed.ties) {
      const edge = edges.find((candidate) => attr(candidate, 'id') === tie.id);
      const type = seed.tieTypes.find((candidate) => candidate.id === tie.type);
      expect(attr(edge, 'type')).toBe(type?.directed ? 'directed' : 'undirected');
      expect(attr(edge, 'kind')).toBe(tie.type);
      expect(cell(edge, 'category')).toBe(type?.category);
      expect(cell(edge, 'hedge')).toBe(tie.hedge);
      expect(cell(edge, 'evidence_count')).toBe(String(tie.evidence.length));
    }
    const third = nodes[3] as XmlNode;
    expect(attr(third['viz:position'] as XmlNode, 'x')).toBe('30');
    expect(attr(third['viz:position'] as XmlNode, 'y')).toBe('-15');
    const alliance = edges.find((edge) => cell(edge, 'category') === 'alliance' && cell(edge, 'status') === 'present');
    expect(alliance?.['viz:color']).toMatchObject({ '@r': '0', '@g': '114', '@b': '178' });
  });

  it('brings back hostile strings exactly', () => {
    const doc = parseXml(toGexf(hostileDataset())).gexf as XmlNode;
    const graph = doc.graph as XmlNode;
    const atl = list((graph.nodes as XmlNode).node).find((node) => attr(node, 'id') === 'ATL') as XmlNode;
    expect(attr(atl, 'label')).toBe(HOSTILE_BACK);
    const values = list((atl.attvalues as XmlNode).attvalue).map((item) => attr(item, 'value'));
    expect(values).toContain(HOSTILE_BACK);
    expect(values).toContain(`${HOSTILE_BACK}; Atlantis`);
    const edge = list((graph.edges as XmlNode).edge)[0] as XmlNode;
    expect(attr(edge, 'label')).toBe(HOSTILE_BACK);
    expect(textOf((doc.meta as XmlNode).description)).toBe(HOSTILE_BACK);
  });
});

/** The property names the W3C Web Annotation model defines for the objects the export writes. */
const W3C_ANNOTATION_KEYS = new Set([
  '@context',
  'id',
  'type',
  'motivation',
  'body',
  'target',
  'created',
  'creator',
  'generator',
]);
const W3C_MOTIVATIONS = new Set([
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
]);

describe('Web Annotation JSON-LD', () => {
  it('is an AnnotationCollection with one annotation per quote, in the W3C field names', () => {
    const collection = JSON.parse(JSON.stringify(webAnnotationsOf(seed, { texts })));
    expect(collection['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    const page = collection.first;
    expect(page.type).toBe('AnnotationPage');
    const quotes = seed.ties.reduce((sum, tie) => sum + tie.evidence.length, 0);
    expect(page.items).toHaveLength(quotes);
    expect(collection.total).toBe(quotes);
    expect(new Set(page.items.map((item: Annotation) => item.id)).size).toBe(quotes);
    const titles = page.items.map((item: Annotation) => item.body[0].label);
    expect(titles).toContain('North Korea — Russia: Exchange visits');
    expect(titles).toContain('North Korea → Russia: Economic dependence');
    const text = texts.get('easley-2024') as string;
    const codePoints = [...text];
    let index = 0;
    for (const tie of seed.ties) {
      for (const quote of tie.evidence) {
        const item = page.items[index++];
        for (const key of Object.keys(item)) expect(W3C_ANNOTATION_KEYS).toContain(key);
        expect(item.type).toBe('Annotation');
        expect(item.id).toMatch(/^[a-z][a-z0-9+.-]*:\S+$/);
        expect(W3C_MOTIVATIONS).toContain(item.motivation);
        const [tieBody, describing, tag] = item.body;
        expect(tieBody).toMatchObject({
          type: 'Dataset',
          sourceActor: tie.source,
          targetActor: tie.target,
          tieType: tie.type,
          hedge: tie.hedge,
          status: tie.status,
        });
        expect(tieBody.label).toBe(tieTitle(seed, tie));
        expect(describing).toMatchObject({ type: 'TextualBody', purpose: 'describing', format: 'text/plain' });
        expect(W3C_MOTIVATIONS).toContain(tag.purpose);
        expect(item.target.source).toMatch(/^[a-z][a-z0-9+.-]*:\S+$/);
        const [byQuote, byPosition] = item.target.selector;
        expect(byQuote).toMatchObject({ type: 'TextQuoteSelector', exact: quote.exact });
        expect(byPosition.type).toBe('TextPositionSelector');
        expect(codePoints.slice(byPosition.start, byPosition.end).join('')).toBe(byQuote.exact);
        expect(text.slice(0, quote.start).endsWith(byQuote.prefix)).toBe(true);
        expect(text.slice(quote.end).startsWith(byQuote.suffix)).toBe(true);
      }
    }
  });

  it('counts positions in code points, gives quotes context without splitting characters, and leaves positions out where the text is unknown', () => {
    const input = fixture();
    const exact = 'Borealis sends ships';
    // 32 code units before the quote fall inside 😀, and 32 after it inside 𝔸.
    const text = `ab😀${'y'.repeat(31)}${exact}${'z'.repeat(31)}𝔸 end`;
    const start = text.indexOf(exact);
    const tie = input.ties[0] as (typeof input.ties)[number];
    tie.evidence = [{ source: 'sample', exact, start, end: start + exact.length }];
    const dataset = v.parse(DatasetSchema, input);
    const [item] = webAnnotationsOf(dataset, { texts: new Map([['sample', text]]) }).first?.items ?? [];
    const [byQuote, byPosition] = item?.target.selector ?? [];
    expect(byPosition).toEqual({ type: 'TextPositionSelector', start: start - 1, end: start - 1 + exact.length });
    expect([...text].slice(start - 1, start - 1 + exact.length).join('')).toBe(exact);
    expect(byQuote).toEqual({ type: 'TextQuoteSelector', exact, prefix: 'y'.repeat(31), suffix: 'z'.repeat(31) });
    // An empty prefix or suffix in the data is no context either.
    tie.evidence = [{ source: 'sample', exact, start, end: start + exact.length, prefix: '', suffix: '' }];
    const emptied = webAnnotationsOf(v.parse(DatasetSchema, input), { texts: new Map([['sample', text]]) });
    expect(emptied.first?.items[0]?.target.selector[0]).toEqual(byQuote);
    // The selectors count in the text file, so it is the target; the source's web page is its scope.
    expect(item?.target.source).toBe('urn:actor-graph:sample#source:sample');
    expect(item?.target.scope).toBe('https://example.org/sample');
    const based = webAnnotationsOf(dataset, { texts: new Map([['sample', text]]), base: 'https://example.org/data/set.json' });
    expect(based.first?.items[0]?.target).toMatchObject({
      source: 'https://example.org/data/sample.txt',
      scope: 'https://example.org/sample',
    });
    const unverified = webAnnotationsOf(dataset, { texts: new Map([['sample', text]]), unverified: new Set(['sample']) });
    expect(unverified.first?.items[0]?.target.selector).toEqual([{ type: 'TextQuoteSelector', exact }]);
    expect(webAnnotationsOf(dataset, { base: 'https://example.org/data.json' }).id).toBe(
      'https://example.org/data.json#annotations',
    );
    expect(codePointOffset('😀a𝔸', 5)).toBe(3);
    // An offset that cuts a pair in two counts its high half as a code point.
    expect(codePointOffset('😀a𝔸', 1)).toBe(1);
  });

  it('places thousands of quotes in a long text with surrogate pairs, each at its code point positions', () => {
    const input = fixture();
    const tie = input.ties[0] as (typeof input.ties)[number];
    const parts: string[] = [];
    let length = 0;
    tie.evidence = [];
    for (let i = 0; i < 4000; i++) {
      // Astral characters before every quote, so that UTF-16 and code point offsets drift apart.
      const filler = `${'𝔸😀 북한 '.repeat(1 + (i % 7))}${'plain words and more plain words, '.repeat(6)}`;
      const exact = `quote number ${i} says so.`;
      parts.push(filler, exact, ' ');
      tie.evidence.push({ source: 'sample', exact, start: length + filler.length, end: length + filler.length + exact.length });
      length += filler.length + exact.length + 1;
    }
    input.ties = [tie];
    const text = parts.join('');
    expect(text.length).toBeGreaterThan(1_000_000);
    const items = webAnnotationsOf(v.parse(DatasetSchema, input), { texts: new Map([['sample', text]]) }).first?.items ?? [];
    expect(items).toHaveLength(4000);
    const codePoints = [...text];
    for (const [index, item] of items.entries()) {
      const [byQuote, byPosition] = item.target.selector;
      expect(byPosition?.type).toBe('TextPositionSelector');
      const { start, end } = byPosition as { start: number; end: number };
      expect(codePoints.slice(start, end).join(''), `quote ${index}`).toBe(byQuote.exact);
    }
  });
});

describe('SVG', () => {
  it('draws one element per actor and per shown tie, inside its viewBox', async () => {
    const positions = new Map(Object.entries(seed.layout?.positions ?? {}).map(([id, [x, y]]) => [id, { x, y }]));
    const svg = toSvg([{ elements: buildElements(seed), positions }], { title: seed.title });
    const root = parseXml(svg).svg as XmlNode;
    const pane = list(root.g)[0] as XmlNode;
    const groups = list(pane.g);
    const present = seed.ties.filter((tie) => tie.status === 'present');
    expect(groups.filter((g) => attr(g, 'class') === 'actor')).toHaveLength(seed.actors.length);
    expect(groups.filter((g) => attr(g, 'class') === 'tie').map((g) => attr(g, 'data-id'))).toEqual(
      expect.arrayContaining(present.map((tie) => tie.id)),
    );
    expect(groups.filter((g) => attr(g, 'class') === 'tie')).toHaveLength(present.length);
    const shown = new Set(seed.ties.slice(0, 5).map((tie) => tie.id));
    const some = parseXml(toSvg([{ elements: buildElements(seed), positions, shownTies: shown }])).svg as XmlNode;
    expect(list((list(some.g)[0] as XmlNode).g).filter((g) => attr(g, 'class') === 'tie')).toHaveLength(5);
    // Given a language, tie titles name the type in it, as actor names are (once its words are in).
    await loadMessages('ko');
    const korean = toSvg([{ elements: buildElements(seed, 'ko'), positions }]);
    expect(korean).toContain('<title>러시아 → 북한: 외교적 엄호</title>');
    // Undirected ties take a dash; absent ones are marked in the picture's language.
    const everyTie = new Set(seed.ties.map((tie) => tie.id));
    const english = toSvg([{ elements: buildElements(seed), positions, shownTies: everyTie }]);
    expect(english).toContain('<title>North Korea — Russia: Exchange visits</title>');
    expect(english).toContain('<title>North Korea → Russia: Economic dependence (absent)</title>');
    const absentInKorean = toSvg([{ elements: buildElements(seed, 'ko'), positions, shownTies: everyTie }]);
    expect(absentInKorean).toContain('<title>북한 → 러시아: 경제적 의존 (부재)</title>');
    expect(absentInKorean).not.toContain('(absent)');

    const [x0, y0, width, height] = (attr(root, 'viewBox') as string).split(' ').map(Number);
    expect([x0, y0]).toEqual([0, 0]);
    const [dx, dy] = (/translate\(([-\d.]+) ([-\d.]+)\)/.exec(attr(pane, 'transform') as string) ?? []).slice(1).map(Number);
    for (const group of groups.filter((g) => attr(g, 'class') === 'actor')) {
      const circle = list(group.circle)[0];
      const tspan = list(list(group.text)[0]?.tspan)[0];
      for (const [x, y] of [
        [attr(circle, 'cx'), attr(circle, 'cy')],
        [attr(tspan, 'x'), attr(tspan, 'y')],
      ]) {
        if (x === undefined) continue;
        expect(Number(x) + (dx as number)).toBeGreaterThan(0);
        expect(Number(x) + (dx as number)).toBeLessThan(width as number);
        expect(Number(y) + (dy as number)).toBeGreaterThan(0);
        expect(Number(y) + (dy as number)).toBeLessThan(height as number);
      }
    }
  });

  it('escapes hostile labels and titles, and wraps labels at spaces', () => {
    const dataset = hostileDataset();
    const positions = new Map(dataset.actors.map((actor, index) => [actor.id, { x: index * 100, y: 0 }]));
    const svg = toSvg([{ title: HOSTILE, elements: buildElements(dataset), positions }], { title: HOSTILE });
    const root = parseXml(svg).svg as XmlNode;
    expect(textOf(root.title)).toBe(HOSTILE_BACK);
    const actor = list((list(root.g)[0] as XmlNode).g).find((g) => attr(g, 'data-id') === 'ATL') as XmlNode;
    expect(textOf(actor.title)).toBe(HOSTILE_BACK);
    const lines = list(list(actor.text)[0]?.tspan).map((tspan) => textOf(tspan));
    expect(lines.join(' ')).toBe(HOSTILE_BACK.split(/\s+/).filter(Boolean).join(' '));
    expect(svg).not.toContain('<b>');
    // As the widget wraps it (130 px at 15 px).
    expect(wrapLabel('North Korean defectors and human rights NGOs', 15)).toEqual([
      'North Korean',
      'defectors and',
      'human rights',
      'NGOs',
    ]);
    expect(wrapLabel('북한 인권 단체와 탈북민 단체', 15).length).toBeGreaterThan(1);
  });
});

describe('npm run export', () => {
  it('writes a GEXF file that parses, and names a wrong format', () => {
    const folder = mkdtempSync(join(tmpdir(), 'actor-graph-export-'));
    try {
      const out = join(folder, 'seed.gexf');
      const run = (args: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/export.ts', ...args], {
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1' },
        });
      const ok = run([SEED, '--format', 'gexf', '--out', out]);
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stderr).toMatch(/wrote .*seed\.gexf \(gexf, [\d,]+ bytes\)/);
      const doc = parseXml(readFileSync(out, 'utf8')).gexf as XmlNode;
      expect(list(((doc.graph as XmlNode).edges as XmlNode).edge)).toHaveLength(seed.ties.length);
      expect(list(((doc.graph as XmlNode).nodes as XmlNode).node)[0]?.['viz:position']).toBeDefined();
      // The picture shows what the filter shows: with --show-absent every tie, absent ones marked in --lang.
      const svgOut = join(folder, 'seed.svg');
      const svg = run([SEED, '--format', 'svg', '--show-absent', '--lang', 'ko', '--out', svgOut]);
      expect(svg.status, svg.stderr).toBe(0);
      const picture = readFileSync(svgOut, 'utf8');
      expect(picture.match(/<g class="tie"/g)).toHaveLength(seed.ties.length);
      expect(picture).toContain('<title>북한 → 러시아: 경제적 의존 (부재)</title>');
      const wrong = run([SEED, '--format', 'pdf']);
      expect(wrong.status).toBe(2);
      expect(wrong.stderr).toContain('--format must be one of graphml, gexf, jsonld, svg, json, png, not "pdf".');
      expect(wrong.stderr).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
