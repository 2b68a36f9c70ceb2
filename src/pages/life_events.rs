//! Browsing by life event: the `/su-kien/<slug>/` pages, the home page's list of events, and the "often done
//! together" block on each procedure page (events from `content/life_events.toml`, related procedures from
//! the portal's data).

use crate::content::Procedure;
use crate::content::life_events::LifeEvent;
use crate::pages::layout::PageMeta;
use crate::pages::listing::ProcedureList;
use crate::pages::render::SiteIndex;
use leptos::prelude::*;

/// How many neighbours an event shows on a procedure page (the event page lists them all).
const NEIGHBOURS: usize = 6;

/// The URL of an event's page.
pub fn event_path(ev: &LifeEvent) -> String {
    format!("/su-kien/{}/", ev.slug)
}

fn procedures_of(idx: &SiteIndex, codes: &[String]) -> Vec<Procedure> {
    codes.iter().filter_map(|c| idx.procedure_by_code(c)).cloned().collect()
}

/// An event's page: the combined (liên thông) procedures first, then the others in the usual order.
pub fn life_event(idx: &SiteIndex, i: usize) -> (PageMeta, AnyView) {
    let ev = &idx.catalogue.life_events[i];
    let meta = PageMeta {
        title: ev.title.clone(),
        description: ev.description.clone(),
        path: event_path(ev),
        og_type: "website",
    };
    let combined = procedures_of(idx, &ev.combined);
    let procs = procedures_of(idx, &ev.procedures);
    let body = view! {
        <nav class="crumbs" aria-label="Đường dẫn"><a href="/">"Trang chủ"</a> " › Việc cần làm"</nav>
        <h1>{ev.title.clone()}</h1>
        <p class="lead">{ev.description.clone()}</p>
        {(!combined.is_empty()).then(|| view! {
            <section aria-labelledby="lien-thong">
                <h2 id="lien-thong">"Làm một lần cho nhiều việc"</h2>
                <p>"Thủ tục liên thông: nộp một bộ hồ sơ, nhận nhiều kết quả."</p>
                <ProcedureList procedures=combined/>
            </section>
        })}
        <section aria-labelledby="tung-viec">
            <h2 id="tung-viec">"Từng thủ tục, theo thứ tự thường làm"</h2>
            <ProcedureList procedures=procs/>
        </section>
    };
    (meta, body.into_any())
}

/// The home page's "by life event" section: one large link per event.
#[component]
pub fn EventLinks(events: Vec<LifeEvent>) -> impl IntoView {
    view! {
        <section aria-labelledby="theo-su-kien">
            <h2 id="theo-su-kien">"Theo việc cần làm"</h2>
            <ul class="events">
                {events.into_iter().map(|ev| view! {
                    <li><a href=event_path(&ev)><b>{ev.title.clone()}</b> <span>{ev.description.clone()}</span></a></li>
                }).collect_view()}
            </ul>
        </section>
    }
}

/// "Thủ tục liên quan" on a procedure page: the portal's related procedures, then for each life event the
/// procedure belongs to, its combined (liên thông) procedures and its other procedures. Nothing when empty.
pub fn related(idx: &SiteIndex, p: &Procedure) -> Option<AnyView> {
    // The portal's own list; a code not in the catalogue (or none) is shown as plain text.
    let from_data: Vec<(Option<String>, String)> = p
        .related
        .iter()
        .filter(|r| r.code != p.code && !(r.code.is_empty() && r.name.is_empty()))
        .map(|r| match idx.procedure_by_code(&r.code) {
            Some(x) => (Some(x.code.clone()), x.name.clone()),
            None => (None, if r.name.is_empty() { r.code.clone() } else { r.name.clone() }),
        })
        .collect();
    let events: Vec<(LifeEvent, Vec<(String, String, bool)>)> = idx
        .catalogue
        .life_events
        .iter()
        .filter(|ev| ev.codes().any(|c| *c == p.code))
        .map(|ev| {
            let others = ev
                .codes()
                .filter(|c| **c != p.code)
                .filter_map(|c| idx.procedure_by_code(c))
                .map(|x| (x.code.clone(), x.name.clone(), ev.combined.contains(&x.code)))
                .take(NEIGHBOURS)
                .collect();
            (ev.clone(), others)
        })
        .collect();
    if from_data.is_empty() && events.is_empty() {
        return None;
    }
    let link = |code: String, name: String| view! { <a href=format!("/p/{code}/")>{name}</a> };
    Some(
        view! {
            <section aria-labelledby="lien-quan" class="related">
                <h2 id="lien-quan">"Thủ tục liên quan"</h2>
                {(!from_data.is_empty()).then(|| view! {
                    <ul>{from_data.into_iter().map(|(c, n)| view! {
                        <li>{match c { Some(c) => link(c, n).into_any(), None => n.into_any() }}</li>
                    }).collect_view()}</ul>
                })}
                {events.into_iter().map(|(ev, others)| view! {
                    <h3>{format!("Cùng việc “{}”", ev.title)}</h3>
                    <ul>
                        {others.into_iter().map(|(c, n, combined)| view! {
                            <li>
                                {combined.then(|| view! { <b class="combined">"Liên thông, làm một lần: "</b> })}
                                {link(c, n)}
                            </li>
                        }).collect_view()}
                    </ul>
                    <p><a href=event_path(&ev)>{format!("Xem cả việc “{}”", ev.title)}</a></p>
                }).collect_view()}
            </section>
        }
        .into_any(),
    )
}
