//! Stage 3, browser bundles: the wasm apps (`cargo build` for wasm32, then wasm-bindgen as a library, then
//! `wasm-opt`) and the stylesheets, written under content-hashed names.
//!
//! A fresh clone gets the same optimised app the budgets describe: when no recent `wasm-opt` is on the PATH the
//! build installs npm's `binaryen` into `target/tools/` once (the machine has Node for the browser tests). Both
//! bundles share one cargo target folder, so the dependencies they share are compiled once.

use super::output::Output;
use crate::pages::Assets;
use crate::routes::asset;
use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::Command;

const TARGET: &str = "wasm32-unknown-unknown";

/// The browser app, ready to be hashed and written: the JS glue and the wasm module.
#[derive(Clone)]
pub struct BrowserApp {
    /// The ES module wasm-bindgen generated (`--target web`).
    pub js: Vec<u8>,
    /// The wasm module, optimized when wasm-opt was available.
    pub wasm: Vec<u8>,
    /// Whether wasm-opt ran.
    pub optimized: bool,
}

/// The browser bundles. Every page a citizen opens loads only the main app; the officers' poster tools (the
/// counter sheet draws QR codes in the browser) are a second bundle loaded only by `/in/` pages, so their code
/// never weighs on a citizen's phone.
#[derive(Clone, Copy, Debug)]
pub enum Bundle {
    /// Search, procedure tools, offline saving: every page but the posters.
    Main,
    /// The main islands plus the poster islands (`posters` feature).
    Posters,
    /// The client-side-rendered procedure page (`csr` feature): only for the measurement harness's comparison,
    /// built by `motcua build-csr`, never part of the site.
    Csr,
}

impl Bundle {
    fn features(self) -> &'static str {
        match self {
            Bundle::Main => "hydrate",
            Bundle::Posters => "hydrate,posters",
            Bundle::Csr => "csr",
        }
    }

}

/// What the bundles stage made: the asset URLs pages link, the main app's size and whether wasm-opt ran.
pub struct Apps {
    /// The stylesheets' and loaders' URLs.
    pub assets: Assets,
    /// Raw and brotli size of the main app (JS glue + loader + wasm), in bytes.
    pub bytes: (usize, usize),
    /// Whether wasm-opt ran on the main app.
    pub optimized: bool,
}

/// The two compiled bundles (main, posters), kept by a live preview between rebuilds: content edits never change
/// them, so a preview compiles them once.
pub type Compiled = (BrowserApp, BrowserApp);

/// Compiles both browser bundles (or takes them from `keep`, filling it) and writes them and the stylesheets.
pub fn write(out: &Output, public: &Path, keep: Option<&mut Option<Compiled>>) -> Result<Apps> {
    let compiled = match keep {
        Some(Some(compiled)) => compiled.clone(),
        Some(slot) => slot.insert(compile_both(out)?).clone(),
        None => compile_both(out)?,
    };
    let (app, posters_app) = &compiled;
    let main = write_bundle(out, [asset::APP_GLUE, asset::APP_WASM, asset::APP_LOADER], app)?;
    let posters = write_bundle(out, [asset::POSTER_GLUE, asset::POSTER_WASM, asset::POSTER_LOADER], posters_app)?;
    let (loader, js, poster_js, glue) = (main.loader, main.url, posters.url, main.glue_text);
    let read = |name: &str| {
        std::fs::read(public.join(name)).with_context(|| format!("cannot read the stylesheet {}", public.join(name).display()))
    };
    let css_bytes = read("style.css")?;
    let css_text = inline_stylesheet(&css_bytes).with_context(|| format!("{}", public.join("style.css").display()))?;
    let css = out.write_hashed(asset::STYLE, "css", &css_bytes)?;
    let poster_css = out.write_hashed(asset::POSTER_STYLE, "css", &read("poster.css")?)?;
    let basket_css = out.write_hashed(asset::BASKET_STYLE, "css", &read("basket.css")?)?;
    let speak_js = out.write_hashed("speak", "js", without_comments(include_str!("speak.js")).as_bytes())?;
    let centre_js = out.write_hashed("centre", "js", without_comments(include_str!("centre.js")).as_bytes())?;
    let br = |b: &[u8]| super::output::brotli_bytes(b).len();
    let bytes = (
        glue.len() + app.wasm.len() + loader.len(),
        br(glue.as_bytes()) + br(&app.wasm) + br(loader.as_bytes()),
    );
    let css_sha256 = super::output::sha256_base64(css_text.as_bytes());
    let assets = Assets {
        css,
        css_text,
        css_sha256,
        js,
        app_glue: main.glue,
        app_wasm: main.wasm,
        poster_js,
        poster_css,
        basket_css,
        speak_js,
        centre_js,
        search_index: String::new(),
    };
    Ok(Apps { assets, bytes, optimized: app.optimized })
}

