//! Splits a portal page's `raw_text` into its sections.
//!
//! The crawler split pages at the first occurrence of each heading, so a heading word inside the content
//! ("… theo quy định tại mục Thành phần hồ sơ …") cut sections short and pushed the rest into the next field.
//! `raw_text` is the whole page; this module finds each real heading by its position in the page's fixed
//! layout, working from both ends toward the middle:
//!
//! ```text
//! … Trình Tự Thực Hiện <steps> Cách Thức Thực Hiện <methods> Thành phần hồ sơ <papers>
//! Căn cứ pháp lý <legal> Cơ quan thực hiện <agency> Yêu cầu, điều kiện thực hiện <requirements>
//! [Kết quả xử lý <results>] Từ khóa <keywords> Mô tả <description> [Chọn cơ quan thực hiện … Nộp hồ sơ]
//! ```

/// The raw (NFC, untidied) text of each section of one portal page.
#[derive(Debug, Default, Clone)]
pub struct Sections {
    /// Trình tự thực hiện.
    pub steps: String,
    /// Cách thức thực hiện (flattened table, header included).
    pub methods: String,
    /// Thành phần hồ sơ (flattened tables, group headings included).
    pub papers: String,
    /// Căn cứ pháp lý (flattened table, header included).
    pub legal: String,
    /// Cơ quan thực hiện.
    pub agency: String,
    /// Yêu cầu, điều kiện thực hiện.
    pub requirements: String,
    /// Kết quả xử lý, with the result codes ("Mã: KQ…") still in; `None` when the page has no such section.
    pub results: Option<String>,
    /// Từ khóa.
    pub keywords: String,
    /// Mô tả (the procedure's description, not the methods table column).
    pub description: String,
}

/// The headings, exactly as the portal prints them.
pub mod heading {
    /// Steps.
    pub const STEPS: &str = "Trình Tự Thực Hiện";
    /// Methods.
    pub const METHODS: &str = "Cách Thức Thực Hiện";
    /// Papers.
    pub const PAPERS: &str = "Thành phần hồ sơ";
    /// Legal basis.
    pub const LEGAL: &str = "Căn cứ pháp lý";
    /// Legal basis table header.
    pub const LEGAL_TABLE: &str = "Tên văn bản pháp lýMã văn bản";
    /// Carrying-out agency.
    pub const AGENCY: &str = "Cơ quan thực hiện";
    /// Requirements.
    pub const REQUIREMENTS: &str = "Yêu cầu, điều kiện thực hiện";
    /// Results.
    pub const RESULTS: &str = "Kết quả xử lý";
    /// Keywords (page furniture begins here).
    pub const KEYWORDS: &str = "Từ khóa";
    /// Description.
    pub const DESCRIPTION: &str = "Mô tả";
    /// The agency picker that ends most pages.
    pub const PICKER: &str = "Chọn cơ quan thực hiện";
    /// Papers table header.
    pub const PAPER_TABLE: &str = "Tên giấy tờMẫu đơn, tờ khaiSố lượng";
}

/// Splits `raw` (already NFC). Errors name the heading that could not be found.
pub fn split(raw: &str) -> Result<Sections, String> {
    use heading::*;
    let find = |h: &str, from: usize, to: usize| raw[from..to].find(h).map(|i| i + from);
    let rfind = |h: &str, from: usize, to: usize| raw[from..to].rfind(h).map(|i| i + from);
    let missing = |h: &str| format!("không tìm thấy mục \"{h}\" trong raw_text");

    let st = raw.find(STEPS).ok_or_else(|| missing(STEPS))?;
    let me = find(METHODS, st, raw.len()).ok_or_else(|| missing(METHODS))?;
    let kw = rfind(KEYWORDS, me, raw.len()).ok_or_else(|| missing(KEYWORDS))?;
    let yc_last = rfind(REQUIREMENTS, me, kw).ok_or_else(|| missing(REQUIREMENTS))?;
    let cq = rfind(AGENCY, me, yc_last).ok_or_else(|| missing(AGENCY))?;
    let yc = find(REQUIREMENTS, cq, kw).unwrap_or(yc_last);
    let kq = rfind(RESULTS, yc, kw);
    let lg = rfind(&format!("{LEGAL}{LEGAL_TABLE}"), me, cq)
        .or_else(|| rfind(&format!("{LEGAL}Không có thông tin"), me, cq))
        .or_else(|| rfind(LEGAL, me, cq))
        .ok_or_else(|| missing(LEGAL))?;
    let pp = papers_heading(raw, me + METHODS.len(), lg).ok_or_else(|| missing(PAPERS))?;

    let tail = &raw[kw + KEYWORDS.len()..];
    let (keywords, description) = match tail.find(DESCRIPTION) {
        Some(d) => {
            let desc = &tail[d + DESCRIPTION.len()..];
            let desc = desc.find(PICKER).map_or(desc, |p| &desc[..p]);
            (&tail[..d], desc)
        }
        None => (tail.find(PICKER).map_or(tail, |p| &tail[..p]), ""),
    };
    Ok(Sections {
        steps: raw[st + STEPS.len()..me].to_string(),
        methods: raw[me + METHODS.len()..pp].to_string(),
        papers: raw[pp + PAPERS.len()..lg].to_string(),
        legal: raw[lg + LEGAL.len()..cq].to_string(),
        agency: raw[cq + AGENCY.len()..yc].to_string(),
        requirements: raw[yc + REQUIREMENTS.len()..kq.unwrap_or(kw)].to_string(),
        results: kq.map(|k| raw[k + RESULTS.len()..kw].to_string()),
        keywords: keywords.to_string(),
        description: description.to_string(),
    })
}

/// Finds the real "Thành phần hồ sơ" heading between the methods table and the legal basis. The heading is
/// followed, after a short group heading ("* Giấy tờ phải nộp:", "--"), by the papers table header; the same
/// words inside a method's description are not. Falls back to the last occurrence when the section has no
/// table header (an empty papers section is printed as "--").
fn papers_heading(raw: &str, from: usize, to: usize) -> Option<usize> {
    use heading::*;
    let region = &raw[from..to];
    let candidates: Vec<usize> = region.match_indices(PAPERS).map(|(i, _)| i).collect();
    if candidates.is_empty() {
        return None;
    }
    let chosen = match region.find(PAPER_TABLE) {
        Some(t) => {
            let before: Vec<usize> = candidates.iter().copied().filter(|&c| c + PAPERS.len() <= t).collect();
            before
                .iter()
                .copied()
                .find(|&c| t - (c + PAPERS.len()) <= 600)
                .or_else(|| before.last().copied())
                .unwrap_or(candidates[0])
        }
        None => *candidates.last()?,
    };
    Some(from + chosen)
}
