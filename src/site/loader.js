// motcua: wakes the interactive islands once the page has painted.
// Every page is complete without this file; it only adds interactivity.
const APP_JS = "__APP_JS__";
const APP_WASM = "__APP_WASM__";

async function start() {
  // The service worker keeps visited pages and search working offline (see /sw.js).
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js").catch((e) => console.warn("motcua: no offline support", e));
  }
  const app = await import(APP_JS);
  await app.default({ module_or_path: APP_WASM });
  app.hydrate();
  for (const el of document.querySelectorAll("leptos-island")) {
    const island = app[el.dataset.component];
    if (island) island(el);
    else console.warn("motcua: unknown island", el.dataset.component);
  }
  performance.mark("motcua-hydrated");
  document.documentElement.dataset.hydrated = "1";
}

const later = window.requestIdleCallback || ((f) => setTimeout(f, 1));
if (document.readyState === "complete") later(start);
else addEventListener("load", () => later(start), { once: true });
