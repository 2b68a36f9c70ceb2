//! Stage 8, QR and posters: each procedure's QR code as `qr/<code>.svg` and `qr/<code>.png` (stable, unhashed
//! names an officer can link or download), and the bulk poster export under `posters/`. Thousands of small print
//! files, fetched rarely: served as they are, without compressed variants.

use super::output::Output;
use crate::content::Procedure;
use crate::pages::SiteIndex;
use crate::qr::{Qr, page_url};
use crate::routes;
use anyhow::{Context, Result};

/// Writes the QR files and the bulk posters.
pub fn write(out: &Output, index: &SiteIndex) -> Result<()> {
    write_qr_files(out, index)?;
    write_bulk(out, index)?;
    Ok(())
}

/// Pixels per module of the PNG: 10 gives a 370 px image for a version-3 code, sharp up to ~6 cm at 150 dpi.
pub const PNG_SCALE: usize = 10;

/// Writes `qr/<code>.svg` and `qr/<code>.png` for every procedure.
fn write_qr_files(out: &Output, index: &SiteIndex) -> Result<()> {
    let base = &index.catalogue.site.base_url;
    super::on_all_cores(&index.catalogue.procedures, "Mã QR", |p| {
        let url = page_url(base, &p.code);
        let qr = Qr::encode(&url).with_context(|| format!("{}: the URL {url} is too long for a QR code", p.code))?;
        // Drawn again only when the URL or this program changed.
        let key = |kind: &str| format!("{kind} {} {url}", super::output::build_id());
        out.write_plain_memo(&routes::file_of(&routes::qr_svg(&p.code)), key("qr-svg").as_bytes(), || qr.svg(&format!("Mã QR: {url}")).into_bytes())?;
        out.write_plain_memo(&routes::file_of(&routes::qr_png(&p.code)), key("qr-png").as_bytes(), || qr.png(PNG_SCALE))
    })
}

/// The bulk poster export of the site's own centre: `posters/p/<code>.svg` (one A4 poster per procedure) and
/// `posters/linh-vuc/<slug>-<n>.svg` (each field's QR tiles, 12 to an A4 page), so a centre can print its wall
/// set without a browser. SVG: vector (the codes stay sharp at any size), no PDF library or embedded font (the
/// printing machine's fonts render Vietnamese), opens in any browser, Inkscape or LibreOffice Draw.
fn write_bulk(out: &Output, index: &SiteIndex) -> Result<usize> {
    let site = &index.catalogue.site;
    let at = svg::For { site, centre: &site.centre, slug: None };
    poster_set(&at, index, |_| true, |path, key, draw| {
        // Drawn again only when the procedure, the site settings or this program changed.
        let key = format!("{} {key} {site:?}", super::output::build_id());
        out.write_plain_memo(&format!("{}{path}", routes::POSTERS.trim_start_matches('/')), key.as_bytes(), || draw().into_bytes())
    })
}

/// One centre's wall set: each chosen procedure's A4 poster (`p/<code>.svg`) and each field's QR tiles
/// (`linh-vuc/<slug>-<n>.svg`), handed to `write(path, what it depends on, draw)`. Returns how many files.
fn poster_set(
    at: &svg::For,
    index: &SiteIndex,
    chosen: impl Fn(&Procedure) -> bool + Sync,
    write: impl Fn(&str, String, &dyn Fn() -> String) -> Result<()> + Sync,
) -> Result<usize> {
    let procs: Vec<&Procedure> = index.catalogue.procedures.iter().filter(|p| chosen(p)).collect();
    super::on_all_cores(&procs, "Áp phích", |p| write(&routes::poster_set_procedure(&p.code), format!("poster {p:?} {:?}", at.centre), &|| svg::procedure(at, p)))?;
    let mut files = procs.len();
    for f in &index.fields {
        let procs: Vec<&Procedure> = f.procedures.iter().map(|i| &index.catalogue.procedures[*i]).filter(|p| chosen(p)).collect();
        let pages: Vec<_> = procs.chunks(crate::pages::sheet::TILES_PER_SHEET).collect();
        for (n, chunk) in pages.iter().enumerate() {
            let title = if pages.len() > 1 {
                format!("Lĩnh vực {} ({}/{})", f.name, n + 1, pages.len())
            } else {
                format!("Lĩnh vực {}", f.name)
            };
            let codes: Vec<(&str, &str)> = chunk.iter().map(|p| (p.code.as_str(), p.name.as_str())).collect();
            let key = format!("tiles {title} {codes:?} {:?}", at.centre);
            write(&routes::poster_set_field(&f.slug, n + 1), key, &|| svg::tiles(at, &title, chunk))?;
            files += 1;
        }
    }
    Ok(files)
}

