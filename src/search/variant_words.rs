//! Which procedures are variants of another, and which queries ask for one (`content/variant_words.toml`).
//!
//! "Cấp lại thẻ căn cước" re-issues what "Cấp thẻ căn cước" grants; "Đăng ký khai tử có yếu tố nước ngoài" is the
//! rare case of "Đăng ký khai tử". Such variants say the words of the procedure almost everyone means plus a few,
//! so by words alone they would often come first. The build flags a procedure as a variant when its name begins
//! with one of the `name` phrases (among its first [`format::VARIANT_LEAD_WORDS`] words: further on, the same words
//! describe cases) or says one of the `anywhere` phrases, compared with marks ("lại" is not "lái"). The engine
//! ranks a flagged procedure lower ([`format::VARIANT_SCORE`]) unless the query asks for a variant: it says one of
//! the `ask` phrases (folded, as people type without marks), a `marked` word typed with its marks, or a `lost`
//! word when it names no death (`death`: "mẹ tôi mất rồi" is no lost paper).
//!
//! Content, so an editor can add a word without the compiler. `core.bin` carries only what the browser needs (the
//! query side, folded); the name side stays in the build.

use super::analyzer::{self, Word};
use super::format::{self, Reader, Writer};

/// The lists of `variant_words.toml`, analyzed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VariantWords {
    /// Phrases that make a name a variant when they begin among its first words, as marked keys.
    pub name: Vec<Vec<String>>,
    /// Phrases that make a name a variant wherever they are, as marked keys.
    pub anywhere: Vec<Vec<String>>,
    /// Folded phrases by which a query asks for a variant.
    pub ask: Vec<Vec<String>>,
    /// Marked keys of words that ask for a variant when typed with their marks ("lại"; folded it is also "lái").
    pub marked: Vec<String>,
    /// Folded words that ask for a variant unless the query names a death ("mất").
    pub lost: Vec<String>,
    /// Folded phrases that name a death.
    pub death: Vec<Vec<String>>,
}

/// A phrase as marked keys (a plain word's folded form): how names are compared, both tone placements alike.
fn marked_keys(text: &str) -> Vec<String> {
    analyzer::words(text).into_iter().map(|w| w.marked.unwrap_or(w.folded)).collect()
}

/// A phrase as folded words: how queries are compared.
fn folded(text: &str) -> Vec<String> {
    analyzer::words(text).into_iter().map(|w| w.folded).collect()
}

impl VariantWords {
    /// Analyzes the lists as written. Phrases without words are dropped (the build reports them first).
    pub fn new(name: &[String], anywhere: &[String], ask: &[String], marked: &[String], lost: &[String], death: &[String]) -> Self {
        let keep = |l: Vec<Vec<String>>| l.into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>();
        VariantWords {
            name: keep(name.iter().map(|p| marked_keys(p)).collect()),
            anywhere: keep(anywhere.iter().map(|p| marked_keys(p)).collect()),
            ask: keep(ask.iter().map(|p| folded(p)).collect()),
            marked: marked.iter().filter_map(|w| analyzer::words(w).pop().and_then(|w| w.marked)).collect(),
            lost: lost.iter().filter_map(|w| analyzer::words(w).pop().map(|w| w.folded)).collect(),
            death: keep(death.iter().map(|p| folded(p)).collect()),
        }
    }

    /// True when a procedure's name makes it a variant: a `name` phrase begins among its first
    /// [`format::VARIANT_LEAD_WORDS`] words (and counts whole: "Đăng ký chấm dứt giám hộ"), or it says an
    /// `anywhere` phrase.
    pub fn names_variant(&self, name: &str) -> bool {
        let name = marked_keys(name);
        let begins_early = |v: &Vec<String>| {
            let lead = &name[..name.len().min(format::VARIANT_LEAD_WORDS + v.len().saturating_sub(1))];
            analyzer::has_phrase(lead, v)
        };
        self.anywhere.iter().any(|v| analyzer::has_phrase(&name, v)) || self.name.iter().any(begins_early)
    }

    /// True when a query asks for a variant, from its words as typed and folded.
    pub fn asks(&self, ws: &[Word], folded: &[&str]) -> bool {
        let death = self.death.iter().any(|d| analyzer::has_phrase(folded, d));
        ws.iter().any(|w| w.marked.as_ref().is_some_and(|m| self.marked.contains(m)))
            || self.ask.iter().any(|v| analyzer::has_phrase(folded, v))
            || (!death && folded.iter().any(|w| self.lost.iter().any(|l| l == w)))
    }

    /// Appends the query side to an index file (`core.bin`), already analyzed: the browser only compares words.
    pub fn write(&self, w: &mut Writer) {
        let joined = |l: &[Vec<String>]| l.iter().map(|p| p.join(" ")).collect::<Vec<_>>();
        w.strs(&joined(&self.ask));
        w.strs(&joined(&self.death));
        w.strs(&self.marked);
        w.strs(&self.lost);
    }

    /// Reads what [`VariantWords::write`] wrote (the name side empty); `None` when the bytes are not that.
    pub fn read(r: &mut Reader) -> Option<VariantWords> {
        let split = |l: Vec<String>| l.iter().map(|p| p.split(' ').map(str::to_string).collect()).collect();
        Some(VariantWords {
            ask: split(r.strs()?),
            death: split(r.strs()?),
            marked: r.strs()?,
            lost: r.strs()?,
            ..VariantWords::default()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lists() -> VariantWords {
        let s = |l: &[&str]| l.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        VariantWords::new(
            &s(&["lại", "chấm dứt", "thay đổi"]),
            &s(&["có yếu tố nước ngoài"]),
            &s(&["cấp lại", "gia hạn"]),
            &s(&["lại"]),
            &s(&["mất"]),
            &s(&["khai tử"]),
        )
    }

    #[test]
    fn names_begin_with_a_variant_phrase_or_say_one_anywhere() {
        let v = lists();
        assert!(v.names_variant("Cấp lại thẻ căn cước"));
        assert!(v.names_variant("Đăng ký chấm dứt giám hộ"), "a phrase that begins on the third word counts whole");
        assert!(v.names_variant("Đăng ký khai tử có yếu tố nước ngoài"));
        assert!(!v.names_variant("Cấp giấy phép lái xe"), "lái is not lại");
        assert!(!v.names_variant("Đăng ký giám hộ"));
        assert!(!v.names_variant("Giải quyết hưởng trợ cấp, không theo phương án chấm dứt"), "late words describe cases");
    }

    #[test]
    fn queries_ask_by_folded_phrase_marked_word_or_a_loss_that_is_no_death() {
        let v = lists();
        let asks = |q: &str| {
            let ws = analyzer::words(q);
            let f: Vec<&str> = ws.iter().map(|w| w.folded.as_str()).collect();
            v.asks(&ws, &f)
        };
        assert!(asks("cap lai can cuoc"));
        assert!(asks("làm lại giấy"), "lại typed with its mark");
        assert!(!asks("thi bang lai xe"), "without marks lai may be lái");
        assert!(asks("mat the bhyt"));
        assert!(!asks("me toi mat roi khai tu o dau"), "mất after a death is no lost paper");
        assert!(!asks("dang ky khai sinh"));
    }

    #[test]
    fn the_query_side_survives_core_bin() {
        let v = lists();
        let mut w = Writer::default();
        v.write(&mut w);
        let back = VariantWords::read(&mut Reader::new(&w.buf)).unwrap();
        assert_eq!((back.ask, back.death, back.marked, back.lost), (v.ask, v.death, v.marked, v.lost));
        assert!(back.name.is_empty() && back.anywhere.is_empty());
    }
}
