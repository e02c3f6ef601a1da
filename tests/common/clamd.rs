//! A private clamd for tests: its own configuration and socket in a temporary directory, the
//! project's signature database (`rules/clamav/`), limits raised for 20 MB attachments. And two
//! fakes for faults a real clamd cannot be made to show on demand: one that accepts connections
//! and never answers, one that cannot take file descriptors (as a clamd confined by AppArmor).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Clamd {
    dir: tempfile::TempDir,
    child: Option<Child>,
    stream_max: String,
}

impl Clamd {
    /// Starts clamd with `StreamMaxLength` 40M.
    pub fn start() -> Clamd {
        Clamd::start_with("40M")
    }

    /// Starts clamd with the given `StreamMaxLength` (e.g. "1M").
    pub fn start_with(stream_max: &str) -> Clamd {
        let dir = tempfile::Builder::new()
            .prefix("canhgac-clamd-")
            .tempdir()
            .expect("tempdir");
        let mut c = Clamd {
            dir,
            child: None,
            stream_max: stream_max.to_owned(),
        };
        c.spawn();
        c
    }

    /// The process id of the running clamd.
    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(|c| c.id())
    }

    pub fn socket(&self) -> PathBuf {
        self.dir.path().join("clamd.sock")
    }

    /// The endpoint in canhgac's notation.
    pub fn endpoint(&self) -> String {
        format!("unix:{}", self.socket().display())
    }

    /// Its configuration file (for `canhgac doctor --clamd-conf`).
    pub fn conf(&self) -> PathBuf {
        self.dir.path().join("clamd.conf")
    }

    /// Lets other users (the gateway's account) reach its socket.
    pub fn open_to_all(&self) {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(self.dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("clamd.log")).unwrap_or_default()
    }

    fn spawn(&mut self) {
        let db = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/clamav");
        let conf = self.dir.path().join("clamd.conf");
        let max = &self.stream_max;
        // Its temporary files in memory, as `canhgac doctor` asks of a production clamd.
        std::fs::write(
            &conf,
            format!(
                "Foreground yes\nLocalSocket {}\nDatabaseDirectory {}\nLogFile {}\nLogClean yes\n\
                 StreamMaxLength {max}\nMaxFileSize 40M\nMaxScanSize 100M\nUser root\nLocalSocketMode 666\n\
                 TemporaryDirectory /dev/shm\n",
                self.socket().display(),
                db.display(),
                self.dir.path().join("clamd.log").display(),
            ),
        )
        .expect("write clamd.conf");
        let _ = std::fs::remove_file(self.socket());
        let child = Command::new("clamd")
            .arg("-c")
            .arg(&conf)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start clamd (is the clamav-daemon package installed?)");
        self.child = Some(child);
        let end = Instant::now() + Duration::from_secs(60);
        loop {
            if std::os::unix::net::UnixStream::connect(self.socket()).is_ok() {
                return;
            }
            assert!(Instant::now() < end, "clamd did not start:\n{}", self.log());
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Stops clamd (its socket then refuses connections).
    pub fn stop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
        let _ = std::fs::remove_file(self.socket());
    }

    /// Starts it again on the same socket.
    pub fn restart(&mut self) {
        self.stop();
        self.spawn();
    }
}

impl Drop for Clamd {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A unix socket that accepts connections, reads what is sent, and never answers.
pub struct HangingClamd {
    pub dir: tempfile::TempDir,
    task: tokio::task::JoinHandle<()>,
}

impl HangingClamd {
    pub async fn start() -> HangingClamd {
        let dir = tempfile::tempdir().expect("tempdir");
        let l = tokio::net::UnixListener::bind(dir.path().join("hang.sock")).expect("bind");
        let task = tokio::spawn(async move {
            let mut held = Vec::new();
            while let Ok((mut s, _)) = l.accept().await {
                held.push(tokio::spawn(async move {
                    let mut sink = tokio::io::sink();
                    let _ = tokio::io::copy(&mut s, &mut sink).await;
                    std::future::pending::<()>().await;
                }));
            }
        });
        HangingClamd { dir, task }
    }

    pub fn endpoint(&self) -> String {
        format!("unix:{}", self.dir.path().join("hang.sock").display())
    }
}

impl Drop for HangingClamd {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// A clamd that speaks the session protocol but cannot take file descriptors: it answers
/// `zFILDES` with clamd's error and closes the connection, scans nothing, and calls every
/// streamed message clean. It counts both, and answers PING.
pub struct FdRefusingClamd {
    pub dir: tempfile::TempDir,
    pub fildes: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    pub streams: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    task: tokio::task::JoinHandle<()>,
}

impl FdRefusingClamd {
    pub async fn start() -> FdRefusingClamd {
        use std::sync::atomic::Ordering::SeqCst;
        use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
        let dir = tempfile::tempdir().expect("tempdir");
        let l = tokio::net::UnixListener::bind(dir.path().join("nofd.sock")).expect("bind");
        let fildes = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let streams = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let (f, st) = (fildes.clone(), streams.clone());
        let task = tokio::spawn(async move {
            while let Ok((s, _)) = l.accept().await {
                let (f, st) = (f.clone(), st.clone());
                tokio::spawn(async move {
                    let mut s = BufReader::new(s);
                    let mut id = 0;
                    loop {
                        let mut command = Vec::new();
                        if s.read_until(0, &mut command).await.unwrap_or(0) == 0 {
                            return;
                        }
                        match command.as_slice() {
                            b"zIDSESSION\0" => continue,
                            b"zPING\0" => {
                                let _ = s.get_mut().write_all(b"PONG\0").await;
                                return;
                            }
                            b"zFILDES\0" => {
                                // The byte that carries the descriptor (dropped unread).
                                let _ = s.read_u8().await;
                                f.fetch_add(1, SeqCst);
                                id += 1;
                                let answer = format!("{id}: FILDES: didn't receive file descriptor. ERROR\0");
                                let _ = s.get_mut().write_all(answer.as_bytes()).await;
                                return;
                            }
                            b"zINSTREAM\0" => {
                                loop {
                                    let Ok(n) = s.read_u32().await else { return };
                                    if n == 0 {
                                        break;
                                    }
                                    let mut chunk = vec![0; n as usize];
                                    if s.read_exact(&mut chunk).await.is_err() {
                                        return;
                                    }
                                }
                                st.fetch_add(1, SeqCst);
                                id += 1;
                                let answer = format!("{id}: stream: OK\0");
                                if s.get_mut().write_all(answer.as_bytes()).await.is_err() {
                                    return;
                                }
                            }
                            _ => return,
                        }
                    }
                });
            }
        });
        FdRefusingClamd {
            dir,
            fildes,
            streams,
            task,
        }
    }

    pub fn endpoint(&self) -> String {
        format!("unix:{}", self.dir.path().join("nofd.sock").display())
    }
}

impl Drop for FdRefusingClamd {
    fn drop(&mut self) {
        self.task.abort();
    }
}
