//! The layering of ARCHITECTURE.md, enforced: each module of `src/`
//! imports only modules of lower layers, every module has a layer, and no
//! two files of one module import each other in a circle. And no function
//! of `src/` runs over 80 lines unless its doc comment says why it is long.
//!
//! The layer table is read from ARCHITECTURE.md itself (the rows of its
//! "Layers" table), so the map and this test cannot disagree. Imports are
//! read from the code: every `crate::` and `super::` path outside comments
//! and `#[cfg(test)]` items (tests may reach anything).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Circles between files of one module that are known and owned by an
/// open issue; each entry names its files, and goes when the circle does.
const KNOWN_CIRCLES: &[&[&str]] = &[];

#[test]
fn lower_layers_never_import_higher_ones() {
    let layers = layer_table();
    let files = source_files();
    let mut problems = Vec::new();
    for (module, imports) in &files {
        let here = top(module);
        let Some(&mine) = layers.get(here) else {
            continue; // reported by every_module_has_a_layer
        };
        for used in imports {
            let other = top(used);
            if other == here {
                continue;
            }
            match layers.get(other) {
                Some(&theirs) if theirs < mine => {}
                Some(&theirs) => problems.push(format!(
                    "{module} (layer {mine}) imports {used} (layer {theirs})"
                )),
                None => problems.push(format!("{module} imports {used}, which has no layer")),
            }
        }
    }
    assert!(
        problems.is_empty(),
        "imports against the layers of ARCHITECTURE.md:\n  {}",
        problems.join("\n  ")
    );
}

#[test]
fn every_module_has_a_layer() {
    let layers = layer_table();
    let files = source_files();
    let modules: BTreeSet<&str> = files
        .keys()
        .map(|m| top(m))
        .filter(|m| !m.is_empty())
        .collect();
    let placed: BTreeSet<&str> = layers.keys().map(String::as_str).collect();
    let unplaced: Vec<_> = modules.difference(&placed).collect();
    let gone: Vec<_> = placed.difference(&modules).collect();
    assert!(
        unplaced.is_empty(),
        "modules missing from the layer table of ARCHITECTURE.md: {unplaced:?}"
    );
    assert!(
        gone.is_empty(),
        "ARCHITECTURE.md places modules that do not exist: {gone:?}"
    );
}

#[test]
fn no_circles_between_files_of_a_module() {
    let files = source_files();
    // Edges between files that are not each other's ancestor: a child
    // using its parent's items (and the parent its children's) is how a
    // module is split into files, not a circle.
    let mut edges: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (module, imports) in &files {
        for used in imports {
            if top(used) == top(module) && !related(module, used) && files.contains_key(used) {
                edges.entry(module).or_default().insert(used);
            }
        }
    }
    let mut circles: Vec<Vec<&str>> = strongly_connected(&edges)
        .into_iter()
        .filter(|c| c.len() > 1)
        .collect();
    circles.retain(|c| {
        !KNOWN_CIRCLES
            .iter()
            .any(|known| known.len() == c.len() && known.iter().all(|m| c.contains(m)))
    });
    assert!(
        circles.is_empty(),
        "files that import each other in a circle: {circles:?}"
    );
}

/// Functions may run this long; a longer one says why in its doc comment
/// (a sentence with the word "long": "long because the grammar is").
const LONGEST: usize = 80;

/// Folders whose functions an open issue is rebuilding: ingestion becomes
/// passes over reading profiles (issue 14), which splits its long
/// functions by pass.
const REBUILT: &[&str] = &["src/ingest"];

