// motcua: wakes the interactive islands once the page has painted.
// Every page is complete without this file; it only adds interactivity.
const APP_JS = "__APP_JS__";
const APP_WASM = "__APP_WASM__";

let started = null;

/** Resolves in a new task, letting the browser handle input and paint in between. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Starts the app once: at idle after load, or at once when someone reaches for a search box. */
function start() {
  if (started) return started;
  started = (async () => {
    // The service worker keeps visited pages and search working offline (see /sw.js).
    if ("serviceWorker" in navigator) {
      navigator.serviceWorker.register("/sw.js").catch((e) => console.warn("motcua: no offline support", e));
    }
    // The wasm is asked for beside its JS glue, not after it: one round trip fewer on a slow link.
    const wasm = fetch(APP_WASM);
    const app = await import(APP_JS);
    await app.default({ module_or_path: wasm });
    // One short task at a time, so a tap or a keystroke is never kept waiting behind the whole start-up
    // (on a slow phone, instantiating and waking every island at once was a 250 ms task).
    await nextTask();
    app.hydrate();
    for (const el of document.querySelectorAll("leptos-island")) {
      await nextTask();
      const island = app[el.dataset.component];
      if (island) island(el);
      else console.warn("motcua: unknown island", el.dataset.component);
    }
    performance.mark("motcua-hydrated");
    document.documentElement.dataset.hydrated = "1";
  })();
  return started;
}

/**
 * Fetches the search index's core file (and, when the page does not name the index's folder, /search.txt
 * first) while the app starts, so the first query waits only for its own index files. Returns the one shared
 * promise of [folder, bytes]; the app asks for it through `window.motcuaWarm` (src/search/ui.rs). A failed
 * fetch is forgotten, so the next query tries again.
 */
function warmSearch() {
  if (!window.motcuaIndex) {
    const holder = document.querySelector("[data-index]");
    const named = holder && holder.dataset.index;
    const base = named ? Promise.resolve(named) : fetch("/search.txt").then((r) => (r.ok ? r.text() : Promise.reject()));
    const index = base
      .then((b) => b.trim())
      .then((b) => fetch(b + "core.bin").then((r) => (r.ok ? r.arrayBuffer() : Promise.reject())).then((core) => [b, core]));
    window.motcuaIndex = index;
    index.catch(() => { if (window.motcuaIndex === index) window.motcuaIndex = null; });
  }
  return window.motcuaIndex;
}
window.motcuaWarm = warmSearch;

const isSearchBox = (el) => el instanceof HTMLInputElement && el.type === "search";
function onFocus(e) {
  if (!isSearchBox(e.target)) return;
  removeEventListener("focusin", onFocus);
  warmSearch();
  start();
}
addEventListener("focusin", onFocus);
if (isSearchBox(document.activeElement)) onFocus({ target: document.activeElement });

const later = window.requestIdleCallback || ((f) => setTimeout(f, 1));
function idle() {
  start();
  // Pages made for searching (home, search) name the index: people there are about to search.
  if (document.querySelector("[data-index]")) warmSearch();
}
if (document.readyState === "complete") later(idle);
else addEventListener("load", () => later(idle), { once: true });
