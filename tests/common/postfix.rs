//! A private Postfix instance for end-to-end tests: its own configuration directory, queue and
//! log under a temporary directory, smtpd on a free loopback port, `smtpd_milters` pointing at the
//! milter under test, and every message relayed to a loopback SMTP sink.
//!
//! Needs root (Postfix's master drops privileges to the `postfix` user), as in CI.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

pub struct Postfix {
    dir: tempfile::TempDir,
    pub smtp_port: u16,
}

/// A free loopback port for a server another process will bind (Postfix, chromedriver).
/// Chosen below the kernel's ephemeral range (32768 and up), so that no outgoing connection
/// or port-0 listener of a test running beside it can take the port before the server binds it.
pub fn free_port() -> u16 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let seed = u64::from(std::process::id())
        ^ std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos().into());
    loop {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let port = 20_000
            + ((seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(n * 7_919))
                % 12_000) as u16;
        if std::net::TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
}

impl Postfix {
    /// Starts Postfix with `smtpd_milters = milter` relaying everything to 127.0.0.1:`relay_port`.
    /// `extra` lines are appended to main.cf.
    pub fn start(milter: &str, relay_port: u16, extra: &str) -> Postfix {
        let dir = tempfile::Builder::new()
            .prefix("canhgac-postfix-")
            .tempdir()
            .expect("tempdir");
        let root = dir.path();
        // Postfix's unprivileged processes must be able to reach their directories.
        std::fs::set_permissions(root, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        for d in ["conf", "queue", "data"] {
            std::fs::create_dir(root.join(d)).expect("mkdir");
        }
        let status = Command::new("chown")
            .arg("postfix")
            .arg(root.join("data"))
            .status()
            .expect("run chown");
        assert!(
            status.success(),
            "chown postfix failed: are the tests running as root with postfix installed?"
        );
        let smtp_port = free_port();
        let r = root.display();
        let main_cf = format!(
            "compatibility_level = 3.6
queue_directory = {r}/queue
data_directory = {r}/data
maillog_file_prefixes = {r}
maillog_file = {r}/maillog
mail_owner = postfix
setgid_group = postdrop
shlib_directory = /usr/lib/postfix
meta_directory = /etc/postfix
myhostname = mx.test.lamdong.gov.vn
mydomain = test.lamdong.gov.vn
myorigin = $myhostname
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
relay_domains = lamdong.gov.vn, example.com, example.org
relayhost = [127.0.0.1]:{relay_port}
smtp_host_lookup = native
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
smtp_tls_security_level = none
smtpd_tls_security_level = none
alias_maps =
alias_database =
local_recipient_maps =
biff = no
smtputf8_enable = no
message_size_limit = 36700160
smtpd_milters = {milter}
non_smtpd_milters = {milter}
milter_protocol = 6
milter_default_action = tempfail
import_environment = MAIL_CONFIG MAIL_DEBUG MAIL_LOGTAG TZ LANG=C
{extra}
"
        );
        std::fs::write(root.join("conf/main.cf"), main_cf).expect("write main.cf");
        let master_cf = format!(
            "127.0.0.1:{smtp_port} inet n - n - - smtpd
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
"
        );
        std::fs::write(root.join("conf/master.cf"), master_cf).expect("write master.cf");
        let pf = Postfix { dir, smtp_port };
        let out = pf.postfix(&["start"]);
        assert!(
            out.status.success(),
            "postfix start failed: {}\n{}",
            String::from_utf8_lossy(&out.stderr),
            pf.log()
        );
        // Wait until smtpd answers.
        let end = std::time::Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", smtp_port)).is_err() {
            assert!(
                std::time::Instant::now() < end,
                "postfix did not open port {smtp_port}\n{}",
                pf.log()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        pf
    }

    fn postfix(&self, args: &[&str]) -> std::process::Output {
        Command::new("postfix")
            .arg("-c")
            .arg(self.conf_dir())
            .args(args)
            .output()
            .expect("run postfix (is the postfix package installed?)")
    }

    pub fn conf_dir(&self) -> PathBuf {
        self.dir.path().join("conf")
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Postfix's log so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("maillog")).unwrap_or_default()
    }

    /// Queue ids of messages in the hold queue.
    pub fn held(&self) -> Vec<String> {
        std::fs::read_dir(self.dir.path().join("queue/hold"))
            .map(|rd| {
                rd.filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Waits until a message sits in the hold queue (fails after 20 s) and checks that canhgac's
    /// quarantine verdict put it there.
    pub async fn wait_held(&self) {
        let end = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while self.held().is_empty() {
            assert!(
                std::time::Instant::now() < end,
                "nothing in the hold queue\n{}",
                self.log()
            );
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert!(
            self.log().contains("milter triggers HOLD action"),
            "{}",
            self.log()
        );
    }
}

impl Drop for Postfix {
    fn drop(&mut self) {
        let _ = self.postfix(&["stop"]);
    }
}
