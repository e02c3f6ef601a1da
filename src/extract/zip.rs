//! Zip archives (and zip-based formats: docx, xlsx, odt, jar…), walked recursively within a
//! [`Budget`]. [`Archives::expand`] opens every archive of a message once (zip here; 7z, RAR,
//! tar, gz, bz2 and xz through [`super::archive`]), within one budget for the whole message;
//! text extraction and YARA both read its members.

use super::mailfile::MailFile;
use super::{Budget, ExtractProblem, is_archive, is_zip};
use crate::config::LimitsConfig;
use crate::message::ParsedMessage;
use std::cell::Cell;
use std::io::{Cursor, Read};
use std::time::Instant;

thread_local! {
    /// Zip archives opened on this thread (the test that facts are derived once counts them).
    static OPENINGS: Cell<usize> = const { Cell::new(0) };
}

/// How many zip archives this thread has opened so far.
pub fn zip_openings() -> usize {
    OPENINGS.with(Cell::get)
}

pub(super) fn opened() {
    OPENINGS.with(|c| c.set(c.get() + 1));
}

/// One member of an archive attached to the message (or of an archive inside one).
#[derive(Debug, Clone)]
pub struct Member {
    /// The path of the archive it is in: an attachment's location, or a member's path.
    pub parent: String,
    /// Its name inside that archive.
    pub name: String,
    /// `PARENT > NAME`.
    pub path: String,
    pub data: Vec<u8>,
}

/// Every archive of a message expanded once, depth first, within one budget: what text
/// extraction and YARA read instead of opening the archives again. Messages attached as files
/// ([`super::mailfile`]) are opened here too: their attachments are members.
#[derive(Debug, Clone, Default)]
pub struct Archives {
    pub members: Vec<Member>,
    /// What could not be expanded (encrypted, too deep, too many, too large, bombs, damaged).
    pub problems: Vec<ExtractProblem>,
    /// The archives that were opened (their paths), whatever came of it.
    pub opened: Vec<String>,
    /// The budget left after the archives: later expansions (PDF streams) draw on it.
    pub budget: Option<Budget>,
}

impl Archives {
    /// Expands the zip attachments of `parsed` (and the zips inside them) within `limits`,
    /// stopping at `deadline`.
    pub fn expand(parsed: &ParsedMessage<'_>, limits: &LimitsConfig, deadline: Instant) -> Archives {
        let mut budget = Budget::new(limits);
        if !parsed.attachments.is_empty() {
            budget.passwords = super::passwords::Passwords::of_message(parsed);
        }
        let mut out = Archives::default();
        // What is still to open: an attachment's bytes, or a member already expanded (by its
        // index: each byte is held once).
        enum Source<'d> {
            Attachment(&'d [u8]),
            Member(usize),
        }
        // An archive, or a message attached as a file (its attachments are members too): what
        // to open, and how (`Some`: a message file; `None`: an archive).
        let opens = |name: &str, content_type: &str, data: &[u8]| -> Option<Option<MailFile>> {
            let mail = super::mailfile::kind(name, content_type, data);
            (mail.is_some() || is_archive(data)).then_some(mail)
        };
        let mut pending: Vec<(String, Source<'_>, usize, Option<MailFile>)> = Vec::new();
        for a in parsed.attachments.iter().rev() {
            let name = a.name.as_deref().unwrap_or("");
            if let Some(data) = parsed.content(a)
                && let Some(mail) = opens(name, &a.content_type, data)
            {
                pending.push((a.location.clone(), Source::Attachment(data), 1, mail));
            }
        }
        while let Some((path, source, depth, mail)) = pending.pop() {
            if Instant::now() > deadline {
                break;
            }
            out.opened.push(path.clone());
            let (data, lent) = match source {
                Source::Attachment(d) => (std::borrow::Cow::Borrowed(d), None),
                Source::Member(i) => (
                    std::borrow::Cow::Owned(std::mem::take(&mut out.members[i].data)),
                    Some(i),
                ),
            };
            let mut inner = Vec::new();
            let mut problems = Vec::new();
            let members = &mut out.members;
            let mut keep = |member_path: &str, name: &str, content: &[u8]| {
                if let Some(mail) = opens(name, "", content) {
                    inner.push((
                        member_path.to_owned(),
                        Source::Member(members.len()),
                        depth + 1,
                        mail,
                    ));
                }
                members.push(Member {
                    parent: path.clone(),
                    name: name.to_owned(),
                    path: member_path.to_owned(),
                    data: content.to_vec(),
                });
            };
            if mail == Some(MailFile::Mime) {
                super::mailfile::mime_members(
                    &data,
                    &path,
                    depth,
                    limits,
                    &mut budget,
                    &mut problems,
                    &mut keep,
                );
            } else if mail == Some(MailFile::Outlook) {
                super::mailfile::outlook_members(&data, &path, depth, &mut budget, &mut problems, &mut keep);
            } else if is_zip(&data) {
                for_each_member(
                    &data,
                    &path,
                    depth,
                    &mut budget,
                    &|_, _| true,
                    &mut problems,
                    &mut keep,
                );
            } else {
                super::archive::for_each_member(&data, &path, depth, &mut budget, &mut problems, &mut keep);
            }
            if let Some(i) = lent {
                out.members[i].data = data.into_owned();
            }
            out.problems.extend(problems);
            pending.extend(inner.into_iter().rev());
        }
        out.budget = Some(budget);
        out
    }

    /// Encrypted members opened with a password the message gives ([`super::passwords`]): they
    /// are read like the others, and clamd is given them apart (it sees them encrypted).
    pub fn decrypted(&self) -> &[super::passwords::Opened] {
        self.budget.as_ref().map_or(&[], |b| &b.passwords.opened)
    }

    /// The bytes of the members opened with a password, for clamd: (path, bytes).
    pub fn decrypted_members(&self) -> impl Iterator<Item = (&str, &[u8])> + '_ {
        self.decrypted().iter().filter_map(|o| {
            self.members
                .iter()
                .find(|m| m.path == o.path)
                .map(|m| (m.path.as_str(), m.data.as_slice()))
        })
    }

