// `motcua serve` as a live preview: an editor saves a content file and the open page shows the change by itself;
// a broken file shows its file:line over the page while the last good site keeps being served; the reload
// script is never written to dist/. Runs its own preview over a copy of the small fixture catalogue.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { OUT, PHONE, launch, openPage } from "./browser.mjs";

const BIN = process.env.MOTCUA_BIN;
const ROOT = resolve(import.meta.dirname, "../..");
const PORT = 18000 + (process.pid % 1000);
const URL = `http://127.0.0.1:${PORT}`;
let browser, server, dir;

async function until(check, ms, what, page) {
  const start = Date.now();
  for (;;) {
    try { if (await check()) return Date.now() - start; } catch {}
    if (Date.now() - start > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}; ${await state(page)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** What the tab and the preview server show, for a failure message. */
async function state(page) {
  const served = await fetch(`${URL}/p/9.000001/`).then((r) => r.text()).catch((e) => String(e));
  const status = await fetch(`${URL}/__motcua/wait`).then((r) => r.text()).catch((e) => String(e));
  const tab = page
    ? `tab at ${page.url()}: h1 ${JSON.stringify(await page.locator("h1").innerText().catch(String))}, ` +
      `${await page.locator("pre[role=alert]").count().catch(() => "?")} error box(es); `
    : "";
  return `${tab}server: h1 ${JSON.stringify(served.match(/<h1[^>]*>([^<]*)/)?.[1])}, status ${JSON.stringify(status.slice(0, 200))}`;
}

before(async () => {
  assert.ok(BIN, "MOTCUA_BIN is set by tests/e2e.rs");
  dir = mkdtempSync(join(tmpdir(), "motcua-preview-"));
  cpSync(join(ROOT, "tests/fixtures/catalogue"), join(dir, "content"), { recursive: true });
  server = spawn(BIN, ["serve", "--port", String(PORT), "--content", join(dir, "content"), "--out", join(dir, "dist"),
    "--public", join(ROOT, "public")], { stdio: ["ignore", "inherit", "inherit"] });
  // The first build compiles nothing new (the bundles are cached by the site build) but may take a while.
  await until(async () => (await fetch(`${URL}/p/9.000001/`)).ok, 240000, "the preview to serve");
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.kill("SIGINT");
  await new Promise((r) => setTimeout(r, 300));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("saving a procedure file reloads the open page with the change; a broken file shows where it is", async () => {
  const { context, page, errors } = await openPage(browser, { viewport: PHONE });
  await page.goto(`${URL}/p/9.000001/`);
  await page.waitForFunction(() => [...document.scripts].some((s) => s.src.endsWith("/__motcua/reload.js")));
  // Let the script ask for the current build before the edit.
  await page.waitForTimeout(300);
  const file = join(dir, "content/procedures/9.000001.toml");
  const original = readFileSync(file, "utf8");
  writeFileSync(file, original.replace('name = "Đăng ký chăn nuôi ong mật"', 'name = "Đăng ký nuôi ong lấy mật"'));
  const took = await until(async () => /nuôi ong lấy mật/.test(await page.locator("h1").innerText()), 120000, "the new name", page);
  console.log(`preview: edit → visible in the open tab in ${(took / 1000).toFixed(1)} s`);

  // A broken file: the error with its file:line shows over the page; the page itself is the last good one.
  writeFileSync(file, original.replace('levels = ["xã"]', 'levels = ["xã"'));
  const alert = page.locator("pre[role=alert]");
  const errorIn = await until(async () => (await alert.count()) === 1, 120000, "the error over the page", page);
  console.log(`preview: broken → error shown in ${(errorIn / 1000).toFixed(1)} s`);
  const text = await alert.innerText();
  assert.match(text, /9\.000001\.toml:\d+/, text);
  assert.match(await page.locator("h1").innerText(), /nuôi ong lấy mật/);
  await page.screenshot({ path: join(OUT, "preview-error-phone.png") });
  // Fixed again: the error goes and the page reloads.
  writeFileSync(file, original);
  const fixedIn = await until(async () => /chăn nuôi ong mật/.test(await page.locator("h1").innerText()), 120000, "the fixed page", page);
  console.log(`preview: fixed → reloaded in ${(fixedIn / 1000).toFixed(1)} s`);
  assert.equal(await page.locator("pre[role=alert]").count(), 0);
  assert.deepEqual(errors, [], "no console errors (the CSP allows the reload script)");
  await context.close();

  // The edit was shown from memory; the whole build follows and lands in dist/. The reload script is the
  // preview's only: not in the built files.
  const built = () => readFileSync(join(dir, "dist/p/9.000001/index.html"), "utf8");
  await until(async () => /chăn nuôi ong mật/.test(built()), 120000, "the build after the edit in dist/");
  const html = built();
  assert.ok(!html.includes("__motcua"), "dist/ has no reload script");
  assert.ok(!readdirSync(join(dir, "dist")).includes("__motcua"));
});
