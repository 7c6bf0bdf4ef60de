import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { INTERFACE_LANGUAGES, loadMessages, messagesFor, messagesLoaded } from '../../src/i18n/index.ts';
import { ko } from '../../src/i18n/ko.ts';
import { formatPeriod } from '../../src/render/format.ts';

/**
 * One argument that serves as a number, a text, a flag, a list of texts, a count of ties (those
 * that exist and the absent ones) or the panel's hidden counts, for calling any message.
 */
const SAMPLE: object = Object.assign(new String('3'), { join: () => 'X; Y', present: 3, absent: 1 });
Object.assign(SAMPLE, { filtered: SAMPLE, other: SAMPLE });

/** Every leaf of a message tree, by its dotted path: strings as they are, functions called with sample arguments. */
function leaves(tree: object, path = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] => {
    const at = path === '' ? key : `${path}.${key}`;
    if (typeof value === 'string') return [[at, value]];
    if (typeof value === 'function') {
      return [[at, String(value(...Array.from({ length: value.length }, () => SAMPLE)))]];
    }
    return leaves(value as object, at);
  });
}

/** The shape of a message tree: paths with the parameter count of each function. */
function shape(tree: object, path = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const at = path === '' ? key : `${path}.${key}`;
    if (typeof value === 'function') return [`${at}(${value.length})`];
    if (typeof value === 'object' && value !== null) return shape(value, at);
    return [at];
  });
}

describe('interface languages', () => {
  it('speaks English until the words of another language have loaded, which they do once', async () => {
    expect(messagesLoaded('ko')).toBe(false);
    expect(messagesFor('ko')).toBe(en);
    // English, and languages the interface does not have, need nothing loaded.
    for (const tag of ['en', 'en-GB', 'fr', '', undefined]) expect(messagesLoaded(tag), tag).toBe(true);
    const loads = [loadMessages('ko'), loadMessages('KO-kr')];
    expect(loads[0]).toBe(loads[1]);
    expect(await loads[0]).toBe(ko);
    expect(messagesLoaded('ko-KR')).toBe(true);
    expect(await loadMessages('fr')).toBe(en);
  });

  it('finds a language by its tag, its primary subtag or not at all', async () => {
    await loadMessages('ko');
    expect(messagesFor('ko')).toBe(ko);
    expect(messagesFor('ko-KR')).toBe(ko);
    expect(messagesFor('KO-kr')).toBe(ko);
    expect(messagesFor('en-GB')).toBe(en);
    expect(messagesFor('fr')).toBe(en);
    expect(messagesFor('')).toBe(en);
    expect(messagesFor(undefined)).toBe(en);
    for (const tag of ['constructor', '__proto__', 'toString', 'hasOwnProperty-x']) expect(messagesFor(tag)).toBe(en);
  });

  it('gives every language every message of English, with the same parameters', async () => {
    expect(INTERFACE_LANGUAGES).toEqual(['en', 'ko']);
    for (const tag of INTERFACE_LANGUAGES) {
      const messages = await loadMessages(tag);
      // English stands in for words that fail to load: that must not pass for a language.
      if (tag !== 'en') expect(messages, tag).not.toBe(en);
      expect(shape(messages), tag).toEqual(shape(en));
    }
  });

  it('writes every Korean message in Hangul, and no message is empty', () => {
    const hangul = /[\uac00-\ud7a3]/;
    // Messages made of figures and punctuation only have no words to translate.
    const wordless = new Set(['date.range', 'metrics.hedgeCount']);
    const untranslated = leaves(ko).filter(([path, text]) => !hangul.test(text) && !wordless.has(path));
    expect(untranslated).toEqual([]);
    for (const [path, text] of [...leaves(en), ...leaves(ko)]) expect(text.trim(), path).not.toBe('');
  });

  it('counts absent ties apart from the ties that exist, never adding them up', () => {
    const shown = { present: 12, absent: 3 };
    const none = { present: 0, absent: 0 };
    expect(en.table.summary(shown, none, 'Date', false)).toMatch(/^12 ties \+3 absent\. Sorted by date, ascending\./);
    expect(en.table.summary({ present: 1, absent: 0 }, { present: 0, absent: 2 }, 'Date', true)).toMatch(
      /^1 tie, 2 absent ties hidden by the filters\./,
    );
    expect(en.timeline.hidden(shown)).toBe('12 ties +3 absent outside these dates hidden');
    // Only absent ties: named as such, not as "0 ties +1 absent".
    expect(en.timeline.hidden({ present: 0, absent: 1 })).toBe('1 absent tie outside these dates hidden');
    expect(en.timeline.undated({ present: 44, absent: 16 }, true)).toBe('44 undated ties +16 absent always shown, faded');
    expect(en.panel.overviewCount(19, shown)).toBe('19 actors · 12 ties +3 absent shown');
    expect(
      en.panel.shownHidden(shown, { filtered: { present: 0, absent: 9 }, absent: 0, other: { present: 25, absent: 2 } }),
    ).toBe('12 ties +3 absent shown, 25 ties +2 absent of other categories, 9 absent ties hidden by the filters');
    expect(ko.table.summary(shown, none, '날짜', false)).toMatch(/^관계 12개 \+부재 3개\./);
    expect(ko.timeline.hidden({ present: 0, absent: 1 })).toBe('이 기간 밖의 관계 부재 1개 숨김');
    expect(ko.timeline.undated({ present: 44, absent: 0 }, false)).toBe('날짜 없는 관계 44개는 항상 표시');
  });

  it('writes dates and periods in each language', () => {
    expect(formatPeriod({ from: '2023-12', to: '2024-06-04' })).toBe('Dec 2023 – 4 Jun 2024');
    expect(formatPeriod({ from: '2023-12', to: '2024-06-04' }, ko.date)).toBe('2023년 12월 – 2024년 6월 4일');
    expect(formatPeriod({ from: '2022' }, ko.date)).toBe('2022년부터');
    expect(formatPeriod({ to: '2024-02' }, en.date)).toBe('until Feb 2024');
  });
});
