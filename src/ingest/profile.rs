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

pub use error::{ProfileError, ProfileProblem};
pub use events::{event_kinds, event_name, events, events_pattern, Events};
pub use follow_up::{
    counts, decided, follow_up, follow_up_any, follow_up_pattern, statuses, Count, Cue, Decision,
    FollowUp, Statuses,
};
pub use lexicon::{
    month, month_abbreviation, month_name, months, number, number_in_words, number_tokens,
    number_words, Dates, Numbers,
};
pub use phrase::{alternation, find_phrase, has_phrase, word_starts, words, Starts};
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

/// How decisions are announced.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Decisions {
    /// Lines that head a list of decisions (`ACORDARON:`, `CONCLUSIONS`).
    pub headings: Vec<String>,
    /// Verbs that introduce decisions (`acordaron`, `agreed to`).
    pub verbs: Vec<String>,
    /// Words between a verb and its colon (`lo siguiente`, `the following`).
    pub fillers: Vec<String>,
    /// Verbs that open an operative paragraph (`Aprueba`, `Decides`).
    pub operative: Vec<String>,
    /// Phrases that record one decision in running prose (`agree to`).
    pub prose: Vec<String>,
    /// Phrases that record one decision when they open a sentence or a
    /// list item (a declaration's `Reafirman los principios ...`), not
    /// elsewhere in running text.
    pub openers: Vec<String>,
    /// Acts that record one decision in running prose only when a body
    /// that decides (a role of [`Bodies`], or the body whose meeting the
    /// document records) comes before them in the sentence (`los países
    /// miembros eligieron`, `El GMC tomó nota`, `the Vice-Ministers ...
    /// approved it`).
    pub acts: Vec<String>,
    /// Words before a decision phrase that tell of an earlier decision
    /// rather than record one (`subrayaron que hace poco se aprobó`,
    /// `recalled that`): the sentence is not a decision.
    pub told: Vec<String>,
    /// Words right before a meeting that make it one to be hosted, not
    /// the one that decided (`its offer to host the Sixth Regional
    /// Conference`).
    pub hosting: Vec<String>,
    /// Words right before a decision phrase that deny it (`no llegaron a
    /// un acuerdo`, `no agreement was reached`): no decision.
    pub negations: Vec<String>,
    /// First words of a passive prose phrase that may end its sentence.
    pub passive: Vec<String>,
}

/// How requests are made.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Requests {
    pub verbs: Vec<String>,
    /// `[phrase, addressee]`: "paises miembros" → "member countries".
    pub addressees: Vec<[String; 2]>,
    /// Verbs of sending something to an organ (`send`, `hacer llegar`):
    /// an item that says so asks the member countries to send it.
    pub deliver: Vec<String>,
    /// Words after an organ that give it a task to come (`will`).
    pub future: Vec<String>,
    /// Endings of a verb after an organ that give it a task to come
    /// (`rá`, `rán`: "la ST elaborará").
    pub future_endings: Vec<String>,
    /// `[phrase, addressee]` read only when no addressee of `addressees`
    /// and no country or organization follows the verb ("al gobierno de
    /// ..." naming its leader, not the country): who is asked, as much as
    /// the words say.
    pub fallback: Vec<[String; 2]>,
    /// Articles that may come before an addressee named as printed
    /// (`the`, `a la`).
    pub articles: Vec<String>,
    /// Words right before a request verb that make it part of a relative
    /// clause naming something asked for earlier (`los proyectos que
    /// solicitaron los Viceministros`): not a request of this text.
    pub relative: Vec<String>,
    /// Phrases saying that some of those addressed have already answered
    /// (`To thank the Member Countries that have already supplied ...`):
    /// the addressee named before them was asked.
    pub answered: Vec<String>,
    /// Words right after a request verb that ask without naming whom
    /// ("Instar a que se levanten las medidas ...", "urged that ..."): a
    /// request whose addressee is not stated.
    pub impersonal: Vec<String>,
    /// Words after those named at the opening of an item that give them
    /// a task ("The Chair in Office of MIDSA and IOM to pursue ..."): a
    /// request to them.
    pub assigned: Vec<String>,
    /// Words that may join the names of those given a task (`and`, `of`).
    pub joiners: Vec<String>,
    /// Words right before a request verb that make it passive ("The
    /// Technical Secretariat was requested to ..."): the words before
    /// them name who was asked.
    pub passive: Vec<String>,
    /// Phrases by which a letter's writer asks its addressee ("I venture
    /// to request", "le agradecería que").
    pub writer: Vec<String>,
}