    /// Whether the archive at `path` was opened here.
    pub fn has(&self, path: &str) -> bool {
        self.opened.iter().any(|p| p == path)
    }

    /// The members directly in the archive at `path`.
    pub fn members_of<'s>(&'s self, path: &'s str) -> impl Iterator<Item = &'s Member> + 's {
        self.members.iter().filter(move |m| m.parent == path)
    }
}

/// Bytes of a member expanded before `want` sees them.
const HEAD: u64 = 4096;

/// Calls `visit(path, bytes, depth)` for every member of the zip `data` (named `name`), and of
/// the zips inside it, depth first. `depth` of the archive itself is 1. Returns what could not
/// be read.
pub fn walk_archive(
    data: &[u8],
    name: &str,
    budget: &mut Budget,
    visit: &mut dyn FnMut(&str, &[u8], usize),
) -> Vec<ExtractProblem> {
    let mut problems = Vec::new();
    walk(data, name, 1, budget, visit, &mut problems);
    problems
}

fn walk(
    data: &[u8],
    name: &str,
    depth: usize,
    budget: &mut Budget,
    visit: &mut dyn FnMut(&str, &[u8], usize),
    problems: &mut Vec<ExtractProblem>,
) {
    let mut inner = Vec::new();
    let mut keep = |path: &str, _: &str, content: &[u8]| {
        visit(path, content, depth);
        if is_archive(content) {
            inner.push((path.to_owned(), content.to_vec()));
        }
    };
    if is_zip(data) {
        for_each_member(data, name, depth, budget, &|_, _| true, problems, &mut keep);
    } else {
        super::archive::for_each_member(data, name, depth, budget, problems, &mut keep);
    }
    for (path, content) in inner {
        walk(&content, &path, depth + 1, budget, visit, problems);
    }
}

/// Calls `visit(path, member_name, bytes)` for each member of the zip `data` (named
/// `name`, at nesting `depth`) that `want` accepts, without descending into inner zips. `want`
/// is asked twice: with the member's name alone (`None`: declined members are not expanded at
/// all), then with its first 4 KiB (declined members are expanded no further). What is expanded
/// counts against the budget.
pub fn for_each_member(
    data: &[u8],
    name: &str,
    depth: usize,
    budget: &mut Budget,
    want: &dyn Fn(&str, Option<&[u8]>) -> bool,
    problems: &mut Vec<ExtractProblem>,
    visit: &mut dyn FnMut(&str, &str, &[u8]),
) {
    if budget.too_deep(name, depth, problems) {
        return;
    }
    opened();
    let mut archive = match zip::ZipArchive::new(Cursor::new(data)) {
        Ok(a) => a,
        Err(e) => {
            problems.push(ExtractProblem::Unreadable(name.to_owned(), e.to_string()));
            return;
        }
    };
    let mut passwords_failed = false;
    for i in 0..archive.len() {
        let raw_name = archive
            .name_for_index(i)
            .and_then(|r| r.ok())
            .map_or_else(|| format!("#{i}"), |n| n.into_owned());
        if raw_name.ends_with('/') || !want(&raw_name, None) {
            continue;
        }
        if budget.members_left == 0 {
            problems.push(ExtractProblem::TooManyMembers(name.to_owned()));
            return;
        }
        budget.members_left -= 1;
        let path = format!("{name} > {raw_name}");
        let encrypted = archive.by_index_data(i).is_ok_and(|e| e.encrypted());
        let content = if encrypted && passwords_failed {
            // No password the message gives opened an earlier member: one archive has one
            // password (trying them all on each member of a large one costs seconds of AES).
            problems.push(ExtractProblem::Encrypted(path));
            continue;
        } else if encrypted {
            // Read whole with a password the message gives, or held as encrypted.
            let cap = member_cap(
                archive.by_index_data(i).map_or(1, |e| e.compressed_size()),
                budget,
            );
            let opened = budget.passwords.open(&path, |password| {
                let file = archive.by_index_decrypt(i, password).ok()?;
                // A wrong password that passes ZipCrypto's one-byte check gives garbage the
                // inflater or the CRC at the end refuses.
                let mut content = Vec::new();
                file.take(cap.saturating_add(1)).read_to_end(&mut content).ok()?;
                Some((content, cap))
            });
            match opened {
                Some((content, cap)) => Ok((content, cap)),
                None => {
                    passwords_failed = true;
                    problems.push(ExtractProblem::Encrypted(path));
                    continue;
                }
            }
        } else {
            read_member(&mut archive, i, &path, &raw_name, budget, want)
        };
        let (content, cap) = match content {
            Ok(c) => c,
            Err(Some(problem)) => {
                problems.push(problem);
                continue;
            }
            Err(None) => continue,
        };
        let got = content.len() as u64;
        if got > cap {
            if cap == budget.bytes_left {
                problems.push(ExtractProblem::TooLarge(path));
                budget.bytes_left = 0;
                return;
            }
            problems.push(ExtractProblem::Bomb(path, budget.max_ratio));
            continue;
        }
        budget.bytes_left -= got;
        visit(&path, &raw_name, &content);
    }
}

