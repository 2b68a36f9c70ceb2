//! `motcua build-csr`: a client-side-rendered build of one procedure page, the point of comparison the
//! measurement harness prints beside the real site (`node tests/e2e/measure.mjs --csr <dir>`). Never deployed.
//!
//! It is built the way a CSR Leptos app usually is (as trunk would): an HTML shell with the same `<head>` essentials
//! (CSP, display settings, the hashed stylesheet) that preloads the wasm and its JS glue and starts the app at once;
//! the app (`crate::csr`) fetches `/data/<code>.json` and renders the page. The wasm is compiled, bindgen'd and
//! optimized exactly as the site's own app, and every file is precompressed, so `motcua serve` serves both builds
//! the same way.

use super::bundles;
use super::output::{Output, brotli_bytes};
use crate::content::Catalogue;
use crate::csr::CsrData;
use crate::pages::{Assets, SiteIndex, content_security_policy};
use crate::qr::{Qr, page_url};
use anyhow::{Context, Result};
use std::path::PathBuf;

/// Options of `motcua build-csr`.
#[derive(clap::Args, Debug, Clone)]
pub struct CsrOptions {
    /// Where to write the CSR build (replaced whole).
    #[arg(long, default_value = "dist-csr")]
    pub out: PathBuf,
    /// The procedure whose page to build.
    #[arg(long, default_value = "1.001193")]
    pub code: String,
    /// The content folder.
    #[arg(long, default_value = "content")]
    pub content: PathBuf,
    /// The folder of static files (stylesheet, favicon, manifest).
    #[arg(long, default_value = "public")]
    pub public: PathBuf,
}

/// Builds the CSR comparison page into `opts.out`.
pub fn build_csr(opts: &CsrOptions) -> Result<()> {
    let catalogue = Catalogue::load(&opts.content)
        .map_err(|errors| anyhow::anyhow!("nội dung có {} lỗi; chạy `motcua build` để xem", errors.len()))?;
    let index = SiteIndex::new(catalogue, Assets::default());
    let p = index.procedure_by_code(&opts.code).with_context(|| format!("no procedure {}", opts.code))?.clone();
    if opts.out.join("sitemap.xml").exists() {
        anyhow::bail!("{} holds a built site (sitemap.xml); give build-csr a folder of its own", opts.out.display());
    }
    let out = Output::create(&opts.out)?;
    let work = out.root().join(".work");
    eprintln!("Biên dịch ứng dụng CSR (wasm)…");
    let app = bundles::build_browser_app(&work, bundles::Bundle::Csr)?;
    std::fs::remove_dir_all(&work)?;
    let js = out.write_hashed("motcua-csr", "js", bundles::without_comments(&String::from_utf8_lossy(&app.js)).as_bytes())?;
    let wasm_url = out.write_hashed("motcua-csr_bg", "wasm", &app.wasm)?;
    let loader = format!(
        "// Starts the client-side-rendered app at once (measurement comparison only).\n\
         import init, {{ csr_main }} from \"{js}\";\n\
         await init({{ module_or_path: \"{wasm_url}\" }});\n\
         csr_main();\n"
    );
    let loader_url = out.write_hashed("app-csr", "js", loader.as_bytes())?;
    let css = std::fs::read(opts.public.join("style.css")).context("cannot read the stylesheet")?;
    let css_url = out.write_hashed("style", "css", &css)?;
    super::pages::copy_public(&out, &opts.public)?;

    let site = index.catalogue.site.clone();
    // An empty body, as a CSR app's shell usually is: a "loading" text would paint first and make the harness's
    // first-contentful-paint figure say the page was readable long before it is.
    let shell = format!(
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\
         <script>{prefs}</script><link rel=\"stylesheet\" href=\"{css_url}\">\
         <title>{title}</title><meta name=\"theme-color\" content=\"#0a4d8c\">\
         <link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\"><link rel=\"manifest\" href=\"/manifest.webmanifest\">\
         <link rel=\"modulepreload\" href=\"{js}\">\
         <link rel=\"preload\" href=\"{wasm_url}\" as=\"fetch\" type=\"application/wasm\" crossorigin>\
         <script type=\"module\" src=\"{loader_url}\"></script></head>\
         <body></body></html>",
        title = crate::qr::xml_escape(&site.title),
        // The stylesheet is linked here, as a client-side app's shell usually does: no inline style to allow.
        csp = content_security_policy(""),
        // The display settings script, inlined as on the site's pages (the CSP allows it by its hash).
        prefs = include_str!("prefs.js"),
    );
    out.write(&crate::routes::file_of(&crate::routes::procedure(&p.code)), shell.as_bytes())?;

    let data = CsrData { related: crate::pages::related::related_data(&index, &p), site: site.clone(), procedure: p.clone() };
    let json = serde_json::to_vec(&data)?;
    let json_path = format!("data/{}.json", p.code);
    out.write(&json_path, &json)?;

    // The QR image the page shows, and the search index so the search box works as on the real site.
    let qr = Qr::encode(&page_url(&site.base_url, &p.code)).context("URL too long for a QR code")?;
    out.write_plain(&crate::routes::file_of(&crate::routes::qr_svg(&p.code)), qr.svg(&format!("Mã QR: {}", page_url(&site.base_url, &p.code))).as_bytes())?;
    let search = super::search_index::build(&index.catalogue, &opts.content)?;
    super::search_files::write(&out, &index.catalogue, &search)?;

    super::compress::all(&out, &Default::default())?;
    // The data is on this page's critical path: the same brotli quality as the site's pages and assets.
    super::compress::one(&out, &json_path, super::compress::Effort::App)?;
    out.finish()?;
    eprintln!(
        "Xong: {} (wasm {} KB, data {} KB, br {} KB + {} KB)",
        opts.out.join(format!("p/{}/", p.code)).display(),
        app.wasm.len() / 1024,
        json.len() / 1024,
        brotli_bytes(&app.wasm).len() / 1024,
        brotli_bytes(&json).len() / 1024,
    );
    Ok(())
}
