//! The labelled state-secret markings corpus (`corpus/markings/`): realistic Vietnamese
//! government mail written for this project — positives for every level in every place and
//! format the detector reads, unreadable content, and negatives for every everyday use of
//! "mật". Binary attachments are built here, so `canhgac-tools corpus markings --out corpus/markings`
//! rebuilds the committed files byte for byte (a test checks that).

use super::corpus::{base64, zip_of};
use crate::mime_out::{crc32, zip_aes_of, zipcrypto_of};
use crate::vietnamese::Legacy;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use unicode_normalization::UnicodeNormalization;

/// One labelled message.
pub struct Labelled {
    /// File name inside `corpus/markings/`.
    pub file: String,
    /// What it tests.
    pub why: String,
    /// The marking symbols the detector must report (exactly), e.g. `["MARKING_TOI_MAT"]`.
    pub symbols: Vec<&'static str>,
    pub bytes: Vec<u8>,
}

// ---------------------------------------------------------------------------------------------
// Message building

enum Cte {
    EightBit,
    QuotedPrintable,
    Base64,
}

enum Part {
    Text {
        body: Vec<u8>,
        subtype: &'static str,
        charset: &'static str,
        cte: Cte,
    },
    File {
        name: String,
        ctype: &'static str,
        data: Vec<u8>,
    },
    Forward(Vec<u8>),
    /// A file sent with `Content-Transfer-Encoding: x-uuencode`, as old mailers send one.
    Uuencoded {
        name: String,
        ctype: &'static str,
        data: Vec<u8>,
    },
    /// multipart/alternative of these parts (a meeting invitation: plain, HTML, calendar).
    Alternative(Vec<Part>),
    /// One fragment of a message split over several mails (message/partial, RFC 2046).
    Partial {
        number: usize,
        total: usize,
        body: Vec<u8>,
    },
    /// A file kept outside the message, named by its address (message/external-body, RFC 2046).
    External {
        url: &'static str,
        ctype: &'static str,
    },
    /// A part written as it is: its headers, a blank line and its body.
    Raw(Vec<u8>),
}

fn encode_header(s: &str) -> String {
    if s.is_ascii() {
        return s.to_owned();
    }
    let b = base64(s.as_bytes());
    let b = String::from_utf8_lossy(&b).replace("\r\n", "");
    format!("=?UTF-8?B?{b}?=")
}

/// `data` uuencoded as `uuencode NAME` writes it: lines of 45 bytes, a zero as a backquote.
fn uuencode(name: &str, data: &[u8]) -> Vec<u8> {
    let ch = |v: u8| if v == 0 { b'`' } else { v + b' ' };
    let mut out = format!("begin 644 {name}\r\n").into_bytes();
    for line in data.chunks(45) {
        out.push(ch(line.len() as u8));
        for g in line.chunks(3) {
            let (a, b, c) = (
                g[0],
                g.get(1).copied().unwrap_or(0),
                g.get(2).copied().unwrap_or(0),
            );
            out.extend([
                ch(a >> 2),
                ch(((a & 3) << 4) | (b >> 4)),
                ch(((b & 15) << 2) | (c >> 6)),
                ch(c & 63),
            ]);
        }
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"`\r\nend\r\n");
    out
}

fn quoted_printable(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut col = 0;
    for line in data.split(|b| *b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        for (i, &b) in line.iter().enumerate() {
            let last = i + 1 == line.len();
            let enc =
                b == b'=' || b >= 0x80 || (b < 0x20 && b != b'\t') || (last && (b == b' ' || b == b'\t'));
            let piece = if enc {
                format!("={b:02X}").into_bytes()
            } else {
                vec![b]
            };
            if col + piece.len() > 75 {
                out.extend_from_slice(b"=\r\n");
                col = 0;
            }
            col += piece.len();
            out.extend_from_slice(&piece);
        }
        out.extend_from_slice(b"\r\n");
        col = 0;
    }
    out
}

struct Mail {
    from: &'static str,
    to: &'static str,
    subject: String,
    parts: Vec<Part>,
    /// Written after the closing boundary (a multipart's epilogue).
    epilogue: Vec<u8>,
}

impl Mail {
    fn new(from: &'static str, to: &'static str, subject: &str) -> Mail {
        Mail {
            from,
            to,
            subject: subject.to_owned(),
            parts: Vec::new(),
            epilogue: Vec::new(),
        }
    }

    fn after_parts(mut self, epilogue: Vec<u8>) -> Mail {
        self.epilogue = epilogue;
        self
    }

    fn text(mut self, body: &str) -> Mail {
        self.parts.push(Part::Text {
            body: body.replace('\n', "\r\n").into_bytes(),
            subtype: "plain",
            charset: "utf-8",
            cte: Cte::EightBit,
        });
        self
    }

    fn part(mut self, p: Part) -> Mail {
        self.parts.push(p);
        self
    }

    fn file(mut self, name: &str, ctype: &'static str, data: Vec<u8>) -> Mail {
        self.parts.push(Part::File {
            name: name.to_owned(),
            ctype,
            data,
        });
        self
    }

    fn uuencoded_file(mut self, name: &str, ctype: &'static str, data: Vec<u8>) -> Mail {
        self.parts.push(Part::Uuencoded {
            name: name.to_owned(),
            ctype,
            data,
        });
        self
    }

    fn build(self, n: usize) -> Vec<u8> {
        let mut out = Vec::new();
        let _ = write!(
            out,
            "Return-Path: <{from}>\r\nReceived: from mail.lamdong.gov.vn (mail.lamdong.gov.vn [10.10.1.5])\r\n\tby mx.lamdong.gov.vn with ESMTPS id 4Q{n:04}\r\n\tfor <{to}>; Mon, 16 Nov 2026 08:{m:02}:00 +0700\r\nFrom: {from}\r\nTo: {to}\r\nSubject: {subject}\r\nDate: Mon, 16 Nov 2026 08:{m:02}:00 +0700\r\nMessage-ID: <markings-{n:03}@lamdong.gov.vn>\r\nMIME-Version: 1.0\r\n",
            from = self.from,
            to = self.to,
            subject = encode_header(&self.subject),
            m = n % 60,
        );
        let single =
            self.parts.len() == 1 && matches!(self.parts[0], Part::Text { .. } | Part::Partial { .. });
        if single {
            if let Some(p) = self.parts.into_iter().next() {
                write_part(&mut out, p);
            }
            return out;
        }
        let boundary = format!("=_canhgac_{n:03}");
        let _ = write!(
            out,
            "Content-Type: multipart/mixed; boundary=\"{boundary}\"\r\n\r\nThis is a multi-part message in MIME format.\r\n"
        );
        for p in self.parts {
            let _ = write!(out, "\r\n--{boundary}\r\n");
            write_part(&mut out, p);
        }
        let _ = write!(out, "\r\n--{boundary}--\r\n");
        out.extend_from_slice(&self.epilogue);
        out
    }
}

fn write_part(out: &mut Vec<u8>, p: Part) {
    match p {
        Part::Text {
            body,
            subtype,
            charset,
            cte,
        } => {
            let (name, data) = match cte {
                Cte::EightBit => ("8bit", body),
                Cte::QuotedPrintable => ("quoted-printable", quoted_printable(&body)),
                Cte::Base64 => ("base64", base64(&body)),
            };
            let _ = write!(
                out,
                "Content-Type: text/{subtype}; charset=\"{charset}\"\r\nContent-Transfer-Encoding: {name}\r\n\r\n"
            );
            out.extend_from_slice(&data);
        }
        Part::File { name, ctype, data } if !name.is_ascii() => {
            // As mail programs write a Vietnamese name: an encoded word in `name` (older
            // readers) and RFC 2231 in `filename*`.
            let percent: String = name
                .bytes()
                .map(|b| {
                    if b.is_ascii_alphanumeric() || b"-._".contains(&b) {
                        (b as char).to_string()
                    } else {
                        format!("%{b:02X}")
                    }
                })
                .collect();
            let _ = write!(
                out,
                "Content-Type: {ctype}; name=\"{}\"\r\nContent-Disposition: attachment; filename*=UTF-8''{percent}\r\nContent-Transfer-Encoding: base64\r\n\r\n",
                encode_header(&name)
            );
            out.extend_from_slice(&base64(&data));
        }
        Part::File { name, ctype, data } => {
            let _ = write!(
                out,
                "Content-Type: {ctype}; name=\"{name}\"\r\nContent-Disposition: attachment; filename=\"{name}\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            );
            out.extend_from_slice(&base64(&data));
        }
        Part::Uuencoded { name, ctype, data } => {
            let _ = write!(
                out,
                "Content-Type: {ctype}; name=\"{name}\"\r\nContent-Disposition: attachment; filename=\"{name}\"\r\nContent-Transfer-Encoding: x-uuencode\r\n\r\n"
            );
            out.extend_from_slice(&uuencode(&name, &data));
        }
        Part::Forward(inner) => {
            let _ = write!(
                out,
                "Content-Type: message/rfc822\r\nContent-Disposition: attachment; filename=\"chuyen-tiep.eml\"\r\n\r\n"
            );
            out.extend_from_slice(&inner);
        }
        Part::Alternative(parts) => {
            let boundary = "=_canhgac_alternative";
            let _ = write!(
                out,
                "Content-Type: multipart/alternative; boundary=\"{boundary}\"\r\n\r\n"
            );
            for p in parts {
                let _ = write!(out, "\r\n--{boundary}\r\n");
                write_part(out, p);
            }
            let _ = write!(out, "\r\n--{boundary}--\r\n");
        }
        Part::Partial { number, total, body } => {
            let _ = write!(
                out,
                "Content-Type: message/partial; id=\"split-1@lamdong.gov.vn\"; number={number}; total={total}\r\n\r\n"
            );
            out.extend_from_slice(&body);
        }
        Part::Raw(raw) => out.extend_from_slice(&raw),
        Part::External { url, ctype } => {
            let _ = write!(
                out,
                "Content-Type: message/external-body; access-type=URL;\r\n\tURL=\"{url}\"\r\n\r\nContent-Type: {ctype}\r\n\r\n"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Texts

fn utf16le(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

/// An Outlook message file (.msg, MS-OXMSG) with this subject and plain-text body in its
/// Unicode property streams.
fn outlook_msg(subject: &str, body: &str) -> Vec<u8> {
    outlook_msg_of(
        subject,
        "/__substg1.0_1000001F",
        utf16le(&body.replace('\n', "\r\n")),
    )
}

/// An Outlook message file with this subject and its body in the one property stream `body`
/// (a plain body, an HTML one, compressed rich text).
fn outlook_msg_of(subject: &str, body: &str, data: Vec<u8>) -> Vec<u8> {
    let Ok(mut cf) = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())) else {
        return Vec::new();
    };
    for (path, data) in [
        ("/__substg1.0_001A001F", utf16le("IPM.Note")),
        ("/__substg1.0_0037001F", utf16le(subject)),
        (body, data),
    ] {
        if let Ok(mut s) = cf.create_stream(path) {
            let _ = s.write_all(&data);
        }
    }
    let _ = cf.flush();
    cf.into_inner().into_inner()
}

/// The lines of an official dispatch (công văn) with `stamp` under the document number.
fn dispatch(stamp: &str, unit: &str, number: &str, topic: &str, recipient: &str) -> Vec<String> {
    let mut v = vec![
        "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG".to_owned(),
        unit.to_uppercase(),
        format!("Số: {number}"),
        format!("V/v {topic}"),
    ];
    if !stamp.is_empty() {
        v.push(stamp.to_owned());
    }
    v.extend(
        [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Lâm Đồng, ngày 12 tháng 11 năm 2026",
        ]
        .map(str::to_owned),
    );
    v.push(format!("Kính gửi: {recipient}"));
    v.push(format!(
        "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, {unit} báo cáo nội dung {topic} như sau: tình hình triển khai đã hoàn thành theo kế hoạch, các số liệu chi tiết tại phụ lục kèm theo."
    ));
    v.push("Đề nghị quý cơ quan nghiên cứu, phối hợp thực hiện.".to_owned());
    v.extend(["Nơi nhận:", "- Như trên;", "- Lưu: VT.", "GIÁM ĐỐC"].map(str::to_owned));
    v
}

fn lines(v: &[String]) -> String {
    let mut s = v.join("\n");
    s.push('\n');
    s
}

const GREETING: &str = "Kính gửi anh/chị,\nSở gửi kèm văn bản để anh/chị nghiên cứu.\nTrân trọng.\n";

/// Text in Windows-1258 form: base letters with their vowel modifiers precomposed, tone marks
/// as combining characters (as Vietnamese Windows writes it), then encoded.
fn windows_1258(text: &str) -> Vec<u8> {
    let mut s = String::new();
    for c in text.nfc() {
        let mut base = String::new();
        let mut tone = None;
        unicode_normalization::char::decompose_canonical(c, |d| match d {
            '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}' => tone = Some(d),
            d => base.push(d),
        });
        s.extend(base.nfc());
        s.extend(tone);
    }
    let (bytes, _, _) = encoding_rs::WINDOWS_1258.encode(&s);
    bytes.into_owned()
}

/// Latin-1 characters as bytes.
fn latin1(s: &str) -> Vec<u8> {
    s.chars().map(|c| c as u32 as u8).collect()
}

// ---------------------------------------------------------------------------------------------
// Documents

fn xml(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" xmlns:v=\"urn:schemas-microsoft-com:vml\"";

fn w_p(text: &str) -> String {
    format!(
        "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        xml(text)
    )
}

fn w_p_font(text: &str, font: &str) -> String {
    format!(
        "<w:p><w:r><w:rPr><w:rFonts w:ascii=\"{font}\" w:hAnsi=\"{font}\"/><w:b/><w:color w:val=\"FF0000\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        xml(text)
    )
}

fn w_tbl(rows: &[[&str; 2]]) -> String {
    let mut s = String::from("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>");
    for r in rows {
        s.push_str("<w:tr>");
        for cell in r {
            s.push_str("<w:tc><w:tcPr><w:tcW w:w=\"4500\" w:type=\"dxa\"/></w:tcPr>");
            for line in cell.split('\n') {
                s.push_str(&w_p(line));
            }
            s.push_str("</w:tc>");
        }
        s.push_str("</w:tr>");
    }
    s.push_str("</w:tbl>");
    s
}

fn w_textbox(text: &str) -> String {
    format!(
        "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>{p}</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{p}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>",
        p = w_p(text)
    )
}

/// An Excel binary workbook (.xlsb) whose first sheet lists `strings`, a row each, through its
/// shared strings table, and prints the first as its header: BIFF12 records as Excel writes
/// them (a record type and a length, 7 bits a byte; strings UTF-16 after their length).
fn xlsb(strings: &[&str]) -> Vec<u8> {
    use crate::extract::xlsb::wide;
    let record =
        |out: &mut Vec<u8>, kind: u32, body: &[u8]| out.extend(crate::extract::xlsb::record(kind, body));
    let n = strings.len() as u32;
    let mut sst = Vec::new();
    record(&mut sst, 159, &[n.to_le_bytes(), n.to_le_bytes()].concat());
    for s in strings {
        record(&mut sst, 19, &[&[0u8][..], &wide(s)].concat());
    }
    record(&mut sst, 160, &[]);
    let mut sheet = Vec::new();
    record(&mut sheet, 129, &[]);
    record(&mut sheet, 145, &[]);
    for i in 0..n {
        record(&mut sheet, 0, &[&i.to_le_bytes()[..], &[0; 13]].concat());
        record(&mut sheet, 7, &[&[0u8; 8][..], &i.to_le_bytes()].concat());
    }
    record(&mut sheet, 146, &[]);
    let header = format!("&C{}", strings.first().copied().unwrap_or_default());
    record(
        &mut sheet,
        479,
        &[&[0u8, 0][..], &wide(&header), &[0xFF; 20]].concat(),
    );
    record(&mut sheet, 130, &[]);
    let mut book = Vec::new();
    record(&mut book, 131, &[]);
    record(&mut book, 132, &[]);
    zip_stored_first(&[
        (
            "[Content_Types].xml",
            b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"bin\" ContentType=\"application/vnd.ms-excel.sheet.binary.macroEnabled.main\"/></Types>",
        ),
        ("xl/workbook.bin", &book),
        ("xl/sharedStrings.bin", &sst),
        ("xl/worksheets/sheet1.bin", &sheet),
    ])
}

fn zip_stored_first(members: &[(&str, &[u8])]) -> Vec<u8> {
    // ODF wants `mimetype` first and stored; the rest deflated.
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (i, (name, data)) in members.iter().enumerate() {
        let method = if i == 0 {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        let opts = zip::write::SimpleFileOptions::default().compression_method(method);
        if w.start_file(*name, opts).is_err() || w.write_all(data).is_err() {
            return Vec::new();
        }
    }
    w.finish().map(|c| c.into_inner()).unwrap_or_default()
}

#[derive(Default)]
struct Docx {
    body: String,
    header: Option<String>,
    title: Option<String>,
    keywords: Option<String>,
    default_font: Option<&'static str>,
}

impl Docx {
    fn build(&self) -> Vec<u8> {
        let doc = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<w:document {W}><w:body>{}<w:sectPr/></w:body></w:document>",
            self.body
        );
        let mut members: Vec<(String, Vec<u8>)> = vec![
            (
                "[Content_Types].xml".into(),
                b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>".to_vec(),
            ),
            ("word/document.xml".into(), doc.into_bytes()),
        ];
        if let Some(h) = &self.header {
            members.push((
                "word/header1.xml".into(),
                format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:hdr {W}>{h}</w:hdr>").into_bytes(),
            ));
        }
        if let Some(font) = self.default_font {
            members.push((
                "word/styles.xml".into(),
                format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:styles {W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"{font}\" w:hAnsi=\"{font}\"/><w:sz w:val=\"28\"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>").into_bytes(),
            ));
        }
        members.push((
            "docProps/core.xml".into(),
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>{}</dc:title><cp:keywords>{}</cp:keywords><dc:creator>Văn thư</dc:creator></cp:coreProperties>",
                xml(self.title.as_deref().unwrap_or("Công văn")),
                xml(self.keywords.as_deref().unwrap_or(""))
            )
            .into_bytes(),
        ));
        let refs: Vec<(&str, &[u8])> = members.iter().map(|(n, d)| (n.as_str(), d.as_slice())).collect();
        zip_of(&refs)
    }
}

fn docx_lines(v: &[String]) -> Vec<u8> {
    Docx {
        body: v.iter().map(|l| w_p(l)).collect(),
        ..Docx::default()
    }
    .build()
}

fn xlsx(shared: &[&str], inline: &[&str]) -> Vec<u8> {
    xlsx_with_header(shared, inline, None, &[])
}

/// [`xlsx`], its sheet printing `header` (Excel's header codes: `&C` centre…).
fn xlsx_with_header(
    shared: &[&str],
    inline: &[&str],
    header: Option<&str>,
    extra: &[(&str, &[u8])],
) -> Vec<u8> {
    let mut sst = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
    );
    for s in shared {
        let _ = write!(sst, "<si><t>{}</t></si>", xml(s));
    }
    sst.push_str("</sst>");
    let mut sheet = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>",
    );
    for (i, _) in shared.iter().enumerate() {
        let _ = write!(
            sheet,
            "<row r=\"{r}\"><c r=\"A{r}\" t=\"s\"><v>{i}</v></c><c r=\"B{r}\"><v>{v}</v></c></row>",
            r = i + 1,
            v = i * 7
        );
    }
    for (i, s) in inline.iter().enumerate() {
        let _ = write!(
            sheet,
            "<row r=\"{r}\"><c r=\"A{r}\" t=\"inlineStr\"><is><t>{}</t></is></c></row>",
            xml(s),
            r = shared.len() + i + 1
        );
    }
    sheet.push_str("</sheetData>");
    if let Some(h) = header {
        let _ = write!(
            sheet,
            "<headerFooter><oddHeader>{}</oddHeader></headerFooter>",
            xml(h)
        );
    }
    sheet.push_str("</worksheet>");
    let mut members: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", b"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
        ("xl/workbook.xml", b"<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets><sheet name=\"Bao cao\" sheetId=\"1\"/></sheets></workbook>"),
        ("xl/sharedStrings.xml", sst.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
    ];
    members.extend_from_slice(extra);
    zip_of(&members)
}

/// A spreadsheet of `shared` strings with a text box drawn over its sheet holding `shape`
/// (a line each), as Excel saves an inserted shape: `xl/drawings/drawing1.xml`.
fn xlsx_with_drawing(shared: &[&str], shape: &[&str]) -> Vec<u8> {
    let mut d = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xdr:wsDr xmlns:xdr=\"http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><xdr:twoCellAnchor><xdr:from><xdr:col>4</xdr:col><xdr:row>0</xdr:row></xdr:from><xdr:to><xdr:col>6</xdr:col><xdr:row>2</xdr:row></xdr:to><xdr:sp><xdr:nvSpPr><xdr:cNvPr id=\"2\" name=\"TextBox 1\"/><xdr:cNvSpPr txBox=\"1\"/></xdr:nvSpPr><xdr:spPr/><xdr:txBody><a:bodyPr/>",
    );
    for line in shape {
        let _ = write!(
            d,
            "<a:p><a:r><a:rPr b=\"1\"/><a:t>{}</a:t></a:r></a:p>",
            xml(line)
        );
    }
    d.push_str("</xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>");
    xlsx_with_header(shared, &[], None, &[("xl/drawings/drawing1.xml", d.as_bytes())])
}

/// A Word document saved as a "Single File Web Page" (MIME, multipart/related, its HTML
/// quoted-printable), as `.doc` files from older systems often are.
fn word_web_archive(v: &[String]) -> Vec<u8> {
    let mut html = String::from(
        "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:w=\"urn:schemas-microsoft-com:office:word\"><head><meta http-equiv=Content-Type content=\"text/html; charset=utf-8\"></head><body lang=VI><div class=WordSection1>\n",
    );
    for line in v {
        let _ = writeln!(html, "<p class=MsoNormal>{}</p>", xml(line));
    }
    html.push_str("</div></body></html>\n");
    let mut out = b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_01DB3F2A.5C1E7B40\"\r\n\r\nThis document is a Single File Web Page, also known as a Web Archive file.  If you are seeing this message, your browser or editor doesn't support Web Archive files.\r\n\r\n------=_NextPart_01DB3F2A.5C1E7B40\r\nContent-Location: file:///C:/4B1E2F3A/van-ban.htm\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset=\"utf-8\"\r\n\r\n".to_vec();
    out.extend(quoted_printable(html.as_bytes()));
    out.extend_from_slice(b"\r\n------=_NextPart_01DB3F2A.5C1E7B40--\r\n");
    out
}

fn pptx(slides: &[&[&str]]) -> Vec<u8> {
    pptx_with_master(slides, &[])
}

/// [`pptx`], with `master` drawn by its slide master (on every slide).
fn pptx_with_master(slides: &[&[&str]], master: &[&str]) -> Vec<u8> {
    let members = pptx_parts(slides, master);
    let refs: Vec<(&str, &[u8])> = members.iter().map(|(n, d)| (n.as_str(), d.as_slice())).collect();
    zip_of(&refs)
}

/// The parts of [`pptx_with_master`]'s presentation, by name.
fn pptx_parts(slides: &[&[&str]], master: &[&str]) -> Vec<(String, Vec<u8>)> {
    let mut members: Vec<(String, Vec<u8>)> = vec![(
        "[Content_Types].xml".into(),
        b"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".to_vec(),
    )];
    for (i, slide) in slides.iter().enumerate() {
        let mut s = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><p:sld xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"><p:cSld><p:spTree>",
        );
        for line in *slide {
            let _ = write!(
                s,
                "<p:sp><p:txBody><a:bodyPr/><a:p><a:r><a:rPr lang=\"vi-VN\"/><a:t>{}</a:t></a:r></a:p></p:txBody></p:sp>",
                xml(line)
            );
        }
        s.push_str("</p:spTree></p:cSld></p:sld>");
        members.push((format!("ppt/slides/slide{}.xml", i + 1), s.into_bytes()));
    }
    if !master.is_empty() {
        let mut s = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><p:sldMaster xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"><p:cSld><p:spTree>",
        );
        for line in master {
            let _ = write!(
                s,
                "<p:sp><p:txBody><a:bodyPr/><a:p><a:r><a:t>{}</a:t></a:r></a:p></p:txBody></p:sp>",
                xml(line)
            );
        }
        s.push_str("</p:spTree></p:cSld></p:sldMaster>");
        members.push(("ppt/slideMasters/slideMaster1.xml".into(), s.into_bytes()));
    }
    members
}

