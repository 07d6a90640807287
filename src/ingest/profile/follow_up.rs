//! What a profile says of following agreements and requests up
//! (`[follow_up]`, `[status]`): the phrases of a report that tell what a
//! meeting did with an agreement, that ask for something, repeat an
//! earlier request, name the member countries, count or name the answers,
//! make a date a deadline, and tell where a task stands. They are regular
//! expressions (regex crate syntax) over folded text: lower case, no
//! accents. The readers ask here for the bundled profiles' lists run
//! together, Spanish first, each list in its profile's order.

use super::{Profile, ProfileProblem};
use crate::model::Status;
use serde::Deserialize;

/// Phrases of asking and answering.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FollowUp {
    /// `[phrase, what]` or `[phrase, what, "weak"]`: phrases of a report
    /// that tell what a meeting did with an agreement, longest first where
    /// they share a start. `what` is one of [`Decision::WORDS`]; a `weak`
    /// phrase ("solicitó") counts only when a meeting is named with it and
    /// its subject is not a secretariat.
    pub decided: Vec<Vec<String>>,
    /// Who decides when a report's decision phrase names no meeting
    /// (`los viceministros aprobaron`): with one of them, it still counts.
    pub deciders: Vec<String>,
    /// Words that may join the countries and organizations of a list of
    /// proposers (`y`, `los gobiernos de`).
    pub list_joiners: Vec<String>,
    /// Phrases of a report that ask for something (`se le solicitó`,
    /// `acordaron suministrar`).
    pub asked: Vec<String>,
    /// Phrases that repeat an earlier request instead of making a new
    /// one (`reiteró la solicitud`).
    pub reiterations: Vec<String>,
    /// The member countries as a group, asked all together.
    pub members: Vec<String>,
    /// `[phrase, count]`: phrases that count the answers, most specific
    /// first. The count is a number, `{N}` (the count written in the
    /// phrase, where `{N}` stands in it for a numeral or a number word),
    /// `less than half`, `most` or `all`.
    pub counts: Vec<[String; 2]>,
    /// Verbs of answering: countries named with them answered.
    pub responded: Vec<String>,
    /// Words right before a country that answered when the others did
    /// not (`con excepción de Honduras`).
    pub except_named: Vec<String>,
    /// Words right before a date that make it a deadline (`a más tardar
    /// el`, `no later than`).
    pub deadline_before: Vec<String>,
    /// Words that name the deadline named before (`esa misma fecha`).
    pub same_date: Vec<String>,
    /// Words saying that those named are the only ones who answered
    /// (`solo`, `only`).
    pub only: Vec<String>,
    /// Words right before a country it was sent to, not one that sent
    /// (`a`, `to`).
    pub recipient: Vec<String>,
    /// Words before a date that repeat an earlier request on it (`y de
    /// nuevo el`): the request's date is the first one.
    pub again: Vec<String>,
    /// Words for the information asked for in the sentence before (`dicha
    /// información`), and how that sentence names it (`información sobre
    /// ...`, to the end of its clause).
    pub this_information: Vec<String>,
    pub information: Vec<String>,
    /// Where what is asked for ends and the answers begin (`, pero`, `;`,
    /// `hasta el momento`): patterns as written, with their own spaces.
    pub subject_end: Vec<String>,
}

/// Phrases that tell where a task stands. In a sentence, a pending phrase
/// wins over one of work in progress, and that over one of work done.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Statuses {
    pub pending: Vec<String>,
    pub in_progress: Vec<String>,
    pub done: Vec<String>,
}

/// What a decision phrase does to an agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// A new decision taken at the meeting(s) named with it.
    Adopted,
    /// A recommendation formulated at the meeting(s).
    Recommended,
    /// The previous decision reaffirmed at the meeting(s).
    Reaffirmed,
    /// The previous decision backed at the meeting(s) ("el GRCM la
    /// respaldó"): `adopted_at`, or a new agreement if there is none.
    Endorsed,
    /// The previous decision reshaped at the meeting(s): a new agreement
    /// and `evolved_into` from the previous one.
    Evolved,
    /// An offer or proposal made at a meeting: not a decision, but it
    /// claims the meeting named with it.
    Proposed,
}

