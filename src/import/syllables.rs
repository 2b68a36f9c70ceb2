//! Vietnamese syllable shapes, to find word boundaries the crawl erased.
//!
//! Vietnamese is written one syllable per word, and a syllable has a fixed shape: an optional initial consonant
//! (b, ch, gh, ngh, tr…), one to three vowels, an optional final consonant (c, ch, m, n, ng, nh, p, t). Two
//! words the portal glued together ("hết hạnmau so 20.doc", "theo quy địnhvăn bản") make a run of letters that
//! is not one syllable, and the point where the first syllable ends is where the second word begins.

use crate::text::fold_char;
use regex::Regex;
use std::sync::LazyLock;

/// Initial consonants, longest first so that "ngh" wins over "ng" and "n".
const ONSET: &str = "(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnpqrstvx])?";

static SYLLABLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{ONSET}([aeiouy]{{1,3}})(ng|nh|ch|[cmnpt])?$")).unwrap());
static SYLLABLE_START: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!("^{ONSET}[aeiouy]")).unwrap());

/// The letters without their tone and vowel marks, lower case ("Định" → "dinh").
fn folded(word: &str) -> String {
    word.chars().map(|c| fold_char(c).to_ascii_lowercase()).collect()
}

/// Whether `word` (letters only) has the shape of one Vietnamese syllable. A group of vowels that ends in a
/// glide ("au", "ai", "ao", "eo", "ay") takes no final consonant, so "mẫum" is not one.
pub fn is_syllable(word: &str) -> bool {
    let w = folded(word);
    let Some(c) = SYLLABLE.captures(&w) else { return false };
    let vowels = &c[1];
    let glide_end = vowels.len() >= 2 && (vowels.ends_with(['i', 'u']) || ["ao", "eo", "ay"].iter().any(|g| vowels.ends_with(g)));
    c.get(2).is_none() || !glide_end
}

/// Whether `text` begins with the start of a syllable: an initial consonant (or none) then a vowel.
pub fn begins_syllable(text: &str) -> bool {
    SYLLABLE_START.is_match(&folded(&text.chars().take(4).collect::<String>()))
}

/// Whether a capital followed by a lowercase letter can begin a Vietnamese word: a vowel follows, or the pair
/// is one of the written consonant clusters (ch, gh, gi, kh, ng, nh, ph, qu, th, tr).
pub fn begins_word(capital: char, next: char) -> bool {
    let vowel = "aeiouy".contains(fold_char(next).to_ascii_lowercase());
    let pair: String = [fold_char(capital).to_ascii_lowercase(), next].iter().collect();
    vowel || ["ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr"].contains(&pair.as_str())
}

/// Where the second of two glued words starts inside `run`, a run of lowercase letters that is not one
/// syllable ("hạnmau" → before "mau"): the run has Vietnamese marks (so English words and bare ASCII names are
/// never cut), the first part is a syllable and the second starts one. Among such cuts, one whose
/// second part starts with a single consonant, keeping the digraphs nh, ng, ch with the first part, is preferred
/// ("thế|mẫu", not "thếm|ẫu"; "định|on", not "địn|hon" nor "đị|nhon"), the longer first part first. `None` when the run is one syllable
/// or no such cut exists.
pub fn glued_word_break(run: &str) -> Option<usize> {
    if run.chars().count() < 3 || run.is_ascii() || is_syllable(run) || !run.chars().all(char::is_lowercase) {
        return None;
    }
    let cuts: Vec<usize> = run.char_indices().map(|(i, _)| i).skip(1).collect();
    let valid = |k: &usize| {
        let (first, second) = run.split_at(*k);
        is_syllable(first) && begins_syllable(second)
    };
    let natural = |k: &usize| {
        let (first, second) = run.split_at(*k);
        let last = first.chars().last().map_or(' ', fold_char);
        let next = second.chars().next().map_or(' ', fold_char);
        let digraph = matches!((last, next), ('n', 'h') | ('n', 'g') | ('c', 'h'));
        // "đị|nhon" could as well be "định|on": a final nh, ng, ch is the likelier reading.
        let second = folded(second);
        let final_digraph = ["nh", "ng", "ch"].iter().any(|d| second.starts_with(d)) && is_syllable(&run[..*k + 2]);
        !"aeiouy".contains(next) && !digraph && !final_digraph
    };
    let valid_cuts: Vec<usize> = cuts.into_iter().rev().filter(valid).collect();
    valid_cuts.iter().copied().find(natural).or_else(|| valid_cuts.first().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllable_shapes() {
        for w in ["nghị", "định", "trắng", "quy", "nuôi", "khẩu", "gì", "ảnh", "hạn"] {
            assert!(is_syllable(w), "{w}");
        }
        for w in ["hạnmau", "địnhvăn", "Certificate", "mẫu1", "mẫum", "nuôib"] {
            assert!(!is_syllable(w), "{w}");
        }
    }

    #[test]
    fn glued_words_break_after_the_first_syllable() {
        assert_eq!(glued_word_break("hạnmau"), Some("hạn".len()));
        assert_eq!(glued_word_break("địnhvăn"), Some("định".len()));
        assert_eq!(glued_word_break("địnhon"), Some("định".len()));
        assert_eq!(glued_word_break("mẫumaudondenghi"), Some("mẫu".len()));
        assert_eq!(glued_word_break("nuôibáo"), Some("nuôi".len()));
        assert_eq!(glued_word_break("thếmẫu"), Some("thế".len()));
        assert_eq!(glued_word_break("doanhmẫu"), Some("doanh".len()));
        // One syllable, an English word, a bare ASCII name: nothing to break.
        assert_eq!(glued_word_break("nghiêng"), None);
        assert_eq!(glued_word_break("renewal"), None);
        assert_eq!(glued_word_break("maudondenghi"), None);
    }
}
