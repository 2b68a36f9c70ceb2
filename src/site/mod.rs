//! The site builder (`motcua build`) and the local server (`motcua serve`).
//!
//! A build reads and validates `content/`, compiles the browser app, renders every page to static HTML,
//! copies `public/`, writes content-hashed assets, the sitemap and precompressed `.br`/`.gz` variants — all into
//! a fresh staging folder that replaces `dist/` only when everything succeeded, so a failed build never leaves a
//! half-written site.

mod assets;
mod csr;
mod offline;
pub mod budget;
pub mod compress;
mod posters;
mod serve;
mod sitemap;
mod wasm;

pub use assets::content_hash;
pub use csr::{CsrOptions, build_csr};
pub use serve::serve;

use crate::content::Catalogue;
use crate::pages::{Assets, Page, SiteIndex, render_page};
use anyhow::{Context, Result, bail};
use indicatif::{ProgressBar, ProgressStyle};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// Options shared by `motcua build` and `motcua serve`.
#[derive(clap::Args, Debug, Clone)]
pub struct BuildOptions {
    /// The content folder.
    #[arg(long, default_value = "content")]
    pub content: PathBuf,
    /// Where to write the site.
    #[arg(long, default_value = "dist")]
    pub out: PathBuf,
    /// The folder of static files copied as they are (favicon, robots.txt) and of the stylesheet.
    #[arg(long, default_value = "public")]
    pub public: PathBuf,
}

/// What a build produced, for the summary line and for tests.
#[derive(Debug)]
pub struct BuildSummary {
    /// How many HTML pages were written.
    pub pages: usize,
    /// Raw and brotli size of the browser app (JS glue + loader + wasm), in bytes.
    pub app_bytes: (usize, usize),
    /// Whether wasm-opt ran.
    pub wasm_optimized: bool,
}

/// Builds the whole site into `opts.out`.
pub fn build(opts: &BuildOptions) -> Result<BuildSummary> {
    let started = Instant::now();
    let catalogue = Catalogue::load(&opts.content).map_err(|errors| {
        let list: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        anyhow::anyhow!(
            "nội dung có {} lỗi, chưa dựng trang (dist/ giữ nguyên):\n{}",
            errors.len(),
            list.join("\n")
        )
    })?;
    eprintln!("Đã đọc {} thủ tục từ {}", catalogue.procedures.len(), opts.content.display());

    let stage = staging_dir(&opts.out)?;
    let result = build_into(&stage, catalogue, opts);
    match result {
        Ok(summary) => {
            swap_into_place(&stage, &opts.out)?;
            eprintln!(
                "Xong: {} trang trong {} ({:.1} s)",
                summary.pages,
                opts.out.display(),
                started.elapsed().as_secs_f64()
            );
            Ok(summary)
        }
        Err(e) => {
            let _ = std::fs::remove_dir_all(&stage);
            Err(e)
        }
    }
}

fn build_into(stage: &Path, catalogue: Catalogue, opts: &BuildOptions) -> Result<BuildSummary> {
    let work = stage.join(".work");
    eprintln!("Biên dịch ứng dụng trình duyệt (wasm)…");
    let app = wasm::build_browser_app(&work, wasm::Bundle::Main)?;
    let (loader, loader_url) = write_bundle(stage, "motcua", "app", &app)?;
    let posters_app = wasm::build_browser_app(&work, wasm::Bundle::Posters)?;
    let (_, posters_loader_url) = write_bundle(stage, "motcua-in", "app-in", &posters_app)?;
    let css = std::fs::read(opts.public.join("style.css"))
        .with_context(|| format!("cannot read the stylesheet {}", opts.public.join("style.css").display()))?;
    let css_url = assets::write_hashed(stage, "style", "css", &css)?;
    let poster_css = std::fs::read(opts.public.join("poster.css"))
        .with_context(|| format!("cannot read the poster stylesheet {}", opts.public.join("poster.css").display()))?;
    let poster_css_url = assets::write_hashed(stage, "poster", "css", &poster_css)?;
    std::fs::remove_dir_all(&work)?;
    copy_public(&opts.public, stage)?;

    let index = SiteIndex::new(catalogue, Assets { css: css_url, js: loader_url, poster_js: posters_loader_url, poster_css: poster_css_url });
    let pages = Page::all(&index);
    let t = Instant::now();
    render_all(&index, &pages, stage)?;
    eprintln!("Dựng {} trang: {:.1} s", pages.len(), t.elapsed().as_secs_f64());
    sitemap::write(stage, &index, &pages)?;
    crate::search::native::write_site_files(stage, &index.catalogue)?;
    // Last before compression: the service worker's manifest lists every asset written above.
    offline::write(stage)?;
    let t = Instant::now();
    compress_all(stage)?;
    eprintln!("Nén br/gz: {:.1} s", t.elapsed().as_secs_f64());
    // Thousands of small print files, fetched rarely: written after compression, served as they are.
    posters::write_qr_files(stage, &index)?;
    posters::write_bulk(stage, &index)?;

    let app_raw = app.js.len() + app.wasm.len() + loader.len();
    let app_br = compress::brotli_bytes(&app.js).len()
        + compress::brotli_bytes(&app.wasm).len()
        + compress::brotli_bytes(loader.as_bytes()).len();
    Ok(BuildSummary { pages: pages.len(), app_bytes: (app_raw, app_br), wasm_optimized: app.optimized })
}

