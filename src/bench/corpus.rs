//! `canhgac-tools corpus generate`: a deterministic synthetic mix of mail for benchmarks. Vietnamese
//! official dispatches and notices (some stamped with a secrecy marking), English ham and
//! spam-like mail, with .docx, .pdf and .zip attachments; sizes from 2 KB to 25 MB in realistic
//! proportions (most mail small). The same seed gives the same bytes.

use std::io::Write;
use std::path::Path;

/// Which sizes to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Profile {
    /// Realistic: 70% under 20 KB, 15% under 200 KB, 10% under 2 MB, 4% under 10 MB, 1% up to 25 MB.
    Mixed,
    /// 2–20 KB text messages only (protocol and scanner throughput).
    Small,
    /// 2–25 MB messages with attachments (memory and streaming).
    Large,
}

/// A small deterministic generator (xorshift64*), so no dependency decides our bytes.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len() as u64) as usize]
    }
}

const UNITS: &[(&str, &str)] = &[
    ("Sở Tài chính", "stc"),
    ("Sở Nội vụ", "snv"),
    ("Sở Thông tin và Truyền thông", "stttt"),
    ("Văn phòng UBND tỉnh", "vpubnd"),
    ("Sở Kế hoạch và Đầu tư", "skhdt"),
    ("Sở Giáo dục và Đào tạo", "sgddt"),
];

const VN_SENTENCES: &[&str] = &[
    "Ủy ban nhân dân tỉnh đề nghị các cơ quan, đơn vị triển khai thực hiện kế hoạch năm 2027.",
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015.",
    "Đề nghị các đơn vị báo cáo kết quả thực hiện trước ngày 15 tháng 12.",
    "Giao Sở Tài chính chủ trì, phối hợp với các đơn vị liên quan tham mưu thực hiện.",
    "Thủ trưởng các cơ quan, đơn vị chịu trách nhiệm thi hành văn bản này.",
    "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, kịp thời báo cáo để xem xét.",
    "Hội nghị sơ kết công tác chuyển đổi số sẽ được tổ chức tại hội trường tầng 3.",
    "Kinh phí thực hiện từ nguồn ngân sách nhà nước được giao trong dự toán năm.",
];

const EN_SENTENCES: &[&str] = &[
    "Please find the meeting notes from Tuesday attached for your review.",
    "The quarterly report is due at the end of the month; let me know if you need more time.",
    "Thanks for the quick turnaround on the budget figures.",
    "We will discuss the migration plan at the next project meeting.",
];

const SPAM_SENTENCES: &[&str] = &[
    "CONGRATULATIONS!!! You have been selected to receive a FREE gift card worth $1000.",
    "Click here now to claim your prize before the offer expires: http://bit.ly/claim-now",
    "Lowest prices on watches and pharmaceuticals, 90% OFF today only!!!",
    "Khuyến mãi cực sốc, giảm giá 90%, nhấn vào đây để nhận quà ngay hôm nay!!!",
];

fn paragraph(rng: &mut Rng, pool: &[&str], bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 128);
    while s.len() < bytes {
        let sentence: &str = rng.pick::<&str>(pool);
        s.push_str(sentence);
        s.push_str(if rng.below(4) == 0 { "\r\n" } else { " " });
    }
    s
}

pub use crate::mime_out::{base64, zip_of};

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A minimal .docx: paragraphs in word/document.xml, plus `padding` incompressible bytes as an
/// embedded image (so the attachment reaches its size on the wire).
pub fn docx(paragraphs: &[String], padding: &[u8]) -> Vec<u8> {
    let mut body = String::new();
    for p in paragraphs {
        body.push_str(&format!("<w:p><w:r><w:t>{}</w:t></w:r></w:p>", xml_escape(p)));
    }
    let doc = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflate =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let members: [(&str, &[u8], bool); 3] = [
        ("[Content_Types].xml", b"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>", true),
        ("word/document.xml", doc.as_bytes(), true),
        ("word/media/image1.png", padding, false),
    ];
    for (name, data, compress) in members {
        if name.ends_with(".png") && data.is_empty() {
            continue;
        }
        if w.start_file(name, if compress { deflate } else { stored })
            .is_err()
            || w.write_all(data).is_err()
        {
            return Vec::new();
        }
    }
    w.finish().map(|c| c.into_inner()).unwrap_or_default()
}

