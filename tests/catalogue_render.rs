//! Rendering tests over the real catalogue in `content/`: the pages say what a citizen needs, every procedure
//! has a page, and content is escaped.

use motcua::content::{Catalogue, Level, Procedure};
use motcua::pages::{Assets, Page, SiteIndex, render_page};
use std::path::Path;
use std::sync::OnceLock;

fn index() -> &'static SiteIndex {
    static INDEX: OnceLock<SiteIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let catalogue = Catalogue::load(Path::new("content")).expect("content/ validates");
        SiteIndex::new(catalogue, Assets { css: "/assets/style.test.css".into(), js: "/assets/app.test.js".into(), ..Default::default() })
    })
}

fn page_of(code: &str) -> (String, &'static Procedure) {
    let idx = index();
    let i = idx.catalogue.procedures.iter().position(|p| p.code == code).unwrap_or_else(|| panic!("{code} in content/"));
    (render_page(Page::Procedure(i), idx), &idx.catalogue.procedures[i])
}

#[path = "support/page_text.rs"]
mod page_text;
use page_text::text_of;

#[test]
fn birth_registration_page_says_which_papers_how_many_what_fee_how_long() {
    let (html, p) = page_of("1.001193");
    let text = text_of(&html);
    assert!(text.contains("khai sinh"), "name");
    // The editor's summary leads: the declaration form first, then the birth certificate, then the ID; the
    // official list follows, labelled as such.
    let brief = text.find("Cần mang gì").expect("the summary");
    let official = text.find("Giấy tờ theo văn bản chính thức").expect("the official list");
    assert!(brief < official);
    let form = text[brief..].find("Tờ khai đăng ký khai sinh").expect("the form in the summary");
    let birth = text[brief..].find("Giấy chứng sinh").expect("the birth certificate in the summary");
    let id = text[brief..].find("hộ chiếu").expect("the applicant's ID in the summary");
    assert!(form < birth && birth < id, "everyone's papers in order: form, birth certificate, ID");
    // Every paper the content lists is on the page, with its counts.
    for group in &p.papers {
        for paper in &group.papers {
            let start: String = paper.name.chars().take(40).collect();
            assert!(text.contains(&start), "paper missing: {start}");
        }
    }
    assert!(text.contains("Giấy chứng sinh"));
    assert!(text.contains("1 bản chính"));
    assert!(text.contains("Miễn phí"), "fee");
    assert!(text.contains("Thời gian"), "time");
    for m in &p.methods {
        assert!(text.contains(m.channel.label()), "method {}", m.channel.label());
    }
    assert!(html.contains(&format!("href=\"{}\"", p.portal_url)), "button to the portal");
    assert!(html.contains("<link rel=\"canonical\" href=\"https://"), "canonical link");
}

#[test]
fn every_procedure_has_a_page_with_its_name_and_code() {
    let idx = index();
    assert!(idx.catalogue.procedures.len() >= 2600, "the whole catalogue is in content/");
    for (i, p) in idx.catalogue.procedures.iter().enumerate() {
        let page = Page::Procedure(i);
        assert_eq!(page.output_path(idx), format!("p/{}/index.html", p.code));
        let html = render_page(page, idx);
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains(&format!("<b>{}</b>", p.code)), "{}: code shown", p.code);
        let text = text_of(&html);
        let name_start: String = p.name.chars().take(30).collect();
        assert!(text.contains(&name_start), "{}: name shown", p.code);
    }
}

/// The procedure codes a page links to (`href="/p/<code>/"`), each once.
fn linked_codes(html: &str) -> std::collections::BTreeSet<&str> {
    html.split("href=\"/p/").skip(1).filter_map(|rest| rest.split_once("/\"")).map(|(code, _)| code).collect()
}

