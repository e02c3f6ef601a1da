//! PDF text, page by page: objects found by scanning (object streams included), the page tree
//! walked from the catalog, content streams inflated within a byte budget, and strings decoded
//! through each font's `ToUnicode` map (Word's Identity-H output), or as WinAnsi text with legacy
//! Vietnamese fonts (`VnTimeH`, `VNI-Times`) decoded. A PDF encrypted with the empty user password
//! is decrypted (`pdf_crypt`); one that needs a real password is reported, not guessed.

use super::pdf_crypt::{Decryptor, Security};
use super::pdf_glyphs::{self, Encoding};
use super::pdf_layout::{self, Glyph, Matrix};
use crate::vietnamese::Legacy;
use std::collections::HashMap;
use std::io::Read;
use std::rc::Rc;
use std::time::Instant;

/// Text of a PDF.
#[derive(Debug, Default)]
pub struct PdfText {
    /// One string per page, in page order.
    pub pages: Vec<String>,
    /// Some text was TCVN3 in a lower-case font.
    pub tcvn3_lowercase: bool,
    /// Bytes inflated or copied from streams (to be taken from the message's budget).
    pub inflated: u64,
    /// Strings drawn in a composite font with no ToUnicode map: their text could not be read.
    pub undecodable: usize,
    /// The pictures each page draws (in page order, as `pages`).
    pub images: Vec<PageImages>,
    /// Files attached inside the PDF (a file specification's `/EF` stream: the document's
    /// `/EmbeddedFiles`, a file attachment annotation), with the names they were given; at
    /// most [`MAX_EMBEDDED_FILES`], within the same inflate budget as the pages.
    pub files: Vec<(String, Vec<u8>)>,
    /// The document's own description (the trailer's `/Info`: title, subject and keywords), a
    /// line each: Word's «Save as PDF» carries a document's properties there.
    pub properties: String,
}

/// The pictures a page draws that OCR may have to read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PageImages {
    /// A page-sized image ([`MIN_SCAN_AREA`]): a scan under a scanner's OCR text layer. Logos,
    /// signature and seal pictures are smaller.
    pub page_sized: bool,
    /// A smaller picture in the top [`TOP_SHARE`] of the page, where the độ-mật stamp sits
    /// (below the document number): a stamp's scan or picture put on a typed document, or a
    /// letterhead's logo. At least [`MIN_STAMP_POINTS`] drawn and [`MIN_STAMP_PIXELS`] in
    /// its own pixels, so rules and shading drawn as images do not count.
    pub near_top: bool,
}

/// The share of a page's height, from its top edge, where a stamp is looked for (as OCR does).
pub const TOP_SHARE: f64 = 0.42;
/// The smallest stamp picture drawn, in points (width, height): a boxed «MẬT» a centimetre
/// and a half wide and half a centimetre high.
const MIN_STAMP_POINTS: (f64, f64) = (36.0, 12.0);
/// The smallest stamp picture in its own pixels (width, height).
const MIN_STAMP_PIXELS: (u32, u32) = (40, 16);

/// Occurrences of `/Info` looked at, from the end of the file, for the one naming the
/// document information dictionary (a trailer's, or a cross-reference stream's).
const MAX_INFO_LOOKS: usize = 16;

/// Files attached inside one PDF that are read.
pub const MAX_EMBEDDED_FILES: usize = 32;

/// An object: its dictionary text and its stream bytes (still encoded), if any.
#[derive(Clone)]
struct Object<'a> {
    /// Object number and generation (the per-object key of an encrypted file).
    num: u32,
    generation: u16,
    dict: String,
    stream: Option<&'a [u8]>,
}

/// A ToUnicode map: code → text, and whether codes are two bytes.
type CMap = Rc<(HashMap<u32, String>, bool)>;

/// Entries of all ToUnicode maps of one PDF together (each range line can ask for 65,536).
const MAX_MAP_ENTRIES: usize = 262_144;
/// Hex digits of one map target (16 UTF-16 units: ligatures and combining sequences fit).
const MAX_MAP_TARGET_HEX: usize = 64;

/// A page's fonts by resource name, shared by the pages with the same resources.
type Fonts = Rc<HashMap<String, Rc<Font>>>;

/// The area (in points², on the page) from which a drawn image is a scanned page, not a logo or
/// a signature's picture: 30 % of an A4 page (a scan fills the page, 595 × 842; a digital
/// signature's seal and a letterhead's logo are a few percent of it).
const MIN_SCAN_AREA: f64 = 0.3 * 595.0 * 842.0;

/// The area an image drawn with `ctm` covers: the unit square of image space, transformed.
fn drawn_area(ctm: &pdf_layout::Matrix) -> f64 {
    (ctm[0] * ctm[3] - ctm[1] * ctm[2]).abs()
}

/// The box (x0, y0, x1, y1) an image drawn with `ctm` covers on the page.
fn drawn_box(ctm: &pdf_layout::Matrix) -> (f64, f64, f64, f64) {
    let corners = [
        (ctm[4], ctm[5]),
        (ctm[0] + ctm[4], ctm[1] + ctm[5]),
        (ctm[2] + ctm[4], ctm[3] + ctm[5]),
        (ctm[0] + ctm[2] + ctm[4], ctm[1] + ctm[3] + ctm[5]),
    ];
    corners.iter().fold(
        (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY),
        |(x0, y0, x1, y1), &(x, y)| (x0.min(x), y0.min(y), x1.max(x), y1.max(y)),
    )
}

/// The page box (x0, y0, x1, y1) a page's `/MediaBox` gives, when it is four numbers.
fn media_box(v: &str) -> Option<[f64; 4]> {
    let n: Vec<f64> = array(v)?
        .split_ascii_whitespace()
        .filter_map(|w| w.parse::<f64>().ok())
        .filter(|n| n.is_finite())
        .collect();
    let b: [f64; 4] = n.try_into().ok()?;
    (b[2] != b[0] && b[3] != b[1]).then(|| [b[0].min(b[2]), b[1].min(b[3]), b[0].max(b[2]), b[1].max(b[3])])
}

/// A4, for a page that gives no usable `/MediaBox`.
const A4: [f64; 4] = [0.0, 0.0, 595.0, 842.0];

/// Form XObjects drawn per document at most (a form drawing another ten times, ten deep,
/// would otherwise be drawn ten billion times), and how deep forms may draw forms.
const MAX_FORMS: usize = 4096;
const MAX_FORM_DEPTH: usize = 8;

/// What a page draws: its content streams with its fonts and resources (for the forms it
/// draws with `Do`), and its annotations (stamps, text boxes, form fields) by object number.
struct PageSource {
    /// The page's box (its own `/MediaBox` or the nearest ancestor's).
    media: [f64; 4],
    contents: Vec<u32>,
    fonts: Fonts,
    resources: Option<Rc<str>>,
    annotations: Vec<u32>,
}

struct Font {
    cmap: Option<CMap>,
    two_byte: bool,
    legacy: Option<Legacy>,
    /// A simple font's `/Encoding` (base encoding and `/Differences`), when it has one.
    encoding: Option<Rc<Encoding>>,
    /// Glyph widths by code, in thousandths of the font size (`/Widths`, a CID font's `/W`).
    widths: HashMap<u32, f64>,
    /// The width of a code without one (`/DW`; half the size when the font gives none).
    default_width: f64,
}

struct Doc<'a> {
    objects: HashMap<u32, Object<'a>>,
    /// Objects stored inside object streams (dictionaries only).
    packed: HashMap<u32, String>,
    inflate_left: u64,
    deadline: Instant,
    fonts: HashMap<u32, Rc<Font>>,
    /// ToUnicode maps by object number: fonts sharing one are parsed once.
    cmaps: HashMap<u32, CMap>,
    /// What may still be added to the maps, for the whole document.
    map_entries_left: usize,
    /// Form XObjects that may still be drawn, for the whole document.
    forms_left: usize,
    /// Each form's content, decoded once (a logo drawn on every page).
    form_contents: HashMap<u32, Rc<Vec<u8>>>,
    /// Bytes of text still allowed, for the whole document.
    text_left: usize,
    tcvn3_lowercase: bool,
    undecodable: usize,
    /// The pictures the page being read has drawn (an image XObject's `Do`, an inline image).
    drew: PageImages,
    /// The box of the page being read.
    media: [f64; 4],
    /// The key of an encrypted file (its user password empty, or given by the message).
    decryptor: Option<Decryptor>,
}

/// Extracts the text of `data`. `max_inflate` bounds the bytes decompressed (or copied) from
/// streams, `max_text` the text produced; both, the maps' entries and the time are checked as the
/// work goes, so no input costs more than they allow.
pub fn extract(data: &[u8], max_inflate: u64, max_text: usize, deadline: Instant) -> Result<PdfText, String> {
    extract_opening(data, max_inflate, max_text, deadline, None)
}

/// [`extract`], trying the passwords the message gives ([`super::passwords`]) on a file encrypted
/// with a user password; `location` (the PDF's) is recorded with the password that opened it.
pub fn extract_opening(
    data: &[u8],
    max_inflate: u64,
    max_text: usize,
    deadline: Instant,
    passwords: Option<(&str, &mut super::passwords::Passwords)>,
) -> Result<PdfText, String> {
    let objects = scan_objects(data);
    let decryptor = match memchr::memmem::rfind(data, b"/Encrypt") {
        Some(at) => {
            let security = security(data, at, &objects);
            match (Decryptor::open(&security, b""), passwords) {
                (Ok(d), _) => Some(d),
                (Err(why), Some((location, p))) if super::pdf_crypt::needs_password(&why) => Some(
                    p.open(location, |password| Decryptor::open(&security, password).ok())
                        .ok_or(why)?,
                ),
                (Err(why), _) => return Err(why),
            }
        }
        None => None,
    };
    let mut doc = Doc {
        decryptor,
        objects,
        packed: HashMap::new(),
        inflate_left: max_inflate,
        deadline,
        fonts: HashMap::new(),
        cmaps: HashMap::new(),
        map_entries_left: MAX_MAP_ENTRIES,
        forms_left: MAX_FORMS,
        form_contents: HashMap::new(),
        text_left: max_text,
        tcvn3_lowercase: false,
        undecodable: 0,
        drew: PageImages::default(),
        media: A4,
    };
    doc.unpack_object_streams()?;
    let mut pages = Vec::new();
    doc.collect_pages(&mut pages)?;
    let mut out = PdfText::default();
    if pages.is_empty() {
        // No usable page tree: every stream that draws text, in file order.
        let mut nums: Vec<u32> = doc.objects.keys().copied().collect();
        nums.sort_unstable();
        let mut text = String::new();
        for n in nums {
            let Some(obj) = doc.objects.get(&n).cloned() else {
                continue;
            };
            if obj.stream.is_none() || obj.dict.contains("/Image") || obj.dict.contains("/Length1") {
                continue;
            }
            let content = doc.stream_of(&obj)?;
            if memchr::memmem::find(&content, b"BT").is_some() {
                let mut glyphs = Vec::new();
                doc.run_content(
                    &content,
                    &Rc::default(),
                    &mut Graphics::default(),
                    &mut glyphs,
                    None,
                    0,
                )?;
                doc.tcvn3_lowercase |= pdf_layout::lay_out(glyphs, &mut text);
            }
        }
        out.pages.push(text);
    } else {
        for page in pages {
            doc.drew = PageImages::default();
            doc.media = page.media;
            // A page's content streams are one stream cut in pieces: the graphics state goes on.
            let mut glyphs = Vec::new();
            let mut graphics = Graphics::default();
            for c in &page.contents {
                let Some(obj) = doc.objects.get(c).cloned() else {
                    continue;
                };
                let content = doc.stream_of(&obj)?;
                doc.run_content(
                    &content,
                    &page.fonts,
                    &mut graphics,
                    &mut glyphs,
                    page.resources.as_deref(),
                    0,
                )?;
            }
            // Annotations: a stamp or a text box drawn by its appearance where it stands; one
            // without an appearance by the text it holds.
            let mut held = Vec::new();
            for a in &page.annotations {
                doc.annotation(*a, &mut glyphs, &mut held)?;
            }
            let mut text = String::new();
            doc.tcvn3_lowercase |= pdf_layout::lay_out(glyphs, &mut text);
            for t in held {
                if !text.is_empty() && !text.ends_with('\n') {
                    text.push('\n');
                }
                text.push_str(&t);
            }
            out.pages.push(text);
            out.images.push(doc.drew);
        }
    }
    out.files = doc.embedded_files()?;
    out.properties = doc.properties(data);
    out.tcvn3_lowercase = doc.tcvn3_lowercase;
    out.inflated = max_inflate - doc.inflate_left;
    out.undecodable = doc.undecodable;
    Ok(out)
}

