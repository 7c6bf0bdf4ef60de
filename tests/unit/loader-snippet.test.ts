import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { LOADER_SCRIPT, LOADER_SCRIPT_HASH, loaderSnippet } from '../../src/embed/loader-snippet.ts';

it('gives the hash of the loader script as a CSP source', () => {
  const digest = createHash('sha256').update(LOADER_SCRIPT, 'utf8').digest('base64');
  expect(LOADER_SCRIPT_HASH).toBe(`'sha256-${digest}'`);
});

it('puts the entry’s URL in an attribute, escaped, and leaves the script as it is', () => {
  expect(loaderSnippet('https://cdn.example/a.js?v=1&x="y"')).toBe(
    `<script data-src="https://cdn.example/a.js?v=1&amp;x=&quot;y&quot;">${LOADER_SCRIPT}</script>`,
  );
});

it('is given in the README as it is, with its hash', () => {
  const readme = readFileSync('README.md', 'utf8');
  expect(readme).toContain(loaderSnippet('https://your.cdn/actor-graph/actor-graph.js'));
  expect(readme).toContain(LOADER_SCRIPT_HASH);
});
