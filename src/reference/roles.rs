//! What bodies do in their process, as `data/reference/organizations.toml`
//! says (`roles`, `presented_at`): extraction asks here rather than naming
//! a body itself, so another process's organs are data too.

use super::{OrganizationsFile, ORGANIZATIONS};
use std::sync::OnceLock;

/// The role words of `organizations.toml`.
pub(crate) const ORGAN: &str = "organ";
pub(crate) const UNDATED_MEETINGS: &str = "undated meetings";
pub(crate) const ROTATING: &str = "rotating";

/// Bodies (node ids) by what they do.
#[derive(Debug, Default)]
pub(crate) struct Roles {
    /// Organs that ask and report (a secretariat, a presidency): their
    /// requests follow agreements up and are not decisions; only meetings
    /// decide.
    pub(crate) organs: Vec<String>,
    /// Bodies whose meetings reports name without their days ("el GRCM
    /// la respaldó"): such a mention is one of its meetings.
    pub(crate) undated_meetings: Vec<String>,
    /// Bodies a report is presented at a meeting of, in order of
    /// preference, for "esta reunión"; a mention of one is the meeting,
    /// not what an item concerns.
    pub(crate) presented_at: Vec<String>,
    /// Offices held by member countries in turn: a handover passes it.
    pub(crate) rotating: Vec<String>,
}

/// The roles of the bundled organizations, read once.
pub(crate) fn roles() -> &'static Roles {
    static R: OnceLock<Roles> = OnceLock::new();
    R.get_or_init(|| {
        let Ok(file) = toml::from_str::<OrganizationsFile>(ORGANIZATIONS) else {
            return Roles::default();
        };
        let orgs = file.organization;
        let with = |role: &str| {
            orgs.iter()
                .filter(|o| o.roles.iter().any(|r| r == role))
                .map(|o| o.id())
                .collect()
        };
        let mut presented: Vec<_> = orgs
            .iter()
            .filter_map(|o| Some((o.presented_at?, o.id())))
            .collect();
        presented.sort();
        Roles {
            organs: with(ORGAN),
            undated_meetings: with(UNDATED_MEETINGS),
            presented_at: presented.into_iter().map(|(_, id)| id).collect(),
            rotating: with(ROTATING),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_written_is_one_the_readers_know() {
        let file: OrganizationsFile = toml::from_str(ORGANIZATIONS).expect("organizations parse");
        for o in &file.organization {
            for r in &o.roles {
                assert!(
                    [ORGAN, UNDATED_MEETINGS, ROTATING].contains(&r.as_str()),
                    "{}: unknown role {r:?}",
                    o.key
                );
            }
        }
        let r = roles();
        assert!(r.organs.contains(&"organization:st".to_string()));
        assert_eq!(r.presented_at, ["organization:grcm", "organization:crm"]);
        assert_eq!(r.undated_meetings, ["organization:grcm"]);
        assert_eq!(r.rotating, ["organization:ppt"]);
    }
}