/// The encryption dictionary named by the trailer's `/Encrypt` at `at` (a reference or inline),
/// with the first element of the file's `/ID`.
fn security(data: &[u8], at: usize, objects: &HashMap<u32, Object<'_>>) -> Security {
    let after = latin1(&data[at + 8..data.len().min(at + 8 + 4096)]);
    let after = after.trim_start();
    let dict = match reference(after) {
        Some(n) => objects.get(&n).map(|o| o.dict.clone()).unwrap_or_default(),
        None => sub_dict(after).unwrap_or("").to_owned(),
    };
    // The top level's keys only: /CF's filters have a /Length of their own (in bytes).
    let top = outer_level(&dict);
    let string = |key: &str| -> Vec<u8> {
        value_after(&top, key).map_or(Vec::new(), |v| {
            let bytes: Vec<u8> = v.chars().map(|c| c as u32 as u8).collect();
            match (Lexer { data: &bytes, pos: 0 }).next() {
                Some(Tok::Str(s)) => s,
                _ => Vec::new(),
            }
        })
    };
    let number = |key: &str| -> Option<i64> {
        let v = value_after(&top, key)?;
        let end = v
            .find(|c: char| !(c.is_ascii_digit() || c == '-'))
            .unwrap_or(v.len());
        v[..end].parse().ok()
    };
    let name = |d: &str, key: &str| -> String {
        value_after(d, key)
            .and_then(|v| v.strip_prefix('/'))
            .map(|v| {
                v[..v
                    .find(|c: char| c.is_whitespace() || "/<>[]".contains(c))
                    .unwrap_or(v.len())]
                    .to_owned()
            })
            .unwrap_or_default()
    };
    // The stream filter's method: /StmF names an entry of /CF.
    let stm_f = name(&top, "/StmF");
    let cfm = if stm_f == "Identity" {
        "None".to_owned()
    } else {
        value_after(&dict, "/CF")
            .and_then(sub_dict)
            .and_then(|cf| value_after(cf, &format!("/{stm_f}")))
            .and_then(sub_dict)
            .map(|f| name(f, "/CFM"))
            .unwrap_or_default()
    };
    let id0 = memchr::memmem::rfind(data, b"/ID")
        .map(|i| {
            let mut lexer = Lexer { data, pos: i + 3 };
            loop {
                match lexer.next() {
                    Some(Tok::Str(s)) => break s,
                    Some(Tok::Other) => continue,
                    _ => break Vec::new(),
                }
            }
        })
        .unwrap_or_default();
    Security {
        filter: name(&top, "/Filter"),
        v: number("/V").unwrap_or(0) as u32,
        r: number("/R").unwrap_or(0) as u32,
        length: number("/Length").unwrap_or(40) as u32,
        o: string("/O"),
        u: string("/U"),
        ue: string("/UE"),
        p: number("/P").unwrap_or(0) as i32,
        encrypt_metadata: !value_after(&top, "/EncryptMetadata").is_some_and(|v| v.starts_with("false")),
        cfm,
        id0,
    }
}

/// A dictionary's text with its nested dictionaries left out (`<< /A << /B 1 >> /C 2 >>` → `<<
/// /A  /C 2 >>`), so a key is found at its own level.
fn outer_level(dict: &str) -> String {
    let mut out = String::with_capacity(dict.len());
    let mut depth = 0usize;
    let mut chars = dict.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('<', Some('<')) => {
                chars.next();
                depth += 1;
                if depth == 1 {
                    out.push_str("<<");
                }
            }
            ('>', Some('>')) => {
                chars.next();
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    out.push_str(">>");
                }
            }
            _ if depth <= 1 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Finds every `N G obj … endobj` in the file (a later definition replaces an earlier one).
fn scan_objects(data: &[u8]) -> HashMap<u32, Object<'_>> {
    let mut objects = HashMap::new();
    let finder = memchr::memmem::Finder::new(b"obj");
    let end_finder = memchr::memmem::Finder::new(b"endobj");
    let mut pos = 0;
    while let Some(at) = finder.find(&data[pos..]).map(|i| pos + i) {
        pos = at + 3;
        if at == 0 || data.get(at + 3).is_some_and(|b| b.is_ascii_alphanumeric()) || data[at - 1] == b'd' {
            continue;
        }
        let Some((num, generation)) = number_before(data, at) else {
            continue;
        };
        let body_end = end_finder.find(&data[pos..]).map_or(data.len(), |i| pos + i);
        let body = &data[pos..body_end];
        let (dict, stream) = match memchr::memmem::find(body, b"stream") {
            Some(s) if !body[..s].ends_with(b"end") => {
                let mut start = s + 6;
                if body.get(start) == Some(&b'\r') {
                    start += 1;
                }
                if body.get(start) == Some(&b'\n') {
                    start += 1;
                }
                let end =
                    memchr::memmem::rfind(&body[start..], b"endstream").map_or(body.len(), |e| start + e);
                (&body[..s], Some(&body[start..end]))
            }
            _ => (body, None),
        };
        objects.insert(
            num,
            Object {
                num,
                generation,
                dict: latin1(dict),
                stream,
            },
        );
        pos = body_end;
    }
    objects
}

/// The object number and generation in `… N G obj` ending at `at`.
fn number_before(data: &[u8], at: usize) -> Option<(u32, u16)> {
    let mut i = at;
    let skip_ws = |i: &mut usize| {
        while *i > 0 && data[*i - 1].is_ascii_whitespace() {
            *i -= 1;
        }
    };
    let digits = |i: &mut usize| {
        let end = *i;
        while *i > 0 && data[*i - 1].is_ascii_digit() && end - *i < 10 {
            *i -= 1;
        }
        (end > *i).then(|| std::str::from_utf8(&data[*i..end]).ok()?.parse::<u32>().ok())?
    };
    skip_ws(&mut i);
    let generation = digits(&mut i)?;
    skip_ws(&mut i);
    Some((digits(&mut i)?, generation.min(u16::MAX as u32) as u16))
}

fn latin1(b: &[u8]) -> String {
    b.iter().map(|&c| c as char).collect()
}

/// The text after `/Key` (the key must end there), with leading whitespace removed.
fn value_after<'a>(dict: &'a str, key: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(i) = dict[from..].find(key) {
        let after = from + i + key.len();
        let next = dict[after..].chars().next();
        if next.is_none_or(|c| !c.is_ascii_alphanumeric()) {
            return Some(dict[after..].trim_start());
        }
        from = after;
    }
    None
}

/// A PDF text string's bytes as text: UTF-16BE or UTF-8 after their byte-order marks, else
/// PDFDocEncoding (read as Latin-1, which it equals for letters).
fn text_string(b: &[u8]) -> String {
    if let Some(u) = b.strip_prefix(b"\xFE\xFF") {
        let units: Vec<u16> = u
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(u) = b.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8_lossy(u).into_owned();
    }
    latin1(b)
}

/// `N G R` at the start of `s`.
fn reference(s: &str) -> Option<u32> {
    let mut words = s.split_whitespace();
    let n = words.next()?.parse().ok()?;
    words.next()?.parse::<u32>().ok()?;
    words.next()?.starts_with('R').then_some(n)
}

/// Every `N G R` in `s` (an array of references).
fn references(s: &str) -> Vec<u32> {
    let words: Vec<&str> = s.split_whitespace().collect();
    let mut out = Vec::new();
    for w in words.windows(3) {
        if w[2].starts_with('R')
            && let (Ok(n), Ok(_)) = (w[0].trim_start_matches('[').parse::<u32>(), w[1].parse::<u32>())
        {
            out.push(n);
        }
    }
    out
}

