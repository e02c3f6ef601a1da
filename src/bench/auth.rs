//! `canhgac-tools auth-cost`: what sender authentication costs a message (issue 20), with the
//! gateway's own checks (`SenderAuth`) against a small DNS responder on loopback that serves a
//! signing domain's records (SPF with an include, DMARC p=reject, an Ed25519 DKIM key) and
//! answers every query after a chosen delay, or not at all. Reported per message: wall time
//! (mean, p50, p99) and the process's CPU time, with the DNS cache warm, cold (no cache), slow
//! and down.

use crate::config::{AuthConfig, LocalConfig};
use crate::message::{Envelope, ScanInput};
use crate::scanners::auth::SenderAuth;
use mail_auth::common::crypto::Ed25519Key;
use mail_auth::common::headers::HeaderWriter;
use mail_auth::dkim::DkimSigner;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// One measured condition.
#[derive(Debug, Clone)]
pub struct Row {
    pub condition: String,
    pub messages: usize,
    pub mean_ms: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub cpu_ms_per_message: f64,
    /// The symbols of the last message (what the checks concluded).
    pub symbols: String,
}

/// A TXT or A record set by name (lower case, without the final dot).
type Zone = HashMap<(String, u16), Vec<Vec<u8>>>;

const TXT: u16 = 16;
const A: u16 = 1;

/// The DNS name in a query at `at`, and where the question's type starts.
fn qname(packet: &[u8], mut at: usize) -> Option<(String, usize)> {
    let mut labels = Vec::new();
    loop {
        let len = *packet.get(at)? as usize;
        at += 1;
        if len == 0 {
            break;
        }
        if len > 63 {
            return None;
        }
        labels.push(String::from_utf8_lossy(packet.get(at..at + len)?).to_ascii_lowercase());
        at += len;
    }
    Some((labels.join("."), at))
}

/// The answer to one query from `zone`: records, an empty answer for a name with other types,
/// or "no such name".
fn answer(query: &[u8], zone: &Zone) -> Option<Vec<u8>> {
    if query.len() < 12 {
        return None;
    }
    let (name, at) = qname(query, 12)?;
    let qtype = u16::from_be_bytes([*query.get(at)?, *query.get(at + 1)?]);
    let question = query.get(12..at + 4)?;
    let records = zone.get(&(name.clone(), qtype));
    let exists = zone
        .keys()
        .any(|(n, _)| *n == name || n.ends_with(&format!(".{name}")));
    let rcode = if records.is_some() || exists { 0 } else { 3 };
    let mut out = Vec::with_capacity(512);
    out.extend_from_slice(&query[0..2]);
    out.extend_from_slice(&[0x84 | (query[2] & 0x01), 0x80 | rcode]);
    out.extend_from_slice(&[0, 1]);
    let n = records.map_or(0, Vec::len) as u16;
    out.extend_from_slice(&n.to_be_bytes());
    // A negative answer carries the zone's SOA, whose last field says how long resolvers may
    // keep it (as real servers do).
    out.extend_from_slice(&[0, u8::from(n == 0), 0, 0]);
    out.extend_from_slice(question);
    for data in records.into_iter().flatten() {
        out.extend_from_slice(&[0xc0, 0x0c]);
        out.extend_from_slice(&qtype.to_be_bytes());
        out.extend_from_slice(&[0, 1, 0, 0, 0x0e, 0x10]);
        out.extend_from_slice(&(data.len() as u16).to_be_bytes());
        out.extend_from_slice(data);
    }
    if n == 0 {
        let tld = name.rsplit('.').next().unwrap_or_default();
        let label = |out: &mut Vec<u8>, l: &str| {
            out.push(l.len() as u8);
            out.extend_from_slice(l.as_bytes());
        };
        label(&mut out, tld);
        out.push(0);
        out.extend_from_slice(&[0, 6, 0, 1, 0, 0, 0x0e, 0x10]);
        let mut soa = Vec::new();
        for name in [["ns", tld], ["hostmaster", tld]] {
            for l in name {
                label(&mut soa, l);
            }
            soa.push(0);
        }
        for v in [1u32, 3600, 600, 86_400, 300] {
            soa.extend_from_slice(&v.to_be_bytes());
        }
        out.extend_from_slice(&(soa.len() as u16).to_be_bytes());
        out.extend_from_slice(&soa);
    }
    Some(out)
}

