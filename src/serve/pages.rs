//! The pages of `acta serve`, as maud templates (everything interpolated is
//! escaped): the query box with its answer and citations, entity cards
//! with links to neighbours, an agreement's trace with its timeline, a
//! document's text with the cited sentence highlighted, and messages.
//! No page needs JavaScript.

use super::url::encode;
use super::{Page, State};
use crate::graph::{Direction, KnowledgeGraph, NodeIndex, Reference};
use crate::kb::answer;
use crate::model::Kind;
use crate::query::{Answer, Cell, Source};
use crate::trace::Trace;
use maud::{html, Markup, PreEscaped, DOCTYPE};

const STYLE: &str = "body{font:15px/1.45 Helvetica,Arial,sans-serif;margin:0 auto;max-width:70em;padding:0 1em;color:#111}\
nav{padding:.6em 0;border-bottom:1px solid #ccc;margin-bottom:1em}nav a{margin-right:1em}\
input[type=text]{width:38em;max-width:100%;font-size:15px;padding:.3em}input[name=as_of]{width:8em}\
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}\
.error{color:#a00;white-space:pre-wrap;font-family:monospace}.caveat{color:#555}\
.doc{white-space:pre-wrap;font-family:Georgia,serif;max-width:48em}mark{background:#ffe066;padding:.1em 0}\
.cite{font-size:90%}footer{color:#666;font-size:85%;margin:2em 0;border-top:1px solid #ccc;padding-top:.5em}";

/// The question the home page offers as an example.
const EXAMPLE: &str = "which agreements from VII CRM still await responses from which countries?";

/// A whole page around `body`.
fn layout(state: &State, title: &str, body: Markup) -> String {
    let read_at = state
        .read_at
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                title { (title) " · acta" }
                style { (PreEscaped(STYLE)) }
            }
            body {
                nav { a href="/" { "acta" } a href="/reload" { "read the knowledge base again" } }
                main { (body) }
                footer {
                    "Read-only view of " (state.db.display()) ": "
                    (state.view.document_count()) " document(s), read at Unix time " (read_at) "."
                    @if let Some(note) = &state.note { br; (note) }
                }
            }
        }
    }
    .into_string()
}

/// A page with a heading and one message.
pub(crate) fn message(state: &State, status: u16, title: &str, text: &str) -> Page {
    Page::html(
        status,
        layout(state, title, html! { h1 { (title) } p { (text) } }),
    )
}

/// The query form, filled with what was asked.
fn form(q: &str, as_of: &str) -> Markup {
    html! {
        form method="get" action="/" {
            p {
                input type="text" name="q" value=(q) autofocus
                    placeholder="which agreements from VII CRM still await responses from which countries?";
                " as of " input type="text" name="as_of" value=(as_of) size="11" placeholder="YYYY-MM-DD";
                " " button type="submit" { "Ask" }
            }
        }
    }
}

/// `/`: the query box, and the answer when a query was given.
pub(crate) fn home(state: &State, q: Option<String>, as_of: Option<String>) -> Page {
    let (q, as_of) = (q.unwrap_or_default(), as_of.unwrap_or_default());
    if q.is_empty() {
        let body = html! {
            h1 { "Ask the knowledge base" }
            (form(&q, &as_of))
            p { "Questions and patterns as in the REPL, in English or Spanish: "
                a href=(format!("/?q={}", encode(EXAMPLE))) { (EXAMPLE) } }
        };
        return Page::html(200, layout(state, "acta", body));
    }
    let text = if as_of.is_empty() {
        q.clone()
    } else {
        format!("{q} as of {as_of}")
    };
    let (status, result) = match answer(&state.view, &state.views(), &text) {
        Ok(a) => (200, answer_table(&state.view, &a)),
        Err(e) => (400, html! { p.error { (e.to_string()) } }),
    };
    let body = html! { h1 { "Ask the knowledge base" } (form(&q, &as_of)) (result) };
    Page::html(status, layout(state, &q, body))
}

/// A cell: entities link to their cards.
fn cell(c: &Cell) -> Markup {
    match c {
        Cell::Node { id, name, .. } => html! {
            a href=(format!("/show?e={}", encode(id))) title=(id) { (if name.is_empty() { id } else { name }) }
        },
        Cell::List(items) => html! {
            @for (i, item) in items.iter().enumerate() { @if i > 0 { ", " } (cell(item)) }
        },
        other => html! { (other.text()) },
    }
}

/// A citation linking to the sentence in its document.
pub(crate) fn citation(s: &Source) -> Markup {
    match (&s.doc, s.span) {
        (Some(doc), Some((start, end))) => html! {
            a.cite href=(format!("/doc?d={}&s={start}&e={end}#hl", encode(doc)))
                title=(s.sentence.as_deref().unwrap_or("")) { (s.cite) }
        },
        _ => html! { span.cite { (s.cite) } },
    }
}

/// An answer as a table with each row's citations, or its text.
fn answer_table(_kg: &KnowledgeGraph, a: &Answer) -> Markup {
    html! {
        @for c in &a.caveats { p.caveat { (c) } }
        @if let Some(text) = &a.text {
            pre { (text) }
        } @else {
            p { (a.rows.len()) " row(s)" }
            table.answer {
                tr { @for c in &a.columns { th { (c) } } th { "sources" } }
                @for (i, row) in a.rows.iter().enumerate() {
                    tr.row {
                        @for c in row { td { (cell(c)) } }
                        td { @for (j, s) in a.sources.get(i).map_or(&[][..], Vec::as_slice).iter().enumerate() {
                            @if j > 0 { br; } (citation(s))
                        } }
                    }
                }
            }
        }
    }
}

