import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { runSeededLayout } from '../../src/layout/fcose.ts';
import { parseSeed, seededRandom } from '../../src/layout/seed.ts';
import type { Dataset } from '../../src/model/schema.ts';
import { actorLabel, buildElements, tieEnds, tieTitle, tieTypeLabel } from '../../src/render/elements.ts';
import { buildStylesheet } from '../../src/render/stylesheet.ts';
import { DEFAULT_THEME } from '../../src/render/theme.ts';
import { channelsOf, contrastRatio, linearOf, overWhite } from '../colour.ts';
import { fixture } from './helpers.ts';

const dataset = fixture() as Dataset;

describe('buildElements', () => {
  it('makes a node per actor and an edge per tie, with classes from the vocabularies', () => {
    const elements = buildElements(dataset);
    expect(elements.filter((e) => e.group === 'nodes')).toHaveLength(4);
    const edge = elements.find((e) => e.data.id === 'cal-bor-trade');
    expect(edge).toMatchObject({ group: 'edges', classes: 'cat-transaction hedge-asserted absent undirected' });
    expect(elements.find((e) => e.data.id === 'atl-bor-grain')?.classes).toContain('directed');
  });

  it('uses localized names where the data has them', () => {
    expect(buildElements(dataset, 'ko').find((e) => e.data.id === 'ATL')?.data).toMatchObject({ label: '아틀란티스' });
    const atlantis = dataset.actors[0];
    if (atlantis === undefined) throw new Error('fixture lacks an actor');
    expect(actorLabel(atlantis, 'ko-KR')).toBe('아틀란티스');
    expect(actorLabel(atlantis, 'fr')).toBe('Atlantis');
    // Language tags are the same in any case, as the interface's words take them.
    expect(actorLabel(atlantis, 'KO')).toBe('아틀란티스');
    expect(actorLabel(atlantis, 'constructor')).toBe('Atlantis');
  });

  it('labels ties by their type in the language asked for, where the data has it', () => {
    const labelled = structuredClone(dataset);
    const grain = labelled.tieTypes[0];
    if (grain === undefined) throw new Error('fixture lacks a tie type');
    grain.labels = { ko: '곡물-선박 거래', 'zh-Hant': '以糧換船' };
    expect(buildElements(labelled, 'ko').find((e) => e.data.id === 'atl-bor-grain')?.data).toMatchObject({
      label: '곡물-선박 거래',
    });
    expect(buildElements(labelled).find((e) => e.data.id === 'atl-bor-grain')?.data).toMatchObject({ label: 'Grain for ships' });
    expect(buildElements(labelled, 'zh-hant-TW').find((e) => e.data.id === 'atl-bor-grain')?.data).toMatchObject({
      label: '以糧換船',
    });
  });

  it('leaves out ties to missing actors instead of failing', () => {
    const broken = structuredClone(dataset);
    (broken.ties[0] as { target: string }).target = 'NOPE';
    expect(buildElements(broken).some((e) => e.data.id === 'atl-bor-grain')).toBe(false);
  });
});

describe('tieTypeLabel', () => {
  const grain = {
    ...(dataset.tieTypes[0] as Dataset['tieTypes'][number]),
    labels: { ko: '곡물-선박 거래', 'zh-Hant': '以糧換船' },
  };

  it('takes the label of the tag, else of its primary subtag, else the dataset label', () => {
    expect(tieTypeLabel(grain, 'ko')).toBe('곡물-선박 거래');
    expect(tieTypeLabel(grain, 'ko-KR')).toBe('곡물-선박 거래');
    expect(tieTypeLabel(grain, 'zh-Hant')).toBe('以糧換船');
    expect(tieTypeLabel(grain, 'zh')).toBe('Grain for ships');
    expect(tieTypeLabel(grain, 'fr')).toBe('Grain for ships');
    expect(tieTypeLabel(grain)).toBe('Grain for ships');
    expect(tieTypeLabel({ ...grain, labels: undefined }, 'ko')).toBe('Grain for ships');
  });

  it('never takes a property of Object.prototype for a label', () => {
    expect(tieTypeLabel(grain, 'constructor')).toBe('Grain for ships');
    expect(tieTypeLabel(grain, 'toString-x')).toBe('Grain for ships');
    expect(actorLabel(dataset.actors[0] as Dataset['actors'][number], '__proto__')).toBe('Atlantis');
  });
});

