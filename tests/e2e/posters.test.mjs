// Posters as an officer prints them: Chromium's print-to-PDF of each poster kind (one procedure, a field's QR
// tiles, the counter sheet built in the browser), page counts, nothing outside the page, QR sizes, text sizes.
// PDFs go to tests/e2e/out/posters/ (look at them with pdftoppm -png); the counter sheet's browser-drawn codes
// go to out/qr-browser/<code>.png, which tests/e2e.rs decodes with a real QR decoder afterwards.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { BASE_URL, OUT, launch, openPage, scrollTo, waitHydrated } from "./browser.mjs";

const PDF_DIR = join(OUT, "posters");
const QR_DIR = join(OUT, "qr-browser");
rmSync(QR_DIR, { recursive: true, force: true });
mkdirSync(PDF_DIR, { recursive: true });
mkdirSync(QR_DIR, { recursive: true });
const CONTENT = process.env.CONTENT ?? "content";
const MM_PER_PX = 25.4 / 96;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Prints the page to PDF as Chromium's print dialog would (the page's own @page size) and returns its page count and size. */
async function printPdf(page, name) {
  const path = join(PDF_DIR, `${name}.pdf`);
  await page.pdf({ path, preferCSSPageSize: true });
  const info = execFileSync("pdfinfo", [path], { encoding: "utf8" });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)[1]);
  const [w, h] = /^Page size:\s+([\d.]+) x ([\d.]+)/m.exec(info).slice(1).map((x) => Math.round(Number(x) / 72 * 25.4));
  return { path, pages, widthMm: w, heightMm: h };
}

/** In print layout: every element inside its sheet's printable box (inside the 12 mm padding), inside its tile,
 * and each paper wholly shown or wholly hidden; no sheet scrolls. Returns the problems, and the smallest font size of any text in pt. */
async function layoutProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    let smallest = Infinity;
    const inside = (r, b) => r.left >= b.left - 1 && r.right <= b.right + 1 && r.top >= b.top - 1 && r.bottom <= b.bottom + 1;
    for (const sheet of document.querySelectorAll(".sheet")) {
      if (sheet.scrollHeight > sheet.clientHeight + 1 || sheet.scrollWidth > sheet.clientWidth + 1) {
        problems.push(`sheet overflows: ${sheet.scrollWidth}x${sheet.scrollHeight} in ${sheet.clientWidth}x${sheet.clientHeight}`);
      }
      const s = sheet.getBoundingClientRect();
      const pad = parseFloat(getComputedStyle(sheet).paddingTop);
      const box = { left: s.left + pad, right: s.right - pad, top: s.top + pad, bottom: s.bottom - pad };
      for (const el of sheet.querySelectorAll("*")) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        const what = `${el.tagName.toLowerCase()}.${el.getAttribute("class") ?? ""} "${(el.textContent ?? "").slice(0, 40)}"`;
        // A paper that did not fit sits whole in the paper box's hidden overflow column; half in is a cut.
        const list = el.closest(".p-list");
        if (list && el !== list) {
          if (el.tagName === "OL") continue; // its box spans both columns; its items are checked one by one
          const l = list.getBoundingClientRect();
          if (r.left >= l.right - 1) continue;
          if (!inside(r, l)) problems.push(`cut by the paper box: ${what}`);
        }
        if (!inside(r, box)) problems.push(`outside the printable area: ${what}`);
        const tile = el.parentElement?.closest(".tile");
        if (tile && !inside(r, tile.getBoundingClientRect())) problems.push(`outside its tile: ${what}`);
        if ([...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) {
          smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize) * 0.75);
        }
      }
    }
    return { problems, smallestPt: Math.round(smallest * 10) / 10 };
  });
}

/** Widths of the QR codes on the page, in mm, and of their dark symbol (without the 4-module quiet zone). */
async function qrWidthsMm(page, selector) {
  return page.$$eval(selector, (svgs, mmPerPx) => svgs.map((svg) => {
    const size = Number(svg.getAttribute("viewBox").split(" ")[2]);
    const w = svg.getBoundingClientRect().width * mmPerPx;
    return { total: w, symbol: (w * (size - 8)) / size };
  }), MM_PER_PX);
}

