//! The engine's ranking rules, one test each, on a made-up catalogue small enough to reason about: each test
//! sets up two or three procedures that only the rule under test tells apart (the same length, the same words
//! elsewhere, and where it matters the document order or usage that would win without the rule), so a failure
//! names the rule that broke. The index is built by the builder the site uses ([`build_index::build`]).

use super::*;
use crate::content::{Level, Method, Procedure};
use crate::search::build_index;
use crate::search::format::{FLAG_ONLINE, FLAG_TINH, FLAG_XA};
use std::sync::OnceLock;

/// The made-up catalogue's index, in memory.
struct Fixture {
    core: Core,
    shards: Vec<Option<TermShard>>,
    /// Procedure codes in document order.
    order: Vec<String>,
}

/// A procedure with only what ranking reads set.
fn procedure(code: &str, name: &str, field: &str, level: Level, usage: u64) -> Procedure {
    Procedure {
        code: code.into(),
        name: name.into(),
        field: field.into(),
        levels: vec![level],
        usage_weight: usage,
        portal_url: format!("https://dichvucong.gov.vn/p/{code}"),
        ..Procedure::default()
    }
}

fn catalogue() -> Vec<Procedure> {
    let online: Method = toml::from_str("channel = \"trực tuyến\"\n[time]\namount = 5.0\nunit = \"ngày làm việc\"\n")
        .expect("an online method");
    let birth = procedure("2.000001", "Đăng ký khai sinh", "Hộ tịch", Level::Commune, 50);
    // Says "khai sinh" twice in its requirements (the body), as long as every other procedure's, and is used
    // more: only the name's weight ranks the birth registration above it.
    let mut extract = procedure("2.000003", "Trích lục hộ tịch", "Hộ tịch", Level::Commune, 100);
    extract.requirements = "Khai sinh, khai sinh.".into();
    let mut passport = procedure("5.000001", "Cấp hộ chiếu phổ thông", "Xuất nhập cảnh", Level::Ministry, 30);
    passport.methods = vec![online];
    // Known by an everyday name whose words its official name lacks; the other says the same words in its body
    // (as long as every other body) and is used more: only the everyday name counting as a name ranks it first.
    let mut absence = procedure("7.000001", "Đăng ký tạm vắng", "Cư trú", Level::Commune, 10);
    absence.also_called = vec!["Báo đi xa dài ngày".into()];
    let mut leave = procedure("7.000002", "Thông báo lưu trú", "Cư trú", Level::Commune, 100);
    leave.requirements = "Đi xa dài ngày.".into();
    let mut all = vec![
        birth,
        procedure("2.000002", "Đăng ký kết hôn", "Hộ tịch", Level::Commune, 40),
        extract,
        // A variant first in document order, with the same words, length and usage as its base procedure.
        procedure("3.000010", "Đổi giấy phép lái xe", "Giao thông", Level::Province, 10),
        procedure("3.000011", "Cấp giấy phép lái xe", "Giao thông", Level::Province, 10),
        // The same name; the later one in document order is used more.
        procedure("4.000001", "Xác nhận nuôi ong", "Chăn nuôi", Level::Commune, 0),
        procedure("4.000002", "Xác nhận nuôi ong", "Chăn nuôi", Level::Commune, 100),
        passport,
        // The same length; "bản" first in document order.
        procedure("6.000001", "Cấp phép bản vẽ", "Xây dựng", Level::Province, 10),
        procedure("6.000002", "Cấp phép bán rượu", "Xây dựng", Level::Province, 10),
        // The same words and length; only the second says "xác nhận cư trú" side by side.
        procedure("8.000001", "Cư trú cấp giấy xác nhận", "Cư trú", Level::Commune, 10),
        procedure("8.000002", "Cấp giấy xác nhận cư trú", "Cư trú", Level::Commune, 10),
        procedure("9.000001", "Cấp giấy chứng nhận quyền sử dụng đất", "Đất đai", Level::Province, 10),
        absence,
        leave,
    ];
    // Requirements as long as the extract's, in words no test asks for, so the body's average length is that of
    // a catalogue where every procedure has some.
    for p in all.iter_mut().filter(|p| p.requirements.is_empty()) {
        p.requirements = "Nộp đơn theo mẫu.".into();
    }
    all
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("motcua-engine-tests-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a temporary folder");
        std::fs::write(dir.join("synonyms.toml"), "[[synonym]]\nwords = [\"sổ đỏ\"]\nmeans = \"giấy chứng nhận quyền sử dụng đất\"\n\n[[synonym]]\nwords = [\"sổ nuôi ong\"]\nmeans = \"xác nhận nuôi ong\"\n")
            .expect("synonyms.toml written");
        std::fs::write(dir.join("outside.toml"), "[[outside]]\nnote = \"Khám bệnh là việc của ngành y tế.\"\nphrases = [\"khám bệnh\"]\n")
            .expect("outside.toml written");
        std::fs::write(dir.join("variant_words.toml"), "name = [\"lại\", \"đổi\"]\nask = [\"cấp lại\", \"đổi\"]\nmarked = [\"lại\"]\nlost = [\"mất\"]\ndeath = [\"khai tử\"]\n")
            .expect("variant_words.toml written");
        std::fs::write(dir.join("question_words.toml"), "frame = [\"mất bao lâu\"]\n").expect("question_words.toml written");
        let index = build_index::build(&catalogue(), &dir).expect("the made-up catalogue indexes");
        let _ = std::fs::remove_dir_all(&dir);
        let core = index.files.iter().find(|(n, _)| n == format::CORE_FILE).and_then(|(_, b)| Core::parse(b)).expect("core.bin");
        let shards = (0..format::TERM_SHARDS)
            .map(|i| index.files.iter().find(|(n, _)| *n == crate::search::session::term_file(i)).and_then(|(_, b)| TermShard::parse(b)))
            .collect();
        Fixture { core, shards, order: index.order }
    })
}

