//! Query scripts (`acta query -f file.aq`, stdin, `:load`, annotation
//! files): split into `;`-separated statements, with `--` and `//` comments
//! (the query grammar's own) removed
//! and each statement's position kept, so an error inside statement 3 is
//! reported at its line and column in the file.

/// One statement of a script and where it starts in the file (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Statement {
    pub(crate) text: String,
    pub(crate) line: usize,
    pub(crate) column: usize,
}

impl Statement {
    /// Map a 1-based line/column inside this statement's text to the file.
    pub(crate) fn position_in_file(&self, line: usize, column: usize) -> (usize, usize) {
        if line <= 1 {
            (self.line, self.column + column.saturating_sub(1))
        } else {
            (self.line + line - 1, column)
        }
    }
}

/// Split a script into statements. Quotes (`"…"`, `'…'`, `“…”`) protect
/// `;`, `--` and `//`; a comment (`--` or `//`) runs to the end of its line,
/// and a `;` or an apostrophe inside it is just text; blank statements are
/// dropped. Comments are replaced by spaces so columns stay true.
pub(crate) fn statements(script: &str) -> Vec<Statement> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut start: Option<(usize, usize)> = None;
    let (mut line, mut col) = (1usize, 1usize);
    let mut quote: Option<char> = None;
    let mut chars = script.chars().peekable();
    let mut in_comment = false;
    while let Some(c) = chars.next() {
        let here = (line, col);
        if c == '\n' {
            line += 1;
            col = 1;
        } else {
            col += 1;
        }
        if in_comment {
            if c == '\n' {
                in_comment = false;
                if start.is_some() {
                    cur.push('\n');
                }
            }
            continue;
        }
        match quote {
            Some(q) => {
                if c == q {
                    quote = None;
                }
            }
            None => match c {
                '"' | '\'' => quote = Some(c),
                '“' => quote = Some('”'),
                '-' if chars.peek() == Some(&'-') => {
                    in_comment = true;
                    continue;
                }
                '/' if chars.peek() == Some(&'/') => {
                    in_comment = true;
                    continue;
                }
                ';' => {
                    push(&mut out, &mut cur, &mut start);
                    continue;
                }
                _ => {}
            },
        }
        if start.is_none() {
            if c.is_whitespace() {
                continue;
            }
            start = Some(here);
        }
        cur.push(c);
    }
    push(&mut out, &mut cur, &mut start);
    out
}

fn push(out: &mut Vec<Statement>, cur: &mut String, start: &mut Option<(usize, usize)>) {
    let text = cur.trim_end().to_string();
    if let Some((line, column)) = start.take() {
        if !text.is_empty() {
            out.push(Statement { text, line, column });
        }
    }
    cur.clear();
}

/// Whether an interactive line is unfinished: an open bracket or quote, or
/// a trailing backslash. The REPL keeps reading lines while this holds.
pub(crate) fn is_incomplete(input: &str) -> bool {
    if input.trim_end().ends_with('\\') {
        return true;
    }
    let mut depth: i64 = 0;
    let mut quote: Option<char> = None;
    for c in input.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '"' | '\'' => quote = Some(c),
                '“' => quote = Some('”'),
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => depth -= 1,
                _ => {}
            },
        }
    }
    quote.is_some() || depth > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_semicolons_outside_quotes_and_drops_comments() {
        let s = statements("-- a comment\nmeetings in 2002;\n  show \"a;b\" -- trailing\n;\n\nsections mentioning OIM");
        let texts: Vec<&str> = s.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "meetings in 2002",
                "show \"a;b\"",
                "sections mentioning OIM"
            ]
        );
        assert_eq!((s[0].line, s[0].column), (2, 1));
        assert_eq!((s[1].line, s[1].column), (3, 3));
        assert_eq!((s[2].line, s[2].column), (6, 1));
        assert_eq!(s[1].position_in_file(1, 6), (3, 8));
    }

    #[test]
    fn slash_comments_hide_semicolons_and_apostrophes() {
        // The golden cases start with `//` comment lines, as the grammar
        // allows; a `;` or an apostrophe there must not cut the query.
        let s = statements(
            "// IV.E(1); one member answered\n// the gazetteer's calendar\nmeetings in 2002 // trailing; note\n",
        );
        let texts: Vec<&str> = s.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["meetings in 2002"]);
        assert_eq!((s[0].line, s[0].column), (3, 1));
        let s = statements("show \"a // b; c\"; show agreement:x/IV.A");
        let texts: Vec<&str> = s.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["show \"a // b; c\"", "show agreement:x/IV.A"]);
    }

    #[test]
    fn multi_line_statements_keep_their_lines() {
        let s = statements("match (a:agreement)\nreturn a;\n");
        assert_eq!(s[0].text, "match (a:agreement)\nreturn a");
        assert_eq!(s[0].position_in_file(2, 3), (2, 3));
    }

    #[test]
    fn incomplete_input() {
        assert!(is_incomplete("match (a"));
        assert!(is_incomplete("show \"VII"));
        assert!(is_incomplete("meetings in \\"));
        assert!(!is_incomplete("match (a) return a"));
        assert!(!is_incomplete("show \"(\""));
    }
}
