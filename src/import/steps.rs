//! Steps (trình tự thực hiện): recovered whole from `raw_text`, then split into ordered steps.
//!
//! The crawl cut `trinh_tu_thuc_hien` wherever a section heading appeared inside the steps (at "cơ quan thực
//! hiện" or "Thành phần hồ sơ"), so the steps are always taken from `raw_text` (see
//! [`super::sections`]); the JSONL field is only compared with it to count the records that needed this.

use super::clean::{strip_bullet, tidy};
use crate::content::Step;
use regex::Regex;
use std::sync::LazyLock;

static STEP_WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^bước\s*\d+").unwrap());
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\d{1,2}[.)]\s").unwrap());

/// Splits the steps text into steps: at "Bước N" lines when there are at least two, else at top-level "- "
/// bullets, else at "1." numbering, else one step per paragraph. Lines that do not start a step stay with the
/// step above them, so sub-points ("+ …", "(i) …") are kept with their step.
pub fn split(text: &str) -> Vec<Step> {
    let text = tidy(text);
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    if lines.is_empty() {
        return Vec::new();
    }
    let count = |f: &dyn Fn(&str) -> bool| lines.iter().filter(|l| f(l)).count();
    let is_step_word = |l: &str| STEP_WORD.is_match(strip_bullet(l));
    let is_dash = |l: &str| l.starts_with('-') || l.starts_with('–') || l.starts_with('•');
    let is_numbered = |l: &str| NUMBERED.is_match(l);
    let starts: &dyn Fn(&str) -> bool = if count(&is_step_word) >= 2 {
        &is_step_word
    } else if count(&is_dash) >= 2 {
        &is_dash
    } else if count(&is_numbered) >= 2 {
        &is_numbered
    } else {
        &|_: &str| true
    };
    let mut steps: Vec<String> = Vec::new();
    for line in lines {
        if starts(line) || steps.is_empty() {
            let l = if is_dash(line) { strip_bullet(line) } else { line };
            steps.push(l.to_string());
        } else {
            let last = steps.last_mut().expect("a step was pushed above");
            last.push('\n');
            last.push_str(line);
        }
    }
    steps.into_iter().filter(|s| !s.trim().is_empty()).map(|text| Step { text }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_step_words_and_bullets() {
        let s = split("Bước 1. Nộp hồ sơ\n+ chi tiết\nBước 2. Nhận kết quả");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].text, "Bước 1. Nộp hồ sơ\n+ chi tiết");
        let s = split("- Một\n(i) a\n- Hai");
        assert_eq!(s.iter().map(|s| s.text.as_str()).collect::<Vec<_>>(), ["Một\n(i) a", "Hai"]);
    }
}
