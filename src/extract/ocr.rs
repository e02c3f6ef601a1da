//! OCR of scans and photos, looking where a state-secret stamp sits first.
//!
//! Vietnamese practice (Thông tư 24/2020/TT-BCA) puts the độ-mật stamp in a rectangular frame,
//! usually red, below the document number at the top left of the first page. Reading a whole
//! A4 page with tesseract costs ~4 s of CPU and still misses a boxed "MẬT" in a greyscale scan
//! or a phone photo; the same stamp read from inside its frame, as one line, takes
//! milliseconds. So an image is read in this order:
//!
//! 1. decoded within a pixel limit (the `image` crate), turned as its EXIF orientation says,
//!    the top of a page-shaped image taken (a photo of an envelope is taken whole) and scaled
//!    to a working width; a page fed upside down or lying on its side (its lines run down the
//!    image, or its letters hang below their lines) is read turned upright too;
//! 2. deskewed (the angle whose row profile of dark pixels is sharpest);
//! 3. rectangular frames found among the dark pixels and among the red ones (connected
//!    components whose bounding box is covered on all four sides and empty inside), each
//!    frame's interior read as a single line (`--psm 7`);
//! 4. the red ink alone (pixels whose red clearly dominates) read as a block;
//! 5. the whole page only when the configuration asks for it.
//!
//! Tesseract runs as a program of its own (with `OMP_THREAD_LIMIT=1`), all the crops of one
//! image in one run through a list file, killed at the deadline; PDF pages without text are
//! rendered by poppler's `pdftoppm` the same way. Both crash alone. What OCR reads of an image
//! is remembered by the image's SHA-256 for the life of the process.

use crate::config::OcrConfig;
use image::{GrayImage, ImageDecoder, Luma, RgbImage};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, VecDeque};
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Where a piece of OCR text was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Region {
    /// The interior of a rectangular frame at the top of the page (a stamp's place).
    Frame,
    /// The red ink at the top of the page.
    RedInk,
    /// The whole page (`[ocr] whole_page`).
    Page,
}

/// Text read from one region of an image.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RegionText {
    pub region: Region,
    pub text: String,
}

/// Why (part of) an image could not be read.
pub type OcrError = String;

/// Width the top of a page is scaled to before it is analysed: about 150 dpi for A4, where a
/// stamp's capitals are 25–35 pixels high (measured: BENCHMARKS.md, "OCR").
const WORK_WIDTH: u32 = 1300;
/// A page-shaped image (taller than wide by this much) is read at its top only.
const PAGE_ASPECT: f32 = 1.2;
/// The share of a page's height where the stamp sits (below the document number).
const TOP_SHARE: f32 = 0.42;
/// The skew angles tried, degrees (a scanner feeds pages a few degrees off at most).
const MAX_SKEW: f32 = 6.0;
const SKEW_STEP: f32 = 0.25;
/// Frames read per image (the largest first); more is noise, not stamps.
const MAX_FRAMES: usize = 8;
/// Red pixels needed before the red ink is read at all.
const MIN_RED_PIXELS: usize = 150;

/// Reads an image's pixels within `max_pixels` (width × height).
pub fn decode(data: &[u8], max_pixels: u64) -> Result<RgbImage, OcrError> {
    let reader = || {
        image::ImageReader::new(std::io::Cursor::new(data))
            .with_guessed_format()
            .map_err(|e| format!("cannot read the image: {e}"))
    };
    let (w, h) = reader()?
        .into_dimensions()
        .map_err(|e| format!("cannot read the image: {e}"))?;
    let pixels = u64::from(w) * u64::from(h);
    if pixels > max_pixels {
        return Err(format!(
            "the image has {w}×{h} pixels, more than ocr.max_pixels ({max_pixels})"
        ));
    }
    let mut r = reader()?;
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(pixels.saturating_mul(8).saturating_add(64 << 20));
    r.limits(limits);
    // A phone keeps its sensor's pixels and says in the EXIF data how to turn them (a portrait
    // photo is stored lying on its side): the picture is turned as a viewer shows it.
    let mut decoder = r
        .into_decoder()
        .map_err(|e| format!("cannot decode the image: {e}"))?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut img =
        image::DynamicImage::from_decoder(decoder).map_err(|e| format!("cannot decode the image: {e}"))?;
    img.apply_orientation(orientation);
    Ok(img.to_rgb8())
}

/// Images smaller than this on either side are icons, logos and tracking pixels: no stamp can be
/// read in them, so they are not read (nor counted against `[ocr] max_images`).
pub const MIN_SIDE: u32 = 120;

/// An image's width and height from its header, without decoding it.
pub fn dimensions(data: &[u8]) -> Option<(u32, u32)> {
    image::ImageReader::new(std::io::Cursor::new(data))
        .with_guessed_format()
        .ok()?
        .into_dimensions()
        .ok()
}

/// Image formats the `image` crate does not decode: phones' HEIF/HEIC and AVIF photos, read
/// through libheif's `heif-convert` (`[ocr] heif_convert`); JPEG 2000 and JPEG XL, not read
/// (what OCR could not read: `OCR_INCOMPLETE`, never passed as read).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Foreign {
    Heif,
    Jpeg2000,
    JpegXl,
}

impl Foreign {
    pub fn name(self) -> &'static str {
        match self {
            Foreign::Heif => "HEIF/HEIC or AVIF",
            Foreign::Jpeg2000 => "JPEG 2000",
            Foreign::JpegXl => "JPEG XL",
        }
    }
}

