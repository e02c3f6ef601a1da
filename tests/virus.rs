//! Virus scanning through a real clamd (private instance, the project's own signatures).

use crate::common::clamd::{Clamd, FdRefusingClamd, HangingClamd};
use crate::common::postfix::Postfix;
use crate::common::smtp::{Outcome, Sink, send};
use crate::common::{Milter, config_file, mail, test_config};
use crate::milter::{open, reply_text, result_header, transaction};
use canhgac::config::{ClamdEndpoint, Config};
use indymilter_test::Status;
use std::time::{Duration, Instant};

const MIB: usize = 1024 * 1024;

fn config_for(endpoints: &[String]) -> Config {
    let mut c = test_config();
    c.clamd.enabled = true;
    c.clamd.endpoints = endpoints
        .iter()
        .map(|e| e.parse::<ClamdEndpoint>().expect("endpoint"))
        .collect();
    c
}

fn assert_virus(st: &Status, what: &str) {
    let text = reply_text(st);
    assert!(matches!(st, Status::Reject { .. }), "{what}: {st:?}");
    assert!(text.starts_with("554 5.7.1 "), "{what}: {text}");
    assert!(
        text.contains("Canhgac.Test."),
        "{what}: reply names the signature: {text}"
    );
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs clamd: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn eicar_everywhere_is_rejected_naming_the_signature() {
    let clamd = Clamd::start();
    let m = Milter::start_inet(config_for(&[clamd.endpoint()])).await;
    let eicar = mail::eicar();
    let in_zip = mail::zip(&[("eicar.com", &eicar)]);
    let zip_in_zip = mail::zip(&[("inner.zip", &in_zip)]);
    let attachment = mail::with_files("eicar", &[("eicar.com", "application/octet-stream", &eicar)]);
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "plain text body",
            format!(
                "From: <a@example.org>\r\nTo: <b@lamdong.gov.vn>\r\nSubject: test\r\n\r\n{}\r\n",
                String::from_utf8_lossy(&eicar)
            )
            .into_bytes(),
        ),
        ("base64 attachment", attachment.clone()),
        (
            "inside a zip",
            mail::with_files("zip", &[("tai-lieu.zip", "application/zip", &in_zip)]),
        ),
        (
            "zip inside a zip",
            mail::with_files("zipzip", &[("tai-lieu.zip", "application/zip", &zip_in_zip)]),
        ),
        ("forwarded message", mail::forwarded(&attachment)),
    ];
    for (what, raw) in cases {
        let mut conn = open(&m).await;
        let (_, st) = transaction(&mut conn, &raw, &[]).await;
        assert_virus(&st, what);
        let text = reply_text(&st);
        assert!(text.contains("Canhgac.Test.EICAR"), "{what}: {text}");
    }
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs clamd: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clamav_testfiles_mails_are_rejected() {
    let clamd = Clamd::start();
    let m = Milter::start_inet(config_for(&[clamd.endpoint()])).await;
    for f in ["clam.mail", "clam.exe.mbox.base64", "clam.exe.mbox.uu"] {
        let path = std::path::Path::new("/usr/share/clamav-testfiles").join(f);
        let data = std::fs::read(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (install clamav-testfiles)", path.display()));
        let msgs = canhgac::message::source::split_mbox(&data);
        // Normalise to CRLF, as Postfix hands a message to the milter.
        let mut raw = Vec::new();
        for line in msgs[0].split_inclusive(|&b| b == b'\n') {
            let l = line.strip_suffix(b"\n").unwrap_or(line);
            let l = l.strip_suffix(b"\r").unwrap_or(l);
            raw.extend_from_slice(l);
            raw.extend_from_slice(b"\r\n");
        }
        let mut conn = open(&m).await;
        let (_, st) = transaction(&mut conn, &raw, &[]).await;
        assert_virus(&st, f);
    }
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs clamd: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn scan_command_uses_clamd_too() {
    let clamd = Clamd::start();
    let dir = tempfile::tempdir().expect("tempdir");
    let cfg = std::fs::read_to_string(config_file(dir.path(), "")).expect("read");
    let cfg_path = dir.path().join("with-clamd.toml");
    std::fs::write(
        &cfg_path,
        cfg.replace(
            "[clamd]\nenabled = false",
            &format!("[clamd]\nenabled = true\nendpoints = [\"{}\"]", clamd.endpoint()),
        ),
    )
    .expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_canhgac"))
        .args(["scan", "--json", "--config"])
        .arg(&cfg_path)
        .arg("/usr/share/clamav-testfiles/clam.mail")
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value =
        serde_json::from_slice(out.stdout.split(|&b| b == b'\n').next().unwrap_or_default()).expect("json");
    assert_eq!(v["verdict"], "reject", "{v}");
    assert!(
        v["smtp_reply"]
            .as_str()
            .is_some_and(|r| r.starts_with("554 5.7.1") && r.contains("Canhgac.Test.ClamExe")),
        "{v}"
    );
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs clamd: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_mib_attachment_is_really_scanned() {
    let clamd = Clamd::start();
    let m = Milter::start_inet(config_for(&[clamd.endpoint()])).await;
    // Clean: accepted, with no virus symbol.
    let mut conn = open(&m).await;
    let (actions, st) = transaction(&mut conn, &mail::with_attachment(20 * MIB, "ho-so.bin"), &[]).await;
    assert_eq!(st, Status::Accept);
    let h = result_header(&actions).expect("header");
    assert!(!h.contains("VIRUS"), "{h}");
    // The same size with EICAR as the last bytes: clamd saw the whole message.
    let mut data: Vec<u8> = (0..20 * MIB - 68).map(|i| (i * 7 % 251) as u8).collect();
    data.extend_from_slice(&mail::eicar());
    // A text attachment so clamd's body signature applies to the decoded bytes' tail.
    let raw = mail::with_files("big", &[("ho-so.txt", "text/plain", &data)]);
    assert!(raw.len() > 27 * MIB);
    let mut conn = open(&m).await;
    let (_, st) = transaction(&mut conn, &raw, &[]).await;
    assert_virus(&st, "EICAR at the end of 20 MiB");
    // clamd writes its log line just after answering: give it a moment.
    let end = Instant::now() + Duration::from_secs(10);
    while !clamd.log().contains("instream(local): OK") {
        assert!(
            Instant::now() < end,
            "clamd logged no clean scan:\n{}",
            clamd.log()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs clamd: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clamd_down_hanging_or_refusing_size_means_tempfail_and_recovery() {
    let mut clamd = Clamd::start();
    let hanging = HangingClamd::start().await;
    let mut config = config_for(&[clamd.endpoint()]);
    config.clamd.timeout_secs = 2;
    let m = Milter::start_inet(config).await;
    let eicar_mail = mail::with_files("x", &[("e.com", "application/octet-stream", &mail::eicar())]);
    let clean = mail::plain("a@lamdong.gov.vn", "b@lamdong.gov.vn", "s", "noi dung");

    // Up: scanned.
    let mut conn = open(&m).await;
    assert_virus(&transaction(&mut conn, &eicar_mail, &[]).await.1, "clamd up");

    // Stopped: 451 4.7.1, never accept.
    clamd.stop();
    let mut conn = open(&m).await;
    let (_, st) = transaction(&mut conn, &clean, &[]).await;
    assert!(matches!(st, Status::Tempfail { .. }), "{st:?}");
    assert!(reply_text(&st).starts_with("451 4.7.1 "), "{}", reply_text(&st));

    // Back: scanning resumes without restarting canhgac.
    clamd.restart();
    let mut conn = open(&m).await;
    assert_eq!(transaction(&mut conn, &clean, &[]).await.1, Status::Accept);
    assert_virus(&transaction(&mut conn, &eicar_mail, &[]).await.1, "clamd back");

    // A clamd that accepts and never answers: 451 4.7.1 within the timeout.
    let mut config = config_for(&[hanging.endpoint()]);
    config.clamd.timeout_secs = 2;
    let m2 = Milter::start_inet(config).await;
    let mut conn = open(&m2).await;
    let t = Instant::now();
    let (_, st) = transaction(&mut conn, &clean, &[]).await;
    assert!(reply_text(&st).starts_with("451 4.7.1 "), "{st:?}");
    assert!(
        t.elapsed() < Duration::from_secs(10),
        "answered within the timeout: {:?}",
        t.elapsed()
    );

    // Failover: the hanging endpoint first would eat the deadline, so a dead one first instead.
    let config = config_for(&["unix:/nonexistent/clamd.sock".to_owned(), clamd.endpoint()]);
    let m3 = Milter::start_inet(config).await;
    let mut conn = open(&m3).await;
    assert_virus(
        &transaction(&mut conn, &eicar_mail, &[]).await.1,
        "second endpoint",
    );
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs clamd: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn message_over_clamd_stream_limit_is_not_clean() {
    let clamd = Clamd::start_with("1M");
    let m = Milter::start_inet(config_for(&[clamd.endpoint()])).await;
    let mut conn = open(&m).await;
    let (_, st) = transaction(&mut conn, &mail::with_attachment(2 * MIB, "lon.bin"), &[]).await;
    assert!(reply_text(&st).starts_with("451 4.7.1 "), "{st:?}");
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs Postfix and clamd: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn eicar_through_postfix_is_refused_and_never_delivered() {
    let clamd = Clamd::start();
    let milter = Milter::start_inet(config_for(&[clamd.endpoint()])).await;
    let sink = Sink::start().await;
    let pf = Postfix::start(&milter.postfix_addr(), sink.port, "");
    let raw = mail::with_files(
        "eicar",
        &[("eicar.com", "application/octet-stream", &mail::eicar())],
    );
    let out = send(pf.smtp_port, "a@example.org", &["b@lamdong.gov.vn"], &raw)
        .await
        .expect("smtp");
    match &out {
        Outcome::Refused { stage: "END", reply } => {
            assert!(
                reply.starts_with("554 5.7.1 ") && reply.contains("Canhgac.Test.EICAR"),
                "{reply}"
            )
        }
        other => panic!("not refused: {other:?}\n{}", pf.log()),
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert!(sink.messages.lock().expect("lock").is_empty());
}

/// A message with `zip` attached as `hoa-don.zip` and `body` as its text.
/// The gateway with its isolated workers, scanning with `clamd`.
async fn gateway_on(clamd: &Clamd) -> crate::common::gateway::Gateway {
    crate::common::gateway::Gateway::start(
        "",
        &format!(
            "[clamd]\nenabled = true\nendpoints = [\"{}\"]\n[local]\ninternal_networks = [\"192.0.2.0/24\"]\n",
            clamd.endpoint()
        ),
    )
    .await
}

/// Sends the clean message `raw` through `g`: it is neither refused nor deferred.
async fn assert_not_refused(g: &crate::common::gateway::Gateway, raw: &[u8]) {
    let st = g.send(raw).await;
    assert!(
        !matches!(st, Status::Reject { .. } | Status::Tempfail { .. }),
        "the clean one is not refused: {st:?}\n{}",
        g.log()
    );
}

fn zip_with_body(body: &str, zip: &[u8]) -> Vec<u8> {
    let m = mail::with_files("Hoa don thang 11", &[("hoa-don.zip", "application/zip", zip)]);
    String::from_utf8_lossy(&m)
        .replace("Tài liệu đính kèm.", body)
        .into_bytes()
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs clamd: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_virus_in_a_zip_sent_beside_its_password_is_found_in_process_and_in_workers() {
    // clamd is given the message as sent, where the member is encrypted: it answers OK. The
    // member opened with the body's password goes to it apart.
    let clamd = Clamd::start();
    let eicar = mail::eicar();
    let body = "Kính gửi anh,\nHóa đơn đính kèm. Mật khẩu giải nén: Xy-2026\nTrân trọng.";
    let infected = [
        canhgac::mime_out::zipcrypto_of(&[("hoa-don.com", &eicar)], b"Xy-2026"),
        canhgac::mime_out::zip_aes_of(&[("hoa-don.com", &eicar)], "Xy-2026"),
    ];
    let clean =
        canhgac::mime_out::zipcrypto_of(&[("hoa-don.txt", "Hóa đơn tháng 11".as_bytes())], b"Xy-2026");
    let engine =
        std::sync::Arc::new(canhgac::Engine::build(&config_for(&[clamd.endpoint()])).expect("engine"));
    for (i, zip) in infected.iter().enumerate() {
        let r = engine
            .scan(std::sync::Arc::new(canhgac::ScanInput::from_bytes(
                zip_with_body(body, zip),
            )))
            .await;
        let v = r.verdict.findings.iter().find(|f| f.symbol == "VIRUS_FOUND");
        assert!(
            v.is_some_and(|f| f.location.ends_with("hoa-don.com") && f.detail.contains("Canhgac.Test.EICAR")),
            "zip {i}: {:?}",
            r.verdict.findings
        );
        assert!(
            r.verdict.reply.as_ref().is_some_and(|s| s.code == 554),
            "zip {i}: {:?}",
            r.verdict
        );
    }
    let r = engine
        .scan(std::sync::Arc::new(canhgac::ScanInput::from_bytes(
            zip_with_body(body, &clean),
        )))
        .await;
    let symbols: Vec<&str> = r.verdict.findings.iter().map(|f| f.symbol.as_str()).collect();
    assert!(symbols.contains(&"PASSWORD_IN_MESSAGE"), "{:?}", r.verdict);
    assert!(
        !symbols
            .iter()
            .any(|s| s.starts_with("VIRUS") || s.starts_with("MARKING")),
        "{:?}",
        r.verdict
    );
    assert_eq!(
        r.verdict.action,
        canhgac::verdict::Action::Accept,
        "{:?}",
        r.verdict
    );
    // Without the password the member stays unread and the message is held, not delivered.
    let r = engine
        .scan(std::sync::Arc::new(canhgac::ScanInput::from_bytes(
            zip_with_body("Gửi anh.", &infected[0]),
        )))
        .await;
    assert!(
        r.verdict
            .findings
            .iter()
            .any(|f| f.symbol == "MARKING_UNSCANNABLE"),
        "{:?}",
        r.verdict.findings
    );
    // A PDF opened with the body's password is read, but clamd sees it only encrypted: held.
    let pdf = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/corpus/sources/pdf-r6-password-law.pdf"
    ))
    .expect("source PDF");
    let raw = mail::with_files("Luat", &[("luat.pdf", "application/pdf", &pdf)]);
    let raw = String::from_utf8_lossy(&raw)
        .replace("Tài liệu đính kèm.", "Mật khẩu: 24680")
        .into_bytes();
    let r = engine
        .scan(std::sync::Arc::new(canhgac::ScanInput::from_bytes(raw)))
        .await;
    let symbols: Vec<&str> = r.verdict.findings.iter().map(|f| f.symbol.as_str()).collect();
    assert!(
        symbols.contains(&"PASSWORD_IN_MESSAGE") && symbols.contains(&"DECRYPTED_NOT_VIRUS_SCANNED"),
        "{symbols:?}"
    );
    assert_eq!(
        r.verdict.action,
        canhgac::verdict::Action::Quarantine,
        "{:?}",
        r.verdict
    );
    // The gateway with its isolated workers: the worker hands the opened member back for clamd.
    let g = gateway_on(&clamd).await;
    for zip in &infected {
        assert_virus(
            &g.send(&zip_with_body(body, zip)).await,
            "through the gateway's workers",
        );
    }
    assert_not_refused(&g, &zip_with_body(body, &clean)).await;
}

/// The password the documents of the tests below are saved with, given in their messages' bodies.
const DOCUMENT_PASSWORD: &str = "Hd#1125";

/// A document saved with the password its message gives (`document` makes it around an embedded
/// object): with the virus as the object it is found by clamd (in process and through the
/// gateway's workers: clamd is given it decrypted); with a harmless object it is opened
/// (`PASSWORD_IN_MESSAGE`), nothing else found, and delivered.
async fn assert_opened_for_clamd(
    clamd: &Clamd,
    name: &str,
    content_type: &str,
    document: impl Fn(&[u8]) -> Vec<u8>,
) {
    let sent = |object: &[u8]| {
        let m = mail::with_files("Hoa don thang 11", &[(name, content_type, &document(object))]);
        String::from_utf8_lossy(&m)
            .replace(
                "Tài liệu đính kèm.",
                &format!("Hóa đơn đính kèm, mật khẩu mở: {DOCUMENT_PASSWORD}"),
            )
            .into_bytes()
    };
    let (infected, clean) = (sent(&mail::eicar()), sent(b"an embedded object"));
    let engine =
        std::sync::Arc::new(canhgac::Engine::build(&config_for(&[clamd.endpoint()])).expect("engine"));
    let r = engine
        .scan(std::sync::Arc::new(canhgac::ScanInput::from_bytes(
            infected.clone(),
        )))
        .await;
    let v = r.verdict.findings.iter().find(|f| f.symbol == "VIRUS_FOUND");
    assert!(
        v.is_some_and(|f| f.location.contains(name) && f.detail.contains("Canhgac.Test.EICAR")),
        "{:?}",
        r.verdict.findings
    );
    let r = engine
        .scan(std::sync::Arc::new(canhgac::ScanInput::from_bytes(clean.clone())))
        .await;
    let symbols: Vec<&str> = r.verdict.findings.iter().map(|f| f.symbol.as_str()).collect();
    assert!(symbols.contains(&"PASSWORD_IN_MESSAGE"), "{:?}", r.verdict);
    assert!(
        !symbols
            .iter()
            .any(|s| s.starts_with("VIRUS") || s.starts_with("MARKING") || s.starts_with("DECRYPTED")),
        "{symbols:?}"
    );
    assert_eq!(
        r.verdict.action,
        canhgac::verdict::Action::Accept,
        "{:?}",
        r.verdict
    );
    let g = gateway_on(clamd).await;
    assert_virus(&g.send(&infected).await, "through the gateway's workers");
    assert_not_refused(&g, &clean).await;
}

/// An OpenDocument text saved with `password` as LibreOffice saves it: each part deflated, then
/// encrypted with AES-256-CBC under a key stretched from the password's SHA-256 by PBKDF2-HMAC-SHA1
/// (1,000 rounds here, 100,000 in LibreOffice), and the manifest saying how.
fn odt_with_password(parts: &[(&str, &[u8])], password: &str) -> Vec<u8> {
    use aes::cipher::{BlockEncrypt, KeyInit, generic_array::GenericArray};
    use sha2::Digest;
    use std::io::Write;
    let b64 = |b: &[u8]| String::from_utf8_lossy(&canhgac::mime_out::base64(b)).replace("\r\n", "");
    let mut manifest = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>"#,
    );
    let mut files: Vec<(String, Vec<u8>)> = vec![(
        "mimetype".into(),
        b"application/vnd.oasis.opendocument.text".to_vec(),
    )];
    for (i, (name, bytes)) in parts.iter().enumerate() {
        let mut z = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(bytes).expect("deflate");
        let mut data = z.finish().expect("deflate");
        let checksum = sha2::Sha256::digest(&data[..data.len().min(1024)]);
        let pad = 16 - data.len() % 16;
        data.extend(std::iter::repeat_n(pad as u8, pad));
        let (salt, iv) = ([i as u8 + 1; 16], [i as u8 + 7; 16]);
        let mut key = [0u8; 32];
        pbkdf2::pbkdf2_hmac::<sha1::Sha1>(&sha2::Sha256::digest(password.as_bytes()), &salt, 1000, &mut key);
        let cipher = aes::Aes256::new_from_slice(&key).expect("key");
        let mut prev = iv;
        for block in data.chunks_exact_mut(16) {
            block.iter_mut().zip(prev).for_each(|(b, p)| *b ^= p);
            cipher.encrypt_block(GenericArray::from_mut_slice(block));
            prev.copy_from_slice(block);
        }
        manifest += &format!(
            r#"<manifest:file-entry manifest:full-path="{name}" manifest:media-type="" manifest:size="{}"><manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" manifest:checksum="{}"><manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" manifest:initialisation-vector="{}"/><manifest:start-key-generation manifest:start-key-generation-name="http://www.w3.org/2000/09/xmldsig#sha256" manifest:key-size="32"/><manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:key-size="32" manifest:iteration-count="1000" manifest:salt="{}"/></manifest:encryption-data></manifest:file-entry>"#,
            bytes.len(),
            b64(&checksum),
            b64(&iv),
            b64(&salt)
        );
        files.push(((*name).to_owned(), data));
    }
    manifest += "</manifest:manifest>";
    files.push(("META-INF/manifest.xml".into(), manifest.into_bytes()));
    let members: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    canhgac::mime_out::zip_of(&members)
}

/// An OpenDocument package saved with `password` as LibreOffice 24.8 and later save it: the
/// whole package deflated and encrypted with AES-256-GCM (the IV first, the tag last) under a key
/// Argon2id derives from the password's SHA-256 (small costs here; 64 MiB in LibreOffice).
fn odt_encrypted_whole(package: &[u8], password: &str) -> Vec<u8> {
    use aes_gcm::aead::{AeadInPlace, KeyInit};
    use sha2::Digest;
    use std::io::Write;
    let b64 = |b: &[u8]| String::from_utf8_lossy(&canhgac::mime_out::base64(b)).replace("\r\n", "");
    let mut z = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(package).expect("deflate");
    let packed = z.finish().expect("deflate");
    let (salt, iv) = ([5u8; 16], [9u8; 12]);
    let mut key = [0u8; 32];
    let params = argon2::Params::new(64, 1, 1, Some(32)).expect("params");
    argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
        .hash_password_into(&sha2::Sha256::digest(password.as_bytes()), &salt, &mut key)
        .expect("argon2");
    let mut sealed = packed;
    let tag = aes_gcm::Aes256Gcm::new_from_slice(&key)
        .expect("key")
        .encrypt_in_place_detached(aes_gcm::Nonce::from_slice(&iv), b"", &mut sealed)
        .expect("encrypt");
    sealed.extend_from_slice(&tag);
    let manifest = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.4" xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"><manifest:file-entry manifest:full-path="encrypted-package" manifest:media-type="application/vnd.oasis.opendocument.text" manifest:size="{}"><manifest:encryption-data><manifest:algorithm manifest:algorithm-name="http://www.w3.org/2009/xmlenc11#aes256-gcm" manifest:initialisation-vector="{}"/><manifest:start-key-generation manifest:start-key-generation-name="http://www.w3.org/2001/04/xmlenc#sha256" manifest:key-size="32"/><manifest:key-derivation manifest:key-derivation-name="urn:org:documentfoundation:names:experimental:office:manifest:argon2id" loext:argon2-iterations="1" loext:argon2-memory="64" loext:argon2-lanes="1" manifest:salt="{}" manifest:key-size="32"/></manifest:encryption-data></manifest:file-entry></manifest:manifest>"#,
        package.len(),
        b64(&iv),
        b64(&salt)
    );
    let part = [iv.as_slice(), &sealed].concat();
    canhgac::mime_out::zip_of(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text".as_slice()),
        ("encrypted-package", &part),
        ("META-INF/manifest.xml", manifest.as_bytes()),
    ])
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs clamd: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_virus_in_an_opendocument_saved_with_its_password_is_found_in_process_and_in_workers() {
    // An .odt whose embedded object (a part canhgac does not read for text) is the virus, saved
    // with a password: clamd sees only the encrypted parts. Every part opened with the body's
    // password goes to it decrypted; LibreOffice 24.8 and later encrypt the whole package as
    // one part, which goes to it opened.
    let clamd = Clamd::start();
    let content = r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:p>Hóa đơn tháng 11</text:p></office:text></office:body></office:document-content>"#;
    let odt = "application/vnd.oasis.opendocument.text";
    assert_opened_for_clamd(&clamd, "hoa-don.odt", odt, |object| {
        odt_with_password(
            &[("content.xml", content.as_bytes()), ("Object 1", object)],
            DOCUMENT_PASSWORD,
        )
    })
    .await;
    assert_opened_for_clamd(&clamd, "hoa-don.odt", odt, |object| {
        let package = canhgac::mime_out::zip_of(&[
            ("mimetype", odt.as_bytes()),
            ("content.xml", content.as_bytes()),
            ("Object 1", object),
        ]);
        odt_encrypted_whole(&package, DOCUMENT_PASSWORD)
    })
    .await;
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs clamd: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_virus_in_an_office_document_saved_with_its_password_is_found_in_process_and_in_workers() {
    // A .docx carrying a file, saved with a password (Agile): clamd sees only the encrypted
    // compound file. The document opened with the body's password goes to it decrypted.
    let clamd = Clamd::start();
    let package = |embedded: &[u8]| {
        canhgac::mime_out::zip_of(&[
            (
                "[Content_Types].xml",
                br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#,
            ),
            (
                "word/document.xml",
                "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Hóa đơn tháng 11</w:t></w:r></w:p></w:body></w:document>".as_bytes(),
            ),
            ("word/embeddings/oleObject1.bin", embedded),
        ])
    };
    let docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    assert_opened_for_clamd(&clamd, "hoa-don.docx", docx, |embedded| {
        msoffice_crypto::encrypt_ooxml(&package(embedded), DOCUMENT_PASSWORD).expect("encrypt")
    })
    .await;
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs clamd: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ham_sample_raises_no_virus_or_yara_symbol() {
    let clamd = Clamd::start();
    let engine =
        std::sync::Arc::new(canhgac::Engine::build(&config_for(&[clamd.endpoint()])).expect("engine"));
    let dir = crate::common::shared_corpus().join("spamassassin/ham");
    let files = canhgac::message::source::files(&dir).expect("list");
    // Every 10th message: 333 of them, across the whole corpus.
    for f in files.iter().step_by(10) {
        for m in canhgac::message::source::read_messages(f).expect("read") {
            let r = engine
                .scan(std::sync::Arc::new(canhgac::ScanInput::from_bytes(m.raw)))
                .await;
            let bad: Vec<_> = r
                .verdict
                .findings
                .iter()
                .filter(|f| f.symbol.starts_with("VIRUS") || f.symbol.starts_with("YARA"))
                .collect();
            assert!(bad.is_empty(), "{}: {bad:?}", m.name);
        }
    }
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs Postfix and clamd: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn per_class_policy_quarantine_holds_infected_mail_in_postfix() {
    // [policy.actions] VIRUS_FOUND = "quarantine": until the quarantine store exists, held mail
    // stays in Postfix's hold queue (SMFIR_QUARANTINE), accepted from the client, never delivered.
    let clamd = Clamd::start();
    let mut config = config_for(&[clamd.endpoint()]);
    config
        .policy
        .actions
        .insert("VIRUS_FOUND".to_owned(), canhgac::Action::Quarantine);
    let milter = Milter::start_inet(config).await;
    let sink = Sink::start().await;
    let pf = Postfix::start(&milter.postfix_addr(), sink.port, "");
    let raw = mail::with_files(
        "eicar",
        &[("eicar.com", "application/octet-stream", &mail::eicar())],
    );
    let out = send(pf.smtp_port, "a@lamdong.gov.vn", &["b@lamdong.gov.vn"], &raw)
        .await
        .expect("smtp");
    assert!(matches!(out, Outcome::Accepted(_)), "{out:?}\n{}", pf.log());
    pf.wait_held().await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert!(
        sink.messages.lock().expect("lock").is_empty(),
        "held mail must not be delivered"
    );
}

/// Issue 19: an allow-list entry skips spam scoring only; clamd still scans the message and a
/// virus is refused as from anyone.
#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs clamd: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_allowed_sender_s_virus_is_still_refused() {
    let clamd = Clamd::start();
    let engine =
        std::sync::Arc::new(canhgac::Engine::build(&config_for(&[clamd.endpoint()])).expect("engine"));
    let raw = mail::with_files(
        "eicar",
        &[("eicar.com", "application/octet-stream", &mail::eicar())],
    );
    let mut input = canhgac::message::ScanInput::from_bytes(raw);
    input.envelope.mail_from = "congvan@doitac.example".into();
    input.envelope.spam_allowed = Some("allow sender congvan@doitac.example (entry 1)".into());
    let v = engine.scan(std::sync::Arc::new(input)).await.verdict;
    let symbols: Vec<&str> = v.findings.iter().map(|f| f.symbol.as_str()).collect();
    assert!(symbols.contains(&"VIRUS_FOUND"), "{symbols:?}");
    assert!(symbols.contains(&"LIST_ALLOWED"), "{symbols:?}");
    assert_eq!(v.action, canhgac::policy::Action::Reject, "{v:?}");
    assert!(v.reply.expect("reply").to_string().starts_with("554 5.7.1"));
}

/// Issue 21: one connection to clamd serves many messages (IDSESSION, zINSTREAM each): the
/// answers stay right and in order, the connection is kept, a clamd restarted meanwhile costs
/// nothing but a new connection, and `session_idle_secs = 0` keeps none.
#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs clamd: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_clamd_connection_serves_many_messages() {
    use canhgac::scanners::virus::{ClamdOutcome, ClamdScanner};
    let mut clamd = Clamd::start();
    let mut cfg = config_for(&[clamd.endpoint()]).clamd;
    let eicar = mail::with_files("x", &[("e.com", "application/octet-stream", &mail::eicar())]);
    let clean = mail::plain("a@lamdong.gov.vn", "b@lamdong.gov.vn", "s", "noi dung");
    // Larger than one INSTREAM chunk: several writes in the session.
    let big = mail::with_attachment(300 * 1024, "bao-cao.bin");
    let scanner = ClamdScanner::new(&cfg);
    let check = async |scanner: &ClamdScanner, round: usize| {
        // The infected message before the smaller clean one: a session's memory file, written
        // over, must not keep the end of the message before.
        for (i, (m, infected)) in [(&eicar, true), (&clean, false), (&big, false)]
            .into_iter()
            .cycle()
            .take(12)
            .enumerate()
        {
            let out = scanner.scan(m).await;
            match (infected, &out) {
                (false, ClamdOutcome::Clean) => {}
                (true, ClamdOutcome::Infected(sig)) if sig.contains("EICAR") => {}
                _ => panic!("round {round}, message {i}: {out:?}"),
            }
        }
    };
    check(&scanner, 1).await;
    assert_eq!(
        scanner.kept_sessions(),
        1,
        "one connection, kept for the next message"
    );
    clamd.stop();
    clamd.restart();
    check(&scanner, 2).await;
    assert_eq!(
        scanner.kept_sessions(),
        1,
        "the dead connection replaced by one new one"
    );
    // Eight at once: up to eight connections, all kept.
    let scanner = std::sync::Arc::new(scanner);
    let tasks: Vec<_> = (0..8)
        .map(|_| {
            let (scanner, eicar) = (scanner.clone(), eicar.clone());
            tokio::spawn(async move { scanner.scan(&eicar).await })
        })
        .collect();
    for t in tasks {
        let out = t.await.expect("join");
        assert!(matches!(out, ClamdOutcome::Infected(_)), "{out:?}");
    }
    assert!((1..=8).contains(&scanner.kept_sessions()));
    cfg.session_idle_secs = 0;
    let per_message = ClamdScanner::new(&cfg);
    check(&per_message, 3).await;
    assert_eq!(per_message.kept_sessions(), 0);
    // Since the restart all 32 were passed as descriptors (clamd logs each scan by the file it
    // scanned, after answering: its lines are waited for), and with `fd_pass = false` they are
    // streamed.
    let by_fd = |l: &str| l.contains("/memfd:canhgac-clamd");
    let streamed = |l: &str| l.contains("stream(");
    let log = logged(&clamd, by_fd, 32);
    assert!(!log.lines().any(streamed), "nothing streamed:\n{log}");
    cfg.fd_pass = false;
    check(&ClamdScanner::new(&cfg), 4).await;
    let log = logged(&clamd, streamed, 12);
    assert_eq!(log.lines().filter(|l| by_fd(l)).count(), 32, "{log}");
    assert_eq!(log.lines().filter(|l| streamed(l)).count(), 12, "{log}");
}

/// clamd's log since it last started, once it has at least `n` lines that `want` (within 20 s).
fn logged(clamd: &Clamd, want: impl Fn(&str) -> bool, n: usize) -> String {
    let end = Instant::now() + Duration::from_secs(20);
    loop {
        let log = clamd.log();
        let last = log.rsplit("+++ Started").next().unwrap_or_default().to_owned();
        if last.lines().filter(|l| want(l)).count() >= n {
            return last;
        }
        assert!(Instant::now() < end, "fewer than {n} such lines:\n{last}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Issue 21: a clamd that cannot take descriptors (a confinement refusing them) still scans
/// every message: the first one is sent again, streamed, and the endpoint is streamed to from
/// then on; a message over the descriptor limit is always streamed.
#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs clamd: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_clamd_that_cannot_take_descriptors_gets_messages_streamed() {
    use canhgac::scanners::virus::{ClamdOutcome, ClamdScanner, FD_PASS_MAX};
    use std::sync::atomic::Ordering::SeqCst;
    let fake = FdRefusingClamd::start().await;
    let scanner = ClamdScanner::new(&config_for(&[fake.endpoint()]).clamd);
    let clean = mail::plain("a@lamdong.gov.vn", "b@lamdong.gov.vn", "s", "noi dung");
    for i in 0..3 {
        assert_eq!(scanner.scan(&clean).await, ClamdOutcome::Clean, "message {i}");
    }
    assert_eq!(fake.fildes.load(SeqCst), 1, "one descriptor tried, then none");
    assert_eq!(fake.streams.load(SeqCst), 3);
    assert_eq!(scanner.kept_sessions(), 1);
    assert!(!scanner.passes_descriptors());

    // Descriptors are tried again once the retry time has passed (a passing fault is not for
    // ever), and given up again for as long when clamd still refuses them.
    let fake = FdRefusingClamd::start().await;
    let scanner = ClamdScanner::new(&config_for(&[fake.endpoint()]).clamd)
        .with_fd_retry(std::time::Duration::from_millis(300));
    assert_eq!(scanner.scan(&clean).await, ClamdOutcome::Clean);
    assert_eq!(scanner.scan(&clean).await, ClamdOutcome::Clean);
    assert_eq!((fake.fildes.load(SeqCst), fake.streams.load(SeqCst)), (1, 2));
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    assert!(scanner.passes_descriptors(), "tried again after the retry time");
    assert_eq!(scanner.scan(&clean).await, ClamdOutcome::Clean);
    assert_eq!(scanner.scan(&clean).await, ClamdOutcome::Clean);
    assert_eq!((fake.fildes.load(SeqCst), fake.streams.load(SeqCst)), (2, 4));

    let fake = FdRefusingClamd::start().await;
    let scanner = ClamdScanner::new(&config_for(&[fake.endpoint()]).clamd);
    let big = mail::with_attachment(FD_PASS_MAX + 1024, "lon.bin");
    assert_eq!(scanner.scan(&big).await, ClamdOutcome::Clean);
    assert_eq!((fake.fildes.load(SeqCst), fake.streams.load(SeqCst)), (0, 1));

    // `canhgac doctor` tells the operator, with the fix.
    let dir = tempfile::tempdir().expect("tempdir");
    let cfg = dir.path().join("canhgac.toml");
    std::fs::write(
        &cfg,
        format!(
            "[clamd]\nendpoints = [\"{}\"]\n[auth]\nenabled = false\n[limits]\nmax_message_bytes = 2000000\n\
             [store]\npath = \"{}\"\n[audit]\nkey_file = \"{}\"\n",
            fake.endpoint(),
            dir.path().join("q.db").display(),
            dir.path().join("audit.key").display()
        ),
    )
    .expect("write");
    let out = tokio::task::spawn_blocking(move || {
        std::process::Command::new(env!("CARGO_BIN_EXE_canhgac"))
            .env("CANHGAC_CONFIG", "")
            .args(["doctor", "--no-postfix", "--config"])
            .arg(&cfg)
            .output()
            .expect("doctor")
    })
    .await
    .expect("join");
    let said = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        said.lines()
            .any(|l| l.starts_with("warn") && l.contains("does not scan messages passed as descriptors")),
        "{said}"
    );
    assert!(said.contains("fd_pass = false"), "{said}");
}
