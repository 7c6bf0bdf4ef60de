/// <reference types="vite/client" />
/**
 * A smoke test of the pipeline in real Chromium: the validator runs in the browser (Web Crypto for
 * the SHA-256 included), and Cytoscape with the fcose layout draws the validated dataset.
 */
import cytoscape from 'cytoscape';
import fcose, { type FcoseLayoutOptions } from 'cytoscape-fcose';
import { afterEach, expect, it } from 'vitest';
import easleyJson from '../../graph-data/easley-2024-axis-of-transactionalism.json?raw';
import easleyText from '../../graph-data/sources/easley-2024-axis-of-transactionalism.txt?raw';
import { validateDatasetText } from '../../src/validation/validate-text.ts';
import sampleJson from '../fixtures/valid/sample.json?raw';
import sampleText from '../fixtures/valid/sample.txt?raw';

cytoscape.use(fcose);
const containers: HTMLElement[] = [];
afterEach(() => {
  for (const container of containers.splice(0)) container.remove();
});

it('validates a dataset and lays it out with fcose in Chromium', async () => {
  const report = await validateDatasetText(sampleJson, async (path) =>
    path === 'sample.txt' ? { ok: true, text: sampleText, where: path } : { ok: false, reason: 'no such file', where: path },
  );
  // The SHA-256 check ran, with the browser's Web Crypto.
  expect(globalThis.crypto.subtle).toBeDefined();
  expect(report.issues).toEqual([]);
  const dataset = report.dataset;
  if (dataset === undefined) throw new Error('the fixture did not validate');

  const container = document.createElement('div');
  container.style.cssText = 'width: 600px; height: 400px';
  document.body.append(container);
  containers.push(container);
  const cy = cytoscape({
    container,
    elements: [
      ...dataset.actors.map((actor) => ({ data: { id: actor.id, label: actor.name } })),
      ...dataset.ties.map((tie) => ({ data: { id: tie.id, source: tie.source, target: tie.target } })),
    ],
    style: [{ selector: 'node', style: { width: 30, height: 30, label: 'data(label)' } }],
  });
  const layout: FcoseLayoutOptions = { name: 'fcose', animate: false, randomize: true };
  await new Promise<void>((resolve) => {
    cy.layout(layout as cytoscape.LayoutOptions)
      .one('layoutstop', () => resolve())
      .run();
  });
  const positions = cy.nodes().map((node) => node.position());
  expect(positions).toHaveLength(4);
  for (const { x, y } of positions) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
  // fcose spreads the nodes out: no two share a place.
  const distinct = new Set(positions.map(({ x, y }) => `${Math.round(x)},${Math.round(y)}`));
  expect(distinct.size).toBe(4);
  expect(container.querySelector('canvas')).not.toBeNull();
  cy.destroy();
});

it('validates the built-in dataset in Chromium, SHA-256 and quotes included', async () => {
  const report = await validateDatasetText(easleyJson, async (path) =>
    path === 'sources/easley-2024-axis-of-transactionalism.txt'
      ? { ok: true, text: easleyText, where: path }
      : { ok: false, reason: 'no such file', where: path },
  );
  expect(report.issues).toEqual([]);
  expect(report.dataset?.ties.length).toBeGreaterThanOrEqual(40);
});
