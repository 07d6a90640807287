//! Tests of the rewording of questions (src/query/parse/reword.rs).

use super::*;

#[test]
fn meetings_and_bodies_are_named_as_the_knowledge_base_names_them() {
    assert_eq!(names("when was the 8th RCM"), "when was the VIII CRM");
    assert_eq!(
        names("pending agreements vii crm"),
        "pending agreements VII CRM"
    );
    assert_eq!(
        names("decisions of the seventh Regional Conference on Migration?"),
        "decisions of the VII CRM?"
    );
    assert_eq!(names("acuerdos de la CRM 7"), "acuerdos de la VII CRM");
    assert_eq!(
        names("pendientes del GRCM de oct 2002"),
        "pendientes del GRCM de octubre 2002"
    );
    assert_eq!(
        names("Which of the seventh RCM's agreements"),
        "Which of the VII CRM agreements"
    );
    assert_eq!(names("who replied to V.A.3?"), "who replied to V.A(3)?");
    assert_eq!(names("meetings in 2002"), "meetings in 2002");
    assert_eq!(names("match (a) return a"), "match (a) return a");
}

#[test]
fn the_bodies_of_every_process_are_named_from_data() {
    // Names from data/series and data/reference, not from a list in code.
    assert_eq!(
        names("pending agreements of the 7th South American Conference on Migration"),
        "pending agreements of the VII CSM"
    );
    assert_eq!(
        names("what did the rcgm decide"),
        "what did the GRCM decide"
    );
    assert_eq!(
        names("tasks of the Presidency Pro Tempore"),
        "tasks of the PPT"
    );
    assert_eq!(names("acuerdos del Proceso de Puebla"), "acuerdos del CRM");
}

#[test]
fn context_and_slips_are_read_loosely() {
    assert_eq!(
        loose("For my thesis I need the list of agreements"),
        "the list of agreements"
    );
    assert_eq!(
        loose("vos sabes cuando fue la VIII CRM?"),
        "cuando fue la VIII CRM?"
    );
    assert_eq!(loose("¿vos sabés cuándo fue?"), "¿cuándo fue?");
    assert_eq!(loose("wich countries"), "which countries");
    assert_eq!(loose("acuerdos pendeintes"), "acuerdos pendientes");
    assert_eq!(loose("what's still open"), "what is still open");
    assert_eq!(loose("agreements about Chile"), "agreements about Chile");
    assert_eq!(
        loose("what did the GRCM recommend in October 2002?"),
        "what did the GRCM October 2002 recommend?"
    );
    assert_eq!(
        loose("meetings of the CRM in 2002"),
        "meetings of the CRM in 2002"
    );
}

#[test]
fn quoted_strings_are_read_as_typed() {
    // A quoted name is not an acronym to rename, nor words to respace.
    assert_eq!(
        names("why Costa part_of \"st\""),
        "why Costa part_of \"st\""
    );
    assert_eq!(
        names("why \"rcm  7\" part_of 7th rcm"),
        "why \"rcm  7\" part_of VII CRM"
    );
    assert_eq!(
        names("pending 'vii crm' of the rcm"),
        "pending 'vii crm' of the CRM"
    );
    // An apostrophe inside a word opens no string.
    assert_eq!(
        names("Which of the seventh RCM's agreements"),
        "Which of the VII CRM agreements"
    );
    // Escaped quotes stay inside their string; an unclosed one rewords all.
    assert_eq!(
        names("who replied to \"a \\\" rcm\" rcm"),
        "who replied to \"a \\\" rcm\" CRM"
    );
    assert_eq!(
        loose("wich \"wich\" agreements"),
        "which \"wich\" agreements"
    );
}