fn odf(kind: &str, body: &str) -> Vec<u8> {
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"><office:body>{body}</office:body></office:document-content>"
    );
    let mimetype = format!("application/vnd.oasis.opendocument.{kind}");
    zip_stored_first(&[
        ("mimetype", mimetype.as_bytes()),
        ("content.xml", content.as_bytes()),
        ("meta.xml", b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-meta xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><office:meta><dc:title>B\xc3\xa1o c\xc3\xa1o</dc:title></office:meta></office:document-meta>"),
    ])
}

fn odt(v: &[String]) -> Vec<u8> {
    let mut body = String::from("<office:text>");
    for l in v {
        let _ = write!(body, "<text:p>{}</text:p>", xml(l).replace("  ", " <text:s/>"));
    }
    body.push_str("</office:text>");
    odf("text", &body)
}

fn ods(rows: &[[&str; 2]]) -> Vec<u8> {
    let mut body = String::from("<office:spreadsheet><table:table table:name=\"Sheet1\">");
    for r in rows {
        body.push_str("<table:table-row>");
        for c in r {
            let _ = write!(
                body,
                "<table:table-cell office:value-type=\"string\"><text:p>{}</text:p></table:table-cell>",
                xml(c)
            );
        }
        body.push_str("</table:table-row>");
    }
    body.push_str("</table:table></office:spreadsheet>");
    odf("spreadsheet", &body)
}

fn deflate(data: &[u8]) -> Vec<u8> {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    let _ = z.write_all(data);
    z.finish().unwrap_or_default()
}

/// Assembles a PDF from object bodies (object i+1 = objects[i]); `streams` gives an object's
/// stream data (already encoded).
pub(super) fn pdf_file(objects: &[(String, Option<Vec<u8>>)], trailer_extra: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, (dict, stream)) in objects.iter().enumerate() {
        offsets.push(out.len());
        let _ = write!(out, "{} 0 obj\n{dict}", i + 1);
        if let Some(s) = stream {
            out.extend_from_slice(b"\nstream\n");
            out.extend_from_slice(s);
            out.extend_from_slice(b"\nendstream");
        }
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    let _ = write!(out, "xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1);
    for o in &offsets {
        let _ = writeln!(out, "{o:010} 00000 n ");
    }
    let _ = write!(
        out,
        "trailer\n<< /Size {} /Root 1 0 R{trailer_extra} >>\nstartxref\n{xref}\n%%EOF\n",
        offsets.len() + 1
    );
    out
}

/// A PDF as Word's "Save as PDF" writes Vietnamese: a Type0 font with Identity-H two-byte
/// glyph codes, a ToUnicode CMap, compressed content streams, one page per slice of lines.
fn pdf_unicode(pages: &[&[String]]) -> Vec<u8> {
    pdf_unicode_stamped(pages, None)
}

/// How a stamp is added to a PDF after the fact.
#[derive(Clone, Copy, PartialEq)]
enum Stamped {
    /// A form XObject drawn over the first page (how stamping tools such as qpdf's overlay or
    /// pdftk's stamp add one).
    Form,
    /// A stamp annotation whose appearance draws the text (a reader's stamp tool).
    Annotation,
}

/// [`pdf_unicode`], with `stamp` added over the top right of the first page.
fn pdf_unicode_stamped(pages: &[&[String]], stamp: Option<(&str, Stamped)>) -> Vec<u8> {
    let mut chars: Vec<char> = pages
        .iter()
        .flat_map(|p| p.iter())
        .flat_map(|l| l.chars())
        .chain(stamp.iter().flat_map(|(t, _)| t.chars()))
        .collect();
    chars.sort_unstable();
    chars.dedup();
    let code = |c: char| chars.iter().position(|x| *x == c).map_or(0, |i| i + 3);
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapName /Adobe-Identity-UCS def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    for chunk in chars.chunks(100) {
        let _ = writeln!(cmap, "{} beginbfchar", chunk.len());
        for c in chunk {
            let mut units = [0u16; 2];
            let hex: String = c
                .encode_utf16(&mut units)
                .iter()
                .map(|u| format!("{u:04X}"))
                .collect();
            let _ = writeln!(cmap, "<{:04X}> <{hex}>", code(*c));
        }
        cmap.push_str("endbfchar\n");
    }
    cmap.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    let n_pages = pages.len();
    // Objects: 1 catalog, 2 pages, 3 font, 4 descendant, 5 cmap, then (page, content) pairs.
    let kids: Vec<String> = (0..n_pages).map(|i| format!("{} 0 R", 6 + 2 * i)).collect();
    let mut objects: Vec<(String, Option<Vec<u8>>)> = vec![
        ("<< /Type /Catalog /Pages 2 0 R >>".into(), None),
        (format!("<< /Type /Pages /Kids [{}] /Count {n_pages} >>", kids.join(" ")), None),
        ("<< /Type /Font /Subtype /Type0 /BaseFont /BCDEEE+TimesNewRomanPSMT /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>".into(), None),
        ("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /BCDEEE+TimesNewRomanPSMT /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>".into(), None),
    ];
    let cmap_z = deflate(cmap.as_bytes());
    objects.push((
        format!("<< /Filter /FlateDecode /Length {} >>", cmap_z.len()),
        Some(cmap_z),
    ));
    // The stamp's objects follow the pages: its form, then its annotation.
    let stamp_form = 6 + 2 * n_pages;
    for (i, page) in pages.iter().enumerate() {
        let mut content = String::from("BT\n/F1 13 Tf\n");
        for (j, l) in page.iter().enumerate() {
            let hex: String = l.chars().map(|c| format!("{:04X}", code(c))).collect();
            let _ = writeln!(content, "1 0 0 1 70 {} Tm\n<{hex}> Tj", 780 - 18 * j);
        }
        content.push_str("ET\n");
        let (mut xobjects, mut annots) = (String::new(), String::new());
        match stamp {
            Some((_, Stamped::Form)) if i == 0 => {
                content.push_str("q 1 0 0 1 420 800 cm /Stamp Do Q\n");
                xobjects = format!(" /XObject << /Stamp {stamp_form} 0 R >>");
            }
            Some((_, Stamped::Annotation)) if i == 0 => {
                annots = format!(" /Annots [{} 0 R]", stamp_form + 1);
            }
            _ => {}
        }
        let z = deflate(content.as_bytes());
        objects.push((
            format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >>{xobjects} >> /Contents {} 0 R{annots} >>", 7 + 2 * i),
            None,
        ));
        objects.push((format!("<< /Filter /FlateDecode /Length {} >>", z.len()), Some(z)));
    }
    if let Some((text, _)) = stamp {
        let hex: String = text.chars().map(|c| format!("{:04X}", code(c))).collect();
        let content = format!("BT\n/F1 16 Tf\n4 6 Td\n<{hex}> Tj\nET\n");
        objects.push((
            format!(
                "<< /Type /XObject /Subtype /Form /BBox [0 0 150 28] /Resources << /Font << /F1 3 0 R >> >> /Length {} >>",
                content.len()
            ),
            Some(content.into_bytes()),
        ));
        objects.push((
            format!(
                "<< /Type /Annot /Subtype /Stamp /Rect [420 800 570 828] /AP << /N {stamp_form} 0 R >> >>"
            ),
            None,
        ));
    }
    pdf_file(&objects, "")
}

/// A 7z archive of one stored file (the Copy coder), as 7-Zip writes with `-mx0`: signature
/// header, the file's bytes, then the header (streams, folder, sizes, CRC, name).
fn seven_zip_stored(name: &str, data: &[u8]) -> Vec<u8> {
    // 7z's variable-length numbers: the first byte's leading ones count the bytes that follow.
    fn number(v: u64) -> Vec<u8> {
        for n in 0..8u32 {
            let bits = 8 * n + (7 - n);
            if v < (1u64 << bits) {
                let first = !(0xFFu8 >> n) | ((v >> (8 * n)) as u8 & (0x7F >> n));
                let mut out = vec![first];
                out.extend_from_slice(&v.to_le_bytes()[..n as usize]);
                return out;
            }
        }
        let mut out = vec![0xFF];
        out.extend_from_slice(&v.to_le_bytes());
        out
    }
    let size = data.len() as u64;
    let mut h = vec![0x01, 0x04, 0x06];
    h.extend(number(0));
    h.extend(number(1));
    h.push(0x09);
    h.extend(number(size));
    h.push(0x00);
    h.extend([0x07, 0x0B]);
    h.extend(number(1));
    h.push(0x00);
    h.extend(number(1));
    h.extend([0x01, 0x00]);
    h.push(0x0C);
    h.extend(number(size));
    h.push(0x00);
    h.extend([0x08, 0x0A, 0x01]);
    h.extend(crc32(data).to_le_bytes());
    h.extend([0x00, 0x00]);
    h.push(0x05);
    h.extend(number(1));
    let names: Vec<u8> = name
        .encode_utf16()
        .chain([0])
        .flat_map(u16::to_le_bytes)
        .collect();
    h.push(0x11);
    h.extend(number(names.len() as u64 + 1));
    h.push(0x00);
    h.extend(names);
    h.extend([0x00, 0x00]);
    let mut start = Vec::new();
    start.extend(size.to_le_bytes());
    start.extend((h.len() as u64).to_le_bytes());
    start.extend(crc32(&h).to_le_bytes());
    let mut out = b"7z\xBC\xAF\x27\x1C\x00\x04".to_vec();
    out.extend(crc32(&start).to_le_bytes());
    out.extend(start);
    out.extend_from_slice(data);
    out.extend(h);
    out
}

/// A RAR 5 archive of one stored file: signature, main header, file header (store method,
/// CRC32 of the data), the data, end of archive.
fn rar5_stored(name: &str, data: &[u8]) -> Vec<u8> {
    fn vint(mut v: u64) -> Vec<u8> {
        let mut out = Vec::new();
        loop {
            let b = (v & 0x7F) as u8;
            v >>= 7;
            if v == 0 {
                out.push(b);
                return out;
            }
            out.push(b | 0x80);
        }
    }
    fn block(fields: &[u8]) -> Vec<u8> {
        let mut sized = vint(fields.len() as u64);
        sized.extend_from_slice(fields);
        let mut out = crc32(&sized).to_le_bytes().to_vec();
        out.extend(sized);
        out
    }
    let mut out = b"Rar!\x1A\x07\x01\x00".to_vec();
    // Main archive header: type 1, no flags, no archive flags.
    out.extend(block(&[0x01, 0x00, 0x00]));
    // File header: type 2, data area present (its size), no file flags but the CRC32 (0x04).
    let mut f = vint(2);
    f.extend(vint(0x0002));
    f.extend(vint(data.len() as u64));
    f.extend(vint(0x0004));
    f.extend(vint(data.len() as u64));
    f.extend(vint(0x20));
    f.extend(crc32(data).to_le_bytes());
    // Compression information: version 0, store (method 0); host OS Windows (the attributes
    // are Windows attributes: 0x20, archive).
    f.extend(vint(0));
    f.extend(vint(0));
    f.extend(vint(name.len() as u64));
    f.extend_from_slice(name.as_bytes());
    out.extend(block(&f));
    out.extend_from_slice(data);
    // End of archive: type 5, no flags.
    out.extend(block(&[0x05, 0x00, 0x00]));
    out
}

/// ASCII85, as PDF writers wrap compressed streams (ending `~>`).
fn ascii85(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() * 5 / 4 + 4);
    for chunk in data.chunks(4) {
        let mut group = [0u8; 4];
        group[..chunk.len()].copy_from_slice(chunk);
        let mut v = u32::from_be_bytes(group);
        if chunk.len() == 4 && v == 0 {
            out.push(b'z');
            continue;
        }
        let mut digits = [0u8; 5];
        for d in digits.iter_mut().rev() {
            *d = (v % 85) as u8 + b'!';
            v /= 85;
        }
        out.extend_from_slice(&digits[..chunk.len() + 1]);
    }
    out.extend_from_slice(b"~>");
    out
}

/// A PDF as reportlab writes Vietnamese: a subset TrueType font as a *simple* font (one-byte
/// codes, WinAnsi declared) whose ToUnicode map gives the real letters, the page's fonts in an
/// indirect dictionary, content streams ASCII85 over Flate.
fn pdf_simple_truetype(text_lines: &[String]) -> Vec<u8> {
    let mut chars: Vec<char> = text_lines.iter().flat_map(|l| l.chars()).collect();
    chars.sort_unstable();
    chars.dedup();
    let code = |c: char| chars.iter().position(|x| *x == c).map_or(0, |i| i + 1) as u8;
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapName /AAAAAA+DejaVuSerif def\n/CMapType 2 def\n1 begincodespacerange\n<00> <FF>\nendcodespacerange\n",
    );
    let _ = writeln!(cmap, "{} beginbfchar", chars.len());
    for c in &chars {
        let mut units = [0u16; 2];
        let hex: String = c
            .encode_utf16(&mut units)
            .iter()
            .map(|u| format!("{u:04X}"))
            .collect();
        let _ = writeln!(cmap, "<{:02X}> <{hex}>", code(*c));
    }
    cmap.push_str("endbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    let mut content = String::from("BT\n/F2+0 12 Tf\n");
    for (j, l) in text_lines.iter().enumerate() {
        let s: String = l.chars().map(|c| format!("\\{:03o}", code(c))).collect();
        let _ = writeln!(content, "1 0 0 1 70 {} Tm\n({s}) Tj", 780 - 18 * j);
    }
    content.push_str("ET\n");
    let body = ascii85(&deflate(content.as_bytes()));
    let objects: Vec<(String, Option<Vec<u8>>)> = vec![
        ("<< /Type /Catalog /Pages 2 0 R >>".into(), None),
        ("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(), None),
        ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.2756 841.8898] /Resources << /Font 4 0 R /ProcSet [ /PDF /Text ] >> /Contents 7 0 R >>".into(), None),
        ("<< /F1 5 0 R /F2+0 6 0 R >>".into(), None),
        ("<< /BaseFont /Helvetica /Encoding /WinAnsiEncoding /Name /F1 /Subtype /Type1 /Type /Font >>".into(), None),
        (
            format!(
                "<< /BaseFont /AAAAAA+DejaVuSerif /FirstChar 0 /LastChar {} /Name /F2+0 /Subtype /TrueType /Encoding /WinAnsiEncoding /ToUnicode 8 0 R /Type /Font >>",
                chars.len()
            ),
            None,
        ),
        (format!("<< /Filter [ /ASCII85Decode /FlateDecode ] /Length {} >>", body.len()), Some(body)),
        (format!("<< /Length {} >>", cmap.len()), Some(cmap.into_bytes())),
    ];
    pdf_file(&objects, "")
}

/// The glyph name a font gives `c`, as font tools name Vietnamese letters: the letter, then its
/// accents (`acircumflexdotbelow`), every other one as `uniXXXX`; ASCII by its PostScript name.
fn glyph_name(c: char, i: usize) -> String {
    use unicode_normalization::UnicodeNormalization;
    const ASCII: &[(char, &str)] = &[
        (' ', "space"),
        (':', "colon"),
        ('/', "slash"),
        ('-', "hyphen"),
        (',', "comma"),
        ('.', "period"),
        (';', "semicolon"),
        ('(', "parenleft"),
        (')', "parenright"),
        ('0', "zero"),
        ('1', "one"),
        ('2', "two"),
        ('3', "three"),
        ('4', "four"),
        ('5', "five"),
        ('6', "six"),
        ('7', "seven"),
        ('8', "eight"),
        ('9', "nine"),
    ];
    if c.is_ascii_alphabetic() {
        return c.to_string();
    }
    if let Some((_, n)) = ASCII.iter().find(|(a, _)| *a == c) {
        return (*n).to_owned();
    }
    match c {
        'Đ' => return "Dcroat".into(),
        'đ' => return "dcroat".into(),
        _ => {}
    }
    let marks: Vec<char> = c.nfd().collect();
    let named: Option<Vec<&str>> = marks[1..]
        .iter()
        .map(|m| match m {
            '\u{302}' => Some("circumflex"),
            '\u{306}' => Some("breve"),
            '\u{31B}' => Some("horn"),
            '\u{301}' => Some("acute"),
            '\u{300}' => Some("grave"),
            '\u{309}' => Some("hookabove"),
            '\u{303}' => Some("tilde"),
            '\u{323}' => Some("dotbelow"),
            _ => None,
        })
        .collect();
    match named {
        Some(mut accents) if i.is_multiple_of(2) && marks[0].is_ascii_alphabetic() => {
            // The letter's own modifier (circumflex, breve, horn) before the tone.
            accents.sort_by_key(|a| !matches!(*a, "circumflex" | "breve" | "horn"));
            format!("{}{}", marks[0], accents.concat())
        }
        _ => format!("uni{:04X}", c as u32),
    }
}

/// A PDF whose simple font (Type1, or a Type3 font of drawn glyphs) has no ToUnicode map: its
/// `/Encoding` gives each code a glyph name through `/Differences`, the only way to its text.
fn pdf_differences(text_lines: &[String], type3: bool) -> Vec<u8> {
    let mut chars: Vec<char> = text_lines.iter().flat_map(|l| l.chars()).collect();
    chars.sort_unstable();
    chars.dedup();
    // Type3 fonts have no built-in encoding: every code is named. Type1 fonts keep WinAnsi for
    // ASCII and name the rest from 128 on.
    let named: Vec<char> = chars.iter().copied().filter(|c| type3 || !c.is_ascii()).collect();
    let code = |c: char| -> u8 {
        if !type3 && c.is_ascii() {
            return c as u8;
        }
        named
            .iter()
            .position(|x| *x == c)
            .map_or(b'?', |i| if type3 { 33 + i as u8 } else { 128 + i as u8 })
    };
    let first = if type3 { 33 } else { 128 };
    let names: String = named
        .iter()
        .enumerate()
        .map(|(i, c)| format!("/{}", glyph_name(*c, i)))
        .collect();
    let mut content = String::from("BT\n/F1 12 Tf\n");
    for (j, l) in text_lines.iter().enumerate() {
        let s: String = l.chars().map(|c| format!("\\{:03o}", code(c))).collect();
        let _ = writeln!(content, "1 0 0 1 70 {} Tm\n({s}) Tj", 780 - 18 * j);
    }
    content.push_str("ET\n");
    let body = deflate(content.as_bytes());
    let font = if type3 {
        let procs: String = named
            .iter()
            .enumerate()
            .map(|(i, c)| format!("/{} 7 0 R ", glyph_name(*c, i)))
            .collect();
        format!(
            "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 600 700] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << {procs}>> /Encoding << /Type /Encoding /Differences [ {first} {names} ] >> /FirstChar {first} /LastChar {} /Widths [ {}] /Resources << >> >>",
            first + named.len() - 1,
            "600 ".repeat(named.len())
        )
    } else {
        format!(
            "<< /Type /Font /Subtype /Type1 /BaseFont /TimesVN-Regular /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [ {first} {names} ] >> >>"
        )
    };
    // A Type3 glyph: a box, drawn.
    let glyph = b"600 0 0 0 600 700 d1\n50 0 500 700 re f\n".to_vec();
    let objects: Vec<(String, Option<Vec<u8>>)> = vec![
        ("<< /Type /Catalog /Pages 2 0 R >>".into(), None),
        ("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(), None),
        ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".into(), None),
        (format!("<< /Filter /FlateDecode /Length {} >>", body.len()), Some(body)),
        (font, None),
        ("<< /Type /Metadata >>".into(), None),
        (format!("<< /Length {} >>", glyph.len()), Some(glyph)),
    ];
    pdf_file(&objects, "")
}

/// A PDF typed in a legacy font: WinAnsi strings of TCVN3 bytes in the `.VnTimeH` font.
fn pdf_legacy(lines_text: &[String], font: &str, enc: Legacy) -> Vec<u8> {
    let mut content = String::from("BT\n/F1 13 Tf\n70 780 Td\n18 TL\n");
    for l in lines_text {
        let bytes = latin1(&enc.encode(l));
        let mut s = String::new();
        for b in bytes {
            if b.is_ascii_alphanumeric() || b == b' ' {
                s.push(b as char);
            } else {
                let _ = write!(s, "\\{b:03o}");
            }
        }
        let _ = writeln!(content, "({s}) Tj T*");
    }
    content.push_str("ET\n");
    pdf_file(
        &[
            ("<< /Type /Catalog /Pages 2 0 R >>".into(), None),
            ("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(), None),
            ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".into(), None),
            (format!("<< /Length {} >>", content.len()), Some(content.into_bytes())),
            (format!("<< /Type /Font /Subtype /TrueType /BaseFont /{font} /Encoding /WinAnsiEncoding >>"), None),
        ],
        "",
    )
}

fn rtf_unicode(v: &[String]) -> Vec<u8> {
    let mut s = String::from(
        "{\\rtf1\\ansi\\ansicpg1252\\deff0\\uc1{\\fonttbl{\\f0\\froman\\fcharset0 Times New Roman;}}{\\*\\generator Microsoft Word 16;}\\f0\\fs28 ",
    );
    for l in v {
        for c in l.chars() {
            match c {
                '\\' | '{' | '}' => {
                    s.push('\\');
                    s.push(c);
                }
                c if c.is_ascii() => s.push(c),
                c => {
                    let n = c as u32;
                    let v = if n > 32767 { n as i64 - 65536 } else { n as i64 };
                    let _ = write!(s, "\\u{v}?");
                }
            }
        }
        s.push_str("\\par\r\n");
    }
    s.push('}');
    s.into_bytes()
}

/// A .docx whose body is one `w:altChunk`: Word imports the part `chunk` (named
/// `word/{name}`, of the content type `content_type`) whole where it stands, as web
/// applications export «Word» files (html-docx-js writes a web archive, `afchunk.mht`).
fn docx_alt_chunk(name: &str, content_type: &str, chunk: &[u8]) -> Vec<u8> {
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    let types = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"{ext}\" ContentType=\"{content_type}\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"
    );
    let rels = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"htmlChunk\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk\" Target=\"/word/{name}\"/></Relationships>"
    );
    let doc = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document {W}><w:body><w:altChunk r:id=\"htmlChunk\"/><w:sectPr/></w:body></w:document>"
    );
    let part = format!("word/{name}");
    zip_of(&[
        ("[Content_Types].xml", types.as_bytes()),
        ("_rels/.rels", b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"),
        ("word/document.xml", doc.as_bytes()),
        ("word/_rels/document.xml.rels", rels.as_bytes()),
        (part.as_str(), chunk),
    ])
}

/// `pdf` with a document information dictionary (its title and keywords, UTF-16 text strings)
/// added by an incremental update, as a reader's «Document Properties» saves one.
fn pdf_with_info(mut pdf: Vec<u8>, title: &str, keywords: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(&pdf).into_owned();
    let number_after = |key: &str| -> usize {
        text.rfind(key)
            .and_then(|i| {
                text[i + key.len()..]
                    .split(|c: char| !c.is_ascii_digit())
                    .find(|w| !w.is_empty())
                    .and_then(|w| w.parse().ok())
            })
            .unwrap_or(0)
    };
    let (size, prev) = (number_after("/Size "), number_after("startxref"));
    let utf16 = |s: &str| -> String {
        let hex: String = s.encode_utf16().map(|u| format!("{u:04X}")).collect();
        format!("<FEFF{hex}>")
    };
    let at = pdf.len();
    let _ = write!(
        pdf,
        "{size} 0 obj\n<< /Title {} /Keywords {} /Producer (Microsoft Word) >>\nendobj\n",
        utf16(title),
        utf16(keywords)
    );
    let xref = pdf.len();
    let _ = write!(
        pdf,
        "xref\n{size} 1\n{at:010} 00000 n \ntrailer\n<< /Size {} /Root 1 0 R /Info {size} 0 R /Prev {prev} >>\nstartxref\n{xref}\n%%EOF\n",
        size + 1
    );
    pdf
}

