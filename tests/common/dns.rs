//! A real authoritative DNS server on loopback for the sender authentication tests: Debian's
//! `nsd`, on a free port, serving zones the test writes (SPF, DKIM keys, DMARC, ARC sealers).

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running nsd; killed when dropped.
pub struct Dns {
    pub port: u16,
    child: Child,
    dir: tempfile::TempDir,
}

/// A TXT record's data as zone-file strings (split at 255 bytes, quoted).
pub fn txt(value: &str) -> String {
    value
        .as_bytes()
        .chunks(200)
        .map(|c| format!("\"{}\"", String::from_utf8_lossy(c)))
        .collect::<Vec<_>>()
        .join(" ")
}

impl Dns {
    /// Serves `zones`: (origin without the final dot, records in zone-file syntax relative to
    /// the origin). Each zone gets its SOA and NS.
    pub fn start(zones: &[(&str, String)]) -> Dns {
        Dns::start_on(crate::common::postfix::free_port(), zones)
    }

    /// [`Dns::start`] on a given port (a resolver coming back where a dead one was).
    pub fn start_on(port: u16, zones: &[(&str, String)]) -> Dns {
        let dir = tempfile::tempdir().expect("tempdir");
        let d = dir.path().display().to_string();
        let mut conf = format!(
            "server:\n  ip-address: 127.0.0.1@{port}\n  port: {port}\n  username: \"\"\n  chroot: \"\"\n  zonesdir: \"{d}\"\n  pidfile: \"{d}/nsd.pid\"\n  database: \"\"\n  xfrdfile: \"{d}/xfrd.state\"\n  zonelistfile: \"{d}/zone.list\"\n  logfile: \"{d}/nsd.log\"\n  verbosity: 1\n  server-count: 1\n  do-ip6: no\n  hide-version: yes\nremote-control:\n  control-enable: no\n"
        );
        for (origin, records) in zones {
            let file = format!("{origin}.zone");
            std::fs::write(
                dir.path().join(&file),
                format!(
                    "$ORIGIN {origin}.\n$TTL 60\n@ IN SOA ns.{origin}. hostmaster.{origin}. 1 3600 600 86400 60\n@ IN NS ns.{origin}.\nns IN A 127.0.0.1\n{records}\n"
                ),
            )
            .expect("write zone");
            conf.push_str(&format!("zone:\n  name: {origin}\n  zonefile: \"{file}\"\n"));
        }
        let conf_path: PathBuf = dir.path().join("nsd.conf");
        std::fs::write(&conf_path, conf).expect("write nsd.conf");
        let check = Command::new("/usr/sbin/nsd-checkconf")
            .arg(&conf_path)
            .output()
            .expect("nsd-checkconf (Debian package nsd)");
        assert!(
            check.status.success(),
            "nsd.conf: {}",
            String::from_utf8_lossy(&check.stderr)
        );
        let child = Command::new("/usr/sbin/nsd")
            .arg("-d")
            .arg("-c")
            .arg(&conf_path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start nsd (Debian package nsd)");
        let mut dns = Dns { port, child, dir };
        dns.wait_ready(zones.first().map_or("", |z| z.0));
        dns
    }

    /// Waits until nsd answers for `origin`'s SOA.
    fn wait_ready(&mut self, origin: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        let query = soa_query(origin);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                let log = std::fs::read_to_string(self.dir.path().join("nsd.log")).unwrap_or_default();
                panic!("nsd exited ({status}): {log}");
            }
            let sock = std::net::UdpSocket::bind("127.0.0.1:0").expect("udp");
            sock.set_read_timeout(Some(Duration::from_millis(200)))
                .expect("timeout");
            if sock.send_to(&query, ("127.0.0.1", self.port)).is_ok() {
                let mut buf = [0u8; 512];
                if let Ok(n) = sock.recv(&mut buf) {
                    // An answer with our id and rcode NOERROR.
                    if n > 4 && buf[0..2] == query[0..2] && buf[3] & 0x0f == 0 {
                        return;
                    }
                }
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let log = std::fs::read_to_string(self.dir.path().join("nsd.log")).unwrap_or_default();
        panic!("nsd did not answer on port {}: {log}", self.port);
    }

    /// The resolver address for `[auth] resolvers`.
    pub fn resolver(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }
}

/// A DNS query for the SOA of `name`.
fn soa_query(name: &str) -> Vec<u8> {
    let mut q = vec![0x4a, 0x11, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0];
    for label in name.split('.').filter(|l| !l.is_empty()) {
        q.push(label.len() as u8);
        q.extend_from_slice(label.as_bytes());
    }
    q.extend_from_slice(&[0, 0, 6, 0, 1]);
    q
}

impl Drop for Dns {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
