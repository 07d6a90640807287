//! Reading is data: a tiny profile for a made-up process, loaded from a
//! test folder, reads that process's decisions with no code change.

use acta::ingest::profile::Profile;
use acta::model::{Kind, Value};
use std::path::Path;

fn folder() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/made-up-process")
}

#[test]
fn a_made_up_process_is_read_from_its_profile() {
    let profiles = Profile::load_dir(&folder().join("profiles")).expect("profiles load");
    assert_eq!(profiles.len(), 1);
    let bytes = std::fs::read(folder().join("third-lakes-forum.txt")).expect("document");
    let g = acta::Gazetteer::bundled().expect("gazetteer");
    let (bundle, report) =
        acta::ingest::prepare_with("third-lakes-forum.txt", &bytes, &g, &profiles)
            .expect("prepares");
    assert_eq!(report.language, "xx");
    let mut texts: Vec<String> = bundle
        .nodes
        .iter()
        .filter(|n| n.kind == Kind::Agreement)
        .flat_map(|n| &n.attrs)
        .filter(|a| a.key == "text")
        .filter_map(|a| match &a.value {
            Value::Text(t) => Some(t.clone()),
            _ => None,
        })
        .collect();
    texts.sort();
    assert_eq!(
        texts,
        [
            "That the next sitting is held on the southern shore.",
            "That the survey is shared with every riparian state.",
            "To ask the water boards for a joint survey of the northern shore.",
            "To keep the fishing calendar of the previous season.",
        ]
    );
    // The bundled profiles do not know these words: nothing is read.
    let (plain, _) = acta::ingest::prepare("third-lakes-forum.txt", &bytes, &g).expect("prepares");
    assert!(!plain.nodes.iter().any(|n| n.kind == Kind::Agreement));
}
