//! Reading `content/`: `site.toml` and every `procedures/*.toml`, with every problem reported at once.

use super::model::{Procedure, Site};
use std::fmt;
use std::path::{Path, PathBuf};

/// The whole validated catalogue, ready to render.
#[derive(Debug, Clone)]
pub struct Catalogue {
    /// Site-wide settings.
    pub site: Site,
    /// Every procedure, sorted by code.
    pub procedures: Vec<Procedure>,
}

/// One problem in one content file, located precisely enough for a person to fix it.
#[derive(Debug, Clone, PartialEq)]
pub struct ContentError {
    /// The file, as given (relative to where `motcua` runs when the content dir was given relatively).
    pub file: PathBuf,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// The field path, e.g. `methods[1].fees[0].amount`; empty for whole-file problems.
    pub field: String,
    /// What is wrong and what to do.
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if !self.field.is_empty() {
            write!(f, ": {}", self.field)?;
        }
        write!(f, ": {}", self.message)
    }
}

impl Catalogue {
    /// Reads and validates `dir` (normally `content/`). Returns every problem found, not just the first.
    pub fn load(dir: &Path) -> Result<Catalogue, Vec<ContentError>> {
        super::validate::load_and_validate(dir)
    }
}
