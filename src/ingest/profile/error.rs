//! Why a profile could not be read: which file, and what in it.

/// A profile that could not be read: which file, and why.
#[derive(Debug)]
pub struct ProfileError {
    /// The file or folder, when the profile came from one.
    pub path: Option<std::path::PathBuf>,
    pub reason: ProfileProblem,
}

/// Why a profile could not be read.
#[derive(Debug)]
pub enum ProfileProblem {
    /// The folder or file could not be read.
    Io(std::io::Error),
    /// The TOML is malformed or names a field profiles do not have.
    Toml(toml::de::Error),
    /// `[dates] months` lists other than twelve months.
    Months(usize),
    /// A phrase of a list of patterns (`status.pending`) that is no
    /// regular expression, or a count of no known form.
    Phrase {
        list: &'static str,
        phrase: String,
        why: String,
    },
}

impl std::fmt::Display for ProfileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(p) = &self.path {
            write!(f, "reading profile {}: ", p.display())?;
        }
        match &self.reason {
            ProfileProblem::Io(e) => write!(f, "{e}"),
            ProfileProblem::Toml(e) => write!(f, "{e}"),
            ProfileProblem::Months(n) => {
                write!(f, "[dates] months lists {n} months, not 12 (January first)")
            }
            ProfileProblem::Phrase { list, phrase, why } => {
                write!(f, "{list}: {phrase:?}: {why}")
            }
        }
    }
}

impl std::error::Error for ProfileError {}
