//! RTF text: `\uN` escapes (with `\ucN` fallbacks skipped), `\'hh` bytes decoded through the
//! code page of the current font (`\fcharset`, `\ansicpg`: Windows-1258 for Vietnamese) or its
//! legacy Vietnamese encoding when the font is `.VnTime*` or `VNI-*`; paragraphs, line breaks
//! and table cells end lines. Pictures (`\pict`: a scan pasted into the document) and embedded
//! objects (`\objdata`: an OLE 1 object, a packaged file or an Office document inside) are
//! decoded from their hex (or `\bin`) data and returned as files, for OCR and for the readers of
//! their formats; other binary destinations are skipped. Outlook keeps a message's rich text
//! body compressed (MS-OXRTFCP): [`outlook_compressed`] gives the RTF back.

use crate::vietnamese::{self, Legacy};
use std::collections::HashMap;
use std::time::Instant;

/// Text of an RTF document.
#[derive(Debug, Default)]
pub struct RtfText {
    pub text: String,
    pub tcvn3_lowercase: bool,
    /// Pictures in a format OCR reads (PNG, JPEG, GIF, BMP, TIFF…; not Windows metafiles) and
    /// the files inside embedded objects, each with a name (`picture N`; a packaged file's
    /// own, or the object's class), at most [`MAX_FILES`], each at most the document's size.
    pub files: Vec<(String, Vec<u8>)>,
}

/// Pictures and objects returned from one document.
pub const MAX_FILES: usize = 32;

/// Which binary destination is being decoded.
#[derive(Clone, Copy, PartialEq)]
enum Binary {
    Picture,
    Object,
}

/// The data of a `\pict` or `\objdata` group being decoded: the group's nesting depth (its
/// hex digits only, not those of the groups inside it, such as `\picprop`'s), its bytes, and
/// a pending high nibble.
struct Collecting {
    depth: usize,
    kind: Binary,
    bytes: Vec<u8>,
    high: Option<u8>,
}

#[derive(Clone, Default)]
struct Group {
    /// Characters to skip after `\uN`.
    uc: usize,
    font: Option<i32>,
    /// Inside a destination whose text is not document text.
    skip: bool,
    /// Inside the font table (collecting names).
    fonttbl: bool,
    /// Shown in capitals (`\caps`, `\scaps`: Word's All caps and Small caps).
    caps: bool,
}

impl Group {
    fn run(&self) -> Run {
        Run {
            font: self.font,
            caps: self.caps,
        }
    }
}

/// How a character is shown: its font (for legacy encodings) and whether in capitals.
#[derive(Clone, Copy, PartialEq, Default)]
struct Run {
    font: Option<i32>,
    caps: bool,
}

#[derive(Clone, Default)]
struct FontDef {
    charset: Option<u32>,
    name: String,
}

/// Destinations whose content is not text.
const SKIPPED: &[&str] = &[
    "colortbl",
    "stylesheet",
    "pict",
    "object",
    "objdata",
    "themedata",
    "colorschememapping",
    "datastore",
    "latentstyles",
    "xmlnstbl",
    "listtable",
    "listoverridetable",
    "rsidtbl",
    "generator",
    "fldinst",
    "bkmkstart",
    "bkmkend",
    "header_binary",
    "blipuid",
    "shppict",
    "nonshppict",
    "filetbl",
    "revtbl",
    "wgrffmtfilter",
    "pgdsctbl",
    "xe",
    "tc",
    "fontemb",
    "fontfile",
    "panose",
    "falt",
];

