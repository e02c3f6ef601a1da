//! Office documents: the XML parts of OOXML (`.docx .xlsx .pptx`) and OpenDocument (`.odt
//! .ods`) files reduced to text — body, tables (a cell per line), text boxes, headers and
//! footers, notes, document properties — with runs in legacy Vietnamese fonts (`.VnTime`,
//! `VNI-Times`) decoded. XML documents that declare entities are refused (entity bombs).

use crate::vietnamese::Legacy;
use quick_xml::events::{BytesStart, Event};
use std::time::Instant;

/// What a member of an Office package holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Member {
    /// Body text, tables, text boxes, slides, shared strings, notes.
    Content,
    /// Page headers and footers.
    PageHeader,
    /// Document properties (title, subject, keywords, category…).
    Properties,
    /// Styles: only the default font is read from them.
    Styles,
    /// An embedded file (another document): extracted like an attachment.
    Embedded,
    /// A picture (a scan pasted into a document): read by OCR.
    Media,
}

/// Which members of a package are read, by name.
pub fn member_kind(name: &str) -> Option<Member> {
    let n = name.to_ascii_lowercase();
    let xml = n.ends_with(".xml");
    if n.contains("/embeddings/") {
        return Some(Member::Embedded);
    }
    if n.contains("/media/") || n.starts_with("pictures/") {
        return Some(Member::Media);
    }
    if !xml {
        return None;
    }
    let file = n.rsplit('/').next().unwrap_or(&n);
    Some(match n.as_str() {
        "word/styles.xml" => Member::Styles,
        _ if n.starts_with("docprops/") => Member::Properties,
        "meta.xml" => Member::Properties,
        "styles.xml" => Member::PageHeader,
        "content.xml" => Member::Content,
        _ if n.starts_with("word/") && (file.starts_with("header") || file.starts_with("footer")) => {
            Member::PageHeader
        }
        "word/document.xml" | "word/footnotes.xml" | "word/endnotes.xml" | "word/comments.xml" => {
            Member::Content
        }
        "xl/sharedstrings.xml" => Member::Content,
        _ if n.starts_with("xl/worksheets/sheet") || n.starts_with("xl/comments") => Member::Content,
        _ if n.starts_with("ppt/slides/slide") || n.starts_with("ppt/notesslides/") => Member::Content,
        // What a slide master or layout draws is on every slide that uses it, as a header is
        // on every page (a stamp put there once).
        _ if n.starts_with("ppt/slidemasters/") || n.starts_with("ppt/slidelayouts/") => Member::PageHeader,
        // What is drawn over a worksheet (shapes and text boxes: a stamp laid on a sheet), the
        // text of SmartArt (its data part; the drawing part beside it repeats it) and the titles
        // of charts, in any of the three.
        _ if n.starts_with("xl/drawings/drawing") => Member::Content,
        _ if (n.starts_with("word/") || n.starts_with("xl/") || n.starts_with("ppt/"))
            && (n.contains("/diagrams/data") || n.contains("/charts/chart")) =>
        {
            Member::Content
        }
        // An OpenDocument's embedded object (a chart, a drawing, a formula): `Object 1/content.xml`.
        _ if file == "content.xml" && n.starts_with("object") => Member::Content,
        _ => return None,
    })
}

/// Text taken from one XML part.
#[derive(Debug, Default)]
pub struct XmlText {
    pub text: String,
    /// Some text was TCVN3 in a lower-case font, where capitals cannot carry marks.
    pub tcvn3_lowercase: bool,
}

/// Document property elements (core, app and custom properties; ODF meta): each is a line.
const PROPERTIES: &[&str] = &[
    "title",
    "subject",
    "keywords",
    "description",
    "category",
    "creator",
    "lastModifiedBy",
    "Company",
    "Manager",
    "lpwstr",
];

/// Elements whose end ends a line: paragraphs, headings, cells, shared strings (and properties).
const LINE_ENDS: &[&str] = &[
    "p",
    "h",
    "tc",
    "si",
    "is",
    "table-cell",
    "comment",
    "txbxContent",
    "list-item",
];

