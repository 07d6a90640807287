//! A real full disk for the tests: a small tmpfs mounted by the test (root
//! or CAP_SYS_ADMIN needed; elsewhere the caller prints `SKIPPED: ...` and
//! passes), grown or filled to the last byte on demand.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Whether the tests run as root (who may mount, and whom permission
/// bits do not stop).
pub fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .map(|l| l.split_whitespace().nth(1) == Some("0"))
        })
        .unwrap_or(false)
}

/// A mount made for one test (a small tmpfs, or a read-only bind mount),
/// unmounted when dropped.
pub struct Mount {
    pub dir: PathBuf,
}

impl Mount {
    /// Mount one, or say why not and return `None` (the test then skips).
    pub fn tmpfs(dir: &Path, size: &str, test: &str) -> Option<Mount> {
        std::fs::create_dir_all(dir).unwrap();
        let why = match Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .output()
        {
            Ok(o) if o.status.success() => {
                return Some(Mount {
                    dir: dir.to_path_buf(),
                })
            }
            Ok(o) => String::from_utf8_lossy(&o.stderr).trim().to_string(),
            Err(e) => e.to_string(),
        };
        eprintln!(
            "SKIPPED {test}: cannot mount a {size} tmpfs to fill ({why}); run the tests as root to exercise a full disk"
        );
        None
    }

    pub fn resize(&self, size: &str) {
        let ok = Command::new("mount")
            .args(["-o", &format!("remount,size={size}")])
            .arg(&self.dir)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "remount the tmpfs with {size}");
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.dir).status();
    }
}

/// Fill the file system holding `dir` with one file, to the last byte.
pub fn fill(dir: &Path) -> PathBuf {
    let path = dir.join("relleno");
    let mut f = std::fs::File::create(&path).unwrap();
    let chunk = vec![b'x'; 4096];
    while f.write_all(&chunk).is_ok() {}
    while f.write_all(b"x").is_ok() {}
    path
}
