//! Only what needs the compiler: the CSP hash of the one inline script. Content is data: `content/` is read,
//! checked and indexed when the site is built (`motcua build`, `motcua check`), never compiled in, so editing
//! it never recompiles Rust.

fn main() {
    println!("cargo::rerun-if-changed=src/site/prefs.js");
    prefs_script_hash();
}

/// Gives the crate the CSP hash of `src/site/prefs.js`, the one inline script every page carries (see
/// `pages/layout.rs`): the Content-Security-Policy allows that script and no other inline code.
fn prefs_script_hash() {
    use base64::Engine;
    use sha2::Digest;
    let script = std::fs::read("src/site/prefs.js").expect("src/site/prefs.js is part of the crate");
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(&script));
    println!("cargo::rustc-env=MOTCUA_PREFS_SHA256={hash}");
}
