//! Files carried as text in mail, which the MIME parser leaves as the text they were sent as:
//! uuencoding ([`uuencode`]), BinHex 4.0 ([`binhex`], the Mac's `.hqx`, sent as
//! `application/mac-binhex40`) and yEnc ([`yenc`], Usenet's). Mail readers show each as an
//! attachment; each is decoded here so that it is read like any other attachment, not passed
//! as text nobody looked into.

pub mod binhex;
pub mod uuencode;
pub mod yenc;

/// The most files taken from one part.
const MAX_BLOCKS: usize = 64;

/// One file decoded from text: the name its encoding gives, its bytes, and the encoding
/// (`uuencoded`, `BinHex`, `yEnc`: said where it was found).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodedFile {
    pub name: String,
    pub data: Vec<u8>,
    pub encoding: &'static str,
}

/// The lines of a text, without their line breaks (LF or CRLF).
fn lines(text: &[u8]) -> impl Iterator<Item = &[u8]> {
    text.split(|&b| b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
}

/// Bytes from 6-bit values (base64's, BinHex's), most significant bits first; the bits left
/// over at the end are dropped.
#[derive(Default)]
pub struct Sextets {
    acc: u32,
    bits: u32,
    pub bytes: Vec<u8>,
}

impl Sextets {
    pub fn with_capacity(values: usize) -> Sextets {
        Sextets {
            bytes: Vec::with_capacity(values / 4 * 3 + 3),
            ..Sextets::default()
        }
    }

    /// Adds one value (its low six bits).
    #[inline]
    pub fn push(&mut self, v: u8) {
        self.acc = (self.acc << 6) | u32::from(v & 0x3F);
        self.bits += 6;
        if self.bits >= 8 {
            self.bits -= 8;
            self.bytes.push((self.acc >> self.bits) as u8);
            self.acc &= (1 << self.bits) - 1;
        }
    }
}

/// Whether a text may carry a file in one of these encodings: the marks each starts with, looked
/// for before a text is walked line by line.
pub fn may_carry(text: &[u8]) -> bool {
    memchr::memmem::find(text, b"begin ").is_some()
        || memchr::memmem::find(text, binhex::INTRO).is_some()
        || memchr::memmem::find(text, yenc::BEGIN).is_some()
}

/// A text body without the blocks of the files it carries (uuencoded, BinHex, yEnc), as mail
/// readers show it: those are read as the files they are, and their characters are no one's
/// words (a BinHex block is two thirds capitals, to the spam rules' shouting check). The text
/// itself when it carries none.
pub fn without_blocks(text: &str) -> std::borrow::Cow<'_, str> {
    if !may_carry(text.as_bytes()) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut lines = text.split_inclusive('\n').peekable();
    let mut scratch = Vec::new();
    while let Some(line) = lines.next() {
        let bare = line.trim_end_matches(['\r', '\n']).as_bytes();
        if uuencode::begin_line(bare).is_some() {
            // Its lines to `end` or the first that is not one of them.
            while let Some(next) = lines.peek() {
                let next = next.trim_end_matches(['\r', '\n']).as_bytes();
                if next == b"end" {
                    lines.next();
                    break;
                }
                // The line of no bytes before `end`.
                if next == b"`" || next == b" " {
                    lines.next();
                    continue;
                }
                scratch.clear();
                if !uuencode::decode_line(next, &mut scratch) {
                    break;
                }
                lines.next();
            }
        } else if memchr::memmem::find(bare, binhex::INTRO).is_some() {
            // To the colon that closes its characters (the first one opens them).
            let mut colons = 0;
            for next in lines.by_ref() {
                colons += next.matches(':').count();
                if colons >= 2 {
                    break;
                }
            }
        } else if bare.starts_with(yenc::BEGIN) {
            for next in lines.by_ref() {
                if next.starts_with("=yend") {
                    break;
                }
            }
        } else {
            out.push_str(line);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The files carried in a text body: uuencoded blocks, a BinHex file, yEnc blocks (at most
/// [`MAX_BLOCKS`] in all). `raw`: the body's bytes as sent, for yEnc (its bytes are 8-bit,
/// which a charset conversion would have changed); the text otherwise. `left`: the bytes the
/// message's expansion budget has left, for BinHex's runs (the others decode to fewer bytes
/// than their text).
pub fn in_text(text: &[u8], raw: &[u8], left: usize) -> Vec<EncodedFile> {
    let mut out = uuencode::files(text);
    out.extend(binhex::file(text, left));
    out.extend(yenc::files(raw));
    out.truncate(MAX_BLOCKS);
    out
}

/// The file a whole part is, when it was sent encoded as text: a transfer encoding that names
/// uuencoding, or a BinHex part (by its type or its `.hqx` name). `None` for anything else.
/// `left` as for [`in_text`].
pub fn of_part(
    cte: Option<&str>,
    content_type: &str,
    name: Option<&str>,
    bytes: &[u8],
    left: usize,
) -> Option<EncodedFile> {
    if cte.is_some_and(uuencode::is_uuencoding) {
        return uuencode::files(bytes).into_iter().next();
    }
    if binhex::is_binhex(content_type, name.unwrap_or("")) {
        return binhex::file(bytes, left);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A body keeps its own lines and loses the blocks of the files it carries: uuencoded,
    /// BinHex, yEnc; a body without any is itself.
    #[test]
    fn a_body_without_the_blocks_of_its_files() {
        let hqx = crate::mime_out::binhex_of("a.txt", b"MAT MAT MAT MAT MAT MAT");
        let yenc = String::from_utf8_lossy(&crate::mime_out::yenc_lines(b"abc")).into_owned();
        let body = format!(
            "Gui anh:\r\nbegin 644 a.txt\r\n#86)C\r\n`\r\nend\r\nva\r\n{hqx}\r\nva\r\n=ybegin line=128 size=3 name=b\r\n{yenc}=yend size=3\r\nTran trong.\r\n"
        );
        assert_eq!(without_blocks(&body), "Gui anh:\r\nva\r\nva\r\nTran trong.\r\n");
        assert_eq!(
            without_blocks("begin the meeting\nend\n"),
            "begin the meeting\nend\n"
        );
        assert!(matches!(
            without_blocks("Kính gửi"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
