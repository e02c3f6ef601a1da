//! `canhgac doctor`: checks an installation as it runs, and prints `ok`, `warn` or `FAIL` for
//! each part with the fix: the configuration and rules, the store (writable, private), the
//! gateway answering, clamd (answering, its size limits large enough for the wire limit, its
//! temporary files in memory), the alert and release relays (EHLO), Postfix's settings (read
//! with `postconf`), the unit directory, and the review link reaching the console's message
//! page. Exit code 0 when all is well, 1 with warnings only, 2 with a failure.

use crate::config::{ClamdEndpoint, Config, ListenAddr, MESSAGE_PAGE};
use crate::engine::Engine;
use crate::scanners::ClamdScanner;
use crate::scanners::virus::ClamdOutcome;
use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

/// How long a network check waits for an answer.
const WAIT: Duration = Duration::from_secs(5);

/// Where the doctor looks besides the configuration.
#[derive(Debug, Clone, clap::Args)]
pub struct DoctorArgs {
    /// Postfix's configuration directory (`postconf -c DIR`); default: Postfix's own.
    #[arg(long)]
    pub postfix_config: Option<PathBuf>,
    /// clamd's configuration file, read for its size limits.
    #[arg(long, default_value = "/etc/clamav/clamd.conf")]
    pub clamd_conf: PathBuf,
    /// Skip the Postfix checks (a gateway in front of another MTA).
    #[arg(long)]
    pub no_postfix: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    Ok,
    Warn,
    Fail,
}

/// One line of the report: what was checked, what was found, and how to fix it.
struct Check {
    level: Level,
    part: &'static str,
    found: String,
    fix: String,
}

#[derive(Default)]
struct Report(Vec<Check>);

impl Report {
    fn ok(&mut self, part: &'static str, found: impl Into<String>) {
        self.push(Level::Ok, part, found.into(), String::new());
    }
    fn warn(&mut self, part: &'static str, found: impl Into<String>, fix: impl Into<String>) {
        self.push(Level::Warn, part, found.into(), fix.into());
    }
    fn fail(&mut self, part: &'static str, found: impl Into<String>, fix: impl Into<String>) {
        self.push(Level::Fail, part, found.into(), fix.into());
    }
    fn push(&mut self, level: Level, part: &'static str, found: String, fix: String) {
        let tag = match level {
            Level::Ok => "ok  ",
            Level::Warn => "warn",
            Level::Fail => "FAIL",
        };
        // Printed as found, so a check that hangs shows where.
        println!("{tag}  {part:<10} {found}");
        if !fix.is_empty() {
            println!("      {:<10} fix: {fix}", "");
        }
        self.0.push(Check {
            level,
            part,
            found,
            fix,
        });
    }
    fn worst(&self) -> Level {
        self.0.iter().map(|c| c.level).max().unwrap_or(Level::Ok)
    }
}

/// `canhgac doctor`.
pub fn run(given: Option<&Path>, args: &DoctorArgs) -> ExitCode {
    let mut r = Report::default();
    let config = match Config::for_command(given) {
        Ok(c) => {
            r.ok("config", format!("{} loads", c.origin()));
            c
        }
        Err(e) => {
            r.fail(
                "config",
                e.to_string(),
                "correct the file (canhgac check-config FILE)",
            );
            return exit(&r);
        }
    };
    match Engine::build(&config) {
        Ok(_) => r.ok(
            "rules",
            if config.rules.dir.as_os_str().is_empty() {
                "the built-in rules load".to_owned()
            } else {
                format!("{} loads", config.rules.dir.display())
            },
        ),
        Err(e) => r.fail("rules", e.to_string(), "correct the rules file named"),
    }
    check_directory(&config, &mut r);
    check_store(&config, &mut r);
    check_bayes(&config, &mut r);
    check_ocr(&config, &mut r);
    check_gateway(&config, &mut r);
    check_clamd(&config, &args.clamd_conf, &mut r);
    if config.alerts.enabled {
        check_relay("alerts", &config.alerts.smtp, "[alerts] smtp", &mut r);
    } else {
        r.warn(
            "alerts",
            "[alerts] enabled = false: nobody is told of a held state secret",
            "set [alerts] enabled = true (regulation: the security office and the units are told)",
        );
    }
    check_relay("release", &config.release.smtp, "[release] smtp", &mut r);
    check_sender_auth(&config, &mut r);
    if !args.no_postfix {
        check_postfix(&config, args.postfix_config.as_deref(), &mut r);
    }
    check_review_link(&config, &mut r);
    exit(&r)
}

