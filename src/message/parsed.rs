//! Parsing a message once, and the facts derived from it that every scanner shares: the parsed
//! MIME tree, the list of file attachments (including those inside forwarded messages) with their
//! decoded sizes and where they are, and what could not be parsed.

use crate::config::LimitsConfig;
use mail_parser::{Message, MessageParser, MimeHeaders, PartType};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// A file attachment somewhere in the message.
#[derive(Debug, Clone, PartialEq)]
pub struct Attachment {
    /// Where it is, for people: `part 3 "report.pdf"`, `forwarded message in part 2 > part 3 …`.
    pub location: String,
    pub name: Option<String>,
    /// `type/subtype` as declared.
    pub content_type: String,
    /// Size after transfer decoding (base64, quoted-printable).
    pub decoded_size: u64,
    /// How many forwarded messages it is inside.
    pub depth: usize,
    /// Where the part is in the parsed tree (for [`ParsedMessage::content`]).
    pub part: PartRef,
    /// A file carried as text in the part ([`super::encoded`]: an x-uuencode or BinHex part, a
    /// uuencoded, BinHex or yEnc block in a text body): its index in
    /// [`ParsedMessage::decoded_files`], which holds its bytes.
    pub encoded_file: Option<usize>,
}

/// The path to a part: the part ids of the forwarded messages it is inside, then its own id.
#[derive(Debug, Clone, PartialEq)]
pub struct PartRef {
    pub forwarded: Vec<u32>,
    pub id: u32,
}

/// Something about the message's structure that could not be read as intended.
#[derive(Debug, Clone, PartialEq)]
pub enum StructureProblem {
    /// No header section: the whole message was taken as one text body.
    NoHeaders,
    /// A part's encoding or a nested message was broken (location).
    BadEncoding(String),
    /// NUL bytes in the message (count).
    NulBytes(usize),
    /// The structure is beyond the configured limits; nothing past the header was analysed.
    TooComplex(String),
    /// The MIME parser itself failed on this input.
    ParserPanic,
}

/// A message parsed once, with its derived facts.
pub struct ParsedMessage<'x> {
    /// The parsed message (None when it had no headers, was too complex, or the parser failed).
    pub message: Option<Message<'x>>,
    pub attachments: Vec<Attachment>,
    pub problems: Vec<StructureProblem>,
    /// The files carried as text in the message, decoded ([`super::encoded`]).
    pub decoded_files: Vec<Vec<u8>>,
}

impl<'x> ParsedMessage<'x> {
    /// Parses `raw` within `limits`. Never panics; always returns in time linear in the input.
    pub fn parse(raw: &'x [u8], limits: &LimitsConfig) -> ParsedMessage<'x> {
        let mut problems = Vec::new();
        let nuls = memchr_count(0, raw);
        if nuls > 0 {
            problems.push(StructureProblem::NulBytes(nuls));
        }
        // Bound the work (and the depth of the parsed tree, which is dropped recursively) before
        // handing the input to the parser.
        let parts = count_content_type_lines(raw);
        if parts > limits.max_mime_parts {
            problems.push(StructureProblem::TooComplex(format!(
                "{parts} MIME parts, limit is {}",
                limits.max_mime_parts
            )));
            return ParsedMessage {
                message: None,
                attachments: Vec::new(),
                problems,
                decoded_files: Vec::new(),
            };
        }
        // Forwarded messages sent base64- or QP-encoded are parsed by mail-parser recursively,
        // copying the decoded part once per message nested in it: bound that before parsing.
        if let Some(why) = encoded_nesting(raw, limits, ENCODED_LEVELS) {
            problems.push(StructureProblem::TooComplex(why));
            return ParsedMessage {
                message: None,
                attachments: Vec::new(),
                problems,
                decoded_files: Vec::new(),
            };
        }
        let parser = MessageParser::default();
        let message = match catch_unwind(AssertUnwindSafe(|| parser.parse(raw))) {
            Ok(Some(m)) if m.parts.first().is_some_and(|p| p.headers.is_empty()) => {
                problems.push(StructureProblem::NoHeaders);
                Some(m)
            }
            Ok(Some(m)) => Some(m),
            Ok(None) => {
                problems.push(StructureProblem::NoHeaders);
                None
            }
            Err(_) => {
                problems.push(StructureProblem::ParserPanic);
                None
            }
        };
        let mut parsed = ParsedMessage {
            message,
            attachments: Vec::new(),
            problems,
            decoded_files: Vec::new(),
        };
        if let Some(m) = parsed.message.take() {
            collect(
                &m,
                limits,
                &mut parsed.attachments,
                &mut parsed.problems,
                &mut parsed.decoded_files,
            );
            parsed.message = Some(m);
        }
        parsed
    }

    /// Sum of the decoded sizes of every file attachment.
    pub fn total_attachment_bytes(&self) -> u64 {
        self.attachments.iter().map(|a| a.decoded_size).sum()
    }

    /// The decoded content of an attachment (text attachments as UTF-8 after charset decoding).
    pub fn content(&self, a: &Attachment) -> Option<&[u8]> {
        if let Some(i) = a.encoded_file {
            return self.decoded_files.get(i).map(Vec::as_slice);
        }
        let mut msg = self.message.as_ref()?;
        for &id in &a.part.forwarded {
            match &msg.parts.get(id as usize)?.body {
                PartType::Message(m) => msg = m,
                _ => return None,
            }
        }
        match &msg.parts.get(a.part.id as usize)?.body {
            PartType::Text(t) | PartType::Html(t) => Some(t.as_bytes()),
            PartType::Binary(b) | PartType::InlineBinary(b) => Some(b),
            _ => None,
        }
    }

    /// An attachment's bytes as sent: as [`ParsedMessage::content`], except that a text part
    /// whose conversion to Unicode lost bytes (no or an unknown charset) is given back
    /// unconverted ([`text_as_sent`]), so Windows-1258 and legacy TCVN3/VNI text still reaches
    /// the extractor.
    pub fn content_as_sent(&self, a: &Attachment) -> Option<std::borrow::Cow<'_, [u8]>> {
        if a.encoded_file.is_some() {
            return self.content(a).map(std::borrow::Cow::Borrowed);
        }
        let mut msg = self.message.as_ref()?;
        for &id in &a.part.forwarded {
            match &msg.parts.get(id as usize)?.body {
                PartType::Message(m) => msg = m,
                _ => return None,
            }
        }
        let part = msg.parts.get(a.part.id as usize)?;
        if let Some(bytes) = text_as_sent(msg, part) {
            return Some(std::borrow::Cow::Owned(bytes));
        }
        self.content(a).map(std::borrow::Cow::Borrowed)
    }

