/** Styling with one round of consequences per element: the same boxes, styles and order as Cytoscape's own. */
import cytoscape, { type Core } from 'cytoscape';
import { afterEach, describe, expect, it } from 'vitest';
import { coalesceStyleTriggers } from '../../components/actor-graph/coalesced-style-triggers.ts';
import type { Dataset } from '../../src/model/schema.ts';
import { buildElements } from '../../src/render/elements.ts';
import { buildStylesheet } from '../../src/render/stylesheet.ts';
import { DEFAULT_THEME } from '../../src/render/theme.ts';
import { syntheticDataset } from '../bench/generate.ts';

const cores: Core[] = [];
afterEach(() => {
  for (const cy of cores.splice(0)) {
    const container = cy.container();
    cy.destroy();
    container?.remove();
  }
});

/** The widget's stylesheet, without fades and with them (as for a small graph). */
const PLAIN = buildStylesheet(DEFAULT_THEME, { fades: false });
const FADING = buildStylesheet(DEFAULT_THEME, { fades: true });
/**
 * A stylesheet with a function mapper that reads, while a hidden tie is styled, a state that
 * hiding it has just made stale: such an element is styled property by property.
 */
const MAPPED = [
  ...PLAIN,
  { selector: 'edge.filtered', style: { 'text-opacity': (tie: cytoscape.EdgeSingular) => (tie.visible() ? 1 : 0.5) } },
] as cytoscape.StylesheetJson;

/** A drawn core of 40 synthetic actors, coalescing or not, with every element styled and measured. */
function makeCore(coalesce: boolean, style = PLAIN): { cy: Core; announced: Map<string, number> } {
  const container = document.createElement('div');
  container.style.cssText = 'width: 600px; height: 400px';
  document.body.append(container);
  const cy = cytoscape({ container, style, layout: { name: 'preset' } });
  cores.push(cy);
  if (coalesce) coalesceStyleTriggers(cy);
  // How often each element's box was announced as dropped.
  const announced = new Map<string, number>();
  cy.on('bounds', (event) => {
    const id = (event.target as cytoscape.SingularElementArgument).id();
    announced.set(id, (announced.get(id) ?? 0) + 1);
  });
  const elements = buildElements(syntheticDataset({ actors: 40, seed: 7 }).dataset as Dataset);
  cy.add(
    elements.map((element, i) =>
      element.group === 'nodes'
        ? { ...element, data: { ...element.data }, position: { x: (i % 8) * 90, y: Math.floor(i / 8) * 70 } }
        : { ...element, data: { ...element.data } },
    ),
  );
  // Three ties between the same two actors, curved around each other.
  const [first, second] = cy.nodes();
  const template = cy.edges()[0];
  if (first === undefined || second === undefined || template === undefined) throw new Error('no graph');
  for (const id of ['p1', 'p2', 'p3']) {
    const data = { ...template.data(), id, source: first.id(), target: second.id() };
    cy.add({ group: 'edges', data, classes: template.classes().join(' ') });
  }
  cy.elements().boundingBox({});
  return { cy, announced };
}

/** What a change of style can leave stale: each element's box, derived states, some styles and the drawing order. */
function stateOf(cy: Core): unknown {
  const renderer = (cy as unknown as { renderer(): { getCachedZSortedEles(): { id(): string }[] } }).renderer();
  return {
    elements: cy.elements().map((element) => {
      const box = element.boundingBox();
      // Internal to Cytoscape, untyped: the style as applied, and whether the element takes events.
      const internal = element as unknown as {
        pstyle(name: string): { pfValue?: number; value: unknown; strValue: string };
        interactive(): boolean;
      };
      return [
        element.id(),
        [box.x1, box.y1, box.x2, box.y2].map((value) => Math.round(value * 100) / 100),
        element.visible(),
        internal.interactive(),
        internal.pstyle('width').pfValue,
        internal.pstyle('opacity').value,
        internal.pstyle('label').strValue,
        internal.pstyle('text-opacity').value,
      ];
    }),
    order: renderer.getCachedZSortedEles().map((element) => element.id()),
  };
}

describe('styling an element', () => {
  it.each([
    ['the widget stylesheet', PLAIN],
    ['fades', FADING],
    ['a function mapper', MAPPED],
  ])(
    'leaves every box, derived state, the drawing order and some styles as Cytoscape does, through restyles (%s)',
    (_, style) => {
      const plain = makeCore(false, style);
      const coalesced = makeCore(true, style);
      const changes: ((cy: Core) => void)[] = [
        () => undefined,
        (cy) => {
          const hub = cy.nodes().max((node) => node.degree(false)).ele;
          hub.addClass('selected');
          hub.connectedEdges().addClass('in-selection');
          cy.elements().difference(hub.closedNeighborhood()).addClass('faded');
        },
        (cy) => cy.nodes().slice(0, 5).data('label', 'A much longer name that wraps onto more lines than one'),
        (cy) => cy.edges().slice(0, 12).addClass('filtered'),
        // A hidden tie straightens the curves of the ties beside it.
        (cy) => cy.getElementById('p2').addClass('filtered'),
        // Hidden actors hide their ties, whose boxes go with them.
        (cy) => cy.nodes().slice(12, 16).addClass('filtered'),
        (cy) => cy.nodes().slice(3, 9).addClass('focused'),
        (cy) => cy.elements().removeClass('selected in-selection faded filtered focused'),
        (cy) => cy.edges().slice(4, 10).addClass('hover'),
      ];
      for (const [step, change] of changes.entries()) {
        change(plain.cy);
        change(coalesced.cy);
        expect(stateOf(coalesced.cy), `after change ${step}`).toEqual(stateOf(plain.cy));
      }
    },
  );

  it('announces each dropped box once per element restyled, not once per property', () => {
    const plain = makeCore(false);
    const coalesced = makeCore(true);
    // The same elements were announced, far fewer times over.
    expect([...coalesced.announced.keys()].sort()).toEqual([...plain.announced.keys()].sort());
    const total = (announced: Map<string, number>) => [...announced.values()].reduce((sum, count) => sum + count, 0);
    expect(total(coalesced.announced) * 3).toBeLessThan(total(plain.announced));
    // Restyled again, with several properties changed at once: each element announced once as
    // dropped, and once more as measured again.
    for (const { cy, announced } of [plain, coalesced]) {
      announced.clear();
      cy.nodes()
        .max((node) => node.degree(false))
        .ele.addClass('selected focused');
      cy.elements().boundingBox({});
    }
    expect([...coalesced.announced.keys()].sort()).toEqual([...plain.announced.keys()].sort());
    expect(Math.max(...coalesced.announced.values())).toBe(2);
    expect(Math.max(...plain.announced.values())).toBeGreaterThan(2);
  });
});