fn exit(r: &Report) -> ExitCode {
    let (fails, warns) = r.0.iter().fold((0, 0), |(f, w), c| match c.level {
        Level::Fail => (f + 1, w),
        Level::Warn => (f, w + 1),
        Level::Ok => (f, w),
    });
    println!("{} checks: {fails} failed, {warns} warnings", r.0.len());
    if let Some(c) = r.0.iter().find(|c| c.level == r.worst() && c.level != Level::Ok) {
        eprintln!(
            "canhgac doctor: first problem: {}: {} ({})",
            c.part, c.found, c.fix
        );
    }
    match r.worst() {
        Level::Ok => ExitCode::SUCCESS,
        Level::Warn => ExitCode::from(1),
        Level::Fail => ExitCode::from(2),
    }
}

fn check_directory(config: &Config, r: &mut Report) {
    let path = &config.local.directory;
    if path.as_os_str().is_empty() {
        r.warn(
            "directory",
            "no unit directory: alerts go to the security officers only",
            "set [local] directory to the units' CSV (canhgac directory check FILE)",
        );
        return;
    }
    match crate::directory::Directory::load(path) {
        Ok(d) => r.ok(
            "directory",
            format!("{} parses ({} addresses)", path.display(), d.entries().len()),
        ),
        Err(e) => r.fail("directory", e.to_string(), "correct the line named"),
    }
}

/// The permission bits a private file or directory must not have.
const NOT_PRIVATE: u32 = 0o077;

/// Sender authentication: the resolver answers, and what the province's domains publish (SPF,
/// DMARC, DKIM under the common selectors), so that others can check mail from the province as
/// canhgac checks theirs.
fn check_sender_auth(config: &Config, r: &mut Report) {
    if !config.auth.enabled {
        r.warn(
            "auth",
            "[auth] enabled = false: SPF, DKIM and DMARC are not checked; forged province senders are only scored",
            "set [auth] enabled = true",
        );
        return;
    }
    let auth =
        match crate::scanners::auth::SenderAuth::new(&config.auth, &config.local, &config.milter.authserv_id)
        {
            Ok(a) => a,
            Err(e) => {
                r.fail("auth", e, "set [auth] resolvers, or fix /etc/resolv.conf");
                return;
            }
        };
    let rt = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            r.fail("auth", format!("cannot start a runtime: {e}"), "");
            return;
        }
    };
    let wait = std::time::Duration::from_millis(config.auth.timeout_ms.saturating_mul(2));
    for domain in &config.local.domains {
        let p = match rt.block_on(async { tokio::time::timeout(wait, auth.published(domain)).await }) {
            Ok(p) => p,
            Err(_) => {
                r.warn(
                    "auth",
                    format!("{domain}: DNS did not answer within {} ms", wait.as_millis()),
                    "check [auth] resolvers (mail from outside gets *_TEMPERROR symbols until DNS answers)",
                );
                continue;
            }
        };
        match &p.spf {
            Ok(Some(rec)) => r.ok("auth", format!("{domain}: SPF {rec}")),
            Ok(None) => r.warn(
                "auth",
                format!("{domain}: publishes no SPF record"),
                format!("publish one, e.g. {domain}. TXT \"v=spf1 mx -all\" (others cannot tell the province's servers from forgers)"),
            ),
            Err(e) => {
                r.warn(
                    "auth",
                    format!("{domain}: DNS unreachable ({e})"),
                    "check [auth] resolvers or /etc/resolv.conf",
                );
                continue;
            }
        }
        match &p.dmarc {
            Ok(Some(rec)) => r.ok("auth", format!("{domain}: DMARC {rec}")),
            Ok(None) => r.warn(
                "auth",
                format!("{domain}: publishes no DMARC record"),
                format!("publish one, e.g. _dmarc.{domain}. TXT \"v=DMARC1; p=reject\""),
            ),
            Err(e) => r.warn("auth", format!("{domain}: DMARC lookup failed ({e})"), ""),
        }
        if p.dkim.is_empty() {
            r.warn(
                "auth",
                format!(
                    "{domain}: no DKIM key under the common selectors ({})",
                    crate::scanners::auth::COMMON_SELECTORS.join(", ")
                ),
                "sign outgoing mail (e.g. OpenDKIM after canhgac) and publish the key; another selector may be in use",
            );
        } else {
            for (sel, _) in &p.dkim {
                r.ok("auth", format!("{domain}: DKIM key {sel}._domainkey"));
            }
        }
    }
}