describe('tie titles', () => {
  it('join the names with an arrow for a directed tie and a dash for an undirected one, in the language asked', () => {
    const [grain, pact] = dataset.ties as [Dataset['ties'][number], Dataset['ties'][number], ...Dataset['ties']];
    expect(tieTitle(dataset, grain)).toBe('Atlantis → Borealis: Grain for ships');
    expect(tieEnds(dataset, grain)).toBe('Atlantis → Borealis');
    expect(tieEnds(dataset, grain, 'ko')).toBe('아틀란티스 → Borealis');
    expect(tieTitle(dataset, pact)).toBe('Atlantis — Caldera: Defence pact');
    // A tie whose type or actors the dataset lacks is still titled, by its ids.
    expect(tieTitle(dataset, { source: 'ATL', target: 'NOPE', type: 'unknown-type' })).toBe('Atlantis → NOPE: unknown-type');
  });
});

describe('the default tie colours', () => {
  const linear = (hex: string) => linearOf(channelsOf(hex));
  const contrast = (colour: string) => contrastRatio(channelsOf(colour));
  /** CIELAB of a linear RGB colour (D65). */
  const lab = ([r, g, b]: [number, number, number]) => {
    const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
    const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
    const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
    const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
    return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
  };
  // Machado, Oliveira and Fernandes (2009), full severity.
  const DEUTERANOPIA = [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ];
  const seenWith = (matrix: number[][], rgb: number[]) =>
    matrix.map((row) =>
      Math.min(
        1,
        Math.max(
          0,
          row.reduce((sum, m, i) => sum + m * (rgb[i] as number), 0),
        ),
      ),
    ) as [number, number, number];

  it("gives every line 3:1 against the white background as drawn, at the ties' opacity (WCAG 1.4.11)", () => {
    const edge = buildStylesheet(DEFAULT_THEME).find((block) => 'style' in block && block.selector === 'edge');
    const opacity = Number((edge !== undefined && 'style' in edge ? (edge.style as { opacity?: number }) : {}).opacity ?? 1);
    for (const [category, colour] of Object.entries(DEFAULT_THEME.categories)) {
      // The canvas blends in sRGB: the line's colour over white, at its opacity.
      expect(contrast(overWhite(colour, opacity)), `${category} ${colour}`).toBeGreaterThanOrEqual(3);
    }
  });

  it("draws the keyboard's mark on an actor at 3:1 or more against the white background (WCAG 1.4.11)", () => {
    const mark = buildStylesheet(DEFAULT_THEME).find((block) => 'style' in block && block.selector === 'node.focused');
    const style = (mark !== undefined && 'style' in mark ? mark.style : {}) as Record<string, string | number | undefined>;
    // What the mark draws around the actor: a halo (an overlay at its opacity), a ring (an outline).
    const drawn = [
      ...(typeof style['overlay-color'] === 'string'
        ? [overWhite(style['overlay-color'], Number(style['overlay-opacity'] ?? 0))]
        : []),
      ...(typeof style['outline-color'] === 'string' && Number(style['outline-width'] ?? 0) >= 2 ? [style['outline-color']] : []),
    ];
    expect(Math.max(0, ...drawn.map(contrast))).toBeGreaterThanOrEqual(3);
  });

  it('keeps transaction and hostility apart under deuteranopia', () => {
    const { transaction, hostility } = DEFAULT_THEME.categories;
    const [a, b] = [transaction, hostility].map((colour) => lab(seenWith(DEUTERANOPIA, linear(colour))));
    // The palette's orange and vermillion were 18 units apart; blue and orange, its best pair, 122.
    expect(Math.hypot(...(a as number[]).map((v, i) => v - ((b as number[])[i] as number)))).toBeGreaterThan(25);
  });
});

