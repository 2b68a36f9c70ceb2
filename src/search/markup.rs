//! The names the search box's static markup (the `SearchBox` island, `src/pages/islands.rs`) and the browser app
//! that fills it (`ui`) must agree on: element ids, and the filter controls' names and values. Kept in one place
//! so a rename cannot leave the app looking for an element the page no longer has; `tests/catalogue_render.rs`
//! checks that the rendered box has every one of them. The island writes them as literals: named by these
//! constants in `view!`, each becomes a dynamic attribute the browser app must hydrate, 106 bytes (brotli) its
//! budget does not have.

use super::format;

/// The search input.
pub const INPUT: &str = "q";
/// The results panel, hidden until a query has results to show.
pub const PANEL: &str = "sr-panel";
/// The line that says how many procedures match (a live region).
pub const COUNT: &str = "sr-count";
/// Where "Không tìm thấy thủ tục phù hợp" and its suggestions go.
pub const NONE: &str = "sr-none";
/// The list of result rows.
pub const LIST: &str = "sr-list";
/// The field (lĩnh vực) select, filled with the fields of the matches.
pub const FIELD_SELECT: &str = "sr-field";
/// The start of each result row's id (`sr-0`, `sr-1`…), which the input's `aria-activedescendant` names.
pub const ROW: &str = "sr-";

/// Name of the level check boxes; each box's value is its level's flag, in decimal.
pub const LEVEL: &str = "lv";
/// Name of the "Nộp trực tuyến" check box.
pub const ONLINE: &str = "on";
/// Name of the field select.
pub const FIELD: &str = "lf";
/// The level boxes' values: `format::FLAG_XA`, `FLAG_TINH`, `FLAG_BO` as the markup writes them.
pub const LEVEL_VALUES: [(u8, &str); 3] = [(format::FLAG_XA, "1"), (format::FLAG_TINH, "2"), (format::FLAG_BO, "4")];
