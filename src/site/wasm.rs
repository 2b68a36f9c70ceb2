//! Compiling the browser app: `cargo build` for wasm32, then wasm-bindgen (as a library, no CLI to install),
//! then `wasm-opt` when it is on the PATH.

use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::Command;

const TARGET: &str = "wasm32-unknown-unknown";

/// The browser app, ready to be hashed and written: the JS glue and the wasm module.
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

    /// Each bundle has its own cargo target folder, so switching features never rebuilds the other.
    fn target_subdir(self) -> Option<&'static str> {
        match self {
            Bundle::Main => None,
            Bundle::Posters => Some("bundle-posters"),
            Bundle::Csr => Some("bundle-csr"),
        }
    }
}

/// Builds one browser bundle from this crate's sources.
pub fn build_browser_app(work_dir: &Path, bundle: Bundle) -> Result<BrowserApp> {
    ensure_target()?;
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    let mut target = target_dir(&manifest)?;
    if let Some(sub) = bundle.target_subdir() {
        target = target.join(sub);
    }
    let status = Command::new(cargo())
        .args(["build", "--lib", "--target", TARGET, "--profile", "wasm-release", "--no-default-features"])
        .args(["--features", bundle.features(), "--manifest-path"])
        .arg(&manifest)
        .arg("--target-dir")
        .arg(&target)
        .env_remove("CARGO_PRIMARY_PACKAGE")
        .status()
        .context("could not run cargo to compile the browser app")?;
    if !status.success() {
        bail!("compiling the browser app ({bundle:?}) for {TARGET} failed (see cargo's messages above)");
    }
    let wasm_in = target.join(TARGET).join("wasm-release").join("motcua.wasm");
    let bindgen_out = work_dir.join(format!("bindgen-{bundle:?}"));
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
    let optimized = wasm_opt(&raw_wasm, &opt_wasm);
    let wasm = std::fs::read(if optimized { &opt_wasm } else { &raw_wasm })?;
    Ok(BrowserApp { js, wasm, optimized })
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

/// Finds a usable wasm-opt: `$WASM_OPT`, else the one on the PATH, if recent enough.
fn find_wasm_opt() -> Option<String> {
    let program = std::env::var("WASM_OPT").unwrap_or_else(|_| "wasm-opt".into());
    let out = Command::new(&program).arg("--version").output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    // "wasm-opt version 123 (version_123)"
    let version: u32 = text.split_whitespace().nth(2)?.parse().ok()?;
    if version < MIN_WASM_OPT {
        eprintln!(
            "note: {program} is version {version}; it needs {MIN_WASM_OPT} or newer (npm install -g binaryen). \
             Shipping the unoptimized wasm."
        );
        return None;
    }
    Some(program)
}

/// Runs `wasm-opt -Oz` if a recent one is installed (npm `binaryen`); returns whether it succeeded.
fn wasm_opt(input: &Path, output: &Path) -> bool {
    let Some(program) = find_wasm_opt() else {
        eprintln!("note: no recent wasm-opt found (npm install -g binaryen); shipping the unoptimized wasm");
        return false;
    };
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