/// `motcua posters`: every centre's wall set in its own folder, `<out>/<slug>/p/<code>.svg` and
/// `<out>/<slug>/linh-vuc/…`, for the commune-level procedures a commune centre receives; each header and desk
/// is that centre's, each QR code opens the page in its context (`?tt=<slug>`). Not part of `motcua build`: a
/// province's hundred centres would add gigabytes to `dist/` for files printed once a year.
pub fn export_centres(content: &std::path::Path, out_dir: &std::path::Path, only: &[String]) -> Result<()> {
    let catalogue = super::load_catalogue(content)?;
    for slug in only {
        if !catalogue.centres.iter().any(|c| &c.slug == slug) {
            anyhow::bail!("không có trung tâm \"{slug}\" (no such centre); the slugs are the file names in {}/centres/", content.display());
        }
    }
    let index = SiteIndex::new(catalogue, Default::default());
    let site = &index.catalogue.site;
    for (i, c) in index.catalogue.centres.iter().enumerate() {
        if !only.is_empty() && !only.contains(&c.slug) {
            continue;
        }
        // The site's own centre (the first) links the plain pages, as the posters in dist/ do.
        let at = svg::For { site, centre: c, slug: (i > 0).then_some(c.slug.as_str()) };
        let dir = out_dir.join(&c.slug);
        let files = poster_set(&at, &index, |p| p.levels.contains(&crate::content::Level::Commune), |path, _, draw| {
            let file = dir.join(path);
            if let Some(parent) = file.parent() {
                std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
            }
            std::fs::write(&file, draw()).with_context(|| format!("cannot write {}", file.display()))
        })?;
        eprintln!("{}: {files} tệp trong {}", c.name, dir.display());
    }
    Ok(())
}

/// One procedure's A4 poster as SVG, as `dist/posters/p/<code>.svg` has it (the site's own centre, plain page
/// links): what the tests compare with the page and the HTML poster.
pub fn procedure_svg(site: &crate::content::Site, p: &Procedure) -> String {
    svg::procedure(&svg::For { site, centre: &site.centre, slug: None }, p)
}

/// Posters drawn as SVG, in millimetres on an A4 page (210 × 297), each element written by Leptos' `view!`;
/// text wrapped by an estimate of character widths that errs wide, so nothing runs off the page in any common
/// sans-serif font.
mod svg {
    use crate::content::{Centre, Procedure, Site};
    use crate::pages::sheet::tile_name;
    use crate::qr::{Qr, centre_page_url};
    use leptos::prelude::*;
    use leptos::tachys::view::RenderHtml;

    const W: f64 = 210.0;
    const H: f64 = 297.0;
    const M: f64 = 12.0;
    /// 1 pt in mm.
    const PT: f64 = 0.3528;

    /// Splits `text` into lines of at most `width` mm at `size` pt (average glyph 0.56 em, bold 0.62 em).
    fn wrap(text: &str, width: f64, size: f64, bold: bool) -> Vec<String> {
        let per_line = (width / (size * PT * if bold { 0.62 } else { 0.56 })).floor().max(8.0) as usize;
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let mut word = word.to_string();
            // A word longer than a line (a URL) is split.
            while word.chars().count() > per_line {
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                let head: String = word.chars().take(per_line).collect();
                word = word.chars().skip(per_line).collect();
                lines.push(head);
            }
            let len = line.chars().count();
            if len > 0 && len + 1 + word.chars().count() > per_line {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&word);
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }

    /// One element as SVG markup. Leptos' `view!` writes it and escapes its text and attributes; each element
    /// is rendered alone, so the output has no hydration markers and stays plain XML.
    fn markup(view: impl RenderHtml) -> String {
        let mut out = view.to_html();
        out.push('\n');
        out
    }

    /// A number in millimetres, to a tenth (what a printer resolves).
    fn mm(v: f64) -> String {
        format!("{v:.1}")
    }

    /// An SVG drawing in progress: text lines and QR codes placed top-down.
    struct Page {
        out: String,
    }

    impl Page {
        fn new(title: &str) -> Page {
            let mut out = format!(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{W}mm\" height=\"{H}mm\" viewBox=\"0 0 {W} {H}\" \
                 font-family=\"'Noto Sans','DejaVu Sans',Arial,sans-serif\">\n"
            );
            out.reserve(8000);
            out.push_str(&markup(view! { <title>{title.to_string()}</title> }));
            out.push_str(&markup(view! { <rect width=W.to_string() height=H.to_string() fill="#fff"></rect> }));
            Page { out }
        }

