//! Needs the catalogue does not cover (`content/outside.toml`): a medical practice licence, a trademark, a new
//! electricity connection. Their words are often all somewhere in the catalogue ("chứng chỉ hành nghề" of
//! auctioneers, "khám, chữa bệnh" of health insurance), so no score threshold can tell such a query from one the
//! catalogue answers; knowing what the catalogue leaves out can. A query that names one of these needs gets the
//! honest "no good match" and a note saying who handles it, unless it also names a need the catalogue has for
//! papers and businesses of every kind ("chứng thực", "thuế", "giấy phép xây dựng": the `everywhere` list).
//!
//! The build folds the phrases with the analyzer and checks that no procedure's name says one (the catalogue
//! would then have that need). `core.bin` carries the notes as written and, for each phrase, only a 32-bit hash
//! of its folded words and its topic: the browser hashes each run of a query's words and looks it up. Over a
//! thousand phrases cost about 4 bytes each that way, where as text they cost 6 to 7 after brotli, on every
//! first search. (A false match needs a query run whose hash equals one of the phrases': about one query in a
//! hundred thousand.) The notes alone in a file fetched only when needed saved 0.7 KB of index and cost as much
//! wasm for the extra fetch path: measured, and left.

use super::analyzer;
use super::format::{Reader, Writer};

/// The lists of `outside.toml` as the engine matches them against a query's folded words.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outside {
    /// What the result list says for each topic, as written: who handles these needs.
    pub notes: Vec<String>,
    /// Each phrase as the hash of its folded words ([`phrase_hash`]) and its topic (an index into `notes`, or
    /// [`EVERYWHERE`]), sorted.
    phrases: Vec<(u32, u8)>,
    /// The most words of any phrase: the longest run of a query's words worth hashing.
    longest: usize,
}

/// The topic of the `everywhere` phrases: needs the catalogue has whatever the topic ("chứng thực", "thuế"); a
/// query naming one is about that need, not about the topic of the paper it mentions.
pub const EVERYWHERE: u8 = u8::MAX;

/// FNV-1a (32 bits) of folded words joined by one space: what `core.bin` keeps of a phrase.
pub fn phrase_hash<W: AsRef<str>>(words: &[W]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for (i, w) in words.iter().enumerate() {
        let sep: &[u8] = if i == 0 { b"" } else { b" " };
        for b in sep.iter().chain(w.as_ref().as_bytes()) {
            h ^= *b as u32;
            h = h.wrapping_mul(0x0100_0193);
        }
    }
    h
}

/// What is wrong with a phrase of `outside.toml`.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// The file has more topics than `core.bin` numbers (254).
    TooManyTopics,
    /// It has no words (punctuation only, or empty).
    NoWords,
    /// A procedure's name (or keywords) says it, so the catalogue has that need.
    Named {
        /// The procedure's code.
        code: String,
        /// The name (or keywords) that says the phrase.
        name: String,
    },
}

/// Folds the lists of `outside.toml` with the analyzer (`topics` as (note, phrases)) and checks each topic
/// phrase against the catalogue's names and keywords, `names` as (code, text) pairs, compared as folded words
/// (without marks "tiền điện" is in "phương tiện điện tử", and a query typed without marks could not tell them
/// apart either). Every problem comes back with its phrase as written.
pub fn fold_lists(
    everywhere: &[String],
    topics: &[(String, Vec<String>)],
    names: &[(&str, &str)],
) -> Result<Outside, Vec<(String, Problem)>> {
    let fold = |p: &str| analyzer::words(p).into_iter().map(|w| w.folded).collect::<Vec<_>>();
    let names: Vec<(&str, &str, Vec<String>)> = names.iter().map(|(c, n)| (*c, *n, fold(n))).collect();
    let mut problems = Vec::new();
    let mut check = |phrase: &String, topic: bool| -> Vec<String> {
        let words = fold(phrase);
        if words.is_empty() {
            problems.push((phrase.clone(), Problem::NoWords));
        } else if let Some((code, name, _)) =
            names.iter().find(|(_, _, n)| topic && analyzer::has_phrase(n, &words))
        {
            problems.push((phrase.clone(), Problem::Named { code: code.to_string(), name: name.to_string() }));
        }
        words
    };
    let everywhere: Vec<Vec<String>> = everywhere.iter().map(|p| check(p, false)).collect();
    let folded: Vec<(String, Vec<Vec<String>>)> =
        topics.iter().map(|(note, phrases)| (note.clone(), phrases.iter().map(|p| check(p, true)).collect())).collect();
    if folded.len() >= EVERYWHERE as usize {
        problems.push((format!("{} topics", folded.len()), Problem::TooManyTopics));
    }
    if problems.is_empty() { Ok(Outside::new(&everywhere, &folded)) } else { Err(problems) }
}