    /// Whether the structure was beyond limits (so scanners could not see everything).
    pub fn too_complex(&self) -> Option<&str> {
        self.problems.iter().find_map(|p| match p {
            StructureProblem::TooComplex(why) => Some(why.as_str()),
            _ => None,
        })
    }
}

/// A text part's bytes as sent (transfer encoding undone, no charset applied) when the parser's
/// conversion replaced some of them by U+FFFD and they are Vietnamese (Windows-1258, VISCII,
/// TCVN3 or VNI): a part without a charset (or with one it does not know) is read as UTF-8, and
/// those bytes do not survive that (the caller reads them with
/// [`crate::vietnamese::decode_bytes`]). A part labelled with a Vietnamese character set the
/// parser does not know ([`crate::vietnamese::Charset8`]) is given back decoded, as UTF-8; one
/// labelled Western (ISO-8859-1, Windows-1252, ASCII) whose bytes are UTF-8 beyond ASCII, as
/// they are.
/// None otherwise (other text keeps the parser's reading).
pub fn text_as_sent(msg: &Message<'_>, part: &mail_parser::MessagePart<'_>) -> Option<Vec<u8>> {
    let (PartType::Text(t) | PartType::Html(t)) = &part.body else {
        return None;
    };
    // Labelled with a Vietnamese character set the parser does not know (VISCII, TCVN 5712,
    // VNI): decoded here, given back as UTF-8.
    let label = part.content_type().and_then(|ct| ct.attribute("charset"));
    let labelled = label.and_then(crate::vietnamese::Charset8::from_label);
    // Base64 or quoted-printable the parser could not decode: decoded as readers do, then
    // read in its charset.
    if let Some(bytes) = decoded_leniently(msg, part) {
        if let Some(charset) = labelled {
            return Some(charset.decode(&bytes).into_bytes());
        }
        return Some(
            match label.and_then(|l| encoding_rs::Encoding::for_label(l.trim().as_bytes())) {
                // Western labels are left to the caller's reading (UTF-8, Windows-1258, TCVN3…).
                Some(enc) if enc != encoding_rs::WINDOWS_1252 && enc != encoding_rs::UTF_8 => enc
                    .decode_without_bom_handling(&bytes)
                    .0
                    .into_owned()
                    .into_bytes(),
                _ => bytes,
            },
        );
    }
    // Labelled Western (a mailer's default) but written in UTF-8: read as Latin-1 every
    // Vietnamese letter is two or three letters of nonsense ("TỐI" as "Tá»\u{90}I").
    let western = labelled.is_none() && !t.is_ascii() && label.is_some_and(is_western_label);
    if labelled.is_none() && !western && !t.contains('\u{FFFD}') {
        return None;
    }
    let raw = msg
        .raw_message
        .get(part.offset_body as usize..part.offset_end as usize)?;
    let bytes = match part.encoding {
        mail_parser::Encoding::None => Some(raw.to_vec()),
        mail_parser::Encoding::Base64 => mail_parser::decoders::base64::base64_decode(raw),
        mail_parser::Encoding::QuotedPrintable => {
            mail_parser::decoders::quoted_printable::quoted_printable_decode(raw)
        }
    }?;
    if let Some(charset) = labelled {
        return Some(charset.decode(&bytes).into_bytes());
    }
    if western {
        // Bytes that are UTF-8 with letters beyond ASCII are that: Latin-1 text is almost
        // never also valid UTF-8 (an accented letter would have to be followed by one of
        // the 64 continuation bytes each time).
        return std::str::from_utf8(&bytes).is_ok().then_some(bytes);
    }
    crate::vietnamese::is_vietnamese_8bit(&bytes).then_some(bytes)
}

