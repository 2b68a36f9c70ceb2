//! Needs the catalogue does not cover (`content/outside.toml`): a medical practice licence, a trademark, a new
//! electricity connection. Their words are often all somewhere in the catalogue ("chứng chỉ hành nghề" of
//! auctioneers, "khám, chữa bệnh" of health insurance), so no score threshold can tell such a query from one the
//! catalogue answers; knowing what the catalogue leaves out can. A query that names one of these needs gets the
//! honest "no good match" and a note saying who handles it, unless it also names a need the catalogue has for
//! papers and businesses of every kind ("chứng thực", "thuế", "giấy phép xây dựng": the `everywhere` list).
//!
//! The build folds the phrases with the analyzer and checks that no procedure's name says one (the catalogue
//! would then have that need); `core.bin` carries them folded, so the browser only compares words, and the notes
//! as written: about 4.5 KB of brotli on the first search. (The notes alone in a file fetched only when needed saved
//! 0.7 KB of index and cost as much wasm for the extra fetch path: measured, and left.)

use super::analyzer;
use super::format::{Reader, Writer};

/// The folded phrases of `outside.toml`, as the engine matches them against a query's folded words.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outside {
    /// Phrases of needs the catalogue has whatever the topic ("chứng thực", "thuế"): a query naming one is
    /// about that need, not about the topic of the paper it mentions.
    pub everywhere: Vec<Vec<String>>,
    /// The needs left out, grouped by who handles them.
    pub topics: Vec<Topic>,
}

/// A group of needs the catalogue leaves out, handled by the same kind of body.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Topic {
    /// What the result list says, as written: who handles these needs.
    pub note: String,
    /// The folded phrases that name these needs.
    pub phrases: Vec<Vec<String>>,
}

/// What is wrong with a phrase of `outside.toml`.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
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
    let everywhere = everywhere.iter().map(|p| check(p, false)).collect();
    let topics = topics
        .iter()
        .map(|(note, phrases)| Topic { note: note.clone(), phrases: phrases.iter().map(|p| check(p, true)).collect() })
        .collect();
    if problems.is_empty() { Ok(Outside { everywhere, topics }) } else { Err(problems) }
}

impl Outside {
    /// The topic a query's folded words name, if any: phrases are matched left to right, the longest at each
    /// word winning (so "xuất khẩu lao động" is a labour need, not the customs phrase "xuất khẩu"); `None` when
    /// no topic phrase matches or an `everywhere` phrase does.
    pub fn topic_of(&self, words: &[&str]) -> Option<usize> {
        let mut found = None;
        let mut i = 0;
        while i < words.len() {
            let mut best: Option<(usize, Option<usize>)> = None; // (length, topic; None for `everywhere`)
            let mut consider = |phrase: &[String], topic: Option<usize>| {
                let fits = phrase.len() <= words.len() - i && phrase.iter().zip(&words[i..]).all(|(p, w)| p == w);
                if fits && !phrase.is_empty() && best.is_none_or(|(len, _)| phrase.len() > len) {
                    best = Some((phrase.len(), topic));
                }
            };
            for p in &self.everywhere {
                consider(p, None);
            }
            for (t, topic) in self.topics.iter().enumerate() {
                for p in &topic.phrases {
                    consider(p, Some(t));
                }
            }
            match best {
                Some((_, None)) => return None,
                Some((len, Some(t))) => {
                    found = found.or(Some(t));
                    i += len;
                }
                None => i += 1,
            }
        }
        found
    }

    /// Appends the lists to an index file (`core.bin`).
    pub fn write(&self, w: &mut Writer) {
        write_phrases(w, &self.everywhere);
        w.varint(self.topics.len() as u64);
        for t in &self.topics {
            w.str(&t.note);
            write_phrases(w, &t.phrases);
        }
    }

    /// Reads what [`Outside::write`] wrote; `None` when the bytes are not that.
    pub fn read(r: &mut Reader) -> Option<Outside> {
        let everywhere = read_phrases(r)?;
        let n = r.varint()? as usize;
        let mut topics = Vec::with_capacity(n.min(r.remaining()));
        for _ in 0..n {
            let note = r.str()?.to_string();
            topics.push(Topic { note, phrases: read_phrases(r)? });
        }
        Some(Outside { everywhere, topics })
    }
}

fn write_phrases(w: &mut Writer, phrases: &[Vec<String>]) {
    w.varint(phrases.len() as u64);
    for p in phrases {
        w.str(&p.join(" "));
    }
}

fn read_phrases(r: &mut Reader) -> Option<Vec<Vec<String>>> {
    let n = r.varint()? as usize;
    let mut out = Vec::with_capacity(n.min(r.remaining()));
    for _ in 0..n {
        out.push(r.str()?.split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect());
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases(list: &[&str]) -> Vec<Vec<String>> {
        list.iter().map(|p| p.split(' ').map(str::to_string).collect()).collect()
    }

    fn sample() -> Outside {
        Outside {
            everywhere: phrases(&["chung thuc", "xuat khau"]),
            topics: vec![
                Topic { note: "y tế".into(), phrases: phrases(&["phong kham", "hanh nghe kham chua benh"]) },
                Topic { note: "lao động".into(), phrases: phrases(&["xuat khau lao dong"]) },
            ],
        }
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
        assert_eq!(o.topics[0].phrases, vec![vec!["lap".to_string(), "dien".to_string()]]);
        assert_eq!(o.everywhere[0].len(), 4);
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
