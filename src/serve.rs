//! `acta serve`: a local, read-only web view of a knowledge base, for
//! people who never open a terminal. It binds to 127.0.0.1 only and reads
//! the view as any reader does (`crate::kb::reader`: the saved view
//! without the store's lock when it is current), so a REPL or an ingest
//! can run beside it; `/reload` reads it again. An `as of` view opens the
//! store for as long as it takes. Pages are plain server-rendered HTML
//! (`serve/pages.rs`, with maud, which escapes whatever it interpolates);
//! `serve/url.rs` decodes query strings. Bad requests get 4xx pages.

mod pages;
mod url;

use crate::error::Error;
use crate::graph::{KnowledgeGraph, ViewOptions};
use crate::kb::{KnowledgeBase, ReadAccess, Views};
use crate::model::Ymd;
use std::path::{Path, PathBuf};
use std::time::SystemTime;
use tiny_http::{Header, Method, Request, Response, Server};

/// What the pages are drawn from: the knowledge base as last read.
pub(crate) struct State {
    pub(crate) db: PathBuf,
    pub(crate) view: KnowledgeGraph,
    /// What the page footer says of it: when the view may be out of date.
    pub(crate) note: Option<String>,
    /// When it was read, for the page footer.
    pub(crate) read_at: SystemTime,
}

impl State {
    /// Read the knowledge base at `db` as a reader does, and let go of it.
    fn read(db: &Path) -> Result<State, Error> {
        let (view, note) = match KnowledgeBase::open_to_read(db)? {
            ReadAccess::Store(kb) => (kb.view_with(ViewOptions::default())?, None),
            ReadAccess::Saved(saved) => {
                let note = saved.staleness();
                (saved.view, note)
            }
        };
        Ok(State {
            db: db.to_path_buf(),
            view,
            note,
            read_at: SystemTime::now(),
        })
    }

    /// Views as of a date: each opens the store while it is built.
    pub(crate) fn views(&self) -> AsOf<'_> {
        AsOf(&self.db)
    }
}

/// Views as of a date for the web view, built from the store.
pub(crate) struct AsOf<'a>(&'a Path);

impl Views for AsOf<'_> {
    fn view_as_of(&self, date: Ymd) -> Result<KnowledgeGraph, Error> {
        KnowledgeBase::open_reading(self.0)?.view_as_of(date)
    }
}

/// A page to send: status, content type, body.
pub(crate) struct Page {
    pub(crate) status: u16,
    pub(crate) content_type: &'static str,
    pub(crate) body: String,
}

impl Page {
    pub(crate) fn html(status: u16, body: String) -> Page {
        Page {
            status,
            content_type: "text/html; charset=utf-8",
            body,
        }
    }
}

/// Serve the knowledge base at `db` on 127.0.0.1:`port` (0: any free
/// port) until the process is stopped. `listening` is told the address
/// once the socket is bound.
pub fn serve(db: &Path, port: u16, listening: impl FnOnce(&str)) -> Result<(), Error> {
    let mut state = State::read(db)?;
    let server =
        Server::http(("127.0.0.1", port)).map_err(|source| Error::Serve { port, source })?;
    let addr = server
        .server_addr()
        .to_ip()
        .map_or_else(|| format!("127.0.0.1:{port}"), |a| a.to_string());
    listening(&addr);
    for request in server.incoming_requests() {
        let page = if request.url().split('?').next() == Some("/reload") {
            reload(&mut state)
        } else {
            route(&state, &request)
        };
        respond(request, page);
    }
    Ok(())
}

/// Read the knowledge base again; when another process holds it, keep
/// what was read and say so.
fn reload(state: &mut State) -> Page {
    match State::read(&state.db) {
        Ok(fresh) => {
            *state = fresh;
            pages::message(
                state,
                200,
                "Read again",
                "The knowledge base was read again.",
            )
        }
        Err(e) => pages::message(
            state,
            503,
            "Not read again",
            &format!("{e}. The pages still show the knowledge base as read before."),
        ),
    }
}

/// The page for one request.
fn route(state: &State, request: &Request) -> Page {
    if *request.method() != Method::Get && *request.method() != Method::Head {
        return pages::message(state, 405, "Read-only", "acta serve only reads: use GET.");
    }
    let (path, query) = match request.url().split_once('?') {
        Some((p, q)) => (p, q),
        None => (request.url(), ""),
    };
    let params = match url::parse_query(query) {
        Ok(p) => p,
        Err(e) => return pages::message(state, 400, "Bad request", &e.to_string()),
    };
    let get = |key: &str| url::param(&params, key);
    match path {
        "/" => pages::home(state, get("q"), get("as_of")),
        "/show" => pages::card(state, get("e").unwrap_or_default()),
        "/trace" => pages::trace(state, get("a").unwrap_or_default()),
        "/trace.svg" => pages::trace_svg(state, get("a").unwrap_or_default()),
        "/doc" => pages::document(state, get("d").unwrap_or_default(), get("s"), get("e")),
        _ => pages::message(state, 404, "Not found", "There is no such page."),
    }
}

/// Send a page; a client that went away is not an error of the server.
fn respond(request: Request, page: Page) {
    let mut response = Response::from_string(page.body).with_status_code(page.status);
    for (name, value) in [
        ("Content-Type", page.content_type),
        ("X-Content-Type-Options", "nosniff"),
        (
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'",
        ),
    ] {
        if let Ok(h) = Header::from_bytes(name.as_bytes(), value.as_bytes()) {
            response.add_header(h);
        }
    }
    let _ = request.respond(response);
}
