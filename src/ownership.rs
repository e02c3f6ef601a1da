//! Files that an administrator's command run as root creates in the gateway's directories (the
//! quarantine store, the token database) are given to the owner of their directory, the
//! gateway's account, so the service never finds its own files read-only.

use std::path::PathBuf;

/// Run as root (an administrator's `canhgac user add` on a server), the store's files that
/// root created or touched in a directory belonging to the gateway's account are given to that
/// account, so the service never finds its own store read-only (`451 4.3.0` on every hold).
pub fn give_to_directory_owner(files: &[PathBuf]) {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid has no preconditions and cannot fail.
    if unsafe { libc::geteuid() } != 0 {
        return;
    }
    for f in files {
        let Some(dir) = f.parent().and_then(|d| std::fs::metadata(d).ok()) else {
            continue;
        };
        if dir.uid() == 0 {
            continue;
        }
        if std::fs::metadata(f).is_ok_and(|m| m.uid() == 0)
            && let Err(e) = std::os::unix::fs::chown(f, Some(dir.uid()), Some(dir.gid()))
        {
            tracing::warn!(file = %f.display(), "cannot give the file to the store directory's owner: {e}");
        }
    }
}
