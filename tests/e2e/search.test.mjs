// Search as people use it: typed without diacritics on a phone, the right procedure comes first and opens;
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
  assert.equal(await first.locator("a").getAttribute("href"), "/p/1.001193/");
  assert.match(await page.locator("#sr-count").innerText(), /\d+ thủ tục phù hợp/);
  const meta = await first.locator(".sr-meta").innerText();
  assert.match(meta, /1\.001193/);
  assert.match(meta, /Cấp xã/);
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

test("a need the catalogue does not cover says so plainly and offers browsing", async () => {
  const { context, page } = await openPage(browser, { viewport: PHONE });
  await page.goto(`${BASE_URL}/tim-kiem/?q=${encodeURIComponent("đăng ký quyền tác giả bài hát")}`);
  await waitHydrated(page);
  await page.waitForFunction(() => /Không tìm thấy thủ tục phù hợp/.test(document.querySelector("#sr-count")?.textContent ?? ""), null, { timeout: 15000 });
  const none = await page.locator("#sr-none").innerText();
  assert.match(none, /Cấp xã/);
  assert.equal(await page.locator("#sr-none a[href='/cap/xa/']").count(), 1);
  await page.screenshot({ path: join(OUT, "search-none-phone.png"), fullPage: false });
  await context.close();
});
