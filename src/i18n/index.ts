/**
 * The languages of the widget's interface. To add one, write `src/i18n/<tag>.ts` after the model
 * of `ko.ts` (TypeScript then checks it gives every key of `en.ts`) and list it here.
 */
import { en, type Messages } from './en.ts';
import { ko } from './ko.ts';

export type { Messages } from './en.ts';

/** The interface languages, by their BCP 47 primary language subtag. */
export const LANGUAGES: Readonly<Record<string, Messages>> = { en, ko };

/**
 * The words for a language tag: the tag itself (`ko`), else its primary subtag (`ko-KR` → `ko`),
 * else English. The match ignores case, as language tags do.
 */
export function messagesFor(lang: string | undefined): Messages {
  if (lang === undefined || lang === '') return en;
  const tag = lang.toLowerCase();
  const base = tag.split('-')[0] ?? tag;
  // Own keys only: a tag such as "constructor" must not find the object's prototype.
  if (Object.hasOwn(LANGUAGES, tag)) return LANGUAGES[tag] as Messages;
  return Object.hasOwn(LANGUAGES, base) ? (LANGUAGES[base] as Messages) : en;
}