/// The stylesheet as pages carry it in a `<style>` element: UTF-8 that cannot close the element early.
fn inline_stylesheet(bytes: &[u8]) -> Result<String> {
    let text = String::from_utf8(bytes.to_vec()).context("the stylesheet is not UTF-8 text; save it as UTF-8")?;
    if text.to_ascii_lowercase().contains("</style") {
        anyhow::bail!("the stylesheet contains \"</style\", which would end the <style> element pages carry it in; remove it");
    }
    Ok(text)
}

/// The stylesheet of a built site (`assets/style.<hash>.css`), which its pages carry inline: `motcua serve`
/// derives the site's Content-Security-Policy from it.
pub fn built_stylesheet(site: &Path) -> Option<Vec<u8>> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(site.join("assets"))
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("style.") && n.ends_with(".css")))
        .collect();
    names.sort();
    std::fs::read(names.first()?).ok()
}

/// Compiles the main and posters bundles. The main bundle's wasm-bindgen and wasm-opt (and, on a fresh machine,
/// the npm install of binaryen) need no cargo, so they run on a second thread while cargo compiles the posters
/// bundle: on a fresh clone that takes about 25 s off the first build.
fn compile_both(out: &Output) -> Result<Compiled> {
    let work = out.root().join(".work");
    let both = match Job::new(Bundle::Main)? {
        Ready::Cached(main) => (main, build_browser_app(&work, Bundle::Posters)?),
        Ready::ToCompile(job) => {
            let module = job.cargo_build()?;
            std::thread::scope(|scope| -> Result<Compiled> {
                let finishing = scope.spawn(|| job.finish(&work, module));
                let posters = build_browser_app(&work, Bundle::Posters);
                let main = finishing.join().map_err(|_| anyhow::anyhow!("wasm-bindgen or wasm-opt panicked"))??;
                Ok((main, posters?))
            })?
        }
    };
    let _ = std::fs::remove_dir_all(&work);
    Ok(both)
}

/// A bundle as written: the loader's text and URL, the JS glue as shipped, and the URLs of the glue and wasm the
/// loader starts.
struct Written {
    loader: String,
    url: String,
    glue_text: String,
    glue: String,
    wasm: String,
}

/// Writes a bundle's JS glue and wasm, and the loader that starts it, under content-hashed names.
fn write_bundle(out: &Output, [glue_stem, wasm_stem, loader_stem]: [&str; 3], app: &BrowserApp) -> Result<Written> {
    let glue_text = without_comments(&String::from_utf8_lossy(&app.js));
    let glue = out.write_hashed(glue_stem, "js", glue_text.as_bytes())?;
    let wasm = out.write_hashed(wasm_stem, "wasm", &app.wasm)?;
    let loader = without_comments(include_str!("loader.js")).replace("__APP_JS__", &glue).replace("__APP_WASM__", &wasm);
    let url = out.write_hashed(loader_stem, "js", loader.as_bytes())?;
    Ok(Written { loader, url, glue_text, glue, wasm })
}

