//! What a new export changes in `content/`: which procedures are new, which changed and in which parts, and
//! which editors' summaries the new official text may contradict. `motcua import` keeps editors' work (the
//! `also_called` names and the `[summary]`) when it rewrites a file, records the changes in
//! `content/changes.toml` (the site's "Mới cập nhật" page and `/cap-nhat.xml` feed) and lists them in the report.

use crate::content::Procedure;
use crate::content::changes::{Change, ChangeKind};
use crate::content::validate::fold_for_cite as fold;

/// The parts of a procedure people follow, with how they are named to people, and how to read each part.
const PARTS: &[(&str, fn(&Procedure) -> String)] = &[
    ("Tên thủ tục", |p| p.name.clone()),
    ("Lĩnh vực", |p| p.field.clone()),
    ("Cấp thực hiện", |p| format!("{:?}", p.levels)),
    ("Đối tượng", |p| format!("{:?}", p.audiences)),
    ("Thời hạn giải quyết", |p| format!("{:?}", p.methods.iter().map(|m| (&m.channel, &m.time)).collect::<Vec<_>>())),
    ("Phí, lệ phí", |p| format!("{:?}", p.methods.iter().map(|m| (&m.channel, &m.fees)).collect::<Vec<_>>())),
    ("Cách thức nộp", |p| format!("{:?}", p.methods.iter().map(|m| (&m.channel, &m.description)).collect::<Vec<_>>())),
    ("Thành phần hồ sơ", |p| format!("{:?}", p.papers)),
    ("Trình tự thực hiện", |p| format!("{:?}", p.steps)),
    ("Yêu cầu, điều kiện", |p| p.requirements.clone()),
    ("Kết quả", |p| format!("{:?}", p.results)),
    ("Cơ quan thực hiện", |p| format!("{:?}", p.agencies)),
    ("Căn cứ pháp lý", |p| format!("{:?}", p.legal_basis)),
    ("Mô tả", |p| p.description.clone()),
];

/// Parts whose change may make an editor's summary wrong.
const SUMMARY_PARTS: &[&str] = &["Thời hạn giải quyết", "Phí, lệ phí", "Cách thức nộp", "Thành phần hồ sơ", "Trình tự thực hiện"];

/// The parts that differ between the current file and the new export's record.
pub fn changed_parts(old: &Procedure, new: &Procedure) -> Vec<String> {
    PARTS.iter().filter(|(_, read)| read(old) != read(new)).map(|(label, _)| label.to_string()).collect()
}

/// Carries an editor's work from the current file into the new record.
pub fn keep_editorial(old: &Procedure, new: &mut Procedure) {
    if new.also_called.is_empty() {
        new.also_called = old.also_called.clone();
    }
    if new.summary.is_none() {
        new.summary = old.summary.clone();
    }
}

/// Why an editor should look at a summary again after a change, if they should.
pub fn summary_review(new: &Procedure, parts: &[String]) -> Option<String> {
    let summary = new.summary.as_ref()?;
    let touched: Vec<&str> = parts.iter().map(String::as_str).filter(|p| SUMMARY_PARTS.contains(p)).collect();
    let official: Vec<String> =
        new.papers.iter().flat_map(|g| &g.papers).map(|p| format!("{} {}", fold(&p.name), fold(&p.form))).collect();
    let lost: Vec<&str> = summary
        .bring
        .iter()
        .flat_map(|b| &b.papers)
        .filter(|c| !official.iter().any(|o| o.contains(&fold(c))))
        .map(String::as_str)
        .collect();
    if touched.is_empty() && lost.is_empty() {
        return None;
    }
    let mut why = Vec::new();
    if !touched.is_empty() {
        why.push(format!("văn bản chính thức đổi phần: {}", touched.join(", ")));
    }
    if !lost.is_empty() {
        why.push(format!("tóm tắt dẫn giấy tờ không còn trong danh sách: «{}» (sửa [summary] thì mới dựng được trang)", lost.join("», «")));
    }
    Some(why.join("; "))
}

/// The change entry for a procedure, if it is new or changed.
pub fn change(date: &str, old: Option<&Procedure>, new: &Procedure) -> Option<Change> {
    let (kind, parts) = match old {
        None => (ChangeKind::New, Vec::new()),
        Some(old) => {
            let parts = changed_parts(old, new);
            if parts.is_empty() {
                return None;
            }
            (ChangeKind::Changed, parts)
        }
    };
    Some(Change { date: date.to_string(), code: new.code.clone(), name: new.name.clone(), kind, parts })
}

/// Today's date (UTC) as `YYYY-MM-DD`, from the system clock (days to civil date, Howard Hinnant's algorithm).
pub fn today() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Fee, Method, Paper, PaperGroup, Summary, SummaryItem};

    fn proc_with_fee(amount: u64) -> Procedure {
        Procedure {
            code: "1.000001".into(),
            name: "Thủ tục".into(),
            methods: vec![Method {
                channel: crate::content::Channel::InPerson,
                time: Default::default(),
                fees: vec![Fee { amount: Some(amount), ..Default::default() }],
                description: String::new(),
            }],
            papers: vec![PaperGroup { name: String::new(), papers: vec![Paper { name: "Tờ khai theo mẫu".into(), ..Default::default() }] }],
            ..Default::default()
        }
    }

    #[test]
    fn a_fee_change_is_named_and_the_summary_is_kept_and_flagged() {
        let mut old = proc_with_fee(1000);
        old.also_called = vec!["Tên thường gọi".into()];
        old.summary = Some(Summary {
            bring: vec![SummaryItem { item: "Tờ khai".into(), papers: vec!["Tờ khai".into()], ..Default::default() }],
            ..Default::default()
        });
        let mut new = proc_with_fee(2000);
        assert_eq!(changed_parts(&old, &new), ["Phí, lệ phí"]);
        keep_editorial(&old, &mut new);
        assert_eq!(new.also_called, old.also_called);
        assert!(summary_review(&new, &changed_parts(&old, &new)).unwrap().contains("Phí, lệ phí"));
        // A paper the summary cites disappears: said, even if nothing else changed.
        new.papers[0].papers[0].name = "Đơn đề nghị".into();
        assert!(summary_review(&new, &[]).unwrap().contains("«Tờ khai»"));
        assert!(change("2026-11-29", Some(&old), &old).is_none(), "no change, no entry");
        assert_eq!(change("2026-11-29", None, &new).unwrap().kind, ChangeKind::New);
        assert_eq!(today().len(), 10);
        assert!(crate::content::changes::valid_date(&today()));
    }
}
