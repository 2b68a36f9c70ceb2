// "Đọc cho tôi nghe", with the Web Speech API stubbed (the test machine has no voices): the control appears
// only when the device has a Vietnamese voice, reads the summary's parts in order with the part being read
// highlighted, and pause, resume and stop work. The stub speaks nothing; the test ends each utterance itself.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { BASE_URL, OUT, PHONE, launch } from "./browser.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A page whose speechSynthesis has the given voices and records what it is asked to say. */
async function pageWithVoices(langs) {
  const context = await browser.newContext({ viewport: PHONE, locale: "vi-VN" });
  await context.addInitScript((langs) => {
    const said = [];
    let current = null;
    window.__speech = { said, end() { const u = current; current = null; u?.onend?.({}); } };
    window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
    Object.defineProperty(window, "speechSynthesis", { value: {
      getVoices: () => langs.map((lang) => ({ lang, name: lang })),
      speak(u) { said.push(u.text); current = u; },
      cancel() { current = null; },
      addEventListener() {},
    } });
  }, langs);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return { context, page, errors };
}

const said = (page) => page.evaluate(() => window.__speech.said.slice());
const end = (page) => page.evaluate(() => window.__speech.end());

test("no Vietnamese voice on the device: no read-aloud control", async () => {
  const { context, page, errors } = await pageWithVoices(["en-US", "fr-FR"]);
  await page.goto(`${BASE_URL}/p/1.001193/`);
  await page.waitForLoadState("load");
  await page.waitForTimeout(300);
  assert.equal(await page.locator(".say").isVisible(), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test("reads the summary in order, highlighted, with pause, resume and stop", async () => {
  const { context, page, errors } = await pageWithVoices(["en-US", "vi-VN"]);
  await page.goto(`${BASE_URL}/p/1.001193/`);
  const play = page.locator(".say button").first();
  await play.waitFor({ state: "visible" });
  assert.equal(await play.innerText(), "Đọc cho tôi nghe");
  await play.click();
  assert.deepEqual(await said(page), ["Đăng ký khai sinh"], "the name first");
  assert.equal(await page.locator(".saying").innerText(), "Đăng ký khai sinh");
  await end(page);
  await end(page);
  const [name, heading, first] = await said(page);
  assert.equal(heading, "Cần mang gì");
  assert.match(first, /^Tờ khai đăng ký khai sinh/, "the papers everyone brings, the form first");
  assert.match(await page.locator(".saying").innerText(), /^Tờ khai đăng ký khai sinh/, "the paper being read is highlighted");
  await page.screenshot({ path: join(OUT, "speak-1.001193.png") });

  // Pause: nothing more is said; "Đọc tiếp" reads the same paper again, then goes on.
  await page.click("text=Tạm dừng");
  await end(page);
  assert.equal((await said(page)).length, 3, "paused: nothing more");
  await page.click("text=Đọc tiếp");
  assert.match((await said(page))[3], /^Tờ khai đăng ký khai sinh/);
  for (let i = 0; i < 40 && !(await said(page)).some((t) => t.startsWith("Nộp ở đâu")); i++) await end(page);
  const all = await said(page);
  assert.ok(all.some((t) => t.startsWith("Lệ phí")), "the fee is read");
  assert.ok(all.some((t) => t.startsWith("Thời gian")), "the time is read");
  assert.ok(all.some((t) => t.startsWith("Nộp ở đâu")), "the place is read");
  assert.ok(all.indexOf(all.find((t) => t.startsWith("Lệ phí"))) > 3, "papers before the fee");

  // Stop: back to the start, nothing highlighted.
  await page.getByRole("button", { name: "Dừng", exact: true }).click();
  assert.equal(await page.locator(".saying").count(), 0);
  assert.equal(await play.innerText(), "Đọc cho tôi nghe");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the basket reads its own checklist", async () => {
  const { context, page, errors } = await pageWithVoices(["vi-VN"]);
  await page.goto(`${BASE_URL}/gio-ho-so/?p=1.001193,1.004222`);
  await page.waitForFunction(() => document.querySelectorAll(".basket-procs li").length === 2, null, { timeout: 30000 });
  await page.locator(".say button").first().click();
  for (let i = 0; i < 4; i++) await end(page);
  const all = await said(page);
  assert.equal(all[0], "2 thủ tục trong giỏ");
  assert.equal(all[1], "Giấy tờ cần mang");
  assert.equal(all[2], "Đăng ký khai sinh", "each procedure's own papers under its name");
  assert.match(all[3], /^Tờ khai đăng ký khai sinh .* 1 bản$/, "a paper and its count, apart");
  assert.deepEqual(errors, []);
  await context.close();
});