/// JavaScript as shipped: without its comment lines, which are for the people who read the sources (a third of
/// the loader's bytes, and wasm-bindgen's doc comments in its glue: about 1 KB of brotli on every first visit),
/// and without the indentation of code lines (0.25 KB of brotli more on wasm-bindgen's glue).
/// Only whole lines go: a line that starts with `//`, and a block from a line that starts with `/*` to the `*/`
/// that ends it (what follows `*/` on its line stays). A comment after code on its line stays, and so does every
/// line after a kept line that leaves a template literal or a `/*` comment open, until it closes: lines inside
/// those are the string's or the comment's, whatever they start with. The browser suite runs the stripped app.
pub(crate) fn without_comments(js: &str) -> String {
    let mut out = String::with_capacity(js.len());
    let mut in_block = false;
    // A kept line left this open: lines are kept as they are until it closes.
    let mut open: Option<&str> = None;
    for line in js.lines() {
        if let Some(close) = open {
            out.push_str(line);
            out.push('\n');
            let closed = if close == "`" { line.matches('`').count() % 2 == 1 } else { line.contains(close) };
            if closed {
                open = None;
            }
            continue;
        }
        let mut rest = line.trim_start();
        if !in_block && rest.starts_with("/*") {
            in_block = true;
            rest = &rest[2..];
        }
        if in_block {
            match rest.find("*/") {
                Some(end) => {
                    in_block = false;
                    rest = rest[end + 2..].trim_start();
                    if rest.is_empty() {
                        continue;
                    }
                }
                None => continue,
            }
        } else {
            rest = line;
        }
        if rest.trim_start().starts_with("//") || rest.trim().is_empty() {
            continue;
        }
        out.push_str(rest.trim_start());
        out.push('\n');
        if rest.matches('`').count() % 2 == 1 {
            open = Some("`");
        } else if rest.rfind("/*").is_some_and(|at| !rest[at..].contains("*/")) {
            open = Some("*/");
        }
    }
    out
}

/// Builds one browser bundle from this crate's sources.
pub fn build_browser_app(work_dir: &Path, bundle: Bundle) -> Result<BrowserApp> {
    match Job::new(bundle)? {
        Ready::Cached(app) => Ok(app),
        Ready::ToCompile(job) => {
            let module = job.cargo_build()?;
            job.finish(work_dir, module)
        }
    }
}

/// A bundle before it is built: either already made from these very sources, or a job for cargo.
enum Ready {
    Cached(BrowserApp),
    ToCompile(Job),
}

/// One bundle to compile: where cargo works and the key its result is kept under.
struct Job {
    bundle: Bundle,
    manifest: PathBuf,
    target: PathBuf,
    /// Where the finished app is kept, keyed by the hash of the sources (see `sources_key`).
    by_sources: PathBuf,
}

impl Job {
    /// The app depends on the crate's sources and the toolchain, never on content: when neither changed since a
    /// bundle was made, take it as it is, without asking cargo (each cargo run re-links the module, since both
    /// bundles share one output path: 5 to 8 s a bundle).
    fn new(bundle: Bundle) -> Result<Ready> {
        ensure_target()?;
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
        let target = target_dir(&manifest)?;
        let by_sources = target.join("motcua-bundles").join(format!("src-{}", sources_key(bundle)));
        Ok(match read_cached(&by_sources) {
            Some(app) => Ready::Cached(app),
            None => Ready::ToCompile(Job { bundle, manifest, target, by_sources }),
        })
    }

    /// Compiles the bundle with cargo and returns its wasm module, read at once: both bundles leave their module at
    /// the same path.
    fn cargo_build(&self) -> Result<Vec<u8>> {
        let bundle = self.bundle;
        let status = Command::new(cargo())
            .args(["build", "--lib", "--target", TARGET, "--profile", "wasm-release", "--no-default-features"])
            .args(["--features", bundle.features(), "--manifest-path"])
            .arg(&self.manifest)
            .arg("--target-dir")
            .arg(&self.target)
            .args(["--config", &short_panic_paths()])
            .env_remove("CARGO_PRIMARY_PACKAGE")
            .status()
            .context("could not run cargo to compile the browser app")?;
        if !status.success() {
            bail!("compiling the browser app ({bundle:?}) for {TARGET} failed (see cargo's messages above)");
        }
        let wasm_in = self.target.join(TARGET).join("wasm-release").join("motcua.wasm");
        std::fs::read(&wasm_in).with_context(|| format!("cargo left no {}", wasm_in.display()))
    }