describe('buildStylesheet', () => {
  it('colours each category differently and never puts data into a selector', () => {
    const sheet = buildStylesheet(DEFAULT_THEME);
    const colors = new Set(Object.values(DEFAULT_THEME.categories));
    expect(colors.size).toBe(5);
    for (const block of sheet)
      expect('selector' in block && /^[a-z.\-:, [\]]+$/.test(block.selector), JSON.stringify(block)).toBe(true);
  });

  it('fades opacity changes over 150 ms, unless told not to', () => {
    const transitions = (sheet: ReturnType<typeof buildStylesheet>) =>
      sheet.filter((block) => 'style' in block && 'transition-duration' in (block.style as object)).length;
    expect(transitions(buildStylesheet(DEFAULT_THEME))).toBe(2);
    expect(transitions(buildStylesheet(DEFAULT_THEME, { fades: false }))).toBe(0);
  });

  it("sets actors' names on cards, unless told not to", () => {
    const cards = (sheet: ReturnType<typeof buildStylesheet>) =>
      sheet.filter(
        (block) => 'style' in block && 'text-background-opacity' in (block.style as object) && block.selector === 'node',
      ).length;
    expect(cards(buildStylesheet(DEFAULT_THEME))).toBe(1);
    expect(cards(buildStylesheet(DEFAULT_THEME, { nameCards: false }))).toBe(0);
  });

  it('gives the pressed (active) state no look, so that pressing an actor needs no redraw', () => {
    // The widget activates elements without restyling them (quiet-activation.ts).
    const sheet = buildStylesheet(DEFAULT_THEME);
    expect(sheet.filter((block) => 'selector' in block && block.selector.includes(':active'))).toEqual([]);
    for (const group of ['node', 'edge']) {
      const base = sheet.find((block) => 'selector' in block && block.selector === group);
      expect(base && 'style' in base ? (base.style as Record<string, unknown>)['overlay-opacity'] : undefined).toBe(0);
    }
  });
});

describe('seeded fcose', () => {
  function layoutPositions(seed: number) {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      elements: buildElements(dataset).map((e) => ({ group: e.group, data: { ...e.data }, classes: e.classes })),
      style: buildStylesheet(DEFAULT_THEME),
    });
    return runSeededLayout(cy, seed, { nodeDimensionsIncludeLabels: false }).then(() => {
      const positions = Object.fromEntries(cy.nodes().map((n) => [n.id(), { ...n.position() }]));
      cy.destroy();
      return positions;
    });
  }

  it('gives the same positions for the same seed, and others for another seed', async () => {
    const first = await layoutPositions(7);
    expect(await layoutPositions(7)).toEqual(first);
    expect(await layoutPositions(8)).not.toEqual(first);
    const xs = new Set(Object.values(first).map((p) => Math.round(p.x)));
    expect(xs.size).toBeGreaterThan(1);
    for (const p of Object.values(first)) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  });

  it('restores Math.random after the layout', async () => {
    const original = Math.random;
    await layoutPositions(1);
    expect(Math.random).toBe(original);
  });

  it('turns any seed text into a number', () => {
    expect(parseSeed('42')).toBe(42);
    expect(parseSeed(null)).toBe(1);
    expect(parseSeed('north korea')).toBe(parseSeed('north korea'));
    expect(parseSeed('a')).not.toBe(parseSeed('b'));
    const random = seededRandom(3);
    const values = [random(), random(), random()];
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(seededRandom(3)()).toBe(values[0]);
  });
});

describe('safeHttpUrl', () => {
  it('keeps http(s) links and drops every other scheme, however it is disguised', async () => {
    const { safeHttpUrl } = await import('../../src/render/safe-url.ts');
    expect(safeHttpUrl('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(safeHttpUrl(' HTTP://example.org ')).toBe('http://example.org/');
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      ' javascript:x',
      'data:text/html,<b>',
      'vbscript:x',
      '//example.org',
      'example.org',
      '',
    ]) {
      expect(safeHttpUrl(bad), bad).toBeUndefined();
    }
    expect(safeHttpUrl(undefined)).toBeUndefined();
  });
});

