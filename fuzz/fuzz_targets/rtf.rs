//! The RTF text extractor (groups, `\uN`, `\'hh` by font charset).
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::time::{Duration, Instant};

fuzz_target!(|data: &[u8]| {
    let _ = canhgac::extract::rtf::extract(data, Instant::now() + Duration::from_secs(5));
});
