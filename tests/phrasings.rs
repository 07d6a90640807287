//! Researcher phrasings (tests/phrasings/phrasings.toml, and a second set
//! in more.toml) over the bundled report: each phrasing must give the rows
//! its intent's canonical query gives. Reports the share that passes and holds it at or above a floor
//! (issue 16 aims at 90%); an intent with no canonical query yet counts
//! every phrasing as failing.

mod common;

use serde::Deserialize;

#[derive(Deserialize)]
struct Set {
    intent: Vec<Intent>,
}

#[derive(Deserialize)]
struct Intent {
    name: String,
    canonical: String,
    phrasings: Vec<String>,
}

/// The answer to one statement, or None when it fails or answers nothing.
fn answer(session: &mut acta::Session, text: &str) -> Option<String> {
    let reply = session.execute(text).ok()?;
    let out = reply.stdout.trim().to_string();
    (!out.is_empty()).then_some(out)
}

/// Share of phrasings passing (18/126 = 14% on 2026-12-04 before the
/// question forms of issue 16; 45/126 = 35% with what a meeting agreed,
/// where and when it was held, who responded, agreements about; 77/126 =
/// 61% with word orders, `siguen`, dates as people write them, `how did
/// … evolve`, `what is …`; 86/126 = 68% with ordinals and meeting-first
/// orders; 126/126 = 100% with what a meeting recommended, who presided
/// or hosted it, who held the Presidencia Pro-Témpore on a date, letters
/// and follow-ups of an agreement, documents by title, what the PPT or
/// the ST was asked to do, topics in the other language, and two
/// phrasings that asked about another entity split into their own
/// intents): raise as forms land, never lower.
const FLOOR_PERCENT: usize = 100;

/// Share of the second set (tests/phrasings/more.toml, written before the
/// grammar was extended for it) that passes: raise as forms land, never
/// lower.
const MORE_FLOOR_PERCENT: usize = 100;

/// Share of the third set (tests/phrasings/third.toml, written before the
/// grammar was extended for it) that passes: raise, never lower.
const THIRD_FLOOR_PERCENT: usize = 100;

/// Share of the fourth set (tests/phrasings/fourth.toml: kinds of question
/// with no form when it was written) that passes: raise, never lower.
const FOURTH_FLOOR_PERCENT: usize = 100;

/// Share of the fifth set (tests/phrasings/fifth.toml: other entities and
/// styles, written before the grammar was extended for it): raise, never
/// lower.
const FIFTH_FLOOR_PERCENT: usize = 96;

/// Share of the sixth set (tests/phrasings/sixth.toml: search-box style,
/// written before the grammar was extended for it): raise, never lower.
const SIXTH_FLOOR_PERCENT: usize = 98;

/// Share of the seventh set (tests/phrasings/seventh.toml: researchers'
/// questions with context, typos, abbreviations, negations and time
/// phrases, written before the grammar was extended for it; 40/80 = 50% at
/// first, 77/80 = 96% with the rewording of src/query/parse/reword.rs and
/// the forms it asked for): raise, never lower.
const SEVENTH_FLOOR_PERCENT: usize = 96;

/// The share of `file`'s phrasings (in tests/phrasings/) that give their
/// intent's canonical answer, as (passed, total).
fn score(session: &mut acta::Session, file: &str) -> (usize, usize) {
    let path = format!("{}/tests/phrasings/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("phrasings file");
    let set: Set = toml::from_str(&text).expect("phrasings parse");
    let show = std::env::var_os("PHRASINGS_FAILED").is_some();
    let (mut passed, mut total) = (0, 0);
    for intent in &set.intent {
        total += intent.phrasings.len();
        let canonical = match intent.canonical.trim() {
            "" => None,
            q => answer(session, q),
        };
        let Some(expected) = canonical else {
            eprintln!("{}: no canonical answer", intent.name);
            continue;
        };
        let mut ok = 0;
        for p in &intent.phrasings {
            if answer(session, p).as_deref() == Some(expected.as_str()) {
                ok += 1;
            } else if show {
                eprintln!("  failed: {p}");
            }
        }
        eprintln!("{}: {ok}/{}", intent.name, intent.phrasings.len());
        passed += ok;
    }
    eprintln!("{file}: {passed}/{total} phrasings pass");
    (passed, total)
}

#[test]
fn phrasings_give_the_canonical_answer() {
    let (_dir, mut session) = common::session();
    for (file, floor) in [
        ("phrasings.toml", FLOOR_PERCENT),
        ("more.toml", MORE_FLOOR_PERCENT),
        ("third.toml", THIRD_FLOOR_PERCENT),
        ("fourth.toml", FOURTH_FLOOR_PERCENT),
        ("fifth.toml", FIFTH_FLOOR_PERCENT),
        ("sixth.toml", SIXTH_FLOOR_PERCENT),
        ("seventh.toml", SEVENTH_FLOOR_PERCENT),
    ] {
        let (passed, total) = score(&mut session, file);
        let percent = passed * 100 / total.max(1);
        eprintln!("{file}: {percent}% (floor {floor}%)");
        assert!(percent >= floor, "{file}: {passed}/{total} below {floor}%");
    }
}
