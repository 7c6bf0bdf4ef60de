/**
 * The pages the benchmark loads: the widget, and the floor (bare Cytoscape + fcose drawing the
 * same elements with the same layout options). Each page measures itself and leaves its figures
 * in `window.__bench`.
 */
import { loaderSnippet } from '../../src/embed/loader-snippet.ts';

const MEASURE = `
  window.__bench = { longest: 0 };
  // Long tasks are kept with their times: the observer reports them late, sometimes after the
  // render being measured is over, so they count by when they ran (any part of them in the
  // measured span, so the task that starts the measure counts too), not when reported.
  const tasks = [];
  const observer = new PerformanceObserver((list) => { tasks.push(...list.getEntries()); });
  observer.observe({ type: 'longtask', buffered: false });
  const longestBetween = (from, to) =>
    [...tasks, ...observer.takeRecords()].filter((task) => task.startTime + task.duration > from && task.startTime <= to).reduce((most, task) => Math.max(most, task.duration), 0);
  const frames = (n) => new Promise((resolve) => { const step = () => (--n <= 0 ? resolve() : requestAnimationFrame(step)); requestAnimationFrame(step); });
  window.__done = async (extra) => {
    await frames(2);
    const now = performance.now();
    Object.assign(window.__bench, { ready: now - window.__bench.start, longest: longestBetween(window.__bench.start, now) }, extra);
  };
  // Click latency: from the pointer press to the end of the frame that first shows the page's
  // answer. A task posted from a frame's animation-frame callbacks runs once that frame is
  // painted; the frame's own drawing (Cytoscape draws in a callback queued before it) counts.
  window.addEventListener('pointerdown', (event) => { window.__bench.pressAt = event.timeStamp; }, true);
  const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const sincePress = () => performance.now() - window.__bench.pressAt;
  // To the evidence panel painted (the widget), or to the selection drawn (the floor).
  window.__clicked = async () => { await afterPaint(); window.__bench.click = sincePress(); };
  // To the selection drawn on the widget's graph: the end of the first frame drawn with \`id\` marked.
  window.__selectionDrawn = (cy, id) => {
    // Cytoscape's WebGL renderer tells of no frame it draws: it draws the selection in the first
    // frame that begins with it marked (the widget marks it in a task between frames).
    if (cy.renderer().webgl === true) {
      const marked = () => {
        if (!cy.getElementById(id).hasClass('selected')) return requestAnimationFrame(marked);
        setTimeout(() => { window.__bench.clickGraph = sincePress(); }, 0);
      };
      requestAnimationFrame(marked);
      return;
    }
    const drawn = () => {
      if (!cy.getElementById(id).hasClass('selected')) return;
      cy.off('render', drawn);
      setTimeout(() => { window.__bench.clickGraph = sincePress(); }, 0);
    };
    cy.on('render', drawn);
  };
  // Panning frame rate: frames painted while the reader drags the view, counted until stopped.
  window.__countFrames = () => {
    let count = 0;
    let counting = true;
    const started = performance.now();
    const step = () => { if (!counting) return; count++; requestAnimationFrame(step); };
    requestAnimationFrame(step);
    return () => { counting = false; window.__bench.fps = count / ((performance.now() - started) / 1000); };
  };
`;

/**
 * The widget page: the built bundle (at `bundle`) and one `<actor-graph>` on the dataset at `src`,
 * drawn with WebGL when `webgl` is set (its `renderer` attribute), else as the widget chooses.
 */
export function widgetPage(src: string, bundle = '/dist/actor-graph.js', webgl = false): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>bench: widget</title>
<style>body{margin:0} actor-graph{width:1100px;display:block}</style>
<script>${MEASURE}</script>
<script type="module" src="${bundle}"></script></head><body>
<script type="module">
  await customElements.whenDefined('actor-graph');
  const graph = document.createElement('actor-graph');
  graph.setAttribute('src', ${JSON.stringify(src)});${webgl ? "\n  graph.setAttribute('renderer', 'webgl');" : ''}
  graph.addEventListener('ag-ready', () => window.__done({ nodes: graph.cy.nodes().length }), { once: true });
  graph.addEventListener('ag-error', (event) => { window.__bench.error = event.detail.message; });
  graph.addEventListener('ag-select', (event) => { window.__clicked(); window.__selectionDrawn(graph.cy, event.detail.id); });
  window.__graph = graph;
  window.__bench.start = performance.now();
  document.body.append(graph);
</script></body></html>`;
}

/**
 * The floor page: Cytoscape and fcose only, the same elements, the same layout options; drawn by
 * Cytoscape's WebGL renderer when `webgl` is set.
 */
export function floorPage(elementsUrl: string, quality: string, seedLayout: boolean, webgl = false): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>bench: floor</title>
<style>body{margin:0} #cy{width:700px;height:540px}</style>
<script>${MEASURE}</script></head><body><div id="cy"></div>
<script type="module">
  const { cytoscape } = await import('/floor/floor.js');
  const elements = await (await fetch(${JSON.stringify(elementsUrl)})).json();
  window.__bench.start = performance.now();
  const cy = cytoscape({
    container: document.getElementById('cy'),
    elements,
    style: [{ selector: 'node', style: { width: 28, height: 28, label: 'data(label)', 'font-size': 15 } }, { selector: 'edge', style: { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle' } }],
    layout: { name: 'preset' },${webgl ? "\n    renderer: { name: 'canvas', webgl: true }," : ''}
  });
  window.__cy = cy;
  ${seedLayout ? '' : `cy.layout({ name: 'fcose', quality: ${JSON.stringify(quality)}, randomize: true, animate: false, nodeDimensionsIncludeLabels: ${quality === 'proof'}, nodeRepulsion: () => 30000, idealEdgeLength: () => 150 }).run();`}
  cy.fit();
  cy.on('tap', 'node', async () => { await window.__clicked(); window.__bench.clickGraph = window.__bench.click; });
  await window.__done({ nodes: cy.nodes().length });
</script></body></html>`;
}

/**
 * A page with `count` widgets down an article, for the page-load comparison. With `count` 0 and
 * `script` set, the page loads that script and has no widget: a module that does nothing shows
 * what the request for any module script costs the load event, whatever it holds. `embed` says
 * how the page adds the script: a script tag, or the loader snippet, which adds it after the load
 * event.
 */
export function articlePage(
  count: number,
  src: string,
  script = count > 0 ? '/dist/actor-graph.js' : undefined,
  embed: 'tag' | 'snippet' = 'tag',
): string {
  const paragraph = `<p>${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(12)}</p>`;
  const widget = `<actor-graph src="${src}"></actor-graph>`;
  const body = Array.from({ length: 10 }, (_, i) => paragraph + (i < count ? widget : '')).join('\n');
  const entry =
    script === undefined ? '' : embed === 'tag' ? `<script type="module" src="${script}"></script>` : loaderSnippet(script);
  return `<!doctype html><html><head><meta charset="utf-8"><title>bench: article</title>
${entry}</head><body style="max-width:720px;margin:auto">${body}</body></html>`;
}

/** A module script with nothing in it, for the page-load comparison. */
export const EMPTY_MODULE = 'export {};\n';
