//! Stage 11, sitemap: `sitemap.xml` and `robots.txt`: every listed page, with absolute URLs from `base_url`.

use crate::pages::{Page, SiteIndex};
use super::output::Output;
use anyhow::Result;

/// Writes `sitemap.xml` and a `robots.txt` pointing to it.
pub fn write(out: &Output, index: &SiteIndex, pages: &[Page]) -> Result<()> {
    let base = &index.catalogue.site.base_url;
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for path in pages.iter().filter_map(|p| p.url_path(index)) {
        xml.push_str(&format!("<url><loc>{}</loc></url>\n", xml_escape(&format!("{base}{path}"))));
    }
    xml.push_str("</urlset>\n");
    out.write("sitemap.xml", xml.as_bytes())?;
    out.write("robots.txt", format!("User-agent: *\nAllow: /\nSitemap: {base}/sitemap.xml\n").as_bytes())?;
    Ok(())
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&apos;")
}