    /// Runs wasm-bindgen and wasm-opt on a compiled module (or takes their earlier output for the same module).
    fn finish(&self, work_dir: &Path, module: Vec<u8>) -> Result<BrowserApp> {
        // wasm-bindgen and wasm-opt take seconds and give the same output for the same module: keep their output
        // under target/, keyed by the module's hash, so a build whose app did not change skips them.
        let cached = self.target.join("motcua-bundles").join(format!("{:032x}", xxhash_rust::xxh3::xxh3_128(&module)));
        let app = match read_cached(&cached) {
            Some(app) => app,
            None => {
                let app = bindgen_and_optimize(&work_dir.join(format!("bindgen-{:?}", self.bundle)), &module, &self.target)?;
                // Only an optimised app is kept: an unoptimised one is tried again next time (wasm-opt may be there
                // then).
                if app.optimized {
                    write_cached(&cached, &app)?;
                }
                app
            }
        };
        if app.optimized {
            write_cached(&self.by_sources, &app)?;
        }
        Ok(app)
    }
}

/// A hash of everything a bundle is compiled from: the crate's sources, manifest and lock file, the bundle's
/// features, the compiler's version and the flags given to it.
fn sources_key(bundle: Bundle) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = ["Cargo.toml", "Cargo.lock", "build.rs"].iter().map(|f| root.join(f)).collect();
    let mut stack = vec![root.join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() { stack.push(path) } else { files.push(path) }
        }
    }
    files.sort();
    let mut all = Vec::new();
    for f in &files {
        all.extend_from_slice(f.to_string_lossy().as_bytes());
        all.extend(std::fs::read(f).unwrap_or_default());
    }
    all.extend_from_slice(bundle.features().as_bytes());
    let rustc = Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into())).arg("-vV").output();
    all.extend(rustc.map(|o| o.stdout).unwrap_or_default());
    for var in ["RUSTFLAGS", "CARGO_ENCODED_RUSTFLAGS", "CARGO_PROFILE_WASM_RELEASE_OPT_LEVEL"] {
        all.extend(std::env::var(var).unwrap_or_default().into_bytes());
    }
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(&all))
}

fn read_cached(dir: &Path) -> Option<BrowserApp> {
    let js = std::fs::read(dir.join("app.js")).ok()?;
    let wasm = std::fs::read(dir.join("app.wasm")).ok()?;
    let optimized = std::fs::read(dir.join("optimized")).ok()? == b"1";
    Some(BrowserApp { js, wasm, optimized })
}

/// Each file is written beside, then renamed: a build running at the same time (the test suite's) never reads
/// a half-written app.
fn write_cached(dir: &Path, app: &BrowserApp) -> Result<()> {
    std::fs::create_dir_all(dir)?;
    let optimized: &[u8] = if app.optimized { b"1" } else { b"0" };
    for (name, bytes) in [("app.js", &app.js[..]), ("app.wasm", &app.wasm[..]), ("optimized", optimized)] {
        let tmp = dir.join(format!("{name}.tmp{}", std::process::id()));
        std::fs::write(&tmp, bytes)?;
        std::fs::rename(&tmp, dir.join(name))?;
    }
    Ok(())
}

/// wasm-bindgen (as a library) then `wasm-opt -Oz`, in `dir`.
fn bindgen_and_optimize(dir: &Path, module: &[u8], target: &Path) -> Result<BrowserApp> {
    std::fs::create_dir_all(dir)?;
    // wasm-bindgen names its output after its input: motcua.js, motcua_bg.wasm.
    let wasm_in = dir.join("motcua.wasm");
    std::fs::write(&wasm_in, module)?;
    let bindgen_out = dir.join("out");
    std::fs::create_dir_all(&bindgen_out)?;
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&wasm_in)
        .web(true)?
        .typescript(false)
        .generate(&bindgen_out)
        .map_err(|e| anyhow::anyhow!("wasm-bindgen failed on {}: {e:#}", wasm_in.display()))?;
    let js = std::fs::read(bindgen_out.join("motcua.js")).context("wasm-bindgen wrote no motcua.js")?;
    let raw_wasm = bindgen_out.join("motcua_bg.wasm");
    let opt_wasm = bindgen_out.join("motcua_bg.opt.wasm");
    let optimized = wasm_opt(&raw_wasm, &opt_wasm, target);
    let wasm = std::fs::read(if optimized { &opt_wasm } else { &raw_wasm })?;
    Ok(BrowserApp { js, wasm, optimized })
}

