//! Outlook's TNEF (`winmail.dat`, `application/ms-tnef`): Outlook and Exchange wrap a rich-text
//! message's attachments in it, so a document sent that way is inside one opaque part. Its
//! attachments are opened like an archive's members (each with its long file name), within the
//! message's budget, and so is the message's body as it carries it (its HTML, its rich text,
//! compressed, or its plain text: the whole body of a message sent as nothing but a
//! winmail.dat). The format (MS-OXTNEF) is a run of attributes, each a level, an id, a length,
//! the data and a checksum; this reader is lenient where Outlook's writers differ (checksums,
//! dates and unknown attributes are not checked), strict about lengths.
//!
//! Written here: the one crate (`tnef` 0.1) refuses a whole file on any attribute it does not
//! know or an attachment without dates, and reads no long file names.

use super::{Budget, ExtractProblem};

/// The first bytes of a TNEF stream (0x223E9F78, little-endian).
const SIGNATURE: [u8; 4] = [0x78, 0x9F, 0x3E, 0x22];

/// Attribute ids (the low 16 bits; the high ones give the type).
const ATT_OEM_CODEPAGE: u32 = 0x9007;
const ATT_ATTACH_REND_DATA: u32 = 0x9002;
const ATT_ATTACH_TITLE: u32 = 0x8010;
const ATT_ATTACH_DATA: u32 = 0x800F;
const ATT_ATTACHMENT: u32 = 0x9005;
/// The message's plain text body (older writers), and its MAPI properties.
const ATT_BODY: u32 = 0x800C;
const ATT_MSG_PROPS: u32 = 0x9003;

/// MAPI property of an attachment: its long file name.
const PR_ATTACH_LONG_FILENAME: u16 = 0x3707;
/// MAPI properties of the message: its body as plain text, as compressed RTF, as HTML.
const PR_BODY: u16 = 0x1000;
const PR_RTF_COMPRESSED: u16 = 0x1009;
const PR_HTML: u16 = 0x1013;

/// Whether bytes start a TNEF stream.
pub fn is_tnef(head: &[u8]) -> bool {
    head.starts_with(&SIGNATURE)
}

/// One attachment of a TNEF stream.
#[derive(Debug, Default, PartialEq)]
pub struct Attachment<'d> {
    /// The long file name when the attachment's properties give one, else its title (which
    /// may be an 8.3 name).
    pub name: String,
    pub data: &'d [u8],
}

/// What a TNEF stream holds, as far as it is read here.
#[derive(Debug, Default, PartialEq)]
pub struct Tnef<'d> {
    /// Its attachments with content, in order.
    pub attachments: Vec<Attachment<'d>>,
    /// The names of attachments whose content is not a file (an embedded message or OLE
    /// object kept in their properties): not read, and said so.
    pub unread: Vec<String>,
    /// The message's body as the stream carries it, as a file (`message body.html`, `.rtf` or
    /// `.txt`; the body of a message sent with nothing but a winmail.dat): its HTML when it has
    /// one (the form it was written in; Outlook's rich text of an HTML message is made from it),
    /// else its rich text (Outlook's own format), else its plain text.
    pub body: Option<(String, Vec<u8>)>,
}

/// An attachment while its attributes are read (after its rendering data, the first of each).
#[derive(Default)]
struct Pending<'d> {
    title: Option<String>,
    long_name: Option<String>,
    data: Option<&'d [u8]>,
}

impl<'d> Pending<'d> {
    /// Its long name when the properties give one, else its title, else its place.
    fn into_tnef(self, out: &mut Tnef<'d>) {
        let n = out.attachments.len() + out.unread.len() + 1;
        let name = self
            .long_name
            .filter(|n| !n.trim().is_empty())
            .or(self.title)
            .unwrap_or_else(|| format!("attachment {n}"));
        match self.data {
            Some(data) => out.attachments.push(Attachment { name, data }),
            None => out.unread.push(name),
        }
    }
}

