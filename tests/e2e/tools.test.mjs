// Officer and citizen tools (issue 7): copy / share / print a procedure's papers, the citizen's checklist,
// text size and contrast, kiosk mode, life events. Screenshots at phone size go to tests/e2e/out/tools-*.png.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { BASE_URL, OUT, PHONE, launch, openPage, scrollTo, waitHydrated } from "./browser.mjs";

const CODE = "1.001193";
const PAGE = `${BASE_URL}/p/${CODE}/`;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The summary the build wrote into the page for the copy and share buttons (a hidden element). */
async function summaryProp(page) {
  return page.locator("#copy-text").evaluate((el) => el.textContent);
}

test("Sao chép copies the plain-text summary; Chia sẻ shares it, or copies without a share sheet", async () => {
  const { context, page, errors } = await openPage(browser);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: BASE_URL });
  await page.goto(PAGE);
  await waitHydrated(page);
  await page.getByRole("button", { name: "Sao chép" }).click();
  await page.getByText("Đã sao chép").waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const lines = copied.split("\n");
  assert.equal(lines[0], `Đăng ký khai sinh (mã ${CODE})`);
  assert.equal(lines[1], "Giấy tờ cần mang:");
  assert.ok(lines.some((l) => /^\d+\. Giấy chứng sinh.*\(1 bản chính\)$/.test(l)), copied);
  // The editor's summary is the procedure's fee and time everywhere (the portal's table says a bare "1").
  assert.ok(lines.some((l) => l.startsWith("Lệ phí: Miễn phí")), copied);
  assert.ok(lines.some((l) => l.startsWith("Thời gian: Trong ngày")), copied);
  assert.ok(lines.some((l) => l.startsWith("Nơi nộp: ")), copied);
  assert.equal(lines.at(-1), `Chi tiết: https://motcua.example.vn/p/${CODE}/`);
  assert.equal(copied, await summaryProp(page), "copied text is the build-time summary");
  await page.screenshot({ path: join(OUT, "tools-copy-phone.png") });

  // Headless desktop Chromium has no Web Share API: "Chia sẻ" copies instead.
  await page.evaluate(() => navigator.clipboard.writeText(""));
  await page.getByRole("button", { name: "Chia sẻ" }).click();
  await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t.length > 0));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), copied);
  assert.deepEqual(errors, []);
  await context.close();

  // A phone with a share sheet gets the same text through navigator.share.
  const phone = await openPage(browser);
  await phone.page.addInitScript(() => {
    navigator.share = (data) => { window.__shared = data; return Promise.resolve(); };
  });
  await phone.page.goto(PAGE);
  await waitHydrated(phone.page);
  await phone.page.getByRole("button", { name: "Chia sẻ" }).click();
  const shared = await phone.page.waitForFunction(() => window.__shared).then((h) => h.jsonValue());
  assert.equal(shared.text, copied);
  await phone.context.close();
});

