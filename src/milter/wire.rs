//! The milter wire protocol as Postfix speaks it (Sendmail's libmilter protocol, version 6):
//! frames, the MTA's commands decoded from them, and our replies encoded into them. Pure
//! functions over byte slices, no I/O: the connection loop (`conn.rs`) reads and writes.
//!
//! A frame is a 32-bit big-endian length, then that many bytes: a command (or reply) letter and
//! its payload. Strings in payloads end with NUL. Everything here treats the MTA's bytes as
//! untrusted: a frame over [`MAX_FRAME`] or a payload that does not parse is an error naming
//! the command, and the connection ends (Postfix then applies `milter_default_action`).

use std::fmt;
use std::net::IpAddr;

/// The protocol version we speak (Postfix 2.6 and later, Sendmail 8.14 and later).
pub const VERSION: u32 = 6;

/// The largest frame accepted: Postfix sends body chunks of at most 64 KiB, header values are
/// bounded by its `header_size_limit`; 1 MiB is libmilter's own largest (`SMFIP_MDS_1M`).
pub const MAX_FRAME: usize = 1 << 20;

/// Actions we may ask for (`SMFIF_*`).
pub mod action {
    pub const ADD_HEADER: u32 = 0x01;
    pub const CHANGE_HEADER: u32 = 0x10;
    pub const QUARANTINE: u32 = 0x20;
}

/// Protocol options (`SMFIP_*`): stages not sent, stages not answered, header spacing.
pub mod opt {
    pub const NO_CONNECT: u32 = 0x01;
    pub const NO_HELO: u32 = 0x02;
    pub const NO_MAIL: u32 = 0x04;
    pub const NO_RCPT: u32 = 0x08;
    pub const NO_BODY: u32 = 0x10;
    pub const NO_HEADERS: u32 = 0x20;
    pub const NO_EOH: u32 = 0x40;
    pub const NR_HEADER: u32 = 0x80;
    pub const NO_UNKNOWN: u32 = 0x100;
    pub const NR_CONNECT: u32 = 0x1000;
    pub const NR_HELO: u32 = 0x2000;
    pub const NR_MAIL: u32 = 0x4000;
    pub const NR_RCPT: u32 = 0x8000;
    pub const NR_DATA: u32 = 0x1_0000;
    pub const NR_UNKNOWN: u32 = 0x2_0000;
    pub const NR_EOH: u32 = 0x4_0000;
    pub const NR_BODY: u32 = 0x8_0000;
    pub const LEADING_SPACE: u32 = 0x10_0000;
}

/// The stages macros are requested for, by their index in the negotiation reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MacroStage {
    Connect = 0,
    Mail = 2,
    Eom = 5,
}

