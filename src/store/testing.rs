//! A private PostgreSQL cluster for the tests (issue 23), as the Postfix tests run a private
//! Postfix: `initdb` into a temporary directory and `postgres` on a free loopback port, run as
//! the `postgres` system user when the tests run as root (PostgreSQL refuses root). A small
//! shell supervises it: it stops the server and removes the directory when the test process
//! ends (its standard input closes), and stops or starts it on request, so a test can take the
//! database away under load. Used by the tests that run with the `system-tests` feature (CI
//! installs Debian's postgresql); nothing of the gateway calls it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// A running private cluster; stopped and removed when dropped (or when the process ends).
pub struct Cluster {
    port: u16,
    dir: PathBuf,
    control: Mutex<(Child, Option<ChildStdin>)>,
}

/// The directory of PostgreSQL's programs (`/usr/lib/postgresql/<newest>/bin`).
fn bin_dir() -> Result<PathBuf, String> {
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .map_err(|e| format!("/usr/lib/postgresql: {e} (install Debian's postgresql)"))?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let v = e.file_name().to_str()?.parse::<u32>().ok()?;
            Some((v, e.path().join("bin")))
        })
        .filter(|(_, p)| p.join("postgres").exists())
        .collect();
    versions.sort();
    versions
        .pop()
        .map(|(_, p)| p)
        .ok_or_else(|| "no /usr/lib/postgresql/*/bin/postgres (install Debian's postgresql)".into())
}

/// A self-signed certificate `NAME.crt` and its key `NAME.key` in `dir`, made by `openssl req`
/// for `cn` (and as an IP address in the certificate's subjectAltName when `ip`).
pub fn self_signed(dir: &Path, name: &str, cn: &str, ip: bool) -> Result<(PathBuf, PathBuf), String> {
    let (cert, key) = (dir.join(format!("{name}.crt")), dir.join(format!("{name}.key")));
    let mut c = Command::new("openssl");
    c.args([
        "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
    ])
    .arg(format!("/CN={cn}"));
    if ip {
        c.arg("-addext").arg(format!("subjectAltName=IP:{cn}"));
    }
    let out = c
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .output()
        .map_err(|e| format!("openssl: {e}"))?;
    if !out.status.success() {
        return Err(format!("openssl req: {}", String::from_utf8_lossy(&out.stderr)));
    }
    Ok((cert, key))
}

/// `(uid, gid)` of the user to run PostgreSQL as when we are root.
fn server_user() -> Option<(u32, u32)> {
    // SAFETY: getuid has no preconditions.
    if unsafe { libc::getuid() } != 0 {
        return None;
    }
    let passwd = std::fs::read_to_string("/etc/passwd").unwrap_or_default();
    ["postgres", "nobody"].iter().find_map(|name| {
        passwd.lines().find_map(|l| {
            let f: Vec<&str> = l.split(':').collect();
            (f.len() > 3 && f[0] == *name).then(|| Some((f[2].parse().ok()?, f[3].parse().ok()?)))?
        })
    })
}

fn free_port() -> Result<u16, String> {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free port: {e}"))
}

impl Cluster {
    /// Makes and starts a new cluster; waits until it takes connections.
    pub fn start() -> Result<Cluster, String> {
        Self::start_with(false)
    }

    /// Makes and starts a new cluster that also speaks TLS, with a self-signed certificate for
    /// 127.0.0.1 ([`Cluster::ca_file`]) made by `openssl req`.
    pub fn start_tls() -> Result<Cluster, String> {
        Self::start_with(true)
    }

