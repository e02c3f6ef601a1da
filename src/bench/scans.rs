//! The labelled scans corpus (`corpus/scans/`): official documents drawn as a printer would put
//! them on paper (a real serif font, the document header, the độ-mật stamp in its frame below
//! the document number, the red seal), then scanned and photographed the ways they reach the
//! gateway: a greyscale scan skewed and noisy, a black-and-white multi-page scan, a colour scan,
//! a phone photo in perspective with uneven light and JPEG artefacts; carried as image-only
//! PDFs, PNG/JPEG/TIFF attachments, an inline image in HTML and a scan pasted into a .docx.
//! Traps put "HỎA TỐC", "KHẨN", "BẢO MẬT" or "MẬT ĐỘ" boxes where the stamp would sit, or are
//! about honey (mật ong). `canhgac-tools corpus scans --out corpus/scans` rebuilds the committed
//! files byte for byte from the same font (a test checks that); everything random comes from a
//! fixed seed.

use crate::mime_out::{base64, zip_of};
use ab_glyph::{Font, FontVec, PxScale, ScaleFont};
use image::{GrayImage, Luma, Rgb, RgbImage};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

/// Where Debian's fonts-dejavu-core puts the fonts the documents are drawn with.
pub const FONT_DIR: &str = "/usr/share/fonts/truetype/dejavu";

/// One labelled message.
pub struct Scan {
    pub file: String,
    /// How the document travels (for the per-carrier report).
    pub carrier: &'static str,
    pub why: String,
    /// The MARKING_* symbols the detector must report, exactly.
    pub symbols: Vec<&'static str>,
    pub bytes: Vec<u8>,
}

struct Fonts {
    regular: FontVec,
    bold: FontVec,
}

impl Fonts {
    fn load(dir: &Path) -> std::io::Result<Fonts> {
        let read = |name: &str| -> std::io::Result<FontVec> {
            let p = dir.join(name);
            let data = std::fs::read(&p)?;
            FontVec::try_from_vec(data).map_err(|e| {
                std::io::Error::new(std::io::ErrorKind::InvalidData, format!("{}: {e}", p.display()))
            })
        };
        Ok(Fonts {
            regular: read("DejaVuSerif.ttf")?,
            bold: read("DejaVuSerif-Bold.ttf")?,
        })
    }
}

/// A fixed-seed generator (xorshift64*), so every file is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in [-1, 1).
    fn signed(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 23) as f32 - 1.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

// ---------------------------------------------------------------------------------------------
// Drawing

const INK: Rgb<u8> = Rgb([25, 25, 30]);
const RED: Rgb<u8> = Rgb([196, 28, 36]);
const PAGE_W: u32 = 1240;
const PAGE_H: u32 = 1754;

fn text_width(font: &FontVec, size: f32, text: &str) -> f32 {
    let f = font.as_scaled(PxScale::from(size));
    text.chars().map(|c| f.h_advance(f.glyph_id(c))).sum()
}

/// Draws `text` with its baseline at `y`, starting at `x`.
fn draw_text(img: &mut RgbImage, font: &FontVec, size: f32, x: f32, y: f32, text: &str, color: Rgb<u8>) {
    let f = font.as_scaled(PxScale::from(size));
    let mut caret = x;
    for c in text.chars() {
        let id = f.glyph_id(c);
        let glyph = id.with_scale_and_position(PxScale::from(size), ab_glyph::point(caret, y));
        caret += f.h_advance(id);
        if let Some(outlined) = font.outline_glyph(glyph) {
            let b = outlined.px_bounds();
            outlined.draw(|gx, gy, cov| {
                let px = b.min.x as i32 + gx as i32;
                let py = b.min.y as i32 + gy as i32;
                if px < 0 || py < 0 || px >= img.width() as i32 || py >= img.height() as i32 {
                    return;
                }
                let p = img.get_pixel_mut(px as u32, py as u32);
                for k in 0..3 {
                    let v = f32::from(p.0[k]) * (1.0 - cov) + f32::from(color.0[k]) * cov;
                    p.0[k] = v.round().clamp(0.0, 255.0) as u8;
                }
            });
        }
    }
}

fn draw_centered(img: &mut RgbImage, font: &FontVec, size: f32, cx: f32, y: f32, text: &str, color: Rgb<u8>) {
    let w = text_width(font, size, text);
    draw_text(img, font, size, cx - w / 2.0, y, text, color);
}

fn fill(img: &mut RgbImage, x: u32, y: u32, w: u32, h: u32, color: Rgb<u8>) {
    for yy in y..(y + h).min(img.height()) {
        for xx in x..(x + w).min(img.width()) {
            img.put_pixel(xx, yy, color);
        }
    }
}

/// A rectangular frame around `text`, its top-left corner at (x, y).
fn framed(img: &mut RgbImage, font: &FontVec, size: f32, x: u32, y: u32, text: &str, color: Rgb<u8>) {
    let w = text_width(font, size, text) as u32 + 36;
    let h = (size * 1.6) as u32;
    let t = 3;
    fill(img, x, y, w, t, color);
    fill(img, x, y + h - t, w, t, color);
    fill(img, x, y, t, h, color);
    fill(img, x + w - t, y, t, h, color);
    draw_text(
        img,
        font,
        size,
        x as f32 + 18.0,
        y as f32 + size * 1.15,
        text,
        color,
    );
}

/// A round seal outline with its text (bottom right, over the signature).
fn seal(img: &mut RgbImage, cx: f32, cy: f32, r: f32) {
    for y in (cy - r - 4.0) as u32..(cy + r + 4.0) as u32 {
        for x in (cx - r - 4.0) as u32..(cx + r + 4.0) as u32 {
            let d = ((x as f32 - cx).powi(2) + (y as f32 - cy).powi(2)).sqrt();
            if (d - r).abs() < 2.5 || (d - r * 0.62).abs() < 1.5 {
                img.put_pixel(x, y, RED);
            }
        }
    }
}

