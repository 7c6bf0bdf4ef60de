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
