//! Uuencoding: a part sent with `Content-Transfer-Encoding: x-uuencode` (which the MIME parser
//! leaves as it came), or a `begin 644 name` … `end` block in a text body, as old mailers,
//! scripts and scanners still send them and Outlook and Thunderbird show as attachments.

use super::{EncodedFile, MAX_BLOCKS};

/// Whether a transfer encoding names uuencoding.
pub fn is_uuencoding(cte: &str) -> bool {
    matches!(
        cte.trim().to_ascii_lowercase().as_str(),
        "x-uuencode" | "uuencode" | "x-uue" | "uue"
    )
}

/// The files uuencoded in `text`, each from a line `begin MODE NAME` (MODE three or four octal
/// digits) to its `end` line or the first line that is not one of its lines; at most
/// [`MAX_BLOCKS`]. The bytes decoded are never more than the text.
pub fn files(text: &[u8]) -> Vec<EncodedFile> {
    let mut out = Vec::new();
    let mut lines = super::lines(text);
    while out.len() < MAX_BLOCKS {
        let Some(line) = lines.next() else { break };
        let Some(name) = begin_line(line) else {
            continue;
        };
        let mut data = Vec::new();
        for line in lines.by_ref() {
            if line == b"end" || !decode_line(line, &mut data) {
                break;
            }
        }
        if !data.is_empty() {
            out.push(EncodedFile {
                name,
                data,
                encoding: "uuencoded",
            });
        }
    }
    out
}

/// The file name of a `begin 644 name` line.
pub(super) fn begin_line(line: &[u8]) -> Option<String> {
    let rest = line.strip_prefix(b"begin ")?;
    let (mode, name) = rest.split_at(rest.iter().position(|&b| b == b' ')?);
    if !(3..=4).contains(&mode.len()) || !mode.iter().all(|b| (b'0'..=b'7').contains(b)) {
        return None;
    }
    let name = String::from_utf8_lossy(name.trim_ascii()).into_owned();
    (!name.is_empty()).then_some(name)
}

/// Decodes one line (its first character says how many bytes it carries) onto `out`; `false`
/// when it is not a line of uuencoding (the block ends there). The line of no bytes, "`" or a
/// space, ends it too.
pub(super) fn decode_line(line: &[u8], out: &mut Vec<u8>) -> bool {
    let Some((&first, rest)) = line.split_first() else {
        return false;
    };
    if !(b' '..=b'`').contains(&first) {
        return false;
    }
    let n = usize::from((first - b' ') & 0x3F);
    if n == 0 {
        return false;
    }
    let six = |b: u8| (b.wrapping_sub(b' ')) & 0x3F;
    // Four characters for every three bytes; trailing spaces (zero bits) may have been stripped
    // in transit, and are read as spaces.
    let needed = (n * 4).div_ceil(3);
    if rest.iter().any(|b| !(b' '..=b'`').contains(b)) || rest.len() + 2 < needed || rest.len() > needed + 4 {
        return false;
    }
    let mut got = 0;
    for group in rest.chunks(4) {
        let c = |i: usize| six(group.get(i).copied().unwrap_or(b' '));
        let bytes = [
            (c(0) << 2) | (c(1) >> 4),
            (c(1) << 4) | (c(2) >> 2),
            (c(2) << 6) | c(3),
        ];
        for b in bytes {
            if got < n {
                out.push(b);
                got += 1;
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What Python's `binascii.b2a_uu` writes (two lines, the second short and with a space
    /// in it), decoded back; the name from the `begin` line.
    #[test]
    fn blocks_decode_to_their_files() {
        let text = concat!(
            "Gui anh:\r\n\r\nbegin 644 ke-hoach.txt\r\n",
            "M5.&[D$D@3>&ZK%0*2^&ZOR!H;^&ZH6-H(&+ANJ-O(';ANX<@;L2#;2 R,#(W\r\n",
            "J+\"!SX;N1(#$U+TM(+55\"3D0L(&?ANZUI(&/#H6,@Q)'&H6X@=N&[BRX*\r\n",
            "`\r\nend\r\nTran trong.\r\n"
        );
        let got = files(text.as_bytes());
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].name, "ke-hoach.txt");
        assert_eq!(
            String::from_utf8_lossy(&got[0].data),
            "TỐI MẬT\nKế hoạch bảo vệ năm 2027, số 15/KH-UBND, gửi các đơn vị.\n"
        );
        assert!(files(b"begin the meeting at 9\nend\n").is_empty());
        assert!(files(b"begin 644\nM86)C\nend\n").is_empty());
    }

    #[test]
    fn the_transfer_encodings_that_mean_uuencoding() {
        for cte in ["x-uuencode", "X-UUENCODE", " uuencode", "x-uue"] {
            assert!(is_uuencoding(cte), "{cte}");
        }
        assert!(!is_uuencoding("base64"));
    }
}
