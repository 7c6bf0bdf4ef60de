/**
 * A widget drawn in English and then asked for Korean, in a page of its own where no Korean words
 * have loaded yet: it keeps speaking English while they load, then changes its words, the names
 * of its parts and its graph together.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { messagesLoaded } from '../../src/i18n/index.ts';
import { inside, mountGraph, seenText, unmountAll } from './helpers.ts';

afterEach(unmountAll);

describe('a change to a language whose words have not loaded', () => {
  it('changes the words, the parts and the graph together once the words are in', async () => {
    expect(messagesLoaded('ko')).toBe(false);
    const graph = await mountGraph(`src="/graph-data/easley-2024-axis-of-transactionalism.json" show-absent`);
    const absentLabel = () => graph.cy?.getElementById('prk-rus-economic-dependence').data('label') as string;
    const views = () => seenText(inside(graph, '[part="views"] button'));
    expect(absentLabel()).toContain('(absent)');
    graph.lang = 'ko';
    await graph.updateComplete;
    // Still English throughout while the words load: the parts are not told of the new language yet.
    expect(views()).toBe('Graph');
    expect(inside(graph, 'ag-tie-legend').getAttribute('lang')).not.toBe('ko');
    await expect.poll(views, { timeout: 5000 }).toBe('그래프');
    expect(inside(graph, 'ag-tie-legend').getAttribute('lang')).toBe('ko');
    expect(inside(graph, 'ag-tie-legend').shadowRoot?.textContent).toContain('동맹');
    // The graph is drawn again in Korean: names and the absent tie's mark.
    await expect.poll(absentLabel, { timeout: 5000 }).toContain('(부재)');
    expect(graph.cy?.getElementById('PRK').data('label')).toBe('북한');
  });
});
