/** `custom-elements.json` is generated from the components' JSDoc, and the README documents it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Declaration {
  tagName?: string;
  attributes?: { name: string; fieldName?: string }[];
  events?: { name: string }[];
  cssProperties?: { name: string }[];
  cssParts?: { name: string }[];
  members?: { name: string; kind: string; privacy?: string; static?: boolean }[];
}
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as { modules: { declarations?: Declaration[] }[] };
const declarations = manifest.modules.flatMap((module) => module.declarations ?? []);
const actorGraph = declarations.find((declaration) => declaration.tagName === 'actor-graph');

describe('custom-elements.json', () => {
  // The analyzer lists modules in the order its file reads finish, which varies under load; the
  // comparison sorts them by path and compares everything else exactly.
  it('is up to date with the components', () => {
    const folder = mkdtempSync('node_modules/.cache-cem-');
    try {
      const run = spawnSync(
        process.execPath,
        ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--outdir', folder],
        {
          encoding: 'utf8',
        },
      );
      expect(run.status, run.stderr).toBe(0);
      const sorted = (path: string) => {
        const parsed = JSON.parse(readFileSync(path, 'utf8')) as { modules: { path: string }[] };
        return { ...parsed, modules: [...parsed.modules].sort((a, b) => a.path.localeCompare(b.path)) };
      };
      expect(sorted(join(folder, 'custom-elements.json')), 'custom-elements.json is stale: run `npm run manifest`').toEqual(
        sorted('custom-elements.json'),
      );
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
      'renderer',
      'show-absent',
      'lang',
      'timeout',
      'sync-url',
      'text-target',
    ]);
    expect(actorGraph?.events?.map((e) => e.name)).toEqual([
      'ag-ready',
      'ag-select',
      'ag-error',
      'ag-filter-change',
      'ag-view-change',
      'ag-compare-change',
      'ag-export',
    ]);
    expect(actorGraph?.cssParts?.map((p) => p.name)).toEqual([
      'graph',
      'legend',
      'timeline',
      'views',
      'metrics',
      'table',
      'panel',
      'to-panel',
      'from-article',
      'error',
    ]);
    const publicMembers = actorGraph?.members
      ?.filter((m) => (m.privacy ?? 'public') === 'public' && !m.static)
      .map((m) => m.name);
    expect(publicMembers).toEqual(
      expect.arrayContaining(['data', 'cy', 'select', 'fit', 'src', 'selected', 'layoutSeed', 'showAbsent']),
    );
  });

  it("lists no attribute for an element's internal state (a private property)", () => {
    const stateAttributes = declarations.flatMap((declaration) => {
      const state = new Set(declaration.members?.filter((m) => m.privacy === 'private').map((m) => m.name));
      return (declaration.attributes ?? [])
        .filter((attribute) => state.has(attribute.fieldName ?? attribute.name))
        .map((attribute) => `${declaration.tagName} ${attribute.name}`);
    });
    expect(stateAttributes).toEqual([]);
    const search = declarations.find((declaration) => declaration.tagName === 'ag-graph-search');
    expect(search?.attributes?.map((a) => a.name)).toEqual(['lang']);
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