/// The attachments of a TNEF stream, in order; an error names what is wrong and where.
pub fn read(data: &[u8]) -> Result<Tnef<'_>, String> {
    if !is_tnef(data) {
        return Err("not a TNEF stream".to_owned());
    }
    let mut at = 6; // signature and legacy key
    let mut code_page = 1252;
    let mut out = Tnef::default();
    let mut current: Option<Pending<'_>> = None;
    // The body in each form found: plain, HTML, rich text.
    let mut bodies: [Option<Vec<u8>>; 3] = Default::default();
    while at < data.len() {
        let start = at;
        let header = data
            .get(at..at + 9)
            .ok_or_else(|| format!("TNEF attribute header truncated at byte {start}"))?;
        let level = header[0];
        let id = u32::from_le_bytes([header[1], header[2], header[3], header[4]]) & 0xFFFF;
        let len = u32::from_le_bytes([header[5], header[6], header[7], header[8]]) as usize;
        let body = data
            .get(at + 9..)
            .and_then(|rest| rest.get(..len))
            .ok_or_else(|| format!("TNEF attribute at byte {start} claims {len} bytes past the end"))?;
        at += 9 + len + 2; // and its checksum
        match (level, id) {
            (1, ATT_OEM_CODEPAGE) => {
                if let Some(b) = body.get(..4) {
                    code_page = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
                }
            }
            (2, ATT_ATTACH_REND_DATA) => {
                if let Some(done) = current.replace(Pending::default()) {
                    done.into_tnef(&mut out);
                }
            }
            (2, ATT_ATTACH_TITLE) => {
                if let Some(c) = current.as_mut() {
                    c.title = Some(decode_8bit(body, code_page));
                }
            }
            (2, ATT_ATTACH_DATA) => {
                if let Some(c) = current.as_mut() {
                    c.data = Some(body);
                }
            }
            (2, ATT_ATTACHMENT) => {
                if let Some(c) = current.as_mut() {
                    c.long_name = long_file_name(body, code_page);
                }
            }
            (1, ATT_BODY) => bodies[0] = Some(decode_8bit_all(body, code_page).into_bytes()),
            (1, ATT_MSG_PROPS) => properties(body, &mut |id, base, value| match (id, base) {
                (PR_BODY, 0x001F) => bodies[0] = Some(utf16(value).into_bytes()),
                (PR_BODY, _) => bodies[0] = Some(decode_8bit_all(value, code_page).into_bytes()),
                (PR_HTML, 0x001F) => bodies[1] = Some(utf16(value).into_bytes()),
                (PR_HTML, _) => bodies[1] = Some(value.split(|&b| b == 0).next().unwrap_or(value).to_vec()),
                (PR_RTF_COMPRESSED, 0x0102) => bodies[2] = super::rtf::outlook_compressed(value),
                _ => {}
            }),
            (1 | 2, _) => {}
            _ => return Err(format!("TNEF attribute at byte {start} has level {level}")),
        }
    }
    if let Some(done) = current.take() {
        done.into_tnef(&mut out);
    }
    let [plain, html, rtf] = bodies;
    out.body = html
        .map(|b| ("message body.html", b))
        .or(rtf.map(|b| ("message body.rtf", b)))
        .or(plain.map(|b| ("message body.txt", b)))
        .filter(|(_, b)| !b.is_empty())
        .map(|(n, b)| (n.to_owned(), b));
    Ok(out)
}

/// Text in the stream's code page, up to its NUL, trimmed (a name).
fn decode_8bit(bytes: &[u8], code_page: u32) -> String {
    decode_8bit_all(bytes, code_page).trim().to_owned()
}

/// Text in the stream's code page, up to its NUL (a body).
fn decode_8bit_all(bytes: &[u8], code_page: u32) -> String {
    let bytes = bytes.split(|&b| b == 0).next().unwrap_or(bytes);
    let (text, _) = super::rtf::encoding_for(None, code_page).decode_without_bom_handling(bytes);
    text.into_owned()
}