/// What may be expanded of a member that packs to `compressed` bytes: the budget's bytes, and
/// the ratio to its packed size.
fn member_cap(compressed: u64, budget: &Budget) -> u64 {
    let ratio_cap = compressed.max(1).saturating_mul(budget.max_ratio).max(64 * 1024);
    budget.bytes_left.min(ratio_cap)
}

/// Member `i` (not encrypted) read up to its cap plus one byte (to notice excess), with the cap;
/// `Err(None)` when it is a directory or `want` declines it from its first bytes (those are
/// counted), `Err(Some(_))` when it cannot be read.
fn read_member(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    i: usize,
    path: &str,
    raw_name: &str,
    budget: &mut Budget,
    want: &dyn Fn(&str, Option<&[u8]>) -> bool,
) -> Result<(Vec<u8>, u64), Option<ExtractProblem>> {
    let mut file = match archive.by_index(i) {
        Ok(f) => f,
        Err(e) => {
            let why = e.to_string();
            let lower = why.to_ascii_lowercase();
            return Err(Some(if lower.contains("password") || lower.contains("encrypt") {
                ExtractProblem::Encrypted(path.to_owned())
            } else {
                ExtractProblem::Unreadable(path.to_owned(), why)
            }));
        }
    };
    if file.is_dir() {
        return Err(None);
    }
    let cap = member_cap(file.compressed_size(), budget);
    let mut content = Vec::with_capacity(file.size().min(cap).min(16 * 1024 * 1024) as usize);
    // The first bytes first: `want` may decline the member from them, before the rest is
    // expanded.
    let head = HEAD.min(cap.saturating_add(1));
    if let Err(e) = (&mut file).take(head).read_to_end(&mut content) {
        return Err(Some(ExtractProblem::Unreadable(path.to_owned(), e.to_string())));
    }
    if content.len() as u64 <= cap && !want(raw_name, Some(&content)) {
        budget.bytes_left -= content.len() as u64;
        return Err(None);
    }
    let rest = cap.saturating_add(1).saturating_sub(content.len() as u64);
    if let Err(e) = (&mut file).take(rest).read_to_end(&mut content) {
        return Err(Some(ExtractProblem::Unreadable(path.to_owned(), e.to_string())));
    }
    Ok((content, cap))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mime_out::zip_of;

    fn budget() -> Budget {
        Budget::new(&crate::config::LimitsConfig::default())
    }

    #[test]
    fn nested_members_are_visited_with_paths() {
        let inner = zip_of(&[("b.txt", b"inner")]);
        let outer = zip_of(&[("a.txt", b"outer"), ("in.zip", &inner)]);
        let mut seen = Vec::new();
        let p = walk_archive(&outer, "x.zip", &mut budget(), &mut |path, data, depth| {
            seen.push((path.to_owned(), data.to_vec(), depth))
        });
        assert!(p.is_empty(), "{p:?}");
        assert!(
            seen.contains(&("x.zip > a.txt".into(), b"outer".to_vec(), 1)),
            "{seen:?}"
        );
        assert!(
            seen.contains(&("x.zip > in.zip > b.txt".into(), b"inner".to_vec(), 2)),
            "{seen:?}"
        );
    }

    #[test]
    fn bomb_is_reported_not_expanded() {
        let zeros = vec![0u8; 50 * 1024 * 1024];
        let z = zip_of(&[("zeros.bin", &zeros)]);
        assert!(z.len() < 200 * 1024);
        let mut total = 0;
        let p = walk_archive(&z, "bomb.zip", &mut budget(), &mut |_, d, _| total += d.len());
        assert_eq!(total, 0);
        assert!(
            matches!(p.as_slice(), [ExtractProblem::Bomb(_, r)] if *r == 200),
            "{p:?}"
        );
    }

    #[test]
    fn depth_and_member_limits() {
        let mut z = zip_of(&[("core.txt", b"x")]);
        for i in 0..6 {
            z = zip_of(&[(&format!("level{i}.zip"), &z)]);
        }
        let p = walk_archive(&z, "deep.zip", &mut budget(), &mut |_, _, _| {});
        assert!(p.iter().any(|p| matches!(p, ExtractProblem::TooDeep(_))), "{p:?}");
        let many: Vec<(String, Vec<u8>)> = (0..1500).map(|i| (format!("f{i}"), vec![b'x'])).collect();
        let refs: Vec<(&str, &[u8])> = many.iter().map(|(n, d)| (n.as_str(), d.as_slice())).collect();
        let z = zip_of(&refs);
        let mut n = 0;
        let p = walk_archive(&z, "many.zip", &mut budget(), &mut |_, _, _| n += 1);
        assert_eq!(n, 1000);
        assert!(
            p.iter().any(|p| matches!(p, ExtractProblem::TooManyMembers(_))),
            "{p:?}"
        );
    }

    /// (path, bytes) of each member read.
    type Read = Vec<(String, Vec<u8>)>;

    /// The members of `zip` read with the passwords `text` gives, and the problems.
    fn opened_with(zip: &[u8], text: &str) -> (Read, Vec<ExtractProblem>, Budget) {
        let mut b = budget();
        b.passwords = super::super::passwords::Passwords::of_text(text.to_owned());
        let mut got = Vec::new();
        let mut problems = Vec::new();
        for_each_member(
            zip,
            "a.zip",
            1,
            &mut b,
            &|_, _| true,
            &mut problems,
            &mut |p, _, d| got.push((p.to_owned(), d.to_vec())),
        );
        (got, problems, b)
    }

    #[test]
    fn an_encrypted_member_is_opened_with_the_password_the_message_gives() {
        let doc = "QUYẾT ĐỊNH TỐI MẬT".as_bytes();
        for zip in [
            crate::mime_out::zipcrypto_of(&[("qd.txt", doc), ("b.txt", b"second")], b"LD@2026"),
            crate::mime_out::zip_aes_of(&[("qd.txt", doc), ("b.txt", b"second")], "LD@2026"),
        ] {
            let (got, problems, b) = opened_with(&zip, "Gửi anh. Mật khẩu giải nén: LD@2026.\nTrân trọng");
            assert!(problems.is_empty(), "{problems:?}");
            assert_eq!(got[0], ("a.zip > qd.txt".to_owned(), doc.to_vec()));
            assert_eq!(got[1].1, b"second");
            assert_eq!(b.passwords.opened.len(), 2);
            assert_eq!(b.passwords.opened[0].password, "LD@2026");
            // Without it (or with a wrong one) the member stays encrypted, and is said to be.
            for text in ["Mật khẩu: 123456", ""] {
                let (got, problems, _) = opened_with(&zip, text);
                assert!(got.is_empty());
                assert!(
                    matches!(&problems[..], [ExtractProblem::Encrypted(p), _] if p == "a.zip > qd.txt"),
                    "{problems:?}"
                );
            }
        }
    }

    #[test]
    fn an_archive_whose_first_member_no_password_opens_is_not_tried_member_by_member() {
        let members: Vec<(String, Vec<u8>)> =
            (0..20).map(|i| (format!("f{i}.txt"), vec![b'x'; 10])).collect();
        let refs: Vec<(&str, &[u8])> = members.iter().map(|(n, d)| (n.as_str(), d.as_slice())).collect();
        let zip = crate::mime_out::zip_aes_of(&refs, "right");
        let (got, problems, b) = opened_with(&zip, "Mật khẩu: wrong1 wrong2");
        assert!(got.is_empty());
        assert_eq!(problems.len(), 20, "{problems:?}");
        assert_eq!(
            b.passwords.tries(),
            b.passwords.candidates().len(),
            "one round of candidates, not twenty"
        );
    }

    #[test]
    fn garbage_is_unreadable_not_a_panic() {
        let p = walk_archive(b"PK\x03\x04garbage", "bad.zip", &mut budget(), &mut |_, _, _| {});
        assert!(matches!(p.as_slice(), [ExtractProblem::Unreadable(..)]), "{p:?}");
    }
}
