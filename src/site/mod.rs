//! The site builder (`motcua build`), the content check (`motcua check`) and the local server and live preview
//! (`motcua serve`).
//!
//! A build is a pipeline of named stages over one [`Build`] context, each stage a function in its own file, in
//! the order data flows:
//!
//! | # | stage | file | makes |
//! | --- | --- | --- | --- |
//! | 1 | load and check content | `content.rs` | the [`Catalogue`], or every problem as `file:line` |
//! | 2 | search index | `search_index.rs` | the tantivy index and the browser's export of it |
//! | 3 | browser bundles | `bundles.rs` | the wasm apps (main, posters) and stylesheets, content-hashed |
//! | 4 | search files | `search_files.rs` | `assets/search-<hash>/` and `search.txt` |
//! | 5 | pages | `pages.rs` | every page rendered to HTML, and `public/` copied |
//! | 6 | dossier basket entries | `basket.rs` | `gio-ho-so/d/<code>.json`, what each procedure brings to a basket |
//! | 7 | centre data | `centres.rs` | `tt/<slug>/tt.json`, a centre's desks and phones for procedure pages |
//! | 8 | QR and posters | `posters.rs` | `qr/<code>.{svg,png}`, `posters/…` |
//! | 9 | updates feed | `updates.rs` | `/cap-nhat.xml` from `content/changes.toml` |
//! | 10 | offline manifest | `offline.rs` | `precache.json`, the service worker's version |
//! | 11 | sitemap | `sitemap.rs` | `sitemap.xml`, `robots.txt` |
//! | 12 | compression | `compress.rs` | `.br` and `.gz` beside every text file |
//!
//! Every stage writes through [`Output`] (`output.rs`): a fresh staging folder that replaces `dist/` only when
//! every stage succeeded, so a failed build never leaves a half-written site, and a cache keyed by content hash,
//! so a file whose bytes did not change is neither rewritten nor recompressed.

mod basket;
mod bundles;
mod centres;
mod compress;
mod content;
mod csr;
mod offline;
mod output;
mod pages;
mod posters;
mod preview;
mod search_files;
mod search_index;
mod serve;
mod sitemap;
mod updates;
pub mod budget;

pub use content::{check, load_catalogue};
pub use csr::{CsrOptions, build_csr};
pub use output::{brotli_bytes, content_hash, sha256_base64};
pub use posters::export_centres as export_centre_posters;
pub use posters::procedure_svg;
pub use preview::preview;
pub use serve::serve;

use crate::content::Catalogue;
use crate::pages::{Assets, SiteIndex};
use crate::search::build_index::SearchIndex;
use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};
use output::Output;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

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
    /// Print every stage's time at the end, one `stage<TAB>seconds` line each (for reports).
    #[arg(long)]
    pub timings: bool,
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
    /// Each stage's name and how long it took, in order.
    pub stages: Vec<(&'static str, Duration)>,
    /// How many files were compressed afresh (the rest came from the cache).
    pub compressed: usize,
    /// The built assets the pages name (the live preview renders edited pages with them until the next build).
    pub assets: Assets,
}

/// Everything a build's stages share: the options, what earlier stages made, and where it is all written.
pub struct Build<'a> {
    /// What to build from and where to.
    pub opts: &'a BuildOptions,
    /// The staging folder and the cache.
    pub out: Output,
    /// The compiled browser bundles, when the caller keeps them between builds (the live preview).
    keep: Option<&'a mut Option<bundles::Compiled>>,
    timings: Vec<(&'static str, Duration)>,
    step: usize,
}

/// How many stages a build runs, for the "[3/12]" in the progress lines.
const STAGES: usize = 12;

impl Build<'_> {
    /// Runs one stage, printing its number and name, and how long it took when that was over a second.
    fn stage<T>(&mut self, name: &'static str, run: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        self.step += 1;
        eprintln!("[{}/{STAGES}] {name}…", self.step);
        let t = Instant::now();
        let result = run(self);
        let took = t.elapsed();
        if result.is_ok() && took > Duration::from_secs(1) {
            eprintln!("      {name}: {:.1} s", took.as_secs_f64());
        }
        self.timings.push((name, took));
        result
    }
}

