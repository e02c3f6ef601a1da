//! Text from every part of a message, each piece remembering where it came from: subjects,
//! text and HTML bodies, and attachments (Office, OpenDocument, PDF, RTF, HTML, plain text),
//! inside zip archives and forwarded messages, recursively. Everything is normalised to NFC
//! Vietnamese (legacy TCVN3/VNI decoded). Bounded by the archive [`Budget`], a limit on text per
//! message and one deadline for the whole message; what could not be read is reported, never
//! skipped silently.

use super::odf_crypt;
use super::office_crypt::{self, Plain};
use super::{Archives, Budget, html, is_zip, office, ole, pdf, rtf, table};
use crate::config::LimitsConfig;
use crate::message::ParsedMessage;
use crate::vietnamese::{self, Legacy};
use mail_parser::{Message, PartType};
use std::time::{Duration, Instant};

/// What a piece of text is, for the detector's sense of place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PieceKind {
    Subject,
    Body,
    Document,
    /// Page headers and footers of a document.
    PageHeader,
    /// Document properties (title, subject, keywords…).
    Properties,
    /// Read by OCR from inside a rectangular frame at the top of a scan (a stamp's place).
    Stamp,
    /// Read by OCR from a scan or photo otherwise (red ink, a whole page).
    Scan,
    /// The name a person gave an attached file or an archive member (`TOI_MAT-Ke_hoach.docx`
    /// reads `TOI MAT - Ke hoach`): its extension left out, `_` `.` `+` read as spaces. Read by
    /// the markings detector only.
    FileName,
    /// Text a message carries outside its parts, which readers do not show: a multipart's
    /// preamble (before its first boundary) and epilogue (after its closing one). Read by the
    /// markings detector only.
    Unshown,
    /// The text alternatives of an HTML body's pictures (`<img alt="TỐI MẬT">`), a line each:
    /// shown where pictures are not loaded. Read by the markings detector only (the spam rules
    /// and the classifier read the text as shown with pictures, as they were trained).
    PictureText,
}

/// A piece of text and where it came from.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TextPiece {
    /// For people: `subject`, `body part 1`, `part 2 "to-trinh.docx" > word/header1.xml`,
    /// `part 3 "bao-cao.pdf", page 2`.
    pub location: String,
    pub kind: PieceKind,
    /// NFC text, one line per paragraph, table cell or text box.
    pub text: String,
    /// Decoded from TCVN3 in a lower-case font: capitals could not carry their marks.
    pub tcvn3_lowercase: bool,
}

/// Content that could not be (fully) read.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TextProblem {
    pub location: String,
    pub why: String,
}

/// An image, or a PDF page without text, that only OCR can read.
#[derive(Debug, Clone)]
pub struct OcrSource {
    /// Where it is, as for a [`TextPiece`].
    pub location: String,
    pub kind: OcrKind,
    /// Its bytes (the image, or the whole PDF), kept only when extracting for OCR.
    pub data: Option<Vec<u8>>,
    /// The user password of an encrypted PDF, given by the message ([`super::passwords`]).
    pub password: Option<String>,
}

/// What an [`OcrSource`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OcrKind {
    Image,
    /// A page (from 1) of a PDF.
    PdfPage(usize),
}

/// All the text of a message, and what could not be read.
#[derive(Debug, Default)]
pub struct ExtractedText {
    pub pieces: Vec<TextPiece>,
    /// The facts of every HTML body (by the body's location, e.g. `body part 2`), derived once
    /// here and read by the spam checks too.
    pub html: Vec<(String, html::HtmlFacts)>,
    pub problems: Vec<TextProblem>,
    /// The message's deadline passed before everything was read.
    pub timed_out: bool,
    /// Images and text-less PDF pages, in the order met: only OCR reads them.
    pub ocr: Vec<OcrSource>,
    /// PDFs and Office documents encrypted with a password, opened with one the message gives
    /// (the archives' members so opened are in [`Archives::decrypted`]).
    pub opened: Vec<super::passwords::Opened>,
    /// Office documents opened with a password, decrypted (location, bytes): clamd is given
    /// them (a PDF so opened has no decrypted file to give).
    pub decrypted: Vec<(String, Vec<u8>)>,
}

impl ExtractedText {
    /// Total bytes of text.
    pub fn len(&self) -> usize {
        self.pieces.iter().map(|p| p.text.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.pieces.is_empty()
    }
}

struct Extractor<'a> {
    out: ExtractedText,
    text_left: usize,
    deadline: Instant,
    inflate_cap: u64,
    /// The message's archives, expanded once (shared with YARA).
    archives: &'a Archives,
    /// Keep the bytes of what OCR is to read (see [`OcrSource::data`]).
    keep_images: bool,
    /// Read whole text-less PDFs (every page), not only their first page.
    all_pages: bool,
    /// For messages saved as files (.eml), parsed here within the message's own limits.
    limits: &'a LimitsConfig,
    /// How many of the budget's opened files the archives opened: those after are this
    /// extraction's (PDFs and Office documents), [`ExtractedText::opened`] at the end.
    archives_opened: usize,
}

/// What to collect for OCR while extracting.
#[derive(Debug, Clone, Copy, Default)]
pub struct OcrCollect {
    /// Keep the bytes of images and text-less PDFs.
    pub keep_bytes: bool,
    /// Every text-less page of a PDF, not only the first.
    pub all_pages: bool,
}

/// Extracts the text of a parsed message within `limits`, starting the message's time limit
/// (`limits.extract_timeout_ms`) now.
pub fn extract_message(parsed: &ParsedMessage<'_>, raw: &[u8], limits: &LimitsConfig) -> ExtractedText {
    let deadline = Instant::now() + Duration::from_millis(limits.extract_timeout_ms);
    extract_message_until(parsed, raw, limits, deadline)
}

/// Extracts the text of a parsed message within `limits` and by `deadline`: one deadline for
/// the whole message, whatever number of attachments it carries. Its archives are expanded
/// here; a scan that has them already passes them to [`extract_message_with`].
pub fn extract_message_until(
    parsed: &ParsedMessage<'_>,
    raw: &[u8],
    limits: &LimitsConfig,
    deadline: Instant,
) -> ExtractedText {
    let archives = Archives::expand(parsed, limits, deadline);
    extract_message_with(parsed, raw, limits, deadline, &archives)
}

/// Extracts the text of a parsed message from it and its archives as already expanded (within
/// the message's one budget, which the PDFs' streams then draw on).
pub fn extract_message_with(
    parsed: &ParsedMessage<'_>,
    raw: &[u8],
    limits: &LimitsConfig,
    deadline: Instant,
    archives: &Archives,
) -> ExtractedText {
    extract_message_collecting(parsed, raw, limits, deadline, archives, OcrCollect::default())
}

/// As [`extract_message_with`], keeping what OCR needs as `collect` says.
pub fn extract_message_collecting(
    parsed: &ParsedMessage<'_>,
    raw: &[u8],
    limits: &LimitsConfig,
    deadline: Instant,
    archives: &Archives,
    collect: OcrCollect,
) -> ExtractedText {
    let mut ex = Extractor {
        out: ExtractedText::default(),
        text_left: limits.max_text_bytes,
        deadline,
        inflate_cap: limits.max_expanded_bytes,
        archives,
        keep_images: collect.keep_bytes,
        all_pages: collect.all_pages,
        limits,
        archives_opened: archives.decrypted().len(),
    };
    let mut budget = archives.budget.clone().unwrap_or_else(|| Budget::new(limits));
    // What could not be expanded is reported once, where it happened.
    for p in &archives.problems {
        ex.problem(p.path(), p.describe());
    }
    if parsed.too_complex().is_some() {
        // Refused for its structure anyway; nothing past the header was parsed.
        return ex.out;
    }
    let Some(message) = parsed.message.as_ref() else {
        if parsed
            .problems
            .contains(&crate::message::StructureProblem::ParserPanic)
        {
            ex.problem("message", "the MIME parser failed on this message");
        } else {
            let text = vietnamese::decode_bytes(raw);
            ex.push("message", PieceKind::Body, text, false);
        }
        return ex.out;
    };
    if !ex.subjects_and_bodies(message, "") {
        return ex.out;
    }
    ex.outside_parts(&mut budget, message, "", 0);
    ex.attachments(parsed, "", &mut budget, 0);
    ex.out.opened = budget
        .passwords
        .opened
        .split_off(ex.archives_opened.min(budget.passwords.opened.len()));
    ex.out
}

/// Whether an archive with these member names is an Office (OOXML) or OpenDocument package.
fn is_package(names: &[&str]) -> bool {
    names.contains(&"[Content_Types].xml") || (names.contains(&"mimetype") && names.contains(&"content.xml"))
}

const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Characters (not spaces) below which a PDF page with an image counts as a scan.
const MIN_PAGE_TEXT: usize = 16;

/// Characters of a file's name read as text (a name is a label, not a document).
const MAX_NAME_CHARS: usize = 255;

/// Bytes of a file looked at to tell its format.
const HEAD: usize = 1024;

/// The formats text is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Zip,
    /// 7z, RAR, tar, ISO 9660, cabinets, single compressed files (gz, bz2, xz, zstd, LZ4, lzip).
    Archive,
    Pdf,
    Rtf,
    Ole,
    Html,
    /// XML that is not an Office part: an electronic document, an SVG drawing.
    Xml,
    /// Comma-, semicolon- or tab-separated values (`tab`: said to be tab-separated).
    Table {
        tab: bool,
    },
    /// JSON data.
    Json,
    /// A message saved as a file (.eml), attached as a file or inside an archive; a web page or
    /// a Word document saved as a single-file web archive (.mht, .mhtml, a `.doc` that is one).
    Message,
    /// A meeting invitation (iCalendar: a `text/calendar` part, an `.ics` file).
    Calendar,
    Text,
}