/// The foreign image format bytes start with: an ISO media file whose brand is HEIF's or
/// AVIF's (an iPhone's `.HEIC`), a JPEG 2000 file or codestream, a JPEG XL one.
pub fn foreign_format(head: &[u8]) -> Option<Foreign> {
    const HEIF_BRANDS: [&[u8; 4]; 12] = [
        b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs", b"mif1", b"msf1", b"avif",
        b"avis",
    ];
    if head.get(4..8) == Some(b"ftyp")
        && head
            .get(8..12)
            .is_some_and(|b| HEIF_BRANDS.iter().any(|h| *h == b))
    {
        Some(Foreign::Heif)
    } else if head.starts_with(b"\0\0\0\x0cjP  \r\n\x87\n") || head.starts_with(b"\xFF\x4F\xFF\x51") {
        Some(Foreign::Jpeg2000)
    } else if head.starts_with(b"\0\0\0\x0cJXL \r\n\x87\n") || head.starts_with(b"\xFF\x0A") {
        Some(Foreign::JpegXl)
    } else {
        None
    }
}

/// Whether bytes start like an image: a format we decode, or a [`Foreign`] one (read through
/// a converter, or counted unread).
pub fn is_image(head: &[u8]) -> bool {
    foreign_format(head).is_some()
        || head.starts_with(b"\x89PNG\r\n\x1a\n")
        || head.starts_with(b"\xFF\xD8\xFF")
        || head.starts_with(b"GIF87a")
        || head.starts_with(b"GIF89a")
        || head.starts_with(b"BM")
        || head.starts_with(b"II*\0")
        || head.starts_with(b"MM\0*")
        || (head.len() >= 12 && head.starts_with(b"RIFF") && &head[8..12] == b"WEBP")
}

// ---------------------------------------------------------------------------------------------
// The stamp's place

/// The part of an image where a stamp is looked for, scaled to the working width.
pub fn stamp_area(img: &RgbImage) -> RgbImage {
    let (w, h) = img.dimensions();
    let page = h as f32 >= w as f32 * PAGE_ASPECT;
    let top = if page {
        ((h as f32 * TOP_SHARE) as u32).max(1)
    } else {
        h
    };
    let area = image::imageops::crop_imm(img, 0, 0, w, top).to_image();
    scale_to_width(&area, WORK_WIDTH)
}

fn scale_to_width(img: &RgbImage, width: u32) -> RgbImage {
    let (w, h) = img.dimensions();
    if w == 0 || h == 0 {
        return img.clone();
    }
    // Down to the working width; small images up, at most twice.
    let target = if w > width {
        width
    } else {
        (w * 2).min(width).max(w)
    };
    if target == w {
        return img.clone();
    }
    let nh = ((u64::from(h) * u64::from(target)) / u64::from(w)).max(1) as u32;
    image::imageops::resize(img, target, nh, image::imageops::FilterType::Triangle)
}

/// Luminance.
pub fn gray(img: &RgbImage) -> GrayImage {
    image::DynamicImage::ImageRgb8(img.clone()).to_luma8()
}

/// Red ink as black on white: pixels whose red channel clearly dominates.
pub fn red_mask(img: &RgbImage) -> GrayImage {
    GrayImage::from_fn(img.width(), img.height(), |x, y| {
        let p = img.get_pixel(x, y).0;
        let (r, g, b) = (i32::from(p[0]), i32::from(p[1]), i32::from(p[2]));
        let red = r >= 110 && r - g >= 55 && r - b >= 45 && r * 10 >= g * 17;
        Luma([if red { 0 } else { 255 }])
    })
}

/// Otsu's threshold of a grey image: dark pixels are those below it.
pub fn otsu(img: &GrayImage) -> u8 {
    let mut hist = [0u64; 256];
    for p in img.pixels() {
        hist[p.0[0] as usize] += 1;
    }
    let total: u64 = hist.iter().sum();
    if total == 0 {
        return 128;
    }
    let sum: f64 = hist.iter().enumerate().map(|(i, &n)| i as f64 * n as f64).sum();
    let (mut sum_b, mut w_b, mut best, mut best_t) = (0.0f64, 0u64, -1.0f64, 128u8);
    for (t, &n) in hist.iter().enumerate() {
        w_b += n;
        if w_b == 0 {
            continue;
        }
        let w_f = total - w_b;
        if w_f == 0 {
            break;
        }
        sum_b += t as f64 * n as f64;
        let m_b = sum_b / w_b as f64;
        let m_f = (sum - sum_b) / w_f as f64;
        let between = w_b as f64 * w_f as f64 * (m_b - m_f) * (m_b - m_f);
        if between > best {
            best = between;
            best_t = t as u8;
        }
    }
    best_t
}

/// A binary image: true where dark.
pub struct Binary {
    pub width: usize,
    pub height: usize,
    pub dark: Vec<bool>,
}