/// UTF-16LE text, up to its NUL.
fn utf16(value: &[u8]) -> String {
    let units: Vec<u16> = value
        .chunks_exact(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .take_while(|&u| u != 0)
        .collect();
    String::from_utf16_lossy(&units)
}

/// `PR_ATTACH_LONG_FILENAME` from an attachment's MAPI properties, if they can be walked to it.
fn long_file_name(props: &[u8], code_page: u32) -> Option<String> {
    let mut name = None;
    properties(props, &mut |id, base, value| {
        if id == PR_ATTACH_LONG_FILENAME && name.is_none() {
            name = Some(match base {
                0x001F => utf16(value).trim().to_owned(),
                _ => decode_8bit(value, code_page),
            });
        }
    });
    name
}

/// Calls `found(id, type, value)` for each single-valued property of variable length (strings,
/// binary, objects) in a list of MAPI properties, in order, as far as the list can be walked (a
/// property of a type not known here ends the walk).
fn properties<'p>(props: &'p [u8], found: &mut dyn FnMut(u16, u16, &'p [u8])) {
    let _ = walk_properties(props, found);
}

fn walk_properties<'p>(props: &'p [u8], found: &mut dyn FnMut(u16, u16, &'p [u8])) -> Option<()> {
    let mut r = Cursor { data: props, at: 0 };
    let count = r.u32()?;
    for _ in 0..count {
        let kind = r.u16()?;
        let id = r.u16()?;
        if id >= 0x8000 {
            // A named property: its GUID, then a number or a name.
            r.skip(16)?;
            if r.u32()? == 0 {
                r.skip(4)?;
            } else {
                let n = r.u32()? as usize;
                r.skip(n.checked_add(3)? & !3)?;
            }
        }
        let base = kind & 0x0FFF;
        let multi = kind & 0x1000 != 0;
        let variable = matches!(base, 0x001E | 0x001F | 0x0102 | 0x000D);
        let values = if multi || variable { r.u32()? } else { 1 };
        for _ in 0..values {
            if variable {
                let n = r.u32()? as usize;
                let value = r.take(n)?;
                r.skip((4 - n % 4) % 4)?;
                if !multi {
                    found(id, base, value);
                }
            } else {
                let size = match base {
                    0x0002 | 0x0003 | 0x0004 | 0x000A | 0x000B => 4,
                    0x0005 | 0x0006 | 0x0007 | 0x0014 | 0x0040 => 8,
                    0x0048 => 16,
                    _ => return None,
                };
                r.skip(size)?;
            }
        }
    }
    Some(())
}

/// Reads little-endian values from a byte slice, None past its end.
struct Cursor<'d> {
    data: &'d [u8],
    at: usize,
}

