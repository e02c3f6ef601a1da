//! The PDF standard security handler, for the cases a gateway can open: a file encrypted with
//! an **empty user password** (what "protect from copying/printing" writes; any reader opens it
//! without asking), or with a user password the message gives ([`super::passwords`]). The file
//! key is derived and checked against `/U` the way the PDF specification (ISO 32000-2, 7.6.4)
//! describes — revisions 2–4 (RC4 40–128 bits, AES-128) and 5–6 (AES-256) — and each stream is
//! decrypted before its filters. A file whose password is not known stays unreadable.
//!
//! RC4 and CBC are written here (a few lines each, with the variable key lengths PDF uses); the
//! block cipher and the hashes come from the RustCrypto crates `aes`, `md-5` and `sha2`.

use aes::cipher::{BlockDecrypt, BlockEncrypt, KeyInit, generic_array::GenericArray};
use md5::{Digest, Md5};
use sha2::{Sha256, Sha384, Sha512};

/// The padding string of revisions 2–4.
const PAD: [u8; 32] = [
    0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08, 0x2E,
    0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
];

/// The encryption dictionary's values this handler needs.
#[derive(Debug, Default, Clone)]
pub struct Security {
    /// `/Filter`: only `Standard` is known.
    pub filter: String,
    pub v: u32,
    pub r: u32,
    /// `/Length` in bits (40 when absent).
    pub length: u32,
    pub o: Vec<u8>,
    pub u: Vec<u8>,
    pub ue: Vec<u8>,
    pub p: i32,
    pub encrypt_metadata: bool,
    /// The stream crypt filter's method: `V2` (RC4), `AESV2`, `AESV3`, `None`.
    pub cfm: String,
    /// The first element of the trailer's `/ID`.
    pub id0: Vec<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Method {
    Rc4,
    Aes128,
    Aes256,
    Identity,
}

/// Decrypts the streams of a file opened with its user password.
#[derive(Debug, Clone)]
pub struct Decryptor {
    key: Vec<u8>,
    method: Method,
}

impl Decryptor {
    /// The file key for the user password `password` (empty: none), or why there is none.
    pub fn open(s: &Security, password: &[u8]) -> Result<Decryptor, String> {
        if s.filter.is_empty() {
            return Err(
                "the PDF is encrypted (its encryption dictionary is missing or unreadable)".to_owned(),
            );
        }
        if s.filter != "Standard" {
            return Err(format!(
                "the PDF is encrypted by the /{} security handler",
                s.filter
            ));
        }
        let method = match (s.v, s.cfm.as_str()) {
            (1 | 2, _) => Method::Rc4,
            (4, "V2") => Method::Rc4,
            (4, "AESV2") => Method::Aes128,
            (4 | 5, "None") => Method::Identity,
            (5, "AESV3") => Method::Aes256,
            (v, cfm) => return Err(format!("the PDF's encryption (V {v}, {cfm}) is not supported")),
        };
        let key = match s.r {
            2..=4 => key_r4(s, password)?,
            5 | 6 => key_r6(s, password)?,
            r => return Err(format!("the PDF's encryption revision {r} is not supported")),
        };
        Ok(Decryptor { key, method })
    }