/// The RTF of Outlook's compressed RTF (`PR_RTF_COMPRESSED`, in a winmail.dat's or an Outlook
/// message file's properties): its 16-byte header checked first (the sizes agree with the data,
/// the type is `LZFu` or `MELA`, the RTF at most [`MAX_RTF_EXPANSION`] times the data), then
/// decompressed by `compressed-rtf`, its CRC verified. `None` when it is not one or is damaged.
pub fn outlook_compressed(data: &[u8]) -> Option<Vec<u8>> {
    let word = |i: usize| {
        data.get(i..i + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    };
    let (size, raw_size, kind) = (word(0)?, word(4)?, word(8)?);
    let compressed = kind == 0x7546_5A4C; // "LZFu"
    let plain = kind == 0x414C_454D; // "MELA"
    let sane = size.checked_add(4) == Some(data.len())
        && (compressed || plain)
        && raw_size <= data.len().saturating_mul(MAX_RTF_EXPANSION)
        && (compressed || raw_size.checked_add(16).is_some_and(|n| n <= data.len()));
    if !sane {
        return None;
    }
    // (Checked above against what the crate slices and allocates; a panic still costs only
    // this body, not the message.)
    let rtf = std::panic::catch_unwind(|| compressed_rtf::decompress_rtf(data))
        .ok()?
        .ok()?;
    // Its text is the RTF's bytes one character each (RTF is 7-bit, `\'hh` for the others).
    Some(rtf.chars().map(|c| c as u32 as u8).collect())
}

/// How much larger than its compressed data an RTF body may say it is: a reference of two bytes
/// stands for at most 17, with a control byte for every eight.
const MAX_RTF_EXPANSION: usize = 9;

pub(super) fn encoding_for(charset: Option<u32>, ansicpg: u32) -> &'static encoding_rs::Encoding {
    let cp = match charset {
        Some(163) => 1258,
        Some(238) => 1250,
        Some(204) => 1251,
        Some(161) => 1253,
        Some(162) => 1254,
        Some(177) => 1255,
        Some(178) => 1256,
        Some(186) => 1257,
        Some(222) => 874,
        Some(0) | Some(1) | None => ansicpg,
        Some(_) => ansicpg,
    };
    match cp {
        1258 => encoding_rs::WINDOWS_1258,
        1250 => encoding_rs::WINDOWS_1250,
        1251 => encoding_rs::WINDOWS_1251,
        1253 => encoding_rs::WINDOWS_1253,
        1254 => encoding_rs::WINDOWS_1254,
        1255 => encoding_rs::WINDOWS_1255,
        1256 => encoding_rs::WINDOWS_1256,
        1257 => encoding_rs::WINDOWS_1257,
        874 => encoding_rs::WINDOWS_874,
        _ => encoding_rs::WINDOWS_1252,
    }
}

struct State {
    out: RtfText,
    fonts: HashMap<i32, FontDef>,
    ansicpg: u32,
    /// Bytes from `\'hh` (and raw 8-bit characters) waiting to be decoded together.
    pending: Vec<u8>,
    pending_run: Run,
    /// Font table entry being read.
    current_def: Option<i32>,
    /// The picture or object whose data is being decoded.
    collecting: Option<Collecting>,
    pictures: usize,
}

impl State {
    fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let def = self
            .pending_run
            .font
            .and_then(|f| self.fonts.get(&f))
            .cloned()
            .unwrap_or_default();
        let enc = encoding_for(def.charset, self.ansicpg);
        let (text, _) = enc.decode_without_bom_handling(&self.pending);
        let text = match Legacy::from_font(&def.name) {
            Some(l) => {
                if l == (Legacy::Tcvn3 { capitals: false }) {
                    self.out.tcvn3_lowercase = true;
                }
                let latin: String = self.pending.iter().map(|&b| b as char).collect();
                l.decode(&latin)
            }
            None => vietnamese::nfc(&text).into_owned(),
        };
        if self.pending_run.caps {
            self.out.text.push_str(&text.to_uppercase());
        } else {
            self.out.text.push_str(&text);
        }
        self.pending.clear();
    }

    fn push_str(&mut self, s: &str, run: Run) {
        // Text in a legacy font is decoded together with its 8-bit characters (VNI puts the mark
        // after the ASCII vowel; TCVN3 capital fonts draw ASCII as capitals).
        let legacy = run
            .font
            .and_then(|f| self.fonts.get(&f))
            .is_some_and(|d| Legacy::from_font(&d.name).is_some());
        if legacy && s.chars().all(|c| (c as u32) < 0x100) {
            for c in s.chars() {
                self.push_byte(c as u8, run);
            }
            return;
        }
        self.flush();
        if run.caps {
            self.out.text.push_str(&s.to_uppercase());
        } else {
            self.out.text.push_str(s);
        }
    }

    fn push_byte(&mut self, b: u8, run: Run) {
        if self.pending_run != run {
            self.flush();
            self.pending_run = run;
        }
        self.pending.push(b);
    }

    /// Starts decoding the data of a picture or an object whose group is `depth` deep (not one
    /// inside another, and not past [`MAX_FILES`]).
    fn collect(&mut self, kind: Binary, depth: usize) {
        if self.collecting.is_none() && self.out.files.len() < MAX_FILES {
            self.collecting = Some(Collecting {
                depth,
                kind,
                bytes: Vec::new(),
                high: None,
            });
        }
    }

    /// The group `depth` deep ends: a picture or object decoded in it becomes a file.
    fn end_group(&mut self, depth: usize) {
        if self.collecting.as_ref().is_none_or(|c| c.depth != depth) {
            return;
        }
        let Some(c) = self.collecting.take() else {
            return;
        };
        match c.kind {
            Binary::Picture => {
                if super::ocr::is_image(&c.bytes) {
                    self.pictures += 1;
                    self.out
                        .files
                        .push((format!("picture {}", self.pictures), c.bytes));
                }
            }
            Binary::Object => {
                if let Some(f) = ole1_object(&c.bytes) {
                    self.out.files.push(f);
                }
            }
        }
    }

    fn newline(&mut self) {
        self.flush();
        if !self.out.text.ends_with('\n') {
            self.out.text.push('\n');
        }
    }
}

