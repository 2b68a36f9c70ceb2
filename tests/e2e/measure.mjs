// The weak-network measurement harness (a report, not a test): cold cache, a CPU slowed 4×, and two network
// profiles applied through the DevTools protocol in Debian's Chromium:
//
// - "Regular 3G": Lighthouse's DevTools preset (lighthouse core/config/constants.js, `mobileRegular3G`): 300 ms
//   RTT and 700 kbps, which DevTools' request-level throttling applies as 1,125 ms per request and 630 kbps
//   (Lighthouse's adjustment factors 3.75 and 0.9, since DevTools adds latency once a request, not per packet);
// - "2G": WebPageTest's "2G" connectivity profile (www/settings/connectivity.ini.sample: 280 kbps down, 256 up,
//   800 ms RTT), adjusted the same way: 3,000 ms per request, 252 kbps.
//
//   node tests/e2e/measure.mjs [--dist dist] [--csr dist-csr] [--baseline other-dist] [--runs 3] [--code 1.001193]
//                              [--profiles 3g,2g]
//
// Starts `motcua serve --no-build` on the built site (MOTCUA_BIN, default target/release/motcua) and prints, per
// profile, for a procedure page opened from a QR code: bytes, requests, requests the first paint waits for, first
// contentful paint and its floor (sequential requests × request latency + bytes ÷ bandwidth), time until the
// islands are hydrated. Beside it, in the same run, the same page with its stylesheet linked instead of
// inlined (the previous two-request design, made from the same build) and, with --csr, a client-side-rendered
// build. Then, on a cold home page: the time from the first keystroke (typed as soon as the box shows) until
// the first result list, with the bytes that list needed and their floor.
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { launch } from "./browser.mjs";

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith("--")) acc.push([a.slice(2), all[i + 1]]);
  return acc;
}, []));
const DIST = resolve(args.dist ?? "dist");
const CSR = args.csr;
// Another build of the site (say, of the previous commit) whose search figures to print beside these, in the same run.
const BASELINE = args.baseline ? resolve(args.baseline) : null;
const RUNS = Number(args.runs ?? 3);
const CODE = args.code ?? "1.001193";
const BIN = process.env.MOTCUA_BIN ?? "target/release/motcua";
const CPU_SLOWDOWN = 4;
const QUERY = "khai sinh";

/** Network profiles as DevTools applies them: per-request latency (ms) and throughput (kbps). */
const PROFILES = {
  "3g": { name: "Regular 3G", latency: 300 * 3.75, down: 700 * 0.9, up: 700 * 0.9 },
  "2g": { name: "2G", latency: 800 * 3.75, down: 280 * 0.9, up: 256 * 0.9 },
};
const chosen = (args.profiles ?? "3g,2g").split(",").map((p) => PROFILES[p] ?? (() => { throw new Error(`unknown profile ${p}`); })());
/** Bytes per millisecond at `kbps` (DevTools counts a kilobit as 1,024 bits, as Lighthouse does). */
const rate = (kbps) => (kbps * 1024) / 8 / 1000;

async function serve(dir) {
  const port = 30000 + Math.floor(Math.random() * 20000);
  const child = spawn(BIN, ["serve", "--no-build", "--port", String(port), "--out", dir], { stdio: "ignore" });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try { await fetch(base + "/"); return { base, child }; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  throw new Error(`${BIN} serve did not start for ${dir}`);
}

/** The previous design, made from the same build: the procedure page with its stylesheet linked, not inlined. */
function linkedVariant() {
  const dir = mkdtempSync(join(tmpdir(), "motcua-linked-"));
  for (const name of readdirSync(DIST)) if (name !== "p") symlinkSync(join(DIST, name), join(dir, name));
  const css = readdirSync(join(DIST, "assets")).find((n) => /^style\.[0-9a-f]+\.css$/.test(n));
  const html = readFileSync(join(DIST, "p", CODE, "index.html"), "utf8");
  const linked = html.replace(/<style>[\s\S]*?<\/style>/, `<link rel="stylesheet" href="/assets/${css}">`);
  if (linked === html) throw new Error(`${CODE}: no inline <style> to replace (is ${DIST} built by this version?)`);
  mkdirSync(join(dir, "p", CODE), { recursive: true });
  writeFileSync(join(dir, "p", CODE, "index.html"), linked);
  writeFileSync(join(dir, "p", CODE, "index.html.br"), brotliCompressSync(linked));
  writeFileSync(join(dir, "p", CODE, "index.html.gz"), gzipSync(linked, { level: 9 }));
  return dir;
}

async function throttledPage(browser, profile) {
  // Service workers blocked: a first visit from a QR code, measured without the worker's background precache.
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: "block" });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  // Cold: each run is a fresh browser context, with an empty HTTP cache that the page's own requests then use
  // (disabling the cache instead would make two requests for one file download it twice).
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false, latency: profile.latency,
    downloadThroughput: rate(profile.down) * 1000, uploadThroughput: rate(profile.up) * 1000,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  const net = { bytes: 0, requests: 0, byType: {} };
  const types = new Map();
  cdp.on("Network.responseReceived", (e) => types.set(e.requestId, e.type));
  cdp.on("Network.loadingFinished", (e) => {
    net.bytes += e.encodedDataLength;
    net.requests += 1;
    const t = types.get(e.requestId) ?? "Other";
    net.byType[t] = (net.byType[t] ?? 0) + e.encodedDataLength;
  });
  return { context, page, net };
}