/// Whether a charset label names a Western single-byte set (or ASCII), as mailers label text
/// by default whatever it is written in: the labels the WHATWG Encoding Standard reads as
/// Windows-1252 (`iso-8859-1`, `us-ascii`, `latin1`, `cp1252`…) or ISO-8859-15.
fn is_western_label(label: &str) -> bool {
    encoding_rs::Encoding::for_label(label.trim().as_bytes())
        .is_some_and(|e| e == encoding_rs::WINDOWS_1252 || e == encoding_rs::ISO_8859_15)
}

/// Walks the message and its forwarded messages without recursion, listing attachments (and
/// the files carried as text in them or in text bodies, decoded into `decoded_files`).
fn collect(
    root: &Message<'_>,
    limits: &LimitsConfig,
    out: &mut Vec<Attachment>,
    problems: &mut Vec<StructureProblem>,
    decoded_files: &mut Vec<Vec<u8>>,
) {
    let mut stack: Vec<(&Message<'_>, String, Vec<u32>)> = vec![(root, String::new(), Vec::new())];
    while let Some((msg, prefix, forwarded)) = stack.pop() {
        let depth = forwarded.len();
        let tree_depth = multipart_depth(msg);
        if depth + tree_depth > limits.max_mime_depth {
            problems.push(StructureProblem::TooComplex(format!(
                "nesting depth {} at {}, limit is {}",
                depth + tree_depth,
                if prefix.is_empty() {
                    "top level"
                } else {
                    prefix.trim_end_matches(" > ")
                },
                limits.max_mime_depth
            )));
            continue;
        }
        for &id in &msg.attachments {
            let Some(part) = msg.parts.get(id as usize) else {
                continue;
            };
            let name = part.attachment_name().map(str::to_owned);
            let location = match &name {
                Some(n) => format!("{prefix}part {id} {n:?}"),
                None => format!("{prefix}part {id}"),
            };
            if part.is_encoding_problem {
                problems.push(StructureProblem::BadEncoding(location.clone()));
            }
            match &part.body {
                PartType::Message(inner) => {
                    let mut path = forwarded.clone();
                    path.push(id);
                    stack.push((inner, format!("{prefix}forwarded message in part {id} > "), path));
                }
                PartType::Multipart(_) => {}
                body => {
                    let bytes: &[u8] = match body {
                        PartType::Text(t) | PartType::Html(t) => t.as_bytes(),
                        PartType::Binary(b) | PartType::InlineBinary(b) => b,
                        _ => &[],
                    };
                    let size = bytes.len();
                    let content_type = part
                        .content_type()
                        .map(|ct| match ct.subtype() {
                            Some(sub) => format!("{}/{}", ct.ctype(), sub),
                            None => ct.ctype().to_owned(),
                        })
                        .unwrap_or_else(|| "application/octet-stream".to_owned())
                        .to_ascii_lowercase();
                    // Base64 with characters outside its alphabet, quoted-printable with bad
                    // escapes: decoded as readers do.
                    if let Some(data) = decoded_leniently(msg, part) {
                        out.push(Attachment {
                            location,
                            name,
                            content_type,
                            decoded_size: data.len() as u64,
                            depth,
                            part: PartRef {
                                forwarded: forwarded.clone(),
                                id,
                            },
                            encoded_file: Some(decoded_files.len()),
                        });
                        decoded_files.push(data);
                        continue;
                    }
                    // Sent as text (uuencoded, BinHex): the part is the file it decodes to.
                    let carried = super::encoded::of_part(
                        part.content_transfer_encoding(),
                        &content_type,
                        name.as_deref(),
                        bytes,
                        expansion_left(limits, decoded_files),
                    );
                    let (name, content_type, size, encoded_file) = match carried {
                        Some(file) => {
                            let size = file.data.len();
                            decoded_files.push(file.data);
                            // A uuencoded part is declared as the file it is; a BinHex part's
                            // name and type are the wrapper's (`x.hqx`), its header names the file.
                            let (name, content_type) = if file.encoding == super::encoded::binhex::ENCODING {
                                (Some(file.name), "application/octet-stream".to_owned())
                            } else {
                                (name.or(Some(file.name)), content_type)
                            };
                            (name, content_type, size, Some(decoded_files.len() - 1))
                        }
                        None => (name, content_type, size, None),
                    };
                    out.push(Attachment {
                        location,
                        name,
                        content_type,
                        decoded_size: size as u64,
                        depth,
                        part: PartRef {
                            forwarded: forwarded.clone(),
                            id,
                        },
                        encoded_file,
                    });
                }
            }
        }
        // Files carried in the text of a body (a uuencoded «begin 644 name» … «end» block, a
        // BinHex file, a yEnc block), as mail readers show them.
        for &id in &msg.text_body {
            let Some(part) = msg.parts.get(id as usize) else {
                continue;
            };
            let PartType::Text(t) = &part.body else {
                continue;
            };
            if !super::encoded::may_carry(t.as_bytes()) {
                continue;
            }
            // yEnc's 8-bit bytes as sent (no transfer encoding: it is sent 8-bit).
            let raw = match part.encoding {
                mail_parser::Encoding::None => msg
                    .raw_message
                    .get(part.offset_body as usize..part.offset_end as usize)
                    .unwrap_or_default(),
                _ => t.as_bytes(),
            };
            for file in super::encoded::in_text(t.as_bytes(), raw, expansion_left(limits, decoded_files)) {
                out.push(Attachment {
                    location: format!("{prefix}part {id} {} {:?}", file.encoding, file.name),
                    content_type: "application/octet-stream".to_owned(),
                    decoded_size: file.data.len() as u64,
                    depth,
                    part: PartRef {
                        forwarded: forwarded.clone(),
                        id,
                    },
                    encoded_file: Some(decoded_files.len()),
                    name: Some(file.name),
                });
                decoded_files.push(file.data);
            }
        }
    }
}

/// What the message's expansion budget (`limits.max_expanded_bytes`) has left for files
/// decoded from text, after those decoded so far.
fn expansion_left(limits: &LimitsConfig, decoded: &[Vec<u8>]) -> usize {
    let used: u64 = decoded.iter().map(|d| d.len() as u64).sum();
    usize::try_from(limits.max_expanded_bytes.saturating_sub(used)).unwrap_or(usize::MAX)
}

/// Depth of the multipart tree of one message (its own parts, not forwarded messages).
fn multipart_depth(msg: &Message<'_>) -> usize {
    let mut max = 0;
    let mut stack = vec![(0u32, 1usize)];
    let mut visited = 0usize;
    while let Some((id, d)) = stack.pop() {
        visited += 1;
        if visited > msg.parts.len() * 2 + 2 {
            break; // A malformed tree that points back on itself: stop.
        }
        max = max.max(d);
        if let Some(PartType::Multipart(children)) = msg.parts.get(id as usize).map(|p| &p.body) {
            for &c in children {
                if c != id {
                    stack.push((c, d + 1));
                }
            }
        }
    }
    max.saturating_sub(1)
}

fn memchr_count(needle: u8, hay: &[u8]) -> usize {
    memchr::memchr_iter(needle, hay).count()
}

/// Header lines the MIME parser would read as `Content-Type`: an upper bound of the number of
/// MIME parts, and so of the depth of the tree it builds.
///
/// It follows mail-parser's reading of a header name, not RFC 5322's: whitespace anywhere
/// before the colon is ignored (`Content-Type :`, `Content - Type:`), as are colons before the
/// name and leading whitespace. One pass over the input; each line is looked at only up to its
/// first colon after a name, or until its letters can no longer spell `content-type`.
fn count_content_type_lines(raw: &[u8]) -> usize {
    const NAME: &[u8] = b"content-type";
    let mut count = 0;
    for line in raw.split(|&b| b == b'\n') {
        let mut matched = 0;
        for &b in line {
            if b.is_ascii_whitespace() {
                continue;
            }
            if b == b':' {
                if matched == NAME.len() {
                    count += 1;
                    break;
                }
                if matched == 0 {
                    continue; // mail-parser skips colons before a name
                }
                break;
            }
            if matched < NAME.len() && b.to_ascii_lowercase() == NAME[matched] {
                matched += 1;
            } else {
                break;
            }
        }
    }
    count
}

/// Levels of encoded forwarded messages mail-parser decodes and parses (its `MAX_NESTED_ENCODED`).
const ENCODED_LEVELS: usize = 3;

/// Whether `hay` contains `needle` (ASCII, any case). `needle` must be lower-case.
fn contains_ci(hay: &[u8], needle: &[u8]) -> bool {
    let Some(&first) = needle.first() else {
        return true;
    };
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), hay).any(|at| {
        hay.get(at..at + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
    })
}