impl Binary {
    pub fn of(img: &GrayImage, threshold: u8) -> Binary {
        Binary {
            width: img.width() as usize,
            height: img.height() as usize,
            dark: img.pixels().map(|p| p.0[0] <= threshold).collect(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// A page fed upside down or lying on its side

/// A page turned clockwise by quarter turns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Turn {
    Quarter,
    Half,
    ThreeQuarters,
}

/// `img` turned clockwise by `t`.
pub fn turned(img: &RgbImage, t: Turn) -> RgbImage {
    match t {
        Turn::Quarter => image::imageops::rotate90(img),
        Turn::Half => image::imageops::rotate180(img),
        Turn::ThreeQuarters => image::imageops::rotate270(img),
    }
}

impl Binary {
    /// The same pixels turned clockwise by `t`.
    fn turned(&self, t: Turn) -> Binary {
        let (w, h) = (self.width, self.height);
        let at = |x: usize, y: usize| self.dark[y * w + x];
        let (nw, nh) = match t {
            Turn::Half => (w, h),
            Turn::Quarter | Turn::ThreeQuarters => (h, w),
        };
        let mut dark = Vec::with_capacity(nw * nh);
        for y in 0..nh {
            for x in 0..nw {
                dark.push(match t {
                    Turn::Quarter => at(y, h - 1 - x),
                    Turn::Half => at(w - 1 - x, h - 1 - y),
                    Turn::ThreeQuarters => at(w - 1 - y, x),
                });
            }
        }
        Binary {
            width: nw,
            height: nh,
            dark,
        }
    }
}

/// The long side a page is scaled to before its orientation is judged.
const ORIENTATION_SIDE: u32 = 800;
/// Images smaller than this on either side (a stamp's picture, a label) are read as they are.
const ORIENTATION_MIN_SIDE: u32 = 300;
/// Strips a page is cut into, pixels wide at [`ORIENTATION_SIDE`], so that a few degrees of
/// skew do not merge its lines.
const ORIENTATION_STRIP: usize = 64;

/// How sharply dark pixels gather into rows and into columns (sums of squared counts, in
/// strips): text lines running across a page make the rows sharper.
fn profile_sharpness(b: &Binary) -> (f64, f64) {
    let (w, h) = (b.width, b.height);
    let mut rows = 0.0;
    let mut cols = 0.0;
    let mut counts = vec![0u32; w];
    for x0 in (0..w).step_by(ORIENTATION_STRIP) {
        rows += (0..h)
            .map(|y| {
                let c = b.dark[y * w + x0..y * w + (x0 + ORIENTATION_STRIP).min(w)]
                    .iter()
                    .filter(|d| **d)
                    .count() as f64;
                c * c
            })
            .sum::<f64>();
    }
    for y0 in (0..h).step_by(ORIENTATION_STRIP) {
        counts[..w].iter_mut().for_each(|c| *c = 0);
        for y in y0..(y0 + ORIENTATION_STRIP).min(h) {
            for (x, d) in b.dark[y * w..(y + 1) * w].iter().enumerate() {
                counts[x] += u32::from(*d);
            }
        }
        cols += counts[..w]
            .iter()
            .map(|&c| f64::from(c) * f64::from(c))
            .sum::<f64>();
    }
    (rows, cols)
}

/// Ink above the x-height band of each text line against ink below it, over every line of
/// every strip. Latin letters rise more than they descend (b d h k l against g p q y) and
/// Vietnamese puts most of its marks above the letters, so an upright page gives well over 1
/// and the same page upside down well under.
fn ascender_ratio(b: &Binary) -> f64 {
    let (w, h) = (b.width, b.height);
    let (mut above, mut below) = (0u64, 0u64);
    let mut counts = vec![0u32; h];
    for x0 in (0..w).step_by(ORIENTATION_STRIP) {
        for (y, c) in counts.iter_mut().enumerate() {
            *c = b.dark[y * w + x0..y * w + (x0 + ORIENTATION_STRIP).min(w)]
                .iter()
                .filter(|d| **d)
                .count() as u32;
        }
        let mut y = 0;
        while y < h {
            if counts[y] == 0 {
                y += 1;
                continue;
            }
            let start = y;
            while y < h && counts[y] > 0 {
                y += 1;
            }
            let band = &counts[start..y];
            if !(5..=60).contains(&band.len()) {
                continue;
            }
            let max = band.iter().copied().max().unwrap_or(0);
            let core = |c: &u32| *c * 2 >= max;
            let (Some(top), Some(bottom)) = (band.iter().position(core), band.iter().rposition(core)) else {
                continue;
            };
            above += band[..top].iter().map(|&c| u64::from(c)).sum::<u64>();
            below += band[bottom + 1..].iter().map(|&c| u64::from(c)).sum::<u64>();
        }
    }
    above as f64 / below.max(1) as f64
}

/// The other ways a page may have to be turned to be read where its stamp sits, besides as it
/// is: half a turn when its lines run across but its letters hang down (a page fed upside
/// down), a quarter turn either way, the likelier first, when its lines run down the image (a
/// page scanned or photographed on its side). Nothing when it reads as it is or cannot be told
/// (a photo in perspective, a picture with little text). Reading a turn too many costs time,
/// never a stamp: the page is always read as it is too.
pub fn other_orientations(img: &RgbImage) -> Vec<Turn> {
    let (w, h) = img.dimensions();
    if w.min(h) < ORIENTATION_MIN_SIDE {
        return Vec::new();
    }
    let scale = f64::from(ORIENTATION_SIDE) / f64::from(w.max(h));
    let (sw, sh) = (
        ((f64::from(w) * scale) as u32).max(1),
        ((f64::from(h) * scale) as u32).max(1),
    );
    // A box filter's thumbnail: the lines' shapes survive it, at a tenth of a resampling's cost.
    let small = gray(&image::imageops::thumbnail(img, sw, sh));
    let b = Binary::of(&small, otsu(&small));
    if b.dark.iter().filter(|d| **d).count() < 500 {
        return Vec::new();
    }
    let (rows, cols) = profile_sharpness(&b);
    if rows >= cols * 1.3 {
        if ascender_ratio(&b) < 0.8 {
            return vec![Turn::Half];
        }
        return Vec::new();
    }
    if cols >= rows * 1.3 {
        let quarter = ascender_ratio(&b.turned(Turn::Quarter));
        let three = ascender_ratio(&b.turned(Turn::ThreeQuarters));
        return if quarter >= three * 1.5 {
            vec![Turn::Quarter]
        } else if three >= quarter * 1.5 {
            vec![Turn::ThreeQuarters]
        } else if quarter >= three {
            vec![Turn::Quarter, Turn::ThreeQuarters]
        } else {
            vec![Turn::ThreeQuarters, Turn::Quarter]
        };
    }
    Vec::new()
}

/// The skew of a page, degrees: the angle at which the rows of dark pixels line up best.
pub fn skew_angle(b: &Binary) -> f32 {
    // At most ~150k dark pixels are enough to tell the angle.
    let count = b.dark.iter().filter(|d| **d).count();
    if count < 200 {
        return 0.0;
    }
    let stride = count.div_ceil(150_000);
    let points: Vec<(f32, f32)> = b
        .dark
        .iter()
        .enumerate()
        .filter(|(_, d)| **d)
        .step_by(stride)
        .map(|(i, _)| ((i % b.width) as f32, (i / b.width) as f32))
        .collect();
    let h = b.height as f32;
    let w = b.width as f32;
    let pad = (w * (MAX_SKEW.to_radians()).tan()).ceil() as usize + 2;
    let mut rows = vec![0u32; b.height + 2 * pad];
    let mut best = (0.0f32, 0u64);
    let steps = (MAX_SKEW / SKEW_STEP) as i32;
    for s in -steps..=steps {
        let angle = s as f32 * SKEW_STEP;
        let t = angle.to_radians().tan();
        rows.iter_mut().for_each(|r| *r = 0);
        for &(x, y) in &points {
            let yy = y - x * t + pad as f32;
            if yy >= 0.0 && yy < h + 2.0 * pad as f32 {
                rows[yy as usize] += 1;
            }
        }
        let score: u64 = rows.iter().map(|&r| u64::from(r) * u64::from(r)).sum();
        if score > best.1 || (score == best.1 && angle.abs() < best.0.abs()) {
            best = (angle, score);
        }
    }
    best.0
}

/// `img` turned by `degrees` (counter-clockwise positive in image rows: undoes a skew measured by
/// [`skew_angle`]), the same size, uncovered corners white.
pub fn rotate(img: &RgbImage, degrees: f32) -> RgbImage {
    if degrees.abs() < 0.2 {
        return img.clone();
    }
    let (w, h) = img.dimensions();
    let (cx, cy) = (w as f32 / 2.0, h as f32 / 2.0);
    let (s, c) = degrees.to_radians().sin_cos();
    RgbImage::from_fn(w, h, |x, y| {
        let dx = x as f32 - cx;
        let dy = y as f32 - cy;
        // The source pixel of (x, y): rows that sloped by the skew come out level.
        let sx = c * dx - s * dy + cx;
        let sy = s * dx + c * dy + cy;
        if sx < 0.0 || sy < 0.0 || sx >= w as f32 || sy >= h as f32 {
            image::Rgb([255, 255, 255])
        } else {
            *img.get_pixel(sx as u32, sy as u32)
        }
    })
}

/// A rectangle in pixels: left, top, width, height.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rect {
    pub x: usize,
    pub y: usize,
    pub w: usize,
    pub h: usize,
}

/// Rectangular frames among the dark pixels: their interiors, largest first.
pub fn frames(b: &Binary) -> Vec<Rect> {
    let (w, h) = (b.width, b.height);
    if w < 8 || h < 8 {
        return Vec::new();
    }
    // Connected components (8-neighbour), labelled with a union-find over one pass.
    let mut label = vec![0u32; w * h];
    let mut parent: Vec<u32> = vec![0];
    fn find(parent: &mut [u32], mut i: u32) -> u32 {
        while parent[i as usize] != i {
            parent[i as usize] = parent[parent[i as usize] as usize];
            i = parent[i as usize];
        }
        i
    }
    for y in 0..h {
        for x in 0..w {
            let i = y * w + x;
            if !b.dark[i] {
                continue;
            }
            let mut neighbours = [0u32; 4];
            let mut n = 0;
            if x > 0 && label[i - 1] != 0 {
                neighbours[n] = label[i - 1];
                n += 1;
            }
            if y > 0 {
                let up = i - w;
                if label[up] != 0 {
                    neighbours[n] = label[up];
                    n += 1;
                }
                if x > 0 && label[up - 1] != 0 {
                    neighbours[n] = label[up - 1];
                    n += 1;
                }
                if x + 1 < w && label[up + 1] != 0 {
                    neighbours[n] = label[up + 1];
                    n += 1;
                }
            }
            if n == 0 {
                let l = parent.len() as u32;
                parent.push(l);
                label[i] = l;
                continue;
            }
            let mut root = find(&mut parent, neighbours[0]);
            for &other in &neighbours[1..n] {
                let r = find(&mut parent, other);
                if r != root {
                    let (lo, hi) = if r < root { (r, root) } else { (root, r) };
                    parent[hi as usize] = lo;
                    root = lo;
                }
            }
            label[i] = root;
        }
    }
    // Bounding boxes and pixel counts by root.
    let mut boxes: HashMap<u32, (usize, usize, usize, usize, usize)> = HashMap::new();
    for y in 0..h {
        for x in 0..w {
            let i = y * w + x;
            if label[i] == 0 {
                continue;
            }
            let r = find(&mut parent, label[i]);
            label[i] = r;
            let e = boxes.entry(r).or_insert((x, y, x, y, 0));
            e.0 = e.0.min(x);
            e.1 = e.1.min(y);
            e.2 = e.2.max(x);
            e.3 = e.3.max(y);
            e.4 += 1;
        }
    }
    let mut found: Vec<Rect> = Vec::new();
    for (&root, &(x0, y0, x1, y1, count)) in &boxes {
        let (bw, bh) = (x1 - x0 + 1, y1 - y0 + 1);
        // A stamp's frame: wider than high, not a page border, not a letter.
        if bw < 40 || bh < 18 || bw * 10 > w * 9 || bh * 2 > h || bw < bh || bw > bh * 20 {
            continue;
        }
        let band = (bh.min(bw) / 6).clamp(3, 12);
        // Hollow: far fewer pixels than the box holds.
        if count * 2 > bw * bh {
            continue;
        }
        let covered = |xs: std::ops::Range<usize>, ys: std::ops::Range<usize>, along_x: bool| -> f32 {
            let (outer, inner) = if along_x {
                (xs.clone(), ys.clone())
            } else {
                (ys.clone(), xs.clone())
            };
            let total = outer.len().max(1);
            let hit = outer
                .filter(|&o| {
                    inner.clone().any(|i| {
                        let (x, y) = if along_x { (o, i) } else { (i, o) };
                        label[y * w + x] == root
                    })
                })
                .count();
            hit as f32 / total as f32
        };
        let top = covered(x0..x1 + 1, y0..(y0 + band).min(y1 + 1), true);
        let bottom = covered(x0..x1 + 1, (y1 + 1).saturating_sub(band)..y1 + 1, true);
        let left = covered(x0..(x0 + band).min(x1 + 1), y0..y1 + 1, false);
        let right = covered((x1 + 1).saturating_sub(band)..x1 + 1, y0..y1 + 1, false);
        if top.min(bottom).min(left).min(right) < 0.85 {
            continue;
        }
        // The interior: inside the frame's lines, which are measured at the middle of each side.
        let thick = |mut x: usize, mut y: usize, dx: isize, dy: isize| {
            let mut n = 0;
            while n < band * 2 && x < w && y < h && label[y * w + x] == root {
                n += 1;
                x = (x as isize + dx) as usize;
                y = (y as isize + dy) as usize;
            }
            n
        };
        let (mx, my) = (x0 + bw / 2, y0 + bh / 2);
        let t = [
            thick(mx, y0, 0, 1),
            thick(mx, y1, 0, -1),
            thick(x0, my, 1, 0),
            thick(x1, my, -1, 0),
        ]
        .into_iter()
        .max()
        .unwrap_or(band)
            + 2;
        if bw <= 2 * t + 8 || bh <= 2 * t + 6 {
            continue;
        }
        found.push(Rect {
            x: x0 + t,
            y: y0 + t,
            w: bw - 2 * t,
            h: bh - 2 * t,
        });
    }
    found.sort_by_key(|r| (std::cmp::Reverse(r.w * r.h), r.y, r.x));
    found.truncate(MAX_FRAMES);
    found
}

/// The box around the red ink (components of some size, so specks do not count), with a margin.
fn red_ink_box(mask: &GrayImage) -> Option<Rect> {
    let (w, h) = (mask.width() as usize, mask.height() as usize);
    let mut count = 0usize;
    let (mut x0, mut y0, mut x1, mut y1) = (usize::MAX, usize::MAX, 0usize, 0usize);
    // Rows and columns with a run of red: a stamp's strokes, not scattered noise.
    for y in 0..h {
        let mut run = 0;
        for x in 0..w {
            if mask.get_pixel(x as u32, y as u32).0[0] == 0 {
                run += 1;
                count += 1;
                if run >= 3 {
                    x0 = x0.min(x.saturating_sub(run));
                    x1 = x1.max(x);
                    y0 = y0.min(y);
                    y1 = y1.max(y);
                }
            } else {
                run = 0;
            }
        }
    }
    if count < MIN_RED_PIXELS || x0 > x1 || y0 > y1 {
        return None;
    }
    let m = 12;
    let x = x0.saturating_sub(m);
    let y = y0.saturating_sub(m);
    Some(Rect {
        x,
        y,
        w: (x1 + m).min(w - 1) - x + 1,
        h: (y1 + m).min(h - 1) - y + 1,
    })
}

/// A crop ready for tesseract: white margins, and small text scaled up to ~40 pixel lines.
fn prepare(img: &GrayImage, r: Rect) -> GrayImage {
    let crop = image::imageops::crop_imm(img, r.x as u32, r.y as u32, r.w as u32, r.h as u32).to_image();
    let crop = if r.h < 40 {
        let f = 48.0 / r.h.max(1) as f32;
        image::imageops::resize(
            &crop,
            ((r.w as f32 * f) as u32).max(1),
            ((r.h as f32 * f) as u32).max(1),
            image::imageops::FilterType::Triangle,
        )
    } else {
        crop
    };
    let m = 16;
    let mut out = GrayImage::from_pixel(crop.width() + 2 * m, crop.height() + 2 * m, Luma([255]));
    image::imageops::overlay(&mut out, &crop, i64::from(m), i64::from(m));
    out
}

/// The crops to read of one image: frame interiors (one line each) and the red ink (a block).
pub struct Crops {
    pub lines: Vec<GrayImage>,
    pub blocks: Vec<GrayImage>,
    /// The deskewed working image (for a whole-page read).
    pub page: GrayImage,
}

/// Finds where a stamp may be in an image (see the module's description).
pub fn crops(img: &RgbImage) -> Crops {
    let area = stamp_area(img);
    let g = gray(&area);
    let angle = skew_angle(&Binary::of(&g, otsu(&g)));
    let area = rotate(&area, angle);
    let g = gray(&area);
    let mut lines = Vec::new();
    let mut blocks = Vec::new();
    for r in frames(&Binary::of(&g, otsu(&g))) {
        lines.push(prepare(&g, r));
    }
    let red = red_mask(&area);
    if let Some(b) = red_ink_box(&red) {
        for r in frames(&Binary::of(&red, 127)) {
            lines.push(prepare(&red, r));
        }
        blocks.push(prepare(&red, b));
    }
    Crops {
        lines,
        blocks,
        page: gray(&rotate(img, angle)),
    }
}

// ---------------------------------------------------------------------------------------------
// The programs

/// Runs `cmd` with `input` on its stdin, killed at `deadline`; its stdout.
fn run(mut cmd: Command, input: &[u8], deadline: Instant, what: &str) -> Result<Vec<u8>, OcrError> {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .env("OMP_THREAD_LIMIT", "1")
        .spawn()
        .map_err(|e| format!("cannot start {what}: {e}"))?;
    let mut stdin = child.stdin.take();
    let mut stdout = child.stdout.take();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        if let Some(s) = stdin.as_mut() {
            let _ = s.write_all(&input);
        }
    });
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        if let Some(s) = stdout.as_mut() {
            // Bounded: no page's text or rendering is larger.
            let _ = s.take(256 << 20).read_to_end(&mut out);
        }
        out
    });
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break Some(s),
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(5)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
        }
    };
    let _ = writer.join();
    let out = reader.join().unwrap_or_default();
    match status {
        Some(s) if s.success() => Ok(out),
        Some(s) => Err(format!("{what} failed ({s})")),
        None => Err(format!(
            "{what} did not finish within the OCR time limit (ocr.timeout_ms)"
        )),
    }
}