/// The shared store in PostgreSQL: the audit key here, the database reachable and writable
/// (a standby is not), its size; TLS said when the URL does not insist on it.
fn check_shared_store(config: &Config, r: &mut Report) {
    let shown = crate::sql::redact(&config.store.url);
    let key = crate::store::key_file_of(config);
    if !key.exists() {
        r.fail(
            "store",
            format!(
                "the audit key {} is missing: the shared store was not opened",
                key.display()
            ),
            "copy the key file of the other gateways sharing the database (the same key on every one)",
        );
        return;
    }
    match crate::store::Store::from_config(config).and_then(|s| s.check_writable().map(|()| s)) {
        Ok(s) => r.ok(
            "store",
            format!("{shown} is writable ({} MB)", s.size_bytes() / 1_000_000),
        ),
        Err(e) => {
            r.fail(
                "store",
                format!("{shown} cannot be written: {e}"),
                "check PostgreSQL is up and is the primary (not a standby), the account and password, \
                 and the certificate (sslrootcert)",
            );
            return;
        }
    }
    if !config.store.url.contains("sslmode=require") && !config.store.url.contains("sslmode=verify") {
        r.warn(
            "store",
            format!("{shown} does not insist on TLS: held mail may cross the network in clear"),
            "add ?sslmode=verify-full&sslrootcert=/etc/canhgac/pg-ca.crt to [store] url (README)",
        );
    }
}

fn mode_of(p: &Path) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).ok().map(|m| m.permissions().mode() & 0o7777)
}

fn check_store(config: &Config, r: &mut Report) {
    if !config.store.url.is_empty() {
        return check_shared_store(config, r);
    }
    let path = &config.store.path;
    let dir = path.parent().unwrap_or(Path::new("/"));
    if !path.exists() {
        // Not created by the doctor: it would belong to whoever runs it.
        let writable_dir = dir.exists();
        r.warn(
            "store",
            format!(
                "{} does not exist yet{}",
                path.display(),
                if writable_dir { "" } else { " (nor its directory)" }
            ),
            "start the gateway once (it creates the store 0600 in a 0700 directory)",
        );
        return;
    }
    // Opening the store creates a missing audit key: made by the doctor, it would belong to
    // whoever runs it (root), and the gateway could not read it.
    let key = crate::store::key_file_of(config);
    if !key.exists() {
        r.fail(
            "store",
            format!(
                "the audit key {} is missing, so the store was not opened (opening it would create the key as this user)",
                key.display()
            ),
            "restore the key from the backups (without it the audit chain cannot be verified); \
             on a new installation, start the gateway once as its own user",
        );
        return;
    }
    match crate::store::Store::from_config(config).and_then(|s| s.check_writable().map(|()| s)) {
        Ok(s) => {
            let size = s.size_bytes();
            r.ok(
                "store",
                format!("{} is writable ({} MB)", path.display(), size / 1_000_000),
            );
        }
        Err(e) => {
            r.fail(
                "store",
                format!("{} cannot be written: {e}", path.display()),
                "give the store's directory and files to the gateway's user (chown -R canhgac: DIR), \
                 and check the disk is not full or mounted read-only",
            );
            return;
        }
    }
    for (what, p, private) in [
        ("store directory", dir.to_path_buf(), 0o700),
        ("store file", path.clone(), 0o600),
        ("audit key", crate::store::key_file_of(config), 0o600),
    ] {
        match mode_of(&p) {
            Some(m) if m & NOT_PRIVATE != 0 => r.fail(
                "store",
                format!(
                    "the {what} {} is mode {m:04o}: held mail readable by others",
                    p.display()
                ),
                format!("chmod {private:04o} {}", p.display()),
            ),
            Some(_) => {}
            None => r.warn(
                "store",
                format!("the {what} {} is missing", p.display()),
                "start the gateway once",
            ),
        }
    }
}

fn check_bayes(config: &Config, r: &mut Report) {
    let db = &config.spam.bayes_db;
    if db.as_os_str().is_empty() {
        r.ok("spam", "no classifier configured: the spam rules alone score");
    } else if crate::spam::tokendb::is_url(db) {
        let shown = crate::spam::tokendb::display(db);
        match crate::spam::tokendb::load(db) {
            Ok(m) => r.ok(
                "spam",
                format!(
                    "shared classifier database {}: {} ham, {} spam trained",
                    shown.display(),
                    m.hams,
                    m.spams
                ),
            ),
            Err(e) => r.fail(
                "spam",
                e.to_string(),
                "check [spam] bayes_db's URL, that PostgreSQL is up and that the account may connect",
            ),
        }
    } else if db.exists() {
        r.ok("spam", format!("classifier database {}", db.display()));
    } else {
        r.warn(
            "spam",
            format!(
                "{} does not exist: the classifier is off, the rules still run",
                db.display()
            ),
            "train it on your own mail: canhgac train --ham DIR --spam DIR (then reload)",
        );
    }
}

