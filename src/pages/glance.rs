//! What is shown about a procedure, and how much of it fits where: one model for the glance box under the
//! title, the link preview, list rows, search result lines, the copied text, the dossier basket and both
//! posters.
//!
//! [`facts`] reads the official text (a fee with its note, a time with its unit); this module decides what
//! each place shows of it. How a fee, a time, the ways of submitting or the place reads is changed here or
//! there, never in a page, so a citizen reads the same thing on the poster, the page and the message an
//! officer sends.

use crate::content::{Channel, Procedure};
use crate::pages::facts;
use crate::pages::format::{excerpt, sentences};

/// Where a fact is shown, which decides how much of it fits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Room {
    /// A list row or a search result line: about 40 characters.
    Line,
    /// The description a shared link previews (`<meta name="description">`).
    Preview,
    /// The glance box under a procedure's title.
    Glance,
    /// The plain text officers paste into Zalo or an SMS, and the dossier basket's lines.
    Message,
    /// A printed poster, beside its QR code.
    Poster,
}

/// How long an editor's fee, time or place may run on a poster (whole sentences up to this many characters):
/// about five lines of the facts column, which leaves the paper list most of the sheet.
pub const POSTER_EDITED_MAX: usize = 200;

/// The facts people look for first, read once per procedure from the editor's summary or the official text.
#[derive(Clone, Debug, PartialEq)]
pub struct Glance {
    /// The fee in full ([`facts::fee`]): a province's own figure with its source, else the national text's.
    pub fee: String,
    /// Whether `fee` is the province's own figure. It is shown whole everywhere but on a list line: its source
    /// is what makes it worth showing.
    pub local: bool,
    /// The processing time in full ([`facts::time`]).
    pub time: String,
    /// The ways of submitting, each once, in their usual order (in person, online, by post).
    pub channels: Vec<Channel>,
    /// Where to submit, in full, when the editor or the official text names it.
    pub place: Option<String>,
    /// Where to go when nothing names a place: the public service centre of the procedure's level.
    pub usual_place: String,
    /// Whether an editor wrote these facts (a summary). An editor's sentences are kept whole on posters.
    pub edited: bool,
    /// Whether the text says anything about fee and time (some procedures list no way of submitting).
    pub known: bool,
    /// The fee on a list line: a province's amount or range, else the start of `fee`.
    line_fee: String,
}

impl Glance {
    /// Reads a procedure's glance facts.
    pub fn of(p: &Procedure) -> Glance {
        let mut channels: Vec<Channel> = p.methods.iter().map(|m| m.channel).collect();
        channels.sort();
        channels.dedup();
        let levels = p.levels.iter().map(|l| l.label().to_lowercase()).collect::<Vec<_>>().join(" hoặc ");
        let usual_place = if levels.is_empty() {
            "Trung tâm Phục vụ hành chính công nơi cư trú".to_string()
        } else {
            format!("Trung tâm Phục vụ hành chính công {levels} nơi cư trú")
        };
        let a = &p.agencies;
        let place = match &p.summary {
            Some(s) => Some(s.place.clone()),
            None if !a.receiving_address.trim().is_empty() => Some(a.receiving_address.clone()),
            None if !a.carrying_out.is_empty() => Some(a.carrying_out.join("; ")),
            None => None,
        };
        Glance {
            fee: facts::fee(p),
            local: !p.local_fees.is_empty(),
            time: facts::time(p),
            channels,
            place,
            usual_place,
            edited: p.summary.is_some(),
            known: !p.methods.is_empty() || p.summary.is_some(),
            line_fee: facts::fee_line(p),
        }
    }

    /// The fee as `room` shows it; empty on a line or a preview when the text says nothing about it.
    pub fn fee_in(&self, room: Room) -> String {
        match room {
            _ if !self.known && matches!(room, Room::Line | Room::Preview) => String::new(),
            Room::Line => self.line_fee.clone(),
            Room::Preview => excerpt(&self.fee, 70),
            Room::Poster if self.edited => sentences(&self.fee, POSTER_EDITED_MAX),
            // An editor writes the glance box's words to fit it; a province's fee is shown whole.
            Room::Glance if self.edited => self.fee.clone(),
            _ if self.local => self.fee.clone(),
            Room::Glance => excerpt(&self.fee, 90),
            Room::Message => excerpt(&self.fee, 120),
            Room::Poster => excerpt(&self.fee, 70),
        }
    }

    /// The processing time as `room` shows it; empty on a line or a preview when the text says nothing about it.
    pub fn time_in(&self, room: Room) -> String {
        match room {
            _ if !self.known && matches!(room, Room::Line | Room::Preview) => String::new(),
            Room::Line => excerpt(&self.time, 40),
            Room::Preview => excerpt(&self.time, 60),
            Room::Glance if self.edited => self.time.clone(),
            Room::Glance => excerpt(&self.time, 90),
            Room::Message => excerpt(&self.time, 120),
            Room::Poster if self.edited => sentences(&self.time, POSTER_EDITED_MAX),
            Room::Poster => excerpt(&self.time, 70),
        }
    }

