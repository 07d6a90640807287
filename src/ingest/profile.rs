//! Reading profiles: the words of a language that carry the structure of
//! meeting records (decision headings and verbs, request verbs and their
//! addressees, preamble markers, who decides), kept as data in
//! `data/profiles/<lang>.toml` and embedded at build time. A profile holds
//! words of a language, never facts about one document. Profiles for
//! other languages or processes load from a folder ([`Profile::load_dir`])
//! with no code change. The language of each document is detected from
//! its frequent words ([`detect`]).

mod error;
mod events;
mod follow_up;
mod lexicon;
mod phrase;
mod sections;

pub use error::{ProfileError, ProfileProblem};
pub use events::{event_kinds, event_name, events, events_pattern, Events};
pub use follow_up::{
    counts, decided, follow_up, follow_up_any, follow_up_pattern, statuses, Count, Cue, Decision,
    FollowUp, Statuses,
};
pub use lexicon::{
    dotted_months, month, month_abbreviation, month_name, months, name_connector, near_days,
    number, number_in_words, number_tokens, number_words, uncounted, weekdays, Dates, Numbers,
};
pub use phrase::{alternation, find_phrase, has_phrase, word_starts, words, Starts};
pub use sections::{Bodies, Decisions, Documents, Lists, Names, Places, Preamble, Requests};
use serde::Deserialize;
use std::path::Path;
use std::sync::OnceLock;

/// The profiles bundled with acta, as TOML.
const BUNDLED: [(&str, &str); 2] = [
    ("es", include_str!("../../data/profiles/es.toml")),
    ("en", include_str!("../../data/profiles/en.toml")),
];

/// One language's reading profile.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Profile {
    /// ISO 639-1 code: `es`, `en`.
    pub language: String,
    /// Frequent words of running text, to detect the language.
    pub common_words: Vec<String>,
    pub decisions: Decisions,
    pub requests: Requests,
    pub preamble: Preamble,
    pub bodies: Bodies,
    pub places: Places,
    /// Ordinal words, read by `crate::reference` for meeting names.
    pub ordinals: toml::Table,
    pub lists: Lists,
    pub documents: Documents,
    pub names: Names,
    pub dates: Dates,
    pub numbers: Numbers,
    pub follow_up: FollowUp,
    pub status: Statuses,
    pub events: Events,
}

impl Profile {
    /// True when `text` is a record a meeting adopts or issues: its title
    /// block names one ([`Documents::records`]) or it holds decisions
    /// (`decisions`), and its heading is not a letter that encloses one
    /// ([`Documents::letters`]). The title block is the text's first
    /// lines up to the first blank line (three lines at least, eight at
    /// most).
    pub fn records(&self, text: &str, decisions: bool) -> bool {
        let heads = |l: &str| {
            let w = words(l);
            self.documents
                .letters
                .iter()
                .any(|x| w == *x || w.starts_with(&format!("{x} ")))
        };
        let lines = || text.lines().map(str::trim).filter(|l| !l.is_empty());
        if lines().take(3).any(heads) {
            return false;
        }
        let block = text
            .trim_start()
            .split("\n\n")
            .next()
            .map_or(0, |b| b.lines().count());
        decisions || self.names_record(text, block.clamp(3, 8))
    }

    /// True when one of the first `lines` lines of `text` names a record
    /// ([`Documents::records`]) as a heading (a short line) or in its
    /// first words ("Las presentes conclusiones de la reunión ...").
    pub fn names_record(&self, text: &str, lines: usize) -> bool {
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .take(lines)
            .any(|l| {
                let w = words(l);
                let names = |head: &str| {
                    self.documents
                        .records
                        .iter()
                        .any(|r| find_phrase(head, r).is_some())
                };
                if l.chars().count() <= 120 {
                    return names(&w);
                }
                // A long line: its first words, or a heading in capitals
                // that a flattened copy runs into the text ("... de 2009
                // DECLARACIÓN DE QUITO Los Representantes ...").
                names(&w.split(' ').take(6).collect::<Vec<_>>().join(" "))
                    || capital_runs(l, 40).iter().any(|run| names(&words(run)))
                    || self.says_issued(&w)
            })
    }

    /// True when the words `w` say the meeting issued a record: one of
    /// [`Documents::issued`] followed by the name of one.
    fn says_issued(&self, w: &str) -> bool {
        self.documents.issued.iter().any(|i| {
            find_phrase(w, i).is_some_and(|at| {
                let rest = w.get(at + i.len()..).unwrap_or("").trim_start();
                self.documents
                    .records
                    .iter()
                    .any(|r| rest == r || rest.starts_with(&format!("{r} ")))
            })
        })
    }

