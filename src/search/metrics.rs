//! The relevance figures `motcua eval` prints, per kind of query and overall, kept apart from running the
//! engine so the arithmetic is tested on its own.
//!
//! Besides Success@1, Success@3 and MRR@10 (see `../shared/eval/README.md`), it counts the two ways the "good
//! match" check can fail people: an answered need headed "Không tìm thấy thủ tục phù hợp" (a false "not found",
//! which makes people give up on a list whose first row may be right), and a need the catalogue leaves out
//! answered with confidence (the honest answer is "not found", with where to go).

/// What the engine did with one judged query.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// The query's kind, as the judged file says (everyday, question, typo, absent…).
    pub kind: String,
    /// True when the file names codes that answer it (grade 2); false for a need the catalogue leaves out.
    pub answered: bool,
    /// Where the first answering code came in the top 10 (0 = first); `None` when it did not.
    pub rank: Option<usize>,
    /// True when the results were shown as good matches, false when headed "Không tìm thấy".
    pub confident: bool,
}

/// The figures of a set of outcomes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Figures {
    /// Queries with an answer.
    pub answered: usize,
    /// Of those, answered first.
    pub at_1: usize,
    /// Of those, answered in the top 3.
    pub at_3: usize,
    /// Sum of 1/rank of the first answer in the top 10.
    pub reciprocal_ranks: f64,
    /// Answered queries headed "Không tìm thấy" (false "not found").
    pub told_not_found: usize,
    /// Queries whose need the catalogue leaves out.
    pub absent: usize,
    /// Of those, headed "Không tìm thấy" (the honest answer).
    pub absent_honest: usize,
}

impl Figures {
    /// Counts one outcome. A query with no answer that is not of kind `absent` is not counted: it is judged
    /// neither way.
    pub fn add(&mut self, o: &Outcome) {
        if !o.answered {
            if o.kind == "absent" {
                self.absent += 1;
                self.absent_honest += !o.confident as usize;
            }
            return;
        }
        self.answered += 1;
        self.at_1 += (o.rank == Some(0)) as usize;
        self.at_3 += o.rank.is_some_and(|r| r < 3) as usize;
        self.reciprocal_ranks += o.rank.filter(|r| *r < 10).map_or(0.0, |r| 1.0 / (r + 1) as f64);
        self.told_not_found += !o.confident as usize;
    }

    fn share(&self, x: f64) -> f64 {
        if self.answered == 0 { 0.0 } else { x / self.answered as f64 }
    }

    /// Share of answered queries with an answer first.
    pub fn success_at_1(&self) -> f64 {
        self.share(self.at_1 as f64)
    }

    /// Share of answered queries with an answer in the top 3.
    pub fn success_at_3(&self) -> f64 {
        self.share(self.at_3 as f64)
    }

    /// Mean reciprocal rank of the first answer in the top 10 (0 for a query without one).
    pub fn mrr_at_10(&self) -> f64 {
        self.share(self.reciprocal_ranks)
    }

    /// Share of answered queries headed "Không tìm thấy": the false "not found" rate.
    pub fn false_not_found(&self) -> f64 {
        self.share(self.told_not_found as f64)
    }
}

/// The figures per kind, in order of each kind's first query, and those of all queries together.
pub fn by_kind(outcomes: &[Outcome]) -> (Vec<(String, Figures)>, Figures) {
    let mut kinds: Vec<(String, Figures)> = Vec::new();
    let mut all = Figures::default();
    for o in outcomes {
        let at = match kinds.iter().position(|(k, _)| *k == o.kind) {
            Some(at) => at,
            None => {
                kinds.push((o.kind.clone(), Figures::default()));
                kinds.len() - 1
            }
        };
        kinds[at].1.add(o);
        all.add(o);
    }
    (kinds, all)
}

/// The per-kind table `motcua eval` prints, one line per kind and one for all queries.
pub fn table(kinds: &[(String, Figures)], all: &Figures) -> String {
    let mut out = format!(
        "{:<14} {:>4} {:>6} {:>6} {:>7} {:>17} {:>14}\n",
        "kind", "n", "S@1", "S@3", "MRR@10", "told not found", "absent honest"
    );
    let row = |name: &str, f: &Figures| {
        let figures = if f.answered > 0 {
            format!("{:>6.3} {:>6.3} {:>7.3} {:>17}", f.success_at_1(), f.success_at_3(), f.mrr_at_10(), f.told_not_found)
        } else {
            format!("{:>6} {:>6} {:>7} {:>17}", "-", "-", "-", "-")
        };
        let absent = if f.absent > 0 { format!("{}/{}", f.absent_honest, f.absent) } else { "-".into() };
        format!("{name:<14} {:>4} {figures} {absent:>14}\n", f.answered + f.absent)
    };
    for (k, f) in kinds {
        out.push_str(&row(k, f));
    }
    out.push_str(&row("all", all));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn o(kind: &str, answered: bool, rank: Option<usize>, confident: bool) -> Outcome {
        Outcome { kind: kind.into(), answered, rank, confident }
    }

    #[test]
    fn success_mrr_and_false_not_found() {
        let mut f = Figures::default();
        for x in [
            o("everyday", true, Some(0), true),
            o("everyday", true, Some(2), false),
            o("everyday", true, Some(5), true),
            o("everyday", true, None, false),
        ] {
            f.add(&x);
        }
        assert_eq!((f.answered, f.at_1, f.at_3, f.told_not_found), (4, 1, 2, 2));
        assert!((f.success_at_1() - 0.25).abs() < 1e-9);
        assert!((f.success_at_3() - 0.5).abs() < 1e-9);
        assert!((f.mrr_at_10() - (1.0 + 1.0 / 3.0 + 1.0 / 6.0) / 4.0).abs() < 1e-9);
        assert!((f.false_not_found() - 0.5).abs() < 1e-9);
    }

    #[test]
    fn absent_needs_count_apart_and_unjudged_queries_not_at_all() {
        let mut f = Figures::default();
        f.add(&o("absent", false, None, false));
        f.add(&o("absent", false, None, true));
        f.add(&o("everyday", false, None, true));
        assert_eq!((f.absent, f.absent_honest, f.answered), (2, 1, 0));
        // No answered query: the shares are 0, not NaN.
        assert_eq!((f.success_at_3(), f.false_not_found()), (0.0, 0.0));
    }

    #[test]
    fn kinds_keep_their_first_order_and_sum_to_all() {
        let list = [
            o("question", true, Some(0), false),
            o("absent", false, None, false),
            o("question", true, Some(1), true),
            o("typo", true, None, true),
        ];
        let (kinds, all) = by_kind(&list);
        let names: Vec<&str> = kinds.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(names, ["question", "absent", "typo"]);
        assert_eq!((kinds[0].1.answered, kinds[0].1.told_not_found, kinds[0].1.at_3), (2, 1, 2));
        assert_eq!((all.answered, all.absent, all.absent_honest, all.told_not_found), (3, 1, 1, 1));
        let t = table(&kinds, &all);
        assert_eq!(t.lines().count(), 5);
        assert!(t.lines().nth(1).unwrap().starts_with("question"));
        assert!(t.lines().last().unwrap().starts_with("all"));
        assert!(t.contains("1/1"));
    }
}
