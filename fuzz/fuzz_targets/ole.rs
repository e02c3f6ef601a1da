//! Legacy Office files (Compound File Binary: .doc, .xls, .ppt) read through their container:
//! Word's piece table and character runs, Excel's records, PowerPoint's record tree; and an
//! encrypted one (an OOXML package in a compound file, or a 97–2003 binary) opened with the
//! passwords a message gives, then read again decrypted.
#![no_main]
use canhgac::extract::office_crypt::{self, Plain};
use canhgac::extract::ole;
use canhgac::extract::passwords::Passwords;
use libfuzzer_sys::fuzz_target;
use std::time::{Duration, Instant};

fuzz_target!(|data: &[u8]| {
    match ole::read(data) {
        Ok(t) => assert!(t.document.text.len() <= data.len() * 4 + 64, "text bounded by the file"),
        Err(ole::OleError::Encrypted(_)) => {
            // The corpus's own passwords (corpus/sources: matkhau, QT-61/2012, BangKe#2026).
            let mut p = Passwords::of_text("Mật khẩu: matkhau QT-61/2012 BangKe#2026".to_owned());
            let deadline = Instant::now() + Duration::from_secs(5);
            if let Some(Plain::Binary(b)) = office_crypt::open(data, "fuzz.doc", &mut p, deadline) {
                let _ = ole::read(&b);
            }
        }
        Err(ole::OleError::Damaged(_)) => {}
    }
});