    /// Read a profile from TOML.
    pub fn parse(text: &str) -> Result<Profile, ProfileError> {
        let mut p: Profile = toml::from_str(text).map_err(|e| ProfileError {
            path: None,
            reason: ProfileProblem::Toml(e),
        })?;
        let months = p.dates.months.len();
        if months != 0 && months != 12 {
            return Err(ProfileError {
                path: None,
                reason: ProfileProblem::Months(months),
            });
        }
        follow_up::check(&p)
            .and_then(|()| events::check(&p))
            .map_err(|reason| ProfileError { path: None, reason })?;
        p.normalize();
        Ok(p)
    }

    /// The bundled profiles (Spanish first).
    pub fn bundled() -> &'static [Profile] {
        static P: OnceLock<Vec<Profile>> = OnceLock::new();
        P.get_or_init(|| {
            BUNDLED
                .iter()
                .map(|(lang, text)| {
                    Profile::parse(text).unwrap_or_else(|_| Profile {
                        language: (*lang).to_string(),
                        ..Profile::default()
                    })
                })
                .collect()
        })
    }

    /// The bundled profile of a language (`"es"`, `"en"`).
    pub fn bundled_for(language: &str) -> Option<&'static Profile> {
        Profile::bundled().iter().find(|p| p.language == language)
    }

    /// Every `*.toml` profile of a folder, sorted by file name.
    pub fn load_dir(dir: &Path) -> Result<Vec<Profile>, ProfileError> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |e| ProfileError {
                path: Some(path),
                reason: ProfileProblem::Io(e),
            }
        };
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .map_err(io(dir))?
            .filter_map(|d| d.ok().map(|d| d.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        files.sort();
        files
            .iter()
            .map(|f| {
                let text = std::fs::read_to_string(f).map_err(io(f))?;
                Profile::parse(&text).map_err(|e| ProfileError {
                    path: Some(f.clone()),
                    ..e
                })
            })
            .collect()
    }

    /// Phrases in the form they are matched in ([`words`]).
    fn normalize(&mut self) {
        let all = [
            &mut self.common_words,
            &mut self.decisions.headings,
            &mut self.decisions.verbs,
            &mut self.decisions.fillers,
            &mut self.decisions.asides,
            &mut self.decisions.following,
            &mut self.decisions.announce,
            &mut self.decisions.operative,
            &mut self.decisions.prose,
            &mut self.decisions.openers,
            &mut self.decisions.acts,
            &mut self.decisions.told,
            &mut self.decisions.hosting,
            &mut self.decisions.negations,
            &mut self.decisions.passive,
            &mut self.decisions.relatives,
            &mut self.decisions.venue_relatives,
            &mut self.decisions.manner,
            &mut self.requests.verbs,
            &mut self.requests.articles,
            &mut self.requests.relative,
            &mut self.requests.consequence,
            &mut self.requests.nominal,
            &mut self.requests.passive_only,
            &mut self.requests.impersonal,
            &mut self.requests.impersonal_in_prose,
            &mut self.requests.unaddressed,
            &mut self.requests.callers,
            &mut self.requests.personal,
            &mut self.requests.before_infinitive,
            &mut self.requests.passive,
            &mut self.requests.voiceless,
            &mut self.requests.not_own,
            &mut self.requests.assigned,
            &mut self.requests.joiners,
            &mut self.requests.coordinated,
            &mut self.requests.purpose,
            &mut self.requests.breaks,
            &mut self.requests.answered,
            &mut self.requests.deliver,
            &mut self.requests.future,
            &mut self.requests.writer,
            &mut self.documents.records,
            &mut self.documents.letters,
            &mut self.documents.told,
            &mut self.documents.adopted,
            &mut self.documents.issued,
            &mut self.documents.addressed,
            &mut self.documents.senders,
            &mut self.documents.signed,
            &mut self.documents.speech,
            &mut self.documents.first_person,
            &mut self.documents.posted,
            &mut self.names.connectors,
            &mut self.names.events,
            &mut self.preamble.markers,
            &mut self.bodies.roles,
            &mut self.bodies.press_roles,
            &mut self.bodies.outsiders,
            &mut self.bodies.not_subject,
            &mut self.places.before,
            &mut self.places.country_prefixes,
            &mut self.places.venues,
            &mut self.places.fields,
            &mut self.places.gatherings,
            &mut self.places.gathered,
            &mut self.places.titles,
            &mut self.places.preparatory,
            &mut self.places.preparatory_links,
            &mut self.places.extraordinary,
            &mut self.places.meeting_nouns,
            &mut self.places.held,
            &mut self.places.coordinated,
            &mut self.places.held_before,
            &mut self.places.days_open,
            &mut self.places.at_meeting,
            &mut self.places.bound_for,
            &mut self.places.held_singular,
            &mut self.places.took_place,
            &mut self.places.run_in,
            &mut self.places.hosted,
            &mut self.places.between,
            &mut self.places.of_body,
            &mut self.places.same_count,
            &mut self.places.reported,
            &mut self.places.name_goes,
            &mut self.places.name_ends,
            &mut self.places.earlier,
            &mut self.places.objects,
            &mut self.places.acts_alone,
            &mut self.places.to_come,
            &mut self.places.name_goes_on,
            &mut self.places.hosts,
            &mut self.places.it,
            &mut self.places.closed,
            &mut self.places.ranks,
            &mut self.places.next,
            &mut self.places.attended,
            &mut self.places.purpose,
            &mut self.lists.announced,
            &mut self.lists.infinitive_particles,
            &mut self.lists.not_infinitives,
            &mut self.lists.last_joins,
            &mut self.dates.today,
            &mut self.dates.near,
            &mut self.dates.weekdays,
        ];
        for list in all {
            for w in list.iter_mut() {
                *w = words(w);
            }
            list.retain(|w| !w.is_empty());
        }
        for pair in self
            .requests
            .addressees
            .iter_mut()
            .chain(self.requests.fallback.iter_mut())
        {
            pair[0] = words(&pair[0]);
        }
        for pair in &mut self.requests.asked_of {
            for w in pair.iter_mut() {
                *w = words(w);
            }
        }
        let lists = [
            &mut self.dates.months,
            &mut self.dates.abbreviations,
            &mut self.numbers.words,
            &mut self.numbers.tens,
            &mut self.numbers.hundreds,
        ];
        for spellings in lists.into_iter().flatten() {
            for w in spellings.iter_mut() {
                *w = words(w);
            }
        }
        let n = &mut self.numbers;
        for w in [&mut n.hundred, &mut n.thousand, &mut n.joiners]
            .into_iter()
            .flatten()
        {
            *w = words(w);
        }
    }
}