/// Writes a bundle's JS glue and wasm, and the loader that starts it, under content-hashed names; returns the
/// loader's text and URL.
fn write_bundle(stage: &Path, stem: &str, loader_stem: &str, app: &wasm::BrowserApp) -> Result<(String, String)> {
    let js = assets::write_hashed(stage, stem, "js", &app.js)?;
    let wasm = assets::write_hashed(stage, &format!("{stem}_bg"), "wasm", &app.wasm)?;
    let loader = include_str!("loader.js").replace("__APP_JS__", &js).replace("__APP_WASM__", &wasm);
    let url = assets::write_hashed(stage, loader_stem, "js", loader.as_bytes())?;
    Ok((loader, url))
}

/// Renders every page on every core, with a progress bar.
fn render_all(index: &SiteIndex, pages: &[Page], stage: &Path) -> Result<()> {
    on_all_cores(pages, "Dựng trang", |page| {
        let path = stage.join(page.output_path(index));
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&path, render_page(*page, index)).with_context(|| format!("cannot write {}", path.display()))
    })
}

/// Writes `.br` and `.gz` beside every text file, on every core.
fn compress_all(stage: &Path) -> Result<()> {
    let files = compress::compressible_files(stage)?;
    on_all_cores(&files, "Nén br/gz", |file| compress::precompress(stage, file))
}

/// Runs `work` on every item, spread over every core, with a progress bar. The first error stops the build, and a
/// panicking item becomes an error too, so a bad page never takes the process down with a half-built site.
fn on_all_cores<T: Sync>(items: &[T], label: &'static str, work: impl Fn(&T) -> Result<()> + Sync) -> Result<()> {
    let bar = progress(items.len(), label);
    let next = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| -> Result<()> {
                    while let Some(item) = items.get(next.fetch_add(1, Ordering::Relaxed)) {
                        work(item)?;
                        bar.inc(1);
                    }
                    Ok(())
                })
            })
            .collect();
        workers.into_iter().try_for_each(|w| w.join().unwrap_or_else(|_| bail!("{label}: a worker thread panicked")))
    })?;
    bar.finish_and_clear();
    Ok(())
}

fn progress(len: usize, label: &'static str) -> ProgressBar {
    let bar = ProgressBar::new(len as u64);
    bar.set_style(
        ProgressStyle::with_template("{prefix} [{bar:30}] {pos}/{len} ({eta})")
            .expect("valid template")
            .progress_chars("=> "),
    );
    bar.set_prefix(label);
    bar
}

/// Copies `public/` into the site, except the stylesheets (written hashed).
fn copy_public(public: &Path, stage: &Path) -> Result<()> {
    if !public.is_dir() {
        bail!("the public folder {} does not exist", public.display());
    }
    let mut stack = vec![public.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            let rel = path.strip_prefix(public).expect("walked from public");
            if path.is_dir() {
                std::fs::create_dir_all(stage.join(rel))?;
                stack.push(path);
            } else if rel != Path::new("style.css") && rel != Path::new("poster.css") {
                std::fs::copy(&path, stage.join(rel)).with_context(|| format!("cannot copy {}", path.display()))?;
            }
        }
    }
    Ok(())
}

/// A fresh folder beside `out` to build into.
fn staging_dir(out: &Path) -> Result<PathBuf> {
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "dist".into());
    let stage = out.with_file_name(format!(".{name}.building"));
    if stage.exists() {
        std::fs::remove_dir_all(&stage).with_context(|| format!("cannot clear {}", stage.display()))?;
    }
    std::fs::create_dir_all(&stage).with_context(|| format!("cannot create {}", stage.display()))?;
    Ok(stage)
}

/// Replaces `out` with `stage` in two renames, so `out` is never half-written.
fn swap_into_place(stage: &Path, out: &Path) -> Result<()> {
    let old = out.with_file_name(format!(
        ".{}.old",
        out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
    ));
    if old.exists() {
        std::fs::remove_dir_all(&old)?;
    }
    if out.exists() {
        std::fs::rename(out, &old).with_context(|| format!("cannot move the old {} aside", out.display()))?;
    }
    std::fs::rename(stage, out).with_context(|| format!("cannot move the new site to {}", out.display()))?;
    if old.exists() {
        std::fs::remove_dir_all(&old)?;
    }
    Ok(())
}
