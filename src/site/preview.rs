//! `motcua serve`: a live preview. It builds the site, serves it, watches `content/` and `public/`, rebuilds
//! when a file changes and reloads every open page by itself. A build error is printed in the terminal and shown
//! over the page in the browser, with its `file:line`; the last good site keeps being served meanwhile.
//!
//! The reload script (`/__motcua/reload.js`) exists only in the preview: the server adds its `<script src>` to
//! the HTML it sends and never writes it to `dist/`. It is a same-origin file, so the site's strict
//! Content-Security-Policy (`script-src 'self'`) allows it with nothing inline. It long-polls
//! `/__motcua/wait?v=<build>`, which answers when a build finishes.
//!
//! The browser bundles are compiled once per preview: content edits never change them.

use super::{BuildOptions, build_keeping, bundles};
use anyhow::Result;
use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Uri, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};
use tokio::sync::watch;

/// How often the watched folders are looked at. Polling (a few thousand `stat` calls) needs no platform file
/// watcher and sees edits made any way: editors that replace files, `git pull`, network drives.
const POLL: Duration = Duration::from_millis(250);

/// The state of the preview the browser asks about: which build is current and whether the last one failed.
#[derive(Clone, Debug, Default)]
struct Status {
    /// Counts finished builds (good or bad).
    version: u64,
    /// The last build's error, with every `file:line`; empty when it succeeded.
    error: String,
}

/// Builds, then serves `opts.out` on `127.0.0.1:port` with live reload until Ctrl+C.
pub fn preview(opts: &BuildOptions, port: u16) -> Result<()> {
    let mut keep: Option<bundles::Compiled> = None;
    let first = build_keeping(opts, Some(&mut keep));
    let mut status = Status { version: 1, error: String::new() };
    if let Err(e) = &first {
        // Serve what there is (an older dist/, or nothing) and show the error; the next good edit builds.
        status.error = format!("{e:#}");
        eprintln!("lỗi: {}", status.error);
        if !opts.out.exists() {
            std::fs::create_dir_all(&opts.out)?;
        }
    }
    let (tx, rx) = watch::channel(status);
    let watched = vec![opts.content.clone(), opts.public.clone()];
    let rebuild_opts = opts.clone();
    std::thread::spawn(move || watch_and_rebuild(&rebuild_opts, &watched, keep, tx));
    eprintln!("Xem trước trực tiếp: sửa tệp trong {} hoặc {} thì trang tự tải lại.", opts.content.display(), opts.public.display());
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(super::serve::listen(&opts.out, port, router(&opts.out, rx)))
}

/// The preview app: the site as `motcua serve --no-build` serves it, plus the reload script and its endpoint.
fn router(dist: &Path, status: watch::Receiver<Status>) -> Router {
    Router::new()
        .route("/__motcua/reload.js", get(reload_script))
        .route("/__motcua/wait", get(wait))
        .with_state(status)
        .merge(super::serve::router(dist).layer(middleware::from_fn(inject_reload)))
}

async fn reload_script() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8"), (header::CACHE_CONTROL, "no-store")], RELOAD_JS)
}

/// Answers `<version>\n<error>` when the build after `v` finishes, or after 25 s (the script asks again).
async fn wait(State(mut status): State<watch::Receiver<Status>>, uri: Uri) -> impl IntoResponse {
    let seen: Option<u64> = uri.query().and_then(|q| q.strip_prefix("v=")).and_then(|v| v.parse().ok());
    if let Some(seen) = seen {
        let changed = status.wait_for(|s| s.version != seen);
        let _ = tokio::time::timeout(Duration::from_secs(25), changed).await;
    }
    let s = status.borrow().clone();
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8"), (header::CACHE_CONTROL, "no-store")], format!("{}\n{}", s.version, s.error))
}