/// Each level's page (`/cap/xa/`, …) lists exactly the procedures carried out at that level, counted from the
/// procedures' own `levels` (not from the index the page is made from), and says which level it is.
#[test]
fn every_level_page_lists_exactly_its_procedures() {
    let idx = index();
    let levels: Vec<Level> = Page::all(idx).into_iter().filter_map(|p| if let Page::Level(l) = p { Some(l) } else { None }).collect();
    let mut expected: Vec<Level> = idx.catalogue.procedures.iter().flat_map(|p| p.levels.iter().copied()).collect();
    expected.sort();
    expected.dedup();
    assert_eq!(levels, expected, "one page per level some procedure has");
    assert!(levels.contains(&Level::Commune) && levels.contains(&Level::Province), "the catalogue has commune and province procedures");
    for level in levels {
        assert_eq!(Page::Level(level).output_path(idx), format!("cap/{}/index.html", level.slug()));
        let html = render_page(Page::Level(level), idx);
        let at_level: std::collections::BTreeSet<&str> =
            idx.catalogue.procedures.iter().filter(|p| p.levels.contains(&level)).map(|p| p.code.as_str()).collect();
        assert_eq!(linked_codes(&html), at_level, "{}: the page links exactly the procedures at its level", level.slug());
        let text = text_of(&html);
        let title = format!("Thủ tục {}", level.label().to_lowercase());
        assert!(text.contains(&title), "{}: the page says {title:?}", level.slug());
        assert!(text.contains(&format!("{} thủ tục trong", at_level.len())), "{}: the page counts its {} procedures", level.slug(), at_level.len());
    }
}

#[test]
fn every_field_has_a_list_page() {
    let idx = index();
    assert!(idx.fields.len() >= 100, "about 140 fields");
    let pages = Page::all(idx);
    let fields = pages.iter().filter(|p| matches!(p, Page::Field(_))).count();
    assert_eq!(fields, idx.fields.len());
    let (i, f) = idx.fields.iter().enumerate().max_by_key(|(_, f)| f.procedures.len()).unwrap();
    let html = render_page(Page::Field(i), idx);
    for pi in &f.procedures {
        assert!(html.contains(&format!("href=\"/p/{}/\"", idx.catalogue.procedures[*pi].code)));
    }
}

#[test]
fn home_shows_the_fields_people_use_and_links_to_all_of_them() {
    let idx = index();
    let home = render_page(Page::Home, idx);
    let section = &home[home.find("id=\"theo-linh-vuc\"").expect("the home page browses by field")..];
    let chips = section.matches("<li><a href=\"/linh-vuc/").count();
    assert_eq!(chips, 12, "twelve fields on the home page");
    // The fields a commune centre lives on come first, though the portal counts few online uses of land.
    for name in ["Hộ tịch", "Đất đai", "Chứng thực", "Đăng ký, quản lý cư trú", "Cấp, quản lý căn cước"] {
        assert!(section.contains(&format!(">{name}<span")), "home shows the field {name}");
    }
    assert!(!section.contains("Bảo đảm an ninh hàng không"), "not the alphabet's first field");
    assert!(section.contains(&format!("href=\"/linh-vuc/\">Xem tất cả {} lĩnh vực", idx.fields.len())));
    // The page it links to lists every field, alphabetical.
    let all = render_page(Page::Fields, idx);
    for f in &idx.fields {
        assert!(all.contains(&format!("href=\"/linh-vuc/{}/\"", f.slug)), "/linh-vuc/ links {}", f.slug);
    }
    assert!(Page::all(idx).iter().any(|p| matches!(p, Page::Fields)));
}

#[test]
fn content_is_escaped_not_interpreted() {
    let idx = index();
    let mut evil = idx.catalogue.procedures[0].clone();
    evil.name = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>".into();
    evil.papers[0].papers[0].name = "<b>bold</b>".into();
    let catalogue = Catalogue { site: idx.catalogue.site.clone(), procedures: vec![evil], life_events: Vec::new(), changes: Vec::new(), shared_papers: Vec::new(), centres: Vec::new() };
    let small = SiteIndex::new(catalogue, Assets::default());
    let html = render_page(Page::Procedure(0), &small);
    assert!(!html.contains("<script>alert"), "script tag escaped");
    assert!(!html.contains("<img src=x"), "attribute break-out escaped");
    assert!(!html.contains("<b>bold</b>"), "markup in papers escaped");
    assert!(html.contains("&lt;script&gt;"));
}

