//! Writing mail and its parts: base64 as mailers write it, RFC 2047 encoded words for headers,
//! and zip archives (test messages, bench corpora). Ground floor: imports nothing from the
//! crate.

use std::io::Write;

/// Lower-case hex digits of bytes (digests, keys, tokens).
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
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
