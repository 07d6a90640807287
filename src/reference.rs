//! The curated gazetteer in `data/reference/`: countries, the CRM meeting
//! calendar and organizations, loaded from TOML and turned into reference
//! facts. The files are compiled into the binary so acta works from any
//! directory; they are data, not code, and each entry names its source.

use crate::model::{
    Attr, DateValue, EdgeFact, EdgeKind, Kind, NodeFact, Prov, Provenance, Value, Ymd,
};
use serde::Deserialize;

mod roles;
pub(crate) mod series;

pub(crate) use roles::roles;

const COUNTRIES: &str = include_str!("../data/reference/countries.toml");
const MEETINGS: &str = include_str!("../data/reference/meetings.toml");
const ORGANIZATIONS: &str = include_str!("../data/reference/organizations.toml");
const CITIES: &str = include_str!("../data/reference/cities.toml");

/// A country of the gazetteer.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Country {
    pub(crate) iso: String,
    pub(crate) name_es: String,
    pub(crate) name_en: String,
    #[serde(default)]
    pub(crate) aliases: Vec<String>,
    pub(crate) crm_member_since: Option<String>,
    pub(crate) member_since_note: Option<String>,
    #[serde(default)]
    pub(crate) crm_observer: bool,
    /// Whether its ISO code names it in reports (true for the process's
    /// own countries; two capitals such as LA or DE are words elsewhere).
    #[serde(default = "yes")]
    pub(crate) code_is_name: bool,
    pub(crate) source: String,
}

fn yes() -> bool {
    true
}

impl Country {
    /// Node id, e.g. `country:mx`.
    pub(crate) fn id(&self) -> String {
        format!("country:{}", self.iso.to_lowercase())
    }

    /// Every name this country goes by (Spanish, English, aliases, ISO code).
    pub(crate) fn names(&self) -> Vec<String> {
        let mut v = vec![self.name_es.clone(), self.name_en.clone()];
        v.extend(self.aliases.iter().cloned());
        if self.code_is_name {
            v.push(self.iso.clone());
        }
        v
    }

    /// Date it joined the CRM, if it is a member.
    pub(crate) fn member_since(&self) -> Option<Ymd> {
        self.crm_member_since.as_deref().and_then(Ymd::parse_iso)
    }
}

/// A meeting of the CRM calendar.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Meeting {
    pub(crate) ordinal: u32,
    pub(crate) body: String,
    pub(crate) city: Option<String>,
    #[serde(default)]
    pub(crate) city_aliases: Vec<String>,
    pub(crate) country: String,
    pub(crate) start: Option<String>,
    pub(crate) end: Option<String>,
    pub(crate) unverified: Option<String>,
    pub(crate) source: String,
}

impl Meeting {
    /// Node id, e.g. `meeting:crm-07`.
    pub(crate) fn id(&self) -> String {
        meeting_id(&self.body, self.ordinal)
    }

    /// The meeting's dates with their precision.
    pub(crate) fn date(&self) -> Option<DateValue> {
        let start = DateValue::parse_iso(self.start.as_deref()?)?;
        match self.end.as_deref().and_then(DateValue::parse_iso) {
            Some(end) => Some(DateValue::range(start, end)),
            None => Some(start),
        }
    }
}

/// Id of a numbered meeting of a body: `meeting:crm-07`.
pub(crate) fn meeting_id(body: &str, ordinal: u32) -> String {
    let key = series::by_name(body).map_or_else(|| crate::text::slug(body), |s| s.key());
    format!("meeting:{key}-{ordinal:02}")
}

/// Roman numeral of `n` (empty for 0): meeting ordinals here, list
/// numbering in the office readers.
pub(crate) fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// Ordinal value of a roman numeral (I..XXXIX), if it is one: the
/// numbers a question or a short name writes (`vii`, never a lone `c`).
pub(crate) fn from_roman(s: &str) -> Option<u32> {
    from_long_roman(s).filter(|n| *n < 40)
}

/// Ordinal value of a roman numeral up to CXCIX, as meeting names in a
/// text write them (`LXIII Reunión Ordinaria` is the 63rd).
pub(crate) fn from_long_roman(s: &str) -> Option<u32> {
    let s = s.to_ascii_uppercase();
    if s.is_empty() || !s.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C')) {
        return None;
    }
    (1..200).find(|&n| roman(n) == s)
}

