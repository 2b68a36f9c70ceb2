// Shared helpers for the end-to-end tests: Debian's Chromium driven by playwright-core.
// The Rust harness (tests/e2e.rs) builds the site, starts `motcua serve` and sets BASE_URL and DIST.
import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const BASE_URL = process.env.BASE_URL ?? "http://127.0.0.1:8080";
export const DIST = process.env.DIST ?? "dist";
export const OUT = join(dirname(fileURLToPath(import.meta.url)), "out");
mkdirSync(OUT, { recursive: true });

export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };

/** Launches Debian's Chromium headless with the flags this sandbox needs. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
    ],
  });
}

/** Opens a page that records console errors, page errors and every request it makes. */
export async function openPage(browser, { viewport = PHONE, javaScriptEnabled = true } = {}) {
  const context = await browser.newContext({ viewport, javaScriptEnabled, locale: "vi-VN" });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on("console", (msg) => { if (msg.type() === "error" || msg.type() === "warning") errors.push(`${msg.type()}: ${msg.text()}`); });
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
  page.on("request", (req) => requests.push(req.url()));
  return { context, page, errors, requests };
}

/** Waits until the browser app has hydrated every island (set by the loader). */
export async function waitHydrated(page) {
  await page.waitForSelector("html[data-hydrated='1']", { timeout: 20000 });
}

/**
 * Scrolls an element into view the way a person ends up looking at it. Sections below the fold are laid out
 * only when near the screen (content-visibility: auto), so the first scroll lands on estimated positions;
 * scroll again once they are laid out.
 */
export async function scrollTo(page, locator) {
  await locator.scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await locator.scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * A `motcua serve` of the built site for one test file alone, so the file can stop it and be really offline
 * (DevTools' offline mode does not cover the service worker's own fetches). `stop()` waits until it has exited.
 */
export function ownServer() {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const base = `http://127.0.0.1:${port}`;
  let child = null;
  return {
    base,
    async start() {
      child = spawn(process.env.MOTCUA_BIN ?? "target/debug/motcua", ["serve", "--no-build", "--port", String(port), "--out", DIST], { stdio: "ignore" });
      for (let i = 0; i < 100; i++) {
        try { await fetch(base + "/"); return; } catch { await new Promise((r) => setTimeout(r, 100)); }
      }
      throw new Error("motcua serve did not start");
    },
    async stop() {
      if (!child) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill();
      await exited;
      child = null;
    },
  };
}