/// mail-parser decodes a base64 or quoted-printable `message/rfc822` part (or a digest's
/// default-typed part) and parses it recursively, up to three levels, then converts the result
/// with a recursive `into_owned` that copies the whole decoded part once for every message
/// nested in it. The nesting inside is invisible to [`count_content_type_lines`] on the encoded
/// bytes, so it would be bounded only by the stack and memory. This finds such parts first (a
/// parse that decodes nothing), decodes each, and refuses the message when the parts inside one
/// exceed `max_mime_parts`, or their copies (parts × decoded size) exceed `max_expanded_bytes`.
/// Cheap for ordinary mail: a message that names no `message/` or `digest` type, or no encoding,
/// is not looked at further.
fn encoded_nesting(raw: &[u8], limits: &LimitsConfig, levels: usize) -> Option<String> {
    if levels == 0 {
        return None;
    }
    let typed = contains_ci(raw, b"message/") || contains_ci(raw, b"digest");
    let encoded =
        contains_ci(raw, b"base64") || contains_ci(raw, b"quoted-printable") || contains_ci(raw, b"=?");
    if !typed || !encoded {
        return None;
    }
    // The structure only: Content-Transfer-Encoding ignored, so nothing is decoded and nested
    // messages are parsed in place (iteratively, borrowing the input).
    let parser = MessageParser::new()
        .header_content_type(mail_parser::HeaderName::ContentType)
        .ignore_header(mail_parser::HeaderName::ContentTransferEncoding)
        .default_header_ignore();
    let Ok(Some(tree)) = catch_unwind(AssertUnwindSafe(|| parser.parse(raw))) else {
        return None; // the real parse reports what went wrong
    };
    let tree = Flat(Some(tree));
    let mut stack: Vec<&Message<'_>> = tree.0.iter().collect();
    let mut seen = 0usize;
    while let Some(msg) = stack.pop() {
        for part in &msg.parts {
            seen += 1;
            if seen > limits.max_mime_parts.saturating_mul(2) {
                return None; // beyond the part limit: the real parse refuses it anyway
            }
            let PartType::Message(inner) = &part.body else {
                continue;
            };
            stack.push(inner);
            // The encoding as written, read leniently: any value naming an encoding (or an
            // encoded word that may decode to one) counts as encoded.
            let cte = part
                .headers
                .iter()
                .filter(|h| h.name == mail_parser::HeaderName::ContentTransferEncoding)
                .filter_map(|h| raw.get(h.offset_start as usize..h.offset_end as usize))
                .find(|v| {
                    contains_ci(v, b"base64") || contains_ci(v, b"quoted-printable") || contains_ci(v, b"=?")
                });
            let Some(cte) = cte else {
                continue;
            };
            let body = raw
                .get(part.offset_body as usize..(part.offset_end as usize).min(raw.len()))
                .unwrap_or_default();
            let mut decodings = Vec::new();
            if !contains_ci(cte, b"quoted-printable") {
                decodings.push(decode_base64_lenient(body));
            }
            if !contains_ci(cte, b"base64") {
                decodings.push(decode_qp_lenient(body));
            }
            for decoded in decodings {
                let parts = count_content_type_lines(&decoded);
                let copies = (parts as u64).saturating_mul(decoded.len() as u64);
                if parts > limits.max_mime_parts || copies > limits.max_expanded_bytes {
                    return Some(format!(
                        "an encoded forwarded message holds {parts} MIME parts in {} decoded bytes (parts limit {}, copies limit {} bytes)",
                        decoded.len(),
                        limits.max_mime_parts,
                        limits.max_expanded_bytes
                    ));
                }
                if let Some(why) = encoded_nesting(&decoded, limits, levels - 1) {
                    return Some(why);
                }
            }
        }
    }
    None
}