/// A TXT record's data: strings of at most 255 bytes, each length-prefixed.
fn txt(value: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for chunk in value.as_bytes().chunks(255) {
        out.push(chunk.len() as u8);
        out.extend_from_slice(chunk);
    }
    out
}

/// Serves `zone` on a loopback UDP port, answering each query after `delay`.
async fn responder(zone: Zone, delay: Duration) -> std::io::Result<SocketAddr> {
    let sock = Arc::new(tokio::net::UdpSocket::bind("127.0.0.1:0").await?);
    let addr = sock.local_addr()?;
    let zone = Arc::new(zone);
    tokio::spawn(async move {
        let mut buf = [0u8; 1500];
        while let Ok((n, from)) = sock.recv_from(&mut buf).await {
            let Some(reply) = answer(&buf[..n], &zone) else {
                continue;
            };
            let sock = sock.clone();
            tokio::spawn(async move {
                tokio::time::sleep(delay).await;
                let _ = sock.send_to(&reply, from).await;
            });
        }
    });
    Ok(addr)
}

fn cpu_ms() -> f64 {
    let mut u = std::mem::MaybeUninit::<libc::rusage>::uninit();
    // SAFETY: getrusage fills the struct it is given.
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, u.as_mut_ptr()) } != 0 {
        return 0.0;
    }
    // SAFETY: filled by the successful call above.
    let u = unsafe { u.assume_init() };
    let ms = |t: libc::timeval| t.tv_sec as f64 * 1000.0 + t.tv_usec as f64 / 1000.0;
    ms(u.ru_utime) + ms(u.ru_stime)
}

