#!/usr/bin/env python3
"""Writes the flat OpenDocument sources of the legacy Office files in corpus/sources/ and has
LibreOffice (headless) save them as Word 97 .doc and PowerPoint 97 .ppt, then saves two of them
again with a password (through LibreOffice's UNO bridge). Run from this folder with Debian's
Python (it has the `uno` module, package python3-uno):
    apt-get install libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui python3-uno
    HOME=$(mktemp -d) /usr/bin/python3 make-legacy-office.py [SOURCE.fodt ...]
(with names, only those sources are converted, and the PDFs and password-protected copies are
not made again).
The outputs are committed; the corpus generator embeds them, so it never needs LibreOffice."""
import os, subprocess, sys, tempfile, time

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
      'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/"')

def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')

def fodt(paragraphs, fonts, default_font=None, header=None):
    """paragraphs: (font or None, text); fonts: every font named."""
    faces = ''.join(f'<style:font-face style:name="{f}" svg:font-family="&apos;{f}&apos;"/>' for f in fonts)
    std = f'<style:text-properties style:font-name="{default_font}"/>' if default_font else ''
    autos = ''.join(
        f'<style:style style:name="P{i}" style:family="paragraph" style:parent-style-name="Standard">'
        f'<style:text-properties style:font-name="{f}"/></style:style>' for i, f in enumerate(fonts))
    body = ''.join(
        f'<text:p text:style-name="{"P%d" % fonts.index(f) if f else "Standard"}">{esc(t)}</text:p>'
        for f, t in paragraphs)
    master = ''
    if header:
        master = ('<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">'
                  f'<style:header><text:p text:style-name="Standard">{esc(header)}</text:p></style:header>'
                  '</style:master-page></office:master-styles>')
    return (f'<?xml version="1.0" encoding="UTF-8"?><office:document {NS} office:version="1.3" '
            'office:mimetype="application/vnd.oasis.opendocument.text">'
            f'<office:font-face-decls>{faces}</office:font-face-decls>'
            f'<office:styles><style:style style:name="Standard" style:family="paragraph">{std}</style:style></office:styles>'
            '<office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"/>'
            f'<style:header-style/></style:page-layout>{autos}</office:automatic-styles>{master}'
            f'<office:body><office:text>{body}</office:text></office:body></office:document>')

def fodt_styles(paragraphs, default_font, styles):
    """paragraphs: (style name or None, text); `styles`: named paragraph styles and their fonts,
    based on Standard, whose font is `default_font`: the fonts come from styles, none from runs."""
    fonts = [default_font] + [f for f in styles.values() if f != default_font]
    faces = ''.join(f'<style:font-face style:name="{f}" svg:font-family="&apos;{f}&apos;"/>' for f in fonts)
    named = ''.join(
        f'<style:style style:name="{n}" style:family="paragraph" style:parent-style-name="Standard">'
        f'<style:text-properties style:font-name="{f}"/></style:style>' for n, f in styles.items())
    body = ''.join(f'<text:p text:style-name="{st or "Standard"}">{esc(t)}</text:p>' for st, t in paragraphs)
    return (f'<?xml version="1.0" encoding="UTF-8"?><office:document {NS} office:version="1.3" '
            'office:mimetype="application/vnd.oasis.opendocument.text">'
            f'<office:font-face-decls>{faces}</office:font-face-decls>'
            f'<office:styles><style:style style:name="Standard" style:family="paragraph">'
            f'<style:text-properties style:font-name="{default_font}"/></style:style>{named}</office:styles>'
            f'<office:body><office:text>{body}</office:text></office:body></office:document>')

def fodt_image(paragraphs, png):
    """A text document with a picture (a scan) pasted after its paragraphs, A4-wide."""
    import base64
    frame = ('<text:p><draw:frame draw:name="scan" text:anchor-type="as-char" svg:width="17cm" svg:height="24cm">'
             '<draw:image><office:binary-data>' + base64.b64encode(png).decode() +
             '</office:binary-data></draw:image></draw:frame></text:p>')
    doc = fodt([(None, t) for t in paragraphs], [])
    return doc.replace('</office:text>', frame + '</office:text>')