/// A cargo `--config` that writes the dependencies' source paths in the app's panic messages from the crate's own
/// folder (`leptos-0.8/src/…`) rather than from cargo's registry (`/root/.cargo/registry/src/index.crates.io-…/`):
/// about 100 bytes less to download, and an app whose bytes do not depend on where cargo keeps its sources.
/// `RUSTFLAGS`, `CARGO_ENCODED_RUSTFLAGS` and a `target.<triple>.rustflags` setting take precedence (cargo's
/// rule), and the paths come sorted, so the flags, and cargo's cache of compiled dependencies, stay the same from
/// one build to the next.
fn short_panic_paths() -> String {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")));
    let mut indexes: Vec<PathBuf> = home
        .map(|h| std::fs::read_dir(h.join("registry").join("src")).into_iter().flatten().flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    indexes.sort();
    // A JSON string is a TOML string: quotes and backslashes in a path stay the path's.
    let flags: Vec<String> = indexes
        .iter()
        .map(|index| {
            let flag = format!("--remap-path-prefix={}{}=", index.display(), std::path::MAIN_SEPARATOR);
            serde_json::to_string(&flag).unwrap_or_default()
        })
        .filter(|f| !f.is_empty())
        .collect();
    format!("build.rustflags=[{}]", flags.join(","))
}

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".into())
}

/// Adds the wasm32 target with rustup when it is missing, so a fresh machine needs no manual step.
fn ensure_target() -> Result<()> {
    let installed = Command::new("rustup").args(["target", "list", "--installed"]).output();
    match installed {
        Ok(out) if String::from_utf8_lossy(&out.stdout).lines().any(|l| l.trim() == TARGET) => Ok(()),
        Ok(_) => {
            eprintln!("Thêm target {TARGET} (rustup target add)…");
            let ok = Command::new("rustup").args(["target", "add", TARGET]).status()?.success();
            if ok { Ok(()) } else { bail!("`rustup target add {TARGET}` failed; run it by hand and try again") }
        }
        // No rustup: assume the toolchain has the target (cargo will say if not).
        Err(_) => Ok(()),
    }
}

/// Where cargo puts build output for this manifest (honours CARGO_TARGET_DIR and .cargo/config).
fn target_dir(manifest: &Path) -> Result<PathBuf> {
    if let Ok(dir) = std::env::var("CARGO_TARGET_DIR") {
        return Ok(PathBuf::from(dir));
    }
    let out = Command::new(cargo())
        .args(["metadata", "--format-version", "1", "--no-deps", "--manifest-path"])
        .arg(manifest)
        .output()
        .context("could not run cargo metadata")?;
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).context("cargo metadata printed no JSON")?;
    meta["target_directory"].as_str().map(PathBuf::from).context("cargo metadata gave no target_directory")
}

/// The oldest wasm-opt known to handle what today's Rust and wasm-bindgen emit (reference types, bulk memory).
/// Debian 12's binaryen 108 mangles the externref table, breaking hydration at run time.
const MIN_WASM_OPT: u32 = 116;

/// The binaryen release installed from npm when none is found: the one the budgets were measured with.
const BINARYEN_NPM: &str = "binaryen@132";

/// The version of a wasm-opt program, if it runs.
fn wasm_opt_version(program: &Path) -> Option<u32> {
    let out = Command::new(program).arg("--version").output().ok()?;
    // "wasm-opt version 123 (version_123)"
    String::from_utf8_lossy(&out.stdout).split_whitespace().nth(2)?.parse().ok()
}