/// Resolve what a link or a user named, or the page that says why not.
fn resolve(state: &State, name: &str, kinds: &[Kind]) -> Result<NodeIndex, Page> {
    if name.is_empty() {
        return Err(message(
            state,
            400,
            "Nothing named",
            "Name an entity: /show?e=VII CRM",
        ));
    }
    state
        .view
        .resolve(Reference::of(name), kinds)
        .map_err(|e| message(state, 404, "Not found", &e.to_string()))
}

/// `/show?e=`: an entity card with links to its neighbours.
pub(crate) fn card(state: &State, e: String) -> Page {
    let i = match resolve(state, &e, &[]) {
        Ok(i) => i,
        Err(page) => return page,
    };
    let kg = &state.view;
    let n = kg.data(i);
    let neighbours = |dir: Direction| {
        let mut list: Vec<(String, NodeIndex)> = kg
            .neighbours(i, None, dir)
            .map(|(o, _, e)| (e.kind.to_string(), o))
            .collect();
        list.sort_by(|a, b| {
            (&a.0, kg.data(a.1).name.as_str()).cmp(&(&b.0, kg.data(b.1).name.as_str()))
        });
        list
    };
    let link = |o: NodeIndex| {
        let d = kg.data(o);
        html! { a href=(format!("/show?e={}", encode(&d.id))) { (d.name) } " (" (d.kind) ")" }
    };
    let body = html! {
        h1 { (n.name) }
        p { (n.kind) " · " code { (n.id) }
            @if n.kind == Kind::Agreement { " · " a href=(format!("/trace?a={}", encode(&n.id))) { "trace" } } }
        @if !n.aliases.is_empty() { p { "also: " (n.aliases.join("; ")) } }
        table {
            @for a in &n.attrs {
                tr { th { (a.key) } td { (a.value.to_string()) }
                     td { (citation(&Source::from_prov(&a.prov, kg.sentence(&a.prov)).on_page(kg.page_of(&a.prov)))) } }
            }
        }
        h2 { "Links" }
        ul {
            @for (kind, o) in neighbours(Direction::Outgoing) { li { "→ " (kind) " " (link(o)) } }
            @for (kind, o) in neighbours(Direction::Incoming) { li { "← " (kind) " " (link(o)) } }
        }
        @if n.kind == Kind::Meeting {
            @if let Some(svg) = crate::picture::meeting(kg, i) { (PreEscaped(svg)) }
        }
    };
    Page::html(200, layout(state, &n.name, body))
}

/// The trace of an agreement named in a link.
fn trace_of(state: &State, a: &str) -> Result<Trace, Page> {
    resolve(state, a, &[Kind::Agreement]).map(|i| Trace::of(&state.view, i))
}

/// `/trace?a=`: the timeline and the steps, each cited.
pub(crate) fn trace(state: &State, a: String) -> Page {
    let t = match trace_of(state, &a) {
        Ok(t) => t,
        Err(page) => return page,
    };
    let kg = &state.view;
    let body = html! {
        h1 { (t.name) }
        p { code { (t.agreement) } " · status: " (t.status) }
        img src=(format!("/trace.svg?a={}", encode(&t.agreement))) alt=(format!("Timeline of {}", t.name)) style="max-width:100%";
        table {
            tr { th { "date" } th { "step" } th { "what" } th { "source" } }
            @for s in &t.steps {
                tr {
                    td { (s.date.map_or_else(|| "undated".to_string(), |d| d.to_string())) }
                    td { (s.what) } td { (s.detail) }
                    td { (citation(&Source::from_prov(&s.source, kg.sentence(&s.source)).on_page(kg.page_of(&s.source)))) }
                }
            }
        }
        @for o in &t.open { p { "open: " (o) } }
    };
    Page::html(200, layout(state, &t.name, body))
}

/// `/trace.svg?a=`: the timeline picture.
pub(crate) fn trace_svg(state: &State, a: String) -> Page {
    match trace_of(state, &a) {
        Ok(t) => Page {
            status: 200,
            content_type: "image/svg+xml",
            body: crate::picture::timeline(&t),
        },
        Err(page) => page,
    }
}

/// `/doc?d=&s=&e=`: a document's text, the cited span highlighted and
/// scrolled into view (the link's `#hl`).
pub(crate) fn document(state: &State, d: String, s: Option<String>, e: Option<String>) -> Page {
    let (Some(doc), Some(text)) = (state.view.document(&d), state.view.document_text(&d)) else {
        return message(
            state,
            404,
            "Not found",
            &format!("no document is called {d:?}"),
        );
    };
    let span = match (s, e) {
        (None, None) => None,
        (Some(s), Some(e)) => match (s.parse::<usize>(), e.parse::<usize>()) {
            (Ok(s), Ok(e))
                if s < e
                    && e <= text.len()
                    && text.is_char_boundary(s)
                    && text.is_char_boundary(e) =>
            {
                Some((s, e))
            }
            _ => {
                return message(
                    state,
                    400,
                    "Bad request",
                    "s and e must mark a span of the document's text",
                )
            }
        },
        _ => return message(state, 400, "Bad request", "give both s and e, or neither"),
    };
    let body = html! {
        h1 { (doc.title) }
        p { code { (doc.id) } " · " (doc.file) " · "
            (doc.date.map_or_else(|| "undated".to_string(), |d| d.to_string())) }
        div.doc {
            @if let Some((s, e)) = span {
                (&text[..s]) mark id="hl" { (&text[s..e]) } (&text[e..])
            } @else { (text) }
        }
    };
    Page::html(200, layout(state, &doc.title, body))
}