def fodt_caps(paragraphs, common):
    """Stamps typed in small letters and shown in capitals by a style. paragraphs: (how, text),
    `how` None for Standard, 'span' for a word in an automatic text style in uppercase (then
    the text is (before, stamp, after)), a name for a paragraph style of `common`: {name:
    text-properties}, common styles based on Standard."""
    named = ''.join(
        f'<style:style style:name="{n}" style:family="paragraph" style:parent-style-name="Standard">'
        f'<style:text-properties {props}/></style:style>' for n, props in common.items())
    body = ''
    for how, t in paragraphs:
        if how == 'span':
            before, stamp, after = t
            body += (f'<text:p text:style-name="Standard">{esc(before)}<text:span text:style-name="T1">'
                     f'{esc(stamp)}</text:span>{esc(after)}</text:p>')
        else:
            body += f'<text:p text:style-name="{how or "Standard"}">{esc(t)}</text:p>'
    return (f'<?xml version="1.0" encoding="UTF-8"?><office:document {NS} office:version="1.3" '
            'office:mimetype="application/vnd.oasis.opendocument.text">'
            f'<office:styles><style:style style:name="Standard" style:family="paragraph"/>{named}</office:styles>'
            '<office:automatic-styles><style:style style:name="T1" style:family="text">'
            '<style:text-properties fo:text-transform="uppercase" fo:font-weight="bold"/></style:style></office:automatic-styles>'
            f'<office:body><office:text>{body}</office:text></office:body></office:document>')

def fodp(slides, title):
    """Each slide: its lines, a text frame each."""
    pages = ''
    for i, lines in enumerate(slides):
        frames = ''.join(
            f'<draw:frame svg:x="2cm" svg:y="{2+j*2}cm" svg:width="22cm" svg:height="1.5cm">'
            f'<draw:text-box><text:p>{esc(t)}</text:p></draw:text-box></draw:frame>' for j, t in enumerate(lines))
        pages += f'<draw:page draw:name="page{i+1}">{frames}</draw:page>'
    return (f'<?xml version="1.0" encoding="UTF-8"?><office:document {NS} office:version="1.3" '
            'office:mimetype="application/vnd.oasis.opendocument.presentation">'
            f'<office:meta><dc:title>{esc(title)}</dc:title></office:meta><office:body><office:presentation>{pages}</office:presentation></office:body></office:document>')

# TCVN3 bytes read as Windows-1252 characters (what Word stores for text typed in .VnTime);
# in .VnTimeH the same lowercase codes show as capitals ("TèI MËT" shows as TỐI MẬT).
TCVN3 = [
    ('.VnTime', 'ñY BAN NH¢N D¢N TØNH L¢M §åNG'), ('.VnTime', 'Së NéI Vô'),
    ('.VnTime', 'Sè: 125/SNV-TCCC'), ('.VnTimeH', 'TèI MËT'), ('.VnTime', 'V/v c«ng t¸c'),
    ('.VnTime', 'CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM'), ('.VnTime', '§éc lËp - Tù do - H¹nh phóc'),
    ('.VnTime', 'L©m §ång, ngµy 12 th¸ng 11 n¨m 2026'), ('.VnTime', 'KÝnh göi: Së Tµi chÝnh tØnh L©m §ång'),
    ('.VnTime', 'Thùc hiÖn chØ ®¹o cña ñy ban nh©n d©n tØnh, Së Néi vô b¸o c¸o néi dung c«ng t¸c nh\xad sau.'),
    ('.VnTime', 'N¬i nhËn:'), ('.VnTime', '- Nh\xad trªn;'), ('.VnTime', '- L\xadu: VT.'), ('.VnTimeH', 'gi¸m ®èc'),
]
# VNI bytes as Windows-1252 characters, the document's default font VNI-Times (no font on runs).
VNI = ['UÛY BAN NHAÂN DAÂN TÆNH LAÂM ÑOÀNG', 'SÔÛ NOÄI VUÏ', 'Soá: 125/SNV-TCCC', 'TUYEÄT MAÄT',
       'V/v keá hoaïch', 'COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM', 'Ñoäc laäp - Töï do - Haïnh phuùc',
       'Kính göûi: Sôû Taøi chính tænh Laâm Ñoàng', 'Thöïc hieän chæ ñaïo cuûa UÛy ban nhaân daân tænh.',
       'Nôi nhaän:', '- Löu: VT.', 'GIAÙM ÑOÁC']
