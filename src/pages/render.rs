//! Turning a page into an HTML string at build time.

use crate::content::Level;
use crate::pages::layout::{PageMeta, Shell};
use crate::pages::site_index::SiteIndex;
use crate::pages::{basket, centres, home, life_events, listing, poster, procedure, updates};
use leptos::prelude::*;

/// Every kind of page the site has.
#[derive(Clone, Copy, Debug)]
pub enum Page {
    /// `/`
    Home,
    /// `/p/<code>/`, by index into the catalogue.
    Procedure(usize),
    /// `/linh-vuc/`: every field.
    Fields,
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
            Page::Home => routes::HOME.into(),
            Page::Procedure(i) => routes::procedure(code(i)),
            Page::Fields => routes::FIELDS.into(),
            Page::Field(i) => routes::field(&idx.fields[i].name),
            Page::Level(l) => routes::level(l.slug()),
            Page::Search => routes::SEARCH.into(),
            Page::NotFound => routes::NOT_FOUND.into(),
            Page::Offline => routes::OFFLINE.into(),
            Page::PosterProcedure(i) => routes::procedure_poster(code(i)),
            Page::PosterField(i) => routes::field_poster(&idx.fields[i].slug),
            Page::PosterBuilder => routes::counter_sheet(),
            Page::LifeEvent(i) => routes::life_event(&idx.catalogue.life_events[i].slug),
            Page::Requirements(i) => routes::requirements(code(i)),
            Page::Updates => routes::UPDATES.into(),
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
        pages.push(Page::Fields);
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
        Page::Fields => listing::fields(idx),
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
