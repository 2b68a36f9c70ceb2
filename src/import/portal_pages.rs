//! Reads `portal-pages/*.jsonl`: one JSON object per line, text scraped from the portal's detail pages.
//!
//! Simple header fields (code, name, decision, level, type, field, audiences, agencies) are taken from the
//! record's own fields. Everything below the header (steps, methods, papers, legal basis, agency,
//! requirements, results) is re-read from `raw_text`, the ground truth, because the crawl's per-field split is
//! damaged in about a fifth of the records (see [`super::sections`]).

use super::clean::{self, capitalise, split_names, value};
use super::report::{Outcome, Record};
use super::times::TimeParse;
use super::fees::FeeParse;
use super::{furniture, legal, sections, steps, tables, times};
use crate::content::{Agencies, Flag, Level, Procedure, TimeUnit};
use serde::Deserialize;

/// One line of a `portal-pages/*.jsonl` file. Unknown fields are ignored; missing ones are empty.
#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct PageRecord {
    /// Procedure code.
    pub ma_thu_tuc: String,
    /// Portal page.
    pub detail_url: String,
    /// Name.
    pub ten_thu_tuc: String,
    /// Publishing decision.
    pub so_quyet_dinh: String,
    /// Levels, comma separated.
    pub cap_thuc_hien: String,
    /// Type.
    pub loai_thu_tuc: String,
    /// Field.
    pub linh_vuc: String,
    /// Audiences, comma separated.
    pub doi_tuong_thuc_hien: String,
    /// Competent agency.
    pub co_quan_co_tham_quyen: String,
    /// Receiving address.
    pub dia_chi_tiep_nhan: String,
    /// Authorised agency.
    pub co_quan_duoc_uy_quyen: String,
    /// Coordinating agency.
    pub co_quan_phoi_hop: String,
    /// Related procedures.
    pub thu_tuc_lien_quan: String,
    /// Steps (may be cut).
    pub trinh_tu_thuc_hien: String,
    /// The whole page text.
    pub raw_text: String,
}

/// Names that start with "Thủ tục" as part of a term, where stripping the word would change the meaning
/// ("Thủ tục hải quan …" is the customs procedure itself).
const KEEP_THU_TUC: &[&str] = &["hải quan", "hành chính", "đối với", "xuất cảnh", "nhập cảnh", "quá cảnh"];

/// The display name: NFC, tidy, without the leading "Thủ tục " (every procedure is one), except where
/// "thủ tục" is part of the term (see [`KEEP_THU_TUC`]); first letter capitalised.
pub fn display_name(raw: &str) -> String {
    let name = value(raw);
    if let Some(rest) = name.strip_prefix("Thủ tục ") {
        let lower = rest.to_lowercase();
        if !KEEP_THU_TUC.iter().any(|k| lower.starts_with(k)) && !rest.is_empty() {
            return capitalise(rest);
        }
    }
    name
}

/// Maps "Cấp xã, Cấp tỉnh" to levels (sorted, unique); unknown names become [`Level::Other`] with a flag.
pub fn levels(raw: &str, flags: &mut Vec<Flag>) -> Vec<Level> {
    let mut out = Vec::new();
    for part in value(raw).split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let level = match crate::text::fold(part).to_lowercase().as_str() {
            "cap xa" | "cap phuong" | "cap xa, phuong" => Level::Commune,
            "cap tinh" => Level::Province,
            "cap bo" | "cap trung uong" => Level::Ministry,
            "co quan khac" => Level::Other,
            _ => {
                flags.push(Flag { field: "levels".into(), reason: format!("cấp thực hiện lạ \"{part}\"; ghi là cơ quan khác") });
                Level::Other
            }
        };
        out.push(level);
    }
    out.sort();
    out.dedup();
    out
}

/// Makes a portal link https (the site only links to https).
pub fn https(url: &str) -> String {
    let u = clean::nfc(url.trim());
    match u.strip_prefix("http://") {
        Some(rest) => format!("https://{rest}"),
        None => u,
    }
}