test("checklist ticks survive a reload and reset clears them", async () => {
  const { context, page, errors } = await openPage(browser);
  await page.goto(PAGE);
  await waitHydrated(page);
  const boxes = page.locator("input[data-tick]");
  const total = await boxes.count();
  assert.ok(total >= 2, `checkboxes: ${total}`);
  await page.locator("label.tick").nth(0).click();
  await page.locator("label.tick").nth(1).click();
  await page.getByText(`Đã có 2/${total} giấy tờ`).waitFor();
  await page.locator("label.tick").nth(1).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(OUT, "tools-checklist-phone.png") });

  await page.reload();
  await waitHydrated(page);
  assert.equal(await boxes.nth(0).isChecked(), true);
  assert.equal(await boxes.nth(1).isChecked(), true);
  assert.equal(await boxes.nth(2).isChecked(), false);
  await page.getByText(`Đã có 2/${total} giấy tờ`).waitFor();

  // Ticks are per procedure.
  await page.goto(`${BASE_URL}/p/1.000894/`);
  await waitHydrated(page);
  assert.equal(await page.locator("input[data-tick]:checked").count(), 0);

  await page.goto(PAGE);
  await waitHydrated(page);
  await page.getByRole("button", { name: "Bỏ hết dấu" }).click();
  await page.getByText(`Đã có 0/${total} giấy tờ`).waitFor();
  await page.reload();
  await waitHydrated(page);
  assert.equal(await page.locator("input[data-tick]:checked").count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

/** Pages in a PDF (each page object is "/Type /Page", the tree is "/Type /Pages"). */
function pdfPages(pdf) {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

test("In danh sách giấy tờ prints a one-page checklist with tick boxes and the QR code", async () => {
  const { context, page, errors } = await openPage(browser);
  await page.addInitScript(() => { window.print = () => { window.__printed = (window.__printed ?? 0) + 1; }; });
  const figures = [];
  const LONG = "1.004222";
  for (const code of [CODE, "2.000986", "1.000894", LONG]) {
    await page.goto(`${BASE_URL}/p/${code}/`);
    await waitHydrated(page);
    for (const format of ["A4", "A5"]) {
      // page.pdf() fires afterprint, which puts the page back: press the button before each.
      await page.evaluate(() => { window.__printed = 0; });
      await page.getByRole("button", { name: "In danh sách giấy tờ" }).click();
      await page.waitForFunction(() => window.__printed === 1);
      assert.equal(await page.evaluate(() => document.documentElement.classList.contains("print-list")), true);
      // The page's QR code (the QR box, when the page has one) is loaded before the dialog opens.
      if (await page.locator(".qr-box img").count()) {
        assert.ok(await page.locator(".qr-box img").evaluate((img) => img.complete && img.naturalWidth > 0));
      }
      const pdf = await page.pdf({ format, printBackground: true });
      const pages = pdfPages(pdf);
      figures.push(`${code} ${format}: ${pages}`);
      if (code === CODE) writeFileSync(join(OUT, `tools-checklist-${format}.pdf`), pdf);
      // Most procedures fit one A4 page; a few quote whole legal articles as papers (1.004222) and run longer.
      if (format === "A4" && code !== LONG) assert.equal(pages, 1, `${code} checklist on A4 takes ${pages} pages`);
    }
  }
  console.log(`checklist PDF pages: ${figures.join(", ")}`);
  await page.goto(PAGE);
  await waitHydrated(page);
  await page.getByRole("button", { name: "In danh sách giấy tờ" }).click();
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: join(OUT, "tools-print-phone.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test("text size and contrast are remembered and applied before the app loads; 200% zoom does not scroll sideways", async () => {
  const { context, page, errors } = await openPage(browser);
  await page.goto(PAGE);
  await waitHydrated(page);
  await page.getByRole("button", { name: "Cỡ chữ rất lớn" }).click();
  await page.getByRole("button", { name: "Tương phản", exact: true }).click();
  assert.equal(await page.getByRole("button", { name: "Cỡ chữ rất lớn" }).getAttribute("aria-pressed"), "true");
  // A new page: the classes are there at DOMContentLoaded, before the wasm app (prefs.js in <head>).
  await page.goto(`${BASE_URL}/`, { waitUntil: "domcontentloaded" });
  const early = await page.evaluate(() => [document.documentElement.className, document.documentElement.dataset.hydrated ?? ""]);
  assert.match(early[0], /size-xl/);
  assert.match(early[0], /contrast/);
  await waitHydrated(page);
  await page.screenshot({ path: join(OUT, "tools-large-contrast-phone.png") });
  const font = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  assert.ok(font >= 24, `body font ${font}px`);
  // 200% zoom of a 1280×740 screen is a 640×370 CSS viewport; also the phone at the largest size.
  for (const viewport of [{ width: 640, height: 370 }, PHONE]) {
    await page.setViewportSize(viewport);
    for (const url of [`${BASE_URL}/`, PAGE]) {
      await page.goto(url);
      const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(over <= 0, `${url} at ${viewport.width}px scrolls sideways by ${over}px`);
    }
  }
  await page.screenshot({ path: join(OUT, "tools-large-procedure-phone.png") });
  // Back to normal.
  await page.getByRole("button", { name: "Cỡ chữ thường" }).click();
  await page.getByRole("button", { name: "Tương phản", exact: true }).click();
  await page.reload({ waitUntil: "domcontentloaded" });
  assert.doesNotMatch(await page.evaluate(() => document.documentElement.className), /size-|contrast/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("touch targets are at least 48 px", async () => {
  const { context, page } = await openPage(browser);
  await page.goto(PAGE);
  await waitHydrated(page);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll(".prefs button, .tools button, .checklist button, label.tick, .search button, .search input")]
      .map((el) => ({ el: el.textContent.trim().slice(0, 30) || el.tagName, h: el.getBoundingClientRect().height }))
      .filter((x) => x.h < 47.5));
  assert.deepEqual(small, []);
  await context.close();
});

test("kiosk mode: big layout, home button, no external links, back to the start when untouched", async () => {
  const { context, page, errors } = await openPage(browser);
  await page.goto(`${PAGE}?kiosk=1&idle=3`);
  assert.match(await page.evaluate(() => document.documentElement.className), /kiosk/);
  await waitHydrated(page);
  assert.ok(await page.locator(".kiosk-home").isVisible());
  const external = await page.locator("a[href^='http'], a[download]").evaluateAll((as) => as.filter((a) => a.offsetParent !== null).length);
  assert.equal(external, 0, "no visible external links or downloads");
  await page.screenshot({ path: join(OUT, "tools-kiosk-phone.png") });
  // Touches keep it there…
  for (let i = 0; i < 3; i++) {
    await page.waitForTimeout(1500);
    await page.keyboard.press("Shift");
  }
  assert.equal(new URL(page.url()).pathname, `/p/${CODE}/`);
  // …and 3 s untouched go back to the start, still in kiosk mode (remembered on the device).
  await page.waitForURL(`${BASE_URL}/`, { timeout: 10000 });
  await waitHydrated(page);
  assert.match(await page.evaluate(() => document.documentElement.className), /kiosk/);
  await page.screenshot({ path: join(OUT, "tools-kiosk-home-phone.png") });
  await page.goto(`${BASE_URL}/?kiosk=0`);
  assert.doesNotMatch(await page.evaluate(() => document.documentElement.className), /kiosk/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("online or in person: each method with time and fee, and the portal button", async () => {
  const { context, page } = await openPage(browser);
  await page.goto(PAGE);
  // Text content: sections below the fold are laid out only when scrolled near (content-visibility: auto).
  const methods = await page.locator(".method").allTextContents();
  assert.ok(methods.some((m) => /Nộp trực tuyến/.test(m) && /Thời gian/.test(m) && /Lệ phí/.test(m)), methods.join(" | "));
  assert.ok(methods.some((m) => /Nộp trực tiếp/.test(m)));
  const portal = page.locator("section:has(#cach-nop) a.button");
  assert.match(await portal.textContent(), /Nộp trực tuyến/);
  assert.match(await portal.getAttribute("href"), /^https:\/\/dichvucong\.gov\.vn\//);
  await scrollTo(page, page.locator("#cach-nop"));
  await page.screenshot({ path: join(OUT, "tools-methods-phone.png") });
  await context.close();
});

test("related procedures and life events", async () => {
  const { context, page, errors } = await openPage(browser);
  await page.goto(PAGE);
  const related = page.locator("section:has(#lien-quan)");
  assert.ok(await related.locator("a[href='/p/2.000986/']").count() >= 1, "khai sinh links the liên thông procedure");
  assert.match(await related.textContent(), /Liên thông/);
  await scrollTo(page, related);
  await page.screenshot({ path: join(OUT, "tools-related-phone.png") });

  await page.goto(`${BASE_URL}/`);
  const events = await page.locator("section:has(#theo-su-kien) a").allInnerTexts();
  for (const t of ["Sinh con", "Kết hôn", "Người thân mất", "Nhà đất", "Xe cộ", "Kinh doanh", "Căn cước và cư trú"]) {
    assert.ok(events.some((e) => e.startsWith(t)), `home lists ${t}`);
  }
  await page.locator("section:has(#theo-su-kien)").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(OUT, "tools-events-home-phone.png") });
  await page.locator("section:has(#theo-su-kien) a", { hasText: "Sinh con" }).click();
  await page.waitForURL(`${BASE_URL}/su-kien/sinh-con/`);
  assert.equal(await page.locator("h1").innerText(), "Sinh con");
  const first = page.locator("section:has(#lien-thong) .plist a").first();
  assert.equal(await first.getAttribute("href"), "/p/2.000986/");
  await page.screenshot({ path: join(OUT, "tools-event-page-phone.png") });
  await waitHydrated(page);
  assert.deepEqual(errors, []);
  await context.close();
});
