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