/// Elements whose text is not document text (field codes, deleted text, cell formulas and
/// values, the fallback copy of text boxes).
const SKIPPED: &[&str] = &["instrText", "delText", "f", "v", "Fallback", "binData"];

/// Elements whose own text is document text (whitespace between other elements is not), besides
/// the properties.
const TEXT_IN: &[&str] = &["t", "p", "h", "span", "a", "text"];

fn text_in(name: &str) -> bool {
    TEXT_IN.contains(&name) || PROPERTIES.contains(&name)
}

fn decode_xml(data: &[u8]) -> std::borrow::Cow<'_, str> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(data) {
        let (t, _) = enc.decode_without_bom_handling(&data[bom..]);
        return t;
    }
    String::from_utf8_lossy(data)
}

fn font_attr(e: &BytesStart<'_>) -> Option<Legacy> {
    for attr in e.attributes().flatten() {
        let key = attr.key.local_name();
        let key = key.into_inner();
        if matches!(key, "ascii" | "hAnsi" | "typeface" | "font-name" | "cs")
            && let Ok(v) = attr.normalized_value(quick_xml::XmlVersion::Implicit1_0)
            && let Some(l) = Legacy::from_font(&v)
        {
            return Some(l);
        }
    }
    None
}

/// The document's default font, from `word/styles.xml` (`docDefaults`, or the `Normal` style).
pub fn default_font(styles: &[u8]) -> Option<Legacy> {
    let text = decode_xml(styles);
    let mut reader = quick_xml::Reader::from_str(&text);
    let mut in_defaults = false;
    let mut in_normal = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => {
                let name = e.local_name();
                match name.into_inner() {
                    "docDefaults" => in_defaults = true,
                    "style" => {
                        in_normal = e
                            .attributes()
                            .flatten()
                            .any(|a| a.key.local_name().into_inner() == "styleId" && &*a.value == "Normal")
                    }
                    "rFonts" if in_defaults || in_normal => {
                        if let Some(l) = font_attr(&e) {
                            return Some(l);
                        }
                    }
                    _ => {}
                }
            }
            Ok(Event::End(e)) => match e.local_name().into_inner() {
                "docDefaults" => in_defaults = false,
                "style" => in_normal = false,
                _ => {}
            },
            Ok(Event::Eof) | Err(_) => return None,
            _ => {}
        }
    }
}

/// The next event of `reader`; the deadline is looked at every 4,096 events.
fn next_event<'x>(
    reader: &mut quick_xml::Reader<&'x [u8]>,
    events: &mut u32,
    deadline: Instant,
) -> Result<Event<'x>, String> {
    *events = events.wrapping_add(1);
    if events.is_multiple_of(4096) && Instant::now() > deadline {
        return Err("time limit reached while reading XML".to_owned());
    }
    reader
        .read_event()
        .map_err(|e| format!("malformed XML at byte {}: {e}", reader.buffer_position()))
}

