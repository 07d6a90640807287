//! Entities named in a sentence beyond plain gazetteer names: contextual
//! references to the section's network ("esta Red", "la Red de
//! funcionarios de enlace"), people with their
//! role ("el Subsecretario de Población, ..., Javier Moctezuma Barragán"),
//! and quoted document titles. Gazetteer names themselves are found by
//! [`super::resolve`], acronyms a text defines by [`super::acronyms`].

use super::pattern::Pattern;
use super::resolve::{Found, Resolver};
use super::rules::{self, compile};
use super::sentence::Sentence;
use crate::model::Kind;
use crate::text::normalize;
use std::sync::OnceLock;

struct Patterns {
    network: Pattern,
    role_name: Pattern,
    name_role: Pattern,
    honorific: Pattern,
}

const NAME: &str = r"[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+(?:\s+(?:de\s+la\s+|de\s+los\s+|del\s+|de\s+)?[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+){1,4}";

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let role = format!(
            r"(?P<role>{}(?:\s+(?:General|Adjunt[oa]|Ejecutiv[oa]|Permanente))?(?:\s+(?:de|del|para|en)\s+[^.;()]{{2,90}}?)?)",
            rules::ROLE_TITLES
        );
        Patterns {
            network: compile(r"\b(?:la|esta|dicha|su|nuestra)\s+(?P<n>red(?:\s+de\s+funcionarios\s+de\s+enlace)?)\b"),
            role_name: compile(&format!(r"{role},\s+(?P<name>{NAME})")),
            name_role: compile(&format!(r"(?P<name>{NAME}),\s+{role}\s*[,.;]")),
            honorific: compile(&format!(
                r"\b(?:[Ee]l|[Ll]a)\s+(?:señor|señora|Sr\.|Sra\.|Lic\.|Licenciad[oa]|Dr\.|Dra\.|Ing\.)\s+(?P<name>{NAME})"
            )),
        }
    })
}

/// Mentions of the section's network by a generic phrase. `network` is
/// the organization id the section's headings name.
pub fn contextual(s: &Sentence, network: Option<&str>) -> Vec<Found> {
    let Some(id) = network else { return Vec::new() };
    let mut out = Vec::new();
    for c in patterns().network.captures_iter(s.hay()) {
        let Some(n) = c.name("n") else { continue };
        let (a, b) = (s.orig(n.start()), s.end_of(n.end()));
        if s.mentions.iter().any(|m| a < m.end && m.start < b) {
            continue;
        }
        out.push(Found {
            start: a,
            end: b,
            id: id.to_string(),
            kind: Kind::Organization,
        });
    }
    out
}

/// A person named with a role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub role: Option<String>,
    pub start: usize,
    pub end: usize,
}

fn plausible_name(name: &str, resolver: &Resolver) -> bool {
    let first = name
        .split_whitespace()
        .next()
        .map(normalize)
        .unwrap_or_default();
    !rules::NOT_NAMES.contains(&first.as_str())
        && resolver.lookup(name).is_empty()
        && !name
            .split_whitespace()
            .any(|w| super::profile::month(&normalize(w)).is_some())
}

/// People named in a sentence, with their role where it is given.
pub fn people(s: &Sentence, resolver: &Resolver) -> Vec<Person> {
    let p = patterns();
    let mut out: Vec<Person> = Vec::new();
    let mut push = |name: &str, role: Option<&str>, start: usize, end: usize| {
        let name = name.trim();
        if plausible_name(name, resolver) && !out.iter().any(|x| x.name == name) {
            let role = role.map(|r| r.split_whitespace().collect::<Vec<_>>().join(" "));
            out.push(Person {
                name: name.to_string(),
                role,
                start,
                end,
            });
        }
    };
    for c in p.role_name.captures_iter(&s.text) {
        let (Some(all), Some(name)) = (c.get(0), c.name("name")) else {
            continue;
        };
        let after = s.text[name.end()..].trim_start();
        let ends_well = after.is_empty()
            || after.starts_with([',', '.', ';', ')'])
            || ["quien", "que", "y ", "en ", "de "]
                .iter()
                .any(|w| after.starts_with(w));
        if ends_well {
            push(
                name.as_str(),
                c.name("role").map(|r| r.as_str()),
                all.start(),
                name.end(),
            );
        }
    }
    for c in p.name_role.captures_iter(&s.text) {
        let (Some(all), Some(name)) = (c.get(0), c.name("name")) else {
            continue;
        };
        push(
            name.as_str(),
            c.name("role").map(|r| r.as_str()),
            all.start(),
            all.end(),
        );
    }
    for c in p.honorific.captures_iter(&s.text) {
        let (Some(all), Some(name)) = (c.get(0), c.name("name")) else {
            continue;
        };
        push(name.as_str(), None, all.start(), all.end());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::Gazetteer;

    fn sentence(text: &str) -> Sentence {
        Sentence::whole(text)
    }

    #[test]
    fn people_with_roles() {
        let g = Gazetteer::bundled().unwrap();
        let r = Resolver::from_gazetteer(&g);
        let s = sentence("En representación del Gobierno de México compareció el Subsecretario de Población, Migración y Asuntos Religiosos, Javier Moctezuma Barragán, quien se dirigió al plenario.");
        let p = people(&s, &r);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].name, "Javier Moctezuma Barragán");
        assert_eq!(
            p[0].role.as_deref(),
            Some("Subsecretario de Población, Migración y Asuntos Religiosos")
        );
        let s = sentence(
            "Lo presentó Ana María de la Cruz, Directora General de Migración de Honduras.",
        );
        let p = people(&s, &r);
        assert_eq!(
            (p[0].name.as_str(), p[0].role.as_deref()),
            (
                "Ana María de la Cruz",
                Some("Directora General de Migración de Honduras")
            )
        );
        let s = sentence("México como Presidente de la mesa directiva que elaboró las conclusiones, para las cuales Costa Rica.");
        assert!(people(&s, &r).is_empty());
    }
}
