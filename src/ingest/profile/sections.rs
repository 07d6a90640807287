//! The sections of a reading profile ([`super::Profile`]): how decisions
//! are announced, how requests are made, what opens a preamble, how
//! places, lists, names and documents are written. Words only, in the
//! form they are matched in once the profile is normalized.

use serde::Deserialize;

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
    /// Words set off by a comma between the verb (and its filler) and
    /// the colon ("agreed to, among others:").
    pub asides: Vec<String>,
    /// Words that announce a list of what was decided (`siguientes
    /// acciones`, `following measures`): between a verb and its colon,
    /// with a few words around them (`se acordó llevar a cabo las
    /// siguientes acciones de manera coordinada:`), they make the verb
    /// head the list, as a filler would.
    pub following: Vec<String>,
    /// Words after a decision phrase that announce a list to follow
    /// ("the measures listed below", "as follows", "lo siguiente"): the
    /// sentence is a lead-in, not a decision of its own.
    pub announce: Vec<String>,
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
    /// Words that open a relative clause (`en que`, `which`): among the
    /// four words right before a passive prose phrase, they tell of a
    /// decision named before ("año en que se aprobó esta actividad"),
    /// not record one.
    pub relatives: Vec<String>,
    /// Relative words that stand for a meeting (`at which`): with a
    /// subject between them and the passive phrase ("the Conference of
    /// March 2011, at which the Almaty Declaration was adopted") they
    /// record what that meeting adopted.
    pub venue_relatives: Vec<String>,
    /// Words of manner that may follow a passive phrase ending its
    /// sentence (`unanimously`).
    pub manner: Vec<String>,
    /// The [`super::Starts::slots`] of each phrase of `prose`, read when
    /// first asked for (after the lists are normalized).
    #[serde(skip)]
    prose_slots: std::sync::OnceLock<Vec<Vec<u16>>>,
    /// The same for `acts`.
    #[serde(skip)]
    acts_slots: std::sync::OnceLock<Vec<Vec<u16>>>,
}

impl Decisions {
    /// Each phrase of `prose` with its [`super::Starts::slots`].
    pub fn prose_slotted(&self) -> impl Iterator<Item = (&String, &[u16])> {
        let slots = self
            .prose_slots
            .get_or_init(|| self.prose.iter().map(|v| super::Starts::slots(v)).collect());
        self.prose.iter().zip(slots.iter().map(Vec::as_slice))
    }

