//! What the pages tell people, counted over the real catalogue (issue 15's "done when"): every procedure page
//! and A4 poster is rendered and read like a citizen would read it. Each check counts the pages that break it
//! and prints up to five examples, so a failure says which procedures and what to fix (importer rule or the
//! reading in `pages/facts.rs`).
//!
//! The checks are written independently of `pages/facts.rs`: they look at the rendered words and at the
//! official text in the content files, not at the reading code's own classification.

use motcua::content::{Catalogue, Procedure};
use motcua::pages::{Assets, Page, SiteIndex, render_page};
use std::path::Path;
use std::sync::OnceLock;

fn index() -> &'static SiteIndex {
    static INDEX: OnceLock<SiteIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let catalogue = Catalogue::load(Path::new("content")).expect("content/ validates");
        SiteIndex::new(catalogue, Assets::default())
    })
}

#[path = "support/page_text.rs"]
mod page_text;
use page_text::text_of;

/// The text of the first element of `html` that starts with `open`, up to its `close`.
fn part<'a>(html: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = html.find(open)?;
    let end = html[start..].find(close)? + start;
    Some(&html[start..end])
}

/// Pages (and posters) of every procedure: (procedure, page HTML, poster HTML).
fn rendered() -> &'static Vec<(usize, String, String)> {
    static PAGES: OnceLock<Vec<(usize, String, String)>> = OnceLock::new();
    PAGES.get_or_init(|| {
        let idx = index();
        (0..idx.catalogue.procedures.len())
            .map(|i| (i, render_page(Page::Procedure(i), idx), render_page(Page::PosterProcedure(i), idx)))
            .collect()
    })
}

/// Fails with the count and a few examples when `bad` is not empty.
fn none(what: &str, bad: Vec<String>) {
    assert!(bad.is_empty(), "{} procedures {what}, e.g.:\n  {}", bad.len(), bad.iter().take(5).cloned().collect::<Vec<_>>().join("\n  "));
}

fn procedure(i: usize) -> &'static Procedure {
    &index().catalogue.procedures[i]
}

/// Whether an official fee note names an amount of money or says the province sets the fee.
fn note_names_a_fee(rule: &str) -> bool {
    let f = motcua::text::fold(rule).to_lowercase();
    let money = f.char_indices().any(|(i, c)| {
        c.is_ascii_digit() && {
            let after = f[i + 1..].trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',').trim_start();
            after.starts_with("dong") || after.starts_with("vnd") || after.starts_with('%') || after.starts_with("usd")
        }
    });
    money || f.contains("hoi dong nhan dan") || f.contains("hdnd")
}

#[test]
fn no_page_or_poster_shows_a_time_without_its_unit() {
    let bad = rendered()
        .iter()
        .filter(|(_, page, poster)| page.contains("chưa rõ đơn vị") || poster.contains("chưa rõ đơn vị"))
        .map(|(i, _, _)| procedure(*i).code.clone())
        .collect();
    none("say \"chưa rõ đơn vị\"", bad);
    // Nor a bare number as the time at a glance.
    let bare = rendered()
        .iter()
        .filter_map(|(i, page, _)| {
            let glance = text_of(part(page, "<dl class=\"glance\"", "</dl>")?);
            let time = glance.split("Thời gian").nth(1)?.split("Cách nộp").next()?.trim().to_string();
            time.chars().all(|c| c.is_ascii_digit() || c == ',' || c.is_whitespace()).then(|| format!("{}: \"{time}\"", procedure(*i).code))
        })
        .collect();
    none("show a bare number as the time at a glance", bare);
}

#[test]
fn free_is_said_only_when_no_official_note_names_a_fee() {
    let bad = rendered()
        .iter()
        .filter_map(|(i, page, _)| {
            let p = procedure(*i);
            let glance = text_of(part(page, "<dl class=\"glance\"", "</dl>")?);
            let fee = glance.split("Lệ phí").nth(1)?.split("Thời gian").next()?.trim().to_string();
            let named = p.methods.iter().flat_map(|m| &m.fees).any(|f| note_names_a_fee(&f.rule));
            (fee == "Miễn phí" && named).then(|| format!("{} ({})", p.code, p.name))
        })
        .collect();
    none("say only \"Miễn phí\" at a glance although an official note names a fee or a fee rule", bad);
}

