/**
 * The interface's words in languages other than English are chunks of their own, loaded by the
 * first element that speaks them. This file runs in a page of its own, where no Korean words have
 * loaded yet; words-switch.test.ts changes the language of a widget already drawn.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ActorGraph } from '../../components/actor-graph/actor-graph.ts';
import { messagesLoaded } from '../../src/i18n/index.ts';
import { inside, mount, nextEvent, SEED_URL, seenText, unmountAll } from './helpers.ts';

afterEach(unmountAll);

describe('words loaded when first spoken', () => {
  it('draws a Korean widget in Korean from its first drawing, and a legend used alone turns Korean once its words are in', async () => {
    // The premise: nothing has loaded the Korean words in this page.
    expect(messagesLoaded('ko')).toBe(false);
    const dataset = await (await fetch(SEED_URL)).json();
    const legendBox = mount('<ag-tie-legend lang="ko"></ag-tie-legend>');
    const legend = legendBox.firstElementChild as HTMLElement & { data: unknown };
    legend.data = dataset;
    const box = mount('');
    const ready = nextEvent(box, 'ag-ready');
    box.innerHTML = `<actor-graph src="${SEED_URL}" lang="ko" show-absent></actor-graph>`;
    box.scrollIntoView({ block: 'start' });
    await ready;
    const graph = box.querySelector('actor-graph') as ActorGraph;
    // At its first drawing, the widget and its parts already speak Korean: nothing was shown with
    // the data in English first.
    expect(seenText(inside(graph, '[part="views"] button'))).toBe('그래프');
    expect(inside(graph, 'ag-tie-legend').shadowRoot?.textContent).toContain('동맹');
    const absent = graph.cy?.getElementById('prk-rus-economic-dependence');
    expect(absent?.data('label')).toContain('부재');
    // The legend alone rendered in English first, and in Korean once the words came.
    await expect.poll(() => legend.shadowRoot?.textContent, { timeout: 5000 }).toContain('동맹');
    expect(legend.shadowRoot?.textContent).not.toContain('Alliance');
  });
});