    /// Each phrase of `acts` with its [`super::Starts::slots`].
    pub fn acts_slotted(&self) -> impl Iterator<Item = (&String, &[u16])> {
        let slots = self
            .acts_slots
            .get_or_init(|| self.acts.iter().map(|v| super::Starts::slots(v)).collect());
        self.acts.iter().zip(slots.iter().map(Vec::as_slice))
    }
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
    /// Words ending in a word of `relative` that join a consequence, not
    /// a relative clause ("por lo que instaron a ...").
    pub consequence: Vec<String>,
    /// Words right before a request verb that make it a noun or a
    /// reference ("a call for proposals", "as called for"): no call.
    pub nominal: Vec<String>,
    /// Request verbs that ask only in the passive ("LAS ... was assigned
    /// to follow up"; not "the funds assigned to the Reserve Fund").
    pub passive_only: Vec<String>,
    /// Who else may call on others in running prose, besides a body that
    /// decides ([`Bodies::roles`]): "El Gobierno de Panamá ... instó a las
    /// fuerzas políticas ...". Their calls are requests, never decisions.
    pub callers: Vec<String>,
    /// Contractions of the word that marks whom a verb addresses with an
    /// article ("al" for "a el"), besides `before_infinitive`'s words.
    pub personal: Vec<String>,
    /// Phrases saying that some of those addressed have already answered
    /// (`To thank the Member Countries that have already supplied ...`):
    /// the addressee named before them was asked.
    pub answered: Vec<String>,
    /// Words right after a request verb that ask without naming whom
    /// ("Instar a que se levanten las medidas ...", "urged that ..."): a
    /// request whose addressee is not stated.
    pub impersonal: Vec<String>,
    /// Those of `impersonal` that ask in running prose too ("exhortaron a
    /// que la migración se realice ..."); not English "that", which there
    /// is as often a noun's clause or a feeling.
    pub impersonal_in_prose: Vec<String>,
    /// Request verbs that name no one asked ("called for more operational
    /// collaboration"): asked, of whom the words do not say.
    pub unaddressed: Vec<String>,
    /// Words right after a request verb that, before an infinitive (a
    /// word with an ending of `infinitives`), ask without naming whom
    /// ("instaron a generar mecanismos de cooperación").
    pub before_infinitive: Vec<String>,
    /// `[verb, marker]`: a verb of asking for something that names whom
    /// after what it asks for, behind the marker ("solicitar apoyo para
    /// ... a la OEA", "to request support from UNHCR").
    pub asked_of: Vec<[String; 2]>,
    /// The endings of the language's infinitives (`ar`, `er`, `ir`).
    pub infinitives: Vec<String>,
    /// Words right before an infinitive that make it a purpose or a
    /// manner ("para gestionar"), not the task a call gives whoever it
    /// names.
    pub purpose: Vec<String>,
    /// Words that, between a call's "a" and a bare infinitive, show that
    /// what stands there is no name ("a los gobiernos que desean
    /// acceder"): the infinitive is no task given to someone named.
    pub breaks: Vec<String>,
    /// Words after those named at the opening of an item that give them
    /// a task ("The Chair in Office of MIDSA and IOM to pursue ..."): a
    /// request to them.
    pub assigned: Vec<String>,
    /// Words that may join the names of those given a task (`and`, `of`).
    pub joiners: Vec<String>,
    /// Words right before a request verb that join it to a call made
    /// earlier in the same sentence, by the same subject ("... e
    /// instaron a garantizar", "..., a la vez que hacen un llamado a"):
    /// a second call.
    pub coordinated: Vec<String>,
    /// Words right before a request verb that make it passive ("The
    /// Technical Secretariat was requested to ..."): the words before
    /// them name who was asked.
    pub passive: Vec<String>,
    /// Request verbs in the impersonal present ("En la Declaración se
    /// exhorta a ...", "se instruye a los gobiernos"): the record's own
    /// voice asks, as a body that decides would.
    pub voiceless: Vec<String>,
    /// Words before an impersonal call that make it not the record's own
    /// voice: a negation, a comparison, a relative, a source ("no se
    /// solicita", "tal como se solicita en la resolución", "según ...").
    pub not_own: Vec<String>,
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
    /// Those of `gatherings` that are verbs of meeting, not nouns
    /// (`reunidos`, `met`): the meeting they tell of is called by
    /// `gathered_as` and its city (`reunión Quito`).
    pub gathered: Vec<String>,
    pub gathered_as: String,
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
    /// Words of holding between days and the numbered meeting after them
    /// ("en el año 2000 se celebró la I Conferencia"): the days are the
    /// meeting's.
    pub held_before: Vec<String>,
    /// Words before days that open a sentence ("In March 2000, the Fifth
    /// Conference was held ...", "En el año 2000, la I Conferencia se
    /// celebró ..."): with the words of holding after the meeting, the
    /// days are the meeting's.
    pub days_open: Vec<String>,
    /// Words between days that open a sentence and the meeting right
    /// after them ("On 24 - 25 October 2022, at the Fourth Prague Process
    /// Ministerial Conference, Ministers endorsed ..."): the days are the
    /// meeting's.
    pub at_meeting: Vec<String>,
    /// Verbs of going to a meeting or bringing something to it, a few
    /// words before such a word ("acordaron participar en el Diálogo ...",
    /// "agreed to present the text at the Conference ..."): the meeting is
    /// one to come, not where the sentence's act was done.
    pub bound_for: Vec<String>,
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
    /// Words of belonging between a numbered meeting's noun and the body
    /// whose meeting it is ("la VIII Reunión de la RIAM", "the 5th
    /// Meeting of the RMCC").
    pub of_body: Vec<String>,
    /// Words beside a numbered meeting's noun, small letters and all,
    /// that keep the body's count ("la segunda reunión anual del MIRPS",
    /// "the second annual meeting of the Network"); not "presencial" or
    /// "virtual", which count meetings of one kind.
    pub same_count: Vec<String>,
    /// Common nouns, small-lettered, by which a news item calls the
    /// meeting it reports when it names it no other way ("la reunión de
    /// viceministros", "the meeting"); words after which such a name goes
    /// on, words that end it, and words before the noun that point to a
    /// meeting told of otherwise ("that meeting").
    pub reported: Vec<String>,
    pub name_goes: Vec<String>,
    pub name_ends: Vec<String>,
    pub earlier: Vec<String>,
    /// Words right after such a noun that make it a verb with its object
    /// ("meeting the challenges", "gathering their views").
    pub objects: Vec<String>,
    /// Those who act alone ("the Cabinet", "el Gobierno de Ecuador"): a
    /// decision whose sentence names one was taken at no meeting.
    pub acts_alone: Vec<String>,
    /// Words that say a meeting is yet to be held ("is planned", "está
    /// prevista").
    pub to_come: Vec<String>,
    /// Words after a body that carry its name on ("la II Cumbre de la UE
    /// y la CELAC", "the III Conference of the United Nations on ..."):
    /// the numbered meeting is of something else.
    pub name_goes_on: Vec<String>,
    /// Words between a host country and the meeting it hosts ("Panamá
    /// será la sede de la XXVIII Reunión", "Nepal is hosting the Fifth
    /// ..."): the meeting is held there.
    pub hosts: Vec<String>,
    /// Words that open a sentence going on about the meeting the one
    /// before it named ("La reunión, que ocupará los días 8 y 9 de
    /// mayo", "The meeting, which closed on 16 November"): its days
    /// are that meeting's.
    pub it: Vec<String>,
    /// Words of a meeting's closing, right before its last day in the
    /// sentence that goes on about it ("The Conference, which closed on
    /// Thursday (16/11)").
    pub closed: Vec<String>,
    /// Words between a meeting's ordinal and its series' name that give
    /// its rank ("the third Ministerial-level Migration Dialogue for
    /// Southern Africa"): the numbered meeting all the same.
    pub ranks: Vec<String>,
    /// Words right before a gathering word that make it a meeting to come
    /// ("its next meeting, set for early December 2017 in Abuja", "la
    /// próxima reunión en Lima"): never the document's own.
    pub next: Vec<String>,
    /// Words after the city of a sentence of holding that say those who
    /// met came for a meeting named next ("met in Accra, Ghana for the
    /// ... meeting"): that meeting was held there.
    pub attended: Vec<String>,
    /// Words that say a meeting named after them was only the purpose of
    /// those who met, not held ("to prepare", "para preparar").
    pub purpose: Vec<String>,
    /// How the language names a body's meeting of a month, as aliases of
    /// a meeting keyed by its month ("{body} meeting of {month}"): written
    /// as printed, not matched.
    pub month_meeting: Vec<String>,
    /// The months as a name prints them, January first ("December"):
    /// a meeting keyed by its month is named with them.
    pub month_names: Vec<String>,
    /// `held` as one automaton, built when first asked for (after the
    /// lists are normalized): every sentence is searched for them all.
    #[serde(skip)]
    held_search: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>>,
    /// `meeting_nouns` as one automaton, likewise.
    #[serde(skip)]
    nouns_search: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>>,
}

