// motcua service worker: the site keeps working with no signal once visited.
//
// - On install it precaches the app shell and the search index, listed with content-hashed names in
//   /precache.json, which `motcua build` writes (VERSION below is that manifest's hash, so every build that
//   changes an asset changes this file and the browser installs the new worker).
// - Pages (HTML) are fetched from the network first, with a short timeout on weak networks, and kept in the
//   pages cache; offline, the cached copy is served, or /offline/ for a page never opened.
// - Hashed assets never change, so they are served from the cache first.
// - Old and new assets never mix: a cached page keeps the exact assets it references until it is refreshed,
//   and activation prunes only files no cached page and no current manifest needs.
// - "Lưu để dùng khi mất mạng": a page can post {type: "save", urls} and gets progress back on its port.
"use strict";

const VERSION = "__VERSION__";
const SHELL = `motcua-shell-${VERSION}`;
const ASSETS = "motcua-assets";
const PAGES = "motcua-pages";
const OFFLINE_URL = "/offline/";
const NETWORK_TIMEOUT_MS = 4000;

const isAsset = (url) => url.origin === self.location.origin && url.pathname.startsWith("/assets/");

async function manifest() {
  const res = await fetch(`/precache.json?v=${VERSION}`, { cache: "no-cache" });
  if (!res.ok) throw new Error(`precache.json: ${res.status}`);
  return res.json();
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const m = await manifest();
    const assets = await caches.open(ASSETS);
    const missing = [];
    for (const url of m.assets) if (!(await assets.match(url))) missing.push(url);
    await assets.addAll(missing);
    const shell = await caches.open(SHELL);
    await shell.addAll(m.shell);
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("motcua-shell-") && name !== SHELL) await caches.delete(name);
    }
    await refreshPages();
    await pruneAssets();
    await self.clients.claim();
    await keepOpenPages();
  })());
});

/** Re-fetches cached pages after an update so they use the new assets; keeps the old copy when offline. */
async function refreshPages() {
  const pages = await caches.open(PAGES);
  for (const req of await pages.keys()) {
    try {
      const res = await fetch(req.url, { cache: "no-cache" });
      if (keepable(res)) await pages.put(req.url, res);
    } catch (_) { /* offline: the old page and its old assets stay together */ }
  }
}

/** The page that brought the worker in was loaded before it existed: store the open pages now. */
async function keepOpenPages() {
  const pages = await caches.open(PAGES);
  for (const client of await self.clients.matchAll({ type: "window" })) {
    const url = new URL(client.url);
    if (url.origin !== self.location.origin || (await pages.match(pageKey(url)))) continue;
    try {
      const res = await fetch(url.pathname, { cache: "no-cache" });
      if (keepable(res)) await pages.put(pageKey(url), res);
    } catch (_) { /* offline already: nothing to keep */ }
  }
}

/** Asset paths a piece of HTML or JS refers to. */
function assetRefs(text) {
  return text.match(/\/assets\/[A-Za-z0-9._\/-]+/g) ?? [];
}

/** Deletes cached assets that neither the current manifest nor any cached page (or its loader) needs. */
async function pruneAssets() {
  const m = await manifest().catch(() => null);
  if (!m) return;
  const keep = new Set(m.assets);
  const pages = await caches.open(PAGES);
  const assets = await caches.open(ASSETS);
  const queue = [];
  for (const req of await pages.keys()) {
    const res = await pages.match(req);
    if (res) queue.push(...assetRefs(await res.text()));
  }
  while (queue.length) {
    const path = queue.pop();
    if (keep.has(path)) continue;
    keep.add(path);
    if (path.endsWith(".js")) {
      const res = await assets.match(path);
      if (res) queue.push(...assetRefs(await res.text()));
    }
  }
  for (const req of await assets.keys()) {
    if (!keep.has(new URL(req.url).pathname)) await assets.delete(req);
  }
}

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (isAsset(url)) {
    event.respondWith(cacheFirst(req));
  } else if (req.mode === "navigate" || (req.headers.get("accept") ?? "").includes("text/html")) {
    event.respondWith(page(req, url));
  } else {
    event.respondWith(staleWhileRevalidate(req));
  }
});

/**
 * Whether a response may be kept for later. A server that says `no-store` means it: the live preview's pages
 * and its reload endpoint (`motcua serve` while editing) change with every save, and a kept copy would answer
 * the next reload with an old build.
 */
function keepable(res) {
  return res.ok && !/no-store/i.test(res.headers.get("cache-control") ?? "");
}

async function cacheFirst(req) {
  // `cache: "reload"` is the app saying its copy was damaged (an index file failed its checksum): go to the
  // network and replace the cached copy instead of handing the same bytes back.
  const cached = req.cache === "reload" ? null : await caches.match(req, { ignoreSearch: true });
  if (cached) return cached;
  const res = await fetch(req);
  if (keepable(res)) (await caches.open(ASSETS)).put(req, res.clone());
  return res;
}

async function staleWhileRevalidate(req) {
  const cached = await caches.match(req);
  const fresh = fetch(req).then(async (res) => {
    if (keepable(res)) (await caches.open(SHELL)).put(req, res.clone());
    return res;
  });
  if (cached) {
    fresh.catch(() => {});
    return cached;
  }
  return fresh;
}

/** The cache key of a page: its path without the query, so /p/x/?kiosk=1 and /p/x/ share one copy. */
function pageKey(url) {
  return url.origin + url.pathname;
}

async function page(req, url) {
  const key = pageKey(url);
  const network = fetch(req).then(async (res) => {
    if (keepable(res) && res.type === "basic") (await caches.open(PAGES)).put(key, res.clone());
    return res;
  });
  const timeout = new Promise((resolve) => setTimeout(resolve, NETWORK_TIMEOUT_MS, null));
  try {
    const first = await Promise.race([network, timeout]);
    if (first) return first;
    // The network is slow: answer from the cache if we can, and let the fetch finish to refresh it.
    const cached = await cachedPage(key);
    if (cached) {
      network.catch(() => {});
      return cached;
    }
    return await network;
  } catch (_) {
    return (await cachedPage(key)) ?? (await caches.match(OFFLINE_URL)) ?? Response.error();
  }
}

async function cachedPage(key) {
  return (await (await caches.open(PAGES)).match(key)) ?? (await caches.match(key));
}

// "Lưu để dùng khi mất mạng": store a list of pages (and what they need) for offline use.
self.addEventListener("message", (event) => {
  const data = event.data ?? {};
  const port = event.ports[0];
  if (data.type !== "save" || !Array.isArray(data.urls) || !port) return;
  event.waitUntil((async () => {
    const pages = await caches.open(PAGES);
    const assets = await caches.open(ASSETS);
    let done = 0;
    let failed = 0;
    for (const path of data.urls) {
      const url = new URL(path, self.location.origin);
      if (url.origin !== self.location.origin) continue;
      try {
        const res = await fetch(url, { cache: "no-cache" });
        if (!res.ok) throw new Error(String(res.status));
        await pages.put(pageKey(url), res.clone());
        for (const ref of assetRefs(await res.text())) {
          if (!(await assets.match(ref))) await assets.add(ref);
        }
        done += 1;
      } catch (_) {
        failed += 1;
      }
      port.postMessage({ done, failed, total: data.urls.length });
    }
  })());
});