/// The format of a file from its first bytes, name and declared type; None for anything that
/// carries no text we can read (images, media, executables).
fn classify(name: &str, content_type: &str, head: &[u8]) -> Option<Format> {
    let ext = extension(name);
    if is_zip(head) {
        Some(Format::Zip)
    } else if super::archive::is_other_archive(head) {
        Some(Format::Archive)
    } else if memchr::memmem::find(head, b"%PDF-").is_some() {
        Some(Format::Pdf)
    } else if head.starts_with(b"{\\rtf") {
        Some(Format::Rtf)
    } else if head.starts_with(OLE_MAGIC) {
        Some(Format::Ole)
    } else if is_mime_file(&ext, content_type, head) {
        // Before HTML: a web archive's first part is HTML, quoted-printable or base64.
        Some(Format::Message)
    } else if matches!(
        content_type,
        "text/calendar" | "text/x-vcalendar" | "application/ics"
    ) || matches!(ext.as_str(), "ics" | "vcs")
        || super::ical::is_calendar(head)
    {
        Some(Format::Calendar)
    } else if content_type == "text/html"
        || matches!(ext.as_str(), "htm" | "html" | "xhtml")
        || String::from_utf8_lossy(&head[..head.len().min(512)])
            .to_ascii_lowercase()
            .contains("<html")
        || is_headless_html(head)
    {
        Some(Format::Html)
    } else if matches!(content_type, "text/xml" | "application/xml")
        || content_type.ends_with("+xml")
        || matches!(ext.as_str(), "xml" | "svg")
        || head.trim_ascii_start().starts_with(b"<?xml")
        || head.starts_with("\u{feff}<?xml".as_bytes())
    {
        Some(Format::Xml)
    } else if matches!(
        content_type,
        "text/csv" | "text/comma-separated-values" | "application/csv" | "text/tab-separated-values"
    ) || matches!(ext.as_str(), "csv" | "tsv")
    {
        let tab = content_type == "text/tab-separated-values" || ext == "tsv";
        Some(Format::Table { tab })
    } else if content_type == "application/json" || content_type.ends_with("+json") || ext == "json" {
        Some(Format::Json)
    } else if content_type.starts_with("text/")
        || matches!(ext.as_str(), "txt" | "log" | "md" | "ini")
        || (ext.is_empty() && looks_like_text(head))
    {
        Some(Format::Text)
    } else {
        None
    }
}

/// HTML without its `<html>` element: what web applications send as an "Excel export" (a
/// `<table>`, perhaps after a `<meta>` naming the charset, saved as `.xls`) or a fragment saved
/// under a document's name. Text that starts with one of the elements such files start with.
fn is_headless_html(head: &[u8]) -> bool {
    let head = head
        .strip_prefix("\u{feff}".as_bytes())
        .unwrap_or(head)
        .trim_ascii_start();
    const STARTS: [&[u8]; 9] = [
        b"<table",
        b"<meta",
        b"<div",
        b"<p>",
        b"<p ",
        b"<body",
        b"<head",
        b"<style",
        b"<!doctype html",
    ];
    looks_like_text(head)
        && STARTS
            .iter()
            .any(|s| head.get(..s.len()).is_some_and(|h| h.eq_ignore_ascii_case(s)))
}

/// A document's extension (word processing, spreadsheets, presentations, PDF and page
/// descriptions): such a file that turns out to be plain text is read as text.
fn is_document_extension(ext: &str) -> bool {
    is_unread_format_extension(ext)
        || matches!(
            ext,
            "doc"
                | "docx"
                | "docm"
                | "dot"
                | "dotx"
                | "xls"
                | "xlsx"
                | "xlsm"
                | "xlsb"
                | "xlt"
                | "xltx"
                | "ppt"
                | "pptx"
                | "pptm"
                | "pps"
                | "ppsx"
                | "odt"
                | "ods"
                | "odp"
                | "odg"
                | "fodt"
                | "rtf"
                | "pdf"
                | "xps"
                | "oxps"
        )
}

/// The extension of a document format people open every day that canhgac does not read
/// (Hangul and WordPerfect documents, Apple's iWork, WPS Office's spreadsheets and slides,
/// Publisher, OneNote, Visio before 2013): a file so named is content not read.
/// A file named as a format that is read (.pdf, .docx…) but is none is damaged or junk: no
/// reader shows its text either, and it is not held for that (a size test's random bytes
/// named `van-ban.pdf`).
fn is_unread_format_extension(ext: &str) -> bool {
    matches!(
        ext,
        "hwp" | "hwpx" | "wpd" | "pages" | "numbers" | "key" | "et" | "dps" | "pub" | "one" | "vsd"
    )
}

/// A file in MIME format: a message saved as a file (.eml, message/rfc822), or a web archive
/// (.mht, .mhtml: multipart/related, as browsers and Word's "Single File Web Page" save them,
/// sometimes under a `.doc` name), told by its name, its declared type, or its first line
/// (`MIME-Version:`).
pub(super) fn is_mime_file(ext: &str, content_type: &str, head: &[u8]) -> bool {
    matches!(ext, "eml" | "mht" | "mhtml")
        || matches!(
            content_type,
            "message/rfc822" | "message/global" | "multipart/related" | "application/x-mimearchive"
        )
        || head
            .trim_ascii_start()
            .get(..13)
            .is_some_and(|h| h.eq_ignore_ascii_case(b"MIME-Version:"))
}

/// Whether a plain-text part is sent `format=flowed` (RFC 3676, as Thunderbird sends plain
/// text): Some(whether `delsp=yes`).
fn flowed(part: &mail_parser::MessagePart<'_>) -> Option<bool> {
    let ct = mail_parser::MimeHeaders::content_type(part)?;
    let flowed = ct
        .attribute("format")
        .is_some_and(|f| f.eq_ignore_ascii_case("flowed"));
    flowed.then(|| {
        ct.attribute("delsp")
            .is_some_and(|d| d.eq_ignore_ascii_case("yes"))
    })
}

