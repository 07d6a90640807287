//! The `acta` command line: parses arguments, opens the knowledge base,
//! dispatches to the library, prints results to stdout and diagnostics to
//! stderr, and maps errors to exit codes (0 ok, 1 query or data error,
//! 2 usage, 3 database locked or unreadable). The work is in `cli/`; it
//! uses only the library's public API.

mod cli;

/// mimalloc: a view is millions of small allocations and an answer
/// thousands; with glibc's allocator, opening, answering and exiting were
/// up to twice as slow (see BENCHMARKS.md). Built without transparent
/// huge pages (`no_thp`): with them every ingest took 90 MB resident
/// whatever the report's size (mimalloc's arenas in 2 MB pages), 60
/// without (issue 20, 3).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    ignore_file_size_signal();
    match cli::args::Cli::try_parse() {
        Ok(args) => cli::exit::finished(cli::run(args)),
        Err(e) => cli::exit::refused(&e),
    }
}

/// A write past the file-size limit (`ulimit -f`) raises SIGXFSZ, which
/// kills the process without a word by default. Ignored, the write fails
/// with EFBIG instead, and the store reports it like any failed write.
#[cfg(unix)]
fn ignore_file_size_signal() {
    // SAFETY: sets the disposition of one signal to "ignore" at start-up,
    // before any thread exists; no handler runs, no Rust state is touched.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}

#[cfg(not(unix))]
fn ignore_file_size_signal() {}
