// The site skeleton as a person meets it: pages read with JavaScript on and off, the app hydrates without
// errors, shared links preview well, every procedure has a page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { BASE_URL, DIST, OUT, PHONE, DESKTOP, launch, openPage, waitHydrated } from "./browser.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("the birth registration page shows papers, counts, fee and time, and hydrates cleanly", async () => {
  const { context, page, errors, requests } = await openPage(browser, { viewport: PHONE });
  const res = await page.goto(`${BASE_URL}/p/1.001193/`);
  assert.equal(res.status(), 200);
  assert.match(await page.locator("h1").innerText(), /khai sinh/i);
  const papers = await page.locator("#giay-to ~ ol.papers li, section:has(#giay-to) ol.papers li").allInnerTexts();
  assert.ok(papers.some((p) => /Giấy chứng sinh/.test(p) && /1 bản chính/.test(p)), `papers: ${papers.join(" | ")}`);
  const glance = await page.locator(".glance").innerText();
  assert.match(glance, /Miễn phí/);
  assert.match(glance, /Thời gian/);
  await waitHydrated(page);
  assert.equal(await page.locator("form.search[data-ready='1']").count(), 1);
  assert.deepEqual(errors, [], "no console errors");
  for (const url of requests) assert.ok(url.startsWith(BASE_URL), `same-origin request: ${url}`);
  await page.screenshot({ path: join(OUT, "procedure-phone.png"), fullPage: true });
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: join(OUT, "procedure-desktop.png"), fullPage: false });
  await context.close();
});

test("the procedure page is complete with JavaScript off", async () => {
  const { context, page } = await openPage(browser, { viewport: PHONE, javaScriptEnabled: false });
  await page.goto(`${BASE_URL}/p/1.001193/`);
  const text = await page.locator("main").innerText();
  for (const part of ["Giấy tờ cần mang", "Cách nộp, thời gian, lệ phí", "Nộp ở đâu", "Giấy chứng sinh"]) {
    assert.ok(text.includes(part), `missing without JS: ${part}`);
  }
  await page.screenshot({ path: join(OUT, "procedure-nojs-phone.png"), fullPage: false });
  await context.close();
});

test("home lists the most used procedures and browsing by level and field", async () => {
  const { context, page, errors } = await openPage(browser, { viewport: PHONE });
  await page.goto(`${BASE_URL}/`);
  assert.match(await page.title(), /thủ tục/i);
  assert.ok(await page.locator("section:has(#dung-nhieu) .plist li").count() >= 6);
  assert.ok(await page.locator("section:has(#theo-cap) a").count() >= 2);
  const fields = await page.locator("section:has(#theo-linh-vuc) a").count();
  assert.ok(fields >= 2, `fields: ${fields}`);
  await waitHydrated(page);
  assert.deepEqual(errors, []);
  await page.screenshot({ path: join(OUT, "home-phone.png"), fullPage: false });
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: join(OUT, "home-desktop.png"), fullPage: false });
  // Following a field link lands on a list of that field's procedures.
  await page.locator("section:has(#theo-linh-vuc) a").first().click();
  await page.waitForLoadState("domcontentloaded");
  assert.match(new URL(page.url()).pathname, /^\/linh-vuc\/[a-z0-9-]+\/$/);
  assert.ok(await page.locator(".plist li").count() >= 1);
  await page.screenshot({ path: join(OUT, "field-desktop.png"), fullPage: false });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: join(OUT, "field-phone.png"), fullPage: false });
  await context.close();
});

test("link previews: title, description and Open Graph tags", async () => {
  const { context, page } = await openPage(browser, { javaScriptEnabled: false });
  await page.goto(`${BASE_URL}/p/1.001193/`);
  const og = async (p) => page.locator(`meta[property='${p}']`).getAttribute("content");
  assert.match(await og("og:title"), /khai sinh/i);
  assert.match(await og("og:url"), /\/p\/1\.001193\/$/);
  assert.ok((await page.locator("meta[name=description]").getAttribute("content")).length > 30);
  await context.close();
});

test("an unknown address gets the 404 page with a way back", async () => {
  const { context, page } = await openPage(browser, { javaScriptEnabled: false });
  const res = await page.goto(`${BASE_URL}/p/9.999999/`);
  assert.equal(res.status(), 404);
  assert.match(await page.locator("h1").innerText(), /Không tìm thấy/);
  assert.ok(await page.locator("main a[href='/']").count() >= 1);
  await context.close();
});

test("every procedure in content/ has a page in dist/, and the sitemap lists them", () => {
  const codes = readdirSync(join(process.env.CONTENT ?? "content", "procedures")).filter((f) => f.endsWith(".toml")).map((f) => f.slice(0, -5));
  assert.ok(codes.length > 0);
  const missing = codes.filter((c) => !existsSync(join(DIST, "p", c, "index.html")));
  assert.deepEqual(missing, []);
});