/// Base64 decoded, skipping every byte outside the alphabet (as lenient as any decoder), as
/// RFC 2045 (§6.8) says a decoder must. The MIME parser refuses a part at its first such
/// character and gives its text undecoded, where mail readers (Thunderbird, Outlook, Python's
/// email) skip it and show the file: one stray `!` in a base64 .docx hid its content from every
/// scanner ([`decoded_leniently`]).
pub(crate) fn decode_base64_lenient(data: &[u8]) -> Vec<u8> {
    let mut out = super::encoded::Sextets::with_capacity(data.len());
    for &b in data {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => continue,
        };
        out.push(v);
    }
    out.bytes
}

/// A part's body decoded leniently when the parser could not decode it: base64 with stray
/// characters ([`decode_base64_lines`]), quoted-printable with escapes that are none (`=ZZ`,
/// kept as they are, as readers show them: [`decode_qp_lenient`]); None otherwise.
fn decoded_leniently(msg: &Message<'_>, part: &mail_parser::MessagePart<'_>) -> Option<Vec<u8>> {
    if !part.is_encoding_problem {
        return None;
    }
    // (The parser then says the part has no encoding: the header says what it was sent in.)
    let encoding = part.content_transfer_encoding()?.trim().to_ascii_lowercase();
    let raw = msg
        .raw_message
        .get(part.offset_body as usize..part.offset_end as usize)?;
    match encoding.as_str() {
        "base64" => Some(decode_base64_lines(raw)),
        "quoted-printable" => Some(decode_qp_lenient(raw)),
        _ => None,
    }
}

/// A part's base64 decoded line by line, stray characters skipped ([`decode_base64_lenient`]),
/// up to the first line that is mostly not base64: the text a mailing list appends after a
/// single-part body (Mailman's `-----` and footer) is not the file's.
fn decode_base64_lines(raw: &[u8]) -> Vec<u8> {
    let mut kept = Vec::with_capacity(raw.len());
    for line in raw.split(|&b| b == b'\n') {
        let line = line.trim_ascii();
        if line.is_empty() {
            continue;
        }
        let alphabet = line
            .iter()
            .filter(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
            .count();
        if alphabet * 2 < line.len() {
            break;
        }
        kept.extend_from_slice(line);
    }
    decode_base64_lenient(&kept)
}

/// Quoted-printable decoded: `=XX` escapes and soft line breaks; anything else as is.
pub(super) fn decode_qp_lenient(data: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        if data[i] == b'=' {
            if let (Some(h), Some(l)) = (
                data.get(i + 1).and_then(|&b| hex(b)),
                data.get(i + 2).and_then(|&b| hex(b)),
            ) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
            if data.get(i + 1) == Some(&b'\n') {
                i += 2;
                continue;
            }
            if data.get(i + 1..i + 3) == Some(b"\r\n") {
                i += 3;
                continue;
            }
        }
        out.push(data[i]);
        i += 1;
    }
    out
}