/// Builds the whole site into `opts.out`. On any error `opts.out` is left as it was.
pub fn build(opts: &BuildOptions) -> Result<BuildSummary> {
    build_keeping(opts, None)
}

/// [`build`], keeping the compiled browser bundles in `keep` between calls (content never changes them).
fn build_keeping(opts: &BuildOptions, keep: Option<&mut Option<bundles::Compiled>>) -> Result<BuildSummary> {
    let started = Instant::now();
    let out = Output::create(&opts.out)?;
    let mut b = Build { opts, out, keep, timings: Vec::new(), step: 0 };
    match run_stages(&mut b) {
        Ok(mut summary) => {
            summary.stages = std::mem::take(&mut b.timings);
            b.out.finish()?;
            if opts.timings {
                for (name, took) in &summary.stages {
                    println!("{name}\t{:.2}", took.as_secs_f64());
                }
            }
            eprintln!(
                "Xong: {} trang trong {} ({:.1} s; nén mới {} tệp, còn lại lấy từ bộ đệm)",
                summary.pages,
                opts.out.display(),
                started.elapsed().as_secs_f64(),
                summary.compressed
            );
            Ok(summary)
        }
        Err(e) => {
            b.out.abandon();
            Err(e)
        }
    }
}

fn run_stages(b: &mut Build) -> Result<BuildSummary> {
    let catalogue: Catalogue = b.stage("Đọc và kiểm tra nội dung", |b| content::load_catalogue(&b.opts.content))?;
    eprintln!("      {} thủ tục từ {}", catalogue.procedures.len(), b.opts.content.display());
    let search: SearchIndex = b.stage("Chỉ mục tìm kiếm (tantivy)", |b| search_index::build(&catalogue, &b.opts.content))?;
    let apps = b.stage("Ứng dụng trình duyệt và giao diện", |b| bundles::write(&b.out, &b.opts.public, b.keep.as_deref_mut()))?;
    let search_dir = b.stage("Tệp tìm kiếm", |b| search_files::write(&b.out, &catalogue, &search))?;
    let assets = Assets { search_index: search_dir, ..apps.assets.clone() };
    let index = SiteIndex::new(catalogue, assets.clone());
    let pages = b.stage("Dựng trang", |b| pages::write(&b.out, &index, &b.opts.public))?;
    b.stage("Giỏ hồ sơ", |b| basket::write(&b.out, &index))?;
    b.stage("Trung tâm", |b| centres::write(&b.out, &index))?;
    b.stage("Mã QR và áp phích", |b| posters::write(&b.out, &index))?;
    b.stage("Tin cập nhật", |b| updates::write(&b.out, &index))?;
    b.stage("Danh sách dùng khi mất mạng", |b| offline::write(&b.out).map(|_| ()))?;
    b.stage("Sơ đồ trang", |b| sitemap::write(&b.out, &index, &pages))?;
    let rarely_opened = compress::rarely_opened(&index.catalogue.procedures);
    let compressed = b.stage("Nén br/gz", |b| compress::all(&b.out, &rarely_opened))?;
    Ok(BuildSummary {
        pages: pages.len(),
        app_bytes: apps.bytes,
        wasm_optimized: apps.optimized,
        stages: Vec::new(),
        compressed,
        assets,
    })
}

/// Runs `work` on every item, spread over every core, with a progress bar (when there are enough items to
/// watch). The first error stops the work, and a panicking item becomes an error too, so a bad page never takes
/// the process down with a half-built site.
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
        workers
            .into_iter()
            .try_for_each(|w| w.join().unwrap_or_else(|_| anyhow::bail!("{label}: a worker thread panicked")))
    })?;
    bar.finish_and_clear();
    Ok(())
}

fn progress(len: usize, label: &'static str) -> ProgressBar {
    let bar = ProgressBar::new(len as u64);
    bar.set_style(
        ProgressStyle::with_template("      {prefix} [{bar:30}] {pos}/{len} ({elapsed}, còn {eta})")
            .expect("valid template")
            .progress_chars("=> "),
    );
    bar.set_prefix(label);
    bar
}