/// A command from the MTA, borrowing its frame's payload.
#[derive(Debug, PartialEq, Eq)]
pub enum Command<'a> {
    /// `O`: the MTA's version, the actions and protocol options it offers.
    Negotiate { version: u32, actions: u32, opts: u32 },
    /// `D`: macro values for the stage named by a command letter.
    Macros {
        stage: u8,
        pairs: Vec<(&'a [u8], &'a [u8])>,
    },
    /// `C`: the client's host name and, when known, its address.
    Connect {
        hostname: &'a [u8],
        addr: Option<IpAddr>,
    },
    /// `H`: the HELO/EHLO argument.
    Helo(&'a [u8]),
    /// `M`: the sender and its ESMTP arguments.
    Mail(Vec<&'a [u8]>),
    /// `R`: a recipient and its ESMTP arguments.
    Rcpt(Vec<&'a [u8]>),
    /// `T`: DATA.
    Data,
    /// `L`: one header, as name and value.
    Header { name: &'a [u8], value: &'a [u8] },
    /// `N`: end of the headers.
    EndOfHeaders,
    /// `B`: a chunk of the body.
    Body(&'a [u8]),
    /// `E`: end of the message (with a last body chunk, rarely).
    EndOfMessage(&'a [u8]),
    /// `A`: the transaction is abandoned (RSET, or the client went away).
    Abort,
    /// `Q`: the connection ends.
    Quit,
    /// `K`: the connection ends and a new SMTP connection starts on the same milter socket.
    QuitNewConnection,
    /// `U`: an SMTP command the MTA did not know.
    Unknown(&'a [u8]),
}

/// Why a frame could not be read.
#[derive(Debug, PartialEq, Eq)]
pub enum WireError {
    /// The length field says more than [`MAX_FRAME`] or less than one byte.
    BadLength(u32),
    /// A command letter this protocol does not have.
    UnknownCommand(u8),
    /// A payload missing a part it must have.
    Malformed { command: u8, what: &'static str },
}

impl fmt::Display for WireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WireError::BadLength(n) => write!(f, "frame length {n} is outside 1..={MAX_FRAME}"),
            WireError::UnknownCommand(c) => write!(f, "unknown milter command {:?}", char::from(*c)),
            WireError::Malformed { command, what } => {
                write!(f, "milter command {:?}: {what}", char::from(*command))
            }
        }
    }
}

impl std::error::Error for WireError {}

/// A whole frame: its command letter, its payload, and the bytes it took in the buffer.
pub type Frame<'a> = (u8, &'a [u8], usize);

/// The first whole frame in `buf`. `Ok(None)` while more bytes are needed (at most
/// [`MAX_FRAME`] + 4 in all).
pub fn next_frame(buf: &[u8]) -> Result<Option<Frame<'_>>, WireError> {
    let Some(len) = buf.first_chunk::<4>().map(|b| u32::from_be_bytes(*b)) else {
        return Ok(None);
    };
    if len == 0 || len as usize > MAX_FRAME {
        return Err(WireError::BadLength(len));
    }
    let end = 4 + len as usize;
    let Some(frame) = buf.get(4..end) else {
        return Ok(None);
    };
    Ok(Some((frame[0], &frame[1..], end)))
}

/// How many bytes the frame that `buf` starts needs in all (None: its length is not there yet).
pub fn frame_size(buf: &[u8]) -> Option<usize> {
    buf.first_chunk::<4>()
        .map(|b| 4 + (u32::from_be_bytes(*b) as usize).min(MAX_FRAME))
}

/// Reads the NUL-terminated strings of a payload (a trailing part without NUL is an error).
fn strings(command: u8, mut p: &[u8]) -> Result<Vec<&[u8]>, WireError> {
    let mut out = Vec::new();
    while !p.is_empty() {
        let Some(end) = p.iter().position(|&b| b == 0) else {
            return Err(WireError::Malformed {
                command,
                what: "a string without its terminating NUL",
            });
        };
        out.push(&p[..end]);
        p = &p[end + 1..];
    }
    Ok(out)
}

fn first_string(command: u8, p: &[u8]) -> Result<(&[u8], &[u8]), WireError> {
    match p.iter().position(|&b| b == 0) {
        Some(end) => Ok((&p[..end], &p[end + 1..])),
        None => Err(WireError::Malformed {
            command,
            what: "a string without its terminating NUL",
        }),
    }
}

fn u32_at(command: u8, p: &[u8], at: usize) -> Result<u32, WireError> {
    p.get(at..at + 4)
        .and_then(|b| b.first_chunk::<4>())
        .map(|b| u32::from_be_bytes(*b))
        .ok_or(WireError::Malformed {
            command,
            what: "shorter than its fixed fields",
        })
}

/// Decodes one command from its letter and payload.
pub fn decode(command: u8, p: &[u8]) -> Result<Command<'_>, WireError> {
    let nonempty = |what| {
        if p.is_empty() {
            Err(WireError::Malformed { command, what })
        } else {
            Ok(())
        }
    };
    Ok(match command {
        b'O' => Command::Negotiate {
            version: u32_at(command, p, 0)?,
            actions: u32_at(command, p, 4)?,
            opts: u32_at(command, p, 8)?,
        },
        b'D' => {
            let (&stage, rest) = p.split_first().ok_or(WireError::Malformed {
                command,
                what: "no stage letter",
            })?;
            let s = strings(command, rest)?;
            // An odd value out is dropped, as libmilter does (Postfix sends empty lists).
            let pairs = s.chunks_exact(2).map(|kv| (kv[0], kv[1])).collect();
            Command::Macros { stage, pairs }
        }
        b'C' => {
            let (hostname, rest) = first_string(command, p)?;
            let addr = match rest.split_first() {
                Some((b'4' | b'6', rest)) if rest.len() >= 2 => {
                    let (text, _) = first_string(command, &rest[2..])?;
                    std::str::from_utf8(text)
                        .ok()
                        .and_then(|t| t.trim_start_matches("IPv6:").parse().ok())
                }
                Some((b'U' | b'L', _)) | None => None,
                Some(_) => {
                    return Err(WireError::Malformed {
                        command,
                        what: "an unknown address family",
                    });
                }
            };
            Command::Connect { hostname, addr }
        }
        b'H' => {
            nonempty("no HELO name")?;
            Command::Helo(first_string(command, p)?.0)
        }
        b'M' | b'R' => {
            let args = strings(command, p)?;
            if args.is_empty() {
                return Err(WireError::Malformed {
                    command,
                    what: "no address",
                });
            }
            if command == b'M' {
                Command::Mail(args)
            } else {
                Command::Rcpt(args)
            }
        }
        b'T' => Command::Data,
        b'L' => {
            let (name, rest) = first_string(command, p)?;
            let (value, _) = first_string(command, rest)?;
            Command::Header { name, value }
        }
        b'N' => Command::EndOfHeaders,
        b'B' => Command::Body(p),
        b'E' => Command::EndOfMessage(p),
        b'A' => Command::Abort,
        b'Q' => Command::Quit,
        b'K' => Command::QuitNewConnection,
        b'U' => {
            nonempty("no command text")?;
            Command::Unknown(first_string(command, p)?.0)
        }
        other => return Err(WireError::UnknownCommand(other)),
    })
}

