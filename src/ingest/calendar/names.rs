//! How the calendar names a body's meeting of a month: the body's short
//! name (the gazetteer's, else its series' name), the month in the
//! document's language where its profile prints months, and aliases in
//! Spanish and in that language ("Khartoum Process December 2016",
//! "Khartoum Process diciembre 2016", "Khartoum Process meeting of
//! December 2016").

use super::{date_suffix, key, Calendar};
use crate::ingest::dates;
use crate::model::{DateValue, Precision};

impl Calendar {
    /// Name meetings of a month in the language of `profile` when it
    /// prints months (Spanish otherwise), with aliases in both.
    pub fn in_language(mut self, profile: Option<&crate::ingest::profile::Profile>) -> Calendar {
        self.months = profile
            .filter(|p| p.places.month_names.len() == 12)
            .map(|p| (p.places.month_names.clone(), p.places.month_meeting.clone()));
        self
    }

    /// A body's short name in meeting names: a sub-meeting's own, the
    /// gazetteer's (or the document's definitions'), else its series'.
    pub(super) fn display(&self, body: &str) -> String {
        if let Some((series, sub)) = crate::reference::series::sub_meeting(body) {
            return sub.display(series);
        }
        // A series the gazetteer does not know by its name ("Khartoum
        // Process"), else the body's key.
        self.names
            .get(body)
            .cloned()
            .or_else(|| crate::reference::series::by_key(&key(body)).map(|x| x.acronym.clone()))
            .unwrap_or_else(|| key(body).to_uppercase())
    }

    /// A month's display in the document's language ("December 2016"),
    /// as [`dates::display_month`] gives it in Spanish.
    fn month_display(&self, d: &DateValue) -> String {
        let name = self
            .months
            .as_ref()
            .and_then(|(m, _)| m.get(usize::from(d.start.month).checked_sub(1)?));
        match (d.precision, name) {
            (Precision::Year, _) | (_, None) => dates::display_month(d),
            _ if d.start.yearless() => name.cloned().unwrap_or_default(),
            (_, Some(n)) => format!("{n} {}", d.start.year),
        }
    }

    /// The name and the aliases of `body`'s meeting on `d`.
    pub(super) fn dated_names(&self, body: &str, d: &DateValue) -> (String, Vec<String>) {
        let disp = self.display(body);
        let when = dates::display_month(d);
        let mut aliases = vec![
            format!("{disp} de {when}"),
            format!("reunión del {disp} en {when}"),
            format!("reunión de la {disp} en {when}"),
            format!("{disp} {}", date_suffix(d)),
        ];
        // Named in the document's language, with its aliases too
        // ("Khartoum Process meeting of December 2016").
        let local = self.month_display(d);
        if local != when {
            aliases.push(format!("{disp} {when}"));
            if let Some((_, forms)) = &self.months {
                aliases.extend(
                    forms
                        .iter()
                        .map(|f| f.replace("{body}", &disp).replace("{month}", &local)),
                );
            }
        }
        let when = local;
        if let Some(l) = self.long.get(body).filter(|l| **l != disp) {
            aliases.push(format!("{l} {when}"));
        }
        (format!("{disp} {when}"), aliases)
    }
}