    fn start_with(tls: bool) -> Result<Cluster, String> {
        let bin = bin_dir()?;
        let dir = tempfile::Builder::new()
            .prefix("canhgac-pg-")
            .tempdir()
            .map_err(|e| format!("temporary directory: {e}"))?
            .keep();
        let data = dir.join("data");
        std::fs::create_dir(&data).map_err(|e| format!("{}: {e}", data.display()))?;
        let user = server_user();
        if let Some((uid, gid)) = user {
            for p in [&dir, &data] {
                std::os::unix::fs::chown(p, Some(uid), Some(gid))
                    .map_err(|e| format!("{}: {e}", p.display()))?;
            }
        }
        let as_user = |program: &Path| -> Command {
            match user {
                Some((uid, gid)) => {
                    let mut c = Command::new("setpriv");
                    c.arg(format!("--reuid={uid}"))
                        .arg(format!("--regid={gid}"))
                        .arg("--clear-groups")
                        .arg(program);
                    c
                }
                None => Command::new(program),
            }
        };
        let out = as_user(&bin.join("initdb"))
            .args(["-D"])
            .arg(&data)
            .args([
                "-U",
                "canhgac",
                "--auth=trust",
                "-E",
                "UTF8",
                "--no-locale",
                "--no-sync",
            ])
            .output()
            .map_err(|e| format!("initdb: {e}"))?;
        if !out.status.success() {
            return Err(format!("initdb failed: {}", String::from_utf8_lossy(&out.stderr)));
        }
        let mut settings: Vec<String> = Vec::new();
        if tls {
            let (cert, key) = self_signed(&data, "server", "127.0.0.1", true)?;
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600))
                .map_err(|e| e.to_string())?;
            if let Some((uid, gid)) = user {
                for p in [&cert, &key] {
                    std::os::unix::fs::chown(p, Some(uid), Some(gid))
                        .map_err(|e| format!("{}: {e}", p.display()))?;
                }
            }
            std::fs::copy(&cert, dir.join("ca.crt")).map_err(|e| e.to_string())?;
            settings.extend([
                "ssl=on".to_owned(),
                format!("ssl_cert_file={}", cert.display()),
                format!("ssl_key_file={}", key.display()),
            ]);
        }
        let port = free_port()?;
        // The server's command line, run (and run again on "start") by the supervising shell.
        let server = as_user(&bin.join("postgres"));
        let mut words: Vec<String> = std::iter::once(server.get_program())
            .chain(server.get_args())
            .map(|s| s.to_string_lossy().into_owned())
            .collect();
        words.extend([
            "-D".to_owned(),
            data.display().to_string(),
            "-p".to_owned(),
            port.to_string(),
            "-k".to_owned(),
            data.display().to_string(),
            "-c".to_owned(),
            "listen_addresses=127.0.0.1".to_owned(),
            "-c".to_owned(),
            "fsync=off".to_owned(),
            "-c".to_owned(),
            "full_page_writes=off".to_owned(),
            "-c".to_owned(),
            "max_connections=200".to_owned(),
        ]);
        for s in settings {
            words.extend(["-c".to_owned(), s]);
        }
        let quoted = words
            .iter()
            .map(|w| format!("'{}'", w.replace('\'', "'\\''")))
            .collect::<Vec<_>>()
            .join(" ");
        let log = dir.join("server.log");
        let script = format!(
            "start() {{ {quoted} >>'{log}' 2>&1 & pid=$!; }}
             start
             while read cmd; do
               case \"$cmd\" in
                 stop) kill -INT $pid; wait $pid; echo stopped ;;
                 start) start; echo started ;;
               esac
             done
             kill -INT $pid 2>/dev/null; wait $pid
             rm -rf '{dir}'",
            log = log.display(),
            dir = dir.display(),
        );
        let mut child = Command::new("sh")
            .arg("-c")
            .arg(script)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("sh: {e}"))?;
        let stdin = child.stdin.take().ok_or("no stdin")?;
        let cluster = Cluster {
            port,
            dir,
            control: Mutex::new((child, Some(stdin))),
        };
        cluster.wait_ready()?;
        Ok(cluster)
    }

    /// The cluster all tests of this process share (started on first use).
    pub fn shared() -> &'static Cluster {
        static SHARED: OnceLock<Cluster> = OnceLock::new();
        SHARED.get_or_init(|| match Cluster::start() {
            Ok(c) => c,
            Err(e) => panic!("private PostgreSQL: {e}"),
        })
    }

    /// The certificate a TLS cluster serves (self-signed: its own authority).
    pub fn ca_file(&self) -> PathBuf {
        self.dir.join("ca.crt")
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The URL of database `name`.
    pub fn url(&self, name: &str) -> String {
        format!("postgres://canhgac@127.0.0.1:{}/{name}", self.port)
    }

    /// Creates database `name` unless it exists; returns its URL.
    pub fn database(&self, name: &str) -> Result<String, String> {
        off_runtime(|| self.create(name))
    }

    fn create(&self, name: &str) -> Result<String, String> {
        let mut c =
            postgres::Client::connect(&self.url("postgres"), postgres::NoTls).map_err(|e| e.to_string())?;
        let exists = c
            .query_opt("SELECT 1 FROM pg_database WHERE datname = $1", &[&name])
            .map_err(|e| e.to_string())?
            .is_some();
        if !exists {
            c.batch_execute(&format!("CREATE DATABASE \"{}\"", name.replace('"', "")))
                .map_err(|e| e.to_string())?;
        }
        Ok(self.url(name))
    }

    /// A fresh database with a unique name; returns its URL.
    pub fn fresh_database(&self) -> Result<String, String> {
        static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.database(&format!("t{}_{n}", std::process::id()))
    }

    fn command(&self, cmd: &str) -> Result<(), String> {
        let mut guard = self.control.lock().unwrap_or_else(|p| p.into_inner());
        let (child, stdin) = &mut *guard;
        let stdin = stdin.as_mut().ok_or("the cluster is stopped for good")?;
        writeln!(stdin, "{cmd}").map_err(|e| e.to_string())?;
        let out = child.stdout.as_mut().ok_or("no stdout")?;
        let mut line = Vec::new();
        let mut byte = [0u8; 1];
        while std::io::Read::read(out, &mut byte).map_err(|e| e.to_string())? == 1 && byte[0] != b'\n' {
            line.push(byte[0]);
        }
        Ok(())
    }

    /// Stops the server (a fast shutdown: sessions are cut), as a failing database does.
    pub fn stop(&self) -> Result<(), String> {
        self.command("stop")
    }

    /// Starts it again; waits until it takes connections.
    pub fn restart(&self) -> Result<(), String> {
        self.command("start")?;
        self.wait_ready()
    }

    fn wait_ready(&self) -> Result<(), String> {
        off_runtime(|| self.poll_ready())
    }

    fn poll_ready(&self) -> Result<(), String> {
        let until = Instant::now() + Duration::from_secs(60);
        loop {
            match postgres::Client::connect(&self.url("postgres"), postgres::NoTls) {
                Ok(_) => return Ok(()),
                Err(e) if Instant::now() > until => {
                    let log = std::fs::read_to_string(self.dir.join("server.log")).unwrap_or_default();
                    return Err(format!("PostgreSQL did not start: {e}\n{log}"));
                }
                Err(_) => std::thread::sleep(Duration::from_millis(100)),
            }
        }
    }
}

/// Runs `f` on a thread of its own: the synchronous client must not be used from a thread
/// driving asynchronous tasks (the tests' own).
fn off_runtime<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|s| match s.spawn(f).join() {
        Ok(v) => v,
        Err(p) => std::panic::resume_unwind(p),
    })
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let mut guard = self.control.lock().unwrap_or_else(|p| p.into_inner());
        let (child, stdin) = &mut *guard;
        // Closing the shell's input stops the server and removes the directory.
        drop(stdin.take());
        let _ = child.wait();
    }
}