/// What sits in the stamp's place below the document number.
#[derive(Clone, Copy)]
enum Stamp {
    None,
    Framed(&'static str, Rgb<u8>),
}

const BODY: &[&str] = &[
    "Thực hiện Kế hoạch số 45/KH-UBND ngày 10 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh về",
    "rà soát, sắp xếp tổ chức bộ máy và biên chế các cơ quan hành chính, đơn vị sự nghiệp",
    "công lập trên địa bàn tỉnh, Sở Nội vụ báo cáo kết quả thực hiện như sau:",
    "1. Về tổ chức bộ máy: các sở, ban, ngành đã hoàn thành việc sắp xếp các phòng chuyên",
    "môn theo hướng tinh gọn, giảm đầu mối; các đơn vị sự nghiệp công lập được rà soát và",
    "đề xuất phương án sáp nhập, giải thể đối với những đơn vị hoạt động không hiệu quả.",
    "2. Về biên chế công chức: tổng số biên chế được giao năm 2026 là 2.415 chỉ tiêu, đã sử",
    "dụng 2.298 chỉ tiêu, còn 117 chỉ tiêu chưa sử dụng do đang tổ chức tuyển dụng.",
    "3. Về số lượng người làm việc: các đơn vị đã thực hiện tinh giản theo lộ trình, bảo đảm",
    "tỷ lệ tinh giản tối thiểu theo quy định của Trung ương và của tỉnh.",
    "4. Kiến nghị, đề xuất: đề nghị Ủy ban nhân dân tỉnh xem xét, giao bổ sung biên chế cho",
    "các đơn vị có nhiệm vụ tăng thêm trong năm 2026, đồng thời chỉ đạo các cơ quan liên quan",
    "phối hợp hoàn thiện hồ sơ trình cấp có thẩm quyền phê duyệt trước ngày 30 tháng 6.",
    "Sở Nội vụ kính báo cáo Ủy ban nhân dân tỉnh xem xét, chỉ đạo./.",
];

const HONEY: &[&str] = &[
    "Hợp tác xã Nông nghiệp Đơn Dương giới thiệu sản phẩm mật ong hoa cà phê nguyên chất,",
    "được khai thác tại vùng nguyên liệu của tỉnh Lâm Đồng, đạt chứng nhận OCOP 4 sao.",
    "Sản phẩm mật ong đã được kiểm nghiệm an toàn thực phẩm và đóng chai theo quy chuẩn.",
];

/// A page of an official document as printed.
fn document(fonts: &Fonts, stamp: Stamp, body: &[&str], title: &str) -> RgbImage {
    let mut img = RgbImage::from_pixel(PAGE_W, PAGE_H, Rgb([255, 255, 255]));
    let (r, b) = (&fonts.regular, &fonts.bold);
    let left = 330.0;
    let right = 860.0;
    draw_centered(
        &mut img,
        r,
        19.0,
        left,
        150.0,
        "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
        INK,
    );
    draw_centered(&mut img, b, 19.0, left, 178.0, "SỞ NỘI VỤ", INK);
    fill(&mut img, left as u32 - 50, 188, 100, 2, INK);
    draw_centered(&mut img, r, 19.0, left, 226.0, "Số: 125/SNV-TCCC", INK);
    draw_centered(
        &mut img,
        b,
        19.0,
        right,
        150.0,
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        INK,
    );
    draw_centered(
        &mut img,
        b,
        20.0,
        right,
        178.0,
        "Độc lập - Tự do - Hạnh phúc",
        INK,
    );
    fill(&mut img, right as u32 - 135, 188, 270, 2, INK);
    draw_centered(
        &mut img,
        r,
        19.0,
        right,
        226.0,
        "Lâm Đồng, ngày 16 tháng 11 năm 2026",
        INK,
    );
    if let Stamp::Framed(text, color) = stamp {
        let w = text_width(b, 30.0, text) as u32 + 36;
        framed(&mut img, b, 30.0, left as u32 - w / 2, 252, text, color);
    }
    draw_centered(&mut img, b, 24.0, 620.0, 400.0, title, INK);
    draw_centered(
        &mut img,
        b,
        20.0,
        620.0,
        432.0,
        "Về kết quả rà soát tổ chức bộ máy, biên chế năm 2026",
        INK,
    );
    draw_text(
        &mut img,
        r,
        19.0,
        180.0,
        490.0,
        "Kính gửi: Ủy ban nhân dân tỉnh Lâm Đồng.",
        INK,
    );
    for (i, line) in body.iter().enumerate() {
        draw_text(&mut img, r, 19.0, 180.0, 540.0 + i as f32 * 34.0, line, INK);
    }
    draw_centered(&mut img, b, 19.0, 900.0, 1180.0, "GIÁM ĐỐC", INK);
    seal(&mut img, 870.0, 1250.0, 70.0);
    draw_centered(&mut img, b, 19.0, 900.0, 1360.0, "Nguyễn Văn An", INK);
    draw_text(&mut img, r, 16.0, 180.0, 1180.0, "Nơi nhận:", INK);
    draw_text(&mut img, r, 16.0, 180.0, 1206.0, "- Như trên;", INK);
    draw_text(&mut img, r, 16.0, 180.0, 1230.0, "- Lưu: VT, TCCC.", INK);
    img
}

// ---------------------------------------------------------------------------------------------
// Scanning and photographing

fn bilinear(img: &RgbImage, x: f32, y: f32, background: Rgb<u8>) -> Rgb<u8> {
    if x < 0.0 || y < 0.0 || x >= (img.width() - 1) as f32 || y >= (img.height() - 1) as f32 {
        return background;
    }
    let (x0, y0) = (x as u32, y as u32);
    let (fx, fy) = (x - x0 as f32, y - y0 as f32);
    let p = |dx: u32, dy: u32| img.get_pixel(x0 + dx, y0 + dy).0;
    let mut out = [0u8; 3];
    for (k, o) in out.iter_mut().enumerate() {
        let top = f32::from(p(0, 0)[k]) * (1.0 - fx) + f32::from(p(1, 0)[k]) * fx;
        let bottom = f32::from(p(0, 1)[k]) * (1.0 - fx) + f32::from(p(1, 1)[k]) * fx;
        *o = (top * (1.0 - fy) + bottom * fy).round() as u8;
    }
    Rgb(out)
}

/// The page fed into a scanner `degrees` askew.
fn skewed(img: &RgbImage, degrees: f32) -> RgbImage {
    let (w, h) = img.dimensions();
    let (cx, cy) = (w as f32 / 2.0, h as f32 / 2.0);
    let (s, c) = degrees.to_radians().sin_cos();
    RgbImage::from_fn(w, h, |x, y| {
        let (dx, dy) = (x as f32 - cx, y as f32 - cy);
        bilinear(
            img,
            c * dx + s * dy + cx,
            -s * dx + c * dy + cy,
            Rgb([250, 250, 250]),
        )
    })
}

/// Sensor noise and paper specks.
fn noisy(img: &mut RgbImage, rng: &mut Rng, amount: f32, specks: u32) {
    for p in img.pixels_mut() {
        let n = rng.signed() * amount;
        for k in 0..3 {
            p.0[k] = (f32::from(p.0[k]) + n).clamp(0.0, 255.0) as u8;
        }
    }
    for _ in 0..specks {
        let x = rng.below(u64::from(img.width() - 3)) as u32;
        let y = rng.below(u64::from(img.height() - 3)) as u32;
        fill(
            img,
            x,
            y,
            1 + rng.below(3) as u32,
            1 + rng.below(3) as u32,
            Rgb([60, 60, 60]),
        );
    }
}

fn to_gray(img: &RgbImage) -> GrayImage {
    image::DynamicImage::ImageRgb8(img.clone()).to_luma8()
}

/// A greyscale scan: skewed, noisy, slightly grey paper.
fn grey_scan(page: &RgbImage, degrees: f32, seed: u64) -> GrayImage {
    let mut rng = Rng(seed);
    let mut s = skewed(page, degrees);
    noisy(&mut s, &mut rng, 14.0, 400);
    let g = to_gray(&s);
    GrayImage::from_fn(g.width(), g.height(), |x, y| {
        Luma([g.get_pixel(x, y).0[0].saturating_sub(12)])
    })
}

/// A black-and-white scan: thresholded, so the red stamp is black like the text.
fn bw_scan(page: &RgbImage, degrees: f32, seed: u64) -> GrayImage {
    let mut rng = Rng(seed);
    let s = skewed(page, degrees);
    let g = to_gray(&s);
    GrayImage::from_fn(g.width(), g.height(), |x, y| {
        let v = f32::from(g.get_pixel(x, y).0[0]) + rng.signed() * 30.0;
        Luma([if v < 150.0 { 0 } else { 255 }])
    })
}

/// Solves the 8 unknowns of the homography taking `from` corners to `to` corners.
fn homography(from: [(f32, f32); 4], to: [(f32, f32); 4]) -> [f64; 8] {
    let mut m = [[0f64; 9]; 8];
    for i in 0..4 {
        let (x, y) = (f64::from(from[i].0), f64::from(from[i].1));
        let (u, v) = (f64::from(to[i].0), f64::from(to[i].1));
        m[2 * i] = [x, y, 1.0, 0.0, 0.0, 0.0, -u * x, -u * y, u];
        m[2 * i + 1] = [0.0, 0.0, 0.0, x, y, 1.0, -v * x, -v * y, v];
    }
    for c in 0..8 {
        let pivot = (c..8)
            .max_by(|&a, &b| m[a][c].abs().total_cmp(&m[b][c].abs()))
            .unwrap_or(c);
        m.swap(c, pivot);
        let d = m[c][c];
        if d.abs() < 1e-12 {
            continue;
        }
        for v in m[c].iter_mut().skip(c) {
            *v /= d;
        }
        let row = m[c];
        for (r, other) in m.iter_mut().enumerate() {
            if r != c {
                let f = other[c];
                for (v, p) in other.iter_mut().zip(row.iter()).skip(c) {
                    *v -= f * p;
                }
            }
        }
    }
    let mut h = [0f64; 8];
    for (i, v) in h.iter_mut().enumerate() {
        *v = m[i][8];
    }
    h
}

/// A phone photo of the page lying on a desk: perspective, light falling off to one side,
/// noise, a little blur, then JPEG at phone quality.
fn phone_photo(page: &RgbImage, seed: u64) -> Vec<u8> {
    jpeg(
        &image::DynamicImage::ImageRgb8(phone_photo_pixels(page, seed)),
        72,
    )
}

/// A JPEG as a phone writes a portrait photo: its pixels as the sensor lies (turned a quarter
/// to the left) and an EXIF orientation of 6 saying to turn them a quarter to the right to view.
fn jpeg_with_exif_orientation(upright: &RgbImage, quality: u8) -> Vec<u8> {
    let stored = image::imageops::rotate270(upright);
    let plain = jpeg(&image::DynamicImage::ImageRgb8(stored), quality);
    // APP1 "Exif": a big-endian TIFF header and one IFD entry, Orientation (0x0112) = 6.
    let tiff: &[u8] =
        b"MM\x00\x2a\x00\x00\x00\x08\x00\x01\x01\x12\x00\x03\x00\x00\x00\x01\x00\x06\x00\x00\x00\x00\x00\x00";
    let body = [&b"Exif\x00\x00"[..], tiff].concat();
    let len = (body.len() + 2) as u16;
    let mut out = plain[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(&body);
    out.extend_from_slice(&plain[2..]);
    out
}

fn phone_photo_pixels(page: &RgbImage, seed: u64) -> RgbImage {
    let mut rng = Rng(seed);
    let (w, h) = (1500u32, 2000u32);
    // Where the page's corners land in the photo (clockwise from top left).
    let corners = [(150.0, 120.0), (1360.0, 170.0), (1420.0, 1900.0), (90.0, 1860.0)];
    let (pw, ph) = (page.width() as f32, page.height() as f32);
    // From photo coordinates back to the page's.
    let hm = homography(corners, [(0.0, 0.0), (pw, 0.0), (pw, ph), (0.0, ph)]);
    let desk = Rgb([120, 96, 70]);
    let mut img = RgbImage::from_fn(w, h, |x, y| {
        let (xf, yf) = (f64::from(x), f64::from(y));
        let d = hm[6] * xf + hm[7] * yf + 1.0;
        let sx = (hm[0] * xf + hm[1] * yf + hm[2]) / d;
        let sy = (hm[3] * xf + hm[4] * yf + hm[5]) / d;
        let p = bilinear(page, sx as f32, sy as f32, desk);
        let light = 0.78 + 0.22 * (1.0 - x as f32 / w as f32) - 0.05 * (y as f32 / h as f32);
        Rgb(p.0.map(|c| (f32::from(c) * light).clamp(0.0, 255.0) as u8))
    });
    noisy(&mut img, &mut rng, 10.0, 0);
    image::imageops::blur(&img, 0.8)
}

fn jpeg(img: &image::DynamicImage, quality: u8) -> Vec<u8> {
    let mut out = Vec::new();
    let mut enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality);
    // Grey stays one component (a PDF declaring DeviceGray must get a one-component JPEG).
    let _ = match img {
        image::DynamicImage::ImageLuma8(g) => {
            enc.encode(g.as_raw(), g.width(), g.height(), image::ExtendedColorType::L8)
        }
        other => {
            let rgb = other.to_rgb8();
            enc.encode(
                rgb.as_raw(),
                rgb.width(),
                rgb.height(),
                image::ExtendedColorType::Rgb8,
            )
        }
    };
    out
}

fn png(img: &image::DynamicImage) -> Vec<u8> {
    let mut out = Vec::new();
    let _ = img.write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png);
    out
}