/// Reads each image with tesseract in one run, `psm` its page segmentation mode; one text per
/// image.
pub fn tesseract(
    config: &OcrConfig,
    images: &[GrayImage],
    psm: u8,
    deadline: Instant,
) -> Result<Vec<String>, OcrError> {
    if images.is_empty() {
        return Ok(Vec::new());
    }
    let dir = tempfile::tempdir().map_err(|e| format!("cannot make a directory for OCR: {e}"))?;
    let mut list = String::new();
    for (i, img) in images.iter().enumerate() {
        let path = dir.path().join(format!("{i}.pgm"));
        write_pgm(&path, img).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        list.push_str(&path.to_string_lossy());
        list.push('\n');
    }
    let list_path = dir.path().join("images.txt");
    std::fs::write(&list_path, list).map_err(|e| format!("cannot write the OCR list: {e}"))?;
    let mut cmd = Command::new(&config.tesseract);
    cmd.arg(&list_path)
        .arg("stdout")
        .args(["-l", &config.language, "--psm", &psm.to_string()])
        .current_dir(dir.path());
    let out = run(cmd, b"", deadline, "tesseract")?;
    let text = String::from_utf8_lossy(&out);
    // Tesseract ends each image's text with a form feed.
    let mut texts: Vec<String> = text.split('\u{c}').map(|t| t.trim().to_owned()).collect();
    texts.truncate(images.len());
    texts.resize(images.len(), String::new());
    Ok(texts)
}

