//! Where a build writes: a fresh staging folder beside `dist/` that replaces it in two renames only when every
//! stage succeeded, and a cache of every output's bytes and compressed variants keyed by content hash.
//!
//! Every file a stage writes goes through [`Output::write`]: its bytes are hashed, stored once in the cache
//! (`.dist.cache/` beside `dist/`) and hard-linked into the staging folder. A file whose bytes did not change
//! since the last build is therefore not rewritten, and its `.br` and `.gz` are not recompressed: they are
//! linked from the cache too. A build that changed one procedure compresses only the few files that changed.
//! Files in `dist/` are links into the cache: replace `dist/` by building, never by editing files in place.

use anyhow::{Context, Result, bail};
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// File extensions worth compressing.
const COMPRESSIBLE: &[&str] = &["html", "css", "js", "wasm", "xml", "svg", "json", "txt", "webmanifest", "bin"];

/// A short, stable hash of `bytes` (xxh3, 10 hex digits) for asset names: changes whenever the file does.
pub fn content_hash(bytes: &[u8]) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(bytes))[..10].to_string()
}

/// The SHA-256 of `bytes` in base64, as a Content-Security-Policy names an inline stylesheet it allows.
pub fn sha256_base64(bytes: &[u8]) -> String {
    use base64::Engine;
    use sha2::Digest;
    base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(bytes))
}

/// A hash of the running program, part of the key of every memoised output: a new build of `motcua` (whose
/// drawing code may have changed) draws everything again.
pub fn build_id() -> &'static str {
    static ID: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ID.get_or_init(|| {
        let exe = std::env::current_exe().and_then(std::fs::read).unwrap_or_else(|_| env!("CARGO_PKG_VERSION").as_bytes().to_vec());
        format!("{:016x}", xxhash_rust::xxh3::xxh3_64(&exe))
    })
}

/// One file written by a stage.
#[derive(Clone, Debug)]
struct Written {
    /// Path under the site root, with `/` separators.
    rel: String,
    /// Whether the compression stage gives it `.br` and `.gz` variants.
    compress: bool,
}

/// The files written so far, in writing order, and each one's cache key by path (the compression stage looks up
/// thousands of them).
#[derive(Default)]
struct Files {
    list: Vec<Written>,
    /// Its cache key (xxh3-128 of its bytes) by path.
    key_of: std::collections::HashMap<String, u128>,
}

impl Files {
    fn push(&mut self, rel: &str, key: u128, compress: bool) {
        self.list.push(Written { rel: rel.to_string(), compress });
        self.key_of.insert(rel.to_string(), key);
    }

    fn remove(&mut self, rel: &str) {
        if self.key_of.remove(rel).is_some() {
            self.list.retain(|w| w.rel != rel);
        }
    }
}

/// A build's output: the staging folder, the cache, and the list of files written so far.
pub struct Output {
    stage: PathBuf,
    out: PathBuf,
    cache: PathBuf,
    written: Mutex<Files>,
    /// Cache entries this build used (kept when the cache is pruned).
    used: Mutex<HashSet<String>>,
    /// Files compressed this build (not found in the cache), for the summary.
    pub(super) compressed_fresh: std::sync::atomic::AtomicUsize,
}

impl Output {
    /// Makes a fresh staging folder for a build of `out` (`.dist.building/` beside it) and opens its cache.
    pub fn create(out: &Path) -> Result<Output> {
        let stage = sibling(out, "building");
        if stage.exists() {
            std::fs::remove_dir_all(&stage).with_context(|| format!("cannot clear {}", stage.display()))?;
        }
        std::fs::create_dir_all(&stage).with_context(|| format!("cannot create {}", stage.display()))?;
        // Created by the first write, so a build that fails before writing anything leaves no trace.
        let cache = sibling(out, "cache");
        Ok(Output {
            stage,
            out: out.to_path_buf(),
            cache,
            written: Mutex::new(Files::default()),
            used: Mutex::new(HashSet::new()),
            compressed_fresh: Default::default(),
        })
    }

    /// The staging folder, for reading back what was written (tests, the budget).
    pub fn root(&self) -> &Path {
        &self.stage
    }