    /// The plain bytes of the stream of object `num` `generation`.
    pub fn stream(&self, num: u32, generation: u16, data: &[u8]) -> Vec<u8> {
        let object_key = |aes: bool| {
            let mut h = Md5::new();
            h.update(&self.key);
            h.update(&num.to_le_bytes()[..3]);
            h.update(generation.to_le_bytes());
            if aes {
                h.update(b"sAlT");
            }
            let d = h.finalize();
            d[..(self.key.len() + 5).min(16)].to_vec()
        };
        match self.method {
            Method::Identity => data.to_vec(),
            Method::Rc4 => rc4(&object_key(false), data),
            Method::Aes128 => aes_cbc_decrypt(&object_key(true), data),
            Method::Aes256 => aes_cbc_decrypt(&self.key, data),
        }
    }
}

/// Whether `open` failed only for want of the right password (the file is otherwise readable).
pub fn needs_password(why: &str) -> bool {
    why == NEEDS_PASSWORD
}

/// Revisions 2–4: the key from the padded password, `/O`, `/P` and the file ID, checked against
/// `/U`.
fn key_r4(s: &Security, password: &[u8]) -> Result<Vec<u8>, String> {
    // The password's first 32 bytes, completed with the padding string.
    let mut padded = [0u8; 32];
    let n = password.len().min(32);
    padded[..n].copy_from_slice(&password[..n]);
    padded[n..].copy_from_slice(&PAD[..32 - n]);
    let n = if s.r == 2 {
        5
    } else {
        (s.length / 8).clamp(5, 16) as usize
    };
    let mut h = Md5::new();
    h.update(padded);
    h.update(s.o.get(..32).ok_or("the PDF's /O entry is too short")?);
    h.update(s.p.to_le_bytes());
    h.update(&s.id0);
    if s.r >= 4 && !s.encrypt_metadata {
        h.update([0xFF; 4]);
    }
    let mut key = h.finalize()[..n].to_vec();
    if s.r >= 3 {
        for _ in 0..50 {
            key = Md5::digest(&key)[..n].to_vec();
        }
    }
    let ok = if s.r == 2 {
        s.u.get(..32) == Some(&rc4(&key, &PAD)[..])
    } else {
        let mut h = Md5::new();
        h.update(PAD);
        h.update(&s.id0);
        let mut x = rc4(&key, &h.finalize());
        for i in 1..=19u8 {
            let k: Vec<u8> = key.iter().map(|b| b ^ i).collect();
            x = rc4(&k, &x);
        }
        s.u.get(..16) == Some(&x[..])
    };
    if ok {
        Ok(key)
    } else {
        Err(NEEDS_PASSWORD.to_owned())
    }
}

const NEEDS_PASSWORD: &str = "the PDF is encrypted with a password (not the empty one)";

/// Revisions 5–6 (AES-256): the password's hash checked against `/U`, then the file key
/// unwrapped from `/UE`.
fn key_r6(s: &Security, password: &[u8]) -> Result<Vec<u8>, String> {
    let u = s.u.get(..48).ok_or("the PDF's /U entry is too short")?;
    let (hash, validation_salt, key_salt) = (&u[..32], &u[32..40], &u[40..48]);
    // UTF-8, at most 127 bytes (the specification's limit).
    let password = &password[..password.len().min(127)];
    let salted = |salt: &[u8]| {
        if s.r == 5 {
            let mut h = Sha256::new();
            h.update(password);
            h.update(salt);
            h.finalize().to_vec()
        } else {
            hash_2b(password, salt)
        }
    };
    if salted(validation_salt) != hash {
        return Err(NEEDS_PASSWORD.to_owned());
    }
    let wrap = salted(key_salt);
    let ue = s.ue.get(..32).ok_or("the PDF's /UE entry is too short")?;
    let cipher = aes::Aes256::new(GenericArray::from_slice(&wrap));
    // AES-256 in CBC mode with a zero IV and no padding.
    let mut prev = [0u8; 16];
    let mut key = Vec::with_capacity(32);
    for block in ue.chunks_exact(16) {
        let mut b = GenericArray::clone_from_slice(block);
        cipher.decrypt_block(&mut b);
        key.extend(b.iter().zip(prev).map(|(x, p)| x ^ p));
        prev.copy_from_slice(block);
    }
    Ok(key)
}

/// Algorithm 2.B (revision 6) for a user password (no owner key).
fn hash_2b(password: &[u8], salt: &[u8]) -> Vec<u8> {
    let mut k = {
        let mut h = Sha256::new();
        h.update(password);
        h.update(salt);
        h.finalize().to_vec()
    };
    let mut round = 0u32;
    loop {
        let k1: Vec<u8> = [password, &k[..]].concat().repeat(64);
        let cipher = aes::Aes128::new(GenericArray::from_slice(&k[..16]));
        let mut e = Vec::with_capacity(k1.len());
        let mut prev: [u8; 16] = k[16..32].try_into().unwrap_or([0; 16]);
        for block in k1.chunks_exact(16) {
            let mut b = GenericArray::default();
            for (d, (x, p)) in b.iter_mut().zip(block.iter().zip(prev)) {
                *d = x ^ p;
            }
            cipher.encrypt_block(&mut b);
            prev.copy_from_slice(&b);
            e.extend_from_slice(&b);
        }
        let sum: u32 = e[..16].iter().map(|&b| b as u32).sum();
        k = match sum % 3 {
            0 => Sha256::digest(&e).to_vec(),
            1 => Sha384::digest(&e).to_vec(),
            _ => Sha512::digest(&e).to_vec(),
        };
        round += 1;
        let last = *e.last().unwrap_or(&0) as u32;
        if round >= 64 && last + 32 <= round {
            break;
        }
        if round > 4096 {
            break;
        }
    }
    k.truncate(32);
    k
}

/// RC4 with a key of any length.
fn rc4(key: &[u8], data: &[u8]) -> Vec<u8> {
    if key.is_empty() {
        return data.to_vec();
    }
    let mut s: [u8; 256] = std::array::from_fn(|i| i as u8);
    let mut j = 0u8;
    for i in 0..256 {
        j = j.wrapping_add(s[i]).wrapping_add(key[i % key.len()]);
        s.swap(i, j as usize);
    }
    let (mut i, mut j) = (0u8, 0u8);
    data.iter()
        .map(|&b| {
            i = i.wrapping_add(1);
            j = j.wrapping_add(s[i as usize]);
            s.swap(i as usize, j as usize);
            b ^ s[s[i as usize].wrapping_add(s[j as usize]) as usize]
        })
        .collect()
}

/// AES-CBC with the IV in the first 16 bytes and PKCS#7 padding (removed when well-formed).
fn aes_cbc_decrypt(key: &[u8], data: &[u8]) -> Vec<u8> {
    let Some((iv, body)) = data.split_first_chunk::<16>() else {
        return Vec::new();
    };
    let Some(mut out) = aes_cbc(key, iv, body) else {
        return Vec::new();
    };
    if let Some(&pad) = out.last()
        && (1..=16).contains(&pad)
        && out.len() >= pad as usize
        && out[out.len() - pad as usize..].iter().all(|&b| b == pad)
    {
        out.truncate(out.len() - pad as usize);
    }
    out
}

/// AES-CBC decryption of the whole blocks of `body` with a 128- or 256-bit `key` and the IV
/// `iv`, padding left as it is (a PDF's is PKCS#7, an OpenDocument part's W3C's); `None` for a
/// key or IV of another length. Shared with [`super::odf_crypt`].
pub(super) fn aes_cbc(key: &[u8], iv: &[u8], body: &[u8]) -> Option<Vec<u8>> {
    let mut prev: [u8; 16] = iv.try_into().ok()?;
    let mut out = Vec::with_capacity(body.len());
    let mut run = |decrypt: &dyn Fn(&mut GenericArray<u8, aes::cipher::consts::U16>)| {
        for block in body.chunks_exact(16) {
            let mut b = GenericArray::clone_from_slice(block);
            decrypt(&mut b);
            out.extend(b.iter().zip(prev).map(|(x, p)| x ^ p));
            prev.copy_from_slice(block);
        }
    };
    match key.len() {
        16 => {
            let c = aes::Aes128::new(GenericArray::from_slice(key));
            run(&|b| c.decrypt_block(b));
        }
        32 => {
            let c = aes::Aes256::new(GenericArray::from_slice(key));
            run(&|b| c.decrypt_block(b));
        }
        _ => return None,
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rc4_known_answer() {
        // RFC 6229-style vector: key "Key", plaintext "Plaintext".
        assert_eq!(
            rc4(b"Key", b"Plaintext"),
            [0xBB, 0xF3, 0x16, 0xE8, 0xD9, 0x40, 0xAF, 0x0A, 0xD3]
        );
    }

    #[test]
    fn a_wrong_handler_or_short_entries_are_errors_not_panics() {
        let mut s = Security {
            filter: "Standard".into(),
            v: 2,
            r: 3,
            length: 128,
            ..Security::default()
        };
        assert!(Decryptor::open(&s, b"").is_err());
        s.r = 6;
        s.v = 5;
        s.cfm = "AESV3".into();
        assert!(Decryptor::open(&s, b"").is_err());
        s.filter = "Adobe.PubSec".into();
        assert!(Decryptor::open(&s, b"").is_err());
        assert!(aes_cbc_decrypt(&[0; 16], &[1, 2, 3]).is_empty());
    }
}