fn write_pgm(path: &Path, img: &GrayImage) -> std::io::Result<()> {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path)?);
    write!(f, "P5\n{} {}\n255\n", img.width(), img.height())?;
    f.write_all(img.as_raw())?;
    f.flush()
}

/// Decodes an image attachment within `[ocr] max_pixels`: HEIF/HEIC and AVIF converted to JPEG
/// by `heif-convert` first (a program of its own, under the deadline, like pdftoppm); JPEG 2000
/// and JPEG XL are not read.
pub fn decode_image(config: &OcrConfig, data: &[u8], deadline: Instant) -> Result<RgbImage, OcrError> {
    match foreign_format(data) {
        None => decode(data, config.max_pixels),
        Some(Foreign::Heif) => decode(&convert_heif(config, data, deadline)?, config.max_pixels),
        Some(f) => Err(format!("{} images are not supported", f.name())),
    }
}

/// A HEIF/HEIC or AVIF image's primary picture as JPEG, by libheif's `heif-convert`.
fn convert_heif(config: &OcrConfig, data: &[u8], deadline: Instant) -> Result<Vec<u8>, OcrError> {
    let dir = tempfile::tempdir().map_err(|e| format!("cannot make a directory for OCR: {e}"))?;
    let input = dir.path().join("in.heic");
    std::fs::write(&input, data).map_err(|e| format!("cannot write {}: {e}", input.display()))?;
    let mut cmd = Command::new(&config.heif_convert);
    cmd.args(["--quiet", "-q", "92"])
        .arg(&input)
        .arg("out.jpg")
        .current_dir(dir.path());
    run(cmd, b"", deadline, "heif-convert")?;
    // A file of several top-level images is written as out-1.jpg, out-2.jpg…: the first is
    // the primary one.
    ["out.jpg", "out-1.jpg"]
        .iter()
        .find_map(|n| std::fs::read(dir.path().join(n)).ok())
        .ok_or_else(|| "heif-convert wrote no image: the HEIF file is damaged".to_owned())
}