/// Runs of two or more words in capitals among the first `first` words
/// of `line`.
fn capital_runs(line: &str, first: usize) -> Vec<String> {
    let mut runs: Vec<Vec<&str>> = vec![Vec::new()];
    for w in line.split_whitespace().take(first) {
        let letters = || w.chars().filter(|c| c.is_alphabetic());
        let capital = letters().next().is_some() && letters().all(char::is_uppercase);
        match runs.last_mut() {
            Some(run) if capital => run.push(w),
            Some(run) if run.is_empty() => {}
            _ => runs.push(Vec::new()),
        }
    }
    runs.into_iter()
        .filter(|r| r.len() >= 2)
        .map(|r| r.join(" "))
        .collect()
}

/// The profile whose frequent words a text uses most (the first profile
/// when none occurs).
pub fn detect<'p>(text: &str, profiles: &'p [Profile]) -> Option<&'p Profile> {
    let sample: String = text.chars().take(SAMPLE).collect();
    detect_in_words(&words(&sample), profiles)
}

/// How many characters of a text [`detect`] reads.
pub const SAMPLE: usize = 20_000;

/// [`detect`] of a text whose first [`SAMPLE`] characters are `w` in
/// [`words`] form.
pub fn detect_in_words<'p>(w: &str, profiles: &'p [Profile]) -> Option<&'p Profile> {
    // Only the profiles' common words are counted.
    let mut counts: fxhash::FxHashMap<&str, usize> = profiles
        .iter()
        .flat_map(|p| p.common_words.iter().map(|c| (c.as_str(), 0)))
        .collect();
    for t in w.split(' ') {
        if let Some(n) = counts.get_mut(t) {
            *n += 1;
        }
    }
    let mut best: Option<(&Profile, usize)> = None;
    for p in profiles {
        let n: usize = p
            .common_words
            .iter()
            .map(|c| counts.get(c.as_str()).copied().unwrap_or(0))
            .sum();
        if best.is_none_or(|(_, b)| n > b) {
            best = Some((p, n));
        }
    }
    best.map(|(p, _)| p)
}

#[cfg(test)]
mod tests;