impl Outside {
    /// The lists, folded: `everywhere` phrases and each topic's (note, phrases). At most 254 topics.
    pub fn new(everywhere: &[Vec<String>], topics: &[(String, Vec<Vec<String>>)]) -> Outside {
        let mut phrases: Vec<(u32, u8)> = everywhere.iter().map(|p| (phrase_hash(p), EVERYWHERE)).collect();
        for (t, (_, list)) in topics.iter().enumerate() {
            phrases.extend(list.iter().map(|p| (phrase_hash(p), t as u8)));
        }
        phrases.sort_unstable();
        phrases.dedup();
        let longest = everywhere.iter().chain(topics.iter().flat_map(|(_, l)| l)).map(Vec::len).max().unwrap_or(0);
        Outside { notes: topics.iter().map(|(n, _)| n.clone()).collect(), phrases, longest }
    }

    /// The topic a query's folded words name, if any: the longest topic phrase at the first word where one
    /// starts; `None` when no topic phrase matches, or when an `everywhere` phrase does with a word that no topic
    /// phrase holds. So "xuất khẩu lao động" is a labour need, not the customs phrase "xuất khẩu", and in «giấy
    /// khám sức khỏe thi bằng lái» the phrase "khám sức khỏe thi bằng lái" holds "bằng lái", though the phrase
    /// that starts first, "giấy khám sức khỏe", does not; «bị trộm mất căn cước» is about the card.
    pub fn topic_of(&self, words: &[&str]) -> Option<usize> {
        let mut held = vec![false; words.len()];
        let mut found: Option<(usize, usize)> = None; // (topic, length) at the first word where one starts
        let mut everywhere: Vec<(usize, usize)> = Vec::new(); // (start, length)
        for i in 0..words.len() {
            for len in 1..=self.longest.min(words.len() - i) {
                let h = phrase_hash(&words[i..i + len]);
                let from = self.phrases.partition_point(|(p, _)| *p < h);
                for &(_, t) in self.phrases[from..].iter().take_while(|(p, _)| *p == h) {
                    if t == EVERYWHERE {
                        everywhere.push((i, len));
                        continue;
                    }
                    if found.is_none_or(|(_, l)| !held[..i].contains(&true) && len > l) {
                        found = Some((t as usize, len));
                    }
                    held[i..i + len].fill(true);
                }
            }
        }
        let catalogue_need = everywhere.iter().any(|&(i, len)| held[i..i + len].contains(&false));
        if catalogue_need { None } else { found.map(|(t, _)| t) }
    }

    /// Appends the lists to an index file (`core.bin`): the notes as written, then the phrases' hashes (sorted,
    /// as gaps) and their topics.
    pub fn write(&self, w: &mut Writer) {
        w.strs(&self.notes);
        w.varint(self.longest as u64);
        w.varint(self.phrases.len() as u64);
        let mut prev = 0;
        for (h, _) in &self.phrases {
            w.varint((h - prev) as u64);
            prev = *h;
        }
        for (_, t) in &self.phrases {
            w.u8(*t);
        }
    }

