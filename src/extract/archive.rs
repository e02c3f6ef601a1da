//! Archives other than zip: 7z, RAR (v4 and v5), tar, and single files compressed with gzip,
//! bzip2 or xz, read through Debian's libarchive (`compress-tools`). Members are expanded under
//! the same per-message [`Budget`] as zip members (depth, members, bytes, and a ratio to the
//! archive's own size, since 7z and RAR do not say what each member packs to); an archive that
//! cannot be opened, or an encrypted member, is a reported problem, never a silent pass.

use super::{Budget, ExtractProblem};
use compress_tools::{ArchiveContents, ArchiveIteratorBuilder};
use std::io::Cursor;

/// The archive formats read here, by their first bytes.
pub fn is_other_archive(head: &[u8]) -> bool {
    head.starts_with(b"7z\xBC\xAF\x27\x1C")
        || head.starts_with(b"Rar!\x1A\x07")
        || head.starts_with(b"\x1F\x8B")
        || head.starts_with(b"BZh")
        || head.starts_with(b"\xFD7zXZ\x00")
        || head.get(257..262) == Some(b"ustar")
}

/// Names as stored: UTF-8 when they are, else each byte as Latin-1 (never a failure).
fn lossy_name(bytes: &[u8]) -> compress_tools::Result<String> {
    Ok(match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => bytes.iter().map(|&b| b as char).collect(),
    })
}

/// Calls `visit(path, member_name, bytes)` for each file in the archive `data` (named `name`,
/// at nesting `depth`), without descending into inner archives. What is expanded counts
/// against the budget.
pub fn for_each_member(
    data: &[u8],
    name: &str,
    depth: usize,
    budget: &mut Budget,
    problems: &mut Vec<ExtractProblem>,
    visit: &mut dyn FnMut(&str, &str, &[u8]),
) {
    if depth > budget.max_depth {
        problems.push(ExtractProblem::TooDeep(name.to_owned()));
        return;
    }
    super::zip::opened();
    // A single compressed file (gz, bz2, xz) is one member named after the archive.
    let single =
        data.starts_with(b"\x1F\x8B") || data.starts_with(b"BZh") || data.starts_with(b"\xFD7zXZ\x00");
    // compress-tools' iterator reads a member's name without checking that libarchive gave one
    // (it gives none when the name cannot be converted; found by fuzzing: a crash, SIGSEGV).
    // Its listing checks: the names are listed first, both in a UTF-8 locale (so Vietnamese
    // names convert the same way each time), and an archive with a nameless member is unreadable.
    let _locale = Utf8Locale::new();
    if let Err(e) = compress_tools::list_archive_entries(Cursor::new(data))
        && e.to_string().contains("unreadable filename")
    {
        problems.push(unreadable(name.to_owned(), &e.to_string()));
        return;
    }
    let iter = ArchiveIteratorBuilder::new(Cursor::new(data))
        .decoder(lossy_name)
        .raw_format(single)
        .mtree_format(false)
        .build();
    let iter = match iter {
        Ok(i) => i,
        Err(e) => {
            problems.push(unreadable(name.to_owned(), &e.to_string()));
            return;
        }
    };
    // Everything this archive expands to, against its own size (a 7z or RAR member's packed size
    // is not known apart).
    let ratio_cap = (data.len() as u64)
        .saturating_mul(budget.max_ratio)
        .max(64 * 1024);
    let mut expanded = 0u64;
    let mut current: Option<(String, String, Vec<u8>)> = None;
    let mut skipping = false;
    let mut entries = 0usize;
    for content in iter {
        match content {
            ArchiveContents::StartOfEntry(entry, stat) => {
                skipping = false;
                entries += 1;
                if stat.st_mode & libc::S_IFMT == libc::S_IFDIR || entry.ends_with('/') {
                    skipping = true;
                    continue;
                }
                if budget.members_left == 0 {
                    problems.push(ExtractProblem::TooManyMembers(name.to_owned()));
                    return;
                }
                budget.members_left -= 1;
                let member = if single && entry == "data" {
                    name.rsplit(['/', '>', '"'])
                        .find(|s| !s.trim().is_empty())
                        .map_or("data".to_owned(), |n| {
                            let n = n.trim();
                            n.rsplit_once('.').map_or(n, |(stem, _)| stem).to_owned()
                        })
                } else {
                    entry
                };
                current = Some((format!("{name} > {member}"), member, Vec::new()));
            }
            ArchiveContents::DataChunk(chunk) => {
                if skipping {
                    continue;
                }
                let Some((path, _, bytes)) = current.as_mut() else {
                    continue;
                };
                expanded += chunk.len() as u64;
                if bytes.len() as u64 + chunk.len() as u64 > budget.bytes_left {
                    problems.push(ExtractProblem::TooLarge(path.clone()));
                    budget.bytes_left = 0;
                    return;
                }
                if expanded > ratio_cap {
                    problems.push(ExtractProblem::Bomb(path.clone(), budget.max_ratio));
                    return;
                }
                bytes.extend_from_slice(&chunk);
            }
            ArchiveContents::EndOfEntry => {
                if let Some((path, member, bytes)) = current.take() {
                    budget.bytes_left -= bytes.len() as u64;
                    visit(&path, &member, &bytes);
                }
            }
            ArchiveContents::Err(e) => {
                let at = current.take().map_or_else(|| name.to_owned(), |c| c.0);
                problems.push(unreadable(at, &e.to_string()));
                return;
            }
        }
    }
    if entries == 0 {
        // A damaged archive can end without an error and without a member: not a pass.
        problems.push(ExtractProblem::Unreadable(
            name.to_owned(),
            "no member could be read".to_owned(),
        ));
    }
}

