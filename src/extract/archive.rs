//! Archives other than zip: 7z, RAR (v4 and v5), tar, ISO 9660 disk images (.iso, as burnt to a
//! CD or mailed as a folder), Windows cabinets (.cab), and single files compressed with gzip,
//! bzip2, xz, zstd, LZ4 or lzip, read through Debian's libarchive (a small checked binding of
//! our own). Members are expanded under the same per-message [`Budget`] as zip members (depth,
//! members, bytes, and a ratio to the archive's own size, since 7z and RAR do not say what each
//! member packs to); an archive that cannot be opened, or an encrypted member, is a reported
//! problem, never a silent pass.
//! Outlook's `winmail.dat` (TNEF) is opened here too, by [`super::tnef`].

use super::{Budget, ExtractProblem};

/// The archive formats read here, by their first bytes (TNEF among them; a disk image by its
/// volume descriptor, 32 KiB in: given fewer bytes, it is not one).
pub fn is_other_archive(head: &[u8]) -> bool {
    head.starts_with(b"7z\xBC\xAF\x27\x1C")
        || head.starts_with(b"MSCF\0\0\0\0")
        || head.get(ISO_DESCRIPTOR..ISO_DESCRIPTOR + 5) == Some(b"CD001")
        || head.starts_with(b"Rar!\x1A\x07")
        || is_compressed(head)
        || head.get(257..262) == Some(b"ustar")
        || super::tnef::is_tnef(head)
}

/// A single file compressed by gzip, bzip2, xz, zstd (Facebook's, the default of newer tools
/// and of `tar --zstd`), LZ4 (its frame format) or lzip, by their magic numbers: libarchive
/// reads each as one stream.
fn is_compressed(head: &[u8]) -> bool {
    head.starts_with(b"\x1F\x8B")
        || head.starts_with(b"BZh")
        || head.starts_with(b"\xFD7zXZ\x00")
        || head.starts_with(b"\x28\xB5\x2F\xFD")
        || head.starts_with(b"\x04\x22\x4D\x18")
        || head.starts_with(b"LZIP\x01")
}

/// Where an ISO 9660 image's first volume descriptor says `CD001` (after 32 KiB of system area).
const ISO_DESCRIPTOR: usize = 0x8001;

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
    // Outlook's winmail.dat is opened like an archive, by a reader of its own.
    if super::tnef::is_tnef(data) {
        return super::tnef::for_each_member(data, name, depth, budget, problems, visit);
    }
    if budget.too_deep(name, depth, problems) {
        return;
    }
    super::zip::opened();
    // A single compressed file is one member named after the archive.
    let single = is_compressed(data);
    // libarchive through a small binding of our own (below): compress-tools' iterator reads a
    // member's name without checking that libarchive gave one, which it does not when the name
    // cannot be converted (found twice by fuzzing: SIGSEGV). Names are converted in a UTF-8
    // locale (Vietnamese names), and only the formats read here are enabled: 7z, RAR 4 and 5,
    // tar, ISO 9660, cabinets, and the raw stream of a single compressed file (never mtree,
    // which reads the machine's own files, nor zip, read by the zip reader).
    let _locale = Utf8Locale::new();
    let Some(mut reader) = lib::Reader::open(data, single) else {
        problems.push(unreadable(name.to_owned(), "libarchive cannot open it"));
        return;
    };
    // Everything this archive expands to, against its own size (a 7z or RAR member's packed size
    // is not known apart).
    let ratio_cap = (data.len() as u64)
        .saturating_mul(budget.max_ratio)
        .max(64 * 1024);
    let mut expanded = 0u64;
    let mut entries = 0usize;
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        let entry = match reader.next_entry() {
            lib::Next::End => break,
            lib::Next::Error(why) => {
                problems.push(unreadable(name.to_owned(), &why));
                return;
            }
            lib::Next::Entry(e) => e,
        };
        entries += 1;
        let Some(entry_name) = entry.name else {
            problems.push(ExtractProblem::Unreadable(
                name.to_owned(),
                "a member whose name cannot be read".to_owned(),
            ));
            return;
        };
        // Directories count as members too: an archive of a million empty directories costs
        // a walk of a million headers otherwise.
        if budget.members_left == 0 {
            problems.push(ExtractProblem::TooManyMembers(name.to_owned()));
            return;
        }
        budget.members_left -= 1;
        if entry.is_dir || entry_name.ends_with('/') {
            continue;
        }
        let member = if single && entry_name == "data" {
            name.rsplit(['/', '>', '"'])
                .find(|s| !s.trim().is_empty())
                .map_or("data".to_owned(), |n| {
                    let n = n.trim();
                    n.rsplit_once('.').map_or(n, |(stem, _)| stem).to_owned()
                })
        } else {
            entry_name
        };
        let path = format!("{name} > {member}");
        let mut bytes = Vec::new();
        loop {
            let n = match reader.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => n,
                Err(why) => {
                    problems.push(unreadable(path, &why));
                    return;
                }
            };
            expanded += n as u64;
            if bytes.len() as u64 + n as u64 > budget.bytes_left {
                problems.push(ExtractProblem::TooLarge(path));
                budget.bytes_left = 0;
                return;
            }
            if expanded > ratio_cap {
                problems.push(ExtractProblem::Bomb(path, budget.max_ratio));
                return;
            }
            bytes.extend_from_slice(&chunk[..n]);
        }
        budget.bytes_left -= bytes.len() as u64;
        visit(&path, &member, &bytes);
    }
    if entries == 0 {
        // A damaged archive can end without an error and without a member: not a pass.
        problems.push(ExtractProblem::Unreadable(
            name.to_owned(),
            "no member could be read".to_owned(),
        ));
    }
}

