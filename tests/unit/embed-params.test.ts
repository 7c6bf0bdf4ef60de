/** The query string of embed.html, read into the attributes of its widget. */
import { describe, expect, it } from 'vitest';
import { readEmbedParams, resolveDatasetUrl } from '../../src/embed/embed-params.ts';

const PAGE = 'https://cdn.example/actor-graph/embed.html?src=x';

describe('the dataset URL', () => {
  it('takes relative and http(s) URLs, resolved against the page', () => {
    expect(resolveDatasetUrl('data/graph.json', PAGE)).toBe('https://cdn.example/actor-graph/data/graph.json');
    expect(resolveDatasetUrl('/data/graph.json', PAGE)).toBe('https://cdn.example/data/graph.json');
    expect(resolveDatasetUrl('//other.example/g.json', PAGE)).toBe('https://other.example/g.json');
    expect(resolveDatasetUrl('HTTP://other.example/g.json', PAGE)).toBe('http://other.example/g.json');
  });

  it('refuses every other scheme, however it is disguised, and a relative URL on a page that is not http(s)', () => {
    for (const value of [
      'javascript:alert(1)',
      'JaVa\tScRiPt:alert(1)',
      ' data:application/json,{}',
      'blob:https://x/1',
      'file:///etc/passwd',
      'http://[bad',
    ])
      expect(resolveDatasetUrl(value, PAGE), value).toBeUndefined();
    expect(resolveDatasetUrl('graph.json', 'file:///home/editor/embed.html')).toBeUndefined();
  });
});

describe('the parameters', () => {
  it('become attributes, in a fixed order, ignoring parameters the page does not know', () => {
    const settings = readEmbedParams(
      '?utm_source=cms&show-absent&view=compare&src=data%2Fg.json&selected=PRK&filter=alliance+transaction&compare=hostility%20diplomacy&lang=ko&layout-seed=7&renderer=WebGL',
      PAGE,
    );
    expect(settings).toEqual({
      attributes: [
        ['src', 'https://cdn.example/actor-graph/data/g.json'],
        ['selected', 'PRK'],
        ['view', 'compare'],
        ['filter', 'alliance transaction'],
        ['compare', 'hostility diplomacy'],
        ['lang', 'ko'],
        ['layout-seed', '7'],
        ['show-absent', ''],
        ['renderer', 'webgl'],
      ],
      problems: [],
    });
  });

  it('names each parameter it cannot use, with its value, and leaves it out', () => {
    const settings = readEmbedParams(
      '?src=g.json&view=map&filter=alliance+war&compare=alliance&lang=<b>&show-absent=constructor&selected=&renderer=gpu',
      PAGE,
    );
    expect(settings.attributes).toEqual([['src', 'https://cdn.example/actor-graph/g.json']]);
    expect(settings.problems).toEqual([
      { code: 'bad-view', parameter: 'view', value: 'map' },
      { code: 'bad-filter', parameter: 'filter', value: 'alliance war' },
      { code: 'bad-compare', parameter: 'compare', value: 'alliance' },
      { code: 'bad-lang', parameter: 'lang', value: '<b>' },
      { code: 'bad-show-absent', parameter: 'show-absent', value: 'constructor' },
      { code: 'bad-renderer', parameter: 'renderer', value: 'gpu' },
    ]);
    expect(readEmbedParams('?src=g.json&show-absent=false', PAGE).attributes).toEqual([
      ['src', 'https://cdn.example/actor-graph/g.json'],
    ]);
  });

  it('shows no graph without a safe src, and says why', () => {
    expect(readEmbedParams('?view=table', PAGE)).toEqual({
      attributes: [],
      problems: [],
      fatal: { code: 'missing-src', parameter: 'src', value: '' },
    });
    expect(readEmbedParams('?src=javascript:alert(1)&view=table', PAGE).fatal).toEqual({
      code: 'unsafe-src',
      parameter: 'src',
      value: 'javascript:alert(1)',
    });
  });
});
