import { describe, expect, it } from 'vitest';
import { quoteContext } from '../../src/evidence/context.ts';

const text = 'First sentence here. The quote sits in this one, mid-way. Then another.\nA new paragraph.';
const at = (quote: string) => ({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });

describe('quoteContext', () => {
  it('sets a quote in its sentence', () => {
    expect(quoteContext(text, at('sits in this one'))).toEqual({
      before: 'The quote ',
      quote: 'sits in this one',
      after: ', mid-way.',
      clippedBefore: false,
      clippedAfter: false,
    });
  });

  it('spans every sentence a long quote touches, and stops at the paragraph', () => {
    const context = quoteContext(text, at('here. The'));
    expect(`${context.before}[${context.quote}]${context.after}`).toBe(
      'First sentence [here. The] quote sits in this one, mid-way.',
    );
    const last = quoteContext(text, at('Then'));
    expect(last.after).toBe(' another.');
    expect(quoteContext(text, at('new')).before).toBe('A ');
  });

  it('handles closing curly quotes after the full stop', () => {
    const quoted = 'He said “go.” Then she left. Done.';
    const context = quoteContext(quoted, { start: quoted.indexOf('Then'), end: quoted.indexOf('Then') + 4 });
    expect(context.before).toBe('');
    expect(context.after).toBe(' she left.');
  });

  it('clips very long sentences at a word, and says so', () => {
    const long = `${'word '.repeat(200)}QUOTE ${'more '.repeat(200)}end.`;
    const context = quoteContext(long, { start: long.indexOf('QUOTE'), end: long.indexOf('QUOTE') + 5 }, 50);
    expect(context.clippedBefore && context.clippedAfter).toBe(true);
    expect(context.before.length).toBeLessThanOrEqual(50);
    expect(context.before.startsWith('word')).toBe(true);
    expect(context.after.length).toBeLessThanOrEqual(50);
  });
});
