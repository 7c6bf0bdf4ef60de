/**
 * A page written in Korean gets the widget in Korean: interface words, actor names in the graph
 * and the panel, and Hangul drawn with a real font (no tofu boxes).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureKoreanFont } from '../setup/korean-font.ts';
import { launchChromium, type PageServer, probeFiles, servePages } from './server.ts';

const PROBE = `
  window.__probe = { ready: 0, errors: [] };
  document.addEventListener('ag-ready', (event) => {
    // What the widget shows when it is first drawn: its view buttons and an absent tie's label.
    if (window.__probe.ready === 0) {
      const widget = event.target;
      window.__probe.first = {
        views: widget.shadowRoot.querySelector('[part="views"]').textContent,
        absent: widget.cy.getElementById('prk-rus-economic-dependence').data('label'),
      };
    }
    window.__probe.ready += 1;
  });
  window.addEventListener('error', (event) => { window.__probe.errors.push(event.message); });
`;

const page = (lang: string) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${lang}</title>
<script src="/probe.js"></script><script type="module" src="/dist/actor-graph.js"></script></head>
<body><actor-graph src="/graph-data/easley-2024-axis-of-transactionalism.json" selected="PRK"></actor-graph></body></html>`;

/** The Korean words' chunk of the build. */
const KOREAN_WORDS = /\/dist\/ko-[\w-]+\.js$/;

interface Probe {
  ready: number;
  errors: string[];
  first?: { views: string; absent: string };
}
const probeOf = (tab: Page) => tab.evaluate(() => (window as unknown as { __probe: Probe }).__probe);
/** Waits until the page's widget has been drawn once (Playwright's own time limit unless given). */
const drawn = (tab: Page, timeout?: number) =>
  tab.waitForFunction(
    () => (window as unknown as { __probe: Probe }).__probe.ready > 0,
    undefined,
    timeout === undefined ? {} : { timeout },
  );

/** Runs `test` in a new tab of the page size the tests use, and closes the tab after it. */
async function inTab(test: (tab: Page) => Promise<void>): Promise<void> {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await test(tab);
  } finally {
    await tab.close();
  }
}

let server: PageServer;
let browser: Browser;