/// Measures `count` messages under each condition (`slow_ms`: the slow DNS's delay).
pub async fn measure(count: usize, slow_ms: u64) -> Result<Vec<Row>, String> {
    let pkcs8 = Ed25519Key::generate_pkcs8().map_err(|e| e.to_string())?;
    let key = Ed25519Key::from_pkcs8_der(&pkcs8).map_err(|e| e.to_string())?;
    let public = String::from_utf8_lossy(&crate::mime_out::base64(&key.public_key()))
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>();
    let mut zone = Zone::new();
    let mut put =
        |name: &str, t: u16, data: Vec<u8>| zone.entry((name.to_owned(), t)).or_default().push(data);
    put(
        "sender.example",
        TXT,
        txt("v=spf1 include:_spf.sender.example -all"),
    );
    put("_spf.sender.example", TXT, txt("v=spf1 ip4:198.51.100.0/24 -all"));
    put("_dmarc.sender.example", TXT, txt("v=DMARC1; p=reject"));
    put(
        "ed._domainkey.sender.example",
        TXT,
        txt(&format!("v=DKIM1; k=ed25519; p={public}")),
    );
    put("mail.sender.example", A, vec![198, 51, 100, 7]);
    let mut body = String::new();
    while body.len() < 10 * 1024 {
        body.push_str(
            "Kinh gui cac co quan, don vi tren dia ban tinh Lam Dong: de nghi trien khai thuc hien.\r\n",
        );
    }
    let raw = format!(
        "From: Anh Ba <ba@sender.example>\r\nTo: vanthu@snv.lamdong.gov.vn\r\nSubject: Hop dong\r\nDate: Thu, 03 Dec 2026 09:00:00 +0700\r\nMessage-ID: <bench@sender.example>\r\n\r\n{body}"
    );
    let sig = DkimSigner::from_key(key)
        .domain("sender.example")
        .selector("ed")
        .headers(["From", "To", "Subject", "Date", "Message-ID"])
        .sign(raw.as_bytes())
        .map_err(|e| e.to_string())?;
    let signed = [sig.to_header().as_bytes(), raw.as_bytes()].concat();
    let input = Arc::new(ScanInput {
        envelope: Envelope {
            client_addr: Some("198.51.100.7".parse().map_err(|e| format!("{e}"))?),
            helo: "mail.sender.example".to_owned(),
            mail_from: "ba@sender.example".to_owned(),
            rcpt_to: vec!["vanthu@snv.lamdong.gov.vn".to_owned()],
            ..Envelope::default()
        },
        ..ScanInput::from_bytes(signed)
    });
    let fast = responder(zone.clone(), Duration::ZERO)
        .await
        .map_err(|e| e.to_string())?;
    let slow = responder(zone, Duration::from_millis(slow_ms))
        .await
        .map_err(|e| e.to_string())?;
    // Down: a port where nothing answers.
    let down = std::net::UdpSocket::bind("127.0.0.1:0")
        .and_then(|s| s.local_addr())
        .map_err(|e| e.to_string())?;
    let local = LocalConfig::default();
    let mut rows = Vec::new();
    for (condition, resolver, cache, n) in [
        ("warm cache", fast, 10_000, count),
        ("cold (no cache), DNS answering at once", fast, 0, count),
        (
            &*format!("cold, DNS answering after {slow_ms} ms"),
            slow,
            0,
            count.min(50),
        ),
        ("DNS down (no answer)", down, 0, count.min(10)),
    ] {
        let cfg = AuthConfig {
            resolvers: vec![resolver.to_string()],
            cache_entries: cache.max(1),
            ..AuthConfig::default()
        };
        // A cache of one entry keeps nothing: every lookup goes to the server.
        let auth = Arc::new(SenderAuth::new(&cfg, &local, "mx.bench")?);
        // One message first: the warm cache is filled by it.
        let _ = auth.check(input.clone()).await;
        let mut times = Vec::with_capacity(n);
        let mut symbols = String::new();
        let cpu = cpu_ms();
        for _ in 0..n {
            let t = Instant::now();
            let out = auth.check(input.clone()).await;
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            symbols = out
                .findings
                .iter()
                .map(|f| f.symbol.as_str())
                .collect::<Vec<_>>()
                .join(" ");
        }
        let cpu = (cpu_ms() - cpu) / n.max(1) as f64;
        times.sort_by(f64::total_cmp);
        let at = |q: f64| {
            times
                .get(((times.len() as f64 - 1.0) * q).round() as usize)
                .copied()
                .unwrap_or(0.0)
        };
        rows.push(Row {
            condition: condition.to_owned(),
            messages: n,
            mean_ms: times.iter().sum::<f64>() / times.len().max(1) as f64,
            p50_ms: at(0.5),
            p99_ms: at(0.99),
            cpu_ms_per_message: cpu,
            symbols,
        });
    }
    Ok(rows)
}

/// The rows as a Markdown table.
pub fn report(rows: &[Row]) -> String {
    let mut out = String::from(
        "| condition | messages | mean ms | p50 ms | p99 ms | CPU ms / message | symbols |\n|---|---|---|---|---|---|---|\n",
    );
    for r in rows {
        out.push_str(&format!(
            "| {} | {} | {:.3} | {:.3} | {:.3} | {:.3} | {} |\n",
            r.condition, r.messages, r.mean_ms, r.p50_ms, r.p99_ms, r.cpu_ms_per_message, r.symbols
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_responder_answers_records_empty_and_no_such_name() {
        let mut zone = Zone::new();
        zone.insert(("a.example".into(), TXT), vec![txt("v=spf1 -all")]);
        let q = |name: &str, t: u16| {
            let mut p = vec![0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0];
            for l in name.split('.') {
                p.push(l.len() as u8);
                p.extend_from_slice(l.as_bytes());
            }
            p.push(0);
            p.extend_from_slice(&t.to_be_bytes());
            p.extend_from_slice(&[0, 1]);
            p
        };
        let r = answer(&q("A.example", TXT), &zone).expect("answer");
        assert_eq!((r[0], r[1], r[3] & 0x0f, r[7]), (0x12, 0x34, 0, 1));
        let r = answer(&q("a.example", A), &zone).expect("answer");
        assert_eq!((r[3] & 0x0f, r[7]), (0, 0), "the name exists: no data, no error");
        let r = answer(&q("b.example", TXT), &zone).expect("answer");
        assert_eq!((r[3] & 0x0f, r[9]), (3, 1), "no such name, with the zone's SOA");
        assert!(answer(&[0; 5], &zone).is_none());
    }
}
