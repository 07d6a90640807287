//! Pictures of an agreement's history on the bundled report, as a reader of
//! a paper would check them: `trace --format svg` draws IV.A and IV.E(1)
//! with the meetings, the letters and the open requests where the report
//! puts them, labels that never overlap, no name the report does not give;
//! DOT and Mermaid carry labels and dates; Graphviz and librsvg render them
//! (in CI they are installed by `.ci/run`; elsewhere, where missing, those
//! two checks say so and pass).

mod common;

use common::{acta, ok, seeded};
use std::process::{Command, Stdio};

/// The label boxes an SVG records in its `data-` attributes.
fn label_boxes(svg: &str) -> Vec<[f64; 4]> {
    svg.split("<g class=\"label\"")
        .skip(1)
        .map(|g| {
            let attr = |name: &str| -> f64 {
                let key = format!("data-{name}=\"");
                let from = g.find(&key).expect("a label records its box") + key.len();
                let to = from + g[from..].find('"').expect("a closed attribute");
                g[from..to].parse().expect("a number")
            };
            [attr("x"), attr("y"), attr("w"), attr("h")]
        })
        .collect()
}

fn overlap(a: &[f64; 4], b: &[f64; 4]) -> bool {
    a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3]
}

/// Run a picture tool on `input`; `None` when it is not installed.
fn render(tool: &str, args: &[&str], input: &str) -> Option<std::process::Output> {
    use std::io::Write;
    let mut child = match Command::new(tool)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(_) if std::env::var_os("ACTA_REQUIRE_RENDERERS").is_some() => {
            panic!("{tool} is required (ACTA_REQUIRE_RENDERERS) but not installed")
        }
        Err(_) => {
            eprintln!("{tool} not installed: rendering not checked");
            return None;
        }
    };
    child
        .stdin
        .take()
        .expect("piped stdin")
        .write_all(input.as_bytes())
        .expect("writes to the renderer");
    Some(child.wait_with_output().expect("the renderer runs"))
}

#[test]
fn the_timeline_of_iv_a_shows_its_history_lane_by_lane() {
    let (_dir, db) = seeded();
    let svg = ok(acta(&db, &["trace", "IV.A", "--format", "svg"]));
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    for step in [
        "adopted at VI CRM",
        "reaffirmed at VII CRM",
        "reaffirmed at GRCM octubre 2002",
        "letter: Carta de seguimiento PPT 2002-08-21",
        "responses: awaiting 11 of 11 members (none responded)",
        "reported in progress",
    ] {
        assert!(svg.contains(step), "no “{step}” in\n{svg}");
    }
    for lane in ["CRM", "GRCM", "PPT", "member countries of the CRM (11)"] {
        let tag = format!("<g class=\"lane\" data-name=\"{lane}\">");
        assert!(svg.contains(&tag), "no lane {lane}");
    }
    assert_eq!(svg.matches("class=\"open\"").count(), 1, "one open request");
    for year in [">2002<", ">2003<"] {
        assert!(svg.contains(year), "the axis has no {year}");
    }
    assert!(
        svg.contains("informe-ppt-mexico-2003 §IV.A"),
        "steps are cited"
    );
}

#[test]
fn timeline_labels_never_overlap_and_unnamed_responders_stay_unnamed() {
    let (_dir, db) = seeded();
    for agreement in ["IV.A", "IV.E(1)", "II", "V.A(2)"] {
        let svg = ok(acta(&db, &["trace", agreement, "--format", "svg"]));
        let boxes = label_boxes(&svg);
        assert!(!boxes.is_empty(), "{agreement}: no labels");
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                assert!(
                    !overlap(a, b),
                    "{agreement}: labels {a:?} and {b:?} overlap"
                );
            }
        }
    }
    let svg = ok(acta(&db, &["trace", "IV.E(1)", "--format", "svg"]));
    assert!(svg.contains("awaiting 10 of 11 members (1 unnamed responded)"));
    assert_eq!(svg.matches("class=\"open\"").count(), 2);
    for member in ["Belice", "Honduras", "Panamá"] {
        assert!(
            !svg.contains(member),
            "{member} named though the report does not"
        );
    }
}

#[test]
fn a_timeline_can_be_written_to_a_file() {
    let (dir, db) = seeded();
    let file = dir.path().join("iv-a.svg");
    let path = file.to_str().expect("a UTF-8 temp path");
    let out = ok(acta(&db, &["trace", "IV.A", "--format", "svg", "-o", path]));
    assert_eq!(out, "", "nothing on stdout when writing a file");
    let svg = std::fs::read_to_string(&file).expect("the file is written");
    assert!(svg.contains("adopted at VI CRM"));
}

#[test]
fn the_svg_renders_with_librsvg() {
    let (_dir, db) = seeded();
    let svg = ok(acta(&db, &["trace", "IV.E(1)", "--format", "svg"]));
    if let Some(out) = render("rsvg-convert", &["--format", "png"], &svg) {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.stdout.starts_with(b"\x89PNG"), "a PNG comes out");
    }
}

#[test]
fn dot_and_mermaid_carry_labels_and_dates_and_dot_renders() {
    let (_dir, db) = seeded();
    let dot = ok(acta(&db, &["trace", "IV.A", "--format", "dot"]));
    for text in ["2001-03-22..2001-03-23", "adopted", "VI CRM", "letter"] {
        assert!(dot.contains(text), "no {text} in\n{dot}");
    }
    let mermaid = ok(acta(&db, &["trace", "IV.A", "--format", "mermaid"]));
    assert!(mermaid.starts_with("flowchart LR"));
    assert!(mermaid.contains("2002-08-21<br/>letter"), "{mermaid}");
    if let Some(out) = render("dot", &["-Tsvg"], &dot) {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let drawn = String::from_utf8_lossy(&out.stdout);
        assert!(drawn.contains("VI CRM"), "Graphviz drew the labels");
    }
}

#[test]
fn a_meeting_picture_lists_its_agreements_with_their_status() {
    let (_dir, db) = seeded();
    let svg = ok(acta(&db, &["show", "VII CRM", "--format", "svg"]));
    let statuses: Vec<&str> = svg
        .split("<g class=\"agreement\" data-status=\"")
        .skip(1)
        .map(|g| g.split('"').next().unwrap_or(""))
        .collect();
    assert_eq!(statuses.len(), 8, "eight agreements of VII CRM in\n{svg}");
    assert!(statuses.contains(&"pending") && statuses.contains(&"in progress"));
    for row in [
        "IV.A Programa para el Retorno de Migrantes Extra-regionales",
        "in progress; awaiting 11 of 11 members (none responded)",
        "V.A(2) Contactos con países extra-regionales",
    ] {
        assert!(svg.contains(row), "no “{row}” in\n{svg}");
    }
    // An agreement's picture is its timeline; a country has none.
    let timeline = ok(acta(&db, &["show", "IV.A", "--format", "svg"]));
    assert!(timeline.contains("adopted at VI CRM"));
    let refused = acta(&db, &["show", "Canadá", "--format", "svg"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("neither a meeting nor an agreement"));
}
