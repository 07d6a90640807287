//! The real-document set: the extractor against facts written by hand
//! (`tests/real/*.toml`). Each category has a floor per language, set at
//! the measured value: a change that reads less fails here. Raise a floor
//! when extraction improves (`cargo run --release --example real_score`
//! prints the numbers).

#[path = "real/score.rs"]
mod score;

/// (language, category, recall floor %, precision floor %). A precision
/// of nothing extracted is 100% and has floor 0 until something is read.
const FLOORS: &[(&str, &str, f64, f64)] = &[
    // Batch twenty-five (2026-12-08), eight documents the rules had not
    // seen (4 English), set the floors below to what the set of 241
    // measured with that day's rules (the scorer then also matched a
    // document's own meeting read without its place).
    // The measured values (floored) of the 130-document set on 2026-12-05:
    // batch eleven (8 documents) added at first contact, then the rules of
    // dec5 and meet5 (written before batch eleven was seen) merged, and the
    // digit-ordinal rule narrowed to a series' own meeting words after it
    // read four SOMs of batch eleven as conferences. How each batch scored
    // at first contact, and what moved the floors since, is in
    // tests/real/SOURCES-*.md and the commit messages of this file.
    // Batch fourteen (2026-12-06), six documents the rules had not seen,
    // lowers this floor to what it measured (74 of 86). "firmaron un
    // acuerdo" and passives with "fue" gained two, and were dropped after a
    // review: they read past agreements of other bodies as decisions.
    // Batch sixteen (2026-12-07), ten documents the rules had not seen
    // (5 English), lowers this floor to what it measured.
    // Batches eighteen and nineteen (2026-12-07), eighteen documents the rules had not seen (9 English), lower this floor to what they measured with the rules of their day.
    // batch twenty (first contact) joined the set
    // Batch twenty-one (2026-12-07, 8 documents, 4 English) joined; first contact in SOURCES-*.md
    // Batch twenty-two (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    // Batch twenty-three (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    // Batch twenty-four (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    ("es", "decisions", 73.4, 94.4),
    // Batch thirteen (2026-12-06), six documents the rules had not seen,
    // lowers this floor to what it measured.
    // Batch fourteen (2026-12-06), six documents the rules had not seen,
    // lowers this floor to what it measured after the day's rules.
    // A list run into one sentence after a colon, 2026-12-06 (71 -> 75 of 89).
    // "at which the Almaty Declaration was adopted unanimously", 2026-12-06 (76 of 89);
    // "the ministers ... established", "issued a declaration" (78).
    // Batch fifteen (2026-12-07), ten documents the rules had not seen
    // (6 English), lowers this floor to what it measured (82 of 100).
    // Batch sixteen (2026-12-07), ten documents the rules had not seen
    // (5 English), lowers this floor to what it measured.
    // Batch seventeen (2026-12-07), ten documents the rules had not seen
    // (5 English), lowers this floor to what it measured with the rules of
    // its day.
    // Batches eighteen and nineteen (2026-12-07), eighteen documents the rules had not seen (9 English), lower this floor to what they measured with the rules of their day.
    // batch twenty (first contact) joined the set
    // Batch twenty-one (2026-12-07, 8 documents, 4 English) joined; first contact in SOURCES-*.md
    // Batch twenty-two (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    // Batch twenty-three (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    // Batch twenty-four (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    ("en", "decisions", 71.5, 93.0),
    // A decision for which the text names no meeting (`meeting = ""`) is
    // on the right meeting when none is linked (scored so since
    // 2026-12-05; before, it was counted wrong whatever was read).
    // A series' name cut short after its ordinal ("La X Conferencia de
    // Migraciones celebrada en Cochabamba") and the 5+5 Dialogue's series
    // profile, 2026-12-06 (72 -> 77%).
    // Batch thirteen (2026-12-06), six documents the rules had not seen,
    // lowers this floor to what it measured.
    // "votó una adenda a su estatuto" is an act of the meeting,
    // 2026-12-06 (63 -> 64 of 82).
    // Batch fourteen (2026-12-06), six documents the rules had not seen,
    // lowers this floor to what it measured after the day's rules.
    // A reaffirmation of nothing earlier is adopted at its meeting,
    // 2026-12-06 (64 -> 65 of 86).
    // A meeting named in a sentence in the future before it is not the
    // document's own ("Perú será la sede de la VIII Reunión de la RIAM"),
    // 2026-12-07 (65 -> 66 of 86).
    // Batch sixteen (2026-12-07), ten documents the rules had not seen
    // (5 English), lowers this floor to what it measured.
    // Batch seventeen (2026-12-07), ten documents the rules had not seen
    // (5 English), lowers this floor to what it measured with the rules of
    // its day.
    // Batches eighteen and nineteen (2026-12-07), eighteen documents the rules had not seen (9 English), lower this floor to what they measured with the rules of their day.
    // batch twenty (first contact) joined the set
    // Batch twenty-one (2026-12-07, 8 documents, 4 English) joined; first contact in SOURCES-*.md
    // Batch twenty-two (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    // Batch twenty-three (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    // Batch twenty-four (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    ("es", "decisions on right meeting", 58.6, 79.8),
    // Batch thirteen (2026-12-06), six documents the rules had not seen,
    // lowers this floor to what it measured.
    // Batch fourteen (2026-12-06), six documents the rules had not seen,
    // lowers this floor to what it measured after the day's rules.
    // A list run into one sentence after a colon is a decision an item
    // ("Some of the key recommendations of the meeting included: the need
    // to ...; ..."), 2026-12-06: the MIDWA's four hang on its meeting in
    // Abidjan, read without days (the text gives "yesterday (25/8)"), which
    // the score cannot match to the expected one (precision 91.5 -> 86.7).
    // Days of no stated year in a text that states none ("yesterday
    // (25/8)"): the MIDWA meeting has its day, and its decisions are
    // matched to it, 2026-12-06 (65 -> 71 of 89); a dateline's OCAM
    // meeting, 72.
    // "at which the Almaty Declaration was adopted unanimously" records
    // that meeting's decision, 2026-12-06 (72 -> 73 of 89).
    // The IGAD ministers' two decisions are read, but no meeting: a news
    // item's dateline with an unnamed "high level meeting" gives none
    // (precision 96.0 -> 93.5).
    // Batch fifteen (2026-12-07), ten documents the rules had not seen
    // (6 English), lowers this floor to what it measured (75 of 100).
    // Batch seventeen (2026-12-07), ten documents the rules had not seen
    // (5 English), lowers this floor to what it measured with the rules of
    // its day.
    // Batches eighteen and nineteen (2026-12-07), eighteen documents the rules had not seen (9 English), lower this floor to what they measured with the rules of their day.
    // 'Some of the recommendations ... were:' read as a list, 2026-12-07 (en decisions 87 -> 93 of 119), and a meeting to come ('its next meeting, set for ... in Abuja') no longer the page's own: the MIDWA list's six decisions hang on no meeting, and the Abuja meeting is no longer read (en meetings 121 -> 120).
    // Batch twenty-one (2026-12-07, 8 documents, 4 English) joined; first contact in SOURCES-*.md
    // Batch twenty-two (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    // Batch twenty-three (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    // Batch twenty-four (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    ("en", "decisions on right meeting", 58.5, 81.8),
    // Batch twelve: a past request in a report ("había pedido ese informe")
    // is not read (es requests 77 -> 74%).
    // Items that name who is tasked ("... and IOM to pursue ..."); "los
    // Estados hicieron un llamamiento" (es 74 -> 77, en 75 -> 79%).
    // Batch thirteen (2026-12-06), six documents the rules had not seen,
    // lowers this floor to what it measured.
    // Batch fourteen (2026-12-06), six documents the rules had not seen,
    // lowers this floor to what it measured after the day's rules.
    // Batch fifteen (2026-12-07), ten documents the rules had not seen
    // (6 English), lowers this floor to what it measured (23 of 30).
    // Batch sixteen (2026-12-07), ten documents the rules had not seen
    // (5 English), lowers this floor to what it measured.
    // Batches eighteen and nineteen (2026-12-07), eighteen documents the rules had not seen (9 English), lower this floor to what they measured with the rules of their day.
    // Batch twenty-one (2026-12-07, 8 documents, 4 English) joined; first contact in SOURCES-*.md
    // Batch twenty-two (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    // Batch twenty-three (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    // Batch twenty-four (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    ("es", "requests", 64.1, 97.1),
    // A letter's writer asks its addressee ("I venture to request that
    // the enclosed document be circulated"), 2026-12-06 (19 -> 20 of 24).
    // Batch fifteen (2026-12-07), ten documents the rules had not seen
    // (6 English), lowers this floor to what it measured (22 of 28).
    // Batch sixteen (2026-12-07), ten documents the rules had not seen
    // (5 English), lowers this floor to what it measured.
    // Batches eighteen and nineteen (2026-12-07), eighteen documents the rules had not seen (9 English), lower this floor to what they measured with the rules of their day.
    // batch twenty (first contact) joined the set
    // Batch twenty-one (2026-12-07, 8 documents, 4 English) joined; first contact in SOURCES-*.md
    // Batch twenty-two (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    // Batch twenty-three (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    // Batch twenty-four (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    ("en", "requests", 64.2, 93.1),
    // The CRM's plenary meetings with the CSM as a sub-meeting of the CRM
    // series (es 48 -> 51%); "the 6th Rabat Process Ministerial
    // Conference", "the meeting between the Consuls of ..." (en 67 ->
    // 68%).
    // A series' first meeting named by an adjective ("nuestro encuentro
    // inaugural en Puebla", 2026-12-06): crm-01, not a meeting of its own
    // (54%, precision 95 -> 96%).
    // Batch fourteen (2026-12-06), six documents the rules had not seen,
    // lowers this floor to what it measured after the day's rules.
    // A chapter named after its host city with its day, in a document of a
    // series keyed by month ("la Hoja de Ruta del Capítulo de Buenos Aires,
    // del 5 de julio de 2019"), 2026-12-06 (69 -> 71 of 125).
    // A past conference with its place and year only ("(El Cairo, 1994)",
    // "en Lima de 1999"), its name across a line break, 2026-12-06 (71 ->
    // 73 of 125).
    // "la CSM ...; la primera se celebró en Buenos Aires en el año 2000",
    // 2026-12-06 (73 -> 74 of 125).
    // Numbered meetings of bodies no series profile names ("la VIII
    // Reunión de la RIAM", "la VII Cumbre de la ... (Celac), celebrada el
    // pasado 24 de enero, en la ciudad de Buenos Aires"), 2026-12-07 (74 ->
    // 78 of 125).
    // Batch fifteen (2026-12-07), ten documents the rules had not seen
    // (6 English), lowers this floor to what it measured (81 of 130, after
    // the hosts and members of 2026-12-07).
    // Batch sixteen (2026-12-07), ten documents the rules had not seen
    // (5 English), lowers this floor to what it measured.
    // Batches eighteen and nineteen (2026-12-07), eighteen documents the rules had not seen (9 English), lower this floor to what they measured with the rules of their day.
    // batch twenty (first contact) joined the set
    // Batch twenty-one (2026-12-07, 8 documents, 4 English) joined; first contact in SOURCES-*.md
    // Batch twenty-two (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    // Batch twenty-three (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    // Batch twenty-four (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    ("es", "meetings", 62.3, 94.0),
    // A curly apostrophe ("Senior Officials’ Meeting"), an RCGM meeting
    // dated by a list's year after a spaced comma (en 69 -> 71%).
    // An English month after "in" ("the first Almaty Conference ...,
    // held in March 2011"), 2026-12-06 (90 -> 91 of 125: 72.0 -> 72.8%).
    // Two meetings joined by "and" share the place and days after the
    // second ("the 4th Senior Official Meeting and the 5th Ministerial
    // Meeting of the Colombo Process which will be held in Colombo ..."),
    // 2026-12-06 (91 -> 92 of 125: 73.6%; city+dates 63 -> 64 of 86).
    // Batch thirteen (2026-12-06), six documents the rules had not seen,
    // lowers this floor to what it measured.
    // Batch fourteen (2026-12-06), six documents the rules had not seen,
    // lowers this floor to what it measured after the day's rules.
    // Days of no stated year, 2026-12-06 (96 -> 97 of 131).
    // A news item's dateline is where its meeting was held ("San Ignacio —
    // This week (06/11) ..."), 2026-12-06 (97 -> 98 of 131). A workshop in
    // the sentence of holding taken as the meeting held gained one more
    // and was dropped after a review ("met ... to prepare the upcoming
    // summit" held no summit).
    // "15th Meeting of the Budapest Group of Senior Officials", 2026-12-06 (98 -> 99 of 131).
    // Batch fifteen (2026-12-07), ten documents the rules had not seen
    // (6 English), lowers this floor to what it measured (108 of 144).
    // Batch sixteen (2026-12-07), ten documents the rules had not seen
    // (5 English), lowers this floor to what it measured.
    // Batch seventeen (2026-12-07), ten documents the rules had not seen
    // (5 English), lowers this floor to what it measured with the rules of
    // its day.
    // Batches eighteen and nineteen (2026-12-07), eighteen documents the rules had not seen (9 English), lower this floor to what they measured with the rules of their day.
    // 'Some of the recommendations ... were:' read as a list, 2026-12-07 (en decisions 87 -> 93 of 119), and a meeting to come ('its next meeting, set for ... in Abuja') no longer the page's own: the MIDWA list's six decisions hang on no meeting, and the Abuja meeting is no longer read (en meetings 121 -> 120).
    // batch twenty (first contact) joined the set
    // Batch twenty-one (2026-12-07, 8 documents, 4 English) joined; first contact in SOURCES-*.md
    // Batch twenty-two (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    // Batch twenty-three (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    // Batch twenty-four (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    ("en", "meetings", 70.1, 93.6),
    // A title block's meeting outside any series ("TALLER REGIONAL ..."
    // over its place and days), 2026-12-06 (31 -> 32 of 46).
    // Batch fourteen (2026-12-06), six documents the rules had not seen,
    // lowers this floor to what it measured after the day's rules.
    // Days of no stated year ("el 8 de mayo" in a note that names no
    // year), 2026-12-06 (32 -> 33 of 49).
    // A news item's dateline ("Marrakech – ..."), 2026-12-06 (33 -> 34).
    // A chapter named after its host city, 2026-12-06 (34 -> 36 of 49).
    // A past conference with its place and year only, 2026-12-06 (36 -> 38).
    // The I CSM by its ordinal alone, 2026-12-06 (38 -> 39 of 49).
    // The same bodies' meetings with the place and days after them,
    // 2026-12-07 (39 -> 41 of 49).
    // Batch sixteen (2026-12-07), ten documents the rules had not seen
    // (5 English), lowers this floor to what it measured.
    // Batch seventeen (2026-12-07), ten documents the rules had not seen
    // (5 English), lowers this floor to what it measured with the rules of
    // its day.
    // Batch twenty-one (2026-12-07, 8 documents, 4 English) joined; first contact in SOURCES-*.md
    // Batch twenty-two (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    // Batch twenty-three (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    // Batch twenty-four (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    ("es", "meetings with city+dates", 73.8, 100.0),
    // The Panama extraordinary meeting of 2022 spans a field visit ("the
    // 24th of March") and the plenary ("the 25th of March, 2022"): both
    // days are read since 2026-12-06 (72 -> 73%). Precision 96: the 34th
    // Budapest SOM is read as both days its sentence gives ("On 26-27th
    // June ... for the 10th Reference Group Meeting and the 34th Senior
    // Officials Meeting"), not the one the text gives later. The Budapest Process's list of conferences gives a "Date:"
    // field of one day and a description of two ("on 25 - 26 June 2003"):
    // the description's days are read since 2026-12-05 (69 -> 72%).
    // Batch twelve: a meeting dated "tomorrow, Saturday" after the dateline
    // is not read (67 -> 66%).
    // English days without their year ("held November 12-14 in Guatemala
    // City"), the meetings above (66 -> 69%).
    // A dateline, 2026-12-06 (67 -> 68 of 90).
    // "gathered this week in Montevideo, Uruguay, for the 17th ..." is the
    // meeting held, and "The Conference, which closed on Thursday (16/11)"
    // its last day, 2026-12-06 (68 -> 69 of 90).
    // The Budapest Group's 15th meeting, 2026-12-06 (69 -> 70 of 90).
    // Batch fifteen (2026-12-07), ten documents the rules had not seen
    // (6 English), lowers this floor to what it measured (76 of 98).
    // Batch sixteen (2026-12-07), ten documents the rules had not seen
    // (5 English), lowers this floor to what it measured.
    // Batch seventeen (2026-12-07), ten documents the rules had not seen
    // (5 English), lowers this floor to what it measured with the rules of
    // its day.
    // Batches eighteen and nineteen (2026-12-07), eighteen documents the rules had not seen (9 English), lower this floor to what they measured with the rules of their day.
    // 'Some of the recommendations ... were:' read as a list, 2026-12-07 (en decisions 87 -> 93 of 119), and a meeting to come ('its next meeting, set for ... in Abuja') no longer the page's own: the MIDWA list's six decisions hang on no meeting, and the Abuja meeting is no longer read (en meetings 121 -> 120).
    // batch twenty (first contact) joined the set
    // Batch twenty-one (2026-12-07, 8 documents, 4 English) joined; first contact in SOURCES-*.md
    // Batch twenty-two (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    // Batch twenty-three (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    // Batch twenty-four (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    ("en", "meetings with city+dates", 70.7, 95.4),
    // Batch fourteen (2026-12-06), six documents the rules had not seen,
    // lowers this floor to what it measured after the day's rules.
    // Batches eighteen and nineteen (2026-12-07), eighteen documents the rules had not seen (9 English), lower this floor to what they measured with the rules of their day.
    // Batch twenty-one (2026-12-07, 8 documents, 4 English) joined; first contact in SOURCES-*.md
    // Batch twenty-two (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    // Batch twenty-three (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    // Batch twenty-four (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    ("es", "document dates", 94.3, 100.0),
    // Batch fifteen (2026-12-07), ten documents the rules had not seen
    // (6 English), lowers this floor to what it measured (71 of 75).
    // Batch seventeen (2026-12-07), ten documents the rules had not seen
    // (5 English), lowers this floor to what it measured with the rules of
    // its day.
    // batch twenty (first contact) joined the set
    // Batch twenty-one (2026-12-07, 8 documents, 4 English) joined; first contact in SOURCES-*.md
    // Batch twenty-two (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    // Batch twenty-three (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    // Batch twenty-four (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    ("en", "document dates", 89.8, 92.1),
    // A name with a comma inside ("Unidad de Política Migratoria,
    // Registro e Identidad de Personas (UPMRIP)"), 2026-12-06 (89 -> 90%).
    // A tail that names the owner is left out of the name ("Foro
    // Especializado Migratorio del Mercosur (FEM)": FEM is the forum),
    // 2026-12-06 (86 -> 87 of 95).
    // Batch thirteen (2026-12-06), six documents the rules had not seen,
    // lowers this floor to what it measured.
    // An acronym's bracket may hold a country too ("(CELS, Argentina)"),
    // 2026-12-06 (89 -> 91 of 100).
    // Batch fourteen (2026-12-06), six documents the rules had not seen,
    // lowers this floor to what it measured after the day's rules.
    // Batch fifteen (2026-12-07), ten documents the rules had not seen
    // (6 English), lowers this floor to what it measured (98 of 110).
    // Batch sixteen (2026-12-07), ten documents the rules had not seen
    // (5 English), lowers this floor to what it measured.
    // batch twenty (first contact) joined the set
    // Batch twenty-one (2026-12-07, 8 documents, 4 English) joined; first contact in SOURCES-*.md
    // Batch twenty-two (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    // Batch twenty-three (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    // Batch twenty-four (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    ("es", "aliases", 86.5, 99.2),
    // A name before a dash and what the body calls itself ("the
    // International Organization for Migration – the UN Migration Agency
    // (IOM)"), 2026-12-06 (87 -> 88%; precision 99 -> 98%: "Office of
    // the United Nations High Commissioner for Refugees – the UN Refugee
    // Agency (UNHCR)" gives the name the gazetteer knows, without "Office
    // of the").
    // A series' meeting named before an acronym ("Sixth Bali Process
    // Ministerial Conference (BPMC)") defines no organization, 2026-12-06
    // (precision 80/82 -> 80/81).
    // Batch thirteen (2026-12-06), six documents the rules had not seen,
    // lowers this floor to what it measured.
    // The English name IOM gives the OCAM ("Central American Commission
    // of Migration Authorities") in the gazetteer, 2026-12-06 (85 -> 86 of 98).
    // Batch fifteen (2026-12-07), ten documents the rules had not seen
    // (6 English), lowers this floor to what it measured (98 of 113).
    // Batch sixteen (2026-12-07), ten documents the rules had not seen
    // (5 English), lowers this floor to what it measured.
    // Batch seventeen (2026-12-07), ten documents the rules had not seen
    // (5 English), lowers this floor to what it measured with the rules of
    // its day.
    // batch twenty (first contact) joined the set
    // Batch twenty-one (2026-12-07, 8 documents, 4 English) joined; first contact in SOURCES-*.md
    // Batch twenty-two (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    // Batch twenty-three (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    // Batch twenty-four (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    ("en", "aliases", 83.5, 97.8),
    // Batch sixteen (2026-12-07), ten documents the rules had not seen
    // (5 English), lowers this floor to what it measured.
    // Batches eighteen and nineteen (2026-12-07), eighteen documents the rules had not seen (9 English), lower this floor to what they measured with the rules of their day.
    // batch twenty (first contact) joined the set
    // Batch twenty-one (2026-12-07, 8 documents, 4 English) joined; first contact in SOURCES-*.md
    // Batch twenty-two (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    // Batch twenty-three (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    // Batch twenty-four (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    ("es", "countries", 98.2, 100.0),
    // Territories the Pacific and Caribbean processes list beside their
    // members (Cook Islands, Niue, ...), "Kyrgyz Republic", 2026-12-06
    // (392 -> 401 of 411).
    // Batch sixteen (2026-12-07), ten documents the rules had not seen
    // (5 English), lowers this floor to what it measured.
    // Batch seventeen (2026-12-07), ten documents the rules had not seen
    // (5 English), lowers this floor to what it measured with the rules of
    // its day.
    // Batches eighteen and nineteen (2026-12-07), eighteen documents the rules had not seen (9 English), lower this floor to what they measured with the rules of their day.
    // batch twenty (first contact) joined the set
    // Batch twenty-one (2026-12-07, 8 documents, 4 English) joined; first contact in SOURCES-*.md
    // Batch twenty-two (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    // Batch twenty-three (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    // Batch twenty-four (2026-12-07, 8 documents, 4 English) joined at first contact; this stop's rules narrowed after review
    ("en", "countries", 95.8, 99.5),
];

