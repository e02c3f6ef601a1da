//! OpenDocument files saved with a password (.odt, .ods, .odp: LibreOffice's and OpenOffice's
//! «Save with password»). The package stays a zip, but each part (`content.xml`, `styles.xml`,
//! pictures, macros) is deflated then encrypted on its own, and `META-INF/manifest.xml` says
//! how: a start key hashed from the password (SHA-256, or SHA-1), stretched by PBKDF2-HMAC-SHA1
//! with the part's own salt and count into the key of AES-256-CBC (LibreOffice 3.5 and later)
//! or Blowfish in CFB (OpenOffice, and ODF 1.1); a hash of the first 1,024 decrypted
//! bytes tells a wrong password. LibreOffice 24.8 and later encrypt the whole package instead, as
//! one part (`encrypted-package`: the zip of the document deflated, then AES-256-GCM under a key
//! from Argon2id), which opens to an ordinary package. The parts are opened with the passwords
//! the message gives ([`super::passwords`]) and read as any document's are; every part costs its
//! count of rounds within the message's [`super::passwords::MAX_ROUNDS`] (Argon2id's memory
//! passes weighed as what they take here).

use super::passwords::{Attempt, Passwords};
use aes::cipher::{BlockEncrypt, KeyInit, generic_array::GenericArray};
use aes_gcm::aead::AeadInPlace;
use quick_xml::events::{BytesStart, Event};
use sha2::Digest;
use std::io::Read;
use std::time::Instant;

/// The manifest of an OpenDocument package.
pub const MANIFEST: &str = "META-INF/manifest.xml";
/// The one part of a package LibreOffice 24.8 and later encrypt whole: the package inside.
pub const ENCRYPTED_PACKAGE: &str = "encrypted-package";
/// The most encryption entries read from one manifest.
const MAX_ENTRIES: usize = 4096;
/// A count of rounds past this is no document's: no attempt (LibreOffice writes 100,000).
const MAX_ITERATIONS: u32 = 10_000_000;
/// An attempt also walks the part (decrypts and inflates it): a round per this many bytes.
const BYTES_PER_ROUND: u64 = 256;
/// Argon2id's cost as rounds: a pass over a KiB of its memory takes about what this many
/// PBKDF2-HMAC-SHA1 rounds do here (LibreOffice's 64 MiB × 3 passes: ~140 ms, 393,216 rounds).
const ROUNDS_PER_ARGON2_KIB: u64 = 2;
/// The most memory an Argon2id attempt may ask (twice LibreOffice's 64 MiB): more is no
/// document's, and a scanning worker's address space is bounded (`[workers]`).
const MAX_ARGON2_KIB: u32 = 128 * 1024;

