//! Listing the files of one folder that have one extension, sorted: the procedures, the centres, the importer's
//! export files, the tests' fixtures. One function, so every caller gets the same order (by name, the same on
//! every machine) and an error that names the folder.

use std::fmt;
use std::path::{Path, PathBuf};

/// A folder that could not be listed: which one, and why.
#[derive(Debug)]
pub struct FolderError {
    /// The folder, as given.
    pub folder: PathBuf,
    /// What the system said.
    pub source: std::io::Error,
}

impl FolderError {
    /// True when the folder does not exist (callers for which the folder is optional treat that as empty).
    pub fn is_missing(&self) -> bool {
        self.source.kind() == std::io::ErrorKind::NotFound
    }
}

impl fmt::Display for FolderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = if self.is_missing() { "there is no such folder".to_string() } else { self.source.to_string() };
        write!(f, "cannot list the folder {} ({what})", self.folder.display())
    }
}

impl std::error::Error for FolderError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// The paths of the entries of `dir` whose name ends in `.<ext>` (not its subfolders' entries), sorted by name.
pub fn files_with_extension(dir: &Path, ext: &str) -> Result<Vec<PathBuf>, FolderError> {
    let fail = |source| FolderError { folder: dir.to_path_buf(), source };
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(fail)? {
        let path = entry.map_err(fail)?.path();
        if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_only_the_extension_sorted_and_not_below() {
        let dir = std::env::temp_dir().join(format!("motcua-folder-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        for name in ["b.toml", "a.toml", "c.txt", "toml", "sub/d.toml"] {
            std::fs::write(dir.join(name), "").unwrap();
        }
        let got = files_with_extension(&dir, "toml");
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(got.unwrap(), [dir.join("a.toml"), dir.join("b.toml")]);
    }

    #[test]
    fn a_missing_folder_is_named_in_the_error() {
        let dir = std::env::temp_dir().join("motcua-folder-that-is-not-there");
        let e = files_with_extension(&dir, "toml").unwrap_err();
        assert!(e.is_missing());
        assert_eq!(e.to_string(), format!("cannot list the folder {} (there is no such folder)", dir.display()));
    }
}