/// Renders page `page` (from 1) of a PDF with pdftoppm at `[ocr] pdf_dpi`, with the user
/// `password` of an encrypted one.
pub fn render_pdf_page(
    config: &OcrConfig,
    pdf: &[u8],
    page: usize,
    password: Option<&str>,
    deadline: Instant,
) -> Result<RgbImage, OcrError> {
    let mut cmd = Command::new(&config.pdftoppm);
    let n = page.to_string();
    cmd.args(["-f", &n, "-l", &n, "-r", &config.pdf_dpi.to_string()]);
    if let Some(p) = password {
        cmd.args(["-upw", p]);
    }
    // A4 at the resolution is the most a page may be; a giant MediaBox is scaled down to it.
    let longest = (f64::from(config.pdf_dpi) * 11.7) as u32;
    cmd.args(["-scale-to", &longest.to_string()]);
    cmd.arg("-");
    let out = run(cmd, pdf, deadline, "pdftoppm")?;
    image::load_from_memory_with_format(&out, image::ImageFormat::Pnm)
        .map(|i| i.to_rgb8())
        .map_err(|e| format!("pdftoppm gave no page image: {e}"))
}

// ---------------------------------------------------------------------------------------------
// Reading an image

/// Reads an image where a stamp sits (and the whole page when configured): as it is, then
/// turned as [`other_orientations`] says a page fed upside down or on its side needs.
pub fn read_image(
    config: &OcrConfig,
    img: &RgbImage,
    deadline: Instant,
) -> Result<Vec<RegionText>, OcrError> {
    let mut out = read_upright(config, img, deadline)?;
    for t in other_orientations(img) {
        out.extend(read_upright(config, &turned(img, t), deadline)?);
    }
    Ok(out)
}

