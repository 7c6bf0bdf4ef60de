/**
 * `npm run export -- FILE --format png`, run as a process: the built widget draws the dataset in
 * headless Chromium and the CLI writes the PNG of its Export menu, at twice the graph box's size.
 * The pictures are read back in Chromium to see that something was drawn.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureKoreanFont } from '../setup/korean-font.ts';
import { launchChromium } from './server.ts';

const SEED = 'graph-data/easley-2024-axis-of-transactionalism.json';
/** Two processes, each with a browser, on a shared machine: generous. */
const TIMEOUT_MS = 180_000;

let folder: string;
let browser: Browser;

beforeAll(async () => {
  ensureKoreanFont();
  folder = mkdtempSync(join(tmpdir(), 'actor-graph-png-'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
});

/** Runs the export CLI the way `npm run export` does, from `cwd` (the checkout by default). */
function runExport(args: string[], cwd = process.cwd()) {
  const script = resolve(cwd, 'src/cli/export.ts');
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: TIMEOUT_MS,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A PNG's size from its header, after checking its signature. */
function pngHeader(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** How much of a PNG is drawn on (pixels unlike the top-left one), and in how many colours. */
async function ink(bytes: Buffer): Promise<{ share: number; colours: number }> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(async (base64) => {
      const blob = await (await fetch(`data:image/png;base64,${base64}`)).blob();
      const bitmap = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      context.drawImage(bitmap, 0, 0);
      const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      const background = data.slice(0, 4).join(',');
      const colours = new Set<string>();
      let drawn = 0;
      for (let i = 0; i < data.length; i += 4) {
        const colour = `${data[i]},${data[i + 1]},${data[i + 2]},${data[i + 3]}`;
        if (colour !== background) drawn += 1;
        if (colours.size < 1000) colours.add(colour);
      }
      return { share: drawn / (data.length / 4), colours: colours.size };
    }, bytes.toString('base64'));
  } finally {
    await page.close();
  }
}

describe('npm run export -- FILE --format png', () => {
  it(
    'writes the graph view at twice the graph box, drawn, in English and in Korean',
    async () => {
      const english = join(folder, 'seed.png');
      const run = runExport([SEED, '--format', 'png', '--out', english]);
      expect(run.code, run.stderr).toBe(0);
      const bytes = readFileSync(english);
      // The default graph box is 1100 × 700 CSS pixels.
      expect(pngHeader(bytes)).toEqual({ width: 2200, height: 1400 });
      expect(run.stderr).toContain(`wrote ${english} (png, 2200×1400 px, ${bytes.byteLength.toLocaleString('en')} bytes).`);
      const drawn = await ink(bytes);
      expect(drawn.share).toBeGreaterThan(0.01);
      // Actor shapes and ties of several categories, not one flat colour.
      expect(drawn.colours).toBeGreaterThan(20);

      const korean = join(folder, 'seed-ko.png');
      const ko = runExport([SEED, '--format', 'png', '--lang', 'ko', '--width', '800', '--height', '500', '--out', korean]);
      expect(ko.code, ko.stderr).toBe(0);
      const koBytes = readFileSync(korean);
      expect(pngHeader(koBytes)).toEqual({ width: 1600, height: 1000 });
      expect((await ink(koBytes)).share).toBeGreaterThan(0.01);
    },
    TIMEOUT_MS * 2,
  );

  it(
    'writes both panes of the compare view side by side, under their headings',
    async () => {
      const out = join(folder, 'compare.png');
      const run = runExport([SEED, '--format', 'png', '--view', 'compare', '--width', '500', '--height', '400', '--out', out]);
      expect(run.code, run.stderr).toBe(0);
      // Each pane at 2×, a 32 px gap between them, and a 64 px band of headings (the widget's own figures).
      expect(pngHeader(readFileSync(out))).toEqual({ width: 2 * 1000 + 32, height: 64 + 800 });
    },
    TIMEOUT_MS,
  );

  it(
    'says what is missing: --out, a built widget, a valid dataset',
    () => {
      const noOut = runExport([SEED, '--format', 'png']);
      expect(noOut.code).toBe(2);
      expect(noOut.stderr).toContain('--out is missing: a PNG is binary');
      expect(noOut.stdout).toBe('');

      const invalid = join(folder, 'invalid.json');
      writeFileSync(invalid, '{"id": "x"}');
      const bad = runExport([invalid, '--format', 'png', '--out', join(folder, 'invalid.png')]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/invalid\.json: has \d+ errors; run npm run validate -- \S*invalid\.json to see them/);

      // A checkout with no dist/: the sources alone, with this one's packages.
      const bare = join(folder, 'bare');
      cpSync('src', join(bare, 'src'), { recursive: true });
      cpSync('package.json', join(bare, 'package.json'));
      symlinkSync(resolve('node_modules'), join(bare, 'node_modules'), 'dir');
      const unbuilt = runExport([resolve(SEED), '--format', 'png', '--out', join(folder, 'unbuilt.png')], bare);
      expect(unbuilt.code).toBe(1);
      expect(unbuilt.stderr.trim()).toBe('dist/actor-graph.js is missing: run npm run build first.');
      for (const result of [noOut, bad, unbuilt]) expect(result.stderr).not.toMatch(/\n\s+at /);
    },
    TIMEOUT_MS,
  );
});
