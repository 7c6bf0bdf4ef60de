/**
 * The script of `embed.html`, the ready page for CMSs that allow an `<iframe>` but no script: it
 * reads `src`, `selected`, `view`, `filter`, `compare`, `lang`, `layout-seed`, `show-absent` and
 * `renderer` from the page's query string and puts one `<actor-graph>` with those attributes in the page.
 *
 * It runs under a strict CSP (it is a file, not an inline script; its styles are a constructed
 * stylesheet) and never writes HTML: elements are created and given text. It does not load the
 * widget: `embed.html` loads `actor-graph.js` beside it, and the element upgrades when it arrives.
 */
import { type EmbedProblem, readEmbedParams } from '../../src/embed/embed-params.ts';
import { TIE_CATEGORIES } from '../../src/model/vocabulary.ts';
import { RENDERER_CHOICES } from '../../src/render/gpu.ts';

/** The page's words, for the editor who wrote the iframe's URL. */
const MESSAGES = {
  fatalTitle: 'This graph cannot be shown',
  'missing-src': () =>
    'The address of this embed page has no src parameter. Give the URL of a dataset JSON file, e.g. embed.html?src=data/graph.json.',
  'unsafe-src': (value: string) => `The src parameter "${value}" is not a relative URL or an http(s) URL, so it is not loaded.`,
  'bad-view': (value: string) => `The view parameter "${value}" is not graph, compare or table; the graph view is shown.`,
  'bad-filter': (value: string) =>
    `The filter parameter "${value}" names something other than ${TIE_CATEGORIES.join(', ')} or none; every category is shown.`,
  'bad-compare': (value: string) =>
    `The compare parameter "${value}" does not name two different categories of ${TIE_CATEGORIES.join(', ')}; alliance and transaction are compared.`,
  'bad-lang': (value: string) => `The lang parameter "${value}" is not a language tag such as ko or en; it is left out.`,
  'bad-show-absent': (value: string) => `The show-absent parameter "${value}" is not true or false; absent ties are not drawn.`,
  'bad-renderer': (value: string) =>
    `The renderer parameter "${value}" is not ${RENDERER_CHOICES.slice(0, -1).join(', ')} or ${RENDERER_CHOICES.at(-1)}; the renderer is chosen automatically.`,
} as const;

const STYLES = `
  html, body { height: 100%; margin: 0; }
  body { font: 15px/1.45 system-ui, sans-serif; color: #1f2328; background: #fff; }
  main { box-sizing: border-box; min-height: 100%; display: flow-root; }
  /* The graph takes the height of the frame that the legend, the timeline and the view buttons leave. */
  actor-graph { --ag-graph-height: calc(100vh - 8.5rem); --ag-radius: 0; }
  .message { margin: 1rem; padding: 0.8rem 1rem; border: 1px solid #d0d7de; border-radius: 6px; background: #fff8f7; }
  .message h1 { margin: 0 0 0.3rem; font-size: 1.05rem; color: #b3261e; }
  .message p { margin: 0; overflow-wrap: anywhere; }
  .notice { margin: 0; padding: 0.35rem 0.7rem; font-size: 0.85rem; background: #fff8e1; border-bottom: 1px solid #e6d9a8; overflow-wrap: anywhere; }
`;

function text<K extends keyof HTMLElementTagNameMap>(tag: K, content: string, className?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  element.textContent = content;
  if (className !== undefined) element.className = className;
  return element;
}

function describe(problem: EmbedProblem): string {
  return MESSAGES[problem.code](problem.value);
}

/** Builds the page: the graph with its attributes, or the message saying why there is none. */
function start(): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(STYLES);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  const main = document.querySelector('main') ?? document.body.appendChild(document.createElement('main'));
  const settings = readEmbedParams(location.search, location.href);
  if (settings.fatal !== undefined) {
    const box = document.createElement('div');
    box.className = 'message';
    box.setAttribute('role', 'alert');
    box.append(text('h1', MESSAGES.fatalTitle), text('p', describe(settings.fatal)));
    main.replaceChildren(box);
    return;
  }
  const notices = settings.problems.map((problem) => {
    console.warn(`actor-graph embed: ${describe(problem)}`);
    const notice = text('p', describe(problem), 'notice');
    notice.setAttribute('role', 'note');
    return notice;
  });
  const graph = document.createElement('actor-graph');
  for (const [name, value] of settings.attributes) graph.setAttribute(name, value);
  main.replaceChildren(...notices, graph);
  // The graph takes the height that the bars above it leave, measured: they wrap in a frame
  // narrower than about 1,100 px, and with the 8.5rem guessed above the frame scrolled there,
  // hiding the foot of the graph and its zoom buttons.
  new ResizeObserver(() => {
    const top = graph.shadowRoot?.querySelector('[part="graph"]')?.getBoundingClientRect().top;
    if (top !== undefined) graph.style.setProperty('--ag-graph-height', `calc(100vh - ${Math.ceil(top + scrollY) + 1}px)`);
  }).observe(graph);
}

start();
