// Where to go, locally (issue 18), on the site the harness builds with tests/fixtures' 150 synthetic centres and
// local fees: a citizen finds their centre by an old commune's name typed without marks; an officer prints a
// counter sheet for a second centre; its QR code, read back from the printed PDF, opens the procedure with that
// centre's desk, address and phone, which stay after a reload with no network. A province's fee shows with
// its source. This file runs its own server so "offline" is real.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { DESKTOP, OUT, PHONE, launch, ownServer } from "./browser.mjs";

const server = ownServer();
const BASE = server.base;
const DIR = join(OUT, "centre");
let browser;

before(async () => {
  browser = await launch();
  await server.start();
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
});
after(async () => { await browser?.close(); await server.stop(); });

/** What a person types without marks: "Xã Phong Mỹ" → "xa phong my". */
const unmarked = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();

/** Every QR code's text on the pages of a printed PDF (rendered at 150 dpi). */
function qrCodesOf(pdf) {
  const prefix = join(DIR, "page");
  execFileSync("pdftoppm", ["-png", "-r", "150", pdf, prefix]);
  const found = [];
  for (const f of readdirSync(DIR).filter((f) => f.startsWith("page") && f.endsWith(".png")).sort()) {
    const png = PNG.sync.read(readFileSync(join(DIR, f)));
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    if (code) found.push(code.data);
  }
  return found;
}

test("a centre is found by its new or an old commune's name, typed without marks, from the home page", async () => {
  const context = await browser.newContext({ viewport: PHONE, locale: "vi-VN" });
  const page = await context.newPage();
  await page.goto(`${BASE}/`);
  await page.fill("#tim-tt-home", "phong my");
  await page.getByRole("button", { name: "Tìm trung tâm" }).click();
  await page.waitForURL(/\/tt\/\?q=phong\+my/);
  await page.waitForFunction(() => document.querySelectorAll("li[data-k]:not([hidden])").length === 1);
  const found = page.locator("li[data-k]:not([hidden])");
  assert.match(await found.innerText(), /Phong Điền/);
  assert.match(await found.innerText(), /Xã Phong Mỹ/, "the old commune it was found by is on the line");
  await page.screenshot({ path: join(DIR, "finder-phone.png"), fullPage: true });

  // The browser folds the query as the build's analyzer folded each centre: every centre's new name and
  // first old commune, typed without marks or in capitals, finds it (a sample of 30 of the 150).
  const centres = await page.locator("li[data-k] > a").evaluateAll((as) => as.map((a) => ({ href: a.getAttribute("href"), text: a.closest("li").innerText })));
  assert.ok(centres.length >= 150, `${centres.length} centres listed`);
  for (const c of centres.filter((_, i) => i % 5 === 1).slice(0, 30)) {
    const commune = c.text.split("\n")[1]?.split(";")[0] ?? "";
    for (const q of [unmarked(commune), commune.toUpperCase()]) {
      await page.fill("#tim-tt", q);
      const shown = await page.locator("li[data-k]:not([hidden]) > a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
      assert.ok(shown.includes(c.href), `"${q}" finds ${c.href}; shown: ${shown.slice(0, 5)}`);
    }
  }
  await page.fill("#tim-tt", "khong co xa nao ten nay");
  assert.match(await page.locator("#tt-dem").innerText(), /Không thấy trung tâm nào/);
  await context.close();
});

test("a counter sheet printed for a second centre opens its desk, address and phone, offline too", async () => {
  const slug = "thu-nghiem-an-hop";
  const officer = await browser.newContext({ viewport: DESKTOP, locale: "vi-VN" });
  const sheet = await officer.newPage();
  const errors = [];
  sheet.on("pageerror", (e) => errors.push(e.message));
  // From the centre's page, as an officer would.
  await sheet.goto(`${BASE}/tt/${slug}/`);
  await sheet.screenshot({ path: join(DIR, "centre-page-desktop.png"), fullPage: true });
  await sheet.getByRole("link", { name: /In tờ mã QR cho quầy/ }).click();
  await sheet.waitForSelector(".builder[data-ready]");
  await sheet.waitForSelector(".for-centre:not([hidden])");
  assert.match(await sheet.locator(".for-centre").innerText(), /xã An Hợp/);
  await sheet.fill("#loc", "1.004222");
  await sheet.locator("input[data-code='1.004222']").check();
  await sheet.waitForSelector(".tiles-sheet svg[data-url]");
  assert.match(await sheet.locator(".tiles-sheet .centre-name").first().innerText(), /xã An Hợp/, "the sheet is headed by the centre");
  const pdf = join(DIR, "counter-sheet.pdf");
  await sheet.pdf({ path: pdf, format: "A4", printBackground: true });
  assert.deepEqual(errors, []);

  // The printed code, read back by a real decoder: the page in the centre's context, short enough to scan.
  const [link] = qrCodesOf(pdf);
  assert.ok(link, "a QR code was found on the printed counter sheet");
  const url = new URL(link);
  assert.equal(url.pathname + url.search, `/p/1.004222/?tt=${slug}`);

  // A citizen scans it with a phone that never saw the site.
  const phone = await browser.newContext({ viewport: PHONE, locale: "vi-VN" });
  const page = await phone.newPage();
  await page.goto(`${BASE}${url.pathname}${url.search}`);
  const here = page.locator(".here");
  await here.waitFor();
  const said = await here.innerText();
  assert.match(said, /Ở xã An Hợp/);
  assert.match(said, /Nộp tại: Công an xã, Trụ sở UBND Xã/, "residence goes to the commune police, at the old office");
  assert.match(said, /Gọi: 0999 140 002/, "the officer's phone for residence");
  assert.equal(await here.locator("a[href^='tel:']").getAttribute("href"), "tel:0999140002");
  await page.screenshot({ path: join(DIR, "procedure-with-centre-phone.png"), fullPage: false });

  // Reload with no network (the server stopped, the browser offline): the page and the centre are still there.
  // The worker arrived after this first page loaded; it stores the open page once it is in control.
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 60000 });
  await page.waitForFunction(async () => !!(await caches.match(location.origin + location.pathname)), null, { timeout: 60000, polling: 250 });
  await server.stop();
  try {
    await phone.setOffline(true);
    await page.goto(`${BASE}/p/1.004222/`);
    await page.locator(".here").waitFor();
    assert.match(await page.locator(".here").innerText(), /Gọi: 0999 140 002/, "remembered on the device, without the ?tt= and offline");
    await page.screenshot({ path: join(DIR, "procedure-with-centre-offline-phone.png"), fullPage: false });
  } finally {
    await phone.setOffline(false);
    await server.start();
    await phone.close();
    await officer.close();
  }
});