/// OCR: tesseract runs and has the configured languages; pdftoppm and heif-convert run.
fn check_ocr(config: &Config, r: &mut Report) {
    let o = &config.ocr;
    if !o.enabled {
        r.warn(
            "ocr",
            "[ocr] enabled = false: scans and photos are not read for stamps (OCR_INCOMPLETE)",
            "set [ocr] enabled = true (official papers are mailed as scans)",
        );
        return;
    }
    let install =
        "apt install tesseract-ocr tesseract-ocr-vie poppler-utils libheif-examples, or set [ocr] tesseract";
    match std::process::Command::new(&o.tesseract)
        .arg("--list-langs")
        .output()
    {
        Err(e) => r.fail(
            "ocr",
            format!(
                "cannot run {}: {e}: every scan is OCR_INCOMPLETE",
                o.tesseract.display()
            ),
            install,
        ),
        Ok(out) => {
            let listed = String::from_utf8_lossy(&out.stdout).into_owned();
            let missing: Vec<&str> = o
                .language
                .split('+')
                .filter(|l| !listed.lines().any(|x| x.trim() == *l))
                .collect();
            if missing.is_empty() {
                r.ok("ocr", format!("{} reads {}", o.tesseract.display(), o.language));
            } else {
                r.fail(
                    "ocr",
                    format!(
                        "{} has no language data for {}: every scan is OCR_INCOMPLETE",
                        o.tesseract.display(),
                        missing.join(", ")
                    ),
                    "apt install tesseract-ocr-vie (or the tesseract-ocr-LANG named)",
                );
            }
        }
    }
    if let Err(e) = std::process::Command::new(&o.pdftoppm).arg("-v").output() {
        r.fail(
            "ocr",
            format!(
                "cannot run {}: {e}: scanned PDFs are OCR_INCOMPLETE",
                o.pdftoppm.display()
            ),
            install,
        );
    }
    if let Err(e) = std::process::Command::new(&o.heif_convert).arg("--help").output() {
        r.warn(
            "ocr",
            format!(
                "cannot run {}: {e}: phones' HEIC and AVIF photos are OCR_INCOMPLETE",
                o.heif_convert.display()
            ),
            "apt install libheif-examples, or set [ocr] heif_convert",
        );
    }
}

/// Whether something answers on the milter socket (the gateway running).
fn check_gateway(config: &Config, r: &mut Report) {
    let answered = match &config.milter.listen {
        ListenAddr::Inet(a) => TcpStream::connect_timeout(a, WAIT)
            .map(drop)
            .map_err(|e| e.to_string()),
        ListenAddr::Unix(p) => std::os::unix::net::UnixStream::connect(p)
            .map(drop)
            .map_err(|e| e.to_string()),
    };
    match answered {
        Ok(()) => r.ok(
            "milter",
            format!("the gateway answers on {}", config.milter.listen),
        ),
        Err(e) => r.fail(
            "milter",
            format!("nothing answers on {}: {e}", config.milter.listen),
            "start it: systemctl start canhgac (journalctl -u canhgac says why it stopped)",
        ),
    }
    if config.metrics.enabled {
        match http_get(&config.metrics.listen.to_string(), "/readyz") {
            Ok((200, _)) => r.ok(
                "readiness",
                format!("http://{}/readyz: ready", config.metrics.listen),
            ),
            Ok((code, body)) => r.fail(
                "readiness",
                format!(
                    "http://{}/readyz answers {code}: {}",
                    config.metrics.listen,
                    body.trim()
                ),
                "see the other checks",
            ),
            Err(e) => r.warn(
                "readiness",
                format!("http://{}/readyz: {e}", config.metrics.listen),
                "is the gateway running with this configuration?",
            ),
        }
    }
}

/// A size in clamd.conf's notation (`25M`, `400K`, `1G`, bytes).
fn clamd_size(v: &str) -> Option<u64> {
    let v = v.trim();
    let (num, mult) = match v.chars().last()? {
        'k' | 'K' => (&v[..v.len() - 1], 1u64 << 10),
        'm' | 'M' => (&v[..v.len() - 1], 1 << 20),
        'g' | 'G' => (&v[..v.len() - 1], 1 << 30),
        _ => (v, 1),
    };
    num.trim().parse::<u64>().ok().map(|n| n.saturating_mul(mult))
}

/// clamd's size settings from its configuration file (those not set are absent).
fn clamd_limits(conf: &str) -> Vec<(String, u64)> {
    conf.lines()
        .map(str::trim)
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (k, v) = l.split_once(char::is_whitespace)?;
            ["StreamMaxLength", "MaxFileSize", "MaxScanSize"]
                .contains(&k)
                .then(|| Some((k.to_owned(), clamd_size(v)?)))?
        })
        .collect()
}

/// clamd's IdleTimeout in seconds (30 when not set).
fn idle_timeout(conf: &str) -> u64 {
    conf.lines()
        .map(str::trim)
        .filter_map(|l| l.strip_prefix("IdleTimeout"))
        .filter_map(|v| v.trim().parse().ok())
        .next_back()
        .unwrap_or(30)
}

