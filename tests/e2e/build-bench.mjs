// Build speed, as an editor meets it (a report, not a test): on a copy of the real catalogue, a cold
// `motcua build` (empty cache, browser bundles already compiled), the same build with nothing changed, and with
// `motcua serve` the time from saving one procedure file to the open tab showing the change. Prints the figures
// beside the previous design's (measured before content stopped being compiled in).
//
//   cargo build --release && target/release/motcua build     # once: compiles the browser bundles
//   node tests/e2e/build-bench.mjs [--bin target/release/motcua]
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { launch } from "./browser.mjs";

const ROOT = resolve(import.meta.dirname, "../..");
const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
const BIN = resolve(ROOT, arg("--bin", "target/release/motcua"));
const dir = mkdtempSync(join(tmpdir(), "motcua-build-bench-"));
const content = join(dir, "content");
cpSync(join(ROOT, "content"), content, { recursive: true });

function build(out) {
  const t = Date.now();
  const r = spawnSync(BIN, ["build", "--content", content, "--out", out], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return (Date.now() - t) / 1000;
}

const cold = build(join(dir, "dist"));
const warm = build(join(dir, "dist"));

const port = 18500 + (process.pid % 400);
const server = spawn(BIN, ["serve", "--port", String(port), "--content", content, "--out", join(dir, "live")],
  { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
const url = `http://127.0.0.1:${port}`;
for (let i = 0; ; i++) {
  try { if ((await fetch(`${url}/p/1.001193/`)).ok) break; } catch {}
  if (i > 1200) throw new Error("the preview did not start");
  await new Promise((r) => setTimeout(r, 250));
}
const browser = await launch();
const page = await browser.newPage();
await page.goto(`${url}/p/1.001193/`);
await page.waitForTimeout(500);
const file = join(content, "procedures/1.001193.toml");
const text = readFileSync(file, "utf8");
const edits = [];
for (const word of ["thử một", "thử hai", "thử ba"]) {
  const t = Date.now();
  writeFileSync(file, text.replace('name = "Đăng ký khai sinh"', `name = "Đăng ký khai sinh (${word})"`));
  await page.waitForFunction((w) => document.querySelector("h1")?.textContent.includes(w), word, { timeout: 120000 });
  edits.push((Date.now() - t) / 1000);
  await page.waitForTimeout(1000);
}
await browser.close();
server.kill("SIGINT");
rmSync(dir, { recursive: true, force: true });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [
  ["", "motcua now", "before (content compiled in)", "target"],
  ["edit one procedure → visible in the open tab", `${median(edits).toFixed(1)} s (median of ${edits.length}: ${edits.map((e) => e.toFixed(1)).join(", ")})`, "199 s (no live reload)", "≤ 5 s"],
  ["motcua build, nothing changed", `${warm.toFixed(1)} s`, "65 s", "≤ 15 s"],
  ["motcua build, cold (bundles compiled)", `${cold.toFixed(1)} s`, "≈ 65 s + 2 min crate compile", "≤ 30 s"],
];
for (const r of rows) console.log(r.map((c, i) => String(c).padEnd(i === 0 ? 46 : 34)).join(""));