impl<'d> Cursor<'d> {
    fn take(&mut self, n: usize) -> Option<&'d [u8]> {
        let v = self.data.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(v)
    }

    fn skip(&mut self, n: usize) -> Option<()> {
        self.take(n).map(|_| ())
    }

    fn u16(&mut self) -> Option<u16> {
        self.take(2).map(|b| u16::from_le_bytes([b[0], b[1]]))
    }

    fn u32(&mut self) -> Option<u32> {
        self.take(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

/// Calls `visit(path, name, bytes)` for the message body and each attachment of the TNEF stream
/// `data` (at `path`, nesting `depth`), as an archive's members are: each counts against the
/// message's budget.
pub fn for_each_member(
    data: &[u8],
    path: &str,
    depth: usize,
    budget: &mut Budget,
    problems: &mut Vec<ExtractProblem>,
    visit: &mut dyn FnMut(&str, &str, &[u8]),
) {
    if budget.too_deep(path, depth, problems) {
        return;
    }
    super::zip::opened();
    let found = match read(data) {
        Ok(found) => found,
        Err(why) => {
            problems.push(ExtractProblem::Unreadable(path.to_owned(), why));
            return;
        }
    };
    for name in found.unread {
        problems.push(ExtractProblem::Unreadable(
            format!("{path} > {name}"),
            "an embedded message or object, not a file: not read".to_owned(),
        ));
    }
    if let Some((name, bytes)) = &found.body
        && !budget.visit(path, name, bytes, problems, visit)
    {
        return;
    }
    for a in found.attachments {
        if !budget.visit(path, &a.name, a.data, problems, visit) {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mime_out::tnef_of as winmail;

    #[test]
    fn attachments_are_read_with_their_long_names() {
        let dat = winmail(
            &[
                ("KEHOAC~1.DOC", "Kế hoạch TỐI MẬT.docx", b"PK\x03\x04 docx"),
                ("BAOCAO.TXT", "", b"bao cao"),
            ],
            1258,
        );
        let found = read(&dat).expect("reads");
        assert!(found.unread.is_empty());
        assert_eq!(
            found.attachments,
            vec![
                Attachment {
                    name: "Kế hoạch TỐI MẬT.docx".into(),
                    data: b"PK\x03\x04 docx",
                },
                Attachment {
                    name: "BAOCAO.TXT".into(),
                    data: b"bao cao",
                },
            ]
        );
    }

    /// The message's body from its properties: HTML before rich text before plain text; the
    /// compressed rich text decompressed, a damaged one not taken; Unicode and 8-bit text.
    #[test]
    fn the_body_is_read_in_its_richest_form() {
        let rtf = "{\\rtf1\\ansi T\\u7888?I M\\u7852?T\\par}";
        let packed = compressed_rtf::compress_rtf(rtf).expect("compresses");
        let utf16: Vec<u8> = "TỐI MẬT\0".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let mut damaged = packed.clone();
        let last = damaged.len() - 1;
        damaged[last] ^= 0xFF;
        for (props, want) in [
            (
                vec![(0x1000, 0x001F, utf16.clone()), (0x1009, 0x0102, packed.clone())],
                Some(("message body.rtf", rtf.as_bytes().to_vec())),
            ),
            (
                vec![
                    (0x1009, 0x0102, packed),
                    (0x1013, 0x0102, b"<p>MAT</p>\0".to_vec()),
                ],
                Some(("message body.html", b"<p>MAT</p>".to_vec())),
            ),
            (
                vec![(0x1009, 0x0102, damaged), (0x1000, 0x001F, utf16)],
                Some(("message body.txt", "TỐI MẬT".as_bytes().to_vec())),
            ),
            (
                vec![(0x1000, 0x001E, b"T\xd4I M\xc2T\0".to_vec())],
                Some(("message body.txt", "TÔI MÂT".as_bytes().to_vec())),
            ),
            (vec![], None),
        ] {
            let dat = crate::mime_out::tnef_message(&props, &[("A.TXT", "", b"a")], 1252);
            let found = read(&dat).expect("reads");
            assert_eq!(found.body, want.map(|(n, b)| (n.to_owned(), b)));
            assert_eq!(found.attachments.len(), 1);
        }
    }

    /// Every cut of a stream ends in an error or fewer attachments, never a panic; a length
    /// past the end is named; a zip is not TNEF.
    #[test]
    fn truncated_and_lying_streams_end_in_an_error() {
        let dat = winmail(&[("A.TXT", "a.txt", b"0123456789")], 1252);
        for cut in 0..dat.len() {
            let _ = read(&dat[..cut]);
        }
        let mut long = SIGNATURE.to_vec();
        long.extend_from_slice(&[0, 0, 2, 0x0F, 0x80, 6, 0, 0xFF, 0xFF, 0xFF, 0x7F]);
        assert!(read(&long).unwrap_err().contains("at byte 6 claims"));
        assert!(read(b"PK\x03\x04").is_err());
    }

    /// An attachment whose content is not a file (no data attribute: an embedded message) is
    /// named as not read, never dropped in silence.
    #[test]
    fn an_attachment_without_data_is_reported() {
        let mut dat = winmail(&[("A.TXT", "a.txt", b"x")], 1252);
        dat.extend_from_slice(&[2, 0x02, 0x90, 0x06, 0, 14, 0, 0, 0]);
        dat.extend_from_slice(&[2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0]);
        let found = read(&dat).expect("reads");
        assert_eq!(found.attachments.len(), 1);
        assert_eq!(found.unread, vec!["attachment 2".to_owned()]);
        let mut budget = Budget {
            max_depth: 3,
            members_left: 10,
            bytes_left: 1 << 20,
            max_ratio: 100,
            passwords: Default::default(),
        };
        let mut problems = Vec::new();
        for_each_member(&dat, "w.dat", 1, &mut budget, &mut problems, &mut |_, _, _| {});
        assert!(
            matches!(problems.as_slice(), [ExtractProblem::Unreadable(p, _)] if p == "w.dat > attachment 2"),
            "{problems:?}"
        );
    }

    #[test]
    fn members_count_against_the_budget() {
        let files: Vec<(&str, &str, &[u8])> = (0..5).map(|_| ("A.TXT", "a.txt", &b"x"[..])).collect();
        let dat = winmail(&files, 1252);
        let mut budget = Budget {
            max_depth: 3,
            members_left: 3,
            bytes_left: 1 << 20,
            max_ratio: 100,
            passwords: Default::default(),
        };
        let (mut problems, mut seen) = (Vec::new(), Vec::new());
        for_each_member(
            &dat,
            "part 2 \"winmail.dat\"",
            1,
            &mut budget,
            &mut problems,
            &mut |p, _, _| seen.push(p.to_owned()),
        );
        assert_eq!(seen.len(), 3);
        assert_eq!(seen[0], "part 2 \"winmail.dat\" > a.txt");
        assert!(matches!(problems.as_slice(), [ExtractProblem::TooManyMembers(_)]));
    }
}
