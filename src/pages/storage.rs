//! What the browser keeps for a visitor, in `localStorage`: the names it is kept under (`site/prefs.js` reads
//! the display settings' names before first paint) and the few calls every island uses to read and write it.
//! Below the islands and kiosk mode, which all use it.

/// Prefix of the keys a visitor's ticks are kept under (one per procedure, and the dossier basket's): kiosk
/// mode forgets them all when it goes back to the start.
pub const TICKS_PREFIX: &str = "motcua.giay-to.";

/// The text size chosen ("l", "xl"; none for the usual size).
pub const SIZE_KEY: &str = "motcua.co-chu";

/// High contrast on when present.
pub const CONTRAST_KEY: &str = "motcua.tuong-phan";

/// Kiosk mode on when present (set by `?kiosk=1`, cleared by `?kiosk=0`).
pub const KIOSK_KEY: &str = "motcua.kiosk";

#[cfg(feature = "hydrate")]
pub use browser::{root, save, saved, storage};

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::prelude::*;

    /// The page's `localStorage`; `None` where the browser refuses it (private modes, blocked storage).
    pub fn storage() -> Option<web_sys::Storage> {
        window().local_storage().ok().flatten()
    }

    /// The value kept under `key`.
    pub fn saved(key: &str) -> Option<String> {
        storage()?.get_item(key).ok().flatten()
    }

    /// Keeps `value` under `key`, or forgets the key with `None`.
    pub fn save(key: &str, value: Option<&str>) {
        if let Some(s) = storage() {
            let _ = match value {
                Some(v) => s.set_item(key, v),
                None => s.remove_item(key),
            };
        }
    }

    /// The `<html>` element, whose classes carry the display settings and kiosk mode.
    pub fn root() -> Option<web_sys::Element> {
        document().document_element()
    }
}
