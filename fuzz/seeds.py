#!/usr/bin/env python3
"""Seed corpora for the fuzz targets, written to OUT/<target>/ from mail nobody wrote for them:
the project's corpus/ and ../shared/corpus/mime-testsuites (read in place, never copied into
the repository). Whole messages seed `message`, `spam_rules` and `milter_session`; their parts
seed the extractors by type (PDF, RTF, HTML, zip-based documents and their XML members, text).

Usage: fuzz/seeds.py OUT            (run from anywhere; paths are relative to this file)
"""

import email
import email.policy
import hashlib
import io
import os
import struct
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SOURCES = [
    os.path.join(ROOT, "corpus"),
    os.path.join(ROOT, "..", "shared", "corpus", "mime-testsuites"),
]
# Seeds larger than this are skipped: libFuzzer works best on small inputs.
MAX_SEED = 256 * 1024
TARGETS = [
    "message", "pdf", "rtf", "html", "office_xml", "zip", "legacy_text",
    "markings", "spam_rules", "milter_session", "config", "ole", "auth",
]
# DNS records sender authentication parses (the domain owner's, so hostile too).
AUTH_RECORDS = [
    b"v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 a mx include:_spf.example.org redirect=example.net -all",
    b"v=spf1 exists:%{i}.%{l1r+-}._spf.%{d} ?all exp=explain._spf.%{d}",
    b"v=DMARC1; p=reject; sp=quarantine; np=reject; adkim=s; aspf=r; pct=100; rua=mailto:d@example.org; t=y; psd=n",
    b"v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=",
    b"v=DKIM1; k=rsa; h=sha256; t=y:s; n=note; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDwIRP/UC3SBsEmGqZ9ZJW3/DkMoGeLnQg1fWn7/zYtIxN2SnFC",
]
OLE_MAGIC = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"


def put(out, target, data):
    if not data or len(data) > MAX_SEED:
        return
    d = os.path.join(out, target)
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def milter_packet(cmd, payload=b""):
    return struct.pack(">I", len(payload) + 1) + cmd + payload


def milter_conversation(raw):
    """A Postfix-like milter conversation delivering `raw`."""
    out = milter_packet(b"O", struct.pack(">III", 6, 0x1FF, 0x1FFFFF))
    out += milter_packet(b"C", b"client.example\x004\x00\x0fa192.0.2.10\x00")
    out += milter_packet(b"H", b"client.example\x00")
    out += milter_packet(b"M", b"<sender@lamdong.gov.vn>\x00")
    out += milter_packet(b"R", b"<vanthu@lamdong.gov.vn>\x00")
    head, _, body = raw.replace(b"\r\n", b"\n").partition(b"\n\n")
    for line in head.split(b"\n"):
        if b":" in line and not line[:1].isspace():
            name, _, value = line.partition(b":")
            out += milter_packet(b"L", name + b"\x00" + value.strip() + b"\x00")
    out += milter_packet(b"N")
    for i in range(0, len(body), 65535):
        out += milter_packet(b"B", body[i:i + 65535])
    out += milter_packet(b"E")
    out += milter_packet(b"Q")
    return out


def split_document(out, data):
    """Zip-based documents: the archive, and its XML members for the XML reader."""
    put(out, "zip", data)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for info in z.infolist()[:50]:
                if info.filename.endswith(".xml") and info.file_size <= MAX_SEED:
                    put(out, "office_xml", z.read(info))
    except Exception:
        pass


def parts(out, raw):
    try:
        msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    except Exception:
        return
    for part in msg.walk():
        if part.is_multipart():
            continue
        try:
            data = part.get_payload(decode=True) or b""
        except Exception:
            continue
        ctype = (part.get_content_type() or "").lower()
        name = (part.get_filename() or "").lower()
        if data.startswith(b"%PDF") or name.endswith(".pdf"):
            put(out, "pdf", data)
        elif data.startswith(OLE_MAGIC):
            put(out, "ole", data)
        elif data.startswith(b"{\\rtf"):
            put(out, "rtf", data)
        elif data.startswith(b"PK\x03\x04"):
            split_document(out, data)
        elif data.startswith(b"\x78\x9f\x3e\x22"):
            # Outlook's winmail.dat (TNEF): walked as an archive.
            put(out, "zip", data)
        elif ctype == "text/html":
            put(out, "html", data)
            put(out, "markings", b"\x01" + data)
        elif ctype.startswith("text/"):
            put(out, "legacy_text", data)
            put(out, "markings", b"\x02" + data)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    for t in TARGETS:
        os.makedirs(os.path.join(out, t), exist_ok=True)
    for src in SOURCES:
        if not os.path.isdir(src):
            sys.exit(f"seeds.py: {src} is missing")
        for dirpath, _, files in os.walk(src):
            for f in sorted(files):
                path = os.path.join(dirpath, f)
                with open(path, "rb") as fh:
                    raw = fh.read(MAX_SEED + 1)
                if len(raw) > MAX_SEED or f.endswith((".sha256", ".md", ".toml", ".txt", ".json", ".py")):
                    continue
                if raw.startswith(OLE_MAGIC):
                    put(out, "ole", raw)
                    continue
                if raw.startswith(b"%PDF"):
                    put(out, "pdf", raw)
                    continue
                put(out, "message", raw)
                put(out, "auth", raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0])
                put(out, "spam_rules", raw)
                put(out, "milter_session", milter_conversation(raw))
                parts(out, raw)
    # The configuration loader: the shipped example and the repository's own configs.
    for dirpath, _, files in os.walk(os.path.join(ROOT, "config")):
        for f in files:
            if f.endswith(".toml"):
                with open(os.path.join(dirpath, f), "rb") as fh:
                    put(out, "config", fh.read())
    for record in AUTH_RECORDS:
        put(out, "auth", record)
    counts = {t: len(os.listdir(os.path.join(out, t))) for t in TARGETS}
    print(" ".join(f"{t}={n}" for t, n in counts.items()))


if __name__ == "__main__":
    main()
