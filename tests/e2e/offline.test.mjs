// Offline, as a citizen meets it: open a procedure, lose the signal, and the page still opens; a page never
// opened shows the offline fallback with a way back; a whole field saved with "Lưu để dùng khi mất mạng"
// opens with no network. "No network" here is real: this test runs its own `motcua serve` and stops it,
// and also switches the browser offline through DevTools.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { OUT, PHONE, launch, ownServer, waitHydrated } from "./browser.mjs";

const server = ownServer();
const BASE = server.base;
let browser;

before(async () => { browser = await launch(); await server.start(); });
after(async () => { await browser?.close(); await server.stop(); });

/** Types a query in the page's search box and waits for a result whose link starts with `href`. */
async function search(page, query, href) {
  const box = page.locator("#q");
  await box.fill("");
  await box.pressSequentially(query, { delay: 20 });
  await page.waitForFunction((h) => (document.querySelector("#sr-list li a")?.getAttribute("href") ?? "").startsWith(h), href, { timeout: 30000 });
}

async function goOffline(context, page) {
  await server.stop();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await context.setOffline(true);
}

test("a visited page, and a saved field, open with no network; others show the offline page", async () => {
  const context = await browser.newContext({ viewport: PHONE, locale: "vi-VN" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));

  // Visit a procedure; the service worker installs (precaching the app and the search index) and takes control.
  await page.goto(`${BASE}/p/1.001193/`);
  await waitHydrated(page);
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 60000 });

  // Search once while online.
  await search(page, "dang ky khai sinh", "/p/1.001193/");

  // Save a whole field for offline use.
  await page.goto(`${BASE}/linh-vuc/chung-thuc/`);
  await waitHydrated(page);
  const saved = await page.locator(".save-offline a, .plist a").evaluateAll((as) => as.map((a) => a.getAttribute("href")).filter((h) => h?.startsWith("/p/")));
  assert.ok(saved.length >= 3, "the field lists procedures");
  await page.getByRole("button", { name: "Lưu để dùng khi mất mạng" }).click();
  await page.locator(".save-status", { hasText: "Đã lưu" }).waitFor({ timeout: 60000 });
  assert.match(await page.locator(".save-status").innerText(), /Có thể xem khi mất mạng/);
  await page.screenshot({ path: join(OUT, "offline-saved-field-phone.png") });

  await goOffline(context, page);

  // The visited page reloads and reads as before.
  await page.goto(`${BASE}/p/1.001193/`);
  assert.match(await page.locator("h1").innerText(), /khai sinh/i);
  assert.match(await page.locator("main").innerText(), /Cần mang gì|Giấy tờ cần mang/);
  await page.reload();
  assert.match(await page.locator("h1").innerText(), /khai sinh/i);
  // Styled: the stylesheet came from the cache too.
  const bg = await page.locator("header.top").evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.notEqual(bg, "rgba(0, 0, 0, 0)", "the stylesheet is applied offline");

  // Search again with no network: the app and the index come from the cache.
  await page.goto(`${BASE}/`);
  await waitHydrated(page);
  await search(page, "chung thuc ban sao", "/p/");

  // A procedure of the saved field, never opened, opens.
  await page.goto(`${BASE}${saved[saved.length - 1]}`);
  assert.match(await page.locator("main").innerText(), /Cần mang gì|Giấy tờ cần mang/, "saved page opens offline");

  // A page never opened nor saved shows the offline fallback with a way back.
  await page.goto(`${BASE}/p/1.004194/`);
  assert.match(await page.locator("h1").innerText(), /không có mạng/i);
  assert.ok(await page.locator("main a[href='/']").count() >= 1, "a way back");
  await page.screenshot({ path: join(OUT, "offline-fallback-phone.png") });

  assert.deepEqual(errors, []);
  await context.close();
});
