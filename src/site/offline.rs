//! What the service worker (`public/sw.js`) needs from the build: `precache.json`, listing the app shell and
//! the content-hashed assets to store on install, and a `VERSION` stamped into `sw.js` so that every build
//! that changes an asset also changes the worker, and browsers install the update.

use super::assets::content_hash;
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};

/// Pages and files every visitor gets offline after a first visit: home, search, the offline fallback.
pub const SHELL: &[&str] = &["/", "/tim-kiem/", "/offline/", "/favicon.svg", "/manifest.webmanifest"];

/// Folders under `assets/` that are not precached: per-procedure files a visitor fetches only when needed.
const ON_DEMAND: &[&str] = &["qr", "posters"];

/// Assets of the officers' poster pages (their bundle and stylesheet): not precached for every visitor.
const POSTER_ASSETS: &[&str] = &["motcua-in.", "motcua-in_bg.", "app-in.", "poster."];

/// Writes `precache.json` and stamps the worker in `dist/sw.js` (copied from `public/`) with its version.
pub fn write(dist: &Path) -> Result<String> {
    let mut assets = Vec::new();
    collect(&dist.join("assets"), dist, &mut assets)?;
    assets.sort();
    let manifest = serde_json::json!({ "shell": SHELL, "assets": assets });
    let text = serde_json::to_string_pretty(&manifest)?;
    let version = content_hash(text.as_bytes());
    std::fs::write(dist.join("precache.json"), &text)?;
    let sw_path = dist.join("sw.js");
    let sw = std::fs::read_to_string(&sw_path).with_context(|| format!("{} is missing (public/sw.js)", sw_path.display()))?;
    std::fs::write(&sw_path, sw.replace("__VERSION__", &version))?;
    Ok(version)
}

fn collect(dir: &Path, dist: &Path, out: &mut Vec<String>) -> Result<()> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Ok(()) };
    for entry in entries {
        let path: PathBuf = entry?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        if path.is_dir() {
            if !ON_DEMAND.contains(&name.as_str()) {
                collect(&path, dist, out)?;
            }
        } else if !name.ends_with(".br") && !name.ends_with(".gz") && !POSTER_ASSETS.iter().any(|p| name.starts_with(p)) {
            let rel = path.strip_prefix(dist).expect("under dist").to_string_lossy().replace('\\', "/");
            out.push(format!("/{rel}"));
        }
    }
    Ok(())
}
