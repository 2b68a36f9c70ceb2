// The dossier basket ("Giỏ hồ sơ"), as a citizen uses it: add three procedures from three kinds of pages
// (a procedure page, a field list, a life event), see one checklist with a shared paper listed once and the
// fees added up, tick papers and find the ticks after a reload and with no network, print it, and open it on
// another phone from its QR code. A life event's "Làm cả bộ này" fills a basket at once; a kiosk forgets it.
// Its own `motcua serve`, so going offline is real (the server stops). The printed PDF, the QR code drawn on
// screen and the link it should hold go to out/basket/, which tests/e2e.rs decodes with a real QR decoder.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BASE_URL, OUT, PHONE, DESKTOP, launch, ownServer, waitHydrated } from "./browser.mjs";

const server = ownServer();
const BASE = server.base;
const DIR = join(OUT, "basket");
rmSync(DIR, { recursive: true, force: true });
mkdirSync(DIR, { recursive: true });
const ID_CARD = "Căn cước, căn cước công dân, hộ chiếu hoặc giấy tờ có ảnh còn hạn của người đi làm thủ tục";
let browser;

before(async () => { browser = await launch(); await server.start(); });
after(async () => { await browser?.close(); await server.stop(); });

/** Waits until the basket shows `n` procedures, each fetched. */
async function basketHas(page, n) {
  await page.waitForFunction((n) => document.querySelector(".basket[data-ready]") && document.querySelectorAll(".basket-procs li").length === n, n, { timeout: 30000 });
}

test("three procedures from three kinds of pages: one checklist, fees added up, ticks kept offline, printed, opened elsewhere", async () => {
  const context = await browser.newContext({ viewport: PHONE, locale: "vi-VN" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));

  // A procedure page.
  await page.goto(`${BASE}/p/1.001193/`);
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 60000 });
  await page.click(".add-basket a");
  await basketHas(page, 1);
  assert.equal(new URL(page.url()).search, "", "the address is the basket's own once the code is kept");
  // A field's list.
  await page.goto(`${BASE}/linh-vuc/ho-tich/`);
  await page.click('a.add[href$="them=2.000635"]');
  await basketHas(page, 2);
  // A life event's page.
  await page.goto(`${BASE}/su-kien/sinh-con/`);
  await page.click('#tung-viec ~ ul a.add[href$="them=1.004222"], a.add[href$="them=1.004222"] >> nth=0');
  await basketHas(page, 3);

  const text = await page.locator(".basket").innerText();
  // The applicant's ID, which all three ask for in their summaries' words, is listed once, for all of them.
  assert.equal(text.split(ID_CARD).length - 1, 1, "the ID card is listed once");
  const idRow = page.locator(".basket-group li", { hasText: ID_CARD });
  const forWhom = await idRow.locator(".basket-for").innerText();
  for (const name of ["Đăng ký khai sinh", "Cấp bản sao Trích lục hộ tịch"]) assert.ok(forWhom.includes(name), `${name} in «${forWhom}»`);
  // Birth registration and residence together: the liên thông procedure that does both in one file is offered.
  assert.match(await page.locator(".basket-joint").innerText(), /Liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú/);
  // Each procedure's own form is under its name.
  assert.match(text, /Đăng ký thường trú\n[\s\S]*Tờ khai thay đổi thông tin cư trú/);

  // The fees per way of submitting are the sum of each procedure's fees, read from its page's data.
  const entries = await Promise.all(["1.001193", "2.000635", "1.004222"].map((c) => fetch(`${BASE}/gio-ho-so/d/${c}.json`).then((r) => r.json())));
  const inPerson = entries.map((e) => e.fees.find((f) => f.channel === "Nộp trực tiếp").amount);
  assert.ok(inPerson.every((a) => Number.isInteger(a)), `every amount is known: ${inPerson}`);
  const sum = inPerson.reduce((a, b) => a + b, 0);
  assert.ok(sum > 0);
  const fees = await page.locator(".basket-fees").innerText();
  assert.ok(fees.includes(`Nộp trực tiếp: ${sum.toLocaleString("de-DE")} đồng`), `«${fees}» says ${sum}`);

  // Ticks survive a reload, and going offline.
  const box = idRow.locator("input[type=checkbox]");
  await box.check();
  await page.reload();
  await basketHas(page, 3);
  assert.ok(await page.locator(".basket-group li", { hasText: ID_CARD }).locator("input").isChecked(), "tick kept after reload");
  await server.stop();
  await context.setOffline(true);
  await page.reload();
  await basketHas(page, 3);
  assert.ok(await page.locator(".basket-group li", { hasText: ID_CARD }).locator("input").isChecked(), "tick kept offline");
  assert.equal(await page.locator(".basket-failed").count(), 0, "every procedure opens offline");
  await page.screenshot({ path: join(DIR, "basket-phone.png"), fullPage: true });

  // Printed: the checklist with the basket's QR code, on as few pages as it needs.
  const link = await page.locator(".basket-link").innerText();
  assert.match(link, /\/gio-ho-so\/\?p=1\.001193,2\.000635,1\.004222$/);
  writeFileSync(join(DIR, "link.txt"), link);
  await page.locator(".basket-qr").screenshot({ path: join(DIR, "qr.png") });
  await page.emulateMedia({ media: "print" });
  const pdf = join(DIR, "basket.pdf");
  await page.pdf({ path: pdf, format: "A4" });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))[1]);
  const qrOnLastPage = await page.evaluate(() => {
    const r = document.querySelector(".basket-qr").getBoundingClientRect();
    return r.width > 0;
  });
  assert.ok(qrOnLastPage, "the QR code is printed");
  assert.ok(pages <= 3, `three procedures print on at most 3 pages (got ${pages})`);
  // Each printed page says which it is of how many ("trang 2/2"): the print fits the pages it says.
  for (let n = 1; n <= pages; n++) {
    const text = execFileSync("pdftotext", ["-f", String(n), "-l", String(n), "-layout", pdf, "-"], { encoding: "utf8" });
    assert.match(text, new RegExp(`Giỏ hồ sơ · trang ${n}/${pages}`), `page ${n} says "trang ${n}/${pages}"`);
  }
  console.log(`basket of 3: printed on ${pages} A4 page(s)`);
  assert.deepEqual(errors, []);
  await context.close();

  // Another phone opens the link the QR code holds (tests/e2e.rs checks the code decodes to it).
  const other = await browser.newContext({ viewport: DESKTOP, locale: "vi-VN" });
  const p2 = await other.newPage();
  await p2.goto(BASE_URL + new URL(link).pathname + new URL(link).search);
  await basketHas(p2, 3);
  const names = await p2.locator(".basket-procs li a").allInnerTexts();
  assert.deepEqual(names.slice(0, 1), ["Đăng ký khai sinh"]);
  assert.equal(await p2.locator(".basket-shared").count(), 0, "an empty device takes the shared basket as its own");
  await p2.screenshot({ path: join(DIR, "basket-desktop.png"), fullPage: true });
  await other.close();
});