        /// Draws wrapped text from `y` (top of the first line); returns the y under the last line.
        fn text(&mut self, x: f64, y: f64, width: f64, size: f64, bold: bool, text: &str) -> f64 {
            let lines = wrap(text, width, size, bold);
            self.lines(x, y, size, bold, &lines)
        }

        fn lines(&mut self, x: f64, mut y: f64, size: f64, bold: bool, lines: &[String]) -> f64 {
            let lh = size * PT * 1.3;
            for l in lines {
                y += lh;
                let (x, baseline, font_size) = (mm(x), mm(y - lh * 0.28), format!("{:.2}", size * PT));
                self.out.push_str(&markup(view! {
                    <text x=x y=baseline font-size=font_size font-weight=bold.then_some("700")>{l.clone()}</text>
                }));
            }
            y
        }

        fn rule(&mut self, y: f64) {
            self.out.push_str(&markup(view! { <rect x=M.to_string() y=mm(y) width=(W - 2.0 * M).to_string() height="0.5"></rect> }));
        }

        fn qr(&mut self, url: &str, x: f64, y: f64, size: f64) {
            let Some(qr) = Qr::encode(url) else { return };
            let s = qr.size_with_quiet().to_string();
            let view_box = format!("0 0 {s} {s}");
            self.out.push_str(&markup(view! {
                <svg x=mm(x) y=mm(y) width=mm(size) height=mm(size) viewBox=view_box shape-rendering="crispEdges">
                    <rect width=s.clone() height=s fill="#fff"></rect>
                    <path d=qr.svg_path()></path>
                </svg>
            }));
        }

        /// The centre's name, address, phone and hours; returns the y under the rule.
        fn header(&mut self, c: &Centre) -> f64 {
            let mut y = self.text(M, M, W - 2.0 * M, 12.5, true, &c.name);
            let contact = [c.address.clone(), if c.phone.is_empty() { String::new() } else { format!("Điện thoại: {}", c.phone) }]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" · ");
            y = self.text(M, y, W - 2.0 * M, 10.5, false, &contact);
            if !c.hours.is_empty() {
                y = self.text(M, y, W - 2.0 * M, 10.5, false, &format!("Giờ làm việc: {}", c.hours));
            }
            self.rule(y + 1.5);
            y + 4.0
        }

