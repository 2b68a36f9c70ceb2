//! The plain-text summary of a procedure that officers paste into Zalo or an SMS ("Sao chép", "Chia sẻ").
//!
//! Written at build time from the same data and formatting helpers as the page, so the copied text always
//! says what the page says; the browser only receives the finished string.

use crate::content::{Procedure, Site};
use crate::pages::facts::paper_counts;
use crate::pages::format;
use crate::pages::glance::{Glance, Room};

/// The longest paper name the summary keeps in full; longer ones end with "…" (the link has the rest).
const PAPER_MAX: usize = 160;

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
        return finish(out, p, site);
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
    finish(out, p, site)
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
fn finish(mut out: String, p: &Procedure, site: &Site) -> String {
    let g = Glance::of(p);
    out.push_str(&format!("Lệ phí: {}\n", g.fee_in(Room::Message)));
    out.push_str(&format!("Thời gian: {}\n", g.time_in(Room::Message)));
    let channels = g.channels_in(Room::Message);
    if !channels.is_empty() {
        out.push_str(&format!("Cách nộp: {channels}\n"));
    }
    out.push_str(&format!("Nơi nộp: {}\n", g.place_in(Room::Message, "")));
    out.push_str(&format!("Chi tiết: {}", crate::routes::absolute(&site.base_url, &crate::routes::procedure(&p.code))));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Channel, Fee, Level, Method, Paper, PaperGroup, ProcessingTime, TimeUnit};

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