/// Converts one page record. Never fails: what cannot be parsed is kept as text and flagged.
pub fn to_procedure(rec: &PageRecord) -> (Procedure, Record) {
    let mut r = Record::default();
    let mut flags = Vec::new();
    let raw = clean::nfc(&rec.raw_text);
    let levels = levels(&rec.cap_thuc_hien, &mut flags);
    r.set("levels", if levels.is_empty() { Outcome::Empty } else { Outcome::Clean });
    let mut p = Procedure {
        code: clean::nfc(rec.ma_thu_tuc.trim()),
        name: display_name(&rec.ten_thu_tuc),
        field: value(&rec.linh_vuc),
        levels,
        audiences: split_names(&rec.doi_tuong_thuc_hien),
        kind: value(&rec.loai_thu_tuc),
        decision: value(&rec.so_quyet_dinh),
        portal_url: https(&rec.detail_url),
        related: tables::related(&rec.thu_tuc_lien_quan),
        ..Default::default()
    };
    let mut agencies = Agencies {
        competent: split_names(&rec.co_quan_co_tham_quyen),
        receiving_address: value(&rec.dia_chi_tiep_nhan),
        authorized: split_names(&rec.co_quan_duoc_uy_quyen),
        coordinating: split_names(&rec.co_quan_phoi_hop),
        ..Default::default()
    };

    match sections::split(&raw) {
        Err(why) => {
            flags.push(Flag { field: "raw_text".into(), reason: format!("không chia được trang thành các mục: {why}") });
            let s = steps::split(&rec.trinh_tu_thuc_hien);
            r.set("steps", if s.is_empty() { Outcome::Empty } else { Outcome::Flagged });
            p.steps = s;
        }
        Ok(sec) => {
            // Steps: always from raw_text; count the records whose JSONL field was cut.
            p.steps = steps::split(&sec.steps);
            let field_cut = value(&rec.trinh_tu_thuc_hien) != value(&sec.steps);
            r.set("steps", match (p.steps.is_empty(), field_cut) {
                (true, _) => Outcome::Empty,
                (false, true) => Outcome::Fallback,
                (false, false) => Outcome::Clean,
            });

            // Methods.
            let m = tables::methods(&sec.methods);
            if m.methods.is_empty() {
                if value(&sec.methods.replace(tables::METHODS_HEADER, "")).is_empty() {
                    r.set("methods/time", Outcome::Empty);
                    r.set("methods/fee", Outcome::Empty);
                } else {
                    r.set("methods/time", Outcome::Flagged);
                    r.set("methods/fee", Outcome::Flagged);
                    flags.push(Flag {
                        field: "methods".into(),
                        reason: format!("không đọc được dòng nào trong bảng cách thức thực hiện: \"{}\"", tables::short(&value(&sec.methods))),
                    });
                }
            }
            if let Some(problem) = &m.problem {
                r.set("methods/time", Outcome::Flagged);
                flags.push(Flag { field: "methods".into(), reason: problem.clone() });
            }
            // Unit-less times: look for the same number with a unit anywhere in the procedure's own text
            // (other rows, steps, requirements) before giving up.
            // The numbers the table's rows print with their units ("Trực tuyến1 Ngày làm việc…Trực tiếp1Miễn
            // phí"): a procedure's time column repeats, so a bare row's unit may come from them, and says so.
            let sibling_units: Vec<(f64, TimeUnit)> = m
                .methods
                .iter()
                .filter_map(|x| x.time.amount.map(|a| (a, x.time.unit)))
                .filter(|(_, u)| !matches!(u, TimeUnit::Unspecified | TimeUnit::Text))
                .collect();
            let mut context = String::new();
            for x in &m.methods {
                context.push_str(&x.description);
                context.push('\n');
            }
            for (a, unit) in &sibling_units {
                context.push_str(&format!("{a} {}\n", unit.label()));
            }
            let mut own_text = m.methods.iter().map(|x| x.description.as_str()).collect::<Vec<_>>().join("\n");
            own_text.push('\n');
            own_text.push_str(&value(&sec.steps));
            own_text.push('\n');
            own_text.push_str(&value(&sec.requirements));
            context.push_str(&value(&sec.steps));
            context.push('\n');
            context.push_str(&value(&sec.requirements));
            let mut m = m;
            // "30 Ngày" where the procedure's own text says "30 ngày làm việc" and never "30 ngày" alone.
            for (i, x) in m.methods.iter_mut().enumerate() {
                if let (TimeParse::Clean, Some(a), TimeUnit::Days) = (&m.times[i], x.time.amount, x.time.unit) {
                    if times::only_working_days(a, &own_text) {
                        x.time.unit = TimeUnit::WorkingDays;
                        m.times[i] = TimeParse::Inferred(format!(
                            "cổng ghi \"{a} ngày\" nhưng trình tự/mô tả của chính thủ tục này ghi \"{a} ngày làm việc\"; lấy ngày làm việc"
                        ));
                    }
                }
            }
            for (i, x) in m.methods.iter_mut().enumerate() {
                if m.times[i] != TimeParse::NoUnit {
                    continue;
                }
                if let Some(unit) = x.time.amount.and_then(|a| times::infer(a, &context)) {
                    let amount = x.time.amount.unwrap_or_default();
                    let source = if sibling_units.contains(&(amount, unit)) {
                        "lấy từ hình thức nộp khác của chính thủ tục này, ghi cùng số với đơn vị đó"
                    } else {
                        "lấy từ trình tự/mô tả của chính thủ tục này"
                    };
                    x.time.unit = unit;
                    m.times[i] = TimeParse::Inferred(format!(
                        "cổng chỉ ghi số \"{amount}\" không có đơn vị; đơn vị \"{}\" {source}",
                        unit.label()
                    ));
                }
            }
            for (i, t) in m.times.iter().enumerate() {
                match t {
                    TimeParse::Clean => r.set("methods/time", Outcome::Clean),
                    TimeParse::Empty => r.set("methods/time", Outcome::Empty),
                    TimeParse::Inferred(why) => {
                        r.set("methods/time", Outcome::Fallback);
                        flags.push(Flag { field: format!("methods[{i}].time"), reason: why.clone() });
                    }
                    TimeParse::Glued(why) => {
                        r.set("methods/time", Outcome::Flagged);
                        flags.push(Flag { field: format!("methods[{i}].time"), reason: why.clone() });
                    }
                    TimeParse::NoUnit => {
                        r.set("methods/time", Outcome::Flagged);
                        flags.push(Flag {
                            field: format!("methods[{i}].time"),
                            reason: "cổng chỉ ghi số, không ghi đơn vị thời gian (ngày, ngày làm việc, giờ…); cần kiểm tra với văn bản công bố".into(),
                        });
                    }
                }
            }
            for (i, f) in m.fees.iter().enumerate() {
                match f {
                    FeeParse::Clean => r.set("methods/fee", Outcome::Clean),
                    FeeParse::Empty => r.set("methods/fee", Outcome::Empty),
                    FeeParse::Fallback(why) => {
                        r.set("methods/fee", Outcome::Fallback);
                        flags.push(Flag { field: format!("methods[{i}].fees"), reason: why.clone() });
                    }
                    FeeParse::Check(why) => {
                        r.set("methods/fee", Outcome::Clean);
                        flags.push(Flag { field: format!("methods[{i}].fees"), reason: why.clone() });
                    }
                    FeeParse::Uncertain(why) => {
                        r.set("methods/fee", Outcome::Flagged);
                        flags.push(Flag { field: format!("methods[{i}].fees"), reason: why.clone() });
                    }
                }
            }
            p.methods = m.methods;

            // Papers.
            let pr = tables::papers(&sec.papers);
            r.set("papers", if pr.groups.is_empty() {
                Outcome::Empty
            } else if pr.problems.is_empty() {
                Outcome::Clean
            } else {
                Outcome::Flagged
            });
            for why in pr.problems {
                flags.push(Flag { field: "papers".into(), reason: why });
            }
            for rule in &pr.repaired {
                r.repair("papers", rule);
            }
            p.papers = pr.groups;

            // Legal basis.
            let lr = legal::legal(&sec.legal);
            r.set("legal_basis", if lr.docs.is_empty() {
                Outcome::Empty
            } else if lr.problems.is_empty() {
                Outcome::Clean
            } else {
                Outcome::Flagged
            });
            for why in lr.problems {
                flags.push(Flag { field: "legal_basis".into(), reason: why });
            }
            for rule in &lr.repaired {
                r.repair("legal_basis", rule);
            }
            p.legal_basis = lr.docs;

            // Agency, requirements, results, keywords, description.
            agencies.carrying_out = split_names(&sec.agency);
            r.set("agencies", if agencies.carrying_out.is_empty() && agencies.competent.is_empty() {
                Outcome::Empty
            } else {
                Outcome::Clean
            });
            // The keyword box's label can trail the requirements when the box is empty ("…Từ khóa:").
            p.requirements = value(&sec.requirements);
            for label in ["Từ khóa:", "Mô tả:"] {
                if let Some(kept) = p.requirements.strip_suffix(label) {
                    p.requirements = kept.trim_end().to_string();
                    r.repair("requirements", "nhãn \"Từ khóa:\"/\"Mô tả:\" của trang dính ở cuối yêu cầu, điều kiện: xoá");
                }
            }
            r.set("requirements", if p.requirements.is_empty() { Outcome::Empty } else { Outcome::Clean });
            let rr = sec.results.as_deref().map(tables::results).unwrap_or_default();
            for rule in &rr.repaired {
                r.repair("results", rule);
            }
            p.results = rr.names;
            r.set("results", if p.results.is_empty() { Outcome::Empty } else { Outcome::Clean });
            p.keywords = split_names(&sec.keywords);
            p.description = value(&sec.description);
        }
    }
    p.agencies = agencies;
    p.flags = flags;
    scrub(&mut p);
    (p, r)
}