/// The inside of the `<< … >>` dictionary at the start of `s`.
fn sub_dict(s: &str) -> Option<&str> {
    let body = s.strip_prefix("<<")?;
    let mut depth = 1;
    let b = body.as_bytes();
    let mut i = 0;
    while i + 1 < b.len() {
        if &b[i..i + 2] == b"<<" {
            depth += 1;
            i += 2;
        } else if &b[i..i + 2] == b">>" {
            depth -= 1;
            if depth == 0 {
                return Some(&body[..i]);
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    None
}

/// The inside of the `[ … ]` array at the start of `s`.
fn array(s: &str) -> Option<&str> {
    let body = s.strip_prefix('[')?;
    body.find(']').map(|e| &body[..e])
}

impl<'a> Doc<'a> {
    fn dict_of(&self, num: u32) -> Option<String> {
        self.objects
            .get(&num)
            .map(|o| o.dict.clone())
            .or_else(|| self.packed.get(&num).cloned())
    }

    /// A dictionary given inline or by reference.
    fn resolve_dict(&self, value: &str) -> Option<String> {
        if let Some(d) = sub_dict(value) {
            return Some(d.to_owned());
        }
        reference(value).and_then(|n| self.dict_of(n))
    }

    fn stream_of(&mut self, obj: &Object<'a>) -> Result<Vec<u8>, String> {
        if Instant::now() > self.deadline {
            return Err("time limit reached while reading the PDF".to_owned());
        }
        let Some(raw) = obj.stream else {
            return Ok(Vec::new());
        };
        // Every stage is bounded by what is left of the budget, and the result is charged to
        // it: copies count too (one stream referenced by many pages is copied once per
        // reference).
        let cap = self.inflate_left;
        let too_large = || "the PDF's streams expand beyond the extraction limit".to_owned();
        let mut data = std::borrow::Cow::Borrowed(raw);
        // Encrypted files: every stream but the cross-reference streams is encrypted.
        if let Some(d) = &self.decryptor
            && !obj.dict.contains("/XRef")
        {
            data = std::borrow::Cow::Owned(d.stream(obj.num, obj.generation, raw));
        }
        for filter in filters(&obj.dict) {
            let next = match filter.as_str() {
                "FlateDecode" | "Fl" => inflate(&data, cap),
                "ASCII85Decode" | "A85" => ascii85(&data),
                "ASCIIHexDecode" | "AHx" => ascii_hex(&data),
                "LZWDecode" | "LZW" => lzw(&data, cap),
                "RunLengthDecode" | "RL" => run_length(&data, cap),
                // Image codecs (DCT, CCITT, JBIG2, JPX): no text in them.
                _ => break,
            };
            if next.len() as u64 > cap {
                return Err(too_large());
            }
            data = std::borrow::Cow::Owned(next);
        }
        if data.len() as u64 > cap {
            return Err(too_large());
        }
        self.inflate_left -= data.len() as u64;
        Ok(data.into_owned())
    }

    fn unpack_object_streams(&mut self) -> Result<(), String> {
        let streams: Vec<Object<'a>> = self
            .objects
            .values()
            .filter(|o| o.dict.contains("/ObjStm"))
            .cloned()
            .collect();
        for obj in streams {
            let data = self.stream_of(&obj)?;
            let n: usize = value_after(&obj.dict, "/N")
                .and_then(|v| v.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok())
                .unwrap_or(0);
            let first: usize = value_after(&obj.dict, "/First")
                .and_then(|v| v.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok())
                .unwrap_or(0);
            let text = latin1(&data);
            let header: Vec<usize> = text
                .get(..first.min(text.len()))
                .unwrap_or("")
                .split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect();
            let mut pairs: Vec<(usize, usize)> = header
                .chunks(2)
                .take(n)
                .filter_map(|c| Some((c[0], *c.get(1)?)))
                .collect();
            // Each object ends where the next one (by offset) starts, so the bodies never
            // overlap and all of them together are at most the stream: offsets written out of
            // order cannot make one stream copied once per object.
            pairs.sort_by_key(|&(_, off)| off);
            for (i, &(num, off)) in pairs.iter().enumerate() {
                let start = first.saturating_add(off);
                let end = pairs
                    .get(i + 1)
                    .map_or(text.len(), |&(_, o)| first.saturating_add(o));
                if let Some(body) = text.get(start.min(end).min(text.len())..end.min(text.len())) {
                    self.packed.entry(num as u32).or_insert_with(|| body.to_owned());
                }
            }
        }
        Ok(())
    }

    /// Pages in order: their content streams and their fonts by resource name.
    #[allow(clippy::type_complexity)]
    fn collect_pages(&mut self, out: &mut Vec<PageSource>) -> Result<(), String> {
        let catalog = self
            .objects
            .values()
            .map(|o| o.dict.clone())
            .chain(self.packed.values().cloned())
            .find(|d| d.contains("/Catalog"));
        let Some(root) = catalog.and_then(|c| value_after(&c, "/Pages").and_then(reference)) else {
            return Ok(());
        };
        // (node, inherited resources), depth first; bounded against loops.
        // Resources are shared (Rc), not copied per kid, and each distinct resources dictionary's
        // fonts are looked up once.
        let mut stack = vec![(root, None::<Rc<str>>, A4)];
        let mut visited = std::collections::HashSet::new();
        let mut fonts_by_resources: HashMap<Rc<str>, Fonts> = HashMap::new();
        while let Some((node, inherited, inherited_media)) = stack.pop() {
            if Instant::now() > self.deadline {
                return Err("time limit reached while reading the PDF".to_owned());
            }
            if !visited.insert(node) || visited.len() > 100_000 {
                continue;
            }
            let Some(dict) = self.dict_of(node) else {
                continue;
            };
            let resources = value_after(&dict, "/Resources")
                .and_then(|v| self.resolve_dict(v))
                .map(Rc::<str>::from)
                .or(inherited);
            let media = value_after(&dict, "/MediaBox")
                .and_then(media_box)
                .unwrap_or(inherited_media);
            if let Some(kids) = value_after(&dict, "/Kids").and_then(array) {
                for kid in references(kids).into_iter().rev() {
                    stack.push((kid, resources.clone(), media));
                }
                continue;
            }
            let contents = match value_after(&dict, "/Contents") {
                Some(v) if v.starts_with('[') => array(v).map(references).unwrap_or_default(),
                Some(v) => reference(v).into_iter().collect(),
                None => Vec::new(),
            };
            let fonts = match &resources {
                Some(r) => match fonts_by_resources.get(r) {
                    Some(f) => f.clone(),
                    None => {
                        let f = Rc::new(self.fonts_of(r)?);
                        fonts_by_resources.insert(r.clone(), f.clone());
                        f
                    }
                },
                None => Rc::default(),
            };
            let annotations = match value_after(&dict, "/Annots") {
                Some(v) if v.starts_with('[') => array(v).map(references).unwrap_or_default(),
                Some(v) => reference(v)
                    .and_then(|n| self.dict_of(n))
                    .and_then(|d| array(d.trim_start()).map(references))
                    .unwrap_or_default(),
                None => Vec::new(),
            };
            out.push(PageSource {
                media,
                contents,
                fonts,
                resources,
                annotations,
            });
        }
        Ok(())
    }

    /// Notes an image drawn with `ctm`: page-sized, or a picture where a stamp sits.
    fn saw_image(&mut self, ctm: &pdf_layout::Matrix, big_enough: bool) {
        if drawn_area(ctm) >= MIN_SCAN_AREA {
            self.drew.page_sized = true;
            return;
        }
        let (x0, y0, x1, y1) = drawn_box(ctm);
        let [px0, py0, px1, py1] = self.media;
        // Within the page, at least partly in its top share, and of a stamp's size.
        let on_page = x1 > px0 && x0 < px1 && y1 > py0 && y0 < py1;
        let near_top = y1 > py1 - TOP_SHARE * (py1 - py0);
        let sized = x1 - x0 >= MIN_STAMP_POINTS.0 && y1 - y0 >= MIN_STAMP_POINTS.1;
        if on_page && near_top && sized && big_enough {
            self.drew.near_top = true;
        }
    }

    /// Draws the form XObject named `name` in `resources` (the `Do` operator).
    fn draw_form(
        &mut self,
        name: &str,
        resources: &str,
        g: &mut Graphics,
        glyphs: &mut Vec<Glyph>,
        depth: usize,
    ) -> Result<(), String> {
        let Some(xobjects) = value_after(resources, "/XObject").and_then(|v| self.resolve_dict(v)) else {
            return Ok(());
        };
        let Some(num) = value_after(&xobjects, &format!("/{name}")).and_then(reference) else {
            return Ok(());
        };
        self.run_form(num, pdf_layout::IDENTITY, g, glyphs, depth, Some(resources))
    }

    /// Runs form XObject `num` (a page's `Do`, an annotation's appearance) placed by `place`,
    /// with its own resources or `inherited` ones, in a graphics state saved and restored
    /// around it. Images and anything else are not forms: nothing to read. Bounded by
    /// [`MAX_FORMS`] per document and [`MAX_FORM_DEPTH`].
    fn run_form(
        &mut self,
        num: u32,
        place: pdf_layout::Matrix,
        g: &mut Graphics,
        glyphs: &mut Vec<Glyph>,
        depth: usize,
        inherited: Option<&str>,
    ) -> Result<(), String> {
        if depth >= MAX_FORM_DEPTH || self.forms_left == 0 {
            return Ok(());
        }
        let Some(obj) = self.objects.get(&num).cloned() else {
            return Ok(());
        };
        let subtype = value_after(&obj.dict, "/Subtype");
        if subtype.is_some_and(|v| v.starts_with("/Image")) {
            let pixels = |key| {
                value_after(&obj.dict, key)
                    .and_then(|v| v.split(|c: char| !c.is_ascii_digit()).next())
                    .and_then(|n| n.parse::<u32>().ok())
                    .unwrap_or(0)
            };
            let big_enough =
                pixels("/Width") >= MIN_STAMP_PIXELS.0 && pixels("/Height") >= MIN_STAMP_PIXELS.1;
            self.saw_image(&pdf_layout::mul(&place, &g.ctm), big_enough);
        }
        if !subtype.is_some_and(|v| v.starts_with("/Form")) {
            return Ok(());
        }
        self.forms_left -= 1;
        let content = match self.form_contents.get(&num) {
            Some(c) => c.clone(),
            None => {
                let c = Rc::new(self.stream_of(&obj)?);
                self.form_contents.insert(num, c.clone());
                c
            }
        };
        let resources = value_after(&obj.dict, "/Resources")
            .and_then(|v| self.resolve_dict(v))
            .or_else(|| inherited.map(str::to_owned));
        let fonts = match &resources {
            Some(r) => self.fonts_of(r)?,
            None => HashMap::new(),
        };
        let matrix = value_after(&obj.dict, "/Matrix")
            .and_then(array)
            .and_then(|a| {
                let v: Vec<f64> = a.split_whitespace().filter_map(|w| w.parse().ok()).collect();
                (v.len() == 6 && v.iter().all(|x| x.is_finite()))
                    .then(|| [v[0], v[1], v[2], v[3], v[4], v[5]])
            })
            .unwrap_or(pdf_layout::IDENTITY);
        // The state is saved around the form and restored after it; only the count of glyphs
        // drawn goes on.
        let saved = g.clone();
        g.ctm = pdf_layout::mul(&matrix, &pdf_layout::mul(&place, &g.ctm));
        let ran = self.run_content(&content, &fonts, g, glyphs, resources.as_deref(), depth + 1);
        *g = Graphics { seq: g.seq, ..saved };
        ran
    }

    /// An annotation of a page: its normal appearance drawn at its place (a stamp, a text box,
    /// a filled-in form field), or, without one, its text (`/Contents`, a field's `/V`) in `held`.
    fn annotation(
        &mut self,
        num: u32,
        glyphs: &mut Vec<Glyph>,
        held: &mut Vec<String>,
    ) -> Result<(), String> {
        // An annotation may be stored in an object stream (as readers save them): then its
        // strings are not encrypted on their own.
        let (dict, owner) = match self.objects.get(&num) {
            Some(o) => (o.dict.clone(), Some((o.num, o.generation))),
            None => match self.packed.get(&num) {
                Some(d) => (d.clone(), None),
                None => return Ok(()),
            },
        };
        let dict = dict.as_str();
        let appearance = value_after(dict, "/AP")
            .and_then(|v| self.resolve_dict(v))
            .and_then(|ap| value_after(&ap, "/N").and_then(reference));
        if let Some(n) = appearance {
            let at = value_after(dict, "/Rect")
                .and_then(array)
                .map(|a| {
                    a.split_whitespace()
                        .filter_map(|w| w.parse::<f64>().ok())
                        .collect::<Vec<_>>()
                })
                .filter(|v| v.len() == 4 && v.iter().all(|x| x.is_finite()))
                .map_or(pdf_layout::IDENTITY, |v| {
                    [1.0, 0.0, 0.0, 1.0, v[0].min(v[2]), v[1].min(v[3])]
                });
            return self.run_form(n, at, &mut Graphics::default(), glyphs, 0, None);
        }
        for key in ["/Contents", "/V"] {
            let Some(text) = self.string_value(dict, key, owner) else {
                continue;
            };
            if !text.trim().is_empty() && text.len() <= self.text_left {
                self.text_left -= text.len();
                held.push(text);
            }
        }
        Ok(())
    }

    /// The text string a dictionary gives `key` (a literal or hex string, not a dictionary),
    /// decrypted with the key of the object that holds it (`owner`; None for an object stored
    /// in an object stream, whose strings are not encrypted on their own).
    fn string_value(&self, dict: &str, key: &str, owner: Option<(u32, u16)>) -> Option<String> {
        let v = value_after(dict, key).filter(|v| v.starts_with(['(', '<']) && !v.starts_with("<<"))?;
        // The dictionary was read as Latin-1: each character is one byte of the file.
        let raw: Vec<u8> = v.chars().map(|c| c as u32 as u8).collect();
        let mut lexer = Lexer { data: &raw, pos: 0 };
        let Some(Tok::Str(mut bytes)) = lexer.next() else {
            return None;
        };
        if let (Some(d), Some((num, generation))) = (&self.decryptor, owner) {
            bytes = d.stream(num, generation, &bytes);
        }
        Some(text_string(&bytes))
    }

    /// The title, subject and keywords of the document information dictionary the trailer
    /// names (`/Info N G R`, in the last trailer or cross-reference stream that names one), a
    /// line each, within the document's text allowance.
    fn properties(&mut self, data: &[u8]) -> String {
        let mut out = String::new();
        for at in memchr::memmem::rfind_iter(data, b"/Info").take(MAX_INFO_LOOKS) {
            let after = latin1(&data[at + 5..data.len().min(at + 5 + 40)]);
            if after.starts_with(|c: char| c.is_ascii_alphanumeric()) {
                continue;
            }
            let Some(n) = reference(after.trim_start()) else {
                continue;
            };
            let Some(dict) = self.dict_of(n) else {
                continue;
            };
            let owner = self.objects.get(&n).map(|o| (o.num, o.generation));
            for key in ["/Title", "/Subject", "/Keywords"] {
                let Some(text) = self.string_value(&dict, key, owner) else {
                    continue;
                };
                let text = text.trim();
                if !text.is_empty() && text.len() < self.text_left {
                    self.text_left -= text.len() + 1;
                    out.push_str(text);
                    out.push('\n');
                }
            }
            break;
        }
        out
    }

    /// The files attached inside the document: each file specification (`/EF << /F n 0 R >>`,
    /// an object of its own or one stored in an object stream) with its name (`/UF`, else
    /// `/F`), its stream decoded as any other.
    fn embedded_files(&mut self) -> Result<Vec<(String, Vec<u8>)>, String> {
        let dicts = self
            .objects
            .iter()
            .map(|(n, o)| (*n, o.dict.as_str(), Some((o.num, o.generation))))
            .chain(self.packed.iter().map(|(n, d)| (*n, d.as_str(), None)));
        let mut specs: Vec<(u32, String, u32)> = Vec::new();
        for (num, dict, owner) in dicts {
            let Some(ef) = value_after(dict, "/EF").and_then(sub_dict) else {
                continue;
            };
            let Some(file) = value_after(ef, "/F")
                .and_then(reference)
                .or_else(|| value_after(ef, "/UF").and_then(reference))
            else {
                continue;
            };
            let name = self
                .string_value(dict, "/UF", owner)
                .or_else(|| self.string_value(dict, "/F", owner))
                .unwrap_or_default();
            specs.push((num, name, file));
        }
        // In file order; one stream named by several specifications is read once.
        specs.sort_unstable_by_key(|s| (s.2, s.0));
        specs.dedup_by_key(|s| s.2);
        specs.sort_unstable_by_key(|s| s.0);
        // An embedded file stream no specification names (its name tree broken, or the file
        // hidden: no reader lists it, but any tool extracts it) is read too, after them.
        let named: std::collections::HashSet<u32> = specs.iter().map(|s| s.2).collect();
        let mut orphans: Vec<u32> = self
            .objects
            .iter()
            .filter(|(n, o)| {
                o.stream.is_some()
                    && !named.contains(n)
                    && value_after(&o.dict, "/Type").is_some_and(|t| t.starts_with("/EmbeddedFile"))
            })
            .map(|(n, _)| *n)
            .collect();
        orphans.sort_unstable();
        specs.extend(orphans.into_iter().map(|n| (n, String::new(), n)));
        let mut out = Vec::new();
        for (_, name, file) in specs.into_iter().take(MAX_EMBEDDED_FILES) {
            let Some(obj) = self.objects.get(&file).cloned() else {
                continue;
            };
            let bytes = self.stream_of(&obj)?;
            if !bytes.is_empty() {
                let name = if name.trim().is_empty() {
                    format!("embedded file {file}")
                } else {
                    name
                };
                out.push((name, bytes));
            }
        }
        Ok(out)
    }

    fn fonts_of(&mut self, resources: &str) -> Result<HashMap<String, Rc<Font>>, String> {
        let mut out = HashMap::new();
        let Some(fonts) = value_after(resources, "/Font").and_then(|v| self.resolve_dict(v)) else {
            return Ok(out);
        };
        let mut rest = fonts.as_str();
        while let Some(slash) = rest.find('/') {
            let after = &rest[slash + 1..];
            let end = after
                .find(|c: char| c.is_whitespace() || "/<[(".contains(c))
                .unwrap_or(after.len());
            let name = after[..end].to_owned();
            let value = after[end..].trim_start();
            rest = &after[end..];
            if let Some(num) = reference(value) {
                let font = self.font(num)?;
                out.insert(name, font);
            }
        }
        Ok(out)
    }

    fn font(&mut self, num: u32) -> Result<Rc<Font>, String> {
        if let Some(f) = self.fonts.get(&num) {
            return Ok(f.clone());
        }
        let dict = self.dict_of(num).unwrap_or_default();
        let legacy = value_after(&dict, "/BaseFont").and_then(|v| {
            let name = v.trim_start_matches('/');
            let end = name
                .find(|c: char| c.is_whitespace() || "/<>[]".contains(c))
                .unwrap_or(name.len());
            Legacy::from_font(&name[..end])
        });
        let mut two_byte = dict.contains("/Type0");
        let mut cmap = None;
        if let Some(to_unicode) = value_after(&dict, "/ToUnicode").and_then(reference) {
            if let Some(map) = self.cmaps.get(&to_unicode) {
                two_byte = map.1;
                cmap = Some(map.clone());
            } else if let Some(obj) = self.objects.get(&to_unicode).cloned() {
                let data = self.stream_of(&obj)?;
                let map = Rc::new(parse_cmap(&latin1(&data), &mut self.map_entries_left)?);
                two_byte = map.1;
                self.cmaps.insert(to_unicode, map.clone());
                cmap = Some(map);
            }
        }
        let encoding = if two_byte {
            None
        } else {
            self.simple_encoding(&dict)
        };
        let (widths, default_width) = self.widths(&dict, two_byte);
        let font = Rc::new(Font {
            cmap,
            two_byte,
            legacy,
            encoding,
            widths,
            default_width,
        });
        self.fonts.insert(num, font.clone());
        Ok(font)
    }

    /// The font's glyph widths: a simple font's `/FirstChar` and `/Widths` (scaled by a Type3
    /// font's matrix), a composite font's descendant's `/W` and `/DW`.
    fn widths(&self, font: &str, two_byte: bool) -> (HashMap<u32, f64>, f64) {
        let mut widths = HashMap::new();
        let numbers = |v: &str| -> Vec<f64> {
            v.split(|c: char| c.is_whitespace() || c == '[' || c == ']')
                .filter_map(|w| w.parse::<f64>().ok())
                .take(65_536)
                .collect()
        };
        // An array given inline or as a reference to an object that is the array.
        let array_text = |v: &str| -> Option<String> {
            if v.starts_with('[') {
                return Some(v.to_owned());
            }
            reference(v).and_then(|n| self.dict_of(n))
        };
        let number = |d: &str, key: &str| -> Option<f64> {
            let v = value_after(d, key)?;
            v.split(|c: char| c.is_whitespace() || "/[]<>".contains(c))
                .next()?
                .parse()
                .ok()
        };
        if two_byte {
            let Some(descendant) = value_after(font, "/DescendantFonts").and_then(|v| {
                let inside = v.strip_prefix('[').map(str::trim_start).unwrap_or(v);
                self.resolve_dict(inside).or_else(|| {
                    array_text(v).and_then(|a| self.resolve_dict(a.trim_start_matches('[').trim_start()))
                })
            }) else {
                return (widths, 1000.0);
            };
            let dw = number(&descendant, "/DW").unwrap_or(1000.0);
            if let Some(w) = value_after(&descendant, "/W").and_then(array_text) {
                // `c [w1 w2 …]` or `c_first c_last w`.
                let mut tokens: Vec<(bool, f64)> = Vec::new();
                let mut depth = 0;
                let mut word = String::new();
                for ch in w.chars().chain(std::iter::once(' ')) {
                    match ch {
                        '[' | ']' | ' ' | '\n' | '\r' | '\t' => {
                            if let Ok(n) = word.parse::<f64>() {
                                tokens.push((depth > 1, n));
                            }
                            word.clear();
                            if ch == '[' {
                                depth += 1;
                            } else if ch == ']' {
                                depth -= 1;
                                if depth == 0 {
                                    break;
                                }
                                tokens.push((false, f64::NAN));
                            }
                        }
                        _ => word.push(ch),
                    }
                    if tokens.len() > 65_536 {
                        break;
                    }
                }
                let mut i = 0;
                // Entries written, for the whole array: ranges cannot make it quadratic.
                let mut budget = 65_536usize;
                while i < tokens.len() && budget > 0 {
                    let first = tokens[i].1;
                    if tokens.get(i + 1).is_some_and(|t| t.0) {
                        // A list in brackets: consecutive codes.
                        let mut code = first as u32;
                        i += 1;
                        while let Some(&(true, w)) = tokens.get(i) {
                            budget = budget.saturating_sub(1);
                            widths.insert(code, w);
                            code = code.saturating_add(1);
                            i += 1;
                        }
                        i += 1; // the list's closing mark
                    } else if let (Some(&(false, last)), Some(&(false, w))) =
                        (tokens.get(i + 1), tokens.get(i + 2))
                    {
                        let a = first as u32;
                        let b = (last as u32).min(a.saturating_add(budget.min(65_535) as u32));
                        for code in a..=b {
                            widths.insert(code, w);
                        }
                        budget = budget.saturating_sub((b.saturating_sub(a) as usize).saturating_add(1));
                        i += 3;
                    } else {
                        i += 1;
                    }
                }
            }
            return (widths, dw);
        }
        let scale = if font.contains("/Type3") {
            value_after(font, "/FontMatrix")
                .and_then(array)
                .and_then(|m| numbers(m).first().copied())
                .map_or(1.0, |a| a * 1000.0)
        } else {
            1.0
        };
        let first = number(font, "/FirstChar").unwrap_or(0.0) as u32;
        match value_after(font, "/Widths").and_then(array_text) {
            Some(list) => {
                for (i, w) in numbers(&list).into_iter().enumerate().take(256) {
                    widths.insert(first.saturating_add(i as u32), w * scale);
                }
                (widths, 0.0)
            }
            None => (widths, 500.0),
        }
    }

    /// A simple font's `/Encoding`: a base encoding's name, or a dictionary with `/BaseEncoding`
    /// (WinAnsi when absent) and `/Differences`.
    fn simple_encoding(&self, font: &str) -> Option<Rc<Encoding>> {
        let value = value_after(font, "/Encoding")?.to_owned();
        if let Some(name) = value.strip_prefix('/') {
            let end = name
                .find(|c: char| c.is_whitespace() || "/<>[]".contains(c))
                .unwrap_or(name.len());
            return pdf_glyphs::base(&name[..end]).map(Rc::new);
        }
        let dict = self.resolve_dict(&value)?;
        let base_name = value_after(&dict, "/BaseEncoding")
            .and_then(|v| v.strip_prefix('/'))
            .map(|v| {
                &v[..v
                    .find(|c: char| c.is_whitespace() || "/<>[]".contains(c))
                    .unwrap_or(v.len())]
            })
            .unwrap_or("WinAnsiEncoding");
        let mut encoding = pdf_glyphs::base(base_name).or_else(|| pdf_glyphs::base("WinAnsiEncoding"))?;
        if let Some(d) = value_after(&dict, "/Differences").and_then(array) {
            pdf_glyphs::apply_differences(&mut encoding, d);
        }
        Some(Rc::new(encoding))
    }

    /// The text of one glyph code, and the legacy font its byte is in (decoded per run later).
    fn glyph_text(&self, font: Option<&Font>, code: &[u8], c: u32) -> (String, Option<Legacy>) {
        match font {
            Some(Font {
                cmap: Some(cmap),
                encoding,
                ..
            }) => {
                // ToUnicode first; a code it leaves out is read through the font's encoding.
                let text = cmap.0.get(&c).cloned().or_else(|| {
                    encoding
                        .as_ref()
                        .and_then(|e| e.get(c as usize).cloned().flatten())
                });
                (text.unwrap_or_default(), None)
            }
            Some(Font { two_byte: true, .. }) => (String::new(), None),
            // A legacy font (.VnTime, VNI) keeps its bytes: they are the legacy codes.
            Some(Font { legacy: Some(l), .. }) => ((c as u8 as char).to_string(), Some(*l)),
            Some(Font {
                encoding: Some(encoding),
                ..
            }) => (
                encoding.get(c as usize).cloned().flatten().unwrap_or_default(),
                None,
            ),
            _ => {
                let (t, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(code);
                (t.into_owned(), None)
            }
        }
    }

    /// Draws string `s` in the current text state: a glyph for each code, the text matrix
    /// moved past it.
    fn show(&mut self, g: &mut Graphics, s: &[u8], glyphs: &mut Vec<Glyph>) -> Result<(), String> {
        let font = g.font.clone();
        let two_byte = font.as_ref().is_some_and(|f| f.two_byte);
        if two_byte && font.as_ref().is_some_and(|f| f.cmap.is_none()) {
            self.undecodable += 1;
        }
        for code in s.chunks(if two_byte { 2 } else { 1 }) {
            let c = code.iter().fold(0u32, |a, b| (a << 8) | *b as u32);
            let (text, legacy) = self.glyph_text(font.as_deref(), code, c);
            let w = font
                .as_ref()
                .map_or(500.0, |f| f.widths.get(&c).copied().unwrap_or(f.default_width));
            let advance =
                (w / 1000.0 * g.size + g.char_spacing + if code == [b' '] { g.word_spacing } else { 0.0 })
                    * g.h_scale;
            if !text.is_empty() {
                if text.len() > self.text_left {
                    return Err("the PDF's text is beyond the extraction limit".to_owned());
                }
                self.text_left -= text.len();
                let at = pdf_layout::mul(&g.tm, &g.ctm);
                glyphs.push(pdf_layout::place(&at, advance, g.size, g.seq, text, legacy));
                g.seq = g.seq.wrapping_add(1);
            }
            g.tm = pdf_layout::mul(&[1.0, 0.0, 0.0, 1.0, advance, 0.0], &g.tm);
        }
        Ok(())
    }

    /// Interprets the text and graphics-state operators of a content stream, adding each glyph
    /// drawn, where it is drawn, to `glyphs`.
    fn run_content(
        &mut self,
        content: &[u8],
        fonts: &HashMap<String, Rc<Font>>,
        g: &mut Graphics,
        glyphs: &mut Vec<Glyph>,
        resources: Option<&str>,
        depth: usize,
    ) -> Result<(), String> {
        let mut lexer = Lexer {
            data: content,
            pos: 0,
        };
        let mut operands: Vec<Tok> = Vec::new();
        let mut count = 0u32;
        let nums = |operands: &[Tok], n: usize| -> Option<Vec<f64>> {
            let v: Vec<f64> = operands
                .iter()
                .rev()
                .take(n)
                .filter_map(|t| if let Tok::Num(x) = t { Some(*x) } else { None })
                .collect();
            (v.len() == n && v.iter().all(|x| x.is_finite())).then(|| v.into_iter().rev().collect())
        };
        while let Some(tok) = lexer.next() {
            count = count.wrapping_add(1);
            if count.is_multiple_of(8192) && Instant::now() > self.deadline {
                return Err("time limit reached while reading the PDF".to_owned());
            }
            let Tok::Op(op) = tok else {
                if operands.len() < 4096 {
                    operands.push(tok);
                }
                continue;
            };
            match op.as_str() {
                "q" if g.saved.len() < 64 => g.saved.push(g.ctm),
                "Q" => {
                    if let Some(m) = g.saved.pop() {
                        g.ctm = m;
                    }
                }
                "cm" => {
                    if let Some(m) = nums(&operands, 6) {
                        g.ctm = pdf_layout::mul(&[m[0], m[1], m[2], m[3], m[4], m[5]], &g.ctm);
                    }
                }
                "BT" => {
                    g.tm = pdf_layout::IDENTITY;
                    g.tlm = pdf_layout::IDENTITY;
                }
                "Tf" => {
                    if let Some(Tok::Name(n)) = operands.iter().rev().find(|t| matches!(t, Tok::Name(_))) {
                        g.font = fonts.get(n).cloned();
                    }
                    if let Some(v) = nums(&operands, 1) {
                        g.size = v[0];
                    }
                }
                "Tc" => g.char_spacing = nums(&operands, 1).map_or(0.0, |v| v[0]),
                "Tw" => g.word_spacing = nums(&operands, 1).map_or(0.0, |v| v[0]),
                "Tz" => g.h_scale = nums(&operands, 1).map_or(1.0, |v| v[0] / 100.0),
                "TL" => g.leading = nums(&operands, 1).map_or(0.0, |v| v[0]),
                "Td" | "TD" => {
                    if let Some(v) = nums(&operands, 2) {
                        if op == "TD" {
                            g.leading = -v[1];
                        }
                        g.tlm = pdf_layout::mul(&[1.0, 0.0, 0.0, 1.0, v[0], v[1]], &g.tlm);
                        g.tm = g.tlm;
                    }
                }
                "Tm" => {
                    if let Some(m) = nums(&operands, 6) {
                        g.tlm = [m[0], m[1], m[2], m[3], m[4], m[5]];
                        g.tm = g.tlm;
                    }
                }
                "T*" => g.next_line(),
                "Tj" | "'" | "\"" => {
                    if op == "\""
                        && let [Tok::Num(w), Tok::Num(c), ..] = operands.as_slice()
                    {
                        g.word_spacing = *w;
                        g.char_spacing = *c;
                    }
                    if op != "Tj" {
                        g.next_line();
                    }
                    if let Some(Tok::Str(s)) = operands.last() {
                        let s = s.clone();
                        self.show(g, &s, glyphs)?;
                    }
                }
                "TJ" => {
                    for t in std::mem::take(&mut operands) {
                        match t {
                            Tok::Str(s) => self.show(g, &s, glyphs)?,
                            Tok::Num(n) if n.is_finite() => {
                                let tx = -n / 1000.0 * g.size * g.h_scale;
                                g.tm = pdf_layout::mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &g.tm);
                            }
                            _ => {}
                        }
                    }
                }
                "BI" => {
                    // An inline image's size in pixels is not looked at: only its place.
                    self.saw_image(&g.ctm, true);
                    lexer.skip_inline_image();
                }
                "Do" => {
                    if let (Some(Tok::Name(n)), Some(r)) = (operands.last(), resources) {
                        let n = n.clone();
                        self.draw_form(&n, r, g, glyphs, depth)?;
                    }
                }
                _ => {}
            }
            operands.clear();
        }
        Ok(())
    }
}

/// The graphics and text state the text operators use.
#[derive(Clone)]
struct Graphics {
    ctm: Matrix,
    saved: Vec<Matrix>,
    tm: Matrix,
    tlm: Matrix,
    font: Option<Rc<Font>>,
    size: f64,
    char_spacing: f64,
    word_spacing: f64,
    h_scale: f64,
    leading: f64,
    /// Glyphs drawn so far on the page.
    seq: u32,
}

impl Default for Graphics {
    fn default() -> Graphics {
        Graphics {
            ctm: pdf_layout::IDENTITY,
            saved: Vec::new(),
            tm: pdf_layout::IDENTITY,
            tlm: pdf_layout::IDENTITY,
            font: None,
            size: 12.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            h_scale: 1.0,
            leading: 0.0,
            seq: 0,
        }
    }
}

impl Graphics {
    fn next_line(&mut self) {
        self.tlm = pdf_layout::mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -self.leading], &self.tlm);
        self.tm = self.tlm;
    }
}

/// The names of a stream's `/Filter` (one name or an array), in the order they apply.
fn filters(dict: &str) -> Vec<String> {
    let Some(v) = value_after(dict, "/Filter") else {
        return Vec::new();
    };
    let list = array(v).unwrap_or_else(|| {
        // The name after its slash, up to the next delimiter (on character boundaries: the
        // dictionary's bytes are read as Latin-1, so a character may be two bytes).
        let end = v
            .char_indices()
            .skip(1)
            .find(|(_, c)| c.is_whitespace() || "/<>[]".contains(*c))
            .map_or(v.len(), |(i, _)| i);
        &v[..end]
    });
    list.split('/')
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty())
        .take(8)
        .collect()
}