/// Extracts the text of an RTF document.
pub fn extract(data: &[u8], deadline: Instant) -> Result<RtfText, String> {
    let mut st = State {
        out: RtfText::default(),
        fonts: HashMap::new(),
        ansicpg: 1252,
        pending: Vec::new(),
        pending_run: Run::default(),
        current_def: None,
        collecting: None,
        pictures: 0,
    };
    let mut stack: Vec<Group> = Vec::new();
    let mut g = Group {
        uc: 1,
        ..Group::default()
    };
    let mut skip_chars = 0usize;
    let mut i = 0;
    let mut steps = 0u32;
    while i < data.len() {
        steps = steps.wrapping_add(1);
        if steps.is_multiple_of(65536) && Instant::now() > deadline {
            return Err("time limit reached while reading RTF".to_owned());
        }
        let c = data[i];
        match c {
            b'{' => {
                if stack.len() > 1000 {
                    return Err("RTF groups nested too deep".to_owned());
                }
                stack.push(g.clone());
                i += 1;
            }
            b'}' => {
                if g.fonttbl
                    && let Some(f) = st.current_def.take()
                    && let Some(def) = st.fonts.get_mut(&f)
                {
                    def.name = def.name.trim().trim_end_matches(';').trim().to_owned();
                }
                st.end_group(stack.len());
                g = stack.pop().unwrap_or_default();
                i += 1;
            }
            b'\\' => {
                let Some(&n) = data.get(i + 1) else { break };
                if n == b'\'' {
                    let hex = data.get(i + 2..i + 4).and_then(|h| std::str::from_utf8(h).ok());
                    i += 4;
                    if skip_chars > 0 {
                        skip_chars -= 1;
                        continue;
                    }
                    if let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok())
                        && !g.skip
                        && !g.fonttbl
                    {
                        st.push_byte(b, g.run());
                    }
                    continue;
                }
                if !n.is_ascii_alphabetic() {
                    // Control symbols: \\ \{ \} \~ \- \* …
                    i += 2;
                    match n {
                        b'*' => g.skip = true,
                        b'\\' | b'{' | b'}' if !g.skip && !g.fonttbl => {
                            st.push_str(&(n as char).to_string(), g.run())
                        }
                        b'~' if !g.skip => st.push_str(" ", g.run()),
                        b'\n' | b'\r' if !g.skip => st.newline(),
                        _ => {}
                    }
                    continue;
                }
                let start = i + 1;
                let mut j = start;
                while j < data.len() && data[j].is_ascii_alphabetic() && j - start < 32 {
                    j += 1;
                }
                let word = std::str::from_utf8(&data[start..j]).unwrap_or("");
                let num_start = j;
                if j < data.len() && data[j] == b'-' {
                    j += 1;
                }
                while j < data.len() && data[j].is_ascii_digit() && j - num_start < 11 {
                    j += 1;
                }
                let param: Option<i64> = std::str::from_utf8(&data[num_start..j])
                    .ok()
                    .and_then(|s| s.parse().ok());
                if data.get(j) == Some(&b' ') {
                    j += 1;
                }
                i = j;
                match word {
                    "bin" => {
                        let end = i
                            .saturating_add(param.unwrap_or(0).max(0) as usize)
                            .min(data.len());
                        if let Some(c) = st.collecting.as_mut().filter(|c| c.depth == stack.len()) {
                            c.bytes.extend_from_slice(&data[i..end]);
                        }
                        i = end;
                        continue;
                    }
                    "pict" => {
                        st.collect(Binary::Picture, stack.len());
                        g.skip = true;
                    }
                    "objdata" => {
                        st.collect(Binary::Object, stack.len());
                        g.skip = true;
                    }
                    "fonttbl" => g.fonttbl = true,
                    "ansicpg" => st.ansicpg = param.unwrap_or(1252) as u32,
                    "uc" => g.uc = param.unwrap_or(1).max(0) as usize,
                    "f" => {
                        let f = param.unwrap_or(0) as i32;
                        if g.fonttbl {
                            st.current_def = Some(f);
                            st.fonts.entry(f).or_default();
                        } else {
                            g.font = Some(f);
                        }
                    }
                    "fcharset" if g.fonttbl => {
                        if let Some(f) = st.current_def
                            && let Some(def) = st.fonts.get_mut(&f)
                        {
                            def.charset = param.map(|p| p as u32);
                        }
                    }
                    "u" if !g.skip && !g.fonttbl => {
                        let v = param.unwrap_or(0);
                        let v = if v < 0 { v + 65536 } else { v };
                        if let Some(ch) = char::from_u32(v as u32) {
                            let run = Run {
                                font: None,
                                caps: g.caps,
                            };
                            st.push_str(ch.encode_utf8(&mut [0; 4]), run);
                        }
                        skip_chars = g.uc;
                    }
                    "par" | "line" | "cell" | "row" | "sect" | "page" | "nestcell" if !g.skip => st.newline(),
                    "tab" if !g.skip => st.push_str("\t", g.run()),
                    "caps" | "scaps" => g.caps = param != Some(0),
                    "plain" => g.caps = false,
                    w if SKIPPED.contains(&w) => g.skip = true,
                    _ => {}
                }
            }
            b'\r' | b'\n' => i += 1,
            _ => {
                i += 1;
                if skip_chars > 0 {
                    skip_chars -= 1;
                    continue;
                }
                if g.fonttbl {
                    if !g.skip
                        && let Some(f) = st.current_def
                        && let Some(def) = st.fonts.get_mut(&f)
                        && def.name.len() < 128
                    {
                        def.name.push(c as char);
                    }
                    continue;
                }
                if g.skip {
                    if let Some(col) = st.collecting.as_mut().filter(|col| col.depth == stack.len())
                        && let Some(nibble) = (c as char).to_digit(16)
                    {
                        match col.high.take() {
                            Some(h) => col.bytes.push(h << 4 | nibble as u8),
                            None => col.high = Some(nibble as u8),
                        }
                    }
                    continue;
                }
                if c >= 0x80 {
                    st.push_byte(c, g.run());
                } else {
                    st.push_str((c as char).encode_utf8(&mut [0; 4]), g.run());
                }
            }
        }
    }
    // A document cut short inside a picture or an object: what was decoded of it is read.
    if let Some(depth) = st.collecting.as_ref().map(|c| c.depth) {
        st.end_group(depth);
    }
    st.flush();
    Ok(st.out)
}

