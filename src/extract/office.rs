//! Office documents: the XML parts of OOXML (`.docx .xlsx .pptx`, Visio's `.vsdx` pages) and
//! OpenDocument (`.odt .ods`) files reduced to text — body, tables (a cell per line), text
//! boxes, headers and footers, notes, comments, document properties — with runs in legacy
//! Vietnamese fonts (`.VnTime`, `VNI-Times`) decoded; which parts are read, and which are files
//! of their own (embedded objects, pictures, what a `.docx` imports whole), is [`member_kind`].
//! XML documents that declare entities are refused (entity bombs).

use crate::vietnamese::Legacy;
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;
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
    /// Word's styles: read first, for the fonts and capitals they give (see [`Styles`]).
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
    // An XPS document's pages (fixed pages: glyph runs, [`xps_page_text`]).
    if n.ends_with(".fpage") {
        return Some(Member::Content);
    }
    // An Excel binary workbook's shared strings, worksheets and comments (BIFF12 records,
    // [`super::xlsb`]).
    if n.ends_with(".bin")
        && (n == "xl/sharedstrings.bin"
            || n.starts_with("xl/worksheets/sheet")
            || n.starts_with("xl/comments"))
    {
        return Some(Member::Content);
    }
    let file = n.rsplit('/').next().unwrap_or(&n);
    // A file Word imports whole into the document where a `w:altChunk` stands (a web page, a
    // web archive, RTF, plain text or another .docx, as web applications export «Word» files):
    // read as a file of its own.
    if n.starts_with("word/")
        && file.rsplit_once('.').is_some_and(|(_, ext)| {
            matches!(
                ext,
                "mht"
                    | "mhtml"
                    | "htm"
                    | "html"
                    | "xhtml"
                    | "rtf"
                    | "txt"
                    | "docx"
                    | "docm"
                    | "dotx"
                    | "dotm"
            )
        })
    {
        return Some(Member::Embedded);
    }
    if !xml {
        return None;
    }
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
        // Word's main part under another name (`word/document2.xml`: the package's
        // relationships name the main part, not its name).
        _ if n.starts_with("word/document") => Member::Content,
        "xl/sharedstrings.xml" => Member::Content,
        _ if n.starts_with("xl/worksheets/sheet") || n.starts_with("xl/comments") => Member::Content,
        _ if n.starts_with("ppt/slides/slide") || n.starts_with("ppt/notesslides/") => Member::Content,
        // Comments on slides (PowerPoint's own and its modern ones), a workbook's threaded
        // comments (Excel 365 writes them beside the legacy notes, some tools alone).
        _ if n.starts_with("ppt/comments/") || n.starts_with("xl/threadedcomments/") => Member::Content,
        // A Visio drawing's pages (each shape's `Text`).
        _ if n.starts_with("visio/pages/page") => Member::Content,
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
    "cm",
    "Text",
    "list-item",
];

/// Elements whose text is not document text (field codes, deleted ones too, cell formulas and
/// values, the fallback copy of text boxes).
const SKIPPED: &[&str] = &["instrText", "delInstrText", "f", "v", "Fallback", "binData"];

/// Elements whose own text is document text (whitespace between other elements is not), besides
/// the properties. Text deleted with Track Changes on (`w:delText`) is read where it stood: the
/// file carries it, LibreOffice shows it struck through, Word's All Markup too, and one click
/// (Reject All) puts it back — a stamp deleted from a draft still travels with it, as an
/// OpenDocument file's deletions (`text:deletion`, paragraphs) are read.
const TEXT_IN: &[&str] = &["t", "delText", "p", "h", "span", "a", "text", "Text"];

fn text_in(name: &str) -> bool {
    TEXT_IN.contains(&name) || PROPERTIES.contains(&name)
}

fn decode_xml(data: &[u8]) -> std::borrow::Cow<'_, str> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(data) {
        let (t, _) = enc.decode_without_bom_handling(&data[bom..]);
        return t;
    }
    // Valid UTF-8 (nearly every part) is checked by the fast validator; the lossy one, which
    // walks the bytes in chunks, only for a part that is not.
    match std::str::from_utf8(data) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(data),
    }
}

/// The font a run's font element names (Word's `rFonts`, DrawingML's `latin`): `Some(None)` for
/// a font that is not a legacy one, None when it names none for Latin text. A legacy font named
/// for any script counts (Word uses the "other" font for a legacy font's Vietnamese letters).
fn font_attr(e: &BytesStart<'_>) -> Option<Option<Legacy>> {
    let mut named = false;
    for attr in e.attributes().with_checks(false).flatten() {
        let key = attr.key.local_name();
        let key = key.into_inner();
        if !matches!(key, "ascii" | "hAnsi" | "typeface" | "font-name" | "cs") {
            continue;
        }
        named |= key != "cs";
        if let Ok(v) = attr.normalized_value(quick_xml::XmlVersion::Implicit1_0)
            && let Some(l) = Legacy::from_font(&v)
        {
            return Some(Some(l));
        }
    }
    named.then_some(None)
}

/// How a run is shown, as far as reading it goes: its font (`Some(None)`: a font that is not a
/// legacy one; `None`: not said here) and whether it is drawn in capitals whatever was typed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shown {
    pub font: Option<Option<Legacy>>,
    pub caps: Option<bool>,
}

impl Shown {
    /// What `self` says, and what it leaves unsaid from `base`.
    fn over(self, base: Shown) -> Shown {
        Shown {
            font: self.font.or(base.font),
            caps: self.caps.or(base.caps),
        }
    }
}

