//! A minimal milter client that plays Postfix: protocol version 6 negotiation, then connect,
//! HELO, MAIL, RCPT, headers, end of headers, body in 64 KiB chunks, end of message. Each command
//! is one write, with TCP_NODELAY, so the client is never what is measured.

use crate::milter::wire::opt;
use std::io;
use std::time::{Duration, Instant};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

/// How the milter answered one message.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Answer {
    Accept,
    /// Accepted and asked to hold (SMFIR_QUARANTINE).
    Quarantine,
    Discard,
    /// Reject with the reply code (550, 552, 554…; 0 when the milter gave none).
    Reject(u16),
    /// Tempfail with the reply code (451…; 0 when none).
    Tempfail(u16),
}

impl std::fmt::Display for Answer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Answer::Accept => f.write_str("accept"),
            Answer::Quarantine => f.write_str("quarantine"),
            Answer::Discard => f.write_str("discard"),
            Answer::Reject(c) => write!(f, "reject {c}"),
            Answer::Tempfail(c) => write!(f, "tempfail {c}"),
        }
    }
}

/// One message's outcome and timings.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub answer: Answer,
    /// Time from sending end-of-message to the final answer (None when refused earlier).
    pub eom: Option<Duration>,
    /// Time for the whole transaction, MAIL to the final answer.
    pub total: Duration,
}

/// A message to replay: envelope, headers and body, split once before the run.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub from: String,
    pub rcpt: Vec<String>,
    pub headers: Vec<(Vec<u8>, Vec<u8>)>,
    pub body: Vec<u8>,
}

impl Prepared {
    /// Splits a raw message into headers and body (CRLF or LF).
    pub fn from_raw(raw: &[u8]) -> Prepared {
        let (head_end, body_start) = find_blank_line(raw).unwrap_or((raw.len(), raw.len()));
        let head = &raw[..head_end];
        let mut headers: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
        for line in head.split(|&b| b == b'\n') {
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            if line.is_empty() {
                continue;
            }
            if line[0] == b' ' || line[0] == b'\t' {
                if let Some(last) = headers.last_mut() {
                    last.1.extend_from_slice(b"\n");
                    last.1.extend_from_slice(line);
                }
                continue;
            }
            if let Some(colon) = line.iter().position(|&b| b == b':') {
                let value = &line[colon + 1..];
                let value = value.strip_prefix(b" ").unwrap_or(value);
                headers.push((line[..colon].to_vec(), value.to_vec()));
            }
        }
        // Milters see CRLF line ends in the body, as Postfix sends it.
        let mut body = Vec::with_capacity(raw.len() - body_start.min(raw.len()) + 1024);
        let mut prev = 0u8;
        for &b in &raw[body_start.min(raw.len())..] {
            if b == b'\n' && prev != b'\r' {
                body.push(b'\r');
            }
            body.push(b);
            prev = b;
        }
        Prepared {
            from: "bench@lamdong.gov.vn".to_owned(),
            rcpt: vec!["nhan@lamdong.gov.vn".to_owned()],
            headers,
            body,
        }
    }

    /// Bytes on the wire (headers and body).
    pub fn size(&self) -> usize {
        self.headers
            .iter()
            .map(|(n, v)| n.len() + v.len() + 4)
            .sum::<usize>()
            + 2
            + self.body.len()
    }
}

fn find_blank_line(raw: &[u8]) -> Option<(usize, usize)> {
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'\n' {
            if raw.get(i + 1) == Some(&b'\n') {
                return Some((i + 1, i + 2));
            }
            if raw.get(i + 1) == Some(&b'\r') && raw.get(i + 2) == Some(&b'\n') {
                return Some((i + 1, i + 3));
            }
        }
        i += 1;
    }
    None
}

/// A milter connection.
pub struct Client<S> {
    stream: S,
    buf: Vec<u8>,
    /// Protocol options the milter asked for (SMFIP_*).
    opts: u32,
    /// Send `SIZE=` with MAIL FROM (as Postfix does when the client declared it).
    pub declare_size: bool,
}

const CHUNK: usize = 65535;