#[test]
fn no_amount_under_a_thousand_dong_is_shown_as_a_fee() {
    // "20 đồng" is the portal's "20 VNĐ" with the thousands lost (20.000 đồng), or "155 USD" read as đồng.
    let bad = rendered()
        .iter()
        .filter_map(|(i, page, poster)| {
            let mut lines = vec![text_of(part(page, "<dl class=\"glance\"", "</dl>").unwrap_or(""))];
            lines.push(text_of(part(poster, "<dl class=\"p-facts\"", "</dl>").unwrap_or("")));
            let small = lines.iter().any(|t| {
                t.split_whitespace().collect::<Vec<_>>().windows(2).any(|w| {
                    w[1].starts_with("đồng") && w[0].chars().all(|c| c.is_ascii_digit()) && w[0].len() <= 3 && w[0] != "0"
                })
            });
            small.then(|| procedure(*i).code.clone())
        })
        .collect();
    none("show a fee under 1.000 đồng at a glance", bad);
}

#[test]
fn legal_numbers_are_whole() {
    let mut bad = Vec::new();
    for p in &index().catalogue.procedures {
        for d in &p.legal_basis {
            let n = &d.number;
            let head = n.split('/').next().unwrap_or("");
            let year_glued = head.len() >= 5 && head.chars().all(|c| c.is_ascii_digit()) && (head.starts_with("19") || head.starts_with("20"));
            let cut_decree = n.ends_with("/NĐ-C");
            let caps_tail = ["LUẬT", "QUY", "THÔNG", "NGHỊ", "SỬA", "HƯỚNG"].iter().any(|w| n.ends_with(w) && n.len() > w.len() + 4);
            if year_glued || cut_decree || caps_tail {
                bad.push(format!("{}: \"{n}\"", p.code));
            }
        }
    }
    none("have a legal number cut or glued", bad);
}

#[test]
fn no_page_furniture_in_results() {
    let bad = index()
        .catalogue
        .procedures
        .iter()
        .filter(|p| {
            let furniture = |s: &str| s.contains("Mã:") || s.trim_end().ends_with("Từ khóa:") || s.contains("Chọn cơ quan thực hiện");
            p.results.iter().any(|r| furniture(r)) || furniture(&p.requirements)
        })
        .map(|p| p.code.clone())
        .collect();
    none("carry the portal's \"Mã: …\" codes or page furniture in their results or requirements", bad);
}

#[test]
fn paper_names_are_not_labels_or_file_names() {
    // A paper named "a)" (its text went to the form), or a paper name ending in a form's file name.
    let ext = [".doc", ".docx", ".pdf", ".xls", ".xlsx"];
    let mut labels = Vec::new();
    let mut files = Vec::new();
    for p in &index().catalogue.procedures {
        for x in p.papers.iter().flat_map(|g| &g.papers) {
            // (an abbreviation in capitals is a name: "TAD", the transit accompanying document)
            let abbreviation = x.name.trim().chars().all(|c| c.is_uppercase());
            if x.name.trim().chars().count() < 4 && !abbreviation {
                labels.push(format!("{}: \"{}\"", p.code, x.name));
            }
            let lower = x.name.to_lowercase();
            if ext.iter().any(|e| lower.trim_end_matches(['.', ')', ' ']).ends_with(e)) {
                files.push(format!("{}: \"…{}\"", p.code, x.name.chars().rev().take(50).collect::<String>().chars().rev().collect::<String>()));
            }
        }
    }
    assert!(labels.is_empty(), "{} paper rows are only a label, e.g. {:?}", labels.len(), &labels[..labels.len().min(5)]);
    assert!(files.is_empty(), "{} paper names end with a file name, e.g. {:?}", files.len(), &files[..files.len().min(5)]);
}
