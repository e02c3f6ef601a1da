//! Legacy Office files (Compound File Binary: .doc, .xls, .ppt) read through their container:
//! Word's piece table and character runs, Excel's records, PowerPoint's record tree.
#![no_main]
use canhgac::extract::ole;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(t) = ole::read(data) {
        assert!(t.document.text.len() <= data.len() * 4 + 64, "text bounded by the file");
    }
});
