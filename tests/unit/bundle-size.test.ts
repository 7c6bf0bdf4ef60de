/**
 * The bundle budget: what a page loads to show the graph (dist/actor-graph.js and the widget chunk it
 * loads, built by `npm test` before the tests run) may weigh, gzipped, at most 202 KB, and at most
 * 1.15 times the floor of Lit + Cytoscape + fcose minified the same way.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildFloor } from '../bench/build-floor.ts';

const gzipped = (path: string) => gzipSync(readFileSync(path)).length;

/** A chunk's static imports (not its `import()`s): what loading it makes the browser load too. */
function staticImports(code: string): string[] {
  return [...code.matchAll(/\bimport\s*(?:[\w${},\s*]+from\s*)?["']\.\/([^"']+)["']/g)].map((match) => match[1] as string);
}

/** The files a page loads to show the graph: the entry, the widget chunk it imports, and their static imports. */
function loadedChunks(): string[] {
  const code = readFileSync('dist/actor-graph.js', 'utf8');
  const widget = /import\(["']\.\/(widget-[^"']+)["']\)/.exec(code)?.[1];
  const seen = new Set<string>(['actor-graph.js']);
  const queue = [...staticImports(code), ...(widget === undefined ? [] : [widget])];
  while (queue.length > 0) {
    const name = queue.shift() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    queue.push(...staticImports(readFileSync(`dist/${name}`, 'utf8')));
  }
  return [...seen];
}

describe('the bundle budget', () => {
  it('keeps dist/actor-graph.js within 202 KB gzipped and 1.15 times the floor', () => {
    const floor = gzipped(buildFloor());
    const chunks = loadedChunks();
    expect(chunks.some((name) => name.startsWith('widget-'))).toBe(true);
    // Features only some pages use load when used: marking quotes in the article (text-target),
    expect(readdirSync('dist').some((name) => name.startsWith('text-target-controller-'))).toBe(true);
    expect(chunks.filter((name) => name.startsWith('text-target-controller-'))).toEqual([]);
    // And the interface's words in languages other than English.
    expect(readdirSync('dist').some((name) => name.startsWith('ko-'))).toBe(true);
    expect(chunks.filter((name) => name.startsWith('ko-'))).toEqual([]);
    const widget = chunks.reduce((sum, name) => sum + gzipped(`dist/${name}`), 0);
    console.log(`bundle: ${widget} bytes gzipped; floor: ${floor} bytes; ratio ${(widget / floor).toFixed(3)}`);
    expect(widget).toBeLessThanOrEqual(202_000);
    expect(widget / floor).toBeLessThanOrEqual(1.15);
    // A Korean page loads the Korean words beside it: held to 1.15 times the floor too.
    const korean = widget + gzipped(`dist/${readdirSync('dist').find((name) => /^ko-[\w-]+\.js$/.test(name))}`);
    console.log(`with the Korean words: ${korean} bytes gzipped; ratio ${(korean / floor).toFixed(3)}`);
    expect(korean / floor).toBeLessThanOrEqual(1.15);
  }, 60_000);

  it('keeps Cytoscape out of the layout code, so the worker starts quickly', () => {
    // The worker and the page's fallback lay out a flat graph (src/layout/flat-graph.ts): with
    // Cytoscape's core inside, the worker weighed 564 KB and took 280 ms to start here, not 90.
    const layoutFiles = readdirSync('dist').filter(
      (name) => name === 'actor-graph.layout-worker.js' || /^compute-[\w-]+\.js$/.test(name),
    );
    expect(layoutFiles).toHaveLength(2);
    for (const name of layoutFiles) {
      // 'haystack' is a curve style, which only Cytoscape's core knows of.
      expect(readFileSync(`dist/${name}`, 'utf8'), name).not.toMatch(/haystack/);
      expect(gzipped(`dist/${name}`), name).toBeLessThan(50_000);
    }
  });

  it('contains no eval, no Function constructor and no blob worker, in any file', () => {
    for (const name of readdirSync('dist').filter((file) => file.endsWith('.js'))) {
      const code = readFileSync(`dist/${name}`, 'utf8');
      expect(code, name).not.toMatch(/\beval\(/);
      expect(code, name).not.toMatch(/new Function\(/);
      // Object URLs serve only the Export menu's downloads, in its own chunk (see dist-safety.test.ts).
      if (!/^export-download-[\w-]+\.js$/.test(name)) expect(code, name).not.toMatch(/URL\.createObjectURL/);
    }
  });
});
