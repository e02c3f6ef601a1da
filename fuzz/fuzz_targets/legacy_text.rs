//! Text files and the Vietnamese decoders: charset guessing, TCVN3/VNI detection and decoding,
//! VIQR, NFC, folding; data files read a cell or value per line (CSV, JSON).
#![no_main]
use canhgac::vietnamese::{self, Legacy};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = vietnamese::decode_bytes(data);
    let _ = vietnamese::detect_legacy(&text);
    let _ = vietnamese::normalise(&text);
    let _ = vietnamese::fold(&text);
    let _ = vietnamese::has_diacritics(&text);
    let lossy = String::from_utf8_lossy(data);
    for l in [Legacy::Tcvn3 { capitals: true }, Legacy::Tcvn3 { capitals: false }, Legacy::Vni] {
        let _ = l.decode(&lossy);
        let _ = l.encode(&lossy);
    }
    let _ = vietnamese::viqr::is_viqr(&lossy);
    let _ = vietnamese::viqr::decode(&lossy);
    let _ = vietnamese::viqr::encode(&lossy);
    let _ = canhgac::extract::table::delimited_text(&text, data.first() == Some(&b'\t'));
    let _ = canhgac::extract::table::json_text(&text);
});
