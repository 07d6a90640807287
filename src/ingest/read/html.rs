//! A web page saved as HTML: the main text only. Parsed with a real HTML
//! parser (html5ever, through scraper); the page's `main` or `article` when
//! it has one, else its body; navigation, headers, footers, asides,
//! scripts, styles and forms left out; block elements become lines, items
//! of numbered lists get their numbers, table rows become lines. The walk
//! over the tree keeps its own stack, so deep nesting costs no recursion.

use super::{Format, Read, ReadError, MAX_TEXT_BYTES};
use scraper::{ElementRef, Html, Node, Selector};

/// Elements whose content is never the document's text.
const SKIPPED: [&str; 12] = [
    "script", "style", "nav", "header", "footer", "aside", "noscript", "template", "form",
    "button", "svg", "iframe",
];

/// Elements that start and end a line.
const BLOCKS: [&str; 24] = [
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "tr",
    "section",
    "article",
    "main",
    "table",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "br",
    "hr",
    "center",
];

/// The deepest nesting of elements a page may have. Real pages stay under
/// a hundred; the HTML parser's work grows with the square of the depth.
const MAX_DEPTH: usize = 1_000;

/// How deep the elements of `html` nest, counted roughly from its tags
/// (void elements and self-closed tags do not nest), stopping at `limit`.
fn depth(html: &str, limit: usize) -> usize {
    const VOID: [&str; 14] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr",
    ];
    let (mut depth, mut deepest) = (0usize, 0usize);
    for tag in html.split('<').skip(1) {
        let Some(end) = tag.find('>') else { continue };
        let inside = &tag[..end];
        if let Some(closing) = inside.strip_prefix('/') {
            if !closing.is_empty() {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        let name: String = inside
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() || inside.ends_with('/') || VOID.contains(&name.as_str()) {
            continue;
        }
        depth += 1;
        deepest = deepest.max(depth);
        if deepest > limit {
            break;
        }
    }
    deepest
}

/// Read an HTML page's main text.
pub(super) fn read(bytes: &[u8]) -> Result<Read, ReadError> {
    let decoded = super::decode::decode(bytes)?;
    if depth(&decoded.text, MAX_DEPTH) > MAX_DEPTH {
        return Err(ReadError::Nested { max: MAX_DEPTH });
    }
    let page = Html::parse_document(&decoded.text);
    let root = ["main", "article", "body"]
        .iter()
        .filter_map(|s| Selector::parse(s).ok())
        .find_map(|s| page.select(&s).next())
        .unwrap_or_else(|| page.root_element());
    let text = text_of(root)?;
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let mut out = String::new();
    let mut blank = false;
    for line in lines {
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push('\n');
            blank = false;
        }
        out.push_str(line);
        out.push('\n');
    }
    if out.trim().is_empty() {
        return Err(ReadError::Decode(super::DecodeError::Blank));
    }
    Ok(Read {
        text: out,
        format: Format::Html,
        encoding: decoded.encoding.to_string(),
        warning: decoded.warning,
        pages: Vec::new(),
    })
}

/// What is left to visit: a node, or the end of a block element.
enum Visit<'a> {
    Node(ego_tree::NodeRef<'a, Node>),
    EndBlock,
    EndList,
    EndPre,
}

fn text_of(root: ElementRef<'_>) -> Result<String, ReadError> {
    let mut out = String::new();
    let mut stack = vec![Visit::Node(*root)];
    // Numbers of the open ordered lists, innermost last.
    let mut numbers: Vec<Option<u32>> = Vec::new();
    // Inside `pre` (how office software saves plain text), lines are kept.
    let mut pre = 0usize;
    while let Some(visit) = stack.pop() {
        let node = match visit {
            Visit::EndBlock => {
                out.push('\n');
                continue;
            }
            Visit::EndList => {
                numbers.pop();
                continue;
            }
            Visit::EndPre => {
                pre = pre.saturating_sub(1);
                continue;
            }
            Visit::Node(n) => n,
        };
        match node.value() {
            Node::Text(t) if pre > 0 => out.push_str(t),
            Node::Text(t) => {
                let squashed = t.split_whitespace().collect::<Vec<_>>().join(" ");
                if !squashed.is_empty() {
                    if t.starts_with(char::is_whitespace) && !out.ends_with(['\n', ' ']) {
                        out.push(' ');
                    }
                    out.push_str(&squashed);
                    if t.ends_with(char::is_whitespace) {
                        out.push(' ');
                    }
                }
            }
            Node::Element(e) => {
                let name = e.name();
                if SKIPPED.contains(&name) {
                    continue;
                }
                let block = BLOCKS.contains(&name);
                if block {
                    out.push('\n');
                }
                match name {
                    "ol" => {
                        numbers.push(Some(0));
                        stack.push(Visit::EndList);
                    }
                    "ul" => {
                        numbers.push(None);
                        stack.push(Visit::EndList);
                    }
                    "li" => {
                        if let Some(Some(n)) = numbers.last_mut() {
                            *n += 1;
                            out.push_str(&format!("{n}. "));
                        }
                    }
                    "td" | "th" => out.push('\t'),
                    "pre" => {
                        pre += 1;
                        stack.push(Visit::EndPre);
                    }
                    _ => {}
                }
                if block {
                    stack.push(Visit::EndBlock);
                }
                let children: Vec<_> = node.children().collect();
                stack.extend(children.into_iter().rev().map(Visit::Node));
            }
            _ => {}
        }
        if out.len() > MAX_TEXT_BYTES {
            return Err(ReadError::Inflated {
                max: MAX_TEXT_BYTES,
            });
        }
    }
    Ok(out)
}
