//! The milter socket: `inet:` (with TCP_NODELAY) or `unix:` (mode set, stale socket file
//! replaced, removed when the listener goes).

use crate::config::{ListenAddr, SocketMode};
use std::io;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::{Path, PathBuf};
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

/// An accepted milter connection.
pub enum Accepted {
    Tcp(TcpStream),
    Unix(UnixStream),
}

impl MilterListener {
    /// The next connection. TCP ones get TCP_NODELAY: answers are small and latency-bound, and
    /// each leaves in one write, so there is nothing for Nagle to gather.
    pub async fn accept(&self) -> io::Result<Accepted> {
        match self {
            MilterListener::Tcp(l) => {
                let (s, _) = l.accept().await?;
                s.set_nodelay(true)?;
                Ok(Accepted::Tcp(s))
            }
            MilterListener::Unix(l, _) => Ok(Accepted::Unix(l.accept().await?.0)),
        }
    }
}