    /// Reads what [`Outside::write`] wrote; `None` when the bytes are not that.
    pub fn read(r: &mut Reader) -> Option<Outside> {
        let notes = r.strs()?;
        let longest = r.varint()? as usize;
        let n = r.varint()? as usize;
        let mut hashes = Vec::with_capacity(n.min(r.remaining()));
        let mut prev: u32 = 0;
        for _ in 0..n {
            prev = prev.checked_add(u32::try_from(r.varint()?).ok()?)?;
            hashes.push(prev);
        }
        let topics = r.bytes(n)?;
        let phrases = hashes.into_iter().zip(topics.iter().copied()).collect();
        Some(Outside { notes, phrases, longest: longest.min(64) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases(list: &[&str]) -> Vec<Vec<String>> {
        list.iter().map(|p| p.split(' ').map(str::to_string).collect()).collect()
    }

    fn sample() -> Outside {
        Outside::new(
            &phrases(&["chung thuc", "xuat khau", "bang lai", "cccd"]),
            &[
                (
                    "y tế".into(),
                    phrases(&["phong kham", "hanh nghe kham chua benh", "giay kham suc khoe", "kham suc khoe thi bang lai", "bi trom"]),
                ),
                ("lao động".into(), phrases(&["xuat khau lao dong"])),
            ],
        )
    }

    fn topic(o: &Outside, q: &str) -> Option<usize> {
        let words: Vec<&str> = q.split(' ').collect();
        o.topic_of(&words)
    }

    #[test]
    fn a_phrase_names_its_topic_as_whole_words() {
        let o = sample();
        assert_eq!(topic(&o, "cap chung chi hanh nghe kham chua benh"), Some(0));
        assert_eq!(topic(&o, "mo phong kham tu"), Some(0));
        // Part of a phrase, or the words apart, are not the phrase.
        assert_eq!(topic(&o, "hanh nghe kham"), None);
        assert_eq!(topic(&o, "phong cho kham"), None);
    }

    #[test]
    fn a_need_the_catalogue_has_for_every_paper_wins() {
        let o = sample();
        assert_eq!(topic(&o, "chung thuc giay phep phong kham"), None);
        // ... but not where a longer topic phrase holds its words.
        assert_eq!(topic(&o, "di xuat khau lao dong"), Some(1));
        assert_eq!(topic(&o, "xuat khau gao"), None);
        // A topic phrase that starts later can hold it too.
        assert_eq!(topic(&o, "giay kham suc khoe thi bang lai xe"), Some(0));
        assert_eq!(topic(&o, "bi trom mat cccd lam lai"), None);
    }

    #[test]
    fn a_phrase_the_catalogue_names_is_refused() {
        let names = [("1.0", "Đăng ký nhận văn bản bằng phương tiện điện tử"), ("2.0", "Cấp giấy phép xây dựng")];
        let topics = vec![
            ("điện".to_string(), vec!["tiền điện".to_string(), "lắp điện".to_string()]),
            ("x".to_string(), vec!["…".to_string()]),
        ];
        let everywhere = vec!["giấy phép xây dựng".to_string()];
        let problems = fold_lists(&everywhere, &topics, &names).unwrap_err();
        assert_eq!(
            problems,
            vec![
                ("tiền điện".to_string(), Problem::Named { code: "1.0".into(), name: names[0].1.into() }),
                ("…".to_string(), Problem::NoWords),
            ]
        );
        // Without those, the lists fold (an `everywhere` phrase may be in names: that is what it is for).
        let topics = vec![("điện".to_string(), vec!["Lắp  ĐIỆN".to_string()])];
        let o = fold_lists(&everywhere, &topics, &names).unwrap();
        assert_eq!(o.topic_of(&["lap", "dien"]), Some(0), "folded: case, marks and spaces");
        assert_eq!(o.topic_of(&["lap", "dien", "giay", "phep", "xay", "dung"]), None);
    }

    #[test]
    fn the_lists_survive_the_index_file() {
        let o = sample();
        let mut w = Writer::default();
        o.write(&mut w);
        let mut r = Reader::new(&w.buf);
        assert_eq!(Outside::read(&mut r), Some(o));
        assert!(r.done());
        // Cut short: no panic, no lists.
        let mut r = Reader::new(&w.buf[..w.buf.len() - 3]);
        assert_eq!(Outside::read(&mut r), None);
    }
}