/// Spanish ordinal words used in declarations ("Séptima Reunión").
pub(crate) const SPANISH_ORDINALS: [&str; 12] = [
    "primera",
    "segunda",
    "tercera",
    "cuarta",
    "quinta",
    "sexta",
    "septima",
    "octava",
    "novena",
    "decima",
    "undecima",
    "duodecima",
];

/// An organization or body.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Organization {
    pub(crate) key: String,
    pub(crate) acronym: Option<String>,
    pub(crate) name_es: String,
    pub(crate) name_en: String,
    #[serde(default)]
    pub(crate) aliases: Vec<String>,
    pub(crate) part_of: Option<String>,
    pub(crate) source: String,
    /// What the body does in its process (see [`roles::Roles`]).
    #[serde(default)]
    pub(crate) roles: Vec<String>,
    /// A report is presented at its meetings: "esta reunión" in a
    /// report is one of them, of the body with the lowest number first.
    #[serde(default)]
    pub(crate) presented_at: Option<u8>,
}

impl Organization {
    /// Node id, e.g. `organization:oim`.
    pub(crate) fn id(&self) -> String {
        format!("organization:{}", self.key)
    }

    /// Every name it goes by.
    pub(crate) fn names(&self) -> Vec<String> {
        let mut v = Vec::new();
        v.extend(self.acronym.iter().cloned());
        v.push(self.name_es.clone());
        v.push(self.name_en.clone());
        v.extend(self.aliases.iter().cloned());
        v
    }

    /// Display name: the acronym if it has one, else the Spanish name.
    pub(crate) fn display(&self) -> String {
        self.acronym.clone().unwrap_or_else(|| self.name_es.clone())
    }
}

/// A city and the country it is in (geography, for `held_in`).
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct City {
    pub(crate) name: String,
    /// ISO 3166-1 alpha-2 code of its country.
    pub(crate) country: String,
    #[serde(default)]
    pub(crate) aliases: Vec<String>,
    /// Required, so that every entry of `cities.toml` cites its source;
    /// cities are attributes, not nodes, so no fact carries it yet.
    #[allow(dead_code)]
    pub(crate) source: String,
}

impl City {
    /// Id of the country it is in, e.g. `country:mx`.
    pub(crate) fn country_id(&self) -> String {
        format!("country:{}", self.country.to_lowercase())
    }

    /// Every name it goes by.
    pub(crate) fn names(&self) -> Vec<String> {
        let mut v = vec![self.name.clone()];
        v.extend(self.aliases.iter().cloned());
        v
    }
}

#[derive(Deserialize)]
struct CitiesFile {
    city: Vec<City>,
}

#[derive(Deserialize)]
struct CountriesFile {
    country: Vec<Country>,
}
#[derive(Deserialize)]
struct MeetingsFile {
    meeting: Vec<Meeting>,
}
#[derive(Deserialize)]
pub(crate) struct OrganizationsFile {
    pub(crate) organization: Vec<Organization>,
}

/// The whole gazetteer.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    pub(crate) countries: Vec<Country>,
    pub(crate) meetings: Vec<Meeting>,
    pub(crate) organizations: Vec<Organization>,
    /// Cities with their country, to place meetings.
    pub(crate) cities: Vec<City>,
    /// A hash of every name above, found once when the gazetteer is made
    /// (it is not changed after): what extraction keys the structures it
    /// derives from the names by, for every document.
    fingerprint: u64,
}

/// A gazetteer file that does not parse.
#[derive(Debug, thiserror::Error)]
#[error("reference data {file}: {message}")]
pub struct ReferenceError {
    pub(crate) file: &'static str,
    pub(crate) message: String,
}

impl Gazetteer {
    /// The gazetteer compiled into the binary from `data/reference/`.
    pub fn bundled() -> Result<Gazetteer, ReferenceError> {
        fn parse<T: serde::de::DeserializeOwned>(
            file: &'static str,
            text: &str,
        ) -> Result<T, ReferenceError> {
            toml::from_str(text).map_err(|e| ReferenceError {
                file,
                message: e.to_string(),
            })
        }
        let c: CountriesFile = parse("countries.toml", COUNTRIES)?;
        let m: MeetingsFile = parse("meetings.toml", MEETINGS)?;
        let o: OrganizationsFile = parse("organizations.toml", ORGANIZATIONS)?;
        let t: CitiesFile = parse("cities.toml", CITIES)?;
        let mut g = Gazetteer {
            countries: c.country,
            meetings: m.meeting,
            organizations: o.organization,
            cities: t.city,
            fingerprint: 0,
        };
        g.fingerprint = g.hash_names();
        Ok(g)
    }

