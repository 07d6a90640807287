//! Tests of [`super`] (profile.rs).

use super::*;

/// [`words`] as specified: [`crate::text::normalize`], then every run
/// of characters that are not letters or digits one space.
fn words_spec(s: &str) -> String {
    crate::text::normalize(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

proptest::proptest! {
    #[test]
    fn words_are_normalized_words(s in "[A-Za-zÁÉíóÑñü²ǅİß \t\n\u{a0}\u{301}.,:;()-]{0,60}") {
        proptest::prop_assert_eq!(words(&s), words_spec(&s));
    }
}

#[test]
fn starts_find_as_find_phrase_does() {
    let hay = words("Los Viceministros instaron a la OIM; se solicitó al GRCM y a los países");
    let starts = Starts::of(&hay);
    for phrase in [
        "instaron",
        "se solicito",
        "a",
        "a la",
        "los paises",
        "paises",
        "oim",
        "olicito",
        "grcm y",
        "x",
        "viceministros instaron a",
    ] {
        // Cut where a word ends, as the callers cut.
        let cuts = (0..=hay.len()).filter(|&i| i == hay.len() || hay.as_bytes()[i] == b' ');
        for cut in cuts {
            let prefix = hay.get(..cut).unwrap_or("");
            assert_eq!(
                starts.find(prefix, phrase),
                find_phrase(prefix, phrase),
                "{phrase:?} in {prefix:?}"
            );
        }
    }
}

#[test]
fn bundled_profiles_parse() {
    for (lang, text) in BUNDLED {
        let p = Profile::parse(text).expect("bundled profile parses");
        assert_eq!(p.language, lang);
        assert!(!p.decisions.verbs.is_empty());
        assert!(!p.requests.verbs.is_empty());
    }
}

#[test]
fn language_is_detected() {
    let p = Profile::bundled();
    let es = "Los Viceministros acordaron que la Secretaría Técnica prepare un informe de las actividades.";
    let en = "The Vice-Ministers agreed that the Technical Secretariat should prepare a report on its work.";
    assert_eq!(detect(es, p).map(|p| p.language.as_str()), Some("es"));
    assert_eq!(detect(en, p).map(|p| p.language.as_str()), Some("en"));
}

#[test]
fn an_opening_that_says_the_meeting_issued_a_record() {
    let p = Profile::bundled();
    let (es, en) = (&p[0], &p[1]);
    assert_eq!((es.language.as_str(), en.language.as_str()), ("es", "en"));
    let long = " Tras dos días de trabajo en la ciudad, con la presencia de once países y de varios organismos observadores, los gobiernos";
    assert!(es.records(
        &format!("{long} dieron a conocer el siguiente comunicado conjunto.\nLos gobiernos ..."),
        false
    ));
    // A record told of, not issued by the meeting.
    assert!(!es.records(
        &format!(
            "{long} comentaron el comunicado conjunto de la reunión anterior.\nLos gobiernos ..."
        ),
        false
    ));
    let long = "Meeting for two days in the city, with eleven countries and several observer organizations present, the governments";
    assert!(en.records(
        &format!("{long} issued the following joint communique:\n..."),
        false
    ));
    assert!(!en.records(&format!("{long} read the following letter:\n..."), false));
}

#[test]
fn phrases_match_whole_words() {
    assert_eq!(words("ACORDARON:"), "acordaron");
    assert!(has_phrase("los viceministros acordaron", "acordaron"));
    assert!(!has_phrase("acordaronse", "acordaron"));
    assert!(!has_phrase("x", ""));
}

/// The words of holding are found as whole words, every one of them, in
/// one pass: "celebrada" and the longer "que se celebró" where both are,
/// never inside another word.
#[test]
fn words_of_holding_are_found_whole() {
    let es = &Profile::bundled()[0];
    let norm = crate::text::normalize(
        "La reunión que se celebró en Panamá, celebrada ayer; no la concelebrada.",
    );
    let found: Vec<&str> = es
        .places
        .held_in(&norm)
        .into_iter()
        .filter_map(|(a, b)| norm.get(a..b))
        .collect();
    assert_eq!(found, vec!["que se celebro", "celebrada"]);
}
