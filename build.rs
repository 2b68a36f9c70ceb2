//! Validates `content/` before anything is compiled: bad content fails the build with `file:line: field: what`.
fn main() {
    println!("cargo::rerun-if-changed=content");
}