test("a poster printed for a second centre carries its header, its desk and its QR context", async () => {
  const context = await browser.newContext({ viewport: DESKTOP, locale: "vi-VN" });
  const page = await context.newPage();
  await page.goto(`${BASE}/in/p/1.001193/?tt=thu-nghiem-an-hop`);
  await page.waitForSelector(".for-centre:not([hidden])");
  assert.match(await page.locator("header.centre").innerText(), /xã An Hợp/);
  assert.match(await page.locator(".p-where").innerText(), /Quầy số 1 \(tư pháp – hộ tịch\).*Gọi 0999 140 001/);
  assert.match(await page.locator(".p-url").innerText(), /\/p\/1\.001193\/\?tt=thu-nghiem-an-hop/);
  const pdf = join(DIR, "poster.pdf");
  await page.pdf({ path: pdf, format: "A4", printBackground: true });
  rmSync(join(DIR, "page-1.png"), { force: true });
  const codes = qrCodesOf(pdf);
  assert.ok(codes.some((c) => c.endsWith("/p/1.001193/?tt=thu-nghiem-an-hop")), `the printed poster's code: ${codes}`);
  // A field's sheets say where this centre receives the field's dossiers.
  await page.goto(`${BASE}/in/linh-vuc/ho-tich/?tt=thu-nghiem-an-hop`);
  await page.waitForSelector(".for-centre:not([hidden])");
  assert.match(await page.locator(".sheet-desk").first().innerText(), /Nộp tại: Quầy số 1 \(tư pháp – hộ tịch\).*Gọi 0999 140 001/);
  assert.match(await page.locator(".tiles-sheet svg[data-url]").first().getAttribute("data-url"), /\?tt=thu-nghiem-an-hop$/);
  await context.close();
});

test("a province's fee replaces the national line, with its source, on the page and in search results", async () => {
  const context = await browser.newContext({ viewport: PHONE, locale: "vi-VN" });
  const page = await context.newPage();
  await page.goto(`${BASE}/p/1.001612/`);
  const brief = await page.locator(".brief").innerText();
  assert.match(brief, /Trực tiếp 100\.000 đồng, trực tuyến 50\.000 đồng \(mức của địa phương theo Nghị quyết số 99\/2025\/NQ-HĐND \(thử nghiệm\), từ 01\/08\/2025\)/);
  const copied = await page.locator("#copy-text").textContent();
  assert.match(copied, /Lệ phí: Trực tiếp 100\.000 đồng, trực tuyến 50\.000 đồng \(mức của địa phương theo Nghị quyết số 99\/2025\/NQ-HĐND \(thử nghiệm\), từ 01\/08\/2025\)/, "the text copied for Zalo or SMS");
  await page.getByText("Mức ghi trên Cổng Dịch vụ công quốc gia").click();
  assert.match(await page.locator(".national-fee").innerText(), /Hội đồng nhân dân|HĐND/, "the national text one tap away");
  await page.goto(`${BASE}/tim-kiem/?q=dang+ky+thanh+lap+ho+kinh+doanh`);
  const line = page.locator("#sr-list li", { hasText: "Đăng ký thành lập hộ kinh doanh" }).first();
  await line.waitFor({ timeout: 30000 });
  assert.match(await line.innerText(), /50\.000–100\.000 đồng \(mức địa phương\)/);
  await context.close();
});
