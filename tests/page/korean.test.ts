/**
 * A page written in Korean gets the widget in Korean: interface words, actor names in the graph
 * and the panel, and Hangul drawn with a real font (no tofu boxes).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureKoreanFont } from '../setup/korean-font.ts';
import { launchChromium, type PageServer, probeFiles, servePages } from './server.ts';

const PROBE = `
  window.__probe = { ready: 0, errors: [] };
  document.addEventListener('ag-ready', () => { window.__probe.ready += 1; });
  window.addEventListener('error', (event) => { window.__probe.errors.push(event.message); });
`;

const PAGE = `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>한국어</title>
<script src="/probe.js"></script><script type="module" src="/dist/actor-graph.js"></script></head>
<body><actor-graph src="/graph-data/easley-2024-axis-of-transactionalism.json" selected="PRK"></actor-graph></body></html>`;

let server: PageServer;
let browser: Browser;

beforeAll(async () => {
  ensureKoreanFont();
  server = await servePages({ ...probeFiles(PROBE), '/': { body: PAGE } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('speaks the page’s Korean and draws Hangul with a real font', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(`${server.origin}/`);
    await page.waitForFunction(() => (window as unknown as { __probe: { ready: number } }).__probe.ready > 0);
    const shown = await page.evaluate(() => {
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
    expect(await page.evaluate(() => (window as unknown as { __probe: { errors: string[] } }).__probe.errors)).toEqual([]);
  } finally {
    await page.close();
  }
});
