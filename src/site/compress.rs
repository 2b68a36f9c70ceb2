//! Precompression: a `.br` and a `.gz` beside every text file, so a server sends compressed bytes without
//! compressing on each request (`motcua serve`, nginx `brotli_static`/`gzip_static`, most CDNs).

use anyhow::Result;
use std::io::Write;
use std::path::{Path, PathBuf};

/// File extensions worth compressing.
const COMPRESSIBLE: &[&str] = &["html", "css", "js", "wasm", "xml", "svg", "json", "txt", "webmanifest", "bin"];

/// Brotli-compresses `bytes` at the highest quality (the output is written once and served many times).
pub fn brotli_bytes(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() / 3);
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("brotli into a Vec cannot fail");
    out
}

fn gzip_bytes(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
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

/// Writes `<file>.br` and `<file>.gz` beside `file`.
pub fn precompress(file: &Path) -> Result<()> {
    let bytes = std::fs::read(file)?;
    let mut name = file.as_os_str().to_owned();
    name.push(".br");
    std::fs::write(PathBuf::from(&name), brotli_bytes(&bytes))?;
    let mut name = file.as_os_str().to_owned();
    name.push(".gz");
    std::fs::write(PathBuf::from(&name), gzip_bytes(&bytes))?;
    Ok(())
}