/// The native data of an OLE `Package` object (Windows' Object Packager, «Insert Object → from
/// file»): the file's label, its path, the temporary copy's path, then its bytes.
fn ole_package(name: &str, data: &[u8]) -> Vec<u8> {
    let mut out = vec![2, 0];
    out.extend_from_slice(name.as_bytes());
    out.push(0);
    out.extend_from_slice(format!("C:\\Users\\vanthu\\Documents\\{name}").as_bytes());
    out.push(0);
    out.extend_from_slice(&0x0003_0000u32.to_le_bytes());
    let temp = format!("C:\\Users\\vanthu\\AppData\\Local\\Temp\\{name}\0");
    out.extend_from_slice(&(temp.len() as u32).to_le_bytes());
    out.extend_from_slice(temp.as_bytes());
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out.extend_from_slice(data);
    out
}

/// An RTF letter (Unicode escapes) with an embedded object of `class` after its text, as Word
/// writes one: `\object\objemb`, the object's data in hex lines of 128 digits, and the
/// picture Word shows for it (here a Windows metafile stub, which no reader takes for text).
fn rtf_with_object(v: &[String], class: &str, object: &[u8]) -> Vec<u8> {
    let mut out = rtf_unicode(v);
    // Before the document's closing brace.
    out.pop();
    let _ = write!(
        out,
        "{{\\object\\objemb{{\\*\\objclass {class}}}\\objw1440\\objh1440{{\\*\\objdata\r\n{}\r\n}}{{\\result{{\\pict\\wmetafile8\\picw1440\\pich1440 010009000003}}}}}}\\par\r\n}}",
        crate::mime_out::rtf_hex(object)
    );
    out
}

fn rtf_bytes(v: &[String], header: &str, encode: &dyn Fn(&str) -> Vec<u8>) -> Vec<u8> {
    let mut s = String::from(header);
    for l in v {
        for b in encode(l) {
            if b >= 0x80 {
                let _ = write!(s, "\\'{b:02x}");
            } else if matches!(b, b'\\' | b'{' | b'}') {
                s.push('\\');
                s.push(b as char);
            } else {
                s.push(b as char);
            }
        }
        s.push_str("\\par\r\n");
    }
    s.push('}');
    s.into_bytes()
}

/// Sets the "encrypted" flag on every entry of a zip (as a ZipCrypto archive has it).
fn mark_encrypted(mut z: Vec<u8>) -> Vec<u8> {
    let mut i = 0;
    while i + 8 < z.len() {
        let sig = &z[i..i + 4];
        if sig == b"PK\x03\x04" {
            z[i + 6] |= 1;
        } else if sig == b"PK\x01\x02" {
            z[i + 8] |= 1;
        }
        i += 1;
    }
    z
}

