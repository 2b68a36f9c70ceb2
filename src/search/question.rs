//! How people frame a need as a question or a request (`content/question_words.toml`): «cho em hỏi làm giấy
//! khai sinh cho con thì cần giấy tờ gì ạ» names one need, "khai sinh"; the rest asks how, where, what papers,
//! politely, for whom. Counted as query words, those frame words would make the "good match" check call the
//! right answer a poor match (no procedure says "giấy tờ gì ạ"), and searched, they would rank by "tiền" or
//! "không" in «bao nhiêu tiền», «được không». So:
//! - **frame** phrases (question words, request verbs, politeness, time adverbs) are no query words at all;
//! - **final** phrases (sentence-final particles, tag questions) are frame words only at the end of a query,
//!   where Vietnamese puts them ("không" is a content word elsewhere: "không có án tích");
//! - **context** phrases ("cho con"), numbers and what they count ("14 tuổi", "6 tháng", "năm 2024") rank only
//!   through their pairs with their neighbours, as filler words do ("cho_con" and "14_tuoi" find the procedure
//!   people call "làm căn cước cho con đủ 14 tuổi"; "con" alone would favour every name that says "cha, mẹ,
//!   con"), and do not count against a match.
//!
//! A one-word entry typed without marks is a frame word only when the catalogue never uses that word: without
//! marks "ạ" is the "a" of "hạng A" and "nhé" the "nhẹ" of "giảm nhẹ". Phrases of several words match with or
//! without marks (typed marks must agree). The build refuses a frame phrase that a procedure's name says.

use super::analyzer::{self, Word};
use super::format::{Reader, Writer};

/// What a run of query words does in the question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// It frames the question: no query word (nothing searched, nothing counted).
    Frame,
    /// It says for whom or when: searched through its pairs only, and not counted against a match.
    Context,
}

/// The lists of `question_words.toml`, analyzed: phrases as words (with their marks).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QuestionWords {
    /// Frame phrases anywhere in a query.
    pub frame: Vec<Vec<Word>>,
    /// Frame phrases at the end of a query only.
    pub last: Vec<Vec<Word>>,
    /// Context phrases.
    pub context: Vec<Vec<Word>>,
    /// Words that say what a number before them counts (tuổi, tháng, lần).
    pub units: Vec<Word>,
    /// Words that say what a number after them dates (năm 2024, tháng 6).
    pub dates: Vec<Word>,
    /// Filler words ("làm", "xin", "ở", "gì"): no query word of their own when the query has others, but their
    /// pairs stay ("can cuoc" is "căn cước", not "cần").
    pub filler: Vec<Word>,
    /// The six lists as written, for `core.bin`.
    written: [Vec<String>; 6],
}

/// True when query word `q` is entry word `e`: the same folded word, and the same marks when `q` has any.
fn same(q: &Word, e: &Word) -> bool {
    q.may_be(e)
}

/// A number as people type one in a question (not a procedure code).
fn is_number(w: &Word) -> bool {
    !w.code && w.folded.bytes().all(|b| b.is_ascii_digit())
}

impl QuestionWords {
    /// Analyzes the lists as written.
    pub fn new(
        frame: &[String],
        last: &[String],
        context: &[String],
        units: &[String],
        dates: &[String],
        filler: &[String],
    ) -> Self {
        let phrases = |l: &[String]| l.iter().map(|p| analyzer::words(p)).filter(|p| !p.is_empty()).collect();
        let words = |l: &[String]| l.iter().filter_map(|p| analyzer::words(p).into_iter().next()).collect();
        QuestionWords {
            frame: phrases(frame),
            last: phrases(last),
            context: phrases(context),
            units: words(units),
            dates: words(dates),
            filler: words(filler),
            written: [frame, last, context, units, dates, filler].map(|l| l.to_vec()),
        }
    }

    /// The role of the words starting at `ws[i]` and how many they are, the longest entry winning (frame over
    /// context at equal length). `known` says whether the catalogue uses a folded word, for one-word entries
    /// typed without marks.
    pub fn at(&self, ws: &[Word], i: usize, known: &dyn Fn(&str) -> bool) -> Option<(usize, Role)> {
        let rest = &ws[i..];
        let fits = |p: &Vec<Word>| {
            p.len() <= rest.len()
                && p.iter().zip(rest).all(|(e, q)| same(q, e))
                && (p.len() > 1 || rest[0].marked.is_some() || !known(&rest[0].folded))
        };
        let mut best: Option<(usize, Role)> = None;
        let mut consider = |len: usize, role: Role| {
            if best.is_none_or(|(l, r)| len > l || (len == l && role == Role::Frame && r == Role::Context)) {
                best = Some((len, role));
            }
        };
        for p in self.frame.iter().filter(|p| fits(p)) {
            consider(p.len(), Role::Frame);
        }
        for p in self.last.iter().filter(|p| fits(p) && p.len() == rest.len()) {
            consider(p.len(), Role::Frame);
        }
        for p in self.context.iter().filter(|p| fits(p)) {
            consider(p.len(), Role::Context);
        }
        let unit_after = |at: usize| rest.get(at).is_some_and(|w| self.units.iter().any(|u| same(w, u)));
        if is_number(&rest[0]) {
            consider(1 + unit_after(1) as usize, Role::Context);
        } else if rest.len() > 1 && is_number(&rest[1]) && self.dates.iter().any(|d| same(&rest[0], d)) {
            consider(2 + unit_after(2) as usize, Role::Context);
        }
        best
    }