/// A parsed message that is taken apart without recursion when dropped (see below).
struct Flat<'x>(Option<Message<'x>>);

impl Drop for Flat<'_> {
    fn drop(&mut self) {
        drop_flat(self.0.take());
    }
}

impl Drop for ParsedMessage<'_> {
    /// Takes nested messages apart without recursion: mail-parser's own drop recurses once per
    /// forwarded message, so a deep enough nesting would overflow the stack.
    fn drop(&mut self) {
        drop_flat(self.message.take());
    }
}

/// Drops a message and every message nested in it, one at a time.
fn drop_flat(root: Option<Message<'_>>) {
    let mut pending: Vec<Message<'_>> = root.into_iter().collect();
    while let Some(mut msg) = pending.pop() {
        for part in &mut msg.parts {
            if matches!(part.body, PartType::Message(_))
                && let PartType::Message(inner) =
                    std::mem::replace(&mut part.body, PartType::Binary(Default::default()))
            {
                pending.push(inner);
            }
        }
        drop(msg);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> LimitsConfig {
        LimitsConfig::default()
    }

    #[test]
    fn attachments_with_decoded_sizes_including_forwarded() {
        let raw = b"From: a@b\r\nSubject: t\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=X\r\n\r\n\
--X\r\nContent-Type: text/plain\r\n\r\nhello\r\n\
--X\r\nContent-Type: application/pdf; name=\"a.pdf\"\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"a.pdf\"\r\n\r\nAAAAAAAA\r\n\
--X\r\nContent-Type: message/rfc822\r\n\r\nFrom: c@d\r\nSubject: inner\r\nContent-Type: multipart/mixed; boundary=Y\r\n\r\n\
--Y\r\nContent-Type: text/plain\r\n\r\ninner text\r\n\
--Y\r\nContent-Type: application/zip; name=\"b.zip\"\r\nContent-Transfer-Encoding: base64\r\n\r\nAAAA\r\n--Y--\r\n\
--X--\r\n";
        let p = ParsedMessage::parse(raw, &limits());
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        let names: Vec<_> = p
            .attachments
            .iter()
            .map(|a| (a.name.clone(), a.decoded_size, a.depth))
            .collect();
        assert!(names.contains(&(Some("a.pdf".into()), 6, 0)), "{names:?}");
        assert!(names.contains(&(Some("b.zip".into()), 3, 1)), "{names:?}");
        assert_eq!(p.total_attachment_bytes(), 9);
        for a in &p.attachments {
            let c = p.content(a).expect("content reachable");
            assert_eq!(c.len() as u64, a.decoded_size);
        }
        let b = p
            .attachments
            .iter()
            .find(|a| a.name.as_deref() == Some("b.zip"))
            .expect("b.zip");
        assert!(
            b.location.starts_with("forwarded message in part"),
            "{}",
            b.location
        );
    }

    /// A BinHex part, and BinHex and yEnc blocks in a body, are attachments whose content is
    /// the file they carry, under its own name.
    #[test]
    fn files_sent_as_text_are_attachments() {
        let data = "TỐI MẬT\nKế hoạch số 12.\n".as_bytes();
        let hqx = crate::mime_out::binhex_of("ke-hoach.txt", data);
        let part = format!(
            "From: a@b\r\nSubject: t\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=X\r\n\r\n\
--X\r\nContent-Type: text/plain\r\n\r\nhello\r\n\
--X\r\nContent-Type: application/mac-binhex40; name=\"ke-hoach.hqx\"\r\n\r\n{hqx}\r\n--X--\r\n"
        );
        let mut body = format!(
            "From: a@b\r\nSubject: t\r\n\r\nhello\r\n{hqx}\r\n=ybegin line=128 size=26 name=bang ke.txt\r\n"
        )
        .into_bytes();
        body.extend(crate::mime_out::yenc_lines(data));
        body.extend_from_slice(b"=yend size=26\r\nbye\r\n");
        for (raw, want) in [
            (part.as_bytes(), vec!["part 2 \"ke-hoach.hqx\""]),
            (
                body.as_slice(),
                vec!["part 0 BinHex \"ke-hoach.txt\"", "part 0 yEnc \"bang ke.txt\""],
            ),
        ] {
            let p = ParsedMessage::parse(raw, &limits());
            let got: Vec<&str> = p.attachments.iter().map(|a| a.location.as_str()).collect();
            assert_eq!(got, want);
            for a in &p.attachments {
                assert_eq!(p.content(a), Some(data), "{}", a.location);
                assert!(
                    a.name.as_deref().is_some_and(|n| n.ends_with(".txt")),
                    "{:?}",
                    a.name
                );
            }
        }
    }

    /// Base64 with stray characters is decoded as readers decode it, up to a line that is not
    /// base64 at all (a mailing list's footer after a single-part body); so is
    /// quoted-printable the parser refused.
    #[test]
    fn broken_base64_is_decoded_as_readers_do() {
        let b64 = String::from_utf8_lossy(&crate::mime_out::base64(
            "TỐI MẬT\r\nSố: 12/KH-UBND\r\n".repeat(4).as_bytes(),
        ))
        .into_owned();
        // A stray character every tenth (a mangled gateway's, or one put there on purpose).
        let junk: String = b64
            .chars()
            .enumerate()
            .flat_map(|(i, c)| [Some(c), (i % 10 == 9).then_some('!')])
            .flatten()
            .collect();
        let footer =
            format!("{b64}\r\n\r\n-------------------------\r\nThis list is sponsored by: ThinkGeek\r\n");
        for (sent, want) in [
            (junk.as_str(), true),
            (footer.as_str(), true),
            (b64.as_str(), true),
        ] {
            let decoded = decode_base64_lines(sent.as_bytes());
            assert_eq!(
                String::from_utf8(decoded).ok().as_deref(),
                want.then(|| "TỐI MẬT\r\nSố: 12/KH-UBND\r\n".repeat(4)).as_deref(),
                "{sent}"
            );
        }
        let raw = format!(
            "From: a@b\r\nSubject: t\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\nx\r\n--B\r\nContent-Type: application/octet-stream; name=a.txt\r\nContent-Transfer-Encoding: base64\r\n\r\n{junk}\r\n--B--\r\n"
        );
        let parsed = ParsedMessage::parse(raw.as_bytes(), &limits());
        let a = &parsed.attachments[0];
        assert_eq!(
            parsed.content(a),
            Some("TỐI MẬT\r\nSố: 12/KH-UBND\r\n".repeat(4).as_bytes())
        );
        assert!(
            parsed
                .problems
                .iter()
                .any(|p| matches!(p, StructureProblem::BadEncoding(_)))
        );
        // Quoted-printable the parser gives up on (`==`): escapes decoded (the last `=` a soft
        // line break), the rest as it is.
        let raw = "From: a@b\r\nSubject: t\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nT=E1=BB=90I M=E1=BA=ACT ==\r\n";
        let msg = mail_parser::MessageParser::default()
            .parse(raw.as_bytes())
            .expect("parses");
        assert_eq!(
            text_as_sent(&msg, &msg.parts[0]).as_deref(),
            Some("TỐI MẬT =".as_bytes())
        );
    }

    /// A body labelled Western but written in UTF-8 (8-bit or base64) is given back as its
    /// bytes; real Latin-1 text and UTF-8 labelled so keep the parser's reading.
    #[test]
    fn utf8_labelled_western_is_read_as_utf8() {
        let body = |charset: &str, cte: &str, bytes: &[u8]| {
            let mut raw = format!(
                "From: a@b\r\nSubject: t\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset={charset}\r\nContent-Transfer-Encoding: {cte}\r\n\r\n"
            )
            .into_bytes();
            if cte == "base64" {
                raw.extend_from_slice(&crate::mime_out::base64(bytes));
            } else {
                raw.extend_from_slice(bytes);
            }
            raw
        };
        let letter = "TỐI MẬT\r\nSố: 12/KH-UBND\r\n".as_bytes();
        for (charset, cte, bytes, want) in [
            ("windows-1252", "8bit", letter, Some(letter)),
            ("\"ISO-8859-1\"", "base64", letter, Some(letter)),
            ("us-ascii", "8bit", letter, Some(letter)),
            (
                "iso-8859-1",
                "8bit",
                &b"Cr\xe8me br\xfbl\xe9e \xe0 la fran\xe7aise"[..],
                None,
            ),
            ("utf-8", "8bit", letter, None),
            ("windows-1252", "8bit", &b"plain ASCII"[..], None),
        ] {
            let raw = body(charset, cte, bytes);
            let msg = mail_parser::MessageParser::default()
                .parse(&raw[..])
                .expect("parses");
            let part = &msg.parts[0];
            assert_eq!(text_as_sent(&msg, part).as_deref(), want, "{charset} {cte}");
        }
    }

    #[test]
    fn body_without_headers() {
        let p = ParsedMessage::parse(b"\r\njust a body\r\n", &limits());
        assert!(
            p.problems.contains(&StructureProblem::NoHeaders),
            "{:?}",
            p.problems
        );
        assert_eq!(p.total_attachment_bytes(), 0);
    }

    #[test]
    fn too_many_parts_is_bounded() {
        let mut raw = b"Content-Type: multipart/mixed; boundary=X\r\n\r\n".to_vec();
        for _ in 0..3000 {
            raw.extend_from_slice(b"--X\r\nContent-Type: text/plain\r\n\r\nx\r\n");
        }
        let p = ParsedMessage::parse(&raw, &limits());
        assert!(p.too_complex().is_some(), "{:?}", p.problems);
    }

    #[test]
    fn deep_nesting_is_bounded() {
        // 200 forwarded messages inside each other.
        let mut raw = Vec::new();
        for _ in 0..200 {
            raw.extend_from_slice(b"From: a@b\r\nContent-Type: message/rfc822\r\n\r\n");
        }
        raw.extend_from_slice(b"From: a@b\r\n\r\nbottom\r\n");
        let p = ParsedMessage::parse(&raw, &limits());
        assert!(p.too_complex().is_some(), "{:?}", p.problems);
        let mut raw = Vec::new();
        for i in 0..200 {
            raw.extend_from_slice(
                format!("Content-Type: multipart/mixed; boundary=B{i}\r\n\r\n--B{i}\r\n").as_bytes(),
            );
        }
        let p = ParsedMessage::parse(&raw, &limits());
        assert!(p.too_complex().is_some(), "{:?}", p.problems);
    }

    #[test]
    fn content_type_spelled_as_the_parser_reads_it_counts() {
        for line in [
            "Content-Type: message/rfc822",
            "Content-Type : message/rfc822",
            "content-type\t: message/rfc822",
            "Content - Type: message/rfc822",
            " :Content-Type: message/rfc822",
        ] {
            assert_eq!(count_content_type_lines(line.as_bytes()), 1, "{line:?}");
        }
        for line in [
            "Content-Typo: x",
            "X-Content-Type: x",
            "Content-Type-X: y",
            "Content",
        ] {
            assert_eq!(count_content_type_lines(line.as_bytes()), 0, "{line:?}");
        }
    }

    /// Issue 14, defect 1: 50,000 forwarded messages inside each other, written with a space
    /// before the colon, overflowed the stack (in the drop of the parsed tree).
    #[test]
    fn deep_nesting_with_a_space_before_the_colon_is_refused_not_a_crash() {
        let mut raw = Vec::new();
        for _ in 0..50_000 {
            raw.extend_from_slice(b"From: a@b\r\nContent-Type : message/rfc822\r\n\r\n");
        }
        raw.extend_from_slice(b"From: a@b\r\n\r\nbottom\r\n");
        let p = ParsedMessage::parse(&raw, &limits());
        assert!(p.too_complex().is_some(), "{:?}", p.problems);
    }

    /// Within the part limit, a nesting as deep as the parser will build is dropped without
    /// recursion (on a small stack).
    #[test]
    fn nested_messages_drop_without_recursion() {
        let handle = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(|| {
                let mut raw = Vec::new();
                for _ in 0..1_900 {
                    raw.extend_from_slice(b"From: a@b\r\nContent-Type: message/rfc822\r\n\r\n");
                }
                raw.extend_from_slice(b"From: a@b\r\n\r\nbottom\r\n");
                let limits = LimitsConfig {
                    max_mime_depth: 5000,
                    ..LimitsConfig::default()
                };
                let p = ParsedMessage::parse(&raw, &limits);
                p.attachments.len()
            })
            .expect("thread");
        assert!(handle.join().is_ok());
    }

    /// A forwarded message sent base64-encoded, holding many nested messages: mail-parser would
    /// copy the decoded part once per level (and recurse as deep). Refused before parsing.
    #[test]
    fn encoded_nesting_is_bounded_before_parsing() {
        let enc = |inner: &[u8]| {
            let mut raw = b"From: x@y\r\nSubject: t\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\nContent-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\n".to_vec();
            raw.extend_from_slice(&crate::mime_out::base64(inner));
            raw.extend_from_slice(b"\r\n--B--\r\n");
            raw
        };
        let nest = |levels: usize, padding: usize| {
            let mut inner = Vec::new();
            for _ in 0..levels {
                inner.extend_from_slice(b"From: a@b\r\nContent-Type: message/rfc822\r\n\r\n");
            }
            inner.extend_from_slice(b"From: a@b\r\n\r\n");
            inner.extend(std::iter::repeat_n(b'x', padding));
            inner
        };
        // Deep: more parts than the limit.
        let raw = enc(&nest(5000, 0));
        let p = ParsedMessage::parse(&raw, &limits());
        assert!(
            p.too_complex().is_some_and(|w| w.contains("encoded forwarded")),
            "{:?}",
            p.problems
        );
        // Shallow but large: 50 levels of a 4 MB part would be copied 50 times.
        let raw = enc(&nest(50, 4 << 20));
        let p = ParsedMessage::parse(&raw, &limits());
        assert!(p.too_complex().is_some(), "{:?}", p.problems);
        // An ordinary encoded forward (two levels, small) is parsed as before.
        let raw = enc(&nest(2, 1000));
        let p = ParsedMessage::parse(&raw, &limits());
        assert!(p.too_complex().is_none(), "{:?}", p.problems);
        assert!(p.message.is_some());
        // Quoted-printable hides the nesting as well as base64 does.
        let mut qp = b"From: x@y\r\nContent-Type: message/rfc822\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n".to_vec();
        for _ in 0..3000 {
            qp.extend_from_slice(b"=43ontent-Type: message/rfc822\r\n\r\n");
        }
        let p = ParsedMessage::parse(&qp, &limits());
        assert!(p.too_complex().is_some(), "{:?}", p.problems);
    }

    #[test]
    fn nul_bytes_are_reported() {
        let p = ParsedMessage::parse(b"Subject: a\0b\r\n\r\nx\0\0\r\n", &limits());
        assert!(
            p.problems.contains(&StructureProblem::NulBytes(3)),
            "{:?}",
            p.problems
        );
    }
}