impl Fixture {
    fn run(&self, q: &str, typing: bool, filter: &Filter) -> (Plan, Results) {
        let plan = plan(&self.core, q, typing);
        let results = search(&self.core, &self.shards, &plan, filter, 10);
        (plan, results)
    }

    /// The codes of a complete query's results, best first.
    fn codes(&self, q: &str) -> Vec<&str> {
        self.codes_with(q, false, &Filter::default())
    }

    fn codes_with(&self, q: &str, typing: bool, filter: &Filter) -> Vec<&str> {
        self.run(q, typing, filter).1.hits.iter().map(|h| self.order[h.doc as usize].as_str()).collect()
    }

    fn doc(&self, code: &str) -> u32 {
        self.order.iter().position(|c| c == code).expect("a code of the fixture") as u32
    }
}

/// The boost the plan gives a token, if it asks for it.
fn boost(plan: &Plan, token: &str) -> Option<f32> {
    plan.terms.iter().find(|t| t.text == token).map(|t| t.boost)
}

#[test]
fn a_name_outweighs_the_body() {
    assert_eq!(fixture().codes("khai sinh")[..2], ["2.000001", "2.000003"]);
}

#[test]
fn words_side_by_side_outrank_the_same_words_apart() {
    assert_eq!(fixture().codes("xác nhận cư trú")[0], "8.000002");
}

#[test]
fn accents_may_be_left_out() {
    let f = fixture();
    assert_eq!(f.codes("dang ky ket hon")[0], "2.000002");
    assert_eq!(f.codes("dang ky ket hon"), f.codes("đăng ký kết hôn"));
}

#[test]
fn typed_accents_rank_the_word_written_so_first() {
    let f = fixture();
    assert_eq!(f.codes("bán")[0], "6.000002");
    assert_eq!(f.codes("bản")[0], "6.000001");
}

#[test]
fn the_word_being_typed_is_completed() {
    let f = fixture();
    let (plan, results) = f.run("cấp hộ chi", true, &Filter::default());
    assert_eq!(boost(&plan, "chieu"), Some(PREFIX_BOOST), "{:?}", plan.terms);
    assert_eq!(results.hits[0].doc, f.doc("5.000001"));
    // Two letters are not completed: they match too many words to help.
    let (plan, _) = f.run("cấp hộ ch", true, &Filter::default());
    assert_eq!(boost(&plan, "chieu"), None);
    // Nor is a word followed by a space: it is complete.
    let (plan, _) = f.run("ket ", true, &Filter::default());
    assert!(plan.terms.iter().all(|t| t.boost != PREFIX_BOOST), "{:?}", plan.terms);
}

#[test]
fn a_typo_is_corrected() {
    let f = fixture();
    let (plan, results) = f.run("honn", false, &Filter::default());
    assert_eq!(boost(&plan, "hon"), Some(TYPO_BOOST), "{:?}", plan.terms);
    assert_eq!(results.hits.first().map(|h| h.doc), Some(f.doc("2.000002")));
}

#[test]
fn raw_telex_is_read_as_the_word_meant() {
    // "honf" is Telex for "hòn": folded, the word of "kết hôn", as typed rather than as a typo.
    let (plan, _) = fixture().run("honf", false, &Filter::default());
    assert_eq!(boost(&plan, "hon"), Some(1.0), "{:?}", plan.terms);
}

#[test]
fn the_more_used_of_two_equal_matches_ranks_first() {
    assert_eq!(fixture().codes("xác nhận nuôi ong")[0], "4.000002");
}

