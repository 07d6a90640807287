//! A news page's date line, read through the whole pipeline: where it
//! stands, and what ends it.

use super::common::Doc;

fn doc_date(text: &str) -> Option<String> {
    Doc::text("nota.txt", text)
        .bundle
        .doc
        .date
        .map(|v| v.to_string())
}

#[test]
fn a_wire_agencys_dateline_runs_into_its_story() {
    // Prensa Latina's and EFE's datelines: the agency in capitals in
    // brackets, then the story with no dash.
    for text in [
        "Concluyó en Paraguay la conferencia\n\nAsunción, 4 de noviembre de 2016 (RHC-PL) La \
         XVI Conferencia Suramericana sobre Migraciones concluyó hoy.\n\nOtro párrafo.\n",
        "Reunión de ministros\n\nLima, 4 de noviembre de 2016 (EFE) Los ministros de la \
         región se reunieron hoy.\n",
    ] {
        assert_eq!(doc_date(text).as_deref(), Some("2016-11-04"), "{text}");
    }
    // A bracket that is no agency's name, or no story after it, is not one.
    for text in [
        "Reunión de ministros\n\nLos ministros dijeron en Asunción, 4 de noviembre de 2016 \
         (Paraguay) La reunión fue útil.\n",
        "Reunión de ministros\n\nLos ministros dijeron en Asunción, 4 de noviembre de 2016 \
         (PL) que la reunión fue útil.\n",
    ] {
        assert_eq!(doc_date(text), None, "{text}");
    }
}

#[test]
fn a_list_of_documents_is_no_dateline() {
    // A file's format, a copy's language or a series' acronym in brackets
    // after a document's date names no agency.
    for text in [
        "Documentos\n\nEn la lista: Declaración de Tegucigalpa, 20 de junio de 1997 (PDF) Plan de \
         Acción de la Conferencia (PDF) y otros textos de la reunión de ese año.\n",
        "Documents\n\nFinal Report, Panama City, 27 November 2019 (EN) Final Report of the \
         meeting\n",
        "Documentos\n\nSeguimiento, San José, 14 de noviembre de 2018 (CRM) Informe de avance\n",
    ] {
        assert_eq!(doc_date(text), None, "{text}");
    }
}

#[test]
fn a_datelines_day_without_its_year_takes_the_year_of_that_months_days() {
    // The text gives days of March with their year: the dateline's day
    // is of that year.
    let text = "Declaración de Quito\n\nQuito, 15 de marzo.- Los países del Proceso de Quito se \
                reunieron el 14 y 15 de marzo de 2023 en la capital.\n";
    assert_eq!(doc_date(text).as_deref(), Some("2023-03-15"));
    // A year the text gives only for another month, or no year at all:
    // the day is not taken.
    for text in [
        "Nepal to host the meeting\n\nKathmandu, November 4 - Nepal had succeeded Sri Lanka as \
         chair in Geneva in March 2017.\n",
        "Países de la región felicitan\n\nMANAGUA, Nicaragua, noviembre 28.- El Grupo Regional \
         de Consulta sobre Migración expresó su felicitación.\n",
        // A day weeks away in that month: a convention ratified long ago.
        "Convención\n\nLIMA, 28 de mayo.- El país, que ratificó la Convención el 2 de mayo de \
         2002, presentó hoy su informe.\n",
    ] {
        assert_eq!(doc_date(text), None, "{text}");
    }
}

#[test]
fn the_datelines_city_in_the_wires_forms_places_the_meeting_held_there() {
    use acta::model::Kind;
    for (text, city) in [
        (
            "Colombo process ends\n\nNepal Foreign Affairs (KATHMANDU, 17 November 2018) – The \
             6th ministerial meeting of the Colombo Process came to a close here on Friday.\n",
            "Kathmandu",
        ),
        (
            "Reunión en Quito\n\nQuito.- Los delegados de los doce países se reunieron el 24 y \
             25 de septiembre de 2009 en la IX Conferencia Suramericana sobre Migraciones.\n",
            "Quito",
        ),
    ] {
        let d = Doc::text("nota.txt", text);
        d.assert_consistent();
        let cities: Vec<Option<String>> = d
            .ids(Kind::Meeting)
            .iter()
            .map(|id| d.text_attr(id, "city"))
            .collect();
        assert_eq!(cities, vec![Some(city.to_string())], "{text}");
    }
}
