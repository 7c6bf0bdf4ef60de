/**
 * The built bundle must run on pages with a strict Content-Security-Policy: no `eval`, no Function
 * constructor, no blob URLs (so no blob workers), and a worker that is a same-origin file.
 * `npm test` builds dist/ before the tests run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const scripts = readdirSync('dist').filter((name) => name.endsWith('.js'));
const read = (name: string) => readFileSync(`dist/${name}`, 'utf8');

describe('the built bundle', () => {
  it('holds no eval, no Function constructor and no blob URLs', () => {
    expect(scripts.length).toBeGreaterThan(3);
    for (const name of scripts) {
      const code = read(name);
      expect(code, name).not.toMatch(/\beval\s*\(/);
      expect(code, name).not.toMatch(/\bnew\s+Function\b|\bFunction\s*\(\s*["'`]/);
      expect(code, name).not.toMatch(/createObjectURL/);
    }
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
