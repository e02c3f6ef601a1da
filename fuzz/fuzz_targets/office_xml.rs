//! Office and OpenDocument XML to text (quick-xml, no entity expansion), read with the styles
//! the same bytes give as a style part (Word's and OpenDocument's); the same bytes as an XPS
//! page's glyph runs, as an iCalendar invitation, and as an Excel binary workbook's BIFF12 part;
//! and as an OpenDocument manifest whose encrypted parts are the same bytes, opened with the
//! corpus's passwords (the manifest's reader, base64, AES-CBC, Blowfish and the inflater).
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
    let _ = canhgac::extract::office::xps_page_text(data, deadline);
    let _ = canhgac::extract::ical::read(data, &|b| String::from_utf8_lossy(b).into_owned());
    let _ = canhgac::extract::xlsb::part_text(data, deadline);
    // (corpus/sources: ke-hoach-odf-password.odt, bang-ke-odf-blowfish.ods.)
    let mut passwords = canhgac::extract::passwords::Passwords::of_text("Mật khẩu: KH-15/2027 LD@2026".to_owned());
    let parts: [(&str, &[u8]); 2] = [("content.xml", data), ("styles.xml", data)];
    let _ = canhgac::extract::odf_crypt::open(data, &parts, "fuzz.odt", &mut passwords, 1 << 24, 100, deadline);
});
