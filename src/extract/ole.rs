//! Legacy Office documents — Word 97–2003 `.doc`, Excel `.xls`, PowerPoint `.ppt` — read through
//! their Compound File Binary container (the `cfb` crate), each stream whole:
//!
//! - **Word**: the text from the piece table (`Clx`/`PlcPcd`: 8-bit and UTF-16 pieces in document
//!   order, field codes left out), with each run's font from the character formatting (`PlcBteChpx`
//!   pages, the paragraphs' styles from `PlcBtePapx` and the stylesheet with its inheritance, the
//!   font table `SttbfFfn`), so text typed in
//!   `.VnTime`/`VNI-Times` decodes as in a `.docx` and `.VnTimeH` reads as capitals; the page
//!   headers' text is told apart. Word 6/95 files are read from their one 8-bit text range.
//! - **Excel**: the shared-string table (`SST` with its `CONTINUE` records, a string cut by a
//!   record boundary rejoined) and old-style `LABEL` cells, a line each.
//! - **PowerPoint**: the text atoms (`TextCharsAtom`, `TextBytesAtom`) of every slide and note.
//! - Encrypted files (Word's `fEncrypted`, Excel's `FILEPASS`, PowerPoint's crypt session, an
//!   encrypted OOXML package) are reported as such: they cannot be scanned.
//!
//! Other streams (document properties, embedded objects) are read as runs of text. Everything is
//! bounded by the file's own size: a stream is never read past the bytes the file has.

use super::office::{self, XmlText};
use crate::vietnamese::{self, Legacy};
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

/// What a legacy Office file holds.
#[derive(Debug, Default)]
pub struct OleText {
    /// Body text, cells, slides.
    pub document: XmlText,
    /// Page headers and footers (Word's; Excel's printed header and footer).
    pub header: XmlText,
    /// Document properties and other streams, read as text runs.
    pub other: XmlText,
    /// Files embedded as OLE packages (`\x01Ole10Native`, `Package`): name and bytes.
    pub embedded: Vec<(String, Vec<u8>)>,
}