test("a life event's «Làm cả bộ này» fills the basket; a liên thông procedure takes its parts' place; a kiosk forgets it", async () => {
  const context = await browser.newContext({ viewport: PHONE, locale: "vi-VN" });
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/su-kien/sinh-con/`);
  const n = await page.locator("section:has(#tung-viec) .plist li").count();
  await page.click("text=Làm cả bộ này");
  await basketHas(page, n);
  assert.ok(n >= 3);
  await page.click("text=Đổi sang thủ tục liên thông");
  await basketHas(page, n - 1);
  const codes = await page.locator(".basket-procs .basket-code").allInnerTexts();
  assert.equal(codes[0], "(mã 2.000986)", "in the place of the first procedure it replaces");
  assert.ok(!codes.includes("(mã 1.001193)") && !codes.includes("(mã 1.004222)"), codes.join(" "));
  assert.equal(await page.locator(".basket-joint").count(), 0);
  await page.reload();
  await basketHas(page, n - 1);

  await page.goto(`${BASE_URL}/gio-ho-so/?kiosk=1&idle=1`);
  await basketHas(page, n - 1);
  await waitHydrated(page);
  await page.waitForURL((u) => u.pathname === "/", { timeout: 20000 });
  assert.equal(await page.evaluate(() => localStorage.getItem("motcua.giay-to.gio")), null, "the kiosk forgot the basket");
  await page.goto(`${BASE_URL}/gio-ho-so/?kiosk=0`);
  await page.waitForSelector(".basket-empty");
  await context.close();
});
