//! Validates `content/` before anything is compiled: bad content fails the build with
//! `file:line: field: what is wrong and what to do`, every problem at once, never a panic.
//!
//! It shares the content model and the checks with the crate by including the files by path, so the rules
//! are the same here, in `motcua build` and in the tests.

#[path = "src/content/model.rs"]
#[allow(dead_code)]
mod model;
#[path = "src/content/validate.rs"]
#[allow(dead_code)]
mod validate;
#[path = "src/content/life_events.rs"]
#[allow(dead_code)]
mod life_events;
// Search: the shared analyzer and index format, and the tantivy indexer/exporter (native builds only).
#[path = "src/search/analyzer.rs"]
#[allow(dead_code)]
mod analyzer;
#[path = "src/search/format.rs"]
#[allow(dead_code)]
mod format;
#[path = "src/search/outside.rs"]
#[allow(dead_code)]
mod outside;
#[path = "src/search/build_index.rs"]
mod build_index;

use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=content");
    println!("cargo::rerun-if-changed=src/content");
    println!("cargo::rerun-if-changed=src/search/analyzer.rs");
    println!("cargo::rerun-if-changed=src/search/format.rs");
    println!("cargo::rerun-if-changed=src/search/build_index.rs");
    println!("cargo::rerun-if-changed=src/search/outside.rs");
    println!("cargo::rerun-if-changed=src/site/prefs.js");
    prefs_script_hash();
    // Build scripts run in the package folder, so this path (and every message) is relative to it.
    let dir = Path::new("content");
    if !dir.exists() {
        println!("cargo::warning=no content/ folder: nothing to validate (run `motcua import <export>` to create it)");
        search_index(&[]);
        return;
    }
    let checked = validate::check_dir(dir);
    if checked.site.is_none() && checked.errors.is_empty() {
        println!("cargo::warning=content/site.toml is missing; the site needs its title, base_url and centre");
    }
    if checked.errors.is_empty() {
        search_index(&checked.procedures);
        return;
    }
    let one_line = |s: String| s.replace(['\n', '\r'], " ");
    for e in &checked.errors {
        println!("cargo::warning={}", one_line(e.to_string()));
    }
    println!(
        "cargo::error=content/ has {} problem(s); fix each file:line below (the same list is printed as warnings), then build again:",
        checked.errors.len()
    );
    for e in &checked.errors {
        println!("cargo::error={}", one_line(e.to_string()));
    }
}

/// Builds the search index (tantivy) and its browser export into OUT_DIR. Only the native build (feature `ssr`)
/// embeds them; the browser build (wasm32) skips this work.
fn search_index(procedures: &[model::Procedure]) {
    if std::env::var_os("CARGO_FEATURE_SSR").is_none() {
        return;
    }
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    if procedures.is_empty() {
        let _ = std::fs::write(out.join("search.bundle"), b"");
        return;
    }
    if let Err(e) = build_index::build(procedures, Path::new("content"), &out) {
        println!("cargo::error=building the search index failed:");
        for line in e.lines() {
            println!("cargo::error={line}");
        }
    }
}

/// Gives the crate the CSP hash of `src/site/prefs.js`, the one inline script every page carries (see
/// `pages/layout.rs`): the Content-Security-Policy allows that script and no other inline code.
fn prefs_script_hash() {
    use base64::Engine;
    use sha2::Digest;
    let script = std::fs::read("src/site/prefs.js").expect("src/site/prefs.js is part of the crate");
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(&script));
    println!("cargo::rustc-env=MOTCUA_PREFS_SHA256={hash}");
}
