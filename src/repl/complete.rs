//! The REPL's line-editor helper: tab completion of keywords, meta
//! commands, kind and edge names and entity names (several words at once:
//! `VII C<TAB>` → `VII CRM`), hints from history, and multi-line input
//! (an unclosed bracket or quote, or a trailing `\`, continues the line).

use crate::graph::KnowledgeGraph;
use crate::model::{EdgeKind, Kind};
use crate::text::normalize;
use rustyline::completion::{Completer, Pair};
use rustyline::highlight::Highlighter;
use rustyline::hint::{Hinter, HistoryHinter};
use rustyline::validate::Validator;
use rustyline::{Context, Helper};

/// One completion candidate: what is inserted and its normalized key.
#[derive(Debug, Clone)]
struct Candidate {
    text: String,
    key: String,
}

/// Completion, hints and validation for the REPL.
pub(crate) struct ActaHelper {
    candidates: Vec<Candidate>,
    hinter: HistoryHinter,
}

impl ActaHelper {
    /// A helper whose entity names come from `kg`.
    pub(crate) fn new(kg: &KnowledgeGraph) -> ActaHelper {
        let mut words: Vec<String> = crate::session::meta_commands().collect();
        words.extend(crate::query::keywords().iter().cloned());
        words.extend(Kind::ALL.iter().map(|k| k.as_str().to_string()));
        words.extend(EdgeKind::ALL.iter().map(|k| k.as_str().to_string()));
        words.extend(["table", "json", "csv", "tsv", "on", "off"].map(String::from));
        for n in kg.nodes().map(|i| kg.data(i)) {
            match n.kind {
                Kind::Meeting
                | Kind::Country
                | Kind::Organization
                | Kind::Person
                | Kind::Agreement => {
                    words.push(n.name.clone());
                    words.push(n.id.to_string());
                }
                Kind::Section | Kind::Document | Kind::Event => words.push(n.id.to_string()),
            }
        }
        words.sort();
        words.dedup();
        let candidates = words
            .into_iter()
            .filter(|w| !w.trim().is_empty())
            .map(|text| Candidate {
                key: normalize(&text),
                text,
            })
            .collect();
        ActaHelper {
            candidates,
            hinter: HistoryHinter::new(),
        }
    }

    /// Completions for the text before the cursor: the longest suffix of
    /// whole words that starts some candidate, and the candidates it starts.
    pub(crate) fn completions(&self, before: &str) -> (usize, Vec<String>) {
        let mut starts: Vec<usize> = before
            .char_indices()
            .filter(|&(i, c)| {
                !c.is_whitespace()
                    && !matches!(c, '(' | '"' | '“' | '[' | ',' | '{')
                    && (i == 0
                        || before[..i].chars().next_back().is_some_and(|p| {
                            p.is_whitespace()
                                || matches!(p, '(' | '"' | '“' | '[' | ',' | '{' | ':')
                        }))
            })
            .map(|(i, _)| i)
            .collect();
        if before.ends_with(char::is_whitespace) || before.is_empty() {
            starts.push(before.len());
        }
        if before.starts_with(':') {
            starts.insert(0, 0);
        }
        for &s in &starts {
            let partial = &before[s..];
            let key = normalize(partial);
            if key.is_empty() && s == before.len() {
                return (s, Vec::new());
            }
            let mut found: Vec<String> = self
                .candidates
                .iter()
                .filter(|c| c.key.starts_with(&key) && c.key != key)
                .map(|c| c.text.clone())
                .collect();
            if !found.is_empty() {
                found.sort_by_key(|t| (t.len(), t.clone()));
                found.dedup();
                found.truncate(50);
                return (s, found);
            }
        }
        (before.len(), Vec::new())
    }
}

impl Completer for ActaHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let before = line.get(..pos).unwrap_or(line);
        let (start, found) = self.completions(before);
        Ok((
            start,
            found
                .into_iter()
                .map(|t| Pair {
                    display: t.clone(),
                    replacement: t,
                })
                .collect(),
        ))
    }
}

impl Hinter for ActaHelper {
    type Hint = String;

    fn hint(&self, line: &str, pos: usize, ctx: &Context<'_>) -> Option<String> {
        self.hinter.hint(line, pos, ctx)
    }
}

impl Highlighter for ActaHelper {}

/// Every line is accepted as typed: the REPL itself reads the lines that
/// continue an unfinished statement, after a continuation prompt.
impl Validator for ActaHelper {}

impl Helper for ActaHelper {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::ViewOptions;
    use crate::reference::Gazetteer;

    fn helper() -> ActaHelper {
        let kg = crate::view::build(&Gazetteer::bundled().unwrap(), &[], ViewOptions::default());
        ActaHelper::new(&kg)
    }

    #[test]
    fn completes_multi_word_meeting_names() {
        let h = helper();
        let (start, found) = h.completions("which agreements from VII C");
        assert_eq!(start, "which agreements from ".len());
        assert_eq!(found.first().map(String::as_str), Some("VII CRM"));
    }

    #[test]
    fn completes_keywords_meta_commands_and_accented_names() {
        let h = helper();
        assert!(h.completions(":for").1.contains(&":format".to_string()));
        assert!(h.completions("show Cana").1.contains(&"Canadá".to_string()));
        assert!(h
            .completions("show repub")
            .1
            .contains(&"República Dominicana".to_string()));
        assert!(h
            .completions("match (a)-[:adop")
            .1
            .contains(&"adopted_at".to_string()));
    }
}