UNICODE = ['ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG', 'SỞ NỘI VỤ', 'Số: 125/SNV-TCCC', 'V/v báo cáo',
           'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc',
           'Kính gửi: Sở Tài chính tỉnh Lâm Đồng', 'Sở Nội vụ báo cáo nội dung như sau: tình hình triển khai đã hoàn thành.',
           'Nơi nhận:', '- Lưu: VT.', 'GIÁM ĐỐC']
TRAP = ['ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG', 'TRUNG TÂM CÔNG NGHỆ THÔNG TIN', 'HƯỚNG DẪN BẢO MẬT TÀI KHOẢN THƯ ĐIỆN TỬ',
        'MẬT KHẨU', 'Mật khẩu phải có ít nhất 12 ký tự; không dùng lại mật khẩu cũ.',
        'Mật độ gửi thư: không quá 200 thư mỗi giờ.', 'HỎA TỐC', 'Đơn vị báo cáo trước ngày 15/12/2026.']
SLIDES = [['ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG', 'Số: 40/BC-CA', 'MẬT'],
          ['PHƯƠNG ÁN BẢO ĐẢM AN NINH', 'Lực lượng và phương tiện', 'Thời gian triển khai']]

def main():
    out = os.path.dirname(os.path.abspath(__file__))
    with tempfile.TemporaryDirectory() as tmp:
        # The colour scan of corpus/scans/007 (its word/media/image1.png), pasted into a .doc.
        import zipfile
        scan_docx = os.path.join(out, '..', 'scans', '007-docx-pasted-scan.eml')
        import email
        from email import policy
        with open(scan_docx, 'rb') as f:
            msg = email.message_from_binary_file(f, policy=policy.default)
        docx = next(p.get_payload(decode=True) for p in msg.walk() if (p.get_filename() or '').endswith('.docx'))
        import io
        png = zipfile.ZipFile(io.BytesIO(docx)).read('word/media/image1.png')
        srcs = {
            # TCVN3 with the fonts in styles only: Normal in .VnTime, "Do mat" and "Tieu de" in
            # .VnTimeH (what old templates did).
            'quyet-dinh-styles.fodt': fodt_styles(
                [(None, 'ñY BAN NH¢N D¢N TØNH L¢M §åNG'), (None, 'Sè: 12/Q§-UBND'), ('Do mat', 'tuyÖt mËt'),
                 ('Tieu de', 'quyÕt ®Þnh'), (None, 'VÒ viÖc ban hµnh kÕ ho¹ch b¶o ®¶m an ninh n¨m 2027'),
                 (None, 'Chñ tÞch ñy ban nh©n d©n tØnh quyÕt ®Þnh:'), (None, '§iÒu 1. Ban hµnh kÌm theo QuyÕt ®Þnh nµy kÕ ho¹ch.')],
                '.VnTime', {'Do mat': '.VnTimeH', 'Tieu de': '.VnTimeH'}),
            'van-ban-scan.fodt': fodt_image(['Kính gửi: Sở Tài chính tỉnh Lâm Đồng', 'Văn bản gửi kèm (bản chụp).'], png),
            'cong-van-tcvn3.fodt': fodt(TCVN3, ['.VnTime', '.VnTimeH']),
            'ke-hoach-vni.fodt': fodt([(None, t) for t in VNI], ['VNI-Times'], default_font='VNI-Times'),
            'bao-cao-header-mat.fodt': fodt([(None, t) for t in UNICODE], [], header='MẬT'),
            'huong-dan-bao-mat.fodt': fodt([(None, t) for t in TRAP], []),
            'bao-cao-an-ninh.fodp': fodp(SLIDES, 'Kế hoạch bảo đảm an ninh'),
        }
        # Stamps typed in small letters and shown in capitals by a style (2026-12-05), each
        # saved as .doc, .odt and .docx: a word in an automatic text style in uppercase; a
        # paragraph style "Do mat" in uppercase (and a heading in it that is no marking); a
        # Unicode document whose stamp is in .VnTimeH (TCVN3 bytes in a style's font).
        caps = {
            'ke-hoach-allcaps.fodt': fodt_caps(
                [(None, t) for t in UNICODE[:3]] + [('span', ('', 'Tối mật', ''))] + [(None, t) for t in UNICODE[3:]], {}),
            'bao-cao-style-caps.fodt': fodt_caps(
                [(None, t) for t in UNICODE[:3]] + [('Do mat', 'Mật'), ('Do mat', 'Hướng dẫn bảo mật thông tin')]
                + [(None, t) for t in UNICODE[3:]],
                {'Do mat': 'fo:text-transform="uppercase" fo:font-weight="bold"'}),
            'to-trinh-vntimeh.fodt': fodt_styles(
                [(None, t) for t in UNICODE[:3]] + [('Do mat', 'tuyÖt mËt')] + [(None, t) for t in UNICODE[3:]],
                'Liberation Serif', {'Do mat': '.VnTimeH'}),
        }
        only = sys.argv[1:]
        for name, xml in list(srcs.items()) + list(caps.items()):
            if only and name not in only:
                continue
            with open(os.path.join(tmp, name), 'w', encoding='utf-8') as f:
                f.write(xml)
            if name.endswith('.fodp'):
                targets = ['ppt:MS PowerPoint 97']
            elif name in caps:
                targets = ['doc:MS Word 97', 'odt', 'docx:MS Word 2007 XML']
            else:
                targets = ['doc:MS Word 97']
            for to in targets:
                subprocess.run(['soffice', '--headless', '--convert-to', to, '--outdir', out,
                                os.path.join(tmp, name)], check=True)

