//! Query scripts (`acta query -f file.aq`, stdin, `-c`, `:load`,
//! annotation files): split into statements as a shell splits commands, with
//! `--` and `//` comments (the query grammar's own) removed and each
//! statement's position kept, so an error inside statement 3 is reported at
//! its line and column in the file.
//!
//! A statement ends at a `;` or at the end of its line. It goes on to the
//! next line only while it is unfinished: a bracket or a quote is open, or
//! the line ends with `\`; a pattern (`match …`) until its `return`, then
//! onto lines that start with a clause (`where`, `return`, `order`, `skip`,
//! `limit`, `and`, `or`, an arrow) or after a line that ends with a comma or
//! an operator; an annotation onto lines that start with `source`,
//! `because`, `by` or `at`; any statement onto a line that starts with
//! `as of`.

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

/// Split a script into statements (see the module's comment for where
/// one ends). Quotes (`"…"`, `'…'`, `“…”`) protect `;`, `--`, `//` and line
/// ends; an apostrophe inside a word (`Côte d'Ivoire`) opens no quote. A
/// comment runs to the end of its line, and a `;` or an apostrophe inside
/// it is just text; blank statements are dropped. Comments are left out and
/// a continuing `\` becomes a space, so columns stay true.
pub(crate) fn statements(script: &str) -> Vec<Statement> {
    let mut s = Splitter::default();
    let mut chars = script.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let here = s.advance(c);
        let rest = || script.get(at + c.len_utf8()..).unwrap_or("");
        if s.in_comment {
            if c == '\n' {
                s.in_comment = false;
                s.line_end(rest());
            }
            continue;
        }
        if s.quoted(c) {
            s.push(c, here);
            continue;
        }
        match c {
            '-' | '/' if chars.peek().map(|&(_, n)| n) == Some(c) => {
                s.in_comment = true;
                continue;
            }
            ';' => {
                s.end();
                continue;
            }
            '\n' => {
                s.line_end(rest());
                continue;
            }
            _ => s.open_or_close(c),
        }
        s.push(c, here);
    }
    s.end();
    s.out
}

/// The state of [`statements`] between two characters.
struct Splitter {
    out: Vec<Statement>,
    cur: String,
    /// Where `cur` starts in the script.
    start: Option<(usize, usize)>,
    /// The line and column of the next character.
    line: usize,
    col: usize,
    /// The character before this one.
    prev: Option<char>,
    quote: Option<char>,
    /// The last character was a backslash inside a quote.
    escaped: bool,
    /// Brackets open: `(`, `[`, `{` less their closers.
    depth: i64,
    in_comment: bool,
}

impl Default for Splitter {
    fn default() -> Self {
        Splitter {
            out: Vec::new(),
            cur: String::new(),
            start: None,
            line: 1,
            col: 1,
            prev: None,
            quote: None,
            escaped: false,
            depth: 0,
            in_comment: false,
        }
    }
}

impl Splitter {
    /// Move past `c`; returns where `c` stands.
    fn advance(&mut self, c: char) -> (usize, usize) {
        let here = (self.line, self.col);
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        here
    }

    /// Whether `c` is inside a quote (its closing quote included).
    fn quoted(&mut self, c: char) -> bool {
        let Some(q) = self.quote else {
            return false;
        };
        if self.escaped {
            self.escaped = false;
        } else if c == '\\' {
            self.escaped = true;
        } else if c == q {
            self.quote = None;
        }
        true
    }

    /// A character outside quotes: a quote or a bracket opens or closes.
    fn open_or_close(&mut self, c: char) {
        let in_word = self.prev.is_some_and(char::is_alphanumeric);
        match c {
            '"' => self.quote = Some('"'),
            '\'' if !in_word => self.quote = Some('\''),
            '“' => self.quote = Some('”'),
            '(' | '[' | '{' => self.depth += 1,
            ')' | ']' | '}' => self.depth -= 1,
            _ => {}
        }
    }

    fn push(&mut self, c: char, here: (usize, usize)) {
        self.prev = Some(c);
        if self.start.is_none() {
            if c.is_whitespace() {
                return;
            }
            self.start = Some(here);
        }
        self.cur.push(c);
    }

    /// The end of a line outside quotes: the statement ends, unless it
    /// goes on to the next line (`rest` is the script after this line).
    fn line_end(&mut self, rest: &str) {
        self.prev = Some('\n');
        if self.start.is_none() {
            return;
        }
        if self.depth > 0 || continues(&self.cur, rest) {
            if self.cur.trim_end().ends_with('\\') {
                let at = self.cur.trim_end().len() - 1;
                self.cur.replace_range(at..=at, " ");
            }
            self.cur.push('\n');
        } else {
            self.end();
        }
    }

    /// The statement so far is whole: keep it unless blank.
    fn end(&mut self) {
        let text = self.cur.trim_end().to_string();
        if let Some((line, column)) = self.start.take() {
            if !text.is_empty() {
                self.out.push(Statement { text, line, column });
            }
        }
        self.cur.clear();
        self.depth = 0;
        self.prev = None;
    }
}