describe('tie filter', () => {
  it('shows ties by category, type and status', async () => {
    const { isTieShown, parseCategoryList, SHOW_ALL, countTies } = await import('../../src/render/filter.ts');
    const present = { category: 'alliance', type: 'pact', status: 'present' } as const;
    const absent = { ...present, status: 'absent' } as const;
    expect(isTieShown(present, SHOW_ALL)).toBe(true);
    expect(isTieShown(absent, SHOW_ALL)).toBe(false);
    expect(isTieShown(absent, { ...SHOW_ALL, showAbsent: true })).toBe(true);
    expect(isTieShown(present, { ...SHOW_ALL, hiddenTypes: new Set(['pact']) })).toBe(false);
    const { categories, unknown } = parseCategoryList(' alliance  transaction friendship ');
    expect([...categories]).toEqual(['alliance', 'transaction']);
    expect(unknown).toEqual(['friendship']);
    expect(isTieShown({ ...present, category: 'hostility' }, { ...SHOW_ALL, categories })).toBe(false);
    const counts = countTies(dataset);
    expect(counts.byCategory.get('transaction')).toEqual({ present: 1, absent: 1 });
    expect(counts.byType.get('defence-pact')).toEqual({ present: 1, absent: 0 });
  });

  it('counts the ties a filter shows, those that exist and the absent ones apart', async () => {
    const { countShown, SHOW_ALL } = await import('../../src/render/filter.ts');
    expect(countShown(dataset, SHOW_ALL)).toEqual({
      present: dataset.ties.filter((tie) => tie.status === 'present').length,
      absent: 0,
    });
    const withAbsent = countShown(dataset, { ...SHOW_ALL, showAbsent: true });
    expect(withAbsent.absent).toBe(dataset.ties.filter((tie) => tie.status === 'absent').length);
    expect(withAbsent.absent).toBeGreaterThan(0);
    expect(countShown(dataset, { ...SHOW_ALL, showAbsent: true, categories: new Set(['transaction'] as const) })).toEqual({
      present: 1,
      absent: 1,
    });
  });

  it('counts the ties the timeline hides and the undated ones, those that exist and the absent ones apart', async () => {
    const { countHiddenByTime, countUndatedShown, SHOW_ALL } = await import('../../src/render/filter.ts');
    const { readFileSync } = await import('node:fs');
    const seed = JSON.parse(readFileSync('graph-data/easley-2024-axis-of-transactionalism.json', 'utf8')) as Dataset;
    // Counted here the plain way, by status, so the figures are not the function's own.
    const undated = (status: string) => seed.ties.filter((tie) => tie.period === undefined && tie.status === status).length;
    expect(undated('absent')).toBeGreaterThan(0);
    const withAbsent = { ...SHOW_ALL, showAbsent: true };
    expect(countUndatedShown(seed, withAbsent)).toEqual({ present: undated('present'), absent: undated('absent') });
    // Absent ties switched off are not counted at all: they are hidden by the legend, not the dates.
    expect(countUndatedShown(seed, SHOW_ALL)).toEqual({ present: undated('present'), absent: 0 });
    // Up to November 2023: the absent tie from December 2023 and every tie of 2024 fall outside.
    const range = { ...withAbsent, dates: { to: '2023-11' } };
    const startingLater = (status: string) =>
      seed.ties.filter((tie) => tie.status === status && tie.period?.from !== undefined && tie.period.from > '2023-11').length;
    expect(startingLater('absent')).toBe(1);
    expect(countHiddenByTime(seed, range)).toEqual({ present: startingLater('present'), absent: 1 });
  });

  it('gives every reason it hides a tie for', async () => {
    const { hiddenReasons, SHOW_ALL } = await import('../../src/render/filter.ts');
    const tie = { category: 'alliance', type: 'pact', status: 'absent', period: { from: '2020', to: '2021' } } as const;
    expect(hiddenReasons({ ...tie, status: 'present' }, SHOW_ALL)).toEqual([]);
    expect(hiddenReasons(tie, SHOW_ALL)).toEqual(['absent']);
    const everything = {
      categories: new Set(['hostility'] as const),
      hiddenTypes: new Set(['pact']),
      showAbsent: false,
      dates: { from: '2023' },
    };
    expect(hiddenReasons(tie, everything)).toEqual(['category', 'type', 'absent', 'dates']);
  });
});
