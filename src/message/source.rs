//! Reading messages from files for `canhgac scan`: single `.eml` files, directories of them
//! (walked in name order), and mbox files (split on `From ` lines).

use std::io;
use std::path::{Path, PathBuf};

/// One message read from disk, named by file (and `#N` inside an mbox holding several).
pub struct SourceMessage {
    pub name: String,
    pub raw: Vec<u8>,
}

/// A path that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{}: {source}", path.display())]
pub struct SourceError {
    pub path: PathBuf,
    #[source]
    pub source: io::Error,
}

/// Lists the files under `path` (itself if a file), sorted, following no symlinked directories.
pub fn files(path: &Path) -> Result<Vec<PathBuf>, SourceError> {
    let err = |source| SourceError {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(err)?;
    if !meta.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut out = Vec::new();
    let mut stack = vec![path.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let rd = std::fs::read_dir(&dir).map_err(|source| SourceError {
            path: dir.clone(),
            source,
        })?;
        for entry in rd {
            let entry = entry.map_err(|source| SourceError {
                path: dir.clone(),
                source,
            })?;
            let p = entry.path();
            let ft = entry.file_type().map_err(|source| SourceError {
                path: p.clone(),
                source,
            })?;
            if ft.is_dir() {
                stack.push(p);
            } else if ft.is_file() || ft.is_symlink() {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Reads one file as one or more messages.
pub fn read_messages(path: &Path) -> Result<Vec<SourceMessage>, SourceError> {
    let raw = std::fs::read(path).map_err(|source| SourceError {
        path: path.to_path_buf(),
        source,
    })?;
    let name = path.display().to_string();
    let msgs = split_mbox(&raw);
    if msgs.len() <= 1 {
        let body = msgs.into_iter().next().map_or(raw.clone(), |m| m.to_vec());
        return Ok(vec![SourceMessage { name, raw: body }]);
    }
    Ok(msgs
        .into_iter()
        .enumerate()
        .map(|(i, m)| SourceMessage {
            name: format!("{name}#{}", i + 1),
            raw: m.to_vec(),
        })
        .collect())
}

/// Every message of a file, directory or mbox (as [`files`] lists them), or the first error.
pub fn all_messages(path: &Path) -> Result<Vec<SourceMessage>, SourceError> {
    let mut out = Vec::new();
    for f in files(path)? {
        out.extend(read_messages(&f)?);
    }
    Ok(out)
}

/// Splits mbox data into messages (the `From ` separator lines removed). Data that does not
/// start with `From ` is one message, returned whole.
pub fn split_mbox(data: &[u8]) -> Vec<&[u8]> {
    if !data.starts_with(b"From ") {
        return vec![data];
    }
    let mut starts = vec![0usize];
    let mut i = 0;
    while let Some(p) = find(&data[i..], b"\nFrom ") {
        let at = i + p + 1;
        // A separator follows an empty line (mboxo/mboxrd writers put one before each).
        let blank_before =
            at >= 2 && (data[at - 2] == b'\n' || (at >= 3 && &data[at - 3..at - 1] == b"\n\r"));
        if blank_before {
            starts.push(at);
        }
        i = at;
    }
    let mut out = Vec::with_capacity(starts.len());
    for (k, &s) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(data.len());
        let chunk = &data[s..end];
        // Drop the separator line itself.
        let body = match chunk.iter().position(|&b| b == b'\n') {
            Some(nl) => &chunk[nl + 1..],
            None => &[][..],
        };
        out.push(body);
    }
    out
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_message_is_one() {
        assert_eq!(split_mbox(b"Subject: x\n\nbody\n").len(), 1);
    }

    #[test]
    fn mbox_splits_on_from_lines_after_blank_lines() {
        let mbox = b"From a@b Mon Jan 1 00:00:00 2024\nSubject: one\n\n>From here on, text\nFrom the start of a line\n\nFrom c@d Mon Jan 1 00:00:00 2024\nSubject: two\n\nbody\n";
        let m = split_mbox(mbox);
        assert_eq!(m.len(), 2);
        assert!(m[0].starts_with(b"Subject: one"));
        assert!(m[0].ends_with(b"From the start of a line\n\n"));
        assert!(m[1].starts_with(b"Subject: two"));
    }
}