/// A minimal one-page PDF showing ASCII `lines` (Vietnamese is folded to ASCII: the standard
/// PDF fonts have no Vietnamese glyphs), padded with a binary stream to the wanted size.
pub fn pdf(lines: &[String], padding: &[u8]) -> Vec<u8> {
    let mut content = String::from("BT /F1 11 Tf 50 800 Td 14 TL\n");
    for l in lines {
        let ascii: String = l
            .chars()
            .map(|c| {
                if c.is_ascii() && c != '(' && c != ')' && c != '\\' {
                    c
                } else {
                    '?'
                }
            })
            .collect();
        content.push_str(&format!("({ascii}) Tj T*\n"));
    }
    content.push_str("ET\n");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{content}endstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ];
    let mut out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    offsets.push(out.len());
    out.extend_from_slice(format!("6 0 obj\n<< /Length {} >>\nstream\n", padding.len()).as_bytes());
    out.extend_from_slice(padding);
    out.extend_from_slice(b"\nendstream\nendobj\n");
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1).as_bytes());
    for o in &offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            offsets.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// What one generated message is.
#[derive(Debug, Clone)]
pub struct Generated {
    pub name: String,
    pub kind: &'static str,
    pub marking: Option<&'static str>,
    pub attachment: Option<&'static str>,
    pub bytes: Vec<u8>,
}

fn target_size(rng: &mut Rng, profile: Profile) -> usize {
    let kb = |n: u64| n as usize * 1024;
    match profile {
        Profile::Small => kb(rng.range(2, 20)),
        Profile::Large => kb(rng.range(2 * 1024, 25 * 1024)),
        Profile::Mixed => match rng.below(100) {
            0..70 => kb(rng.range(2, 20)),
            70..85 => kb(rng.range(20, 200)),
            85..95 => kb(rng.range(200, 2048)),
            95..99 => kb(rng.range(2048, 10 * 1024)),
            _ => kb(rng.range(10 * 1024, 25 * 1024)),
        },
    }
}

