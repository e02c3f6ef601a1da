//! HTML to text, the markup tokens the spam rules read, and the font names.
#![no_main]
use canhgac::extract::html;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let _ = html::to_text(&s);
    let _ = html::tokens(&s).count();
    let _ = html::fonts(&s).count();
});
