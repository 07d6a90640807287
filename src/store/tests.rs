//! Tests of the stored form of bundles: compressed, read back whole,
//! format 1 still readable, damaged sizes refused; every document read
//! back in rounds, sled reopened between them.

use super::bundle::compressed;
use super::*;

fn bundle() -> FactBundle {
    let g = crate::reference::Gazetteer::bundled().expect("gazetteer");
    let text = "INFORME DE LA PRESIDENCIA\n\nI. Introducción\n\nLa VII Reunión de la CRM se celebró en Antigua, Guatemala, en mayo de 2002.\n";
    crate::ingest::prepare("informe-prueba-2002.txt", text.as_bytes(), &g)
        .expect("ingests")
        .0
}

#[test]
fn bundles_are_stored_compressed_and_read_back_whole() {
    let b = bundle();
    let value = encode_bundle(&b).expect("encodes");
    let plain = bincode::serialize(&b).expect("serializes");
    assert!(value.starts_with(keys::BUNDLE_MAGIC));
    assert!(
        value.len() < plain.len(),
        "{} < {}",
        value.len(),
        plain.len()
    );
    assert_eq!(decode_bundle(&b.doc.id, &value).expect("decodes"), b);
}

#[test]
fn a_format_1_database_is_read_and_upgraded_by_its_first_write() {
    let dir = tempfile::tempdir().expect("temp dir");
    let b = bundle();
    {
        // No flusher thread: it would keep sled's file lock for up to a
        // tick after the drop, and the open below would find it taken.
        let db = sled::Config::new()
            .path(dir.path())
            .flush_every_ms(None)
            .open()
            .expect("sled");
        db.insert(keys::VERSION, &1u32.to_be_bytes())
            .expect("version");
        db.insert(
            keys::doc(&b.doc.id),
            bincode::serialize(&b).expect("bincode"),
        )
        .expect("bundle");
        db.insert(keys::hash(&b.doc.hash), b.doc.id.as_bytes())
            .expect("hash");
        db.flush().expect("flush");
    }
    // sled lets go of its file lock a moment after the drop on a loaded
    // machine (seen once in a full run beside builds): try for a second.
    let mut opened = Store::open(dir.path());
    for _ in 0..50 {
        if opened.is_ok() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        opened = Store::open(dir.path());
    }
    let store = opened.expect("a format-1 database opens");
    assert_eq!(store.documents().expect("reads"), vec![b.clone()]);
    let mut other = b.clone();
    other.doc.id = "informe-otro-2002".into();
    other.doc.hash = "0".repeat(64);
    store.put_document(&other).expect("writes");
    let version = store
        .db()
        .expect("open")
        .get(keys::VERSION)
        .expect("reads")
        .expect("set");
    assert_eq!(version.as_ref(), &keys::FORMAT_VERSION.to_be_bytes());
    assert_eq!(store.documents().expect("reads both").len(), 2);
}

#[test]
fn a_damaged_compressed_bundle_is_refused_not_allocated() {
    let mut value = keys::BUNDLE_MAGIC.to_vec();
    value.extend(u32::MAX.to_le_bytes());
    value.extend([0u8; 8]);
    let err = decode_bundle("x", &value).expect_err("refused");
    assert!(err.to_string().contains("claims"), "{err}");
}

#[cfg(target_os = "linux")]
#[test]
fn an_open_store_runs_no_background_flusher() {
    // sled's flusher thread stops silently when a segment it cleans cannot
    // be written (a full disk), and the flush at close then waits for ever:
    // the store must do all its writing in acta's own calls.
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("opens");
    store.put_document(&bundle()).expect("stores");
    let names: Vec<String> = std::fs::read_dir("/proc/self/task")
        .expect("threads")
        .filter_map(|t| std::fs::read_to_string(t.ok()?.path().join("comm")).ok())
        .collect();
    assert!(
        !names.iter().any(|n| n.trim() == "log flusher"),
        "{names:?}"
    );
}

/// The stored bytes are those of `compress_prepend_size` after the magic,
/// whether the block fits the first, small buffer (text that repeats) or
/// needs the worst case (bytes that do not compress).
#[test]
fn a_bundle_is_compressed_as_compress_prepend_size_does() {
    let mut noise = Vec::new();
    let mut x: u64 = 7;
    for _ in 0..5_000 {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        noise.push((x >> 33) as u8);
    }
    let repeated = b"acuerdo de la reunion ".repeat(400);
    for raw in [Vec::new(), b"a".to_vec(), repeated, noise] {
        let mut expected = keys::BUNDLE_MAGIC.to_vec();
        expected.extend(lz4_flex::compress_prepend_size(&raw));
        assert_eq!(compressed(&raw), expected, "{} bytes", raw.len());
    }
}

#[test]
fn documents_read_in_rounds_are_every_document_in_order_and_the_store_still_writes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("opens");
    let g = crate::reference::Gazetteer::bundled().expect("gazetteer");
    let text = |n: u32| {
        format!("INFORME\n\nLa {n}a. Reunión de la CRM se celebró en Antigua, Guatemala, en mayo de 200{n}.\n")
    };
    let prepared = |n: u32| {
        crate::ingest::prepare(&format!("informe-{n}.txt"), text(n).as_bytes(), &g)
            .expect("ingests")
            .0
    };
    for n in 1..=4 {
        store.put_document(&prepared(n)).expect("stores");
    }
    let ids = |bundles: Vec<Result<FactBundle, StoreError>>| -> Vec<String> {
        bundles
            .into_iter()
            .map(|b| b.expect("reads").doc.id)
            .collect()
    };
    let whole = ids(store.documents_in_rounds(usize::MAX).collect());
    assert_eq!(whole.len(), 4);
    // One document a round: sled is closed and reopened three times.
    assert_eq!(ids(store.documents_in_rounds(1).collect()), whole);
    store
        .put_document(&prepared(5))
        .expect("stores after the reopens");
    assert_eq!(ids(store.documents_in_rounds(1).collect()).len(), 5);
    drop(store);
    let again = Store::open(dir.path()).expect("reopens");
    assert_eq!(again.document_count().expect("counts"), 5);
}