/** Opens a procedure page cold; returns bytes, requests, requests started before first paint, FCP and hydration. */
async function measurePage(browser, profile, url, readySelector) {
  const { context, page, net } = await throttledPage(browser, profile);
  await page.goto(url, { waitUntil: "load", timeout: 180000 });
  await page.waitForSelector(readySelector, { timeout: 180000, state: "attached" });
  await page.waitForTimeout(200);
  const timing = await page.evaluate(() => {
    const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN;
    return {
      fcp,
      // The document itself, and every request the browser held the first paint for (Chromium's
      // renderBlockingStatus; the deferred module script is requested early but never waited for).
      beforePaint: 1 + performance.getEntriesByType("resource").filter((r) => r.renderBlockingStatus === "blocking").length,
      hydrated: performance.getEntriesByName("motcua-hydrated")[0]?.startTime
        ?? performance.getEntriesByName("csr-rendered")[0]?.startTime ?? NaN,
    };
  });
  await context.close();
  return { ...timing, bytes: net.bytes, requests: net.requests, byType: net.byType };
}

/** Opens the home page cold and types the query, either as soon as the box has painted (`early`) or once the
 * app has woken; times the first keystroke until the first result list shows (null if it never does within
 * a minute), and counts the bytes fetched after the page itself. */
