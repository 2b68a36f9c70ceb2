// The site skeleton as a person meets it: pages read with JavaScript on and off, the app hydrates without
// errors, shared links preview well, every procedure has a page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readdirSync, existsSync, readFileSync } from "node:fs";
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
  // textContent: sections below the fold are not laid out until scrolled near (content-visibility: auto).
  const text = await page.locator("main").textContent();
  for (const part of ["Cần mang gì", "Tờ khai đăng ký khai sinh", "Giấy tờ theo văn bản chính thức", "Cách nộp, thời gian, lệ phí", "Nộp ở đâu", "Giấy chứng sinh"]) {
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

test("every request the pages make is same-origin, and the Content-Security-Policy is never violated", async () => {
  const { context, page, errors } = await openPage(browser, { viewport: PHONE });
  // Every request of the context (pages, workers, the service worker), and every CSP report the pages see.
  const requests = [];
  context.on("request", (req) => requests.push(req.url()));
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const violations = [];
  const visit = async (path, then) => {
    const res = await page.goto(`${BASE_URL}${path}`);
    assert.equal(res.status(), 200, path);
    assert.ok(res.headers()["content-security-policy"], `${path}: no CSP header`);
    if (then) await then();
    violations.push(...(await page.evaluate(() => window.__csp)).map((v) => `${path}: ${v}`));
  };
  await visit("/", async () => {
    await waitHydrated(page);
    await page.locator("#q").pressSequentially("dang ky khai sinh", { delay: 20 });
    await page.locator("#sr-list li").first().waitFor({ timeout: 15000 });
  });
  await visit("/p/1.001193/", () => waitHydrated(page));
  await visit("/linh-vuc/ho-tich/", () => waitHydrated(page));
  await visit("/tim-kiem/?q=ho%20chieu", () => waitHydrated(page));
  await visit("/in/p/1.001193/", () => waitHydrated(page));
  await visit("/in/", () => page.waitForSelector(".builder[data-ready='1']"));
  await visit("/offline/");
  await page.waitForLoadState("networkidle");
  await context.close();
  assert.ok(requests.length >= 10, `requests: ${requests.join(" ")}`);
  const foreign = requests.filter((u) => new URL(u).origin !== BASE_URL && !u.startsWith("data:"));
  assert.deepEqual(foreign, [], "every request goes to this site");
  assert.deepEqual(violations, [], "no CSP violation");
  assert.deepEqual(errors.filter((e) => /Content.Security.Policy|Refused to/i.test(e)), [], "no CSP message in the console");
});

test("no built page has inline script or style (but the site's own, allowed by hash), inline style attributes or event handlers", () => {
  const cssName = readdirSync(join(DIST, "assets")).find((n) => /^style\.[0-9a-f]+\.css$/.test(n));
  const STYLESHEET = readFileSync(join(DIST, "assets", cssName), "utf8");
  const pages = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith(".html")) pages.push(join(dir, e.name));
    }
  };
  walk(DIST);
  assert.ok(pages.length > 100, `only ${pages.length} pages in ${DIST}`);
  const bad = [];
  for (const file of pages) {
    const html = readFileSync(file, "utf8");
    // The page's own CSP lists the hashes of the inline script and style it may use (prefs.js, the stylesheet).
    const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)?.[1] ?? "";
    const allowed = [...csp.matchAll(/'sha256-([^']+)'/g)].map((h) => h[1]);
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      if (m[2] === "") {
        if (!/\bsrc="\/assets\//.test(m[1])) bad.push(`${file}: foreign script <script${m[1]}>`);
      } else if (!allowed.includes(createHash("sha256").update(m[2]).digest("base64"))) {
        bad.push(`${file}: inline script not allowed by the page's CSP <script${m[1]}>${m[2].slice(0, 40)}`);
      }
    }
    // One <style> element, the site's stylesheet itself, allowed by its hash; none anywhere else.
    for (const m of html.matchAll(/<style\b([^>]*)>([\s\S]*?)<\/style>/gi)) {
      const hash = createHash("sha256").update(m[2]).digest("base64");
      if (m[2] !== STYLESHEET || !allowed.includes(hash)) bad.push(`${file}: <style> that is not the site's stylesheet allowed by hash`);
    }
    if ((html.match(/<style\b/gi) ?? []).length > 1) bad.push(`${file}: more than one <style> element`);
    // Attributes inside tags only (text is escaped, so `<` in text never starts a tag).
    for (const tag of html.matchAll(/<[a-zA-Z][^>]*>/g)) {
      const attrs = tag[0].replace(/"[^"]*"|'[^']*'/g, '""');
      if (/\son[a-z]+\s*=/i.test(attrs)) bad.push(`${file}: event handler in ${tag[0].slice(0, 80)}`);
      if (/\sstyle\s*=/i.test(attrs)) bad.push(`${file}: inline style in ${tag[0].slice(0, 80)}`);
      if (/\s(href|src|action)\s*=\s*["']?\s*javascript:/i.test(tag[0])) bad.push(`${file}: javascript: URL in ${tag[0].slice(0, 80)}`);
    }
    if (bad.length > 20) break;
  }
  assert.deepEqual(bad, []);
});