/// Our replies.
#[derive(Debug)]
pub enum Reply<'a> {
    Continue,
    Accept,
    Discard,
    /// `r` or, with a text, `y` with a 5xx reply.
    Reject(Option<&'a crate::verdict::SmtpReply>),
    /// `t` or, with a text, `y` with a 4xx reply.
    Tempfail(Option<&'a crate::verdict::SmtpReply>),
    AddHeader {
        name: &'a str,
        value: &'a str,
    },
    /// Replaces the `index`th (1-based) header of that name; an empty value removes it.
    ChangeHeader {
        name: &'a str,
        index: u32,
        value: &'a str,
    },
    /// Asks the MTA to put the message in its hold queue.
    Quarantine {
        reason: &'a str,
    },
    Negotiate {
        version: u32,
        actions: u32,
        opts: u32,
        macros: &'a [(MacroStage, &'a str)],
    },
}

/// Appends one frame to `out`: its length is filled in after the payload is written.
fn frame(out: &mut Vec<u8>, letter: u8, payload: impl FnOnce(&mut Vec<u8>)) {
    let start = out.len();
    out.extend_from_slice(&[0, 0, 0, 0, letter]);
    payload(out);
    let len = (out.len() - start - 4) as u32;
    out[start..start + 4].copy_from_slice(&len.to_be_bytes());
}

/// Appends `s` with its NUL; a NUL inside `s` would end the string early on the other side, so
/// it is written as a space.
fn c_string(out: &mut Vec<u8>, s: &str) {
    out.extend(s.bytes().map(|b| if b == 0 { b' ' } else { b }));
    out.push(0);
}

/// The `y` payload for `r` when its class fits (`5` for reject, `4` for tempfail), else None:
/// Postfix ignores a reply text whose class contradicts the verdict.
fn reply_text(r: Option<&crate::verdict::SmtpReply>, class: u16) -> Option<String> {
    let r = r?;
    let ok_status = r.status.split('.').count() == 3
        && r.status.starts_with(char::from(b'0' + class as u8))
        && r.status.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    (r.code / 100 == class && ok_status && !r.text.contains(['\r', '\n']))
        .then(|| format!("{} {} {}", r.code, r.status, r.text))
}

