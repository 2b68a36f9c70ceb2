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
//!
//! A content edit is shown in two steps, so an editor sees it in about a second and not after a whole build:
//! 1. the content folder is loaded and checked again (stage 1 of a build); if it is good, the preview serves
//!    every page from memory, rendered on request with the last build's assets ([`LivePages`]), and reloads
//!    the open pages;
//! 2. the whole site is then built as `motcua build` would; when it is swapped in, the pages come from `dist/`
//!    again (open pages reload once more only if the build changed an asset a page names: the search index).

use super::{BuildOptions, build_keeping, bundles};
use crate::pages::{Assets, Page, SiteIndex, render_page};
use anyhow::Result;
use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Uri, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant, SystemTime};
use tokio::sync::watch;

/// How often the watched folders are looked at. Polling (a few thousand `stat` calls) needs no platform file
/// watcher and sees edits made any way: editors that replace files, `git pull`, network drives.
const POLL: Duration = Duration::from_millis(250);

/// The state of the preview the browser asks about: which build is current and whether the last one failed.
#[derive(Clone, Debug, Default)]
struct Status {
    /// Counts what the open pages were told: an edit shown from memory, a finished build (good or bad).
    version: u64,
    /// The last build's error, with every `file:line`; empty when it succeeded.
    error: String,
}

/// Every page of an edited catalogue, rendered on request from memory until the build that follows the edit
/// is swapped into `dist/`.
struct LivePages {
    index: SiteIndex,
    /// Each page by where a build writes it (`p/1.001193/index.html`).
    by_path: HashMap<String, Page>,
}

impl LivePages {
    fn new(index: SiteIndex) -> LivePages {
        let by_path = Page::all(&index).into_iter().map(|page| (page.output_path(&index), page)).collect();
        LivePages { index, by_path }
    }

    /// The HTML of the page at the URL path `path` (`/p/1.001193/`), or `None` when no page is there.
    fn render(&self, path: &str) -> Option<String> {
        self.by_path.get(&crate::routes::file_of(path)).map(|page| render_page(*page, &self.index))
    }
}

/// What the server answers pages from: `Some` between a content edit and the build that follows it.
type Live = Arc<RwLock<Option<Arc<LivePages>>>>;

/// Builds, then serves `opts.out` on `127.0.0.1:port` with live reload until Ctrl+C.
pub fn preview(opts: &BuildOptions, port: u16) -> Result<()> {
    let mut keep: Option<bundles::Compiled> = None;
    let first = build_keeping(opts, Some(&mut keep));
    let mut status = Status { version: 1, error: String::new() };
    let assets = first.as_ref().ok().map(|summary| summary.assets.clone());
    if let Err(e) = &first {
        // Serve what there is (an older dist/, or nothing) and show the error; the next good edit builds.
        status.error = format!("{e:#}");
        eprintln!("lỗi: {}", status.error);
        if !opts.out.exists() {
            std::fs::create_dir_all(&opts.out)?;
        }
    }
    let (tx, rx) = watch::channel(status);
    let live: Live = Arc::default();
    let rebuild = Rebuild { opts: opts.clone(), keep, assets, live: live.clone(), tx, generation: 0 };
    std::thread::spawn(move || rebuild.watch());
    eprintln!("Xem trước trực tiếp: sửa tệp trong {} hoặc {} thì trang tự tải lại.", opts.content.display(), opts.public.display());
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(super::serve::listen(&opts.out, port, router(&opts.out, rx, live)))
}

/// The preview app: the site as `motcua serve --no-build` serves it, plus the reload script and its endpoint,
/// and pages rendered from memory after an edit.
fn router(dist: &Path, status: watch::Receiver<Status>, live: Live) -> Router {
    let site = super::serve::files(dist).layer(middleware::from_fn_with_state(live, live_pages));
    Router::new()
        .route("/__motcua/reload.js", get(reload_script))
        .route("/__motcua/wait", get(wait))
        .with_state(status)
        .merge(super::serve::with_headers(dist, site).layer(middleware::from_fn(inject_reload)))
}

