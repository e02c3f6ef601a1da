#!/usr/bin/env python3
# Saves an OpenDocument file with a password the way LibreOffice 24.8 and later do («ODF
# Wholesome Encryption»), which Debian 12's LibreOffice 7.4 cannot: the whole package, deflated
# (raw), encrypted with AES-256-GCM (a 12-byte IV, written again before the ciphertext, and the
# 16-byte tag after it) under a key Argon2id derives from the password's SHA-256 (3 passes,
# 64 MiB, 4 lanes, as LibreOffice), as the one part `encrypted-package` beside `mimetype` and a
# manifest. Checked against LibreOffice 24.8's own files and with odfdecrypt 0.1.0 (PyPI), an
# independent reader (2026-12-06). Needs argon2-cffi and cryptography (PyPI):
#
#   HOME=$(mktemp -d) TEXT=$'BỘ CHỈ HUY QUÂN SỰ TỈNH LÂM ĐỒNG\nSố: 07/BC-BCH\nTUYỆT MẬT\nBÁO CÁO\nTình hình bảo vệ mục tiêu quan trọng' \
#       /usr/bin/python3 make-odf-password.py /tmp/bao-cao.odt - writer
#   python3 make-odf-wholesome.py /tmp/bao-cao.odt 'BC#0712' bao-cao-odf-wholesome.odt
import base64, hashlib, os, sys, zipfile, zlib
from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

source, password, out = sys.argv[1], sys.argv[2], sys.argv[3]
inner = open(source, "rb").read()
media_type = zipfile.ZipFile(source).read("mimetype").decode()
deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
packed = deflate.compress(inner) + deflate.flush()
salt, iv = os.urandom(16), os.urandom(12)
key = hash_secret_raw(hashlib.sha256(password.encode()).digest(), salt, time_cost=3, memory_cost=65536,
                      parallelism=4, hash_len=32, type=Type.ID)
sealed = iv + AESGCM(key).encrypt(iv, packed, None)
b64 = lambda b: base64.b64encode(b).decode()
manifest = f'''<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.4" xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0">
 <manifest:file-entry manifest:full-path="encrypted-package" manifest:media-type="{media_type}" manifest:size="{len(inner)}">
  <manifest:encryption-data>
   <manifest:algorithm manifest:algorithm-name="http://www.w3.org/2009/xmlenc11#aes256-gcm" manifest:initialisation-vector="{b64(iv)}"/>
   <manifest:start-key-generation manifest:start-key-generation-name="http://www.w3.org/2001/04/xmlenc#sha256" manifest:key-size="32"/>
   <manifest:key-derivation manifest:key-derivation-name="urn:org:documentfoundation:names:experimental:office:manifest:argon2id" loext:argon2-iterations="3" loext:argon2-memory="65536" loext:argon2-lanes="4" manifest:salt="{b64(salt)}" manifest:key-size="32"/>
  </manifest:encryption-data>
 </manifest:file-entry>
</manifest:manifest>
'''
with zipfile.ZipFile(out, "w") as z:
    z.writestr("mimetype", media_type, compress_type=zipfile.ZIP_STORED)
    z.writestr("encrypted-package", sealed, compress_type=zipfile.ZIP_STORED)
    z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