impl Reply<'_> {
    /// Appends this reply's frame to `out`.
    pub fn encode(&self, out: &mut Vec<u8>) {
        match self {
            Reply::Continue => frame(out, b'c', |_| {}),
            Reply::Accept => frame(out, b'a', |_| {}),
            Reply::Discard => frame(out, b'd', |_| {}),
            Reply::Reject(r) => match reply_text(*r, 5) {
                Some(t) => frame(out, b'y', |o| c_string(o, &t)),
                None => frame(out, b'r', |_| {}),
            },
            Reply::Tempfail(r) => match reply_text(*r, 4) {
                Some(t) => frame(out, b'y', |o| c_string(o, &t)),
                None => frame(out, b't', |_| {}),
            },
            Reply::AddHeader { name, value } => frame(out, b'h', |o| {
                c_string(o, name);
                c_string(o, value);
            }),
            Reply::ChangeHeader { name, index, value } => frame(out, b'm', |o| {
                o.extend_from_slice(&index.to_be_bytes());
                c_string(o, name);
                c_string(o, value);
            }),
            Reply::Quarantine { reason } => frame(out, b'q', |o| c_string(o, reason)),
            Reply::Negotiate {
                version,
                actions,
                opts,
                macros,
            } => frame(out, b'O', |o| {
                o.extend_from_slice(&version.to_be_bytes());
                o.extend_from_slice(&actions.to_be_bytes());
                o.extend_from_slice(&opts.to_be_bytes());
                for (stage, names) in *macros {
                    o.extend_from_slice(&(*stage as u32).to_be_bytes());
                    c_string(o, names);
                }
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verdict::SmtpReply;

    fn framed(letter: u8, payload: &[u8]) -> Vec<u8> {
        let mut v = ((payload.len() + 1) as u32).to_be_bytes().to_vec();
        v.push(letter);
        v.extend_from_slice(payload);
        v
    }

    #[test]
    fn frames_are_cut_where_their_length_says() {
        let mut buf = framed(b'T', b"");
        buf.extend(framed(b'H', b"mx.example\0"));
        let (c, p, used) = next_frame(&buf).expect("ok").expect("whole");
        assert_eq!((c, p, used), (b'T', &b""[..], 5));
        let (c, p, _) = next_frame(&buf[used..]).expect("ok").expect("whole");
        assert_eq!((c, p), (b'H', &b"mx.example\0"[..]));
        // Partial length, partial payload: wait for more.
        assert_eq!(next_frame(&buf[..3]), Ok(None));
        assert_eq!(next_frame(&buf[used..used + 7]), Ok(None));
        assert_eq!(frame_size(&buf[used..used + 7]), Some(16));
        assert_eq!(next_frame(&[0, 0, 0, 0]), Err(WireError::BadLength(0)));
        assert_eq!(
            next_frame(&[0x7f, 0, 0, 0]),
            Err(WireError::BadLength(0x7f00_0000))
        );
    }

    #[test]
    fn commands_decode_as_postfix_sends_them() {
        let mut neg = Vec::new();
        for v in [6u32, 0x1ff, 0x1f_ffff] {
            neg.extend_from_slice(&v.to_be_bytes());
        }
        assert_eq!(
            decode(b'O', &neg),
            Ok(Command::Negotiate {
                version: 6,
                actions: 0x1ff,
                opts: 0x1f_ffff
            })
        );
        assert_eq!(
            decode(b'D', b"Cj\0mx\0{client_addr}\x00192.0.2.1\0"),
            Ok(Command::Macros {
                stage: b'C',
                pairs: vec![
                    (&b"j"[..], &b"mx"[..]),
                    (&b"{client_addr}"[..], &b"192.0.2.1"[..])
                ]
            })
        );
        assert_eq!(
            decode(b'C', b"client.example\x004\x00\x19192.0.2.7\0"),
            Ok(Command::Connect {
                hostname: b"client.example",
                addr: Some("192.0.2.7".parse().expect("ip"))
            })
        );
        assert_eq!(
            decode(b'C', b"h\x006\x00\x19IPv6:2001:db8::1\0"),
            Ok(Command::Connect {
                hostname: b"h",
                addr: Some("2001:db8::1".parse().expect("ip"))
            })
        );
        assert_eq!(
            decode(b'C', b"localhost\0U"),
            Ok(Command::Connect {
                hostname: b"localhost",
                addr: None
            })
        );
        assert_eq!(
            decode(b'M', b"<a@x>\0SIZE=10\0"),
            Ok(Command::Mail(vec![&b"<a@x>"[..], &b"SIZE=10"[..]]))
        );
        assert_eq!(
            decode(b'L', b"Subject\0 hi\0"),
            Ok(Command::Header {
                name: b"Subject",
                value: b" hi"
            })
        );
        assert_eq!(decode(b'B', b"body"), Ok(Command::Body(b"body")));
    }

    #[test]
    fn malformed_payloads_are_errors_not_panics() {
        for (c, p) in [
            (b'O', &b"\0\0\0\x06"[..]),
            (b'D', b""),
            (b'C', b"no-nul"),
            (b'C', b"h\0X\0\0a\0"),
            (b'C', b"h\x004\0"),
            (b'C', b"h\x004\0\x19no-nul"),
            (b'H', b""),
            (b'M', b""),
            (b'R', b"<b@x>"),
            (b'L', b"Subject\0no-nul"),
            (b'L', b"Subject"),
            (b'U', b""),
        ] {
            assert!(decode(c, p).is_err(), "{:?} {p:?}", char::from(c));
        }
        assert_eq!(decode(b'z', b""), Err(WireError::UnknownCommand(b'z')));
        // An unparseable address is no address, not an error (the macro gives it anyway).
        assert_eq!(
            decode(b'C', b"h\x004\0\x19not-an-ip\0"),
            Ok(Command::Connect {
                hostname: b"h",
                addr: None
            })
        );
    }

    #[test]
    fn replies_encode_with_their_length() {
        let mut out = Vec::new();
        Reply::AddHeader {
            name: "X-A",
            value: " v",
        }
        .encode(&mut out);
        Reply::Accept.encode(&mut out);
        assert_eq!(out, [framed(b'h', b"X-A\0 v\0"), framed(b'a', b"")].concat());
        let mut out = Vec::new();
        Reply::ChangeHeader {
            name: "X-A",
            index: 2,
            value: "",
        }
        .encode(&mut out);
        assert_eq!(out, framed(b'm', b"\0\0\0\x02X-A\0\0"));
    }

    #[test]
    fn a_reply_text_goes_only_with_its_own_class() {
        let r550 = SmtpReply::new(550, "5.7.1", "Refused");
        let r451 = SmtpReply::new(451, "4.3.0", "Later");
        let mut out = Vec::new();
        Reply::Reject(Some(&r550)).encode(&mut out);
        assert_eq!(out, framed(b'y', b"550 5.7.1 Refused\0"));
        for (reply, letter) in [
            (Reply::Reject(Some(&r451)), b'r'),
            (Reply::Tempfail(Some(&r550)), b't'),
            (Reply::Tempfail(None), b't'),
        ] {
            let mut out = Vec::new();
            reply.encode(&mut out);
            assert_eq!(out, framed(letter, b""), "{reply:?}");
        }
        let mut out = Vec::new();
        Reply::Tempfail(Some(&r451)).encode(&mut out);
        assert_eq!(out, framed(b'y', b"451 4.3.0 Later\0"));
    }

    #[test]
    fn negotiation_reply_lists_macros_by_stage() {
        let mut out = Vec::new();
        Reply::Negotiate {
            version: 6,
            actions: action::ADD_HEADER,
            opts: opt::LEADING_SPACE,
            macros: &[(MacroStage::Connect, "j"), (MacroStage::Eom, "i")],
        }
        .encode(&mut out);
        let mut p = Vec::new();
        for v in [6u32, 1, 0x10_0000, 0] {
            p.extend_from_slice(&v.to_be_bytes());
        }
        p.extend_from_slice(b"j\0");
        p.extend_from_slice(&5u32.to_be_bytes());
        p.extend_from_slice(b"i\0");
        assert_eq!(out, framed(b'O', &p));
    }
}
