// The search benchmark (a report that prints figures, not a test): motcua's search beside Pagefind's, in one
// run, on the same built site, served by the same server, measured the same way.
//
//   cargo build --release && target/release/motcua build --out /tmp/bench-dist
//   node tests/e2e/search-bench.mjs --dist /tmp/bench-dist [--queries ../shared/eval/queries-dev.tsv] [--sample 10]
//
// Run from the repository root (it calls MOTCUA_BIN, default target/release/motcua, for the native figures and
// motcua's eval, with content/ from the working directory). It:
// 1. copies the built site to a temp dir, runs the npm `pagefind` CLI over the procedure pages only
//    (--glob "p/*/index.html", Pagefind's defaults otherwise) writing its bundle into that copy, and writes there a
//    minimal page (/pf-bench.html) that searches with Pagefind's JS API the way motcua's box does (150 ms debounce,
//    then pf.search and the top 10 results' data() for their titles and URLs);
// 2. serves the copy itself (a small node server: a file's `.br` beside it when the browser accepts brotli — the
//    build writes them for motcua's files; this script writes them for Pagefind's JS/JSON/HTML, whose index,
//    fragment and wasm files Pagefind already gzips itself — /assets/ and Pagefind's hashed files immutable);
// 3. drives Debian's headless Chromium (playwright-core) and counts bytes at that server (every response as sent,
//    compressed, headers included: Pagefind fetches from a Web Worker, which a page's DevTools Network domain does
//    not see), with service workers blocked (motcua's worker precaches in the background; that is not what a first
//    search costs);
// 4. prints one table (also written to tests/e2e/out/search-bench.txt).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants as zc } from "node:zlib";
import { OUT, launch } from "./browser.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith("--")) acc.push([a.slice(2), all[i + 1]]);
  return acc;
}, []));
const DIST = resolve(args.dist ?? "dist");
const TSV = resolve(args.queries ?? "../shared/eval/queries-dev.tsv");
const SAMPLE = Number(args.sample ?? 10);
const BIN = resolve(process.env.MOTCUA_BIN ?? "target/release/motcua");
const PAGEFIND = join(HERE, "node_modules", ".bin", "pagefind");
const DEBOUNCE_MS = 150; // motcua's (src/search/ui.rs); the Pagefind page uses the same
const CPU_SLOWDOWN = 4;
const BYTE_QUERIES = ["dang ky khai sinh", "cap lai ho chieu", "so do", "dang ky ket hon", "giay phep lai xe", "thanh lap doanh nghiep"];

const log = (...a) => console.error("·", ...a);
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const quantile = (xs, q) => {
  const v = xs.slice().sort((a, b) => a - b);
  return v.length ? v[Math.min(v.length, Math.max(1, Math.ceil(v.length * q))) - 1] : NaN;
};
const median = (xs) => quantile(xs, 0.5);

// ---- the judged queries -------------------------------------------------------------------------------------
const judged = readFileSync(TSV, "utf8").split("\n").slice(1).filter((l) => l.trim()).map((l) => {
  const c = l.split("\t");
  return { id: c[0], query: c[1] ?? "", grade2: (c[2] ?? "").split(",").map((s) => s.trim()).filter(Boolean), kind: c[4] ?? "" };
});
// A fixed sample for the throttled-Chromium timing (typing every query key by key twice over two engines is
// slow): every k-th query of the file.
const step = Math.max(1, Math.floor(judged.length / Math.max(1, SAMPLE)));
const timed = judged.filter((_, i) => i % step === 0).slice(0, SAMPLE).map((j) => j.query);