/// clamd's TemporaryDirectory (`/tmp` when not set; clamd also honours `TMPDIR` then).
fn temporary_directory(conf: &str) -> PathBuf {
    conf.lines()
        .map(str::trim)
        .filter_map(|l| l.strip_prefix("TemporaryDirectory"))
        .filter(|v| v.starts_with(char::is_whitespace))
        .map(|v| PathBuf::from(v.trim()))
        .next_back()
        .unwrap_or_else(|| PathBuf::from("/tmp"))
}

/// Whether `dir` is on a memory file system (tmpfs or ramfs), by `statfs`.
fn on_memory_fs(dir: &Path) -> std::io::Result<bool> {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(dir.as_os_str().as_bytes())
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))?;
    // SAFETY: statfs writes only the struct passed to it; the path is NUL-terminated.
    let mut fs: libc::statfs = unsafe { std::mem::zeroed() };
    if unsafe { libc::statfs(c.as_ptr(), &mut fs) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    const TMPFS_MAGIC: i64 = 0x0102_1994;
    const RAMFS_MAGIC: i64 = 0x8584_58f6;
    #[allow(clippy::unnecessary_cast)] // f_type is i64 on x86-64, u32 or i32 elsewhere
    let kind = fs.f_type as i64;
    Ok(kind == TMPFS_MAGIC || kind == RAMFS_MAGIC)
}

fn check_clamd(config: &Config, conf: &Path, r: &mut Report) {
    if !config.clamd.enabled {
        r.warn(
            "clamd",
            "[clamd] enabled = false: no virus scanning",
            "install clamav-daemon and set [clamd] enabled = true",
        );
        return;
    }
    let rt = match super::runtime() {
        Ok(rt) => rt,
        Err(_) => return r.fail("clamd", "cannot start a runtime", ""),
    };
    let scanner = ClamdScanner::new(&config.clamd);
    let pings = rt.block_on(scanner.ping_timed(WAIT));
    let mut up: Vec<ClamdEndpoint> = Vec::new();
    for (e, answer, t) in pings {
        match answer {
            Ok(()) => {
                r.ok("clamd", format!("{e} answers PING in {} ms", t.as_millis()));
                up.push(e);
            }
            Err(why) => r.warn(
                "clamd",
                format!("{e}: {why}"),
                "start clamd (systemctl start clamav-daemon) or remove the endpoint",
            ),
        }
    }
    if up.is_empty() {
        r.fail(
            "clamd",
            "no clamd endpoint answers: every message is answered 451 4.7.1",
            "start clamav-daemon, check [clamd] endpoints and the socket's permissions",
        );
        return;
    }
    // The whole message goes to clamd: a stream of the wire limit must be taken.
    let max = config.limits.max_message_bytes;
    let mut one = config.clamd.clone();
    one.endpoints = vec![up[0].clone()];
    one.timeout_secs = one.timeout_secs.max(60);
    let probe = vec![0u8; usize::try_from(max).unwrap_or(usize::MAX).min(1 << 30)];
    match rt.block_on(ClamdScanner::new(&one).scan(&probe)) {
        ClamdOutcome::Clean => r.ok(
            "clamd",
            format!(
                "{} scans a stream of {max} bytes ([limits] max_message_bytes)",
                up[0]
            ),
        ),
        ClamdOutcome::Infected(s) => r.warn(
            "clamd",
            format!("a stream of zeros was found infected: {s}"),
            "check clamd's signatures",
        ),
        ClamdOutcome::Failed(why) => r.fail(
            "clamd",
            format!("a stream of {max} bytes ([limits] max_message_bytes) is refused: {why}"),
            format!(
                "in clamd.conf set StreamMaxLength {}M or more, then restart clamd",
                max.div_ceil(1 << 20)
            ),
        ),
    }
    // Small messages go as descriptors over a unix socket; a clamd that cannot take them (its
    // AppArmor profile refusing them) gets them streamed, at a sixth more of its CPU.
    if one.fd_pass && matches!(up[0], ClamdEndpoint::Unix(_)) {
        let scanner = ClamdScanner::new(&one);
        let probe = b"Subject: canhgac doctor\r\n\r\nA message passed as a descriptor.\r\n";
        let out = rt.block_on(scanner.scan(probe));
        if out == ClamdOutcome::Clean && scanner.passes_descriptors() {
            r.ok(
                "clamd",
                format!("{} scans small messages passed as descriptors (zFILDES)", up[0]),
            );
        } else if out == ClamdOutcome::Clean {
            r.warn(
                "clamd",
                format!(
                    "{} does not scan messages passed as descriptors: every message is streamed to it",
                    up[0]
                ),
                "let clamd receive descriptors (its AppArmor profile), or set [clamd] fd_pass = false",
            );
        }
    }
    // Files over MaxFileSize / MaxScanSize are passed unscanned by clamd without a word.
    match std::fs::read_to_string(conf) {
        Ok(text) => {
            let limits = clamd_limits(&text);
            let need = |k: &str| match k {
                "MaxScanSize" => max.saturating_add(config.limits.max_attachment_bytes),
                _ => max,
            };
            for (k, v) in &limits {
                let n = need(k);
                if *v != 0 && *v < n {
                    r.fail(
                        "clamd",
                        format!(
                            "{}: {k} {v} is below {n} bytes: larger mail passes unscanned",
                            conf.display()
                        ),
                        format!("set {k} {}M (or more) and restart clamd", n.div_ceil(1 << 20)),
                    );
                } else {
                    r.ok("clamd", format!("{k} {v} ≥ {n}"));
                }
            }
            // clamd writes every stream it is sent (messages over 1 MiB, or over TCP), each part
            // of a mail it unpacks and a directory per scan to its TemporaryDirectory: on a disk
            // file system that is a third of its CPU per message (creating, truncating and
            // deleting inodes; BENCHMARKS.md, "Two workers per core, and clamd's temporary files
            // in memory").
            let tmp = temporary_directory(&text);
            match on_memory_fs(&tmp) {
                Ok(true) => r.ok("clamd", format!("TemporaryDirectory {} is in memory", tmp.display())),
                Ok(false) => r.warn(
                    "clamd",
                    format!(
                        "TemporaryDirectory {} is on disk: clamd creates and deletes files there for every message (a third of its CPU on small mail)",
                        tmp.display()
                    ),
                    format!(
                        "mount a tmpfs for it (room for MaxThreads × 2 × StreamMaxLength) and set TemporaryDirectory to it in {}",
                        conf.display()
                    ),
                ),
                Err(e) => r.warn(
                    "clamd",
                    format!("TemporaryDirectory {}: {e}", tmp.display()),
                    format!("set TemporaryDirectory to a directory clamd can write in {}", conf.display()),
                ),
            }
            // Kept connections must outlive their idleness at clamd's side, or each message
            // after a pause first tries a connection clamd has closed.
            let idle = idle_timeout(&text);
            let kept = config.clamd.session_idle_secs;
            if kept > 0 && idle <= kept {
                r.warn(
                    "clamd",
                    format!("clamd's IdleTimeout {idle} s is not above [clamd] session_idle_secs {kept}"),
                    format!(
                        "set [clamd] session_idle_secs below {idle}, or IdleTimeout above {kept} in {}",
                        conf.display()
                    ),
                );
            }
        }
        Err(e) => r.warn(
            "clamd",
            format!(
                "cannot read {} for MaxFileSize / MaxScanSize: {e}",
                conf.display()
            ),
            "name clamd's configuration with --clamd-conf FILE",
        ),
    }
}