        fn finish(mut self) -> String {
            self.out.push_str("</svg>\n");
            self.out
        }
    }

    /// Which centre a poster is for: its header and desks, and the slug its QR codes carry (`None` for the
    /// site's own centre, whose posters link the plain pages).
    pub struct For<'a> {
        /// The site's settings (its address).
        pub site: &'a Site,
        /// The centre printed in the header.
        pub centre: &'a Centre,
        /// The slug the QR codes carry.
        pub slug: Option<&'a str>,
    }

    impl For<'_> {
        fn url(&self, code: &str) -> String {
            centre_page_url(&self.site.base_url, code, self.slug)
        }
    }

    /// One procedure's A4 poster.
    pub fn procedure(at: &For, p: &Procedure) -> String {
        let url = at.url(&p.code);
        let mut page = Page::new(&p.name);
        let width = W - 2.0 * M;
        let mut y = page.header(at.centre);
        y = page.text(M, y, width, 10.5, true, "HƯỚNG DẪN THỦ TỤC HÀNH CHÍNH");
        let (size, name) = crate::pages::poster_name(&p.name);
        y = page.text(M, y + 1.0, width, size.points(), true, &name);
        y = page.text(M, y + 1.0, width, 12.0, false, &format!("Mã thủ tục {} · Lĩnh vực {}", p.code, p.field));
        // Facts on the left, the QR code (80 mm, quiet zone included) on the right.
        let qr_size = 80.0;
        let qr_x = W - M - qr_size;
        let top = y + 3.0;
        page.qr(&url, qr_x, top, qr_size);
        let cap = page.text(qr_x, top + qr_size, qr_size, 10.5, false, "Quét mã để xem trên điện thoại");
        // The URL on one line if it fits, else broken before its path, never inside the code.
        let url_lines = match url.rsplit_once("/p/") {
            Some((host, code)) if wrap(&url, qr_size, 11.0, true).len() > 1 => vec![host.to_string(), format!("/p/{code}")],
            _ => vec![url.clone()],
        };
        let cap = page.lines(qr_x, cap, 11.0, true, &url_lines);
        let fact_w = qr_x - M - 6.0;
        let mut fy = top;
        for (label, text) in crate::pages::glance::poster_facts(p, at.centre) {
            fy = page.text(M, fy, fact_w, 13.0, true, label);
            fy = page.text(M, fy, fact_w, 13.0, false, &text) + 2.0;
        }
        y = fy.max(cap) + 3.0;
        page.rule(y);
        y = page.text(M, y + 1.0, width, 15.5, true, "Giấy tờ cần mang");
        // Papers until the space left (above the "xem đầy đủ" line and the footer) runs out.
        let foot = H - M - 2.0 * 10.0 * PT * 1.3;
        let limit = foot - 3.0 * 12.0 * PT * 1.3 - 3.0;
        // What the HTML poster lists: the editor's summary, else the page's arrangement (everyone's papers
        // first, then each condition under its heading); no notes.
        let (groups, total, notes) = crate::pages::poster_papers(p);
        let mut shown = 0;
        'groups: for (heading, start, list) in &groups {
            let heading = (!heading.is_empty()).then(|| wrap(heading, width, 12.0, true));
            for (k, paper) in list.iter().enumerate() {
                let text = if paper.counts.is_empty() { paper.name.clone() } else { format!("{} ({})", paper.name, paper.counts) };
                let lines = wrap(&text, width - 8.0, 12.0, false);
                let head_h = if k == 0 { heading.as_ref().map_or(0.0, |h| h.len() as f64 * 12.0 * PT * 1.3 + 1.5) } else { 0.0 };
                if y + head_h + lines.len() as f64 * 12.0 * PT * 1.3 + 1.0 > limit {
                    break 'groups;
                }
                if k == 0 {
                    if let Some(h) = &heading {
                        y = page.lines(M, y + 1.5, 12.0, true, h);
                    }
                }
                page.lines(M, y + 1.0, 12.0, false, &[format!("{}.", start + k)]);
                y = page.lines(M + 8.0, y + 1.0, 12.0, false, &lines);
                shown += 1;
            }
        }
        if total == 0 {
            y = page.text(M, y + 1.0, width, 12.0, false, "Cổng Dịch vụ công chưa ghi giấy tờ cho thủ tục này. Hãy hỏi cán bộ tiếp nhận.");
        }
        let mut more = if total > shown {
            format!("Còn {} giấy tờ nữa: xem đầy đủ tại {url}", total - shown)
        } else {
            format!("Xem đầy đủ các bước, điều kiện, mẫu đơn tại {url}")
        };
        if notes > 0 {
            // Before the URL, so the address stays last and no full stop reads as part of it.
            more.insert_str(0, "Xem ghi chú trên trang. ");
        }
        page.text(M, y + 2.0, width, 12.0, true, &more);
        page.text(
            M,
            foot,
            width,
            10.0,
            false,
            "Thông tin theo Cổng Dịch vụ công quốc gia. Khi có thay đổi, văn bản của cơ quan nhà nước là căn cứ cuối cùng.",
        );
        page.finish()
    }

    /// A page of up to 12 QR tiles (2 × 6), codes 38 mm wide.
    pub fn tiles(at: &For, title: &str, procs: &[&Procedure]) -> String {
        let mut page = Page::new(title);
        let width = W - 2.0 * M;
        let mut y = page.header(at.centre);
        y = page.text(M, y, width, 16.0, true, title);
        // A field's sheet says where this centre receives that field's dossiers, when a desk names it.
        if let Some(words) = procs.first().and_then(|p| at.centre.desk_words(&p.field)) {
            y = page.text(M, y, width, 11.0, true, &format!("Nộp tại: {words}"));
        }
        y = page.text(M, y, width, 11.0, false, "Quét mã QR bằng điện thoại để xem giấy tờ cần mang, lệ phí, thời gian.") + 2.0;
        let tile_w = width / 2.0;
        let tile_h = (H - M - y) / 6.0;
        let qr = 38.0_f64.min(tile_h - 2.0);
        for (i, p) in procs.iter().enumerate() {
            let (x, ty) = (M + (i % 2) as f64 * tile_w, y + (i / 2) as f64 * tile_h);
            page.out.push_str(&markup(view! {
                <rect x=mm(x) y=mm(ty) width=mm(tile_w) height=mm(tile_h) fill="none" stroke="#999" stroke-width="0.3" stroke-dasharray="1.5 1"></rect>
            }));
            page.qr(&at.url(&p.code), x + 1.0, ty + 1.0, qr);
            let tx = x + qr + 3.0;
            let tw = tile_w - qr - 5.0;
            let mut lines = wrap(&tile_name(&p.name), tw, 10.5, true);
            let max_lines = ((tile_h - 3.0) / (10.5 * PT * 1.3)) as usize - 1;
            if lines.len() > max_lines {
                lines.truncate(max_lines);
                if let Some(last) = lines.last_mut() {
                    last.push('…');
                }
            }
            let ny = page.lines(tx, ty + 1.5, 10.5, true, &lines);
            page.lines(tx, ny + 0.5, 10.5, false, &[format!("Mã {}", p.code)]);
        }
        page.finish()
    }
}

