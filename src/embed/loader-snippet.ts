/**
 * The loader snippet: an inline script tag that adds the widget's entry to the page only once the
 * page has loaded. A `<script src>` in the page is fetched while the page loads, and its request
 * delays the load event even when the script is empty (by a third, on a bare article here); an
 * inline script needs no request, and a script added after the load event is not waited for.
 *
 * The script's text never changes (the entry's URL is an attribute), so a strict CSP can allow it
 * by its hash, {@link LOADER_SCRIPT_HASH}.
 */

/**
 * The snippet's script. It reads the entry's URL from its own `data-src` and adds it as a module
 * script in a task after the load event, or in the next task when the page has already loaded.
 * Not in the load event's handler itself: there the script's request took about 7 ms of the
 * handler here, which the load event's end waited for. Without a `data-src` it says so in the
 * console and adds nothing.
 */
export const LOADER_SCRIPT =
  '(function(s){var u=s&&s.dataset.src;if(!u)return console.error("actor-graph: the loader snippet has no data-src attribute");function l(){setTimeout(function(){var e=document.createElement("script");e.type="module";e.src=u;document.head.appendChild(e)})}document.readyState==="complete"?l():addEventListener("load",l,{once:true})})(document.currentScript)';

/** The CSP source that allows {@link LOADER_SCRIPT}: its SHA-256, as `script-src` takes it. */
export const LOADER_SCRIPT_HASH = "'sha256-4XPNc2jLPFRLo0AEeOK7kqSol2pN1j3e9ayfZ0+OQyk='";

/** The snippet for an entry at `entryUrl`, ready to paste into a page. */
export function loaderSnippet(entryUrl: string): string {
  const attribute = entryUrl.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  return `<script data-src="${attribute}">${LOADER_SCRIPT}</script>`;
}
