//! BinHex 4.0 (RFC 1741): a Mac file as 64 printable characters between two colons, after the
//! line `(This file must be converted with BinHex 4.0)`, its bytes run-length coded (0x90) and
//! led by a header (the file's name, type, creator, flags and the lengths of its two forks).
//! Only the data fork is a file on other systems; it is what is given back. The checksums are
//! not verified (a damaged file is read as far as it goes); the lengths are.

use super::EncodedFile;

/// The start of the line a BinHex file comes after («… with BinHex 4.0)», macutils' «…; you
/// knew that already.)»).
pub const INTRO: &[u8] = b"(This file must be converted";

/// What [`EncodedFile::encoding`] says of a BinHex file.
pub const ENCODING: &str = "BinHex";

/// The 64 characters, in the order of the six bits they stand for.
const ALPHABET: &[u8; 64] = b"!\"#$%&'()*+,-012345689@ABCDEFGHIJKLMNPQRSTUVXYZ[`abcdefhijklmpqr";

/// The byte that starts a run (followed by the run's length, or 0 for itself).
const RUN: u8 = 0x90;

/// The most bytes a run-length coded file may expand to, for each character of its text: a run
/// of 255 from two bytes is a ratio of 127; a real file's runs are short.
const MAX_EXPANSION: usize = 32;

/// Whether a part is BinHex by its declared type or its file name.
pub fn is_binhex(content_type: &str, name: &str) -> bool {
    let ct = content_type.trim().to_ascii_lowercase();
    matches!(
        ct.as_str(),
        "application/mac-binhex40"
            | "application/mac-binhex"
            | "application/binhex"
            | "application/x-binhex40"
    ) || name
        .trim_end_matches(['"', ' '])
        .to_ascii_lowercase()
        .ends_with(".hqx")
}

/// The data fork of the BinHex file in `text` (the first one), under its name; `None` when
/// there is none or its header is broken. At most `left` bytes are decoded (what the message's
/// expansion budget has left), and never more than [`MAX_EXPANSION`] times the text.
pub fn file(text: &[u8], left: usize) -> Option<EncodedFile> {
    let start = memchr::memmem::find(text, INTRO)?;
    let after = &text[start..];
    let colon = memchr::memchr(b':', after)?;
    let body = &after[colon + 1..];
    let cap = text.len().saturating_mul(MAX_EXPANSION).min(left);
    let bytes = unrun(&sextets(body), cap);
    let (&n, rest) = bytes.split_first()?;
    let n = usize::from(n);
    if n == 0 || n > 63 {
        return None;
    }
    let name = rest.get(..n)?;
    // After the name: a version byte, type, creator, flags, data length, resource length, CRC.
    let fixed = rest.get(n..n + 1 + 4 + 4 + 2 + 4 + 4 + 2)?;
    let data_len = u32::from_be_bytes([fixed[11], fixed[12], fixed[13], fixed[14]]) as usize;
    let data_start = 1 + n + fixed.len();
    let data = bytes.get(data_start..)?;
    let data = &data[..data.len().min(data_len)];
    Some(EncodedFile {
        // UTF-8 from today's tools; otherwise one character a byte (a Mac's own names).
        name: std::str::from_utf8(name)
            .map(str::to_owned)
            .unwrap_or_else(|_| name.iter().map(|&b| char::from(b)).collect()),
        data: data.to_vec(),
        encoding: ENCODING,
    })
}

/// The bytes the characters up to the closing colon stand for (white space skipped; any other
/// character ends them).
fn sextets(body: &[u8]) -> Vec<u8> {
    let mut out = super::Sextets::with_capacity(body.len());
    for &c in body {
        if c.is_ascii_whitespace() {
            continue;
        }
        let Some(v) = ALPHABET.iter().position(|&a| a == c) else {
            break;
        };
        out.push(v as u8);
    }
    out.bytes
}

/// Undoes the run-length coding, at most `cap` bytes.
fn unrun(coded: &[u8], cap: usize) -> Vec<u8> {
    let mut out: Vec<u8> = Vec::with_capacity(coded.len().min(cap));
    let mut i = 0;
    while let Some(&b) = coded.get(i) {
        if out.len() >= cap {
            break;
        }
        if b != RUN {
            out.push(b);
            i += 1;
            continue;
        }
        match coded.get(i + 1) {
            Some(0) => out.push(RUN),
            Some(&count) => {
                let last = out.last().copied().unwrap_or(0);
                let more = usize::from(count).saturating_sub(1).min(cap - out.len());
                out.extend(std::iter::repeat_n(last, more));
            }
            None => break,
        }
        i += 2;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_decodes_to_its_data_fork_under_its_name() {
        let text = crate::mime_out::binhex_of(
            "ke-hoach.txt",
            "TỐI MẬT\nKế hoạch số 12.\n\0\0\0\0\0\0\0\0".as_bytes(),
        );
        let text = format!("Gui anh:\r\n\r\n{text}\r\nTran trong.\r\n");
        let got = file(text.as_bytes(), usize::MAX).expect("a BinHex file");
        // The header is 34 bytes: 6 of the data within a budget of 40.
        assert_eq!(file(text.as_bytes(), 40).map(|f| f.data.len()), Some(6));
        assert_eq!(got.name, "ke-hoach.txt");
        assert_eq!(got.data, "TỐI MẬT\nKế hoạch số 12.\n\0\0\0\0\0\0\0\0".as_bytes());
    }

    #[test]
    fn runs_and_the_run_byte_itself_are_undone_within_the_cap() {
        assert_eq!(unrun(&[b'a', RUN, 4, b'b', RUN, 0, b'c'], 100), b"aaaab\x90c");
        assert_eq!(unrun(&[b'a', RUN, 255, RUN, 255], 10).len(), 10);
        assert_eq!(unrun(&[RUN], 10), b"");
    }

    #[test]
    fn broken_headers_and_other_text_give_nothing() {
        assert_eq!(file(b"no BinHex here", 100), None);
        assert_eq!(
            file(b"(This file must be converted with BinHex 4.0)\n:!!!:", 100),
            None
        );
        assert_eq!(
            file(b"(This file must be converted with BinHex 4.0)\nno colon", 100),
            None
        );
        assert!(is_binhex("application/mac-binhex40", ""));
        assert!(is_binhex("application/octet-stream", "Ke hoach.HQX\""));
        assert!(!is_binhex("text/plain", "a.txt"));
    }
}