/// Words that open a consideration, not a decision.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Preamble {
    pub markers: Vec<String>,
}

/// How places are written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Places {
    /// Words before the place where a meeting was held (`en la ciudad de`).
    pub before: Vec<String>,
    /// Words before the two places of a meeting held in two cities (`en
    /// las ciudades de`), and the words that join them (`y`): the cities
    /// are read as one place, as printed (`Omoa y San Pedro Sula`).
    pub before_two: Vec<String>,
    pub two_joins: Vec<String>,
    /// Formal words before a country's name (`República de`).
    pub country_prefixes: Vec<String>,
    /// Words that open a building's name (`Palacio`, `Hotel`).
    pub venues: Vec<String>,
    /// Labels of a page's fields before a place or a date (`Location:`,
    /// `Date:`), even run into the value before (`IndonesiaDate:`).
    pub fields: Vec<String>,
    /// Words that name a meeting outside any series (`reunión`, `cumbre`,
    /// `summit`): with the city after them, the document's own meeting.
    pub gatherings: Vec<String>,
    /// Nouns that name a meeting in a title block's line over its place
    /// and days (`taller`, `expert group meeting`): the document's own
    /// meeting, failing a series' or a body's.
    pub titles: Vec<String>,
    /// Words that name a meeting preparing another, after its own ordinal
    /// ("Second Preparatory Meeting", "fourth preparatory SOM").
    pub preparatory: Vec<String>,
    /// Words between a preparatory meeting and the meeting it prepares
    /// ("for the", "de la").
    pub preparatory_links: Vec<String>,
    /// Words that call a meeting of a numbered series one outside its
    /// numbering ("extraordinary"): its month names it.
    pub extraordinary: Vec<String>,
    /// Nouns that name a meeting in running prose ("conference",
    /// "meeting", "reunión"): with a name, the words of holding, a city
    /// and days after them, a meeting of its own.
    pub meeting_nouns: Vec<String>,
    /// Words of holding after a meeting's name ("held", "which took
    /// place", "celebrada", "que tuvo lugar").
    pub held: Vec<String>,
    /// Words that join two meetings which then share the place and days
    /// written after the second ("y la", "and the").
    pub coordinated: Vec<String>,
    /// Words of holding in the singular ("celebrada", "which was held"):
    /// after two joined meetings, the second's alone.
    pub held_singular: Vec<String>,
    /// Words of a sentence saying that the meeting it tells of took place
    /// ("se llevó a cabo", "se reunieron", "was held", "met in"): the
    /// document records that meeting.
    pub took_place: Vec<String>,
    /// Headings a flattened copy runs into the line before them ("Windhoek,
    /// 15 - 17 November 2010 Table of Contents"): after a place and days,
    /// the line is still the place and days.
    pub run_in: Vec<String>,
    /// Words before a host city that name a meeting after it ("Capítulo de
    /// Brasilia, 30 de junio y 1 de julio de 2022"): the place is the city.
    pub hosted: Vec<String>,
    /// Words right after a meeting's noun that name who met ("the meeting
    /// between the Consuls of the RCM Member Countries and ..."): a
    /// series named after them says who met, not whose meeting it was.
    pub between: Vec<String>,
    /// Words that open a sentence going on about the meeting the one
    /// before it named ("La reunión, que ocupará los días 8 y 9 de
    /// mayo", "The meeting, which closed on 16 November"): its days
    /// are that meeting's.
    pub it: Vec<String>,
    /// `held` as one automaton, built when first asked for (after the
    /// lists are normalized): every sentence is searched for them all.
    #[serde(skip)]
    held_search: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>>,
}

impl Places {
    /// Every whole-word occurrence (start, end) of a word of holding in
    /// `norm` (normalized text), found in one pass.
    pub fn held_in(&self, norm: &str) -> Vec<(usize, usize)> {
        let search = self.held_search.get_or_init(|| {
            let held: Vec<&String> = self.held.iter().filter(|w| !w.is_empty()).collect();
            (!held.is_empty())
                .then(|| aho_corasick::AhoCorasick::new(held).ok())
                .flatten()
        });
        let Some(search) = search else {
            return Vec::new();
        };
        search
            .find_overlapping_iter(norm)
            .map(|m| (m.start(), m.end()))
            .filter(|&(a, b)| crate::text::whole_words(norm, a, b))
            .collect()
    }
}

