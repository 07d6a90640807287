//! The interactive REPL (rustyline): a one-line banner, persistent history,
//! completion from `complete`, multi-line input after a continuation
//! prompt, and statements handed to the [`Session`]. Ctrl-C cancels the
//! input, Ctrl-D quits. Long answers page through `$PAGER` (never with
//! `:pager off` or `acta --no-pager`).
//! Errors are red and notes dim, unless `NO_COLOR` is set.

pub(crate) mod complete;

use crate::error::Error;
use crate::output::{tint, Tint};
use crate::session::Session;
use complete::ActaHelper;
use rustyline::error::ReadlineError;
use rustyline::history::FileHistory;
use rustyline::{CompletionType, Config, Editor};
use std::io::Write;
use std::path::PathBuf;

/// Where the history is kept: `$ACTA_HISTORY`, else
/// `<user data dir>/acta/history.txt`.
pub(crate) fn history_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("ACTA_HISTORY").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    dirs::data_dir().map(|d| d.join("acta").join("history.txt"))
}

/// Run the REPL until `:quit` or Ctrl-D.
pub fn run(session: &mut Session) -> Result<(), Error> {
    let config = Config::builder()
        .completion_type(CompletionType::List)
        .auto_add_history(false)
        .max_history_size(10_000)
        .map_err(|source| Error::Terminal {
            doing: "cannot configure the line editor",
            source,
        })?
        .build();
    let mut editor: Editor<ActaHelper, FileHistory> =
        Editor::with_config(config).map_err(|source| Error::Terminal {
            doing: "cannot start the line editor",
            source,
        })?;
    editor.set_helper(Some(ActaHelper::new(&session.kg)));
    let history = history_path();
    if let Some(h) = &history {
        if let Some(dir) = h.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = editor.load_history(h);
    }
    // While a statement runs, Ctrl-C is a signal (not a key): it asks the
    // evaluator to stop instead of ending the session.
    let _ = ctrlc::set_handler(|| {
        crate::query::interrupt();
    });
    println!(
        "acta {} — {} · :help for help, Ctrl-D to quit",
        env!("CARGO_PKG_VERSION"),
        session.summary()
    );
    if let Some(note) = session.read_only() {
        println!(
            "{note}: this session answers from the view it saved, and cannot ingest or annotate"
        );
    }
    loop {
        session.width = crate::output::terminal_width();
        let Some(input) = read_input(&mut editor)? else {
            break;
        };
        editor.add_history_entry(input.as_str()).ok();
        if let Some(h) = &history {
            let _ = editor.append_history(h);
        }
        if run_input(session, &mut editor, &input) {
            break;
        }
    }
    Ok(())
}

/// The prompt of a new statement, and of each line that continues one.
const PROMPT: &str = "acta> ";
const CONTINUED: &str = " ...> ";

/// Read lines until the input is finished (no bracket or quote left
/// open, no trailing `\`), the first after [`PROMPT`] and the rest after
/// [`CONTINUED`]. Ctrl-C drops the unfinished input and starts again;
/// `None` at Ctrl-D.
fn read_input(editor: &mut Editor<ActaHelper, FileHistory>) -> Result<Option<String>, Error> {
    let mut input = String::new();
    loop {
        let prompt = if input.is_empty() { PROMPT } else { CONTINUED };
        match editor.readline(prompt) {
            Ok(line) => {
                input.push_str(&line);
                if !crate::script::is_incomplete(&input) {
                    return Ok(Some(input));
                }
                input.push('\n');
            }
            Err(ReadlineError::Interrupted) => input.clear(),
            Err(ReadlineError::Eof) if input.is_empty() => return Ok(None),
            Err(ReadlineError::Eof) => return Ok(Some(input)),
            Err(source) => {
                return Err(Error::Terminal {
                    doing: "cannot read input",
                    source,
                })
            }
        }
    }
}

/// Run what was entered: each of its statements in turn, so that several
/// lines pasted at once each run (as in a file: a line ends a statement
/// unless it is unfinished). Answers and errors are printed; returns
/// whether a statement asked to quit.
fn run_input(
    session: &mut Session,
    editor: &mut Editor<ActaHelper, FileHistory>,
    input: &str,
) -> bool {
    for st in crate::script::statements(input) {
        crate::query::eval::INTERRUPTED.store(false, std::sync::atomic::Ordering::Relaxed);
        match session.execute(&st.text) {
            Ok(reply) => {
                if session.pager {
                    page(&reply.stdout);
                } else {
                    print!("{}", crate::text::visible(&reply.stdout));
                    let _ = std::io::stdout().flush();
                }
                if let Some(n) = reply.notice {
                    println!("{}", tint(&crate::text::visible(&n), Tint::Note, true));
                }
                if reply.quit {
                    return true;
                }
                if reply.changed {
                    editor.set_helper(Some(ActaHelper::new(&session.kg)));
                }
            }
            Err(e) => {
                let line = format!("error: {}", crate::text::shown(&e.to_string()));
                println!("{}", tint(&line, Tint::Error, true));
            }
        }
    }
    false
}

/// Print text, through `$PAGER` when it is taller than the terminal.
pub(crate) fn page(text: &str) {
    let text = &*crate::text::visible(text);
    let height = crate::output::terminal_height().unwrap_or(usize::MAX);
    if text.lines().count() + 2 > height {
        let pager = std::env::var("PAGER")
            .ok()
            .filter(|p| !p.trim().is_empty())
            .unwrap_or_else(|| "less -FRX".into());
        let mut parts = pager.split_whitespace();
        if let Some(cmd) = parts.next() {
            if let Ok(mut child) = std::process::Command::new(cmd)
                .args(parts)
                .stdin(std::process::Stdio::piped())
                .spawn()
            {
                if let Some(mut stdin) = child.stdin.take() {
                    let _ = stdin.write_all(text.as_bytes());
                }
                if child.wait().is_ok() {
                    return;
                }
            }
        }
    }
    print!("{text}");
    let _ = std::io::stdout().flush();
}