/// A problem from libarchive's words: encrypted content is told apart.
fn unreadable(path: String, why: &str) -> ExtractProblem {
    let lower = why.to_ascii_lowercase();
    if lower.contains("encrypt") || lower.contains("passphrase") || lower.contains("password") {
        ExtractProblem::Encrypted(path)
    } else {
        ExtractProblem::Unreadable(path, why.trim().to_owned())
    }
}

/// A UTF-8 character-type locale for this thread while it lives (`uselocale`, per thread), as
/// compress-tools' listing uses: libarchive converts member names through the current locale,
/// and a Rust process runs in the C locale.
struct Utf8Locale {
    new: libc::locale_t,
    old: libc::locale_t,
}

impl Utf8Locale {
    fn new() -> Option<Utf8Locale> {
        // SAFETY: newlocale with a valid C string; uselocale on this thread only; freed in drop.
        unsafe {
            let new = libc::newlocale(libc::LC_CTYPE_MASK, c"C.UTF-8".as_ptr(), std::ptr::null_mut());
            if new.is_null() {
                return None;
            }
            let old = libc::uselocale(new);
            Some(Utf8Locale { new, old })
        }
    }
}

impl Drop for Utf8Locale {
    fn drop(&mut self) {
        // SAFETY: restores the thread's previous locale, then frees the one made in `new`.
        unsafe {
            libc::uselocale(self.old);
            libc::freelocale(self.new);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn budget() -> Budget {
        Budget::new(&crate::config::LimitsConfig::default())
    }

    #[test]
    fn a_member_libarchive_cannot_name_is_unreadable_not_a_crash() {
        // Found by the zip fuzz target: compress-tools' iterator crashed (SIGSEGV) on it.
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fuzz/regressions/zip/member-without-a-name-libarchive-null-pathname");
        let data = std::fs::read(path).expect("regression input");
        let mut problems = Vec::new();
        for_each_member(&data, "x.zip", 0, &mut budget(), &mut problems, &mut |_, _, _| {});
        assert!(!problems.is_empty());
    }

    fn members(data: &[u8], name: &str) -> (Vec<(String, Vec<u8>)>, Vec<ExtractProblem>) {
        let mut seen = Vec::new();
        let mut problems = Vec::new();
        for_each_member(data, name, 1, &mut budget(), &mut problems, &mut |p, _, d| {
            seen.push((p.to_owned(), d.to_vec()))
        });
        (seen, problems)
    }

    #[test]
    fn a_gzip_file_is_one_member_named_after_it() {
        let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        std::io::Write::write_all(&mut z, b"TOI MAT").expect("gz");
        let gz = z.finish().expect("gz");
        assert!(is_other_archive(&gz));
        let (seen, problems) = members(&gz, "part 2 \"bao-cao.txt.gz\"");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            seen,
            [(
                "part 2 \"bao-cao.txt.gz\" > bao-cao.txt".to_owned(),
                b"TOI MAT".to_vec()
            )]
        );
    }

    #[test]
    fn garbage_and_bombs_are_problems_not_panics() {
        let (seen, problems) = members(b"7z\xBC\xAF\x27\x1Cgarbage", "x.7z");
        assert!(seen.is_empty());
        assert!(
            matches!(problems.as_slice(), [ExtractProblem::Unreadable(..)]),
            "{problems:?}"
        );
        let zeros = vec![b'A'; 64 << 20];
        let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        std::io::Write::write_all(&mut z, &zeros).expect("gz");
        let gz = z.finish().expect("gz");
        let (seen, problems) = members(&gz, "zeros.gz");
        assert!(seen.is_empty());
        assert!(
            matches!(
                problems.as_slice(),
                [ExtractProblem::Bomb(..) | ExtractProblem::TooLarge(_)]
            ),
            "{problems:?}"
        );
    }
}