    /// The ways of submitting ("Nộp trực tiếp, Nộp trực tuyến"); "Không ghi" when the text names none, except
    /// in a message, which then leaves the line out (empty).
    pub fn channels_in(&self, room: Room) -> String {
        let labels = self.channels.iter().map(|c| c.label()).collect::<Vec<_>>().join(", ");
        match room {
            _ if labels.is_empty() && room != Room::Message => "Không ghi".to_string(),
            Room::Poster => excerpt(&labels, 70),
            _ => labels,
        }
    }

    /// Where to submit as `room` shows it. When nothing names a place: `centre` (a poster's own centre) when
    /// given, else the public service centre of the procedure's level.
    pub fn place_in(&self, room: Room, centre: &str) -> String {
        let Some(place) = &self.place else {
            return if centre.trim().is_empty() { self.usual_place.clone() } else { excerpt(centre, 90) };
        };
        match room {
            Room::Poster if self.edited => sentences(place, POSTER_EDITED_MAX),
            Room::Poster => excerpt(place, 90),
            _ if self.edited => place.clone(),
            _ => excerpt(place, 160),
        }
    }
}

/// The four facts a poster prints beside its QR code, in order: fee, time, how to submit, where. Both posters
/// (the HTML one under `/in/p/`, the SVG one under `/posters/`) print exactly these, so they never disagree;
/// what fits is [`Room::Poster`]'s.
pub fn poster_facts(p: &Procedure, centre: &crate::content::Centre) -> [(&'static str, String); 4] {
    let g = Glance::of(p);
    [
        ("Lệ phí", g.fee_in(Room::Poster)),
        ("Thời gian giải quyết", g.time_in(Room::Poster)),
        ("Cách nộp", g.channels_in(Room::Poster)),
        // The centre's own desk for this field is where its posters send people.
        ("Nơi nộp", centre.desk_words(&p.field).unwrap_or_else(|| g.place_in(Room::Poster, &centre.name))),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Fee, Method, ProcessingTime, Summary, TimeUnit};

    fn procedure() -> Procedure {
        let method = |channel| Method {
            channel,
            time: ProcessingTime { amount: Some(3.0), unit: TimeUnit::WorkingDays, ..Default::default() },
            fees: vec![Fee { amount: Some(50_000), ..Default::default() }],
            description: String::new(),
        };
        Procedure {
            code: "1.000001".into(),
            name: "Thủ tục thử".into(),
            levels: vec![crate::content::Level::Commune],
            methods: vec![method(Channel::Online), method(Channel::InPerson), method(Channel::InPerson)],
            ..Default::default()
        }
    }

    #[test]
    fn every_room_reads_the_same_fee_and_time() {
        let g = Glance::of(&procedure());
        for room in [Room::Line, Room::Preview, Room::Glance, Room::Message, Room::Poster] {
            assert_eq!(g.fee_in(room), "50.000 đồng", "{room:?}");
            assert_eq!(g.time_in(room), "3 ngày làm việc", "{room:?}");
        }
    }

    #[test]
    fn channels_are_named_once_in_their_usual_order() {
        let g = Glance::of(&procedure());
        assert_eq!(g.channels_in(Room::Glance), "Nộp trực tiếp, Nộp trực tuyến");
        let none = Glance::of(&Procedure { methods: vec![], ..procedure() });
        assert_eq!(none.channels_in(Room::Glance), "Không ghi");
        assert_eq!(none.channels_in(Room::Message), "");
        assert_eq!(none.fee_in(Room::Line), "", "no method: a list line says nothing rather than 'Không ghi'");
    }

    #[test]
    fn a_place_nobody_names_is_the_centre_of_the_level_or_the_posters_own() {
        let g = Glance::of(&procedure());
        assert_eq!(g.place_in(Room::Message, ""), "Trung tâm Phục vụ hành chính công cấp xã nơi cư trú");
        assert_eq!(g.place_in(Room::Poster, "Trung tâm Phục vụ hành chính công xã A"), "Trung tâm Phục vụ hành chính công xã A");
    }

    #[test]
    fn an_editors_words_are_cut_at_whole_sentences_on_posters_only() {
        let long = "Nộp tại Bộ phận một cửa của Ủy ban nhân dân xã nơi người yêu cầu cư trú. ".repeat(4);
        let p = Procedure {
            summary: Some(Summary { cost: "Miễn phí.".into(), time: "Trong ngày.".into(), place: long.trim().into(), ..Default::default() }),
            ..procedure()
        };
        let g = Glance::of(&p);
        assert_eq!(g.place_in(Room::Message, ""), long.trim());
        let poster = g.place_in(Room::Poster, "");
        assert!(poster.ends_with("cư trú. …") && poster.chars().count() <= POSTER_EDITED_MAX + 2, "{poster}");
        assert_eq!(g.fee_in(Room::Glance), "Miễn phí.");
    }
}