    /// A hash of the names of the gazetteer's countries, organizations
    /// and cities: two gazetteers with the same one find the same names.
    pub(crate) fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    fn hash_names(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for c in &self.countries {
            c.iso.hash(&mut h);
            c.names().hash(&mut h);
        }
        for o in &self.organizations {
            o.key.hash(&mut h);
            o.names().hash(&mut h);
        }
        for c in &self.cities {
            c.country.hash(&mut h);
            c.names().hash(&mut h);
        }
        h.finish()
    }

    /// The city a name refers to (any spelling), if the gazetteer knows it.
    pub(crate) fn city(&self, name: &str) -> Option<&City> {
        let key = crate::text::normalize(name);
        self.cities
            .iter()
            .find(|c| c.names().iter().any(|n| crate::text::normalize(n) == key))
    }

    /// Ids of the countries that were CRM members on `date`.
    pub fn crm_members_on(&self, date: Ymd) -> Vec<String> {
        self.countries
            .iter()
            .filter(|c| c.member_since().is_some_and(|s| s <= date))
            .map(Country::id)
            .collect()
    }

    /// Display name and aliases for a numbered meeting of a body.
    pub(crate) fn meeting_names(body: &str, ordinal: u32) -> (String, Vec<String>) {
        let r = roman(ordinal);
        // A meeting numbered on its own in its process ("II Colombo
        // Process SOM").
        if let Some((s, sub)) = series::sub_meeting(body) {
            let display = sub.display(s);
            return (
                format!("{r} {display}"),
                vec![format!("{display} {ordinal}")],
            );
        }
        let name = format!("{r} {body}");
        let mut aliases = vec![
            format!("{r} Reunión de la {body}"),
            format!("{r} Reunión {body}"),
            format!("{body} {ordinal}"),
            format!("{body}-{ordinal}"),
        ];
        if body != "CRM" {
            let names = series::by_name(body).map_or(&[][..], |s| s.names.as_slice());
            aliases.extend(
                names
                    .iter()
                    .filter(|n| *n != body)
                    .map(|n| format!("{r} {n}")),
            );
        }
        if body == "CRM" {
            aliases.push(format!("{r} Conferencia Regional sobre Migración"));
            aliases.push(format!(
                "{r} Reunión de la Conferencia Regional sobre Migración"
            ));
            if let Some(word) = SPANISH_ORDINALS.get(ordinal as usize - 1) {
                aliases.push(format!("{word} Reunión de la CRM"));
            }
            aliases.push(format!("{r} RCM"));
            aliases.push(format!("RCM {ordinal}"));
        }
        (name, aliases)
    }

    /// The gazetteer as reference facts: nodes and edges.
    pub(crate) fn facts(&self) -> (Vec<NodeFact>, Vec<EdgeFact>) {
        let mut facts = (Vec::new(), Vec::new());
        for c in &self.countries {
            c.facts(&mut facts);
        }
        for o in &self.organizations {
            o.facts(&mut facts);
        }
        for m in &self.meetings {
            m.facts(&mut facts);
        }
        facts
    }
}

/// The facts of the gazetteer, as they are gathered.
type Facts = (Vec<NodeFact>, Vec<EdgeFact>);

/// The provenance of a gazetteer entry: its cited source.
fn prov(source: &str) -> Prov {
    Provenance::Reference {
        source: source.into(),
    }
    .into()
}

/// An attribute read from a gazetteer entry.
fn attr(key: &str, value: Value, source: &str) -> Attr {
    Attr {
        key: key.into(),
        value,
        prov: prov(source),
    }
}

/// An edge of the gazetteer, without attributes.
fn edge(from: String, kind: EdgeKind, to: String, source: &str) -> EdgeFact {
    EdgeFact {
        from: from.into(),
        to: to.into(),
        kind,
        attrs: vec![],
        prov: prov(source),
    }
}