/// Words that start a line carrying a pattern on.
const PATTERN_GOES_ON: [&str; 8] = [
    "where", "return", "order", "skip", "limit", "and", "or", "xor",
];

/// Words that start a line carrying an annotation on.
const ANNOTATION_GOES_ON: [&str; 4] = ["source", "because", "by", "at"];

/// Whether the statement `so_far` goes on to the next line of `rest` (its
/// first line that is neither blank nor a comment).
fn continues(so_far: &str, rest: &str) -> bool {
    if so_far.trim_end().ends_with('\\') {
        return true;
    }
    let Some(next) = rest
        .lines()
        .map(str::trim_start)
        .find(|l| !l.is_empty() && !l.starts_with("--") && !l.starts_with("//"))
    else {
        return false;
    };
    let next_words = words(next);
    let next_word = next_words.first().map_or("", String::as_str);
    if next_word == "as" && next_words.get(1).is_some_and(|w| w == "of") {
        return true;
    }
    let mine = words(so_far);
    let first = mine
        .iter()
        .find(|w| *w != "explain")
        .map_or("", String::as_str);
    match first {
        "match" | "optional" => {
            !mine.iter().any(|w| w == "return")
                || PATTERN_GOES_ON.contains(&next_word)
                || next.starts_with(['-', '<', ','])
                || so_far
                    .trim_end()
                    .ends_with([',', '-', '>', '<', '=', '+', '*', '|'])
        }
        "assert" | "retract" | "confirm" | "reject" => ANNOTATION_GOES_ON.contains(&next_word),
        _ => false,
    }
}

/// The words of a line, lowercased (letters and digits only).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether an interactive line is unfinished: an open bracket or quote, or
/// a trailing backslash. The REPL keeps reading lines while this holds.
pub(crate) fn is_incomplete(input: &str) -> bool {
    if input.trim_end().ends_with('\\') {
        return true;
    }
    let mut s = Splitter::default();
    for c in input.chars() {
        if !s.quoted(c) {
            s.open_or_close(c);
        }
        s.prev = Some(c);
    }
    s.quote.is_some() || s.depth > 0
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

    fn texts(script: &str) -> Vec<String> {
        statements(script).into_iter().map(|s| s.text).collect()
    }

    #[test]
    fn a_line_end_ends_a_statement() {
        let s = statements(
            "meetings in 2002\nmeetings in Guatemala;  show IV.A\n\n  sections mentioning OIM\n",
        );
        let texts: Vec<&str> = s.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "meetings in 2002",
                "meetings in Guatemala",
                "show IV.A",
                "sections mentioning OIM"
            ]
        );
        assert_eq!((s[2].line, s[2].column), (2, 25));
        assert_eq!((s[3].line, s[3].column), (4, 3));
    }

    #[test]
    fn open_brackets_quotes_and_backslashes_carry_a_statement_on() {
        let script = r#"show "VII
CRM"
match (a:agreement {id:
 "x"}) return a
meetings in \
2002
show Côte d'Ivoire
show IV.A"#;
        assert_eq!(
            texts(script),
            [
                "show \"VII\nCRM\"",
                "match (a:agreement {id:\n \"x\"}) return a",
                "meetings in  \n2002",
                "show Côte d'Ivoire",
                "show IV.A"
            ]
        );
        // An escaped quote inside a string does not close it.
        assert_eq!(texts("show \"a\\\"b\nc\"\nshow IV.A").len(), 2);
    }

    #[test]
    fn patterns_and_annotations_go_on_over_their_clauses() {
        let script = r#"match (a:agreement)-[:adopted_at]->(m:meeting)
-- a comment
return m, count(a) as n
order by n desc
limit 3
match (b) return b
assert Canadá responded to IV.E(1)
  source "email"
  by "ana"
meetings in 2002
as of 2002
meetings in 2003"#;
        let s = statements(script);
        let texts: Vec<&str> = s.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "match (a:agreement)-[:adopted_at]->(m:meeting)\n\nreturn m, count(a) as n\norder by n desc\nlimit 3",
                "match (b) return b",
                "assert Canadá responded to IV.E(1)\n  source \"email\"\n  by \"ana\"",
                "meetings in 2002\nas of 2002",
                "meetings in 2003"
            ]
        );
        assert_eq!(s[0].position_in_file(3, 1), (3, 1));
        assert_eq!((s[4].line, s[4].column), (12, 1));
    }

    #[test]
    fn incomplete_input() {
        assert!(!is_incomplete("show Côte d'Ivoire"));
        assert!(is_incomplete("show \"a\\\" b"));
        assert!(is_incomplete("match (a"));
        assert!(is_incomplete("show \"VII"));
        assert!(is_incomplete("meetings in \\"));
        assert!(!is_incomplete("match (a) return a"));
        assert!(!is_incomplete("show \"(\""));
    }
}
