//! The frames between the gateway and its scanning workers, over the worker's stdin and stdout.
//!
//! ```text
//! request:  u32 header length | header (JSON: kind, envelope, truncated_at) | u64 raw length | raw bytes
//! response: u32 length | JSON (findings, timings, members opened with a password for clamd
//!           in base64; or described; or tokens)
//! ready:    u32 0      (sent once by a worker when its engine is built)
//! ```
//! Lengths are big-endian. Both sides refuse a frame larger than they were told to expect, so a
//! confused peer cannot make the other allocate without bound.

use crate::extract::Described;
use crate::message::{Envelope, ScanInput};
use crate::verdict::Finding;
use serde::{Deserialize, Serialize};
use std::io::{self, Read, Write};

/// What a request asks of the worker.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Run the content scanners: findings and timings.
    #[default]
    Scan,
    /// Describe a message being held (attachments and extracted text, for the officers).
    Describe,
    /// The classifier's tokens of a message an officer judged (spam or not), to learn it.
    Tokens,
    /// Read the message's scans and photos (OCR) for markings: findings.
    Ocr,
}

/// The header of a request: everything of a [`ScanInput`] but its bytes.
#[derive(Debug, Serialize, Deserialize)]
struct RequestHeader {
    #[serde(default)]
    kind: Kind,
    envelope: Envelope,
    truncated_at: Option<u64>,
}

/// What a worker answers for one message: the content scanners' findings and timings, or the
/// description of a message being held.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ScanResponse {
    pub findings: Vec<Finding>,
    /// (scanner, microseconds), in the order they ran.
    pub timings: Vec<(String, u64)>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub described: Option<Described>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokens: Option<crate::spam::bayes::Tokens>,
    /// The message has scans or photos to read, and nothing in its text held it already: the
    /// gateway sends it to an OCR worker next.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ocr_wanted: bool,
    /// File attachments the message carries (for the yearly report's counts).
    #[serde(default)]
    pub attachments: u32,
    /// Members opened with a password the message gives, for clamd (which sees them encrypted):
    /// (path, bytes), at most [`MAX_FOR_CLAMD`] bytes in all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub for_clamd: Vec<(String, Blob)>,
}

/// Bytes carried in the JSON response as base64 text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Blob(pub Vec<u8>);

impl Serialize for Blob {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&String::from_utf8_lossy(&crate::mime_out::base64(&self.0)))
    }
}

impl<'de> Deserialize<'de> for Blob {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Blob, D::Error> {
        let text = String::deserialize(d)?;
        Ok(Blob(crate::message::decode_base64_lenient(text.as_bytes())))
    }
}

/// The most bytes of members opened with a password a worker hands back for clamd (beyond them
/// the message is held, `DECRYPTED_NOT_VIRUS_SCANNED`); in base64 they are most of
/// [`MAX_RESPONSE`].
pub const MAX_FOR_CLAMD: usize = 24 << 20;

/// Largest response a worker may send (findings are capped per scanner; the members opened with
/// a password, in base64, are the most of it).
pub const MAX_RESPONSE: usize = 48 << 20;
/// Largest request header (an envelope with many recipients).
const MAX_HEADER: usize = 4 << 20;

/// Writes one request (blocking form, for tests and tools).
pub fn write_request(w: &mut impl Write, kind: Kind, input: &ScanInput) -> io::Result<()> {
    w.write_all(&encode_request_head(kind, input)?)?;
    w.write_all(&input.raw)?;
    w.flush()
}

/// The bytes of a request before the message itself.
pub fn encode_request_head(kind: Kind, input: &ScanInput) -> io::Result<Vec<u8>> {
    let header = serde_json::to_vec(&RequestHeader {
        kind,
        envelope: input.envelope.clone(),
        truncated_at: input.truncated_at,
    })
    .map_err(io::Error::other)?;
    let mut out = Vec::with_capacity(header.len() + 12);
    out.extend_from_slice(&(header.len() as u32).to_be_bytes());
    out.extend_from_slice(&header);
    out.extend_from_slice(&(input.raw.len() as u64).to_be_bytes());
    Ok(out)
}

/// Reads one request; `Ok(None)` at a clean end of input (the gateway closed the pipe).
pub fn read_request(r: &mut impl Read, max_raw: u64) -> io::Result<Option<(Kind, ScanInput)>> {
    let mut len = [0u8; 4];
    match r.read_exact(&mut len) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    }
    let len = u32::from_be_bytes(len) as usize;
    if len > MAX_HEADER {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("request header of {len} bytes"),
        ));
    }
    let mut header = vec![0; len];
    r.read_exact(&mut header)?;
    let header: RequestHeader =
        serde_json::from_slice(&header).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
    let mut raw_len = [0u8; 8];
    r.read_exact(&mut raw_len)?;
    let raw_len = u64::from_be_bytes(raw_len);
    if raw_len > max_raw {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("message of {raw_len} bytes, limit {max_raw}"),
        ));
    }
    let mut raw = vec![0; raw_len as usize];
    r.read_exact(&mut raw)?;
    Ok(Some((
        header.kind,
        ScanInput {
            envelope: header.envelope,
            raw,
            truncated_at: header.truncated_at,
        },
    )))
}

/// Writes one response frame.
pub fn write_response(w: &mut impl Write, response: &ScanResponse) -> io::Result<()> {
    let body = serde_json::to_vec(response).map_err(io::Error::other)?;
    w.write_all(&(body.len() as u32).to_be_bytes())?;
    w.write_all(&body)?;
    w.flush()
}

/// Writes the ready frame.
pub fn write_ready(w: &mut impl Write) -> io::Result<()> {
    w.write_all(&0u32.to_be_bytes())?;
    w.flush()
}

/// Decodes a response body.
pub fn decode_response(body: &[u8]) -> io::Result<ScanResponse> {
    serde_json::from_slice(body).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_round_trip_and_limits() {
        let mut input = ScanInput::from_bytes(b"Subject: x\r\n\r\nbody".to_vec());
        input.envelope.rcpt_to = vec!["a@b".into()];
        input.truncated_at = Some(9);
        let mut buf = Vec::new();
        write_request(&mut buf, Kind::Describe, &input).expect("written");
        let (kind, back) = read_request(&mut buf.as_slice(), 1 << 20)
            .expect("read")
            .expect("one");
        assert_eq!(kind, Kind::Describe);
        assert_eq!(back.raw, input.raw);
        assert_eq!(back.envelope, input.envelope);
        assert_eq!(back.truncated_at, Some(9));
        assert!(
            read_request(&mut buf.as_slice(), 4).is_err(),
            "over the size limit"
        );
        assert!(read_request(&mut &b""[..], 4).expect("eof").is_none());
        assert!(
            read_request(&mut &buf[..buf.len() - 1], 1 << 20).is_err(),
            "cut short"
        );
    }

    #[test]
    fn response_round_trip() {
        let r = ScanResponse {
            findings: vec![Finding::new("X", "d", "message")],
            timings: vec![("parse".into(), 3)],
            described: None,
            tokens: None,
            ocr_wanted: true,
            attachments: 2,
            for_clamd: vec![("a.zip > x".into(), Blob((0..=255u8).cycle().take(1000).collect()))],
        };
        let mut buf = Vec::new();
        write_response(&mut buf, &r).expect("written");
        assert_eq!(decode_response(&buf[4..]).expect("decoded"), r);
    }
}