impl Decision {
    /// How profiles write each decision.
    pub const WORDS: [(&'static str, Decision); 6] = [
        ("adopted", Decision::Adopted),
        ("recommended", Decision::Recommended),
        ("reaffirmed", Decision::Reaffirmed),
        ("endorsed", Decision::Endorsed),
        ("evolved", Decision::Evolved),
        ("proposed", Decision::Proposed),
    ];

    fn parse(word: &str) -> Option<Decision> {
        Decision::WORDS
            .iter()
            .find(|(w, _)| *w == word)
            .map(|&(_, d)| d)
    }
}

/// A decision phrase of `[follow_up] decided`.
#[derive(Debug, Clone)]
pub struct Cue {
    pub pattern: String,
    pub decision: Decision,
    pub weak: bool,
}

/// A row of `[follow_up] decided`, if it is one.
fn cue(row: &[String]) -> Option<Cue> {
    let (pattern, decision, weak) = match row {
        [p, d] => (p, d, false),
        [p, d, w] if w == "weak" => (p, d, true),
        _ => return None,
    };
    Some(Cue {
        pattern: pattern.clone(),
        decision: Decision::parse(decision)?,
        weak,
    })
}

/// The decision phrases of every bundled profile, in order.
pub fn decided() -> &'static [Cue] {
    static C: std::sync::OnceLock<Vec<Cue>> = std::sync::OnceLock::new();
    C.get_or_init(|| {
        Profile::bundled()
            .iter()
            .flat_map(|p| p.follow_up.decided.iter().filter_map(|row| cue(row)))
            .collect()
    })
}

/// How many respondents a phrase counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    /// Exactly this many, unnamed.
    Exactly(u32),
    /// The number is in the `n` group of the pattern.
    Captured,
    /// "not received from more than half": of n asked, at most
    /// n − (⌊n/2⌋ + 1) answered.
    LessThanHalf,
    /// "most have answered".
    Majority,
    /// Everyone answered.
    All,
}

impl Count {
    /// The count a profile writes (`1`, `{N}`, `less than half`, `most`,
    /// `all`).
    fn parse(word: &str) -> Option<Count> {
        match word {
            "{N}" => Some(Count::Captured),
            "less than half" => Some(Count::LessThanHalf),
            "most" => Some(Count::Majority),
            "all" => Some(Count::All),
            n => n.parse().ok().map(Count::Exactly),
        }
    }
}

/// A count phrase with its `{N}` written out: a numeral or a number word
/// of the profiles (`[numbers] words`), in the `n` group.
fn with_count(p: &str) -> String {
    let numbers = super::number_words().iter();
    let words = super::alternation(numbers.map(|(w, _)| w.as_str()));
    p.replace("{N}", &format!(r"(?P<n>\d{{1,2}}|{words})"))
}

/// Every phrase of one list of `[follow_up]`, from every bundled profile.
pub fn follow_up(list: impl Fn(&FollowUp) -> &Vec<String>) -> Vec<&'static str> {
    Profile::bundled()
        .iter()
        .flat_map(|p| list(&p.follow_up).iter().map(String::as_str))
        .collect()
}

/// The phrases of a list as one regex, each phrase a whole word run:
/// `\b(?:a|b)\b`, with `end` after it (`\s*$` for words right before
/// something).
pub fn follow_up_pattern(list: impl Fn(&FollowUp) -> &Vec<String>, end: &str) -> String {
    joined(&follow_up(list), end)
}

/// Phrases as one regex of whole word runs, `end` after them; none
/// gives a pattern that matches nothing.
pub(super) fn joined(phrases: &[&str], end: &str) -> String {
    if phrases.is_empty() {
        return r"[^\s\S]".to_string();
    }
    format!(r"\b(?:{}){end}", phrases.join("|"))
}

/// Every phrase of one list of patterns, one with the reason when it is
/// no regular expression.
pub(super) fn check_patterns<'a>(
    lists: impl IntoIterator<Item = (&'static str, &'a String)>,
) -> Result<(), ProfileProblem> {
    for (list, phrase) in lists {
        // The syntax only: the readers compile each pattern once, later.
        if let Err(e) = regex_syntax::Parser::new().parse(&phrase.replace("{N}", "1")) {
            return Err(ProfileProblem::Phrase {
                list,
                phrase: phrase.clone(),
                why: e.to_string(),
            });
        }
    }
    Ok(())
}

/// The phrases of a list as one regex as they are written (`a|b`), with
/// no word bounds added.
pub fn follow_up_any(list: impl Fn(&FollowUp) -> &Vec<String>) -> String {
    let phrases = follow_up(list);
    if phrases.is_empty() {
        return joined(&[], "");
    }
    phrases.join("|")
}

/// The count phrases of every bundled profile with their counts, `{N}`
/// written out.
pub fn counts() -> Vec<(String, Count)> {
    Profile::bundled()
        .iter()
        .flat_map(|p| &p.follow_up.counts)
        .filter_map(|[p, c]| Some((with_count(p), Count::parse(c)?)))
        .collect()
}

/// The status phrases of every bundled profile, pending ones first.
pub fn statuses() -> Vec<(&'static str, Status)> {
    let of = |list: fn(&Statuses) -> &Vec<String>, s: Status| {
        Profile::bundled()
            .iter()
            .flat_map(move |p| list(&p.status).iter().map(move |w| (w.as_str(), s)))
    };
    of(|x| &x.pending, Status::Pending)
        .chain(of(|x| &x.in_progress, Status::InProgress))
        .chain(of(|x| &x.done, Status::Done))
        .collect()
}