// ---- motcua's native figures ----------------------------------------------------------------------------------
function motcua(...a) {
  const r = spawnSync(BIN, a, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${BIN} ${a.join(" ")} failed: ${r.stderr}`);
  return r.stdout;
}
log("native per-keystroke time (motcua search-bench)");
const native = JSON.parse(motcua("search-bench", TSV, "--json"));
const evalOut = motcua("eval", TSV);
const evalFig = (name) => Number(evalOut.match(new RegExp(`${name}\\s+([0-9.]+)`))?.[1]);
const motcuaEval = { s1: evalFig("Success@1"), s3: evalFig("Success@3"), mrr: evalFig("MRR@10") };

// ---- a copy of the site with Pagefind's bundle ----------------------------------------------------------------
if (!existsSync(join(DIST, "index.html"))) throw new Error(`${DIST} is not a built site (run motcua build)`);
if (!existsSync(PAGEFIND)) throw new Error("pagefind is not installed: npm ci --prefix tests/e2e");
const SITE = mkdtempSync(join(tmpdir(), "motcua-bench-"));
log(`copying ${DIST} to ${SITE}`);
cpSync(DIST, SITE, { recursive: true });
log("pagefind over the procedure pages");
const pf = spawnSync(PAGEFIND, ["--site", SITE, "--glob", "p/*/index.html", "--silent"], { encoding: "utf8" });
if (pf.status !== 0) throw new Error(`pagefind failed: ${pf.stderr}${pf.stdout}`);
const pfVersion = spawnSync(PAGEFIND, ["--version"], { encoding: "utf8" }).stdout.trim();

writeFileSync(join(SITE, "pf-bench.html"), `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Pagefind</title><link rel="icon" href="data:,"></head><body>
<input id="q" type="search" autocomplete="off" aria-label="Tìm thủ tục">
<div id="pf-out"><p id="pf-count"></p><ol id="pf-list"></ol></div>
<script type="module">
let pf = null, gen = 0;
const box = document.getElementById("q"), list = document.getElementById("pf-list"), count = document.getElementById("pf-count");
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
async function top10(text) {
  pf ??= await import("/pagefind/pagefind.js");
  const r = await pf.search(text);
  const data = await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
  return { total: r.results.length, data };
}
async function run(text, g) {
  const { total, data } = await top10(text);
  if (g !== gen) return;
  list.innerHTML = data.map((d) => '<li><a href="' + esc(d.url) + '">' + esc(d.meta?.title ?? "") + "</a></li>").join("");
  count.textContent = total + " kết quả";
}
box.addEventListener("input", () => {
  const g = ++gen, text = box.value;
  setTimeout(() => { if (g === gen && text.trim()) run(text, g); }, ${DEBOUNCE_MS});
});
window.pfTop10 = async (text) => (await top10(text)).data.map((d) => d.url);
</script></body></html>
`);

// Brotli beside Pagefind's text files and the page above (motcua's build already wrote its own .br files).
function walk(dir) {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
}
for (const f of [...walk(join(SITE, "pagefind")), join(SITE, "pf-bench.html")]) {
  if (![".js", ".json", ".css", ".html"].includes(extname(f))) continue;
  const raw = readFileSync(f);
  const br = brotliCompressSync(raw, { params: { [zc.BROTLI_PARAM_QUALITY]: 11 } });
  if (br.length < raw.length * 0.95) writeFileSync(f + ".br", br);
}

// ---- the server ----------------------------------------------------------------------------------------------
const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json",
  ".wasm": "application/wasm", ".svg": "image/svg+xml", ".png": "image/png", ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml", ".webmanifest": "application/manifest+json",
};
// Bytes are counted here, as sent: Pagefind searches in a Web Worker, whose requests a page's DevTools session
// does not see, so the server is the one place that sees every request of both engines the same way.
const wire = { bytes: 0, requests: [], inflight: 0, last: Date.now() };
const server = createServer((req, res) => {
  wire.inflight++;
  wire.last = Date.now();
  res.on("close", () => { wire.inflight--; wire.last = Date.now(); });
  const url = new URL(req.url, "http://x");
  let path = normalize(decodeURIComponent(url.pathname));
  if (path.includes("..")) { res.writeHead(400).end(); return; }
  let file = join(SITE, path);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
  let status = 200;
  if (!existsSync(file)) { file = join(SITE, "404.html"); status = 404; }
  const headers = { "content-type": TYPES[extname(file)] ?? "application/octet-stream", vary: "accept-encoding" };
  const immutable = path.startsWith("/assets/") || (path.startsWith("/pagefind/") && !/pagefind(-entry)?\.js(on)?$|\.(css|js)$/.test(path));
  headers["cache-control"] = immutable ? "public, max-age=31536000, immutable" : "no-cache";
  if (/\bbr\b/.test(req.headers["accept-encoding"] ?? "") && existsSync(file + ".br")) {
    file += ".br";
    headers["content-encoding"] = "br";
  }
  const body = readFileSync(file);
  headers["content-length"] = body.length;
  if (status === 404) log(`404 ${url.pathname}`);
  const head = `HTTP/1.1 ${status} OK\r\n` + Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("") + "\r\n";
  const sent = head.length + (req.method === "HEAD" ? 0 : body.length);
  wire.bytes += sent;
  wire.requests.push([url.pathname, sent]);
  res.writeHead(status, headers).end(req.method === "HEAD" ? undefined : body);
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const BASE = `http://127.0.0.1:${server.address().port}`;
log(`serving ${SITE} on ${BASE}`);

// ---- Chromium ------------------------------------------------------------------------------------------------
const ENGINES = {
  motcua: { url: "/", results: "#sr-panel", first: "#sr-list li a", ready: "html[data-hydrated='1']" },
  pagefind: { url: "/pf-bench.html", results: "#pf-out", first: "#pf-list li a", ready: "#q" },
};

/** A fresh context (cold cache), service workers blocked, bytes counted by the server, in-page timing of input → results. */
async function openEngine(browser, engine, { javaScriptEnabled = true } = {}) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: "block", javaScriptEnabled, locale: "vi-VN" });
  const page = await context.newPage();
  page.on("console", (m) => { if (m.type() === "error") log(`${engine} console: ${m.text()}`); });
  page.on("pageerror", (err) => log(`${engine} page error: ${err.message}`));
  const cdp = await context.newCDPSession(page);
  // One page at a time: what the server sends from now on is this page's.
  wire.bytes = 0;
  wire.requests = [];
  const net = wire;
  const sel = ENGINES[engine]?.results;
  if (sel) {
    // Time of the input event, and of the first change of the result area after it (a MutationObserver
    // callback runs once the task that wrote the results has finished).
    await page.addInitScript((sel) => {
      window.__bench = { tIn: 0, tOut: 0, outs: 0 };
      addEventListener("input", () => { window.__bench.tIn = performance.now(); window.__bench.tOut = 0; }, true);
      // Watches the whole document (the result area may be drawn by the app after load) and keeps only
      // changes inside the result area.
      new MutationObserver((records) => {
        const inside = records.some((r) => {
          const n = r.target.nodeType === 1 ? r.target : r.target.parentElement;
          return n?.closest?.(sel);
        });
        if (!inside) return;
        const b = window.__bench;
        if (!b.tOut) b.tOut = performance.now();
        b.outs++;
      }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
    }, sel);
  }
  return { context, page, cdp, net };
}

