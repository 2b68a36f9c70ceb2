//! "Thủ tục liên quan" on a procedure page: the portal's related procedures, then for each life event the
//! procedure belongs to, its combined (liên thông) procedures and its other procedures.
//!
//! Resolved against the catalogue into [`RelatedData`] when the site is built (natively), and drawn by
//! [`related_view`] — the static pages and the client-side-rendered comparison build (which receives the data as
//! JSON) share both.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// How many neighbours an event shows on a procedure page (the event page lists them all).
pub const NEIGHBOURS: usize = 6;

/// Related procedures of one procedure, resolved to names and links.
#[derive(Serialize, Deserialize, Clone, Debug, Default)]
pub struct RelatedData {
    /// The portal's own list: `(code if in the catalogue, name)`; a code not in the catalogue is plain text.
    pub listed: Vec<(Option<String>, String)>,
    /// Life events this procedure belongs to, with their other procedures.
    pub events: Vec<EventLinks>,
}

/// One life event on a procedure page: its title, page, and other procedures.
#[derive(Serialize, Deserialize, Clone, Debug, Default)]
pub struct EventLinks {
    /// The event's title, e.g. "Sinh con".
    pub title: String,
    /// The event page, `/su-kien/<slug>/`.
    pub path: String,
    /// The event's other procedures: code, name, and whether it is a combined (liên thông) procedure.
    pub others: Vec<(String, String, bool)>,
}

/// Resolves a procedure's related procedures and life events against the catalogue.
#[cfg(feature = "ssr")]
pub fn related_data(idx: &crate::pages::site_index::SiteIndex, p: &crate::content::Procedure) -> RelatedData {
    let listed = p
        .related
        .iter()
        .filter(|r| r.code != p.code && !(r.code.is_empty() && r.name.is_empty()))
        .map(|r| match idx.procedure_by_code(&r.code) {
            Some(x) => (Some(x.code.clone()), x.name.clone()),
            None => (None, if r.name.is_empty() { r.code.clone() } else { r.name.clone() }),
        })
        .collect();
    let events = idx
        .catalogue
        .life_events
        .iter()
        .filter(|ev| ev.codes().any(|c| *c == p.code))
        .map(|ev| EventLinks {
            title: ev.title.clone(),
            path: crate::routes::life_event(&ev.slug),
            others: ev
                .codes()
                .filter(|c| **c != p.code)
                .filter_map(|c| idx.procedure_by_code(c))
                .map(|x| (x.code.clone(), x.name.clone(), ev.combined.contains(&x.code)))
                .take(NEIGHBOURS)
                .collect(),
        })
        .collect();
    RelatedData { listed, events }
}

/// The "Thủ tục liên quan" block; nothing when there is nothing related.
pub fn related_view(r: RelatedData) -> Option<AnyView> {
    if r.listed.is_empty() && r.events.is_empty() {
        return None;
    }
    let link = |code: String, name: String| view! { <a href=crate::routes::procedure(&code)>{name}</a> };
    Some(
        view! {
            <section aria-labelledby="lien-quan" class="related">
                <h2 id="lien-quan">"Thủ tục liên quan"</h2>
                {(!r.listed.is_empty()).then(|| view! {
                    <ul>{r.listed.into_iter().map(|(c, n)| view! {
                        <li>{match c { Some(c) => link(c, n).into_any(), None => n.into_any() }}</li>
                    }).collect_view()}</ul>
                })}
                {r.events.into_iter().map(|ev| view! {
                    <h3>{format!("Cùng việc “{}”", ev.title)}</h3>
                    <ul>
                        {ev.others.into_iter().map(|(c, n, combined)| view! {
                            <li>
                                {combined.then(|| view! { <b class="combined">"Liên thông, làm một lần: "</b> })}
                                {link(c, n)}
                            </li>
                        }).collect_view()}
                    </ul>
                    <p><a href=ev.path>{format!("Xem cả việc “{}”", ev.title)}</a></p>
                }).collect_view()}
            </section>
        }
        .into_any(),
    )
}
