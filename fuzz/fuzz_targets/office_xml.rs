//! Office and OpenDocument XML to text (quick-xml, no entity expansion), read with the styles
//! the same bytes give as a style part (Word's and OpenDocument's); the same bytes as an XPS
//! page's glyph runs, as an iCalendar invitation, and as an Excel binary workbook's BIFF12 part.
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
});