/// Adds the reload script to every HTML page the preview sends (asked for uncompressed, so it can be edited).
async fn inject_reload(mut request: Request, next: Next) -> Response {
    request.headers_mut().remove(header::ACCEPT_ENCODING);
    let response = next.run(request).await;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/html"));
    if !is_html {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024 * 1024).await else {
        return Response::from_parts(parts, Body::empty());
    };
    let html = String::from_utf8_lossy(&bytes);
    let tag = "<script type=\"module\" src=\"/__motcua/reload.js\"></script>";
    let html = match html.rfind("</body>") {
        Some(at) => format!("{}{tag}{}", &html[..at], &html[at..]),
        None => format!("{html}{tag}"),
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Response::from_parts(parts, Body::from(html))
}

/// Polls the watched folders; after a change (and a quiet moment, so a save of many files is one build),
/// rebuilds and tells the open pages.
fn watch_and_rebuild(opts: &BuildOptions, watched: &[PathBuf], mut keep: Option<bundles::Compiled>, tx: watch::Sender<Status>) {
    let mut last = snapshot(watched);
    loop {
        std::thread::sleep(POLL);
        let now = snapshot(watched);
        if now == last {
            continue;
        }
        // Let a burst of saves settle.
        let mut settled = now;
        loop {
            std::thread::sleep(POLL / 2);
            let again = snapshot(watched);
            if again == settled {
                break;
            }
            settled = again;
        }
        last = settled;
        eprintln!("\nCó thay đổi, dựng lại…");
        let error = match build_keeping(opts, Some(&mut keep)) {
            Ok(_) => String::new(),
            Err(e) => {
                let text = format!("{e:#}");
                eprintln!("lỗi: {text}\n(Trang cũ vẫn được phục vụ; sửa lỗi rồi lưu lại.)");
                text
            }
        };
        tx.send_modify(|s| {
            s.version += 1;
            s.error = error;
        });
    }
}

/// Every file under the watched folders with its size and modification time.
fn snapshot(dirs: &[PathBuf]) -> BTreeMap<PathBuf, (u64, Option<SystemTime>)> {
    let mut files = BTreeMap::new();
    let mut stack: Vec<PathBuf> = dirs.to_vec();
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let Ok(meta) = entry.metadata() else { continue };
            if meta.is_dir() {
                stack.push(entry.path());
            } else {
                files.insert(entry.path(), (meta.len(), meta.modified().ok()));
            }
        }
    }
    files
}

/// The browser side of the preview: reload when a build finishes, show its error over the page if it failed.
const RELOAD_JS: &str = r##"// motcua serve: live preview (never part of the built site).
let version = null;
let box = null;
function show(error) {
  if (!error) { if (box) { box.remove(); box = null; } return; }
  if (!box) {
    box = document.createElement("pre");
    box.setAttribute("role", "alert");
    const s = box.style;
    s.position = "fixed"; s.left = "0"; s.right = "0"; s.bottom = "0"; s.zIndex = "2147483647";
    s.maxHeight = "60vh"; s.overflow = "auto"; s.margin = "0"; s.padding = "1em";
    s.background = "#fff4f4"; s.color = "#8a1111"; s.borderTop = "4px solid #c62828";
    s.font = "15px/1.45 system-ui, sans-serif"; s.whiteSpace = "pre-wrap";
    document.body.append(box);
  }
  box.textContent = "Dựng trang lỗi — trang đang xem là bản cũ. Sửa rồi lưu lại:\n\n" + error;
}
for (;;) {
  try {
    const r = await fetch("/__motcua/wait" + (version === null ? "" : "?v=" + version), { cache: "no-store" });
    const text = await r.text();
    const nl = text.indexOf("\n");
    const next = text.slice(0, nl), error = text.slice(nl + 1);
    if (version !== null && next !== version && !error) { location.reload(); break; }
    version = next;
    show(error);
  } catch (e) {
    await new Promise((done) => setTimeout(done, 2000));
  }
}
"##;