/// zlib, at most `cap` bytes plus one (so the caller sees it was over); a damaged stream gives
/// what could be inflated before the damage.
fn inflate(data: &[u8], cap: u64) -> Vec<u8> {
    let mut out = Vec::new();
    let mut z = flate2::read::ZlibDecoder::new(data).take(cap.saturating_add(1));
    let _ = z.read_to_end(&mut out);
    out
}

/// ASCII85 (`z` for four zero bytes), up to `~>`.
fn ascii85(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() * 4 / 5 + 4);
    let mut group = [0u8; 5];
    let mut n = 0;
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        i += 1;
        match c {
            b'~' => break,
            b'z' if n == 0 => out.extend_from_slice(&[0; 4]),
            b'!'..=b'u' => {
                group[n] = c - b'!';
                n += 1;
                if n == 5 {
                    let v = group.iter().fold(0u64, |a, &d| a * 85 + u64::from(d));
                    out.extend_from_slice(&(v as u32).to_be_bytes());
                    n = 0;
                }
            }
            _ => {}
        }
    }
    if n > 1 {
        for g in group.iter_mut().skip(n) {
            *g = 84;
        }
        let v = group.iter().fold(0u64, |a, &d| a * 85 + u64::from(d));
        out.extend_from_slice(&(v as u32).to_be_bytes()[..n - 1]);
    }
    out
}

