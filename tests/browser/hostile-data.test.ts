/**
 * Hostile data: every string field of a dataset carries markup, script URLs and template-like
 * text. The widget shows it all as text: nothing runs, no element comes from data, and links are
 * only ever http(s).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActorGraph } from '../../components/actor-graph/actor-graph.ts';
import { sha256Hex } from '../../src/validation/validate.ts';
import { mountData, nextEvent, unmountAll } from './helpers.ts';

const RUN = 'window.__xss=(window.__xss||0)+1';
/** Attempts to run script, as markup, URLs and template syntax. */
const PAYLOADS = [
  `<img src=x onerror="${RUN}">`,
  `<svg onload="${RUN}"></svg>`,
  `<script>${RUN}</script>`,
  `"><img src=x onerror=${RUN}>`,
  `<iframe src="javascript:${RUN}"></iframe>`,
  `<a href="javascript:${RUN}">link</a>`,
  `javascript:${RUN}`,
  `JaVaScRiPt:${RUN}`,
  `java\tscript:${RUN}`,
  ` javascript:${RUN}`,
  `data:text/html,<script>${RUN}</script>`,
  'vbscript:msgbox(1)',
  '{{constructor.constructor("window.__xss=1")()}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the placeholder is the payload, meant to stay literal.
  '${window.__xss=1}',
  '<style>*{display:none}</style>',
];

declare global {
  interface Window {
    __xss?: number;
  }
}

let dialogs = 0;
beforeEach(() => {
  dialogs = 0;
  delete window.__xss;
  for (const name of ['alert', 'confirm', 'prompt'] as const) {
    vi.spyOn(window, name).mockImplementation(() => {
      dialogs++;
      return null as never;
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  unmountAll();
});

/** A valid dataset whose every free-text field is a payload, quoting a text made of payloads. */
async function hostileDataset(urls: readonly string[] = ['https://example.org/%22%3E%3Cimg%20src=x%3E']) {
  const text = `A text for the test. ${PAYLOADS.join(' and then ')} The end.`;
  const quote = (payload: string) => {
    const start = text.indexOf(payload);
    return { source: 'src', exact: payload, start, end: start + payload.length };
  };
  const pick = (i: number) => PAYLOADS[i % PAYLOADS.length] as string;
  const digest = await sha256Hex(text);
  const actors = PAYLOADS.map((payload, i) => ({
    id: `A${i}`,
    kind: i % 2 === 0 ? 'organization' : 'non-state',
    name: payload,
    aliases: [pick(i + 1), pick(i + 2)],
    names: { ko: pick(i + 3) },
  }));
  return {
    text,
    dataset: {
      id: 'hostile',
      title: pick(0),
      description: pick(1),
      sources: urls.map((url, i) => ({
        id: i === 0 ? 'src' : `src${i}`,
        title: pick(2),
        author: pick(3),
        publisher: pick(4),
        date: '2026',
        url,
        text: 'hostile.txt',
        sha256: digest,
      })),
      actors,
      tieTypes: PAYLOADS.map((payload, i) => ({
        id: `T${i}`,
        label: payload,
        description: pick(i + 5),
        category: ['alliance', 'transaction', 'hostility', 'competition', 'diplomacy'][i % 5],
        directed: i % 2 === 0,
      })),
      ties: PAYLOADS.map((payload, i) => ({
        id: `tie${i}`,
        source: `A${i}`,
        target: `A${(i + 1) % PAYLOADS.length}`,
        type: `T${i}`,
        status: i % 4 === 3 ? 'absent' : 'present',
        hedge: 'asserted',
        note: pick(i + 7),
        evidence: [quote(payload)],
      })),
    },
  };
}

/** Every element in the widget's shadow roots, however deep. */
function shadowElements(root: Element): Element[] {
  const found: Element[] = [];
  const walk = (node: ParentNode) => {
    for (const element of node.querySelectorAll('*')) {
      found.push(element);
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  if (root.shadowRoot) walk(root.shadowRoot);
  return found;
}

function expectNothingRan(graph: ActorGraph): void {
  expect(window.__xss).toBeUndefined();
  expect(dialogs).toBe(0);
  const elements = shadowElements(graph);
  expect(
    elements
      .filter((element) => /^(IMG|SCRIPT|IFRAME|OBJECT|EMBED|STYLE)$/.test(element.tagName))
      .map((element) => element.tagName),
  ).toEqual([]);
  // The only SVG is the legend's own line samples, never one from data.
  expect(
    elements.filter((element) => element.tagName.toLowerCase() === 'svg' && element.getAttribute('onload') !== null),
  ).toEqual([]);
  for (const link of elements.filter((element): element is HTMLAnchorElement => element instanceof HTMLAnchorElement)) {
    expect(new URL(link.href).protocol).toMatch(/^https?:$/);
  }
  for (const element of elements) {
    for (const attribute of element.getAttributeNames())
      expect(attribute.startsWith('on'), `${element.tagName} ${attribute}`).toBe(false);
  }
}

describe('hostile strings in every field', () => {
  it('are shown as text in every view and panel, and nothing runs', async () => {
    const { dataset, text } = await hostileDataset();
    const { graph, error } = await mountData(dataset, { 'hostile.txt': text }, 'show-absent');
    expect(error).toBeUndefined();
    // Localized names too: the Korean ones are the payloads shifted by three.
    const redrawn = nextEvent(graph, 'ag-ready');
    graph.lang = 'ko';
    await redrawn;
    expect(graph.cy?.getElementById('A0').data('label')).toBe(PAYLOADS[3]);
    const panelText = () =>
      shadowElements(graph).find((element) => element.tagName === 'AG-EVIDENCE-PANEL')?.shadowRoot?.textContent ?? '';
    // Each actor and each tie, in the panel.
    for (const id of [...dataset.actors.map((actor) => actor.id), ...dataset.ties.map((tie) => tie.id)]) {
      graph.select(id);
      await graph.updateComplete;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    graph.select('A0');
    await graph.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(panelText()).toContain(PAYLOADS[0]);
    // Every button of the widget's panels is pressed (links are checked, not followed).
    for (const button of shadowElements(graph).filter(
      (element): element is HTMLButtonElement => element instanceof HTMLButtonElement,
    )) {
      if (button.closest('.views')) continue;
      button.click();
    }
    for (const view of ['table', 'compare', 'graph'] as const) {
      graph.view = view;
      await graph.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 200));
      expectNothingRan(graph);
    }
    // The labels drawn on the canvas are the payloads, as text.
    expect(graph.cy?.getElementById('A1').data('label')).toBe(PAYLOADS[4]);
    expectNothingRan(graph);
  });

  it('refuses script, data and vbscript URLs, shows the refusal as text, and links nothing', async () => {
    const bad = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,x',
      'vbscript:msgbox(1)',
    ];
    const { dataset, text } = await hostileDataset(bad);
    const { graph, error } = await mountData(dataset, { 'hostile.txt': text }, 'show-absent');
    expect(error?.issues.map((issue) => issue.path.join('.'))).toEqual(bad.map((_, i) => `sources.${i}.url`));
    expect(graph.shadowRoot?.querySelector('[part="error"]')?.textContent).toContain('sources[0].url');
    expect(shadowElements(graph).some((element) => element instanceof HTMLAnchorElement)).toBe(false);
    expectNothingRan(graph);
  });
});