def encrypt(pairs):
    """Saves each (source, target, filter) again with the password "matkhau"."""
    import uno
    from com.sun.star.beans import PropertyValue

    def pv(n, v):
        p = PropertyValue(); p.Name = n; p.Value = v
        return p
    office = subprocess.Popen(['soffice', '--headless', '--invisible', '--norestore',
                               '--accept=socket,host=127.0.0.1,port=2202;urp;'])
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    ctx = None
    for _ in range(60):
        try:
            ctx = resolver.resolve('uno:socket,host=127.0.0.1,port=2202;urp;StarOffice.ComponentContext')
            break
        except Exception:
            time.sleep(0.5)
    desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
    for src, dst, flt in pairs:
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), '_blank', 0,
                                           (pv('Hidden', True),))
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)),
                       (pv('FilterName', flt), pv('Password', 'matkhau')))
        doc.close(True)
    try:
        desktop.terminate()
    except Exception:
        pass
    office.wait(timeout=30)

if __name__ == '__main__':
    main()
    if sys.argv[1:]:
        sys.exit(0)
    here = os.path.dirname(os.path.abspath(__file__))
    # Two of them as PDF: without a font that has every Vietnamese letter (Debian 12 with
    # fonts-liberation and fonts-dejavu), LibreOffice draws the missing ones from a fallback font
    # after the rest of the line.
    for name in ['bao-cao-header-mat.doc', 'cong-van-tcvn3.doc']:
        subprocess.run(['soffice', '--headless', '--convert-to', 'pdf', '--outdir', here,
                        os.path.join(here, name)], check=True)
    encrypt([(os.path.join(here, 'bao-cao-header-mat.doc'), os.path.join(here, 'bao-cao-mat-khau.doc'), 'MS Word 97'),
             (os.path.join(here, 'bang-ke-mat.xls'), os.path.join(here, 'bang-ke-mat-khau.xls'), 'MS Excel 97')])
