/**
 * The built bundle must run on pages with a strict Content-Security-Policy: no `eval`, no Function
 * constructor, no blob URLs for code (so no blob workers; the only object URLs are the Export
 * menu's downloads), and a worker that is a same-origin file.
 * `npm test` builds dist/ before the tests run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const scripts = readdirSync('dist').filter((name) => name.endsWith('.js'));
const read = (name: string) => readFileSync(`dist/${name}`, 'utf8');
/** The lazy chunk of the Export menu, which saves files through `<a download>` links to object URLs. */
const isExportDownloadChunk = (name: string) => /^export-download-[\w-]+\.js$/.test(name);

describe('the built bundle', () => {
  it('holds no eval, no Function constructor and no blob URLs', () => {
    expect(scripts.length).toBeGreaterThan(3);
    for (const name of scripts) {
      const code = read(name);
      expect(code, name).not.toMatch(/\beval\s*\(/);
      expect(code, name).not.toMatch(/\bnew\s+Function\b|\bFunction\s*\(\s*["'`]/);
      // The one object URL allowed is the Export menu's download link, in its own lazy chunk.
      if (!isExportDownloadChunk(name)) expect(code, name).not.toMatch(/createObjectURL/);
    }
  });

  it('makes object URLs only for downloads, in a chunk that starts no worker and loads no script', () => {
    const chunks = scripts.filter(isExportDownloadChunk);
    expect(chunks).toHaveLength(1);
    const code = read(chunks[0] as string);
    expect(code).toMatch(/\.download=/);
    expect(code).not.toMatch(/\bWorker\b|importScripts|\bimport\(|createElement\(["']script["']\)/);
  });

  it('starts its layout worker from a file beside it, as a module', () => {
    expect(scripts).toContain('actor-graph.layout-worker.js');
    const widget = scripts.find((name) => name.startsWith('widget-'));
    expect(widget).toBeDefined();
    const code = read(widget as string);
    expect(code).toMatch(/new URL\(["']\.\/actor-graph\.layout-worker\.js["'],import\.meta\.url\)/);
    expect(code).toMatch(/new Worker\(\w+,\{type:["']module["']/);
  });
});
