//! Where things are in a content file's text: the line of a byte offset, of a quoted value, of the nth
//! `[[table]]`. Every checker of `content/` reports `file:line`, and the parsed values (serde's structs) no
//! longer know where they were written, so the checkers find them again in the text with these.

/// The 1-based line of a byte offset (an offset past the end counts as the last line).
pub fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count() + 1
}

/// The 1-based line of the first place at or after byte `from` where `value` is written as a TOML string:
/// as the TOML writer would quote it (so a value with quotes or backslashes is found in its escaped form), else
/// between plain double quotes. `None` when it is not there, or `from` is not a character boundary of `text`.
pub fn line_of_quoted(text: &str, value: &str, from: usize) -> Option<usize> {
    let rest = text.get(from..)?;
    let written = toml::Value::String(value.to_string()).to_string();
    let at = rest.find(&written).or_else(|| rest.find(&format!("\"{value}\"")))? + from;
    Some(line_of(text, at))
}

/// Where each `[[<header>]]` table of an array starts (byte offsets), in file order, so a problem with the nth
/// `[[paper]]`, `[[fee]]` or `[[desk]]` points at its own lines.
pub fn block_starts(text: &str, header: &str) -> Vec<usize> {
    let opening = format!("[[{header}]]");
    let mut at = 0;
    let mut out = Vec::new();
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with(&opening) {
            out.push(at);
        }
        at += line.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "[[paper]]\nid = \"a\"\nname = \"Căn cước\"\n\n[[paper]]\nid = \"b\"\nname = \"Căn cước\"\nnote = 'say \"hi\"'\n";

    #[test]
    fn line_of_counts_newlines_before_the_offset() {
        assert_eq!(line_of(TEXT, 0), 1);
        assert_eq!(line_of(TEXT, TEXT.find("id = \"a\"").unwrap()), 2);
        assert_eq!(line_of(TEXT, TEXT.find("id = \"b\"").unwrap()), 6);
        assert_eq!(line_of(TEXT, usize::MAX), TEXT.lines().count() + 1, "past the end is the line after the last newline");
    }

    #[test]
    fn line_of_quoted_finds_the_first_quoted_value_from_an_offset() {
        assert_eq!(line_of_quoted(TEXT, "Căn cước", 0), Some(3));
        // From the second block on, the same words are found in it, not in the first.
        let second = block_starts(TEXT, "paper")[1];
        assert_eq!(line_of_quoted(TEXT, "Căn cước", second), Some(7));
        // A value is matched whole, with its quotes: "a" is not found inside "name" or "Căn cước".
        assert_eq!(line_of_quoted(TEXT, "a", 0), Some(2));
        assert_eq!(line_of_quoted(TEXT, "b", 0), Some(6));
        assert_eq!(line_of_quoted(TEXT, "Căn", 0), None);
    }

    #[test]
    fn line_of_quoted_finds_a_value_written_with_toml_escapes() {
        // The TOML writer puts a value with double quotes between single quotes.
        assert_eq!(line_of_quoted(TEXT, "say \"hi\"", 0), Some(8));
    }

    #[test]
    fn line_of_quoted_is_none_off_a_character_boundary_or_past_the_end() {
        let inside_a_letter = TEXT.find('ă').unwrap() + 1;
        assert_eq!(line_of_quoted(TEXT, "b", inside_a_letter), None);
        assert_eq!(line_of_quoted(TEXT, "a", TEXT.len() + 1), None);
    }

    #[test]
    fn block_starts_finds_only_the_named_array_tables() {
        let text = "[[paper]]\nx = 1\n  [[paper]]\n[[papers]]\n[paper]\n";
        assert_eq!(block_starts(text, "paper"), [0, 16]);
        assert_eq!(block_starts(text, "fee"), Vec::<usize>::new());
    }
}
