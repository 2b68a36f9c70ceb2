//! The importer on real records (tests/fixtures/dvcqg: portal-pages lines copied from the national export,
//! each showing one of the crawl's defects, plus the structured API sample) and the validator's messages. The
//! committed `content/` itself is checked in `tests/catalogue_content.rs`.

use motcua::content::{Catalogue, Channel, Level, Procedure, TimeUnit};
use motcua::import;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const FIXTURES: &str = "tests/fixtures/dvcqg";

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("motcua-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn imported() -> BTreeMap<String, Procedure> {
    let (procedures, _) = import::read_export(Path::new(FIXTURES), false).unwrap();
    procedures.into_iter().map(|p| (p.code.clone(), p)).collect()
}

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for sub in [dir.to_path_buf(), dir.join("procedures")] {
        for e in std::fs::read_dir(&sub).unwrap() {
            let p = e.unwrap().path();
            if p.is_file() {
                out.insert(p.strip_prefix(dir).unwrap().display().to_string(), std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

#[test]
fn importing_twice_is_byte_identical() {
    let a = temp("twice-a");
    let b = temp("twice-b");
    import::run(Path::new(FIXTURES), &a, false, None, true).unwrap();
    import::run(Path::new(FIXTURES), &b, false, None, true).unwrap();
    let first = files(&a);
    import::run(Path::new(FIXTURES), &a, false, None, true).unwrap(); // over its own output
    assert_eq!(first, files(&b));
    assert_eq!(first, files(&a));
    assert!(first.contains_key("IMPORT_REPORT.md") && first.contains_key("site.toml"));
    // The output validates.
    let cat = Catalogue::load(&a).unwrap_or_else(|e| panic!("{}", e.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n")));
    assert_eq!(cat.procedures.len(), 11);
}

/// A new export against edited content: the change is recorded with its parts and date, editors' work is kept,
/// and a summary whose official papers changed is listed for review.
#[test]
fn reimport_records_changes_and_keeps_editors_work() {
    let dir = temp("changes");
    import::run(Path::new(FIXTURES), &dir, false, Some("2026-01-01"), true).unwrap();
    assert!(!dir.join("changes.toml").exists(), "the first import records nothing: every procedure would be new");
    // Pretend the catalogue held another fee and an editor wrote names and a summary citing a paper.
    let path = dir.join("procedures/1.001193.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replacen("amount = 0", "amount = 5000", 1).replacen(
        "name = \"Đăng ký khai sinh\"\n",
        "name = \"Đăng ký khai sinh\"\nalso_called = [\"Làm giấy khai sinh\"]\n",
        1,
    ) + "\n[summary]\ncost = \"Miễn phí\"\ntime = \"Trong ngày\"\nwhere = \"UBND xã\"\nhow = \"Trực tiếp\"\n\n\
         [[summary.bring]]\nitem = \"Giấy chứng sinh\"\npapers = [\"Giấy chứng sinh\"]\n";
    std::fs::write(&path, text).unwrap();
    import::run(Path::new(FIXTURES), &dir, false, Some("2026-02-01"), true).unwrap();

    let cat = Catalogue::load(&dir).unwrap_or_else(|e| panic!("{}", e.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n")));
    let p = cat.procedures.iter().find(|p| p.code == "1.001193").unwrap();
    assert_eq!(p.also_called, ["Làm giấy khai sinh"], "the editor's names are kept");
    assert!(p.summary.is_some(), "the editor's summary is kept");
    assert_eq!(cat.changes.len(), 1, "{:?}", cat.changes);
    assert_eq!((cat.changes[0].date.as_str(), cat.changes[0].code.as_str()), ("2026-02-01", "1.001193"));
    assert!(cat.changes[0].parts.contains(&"Phí, lệ phí".to_string()), "{:?}", cat.changes[0].parts);
    let report = std::fs::read_to_string(dir.join("IMPORT_REPORT.md")).unwrap();
    assert!(report.contains("Changes recorded by the newest import (2026-02-01): 0 new, 1 changed"), "{report}");
    assert!(report.contains("1.001193: văn bản chính thức đổi phần: Phí, lệ phí"), "{report}");
    // Importing the same export again changes nothing.
    let before = files(&dir);
    import::run(Path::new(FIXTURES), &dir, false, Some("2026-03-01"), true).unwrap();
    assert_eq!(before, files(&dir));
}

#[test]
fn khai_sinh_1_001193_flattened_methods_unitless_times_furniture() {
    let all = imported();
    let p = &all["1.001193"];
    assert_eq!(p.name, "Đăng ký khai sinh", "leading \"Thủ tục\" stripped");
    assert_eq!(p.field, "Hộ tịch");
    assert_eq!(p.levels, vec![Level::Commune]);
    assert_eq!(p.decision, "163/QĐ-BTP");
    assert_eq!(p.audiences, vec!["Công dân Việt Nam", "Người Việt Nam định cư ở nước ngoài"]);
    assert_eq!(p.portal_url, "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7");
    assert_eq!(p.usage_weight, 17610);
    // "Trực tuyến1Miễn phíDịch vụ bưu chính1Miễn phíTrực tiếp1Miễn phí": three rows, free, unit lost.
    let channels: Vec<Channel> = p.methods.iter().map(|m| m.channel).collect();
    assert_eq!(channels, [Channel::Online, Channel::Post, Channel::InPerson]);
    for m in &p.methods {
        assert_eq!(m.time.amount, Some(1.0));
        assert_eq!(m.time.unit, TimeUnit::Unspecified);
        assert_eq!(m.fees.len(), 1);
        assert_eq!(m.fees[0].amount, Some(0));
    }
    assert_eq!(p.flags.iter().filter(|f| f.field.ends_with(".time")).count(), 3, "each unit-less time is flagged");
    // Results: "Giấy khai sinhMã: KQ.G15.000031Từ khóa…Nộp hồ sơ" → just the result.
    assert_eq!(p.results, vec!["Giấy khai sinh"]);
    // Papers: groups with their headings, rows split at their quantities, notes marked.
    let groups: Vec<&str> = p.papers.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(groups[..3], ["Giấy tờ phải nộp", "Giấy tờ phải xuất trình", "Lưu ý"]);
    let first = &p.papers[0].papers[0];
    assert!(first.name.starts_with("Trường hợp trẻ em bị bỏ rơi"));
    assert_eq!((first.originals, first.copies, first.note), (1, 0, false));
    assert!(p.papers[0].papers[2].note, "a 0-bản row is a note");
    let last = p.papers.last().unwrap().papers.last().unwrap();
    assert!(last.name.starts_with("Mẫu hộ tịch điện tử tương tác"));
    assert_eq!(last.originals, 1);
    // Legal basis: title + number rows.
    assert_eq!(p.legal_basis[0].number, "85/2019/TT-BTC");
    assert!(p.legal_basis[0].title.starts_with("Thông tư Hướng dẫn về phí và lệ phí"));
    assert!(p.legal_basis.iter().any(|d| d.number == "123/2015/NĐ-CP" && d.title.ends_with("Luật Hộ tịch")));
    assert!(p.legal_basis.iter().any(|d| d.number == "60/2014/QH13" && d.title == "Luật 60/2014/QH13"));
    assert!(p.steps.len() >= 5);
    assert!(p.steps[0].text.starts_with("Nếu lựa chọn hình thức nộp hồ sơ trực tiếp"));
    assert!(p.requirements.is_empty(), "\"Không có thông tin\" is empty");
}

#[test]
fn chung_thuc_2_000815_prose_fee_and_foreign_currency() {
    let all = imported();
    let p = &all["2.000815"];
    assert_eq!(p.field, "Chứng thực");
    assert_eq!(p.decision, "3152/QĐ-BTP");
    assert_eq!(p.usage_weight, 2661097, "the max over audiences, not the sum");
    let m = &p.methods[0];
    assert_eq!(m.channel, Channel::InPerson);
    assert_eq!(m.time.amount, None, "\"Không có thông tin\" time");
    assert_eq!(m.fees[0].amount, Some(2000));
    assert_eq!(m.fees[0].rule, "/trang");
    let usd = &p.methods[1].fees[0];
    assert_eq!(usd.amount, None);
    assert_eq!(usd.rule, "10 USD (/bản)");
    assert!(p.flags.iter().any(|f| f.field == "methods[1].fees" && f.reason.contains("ngoại tệ")));
    assert_eq!(p.legal_basis[0].number, "264/2016/TT-BTC");
}

#[test]
fn tam_tru_1_004194_fees_with_rules() {
    let all = imported();
    let p = &all["1.004194"];
    assert_eq!(p.name, "Đăng ký tạm trú");
    assert_eq!(p.levels, vec![Level::Commune]);
    assert_eq!(p.usage_weight, 15539622);
    assert_eq!(p.methods[0].channel, Channel::Online);
    assert_eq!((p.methods[0].time.amount, p.methods[0].time.unit), (Some(3.0), TimeUnit::WorkingDays));
    assert_eq!(p.methods[0].fees[0].amount, Some(7000));
    assert!(p.methods[0].fees[0].rule.contains("7.000 đồng/lần"));
    assert_eq!(p.methods[1].fees[0].amount, Some(10000));
    assert_eq!(p.papers[0].name, "Hồ sơ đăng ký tạm trú gồm");
}

#[test]
fn dat_dai_1_013831_land_procedure() {
    let all = imported();
    let p = &all["1.013831"];
    assert_eq!(p.field, "Đất đai");
    assert_eq!(p.levels, vec![Level::Province]);
    assert_eq!(p.decision, "3380/QĐ-BNNMT");
    let times: Vec<Option<f64>> = p.methods.iter().map(|m| m.time.amount).collect();
    assert_eq!(times, [Some(18.0), Some(4.0), Some(18.0)]);
    assert!(p.methods.iter().all(|m| m.time.unit == TimeUnit::WorkingDays && m.fees[0].amount == Some(0)));
    assert!(p.papers[0].name.starts_with("a) Đối với trường hợp chuyển đổi"));
    assert_eq!((p.papers[0].papers[0].originals, p.papers[0].papers[0].copies), (1, 1));
}

#[test]
fn doanh_nghiep_2_001610_business_procedure() {
    let all = imported();
    let p = &all["2.001610"];
    assert_eq!(p.name, "Đăng ký thành lập doanh nghiệp tư nhân");
    assert_eq!(p.decision, "92/QĐ-BTC");
    assert_eq!(p.methods.len(), 3);
    let fee = &p.methods[0].fees[0];
    assert_eq!((fee.amount, fee.kind.as_str()), (Some(100_000), "phí"));
    assert!(fee.rule.starts_with("Phí công bố nội dung đăng ký doanh nghiệp: 100.000 đồng/lần"));
    assert_eq!(p.papers[0].name, "Trường hợp đăng ký doanh nghiệp xã hội");
    assert_eq!((p.papers[0].papers[0].originals, p.papers[0].papers[0].copies), (0, 1));
}

#[test]
fn cut_steps_are_recovered_from_raw_text() {
    // 2.002338: trinh_tu_thuc_hien stops at "Trường hợp nộp hồ sơ qua môi trường điện tử:"; the rest is in raw_text.
    let all = imported();
    let p = &all["2.002338"];
    let text: String = p.steps.iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join("\n");
    assert!(text.contains("Trường hợp nộp hồ sơ qua môi trường điện tử:"));
    assert!(text.contains("Thành phần hồ sơ phải được kê khai và ký chữ ký số"), "{text}");
    // …and its papers section starts at the real heading, not at the words inside the steps.
    assert!(!p.papers.is_empty());
}

#[test]
fn fee_printed_in_thousands_is_corrected_and_flagged() {
    // 3.000350: "135 VNĐ(Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần.)"
    let all = imported();
    let p = &all["3.000350"];
    assert_eq!(p.methods[0].fees[0].amount, Some(135_000));
    assert_eq!(p.methods[0].fees[0].kind, "lệ phí");
    assert!(p.flags.iter().any(|f| f.field == "methods[0].fees" && f.reason.contains("135.000")));
}

#[test]
fn structured_api_sample_wins_over_the_page() {
    let all = imported();
    let p = &all["2.000942"];
    assert_eq!(p.name, "Cấp bản sao có chứng thực từ bản chính giao dịch đã được chứng thực");
    assert_eq!(p.field, "Chứng thực");
    assert_eq!(p.levels, vec![Level::Commune]);
    assert_eq!(p.decision, "858/QĐ-BTP");
    assert_eq!(p.portal_url, "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-95d6-778f-889b-e3045003fa5e");
    assert_eq!(p.audiences, vec!["Công dân Việt Nam", "Tổ chức (không bao gồm doanh nghiệp, HTX)"]);
    let m = &p.methods[0];
    assert_eq!(m.channel, Channel::InPerson);
    assert_eq!((m.time.amount, m.time.unit), (Some(1.0), TimeUnit::WorkingDays), "from the case when the method says OTHER");
    assert_eq!(m.fees[0].amount, Some(2000));
    assert_eq!(m.fees[0].kind, "phí");
    assert!(m.fees[0].rule.starts_with("2.000 đồng/trang; từ trang thứ 3 trở lên thu 1.000 đồng/trang"));
    assert_eq!((p.papers[0].papers[0].originals, p.papers[0].papers[0].copies), (1, 0));
    assert_eq!(p.legal_basis[0].number, "18/2026/NĐ-CP");
    assert!(!p.legal_basis[0].title.contains('\n'));
    assert_eq!(p.results, vec!["Bản sao giao dịch được chứng thực"]);
    assert_eq!(p.agencies.carrying_out, vec!["Ủy ban nhân dân cấp xã"]);
    assert!(p.requirements.is_empty(), "\"Không.\" means none");
    assert!(p.steps.len() >= 5);
    assert_eq!(p.usage_weight, 156);
}

// ---- validation -------------------------------------------------------------------------------------------

const GOOD: &str = r#"code = "1.000001"
name = "Thủ tục mẫu"
field = "Hộ tịch"
levels = ["xã"]
portal_url = "https://dichvucong.gov.vn/x"
"#;

fn content_with(files: &[(&str, &str)]) -> PathBuf {
    let dir = temp(&format!("validate-{}", files.iter().map(|f| f.0.replace('.', "")).collect::<Vec<_>>().join("-")));
    std::fs::create_dir_all(dir.join("procedures")).unwrap();
    std::fs::write(dir.join("site.toml"), import::write::DEFAULT_SITE).unwrap();
    for (name, text) in files {
        std::fs::write(dir.join("procedures").join(name), text).unwrap();
    }
    dir
}

fn errors(dir: &Path) -> Vec<String> {
    match Catalogue::load(dir) {
        Ok(_) => Vec::new(),
        Err(e) => e.iter().map(|e| e.to_string()).collect(),
    }
}

#[test]
fn every_problem_is_reported_in_one_run_with_file_line_field() {
    let dir = content_with(&[
        ("1.000001.toml", GOOD),
        ("1.000002.toml", "code = \"1.000002\"\nname = \"x\nfield = 1\n"),                               // bad TOML
        ("1.000003.toml", "code = \"1.000003\"\nfield = \"a\"\nlevels = []\nportal_url = \"https://a.vn\"\n"), // no name
        ("1.000004.toml", &GOOD.replace("1.000001", "1.000004").replace("field =", "colour = \"x\"\nfield =")),
        ("1.000005.toml", GOOD),                                                                          // duplicate code
        ("1.00006.toml", &GOOD.replace("1.000001", "1.00006")),                                           // bad format
        ("1.000007.toml", &GOOD.replace("1.000001", "1.000007").replace("https://", "http://")),
        ("1.000008.toml", &format!("{}\n[[methods]]\nchannel = \"trực tiếp\"\n[methods.time]\nunit = \"ngày\"\n[[methods.fees]]\namount = -5\n", GOOD.replace("1.000001", "1.000008"))),
        ("1.000009.toml", &GOOD.replace("1.000001", "1.000010")),                                       // file name ≠ code
        ("1.000011.toml", &GOOD.replace("1.000001", "1.000011").replace(r#"["xã"]"#, r#"["xã""#)),      // array left open
    ]);
    let errs = errors(&dir);
    let find = |file: &str, needle: &str| {
        errs.iter().find(|e| e.contains(file) && e.contains(needle)).cloned().unwrap_or_else(|| panic!("no error for {file} with {needle:?} in:\n{}", errs.join("\n")))
    };
    assert!(find("1.000002.toml", "TOML syntax error").contains("1.000002.toml:2"));
    assert!(find("1.000003.toml", "missing field `name`").contains("1.000003.toml"));
    assert!(find("1.000004.toml", "unknown field `colour`").contains("1.000004.toml:3: colour: "));
    assert!(find("1.000005.toml", "also used by").contains("1.000005.toml:1: code: "));
    assert!(find("1.00006.toml", "one digit, a dot, six digits").contains("1.00006.toml:1: code: "));
    assert!(find("1.000007.toml", "not an https address").contains("1.000007.toml:5: portal_url: "));
    assert!(find("1.000008.toml", "whole đồng").contains("1.000008.toml:12: methods[0].fees[0].amount: "));
    assert!(find("1.000009.toml", "rename the file").contains("1.000009.toml:1: code: "));
    // The parser notices the open array at the next key; the message names the line that left it open.
    assert!(find("1.000011.toml", "TOML syntax error").contains("1.000011.toml:4: levels: "));
    assert_eq!(errs.iter().filter(|e| e.contains("/1.000001.toml:")).count(), 0, "{}", errs.join("\n"));
}

#[test]
fn site_settings_are_checked() {
    let dir = content_with(&[("1.000001.toml", GOOD)]);
    std::fs::write(dir.join("site.toml"), "title = \"\"\nbase_url = \"http://a.vn/\"\n[centre]\nname = \"\"\n").unwrap();
    let errs = errors(&dir);
    assert!(errs.iter().any(|e| e.contains("site.toml:1: title: ")), "{errs:?}");
    assert!(errs.iter().any(|e| e.contains("site.toml:2: base_url: ") && e.contains("https")), "{errs:?}");
    assert!(errs.iter().any(|e| e.contains("site.toml:4: centre.name: ")), "{errs:?}");
}

#[test]
fn hostile_files_do_not_panic() {
    let huge = format!("{}description = \"{}\"\n", GOOD, "a".repeat(10 * 1024 * 1024));
    let dir = content_with(&[("1.000001.toml", &huge)]);
    std::fs::write(dir.join("procedures/1.000002.toml"), b"code = \"1.000002\"\nname = \"\xff\xfe\"\n").unwrap();
    std::fs::write(dir.join("procedures/1.000003.toml"), "code = 1.5\n[[[[").unwrap();
    let errs = errors(&dir);
    assert!(errs.iter().any(|e| e.contains("1.000001.toml") && e.contains("bytes")), "{errs:?}");
    assert!(errs.iter().any(|e| e.contains("1.000002.toml:2") && e.contains("UTF-8")), "{errs:?}");
    assert!(errs.iter().any(|e| e.contains("1.000003.toml")), "{errs:?}");
}