/// Answers a page from memory while an edit's build runs; everything else (and every page once the build is in
/// `dist/`) comes from the built files.
async fn live_pages(State(live): State<Live>, request: Request, next: Next) -> Response {
    let pages = live.read().ok().and_then(|l| l.clone());
    if let Some(pages) = pages {
        let path = request.uri().path().to_string();
        if let Ok(Some(html)) = tokio::task::spawn_blocking(move || pages.render(&path)).await {
            return ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response();
        }
    }
    next.run(request).await
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

/// The preview's rebuilding side: what it watches, what it keeps between builds, and whom it tells.
///
/// Builds run on their own thread, so an edit saved while one runs is shown from memory at once; a build that
/// finishes after a newer edit is stale (its `dist/` is replaced by the next one) and changes nothing the open
/// pages see.
struct Rebuild {
    opts: BuildOptions,
    /// The compiled browser bundles (content edits never change them); away on the build thread while it runs.
    keep: Option<bundles::Compiled>,
    /// The last good build's assets, which pages rendered from memory name; `None` until a build succeeds.
    assets: Option<Assets>,
    live: Live,
    tx: watch::Sender<Status>,
    /// Counts the changes seen; a build is tagged with the count it started at.
    generation: u64,
}

/// A build on its own thread, tagged with the generation of the change it builds.
type Running = (u64, std::thread::JoinHandle<(Result<super::BuildSummary>, Option<bundles::Compiled>)>);

impl Rebuild {
    /// Polls the watched folders; after a change (and a quiet moment, so a save of many files is one change),
    /// shows the edit from memory when only content changed, and builds the site (after the running build,
    /// if any).
    fn watch(mut self) {
        let folders = [self.opts.content.clone(), self.opts.public.clone()];
        let look = || folders.clone().map(|dir| snapshot(&dir));
        let mut last = look();
        let mut running: Option<Running> = None;
        let mut wanted = false;
        loop {
            std::thread::sleep(POLL);
            if running.as_ref().is_some_and(|(_, thread)| thread.is_finished()) {
                let (generation, thread) = running.take().expect("checked above");
                let (result, keep) = thread.join().unwrap_or_else(|_| (Err(anyhow::anyhow!("the build stopped unexpectedly")), None));
                self.keep = keep;
                self.finished(generation, result);
            }
            if look() != last {
                // Let a burst of saves settle.
                let mut settled = look();
                loop {
                    std::thread::sleep(POLL / 2);
                    let again = look();
                    if again == settled {
                        break;
                    }
                    settled = again;
                }
                let public_changed = settled[1] != last[1];
                last = settled;
                self.generation += 1;
                eprintln!("\nCó thay đổi, dựng lại…");
                wanted = public_changed || self.show_from_memory();
            }
            if wanted && running.is_none() {
                wanted = false;
                let (opts, mut keep) = (self.opts.clone(), self.keep.take());
                let thread = std::thread::spawn(move || (build_keeping(&opts, Some(&mut keep)), keep));
                running = Some((self.generation, thread));
            }
        }
    }

    /// Loads and checks the content again and, if it is good, serves its pages from memory and reloads the open
    /// pages. Returns whether a build should follow (not when the content has errors: they are shown instead).
    fn show_from_memory(&mut self) -> bool {
        let Some(assets) = self.assets.clone() else { return true };
        let started = Instant::now();
        match super::load_catalogue(&self.opts.content) {
            Ok(catalogue) => {
                let pages = LivePages::new(SiteIndex::new(catalogue, assets));
                if let Ok(mut live) = self.live.write() {
                    *live = Some(Arc::new(pages));
                }
                eprintln!("      Trang đã cập nhật trong {:.1} s; đang dựng cả trang…", started.elapsed().as_secs_f64());
                self.tell(String::new());
                true
            }
            Err(e) => {
                self.failed(format!("{e:#}"));
                false
            }
        }
    }

    /// A build of change `generation` finished. If no change came since, pages come from `dist/` again (or,
    /// when it failed, the last good site with the error over it).
    fn finished(&mut self, generation: u64, result: Result<super::BuildSummary>) {
        if let Ok(summary) = &result {
            // Its files are in dist/ now, stale or not: pages shown from memory from now on name them.
            self.assets = Some(summary.assets.clone());
        }
        if generation != self.generation {
            return;
        }
        let shown = self.live.write().ok().and_then(|mut live| live.take());
        match result {
            Ok(summary) => {
                // Pages shown from memory were the built ones unless an asset they name changed.
                if !shown.is_some_and(|pages| pages.index.assets == summary.assets) {
                    self.tell(String::new());
                }
            }
            Err(e) => self.failed(format!("{e:#}")),
        }
    }

    fn failed(&self, error: String) {
        eprintln!("lỗi: {error}\n(Trang cũ vẫn được phục vụ; sửa lỗi rồi lưu lại.)");
        self.tell(error);
    }

    /// Tells the open pages a build finished (they reload, or show `error`).
    fn tell(&self, error: String) {
        self.tx.send_modify(|s| {
            s.version += 1;
            s.error = error;
        });
    }
}

/// Every file under `dir` with its size and modification time.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (u64, Option<SystemTime>)> {
    let mut files = BTreeMap::new();
    let mut stack: Vec<PathBuf> = vec![dir.to_path_buf()];
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
