//! The milter connections: the accept loop (at most `[milter] max_connections` at once, stopped
//! by the daemon's shutdown) and one task per connection that reads frames, hands each command
//! to the handlers in `mod.rs`, and writes their answers.
//!
//! Why our own loop and not a milter library's: through Postfix every command is a round trip,
//! and a library that passes each frame between tasks through channels wakes a second task
//! (often on the other runtime thread) twice per command. Here the task that read a command
//! answers it, every answer already queued leaves in one write, and commands that arrived
//! together are handled without waiting again (BENCHMARKS.md, "The milter protocol layer").

use super::listen::{Accepted, MilterListener};
use super::wire;
use super::{Flow, Handler, Shared};
use std::future::Future;
use std::os::fd::{AsRawFd, RawFd};
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};
use tokio::task::JoinSet;

/// Runs the milter on `listener` until `shutdown` completes; messages in their end-of-message
/// stage finish and are answered first, idle connections close at once.
pub async fn run(listener: MilterListener, shared: Shared, shutdown: impl Future) -> std::io::Result<()> {
    let cfg = shared.engine.current().config().milter.clone();
    let permits = Arc::new(Semaphore::new(cfg.max_connections.max(1)));
    let io_timeout = Duration::from_secs(cfg.io_timeout_secs);
    let (stop_tx, stop_rx) = watch::channel(false);
    let mut tasks = JoinSet::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            biased;
            _ = &mut shutdown => break,
            p = permits.clone().acquire_owned() => match p {
                Ok(p) => p,
                Err(_) => break,
            },
        };
        let accepted = tokio::select! {
            biased;
            _ = &mut shutdown => break,
            a = listener.accept() => a,
        };
        while tasks.try_join_next().is_some() {}
        let handler = Handler::new(shared.clone());
        let stop = stop_rx.clone();
        match accepted {
            Ok(Accepted::Tcp(s)) => {
                let fd = Some(s.as_raw_fd());
                tasks.spawn(serve(s, fd, handler, stop, io_timeout, permit));
            }
            Ok(Accepted::Unix(s)) => {
                tasks.spawn(serve(s, None, handler, stop, io_timeout, permit));
            }
            Err(e) => {
                // Out of file descriptors and the like: wait rather than spin.
                tracing::warn!(error = %e, "cannot accept a milter connection");
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
    }
    let _ = stop_tx.send(true);
    while tasks.join_next().await.is_some() {}
    Ok(())
}

/// Bytes read at least per read call (more when a frame needs more).
const READ_CHUNK: usize = 16 * 1024;

/// Acknowledges what was read at once instead of after the delayed-ACK timer (Linux, TCP).
///
/// Postfix leaves Nagle's algorithm on for its milter socket: after a command it does not wait
/// an answer for, its next small write is held until the last one is acknowledged. When we have
/// nothing to send back, our ACK would wait for the delayed-ACK timer (40 ms), once per such
/// stage (measured: 21 messages a second instead of 250, BENCHMARKS.md).
fn ack_now(fd: RawFd) {
    let on: libc::c_int = 1;
    // SAFETY: `fd` is the open socket of the stream this task owns; the option value is a valid
    // c_int whose size is passed with it.
    let rc = unsafe {
        libc::setsockopt(
            fd,
            libc::IPPROTO_TCP,
            libc::TCP_QUICKACK,
            (&on as *const libc::c_int).cast(),
            std::mem::size_of::<libc::c_int>() as libc::socklen_t,
        )
    };
    if rc != 0 {
        tracing::debug!(error = %std::io::Error::last_os_error(), "TCP_QUICKACK not set");
    }
}

/// One connection: read, handle every whole frame, answer, read again. `tcp`: the socket when
/// it is TCP (see [`ack_now`]).
async fn serve<S: AsyncRead + AsyncWrite + Unpin>(
    mut io: S,
    tcp: Option<RawFd>,
    mut handler: Handler,
    mut stop: watch::Receiver<bool>,
    io_timeout: Duration,
    _permit: OwnedSemaphorePermit,
) {
    let mut buf: Vec<u8> = Vec::with_capacity(READ_CHUNK);
    let mut out: Vec<u8> = Vec::with_capacity(512);
    loop {
        let mut used = 0;
        let mut close = false;
        while !close {
            let (letter, payload, n) = match wire::next_frame(&buf[used..]) {
                Ok(Some(f)) => f,
                Ok(None) => break,
                Err(e) => {
                    tracing::warn!(error = %e, "bad milter frame; closing the connection");
                    return;
                }
            };
            let command = match wire::decode(letter, payload) {
                Ok(c) => c,
                Err(e) => {
                    tracing::warn!(error = %e, "bad milter command; closing the connection");
                    return;
                }
            };
            close = matches!(handler.command(command, &mut out).await, Flow::Close);
            used += n;
        }
        if out.is_empty() {
            if let (Some(fd), true) = (tcp, used > 0) {
                ack_now(fd);
            }
        } else {
            match tokio::time::timeout(io_timeout, io.write_all(&out)).await {
                Ok(Ok(())) => out.clear(),
                Ok(Err(e)) => {
                    tracing::debug!(error = %e, "milter connection lost while answering");
                    return;
                }
                Err(_) => {
                    tracing::warn!(
                        "the MTA did not take our answer within {} s",
                        io_timeout.as_secs()
                    );
                    return;
                }
            }
        }
        if close {
            return;
        }
        buf.drain(..used);
        if *stop.borrow() {
            return;
        }
        // Room for the rest of the frame in progress (bounded by wire::MAX_FRAME), or a chunk.
        let want = wire::frame_size(&buf)
            .unwrap_or(0)
            .saturating_sub(buf.len())
            .max(READ_CHUNK);
        buf.reserve(want);
        let read = tokio::select! {
            biased;
            r = tokio::time::timeout(io_timeout, io.read_buf(&mut buf)) => r,
            _ = stop.changed() => return,
        };
        match read {
            Ok(Ok(0)) => return,
            Ok(Ok(_)) => {}
            Ok(Err(e)) => {
                tracing::debug!(error = %e, "milter connection lost");
                return;
            }
            Err(_) => {
                tracing::warn!(
                    "no milter command within {} s; closing the connection",
                    io_timeout.as_secs()
                );
                return;
            }
        }
    }
}