    /// Writes `bytes` at `rel` (a path under the site root, `/`-separated), compressed later if its kind is.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        let compress = Path::new(rel).extension().and_then(|e| e.to_str()).is_some_and(|e| COMPRESSIBLE.contains(&e));
        self.put(rel, bytes, compress)
    }

    /// Writes `bytes` at `rel` with no compressed variants: print files fetched rarely, by the thousand.
    pub fn write_plain(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        self.put(rel, bytes, false)
    }

    /// Writes at `rel` (no compressed variants) the bytes `make` gives, calling it only when no earlier build
    /// made bytes for the same `key` (a hash of everything the bytes depend on): QR codes and print posters, which
    /// take seconds to draw and rarely change.
    pub fn write_plain_memo(&self, rel: &str, key: &[u8], make: impl FnOnce() -> Vec<u8>) -> Result<()> {
        let alias = format!("{:032x}.memo", xxhash_rust::xxh3::xxh3_128(key));
        let known = std::fs::read_to_string(self.cache_path(&alias)).ok().filter(|name| self.cache_path(name.trim()).exists());
        if let Some(name) = known {
            let name = name.trim().to_string();
            self.used.lock().expect("not poisoned").insert(name.clone());
            self.used.lock().expect("not poisoned").insert(alias);
            self.link(&name, rel)?;
            let key = u128::from_str_radix(&name, 16).unwrap_or_default();
            self.written.lock().expect("not poisoned").push(rel, key, false);
            return Ok(());
        }
        let bytes = make();
        let name = format!("{:032x}", xxhash_rust::xxh3::xxh3_128(&bytes));
        self.put(rel, &bytes, false)?;
        self.store(&alias, || Ok(name.into_bytes()))?;
        Ok(())
    }

    /// Writes `bytes` under `assets/` as `<stem>.<hash>.<ext>` and returns its URL path (`/assets/…`).
    pub fn write_hashed(&self, stem: &str, ext: &str, bytes: &[u8]) -> Result<String> {
        let rel = format!("assets/{stem}.{}.{ext}", content_hash(bytes));
        self.write(&rel, bytes)?;
        Ok(format!("/{rel}"))
    }

    fn put(&self, rel: &str, bytes: &[u8], compress: bool) -> Result<()> {
        check_rel(rel)?;
        let key = xxhash_rust::xxh3::xxh3_128(bytes);
        let name = format!("{key:032x}");
        self.store(&name, || Ok(bytes.to_vec()))?;
        self.link(&name, rel)?;
        self.written.lock().expect("not poisoned").push(rel, key, compress);
        Ok(())
    }

    /// Makes sure the cache holds `name`, computing its bytes only when it does not.
    fn store(&self, name: &str, make: impl FnOnce() -> Result<Vec<u8>>) -> Result<bool> {
        self.used.lock().expect("not poisoned").insert(name.to_string());
        let path = self.cache_path(name);
        if path.exists() {
            return Ok(false);
        }
        let bytes = make()?;
        std::fs::create_dir_all(path.parent().expect("cache entries sit in a folder"))?;
        // Write beside, then rename: a build stopped half-way never leaves a half-written cache entry.
        let tmp = path.with_extension(format!("tmp{}", std::process::id()));
        std::fs::write(&tmp, &bytes).with_context(|| format!("cannot write the build cache {}", tmp.display()))?;
        std::fs::rename(&tmp, &path)?;
        Ok(true)
    }

    fn cache_path(&self, name: &str) -> PathBuf {
        self.cache.join(&name[..2]).join(name)
    }

    /// Puts the cache entry `name` at `rel` in the staging folder: a hard link (a copy where links fail).
    fn link(&self, name: &str, rel: &str) -> Result<()> {
        let to = self.stage.join(rel);
        if let Some(dir) = to.parent() {
            std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        }
        // A file written twice (the worker stamped after public/ was copied): never write through a link.
        if to.exists() {
            std::fs::remove_file(&to)?;
            self.written.lock().expect("not poisoned").remove(rel);
        }
        let from = self.cache_path(name);
        if std::fs::hard_link(&from, &to).is_err() {
            std::fs::copy(&from, &to).with_context(|| format!("cannot write {}", to.display()))?;
        }
        Ok(())
    }

    /// Reads back a file written earlier in this build.
    pub fn read(&self, rel: &str) -> Result<Vec<u8>> {
        std::fs::read(self.stage.join(rel)).with_context(|| format!("{rel} was not written by an earlier stage"))
    }

    /// Every file written so far, as `(path under the root, compress?)`, in writing order.
    pub fn files(&self) -> Vec<(String, bool)> {
        self.written.lock().expect("not poisoned").list.iter().map(|w| (w.rel.clone(), w.compress)).collect()
    }

    /// Gives `rel` (written earlier) its `.br` and `.gz` variants, from the cache when its bytes were compressed
    /// before. `brotli` makes the `.br` bytes; `effort` names how (a quality), as part of the cache key.
    pub fn precompress(&self, rel: &str, effort: &str, brotli: impl FnOnce(&[u8]) -> Vec<u8>) -> Result<()> {
        let key = self.written.lock().expect("not poisoned").key_of.get(rel).copied().context("precompress: file not written")?;
        // Read once, and only when a variant is not in the cache yet.
        let bytes = std::cell::OnceCell::new();
        let read = || -> Result<&[u8]> {
            if bytes.get().is_none() {
                let _ = bytes.set(self.read(rel)?);
            }
            Ok(bytes.get().map(Vec::as_slice).unwrap_or_default())
        };
        let br = format!("{key:032x}.br{effort}");
        let fresh = self.store(&br, || Ok(brotli(read()?)))?;
        self.link(&br, &format!("{rel}.br"))?;
        let gz = format!("{key:032x}.gz");
        self.store(&gz, || Ok(gzip_bytes(read()?)))?;
        self.link(&gz, &format!("{rel}.gz"))?;
        if fresh {
            self.compressed_fresh.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        Ok(())
    }

    /// Replaces `dist/` with the staging folder in two renames, so `dist/` is never half-written, then drops
    /// cache entries this build did not use (the cache never holds more than one site's worth).
    pub fn finish(self) -> Result<()> {
        let old = sibling(&self.out, "old");
        if old.exists() {
            std::fs::remove_dir_all(&old)?;
        }
        if self.out.exists() {
            std::fs::rename(&self.out, &old).with_context(|| format!("cannot move the old {} aside", self.out.display()))?;
        }
        std::fs::rename(&self.stage, &self.out).with_context(|| format!("cannot move the new site to {}", self.out.display()))?;
        if old.exists() {
            std::fs::remove_dir_all(&old)?;
        }
        let used = self.used.into_inner().expect("not poisoned");
        prune(&self.cache, &used);
        Ok(())
    }

    /// Removes the staging folder of a failed build; `dist/` and the cache stay as they were.
    pub fn abandon(self) {
        let _ = std::fs::remove_dir_all(&self.stage);
    }
}