/// The key of the document's defaults in [`Styles`] (no style is named so).
const DEFAULTS: &str = "\u{0}defaults";

/// How long a chain of base styles is followed (a loop in it ends there).
const MAX_STYLE_DEPTH: usize = 16;

/// A package's styles, as far as they change how text is read: Word's paragraph and character
/// styles (`word/styles.xml`, by `styleId`, each with its `basedOn`) and OpenDocument's (by family
/// and name, each with its parent; the common ones in `styles.xml`, the automatic ones in the
/// part that uses them), their fonts and capitals, and the document's defaults. A stamp typed
/// «Tối mật» in a style drawn in capitals shows TỐI MẬT; a paragraph style in `.VnTimeH` holds
/// TCVN3 bytes.
#[derive(Debug, Clone, Default)]
pub struct Styles {
    named: HashMap<String, (Option<String>, Shown)>,
    /// OpenDocument's font faces: a face's name → its family (what a style names).
    faces: HashMap<String, String>,
    /// Word's default paragraph style (`w:default="1"`), applied where a paragraph names none.
    default_paragraph: Option<String>,
    /// A workbook's cell formats (`xl/styles.xml`'s `cellXfs`): each one's font.
    cell_fonts: Vec<Option<Legacy>>,
    /// The font each shared string is shown in: that of the first cell showing it (looked up
    /// only when some cell format's font is a legacy one).
    shared_fonts: HashMap<u32, Option<Legacy>>,
}

impl Styles {
    /// The styles of a package's style parts: `word/styles.xml`, OpenDocument's `styles.xml`
    /// (its common styles: its automatic ones belong to its own headers and are read with them).
    /// And a workbook's cell fonts (`xl/styles.xml`), with the font each shared string is
    /// shown in when some of them are legacy ones (its cells looked up in the worksheets).
    pub fn of_package<'m>(
        members: impl Iterator<Item = (&'m str, &'m [u8])> + Clone,
        deadline: Instant,
    ) -> Styles {
        let mut styles = Styles::default();
        for (name, bytes) in members.clone() {
            let n = name.to_ascii_lowercase();
            // A part that cannot be read gives no styles; its text is still read, and the error
            // reported, when the part itself is read as text.
            if n == "word/styles.xml" || n == "styles.xml" {
                let _ = styles.read(bytes, deadline);
            } else if n == "xl/styles.xml" {
                styles.cell_fonts = cell_fonts(bytes, deadline).unwrap_or_default();
            }
        }
        if styles.cell_fonts.iter().any(Option::is_some) {
            for (name, bytes) in members {
                if name.to_ascii_lowercase().starts_with("xl/worksheets/sheet") {
                    let _ = styles.shared_string_fonts(bytes, deadline);
                }
            }
        }
        styles
    }

    /// Notes the font of each shared string a worksheet's cells show (`<c s="3" t="s"><v>12</v>`),
    /// where no cell before showed it.
    fn shared_string_fonts(&mut self, sheet: &[u8], deadline: Instant) -> Result<(), String> {
        let text = decode_xml(sheet);
        let mut reader = quick_xml::Reader::from_str(&text);
        let mut events = 0u32;
        // The open cell's format when it shows a shared string, and whether its value is open.
        let mut cell: Option<usize> = None;
        let mut in_value = false;
        loop {
            match next_event(&mut reader, &mut events, deadline)? {
                Event::Start(e) if e.local_name().into_inner() == "c" => {
                    cell = (attr_value(&e, "t").as_deref() == Some("s"))
                        .then(|| attr_value(&e, "s").and_then(|v| v.parse().ok()).unwrap_or(0));
                }
                Event::Start(e) if e.local_name().into_inner() == "v" => in_value = cell.is_some(),
                Event::End(e) if e.local_name().into_inner() == "v" => in_value = false,
                Event::End(e) if e.local_name().into_inner() == "c" => cell = None,
                Event::Text(t) if in_value => {
                    if let (Some(xf), Ok(k)) = (cell, t.xml10_content().trim().parse::<u32>()) {
                        let font = self.cell_fonts.get(xf).copied().flatten();
                        self.shared_fonts.entry(k).or_insert(font);
                    }
                }
                Event::Eof => return Ok(()),
                _ => {}
            }
        }
    }

    fn read(&mut self, data: &[u8], deadline: Instant) -> Result<(), String> {
        let text = decode_xml(data);
        let mut reader = quick_xml::Reader::from_str(&text);
        let mut recorder = StyleRecorder::default();
        let mut automatic = 0usize;
        let mut events = 0u32;
        loop {
            let event = next_event(&mut reader, &mut events, deadline)?;
            match &event {
                Event::Start(e) if e.local_name().into_inner() == "automatic-styles" => automatic += 1,
                Event::End(e) if e.local_name().into_inner() == "automatic-styles" => {
                    automatic = automatic.saturating_sub(1)
                }
                // What follows the styles (OpenDocument's page masters, their headers) is read
                // with the part's text.
                Event::Start(e) if e.local_name().into_inner() == "master-styles" => return Ok(()),
                Event::Eof => return Ok(()),
                _ if automatic > 0 => {}
                _ => recorder.event(&event, self, &Styles::default()),
            }
        }
    }

    /// How a style shows its runs: its own properties over its bases'. `local` (a part's
    /// automatic styles) is looked in first.
    fn resolve(&self, local: &Styles, key: &str) -> Shown {
        let mut shown = Shown::default();
        let mut key = key.to_owned();
        for _ in 0..MAX_STYLE_DEPTH {
            let Some((parent, own)) = local.named.get(&key).or_else(|| self.named.get(&key)) else {
                break;
            };
            shown = shown.over(*own);
            if shown.font.is_some() && shown.caps.is_some() {
                break;
            }
            match parent {
                Some(p) if *p != key => key = p.clone(),
                _ => break,
            }
        }
        shown
    }

    /// The document's defaults: its default paragraph style (Word's, else one named `Normal`)
    /// over the defaults proper (Word's `docDefaults`, OpenDocument's default paragraph style).
    fn defaults(&self, local: &Styles) -> Shown {
        let normal = self.default_paragraph.as_deref().unwrap_or("Normal");
        self.resolve(local, normal).over(self.resolve(local, DEFAULTS))
    }

    /// The legacy font a font name implies, an OpenDocument face's name looked up first.
    fn font(&self, local: &Styles, name: &str) -> Option<Legacy> {
        let family = local.faces.get(name).or_else(|| self.faces.get(name));
        family
            .and_then(|f| Legacy::from_font(f.trim_matches(['\'', '"'])))
            .or_else(|| Legacy::from_font(name))
    }
}

