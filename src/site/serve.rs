//! `motcua serve`: serves `dist/` on 127.0.0.1 with precompressed variants and the right cache headers.
//!
//! Hashed files under `/assets/` never change, so browsers keep them a year; HTML, the sitemap and anything
//! else must be revalidated (`no-cache`) so a new build shows at once.

use anyhow::{Context, Result};
use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::middleware::{self, Next};
use axum::serve::ListenerExt;
use axum::response::Response;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::SystemTime;
use tower_http::services::{ServeDir, ServeFile};

/// Serves `dir` on `127.0.0.1:port` until interrupted.
pub fn serve(dir: &Path, port: u16) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(listen(dir, port, router(dir)))
}

/// Serves `app` on `127.0.0.1:port` until Ctrl+C (the live preview serves its own app this way).
pub async fn listen(dir: &Path, port: u16, app: Router) -> Result<()> {
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen on {addr}: is another server using port {port}? Try --port"))?
        // Without TCP_NODELAY a response's last small segment waits for the client's delayed ACK: every
        // page took 40 ms longer under load (the load run in tests/serve.rs showed p50 = p99 ≈ 44 ms).
        .tap_io(|tcp| {
            let _ = tcp.set_nodelay(true);
        });
    eprintln!("Đang phục vụ {} tại http://{addr}/ (Ctrl+C để dừng)", dir.display());
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}

/// The HTTP app: static files, a 404 page, cache and security headers.
pub fn router(dir: &Path) -> Router {
    with_headers(dir, files(dir))
}

/// The built files of `dir`, their precompressed variants, and its 404 page.
pub fn files(dir: &Path) -> Router {
    let files = ServeDir::new(dir)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(true)
        .not_found_service(ServeFile::new(dir.join("404.html")).precompressed_br().precompressed_gzip());
    Router::new().fallback_service(files)
}

/// `app` with the site's cache and security headers on every response (the policy read from `dir`'s build).
pub fn with_headers(dir: &Path, app: Router) -> Router {
    app.layer(middleware::from_fn_with_state(Arc::new(Policy::new(dir)), headers))
}

/// The Content-Security-Policy the server sends: the one the site's pages carry, which names their inline
/// stylesheet by its hash. It is worked out from the built stylesheet, again whenever `dist/assets` is
/// replaced (a live preview's rebuild swaps in a new folder), so it is never stale and costs one `stat` a request.
struct Policy {
    assets: PathBuf,
    current: RwLock<(Option<SystemTime>, HeaderValue)>,
}

impl Policy {
    fn new(dir: &Path) -> Policy {
        Policy { assets: dir.join("assets"), current: RwLock::new((None, HeaderValue::from_static(""))) }
    }

    fn header(&self) -> HeaderValue {
        let stamp = std::fs::metadata(&self.assets).and_then(|m| m.modified()).ok();
        if let Ok(current) = self.current.read() {
            if current.0 == stamp && stamp.is_some() {
                return current.1.clone();
            }
        }
        let site = self.assets.parent().unwrap_or(Path::new("."));
        let sha = super::bundles::built_stylesheet(site).map(|css| super::output::sha256_base64(&css)).unwrap_or_default();
        let value = HeaderValue::from_str(&crate::pages::content_security_policy(&sha))
            .unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'"));
        if let Ok(mut current) = self.current.write() {
            *current = (stamp, value.clone());
        }
        value
    }
}

/// Sets the cache and security headers on every response the app makes (files, the 404 page, 405, 416,
/// redirects), after making the path safe to redirect from.
///
/// Requests hyper refuses before the app sees them (a request line over 64 KB: 414; headers over its buffer:
/// 431) get hyper's bare answer: no body, connection closed, so there is nothing for these headers to protect.
async fn headers(State(policy): State<Arc<Policy>>, mut request: Request, next: Next) -> Response {
    if request.uri().path().contains("//") {
        if let Some(uri) = collapse_slashes(request.uri()) {
            *request.uri_mut() = uri;
        }
    }
    let immutable = request.uri().path().starts_with("/assets/");
    let mut response = next.run(request).await;
    // Only a file that is there is kept a year: a 404 for an asset (a page from a newer build asking before the
    // swap) must be asked again, or the browser would remember the miss for a year.
    let found = response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED;
    let h = response.headers_mut();
    // Never send a visitor to another site: `//host/…` and `/\host/…` in a Location are other hosts to a browser.
    if let Some(location) = h.get(header::LOCATION).and_then(|l| l.to_str().ok()) {
        if location.starts_with("//") || location.starts_with("/\\") {
            h.insert(header::LOCATION, HeaderValue::from_static("/"));
        }
    }
    let cache = if immutable && found { "public, max-age=31536000, immutable" } else { "no-cache" };
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    h.insert(header::CONTENT_SECURITY_POLICY, policy.header());
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("strict-origin-when-cross-origin"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}

/// The URI with every run of slashes in its path made one. ServeDir redirects a folder to its path plus `/`,
/// taken from the request as sent, so `GET //evil.example/p/1.001193` would answer `Location:
/// //evil.example/…` (another site) whenever such a folder exists; `//etc/passwd` and friends resolve to the
/// same file either way.
fn collapse_slashes(uri: &Uri) -> Option<Uri> {
    let mut path = String::with_capacity(uri.path().len());
    for c in uri.path().chars() {
        if !(c == '/' && path.ends_with('/')) {
            path.push(c);
        }
    }
    let path_and_query = match uri.query() {
        Some(q) => format!("{path}?{q}"),
        None => path,
    };
    let mut parts = uri.clone().into_parts();
    parts.path_and_query = Some(path_and_query.parse().ok()?);
    Uri::from_parts(parts).ok()
}