/// Every whole-word occurrence (start, end) in `norm` of the words of
/// `list`, found in one pass by an automaton built when first asked for.
fn whole_words_in(
    search: &std::sync::OnceLock<Option<aho_corasick::AhoCorasick>>,
    list: &[String],
    norm: &str,
) -> Vec<(usize, usize)> {
    let search = search.get_or_init(|| {
        let words: Vec<&String> = list.iter().filter(|w| !w.is_empty()).collect();
        (!words.is_empty())
            .then(|| aho_corasick::AhoCorasick::new(words).ok())
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

impl Places {
    /// Every whole-word occurrence (start, end) of a word of holding in
    /// `norm` (normalized text), found in one pass.
    pub fn held_in(&self, norm: &str) -> Vec<(usize, usize)> {
        whole_words_in(&self.held_search, &self.held, norm)
    }

    /// Every whole-word occurrence (start, end) of a meeting noun in
    /// `norm`, found in one pass.
    pub fn nouns_in(&self, norm: &str) -> Vec<(usize, usize)> {
        whole_words_in(&self.nouns_search, &self.meeting_nouns, norm)
    }
}

/// Who decides at a meeting.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Bodies {
    pub roles: Vec<String>,
    /// Those who met as the press names them ("los directores", "the
    /// delegates"): a subject only where [`crate::ingest::subject`] says.
    pub press_roles: Vec<String>,
    /// Words that make such a subject others than those who met ("civil
    /// society", "empresas").
    pub outsiders: Vec<String>,
    /// Words right before a meeting's name that make it when or where,
    /// not who ("durante", "at").
    pub not_subject: Vec<String>,
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
    /// Words that join the last item of a list run into one sentence
    /// ("...; and to hold a workshop"): not part of the item.
    pub last_joins: Vec<String>,
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
    /// Words that open a letter's signature line ("(Signed)"): the letter
    /// ends there, and what follows is what it encloses.
    pub signed: Vec<String>,
    /// Verbs of saying: a quotation right after one and a colon ("said:
    /// “…”") or right before one ("“…”, dijo el ministro") is what
    /// someone said, not a document's title.
    pub speech: Vec<String>,
    /// Words of the first person: a long quotation (twenty words or more)
    /// that holds one ("It is a platform where we exchange ...") is what
    /// someone said, not a title.
    pub first_person: Vec<String>,
    /// Words that open a line giving the day a page was posted ("posted
    /// (July 17, 2024)", "Publicado el 3 de mayo de 2021"): the day after
    /// them dates a page that tells of a meeting.
    pub posted: Vec<String>,
}
