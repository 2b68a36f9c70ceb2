// Search as people use it: typed without diacritics on a phone, or as a whole spoken question, the right
// procedure comes first and opens;
// a shared /tim-kiem/?q= link shows its results on load; a need the catalogue does not cover gets a plain
// "Không tìm thấy thủ tục phù hợp", not a confident wrong answer.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { BASE_URL, OUT, PHONE, launch, openPage, waitHydrated } from "./browser.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("typing an unaccented query shows the right procedure first, and opening it works", async () => {
  const { context, page, errors } = await openPage(browser, { viewport: PHONE });
  await page.goto(`${BASE_URL}/`);
  await waitHydrated(page);
  const box = page.locator("#q");
  await box.pressSequentially("dang ky khai sinh", { delay: 30 });
  const first = page.locator("#sr-list li").first();
  await first.waitFor({ timeout: 15000 });
  await page.waitForFunction(() => /khai sinh/i.test(document.querySelector("#sr-list li a")?.textContent ?? ""));
  assert.equal(await first.locator("a").first().getAttribute("href"), "/p/1.001193/");
  assert.equal(await first.locator("a.add").getAttribute("href"), "/gio-ho-so/?them=1.001193", "a result adds itself to the basket");
  assert.match(await page.locator("#sr-count").innerText(), /\d+ thủ tục phù hợp/);
  const meta = await first.locator(".sr-meta").innerText();
  assert.match(meta, /1\.001193/);
  assert.match(meta, /Cấp xã/);
  assert.equal(await first.locator(".sr-miss").count(), 0, "a result with every word typed says nothing is missing");
  // Bytes over the wire from opening the home page to the first result list (HTML, CSS, JS, wasm, index),
  // then for one more query: printed, not asserted (the benchmark compares them with Pagefind).
  const wire = () => page.evaluate(() => [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")]
    .reduce((n, e) => n + (e.encodedBodySize || 0), 0));
  const cold = await wire();
  await box.fill("");
  await box.pressSequentially("cap lai ho chieu", { delay: 30 });
  await page.waitForFunction(() => /hộ chiếu/i.test(document.querySelector("#sr-list li a")?.textContent ?? ""));
  console.log(`search bytes: cold home → first results ${(cold / 1024).toFixed(1)} KB; next query ${((await wire() - cold) / 1024).toFixed(1)} KB`);
  await box.fill("");
  await box.pressSequentially("dang ky khai sinh", { delay: 10 });
  await page.waitForFunction(() => /khai sinh/i.test(document.querySelector("#sr-list li a")?.textContent ?? ""));
  await page.screenshot({ path: join(OUT, "search-phone.png"), fullPage: false });
  // Keyboard: the first result is highlighted by ArrowDown and opened by Enter.
  await box.press("ArrowDown");
  assert.equal(await first.getAttribute("aria-current"), "true");
  await Promise.all([page.waitForURL(`${BASE_URL}/p/1.001193/`), box.press("Enter")]);
  assert.match(await page.locator("h1").innerText(), /khai sinh/i);
  assert.deepEqual(errors, [], "no console errors");
  await context.close();
});

test("a whole question, typed the way people speak, finds its procedure first and is not told «Không tìm thấy»", async () => {
  // Only "khai sinh" names the need; the rest is how a question is asked (content/question_words.toml).
  const { context, page, errors } = await openPage(browser, { viewport: PHONE });
  await page.goto(`${BASE_URL}/tim-kiem/`);
  await waitHydrated(page);
  const question = "cho em hỏi làm giấy khai sinh cho con thì cần giấy tờ gì ạ";
  await page.locator("#q").pressSequentially(question, { delay: 20 });
  // The list settles on the whole question: the search page's URL follows the box, then the debounced search.
  await page.waitForFunction((q) => new URLSearchParams(location.search).get("q") === q, question, { timeout: 15000 });
  await page.waitForTimeout(500);
  await page.waitForFunction(() => document.querySelector("#sr-list li a")?.getAttribute("href") === "/p/1.001193/", null, { timeout: 15000 });
  const count = await page.locator("#sr-count").innerText();
  assert.doesNotMatch(count, /Không tìm thấy/, count);
  assert.match(count, /\d+ thủ tục phù hợp/);
  assert.equal((await page.locator("#sr-none").innerText()).trim(), "", "no «no good match» box");
  assert.deepEqual(errors, [], "no console errors");
  await context.close();
});

