//! One resolver: `acta show NAME` on the command line and `show NAME` in
//! the REPL's session (statements on stdin, what the REPL runs) find the
//! same entity for every way of writing it, and refuse the same names
//! (unknown, misspelt, ambiguous) with the same candidates.

mod common;

use common::{acta, acta_in, seeded, stderr, stdout};

/// Names as researchers write them: ids, names in any accents and case,
/// aliases, section numbers, meetings in words, misspellings, and names
/// that match several entities.
const NAMES: &[&str] = &[
    "México",
    "MEXICO",
    "mx",
    "country:mx",
    "Costa Rica",
    "SIEMCA",
    "OIM",
    "IV.A",
    "IV.E(3)",
    "section:informe-ppt-mexico-2003/IV.E(3)",
    "agreement:informe-ppt-mexico-2003/IV.E(1)",
    "VII CRM",
    "la VII CRM",
    "CRM 7",
    "VII Reunión de la CRM",
    "GRCM octubre 2002",
    "reunión del GRCM en octubre de 2002",
    "GRCM 2002",
    "Mexco",
    "Atlantis",
    "meeting:crm-99",
    AMBIGUOUS,
];

/// The title of an agreement of the bundled report, and of the workshop
/// it asked for: a name of two entities.
const AMBIGUOUS: &str = "Taller para desarrollar un plan de trabajo regional para combatir el tráfico ilícito y la trata de migrantes";

#[test]
fn show_finds_the_same_entity_from_the_cli_and_the_repl() {
    let (_dir, db) = seeded();
    let mut shown = 0;
    let mut ambiguous = false;
    for name in NAMES {
        let cli = acta(&db, &["show", name]);
        let session = acta_in(&db, &[], Some(&format!("show \"{name}\"")));
        let session_id = acta_in(&db, &[], Some(&format!("show {name}")));
        assert_eq!(
            cli.status.code(),
            session.status.code(),
            "{name}: {}\n{}",
            stderr(&cli),
            stderr(&session)
        );
        if cli.status.success() {
            shown += 1;
            // A quoted name and, for ids, the bare id: the same card.
            assert_eq!(stdout(&cli), stdout(&session), "{name}");
            if name.contains(':') {
                assert_eq!(stdout(&cli), stdout(&session_id), "{name}");
            }
        } else {
            // The same refusal, with the same candidates.
            let why = |o: &std::process::Output| {
                let e = stderr(o);
                let at = e.find("no entity").or_else(|| e.find('"')).unwrap_or(0);
                e[at..].lines().next().unwrap_or_default().to_string()
            };
            // A long refusal keeps its head and tail around ` … `; the
            // head differs by where the statement stood, the tail is the
            // resolver's.
            let tail = |why: String| match why.split_once(" … ") {
                Some((_, tail)) => tail.to_string(),
                None => why,
            };
            assert_eq!(tail(why(&cli)), tail(why(&session)), "{name}");
            assert!(
                why(&cli).contains(&format!("\"{name}\"")),
                "{name}: {}",
                why(&cli)
            );
            ambiguous |= why(&cli).contains("is ambiguous");
        }
    }
    assert!(shown >= 15, "{shown} of {} names shown", NAMES.len());
    assert!(ambiguous, "{AMBIGUOUS:?} is refused as ambiguous");
}
