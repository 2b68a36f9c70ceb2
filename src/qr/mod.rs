//! QR codes for procedure pages: the payload (the page's canonical URL), the module grid, and its drawings.
//!
//! Shared by the site builder (SVG and PNG files, posters; printing works without JavaScript) and the browser
//! app (the counter sheet draws codes on the fly). The `qrcode` crate is used without its default features
//! (no `image`, no SVG renderer): the SVG here is one compact `<path>`, which keeps the wasm and the files small.

use qrcode::{Color, EcLevel, QrCode};

/// Quiet zone around every code, in modules: the width the QR standard asks for so phones find the code.
pub const QUIET: usize = 4;

/// The URL a procedure's QR code encodes: `<base_url>/p/<code>/` — short, stable, the page's canonical URL.
pub fn page_url(base_url: &str, code: &str) -> String {
    crate::routes::absolute(base_url, &crate::routes::procedure(code))
}

/// The URL a centre's posters encode for a procedure: [`page_url`] in that centre's context
/// (`…/p/<code>/?tt=<slug>`, see [`crate::routes::with_centre`]), or the plain page when `centre` is `None`
/// (the site's own centre, whose desks every page already knows).
pub fn centre_page_url(base_url: &str, code: &str, centre: Option<&str>) -> String {
    match centre {
        Some(slug) => crate::routes::absolute(base_url, &crate::routes::with_centre(&crate::routes::procedure(code), slug)),
        None => page_url(base_url, code),
    }
}

/// A QR code's dark and light modules, without the quiet zone.
#[derive(Clone, Debug, PartialEq)]
pub struct Qr {
    /// Modules per side.
    pub width: usize,
    /// Row by row, `true` for dark.
    pub dark: Vec<bool>,
}

impl Qr {
    /// Encodes `text` at error correction level M (15 % damage, still version 3 for a ~40-character URL).
    /// Falls back to level L only for texts too long for M; `None` for texts no QR code holds.
    pub fn encode(text: &str) -> Option<Qr> {
        // The site build draws each page's code four times (its QR files, its print page, its poster, its
        // field's tiles), and choosing a code's mask is most of the cost: remember each text's code.
        #[cfg(feature = "ssr")]
        {
            static DRAWN: std::sync::OnceLock<std::sync::Mutex<std::collections::HashMap<String, Option<Qr>>>> =
                std::sync::OnceLock::new();
            let drawn = DRAWN.get_or_init(Default::default);
            if let Some(known) = drawn.lock().ok().and_then(|d| d.get(text).cloned()) {
                return known;
            }
            let qr = Self::encode_afresh(text);
            if let Ok(mut d) = drawn.lock() {
                d.insert(text.to_string(), qr.clone());
            }
            qr
        }
        #[cfg(not(feature = "ssr"))]
        Self::encode_afresh(text)
    }

    fn encode_afresh(text: &str) -> Option<Qr> {
        let code = QrCode::with_error_correction_level(text, EcLevel::M)
            .or_else(|_| QrCode::with_error_correction_level(text, EcLevel::L))
            .ok()?;
        let width = code.width();
        let dark = code.into_colors().into_iter().map(|c| c == Color::Dark).collect();
        Some(Qr { width, dark })
    }

