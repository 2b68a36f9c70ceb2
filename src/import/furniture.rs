//! Page furniture: text the portal page shows around the content (result codes, keyword and description
//! boxes, the agency picker, the "Nộp hồ sơ" button, table headers) that must never reach a content value.
//!
//! [`super::sections`] cuts the furniture off by position; this module names it, so the importer can strip
//! stray copies and the tests can prove that none is left anywhere in `content/`.

/// Strings that only ever come from page furniture or table headers. Checked case-sensitively, as printed.
/// (Plain words such as "Nộp hồ sơ" or "Số lượng" also occur in real steps and notes, so the check uses the
/// glued forms the crawl produces, which never occur in prose.)
pub const FURNITURE: &[&str] = &[
    "Mã: KQ",
    "-KQ",
    "Từ khóaKhông có thông tin",
    "Mô tảKhông có thông tin",
    "Chọn cơ quan thực hiện",
    "-- Chọn",
    "Hệ thống chỉ hiển thị những cơ quan",
    "Bộ ngànhNộp hồ sơ",
    "--Nộp hồ sơ",
    "Tên giấy tờMẫu đơn",
    "Mẫu đơn, tờ khaiSố lượng",
    "Hình thức nộpThời gian",
    "Thời gianPhí, lệ phí",
    "Phí, lệ phíMô tả",
    "Tên văn bản pháp lýMã văn bản",
    "#Tên thủ tục",
    "#1Tên thủ tục",
];

/// Table and section headings that must not be a whole value on their own.
pub const HEADINGS: &[&str] = &[
    "Tên giấy tờ",
    "Mẫu đơn, tờ khai",
    "Số lượng",
    "Hình thức nộp",
    "Phí, lệ phí",
    "Tên văn bản pháp lý",
    "Mã văn bản",
    "Nộp hồ sơ",
    "Từ khóa",
    "Mô tả",
];

/// The first furniture string found in `s`, if any.
pub fn find(s: &str) -> Option<&'static str> {
    let t = s.trim();
    FURNITURE.iter().copied().find(|f| s.contains(f)).or_else(|| HEADINGS.iter().copied().find(|h| t == *h))
}

/// Removes every furniture string from `s` (a last line of defence after sectioning).
pub fn strip(s: &str) -> String {
    let mut out = s.to_string();
    for f in FURNITURE {
        if out.contains(f) {
            out = out.replace(f, " ");
        }
    }
    super::clean::tidy(&out)
}