/// Why a profile's `[follow_up]` or `[status]` cannot be read: a phrase
/// that is no regular expression, or a count of no known form.
pub(super) fn check(p: &Profile) -> Result<(), ProfileProblem> {
    let f = &p.follow_up;
    let s = &p.status;
    let lists = [
        ("follow_up.asked", &f.asked),
        ("follow_up.deciders", &f.deciders),
        ("follow_up.list_joiners", &f.list_joiners),
        ("follow_up.reiterations", &f.reiterations),
        ("follow_up.members", &f.members),
        ("follow_up.responded", &f.responded),
        ("follow_up.except_named", &f.except_named),
        ("follow_up.deadline_before", &f.deadline_before),
        ("follow_up.same_date", &f.same_date),
        ("follow_up.only", &f.only),
        ("follow_up.recipient", &f.recipient),
        ("follow_up.again", &f.again),
        ("follow_up.this_information", &f.this_information),
        ("follow_up.information", &f.information),
        ("follow_up.subject_end", &f.subject_end),
        ("status.pending", &s.pending),
        ("status.in_progress", &s.in_progress),
        ("status.done", &s.done),
    ];
    let counts = f.counts.iter().map(|[p, _]| ("follow_up.counts", p));
    let decided = f
        .decided
        .iter()
        .filter_map(|row| Some(("follow_up.decided", row.first()?)));
    check_patterns(
        lists
            .iter()
            .flat_map(|(l, ps)| ps.iter().map(move |p| (*l, p)))
            .chain(counts)
            .chain(decided),
    )?;
    if let Some([_, c]) = f.counts.iter().find(|[_, c]| Count::parse(c).is_none()) {
        return Err(ProfileProblem::Phrase {
            list: "follow_up.counts",
            phrase: c.clone(),
            why: "a count is a number, {N}, \"less than half\", \"most\" or \"all\"".into(),
        });
    }
    if let Some(row) = f.decided.iter().find(|row| cue(row).is_none()) {
        return Err(ProfileProblem::Phrase {
            list: "follow_up.decided",
            phrase: row.join(", "),
            why: "a row is [phrase, what] or [phrase, what, \"weak\"], what one of adopted, \
                  recommended, reaffirmed, endorsed, evolved, proposed"
                .into(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_count_answers() {
        let counts = counts();
        let reads = |text: &str| {
            counts
                .iter()
                .find(|(p, _)| regex::Regex::new(p).is_ok_and(|r| r.is_match(text)))
                .map(|(_, c)| *c)
        };
        assert_eq!(
            reads("no se ha recibido respuesta alguna"),
            Some(Count::Exactly(0))
        );
        assert_eq!(
            reads("no reply has been received so far"),
            Some(Count::Exactly(0))
        );
        assert_eq!(
            reads("three member countries have responded"),
            Some(Count::Captured)
        );
        assert_eq!(reads("the meeting was held in lima"), None);
    }

    #[test]
    fn pending_wins_over_done() {
        let all = statuses();
        let first = |text: &str| {
            all.iter()
                .find(|(p, _)| {
                    regex::Regex::new(&format!(r"\b(?:{p})\b")).is_ok_and(|r| r.is_match(text))
                })
                .map(|(_, s)| *s)
        };
        assert_eq!(
            first("el taller se realizo pero el informe queda pendiente"),
            Some(Status::Pending)
        );
        assert_eq!(
            first("the workshop was held; the report is still pending"),
            Some(Status::Pending)
        );
        assert_eq!(first("the study is under way"), Some(Status::InProgress));
    }

    #[test]
    fn every_decision_phrase_is_read() {
        let es = Profile::bundled_for("es").map_or(0, |p| p.follow_up.decided.len());
        assert!(es > 10, "{es} Spanish decision phrases");
        let total: usize = Profile::bundled()
            .iter()
            .map(|p| p.follow_up.decided.len())
            .sum();
        assert_eq!(
            decided().len(),
            total,
            "a row of [follow_up] decided was dropped"
        );
        assert!(decided()
            .iter()
            .any(|c| c.weak && c.decision == Decision::Adopted));
        let e = Profile::parse("[follow_up]\ndecided = [[\"aprobaron\", \"approved\"]]").err();
        let text = e.map(|e| e.to_string()).unwrap_or_default();
        assert!(text.contains("follow_up.decided"), "{text}");
    }

    #[test]
    fn a_phrase_that_is_no_pattern_is_refused_with_its_list() {
        let e = Profile::parse("[status]\npending = [\"(unclosed\"]").err();
        let text = e.map(|e| e.to_string()).unwrap_or_default();
        assert!(text.contains("status.pending"), "{text}");
        let e = Profile::parse("[follow_up]\ncounts = [[\"no reply\", \"several\"]]").err();
        let text = e.map(|e| e.to_string()).unwrap_or_default();
        assert!(text.contains("several"), "{text}");
    }
}
