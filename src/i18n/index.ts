/**
 * The languages of the widget's interface. English is built in, as the fallback; every other
 * language is a chunk of its own, loaded the first time something speaks it, so that pages in
 * English never download it. To add one, write `src/i18n/<tag>.ts` after the model of `ko.ts`
 * (TypeScript then checks it gives every key of `en.ts`) and list its loader here.
 */
import { en, type Messages } from './en.ts';

export type { Messages } from './en.ts';

/** The interface languages besides English, by their BCP 47 primary language subtag. */
const LOADERS: Readonly<Record<string, () => Promise<Messages>>> = {
  ko: async () => (await import('./ko.ts')).ko,
};

/** The interface languages, English first. */
export const INTERFACE_LANGUAGES: readonly string[] = ['en', ...Object.keys(LOADERS)];

const loaded = new Map<string, Messages>([['en', en]]);
const loading = new Map<string, Promise<Messages>>();

/**
 * The interface language for a language tag: the tag itself (`ko`), else its primary subtag
 * (`ko-KR` → `ko`), else none. The match ignores case, as language tags do.
 */
function interfaceLanguageOf(lang: string | undefined): string | undefined {
  if (lang === undefined || lang === '') return undefined;
  const tag = lang.toLowerCase();
  // Own keys only: a tag such as "constructor" must not find the object's prototype.
  const known = (candidate: string) => candidate === 'en' || Object.hasOwn(LOADERS, candidate);
  if (known(tag)) return tag;
  const base = tag.split('-')[0] ?? tag;
  return known(base) ? base : undefined;
}

/**
 * The words for a language tag, once loaded (see `loadMessages`): English until then, and for a
 * language the interface does not have.
 */
export function messagesFor(lang: string | undefined): Messages {
  const language = interfaceLanguageOf(lang);
  return (language === undefined ? undefined : loaded.get(language)) ?? en;
}

/**
 * Whether `messagesFor(lang)` gives the words it will keep giving: those of `lang`'s interface
 * language, loaded, or English for a language the interface does not have.
 */
export function messagesLoaded(lang: string | undefined): boolean {
  const language = interfaceLanguageOf(lang);
  return language === undefined || loaded.has(language);
}

/**
 * Loads the words of `lang`'s interface language (once, however often it is asked), and resolves
 * to what `messagesFor(lang)` gives then. Words that fail to load leave that language's interface
 * in English for the page's life, with a warning in the console.
 */
export function loadMessages(lang: string | undefined): Promise<Messages> {
  const language = interfaceLanguageOf(lang);
  const load = language === undefined ? undefined : LOADERS[language];
  if (language === undefined || load === undefined || loaded.has(language)) return Promise.resolve(messagesFor(lang));
  let pending = loading.get(language);
  if (pending === undefined) {
    pending = load().then(
      (messages) => {
        loaded.set(language, messages);
        return messages;
      },
      (error: unknown) => {
        // Loaded as English: asking again at every render would never end.
        loaded.set(language, en);
        const reason = error instanceof Error ? error.message : String(error);
        console.warn(`actor-graph: the interface's words for "${language}" did not load (${reason}); it stays in English.`);
        return en;
      },
    );
    loading.set(language, pending);
  }
  return pending;
}
