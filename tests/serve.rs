//! `acta serve` as a researcher meets it: a read-only web view on
//! 127.0.0.1. Over plain HTTP: bad requests get 4xx pages, writes are
//! refused, hostile text in a query or a document is escaped, a REPL-style
//! reader runs beside it. In headless Chromium: the headline question's
//! rows and a citation that highlights its sentence, with a screenshot
//! kept in `target/tmp/browser/`. CI (`.ci/run`) installs Chromium and sets
//! `ACTA_REQUIRE_BROWSER`, so a run without a browser fails there instead
//! of skipping.

mod common;

use common::{acta, acta_cmd, ok, seeded, HEADLINE};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// A running `acta serve`, stopped when dropped.
struct Served {
    child: Child,
    addr: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(db: &Path) -> Served {
    let mut child = acta_cmd(db)
        .args(["serve", "--port", "0"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("acta serve starts");
    let mut line = String::new();
    BufReader::new(child.stderr.take().expect("piped stderr"))
        .read_line(&mut line)
        .expect("acta serve says where it listens");
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    assert!(
        addr.starts_with("127.0.0.1:"),
        "bound to loopback only: {addr}"
    );
    Served { child, addr }
}

/// Percent-encode a query value.
fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// One HTTP request: the status code and the body.
fn http(addr: &str, method: &str, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).expect("connects");
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .expect("sends");
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("reads the response");
    let text = String::from_utf8_lossy(&raw).to_string();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = text.split_once("\r\n\r\n").map_or("", |x| x.1).to_string();
    (status, body)
}

#[test]
fn bad_requests_get_4xx_pages_and_hostile_text_is_escaped() {
    let (dir, db) = seeded();
    let hostile = dir.path().join("hostile.txt");
    std::fs::write(
        &hostile,
        "COMUNICADO <script>alert('doc')</script>\n\nLa XX Reunión de la CRM acordó <b>nada</b>.\n",
    )
    .expect("writes");
    ok(acta(
        &db,
        &["ingest", hostile.to_str().expect("UTF-8 path")],
    ));
    let s = serve(&db);
    assert_eq!(http(&s.addr, "GET", "/no-such-page").0, 404);
    assert_eq!(http(&s.addr, "POST", "/").0, 405);
    assert_eq!(http(&s.addr, "GET", "/?q=%ZZ").0, 400);
    assert_eq!(http(&s.addr, "GET", "/show?e=nobody-at-all").0, 404);
    assert_eq!(
        http(
            &s.addr,
            "GET",
            "/doc?d=informe-ppt-mexico-2003&s=5&e=999999999"
        )
        .0,
        400
    );
    let (status, body) = http(
        &s.addr,
        "GET",
        &format!("/?q={}", enc("<script>alert(1)</script>")),
    );
    assert_eq!(status, 400, "a query that does not parse is a bad request");
    assert!(
        !body.contains("<script>alert(1)"),
        "query echoed raw:\n{body}"
    );
    assert!(body.contains("&lt;script&gt;alert(1)"), "{body}");
    let (status, body) = http(&s.addr, "GET", "/doc?d=hostile");
    assert_eq!(status, 200, "{body}");
    assert!(
        !body.contains("<script>alert('doc')") && !body.contains("<b>nada"),
        "{body}"
    );
    assert!(body.contains("&lt;script&gt;"));
}

#[test]
fn other_commands_run_while_it_serves() {
    let (_dir, db) = seeded();
    let s = serve(&db);
    assert_eq!(http(&s.addr, "GET", "/").0, 200);
    let stats = ok(acta(&db, &["stats"]));
    assert!(stats.contains("documents: 1"), "{stats}");
    let answer = ok(acta(&db, &["query", HEADLINE]));
    assert!(answer.contains("(6 rows)"), "{answer}");
    assert_eq!(
        http(&s.addr, "GET", "/reload").0,
        200,
        "and it reads again afterwards"
    );
    // Beside a REPL that holds the store, it starts, answers and reloads.
    let (mut repl, _) = common::spawn_repl(&db);
    let beside = serve(&db);
    let (status, body) = http(&beside.addr, "GET", &format!("/?q={}", enc(HEADLINE)));
    assert_eq!(status, 200, "{body}");
    assert_eq!(body.matches("<tr class=\"row\">").count(), 6);
    assert_eq!(http(&beside.addr, "GET", "/reload").0, 200);
    if let Some(mut stdin) = repl.stdin.take() {
        let _ = stdin.write_all(b":quit\n");
    }
    let _ = repl.wait();
}

/// A headless Chromium, or `None` (a failure when CI requires one).
fn chromium() -> Option<PathBuf> {
    let names = [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ];
    let found = std::env::var_os("ACTA_CHROMIUM")
        .map(PathBuf::from)
        .or_else(|| {
            names.iter().find_map(|n| {
                Command::new(n)
                    .arg("--version")
                    .output()
                    .ok()
                    .filter(|o| o.status.success())
                    .map(|_| PathBuf::from(n))
            })
        });
    if found.is_none() {
        assert!(
            std::env::var_os("ACTA_REQUIRE_BROWSER").is_none(),
            "ACTA_REQUIRE_BROWSER is set but no Chromium was found"
        );
        eprintln!("no Chromium: the browser checks did not run");
    }
    found
}

/// Run headless Chromium with `args` on `url`; its stdout.
fn headless(browser: &Path, args: &[&str], url: &str) -> String {
    let profile = tempfile::tempdir().expect("a browser profile");
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(url)
        .stdin(Stdio::null())
        .output()
        .expect("Chromium runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).to_string()
}

#[test]
fn in_a_browser_the_headline_answer_and_its_citations_work() {
    let Some(browser) = chromium() else {
        return;
    };
    let (_dir, db) = seeded();
    let s = serve(&db);
    let url = format!("http://{}/?q={}", s.addr, enc(HEADLINE));
    let dom = headless(&browser, &["--dump-dom"], &url);
    assert_eq!(dom.matches("<tr class=\"row\">").count(), 6, "{dom}");
    for agreement in [
        "Programa para el Retorno de Migrantes Extra-regionales",
        "Capacitación coordinada",
        "Contactos con países extra-regionales",
    ] {
        assert!(
            dom.contains(agreement),
            "no {agreement} in the rendered page"
        );
    }
    // The first citation of IV.A's row opens the report at its sentence.
    let row = dom
        .split("<tr class=\"row\">")
        .find(|r| r.contains("Extra-regionales"))
        .expect("IV.A's row");
    let link = row
        .split("class=\"cite\" href=\"")
        .nth(1)
        .expect("a citation link");
    let href = link.split('"').next().unwrap_or("").replace("&amp;", "&");
    let title = link
        .split("title=\"")
        .nth(1)
        .and_then(|t| t.split('"').next())
        .expect("the link shows its sentence");
    let page = headless(
        &browser,
        &["--dump-dom"],
        &format!("http://{}{href}", s.addr),
    );
    let marked = page
        .split("<mark id=\"hl\">")
        .nth(1)
        .and_then(|m| m.split("</mark>").next())
        .expect("the cited sentence is highlighted");
    let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(
        words(marked),
        words(title),
        "the highlighted text is the cited sentence"
    );
    assert!(marked.contains("reafirmada en la VII CRM"), "{marked}");
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
    std::fs::create_dir_all(&shots).expect("a screenshot folder");
    let shot = shots.join("headline.png");
    headless(
        &browser,
        &[
            "--window-size=1200,1000",
            &format!("--screenshot={}", shot.display()),
        ],
        &url,
    );
    let png = std::fs::read(&shot).expect("a screenshot is kept");
    assert!(png.starts_with(b"\x89PNG"));
}