fn tiff(img: &image::DynamicImage) -> Vec<u8> {
    let mut out = Vec::new();
    let _ = img.write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Tiff);
    out
}

// ---------------------------------------------------------------------------------------------
// Carriers

/// A PDF of scanned pages only (no text layer), one image per A4 page: JPEG as DCT, or
/// black-and-white as 1-bit Flate, the way scanner software writes them.
enum PdfImage {
    Jpeg {
        data: Vec<u8>,
        gray: bool,
        w: u32,
        h: u32,
    },
    Bits(GrayImage),
}

fn scanned_pdf(pages: Vec<PdfImage>) -> Vec<u8> {
    scanned_pdf_with_text(pages, &[])
}

/// [`scanned_pdf`], with `text` over the first page as an invisible text layer (render mode 3)
/// when not empty: a scanner's searchable PDF, its own OCR's words without diacritics and
/// without the stamp's (a boxed red stamp is what such OCR misses).
fn scanned_pdf_with_text(pages: Vec<PdfImage>, text: &[&str]) -> Vec<u8> {
    let n = pages.len();
    // The text layer's font follows the pages' objects.
    let font = 3 + 3 * n;
    let mut objects: Vec<(String, Option<Vec<u8>>)> = Vec::new();
    objects.push(("<< /Type /Catalog /Pages 2 0 R >>".into(), None));
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 3 + 3 * i)).collect();
    objects.push((
        format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" ")),
        None,
    ));
    for (i, p) in pages.into_iter().enumerate() {
        let page = 3 + 3 * i;
        let with_text = i == 0 && !text.is_empty();
        let fonts = if with_text {
            format!(" /Font << /F1 {font} 0 R >>")
        } else {
            String::new()
        };
        objects.push((
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 {} 0 R >>{fonts} >> /Contents {} 0 R >>",
                page + 1,
                page + 2
            ),
            None,
        ));
        let (dict, data) = match p {
            PdfImage::Jpeg { data, gray, w, h } => (
                format!(
                    "<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /{} /BitsPerComponent 8 /Filter /DCTDecode /Length {} >>",
                    if gray { "DeviceGray" } else { "DeviceRGB" },
                    data.len()
                ),
                data,
            ),
            PdfImage::Bits(g) => {
                let (w, h) = g.dimensions();
                let row = w.div_ceil(8) as usize;
                let mut bits = vec![0u8; row * h as usize];
                for (x, y, p) in g.enumerate_pixels() {
                    if p.0[0] >= 128 {
                        bits[y as usize * row + x as usize / 8] |= 0x80 >> (x % 8);
                    }
                }
                let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
                let _ = z.write_all(&bits);
                let data = z.finish().unwrap_or_default();
                (
                    format!(
                        "<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /FlateDecode /Length {} >>",
                        data.len()
                    ),
                    data,
                )
            }
        };
        objects.push((dict, Some(data)));
        let mut content = String::from("q 595 0 0 842 0 0 cm /Im0 Do Q");
        if with_text {
            content.push_str("\nBT 3 Tr /F1 10 Tf\n");
            for (i, l) in text.iter().enumerate() {
                let words: String = crate::vietnamese::fold(l)
                    .to_lowercase()
                    .chars()
                    .filter(|c| !matches!(c, '(' | ')' | '\\'))
                    .collect();
                let _ = writeln!(content, "1 0 0 1 70 {} Tm ({words}) Tj", 520 - 14 * i as i32);
            }
            content.push_str("ET\n");
        }
        objects.push((
            format!("<< /Length {} >>", content.len()),
            Some(content.into_bytes()),
        ));
    }
    if !text.is_empty() {
        objects.push((
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".into(),
            None,
        ));
    }
    super::labelled::pdf_file(&objects, "")
}

