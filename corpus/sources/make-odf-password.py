#!/usr/bin/env python3
# Writes an OpenDocument file saved with a password through LibreOffice's UNO bridge, as a user's
# «Save with password» does: the fixtures `ke-hoach-odf-password.odt`, `giay-moi-odf-password.odt`
# (AES-256-CBC, SHA-256 start key, PBKDF2 100,000 rounds) and `bang-ke-odf-blowfish.ods` (saved
# as ODF 1.1, which LibreOffice encrypts with Blowfish CFB and a SHA-1 start key, as OpenOffice
# does). Needs Debian 12's libreoffice-writer-nogui, libreoffice-calc-nogui and python3-uno, and
# is run with the system Python (2026-12-06):
#
#   HOME=$(mktemp -d) /usr/bin/python3 make-odf-password.py ke-hoach-odf-password.odt 'KH-15/2027' writer
#   HOME=$(mktemp -d) TEXT=$'ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\nBẢNG KÊ\nMẬT\nDanh sách cán bộ được giao nhiệm vụ năm 2027\nNguyễn Văn A' \
#       /usr/bin/python3 make-odf-password.py bang-ke-odf-blowfish.ods 'LD@2026' calc odf11
#   HOME=$(mktemp -d) TEXT=$'SỞ NỘI VỤ TỈNH LÂM ĐỒNG\nGIẤY MỜI\nHọp giao ban công tác tháng 12 năm 2026\nThời gian: 8 giờ 00 ngày 10/12/2026\nĐịa điểm: Phòng họp số 2\nVề việc đổi mật khẩu hộp thư công vụ và bảo mật tài khoản.' \
#       /usr/bin/python3 make-odf-password.py giay-moi-odf-password.odt 'GM@1012' writer
#
# Salts and IVs are random: the files are committed, not made again by the tests.
import sys, time, subprocess, os, uno
from com.sun.star.beans import PropertyValue
def pv(n, v):
    p = PropertyValue(); p.Name = n; p.Value = v; return p
out, password, kind = sys.argv[1], sys.argv[2], sys.argv[3]
odf11 = len(sys.argv) > 4 and sys.argv[4] == "odf11"
proc = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore",
    "--accept=socket,host=127.0.0.1,port=2202;urp;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
for _ in range(60):
    try:
        ctx = resolver.resolve("uno:socket,host=127.0.0.1,port=2202;urp;StarOffice.ComponentContext"); break
    except Exception: time.sleep(0.5)
smgr = ctx.ServiceManager
if odf11:
    cp = smgr.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", ctx)
    upd = cp.createInstanceWithArguments("com.sun.star.configuration.ConfigurationUpdateAccess",
        (pv("nodepath", "/org.openoffice.Office.Common/Save/ODF"),))
    uno.invoke(upd, "setPropertyValue", ("DefaultVersion", uno.Any("short", 2)))
    upd.commitChanges()
desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
lines = os.environ.get("TEXT", "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\nSố: 15/KH-UBND\nTỐI MẬT\nKẾ HOẠCH\nBảo vệ mục tiêu trọng điểm năm 2027\nKính gửi: Công an tỉnh.").split("\n")
if kind == "writer":
    doc = desktop.loadComponentFromURL("private:factory/swriter", "_blank", 0, (pv("Hidden", True),))
    text = doc.Text
    for l in lines:
        text.insertString(text.End, l, False)
        text.insertControlCharacter(text.End, 0, False)
    flt = "writer8"
else:
    doc = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (pv("Hidden", True),))
    sheet = doc.Sheets.getByIndex(0)
    for i, l in enumerate(lines):
        sheet.getCellByPosition(0, i).String = l
    flt = "calc8"
args = (pv("FilterName", flt),) + (() if password == "-" else (pv("Password", password),))
doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)), args)
doc.close(True)
try: desktop.terminate()
except Exception: pass
proc.wait(timeout=30)
