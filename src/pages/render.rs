//! Turning a page into an HTML string at build time.

use crate::content::{Catalogue, Level, Procedure};
use crate::pages::layout::{Assets, PageMeta, Shell};
use crate::pages::{basket, centres, home, life_events, listing, poster, procedure, updates};
use crate::text::slug;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// A field (lĩnh vực) and the procedures in it, for the home page and the field pages.
#[derive(Clone, Debug)]
pub struct FieldInfo {
    /// As written in the content, e.g. "Hộ tịch".
    pub name: String,
    /// URL segment, e.g. "ho-tich".
    pub slug: String,
    /// Indexes into [`Catalogue::procedures`], most used first.
    pub procedures: Vec<usize>,
}

/// The catalogue plus the groupings every list page needs, computed once per build.
pub struct SiteIndex {
    /// The validated content.
    pub catalogue: Catalogue,
    /// Fields, alphabetical by folded name.
    pub fields: Vec<FieldInfo>,
    /// Procedure indexes per level, most used first.
    pub levels: BTreeMap<Level, Vec<usize>>,
    /// Where the built assets are.
    pub assets: Assets,
}

impl SiteIndex {
    /// Groups the catalogue by field and level.
    pub fn new(catalogue: Catalogue, assets: Assets) -> SiteIndex {
        let by_use = |procs: &[Procedure], a: &usize, b: &usize| {
            procs[*b].usage_weight.cmp(&procs[*a].usage_weight).then_with(|| procs[*a].code.cmp(&procs[*b].code))
        };
        let mut fields: BTreeMap<String, FieldInfo> = BTreeMap::new();
        let mut levels: BTreeMap<Level, Vec<usize>> = BTreeMap::new();
        for (i, p) in catalogue.procedures.iter().enumerate() {
            let s = slug(&p.field);
            fields
                .entry(s.clone())
                .or_insert_with(|| FieldInfo { name: p.field.clone(), slug: s, procedures: Vec::new() })
                .procedures
                .push(i);
            for level in &p.levels {
                levels.entry(*level).or_default().push(i);
            }
        }
        let mut fields: Vec<FieldInfo> = fields.into_values().collect();
        for f in &mut fields {
            f.procedures.sort_by(|a, b| by_use(&catalogue.procedures, a, b));
        }
        for list in levels.values_mut() {
            list.sort_by(|a, b| by_use(&catalogue.procedures, a, b));
        }
        fields.sort_by(|a, b| a.slug.cmp(&b.slug));
        SiteIndex { catalogue, fields, levels, assets }
    }

    /// The procedure with this code (the catalogue is sorted by code).
    pub fn procedure_by_code(&self, code: &str) -> Option<&Procedure> {
        let procs = &self.catalogue.procedures;
        procs.binary_search_by(|p| p.code.as_str().cmp(code)).ok().map(|i| &procs[i])
    }
}

/// Every kind of page the site has.
#[derive(Clone, Copy, Debug)]
pub enum Page {
    /// `/`
    Home,
    /// `/p/<code>/`, by index into the catalogue.
    Procedure(usize),
    /// `/linh-vuc/<slug>/`, by index into [`SiteIndex::fields`].
    Field(usize),
    /// `/cap/<slug>/`
    Level(Level),
    /// `/tim-kiem/`
    Search,
    /// `/404.html`
    NotFound,
    /// `/offline/`: what the service worker shows for a page never opened, when there is no network.
    Offline,
    /// `/in/p/<code>/`: the printable poster of one procedure, by index into the catalogue.
    PosterProcedure(usize),
    /// `/in/linh-vuc/<slug>/`: a field's QR tiles for printing, by index into [`SiteIndex::fields`].
    PosterField(usize),
    /// `/in/`: the counter sheet builder.
    PosterBuilder,
    /// `/su-kien/<slug>/`: the procedures of one life event, by index into `catalogue.life_events`.
    LifeEvent(usize),
    /// `/p/<code>/dieu-kien/`: requirements too long for the procedure page, by index into the catalogue.
    Requirements(usize),
    /// `/cap-nhat/`: what changed in the catalogue, newest first.
    Updates,
    /// `/gio-ho-so/`: the dossier basket.
    Basket,
    /// `/tt/`: the centres, and the box that finds one by a commune's new or old name.
    Centres,
    /// `/tt/<slug>/`: one centre, by index into `catalogue.centres`.
    Centre(usize),
}

impl Page {
    /// Where the page is written, relative to `dist/`: the file that answers its URL.
    pub fn output_path(self, idx: &SiteIndex) -> String {
        crate::routes::file_of(&self.path(idx))
    }

