//! Building test messages.

pub use canhgac::bench::corpus::base64;

/// A plain text message.
pub fn plain(from: &str, to: &str, subject: &str, body: &str) -> Vec<u8> {
    format!(
        "From: <{from}>\r\nTo: <{to}>\r\nSubject: {subject}\r\nDate: Sun, 29 Nov 2026 10:00:00 +0700\r\nMessage-ID: <{}@test.lamdong.gov.vn>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{body}\r\n",
        subject.len() * 7919 + body.len()
    )
    .into_bytes()
}

/// A message with one base64 attachment of exactly `size` decoded bytes.
pub fn with_attachment(size: usize, name: &str) -> Vec<u8> {
    let data: Vec<u8> = (0..size).map(|i| (i * 31 % 251) as u8).collect();
    let mut m = format!(
        "From: <a@lamdong.gov.vn>\r\nTo: <b@lamdong.gov.vn>\r\nSubject: attachment of {size} bytes\r\nDate: Sun, 29 Nov 2026 10:00:00 +0700\r\nMessage-ID: <att{size}@test.lamdong.gov.vn>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"BOUNDARY\"\r\n\r\n--BOUNDARY\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nKính gửi: các đơn vị. Tài liệu đính kèm.\r\n--BOUNDARY\r\nContent-Type: application/octet-stream; name=\"{name}\"\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"{name}\"\r\n\r\n"
    )
    .into_bytes();
    m.extend_from_slice(&base64(&data));
    m.extend_from_slice(b"--BOUNDARY--\r\n");
    m
}

/// Splits a message into its headers (name, value with folding kept) and its body.
pub fn split(raw: &[u8]) -> (Vec<(String, String)>, Vec<u8>) {
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|p| (p + 2, p + 4))
        .expect("message has a header/body separator");
    let head = String::from_utf8_lossy(&raw[..end.0]);
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in head.split("\r\n").filter(|l| !l.is_empty()) {
        if line.starts_with([' ', '\t']) {
            if let Some(last) = headers.last_mut() {
                last.1.push_str("\r\n");
                last.1.push_str(line);
            }
        } else if let Some((n, v)) = line.split_once(':') {
            headers.push((n.to_owned(), v.trim_start().to_owned()));
        }
    }
    (headers, raw[end.1..].to_vec())
}

/// The EICAR anti-virus test file, assembled here so the repository never holds it literally.
pub fn eicar() -> Vec<u8> {
    let parts = [
        "X5O!P%@AP[4\\PZX54(P^)7CC)7}$",
        "EICAR-STANDARD-",
        "ANTIVIRUS-TEST-FILE!$H+H*",
    ];
    let s: String = parts.concat();
    assert_eq!(s.len(), 68);
    s.into_bytes()
}

/// A message with attachments given as (file name, content type, bytes), base64-encoded.
pub fn with_files(subject: &str, files: &[(&str, &str, &[u8])]) -> Vec<u8> {
    let mut m = format!(
        "From: <a@lamdong.gov.vn>\r\nTo: <b@lamdong.gov.vn>\r\nSubject: {subject}\r\nDate: Sun, 29 Nov 2026 10:00:00 +0700\r\nMessage-ID: <files.{}@test.lamdong.gov.vn>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"BOUNDARY\"\r\n\r\n--BOUNDARY\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nTài liệu đính kèm.\r\n",
        subject.len()
    )
    .into_bytes();
    for (name, ctype, data) in files {
        m.extend_from_slice(
            format!(
                "--BOUNDARY\r\nContent-Type: {ctype}; name=\"{name}\"\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"{name}\"\r\n\r\n"
            )
            .as_bytes(),
        );
        m.extend_from_slice(&base64(data));
    }
    m.extend_from_slice(b"--BOUNDARY--\r\n");
    m
}

/// A zip archive of (name, bytes) members.
pub use canhgac::bench::corpus::zip_of as zip;

/// `inner` forwarded as a message/rfc822 attachment.
pub fn forwarded(inner: &[u8]) -> Vec<u8> {
    let mut m = b"From: <c@lamdong.gov.vn>\r\nTo: <d@lamdong.gov.vn>\r\nSubject: Fwd: tai lieu\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"FWD\"\r\n\r\n--FWD\r\nContent-Type: text/plain\r\n\r\nChuyen tiep.\r\n--FWD\r\nContent-Type: message/rfc822\r\n\r\n".to_vec();
    m.extend_from_slice(inner);
    m.extend_from_slice(b"\r\n--FWD--\r\n");
    m
}
