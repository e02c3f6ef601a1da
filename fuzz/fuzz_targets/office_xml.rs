//! Office and OpenDocument XML to text (quick-xml, no entity expansion), read with the styles
//! the same bytes give as a style part (Word's and OpenDocument's).
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::time::{Duration, Instant};

fuzz_target!(|data: &[u8]| {
    let deadline = Instant::now() + Duration::from_secs(5);
    let styles = canhgac::extract::office::Styles::of_package(
        [("word/styles.xml", data), ("styles.xml", data)].into_iter(),
        deadline,
    );
    let _ = canhgac::extract::office::xml_to_text(data, &styles, deadline);
});