/// Hexadecimal pairs up to `>` (whitespace ignored, an odd last digit padded with 0).
fn ascii_hex(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() / 2 + 1);
    let mut high: Option<u8> = None;
    for &c in data {
        if c == b'>' {
            break;
        }
        let Some(d) = (c as char).to_digit(16) else {
            continue;
        };
        match high.take() {
            Some(h) => out.push(h << 4 | d as u8),
            None => high = Some(d as u8),
        }
    }
    if let Some(h) = high {
        out.push(h << 4);
    }
    out
}

/// LZW as PDF writes it (MSB first, the code size growing one code early), at most `cap` bytes
/// plus one.
fn lzw(data: &[u8], cap: u64) -> Vec<u8> {
    let mut d = weezl::decode::Decoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8);
    let mut out = Vec::new();
    let mut buf = [0u8; 1 << 14];
    let mut input = data;
    loop {
        let r = d.decode_bytes(input, &mut buf);
        out.extend_from_slice(&buf[..r.consumed_out]);
        input = &input[r.consumed_in..];
        if out.len() as u64 > cap {
            break;
        }
        match r.status {
            Ok(weezl::LzwStatus::Ok) if r.consumed_in > 0 || r.consumed_out > 0 => {}
            _ => break,
        }
    }
    out
}