impl Country {
    /// The country node, and its membership of the CRM with its date.
    fn facts(&self, (nodes, edges): &mut Facts) {
        let mut attrs = vec![
            attr("iso", Value::Text(self.iso.clone()), &self.source),
            attr("name_en", Value::Text(self.name_en.clone()), &self.source),
        ];
        if self.crm_observer {
            attrs.push(attr("crm_observer", Value::Bool(true), &self.source));
        }
        nodes.push(NodeFact {
            id: self.id().into(),
            kind: Kind::Country,
            name: self.name_es.clone(),
            aliases: self.names(),
            attrs,
            prov: prov(&self.source),
        });
        if let Some(since) = self.member_since() {
            let mut member = edge(
                self.id(),
                EdgeKind::MemberOf,
                "organization:crm".into(),
                &self.source,
            );
            member.attrs = vec![attr(
                "since",
                Value::Date(DateValue::day(since)),
                &self.source,
            )];
            if let Some(note) = &self.member_since_note {
                member
                    .attrs
                    .push(attr("note", Value::Text(note.clone()), &self.source));
            }
            edges.push(member);
        }
    }
}

impl Organization {
    /// The organization node, and the body it is part of.
    fn facts(&self, (nodes, edges): &mut Facts) {
        let mut attrs = vec![
            attr("name_es", Value::Text(self.name_es.clone()), &self.source),
            attr("name_en", Value::Text(self.name_en.clone()), &self.source),
        ];
        if let Some(a) = &self.acronym {
            attrs.push(attr("acronym", Value::Text(a.clone()), &self.source));
        }
        nodes.push(NodeFact {
            id: self.id().into(),
            kind: Kind::Organization,
            name: self.display(),
            aliases: self.names(),
            attrs,
            prov: prov(&self.source),
        });
        if let Some(parent) = &self.part_of {
            let to = format!("organization:{parent}");
            edges.push(edge(self.id(), EdgeKind::PartOf, to, &self.source));
        }
    }
}

impl Meeting {
    /// The meeting node (with its date and city), where it was held and
    /// the body it is a meeting of.
    fn facts(&self, (nodes, edges): &mut Facts) {
        let (name, mut aliases) = Gazetteer::meeting_names(&self.body, self.ordinal);
        let mut attrs = vec![
            attr("ordinal", Value::Int(i64::from(self.ordinal)), &self.source),
            attr("body", Value::Text(self.body.clone()), &self.source),
        ];
        if let Some(d) = self.date() {
            attrs.push(attr("date", Value::Date(d), &self.source));
        }
        if let Some(city) = &self.city {
            attrs.push(attr("city", Value::Text(city.clone()), &self.source));
            aliases.push(format!("{} {city}", roman(self.ordinal)));
        }
        for a in &self.city_aliases {
            attrs.push(attr("city", Value::Text(a.clone()), &self.source));
        }
        if let Some(u) = &self.unverified {
            attrs.push(attr("unverified", Value::Text(u.clone()), &self.source));
        }
        nodes.push(NodeFact {
            id: self.id().into(),
            kind: Kind::Meeting,
            name,
            aliases,
            attrs,
            prov: prov(&self.source),
        });
        let country = format!("country:{}", self.country.to_lowercase());
        edges.push(edge(self.id(), EdgeKind::HeldIn, country, &self.source));
        let body = format!("organization:{}", crate::text::slug(&self.body));
        edges.push(edge(self.id(), EdgeKind::PartOf, body, &self.source));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_gazetteer_loads() {
        let g = Gazetteer::bundled().expect("bundled reference data parses");
        assert_eq!(g.crm_members_on(Ymd::new(2003, 5, 1)).len(), 11);
        assert_eq!(g.crm_members_on(Ymd::new(1999, 1, 28)).len(), 10);
        let vii = g
            .meetings
            .iter()
            .find(|m| crate::text::normalize(&m.body) == "crm" && m.ordinal == 7)
            .expect("VII CRM in calendar");
        assert_eq!(
            vii.date().map(|d| d.to_string()).as_deref(),
            Some("2002-05-30..2002-05-31")
        );
        assert!(g
            .organizations
            .iter()
            .any(|o| o.acronym.as_deref() == Some("SIEMCA")));
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman(7), "VII");
        assert_eq!(roman(19), "XIX");
        assert_eq!(from_roman("viii"), Some(8));
        assert_eq!(from_roman("IIII"), None);
        assert_eq!(from_roman("CRM"), None);
    }
}
