//! Every URL the site has, built in one place: pages, the sitemap, posters, QR codes, the offline manifest and
//! the browser's search all ask here, so a path never drifts between the page that links and the file written.
//!
//! Plain string functions, compiled into the browser app too (the search box links results with them).

/// The home page: `/`.
pub const HOME: &str = "/";

/// The search page, which also answers `?q=`: `/tim-kiem/`.
pub const SEARCH: &str = "/tim-kiem/";

/// What a web server sends for an address the site does not have: `/404.html`.
pub const NOT_FOUND: &str = "/404.html";

/// What the offline copy shows for a page never opened, when there is no network: `/offline/`.
pub const OFFLINE: &str = "/offline/";

/// What changed in the catalogue, newest first: `/cap-nhat/`.
pub const UPDATES: &str = "/cap-nhat/";

/// The same changes as an Atom feed: `/cap-nhat.xml`.
pub const UPDATES_FEED: &str = "/cap-nhat.xml";

/// A procedure's QR code as SVG, under a stable name an officer can link or download: `/qr/<code>.svg`.
pub fn qr_svg(code: &str) -> String {
    format!("/qr/{code}.svg")
}

/// A procedure's QR code as PNG (for chat apps and word processors): `/qr/<code>.png`.
pub fn qr_png(code: &str) -> String {
    format!("/qr/{code}.png")
}

/// The site's own set of printable SVG posters (one A4 file per procedure, QR tiles per field): `/posters/`.
/// A centre's own set (`motcua posters`) has the same layout in a folder of its own.
pub const POSTERS: &str = "/posters/";

/// Within a poster set, one procedure's A4 poster: `p/<code>.svg`.
pub fn poster_set_procedure(code: &str) -> String {
    format!("p/{code}.svg")
}

/// Within a poster set, one sheet of a field's QR tiles: `linh-vuc/<slug>-<n>.svg`, `n` from 1.
pub fn poster_set_field(slug: &str, n: usize) -> String {
    format!("linh-vuc/{slug}-{n}.svg")
}

/// A procedure's page: `/p/<code>/`.
pub fn procedure(code: &str) -> String {
    format!("/p/{code}/")
}

/// A procedure's long requirements, published in full on their own page: `/p/<code>/dieu-kien/`.
pub fn requirements(code: &str) -> String {
    format!("/p/{code}/dieu-kien/")
}

/// A procedure's printable A4 poster: `/in/p/<code>/`.
pub fn procedure_poster(code: &str) -> String {
    format!("/in/p/{code}/")
}

/// Every field (lĩnh vực), alphabetical: `/linh-vuc/`. The home page shows only the most used ones.
pub const FIELDS: &str = "/linh-vuc/";

/// A field's page (lĩnh vực), `/linh-vuc/<slug>/`, from its name as the content writes it.
pub fn field(name: &str) -> String {
    format!("/linh-vuc/{}/", crate::text::slug(name))
}

/// The procedures carried out at one level (xã, tỉnh, bộ): `/cap/<slug>/`.
pub fn level(slug: &str) -> String {
    format!("/cap/{slug}/")
}

/// A field's printable QR tiles: `/in/linh-vuc/<slug>/`.
pub fn field_poster(slug: &str) -> String {
    format!("/in/linh-vuc/{slug}/")
}

/// A life event's page: `/su-kien/<slug>/`.
pub fn life_event(slug: &str) -> String {
    format!("/su-kien/{slug}/")
}

/// The dossier basket: `/gio-ho-so/`.
pub fn basket() -> String {
    "/gio-ho-so/".to_string()
}

/// A link that adds procedures to the device's basket and opens it: `/gio-ho-so/?them=<code>,<code>`. A plain
/// link, so the page that adds needs no code.
pub fn basket_add<S: AsRef<str>>(codes: &[S]) -> String {
    format!("/gio-ho-so/?them={}", join(codes))
}

/// [`basket_add`] for one procedure, without the list: what the search box's result lines link (fewer bytes in
/// the browser app).
pub fn basket_add_one(code: &str) -> String {
    format!("/gio-ho-so/?them={code}")
}

/// A basket to send to another phone: `/gio-ho-so/?p=<code>,<code>` (the link names the procedures; no server
/// keeps anything).
pub fn basket_shared<S: AsRef<str>>(codes: &[S]) -> String {
    format!("/gio-ho-so/?p={}", join(codes))
}

/// What one procedure brings to a basket (written at build time): `/gio-ho-so/d/<code>.json`.
pub fn basket_entry(code: &str) -> String {
    format!("/gio-ho-so/d/{code}.json")
}

/// A phone as a link people tap to call: `tel:` and its digits (and a leading `+`), whatever separators the
/// content wrote ("0234 3512 345", "0912.345.678").
pub fn tel(phone: &str) -> String {
    format!("tel:{}", phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect::<String>())
}

/// One field's part of a level's list: `/cap/xa/#ho-tich`.
pub fn level_field(level_slug: &str, field_slug: &str) -> String {
    format!("{}#{field_slug}", level(level_slug))
}

