//! `motcua serve`: serves `dist/` on 127.0.0.1 with precompressed variants and the right cache headers.
//!
//! Hashed files under `/assets/` never change, so browsers keep them a year; HTML, the sitemap and anything
//! else must be revalidated (`no-cache`) so a new build shows at once.

use crate::pages::CONTENT_SECURITY_POLICY;
use anyhow::{Context, Result};
use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use std::net::SocketAddr;
use std::path::Path;
use tower_http::services::{ServeDir, ServeFile};

/// Serves `dir` on `127.0.0.1:port` until interrupted.
pub fn serve(dir: &Path, port: u16) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async {
        let addr = SocketAddr::from(([127, 0, 0, 1], port));
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("cannot listen on {addr}: is another server using port {port}? Try --port"))?;
        eprintln!("Đang phục vụ {} tại http://{addr}/ (Ctrl+C để dừng)", dir.display());
        axum::serve(listener, router(dir))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await?;
        Ok(())
    })
}

/// The HTTP app: static files, a 404 page, cache and security headers.
pub fn router(dir: &Path) -> Router {
    let files = ServeDir::new(dir)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(true)
        .not_found_service(ServeFile::new(dir.join("404.html")).precompressed_br().precompressed_gzip());
    Router::new().fallback_service(files).layer(middleware::from_fn(headers))
}

async fn headers(request: Request, next: Next) -> Response {
    let immutable = request.uri().path().starts_with("/assets/");
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    let cache = if immutable { "public, max-age=31536000, immutable" } else { "no-cache" };
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CONTENT_SECURITY_POLICY));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("strict-origin-when-cross-origin"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}
