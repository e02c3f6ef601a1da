#!/usr/bin/env python3
"""Writes the legacy Excel workbooks in TCVN3 fonts of corpus/sources/ with xlwt (BIFF8, each
cell's font in its format), and has LibreOffice (headless) save each again as .xlsx (shared
strings, each cell's font in xl/styles.xml). Run from this folder:
    pip install xlwt==1.3.0; apt-get install libreoffice-calc-nogui
    HOME=$(mktemp -d) python3 make-legacy-excel.py
The outputs are committed; the corpus generator embeds them, so it never needs either."""
import os, subprocess
import xlwt

# TCVN3 bytes read as Windows-1252 characters (what Excel stores for text typed in .VnTime); in
# .VnTimeH the same lower-case codes show as capitals ("mËt" shows as MẬT).
BANG_LUONG = [
    ('.VnTimeH', 'ñy ban nh©n d©n tØnh l©m ®ång'), ('.VnTimeH', 'së tµi chÝnh'),
    ('.VnTime', 'Sè: 45/BK-STC'), ('.VnTimeH', 'mËt'),
    ('.VnTimeH', 'b¶ng kª kinh phÝ b¶o ®¶m an ninh n¨m 2026'),
    ('.VnTime', 'STT'), ('.VnTime', 'Néi dung chi'), ('.VnTime', 'Sè tiÒn (®ång)'),
    ('.VnTime', 'Chi mua s¾m trang thiÕt bÞ'), ('.VnTime', 'Chi c«ng t¸c phÝ'),
    ('.VnTime', 'Ng\xadêi lËp biÓu'),
]
# A Unicode workbook whose stamp was pasted from an old template: TCVN3 bytes in .VnTimeH.
MIXED = [
    ('Times New Roman', 'ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG'), ('Times New Roman', 'SỞ TÀI CHÍNH'),
    ('Times New Roman', 'Số: 46/BK-STC'), ('.VnTimeH', 'tèi mËt'),
    ('Times New Roman', 'BẢNG KÊ KINH PHÍ BẢO ĐẢM AN NINH NĂM 2026'),
    ('Times New Roman', 'STT'), ('Times New Roman', 'Nội dung chi'), ('Times New Roman', 'Số tiền (đồng)'),
    ('Times New Roman', 'Chi mua sắm trang thiết bị'), ('Times New Roman', 'Người lập biểu'),
]

def workbook(rows, name, encoding):
    wb = xlwt.Workbook(encoding=encoding)
    ws = wb.add_sheet('Bang ke')
    styles = {}
    for i, (font, text) in enumerate(rows):
        if font not in styles:
            st = xlwt.XFStyle(); f = xlwt.Font(); f.name = font; st.font = f
            styles[font] = st
        ws.write(i, 0, text, styles[font])
    wb.save(name)

if __name__ == '__main__':
    here = os.path.dirname(os.path.abspath(__file__))
    for rows, name, enc in [(BANG_LUONG, 'bang-ke-tcvn3.xls', 'cp1252'), (MIXED, 'bang-ke-vntimeh-mixed.xls', 'utf-8')]:
        path = os.path.join(here, name)
        workbook(rows, path, enc)
        subprocess.run(['soffice', '--headless', '--convert-to', 'xlsx', '--outdir', here, path], check=True)
