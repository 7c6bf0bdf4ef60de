/**
 * The widget in the places and under the styles an article page gives it: the host's layout and
 * direction must not change how it is sized, laid out or read.
 */
import { afterEach, expect, it } from 'vitest';
import { inside, mountGraph, SEED_URL, unmountAll } from './helpers.ts';

afterEach(unmountAll);

it('takes a width of its own in a flex row or an auto grid column that sizes it by its content', async () => {
  for (const style of ['display: flex; width: 1000px', 'display: grid; grid-template-columns: auto 1fr; width: 1000px']) {
    const graph = await mountGraph(`src="${SEED_URL}"`, style);
    // Size containment (its container queries) leaves it no content width: it would collapse to 0.
    expect(graph.getBoundingClientRect().width, style).toBeGreaterThanOrEqual(700);
    expect(inside(graph, '.graph').getBoundingClientRect().width, style).toBeGreaterThan(300);
    unmountAll();
  }
  // In a narrow row it still shrinks to fit, with no overflow.
  const graph = await mountGraph(`src="${SEED_URL}"`, 'display: flex; width: 380px');
  expect(graph.getBoundingClientRect().width).toBeLessThanOrEqual(380);
});

it('lays out and punctuates its text left to right on a right-to-left page', async () => {
  const graph = await mountGraph(`src="${SEED_URL}"`, 'width: 1100px; direction: rtl');
  expect(getComputedStyle(inside(graph, '.root')).direction).toBe('ltr');
  expect(getComputedStyle(inside(graph, '.graph canvas')).direction).toBe('ltr');
});