/// The counter sheet builder: `/in/`.
pub fn counter_sheet() -> String {
    "/in/".to_string()
}

/// The centres' list and finder (by the new name or an old commune's): `/tt/`.
pub fn centres() -> String {
    "/tt/".to_string()
}

/// A public service centre's page: `/tt/<slug>/`.
pub fn centre(slug: &str) -> String {
    format!("/tt/{slug}/")
}

/// What the browser needs about a centre to show it beside a procedure (written at build time):
/// `/tt/<slug>/tt.json`.
pub fn centre_data(slug: &str) -> String {
    format!("/tt/{slug}/tt.json")
}

/// The query parameter that opens a page in a centre's context, as its posters' QR codes do.
pub const CENTRE_PARAM: &str = "tt";

/// Whether `slug` can name a centre in a URL (`/tt/<slug>/`, `?tt=<slug>`): lower-case ASCII letters, digits
/// and inner dashes, at most 60. Checked on the centre files and on every `?tt=` the browser reads.
pub fn valid_centre_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 60
        && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
}

/// `path` opened in a centre's context: `/p/1.001193/?tt=phong-dien`. The page is the same static file; the
/// browser shows that centre's desk, address and phone beside the national text, and remembers the centre.
pub fn with_centre(path: &str, slug: &str) -> String {
    format!("{path}?{CENTRE_PARAM}={slug}")
}

/// The stems of the content-hashed files under `/assets/` (`<stem>.<hash>.<ext>`), shared by the stage that
/// writes them, the budget report that weighs them and the offline manifest that leaves some out.
pub mod asset {
    /// The page app's loader, which every page references (`app.<hash>.js`).
    pub const APP_LOADER: &str = "app";
    /// The page app's wasm-bindgen glue (`motcua.<hash>.js`).
    pub const APP_GLUE: &str = "motcua";
    /// The page app's WebAssembly (`motcua_bg.<hash>.wasm`; wasm-bindgen's `_bg`).
    pub const APP_WASM: &str = "motcua_bg";
    /// The poster tools' and dossier basket's loader (`app-in.<hash>.js`), for `/in/` and `/gio-ho-so/` only.
    pub const POSTER_LOADER: &str = "app-in";
    /// The poster tools' glue.
    pub const POSTER_GLUE: &str = "motcua-in";
    /// The poster tools' WebAssembly.
    pub const POSTER_WASM: &str = "motcua-in_bg";
    /// The site's stylesheet as a file (pages carry it inline).
    pub const STYLE: &str = "style";
    /// The posters' stylesheet.
    pub const POSTER_STYLE: &str = "poster";
    /// The dossier basket's stylesheet.
    pub const BASKET_STYLE: &str = "basket";

    /// The stem of a hashed asset's file name (`app` of `app.1a2b3c.js`).
    pub fn stem_of(file_name: &str) -> &str {
        file_name.split('.').next().unwrap_or(file_name)
    }
}

fn join<S: AsRef<str>>(codes: &[S]) -> String {
    codes.iter().map(|c| c.as_ref()).collect::<Vec<_>>().join(",")
}

/// `path` (from this module) on the site's public address, as QR codes, posters and copied text give it.
pub fn absolute(base_url: &str, path: &str) -> String {
    format!("{}{path}", base_url.trim_end_matches('/'))
}

/// The file under `dist/` that answers `path`: `/p/1.001193/` is `p/1.001193/index.html`.
pub fn file_of(path: &str) -> String {
    let rel = path.trim_start_matches('/');
    if rel.is_empty() || rel.ends_with('/') { format!("{rel}index.html") } else { rel.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn centre_links_are_short_and_well_formed() {
        assert_eq!(centre("phong-dien"), "/tt/phong-dien/");
        assert_eq!(file_of(&centre_data("phong-dien")), "tt/phong-dien/tt.json");
        assert_eq!(with_centre(&procedure("1.001193"), "phong-dien"), "/p/1.001193/?tt=phong-dien");
    }

    #[test]
    fn paths_and_their_files_agree() {
        assert_eq!(procedure("1.001193"), "/p/1.001193/");
        assert_eq!(basket_add_one("1.001193"), basket_add(&["1.001193"]));
        assert_eq!(file_of(&procedure("1.001193")), "p/1.001193/index.html");
        assert_eq!(file_of(&requirements("1.001193")), "p/1.001193/dieu-kien/index.html");
        assert_eq!(file_of("/"), "index.html");
        assert_eq!(file_of("/404.html"), "404.html");
        assert_eq!(absolute("https://a.vn/", &procedure("1.001193")), "https://a.vn/p/1.001193/");
        assert_eq!(field("Hộ tịch"), "/linh-vuc/ho-tich/");
        assert_eq!(file_of(&qr_svg("1.001193")), "qr/1.001193.svg");
        assert_eq!(file_of(&format!("{POSTERS}{}", poster_set_procedure("1.001193"))), "posters/p/1.001193.svg");
        assert_eq!(file_of(NOT_FOUND), "404.html");
        assert_eq!(file_of(SEARCH), "tim-kiem/index.html");
    }
}