#[test]
fn a_variant_ranks_below_its_procedure_unless_asked_for() {
    let f = fixture();
    assert_eq!(f.codes("giấy phép lái xe")[..2], ["3.000011", "3.000010"]);
    // "mất" asks for a variant and is in neither name: the two tie, and document order decides.
    let (plan, results) = f.run("mất giấy phép lái xe", false, &Filter::default());
    assert!(plan.asks_variant);
    assert_eq!(results.hits[0].doc, f.doc("3.000010"));
    // "mất" of the question's frame ("how long does it take") loses no paper.
    let (plan, results) = f.run("giấy phép lái xe mất bao lâu", false, &Filter::default());
    assert!(!plan.asks_variant);
    assert_eq!(results.hits[0].doc, f.doc("3.000011"));
}

#[test]
fn an_everyday_name_counts_as_a_name() {
    assert_eq!(fixture().codes("đi xa dài ngày")[..2], ["7.000001", "7.000002"]);
}

#[test]
fn a_synonym_finds_the_catalogues_words() {
    assert_eq!(fixture().codes("so do")[0], "9.000001");
}

#[test]
fn a_synonym_is_found_through_a_typo() {
    // "nuoii" is one letter from "nuoi": «so nuoii ong» names the group «sổ nuôi ong» names, and ranks as it does.
    let f = fixture();
    let (typed, _) = f.run("so nuoii ong", false, &Filter::default());
    assert!(typed.groups > 0, "{:?}", typed.terms);
    assert_eq!(f.codes("so nuoii ong"), f.codes("sổ nuôi ong"));
}

#[test]
fn a_query_sharing_too_few_words_is_no_good_match() {
    let f = fixture();
    let (_, sure) = f.run("đăng ký khai sinh", false, &Filter::default());
    assert!(sure.confident);
    let (_, unsure) = f.run("xin thị thực du lịch nước ngoài cho con", false, &Filter::default());
    assert!(!unsure.confident, "coverage {}", unsure.coverage);
}

#[test]
fn a_need_the_catalogue_leaves_out_is_no_good_match() {
    let f = fixture();
    let (plan, results) = f.run("giấy khai sinh để khám bệnh", false, &Filter::default());
    assert!(!results.confident, "coverage {}", results.coverage);
    assert_eq!(results.good, 0);
    assert_eq!(f.core.outside_note(&plan), Some("Khám bệnh là việc của ngành y tế."));
    // The nearest still show.
    assert_eq!(results.hits.first().map(|h| h.doc), Some(f.doc("2.000001")));
}

#[test]
fn good_matches_are_counted_apart_from_any_shared_word() {
    let (_, results) = fixture().run("giấy phép lái xe", false, &Filter::default());
    assert_eq!(results.good, 2);
    assert!(results.total > results.good, "the other procedures that say «giấy» match but are not counted");
}

#[test]
fn a_result_names_the_query_words_it_lacks() {
    let f = fixture();
    let (plan, results) = f.run("cấp giấy phép lái xe", false, &Filter::default());
    let renewal = results.hits.iter().find(|h| h.doc == f.doc("3.000010")).expect("the licence exchange");
    assert_eq!(plan.missing(renewal), ["cấp"]);
}

#[test]
fn filters_keep_only_the_levels_channel_and_field_asked_for() {
    let f = fixture();
    let xa = Filter { levels: FLAG_XA, ..Filter::default() };
    let (_, results) = f.run("giấy phép lái xe", false, &xa);
    assert!(results.hits.iter().all(|h| f.core.doc_flags[h.doc as usize] & FLAG_XA != 0), "only procedures of the commune");
    assert!(!results.hits.iter().any(|h| [f.doc("3.000010"), f.doc("3.000011")].contains(&h.doc)), "the licences are the province's");
    let tinh = Filter { levels: FLAG_TINH | FLAG_XA, ..Filter::default() };
    let both = f.codes_with("giấy phép lái xe", false, &tinh);
    assert!(both.contains(&"3.000010") && both.contains(&"3.000011"), "{both:?}");
    let online = Filter { online: true, ..Filter::default() };
    assert_eq!(f.codes_with("cấp", false, &online), ["5.000001"]);
    assert!(f.run("cấp", false, &online).1.hits.iter().all(|h| f.core.doc_flags[h.doc as usize] & FLAG_ONLINE != 0));
    let land = f.core.field_names.iter().position(|n| n == "Đất đai").expect("a field") as u16;
    let (_, results) = f.run("cấp giấy", false, &Filter { field: Some(land), ..Filter::default() });
    assert_eq!(results.hits.iter().map(|h| f.order[h.doc as usize].as_str()).collect::<Vec<_>>(), ["9.000001"]);
    // The field choices count the other fields too, so the filter can be changed.
    assert!(results.per_field.len() > 1, "{:?}", results.per_field);
}
