//! Search: the browser engine against tantivy (fidelity), and the relevance targets on the judged dev queries.

use motcua::search::engine::{self, Filter};
use motcua::search::format::{self, FIELD_BOOST, FIELDS};
use motcua::search::build_index::SearchIndex;
use motcua::search::native::{Local, evaluate, read_judged};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, DisjunctionMaxQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, Index, Score, SegmentReader, Term};

/// The real catalogue's index, built once for every test here, and the engine over it.
fn built() -> &'static (Local, SearchIndex) {
    static L: OnceLock<(Local, SearchIndex)> = OnceLock::new();
    L.get_or_init(|| Local::from_content_with_index(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content")).expect("index loads"))
}

fn local() -> &'static Local {
    &built().0
}

fn dev_queries() -> String {
    std::fs::read_to_string(repo().join("tests/data/queries-dev.tsv")).expect("tests/data/queries-dev.tsv is part of the repository")
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The dev set ships in `tests/data/` so a checkout without `../shared` runs the relevance and fidelity tests
/// too; when `../shared` is there, the copy must be the project's current set.
#[test]
fn dev_set_copy_is_the_shared_one() {
    match std::fs::read_to_string(repo().join("../shared/eval/queries-dev.tsv")) {
        Ok(shared) => assert!(
            shared == dev_queries(),
            "tests/data/queries-dev.tsv differs from ../shared/eval/queries-dev.tsv: copy the shared file over it"
        ),
        Err(_) => eprintln!("../shared/eval/queries-dev.tsv not found: the copy in tests/data/ is used as it is"),
    }
}

/// Queries of every kind people type, beside the dev set (which may be absent on a bare checkout).
const EXTRA: &[&str] = &[
    "khai sinh",
    "Đăng ký kết hôn",
    "hộ chiếu",
    "cấp lại giấy phép lái xe",
    "sổ đỏ",
    "thẻ căn cước",
    "đăng ký thường trú",
    "giải thể doanh nghiệp",
    "chứng thực bản sao",
    "1.001193",
    "001456",
    "bảo hiểm xã hội một lần",
    "thuế thu nhập cá nhân",
    "hoà giải tranh chấp đất đai",
    "hòa giải tranh chấp đất đai",
    // A name that says both a synonym's meaning and its colloquial form ("giấy phép lái xe", "bằng lái xe").
    "cấp lại bằng lái xe",
    "đổi giấy phép lái xe",
];

/// On queries without typo, Telex or prefix expansion, the engine's top 10 is tantivy's own top 10 over the
/// same index, with the same scores (BM25 with field boosts, plus the popularity prior, and the variant rule),
/// when the engine normalises every field's length as tantivy does (it gives the name a lower `b` on top:
/// `format::FIELD_B`).
#[test]
fn engine_top10_equals_tantivy_top10() {
    let local = local();
    let core_file = built().1.files.iter().find(|(n, _)| n == format::CORE_FILE).expect("core.bin");
    let mut core = engine::Core::parse(&core_file.1).expect("core.bin parses");
    core.score_as_tantivy();
    let index: &Index = &built().1.tantivy;
    let schema = index.schema();
    let fields: Vec<_> = FIELDS.iter().map(|f| schema.get_field(f).unwrap()).collect();
    let searcher = index.reader().unwrap().searcher();
    let mut queries: Vec<String> = EXTRA.iter().map(|s| s.to_string()).collect();
    queries.extend(read_judged(&dev_queries()).into_iter().map(|j| j.query));
    let (mut compared, mut skipped) = (0, 0);
    for q in &queries {
        let plan = engine::plan(&core, q, false);
        if plan.expanded || plan.terms.is_empty() {
            skipped += 1;
            continue;
        }
        // One clause per token and field, summed; a synonym group's tokens as the larger of its meaning tokens'
        // sum and its best colloquial token.
        let token = |t: &engine::QTerm| -> Vec<(Occur, Box<dyn Query>)> {
            fields
                .iter()
                .enumerate()
                .map(|(fi, f)| {
                    let tq = TermQuery::new(Term::from_field_text(*f, &t.text), IndexRecordOption::WithFreqs);
                    (Occur::Should, Box::new(BoostQuery::new(Box::new(tq), t.boost * FIELD_BOOST[fi])) as Box<dyn Query>)
                })
                .collect()
        };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for t in plan.terms.iter().filter(|t| t.group.is_none()) {
            clauses.extend(token(t));
        }
        for g in 1..=plan.groups {
            let of_group: Vec<&engine::QTerm> = plan.terms.iter().filter(|t| t.group.is_some_and(|(tg, _)| tg == g)).collect();
            let meaning: Vec<(Occur, Box<dyn Query>)> =
                of_group.iter().filter(|t| t.group.is_some_and(|(_, c)| !c)).flat_map(|t| token(t)).collect();
            let mut alternatives: Vec<Box<dyn Query>> = vec![Box::new(BooleanQuery::new(meaning))];
            for t in of_group.iter().filter(|t| t.group.is_some_and(|(_, c)| c)) {
                alternatives.push(Box::new(BooleanQuery::new(token(t))));
            }
            clauses.push((Occur::Should, Box::new(DisjunctionMaxQuery::new(alternatives))));
        }
        let asks = plan.asks_variant;
        let collector = TopDocs::with_limit(10).tweak_score(move |seg: &SegmentReader| {
            let prior = seg.fast_fields().u64("prior").unwrap().first_or_default_col(0);
            let variant = seg.fast_fields().u64("variant").unwrap().first_or_default_col(0);
            move |doc: DocId, score: Score| {
                format::final_score(score, prior.get_val(doc) as u8, variant.get_val(doc) == 1 && !asks)
            }
        });
        let oracle = searcher.search(&BooleanQuery::new(clauses), &collector).unwrap();
        let ours = engine::search(&core, &local.shards, &plan, &Filter::default(), 10);
        assert_eq!(oracle.len(), ours.hits.len(), "«{q}»: result counts differ");
        for (i, ((s, addr), hit)) in oracle.iter().zip(&ours.hits).enumerate() {
            let close = (s - hit.score).abs() <= 1e-4 * s.abs().max(1.0);
            assert!(close, "«{q}» rank {}: tantivy {s} vs engine {}", i + 1, hit.score);
            if addr.doc_id != hit.doc {
                // Only a tie (same score to float precision) may be ordered differently.
                let tied = oracle.iter().any(|(s2, a2)| a2.doc_id == hit.doc && (s2 - s).abs() <= 1e-4 * s.abs());
                assert!(tied, "«{q}» rank {}: tantivy has doc {} ({s}), engine doc {} ({})", i + 1, addr.doc_id, hit.doc, hit.score);
            }
        }
        compared += 1;
    }
    eprintln!("fidelity: {compared} queries compared with tantivy, {skipped} skipped (typo/prefix expansion)");
    assert!(compared >= 20, "too few queries compared: {compared}");
}

/// The targets on the judged dev queries: Success@3 ≥ 0.92, MRR@10 ≥ 0.85, absent needs say so (a
/// medical practising licence and a new electricity connection share enough words with catalogue names to look
/// like good matches: `content/outside.toml` is what tells them apart), and no more judged queries than now are
/// called "no good match".
#[test]
fn dev_set_meets_the_relevance_targets() {
    let r = evaluate(local(), &read_judged(&dev_queries()));
    eprintln!("S@1 {:.3}  S@3 {:.3}  MRR@10 {:.3}", r.success_at_1, r.success_at_3, r.mrr_at_10);
    for m in &r.missed {
        eprintln!("missed {m:?}");
    }
    assert!(r.success_at_3 >= 0.92, "Success@3 {:.3} < 0.92", r.success_at_3);
    assert!(r.mrr_at_10 >= 0.85, "MRR@10 {:.3} < 0.85", r.mrr_at_10);
    eprintln!("absent needs answered with confidence: {:?}", r.absent_answered);
    assert!(r.absent_answered.is_empty(), "absent needs answered with confidence: {:?}", r.absent_answered);
    assert!(r.wrongly_unsure.len() <= 1, "judged queries called \"no good match\": {:?}", r.wrongly_unsure);
}

/// A code finds its procedure first, with or without the dot or the level digit.
#[test]
fn codes_are_found_every_way() {
    let local = local();
    for q in ["1.001193", "1001193", "001193", "mã 1.001193"] {
        let (_, r) = local.query(q, false, &Filter::default(), 3);
        assert_eq!(local.docs[r.hits[0].doc as usize].code, "1.001193", "«{q}»");
    }
}

/// A synonym asks for its group's index tokens, which share one term shard (issue: every later query fetches at
/// most 30 KB): «so do» used to fetch a shard per word of "giấy chứng nhận quyền sử dụng đất" (8 in all).
/// And nothing typed reaches those tokens directly: the analyzer reads `~` as a separator.
#[test]
fn a_synonym_needs_one_term_shard() {
    let local = local();
    for q in ["so do", "sổ đỏ", "bhxh", "bảo hiểm xã hội", "giay phep lai xe"] {
        let plan = engine::plan(&local.core, q, false);
        assert_eq!(plan.units, 1, "«{q}»");
        assert_eq!(plan.shards().len(), 1, "«{q}»: {:?}", plan.terms);
        assert!(plan.terms.iter().all(|t| t.text.starts_with('~')), "«{q}»: {:?}", plan.terms);
        let r = engine::search(&local.core, &local.shards, &plan, &Filter::default(), 10);
        assert!(r.confident && r.hits.len() == 10, "«{q}»");
    }
    let (_, r) = local.query("sổ đỏ", false, &Filter::default(), 3);
    assert!(local.docs[r.hits[0].doc as usize].name.to_lowercase().contains("giấy chứng nhận quyền sử dụng đất"));
    // "~khai_sinh" is the words "khai sinh": a group token only ever comes from a synonym the query names.
    let plan = engine::plan(&local.core, "~khai_sinh", false);
    assert!(plan.terms.iter().all(|t| !t.text.contains('~')), "{:?}", plan.terms);
}

/// A result says which of the words typed it lacks, in the user's own spelling: a partial match («đăng ký lắp
/// điện mới cho nhà» has no procedure; the nearest do not say "điện") must not pass for a full one.
#[test]
fn results_name_the_words_they_lack_as_typed() {
    let local = local();
    let plan = engine::plan(&local.core, "Đăng ký lắp điện mới cho nhà", false);
    // "cho" is a filler word: no label. Marks and capitals as typed.
    assert_eq!(plan.labels, ["Đăng", "ký", "lắp", "điện", "mới", "nhà"]);
    let r = engine::search(&local.core, &local.shards, &plan, &Filter::default(), 3);
    assert!(plan.missing(&r.hits[0]).contains(&"điện".to_string()), "{:?}", plan.missing(&r.hits[0]));
    // Missing words typed side by side read as one phrase: the best answer to a medical practising licence
    // is a health-insurance contract, which never says "chứng chỉ".
    let (plan, r) = local.query("cấp chứng chỉ hành nghề khám chữa bệnh", false, &Filter::default(), 10);
    let contract = r.hits.iter().find(|h| local.docs[h.doc as usize].name.starts_with("Ký hợp đồng khám, chữa bệnh"));
    let contract = contract.expect("the health-insurance contract is among the nearest");
    assert!(plan.missing(contract).contains(&"chứng chỉ".to_string()), "{:?}", plan.missing(contract));
    // A synonym is one word, labelled as typed; a result with everything typed lacks nothing.
    let plan = engine::plan(&local.core, "vay thế chấp Sổ Đỏ", false);
    assert_eq!(plan.labels, ["vay", "thế chấp Sổ Đỏ"]);
    let plan = engine::plan(&local.core, "sổ đỏ thế chấp", false);
    assert_eq!(plan.labels, ["sổ đỏ", "thế chấp"]);
    let (plan, r) = local.query("dang ky khai sinh", false, &Filter::default(), 3);
    assert!(plan.missing(&r.hits[0]).is_empty());
    // A single word never reports itself missing; a code keeps its dot.
    let (plan, r) = local.query("mã 1.001193", false, &Filter::default(), 1);
    assert_eq!(plan.labels, ["mã", "1.001193"]);
    assert!(plan.missing(&r.hits[0]).iter().all(|w| w != "1.001193"));
}

/// `motcua search … | head`: a reader that stops early ends the command quietly, not with a panic.
#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_motcua"))
        .args(["search", "dang ky khai sinh", "--limit", "10"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("motcua runs");
    drop(child.stdout.take()); // the reader is gone before the first line is written
    let out = child.wait_with_output().expect("motcua ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.status.success(), "{:?}: {stderr}", out.status);
}

/// The count a result list shows is of good matches, not of every procedure sharing a word with the query:
/// «dang ky khai sinh» shares "đăng ký" with most of the catalogue.
#[test]
fn the_count_is_of_good_matches() {
    let local = local();
    let (_, r) = local.query("dang ky khai sinh", false, &Filter::default(), 10);
    assert!(r.confident && r.good >= 1 && r.good * 3 < r.total, "good {} of {}", r.good, r.total);
    // The field filter's counts are of good matches too: they add up to the count.
    assert_eq!(r.per_field.iter().map(|(_, n)| *n as usize).sum::<usize>(), r.good);
}

/// A need the catalogue leaves out (`content/outside.toml`) gets "no good match" and who handles it, even when
/// its words are all in some name; the nearest procedures are still listed. Queries of its own, not the dev set's.
#[test]
fn needs_the_catalogue_leaves_out_say_who_handles_them() {
    let local = local();
    for (q, body) in [
        ("xin giấy phép mở phòng khám tư", "Sở Y tế"),
        ("dang ky nhan hieu cho san pham", "Cục Sở hữu trí tuệ"),
        ("lắp công tơ điện cho nhà mới", "điện lực"),
        ("di xuat khau lao dong nhat ban", "Sở Nội vụ"),
        ("tạm hoãn nghĩa vụ quân sự", "quân sự"),
        ("giấy khám sức khỏe đi làm", "phòng khám"),
        ("làm lại bằng tốt nghiệp đại học", "Sở Giáo dục"),
        ("nộp phạt giao thông qua mạng", "kho bạc"),
    ] {
        let (plan, r) = local.query(q, false, &Filter::default(), 10);
        assert!(!r.confident && r.good == 0, "{q}: confident {} with {} good matches", r.confident, r.good);
        let note = local.core.outside_note(&plan).unwrap_or_else(|| panic!("{q}: no note"));
        assert!(note.contains(body), "{q}: {note}");
        assert!(!r.hits.is_empty(), "{q}: the nearest procedures are listed");
    }
}

/// A query that names a need the catalogue has for papers and businesses of every kind is about that need, even
/// when it mentions a paper or business of a topic the catalogue leaves out.
#[test]
fn a_need_the_catalogue_has_for_any_topic_is_still_answered() {
    let local = local();
    for q in [
        "giấy phép xây dựng phòng khám",
        "đăng ký kinh doanh nhà thuốc",
        "khai thuế cho phòng khám",
        "chứng thực bản sao bằng tốt nghiệp",
        // A paper asked for any purpose: the purpose is a topic the catalogue leaves out.
        "lý lịch tư pháp để đi xuất khẩu lao động hàn quốc",
        "khai báo tạm vắng để đi xuất khẩu lao động",
        // A pension is social insurance's, even paid into a bank account.
        "lãnh lương hưu qua thẻ atm",
    ] {
        let (plan, _) = local.query(q, false, &Filter::default(), 10);
        assert_eq!(local.core.outside_note(&plan), None, "{q}");
    }
    let (_, r) = local.query("đăng ký kinh doanh nhà thuốc", false, &Filter::default(), 10);
    assert!(r.confident && r.good > 0);
}

/// Queries of the dev set's kinds that the dev set does not have (`tests/data/queries-extra.tsv`, 40 needs the
/// catalogue leaves out and 40 it answers, many sharing words with those), written by someone who had not seen
/// `content/outside.toml`. Its first run, with the list as first written, answered 32 of the 40 absent needs
/// honestly and wrongly called 2 more judged queries "no good match"; the list was then mended by its own rules
/// (phrases name needs, not purposes or places), so the set is no longer blind: it guards against regressions.
#[test]
fn other_queries_of_the_same_kinds_hold_up() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/queries-extra.tsv");
    let r = evaluate(local(), &read_judged(&std::fs::read_to_string(path).unwrap()));
    eprintln!("S@1 {:.3}  S@3 {:.3}  MRR@10 {:.3}", r.success_at_1, r.success_at_3, r.mrr_at_10);
    eprintln!("absent needs answered with confidence: {:?}", r.absent_answered);
    assert_eq!(r.absent, 40);
    assert!(r.absent_answered.len() <= 4, "absent needs answered with confidence: {:?}", r.absent_answered);
    // The targets for the dev set hold here too.
    assert!(r.success_at_3 >= 0.92, "Success@3 {:.3} < 0.92", r.success_at_3);
    assert!(r.mrr_at_10 >= 0.85, "MRR@10 {:.3} < 0.85", r.mrr_at_10);
    assert!(r.wrongly_unsure.is_empty(), "judged queries called \"no good match\": {:?}", r.wrongly_unsure);
}

/// A variant of a procedure (re-issue, renewal, cancellation) ranks below the procedure itself unless the query
/// asks for one: each row is a query, the name the answer starts with (in the top 3), and the name of the other
/// side (the variant, or the procedure itself) that must rank below it.
#[test]
fn variants_come_first_only_when_asked_for() {
    let local = local();
    for (q, answer, below) in [
        ("xoa dang ky phuong tien thuy noi dia", "Xóa đăng ký", "Đăng ký phương tiện lần đầu"),
        ("đăng ký phương tiện thủy nội địa", "Đăng ký phương tiện lần đầu", "Xóa đăng ký"),
        ("gia han giay phep khai thac khoang san", "Gia hạn", "Cấp giấy phép khai thác khoáng sản"),
        ("cấp giấy phép khai thác khoáng sản", "Cấp giấy phép khai thác khoáng sản", "Gia hạn"),
        ("cap lai chung chi hanh nghe kien truc", "Cấp lại", "Cấp chứng chỉ hành nghề kiến trúc"),
        ("chứng chỉ hành nghề kiến trúc bị mất", "Cấp lại", "Cấp chứng chỉ hành nghề kiến trúc"),
        // "mất" of a person, not of a paper.
        ("mẹ tôi mất rồi, khai tử ở đâu", "Đăng ký khai tử", "Đăng ký lại khai tử"),
        // A foreign element is a variant too, asked for by what people say of it.
        ("bố tôi mất ở nhà, báo tử cần gì", "=Đăng ký khai tử", "Đăng ký khai tử có yếu tố nước ngoài tại khu vực biên giới"),
        ("khai tử cho người nước ngoài", "Đăng ký khai tử có yếu tố nước ngoài", "=Đăng ký khai tử"),
        // A variant's words may begin on the name's third word and end after it.
        ("anh tôi bị bệnh tâm thần, tôi muốn đăng ký làm người giám hộ", "=Đăng ký giám hộ", "Đăng ký chấm dứt"),
        ("cham dut giam ho", "Đăng ký chấm dứt giám hộ", "=Đăng ký giám hộ"),
        ("đăng ký hộ kinh doanh", "=Đăng ký thành lập hộ kinh doanh", "Đăng ký thay đổi"),
        ("thay doi dia chi ho kinh doanh", "Đăng ký thay đổi", "=Đăng ký thành lập hộ kinh doanh"),
    ] {
        let (plan, r) = local.query(q, false, &Filter::default(), 50);
        let names: Vec<&str> = r.hits.iter().map(|h| local.docs[h.doc as usize].name.as_str()).collect();
        // The first name that begins with the words; "=…" is a whole name.
        let rank = |start: &str| {
            let hit = |n: &&str| start.strip_prefix('=').map_or(n.starts_with(start), |whole| *n == whole);
            names.iter().position(hit).unwrap_or(names.len())
        };
        assert!(
            rank(answer) < 3 && rank(answer) < rank(below),
            "«{q}» (asks for a variant: {}): {:?}",
            plan.asks_variant,
            &names[..names.len().min(4)]
        );
    }
}

/// Two colloquial forms of one synonym group in a query are one query word: the second used to have no tokens of
/// its own (the first's took them), so every result lacked it and a good answer was called "no good match".
#[test]
fn a_synonym_named_twice_is_one_query_word() {
    let local = local();
    let (plan, r) = local.query("chia đất tách sổ cho con gái", false, &Filter::default(), 3);
    // "cho con" says for whom (content/question_words.toml): no query word a result can lack.
    assert_eq!(plan.labels, ["chia đất", "gái"], "{:?}", plan.labels);
    assert!(r.confident, "coverage {}", r.coverage);
    assert!(local.docs[r.hits[0].doc as usize].name.starts_with("Tách thửa"));
}

/// A word typed twice is searched once, and the second is found wherever the first is: «khai sinh» typed twice
/// used to leave its second copy matching nothing, so every result lacked half the query.
#[test]
fn a_word_typed_twice_counts_twice() {
    let local = local();
    let (plan, r) = local.query("đăng ký khai sinh khai sinh", false, &Filter::default(), 3);
    assert_eq!(plan.repeats, [(2, 4), (3, 5)], "{:?}", plan.repeats);
    assert!(r.coverage > 0.99, "coverage {}", r.coverage);
}

/// Two syllables typed without the space between them are split into the catalogue's words, and the results say
/// which words they lack as understood.
#[test]
fn words_typed_without_their_space_are_split() {
    let local = local();
    for (q, understood, first) in [
        ("dinhchinh giay chung nhan", "dinh chinh", "Đính chính"),
        ("giahan tam tru", "gia han tam tru", "Gia hạn tạm trú"),
    ] {
        let (plan, r) = local.query(q, false, &Filter::default(), 3);
        assert!(plan.understood.starts_with(understood), "{q}: understood «{}»", plan.understood);
        // Among the first three: «đính chính giấy chứng nhận» is as much the business registration's correction
        // (used more) as the land certificate's.
        let names: Vec<&str> = r.hits.iter().take(3).map(|h| local.docs[h.doc as usize].name.as_str()).collect();
        assert!(names.iter().any(|n| n.starts_with(first)), "{q}: the first three are {names:?}");
    }
    // The word being typed is completed, not split.
    let (plan, _) = local.query("gia hantam", true, &Filter::default(), 3);
    assert!(!plan.understood.contains("han tam"), "{}", plan.understood);
    // A word with the shape of one syllable is one word the names do not say ("tiệm"), not "ti" + "em".
    let (plan, _) = local.query("tiem vang", false, &Filter::default(), 3);
    assert!(!plan.understood.contains("ti em"), "{}", plan.understood);
}
