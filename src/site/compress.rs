//! Stage 12, compression: a `.br` and a `.gz` beside every text file written so far, so a server sends
//! compressed bytes without compressing on each request (`motcua serve`, nginx `brotli_static`/`gzip_static`,
//! most CDNs). Variants of bytes compressed by an earlier build come from the cache (see `output.rs`).

use super::output::Output;
use anyhow::Result;

/// Brotli quality for the hashed assets every visitor downloads (app, stylesheet, search index): few files.
const ASSET_QUALITY: u32 = 11;
/// Brotli quality for the pages a citizen's first visit waits for (procedure pages, home, search): thousands of
/// files. Measured on the 2,643 procedure pages with this crate's brotli, one core: 10 gives 2.1 % more bytes
/// than 11 (11.00 against 10.77 MB in all; about 200 bytes on a 10 KB page) in less than half the time (44
/// against 96 s), which takes a cold build's compression from 47 s to about 24 s on two cores.
const PAGE_QUALITY: u32 = 10;
/// Brotli quality for the rest: 40× faster than 11 on this site's pages, for about 10 % more bytes.
const OTHER_QUALITY: u32 = 7;

/// Compresses every compressible file written so far, on every core; returns how many were compressed afresh.
pub fn all(out: &Output) -> Result<usize> {
    let files: Vec<String> = out.files().into_iter().filter(|(_, c)| *c).map(|(rel, _)| rel).collect();
    let before = out.compressed_fresh.load(std::sync::atomic::Ordering::Relaxed);
    super::on_all_cores(&files, "Nén br/gz", |rel| {
        let quality = match is_critical(rel) {
            true if rel.starts_with("assets/") => ASSET_QUALITY,
            true => PAGE_QUALITY,
            false => OTHER_QUALITY,
        };
        out.precompress(rel, quality)
    })?;
    Ok(out.compressed_fresh.load(std::sync::atomic::Ordering::Relaxed) - before)
}

/// True for files on the critical path of a citizen's first visit: procedure pages, the home page and the
/// hashed assets (stylesheet, app, search index). They get the slowest, smallest compression.
fn is_critical(rel: &str) -> bool {
    let first = rel.split('/').next().unwrap_or("");
    matches!(first, "p" | "assets" | "tim-kiem" | "index.html" | "offline" | "sw.js" | "precache.json")
}
