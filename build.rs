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

use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=content");
    println!("cargo::rerun-if-changed=src/content");
    // Build scripts run in the package folder, so this path (and every message) is relative to it.
    let dir = Path::new("content");
    if !dir.exists() {
        println!("cargo::warning=no content/ folder: nothing to validate (run `motcua import <export>` to create it)");
        return;
    }
    let checked = validate::check_dir(dir);
    if checked.site.is_none() && checked.errors.is_empty() {
        println!("cargo::warning=content/site.toml is missing; the site needs its title, base_url and centre");
    }
    if checked.errors.is_empty() {
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