/// Hostile text in every field a poster prints stays text: the SVG is still well-formed XML with only the
/// elements the drawing code writes (tests/hardening.rs checks the HTML pages; this module is private).
#[cfg(test)]
mod tests {
    use crate::content::{Centre, Paper, PaperGroup, Procedure, Site};

    const PAYLOAD: &str = "<script>alert(1)</script>\"><img src=x onerror=alert(1)> ]]></svg><script>x</script> & &amp; ' \" </textarea>";

    /// The SVG is well-formed XML, as a conforming parser (`roxmltree`) reads it, and holds only the elements the
    /// drawing code writes, none with an event handler or a link.
    fn check_svg(svg: &str) {
        let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not well-formed XML: {e}"));
        for node in doc.descendants().filter(|n| n.is_element()) {
            let name = node.tag_name().name();
            assert!(["svg", "title", "rect", "text", "path"].contains(&name), "unexpected element <{name}>");
            for a in node.attributes() {
                assert!(!a.name().starts_with("on") && a.name() != "href", "unexpected attribute {}=\"{}\" on <{name}>", a.name(), a.value());
            }
        }
    }

    /// The SVG poster and the HTML poster print the same facts and papers (one function each computes them):
    /// checked on real procedures with an editor's summary, whose fee runs to several sentences.
    #[test]
    fn svg_poster_prints_the_shared_facts_and_summary_papers() {
        let squash = |s: &str| s.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").split_whitespace().collect::<String>();
        for code in ["1.000656", "1.001193", "1.004194"] {
            let path = format!("{}/content/procedures/{code}.toml", env!("CARGO_MANIFEST_DIR"));
            let p: Procedure = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let site = Site::default();
            let svg = super::svg::procedure(&super::svg::For { site: &site, centre: &site.centre, slug: None }, &p);
            // The words of every <text>, in order, without the markup or the line breaks.
            let words: String = svg.split('<').filter_map(|t| t.split_once('>').map(|(_, text)| text)).collect::<Vec<_>>().join(" ");
            let words = squash(&words);
            for (label, text) in crate::pages::glance::poster_facts(&p, &site.centre) {
                assert!(words.contains(&squash(&text)), "{code}: the SVG poster lacks its {label} «{text}»");
            }
            let summary = p.summary.as_ref().expect("a core procedure with a summary");
            let first = &summary.groups()[0].1[0].item;
            assert!(words.contains(&squash(first)), "{code}: the SVG poster does not lead with the summary's «{first}»");
        }
    }

    #[test]
    fn hostile_text_stays_text_in_svg_posters() {
        let t = || PAYLOAD.to_string();
        let site = Site {
            title: t(),
            description: t(),
            base_url: "https://motcua.example.vn".into(),
            centre: Centre { name: t(), address: t(), phone: t(), hours: t(), ..Default::default() },
        };
        let paper = Paper { name: t(), originals: 1, copies: 1, form: t(), note: false };
        let p = Procedure {
            code: "1.001193".into(),
            name: t(),
            field: t(),
            papers: vec![PaperGroup { name: t(), papers: vec![paper.clone(), paper.clone(), paper] }],
            ..Default::default()
        };
        let at = super::svg::For { site: &site, centre: &site.centre, slug: Some("x") };
        let poster = super::svg::procedure(&at, &p);
        let tiles = super::svg::tiles(&at, PAYLOAD, &[&p, &p]);
        for svg in [&poster, &tiles] {
            check_svg(svg);
            assert!(svg.contains("&lt;script&gt;alert(1)"), "the text is printed");
        }
        // The checker itself catches a payload that escapes.
        let broken = poster.replacen("&lt;script&gt;", "<script>", 1);
        assert!(std::panic::catch_unwind(|| check_svg(&broken)).is_err());
    }
}
