//! A loopback SMTP sink that keeps what it receives, and a minimal SMTP client that reports the
//! server's reply at every stage.

use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

/// One message the sink accepted.
#[derive(Debug, Clone)]
pub struct Received {
    pub mail_from: String,
    pub rcpt_to: Vec<String>,
    pub data: Vec<u8>,
}

impl Received {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.data).into_owned()
    }
}

/// An SMTP server on a free loopback port that accepts every message.
pub struct Sink {
    pub port: u16,
    pub messages: Arc<Mutex<Vec<Received>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Sink {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Sink {
    pub async fn start() -> Sink {
        Sink::start_on(0).await
    }

    /// A sink on a given port (0: any free one).
    pub async fn start_on(port: u16) -> Sink {
        let l = TcpListener::bind(("127.0.0.1", port)).await.expect("bind sink");
        let port = l.local_addr().expect("addr").port();
        let messages = Arc::new(Mutex::new(Vec::new()));
        let m = messages.clone();
        let task = tokio::spawn(async move {
            while let Ok((s, _)) = l.accept().await {
                let m = m.clone();
                tokio::spawn(async move {
                    let _ = serve(s, m).await;
                });
            }
        });
        Sink { port, messages, task }
    }

    /// Waits until at least `n` messages arrived (or the timeout passes) and returns them all.
    pub async fn wait_for(&self, n: usize, timeout: Duration) -> Vec<Received> {
        let end = tokio::time::Instant::now() + timeout;
        loop {
            let got = self.messages.lock().expect("lock").clone();
            if got.len() >= n || tokio::time::Instant::now() >= end {
                return got;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

async fn serve(s: TcpStream, out: Arc<Mutex<Vec<Received>>>) -> std::io::Result<()> {
    let (r, mut w) = s.into_split();
    let mut r = BufReader::new(r);
    w.write_all(b"220 sink.test ESMTP\r\n").await?;
    let mut cur = Received {
        mail_from: String::new(),
        rcpt_to: Vec::new(),
        data: Vec::new(),
    };
    let mut line = Vec::new();
    loop {
        line.clear();
        if r.read_until(b'\n', &mut line).await? == 0 {
            return Ok(());
        }
        let cmd = String::from_utf8_lossy(&line).trim_end().to_owned();
        let upper = cmd.to_ascii_uppercase();
        if upper.starts_with("EHLO") {
            w.write_all(b"250-sink.test\r\n250-8BITMIME\r\n250-SIZE 100000000\r\n250 PIPELINING\r\n")
                .await?;
        } else if upper.starts_with("HELO") {
            w.write_all(b"250 sink.test\r\n").await?;
        } else if upper.starts_with("MAIL FROM:") {
            cur.mail_from = path_of(&cmd[10..]);
            cur.rcpt_to.clear();
            w.write_all(b"250 2.1.0 Ok\r\n").await?;
        } else if upper.starts_with("RCPT TO:") {
            cur.rcpt_to.push(path_of(&cmd[8..]));
            w.write_all(b"250 2.1.5 Ok\r\n").await?;
        } else if upper == "DATA" {
            w.write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n").await?;
            let mut data = Vec::new();
            loop {
                line.clear();
                if r.read_until(b'\n', &mut line).await? == 0 {
                    return Ok(());
                }
                if line == b".\r\n" || line == b".\n" {
                    break;
                }
                let l = if line.starts_with(b"..") {
                    &line[1..]
                } else {
                    &line[..]
                };
                data.extend_from_slice(l);
            }
            cur.data = data;
            out.lock().expect("lock").push(cur.clone());
            w.write_all(b"250 2.0.0 Ok: queued\r\n").await?;
        } else if upper == "QUIT" {
            w.write_all(b"221 2.0.0 Bye\r\n").await?;
            return Ok(());
        } else {
            w.write_all(b"250 2.0.0 Ok\r\n").await?;
        }
    }
}

fn path_of(s: &str) -> String {
    let s = s.trim();
    let end = s.find('>').map_or(s.len(), |p| p + 1);
    s[..end]
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .to_owned()
}

/// Where a submission ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Accepted after DATA, with the server's final reply.
    Accepted(String),
    /// Refused at `stage` (`MAIL`, `RCPT`, `DATA`, `END`) with this reply.
    Refused { stage: &'static str, reply: String },
}

impl Outcome {
    pub fn reply(&self) -> &str {
        match self {
            Outcome::Accepted(r) => r,
            Outcome::Refused { reply, .. } => reply,
        }
    }
}

/// One SMTP reply, its lines joined.
async fn reply(r: &mut BufReader<tokio::net::tcp::OwnedReadHalf>) -> std::io::Result<String> {
    let mut all = String::new();
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).await? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let done = line.as_bytes().get(3) != Some(&b'-');
        all.push_str(&line);
        if done {
            return Ok(all.trim_end().to_owned());
        }
    }
}

/// Sends one message over SMTP to 127.0.0.1:`port`.
pub async fn send(port: u16, from: &str, to: &[&str], data: &[u8]) -> std::io::Result<Outcome> {
    let mut all = send_many(port, from, to, &[data], true).await?;
    all.pop().ok_or_else(|| std::io::ErrorKind::UnexpectedEof.into())
}

/// Sends several messages over one SMTP session (RSET after a refusal), as an MTA with a
/// queue for one destination does; `declare_size`: with `SIZE=` at MAIL FROM.
pub async fn send_many(
    port: u16,
    from: &str,
    to: &[&str],
    messages: &[&[u8]],
    declare_size: bool,
) -> std::io::Result<Vec<Outcome>> {
    let s = TcpStream::connect(("127.0.0.1", port)).await?;
    let (r, mut w) = s.into_split();
    let mut r = BufReader::new(r);
    reply(&mut r).await?;
    w.write_all(b"EHLO client.test\r\n").await?;
    reply(&mut r).await?;
    let mut outcomes = Vec::new();
    for data in messages {
        let outcome = transaction(&mut r, &mut w, from, to, data, declare_size).await?;
        if !matches!(outcome, Outcome::Accepted(_)) {
            w.write_all(b"RSET\r\n").await?;
            reply(&mut r).await?;
        }
        outcomes.push(outcome);
    }
    let _ = w.write_all(b"QUIT\r\n").await;
    Ok(outcomes)
}

async fn transaction(
    r: &mut BufReader<tokio::net::tcp::OwnedReadHalf>,
    w: &mut tokio::net::tcp::OwnedWriteHalf,
    from: &str,
    to: &[&str],
    data: &[u8],
    declare_size: bool,
) -> std::io::Result<Outcome> {
    let ok = |r: &str| r.starts_with('2') || r.starts_with('3');
    let size = if declare_size {
        format!(" SIZE={}", data.len())
    } else {
        String::new()
    };
    w.write_all(format!("MAIL FROM:<{from}>{size}\r\n").as_bytes())
        .await?;
    let rep = reply(r).await?;
    if !ok(&rep) {
        return Ok(Outcome::Refused {
            stage: "MAIL",
            reply: rep,
        });
    }
    for t in to {
        w.write_all(format!("RCPT TO:<{t}>\r\n").as_bytes()).await?;
        let rep = reply(r).await?;
        if !ok(&rep) {
            return Ok(Outcome::Refused {
                stage: "RCPT",
                reply: rep,
            });
        }
    }
    w.write_all(b"DATA\r\n").await?;
    let rep = reply(r).await?;
    if !ok(&rep) {
        return Ok(Outcome::Refused {
            stage: "DATA",
            reply: rep,
        });
    }
    // Dot-stuff and send in large writes.
    let mut buf = Vec::with_capacity(data.len() + 1024);
    for line in data.split_inclusive(|&b| b == b'\n') {
        if line.starts_with(b".") {
            buf.push(b'.');
        }
        buf.extend_from_slice(line);
    }
    if !buf.ends_with(b"\r\n") {
        buf.extend_from_slice(b"\r\n");
    }
    buf.extend_from_slice(b".\r\n");
    w.write_all(&buf).await?;
    let rep = reply(r).await?;
    if ok(&rep) {
        Ok(Outcome::Accepted(rep))
    } else {
        Ok(Outcome::Refused {
            stage: "END",
            reply: rep,
        })
    }
}
