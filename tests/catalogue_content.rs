//! Acceptance tests on the real catalogue: the committed `content/` validates, is whole, and holds none of the
//! portal's page furniture; its life events are all there. (Code tests run on `tests/fixtures/` and inline text;
//! the `catalogue_*` test files are the ones that read `content/`, see the README's testing section.)

use motcua::content::{Catalogue, folder::files_with_extension, life_events};
use motcua::import;
use std::collections::BTreeSet;
use std::path::Path;

#[test]
fn committed_content_validates_and_is_complete() {
    let cat = Catalogue::load(Path::new("content"))
        .unwrap_or_else(|e| panic!("{}", e.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n")));
    assert_eq!(cat.procedures.len(), 2642);
    assert!(cat.site.base_url.starts_with("https://"));
}

/// Every string value of a TOML tree.
fn strings(v: &toml::Value, out: &mut Vec<String>) {
    match v {
        toml::Value::String(s) => out.push(s.clone()),
        toml::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        toml::Value::Table(t) => t.iter().filter(|(k, _)| k.as_str() != "flags").for_each(|(_, x)| strings(x, out)),
        _ => {}
    }
}

#[test]
fn no_page_furniture_or_table_headers_anywhere_in_content() {
    let mut bad = Vec::new();
    let mut count = 0;
    for path in files_with_extension(Path::new("content/procedures"), "toml").unwrap_or_else(|e| panic!("{e}")) {
        let text = std::fs::read_to_string(&path).unwrap();
        let value: toml::Value = toml::from_str(&text).unwrap();
        let mut all = Vec::new();
        strings(&value, &mut all);
        for s in all {
            count += 1;
            if let Some(f) = import::furniture::find(&s) {
                bad.push(format!("{}: \"{f}\" in \"{}\"", path.display(), s.chars().take(100).collect::<String>()));
            }
            if s.starts_with("Không có thông tin") || s.contains("Mã: KQ") {
                bad.push(format!("{}: placeholder/furniture in \"{}\"", path.display(), s.chars().take(100).collect::<String>()));
            }
        }
    }
    assert!(count > 100_000);
    assert!(bad.is_empty(), "{} values with furniture:\n{}", bad.len(), bad[..bad.len().min(20)].join("\n"));
}

#[test]
fn the_life_events_are_valid_and_all_there() {
    let dir = Path::new("content");
    let known: BTreeSet<String> = files_with_extension(&dir.join("procedures"), "toml")
        .unwrap_or_else(|e| panic!("{e}"))
        .iter()
        .filter_map(|p| p.file_stem()?.to_str().map(String::from))
        .collect();
    let (events, errors) = life_events::check_dir(dir, &known);
    assert!(errors.is_empty(), "{errors:?}");
    let slugs: Vec<&str> = events.iter().map(|e| e.slug.as_str()).collect();
    for s in ["sinh-con", "ket-hon", "nguoi-than-mat", "nha-dat", "xe-co", "kinh-doanh", "can-cuoc-cu-tru"] {
        assert!(slugs.contains(&s), "missing life event {s}");
    }
}
