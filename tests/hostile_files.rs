//! Files a hostile or unlucky user leaves where acta reads (issue 20,
//! items 3 and 7), through the real binary: a FIFO and `/dev/zero` named
//! as reports are refused without being read (no block, no memory taken);
//! a big report costs memory in proportion to its size, measured as the
//! peak resident size of the `acta ingest` process (`wait4`'s
//! `ru_maxrss`), never its time; a saved view altered behind acta's back
//! with its checksums recomputed is found by `acta check`.
#![cfg(target_os = "linux")]

mod common;
mod faults;

use common::{acta, ok, seeded, stderr, stdout};
use faults::{report, Rng};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What a measured run of the binary gave.
struct Measured {
    code: Option<i32>,
    stderr: String,
    /// Peak resident size of the process, in bytes.
    peak: u64,
}

/// Run `acta --db DB ARGS` and measure its peak resident size. A run
/// longer than `hang` is a hang (it never measures speed): killed, and
/// the test fails.
// The child is reaped by `wait4` (which gives its resource usage), not
// `Child::wait`.
#[allow(clippy::zombie_processes)]
fn measured(db: &Path, args: &[&str], hang: Duration) -> Measured {
    let err = tempfile::NamedTempFile::new().expect("a temp file");
    let mut child = common::acta_cmd(db)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(err.reopen().expect("reopens"))
        .spawn()
        .expect("the acta binary runs");
    let pid = i32::try_from(child.id()).expect("a pid");
    let start = Instant::now();
    let (status, usage) = loop {
        let mut status = 0;
        // SAFETY: plain system call on our own child; `usage` is written
        // by the kernel only.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        let got = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        assert!(got >= 0, "wait4: {}", std::io::Error::last_os_error());
        if got == pid {
            break (status, usage);
        }
        if start.elapsed() > hang {
            let _ = child.kill();
            let _ = child.wait();
            panic!("acta {args:?} still running after {hang:?}: it hangs");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    Measured {
        code,
        stderr: std::fs::read_to_string(err.path()).unwrap_or_default(),
        peak: u64::try_from(usage.ru_maxrss).unwrap_or(0) * 1024,
    }
}

/// Ingest a report of about `bytes` bytes into a new knowledge base: its
/// size on disk and the peak resident size of `acta ingest`, the least of
/// three runs (a peak only grows with what else the machine does: sled's
/// flushing thread and the allocator's timing moved it by 7 MB under the
/// load of a parallel test run).
fn ingest_peak(dir: &Path, bytes: usize) -> (u64, u64) {
    let file = dir.join(format!("informe-{bytes}.txt"));
    std::fs::write(&file, report(&mut Rng::new(11), bytes)).expect("writes");
    let size = std::fs::metadata(&file).expect("written").len();
    let peak = (0..3)
        .map(|run| {
            let db = dir.join(format!("kb-{bytes}-{run}"));
            let m = measured(&db, &["ingest", &file.display().to_string()], common::HANG);
            assert_eq!(m.code, Some(0), "{}", m.stderr);
            m.peak
        })
        .min()
        .unwrap_or(0);
    (size, peak)
}

const MB: f64 = 1024.0 * 1024.0;

/// The memory an ingest takes beyond what any ingest takes (the gazetteer,
/// the rules, sled's cache) grows with the report's size at a bounded
/// rate: each further byte of report at most `PER_BYTE` bytes. Files are capped at
/// 64 MiB (`only_regular_files_of_a_bounded_size_are_read` in
/// `formats.rs`), so the peak is bounded too. Measured (debug build):
/// 49–55 bytes per further byte at 0.2–0.8 MB, on 60 MB for any ingest
/// (90 MB before the allocator went without transparent huge pages);
/// the 50 MB report of the issue took 2.16 GB, 43 times its size: linear,
/// not yet smaller (the bundle an ingest builds, every mention with its
/// provenance, and each sentence's copies of its text are most of it).
#[test]
fn a_big_report_costs_memory_in_proportion_to_its_size() {
    // The same code measured 47 to 66 in runs on a shared machine (debug
    // build, 2026-12-07): the bound stands above that noise; a cost that
    // grew with the text would pass it.
    const PER_BYTE: f64 = 72.0;
    let dir = tempfile::tempdir().expect("a temp dir");
    let (_, base) = ingest_peak(dir.path(), 2_000);
    let (small, small_peak) = ingest_peak(dir.path(), 200_000);
    let (big, big_peak) = ingest_peak(dir.path(), 800_000);
    // The cost of each further byte, between the two reports.
    let slope = big_peak.saturating_sub(small_peak) as f64 / (big - small) as f64;
    eprintln!(
        "hostile_files/memory: base {:.1} MB; {:.2} MB report: {:.1} MB peak; {:.2} MB: {:.1} MB; {slope:.1} bytes per further byte",
        base as f64 / MB,
        small as f64 / MB,
        small_peak as f64 / MB,
        big as f64 / MB,
        big_peak as f64 / MB,
    );
    assert!(
        slope <= PER_BYTE,
        "{slope:.1} bytes of memory per byte of report"
    );
    // And no more than that from the start (16 MB for the allocator's
    // steps and sled's cache).
    let bound = base as f64 + PER_BYTE * big as f64 + 16.0 * MB;
    assert!(
        big_peak as f64 <= bound,
        "{:.1} MB for a {:.2} MB report (base {:.1} MB)",
        big_peak as f64 / MB,
        big as f64 / MB,
        base as f64 / MB
    );
}

/// A FIFO with no writer and `/dev/zero` are refused from their metadata:
/// neither is opened, so nothing blocks (the lock is not held for ever)
/// and nothing is read (no memory taken). Before: the FIFO blocked for
/// ever holding the lock; `/dev/zero` was read until memory ran out.
#[test]
fn a_fifo_and_dev_zero_are_refused_without_being_read() {
    let (dir, db) = seeded();
    let before = ok(acta(&db, &["stats"]));
    let fifo = dir.path().join("informe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    // Any ingest's peak: the bundled report again (already stored).
    let reference = measured(&db, &["ingest", common::SEED], common::HANG);
    assert_eq!(reference.code, Some(0), "{}", reference.stderr);
    for path in [fifo.display().to_string(), "/dev/zero".to_string()] {
        // A refusal takes well under a second; a minute is a hang.
        let m = measured(&db, &["ingest", &path], Duration::from_secs(60));
        assert_eq!(m.code, Some(1), "{path}: {}", m.stderr);
        assert!(m.stderr.contains("not a regular file"), "{}", m.stderr);
        assert!(
            m.peak <= reference.peak + (16 << 20),
            "{path}: {} MB peak, an ingest of the bundled report {} MB",
            m.peak >> 20,
            reference.peak >> 20
        );
    }
    // The lock was let go: a writer runs at once, and nothing was stored.
    assert_eq!(ok(acta(&db, &["stats"])), before);
    let o = acta(
        &db,
        &[
            "query",
            "assert Honduras responded to IV.E(1) source \"a letter\"",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
}

/// The sections of a saved view: where each starts and how long it is,
/// from the footer (a length and a CRC-32 per section, then `actaview`).
/// The number of sections is the one whose lengths, with the header
/// (`actaview`, version, fingerprint) and the footer, fill the file.
fn sections(file: &[u8]) -> Vec<(usize, usize)> {
    const HEADER: usize = 8 + 4 + 32;
    assert_eq!(
        &file[file.len() - 8..],
        b"actaview",
        "a saved view's footer"
    );
    let count = (1..=64)
        .find(|&n| {
            let Some(footer_at) = file.len().checked_sub(n * 12 + 8) else {
                return false;
            };
            let total: u64 = (0..n)
                .map(|i| {
                    let at = footer_at + i * 12;
                    u64::from_le_bytes(file[at..at + 8].try_into().expect("8 bytes"))
                })
                .fold(0u64, u64::saturating_add);
            total.saturating_add((HEADER + n * 12 + 8) as u64) == file.len() as u64
        })
        .expect("a footer whose sections fill the file");
    let footer_at = file.len() - (count * 12 + 8);
    let mut at = HEADER;
    (0..count)
        .map(|i| {
            let f = footer_at + i * 12;
            let len = u64::from_le_bytes(file[f..f + 8].try_into().expect("8 bytes"));
            let start = at;
            at += usize::try_from(len).expect("a length");
            (start, at)
        })
        .collect()
}

/// Replace `from` by `to` (as long) in the first section of the saved view
/// that holds it, and write that section's CRC-32 again: the file reads
/// back as whole, only what it says is wrong.
fn alter_saved_view(db: &Path, from: &str, to: &str) {
    assert_eq!(from.len(), to.len());
    let path = db.join("view.snapshot");
    let mut file = std::fs::read(&path).expect("a saved view");
    let parts = sections(&file);
    let footer = file.len() - (parts.len() * 12 + 8);
    let (i, &(start, end)) = parts
        .iter()
        .enumerate()
        .find(|(_, (s, e))| {
            file[*s..*e]
                .windows(from.len())
                .any(|w| w == from.as_bytes())
        })
        .unwrap_or_else(|| panic!("{from} is in the saved view"));
    let section = &mut file[start..end];
    let mut k = 0;
    while k + from.len() <= section.len() {
        if &section[k..k + from.len()] == from.as_bytes() {
            section[k..k + from.len()].copy_from_slice(to.as_bytes());
            k += from.len();
        } else {
            k += 1;
        }
    }
    let crc = crc32fast::hash(&file[start..end]);
    file[footer + i * 12 + 8..footer + i * 12 + 12].copy_from_slice(&crc.to_le_bytes());
    std::fs::write(&path, file).expect("writes");
}

/// A saved view altered with its checksums recomputed (III CRM moved to
/// another city) reads back as whole, so queries answer from it; `acta
/// check` compares it with the store, names the difference and fails.
/// Before: `check` said ok while the wrong city was served.
#[test]
fn a_saved_view_altered_behind_actas_back_is_found_by_check() {
    let (_dir, db) = seeded();
    let city = "match (m:meeting) where m.name = 'III CRM' return m.city";
    assert!(ok(acta(&db, &["query", city])).contains("Ottawa"));
    ok(acta(&db, &["check"]));
    alter_saved_view(&db, "Ottawa", "Lisboa");
    // The altered file passes every checksum: it is what queries read.
    assert!(ok(acta(&db, &["query", city])).contains("Lisboa"));
    let o = acta(&db, &["check"]);
    assert_eq!(o.status.code(), Some(1), "{}\n{}", stdout(&o), stderr(&o));
    let said = format!("{}{}", stdout(&o), stderr(&o));
    assert!(
        said.contains("the saved view (view.snapshot) says something the store does not"),
        "{said}"
    );
    // Removed as `check` says, the view is built again from the store.
    std::fs::remove_file(db.join("view.snapshot")).expect("removes");
    assert!(ok(acta(&db, &["query", city])).contains("Ottawa"));
    ok(acta(&db, &["check"]));
}
