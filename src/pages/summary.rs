//! The plain-text summary of a procedure that officers paste into Zalo or an SMS ("Sao chép", "Chia sẻ").
//!
//! Written at build time from the same data and formatting helpers as the page, so the copied text always
//! says what the page says; the browser only receives the finished string.

use crate::content::{Channel, Procedure, Site};
use crate::pages::{facts, format};
use crate::pages::procedure::paper_counts;

/// The longest paper name the summary keeps in full; longer ones end with "…" (the link has the rest).
const PAPER_MAX: usize = 160;

/// Where to submit, in a few words: the receiving address or agency, else the centre of the right level.
pub fn where_to_submit(p: &Procedure) -> String {
    let a = &p.agencies;
    if !a.receiving_address.trim().is_empty() {
        return format::excerpt(&a.receiving_address, 160);
    }
    if !a.carrying_out.is_empty() {
        return format::excerpt(&a.carrying_out.join("; "), 160);
    }
    let levels = p.levels.iter().map(|l| l.label().to_lowercase()).collect::<Vec<_>>().join(" hoặc ");
    if levels.is_empty() {
        "Trung tâm Phục vụ hành chính công nơi cư trú".to_string()
    } else {
        format!("Trung tâm Phục vụ hành chính công {levels} nơi cư trú")
    }
}

/// The summary: name and code, numbered papers with counts, fee, time, how and where to submit, the link.
///
/// Plain text with line breaks only (no markdown), short lines, so it reads well in Zalo and SMS.
pub fn summary_text(p: &Procedure, site: &Site) -> String {
    let mut out = format!("{} (mã {})\n", p.name, p.code);
    // An editor's summary leads the page; the copied text says the same: its papers, its place.
    if let Some(s) = p.summary.as_ref().filter(|s| !s.bring.is_empty()) {
        out.push_str("Giấy tờ cần mang:\n");
        let mut n = 0;
        for (when, items) in s.groups() {
            if !when.is_empty() {
                out.push_str(&format!("{}:\n", format::excerpt(when, PAPER_MAX)));
            }
            for b in items {
                n += 1;
                numbered(&mut out, n, &b.item, &b.count);
            }
        }
        return finish(out, p, site, &s.place);
    }
    // The page's arrangement: everyone's papers first, then each condition's under "Chỉ khi …:"; notes stay on
    // the page.
    let arranged = crate::content::arrange(&p.papers);
    if arranged.paper_count() == 0 {
        out.push_str("Giấy tờ: hỏi cán bộ tiếp nhận.\n");
    } else {
        out.push_str("Giấy tờ cần mang:\n");
        let mut n = 0;
        for (heading, section, case) in arranged.shown() {
            if !heading.is_empty() {
                out.push_str(&format!("{}:\n", format::excerpt(heading, PAPER_MAX)));
            }
            for row in &section.rows {
                n += 1;
                numbered(&mut out, n, &row.paper.name, &paper_counts(row, case));
            }
        }
        if arranged.note_count() > 0 {
            out.push_str("(Xem ghi chú trên trang)\n");
        }
    }
    finish(out, p, site, &where_to_submit(p))
}

/// One checklist line: "3. Giấy chứng sinh (1 bản chính)".
fn numbered(out: &mut String, n: usize, name: &str, counts: &str) {
    let name = format::excerpt(name, PAPER_MAX);
    if counts.is_empty() {
        out.push_str(&format!("{n}. {name}\n"));
    } else {
        out.push_str(&format!("{n}. {name} ({counts})\n"));
    }
}

