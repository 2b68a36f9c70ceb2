//! Vietnamese text helpers shared by the site builder and the browser: accent folding and URL slugs.
//!
//! Folding maps every Vietnamese vowel with tone or shape marks, and đ, to plain ASCII, so "Đăng ký" and
//! "dang ky" meet. It works on precomposed (NFC) text and also drops stray combining marks, so decomposed input
//! folds the same way.

/// Folds one character: `ế` → `e`, `Đ` → `D`. Characters without a Vietnamese mark are returned unchanged.
pub fn fold_char(c: char) -> char {
    match c {
        'à' | 'á' | 'ả' | 'ã' | 'ạ' | 'ă' | 'ằ' | 'ắ' | 'ẳ' | 'ẵ' | 'ặ' | 'â' | 'ầ' | 'ấ' | 'ẩ' | 'ẫ' | 'ậ' => 'a',
        'À' | 'Á' | 'Ả' | 'Ã' | 'Ạ' | 'Ă' | 'Ằ' | 'Ắ' | 'Ẳ' | 'Ẵ' | 'Ặ' | 'Â' | 'Ầ' | 'Ấ' | 'Ẩ' | 'Ẫ' | 'Ậ' => 'A',
        'è' | 'é' | 'ẻ' | 'ẽ' | 'ẹ' | 'ê' | 'ề' | 'ế' | 'ể' | 'ễ' | 'ệ' => 'e',
        'È' | 'É' | 'Ẻ' | 'Ẽ' | 'Ẹ' | 'Ê' | 'Ề' | 'Ế' | 'Ể' | 'Ễ' | 'Ệ' => 'E',
        'ì' | 'í' | 'ỉ' | 'ĩ' | 'ị' => 'i',
        'Ì' | 'Í' | 'Ỉ' | 'Ĩ' | 'Ị' => 'I',
        'ò' | 'ó' | 'ỏ' | 'õ' | 'ọ' | 'ô' | 'ồ' | 'ố' | 'ổ' | 'ỗ' | 'ộ' | 'ơ' | 'ờ' | 'ớ' | 'ở' | 'ỡ' | 'ợ' => 'o',
        'Ò' | 'Ó' | 'Ỏ' | 'Õ' | 'Ọ' | 'Ô' | 'Ồ' | 'Ố' | 'Ổ' | 'Ỗ' | 'Ộ' | 'Ơ' | 'Ờ' | 'Ớ' | 'Ở' | 'Ỡ' | 'Ợ' => 'O',
        'ù' | 'ú' | 'ủ' | 'ũ' | 'ụ' | 'ư' | 'ừ' | 'ứ' | 'ử' | 'ữ' | 'ự' => 'u',
        'Ù' | 'Ú' | 'Ủ' | 'Ũ' | 'Ụ' | 'Ư' | 'Ừ' | 'Ứ' | 'Ử' | 'Ữ' | 'Ự' => 'U',
        'ỳ' | 'ý' | 'ỷ' | 'ỹ' | 'ỵ' => 'y',
        'Ỳ' | 'Ý' | 'Ỷ' | 'Ỹ' | 'Ỵ' => 'Y',
        'đ' => 'd',
        'Đ' => 'D',
        _ => c,
    }
}

/// True for the combining marks that decomposed Vietnamese text carries (tones, breve, circumflex, horn).
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

/// Folds a whole string: "Đăng ký khai sinh" → "Dang ky khai sinh".
pub fn fold(s: &str) -> String {
    s.chars().filter(|c| !is_combining_mark(*c)).map(fold_char).collect()
}

/// A stable, readable URL segment: "Hộ tịch" → "ho-tich", "Đất đai (cấp tỉnh)" → "dat-dai-cap-tinh".
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_every_vietnamese_mark() {
        assert_eq!(fold("Đăng ký khai sinh"), "Dang ky khai sinh");
        assert_eq!(fold("Hộ chiếu phổ thông ở trong nước"), "Ho chieu pho thong o trong nuoc");
        assert_eq!(fold("hoà hòa"), "hoa hoa");
    }

    #[test]
    fn folds_decomposed_text_like_precomposed() {
        assert_eq!(fold("Đa\u{0306}ng ky\u{0301}"), "Dang ky");
    }

    #[test]
    fn slugs_are_ascii_and_hyphenated() {
        assert_eq!(slug("Hộ tịch"), "ho-tich");
        assert_eq!(slug("  Đất đai (cấp tỉnh) "), "dat-dai-cap-tinh");
        assert_eq!(slug("Xuất nhập cảnh"), "xuat-nhap-canh");
    }
}
