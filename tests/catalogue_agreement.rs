//! Every place that shows a procedure's fee, time, ways of submitting and place says the same thing: the
//! procedure page's glance box, a list row, a search result line, the copied text, the HTML poster and the SVG
//! poster, on a sample of the real catalogue, also with a province's own fee laid over it. Each place may show
//! less of a fact (a list line has 40 characters), never something else.

use motcua::content::{Catalogue, Channel, LocalFee, Procedure};
use motcua::pages::glance::{Glance, Room, poster_facts};
use motcua::pages::{Assets, Page, SiteIndex, render_page};
use std::path::Path;

#[path = "support/page_text.rs"]
mod page_text;
use page_text::text_of;

/// The most used procedures, some with an editor's summary and some without, and every 97th of the rest.
const NAMED: &[&str] = &["1.001193", "1.004222", "1.000656", "1.004194", "2.000815", "1.013238", "2.002032", "1.005137"];

fn sample(c: &Catalogue) -> Vec<usize> {
    let mut out: Vec<usize> = NAMED.iter().filter_map(|code| c.procedures.iter().position(|p| p.code == *code)).collect();
    assert_eq!(out.len(), NAMED.len(), "every named procedure is in content/");
    out.extend((0..c.procedures.len()).step_by(97));
    out
}

/// Whitespace squashed, for texts an SVG poster wraps over several lines.
fn squash(s: &str) -> String {
    s.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").split_whitespace().collect()
}

/// `shown` is `full`, or the start of it cut with "…".
fn is_cut_of(shown: &str, full: &str) -> bool {
    let kept = shown.trim_end_matches('…').trim_end();
    !kept.is_empty() && full.trim().starts_with(kept)
}

fn check(idx: &SiteIndex, i: usize) {
    let p: &Procedure = &idx.catalogue.procedures[i];
    let code = &p.code;
    let g = Glance::of(p);

    // The rooms agree with each other: each shows the whole fact or its start.
    for room in [Room::Line, Room::Preview, Room::Glance, Room::Message, Room::Poster] {
        let fee = g.fee_in(room);
        if !(fee.is_empty() || (g.local && room == Room::Line)) {
            assert!(is_cut_of(&fee, &g.fee), "{code}: fee in {room:?} «{fee}» is not the fee «{}»", g.fee);
        }
        let time = g.time_in(room);
        assert!(time.is_empty() || is_cut_of(&time, &g.time), "{code}: time in {room:?} «{time}» is not «{}»", g.time);
        if let Some(place) = &g.place {
            let shown = g.place_in(room, "");
            assert!(is_cut_of(&shown, place), "{code}: place in {room:?} «{shown}» is not «{place}»");
        }
    }

    // The procedure page's glance box.
    let page = text_of(&render_page(Page::Procedure(i), idx));
    for (what, text) in [("fee", g.fee_in(Room::Glance)), ("time", g.time_in(Room::Glance))] {
        assert!(page.contains(&text), "{code}: the page lacks its {what} «{text}»");
    }
    if g.edited {
        assert!(page.contains(&g.place_in(Room::Glance, "")), "{code}: the page lacks the editor's place");
    } else {
        assert!(page.contains(&g.channels_in(Room::Glance)), "{code}: the page lacks its ways of submitting");
    }

    // Its row in its field's list, and its search result line.
    let field = idx.fields.iter().position(|f| f.procedures.contains(&i)).expect("a field lists every procedure");
    let list = text_of(&render_page(Page::Field(field), idx));
    let row = &list[list.find(&format!(" {code} ")).unwrap_or_else(|| panic!("{code}: no row in its field's list"))..];
    let row = &row[..row.find("Thêm vào giỏ").expect("each row ends with its basket link")];
    let line = motcua::search::native::doc_info(p);
    assert_eq!((line.fee.as_str(), line.time.as_str()), (g.fee_in(Room::Line).as_str(), g.time_in(Room::Line).as_str()), "{code}: search line");
    for text in [&line.fee, &line.time] {
        assert!(row.contains(text.as_str()), "{code}: the list row lacks «{text}» that the search line shows");
    }

    // The text officers copy.
    let copied = motcua::pages::summary::summary_text(p, &idx.catalogue.site);
    for line in [format!("Lệ phí: {}\n", g.fee_in(Room::Message)), format!("Thời gian: {}\n", g.time_in(Room::Message)), format!("Nơi nộp: {}\n", g.place_in(Room::Message, ""))] {
        assert!(copied.contains(&line), "{code}: the copied text lacks «{}»", line.trim());
    }

    // Both posters print the same four facts.
    let html_poster = squash(&text_of(&render_page(Page::PosterProcedure(i), idx)));
    let svg_poster = motcua::site::procedure_svg(&idx.catalogue.site, p);
    let svg_words = squash(&svg_poster.split('<').filter_map(|t| t.split_once('>').map(|(_, text)| text)).collect::<Vec<_>>().join(" "));
    for (label, text) in poster_facts(p, &idx.catalogue.site.centre) {
        assert!(html_poster.contains(&squash(&text)), "{code}: the HTML poster lacks its {label} «{text}»");
        assert!(svg_words.contains(&squash(&text)), "{code}: the SVG poster lacks its {label} «{text}»");
    }
}

#[test]
fn page_list_search_copy_and_posters_agree_on_fee_time_and_place() {
    let catalogue = Catalogue::load(Path::new("content")).expect("content/ validates");
    let picked = sample(&catalogue);
    let idx = SiteIndex::new(catalogue, Assets::default());
    for i in &picked {
        check(&idx, *i);
    }
}

/// A province's own fee is shown whole with its source everywhere but on a list line, which shows its amount.
#[test]
fn a_provinces_fee_reads_the_same_everywhere_too() {
    let mut catalogue = Catalogue::load(Path::new("content")).expect("content/ validates");
    let picked = sample(&catalogue);
    for i in &picked {
        let p = &mut catalogue.procedures[*i];
        p.local_fees = vec![LocalFee {
            procedure: p.code.clone(),
            channel: p.methods.first().map(|m| m.channel).or(Some(Channel::InPerson)),
            amount: Some(30_000),
            resolution: "Nghị quyết số 12/2025/NQ-HĐND".into(),
            effective: "2025-08-01".into(),
            ..Default::default()
        }];
    }
    let idx = SiteIndex::new(catalogue, Assets::default());
    for i in &picked {
        let g = Glance::of(&idx.catalogue.procedures[*i]);
        assert!(g.local && g.fee.contains("12/2025/NQ-HĐND"), "{}: {}", g.fee, idx.catalogue.procedures[*i].code);
        assert!(g.fee_in(Room::Line).starts_with("30.000 đồng"), "{}", g.fee_in(Room::Line));
        check(&idx, *i);
    }
}
