//! The site builder (`motcua build`) and the local server (`motcua serve`).

use std::path::PathBuf;

/// Options shared by `motcua build` and `motcua serve`.
#[derive(clap::Args, Debug, Clone)]
pub struct BuildOptions {
    /// The content folder.
    #[arg(long, default_value = "content")]
    pub content: PathBuf,
    /// Where to write the site.
    #[arg(long, default_value = "dist")]
    pub out: PathBuf,
}

/// Builds the site. (Being written.)
pub fn build(opts: &BuildOptions) -> anyhow::Result<()> {
    let _ = opts;
    anyhow::bail!("not written yet")
}

/// Serves `dir`. (Being written.)
pub fn serve(dir: &std::path::Path, port: u16) -> anyhow::Result<()> {
    let _ = (dir, port);
    anyhow::bail!("not written yet")
}
