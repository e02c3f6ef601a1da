//! yEnc: a file's bytes as 8-bit text (each byte plus 42, the few that would break a line
//! escaped by `=`), between a line `=ybegin … name=NAME` and a line `=yend`, as Usenet
//! clients post binaries and some mailers send them in a text body. The checksums and sizes
//! the keyword lines give are not verified (a damaged file is read as far as it goes).

use super::{EncodedFile, MAX_BLOCKS};

/// The start of the line a yEnc block starts with.
pub const BEGIN: &[u8] = b"=ybegin ";

/// The files yEnc-encoded in `text` (its bytes as sent), at most [`MAX_BLOCKS`]. The bytes
/// decoded are never more than the text.
pub fn files(text: &[u8]) -> Vec<EncodedFile> {
    let mut out = Vec::new();
    let mut lines = super::lines(text);
    while out.len() < MAX_BLOCKS {
        let Some(line) = lines.next() else { break };
        let Some(rest) = line.strip_prefix(BEGIN) else {
            continue;
        };
        // `name=` is the line's last keyword: the rest of the line, spaces and all.
        let name = memchr::memmem::find(rest, b"name=")
            .map(|at| String::from_utf8_lossy(rest[at + 5..].trim_ascii()).into_owned())
            .unwrap_or_default();
        let mut data = Vec::new();
        for line in lines.by_ref() {
            if line.starts_with(b"=yend") {
                break;
            }
            if line.starts_with(b"=ypart") {
                continue;
            }
            decode_line(line, &mut data);
        }
        if !data.is_empty() {
            let name = if name.is_empty() {
                format!("yenc-{}", out.len() + 1)
            } else {
                name
            };
            out.push(EncodedFile {
                name,
                data,
                encoding: "yEnc",
            });
        }
    }
    out
}

/// Decodes one line of data onto `out`.
fn decode_line(line: &[u8], out: &mut Vec<u8>) {
    let mut escaped = false;
    for &b in line {
        if escaped {
            out.push(b.wrapping_sub(64).wrapping_sub(42));
            escaped = false;
        } else if b == b'=' {
            escaped = true;
        } else {
            out.push(b.wrapping_sub(42));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_decode_to_their_files() {
        let data = "TỐI MẬT\nKế hoạch số 12.\r\n=\0".as_bytes();
        let mut text = b"Gui anh:\r\n=ybegin line=128 size=30 name=ke hoach.txt\r\n".to_vec();
        text.extend(crate::mime_out::yenc_lines(data));
        text.extend_from_slice(b"=yend size=30\r\nTran trong.\r\n");
        let got = files(&text);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].name, "ke hoach.txt");
        assert_eq!(got[0].data, data);
        assert!(files(b"=ybegins here\n").is_empty());
        assert!(files(b"=ybegin name=x\n=yend\n").is_empty());
    }
}
