//! Writing mail and its parts: base64 as mailers write it, RFC 2047 encoded words for headers,
//! zip archives and Outlook's TNEF (test messages, bench corpora). Ground floor: imports nothing from the
//! crate.

use std::io::Write;

/// Lower-case hex digits of bytes (digests, keys, tokens).
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Bytes as RTF carries a picture's or an object's data: lower-case hex digits in lines of
/// 128, CRLF between them (as Word writes them).
pub fn rtf_hex(bytes: &[u8]) -> String {
    let digits = hex(bytes);
    let lines: Vec<&str> = digits
        .as_bytes()
        .chunks(128)
        .map(|c| std::str::from_utf8(c).unwrap_or(""))
        .collect();
    lines.join("\r\n")
}

/// An OLE 1 embedded object as RTF's `\objdata` carries one: version, format 2 (embedded),
/// the class, topic and item names (each its length with the NUL, then its bytes), then the
/// native data's length and the data.
pub fn ole1_of(class: &str, native: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(native.len() + class.len() + 32);
    out.extend_from_slice(&0x0501u32.to_le_bytes());
    out.extend_from_slice(&2u32.to_le_bytes());
    for name in [class, "", ""] {
        out.extend_from_slice(&(name.len() as u32 + 1).to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.push(0);
    }
    out.extend_from_slice(&(native.len() as u32).to_le_bytes());
    out.extend_from_slice(native);
    out
}

/// Standard base64 with CRLF line breaks every 76 characters, as mailers write it.
pub fn base64(data: &[u8]) -> Vec<u8> {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::with_capacity(data.len() * 4 / 3 + data.len() / 38 + 8);
    for (i, c) in data.chunks(3).enumerate() {
        if i > 0 && i % 19 == 0 {
            out.extend_from_slice(b"\r\n");
        }
        let b = [c[0], *c.get(1).unwrap_or(&0), *c.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        out.push(T[(n >> 18) as usize & 63]);
        out.push(T[(n >> 12) as usize & 63]);
        out.push(if c.len() > 1 {
            T[(n >> 6) as usize & 63]
        } else {
            b'='
        });
        out.push(if c.len() > 2 { T[n as usize & 63] } else { b'=' });
    }
    out.extend_from_slice(b"\r\n");
    out
}

/// A header value as RFC 2047 encoded words when it is not ASCII.
pub fn encode_header(s: &str) -> String {
    if s.is_ascii() {
        return s.to_owned();
    }
    // RFC 2047 encoded words of at most ~45 input bytes each, split on character boundaries.
    let mut words = Vec::new();
    let mut chunk = String::new();
    for c in s.chars() {
        if chunk.len() + c.len_utf8() > 45 {
            words.push(std::mem::take(&mut chunk));
        }
        chunk.push(c);
    }
    words.push(chunk);
    words
        .iter()
        .map(|w| format!("=?UTF-8?B?{}?=", b64(w.as_bytes())))
        .collect::<Vec<_>>()
        .join("\r\n ")
}

fn b64(data: &[u8]) -> String {
    String::from_utf8_lossy(&base64(data)).replace("\r\n", "")
}

/// A zip archive of (name, bytes) members, deflated (empty if the writer fails).
pub fn zip_of(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in members {
        if w.start_file(*name, opts).is_err() || w.write_all(data).is_err() {
            return Vec::new();
        }
    }
    w.finish().map(|c| c.into_inner()).unwrap_or_default()
}

/// A zip of stored members encrypted with `password` by the traditional PKWARE cipher
/// ("ZipCrypto", what 7-Zip and WinRAR write for a zip with a password unless told AES).
pub fn zipcrypto_of(members: &[(&str, &[u8])], password: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    let le16 = |v: &mut Vec<u8>, x: u16| v.extend_from_slice(&x.to_le_bytes());
    let le32 = |v: &mut Vec<u8>, x: u32| v.extend_from_slice(&x.to_le_bytes());
    for (n, (name, data)) in members.iter().enumerate() {
        let crc = crc32(data);
        let mut keys = ZipCryptoKeys::new(password);
        // Eleven bytes of the stream's own choosing, then the CRC's high byte (the check).
        let mut head: Vec<u8> = (0..11u8)
            .map(|i| i.wrapping_mul(37).wrapping_add(n as u8))
            .collect();
        head.push((crc >> 24) as u8);
        let sealed: Vec<u8> = head.iter().chain(data.iter()).map(|&b| keys.encrypt(b)).collect();
        let offset = out.len() as u32;
        let fields = |v: &mut Vec<u8>| {
            le16(v, 20); // version needed
            le16(v, 1); // flags: encrypted
            le16(v, 0); // stored
            le16(v, 0); // time
            le16(v, 0x21); // date: 1980-01-01
            le32(v, crc);
            le32(v, sealed.len() as u32);
            le32(v, data.len() as u32);
            le16(v, name.len() as u16);
            le16(v, 0); // extra
        };
        le32(&mut out, 0x0403_4b50);
        fields(&mut out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&sealed);
        le32(&mut central, 0x0201_4b50);
        le16(&mut central, 20); // made by
        fields(&mut central);
        le16(&mut central, 0); // comment
        le16(&mut central, 0); // disk
        le16(&mut central, 0); // internal attributes
        le32(&mut central, 0); // external attributes
        le32(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let (at, size) = (out.len() as u32, central.len() as u32);
    out.extend_from_slice(&central);
    le32(&mut out, 0x0605_4b50);
    le16(&mut out, 0);
    le16(&mut out, 0);
    le16(&mut out, members.len() as u16);
    le16(&mut out, members.len() as u16);
    le32(&mut out, size);
    le32(&mut out, at);
    le16(&mut out, 0);
    out
}

/// A zip of members encrypted with `password` by WinZip's AES-256 (7-Zip's "ZIP AES-256").
pub fn zip_aes_of(members: &[(&str, &[u8])], password: &str) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (n, (name, data)) in members.iter().enumerate() {
        // A salt of its own for each member, fixed so the same corpus is written every time.
        let salt = zip::AesSalt::Aes256(std::array::from_fn(|i| (i * 29 + n * 7 + 1) as u8));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .with_aes_encryption_and_salt(password.as_bytes(), salt);
        if w.start_file(*name, opts).is_err() || w.write_all(data).is_err() {
            return Vec::new();
        }
    }
    w.finish().map(|c| c.into_inner()).unwrap_or_default()
}

/// The CRC-32 of zip, gzip and PNG.
pub fn crc32(data: &[u8]) -> u32 {
    let mut c = flate2::Crc::new();
    c.update(data);
    c.sum()
}

/// One byte into the CRC-32 register as it is, without the inversions before and after (what
/// the PKWARE cipher's keys are updated with): reflected, polynomial 0xEDB88320.
fn crc32_step(mut c: u32, b: u8) -> u32 {
    c ^= u32::from(b);
    for _ in 0..8 {
        c = if c & 1 != 0 {
            (c >> 1) ^ 0xEDB8_8320
        } else {
            c >> 1
        };
    }
    c
}

/// The three keys of the PKWARE stream cipher (APPNOTE 6.1).
struct ZipCryptoKeys([u32; 3]);

impl ZipCryptoKeys {
    fn new(password: &[u8]) -> ZipCryptoKeys {
        let mut k = ZipCryptoKeys([0x1234_5678, 0x2345_6789, 0x3456_7890]);
        password.iter().for_each(|&b| k.update(b));
        k
    }

    fn update(&mut self, plain: u8) {
        let [k0, k1, k2] = &mut self.0;
        *k0 = crc32_step(*k0, plain);
        *k1 = k1
            .wrapping_add(*k0 & 0xFF)
            .wrapping_mul(134_775_813)
            .wrapping_add(1);
        *k2 = crc32_step(*k2, (*k1 >> 24) as u8);
    }

    fn encrypt(&mut self, plain: u8) -> u8 {
        let t = (self.0[2] | 2) & 0xFFFF;
        let stream = ((t * (t ^ 1)) >> 8) as u8;
        self.update(plain);
        plain ^ stream
    }
}

/// A TNEF attribute: level, id (with its type), length, data, checksum.
fn tnef_attribute(out: &mut Vec<u8>, level: u8, id: u32, data: &[u8]) {
    out.push(level);
    out.extend_from_slice(&id.to_le_bytes());
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out.extend_from_slice(data);
    let sum = data.iter().fold(0u16, |s, &b| s.wrapping_add(u16::from(b)));
    out.extend_from_slice(&sum.to_le_bytes());
}

/// Outlook's `winmail.dat` (TNEF) holding `files` (8.3 title, long name, bytes), as Outlook
/// writes one (test messages, bench corpora): version and code page, a message attribute, then
/// per attachment its rendering data, title (8.3), data and properties with the long name
/// (UTF-16) after a named property and a fixed-size one.
pub fn tnef_of(files: &[(&str, &str, &[u8])], code_page: u32) -> Vec<u8> {
    tnef_message(&[], files, code_page)
}

/// [`tnef_of`], with these MAPI properties of the message (id, type, value: a body as
/// `PR_BODY` 0x1000, `PR_RTF_COMPRESSED` 0x1009 or `PR_HTML` 0x1013) in its `attMsgProps`.
pub fn tnef_message(props: &[(u16, u16, Vec<u8>)], files: &[(&str, &str, &[u8])], code_page: u32) -> Vec<u8> {
    let mut out = vec![0x78, 0x9F, 0x3E, 0x22];
    out.extend_from_slice(&0x1234u16.to_le_bytes());
    tnef_attribute(&mut out, 1, 0x0008_9006, &[0, 0, 1, 0]);
    let mut cp = code_page.to_le_bytes().to_vec();
    cp.extend_from_slice(&[0; 4]);
    tnef_attribute(&mut out, 1, 0x0006_9007, &cp);
    tnef_attribute(&mut out, 1, 0x0007_8008, b"IPM.Microsoft Mail.Note\0");
    if !props.is_empty() {
        let mut list = (props.len() as u32).to_le_bytes().to_vec();
        for (id, kind, value) in props {
            list.extend_from_slice(&kind.to_le_bytes());
            list.extend_from_slice(&id.to_le_bytes());
            list.extend_from_slice(&1u32.to_le_bytes());
            list.extend_from_slice(&(value.len() as u32).to_le_bytes());
            list.extend_from_slice(value);
            list.resize(list.len().next_multiple_of(4), 0);
        }
        tnef_attribute(&mut out, 1, 0x0006_9003, &list);
    }
    for (short, long, data) in files {
        tnef_attribute(
            &mut out,
            2,
            0x0006_9002,
            &[1, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0],
        );
        let mut title = short.as_bytes().to_vec();
        title.push(0);
        tnef_attribute(&mut out, 2, 0x0001_8010, &title);
        tnef_attribute(&mut out, 2, 0x0003_8013, &[0; 14]); // a date, not read
        tnef_attribute(&mut out, 2, 0x0006_800F, data);
        let mut props = Vec::new();
        props.extend_from_slice(&3u32.to_le_bytes());
        // PT_LONG PR_ATTACH_METHOD = 1
        props.extend_from_slice(&0x0003u16.to_le_bytes());
        props.extend_from_slice(&0x3705u16.to_le_bytes());
        props.extend_from_slice(&1u32.to_le_bytes());
        // A named PT_STRING8 property with a name of 5 UTF-16 bytes, padded.
        props.extend_from_slice(&0x001Eu16.to_le_bytes());
        props.extend_from_slice(&0x8001u16.to_le_bytes());
        props.extend_from_slice(&[7; 16]);
        props.extend_from_slice(&1u32.to_le_bytes());
        props.extend_from_slice(&5u32.to_le_bytes());
        props.extend_from_slice(&[b'a', 0, b'b', 0, 0, 0, 0, 0]);
        props.extend_from_slice(&1u32.to_le_bytes());
        props.extend_from_slice(&3u32.to_le_bytes());
        props.extend_from_slice(b"xy\0\0");
        // PT_UNICODE PR_ATTACH_LONG_FILENAME
        props.extend_from_slice(&0x001Fu16.to_le_bytes());
        props.extend_from_slice(&0x3707u16.to_le_bytes());
        props.extend_from_slice(&1u32.to_le_bytes());
        let mut name: Vec<u8> = long
            .encode_utf16()
            .chain([0])
            .flat_map(u16::to_le_bytes)
            .collect();
        props.extend_from_slice(&(name.len() as u32).to_le_bytes());
        while !name.len().is_multiple_of(4) {
            name.push(0);
        }
        props.extend_from_slice(&name);
        tnef_attribute(&mut out, 2, 0x0006_9005, &props);
    }
    out
}

/// A file as BinHex 4.0 writes it (RFC 1741; test messages, bench corpora): the line that says
/// so, then between colons the header (name, version, type and creator `TEXT`/`ttxt`, flags,
/// the forks' lengths, CRC), the data fork and its CRC and an empty resource fork's CRC, runs
/// of four or more bytes coded with 0x90, in lines of 64 characters.
pub fn binhex_of(name: &str, data: &[u8]) -> String {
    let crc = |bytes: &[u8]| {
        // CRC-16/XMODEM over the bytes and two zero bytes, as BinHex computes it.
        let mut c: u16 = 0;
        for &b in bytes.iter().chain(&[0, 0]) {
            for i in (0..8).rev() {
                let carry = c & 0x8000 != 0;
                c = (c << 1) | u16::from((b >> i) & 1);
                if carry {
                    c ^= 0x1021;
                }
            }
        }
        c
    };
    let mut plain = vec![name.len() as u8];
    plain.extend_from_slice(name.as_bytes());
    plain.push(0);
    plain.extend_from_slice(b"TEXTttxt");
    plain.extend_from_slice(&[0, 0]);
    plain.extend_from_slice(&(data.len() as u32).to_be_bytes());
    plain.extend_from_slice(&0u32.to_be_bytes());
    plain.extend_from_slice(&crc(&plain).to_be_bytes());
    plain.extend_from_slice(data);
    plain.extend_from_slice(&crc(data).to_be_bytes());
    plain.extend_from_slice(&crc(&[]).to_be_bytes());
    let mut coded = Vec::with_capacity(plain.len());
    let mut i = 0;
    while let Some(&b) = plain.get(i) {
        let run = plain[i..].iter().take(255).take_while(|&&x| x == b).count();
        coded.push(b);
        if b == 0x90 {
            coded.push(0);
        }
        if run >= 4 {
            coded.extend_from_slice(&[0x90, run as u8]);
            i += run;
        } else {
            i += 1;
        }
    }
    const ALPHABET: &[u8; 64] = b"!\"#$%&'()*+,-012345689@ABCDEFGHIJKLMNPQRSTUVXYZ[`abcdefhijklmpqr";
    let mut chars = vec![b':'];
    for group in coded.chunks(3) {
        let n = group.len();
        let v = group
            .iter()
            .chain([0u8, 0].iter())
            .take(3)
            .fold(0u32, |v, &b| (v << 8) | u32::from(b));
        for k in 0..=n {
            chars.push(ALPHABET[((v >> (18 - 6 * k)) & 0x3F) as usize]);
        }
    }
    chars.push(b':');
    let lines: Vec<&str> = chars
        .chunks(64)
        .map(|c| std::str::from_utf8(c).unwrap_or(""))
        .collect();
    format!(
        "(This file must be converted with BinHex 4.0)\r\n{}",
        lines.join("\r\n")
    )
}

/// A file's bytes as yEnc lines (each byte plus 42; NUL, LF, CR and `=` escaped), 128 to a
/// line, CRLF after each, without the `=ybegin` and `=yend` lines (test messages).
pub fn yenc_lines(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() + data.len() / 64 + 4);
    let mut width = 0;
    for &b in data {
        let c = b.wrapping_add(42);
        if matches!(c, 0 | b'\n' | b'\r' | b'=') {
            out.extend_from_slice(&[b'=', c.wrapping_add(64)]);
            width += 2;
        } else {
            out.push(c);
            width += 1;
        }
        if width >= 128 {
            out.extend_from_slice(b"\r\n");
            width = 0;
        }
    }
    if width > 0 {
        out.extend_from_slice(b"\r\n");
    }
    out
}