/// PackBits-style run lengths, at most `cap` bytes plus one.
fn run_length(data: &[u8], cap: u64) -> Vec<u8> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() && (out.len() as u64) <= cap {
        let n = data[i] as usize;
        i += 1;
        match n {
            128 => break,
            0..=127 => {
                let end = (i + n + 1).min(data.len());
                out.extend_from_slice(&data[i..end]);
                i = end;
            }
            _ => {
                if let Some(&b) = data.get(i) {
                    out.extend(std::iter::repeat_n(b, 257 - n));
                }
                i += 1;
            }
        }
    }
    out
}

/// Parses a ToUnicode CMap: code → text, and whether codes are two bytes. Every entry added is
/// taken from `entries_left` (shared by the document's maps); past it the PDF is unreadable.
fn parse_cmap(text: &str, entries_left: &mut usize) -> Result<(HashMap<u32, String>, bool), String> {
    let mut map = HashMap::new();
    let mut take = |n: usize| -> Result<(), String> {
        *entries_left = entries_left
            .checked_sub(n)
            .ok_or_else(|| "the PDF's character maps are beyond the extraction limit".to_owned())?;
        Ok(())
    };
    let hexes = |s: &str| -> Vec<String> {
        let mut v = Vec::new();
        let mut rest = s;
        while let Some(a) = rest.find('<') {
            let Some(b) = rest[a..].find('>') else { break };
            v.push(
                rest[a + 1..a + b]
                    .chars()
                    .filter(|c| c.is_ascii_hexdigit())
                    .take(MAX_MAP_TARGET_HEX)
                    .collect(),
            );
            rest = &rest[a + b + 1..];
        }
        v
    };
    let utf16 = |h: &str| -> String {
        let units: Vec<u16> = (0..h.len() / 4)
            .filter_map(|i| u16::from_str_radix(&h[i * 4..i * 4 + 4], 16).ok())
            .collect();
        String::from_utf16_lossy(&units)
    };
    let two_byte = text
        .split("begincodespacerange")
        .nth(1)
        .and_then(|s| {
            hexes(s.split("endcodespacerange").next()?)
                .first()
                .map(|h| h.len() >= 4)
        })
        .unwrap_or(true);
    for section in text.split("beginbfchar").skip(1) {
        let body = section.split("endbfchar").next().unwrap_or("");
        for pair in hexes(body).chunks(2) {
            if let [src, dst] = pair
                && let Ok(code) = u32::from_str_radix(src, 16)
            {
                take(1)?;
                map.insert(code, utf16(dst));
            }
        }
    }
    for section in text.split("beginbfrange").skip(1) {
        let body = section.split("endbfrange").next().unwrap_or("");
        for line in body.lines() {
            let h = hexes(line);
            let (Some(lo), Some(hi)) = (h.first(), h.get(1)) else {
                continue;
            };
            let (Ok(lo), Ok(hi)) = (u32::from_str_radix(lo, 16), u32::from_str_radix(hi, 16)) else {
                continue;
            };
            if hi < lo || hi - lo > 0xFFFF {
                continue;
            }
            if line.contains('[') {
                take(h.len() - 2)?;
                for (i, dst) in h[2..].iter().enumerate() {
                    map.insert(lo + i as u32, utf16(dst));
                }
            } else if let Some(dst) = h.get(2) {
                let base: Vec<u16> = (0..dst.len() / 4)
                    .filter_map(|i| u16::from_str_radix(&dst[i * 4..i * 4 + 4], 16).ok())
                    .collect();
                take((hi - lo) as usize + 1)?;
                for (i, code) in (lo..=hi).enumerate() {
                    let mut units = base.clone();
                    if let Some(last) = units.last_mut() {
                        *last = last.wrapping_add(i as u16);
                    }
                    map.insert(code, String::from_utf16_lossy(&units));
                }
            }
        }
    }
    Ok((map, two_byte))
}

#[derive(Debug, Clone)]
enum Tok {
    Num(f64),
    Str(Vec<u8>),
    Name(String),
    Op(String),
    Other,
}

struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
}