beforeAll(async () => {
  ensureKoreanFont();
  server = await servePages({
    ...probeFiles(PROBE),
    '/': { body: page('ko') },
    '/en': { body: page('en') },
    '/ko-timeout': { body: page('ko').replace('selected="PRK"', 'selected="PRK" timeout="2"') },
    '/ko-missing': {
      body: page('ko').replace(
        '<actor-graph src="/graph-data/easley-2024-axis-of-transactionalism.json"',
        '<actor-graph src="/missing.json" timeout="2"',
      ),
    },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('speaks the page’s Korean and draws Hangul with a real font', async () =>
  inTab(async (tab) => {
    await tab.goto(`${server.origin}/`);
    await drawn(tab);
    const shown = await tab.evaluate(() => {
      const widget = document.querySelector('actor-graph') as HTMLElement & {
        cy?: { getElementById(id: string): { data(key: string): string } };
      };
      const legend = widget.shadowRoot?.querySelector('ag-tie-legend')?.shadowRoot?.textContent ?? '';
      const panel = widget.shadowRoot?.querySelector('ag-evidence-panel')?.shadowRoot?.textContent ?? '';
      const views = widget.shadowRoot?.querySelector('[part="views"]')?.textContent ?? '';
      const label = widget.cy?.getElementById('PRK').data('label') ?? '';
      // Draws text in the widget's own font stack and returns its pixels, to tell glyphs from tofu.
      const font = getComputedStyle(widget).fontFamily;
      const pixels = (text: string) => {
        const canvas = document.createElement('canvas');
        canvas.width = 64;
        canvas.height = 64;
        const context = canvas.getContext('2d') as CanvasRenderingContext2D;
        context.font = `40px ${font}`;
        context.fillText(text, 4, 48);
        return Array.from(context.getImageData(0, 0, 64, 64).data).join(',');
      };
      const bukPixels = pixels('북');
      return {
        legend,
        panel,
        views,
        label,
        font,
        inked: bukPixels.split(',').some((value) => value !== '0'),
        differsFromMissing: bukPixels !== pixels('\u{10FFFD}'),
        differsFromOther: bukPixels !== pixels('한'),
        // The method itself: two characters no font has are drawn as the same box.
        missingAlike: pixels('\u{10FFFC}') === pixels('\u{10FFFD}'),
      };
    });
    expect(shown.legend).toContain('동맹');
    expect(shown.legend).toContain('거래');
    expect(shown.views).toContain('비교');
    expect(shown.panel).toContain('북한');
    expect(shown.label).toBe('북한');
    expect(shown.inked).toBe(true);
    // A missing glyph draws the same box for every character; a real one draws its own shape.
    expect(shown.differsFromMissing).toBe(true);
    expect(shown.differsFromOther).toBe(true);
    expect(shown.missingAlike).toBe(true);
    expect(await tab.evaluate(() => (window as unknown as { __probe: { errors: string[] } }).__probe.errors)).toEqual([]);
  }));

it('waits for its Korean words, loaded apart, before it shows the data: nothing is drawn in English first', async () =>
  inTab(async (tab) => {
    // The words come long after the data and its texts.
    await tab.route(KOREAN_WORDS, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    const asked: string[] = [];
    tab.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await tab.goto(`${server.origin}/`);
    // Before the data, while the words load, the view buttons and the loading note are hidden
    // rather than shown in English.
    const first = await tab.waitForFunction(
      () => {
        const root = document.querySelector('actor-graph')?.shadowRoot;
        const views = root?.querySelector('[part="views"]');
        const note = root?.querySelector('.overlay[role="status"]');
        if (views === null || views === undefined || note === null || note === undefined) return undefined;
        return [views, note].map((element) => ({
          text: element.textContent ?? '',
          visibility: getComputedStyle(element).visibility,
        }));
      },
      undefined,
      { polling: 'raf' },
    );
    for (const { text, visibility } of (await first.jsonValue()) ?? []) {
      if (visibility !== 'hidden') expect(text).not.toMatch(/Graph|Loading/);
    }
    expect((await first.jsonValue())?.[0]?.visibility).toBe('hidden');
    await drawn(tab);
    const probe = await probeOf(tab);
    expect(probe.first?.views).toContain('비교');
    expect(probe.first?.absent).toContain('(부재)');
    expect(asked.filter((path) => KOREAN_WORDS.test(path))).toHaveLength(1);
    expect(probe.errors).toEqual([]);
  }));

it('stays in English, and says why once, when its Korean words cannot load', async () =>
  inTab(async (tab) => {
    await tab.route(KOREAN_WORDS, (route) => route.abort());
    const warnings: string[] = [];
    tab.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await tab.goto(`${server.origin}/`);
    await drawn(tab);
    // Time for any renders the failure would set off.
    await tab.waitForTimeout(300);
    const probe = await probeOf(tab);
    expect(probe.first?.views).toContain('Compare');
    expect(probe.first?.absent).toContain('(absent)');
    // The data's own Korean names still show.
    expect(
      await tab.evaluate(() =>
        (document.querySelector('actor-graph') as unknown as { cy: import('cytoscape').Core }).cy
          .getElementById('PRK')
          .data('label'),
      ),
    ).toBe('북한');
    expect(warnings.filter((text) => text.includes('did not load'))).toEqual([
      expect.stringMatching(/^actor-graph: the interface's words for "ko" did not load \(.+\); it stays in English\.$/),
    ]);
    expect(probe.ready).toBe(1);
  }));

it('never fetches the Korean words on an English page', async () =>
  inTab(async (tab) => {
    const asked: string[] = [];
    tab.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await tab.goto(`${server.origin}/en`);
    await drawn(tab);
    expect((await probeOf(tab)).first?.views).toContain('Compare');
    expect(asked.some((path) => path.startsWith('/dist/widget-'))).toBe(true);
    expect(asked.filter((path) => KOREAN_WORDS.test(path))).toEqual([]);
  }));

it('shows its data in English, in time, when its Korean words hang', async () =>
  inTab(async (tab) => {
    // The words never come; the widget gives requests two seconds.
    await tab.route(KOREAN_WORDS, () => undefined);
    const started = Date.now();
    await tab.goto(`${server.origin}/ko-timeout`);
    await drawn(tab, 10_000);
    expect(Date.now() - started).toBeLessThan(8000);
    const probe = await probeOf(tab);
    expect(probe.first?.views).toContain('Compare');
    expect(probe.errors).toEqual([]);
  }));

it('shows a failure to load its data, in time, when its Korean words hang', async () =>
  inTab(async (tab) => {
    await tab.route(KOREAN_WORDS, () => undefined);
    await tab.goto(`${server.origin}/ko-missing`);
    // The error is not kept hidden with the rest while the words are awaited: it shows once they time out.
    const shown = await tab.waitForFunction(
      () => {
        const alert = document.querySelector('actor-graph')?.shadowRoot?.querySelector('[role="alert"]');
        return alert !== null && alert !== undefined && getComputedStyle(alert).visibility === 'visible' && alert.textContent;
      },
      undefined,
      { timeout: 10_000 },
    );
    expect(await shown.jsonValue()).toContain('/missing.json');
  }));
