//! Colour for messages to a person on a terminal (errors red, notes dim),
//! and the one rule for when there is none: not a terminal, or `NO_COLOR`
//! set (<https://no-color.org>). Answers themselves are never coloured.

/// A colour for a message to a person: errors and notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tint {
    /// Red.
    Error,
    /// Dim.
    Note,
}

/// `text` in `tint` when it goes to a terminal and `NO_COLOR` is unset or
/// empty (<https://no-color.org>); otherwise the text as it is, so pipes,
/// files and logs never get escape codes.
pub fn tint(text: &str, tint: Tint, terminal: bool) -> String {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    if !terminal || no_color {
        return text.to_string();
    }
    let code = match tint {
        Tint::Error => "31",
        Tint::Note => "2",
    };
    format!("\x1b[{code}m{text}\x1b[0m")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tints_only_on_a_terminal() {
        assert_eq!(tint("acta: no", Tint::Error, false), "acta: no");
    }
}