/// An SMTP relay greets and answers EHLO.
fn check_relay(part: &'static str, addr: &str, key: &str, r: &mut Report) {
    let answered = super::runtime()
        .map_err(|_| "cannot start a runtime".to_owned())
        .and_then(|rt| rt.block_on(crate::alerts::check_relay(addr)));
    match answered {
        Ok(()) => r.ok(part, format!("{addr} answers EHLO")),
        Err(e) => r.fail(
            part,
            format!("{key} {addr}: {e}"),
            "add the reinjection smtpd to master.cf (README, \"Putting it in front of Postfix\") and reload Postfix",
        ),
    }
}

fn connect(addr: &str) -> Result<TcpStream, String> {
    let target = addr
        .to_socket_addrs()
        .map_err(|e| format!("bad address: {e}"))?
        .next()
        .ok_or("no address")?;
    let s = TcpStream::connect_timeout(&target, WAIT).map_err(|e| e.to_string())?;
    s.set_read_timeout(Some(WAIT)).map_err(|e| e.to_string())?;
    s.set_write_timeout(Some(WAIT)).map_err(|e| e.to_string())?;
    Ok(s)
}

/// A GET over plain HTTP: the status code and the body.
fn http_get(host_port: &str, path: &str) -> Result<(u16, String), String> {
    let mut s = connect(host_port)?;
    s.write_all(format!("GET {path} HTTP/1.0\r\nHost: {host_port}\r\n\r\n").as_bytes())
        .map_err(|e| e.to_string())?;
    let mut raw = Vec::new();
    s.take(1 << 20).read_to_end(&mut raw).map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(&raw);
    let code = text
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .ok_or("not HTTP")?;
    Ok((
        code,
        text.split_once("\r\n\r\n").map_or("", |(_, b)| b).to_owned(),
    ))
}

/// A Postfix time (`300s`, `5m`, `1h`, bare seconds) in seconds.
fn postfix_seconds(v: &str) -> Option<u64> {
    let v = v.trim();
    let (num, mult) = match v.chars().last()? {
        's' => (&v[..v.len() - 1], 1),
        'm' => (&v[..v.len() - 1], 60),
        'h' => (&v[..v.len() - 1], 3600),
        'd' => (&v[..v.len() - 1], 86400),
        'w' => (&v[..v.len() - 1], 7 * 86400),
        _ => (v, 1),
    };
    num.parse::<u64>().ok().map(|n| n * mult)
}