test("a /tim-kiem/?q= link shows its results on load, and filters narrow them", async () => {
  const { context, page, errors } = await openPage(browser, { viewport: PHONE });
  await page.goto(`${BASE_URL}/tim-kiem/?q=${encodeURIComponent("cấp lại hộ chiếu")}`);
  await waitHydrated(page);
  await page.locator("#sr-list li").first().waitFor({ timeout: 15000 });
  assert.equal(await page.locator("#q").inputValue(), "cấp lại hộ chiếu");
  assert.match(await page.locator("#sr-list li a").first().innerText(), /hộ chiếu/i);
  const before = await page.locator("#sr-count").innerText();
  await page.locator("input[name=lv][value='4']").check();
  await page.waitForFunction((b) => document.querySelector("#sr-count")?.textContent !== b, before);
  // Typing keeps the URL in step, so the list can be shared.
  await page.locator("#q").fill("khai tu");
  await page.waitForFunction(() => location.search.includes("khai%20tu"));
  assert.deepEqual(errors, [], "no console errors");
  await context.close();
});

test("a need the catalogue does not cover says so plainly, says who handles it and offers browsing", async () => {
  const { context, page } = await openPage(browser, { viewport: PHONE });
  // Every word of it is in some procedure's name ("lắp đặt", "điện", "nhà"): content/outside.toml knows that
  // electricity connections are the power company's.
  await page.goto(`${BASE_URL}/tim-kiem/?q=${encodeURIComponent("lắp công tơ điện cho nhà mới")}`);
  await waitHydrated(page);
  await page.waitForFunction(() => /Không tìm thấy thủ tục phù hợp/.test(document.querySelector("#sr-count")?.textContent ?? ""), null, { timeout: 15000 });
  const none = await page.locator("#sr-none").innerText();
  assert.match(none, /công ty điện lực/);
  assert.match(none, /Cấp xã/);
  assert.equal(await page.locator("#sr-none a[href='/cap/xa/']").count(), 1);
  await page.screenshot({ path: join(OUT, "search-none-phone.png"), fullPage: false });
  await context.close();
});

test("a result that lacks some of the words typed says which, as they were typed", async () => {
  const { context, page, errors } = await openPage(browser, { viewport: PHONE });
  // No procedure is about a household electricity connection; the nearest partial matches lack "lắp" or "điện"
  // (each row says which, as typed; the first row's missing word depends on the ranking of the day).
  await page.goto(`${BASE_URL}/tim-kiem/?q=${encodeURIComponent("đăng ký lắp điện mới cho nhà")}`);
  await waitHydrated(page);
  const first = page.locator("#sr-list li").first();
  await first.waitFor({ timeout: 15000 });
  const rows = page.locator("#sr-list li");
  const misses = [];
  for (let i = 0; i < Math.min(3, await rows.count()); i++) {
    const miss = rows.nth(i).locator(".sr-miss");
    assert.match(await miss.innerText(), /^Không có: /, `row ${i + 1} lacks a word typed`);
    misses.push(...(await miss.locator("s").allInnerTexts()));
  }
  assert.ok(misses.some((w) => /(^| )điện( |$)/.test(w)), misses.join(", "));
  await page.screenshot({ path: join(OUT, "search-missing-phone.png"), fullPage: false });
  assert.deepEqual(errors, [], "no console errors");
  await context.close();
});

// Issue 8: a damaged or truncated index file is detected (checksum) and fetched again, and search keeps
// working; a file that stays bad gives a plain message in the results area, never a broken page.
const INDEX_FILE = /\/assets\/search-[^/]+\/(core|t\d+|d\d+)\.bin$/;

