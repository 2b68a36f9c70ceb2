//! Reading `content/`: `site.toml` and every `procedures/*.toml`, with every problem reported at once.

use super::model::{Procedure, Site};
use std::path::Path;

/// The whole validated catalogue, ready to render.
#[derive(Debug, Clone)]
pub struct Catalogue {
    /// Site-wide settings.
    pub site: Site,
    /// Every procedure, sorted by code.
    pub procedures: Vec<Procedure>,
    /// Life events from `life_events.toml`, in file order; their codes are all in `procedures`.
    pub life_events: Vec<super::life_events::LifeEvent>,
    /// What changed in the catalogue and when (`changes.toml`), newest first.
    pub changes: Vec<super::changes::Change>,
    /// Papers many procedures ask for (`shared_papers.toml`), which summaries name with `same`.
    pub shared_papers: Vec<super::shared_papers::SharedPaper>,
    /// Every public service centre, the site's own (`site.centre`, the default) first.
    pub centres: Vec<super::model::Centre>,
}

/// One problem in one content file (defined in `validate.rs`).
pub use super::validate::ContentError;

impl Catalogue {
    /// Reads and validates `dir` (normally `content/`). Returns every problem found, not just the first.
    pub fn load(dir: &Path) -> Result<Catalogue, Vec<ContentError>> {
        let checked = super::validate::check_dir(dir);
        match checked.site {
            Some(site) if checked.errors.is_empty() => Ok(Catalogue {
                site,
                procedures: checked.procedures,
                life_events: checked.life_events,
                changes: checked.changes,
                shared_papers: checked.shared_papers,
                centres: checked.centres,
            }),
            _ => Err(checked.errors),
        }
    }
}