/// The container an encrypted Office file really is: an OLE compound file holding
/// `EncryptionInfo` and `EncryptedPackage` streams (the header and directory names only).
fn encrypted_office() -> Vec<u8> {
    let mut d = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    d.resize(512, 0);
    for name in ["EncryptionInfo", "EncryptedPackage", "\u{6}DataSpaces"] {
        let mut entry: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
        entry.resize(128, 0);
        d.extend_from_slice(&entry);
    }
    d.extend((0..2048u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    d
}

// ---------------------------------------------------------------------------------------------
// The corpus

/// One dispatch stamped `stamp`, carried in each way the detector must read.
fn matrix(stamp: &str) -> Vec<(&'static str, Mail)> {
    let d = dispatch(
        stamp,
        "Văn phòng UBND tỉnh",
        "210/VP-NC",
        "triển khai nhiệm vụ",
        "Công an tỉnh",
    );
    let text = lines(&d);
    let crlf = text.replace('\n', "\r\n");
    let subject = "Triển khai nhiệm vụ";
    let docx_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    let plain = |cte| Part::Text {
        body: crlf.clone().into_bytes(),
        subtype: "plain",
        charset: "utf-8",
        cte,
    };
    let html = format!(
        "<html><body>{}</body></html>",
        d.iter().map(|l| format!("<p>{}</p>", xml(l))).collect::<String>()
    );
    let refs: Vec<&str> = d.iter().map(String::as_str).collect();
    let rows: Vec<[&str; 2]> = refs.iter().map(|l| [*l, ""]).collect();
    let m = || Mail::new(FROM, TO, subject);
    let attached =
        |name: &str, ctype: &'static str, data: Vec<u8>| m().text(GREETING).file(name, ctype, data);
    vec![
        ("body-plain", m().part(plain(Cte::EightBit))),
        ("body-qp", m().part(plain(Cte::QuotedPrintable))),
        ("body-base64", m().part(plain(Cte::Base64))),
        (
            "body-html",
            m().part(Part::Text {
                body: html.clone().into_bytes(),
                subtype: "html",
                charset: "utf-8",
                cte: Cte::QuotedPrintable,
            }),
        ),
        ("body-nfd", m().text(&text.nfd().collect::<String>())),
        (
            "body-windows-1258",
            m().part(Part::Text {
                body: windows_1258(&crlf),
                subtype: "plain",
                charset: "windows-1258",
                cte: Cte::QuotedPrintable,
            }),
        ),
        (
            "body-tcvn3",
            m().part(Part::Text {
                body: latin1(&Legacy::Tcvn3 { capitals: false }.encode(&crlf)),
                subtype: "plain",
                charset: "iso-8859-1",
                cte: Cte::QuotedPrintable,
            }),
        ),
        (
            "body-vni",
            m().part(Part::Text {
                body: latin1(&Legacy::Vni.encode(&crlf)),
                subtype: "plain",
                charset: "windows-1252",
                cte: Cte::QuotedPrintable,
            }),
        ),
        ("docx", attached("van-ban.docx", docx_type, docx_lines(&d))),
        (
            "xlsx",
            attached(
                "bieu-mau.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                xlsx(&refs, &[]),
            ),
        ),
        (
            "pptx",
            attached(
                "trinh-bay.pptx",
                "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                pptx(&[&refs]),
            ),
        ),
        (
            "odt",
            attached("van-ban.odt", "application/vnd.oasis.opendocument.text", odt(&d)),
        ),
        (
            "ods",
            attached(
                "bang.ods",
                "application/vnd.oasis.opendocument.spreadsheet",
                ods(&rows),
            ),
        ),
        (
            "pdf",
            attached("van-ban.pdf", "application/pdf", pdf_unicode(&[&d])),
        ),
        ("rtf", attached("van-ban.rtf", "application/rtf", rtf_unicode(&d))),
        (
            "txt",
            attached("van-ban.txt", "text/plain", text.clone().into_bytes()),
        ),
        (
            "html-file",
            attached("van-ban.html", "text/html", html.into_bytes()),
        ),
        (
            "zip",
            attached(
                "ho-so.zip",
                "application/zip",
                zip_of(&[("ho-so/van-ban.docx", &docx_lines(&d))]),
            ),
        ),
        (
            "forward",
            Mail::new(FROM, TO, "Fwd: Triển khai nhiệm vụ")
                .text("Chuyển tiếp.\n")
                .part(Part::Forward(
                    Mail::new("vp@ubnd.lamdong.gov.vn", FROM, subject)
                        .text(&text)
                        .build(999),
                )),
        ),
    ]
}

const FROM: &str = "vanthu@snv.lamdong.gov.vn";
const TO: &str = "stc@lamdong.gov.vn";

/// Every labelled message, in order.
pub fn labelled() -> Vec<Labelled> {
    let mut v: Vec<(&str, &str, Vec<&'static str>, Mail)> = Vec::new();
    let mat = vec!["MARKING_MAT"];
    let toi = vec!["MARKING_TOI_MAT"];
    let tuyet = vec!["MARKING_TUYET_MAT"];
    let none: Vec<&'static str> = Vec::new();
    let unreadable = vec!["MARKING_UNSCANNABLE"];
    let d = |stamp: &str, topic: &str| {
        dispatch(
            stamp,
            "Sở Nội vụ",
            "125/SNV-TCCC",
            topic,
            "Sở Tài chính tỉnh Lâm Đồng",
        )
    };

    // --- positives in the body --------------------------------------------------------------
    v.push((
        "body-plain-mat",
        "MẬT stamp under the document number, plain UTF-8 body",
        mat.clone(),
        Mail::new(FROM, TO, "Báo cáo rà soát biên chế")
            .text(&lines(&d("MẬT", "báo cáo rà soát biên chế năm 2026"))),
    ));
    v.push((
        "body-qp-toi-mat",
        "TỐI MẬT stamp, quoted-printable body",
        toi.clone(),
        Mail::new(FROM, TO, "Kế hoạch bảo vệ hội nghị").part(Part::Text {
            body: lines(&d("TỐI MẬT", "kế hoạch bảo vệ hội nghị"))
                .replace('\n', "\r\n")
                .into_bytes(),
            subtype: "plain",
            charset: "utf-8",
            cte: Cte::QuotedPrintable,
        }),
    ));
    v.push((
        "body-base64-tuyet-mat",
        "TUYỆT MẬT stamp, base64 body",
        tuyet.clone(),
        Mail::new(FROM, TO, "Phương án tác chiến").part(Part::Text {
            body: lines(&d("TUYỆT MẬT", "phương án phòng thủ khu vực"))
                .replace('\n', "\r\n")
                .into_bytes(),
            subtype: "plain",
            charset: "utf-8",
            cte: Cte::Base64,
        }),
    ));
    {
        let rows: String = d("", "tình hình an ninh")
            .iter()
            .skip(4)
            .map(|l| format!("<p>{}</p>", xml(l)))
            .collect();
        let html = format!(
            "<html><head><style>td {{ border: double 3px red }}</style></head><body><table><tr><td>ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG<br>CÔNG AN TỈNH</td><td>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</td></tr><tr><td>Số: 88/CAT-PA03<br>V/v tình hình an ninh</td><td></td></tr><tr><td><b style=\"color:red\">T&#7888;I M&#7852;T</b></td><td></td></tr></table>{rows}</body></html>"
        );
        v.push((
            "body-html-table-toi-mat",
            "TỐI MẬT in an HTML table cell, written with character references",
            toi.clone(),
            Mail::new(FROM, TO, "Tình hình an ninh").part(Part::Text {
                body: html.into_bytes(),
                subtype: "html",
                charset: "utf-8",
                cte: Cte::QuotedPrintable,
            }),
        ));
    }
    v.push((
        "body-nfd-mat",
        "MẬT stamp in decomposed Unicode (NFD)",
        mat.clone(),
        Mail::new(FROM, TO, "Báo cáo").text(&lines(&d("MẬT", "báo cáo công tác")).nfd().collect::<String>()),
    ));
    v.push((
        "body-windows-1258-toi-mat",
        "TỐI MẬT stamp in a windows-1258 body (tone marks as combining characters)",
        toi.clone(),
        Mail::new(FROM, TO, "Kế hoạch").part(Part::Text {
            body: windows_1258(&lines(&d("TỐI MẬT", "kế hoạch kiểm tra")).replace('\n', "\r\n")),
            subtype: "plain",
            charset: "windows-1258",
            cte: Cte::QuotedPrintable,
        }),
    ));
    v.push((
        "body-tcvn3-mat",
        "MẬT stamp in a TCVN3 (ABC) body labelled iso-8859-1",
        mat.clone(),
        Mail::new(FROM, TO, "Bao cao").part(Part::Text {
            body: latin1(
                &Legacy::Tcvn3 { capitals: false }
                    .encode(&lines(&d("MẬT", "báo cáo tổng hợp")).replace('\n', "\r\n")),
            ),
            subtype: "plain",
            charset: "iso-8859-1",
            cte: Cte::QuotedPrintable,
        }),
    ));
    v.push((
        "body-vni-tuyet-mat",
        "TUYỆT MẬT stamp in a VNI-Windows body labelled windows-1252",
        tuyet.clone(),
        Mail::new(FROM, TO, "Bao cao").part(Part::Text {
            body: latin1(
                &Legacy::Vni.encode(&lines(&d("TUYỆT MẬT", "báo cáo đặc biệt")).replace('\n', "\r\n")),
            ),
            subtype: "plain",
            charset: "windows-1252",
            cte: Cte::QuotedPrintable,
        }),
    ));
    v.push(("body-no-diacritics-toi-mat", "TOI MAT typed without diacritics in an unaccented dispatch", toi.clone(),
        Mail::new(FROM, TO, "Ke hoach").text("UY BAN NHAN DAN TINH LAM DONG\nSO NOI VU\nSo: 130/SNV-TCCC\nV/v ke hoach kiem tra\nTOI MAT\nCONG HOA XA HOI CHU NGHIA VIET NAM\nDoc lap - Tu do - Hanh phuc\nKinh gui: So Tai chinh\nDe nghi cac don vi thuc hien.\n")));
    v.push((
        "subject-toi-mat",
        "TỐI MẬT leading the subject line",
        toi.clone(),
        Mail::new(FROM, TO, "TỐI MẬT - Kế hoạch bảo vệ lãnh đạo tỉnh").text(GREETING),
    ));
    v.push(("body-field-do-mat", "a transmittal slip with the field \"Độ mật: Tối mật\"", toi.clone(),
        Mail::new(FROM, TO, "Phiếu chuyển văn bản").text("PHIẾU CHUYỂN VĂN BẢN\nSố văn bản: 45/BC-CAT\nNgày văn bản: 10/11/2026\nĐộ khẩn: Khẩn\nĐộ mật: Tối mật\nSố trang: 4\nNgười chuyển: Văn thư cơ quan\n")));
    v.push((
        "body-companion-mat",
        "MẬT with the companion stamp TÀI LIỆU THU HỒI",
        vec!["MARKING_MAT", "MARKING_THU_HOI"],
        Mail::new(FROM, TO, "Tài liệu hội nghị")
            .text(&lines(&d("MẬT\nTÀI LIỆU THU HỒI", "tài liệu hội nghị"))),
    ));
    v.push((
        "body-two-levels",
        "MẬT in the body and TUYỆT MẬT in an attachment: the message's level is the highest",
        vec!["MARKING_MAT", "MARKING_TUYET_MAT"],
        Mail::new(FROM, TO, "Hồ sơ")
            .text(&lines(&d("MẬT", "hồ sơ")))
            .file(
                "phu-luc.txt",
                "text/plain",
                lines(&d("TUYỆT MẬT", "phụ lục")).into_bytes(),
            ),
    ));

    // --- positives in attachments -------------------------------------------------------------
    v.push((
        "docx-body-mat",
        "MẬT as a paragraph of a .docx",
        mat.clone(),
        Mail::new(FROM, TO, "Gửi công văn").text(GREETING).file(
            "cong-van-125.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            docx_lines(&d("MẬT", "báo cáo biên chế")),
        ),
    ));
    {
        let mut body = w_tbl(&[
            [
                "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\nSỞ NỘI VỤ",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
            ],
            [
                "Số: 77/SNV-TCCC\nV/v nhân sự",
                "Lâm Đồng, ngày 3 tháng 11 năm 2026",
            ],
            ["TỐI MẬT", ""],
        ]);
        body.push_str(
            &d("", "nhân sự")
                .iter()
                .skip(7)
                .map(|l| w_p(l))
                .collect::<String>(),
        );
        v.push((
            "docx-table-toi-mat",
            "TỐI MẬT in a table cell of the .docx header block",
            toi.clone(),
            Mail::new(FROM, TO, "Nhân sự").text(GREETING).file(
                "nhan-su.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                Docx {
                    body,
                    ..Docx::default()
                }
                .build(),
            ),
        ));
    }
    {
        let mut body = w_textbox("TUYỆT MẬT");
        body.push_str(&d("", "phương án").iter().map(|l| w_p(l)).collect::<String>());
        v.push((
            "docx-textbox-tuyet-mat",
            "TUYỆT MẬT in a text box (with its VML fallback copy)",
            tuyet.clone(),
            Mail::new(FROM, TO, "Phương án").text(GREETING).file(
                "phuong-an.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                Docx {
                    body,
                    ..Docx::default()
                }
                .build(),
            ),
        ));
    }
    v.push((
        "docx-header-mat",
        "MẬT in the page header of a .docx",
        mat.clone(),
        Mail::new(FROM, TO, "Báo cáo").text(GREETING).file(
            "bao-cao.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Docx {
                body: d("", "báo cáo").iter().map(|l| w_p(l)).collect(),
                header: Some(w_p("MẬT")),
                ..Docx::default()
            }
            .build(),
        ),
    ));
    v.push((
        "docx-properties-toi-mat",
        "TỐI MẬT only in the document properties (keywords)",
        toi.clone(),
        Mail::new(FROM, TO, "Dự thảo").text(GREETING).file(
            "du-thao.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Docx {
                body: w_p("Dự thảo kế hoạch, xin ý kiến góp ý."),
                keywords: Some("TỐI MẬT".into()),
                title: Some("Dự thảo kế hoạch".into()),
                ..Docx::default()
            }
            .build(),
        ),
    ));
    {
        let h = Legacy::Tcvn3 { capitals: true };
        let l = Legacy::Tcvn3 { capitals: false };
        let mut body: String = d("", "công tác")
            .iter()
            .take(4)
            .map(|x| w_p_font(&l.encode(x), ".VnTime"))
            .collect();
        body.push_str(&w_p_font(&h.encode("TỐI MẬT"), ".VnTimeH"));
        body.push_str(
            &d("", "công tác")
                .iter()
                .skip(4)
                .map(|x| w_p_font(&l.encode(x), ".VnTime"))
                .collect::<String>(),
        );
        v.push((
            "docx-tcvn3-toi-mat",
            "TỐI MẬT typed in the .VnTimeH font (TCVN3), the rest in .VnTime",
            toi.clone(),
            Mail::new(FROM, TO, "Cong van cu").text(GREETING).file(
                "cong-van-cu.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                Docx {
                    body,
                    ..Docx::default()
                }
                .build(),
            ),
        ));
    }
    {
        let body: String = d("TUYỆT MẬT", "kế hoạch")
            .iter()
            .map(|x| w_p(&Legacy::Vni.encode(x)))
            .collect();
        v.push((
            "docx-vni-default-font-tuyet-mat",
            "TUYỆT MẬT in a .docx whose default font is VNI-Times (no font on the runs)",
            tuyet.clone(),
            Mail::new(FROM, TO, "Ke hoach").text(GREETING).file(
                "ke-hoach-vni.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                Docx {
                    body,
                    default_font: Some("VNI-Times"),
                    ..Docx::default()
                }
                .build(),
            ),
        ));
    }
    v.push((
        "xlsx-shared-mat",
        "MẬT as a shared string of a spreadsheet",
        mat.clone(),
        Mail::new(FROM, TO, "Số liệu").text(GREETING).file(
            "so-lieu.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            xlsx(
                &[
                    "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
                    "Số: 15/BC-STC",
                    "MẬT",
                    "BIỂU TỔNG HỢP SỐ LIỆU QUỐC PHÒNG",
                ],
                &[],
            ),
        ),
    ));
    v.push((
        "xlsx-inline-toi-mat",
        "TỐI MẬT as an inline string cell",
        toi.clone(),
        Mail::new(FROM, TO, "Danh sách").text(GREETING).file(
            "danh-sach.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            xlsx(
                &["Họ và tên", "Chức vụ"],
                &["TỐI MẬT", "DANH SÁCH LỰC LƯỢNG BẢO VỆ"],
            ),
        ),
    ));
    v.push((
        "pptx-tuyet-mat",
        "TUYỆT MẬT on a slide",
        tuyet.clone(),
        Mail::new(FROM, TO, "Trình chiếu").text(GREETING).file(
            "trinh-chieu.pptx",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            pptx(&[
                &["Giới thiệu", "Nội dung chính"],
                &["TUYỆT MẬT", "PHƯƠNG ÁN BỐ TRÍ LỰC LƯỢNG"],
            ]),
        ),
    ));
    v.push((
        "odt-toi-mat",
        "TỐI MẬT in an OpenDocument text",
        toi.clone(),
        Mail::new(FROM, TO, "Văn bản ODT").text(GREETING).file(
            "van-ban.odt",
            "application/vnd.oasis.opendocument.text",
            odt(&d("TỐI MẬT", "bảo vệ")),
        ),
    ));
    v.push((
        "ods-mat",
        "MẬT in an OpenDocument spreadsheet cell",
        mat.clone(),
        Mail::new(FROM, TO, "Bảng tính").text(GREETING).file(
            "bang-tinh.ods",
            "application/vnd.oasis.opendocument.spreadsheet",
            ods(&[["Số: 9/BC-SNV", ""], ["MẬT", ""], ["Nội dung", "Số lượng"]]),
        ),
    ));
    {
        let p1 = d("", "kế hoạch")[..6].to_vec();
        let mut p2 = vec!["TỐI MẬT".to_owned()];
        p2.extend(d("", "kế hoạch")[6..].iter().cloned());
        v.push((
            "pdf-unicode-toi-mat",
            "TỐI MẬT at the top of page 2 of a PDF (Identity-H font, ToUnicode map, compressed)",
            toi.clone(),
            Mail::new(FROM, TO, "Văn bản PDF").text(GREETING).file(
                "ke-hoach.pdf",
                "application/pdf",
                pdf_unicode(&[&p1, &p2]),
            ),
        ));
    }
    v.push((
        "pdf-unicode-mat",
        "MẬT under the document number of a one-page PDF",
        mat.clone(),
        Mail::new(FROM, TO, "Scan công văn").text(GREETING).file(
            "cong-van.pdf",
            "application/pdf",
            pdf_unicode(&[&d("MẬT", "công tác cán bộ")]),
        ),
    ));
    v.push((
        "pdf-ascii-tuyet-mat",
        "TUYET MAT in a PDF written without diacritics",
        tuyet.clone(),
        Mail::new(FROM, TO, "PDF").text(GREETING).file(
            "bao-cao.pdf",
            "application/pdf",
            super::corpus::pdf(
                &[
                    "UY BAN NHAN DAN TINH LAM DONG",
                    "So: 14/BC-UBND",
                    "TUYET MAT",
                    "CONG HOA XA HOI CHU NGHIA VIET NAM",
                    "Kinh gui: Thuong truc Tinh uy",
                ]
                .map(str::to_owned),
                b"",
            ),
        ),
    ));
    v.push((
        "pdf-tcvn3-mat",
        "MẬT in a PDF typed in the .VnTimeH font (TCVN3 bytes, WinAnsi strings)",
        mat.clone(),
        Mail::new(FROM, TO, "PDF cu").text(GREETING).file(
            "van-ban-cu.pdf",
            "application/pdf",
            pdf_legacy(
                &["ỦY BAN NHÂN DÂN TỈNH", "SỐ: 3/UBND", "MẬT"].map(str::to_owned),
                "VnTimeH",
                Legacy::Tcvn3 { capitals: true },
            ),
        ),
    ));
    v.push((
        "rtf-unicode-tuyet-mat",
        "TUYỆT MẬT in RTF written with \\uN escapes",
        tuyet.clone(),
        Mail::new(FROM, TO, "RTF").text(GREETING).file(
            "bao-cao.rtf",
            "application/rtf",
            rtf_unicode(&d("TUYỆT MẬT", "tình hình")),
        ),
    ));
    v.push(("rtf-1258-toi-mat", "TỐI MẬT in RTF with Windows-1258 \\'hh bytes (\\fcharset163)", toi.clone(),
        Mail::new(FROM, TO, "RTF 1258").text(GREETING).file("ke-hoach.rtf", "application/rtf",
            rtf_bytes(&d("TỐI MẬT", "kế hoạch"), "{\\rtf1\\ansi\\ansicpg1258\\deff0{\\fonttbl{\\f0\\froman\\fcharset163 Times New Roman;}}\\f0 ", &|s| windows_1258(s)))));
    v.push((
        "rtf-tcvn3-mat",
        "MẬT in RTF typed in .VnTimeH (TCVN3 bytes)",
        mat.clone(),
        Mail::new(FROM, TO, "RTF cu").text(GREETING).file(
            "cu.rtf",
            "application/rtf",
            rtf_bytes(
                &[
                    "SỐ: 5/SNV".to_owned(),
                    "MẬT".to_owned(),
                    "KÍNH GỬI: SỞ TÀI CHÍNH".to_owned(),
                ],
                "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0\\fnil .VnTimeH;}}\\f0 ",
                &|s| latin1(&Legacy::Tcvn3 { capitals: true }.encode(s)),
            ),
        ),
    ));
    v.push((
        "txt-utf8-mat",
        "MẬT in a UTF-8 .txt attachment",
        mat.clone(),
        Mail::new(FROM, TO, "Ghi chú").text(GREETING).file(
            "ghi-chu.txt",
            "text/plain",
            lines(&d("MẬT", "ghi chú")).into_bytes(),
        ),
    ));
    {
        let mut b = vec![0xFF, 0xFE];
        b.extend(
            lines(&d("TỐI MẬT", "tổng hợp"))
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        );
        v.push((
            "txt-utf16-toi-mat",
            "TỐI MẬT in a UTF-16LE .txt with a BOM, sent as octet-stream",
            toi.clone(),
            Mail::new(FROM, TO, "Tệp văn bản").text(GREETING).file(
                "tong-hop.txt",
                "application/octet-stream",
                b,
            ),
        ));
    }
    v.push((
        "txt-tcvn3-mat",
        "MẬT in a TCVN3 .txt attachment (detected by content)",
        mat.clone(),
        Mail::new(FROM, TO, "Tep cu").text(GREETING).file(
            "tep-cu.txt",
            "application/octet-stream",
            latin1(&Legacy::Tcvn3 { capitals: false }.encode(&lines(&d("MẬT", "tệp cũ")))),
        ),
    ));
    {
        let html = format!(
            "<html><body><div align=center><font color=red size=5><b>TUYỆT MẬT</b></font></div>{}</body></html>",
            d("", "chỉ đạo")
                .iter()
                .map(|l| format!("<p>{}</p>", xml(l)))
                .collect::<String>()
        );
        v.push((
            "html-attachment-tuyet-mat",
            "TUYỆT MẬT in an .html attachment",
            tuyet.clone(),
            Mail::new(FROM, TO, "Trang HTML").text(GREETING).file(
                "chi-dao.html",
                "text/html",
                html.into_bytes(),
            ),
        ));
    }
    v.push((
        "zip-docx-toi-mat",
        "TỐI MẬT in a .docx inside a .zip",
        toi.clone(),
        Mail::new(FROM, TO, "Hồ sơ nén").text(GREETING).file(
            "ho-so.zip",
            "application/zip",
            zip_of(&[
                ("ho-so/ghi-chu.txt", "Hồ sơ gồm 1 văn bản.".as_bytes()),
                ("ho-so/van-ban.docx", &docx_lines(&d("TỐI MẬT", "hồ sơ"))),
            ]),
        ),
    ));
    v.push((
        "zip-in-zip-mat",
        "MẬT in a text file two archives deep",
        mat.clone(),
        Mail::new(FROM, TO, "Nén hai lớp").text(GREETING).file(
            "tai-lieu.zip",
            "application/zip",
            zip_of(&[(
                "lop2.zip",
                &zip_of(&[("bao-cao.txt", lines(&d("MẬT", "báo cáo")).as_bytes())]),
            )]),
        ),
    ));
    {
        let inner = Mail::new("vp@ubnd.lamdong.gov.vn", FROM, "Chỉ đạo")
            .text(&lines(&d("TUYỆT MẬT", "chỉ đạo")))
            .build(900);
        v.push((
            "forward-body-tuyet-mat",
            "TUYỆT MẬT in the body of a forwarded message",
            tuyet.clone(),
            Mail::new(FROM, TO, "Fwd: Chỉ đạo")
                .text("Chuyển tiếp để biết.\n")
                .part(Part::Forward(inner)),
        ));
    }
    {
        let inner = Mail::new("vp@ubnd.lamdong.gov.vn", FROM, "Văn bản")
            .text(GREETING)
            .file(
                "van-ban.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                docx_lines(&d("MẬT", "văn bản")),
            )
            .build(901);
        v.push((
            "forward-docx-mat",
            "MẬT in a .docx attached to a forwarded message",
            mat.clone(),
            Mail::new(FROM, TO, "Fwd: Văn bản")
                .text("Chuyển tiếp.\n")
                .part(Part::Forward(inner)),
        ));
    }

    // --- every level in every carrier (a systematic matrix): added at the end --------------------
    let mut systematic: Vec<(String, String, Vec<&'static str>, Mail)> = Vec::new();
    for (stamp, symbol, slug) in [
        ("MẬT", "MARKING_MAT", "mat"),
        ("TỐI MẬT", "MARKING_TOI_MAT", "toi-mat"),
        ("TUYỆT MẬT", "MARKING_TUYET_MAT", "tuyet-mat"),
    ] {
        for (carrier, mail) in matrix(stamp) {
            systematic.push((
                format!("m-{carrier}-{slug}"),
                format!("matrix: {stamp} in {carrier}"),
                vec![symbol],
                mail,
            ));
        }
    }

    // --- content that cannot be read -----------------------------------------------------------
    v.push((
        "zip-encrypted",
        "an encrypted zip member: cannot be read, so it is held",
        unreadable.clone(),
        Mail::new(FROM, TO, "Tài liệu có mật khẩu")
            .text("Mật khẩu giải nén sẽ gửi sau.\n")
            .file(
                "tai-lieu.zip",
                "application/zip",
                mark_encrypted(zip_of(&[("van-ban.txt", lines(&d("", "tài liệu")).as_bytes())])),
            ),
    ));
    {
        let mut pdf = super::corpus::pdf(&["Bao cao".to_owned()], b"");
        let marker = b"trailer\n<<";
        if let Some(at) = memchr::memmem::find(&pdf, marker) {
            pdf.splice(
                at + marker.len()..at + marker.len(),
                b" /Encrypt << /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 >>"
                    .iter()
                    .copied(),
            );
        }
        v.push((
            "pdf-encrypted",
            "a password-protected PDF",
            unreadable.clone(),
            Mail::new(FROM, TO, "PDF có mật khẩu")
                .text(GREETING)
                .file("bao-cao.pdf", "application/pdf", pdf),
        ));
    }
    v.push((
        "docx-encrypted",
        "a password-protected .docx (an OLE container with EncryptedPackage)",
        unreadable.clone(),
        Mail::new(FROM, TO, "Văn bản có mật khẩu").text(GREETING).file(
            "van-ban.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            encrypted_office(),
        ),
    ));
    v.push((
        "zip-bomb",
        "a zip member expanding 1000 times: a bomb, not expanded",
        unreadable.clone(),
        Mail::new(FROM, TO, "Số liệu").text(GREETING).file(
            "so-lieu.zip",
            "application/zip",
            zip_of(&[("so-lieu.txt", &vec![b'0'; 10 * 1024 * 1024])]),
        ),
    ));
    {
        let bomb = "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY a \"MẬT MẬT MẬT MẬT MẬT MẬT MẬT MẬT\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&d;</w:t></w:r></w:p></w:body></w:document>";
        v.push((
            "docx-entity-bomb",
            "a .docx whose XML declares nested entities (billion laughs)",
            unreadable.clone(),
            Mail::new(FROM, TO, "Văn bản").text(GREETING).file(
                "entity.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                zip_of(&[
                    ("[Content_Types].xml", b"<Types/>"),
                    ("word/document.xml", bomb.as_bytes()),
                ]),
            ),
        ));
    }
    {
        let mut z = zip_of(&[("cuoi.txt", "MẬT".as_bytes())]);
        for i in 0..6 {
            z = zip_of(&[(&format!("lop{i}.zip"), &z)]);
        }
        v.push((
            "zip-too-deep",
            "archives nested deeper than limits.max_archive_depth",
            unreadable.clone(),
            Mail::new(FROM, TO, "Tệp nén")
                .text(GREETING)
                .file("long-nhau.zip", "application/zip", z),
        ));
    }

    // --- negatives ------------------------------------------------------------------------------
    v.push(("neg-mat-khau", "password reset notice: MẬT KHẨU in capitals", none.clone(),
        Mail::new("hotro@lamdong.gov.vn", TO, "THÔNG BÁO ĐỔI MẬT KHẨU").text("THÔNG BÁO\nMẬT KHẨU hộp thư công vụ của anh/chị sẽ hết hạn sau 5 ngày.\nĐề nghị đổi mật khẩu tại trang quản trị; không chia sẻ mật khẩu cho người khác.\nTrung tâm Công nghệ thông tin và Truyền thông\n")));
    v.push((
        "neg-bao-mat",
        "information security bulletin: BẢO MẬT THÔNG TIN heading",
        none.clone(),
        Mail::new("sotttt@lamdong.gov.vn", TO, "Bản tin BẢO MẬT THÔNG TIN tháng 11").text(
            &lines(&dispatch(
                "",
                "Sở Thông tin và Truyền thông",
                "310/STTTT-BCVT",
                "bảo mật thông tin",
                "Các sở, ban, ngành",
            ))
            .replace(
                "Nơi nhận:",
                "BẢO MẬT THÔNG TIN LÀ TRÁCH NHIỆM CỦA MỌI CÁN BỘ\nNơi nhận:",
            ),
        ),
    ));
    v.push(("neg-bi-mat-nha-nuoc", "training invitation on protecting state secrets that names all three levels", none.clone(),
        Mail::new("snv@lamdong.gov.vn", TO, "Mời tập huấn công tác bảo vệ bí mật nhà nước").text(&lines(&dispatch("", "Sở Nội vụ", "140/SNV-VP", "mời tập huấn công tác bảo vệ bí mật nhà nước", "Các cơ quan, đơn vị")).replace("Đề nghị", "Nội dung tập huấn: phân loại bí mật nhà nước theo các độ Tuyệt mật, Tối mật và Mật; chế độ mật trong soạn thảo, sao chụp, vận chuyển tài liệu.\nCHUYÊN ĐỀ: TUYỆT MẬT, TỐI MẬT, MẬT - NHẬN DIỆN VÀ XỬ LÝ\nĐề nghị"))));
    v.push(("neg-mat-ong", "an advertisement for honey (mật ong)", none.clone(),
        Mail::new("banhang@example.vn", TO, "MẬT ONG RỪNG BẢO LỘC - GIẢM GIÁ 20%").text("MẬT ONG RỪNG NGUYÊN CHẤT\nMật ong hoa cà phê Bảo Lộc, chai 1 lít.\nGIÁ: 250.000đ\nLiên hệ: 0909 000 000\n")));
    v.push((
        "neg-mat-do",
        "a population density report (mật độ dân số)",
        none.clone(),
        Mail::new("ctk@lamdong.gov.vn", TO, "Báo cáo mật độ dân số").text(
            &lines(&dispatch(
                "",
                "Cục Thống kê",
                "55/CTK-DS",
                "mật độ dân số năm 2026",
                "Ủy ban nhân dân tỉnh",
            ))
            .replace(
                "Đề nghị",
                "MẬT ĐỘ DÂN SỐ TOÀN TỈNH: 135 người/km2; mật độ cao nhất tại thành phố Đà Lạt.\nĐề nghị",
            ),
        ),
    ));
    v.push(("neg-mat-ma", "digital signature guidance: mật mã, khóa bí mật", none.clone(),
        Mail::new("sotttt@lamdong.gov.vn", TO, "Hướng dẫn chữ ký số").text("HƯỚNG DẪN SỬ DỤNG CHỮ KÝ SỐ\nKHÓA BÍ MẬT được lưu trong thiết bị USB Token; không cung cấp mã PIN cho người khác.\nCơ yếu sử dụng MẬT MÃ dân sự theo quy định.\nBan Cơ yếu Chính phủ\n")));
    v.push(("neg-than-mat", "a friendly letter: thân mật, mật thiết", none.clone(),
        Mail::new("banbe@example.vn", TO, "Thư thân mật").text("Chào anh,\nBuổi gặp mặt thân mật cuối năm sẽ tổ chức tại Đà Lạt. Hai đơn vị có quan hệ mật thiết nhiều năm.\nThân ái.\n")));
    v.push(("neg-co-mat-tinh-mat", "cơ mật and tính mật in running text", none.clone(),
        Mail::new("vp@lamdong.gov.vn", TO, "Quy trình").text("Quy trình quản lý văn bản bảo đảm tính mật, tính toàn vẹn; thông tin cơ mật của doanh nghiệp được pháp luật bảo vệ.\n")));
    v.push((
        "neg-film",
        "a film titled TÀI LIỆU MẬT in a cultural newsletter",
        none.clone(),
        Mail::new("svhttdl@lamdong.gov.vn", TO, "Lịch chiếu phim cuối tuần").text(
            "LỊCH CHIẾU PHIM\nPHIM TÀI LIỆU MẬT\nSuất chiếu 19h30 thứ Bảy tại Cung văn hóa Lao động.\n",
        ),
    ));
    v.push((
        "neg-giai-mat",
        "a declassification notice: GIẢI MẬT stamped alone",
        none.clone(),
        Mail::new(FROM, TO, "Thông báo giải mật tài liệu")
            .text(&lines(&d("GIẢI MẬT", "giải mật tài liệu lưu trữ"))),
    ));
    v.push(("neg-regulation", "a paraphrase of the regulation (art. 4.2 and 11.6) in running text", none.clone(),
        Mail::new("sotttt@lamdong.gov.vn", TO, "Quy chế sử dụng thư điện tử công vụ").text("Theo Quy chế ban hành kèm Quyết định 61/2012/QĐ-UBND, không được sử dụng hệ thống thư điện tử công vụ để gửi, nhận văn bản, tài liệu có nội dung thuộc danh mục bí mật nhà nước ở các độ Tuyệt mật, Tối mật và Mật.\nKhi phát hiện thư điện tử chứa thông tin mật, đơn vị phải báo cáo Sở Thông tin và Truyền thông và đơn vị gửi để thu hồi, hủy bỏ.\nĐiều 11. Trách nhiệm của cán bộ: bảo vệ mật khẩu, không tiết lộ thông tin mật.\n")));
    v.push(("neg-levels-discussion", "a mail that discusses the classification levels", none.clone(),
        Mail::new("snv@lamdong.gov.vn", TO, "Hỏi về phân loại độ mật").text("Chào chị,\nVăn bản này nên xếp độ Mật hay Tối mật? Theo Luật Bảo vệ bí mật nhà nước, độ Tuyệt mật dành cho thông tin đặc biệt quan trọng.\nCác độ mật: TUYỆT MẬT, TỐI MẬT, MẬT.\nCảm ơn chị.\n")));
    v.push(("neg-look-alikes", "MẶT, MẤT, MẮT, MÁT in capitals (fold to MAT)", none.clone(),
        Mail::new("mttq@lamdong.gov.vn", TO, "THÔNG BÁO").text("ỦY BAN MẶT TRẬN TỔ QUỐC TỈNH\nSố: 12/TB-MTTQ\nTHÔNG BÁO MẤT ĐIỆN\nKHÁM MẮT MIỄN PHÍ\nTHỜI TIẾT MÁT MẺ\n")));
    v.push((
        "neg-english-mat",
        "English MAT in capitals in an unaccented mail",
        none.clone(),
        Mail::new("supplier@example.com", TO, "Order confirmation")
            .text("ORDER CONFIRMATION\nItem: YOGA MAT\nMAT\nQty: 20\nThank you for your order.\n"),
    ));
    v.push(("neg-no-diacritics", "mat khau and bao mat typed without diacritics", none.clone(),
        Mail::new("hotro@lamdong.gov.vn", TO, "Doi mat khau").text("Kinh gui anh chi,\nMAT KHAU moi cua hop thu da duoc cap.\nDe nghi BAO MAT thong tin dang nhap.\n")));
    v.push((
        "neg-do-mat-thuong",
        "a transmittal slip with \"Độ mật:\" empty and \"Độ khẩn: Khẩn\"",
        none.clone(),
        Mail::new(FROM, TO, "Phiếu chuyển").text(
            "PHIẾU CHUYỂN VĂN BẢN\nSố văn bản: 46/BC-SNV\nĐộ khẩn: Khẩn\nĐộ mật: Thường\nSố trang: 2\n",
        ),
    ));
    v.push((
        "neg-dispatch",
        "an ordinary dispatch with every header phrase and no marking",
        none.clone(),
        Mail::new(FROM, TO, "Báo cáo công tác tháng 11").text(&lines(&d("", "công tác tháng 11"))),
    ));
    v.push((
        "neg-khan",
        "an urgent dispatch stamped KHẨN and HỎA TỐC (urgency, not secrecy)",
        none.clone(),
        Mail::new(FROM, TO, "HỎA TỐC - Triệu tập họp")
            .text(&lines(&d("HỎA TỐC", "triệu tập họp khẩn")).replace("HỎA TỐC", "HỎA TỐC\nKHẨN")),
    ));
    v.push((
        "neg-docx-password",
        "a .docx about passwords (MẬT KHẨU in a table)",
        none.clone(),
        Mail::new(FROM, TO, "Danh sách tài khoản").text(GREETING).file(
            "tai-khoan.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Docx {
                body: w_tbl(&[["TÊN ĐĂNG NHẬP", "MẬT KHẨU"], ["vanthu", "(đã gửi riêng)"]]),
                ..Docx::default()
            }
            .build(),
        ),
    ));
    v.push((
        "neg-pdf-law",
        "a PDF of the state-secrets law text",
        none.clone(),
        Mail::new(FROM, TO, "Luật Bảo vệ bí mật nhà nước")
            .text(GREETING)
            .file(
            "luat.pdf",
            "application/pdf",
            pdf_unicode(&[&[
                "LUẬT BẢO VỆ BÍ MẬT NHÀ NƯỚC".to_owned(),
                "Điều 8. Phân loại bí mật nhà nước".to_owned(),
                "Bí mật nhà nước được phân loại thành 03 độ mật, bao gồm: a) Tuyệt mật; b) Tối mật; c) Mật."
                    .to_owned(),
                "Điều 9. Thẩm quyền xác định độ Tuyệt mật, Tối mật và Mật".to_owned(),
            ]]),
        ),
    ));
    v.push((
        "neg-image",
        "a photo attachment (no text to read, nothing to hold)",
        none.clone(),
        Mail::new(FROM, TO, "Ảnh hội nghị")
            .text("Ảnh hội nghị sáng nay.\n")
            .file("hoi-nghi.png", "image/png", {
                let mut png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec();
                png.extend((0..4096u32).map(|i| (i.wrapping_mul(2_246_822_519) >> 11) as u8));
                png
            }),
    ));

    // --- carriers missed on held-out mail (issue 18), added after the matrix ---------------------
    let mut later: Vec<(String, String, Vec<&'static str>, Mail)> = Vec::new();
    later.push((
        "pdf-reportlab-toi-mat".into(),
        "TỐI MẬT in a PDF as reportlab writes it: simple TrueType font, one-byte codes, ToUnicode, ASCII85 over Flate".into(),
        toi.clone(),
        Mail::new(FROM, TO, "Báo cáo (PDF)").text(GREETING).file(
            "bao-cao.pdf",
            "application/pdf",
            pdf_simple_truetype(&d("TỐI MẬT", "rà soát biên chế")),
        ),
    ));
    let vni: Vec<u8> = Legacy::Vni
        .encode(&lines(&d("MẬT", "công tác bảo vệ chính trị nội bộ")))
        .chars()
        .map(|c| c as u32 as u8)
        .collect();
    later.push((
        "txt-vni-no-charset-mat".into(),
        "MẬT in a plain-text attachment in VNI bytes with no charset declared".into(),
        mat.clone(),
        Mail::new(FROM, TO, "Văn bản").text(GREETING).part(Part::File {
            name: "cong-van.txt".into(),
            ctype: "text/plain",
            data: vni,
        }),
    ));
    later.push((
        "7z-docx-toi-mat".into(),
        "a marked .docx inside a 7z archive".into(),
        toi.clone(),
        Mail::new(FROM, TO, "Hồ sơ (7z)").text(GREETING).file(
            "ho-so.7z",
            "application/x-7z-compressed",
            seven_zip_stored("ke-hoach.docx", &docx_lines(&d("TỐI MẬT", "kế hoạch"))),
        ),
    ));
    later.push((
        "rar5-docx-mat".into(),
        "a marked .docx inside a RAR 5 archive".into(),
        mat.clone(),
        Mail::new(FROM, TO, "Hồ sơ (RAR)").text(GREETING).file(
            "ho-so.rar",
            "application/vnd.rar",
            rar5_stored("cong-van.docx", &docx_lines(&d("MẬT", "công văn"))),
        ),
    ));
    later.push((
        "gz-txt-tuyet-mat".into(),
        "TUYỆT MẬT in a text file compressed with gzip".into(),
        tuyet.clone(),
        Mail::new(FROM, TO, "Văn bản (gz)")
            .text(GREETING)
            .file("van-ban.txt.gz", "application/gzip", {
                let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
                let _ = z.write_all(lines(&d("TUYỆT MẬT", "phương án")).as_bytes());
                z.finish().unwrap_or_default()
            }),
    ));
    later.push((
        "xls-legacy-mat".into(),
        "MẬT in its own cell of a legacy Excel workbook (.xls, BIFF8; corpus/sources/)".into(),
        mat.clone(),
        Mail::new(FROM, TO, "Bảng kê kinh phí").text(GREETING).file(
            "bang-ke.xls",
            "application/vnd.ms-excel",
            include_bytes!("../../corpus/sources/bang-ke-mat.xls").to_vec(),
        ),
    ));
    // Legacy Office files saved by LibreOffice (corpus/sources/make-legacy-office.py).
    // (slug, why, expected symbols, file name, content type, bytes)
    type Source = (
        &'static str,
        &'static str,
        &'static [&'static str],
        &'static str,
        &'static str,
        Vec<u8>,
    );
    let legacy_office: [Source; 17] = [
        (
            "doc-tcvn3-vntimeh-toi-mat",
            "TỐI MẬT typed in .VnTimeH in a Word 97 .doc, the rest in .VnTime (TCVN3)",
            &["MARKING_TOI_MAT"],
            "cong-van.doc",
            "application/msword",
            include_bytes!("../../corpus/sources/cong-van-tcvn3.doc").to_vec(),
        ),
        (
            "doc-vni-default-font-tuyet-mat",
            "TUYỆT MẬT in a Word 97 .doc whose Normal style is VNI-Times (no font on the runs)",
            &["MARKING_TUYET_MAT"],
            "ke-hoach.doc",
            "application/msword",
            include_bytes!("../../corpus/sources/ke-hoach-vni.doc").to_vec(),
        ),
        (
            "doc-tcvn3-style-fonts-tuyet-mat",
            "TUYỆT MẬT in a Word 97 .doc whose fonts come from paragraph styles only (.VnTimeH styles based on a .VnTime Normal)",
            &["MARKING_TUYET_MAT"],
            "quyet-dinh.doc",
            "application/msword",
            include_bytes!("../../corpus/sources/quyet-dinh-styles.doc").to_vec(),
        ),
        (
            "doc-header-mat",
            "MẬT in the page header of a Word 97 .doc",
            &["MARKING_MAT"],
            "bao-cao.doc",
            "application/msword",
            include_bytes!("../../corpus/sources/bao-cao-header-mat.doc").to_vec(),
        ),
        (
            "ppt-mat",
            "MẬT on the first slide of a PowerPoint 97 .ppt",
            &["MARKING_MAT"],
            "bao-cao.ppt",
            "application/vnd.ms-powerpoint",
            include_bytes!("../../corpus/sources/bao-cao-an-ninh.ppt").to_vec(),
        ),
        (
            "doc-password",
            "a Word 97 .doc saved with a password (RC4): cannot be read",
            &["MARKING_UNSCANNABLE"],
            "bao-cao.doc",
            "application/msword",
            include_bytes!("../../corpus/sources/bao-cao-mat-khau.doc").to_vec(),
        ),
        (
            "xls-password",
            "an Excel 97 .xls saved with a password (FILEPASS): cannot be read",
            &["MARKING_UNSCANNABLE"],
            "bang-ke.xls",
            "application/vnd.ms-excel",
            include_bytes!("../../corpus/sources/bang-ke-mat-khau.xls").to_vec(),
        ),
        (
            "neg-doc-bao-mat-trap",
            "a Word 97 .doc on account security: BẢO MẬT, MẬT KHẨU, Mật độ, HỎA TỐC, and no marking",
            &[],
            "huong-dan.doc",
            "application/msword",
            include_bytes!("../../corpus/sources/huong-dan-bao-mat.doc").to_vec(),
        ),
        (
            "pdf-type1-differences-mat",
            "MẬT in a PDF whose Type1 font names its Vietnamese glyphs in /Differences (no ToUnicode)",
            &["MARKING_MAT"],
            "bao-cao.pdf",
            "application/pdf",
            pdf_differences(&d("MẬT", "công tác"), false),
        ),
        (
            "pdf-type3-tuyet-mat",
            "TUYỆT MẬT drawn in a Type3 font, its text only in the glyph names of /Differences",
            &["MARKING_TUYET_MAT"],
            "ke-hoach.pdf",
            "application/pdf",
            pdf_differences(&d("TUYỆT MẬT", "kế hoạch"), true),
        ),
        (
            "pdf-libreoffice-fallback-glyph-mat",
            "MẬT in the page header of a LibreOffice PDF that draws Ậ from a fallback font after the rest of its line",
            &["MARKING_MAT"],
            "bao-cao.pdf",
            "application/pdf",
            include_bytes!("../../corpus/sources/bao-cao-header-mat.pdf").to_vec(),
        ),
        (
            "pdf-libreoffice-tcvn3-toi-mat",
            "TỐI MẬT in a LibreOffice PDF of a .VnTime document (TCVN3 bytes drawn in a substitute Unicode font)",
            &["MARKING_TOI_MAT"],
            "cong-van.pdf",
            "application/pdf",
            include_bytes!("../../corpus/sources/cong-van-tcvn3.pdf").to_vec(),
        ),
        // PDFs encrypted by qpdf 11.3 (corpus/sources/README.md): an empty user password is
        // opened as a reader would; a real one cannot be.
        (
            "pdf-empty-password-rc4-40-toi-mat",
            "TỐI MẬT in a PDF encrypted with RC4 40-bit (R2) and an empty user password",
            &["MARKING_TOI_MAT"],
            "bao-cao.pdf",
            "application/pdf",
            include_bytes!("../../corpus/sources/pdf-r2-rc4-40.pdf").to_vec(),
        ),
        (
            "pdf-empty-password-rc4-128-toi-mat",
            "TỐI MẬT in a PDF (Identity-H fonts) encrypted with RC4 128-bit (R3), empty user password",
            &["MARKING_TOI_MAT"],
            "ke-hoach.pdf",
            "application/pdf",
            include_bytes!("../../corpus/sources/pdf-r3-rc4-128.pdf").to_vec(),
        ),
        (
            "pdf-empty-password-aes128-toi-mat",
            "TỐI MẬT in a PDF encrypted with AES-128 (R4), objects in object streams, empty user password",
            &["MARKING_TOI_MAT"],
            "bao-cao.pdf",
            "application/pdf",
            include_bytes!("../../corpus/sources/pdf-r4-aes128.pdf").to_vec(),
        ),
        (
            "pdf-empty-password-aes256-toi-mat",
            "TỐI MẬT in a PDF encrypted with AES-256 (R6), empty user password",
            &["MARKING_TOI_MAT"],
            "ke-hoach.pdf",
            "application/pdf",
            include_bytes!("../../corpus/sources/pdf-r6-aes256.pdf").to_vec(),
        ),
        (
            "pdf-user-password",
            "a PDF encrypted with AES-256 and a user password: cannot be read",
            &["MARKING_UNSCANNABLE"],
            "ke-hoach.pdf",
            "application/pdf",
            include_bytes!("../../corpus/sources/pdf-r6-password.pdf").to_vec(),
        ),
    ];
    // Each as an attachment of a message of its own.
    let office_message = |(slug, why, symbols, name, content_type, bytes): Source| {
        (
            slug.to_owned(),
            why.to_owned(),
            symbols.to_vec(),
            Mail::new(FROM, TO, "Văn bản")
                .text(GREETING)
                .file(name, content_type, bytes),
        )
    };
    later.extend(legacy_office.into_iter().map(office_message));
    later.push((
        "neg-legal-qa-levels".into(),
        "a legal Q&A listing the levels after \"độ mật:\" in running text".into(),
        none.clone(),
        Mail::new(FROM, TO, "Hỏi đáp pháp luật").text(
            "Hỏi: Bí mật nhà nước được phân loại như thế nào?\nĐáp: Theo Luật Bảo vệ bí mật nhà nước năm 2018, bí mật nhà nước được phân loại thành ba độ mật: Tuyệt mật, Tối mật và Mật.\nCăn cứ vào tính chất quan trọng của nội dung thông tin, người đứng đầu cơ quan xác định độ mật.\n",
        ),
    ));
    // --- the level only in a file's name (the documents themselves are unmarked) -----------
    let docx_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    later.push((
        "name-docx-toi-mat".into(),
        "an unmarked .docx named «TỐI MẬT - Kế hoạch phòng thủ dân sự.docx»".into(),
        toi.clone(),
        Mail::new(FROM, TO, "Kế hoạch").text(GREETING).file(
            "TỐI MẬT - Kế hoạch phòng thủ dân sự.docx",
            docx_type,
            docx_lines(&d("", "kế hoạch phòng thủ dân sự")),
        ),
    ));
    later.push((
        "name-zip-member-tuyet-mat".into(),
        "a zip whose member is named TUYET_MAT-phuong_an.txt (no diacritics, leading the name)".into(),
        tuyet.clone(),
        Mail::new(FROM, TO, "Hồ sơ").text(GREETING).file(
            "ho-so.zip",
            "application/zip",
            zip_of(&[(
                "ho-so/TUYET_MAT-phuong_an.txt",
                lines(&d("", "phương án bảo vệ")).as_bytes(),
            )]),
        ),
    ));
    later.push((
        "neg-names-everyday".into(),
        "files named for everyday words: mặt bằng, bảo mật, mật khẩu, mật độ".into(),
        none.clone(),
        Mail::new(FROM, TO, "Tài liệu")
            .text(GREETING)
            .file(
                "MAT_BANG_TONG_THE.txt",
                "text/plain",
                b"Mat bang tong the khu hanh chinh.".to_vec(),
            )
            .file(
                "Huong_dan_BAO_MAT_thong_tin.txt",
                "text/plain",
                b"Huong dan bao mat thong tin.".to_vec(),
            )
            .file("mat-khau-moi.txt", "text/plain", b"Doi mat khau.".to_vec())
            .file(
                "Bản đồ MẬT ĐỘ dân số.txt",
                "text/plain",
                "Mật độ dân số.".as_bytes().to_vec(),
            ),
    ));
    // --- XML e-documents, SVG drawings and messages saved as files -------------------------
    let edoc = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<VanBanDienTu>\n  <CoQuanBanHanh>ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG</CoQuanBanHanh>\n  <SoKyHieu>Số: 88/KH-UBND</SoKyHieu>\n  <DoMat>TỐI MẬT</DoMat>\n  <TrichYeu>V/v phương án bảo vệ mục tiêu</TrichYeu>\n  <NoiDung><![CDATA[{}]]></NoiDung>\n</VanBanDienTu>\n",
        lines(&d("", "phương án bảo vệ mục tiêu"))
    );
    later.push((
        "xml-edoc-toi-mat".into(),
        "an electronic document in XML (application/xml) whose DoMat element is TỐI MẬT".into(),
        toi.clone(),
        Mail::new(FROM, TO, "Văn bản điện tử").text(GREETING).file(
            "van-ban-dien-tu.xml",
            "application/xml",
            edoc.into_bytes(),
        ),
    ));
    later.push((
        "svg-stamp-tuyet-mat".into(),
        "an SVG drawing of the stamp (its text in <text> elements)".into(),
        tuyet.clone(),
        Mail::new(FROM, TO, "Mẫu dấu").text(GREETING).file(
            "mau-dau.svg",
            "image/svg+xml",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" height=\"120\"><rect x=\"5\" y=\"5\" width=\"290\" height=\"60\" fill=\"none\" stroke=\"red\"/><text x=\"40\" y=\"45\" fill=\"red\" font-size=\"28\">TUYỆT MẬT</text><text x=\"10\" y=\"100\">Số: 7/PA-CA</text></svg>\n".as_bytes().to_vec(),
        ),
    ));
    let saved = Mail::new(FROM, TO, "Kế hoạch").part(Part::Text {
        body: lines(&d("MẬT", "kế hoạch kiểm tra"))
            .replace('\n', "\r\n")
            .into_bytes(),
        subtype: "plain",
        charset: "utf-8",
        cte: Cte::Base64,
    });
    later.push((
        "eml-file-mat".into(),
        "a message saved as an .eml file and attached as application/octet-stream (its body base64)".into(),
        mat.clone(),
        Mail::new(FROM, TO, "Chuyển thư").text(GREETING).file(
            "thu-goc.eml",
            "application/octet-stream",
            saved.build(900),
        ),
    ));

    // --- stamps added to a PDF after it was made ---------------------------------------------
    for (slug, why, symbols, how, stamp) in [
        (
            "pdf-stamp-form-toi-mat",
            "an unmarked PDF stamped TỐI MẬT afterwards as a form XObject (a stamping tool)",
            toi.clone(),
            Stamped::Form,
            "TỐI MẬT",
        ),
        (
            "pdf-stamp-annotation-mat",
            "an unmarked PDF stamped MẬT with a reader's stamp tool (an annotation's appearance)",
            mat.clone(),
            Stamped::Annotation,
            "MẬT",
        ),
    ] {
        later.push((
            slug.into(),
            why.into(),
            symbols,
            Mail::new(FROM, TO, "Văn bản").text(GREETING).file(
                "van-ban.pdf",
                "application/pdf",
                pdf_unicode_stamped(&[&d("", "kế hoạch công tác")], Some((stamp, how))),
            ),
        ));
    }
    // --- a spreadsheet marked in its printed header, a presentation on its slide master ------
    later.push((
        "xlsx-print-header-mat".into(),
        "a spreadsheet whose cells are unmarked and whose printed header says MẬT (&C&\"…,Bold\"MẬT)".into(),
        mat.clone(),
        Mail::new(FROM, TO, "Số liệu").text(GREETING).file(
            "so-lieu.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            xlsx_with_header(
                &["Đơn vị", "Biên chế", "Ghi chú"],
                &["Số liệu tổng hợp quý IV"],
                Some("&L&\"Times New Roman,Regular\"UBND TỈNH LÂM ĐỒNG&C&\"Times New Roman,Bold\"&14MẬT&R&P/&N"),
                &[],
            ),
        ),
    ));
    later.push((
        "pptx-slide-master-toi-mat".into(),
        "a presentation whose slides are unmarked and whose slide master carries TỐI MẬT".into(),
        toi.clone(),
        Mail::new(FROM, TO, "Trình chiếu").text(GREETING).file(
            "trinh-chieu.pptx",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            pptx_with_master(
                &[&["Kế hoạch bảo vệ hội nghị", "Phân công nhiệm vụ"]],
                &["TỐI MẬT"],
            ),
        ),
    ));

    later.push((
        "docx-watermark-toi-mat".into(),
        "an unmarked .docx with Word's text watermark TỐI MẬT (a VML text path in its header)".into(),
        toi.clone(),
        Mail::new(FROM, TO, "Văn bản").text(GREETING).file(
            "van-ban.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Docx {
                body: d("", "kế hoạch công tác").iter().map(|l| w_p(l)).collect(),
                header: Some(
                    "<w:p><w:r><w:pict><v:shape id=\"PowerPlusWaterMarkObject1\" type=\"#_x0000_t136\" style=\"position:absolute;rotation:315\" fillcolor=\"silver\" stroked=\"f\"><v:textpath style=\"font-family:&quot;Times New Roman&quot;;font-size:1pt\" string=\"TỐI MẬT\"/></v:shape></w:pict></w:r></w:p>".into(),
                ),
                ..Docx::default()
            }
            .build(),
        ),
    ));
    later.push((
        "msg-outlook-toi-mat".into(),
        "an Outlook message saved as a .msg file (its body in a property stream) carrying a TỐI MẬT dispatch"
            .into(),
        toi.clone(),
        Mail::new(FROM, TO, "Chuyển tiếp").text(GREETING).file(
            "ke-hoach.msg",
            "application/vnd.ms-outlook",
            outlook_msg("Kế hoạch", &lines(&d("TỐI MẬT", "kế hoạch bảo vệ"))),
        ),
    ));

    // --- a level of two words in a name without diacritics; shapes over a sheet; web archives -
    later.push((
        "name-folded-mid-toi-mat".into(),
        "an unmarked .docx named BAO_CAO_TOI_MAT_2026.docx (a level of two words, no diacritics, mid-name)"
            .into(),
        toi.clone(),
        Mail::new(FROM, TO, "Báo cáo").text(GREETING).file(
            "BAO_CAO_TOI_MAT_2026.docx",
            docx_type,
            docx_lines(&d("", "báo cáo tổng kết năm 2026")),
        ),
    ));
    later.push((
        "neg-names-folded-everyday".into(),
        "files named without diacritics for everyday words: mặt trước, mặt bằng, tối mất điện".into(),
        none.clone(),
        Mail::new(FROM, TO, "Hồ sơ")
            .text(GREETING)
            .file(
                "CCCD_MAT_TRUOC.txt",
                "text/plain",
                b"Anh chup can cuoc cong dan.".to_vec(),
            )
            .file(
                "KE_HOACH_MAT_BANG_2026.txt",
                "text/plain",
                b"Ke hoach giai phong mat bang.".to_vec(),
            )
            .file(
                "Bao_cao_toi_mat_dien.txt",
                "text/plain",
                b"Bao cao su co mat dien.".to_vec(),
            ),
    ));
    later.push((
        "xlsx-shape-tuyet-mat".into(),
        "a spreadsheet whose cells are unmarked, TUYỆT MẬT in a text box drawn over the sheet".into(),
        tuyet.clone(),
        Mail::new(FROM, TO, "Số liệu").text(GREETING).file(
            "so-lieu-quan-so.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            xlsx_with_drawing(
                &["Đơn vị", "Quân số", "Ghi chú", "Số liệu tổng hợp quý IV"],
                &["TUYỆT MẬT"],
            ),
        ),
    ));
    later.push((
        "mht-doc-toi-mat".into(),
        "a TỐI MẬT dispatch saved by Word as a single-file web page under a .doc name (MIME, quoted-printable HTML)"
            .into(),
        toi.clone(),
        Mail::new(FROM, TO, "Văn bản").text(GREETING).file(
            "ke-hoach.doc",
            "application/msword",
            word_web_archive(&d("TỐI MẬT", "kế hoạch bảo vệ mục tiêu")),
        ),
    ));

    // --- characters nobody sees inside the stamp; a stamp spaced out letter by letter --------
    let mut pasted = String::from("<html><body>");
    for line in d("TỐI&#8203; M&shy;ẬT", "kế hoạch bảo vệ mục tiêu") {
        let _ = write!(pasted, "<p>{line}</p>");
    }
    pasted.push_str("</body></html>");
    later.push((
        "html-invisible-toi-mat".into(),
        "an HTML body whose TỐI MẬT carries a zero-width space and a soft hyphen (&#8203;, &shy;), as text pasted from a web page does"
            .into(),
        toi.clone(),
        Mail::new(FROM, TO, "Kế hoạch").part(Part::Text {
            body: pasted.into_bytes(),
            subtype: "html",
            charset: "utf-8",
            cte: Cte::QuotedPrintable,
        }),
    ));
    later.push((
        "docx-spaced-tuyet-mat".into(),
        "a .docx whose stamp is spaced out by hand, letter by letter: T U Y Ệ T   M Ậ T".into(),
        tuyet.clone(),
        Mail::new(FROM, TO, "Phương án").text(GREETING).file(
            "phuong-an.docx",
            docx_type,
            docx_lines(&d("T U Y Ệ T   M Ậ T", "phương án bảo vệ")),
        ),
    ));
    later.push((
        "neg-spaced-headings".into(),
        "headings spaced out letter by letter: B Ả O   M Ậ T   T H Ô N G   T I N, M Ậ T   K H Ẩ U".into(),
        none.clone(),
        Mail::new(FROM, TO, "Hướng dẫn").text(
            "H Ư Ớ N G   D Ẫ N\nB Ả O   M Ậ T   T H Ô N G   T I N\nĐổi M Ậ T   K H Ẩ U ba tháng một lần.\nM Ậ T   K H Ẩ U\nKhông chia sẻ mật khẩu cho người khác.\n",
        ),
    ));

    // --- a stamp typed in small letters and shown in capitals (All caps) --------------------
    let mut caps_body: Vec<String> = d("", "kế hoạch bảo vệ mục tiêu").iter().map(|l| w_p(l)).collect();
    caps_body.insert(
        4,
        "<w:p><w:pPr><w:jc w:val=\"left\"/></w:pPr><w:r><w:rPr><w:b/><w:caps/></w:rPr><w:t>Tối mật</w:t></w:r></w:p>".into(),
    );
    later.push((
        "docx-allcaps-toi-mat".into(),
        "a .docx whose stamp is typed «Tối mật» and shown in capitals by Word's All caps (<w:caps/>)".into(),
        toi.clone(),
        Mail::new(FROM, TO, "Kế hoạch").text(GREETING).file(
            "ke-hoach.docx",
            docx_type,
            Docx {
                body: caps_body.concat(),
                ..Docx::default()
            }
            .build(),
        ),
    ));
    let rtf = String::from_utf8_lossy(&rtf_unicode(&d("Mật", "báo cáo tình hình")))
        .replace("M\\u7853?t\\par", "{\\b\\caps M\\u7853?t}\\par");
    later.push((
        "rtf-caps-mat".into(),
        "an RTF document whose stamp is typed «Mật» and shown in capitals (\\caps)".into(),
        mat.clone(),
        Mail::new(FROM, TO, "Báo cáo").text(GREETING).file(
            "bao-cao.rtf",
            "application/rtf",
            rtf.into_bytes(),
        ),
    ));

    // --- Outlook's winmail.dat -------------------------------------------------------------
    let docx = docx_lines(&d("TỐI MẬT", "kế hoạch bảo vệ mục tiêu"));
    later.push((
        "tnef-winmail-toi-mat".into(),
        "a TỐI MẬT .docx sent from Outlook in rich text, so wrapped in winmail.dat (application/ms-tnef)"
            .into(),
        toi.clone(),
        Mail::new(FROM, TO, "Kế hoạch").text(GREETING).file(
            "winmail.dat",
            "application/ms-tnef",
            crate::mime_out::tnef_of(&[("KEHOAC~1.DOC", "Kế hoạch bảo vệ.docx", &docx)], 1258),
        ),
    ));

    // --- a text file in Windows-1258 sent as text/plain without a charset -----------------
    later.push((
        "txt-1258-no-charset-toi-mat".into(),
        "a TỐI MẬT dispatch saved as a .txt in Windows-1258 (tones as combining marks), sent as text/plain with no charset"
            .into(),
        toi.clone(),
        Mail::new(FROM, TO, "Kế hoạch").text(GREETING).file(
            "ke-hoach.txt",
            "text/plain",
            windows_1258(&lines(&d("TỐI MẬT", "kế hoạch bảo vệ mục tiêu"))),
        ),
    ));

    // --- Word's All caps saved as HTML: text-transform --------------------------------------
    let mut word_html = String::from(
        "<html xmlns:w=\"urn:schemas-microsoft-com:office:word\"><head><meta http-equiv=Content-Type content=\"text/html; charset=utf-8\"></head><body lang=VI>",
    );
    for line in d("\u{1}", "báo cáo tình hình") {
        let line = if line == "\u{1}" {
            "<b><span style='font-size:13.0pt;text-transform:uppercase'>Mật</span></b>".to_owned()
        } else {
            xml(&line)
        };
        let _ = write!(word_html, "<p class=MsoNormal>{line}</p>");
    }
    word_html.push_str("</body></html>");
    later.push((
        "html-doc-allcaps-mat".into(),
        "a Word document saved as HTML under a .doc name, its stamp typed «Mật» in All caps (text-transform:uppercase)".into(),
        mat.clone(),
        Mail::new(FROM, TO, "Báo cáo").text(GREETING).file(
            "bao-cao.doc",
            "application/msword",
            word_html.into_bytes(),
        ),
    ));

    // --- the level in a subject, wherever it stands -----------------------------------------
    for (slug, why, symbols, subject) in [
        (
            "subject-fwd-toi-mat",
            "a forwarded message whose subject is «Fwd: [TỐI MẬT] Kế hoạch bảo vệ», the body unmarked",
            toi.clone(),
            "Fwd: [TỐI MẬT] Kế hoạch bảo vệ",
        ),
        (
            "subject-end-mat",
            "a subject ending in the level, «Báo cáo tình hình an ninh - MẬT», the body unmarked",
            mat.clone(),
            "Báo cáo tình hình an ninh - MẬT",
        ),
        (
            "subject-folded-tuyet-mat",
            "a subject typed without diacritics, «Gui phuong an TUYET MAT», the body unmarked",
            tuyet.clone(),
            "Gui phuong an TUYET MAT",
        ),
        (
            "neg-subject-everyday",
            "a subject of everyday words in capitals: «[Cảnh báo] ĐỔI MẬT KHẨU - BẢO MẬT tài khoản»",
            none.clone(),
            "[Cảnh báo] ĐỔI MẬT KHẨU - BẢO MẬT tài khoản",
        ),
        (
            "subject-bracket-mat",
            "a subject labelled in brackets in title case, «[Mật] Báo cáo tình hình an ninh», the body unmarked",
            mat.clone(),
            "[Mật] Báo cáo tình hình an ninh",
        ),
    ] {
        later.push((
            slug.into(),
            why.into(),
            symbols,
            Mail::new(FROM, TO, subject).text(GREETING),
        ));
    }

    // --- stamps in capitals or in a legacy font by a style or a cell's format (2026-12-05) ----
    // corpus/sources/make-legacy-office.py: each source saved as .doc, .odt and .docx.
    let odt_type = "application/vnd.oasis.opendocument.text";
    let by_style: [Source; 13] = [
        (
            "doc-allcaps-toi-mat",
            "a Word 97 .doc whose stamp is typed «Tối mật» and shown in capitals (sprmCFCaps on the run)",
            &["MARKING_TOI_MAT"],
            "ke-hoach.doc",
            "application/msword",
            include_bytes!("../../corpus/sources/ke-hoach-allcaps.doc").to_vec(),
        ),
        (
            "odt-allcaps-toi-mat",
            "an .odt whose stamp is typed «Tối mật» in a span of an automatic style in uppercase (fo:text-transform)",
            &["MARKING_TOI_MAT"],
            "ke-hoach.odt",
            odt_type,
            include_bytes!("../../corpus/sources/ke-hoach-allcaps.odt").to_vec(),
        ),
        (
            "docx-allcaps-lo-toi-mat",
            "a .docx saved by LibreOffice whose stamp is typed «Tối mật» in All caps (paragraph mark and run)",
            &["MARKING_TOI_MAT"],
            "ke-hoach.docx",
            docx_type,
            include_bytes!("../../corpus/sources/ke-hoach-allcaps.docx").to_vec(),
        ),
        (
            "doc-style-caps-mat",
            "a Word 97 .doc whose stamp «Mật» is in a paragraph style in capitals (the style's sprmCFCaps), beside a heading «Hướng dẫn bảo mật thông tin» in it",
            &["MARKING_MAT"],
            "bao-cao.doc",
            "application/msword",
            include_bytes!("../../corpus/sources/bao-cao-style-caps.doc").to_vec(),
        ),
        (
            "odt-style-caps-mat",
            "an .odt whose stamp «Mật» is in a common paragraph style in uppercase (styles.xml), beside a heading «Hướng dẫn bảo mật thông tin» in it",
            &["MARKING_MAT"],
            "bao-cao.odt",
            odt_type,
            include_bytes!("../../corpus/sources/bao-cao-style-caps.odt").to_vec(),
        ),
        (
            "docx-style-caps-mat",
            "a .docx whose stamp «Mật» is in a paragraph style with All caps (word/styles.xml), beside a heading «Hướng dẫn bảo mật thông tin» in it",
            &["MARKING_MAT"],
            "bao-cao.docx",
            docx_type,
            include_bytes!("../../corpus/sources/bao-cao-style-caps.docx").to_vec(),
        ),
        (
            "doc-vntimeh-style-tuyet-mat",
            "a Unicode Word 97 .doc whose stamp is TCVN3 bytes in a paragraph style in .VnTimeH",
            &["MARKING_TUYET_MAT"],
            "to-trinh.doc",
            "application/msword",
            include_bytes!("../../corpus/sources/to-trinh-vntimeh.doc").to_vec(),
        ),
        (
            "odt-vntimeh-style-tuyet-mat",
            "a Unicode .odt whose stamp is TCVN3 bytes in a paragraph style whose font face is .VnTimeH",
            &["MARKING_TUYET_MAT"],
            "to-trinh.odt",
            odt_type,
            include_bytes!("../../corpus/sources/to-trinh-vntimeh.odt").to_vec(),
        ),
        (
            "docx-vntimeh-style-tuyet-mat",
            "a Unicode .docx whose stamp is TCVN3 bytes in a paragraph style in .VnTimeH (word/styles.xml)",
            &["MARKING_TUYET_MAT"],
            "to-trinh.docx",
            docx_type,
            include_bytes!("../../corpus/sources/to-trinh-vntimeh.docx").to_vec(),
        ),
        // corpus/sources/make-legacy-excel.py: xlwt, then LibreOffice's .xlsx of each.
        (
            "xls-tcvn3-vntimeh-mat",
            "a legacy Excel .xls typed in TCVN3: the cells in .VnTime, the title and the stamp «mËt» in .VnTimeH (each cell's font)",
            &["MARKING_MAT"],
            "bang-ke.xls",
            "application/vnd.ms-excel",
            include_bytes!("../../corpus/sources/bang-ke-tcvn3.xls").to_vec(),
        ),
        (
            "xlsx-tcvn3-vntimeh-mat",
            "the same workbook saved as .xlsx by LibreOffice: shared strings, each cell's font in xl/styles.xml",
            &["MARKING_MAT"],
            "bang-ke.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            include_bytes!("../../corpus/sources/bang-ke-tcvn3.xlsx").to_vec(),
        ),
        (
            "xls-unicode-vntimeh-stamp-toi-mat",
            "a Unicode legacy Excel .xls whose stamp was pasted from an old template: TCVN3 bytes «tèi mËt» in a .VnTimeH cell",
            &["MARKING_TOI_MAT"],
            "bang-ke.xls",
            "application/vnd.ms-excel",
            include_bytes!("../../corpus/sources/bang-ke-vntimeh-mixed.xls").to_vec(),
        ),
        (
            "xlsx-unicode-vntimeh-stamp-toi-mat",
            "the same workbook saved as .xlsx by LibreOffice",
            &["MARKING_TOI_MAT"],
            "bang-ke.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            include_bytes!("../../corpus/sources/bang-ke-vntimeh-mixed.xlsx").to_vec(),
        ),
    ];
    later.extend(by_style.into_iter().map(office_message));

    // --- a classification field after what a subject is about (2026-12-05) ------------------
    for (slug, why, symbols, subject) in [
        (
            "subject-field-toi-mat",
            "a subject ending in a classification field, «Kế hoạch số 12/KH-UBND - Độ mật: Tối mật», the body unmarked",
            toi.clone(),
            "Kế hoạch số 12/KH-UBND - Độ mật: Tối mật",
        ),
        (
            "neg-subject-field-question",
            "a subject asking how to fill in the field, «Hỏi cách ghi độ mật: tối mật hay mật?»",
            none.clone(),
            "Hỏi cách ghi độ mật: tối mật hay mật?",
        ),
    ] {
        later.push((
            slug.into(),
            why.into(),
            symbols,
            Mail::new(FROM, TO, subject).text(GREETING),
        ));
    }

    // --- a classification field laid out as a table (2026-12-05) ------------------------------
    // A document system's notice of a new document: the field's label in one cell and its value
    // in the next (or under its column's heading); a blank form listing the levels as the trap.
    let html = |body: &str| {
        Part::Text {
        body: format!("<html><body><p>Đồng chí có văn bản mới cần xử lý:</p><table border=1>{body}</table></body></html>")
            .into_bytes(),
        subtype: "html",
        charset: "utf-8",
        cte: Cte::EightBit,
    }
    };
    for (slug, why, symbols, body) in [
        (
            "html-table-row-field-mat",
            "a document system's HTML notice whose table has the row «Độ mật | Mật»",
            mat.clone(),
            "<tr><td>Số ký hiệu</td><td>123/UBND-VX</td></tr><tr><td>Trích yếu</td><td>Về việc triển khai kế hoạch bảo vệ</td></tr>\
             <tr><td>Độ khẩn</td><td>Thường</td></tr><tr><td>Độ mật</td><td>Mật</td></tr>",
        ),
        (
            "html-table-column-field-toi-mat",
            "a document system's HTML notice whose table has a column «Độ mật» and «Tối mật» under it",
            toi.clone(),
            "<tr><th>Số ký hiệu</th><th>Trích yếu</th><th>Độ khẩn</th><th>Độ mật</th></tr>\
             <tr><td>124/UBND-VX</td><td>Về việc triển khai kế hoạch bảo vệ</td><td>Hỏa tốc</td><td>Tối mật</td></tr>",
        ),
        (
            "neg-html-table-form-levels",
            "a blank form whose table lists the levels to choose from under «Độ mật»",
            none.clone(),
            "<tr><td>Độ mật:</td><td>Tuyệt mật</td><td>Tối mật</td><td>Mật</td><td>Thường</td></tr>",
        ),
    ] {
        later.push((
            slug.into(),
            why.into(),
            symbols,
            Mail::new(FROM, TO, "Văn bản đến mới").part(html(body)),
        ));
    }

    // --- meeting invitations (iCalendar), and letters of other scripts drawn like Latin ones ----
    let invitation = |title: &str, description: &str| {
        format!(
            "BEGIN:VCALENDAR\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\n\
             BEGIN:VEVENT\r\nORGANIZER;CN=\"Văn phòng UBND tỉnh\":mailto:vanphong@lamdong.gov.vn\r\n\
             DTSTART;TZID=\"SE Asia Standard Time\":20261120T080000\r\nSUMMARY;LANGUAGE=vi:{title}\r\n\
             DESCRIPTION;LANGUAGE=vi:{description}\r\nLOCATION:Phòng họp số 2\\, trụ sở UBND tỉnh\r\n\
             UID:040000008200E00074C5B7101A82E0080000000010\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        )
        .into_bytes()
    };
    let alternative = |plain: &str, calendar: Vec<u8>| {
        Part::Alternative(vec![
            Part::Text {
                body: plain.replace('\n', "\r\n").into_bytes(),
                subtype: "plain",
                charset: "utf-8",
                cte: Cte::QuotedPrintable,
            },
            Part::Text {
                body: calendar,
                subtype: "calendar",
                charset: "utf-8",
                cte: Cte::Base64,
            },
        ])
    };
    later.push((
        "calendar-invitation-title-tuyet-mat".into(),
        "an Outlook meeting invitation (multipart/alternative with text/calendar) whose event title is «TUYỆT MẬT - Họp bàn phương án bảo vệ», shown only by the calendar"
            .into(),
        tuyet.clone(),
        Mail::new(FROM, TO, "Mời họp").part(alternative(
            "Kính mời các đồng chí dự họp theo lịch đính kèm.\n",
            invitation(
                "TUYỆT MẬT - Họp bàn phương án bảo vệ",
                "Thành phần: Ban Giám đốc\\, Phòng PA03.\\nĐề nghị các đồng chí đến đúng giờ.",
            ),
        )),
    ));
    later.push((
        "ics-file-description-mat".into(),
        "an .ics invitation attached as a file whose description, escaped as iCalendar writes it, opens with the stamp «MẬT» on its own line"
            .into(),
        mat.clone(),
        Mail::new(FROM, TO, "Lịch họp").text(GREETING).file(
            "lich-hop.ics",
            "text/calendar",
            invitation(
                "Họp giao ban tháng 11",
                "MẬT\\nNội dung: đánh giá tình hình an ninh trên địa bàn\\, phương án bảo vệ mục tiêu.",
            ),
        ),
    ));
    later.push((
        "neg-calendar-security-training".into(),
        "a meeting invitation on training in protecting state secrets: «Tập huấn công tác bảo vệ bí mật nhà nước», the levels named in its description"
            .into(),
        none.clone(),
        Mail::new(FROM, TO, "Mời tập huấn").part(alternative(
            "Kính mời các đồng chí dự lớp tập huấn.\n",
            invitation(
                "Tập huấn công tác bảo vệ bí mật nhà nước năm 2026",
                "Nội dung: phân loại tài liệu Mật\\, Tối mật\\, Tuyệt mật; thủ tục giải mật.",
            ),
        )),
    ));
    later.push((
        "body-cyrillic-look-alike-toi-mat".into(),
        "a body whose stamp «TỐI MẬT» is typed with Cyrillic Т, М and Т among the Latin letters (no reader tells them apart)"
            .into(),
        toi.clone(),
        Mail::new(FROM, TO, "Kế hoạch").text(&lines(&d(
            "\u{422}ỐI \u{41C}Ậ\u{422}",
            "kế hoạch bảo vệ mục tiêu",
        ))),
    ));
    later.push((
        "docx-fullwidth-tuyet-mat".into(),
        "a .docx whose stamp is typed in fullwidth letters: ＴＵＹỆＴ ＭẬＴ".into(),
        tuyet.clone(),
        Mail::new(FROM, TO, "Phương án").text(GREETING).file(
            "phuong-an.docx",
            docx_type,
            docx_lines(&d(
                "\u{FF34}\u{FF35}\u{FF39}Ệ\u{FF34} \u{FF2D}Ậ\u{FF34}",
                "phương án bảo vệ",
            )),
        ),
    ));
    later.push((
        "neg-russian-contract".into(),
        "a Russian partner's letter in Cyrillic: a line «МАТ» and «МАТЕРИАЛЫ», Vietnamese on other lines"
            .into(),
        none.clone(),
        Mail::new(FROM, TO, "Hợp đồng hợp tác").text(
            "Kính gửi Sở Ngoại vụ,\nXin chuyển thư của đối tác Nga.\n\nМАТ\nМАТЕРИАЛЫ ДЛЯ ДОГОВОРА\nУважаемые коллеги, направляем проект договора.\n",
        ),
    ));

    // --- documents printed to XPS, web applications' "Excel" exports, a binary workbook -----
    let xps_page = |lines: &[String]| {
        let mut page = String::from(
            "<FixedPage xmlns=\"http://schemas.microsoft.com/xps/2005/06\" Width=\"816\" Height=\"1056\" xml:lang=\"vi-VN\">",
        );
        for (i, line) in lines.iter().enumerate() {
            // A line of two runs (a bold word, then the rest) on one baseline, as Word prints.
            let y = 96 + 20 * i;
            let (first, rest) = line.split_once(' ').unwrap_or((line, ""));
            let _ = write!(
                page,
                "<Glyphs OriginX=\"96\" OriginY=\"{y}\" FontRenderingEmSize=\"13\" FontUri=\"/Resources/f.odttf\" UnicodeString=\"{}\"/>",
                xml(first)
            );
            if !rest.is_empty() {
                let _ = write!(
                    page,
                    "<Glyphs OriginX=\"160\" OriginY=\"{y}\" FontRenderingEmSize=\"13\" FontUri=\"/Resources/f.odttf\" UnicodeString=\"{}\"/>",
                    xml(rest)
                );
            }
        }
        page.push_str("</FixedPage>");
        zip_stored_first(&[
            (
                "[Content_Types].xml",
                b"<?xml version=\"1.0\" encoding=\"utf-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"fdseq\" ContentType=\"application/vnd.ms-package.xps-fixeddocumentsequence+xml\"/><Default Extension=\"fdoc\" ContentType=\"application/vnd.ms-package.xps-fixeddocument+xml\"/><Default Extension=\"fpage\" ContentType=\"application/vnd.ms-package.xps-fixedpage+xml\"/></Types>",
            ),
            (
                "FixedDocumentSequence.fdseq",
                b"<FixedDocumentSequence xmlns=\"http://schemas.microsoft.com/xps/2005/06\"><DocumentReference Source=\"Documents/1/FixedDocument.fdoc\"/></FixedDocumentSequence>",
            ),
            (
                "Documents/1/FixedDocument.fdoc",
                b"<FixedDocument xmlns=\"http://schemas.microsoft.com/xps/2005/06\"><PageContent Source=\"Pages/1.fpage\"/></FixedDocument>",
            ),
            ("Documents/1/Pages/1.fpage", page.as_bytes()),
        ])
    };
    later.push((
        "xps-printed-toi-mat".into(),
        "a dispatch printed to an XPS file (Microsoft XPS Document Writer): glyph runs, the stamp «TỐI MẬT» in two runs on one baseline"
            .into(),
        toi.clone(),
        Mail::new(FROM, TO, "Kế hoạch").text(GREETING).file(
            "ke-hoach.xps",
            "application/vnd.ms-xpsdocument",
            xps_page(&d("TỐI MẬT", "kế hoạch bảo vệ mục tiêu")),
        ),
    ));
    let export = |rows: &[&str]| {
        let mut html = String::from(
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"><table border=\"1\">",
        );
        for row in rows {
            html.push_str("<tr>");
            for cell in row.split('|') {
                let _ = write!(html, "<td>{cell}</td>");
            }
            html.push_str("</tr>");
        }
        html.push_str("</table>");
        html.into_bytes()
    };
    later.push((
        "xls-html-export-mat".into(),
        "a web application's «Excel export»: an HTML table without <html>, saved as .xls, its title row «MẬT»"
            .into(),
        mat.clone(),
        Mail::new(FROM, TO, "Danh sách").text(GREETING).file(
            "danh-sach-doi-tuong.xls",
            "application/vnd.ms-excel",
            export(&[
                "MẬT",
                "DANH SÁCH ĐỐI TƯỢNG CẦN THEO DÕI",
                "STT|Họ và tên|Địa chỉ",
                "1|Nguyễn Văn A|Đà Lạt",
            ]),
        ),
    ));
    later.push((
        "neg-xls-html-export-accounts".into(),
        "a web application's «Excel export» of mail accounts: an HTML table saved as .xls, a column «MẬT KHẨU BAN ĐẦU»"
            .into(),
        none.clone(),
        Mail::new(FROM, TO, "Tài khoản thư").text(GREETING).file(
            "tai-khoan-thu.xls",
            "application/vnd.ms-excel",
            export(&[
                "STT|TÀI KHOẢN|MẬT KHẨU BAN ĐẦU",
                "1|nva@lamdong.gov.vn|Doi@ngay",
            ]),
        ),
    ));
    later.push((
        "xls-csv-text-tuyet-mat".into(),
        "values separated by semicolons saved as .xls (a text file under a workbook's name), its first row «TUYỆT MẬT»"
            .into(),
        tuyet.clone(),
        Mail::new(FROM, TO, "Số liệu").text(GREETING).file(
            "so-lieu.xls",
            "application/vnd.ms-excel",
            "TUYỆT MẬT\r\nĐơn vị;Quân số;Ghi chú\r\nĐại đội 1;120;\r\n".as_bytes().to_vec(),
        ),
    ));
    later.push((
        "xlsb-binary-workbook-toi-mat".into(),
        "an Excel binary workbook (.xlsb: shared strings, cells and headers as BIFF12 records), «TỐI MẬT» in its shared strings"
            .into(),
        toi.clone(),
        Mail::new(FROM, TO, "Bảng kê").text(GREETING).file(
            "bang-ke.xlsb",
            "application/vnd.ms-excel.sheet.binary.macroEnabled.12",
            xlsb(&["TỐI MẬT", "BẢNG KÊ PHƯƠNG TIỆN", "Đơn vị", "Số lượng"]),
        ),
    ));

    // --- a file attached inside a PDF ----------------------------------------------------------
    let inner = deflate(&docx_lines(&d("TỐI MẬT", "kế hoạch bảo vệ mục tiêu")));
    let cover = b"BT /F1 12 Tf 70 780 Td (To trinh - xem phu luc dinh kem) Tj ET".to_vec();
    let name_utf16: String = "Phụ lục kèm theo.docx"
        .encode_utf16()
        .map(|u| format!("{u:04X}"))
        .collect();
    later.push((
        "pdf-embedded-docx-toi-mat".into(),
        "a PDF cover letter carrying the dispatch as a file attached inside it (/EmbeddedFiles: a .docx whose stamp is TỐI MẬT)"
            .into(),
        toi.clone(),
        Mail::new(FROM, TO, "Tờ trình").text(GREETING).file(
            "to-trinh.pdf",
            "application/pdf",
            pdf_file(
                &[
                    (
                        "<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(phu-luc.docx) 6 0 R] >> >> >>".into(),
                        None,
                    ),
                    ("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(), None),
                    (
                        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".into(),
                        None,
                    ),
                    (format!("<< /Length {} >>", cover.len()), Some(cover)),
                    ("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".into(), None),
                    (
                        format!("<< /Type /Filespec /F (phu-luc.docx) /UF <FEFF{name_utf16}> /EF << /F 7 0 R >> >>"),
                        None,
                    ),
                    (
                        format!(
                            "<< /Type /EmbeddedFile /Subtype /application#2Fvnd.openxmlformats-officedocument.wordprocessingml.document /Filter /FlateDecode /Length {} >>",
                            inner.len()
                        ),
                        Some(inner),
                    ),
                ],
                "",
            ),
        ),
    ));

    later.push((
        "vsdx-drawing-toi-mat".into(),
        "a Visio drawing (.vsdx) one of whose shapes says TỐI MẬT (visio/pages/page1.xml): held unread before 2026-12-06".into(),
        toi.clone(),
        Mail::new(FROM, TO, "Sơ đồ").text(GREETING).file(
            "so-do.vsdx",
            "application/vnd.ms-visio.drawing",
            zip_stored_first(&[
                (
                    "[Content_Types].xml",
                    b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/visio/document.xml\" ContentType=\"application/vnd.ms-visio.drawing.main+xml\"/></Types>",
                ),
                ("visio/document.xml", b"<VisioDocument/>"),
                (
                    "visio/pages/page1.xml",
                    "<PageContents><Shapes><Shape ID=\"1\"><Text>TỐI MẬT</Text></Shape></Shapes></PageContents>".as_bytes(),
                ),
            ]),
        ),
    ));

    // --- a heading's label in a body -------------------------------------------------------------
    later.push((
        "body-heading-dash-toi-mat".into(),
        "a body whose heading, longer than a sentence, ends in its label «… NĂM 2026 - TỐI MẬT»".into(),
        toi.clone(),
        Mail::new(FROM, TO, "Báo cáo quý IV").text(
            "Kính gửi đồng chí Giám đốc,\n\nBÁO CÁO TÌNH HÌNH AN NINH TRẬT TỰ TRÊN ĐỊA BÀN TỈNH QUÝ IV NĂM 2026 - TỐI MẬT\n\nTình hình chung ổn định; các vụ việc phát sinh đã được xử lý kịp thời.\nTrân trọng.\n",
        ),
    ));
    later.push((
        "body-heading-bracket-mat".into(),
        "a body whose heading ends in its label in brackets «Phương án bảo vệ … (MẬT)»".into(),
        mat.clone(),
        Mail::new(FROM, TO, "Phương án").text(
            "Kính gửi anh/chị,\nPhương án bảo vệ Đại hội đại biểu Đảng bộ tỉnh (MẬT)\n1. Lực lượng: 120 cán bộ, chiến sĩ.\n2. Thời gian: từ ngày 10 đến ngày 14.\n",
        ),
    ));
    later.push((
        "neg-body-heading-dash-mat-ong".into(),
        "a body whose capitalised heading ends in «- MẬT ONG RỪNG» and one in «- BẢO MẬT» (everyday words after a dash)".into(),
        none.clone(),
        Mail::new(FROM, TO, "Sản phẩm OCOP").text(
            "Kính gửi anh/chị,\nDANH MỤC SẢN PHẨM OCOP NĂM 2026: CÀ PHÊ, CHÈ - MẬT ONG RỪNG\nHỘI NGHỊ TẬP HUẤN CÔNG NGHỆ THÔNG TIN - BẢO MẬT\nTrân trọng.\n",
        ),
    ));

    // --- a file hidden inside a PDF: an embedded file stream no specification names -----------
    let hidden = deflate("TỐI MẬT\nPhương án bố trí lực lượng bảo vệ\n".as_bytes());
    let cover = b"BT /F1 12 Tf 70 780 Td (Bao cao tuan) Tj ET".to_vec();
    later.push((
        "pdf-orphan-embedded-file-toi-mat".into(),
        "a PDF carrying a text file no reader lists (an /EmbeddedFile stream no file specification names), «TỐI MẬT»"
            .into(),
        toi.clone(),
        Mail::new(FROM, TO, "Báo cáo tuần").text(GREETING).file(
            "bao-cao-tuan.pdf",
            "application/pdf",
            pdf_file(
                &[
                    ("<< /Type /Catalog /Pages 2 0 R >>".into(), None),
                    ("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(), None),
                    (
                        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".into(),
                        None,
                    ),
                    (format!("<< /Length {} >>", cover.len()), Some(cover)),
                    ("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".into(), None),
                    (
                        format!(
                            "<< /Type /EmbeddedFile /Subtype /text#2Fplain /Filter /FlateDecode /Length {} >>",
                            hidden.len()
                        ),
                        Some(hidden),
                    ),
                ],
                "",
            ),
        ),
    ));

    // --- an encrypted archive sent beside its password (2026-12-05, session 35) -----------------
    later.push((
        "zip-zipcrypto-password-in-body-toi-mat".into(),
        "a zip encrypted with ZipCrypto (7-Zip's and WinRAR's default) whose password the body gives («Mật khẩu giải nén: …»), a .docx «TỐI MẬT» in it".into(),
        toi.clone(),
        Mail::new(FROM, TO, "Hồ sơ nén có mật khẩu")
            .text("Kính gửi anh,\nEm gửi hồ sơ đính kèm. Mật khẩu giải nén: Ld@2026#.\nTrân trọng.\n")
            .file(
                "ho-so.zip",
                "application/zip",
                zipcrypto_of(&[("ho-so/van-ban.docx", &docx_lines(&d("TỐI MẬT", "hồ sơ")))], b"Ld@2026#"),
            ),
    ));
    later.push((
        "zip-aes-password-next-line-mat".into(),
        "a zip encrypted with AES-256 whose password stands alone on the line after «Mật khẩu:», a text «MẬT» in it".into(),
        mat.clone(),
        Mail::new(FROM, TO, "Báo cáo")
            .text("Chào chị,\nFile báo cáo em nén lại rồi.\nMật khẩu:\n\n    hS7-kq92\n\nEm cảm ơn.\n")
            .file(
                "bao-cao.zip",
                "application/zip",
                zip_aes_of(&[("bao-cao.txt", lines(&d("MẬT", "báo cáo")).as_bytes())], "hS7-kq92"),
            ),
    ));
    later.push((
        "neg-zip-aes-password-in-subject".into(),
        "a zip encrypted with AES-256 whose password the subject gives («pass: 24680»), an ordinary letter in it: read, nothing to hold".into(),
        none.clone(),
        Mail::new(FROM, TO, "Giấy mời họp (pass: 24680)").text(GREETING).file(
            "giay-moi.zip",
            "application/zip",
            zip_aes_of(&[("giay-moi.txt", lines(&d("", "giấy mời")).as_bytes())], "24680"),
        ),
    ));
    later.push((
        "zip-zipcrypto-password-wrong".into(),
        "a zip encrypted with ZipCrypto whose body gives a password that does not open it: unread, held"
            .into(),
        unreadable.clone(),
        Mail::new(FROM, TO, "Tài liệu nén")
            .text("Mật khẩu là 123456 nhé.\n")
            .file(
                "tai-lieu.zip",
                "application/zip",
                zipcrypto_of(
                    &[("tai-lieu.txt", lines(&d("TỐI MẬT", "tài liệu")).as_bytes())],
                    b"654321",
                ),
            ),
    ));

    later.push((
        "pdf-r6-password-in-body-toi-mat".into(),
        "a PDF encrypted with AES-256 and a user password the body gives («Mật khẩu mở tệp: matkhau»), «TỐI MẬT» in it".into(),
        toi.clone(),
        Mail::new(FROM, TO, "Kế hoạch")
            .text("Kính gửi anh,\nKế hoạch gửi kèm. Mật khẩu mở tệp: matkhau\nTrân trọng.\n")
            .file(
                "ke-hoach.pdf",
                "application/pdf",
                include_bytes!("../../corpus/sources/pdf-r6-password.pdf").to_vec(),
            ),
    ));
    later.push((
        "pdf-r4-password-in-body-toi-mat".into(),
        "a PDF encrypted with AES-128 and a user password the body gives in passing («pass là Ld@2026.»), «TỐI MẬT» in it".into(),
        toi.clone(),
        Mail::new(FROM, TO, "Báo cáo")
            .text("Em gửi anh bản báo cáo, pass là Ld@2026.\n")
            .file(
                "bao-cao.pdf",
                "application/pdf",
                include_bytes!("../../corpus/sources/pdf-r4-password.pdf").to_vec(),
            ),
    ));
    later.push((
        "neg-pdf-r6-password-in-body-law".into(),
        "a PDF encrypted with AES-256 whose password the body gives, a law that names the levels in its text: read, nothing to hold".into(),
        none.clone(),
        Mail::new(FROM, TO, "Luật bảo vệ bí mật nhà nước")
            .text("Gửi các đồng chí văn bản luật để nghiên cứu. Mật khẩu: 24680\n")
            .file(
                "luat.pdf",
                "application/pdf",
                include_bytes!("../../corpus/sources/pdf-r6-password-law.pdf").to_vec(),
            ),
    ));

    // --- Office documents saved with a password the message gives (2026-12-06, session 36) ---
    // The .docx and .xlsx encrypted by msoffcrypto-tool (Agile: AES-256, SHA-512, 100,000
    // rounds, as Office 2010 and later write them); the .doc and .xls by LibreOffice (RC4
    // CryptoAPI). corpus/sources/README.md says how each was made.
    later.push((
        "docx-agile-password-in-body-toi-mat".into(),
        "a .docx saved with a password (Agile encryption) the body gives («Mật khẩu mở file là …»), «TỐI MẬT» in it".into(),
        toi.clone(),
        Mail::new(FROM, TO, "Hồ sơ nhân sự")
            .text("Kính gửi anh,\nHồ sơ nhân sự gửi kèm. Mật khẩu mở file là QT-61/2012.\nTrân trọng.\n")
            .file(
                "nhan-su.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                include_bytes!("../../corpus/sources/nhan-su-agile-password.docx").to_vec(),
            ),
    ));
    later.push((
        "xlsx-agile-password-in-subject-mat".into(),
        "an .xlsx saved with a password (Agile encryption) the subject gives, «MẬT» in a cell".into(),
        mat.clone(),
        Mail::new(FROM, TO, "Biểu mẫu tổng hợp (MK: BangKe#2026)")
            .text(GREETING)
            .file(
                "bieu-mau.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                include_bytes!("../../corpus/sources/bieu-mau-agile-password.xlsx").to_vec(),
            ),
    ));
    later.push((
        "doc-rc4-password-in-body-mat".into(),
        "a Word 97 .doc saved with a password (RC4 CryptoAPI) the body gives in passing, «MẬT» in its page header".into(),
        mat.clone(),
        Mail::new(FROM, TO, "Báo cáo quý")
            .text("Chị mở bằng pass matkhau nhé.\n")
            .file(
                "bao-cao.doc",
                "application/msword",
                include_bytes!("../../corpus/sources/bao-cao-mat-khau.doc").to_vec(),
            ),
    ));
    later.push((
        "xls-rc4-password-next-line-mat".into(),
        "an Excel 97 .xls saved with a password (RC4 CryptoAPI) on the line after «Mật khẩu:», «MẬT» in a cell".into(),
        mat.clone(),
        Mail::new(FROM, TO, "Bảng kê")
            .text("Kính gửi phòng Kế hoạch,\nMật khẩu:\nmatkhau\nTrân trọng.\n")
            .file(
                "bang-ke.xls",
                "application/vnd.ms-excel",
                include_bytes!("../../corpus/sources/bang-ke-mat-khau.xls").to_vec(),
            ),
    ));
    later.push((
        "neg-docx-agile-password-in-body".into(),
        "a .docx saved with a password the body gives, about account passwords (MẬT KHẨU in a table): read, nothing to hold".into(),
        none.clone(),
        Mail::new(FROM, TO, "Danh sách tài khoản")
            .text("Gửi anh danh sách, mật khẩu tệp: taikhoan\n")
            .file(
                "tai-khoan.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                include_bytes!("../../corpus/sources/tai-khoan-agile-password.docx").to_vec(),
            ),
    ));
    later.push((
        "docx-agile-password-wrong".into(),
        "a .docx saved with a password the body gets wrong: unread, held".into(),
        unreadable.clone(),
        Mail::new(FROM, TO, "Hồ sơ nhân sự")
            .text("Mật khẩu: QT-61/2021\n")
            .file(
                "nhan-su.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                include_bytes!("../../corpus/sources/nhan-su-agile-password.docx").to_vec(),
            ),
    ));

    // --- OpenDocument files saved with a password the message gives (2026-12-06, session 37) ---
    // LibreOffice 7.4's «Save with password» (AES-256-CBC; Blowfish CFB for ODF 1.1, as OpenOffice
    // writes it); corpus/sources/make-odf-password.py made them.
    later.push((
        "odt-password-in-body-toi-mat".into(),
        "an .odt saved with a password (AES-256) the body gives, «TỐI MẬT» in it".into(),
        toi.clone(),
        Mail::new(FROM, TO, "Kế hoạch bảo vệ")
            .text("Kính gửi đồng chí,\nKế hoạch gửi kèm, mật khẩu: KH-15/2027\nTrân trọng.\n")
            .file(
                "ke-hoach.odt",
                "application/vnd.oasis.opendocument.text",
                include_bytes!("../../corpus/sources/ke-hoach-odf-password.odt").to_vec(),
            ),
    ));
    later.push((
        "ods-blowfish-password-in-subject-mat".into(),
        "an .ods saved as ODF 1.1 with a password (Blowfish, as OpenOffice writes it) the subject gives, «MẬT» in a cell".into(),
        mat.clone(),
        Mail::new(FROM, TO, "Bảng kê cán bộ - pass LD@2026")
            .text(GREETING)
            .file(
                "bang-ke.ods",
                "application/vnd.oasis.opendocument.spreadsheet",
                include_bytes!("../../corpus/sources/bang-ke-odf-blowfish.ods").to_vec(),
            ),
    ));
    later.push((
        "neg-odt-password-in-body".into(),
        "an .odt saved with a password the body gives, a meeting invitation about changing mailbox passwords: read, nothing to hold".into(),
        none.clone(),
        Mail::new(FROM, TO, "Giấy mời họp giao ban")
            .text("Gửi các phòng giấy mời họp.\nMật khẩu mở tệp là GM@1012\n")
            .file(
                "giay-moi.odt",
                "application/vnd.oasis.opendocument.text",
                include_bytes!("../../corpus/sources/giay-moi-odf-password.odt").to_vec(),
            ),
    ));
    later.push((
        "odt-password-wrong".into(),
        "an .odt saved with a password the body gets wrong: unread, held".into(),
        unreadable.clone(),
        Mail::new(FROM, TO, "Kế hoạch bảo vệ")
            .text("Mật khẩu: KH-15/2072\n")
            .file(
                "ke-hoach.odt",
                "application/vnd.oasis.opendocument.text",
                include_bytes!("../../corpus/sources/ke-hoach-odf-password.odt").to_vec(),
            ),
    ));

    later.push((
        "odt-wholesome-password-in-body-tuyet-mat".into(),
        "an .odt saved with a password as LibreOffice 24.8 saves it (the whole package in AES-256-GCM, Argon2id), «TUYỆT MẬT» in it".into(),
        tuyet.clone(),
        Mail::new(FROM, TO, "Báo cáo tình hình")
            .text("Kính gửi đồng chí Chỉ huy trưởng,\nBáo cáo gửi kèm (mật khẩu mở: BC#0712).\n")
            .file(
                "bao-cao.odt",
                "application/vnd.oasis.opendocument.text",
                include_bytes!("../../corpus/sources/bao-cao-odf-wholesome.odt").to_vec(),
            ),
    ));

    // --- Disk images and cabinets (2026-12-06, session 37): delivered unread before ---
    later.push((
        "iso-txt-toi-mat".into(),
        "a marked text file on an ISO 9660 disk image (genisoimage, Joliet and Rock Ridge names)".into(),
        toi.clone(),
        Mail::new(FROM, TO, "Hồ sơ (đĩa)").text(GREETING).file(
            "ho-so.iso",
            "application/x-iso9660-image",
            include_bytes!("../../corpus/sources/ho-so.iso").to_vec(),
        ),
    ));
    later.push((
        "cab-txt-mat".into(),
        "a marked text file in a Windows cabinet (MSZIP)".into(),
        mat.clone(),
        Mail::new(FROM, TO, "Bảng kê (cab)").text(GREETING).file(
            "bang-ke.cab",
            "application/vnd.ms-cab-compressed",
            include_bytes!("../../corpus/sources/bang-ke.cab").to_vec(),
        ),
    ));

    // --- Mail encrypted to its recipients (2026-12-06, session 37): delivered unread before ---
    later.push((
        "smime-enveloped-unreadable".into(),
        "an S/MIME attachment of enveloped data (smime.p7m): encrypted to its recipients, held unread".into(),
        unreadable.clone(),
        Mail::new(FROM, TO, "Tài liệu").text(GREETING).file(
            "smime.p7m",
            "application/pkcs7-mime",
            (0..3000u32)
                .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
                .collect(),
        ),
    ));
    later.push((
        "pgp-inline-unreadable".into(),
        "a body that is a PGP message: encrypted to its recipients, held unread".into(),
        unreadable.clone(),
        Mail::new(FROM, TO, "Tài liệu").text(
            "-----BEGIN PGP MESSAGE-----\n\nhQEMA5Jb0m3u7l8VAQf/Q2FuaGdhYyB0ZXN0IG1lc3NhZ2Ugb25seQ==\n=Ab3d\n-----END PGP MESSAGE-----\n",
        ),
    ));

    // --- Files uuencoded (2026-12-06, session 37): delivered unread before ---
    later.push((
        "xls-x-uuencode-mat".into(),
        "a marked Excel 97 workbook sent with Content-Transfer-Encoding: x-uuencode".into(),
        mat.clone(),
        Mail::new(FROM, TO, "Bảng kê").text(GREETING).uuencoded_file(
            "bang-ke.xls",
            "application/vnd.ms-excel",
            include_bytes!("../../corpus/sources/bang-ke-mat.xls").to_vec(),
        ),
    ));
    let block = uuencode(
        "ke-hoach.txt",
        "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\r\nSố: 21/KH-UBND\r\nTỐI MẬT\r\nKẾ HOẠCH\r\nBảo vệ bí mật nhà nước năm 2027\r\n".as_bytes(),
    );
    later.push((
        "txt-inline-uuencode-toi-mat".into(),
        "a marked text file uuencoded in a plain body («begin 644 ke-hoach.txt» … «end»)".into(),
        toi.clone(),
        Mail::new(FROM, TO, "Kế hoạch").text(&format!(
            "Gửi anh kế hoạch:\n\n{}",
            String::from_utf8_lossy(&block).replace("\r\n", "\n")
        )),
    ));

    // --- Carriers delivered unread before (2026-12-06, session 38) -------------------------------
    later.push((
        "docx-altchunk-mht-toi-mat".into(),
        "a .docx whose body is a web archive imported whole (w:altChunk → word/afchunk.mht, as html-docx-js and web applications export «Word» files)".into(),
        toi.clone(),
        Mail::new(FROM, TO, "Kế hoạch (xuất từ phần mềm)").text(GREETING).file(
            "ke-hoach.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            docx_alt_chunk(
                "afchunk.mht",
                "message/rfc822",
                &word_web_archive(&d("TỐI MẬT", "kế hoạch bảo vệ mục tiêu")),
            ),
        ),
    ));
    let mut page = String::from("<html><head><meta charset=\"utf-8\"></head><body>");
    for line in d("TUYỆT MẬT", "phương án bảo vệ") {
        let _ = write!(page, "<p>{}</p>", xml(&line));
    }
    page.push_str("</body></html>");
    later.push((
        "docx-altchunk-html-tuyet-mat".into(),
        "a .docx whose body is an HTML page imported whole (w:altChunk → word/chunk1.html)".into(),
        tuyet.clone(),
        Mail::new(FROM, TO, "Phương án").text(GREETING).file(
            "phuong-an.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            docx_alt_chunk("chunk1.html", "text/html", page.as_bytes()),
        ),
    ));
    {
        let body: String = d("MẬT", "báo cáo quý IV").iter().map(|l| w_p(l)).collect();
        let doc = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>"
        );
        later.push((
            "docx-main-part-renamed-mat".into(),
            "a .docx whose main part is word/document2.xml (the package's relationships name it), as some tools write it: held unread before".into(),
            mat.clone(),
            Mail::new(FROM, TO, "Báo cáo").text(GREETING).file(
                "bao-cao.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                zip_of(&[
                    ("[Content_Types].xml", b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"),
                    ("_rels/.rels", b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document2.xml\"/></Relationships>"),
                    ("word/document2.xml", doc.as_bytes()),
                ]),
            ),
        ));
    }
    {
        let mut members = pptx_parts(
            &[&["Kế hoạch bảo đảm an ninh năm 2027", "Các mục tiêu trọng điểm"]],
            &[],
        );
        // A comment on the deck's one slide.
        members.push((
            "ppt/comments/comment1.xml".into(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><p:cmLst xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"><p:cm authorId=\"0\" dt=\"2026-11-20T09:12:00\" idx=\"1\"><p:pos x=\"10\" y=\"10\"/><p:text>TỐI MẬT</p:text></p:cm></p:cmLst>".as_bytes().to_vec(),
        ));
        let refs: Vec<(&str, &[u8])> = members.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
        let deck = zip_of(&refs);
        later.push((
            "pptx-comment-toi-mat".into(),
            "a presentation whose level is only in a comment on its slide (ppt/comments/comment1.xml)".into(),
            toi.clone(),
            Mail::new(FROM, TO, "Kế hoạch (trình chiếu)").text(GREETING).file(
                "ke-hoach.pptx",
                "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                deck,
            ),
        ));
    }
    let plain = d("", "phương án bảo vệ");
    later.push((
        "pdf-info-keywords-tuyet-mat".into(),
        "a PDF whose level is only in its document properties (the trailer's /Info keywords, added by an incremental update)".into(),
        tuyet.clone(),
        Mail::new(FROM, TO, "Phương án").text(GREETING).file(
            "phuong-an.pdf",
            "application/pdf",
            pdf_with_info(pdf_unicode(&[&plain]), "Phương án bảo vệ", "TUYỆT MẬT"),
        ),
    ));
    later.push((
        "zst-txt-toi-mat".into(),
        "a marked text file compressed with zstd (.txt.zst; corpus/sources/ke-hoach.txt.zst)".into(),
        toi.clone(),
        Mail::new(FROM, TO, "Kế hoạch (nén)").text(GREETING).file(
            "ke-hoach.txt.zst",
            "application/zstd",
            include_bytes!("../../corpus/sources/ke-hoach.txt.zst").to_vec(),
        ),
    ));
    later.push((
        "lz4-txt-mat".into(),
        "a marked text file compressed with LZ4 (.txt.lz4; corpus/sources/bang-ke.txt.lz4)".into(),
        mat.clone(),
        Mail::new(FROM, TO, "Bảng kê (nén)").text(GREETING).file(
            "bang-ke.txt.lz4",
            "application/octet-stream",
            include_bytes!("../../corpus/sources/bang-ke.txt.lz4").to_vec(),
        ),
    ));
    let letter = vec![
        "Kính gửi: Văn phòng UBND tỉnh".to_owned(),
        "Sở Nội vụ gửi kèm kế hoạch (tệp đính kèm trong văn bản).".to_owned(),
    ];
    let packaged = lines(&d("TỐI MẬT", "kế hoạch bảo vệ mục tiêu")).replace('\n', "\r\n");
    later.push((
        "rtf-object-package-txt-toi-mat".into(),
        "an RTF letter carrying a marked text file as an embedded object (\\objdata: an OLE 1 Package, «Insert Object → from file»)".into(),
        toi.clone(),
        Mail::new(FROM, TO, "Công văn (RTF)").text(GREETING).file(
            "cong-van.rtf",
            "application/rtf",
            rtf_with_object(
                &letter,
                "Package",
                &crate::mime_out::ole1_of("Package", &ole_package("ke-hoach.txt", packaged.as_bytes())),
            ),
        ),
    ));
    later.push((
        "rtf-object-word-doc-mat".into(),
        "an RTF letter carrying a Word 97 document as an embedded object (Word.Document.8; corpus/sources/bao-cao-header-mat.doc, MẬT in its page header)".into(),
        mat.clone(),
        Mail::new(FROM, TO, "Công văn (RTF)").text(GREETING).file(
            "cong-van.rtf",
            "application/rtf",
            rtf_with_object(
                &letter,
                "Word.Document.8",
                &crate::mime_out::ole1_of(
                    "Word.Document.8",
                    include_bytes!("../../corpus/sources/bao-cao-header-mat.doc"),
                ),
            ),
        ),
    ));

    // --- A stamp typed without diacritics, with no document number near it ----------------------
    later.push((
        "body-no-diacritics-stamp-alone-tuyet-mat".into(),
        "a short letter typed without diacritics whose stamp «TUYET MAT» stands on a line of its own, no document number or header near it".into(),
        tuyet.clone(),
        Mail::new(FROM, TO, "Ke hoach").text(
            "Gui anh ban ke hoach:\n\nTUYET MAT\nKe hoach bao ve muc tieu trong diem nam 2027\nCac don vi trien khai theo phu luc kem theo.\n\nTran trong.\n",
        ),
    ));
    later.push((
        "neg-no-diacritics-toi-mat-in-a-line".into(),
        "a citizen typing without diacritics in capitals: «TOI MAT HO CHIEU» (I lost my passport), «TOI MAT» inside a line".into(),
        none.clone(),
        Mail::new("congdan@example.com", TO, "Trinh bao mat giay to").text(
            "Kinh gui co quan cong an,\nTOI MAT HO CHIEU O SAN BAY LIEN KHUONG\nNGAY 12/11/2026 TOI MAT VI VA CAN CUOC\nXin huong dan thu tuc cap lai.\n",
        ),
    ));

    // --- Plain text put into HTML as typed (2026-12-06, session 38): read as one line before ----
    let mut typed = String::from("<html><body><pre style=\"font-family: monospace\">");
    for line in d("TỐI MẬT", "kế hoạch bảo vệ mục tiêu") {
        typed.push_str(&xml(&line));
        typed.push('\n');
    }
    typed.push_str("</pre></body></html>");
    later.push((
        "html-pre-toi-mat".into(),
        "a dispatch typed as plain text and sent inside an HTML <pre> (as mailers and mail-merge tools wrap plain text): its lines kept, the stamp alone on one".into(),
        toi.clone(),
        Mail::new(FROM, TO, "Kế hoạch").part(Part::Text {
            body: typed.into_bytes(),
            subtype: "html",
            charset: "utf-8",
            cte: Cte::QuotedPrintable,
        }),
    ));

    // --- Files carried as text, mail in fragments (2026-12-06, session 39): delivered unread ----
    let letter = lines(&d("TỐI MẬT", "kế hoạch bảo vệ mục tiêu")).replace('\n', "\r\n");
    later.push((
        "hqx-binhex-part-toi-mat".into(),
        "a marked text file sent as a Mac BinHex 4.0 file (application/mac-binhex40, ke-hoach.hqx)".into(),
        toi.clone(),
        Mail::new(FROM, TO, "Kế hoạch").text(GREETING).file(
            "ke-hoach.hqx",
            "application/mac-binhex40",
            crate::mime_out::binhex_of("ke-hoach.txt", letter.as_bytes()).into_bytes(),
        ),
    ));
    later.push((
        "txt-inline-binhex-mat".into(),
        "a marked text file BinHex-encoded in a plain body, as a Mac mailer pastes one".into(),
        mat.clone(),
        Mail::new(FROM, TO, "Báo cáo").text(&format!(
            "Gửi anh báo cáo:\n\n{}\n",
            crate::mime_out::binhex_of(
                "bao-cao.txt",
                lines(&d("MẬT", "báo cáo rà soát biên chế")).as_bytes()
            )
            .replace("\r\n", "\n")
        )),
    ));
    let data = lines(&d("TUYỆT MẬT", "phương án bảo vệ")).into_bytes();
    let mut body = b"Gui anh phuong an:\r\n=ybegin line=128 size=".to_vec();
    let _ = write!(body, "{} name=phuong-an.txt\r\n", data.len());
    body.extend(crate::mime_out::yenc_lines(&data));
    let _ = write!(body, "=yend size={}\r\n", data.len());
    later.push((
        "txt-inline-yenc-tuyet-mat".into(),
        "a marked text file yEnc-encoded in a plain body (8-bit, as Usenet clients post files)".into(),
        tuyet.clone(),
        Mail::new(FROM, TO, "Phuong an").part(Part::Text {
            body,
            subtype: "plain",
            charset: "iso-8859-1",
            cte: Cte::EightBit,
        }),
    ));
    // The first of two fragments, cut inside the level: «TỐI M» here, «ẬT» in the second.
    let whole = format!(
        "From: {FROM}\r\nTo: {TO}\r\nSubject: Ke hoach\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{letter}"
    );
    let cut = whole
        .find("TỐI MẬT")
        .map_or(whole.len() / 2, |at| at + "TỐI M".len());
    later.push((
        "partial-fragment-unreadable".into(),
        "the first fragment of a message split over two mails (message/partial), cut inside the level: never whole in one mail".into(),
        unreadable.clone(),
        Mail::new(FROM, TO, "Ke hoach (1/2)").part(Part::Partial {
            number: 1,
            total: 2,
            body: whole.as_bytes()[..cut].to_vec(),
        }),
    ));

    // --- Outlook's message bodies in rich text (2026-12-06, session 39): delivered unread -------
    let rich = |stamp: &str, topic: &str| {
        let rtf = String::from_utf8_lossy(&rtf_unicode(&d(stamp, topic))).into_owned();
        compressed_rtf::compress_rtf(&rtf).unwrap_or_default()
    };
    later.push((
        "winmail-rtf-body-toi-mat".into(),
        "a message sent as nothing but a winmail.dat (Outlook's rich text), the body with the stamp in its compressed RTF".into(),
        toi.clone(),
        Mail::new(FROM, TO, "Kế hoạch").file(
            "winmail.dat",
            "application/ms-tnef",
            crate::mime_out::tnef_message(&[(0x1009, 0x0102, rich("TỐI MẬT", "kế hoạch bảo vệ mục tiêu"))], &[], 1252),
        ),
    ));
    later.push((
        "msg-rtf-only-mat".into(),
        "an Outlook .msg without a plain body (its body only as compressed rich text, as some tools save one)".into(),
        mat.clone(),
        Mail::new(FROM, TO, "Chuyển tiếp").text(GREETING).file(
            "bao-cao.msg",
            "application/vnd.ms-outlook",
            outlook_msg_of("Báo cáo", "/__substg1.0_10090102", rich("MẬT", "báo cáo rà soát biên chế")),
        ),
    ));

    // --- Text a style sheet writes into the page (2026-12-06, session 39): read as nothing ----
    let mut styled = String::from(
        "<html><head><meta charset=\"utf-8\"><style>\n.do-mat::before { content: \"TỐI MẬT\"; display: block; font-weight: bold; border: 2px solid red }\n</style></head><body>",
    );
    for (i, line) in d("", "kế hoạch bảo vệ mục tiêu").iter().enumerate() {
        if i == 4 {
            styled.push_str("<p class=\"do-mat\"></p>");
        }
        let _ = write!(styled, "<p>{}</p>", xml(line));
    }
    styled.push_str("</body></html>");
    later.push((
        "html-css-before-toi-mat".into(),
        "an HTML dispatch whose stamp is written by its style sheet (.do-mat::before { content: \"TỐI MẬT\" }), shown by Thunderbird and Apple Mail".into(),
        toi.clone(),
        Mail::new(FROM, TO, "Kế hoạch").part(Part::Text {
            body: styled.into_bytes(),
            subtype: "html",
            charset: "utf-8",
            cte: Cte::QuotedPrintable,
        }),
    ));

    // --- Vietnamese 8-bit character sets of the 1990s (2026-12-06, session 39): read as garbage -
    use crate::vietnamese::Charset8;
    later.push((
        "body-viscii-toi-mat".into(),
        "a plain body in VISCII (RFC 1456), labelled charset=VISCII as Netscape and old Vietnamese mailers sent it".into(),
        toi.clone(),
        Mail::new(FROM, TO, "Ke hoach").part(Part::Text {
            body: Charset8::Viscii.encode(&lines(&d("TỐI MẬT", "kế hoạch bảo vệ mục tiêu")).replace('\n', "\r\n")),
            subtype: "plain",
            charset: "VISCII",
            cte: Cte::QuotedPrintable,
        }),
    ));
    later.push((
        "body-tcvn5712-mat".into(),
        "a plain body in TCVN 5712 (VN1, the full set of the .VnTime fonts' encoding), labelled x-viet-tcvn5712 as Mozilla sent it".into(),
        mat.clone(),
        Mail::new(FROM, TO, "Bao cao").part(Part::Text {
            body: Charset8::Tcvn.encode(&lines(&d("MẬT", "báo cáo rà soát biên chế")).replace('\n', "\r\n")),
            subtype: "plain",
            charset: "x-viet-tcvn5712",
            cte: Cte::EightBit,
        }),
    ));
    later.push((
        "txt-viscii-no-label-tuyet-mat".into(),
        "a .txt file in VISCII attached as application/octet-stream (an old text file: no label, told by its words)".into(),
        tuyet.clone(),
        Mail::new(FROM, TO, "Phương án").text(GREETING).file(
            "phuong-an.txt",
            "application/octet-stream",
            Charset8::Viscii.encode(&lines(&d("TUYỆT MẬT", "phương án bảo vệ")).replace('\n', "\r\n")),
        ),
    ));

    let subject = format!(
        "=?VISCII?B?{}?=",
        String::from_utf8_lossy(&base64(
            &Charset8::Viscii.encode("TỐI MẬT - Kế hoạch bảo vệ mục tiêu")
        ))
        .replace("\r\n", "")
    );
    later.push((
        "subject-viscii-toi-mat".into(),
        "the level only in a subject written as an encoded word in VISCII (=?VISCII?B?…?=)".into(),
        toi.clone(),
        Mail::new(FROM, TO, &subject).text(GREETING),
    ));

    // --- Styled text of Eudora and older Apple Mail (2026-12-06, session 39): commands in the line -
    let mut styled = String::new();
    for (i, line) in d("TỐI MẬT", "kế hoạch bảo vệ mục tiêu").iter().enumerate() {
        if i == 4 {
            let _ = write!(styled, "<center><bold>{line}</bold></center>\n\n");
        } else {
            let _ = write!(styled, "{line}\n\n");
        }
    }
    later.push((
        "body-text-enriched-toi-mat".into(),
        "a body in text/enriched (RFC 1896), the stamp centred in bold: <center><bold>TỐI MẬT</bold></center>".into(),
        toi.clone(),
        Mail::new(FROM, TO, "Kế hoạch").part(Part::Text {
            body: styled.replace('\n', "\r\n").into_bytes(),
            subtype: "enriched",
            charset: "utf-8",
            cte: Cte::QuotedPrintable,
        }),
    ));

    // --- Data files, pictures' words, files kept elsewhere, ASCII Vietnamese (2026-12-06,
    // session 40): delivered as read with nothing found ----------------------------------------
    let mut table = String::from(
        "Số ký hiệu,Ngày,Trích yếu,Độ mật,Độ khẩn\r\n14/KH-CAT,16/11/2026,\"Kế hoạch bảo vệ mục tiêu, đợt 2\",TỐI MẬT,Hỏa tốc\r\n,,,,\r\nSTT,Mục tiêu,Lực lượng,Thời gian,\r\n",
    );
    for (i, (target, force)) in [
        ("Trụ sở Tỉnh ủy", "Tổ 1, Đại đội 2"),
        ("Kho bạc Nhà nước tỉnh", "Tổ 3"),
        ("Đài Phát thanh - Truyền hình", "Tổ 4; Tổ 5"),
    ]
    .iter()
    .enumerate()
    {
        let _ = write!(table, "{},\"{target}\",\"{force}\",06:00 - 22:00,\r\n", i + 1);
    }
    later.push((
        "csv-table-toi-mat".into(),
        "a .csv exported from the document register: the document's row under its columns' headings (Số ký hiệu, …, Độ mật: TỐI MẬT), then a table; cells read as a workbook's are".into(),
        toi.clone(),
        Mail::new(FROM, TO, "Danh sách mục tiêu").text(GREETING).file(
            "danh-sach-muc-tieu.csv",
            "text/csv",
            table.into_bytes(),
        ),
    ));
    let record = r#"{"so_ky_hieu": "12/KH-UBND", "ngay_ban_hanh": "2026-11-16", "do_mat": "MẬT", "do_khan": "Khẩn", "trich_yeu": "Kế hoạch rà soát biên chế năm 2027", "noi_nhan": ["Sở Nội vụ", "Văn phòng UBND tỉnh"], "so_trang": 4}"#;
    later.push((
        "json-record-mat".into(),
        "a document's record exported from the e-office system as JSON (\"do_mat\": \"MẬT\"), sent as application/json".into(),
        mat.clone(),
        Mail::new(FROM, TO, "Dữ liệu văn bản").text(GREETING).file(
            "van-ban-12.json",
            "application/json",
            record.as_bytes().to_vec(),
        ),
    ));
    let mut pictured = String::from("<html><head><meta charset=\"utf-8\"></head><body>");
    for (i, line) in d("", "kế hoạch bảo vệ mục tiêu").iter().enumerate() {
        if i == 4 {
            pictured.push_str("<p><img src=\"https://vanban.lamdong.gov.vn/dau/toi-mat.png\" alt=\"TỐI MẬT\" width=\"160\" height=\"48\"></p>");
        }
        let _ = write!(pictured, "<p>{}</p>", xml(line));
    }
    pictured.push_str("</body></html>");
    later.push((
        "html-img-alt-toi-mat".into(),
        "an HTML dispatch whose stamp is a picture from the web with its words as text alternative (alt=\"TỐI MẬT\"): what Outlook shows with pictures blocked".into(),
        toi.clone(),
        Mail::new(FROM, TO, "Kế hoạch").part(Part::Text {
            body: pictured.into_bytes(),
            subtype: "html",
            charset: "utf-8",
            cte: Cte::QuotedPrintable,
        }),
    ));
    later.push((
        "external-body-unreadable".into(),
        "a document attached by reference (message/external-body, access-type=URL): its content is not in the mail".into(),
        unreadable.clone(),
        Mail::new(FROM, TO, "Kế hoạch")
            .text(GREETING)
            .part(Part::External {
                url: "http://files.lamdong.gov.vn/ke-hoach-14.docx",
                ctype: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            }),
    ));
    use crate::vietnamese::viqr;
    later.push((
        "body-viqr-toi-mat".into(),
        "a plain body in VIQR (RFC 1456: «TO^'I MA^.T», Vietnamese in ASCII as 1990s mail and news wrote it), labelled us-ascii".into(),
        toi.clone(),
        Mail::new(FROM, TO, "Ke^' hoa.ch").part(Part::Text {
            body: viqr::encode(&lines(&d("TỐI MẬT", "kế hoạch bảo vệ mục tiêu")))
                .replace('\n', "\r\n")
                .into_bytes(),
            subtype: "plain",
            charset: "us-ascii",
            cte: Cte::EightBit,
        }),
    ));
    later.push((
        "subject-viqr-mat".into(),
        "the level only in a subject written in VIQR: «[MA^.T] Ba'o ca'o ra` soa't bie^n che^'»".into(),
        mat.clone(),
        Mail::new(FROM, TO, &viqr::encode("[MẬT] Báo cáo rà soát biên chế")).text(GREETING),
    ));

    later.push((
        "body-utf8-labelled-windows-1252-toi-mat".into(),
        "a plain body written in UTF-8 but labelled charset=windows-1252 by its mailer's default (read as labelled, every Vietnamese letter is two or three Latin ones)".into(),
        toi.clone(),
        Mail::new(FROM, TO, "Kế hoạch").part(Part::Text {
            body: lines(&d("TỐI MẬT", "kế hoạch bảo vệ mục tiêu")).replace('\n', "\r\n").into_bytes(),
            subtype: "plain",
            charset: "windows-1252",
            cte: Cte::QuotedPrintable,
        }),
    ));

    // --- Base64 with stray characters, parts after the closing boundary (2026-12-06, session
    // 40): the parser gave the first undecoded, never saw the second ---------------------------
    let stray: Vec<u8> = base64(&docx_lines(&d("TỐI MẬT", "kế hoạch bảo vệ mục tiêu")))
        .split(|&b| b == b'\n')
        .enumerate()
        .flat_map(|(i, line)| {
            let mut line = line.to_vec();
            if i % 7 == 3 && line.len() > 20 {
                line.insert(20, b'!');
            }
            line.push(b'\n');
            line
        })
        .collect();
    let mut raw = b"Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document; name=\"ke-hoach.docx\"\r\nContent-Disposition: attachment; filename=\"ke-hoach.docx\"\r\nContent-Transfer-Encoding: base64\r\n\r\n".to_vec();
    raw.extend_from_slice(stray.trim_ascii_end());
    later.push((
        "docx-base64-stray-characters-toi-mat".into(),
        "a marked .docx in base64 with a stray character in some lines: mail readers skip it (RFC 2045) and open the file; the MIME parser refused the part".into(),
        toi.clone(),
        Mail::new(FROM, TO, "Kế hoạch").text(GREETING).part(Part::Raw(raw)),
    ));
    let hidden = format!(
        "--=_hidden\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n--=_hidden--\r\n",
        String::from_utf8_lossy(&base64(lines(&d("TUYỆT MẬT", "phương án bảo vệ")).as_bytes())).trim_end()
    );
    later.push((
        "epilogue-hidden-part-tuyet-mat".into(),
        "a marked text hidden as a part of another boundary after the closing boundary (a multipart's epilogue: no reader shows it, the mail carries it)".into(),
        tuyet.clone(),
        Mail::new(FROM, TO, "Thông báo")
            .text(GREETING)
            .file("thong-bao.txt", "text/plain", b"Kinh gui.".to_vec())
            .after_parts(hidden.into_bytes()),
    ));

    // --- A body's own labels (2026-12-06, session 41): a level leading a long line before a
    // dash or a colon, in brackets inside a sentence, alone in a text table's cell, and TỐI MẬT
    // alone on a line lower down a letter, weighed as running text or short of the threshold --
    let body = |text: &str| Mail::new(FROM, TO, "Gửi anh tài liệu").text(text);
    later.push((
        "body-leading-label-toi-mat".into(),
        "a body line led by its label before a dash, longer than a sentence: «TỐI MẬT - Danh sách cán bộ tham gia đợt kiểm tra đột xuất các đơn vị cơ sở»".into(),
        toi.clone(),
        body("Chào chị,\n\nTỐI MẬT - Danh sách cán bộ tham gia đợt kiểm tra đột xuất các đơn vị cơ sở.\n1. Nguyễn Văn A\n2. Trần Thị B\n"),
    ));
    later.push((
        "body-colon-label-mat".into(),
        "a body line led by the one-word level before a colon: «MẬT: phương án phối hợp giữa các lực lượng trong dịp Tết Nguyên đán»".into(),
        mat.clone(),
        body("Gửi anh,\n\nMẬT: phương án phối hợp giữa các lực lượng trong dịp Tết Nguyên đán.\nĐề nghị anh nghiên cứu.\n"),
    ));
    later.push((
        "body-bracketed-label-tuyet-mat".into(),
        "a level in brackets inside a body's sentence: «Phương án bảo vệ (TUYỆT MẬT) đính kèm, đề nghị anh không chuyển tiếp»".into(),
        tuyet.clone(),
        body("Gửi anh,\n\nPhương án bảo vệ mục tiêu (TUYỆT MẬT) đính kèm, đề nghị anh không chuyển tiếp.\n"),
    ));
    later.push((
        "body-stamp-lower-down-toi-mat".into(),
        "TỐI MẬT alone on a line of a forwarded letter, twenty lines down and no document number near it".into(),
        toi.clone(),
        body(&format!(
            "Chuyển anh nội dung dưới đây.\n\n{}\nTỐI MẬT\n\nPhương án phối hợp bảo vệ mục tiêu trong dịp lễ.\n",
            "Nội dung thường lệ của cuộc họp giao ban tuần trước.\n".repeat(20)
        )),
    ));
    later.push((
        "body-text-table-cell-toi-mat".into(),
        "a document register typed as a Markdown table in a body, the level alone in the «Độ mật» column's cell".into(),
        toi.clone(),
        body("Danh mục hồ sơ chuyển giao:\n\n| STT | Tên hồ sơ | Độ mật |\n|---|---|---|\n| 1 | Kế hoạch kiểm tra đột xuất | TỐI MẬT |\n| 2 | Báo cáo tổng kết năm | Thường |\n"),
    ));
    later.push((
        "body-field-after-field-toi-mat".into(),
        "a classification field after another field of a row typed in a body, in small letters: «Trích yếu: …; độ mật: tối mật; số bản: 03»".into(),
        toi.clone(),
        body("Gửi anh thông tin văn bản:\nSố: 12/KH-UBND; trích yếu: Kế hoạch bảo vệ mục tiêu; độ mật: tối mật; số bản: 03.\n"),
    ));
    // Word's paragraph style with All caps, saved as a web page: the capitals are in the style
    // sheet (`p.Domat { text-transform: uppercase }`), the paragraph only names its class.
    let mut styled = String::from(
        "<html xmlns:w=\"urn:schemas-microsoft-com:office:word\"><head><meta http-equiv=Content-Type content=\"text/html; charset=utf-8\"><style><!--\n /* Style Definitions */\n p.MsoNormal, li.MsoNormal\n\t{margin:0cm; font-size:13.0pt; font-family:\"Times New Roman\",serif;}\n p.Domat, li.Domat\n\t{mso-style-name:\"Do mat\"; text-align:center; text-transform:uppercase; font-weight:bold;}\n-->\n</style></head><body lang=VI>",
    );
    for line in d("\u{1}", "phương án bảo vệ mục tiêu") {
        let _ = if line == "\u{1}" {
            write!(styled, "<p class=Domat>Tối mật</p>")
        } else {
            write!(styled, "<p class=MsoNormal>{}</p>", xml(&line))
        };
    }
    styled.push_str("</body></html>");
    later.push((
        "html-doc-stylesheet-allcaps-toi-mat".into(),
        "a Word document saved as a web page under a .doc name, its stamp typed «Tối mật» in a paragraph style with All caps: the capitals in the style sheet (p.Domat { text-transform: uppercase })".into(),
        toi.clone(),
        Mail::new(FROM, TO, "Phương án").text(GREETING).file(
            "phuong-an.doc",
            "application/msword",
            styled.into_bytes(),
        ),
    ));
    // A dispatch as a .docx, its stamp's line given as WordprocessingML of its own.
    let docx_with_stamp = |stamp_xml: &str, topic: &str, subject: &str, name: &str, slug: &str, why: &str| {
        let body: String = d("\u{1}", topic)
            .iter()
            .map(|line| match line.as_str() {
                "\u{1}" => stamp_xml.to_owned(),
                l => w_p(l),
            })
            .collect();
        (
            slug.to_owned(),
            why.to_owned(),
            toi.clone(),
            Mail::new(FROM, TO, subject).text(GREETING).file(
                name,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                Docx {
                    body,
                    ..Docx::default()
                }
                .build(),
            ),
        )
    };
    // A stamp deleted with Track Changes on: the file still carries it (w:delText), LibreOffice
    // shows it struck through, Reject All puts it back.
    later.push(docx_with_stamp(
        "<w:p><w:del w:id=\"1\" w:author=\"Phong TH\" w:date=\"2026-11-30T08:00:00Z\"><w:r><w:rPr><w:b/></w:rPr><w:delText>TỐI MẬT</w:delText></w:r></w:del></w:p>",
        "phương án bảo vệ mục tiêu",
        "Phương án (bản sửa)",
        "phuong-an-ban-sua.docx",
        "docx-tracked-deletion-toi-mat",
        "a .docx whose stamp TỐI MẬT was deleted with Track Changes on and the change never accepted: the file carries it, LibreOffice shows it struck through",
    ));
    // A stamp wrapped in a narrow table cell: «TỐI» and «MẬT» on lines of their own.
    later.push(docx_with_stamp(
        "<w:tbl><w:tr><w:tc><w:tcPr><w:tcW w:w=\"600\" w:type=\"dxa\"/></w:tcPr><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>TỐI</w:t><w:br/><w:t>MẬT</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
        "kế hoạch kiểm tra",
        "Kế hoạch kiểm tra",
        "ke-hoach-kiem-tra.docx",
        "docx-wrapped-stamp-toi-mat",
        "a .docx whose TỐI MẬT stamp is wrapped in a narrow table cell, «TỐI» over «MẬT»: its level, not MẬT",
    ));
    later.push((
        "body-form-columns-field-mat".into(),
        "a dispatch's form typed in a body, two fields a row set apart by a wide gap: «Độ khẩn: Hỏa tốc      Độ mật: Mật»".into(),
        mat.clone(),
        body("Thông tin văn bản đến:\nSố, ký hiệu: 125/SNV-TCCC      Ngày: 30/11/2026\nĐộ khẩn: Hỏa tốc      Độ mật: Mật\nTrích yếu: Kế hoạch rà soát biên chế\n"),
    ));
    later.push((
        "text-layout-column-tuyet-mat".into(),
        "a dispatch saved as text laid out in columns (as `pdftotext -layout` writes one), its stamp in the right column of a line far down a forwarded page: «UBND TỈNH LÂM ĐỒNG            TUYỆT MẬT»".into(),
        tuyet.clone(),
        Mail::new(FROM, TO, "Chuyển văn bản").text(GREETING).file(
            "van-ban.txt",
            "text/plain; charset=utf-8",
            format!(
                "Văn bản chuyển tiếp kèm theo.\n{}\nUBND TỈNH LÂM ĐỒNG                      TUYỆT MẬT\n     SỞ NỘI VỤ\n\n               PHƯƠNG ÁN\n      Phối hợp bảo vệ mục tiêu trọng điểm\n",
                "Nội dung thường lệ của cuộc họp giao ban tuần trước.\n".repeat(18)
            )
            .into_bytes(),
        ),
    ));
    later.push((
        "body-labels-everyday-trap".into(),
        "everyday words leading lines and in brackets (MẬT ONG -, [BẢO MẬT], (MẬT KHẨU), MẬT ĐỘ:), a lone MẬT in a word list far down, a table row listing the three levels: no marking".into(),
        none.clone(),
        body(&format!(
            "Gửi các phòng,\n\nMẬT ONG - Sản phẩm của hợp tác xã Đơn Dương được giới thiệu tại hội chợ năm nay.\n[BẢO MẬT] Hướng dẫn đổi mật khẩu hộp thư công vụ cho toàn thể cán bộ công chức.\nMọi người không chia sẻ (MẬT KHẨU) của mình cho người khác trong bất kỳ trường hợp nào.\nMẬT ĐỘ: dân số trung bình của huyện tăng nhẹ so với cùng kỳ năm trước.\n{}\nĐƯỜNG\nMẬT\nMUỐI\n\n| Mức | TUYỆT MẬT | TỐI MẬT | MẬT |\n|---|---|---|---|\n| Thời hạn | 30 năm | 20 năm | 10 năm |\n",
            "Nội dung thường lệ của cuộc họp giao ban tuần trước.\n".repeat(16)
        )),
    ));

    v.into_iter()
        .map(|(slug, why, symbols, mail)| (slug.to_owned(), why.to_owned(), symbols, mail))
        .chain(systematic)
        .chain(later)
        .enumerate()
        .map(|(i, (slug, why, symbols, mail))| Labelled {
            file: format!("{:03}-{slug}.eml", i + 1),
            why,
            symbols,
            bytes: mail.build(i + 1),
        })
        .collect()
}

/// The expected verdicts, as written to `expected.toml`.
pub fn expected_toml(set: &[Labelled]) -> String {
    let mut s = String::from(
        "# Labelled state-secret markings corpus: written by `canhgac-tools corpus markings --out corpus/markings`\n# (src/bench/labelled.rs). `symbols` lists the MARKING_* symbols the detector must report, exactly.\n",
    );
    for m in set {
        let syms: Vec<String> = m.symbols.iter().map(|s| format!("\"{s}\"")).collect();
        let _ = write!(
            s,
            "\n[[message]]\nfile = \"{}\"\nwhy = \"{}\"\nsymbols = [{}]\n",
            m.file,
            m.why.replace('\\', "\\\\").replace('"', "\\\""),
            syms.join(", ")
        );
    }
    s
}

/// Writes the corpus and `expected.toml` into `dir`.
pub fn write(dir: &Path) -> std::io::Result<usize> {
    std::fs::create_dir_all(dir)?;
    let set = labelled();
    for m in &set {
        std::fs::write(dir.join(&m.file), &m.bytes)?;
    }
    std::fs::write(dir.join("expected.toml"), expected_toml(&set))?;
    Ok(set.len())
}
