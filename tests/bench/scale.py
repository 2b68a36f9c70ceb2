#!/usr/bin/env python3
"""How the build's cost grows with the catalogue (a report, not a test).

Builds synthetic catalogues of 1x, 4x and 10x today's size — per-province copies of the real procedures with
the province in the name, their own codes and fees scaled per province — and prints, for each: build time per
stage (a cold build: empty cache, browser bundles already compiled), dist/ size and file count, peak memory,
the bytes a browser fetches cold from the home page to the first results of «dang ky khai sinh» (the app plus
the index files) and the median bytes of a later query.

    cargo build --release
    python3 tests/bench/scale.py [--factors 1 4 10] [--work /tmp/motcua-scale]

Needs GNU time (/usr/bin/time, Debian package `time`) for peak memory.
"""
import argparse, os, re, shutil, statistics, subprocess, sys, time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROVINCES = ["Hà Giang", "Lào Cai", "Điện Biên", "Sơn La", "Nghệ An", "Quảng Trị", "Gia Lai", "Đắk Lắk",
             "An Giang", "Bạc Liêu"]
APP_KB = None  # the browser app's brotli bytes, read from `motcua budget`


def make_catalogue(factor: int, dest: Path) -> int:
    src = ROOT / "content"
    if dest.exists():
        shutil.rmtree(dest)
    (dest / "procedures").mkdir(parents=True)
    # Every file beside procedures/ (site, vocabularies, shared papers, centres…) is copied as it is.
    for f in src.iterdir():
        if f.is_file():
            shutil.copy(f, dest / f.name)
        elif f.is_dir() and f.name != "procedures":
            shutil.copytree(f, dest / f.name)
    files = sorted((src / "procedures").glob("*.toml"))
    used = {f.stem for f in files}
    count = 0
    for k in range(factor):
        for f in files:
            text = f.read_text(encoding="utf-8")
            code = f.stem
            if k > 0:
                digit, num = code.split(".")
                n = (int(num) + k * 104729) % 1_000_000
                while f"{digit}.{n:06d}" in used:
                    n = (n + 1) % 1_000_000
                new = f"{digit}.{n:06d}"
                used.add(new)
                province = PROVINCES[k % len(PROVINCES)]
                text = text.replace(f'code = "{code}"', f'code = "{new}"', 1)
                # A prefix: a suffix could land after a name's closing escaped quote (\").
                text = re.sub(r'^name = "(?!"")', f'name = "Tỉnh {province}: ', text, count=1, flags=re.M)
                # Fees differ by province: scale every amount by 1.0–1.4.
                text = re.sub(r"^amount = (\d+)$", lambda m: f"amount = {int(m.group(1)) * (10 + k % 5) // 10}", text, flags=re.M)
                code = new
            (dest / "procedures" / f"{code}.toml").write_text(text, encoding="utf-8")
            count += 1
    return count


def build(binary: Path, content: Path, out: Path):
    for d in [out, out.with_name(f".{out.name}.cache")]:
        if d.exists():
            shutil.rmtree(d)
    cmd = ["/usr/bin/time", "-v", str(binary), "build", "--timings", "--content", str(content), "--out", str(out)]
    t = time.time()
    run = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    wall = time.time() - t
    if run.returncode != 0:
        sys.exit(f"build failed:\n{run.stderr[-3000:]}")
    stages = [(l.split("\t")[0], float(l.split("\t")[1])) for l in run.stdout.splitlines() if "\t" in l]
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr).group(1))
    return wall, stages, peak


def dist_size(out: Path):
    total, files = 0, 0
    for p in out.rglob("*"):
        if p.is_file():
            total += p.stat().st_size
            files += 1
    return total, files


def search_bytes(binary: Path, content: Path):
    run = subprocess.run([str(binary), "search-bytes", "--content", str(content)], cwd=ROOT, capture_output=True, text=True, check=True)
    core = float(re.search(r"core.bin is ([\d.]+) KB", run.stdout).group(1))
    cold, later = None, []
    for line in run.stdout.splitlines():
        kb = re.findall(r"([\d.]+) KB", line)
        if line.startswith("dang ky khai sinh"):
            cold = float(kb[1])  # cold, debounced
        elif len(kb) == 4:
            later.append(float(kb[3]))  # next, debounced
    return core, cold, statistics.median(later)


def app_kb(binary: Path, out: Path) -> float:
    run = subprocess.run([str(binary), "budget", "--out", str(out)], cwd=ROOT, capture_output=True, text=True)
    m = re.search(r"browser app: loader \+ JS \+ wasm\s+([\d.]+) KB", run.stdout + run.stderr)
    return float(m.group(1)) if m else float("nan")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--factors", type=int, nargs="+", default=[1, 4, 10])
    ap.add_argument("--work", type=Path, default=Path("/tmp/motcua-scale"))
    ap.add_argument("--bin", type=Path, default=ROOT / "target/release/motcua")
    args = ap.parse_args()
    rows = []
    for f in args.factors:
        content = args.work / f"x{f}" / "content"
        out = args.work / f"x{f}" / "dist"
        n = make_catalogue(f, content)
        print(f"x{f}: {n} procedures, building…", file=sys.stderr)
        wall, stages, peak = build(args.bin, content, out)
        size, files = dist_size(out)
        app = app_kb(args.bin, out)
        core, cold, later = search_bytes(args.bin, content)
        rows.append((f, n, wall, stages, peak, size, files, app, core, cold, later))
        shutil.rmtree(out.parent / "dist")
        shutil.rmtree(out.parent / ".dist.cache", ignore_errors=True)
    names = [s for s, _ in rows[0][3]]
    head = ["", *[f"{r[0]}× ({r[1]:,} procedures)" for r in rows]]
    print("| " + " | ".join(head) + " |")
    print("| " + " | ".join(["---"] * len(head)) + " |")
    line = lambda label, vals: print("| " + " | ".join([label, *vals]) + " |")
    for i, name in enumerate(names):
        line(f"stage: {name}", [f"{r[3][i][1]:.1f} s" for r in rows])
    line("**build, wall**", [f"**{r[2]:.0f} s**" for r in rows])
    line("peak memory", [f"{r[4] / 1024:.0f} MB" for r in rows])
    line("dist/ size (files)", [f"{r[5] / 2**20:.0f} MB ({r[6]:,})" for r in rows])
    line("cold bytes home → first results", [f"{r[7] + r[9]:.1f} KB (app {r[7]:.1f} + index {r[9]:.1f}, core.bin {r[8]:.1f})" for r in rows])
    line("later query, median", [f"{r[10]:.1f} KB" for r in rows])


if __name__ == "__main__":
    main()
