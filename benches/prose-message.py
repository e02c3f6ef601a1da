#!/usr/bin/env python3
"""Writes a 10 KB letter of real Vietnamese prose for the benches (issue 21): the built-in
letter of `canhgac-tools bench --write-message` repeats one sentence (65 distinct tokens), which
flatters every per-word cost; this one is ~10 KB of the Cybersecurity Law 2018 (1,200+ distinct
tokens), from the shared corpus, under the same headers.

    benches/prose-message.py [OUT] [SHARED]    # defaults: /tmp/canhgac-prose.eml, ../shared

Then e.g. `MESSAGE=/tmp/canhgac-prose.eml benches/through-postfix.sh`, or
`INPUT=/tmp/canhgac-prose.eml benches/scanner-times.sh`."""
import json
import os
import sys
import textwrap

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/canhgac-prose.eml"
shared = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "..", "shared")
law = json.load(open(os.path.join(shared, "corpus", "vietnamese-legal-text", "cybersecurity-law-2018.json"), encoding="utf-8"))


def texts(x):
    if isinstance(x, str):
        yield x
    elif isinstance(x, dict):
        for v in x.values():
            yield from texts(v)
    elif isinstance(x, list):
        for v in x:
            yield from texts(v)


lines = []
for para in "\n".join(s for s in texts(law["provisions"]) if len(s) > 30).split("\n"):
    lines += textwrap.wrap(para, 76) or [""]
head = (
    'From: "Văn phòng" <vanphong@lamdong.gov.vn>\n'
    "To: <stc@lamdong.gov.vn>\n"
    "Subject: =?UTF-8?B?VGjDtG5nIGLDoW8gbOG7i2NoIGjhu41w?=\n"
    "Date: Mon, 30 Nov 2026 08:15:00 +0700\n"
    "Message-ID: <bench.1@lamdong.gov.vn>\n"
    "MIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=utf-8\n"
    "Content-Transfer-Encoding: 8bit\n\n"
)
body, i = "", 20
while len((head + body).encode()) < 10200:
    body += lines[i] + "\n"
    i += 1
with open(out, "w", encoding="utf-8") as f:
    f.write(head + body)
print(f"{out}: {len((head + body).encode())} bytes")