/// Whether a package's manifest says its parts are encrypted.
pub fn is_encrypted(manifest: &[u8]) -> bool {
    memchr::memmem::find(manifest, b"encryption-data").is_some()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cipher {
    Aes256Cbc,
    BlowfishCfb,
    /// LibreOffice 24.8's whole package (its 12-byte IV also leads the part).
    Aes256Gcm,
}

/// How a key is stretched from the start key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kdf {
    /// PBKDF2-HMAC-SHA1 with this many rounds.
    Pbkdf2(u32),
    /// Argon2id with this many passes, KiB of memory, and lanes.
    Argon2id { passes: u32, kib: u32, lanes: u32 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hash {
    Sha1,
    Sha256,
}

/// How one part is encrypted, as the manifest says.
#[derive(Debug, Clone)]
struct Entry {
    path: String,
    /// The part's size once inflated.
    size: Option<u64>,
    cipher: Cipher,
    iv: Vec<u8>,
    start: Hash,
    key_size: usize,
    kdf: Kdf,
    salt: Vec<u8>,
    /// The hash of the first 1,024 bytes decrypted, and its kind (none: GCM's tag, or the
    /// inflater, judges).
    checksum: Option<(Hash, Vec<u8>)>,
}

/// What the manifest says of each encrypted part; an entry of a kind not read is an error
/// naming it.
fn entries(manifest: &[u8], deadline: Instant) -> Result<Vec<Entry>, String> {
    let text = String::from_utf8_lossy(manifest);
    let mut reader = quick_xml::Reader::from_str(&text);
    let mut out = Vec::new();
    // The file entry being read: its path and size, and what its encryption data said so far.
    let mut file: Option<(String, Option<u64>)> = None;
    let mut parts: Parts = Parts::default();
    let mut events = 0u32;
    loop {
        events = events.wrapping_add(1);
        if events.is_multiple_of(1024) && Instant::now() > deadline {
            return Err("time limit reached while reading its manifest".to_owned());
        }
        let event = reader.read_event().map_err(|e| {
            format!(
                "its manifest is malformed at byte {}: {e}",
                reader.buffer_position()
            )
        })?;
        match &event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().into_inner() {
                "file-entry" => {
                    let [path, size] = super::office::attr_values(e, ["full-path", "size"]);
                    file = Some((path.unwrap_or_default(), size.and_then(|s| s.parse().ok())));
                    parts = Parts::default();
                    if matches!(event, Event::Empty(_)) {
                        file = None;
                    }
                }
                "encryption-data" => {
                    let [kind, sum] = super::office::attr_values(e, ["checksum-type", "checksum"]);
                    parts.checksum = Some((kind, sum));
                }
                "algorithm" => parts.algorithm = Some(attrs(e, ["algorithm-name", "initialisation-vector"])),
                "start-key-generation" => {
                    parts.start = Some(attrs(e, ["start-key-generation-name", "key-size"]))
                }
                "key-derivation" => {
                    parts.derivation = Some(super::office::attr_values(
                        e,
                        [
                            "key-derivation-name",
                            "key-size",
                            "iteration-count",
                            "salt",
                            "argon2-iterations",
                            "argon2-memory",
                            "argon2-lanes",
                        ],
                    ))
                }
                _ => {}
            },
            Event::End(e) if e.local_name().into_inner() == "file-entry" => {
                if let Some((path, size)) = file.take()
                    && parts.checksum.is_some()
                {
                    if out.len() >= MAX_ENTRIES {
                        return Err(format!(
                            "its manifest lists more than {MAX_ENTRIES} encrypted parts"
                        ));
                    }
                    out.push(std::mem::take(&mut parts).entry(path, size)?);
                }
            }
            Event::Eof => return Ok(out),
            _ => {}
        }
    }
}

fn attrs(e: &BytesStart<'_>, keys: [&str; 2]) -> [Option<String>; 2] {
    super::office::attr_values(e, keys)
}

/// The attributes of one file entry's encryption data, as read.
#[derive(Default)]
struct Parts {
    checksum: Option<(Option<String>, Option<String>)>,
    algorithm: Option<[Option<String>; 2]>,
    start: Option<[Option<String>; 2]>,
    derivation: Option<[Option<String>; 7]>,
}

impl Parts {
    fn entry(self, path: String, size: Option<u64>) -> Result<Entry, String> {
        let bad = |what: &str, value: &str| {
            format!("its part «{path}» is encrypted with {what} «{value}», not read")
        };
        let b64 = |v: &Option<String>| -> Option<Vec<u8>> {
            let v: Vec<u8> = v
                .as_deref()?
                .bytes()
                .filter(|b| !b.is_ascii_whitespace())
                .collect();
            mail_parser::decoders::base64::base64_decode(&v)
        };
        let [name, iv] = self.algorithm.unwrap_or_default();
        let name = name.unwrap_or_default();
        let cipher = match name.as_str() {
            "http://www.w3.org/2001/04/xmlenc#aes256-cbc" => Cipher::Aes256Cbc,
            "Blowfish CFB" | "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#blowfish" => {
                Cipher::BlowfishCfb
            }
            "http://www.w3.org/2009/xmlenc11#aes256-gcm" => Cipher::Aes256Gcm,
            other => return Err(bad("the algorithm", other)),
        };
        let iv = b64(&iv).ok_or_else(|| bad("an initialisation vector", "(missing or not base64)"))?;
        let iv_len = match cipher {
            Cipher::Aes256Cbc => 16,
            Cipher::BlowfishCfb => 8,
            Cipher::Aes256Gcm => 12,
        };
        if iv.len() != iv_len {
            return Err(bad("an initialisation vector of length", &iv.len().to_string()));
        }
        let [start_name, start_size] = self.start.unwrap_or_default();
        let start = match start_name.as_deref() {
            None | Some("SHA1") | Some("http://www.w3.org/2000/09/xmldsig#sha1") => Hash::Sha1,
            Some("http://www.w3.org/2000/09/xmldsig#sha256" | "http://www.w3.org/2001/04/xmlenc#sha256") => {
                Hash::Sha256
            }
            Some(other) => return Err(bad("the start key", other)),
        };
        let start_len = if start == Hash::Sha1 { 20 } else { 32 };
        if start_size.as_deref().is_some_and(|s| s.parse() != Ok(start_len)) {
            return Err(bad("a start key of size", start_size.as_deref().unwrap_or("")));
        }
        let [kdf_name, key_size, count, salt, passes, kib, lanes] = self.derivation.unwrap_or_default();
        let number = |v: &Option<String>, what: &str, range: std::ops::RangeInclusive<u32>| {
            v.as_deref()
                .and_then(|c| c.parse().ok())
                .filter(|c| range.contains(c))
                .ok_or_else(|| bad(what, v.as_deref().unwrap_or("(none)")))
        };
        let kdf = match kdf_name.as_deref() {
            Some("PBKDF2") => Kdf::Pbkdf2(number(&count, "an iteration count", 1..=MAX_ITERATIONS)?),
            Some("urn:org:documentfoundation:names:experimental:office:manifest:argon2id") => Kdf::Argon2id {
                passes: number(&passes, "Argon2 passes", 1..=16)?,
                kib: number(&kib, "Argon2 memory (KiB)", 8..=MAX_ARGON2_KIB)?,
                lanes: number(&lanes, "Argon2 lanes", 1..=16)?,
            },
            other => return Err(bad("the key derivation", other.unwrap_or("(none)"))),
        };
        let key_size = match (cipher, key_size.as_deref()) {
            (Cipher::Aes256Cbc | Cipher::Aes256Gcm, None | Some("32")) => 32,
            (Cipher::BlowfishCfb, None | Some("16")) => 16,
            (_, Some(other)) => return Err(bad("a key of size", other)),
        };
        let salt = b64(&salt)
            .filter(|s| s.len() >= 8)
            .ok_or_else(|| bad("a salt", "(missing, short or not base64)"))?;
        let checksum = match self.checksum {
            Some((kind, sum)) => {
                let hash = match kind.as_deref() {
                    Some("SHA1/1K") | Some("urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha1-1k") => {
                        Some(Hash::Sha1)
                    }
                    Some("urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k") => {
                        Some(Hash::Sha256)
                    }
                    _ => None,
                };
                hash.zip(b64(&sum))
            }
            None => None,
        };
        Ok(Entry {
            path,
            size,
            cipher,
            iv,
            start,
            key_size,
            kdf,
            salt,
            checksum,
        })
    }
}

impl Entry {
    /// What one attempt at the part costs, as hash rounds.
    fn rounds(&self, data: &[u8]) -> u64 {
        let kdf = match self.kdf {
            Kdf::Pbkdf2(n) => u64::from(n),
            Kdf::Argon2id { passes, kib, .. } => u64::from(passes) * u64::from(kib) * ROUNDS_PER_ARGON2_KIB,
        };
        kdf.saturating_add(data.len() as u64 / BYTES_PER_ROUND)
    }

    /// The part's key for `password` (`None`: parameters Argon2 refuses).
    fn key(&self, password: &str) -> Option<Vec<u8>> {
        let start: Vec<u8> = match self.start {
            Hash::Sha1 => <sha1::Sha1 as sha1::Digest>::digest(password.as_bytes()).to_vec(),
            Hash::Sha256 => sha2::Sha256::digest(password.as_bytes()).to_vec(),
        };
        let mut key = vec![0u8; self.key_size];
        match self.kdf {
            Kdf::Pbkdf2(n) => pbkdf2::pbkdf2_hmac::<sha1::Sha1>(&start, &self.salt, n, &mut key),
            Kdf::Argon2id { passes, kib, lanes } => {
                let params = argon2::Params::new(kib, passes, lanes, Some(self.key_size)).ok()?;
                argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
                    .hash_password_into(&start, &self.salt, &mut key)
                    .ok()?;
            }
        }
        Some(key)
    }

    /// The part decrypted (still deflated) with `key`, when its checksum says the key is right.
    fn decrypt(&self, data: &[u8], key: &[u8]) -> Option<Vec<u8>> {
        let plain = match self.cipher {
            Cipher::Aes256Cbc => aes_cbc(data, key, &self.iv)?,
            Cipher::BlowfishCfb => blowfish_cfb(data, key, &self.iv)?,
            // The tag tells a wrong key.
            Cipher::Aes256Gcm => return aes_gcm(data, key, &self.iv),
        };
        let Some((hash, sum)) = &self.checksum else {
            return Some(plain);
        };
        let head = |len: usize| &plain[..len.min(1024)];
        let matches = |bytes: &[u8]| match hash {
            Hash::Sha1 => <sha1::Sha1 as sha1::Digest>::digest(bytes).as_slice() == sum.as_slice(),
            Hash::Sha256 => sha2::Sha256::digest(bytes).as_slice() == sum.as_slice(),
        };
        // AES-CBC ends in padding (its last byte says how long); the sum is of what it pads.
        let unpadded = match self.cipher {
            Cipher::Aes256Cbc => {
                let pad = usize::from(*plain.last()?);
                (1..=16).contains(&pad).then(|| plain.len() - pad)?
            }
            Cipher::BlowfishCfb | Cipher::Aes256Gcm => plain.len(),
        };
        if matches(head(unpadded)) {
            let mut plain = plain;
            plain.truncate(unpadded);
            Some(plain)
        } else {
            None
        }
    }
}

/// AES-256-CBC over whole blocks ([`super::pdf_crypt::aes_cbc`]); a part that is not whole
/// blocks is no AES-CBC part.
fn aes_cbc(data: &[u8], key: &[u8], iv: &[u8]) -> Option<Vec<u8>> {
    if data.is_empty() || !data.len().is_multiple_of(16) || key.len() != 32 {
        return None;
    }
    super::pdf_crypt::aes_cbc(key, iv, data)
}

/// AES-256-GCM as LibreOffice writes a package: the IV, the ciphertext, the 16-byte tag; `None`
/// when the tag does not match (a wrong key).
fn aes_gcm(data: &[u8], key: &[u8], iv: &[u8]) -> Option<Vec<u8>> {
    let data = data.strip_prefix(iv).unwrap_or(data);
    let split = data.len().checked_sub(16)?;
    let (ciphertext, tag) = data.split_at(split);
    let cipher = <aes_gcm::Aes256Gcm as aes_gcm::KeyInit>::new_from_slice(key).ok()?;
    let mut out = ciphertext.to_vec();
    cipher
        .decrypt_in_place_detached(
            aes_gcm::Nonce::from_slice(iv),
            b"",
            &mut out,
            aes_gcm::Tag::from_slice(tag),
        )
        .ok()?;
    Some(out)
}

/// Blowfish in cipher feedback as OpenOffice writes it (the manifest and the literature say
/// 8-bit CFB; its cipher feeds back a whole 8-byte block): the register is encrypted once every
/// 8 bytes, each byte XORed with the register's byte at its place, which then takes the
/// ciphertext byte.
fn blowfish_cfb(data: &[u8], key: &[u8], iv: &[u8]) -> Option<Vec<u8>> {
    let cipher = blowfish::Blowfish::<byteorder::BigEndian>::new_from_slice(key).ok()?;
    let mut register: [u8; 8] = iv.try_into().ok()?;
    let mut out = Vec::with_capacity(data.len());
    for chunk in data.chunks(8) {
        let mut stream = GenericArray::from(register);
        cipher.encrypt_block(&mut stream);
        out.extend(chunk.iter().zip(stream.iter()).map(|(c, k)| c ^ k));
        register[..chunk.len()].copy_from_slice(chunk);
    }
    Some(out)
}

/// A part inflated (raw deflate), up to `cap` bytes; a part stored as it was (a picture) is
/// what the manifest's size says it is.
fn inflate(plain: Vec<u8>, size: Option<u64>, cap: u64) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let read = flate2::read::DeflateDecoder::new(plain.as_slice())
        .take(cap.saturating_add(1))
        .read_to_end(&mut out);
    match read {
        Ok(_) if out.len() as u64 > cap => Err(format!("it inflates past {cap} bytes")),
        Ok(_) if size.is_none_or(|s| s == out.len() as u64) => Ok(out),
        _ if size == Some(plain.len() as u64) => Ok(plain),
        Ok(_) => Err("it inflates to another size than its manifest says".to_owned()),
        Err(e) => Err(format!("it does not inflate: {e}")),
    }
}

