//! Stage 9, updates feed: `/cap-nhat.xml`, an Atom feed of what changed in the catalogue (from
//! `content/changes.toml`), so officers and provinces can follow new, amended and removed procedures in any feed
//! reader. The "Mới cập nhật" page (`/cap-nhat/`) shows the same list; both are built from the same entries.

use super::output::Output;
use crate::content::changes::{Change, ChangeKind};
use crate::pages::SiteIndex;
use crate::qr::xml_escape;
use crate::routes;
use anyhow::Result;

/// How many changes the feed carries (the newest); the page lists them all.
pub const FEED_ENTRIES: usize = 200;

/// Writes the Atom feed of the catalogue's changes.
pub fn write(out: &Output, index: &SiteIndex) -> Result<()> {
    out.write(&routes::file_of(routes::UPDATES_FEED), atom(index).as_bytes())
}

/// The Atom feed's text.
pub fn atom(index: &SiteIndex) -> String {
    let site = &index.catalogue.site;
    let base = site.base_url.trim_end_matches('/');
    let (page, feed) = (routes::absolute(base, routes::UPDATES), routes::absolute(base, routes::UPDATES_FEED));
    let changes = &index.catalogue.changes;
    // Atom needs one `updated` for the feed: the newest change, or a fixed date when there is none.
    let updated = changes.iter().map(|c| c.date.as_str()).max().unwrap_or("2025-07-01");
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n\
         <title>{} — Mới cập nhật</title>\n<id>{page}</id>\n<link rel=\"self\" href=\"{feed}\"/>\n\
         <link href=\"{page}\"/>\n<updated>{updated}T00:00:00Z</updated>\n<author><name>{}</name></author>\n",
        xml_escape(&site.title),
        xml_escape(&site.centre.name),
    );
    for (i, c) in changes.iter().take(FEED_ENTRIES).enumerate() {
        let link = if c.kind == ChangeKind::Removed { page.clone() } else { crate::qr::page_url(base, &c.code) };
        xml.push_str(&format!(
            "<entry><title>{}: {}</title><id>{page}#{}-{}-{i}</id><link href=\"{}\"/><updated>{}T00:00:00Z</updated>\
             <summary>{}</summary></entry>\n",
            c.kind.label(),
            xml_escape(&c.name),
            c.date,
            xml_escape(&c.code),
            xml_escape(&link),
            c.date,
            xml_escape(&describe(c)),
        ));
    }
    xml.push_str("</feed>\n");
    xml
}

/// One sentence for a change: "Sửa đổi 1.001193: phí, lệ phí; thành phần hồ sơ."
pub fn describe(c: &Change) -> String {
    if c.parts.is_empty() {
        format!("{} {}: {}.", c.kind.label(), c.code, c.name)
    } else {
        format!("{} {}: {}.", c.kind.label(), c.code, c.parts.join("; "))
    }
}