/// The text of an Office XML part. `default_font` applies to runs that name no font.
pub fn xml_to_text(data: &[u8], default_font: Option<Legacy>, deadline: Instant) -> Result<XmlText, String> {
    let text = decode_xml(data);
    let mut reader = quick_xml::Reader::from_str(&text);
    let mut out = XmlText::default();
    let mut skip_depth = 0usize;
    let mut run_font: Option<Legacy> = None;
    // The run is shown in capitals whatever was typed (Word's All caps or Small caps, a
    // DrawingML run's `cap`): a stamp typed "Tối mật" in All caps is seen as TỐI MẬT.
    let mut run_caps = false;
    // Names of the open elements (text counts only inside TEXT_IN ones).
    let mut open: Vec<String> = Vec::new();
    let mut events = 0u32;
    loop {
        match next_event(&mut reader, &mut events, deadline)? {
            Event::DocType(d) if d.contains("ENTITY") => {
                return Err("the XML declares entities (a possible entity bomb)".to_owned());
            }
            Event::Start(e) => {
                let name = e.local_name();
                let name = name.into_inner();
                if skip_depth > 0 || SKIPPED.contains(&name) {
                    skip_depth += 1;
                    continue;
                }
                open.push(name.to_owned());
                match name {
                    "r" => (run_font, run_caps) = (None, false),
                    "textpath" => watermark(&e, &mut out, run_font.or(default_font)),
                    "rFonts" | "latin" | "span" => {
                        if let Some(l) = font_attr(&e) {
                            run_font = Some(l);
                        }
                    }
                    "caps" | "smallCaps" | "rPr" => run_caps = caps_attr(&e).unwrap_or(run_caps),
                    _ => {}
                }
            }
            Event::Empty(e) => {
                if skip_depth > 0 {
                    continue;
                }
                match e.local_name().into_inner() {
                    // A watermark (Word's "Custom watermark": a VML text path in the header):
                    // its text is an attribute.
                    "textpath" => watermark(&e, &mut out, run_font.or(default_font)),
                    "tab" => out.text.push('\t'),
                    "br" | "cr" | "line-break" => out.text.push('\n'),
                    "s" => out.text.push(' '),
                    "rFonts" | "latin" => {
                        if let Some(l) = font_attr(&e) {
                            run_font = Some(l);
                        }
                    }
                    "caps" | "smallCaps" | "rPr" => run_caps = caps_attr(&e).unwrap_or(run_caps),
                    _ => {}
                }
            }
            Event::End(e) => {
                let name = e.local_name();
                let name = name.into_inner();
                if skip_depth > 0 {
                    skip_depth -= 1;
                    continue;
                }
                open.pop();
                if (LINE_ENDS.contains(&name) || PROPERTIES.contains(&name)) && !out.text.ends_with('\n') {
                    out.text.push('\n');
                }
                if name == "r" {
                    (run_font, run_caps) = (None, false);
                }
            }
            Event::Text(t) if skip_depth == 0 && open.last().is_some_and(|n| text_in(n)) => {
                push_shown(&mut out, &t.xml10_content(), run_font.or(default_font), run_caps);
            }
            Event::CData(t) if skip_depth == 0 && open.last().is_some_and(|n| text_in(n)) => {
                push_shown(&mut out, &t.xml10_content(), run_font.or(default_font), run_caps);
            }
            Event::GeneralRef(r) => {
                if skip_depth > 0 {
                    continue;
                }
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => super::html::entity(&r),
                };
                if let Some(c) = c {
                    push_shown(
                        &mut out,
                        c.encode_utf8(&mut [0; 4]),
                        run_font.or(default_font),
                        run_caps,
                    );
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// The text of an XML file that is not part of an Office package (an electronic document
/// exchanged between agencies, an SVG drawing): every text node and CDATA section, each
/// element's text on a line of its own. Entities the document declares are not expanded (no
/// bomb can go off); character references and the HTML ones are. Malformed XML is an error
/// (the caller reads it as plain text instead).
pub fn plain_xml_text(data: &[u8], deadline: Instant) -> Result<String, String> {
    let text = decode_xml(data);
    let mut reader = quick_xml::Reader::from_str(&text);
    let mut out = String::new();
    let mut events = 0u32;
    loop {
        match next_event(&mut reader, &mut events, deadline)? {
            Event::Start(_) | Event::End(_) | Event::Empty(_) if !out.is_empty() && !out.ends_with('\n') => {
                out.push('\n');
            }
            Event::Text(t) => {
                let t = t.xml10_content();
                if !t.trim().is_empty() {
                    out.push_str(&t);
                }
            }
            Event::CData(t) => out.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => super::html::entity(&r),
                };
                if let Some(c) = c {
                    out.push(c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// The page headers and footers a worksheet prints (`<headerFooter>`: `&C&"Times New
/// Roman,Bold"MẬT`), each section (left, centre, right) on a line of its own, without the
/// formatting and field codes (see [`header_text`]).
pub fn sheet_headers(data: &[u8], deadline: Instant) -> String {
    const PARTS: [&str; 6] = [
        "oddHeader",
        "oddFooter",
        "evenHeader",
        "evenFooter",
        "firstHeader",
        "firstFooter",
    ];
    let text = decode_xml(data);
    let mut reader = quick_xml::Reader::from_str(&text);
    let mut out = String::new();
    // The code of the header or footer being read (its `&amp;` resolved).
    let mut code: Option<String> = None;
    let mut events = 0u32;
    loop {
        match next_event(&mut reader, &mut events, deadline) {
            Ok(Event::Start(e)) if PARTS.contains(&e.local_name().into_inner()) => code = Some(String::new()),
            Ok(Event::End(_)) => {
                if let Some(c) = code.take() {
                    out.push_str(&header_text(&c));
                    if !out.is_empty() && !out.ends_with('\n') {
                        out.push('\n');
                    }
                }
            }
            Ok(Event::Text(t)) => {
                if let Some(c) = &mut code {
                    c.push_str(&t.xml10_content());
                }
            }
            Ok(Event::GeneralRef(r)) => {
                let ch = match r.resolve_char_ref() {
                    Ok(Some(ch)) => Some(ch),
                    _ => super::html::entity(&r),
                };
                if let (Some(c), Some(ch)) = (&mut code, ch) {
                    c.push(ch);
                }
            }
            Ok(Event::Eof) | Err(_) => return out,
            _ => {}
        }
    }
}

/// A header's or footer's text as Excel writes it (a worksheet's `headerFooter`, a legacy
/// workbook's HEADER and FOOTER records) without its codes, a section a line: `&L`, `&C`, `&R`
/// start a section; `&"font"`, `&14`, `&KRRGGBB` and fields (`&P`, `&D`…) are left out; `&&`
/// is `&`.
pub fn header_text(code: &str) -> String {
    let mut out = String::new();
    let mut chars = code.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '&' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('&') => out.push('&'),
            Some('L' | 'C' | 'R') if !out.is_empty() && !out.ends_with('\n') => out.push('\n'),
            Some('"') => {
                for c in chars.by_ref() {
                    if c == '"' {
                        break;
                    }
                }
            }
            Some(d) if d.is_ascii_digit() => {
                while chars.peek().is_some_and(char::is_ascii_digit) {
                    chars.next();
                }
            }
            Some('K') => {
                for _ in 0..6 {
                    chars.next();
                }
            }
            _ => {}
        }
    }
    out
}

/// A watermark's text (Word's "Custom watermark": a VML text path in the header, its text the
/// `string` attribute), on a line of its own.
fn watermark(e: &BytesStart<'_>, out: &mut XmlText, font: Option<Legacy>) {
    let Some(v) = e.attributes().flatten().find_map(|a| {
        (a.key.local_name().into_inner() == "string")
            .then(|| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
            .flatten()
    }) else {
        return;
    };
    if !out.text.is_empty() && !out.text.ends_with('\n') {
        out.text.push('\n');
    }
    push_run(out, &v, font);
    out.text.push('\n');
}

/// Whether an element turns capitals on or off for its run: Word's `<w:caps/>` and
/// `<w:smallCaps/>` (on unless `w:val` is false, 0 or off), a DrawingML run's `cap="all"` or
/// `"small"` (`"none"`: off); None when it says nothing about them.
fn caps_attr(e: &BytesStart<'_>) -> Option<bool> {
    let attr = |key: &str| {
        e.attributes().flatten().find_map(|a| {
            (a.key.local_name().into_inner() == key)
                .then(|| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
                .flatten()
        })
    };
    if e.local_name().into_inner() == "rPr" {
        return attr("cap").map(|v| v != "none");
    }
    Some(attr("val").is_none_or(|v| !matches!(v.as_ref(), "false" | "0" | "off")))
}

/// [`push_run`] of text shown in capitals when `caps` (after legacy bytes are decoded).
fn push_shown(out: &mut XmlText, text: &str, font: Option<Legacy>, caps: bool) {
    if !caps {
        return push_run(out, text, font);
    }
    let mut run = XmlText::default();
    push_run(&mut run, text, font);
    out.tcvn3_lowercase |= run.tcvn3_lowercase;
    out.text.push_str(&run.text.to_uppercase());
}

/// Appends a run of text typed in `font`: legacy bytes decoded, `.VnTimeH` read as capitals.
pub(super) fn push_run(out: &mut XmlText, text: &str, font: Option<Legacy>) {
    match font {
        Some(l) if !text.is_ascii() => {
            if l == (Legacy::Tcvn3 { capitals: false }) {
                out.tcvn3_lowercase = true;
            }
            out.text.push_str(&l.decode(text));
        }
        Some(Legacy::Tcvn3 { capitals: true }) => out.text.push_str(&text.to_uppercase()),
        _ => out.text.push_str(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::test_deadline as later;

    #[test]
    fn docx_runs_cells_and_legacy_fonts() {
        let xml = r#"<?xml version="1.0"?><w:document xmlns:w="w" xmlns:mc="mc"><w:body>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>UBND TỈNH</w:t></w:r></w:p></w:tc>
            <w:tc><w:p><w:r><w:rPr><w:rFonts w:ascii=".VnTimeH" w:hAnsi=".VnTimeH"/></w:rPr><w:t>TèI MËT</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:p><w:r><w:t xml:space="preserve">Kính </w:t></w:r><w:r><w:t>gửi</w:t></w:r><w:r><w:instrText>HYPERLINK x</w:instrText></w:r></w:p>
            <mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>MẬT</w:t></w:r></w:p></w:txbxContent></mc:Choice>
            <mc:Fallback><w:txbxContent><w:p><w:r><w:t>MẬT</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent>
            <w:p><w:r><w:rPr><w:rFonts w:ascii="VNI-Times"/></w:rPr><w:t>Ñoäc laäp &amp; Töï do</w:t></w:r></w:p>
            </w:body></w:document>"#;
        let t = xml_to_text(xml.as_bytes(), None, later()).expect("reads");
        let lines: Vec<&str> = t.text.lines().collect();
        assert_eq!(
            lines,
            vec!["UBND TỈNH", "TỐI MẬT", "Kính gửi", "MẬT", "Độc lập & Tự do"],
            "{t:?}"
        );
    }

    /// Word's text watermark is a VML text path whose text is its `string` attribute.
    #[test]
    fn a_watermark_s_text_is_read() {
        let header = r##"<w:hdr xmlns:w="w" xmlns:v="v"><w:p><w:r><w:pict><v:shape type="#_x0000_t136"><v:textpath style="font-family:&quot;Times New Roman&quot;" string="TỐI MẬT"/></v:shape></w:pict></w:r><w:r><w:t>Trang 1</w:t></w:r></w:p></w:hdr>"##;
        let t = xml_to_text(header.as_bytes(), None, later()).expect("reads");
        assert_eq!(
            t.text.lines().collect::<Vec<_>>(),
            vec!["TỐI MẬT", "Trang 1"],
            "{t:?}"
        );
    }

    #[test]
    fn default_font_from_styles() {
        let styles = r#"<w:styles xmlns:w="w"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>"#;
        let font = default_font(styles.as_bytes());
        assert_eq!(font, Some(Legacy::Tcvn3 { capitals: false }));
        let t =
            xml_to_text(b"<w:p><w:r><w:t>Kinh g\xc3\xb6i</w:t></w:r></w:p>", font, later()).expect("reads");
        assert_eq!(t.text.trim(), "Kinh gửi");
        assert!(t.tcvn3_lowercase);
    }

    #[test]
    fn entity_declarations_and_garbage_are_refused() {
        let bomb = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><w:t>&lol2;</w:t>"#;
        let err = xml_to_text(bomb.as_bytes(), None, later()).expect_err("refused");
        assert!(err.contains("entit"), "{err}");
        assert!(xml_to_text(b"<a><b></a>", None, later()).is_err());
    }

    /// Text typed in small letters and shown in capitals (Word's All caps and Small caps, a
    /// DrawingML run's `cap`) is read as shown; turned off, or on another run, it is not.
    #[test]
    fn runs_shown_in_capitals_are_read_in_capitals() {
        let docx = r#"<w:document xmlns:w="w"><w:body>
            <w:p><w:r><w:rPr><w:caps/></w:rPr><w:t>Tối mật</w:t></w:r></w:p>
            <w:p><w:r><w:rPr><w:smallCaps w:val="1"/><w:b/></w:rPr><w:t>Mật</w:t></w:r><w:r><w:t> và thường</w:t></w:r></w:p>
            <w:p><w:r><w:rPr><w:caps w:val="false"/></w:rPr><w:t>bảo mật</w:t></w:r></w:p>
            </w:body></w:document>"#;
        let t = xml_to_text(docx.as_bytes(), None, later()).expect("reads");
        assert_eq!(t.text, "TỐI MẬT\nMẬT và thường\nbảo mật\n");
        let slide = r#"<p:sld xmlns:p="p" xmlns:a="a"><p:txBody><a:p><a:r><a:rPr lang="vi-VN" cap="all"/><a:t>Tuyệt mật</a:t></a:r></a:p><a:p><a:r><a:rPr cap="none"/><a:t>mật ong</a:t></a:r><a:r><a:rPr lang="vi-VN"/><a:t> rừng</a:t></a:r></a:p></p:txBody></p:sld>"#;
        let t = xml_to_text(slide.as_bytes(), None, later()).expect("reads");
        assert_eq!(t.text, "TUYỆT MẬT\nmật ong rừng\n");
    }

    /// A worksheet's printed header and footer, codes left out, a section a line; an escaped
    /// `&` read as the start of a code. Slide masters and layouts are read as headers.
    #[test]
    fn sheet_headers_and_slide_masters_are_read_as_page_headers() {
        let sheet = r#"<worksheet><sheetData/><headerFooter><oddHeader>&amp;L&amp;"Times New Roman,Bold"&amp;14UBND TỈNH&amp;C&amp;KFF0000MẬT&amp;R&amp;P / &amp;N</oddHeader><oddFooter>&amp;CAT &amp;&amp; T</oddFooter></headerFooter></worksheet>"#;
        assert_eq!(
            sheet_headers(sheet.as_bytes(), later()),
            "UBND TỈNH\nMẬT\n / \nAT & T\n"
        );
        assert_eq!(sheet_headers(b"<worksheet><sheetData/></worksheet>", later()), "");
        assert_eq!(
            member_kind("ppt/slideMasters/slideMaster1.xml"),
            Some(Member::PageHeader)
        );
        assert_eq!(
            member_kind("ppt/slideLayouts/slideLayout2.xml"),
            Some(Member::PageHeader)
        );
    }

    /// Shapes over a worksheet, SmartArt and charts are read as content; the drawing part that
    /// repeats SmartArt's text, chart styles and an embedded object's styles are not.
    #[test]
    fn drawings_smartart_charts_and_embedded_objects_are_content() {
        for name in [
            "xl/drawings/drawing1.xml",
            "word/diagrams/data1.xml",
            "ppt/diagrams/data2.xml",
            "xl/charts/chart1.xml",
            "word/charts/chart3.xml",
            "Object 1/content.xml",
        ] {
            assert_eq!(member_kind(name), Some(Member::Content), "{name}");
        }
        for name in [
            "word/diagrams/drawing1.xml",
            "word/diagrams/layout1.xml",
            "xl/charts/style1.xml",
            "xl/drawings/_rels/drawing1.xml.rels",
            "Object 1/styles.xml",
        ] {
            assert_eq!(member_kind(name), None, "{name}");
        }
        // A text box over a sheet: DrawingML paragraphs, a line each.
        let drawing = r#"<xdr:wsDr xmlns:xdr="x" xmlns:a="a"><xdr:twoCellAnchor><xdr:sp><xdr:txBody><a:bodyPr/><a:p><a:r><a:t>TUYỆT MẬT</a:t></a:r></a:p><a:p><a:r><a:t>Bản số: 02</a:t></a:r></a:p></xdr:txBody></xdr:sp></xdr:twoCellAnchor></xdr:wsDr>"#;
        let t = xml_to_text(drawing.as_bytes(), None, later()).expect("reads");
        assert_eq!(t.text, "TUYỆT MẬT\nBản số: 02\n");
    }

    #[test]
    fn spreadsheet_values_and_formulas_are_not_text() {
        let xml = r#"<worksheet><sheetData><row><c t="s"><v>3</v></c><c t="inlineStr"><is><t>TỐI MẬT</t></is></c><c><f>SUM(A1)</f><v>7</v></c></row></sheetData></worksheet>"#;
        let t = xml_to_text(xml.as_bytes(), None, later()).expect("reads");
        assert_eq!(t.text, "TỐI MẬT\n");
    }
}