/// Whether a Postfix milter list names the gateway's socket (an inet address as given, or a
/// unix socket with or without the chroot's `/var/spool/postfix` prefix).
fn names_gateway(milters: &str, listen: &ListenAddr) -> bool {
    let entries = milters
        .split([',', ' ', '\t', '\n'])
        .map(|e| e.trim_matches(['{', '}']))
        .filter(|e| !e.is_empty());
    match listen {
        ListenAddr::Inet(a) => {
            let want = [format!("inet:{a}"), format!("inet:{}:{}", a.ip(), a.port())];
            entries.into_iter().any(|e| want.iter().any(|w| e == w))
        }
        ListenAddr::Unix(p) => {
            let full = p.display().to_string();
            let chrooted = full.strip_prefix("/var/spool/postfix").map(str::to_owned);
            entries.into_iter().any(|e| {
                let path = e.strip_prefix("unix:").unwrap_or(e);
                path == full || chrooted.as_deref() == Some(path)
            })
        }
    }
}

fn check_postfix(config: &Config, dir: Option<&Path>, r: &mut Report) {
    let names = [
        "smtpd_milters",
        "non_smtpd_milters",
        "milter_default_action",
        "message_size_limit",
        "milter_content_timeout",
        "milter_command_timeout",
    ];
    let mut cmd = std::process::Command::new("postconf");
    if let Some(d) = dir {
        cmd.arg("-c").arg(d);
    }
    let out = match cmd.args(names).output() {
        Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout).into_owned(),
        Ok(o) => {
            return r.fail(
                "postfix",
                format!("postconf failed: {}", String::from_utf8_lossy(&o.stderr).trim()),
                "check Postfix's configuration (postfix check)",
            );
        }
        Err(e) => {
            return r.warn(
                "postfix",
                format!("postconf not found ({e}): Postfix's settings not checked"),
                "run the doctor where Postfix runs, or pass --no-postfix",
            );
        }
    };
    let value = |name: &str| {
        out.lines()
            .find_map(|l| l.split_once('=').filter(|(k, _)| k.trim() == name))
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    };
    let milters = value("smtpd_milters");
    if names_gateway(&milters, &config.milter.listen) {
        r.ok(
            "postfix",
            format!("smtpd_milters includes {}", config.milter.listen),
        );
    } else {
        r.fail(
            "postfix",
            format!(
                "smtpd_milters = {milters:?} does not name {}: mail is not scanned",
                config.milter.listen
            ),
            format!(
                "postconf -e 'smtpd_milters = {}{}' && postfix reload",
                listen_for_postfix(&config.milter.listen),
                if milters.is_empty() {
                    String::new()
                } else {
                    format!(", {milters}")
                }
            ),
        );
    }
    let non_smtpd = value("non_smtpd_milters");
    if !names_gateway(&non_smtpd, &config.milter.listen) && non_smtpd != "$smtpd_milters" {
        r.warn(
            "postfix",
            "non_smtpd_milters does not include the gateway: locally submitted mail (sendmail) is not scanned",
            "postconf -e 'non_smtpd_milters = $smtpd_milters'",
        );
    }
    let action = value("milter_default_action");
    if action == "tempfail" {
        r.ok("postfix", "milter_default_action = tempfail");
    } else {
        r.fail(
            "postfix",
            format!("milter_default_action = {action}: while the gateway is down mail is not held back"),
            "postconf -e 'milter_default_action = tempfail'",
        );
    }
    let limit: u64 = value("message_size_limit").parse().unwrap_or(0);
    let wire = config.limits.max_message_bytes;
    if limit == 0 || limit >= wire {
        r.ok("postfix", format!("message_size_limit = {limit} ≥ {wire}"));
    } else {
        r.fail(
            "postfix",
            format!("message_size_limit = {limit} is below [limits] max_message_bytes = {wire}: 20 MB of attachments do not fit"),
            format!("postconf -e 'message_size_limit = {wire}'"),
        );
    }
    let scan = config.milter.scan_timeout_secs;
    let content = value("milter_content_timeout");
    match postfix_seconds(&content) {
        Some(t) if t >= scan => r.ok(
            "postfix",
            format!("milter_content_timeout {t} s ≥ the scan timeout {scan} s"),
        ),
        _ => r.fail(
            "postfix",
            format!(
                "milter_content_timeout = {content} is below [milter] scan_timeout_secs = {scan}: Postfix gives up on a long scan"
            ),
            format!("postconf -e 'milter_content_timeout = {}s'", scan + 60),
        ),
    }
}

