//! The milter socket: `inet:` (with TCP_NODELAY) or `unix:` (mode set, stale socket file
//! replaced), and a stream wrapper that sends each reply in one write.
//!
//! Why: indymilter flushes after every protocol message, so "add header" and "accept" would go
//! out as two small segments. With Nagle on, the second waits for the MTA's delayed ACK (about
//! 40 ms per message). We set TCP_NODELAY, and [`Coalesce`] holds back modification messages
//! until the final reply that follows them, so the whole answer leaves in a single write.

use crate::config::{ListenAddr, SocketMode};
use indymilter::{EitherStream, Listener};
use std::io;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::task::{Context, Poll, ready};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream, UnixListener, UnixStream};

/// A bound milter socket.
pub enum MilterListener {
    Tcp(TcpListener),
    Unix(UnixListener, UnixSocketGuard),
}

/// Removes the socket file when the listener goes away.
pub struct UnixSocketGuard(PathBuf);

impl Drop for UnixSocketGuard {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

impl MilterListener {
    /// Binds `addr`. A leftover unix socket file that nobody listens on is removed first; one
    /// that answers is an error (another milter is running).
    pub async fn bind(addr: &ListenAddr, mode: SocketMode) -> io::Result<MilterListener> {
        match addr {
            ListenAddr::Inet(a) => Ok(MilterListener::Tcp(TcpListener::bind(a).await?)),
            ListenAddr::Unix(path) => {
                remove_stale_socket(path).await?;
                let l = UnixListener::bind(path)?;
                let guard = UnixSocketGuard(path.clone());
                std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode.0))?;
                Ok(MilterListener::Unix(l, guard))
            }
        }
    }

    /// The address actually bound (with the real port when 0 was asked for).
    pub fn local_addr(&self) -> io::Result<ListenAddr> {
        match self {
            MilterListener::Tcp(l) => Ok(ListenAddr::Inet(l.local_addr()?)),
            MilterListener::Unix(_, g) => Ok(ListenAddr::Unix(g.0.clone())),
        }
    }
}

async fn remove_stale_socket(path: &Path) -> io::Result<()> {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return Ok(());
    };
    if !meta.file_type().is_socket() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!(
                "{} exists and is not a socket; refusing to replace it",
                path.display()
            ),
        ));
    }
    if UnixStream::connect(path).await.is_ok() {
        return Err(io::Error::new(
            io::ErrorKind::AddrInUse,
            format!("{}: another process is listening on this socket", path.display()),
        ));
    }
    std::fs::remove_file(path)
}

type Stream = EitherStream<TcpStream, UnixStream>;

impl Listener for MilterListener {
    type Io = Coalesce<Stream>;

    fn poll_accept(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<Self::Io>> {
        match self {
            MilterListener::Tcp(l) => {
                let (s, _) = ready!(TcpListener::poll_accept(l, cx))?;
                // Replies are small and latency-bound: never wait for an ACK before sending.
                s.set_nodelay(true)?;
                Poll::Ready(Ok(Coalesce::new(EitherStream::Tcp(s))))
            }
            MilterListener::Unix(l, _) => {
                let (s, _) = ready!(UnixListener::poll_accept(l, cx))?;
                Poll::Ready(Ok(Coalesce::new(EitherStream::Unix(s))))
            }
        }
    }
}

/// Milter responses that modify the message and are always followed by a final reply.
fn is_modification(cmd: u8) -> bool {
    matches!(cmd, b'+' | b'-' | b'2' | b'b' | b'e' | b'h' | b'i' | b'm' | b'q')
}

/// Holds back modification messages until the final reply after them, then writes all at once.
pub struct Coalesce<S> {
    inner: S,
    out: Vec<u8>,
    sent: usize,
    // Frame tracking over the bytes written: header bytes seen of the current frame, and body
    // bytes still to come.
    hdr: [u8; 5],
    hdr_len: usize,
    remaining: u64,
    last_cmd: u8,
}

/// Above this many held bytes, write even in the middle of a reply.
const MAX_HELD: usize = 256 * 1024;

impl<S> Coalesce<S> {
    pub fn new(inner: S) -> Coalesce<S> {
        Coalesce {
            inner,
            out: Vec::new(),
            sent: 0,
            hdr: [0; 5],
            hdr_len: 0,
            remaining: 0,
            last_cmd: 0,
        }
    }