/// Who decides at a meeting.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Bodies {
    pub roles: Vec<String>,
}

/// How lists are written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Lists {
    /// Endings of a line's first word that start a new sentence of the
    /// record rather than an item of an unnumbered list.
    pub report_verb_endings: Vec<String>,
    /// Nouns ending a sentence that announce agreements in infinitives.
    pub announced: Vec<String>,
    /// Endings of, and words before, an infinitive ("Instar", "To").
    pub infinitive_endings: Vec<String>,
    pub infinitive_particles: Vec<String>,
    /// Words that end like an infinitive and are none ("Lugar", "Ayer").
    pub not_infinitives: Vec<String>,
}

/// The words of names, for reading the acronyms a text defines
/// (`Nombre largo (SIGLA)`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Names {
    /// Function words inside a name (`de`, `la`, `of`, `the`): they give
    /// an acronym their initial or nothing.
    pub connectors: Vec<String>,
    /// First parts of compound words whose second part gives its own
    /// initial (`centro` of "Centroamérica" gives the CA of SIEMCA).
    pub compounds: Vec<String>,
    /// Words naming a kind of event (`meeting`, `reunión`): a name made
    /// with one defines no organization.
    pub events: Vec<String>,
}

/// What kinds of document a text says it is.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Documents {
    /// Words of a heading that name a record a meeting adopts or issues
    /// (`comunicado`, `conclusions`): such a document is dated by the
    /// meeting it records; a news page that tells of a meeting is not.
    pub records: Vec<String>,
    /// Words that open the heading of a letter or note (`Letter dated
    /// ...`, `Carta de ...`): such a document is dated by its own date
    /// line, even when it encloses a record.
    pub letters: Vec<String>,
    /// Words right before a date that tell when something happened (a
    /// meeting "took place in Bratislava on 19 September 2016"): the date
    /// is not a date line of the document.
    pub told: Vec<String>,
    /// Words that open a line saying the document was adopted ("Aprobado
    /// en Ciudad de Panamá, ..., noviembre del 2018."): the date after
    /// them is the document's.
    pub adopted: Vec<String>,
    /// Words right before a record's name that say the meeting issued it
    /// ("dieron a conocer el siguiente comunicado conjunto", "approved
    /// the following declaration"): an opening that says so makes the
    /// document that record, even in a long first paragraph.
    pub issued: Vec<String>,
    /// Words in a letter's heading right before whom it is addressed to
    /// ("addressed to the", "dirigida al").
    pub addressed: Vec<String>,
    /// Words after a letter's addressee that name its sender ("dirigida
    /// al Secretario General por el Representante Permanente"): the
    /// addressee ends before them.
    pub senders: Vec<String>,
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
            &mut self.decisions.operative,
            &mut self.decisions.prose,
            &mut self.decisions.openers,
            &mut self.decisions.acts,
            &mut self.decisions.told,
            &mut self.decisions.hosting,
            &mut self.decisions.negations,
            &mut self.decisions.passive,
            &mut self.requests.verbs,
            &mut self.requests.articles,
            &mut self.requests.relative,
            &mut self.requests.impersonal,
            &mut self.requests.passive,
            &mut self.requests.assigned,
            &mut self.requests.joiners,
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
            &mut self.names.connectors,
            &mut self.names.events,
            &mut self.preamble.markers,
            &mut self.bodies.roles,
            &mut self.places.before,
            &mut self.places.country_prefixes,
            &mut self.places.venues,
            &mut self.places.fields,
            &mut self.places.gatherings,
            &mut self.places.titles,
            &mut self.places.preparatory,
            &mut self.places.preparatory_links,
            &mut self.places.extraordinary,
            &mut self.places.meeting_nouns,
            &mut self.places.held,
            &mut self.places.coordinated,
            &mut self.places.held_singular,
            &mut self.places.took_place,
            &mut self.places.run_in,
            &mut self.places.hosted,
            &mut self.places.between,
            &mut self.places.it,
            &mut self.lists.announced,
            &mut self.lists.infinitive_particles,
            &mut self.lists.not_infinitives,
            &mut self.dates.today,
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