impl Lexer<'_> {
    fn next(&mut self) -> Option<Tok> {
        let d = self.data;
        loop {
            while self.pos < d.len() && d[self.pos].is_ascii_whitespace() {
                self.pos += 1;
            }
            if d.get(self.pos) == Some(&b'%') {
                while self.pos < d.len() && d[self.pos] != b'\n' && d[self.pos] != b'\r' {
                    self.pos += 1;
                }
                continue;
            }
            break;
        }
        let c = *d.get(self.pos)?;
        match c {
            b'(' => Some(Tok::Str(self.literal())),
            b'<' if d.get(self.pos + 1) == Some(&b'<') => {
                self.pos += 2;
                Some(Tok::Other)
            }
            b'>' if d.get(self.pos + 1) == Some(&b'>') => {
                self.pos += 2;
                Some(Tok::Other)
            }
            b'<' => {
                let end = d[self.pos..]
                    .iter()
                    .position(|b| *b == b'>')
                    .map_or(d.len(), |e| self.pos + e);
                let hex: Vec<u8> = d[self.pos + 1..end]
                    .iter()
                    .copied()
                    .filter(u8::is_ascii_hexdigit)
                    .collect();
                self.pos = end + 1;
                let bytes = hex
                    .chunks(2)
                    .map(|p| {
                        let s = if p.len() == 2 { [p[0], p[1]] } else { [p[0], b'0'] };
                        u8::from_str_radix(std::str::from_utf8(&s).unwrap_or("00"), 16).unwrap_or(0)
                    })
                    .collect();
                Some(Tok::Str(bytes))
            }
            b'[' | b']' | b'{' | b'}' | b'>' | b')' => {
                self.pos += 1;
                Some(Tok::Other)
            }
            b'/' => {
                self.pos += 1;
                let start = self.pos;
                while self.pos < d.len() && !is_delim(d[self.pos]) {
                    self.pos += 1;
                }
                Some(Tok::Name(latin1(&d[start..self.pos])))
            }
            _ => {
                let start = self.pos;
                while self.pos < d.len() && !is_delim(d[self.pos]) {
                    self.pos += 1;
                }
                if self.pos == start {
                    self.pos += 1;
                    return Some(Tok::Other);
                }
                let word = &d[start..self.pos];
                let s = latin1(word);
                match s.parse::<f64>() {
                    Ok(n) => Some(Tok::Num(n)),
                    Err(_) => Some(Tok::Op(s)),
                }
            }
        }
    }

    /// A `( … )` string with nesting and escapes.
    fn literal(&mut self) -> Vec<u8> {
        let d = self.data;
        self.pos += 1;
        let mut out = Vec::new();
        let mut depth = 1;
        while let Some(&c) = d.get(self.pos) {
            self.pos += 1;
            match c {
                b'(' => {
                    depth += 1;
                    out.push(c);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    out.push(c);
                }
                b'\\' => {
                    let Some(&e) = d.get(self.pos) else { break };
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'0'..=b'7' => {
                            let mut v = (e - b'0') as u32;
                            for _ in 0..2 {
                                match d.get(self.pos) {
                                    Some(&o @ b'0'..=b'7') => {
                                        v = v * 8 + (o - b'0') as u32;
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push(v as u8);
                        }
                        b'\r' | b'\n' => {}
                        other => out.push(other),
                    }
                }
                _ => out.push(c),
            }
        }
        out
    }

    /// Skips inline image data up to `EI`.
    fn skip_inline_image(&mut self) {
        let d = self.data;
        if let Some(i) = memchr::memmem::find(&d[self.pos..], b"ID") {
            self.pos += i + 2;
        }
        match memchr::memmem::find(&d[self.pos..], b"EI") {
            Some(i) => self.pos += i + 2,
            None => self.pos = d.len(),
        }
    }
}

fn is_delim(b: u8) -> bool {
    b.is_ascii_whitespace() || b"()<>[]{}/%".contains(&b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::test_deadline as later;

    #[test]
    fn simple_pdf_lines() {
        let pdf = crate::bench::corpus::pdf(&["CONG HOA XA HOI".to_owned(), "TOI MAT".to_owned()], b"");
        let t = extract(&pdf, 1 << 20, 1 << 20, later()).expect("reads");
        assert_eq!(t.pages.len(), 1);
        let lines: Vec<&str> = t.pages[0].lines().map(str::trim).collect();
        assert_eq!(lines, vec!["CONG HOA XA HOI", "TOI MAT"], "{t:?}");
    }

    /// A PDF of numbered objects: `(dict, Some(stream))` for streams; `("", None)` leaves the
    /// number to an object stream.
    fn pdf_of(objects: &[(&str, Option<&str>)]) -> Vec<u8> {
        let mut out = String::from("%PDF-1.4\n");
        for (i, (dict, stream)) in objects.iter().enumerate() {
            match stream {
                None if dict.is_empty() => {}
                Some(data) => out.push_str(&format!(
                    "{} 0 obj << {dict} /Length {} >>\nstream\n{data}\nendstream\nendobj\n",
                    i + 1,
                    data.len()
                )),
                None => out.push_str(&format!("{} 0 obj {dict} endobj\n", i + 1)),
            }
        }
        out.into_bytes()
    }

    const CATALOG: &str = "<< /Type /Catalog /Pages 2 0 R >>";
    const PAGES: &str = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
    const HELVETICA: &str =
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";

    /// The document information dictionary the last trailer names gives its title, subject and
    /// keywords, a line each (UTF-16 and PDFDocEncoding strings); an earlier trailer's and a
    /// key that only begins with `/Info` do not count.
    #[test]
    fn the_document_properties_are_read() {
        let mut pdf = pdf_of(&[
            (CATALOG, None),
            (PAGES, None),
            (
                "<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
                None,
            ),
            (HELVETICA, None),
            ("", Some("BT /F1 12 Tf 72 720 Td (Phuong an) Tj ET")),
            ("<< /Title (Old title) >>", None),
            (
                "<< /Title <FEFF0050006801B001A1006E0067002000E1006E> /Subject (Bao ve) /Keywords <FEFF0054005500591EC600540020004D1EAC0054> /Author (Van thu) >>",
                None,
            ),
        ]);
        pdf.extend_from_slice(b"trailer\n<< /Size 8 /Root 1 0 R /Info 6 0 R >>\nstartxref\n0\n%%EOF\n");
        pdf.extend_from_slice(
            b"trailer\n<< /Size 8 /Root 1 0 R /Info 7 0 R /InfoX 6 0 R >>\nstartxref\n0\n%%EOF\n",
        );
        let t = extract(&pdf, 1 << 20, 1 << 20, later()).expect("reads");
        assert_eq!(t.pages, ["Phuong an\n"]);
        assert_eq!(t.properties, "Phương án\nBao ve\nTUYỆT MẬT\n");
        // Without an information dictionary, none.
        let plain = pdf_of(&[(CATALOG, None), (PAGES, None)]);
        assert_eq!(
            extract(&plain, 1 << 20, 1 << 20, later())
                .expect("reads")
                .properties,
            ""
        );
    }

    /// Text drawn by form XObjects (how stamping tools add a stamp), by an annotation's
    /// appearance (a stamp or text box added in a reader) and held by an annotation without one
    /// (a text box's `/Contents` in UTF-16) is read where the page draws it.
    #[test]
    fn forms_and_annotations_are_read_with_the_page() {
        let pdf = pdf_of(&[
            (CATALOG, None),
            (PAGES, None),
            (
                "<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /Fm1 6 0 R /Im1 9 0 R >> >> /Contents 4 0 R /Annots [7 0 R 8 0 R] >>",
                None,
            ),
            (
                "",
                Some("BT /F1 12 Tf 72 600 Td (Kinh gui) Tj ET q 1 0 0 1 72 740 cm /Fm1 Do Q /Im1 Do"),
            ),
            (HELVETICA, None),
            (
                "/Type /XObject /Subtype /Form /BBox [0 0 200 40] /Resources << /Font << /F2 5 0 R >> >>",
                Some("BT /F2 20 Tf 0 0 Td (TOI MAT) Tj ET"),
            ),
            (
                "<< /Type /Annot /Subtype /Stamp /Rect [300 760 500 800] /AP << /N 10 0 R >> >>",
                None,
            ),
            // (Object 8, the text box, is stored in object 11, an object stream.)
            ("", None),
            ("/Type /XObject /Subtype /Image /Width 1 /Height 1", Some("x")),
            (
                "/Type /XObject /Subtype /Form /BBox [0 0 200 40] /Resources << /Font << /F1 5 0 R >> >>",
                Some("BT /F1 18 Tf 5 5 Td (MAT) Tj ET"),
            ),
            (
                "/Type /ObjStm /N 1 /First 4",
                Some(
                    "8 0 << /Type /Annot /Subtype /FreeText /Rect [72 500 300 520] /Contents <FEFF0054005500591EC600540020004D1EAC0054> >>",
                ),
            ),
        ]);
        let t = extract(&pdf, 1 << 20, 1 << 20, later()).expect("reads");
        let lines: Vec<&str> = t.pages[0].lines().map(str::trim).collect();
        // Top down: the stamp annotation, the form, the page's own text; then the text box's.
        assert_eq!(lines, vec!["MAT", "TOI MAT", "Kinh gui", "TUYỆT MẬT"], "{t:?}");
        // /Im1 is drawn at one point square: a speck, not a scan.
        assert_eq!(t.images, [PageImages::default()]);
    }

    /// Files attached inside a PDF are found through their file specifications, an object of its
    /// own (its name in UTF-16) or one stored in an object stream (as PDF 1.5 writers save
    /// them), each stream read once; a specification without `/EF` is no file.
    #[test]
    fn embedded_files_are_found_by_their_specifications() {
        let pdf = pdf_of(&[
            (CATALOG, None),
            (PAGES, None),
            ("<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>", None),
            ("", Some("BT ET")),
            (
                "<< /Type /Filespec /UF <FEFF0050006800E1> /F (x.txt) /EF << /F 7 0 R >> >>",
                None,
            ),
            // (Object 6 is stored in object 9, an object stream.)
            ("", None),
            ("/Type /EmbeddedFile", Some("TOI MAT")),
            ("/Type /EmbeddedFile", Some("MAT")),
            (
                "/Type /ObjStm /N 3 /First 12",
                Some(
                    "6 0 10 60 11 90 << /Type /Filespec /F (phu-luc.txt) /EF << /F 8 0 R >> >> << /Type /Filespec /EF << /F 7 0 R >> >> << /Type /Filespec /F (link.txt) >>",
                ),
            ),
            // Objects 10 and 11 are in the object stream; 12 an embedded file no
            // specification names.
            ("", None),
            ("", None),
            ("/Type/EmbeddedFile /Subtype /text#2Fplain", Some("TUYET MAT")),
        ]);
        let t = extract(&pdf, 1 << 20, 1 << 20, later()).expect("reads");
        // (The streams end at `endstream`: this writer's line break is kept.)
        assert_eq!(
            t.files,
            vec![
                ("Phá".to_owned(), b"TOI MAT\n".to_vec()),
                ("phu-luc.txt".to_owned(), b"MAT\n".to_vec()),
                ("embedded file 12".to_owned(), b"TUYET MAT\n".to_vec()),
            ]
        );
    }

    /// Which pages draw a page-sized image: by an image XObject's `Do` or an inline image, not
    /// by a form, by an image only listed among the resources, nor by a logo's small picture.
    #[test]
    fn the_pages_that_draw_an_image_are_known() {
        let pdf = pdf_of(&[
            (CATALOG, None),
            ("<< /Type /Pages /Kids [3 0 R 5 0 R 7 0 R] /Count 3 >>", None),
            (
                "<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 9 0 R >> /XObject << /Im1 10 0 R >> >> /Contents 4 0 R >>",
                None,
            ),
            (
                "",
                Some("BT /F1 12 Tf 72 600 Td (Kinh gui) Tj ET q 90 0 0 60 72 760 cm /Im1 Do Q"),
            ),
            (
                "<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 9 0 R >> >> /Contents 6 0 R >>",
                None,
            ),
            (
                "",
                Some(
                    "BT /F1 12 Tf 72 600 Td (Trang 2) Tj ET q 590 0 0 840 0 0 cm BI /W 1 /H 1 /CS /G /BPC 8 ID x EI Q",
                ),
            ),
            (
                "<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 9 0 R >> /XObject << /Im1 10 0 R >> >> /Contents 8 0 R >>",
                None,
            ),
            (
                "",
                Some("BT /F1 12 Tf 72 600 Td (Trang 3) Tj ET q 595 0 0 842 0 0 cm /Im1 Do Q"),
            ),
            (HELVETICA, None),
            ("/Type /XObject /Subtype /Image /Width 1 /Height 1", Some("x")),
        ]);
        let t = extract(&pdf, 1 << 20, 1 << 20, later()).expect("reads");
        assert_eq!(t.pages.len(), 3, "{t:?}");
        let sized = |page_sized| PageImages {
            page_sized,
            near_top: false,
        };
        assert_eq!(t.images, [sized(false), sized(true), sized(true)]);
    }

    /// A picture where the stamp sits on a typed page (the top of its box, inherited from the
    /// page tree, here a Letter page moved up by 100 points) is noted; the same picture at the
    /// foot of the page (a signature's seal), a rule drawn as a thin image and a picture of a
    /// few pixels are not.
    #[test]
    fn a_picture_where_the_stamp_sits_is_known() {
        let page = |content: &'static str| {
            let pdf = pdf_of(&[
                (CATALOG, None),
                (
                    "<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 100 612 892] >>",
                    None,
                ),
                (
                    "<< /Type /Page /Parent 2 0 R /Resources << /XObject << /Im1 5 0 R /Im2 6 0 R >> >> /Contents 4 0 R >>",
                    None,
                ),
                ("", Some(content)),
                ("/Type /XObject /Subtype /Image /Width 360 /Height 110", Some("x")),
                ("/Type /XObject /Subtype /Image /Width 8 /Height 8", Some("x")),
            ]);
            extract(&pdf, 1 << 20, 1 << 20, later()).expect("reads").images[0]
        };
        assert!(page("q 120 0 0 37 70 760 cm /Im1 Do Q").near_top);
        // Its top edge just inside the top 42 % of the page (892 - 0.42 × 792 = 559.4).
        assert!(page("q 120 0 0 37 70 530 cm /Im1 Do Q").near_top);
        assert!(!page("q 120 0 0 37 70 500 cm /Im1 Do Q").near_top);
        assert!(!page("q 120 0 0 37 400 130 cm /Im1 Do Q").near_top);
        assert!(!page("q 400 0 0 2 70 760 cm /Im1 Do Q").near_top);
        assert!(!page("q 120 0 0 37 70 760 cm /Im2 Do Q").near_top);
        // Off the page.
        assert!(!page("q 120 0 0 37 70 1000 cm /Im1 Do Q").near_top);
        assert!(!page("q 120 0 0 37 70 760 cm /Im1 Do Q").page_sized);
    }

    /// A text box's `/Contents` written as a literal string of raw bytes (UTF-16 after its
    /// byte-order mark) is read byte for byte.
    #[test]
    fn a_literal_string_of_raw_bytes_is_read_as_its_bytes() {
        let pdf = pdf_of(&[
            (CATALOG, None),
            (PAGES, None),
            ("<< /Type /Page /Parent 2 0 R /Annots [4 0 R] >>", None),
            (
                "<< /Type /Annot /Subtype /FreeText /Rect [0 0 9 9] /Contents (@@) >>",
                None,
            ),
        ]);
        let at = pdf.windows(2).position(|w| w == b"@@").expect("placeholder");
        let utf16: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("MẬT".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let pdf = [&pdf[..at], &utf16[..], &pdf[at + 2..]].concat();
        let t = extract(&pdf, 1 << 20, 1 << 20, later()).expect("reads");
        assert_eq!(t.pages[0].trim(), "MẬT", "{t:?}");
    }

    /// Forms drawing forms: a form that draws itself (each time a line lower) stops at the
    /// depth limit, and ten forms each drawing the next ten times stop at the document's
    /// budget of forms: read well within the time limit, not 10¹⁰ forms later.
    #[test]
    fn forms_drawing_forms_are_bounded() {
        let mut objects: Vec<(String, Option<String>)> = vec![
            (CATALOG.into(), None),
            (PAGES.into(), None),
            (
                "<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /S 6 0 R /A 7 0 R >> >> /Contents 4 0 R >>".into(),
                None,
            ),
            ("".into(), Some("/S Do /A Do".into())),
            (HELVETICA.into(), None),
        ];
        // 6 draws itself; 7..=16: ten levels, each drawing the next ten times.
        let level = |n: usize| {
            (
                format!(
                    "/Type /XObject /Subtype /Form /Resources << /Font << /F1 5 0 R >> /XObject << /N {} 0 R >> >>",
                    n + 1
                ),
                Some(format!("BT /F1 9 Tf (X) Tj ET{}", " /N Do".repeat(10))),
            )
        };
        objects.push((
            "/Type /XObject /Subtype /Form /Matrix [1 0 0 1 0 -20] /Resources << /Font << /F1 5 0 R >> /XObject << /S 6 0 R >> >>".into(),
            Some("BT /F1 9 Tf 0 700 Td (Y) Tj ET /S Do".into()),
        ));
        for n in 7..=16 {
            objects.push(level(n));
        }
        let refs: Vec<(&str, Option<&str>)> =
            objects.iter().map(|(d, s)| (d.as_str(), s.as_deref())).collect();
        let t = extract(&pdf_of(&refs), 1 << 24, 1 << 24, later()).expect("read within the time limit");
        let page = &t.pages[0];
        assert_eq!(page.matches('Y').count(), MAX_FORM_DEPTH, "{page}");
        assert!(page.contains('X'), "{page}");
    }

    #[test]
    fn fuzz_regressions_do_not_panic() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions/pdf");
        let mut n = 0;
        for entry in std::fs::read_dir(&dir).expect("fuzz/regressions/pdf") {
            let data = std::fs::read(entry.expect("entry").path()).expect("read");
            let _ = extract(&data, 16 << 20, 16 << 20, later());
            n += 1;
        }
        assert!(n >= 1);
        // A filter name ending inside a two-byte character (the dictionary is read as Latin-1).
        assert_eq!(filters("/Filter /Fl\u{e9}"), ["Fl\u{e9}"]);
        assert_eq!(filters("/Filter/\u{e9}/Length 3"), ["\u{e9}"]);
    }

    #[test]
    fn every_text_filter_decodes_and_chains() {
        assert_eq!(
            ascii85(b"95/9W+D5h23ZqBt8K^_n<$3qM1,^9~>"),
            b"Kinh gui: TOI MAT 2026!"
        );
        assert_eq!(ascii85(b"z~>"), [0; 4]);
        assert_eq!(ascii_hex(b"54 4f4\n9>"), b"TOI");
        assert_eq!(ascii_hex(b"4>"), [0x40]);
        assert_eq!(
            run_length(&[2, b'M', b'A', b'T', 254, b'!', 128, b'x'], 100),
            b"MAT!!!"
        );
        let plain = b"BT /F1 12 Tf 70 800 Td (TOI MAT) Tj ET".repeat(20);
        let mut e = weezl::encode::Encoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8);
        let packed = e.encode(&plain).expect("lzw");
        assert_eq!(lzw(&packed, 1 << 20), plain);
        assert!(lzw(&packed, 10).len() <= 10 + (1 << 14), "bounded by the cap");
        // A content stream as reportlab writes it: ASCII85 over Flate.
        let content = "Garg^;:'MC<%p.,#Y@rK2c-_40Mi$H;:#U=pJgX)%+/#[a\\m'e!<AmA#fc~>";
        let pdf = format!(
            "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >> endobj\n4 0 obj << /Filter [ /ASCII85Decode /FlateDecode ] /Length {} >>\nstream\n{content}\nendstream\nendobj\n5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> endobj\n",
            content.len()
        );
        let t = extract(pdf.as_bytes(), 1 << 20, 1 << 20, later()).expect("reads");
        assert_eq!(t.pages[0].trim(), "TOI MAT", "{t:?}");
    }

    #[test]
    fn composite_font_without_to_unicode_is_counted_unreadable() {
        let content = "BT /F1 12 Tf <00410042> Tj ET";
        let pdf = format!(
            "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >> endobj\n4 0 obj << /Length {} >>\nstream\n{content}\nendstream\nendobj\n5 0 obj << /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H >> endobj\n",
            content.len()
        );
        let t = extract(pdf.as_bytes(), 1 << 20, 1 << 20, later()).expect("reads");
        assert_eq!(t.undecodable, 1);
    }

    #[test]
    fn encrypted_with_the_empty_password_is_read_and_with_a_password_refused() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/sources");
        for f in [
            "pdf-r2-rc4-40.pdf",
            "pdf-r3-rc4-128.pdf",
            "pdf-r4-aes128.pdf",
            "pdf-r6-aes256.pdf",
        ] {
            let data = std::fs::read(dir.join(f)).expect("source PDF");
            let t = extract(&data, 1 << 24, 1 << 20, later()).unwrap_or_else(|e| panic!("{f}: {e}"));
            assert!(t.pages.concat().contains("TỐI MẬT"), "{f}: {:?}", t.pages);
        }
        let data = std::fs::read(dir.join("pdf-r6-password.pdf")).expect("source PDF");
        let why = extract(&data, 1 << 24, 1 << 20, later()).err();
        assert_eq!(
            why.as_deref(),
            Some("the PDF is encrypted with a password (not the empty one)")
        );
    }

    #[test]
    fn encrypted_with_a_user_password_is_read_with_the_one_the_message_gives() {
        use crate::extract::passwords::Passwords;
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/sources");
        for (f, text) in [
            ("pdf-r3-password.pdf", "Mật khẩu: matkhau"),
            ("pdf-r4-password.pdf", "Gửi anh bản báo cáo, pass là Ld@2026."),
            ("pdf-r6-password.pdf", "Mật khẩu mở tệp:\nmatkhau\n"),
        ] {
            let data = std::fs::read(dir.join(f)).expect("source PDF");
            let mut p = Passwords::of_text(text.to_owned());
            let t = extract_opening(&data, 1 << 24, 1 << 20, later(), Some(("part 2", &mut p)))
                .unwrap_or_else(|e| panic!("{f}: {e}"));
            assert!(t.pages.concat().contains("TỐI MẬT"), "{f}: {:?}", t.pages);
            assert_eq!(p.opened.len(), 1, "{f}");
            assert_eq!(p.opened[0].path, "part 2");
            // Not with another password, nor without one.
            let mut wrong = Passwords::of_text("Mật khẩu: 123456".to_owned());
            let why = extract_opening(&data, 1 << 24, 1 << 20, later(), Some(("part 2", &mut wrong))).err();
            assert_eq!(
                why.as_deref(),
                Some("the PDF is encrypted with a password (not the empty one)"),
                "{f}"
            );
            assert!(extract(&data, 1 << 24, 1 << 20, later()).is_err(), "{f}");
        }
    }

    #[test]
    fn encrypted_is_refused() {
        let mut pdf = crate::bench::corpus::pdf(&["x".to_owned()], b"");
        pdf.extend_from_slice(b"trailer << /Encrypt 9 0 R >>");
        assert!(
            extract(&pdf, 1 << 20, 1 << 20, later())
                .unwrap_err()
                .contains("encrypted")
        );
    }

    #[test]
    fn cmap_ranges_and_chars() {
        let cmap = "1 begincodespacerange <0000> <FFFF> endcodespacerange\n2 beginbfchar\n<0003> <0020>\n<0010> <1EAC>\nendbfchar\n1 beginbfrange\n<0020> <0022> <0041>\nendbfrange";
        let (map, wide) = parse_cmap(cmap, &mut MAX_MAP_ENTRIES.clone()).expect("within limits");
        assert!(wide);
        assert_eq!(map.get(&0x10).map(String::as_str), Some("Ậ"));
        assert_eq!(map.get(&0x22).map(String::as_str), Some("C"));
    }

    #[test]
    fn garbage_does_not_panic() {
        for junk in [
            &b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 1 0 R >> endobj"[..],
            b"%PDF obj obj 0 obj stream",
            b"%PDF-1.7\n3 0 obj<</Length 5/Filter/FlateDecode>>stream\nxxxxx\nendstream endobj",
        ] {
            let _ = extract(junk, 1 << 20, 1 << 20, later());
        }
    }

    /// Issue 14, defect 2a: every `bfrange` line may ask for 65,536 entries; 80 of them in a
    /// 1.4 KB mail cost 543 MB. Now the document's maps share one entry budget.
    #[test]
    fn cmap_range_bomb_is_bounded() {
        let mut cmap =
            String::from("1 begincodespacerange <0000> <FFFF> endcodespacerange\n80 beginbfrange\n");
        for _ in 0..80 {
            cmap.push_str("<0000> <FFFF> <0041>\n");
        }
        cmap.push_str("endbfrange\n");
        let err = parse_cmap(&cmap, &mut MAX_MAP_ENTRIES.clone()).unwrap_err();
        assert!(err.contains("character maps"), "{err}");
        // The same through a whole PDF: many fonts sharing the map parse it once; many maps
        // exhaust the budget and the PDF is reported unreadable, fast.
        let mut pdf = String::from("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
        pdf.push_str("2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n");
        let fonts: String = (0..40).map(|i| format!("/F{i} {} 0 R ", 100 + i)).collect();
        pdf.push_str(&format!(
            "3 0 obj << /Type /Page /Parent 2 0 R /Resources << /Font << {fonts} >> >> /Contents 4 0 R >> endobj\n"
        ));
        pdf.push_str("4 0 obj << /Length 8 >>\nstream\nBT ET\nendstream\nendobj\n");
        let one = "1 begincodespacerange <0000> <FFFF> endcodespacerange\n1 beginbfrange\n<0000> <FFFF> <0041>\nendbfrange";
        for i in 0..40 {
            pdf.push_str(&format!(
                "{} 0 obj << /Type /Font /Subtype /Type0 /ToUnicode {} 0 R >> endobj\n{} 0 obj << /Length {} >>\nstream\n{one}\nendstream\nendobj\n",
                100 + i,
                200 + i,
                200 + i,
                one.len()
            ));
        }
        let started = std::time::Instant::now();
        let err = extract(pdf.as_bytes(), 1 << 20, 1 << 20, later()).unwrap_err();
        assert!(err.contains("character maps"), "{err}");
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }

    /// Issue 14, defect 2b: object-stream offsets written out of order copied the whole stream
    /// for every second object (9 KB mail: 1 GB). Bodies are now cut at the next offset by
    /// position, so they add up to at most the stream.
    #[test]
    fn object_stream_offsets_out_of_order_stay_linear() {
        let body = "<< /X 1 >> ".repeat(2000);
        let n = 20_000;
        let header: String = (0..n)
            .map(|i| format!("{} {} ", 1000 + i, if i % 2 == 0 { 0 } else { body.len() - 1 }))
            .collect();
        let stream = format!("{header}{body}");
        let pdf = format!(
            "%PDF-1.5\n1 0 obj << /Type /ObjStm /N {n} /First {} /Length {} >>\nstream\n{stream}\nendstream\nendobj\n",
            header.len(),
            stream.len()
        );
        let mut doc = Doc {
            objects: scan_objects(pdf.as_bytes()),
            packed: HashMap::new(),
            inflate_left: 1 << 30,
            deadline: later(),
            fonts: HashMap::new(),
            cmaps: HashMap::new(),
            map_entries_left: MAX_MAP_ENTRIES,
            forms_left: MAX_FORMS,
            form_contents: HashMap::new(),
            text_left: 1 << 20,
            tcvn3_lowercase: false,
            undecodable: 0,
            drew: PageImages::default(),
            media: A4,
            decryptor: None,
        };
        doc.unpack_object_streams().expect("unpacks");
        let copied: usize = doc.packed.values().map(String::len).sum();
        assert!(
            copied <= stream.len(),
            "{copied} bytes copied from a {} byte stream",
            stream.len()
        );
    }
}