#[test]
fn real_documents_meet_their_floors() {
    let docs = score::run().expect("the set reads");
    assert!(docs.len() >= 15, "only {} documents", docs.len());
    let totals = score::totals(&docs);
    let mut low = Vec::new();
    for &(lang, cat, recall, precision) in FLOORS {
        let t = totals
            .get(&(lang.to_string(), cat))
            .copied()
            .unwrap_or_default();
        if t.recall() + 1e-9 < recall || t.precision() + 1e-9 < precision {
            low.push(format!(
                "{lang} {cat}: recall {:.1}% (floor {recall}), precision {:.1}% (floor {precision})",
                t.recall(),
                t.precision()
            ));
        }
    }
    assert!(
        low.is_empty(),
        "below floor:\n{}\n\n{}",
        low.join("\n"),
        score::markdown(&docs)
    );
}

/// Which expected keys match by key only (a series' number or month) and
/// which may match an extracted meeting by city and dates.
#[test]
fn series_keys_match_by_key_and_descriptive_keys_by_place_and_time() {
    let series: std::collections::BTreeSet<String> = ["crm", "grcm", "prague", "colombo"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    for key in [
        "crm-06",
        "grcm-2010-05",
        "prague-03-prep-04",
        "colombo-som-02",
    ] {
        assert!(score::series_form(key, &series), "{key}");
    }
    for key in [
        "grcm-panama",
        "crm-csm-plenaria-01",
        "quito-reunion-regional",
        "crm-26-gt-gestion-fronteriza",
        "foro-examen-migracion-2022-05",
        "crmx-06",
    ] {
        assert!(!score::series_form(key, &series), "{key}");
    }
}