/// `.dist.building`, `.dist.cache`, `.dist.old`: hidden folders beside `out`.
fn sibling(out: &Path, what: &str) -> PathBuf {
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "dist".into());
    out.with_file_name(format!(".{name}.{what}"))
}

/// Refuses paths that would leave the site root.
fn check_rel(rel: &str) -> Result<()> {
    if rel.is_empty() || rel.starts_with('/') || rel.split('/').any(|c| c == ".." || c.is_empty()) || rel.contains('\\') {
        bail!("internal error: output path {rel:?} is not a plain path under the site root");
    }
    Ok(())
}

/// Deletes cache entries not in `used` (best effort: a cache entry left behind only costs disk).
fn prune(cache: &Path, used: &HashSet<String>) {
    let Ok(dirs) = std::fs::read_dir(cache) else { return };
    for dir in dirs.flatten() {
        let Ok(entries) = std::fs::read_dir(dir.path()) else { continue };
        for e in entries.flatten() {
            if !used.contains(e.file_name().to_string_lossy().as_ref()) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

/// Brotli-compresses `bytes` at the highest quality (what a byte budget measures: the site serves the same).
pub fn brotli_bytes(bytes: &[u8]) -> Vec<u8> {
    brotli_at(bytes, 11)
}

/// Brotli at a given quality (0–11; which file gets which is the compression stage's choice, `compress.rs`),
/// with a 4 MB window.
pub(super) fn brotli_at(bytes: &[u8], quality: u32) -> Vec<u8> {
    brotli_with(bytes, quality, 22)
}

/// Brotli at `quality` with a window of 2^`lgwin` bytes (10–24).
pub(super) fn brotli_with(bytes: &[u8], quality: u32, lgwin: u32) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() / 3);
    let params = brotli::enc::BrotliEncoderParams { quality: quality as i32, lgwin: lgwin as i32, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("brotli into a Vec cannot fail");
    out
}

fn gzip_bytes(bytes: &[u8]) -> Vec<u8> {
    // Level 6: the same size as 9 on these pages, and gzip is only the fallback for old clients.
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
    enc.write_all(bytes).expect("gzip into a Vec cannot fail");
    enc.finish().expect("gzip into a Vec cannot fail")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_stable_and_changes_with_content() {
        assert_eq!(content_hash(b"a"), content_hash(b"a"));
        assert_ne!(content_hash(b"a"), content_hash(b"b"));
        assert_eq!(content_hash(b"a").len(), 10);
    }

    #[test]
    fn unchanged_files_come_from_the_cache_and_a_failed_build_leaves_dist_alone() {
        let dir = std::env::temp_dir().join(format!("motcua-output-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let dist = dir.join("dist");
        let build = |text: &str| -> usize {
            let out = Output::create(&dist).unwrap();
            out.write("index.html", text.as_bytes()).unwrap();
            out.write("same.html", b"same").unwrap();
            for (rel, _) in out.files() {
                out.precompress(&rel, "5", |b| brotli_at(b, 5)).unwrap();
            }
            let fresh = out.compressed_fresh.load(std::sync::atomic::Ordering::Relaxed);
            out.finish().unwrap();
            fresh
        };
        assert_eq!(build("one"), 2, "a first build compresses everything");
        assert_eq!(build("two"), 1, "only the changed file is compressed again");
        assert_eq!(std::fs::read(dist.join("index.html")).unwrap(), b"two");
        assert!(dist.join("same.html.br").exists() && dist.join("index.html.gz").exists());
        // A build that fails before finish() leaves dist/ as it was.
        let out = Output::create(&dist).unwrap();
        out.write("index.html", b"three").unwrap();
        out.abandon();
        assert_eq!(std::fs::read(dist.join("index.html")).unwrap(), b"two");
        assert!(Output::create(&dist).unwrap().write("../x", b"").is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
