// The request waterfall of a procedure page opened cold on Regular 3G with a CPU slowed 4× (a diagnostic, not a
// test): when each request started, got its first byte and ended, beside first contentful paint. It showed a
// render-blocking script delaying the stylesheet by a round trip (see src/pages/layout.rs).
//
//   node tests/e2e/waterfall.mjs [dist] [cpu slowdown] [code]      (needs target/release/motcua)
import { spawn } from "node:child_process";
import { launch } from "./browser.mjs";
const DIST = process.argv[2] ?? "dist";
const CPU = Number(process.argv[3] ?? 4);
const PAGE = process.argv[4] ?? "1.001193";
const port = 30000 + Math.floor(Math.random() * 20000);
const child = spawn("target/release/motcua", ["serve", "--no-build", "--port", String(port), "--out", DIST], { stdio: "ignore" });
const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 100; i++) { try { await fetch(base + "/"); break; } catch { await new Promise((r) => setTimeout(r, 100)); } }
const browser = await launch();
for (let run = 0; run < 3; run++) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: "block" });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 300, downloadThroughput: 87500, uploadThroughput: 87500 });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU });
  const reqs = new Map(); let t0 = null;
  cdp.on("Network.requestWillBeSent", (e) => { if (t0 === null) t0 = e.timestamp; reqs.set(e.requestId, { url: e.request.url.replace(base, ""), start: e.timestamp }); });
  cdp.on("Network.responseReceived", (e) => { const r = reqs.get(e.requestId); if (r) r.resp = e.timestamp; });
  cdp.on("Network.loadingFinished", (e) => { const r = reqs.get(e.requestId); if (r) { r.end = e.timestamp; r.bytes = e.encodedDataLength; } });
  await page.goto(`${base}/p/${PAGE}/`, { waitUntil: "load" });
  await page.waitForTimeout(300);
  const t = await page.evaluate(() => ({ fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime, nav: performance.getEntriesByType("navigation")[0].toJSON() }));
  console.log(`run ${run}: FCP ${Math.round(t.fcp)} domInteractive ${Math.round(t.nav.domInteractive)} responseEnd ${Math.round(t.nav.responseEnd)} dcl ${Math.round(t.nav.domContentLoadedEventEnd)}`);
  for (const r of reqs.values()) console.log(`  ${r.url.slice(0, 40).padEnd(40)} start ${Math.round((r.start - t0) * 1000)} resp ${Math.round((r.resp - t0) * 1000)} end ${Math.round((r.end - t0) * 1000)} ${r.bytes}`);
  await context.close();
}
await browser.close(); child.kill();