/// The few libarchive calls the reader needs, each result checked (names may be NULL, errors
/// have no message), the archive freed on drop.
mod lib {
    use std::ffi::{CStr, c_char, c_int, c_void};

    #[repr(C)]
    struct Archive {
        _opaque: [u8; 0],
    }
    #[repr(C)]
    struct Entry {
        _opaque: [u8; 0],
    }

    const ARCHIVE_EOF: c_int = 1;
    const ARCHIVE_OK: c_int = 0;
    const ARCHIVE_WARN: c_int = -20;
    const AE_IFMT: u32 = 0o170000;
    const AE_IFDIR: u32 = 0o040000;

    #[link(name = "archive")]
    unsafe extern "C" {
        fn archive_read_new() -> *mut Archive;
        fn archive_read_support_filter_all(a: *mut Archive) -> c_int;
        fn archive_read_support_format_7zip(a: *mut Archive) -> c_int;
        fn archive_read_support_format_rar(a: *mut Archive) -> c_int;
        fn archive_read_support_format_rar5(a: *mut Archive) -> c_int;
        fn archive_read_support_format_tar(a: *mut Archive) -> c_int;
        fn archive_read_support_format_iso9660(a: *mut Archive) -> c_int;
        fn archive_read_support_format_cab(a: *mut Archive) -> c_int;
        fn archive_read_support_format_raw(a: *mut Archive) -> c_int;
        fn archive_read_open_memory(a: *mut Archive, buf: *const c_void, size: usize) -> c_int;
        fn archive_read_next_header(a: *mut Archive, entry: *mut *mut Entry) -> c_int;
        fn archive_entry_pathname(e: *mut Entry) -> *const c_char;
        fn archive_entry_pathname_utf8(e: *mut Entry) -> *const c_char;
        fn archive_entry_filetype(e: *mut Entry) -> u32;
        fn archive_read_data(a: *mut Archive, buf: *mut c_void, size: usize) -> isize;
        fn archive_error_string(a: *mut Archive) -> *const c_char;
        fn archive_read_free(a: *mut Archive) -> c_int;
    }

