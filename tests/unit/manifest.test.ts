/** `custom-elements.json` is generated from the components' JSDoc, and the README documents it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Declaration {
  tagName?: string;
  attributes?: { name: string }[];
  events?: { name: string }[];
  cssProperties?: { name: string }[];
  cssParts?: { name: string }[];
  members?: { name: string; kind: string; privacy?: string; static?: boolean }[];
}
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as { modules: { declarations?: Declaration[] }[] };
const declarations = manifest.modules.flatMap((module) => module.declarations ?? []);
const actorGraph = declarations.find((declaration) => declaration.tagName === 'actor-graph');

describe('custom-elements.json', () => {
  // The analyzer once gave a different manifest while the browser tests loaded the machine; a
  // stale manifest fails every try, a passing hiccup does not.
  it('is up to date with the components', { retry: 2 }, () => {
    // The analyzer writes below the working folder whatever --outdir says, so the fresh copy goes
    // to a scratch folder inside node_modules, which git, Biome and Vite all ignore.
    const folder = mkdtempSync('node_modules/.cache-cem-');
    try {
      const run = spawnSync(
        process.execPath,
        [
          'node_modules/@custom-elements-manifest/analyzer/cem.js',
          'analyze',
          '--litelement',
          '--globs',
          'components/**/*.ts',
          '--exclude',
          'components/**/define.ts',
          '--outdir',
          folder,
        ],
        { encoding: 'utf8' },
      );
      expect(run.status, run.stderr).toBe(0);
      const fresh = readFileSync(join(folder, 'custom-elements.json'), 'utf8').split('\n');
      const committed = readFileSync('custom-elements.json', 'utf8').split('\n');
      const line = fresh.findIndex((text, i) => text !== committed[i]);
      const where =
        line === -1 ? '' : ` from line ${line + 1}: ${JSON.stringify(committed[line])} != ${JSON.stringify(fresh[line])}`;
      expect(
        line === -1 && fresh.length === committed.length,
        `custom-elements.json is stale${where}: run \`npm run manifest\``,
      ).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('describes the public contract of <actor-graph>', () => {
    expect(actorGraph?.attributes?.map((a) => a.name)).toEqual([
      'src',
      'selected',
      'filter',
      'view',
      'compare',
      'layout-seed',
      'show-absent',
      'lang',
    ]);
    expect(actorGraph?.events?.map((e) => e.name)).toEqual([
      'ag-ready',
      'ag-select',
      'ag-error',
      'ag-filter-change',
      'ag-view-change',
    ]);
    expect(actorGraph?.cssParts?.map((p) => p.name)).toEqual([
      'graph',
      'legend',
      'timeline',
      'views',
      'metrics',
      'table',
      'panel',
      'error',
    ]);
    const publicMembers = actorGraph?.members
      ?.filter((m) => (m.privacy ?? 'public') === 'public' && !m.static)
      .map((m) => m.name);
    expect(publicMembers).toEqual(
      expect.arrayContaining(['data', 'cy', 'select', 'fit', 'src', 'selected', 'layoutSeed', 'showAbsent']),
    );
  });

  it('is documented in the README, name by name', () => {
    const readme = readFileSync('README.md', 'utf8');
    const names = [
      ...(actorGraph?.attributes ?? []).map((a) => `\`${a.name}\``),
      ...(actorGraph?.events ?? []).map((e) => `\`${e.name}\``),
      ...(actorGraph?.cssProperties ?? []).map((p) => `\`${p.name}\``),
      ...(actorGraph?.cssParts ?? []).map((p) => `\`${p.name}\``),
      '`data`',
      '`cy`',
      '`select(id)`',
      '`fit()`',
    ];
    const missing = names.filter((name) => !readme.includes(name));
    expect(missing).toEqual([]);
  });
});