/// Why a legacy Office file could not be read.
#[derive(Debug, PartialEq, Eq)]
pub enum OleError {
    /// Password-protected: the text cannot be read without the key.
    Encrypted(&'static str),
    /// The container or a stream is malformed.
    Damaged(String),
}

/// Streams never read as text: binary tables, pictures, the container's own bookkeeping.
const BINARY_STREAMS: &[&str] = &[
    "1Table",
    "0Table",
    "\u{1}CompObj",
    "\u{1}Ole",
    "ObjInfo",
    "Current User",
];

/// The streams of an Outlook message (.msg) read for what they are: the subject, the plain
/// body in Unicode and in 8 bits, the HTML and the compressed rich text bodies (read when
/// there is no plain one), an attachment's bytes and its names (MS-OXMSG property streams:
/// `__substg1.0_` then the property tag and type).
const MSG_SUBJECT: &str = "__substg1.0_0037001F";
const MSG_BODY: &str = "__substg1.0_1000001F";
const MSG_BODY_8BIT: &str = "__substg1.0_1000001E";
const MSG_RTF_COMPRESSED: &str = "__substg1.0_10090102";
const MSG_HTML: &str = "__substg1.0_10130102";
const MSG_ATTACHMENT: &str = "__substg1.0_37010102";
const MSG_ATTACHMENT_LONG_NAME: &str = "__substg1.0_3707001F";
const MSG_ATTACHMENT_NAME: &str = "__substg1.0_3704001F";

/// Reads a Compound File Binary document.
pub fn read(data: &[u8]) -> Result<OleText, OleError> {
    let mut cf = cfb::CompoundFile::open(Cursor::new(data))
        .map_err(|e| OleError::Damaged(format!("the legacy Office container cannot be opened: {e}")))?;
    let entries: Vec<(PathBuf, String)> = cf
        .walk()
        .filter(|e| e.is_stream())
        .take(10_000)
        .map(|e| (e.path().to_path_buf(), e.name().to_owned()))
        .collect();
    if entries
        .iter()
        .any(|(_, n)| n == "EncryptedPackage" || n == "EncryptionInfo" || n == "EncryptedSummary")
    {
        return Err(OleError::Encrypted(
            "the Office document is password-protected (encrypted)",
        ));
    }
    let limit = data.len() as u64;
    let stream = |cf: &mut cfb::CompoundFile<Cursor<&[u8]>>, path: &Path| -> Result<Vec<u8>, OleError> {
        let mut s = cf
            .open_stream(path)
            .map_err(|e| OleError::Damaged(format!("stream {}: {e}", path.display())))?;
        let mut v = Vec::new();
        s.by_ref()
            .take(limit)
            .read_to_end(&mut v)
            .map_err(|e| OleError::Damaged(format!("stream {}: {e}", path.display())))?;
        Ok(v)
    };
    let mut out = OleText::default();
    for (path, name) in &entries {
        match name.as_str() {
            "WordDocument" => {
                let doc = stream(&mut cf, path)?;
                let dir = path.parent().unwrap_or(Path::new("/"));
                let which = if u16_at(&doc, 0x0A).unwrap_or(0) & 0x0200 != 0 {
                    "1Table"
                } else {
                    "0Table"
                };
                let table = if cf.is_stream(dir.join(which)) {
                    stream(&mut cf, &dir.join(which))?
                } else {
                    Vec::new()
                };
                word(&doc, &table, &mut out)?;
            }
            "Workbook" | "Book" => {
                let book = stream(&mut cf, path)?;
                excel(&book, &mut out.document, &mut out.header)?;
            }
            "PowerPoint Document" => {
                let deck = stream(&mut cf, path)?;
                powerpoint(&deck, &mut out.document)?;
            }
            // Pictures (a scan pasted into the document): Word's Data stream and PowerPoint's
            // Pictures stream hold them as PNG and JPEG files behind small headers.
            "Data" | "Pictures" => {
                let s = stream(&mut cf, path)?;
                for (i, picture) in pictures(&s).into_iter().enumerate() {
                    let ext = if picture.starts_with(b"\x89PNG") {
                        "png"
                    } else {
                        "jpg"
                    };
                    out.embedded
                        .push((format!("image{}.{ext}", i + 1), picture.to_vec()));
                }
            }
            "\u{1}Ole10Native" => {
                let s = stream(&mut cf, path)?;
                if let Some(file) = ole10_native(&s) {
                    out.embedded.push(file);
                }
            }
            "\u{5}SummaryInformation" | "\u{5}DocumentSummaryInformation" => {
                let s = stream(&mut cf, path)?;
                let t = property_strings(&s);
                office::push_run(&mut out.other, &t, vietnamese::detect_legacy(&t));
            }
            "Package" | "CONTENTS" => {
                let s = stream(&mut cf, path)?;
                out.embedded.push((name.clone(), s));
            }
            // An Outlook message (.msg): its subject and body (Unicode or 8-bit), and each
            // attachment's bytes under the name it was attached with.
            MSG_SUBJECT | MSG_BODY => {
                let t = utf16le(&stream(&mut cf, path)?).replace('\r', "");
                office::push_run(&mut out.document, &t, None);
                out.document.text.push('\n');
            }
            MSG_BODY_8BIT => {
                let s = stream(&mut cf, path)?;
                let t = vietnamese::decode_bytes(&s).replace('\r', "");
                office::push_run(&mut out.document, t.trim_end_matches('\0'), None);
                out.document.text.push('\n');
            }
            MSG_ATTACHMENT => {
                let data = stream(&mut cf, path)?;
                let dir = path.parent().unwrap_or(Path::new("/"));
                let mut file = String::from("attachment");
                for named in [MSG_ATTACHMENT_LONG_NAME, MSG_ATTACHMENT_NAME] {
                    if cf.is_stream(dir.join(named)) {
                        let n = utf16le(&stream(&mut cf, &dir.join(named))?);
                        if !n.is_empty() {
                            file = n;
                            break;
                        }
                    }
                }
                out.embedded.push((file, data));
            }
            // A message without a plain body (written by a tool, not by Outlook, or saved with
            // rich text only): its HTML, else its rich text, read as a file of its own. With a
            // plain body, that is its text; the others are not read again.
            MSG_HTML | MSG_RTF_COMPRESSED => {
                let dir = path.parent().unwrap_or(Path::new("/"));
                let plain = [MSG_BODY, MSG_BODY_8BIT]
                    .iter()
                    .any(|b| cf.is_stream(dir.join(b)));
                let has_html = cf.is_stream(dir.join(MSG_HTML));
                if plain || (name == MSG_RTF_COMPRESSED && has_html) {
                    continue;
                }
                let s = stream(&mut cf, path)?;
                let body = if name == MSG_HTML {
                    Some(("message body.html", s))
                } else {
                    super::rtf::outlook_compressed(&s).map(|rtf| ("message body.rtf", rtf))
                };
                if let Some((file, bytes)) = body {
                    out.embedded.push((file.to_owned(), bytes));
                }
            }
            MSG_ATTACHMENT_LONG_NAME | MSG_ATTACHMENT_NAME => {}
            n if BINARY_STREAMS.contains(&n) => {}
            _ => {
                let s = stream(&mut cf, path)?;
                text_runs(&s, &mut out.other);
            }
        }
    }
    Ok(out)
}

/// A property stream's UTF-16LE text, without the terminating NULs.
fn utf16le(s: &[u8]) -> String {
    let units: Vec<u16> = s
        .chunks_exact(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .collect();
    String::from_utf16_lossy(&units).trim_end_matches('\0').to_owned()
}

fn u16_at(d: &[u8], i: usize) -> Option<u16> {
    d.get(i..i.checked_add(2)?)
        .map(|b| u16::from_le_bytes([b[0], b[1]]))
}

fn u32_at(d: &[u8], i: usize) -> Option<u32> {
    d.get(i..i.checked_add(4)?)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn damaged(what: &str) -> OleError {
    OleError::Damaged(format!("the Word document's {what} is malformed"))
}

/// A Word 97–2003 `WordDocument` stream with its table stream.
fn word(doc: &[u8], table: &[u8], out: &mut OleText) -> Result<(), OleError> {
    if u16_at(doc, 0) != Some(0xA5EC) {
        return Err(damaged("file information block (FIB)"));
    }
    let n_fib = u16_at(doc, 2).unwrap_or(0);
    let flags = u16_at(doc, 0x0A).unwrap_or(0);
    if flags & 0x0100 != 0 || flags & 0x8000 != 0 {
        return Err(OleError::Encrypted(
            "the Word document is password-protected (encrypted)",
        ));
    }
    if n_fib < 0x00C1 {
        // Word 6/95: the text is one 8-bit range, fcMin..fcMac.
        let (Some(min), Some(mac)) = (u32_at(doc, 0x18), u32_at(doc, 0x1C)) else {
            return Err(damaged("file information block (FIB)"));
        };
        let bytes = doc
            .get(min as usize..mac as usize)
            .ok_or_else(|| damaged("text range"))?;
        let (t, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
        word_text_into(&t, None, &mut out.document);
        return Ok(());
    }
    let fib = Fib::of(doc).ok_or_else(|| damaged("file information block (FIB)"))?;
    let fonts = font_names(fib.blob(table, 15));
    let styles = styles(fib.blob(table, 1));
    let runs = chpx_runs(doc, fib.blob(table, 12));
    let paragraphs = papx_runs(doc, fib.blob(table, 13));
    let pieces = pieces(fib.blob(table, 33)).ok_or_else(|| damaged("piece table"))?;
    let header_cps = fib.ccp(3).saturating_add(fib.ccp(4))..fib.ccp(3) + fib.ccp(4) + fib.ccp(5);
    // Characters in document order, each with the font of its run, grouped into runs.
    let mut run = String::new();
    let mut run_font: Option<Legacy> = None;
    let mut run_caps = false;
    let mut run_header = false;
    let mut field_depth = 0u32;
    let mut budget = doc.len();
    for p in pieces {
        let n = (p.cp_end - p.cp_start) as usize;
        let width = if p.compressed { 1 } else { 2 };
        let start = if p.compressed { p.fc / 2 } else { p.fc } as usize;
        let Some(bytes) = n
            .checked_mul(width)
            .and_then(|len| doc.get(start..start.checked_add(len)?))
        else {
            return Err(damaged("piece table"));
        };
        budget = budget.checked_sub(n).ok_or_else(|| damaged("piece table"))?;
        for (i, unit) in bytes.chunks_exact(width).enumerate() {
            let fc = (start + i * width) as u32;
            let header = header_cps.contains(&(p.cp_start + i as u32));
            // Direct formatting, else the run's character style, else the paragraph's style,
            // else the document's default (the Normal style's).
            let chp = value_at(&runs, fc).unwrap_or_default();
            let paragraph = value_at(&paragraphs, fc);
            let of_style = |s: Option<u16>| s.and_then(|s| styles.of.get(s as usize).copied());
            let (char_style, para_style) = (of_style(chp.style), of_style(paragraph.or(Some(0))));
            let font = chp
                .font
                .or(char_style.and_then(|s| s.font))
                .or_else(|| of_style(paragraph).and_then(|s| s.font))
                .or(styles.default)
                .and_then(|f| fonts.get(f as usize))
                .and_then(|n| Legacy::from_font(n));
            // Capitals (All caps, Small caps): the run's own, which may say "as the style" or
            // "the opposite of the style", else its styles'.
            let style_caps = char_style
                .and_then(|s| s.caps)
                .or(para_style.and_then(|s| s.caps))
                .unwrap_or(false);
            let caps = match chp.caps {
                Some(CAPS_OFF) => false,
                Some(CAPS_ON) => true,
                Some(CAPS_NOT_STYLE) => !style_caps,
                _ => style_caps,
            };
            let c = if p.compressed {
                if font.is_some() {
                    unit[0] as char
                } else {
                    cp1252(unit[0])
                }
            } else {
                let u = u16::from_le_bytes([unit[0], unit[1]]);
                let c = char::from_u32(u as u32).unwrap_or('\u{FFFD}');
                if font.is_some() { latin1_of(c) } else { c }
            };
            // Field codes: the instruction between 0x13 and 0x14 is not text; the result is.
            match c {
                '\u{13}' => {
                    field_depth += 1;
                    continue;
                }
                '\u{14}' => {
                    field_depth = field_depth.saturating_sub(1);
                    continue;
                }
                '\u{15}' => {
                    field_depth = field_depth.saturating_sub(1);
                    continue;
                }
                _ if field_depth > 0 => continue,
                _ => {}
            }
            if font != run_font || caps != run_caps || header != run_header {
                flush(
                    &mut run,
                    run_font,
                    run_caps,
                    if run_header {
                        &mut out.header
                    } else {
                        &mut out.document
                    },
                );
                run_font = font;
                run_caps = caps;
                run_header = header;
            }
            match c {
                '\r' | '\u{7}' | '\u{b}' | '\u{c}' => run.push('\n'),
                '\t' => run.push('\t'),
                '\u{1e}' => run.push('-'),
                c if (c as u32) < 0x20 => {}
                c => run.push(c),
            }
        }
    }
    flush(
        &mut run,
        run_font,
        run_caps,
        if run_header {
            &mut out.header
        } else {
            &mut out.document
        },
    );
    Ok(())
}

fn flush(run: &mut String, font: Option<Legacy>, caps: bool, out: &mut XmlText) {
    if !run.is_empty() {
        office::push_shown(out, run, font, caps);
        run.clear();
    }
}

/// Word 6/95 text and other unformatted text: legacy bytes judged by their look.
fn word_text_into(text: &str, font: Option<Legacy>, out: &mut XmlText) {
    let text = text.replace(['\r', '\u{7}', '\u{b}', '\u{c}'], "\n");
    office::push_run(out, &text, font.or_else(|| vietnamese::detect_legacy(&text)));
}

/// The Windows-1252 character of a byte (Word's 8-bit pieces).
fn cp1252(b: u8) -> char {
    let byte = [b];
    let (t, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
    t.chars().next().unwrap_or('\u{FFFD}')
}

/// The byte a legacy font's character was typed as, as a Latin-1 character: Word keeps the
/// characters of a 1252-coded font as their Unicode equivalents (0x80–0x9F become € ‚ ƒ …).
fn latin1_of(c: char) -> char {
    if (c as u32) < 0x100 {
        return c;
    }
    let mut buf = [0u8; 4];
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut buf));
    match (&*bytes, unmappable) {
        ([b], false) => *b as char,
        _ => c,
    }
}

/// The parts of Word's file information block this reader needs.
struct Fib {
    /// `FibRgLw97`: the character counts of the document's parts.
    ccps: Vec<u32>,
    /// `FibRgFcLcb`: offset and size pairs into the table stream.
    fc_lcb: Vec<(u32, u32)>,
}

impl Fib {
    fn of(doc: &[u8]) -> Option<Fib> {
        let csw = u16_at(doc, 0x20)? as usize;
        let at_lw = 0x22 + csw * 2;
        let cslw = u16_at(doc, at_lw)? as usize;
        let ccps = (0..cslw)
            .map(|i| u32_at(doc, at_lw + 2 + i * 4))
            .collect::<Option<Vec<_>>>()?;
        let at_fc = at_lw + 2 + cslw * 4;
        let pairs = u16_at(doc, at_fc)? as usize;
        let fc_lcb = (0..pairs)
            .map(|i| Some((u32_at(doc, at_fc + 2 + i * 8)?, u32_at(doc, at_fc + 6 + i * 8)?)))
            .collect::<Option<Vec<_>>>()?;
        Some(Fib { ccps, fc_lcb })
    }

    /// Character count `i` of `FibRgLw97` (3: main text, 4: footnotes, 5: headers).
    fn ccp(&self, i: usize) -> u32 {
        self.ccps.get(i).copied().unwrap_or(0).min(1 << 30)
    }

    /// The table-stream bytes of pair `i` (1: stylesheet, 12: character runs, 15: fonts, 33:
    /// pieces); empty when absent or out of the stream.
    fn blob<'t>(&self, table: &'t [u8], i: usize) -> &'t [u8] {
        self.fc_lcb
            .get(i)
            .and_then(|&(fc, lcb)| table.get(fc as usize..(fc as usize).checked_add(lcb as usize)?))
            .unwrap_or(&[])
    }
}

/// One piece of the document's text.
struct Piece {
    cp_start: u32,
    cp_end: u32,
    fc: u32,
    compressed: bool,
}

/// The piece table from the `Clx`: property runs (`Prc`, skipped) then the `Pcdt`.
fn pieces(clx: &[u8]) -> Option<Vec<Piece>> {
    let mut i = 0usize;
    while clx.get(i) == Some(&1) {
        let cb = u16_at(clx, i + 1)? as usize;
        i = i.checked_add(3 + cb)?;
    }
    if clx.get(i) != Some(&2) {
        return None;
    }
    let lcb = u32_at(clx, i + 1)? as usize;
    let plc = clx.get(i + 5..i.checked_add(5)?.checked_add(lcb)?)?;
    if plc.len() < 4 {
        return None;
    }
    let n = (plc.len() - 4) / 12;
    let mut out = Vec::with_capacity(n);
    for k in 0..n {
        let (cp_start, cp_end) = (u32_at(plc, k * 4)?, u32_at(plc, k * 4 + 4)?);
        let raw = u32_at(plc, (n + 1) * 4 + k * 8 + 2)?;
        if cp_end <= cp_start {
            continue;
        }
        out.push(Piece {
            cp_start,
            cp_end,
            fc: raw & 0x3FFF_FFFF,
            compressed: raw & 0x4000_0000 != 0,
        });
    }
    Some(out)
}

/// Runs of formatting from the 512-byte `FKP` pages a `PlcBte…` lists: (first byte, end byte,
/// what `value` reads from run `r` of a page with `crun` runs), sorted.
fn fkp_runs<T: Ord>(
    doc: &[u8],
    plc: &[u8],
    value: impl Fn(&[u8], usize, usize) -> Option<T>,
) -> Vec<(u32, u32, T)> {
    let mut runs = Vec::new();
    if plc.len() < 4 {
        return runs;
    }
    let n = (plc.len() - 4) / 8;
    for k in 0..n {
        let Some(pn) = u32_at(plc, (n + 1) * 4 + k * 4) else {
            break;
        };
        let at = (pn & 0x3F_FFFF) as usize * 512;
        let Some(page) = doc.get(at..at + 512) else {
            continue;
        };
        let crun = page[511] as usize;
        for r in 0..crun {
            let (Some(fc0), Some(fc1)) = (u32_at(page, r * 4), u32_at(page, r * 4 + 4)) else {
                break;
            };
            if let Some(v) = value(page, crun, r) {
                runs.push((fc0, fc1, v));
            }
        }
    }
    runs.sort_unstable();
    runs
}

/// Character runs with properties that matter here (`ChpxFkp` pages of `PlcBteChpx`): a byte
/// offset (in words) per run, 0 for none, to a `Chpx` (a count byte and its properties).
fn chpx_runs(doc: &[u8], plc: &[u8]) -> Vec<(u32, u32, Chp)> {
    fkp_runs(doc, plc, |page, crun, r| {
        let at = *page.get((crun + 1) * 4 + r)? as usize * 2;
        if at == 0 {
            return None;
        }
        let cb = *page.get(at)? as usize;
        let chp = chp_of(page.get(at + 1..(at + 1 + cb).min(512))?);
        (chp != Chp::default()).then_some(chp)
    })
}

/// The value of the run `fc` is in.
fn value_at<T: Copy>(runs: &[(u32, u32, T)], fc: u32) -> Option<T> {
    let i = runs.partition_point(|r| r.0 <= fc);
    let r = runs.get(i.checked_sub(1)?)?;
    (fc < r.1).then_some(r.2)
}

/// `sprmCFCaps` and `sprmCFSmallCaps`' operands: off, on, as the style, the opposite of the style.
const CAPS_OFF: u8 = 0;
const CAPS_ON: u8 = 1;
const CAPS_NOT_STYLE: u8 = 0x81;

/// What a character property list (`grpprl`) sets that changes how text is read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
struct Chp {
    /// The font: the "other" (high-ANSI) font, which Word uses for the bytes a legacy font's
    /// Vietnamese letters are typed as, else the ASCII font.
    font: Option<u16>,
    /// All caps or Small caps (`sprmCFCaps`, `sprmCFSmallCaps`): their operand, all caps first.
    caps: Option<u8>,
    /// The character style (`sprmCIstd`).
    style: Option<u16>,
}

fn chp_of(grpprl: &[u8]) -> Chp {
    let (mut ascii, mut other, mut caps, mut small_caps, mut style) = (None, None, None, None, None);
    let mut i = 0usize;
    while let Some(sprm) = u16_at(grpprl, i) {
        i += 2;
        let size = match sprm >> 13 {
            0 | 1 => 1,
            2 | 4 | 5 => 2,
            3 => 4,
            7 => 3,
            _ => match grpprl.get(i) {
                Some(&n) => 1 + n as usize,
                None => break,
            },
        };
        match sprm {
            0x4A4F => ascii = u16_at(grpprl, i),
            0x4A51 => other = u16_at(grpprl, i),
            0x083B => caps = grpprl.get(i).copied(),
            0x083A => small_caps = grpprl.get(i).copied(),
            0x4A30 => style = u16_at(grpprl, i),
            _ => {}
        }
        i += size;
    }
    // Small caps on shows capitals even where All caps is off.
    let caps = match (caps, small_caps) {
        (Some(CAPS_OFF) | None, Some(CAPS_ON)) => Some(CAPS_ON),
        (None, s) => s,
        (c, _) => c,
    };
    Chp {
        font: other.or(ascii),
        caps,
        style,
    }
}

/// The font table (`SttbfFfn`): each font's name.
fn font_names(sttb: &[u8]) -> Vec<String> {
    let mut names = Vec::new();
    let Some(count) = u16_at(sttb, 0) else {
        return names;
    };
    let mut at = 4usize;
    for _ in 0..count.min(4096) {
        let Some(&cb) = sttb.get(at) else { break };
        let end = at + 1 + cb as usize;
        // FFN: 39 bytes of metrics after its length byte, then the UTF-16 name up to a NUL.
        let name: Vec<u16> = sttb
            .get(at + 40..end.min(sttb.len()))
            .unwrap_or(&[])
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .take_while(|&u| u != 0)
            .collect();
        names.push(String::from_utf16_lossy(&name));
        at = end;
    }
    names
}

/// What a style gives its text: its font and capitals, its own or inherited from its base.
#[derive(Debug, Clone, Copy, Default)]
struct Style {
    font: Option<u16>,
    caps: Option<bool>,
}

/// The stylesheet: each style (by index), and the document's default font (the Normal style's,
/// else the stylesheet's standard font).
struct Styles {
    of: Vec<Style>,
    default: Option<u16>,
}

fn styles(stsh: &[u8]) -> Styles {
    let mut own: Vec<(Chp, u16)> = Vec::new();
    let mut standard = None;
    (|| {
        let cb_stshi = u16_at(stsh, 0)? as usize;
        let stshi = stsh.get(2..2 + cb_stshi)?;
        let base_size = u16_at(stshi, 2)? as usize;
        standard = u16_at(stshi, 12 + 4).or(u16_at(stshi, 12));
        let mut at = 2 + cb_stshi;
        for _ in 0..u16_at(stshi, 0)?.min(4096) {
            let cb_std = u16_at(stsh, at)? as usize;
            let std = stsh.get(at + 2..at + 2 + cb_std).unwrap_or(&[]);
            at += 2 + cb_std;
            let (Some(kind), Some(upxs)) = (u16_at(std, 2), u16_at(std, 4)) else {
                own.push((Chp::default(), 0x0FFF));
                continue;
            };
            let (stk, base, cupx) = (kind & 0x000F, kind >> 4, upxs & 0x000F);
            // The name, then the UPXs, each on an even offset: a paragraph style's PAPX first.
            let chp = (|| {
                let cch = u16_at(std, base_size)? as usize;
                let mut i = base_size + 2 + cch * 2 + 2;
                i += i % 2;
                if stk == 1 && cupx >= 2 {
                    i += 2 + u16_at(std, i)? as usize;
                    i += i % 2;
                } else if stk != 2 {
                    return None;
                }
                let cb_chpx = u16_at(std, i)? as usize;
                Some(chp_of(std.get(i + 2..i + 2 + cb_chpx)?))
            })();
            own.push((chp.unwrap_or_default(), base));
        }
        Some(())
    })();
    // Inherited properties, through at most 16 base styles (a loop in the chain ends there); a
    // style's "as the base" or "opposite of the base" capitals are read against its base's.
    let chain = |mut i: usize| {
        let mut chain = Vec::new();
        for _ in 0..16 {
            let Some((chp, base)) = own.get(i) else { break };
            chain.push(*chp);
            if (*base as usize) >= own.len() || *base as usize == i {
                break;
            }
            i = *base as usize;
        }
        chain
    };
    let of: Vec<Style> = (0..own.len())
        .map(|i| {
            let chain = chain(i);
            let font = chain.iter().find_map(|c| c.font);
            let caps = chain
                .iter()
                .rev()
                .fold(None, |base: Option<bool>, c| match c.caps {
                    Some(CAPS_OFF) => Some(false),
                    Some(CAPS_ON) => Some(true),
                    Some(CAPS_NOT_STYLE) => Some(!base.unwrap_or(false)),
                    _ => base,
                });
            Style { font, caps }
        })
        .collect();
    let default = of.first().and_then(|s| s.font).or(standard);
    Styles { of, default }
}

/// Paragraph runs with their style (`PapxFkp` pages of `PlcBtePapx`): 13-byte `BxPap` entries,
/// the first byte the offset (in words) of a `PapxInFkp`: a count byte (0: the next byte counts
/// words), then the style.
fn papx_runs(doc: &[u8], plc: &[u8]) -> Vec<(u32, u32, u16)> {
    fkp_runs(doc, plc, |page, crun, r| {
        let at = *page.get((crun + 1) * 4 + r * 13)? as usize * 2;
        match page.get(at)? {
            0 => u16_at(page, at + 2),
            _ => u16_at(page, at + 1),
        }
    })
}

/// A cell's text: a string of the shared table (`LABELSST`), or its own (`LABEL`).
enum Cell {
    Shared(u32),
    Own(String),
}

/// A legacy Excel `Workbook` stream: its cells' strings in the order the sheets hold them, each
/// in its cell's font (FONT and XF records: TCVN3 in `.VnTime` decoded, `.VnTimeH` read as
/// capitals), then the shared strings no cell shows; the sheets' printed headers and footers.
fn excel(book: &[u8], out: &mut XmlText, headers: &mut XmlText) -> Result<(), OleError> {
    let mut printed = String::new();
    let mut sst: Vec<u8> = Vec::new();
    // Where each CONTINUE record's body starts inside `sst`.
    let mut joins: Vec<usize> = Vec::new();
    let mut in_sst = false;
    // The fonts (their legacy encoding) and each cell format's font, as the records list them.
    let mut fonts: Vec<Option<Legacy>> = Vec::new();
    let mut formats: Vec<u16> = Vec::new();
    let mut cells: Vec<(u16, Cell)> = Vec::new();
    let mut at = 0usize;
    while let (Some(kind), Some(len)) = (u16_at(book, at), u16_at(book, at + 2)) {
        let Some(body) = book.get(at + 4..at + 4 + len as usize) else {
            break;
        };
        in_sst = match kind {
            0x002F => {
                return Err(OleError::Encrypted(
                    "the Excel workbook is password-protected (encrypted)",
                ));
            }
            0x00FC => {
                sst.extend_from_slice(body);
                true
            }
            0x003C if in_sst => {
                joins.push(sst.len());
                sst.extend_from_slice(body);
                true
            }
            0x0014 | 0x0015 if !body.is_empty() => {
                // HEADER, FOOTER: a sheet's printed header and footer, with Excel's codes.
                let mut i = 0;
                if let Some(s) = xl_string(body, &mut i, &[]) {
                    printed.push_str(&office::header_text(&s));
                    printed.push('\n');
                }
                false
            }
            0x0031 => {
                // FONT: its name, a short string after 14 bytes of metrics.
                fonts.push(xl_short_string(body, 14).and_then(|n| Legacy::from_font(&n)));
                false
            }
            0x00E0 => {
                // XF: a cell format, its font first.
                formats.push(u16_at(body, 0).unwrap_or(0));
                false
            }
            0x00FD => {
                // LABELSST: row, column, format, the shared string's index.
                if let (Some(xf), Some(k)) = (u16_at(body, 4), u32_at(body, 6)) {
                    cells.push((xf, Cell::Shared(k)));
                }
                false
            }
            0x0204 => {
                // LABEL: row, column, format, then the string.
                let mut i = 6;
                if let (Some(xf), Some(s)) = (u16_at(body, 4), xl_string(body, &mut i, &[])) {
                    cells.push((xf, Cell::Own(s)));
                }
                false
            }
            _ => false,
        };
        at += 4 + len as usize;
    }
    let mut strings = Vec::new();
    let count = u32_at(&sst, 4).unwrap_or(0);
    let mut i = 8;
    for _ in 0..count {
        match xl_string(&sst, &mut i, &joins) {
            Some(s) => strings.push(s),
            None => break,
        }
    }
    // A format's font: the font records skip index 4.
    let font_of = |xf: u16| {
        let f = *formats.get(xf as usize)? as usize;
        *fonts.get(if f >= 4 { f.checked_sub(1)? } else { f })?
    };
    // A shared string shown by many cells is read once in each font it is shown in (so a
    // workbook of a million cells showing one long string is not a million copies of it).
    let mut shown: std::collections::HashSet<(u32, Option<Legacy>)> = std::collections::HashSet::new();
    let mut unshown = vec![true; strings.len()];
    for (xf, cell) in cells {
        let font = font_of(xf);
        match cell {
            Cell::Shared(k) => {
                let Some(s) = strings.get(k as usize) else {
                    continue;
                };
                unshown[k as usize] = false;
                if shown.insert((k, font)) {
                    office::push_run(out, s, font);
                    out.text.push('\n');
                }
            }
            Cell::Own(s) => {
                office::push_run(out, &s, font);
                out.text.push('\n');
            }
        }
    }
    for (s, _) in strings.iter().zip(unshown).filter(|(_, u)| *u) {
        office::push_run(out, s, None);
        out.text.push('\n');
    }
    office::push_run(headers, &printed, None);
    Ok(())
}

/// A `ShortXLUnicodeString` at `i`: a count byte, a flags byte (bit 0: two bytes a character).
fn xl_short_string(d: &[u8], i: usize) -> Option<String> {
    let cch = *d.get(i)? as usize;
    let wide = *d.get(i + 1)? & 0x01 != 0;
    let bytes = d.get(i + 2..i + 2 + cch * if wide { 2 } else { 1 })?;
    Some(if wide {
        let units: Vec<u16> = bytes
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        bytes.iter().map(|&b| b as char).collect()
    })
}

fn xl_string(d: &[u8], i: &mut usize, joins: &[usize]) -> Option<String> {
    let cch = u16_at(d, *i)? as usize;
    let flags = *d.get(*i + 2)?;
    *i += 3;
    let runs = if flags & 0x08 != 0 {
        let r = u16_at(d, *i)? as usize;
        *i += 2;
        r
    } else {
        0
    };
    let ext = if flags & 0x04 != 0 {
        let e = u32_at(d, *i)? as usize;
        *i += 4;
        e
    } else {
        0
    };
    let mut wide = flags & 0x01 != 0;
    let mut units: Vec<u16> = Vec::with_capacity(cch.min(d.len()));
    while units.len() < cch {
        if joins.binary_search(i).is_ok() && !units.is_empty() {
            wide = *d.get(*i)? & 0x01 != 0;
            *i += 1;
        }
        if wide {
            units.push(u16_at(d, *i)?);
            *i += 2;
        } else {
            units.push(*d.get(*i)? as u16);
            *i += 1;
        }
    }
    *i = i.checked_add(runs * 4)?.checked_add(ext)?;
    Some(String::from_utf16_lossy(&units))
}

/// A `PowerPoint Document` stream: the text atoms of its records, a line each.
fn powerpoint(deck: &[u8], out: &mut XmlText) -> Result<(), OleError> {
    let mut text = String::new();
    walk_records(deck, 0, &mut text)?;
    office::push_run(out, &text, None);
    Ok(())
}

fn walk_records(d: &[u8], depth: u32, text: &mut String) -> Result<(), OleError> {
    if depth > 32 {
        return Ok(());
    }
    let mut at = 0usize;
    while let (Some(ver), Some(kind), Some(len)) = (u16_at(d, at), u16_at(d, at + 2), u32_at(d, at + 4)) {
        let Some(body) = d.get(at + 8..(at + 8).saturating_add(len as usize).min(d.len())) else {
            break;
        };
        match kind {
            0x2F14 => {
                return Err(OleError::Encrypted(
                    "the PowerPoint presentation is password-protected (encrypted)",
                ));
            }
            // TextCharsAtom: UTF-16.
            0x0FA0 => {
                let units: Vec<u16> = body
                    .chunks_exact(2)
                    .map(|c| u16::from_le_bytes([c[0], c[1]]))
                    .collect();
                text.push_str(&String::from_utf16_lossy(&units).replace(['\r', '\u{b}'], "\n"));
                text.push('\n');
            }
            // TextBytesAtom: the low bytes of UTF-16 characters.
            0x0FA8 => {
                text.extend(
                    body.iter()
                        .map(|&b| if b == b'\r' || b == 0x0B { '\n' } else { b as char }),
                );
                text.push('\n');
            }
            _ if ver & 0x000F == 0x000F => walk_records(body, depth + 1, text)?,
            _ => {}
        }
        at = at + 8 + body.len();
        if body.len() < len as usize {
            break;
        }
    }
    Ok(())
}

/// The string properties of a property set stream (title, subject, keywords, comments,
/// category, company, custom properties), a line each; pictures (the thumbnail) and numbers left
/// out. 8-bit strings are in the set's code page (property 1): UTF-8, Windows-1258, else 1252.
fn property_strings(s: &[u8]) -> String {
    let mut out = String::new();
    let sections = u32_at(s, 24).unwrap_or(0).min(8) as usize;
    for k in 0..sections {
        let Some(at) = u32_at(s, 28 + k * 20 + 16).map(|a| a as usize) else {
            break;
        };
        let Some(section) = u32_at(s, at).and_then(|size| s.get(at..at.checked_add(size as usize)?)) else {
            continue;
        };
        let count = u32_at(section, 4).unwrap_or(0).min(1024) as usize;
        let props: Vec<(u32, usize)> = (0..count)
            .map_while(|i| Some((u32_at(section, 8 + i * 8)?, u32_at(section, 12 + i * 8)? as usize)))
            .collect();
        let codepage = props
            .iter()
            .find(|p| p.0 == 1)
            .and_then(|p| u16_at(section, p.1 + 4))
            .unwrap_or(1252);
        let encoding = match codepage {
            65001 => encoding_rs::UTF_8,
            1258 => encoding_rs::WINDOWS_1258,
            _ => encoding_rs::WINDOWS_1252,
        };
        for &(pid, off) in &props {
            // Property 0 is the custom section's dictionary of names, 1 the code page.
            if pid <= 1 {
                continue;
            }
            let Some(len) = u32_at(section, off + 4).map(|l| l as usize) else {
                continue;
            };
            let text = match u32_at(section, off) {
                Some(0x1E) => section
                    .get(off + 8..(off + 8).saturating_add(len))
                    .map(|b| encoding.decode_without_bom_handling(b).0.into_owned()),
                Some(0x1F) => section
                    .get(off + 8..(off + 8).saturating_add(len.saturating_mul(2)))
                    .map(|b| {
                        let units: Vec<u16> = b
                            .chunks_exact(2)
                            .map(|c| u16::from_le_bytes([c[0], c[1]]))
                            .collect();
                        String::from_utf16_lossy(&units)
                    }),
                _ => None,
            };
            if let Some(t) = text {
                let t = t.trim_end_matches('\0').trim();
                if !t.is_empty() {
                    out.push_str(t);
                    out.push('\n');
                }
            }
        }
    }
    out
}

/// Pictures kept from one stream, and picture starts that lead nowhere before the search stops:
/// each start is walked to its end, so without a bound a stream full of signatures would cost
/// its length squared.
const MAX_PICTURES: usize = 32;
const MAX_FALSE_STARTS: usize = 64;

/// The PNG and JPEG files inside a stream, each cut at its own end (PNG: its chunks up to IEND;
/// JPEG: its segments up to the scan, then the end-of-image marker).
fn pictures(s: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut false_starts = 0;
    let mut at = 0usize;
    while at < s.len() && out.len() < MAX_PICTURES && false_starts < MAX_FALSE_STARTS {
        let png = memchr::memmem::find(&s[at..], b"\x89PNG\r\n\x1a\n").map(|i| at + i);
        let jpeg = memchr::memmem::find(&s[at..], b"\xFF\xD8\xFF").map(|i| at + i);
        let (start, end) = match (png, jpeg) {
            (Some(p), j) if j.is_none_or(|j| p < j) => (p, png_end(s, p)),
            (_, Some(j)) => (j, jpeg_end(s, j)),
            _ => break,
        };
        match end {
            Some(end) => {
                out.push(&s[start..end]);
                at = end;
            }
            None => {
                false_starts += 1;
                at = start + 3;
            }
        }
    }
    out
}

fn png_end(s: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 8;
    loop {
        let len = u32::from_be_bytes(s.get(i..i + 4)?.try_into().ok()?) as usize;
        let kind = s.get(i + 4..i + 8)?;
        i = i.checked_add(12)?.checked_add(len)?;
        if i > s.len() {
            return None;
        }
        if kind == b"IEND" {
            return Some(i);
        }
    }
}

fn jpeg_end(s: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 2;
    loop {
        if *s.get(i)? != 0xFF {
            return None;
        }
        let marker = *s.get(i + 1)?;
        if marker == 0xD9 {
            return Some(i + 2);
        }
        let len = u16::from_be_bytes([*s.get(i + 2)?, *s.get(i + 3)?]) as usize;
        i = i.checked_add(2)?.checked_add(len)?;
        if marker == 0xDA {
            // Entropy-coded data: the next marker that is not a stuffed byte or a restart.
            let mut j = i;
            loop {
                let k = j + memchr::memchr(0xFF, s.get(j..)?)?;
                match *s.get(k + 1)? {
                    0x00 | 0xD0..=0xD7 | 0xFF => j = k + 1,
                    0xD9 => return Some(k + 2),
                    _ => {
                        i = k;
                        break;
                    }
                }
            }
        }
    }
}

/// An OLE package (`\x01Ole10Native`): the embedded file's name and bytes. The stream is the
/// packaged file's data ([`packaged_file`]) after its total size.
fn ole10_native(s: &[u8]) -> Option<(String, Vec<u8>)> {
    packaged_file(s.get(4..)?)
}

/// What Windows' Object Packager stores of a file (an `\x01Ole10Native` stream after its size,
/// an OLE 1 `Package` object's native data in RTF): a 2-byte flag, the label, the source path
/// (NUL-terminated ANSI), 4 bytes, the temporary path (length-prefixed), then the data's size
/// and the data. The label (the file's name) and the bytes.
pub(super) fn packaged_file(s: &[u8]) -> Option<(String, Vec<u8>)> {
    let mut i = 2usize;
    let label_end = i + memchr::memchr(0, s.get(i..)?)?;
    let label = String::from_utf8_lossy(&s[i..label_end]).into_owned();
    i = label_end + 1;
    i += memchr::memchr(0, s.get(i..)?)? + 1;
    i += 4;
    let tmp_len = u32_at(s, i)? as usize;
    i = i.checked_add(4)?.checked_add(tmp_len)?;
    let size = u32_at(s, i)? as usize;
    let data = s.get(i + 4..i.checked_add(4)?.checked_add(size)?)?;
    Some((label, data.to_vec()))
}

/// Runs of text in a stream of unknown layout (properties, other streams): UTF-16 runs (at either
/// byte alignment) and 8-bit runs, each 8-bit run judged as legacy Vietnamese on its own.
pub fn text_runs(data: &[u8], out: &mut XmlText) {
    for skip in 0..2 {
        let mut run: Vec<u16> = Vec::new();
        for pair in data[skip.min(data.len())..].chunks_exact(2) {
            let u = u16::from_le_bytes([pair[0], pair[1]]);
            let c = char::from_u32(u as u32);
            if c.is_some_and(|c| !c.is_control() || c == '\r' || c == '\n' || c == '\t') && u != 0 {
                run.push(u);
                continue;
            }
            // Three letters make a word ("MẬT"); Vietnamese text is never all Latin-1.
            if (run.len() >= 3 && run.iter().any(|&u| u > 0xFF)) || run.len() >= 4 {
                out.text
                    .push_str(&String::from_utf16_lossy(&run).replace('\r', "\n"));
                out.text.push('\n');
            }
            run.clear();
        }
    }
    let mut bytes_run: Vec<u8> = Vec::new();
    for &b in data.iter().chain(std::iter::once(&0)) {
        if b >= 0x20 || b == b'\r' || b == b'\n' || b == b'\t' {
            bytes_run.push(b);
            continue;
        }
        if bytes_run.len() >= 6 {
            let (t, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes_run);
            let t = t.replace('\r', "\n");
            office::push_run(out, &t, vietnamese::detect_legacy(&t));
            out.text.push('\n');
        }
        bytes_run.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(text: &str, part: &str) {
        assert!(text.contains(part), "{part:?} not in {text}");
    }

    fn source(name: &str) -> Vec<u8> {
        let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("corpus/sources")
            .join(name);
        std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    }

    #[test]
    fn word_runs_in_vntimeh_read_as_capitals() {
        let t = read(&source("cong-van-tcvn3.doc")).expect("readable");
        has(&t.document.text, "\nTỐI MẬT\n");
        has(&t.document.text, "Sở Nội vụ báo cáo");
        has(&t.document.text, "GIÁM ĐỐC");
    }

    #[test]
    fn word_fonts_from_paragraph_styles_and_their_base() {
        // Normal in .VnTime; the "Do mat" and "Tieu de" styles, based on it, in .VnTimeH.
        let t = read(&source("quyet-dinh-styles.doc")).expect("readable");
        has(&t.document.text, "\nTUYỆT MẬT\nQUYẾT ĐỊNH\n");
        has(&t.document.text, "Về việc ban hành kế hoạch");
    }

    /// Capitals Word 97 shows whatever was typed: All caps on a run (`sprmCFCaps`), in a
    /// paragraph style; a legacy font from a paragraph style in a Unicode document.
    #[test]
    fn word_capitals_and_fonts_from_runs_and_styles() {
        let t = read(&source("ke-hoach-allcaps.doc")).expect("readable");
        has(&t.document.text, "\nTỐI MẬT\n");
        has(&t.document.text, "Kính gửi: Sở Tài chính");
        let t = read(&source("bao-cao-style-caps.doc")).expect("readable");
        has(&t.document.text, "\nMẬT\nHƯỚNG DẪN BẢO MẬT THÔNG TIN\n");
        has(&t.document.text, "Kính gửi: Sở Tài chính");
        let t = read(&source("to-trinh-vntimeh.doc")).expect("readable");
        has(&t.document.text, "\nTUYỆT MẬT\n");
        has(&t.document.text, "Số: 125/SNV-TCCC");
    }

    /// Each cell's string in its cell's font (FONT and XF records, the font list skipping
    /// index 4): a workbook typed in .VnTime with its stamp in .VnTimeH, and a Unicode one
    /// whose stamp was pasted in .VnTimeH.
    #[test]
    fn excel_cells_in_their_fonts() {
        let t = read(&source("bang-ke-tcvn3.xls")).expect("readable");
        has(
            &t.document.text,
            "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\nSỞ TÀI CHÍNH\nSố: 45/BK-STC\nMẬT\n",
        );
        has(&t.document.text, "Chi mua sắm trang thiết bị");
        let t = read(&source("bang-ke-vntimeh-mixed.xls")).expect("readable");
        has(&t.document.text, "Số: 46/BK-STC\nTỐI MẬT\nBẢNG KÊ");
    }

    #[test]
    fn word_default_font_vni() {
        let t = read(&source("ke-hoach-vni.doc")).expect("readable");
        has(&t.document.text, "\nTUYỆT MẬT\n");
    }

    #[test]
    fn word_page_header_is_told_apart() {
        let t = read(&source("bao-cao-header-mat.doc")).expect("readable");
        assert!(t.header.text.contains("MẬT"), "header: {:?}", t.header.text);
        assert!(!t.document.text.contains("MẬT"), "{}", t.document.text);
        has(&t.document.text, "Số: 125/SNV-TCCC");
    }

    #[test]
    fn powerpoint_text_atoms() {
        let t = read(&source("bao-cao-an-ninh.ppt")).expect("readable");
        has(&t.document.text, "\nMẬT\n");
        has(&t.document.text, "PHƯƠNG ÁN BẢO ĐẢM AN NINH");
    }

    #[test]
    fn properties_are_read_and_the_thumbnail_is_not() {
        let t = read(&source("bao-cao-an-ninh.ppt")).expect("readable");
        assert_eq!(
            t.other.text.lines().next(),
            Some("Kế hoạch bảo đảm an ninh"),
            "{}",
            t.other.text
        );
        assert!(t.other.text.len() < 1000, "the 440 kB thumbnail is not text");
    }

    #[test]
    fn password_protected_files_are_told_apart() {
        for f in ["bao-cao-mat-khau.doc", "bang-ke-mat-khau.xls"] {
            assert!(matches!(read(&source(f)), Err(OleError::Encrypted(_))), "{f}");
        }
    }

    #[test]
    fn excel_shared_strings() {
        let t = read(&source("bang-ke-mat.xls")).expect("readable");
        has(&t.document.text, "\nMẬT\n");
    }

    #[test]
    fn excel_string_continued_in_a_continue_record_is_rejoined() {
        // SST of one 8-bit string "ABCD" split after "AB"; the CONTINUE restates it as UTF-16.
        let mut sst = vec![0u8; 8];
        sst[4] = 1;
        sst.extend_from_slice(&[4, 0, 0, b'A', b'B']);
        let joins = [sst.len()];
        sst.extend_from_slice(&[1, b'C', 0, 0xAD, 0x1E]);
        let mut i = 8;
        assert_eq!(xl_string(&sst, &mut i, &joins).as_deref(), Some("ABCậ"));
    }

    /// An Outlook message without a plain body: its HTML body, else its rich text, read as a
    /// file; with a plain body, neither is read again.
    #[test]
    fn an_outlook_message_without_a_plain_body_gives_its_rich_one() {
        use std::io::Write as _;
        let rtf = "{\\rtf1\\ansi M\\u7852?T\\par}";
        let packed = compressed_rtf::compress_rtf(rtf).expect("compresses");
        let plain: Vec<u8> = "MẬT\0".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let html = b"<p>M&#7852;T</p>".to_vec();
        for (streams, want) in [
            (
                vec![(MSG_RTF_COMPRESSED, packed.clone())],
                vec![("message body.rtf", rtf.as_bytes().to_vec())],
            ),
            (
                vec![(MSG_RTF_COMPRESSED, packed.clone()), (MSG_HTML, html.clone())],
                vec![("message body.html", html.clone())],
            ),
            (
                vec![(MSG_RTF_COMPRESSED, packed), (MSG_HTML, html), (MSG_BODY, plain)],
                vec![],
            ),
        ] {
            let mut cf = cfb::CompoundFile::create(Cursor::new(Vec::new())).expect("create");
            for (name, data) in streams {
                cf.create_stream(format!("/{name}"))
                    .expect("stream")
                    .write_all(&data)
                    .expect("write");
            }
            cf.flush().expect("flush");
            let t = read(&cf.into_inner().into_inner()).expect("reads");
            let want: Vec<(String, Vec<u8>)> = want.into_iter().map(|(n, b)| (n.to_owned(), b)).collect();
            assert_eq!(t.embedded, want);
            assert!(t.other.text.trim().is_empty(), "{:?}", t.other.text);
        }
    }

    /// An Outlook message saved as a .msg: its subject and body are its text, its attachment
    /// a file of its own under its long name.
    #[test]
    fn an_outlook_message_is_read_with_its_attachment() {
        use std::io::Write as _;
        let utf16 = |s: &str| s.encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<u8>>();
        let mut cf = cfb::CompoundFile::create(Cursor::new(Vec::new())).expect("create");
        for (path, data) in [
            ("/__substg1.0_0037001F", utf16("Kế hoạch")),
            (
                "/__substg1.0_1000001F",
                utf16("Số: 3/KH\r\nTỐI MẬT\r\nKính gửi\0"),
            ),
        ] {
            cf.create_stream(path)
                .expect("stream")
                .write_all(&data)
                .expect("write");
        }
        cf.create_storage("/__attach_version1.0_#00000000")
            .expect("storage");
        for (name, data) in [
            ("__substg1.0_37010102", b"Phu luc".to_vec()),
            ("__substg1.0_3707001F", utf16("Phụ lục MẬT.txt")),
        ] {
            cf.create_stream(format!("/__attach_version1.0_#00000000/{name}"))
                .expect("stream")
                .write_all(&data)
                .expect("write");
        }
        cf.flush().expect("flush");
        let bytes = cf.into_inner().into_inner();
        let t = read(&bytes).expect("reads");
        assert_eq!(
            t.document.text, "Kế hoạch\nSố: 3/KH\nTỐI MẬT\nKính gửi\n",
            "{:?}",
            t.document
        );
        assert_eq!(
            t.embedded,
            vec![("Phụ lục MẬT.txt".to_owned(), b"Phu luc".to_vec())]
        );
    }

    /// A sheet's printed header (a HEADER record, UTF-16, with Excel's codes) is read as a
    /// header; an empty FOOTER record is nothing.
    #[test]
    fn excel_printed_header_is_a_header() {
        let code = "&L&\"Times New Roman,Bold\"UBND&CMẬT";
        let mut body = (code.encode_utf16().count() as u16).to_le_bytes().to_vec();
        body.push(1);
        body.extend(code.encode_utf16().flat_map(u16::to_le_bytes));
        let mut rec = vec![0x14, 0x00];
        rec.extend((body.len() as u16).to_le_bytes());
        rec.extend(&body);
        rec.extend([0x15, 0x00, 0x00, 0x00]);
        let (mut doc, mut head) = (XmlText::default(), XmlText::default());
        assert!(excel(&rec, &mut doc, &mut head).is_ok());
        assert_eq!(head.text, "UBND\nMẬT\n");
        assert_eq!(doc.text, "");
    }

    #[test]
    fn excel_shared_strings_are_lines_and_a_lying_count_stops_at_the_end() {
        // SST: total 2, unique 2; "MẬT" in UTF-16, "So" in 8 bits in a CONTINUE record.
        let mut body = vec![2, 0, 0, 0, 2, 0, 0, 0, 3, 0, 1];
        body.extend("MẬT".encode_utf16().flat_map(u16::to_le_bytes));
        let mut rec = vec![0xFC, 0x00];
        rec.extend((body.len() as u16).to_le_bytes());
        rec.extend(&body);
        let cont = [2u8, 0, 0, b'S', b'o'];
        rec.extend([0x3C, 0x00]);
        rec.extend((cont.len() as u16).to_le_bytes());
        rec.extend(cont);
        let mut out = XmlText::default();
        assert!(excel(&rec, &mut out, &mut XmlText::default()).is_ok());
        assert_eq!(out.text, "MẬT\nSo\n");
        rec[8..12].copy_from_slice(&u32::MAX.to_le_bytes());
        let mut out = XmlText::default();
        assert!(excel(&rec, &mut out, &mut XmlText::default()).is_ok());
        assert_eq!(out.text, "MẬT\nSo\n", "a count larger than the strings");
        let filepass = [0x2F, 0x00, 0x00, 0x00];
        assert!(matches!(
            excel(&filepass, &mut XmlText::default(), &mut XmlText::default()),
            Err(OleError::Encrypted(_))
        ));
    }

    #[test]
    fn pictures_are_cut_at_their_own_ends() {
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.extend_from_slice(&[0, 0, 0, 1, b'I', b'H', b'D', b'R', 7, 0, 0, 0, 0]);
        png.extend_from_slice(&[0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xAE, 0x42, 0x60, 0x82]);
        let jpeg = b"\xFF\xD8\xFF\xE0\x00\x04ab\xFF\xDA\x00\x02\x12\xFF\x00\x34\xFF\xD9".to_vec();
        let mut stream = b"header".to_vec();
        stream.extend(&png);
        stream.extend(b"between");
        stream.extend(&jpeg);
        stream.extend(b"\x89PNG\r\n\x1a\n\x00\x00\xFF\xFFcut");
        assert_eq!(pictures(&stream), vec![&png[..], &jpeg[..]]);
        assert!(pictures(b"\xFF\xD8\xFF\xFF").is_empty());
        // Signatures leading nowhere stop the search after MAX_FALSE_STARTS (each is walked).
        let mut hostile = b"\x89PNG\r\n\x1a\n\x7F\xFF\xFF\xFFIHDR".repeat(MAX_FALSE_STARTS);
        hostile.extend(&png);
        assert!(pictures(&hostile).is_empty());
        let many = png.repeat(MAX_PICTURES + 5);
        assert_eq!(pictures(&many).len(), MAX_PICTURES);
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(matches!(
            read(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1garbage"),
            Err(OleError::Damaged(_))
        ));
        assert!(word(b"\xEC\xA5\xC1\x00", &[], &mut OleText::default()).is_err());
        assert!(pieces(&[1, 0xFF, 0xFF]).is_none());
        assert_eq!(font_names(&[0xFF, 0xFF, 0, 0, 200]), vec![String::new()]);
    }
}