/// Reads an image as it stands.
fn read_upright(config: &OcrConfig, img: &RgbImage, deadline: Instant) -> Result<Vec<RegionText>, OcrError> {
    let c = crops(img);
    let mut out = Vec::new();
    for text in tesseract(config, &c.lines, 7, deadline)? {
        out.push(RegionText {
            region: Region::Frame,
            text,
        });
    }
    for text in tesseract(config, &c.blocks, 6, deadline)? {
        out.push(RegionText {
            region: Region::RedInk,
            text,
        });
    }
    if config.whole_page {
        for text in tesseract(config, std::slice::from_ref(&c.page), 3, deadline)? {
            out.push(RegionText {
                region: Region::Page,
                text,
            });
        }
    }
    out.retain(|r| !r.text.trim().is_empty());
    Ok(out)
}

/// The cache's entries by key, and the keys oldest first.
type Entries = (HashMap<[u8; 32], Vec<RegionText>>, VecDeque<[u8; 32]>);

/// What OCR read of images, remembered by the SHA-256 of their bytes (and what was asked).
pub struct Cache {
    entries: Mutex<Entries>,
    capacity: usize,
}

impl Cache {
    pub fn new(capacity: usize) -> Cache {
        Cache {
            entries: Mutex::new((HashMap::new(), VecDeque::new())),
            capacity,
        }
    }

    /// The key of some bytes read in some way (`what`: an image, or page N of a PDF).
    pub fn key(data: &[u8], what: &str, whole_page: bool) -> [u8; 32] {
        let mut h = Sha256::new();
        h.update(what.as_bytes());
        h.update([u8::from(whole_page)]);
        h.update(data);
        h.finalize().into()
    }

    pub fn get(&self, key: &[u8; 32]) -> Option<Vec<RegionText>> {
        let e = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        e.0.get(key).cloned()
    }

    pub fn put(&self, key: [u8; 32], value: Vec<RegionText>) {
        if self.capacity == 0 {
            return;
        }
        let mut e = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if e.0.insert(key, value).is_none() {
            e.1.push_back(key);
        }
        while e.1.len() > self.capacity {
            if let Some(old) = e.1.pop_front() {
                e.0.remove(&old);
            }
        }
    }

