//! The PDF text extractor: object scanner, object streams, page tree, Flate, ToUnicode maps.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::time::{Duration, Instant};

fuzz_target!(|data: &[u8]| {
    let _ = canhgac::extract::pdf::extract(data, 16 << 20, 16 << 20, Instant::now() + Duration::from_secs(5));
});