/// A typed one-page PDF (its text drawn in Helvetica, words without diacritics, as the text
/// layer of a document exported from a word processor) with `picture` put on it where a stamp
/// sits, below the document number, as RGB pixels under Flate (as a pasted PNG is exported).
fn typed_pdf_with_picture(picture: &RgbImage, lines: &[&str]) -> Vec<u8> {
    let (w, h) = picture.dimensions();
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    let _ = z.write_all(picture.as_raw());
    let pixels = z.finish().unwrap_or_default();
    let mut content = String::from("BT /F1 11 Tf\n");
    let header = [
        (72, 790, "UY BAN NHAN DAN TINH LAM DONG"),
        (110, 775, "SO NOI VU"),
        (95, 750, "So: 125/SNV-TCCC"),
        (330, 790, "CONG HOA XA HOI CHU NGHIA VIET NAM"),
        (360, 775, "Doc lap - Tu do - Hanh phuc"),
        (340, 750, "Lam Dong, ngay 16 thang 11 nam 2026"),
        (270, 640, "BAO CAO"),
        (72, 610, "Kinh gui: Uy ban nhan dan tinh Lam Dong."),
    ];
    for (x, y, t) in header {
        let _ = writeln!(content, "1 0 0 1 {x} {y} Tm ({t}) Tj");
    }
    for (i, l) in lines.iter().enumerate() {
        let words: String = crate::vietnamese::fold(l)
            .chars()
            .filter(|c| !matches!(c, '(' | ')' | '\\'))
            .collect();
        let _ = writeln!(content, "1 0 0 1 72 {} Tm ({words}) Tj", 585 - 15 * i as i32);
    }
    content.push_str("ET\n");
    // The picture 110 points wide, below the document number.
    let width = 110.0;
    let height = width * f64::from(h) / f64::from(w);
    let _ = writeln!(
        content,
        "q {width} 0 0 {height:.1} 85 {:.1} cm /Im0 Do Q",
        738.0 - height
    );
    let objects: Vec<(String, Option<Vec<u8>>)> = vec![
        ("<< /Type /Catalog /Pages 2 0 R >>".into(), None),
        ("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(), None),
        (
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> /XObject << /Im0 6 0 R >> >> /Contents 4 0 R >>".into(),
            None,
        ),
        (format!("<< /Length {} >>", content.len()), Some(content.into_bytes())),
        (
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".into(),
            None,
        ),
        (
            format!(
                "<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /Length {} >>",
                pixels.len()
            ),
            Some(pixels),
        ),
    ];
    super::labelled::pdf_file(&objects, "")
}

/// A stamp's picture: `text` in a frame on white, slightly noisy as a scan of it is.
fn stamp_picture(fonts: &Fonts, text: &str, color: Rgb<u8>, seed: u64) -> RgbImage {
    let w = text_width(&fonts.bold, 30.0, text) as u32 + 36;
    let mut img = RgbImage::from_pixel(w + 24, 72, Rgb([255, 255, 255]));
    framed(&mut img, &fonts.bold, 30.0, 12, 12, text, color);
    noisy(&mut img, &mut Rng(seed), 6.0, 20);
    img
}

fn jpeg_page(g: &GrayImage, quality: u8) -> PdfImage {
    PdfImage::Jpeg {
        data: jpeg(&image::DynamicImage::ImageLuma8(g.clone()), quality),
        gray: true,
        w: g.width(),
        h: g.height(),
    }
}

/// A .docx whose body is a sentence and a pasted picture (word/media/image1.png).
fn docx_with_picture(picture: &[u8]) -> Vec<u8> {
    let doc = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body><w:p><w:r><w:t>Kính chuyển bản chụp văn bản để đồng chí xem.</w:t></w:r></w:p><w:p><w:r><w:drawing><wp:inline><wp:extent cx=\"5400000\" cy=\"7600000\"/><wp:docPr id=\"1\" name=\"Picture 1\"/><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic><pic:blipFill><a:blip r:embed=\"rId5\"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p><w:sectPr/></w:body></w:document>";
    let types = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"png\" ContentType=\"image/png\"/><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
    let rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId5\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/image1.png\"/></Relationships>";
    zip_of(&[
        ("[Content_Types].xml", types.as_bytes()),
        ("word/document.xml", doc.as_bytes()),
        ("word/_rels/document.xml.rels", rels.as_bytes()),
        ("word/media/image1.png", picture),
    ])
}

/// An RTF letter with a pasted picture, as Word and WordPad write one: the PNG in a `\pict`
/// group (`\pngblip`) of hex lines, with its shape properties and sizes before the data, and
/// the Windows metafile copy older readers show beside it.
fn rtf_with_picture(picture: &[u8]) -> Vec<u8> {
    format!(
        "{{\\rtf1\\ansi\\ansicpg1252\\deff0\\uc1{{\\fonttbl{{\\f0\\froman Times New Roman;}}}}\\f0\\fs26 K\\u237?nh chuy\\u7875?n b\\u7843?n ch\\u7909?p v\\u259?n b\\u7843?n.\\par\r\n{{\\*\\shppict{{\\pict{{\\*\\picprop\\shplid1025{{\\sp{{\\sn shapeType}}{{\\sv 75}}}}{{\\sp{{\\sn fLayoutInCell}}{{\\sv 1}}}}}}\\picscalex100\\picscaley100\\picw16404\\pich23213\\picwgoal9300\\pichgoal13160\\pngblip\\bliptag-1\r\n{}}}}}{{\\nonshppict{{\\pict\\picscalex100\\picscaley100\\picw16404\\pich23213\\picwgoal9300\\pichgoal13160\\wmetafile8\r\n010009000003}}}}\\par\r\n}}",
        crate::mime_out::rtf_hex(picture)
    )
    .into_bytes()
}

/// A message part: (content type line parameters, disposition, bytes).
struct Attachment {
    ctype: &'static str,
    name: String,
    data: Vec<u8>,
}

const FROM: &str = "vanthu@snv.lamdong.gov.vn";
const TO: &str = "stc@lamdong.gov.vn";

fn headers(n: usize, subject: &str) -> String {
    let b = base64(subject.as_bytes());
    let subject = String::from_utf8_lossy(&b).replace("\r\n", "");
    format!(
        "Return-Path: <{FROM}>\r\nReceived: from mail.lamdong.gov.vn (mail.lamdong.gov.vn [10.10.1.5])\r\n\tby mx.lamdong.gov.vn with ESMTPS id 5S{n:04}\r\n\tfor <{TO}>; Tue, 17 Nov 2026 09:{m:02}:00 +0700\r\nFrom: {FROM}\r\nTo: {TO}\r\nSubject: =?UTF-8?B?{subject}?=\r\nDate: Tue, 17 Nov 2026 09:{m:02}:00 +0700\r\nMessage-ID: <scans-{n:03}@lamdong.gov.vn>\r\nMIME-Version: 1.0\r\n",
        m = n % 60
    )
}

/// A message with a short text and attachments.
/// A message of one attached file (the `build` of [`scans`]' entries).
fn one_file(
    subject: &'static str,
    text: &'static str,
    ctype: &'static str,
    name: &'static str,
    data: Vec<u8>,
) -> impl Fn(usize) -> Vec<u8> {
    move |n| {
        let file = Attachment {
            ctype,
            name: name.into(),
            data: data.clone(),
        };
        mail(n, subject, text, vec![file])
    }
}

fn mail(n: usize, subject: &str, text: &str, files: Vec<Attachment>) -> Vec<u8> {
    let mut out = headers(n, subject).into_bytes();
    let boundary = format!("=_scan_{n:03}");
    let _ = write!(
        out,
        "Content-Type: multipart/mixed; boundary=\"{boundary}\"\r\n\r\n--{boundary}\r\nContent-Type: text/plain; charset=\"utf-8\"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{text}\r\n"
    );
    for f in files {
        let _ = write!(
            out,
            "--{boundary}\r\nContent-Type: {}; name=\"{name}\"\r\nContent-Disposition: attachment; filename=\"{name}\"\r\nContent-Transfer-Encoding: base64\r\n\r\n",
            f.ctype,
            name = f.name
        );
        out.extend_from_slice(&base64(&f.data));
    }
    let _ = write!(out, "--{boundary}--\r\n");
    out
}

/// An HTML message showing a scan inline (multipart/related, `cid:`).
/// A message whose HTML body carries `image` itself, as a `data:` address (a picture pasted
/// into a webmail editor that embeds it, or a mail written by a script).
fn data_uri_html(n: usize, subject: &str, image: &[u8]) -> Vec<u8> {
    let mut out = headers(n, subject).into_bytes();
    let b64: String = String::from_utf8_lossy(&base64(image)).replace("\r\n", "");
    let _ = write!(
        out,
        "Content-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n<html><body><p>Kính gửi đồng chí ảnh chụp văn bản:</p><p><img alt=\"scan\" src=\"data:image/jpeg;base64,{b64}\" width=\"600\"></p></body></html>\r\n"
    );
    out
}

fn inline_html(n: usize, subject: &str, image: &[u8]) -> Vec<u8> {
    let mut out = headers(n, subject).into_bytes();
    let boundary = format!("=_rel_{n:03}");
    let _ = write!(
        out,
        "Content-Type: multipart/related; boundary=\"{boundary}\"; type=\"text/html\"\r\n\r\n--{boundary}\r\nContent-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n<html><body><p>Kính gửi đồng chí bản chụp văn bản:</p><p><img src=\"cid:scan1@lamdong.gov.vn\" width=\"600\"></p></body></html>\r\n--{boundary}\r\nContent-Type: image/jpeg\r\nContent-ID: <scan1@lamdong.gov.vn>\r\nContent-Disposition: inline\r\nContent-Transfer-Encoding: base64\r\n\r\n"
    );
    out.extend_from_slice(&base64(image));
    let _ = write!(out, "--{boundary}--\r\n");
    out
}

/// Every labelled scan, drawn with the fonts in `font_dir`.
pub fn scans(font_dir: &Path) -> std::io::Result<Vec<Scan>> {
    let fonts = Fonts::load(font_dir)?;
    let mut v = Vec::new();
    let mut add =
        |carrier: &'static str, why: &str, symbols: Vec<&'static str>, build: &dyn Fn(usize) -> Vec<u8>| {
            let n = v.len() + 1;
            v.push(Scan {
                file: format!("{n:03}-{carrier}.eml"),
                carrier,
                why: why.to_owned(),
                symbols,
                bytes: build(n),
            });
        };
    let doc = |stamp: Stamp| document(&fonts, stamp, BODY, "BÁO CÁO");
    let mat = vec!["MARKING_MAT"];
    let toi = vec!["MARKING_TOI_MAT"];
    let tuyet = vec!["MARKING_TUYET_MAT"];
    let none: Vec<&'static str> = Vec::new();

    // --- image-only PDFs ------------------------------------------------------------------
    let page = doc(Stamp::Framed("MẬT", INK));
    let grey = grey_scan(&page, 2.3, 11);
    add(
        "pdf-grey-scan",
        "greyscale scan, 2.3° skew, noise, JPEG in an image-only PDF; black MẬT frame",
        mat.clone(),
        &one_file(
            "Báo cáo rà soát biên chế (bản quét)",
            "Kính gửi bản quét báo cáo.",
            "application/pdf",
            "bao-cao-scan.pdf",
            scanned_pdf(vec![jpeg_page(&grey, 60)]),
        ),
    );
    let page = doc(Stamp::Framed("TỐI MẬT", RED));
    let bw1 = bw_scan(&page, -1.2, 12);
    let bw2 = bw_scan(&document(&fonts, Stamp::None, &BODY[3..], "PHỤ LỤC"), 0.8, 13);
    add(
        "pdf-bw-multipage",
        "black-and-white 1-bit scan of two pages (Flate), -1.2° skew; red TỐI MẬT frame turned black",
        toi.clone(),
        &one_file(
            "Kế hoạch (bản quét 2 trang)",
            "Gửi kèm bản quét.",
            "application/pdf",
            "ke-hoach.pdf",
            scanned_pdf(vec![PdfImage::Bits(bw1.clone()), PdfImage::Bits(bw2.clone())]),
        ),
    );
    let page = doc(Stamp::Framed("TUYỆT MẬT", RED));
    let mut colour = skewed(&page, -1.6);
    noisy(&mut colour, &mut Rng(14), 10.0, 200);
    add(
        "pdf-colour-scan",
        "colour scan, -1.6° skew, red TUYỆT MẬT frame, JPEG in an image-only PDF",
        tuyet.clone(),
        &|n| {
            let data = jpeg(&image::DynamicImage::ImageRgb8(colour.clone()), 70);
            mail(
                n,
                "Phương án (bản quét màu)",
                "Gửi kèm bản quét màu.",
                vec![Attachment {
                    ctype: "application/pdf",
                    name: "phuong-an.pdf".into(),
                    data: scanned_pdf(vec![PdfImage::Jpeg {
                        data,
                        gray: false,
                        w: colour.width(),
                        h: colour.height(),
                    }]),
                }],
            )
        },
    );

    // --- images ---------------------------------------------------------------------------
    let page = doc(Stamp::Framed("TỐI MẬT", INK));
    let g = grey_scan(&page, 0.9, 21);
    add(
        "png-scan",
        "greyscale scan as a PNG attachment, black TỐI MẬT frame",
        toi.clone(),
        &one_file(
            "Văn bản scan",
            "Gửi kèm ảnh quét.",
            "image/png",
            "van-ban.png",
            png(&image::DynamicImage::ImageLuma8(g.clone())),
        ),
    );
    let page = doc(Stamp::Framed("MẬT", RED));
    let photo = phone_photo(&page, 22);
    add(
        "jpeg-phone-photo",
        "phone photo (perspective, uneven light, JPEG 72) of a page with a red MẬT frame",
        mat.clone(),
        &one_file(
            "Ảnh chụp công văn",
            "Em gửi ảnh chụp công văn ạ.",
            "image/jpeg",
            "IMG_20261117_0912.jpg",
            photo.clone(),
        ),
    );
    let page = doc(Stamp::Framed("MẬT", INK));
    let g = grey_scan(&page, -0.7, 23);
    add(
        "html-inline-image",
        "a greyscale scan shown inline in an HTML message (multipart/related, cid:)",
        mat.clone(),
        &|n| {
            inline_html(
                n,
                "Công văn (ảnh trong thư)",
                &jpeg(&image::DynamicImage::ImageLuma8(g.clone()), 65),
            )
        },
    );
    let page = doc(Stamp::Framed("TỐI MẬT", RED));
    let mut c = skewed(&page, 0.5);
    noisy(&mut c, &mut Rng(24), 8.0, 100);
    let half = image::imageops::resize(&c, 930, 1316, image::imageops::FilterType::Triangle);
    add(
        "docx-pasted-scan",
        "a colour scan pasted into a .docx (word/media/image1.png), red TỐI MẬT frame",
        toi.clone(),
        &one_file(
            "Văn bản (dán ảnh vào Word)",
            "Gửi file Word.",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "van-ban-scan.docx",
            docx_with_picture(&png(&image::DynamicImage::ImageRgb8(half.clone()))),
        ),
    );
    let page = doc(Stamp::Framed("TUYỆT MẬT", INK));
    let bw = bw_scan(&page, 1.5, 25);
    add(
        "tiff-bw-scan",
        "black-and-white scan as a TIFF attachment, 1.5° skew, TUYỆT MẬT frame",
        tuyet.clone(),
        &one_file(
            "Bản fax",
            "Gửi bản fax.",
            "image/tiff",
            "fax-0017.tif",
            tiff(&image::DynamicImage::ImageLuma8(bw.clone())),
        ),
    );
    add(
        "doc-pasted-scan",
        "the colour scan of the .docx above pasted into a Word 97 .doc by LibreOffice (its Data stream; corpus/sources/van-ban-scan.doc)",
        toi.clone(),
        &one_file(
            "Văn bản (dán ảnh vào Word 97)",
            "Gửi file Word.",
            "application/msword",
            "van-ban-scan.doc",
            include_bytes!("../../corpus/sources/van-ban-scan.doc").to_vec(),
        ),
    );

    // --- traps ----------------------------------------------------------------------------
    for (i, (word, colour, carrier)) in [
        ("HỎA TỐC", RED, "trap-hoa-toc-box"),
        ("KHẨN", RED, "trap-khan-box"),
        ("BẢO MẬT", INK, "trap-bao-mat-box"),
        ("MẬT ĐỘ", INK, "trap-mat-do-box"),
    ]
    .into_iter()
    .enumerate()
    {
        let page = doc(Stamp::Framed(word, colour));
        let g = grey_scan(&page, 1.0 - i as f32 * 0.6, 31 + i as u64);
        add(
            carrier,
            &format!("trap: a {word} box where a độ-mật stamp would sit (scanned PDF)"),
            none.clone(),
            &|n| {
                mail(
                    n,
                    "Văn bản (bản quét)",
                    "Gửi kèm bản quét.",
                    vec![Attachment {
                        ctype: "application/pdf",
                        name: "van-ban.pdf".into(),
                        data: scanned_pdf(vec![jpeg_page(&g, 65)]),
                    }],
                )
            },
        );
    }
    let honey = {
        let mut img = RgbImage::from_pixel(1600, 1000, Rgb([245, 236, 200]));
        framed(&mut img, &fonts.bold, 64.0, 330, 260, "MẬT ONG", RED);
        draw_centered(
            &mut img,
            &fonts.bold,
            40.0,
            800.0,
            560.0,
            "HOA CÀ PHÊ LÂM ĐỒNG",
            INK,
        );
        draw_centered(
            &mut img,
            &fonts.regular,
            30.0,
            800.0,
            640.0,
            "Nguyên chất 100% - 500 ml",
            INK,
        );
        noisy(&mut img, &mut Rng(41), 8.0, 0);
        jpeg(&image::DynamicImage::ImageRgb8(img), 80)
    };
    add(
        "trap-honey-label-photo",
        "trap: a photo of a honey label with MẬT ONG in a red frame",
        none.clone(),
        &one_file(
            "Giới thiệu sản phẩm OCOP",
            "Gửi ảnh nhãn sản phẩm.",
            "image/jpeg",
            "nhan-mat-ong.jpg",
            honey.clone(),
        ),
    );
    let page = document(&fonts, Stamp::None, HONEY, "THÔNG BÁO");
    let g = grey_scan(&page, 0.4, 42);
    add(
        "trap-clean-scan",
        "trap: a scanned announcement about honey (mật ong), no stamp",
        none.clone(),
        &one_file(
            "Thông báo (bản quét)",
            "Gửi kèm.",
            "application/pdf",
            "thong-bao.pdf",
            scanned_pdf(vec![jpeg_page(&g, 65)]),
        ),
    );

    // --- a scanner's searchable PDF ---------------------------------------------------------
    let page = doc(Stamp::Framed("MẬT", RED));
    let mut searchable = skewed(&page, 0.7);
    noisy(&mut searchable, &mut Rng(31), 8.0, 150);
    add(
        "pdf-searchable-scan",
        "colour scan under the scanner's invisible OCR text layer (the body's words without diacritics, not the stamp's), red MẬT frame",
        mat.clone(),
        &|n| {
            let data = jpeg(&image::DynamicImage::ImageRgb8(searchable.clone()), 70);
            mail(
                n,
                "Công văn (bản quét có lớp chữ)",
                "Gửi kèm bản quét công văn.",
                vec![Attachment {
                    ctype: "application/pdf",
                    name: "cong-van-scan-ocr.pdf".into(),
                    data: scanned_pdf_with_text(
                        vec![PdfImage::Jpeg {
                            data,
                            gray: false,
                            w: searchable.width(),
                            h: searchable.height(),
                        }],
                        BODY,
                    ),
                }],
            )
        },
    );

    // --- a photo carried in the HTML body itself (a data: address) -------------------------
    let page = doc(Stamp::Framed("TỐI MẬT", RED));
    let mut photo = skewed(&page, -1.2);
    noisy(&mut photo, &mut Rng(43), 10.0, 120);
    add(
        "html-data-uri-photo",
        "a colour photo of a page carried in the HTML body itself (<img src=\"data:image/jpeg;base64,…\">), red TỐI MẬT frame",
        toi.clone(),
        &|n| {
            data_uri_html(
                n,
                "Công văn (ảnh dán trong thư)",
                &jpeg(&image::DynamicImage::ImageRgb8(photo.clone()), 70),
            )
        },
    );

    // --- a stamp's picture put on a typed document ------------------------------------------
    let stamp = stamp_picture(&fonts, "TỐI MẬT", RED, 51);
    add(
        "pdf-typed-stamp-picture",
        "a typed PDF (a text layer, no scan) with a picture of a red TỐI MẬT stamp put below the document number",
        toi.clone(),
        &one_file(
            "Báo cáo kết quả rà soát biên chế",
            "Kính gửi báo cáo.",
            "application/pdf",
            "bao-cao.pdf",
            typed_pdf_with_picture(&stamp, BODY),
        ),
    );
    let urgent = stamp_picture(&fonts, "HỎA TỐC", RED, 52);
    add(
        "trap-pdf-typed-urgent-picture",
        "trap: a typed PDF with a picture of a red HỎA TỐC stamp where a độ-mật stamp would sit",
        none.clone(),
        &one_file(
            "Báo cáo khẩn",
            "Kính gửi báo cáo.",
            "application/pdf",
            "bao-cao-khan.pdf",
            typed_pdf_with_picture(&urgent, BODY),
        ),
    );

    // --- pages fed upside down or on their side, a photo turned by its EXIF orientation -------
    let page = doc(Stamp::Framed("TUYỆT MẬT", RED));
    let upside_down = image::imageops::rotate180(&grey_scan(&page, 0.6, 61));
    add(
        "pdf-upside-down-scan",
        "greyscale scan of a page fed upside down (turned half a turn), red TUYỆT MẬT frame turned grey, JPEG in an image-only PDF",
        tuyet.clone(),
        &one_file(
            "Báo cáo (bản quét)",
            "Gửi kèm bản quét.",
            "application/pdf",
            "bao-cao-quet.pdf",
            scanned_pdf(vec![jpeg_page(&upside_down, 65)]),
        ),
    );
    let page = doc(Stamp::Framed("MẬT", INK));
    let sideways = image::imageops::rotate90(&grey_scan(&page, -0.5, 62));
    add(
        "png-sideways-scan",
        "greyscale scan of a page lying on its side (turned a quarter to the right) as a PNG, black MẬT frame",
        mat.clone(),
        &one_file(
            "Văn bản scan",
            "Gửi kèm ảnh quét.",
            "image/png",
            "scan0001.png",
            png(&image::DynamicImage::ImageLuma8(sideways.clone())),
        ),
    );
    let page = doc(Stamp::Framed("TỐI MẬT", RED));
    let portrait = phone_photo_pixels(&page, 63);
    add(
        "jpeg-phone-photo-exif-orientation",
        "phone photo of a page stored as the sensor lies, turned upright by its EXIF orientation (6), red TỐI MẬT frame",
        toi.clone(),
        &one_file(
            "Ảnh chụp công văn",
            "Em gửi ảnh chụp.",
            "image/jpeg",
            "IMG_20261205_0815.jpg",
            jpeg_with_exif_orientation(&portrait, 80),
        ),
    );
    let page = doc(Stamp::Framed("KHẨN", RED));
    let upside_down_urgent = image::imageops::rotate180(&grey_scan(&page, 0.3, 64));
    add(
        "trap-upside-down-khan-box",
        "trap: a page fed upside down with a KHẨN box where the stamp sits",
        none.clone(),
        &one_file(
            "Công văn khẩn (bản quét)",
            "Gửi kèm.",
            "application/pdf",
            "cong-van-khan.pdf",
            scanned_pdf(vec![jpeg_page(&upside_down_urgent, 65)]),
        ),
    );
    // corpus/sources/scan-bw-password.pdf: 002's scan encrypted by qpdf with a user password
    // (AES-256; qpdf writes random IVs, so the file is committed, not remade here).
    add(
        "pdf-scan-password-in-body",
        "the black-and-white two-page scan of 002 encrypted with a user password the body gives («Mật khẩu: QT-2026»): opened, rendered with it, read by OCR",
        toi.clone(),
        &one_file(
            "Kế hoạch (bản quét)",
            "Gửi kèm bản quét. Mật khẩu: QT-2026",
            "application/pdf",
            "ke-hoach.pdf",
            include_bytes!("../../corpus/sources/scan-bw-password.pdf").to_vec(),
        ),
    );
    // A scan pasted into a rich-text document (WordPad, Word's «Save as RTF», Outlook's rich
    // text): read as nothing before 2026-12-06.
    add(
        "rtf-pasted-scan",
        "the colour scan of the .docx above pasted into an RTF letter (a \\pict\\pngblip group of hex lines, as Word and WordPad write it)",
        toi.clone(),
        &one_file(
            "Văn bản (RTF)",
            "Gửi file RTF.",
            "application/rtf",
            "van-ban-scan.rtf",
            rtf_with_picture(&png(&image::DynamicImage::ImageRgb8(half.clone()))),
        ),
    );
    Ok(v)
}

/// `expected.toml` for the set.
pub fn expected_toml(set: &[Scan]) -> String {
    let mut s = String::from(
        "# Labelled scans corpus: written by `canhgac-tools corpus scans --out corpus/scans` (src/bench/scans.rs).\n# `symbols` lists the MARKING_* symbols the detector must report, exactly; `carrier` how the document travels.\n",
    );
    for m in set {
        let syms: Vec<String> = m.symbols.iter().map(|s| format!("\"{s}\"")).collect();
        let _ = write!(
            s,
            "\n[[message]]\nfile = \"{}\"\ncarrier = \"{}\"\nwhy = \"{}\"\nsymbols = [{}]\n",
            m.file,
            m.carrier,
            m.why.replace('\\', "\\\\").replace('"', "\\\""),
            syms.join(", ")
        );
    }
    s
}

/// Writes the corpus and `expected.toml` into `dir`.
pub fn write(dir: &Path, font_dir: &Path) -> std::io::Result<usize> {
    std::fs::create_dir_all(dir)?;
    let set = scans(font_dir)?;
    for m in &set {
        std::fs::write(dir.join(&m.file), &m.bytes)?;
    }
    std::fs::write(dir.join("expected.toml"), expected_toml(&set))?;
    Ok(set.len())
}