/// The file inside an OLE 1 embedded object (`\objdata`): OLE version, format (2: embedded),
/// the class, topic and item names (each its length, then its bytes), the native data's size
/// and the data. A `Package` object's data is a packaged file (its own name and bytes,
/// [`super::ole::packaged_file`]); another class's (`Word.Document.8`, `Excel.Sheet.12`…) is
/// the document itself, an OLE compound file.
fn ole1_object(b: &[u8]) -> Option<(String, Vec<u8>)> {
    let u32_at = |i: usize| -> Option<usize> {
        Some(u32::from_le_bytes(b.get(i..i.checked_add(4)?)?.try_into().ok()?) as usize)
    };
    if u32_at(4)? != 2 {
        return None;
    }
    let mut i = 8usize;
    let mut class = String::new();
    for n in 0..3 {
        let len = u32_at(i)?;
        let name = b.get(i + 4..(i + 4).checked_add(len)?)?;
        if n == 0 {
            class = String::from_utf8_lossy(name).trim_end_matches('\0').to_owned();
        }
        i = i + 4 + len;
    }
    let size = u32_at(i)?;
    let native = b.get(i + 4..(i + 4).checked_add(size)?)?;
    if class == "Package" {
        return super::ole::packaged_file(native);
    }
    Some((class, native.to_vec()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::test_deadline as later;

    /// Outlook's compressed RTF: compressed and stored forms read back; a header that lies
    /// about the sizes or the type, a damaged CRC, or a short stream give nothing.
    #[test]
    fn outlook_compressed_rtf_is_read_back() {
        let rtf = "{\\rtf1\\ansi\\ansicpg1252 T\\u7888?I M\\u7852?T\\par K\\u7871? ho\\u7841?ch\\par}";
        let packed = compressed_rtf::compress_rtf(rtf).expect("compresses");
        assert_eq!(outlook_compressed(&packed), Some(rtf.as_bytes().to_vec()));
        let stored = compressed_rtf::encode_rtf(rtf).expect("stores");
        assert_eq!(outlook_compressed(&stored), Some(rtf.as_bytes().to_vec()));
        let mut crc = packed.clone();
        crc[12] ^= 1;
        let mut big = packed.clone();
        big[4..8].copy_from_slice(&u32::MAX.to_le_bytes());
        let mut short = stored.clone();
        short[4..8].copy_from_slice(&(stored.len() as u32).to_le_bytes());
        let mut kind = packed.clone();
        kind[8] = b'X';
        for bad in [
            crc,
            big,
            short,
            kind,
            packed[..packed.len() - 1].to_vec(),
            packed[..10].to_vec(),
        ] {
            assert_eq!(outlook_compressed(&bad), None);
        }
    }

    #[test]
    fn unicode_escapes_and_cells() {
        let rtf = br"{\rtf1\ansi\ansicpg1252\uc1{\fonttbl{\f0\fswiss Arial;}}{\*\generator Foo;}{\pict\pngblip 89504e47}
\f0 UBND T\u7880?NH\cell T\u7888?I M\u7852?T\cell\row Xin ch\u224?o\par}";
        let t = extract(rtf, later()).expect("reads");
        let lines: Vec<&str> = t.text.lines().collect();
        assert_eq!(lines, vec!["UBND TỈNH", "TỐI MẬT", "Xin chào"], "{t:?}");
    }

    #[test]
    fn code_page_1258_and_legacy_fonts() {
        // Windows-1258: Â (0xC2) + combining dot below (0xF2).
        let rtf = br"{\rtf1\ansi\ansicpg1258{\fonttbl{\f0\froman\fcharset163 Times New Roman;}{\f1\fnil .VnTimeH;}{\f2 VNI-Times;}}
\f0 T\'d4\'ecI M\'c2\'f2T\par\f1 M\'cbT\par{\f2 TUYE\'c4T MA\'c4T}\par}";
        let t = extract(rtf, later()).expect("reads");
        let lines: Vec<&str> = t.text.lines().collect();
        assert_eq!(lines, vec!["TỐI MẬT", "MẬT", "TUYỆT MẬT"], "{t:?}");
    }

    /// Text typed in small letters and shown in capitals (`\caps`, `\scaps`) is read as
    /// shown, in Unicode escapes and code-page bytes alike; `\caps0`, `\plain` and the end of
    /// the group turn it off.
    #[test]
    fn text_shown_in_capitals_is_read_in_capitals() {
        let rtf = br"{\rtf1\ansi\ansicpg1258{\fonttbl{\f0 Times New Roman;}}
\f0{\caps T\u7889?i m\u7853?t}\par{\scaps M\'e2\'f2t}\par{\caps B\u7843?o \caps0 m\u7853?t}\par{\caps x\plain y}z\par}";
        let t = extract(rtf, later()).expect("reads");
        let lines: Vec<&str> = t.text.lines().collect();
        assert_eq!(lines, vec!["TỐI MẬT", "MẬT", "BẢO mật", "Xyz"], "{t:?}");
    }

    /// Pictures come back as files when OCR can read their format (hex digits of the `\pict`
    /// group only, not of its `\picprop`; or `\bin` bytes), metafiles do not; an embedded
    /// object gives its packaged file, or an Office document under its class name; the text
    /// around them is read as before.
    #[test]
    fn pictures_and_embedded_objects_are_files() {
        let png = "89504e470d0a1a0a0000000d49484452";
        let mut package = vec![2u8, 0];
        package.extend_from_slice(b"ke-hoach.txt\0C:\\ke-hoach.txt\0\0\0\x03\0");
        package.extend_from_slice(&5u32.to_le_bytes());
        package.extend_from_slice(b"C:\\t\0");
        package.extend_from_slice(&("TỐI".len() as u32).to_le_bytes());
        package.extend_from_slice("TỐI".as_bytes());
        let object = |class: &str, native: &[u8]| -> String {
            crate::mime_out::ole1_of(class, native)
                .iter()
                .map(|x| format!("{x:02X}"))
                .collect()
        };
        let mut bytes = format!(
            "{{\\rtf1\\ansi UBND\\par{{\\*\\shppict{{\\pict{{\\*\\picprop{{\\sp{{\\sn fade}}{{\\sv 1}}}}}}\\pngblip\r\n{png}\r\n}}}}{{\\nonshppict{{\\pict\\wmetafile8 0100090000}}}}{{\\pict\\jpegblip\\bin4 "
        )
        .into_bytes();
        // A JPEG's first bytes, raw after \bin.
        bytes.extend_from_slice(b"\xFF\xD8\xFF\xE0");
        bytes.extend_from_slice(
            format!(
                "}}{{\\object\\objemb{{\\*\\objclass Package}}{{\\*\\objdata {}}}{{\\result{{\\pict\\wmetafile8 01}}}}}}{{\\object\\objemb{{\\*\\objdata {}}}}}Xin ch\\u224?o\\par}}",
                object("Package", &package),
                object("Word.Document.8", b"\xD0\xCF\x11\xE0")
            )
            .as_bytes(),
        );
        let t = extract(&bytes, later()).expect("reads");
        let lines: Vec<&str> = t.text.lines().collect();
        assert_eq!(lines, vec!["UBND", "Xin chào"], "{t:?}");
        let files: Vec<(&str, &[u8])> = t.files.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
        assert_eq!(
            files,
            vec![
                ("picture 1", b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".as_slice()),
                ("picture 2", b"\xFF\xD8\xFF\xE0".as_slice()),
                ("ke-hoach.txt", "TỐI".as_bytes()),
                ("Word.Document.8", b"\xD0\xCF\x11\xE0".as_slice()),
            ]
        );
        // A document cut short inside an object still gives it.
        let cut = format!(
            "{{\\rtf1 {{\\object{{\\*\\objdata {}",
            object("Word.Document.8", b"\xD0\xCF\x11\xE0")
        );
        let files = extract(cut.as_bytes(), later()).expect("reads").files;
        assert_eq!(
            files,
            [("Word.Document.8".to_owned(), b"\xD0\xCF\x11\xE0".to_vec())]
        );
        // At most MAX_FILES of them.
        let many = format!(
            "{{\\rtf1 {}}}",
            format!("{{\\pict\\pngblip {png}}}").repeat(MAX_FILES + 5)
        );
        assert_eq!(
            extract(many.as_bytes(), later()).expect("reads").files.len(),
            MAX_FILES
        );
        // Objects that are not embedded, or cut short, give nothing.
        assert!(ole1_object(&[1, 5, 0, 0, 1, 0, 0, 0]).is_none());
        assert!(ole1_object(&[1, 5, 0, 0, 2, 0, 0, 0, 255, 255, 255, 255]).is_none());
    }

    #[test]
    fn hostile_input_ends() {
        let deep = vec![b'{'; 5000];
        assert!(extract(&deep, later()).is_err());
        let _ = extract(br"\bin999999999999 {\'", later());
        let _ = extract(br"{\rtf1\u-999999999999999?\'zz}", later());
    }
}
