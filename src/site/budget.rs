//! `motcua budget`: prints the byte figures that decide speed on a weak network, from a built `dist/`.
//!
//! A report, not a test: it prints each figure beside its budget and marks the ones over. Sizes are of the
//! brotli files the build wrote, i.e. what a browser downloads.

use crate::routes::asset;
use anyhow::{Context, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Budgets from the product's goals: a procedure page must arrive in about one round trip's worth of bytes.
pub const PROCEDURE_PAGE_BUDGET: u64 = 14 * 1024;
/// The home page, with what it needs to paint.
pub const HOME_PAGE_BUDGET: u64 = 20 * 1024;
/// The browser app: loader + wasm-bindgen JS + wasm.
pub const APP_BUDGET: u64 = 100 * 1024;

fn br_size(file: &Path) -> Result<u64> {
    let mut name = file.as_os_str().to_owned();
    name.push(".br");
    Ok(std::fs::metadata(PathBuf::from(&name)).with_context(|| format!("no {}.br: build the site first", file.display()))?.len())
}

fn assets(dist: &Path, stem: &str, ext: &str) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dist.join("assets")).context("no dist/assets: build the site first")? {
        let path = entry?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        if asset::stem_of(&name) == stem && name.ends_with(&format!(".{ext}")) {
            out.push(path);
        }
    }
    Ok(out)
}

/// Prints one figure, with its budget if it has one. Through a write that returns its error: a closed pipe
/// (`… | head`) then ends the command quietly.
fn line(label: &str, bytes: u64, budget: Option<u64>) -> std::io::Result<()> {
    let kb = bytes as f64 / 1024.0;
    let mut out = std::io::stdout();
    match budget {
        Some(b) => {
            let mark = if bytes <= b { "ok" } else { "OVER" };
            writeln!(out, "{label:<44} {kb:>8.1} KB   budget {:>5.1} KB   {mark}", b as f64 / 1024.0)
        }
        None => writeln!(out, "{label:<44} {kb:>8.1} KB"),
    }
}

/// Prints the figures for `dist` and, for procedure pages, the distribution over the whole catalogue.
pub fn report(dist: &Path, sample: &str) -> Result<()> {
    let css: u64 = assets(dist, asset::STYLE, "css")?.iter().map(|p| br_size(p)).sum::<Result<u64>>()?;
    let app_files: Vec<PathBuf> =
        [assets(dist, asset::APP_LOADER, "js")?, assets(dist, asset::APP_GLUE, "js")?, assets(dist, asset::APP_WASM, "wasm")?].concat();
    let app: u64 = app_files.iter().map(|p| br_size(p)).sum::<Result<u64>>()?;
    let app_raw: u64 = app_files.iter().map(|p| std::fs::metadata(p).map(|m| m.len())).sum::<std::io::Result<u64>>()?;

    // Pages carry their stylesheet inline; were one linked, its bytes would count towards the first paint too.
    let page = std::fs::read_to_string(dist.join("p").join(sample).join("index.html"))
        .with_context(|| format!("sample procedure {sample} not built"))?;
    let blocking = render_blocking(&page);
    let linked_css = if blocking.iter().any(|b| b.starts_with("stylesheet")) { css } else { 0 };
    let mut pages: Vec<(u64, String)> = Vec::new();
    for entry in std::fs::read_dir(dist.join("p")).context("no dist/p: build the site first")? {
        let dir = entry?.path();
        let code = dir.file_name().unwrap_or_default().to_string_lossy().into_owned();
        pages.push((br_size(&dir.join("index.html"))? + linked_css, code));
    }
    pages.sort();
    let sample_size = pages.iter().find(|(_, c)| c == sample).map(|(s, _)| *s).context("sample procedure not built")?;
    let over = pages.iter().filter(|(s, _)| *s > PROCEDURE_PAGE_BUDGET).count();
    let what = if linked_css > 0 { "HTML + CSS" } else { "all it needs to paint" };

    writeln!(std::io::stdout(), "Byte budgets (brotli, as downloaded) for {}", dist.display())?;
    line(&format!("procedure page {sample}: {what}"), sample_size, Some(PROCEDURE_PAGE_BUDGET))?;
    if let (Some(first), Some(last)) = (pages.first(), pages.last()) {
        line(&format!("procedure pages, median: {what}"), pages[pages.len() / 2].0, Some(PROCEDURE_PAGE_BUDGET))?;
        line(&format!("procedure pages, smallest ({})", first.1), first.0, None)?;
        line(&format!("procedure pages, largest ({})", last.1), last.0, Some(PROCEDURE_PAGE_BUDGET))?;
        writeln!(std::io::stdout(), "{:<44} {over} of {}", "procedure pages over budget", pages.len())?;
    }
    critical_path(&format!("critical path of {sample}"), &blocking)?;
    let home = std::fs::read_to_string(dist.join("index.html")).context("no dist/index.html: build the site first")?;
    let home_blocking = render_blocking(&home);
    let home_css = if home_blocking.is_empty() { 0 } else { css };
    line(&format!("home page: {what}"), br_size(&dist.join("index.html"))? + home_css, Some(HOME_PAGE_BUDGET))?;
    critical_path("critical path of the home page", &home_blocking)?;
    line("stylesheet (inline in every page)", css, None)?;
    line("browser app: loader + JS + wasm", app, Some(APP_BUDGET))?;
    line("browser app, uncompressed", app_raw, None)?;
    let posters: Vec<PathBuf> =
        [assets(dist, asset::POSTER_LOADER, "js")?, assets(dist, asset::POSTER_GLUE, "js")?, assets(dist, asset::POSTER_WASM, "wasm")?].concat();
    if !posters.is_empty() {
        let br: u64 = posters.iter().map(|p| br_size(p)).sum::<Result<u64>>()?;
        line("poster tools and basket bundle (/in/, /gio-ho-so/)", br, None)?;
    }
    Ok(())
}