/// What opening a package's parts came to.
#[derive(Debug)]
pub enum Opened {
    /// The parts decrypted and inflated, by name: all the encrypted parts asked for.
    Parts(Vec<(String, Vec<u8>)>),
    /// No password the message gives opens it (or none was tried: the rounds were spent).
    Closed,
    /// The manifest or a part is of a kind not read, or damaged: why.
    Unread(String),
}

/// Opens the encrypted `parts` (name, bytes) of the OpenDocument package at `path` whose
/// manifest is `manifest`, with the passwords the message gives (the one that opens the first
/// part is recorded in `passwords` and used for the rest); the parts inflate to at most `cap`
/// bytes in all, each to at most `ratio` times what it packs to (a bomb is damage). Parts the
/// manifest does not say are encrypted are not returned.
pub fn open(
    manifest: &[u8],
    parts: &[(&str, &[u8])],
    path: &str,
    passwords: &mut Passwords,
    cap: u64,
    ratio: u64,
    deadline: Instant,
) -> Opened {
    let entries = match entries(manifest, deadline) {
        Ok(e) => e,
        Err(why) => return Opened::Unread(why),
    };
    // The encrypted parts asked for, the content first: it tells the password.
    let mut todo: Vec<(&Entry, &[u8])> = parts
        .iter()
        .filter_map(|(name, bytes)| entries.iter().find(|e| e.path == *name).map(|e| (e, *bytes)))
        .collect();
    todo.sort_by_key(|(e, _)| e.path != "content.xml");
    let Some(&(first, data)) = todo.first() else {
        return Opened::Parts(Vec::new());
    };
    let found = passwords.open_stretched(path, first.rounds(data), |password| {
        if Instant::now() > deadline {
            return Attempt::Stop;
        }
        let Some(key) = first.key(password) else {
            return Attempt::Stop;
        };
        match first.decrypt(data, &key) {
            Some(plain) => Attempt::Opened((password.to_owned(), plain)),
            None => Attempt::Wrong,
        }
    });
    let Some((password, plain)) = found else {
        return Opened::Closed;
    };
    let mut out = Vec::with_capacity(todo.len());
    let mut left = cap;
    let mut add = |e: &Entry, plain: Vec<u8>, out: &mut Vec<(String, Vec<u8>)>| -> Result<(), String> {
        let part_cap = left.min((plain.len() as u64).saturating_mul(ratio).max(64 * 1024));
        let part = inflate(plain, e.size, part_cap).map_err(|why| format!("its part «{}»: {why}", e.path))?;
        left -= part.len() as u64;
        out.push((e.path.clone(), part));
        Ok(())
    };
    if let Err(why) = add(first, plain, &mut out) {
        return Opened::Unread(why);
    }
    for &(e, data) in &todo[1..] {
        if Instant::now() > deadline || !passwords.spend(e.rounds(data)) {
            return Opened::Unread("the time or the rounds for its other parts ran out".to_owned());
        }
        let Some(plain) = e.key(&password).and_then(|key| e.decrypt(data, &key)) else {
            return Opened::Unread(format!(
                "its part «{}» does not open with the password of the others",
                e.path
            ));
        };
        if let Err(why) = add(e, plain, &mut out) {
            return Opened::Unread(why);
        }
    }
    Opened::Parts(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn fixture(name: &str) -> Vec<u8> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("corpus/sources")
            .join(name);
        std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    fn members(data: &[u8]) -> Vec<(String, Vec<u8>)> {
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(data)).expect("zip");
        (0..z.len())
            .map(|i| {
                let mut f = z.by_index(i).expect("member");
                let mut b = Vec::new();
                f.read_to_end(&mut b).expect("read");
                (f.name().map(|n| n.into_owned()).unwrap_or_default(), b)
            })
            .collect()
    }

    fn open_with(name: &str, text: &str) -> Opened {
        let data = fixture(name);
        let members = members(&data);
        let manifest = &members.iter().find(|(n, _)| n == MANIFEST).expect("manifest").1;
        let parts: Vec<(&str, &[u8])> = members
            .iter()
            .filter(|(n, _)| n != MANIFEST)
            .map(|(n, b)| (n.as_str(), b.as_slice()))
            .collect();
        let mut passwords = Passwords::of_text(text.to_owned());
        open(
            manifest,
            &parts,
            name,
            &mut passwords,
            1 << 24,
            100,
            Instant::now() + Duration::from_secs(30),
        )
    }

    fn content(opened: &Opened) -> String {
        let Opened::Parts(parts) = opened else {
            panic!("not opened: {opened:?}");
        };
        let (_, c) = parts
            .iter()
            .find(|(n, _)| n == "content.xml")
            .expect("content.xml");
        String::from_utf8_lossy(c).into_owned()
    }

    /// LibreOffice's AES-256-CBC (a .odt) and ODF 1.1's Blowfish (a .ods) open with the
    /// password the message gives, and not with another.
    #[test]
    fn libreoffice_and_openoffice_encryption_open_with_the_message_password() {
        let odt = open_with("ke-hoach-odf-password.odt", "Mật khẩu: KH-15/2027");
        assert!(content(&odt).contains("TỐI MẬT"), "{}", content(&odt));
        let Opened::Parts(parts) = &odt else {
            unreachable!()
        };
        assert!(parts.iter().any(|(n, _)| n == "styles.xml"));
        let ods = open_with("bang-ke-odf-blowfish.ods", "mk: LD@2026");
        assert!(content(&ods).contains("MẬT"), "{}", content(&ods));
        for (name, text) in [
            ("ke-hoach-odf-password.odt", "Mật khẩu: KH-15/2026"),
            ("bang-ke-odf-blowfish.ods", "không có mật khẩu"),
        ] {
            assert!(matches!(open_with(name, text), Opened::Closed), "{name}");
        }
    }

    /// LibreOffice 24.8's whole-package encryption (AES-256-GCM, Argon2id) opens to the package
    /// inside; a wrong password does not pass GCM's tag.
    #[test]
    fn a_package_encrypted_whole_opens_to_the_package() {
        let opened = open_with("bao-cao-odf-wholesome.odt", "Mật khẩu: BC#0712");
        let Opened::Parts(parts) = &opened else {
            panic!("not opened: {opened:?}");
        };
        let [(name, package)] = &parts[..] else {
            panic!("{parts:?}");
        };
        assert_eq!(name, ENCRYPTED_PACKAGE);
        let inner = members(package);
        let content = &inner
            .iter()
            .find(|(n, _)| n == "content.xml")
            .expect("content.xml")
            .1;
        assert!(String::from_utf8_lossy(content).contains("TUYỆT MẬT"));
        assert!(matches!(
            open_with("bao-cao-odf-wholesome.odt", "Mật khẩu: BC#0721"),
            Opened::Closed
        ));
    }

    /// A part inflates only as far as its cap (a bomb is damage, not a read), to the size the
    /// manifest says; a picture stored as it was is itself.
    #[test]
    fn a_part_inflates_within_its_cap_to_its_size() {
        use std::io::Write;
        let mut z = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(&vec![0u8; 1 << 20]).expect("deflate");
        let packed = z.finish().expect("deflate");
        assert!(inflate(packed.clone(), None, 64 * 1024).is_err_and(|why| why.contains("past")));
        assert_eq!(
            inflate(packed.clone(), Some(1 << 20), 1 << 20).map(|p| p.len()),
            Ok(1 << 20)
        );
        assert!(inflate(packed, Some(5), 1 << 20).is_err());
        let stored = b"\x89PNG not deflated".to_vec();
        assert_eq!(
            inflate(stored.clone(), Some(stored.len() as u64), 1 << 20),
            Ok(stored)
        );
    }

    /// A manifest naming a cipher or a derivation not read says which, rather than guessing.
    #[test]
    fn an_encryption_not_read_is_named() {
        let manifest = br#"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">
 <manifest:file-entry manifest:full-path="content.xml" manifest:size="10">
  <manifest:encryption-data manifest:checksum-type="x" manifest:checksum="AAAA">
   <manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#tripledes-cbc" manifest:initialisation-vector="AAAAAAAAAAA="/>
   <manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:iteration-count="1024" manifest:salt="AAAAAAAAAAA="/>
  </manifest:encryption-data>
 </manifest:file-entry>
</manifest:manifest>"#;
        let why = entries(manifest, Instant::now() + Duration::from_secs(5)).expect_err("not read");
        assert!(
            why.contains("tripledes-cbc") && why.contains("content.xml"),
            "{why}"
        );
        assert!(is_encrypted(manifest));
    }
}
