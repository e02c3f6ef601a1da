//! The PDF text extractor: object scanner, object streams, page tree, Flate, ToUnicode maps,
//! and the security handler with the passwords a message gives (corpus/sources' PDFs').
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::time::{Duration, Instant};

fuzz_target!(|data: &[u8]| {
    let mut passwords =
        canhgac::extract::passwords::Passwords::of_text("Mật khẩu: matkhau Ld@2026 24680".to_owned());
    let _ = canhgac::extract::pdf::extract_opening(
        data,
        16 << 20,
        16 << 20,
        Instant::now() + Duration::from_secs(5),
        Some(("fuzz.pdf", &mut passwords)),
    );
});
