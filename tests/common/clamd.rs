//! A private clamd for tests: its own configuration and socket in a temporary directory, the
//! project's signature database (`rules/clamav/`), limits raised for 20 MB attachments. And a
//! fake clamd that accepts connections and never answers (a fault a real clamd cannot be made to
//! show on demand).

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