async function quiet(net, ms = 400) {
  const t0 = Date.now();
  while (Date.now() - t0 < 60000) {
    if (net.inflight === 0 && Date.now() - net.last >= ms) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Types a query (30 ms between keys: faster than the debounce, so one search) and waits for its results. */
async function typeAndWait(page, text) {
  const box = page.locator("#q").first();
  await box.fill("");
  await page.waitForTimeout(DEBOUNCE_MS + 100);
  await page.evaluate(() => { window.__bench.tIn = 0; window.__bench.tOut = 0; });
  await box.pressSequentially(text, { delay: 30 });
  await page.waitForFunction(() => window.__bench.tOut > window.__bench.tIn && window.__bench.tIn > 0, null, { timeout: 30000 });
}

/** Cold bytes: open the page with an empty cache, type the first query, wait for its results; then later queries. */
async function bytesRun(browser, engine) {
  const e = ENGINES[engine];
  const { context, page, net } = await openEngine(browser, engine);
  await page.goto(BASE + e.url, { waitUntil: "load" });
  await page.waitForSelector(e.ready, { state: "attached", timeout: 30000 });
  await typeAndWait(page, BYTE_QUERIES[0]);
  await quiet(net);
  const cold = net.bytes;
  const coldRequests = net.requests.slice();
  const later = [];
  for (const q of BYTE_QUERIES.slice(1)) {
    const before = net.bytes;
    await typeAndWait(page, q);
    await quiet(net);
    later.push([q, net.bytes - before]);
  }
  const firstResult = await page.locator(e.first).first().getAttribute("href").catch(() => null);
  await context.close();
  return { cold, coldRequests, later, firstResult };
}

/** motcua's home page with JavaScript off: the HTML and CSS a Pagefind box on that page would sit on. */
async function homeShell(browser) {
  const { context, page, net } = await openEngine(browser, "shell", { javaScriptEnabled: false });
  await page.goto(BASE + "/", { waitUntil: "load" });
  await quiet(net);
  await context.close();
  return { bytes: net.bytes, requests: net.requests };
}

/**
 * Per-keystroke time in Chromium, CPU slowed 4×: each sample query typed key by key, waiting for each key's
 * results before the next key. Time = first change of the result area − the input event − the 150 ms debounce
 * both pages wait before searching. The first pass fetches what each keystroke needs and is not counted; the
 * second (warm: no network) is.
 */
async function keystrokeRun(browser, engine, queries) {
  const e = ENGINES[engine];
  const { context, page, cdp } = await openEngine(browser, engine);
  await page.goto(BASE + e.url, { waitUntil: "load" });
  await page.waitForSelector(e.ready, { state: "attached", timeout: 30000 });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  const box = page.locator("#q").first();
  const times = [];
  let missed = 0;
  for (let pass = 0; pass < 2; pass++) {
    for (const q of queries) {
      await box.fill("");
      await page.waitForTimeout(DEBOUNCE_MS + 150);
      await box.focus();
      const chars = Array.from(q);
      for (let k = 0; k < chars.length; k++) {
        await page.evaluate(() => { window.__bench.tIn = 0; window.__bench.tOut = 0; });
        await page.keyboard.type(chars[k]);
        if (!chars.slice(0, k + 1).join("").trim()) continue; // a blank box searches nothing
        const ok = await page.waitForFunction(() => window.__bench.tOut > window.__bench.tIn && window.__bench.tIn > 0, null, { timeout: 10000 })
          .then(() => true, () => false);
        const b = await page.evaluate(() => window.__bench);
        // Let any trailing writes of this keystroke land before the next key.
        await page.waitForTimeout(20);
        if (pass === 0) continue;
        if (ok) times.push(b.tOut - b.tIn - DEBOUNCE_MS);
        else missed++;
      }
    }
  }
  await context.close();
  return { times, missed };
}

/** Pagefind's Success@1, Success@3, MRR@10 on the judged queries (same definitions as `motcua eval`). */
async function pagefindEval(browser) {
  const { context, page } = await openEngine(browser, "pagefind");
  await page.goto(BASE + "/pf-bench.html", { waitUntil: "load" });
  let n = 0, s1 = 0, s3 = 0, mrr = 0, absentAnswered = 0, absent = 0;
  const missed = [];
  for (const j of judged) {
    const urls = await page.evaluate((q) => window.pfTop10(q), j.query);
    const codes = urls.map((u) => u.match(/\/p\/([^/]+)\//)?.[1] ?? u);
    if (!j.grade2.length) {
      if (j.kind === "absent") { absent++; if (codes.length) absentAnswered++; }
      continue;
    }
    n++;
    const rank = codes.findIndex((c) => j.grade2.includes(c));
    if (rank === 0) s1++;
    if (rank >= 0 && rank < 3) s3++; else missed.push(`${j.id} «${j.query}» → ${codes.slice(0, 3).join(" ") || "(nothing)"}`);
    if (rank >= 0) mrr += 1 / (rank + 1);
  }
  await context.close();
  return { s1: s1 / n, s3: s3 / n, mrr: mrr / n, n, absent, absentAnswered, missed };
}

const browser = await launch();
let report;
try {
  log("cold and later-query bytes: motcua");
  const mb = await bytesRun(browser, "motcua");
  log("cold and later-query bytes: Pagefind");
  const pb = await bytesRun(browser, "pagefind");
  const shell = await homeShell(browser);
  const pfPage = pb.coldRequests.find(([u]) => u === "/pf-bench.html")?.[1] ?? 0;
  const pfCold = shell.bytes + pb.cold - pfPage;
  log(`per-keystroke time, CPU ${CPU_SLOWDOWN}× slower, ${timed.length} queries: motcua`);
  const mk = await keystrokeRun(browser, "motcua", timed);
  log(`per-keystroke time, CPU ${CPU_SLOWDOWN}× slower, ${timed.length} queries: Pagefind`);
  const pk = await keystrokeRun(browser, "pagefind", timed);
  log("Pagefind on the judged queries");
  const pe = await pagefindEval(browser);

  const laterM = mb.later.map(([, b]) => b), laterP = pb.later.map(([, b]) => b);
  const f3 = (x) => (Number.isFinite(x) ? x.toFixed(3) : "-");
  const msf = (x) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 2 : 1)} ms` : "-");
  const rows = [
    ["", "motcua", `Pagefind ${pfVersion.replace(/^pagefind /, "")}`, "target"],
    [`cold bytes home → first results («${BYTE_QUERIES[0]}»)`, kb(mb.cold), kb(pfCold), "≤ 150 KB"],
    ["later query bytes, median", kb(median(laterM)), kb(median(laterP)), "≤ 30 KB"],
    ["later query bytes, max", kb(Math.max(...laterM)), kb(Math.max(...laterP)), "≤ 30 KB"],
    ["per-keystroke, native, median", msf(native.median_ms), "n/a (browser only)", "≤ 2 ms"],
    ["per-keystroke, native, p90 / max", `${msf(native.p90_ms)} / ${msf(native.max_ms)}`, "n/a", ""],
    [`per-keystroke, Chromium CPU ${CPU_SLOWDOWN}×, median`, msf(median(mk.times)), msf(median(pk.times)), "≤ 16 ms"],
    [`per-keystroke, Chromium CPU ${CPU_SLOWDOWN}×, p90`, msf(quantile(mk.times, 0.9)), msf(quantile(pk.times, 0.9)), ""],
    ["Success@1", f3(motcuaEval.s1), f3(pe.s1), ""],
    ["Success@3", f3(motcuaEval.s3), f3(pe.s3), "≥ 0.92"],
    ["MRR@10", f3(motcuaEval.mrr), f3(pe.mrr), "≥ 0.85"],
  ];
  const w = [54, 18, 22, 10];
  const lines = [];
  lines.push(`Search benchmark — motcua beside Pagefind on the same built site (${DIST}), ${new Date().toISOString().slice(0, 16)}Z`);
  lines.push("");
  for (const r of rows) lines.push(r.map((c, i) => String(c).padEnd(w[i])).join(" ").trimEnd());
  lines.push("");
  lines.push("What is counted:");
  lines.push(`- bytes: every response as the server sent it (status line, headers and body; compressed: brotli where the`);
  lines.push(`  browser accepts it), counted by the benchmark's server because Pagefind fetches from a Web Worker that a page's`);
  lines.push(`  DevTools session does not see; fresh browser context (cold HTTP cache), service workers blocked, no throttling.`);
  lines.push(`- cold, motcua: open / (HTML, CSS, app JS + wasm, /search.txt, index shards), type «${BYTE_QUERIES[0]}» (30 ms/key),`);
  lines.push(`  until the result list shows and the network is quiet: ${mb.coldRequests.length} requests.`);
  lines.push(`- cold, Pagefind: motcua's home with JavaScript off (${kb(shell.bytes)}, ${shell.requests.length} requests: the page a Pagefind box`);
  lines.push(`  would sit on) + everything /pf-bench.html loads for the same typed query (pagefind.js, entry, wasm, meta, index`);
  lines.push(`  chunks, fragments of the top 10 for their titles) except that page's own HTML (${kb(pfPage)}).`);
  lines.push(`- later queries (same page, each typed at 30 ms/key): ${BYTE_QUERIES.slice(1).join(", ")}`);
  lines.push(`  motcua ${laterM.map(kb).join(", ")}; Pagefind ${laterP.map(kb).join(", ")}.`);
  lines.push(`- native (motcua search-bench, ${native.queries} judged queries typed key by key = ${native.keystrokes} keystrokes × ${native.passes}`);
  lines.push(`  passes, release build): engine::plan(as-you-type) + engine::search(top 10) + document rows, over the index in memory.`);
  lines.push(`  Pagefind has no native query engine (its search is wasm in the browser).`);
  lines.push(`- Chromium ${CPU_SLOWDOWN}×: ${timed.length} of the judged queries (every ${step}th) typed key by key, waiting for each key's results;`);
  lines.push(`  per key = first change of the result area (MutationObserver) − the input event − the ${DEBOUNCE_MS} ms debounce both`);
  lines.push(`  pages wait; second pass only (the first fetched every file). So it counts the search and writing the list,`);
  lines.push(`  plus any lateness of the debounce timer under the slowed CPU. motcua ${mk.times.length} keys (${mk.missed} without a change),`);
  lines.push(`  Pagefind ${pk.times.length} keys (${pk.missed} without a change).`);
  lines.push(`- Success@k, MRR@10: over the ${pe.n} judged queries with grade-2 codes (../shared/eval/README.md); motcua from`);
  lines.push(`  \`motcua eval\`, Pagefind from pf.search(query) top 10, URLs /p/<code>/ → codes.`);
  lines.push(`  Absent needs: Pagefind returned results for ${pe.absentAnswered} of ${pe.absent} (it has no "no good match").`);
  lines.push(`- first result for «${BYTE_QUERIES.at(-1)}»: motcua ${mb.firstResult}, Pagefind ${pb.firstResult}`);
  lines.push("");
  lines.push("Pagefind misses (no exact answer in its top 3):");
  for (const m of pe.missed) lines.push(`  ${m}`);
  report = lines.join("\n");
} finally {
  await browser.close();
  server.close();
  rmSync(SITE, { recursive: true, force: true });
}
console.log(report);
writeFileSync(join(OUT, "search-bench.txt"), report + "\n");