/// A workbook's cell formats' fonts (`xl/styles.xml`: the `name` of each font in `fonts`, the
/// `fontId` of each `xf` in `cellXfs`).
fn cell_fonts(data: &[u8], deadline: Instant) -> Result<Vec<Option<Legacy>>, String> {
    let text = decode_xml(data);
    let mut reader = quick_xml::Reader::from_str(&text);
    let mut events = 0u32;
    let mut fonts: Vec<Option<Legacy>> = Vec::new();
    let mut formats: Vec<usize> = Vec::new();
    // The list being read: `fonts` or `cellXfs` (not the cell styles' or differential ones).
    let mut list = "";
    loop {
        match next_event(&mut reader, &mut events, deadline)? {
            Event::Start(e) | Event::Empty(e) => match (list, e.local_name().into_inner()) {
                (_, "fonts") => list = "fonts",
                (_, "cellXfs") => list = "cellXfs",
                ("fonts", "font") => fonts.push(None),
                ("fonts", "name") => {
                    if let (Some(last), Some(name)) = (fonts.last_mut(), attr_value(&e, "val")) {
                        *last = Legacy::from_font(&name);
                    }
                }
                ("cellXfs", "xf") => {
                    formats.push(attr_value(&e, "fontId").and_then(|v| v.parse().ok()).unwrap_or(0))
                }
                _ => {}
            },
            Event::End(e) if matches!(e.local_name().into_inner(), "fonts" | "cellXfs") => list = "",
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(formats
        .into_iter()
        .map(|f| fonts.get(f).copied().flatten())
        .collect())
}

/// The value of an element's attribute named `key` (any prefix).
fn attr_value(e: &BytesStart<'_>, key: &str) -> Option<String> {
    attr_values(e, [key]).into_iter().next().flatten()
}

/// The values of an element's attributes named `keys` (any prefix), in one pass over its
/// attributes (without quick-xml's check for duplicates, which costs a pass per attribute:
/// OpenDocument's text properties carry a dozen).
pub(crate) fn attr_values<const N: usize>(e: &BytesStart<'_>, keys: [&str; N]) -> [Option<String>; N] {
    let mut out: [Option<String>; N] = std::array::from_fn(|_| None);
    for a in e.attributes().with_checks(false).flatten() {
        let key = a.key.local_name();
        if let Some(i) = keys.iter().position(|k| *k == key.into_inner())
            && out[i].is_none()
        {
            out[i] = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned());
        }
    }
    out
}

/// Records style definitions as their elements go by (in a style part, or in the automatic
/// styles at the top of an OpenDocument part).
#[derive(Debug, Default)]
struct StyleRecorder {
    /// The style being read: its key, its base, what it says so far.
    open: Option<(String, Option<String>, Shown)>,
}

impl StyleRecorder {
    /// Takes in one event; `shared` is where faces and bases not in `into` are looked up.
    fn event(&mut self, event: &Event<'_>, into: &mut Styles, shared: &Styles) {
        match event {
            Event::Start(e) => self.start(e, into, shared, false),
            Event::Empty(e) => self.start(e, into, shared, true),
            Event::End(e) => {
                if matches!(
                    e.local_name().into_inner(),
                    "style" | "default-style" | "docDefaults"
                ) {
                    self.close(into);
                }
            }
            _ => {}
        }
    }

    fn close(&mut self, into: &mut Styles) {
        if let Some((key, parent, shown)) = self.open.take() {
            into.named.insert(key, (parent, shown));
        }
    }

    fn start(&mut self, e: &BytesStart<'_>, into: &mut Styles, shared: &Styles, empty: bool) {
        match e.local_name().into_inner() {
            // Word: <w:style w:type="paragraph" w:styleId="Stamp" w:default="1">.
            // OpenDocument: <style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard">.
            "style" => {
                self.close(into);
                let [id, default, kind, name, family, parent] = attr_values(
                    e,
                    [
                        "styleId",
                        "default",
                        "type",
                        "name",
                        "family",
                        "parent-style-name",
                    ],
                );
                if let Some(id) = id {
                    if default.is_some_and(|v| v == "1" || v == "true")
                        && kind.as_deref() == Some("paragraph")
                    {
                        into.default_paragraph = Some(id.clone());
                    }
                    self.open = Some((id, None, Shown::default()));
                } else if let (Some(name), Some(family)) = (name, family) {
                    let parent = parent.map(|p| format!("{family}:{p}"));
                    self.open = Some((format!("{family}:{name}"), parent, Shown::default()));
                }
                if empty {
                    self.close(into);
                }
            }
            "docDefaults" => self.open = Some((DEFAULTS.to_owned(), None, Shown::default())),
            "default-style" if attr_value(e, "family").as_deref() == Some("paragraph") => {
                self.open = Some((DEFAULTS.to_owned(), None, Shown::default()));
                if empty {
                    self.close(into);
                }
            }
            // <style:font-face style:name="VnTime" svg:font-family="'.VnTime'"/>
            "font-face" => {
                if let [Some(name), Some(family)] = attr_values(e, ["name", "font-family"]) {
                    into.faces.insert(name, family);
                }
            }
            name => {
                let Some((_, parent, shown)) = &mut self.open else {
                    return;
                };
                match name {
                    "basedOn" => *parent = attr_value(e, "val"),
                    "rFonts" => shown.font = font_attr(e).or(shown.font),
                    "caps" | "smallCaps" => shown.caps = caps_attr(e).or(shown.caps),
                    "text-properties" => {
                        let odf = odf_shown(e, shared, into);
                        *shown = odf.over(*shown);
                    }
                    _ => {}
                }
            }
        }
    }
}

/// What an OpenDocument `<style:text-properties>` says: its font (`style:font-name`, a face)
/// and capitals (`fo:text-transform="uppercase"`, `fo:font-variant="small-caps"`).
fn odf_shown(e: &BytesStart<'_>, styles: &Styles, local: &Styles) -> Shown {
    let [transform, variant, font] = attr_values(e, ["text-transform", "font-variant", "font-name"]);
    Shown {
        font: font.map(|n| styles.font(local, &n)),
        caps: transform
            .map(|v| v == "uppercase")
            .or(variant.map(|v| v == "small-caps")),
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

/// The text of an Office XML part, read with the package's `styles` (and, in an OpenDocument
/// part, the automatic styles at its top).
pub fn xml_to_text(data: &[u8], styles: &Styles, deadline: Instant) -> Result<XmlText, String> {
    let text = decode_xml(data);
    let mut reader = quick_xml::Reader::from_str(&text);
    let mut out = XmlText::default();
    let mut skip_depth = 0usize;
    // The part's own styles (OpenDocument's automatic styles and font faces at its top; the
    // common ones are in `styles`), and the recorder reading them as they go by.
    let mut local = Styles::default();
    let mut recorder = StyleRecorder::default();
    let mut automatic = 0usize;
    let defaults = styles.defaults(&local);
    // How the text is shown, from the nearest: the run's direct formatting (a font, Word's All
    // caps or Small caps, a DrawingML run's `cap`: a stamp typed "Tối mật" in All caps is seen as
    // TỐI MẬT), the run's character style (Word's `rStyle`), the OpenDocument styles of the
    // elements it is in (spans, paragraphs, cells), the paragraph's style (Word's `pStyle`), the
    // document's defaults.
    let mut run = Shown::default();
    let mut run_style = Shown::default();
    // The paragraphs open (a text box's inside a paragraph of the body), and shared strings'
    // and cells' fonts, innermost last.
    let mut paragraphs: Vec<Shown> = Vec::new();
    let mut odf: Vec<(usize, Shown)> = Vec::new();
    // The next shared string's index (a workbook's `sst`).
    let mut shared_string = 0u32;
    // Names of the open elements (text counts only inside TEXT_IN ones).
    let mut open: Vec<String> = Vec::new();
    let mut events = 0u32;
    loop {
        let event = next_event(&mut reader, &mut events, deadline)?;
        if skip_depth == 0 {
            let name = match &event {
                Event::Start(e) | Event::Empty(e) => e.local_name().into_inner(),
                Event::End(e) => e.local_name().into_inner(),
                _ => "",
            };
            match (&event, name) {
                (Event::Start(_), "automatic-styles") => automatic += 1,
                (Event::End(_), "automatic-styles") => automatic = automatic.saturating_sub(1),
                (_, "font-face") => recorder.event(&event, &mut local, styles),
                _ if automatic > 0 => recorder.event(&event, &mut local, styles),
                _ => {}
            }
        }
        let shown = |run: Shown, run_style: Shown, odf: &[(usize, Shown)], paragraphs: &[Shown]| {
            let s = run
                .over(run_style)
                .over(odf.last().map_or_else(Shown::default, |(_, s)| *s))
                .over(paragraphs.last().copied().unwrap_or_default())
                .over(defaults);
            (s.font.flatten(), s.caps.unwrap_or(false))
        };
        match event {
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
                if let Some(style) = odf_style_key(&e) {
                    let base = odf.last().map_or_else(Shown::default, |(_, s)| *s);
                    odf.push((open.len(), styles.resolve(&local, &style).over(base)));
                }
                match name {
                    "r" => (run, run_style) = (Shown::default(), Shown::default()),
                    "p" => paragraphs.push(Shown::default()),
                    // A shared string, in the font of the cells that show it; a worksheet's
                    // cell (its inline string), in its format's font.
                    "si" => {
                        let font = styles.shared_fonts.get(&shared_string).copied();
                        shared_string = shared_string.saturating_add(1);
                        paragraphs.push(Shown { font, caps: None });
                    }
                    "c" => {
                        let xf: usize = attr_value(&e, "s").and_then(|v| v.parse().ok()).unwrap_or(0);
                        let font = styles.cell_fonts.get(xf).copied();
                        paragraphs.push(Shown { font, caps: None });
                    }
                    "textpath" => {
                        let (font, _) = shown(run, run_style, &odf, &paragraphs);
                        watermark(&e, &mut out, font)
                    }
                    "rFonts" | "latin" | "span" => run.font = font_attr(&e).or(run.font),
                    "caps" | "smallCaps" | "rPr" => run.caps = caps_attr(&e).or(run.caps),
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
                    "textpath" => {
                        let (font, _) = shown(run, run_style, &odf, &paragraphs);
                        watermark(&e, &mut out, font)
                    }
                    "si" => shared_string = shared_string.saturating_add(1),
                    "tab" => out.text.push('\t'),
                    "br" | "cr" | "line-break" => out.text.push('\n'),
                    "s" => out.text.push(' '),
                    "rFonts" | "latin" => run.font = font_attr(&e).or(run.font),
                    // A rich-text run of a spreadsheet's string: <rPr><rFont val=".VnTimeH"/>.
                    "rFont" => {
                        if let Some(name) = attr_value(&e, "val") {
                            run.font = Some(Legacy::from_font(&name));
                        }
                    }
                    "caps" | "smallCaps" | "rPr" => run.caps = caps_attr(&e).or(run.caps),
                    "pStyle" => {
                        if let Some(id) = attr_value(&e, "val")
                            && let Some(p) = paragraphs.last_mut()
                        {
                            *p = styles.resolve(&local, &id);
                        }
                    }
                    "rStyle" => {
                        if let Some(id) = attr_value(&e, "val") {
                            run_style = styles.resolve(&local, &id);
                        }
                    }
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
                if odf.last().is_some_and(|(depth, _)| *depth == open.len()) {
                    odf.pop();
                }
                open.pop();
                if (LINE_ENDS.contains(&name) || PROPERTIES.contains(&name)) && !out.text.ends_with('\n') {
                    out.text.push('\n');
                }
                match name {
                    "r" => (run, run_style) = (Shown::default(), Shown::default()),
                    "p" | "si" | "c" => {
                        paragraphs.pop();
                    }
                    _ => {}
                }
            }
            Event::Text(t) if skip_depth == 0 && open.last().is_some_and(|n| text_in(n)) => {
                let (font, caps) = shown(run, run_style, &odf, &paragraphs);
                push_shown(&mut out, &t.xml10_content(), font, caps);
            }
            Event::CData(t) if skip_depth == 0 && open.last().is_some_and(|n| text_in(n)) => {
                let (font, caps) = shown(run, run_style, &odf, &paragraphs);
                push_shown(&mut out, &t.xml10_content(), font, caps);
            }
            Event::GeneralRef(r) if skip_depth == 0 && open.last().is_some_and(|n| text_in(n)) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => super::html::entity(&r),
                };
                if let Some(c) = c {
                    let (font, caps) = shown(run, run_style, &odf, &paragraphs);
                    push_shown(&mut out, c.encode_utf8(&mut [0; 4]), font, caps);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// The key of the OpenDocument style an element is shown in: a paragraph's or heading's
/// (`text:style-name`, family `paragraph`), a span's (family `text`), a table cell's
/// (`table:style-name`, family `table-cell`).
fn odf_style_key(e: &BytesStart<'_>) -> Option<String> {
    let family = match e.local_name().into_inner() {
        "p" | "h" => "paragraph",
        "span" => "text",
        "table-cell" => "table-cell",
        _ => return None,
    };
    let name = attr_value(e, "style-name")?;
    Some(format!("{family}:{name}"))
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

/// The text of an XPS page (`Documents/1/Pages/1.fpage`: what Windows' "Microsoft XPS Document
/// Writer" prints): each glyph run's `UnicodeString` (without the `{}` that escapes a leading
/// brace), runs on the same baseline (`OriginY`) joined by a space on one line, as a reader sees
/// the printed line. A run drawn only by glyph indices (no `UnicodeString`) has no text.
pub fn xps_page_text(data: &[u8], deadline: Instant) -> Result<String, String> {
    let text = decode_xml(data);
    let mut reader = quick_xml::Reader::from_str(&text);
    let mut out = String::new();
    let mut baseline: Option<String> = None;
    let mut events = 0u32;
    loop {
        match next_event(&mut reader, &mut events, deadline)? {
            Event::Start(e) | Event::Empty(e) if e.local_name().into_inner() == "Glyphs" => {
                let (mut run, mut y) = (None, None);
                for attr in e.attributes().with_checks(false).flatten() {
                    let value = || {
                        attr.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .map(|v| v.into_owned())
                            .ok()
                    };
                    match attr.key.local_name().into_inner() {
                        "UnicodeString" => run = value(),
                        "OriginY" => y = value(),
                        _ => {}
                    }
                }
                let Some(run) = run else { continue };
                let run = run.strip_prefix("{}").unwrap_or(&run);
                if run.trim().is_empty() {
                    continue;
                }
                if !out.is_empty() {
                    out.push(if y.is_some() && y == baseline { ' ' } else { '\n' });
                }
                out.push_str(run.trim());
                baseline = y;
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
    let Some(v) = attr_value(e, "string") else {
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
    if e.local_name().into_inner() == "rPr" {
        return attr_value(e, "cap").map(|v| v != "none");
    }
    Some(attr_value(e, "val").is_none_or(|v| !matches!(v.as_str(), "false" | "0" | "off")))
}

/// [`push_run`] of text shown in capitals when `caps` (after legacy bytes are decoded).
pub(super) fn push_shown(out: &mut XmlText, text: &str, font: Option<Legacy>, caps: bool) {
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
    #[test]
    fn an_xps_page_is_read_line_by_line() {
        let page = r#"<FixedPage xmlns="http://schemas.microsoft.com/xps/2005/06"><Canvas>
            <Glyphs OriginX="96" OriginY="96" UnicodeString="TỐI"/><Glyphs OriginX="140" OriginY="96" UnicodeString="MẬT"/>
            <Glyphs OriginX="96" OriginY="120" UnicodeString="{}{Phụ lục} &amp; kế hoạch"/>
            <Glyphs OriginX="96" OriginY="140" Indices="12;40;7"/></Canvas></FixedPage>"#;
        let deadline = super::Instant::now() + std::time::Duration::from_secs(5);
        assert_eq!(
            super::xps_page_text(page.as_bytes(), deadline).as_deref(),
            Ok("TỐI MẬT\n{Phụ lục} & kế hoạch")
        );
        assert_eq!(
            super::member_kind("Documents/1/Pages/1.fpage"),
            Some(super::Member::Content)
        );
    }

    use super::*;
    use crate::extract::test_deadline as later;

    /// Text deleted with Track Changes on is read where it stood (in its run's legacy font),
    /// a deleted field code is not.
    #[test]
    fn docx_tracked_deletions_are_read() {
        let xml = r#"<w:document xmlns:w="w"><w:body>
            <w:p><w:del w:id="1" w:author="A"><w:r><w:delText>TỐI MẬT</w:delText></w:r></w:del></w:p>
            <w:p><w:r><w:t xml:space="preserve">Kế hoạch </w:t></w:r><w:del w:id="2"><w:r><w:rPr><w:rFonts w:ascii=".VnTime"/></w:rPr><w:delText>b¶o vÖ</w:delText></w:r></w:del><w:ins w:id="3"><w:r><w:t>kiểm tra</w:t></w:r></w:ins></w:p>
            <w:p><w:del w:id="4"><w:r><w:delInstrText>HYPERLINK x</w:delInstrText></w:r></w:del><w:r><w:t>Số: 12</w:t></w:r></w:p>
            </w:body></w:document>"#;
        let t = xml_to_text(xml.as_bytes(), &Styles::default(), later()).expect("reads");
        let lines: Vec<&str> = t.text.lines().collect();
        assert_eq!(lines, vec!["TỐI MẬT", "Kế hoạch bảo vệkiểm tra", "Số: 12"]);
    }

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
        let t = xml_to_text(xml.as_bytes(), &Styles::default(), later()).expect("reads");
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
        let t = xml_to_text(header.as_bytes(), &Styles::default(), later()).expect("reads");
        assert_eq!(
            t.text.lines().collect::<Vec<_>>(),
            vec!["TỐI MẬT", "Trang 1"],
            "{t:?}"
        );
    }

    fn styles(parts: &[(&str, &str)]) -> Styles {
        Styles::of_package(parts.iter().map(|(n, x)| (*n, x.as_bytes())), later())
    }

    #[test]
    fn default_font_from_styles() {
        let s = styles(&[(
            "word/styles.xml",
            r#"<w:styles xmlns:w="w"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>"#,
        )]);
        let t = xml_to_text(b"<w:p><w:r><w:t>Kinh g\xc3\xb6i</w:t></w:r></w:p>", &s, later()).expect("reads");
        assert_eq!(t.text.trim(), "Kinh gửi");
        assert!(t.tcvn3_lowercase);
        // A run that names a font of its own is not in the default one.
        let t = xml_to_text(
            r#"<w:p><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/></w:rPr><w:t>Kính gửi</w:t></w:r></w:p>"#.as_bytes(),
            &s,
            later(),
        )
        .expect("reads");
        assert_eq!(t.text.trim(), "Kính gửi");
    }

    /// Capitals and legacy fonts given by Word's styles (as LibreOffice saves a stamp style):
    /// a paragraph style with All caps, a character style with Small caps, a style based on one
    /// in `.VnTimeH`; a style that turns capitals off, and a loop of bases, do not.
    #[test]
    fn word_styles_give_capitals_and_fonts() {
        let s = styles(&[(
            "word/styles.xml",
            r#"<w:styles xmlns:w="w">
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:rFonts w:ascii="Liberation Serif" w:hAnsi="Liberation Serif"/></w:rPr></w:style>
            <w:style w:type="character" w:styleId="StampChar"><w:name w:val="StampChar"/><w:rPr><w:smallCaps/></w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="Stamp"><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:caps/></w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="Plain"><w:basedOn w:val="Stamp"/><w:rPr><w:caps w:val="0"/></w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="Heading"><w:basedOn w:val="VnH"/></w:style>
            <w:style w:type="paragraph" w:styleId="VnH"><w:basedOn w:val="Heading"/><w:rPr><w:rFonts w:ascii=".VnTimeH" w:hAnsi=".VnTimeH"/></w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="Loop"><w:basedOn w:val="Loop2"/></w:style>
            <w:style w:type="paragraph" w:styleId="Loop2"><w:basedOn w:val="Loop"/></w:style>
            </w:styles>"#,
        )]);
        let doc = r#"<w:document xmlns:w="w"><w:body>
            <w:p><w:pPr><w:pStyle w:val="Stamp"/></w:pPr><w:r><w:t>tuyệt mật</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:rPr><w:rStyle w:val="StampChar"/></w:rPr><w:t>mật</w:t></w:r><w:r><w:t> thường</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="Plain"/></w:pPr><w:r><w:t>bảo mật</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="Stamp"/></w:pPr><w:r><w:rPr><w:caps w:val="false"/></w:rPr><w:t>mật ong</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="Heading"/></w:pPr><w:r><w:t>TèI MËT</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="Loop"/></w:pPr><w:r><w:t>mật độ</w:t></w:r></w:p>
            <w:p><w:r><w:t>mật khẩu</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="Stamp"/></w:pPr><w:r><w:txbxContent><w:p><w:r><w:t>trong khung</w:t></w:r></w:p></w:txbxContent></w:r><w:r><w:t>tối mật</w:t></w:r></w:p>
            </w:body></w:document>"#;
        let t = xml_to_text(doc.as_bytes(), &s, later()).expect("reads");
        assert_eq!(
            t.text,
            "TUYỆT MẬT\nMẬT thường\nbảo mật\nmật ong\nTỐI MẬT\nmật độ\nmật khẩu\ntrong khung\nTỐI MẬT\n"
        );
    }

    /// OpenDocument's styles (as LibreOffice writes them): an automatic paragraph style and a
    /// span's style in uppercase, a common style in small capitals from `styles.xml`, a common
    /// paragraph style whose font face is `.VnTimeH`; automatic styles of `styles.xml` are its
    /// own (a `P1` there is not the content's `P1`).
    #[test]
    fn opendocument_styles_give_capitals_and_fonts() {
        let s = styles(&[(
            "styles.xml",
            r#"<office:document-styles xmlns:office="o" xmlns:style="s" xmlns:fo="f" xmlns:svg="v">
            <office:font-face-decls><style:font-face style:name="VnTimeH" svg:font-family="'.VnTimeH'"/></office:font-face-decls>
            <office:styles>
            <style:default-style style:family="paragraph"><style:text-properties style:font-name="Liberation Serif"/></style:default-style>
            <style:style style:name="Standard" style:family="paragraph"/>
            <style:style style:name="StampChar" style:family="text"><style:text-properties fo:font-variant="small-caps"/></style:style>
            <style:style style:name="Legacy" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties style:font-name="VnTimeH"/></style:style>
            </office:styles>
            <office:automatic-styles><style:style style:name="P1" style:family="paragraph"><style:text-properties fo:text-transform="none"/></style:style></office:automatic-styles>
            </office:document-styles>"#,
        )]);
        let content = r#"<office:document-content xmlns:office="o" xmlns:style="s" xmlns:text="t" xmlns:fo="f">
            <office:automatic-styles>
            <style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:text-transform="uppercase"/></style:style>
            <style:style style:name="T1" style:family="text"><style:text-properties fo:text-transform="uppercase"/></style:style>
            </office:automatic-styles>
            <office:body><office:text>
            <text:p text:style-name="Standard">Số: 12/KH-UBND</text:p>
            <text:p text:style-name="P1">tối mật</text:p>
            <text:p text:style-name="Standard"><text:span text:style-name="T1">tuyệt mật</text:span> và thường</text:p>
            <text:p text:style-name="Standard"><text:span text:style-name="StampChar">mật</text:span></text:p>
            <text:p text:style-name="Legacy">TèI MËT</text:p>
            <text:p text:style-name="Standard">mật ong</text:p>
            </office:text></office:body></office:document-content>"#
            .replace("\n            ", "");
        let t = xml_to_text(content.as_bytes(), &s, later()).expect("reads");
        assert_eq!(
            t.text,
            "Số: 12/KH-UBND\nTỐI MẬT\nTUYỆT MẬT và thường\nMẬT\nTỐI MẬT\nmật ong\n"
        );
    }

    #[test]
    fn entity_declarations_and_garbage_are_refused() {
        let bomb = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><w:t>&lol2;</w:t>"#;
        let err = xml_to_text(bomb.as_bytes(), &Styles::default(), later()).expect_err("refused");
        assert!(err.contains("entit"), "{err}");
        assert!(xml_to_text(b"<a><b></a>", &Styles::default(), later()).is_err());
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
        let t = xml_to_text(docx.as_bytes(), &Styles::default(), later()).expect("reads");
        assert_eq!(t.text, "TỐI MẬT\nMẬT và thường\nbảo mật\n");
        let slide = r#"<p:sld xmlns:p="p" xmlns:a="a"><p:txBody><a:p><a:r><a:rPr lang="vi-VN" cap="all"/><a:t>Tuyệt mật</a:t></a:r></a:p><a:p><a:r><a:rPr cap="none"/><a:t>mật ong</a:t></a:r><a:r><a:rPr lang="vi-VN"/><a:t> rừng</a:t></a:r></a:p></p:txBody></p:sld>"#;
        let t = xml_to_text(slide.as_bytes(), &Styles::default(), later()).expect("reads");
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
        let t = xml_to_text(drawing.as_bytes(), &Styles::default(), later()).expect("reads");
        assert_eq!(t.text, "TUYỆT MẬT\nBản số: 02\n");
    }

    /// Parts read since 2026-12-06: Word's main part under another name, files Word imports
    /// whole (`w:altChunk`), slide comments, threaded comments and Visio pages; Word's other
    /// binary parts (fonts, printer settings, macros) are not files to read.
    #[test]
    fn imported_chunks_comments_and_visio_pages_are_read() {
        for name in [
            "word/document2.xml",
            "ppt/comments/comment1.xml",
            "ppt/comments/modernComment_100_5A0F3B21.xml",
            "xl/threadedComments/threadedComment1.xml",
            "visio/pages/page1.xml",
        ] {
            assert_eq!(member_kind(name), Some(Member::Content), "{name}");
        }
        for name in [
            "word/afchunk.mht",
            "word/chunk1.html",
            "word/altChunk2.rtf",
            "word/part.docx",
        ] {
            assert_eq!(member_kind(name), Some(Member::Embedded), "{name}");
        }
        for name in [
            "word/fonts/font1.odttf",
            "word/printerSettings/printerSettings1.bin",
            "word/vbaProject.bin",
            "word/glossary/document.xml",
            "visio/masters/master1.xml",
            "visio/pages/_rels/page1.xml.rels",
        ] {
            assert_eq!(member_kind(name), None, "{name}");
        }
        // A comment's text and a Visio shape's text, a line each.
        let comments = r#"<p:cmLst xmlns:p="p"><p:cm authorId="0"><p:pos x="1" y="1"/><p:text>TỐI MẬT</p:text></p:cm><p:cm authorId="1"><p:text>Đã xem</p:text></p:cm></p:cmLst>"#;
        let t = xml_to_text(comments.as_bytes(), &Styles::default(), later()).expect("reads");
        assert_eq!(t.text, "TỐI MẬT\nĐã xem\n");
        let page = r#"<PageContents xmlns="http://schemas.microsoft.com/office/visio/2012/main"><Shapes><Shape ID="1"><Cell N="PinX" V="1"/><Text><cp IX="0"/>MẬT</Text></Shape><Shape ID="2"><Text>Sơ đồ mạng</Text></Shape></Shapes></PageContents>"#;
        let t = xml_to_text(page.as_bytes(), &Styles::default(), later()).expect("reads");
        assert_eq!(t.text, "MẬT\nSơ đồ mạng\n");
    }

    /// A workbook's strings in the fonts of the cells that show them (`xl/styles.xml`'s fonts
    /// and cell formats; a shared string in the font of the first cell showing it; an inline
    /// string in its cell's); the codes of a printed header are not text.
    #[test]
    fn workbook_strings_in_their_cells_fonts() {
        let styles_xml = r#"<styleSheet><fonts count="3"><font><sz val="11"/><name val="Times New Roman"/></font><font><name val=".VnTimeH"/></font><font><name val=".VnTime"/></font></fonts>
            <cellStyleXfs><xf fontId="1"/></cellStyleXfs><cellXfs><xf fontId="0"/><xf fontId="1"/><xf fontId="2"/></cellXfs>
            <dxfs><dxf><font><name val=".VnTimeH"/></font></dxf></dxfs></styleSheet>"#;
        let sheet = r#"<worksheet><sheetData><row r="1"><c r="A1" s="0" t="s"><v>0</v></c></row><row r="2"><c r="A2" s="1" t="s"><v>1</v></c><c r="B2" s="2" t="s"><v>2</v></c><c r="C2" t="s"><v>3</v></c><c r="D2" s="1" t="inlineStr"><is><t>tèi mËt</t></is></c></row><row r="3"><c r="A3" s="2" t="s"><v>1</v></c><c r="B3" s="1"><v>7</v></c></row></sheetData><headerFooter><oddHeader>&amp;C&amp;P</oddHeader></headerFooter></worksheet>"#;
        let sst = r#"<sst><si><t>Số: 46/BK-STC</t></si><si><t>mËt</t></si><si><t>B¶ng kª</t></si><si/><si><t>mËt</t></si></sst>"#;
        let s = styles(&[("xl/styles.xml", styles_xml), ("xl/worksheets/sheet1.xml", sheet)]);
        let t = xml_to_text(sst.as_bytes(), &s, later()).expect("reads");
        assert_eq!(t.text, "Số: 46/BK-STC\nMẬT\nBảng kê\nmËt\n");
        let t = xml_to_text(sheet.as_bytes(), &s, later()).expect("reads");
        assert_eq!(t.text, "TỐI MẬT\n");
        // No legacy font: the sheets are not looked through, the strings read as they are.
        let plain = styles_xml.replace(".VnTime", "Arial");
        let s = styles(&[("xl/styles.xml", &plain), ("xl/worksheets/sheet1.xml", sheet)]);
        assert!(s.shared_fonts.is_empty());
        let t = xml_to_text(sst.as_bytes(), &s, later()).expect("reads");
        assert_eq!(t.text, "Số: 46/BK-STC\nmËt\nB¶ng kª\nmËt\n");
    }

    #[test]
    fn spreadsheet_values_and_formulas_are_not_text() {
        let xml = r#"<worksheet><sheetData><row><c t="s"><v>3</v></c><c t="inlineStr"><is><t>TỐI MẬT</t></is></c><c><f>SUM(A1)</f><v>7</v></c></row></sheetData></worksheet>"#;
        let t = xml_to_text(xml.as_bytes(), &Styles::default(), later()).expect("reads");
        assert_eq!(t.text, "TỐI MẬT\n");
        // Rich-text runs of shared strings name their font: TCVN3 in .VnTimeH beside Unicode.
        let xml = r#"<sst><si><r><rPr><b/><rFont val=".VnTimeH"/></rPr><t>mËt</t></r></si><si><r><rPr><rFont val="Times New Roman"/></rPr><t>Bảng kê</t></r></si></sst>"#;
        let t = xml_to_text(xml.as_bytes(), &Styles::default(), later()).expect("reads");
        assert_eq!(t.text, "MẬT\nBảng kê\n");
    }
}
