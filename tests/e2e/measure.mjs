// The weak-network measurement harness (a report, not a test): cold cache, Lighthouse's "Regular 3G"
// (300 ms RTT, 700 kbps) and a CPU slowed 4×, through the DevTools protocol in Debian's Chromium.
//
//   node tests/e2e/measure.mjs [--dist dist] [--csr dist-csr] [--runs 3] [--code 1.001193]
//
// Starts `motcua serve --no-build` on the built site(s) (MOTCUA_BIN, default target/release/motcua) and prints,
// for a procedure page opened from a QR code: bytes transferred, requests, first contentful paint, time until
// the islands are hydrated; for the home page: time from the first keystroke until results show. With --csr it
// prints the same figures for a client-side-rendered build of the same page, side by side; and the floor:
// sequential requests × RTT + critical bytes ÷ bandwidth.
import { spawn } from "node:child_process";
import { launch } from "./browser.mjs";

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith("--")) acc.push([a.slice(2), all[i + 1]]);
  return acc;
}, []));
const DIST = args.dist ?? "dist";
const CSR = args.csr;
const RUNS = Number(args.runs ?? 3);
const CODE = args.code ?? "1.001193";
const BIN = process.env.MOTCUA_BIN ?? "target/release/motcua";

const RTT_MS = 300;
const KBPS = 700;
const BYTES_PER_MS = (KBPS * 1000) / 8 / 1000;
const CPU_SLOWDOWN = 4;

async function serve(dir) {
  const port = 30000 + Math.floor(Math.random() * 20000);
  const child = spawn(BIN, ["serve", "--no-build", "--port", String(port), "--out", dir], { stdio: "ignore" });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try { await fetch(base + "/"); return { base, child }; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  throw new Error(`${BIN} serve did not start for ${dir}`);
}

async function throttledPage(browser) {
  // Service workers blocked: a first visit from a QR code, measured without the worker's background precache.
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: "block" });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false, latency: RTT_MS, downloadThroughput: BYTES_PER_MS * 1000, uploadThroughput: BYTES_PER_MS * 1000,
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

/** Opens a procedure page cold; returns bytes, requests, FCP and hydration time (ms from navigation start). */
async function measurePage(browser, url, readySelector) {
  const { context, page, net } = await throttledPage(browser);
  await page.goto(url, { waitUntil: "load", timeout: 120000 });
  await page.waitForSelector(readySelector, { timeout: 120000, state: "attached" });
  await page.waitForTimeout(200);
  const timing = await page.evaluate(() => ({
    fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
    hydrated: performance.getEntriesByName("motcua-hydrated")[0]?.startTime
      ?? performance.getEntriesByName("csr-rendered")[0]?.startTime ?? NaN,
  }));
  await context.close();
  return { ...timing, bytes: net.bytes, requests: net.requests, byType: net.byType };
}

/** Opens the home page cold, types a query, and times the first keystroke until a result shows. */
async function measureSearch(browser, base) {
  const { context, page } = await throttledPage(browser);
  await page.goto(`${base}/`, { waitUntil: "load", timeout: 120000 });
  await page.waitForSelector("html[data-hydrated='1']", { timeout: 120000 });
  const input = page.locator("main input[type=search]").first();
  await input.click();
  const t0 = Date.now();
  await input.pressSequentially("khai sinh", { delay: 120 });
  const firstKeyToEnd = Date.now() - t0;
  await page.locator("a[href='/p/1.001193/']").first().waitFor({ timeout: 120000 }).catch(() => null);
  const shown = Date.now() - t0;
  await context.close();
  return { typing_ms: firstKeyToEnd, results_ms: shown };
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const ms = (t) => `${Math.round(t)} ms`;

async function runs(browser, url, sel) {
  const out = [];
  for (let i = 0; i < RUNS; i++) out.push(await measurePage(browser, url, sel));
  return {
    bytes: median(out.map((r) => r.bytes)), requests: median(out.map((r) => r.requests)),
    fcp: median(out.map((r) => r.fcp)), hydrated: median(out.map((r) => r.hydrated)), byType: out[0].byType,
  };
}

const browser = await launch();
const servers = [];
try {
  const ssr = await serve(DIST);
  servers.push(ssr.child);
  const url = `${ssr.base}/p/${CODE}/`;
  const html = await fetch(url, { headers: { "accept-encoding": "br" } });
  const htmlBytes = Number(html.headers.get("content-length") ?? (await html.arrayBuffer()).byteLength);
  const cssPath = (await (await fetch(url)).text()).match(/href="(\/assets\/style\.[^"]+\.css)"/)?.[1];
  const css = await fetch(ssr.base + cssPath, { headers: { "accept-encoding": "br" } });
  const cssBytes = Number(css.headers.get("content-length") ?? (await css.arrayBuffer()).byteLength);
  const floor = 2 * RTT_MS + (htmlBytes + cssBytes) / BYTES_PER_MS;

  const m = await runs(browser, url, "html[data-hydrated='1']");
  const rows = [["", "motcua (pre-rendered + islands)"]];
  let c = null;
  if (CSR) {
    const csr = await serve(CSR);
    servers.push(csr.child);
    c = await runs(browser, `${csr.base}/p/${CODE}/`, "html[data-rendered='1']");
    rows[0].push("client-side rendered Leptos");
  }
  const add = (label, f) => rows.push([label, f(m), ...(c ? [f(c)] : [])]);
  add("bytes transferred", (r) => kb(r.bytes));
  add("requests", (r) => String(r.requests));
  add("first contentful paint", (r) => ms(r.fcp));
  add("FCP ÷ floor", (r) => `${(r.fcp / floor).toFixed(2)}×`);
  add("hydrated / rendered", (r) => ms(r.hydrated));
  console.log(`Procedure page ${CODE} opened cold from a QR code: Regular 3G (${RTT_MS} ms RTT, ${KBPS} kbps), CPU ${CPU_SLOWDOWN}× slower, median of ${RUNS}`);
  for (const r of rows) console.log(r.map((x, i) => (i === 0 ? x.padEnd(26) : x.padEnd(34))).join(""));
  console.log(`floor: 2 sequential requests (HTML, then CSS) × ${RTT_MS} ms + ${kb(htmlBytes + cssBytes)} ÷ ${KBPS} kbps = ${ms(floor)}`);
  console.log(`motcua bytes by type: ${Object.entries(m.byType).map(([t, b]) => `${t} ${kb(b)}`).join(", ")}`);
  if (c) console.log(`CSR bytes by type: ${Object.entries(c.byType).map(([t, b]) => `${t} ${kb(b)}`).join(", ")}`);
  const s = await measureSearch(browser, ssr.base);
  console.log(`Home page, cold: typing "khai sinh" took ${ms(s.typing_ms)}; first keystroke → result for 1.001193 shown: ${ms(s.results_ms)}`);
} finally {
  await browser.close();
  for (const c of servers) c.kill();
}