    /// True for a filler word: typed without marks, any word that folds like one ("can" may be "cần"); typed with
    /// marks, only that word ("căn" is not "cần", "ô" not "ở").
    pub fn is_filler(&self, w: &Word) -> bool {
        self.filler.iter().any(|f| w.may_be(f))
    }

    /// Appends the lists to an index file (`core.bin`) as written: the engine analyzes them again with
    /// [`QuestionWords::new`], as the build did.
    pub fn write(&self, w: &mut Writer) {
        for list in &self.written {
            w.strs(list);
        }
    }

    /// Reads what [`QuestionWords::write`] wrote; `None` when the bytes are not that.
    pub fn read(r: &mut Reader) -> Option<QuestionWords> {
        let lists = (0..6).map(|_| r.strs()).collect::<Option<Vec<_>>>()?;
        Some(QuestionWords::new(&lists[0], &lists[1], &lists[2], &lists[3], &lists[4], &lists[5]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lists() -> QuestionWords {
        let s = |l: &[&str]| l.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        QuestionWords::new(
            &s(&["làm sao", "giấy tờ gì", "cho em hỏi", "ở đâu"]),
            &s(&["không", "ạ", "nhé"]),
            &s(&["cho con"]),
            &s(&["tuổi", "tháng"]),
            &s(&["năm"]),
            &s(&["cần", "ở"]),
        )
    }

    /// The roles of a query's words, as a string: `.` an ordinary word, `F` frame, `C` context.
    fn roles(q: &QuestionWords, query: &str, known: &[&str]) -> String {
        let ws = analyzer::words(query);
        let known = |w: &str| known.contains(&w);
        let mut out = String::new();
        let mut i = 0;
        while i < ws.len() {
            match q.at(&ws, i, &known) {
                Some((n, role)) => {
                    out.extend(std::iter::repeat_n(if role == Role::Frame { 'F' } else { 'C' }, n));
                    i += n;
                }
                None => {
                    out.push('.');
                    i += 1;
                }
            }
        }
        out
    }

    #[test]
    fn a_spoken_question_keeps_only_its_need() {
        let q = lists();
        assert_eq!(roles(&q, "cho em hỏi làm giấy khai sinh cho con thì cần giấy tờ gì ạ", &["a"]), "FFF....CC..FFFF");
        assert_eq!(roles(&q, "cho em hoi dang ky tam tru o dau", &[]), "FFF....FF");
    }

    #[test]
    fn final_particles_only_at_the_end() {
        let q = lists();
        assert_eq!(roles(&q, "đổi bằng lái được không", &[]), "....F");
        assert_eq!(roles(&q, "xác nhận không có án tích", &[]), "......");
    }

    #[test]
    fn one_word_typed_without_marks_must_not_be_a_catalogue_word() {
        let q = lists();
        // "hạng A" typed without marks: "a" is a catalogue word, so it stays.
        assert_eq!(roles(&q, "bang lai hang a", &["a"]), "....");
        assert_eq!(roles(&q, "bằng lái hạng ạ", &["a"]), "...F");
        // Typed marks must agree: "nhẹ" is not "nhé".
        assert_eq!(roles(&q, "giảm nhẹ", &[]), "..");
        assert_eq!(roles(&q, "gia hạn visa nhé", &["nhe"]), "...F");
    }

    #[test]
    fn numbers_and_what_they_count_are_context() {
        let q = lists();
        assert_eq!(roles(&q, "làm căn cước cho con 14 tuổi", &[]), "...CCCC");
        assert_eq!(roles(&q, "quyết toán thuế năm 2024", &[]), "...CC");
        assert_eq!(roles(&q, "tra cứu 6 tháng", &[]), "..CC");
        // A procedure code is no number of a question.
        assert_eq!(roles(&q, "thủ tục 1.001193", &[]), "...");
    }

    #[test]
    fn filler_words_typed_with_marks_must_be_those_words() {
        let q = lists();
        let w = |t: &str| analyzer::words(t).remove(0);
        assert!(q.is_filler(&w("can")) && q.is_filler(&w("cần")) && q.is_filler(&w("o")));
        assert!(!q.is_filler(&w("căn")) && !q.is_filler(&w("ô")));
    }

    #[test]
    fn the_lists_survive_core_bin() {
        let q = lists();
        let mut w = Writer::default();
        q.write(&mut w);
        assert_eq!(QuestionWords::read(&mut Reader::new(&w.buf)), Some(q));
    }
}