test("a procedure poster prints on one A4 page with a QR code over 6 cm, and on one A3 page", async () => {
  const { context, page, errors } = await openPage(browser);
  await page.goto(`${BASE_URL}/in/p/1.001193/`);
  const text = await page.locator(".sheet").innerText();
  for (const part of ["Đăng ký khai sinh", "1.001193", "Giấy tờ cần mang", "bản chính", "Xem đủ", "Lệ phí", "Miễn phí", "Thời gian", "Nơi nộp", "/p/1.001193/", "Giờ làm việc"]) {
    assert.ok(text.includes(part), `poster lacks "${part}"`);
  }
  await waitHydrated(page);
  assert.deepEqual(errors, []);
  await page.emulateMedia({ media: "print" });
  const { problems, smallestPt } = await layoutProblems(page);
  assert.deepEqual(problems, []);
  assert.ok(smallestPt >= 10, `smallest text ${smallestPt} pt`);
  const [qr] = await qrWidthsMm(page, ".p-qr-code");
  assert.ok(qr.symbol >= 60, `QR symbol ${qr.symbol.toFixed(1)} mm wide`);
  const a4 = await printPdf(page, "procedure-1.001193-a4");
  assert.equal(a4.pages, 1);
  assert.deepEqual([a4.widthMm, a4.heightMm], [210, 297]);
  // A3: the same poster, scaled, when the address ends in #a3 (no JavaScript needed).
  await page.goto(`${BASE_URL}/in/p/1.001193/#a3`);
  assert.deepEqual((await layoutProblems(page)).problems, []);
  const a3 = await printPdf(page, "procedure-1.001193-a3");
  assert.equal(a3.pages, 1);
  assert.deepEqual([a3.widthMm, a3.heightMm], [297, 420]);
  console.log(`procedure poster: A4 1 page, QR ${qr.total.toFixed(1)} mm (symbol ${qr.symbol.toFixed(1)} mm), smallest text ${smallestPt} pt; A3 1 page`);
  await context.close();
});

/** The procedures most likely to overflow a poster: the longest names and the longest paper lists. */
function hardestCodes(n) {
  const dir = join(CONTENT, "procedures");
  const rows = readdirSync(dir).filter((f) => f.endsWith(".toml")).map((f) => {
    const body = readFileSync(join(dir, f), "utf8");
    const name = /^name = "(.*)"$/m.exec(body)?.[1] ?? "";
    return { code: f.slice(0, -5), name: name.length, papers: (body.match(/^\[\[papers\.papers\]\]/gm) ?? []).length, size: statSync(join(dir, f)).size };
  });
  const top = (key) => [...rows].sort((a, b) => b[key] - a[key]).slice(0, n).map((r) => r.code);
  return [...new Set([...top("name"), ...top("papers"), ...top("size")])];
}

test("posters of the longest names and paper lists fit one page: names wrap, lists end with “xem đủ … tại”", async () => {
  const { context, page } = await openPage(browser);
  await page.emulateMedia({ media: "print" });
  const codes = hardestCodes(8);
  let cut = 0;
  for (const code of codes) {
    await page.goto(`${BASE_URL}/in/p/${code}/`);
    const { problems } = await layoutProblems(page);
    assert.deepEqual(problems, [], `poster of ${code}`);
    const total = Number(await page.locator(".sheet").getAttribute("data-papers"));
    const shown = await page.$$eval(".p-list li", (lis) => {
      const box = document.querySelector(".p-list").getBoundingClientRect();
      return lis.filter((li) => li.getBoundingClientRect().left < box.right).length;
    });
    if (total > 0) {
      assert.ok(shown >= 1, `${code}: at least one paper shows`);
      // A poster led by an editor's summary points to the official list instead of counting it.
      assert.match(await page.locator(".more").innerText(), new RegExp(`Xem đủ (${total} )?giấy tờ.* tại .*/p/${code.replace(".", "\\.")}/`));
    }
    if (shown < total) cut++;
  }
  assert.ok(cut > 0, "some long lists were shortened");
  const longest = codes[0];
  await page.goto(`${BASE_URL}/in/p/${longest}/`);
  assert.equal((await printPdf(page, `procedure-${longest}-longest-name`)).pages, 1);
  console.log(`${codes.length} hardest posters fit one page; ${cut} are shortened and end with "Xem đủ … tại"`);
  await context.close();
});