/// Styled text (`text/enriched`, RFC 1896, and its predecessor `text/richtext`, RFC 1341, as
/// Eudora and older Apple Mail wrote styled mail; the parser gives them as attachments) as its
/// reader shows it: formatting commands (`<bold>`, `</center>`) dropped, a
/// `<param>`'s value dropped, `<<` a `<`; in text/enriched one line break is a space and `n`
/// of them `n - 1` (but lines within `<nofill>` are kept); in text/richtext every line break
/// is a space and `<nl>` one, `<lt>` a `<`.
fn unenriched(text: &str, richtext: bool) -> String {
    let text = text.replace("\r\n", "\n");
    let mut out = String::with_capacity(text.len());
    let (mut param, mut nofill) = (0usize, 0usize);
    let mut rest = text.as_str();
    let mut breaks = 0usize;
    let flush = |out: &mut String, breaks: &mut usize, nofill: usize| {
        if *breaks > 0 {
            if richtext {
                out.push(' ');
            } else if nofill > 0 {
                (0..*breaks).for_each(|_| out.push('\n'));
            } else if *breaks == 1 {
                out.push(' ');
            } else {
                (1..*breaks).for_each(|_| out.push('\n'));
            }
            *breaks = 0;
        }
    };
    while let Some(c) = rest.chars().next() {
        if c == '\n' {
            breaks += 1;
            rest = &rest[1..];
            continue;
        }
        flush(&mut out, &mut breaks, nofill);
        if c == '<' {
            if let Some(after) = rest.strip_prefix("<<") {
                if param == 0 {
                    out.push('<');
                }
                rest = after;
                continue;
            }
            // (A command is short: only its first bytes are looked at, so a text of '<'
            // without '>' is not searched to its end at each.)
            if let Some(end) = rest.bytes().take(65).position(|b| b == b'>') {
                let command = rest[1..end].to_ascii_lowercase();
                let (closing, name) = match command.strip_prefix('/') {
                    Some(n) => (true, n),
                    None => (false, command.as_str()),
                };
                match (name, closing) {
                    ("param", false) => param += 1,
                    ("param", true) => param = param.saturating_sub(1),
                    ("nofill", false) => nofill += 1,
                    ("nofill", true) => nofill = nofill.saturating_sub(1),
                    ("nl", false) if richtext && param == 0 => out.push('\n'),
                    ("lt", false) if richtext && param == 0 => out.push('<'),
                    _ => {}
                }
                rest = &rest[end + 1..];
                continue;
            }
        }
        if param == 0 {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    flush(&mut out, &mut breaks, nofill);
    out
}

/// A `format=flowed` text as its writer typed it (RFC 3676): a line ending in a space goes on
/// in the next line of the same quote depth (the space dropped with `delsp`), a space put before
/// a line (space-stuffing) is taken away, and the signature separator `-- ` ends a paragraph. A
/// stamp or a classification field wrapped by the mail program is on one line again.
fn unflowed(text: &str, delsp: bool) -> String {
    let mut out = String::with_capacity(text.len());
    // The quote depth of the paragraph being continued, if the last line was flowed.
    let mut open: Option<usize> = None;
    for raw in text.split_inclusive('\n') {
        let line = raw.strip_suffix('\n').unwrap_or(raw);
        let line = line.strip_suffix('\r').unwrap_or(line);
        let depth = line.bytes().take_while(|&b| b == b'>').count();
        let quote = &line[..depth];
        let content = line[depth..].strip_prefix(' ').unwrap_or(&line[depth..]);
        match open {
            Some(d) if d == depth => {}
            Some(_) => {
                out.push('\n');
                out.push_str(quote);
                if depth > 0 {
                    out.push(' ');
                }
            }
            None => {
                out.push_str(quote);
                if depth > 0 {
                    out.push(' ');
                }
            }
        }
        let soft = content.ends_with(' ') && content != "-- ";
        if soft {
            out.push_str(if delsp {
                &content[..content.len() - 1]
            } else {
                content
            });
            open = Some(depth);
        } else {
            out.push_str(content);
            if raw.ends_with('\n') {
                out.push('\n');
            }
            open = None;
        }
    }
    out
}

/// The text of a multipart's preamble or epilogue without its own boundary lines, and, when
/// parts are written there (a line `--X` followed by a `Content-` header within the next
/// lines), those parts as a multipart message of boundary `X` for the message reader.
fn outside_text(bytes: &[u8], boundary: &str) -> (String, Option<Vec<u8>>) {
    let text = String::from_utf8_lossy(bytes);
    // `--B` and `--B--` of the multipart's own boundary B.
    let own = |line: &str| {
        !boundary.is_empty()
            && line
                .trim_end()
                .strip_prefix("--")
                .is_some_and(|b| b.strip_suffix("--").unwrap_or(b) == boundary)
    };
    let lines: Vec<&str> = text.lines().collect();
    let mut kept = String::new();
    let mut hidden = None;
    for (i, line) in lines.iter().enumerate() {
        if own(line) {
            continue;
        }
        // A boundary as RFC 2046 allows one (at most 70 characters, no quote), then headers.
        let inner = line.trim_end().strip_prefix("--").unwrap_or_default();
        let inner = inner.strip_suffix("--").unwrap_or(inner);
        let opens_part = (1..=70).contains(&inner.len())
            && !inner.contains(|c: char| c.is_whitespace() || c == '"' || c.is_control())
            && lines[i + 1..]
                .iter()
                .take(8)
                .take_while(|l| !l.trim().is_empty())
                .any(|l| {
                    l.as_bytes()
                        .get(..8)
                        .is_some_and(|h| h.eq_ignore_ascii_case(b"content-"))
                });
        if opens_part {
            let rest = lines[i..].join("\r\n");
            hidden = Some(
                format!("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"{inner}\"\r\n\r\n{rest}\r\n").into_bytes(),
            );
            break;
        }
        kept.push_str(line);
        kept.push('\n');
    }
    (kept, hidden)
}

/// Whether a part's charset is VIQR (RFC 1456 registered `VIQR`).
fn is_viqr_part(part: &mail_parser::MessagePart<'_>) -> bool {
    mail_parser::MimeHeaders::content_type(part)
        .and_then(|ct| ct.attribute("charset"))
        .is_some_and(|c| matches!(c.to_ascii_lowercase().as_str(), "viqr" | "x-viqr"))
}

/// Whether a message part is declared `text/calendar`.
fn is_calendar_part(part: &mail_parser::MessagePart<'_>) -> bool {
    mail_parser::MimeHeaders::content_type(part).is_some_and(|ct| {
        ct.c_type.eq_ignore_ascii_case("text")
            && ct.subtype().is_some_and(|s| s.eq_ignore_ascii_case("calendar"))
    })
}

fn extension(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

impl Extractor<'_> {
    fn problem(&mut self, location: &str, why: impl Into<String>) {
        // Whatever an extractor gave up on after the deadline, it gave up on for time.
        if Instant::now() > self.deadline {
            self.out.timed_out = true;
        }
        self.out.problems.push(TextProblem {
            location: location.to_owned(),
            why: why.into(),
        });
    }

    /// Adds a piece of text (normalised), within the per-message text limit.
    fn push(&mut self, location: &str, kind: PieceKind, text: String, tcvn3_lowercase: bool) {
        if text.trim().is_empty() {
            return;
        }
        // A PGP message in a body (inline PGP, or a PGP/MIME part read as text): what it
        // carries is encrypted to its recipients.
        if kind == PieceKind::Body && has_pgp_message(text.as_bytes()) {
            self.problem(location, format!("{PGP_MESSAGE}: {ENCRYPTED_MAIL}"));
        }
        if self.text_left == 0 {
            return;
        }
        let (mut text, tcvn3_lowercase) = match vietnamese::detect_legacy(&text) {
            Some(l) => (
                l.decode(&text),
                tcvn3_lowercase || l == Legacy::Tcvn3 { capitals: false },
            ),
            // Vietnamese typed in ASCII with its marks after the letters (RFC 1456).
            None if vietnamese::viqr::is_viqr(&text) => (vietnamese::viqr::decode(&text), tcvn3_lowercase),
            None => match vietnamese::nfc(&text) {
                std::borrow::Cow::Borrowed(_) => (text, tcvn3_lowercase),
                std::borrow::Cow::Owned(t) => (t, tcvn3_lowercase),
            },
        };
        if text.len() > self.text_left {
            let mut cut = self.text_left;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            text.truncate(cut);
            self.text_left = 0;
            self.problem(
                location,
                "the extracted-text limit (limits.max_text_bytes) was reached here",
            );
        } else {
            self.text_left -= text.len();
        }
        self.out.pieces.push(TextPiece {
            location: location.to_owned(),
            kind,
            text,
            tcvn3_lowercase,
        });
    }

    /// The prefix of a text file that fits in what is left of the text limit (saying so when
    /// that is not all of it), so a huge text never becomes several huge strings.
    fn within_text_limit<'d>(&mut self, location: &str, data: &'d [u8]) -> &'d [u8] {
        if data.len() <= self.text_left {
            return data;
        }
        self.problem(
            location,
            "the extracted-text limit (limits.max_text_bytes) was reached here",
        );
        self.text_left = self.text_left.min(data.len());
        &data[..self.text_left]
    }

    fn html(&mut self, location: &str, facts: &html::HtmlFacts) {
        for (k, image) in facts.inline_images.iter().enumerate() {
            let head = &image[..image.len().min(HEAD)];
            if super::ocr::is_image(head) {
                self.ocr(
                    &format!("{location}, inline image {}", k + 1),
                    OcrKind::Image,
                    image,
                );
            }
        }
        if !facts.alts.is_empty() {
            self.push(
                &format!("{location}, pictures' text"),
                PieceKind::PictureText,
                facts.alts.join("\n"),
                false,
            );
        }
        let text = facts.text.clone();
        match facts.fonts.iter().find_map(|f| Legacy::from_font(f)) {
            Some(l) if !text.is_ascii() => {
                let tcvn3 = l == Legacy::Tcvn3 { capitals: false };
                self.push(location, PieceKind::Body, l.decode(&text), tcvn3)
            }
            _ => self.push(location, PieceKind::Body, text, false),
        }
    }

    fn timed_out(&mut self, location: &str) -> bool {
        if self.out.timed_out {
            return true;
        }
        if Instant::now() > self.deadline {
            self.out.timed_out = true;
            self.problem(
                if location.is_empty() { "message" } else { location },
                "the time limit per message (limits.extract_timeout_ms) was reached",
            );
            return true;
        }
        false
    }

    /// The subjects and bodies of `message` and of every message forwarded in it, their places
    /// starting with `prefix`; false when the time ran out.
    fn subjects_and_bodies(&mut self, message: &Message<'_>, prefix: &str) -> bool {
        let mut stack: Vec<(&Message<'_>, String)> = vec![(message, prefix.to_owned())];
        while let Some((msg, prefix)) = stack.pop() {
            if let Some(subject) = crate::message::subject(msg) {
                self.push(
                    &format!("{prefix}subject"),
                    PieceKind::Subject,
                    subject.into_owned(),
                    false,
                );
            }
            // A fragment of a message split over several mails (RFC 2046 message/partial): no
            // one mail holds the whole, so a level cut across two fragments is in neither. Its
            // text is read as far as it goes, and the message is not passed as read. Nor is a
            // part whose content is kept outside the message (message/external-body: a file
            // on a server, fetched by the reader's program when opened).
            for (id, part) in msg.parts.iter().enumerate() {
                let Some(ct) = mail_parser::MimeHeaders::content_type(part) else {
                    continue;
                };
                if !ct.ctype().eq_ignore_ascii_case("message") {
                    continue;
                }
                let subtype = ct.subtype().unwrap_or_default();
                if subtype.eq_ignore_ascii_case("partial") {
                    let of = match (ct.attribute("number"), ct.attribute("total")) {
                        (Some(n), Some(t)) => format!(", fragment {n} of {t}"),
                        (Some(n), None) => format!(", fragment {n}"),
                        _ => String::new(),
                    };
                    self.problem(
                        &format!("{prefix}part {id}"),
                        format!("a fragment of a message split over several mails (message/partial{of}): its content is never whole in one mail"),
                    );
                } else if subtype.eq_ignore_ascii_case("external-body") {
                    let access = ct.attribute("access-type").unwrap_or("unnamed");
                    let access: String = access.chars().filter(char::is_ascii_graphic).take(40).collect();
                    self.problem(
                        &format!("{prefix}part {id}"),
                        format!("content kept outside the message (message/external-body, access type {access}): it is not in the mail to be read"),
                    );
                }
            }
            let mut ids: Vec<u32> = msg.text_body.iter().chain(&msg.html_body).copied().collect();
            ids.sort_unstable();
            ids.dedup();
            for id in ids {
                let Some(part) = msg.parts.get(id as usize) else {
                    continue;
                };
                if self.timed_out(&prefix) {
                    return false;
                }
                let location = format!("{prefix}body part {id}");
                match &part.body {
                    // An invitation sent inline as a body (not as an alternative): read as a
                    // calendar shows it; files inside a body's calendar are not opened.
                    PartType::Text(t) if is_calendar_part(part) => {
                        self.calendar_text(&location, t.as_bytes());
                    }
                    PartType::Text(t) => {
                        // Legacy bytes without a charset: decoded from the bytes as sent.
                        let text = crate::message::text_as_sent(msg, part)
                            .map_or_else(|| t.to_string(), |b| vietnamese::decode_bytes(&b));
                        // Said to be VIQR (RFC 1456): read so however few marks it has.
                        let text = if is_viqr_part(part) {
                            vietnamese::viqr::decode(&text)
                        } else {
                            text
                        };
                        let text = match flowed(part) {
                            Some(delsp) => unflowed(&text, delsp),
                            None => text,
                        };
                        // Files carried in it are read as the attachments they are.
                        let text = match crate::message::encoded::without_blocks(&text) {
                            std::borrow::Cow::Owned(kept) => kept,
                            std::borrow::Cow::Borrowed(_) => text,
                        };
                        self.push(&location, PieceKind::Body, text, false)
                    }
                    PartType::Html(h) => {
                        let facts = html::HtmlFacts::of(h);
                        self.html(&location, &facts);
                        self.out.html.push((location, facts));
                    }
                    _ => {}
                }
            }
            for &id in &msg.attachments {
                if let Some(PartType::Message(inner)) = msg.parts.get(id as usize).map(|p| &p.body) {
                    stack.push((inner, format!("{prefix}forwarded message in part {id} > ")));
                }
            }
        }
        true
    }

    /// The text `message` (and every message forwarded in it) carries outside its parts: each
    /// multipart's preamble and epilogue, which readers do not show but the mail carries (a
    /// mailing list's footer, a sender's "This is a multi-part message"; or a part hidden after
    /// the closing boundary, or under a second `boundary=` another reader would take). Their
    /// text is a piece of its own (boundary lines left out); parts written there (a boundary
    /// line then headers) are read as a message of those parts, one level deeper.
    fn outside_parts(&mut self, budget: &mut Budget, message: &Message<'_>, prefix: &str, depth: usize) {
        let mut stack: Vec<(&Message<'_>, String)> = vec![(message, prefix.to_owned())];
        while let Some((msg, prefix)) = stack.pop() {
            for (id, part) in msg.parts.iter().enumerate() {
                let children = match &part.body {
                    PartType::Multipart(children) => children,
                    PartType::Message(inner) => {
                        stack.push((inner, format!("{prefix}forwarded message in part {id} > ")));
                        continue;
                    }
                    _ => continue,
                };
                let part_at = |k: Option<&u32>| k.and_then(|&k| msg.parts.get(k as usize));
                let (Some(first), Some(last)) = (part_at(children.first()), part_at(children.last())) else {
                    continue;
                };
                let boundary = mail_parser::MimeHeaders::content_type(part)
                    .and_then(|ct| ct.attribute("boundary"))
                    .unwrap_or_default();
                let raw = &msg.raw_message;
                let regions = [
                    raw.get(part.offset_body as usize..first.offset_header as usize),
                    raw.get(last.offset_end as usize..part.offset_end as usize),
                ];
                for (k, bytes) in regions.into_iter().enumerate() {
                    let Some(bytes) = bytes.filter(|b| !b.trim_ascii().is_empty()) else {
                        continue;
                    };
                    if self.timed_out(&prefix) {
                        return;
                    }
                    let place = if k == 0 {
                        "before its first part"
                    } else {
                        "after its last part"
                    };
                    let location = format!("{prefix}part {id}, text {place}");
                    let (text, hidden) = outside_text(self.within_text_limit(&location, bytes), boundary);
                    self.push(&location, PieceKind::Unshown, text, false);
                    if let Some(parts) = hidden {
                        self.message_file(budget, &location, &parts, depth + 1);
                    }
                }
            }
        }
    }

    /// The name of a file a person named (an attachment, an archive's member, a file packaged
    /// in a legacy Office document), as a piece of its own: a level written in it is a
    /// marking like one in the text. Its extension is left out (up to 5 letters or digits after
    /// the last dot), `_`, `.` and `+` are read as spaces, and a `-` between words as a
    /// separator (`TOI_MAT-Ke_hoach.docx` reads `TOI MAT - Ke hoach`).
    fn file_name(&mut self, location: &str, name: &str) {
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        let stem = match base.rsplit_once('.') {
            Some((stem, ext))
                if !stem.is_empty()
                    && (1..=5).contains(&ext.len())
                    && ext.bytes().all(|b| b.is_ascii_alphanumeric()) =>
            {
                stem
            }
            _ => base,
        };
        let mut spaced = String::with_capacity(stem.len() + 8);
        for c in stem.chars().take(MAX_NAME_CHARS) {
            match c {
                '-' => spaced.push_str(" - "),
                '_' | '.' | '+' => spaced.push(' '),
                c if c.is_control() => spaced.push(' '),
                c => spaced.push(c),
            }
        }
        let text = spaced.split_whitespace().collect::<Vec<_>>().join(" ");
        self.push(
            &format!("{location}, file name"),
            PieceKind::FileName,
            text,
            false,
        );
    }

    /// Extracts a file named `name` found at `location`, `zip_depth` archives deep.
    fn file(
        &mut self,
        budget: &mut Budget,
        location: &str,
        name: &str,
        content_type: &str,
        data: &[u8],
        zip_depth: usize,
    ) {
        if self.timed_out(location) {
            return;
        }
        let head = &data[..data.len().min(HEAD)];
        // Mail encrypted to its recipients: nothing of an S/MIME or OpenPGP file is readable; a
        // text file is still read around the PGP message it carries.
        match encrypted_mail(name, content_type, data) {
            Some(PGP_MESSAGE) => self.problem(location, format!("{PGP_MESSAGE}: {ENCRYPTED_MAIL}")),
            Some(kind) => return self.problem(location, format!("{kind}: {ENCRYPTED_MAIL}")),
            None => {}
        }
        // (A disk image says what it is 32 KiB in, past the head.)
        let format = classify(name, content_type, head)
            .or_else(|| super::archive::is_other_archive(data).then_some(Format::Archive));
        match format {
            Some(Format::Zip) => self.zip(budget, location, data, zip_depth + 1),
            Some(Format::Archive) => self.archive(budget, location, data, zip_depth + 1),
            Some(Format::Pdf) => {
                let cap = self.inflate_cap.min(budget.bytes_left);
                let read = pdf::extract_opening(
                    data,
                    cap,
                    self.text_left,
                    self.deadline,
                    Some((location, &mut budget.passwords)),
                );
                let ocr_before = self.out.ocr.len();
                match read {
                    Ok(t) => {
                        budget.bytes_left = budget.bytes_left.saturating_sub(t.inflated);
                        if t.undecodable > 0 {
                            self.problem(
                                location,
                                format!(
                                    "{} text strings of the PDF use a font without a ToUnicode map: their text could not be read",
                                    t.undecodable
                                ),
                            );
                        }
                        let pages = t.pages.len().max(1);
                        // A page with hardly any text but an image is a scan: OCR reads it.
                        let textless: Vec<usize> = (0..pages)
                            .filter(|&i| {
                                t.pages.get(i).is_none_or(|p| {
                                    p.chars().filter(|c| !c.is_whitespace()).count() < MIN_PAGE_TEXT
                                })
                            })
                            .collect();
                        if !textless.is_empty() && memchr::memmem::find(data, b"/Image").is_some() {
                            for i in textless.iter().take(if self.all_pages { pages } else { 1 }) {
                                self.ocr(
                                    &format!("{location}, page {}", i + 1),
                                    OcrKind::PdfPage(i + 1),
                                    data,
                                );
                            }
                        }
                        // A first page with text that draws a page-sized image is read where a
                        // stamp sits too: a scanner's searchable PDF (its OCR text layer seldom
                        // holds a red boxed stamp). So is one with a picture where the stamp sits
                        // (a stamp's scan put on a typed document), as pictures in Office files
                        // are. A digital signature's seal at the foot of the page is not.
                        let first = t.images.first().copied().unwrap_or_default();
                        if textless.first() != Some(&0) && (first.page_sized || first.near_top) {
                            self.ocr(&format!("{location}, page 1"), OcrKind::PdfPage(1), data);
                        }
                        // Its pages rendered for OCR need the password that opened it.
                        let opened = budget
                            .passwords
                            .opened
                            .get(self.archives_opened..)
                            .unwrap_or_default();
                        if let Some(o) = opened.iter().find(|o| o.path == location) {
                            for s in &mut self.out.ocr[ocr_before..] {
                                s.password = Some(o.password.clone());
                            }
                        }
                        for (i, page) in t.pages.into_iter().enumerate() {
                            let loc = format!("{location}, page {}", i + 1);
                            self.push(&loc, PieceKind::Document, page, t.tcvn3_lowercase);
                        }
                        self.push(
                            &format!("{location}, properties"),
                            PieceKind::Properties,
                            t.properties,
                            false,
                        );
                        // Files attached inside the PDF: read as attachments are, one level
                        // deeper (their bytes were charged to the budget as they inflated).
                        for (name, bytes) in &t.files {
                            let path = format!("{location} > {name}");
                            self.inner_file(budget, &path, name, "", bytes, zip_depth + 1, true);
                        }
                    }
                    Err(why) => self.problem(location, why),
                }
            }
            Some(Format::Rtf) => match rtf::extract(data, self.deadline) {
                Ok(t) => {
                    self.push(location, PieceKind::Document, t.text, t.tcvn3_lowercase);
                    // Its pictures (a scan pasted in) and the files of its embedded objects,
                    // one level deeper, as a PDF's attached files are.
                    for (name, bytes) in &t.files {
                        let path = format!("{location} > {name}");
                        self.inner_file(budget, &path, name, "", bytes, zip_depth + 1, false);
                    }
                }
                Err(why) => self.problem(location, why),
            },
            Some(Format::Ole) => self.ole(budget, location, data, zip_depth + 1),
            Some(Format::Html) => {
                let text = vietnamese::decode_bytes(self.within_text_limit(location, data));
                self.html(location, &html::HtmlFacts::of(&text));
            }
            Some(Format::Xml) => {
                let data = self.within_text_limit(location, data);
                match office::plain_xml_text(data, self.deadline) {
                    Ok(text) => self.push(location, PieceKind::Document, text, false),
                    Err(why) if why.starts_with("time limit") => self.problem(location, why),
                    // Not well-formed: read as plain text, tags and all.
                    Err(_) => {
                        let text = vietnamese::decode_bytes(data);
                        self.push(location, PieceKind::Document, text, false);
                    }
                }
            }
            Some(Format::Table { tab }) => {
                let text = vietnamese::decode_bytes(self.within_text_limit(location, data));
                let cells = table::delimited_text(&text, tab);
                self.push(location, PieceKind::Document, cells, false);
            }
            Some(Format::Json) => {
                let text = vietnamese::decode_bytes(self.within_text_limit(location, data));
                // Not JSON after all (or cut at the text limit): read as plain text.
                let text = table::json_text(&text).unwrap_or(text);
                self.push(location, PieceKind::Document, text, false);
            }
            Some(Format::Message) => self.message_file(budget, location, data, zip_depth + 1),
            Some(Format::Calendar) => self.calendar(budget, location, data, zip_depth + 1),
            Some(Format::Text) => {
                let text = vietnamese::decode_bytes(self.within_text_limit(location, data));
                // Styled text (mail-parser gives text/enriched as an attachment).
                let text = match content_type.to_ascii_lowercase().as_str() {
                    "text/enriched" => unenriched(&text, false),
                    "text/richtext" => unenriched(&text, true),
                    _ => text,
                };
                self.push(location, PieceKind::Document, text, false);
            }
            None if super::ocr::is_image(head) => self.ocr(location, OcrKind::Image, data),
            // A document export that is plain text under a document's name (a .xls of
            // comma-separated values, a .doc of text) is read as text.
            None if is_document_extension(&extension(name)) && looks_like_text(head) => {
                let text = vietnamese::decode_bytes(self.within_text_limit(location, data));
                self.push(location, PieceKind::Document, text, false);
            }
            None if is_unread_format_extension(&extension(name)) && !data.is_empty() => self.problem(
                location,
                format!(
                    "a document named .{} in a format canhgac does not read",
                    extension(name)
                ),
            ),
            None => {}
        }
        // Anything else (media, executables) carries no text we can read.
    }

    /// A message saved as a file (an .eml attached as a file, or inside an archive): parsed
    /// within the message's limits and read as a forwarded message is, its places under
    /// `location`; nested messages count against the archives' depth and members.
    fn message_file(&mut self, budget: &mut Budget, location: &str, data: &[u8], depth: usize) {
        if depth > budget.max_depth {
            self.problem(
                location,
                super::ExtractProblem::TooDeep(location.to_owned()).describe(),
            );
            return;
        }
        if budget.members_left == 0 {
            self.problem(
                location,
                super::ExtractProblem::TooManyMembers(location.to_owned()).describe(),
            );
            return;
        }
        budget.members_left -= 1;
        let parsed = ParsedMessage::parse(data, self.limits);
        if let Some(why) = parsed.too_complex() {
            self.problem(location, format!("message file too complex to read: {why}"));
            return;
        }
        let Some(message) = parsed.message.as_ref() else {
            // Not a message after all: its bytes as text.
            let text = vietnamese::decode_bytes(self.within_text_limit(location, data));
            self.push(location, PieceKind::Document, text, false);
            return;
        };
        let prefix = format!("{location} > ");
        if self.subjects_and_bodies(message, &prefix) {
            self.outside_parts(budget, message, &prefix, depth);
            self.attachments(&parsed, &prefix, budget, depth);
        }
    }

    /// A meeting invitation (iCalendar) as a calendar shows it: each title read as a subject is
    /// (`… > event title`), the description, place and comments as a document, an HTML
    /// description as HTML, and files carried inline as attachments (within the budget).
    fn calendar(&mut self, budget: &mut Budget, location: &str, data: &[u8], depth: usize) {
        let files = self.calendar_text(location, data);
        for (name, content_type, bytes) in &files {
            let path = format!("{location} > {name}");
            self.inner_file(budget, &path, name, content_type, bytes, depth, false);
        }
    }

    /// A file found inside a document (a calendar's inline file, a PDF's attached one), read as
    /// an attachment is when the budget admits it: not deeper than the archives may nest, a
    /// member of the message's count, its bytes counted unless the document's reader `charged`
    /// them already (a PDF's, as they inflated). What the budget refuses is a problem.
    #[allow(clippy::too_many_arguments)]
    fn inner_file(
        &mut self,
        budget: &mut Budget,
        path: &str,
        name: &str,
        content_type: &str,
        bytes: &[u8],
        depth: usize,
        charged: bool,
    ) {
        let mut problems = Vec::new();
        let admitted = !budget.too_deep(path, depth, &mut problems)
            && budget.admit(path, if charged { 0 } else { bytes.len() }, &mut problems);
        if admitted {
            self.named_file(budget, path, name, content_type, bytes, depth);
        }
        for p in problems {
            self.problem(path, p.describe());
        }
    }

    /// A calendar's text, as [`Extractor::calendar`] reads it; the files it carries are returned.
    fn calendar_text(&mut self, location: &str, data: &[u8]) -> Vec<(String, String, Vec<u8>)> {
        let data = self.within_text_limit(location, data);
        let cal = super::ical::read(data, &vietnamese::decode_bytes);
        for title in cal.titles {
            self.push(
                &format!("{location} > event title"),
                PieceKind::Subject,
                title,
                false,
            );
        }
        self.push(
            &format!("{location} > event"),
            PieceKind::Document,
            cal.text,
            false,
        );
        for h in &cal.html {
            self.html(&format!("{location} > event (HTML)"), &html::HtmlFacts::of(h));
        }
        cal.files
    }

    /// The file attachments of a parsed message (its forwarded messages' too), their places
    /// starting with `prefix`.
    fn attachments(&mut self, parsed: &ParsedMessage<'_>, prefix: &str, budget: &mut Budget, depth: usize) {
        for a in &parsed.attachments {
            let Some(content) = parsed.content_as_sent(a) else {
                continue;
            };
            let name = a.name.clone().unwrap_or_default();
            self.named_file(
                budget,
                &format!("{prefix}{}", a.location),
                &name,
                &a.content_type,
                &content,
                depth,
            );
        }
    }

    /// A file a person named (an attachment, an archive member, a file packaged in a legacy
    /// Office document): its name, then its content.
    fn named_file(
        &mut self,
        budget: &mut Budget,
        location: &str,
        name: &str,
        content_type: &str,
        data: &[u8],
        depth: usize,
    ) {
        self.file_name(location, name);
        self.file(budget, location, name, content_type, data, depth);
    }

    /// Notes an image or a text-less PDF page for OCR (not icons, logos and tracking pixels:
    /// no stamp can be read in them).
    fn ocr(&mut self, location: &str, kind: OcrKind, data: &[u8]) {
        if kind == OcrKind::Image
            && super::ocr::dimensions(data).is_some_and(|(w, h)| w.min(h) < super::ocr::MIN_SIDE)
        {
            return;
        }
        self.out.ocr.push(OcrSource {
            location: location.to_owned(),
            kind,
            data: self.keep_images.then(|| data.to_vec()),
            password: None,
        });
    }

    /// The text of the archive at `location` from the message's expanded archives, when it is
    /// one of them; false when it was not expanded there.
    fn expanded_members(&mut self, budget: &mut Budget, location: &str, depth: usize) -> bool {
        let archives = self.archives;
        if !archives.has(location) {
            return false;
        }
        let members: Vec<(&str, &str, &[u8])> = archives
            .members_of(location)
            .map(|m| (m.path.as_str(), m.name.as_str(), m.data.as_slice()))
            .collect();
        let names: Vec<&str> = members.iter().map(|m| m.1).collect();
        self.zip_members(budget, location, &names, members, depth);
        true
    }

    /// A zip archive's text: from the message's expanded archives when it is one of them (the
    /// usual case: never opened twice), else opened here within the same budget.
    fn zip(&mut self, budget: &mut Budget, location: &str, data: &[u8], depth: usize) {
        if self.expanded_members(budget, location, depth) {
            return;
        }
        // An archive the message-level expansion did not reach (its time ran out).
        super::zip::opened();
        let names: Vec<String> = match zip::ZipArchive::new(std::io::Cursor::new(data)) {
            Ok(a) => a
                .file_names()
                .filter_map(|n| n.ok().map(|n| n.into_owned()))
                .collect(),
            Err(e) => {
                self.problem(location, format!("cannot read archive: {e}"));
                return;
            }
        };
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let package = is_package(&names);
        let mut problems = Vec::new();
        let mut owned: Vec<(String, String, Vec<u8>)> = Vec::new();
        super::for_each_member(
            data,
            location,
            depth,
            budget,
            &|n, head| {
                // (An OpenDocument's manifest says whether its parts are encrypted; LibreOffice
                // 24.8 encrypts the whole package as one part.)
                if n == odf_crypt::MANIFEST || n == odf_crypt::ENCRYPTED_PACKAGE {
                    return true;
                }
                if package {
                    office::member_kind(n).is_some()
                } else {
                    // Members are sniffed from their first bytes: only readable ones are expanded.
                    head.is_none_or(|h| classify(n, "", h).is_some())
                }
            },
            &mut problems,
            &mut |path, name, bytes| owned.push((path.to_owned(), name.to_owned(), bytes.to_vec())),
        );
        let members = owned
            .iter()
            .map(|(p, n, b)| (p.as_str(), n.as_str(), b.as_slice()))
            .collect();
        self.zip_members(budget, location, &names, members, depth);
        for p in problems {
            self.problem(p.path(), p.describe());
        }
    }

    /// A 7z, RAR, tar or compressed file's text: from the message's expanded archives (the
    /// usual case), else opened here within the same budget.
    fn archive(&mut self, budget: &mut Budget, location: &str, data: &[u8], depth: usize) {
        // libarchive may open the zip inside a stored 7z or RAR member (its zip reader finds the
        // inner central directory): members that form an Office package are read as one
        // document, as in a zip.
        if self.expanded_members(budget, location, depth) {
            return;
        }
        let mut owned: Vec<(String, String, Vec<u8>)> = Vec::new();
        {
            let mut problems = Vec::new();
            super::archive::for_each_member(data, location, depth, budget, &mut problems, &mut |p, n, b| {
                owned.push((p.to_owned(), n.to_owned(), b.to_vec()))
            });
            for p in problems {
                self.problem(p.path(), p.describe());
            }
        }
        for (path, name, bytes) in owned {
            self.named_file(budget, &path, &name, "", &bytes, depth);
        }
    }

    /// The text of an archive's members: an Office or OpenDocument package is read as one
    /// document (its styles first: they decide the fonts and capitals of everything else); any other
    /// archive's members are read as files of their own.
    fn zip_members(
        &mut self,
        budget: &mut Budget,
        location: &str,
        names: &[&str],
        members: Vec<(&str, &str, &[u8])>,
        depth: usize,
    ) {
        // LibreOffice 24.8's «Save with password»: the whole package encrypted as one part.
        if names.contains(&odf_crypt::ENCRYPTED_PACKAGE) && names.contains(&odf_crypt::MANIFEST) {
            return self.odf_package_encrypted(budget, location, &members, depth);
        }
        if !is_package(names) {
            for (path, name, bytes) in members {
                self.named_file(budget, path, name, "", bytes, depth);
            }
            return;
        }
        // A package none of whose parts is one read here (a kind not known: a 3D model, a
        // Visio stencil) is not a document without text.
        let readable = names.iter().any(|n| {
            matches!(
                office::member_kind(n),
                Some(office::Member::Content | office::Member::PageHeader)
            )
        });
        if !readable {
            self.problem(
                location,
                "an Office package none of whose parts canhgac reads (of a kind not known)",
            );
        }
        // An OpenDocument saved with a password: its parts opened with one the message gives.
        let decrypted: Vec<(String, Vec<u8>)>;
        let members = match members.iter().find(|m| m.1 == odf_crypt::MANIFEST) {
            Some(&(_, _, manifest)) if odf_crypt::is_encrypted(manifest) => {
                let Some(parts) = self.odf_encrypted(budget, location, manifest, &members) else {
                    return;
                };
                decrypted = parts;
                members
                    .iter()
                    .map(
                        |&(path, name, bytes)| match decrypted.iter().find(|(n, _)| n == name) {
                            Some((_, plain)) => (path, name, plain.as_slice()),
                            None => (path, name, bytes),
                        },
                    )
                    .collect()
            }
            _ => members,
        };
        let styles = office::Styles::of_package(members.iter().map(|(_, n, b)| (*n, *b)), self.deadline);
        for (path, name, bytes) in members {
            let kind = match office::member_kind(name) {
                Some(office::Member::Content) => PieceKind::Document,
                Some(office::Member::PageHeader) => PieceKind::PageHeader,
                Some(office::Member::Properties) => PieceKind::Properties,
                Some(office::Member::Embedded | office::Member::Media) => {
                    self.file(budget, path, name, "", bytes, depth);
                    continue;
                }
                Some(office::Member::Styles) | None => continue,
            };
            let lower = name.to_ascii_lowercase();
            // An Excel binary workbook's parts are records, not XML.
            if lower.ends_with(".bin") {
                let (t, damage) = super::xlsb::part_text(bytes, self.deadline);
                self.push(path, kind, t.text, false);
                self.push(path, PieceKind::PageHeader, t.headers, false);
                if let Some(why) = damage {
                    self.problem(path, why);
                }
                continue;
            }
            if lower.ends_with(".fpage") {
                match office::xps_page_text(bytes, self.deadline) {
                    Ok(t) => self.push(path, kind, t, false),
                    Err(why) => self.problem(path, why),
                }
                continue;
            }
            match office::xml_to_text(bytes, &styles, self.deadline) {
                Ok(t) => self.push(path, kind, t.text, t.tcvn3_lowercase),
                Err(why) => self.problem(path, why),
            }
            // A worksheet's printed header and footer (where a spreadsheet is marked).
            if lower.starts_with("xl/worksheets/sheet") {
                let headers = office::sheet_headers(bytes, self.deadline);
                self.push(path, PieceKind::PageHeader, headers, false);
            }
        }
    }

    /// The encrypted parts of an OpenDocument package opened with a password the message gives
    /// ([`odf_crypt`]), each kept for clamd (macros, objects and pictures as well as the parts
    /// read here; not LibreOffice's settings and RDF metadata, plain XML of no use to either);
    /// `None`, and the document held unread, when none opens them.
    fn odf_encrypted(
        &mut self,
        budget: &mut Budget,
        location: &str,
        manifest: &[u8],
        members: &[(&str, &str, &[u8])],
    ) -> Option<Vec<(String, Vec<u8>)>> {
        let parts: Vec<(&str, &[u8])> = members
            .iter()
            .filter(|(_, name, _)| !matches!(*name, "settings.xml" | "manifest.rdf"))
            .map(|&(_, name, bytes)| (name, bytes))
            .collect();
        let (cap, ratio) = (budget.bytes_left, budget.max_ratio);
        let parts = match odf_crypt::open(
            manifest,
            &parts,
            location,
            &mut budget.passwords,
            cap,
            ratio,
            self.deadline,
        ) {
            odf_crypt::Opened::Parts(parts) => parts,
            odf_crypt::Opened::Closed => {
                self.problem(
                    location,
                    "an OpenDocument file saved with a password, none the message gives opens it",
                );
                return None;
            }
            odf_crypt::Opened::Unread(why) => {
                self.problem(
                    location,
                    format!("an OpenDocument file saved with a password: {why}"),
                );
                return None;
            }
        };
        let mut problems = Vec::new();
        if !budget.admit(location, parts.iter().map(|(_, b)| b.len()).sum(), &mut problems) {
            for p in problems {
                self.problem(p.path(), p.describe());
            }
            return None;
        }
        for (name, bytes) in &parts {
            self.out
                .decrypted
                .push((format!("{location} > {name}"), bytes.clone()));
        }
        Some(parts)
    }

    /// An OpenDocument whose whole package is encrypted (LibreOffice 24.8 and later): opened with
    /// a password the message gives and read as the package it is; else held unread.
    fn odf_package_encrypted(
        &mut self,
        budget: &mut Budget,
        location: &str,
        members: &[(&str, &str, &[u8])],
        depth: usize,
    ) {
        let Some(&(_, _, manifest)) = members.iter().find(|m| m.1 == odf_crypt::MANIFEST) else {
            return self.problem(
                location,
                "an OpenDocument file saved with a password: its manifest was not read",
            );
        };
        let Some(parts) = self.odf_encrypted(budget, location, manifest, members) else {
            return;
        };
        for (name, package) in parts {
            self.zip(budget, &format!("{location} > {name}"), &package, depth + 1);
        }
    }

    /// Compound File Binary: a legacy Office document (or an encrypted OOXML package).
    fn ole(&mut self, budget: &mut Budget, location: &str, data: &[u8], depth: usize) {
        match ole::read(data) {
            Ok(t) => self.ole_text(budget, location, t, depth),
            Err(ole::OleError::Encrypted(why)) => self.office_encrypted(budget, location, data, why, depth),
            Err(ole::OleError::Damaged(why)) => self.ole_damaged(location, data, why),
        }
    }

    /// A damaged legacy Office document: whatever text it shows is still read, and the damage
    /// reported.
    fn ole_damaged(&mut self, location: &str, data: &[u8], why: String) {
        let mut t = office::XmlText::default();
        ole::text_runs(data, &mut t);
        self.push(location, PieceKind::Document, t.text, t.tcvn3_lowercase);
        self.problem(location, why);
    }

    /// An Office document saved with a password: opened with one the message gives
    /// ([`office_crypt`]) and read, the decrypted file kept for clamd; else held unread (`why`).
    fn office_encrypted(
        &mut self,
        budget: &mut Budget,
        location: &str,
        data: &[u8],
        why: &str,
        depth: usize,
    ) {
        let Some(plain) = office_crypt::open(data, location, &mut budget.passwords, self.deadline) else {
            return self.problem(location, why);
        };
        let mut problems = Vec::new();
        if !budget.admit(location, plain.bytes().len(), &mut problems) {
            for p in problems {
                self.problem(p.path(), p.describe());
            }
            return;
        }
        match &plain {
            Plain::Package(package) => self.zip(budget, location, package, depth),
            Plain::Binary(file) => match ole::read(file) {
                Ok(t) => self.ole_text(budget, location, t, depth),
                // Decrypted, it is still marked encrypted (a part the crate leaves so): held.
                Err(ole::OleError::Encrypted(why)) => self.problem(location, why),
                Err(ole::OleError::Damaged(why)) => self.ole_damaged(location, file, why),
            },
        }
        let bytes = match plain {
            Plain::Package(b) | Plain::Binary(b) => b,
        };
        self.out.decrypted.push((location.to_owned(), bytes));
    }

    /// The text of a legacy Office document, and the files embedded in it.
    fn ole_text(&mut self, budget: &mut Budget, location: &str, t: ole::OleText, depth: usize) {
        self.push(
            location,
            PieceKind::PageHeader,
            t.header.text,
            t.header.tcvn3_lowercase,
        );
        self.push(
            location,
            PieceKind::Document,
            t.document.text,
            t.document.tcvn3_lowercase,
        );
        self.push(
            location,
            PieceKind::Properties,
            t.other.text,
            t.other.tcvn3_lowercase,
        );
        for (name, bytes) in &t.embedded {
            let path = format!("{location} > {name}");
            self.named_file(budget, &path, name, "", bytes, depth);
        }
    }
}

/// Why mail encrypted to its recipients is a problem: no gateway reads it, so it is never passed
/// as read (held, as all unreadable content is).
const ENCRYPTED_MAIL: &str = "encrypted to its recipients, its content cannot be read";
const PGP_MESSAGE: &str = "a PGP message";

/// Whether a text carries an ASCII-armoured PGP message (a line that starts one).
fn has_pgp_message(text: &[u8]) -> bool {
    const ARMOUR: &[u8] = b"-----BEGIN PGP MESSAGE-----";
    memchr::memmem::find_iter(text, ARMOUR).any(|at| at == 0 || text[at - 1] == b'\n')
}

/// What kind of encrypted mail a file is: S/MIME's enveloped (or opaque signed) data, a PGP
/// message in armour, an OpenPGP file; `None` for anything else. (A detached S/MIME or PGP
/// signature, `.p7s` or `.asc` of a signature, signs content that is read as any other.)
fn encrypted_mail(name: &str, content_type: &str, data: &[u8]) -> Option<&'static str> {
    let ext = extension(name);
    if matches!(
        content_type,
        "application/pkcs7-mime" | "application/x-pkcs7-mime"
    ) || ext == "p7m"
    {
        Some("an S/MIME message")
    } else if has_pgp_message(&data[..data.len().min(64 * 1024)]) {
        Some(PGP_MESSAGE)
    } else if matches!(ext.as_str(), "gpg" | "pgp") {
        Some("an OpenPGP file")
    } else {
        None
    }
}

/// No NUL bytes and mostly printable: plain text without a telling name.
fn looks_like_text(head: &[u8]) -> bool {
    !head.is_empty()
        && !head.contains(&0)
        && head
            .iter()
            .filter(|b| b.is_ascii_graphic() || b.is_ascii_whitespace() || **b >= 0x80)
            .count()
            * 10
            >= head.len() * 9
}

#[cfg(test)]
mod tests {
    /// Mail encrypted to its recipients is told by its type, its name or its armour, wherever
    /// the armour starts a line; signatures and a mention of PGP are not it.
    #[test]
    fn encrypted_mail_is_told_apart_from_signatures() {
        assert_eq!(
            encrypted_mail("smime.p7m", "application/pkcs7-mime", b"\x30\x80"),
            Some("an S/MIME message")
        );
        assert_eq!(
            encrypted_mail("x", "application/x-pkcs7-mime", b""),
            Some("an S/MIME message")
        );
        let armour = b"Version: 1\n-----BEGIN PGP MESSAGE-----\n\nhQEM\n-----END PGP MESSAGE-----\n";
        assert_eq!(
            encrypted_mail("encrypted.asc", "application/octet-stream", armour),
            Some(PGP_MESSAGE)
        );
        assert_eq!(
            encrypted_mail("bao-cao.docx.gpg", "application/octet-stream", b"\x85\x01"),
            Some("an OpenPGP file")
        );
        for (name, ctype, data) in [
            ("smime.p7s", "application/pkcs7-signature", b"\x30\x80".as_slice()),
            (
                "signature.asc",
                "application/pgp-signature",
                b"-----BEGIN PGP SIGNATURE-----\n",
            ),
            (
                "ghi-chu.txt",
                "text/plain",
                b"Dung dan -----BEGIN PGP MESSAGE----- vao thu.",
            ),
        ] {
            assert_eq!(encrypted_mail(name, ctype, data), None, "{name}");
        }
    }

    #[test]
    fn web_exports_and_documents_not_read_are_told_apart() {
        use super::{Format, classify, is_document_extension};
        let html = |head: &[u8]| {
            matches!(
                classify("bao-cao.xls", "application/vnd.ms-excel", head),
                Some(Format::Html)
            )
        };
        assert!(html(b"<table border=1><tr><td>x</td></tr></table>"));
        assert!(html(
            b"\xEF\xBB\xBF\r\n<meta http-equiv=\"Content-Type\" content=\"text/html\"><table>"
        ));
        assert!(html(b"<DIV><TABLE>"));
        assert!(!html(b"STT;Ho ten\r\n1;A"));
        assert!(!html(b"\xD0\xCF\x11\xE0<table"));
        assert!(is_document_extension("xlsb") && is_document_extension("pdf"));
        assert!(!is_document_extension("png") && !is_document_extension("exe"));
        assert!(super::is_unread_format_extension("vsd") && super::is_unread_format_extension("hwp"));
        assert!(!super::is_unread_format_extension("xlsb"));
        assert!(!super::is_unread_format_extension("pdf") && !super::is_unread_format_extension("docx"));
    }

    /// text/enriched and text/richtext as their readers show them: commands and parameters
    /// dropped, line breaks by each one's rules, lines kept within `<nofill>`.
    #[test]
    fn styled_text_is_read_as_shown() {
        use super::unenriched;
        let sent = "<center><bold>T\u{1ed0}I M\u{1eac}T</bold></center>\r\n\r\n<bold>K\u{1ebe} HO\u{1ea0}CH</bold>\r\nb\u{1ea3}o v\u{1ec7}\r\n<color><param>red</param>x <<y</color>\r\n\r\n\r\n<nofill>a\r\nb</nofill>";
        assert_eq!(unenriched(sent, false), "TỐI MẬT\nKẾ HOẠCH bảo vệ x <y\n\na\nb");
        assert_eq!(
            unenriched("<bold>M\u{1eac}T</bold><nl>a\r\nb <lt>c", true),
            "MẬT\na b <c"
        );
    }

    #[test]
    fn flowed_text_is_read_as_typed() {
        use super::unflowed;
        // A field wrapped by the mail program, a space-stuffed line, a quoted paragraph, the
        // signature separator, a last line without a break.
        let sent = "Độ mật: \r\nTối mật\r\n From me\r\n> trích \r\n> dẫn\r\n-- \r\nVăn thư \r\nSở";
        assert_eq!(
            unflowed(sent, false),
            "Độ mật: Tối mật\nFrom me\n> trích dẫn\n-- \nVăn thư Sở"
        );
        // delsp=yes: the space that marked the break was not the writer's.
        assert_eq!(unflowed("TỐI \nMẬT\n", true), "TỐIMẬT\n");
        assert_eq!(unflowed("TỐI  \nMẬT\n", true), "TỐI MẬT\n");
        // A flowed line before a deeper quote ends its paragraph there.
        assert_eq!(unflowed("a \n> b\n", false), "a \n> b\n");
    }

    use super::*;

    /// A message with one attachment of this type, name and (base64-encoded) content.
    fn with_attachment(content_type: &str, name: &str, data: &[u8]) -> String {
        format!(
            "From: a@b\r\nSubject: Gui\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\nKinh gui.\r\n--B\r\nContent-Type: {content_type}; name=\"{name}\"\r\nContent-Disposition: attachment; filename=\"{name}\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n--B--\r\n",
            String::from_utf8_lossy(&crate::mime_out::base64(data))
        )
    }

    fn pieces_of(raw: &str) -> ExtractedText {
        let limits = LimitsConfig::default();
        let parsed = ParsedMessage::parse(raw.as_bytes(), &limits);
        extract_message(&parsed, raw.as_bytes(), &limits)
    }

    /// A fragment of a message split over several mails is read as far as it goes and said to
    /// be unreadable, at the top or inside a multipart; a whole message is not.
    #[test]
    fn a_fragment_of_a_split_message_is_unreadable() {
        let fragment = "From: a@b\r\nSubject: Ke hoach (1/2)\r\nMIME-Version: 1.0\r\nContent-Type: message/partial; id=\"x@y\"; number=1; total=2\r\n\r\nFrom: a@b\r\nSubject: Ke hoach\r\n\r\nKe hoach TO";
        let inside = "From: a@b\r\nSubject: t\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\nKinh gui.\r\n--B\r\nContent-Type: Message/Partial; number=2\r\n\r\nI MAT\r\n--B--\r\n";
        for (raw, place, which) in [
            (fragment, "part 0", "fragment 1 of 2"),
            (inside, "part 2", "fragment 2)"),
        ] {
            let text = pieces_of(raw);
            let p = text.problems.iter().find(|p| p.why.contains("message/partial"));
            assert!(
                p.is_some_and(|p| p.location == place && p.why.contains(which)),
                "{:?}",
                text.problems
            );
        }
        assert!(
            pieces_of(&with_attachment("text/plain", "a.txt", b"x"))
                .problems
                .is_empty()
        );
    }

    /// A part whose content is kept outside the message (message/external-body) is said to be
    /// unreadable: what it names is not in the mail.
    #[test]
    fn content_kept_outside_the_message_is_unreadable() {
        let raw = "From: a@b\r\nSubject: t\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\nKinh gui.\r\n--B\r\nContent-Type: message/external-body; access-type=URL;\r\n URL=\"http://files.example.vn/ke-hoach.docx\"\r\n\r\nContent-Type: application/msword\r\n\r\n--B--\r\n";
        let text = pieces_of(raw);
        assert!(
            text.problems
                .iter()
                .any(|p| p.location == "part 2" && p.why.contains("message/external-body, access type URL")),
            "{:?}",
            text.problems
        );
    }

    /// XML that is not an Office part (an e-document, an SVG drawing) is read element by
    /// element, whatever type it was sent as; XML that is not well-formed, as plain text.
    #[test]
    fn xml_and_svg_files_are_read_a_line_per_element() {
        let edoc = "<?xml version=\"1.0\"?>\n<VanBan><CoQuan>UBND TỈNH</CoQuan><DoMat>TỐI MẬT</DoMat><NoiDung><![CDATA[Kính gửi & chào]]></NoiDung><Ky>A&#7853;</Ky></VanBan>";
        let svg = "<!DOCTYPE svg [<!ENTITY ns \"x\">]><svg xmlns='http://www.w3.org/2000/svg'><text x='1'>TUYỆT MẬT</text><text>&ns;Số: 3</text></svg>";
        for (ctype, name, data, want) in [
            (
                "application/xml",
                "van-ban.xml",
                edoc,
                "UBND TỈNH\nTỐI MẬT\nKính gửi & chào\nAậ",
            ),
            (
                "application/octet-stream",
                "van-ban.xml",
                edoc,
                "UBND TỈNH\nTỐI MẬT\nKính gửi & chào\nAậ",
            ),
            ("image/svg+xml", "dau.svg", svg, "TUYỆT MẬT\nSố: 3"),
            ("text/xml", "hong.xml", "<a><b>MẬT</a>", "<a><b>MẬT</a>"),
        ] {
            let text = pieces_of(&with_attachment(ctype, name, data.as_bytes()));
            let doc: Vec<&str> = text
                .pieces
                .iter()
                .filter(|p| p.kind == PieceKind::Document)
                .map(|p| p.text.trim())
                .collect();
            assert_eq!(doc, vec![want], "{ctype} {name}: {:?}", text.pieces);
            assert!(text.problems.is_empty(), "{:?}", text.problems);
        }
    }

    /// A message saved as a file (.eml) is read as a forwarded message is: its subject, its
    /// bodies (here base64) and its attachments, under its own place; inside an archive too.
    #[test]
    fn a_message_saved_as_a_file_is_read_as_a_forwarded_one() {
        let inner = with_attachment("text/plain", "phu-luc.txt", "TỐI MẬT\nPhụ lục".as_bytes());
        let inner = inner.replace("Kinh gui.", "S\u{1ed1}: 3/KH"); // body stays 8bit here
        for (raw, prefix) in [
            (
                with_attachment("application/octet-stream", "thu-cu.eml", inner.as_bytes()),
                "part 2 \"thu-cu.eml\" > ",
            ),
            (
                with_attachment(
                    "application/zip",
                    "a.zip",
                    &crate::mime_out::zip_of(&[("thu/thu-cu.eml", inner.as_bytes())]),
                ),
                "part 2 \"a.zip\" > thu/thu-cu.eml > ",
            ),
        ] {
            let text = pieces_of(&raw);
            let got: Vec<(String, PieceKind, &str)> = text
                .pieces
                .iter()
                .filter(|p| p.location.starts_with(prefix))
                .map(|p| (p.location[prefix.len()..].to_owned(), p.kind, p.text.trim()))
                .collect();
            assert_eq!(
                got,
                vec![
                    ("subject".to_owned(), PieceKind::Subject, "Gui"),
                    ("body part 1".to_owned(), PieceKind::Body, "Số: 3/KH"),
                    (
                        "part 2 \"phu-luc.txt\", file name".to_owned(),
                        PieceKind::FileName,
                        "phu - luc"
                    ),
                    (
                        "part 2 \"phu-luc.txt\"".to_owned(),
                        PieceKind::Document,
                        "TỐI MẬT\nPhụ lục"
                    ),
                ],
                "{:?}",
                text.pieces
            );
        }
    }

    /// A web archive (Word's "Single File Web Page", a browser's .mht) is MIME: its HTML part,
    /// quoted-printable, is read decoded, whether it is named .mht or .doc or sent as
    /// application/octet-stream; its first line tells it when nothing else does.
    #[test]
    fn a_web_archive_is_read_as_mime_not_as_its_encoded_html() {
        let mht = "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_01DB\"\r\n\r\nThis document is a Single File Web Page, also known as a Web Archive file.\r\n\r\n------=_NextPart_01DB\r\nContent-Location: file:///C:/bao-cao.htm\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset=\"utf-8\"\r\n\r\n<html><body><p class=3DMsoNormal>=54=55Y=E1=BB=86T M=E1=BA=ACT</p><p>S=E1=BB=91: 12/BC</p></body></html>\r\n\r\n------=_NextPart_01DB--\r\n";
        for (ctype, name) in [
            ("message/rfc822", "bao-cao.mht"),
            ("application/msword", "bao-cao.doc"),
            ("application/octet-stream", "bao-cao"),
        ] {
            let text = pieces_of(&with_attachment(ctype, name, mht.as_bytes()));
            let body: Vec<&str> = text
                .pieces
                .iter()
                .filter(|p| p.location.contains("part 2") && p.kind == PieceKind::Body)
                .map(|p| p.text.trim())
                .collect();
            assert_eq!(
                body,
                vec!["TUYỆT MẬT\nSố: 12/BC"],
                "{ctype} {name}: {:?}",
                text.pieces
            );
        }
    }

    /// Messages saved as files inside each other count against the archives' depth: a chain
    /// of a hundred ends in a problem a few levels down, not in a deep recursion.
    #[test]
    fn messages_saved_inside_messages_are_bounded_by_the_archive_depth() {
        let mut raw = "From: a@b\r\nSubject: day\r\n\r\nTUYET MAT\r\n".to_owned();
        for level in 0..100 {
            // Unencoded (base64 would grow by a third a level), a boundary of its own.
            raw = format!(
                "From: a@b\r\nSubject: {level}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=B{level}\r\n\r\n--B{level}\r\nContent-Type: application/octet-stream; name=\"x.eml\"\r\nContent-Disposition: attachment; filename=\"x.eml\"\r\n\r\n{raw}\r\n--B{level}--\r\n"
            );
        }
        let text = pieces_of(&raw);
        assert!(
            text.problems.iter().any(|p| p.why.contains("nested too deep")),
            "{:?}",
            text.problems
        );
        let levels = LimitsConfig::default().max_archive_depth;
        assert!(
            // (The name of the one not opened is read.)
            text.pieces
                .iter()
                .all(|p| p.location.matches("x.eml").count() <= levels + 1),
            "{:?}",
            text.pieces.iter().map(|p| &p.location).collect::<Vec<_>>()
        );
    }

    /// The names of attachments and archive members are pieces of their own, read as words,
    /// where the detector's places say "file name"; a package's own members are not.
    #[test]
    fn file_names_are_read_as_words_where_they_stand() {
        let zip = crate::mime_out::zip_of(&[("docs/TỐI MẬT.txt", b"x"), ("thu_muc/", b"")]);
        let docx = crate::mime_out::zip_of(&[
            ("[Content_Types].xml", b"<Types/>"),
            ("word/document.xml", b"<w:document/>"),
            ("word/media/TUYET_MAT.png", b"png"),
        ]);
        let raw = format!(
            "From: a@b\r\nSubject: Gui\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\nKinh gui.\r\n--B\r\nContent-Type: text/plain; name=\"TOI_MAT-Ke_hoach.2026.txt\"\r\nContent-Disposition: attachment; filename=\"TOI_MAT-Ke_hoach.2026.txt\"\r\n\r\nx\r\n--B\r\nContent-Type: application/zip; name=\"a.zip\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n--B\r\nContent-Type: application/octet-stream; name=\"b.docx\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n--B--\r\n",
            String::from_utf8_lossy(&crate::mime_out::base64(&zip)),
            String::from_utf8_lossy(&crate::mime_out::base64(&docx)),
        );
        let limits = LimitsConfig::default();
        let parsed = ParsedMessage::parse(raw.as_bytes(), &limits);
        let text = extract_message(&parsed, raw.as_bytes(), &limits);
        let names: Vec<(&str, &str)> = text
            .pieces
            .iter()
            .filter(|p| p.kind == PieceKind::FileName)
            .map(|p| (p.location.as_str(), p.text.as_str()))
            .collect();
        assert_eq!(
            names,
            vec![
                (
                    "part 2 \"TOI_MAT-Ke_hoach.2026.txt\", file name",
                    "TOI MAT - Ke hoach 2026"
                ),
                ("part 3 \"a.zip\", file name", "a"),
                ("part 3 \"a.zip\" > docs/TỐI MẬT.txt, file name", "TỐI MẬT"),
                ("part 4 \"b.docx\", file name", "b"),
            ],
            "{:?}",
            text.pieces
        );
        assert_eq!(
            crate::verdict::Place::parse(names[2].0),
            vec![
                crate::verdict::Place::Part {
                    id: "3".into(),
                    name: Some("a.zip".into())
                },
                crate::verdict::Place::Member {
                    name: "docs/TỐI MẬT.txt".into()
                },
                crate::verdict::Place::FileName,
            ]
        );
    }

    #[test]
    fn fuzz_regressions_are_read_within_bounds() {
        let limits = LimitsConfig::default();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions/spam_rules");
        let mut n = 0;
        for entry in std::fs::read_dir(&dir).expect("fuzz/regressions/spam_rules") {
            let raw = std::fs::read(entry.expect("entry").path()).expect("read");
            let parsed = ParsedMessage::parse(&raw, &limits);
            let text = extract_message(&parsed, &raw, &limits);
            assert!(text.len() <= raw.len() * 4, "text bounded by the input");
            n += 1;
        }
        assert!(n >= 1);
    }
}
