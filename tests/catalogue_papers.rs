//! The arrangement of papers (`content::arrange`) over the real catalogue: every row of all 2,642 procedures is
//! kept, and a procedure page whose papers include a form everyone brings opens its list with a paper for
//! everyone, not with a conditional case. Run with `--nocapture` to see the counts.

use motcua::content::{Catalogue, Paper, arrange};
use motcua::pages::{Assets, Page, SiteIndex, render_page};
use std::collections::BTreeMap;
use std::path::Path;

/// A row that states a condition, by a check independent of the arrangement's own rules: it opens with
/// "Trường hợp", "Trong trường hợp", "Nếu" or "Đối với" (after a list marker or bracket), or says "(nếu có)".
fn conditional(name: &str) -> bool {
    let lower = name.trim().to_lowercase();
    let mut t = lower.trim_start_matches(['-', '+', '•', ' ']);
    // A list marker: "a) ", "(iv) ", "1. ".
    for end in [") ", ". "] {
        if let Some(i) = t.find(end).filter(|&i| i <= 6 && !t[..i].contains(' ')) {
            t = &t[i + 2..];
        }
    }
    let t = t.trim_start_matches('(');
    ["trường hợp", "trong trường hợp", "nếu ", "đối với"].iter().any(|m| t.starts_with(m)) || lower.contains("(nếu có")
}

/// The text of the first `class="paper-name"` element after the papers heading, entities decoded.
fn first_listed(html: &str) -> Option<String> {
    let section = &html[html.find("id=\"giay-to\"")?..];
    let start = section.find("class=\"paper-name\">")? + "class=\"paper-name\">".len();
    let end = section[start..].find('<')?;
    Some(section[start..start + end].replace("&amp;", "&").replace("&quot;", "\"").replace("&#x27;", "'").replace("&lt;", "<").replace("&gt;", ">"))
}

#[test]
fn every_row_is_kept_and_pages_open_with_papers_for_everyone() {
    let catalogue = Catalogue::load(Path::new("content")).expect("content/ validates");
    assert_eq!(catalogue.procedures.len(), 2642);
    let idx = SiteIndex::new(catalogue, Assets { css: "/assets/style.test.css".into(), js: "/assets/app.test.js".into(), ..Default::default() });
    let (mut rows_in, mut rows_out) = (0, 0);
    let (mut with_form, mut form_first, mut changed, mut with_cases, mut generic) = (0, 0, 0, 0, 0);
    let mut headings: BTreeMap<String, usize> = BTreeMap::new();
    let mut bad = Vec::new();
    let mut generic_samples = Vec::new();
    for (i, p) in idx.catalogue.procedures.iter().enumerate() {
        let a = arrange(&p.papers);
        // No row lost or doubled: the same multiset of rows in as out.
        let mut inp: Vec<&Paper> = p.papers.iter().flat_map(|g| &g.papers).collect();
        let mut out: Vec<&Paper> = a.everyone.iter().chain(&a.cases).chain(&a.notes).flat_map(|s| &s.rows).map(|r| &r.paper).collect();
        rows_in += inp.len();
        rows_out += out.len();
        let key = |x: &&Paper| format!("{x:?}");
        inp.sort_by_key(key);
        out.sort_by_key(key);
        assert_eq!(inp, out, "{}: rows lost or changed", p.code);
        // Checklist keys: unique, 0..n.
        let mut ticks: Vec<usize> = a.papers().map(|r| r.tick).collect();
        ticks.sort();
        assert_eq!(ticks, (0..a.paper_count()).collect::<Vec<_>>(), "{}: ticks", p.code);

        if !a.cases.is_empty() {
            with_cases += 1;
        }
        for s in &a.cases {
            *headings.entry(s.heading.clone()).or_default() += 1;
            if s.heading == motcua::content::arrange::SOME_CASES {
                generic += 1;
                let first = s.rows.first().map(|r| r.paper.name.chars().take(110).collect::<String>()).unwrap_or_default();
                generic_samples.push(format!("{}: {}", p.code, if s.detail.is_empty() { first } else { s.detail.clone() }));
            }
        }
        let html = render_page(Page::Procedure(i), &idx);
        let shown = first_listed(&html);
        let portal_first = p.papers.iter().flat_map(|g| &g.papers).find(|x| !x.note).map(|x| x.name.clone());
        if shown.as_deref().map(str::trim) != portal_first.as_deref().map(str::trim) {
            changed += 1;
        }
        if a.everyone.iter().flat_map(|s| &s.rows).any(|r| r.form) {
            with_form += 1;
            let shown = shown.unwrap_or_default();
            if conditional(&shown) {
                bad.push(format!("{}: {}", p.code, shown.chars().take(80).collect::<String>()));
            }
            if a.everyone[0].rows[0].form {
                form_first += 1;
            }
        }
    }
    let mut top: Vec<_> = headings.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1));
    println!("rows in {rows_in}, rows out {rows_out}, over {} procedures", idx.catalogue.procedures.len());
    println!("procedures with a form everyone brings: {with_form}; of them listing a form first: {form_first}");
    println!("procedures whose first listed paper changed: {changed}");
    println!("procedures with conditional groups: {with_cases}; sections under the generic heading: {generic}");
    println!("most common condition headings:");
    for (h, n) in top.iter().take(25) {
        println!("  {n:>5}  {h}");
    }
    println!("some rows under the generic heading:");
    for g in generic_samples.iter().step_by((generic_samples.len() / 15).max(1)) {
        println!("  {g}");
    }
    assert_eq!(rows_in, rows_out);
    assert!(bad.is_empty(), "pages opening with a conditional row: {}\n{}", bad.len(), bad.join("\n"));
}