impl<S: AsyncRead + AsyncWrite + Unpin> Client<S> {
    /// Negotiates protocol version 6 offering every action, and sends the connect and HELO.
    pub async fn open(stream: S) -> io::Result<Client<S>> {
        let mut c = Client {
            stream,
            buf: Vec::with_capacity(CHUNK + 16),
            opts: 0,
            declare_size: true,
        };
        let mut p = Vec::with_capacity(12);
        p.extend_from_slice(&6u32.to_be_bytes());
        p.extend_from_slice(&0x1FFu32.to_be_bytes()); // all actions
        p.extend_from_slice(&0x1F_FFFFu32.to_be_bytes()); // all protocol options offered
        c.send(b'O', &[&p]).await?;
        let (cmd, data) = c.read().await?;
        if cmd != b'O' || data.len() < 12 {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "milter did not negotiate",
            ));
        }
        c.opts = u32::from_be_bytes([data[8], data[9], data[10], data[11]]);
        if c.opts & opt::NO_CONNECT == 0 {
            c.command(
                b'C',
                opt::NR_CONNECT,
                &[b"bench.client\0", b"4", &25u16.to_be_bytes(), b"127.0.0.1\0"],
            )
            .await?;
        }
        if c.opts & opt::NO_HELO == 0 {
            c.command(b'H', opt::NR_HELO, &[b"bench.client\0"]).await?;
        }
        Ok(c)
    }

    async fn send(&mut self, cmd: u8, parts: &[&[u8]]) -> io::Result<()> {
        let len: usize = parts.iter().map(|p| p.len()).sum::<usize>() + 1;
        self.buf.clear();
        self.buf.extend_from_slice(&(len as u32).to_be_bytes());
        self.buf.push(cmd);
        for p in parts {
            self.buf.extend_from_slice(p);
        }
        self.stream.write_all(&self.buf).await
    }

    async fn read(&mut self) -> io::Result<(u8, Vec<u8>)> {
        let len = self.stream.read_u32().await? as usize;
        if len == 0 || len > 1 << 24 {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "bad milter reply length",
            ));
        }
        let cmd = self.stream.read_u8().await?;
        let mut data = vec![0; len - 1];
        self.stream.read_exact(&mut data).await?;
        Ok((cmd, data))
    }

    /// Sends a command and reads its answer (unless the milter negotiated `no_reply` for it):
    /// None to go on, Some(answer) when the message ended.
    async fn command(&mut self, cmd: u8, no_reply: u32, parts: &[&[u8]]) -> io::Result<Option<Answer>> {
        self.send(cmd, parts).await?;
        if no_reply != 0 && self.opts & no_reply != 0 {
            return Ok(None);
        }
        let mut held = false;
        loop {
            let (r, data) = self.read().await?;
            match r {
                b'c' => return Ok(None),
                b'a' => return Ok(Some(if held { Answer::Quarantine } else { Answer::Accept })),
                b'd' => return Ok(Some(Answer::Discard)),
                b'r' => return Ok(Some(Answer::Reject(0))),
                b't' => return Ok(Some(Answer::Tempfail(0))),
                b'y' => {
                    let code = std::str::from_utf8(&data[..data.len().min(3)])
                        .ok()
                        .and_then(|c| c.parse().ok())
                        .unwrap_or(0);
                    return Ok(Some(if code >= 500 {
                        Answer::Reject(code)
                    } else {
                        Answer::Tempfail(code)
                    }));
                }
                b'q' => held = true,
                b'p' | b'h' | b'i' | b'm' | b'+' | b'-' | b'2' | b'e' | b'b' => {}
                other => {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!("unexpected milter reply {:?}", other as char),
                    ));
                }
            }
        }
    }

    /// Sends one whole message and returns how it ended.
    pub async fn message(&mut self, m: &Prepared) -> io::Result<Outcome> {
        let start = Instant::now();
        let done = |answer, eom| Outcome {
            answer,
            eom,
            total: start.elapsed(),
        };
        let from = if self.declare_size {
            format!("<{}>\0SIZE={}\0", m.from, m.size())
        } else {
            format!("<{}>\0", m.from)
        };
        if self.opts & opt::NO_MAIL == 0
            && let Some(a) = self.command(b'M', opt::NR_MAIL, &[from.as_bytes()]).await?
        {
            return Ok(done(a, None));
        }
        if self.opts & opt::NO_RCPT == 0 {
            for r in &m.rcpt {
                let rcpt = format!("<{r}>\0");
                if let Some(a) = self.command(b'R', opt::NR_RCPT, &[rcpt.as_bytes()]).await? {
                    return Ok(done(a, None));
                }
            }
        }
        if self.opts & opt::NO_HEADERS == 0 {
            let lead: &[u8] = if self.opts & opt::LEADING_SPACE != 0 {
                b" "
            } else {
                b""
            };
            for (n, v) in &m.headers {
                if let Some(a) = self
                    .command(b'L', opt::NR_HEADER, &[n, b"\0", lead, v, b"\0"])
                    .await?
                {
                    return Ok(done(a, None));
                }
            }
        }
        if self.opts & opt::NO_EOH == 0
            && let Some(a) = self.command(b'N', opt::NR_EOH, &[]).await?
        {
            return Ok(done(a, None));
        }
        if self.opts & opt::NO_BODY == 0 {
            for chunk in m.body.chunks(CHUNK) {
                if let Some(a) = self.command(b'B', opt::NR_BODY, &[chunk]).await? {
                    return Ok(done(a, None));
                }
            }
        }
        let t = Instant::now();
        let a = self.command(b'E', 0, &[]).await?.unwrap_or(Answer::Accept);
        Ok(done(a, Some(t.elapsed())))
    }

    /// Ends the session.
    pub async fn quit(mut self) -> io::Result<()> {
        self.send(b'Q', &[]).await?;
        self.stream.shutdown().await
    }
}