#[test]
fn long_functions_say_why() {
    let mut paths = Vec::new();
    walk(&Path::new(ROOT).join("src"), &mut paths);
    let mut problems = Vec::new();
    for path in paths {
        let shown = path
            .strip_prefix(ROOT)
            .unwrap_or(&path)
            .display()
            .to_string();
        if REBUILT.iter().any(|r| shown.starts_with(r)) {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("reads");
        let lines: Vec<&str> = text.lines().collect();
        for (name, first, last) in functions(&blanked(&text)) {
            let doc = lines[..first]
                .iter()
                .rev()
                .map(|l| l.trim())
                .take_while(|l| l.starts_with("///") || l.starts_with("#["))
                .any(|l| l.starts_with("///") && l.contains("long"));
            if last - first + 1 > LONGEST && !doc {
                problems.push(format!(
                    "{shown}:{} {name}: {} lines",
                    first + 1,
                    last - first + 1
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "functions over {LONGEST} lines whose doc comment does not say why they are long \
         (split them by what each part decides):\n  {}",
        problems.join("\n  ")
    );
}

/// Every function of the code with its body: name, first and last line
/// (counted from 0).
fn functions(code: &str) -> Vec<(String, usize, usize)> {
    let bytes = code.as_bytes();
    let line_of = |at: usize| bytes[..at].iter().filter(|&&b| b == b'\n').count();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = code[from..].find("fn ").map(|i| i + from) {
        from = at + 3;
        let boundary = at == 0 || !(bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_');
        let rest = &code[from..];
        let len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        if !boundary || len == 0 {
            continue;
        }
        let Some(open) = rest.find(['{', ';']).map(|i| i + from) else {
            break;
        };
        if bytes[open] == b';' {
            continue; // a declaration without a body
        }
        let mut depth = 0usize;
        let mut close = open;
        for (i, &b) in bytes.iter().enumerate().skip(open) {
            match b {
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        close = i;
                        break;
                    }
                }
                _ => {}
            }
        }
        out.push((rest[..len].to_string(), line_of(at), line_of(close)));
    }
    out
}

/// The code with comments, strings (raw ones too) and char literals
/// blanked out, lines kept where they were: braces left are the code's.
fn blanked(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        let rest = &text[i..];
        let ident_before = i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
        let end = if rest.starts_with("//") {
            rest.find('\n').unwrap_or(rest.len())
        } else if let Some(inside) = rest.strip_prefix("/*") {
            inside.find("*/").map_or(rest.len(), |j| j + 4)
        } else if !ident_before && (rest.starts_with("r#") || rest.starts_with("r\"")) {
            let hashes = rest[1..].bytes().take_while(|&c| c == b'#').count();
            let close = format!("\"{}", "#".repeat(hashes));
            let body = 1 + hashes + 1;
            rest[body..]
                .find(&close)
                .map_or(rest.len(), |j| body + j + close.len())
        } else if rest.starts_with('"') {
            let mut j = 1;
            while j < rest.len() && rest.as_bytes()[j] != b'"' {
                j += if rest.as_bytes()[j] == b'\\' { 2 } else { 1 };
            }
            (j + 1).min(rest.len())
        } else if let Some(after) = rest.strip_prefix('\'') {
            // A char literal ('{', '\'', '\u{7b}'), not a lifetime ('a).
            match after.chars().next() {
                Some('\\') => rest[3..].find('\'').map_or(1, |j| j + 4),
                Some(c) if rest[1 + c.len_utf8()..].starts_with('\'') => 2 + c.len_utf8(),
                _ => 1,
            }
        } else {
            let n = rest.chars().next().map_or(1, char::len_utf8);
            out.push_str(&rest[..n]);
            i += n;
            continue;
        };
        let end = end.min(rest.len());
        out.extend(
            rest[..end]
                .chars()
                .map(|c| if c == '\n' { '\n' } else { ' ' }),
        );
        i += end.max(1);
    }
    out
}

/// Module name → layer number, from the "Layers" table of ARCHITECTURE.md:
/// rows `| N | module, module | … |`.
fn layer_table() -> BTreeMap<String, u32> {
    let text = std::fs::read_to_string(Path::new(ROOT).join("ARCHITECTURE.md"))
        .expect("ARCHITECTURE.md at the root of the repository");
    let table = text
        .split("\n## Layers")
        .nth(1)
        .expect("ARCHITECTURE.md has a `## Layers` section");
    let table = table.split("\n## ").next().unwrap_or(table);
    let mut layers = BTreeMap::new();
    for row in table.lines().filter(|l| l.starts_with('|')) {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let Some(Ok(n)) = cells.get(1).map(|c| c.parse::<u32>()) else {
            continue; // the header and its ruler
        };
        for m in cells[2].split(',') {
            let m = m.trim().trim_matches('`');
            assert!(
                layers.insert(m.to_string(), n).is_none(),
                "{m} is placed twice in ARCHITECTURE.md"
            );
        }
    }
    assert!(
        layers.len() > 5,
        "the layer table of ARCHITECTURE.md reads as {layers:?}"
    );
    layers
}

/// Every library file of `src/` by module path (`query::eval::expr`), with
/// the modules its code names.
fn source_files() -> BTreeMap<String, BTreeSet<String>> {
    let mut paths = Vec::new();
    walk(&Path::new(ROOT).join("src"), &mut paths);
    let src = Path::new(ROOT).join("src");
    let all: BTreeMap<String, PathBuf> = paths
        .into_iter()
        .filter_map(|p| {
            let rel = p.strip_prefix(&src).ok()?.with_extension("");
            let parts: Vec<String> = rel.iter().map(|s| s.to_string_lossy().into()).collect();
            match parts.join("::").as_str() {
                "main" => None,
                "lib" => Some((String::new(), p)),
                m => Some((m.to_string(), p)),
            }
        })
        .collect();
    let mut test_only = BTreeSet::new();
    let mut out = BTreeMap::new();
    for (module, path) in &all {
        let text = std::fs::read_to_string(path).expect("reads");
        let (code, test_mods) = without_tests(&without_comments(&text));
        for t in test_mods {
            test_only.insert(child(module, &t));
        }
        let imports = names(&code, module)
            .into_iter()
            .map(|p| resolve(&p, &all))
            .filter(|m| m != module)
            .collect();
        out.insert(module.clone(), imports);
    }
    out.retain(|m, _| {
        !test_only
            .iter()
            .any(|t| m == t || m.starts_with(&format!("{t}::")))
    });
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("reads src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn child(module: &str, name: &str) -> String {
    if module.is_empty() {
        name.to_string()
    } else {
        format!("{module}::{name}")
    }
}

fn top(module: &str) -> &str {
    module.split("::").next().unwrap_or(module)
}

fn related(a: &str, b: &str) -> bool {
    a.starts_with(&format!("{b}::")) || b.starts_with(&format!("{a}::"))
}

/// The longest module of `all` that `path` starts with.
fn resolve(path: &[String], all: &BTreeMap<String, PathBuf>) -> String {
    (1..=path.len())
        .rev()
        .map(|n| path[..n].join("::"))
        .find(|m| all.contains_key(m))
        .unwrap_or_else(|| path.first().cloned().unwrap_or_default())
}

/// The code without `//` comments (doc comments included) and without the
/// contents of string literals.
fn without_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if in_string {
            match c {
                '\\' => {
                    chars.next();
                }
                '"' => {
                    in_string = false;
                    out.push('"');
                }
                '\n' => out.push('\n'),
                _ => {}
            }
            continue;
        }
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '"' => {
                in_string = true;
                out.push('"');
            }
            // A char literal such as '"' is not a string.
            '\'' => {
                out.push('\'');
                let rest: String = chars.clone().take(3).collect();
                if rest.starts_with("\"'") || rest.starts_with("\\\"'") {
                    for _ in 0..rest.find('\'').map_or(0, |i| i + 1) {
                        chars.next();
                    }
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// The code without `#[cfg(test)]` items, and the names of the modules
/// declared test-only (`#[cfg(test)] mod x;`).
fn without_tests(code: &str) -> (String, Vec<String>) {
    let mut out = String::new();
    let mut test_mods = Vec::new();
    let mut lines = code.lines();
    while let Some(line) = lines.next() {
        if line.trim() != "#[cfg(test)]" {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let mut depth = 0i32;
        for item in lines.by_ref() {
            let t = item.trim();
            if depth == 0 && t.ends_with(';') && !t.contains('{') {
                if let Some(name) = t
                    .strip_prefix("mod ")
                    .or_else(|| t.strip_prefix("pub mod "))
                {
                    test_mods.push(name.trim_end_matches(';').trim().to_string());
                }
                break;
            }
            depth += item.matches('{').count() as i32 - item.matches('}').count() as i32;
            if depth <= 0 && item.contains('}') {
                break;
            }
        }
    }
    (out, test_mods)
}

/// Every path the code names through `crate::` or `super::`, made
/// absolute (`["query", "eval", "Ctx"]`), `use` groups expanded.
fn names(code: &str, module: &str) -> Vec<Vec<String>> {
    let here: Vec<String> = if module.is_empty() {
        vec![]
    } else {
        module.split("::").map(String::from).collect()
    };
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < code.len() {
        let rest = &code[i..];
        let boundary = i == 0
            || !(bytes[i - 1].is_ascii_alphanumeric()
                || bytes[i - 1] == b'_'
                || bytes[i - 1] == b':');
        let start = if !boundary {
            None
        } else if rest.starts_with("crate::") {
            Some((Vec::new(), "crate::".len()))
        } else if rest.starts_with("super::") {
            let mut base = here.clone();
            let mut n = 0;
            while code[i + n..].starts_with("super::") {
                base.pop();
                n += "super::".len();
            }
            Some((base, n))
        } else {
            None
        };
        match start {
            Some((base, n)) => {
                let (paths, used) = use_tree(&code[i + n..]);
                for p in paths {
                    let mut full = base.clone();
                    full.extend(p);
                    out.push(full);
                }
                i += n + used.max(1);
            }
            None => i += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    out
}

/// The paths of a use tree (`a::b::{c, d::e}` gives `a::b::c`,
/// `a::b::d::e`), and how many bytes it took.
fn use_tree(s: &str) -> (Vec<Vec<String>>, usize) {
    let mut prefix = Vec::new();
    let mut i = 0;
    loop {
        let rest = &s[i..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut paths = Vec::new();
            let mut j = 0;
            loop {
                let inner = &group[j..];
                let skip = inner.len() - inner.trim_start().len();
                j += skip;
                if group[j..].starts_with('}') {
                    j += 1;
                    break;
                }
                if j >= group.len() {
                    break;
                }
                let (sub, used) = use_tree(&group[j..]);
                for p in sub {
                    let mut full = prefix.clone();
                    full.extend(p);
                    paths.push(full);
                }
                j += used.max(1);
                let after = &group[j..];
                let skip = after.len() - after.trim_start().len();
                j += skip;
                if group[j..].starts_with(',') {
                    j += 1;
                }
            }
            return (paths, i + 1 + j);
        }
        let len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        if len == 0 {
            return (vec![prefix], i);
        }
        let ident = &rest[..len];
        if ident != "self" {
            prefix.push(ident.to_string());
        }
        i += len;
        if s[i..].starts_with("::") {
            i += 2;
        } else {
            return (vec![prefix], i);
        }
    }
}

/// Tarjan's strongly connected components.
fn strongly_connected<'a>(edges: &BTreeMap<&'a str, BTreeSet<&'a str>>) -> Vec<Vec<&'a str>> {
    struct State<'a> {
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        out: Vec<Vec<&'a str>>,
    }
    fn visit<'a>(v: &'a str, edges: &BTreeMap<&'a str, BTreeSet<&'a str>>, s: &mut State<'a>) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on_stack.insert(v);
        for &w in edges.get(v).into_iter().flatten() {
            if !s.index.contains_key(w) {
                visit(w, edges, s);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w);
                if w == v {
                    break;
                }
            }
            component.sort();
            s.out.push(component);
        }
    }
    let mut s = State {
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        out: Vec::new(),
    };
    for &v in edges.keys() {
        if !s.index.contains_key(v) {
            visit(v, edges, &mut s);
        }
    }
    s.out
}

/// The reader itself, on code shaped like acta's.
#[test]
fn imports_are_read_as_written() {
    let code = without_comments(
        "use crate::model::{Kind, sym::Sym};\n// crate::repl in a comment\nlet s = \"crate::kb\";\nuse super::{ast::Span, error::QueryError};\nlet x = crate::text::normalize(y);\n",
    );
    let got: Vec<String> = names(&code, "query::parse")
        .iter()
        .map(|p| p.join("::"))
        .collect();
    assert_eq!(
        got,
        [
            "model::Kind",
            "model::sym::Sym",
            "query::ast::Span",
            "query::error::QueryError",
            "text::normalize"
        ]
    );
    let (code, mods) = without_tests(
        "a\n#[cfg(test)]\nmod tests {\n    use crate::kb;\n}\n#[cfg(test)]\nmod more;\nb\n",
    );
    assert_eq!(code, "a\nb\n");
    assert_eq!(mods, ["more"]);
}