    fn track(&mut self, mut data: &[u8]) {
        while !data.is_empty() {
            if self.remaining > 0 {
                let n = (self.remaining.min(data.len() as u64)) as usize;
                self.remaining -= n as u64;
                data = &data[n..];
                continue;
            }
            let n = (5 - self.hdr_len).min(data.len());
            self.hdr[self.hdr_len..self.hdr_len + n].copy_from_slice(&data[..n]);
            self.hdr_len += n;
            data = &data[n..];
            if self.hdr_len == 5 {
                let len = u32::from_be_bytes([self.hdr[0], self.hdr[1], self.hdr[2], self.hdr[3]]);
                self.last_cmd = self.hdr[4];
                self.remaining = u64::from(len.saturating_sub(1));
                self.hdr_len = 0;
            }
        }
    }

    /// True while the bytes written end in the middle of a reply (after a modification).
    fn mid_reply(&self) -> bool {
        self.hdr_len != 0 || self.remaining != 0 || is_modification(self.last_cmd)
    }
}

impl<S: AsyncWrite + Unpin> Coalesce<S> {
    fn poll_drain(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        while self.sent < self.out.len() {
            let n = ready!(Pin::new(&mut self.inner).poll_write(cx, &self.out[self.sent..]))?;
            if n == 0 {
                return Poll::Ready(Err(io::ErrorKind::WriteZero.into()));
            }
            self.sent += n;
        }
        self.out.clear();
        self.sent = 0;
        Poll::Ready(Ok(()))
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Coalesce<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Coalesce<S> {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        if self.out.len() >= MAX_HELD {
            ready!(self.poll_drain(cx))?;
        }
        self.out.extend_from_slice(buf);
        self.track(buf);
        Poll::Ready(Ok(buf.len()))
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        if self.mid_reply() && self.out.len() < MAX_HELD {
            return Poll::Ready(Ok(()));
        }
        ready!(self.poll_drain(cx))?;
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        ready!(self.poll_drain(cx))?;
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::AsyncWriteExt;

    /// Records each write the wrapper makes to the socket.
    #[derive(Default)]
    struct Writes(Vec<Vec<u8>>);

    impl AsyncWrite for Writes {
        fn poll_write(mut self: Pin<&mut Self>, _: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
            self.0.push(buf.to_vec());
            Poll::Ready(Ok(buf.len()))
        }
        fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
            Poll::Ready(Ok(()))
        }
        fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
            Poll::Ready(Ok(()))
        }
    }

    fn frame(cmd: u8, payload: &[u8]) -> Vec<u8> {
        let mut v = ((payload.len() + 1) as u32).to_be_bytes().to_vec();
        v.push(cmd);
        v.extend_from_slice(payload);
        v
    }

    #[tokio::test]
    async fn header_and_verdict_leave_in_one_write() {
        let mut c = Coalesce::new(Writes::default());
        let h = frame(b'h', b"X-Canhgac-Result\0accept\0");
        let a = frame(b'a', b"");
        c.write_all(&h).await.expect("write");
        c.flush().await.expect("flush");
        assert!(c.inner.0.is_empty(), "modification must be held back");
        c.write_all(&a).await.expect("write");
        c.flush().await.expect("flush");
        assert_eq!(c.inner.0.len(), 1);
        assert_eq!(c.inner.0[0], [h, a].concat());
    }

    #[tokio::test]
    async fn plain_replies_go_out_at_once() {
        let mut c = Coalesce::new(Writes::default());
        c.write_all(&frame(b'c', b"")).await.expect("write");
        c.flush().await.expect("flush");
        assert_eq!(c.inner.0.len(), 1);
    }
}