/// Finds a recent wasm-opt: `$WASM_OPT`, the one on the PATH, or the one in `target/tools/`; failing those,
/// installs npm's binaryen into `target/tools/` (once; later builds find it there).
fn find_wasm_opt(target: &Path) -> Option<PathBuf> {
    let tools = target.join("tools");
    let local = tools.join("node_modules/.bin/wasm-opt");
    let candidates = [std::env::var_os("WASM_OPT").map(PathBuf::from), Some(PathBuf::from("wasm-opt")), Some(local.clone())];
    for program in candidates.into_iter().flatten() {
        match wasm_opt_version(&program) {
            Some(v) if v >= MIN_WASM_OPT => return Some(program),
            Some(v) => eprintln!("note: {} is version {v}; the app needs {MIN_WASM_OPT} or newer", program.display()),
            None => {}
        }
    }
    // Builds running side by side (the test suite's, on a fresh machine) must not install at once: one's
    // half-written node_modules made the other's wasm-opt fail, and its app shipped unoptimized. The first takes
    // a lock (creating a folder is atomic); the others wait for it to go, then find what it installed.
    let _ = std::fs::create_dir_all(&tools);
    let lock = tools.join(".installing");
    let mut waiting_since = std::time::Instant::now();
    while std::fs::create_dir(&lock).is_err() {
        if waiting_since.elapsed() > std::time::Duration::from_secs(600) {
            // A lock left by a build that was stopped: take it over (once; then wait anew).
            let _ = std::fs::remove_dir(&lock);
            waiting_since = std::time::Instant::now();
            continue;
        }
        std::thread::sleep(std::time::Duration::from_millis(300));
    }
    let installed = if wasm_opt_version(&local).is_some_and(|v| v >= MIN_WASM_OPT) {
        Ok(std::process::ExitStatus::default())
    } else {
        eprintln!("Cài wasm-opt ({BINARYEN_NPM}, npm) vào {} — chỉ lần đầu…", tools.display());
        Command::new("npm")
            .args(["install", "--prefix"])
            .arg(&tools)
            .args(["--no-audit", "--no-fund", "--no-save", "--loglevel=error", BINARYEN_NPM])
            .status()
    };
    let _ = std::fs::remove_dir(&lock);
    match installed {
        Ok(s) if s.success() && wasm_opt_version(&local).is_some_and(|v| v >= MIN_WASM_OPT) => Some(local),
        _ => {
            eprintln!(
                "warning: could not install {BINARYEN_NPM} with npm (is Node.js installed?); the browser app is shipped \
                 unoptimized, about 40 KB over its budget. Install it with `npm install -g binaryen` and build again."
            );
            None
        }
    }
}

/// Runs `wasm-opt -Oz` (installing it first when needed); returns whether it succeeded.
fn wasm_opt(input: &Path, output: &Path, target: &Path) -> bool {
    let Some(program) = find_wasm_opt(target) else { return false };
    let program = program.display().to_string();
    let features = [
        "--enable-bulk-memory",
        "--enable-nontrapping-float-to-int",
        "--enable-sign-ext",
        "--enable-mutable-globals",
        "--enable-reference-types",
        "--enable-multivalue",
    ];
    match Command::new(&program).arg("-Oz").args(features).arg(input).arg("-o").arg(output).status() {
        Ok(s) if s.success() => true,
        Ok(_) => {
            eprintln!("warning: wasm-opt failed; shipping the unoptimized wasm");
            false
        }
        Err(e) => {
            eprintln!("warning: could not run {program} ({e}); shipping the unoptimized wasm");
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::without_comments;

    #[test]
    fn comment_lines_go_and_code_stays() {
        let js = "// a note\nconst a = \"//x\"; // after code\n/**\n * doc\n */\nlet b = 1;\n/* short */ let c = 2;\n\n  /* one\n  two */ f();\n    g();\n";
        assert_eq!(without_comments(js), "const a = \"//x\"; // after code\nlet b = 1;\nlet c = 2;\nf();\ng();\n");
    }

    #[test]
    fn lines_inside_a_string_or_comment_left_open_stay() {
        let template = "const t = `a\n// not a comment\n\n/* nor this */\n   b`;\n// gone\n  x();\n";
        assert_eq!(without_comments(template), "const t = `a\n// not a comment\n\n/* nor this */\n   b`;\nx();\n");
        let comment = "x(); /* a\n/* b\n*/\nz();\n";
        assert_eq!(without_comments(comment), "x(); /* a\n/* b\n*/\nz();\n");
    }

    #[test]
    fn the_loader_keeps_every_line_of_code() {
        let loader = include_str!("loader.js");
        let code = |s: &str| s.lines().filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with("//") && !l.trim_start().starts_with('*') && !l.trim_start().starts_with("/*")).count();
        assert_eq!(code(&without_comments(loader)), code(loader));
        assert!(without_comments(loader).len() < loader.len() * 3 / 4);
    }
}
