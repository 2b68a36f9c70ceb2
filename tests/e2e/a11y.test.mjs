// Accessibility (issue 7): axe-core (npm) run in Chromium on the main kinds of page. Fails on any serious or
// critical violation and prints the figures by impact for every page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { BASE_URL, PHONE, launch, waitHydrated } from "./browser.mjs";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const PAGES = [
  ["home", "/"],
  ["search results", "/tim-kiem/?q=khai+sinh"],
  ["procedure", "/p/1.001193/"],
  ["life event", "/su-kien/sinh-con/"],
  ["poster", "/in/p/1.001193/"],
  ["dossier basket", "/gio-ho-so/?p=1.001193,2.000635,1.004222"],
  ["centres, found by an old name", "/tt/?q=phong+my"],
  ["a centre", "/tt/thu-nghiem-phong-dien/"],
  ["procedure with a centre", "/p/1.004222/?tt=thu-nghiem-phong-dien"],
];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const [name, path] of PAGES) {
  test(`axe: no serious or critical violations on ${name} (${path})`, async () => {
    // bypassCSP: the site's CSP (rightly) refuses the injected axe script.
    const context = await browser.newContext({ viewport: PHONE, locale: "vi-VN", bypassCSP: true });
    const page = await context.newPage();
    const res = await page.goto(`${BASE_URL}${path}`);
    assert.equal(res.status(), 200);
    if (!path.startsWith("/in/")) await waitHydrated(page);
    if (path.startsWith("/tim-kiem/")) await page.waitForTimeout(1500); // let the results render
    if (path.startsWith("/gio-ho-so/")) await page.waitForSelector(".basket-procs li"); // the basket is drawn
    if (path.includes("?tt=")) await page.waitForSelector(".here"); // the centre's desk is shown
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    const count = { critical: 0, serious: 0, moderate: 0, minor: 0 };
    for (const v of result.violations) count[v.impact] = (count[v.impact] ?? 0) + v.nodes.length;
    console.log(`axe ${name} ${path}: critical ${count.critical}, serious ${count.serious}, moderate ${count.moderate}, minor ${count.minor}` +
      (result.violations.length ? ` [${result.violations.map((v) => `${v.id}/${v.impact}×${v.nodes.length}`).join(", ")}]` : ""));
    const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")}`), []);
    await context.close();
  });
}
