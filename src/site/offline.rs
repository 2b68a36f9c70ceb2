//! Stage 10, offline manifest. What the service worker (`public/sw.js`) needs from the build: `precache.json`, listing the app shell and
//! the content-hashed assets to store on install, and a `VERSION` stamped into `sw.js` so that every build
//! that changes an asset also changes the worker, and browsers install the update.

use super::output::{Output, content_hash};
use crate::routes::{self, asset};
use anyhow::Result;

/// Pages and files every visitor gets offline after a first visit: home, search, the offline fallback.
pub const SHELL: &[&str] = &[routes::HOME, routes::SEARCH, routes::OFFLINE, "/favicon.svg", "/manifest.webmanifest"];

/// Folders under `assets/` that are not precached: per-procedure files a visitor fetches only when needed.
const ON_DEMAND: &[&str] = &["qr", "posters"];

/// Assets not precached for every visitor: the officers' poster pages' bundle and stylesheet, and the site's
/// stylesheet as a file (every page carries it inline; the file is there for comparison builds and reports).
const NOT_PRECACHED: &[&str] = &[asset::POSTER_GLUE, asset::POSTER_WASM, asset::POSTER_LOADER, asset::POSTER_STYLE, asset::STYLE];

/// Writes `precache.json` and stamps the worker `sw.js` (copied from `public/`) with its version.
pub fn write(out: &Output) -> Result<String> {
    let mut assets: Vec<String> = out.files().into_iter().map(|(rel, _)| rel).filter(|rel| precached(rel)).map(|rel| format!("/{rel}")).collect();
    assets.sort();
    let manifest = serde_json::json!({ "shell": SHELL, "assets": assets });
    let text = serde_json::to_string_pretty(&manifest)?;
    let version = content_hash(text.as_bytes());
    out.write("precache.json", text.as_bytes())?;
    let sw = String::from_utf8(out.read("sw.js").map_err(|_| anyhow::anyhow!("sw.js is missing: public/sw.js must exist"))?)?;
    out.write("sw.js", sw.replace("__VERSION__", &version).as_bytes())?;
    Ok(version)
}

/// True for files under `assets/` every visitor stores: not the on-demand folders, not [`NOT_PRECACHED`].
fn precached(rel: &str) -> bool {
    let Some(rest) = rel.strip_prefix("assets/") else { return false };
    let name = rest.rsplit('/').next().unwrap_or(rest);
    let folder = rest.split('/').next().unwrap_or("");
    !(rest.contains('/') && ON_DEMAND.contains(&folder)) && !NOT_PRECACHED.contains(&asset::stem_of(name))
}