/// Generates message number `i` of a run with `seed`.
pub fn message(seed: u64, i: u64, profile: Profile) -> Generated {
    let mut rng = Rng::new(seed ^ (i.wrapping_mul(0x100_0000_01B3)));
    let size = target_size(&mut rng, profile);
    let kind = match rng.below(100) {
        0..50 => "vn-dispatch",
        50..65 => "vn-notice",
        65..85 => "en-ham",
        _ => "spam-like",
    };
    let (from_unit, from_id) = *rng.pick(UNITS);
    let (to_unit, to_id) = *rng.pick(UNITS);
    let marking = if kind == "vn-dispatch" && rng.below(10) == 0 {
        Some(*rng.pick(&["MẬT", "TỐI MẬT", "TUYỆT MẬT"]))
    } else {
        None
    };
    let (subject, pool): (String, &[&str]) = match kind {
        "vn-dispatch" => (
            format!("V/v triển khai kế hoạch số {}/KH-UBND", 100 + i),
            VN_SENTENCES,
        ),
        "vn-notice" => (format!("Thông báo lịch họp tuần {}", 1 + i % 52), VN_SENTENCES),
        "en-ham" => (format!("Meeting notes {}", i), EN_SENTENCES),
        _ => ("You WON a FREE prize - claim now!!!".to_owned(), SPAM_SENTENCES),
    };
    let mut text = String::new();
    if kind.starts_with("vn") {
        text.push_str(&format!(
            "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\r\n{}\r\nSố: {}/{}-VP\r\n",
            from_unit.to_uppercase(),
            100 + i,
            from_id.to_uppercase()
        ));
        if let Some(m) = marking {
            text.push_str(&format!("{m}\r\n"));
        }
        text.push_str(&format!("{subject}\r\n\r\nKính gửi: {to_unit}.\r\n\r\n"));
    }
    // Headers take about 450 bytes: fill the text part up to the target (16 KB at most; the rest
    // of a larger message is its attachment).
    let body_len = size.min(16 * 1024).saturating_sub(450 + text.len()).max(300);
    text.push_str(&paragraph(&mut rng, pool, body_len));
    if kind.starts_with("vn") {
        text.push_str("\r\nNơi nhận:\r\n- Như trên;\r\n- Lưu: VT.\r\n");
    }
    let encoded_subject = format!(
        "=?UTF-8?B?{}?=",
        String::from_utf8_lossy(&base64(subject.as_bytes())).trim_end()
    );
    let mut m = format!(
        "From: <{from_id}@lamdong.gov.vn>\r\nTo: <{to_id}@lamdong.gov.vn>\r\nSubject: {encoded_subject}\r\nDate: Mon, 30 Nov 2026 {:02}:{:02}:00 +0700\r\nMessage-ID: <gen.{seed}.{i}@lamdong.gov.vn>\r\nMIME-Version: 1.0\r\n",
        8 + i % 10,
        i % 60
    )
    .into_bytes();
    // Attachment bytes needed to reach the size on the wire (base64 adds a third).
    let room = size.saturating_sub(text.len() + 600) * 3 / 4;
    let attachment = if room > 4096 {
        Some(*rng.pick(&["docx", "pdf", "zip"]))
    } else {
        None
    };
    let Some(kind_att) = attachment else {
        m.extend_from_slice(
            b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n",
        );
        m.extend_from_slice(text.as_bytes());
        m.extend_from_slice(b"\r\n");
        return Generated {
            name: format!("{i:06}.eml"),
            kind,
            marking,
            attachment: None,
            bytes: m,
        };
    };
    let pad_len = room.saturating_sub(2048);
    let mut padding = Vec::with_capacity(pad_len + 8);
    while padding.len() < pad_len {
        padding.extend_from_slice(&rng.next().to_le_bytes());
    }
    padding.truncate(pad_len);
    let paragraphs: Vec<String> = text.split("\r\n").map(str::to_owned).collect();
    let (file, ctype, data) = match kind_att {
        "docx" => (
            format!("van-ban-{i}.docx"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            docx(&paragraphs, &padding),
        ),
        "pdf" => (
            format!("van-ban-{i}.pdf"),
            "application/pdf",
            pdf(&paragraphs, &padding),
        ),
        _ => {
            let inner = docx(&paragraphs, &[]);
            (
                format!("ho-so-{i}.zip"),
                "application/zip",
                zip_of(&[
                    ("van-ban.docx", inner.as_slice()),
                    ("phu-luc.bin", padding.as_slice()),
                ]),
            )
        }
    };
    m.extend_from_slice(b"Content-Type: multipart/mixed; boundary=\"=_canhgac_gen\"\r\n\r\n--=_canhgac_gen\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n");
    m.extend_from_slice(text.as_bytes());
    m.extend_from_slice(
        format!("\r\n--=_canhgac_gen\r\nContent-Type: {ctype}; name=\"{file}\"\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"{file}\"\r\n\r\n").as_bytes(),
    );
    m.extend_from_slice(&base64(&data));
    m.extend_from_slice(b"--=_canhgac_gen--\r\n");
    Generated {
        name: format!("{i:06}.eml"),
        kind,
        marking,
        attachment: Some(kind_att),
        bytes: m,
    }
}

/// Writes `count` messages and a `manifest.tsv` (file, kind, bytes, attachment, marking).
pub fn generate(out: &Path, profile: Profile, count: u64, seed: u64) -> std::io::Result<()> {
    std::fs::create_dir_all(out)?;
    let mut manifest = String::from("file\tkind\tbytes\tattachment\tmarking\n");
    for i in 0..count {
        let g = message(seed, i, profile);
        std::fs::write(out.join(&g.name), &g.bytes)?;
        manifest.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\n",
            g.name,
            g.kind,
            g.bytes.len(),
            g.attachment.unwrap_or("-"),
            g.marking.unwrap_or("-")
        ));
    }
    std::fs::write(out.join("manifest.tsv"), manifest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_bytes_and_sizes_in_range() {
        for i in 0..12 {
            let a = message(7, i, Profile::Mixed);
            let b = message(7, i, Profile::Mixed);
            assert_eq!(a.bytes, b.bytes);
            assert!(
                a.bytes.len() >= 1500 && a.bytes.len() <= 27 * 1024 * 1024,
                "{}",
                a.bytes.len()
            );
        }
        assert_ne!(
            message(7, 0, Profile::Small).bytes,
            message(8, 0, Profile::Small).bytes
        );
        for i in 0..20 {
            let s = message(1, i, Profile::Small).bytes.len();
            assert!((1800..=24 * 1024).contains(&s), "{s}");
        }
    }

    #[test]
    fn attachments_are_real_documents() {
        let mut seen = std::collections::HashSet::new();
        for i in 0..60 {
            let g = message(3, i, Profile::Mixed);
            if let Some(a) = g.attachment {
                seen.insert(a);
            }
        }
        assert!(
            seen.contains("docx") && seen.contains("pdf") && seen.contains("zip"),
            "{seen:?}"
        );
        let d = docx(&["Số: 12/SNV".to_owned()], &[]);
        assert!(crate::extract::is_zip(&d));
        let p = pdf(&["hello".to_owned()], b"xx");
        assert!(p.starts_with(b"%PDF-1.4") && p.ends_with(b"%%EOF\n"));
    }
}