    pub fn len(&self) -> usize {
        self.entries.lock().unwrap_or_else(|p| p.into_inner()).0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page_with_frame(skew: f32) -> RgbImage {
        let mut img = RgbImage::from_pixel(1240, 1754, image::Rgb([250, 250, 250]));
        // Text-like rows and a frame at the top left.
        for row in 0..12u32 {
            let y = 120 + row * 40;
            // Words: runs of ink with gaps, as a line of text looks from afar.
            for x in 600..1150 {
                if x % 48 < 38 {
                    for dy in 0..14 {
                        img.put_pixel(x, y + dy, image::Rgb([20, 20, 20]));
                    }
                }
            }
        }
        for x in 100..360 {
            for t in 0..4 {
                img.put_pixel(x, 300 + t, image::Rgb([200, 20, 20]));
                img.put_pixel(x, 380 - t, image::Rgb([200, 20, 20]));
            }
        }
        for y in 300..381 {
            for t in 0..4 {
                img.put_pixel(100 + t, y, image::Rgb([200, 20, 20]));
                img.put_pixel(359 - t, y, image::Rgb([200, 20, 20]));
            }
        }
        rotate(&img, skew)
    }

    /// A page of text lines whose letters rise above their line more than they hang below it,
    /// as Latin and Vietnamese letters do.
    fn page_of_letters() -> RgbImage {
        let mut img = RgbImage::from_pixel(1240, 1754, image::Rgb([250, 250, 250]));
        let mut ink = |x: u32, y: u32, w: u32, h: u32| {
            for yy in y..y + h {
                for xx in x..x + w {
                    img.put_pixel(xx, yy, image::Rgb([20, 20, 20]));
                }
            }
        };
        for line in 0..30u32 {
            let y = 150 + line * 48;
            // Letters of uneven widths, so that the lines' letters do not line up in columns.
            let mut x = 150 + (line * 7) % 20;
            for i in 0..60u32 {
                let w = 9 + (i * 5 + line * 3) % 9;
                x += w + 5;
                if x > 1100 {
                    break;
                }
                if i % 6 == 5 {
                    x += 8;
                    continue;
                }
                ink(x, y, w, 16);
                if i % 3 == 0 {
                    ink(x + w - 5, y - 10, 5, 10);
                }
                if i % 4 == 1 {
                    ink(x + 2, y - 7, 6, 3);
                }
                if i % 7 == 2 {
                    ink(x, y + 16, 5, 7);
                }
            }
        }
        img
    }

    #[test]
    fn a_page_upside_down_or_on_its_side_is_turned_back() {
        let page = page_of_letters();
        assert_eq!(other_orientations(&page), vec![]);
        assert_eq!(other_orientations(&turned(&page, Turn::Half)), vec![Turn::Half]);
        // Turned a quarter clockwise, three quarters more bring it back (and the reverse).
        let quarter = other_orientations(&turned(&page, Turn::Quarter));
        assert_eq!(quarter.first(), Some(&Turn::ThreeQuarters), "{quarter:?}");
        let three = other_orientations(&turned(&page, Turn::ThreeQuarters));
        assert_eq!(three.first(), Some(&Turn::Quarter), "{three:?}");
        // A small picture and a blank page are read as they are.
        let small = image::imageops::crop_imm(&page, 100, 100, 280, 280).to_image();
        assert_eq!(other_orientations(&small), vec![]);
        let blank = RgbImage::from_pixel(1240, 1754, image::Rgb([250, 250, 250]));
        assert_eq!(other_orientations(&blank), vec![]);
    }

    /// A binary image turned by quarter turns matches the image turned by the image crate.
    #[test]
    fn binary_turns_match_the_image_crate() {
        let g = GrayImage::from_fn(5, 3, |x, y| {
            Luma([if (x * 7 + y * 3) % 4 == 0 { 0 } else { 255 }])
        });
        let b = Binary::of(&g, 127);
        for (t, turned) in [
            (Turn::Quarter, image::imageops::rotate90(&g)),
            (Turn::Half, image::imageops::rotate180(&g)),
            (Turn::ThreeQuarters, image::imageops::rotate270(&g)),
        ] {
            let expected = Binary::of(&turned, 127);
            let got = b.turned(t);
            assert_eq!(
                (got.width, got.height, got.dark),
                (expected.width, expected.height, expected.dark),
                "{t:?}"
            );
        }
    }

    #[test]
    fn a_frame_is_found_on_a_skewed_page_and_in_the_red_ink() {
        let img = page_with_frame(-2.0);
        let area = stamp_area(&img);
        let g = gray(&area);
        let angle = skew_angle(&Binary::of(&g, otsu(&g)));
        assert!((angle - 2.0).abs() <= 0.5, "skew {angle}");
        let c = crops(&img);
        assert!(!c.lines.is_empty(), "the frame's interior is a line to read");
        assert_eq!(c.blocks.len(), 1, "the red ink is a block to read");
    }

    #[test]
    fn text_rows_are_not_frames() {
        let mut img = page_with_frame(0.0);
        // Paint the frame out.
        for y in 290..400 {
            for x in 90..380 {
                img.put_pixel(x, y, image::Rgb([250, 250, 250]));
            }
        }
        let c = crops(&img);
        assert!(c.lines.is_empty());
        assert!(c.blocks.is_empty());
    }

    #[test]
    fn images_are_told_by_their_first_bytes_and_limited_by_pixels() {
        assert!(is_image(b"\x89PNG\r\n\x1a\n...."));
        assert!(is_image(b"\xFF\xD8\xFF\xE0"));
        assert!(is_image(b"RIFF\0\0\0\0WEBPVP8 "));
        assert!(!is_image(b"%PDF-1.4"));
        // Phones' HEIC and AVIF photos, JPEG 2000 and JPEG XL are images too.
        assert!(is_image(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic"));
        assert_eq!(foreign_format(b"\0\0\0\x1cftypavif\0\0\0\0"), Some(Foreign::Heif));
        assert_eq!(
            foreign_format(b"\0\0\0\x0cjP  \r\n\x87\n\0\0"),
            Some(Foreign::Jpeg2000)
        );
        assert_eq!(foreign_format(b"\xFF\x0A\xFA"), Some(Foreign::JpegXl));
        // An MP4 video is an ISO media file too, not an image.
        assert!(!is_image(b"\0\0\0\x18ftypmp42\0\0\0\0isommp42"));
        let mut png = Vec::new();
        RgbImage::from_pixel(100, 100, image::Rgb([1, 2, 3]))
            .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .expect("encoded");
        assert!(decode(&png, 10_000).is_ok());
        let e = decode(&png, 9_999).expect_err("over the limit");
        assert!(e.contains("ocr.max_pixels"), "{e}");
        assert!(decode(b"\x89PNG\r\n\x1a\nbroken", 1 << 20).is_err());
    }

    #[test]
    fn the_cache_forgets_the_oldest() {
        let c = Cache::new(2);
        let k = |n: u8| Cache::key(&[n], "image", false);
        c.put(k(1), vec![]);
        c.put(k(2), vec![]);
        c.put(k(3), vec![]);
        assert!(c.get(&k(1)).is_none());
        assert!(c.get(&k(3)).is_some());
        assert_eq!(c.len(), 2);
    }
}
