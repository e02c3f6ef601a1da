//! Office and OpenDocument XML to text (quick-xml, no entity expansion), and the styles' font.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::time::{Duration, Instant};

fuzz_target!(|data: &[u8]| {
    let _ = canhgac::extract::office::default_font(data);
    let _ = canhgac::extract::office::xml_to_text(data, None, Instant::now() + Duration::from_secs(5));
});