/// Prints what a page waits for before it can paint. A QR scan is a first visit: every request the page
/// waits for is a whole round trip more, so the budget is the HTML alone.
fn critical_path(label: &str, blocking: &[String]) -> std::io::Result<()> {
    let what = if blocking.is_empty() { "nothing".to_string() } else { blocking.join(" + ") };
    let mark = if blocking.is_empty() { "ok" } else { "OVER" };
    writeln!(std::io::stdout(), "{label:<44} HTML + {what}   budget HTML alone (one request)   {mark}")
}

/// The requests a page's `<head>` makes the browser wait for before it can paint: stylesheets and classic
/// scripts with a `src` (module, `defer` and `async` scripts do not block; inline scripts need no request).
fn render_blocking(html: &str) -> Vec<String> {
    let head = html.split("</head>").next().unwrap_or(html);
    let mut out = Vec::new();
    for tag in head.split('<').skip(1).map(|t| t.split('>').next().unwrap_or("")) {
        let attr = |name: &str| {
            let key = format!("{name}=\"");
            tag.find(&key).map(|i| tag[i + key.len()..].split('"').next().unwrap_or("").to_string())
        };
        if tag.starts_with("link ") && attr("rel").as_deref() == Some("stylesheet") {
            out.push(format!("stylesheet {}", attr("href").unwrap_or_default()));
        } else if tag.starts_with("script ")
            && attr("src").is_some()
            && attr("type").as_deref() != Some("module")
            && !tag.contains(" defer")
            && !tag.contains(" async")
        {
            out.push(format!("script {}", attr("src").unwrap_or_default()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn finds_what_blocks_the_first_paint() {
        let html = r#"<html><head><script>inline()</script><link rel="stylesheet" href="/a.css">
            <link rel="icon" href="/f.svg"><script src="/p.js"></script><script type="module" src="/m.js"></script>
            <script defer src="/d.js"></script></head><body><script src="/late.js"></script></body></html>"#;
        assert_eq!(super::render_blocking(html), ["stylesheet /a.css", "script /p.js"]);
    }
}