/// Fee, time, how and where to submit, and the link: the lines after the papers.
fn finish(mut out: String, p: &Procedure, site: &Site, place: &str) -> String {
    // A province's fee is copied whole: its source is what makes it trustworthy in a message.
    let fee = facts::local_fee(p).unwrap_or_else(|| format::excerpt(&facts::fee(p), 120));
    out.push_str(&format!("Lệ phí: {fee}\n"));
    out.push_str(&format!("Thời gian: {}\n", format::excerpt(&facts::time(p), 120)));
    let mut channels: Vec<Channel> = p.methods.iter().map(|m| m.channel).collect();
    channels.sort();
    channels.dedup();
    if !channels.is_empty() {
        let labels: Vec<&str> = channels.iter().map(|c| c.label()).collect();
        out.push_str(&format!("Cách nộp: {}\n", labels.join(", ")));
    }
    out.push_str(&format!("Nơi nộp: {place}\n"));
    out.push_str(&format!("Chi tiết: {}", crate::routes::absolute(&site.base_url, &crate::routes::procedure(&p.code))));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Fee, Level, Method, Paper, PaperGroup, ProcessingTime, TimeUnit};

    #[test]
    fn summary_lists_papers_fee_time_where_and_link() {
        let p = Procedure {
            code: "1.001193".into(),
            name: "Đăng ký khai sinh".into(),
            levels: vec![Level::Commune],
            methods: vec![Method {
                channel: Channel::InPerson,
                time: ProcessingTime { amount: Some(1.0), unit: TimeUnit::WorkingDays, text: String::new() },
                fees: vec![Fee { amount: Some(0), ..Default::default() }],
                description: String::new(),
            }],
            papers: vec![PaperGroup {
                name: String::new(),
                papers: vec![
                    Paper { name: "Tờ khai đăng ký khai sinh".into(), originals: 1, ..Default::default() },
                    Paper { name: "Ghi chú".into(), note: true, ..Default::default() },
                    Paper { name: "Giấy chứng sinh".into(), originals: 1, copies: 2, ..Default::default() },
                ],
            }],
            ..Default::default()
        };
        let site = Site { base_url: "https://motcua.example.vn".into(), ..Default::default() };
        assert_eq!(
            summary_text(&p, &site),
            "Đăng ký khai sinh (mã 1.001193)\n\
             Giấy tờ cần mang:\n\
             1. Tờ khai đăng ký khai sinh (1 bản chính)\n\
             2. Giấy chứng sinh (1 bản chính, 2 bản sao)\n\
             (Xem ghi chú trên trang)\n\
             Lệ phí: Miễn phí\n\
             Thời gian: 1 ngày làm việc\n\
             Cách nộp: Nộp trực tiếp\n\
             Nơi nộp: Trung tâm Phục vụ hành chính công cấp xã nơi cư trú\n\
             Chi tiết: https://motcua.example.vn/p/1.001193/"
        );
    }

    #[test]
    fn an_editors_summary_is_what_is_copied() {
        use crate::content::{Summary, SummaryItem};
        let item = |item: &str, count: &str, when: &str| SummaryItem { item: item.into(), count: count.into(), when: when.into(), ..Default::default() };
        let p = Procedure {
            code: "1.001193".into(),
            name: "Đăng ký khai sinh".into(),
            summary: Some(Summary {
                cost: "Miễn phí".into(),
                time: "Trong ngày".into(),
                place: "UBND xã nơi cư trú".into(),
                how: String::new(),
                bring: vec![
                    item("Tờ khai", "1 bản", ""),
                    item("Văn bản ủy quyền", "1 bản chính", "Chỉ khi nhờ người khác"),
                    item("Giấy chứng sinh", "1 bản chính", ""),
                ],
                corrections: Vec::new(),
            }),
            ..Default::default()
        };
        let site = Site { base_url: "https://motcua.example.vn".into(), ..Default::default() };
        assert_eq!(
            summary_text(&p, &site),
            "Đăng ký khai sinh (mã 1.001193)\n\
             Giấy tờ cần mang:\n\
             1. Tờ khai (1 bản)\n\
             2. Giấy chứng sinh (1 bản chính)\n\
             Chỉ khi nhờ người khác:\n\
             3. Văn bản ủy quyền (1 bản chính)\n\
             Lệ phí: Miễn phí\n\
             Thời gian: Trong ngày\n\
             Nơi nộp: UBND xã nơi cư trú\n\
             Chi tiết: https://motcua.example.vn/p/1.001193/"
        );
    }
}
