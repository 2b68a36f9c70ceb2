//! Content-hashed asset names: `style.css` → `assets/style.3f9a1c2b7d.css`, so browsers may cache them forever.

use std::path::Path;

/// A short, stable hash of `bytes` (xxh3, 10 hex digits): changes whenever the file does.
pub fn content_hash(bytes: &[u8]) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(bytes))[..10].to_string()
}

/// Writes `bytes` under `dist/assets/` as `<stem>.<hash>.<ext>` and returns its URL path.
pub fn write_hashed(dist: &Path, stem: &str, ext: &str, bytes: &[u8]) -> std::io::Result<String> {
    let name = format!("{stem}.{}.{ext}", content_hash(bytes));
    let dir = dist.join("assets");
    std::fs::create_dir_all(&dir)?;
    std::fs::write(dir.join(&name), bytes)?;
    Ok(format!("/assets/{name}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_stable_and_changes_with_content() {
        assert_eq!(content_hash(b"a"), content_hash(b"a"));
        assert_ne!(content_hash(b"a"), content_hash(b"b"));
        assert_eq!(content_hash(b"a").len(), 10);
    }
}