/// Last line of defence: strips any furniture string left in a text value, and flags it.
pub fn scrub(p: &mut Procedure) {
    let mut found = Vec::new();
    let mut fix = |field: &str, s: &mut String| {
        if let Some(f) = furniture::find(s) {
            found.push(Flag { field: field.to_string(), reason: format!("đã xoá phần thừa của trang \"{f}\" khỏi giá trị") });
            *s = furniture::strip(s);
            if furniture::HEADINGS.contains(&s.trim()) {
                s.clear();
            }
        }
    };
    fix("requirements", &mut p.requirements);
    fix("description", &mut p.description);
    for s in &mut p.results {
        fix("results", s);
    }
    for s in &mut p.steps {
        fix("steps", &mut s.text);
    }
    for (i, m) in p.methods.iter_mut().enumerate() {
        fix(&format!("methods[{i}].description"), &mut m.description);
        for f in &mut m.fees {
            fix(&format!("methods[{i}].fees"), &mut f.rule);
        }
    }
    for g in &mut p.papers {
        fix("papers", &mut g.name);
        for x in &mut g.papers {
            fix("papers", &mut x.name);
            fix("papers", &mut x.form);
        }
    }
    for d in &mut p.legal_basis {
        fix("legal_basis", &mut d.title);
        fix("legal_basis", &mut d.number);
    }
    for a in p.agencies.carrying_out.iter_mut().chain(p.agencies.competent.iter_mut()) {
        fix("agencies", a);
    }
    p.results.retain(|s| !s.is_empty());
    p.flags.extend(found);
}
