//! Office documents saved with a password («Encrypt with Password»): a .docx, .xlsx or .pptx
//! wrapped encrypted in a compound file (ECMA-376 Agile, as Office 2010 and later and
//! LibreOffice write it, or Standard, Office 2007's), and a Word, Excel or PowerPoint 97–2003
//! file encrypted in place (RC4 CryptoAPI, Office 97's RC4, Excel's XOR obfuscation). They are
//! opened with the passwords the message gives ([`super::passwords`]) through the
//! `msoffice-crypto` crate, and read like any other document: a state secret sent in one beside
//! its password is found, not held unread, and clamd is given the decrypted file.
//!
//! An Excel workbook is first tried with Excel's built-in password «VelvetSweatshop»: Excel
//! opens such a file without asking, which is why malware encrypts its sheets with it to pass
//! scanners. Every attempt costs what the file asks (its spin count) and its size, within the
//! message's [`super::passwords::MAX_ROUNDS`].

use super::passwords::{Attempt, Passwords};
use msoffice_crypto::{Document, Error, Family};
use std::time::Instant;

/// The password Excel uses when a workbook is only protected from editing: it opens the file
/// without asking for one.
const EXCEL_BUILT_IN: &str = "VelvetSweatshop";
/// The spin count of Standard encryption (fixed by the format: SHA-1, 50,000 rounds).
const STANDARD_SPINS: u64 = 50_000;
/// An attempt copies the whole file and walks its container first: counted as a hash round per
/// this many bytes (a 20 MB workbook costs about what Office's 100,000 rounds do).
const BYTES_PER_ROUND: u64 = 256;

/// A document opened.
#[derive(Debug)]
pub enum Plain {
    /// The OOXML package (a zip: .docx, .xlsx, .pptx).
    Package(Vec<u8>),
    /// The compound file with its streams decrypted (.doc, .xls, .ppt).
    Binary(Vec<u8>),
}

impl Plain {
    pub fn bytes(&self) -> &[u8] {
        match self {
            Plain::Package(b) | Plain::Binary(b) => b,
        }
    }
}

/// Opens the encrypted Office document `data` (at `path`) with Excel's built-in password or the
/// passwords the message gives, before `deadline`; a password from the message that opens it
/// is recorded in `passwords`. `None` when none does, or the encryption is of a kind not read
/// (rights management, a certificate).
pub fn open(data: &[u8], path: &str, passwords: &mut Passwords, deadline: Instant) -> Option<Plain> {
    let kind = msoffice_crypto::classify(data);
    let (spins, package) = match (kind.document, kind.family) {
        (Document::OoxmlPackage, Family::Agile) => (
            // A count the file does not say: no attempt.
            kind.password_key
                .and_then(|k| k.spin_count)
                .map_or(u64::MAX, u64::from),
            true,
        ),
        (Document::OoxmlPackage, Family::Standard) => (STANDARD_SPINS, true),
        (
            Document::WordBinary | Document::ExcelBinary | Document::PowerPointBinary,
            Family::Rc4CryptoApi | Family::Rc4 | Family::XorObfuscation,
        ) => (0, false),
        _ => return None,
    };
    // Every attempt also copies and walks the container before the password is checked.
    let rounds = spins.saturating_add(data.len() as u64 / BYTES_PER_ROUND);
    let attempt = |password: &str| -> Attempt<Plain> {
        if Instant::now() > deadline {
            return Attempt::Stop;
        }
        let result = if package {
            msoffice_crypto::decrypt_ooxml(data, password).map(Plain::Package)
        } else {
            msoffice_crypto::decrypt_binary_office(data, password).map(Plain::Binary)
        };
        match result {
            Ok(plain) => Attempt::Opened(plain),
            Err(Error::WrongPassword) => Attempt::Wrong,
            Err(_) => Attempt::Stop,
        }
    };
    if kind.document == Document::ExcelBinary {
        match attempt(EXCEL_BUILT_IN) {
            Attempt::Opened(plain) => return Some(plain),
            Attempt::Stop => return None,
            Attempt::Wrong => {}
        }
    }
    passwords.open_stretched(path, rounds, attempt)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;
    use std::time::Duration;

    fn source(name: &str) -> Vec<u8> {
        let p = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("corpus/sources")
            .join(name);
        std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    }

    fn later() -> Instant {
        Instant::now() + Duration::from_secs(60)
    }

    #[test]
    fn legacy_word_and_excel_open_with_the_password_the_body_gives() {
        for f in ["bao-cao-mat-khau.doc", "bang-ke-mat-khau.xls"] {
            let data = source(f);
            let mut p = Passwords::of_text("Gửi anh bản báo cáo, mật khẩu: matkhau".to_owned());
            let plain = open(&data, "part 2", &mut p, later()).unwrap_or_else(|| panic!("{f}"));
            let Plain::Binary(b) = plain else {
                panic!("{f}: not a binary")
            };
            let text = super::super::ole::read(&b).unwrap_or_else(|e| panic!("{f}: {e:?}"));
            let all = format!("{} {}", text.header.text, text.document.text);
            assert!(all.contains("MẬT"), "{f}: {all}");
            assert_eq!(p.opened[0].password, "matkhau");
            let mut wrong = Passwords::of_text("mật khẩu: khongphai".to_owned());
            assert!(open(&data, "part 2", &mut wrong, later()).is_none(), "{f}");
        }
    }

    #[test]
    fn an_ooxml_package_opens_and_what_is_not_office_does_not() {
        // Written by msoffcrypto-tool (Agile: AES-256, SHA-512, 100,000 rounds).
        let data = source("nhan-su-agile-password.docx");
        let mut p = Passwords::of_text("Hồ sơ nhân sự đính kèm.\nMật khẩu mở file là QT-61/2012.".to_owned());
        let Some(Plain::Package(package)) = open(&data, "part 2", &mut p, later()) else {
            panic!("not opened")
        };
        assert!(package.starts_with(b"PK\x03\x04"));
        assert_eq!(p.opened[0].password, "QT-61/2012");
        let mut wrong = Passwords::of_text("mật khẩu: 123456 hoặc 654321".to_owned());
        assert!(open(&data, "part 2", &mut wrong, later()).is_none());
        assert!(wrong.tries() >= 2);
        let plain = b"PK\x03\x04 not a real package".to_vec();
        let mut p = Passwords::of_text("mật khẩu: abc".to_owned());
        assert!(open(&plain, "x", &mut p, later()).is_none());
        assert_eq!(p.tries(), 0);
    }
}