    /// An archive being read from memory it borrows.
    pub struct Reader<'a> {
        a: *mut Archive,
        _data: std::marker::PhantomData<&'a [u8]>,
    }

    /// A member's header.
    pub struct EntryInfo {
        /// None when libarchive could not give one.
        pub name: Option<String>,
        pub is_dir: bool,
    }

    pub enum Next {
        Entry(EntryInfo),
        End,
        Error(String),
    }

    /// Names as stored: UTF-8 when they are, else each byte as Latin-1 (never a failure).
    fn lossy(bytes: &[u8]) -> String {
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_owned(),
            Err(_) => bytes.iter().map(|&b| b as char).collect(),
        }
    }

    impl<'a> Reader<'a> {
        /// Opens `data` (`single`: one compressed stream, read raw); None when libarchive
        /// cannot allocate or recognise it.
        pub fn open(data: &'a [u8], single: bool) -> Option<Reader<'a>> {
            // SAFETY: a new archive handle, configured and opened on memory that outlives the
            // reader (the lifetime 'a); freed in drop, also when opening fails.
            unsafe {
                let a = archive_read_new();
                if a.is_null() {
                    return None;
                }
                let reader = Reader {
                    a,
                    _data: std::marker::PhantomData,
                };
                archive_read_support_filter_all(a);
                if single {
                    archive_read_support_format_raw(a);
                } else {
                    archive_read_support_format_7zip(a);
                    archive_read_support_format_rar(a);
                    archive_read_support_format_rar5(a);
                    archive_read_support_format_tar(a);
                    archive_read_support_format_iso9660(a);
                    archive_read_support_format_cab(a);
                }
                if archive_read_open_memory(a, data.as_ptr().cast(), data.len()) != ARCHIVE_OK {
                    return None;
                }
                Some(reader)
            }
        }

        fn error(&self) -> String {
            // SAFETY: the handle is live; the message, when there is one, is a C string owned
            // by libarchive until the next call.
            unsafe {
                let p = archive_error_string(self.a);
                if p.is_null() {
                    "libarchive gave no reason".to_owned()
                } else {
                    lossy(CStr::from_ptr(p).to_bytes())
                }
            }
        }

        /// The next member's header (its data left to [`Reader::read`]).
        pub fn next_entry(&mut self) -> Next {
            let mut e: *mut Entry = std::ptr::null_mut();
            // SAFETY: the handle is live; the entry belongs to it and is read before the next
            // call; every pointer is checked before use.
            unsafe {
                match archive_read_next_header(self.a, &mut e) {
                    ARCHIVE_EOF => Next::End,
                    ARCHIVE_OK | ARCHIVE_WARN if !e.is_null() => {
                        let mut p = archive_entry_pathname(e);
                        if p.is_null() {
                            p = archive_entry_pathname_utf8(e);
                        }
                        let name = (!p.is_null()).then(|| lossy(CStr::from_ptr(p).to_bytes()));
                        Next::Entry(EntryInfo {
                            name,
                            is_dir: archive_entry_filetype(e) & AE_IFMT == AE_IFDIR,
                        })
                    }
                    _ => Next::Error(self.error()),
                }
            }
        }

        /// Reads the current member's next bytes into `buf`; 0 at its end.
        pub fn read(&mut self, buf: &mut [u8]) -> Result<usize, String> {
            // SAFETY: the handle is live and `buf` is valid for its length.
            let n = unsafe { archive_read_data(self.a, buf.as_mut_ptr().cast(), buf.len()) };
            usize::try_from(n).map_err(|_| self.error())
        }
    }

    impl Drop for Reader<'_> {
        fn drop(&mut self) {
            // SAFETY: frees the handle made in `open`, once.
            unsafe {
                archive_read_free(self.a);
            }
        }
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

    #[test]
    fn junk_before_a_zip_is_unreadable_not_a_crash() {
        // Found by the zip fuzz target: libarchive's zip reader found the central directory
        // behind the junk and gave a member no name; compress-tools' iterator crashed on it.
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fuzz/regressions/zip/junk-before-a-zip-libarchive-null-pathname");
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

    /// An ISO 9660 disk image (known by its volume descriptor 32 KiB in, not its first bytes) and
    /// a Windows cabinet give their files, by their names.
    #[test]
    fn disk_images_and_cabinets_give_their_files() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/sources");
        for (file, member, text) in [
            ("ho-so.iso", "ke-hoach.txt", "TỐI MẬT"),
            ("bang-ke.cab", "bang-ke.txt", "MẬT"),
        ] {
            let data = std::fs::read(dir.join(file)).expect("fixture");
            assert!(is_other_archive(&data), "{file}");
            let (seen, problems) = members(&data, file);
            assert!(problems.is_empty(), "{file}: {problems:?}");
            let found = seen.iter().find(|(p, _)| p.ends_with(member)).expect(member);
            assert!(String::from_utf8_lossy(&found.1).contains(text), "{file}");
        }
        // The head alone (1 KiB) does not say an image is one.
        let iso = std::fs::read(dir.join("ho-so.iso")).expect("fixture");
        assert!(!is_other_archive(&iso[..1024]));
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

    /// zstd, LZ4 and lzip files (each `UBND\nTỐI MẬT\nKế hoạch\n` as `zstd`, `lz4` and `lzip`
    /// 1.23 wrote it) are single files too: they were not taken for archives before.
    #[test]
    fn zstd_lz4_and_lzip_files_are_one_member_each() {
        let zst: &[u8] = b"\x28\xB5\x2F\xFD\x24\x1E\xF1\x00\x00\x55\x42\x4E\x44\x0A\x54\xE1\xBB\x90\x49\x20\x4D\xE1\xBA\xAC\x54\x0A\x4B\xE1\xBA\xBF\x20\x68\x6F\xE1\xBA\xA1\x63\x68\x0A\x7A\xBE\xEB\x04";
        let lz4: &[u8] = b"\x04\x22\x4D\x18\x64\x40\xA7\x1E\x00\x00\x80\x55\x42\x4E\x44\x0A\x54\xE1\xBB\x90\x49\x20\x4D\xE1\xBA\xAC\x54\x0A\x4B\xE1\xBA\xBF\x20\x68\x6F\xE1\xBA\xA1\x63\x68\x0A\x00\x00\x00\x00\xF3\xED\xEE\x76";
        let lz: &[u8] = b"\x4C\x5A\x49\x50\x01\x0C\x00\x2A\x90\x85\xFF\xAA\x18\xEB\x65\xE9\x93\x78\x91\xEF\xCB\xE7\xCB\x52\x36\x04\xEF\xA6\x6C\x0C\x2F\x0D\xF5\xFF\x33\xA6\x2D\xAA\x45\x6B\x12\xFF\xFF\xA6\xAD\x00\x00\xCC\x20\x3D\xA6\x1E\x00\x00\x00\x00\x00\x00\x00\x43\x00\x00\x00\x00\x00\x00\x00";
        for (name, data) in [("k.txt.zst", zst), ("k.txt.lz4", lz4), ("k.txt.lz", lz)] {
            assert!(is_other_archive(data), "{name}");
            let (seen, problems) = members(data, name);
            assert!(problems.is_empty(), "{name}: {problems:?}");
            assert_eq!(
                seen,
                [(
                    format!("{name} > k.txt"),
                    "UBND\nTỐI MẬT\nKế hoạch\n".as_bytes().to_vec()
                )],
                "{name}"
            );
        }
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
