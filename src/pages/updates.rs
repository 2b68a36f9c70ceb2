//! `/cap-nhat/`, "Mới cập nhật": what changed in the catalogue and when (`content/changes.toml`), newest first,
//! grouped by day, with a link to the Atom feed `/cap-nhat.xml` an officer can follow in any feed reader.

use crate::content::changes::{Change, ChangeKind};
use crate::pages::layout::PageMeta;
use crate::pages::site_index::SiteIndex;
use leptos::prelude::*;

/// The page of changes.
pub fn updates(idx: &SiteIndex) -> (PageMeta, AnyView) {
    let meta = PageMeta {
        title: "Mới cập nhật".into(),
        description: "Thủ tục mới, thủ tục sửa đổi và bãi bỏ trong danh mục, theo ngày cập nhật.".into(),
        path: crate::routes::UPDATES.into(),
        og_type: "website",
    };
    let changes = &idx.catalogue.changes;
    let mut days: Vec<(String, Vec<&Change>)> = Vec::new();
    for c in changes {
        match days.last_mut() {
            Some((d, list)) if *d == c.date => list.push(c),
            _ => days.push((c.date.clone(), vec![c])),
        }
    }
    let body = view! {
        <h1>"Mới cập nhật"</h1>
        <p class="lead">
            "Thủ tục mới, sửa đổi và bãi bỏ trong danh mục, mới nhất trước. Theo dõi bằng trình đọc tin: "
            <a href=crate::routes::UPDATES_FEED>"cap-nhat.xml"</a>
        </p>
        {(changes.is_empty()).then(|| view! { <p>"Chưa có thay đổi nào được ghi lại từ lần nhập dữ liệu đầu tiên."</p> })}
        {days.into_iter().map(|(date, list)| view! {
            <section>
                <h2>{format!("Ngày {}", crate::pages::format::vn_date(&date))}</h2>
                <ul class="updates">
                    {list.into_iter().map(|c| change_row(idx, c)).collect_view()}
                </ul>
            </section>
        }).collect_view()}
    };
    (meta, body.into_any())
}

fn change_row(idx: &SiteIndex, c: &Change) -> impl IntoView {
    let name = match (c.kind, idx.procedure_by_code(&c.code)) {
        (ChangeKind::Removed, _) | (_, None) => view! { <span>{c.name.clone()}</span> }.into_any(),
        (_, Some(p)) => view! { <a href=crate::routes::procedure(&p.code)>{p.name.clone()}</a> }.into_any(),
    };
    let parts = (!c.parts.is_empty()).then(|| format!("Đổi: {}", c.parts.join(", ")));
    view! {
        <li>
            <strong>{c.kind.label()}</strong>" · "{name}" "<span class="muted">{format!("({})", c.code)}</span>
            {parts.map(|p| view! { <br/><span class="muted">{p}</span> })}
        </li>
    }
}