    /// The page's URL path (every page has one; [`Page::url_path`] says which are listed).
    pub fn path(self, idx: &SiteIndex) -> String {
        use crate::routes;
        let code = |i: usize| idx.catalogue.procedures[i].code.as_str();
        match self {
            Page::Home => "/".into(),
            Page::Procedure(i) => routes::procedure(code(i)),
            Page::Field(i) => routes::field(&idx.fields[i].name),
            Page::Level(l) => routes::level(l.slug()),
            Page::Search => "/tim-kiem/".into(),
            Page::NotFound => "/404.html".into(),
            Page::Offline => "/offline/".into(),
            Page::PosterProcedure(i) => routes::procedure_poster(code(i)),
            Page::PosterField(i) => routes::field_poster(&idx.fields[i].slug),
            Page::PosterBuilder => routes::counter_sheet(),
            Page::LifeEvent(i) => routes::life_event(&idx.catalogue.life_events[i].slug),
            Page::Requirements(i) => routes::requirements(code(i)),
            Page::Updates => updates::PATH.into(),
            Page::Basket => routes::basket(),
            Page::Centres => routes::centres(),
            Page::Centre(i) => routes::centre(&idx.catalogue.centres[i].slug),
        }
    }

    /// The page's URL path, for canonical links and the sitemap; `None` for pages not to be listed.
    pub fn url_path(self, idx: &SiteIndex) -> Option<String> {
        match self {
            // Posters are for printing, not for search engines.
            // The basket lives on each device: the static page has nothing to index.
            Page::Search | Page::NotFound | Page::Offline | Page::Basket | Page::PosterProcedure(_) | Page::PosterField(_) | Page::PosterBuilder => None,
            _ => Some(self.path(idx)),
        }
    }

    /// Every page of the site.
    pub fn all(idx: &SiteIndex) -> Vec<Page> {
        let mut pages = vec![Page::Home, Page::Search, Page::NotFound, Page::Offline, Page::Updates, Page::Basket, Page::Centres];
        pages.extend((0..idx.catalogue.centres.len()).map(Page::Centre));
        pages.extend(idx.levels.keys().map(|l| Page::Level(*l)));
        pages.extend((0..idx.fields.len()).map(Page::Field));
        pages.extend((0..idx.catalogue.procedures.len()).map(Page::Procedure));
        pages.extend((0..idx.catalogue.life_events.len()).map(Page::LifeEvent));
        let long = |i: &usize| procedure::has_requirements_page(&idx.catalogue.procedures[*i]);
        pages.extend((0..idx.catalogue.procedures.len()).filter(long).map(Page::Requirements));
        pages.push(Page::PosterBuilder);
        pages.extend((0..idx.fields.len()).map(Page::PosterField));
        pages.extend((0..idx.catalogue.procedures.len()).map(Page::PosterProcedure));
        pages
    }
}

/// Renders one page to a complete HTML document.
pub fn render_page(page: Page, idx: &SiteIndex) -> String {
    let site = idx.catalogue.site.clone();
    let (meta, body): (PageMeta, AnyView) = match page {
        Page::Home => home::home(idx),
        Page::Procedure(i) => procedure::procedure(idx, i),
        Page::Field(i) => listing::field(idx, i),
        Page::Level(l) => listing::level(idx, l),
        Page::Search => listing::search(idx),
        Page::NotFound => listing::not_found(idx),
        Page::LifeEvent(i) => life_events::life_event(idx, i),
        Page::Requirements(i) => procedure::requirements(idx, i),
        Page::Offline => listing::offline(idx),
        Page::Updates => updates::updates(idx),
        Page::Basket => basket::basket_page(idx),
        Page::Centres => centres::directory(idx),
        Page::Centre(i) => centres::centre(idx, i),
        // Posters have their own shell and stylesheet.
        Page::PosterProcedure(i) => return poster::procedure_poster(idx, i),
        Page::PosterField(i) => return poster::field_poster(idx, i),
        Page::PosterBuilder => return poster::builder(idx),
    };
    let mut assets = idx.assets.clone();
    // The basket prints and draws its QR code in the browser: it loads the bundle that can, and its stylesheet.
    let stylesheet = if matches!(page, Page::Basket) {
        assets.js = assets.poster_js.clone();
        Some(assets.basket_css.clone())
    } else {
        None
    };
    let mut scripts = Vec::new();
    // The pages that read their summary aloud.
    if matches!(page, Page::Procedure(_) | Page::Basket) {
        scripts.push(assets.speak_js.clone());
    }
    // The pages that know the reader's centre, or let them choose it.
    if matches!(page, Page::Procedure(_) | Page::Centres | Page::Centre(_)) {
        scripts.push(assets.centre_js.clone());
    }
    let header_search = !matches!(page, Page::Home);
    let preload_search = matches!(page, Page::Home | Page::Search);
    let owner = Owner::new();
    let html = owner.with(|| {
        view! { <Shell site=site meta=meta assets=assets header_search=header_search stylesheet=stylesheet scripts=scripts preload_search=preload_search>{body}</Shell> }.to_html()
    });
    format!("<!DOCTYPE html>{html}")
}