    /// Whether the module at column `x`, row `y` is dark (outside the grid, e.g. in the quiet zone: light).
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.width && y < self.width && self.dark[y * self.width + x]
    }

    /// Modules per side including the quiet zone on both sides: the SVG's view box.
    pub fn size_with_quiet(&self) -> usize {
        self.width + 2 * QUIET
    }

    /// The dark modules as one SVG path in module units, quiet zone included (the code starts at 4,4): each run
    /// of dark modules in a row is one rectangle, `M x y h n v1 h-n z`.
    pub fn svg_path(&self) -> String {
        let mut d = String::with_capacity(self.width * self.width);
        for y in 0..self.width {
            let mut x = 0;
            while x < self.width {
                if !self.is_dark(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < self.width && self.is_dark(x, y) {
                    x += 1;
                }
                let n = x - start;
                d.push_str(&format!("M{} {}h{n}v1h-{n}z", start + QUIET, y + QUIET));
            }
        }
        d
    }

    /// A complete, standalone SVG document: white background (so it prints on any paper and shows on dark
    /// viewers), black modules, crisp edges; `title` (XML-escaped here) names it for screen readers.
    pub fn svg(&self, title: &str) -> String {
        let s = self.size_with_quiet();
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {s} {s}\" width=\"{px}\" height=\"{px}\" \
             shape-rendering=\"crispEdges\" role=\"img\"><title>{}</title><rect width=\"{s}\" height=\"{s}\" \
             fill=\"#fff\"/><path fill=\"#000\" d=\"{}\"/></svg>\n",
            xml_escape(title),
            self.svg_path(),
            px = s * 8,
        )
    }

    /// A greyscale raster, `scale` pixels per module, quiet zone included: what the PNG holds and what tests
    /// decode.
    pub fn pixels(&self, scale: usize) -> (usize, Vec<u8>) {
        let side = self.size_with_quiet() * scale;
        let mut px = vec![255u8; side * side];
        for y in 0..side {
            for x in 0..side {
                let (mx, my) = (x / scale, y / scale);
                if mx >= QUIET && my >= QUIET && self.is_dark(mx - QUIET, my - QUIET) {
                    px[y * side + x] = 0;
                }
            }
        }
        (side, px)
    }

    /// A PNG (8-bit greyscale) at `scale` pixels per module, for people who want an image file to paste into a
    /// document. Native only: the browser never needs it.
    #[cfg(feature = "ssr")]
    pub fn png(&self, scale: usize) -> Vec<u8> {
        let (side, px) = self.pixels(scale);
        let mut out = Vec::new();
        {
            let mut enc = png::Encoder::new(&mut out, side as u32, side as u32);
            enc.set_color(png::ColorType::Grayscale);
            enc.set_depth(png::BitDepth::Eight);
            enc.set_compression(png::Compression::High);
            let mut w = enc.write_header().expect("PNG header into a Vec");
            w.write_image_data(&px).expect("PNG data into a Vec");
        }
        out
    }
}

/// Escapes text for XML content and attribute values (SVG written by hand, not by Leptos).
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_url_is_the_canonical_procedure_url() {
        assert_eq!(page_url("https://motcua.example.vn", "1.001193"), "https://motcua.example.vn/p/1.001193/");
        assert_eq!(page_url("https://a.vn/", "2.000001"), "https://a.vn/p/2.000001/");
    }

    /// A centre's posters carry `?tt=<slug>`. With the example address a commune's slug ("phong-dien") keeps
    /// the code at version 4 (33 modules, ECC M) and a 21-letter one makes it version 5 (37): a module is then
    /// 0.84 mm on a 38 mm counter-sheet tile and 1.8 mm on the 80 mm poster code (quiet zone included), well
    /// above what a cheap phone's camera reads at arm's length (about 0.5 mm).
    #[test]
    fn a_centre_context_keeps_the_code_small() {
        let url = |slug| centre_page_url("https://motcua.example.vn", "1.001193", Some(slug));
        assert_eq!(url("phong-dien"), "https://motcua.example.vn/p/1.001193/?tt=phong-dien");
        assert_eq!(Qr::encode(&url("phong-dien")).unwrap().width, 33, "version 4 is 33 modules");
        assert_eq!(Qr::encode(&url("thu-nghiem-phong-dien")).unwrap().width, 37, "version 5 is 37 modules");
    }

    #[test]
    fn a_forty_character_url_fits_version_3() {
        let qr = Qr::encode("https://motcua.example.vn/p/1.001193/").unwrap();
        assert_eq!(qr.width, 29, "version 3 is 29 modules");
        let svg = qr.svg("Mã QR <&>");
        assert!(svg.contains("viewBox=\"0 0 37 37\""));
        assert!(svg.contains("Mã QR &lt;&amp;&gt;"));
        // Finder pattern corner: the path starts at the quiet zone's edge.
        assert!(svg.contains("d=\"M4 4h7v1h-7z"));
    }
}