/// The gateway's socket as Postfix's milter list names it.
fn listen_for_postfix(listen: &ListenAddr) -> String {
    match listen {
        ListenAddr::Inet(a) => format!("inet:{a}"),
        ListenAddr::Unix(p) => {
            let s = p.display().to_string();
            format!("unix:{}", s.strip_prefix("/var/spool/postfix").unwrap_or(&s))
        }
    }
}

/// The alerts' link leads to the console's message page.
fn check_review_link(config: &Config, r: &mut Report) {
    let link = config.review_link("Q0DOCTOR");
    let path = link
        .split_once("://")
        .and_then(|(_, rest)| rest.find('/').map(|i| rest[i..].to_owned()))
        .unwrap_or_default();
    if !path.starts_with(MESSAGE_PAGE) {
        r.fail(
            "review",
            format!("alert links look like {link}: not the console's {MESSAGE_PAGE}ID page"),
            "leave [alerts] review_url empty and set [web] public_url",
        );
        return;
    }
    if !config.web.enabled {
        r.warn(
            "review",
            "[web] enabled = false: alert links lead nowhere unless `canhgac web` runs",
            "",
        );
        return;
    }
    match http_get(&config.web.listen.to_string(), &path) {
        // Signed out, a page asks for the login (303); a wrong route would be 404.
        Ok((code, _)) if code != 404 && code < 500 => r.ok(
            "review",
            format!(
                "alert links ({link}) reach the console's message page (HTTP {code} at {})",
                config.web.listen
            ),
        ),
        Ok((code, _)) => r.fail(
            "review",
            format!("http://{}{path} answers {code}", config.web.listen),
            "leave [alerts] review_url empty and set [web] public_url",
        ),
        Err(e) => r.warn(
            "review",
            format!("the console on {} does not answer: {e}", config.web.listen),
            "is the gateway running with [web] enabled?",
        ),
    }
    if config.web.public_url.is_empty() {
        r.warn(
            "review",
            format!("[web] public_url is empty: alert links say {link}, reachable from this machine only"),
            "set [web] public_url to the address officers use (https://…)",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clamd_and_postfix_notations() {
        assert_eq!(clamd_size("25M"), Some(25 << 20));
        assert_eq!(clamd_size("400K"), Some(400 << 10));
        assert_eq!(clamd_size("1G"), Some(1 << 30));
        assert_eq!(clamd_size("1000"), Some(1000));
        assert_eq!(clamd_size("lots"), None);
        assert_eq!(super::temporary_directory("LogFile /x\n"), Path::new("/tmp"));
        assert_eq!(
            super::temporary_directory("# TemporaryDirectory /a\nTemporaryDirectory  /run/clamd-tmp \n"),
            Path::new("/run/clamd-tmp")
        );
        assert!(super::on_memory_fs(Path::new("/dev/shm")).expect("statfs /dev/shm"));
        assert!(!super::on_memory_fs(Path::new("/proc")).expect("statfs /proc"));
        assert!(super::on_memory_fs(Path::new("/nonexistent-canhgac")).is_err());
        assert_eq!(super::idle_timeout("LogFile /x\n"), 30);
        assert_eq!(super::idle_timeout("# IdleTimeout 5\nIdleTimeout 10\n"), 10);
        let limits = clamd_limits("# StreamMaxLength 1M\nStreamMaxLength 25M\nMaxFileSize 40M\nLogFile /x\n");
        assert_eq!(
            limits,
            vec![
                ("StreamMaxLength".into(), 25 << 20),
                ("MaxFileSize".into(), 40 << 20)
            ]
        );
        assert_eq!(postfix_seconds("300s"), Some(300));
        assert_eq!(postfix_seconds("5m"), Some(300));
        assert_eq!(postfix_seconds("300"), Some(300));
        assert_eq!(postfix_seconds(""), None);
    }

    #[test]
    fn a_milter_list_names_the_gateway_as_postfix_writes_it() {
        let inet: ListenAddr = "inet:127.0.0.1:8897".parse().expect("addr");
        assert!(names_gateway("inet:127.0.0.1:8891, inet:127.0.0.1:8897", &inet));
        assert!(names_gateway(
            "{ inet:127.0.0.1:8897, default_action=tempfail }",
            &inet
        ));
        assert!(!names_gateway("inet:127.0.0.1:8891", &inet));
        assert!(!names_gateway("inet:127.0.0.1:88970", &inet));
        let unix: ListenAddr = "unix:/var/spool/postfix/canhgac/milter.sock"
            .parse()
            .expect("addr");
        assert!(
            names_gateway("unix:/canhgac/milter.sock", &unix),
            "chrooted smtpd"
        );
        assert!(names_gateway(
            "unix:/var/spool/postfix/canhgac/milter.sock",
            &unix
        ));
        assert_eq!(listen_for_postfix(&unix), "unix:/canhgac/milter.sock");
    }
}
