import type { ReactiveControllerHost } from 'lit';
import { loadMessages, type Messages, messagesFor, messagesLoaded } from '../../src/i18n/index.ts';
import { composedParent } from './composed-tree.ts';

/**
 * The language an element speaks: its own `lang` attribute, else its nearest ancestor's (across
 * shadow roots, so a widget inside a Korean section of a page speaks Korean), else the page's.
 * Empty when nobody says.
 */
export function languageOf(element: Element): string {
  let node: Element | null = element;
  while (node !== null) {
    const lang = node.getAttribute('lang');
    if (lang !== null && lang !== '') return lang;
    node = composedParent(node);
  }
  return document.documentElement.lang;
}

/**
 * Whether the interface's words in `lang` are in. When they are not, they start loading, and
 * `host` renders again once they are.
 */
export function wordsLoadedFor(host: ReactiveControllerHost, lang: string | undefined): boolean {
  if (messagesLoaded(lang)) return true;
  void loadMessages(lang).then(() => host.requestUpdate());
  return false;
}

/**
 * The interface's words in `lang` for an element's render. Words not loaded yet are English for
 * now: they start loading, and the element renders again once they are in.
 */
export function wordsFor(host: ReactiveControllerHost, lang: string | undefined): Messages {
  wordsLoadedFor(host, lang);
  return messagesFor(lang);
}