async function measureSearch(browser, profile, base, early) {
  const { context, page, net } = await throttledPage(browser, profile);
  await page.goto(`${base}/`, { waitUntil: "commit", timeout: 180000 });
  const input = page.locator("main input[type=search]").first();
  await input.waitFor({ state: "visible", timeout: 180000 });
  if (!early) await page.waitForSelector("html[data-hydrated='1']", { timeout: 180000 });
  const pageBytes = net.bytes;
  await input.click();
  const t0 = Date.now();
  await input.pressSequentially(QUERY, { delay: 150 });
  const typing = Date.now() - t0;
  const link = page.locator("#sr-panel a[href^='/p/']").first();
  const found = await link.waitFor({ timeout: 60000 }).then(() => true, () => false);
  const shown = found ? Date.now() - t0 : null;
  const first = found ? await link.getAttribute("href") : null;
  const bytes = net.bytes - pageBytes;
  await context.close();
  return { results_ms: shown, typing, bytes, first };
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const ms = (t) => `${Math.round(t)} ms`;

async function runs(browser, profile, url, sel) {
  const out = [];
  for (let i = 0; i < RUNS; i++) out.push(await measurePage(browser, profile, url, sel));
  const m = (k) => median(out.map((r) => r[k]));
  return { bytes: m("bytes"), requests: m("requests"), beforePaint: m("beforePaint"), fcp: m("fcp"), hydrated: m("hydrated"), byType: out[0].byType };
}

/** Brotli bytes of `path` as the server sends it. */
async function sizeOf(base, path) {
  const res = await fetch(base + path, { headers: { "accept-encoding": "br" } });
  return Number(res.headers.get("content-length") ?? (await res.arrayBuffer()).byteLength);
}

const browser = await launch();
const servers = [];
const linkedDir = linkedVariant();
try {
  const site = await serve(DIST);
  const linked = await serve(linkedDir);
  servers.push(site.child, linked.child);
  const csr = CSR ? await serve(CSR) : null;
  if (csr) servers.push(csr.child);
  const baseline = BASELINE ? await serve(BASELINE) : null;
  if (baseline) servers.push(baseline.child);
  const searchSites = [["", site.base], ...(baseline ? [[` [baseline ${BASELINE}]`, baseline.base]] : [])];
  const path = `/p/${CODE}/`;
  const pageBytes = await sizeOf(site.base, path);
  const linkedHtml = await sizeOf(linked.base, path);
  const cssPath = (await (await fetch(linked.base + path)).text()).match(/href="(\/assets\/style\.[^"]+\.css)"/)?.[1];
  const linkedBytes = linkedHtml + (await sizeOf(linked.base, cssPath));

  for (const profile of chosen) {
    const bw = rate(profile.down);
    const floor1 = profile.latency + pageBytes / bw;
    const floor2 = 2 * profile.latency + linkedBytes / bw;
    const cols = [
      ["stylesheet in the page (now)", await runs(browser, profile, site.base + path, "html[data-hydrated='1']"), floor1],
      ["stylesheet linked (before)", await runs(browser, profile, linked.base + path, "html[data-hydrated='1']"), floor2],
    ];
    if (csr) cols.push(["client-side rendered Leptos", await runs(browser, profile, csr.base + path, "html[data-rendered='1']"), floor2]);
    const rows = [["", ...cols.map((c) => c[0])]];
    const add = (label, f) => rows.push([label, ...cols.map(([, r, floor]) => f(r, floor))]);
    add("bytes transferred", (r) => kb(r.bytes));
    add("requests", (r) => String(r.requests));
    add("requests the first paint waits for", (r) => String(r.beforePaint));
    add("first contentful paint", (r) => ms(r.fcp));
    add("floor of that design", (_, floor) => ms(floor));
    add("FCP ÷ one-request floor", (r) => `${(r.fcp / floor1).toFixed(2)}×`);
    add("hydrated / rendered", (r) => ms(r.hydrated));
    console.log(`\n${profile.name}: ${ms(profile.latency)} a request, ${Math.round(profile.down)} kbps; CPU ${CPU_SLOWDOWN}× slower; median of ${RUNS}`);
    console.log(`Procedure page ${CODE} opened cold from a QR code:`);
    for (const r of rows) console.log(r.map((x, i) => (i === 0 ? x.padEnd(36) : x.padEnd(32))).join(""));
    console.log(`floors: one request ${ms(profile.latency)} + ${kb(pageBytes)} ÷ ${Math.round(profile.down)} kbps = ${ms(floor1)}; ` +
      `two requests 2 × ${ms(profile.latency)} + ${kb(linkedBytes)} = ${ms(floor2)}`);
    for (const [label, siteBase] of searchSites) {
      for (const early of [true, false]) {
        const searches = [];
        for (let i = 0; i < RUNS; i++) searches.push(await measureSearch(browser, profile, siteBase, early));
        const when = (early ? "typed as soon as the box shows" : "typed once the app has woken") + label;
        const done = searches.filter((x) => x.results_ms !== null);
        if (done.length < searches.length) {
          console.log(`Home page, cold, "${QUERY}" ${when}: no results in ${searches.length - done.length} of ${searches.length} runs within a minute`);
        }
        if (done.length === 0) continue;
        const t = median(done.map((x) => x.results_ms));
        const bytes = median(done.map((x) => x.bytes));
        // The floor: the typing itself, then everything the list needs, of which the query's own index files
        // can be asked for only once the query is typed and the core file has named them (two request
        // latencies at least, the core and the query's files).
        const typing = median(done.map((x) => x.typing));
        const sFloor = typing + 2 * profile.latency + bytes / bw;
        console.log(`Home page, cold, "${QUERY}" ${when}: first keystroke → first results ${ms(t)} ` +
          `(median of ${done.length}; first result ${done[0].first}); ${kb(bytes)} fetched after the page; floor: typing ` +
          `${ms(typing)} + 2 × ${ms(profile.latency)} + ${kb(bytes)} ÷ ${Math.round(profile.down)} kbps = ${ms(sFloor)}`);
      }
    }
  }
} finally {
  await browser.close();
  for (const c of servers) c.kill();
  rmSync(linkedDir, { recursive: true, force: true });
}