test("a field's QR tiles print 12 to an A4 page, codes over 2.5 cm", async () => {
  const { context, page, errors } = await openPage(browser);
  await page.goto(`${BASE_URL}/in/linh-vuc/ho-tich/`);
  const tiles = await page.locator(".tile").count();
  assert.ok(tiles > 12, `tiles: ${tiles}`);
  await waitHydrated(page);
  assert.deepEqual(errors, []);
  await page.emulateMedia({ media: "print" });
  const { problems, smallestPt } = await layoutProblems(page);
  assert.deepEqual(problems, []);
  assert.ok(smallestPt >= 10, `smallest text ${smallestPt} pt`);
  const widths = await qrWidthsMm(page, ".tile-qr");
  assert.ok(widths.every((w) => w.symbol >= 25), `tile QR symbols: ${widths.map((w) => w.symbol.toFixed(1)).join(", ")}`);
  const pdf = await printPdf(page, "field-ho-tich");
  assert.equal(pdf.pages, Math.ceil(tiles / 12));
  console.log(`field poster ho-tich: ${tiles} tiles on ${pdf.pages} pages, tile QR ${widths[0].total.toFixed(1)} mm (symbol ${widths[0].symbol.toFixed(1)} mm), smallest text ${smallestPt} pt`);
  await context.close();
});

test("the counter sheet: search, tick 12 procedures (one a whole field), print one A4 page of browser-drawn codes", async () => {
  const { context, page, errors } = await openPage(browser, { viewport: { width: 1200, height: 900 } });
  await page.goto(`${BASE_URL}/in/`);
  await waitHydrated(page);
  await page.waitForSelector(".builder[data-ready='1']");
  // A whole small field first.
  const field = page.locator(".picker details").filter({ has: page.locator("summary", { hasText: "(3)" }) }).first();
  await field.locator("summary").click();
  await field.locator("input[data-all]").check();
  await page.waitForSelector(".sheets[data-count='3']");
  // Then search and tick until 12.
  await page.fill("#loc", "khai sinh");
  const visible = page.locator(".picker li:not([hidden]) input[data-code]:not(:checked)");
  assert.ok(await visible.count() >= 9, `matches for "khai sinh": ${await visible.count()}`);
  const names = await page.locator(".picker li:not([hidden])").allInnerTexts();
  assert.ok(names.every((n) => /khai sinh/i.test(n)), "the filter keeps only matching procedures");
  for (let i = 0; i < 9; i++) await visible.first().check();
  await page.waitForSelector(".sheets[data-count='12']");
  assert.equal(await page.locator(".sheets .tile").count(), 12);
  assert.equal(await page.locator(".sheets .sheet").count(), 1);
  assert.match(await page.locator(".sheets .centre").innerText(), /Trung tâm/);
  assert.deepEqual(errors, []);
  // Each browser-drawn code, enlarged, for the Rust side to decode.
  for (const tile of await page.locator(".sheets .tile").all()) {
    const code = await tile.getAttribute("data-code");
    await tile.locator("svg").screenshot({ path: join(QR_DIR, `${code}.png`) });
  }
  await page.emulateMedia({ media: "print" });
  const { problems, smallestPt } = await layoutProblems(page);
  assert.deepEqual(problems, []);
  const widths = await qrWidthsMm(page, ".sheets .tile-qr");
  assert.ok(widths.every((w) => w.symbol >= 25));
  const pdf = await printPdf(page, "counter-sheet-12");
  assert.equal(pdf.pages, 1, "12 tiles, the list and the toolbar hidden: one page");
  console.log(`counter sheet: 12 tiles on ${pdf.pages} page, tile QR ${widths[0].total.toFixed(1)} mm (symbol ${widths[0].symbol.toFixed(1)} mm), smallest text ${smallestPt} pt`);
  await context.close();
});

test("the procedure page shows its QR code, the URL in text, downloads and the poster link", async () => {
  const { context, page } = await openPage(browser);
  await page.goto(`${BASE_URL}/p/1.001193/`);
  const box = page.locator(".qr-box");
  await scrollTo(page, box);
  assert.match(await box.textContent(), /https?:\/\/\S+\/p\/1\.001193\//);
  const img = box.locator("img");
  await page.waitForFunction(() => document.querySelector(".qr-box img")?.naturalWidth > 0);
  assert.equal(await img.getAttribute("src"), "/qr/1.001193.svg");
  for (const href of ["/qr/1.001193.svg", "/qr/1.001193.png", "/in/p/1.001193/"]) {
    assert.equal(await box.locator(`a[href='${href}']`).count(), 1, href);
    const res = await page.request.get(`${BASE_URL}${href}`);
    assert.equal(res.status(), 200, href);
  }
  await context.close();
});