/** A context whose requests all reach page.route (a service worker would answer some of them itself). */
async function routedPage() {
  const context = await browser.newContext({ viewport: PHONE, locale: "vi-VN", serviceWorkers: "block" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  return { context, page, errors };
}

test("a damaged index file is fetched again and the right procedure still comes first", async () => {
  const { context, page, errors } = await routedPage();
  const seen = new Map();
  // The first response of every index file is damaged: core.bin cut in half, term shards with one byte
  // changed, document shards cut short. The second (the app's re-fetch) is the real file.
  await page.route(INDEX_FILE, async (route) => {
    const url = route.request().url();
    const n = (seen.get(url) ?? 0) + 1;
    seen.set(url, n);
    const res = await route.fetch();
    const body = await res.body();
    if (n > 1) return route.fulfill({ response: res, body });
    let bad;
    if (/core\.bin$/.test(url)) bad = body.subarray(0, body.length >> 1);
    else if (/\/t\d+\.bin$/.test(url)) { bad = Buffer.from(body); bad[bad.length >> 1] ^= 0x5a; }
    else bad = body.subarray(0, Math.max(0, body.length - 7));
    return route.fulfill({ status: 200, contentType: "application/octet-stream", body: bad });
  });
  await page.goto(`${BASE_URL}/`);
  await waitHydrated(page);
  await page.locator("#q").pressSequentially("dang ky khai sinh", { delay: 30 });
  await page.waitForFunction(() => /khai sinh/i.test(document.querySelector("#sr-list li a")?.textContent ?? ""), null, { timeout: 15000 });
  assert.equal(await page.locator("#sr-list li a").first().getAttribute("href"), "/p/1.001193/");
  const kinds = [...seen.keys()].map((u) => u.replace(/.*\//, ""));
  assert.ok(kinds.includes("core.bin") && kinds.some((k) => /^t\d/.test(k)) && kinds.some((k) => /^d\d/.test(k)), `damaged: ${kinds}`);
  for (const [url, n] of seen) assert.ok(n >= 2, `${url} was not fetched again`);
  assert.deepEqual(errors, [], "no console errors, no panic");
  await context.close();
});

test("an index file that stays damaged gives a plain message, and search works again once it is whole", async () => {
  const { context, page, errors } = await routedPage();
  let broken = true;
  await page.route(INDEX_FILE, async (route) => {
    const res = await route.fetch();
    const body = await res.body();
    if (!broken || !/\/t\d+\.bin$/.test(route.request().url())) return route.fulfill({ response: res, body });
    return route.fulfill({ status: 200, contentType: "application/octet-stream", body: body.subarray(0, body.length - 1) });
  });
  await page.goto(`${BASE_URL}/`);
  await waitHydrated(page);
  const box = page.locator("#q");
  await box.pressSequentially("ho chieu", { delay: 30 });
  await page.waitForFunction(() => /Không tải được chỉ mục tìm kiếm\. Hãy thử lại\./.test(document.querySelector("#sr-count")?.textContent ?? ""), null, { timeout: 15000 });
  assert.equal(await page.locator("#sr-list li").count(), 0);
  // The page is not broken: once the file arrives whole, the next query fetches it again and shows results.
  broken = false;
  await box.fill("");
  await box.pressSequentially("cap lai ho chieu", { delay: 30 });
  await page.waitForFunction(() => /hộ chiếu/i.test(document.querySelector("#sr-list li a")?.textContent ?? ""), null, { timeout: 15000 });
  assert.deepEqual(errors, [], "no console errors, no panic");
  await context.close();
});

test("a query typed before the app has loaded (a slow link) shows its results once it wakes, on any page", async () => {
  // The app's wasm is held back until the query is typed, as on 2G where people type long before it arrives.
  const { context, page, errors } = await openPage(browser, { viewport: PHONE });
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\/assets\/motcua_bg\.[0-9a-f]+\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(`${BASE_URL}/p/1.001193/`);
  await page.locator("#q").pressSequentially("ho chieu", { delay: 20 });
  assert.equal(await page.locator("html[data-hydrated='1']").count(), 0, "the app must not have woken yet");
  release();
  await waitHydrated(page);
  await page.waitForFunction(() => /hộ chiếu/i.test(document.querySelector("#sr-list li a")?.textContent ?? ""), null, { timeout: 15000 });
  assert.deepEqual(errors, [], "no console errors");
  await context.close();
});