/// Requirements too long for a procedure page (2.001538 has 60 KB of award criteria) get their own page; the
/// procedure page shows their opening and links to it, so it stays about one round trip's worth of bytes.
#[test]
fn very_long_requirements_move_to_their_own_page() {
    let idx = index();
    let (html, p) = page_of("2.001538");
    assert!(p.requirements.len() > motcua::pages::LONG_REQUIREMENTS, "2.001538 no longer has long requirements");
    assert!(html.contains(r#"<a href="/p/2.001538/dieu-kien/">Đọc toàn bộ yêu cầu, điều kiện</a>"#));
    assert!(html.len() < p.requirements.len(), "procedure page is {} bytes: the requirements are all there", html.len());
    let first_line = p.requirements.lines().map(str::trim).find(|l| !l.is_empty()).unwrap();
    assert!(text_of(&html).contains(first_line), "the opening is on the procedure page");

    let i = idx.catalogue.procedures.iter().position(|q| q.code == "2.001538").unwrap();
    let page = Page::all(idx).into_iter().find(|pg| matches!(pg, Page::Requirements(j) if *j == i)).expect("a requirements page");
    assert_eq!(page.output_path(idx), "p/2.001538/dieu-kien/index.html");
    let full = text_of(&render_page(page, idx));
    for line in p.requirements.lines().map(str::trim).filter(|l| !l.is_empty()) {
        assert!(full.contains(line), "missing on the requirements page: {line}");
    }
    assert!(full.contains("Về thủ tục"), "a way back to the procedure");

    // Ordinary procedures keep their requirements on their own page, whole.
    let (short, q) = page_of("1.001193");
    assert!(!short.contains("/dieu-kien/"));
    assert!(q.requirements.len() <= motcua::pages::LONG_REQUIREMENTS);
}

/// The pages made for searching ask for the app and the index's core file beside the loader, so a query typed
/// at once waits one round trip less; a procedure page opened from a QR code asks for nothing before it paints
/// and leaves the app to the loader, after paint.
#[test]
fn search_pages_preload_the_app_and_procedure_pages_do_not() {
    let idx = index();
    let head = |page: Page| render_page(page, idx).split("</head>").next().unwrap_or_default().to_string();
    for page in [Page::Home, Page::Search] {
        let h = head(page);
        assert!(h.contains(r#"rel="modulepreload""#), "{page:?}: no modulepreload of the app's glue");
        assert_eq!(h.matches(r#"rel="preload""#).count(), 2, "{page:?}: the wasm and core.bin preloads");
        assert!(h.contains("core.bin"), "{page:?}: the index's core file is not preloaded");
    }
    let (html, _) = page_of("1.001193");
    let h = html.split("</head>").next().unwrap_or_default();
    assert!(!h.contains("preload"), "a procedure page's head asks for more than the page");
}

/// The search box's markup has every element and filter control the browser app looks for
/// (`motcua::search::markup`), so renaming one on either side alone fails here rather than silently in the
/// browser.
#[test]
fn the_search_box_has_what_the_app_looks_for() {
    use motcua::search::markup;
    let html = render_page(Page::Search, index());
    for id in [markup::INPUT, markup::PANEL, markup::COUNT, markup::NONE, markup::LIST, markup::FIELD_SELECT] {
        assert!(html.contains(&format!(r#"id="{id}""#)), "no element with id {id}");
    }
    for (_, value) in markup::LEVEL_VALUES {
        assert!(html.contains(&format!(r#"name="{}" value="{value}""#, markup::LEVEL)), "no level box of value {value}");
    }
    assert!(html.contains(&format!(r#"name="{}""#, markup::ONLINE)), "no online box");
    assert!(html.contains(&format!(r#"id="{}" name="{}""#, markup::FIELD_SELECT, markup::FIELD)), "no field select");
}

/// A name of over 100 characters is set smaller, so a phone's first screen reaches "Cần mang gì"; a short name
/// keeps the full size.
#[test]
fn long_official_names_are_set_smaller() {
    let idx = index();
    let at = |code: &str| idx.catalogue.procedures.iter().position(|p| p.code == code).expect(code);
    let long = render_page(Page::Procedure(at("2.000815")), idx);
    assert!(long.contains("<h1 class=\"long\">Chứng thực bản sao từ bản chính"), "2.000815's 260-character name");
    let short = render_page(Page::Procedure(at("1.004194")), idx);
    assert!(short.contains("<h1>Đăng ký tạm trú</h1>"), "1.004194's short name keeps its size");
}
