//! Precompression: a `.br` and a `.gz` beside every text file, so a server sends compressed bytes without
//! compressing on each request (`motcua serve`, nginx `brotli_static`/`gzip_static`, most CDNs).

use anyhow::Result;
use std::io::Write;
use std::path::{Path, PathBuf};

/// File extensions worth compressing.
const COMPRESSIBLE: &[&str] = &["html", "css", "js", "wasm", "xml", "svg", "json", "txt", "webmanifest", "bin"];

/// Brotli-compresses `bytes` at the highest quality (the output is written once and served many times).
pub fn brotli_bytes(bytes: &[u8]) -> Vec<u8> {
    brotli_at(bytes, 11)
}

/// Brotli at a given quality: 11 for what a citizen's phone waits for, 7 for the rest (measured on this site's
/// pages: 7 is 40× faster than 11 for about 10% more bytes, and posters and QR files number in the thousands).
fn brotli_at(bytes: &[u8], quality: i32) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() / 3);
    let params = brotli::enc::BrotliEncoderParams { quality, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("brotli into a Vec cannot fail");
    out
}

fn gzip_bytes(bytes: &[u8]) -> Vec<u8> {
    // Level 6: the same size as 9 on these pages, and gzip is only the fallback for old clients.
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
    enc.write_all(bytes).expect("gzip into a Vec cannot fail");
    enc.finish().expect("gzip into a Vec cannot fail")
}

/// Every compressible file under `dir`.
pub fn compressible_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().and_then(|e| e.to_str()).is_some_and(|e| COMPRESSIBLE.contains(&e)) {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// True for files on the critical path of a citizen's first visit: procedure pages, the home page and the
/// hashed assets (stylesheet, app, search index). They get the slowest, smallest compression.
fn is_critical(rel: &Path) -> bool {
    let first = rel.components().next().map(|c| c.as_os_str().to_string_lossy().into_owned()).unwrap_or_default();
    matches!(first.as_str(), "p" | "assets" | "tim-kiem" | "index.html" | "offline" | "sw.js" | "precache.json")
}

/// Writes `<file>.br` and `<file>.gz` beside `file` (`file` lies under `root`, the site being built).
pub fn precompress(root: &Path, file: &Path) -> Result<()> {
    let bytes = std::fs::read(file)?;
    let quality = if is_critical(file.strip_prefix(root).unwrap_or(file)) { 11 } else { 7 };
    let mut name = file.as_os_str().to_owned();
    name.push(".br");
    std::fs::write(PathBuf::from(&name), brotli_at(&bytes, quality))?;
    let mut name = file.as_os_str().to_owned();
    name.push(".gz");
    std::fs::write(PathBuf::from(&name), gzip_bytes(&bytes))?;
    Ok(())
}
