#!/usr/bin/env python3
"""Writes the labelled Vietnamese spam/ham set (issue 19) as .eml files beside this script.

Every message here was written for canhgac: synthetic, but modelled on the scams and the ordinary
mail a provincial office in Vietnam receives. Run it again after editing the samples:
    python3 corpus/vietnamese-spam/make.py
"""
import base64, email.utils, hashlib, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))

def eml(sender, to, subject, body, html=None, date_i=0, extra=()):
    h = email.header.Header(subject, 'utf-8').encode()
    mid = hashlib.sha1((sender + subject).encode()).hexdigest()[:16]
    domain = sender.split('@')[-1].strip('>')
    lines = [
        f"From: {sender}",
        f"To: {to}",
        f"Subject: {h}",
        f"Date: {email.utils.formatdate(1764547200 + date_i * 5231, localtime=False)}",
        f"Message-ID: <{mid}@{domain}>",
        "MIME-Version: 1.0",
    ] + list(extra)
    b64 = lambda t: "\r\n".join(base64.encodebytes(t.encode()).decode().split("\n")).rstrip()
    if html is None:
        lines += ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", "", b64(body)]
    else:
        bnd = "=_b" + mid
        lines += [f'Content-Type: multipart/alternative; boundary="{bnd}"', "",
                  f"--{bnd}", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", "", b64(body),
                  f"--{bnd}", "Content-Type: text/html; charset=utf-8", "Content-Transfer-Encoding: base64", "", b64(html),
                  f"--{bnd}--"]
    return ("\r\n".join(lines) + "\r\n").encode()

import email.header

def name(n, addr):
    return f"{email.header.Header(n, 'utf-8').encode()} <{addr}>"

SPAM = []
HAM = []
def spam(*a, **k): SPAM.append(eml(*a, **k))
def ham(*a, **k): HAM.append(eml(*a, **k))
TO = "nguyenvanan@lamdong.gov.vn"

# ---- spam: loans -------------------------------------------------------------------------
spam(name("Tài chính 24h", "hotro.vaynhanh@gmail.com"), TO, "Vay tiền nhanh 50 triệu - giải ngân trong ngày",
 "Chào anh/chị,\nBạn cần tiền gấp? Vay tiền nhanh online chỉ cần CCCD, không thẩm định, không cần thế chấp.\n"
 "Hạn mức lên đến 50 triệu, lãi suất thấp chỉ từ 0.8%/tháng. Hồ sơ đơn giản, giải ngân trong ngày, tiền về tài khoản sau 15 phút.\n"
 "Hỗ trợ cả khách hàng nợ xấu.\nĐăng ký tại: https://vaynhanh24h.vip/dang-ky\nLiên hệ Zalo 0912 345 678", date_i=1)
spam(name("App Vay Online", "no-reply@tindungnhanh.top"), TO, "Khoản vay của bạn đã được duyệt",
 "Xin chúc mừng! Hồ sơ vay của quý khách đã được duyệt với hạn mức 30.000.000đ.\n"
 "Vui lòng tải app vay và xác nhận để nhận tiền ngay. Không gặp mặt, không chứng minh thu nhập.\n"
 "Giải ngân nhanh trong 30 phút: https://bit.ly/vay-duyet-ngay", date_i=2)
spam(name("Hỗ Trợ Tài Chính", "tuvan.taichinh88@yahoo.com"), TO, "HỖ TRỢ VAY VỐN KHÔNG THẾ CHẤP - LÃI SUẤT 0%",
 "Bạn đang cần vốn kinh doanh? Chúng tôi hỗ trợ vay tín chấp, vay tiêu dùng theo lương, trả góp hàng tháng.\n"
 "Lãi suất 0% tháng đầu. Thủ tục đơn giản, chỉ cần căn cước, duyệt vay trong 5 phút, giải ngân 100% qua tài khoản.\n"
 "Gọi ngay 0987.654.321 hoặc nhắn Zalo để được tư vấn miễn phí!!!", date_i=3)
spam(name("Ngân hàng số", "thongbao@nganhang-so.online"), TO, "Ưu đãi vay tiêu dùng dành riêng cho cán bộ công chức",
 "<html><body><p>Kính gửi quý khách,</p><p>Chương trình vay tiêu dùng dành cho cán bộ, công chức: hạn mức đến 500 triệu, "
 "không cần thế chấp, duyệt hồ sơ online, giải ngân nhanh trong ngày.</p><p><a href='https://vaycanbo.online/form'>Đăng ký ngay</a></p></body></html>",
 html="<html><body><p>Kính gửi quý khách,</p><p>Chương trình <b>vay tiêu dùng</b> dành cho cán bộ, công chức: hạn mức đến 500 triệu, "
 "không cần thế chấp, duyệt hồ sơ online, giải ngân nhanh trong ngày.</p><p><a href='https://vaycanbo.online/form'>Đăng ký ngay</a></p></body></html>", date_i=4)

# ---- spam: gambling -------------------------------------------------------------------------
spam(name("Nhà cái uy tín", "vip.club88@gmail.com"), TO, "Tặng 200K cho tân thủ - nạp đầu x2",
 "Nhà cái uy tín số 1 Châu Á. Cá cược thể thao, casino trực tuyến, nổ hũ, bắn cá, tài xỉu.\n"
 "Thưởng nạp đầu 100%, hoàn trả mỗi ngày 1.5%, rút tiền nhanh trong 3 phút.\nLink vào: https://club88vip.bet\nCode tân thủ: NEW200", date_i=5)
spam(name("Soi Kèo", "soikeo.hanoi@outlook.com"), TO, "Kèo nhà cái tối nay - tỷ lệ kèo chuẩn",
 "Soi cầu lô đề, tỷ lệ kèo bóng đá ngoại hạng Anh tối nay. Đặt cược ngay để nhận khuyến mãi nạp 50%.\n"
 "Tham gia nhóm Telegram: https://t.me/soikeochuan", date_i=6)
spam(name("Game Bài Đổi Thưởng", "cskh@gamebai.club"), TO, "🎰 Quay hũ nhận Jackpot 1 tỷ",
 "Cổng game bài đổi thưởng số 1: xóc đĩa, baccarat, rồng hổ, nổ hũ. Tặng giftcode 100K cho người chơi mới. Tải game: https://gamebai.club/tai", date_i=7)

# ---- spam: prizes -------------------------------------------------------------------------
spam(name("Chương trình tri ân khách hàng", "tri.an.khachhang2026@gmail.com"), TO, "Chúc mừng quý khách đã trúng thưởng xe SH 150i",
 "Chúc mừng quý khách! Số điện thoại của bạn đã được chọn là khách hàng may mắn trong chương trình tri ân khách hàng năm 2026.\n"
 "Giải thưởng: 01 xe SH 150i và 20 triệu tiền mặt.\nĐể nhận thưởng, quý khách vui lòng nộp phí vận chuyển 2.500.000đ vào tài khoản bên dưới trong vòng 24 giờ.\n"
 "Mã dự thưởng: TA-2026-8891", date_i=8)
spam(name("Shopee Khuyến Mãi", "khuyenmai@shopee-quatang.com"), TO, "Bạn đã trúng iPhone 16 Pro Max",
 "Chúc mừng bạn đã trúng giải đặc biệt vòng quay may mắn: 01 iPhone 16 Pro Max.\nXác nhận nhận quà tại https://shopee-quatang.com/nhan-qua và thanh toán phí nhận quà 350.000đ.", date_i=9)
spam(name("Viettel", "quatang.viettel@gmail.com"), TO, "Thông báo nhận quà tặng 5.000.000đ",
 "Chúc mừng thuê bao của quý khách đã trúng thưởng phần quà 5.000.000đ tiền mặt. Nhận ngay tại https://viettel-uudai.vip trước khi hết hạn nhận.", date_i=10)

# ---- spam: impersonation: tax, BHXH, police, banks, VNeID ---------------------------------
spam(name("Cục Thuế tỉnh Lâm Đồng", "cucthue.lamdong@gmail.com"), TO, "Thông báo hoàn thuế thu nhập cá nhân năm 2025",
 "Cơ quan thuế thông báo: quý vị đủ điều kiện nhận hoàn thuế thu nhập cá nhân số tiền 4.350.000đ.\n"
 "Để nhận hoàn tiền, vui lòng cài đặt ứng dụng eTax tại đường link sau và cập nhật thông tin cá nhân trong vòng 24 giờ:\n"
 "https://etax-hoanthue.com/app\nNếu không cập nhật, hồ sơ sẽ bị hủy.", date_i=11)
spam(name("Tổng cục Thuế", "thongbao@gdt-gov.vn.com"), TO, "Yêu cầu đồng bộ mã số thuế với căn cước",
 "Theo quy định mới, mã số thuế cá nhân phải đồng bộ dữ liệu với số căn cước trước ngày 31/12. "
 "Quý vị bấm vào link https://gdt-gov.vn.com/dongbo để xác thực thông tin. Quá hạn sẽ bị xử phạt theo quy định.", date_i=12)
spam(name("BHXH Việt Nam", "bhxh.vn.hotro@gmail.com"), TO, "Cập nhật thông tin bảo hiểm xã hội",
 "Bảo hiểm xã hội Việt Nam thông báo: sổ BHXH của bạn chưa được tích hợp vào VNeID. Vui lòng tải ứng dụng và xác minh danh tính ngay lập tức để không bị gián đoạn quyền lợi.\n"
 "Link tải: https://vssid-capnhat.info/tai", date_i=13)
spam(name("Công an tỉnh", "congan.dieutra.pa05@gmail.com"), TO, "Giấy triệu tập - điều tra đường dây rửa tiền",
 "Cơ quan công an đang điều tra đường dây rửa tiền có liên quan đến tài khoản ngân hàng của ông/bà. "
 "Để chứng minh trong sạch, ông/bà phải chuyển tiền vào tài khoản tạm giữ của cơ quan điều tra trong vòng 24 giờ, nếu không sẽ có lệnh bắt tạm giam.\n"
 "Liên hệ cán bộ điều tra qua Zalo 0909 111 222.", date_i=14)
spam(name("Vietcombank", "security@vietcombank-xacthuc.com"), TO, "Tài khoản của bạn bị khóa tạm thời",
 "Kính gửi quý khách, tài khoản của bạn bị khóa do phát hiện đăng nhập bất thường. Vui lòng xác minh tài khoản tại:\n"
 "https://vietcombank-xacthuc.com/login\nvà nhập mã OTP được gửi đến điện thoại để mở khóa.",
 html="<p>Kính gửi quý khách, tài khoản của bạn bị khóa do phát hiện đăng nhập bất thường.</p>"
 "<p>Vui lòng xác minh tài khoản tại <a href='https://vietcombank-xacthuc.com/login'>https://www.vietcombank.com.vn/xac-minh</a> và nhập mã OTP.</p>", date_i=15)
spam(name("Bộ Công an - VNeID", "vneid.capnhat@outlook.com"), TO, "Kích hoạt định danh điện tử mức 2",
 "Tài khoản định danh điện tử VNeID của bạn sẽ bị vô hiệu hóa nếu không kích hoạt mức 2 trong 24h. "
 "Nhấn vào link sau và cung cấp ảnh chân dung, số căn cước: https://vneid-kichhoat.com", date_i=16)
spam(name("Điện lực Lâm Đồng", "evn.lamdong.thanhtoan@gmail.com"), TO, "THÔNG BÁO NGỪNG CUNG CẤP ĐIỆN",
 "Khách hàng còn nợ cước tiền điện tháng 11. Điện lực sẽ cắt điện trong 24 giờ nếu không thanh toán ngay lập tức. "
 "Thanh toán tại: https://evn-thanhtoan.top", date_i=17)
spam(name("Cổng dịch vụ công", "dichvucong@dvc-gov.vn"), TO, "Tra cứu phạt nguội phương tiện",
 "Phương tiện của quý vị có vi phạm giao thông chưa nộp phạt. Tra cứu vi phạm và nộp phạt trực tuyến tại:",
 html="<p>Phương tiện của quý vị có vi phạm giao thông chưa nộp phạt. Tra cứu vi phạm và nộp phạt trực tuyến tại: "
 "<a href='http://dvc-gov.vn/phatnguoi'>dichvucong.gov.vn</a></p>", date_i=18)
spam(name("BIDV", "bidv-thongbao@bidv-online.net"), TO, "Xác thực sinh trắc học trước 01/01",
 "Theo quy định của Ngân hàng Nhà nước, quý khách cần xác thực sinh trắc học. Tài khoản chưa cập nhật sẽ bị tạm khóa giao dịch. "
 "Cập nhật tại: https://bidv-online.net/sinhtrachoc", date_i=19)
spam(name("Giao Hàng Nhanh", "ghn.giaohang@gmail.com"), TO, "Đơn hàng của bạn đang bị giữ lại",
 "Bưu điện thông báo: bưu kiện của quý khách bị giữ lại do sai địa chỉ. Vui lòng cập nhật thông tin và thanh toán phí 15.000đ tại https://ghn-capnhat.xyz trong 24h để giao lại.", date_i=20)

# ---- spam: webmail phishing of the province -------------------------------------------------
spam(name("Quản trị hệ thống thư điện tử", "admin@lamdong-gov.vn"), TO, "Hộp thư của bạn đã đầy",
 "Hộp thư công vụ của bạn đã vượt quá dung lượng cho phép (99%). Thư đến sẽ bị chặn.\n"
 "Để nâng cấp dung lượng, vui lòng đăng nhập và xác nhận tài khoản tại: https://mail.lamdong-gov.vn/nangcap", date_i=21)
spam(name("Webmail Lâm Đồng", "it.support@mail-lamdong.com"), TO, "Mật khẩu email của bạn sẽ hết hạn hôm nay",
 "Mật khẩu tài khoản email nguyenvanan@lamdong.gov.vn sẽ hết hạn trong 24 giờ. Nhấn vào đây để giữ mật khẩu hiện tại:",
 html="<p>Mật khẩu tài khoản email <b>nguyenvanan@lamdong.gov.vn</b> sẽ hết hạn trong 24 giờ.</p>"
 "<p><a href='https://lamdong.gov.vn.secure-mail.ru/keep'>https://mail.lamdong.gov.vn/giu-mat-khau</a></p>", date_i=22)
spam(name("Bộ phận IT", "helpdesk.lamdong@outlook.com"), TO, "Xác minh hộp thư - tránh bị vô hiệu hóa",
 "Hệ thống phát hiện hộp thư của bạn chưa xác minh. Tài khoản sẽ bị vô hiệu hóa và mất dữ liệu nếu không xác minh trong 24h.\n"
 "Đăng nhập tại https://forms.gle/xacminh-hopthu", date_i=23)
spam(name("Thư điện tử công vụ", "noreply@lamdonq.gov.vn"), TO, "Thông báo: 5 thư đến đang bị treo",
 "Bạn có 5 thư đến bị treo do lỗi đồng bộ. Đăng nhập để nhận thư: https://lamdonq.gov.vn/webmail/login", date_i=24)

# ---- spam: investment -------------------------------------------------------------------------
spam(name("Chuyên gia Đầu tư", "dautu.thongminh@gmail.com"), TO, "Lợi nhuận 5% mỗi ngày - cam kết không rủi ro",
 "Tham gia nhóm Zalo của đội ngũ chuyên gia để nhận tín hiệu đầu tư tiền điện tử mỗi ngày.\n"
 "Cam kết lợi nhuận 5%/ngày, vốn nhỏ chỉ từ 2 triệu, nạp tiền và rút tiền tự động. Cơ hội duy nhất cho 50 thành viên đầu tiên!\nhttps://zalo.me/g/dautu5", date_i=25)
spam(name("Sàn Forex Quốc Tế", "support@fx-global-vn.com"), TO, "Nhân đôi tài khoản sau 7 ngày",
 "Sàn giao dịch forex, bitcoin, USDT uy tín. Chuyên gia phân tích hỗ trợ 24/7, lợi nhuận cao, thu nhập thụ động. "
 "Đăng ký hôm nay tặng thêm 20% vốn: https://fx-global-vn.com", date_i=26)
spam(name("CLB Cổ Phiếu", "khuyennghi.cophieu@yahoo.com"), TO, "Mã cổ phiếu sắp tăng trần - khuyến nghị miễn phí",
 "Đội ngũ chuyên gia khuyến nghị mã cổ phiếu chắc chắn tăng x3 trong tháng. Vào nhóm Telegram để nhận tín hiệu đầu tư miễn phí, "
 "lợi nhuận cao, hoa hồng cho người giới thiệu: https://t.me/clbcophieu", date_i=27)

# ---- spam: job scams -------------------------------------------------------------------------
spam(name("Tuyển CTV", "tuyendung.ctv2026@gmail.com"), TO, "Tuyển cộng tác viên làm tại nhà - 500K/ngày",
 "Việc nhẹ lương cao! Tuyển cộng tác viên làm nhiệm vụ đơn hàng Shopee, Lazada tại nhà. Chỉ cần điện thoại thông minh, "
 "không cần kinh nghiệm, thời gian linh hoạt. Thu nhập 300-500K mỗi ngày, hoa hồng 15%, thanh toán cuối ngày.\nLiên hệ Zalo 0933 222 111", date_i=28)
spam(name("TikTok Việc Làm", "hr@tiktok-viec.com"), TO, "Việc làm thêm online: thả tim, xem video",
 "Bán thời gian: thả tim và xem video TikTok, mỗi nhiệm vụ 10K. Rút tiền về ví ngay. Làm online mọi lúc, không cần vốn. Nhận việc tại https://tiktok-viec.com", date_i=29)

# ---- spam: advance fee -------------------------------------------------------------------------
spam(name("Mr. David Wilson", "davidwilson.un@gmail.com"), TO, "Món quà từ nước ngoài",
 "Chào bạn, tôi là bác sĩ Mỹ đang làm việc cho Liên Hợp Quốc. Tôi đã gửi cho bạn một gói hàng gồm quà từ nước ngoài và 150.000 USD tiền mặt.\n"
 "Kiện hàng hiện đang được giữ tại sân bay, bạn cần nộp phí thông quan 12.500.000đ cho hải quan để nhận. Hãy giữ bí mật và chuyển khoản sớm.", date_i=30)
spam(name("Luật sư Nguyễn Hoàng", "luatsu.thuake@gmail.com"), TO, "Thừa kế tài sản 2,5 triệu USD",
 "Thân chủ của tôi qua đời không có người thân, để lại khoản tiền 2,5 triệu USD trong tài khoản nước ngoài. "
 "Tôi đề nghị hợp tác để chuyển khoản tiền này về Việt Nam, chia đôi. Bạn chỉ cần nộp phí thủ tục ban đầu. Bảo mật tuyệt đối.", date_i=31)

# ---- spam: bulk advertising -------------------------------------------------------------------
spam(name("Sim Số Đẹp", "simsodep.vn@gmail.com"), TO, "Sim số đẹp giá sốc - giảm giá 50%",
 "Khuyến mãi lớn cuối năm! Sim số đẹp, sim tứ quý giảm giá 50%. Miễn phí giao sim tận nơi. Số lượng có hạn, nhanh tay đặt hàng ngay hôm nay!!!\nXem kho sim: https://simsodep.shop", date_i=32)
spam(name("Thực phẩm chức năng", "sale@suckhoevang.top"), TO, "Giảm cân an toàn - cam kết hoàn tiền 100%",
 "Sản phẩm giảm cân thảo dược, giảm 5-7kg sau 1 liệu trình. Cam kết hoàn tiền 100% nếu không hiệu quả. Mua ngay: ưu đãi chỉ còn hôm nay, miễn phí vận chuyển. Nhấn vào đây: https://suckhoevang.top", date_i=33)
spam(name("Đất Nền Bảo Lộc", "batdongsan.baoloc@gmail.com"), TO, "Đất nền Bảo Lộc giá rẻ chỉ 399 triệu/lô - sổ hồng riêng",
 "Cơ hội đầu tư đất nền Bảo Lộc sinh lời cao, sổ hồng riêng, ngân hàng hỗ trợ vay 70%. Chỉ còn 5 lô cuối, nhanh tay liên hệ Zalo 0977 888 999. Đừng bỏ lỡ!", date_i=34)
spam(name("Khóa học làm giàu", "thanhcong@kiemtienonline.vip"), TO, "Kiếm tiền online 30 triệu/tháng",
 "Bí quyết kiếm tiền online, thu nhập khủng 30 triệu mỗi tháng chỉ với 2 giờ mỗi ngày. Đăng ký ngay khóa học miễn phí, số lượng có hạn: https://kiemtienonline.vip", date_i=35)

# ---- spam: no diacritics and mixed -----------------------------------------------------------
spam(name("Ho tro vay", "vaynhanh.hotro@gmail.com"), TO, "Vay tien nhanh khong the chap",
 "Can tien gap? Vay tien nhanh chi can CCCD, giai ngan trong ngay, lai suat thap, ho tro no xau. Lien he Zalo 0911 222 333 hoac https://vaytien.vip", date_i=36)
spam(name("Сục Thuế", "thongbao.thue@mail.ru"), TO, "Thông báo quyết toán thuế - khẩn cấp",
 "Cơ quan thuế yêu cầu quý vị xác thực thông tin quyết toán thuế trước hạn cuối ngày mai, nếu không sẽ bị xử phạt. Truy cập link: https://quyettoan-thue.com", date_i=37)

# ---- ham: ordinary Vietnamese mail (not official dispatches) ------------------------------
ham(name("Trần Thị Bình", "tranthibinh@lamdong.gov.vn"), TO, "Lịch họp giao ban tuần sau",
 "Anh An ơi,\nChị gửi lịch họp giao ban tuần sau: sáng thứ Hai lúc 8h tại phòng họp tầng 2. Anh chuẩn bị giúp chị báo cáo tình hình thực hiện nhiệm vụ tháng 11 nhé.\nCảm ơn anh,\nBình", date_i=40)
ham(name("Lê Văn Cường", "cuonglv1985@gmail.com"), TO, "Ảnh chuyến đi Đà Lạt",
 "Chào An,\nMình gửi mấy tấm ảnh chuyến đi Đà Lạt cuối tuần rồi. Hôm nào rảnh cả nhóm lại đi cà phê nhé. Có gì nhắn Zalo cho mình.\nCường", date_i=41)
ham(name("Mẹ", "nguyenthihoa1960@yahoo.com"), TO, "Tết này con về không",
 "Con ơi, Tết này con có về quê không? Mẹ định làm bánh chưng sớm. Nhớ mặc ấm, Đà Lạt dạo này lạnh lắm. Mẹ.", date_i=42)
ham(name("Công an tỉnh Lâm Đồng", "pa05@congan.lamdong.gov.vn"), TO, "Cảnh báo thủ đoạn lừa đảo giả danh cơ quan thuế, công an",
 "Thời gian gần đây, các đối tượng giả danh cơ quan thuế, công an gọi điện, gửi thư điện tử yêu cầu người dân cài đặt ứng dụng, "
 "cập nhật thông tin, chuyển tiền vào tài khoản tạm giữ để phục vụ điều tra. Công an tỉnh đề nghị cán bộ, công chức nâng cao cảnh giác, "
 "tuyệt đối không cung cấp mã OTP, mật khẩu, không chuyển tiền cho người lạ; khi phát hiện dấu hiệu lừa đảo, trình báo cơ quan công an gần nhất.", date_i=43)
ham(name("Vietcombank", "vcbdigibank@info.vietcombank.com.vn"), TO, "Vietcombank thông báo biến động số dư",
 "Tài khoản 0123456789 +15,000,000 VND lúc 10:15 02/12/2026. Số dư: 25,430,000 VND. Nội dung: LUONG THANG 11.\n"
 "Vietcombank không yêu cầu khách hàng cung cấp mật khẩu, mã OTP qua bất kỳ hình thức nào.", date_i=44)
ham(name("Cục Thuế tỉnh Lâm Đồng", "cucthue@lamdong.gdt.gov.vn"), TO, "Hướng dẫn quyết toán thuế thu nhập cá nhân năm 2025",
 "Cục Thuế tỉnh Lâm Đồng hướng dẫn các tổ chức, cá nhân thực hiện quyết toán thuế thu nhập cá nhân năm 2025. "
 "Hạn cuối nộp hồ sơ là ngày 31/3/2026. Người nộp thuế có thể nộp hồ sơ và đề nghị hoàn thuế trực tuyến tại https://thuedientu.gdt.gov.vn "
 "hoặc ứng dụng eTax Mobile. Mọi vướng mắc xin liên hệ bộ phận hỗ trợ.", date_i=45)
ham(name("Trung tâm Công nghệ thông tin", "ttcntt@lamdong.gov.vn"), TO, "Thông báo nâng cấp hệ thống thư điện tử công vụ",
 "Trung tâm Công nghệ thông tin thông báo: hệ thống thư điện tử công vụ sẽ được nâng cấp từ 22h thứ Bảy đến 2h Chủ nhật. "
 "Trong thời gian nâng cấp, người dùng không đăng nhập được hộp thư. Sau nâng cấp, đề nghị đổi mật khẩu tại https://mail.lamdong.gov.vn. "
 "Trung tâm không yêu cầu cung cấp mật khẩu qua thư.", date_i=46)
ham(name("BHXH tỉnh Lâm Đồng", "bhxh@lamdong.baohiemxahoi.gov.vn"), TO, "Thông báo kết quả đóng BHXH tháng 11/2026",
 "Bảo hiểm xã hội tỉnh Lâm Đồng thông báo kết quả đóng bảo hiểm xã hội, bảo hiểm y tế tháng 11/2026 của đơn vị. "
 "Đơn vị tra cứu chi tiết trên ứng dụng VssID hoặc cổng https://baohiemxahoi.gov.vn.", date_i=47)
ham(name("Phạm Minh Đức", "ducpm@lamdong.gov.vn"), TO, "Re: Hồ sơ vay vốn hộ nghèo xã Lộc Thành",
 "Anh An,\nEm đã rà soát hồ sơ vay vốn của các hộ nghèo xã Lộc Thành theo chương trình của Ngân hàng Chính sách xã hội. "
 "Có 12 hồ sơ đủ điều kiện vay với lãi suất ưu đãi, 3 hồ sơ cần bổ sung giấy tờ. Em gửi bảng tổng hợp kèm theo.\nĐức", date_i=48)
ham(name("Hoàng Thu Hà", "hoangthuha@lamdong.gov.vn"), TO, "Tối nay xem bóng đá không",
 "Tối nay Việt Nam đá với Thái Lan đấy, cả phòng ra quán cà phê đầu đường xem nhé. Ai dự đoán trúng tỉ số thì được bao nước :)", date_i=49)
ham(name("Tiki", "hotro@tiki.vn"), TO, "Đơn hàng #12345678 đã được giao thành công",
 "Chào Nguyễn Văn An, đơn hàng #12345678 gồm 2 sản phẩm đã được giao thành công lúc 14:20. Cảm ơn bạn đã mua sắm tại Tiki. "
 "Đánh giá sản phẩm để nhận 100 Astra.", date_i=50)
ham(name("Nguyễn Thị Lan", "lannt@lamdong.gov.vn"), TO, "Chúc mừng sinh nhật anh An",
 "Chúc mừng sinh nhật anh An! Chúc anh luôn mạnh khỏe, hạnh phúc và thành công. Cả phòng có món quà nhỏ gửi anh, chiều nay mời anh liên hoan nhé.", date_i=51)
ham(name("Đoàn Thanh niên", "doanthanhnien@lamdong.gov.vn"), TO, "Kế hoạch hiến máu tình nguyện tháng 12",
 "Đoàn cơ sở phối hợp với Bệnh viện Đa khoa tỉnh tổ chức hiến máu tình nguyện vào sáng thứ Sáu. Đoàn viên đăng ký tham gia tại phòng Văn thư trước thứ Tư.", date_i=52)
ham(name("Võ Quang Huy", "huyvq.dalat@gmail.com"), TO, "Gửi bài viết hội thảo",
 "Chào anh An,\nTôi gửi anh bản thảo bài viết cho hội thảo về chuyển đổi số ở địa phương. Anh góp ý giúp phần đánh giá hiệu quả đầu tư hạ tầng công nghệ thông tin nhé.\nTrân trọng,\nHuy", date_i=53)
ham(name("Lazada Việt Nam", "no-reply@lazada.vn"), TO, "Xác nhận đơn hàng của bạn",
 "Cảm ơn bạn đã đặt hàng. Đơn hàng 998877 sẽ được giao trong 2-3 ngày. Bạn có thể theo dõi đơn hàng trong ứng dụng Lazada.", date_i=54)
ham(name("Ngân hàng Agribank", "thongbao@agribank.com.vn"), TO, "Agribank thông báo lịch nghỉ Tết Dương lịch",
 "Agribank Chi nhánh Lâm Đồng thông báo lịch nghỉ Tết Dương lịch từ ngày 01/01 đến hết ngày 01/01. Các giao dịch trực tuyến vẫn hoạt động bình thường. "
 "Agribank khuyến cáo khách hàng cảnh giác với các thủ đoạn lừa đảo, không cung cấp mã OTP cho bất kỳ ai.", date_i=55)
ham(name("Trần Quốc Tuấn", "tuantq@lamdong.gov.vn"), TO, "Nhờ anh xem giúp tờ trình",
 "Anh An ơi, em gửi dự thảo tờ trình về việc mua sắm thiết bị cho phòng. Anh xem giúp phần dự toán và cho em ý kiến trước thứ Năm nhé. Cảm ơn anh.", date_i=56)
ham(name("Bưu điện tỉnh", "buudien@vnpost.vn"), TO, "Thông báo phát bưu gửi",
 "Bưu điện tỉnh Lâm Đồng thông báo bưu gửi EMS số EA123456789VN gửi đến quý khách đã phát thành công ngày 01/12. Tra cứu tại https://www.vnpost.vn.", date_i=57)
ham(name("Lớp cao học K25", "caohock25@googlegroups.com"), TO, "Họp lớp cuối năm",
 "Các bạn lớp cao học K25 thân mến, lớp mình họp mặt cuối năm vào tối thứ Bảy 20/12 tại nhà hàng Cây Thông. Mỗi bạn đóng 300 nghìn, chuyển khoản cho thủ quỹ Mai nhé. Xác nhận tham gia trong nhóm Zalo lớp.", date_i=58)
ham(name("Sở Tài chính", "stc@lamdong.gov.vn"), TO, "Đề nghị cung cấp số liệu dự toán",
 "Sở Tài chính đề nghị các đơn vị cung cấp số liệu dự toán ngân sách năm 2027 trước ngày 15/12. Biểu mẫu đính kèm. Trân trọng.", date_i=59)
ham(name("Nguyễn Văn Bảo", "baonv@lamdong.gov.vn"), TO, "Tài liệu tập huấn an toàn thông tin",
 "Gửi anh tài liệu tập huấn an toàn thông tin: nhận diện thư lừa đảo giả mạo hộp thư công vụ, cách kiểm tra đường link trước khi đăng nhập, "
 "không cung cấp mật khẩu cho bất kỳ ai kể cả người tự xưng quản trị hệ thống. Anh phổ biến cho các phòng giúp em.", date_i=60)
ham(name("Nhóm đầu tư cá nhân", "minhquan.invest@gmail.com"), TO, "Góp ý kế hoạch tài chính gia đình",
 "An ơi, mình đọc bài anh gửi về quản lý tài chính gia đình. Mình nghĩ nên để một phần tiết kiệm ngân hàng, một phần mua vàng, đầu tư dài hạn thì ổn. Cuối tuần cà phê bàn tiếp nhé.", date_i=61)
ham(name("Phòng Tổ chức", "phongtochuc@lamdong.gov.vn"), TO, "Thông báo tuyển dụng viên chức năm 2026",
 "Sở thông báo tuyển dụng viên chức năm 2026: 05 chỉ tiêu chuyên ngành công nghệ thông tin. Hồ sơ nộp tại Phòng Tổ chức trước ngày 30/12. Chi tiết tại https://lamdong.gov.vn.", date_i=62)
ham(name("Đặng Thị Mai", "maidt@lamdong.gov.vn"), TO, "Quỹ công đoàn thăm hỏi",
 "Anh An, công đoàn phòng mình thu quỹ thăm hỏi gia đình chị Hương, mỗi người 200 nghìn. Anh chuyển khoản hoặc gửi tiền mặt cho em nhé.", date_i=63)
ham(name("Shopee", "info@mail.shopee.vn"), TO, "Đơn hàng đang trên đường giao",
 "Đơn hàng 240112ABC của bạn đang trên đường giao đến. Shipper sẽ liên hệ bạn trong hôm nay. Vui lòng giữ điện thoại để nhận hàng.", date_i=64)
ham(name("Hội Cựu chiến binh", "hoiccb@lamdong.gov.vn"), TO, "Mời dự lễ kỷ niệm 22/12",
 "Trân trọng kính mời đồng chí tới dự lễ kỷ niệm ngày thành lập Quân đội nhân dân Việt Nam 22/12 tại hội trường cơ quan lúc 8h00.", date_i=65)
ham(name("Trường THPT Trần Phú", "thpttranphu@lamdong.edu.vn"), TO, "Thông báo họp phụ huynh học kỳ I",
 "Kính gửi quý phụ huynh, nhà trường tổ chức họp phụ huynh học sinh lớp 11A2 vào sáng Chủ nhật. Kính mời quý phụ huynh tham dự đầy đủ. Giáo viên chủ nhiệm.", date_i=66)
ham(name("Lê Hoàng Nam", "namlh@lamdong.gov.vn"), TO, "Fwd: Cảnh báo email giả mạo hộp thư công vụ",
 "Em chuyển tiếp cảnh báo của Trung tâm CNTT: đang có thư giả mạo 'Hộp thư của bạn đã đầy' yêu cầu đăng nhập tại đường link lạ để xác nhận. "
 "Đây là thư lừa đảo, tuyệt đối không nhấn vào link và không cung cấp mật khẩu.", date_i=67)
ham(name("Vũ Thị Thảo", "thaovt@lamdong.gov.vn"), TO, "Báo cáo kết quả thu ngân sách",
 "Em gửi anh báo cáo kết quả thu ngân sách 11 tháng, đạt 92% dự toán. Các khoản thu từ thuế, phí tăng so với cùng kỳ. Anh xem và cho ý kiến.", date_i=68)
ham(name("Grab", "no-reply@grab.com"), TO, "Biên nhận chuyến đi của bạn",
 "Cảm ơn bạn đã đi cùng Grab. Chuyến đi từ Hồ Xuân Hương đến Sở Thông tin và Truyền thông, tổng tiền 45.000đ, thanh toán tiền mặt.", date_i=69)
ham(name("Công đoàn ngành", "congdoan@lamdong.gov.vn"), TO, "Chương trình tri ân đoàn viên cuối năm",
 "Công đoàn ngành tổ chức chương trình tri ân đoàn viên có nhiều đóng góp trong năm. Mỗi công đoàn cơ sở giới thiệu 02 đoàn viên. Phần quà gồm giấy khen và tiền thưởng theo quy chế.", date_i=70)
ham(name("Nguyễn Hữu Phước", "phuocnh@lamdong.gov.vn"), TO, "Lịch trực Tết",
 "Gửi anh lịch trực Tết Nguyên đán của phòng. Anh trực ngày mùng 3. Có gì thay đổi báo em trước ngày 20/1.", date_i=71)
ham(name("Báo Lâm Đồng", "toasoan@baolamdong.vn"), TO, "Bản tin sáng 02/12",
 "Bản tin sáng: Lâm Đồng đẩy mạnh chuyển đổi số; Đà Lạt chuẩn bị Festival Hoa; Cảnh báo thủ đoạn lừa đảo qua mạng dịp cuối năm; Thời tiết: sương mù, nhiệt độ 14-22 độ.", date_i=72)
ham(name("Hà Văn Lộc", "locdalat@gmail.com"), TO, "Hỏi thăm",
 "Lâu rồi không gặp, dạo này anh khỏe không? Em mới chuyển về làm ở Bảo Lộc, có dịp lên Đà Lạt em ghé thăm anh chị. Số em vẫn vậy, anh gọi Zalo nhé.", date_i=73)
ham(name("Ban Quản lý dự án", "bqlda@lamdong.gov.vn"), TO, "Tiến độ giải ngân vốn đầu tư công",
 "Ban Quản lý dự án báo cáo tiến độ giải ngân vốn đầu tư công năm 2026: đã giải ngân 78% kế hoạch vốn. Các dự án chậm giải ngân cần đẩy nhanh tiến độ thanh toán khối lượng hoàn thành.", date_i=74)

# ---- a second set, written after the rules' first version and measured on it before they were
# widened (6 of its 25 scams were caught then: BENCHMARKS.md) ------------------------------
TO = "lethithu@lamdong.gov.vn"
spam(name("FE Credit Hỗ Trợ","fecredit.hotro247@gmail.com"),TO,"Khoản vay 70 triệu đã sẵn sàng giải ngân",
 "Quý khách được cấp hạn mức vay 70.000.000 VNĐ. Chỉ cần chụp ảnh CCCD 2 mặt gửi qua Zalo 0868 111 222 để nhận tiền. Không cần đến chi nhánh.")
spam(name("Vay Online 5 Phút","support@vay5phut.net"),TO,"Nhận ngay 10 triệu - không cần giấy tờ",
 "<p>Cần tiền gấp cuối tháng? Nhận ngay 10 triệu vào tài khoản chỉ sau 5 phút, không cần giấy tờ phức tạp, không gọi người thân.</p><p><a href='https://vay5phut.net'>Đăng ký vay</a></p>",
 html="<p>Cần tiền gấp cuối tháng? Nhận ngay 10 triệu vào tài khoản chỉ sau 5 phút, không cần giấy tờ phức tạp, không gọi người thân.</p><p><a href='https://vay5phut.net'>Đăng ký vay</a></p>")
spam(name("W88 Việt Nam","w88vn.cskh@gmail.com"),TO,"Thưởng chào mừng 8.888.000đ",
 "Đăng ký tài khoản hôm nay nhận thưởng chào mừng 8.888.000đ. Thể thao, live casino, xổ số siêu tốc, game slot. Nạp rút 24/7. Truy cập link dự phòng: https://w88vn-link.com")
spam(name("Kết quả xổ số VIP","soicau.vip@gmail.com"),TO,"Số đẹp hôm nay - bao lô chính xác 100%",
 "Anh em muốn ăn lô đề chắc chắn thì vào nhóm VIP. Dàn đề 36 số, bạch thủ lô, song thủ lô chuẩn xác. Phí vào nhóm 500k. Liên hệ Telegram @soicauvip")
spam(name("Ban tổ chức","bantochuc.minigame@gmail.com"),TO,"Thông báo kết quả quay thưởng",
 "Xin chúc mừng, tài khoản của bạn đã trúng giải nhì trị giá 30.000.000đ trong chương trình quay thưởng mừng sinh nhật. Vui lòng liên hệ bộ phận trả thưởng và đóng phí bảo hiểm giải thưởng 10% để nhận giải.")
spam(name("Cục Thuế","hotro.thuetncn@outlook.com"),TO,"Cảnh cáo: nợ thuế thu nhập cá nhân",
 "Mã số thuế của ông/bà đang nợ thuế TNCN 12.560.000đ. Cơ quan thuế sẽ khóa mã số thuế và cấm xuất cảnh nếu không nộp trong 48 giờ. Tra cứu và nộp tại: https://tracuu-mst.com")
spam(name("BHXH","vssid-thongbao@gmail.com"),TO,"Hướng dẫn nhận trợ cấp thất nghiệp online",
 "Bảo hiểm xã hội hỗ trợ nhận trợ cấp một lần online. Tải ứng dụng VssID bản mới tại link https://vssid-online.net rồi đăng nhập bằng số CCCD và mật khẩu để nhận tiền.")
spam(name("Phòng Cảnh sát hình sự","pc02.congan@gmail.com"),TO,"Giấy mời làm việc",
 "Công an thông báo số điện thoại và tài khoản của anh/chị liên quan đến vụ án lừa đảo chiếm đoạt tài sản. Yêu cầu anh/chị giữ bí mật, kết nối qua Zalo với cán bộ thụ lý và phối hợp kê khai tài sản trong ngày.")
spam(name("Techcombank","no-reply@techcombank-vn.com"),TO,"Giao dịch bất thường - xác nhận ngay",
 "Techcombank phát hiện giao dịch chuyển 18.900.000 VND từ tài khoản của quý khách. Nếu không phải quý khách thực hiện, vui lòng hủy giao dịch tại https://techcombank-vn.com/huy trong 30 phút.")
spam(name("Sacombank eBanking","thongbao@sacombank-ebank.xyz"),TO,"Nâng cấp hệ thống ngân hàng điện tử",
 "Kính gửi quý khách, ngân hàng nâng cấp hệ thống eBanking. Quý khách vui lòng đăng nhập để kích hoạt lại dịch vụ, nếu không tài khoản sẽ bị tạm ngưng.")
spam(name("VNeID","hotro@vneid-gov.com"),TO,"Tài khoản định danh sắp hết hạn",
 "Tài khoản VNeID của công dân sắp hết hạn. Vui lòng truy cập https://vneid-gov.com để gia hạn và cập nhật ảnh khuôn mặt.")
spam(name("Mail Admin","postmaster@lamdong.gov.vn.mailbox-verify.com"),TO,"Cảnh báo bảo mật tài khoản email",
 "Chúng tôi phát hiện đăng nhập lạ vào tài khoản email lethithu@lamdong.gov.vn. Để bảo vệ tài khoản, hãy xác minh lại thông tin đăng nhập trong vòng 12 giờ: https://lamdong.gov.vn.mailbox-verify.com")
spam(name("Hệ thống email","noreply@email-lamdong.online"),TO,"Bạn có 3 tin nhắn chưa được gửi",
 "Hệ thống thư điện tử đã giữ lại 3 thư của bạn do lỗi máy chủ. Nhấn vào liên kết để gửi lại thư: https://email-lamdong.online/release")
spam(name("Quỹ đầu tư Vàng","quydautu.vang@gmail.com"),TO,"Đầu tư vàng online lãi 30%/tháng",
 "Cơ hội đầu tư vàng online với lãi suất 30%/tháng, được bảo lãnh bởi ngân hàng quốc tế. Vốn tối thiểu 5 triệu, rút gốc bất cứ lúc nào. Hơn 10.000 nhà đầu tư đã tham gia.")
spam(name("Cộng đồng Crypto","crypto.vn.group@gmail.com"),TO,"Dự án coin mới x100",
 "Dự án token mới sắp niêm yết sàn Binance, giá hiện tại chỉ 0.001 USDT, dự kiến x100. Mua sớm để hưởng lợi nhuận lớn. Tham gia nhóm Telegram để nhận hướng dẫn.")
spam(name("Tuyển dụng Lazada","tuyendung.lazada.vn@gmail.com"),TO,"Việc làm online cho nhân viên văn phòng",
 "Bạn có thời gian rảnh? Lazada tuyển nhân viên hỗ trợ đẩy đơn, làm việc 1-2 giờ mỗi ngày trên điện thoại, lương 8-15 triệu/tháng. Nhận lương ngay sau mỗi ca.")
spam(name("HR Team","hr.recruit.vn@outlook.com"),TO,"Thư mời làm việc bán thời gian",
 "Chúng tôi tìm thấy hồ sơ của bạn trên mạng. Công việc: đánh giá sản phẩm, mỗi đánh giá 50.000đ, nhận 300k-1 triệu/ngày. Thêm Zalo 0909 345 678 để bắt đầu.")
spam(name("Sĩ quan Mỹ","james.army.us@gmail.com"),TO,"Xin giúp đỡ",
 "Tôi là đại úy quân đội Mỹ đang làm nhiệm vụ tại Syria. Tôi có 3,5 triệu USD cần chuyển về một người tin cậy. Tôi sẽ gửi số tiền qua công ty ngoại giao, bạn chỉ cần trả phí vận chuyển và giữ kín chuyện này.")
spam(name("Hải quan Tân Sơn Nhất","haiquan.tsn@gmail.com"),TO,"Thông báo giữ hàng",
 "Hải quan sân bay đang giữ một kiện hàng gửi từ Anh cho quý vị, bên trong có trang sức và ngoại tệ. Quý vị phải nộp thuế nhập khẩu 25.000.000đ vào tài khoản cá nhân của nhân viên hải quan để nhận hàng.")
spam(name("Mỹ phẩm Hàn Quốc","mypham.korea.sale@gmail.com"),TO,"Xả kho mỹ phẩm chính hãng - sale 70%",
 "Xả kho mỹ phẩm Hàn Quốc chính hãng, sale sập sàn 70%, freeship toàn quốc, tặng kèm quà khi mua combo. Inbox page hoặc gọi hotline để đặt hàng. Chỉ trong 3 ngày!")
spam(name("Bất động sản Đà Lạt","bds.dalat.vip@gmail.com"),TO,"Biệt thự nghỉ dưỡng Đà Lạt - chiết khấu 15%",
 "Mở bán biệt thự nghỉ dưỡng view đồi thông, pháp lý minh bạch, chiết khấu 15%, ngân hàng cho vay 70%. Cam kết thuê lại 10%/năm. Số lượng giới hạn, gọi ngay hotline 0938 999 888.")
spam(name("Khoá học Facebook Ads","marketing.online@gmail.com"),TO,"Bí quyết bán hàng 100 đơn mỗi ngày",
 "Khóa học chạy quảng cáo Facebook, TikTok giúp bạn bán 100 đơn mỗi ngày. Học phí chỉ 199k (giá gốc 2 triệu). Đăng ký ngay hôm nay nhận thêm bộ tài liệu miễn phí.")
spam(name("Vinfast Tri Ân","vinfast.trian@gmail.com"),TO,"Bốc thăm trúng xe điện VF3",
 "Tham gia bốc thăm trúng thưởng xe điện VF3 dành cho khách hàng thân thiết. Điền thông tin tại https://vinfast-trian.vip để nhận mã bốc thăm, phí tham gia 99.000đ.")
spam(name("Điện lực","thongbao@evn-hoadon.com"),TO,"Hóa đơn tiền điện quá hạn",
 "Hóa đơn tiền điện tháng này của quý khách đã quá hạn thanh toán. Để tránh bị tạm ngừng cấp điện, quý khách thanh toán ngay qua đường dẫn https://evn-hoadon.com/pay")
spam(name("Tòa án nhân dân","toaan.thongbao@gmail.com"),TO,"Thông báo thụ lý vụ án",
 "Tòa án nhân dân thông báo ông/bà bị khởi kiện do nợ thẻ tín dụng. Để hoãn phiên tòa, liên hệ thư ký tòa án qua số 0912 000 111 và nộp tiền tạm ứng án phí trong hôm nay.")
# ham
ham(name("Ngân hàng BIDV","bidv@bidv.com.vn"),TO,"BIDV thông báo thay đổi lãi suất tiết kiệm",
 "BIDV trân trọng thông báo điều chỉnh lãi suất tiền gửi tiết kiệm từ ngày 01/12/2026. Chi tiết xem tại https://bidv.com.vn. BIDV không yêu cầu khách hàng cung cấp mã OTP.")
ham(name("Trần Văn Hùng","hungtv@lamdong.gov.vn"),TO,"Góp ý dự thảo kế hoạch chuyển đổi số",
 "Chị Thu ơi, em góp ý dự thảo: phần mục tiêu nên bổ sung chỉ tiêu tỷ lệ hồ sơ trực tuyến toàn trình trên Cổng dịch vụ công, phần giải pháp bổ sung đào tạo kỹ năng số cho cán bộ xã.")
ham(name("Nguyễn Thảo","thaonguyen.dl@gmail.com"),TO,"Cuối tuần đi chợ phiên không",
 "Thu ơi cuối tuần này có chợ phiên nông sản ở quảng trường, đi cùng mình không? Nghe nói có nhiều rau sạch và dâu tây giá rẻ lắm.")
ham(name("Phòng Kế hoạch - Tài chính","khtc@lamdong.gov.vn"),TO,"Nhắc nộp chứng từ thanh toán công tác phí",
 "Đề nghị các đồng chí đi công tác tháng 11 nộp chứng từ thanh toán công tác phí về phòng trước ngày 10/12. Quá hạn phòng không giải quyết.")
ham(name("Công an phường","conganphuong1@congan.lamdong.gov.vn"),TO,"Thông báo thu thập thông tin cư trú",
 "Công an phường 1 thông báo lịch thu thập, cập nhật thông tin cư trú và cấp căn cước tại trụ sở vào sáng thứ Bảy. Người dân mang theo giấy tờ tùy thân. Công an không thu thập thông tin qua điện thoại hay đường link.")
ham(name("Bưu điện Đà Lạt","dalat@vnpost.vn"),TO,"Giấy báo nhận bưu phẩm",
 "Bưu cục Đà Lạt thông báo có bưu phẩm gửi đến chị, mời chị mang căn cước đến bưu cục trung tâm để nhận trong giờ hành chính.")
ham(name("Lê Minh","leminh.kts@gmail.com"),TO,"Bản vẽ sửa nhà",
 "Chào chị Thu, em gửi bản vẽ phương án sửa nhà, chi phí dự kiến khoảng 350 triệu. Chị xem rồi mình trao đổi qua Zalo nhé.")
ham(name("Hội Phụ nữ","hoiphunu@lamdong.gov.vn"),TO,"Chương trình tặng quà cho trẻ em khó khăn",
 "Hội Phụ nữ cơ quan vận động hội viên đóng góp quà tặng cho trẻ em có hoàn cảnh khó khăn nhân dịp Tết. Mỗi suất quà trị giá 300.000đ. Hội viên đăng ký với chi hội trưởng.")
ham(name("VNPT Lâm Đồng","cskh@vnpt.vn"),TO,"Thông báo cước dịch vụ tháng 11",
 "VNPT Lâm Đồng thông báo cước dịch vụ internet tháng 11 của quý khách là 220.000đ. Quý khách thanh toán qua ứng dụng My VNPT hoặc tại điểm giao dịch trước ngày 20.")
ham(name("Thư viện tỉnh","thuvien@lamdong.gov.vn"),TO,"Nhắc trả sách",
 "Thư viện tỉnh nhắc bạn đọc trả 2 cuốn sách mượn ngày 15/10 đã quá hạn. Bạn đọc có thể gia hạn trực tuyến trên trang thư viện.")
ham(name("Phạm Thị Hạnh","hanhpt@lamdong.gov.vn"),TO,"Danh sách đăng ký tập huấn",
 "Chị gửi em danh sách cán bộ đăng ký tập huấn kỹ năng số đợt 2, gồm 45 người. Em tổng hợp giúp chị và báo cáo lãnh đạo trước thứ Sáu nhé.")
ham(name("Ngân hàng Chính sách xã hội","nhcsxh@vbsp.org.vn"),TO,"Kế hoạch giải ngân vốn vay giải quyết việc làm",
 "Chi nhánh Ngân hàng Chính sách xã hội tỉnh thông báo kế hoạch giải ngân vốn vay hỗ trợ tạo việc làm năm 2027, lãi suất ưu đãi theo quy định. Đề nghị các xã rà soát hồ sơ vay và gửi danh sách.")

# ---- a third set, written after the second round of widening and measured on it first (12 of
# its 20 scams were caught then: BENCHMARKS.md) ---------------------------------------------
TO = "phamvanduc@lamdong.gov.vn"
spam(name("Hỗ trợ khách hàng Home Credit","homecredit.vn.cs@gmail.com"),TO,"Ưu đãi đặc biệt tháng 12",
 "Chào anh/chị, Home Credit gửi tặng anh/chị gói vay tiêu dùng ưu đãi: hạn mức 50 triệu, lãi suất chỉ 1%/tháng, duyệt hồ sơ trong 15 phút, giải ngân qua tài khoản ngân hàng. Trả lời email này kèm số điện thoại để được gọi lại.")
spam(name("Tài Chính Nhanh","taichinh.nhanh.vn@gmail.com"),TO,"Giải quyết khó khăn tài chính ngay hôm nay",
 "Bạn đang nợ nhiều app? Chúng tôi hỗ trợ đáo hạn, tất toán khoản vay cũ, gộp nợ thành một khoản vay duy nhất với lãi suất thấp. Thủ tục nhanh gọn, bảo mật thông tin. Liên hệ Zalo 0977 123 456.")
spam(name("Thể Thao 24h","thethao24h.club@gmail.com"),TO,"Kèo thơm trận chung kết",
 "Trận chung kết cúp C1 đêm nay, nhà cái tặng 100% tiền nạp lần đầu. Cược tỷ số, cược phạt góc, tỷ lệ trả thưởng cao nhất thị trường. Đăng ký ngay: https://thethao24h.club")
spam(name("CSKH Viettel","cskh.viettel.vn@gmail.com"),TO,"Chúc mừng thuê bao nhận quà tri ân",
 "Thuê bao của quý khách đã được lựa chọn nhận phần quà tri ân trị giá 2.000.000đ nhân dịp sinh nhật Viettel. Quý khách vui lòng xác nhận thông tin và thanh toán phí giao quà 150.000đ.")
spam(name("Cơ quan thuế","canhbao.mst@gmail.com"),TO,"Yêu cầu xác thực tài khoản định danh thuế",
 "Theo thông báo mới, người nộp thuế phải xác thực tài khoản định danh điện tử để tiếp tục sử dụng mã số thuế. Hạn chót là ngày mai. Vui lòng cài ứng dụng theo hướng dẫn của cán bộ thuế qua Zalo.")
spam(name("Ngân hàng Vietinbank","vietinbank.support@outlook.com"),TO,"Tài khoản của quý khách sẽ bị đóng",
 "Do chưa cập nhật thông tin căn cước gắn chip, tài khoản của quý khách sẽ bị đóng từ ngày 01/01. Quý khách vui lòng cung cấp ảnh căn cước và số tài khoản qua email này để được hỗ trợ cập nhật.")
spam(name("Bộ phận kỹ thuật","mailsupport@lamdong-mail.com"),TO,"Cập nhật phiên bản hộp thư mới",
 "Hộp thư công vụ sẽ chuyển sang phiên bản mới. Để không mất thư cũ, vui lòng đăng nhập và xác nhận chuyển đổi tại https://lamdong-mail.com/migrate trước 17h hôm nay.")
spam(name("Sàn Giao Dịch Quốc Tế","vip.trading.vn@gmail.com"),TO,"Cơ hội kiếm lợi nhuận từ vàng và ngoại tệ",
 "Chúng tôi là sàn giao dịch quốc tế được cấp phép. Chỉ cần vốn 10 triệu, chuyên gia của chúng tôi sẽ giao dịch giúp bạn, lợi nhuận ổn định 20% mỗi tháng, rút tiền trong 24h.")
spam(name("Shopee Tuyển Dụng","shopee.hr.vn@gmail.com"),TO,"Tuyển cộng tác viên online",
 "Shopee tuyển cộng tác viên xử lý đơn hàng online tại nhà. Không cần kinh nghiệm, mỗi ngày làm 1 giờ, thu nhập 200-500k. Nhận việc qua Telegram.")
spam(name("Mrs. Sarah Johnson","sarahjohnson.uk@gmail.com"),TO,"Lời đề nghị từ thiện",
 "Tôi là góa phụ người Anh đang mắc bệnh hiểm nghèo. Tôi muốn gửi 2 triệu bảng Anh cho một người tốt ở Việt Nam để làm từ thiện. Hãy trả lời thư này với họ tên và địa chỉ để luật sư của tôi làm thủ tục chuyển tiền.")
spam(name("Máy lọc nước","maylocnuoc.sale@gmail.com"),TO,"Máy lọc nước ion kiềm - giảm 40% cuối năm",
 "Khuyến mãi cuối năm: máy lọc nước ion kiềm giảm 40%, trả góp 0%, tặng bộ lõi lọc trị giá 2 triệu. Miễn phí lắp đặt tận nhà. Gọi ngay để được tư vấn!")
spam(name("Đào tạo Tiếng Anh","english.center.vn@gmail.com"),TO,"Học tiếng Anh giao tiếp chỉ 3 tháng",
 "Cam kết nói tiếng Anh trôi chảy sau 3 tháng hoặc hoàn học phí 100%. Ưu đãi 50% học phí cho 20 học viên đăng ký đầu tiên. Đăng ký ngay!")
spam(name("Điện Máy Xanh","dienmayxanh.uudai@gmail.com"),TO,"Bạn nhận được voucher 5 triệu đồng",
 "Chúc mừng! Bạn được tặng voucher mua sắm 5.000.000đ. Kích hoạt voucher tại https://dmx-voucher.top trong 24 giờ, chỉ cần nhập số thẻ ngân hàng để xác minh.")
spam(name("Cổng thông tin BHXH","bhxh.tracuu@gmail.com"),TO,"Thông báo hoàn tiền bảo hiểm y tế",
 "Bạn được hoàn 1.250.000đ tiền bảo hiểm y tế đóng trùng. Để nhận tiền, vui lòng điền thông tin tài khoản ngân hàng và mã OTP tại đường link: https://bhyt-hoantien.com")
spam(name("Phòng Cảnh sát giao thông","csgt.phatnguoi@gmail.com"),TO,"Thông báo vi phạm giao thông",
 "Xe của bạn bị camera ghi nhận vi phạm vượt đèn đỏ. Nộp phạt trong 3 ngày để tránh bị tạm giữ phương tiện. Tra cứu biên bản: https://csgt-tracuu.net")
spam(name("Hội đồng quản trị","bod.invest@gmail.com"),TO,"Chia cổ tức 25% cho cổ đông",
 "Quý cổ đông được chia cổ tức 25%. Để nhận cổ tức, vui lòng chuyển phí xử lý hồ sơ 2.000.000đ vào tài khoản của công ty trước ngày 15/12.")
spam(name("Tín dụng đen","vaynong.24h@gmail.com"),TO,"Vay nóng trong ngày",
 "Cho vay nóng trong ngày, không cần thẩm định, không giữ giấy tờ gốc. Chỉ cần CCCD và sổ hộ khẩu. Gọi 0933 888 777.")
spam(name("Nhóm đầu tư Telegram","signal.crypto.vn@gmail.com"),TO,"Tín hiệu giao dịch miễn phí",
 "Nhận tín hiệu giao dịch Bitcoin và Ethereum miễn phí mỗi ngày, tỷ lệ thắng 90%. Tham gia nhóm Telegram cùng 5.000 thành viên đang kiếm tiền.")
spam(name("Thư ký Giám đốc","thuky.giamdoc.lamdong@gmail.com"),TO,"Việc gấp",
 "Anh Đức ơi, giám đốc đang họp không nghe máy được, nhờ anh mua giúp 5 thẻ cào Viettel mệnh giá 500k gửi mã thẻ qua email này, chiều giám đốc gửi lại tiền. Việc gấp, anh giữ kín giúp em.")
spam(name("Quà tặng cuối năm","quatang.cuoinam@gmail.com"),TO,"Nhận quà miễn phí - chỉ trả phí ship",
 "Chương trình tặng quà cuối năm: đồng hồ thông minh, tai nghe bluetooth miễn phí 100%, bạn chỉ trả phí ship 49k. Số lượng có hạn, đặt ngay!")
# ham
ham(name("Trung tâm Y tế","ttyt@lamdong.gov.vn"),TO,"Lịch khám sức khỏe định kỳ",
 "Trung tâm Y tế thông báo lịch khám sức khỏe định kỳ cho cán bộ, công chức vào ngày 12/12. Đề nghị các đồng chí nhịn ăn sáng để xét nghiệm máu.")
ham(name("Nguyễn Hoài An","hoaian.nguyen@gmail.com"),TO,"Xin tài liệu học tập",
 "Chào anh Đức, em là sinh viên thực tập. Anh có thể cho em xin tài liệu về quy trình số hóa hồ sơ được không ạ? Em cảm ơn anh.")
ham(name("Phòng Văn thư","vanthu@lamdong.gov.vn"),TO,"Chuyển văn bản đến",
 "Phòng Văn thư chuyển đồng chí văn bản số 1234/UBND-KT về việc triển khai kế hoạch phòng chống lừa đảo trực tuyến. Đề nghị đồng chí nghiên cứu, tham mưu.")
ham(name("Ngân hàng Vietcombank","vcb@info.vietcombank.com.vn"),TO,"Sao kê tài khoản tháng 11",
 "Vietcombank gửi quý khách sao kê tài khoản tháng 11/2026 (tệp đính kèm, mật khẩu mở tệp là ngày sinh của quý khách). Mọi thắc mắc vui lòng liên hệ hotline 1900 545413.")
ham(name("Anh Tuấn","tuan.tran.dl@gmail.com"),TO,"Góp tiền đám cưới",
 "Đức ơi, đám cưới con chị Lan phòng mình vào Chủ nhật, anh em góp mỗi người 500 nghìn, chuyển khoản cho anh hoặc đưa tiền mặt trước thứ Sáu nhé.")
ham(name("Sở Khoa học và Công nghệ","skhcn@lamdong.gov.vn"),TO,"Mời tham dự hội thảo khởi nghiệp",
 "Sở Khoa học và Công nghệ trân trọng kính mời đồng chí tham dự hội thảo đổi mới sáng tạo và khởi nghiệp, chủ đề thu hút đầu tư cho doanh nghiệp công nghệ, vào 8h ngày 18/12.")
ham(name("Quỹ tín dụng nhân dân","qtdnd.phuong2@gmail.com"),TO,"Thông báo họp thành viên",
 "Quỹ tín dụng nhân dân phường 2 kính mời thành viên dự đại hội thường niên, thông qua báo cáo hoạt động cho vay, huy động vốn và phương án phân phối lợi nhuận năm 2026.")
ham(name("Ban Chỉ huy Quân sự","bchqs@lamdong.gov.vn"),TO,"Kế hoạch huấn luyện dân quân tự vệ",
 "Ban Chỉ huy Quân sự gửi kế hoạch huấn luyện dân quân tự vệ năm 2027, đề nghị các cơ quan cử cán bộ tham gia đầy đủ.")
ham(name("Chị Mai","mai.le.dalat@yahoo.com"),TO,"Mua dâu tây giúp chị",
 "Đức ơi, cuối tuần em về Đà Lạt mua giúp chị 2 ký dâu tây với 1 ký atiso nhé, chị gửi tiền qua tài khoản cho em.")
ham(name("Cổng dịch vụ công","noreply@dichvucong.gov.vn"),TO,"Kết quả giải quyết hồ sơ",
 "Hồ sơ số 000.00.12.H35-261201-0001 của ông/bà đã được giải quyết. Ông/bà có thể tra cứu kết quả và tải giấy phép điện tử tại https://dichvucong.gov.vn.")

# ---- a fourth set, written after the third round and measured on it first (23 of its 30 scams
# were caught then, one of them only by an English model judging Vietnamese typed without marks,
# which it no longer may: BENCHMARKS.md) -----------------------------------------------------
TO = "tranthimai@lamdong.gov.vn"
spam(name("FE Credit","fecredit.hotro.2026@gmail.com"),TO,"Hồ sơ vay của anh/chị đã được phê duyệt",
 "Kính chào anh/chị. FE Credit xin thông báo hồ sơ vay tín chấp 70.000.000 VNĐ của anh/chị đã được phê duyệt. Để nhận giải ngân, anh/chị vui lòng đóng phí bảo hiểm khoản vay 1.500.000đ vào số tài khoản 0451000123456 Vietcombank, chủ tài khoản Nguyễn Văn Hùng. Sau khi đóng phí, tiền sẽ về tài khoản trong 30 phút.")
spam(name("Vay Vốn Ưu Đãi","uudai.vayvon@outlook.com"),TO,"Hỗ trợ vốn cho hộ kinh doanh",
 "<html><body><h2 style='color:red'>HỖ TRỢ VỐN 100 TRIỆU</h2><p>Dành cho hộ kinh doanh, tiểu thương. Không thế chấp, lãi suất 0,5%/tháng.</p><p><a href='https://hotrovon.site/dk'>BẤM VÀO ĐÂY ĐỂ ĐĂNG KÝ</a></p></body></html>",
 html="<html><body><h2 style='color:red'>HỖ TRỢ VỐN 100 TRIỆU</h2><p>Dành cho hộ kinh doanh, tiểu thương. Không thế chấp, lãi suất 0,5%/tháng.</p><p><a href='https://hotrovon.site/dk'>BẤM VÀO ĐÂY ĐỂ ĐĂNG KÝ</a></p></body></html>")
spam(name("Casino Online","khuyenmai@789win.bet"),TO,"Tặng 500K trải nghiệm - rút tiền không giới hạn",
 "Đăng ký tài khoản hôm nay nhận ngay 500K trải nghiệm game bài, slot, bắn cá. Nạp rút siêu tốc 1 phút, hoàn trả 1.5% mỗi ngày. Link chính thức: https://789win.bet")
spam(name("Xổ số Miền Nam","soicau.vip@gmail.com"),TO,"Soi cầu lô đề chính xác 99%",
 "Nhận số đẹp lô đề miền Bắc, miền Nam mỗi ngày, bạch thủ, song thủ chính xác 99%. Nạp 500k nhận số, trúng chia 30%. Liên hệ Zalo 0868 123 999.")
spam(name("Ban Tổ Chức","bantochuc.tri-an@gmail.com"),TO,"THÔNG BÁO TRÚNG THƯỞNG XE SH 150i",
 "Chúc mừng quý khách đã may mắn trúng thưởng 01 xe máy Honda SH 150i trong chương trình tri ân khách hàng. Để nhận giải, quý khách vui lòng nộp 10% thuế thu nhập không thường xuyên (9.800.000đ) theo hướng dẫn. Mã dự thưởng: SH2026-0918.")
spam(name("Cục Thuế tỉnh","hoan-thue.tncn@outlook.com"),TO,"Hoàn thuế thu nhập cá nhân năm 2025",
 "Cơ quan thuế thông báo: ông/bà được hoàn thuế thu nhập cá nhân số tiền 3.456.000đ. Để nhận tiền hoàn, vui lòng truy cập https://hoanthue-gdt.com và đăng nhập bằng tài khoản ngân hàng trong vòng 48 giờ, quá hạn hồ sơ sẽ bị hủy.")
spam(name("Bảo hiểm xã hội Việt Nam","baohiemxahoi.vn@gmail.com"),TO,"Sổ BHXH của bạn cần đồng bộ dữ liệu",
 "Sổ bảo hiểm xã hội của bạn chưa được đồng bộ với căn cước công dân. Nếu không đồng bộ trước ngày 20/12, quyền lợi hưởng chế độ sẽ bị tạm dừng. Tải ứng dụng VssID bản mới tại link: https://vssid-capnhat.com/app.apk")
spam(name("Công an phường","congan.phuong1@gmail.com"),TO,"Giấy triệu tập",
 "Công an phường 1 yêu cầu bà Trần Thị Mai có mặt để làm rõ việc liên quan đến đường dây rửa tiền. Nếu không thể có mặt, bà cần liên hệ cán bộ điều tra qua số 0901 234 567 để được hướng dẫn chuyển tiền vào tài khoản tạm giữ, chứng minh trong sạch. Tuyệt đối giữ bí mật.")
spam(name("VNeID","vneid.xacthuc@outlook.com"),TO,"Tài khoản định danh mức 2 sắp hết hiệu lực",
 "Tài khoản định danh điện tử mức 2 của bạn sẽ hết hiệu lực sau 24 giờ. Vui lòng cập nhật lại thông tin sinh trắc học tại https://vneid-gov.com để tránh bị khóa tài khoản.")
spam(name("Techcombank","techcombank-alert@tcb-secure.com"),TO,"Cảnh báo: giao dịch bất thường",
 "Hệ thống phát hiện giao dịch bất thường 15.000.000 VND từ tài khoản của quý khách. Nếu không phải quý khách thực hiện, vui lòng hủy giao dịch ngay tại https://tcb-secure.com/huy trong 10 phút.")
spam(name("Quản trị hệ thống","admin@mail-lamdong.gov.vn.secure-login.net"),TO,"Hộp thư của bạn đã đầy",
 "Hộp thư điện tử của bạn đã vượt quá dung lượng cho phép (99%). Thư mới gửi đến sẽ bị trả lại. Nhấn vào đây để nâng cấp dung lượng miễn phí: https://mail-lamdong.gov.vn.secure-login.net/upgrade")
spam(name("Mail Admin","webmaster@lamdong.gov.vn"),TO,"Xác minh mật khẩu",
 "Mật khẩu email của bạn sẽ hết hạn hôm nay. Để giữ mật khẩu hiện tại, vui lòng xác minh tại đây: https://owa-lamdong.web.app/verify")
spam(name("Đầu tư Vàng","vangtaichinh.vip@gmail.com"),TO,"Lãi 3% mỗi ngày - đầu tư vàng an toàn",
 "Cơ hội đầu tư vàng kỹ thuật số, lãi 3% mỗi ngày, cam kết không rủi ro, rút vốn bất cứ lúc nào. Giới thiệu bạn bè nhận hoa hồng 10%. Đăng ký: https://vangso.vip")
spam(name("Dự án đất nền","datnen.baoloc@gmail.com"),TO,"Đất nền sổ đỏ Bảo Lộc chỉ 399 triệu/lô",
 "Mở bán đất nền sổ đỏ từng lô tại Bảo Lộc, giá chỉ 399 triệu/lô, ngân hàng hỗ trợ vay 70%, chiết khấu 5% khi đặt cọc trong tuần. Cam kết lợi nhuận 30% sau 1 năm. Hotline/Zalo 0909 111 222.")
spam(name("Tuyển dụng Lazada","tuyendung.lazada.vn@gmail.com"),TO,"Việc làm thêm tại nhà - lương ngày",
 "Lazada cần tuyển 50 nhân viên đánh giá sản phẩm online, làm tại nhà bằng điện thoại, 30 phút mỗi ngày, thu nhập 300.000đ - 1.000.000đ/ngày, nhận lương ngay sau mỗi nhiệm vụ. Liên hệ Telegram @lazada_hr.")
spam(name("Tiktok Shop","tiktokshop.ctv@gmail.com"),TO,"Tuyển CTV thả tim",
 "Nhận việc thả tim, xem video TikTok, mỗi nhiệm vụ nhận hoa hồng 20-50k. Nạp đơn càng lớn hoa hồng càng cao. Kết bạn Zalo để nhận nhiệm vụ đầu tiên.")
spam(name("Luật sư Williams","barrister.williams@gmail.com"),TO,"Thừa kế tài sản",
 "Tôi là luật sư của cố ông Tran Van Minh, một kỹ sư dầu khí qua đời tại Anh, để lại khoản tiền 8,5 triệu đô la Mỹ không người thừa kế. Vì bà có cùng họ, tôi đề nghị bà đứng tên người thừa kế, chúng ta chia 50/50. Vui lòng trả lời kèm số điện thoại.")
spam(name("Siêu thị điện máy","sale@dienmay-giare.shop"),TO,"XẢ KHO CUỐI NĂM - GIẢM ĐẾN 70%",
 "Tivi, tủ lạnh, máy giặt, điều hòa giảm đến 70%. Miễn phí vận chuyển toàn quốc, bảo hành 24 tháng. Số lượng có hạn, chỉ trong 3 ngày. Xem ngay: https://dienmay-giare.shop")
spam(name("Thực phẩm chức năng","suckhoevang.vn@gmail.com"),TO,"Giải pháp cho người bị tiểu đường",
 "Sản phẩm thảo dược giúp ổn định đường huyết chỉ sau 7 ngày, không cần dùng thuốc tây. Cam kết hiệu quả, hoàn tiền nếu không khỏi. Đặt hàng hôm nay giảm 50% + freeship. Gọi 1800 6868.")
spam(name("Spa Đà Lạt","spa.dalat.beauty@gmail.com"),TO,"Quà tặng làm đẹp tháng 12",
 "Tặng bạn voucher trị liệu da mặt trị giá 1.500.000đ, chỉ áp dụng cho 30 khách hàng đầu tiên. Inbox fanpage hoặc nhắn Zalo để giữ chỗ.")
spam(name("Hoang Long","hoanglong.mkt@gmail.com"),TO,"Dich vu SEO, chay quang cao Facebook gia re",
 "Chao anh chi, ben em chuyen dich vu chay quang cao Facebook, Google, SEO top 1, tang like, tang follow gia re. Cam ket hieu qua, hoan tien 100%. Lien he Zalo 0938 456 789.")
spam(name("Tong dai CSKH","cskh.mobifone@gmail.com"),TO,"Thue bao sap bi khoa 2 chieu",
 "Thue bao cua quy khach chua chuan hoa thong tin, se bi khoa 2 chieu trong 24h. Vui long soan tin theo huong dan hoac truy cap https://mobifone-chuanhoa.com de cap nhat.")
spam(name("Phòng Tài chính","phongtaichinh.ubnd@gmail.com"),TO,"V/v chi trả tiền hỗ trợ",
 "Kính gửi các đồng chí. Thực hiện chủ trương chi hỗ trợ cán bộ công chức dịp Tết, đề nghị đồng chí cung cấp họ tên, số tài khoản và mã OTP gửi về điện thoại để phòng thực hiện chuyển khoản trước ngày 25/12.")
spam(name("Chủ tịch UBND","chutich.ubnd.lamdong@gmail.com"),TO,"Gấp",
 "Chị Mai, em đang ở đâu? Anh cần em xử lý giúp một việc gấp, anh đang họp không nghe máy được. Em trả lời email này ngay nhé.")
spam(name("DHL Express","dhl.vietnam.delivery@gmail.com"),TO,"Bưu kiện của bạn đang bị giữ tại hải quan",
 "Bưu kiện quốc tế gửi cho bạn đang bị giữ tại hải quan do chưa nộp phí thông quan 850.000đ. Vui lòng thanh toán tại https://dhl-vn-track.com trong 48h, quá hạn bưu kiện sẽ bị hoàn về.")
spam(name("EVN Lâm Đồng","evn.thongbao@outlook.com"),TO,"Thông báo cắt điện do nợ tiền điện",
 "Khách hàng có mã PC07KK0123456 nợ tiền điện 2 kỳ. Điện sẽ bị cắt trong hôm nay nếu không thanh toán. Liên hệ nhân viên điện lực qua Zalo 0945 678 123 để được hướng dẫn thanh toán.")
spam(name("Quỹ Từ Thiện","quytuthien.anhsang@gmail.com"),TO,"Chung tay ủng hộ đồng bào vùng lũ",
 "Quỹ từ thiện Ánh Sáng kêu gọi ủng hộ đồng bào vùng lũ. Mọi đóng góp xin chuyển vào tài khoản cá nhân 1903 4567 8910 (Techcombank - Le Van Tam). Mỗi nhà hảo tâm ủng hộ từ 500k sẽ được tham gia quay số trúng iPhone.")
spam(name("Học bổng du học","scholarship.abroad.vn@gmail.com"),TO,"Học bổng toàn phần Úc, Canada 2027",
 "Cơ hội nhận học bổng toàn phần du học Úc, Canada cho con em cán bộ. Phí xét hồ sơ 3.000.000đ, hoàn lại 100% nếu không đỗ. Hạn cuối nộp hồ sơ: 31/12. Đăng ký ngay để giữ suất.")
spam(name("Crypto Airdrop","airdrop@usdt-bonus.io"),TO,"Bạn có 1,000 USDT chưa nhận",
 "Ví của bạn đủ điều kiện nhận 1,000 USDT từ chương trình airdrop. Kết nối ví và xác nhận bằng cụm từ khôi phục (seed phrase) tại https://usdt-bonus.io/claim trước khi hết hạn.")
spam(name("Vietjet Air","vietjet.khuyenmai@gmail.com"),TO,"Vé máy bay 0 đồng",
 "Vietjet tung 10.000 vé 0 đồng nhân dịp năm mới. Đặt ngay kẻo lỡ, chỉ cần thanh toán phí giữ chỗ 199.000đ qua chuyển khoản. Link đặt vé: https://vietjet-0dong.com")
# ham
ham(name("Công đoàn cơ sở","congdoan@lamdong.gov.vn"),TO,"Đăng ký tham quan nghỉ dưỡng",
 "Công đoàn cơ sở tổ chức cho đoàn viên tham quan Nha Trang 3 ngày 2 đêm. Đoàn viên đóng góp 1.500.000đ, phần còn lại công đoàn hỗ trợ. Đăng ký với đồng chí Hạnh trước ngày 15/12.")
ham(name("Nguyễn Văn Bình","binhnv@snv.lamdong.gov.vn"),TO,"Góp ý dự thảo quy chế",
 "Chị Mai ơi, em gửi chị file góp ý dự thảo quy chế làm việc, chị xem giúp em phần điều 5 về chế độ báo cáo nhé. Cảm ơn chị.")
ham(name("Ngân hàng BIDV","bidv@thongbao.bidv.com.vn"),TO,"Cảnh báo thủ đoạn giả mạo",
 "BIDV khuyến cáo khách hàng cảnh giác với các cuộc gọi, tin nhắn giả mạo nhân viên ngân hàng yêu cầu cung cấp mã OTP, mật khẩu. BIDV không bao giờ yêu cầu khách hàng cung cấp thông tin bảo mật qua điện thoại hay email.")
ham(name("Bệnh viện Đa khoa","bvdk@lamdong.gov.vn"),TO,"Kết quả xét nghiệm",
 "Bệnh viện Đa khoa tỉnh gửi chị kết quả xét nghiệm ngày 28/11. Chị vui lòng mang theo thẻ bảo hiểm y tế khi đến tái khám.")
ham(name("Tiki","no-reply@tiki.vn"),TO,"Đơn hàng #123456789 đã được giao",
 "Đơn hàng #123456789 gồm 2 sản phẩm đã được giao thành công. Cảm ơn bạn đã mua sắm tại Tiki. Đánh giá sản phẩm để nhận xu thưởng.")
ham(name("Lê Thị Hoa","hoa.le.1990@gmail.com"),TO,"Lớp học của con",
 "Chị Mai ơi, cô giáo báo thứ Bảy này lớp các con đi dã ngoại, mỗi bé đóng 150 nghìn, chị gửi tiền cho em trước thứ Năm nhé.")
ham(name("Sở Tài chính","stc@lamdong.gov.vn"),TO,"Hướng dẫn quyết toán kinh phí năm 2026",
 "Sở Tài chính hướng dẫn các đơn vị quyết toán kinh phí ngân sách năm 2026, thời hạn nộp báo cáo quyết toán trước ngày 31/01/2027. Đề nghị các đơn vị thực hiện đúng quy định.")
ham(name("Zalo","no-reply@zalo.me"),TO,"Mã xác thực đăng nhập",
 "Mã xác thực đăng nhập Zalo trên máy tính của bạn là 482913. Không chia sẻ mã này cho bất kỳ ai.")
ham(name("Trần Quốc Huy","huytq@stnmt.lamdong.gov.vn"),TO,"Lịch công tác tuần sau",
 "Chị Mai, tuần sau đoàn kiểm tra về huyện Đức Trọng ngày thứ Ba và Lâm Hà ngày thứ Năm, xe xuất phát 7h tại cơ quan. Chị báo giúp các đồng chí trong đoàn.")
ham(name("Báo Lâm Đồng","toasoan@baolamdong.vn"),TO,"Bản tin sáng",
 "Bản tin sáng: Lâm Đồng đón 8 triệu lượt khách du lịch trong năm 2026; khởi công cao tốc Tân Phú - Bảo Lộc; giá cà phê tăng mạnh. Xem chi tiết tại baolamdong.vn.")
ham(name("Phòng Tổ chức","tochuc@lamdong.gov.vn"),TO,"Nộp bản kê khai tài sản",
 "Đề nghị các đồng chí thuộc diện kê khai nộp bản kê khai tài sản, thu nhập năm 2026 về Phòng Tổ chức trước ngày 20/12. Mẫu kê khai đính kèm.")
ham(name("Shopee","info@mail.shopee.vn"),TO,"Siêu sale 12.12",
 "Siêu sale 12.12: giảm đến 50%, freeship 0đ, voucher hoàn xu. Mở ứng dụng Shopee để săn deal ngay hôm nay.")
ham(name("Nhóm bạn đại học","k45.kinhte@gmail.com"),TO,"Họp lớp 20 năm",
 "Các bạn ơi, họp lớp K45 kỷ niệm 20 năm ra trường vào 28/12 tại Đà Lạt. Mỗi bạn đóng 1 triệu, chuyển khoản cho Tâm lớp trưởng. Ai đi được thì báo nhé.")
ham(name("Vietnam Airlines","booking@vietnamairlines.com"),TO,"Xác nhận đặt chỗ",
 "Cảm ơn quý khách đã đặt vé. Mã đặt chỗ: ABC123. Chuyến bay VN1570 Đà Lạt - Hà Nội, 07:30 ngày 20/12/2026. Vui lòng có mặt tại sân bay trước giờ khởi hành 90 phút.")
ham(name("UBND phường","ubnd.p1@lamdong.gov.vn"),TO,"Cảnh báo lừa đảo mạo danh công an",
 "UBND phường cảnh báo người dân về thủ đoạn mạo danh công an gọi điện thông báo liên quan đường dây rửa tiền, yêu cầu chuyển tiền vào tài khoản tạm giữ. Công an không bao giờ làm việc qua điện thoại, yêu cầu chuyển tiền. Người dân tuyệt đối không làm theo.")

# ---- a fifth set, written after the fourth round and measured on it first (14 of its 25 scams
# were caught then: BENCHMARKS.md) ---------------------------------------------------------
TO = "doanvanlong@lamdong.gov.vn"
spam(name("Ngân hàng Chính sách","nhcsxh.hotro@gmail.com"),TO,"Gói vay ưu đãi hỗ trợ người lao động",
 "Ngân hàng Chính sách xã hội triển khai gói vay ưu đãi cho người lao động với lãi suất 0,3%/tháng. Hồ sơ chỉ cần căn cước công dân, giải ngân sau 2 giờ. Đăng ký qua Zalo của cán bộ tín dụng: 0912 000 111.")
spam(name("Tima","tima.vay@outlook.com"),TO,"Khoản vay 20 triệu chờ bạn xác nhận",
 "Bạn có một khoản vay 20.000.000đ đang chờ xác nhận. Nhấn xác nhận để nhận tiền trong 10 phút. Không cần thế chấp, không gọi người thân: https://tima-vn.xyz/xacnhan")
spam(name("Nhà cái uy tín","nhacai.uytin@gmail.com"),TO,"Link vào nhà cái mới nhất",
 "Link truy cập nhà cái mới nhất không bị chặn. Khuyến mãi nạp đầu 200%, hoàn trả cược thua mỗi tuần. Cá độ bóng đá, đá gà trực tiếp, tài xỉu. Hỗ trợ 24/7.")
spam(name("Vòng quay may mắn","vongquay.tet@gmail.com"),TO,"Bạn còn 1 lượt quay trúng thưởng",
 "Bạn còn 1 lượt quay may mắn với cơ hội trúng iPhone 16 Pro Max, xe Vision, tiền mặt 10 triệu. Quay ngay tại https://vongquay-tet.online trước 24h đêm nay.")
spam(name("Tổng cục Thuế","tongcucthue.thongbao@gmail.com"),TO,"Thông báo khóa mã số thuế cá nhân",
 "Mã số thuế cá nhân của ông/bà sẽ bị khóa do chưa quyết toán thuế. Để tránh bị xử phạt, ông/bà vui lòng cài đặt ứng dụng eTax Mobile theo đường link sau và làm theo hướng dẫn của cán bộ: https://etax-mobile.app/dl")
spam(name("BHXH tỉnh","bhxh.lamdong.vn@gmail.com"),TO,"Nhận tiền bảo hiểm thất nghiệp một lần",
 "Bạn đủ điều kiện nhận trợ cấp bảo hiểm một lần 12.600.000đ. Vui lòng kết bạn Zalo với cán bộ BHXH để được hướng dẫn làm hồ sơ online, nhận tiền trong ngày.")
spam(name("Viện Kiểm Sát Nhân Dân","vks.tphcm@gmail.com"),TO,"Quyết định phong tỏa tài khoản",
 "Viện kiểm sát thông báo tài khoản ngân hàng của bạn liên quan đến vụ án lừa đảo chiếm đoạt tài sản và sẽ bị phong tỏa. Để được xem xét, bạn phải chuyển toàn bộ số dư vào tài khoản của Viện để kiểm tra nguồn gốc. Không được tiết lộ cho người thân.")
spam(name("Agribank","agribank.canhbao@agr1bank.com"),TO,"Tài khoản của bạn đã bị tạm khóa",
 "Vì lý do bảo mật, tài khoản Agribank E-Mobile Banking của bạn đã bị tạm khóa. Vui lòng đăng nhập để mở khóa: https://agr1bank.com/mo-khoa")
spam(name("Thông báo hệ thống","no-reply@lamdong.gov.vn.mailbox-update.com"),TO,"[Hệ thống thư] Yêu cầu xác thực lại",
 "Hệ thống phát hiện đăng nhập bất thường vào hộp thư công vụ của bạn. Hãy xác thực lại tài khoản trong 12 giờ, nếu không hộp thư sẽ bị vô hiệu hóa: https://lamdong.gov.vn.mailbox-update.com/auth")
spam(name("Zimbra Admin","zimbra.admin.lamdong@outlook.com"),TO,"Phiên đăng nhập hết hạn",
 "Phiên đăng nhập Zimbra của bạn đã hết hạn. Đăng nhập lại để tiếp tục nhận thư: https://zimbra-lamdong.weebly.com")
spam(name("Quỹ đầu tư Singapore","sgfund.vietnam@gmail.com"),TO,"Mời hợp tác đầu tư",
 "Quỹ đầu tư Singapore tìm đối tác tại Lâm Đồng. Nhà đầu tư góp vốn từ 50 triệu nhận lãi cố định 8% mỗi tháng, trả lãi hàng tuần, hợp đồng có công chứng. Liên hệ trưởng phòng qua Zalo.")
spam(name("Chuyên gia chứng khoán","ckvip.room@gmail.com"),TO,"Mã cổ phiếu sắp tăng trần",
 "Room VIP gửi bạn mã cổ phiếu chuẩn bị tăng trần 5 phiên liên tiếp. Tham gia nhóm để nhận khuyến nghị miễn phí, lãi tối thiểu 30%/tháng.")
spam(name("Tuyển dụng gấp","tuyendung.online68@gmail.com"),TO,"Tuyển nhân viên nhập liệu tại nhà",
 "Công ty cần tuyển 20 nhân viên nhập liệu làm tại nhà, không yêu cầu bằng cấp, lương 8-15 triệu/tháng, trả lương theo tuần. Ứng viên đóng 300.000đ phí đào tạo và tài liệu.")
spam(name("Agoda Partner","agoda.partner.vn@gmail.com"),TO,"Việc làm đánh giá khách sạn",
 "Agoda tuyển cộng tác viên đánh giá khách sạn trên điện thoại. Mỗi đánh giá nhận 35.000đ, làm 1-2 giờ mỗi ngày. Nhận nhiệm vụ qua Telegram, thanh toán cuối ngày.")
spam(name("Mr. David Chen","davidchen.hk@gmail.com"),TO,"Đề nghị hợp tác kinh doanh bí mật",
 "Tôi là giám đốc chi nhánh ngân hàng tại Hồng Kông. Có một khoản tiền 12 triệu USD của khách hàng đã mất không người nhận. Tôi cần một đối tác nước ngoài đứng tên nhận, chia 40%. Xin giữ bí mật tuyệt đối và trả lời tôi.")
spam(name("Tình nguyện viên Liên Hợp Quốc","un.volunteer.vn@gmail.com"),TO,"Bạn có một kiện quà từ nước ngoài",
 "Một người bạn quốc tịch Mỹ đã gửi tặng bạn kiện quà gồm đô la và trang sức. Kiện hàng đang ở sân bay Tân Sơn Nhất, cần đóng 4.500.000đ phí thông quan để nhận.")
spam(name("Nội thất giá xưởng","noithat.giaxuong@gmail.com"),TO,"Sofa, bàn ghế văn phòng giá xưởng",
 "Xưởng sản xuất nội thất văn phòng: bàn làm việc, ghế xoay, tủ hồ sơ giá tận xưởng, giảm thêm 15% cho cơ quan nhà nước. Miễn phí giao hàng và lắp đặt. Báo giá qua Zalo 0977 555 666.")
spam(name("Phần mềm kế toán","ketoan.soft@gmail.com"),TO,"Phần mềm quản lý văn bản chỉ 990k",
 "Phần mềm quản lý văn bản, chữ ký số, hóa đơn điện tử trọn gói chỉ 990.000đ/năm. Tặng 3 tháng sử dụng miễn phí. Đăng ký dùng thử ngay hôm nay!")
spam(name("Dược liệu quý","duoclieu.quy@gmail.com"),TO,"Đông trùng hạ thảo Tây Tạng chính hãng",
 "Đông trùng hạ thảo Tây Tạng nguyên con, tăng cường sức khỏe, hỗ trợ điều trị ung thư. Giảm 30% cho 50 đơn hàng đầu tiên, giao hàng toàn quốc, thanh toán khi nhận hàng.")
spam(name("Giam doc So","giamdoc.so.ld@gmail.com"),TO,"Nho em ho tro",
 "Em oi, anh dang tiep khach khong tien nghe dien thoai. Em chuyen khoan giup anh 15 trieu vao tai khoan nay, chieu anh gui lai em. Gap nhe.")
spam(name("Kế toán trưởng","ketoantruong.ubnd@gmail.com"),TO,"Cập nhật thông tin nhận lương",
 "Để chuyển lương tháng 12 qua hệ thống mới, đề nghị các đồng chí điền thông tin thẻ ATM gồm số thẻ, ngày hết hạn và mã xác nhận vào biểu mẫu: https://forms.gle/abc123")
spam(name("J&T Express","jnt.giaohang@gmail.com"),TO,"Đơn hàng giao không thành công",
 "Đơn hàng của bạn giao không thành công do sai địa chỉ. Vui lòng cập nhật địa chỉ và thanh toán phí giao lại 25.000đ tại https://jnt-vn.cc trong hôm nay.")
spam(name("Hội Chữ thập đỏ","chuthapdo.quyengop@gmail.com"),TO,"Kêu gọi quyên góp khẩn cấp",
 "Hội Chữ thập đỏ kêu gọi quyên góp cho bệnh nhi ung thư. Xin chuyển khoản vào tài khoản cá nhân của thủ quỹ: 0123 4567 89 MB Bank - Tran Thi B. Ghi rõ họ tên để được công khai.")
spam(name("Game Online","giftcode.game@gmail.com"),TO,"Nhận giftcode 5 triệu kim cương",
 "Nhận ngay giftcode trị giá 5 triệu kim cương. Đăng nhập bằng tài khoản Facebook tại https://giftcode-ff.site để nhận quà.")
spam(name("Nha khoa Quốc tế","nhakhoa.qt@gmail.com"),TO,"Niềng răng trả góp 0%",
 "Niềng răng thẩm mỹ trả góp 0% lãi suất, chỉ từ 1 triệu/tháng. Tặng gói cạo vôi và tẩy trắng. Đặt lịch hẹn qua hotline hoặc inbox fanpage.")
ham(name("Phòng Quản trị","quantri@lamdong.gov.vn"),TO,"Đổi mật khẩu hộp thư định kỳ",
 "Theo quy chế an toàn thông tin, các đồng chí tự đổi mật khẩu hộp thư công vụ 3 tháng một lần tại trang mail.lamdong.gov.vn. Phòng Quản trị không bao giờ hỏi mật khẩu của đồng chí.")
ham(name("Nguyễn Thị Lan","lannt@sgddt.lamdong.gov.vn"),TO,"Mời dự lễ khai giảng",
 "Anh Long ơi, trường em khai giảng lớp bồi dưỡng vào sáng thứ Hai, mời anh đến dự và phát biểu. Em gửi anh chương trình kèm theo.")
ham(name("MB Bank","mbbank@mbbank.com.vn"),TO,"Biến động số dư",
 "TK 0123xxxx789 -500,000 VND lúc 14:32 01/12/2026. SD: 3,210,000 VND. ND: Thanh toan hoc phi. Hotline 1900 545426.")
ham(name("Hoang Minh","minh.hoang87@gmail.com"),TO,"Di cafe cuoi tuan",
 "Long oi, cuoi tuan nay may co ranh khong, di cafe voi tui may dua lop cu. Chu nhat 9h o quan quen nhe, nho bao lai cho tao.")
ham(name("Ban Tuyên giáo","btg@lamdong.gov.vn"),TO,"Tài liệu học tập nghị quyết",
 "Ban Tuyên giáo gửi các đồng chí tài liệu học tập, quán triệt nghị quyết Đại hội Đảng bộ tỉnh. Đề nghị các chi bộ tổ chức học tập trước ngày 30/12.")
ham(name("Lazada","noreply@lazada.vn"),TO,"Mã giảm giá dành cho bạn",
 "Lazada tặng bạn mã giảm giá 50.000đ cho đơn từ 300.000đ, áp dụng đến hết 15/12. Mã đã được lưu vào ví voucher của bạn.")
ham(name("Grab","no-reply@grab.com"),TO,"Biên nhận chuyến đi",
 "Cảm ơn bạn đã đi cùng Grab. Chuyến đi từ Sở Nội vụ đến Ga Đà Lạt, 45.000đ, thanh toán bằng tiền mặt.")
ham(name("Trường THPT","thpt.bui.thi.xuan@lamdong.edu.vn"),TO,"Thông báo họp phụ huynh",
 "Kính gửi quý phụ huynh, nhà trường tổ chức họp phụ huynh học kỳ I vào 7h30 Chủ nhật 14/12. Đề nghị phụ huynh tham dự đầy đủ.")
ham(name("Công an tỉnh","ca@lamdong.gov.vn"),TO,"Tuyên truyền phòng chống lừa đảo qua mạng",
 "Công an tỉnh đề nghị các cơ quan tuyên truyền cho cán bộ: không truy cập đường link lạ, không cung cấp mã OTP, không chuyển tiền theo yêu cầu của người tự xưng là cán bộ công an, viện kiểm sát, tòa án.")
ham(name("Điện lực Lâm Đồng","cskh@evnspc.vn"),TO,"Thông báo tiền điện tháng 11",
 "Điện lực Lâm Đồng thông báo tiền điện tháng 11 của khách hàng PB07000123: 456.000đ. Quý khách thanh toán qua ứng dụng ngân hàng hoặc tại quầy trước ngày 20/12.")
ham(name("Chị Hằng","hang.pham@stttt.lamdong.gov.vn"),TO,"Nhờ xem giúp tờ trình",
 "Anh Long ơi, em gửi anh dự thảo tờ trình về kinh phí chuyển đổi số, anh xem giúp em phần dự toán trước khi trình lãnh đạo nhé. Em cảm ơn anh.")
ham(name("Hội Cựu chiến binh","hoiccb@lamdong.gov.vn"),TO,"Thăm hỏi hội viên",
 "Hội Cựu chiến binh cơ quan tổ chức thăm hỏi hội viên ốm đau nhân dịp cuối năm, mỗi đoàn viên tự nguyện đóng góp 100.000đ, nộp cho đồng chí thủ quỹ.")

# ---- a sixth set, written after the fifth round and measured on it first (19 of its 25 scams
# were caught then: BENCHMARKS.md) ---------------------------------------------------------
TO = "vuthihuong@lamdong.gov.vn"
spam(name("Hỗ trợ tài chính cá nhân","taichinhcanhan.vn@gmail.com"),TO,"Cần tiền trả nợ? Gọi ngay",
 "Anh chị đang bị app đòi nợ, bị khủng bố điện thoại? Chúng tôi nhận tất toán toàn bộ khoản vay app, sau đó anh chị trả góp lại hàng tháng, lãi thấp. Liên hệ ngay để được hỗ trợ trong ngày.")
spam(name("Vay 247","vay247@vay247.store"),TO,"Duyệt nhanh hồ sơ vay 15 triệu",
 "Hồ sơ vay 15 triệu của bạn đã sẵn sàng. Chỉ cần ảnh chụp CCCD và số điện thoại, không cần đến quầy, tiền về tài khoản trong ngày. Nhấn để hoàn tất: https://vay247.store/hoantat")
spam(name("Bet Thể Thao","vip.bet.vn@gmail.com"),TO,"Nhận định kèo Ngoại hạng Anh cuối tuần",
 "Tổng hợp kèo châu Á, kèo tài xỉu các trận Ngoại hạng Anh cuối tuần. Thành viên mới nạp lần đầu được thưởng 150%, hoàn cược 2% không giới hạn. Vào ngay link dự phòng không bị chặn.")
spam(name("Tri ân khách hàng Vinamilk","vinamilk.trian@gmail.com"),TO,"Quý khách trúng giải nhì chương trình Vui Tết",
 "Chúc mừng quý khách trúng giải nhì: 01 tủ lạnh Samsung và 5.000.000đ tiền mặt. Vui lòng liên hệ bộ phận trả thưởng qua Zalo để làm thủ tục, phí hồ sơ nhận thưởng 850.000đ.")
spam(name("Chi cục Thuế khu vực","chicucthue.kv7@outlook.com"),TO,"Giấy mời làm việc về nghĩa vụ thuế",
 "Chi cục Thuế mời bà Vũ Thị Hương đến làm việc về khoản nợ thuế thu nhập cá nhân. Trường hợp không đến được, bà liên hệ cán bộ thuế qua Zalo 0915 222 333 để được hướng dẫn nộp tiền và cập nhật thông tin trên ứng dụng.")
spam(name("Cong an tinh Lam Dong","congan.lamdong.gov@gmail.com"),TO,"Thong bao xac minh vu an",
 "Chung toi la co quan dieu tra Cong an tinh. Tai khoan ngan hang cua ba dang lien quan den mot vu an rua tien. De chung minh vo toi, ba can chuyen toan bo tien vao tai khoan tam giu cua co quan dieu tra. Khong duoc tiet lo voi ai.")
spam(name("Vietcombank","no-reply@vietcombank-vn.info"),TO,"VCB Digibank: xác thực sinh trắc học",
 "Theo quy định mới của Ngân hàng Nhà nước, quý khách cần xác thực sinh trắc học trước ngày 31/12 để tiếp tục giao dịch trực tuyến. Xác thực tại: https://vietcombank-vn.info/sinhtrachoc")
spam(name("Ban Quản trị Mail","quantri.mail@lamdong-gov.vn"),TO,"Thông báo chuyển đổi hệ thống thư điện tử",
 "Hệ thống thư điện tử công vụ đang chuyển sang máy chủ mới. Tài khoản chưa xác nhận sẽ bị xóa. Vui lòng xác nhận tên đăng nhập và mật khẩu tại https://lamdong-gov.vn/xacnhan")
spam(name("IT Helpdesk","helpdesk.lamdong@yahoo.com"),TO,"Thư của bạn bị giữ lại",
 "Có 5 thư gửi đến bạn đang bị giữ lại do lỗi đồng bộ. Để nhận lại thư, vui lòng đăng nhập tại trang sau: https://mail-lamdong.firebaseapp.com")
spam(name("Tập đoàn đầu tư ABC","abc.invest.group@gmail.com"),TO,"Cơ hội sở hữu cổ phần trước khi niêm yết",
 "Tập đoàn ABC mở bán cổ phần ưu đãi cho nhà đầu tư cá nhân trước khi niêm yết. Cam kết mua lại với giá gấp 3 sau 12 tháng. Số lượng có hạn, liên hệ chuyên viên tư vấn.")
spam(name("Kiếm tiền online","kiemtien.online.vn@gmail.com"),TO,"Thu nhập thụ động 20 triệu/tháng",
 "Chỉ với chiếc điện thoại, bạn có thể kiếm 20 triệu mỗi tháng bằng cách chạy quảng cáo tự động. Không cần kinh nghiệm, có người hướng dẫn từ A đến Z. Phí tham gia khóa học 1.990.000đ.")
spam(name("Tuyển dụng Vinmart","vinmart.tuyendung@gmail.com"),TO,"Tuyển nhân viên bán hàng online",
 "Tuyển nhân viên chốt đơn online làm tại nhà, lương cứng 7 triệu + thưởng doanh số. Ứng viên cần nạp tiền kích hoạt tài khoản bán hàng 500.000đ, hoàn lại sau 7 ngày.")
spam(name("Trung úy John Miller","john.miller.usarmy@gmail.com"),TO,"Xin hãy giúp tôi",
 "Tôi là trung úy quân đội Mỹ đang làm nhiệm vụ tại Syria. Tôi có một hộp hàng chứa 2,5 triệu USD muốn gửi về Việt Nam cho bạn giữ giúp, bạn sẽ được 30%. Hộp hàng sẽ gửi qua công ty ngoại giao, bạn chỉ cần đóng phí vận chuyển.")
spam(name("Đồng hồ chính hãng","donghochinhhang.vn@gmail.com"),TO,"Đồng hồ Thụy Sỹ giảm 60% dịp cuối năm",
 "Đồng hồ Thụy Sỹ chính hãng giảm đến 60%, bảo hành 5 năm, tặng kèm hộp da cao cấp. Miễn phí giao hàng toàn quốc, kiểm tra hàng trước khi thanh toán. Đặt hàng qua hotline hoặc Zalo 0966 777 888.")
spam(name("Du lịch giá rẻ","dulich.giare.vn@gmail.com"),TO,"Tour Thái Lan 5 ngày chỉ 3.990.000đ",
 "Tour Thái Lan 5 ngày 4 đêm trọn gói chỉ 3.990.000đ, bao gồm vé máy bay, khách sạn 4 sao, ăn uống. Số lượng có hạn, đặt cọc ngay hôm nay để giữ chỗ.")
spam(name("Thẩm mỹ viện","thammy.vien.sg@gmail.com"),TO,"Ưu đãi nâng mũi, cắt mí tháng 12",
 "Ưu đãi tháng 12: nâng mũi, cắt mí, tiêm filler giảm đến 50%. Tặng gói chăm sóc da trị giá 3 triệu. Đặt lịch tư vấn miễn phí qua inbox fanpage.")
spam(name("Bảo hiểm nhân thọ","tuvan.baohiem.nt@gmail.com"),TO,"Gói bảo hiểm dành riêng cho cán bộ công chức",
 "Gói bảo hiểm nhân thọ kết hợp đầu tư dành riêng cho cán bộ công chức: đóng 1 triệu/tháng, nhận lại 500 triệu sau 15 năm, lãi suất cam kết 8%/năm. Liên hệ tư vấn viên để được hỗ trợ.")
spam(name("Trưởng phòng","truongphong.noivu@gmail.com"),TO,"Em xử lý giúp chị",
 "Hương ơi chị đang họp với đoàn kiểm tra, em chuyển giúp chị 20 triệu vào tài khoản anh Tuấn bên đối tác, số tài khoản chị gửi dưới đây. Chị họp xong sẽ chuyển lại em ngay. Đừng gọi chị nhé.")
spam(name("Viettel Money","viettelmoney.uudai@gmail.com"),TO,"Bạn được hoàn tiền 500.000đ",
 "Viettel Money hoàn tiền 500.000đ cho khách hàng thân thiết. Để nhận tiền, đăng nhập ví và nhập mã OTP được gửi về máy tại đường link https://viettelmoney-hoantien.com")
spam(name("Shopee Việt Nam","shopee.vn.thuongthem@gmail.com"),TO,"Đơn hàng của bạn được hoàn tiền gấp đôi",
 "Do sự cố hệ thống, đơn hàng gần nhất của bạn được hoàn tiền gấp đôi. Vui lòng liên hệ nhân viên chăm sóc khách hàng qua Telegram để nhận tiền hoàn.")
spam(name("Sở Y tế","soyte.thongbao@gmail.com"),TO,"Thông báo thu phí khám sức khỏe",
 "Sở Y tế thông báo các cán bộ chưa khám sức khỏe định kỳ phải nộp phí 1.200.000đ vào tài khoản cá nhân của cán bộ phụ trách trước ngày 20/12, nếu không sẽ bị xử lý kỷ luật.")
spam(name("Hội doanh nhân","hoidoanhnhan.vn@gmail.com"),TO,"Vinh danh doanh nghiệp tiêu biểu 2026",
 "Đơn vị của quý vị được đề cử vinh danh Top 100 doanh nghiệp tiêu biểu năm 2026. Để nhận cúp và chứng nhận, vui lòng đóng phí tài trợ chương trình 15.000.000đ.")
spam(name("Ngân hàng ACB","acb.vay.uudai@gmail.com"),TO,"Thẻ tín dụng hạn mức 100 triệu - mở thẻ online",
 "Mở thẻ tín dụng ACB online hạn mức đến 100 triệu, không cần chứng minh thu nhập, duyệt trong 24h. Để đăng ký, vui lòng gửi ảnh CCCD hai mặt và sao kê lương qua email này.")
spam(name("Quà tặng","quatang.sukien@gmail.com"),TO,"Xác nhận địa chỉ nhận quà",
 "Bạn là một trong 100 người may mắn nhận bộ quà tặng cao cấp. Vui lòng xác nhận địa chỉ nhận quà và thanh toán phí vận chuyển 35.000đ tại https://quatang-sukien.top")
spam(name("Crypto VN","cryptovn.signal@gmail.com"),TO,"Đồng coin mới x50 trong tuần",
 "Dự án coin mới vừa lên sàn, dự kiến tăng x50 trong tuần này. Mua sớm khi giá còn thấp, nhóm chuyên gia hỗ trợ miễn phí. Tham gia nhóm Telegram ngay.")
ham(name("Văn phòng Sở","vanphong@snv.lamdong.gov.vn"),TO,"Lịch họp giao ban tháng 12",
 "Văn phòng Sở thông báo lịch họp giao ban tháng 12 vào 8h thứ Hai ngày 08/12 tại phòng họp tầng 2. Đề nghị các phòng chuẩn bị báo cáo.")
ham(name("Techcombank","thongbao@techcombank.com.vn"),TO,"Thông báo thay đổi biểu phí",
 "Techcombank trân trọng thông báo thay đổi biểu phí dịch vụ thẻ từ ngày 01/01/2027. Chi tiết xem tại techcombank.com.vn. Techcombank không bao giờ yêu cầu khách hàng cung cấp mật khẩu hoặc mã OTP.")
ham(name("Phạm Thu Trang","trangpt@ubnd.lamdong.gov.vn"),TO,"Chuyển file dự thảo",
 "Chị Hương ơi, em gửi chị file dự thảo kế hoạch năm 2027 đã chỉnh theo ý kiến lãnh đạo. Chị xem giúp em trước 16h nhé.")
ham(name("Hội Phụ nữ","hoiphunu@lamdong.gov.vn"),TO,"Vận động ủng hộ Quỹ vì người nghèo",
 "Hội Phụ nữ cơ quan vận động cán bộ, hội viên ủng hộ Quỹ vì người nghèo năm 2026, mức ủng hộ tự nguyện. Danh sách ủng hộ nộp về đồng chí Thủy trước ngày 15/12.")
ham(name("Shopee","no-reply@shopee.vn"),TO,"Đơn hàng đã giao thành công",
 "Đơn hàng 231201ABC đã giao thành công. Vui lòng kiểm tra và xác nhận đã nhận hàng trên ứng dụng Shopee trong 3 ngày.")
ham(name("Bưu điện tỉnh","buudien@vnpost.vn"),TO,"Thông báo phát bưu gửi",
 "Bưu gửi EMS số EA123456789VN gửi bà Vũ Thị Hương sẽ được phát trong ngày hôm nay. Mọi thắc mắc xin liên hệ tổng đài 1900 545481.")
ham(name("Minh Anh","minhanh.vu@gmail.com"),TO,"Tối nay ăn cơm nhà nội",
 "Mẹ ơi, tối nay cả nhà sang ăn cơm nhà nội nhé, bà dặn mẹ mua giúp bà ít hoa quả. Con tan học lúc 5h.")
ham(name("Sở Tư pháp","stp@lamdong.gov.vn"),TO,"Góp ý dự thảo nghị quyết",
 "Sở Tư pháp đề nghị các cơ quan góp ý dự thảo nghị quyết quy định mức chi hỗ trợ pháp lý cho doanh nghiệp nhỏ và vừa, gửi văn bản góp ý trước ngày 18/12.")
ham(name("Grab","no-reply@grab.com"),TO,"Ưu đãi GrabFood cuối tuần",
 "Cuối tuần này GrabFood giảm 30% cho đơn từ 100.000đ tại các quán ăn Đà Lạt. Ưu đãi áp dụng đến Chủ nhật.")
ham(name("Trường Mầm non","mamnon.hoahong@lamdong.edu.vn"),TO,"Thông báo đóng học phí tháng 12",
 "Nhà trường thông báo học phí tháng 12 của cháu là 1.850.000đ, phụ huynh chuyển khoản vào tài khoản của trường tại Agribank hoặc đóng trực tiếp tại văn phòng trước ngày 10/12.")
ham(name("VNPT","cskh@vnpt.vn"),TO,"Hóa đơn cước tháng 11",
 "VNPT thông báo cước dịch vụ internet tháng 11 của quý khách là 220.000đ. Quý khách thanh toán qua ứng dụng My VNPT hoặc tại điểm giao dịch.")
ham(name("Lê Văn Tâm","tamlv@sxd.lamdong.gov.vn"),TO,"Xin số điện thoại",
 "Chị Hương cho em xin số điện thoại của anh phụ trách dự án nhà ở xã hội bên Sở Tài chính để em liên hệ trao đổi số liệu nhé.")

# ---- a seventh set, written after the sixth round and measured on it first (26 of its 32 scams
# flagged, 0 of its 31 ordinary mails): it missed a loan app's debt collector, land for sale, and
# illegal services (degrees without exams, VAT invoices, customer data, sex pills), which the
# rules then learnt (VI_ILLICIT_SERVICE, VI_PHONE_CONTACT, collectors' words). ---------------------
TO = "tranthimai@lamdong.gov.vn"

# ---- scams -------------------------------------------------------------------------------------
spam(name("Hỗ trợ hộ kinh doanh", "hotrohkd.2026@gmail.com"), TO, "Gói hỗ trợ vốn cho hộ kinh doanh cá thể",
 "Chào anh chị,\nChương trình hỗ trợ vốn lưu động cho hộ kinh doanh: chỉ cần sim chính chủ trên 2 năm và căn cước gắn chip là được xét duyệt.\n"
 "Số tiền từ 10 đến 80 triệu, nhận tiền qua ví MoMo hoặc tài khoản ngân hàng ngay trong buổi sáng.\n"
 "Không phí hồ sơ, không cần người bảo lãnh. Nhắn tin 0839 112 456 để được nhân viên hướng dẫn.", date_i=1)
spam(name("Easy Money", "cs@easymoney-vn.xyz"), TO, "Trả góp 12 tháng - 0 đồng phí hồ sơ",
 "Gói vay ưu đãi cuối năm: hạn mức tới 70 triệu, trả góp 12 tháng, cam kết bảo mật thông tin tuyệt đối.\n"
 "Tải ứng dụng và điền thông tin, nhận kết quả sau 10 phút: https://easymoney-vn.xyz/app", date_i=2)
spam(name("Phòng thu hồi nợ", "thuhoino.fcredit@gmail.com"), TO, "THÔNG BÁO KHOẢN NỢ QUÁ HẠN LẦN CUỐI",
 "Ông/bà có khoản vay quá hạn 47 ngày tại ứng dụng F-Credit với số tiền 8.650.000đ.\n"
 "Nếu không tất toán trong hôm nay, chúng tôi sẽ gửi hồ sơ đến cơ quan nơi ông/bà công tác và liên hệ toàn bộ danh bạ người thân.\n"
 "Chuyển khoản ngay về STK 0451000223344 - NGUYEN VAN HUNG - Vietcombank, nội dung: tất toán + số điện thoại.", date_i=3)
spam(name("188", "link188moinhat@outlook.com"), TO, "Link vào mới nhất không bị chặn",
 "Link vào mới nhất không bị chặn nhà mạng: https://188vn.win\nHoàn tiền cược thua 10% mỗi tuần, thưởng chào mừng 188%.\n"
 "Hỗ trợ nạp rút qua ngân hàng 24/7.", date_i=4)
spam(name("Thần số học xổ số", "soicau.mienNam@gmail.com"), TO, "Bạch thủ lô chuẩn hôm nay - ăn chắc 99%",
 "Dự đoán xổ số miền Nam hôm nay chính xác 99%: bạch thủ lô, song thủ lô, dàn đề 10 số.\n"
 "Phí mở số 500k, không trúng hoàn tiền. Liên hệ Telegram @soicau_vip.", date_i=5)
spam(name("Casino Online", "promo@luckycasino.fun"), TO, "Tặng 150K trải nghiệm không cần nạp",
 "<p>Trải nghiệm sòng bài trực tuyến đẳng cấp: baccarat, roulette, slot game.</p><p>Tặng ngay 150K vào tài khoản cho thành viên mới, không cần nạp tiền.</p><p><a href='https://luckycasino.fun/reg'>Nhận ngay</a></p>",
 html="<p>Trải nghiệm sòng bài trực tuyến đẳng cấp: baccarat, roulette, slot game.</p><p>Tặng ngay <b>150K</b> vào tài khoản cho thành viên mới, không cần nạp tiền.</p><p><a href='https://luckycasino.fun/reg'>Nhận ngay</a></p>", date_i=6)
spam(name("Viettel Tri Ân", "viettel.trian20nam@gmail.com"), TO, "Thuê bao của quý khách đã trúng xe Honda Vision",
 "Nhân dịp kỷ niệm 20 năm, Viettel tổ chức quay số may mắn cho khách hàng thân thiết. Thuê bao 09xx của quý khách đã trúng 01 xe máy Honda Vision.\n"
 "Để làm thủ tục nhận giải, quý khách vui lòng liên hệ tổng đài 0587 221 889 và nộp trước thuế thu nhập không thường xuyên 10% giá trị giải thưởng.", date_i=7)
spam(name("Vòng quay may mắn", "event@vongquay-tet.online"), TO, "Bạn còn 3 lượt quay - voucher 5 triệu đồng đang chờ",
 "Chương trình vòng quay may mắn tháng 12: bạn còn 3 lượt quay miễn phí, cơ hội nhận voucher mua sắm 5 triệu đồng và iPhone.\n"
 "Nhấn vào đây để quay ngay trước khi hết lượt: https://vongquay-tet.online/spin", date_i=8)
spam(name("Cục Thuế", "hotro.cucthue@gmail.com"), TO, "Mã số thuế cá nhân chưa được đồng bộ",
 "Cục Thuế thông báo: mã số thuế cá nhân của ông/bà chưa được đồng bộ với số định danh cá nhân theo quy định mới.\n"
 "Vui lòng cài đặt ứng dụng eTax Mobile phiên bản cập nhật tại https://etax-gdt.com/apk và đồng bộ trước ngày 31/12 để tránh bị xử phạt vi phạm hành chính.", date_i=9)
spam(name("BHXH Việt Nam", "baohiemxahoi@bhxh-vn.com"), TO, "Khoản trợ cấp một lần chưa nhận",
 "Theo dữ liệu của Bảo hiểm xã hội Việt Nam, sổ bảo hiểm của ông/bà có khoản trợ cấp một lần chưa nhận: 12.350.000đ.\n"
 "Để nhận tiền, vui lòng cập nhật thông tin tài khoản nhận tại https://bhxh-vn.com/nhan-tro-cap trong vòng 48 giờ.", date_i=10)
spam(name("Viện kiểm sát nhân dân", "vienkiemsat.tphcm@outlook.com"), TO, "Quyết định khởi tố - yêu cầu phối hợp điều tra",
 "Cơ quan điều tra thông báo: số căn cước của ông/bà có liên quan đến một đường dây rửa tiền đang bị điều tra.\n"
 "Ông/bà phải giữ bí mật, không trao đổi với người thân, và gọi lại cho cán bộ điều tra theo số 0704 889 123 trong hôm nay.\n"
 "Nếu không hợp tác, lệnh bắt tạm giam sẽ được thực hiện.", date_i=11)
spam(name("Techcombank", "canhbao@tcb-huygiaodich.com"), TO, "Phát hiện giao dịch bất thường trên thẻ của quý khách",
 "Kính gửi quý khách,\nHệ thống phát hiện giao dịch 18.990.000 VND tại AMAZON MKTPLACE trên thẻ của quý khách lúc 02:14.\n"
 "Nếu không phải quý khách thực hiện, vui lòng hủy giao dịch tại https://tcb-huygiaodich.com trong 30 phút.", date_i=12)
spam(name("MB Bank", "thongbao@mbbank-sinhtrachoc.com"), TO, "Cập nhật sinh trắc học trước ngày 01/01",
 "Theo quy định của Ngân hàng Nhà nước, quý khách chưa cập nhật sinh trắc học khuôn mặt sẽ bị tạm dừng giao dịch trực tuyến từ ngày 01/01.\n"
 "Thực hiện cập nhật ngay tại https://mbbank-sinhtrachoc.com bằng ứng dụng trên điện thoại.", date_i=13)
spam(name("Bộ Công an - VNeID", "vneid.hotro@gmail.com"), TO, "Tài khoản định danh mức 2 sắp bị khóa",
 "Tài khoản định danh điện tử mức 2 của công dân chưa xác thực lại thông tin cư trú sẽ bị khóa sau 3 ngày.\n"
 "Công dân vui lòng tải bản cập nhật và đăng nhập để xác thực: https://vneid-bocongan.site", date_i=14)
spam(name("Điện lực Lâm Đồng", "evn.lamdong.thanhtoan@gmail.com"), TO, "Thông báo tạm ngừng cấp điện do chưa thanh toán",
 "Hộ gia đình của quý khách còn nợ tiền điện tháng 10 và tháng 11: 1.284.000đ. Điện lực sẽ tạm ngừng cấp điện sau 24 giờ.\n"
 "Để tránh bị cắt điện, quý khách thanh toán ngay qua đường dẫn: https://evn-thanhtoan.top", date_i=15)
spam(name("Quản trị thư điện tử", "admin.mail@lamdong-gov.vn.net"), TO, "[Cảnh báo] Dung lượng hộp thư đạt 98%",
 "Hộp thư tranthimai@lamdong.gov.vn đã sử dụng 98% dung lượng. Thư đến sẽ bị trả lại cho người gửi.\n"
 "Để được cấp thêm dung lượng miễn phí, vui lòng xác thực tài khoản tại đường dẫn dưới đây.",
 html="<p>Hộp thư <b>tranthimai@lamdong.gov.vn</b> đã sử dụng 98% dung lượng. Thư đến sẽ bị trả lại cho người gửi.</p>"
 "<p>Để được cấp thêm dung lượng miễn phí, vui lòng xác thực tài khoản tại: <a href='https://webmail-login.site/lamdong'>https://mail.lamdong.gov.vn/xacthuc</a></p>", date_i=16)
spam(name("Phòng CNTT - Văn phòng UBND", "phongcntt.ubnd@gmail.com"), TO, "Mật khẩu thư công vụ hết hạn hôm nay",
 "Mật khẩu tài khoản thư công vụ của bạn sẽ hết hạn vào 17h hôm nay.\nĐể giữ nguyên mật khẩu hiện tại, bấm vào liên kết: https://giu-matkhau.web.app\n"
 "Nếu không thực hiện, tài khoản sẽ bị vô hiệu hóa.", date_i=17)
spam(name("Mail Admin", "support@lamdongg.gov-vn.com"), TO, "Xác minh tài khoản / Account verification",
 "Kính gửi người dùng,\nChúng tôi đang chuyển hệ thống thư sang máy chủ mới. Mọi tài khoản chưa xác minh sẽ bị xóa.\n"
 "Dear user, please verify your mailbox: https://lamdongg.gov-vn.com/verify", date_i=18)
spam(name("Chuyên gia chứng khoán", "nhomphantich.vip@gmail.com"), TO, "Mời tham gia nhóm phân tích cổ phiếu miễn phí",
 "Nhóm chuyên gia phân tích chứng khoán miễn phí, mỗi ngày đưa 1-2 mã cổ phiếu tăng trần, lợi nhuận 30% mỗi tháng.\n"
 "Đã có hơn 5.000 nhà đầu tư tham gia. Kết bạn Zalo 0366 778 901 để được thêm vào nhóm.", date_i=19)
spam(name("Sàn vàng quốc tế", "cskh@goldtrade-asia.vip"), TO, "Đầu tư 5 triệu nhận 500 nghìn mỗi ngày",
 "Sàn giao dịch vàng quốc tế được cấp phép, lãi cố định 10% mỗi ngày, rút gốc bất cứ lúc nào.\n"
 "Giới thiệu người thân tham gia nhận thêm hoa hồng 5%. Đăng ký: https://goldtrade-asia.vip", date_i=20)
spam(name("Đất nền Bảo Lộc", "datnen.baoloc@gmail.com"), TO, "Đất nền Bảo Lộc sổ riêng chỉ 6xx triệu - cam kết lợi nhuận",
 "Mở bán đợt cuối 20 lô đất nền view đồi chè Bảo Lộc, sổ riêng từng nền, giá chỉ từ 6xx triệu.\n"
 "Cam kết lợi nhuận 20%/năm, ngân hàng hỗ trợ vay 70%. Hotline: 0919 667 555 (Mr Tuấn).", date_i=21)
spam(name("Tuyển CTV", "tuyendung.danhgia@gmail.com"), TO, "Tuyển nhân viên đánh giá sản phẩm làm tại nhà",
 "Cần tuyển nhân viên đánh giá sản phẩm trên Shopee, Tiktok: làm bằng điện thoại, 1-2 giờ mỗi ngày.\n"
 "Hoàn tiền gốc ngay sau mỗi đơn và nhận hoa hồng 10-30%. Thu nhập 300-800k/ngày. Liên hệ Zalo 0945 221 007.", date_i=22)
spam(name("XKLĐ Nhật Bản", "xkld.nhatban2026@yahoo.com"), TO, "Đơn hàng xuất khẩu lao động Nhật - bay nhanh",
 "Đơn hàng đóng gói thực phẩm tại Nhật, lương 35 triệu/tháng, không cần tiếng, bay sau 2 tháng.\n"
 "Đặt cọc 20 triệu để giữ suất, hoàn lại nếu không đỗ. Chỉ còn 5 suất cuối.", date_i=23)
spam(name("Luật sư Robert Lee", "robertlee.law@gmail.com"), TO, "Tài sản thừa kế của người thân quá cố",
 "Tôi là luật sư riêng của ông Nguyễn Văn Minh, kỹ sư người Việt qua đời tại Mỹ năm 2024, để lại 2.500.000 USD không có người thừa kế.\n"
 "Vì ông/bà mang cùng họ, tôi đề nghị ông/bà đứng tên người thụ hưởng. Chúng ta chia 50/50. Vui lòng trả lời kèm họ tên, số điện thoại.", date_i=24)
spam(name("Hải quan Tân Sơn Nhất", "haiquan.tsn.kiemhoa@gmail.com"), TO, "Bưu kiện quốc tế đang bị tạm giữ",
 "Bưu kiện từ Anh Quốc gửi cho ông/bà (trị giá 8.500 GBP) đang bị tạm giữ để kiểm hóa.\n"
 "Để thông quan, vui lòng nộp phí 3.200.000đ vào tài khoản của cán bộ phụ trách trước 16h hôm nay; quá hạn bưu kiện sẽ bị tịch thu.", date_i=25)
spam(name("Anh ngữ giao tiếp", "tuvan@englishpro-center.com"), TO, "Giảm 50% học phí - chỉ còn 10 suất",
 "Khóa học tiếng Anh giao tiếp cho người đi làm: 3 tháng nói trôi chảy, cam kết đầu ra.\nGiảm 50% học phí cho 10 học viên đăng ký sớm nhất.\n"
 "Đăng ký học thử miễn phí: https://englishpro-center.com/hoc-thu\nĐể ngừng nhận thư, trả lời KHÔNG.", date_i=26)
spam(name("Dịch vụ văn bằng", "lambang.toanquoc@gmail.com"), TO, "Làm bằng đại học, chứng chỉ tin học ngoại ngữ",
 "Nhận làm bằng đại học, cao đẳng, chứng chỉ tin học, ngoại ngữ B1, B2 có hồ sơ gốc, không cần thi, giao hàng toàn quốc.\n"
 "Bảo mật tuyệt đối, nhận bằng mới thanh toán. Liên hệ 0977 456 112.", date_i=27)
spam(name("Data Marketing", "data.khachhang@gmail.com"), TO, "Bán data khách hàng theo ngành nghề",
 "Cung cấp data khách hàng mới nhất 2026: chủ doanh nghiệp, bất động sản, bảo hiểm, phụ huynh học sinh... có số điện thoại và email.\n"
 "Giá chỉ 500k/10.000 số. Tặng kèm phần mềm gửi tin nhắn hàng loạt.", date_i=28)
spam(name("Hàng Nhật xách tay", "shopnhat.xachtay@gmail.com"), TO, "Thuốc bổ thận tráng dương hàng nội địa Nhật",
 "Viên uống bổ thận, tăng cường sinh lý nam hàng nội địa Nhật, hiệu quả sau 7 ngày, không tác dụng phụ.\n"
 "Mua 2 tặng 1, giao hàng kín đáo, thanh toán khi nhận hàng. Gọi ngay 0909 334 556.", date_i=29)
spam(name("Hóa đơn VAT", "xuathoadon.gtgt@gmail.com"), TO, "Cung cấp hóa đơn GTGT giá rẻ cho doanh nghiệp",
 "Chuyên xuất hóa đơn GTGT (hóa đơn đỏ) các mặt hàng cho doanh nghiệp cần hợp thức chi phí, giá chỉ từ 3%.\n"
 "Hóa đơn hợp lệ, tra cứu được trên trang thuế. Liên hệ anh Hùng 0868 223 445.", date_i=30)
spam(name("vay von", "vayvon.nhanh247@gmail.com"), TO, "vay von khong the chap",
 "chao ban, ben minh ho tro vay von tu 20-100tr, khong the chap, khong tham dinh, lai thap, nhan tien trong ngay. lien he zalo 0912 887 665", date_i=31)
spam(name("SEO Agency", "seo.topgoogle@gmail.com"), TO, "Đưa website lên top Google trong 30 ngày",
 "Dịch vụ SEO từ khóa lên top Google, chạy quảng cáo Facebook, tăng like, tăng follow giá rẻ.\n"
 "Cam kết hiệu quả, không lên top hoàn tiền 100%. Báo giá miễn phí qua Zalo 0932 113 224.", date_i=32)

# ---- ordinary mail -----------------------------------------------------------------------------
ham(name("Tiki", "no-reply@tiki.vn"), TO, "Đơn hàng #612345987 đã được xác nhận",
 "Cảm ơn bạn đã mua sắm tại Tiki. Đơn hàng #612345987 gồm 2 sản phẩm đã được xác nhận và sẽ giao trong 2-3 ngày.\nTổng tiền: 458.000đ (thanh toán khi nhận hàng).", date_i=41)
ham(name("Vietcombank", "vcbdigibank@info.vietcombank.com.vn"), TO, "Thông báo biến động số dư",
 "Số dư tài khoản 0071000xxxx thay đổi: +15.200.000 VND lúc 02-12-2026 09:15. Số dư hiện tại: 21.460.300 VND. Nội dung: LUONG THANG 11.", date_i=42)
ham(name("Agribank", "thongbao@agribank.com.vn"), TO, "Cảnh báo thủ đoạn lừa đảo dịp cuối năm",
 "Agribank khuyến cáo khách hàng: không cung cấp mã OTP, mật khẩu, thông tin thẻ cho bất kỳ ai, kể cả người tự xưng là nhân viên ngân hàng hay công an.\n"
 "Agribank không gửi đường link yêu cầu cập nhật thông tin qua tin nhắn hay thư điện tử.", date_i=43)
ham(name("Trường THCS Lê Lợi", "thcsleloi@lamdong.edu.vn"), TO, "Mời họp phụ huynh cuối học kỳ I",
 "Kính mời quý phụ huynh em Nguyễn Minh Khoa lớp 8A3 đến dự họp phụ huynh cuối học kỳ I vào 7h30 sáng Chủ nhật 14/12 tại phòng học lớp.", date_i=44)
ham(name("Hoàng Yến", "yenhoang.dl@gmail.com"), TO, "Thiệp mời đám cưới",
 "Chị Mai ơi, em gửi chị thiệp mời đám cưới của em và anh Phúc vào trưa thứ Bảy 20/12 tại nhà hàng Hương Sen, Đà Lạt. Chị nhớ đến chung vui với em nha!", date_i=45)
ham(name("Phạm Quốc Bảo", "baopq@stnmt.lamdong.gov.vn"), TO, "Biên bản họp tổ công tác",
 "Chị Mai, em gửi biên bản họp tổ công tác sáng nay, chị xem và bổ sung ý kiến trước thứ Sáu giúp em nhé. Có gì chị nhắn em.", date_i=46)
ham(name("Báo Tuổi Trẻ", "bantin@tuoitre.vn"), TO, "Bản tin sáng 3/12: giá vàng, thời tiết, giao thông",
 "Bản tin sáng nay: giá vàng trong nước giảm nhẹ; miền Nam có mưa rào vài nơi; thông xe cao tốc Tân Phú - Bảo Lộc đoạn đầu tiên.\n"
 "Bạn nhận thư này vì đã đăng ký bản tin Tuổi Trẻ. Hủy đăng ký tại trang cá nhân.", date_i=47)
ham(name("Thế Giới Di Động", "khuyenmai@thegioididong.com"), TO, "Black Friday: giảm đến 50% điện thoại, laptop",
 "Black Friday tại Thế Giới Di Động: giảm đến 50% nhiều mẫu điện thoại, laptop, đồng hồ. Trả góp 0% qua thẻ tín dụng. Áp dụng đến hết 30/11 tại cửa hàng và online.\n"
 "Bạn nhận thư vì đã đăng ký nhận tin khuyến mãi. Hủy nhận tin tại thegioididong.com.", date_i=48)
ham(name("Cấp nước Lâm Đồng", "hoadon@capnuoclamdong.vn"), TO, "Hóa đơn tiền nước tháng 11/2026",
 "Công ty Cổ phần Cấp thoát nước Lâm Đồng thông báo tiền nước tháng 11 của khách hàng mã KH 0102345: 14 m3, số tiền 186.400đ. Vui lòng thanh toán trước ngày 15/12.", date_i=49)
ham(name("Bệnh viện Đa khoa tỉnh", "datlich@bvdklamdong.vn"), TO, "Nhắc lịch khám",
 "Bệnh viện Đa khoa tỉnh Lâm Đồng nhắc lịch khám của bà Trần Thị Mai: 8h00 thứ Tư 10/12/2026, phòng khám Nội 2. Vui lòng mang theo thẻ BHYT và căn cước.", date_i=50)
ham(name("Vietnam Airlines", "noreply@vietnamairlines.com"), TO, "Xác nhận hành trình - mã đặt chỗ K7XQ2P",
 "Cảm ơn quý khách đã lựa chọn Vietnam Airlines. Hành trình: Liên Khương (DLI) - Hà Nội (HAN), chuyến VN1562, 06:40 ngày 18/12/2026. Mã đặt chỗ: K7XQ2P.", date_i=51)
ham(name("Khách sạn Đồi Thông", "booking@doithonghotel.vn"), TO, "Xác nhận đặt phòng",
 "Khách sạn Đồi Thông xác nhận đặt phòng cho đoàn Sở Tài nguyên và Môi trường: 5 phòng đôi, nhận phòng 12/12, trả phòng 14/12. Đặt cọc 30% trước ngày 8/12.", date_i=52)
ham(name("Tuấn", "tuan.tran1988@gmail.com"), TO, "Em mượn tạm ít tiền",
 "Chị ơi, tháng này em kẹt quá, chị cho em mượn tạm 5 triệu, cuối tháng có lương em gửi lại chị nhé. Em gọi mà chị không nghe máy nên em nhắn mail.", date_i=53)
ham(name("Phòng Đào tạo", "daotao@dlu.edu.vn"), TO, "Thông báo đăng ký học phần học kỳ II",
 "Trường Đại học Đà Lạt thông báo thời gian đăng ký học phần học kỳ II năm học 2026-2027 từ ngày 15/12 đến 22/12 trên cổng thông tin sinh viên.", date_i=54)
ham(name("Phòng Nhân sự", "nhansu@congtyabc.com.vn"), TO, "Phiếu lương tháng 11",
 "Phòng Nhân sự gửi anh/chị phiếu lương tháng 11. Mọi thắc mắc vui lòng phản hồi trước ngày 5/12. Mật khẩu mở tệp là ngày sinh của anh/chị.", date_i=55)
ham(name("Bảo Việt", "cskh@baoviet.com.vn"), TO, "Nhắc tái tục hợp đồng bảo hiểm xe",
 "Hợp đồng bảo hiểm vật chất xe ô tô 49A-123.45 của quý khách sẽ hết hạn ngày 20/12/2026. Quý khách vui lòng liên hệ đại lý hoặc tổng đài 1900 558899 để tái tục.", date_i=56)
ham(name("Facebook", "notification@facebookmail.com"), TO, "Lan Phương đã gửi cho bạn lời mời kết bạn",
 "Lan Phương đã gửi cho bạn lời mời kết bạn. Bạn có 12 bạn chung. Xác nhận lời mời trên Facebook.", date_i=57)
ham(name("Tổ dân phố 5", "todanpho5.p2@gmail.com"), TO, "Thông báo thu quỹ khuyến học năm 2026",
 "Tổ dân phố 5 phường 2 thông báo thu quỹ khuyến học năm 2026: mỗi hộ 100.000đ, tổ trưởng sẽ đến thu vào tối thứ Bảy. Cảm ơn bà con.", date_i=58)
ham(name("Công ty Thành Công", "tuyendung@thanhcong.vn"), TO, "Thư mời phỏng vấn vị trí kế toán",
 "Cảm ơn bạn đã ứng tuyển vị trí kế toán tổng hợp. Mời bạn đến phỏng vấn lúc 9h thứ Năm 11/12 tại văn phòng công ty, 12 Trần Phú, Đà Lạt.", date_i=59)
ham(name("Udemy", "no-reply@udemy.com"), TO, "Biên nhận thanh toán khóa học",
 "Cảm ơn bạn đã mua khóa học Excel nâng cao cho người đi làm. Số tiền: 249.000đ. Bạn có thể bắt đầu học ngay trên ứng dụng.", date_i=60)
ham(name("Nguyễn Hữu Phước", "phuocnh.batdongsan@gmail.com"), TO, "Re: Hỏi giá nhà đường Hai Bà Trưng",
 "Chào chị Mai, căn nhà chị hỏi ở đường Hai Bà Trưng diện tích 72m2, giá chủ nhà đưa ra 4,2 tỷ, có thương lượng. Chị muốn xem nhà thì hẹn em cuối tuần nhé.", date_i=61)
ham(name("Ban liên lạc K15", "banlienlac.k15@gmail.com"), TO, "Họp lớp 20 năm - đóng góp kinh phí",
 "Các bạn thân mến, buổi họp lớp 20 năm ra trường tổ chức ngày 27/12. Mỗi bạn đóng góp 1 triệu, chuyển khoản cho Hằng (Techcombank 19033xxxx) hoặc nộp trực tiếp.", date_i=62)
ham(name("Phòng khám Medlatec", "ketqua@medlatec.vn"), TO, "Kết quả xét nghiệm",
 "Kết quả xét nghiệm của khách hàng Trần Thị Mai đã có. Quý khách tra cứu kết quả trên ứng dụng Medlatec bằng mã hồ sơ 88123.", date_i=63)
ham(name("Grab", "no-reply@grab.com"), TO, "Biên nhận chuyến đi GrabCar",
 "Cảm ơn bạn đã đi cùng Grab. Chuyến đi từ Chợ Đà Lạt đến Sở Tài nguyên và Môi trường, 4,2 km, cước 52.000đ, thanh toán tiền mặt.", date_i=64)
ham(name("Thư viện tỉnh", "thuvien@lamdong.gov.vn"), TO, "Nhắc trả sách quá hạn",
 "Thư viện tỉnh nhắc bạn đọc: sách \"Lịch sử Đà Lạt\" mượn ngày 01/11 đã quá hạn trả. Vui lòng trả sách tại quầy trước ngày 10/12.", date_i=65)
ham(name("Cổng Dịch vụ công quốc gia", "thongbao@dichvucong.gov.vn"), TO, "Hồ sơ đã được tiếp nhận",
 "Hồ sơ cấp đổi giấy phép lái xe của bạn, mã hồ sơ G22.99-261203-0012, đã được tiếp nhận. Thời gian trả kết quả dự kiến: 10/12/2026.", date_i=66)
ham(name("Chi cục Thuế khu vực", "hotro@gdt.gov.vn"), TO, "Nhắc quyết toán thuế thu nhập cá nhân",
 "Cơ quan thuế nhắc người nộp thuế tự quyết toán thuế thu nhập cá nhân năm 2026 trên Cổng thông tin điện tử ngành thuế hoặc ứng dụng eTax Mobile, hạn chót 30/4/2027.", date_i=67)
ham(name("Bố", "hoangthanh.1960@gmail.com"), TO, "Ảnh cả nhà đi Hồ Tuyền Lâm",
 "Bố gửi mấy ảnh cả nhà đi Hồ Tuyền Lâm hôm Chủ nhật. Con lưu lại rồi in cho bà một tấm nhé.", date_i=68)
ham(name("VPP Hồng Hà", "kinhdoanh@vpphongha.vn"), TO, "Báo giá văn phòng phẩm",
 "Kính gửi chị Mai, theo yêu cầu của phòng, chúng tôi gửi báo giá văn phòng phẩm quý I/2027 trong tệp đính kèm. Giá đã gồm VAT và giao hàng tận nơi tại Đà Lạt.", date_i=69)
ham(name("Shopee", "info@mail.shopee.vn"), TO, "12.12 Sale sinh nhật - mã giảm giá dành cho bạn",
 "Sale 12.12: mã giảm 50.000đ cho đơn từ 300.000đ, miễn phí vận chuyển toàn quốc. Mã có hạn đến 23:59 ngày 12/12. Mở ứng dụng Shopee để dùng mã.", date_i=70)
ham(name("Zalo", "no-reply@zalo.me"), TO, "Mã xác thực đăng nhập Zalo trên máy tính",
 "Mã xác thực của bạn là 482913. Mã có hiệu lực trong 5 phút. Nếu bạn không yêu cầu, hãy bỏ qua thư này; không chia sẻ mã cho bất kỳ ai.", date_i=71)

# ---- an eighth set, written after the seventh round and measured on it first (20 of its 32
# scams, 0 of its 30 ordinary mails): pawn loans, expiring points, held-mail and shared-document
# phishing, crypto, casting fees, a soldier's gold, shop and tour advertising. Then free-hosting
# links, more brands and words. -----------------------------------------------------------------
TO = "lethanhhai@lamdong.gov.vn"

spam(name("Cầm đồ 247", "camdo247.online@gmail.com"), TO, "Cầm xe, cầm cà vẹt - nhận tiền trong 15 phút",
 "Cần tiền gấp cuối năm? Cầm đồ online nhận cầm xe máy, ô tô, cà vẹt xe, điện thoại, laptop.\n"
 "Giữ giấy tờ, xe vẫn được sử dụng, lãi thấp nhất thị trường. Thủ tục nhanh gọn, nhận tiền trong 15 phút. Gọi 0938 557 210.", date_i=1)
spam(name("Mở thẻ tín dụng", "mothe.nhanh@yahoo.com"), TO, "Mở thẻ tín dụng hạn mức 100 triệu không cần chứng minh thu nhập",
 "Dịch vụ mở thẻ tín dụng nhanh các ngân hàng, hạn mức 30 - 100 triệu, không cần chứng minh thu nhập.\n"
 "Nhận rút tiền mặt từ thẻ tín dụng, đáo hạn thẻ phí chỉ 1.6%. Hỗ trợ khách ở tỉnh. Zalo: 0901 223 889.", date_i=2)
spam(name("Ngân hàng Chính sách xã hội", "nhcsxh.giaingan@outlook.com"), TO, "Giải ngân gói hỗ trợ học sinh sinh viên lãi suất 0%",
 "Ngân hàng Chính sách xã hội thông báo giải ngân đợt 2 gói vay hỗ trợ học sinh, sinh viên lãi suất 0%.\n"
 "Hộ gia đình có con đang đi học đăng ký trực tuyến tại https://nhcsxh-hotro.com trước ngày 15/12 để được xét duyệt.", date_i=3)
spam(name("Đá gà Thomo", "dagatructiep.thomo@gmail.com"), TO, "Xem đá gà trực tiếp Thomo hôm nay",
 "Trực tiếp đá gà Thomo Campuchia mỗi ngày từ 11h. Tỷ lệ cược hấp dẫn, nạp rút nhanh qua ngân hàng.\n"
 "Vào xem tại https://daga-thomo.live - tặng 100K cho người mới.", date_i=4)
spam(name("Mini game World Cup", "minigame.dudoan@gmail.com"), TO, "Dự đoán tỷ số - trúng ngay 10 triệu",
 "Tham gia mini game dự đoán tỷ số trận chung kết, đoán đúng nhận ngay 10 triệu đồng. Phí tham gia chỉ 50.000đ mỗi lượt.\n"
 "Chuyển khoản phí tham gia và nhắn tỷ số dự đoán qua Zalo 0388 765 432.", date_i=5)
spam(name("Co.opmart tri ân", "coopmart.quatang@gmail.com"), TO, "Quý khách nhận được thẻ quà tặng 2.000.000đ",
 "Quý khách là khách hàng may mắn của chương trình tri ân cuối năm và nhận được 01 thẻ quà tặng Co.opmart trị giá 2.000.000đ.\n"
 "Vui lòng xác nhận địa chỉ nhận quà và thanh toán phí giao thẻ 35.000đ tại https://coopmart-tri-an.shop", date_i=6)
spam(name("VinID", "diem.thuong@vinid-rewards.net"), TO, "500 điểm thưởng của bạn sắp hết hạn",
 "Bạn có 500 điểm thưởng sẽ hết hạn vào ngày 31/12. Đổi ngay lấy phiếu mua hàng hoặc quà tặng trước khi mất điểm.\n"
 "Đăng nhập để đổi quà: https://vinid-rewards.net/login", date_i=7)
spam(name("Hoàn thuế TNCN", "hoanthue@tncn-gdt.org"), TO, "Thông báo hoàn thuế thu nhập cá nhân năm 2025",
 "Qua rà soát hồ sơ quyết toán, ông/bà được hoàn 3.870.000đ tiền thuế thu nhập cá nhân nộp thừa.\n"
 "Để nhận tiền hoàn, vui lòng khai báo số tài khoản ngân hàng và số thẻ tại https://tncn-gdt.org/hoan-thue trong 5 ngày làm việc.", date_i=8)
spam(name("Sở Kế hoạch và Đầu tư", "dangkykinhdoanh.skhdt@gmail.com"), TO, "Doanh nghiệp chưa cập nhật thông tin sẽ bị thu hồi giấy phép",
 "Theo rà soát, doanh nghiệp của quý vị chưa cập nhật thông tin người đại diện theo quy định mới và có thể bị thu hồi giấy chứng nhận đăng ký.\n"
 "Quý vị cập nhật và nộp lệ phí 500.000đ tại cổng https://dangkykinhdoanh-gov.com trước ngày 20/12.", date_i=9)
spam(name("BHYT điện tử", "giahan.bhyt@gmail.com"), TO, "Thẻ BHYT của bạn đã hết hạn - gia hạn online giảm 50%",
 "Thẻ bảo hiểm y tế của bạn đã hết hạn sử dụng. Gia hạn online ngay hôm nay để được giảm 50% mức đóng.\n"
 "Tải ứng dụng gia hạn tại https://bhyt-online.app và đăng nhập bằng số căn cước.", date_i=10)
spam(name("Cục Cảnh sát giao thông", "phatnguoi.csgt@outlook.com"), TO, "Thông báo phạt nguội phương tiện 49A-xxx",
 "Phương tiện mang biển số của ông/bà bị ghi nhận vi phạm tốc độ ngày 28/11 tại QL20. Mức phạt 4.000.000đ.\n"
 "Nộp phạt trực tuyến trong 3 ngày để được giảm 50% và không bị tước giấy phép lái xe: https://csgt-phatnguoi.net", date_i=11)
spam(name("Tòa án nhân dân", "toaan.nd@yandex.com"), TO, "Giấy triệu tập hầu tòa",
 "Tòa án nhân dân triệu tập ông/bà đến phiên xét xử vụ án tranh chấp hợp đồng tín dụng vào 9h ngày 10/12.\n"
 "Hồ sơ vụ án và giấy triệu tập xem tại https://toaan-hoso.com/xem. Nếu vắng mặt, tòa sẽ xét xử vắng mặt và phong tỏa tài khoản.", date_i=12)
spam(name("VietinBank", "support@vietinbank-capnhat.com"), TO, "Tài khoản sẽ bị đóng do chưa cập nhật CCCD gắn chip",
 "Kính gửi quý khách, tài khoản thanh toán của quý khách chưa được cập nhật căn cước gắn chip và sẽ bị đóng sau ngày 25/12.\n"
 "Quý khách vui lòng cập nhật trực tuyến tại https://vietinbank-capnhat.com để tiếp tục giao dịch.", date_i=13)
spam(name("BIDV SmartBanking", "alert@bidv-baomat.info"), TO, "Đăng nhập trên thiết bị lạ",
 "Tài khoản BIDV SmartBanking của quý khách vừa đăng nhập trên thiết bị lạ (Samsung Galaxy A15) lúc 23:41.\n"
 "Nếu không phải quý khách, nhấn vào đây để khóa tài khoản ngay: https://bidv-baomat.info/khoa", date_i=14)
spam(name("Shopee Hoàn Tiền", "hoantien@shopee-refund.site"), TO, "Đơn hàng lỗi - bạn được hoàn 1.250.000đ",
 "Đơn hàng của bạn giao bị lỗi, Shopee đã chấp nhận hoàn tiền 1.250.000đ.\n"
 "Để nhận tiền hoàn về thẻ, vui lòng nhập số thẻ, ngày hết hạn và mã OTP tại https://shopee-refund.site", date_i=15)
spam(name("Hệ thống thư công vụ", "noreply@lamdong-govmail.com"), TO, "Nâng cấp hệ thống thư điện tử công vụ",
 "Hệ thống thư điện tử công vụ tỉnh Lâm Đồng đang nâng cấp lên phiên bản mới. Các tài khoản không đăng nhập lại trước 17h ngày 05/12 sẽ bị mất dữ liệu.",
 html="<p>Hệ thống thư điện tử công vụ tỉnh Lâm Đồng đang nâng cấp lên phiên bản mới. Các tài khoản không đăng nhập lại trước 17h ngày 05/12 sẽ bị mất dữ liệu.</p>"
 "<p><a href='https://lamdong-govmail.com/dangnhap'>Đăng nhập lại tại mail.lamdong.gov.vn</a></p>", date_i=16)
spam(name("Mail Delivery", "postmaster@mx-delivery-notice.top"), TO, "Bạn có 4 thư đang bị giữ lại",
 "Có 4 thư gửi đến lethanhhai@lamdong.gov.vn đang bị giữ lại do lỗi đồng bộ máy chủ.\n"
 "Nhấn vào đây để nhận các thư bị giữ: https://mx-delivery-notice.top/release?u=lethanhhai", date_i=17)
spam(name("Tài liệu chia sẻ", "share.docs.office@gmail.com"), TO, "Kế hoạch công tác năm 2027.pdf đã được chia sẻ với bạn",
 "Văn phòng đã chia sẻ với bạn tệp \"Kế hoạch công tác năm 2027.pdf\".\nĐể xem tài liệu, mở liên kết và đăng nhập bằng tài khoản thư công vụ: https://docs-share-office.web.app/view", date_i=18)
spam(name("Sâm Ngọc Linh", "daututrongsam@gmail.com"), TO, "Góp vốn trồng sâm Ngọc Linh - chia lợi nhuận hàng tháng",
 "Dự án trồng sâm Ngọc Linh dưới tán rừng nhận góp vốn từ 50 triệu, chia lợi nhuận 5% mỗi tháng, sau 3 năm hoàn vốn gốc.\n"
 "Hợp đồng công chứng, đã có hơn 800 nhà đầu tư. Liên hệ Ms Hạnh 0972 345 118.", date_i=19)
spam(name("Cổ phần tiền IPO", "ipo.codong@proton.me"), TO, "Cơ hội mua cổ phần ưu đãi trước khi niêm yết",
 "Công ty công nghệ chuẩn bị niêm yết, dành 100 suất mua cổ phần giá ưu đãi cho nhà đầu tư cá nhân. Dự kiến tăng giá 5 lần sau khi lên sàn.\n"
 "Đặt mua tối thiểu 20 triệu, chuyển tiền vào tài khoản trưởng ban phát hành để giữ suất.", date_i=20)
spam(name("Crypto Event", "event@usdt-bonus.io"), TO, "Nhận miễn phí 100 USDT khi đăng ký ví",
 "Sự kiện có hạn: đăng ký ví và nhận ngay 100 USDT miễn phí. Rút về ngân hàng sau khi xác minh.\nĐăng ký tại https://usdt-bonus.io", date_i=21)
spam(name("Việc làm thêm", "vieclamthem.nhaplieu@gmail.com"), TO, "Việc làm nhập liệu tại nhà 200k/giờ",
 "Cần người gõ văn bản, nhập liệu tại nhà, làm bằng máy tính hoặc điện thoại, thu nhập 200k/giờ, trả lương hằng ngày.\n"
 "Đăng ký nộp phí tài liệu hướng dẫn 150.000đ, được hoàn lại sau 3 ngày làm việc.", date_i=22)
spam(name("Casting người mẫu nhí", "casting.mau.nhi@gmail.com"), TO, "Tuyển người mẫu nhí chụp ảnh quảng cáo",
 "Công ty truyền thông tuyển người mẫu nhí 3-12 tuổi chụp ảnh quảng cáo cho các nhãn hàng lớn, cát-xê 2-5 triệu mỗi buổi.\n"
 "Phụ huynh đóng phí hồ sơ casting 490.000đ để được xếp lịch thử vai.", date_i=23)
spam(name("TikTok Job", "nhiemvu.tiktok@gmail.com"), TO, "Like video kiếm 50k mỗi nhiệm vụ",
 "Làm nhiệm vụ like và follow video TikTok, mỗi nhiệm vụ nhận 50k, làm càng nhiều nhận càng nhiều.\n"
 "Thêm Telegram @nhiemvu_tt để nhận nhiệm vụ đầu tiên.", date_i=24)
spam(name("Sgt. James Carter", "james.carter.army@gmail.com"), TO, "Xin giúp đỡ - rất quan trọng",
 "Tôi là trung sĩ quân đội Mỹ đang làm nhiệm vụ tại Syria. Tôi có một số vàng và tiền mặt cần gửi về Việt Nam nhưng không thể tự nhận.\n"
 "Tôi cần một người đáng tin cậy nhận giúp, tôi sẽ chia cho bạn 30%. Xin trả lời kèm số điện thoại và địa chỉ của bạn.", date_i=25)
spam(name("Quỹ từ thiện quốc tế", "grant.foundation.vn@gmail.com"), TO, "Bạn được chọn nhận khoản tài trợ 50.000 USD",
 "Quỹ từ thiện quốc tế đã chọn ông/bà nhận khoản tài trợ cá nhân 50.000 USD.\n"
 "Để khoản tài trợ được chuyển về Việt Nam, ông/bà cần nộp phí chuyển đổi ngoại tệ 4.500.000đ theo hướng dẫn của văn phòng đại diện.", date_i=26)
spam(name("Máy lọc nước Kangen", "marketing@maylockiem-nhat.vn"), TO, "Máy lọc nước ion kiềm Nhật Bản giảm 40% - lắp đặt miễn phí",
 "Máy lọc nước ion kiềm nhập khẩu Nhật Bản, tốt cho người bệnh dạ dày, tiểu đường, huyết áp.\n"
 "Giảm 40% trong tháng 12, lắp đặt miễn phí tại nhà, bảo hành 5 năm. Hotline 0903 668 123.\n"
 "Nếu không muốn nhận thư này, vui lòng bấm hủy đăng ký.", date_i=27)
spam(name("Du lịch Hòa Bình", "sales@dulichhoabinh.com"), TO, "Tour Phú Quốc 3N2Đ chỉ 2.990.000đ",
 "Tour Phú Quốc 3 ngày 2 đêm trọn gói vé máy bay, khách sạn 4 sao, ăn 5 bữa, chỉ 2.990.000đ/khách.\n"
 "Số lượng có hạn, đặt ngay hôm nay. Hotline: 0911 246 357.", date_i=28)
spam(name("Phần mềm kế toán", "tuvan@ketoan-online.net"), TO, "Dùng thử miễn phí phần mềm kế toán 30 ngày",
 "Phần mềm kế toán online cho doanh nghiệp nhỏ, dùng thử miễn phí 30 ngày, tặng chữ ký số 1 năm khi đăng ký gói năm.\n"
 "Đăng ký dùng thử: https://ketoan-online.net/dung-thu", date_i=29)
spam(name("Spa Hoa Mai", "spahoamai.dalat@gmail.com"), TO, "Khai trương spa - tặng voucher 500K",
 "Mừng khai trương, spa Hoa Mai tặng voucher 500K cho liệu trình trị nám, triệt lông, chăm sóc da mặt.\n"
 "Đặt lịch qua số 0865 432 109 để giữ suất.", date_i=30)
spam(name("Kinh doanh online", "kinhdoanh.tainha@gmail.com"), TO, "thu nhap 20-30tr/thang",
 "Ban muon kiem them thu nhap? Ban hang online cung chung toi, thu nhap 20-30tr/thang, khong can von, khong can kinh nghiem. inbox de duoc huong dan chi tiet", date_i=31)
spam(name("Xe tự lái Đà Lạt", "thuexe.tulai.dalat@gmail.com"), TO, "Cho thuê xe tự lái giá rẻ dịp Tết",
 "Cho thuê xe tự lái 4-7 chỗ đời mới tại Đà Lạt, giá chỉ từ 700k/ngày, giao xe tận nơi, thủ tục đơn giản.\n"
 "Đặt xe sớm dịp Tết được giảm 15%. Liên hệ 0977 121 314.", date_i=32)

ham(name("Lazada", "no-reply@lazada.vn"), TO, "Đơn hàng của bạn đang được giao",
 "Đơn hàng 7712093 (tai nghe Bluetooth) đã rời kho và đang được giao đến bạn. Dự kiến nhận hàng: 05/12.", date_i=41)
ham(name("MoMo", "no-reply@momo.vn"), TO, "Giao dịch thành công",
 "Bạn đã thanh toán thành công 125.000đ cho Điện lực Lâm Đồng lúc 10:02 ngày 02/12. Mã giao dịch 28811923.", date_i=42)
ham(name("VNPT Lâm Đồng", "cskh.ldg@vnpt.vn"), TO, "Thông báo bảo trì hệ thống",
 "VNPT Lâm Đồng bảo trì hệ thống cáp quang từ 0h đến 4h ngày 06/12. Dịch vụ internet có thể gián đoạn. Xin lỗi quý khách vì sự bất tiện.", date_i=43)
ham(name("Nguyễn Thị Thu", "thunt@snv.lamdong.gov.vn"), TO, "Fw: Cảnh báo thủ đoạn giả danh công an gọi điện",
 "Anh Hải, em chuyển anh bài cảnh báo của Công an tỉnh để phổ biến trong phòng.\n---\n"
 "Thời gian gần đây, các đối tượng giả danh công an gọi điện thông báo người dân liên quan đến đường dây rửa tiền, yêu cầu chuyển tiền vào tài khoản tạm giữ để xác minh. "
 "Công an không làm việc qua điện thoại; người dân nâng cao cảnh giác, không chuyển tiền, không cung cấp mã OTP và trình báo ngay cơ quan công an gần nhất.", date_i=44)
ham(name("Cô Lan - GVCN 3A", "lannt.gv@gmail.com"), TO, "Thu tiền học thêm tháng 12",
 "Kính gửi phụ huynh, tiền học tăng cường tháng 12 của các con là 300.000đ. Phụ huynh gửi tiền cho con mang đến lớp hoặc chuyển khoản cho cô. Cảm ơn phụ huynh.", date_i=45)
ham(name("Long", "long.nguyen.sg@gmail.com"), TO, "Tết này lên Đà Lạt",
 "Anh Hải ơi, Tết này nhà em định lên Đà Lạt chơi 3 ngày, anh giới thiệu giúp em homestay nào gần trung tâm mà yên tĩnh với nhé. Đi 2 người lớn 2 bé.", date_i=46)
ham(name("Batdongsan.com.vn", "tinmoi@batdongsan.com.vn"), TO, "5 tin mới phù hợp với tìm kiếm của bạn",
 "Có 5 tin đăng mới phù hợp với tìm kiếm \"nhà riêng Đà Lạt dưới 5 tỷ\": nhà 3 tầng đường Phan Đình Phùng 4,8 tỷ; nhà phố Phường 9 3,9 tỷ...\n"
 "Bạn nhận email này vì đã lưu tìm kiếm. Quản lý thông báo trong tài khoản.", date_i=47)
ham(name("Ban quản lý chung cư", "bql.chungcuhoabinh@gmail.com"), TO, "Thông báo phí quản lý tháng 12",
 "Ban quản lý thông báo phí quản lý và phí gửi xe tháng 12 của căn hộ A-1205 là 780.000đ. Cư dân nộp tại văn phòng hoặc chuyển khoản trước ngày 10/12.", date_i=48)
ham(name("California Fitness", "member@cfyc.com.vn"), TO, "Thẻ hội viên sắp hết hạn",
 "Thẻ hội viên của anh sẽ hết hạn ngày 31/12/2026. Anh có thể gia hạn tại quầy lễ tân hoặc liên hệ tư vấn viên phụ trách.", date_i=49)
ham(name("Nha khoa Sài Gòn", "lichhen@nhakhoasaigon.vn"), TO, "Nhắc lịch hẹn cạo vôi răng",
 "Nha khoa Sài Gòn nhắc anh Lê Thanh Hải có lịch hẹn cạo vôi răng lúc 17h30 thứ Năm 11/12. Nếu cần đổi lịch, vui lòng gọi lại phòng khám.", date_i=50)
ham(name("Chị Hai", "ngocanh.le74@gmail.com"), TO, "Công thức làm mứt dâu",
 "Em ơi chị gửi công thức làm mứt dâu Đà Lạt nè: 1kg dâu, 500g đường, nửa quả chanh, ngâm đường 4 tiếng rồi sên lửa nhỏ.", date_i=51)
ham(name("Cục Thuế tỉnh", "hotro.ldg@gdt.gov.vn"), TO, "Hướng dẫn đăng ký sử dụng hóa đơn điện tử",
 "Cục Thuế tỉnh gửi hướng dẫn đăng ký sử dụng hóa đơn điện tử khởi tạo từ máy tính tiền cho hộ kinh doanh, áp dụng từ ngày 01/01/2027. Chi tiết trong tệp đính kèm.", date_i=52)
ham(name("VietinBank", "thongtin@vietinbank.vn"), TO, "Lãi suất tiết kiệm online đến 5,5%/năm",
 "VietinBank triển khai chương trình tiết kiệm online lãi suất đến 5,5%/năm cho kỳ hạn 12 tháng, áp dụng đến 31/01/2027 trên ứng dụng VietinBank iPay.\n"
 "Quý khách không muốn nhận thông tin khuyến mại, vui lòng cài đặt trong ứng dụng.", date_i=53)
ham(name("EVNSPC", "cskh@evnspc.vn"), TO, "Thông báo tiền điện kỳ 1 tháng 12",
 "Tiền điện kỳ 1 tháng 12 của khách hàng PB1201234567: 612.000đ. Quý khách thanh toán qua ứng dụng EVNSPC CSKH, ngân hàng hoặc ví điện tử.", date_i=54)
ham(name("Hội Cựu sinh viên ĐH Đà Lạt", "alumni@dlu.edu.vn"), TO, "Bản tin cựu sinh viên tháng 12",
 "Bản tin tháng 12: ngày hội việc làm, học bổng cho sinh viên khó khăn, gặp mặt cựu sinh viên khóa 1995-1999. Chi tiết trên trang của Hội.", date_i=55)
ham(name("Ban tổ chức hội thảo", "hoithao@hcmus.edu.vn"), TO, "Thư mời tham dự hội thảo khoa học về tài nguyên nước",
 "Trân trọng kính mời ông tham dự hội thảo khoa học \"Quản lý tài nguyên nước Tây Nguyên\" ngày 18/12. Phí tham dự 500.000đ, đăng ký trước 10/12.", date_i=56)
ham(name("TopCV", "jobs@topcv.vn"), TO, "Việc làm phù hợp với bạn tuần này",
 "10 việc làm mới phù hợp với hồ sơ của bạn: chuyên viên GIS, kỹ sư môi trường, cán bộ quản lý dự án... Xem chi tiết và ứng tuyển trên TopCV.", date_i=57)
ham(name("Bé Út", "uyen.le2001@gmail.com"), TO, "Anh chuyển giúp em tiền viện phí cho bà",
 "Anh ơi, bà nhập viện từ tối qua, bác sĩ nói phải mổ. Anh chuyển giúp em 10 triệu tiền viện phí vào tài khoản em ở Vietcombank nhé, em đang ở viện với bà.", date_i=58)
ham(name("Minh", "minhtt@stnmt.lamdong.gov.vn"), TO, "Trưa nay đặt cơm không anh",
 "Anh Hải trưa nay có đặt cơm văn phòng không, em đặt luôn cho cả phòng. Hôm nay có cơm gà.", date_i=59)
ham(name("Hội Chữ thập đỏ tỉnh", "chuthapdo@lamdong.gov.vn"), TO, "Thư kêu gọi ủng hộ đồng bào bị lũ lụt",
 "Hội Chữ thập đỏ tỉnh kêu gọi cán bộ, công chức ủng hộ đồng bào miền Trung bị thiệt hại do lũ lụt. Tiền ủng hộ chuyển về tài khoản của Hội tại Kho bạc Nhà nước tỉnh hoặc nộp tại cơ quan.", date_i=60)
ham(name("Prudential Việt Nam", "tuvan@prudential.com.vn"), TO, "Thông tin hợp đồng bảo hiểm của anh",
 "Chào anh Hải, em là Ngọc tư vấn viên phụ trách hợp đồng của anh. Phí định kỳ quý I/2027 đến hạn ngày 15/01. Anh cần hỗ trợ gì thì gọi em nhé.", date_i=61)
ham(name("Công ty Tin học Sao Việt", "banhang@saoviet.com.vn"), TO, "Báo giá gia hạn bản quyền phần mềm diệt virus",
 "Kính gửi anh Hải, theo đề nghị của Văn phòng, công ty gửi báo giá gia hạn bản quyền phần mềm diệt virus cho 45 máy trạm năm 2027. Báo giá có hiệu lực 30 ngày.", date_i=62)
ham(name("CLB Sách Đà Lạt", "clbsachdalat@gmail.com"), TO, "Buổi sinh hoạt tháng 12",
 "Buổi sinh hoạt tháng 12 của câu lạc bộ sách sẽ bàn về cuốn \"Đất rừng phương Nam\", 19h thứ Sáu tại quán cà phê Tùng.", date_i=63)
ham(name("Booking.com", "noreply@booking.com"), TO, "Kỳ nghỉ của bạn tại Nha Trang thế nào?",
 "Cảm ơn bạn đã ở tại khách sạn Biển Xanh. Hãy dành một phút đánh giá chỗ nghỉ để giúp những khách khác.", date_i=64)
ham(name("Báo Lâm Đồng", "bantin@baolamdong.vn"), TO, "Tin nổi bật trong ngày",
 "Lâm Đồng đón 8 triệu lượt khách năm 2026; khởi công đường vành đai Đà Lạt; giá rau tại chợ đầu mối tăng do mưa.", date_i=65)
ham(name("Quang", "quanghm.dl@gmail.com"), TO, "Bán lại xe Wave",
 "Mọi người ơi, mình chuyển công tác nên bán lại xe Wave Alpha đời 2019, đi kỹ, giá 8 triệu. Ai cần thì liên hệ mình 0912 334 556 nhé.", date_i=66)
ham(name("Thầy Phong", "phongnv@thptbuithixuan.edu.vn"), TO, "Điểm kiểm tra giữa kỳ",
 "Gửi phụ huynh em Lê Minh Anh: điểm kiểm tra giữa kỳ môn Toán 8,5, Vật lý 7,0. Em cần chú ý hơn phần bài tập về nhà.", date_i=67)
ham(name("Microsoft", "account-security-noreply@accountprotection.microsoft.com"), TO, "Mã bảo mật tài khoản Microsoft",
 "Vui lòng dùng mã bảo mật sau cho tài khoản Microsoft le***@outlook.com: 731904. Nếu bạn không yêu cầu mã này, bạn có thể bỏ qua thư.", date_i=68)
ham(name("Giao Hàng Nhanh", "thongbao@ghn.vn"), TO, "Đơn hàng đang giao - thu hộ 350.000đ",
 "Đơn GHN LK89XQ của shop Hoa Đà Lạt đang được giao đến bạn hôm nay, tiền thu hộ 350.000đ. Nhân viên giao hàng sẽ gọi trước khi đến.", date_i=68)
ham(name("Giáo xứ Chánh tòa", "giaoxu.chanhtoa.dl@gmail.com"), TO, "Chương trình mừng lễ Giáng sinh",
 "Giáo xứ thông báo chương trình mừng lễ Giáng sinh: văn nghệ tối 23/12, thánh lễ đêm 24/12 lúc 22h. Kính mời anh chị em và gia đình tham dự.", date_i=69)

# ---- a ninth set, written after the eighth round and measured on it first (16 of its 32 scams,
# 0 of its 30 ordinary mails). Its words were not added to any list: the weak signs and their
# sum (VI_SCAM_SHAPE, rules/spam.toml [[meta]]), fitted on the sets before it, flag 24 of 32. ----
TO = "phamvanduc@lamdong.gov.vn"

spam(name("Ví Trả Sau", "kichhoat@vitrasau-hanmuc.com"), TO, "Kích hoạt hạn mức tín dụng 20 triệu trên ví trả sau",
 "Chúc mừng! Tài khoản của bạn đủ điều kiện kích hoạt hạn mức mua trước trả sau 20.000.000đ.\n"
 "Kích hoạt trong hôm nay để được miễn lãi 45 ngày: https://vitrasau-hanmuc.com/kich-hoat", date_i=1)
spam(name("Tài chính Phương Nam", "taichinhphuongnam@gmail.com"), TO, "Vay theo hóa đơn điện nước, cà vẹt xe",
 "Công ty tài chính hỗ trợ khách hàng vay theo hóa đơn tiền điện, tiền nước hoặc cà vẹt xe máy chính chủ.\n"
 "Không cần đến công ty, nhân viên hỗ trợ tận nhà. Số tiền vay 10-70 triệu, thời hạn 6-36 tháng. Liên hệ ngay 0833 190 777.", date_i=2)
spam(name("Xóa nợ xấu CIC", "xoanoxau.cic@gmail.com"), TO, "Hỗ trợ xóa nợ xấu CIC - vay lại ngân hàng dễ dàng",
 "Bạn bị nợ xấu nhóm 3, 4, 5 không vay được ngân hàng? Chúng tôi hỗ trợ xóa lịch sử nợ xấu trên CIC sau 7 ngày làm việc.\n"
 "Cam kết thành công, không thành công hoàn phí. Phí dịch vụ chỉ từ 3 triệu. Zalo 0927 115 336.", date_i=3)
spam(name("VIP Tips", "viptips.epl@outlook.com"), TO, "Kèo thơm Ngoại hạng Anh đêm nay - tỷ lệ thắng 90%",
 "Nhóm VIP chuyên gia phân tích bóng đá châu Âu, tip chuẩn tỷ lệ thắng 90%.\nPhí tham gia nhóm 1 triệu/tháng, thua hoàn phí.\n"
 "Tham gia: https://t.me/viptips_epl", date_i=4)
spam(name("Bắn Cá Online", "support@bancadoithuong.club"), TO, "Ra mắt game bắn cá đổi thưởng - tặng 50K",
 "Game bắn cá đổi thưởng phiên bản mới: đổi xu ra tiền mặt, rút về ngân hàng trong 5 phút. Tặng 50K cho tài khoản mới.\nTải game: https://bancadoithuong.club", date_i=5)
spam(name("Vinamilk Tết sum vầy", "vinamilk.tetsumvay@gmail.com"), TO, "Quà tặng chương trình Tết sum vầy",
 "Chúc mừng quý khách đã được chọn nhận quà chương trình \"Tết sum vầy\": 01 thùng sữa và 5.000.000đ tiền mặt.\n"
 "Quý khách vui lòng xác nhận họ tên, địa chỉ, số tài khoản và chuyển phí bảo hiểm hàng hóa 150.000đ để nhận quà trước Tết.", date_i=6)
spam(name("Bốc thăm VinFast", "boctham.vf3@gmail.com"), TO, "Khách hàng sử dụng điện được bốc thăm trúng VinFast VF3",
 "Hộ gia đình của ông/bà nằm trong danh sách 100 khách hàng sử dụng điện được bốc thăm trúng xe VinFast VF3.\n"
 "Để hoàn tất thủ tục sang tên, vui lòng nộp lệ phí trước bạ tạm tính 8.900.000đ trong 3 ngày.", date_i=7)
spam(name("Tổng cục Thuế", "xuphat.thue@tongcucthue-vn.com"), TO, "Quyết định xử phạt chậm nộp hồ sơ khai thuế",
 "Cơ quan thuế đã ban hành quyết định xử phạt hành chính đối với đơn vị của quý vị do chậm nộp hồ sơ khai thuế quý III.\n"
 "Quý vị tải quyết định và nộp tiền phạt tại https://tongcucthue-vn.com/quyet-dinh trước ngày 10/12 để tránh bị cưỡng chế.", date_i=8)
spam(name("Chi cục Thuế", "cuongche.hoadon@gmail.com"), TO, "Thông báo cưỡng chế ngừng sử dụng hóa đơn",
 "Doanh nghiệp của ông/bà còn nợ thuế và sẽ bị cưỡng chế ngừng sử dụng hóa đơn từ ngày 08/12.\n"
 "Để được gia hạn, liên hệ cán bộ quản lý thuế qua số 0786 332 119 và nộp khoản bảo lãnh theo hướng dẫn.", date_i=9)
spam(name("VssID", "capnhat.vssid@gmail.com"), TO, "Sổ BHXH bị trùng mã số - yêu cầu cập nhật",
 "Hệ thống phát hiện sổ bảo hiểm xã hội của ông/bà bị trùng mã số với một người khác, quyền lợi hưu trí có thể bị ảnh hưởng.\n"
 "Vui lòng tải ứng dụng VssID bản cập nhật tại https://vssid-capnhat.com và đăng nhập để xác thực.", date_i=10)
spam(name("Dịch vụ BHXH", "rutbhxh.nhanh@gmail.com"), TO, "Rút BHXH một lần trọn gói - nhận tiền nhanh",
 "Hỗ trợ rút bảo hiểm xã hội một lần trọn gói, không cần chờ 12 tháng, hồ sơ nhanh, nhận tiền sau 5 ngày.\n"
 "Phí dịch vụ 10% số tiền nhận được. Gọi 0849 556 229.", date_i=11)
spam(name("Công an phường 1", "congan.phuong1@gmail.com"), TO, "Yêu cầu cập nhật thông tin cư trú trong ngày",
 "Công an phường yêu cầu công dân cập nhật thông tin cư trú và đăng ký tạm trú trực tuyến theo Luật Cư trú sửa đổi, hạn chót hôm nay.\n"
 "Truy cập https://dangkycutru-online.com, nhập số căn cước và mật khẩu VNeID để hoàn tất.", date_i=12)
spam(name("Cục An ninh mạng", "xuphat.anm@outlook.com"), TO, "Thông báo xử phạt vi phạm an ninh mạng",
 "Tài khoản mạng xã hội của ông/bà bị phát hiện chia sẻ thông tin sai sự thật. Mức phạt 7.500.000đ.\n"
 "Nộp phạt trong 48 giờ để tránh bị truy cứu trách nhiệm hình sự. Chuyển khoản theo hướng dẫn của cán bộ thụ lý: 0702 118 654.", date_i=13)
spam(name("Vietcombank", "hanmuc@vcb-digibank.net"), TO, "Thay đổi hạn mức chuyển tiền",
 "Theo quy định mới, hạn mức chuyển tiền trực tuyến của quý khách sẽ giảm xuống 10 triệu/ngày.\n"
 "Để giữ hạn mức hiện tại, vui lòng xác nhận và nhập mã OTP tại https://vcb-digibank.net/hanmuc.", date_i=14)
spam(name("Ngân hàng ACB", "lamthe.online@gmail.com"), TO, "Thẻ ATM hết hạn - làm thẻ mới miễn phí giao tận nhà",
 "Thẻ ATM của quý khách đã hết hạn. Ngân hàng hỗ trợ làm thẻ mới online miễn phí, giao thẻ tận nhà.\n"
 "Quý khách gửi ảnh căn cước hai mặt, số thẻ cũ và mã PIN để nhân viên làm hồ sơ.", date_i=15)
spam(name("Bảo mật tài khoản", "security@account-alert.center"), TO, "Mật khẩu của bạn đã bị lộ",
 "Mật khẩu hộp thư phamvanduc@lamdong.gov.vn đã xuất hiện trong một vụ rò rỉ dữ liệu. Vui lòng đổi mật khẩu ngay để bảo vệ tài khoản.",
 html="<p>Mật khẩu hộp thư <b>phamvanduc@lamdong.gov.vn</b> đã xuất hiện trong một vụ rò rỉ dữ liệu.</p><p><a href='https://account-alert.center/doimatkhau'>Đổi mật khẩu ngay</a></p>", date_i=16)
spam(name("Văn phòng UBND tỉnh", "vanban.ubnd@docs-viewer.online"), TO, "Bạn nhận được một văn bản mới",
 "Bạn nhận được văn bản \"Thông báo kết luận cuộc họp\" từ Văn phòng UBND tỉnh.\nĐể xem văn bản, đăng nhập bằng tài khoản thư điện tử tại https://docs-viewer.online/vanban", date_i=17)
spam(name("IT Helpdesk", "helpdesk@quota-upgrade.info"), TO, "Quota warning / Cảnh báo hộp thư",
 "Your mailbox has exceeded its storage limit. Hộp thư của bạn đã vượt quá dung lượng cho phép.\n"
 "Click here to upgrade / Bấm vào đây để nâng cấp: https://quota-upgrade.info/owa", date_i=18)
spam(name("Quỹ BĐS nghỉ dưỡng", "quydautu.nghiduong@gmail.com"), TO, "Sở hữu cổ phần resort - lợi nhuận 18%/năm chia theo quý",
 "Quỹ đầu tư bất động sản nghỉ dưỡng mở bán cổ phần cho nhà đầu tư cá nhân từ 100 triệu, lợi nhuận 18%/năm chia theo quý, cam kết mua lại sau 5 năm.\n"
 "Đăng ký tư vấn qua hotline 0968 212 787.", date_i=19)
spam(name("Học viện đầu tư", "hocdautu.free@gmail.com"), TO, "Khóa học đầu tư chứng khoán 0 đồng",
 "Khóa học đầu tư chứng khoán 0 đồng dành cho người mới, kèm tín hiệu mua bán mỗi ngày từ đội ngũ chuyên gia, cam kết lãi 15%/tháng.\n"
 "Tham gia nhóm Zalo để nhận tài liệu: https://zalo.me/g/hocdautu", date_i=20)
spam(name("Đào coin", "daocoin.mobile@gmail.com"), TO, "Đào coin trên điện thoại - thu nhập thụ động",
 "Ứng dụng đào coin trên điện thoại, mỗi ngày nhận 2-5 USD. Nâng cấp máy đào ảo gói 3 triệu nhận gấp 10 lần.\nTải app: https://coinminer-vn.app", date_i=21)
spam(name("Tuyển chốt đơn", "tuyen.chotdon@gmail.com"), TO, "Tuyển nhân viên chốt đơn online - ứng lương trước",
 "Tuyển nhân viên chốt đơn online cho sàn thương mại điện tử, được ứng lương trước. Mỗi đơn chốt nhận hoa hồng 15%.\n"
 "Nhân viên nạp tiền thanh toán đơn hàng trước, hệ thống hoàn gốc và hoa hồng sau 10 phút.", date_i=22)
spam(name("Hỗ trợ việc làm", "xinviec.nhanuoc@gmail.com"), TO, "Nhận hồ sơ vào làm cơ quan nhà nước không qua thi tuyển",
 "Nhận hồ sơ xin việc vào các sở, ngành, bệnh viện, trường học công lập, không qua thi tuyển, có quyết định sau 2 tháng.\n"
 "Chi phí trọn gói trao đổi trực tiếp. Bảo mật tuyệt đối. Liên hệ chú Thành 0915 787 343.", date_i=23)
spam(name("Tuyển dụng quốc tế", "vieclam.campuchia@gmail.com"), TO, "Việc làm nhẹ tại Campuchia lương 1.500 USD",
 "Tuyển nhân viên chăm sóc khách hàng online làm việc tại Campuchia, lương 1.500 USD/tháng, bao ăn ở, hỗ trợ vé máy bay.\n"
 "Không cần kinh nghiệm, không cần ngoại ngữ. Xuất cảnh ngay trong tuần.", date_i=24)
spam(name("Madame Claire Dubois", "claire.dubois.fr@gmail.com"), TO, "Di nguyện của tôi",
 "Tôi là bà Claire Dubois, góa phụ người Pháp, đang điều trị ung thư giai đoạn cuối. Tôi muốn dành 1.200.000 euro cho các hoạt động từ thiện tại Việt Nam thông qua ông/bà.\n"
 "Xin ông/bà trả lời để luật sư của tôi liên hệ làm thủ tục.", date_i=25)
spam(name("Công ty Luật Quốc tế", "luatquocte.thuake@gmail.com"), TO, "Thông báo người thừa kế",
 "Công ty luật chúng tôi thông báo ông/bà là người thừa kế hợp pháp khoản tài sản 850.000 USD của một thân nhân ở nước ngoài.\n"
 "Để làm thủ tục, ông/bà cần nộp lệ phí công chứng và dịch thuật 12.000.000đ.", date_i=26)
spam(name("Thạc sĩ Online", "tuyensinh@thacsi-online.edu.com"), TO, "Học thạc sĩ online - nhận bằng sau 12 tháng",
 "Chương trình thạc sĩ online, học cuối tuần, không cần lên lớp, nhận bằng sau 12 tháng, bằng có giá trị nâng ngạch.\n"
 "Ưu đãi học phí cho cán bộ công chức đăng ký trước 31/12. Hotline 0963 118 225.", date_i=27)
spam(name("Camera An Phát", "kinhdoanh@cameraanphat.vn"), TO, "Lắp camera an ninh trọn gói chỉ 2,5 triệu",
 "Lắp đặt trọn gói 2 camera an ninh xem qua điện thoại chỉ 2,5 triệu, bảo hành 24 tháng, miễn phí khảo sát.\nGọi ngay 0905 667 345 để được tư vấn.", date_i=28)
spam(name("Web Design", "thietkeweb.giare@gmail.com"), TO, "Nhận thiết kế website, app giá rẻ",
 "Nhận thiết kế website bán hàng, giới thiệu công ty, app di động giá rẻ chỉ từ 2 triệu, bàn giao trong 7 ngày, tặng tên miền và hosting.\n"
 "Inbox hoặc gọi 0978 332 190.", date_i=29)
spam(name("Sim số đẹp", "simsodep.giare@gmail.com"), TO, "Sim số đẹp giá rẻ - sim phong thủy hợp mệnh",
 "Kho sim số đẹp: sim tứ quý, tam hoa, lộc phát, sim phong thủy hợp tuổi. Giao sim tận nơi, đăng ký chính chủ miễn phí.\nGọi 0988 777 123.", date_i=30)
spam(name("Yến sào Khánh Hòa", "yensao.khanhhoa.tet@gmail.com"), TO, "Yến sào chính hiệu - quà biếu Tết sang trọng",
 "Yến sào Khánh Hòa nguyên chất 100%, hộp quà Tết sang trọng, giá chỉ từ 1,8 triệu. Mua 5 hộp tặng 1 hộp.\n"
 "Giao hàng toàn quốc. Đặt hàng: 0914 223 889.", date_i=31)
spam(name("ban dat", "bandat.giare.ld@gmail.com"), TO, "ban dat nen gia re",
 "ban lo dat nen gia re, so do rieng, duong o to, cach trung tam 5km, chi 450tr. lh 0913 456 789 de xem dat", date_i=32)

ham(name("ShopeePay", "no-reply@shopeepay.vn"), TO, "Thanh toán thành công",
 "Bạn đã thanh toán 89.000đ cho đơn hàng 2412ABCD bằng ShopeePay lúc 20:15 ngày 02/12.", date_i=41)
ham(name("Techcombank", "alert@techcombank.com.vn"), TO, "Mã OTP giao dịch",
 "Mã OTP của quý khách là 556102, hiệu lực 3 phút, cho giao dịch chuyển 2.000.000 VND. Không chia sẻ mã này với bất kỳ ai, kể cả nhân viên ngân hàng.", date_i=42)
ham(name("Sendo", "hotro@sendo.vn"), TO, "Đơn hàng đã bị hủy",
 "Đơn hàng SD7781 đã bị hủy theo yêu cầu của bạn. Số tiền 210.000đ sẽ được hoàn về ví trong 3-5 ngày làm việc.", date_i=43)
ham(name("BHXH Việt Nam", "thongbao@baohiemxahoi.gov.vn"), TO, "Tra cứu quá trình đóng BHXH trên VssID",
 "Bảo hiểm xã hội Việt Nam hướng dẫn người tham gia tra cứu quá trình đóng BHXH, BHYT trên ứng dụng VssID tải từ kho ứng dụng chính thức. Không cung cấp mật khẩu cho người khác.", date_i=44)
ham(name("Công an tỉnh", "tuyentruyen@congan.lamdong.gov.vn"), TO, "Phổ biến Luật Cư trú sửa đổi",
 "Công an tỉnh gửi tài liệu phổ biến các điểm mới của Luật Cư trú sửa đổi để các cơ quan tuyên truyền đến cán bộ. Người dân đăng ký cư trú trên Cổng dịch vụ công hoặc VNeID.", date_i=45)
ham(name("Hằng", "hangnt.dl90@gmail.com"), TO, "Cà phê sáng thứ Bảy",
 "Anh Đức ơi, sáng thứ Bảy nhóm mình hẹn cà phê ở quán Mê Linh lúc 8h nha, có cả anh Tuấn với chị Vy.", date_i=46)
ham(name("Mẹ", "lethihoa.1962@gmail.com"), TO, "Con ghé chợ mua giúp mẹ",
 "Chiều con về ghé chợ mua giúp mẹ 1kg thịt ba chỉ, bó rau cải với ít hành lá nhé. Mẹ để tiền trên bàn.", date_i=47)
ham(name("Trần Văn Khánh", "khanhtv@skhdt.lamdong.gov.vn"), TO, "Gửi lại file số liệu",
 "Anh Đức, em gửi lại file số liệu vốn đầu tư công 11 tháng đã chỉnh theo góp ý. Anh xem giúp em cột giải ngân nhé.", date_i=48)
ham(name("Phụ huynh lớp 5B", "phuhuynh.5b@gmail.com"), TO, "Báo cáo thu chi quỹ lớp học kỳ I",
 "Ban đại diện phụ huynh gửi báo cáo thu chi quỹ lớp học kỳ I: thu 6.300.000đ, chi 4.850.000đ, còn lại 1.450.000đ. Chi tiết trong bảng đính kèm.", date_i=49)
ham(name("BQL chung cư", "bql.nguyentriphuong@gmail.com"), TO, "Tạm ngưng cấp nước",
 "Ban quản lý thông báo tạm ngưng cấp nước từ 9h đến 14h thứ Tư 10/12 để vệ sinh bể chứa. Cư dân vui lòng dự trữ nước.", date_i=50)
ham(name("Dalat Ultra Trail", "register@dalatultratrail.vn"), TO, "Xác nhận đăng ký cự ly 21 km",
 "Chúc mừng bạn đã đăng ký thành công cự ly 21 km giải Dalat Ultra Trail 2027. Lệ phí 950.000đ đã được thanh toán. Số BIB sẽ được gửi trước ngày thi.", date_i=51)
ham(name("Nguyễn Hoàng Nam", "namnh@sxd.lamdong.gov.vn"), TO, "Mời họp trực tuyến chiều nay",
 "Mời anh tham gia cuộc họp trực tuyến về quy hoạch lúc 14h chiều nay qua Zoom, mã phòng 812 334 5567, mật khẩu 2026.", date_i=52)
ham(name("VnExpress", "newsletter@vnexpress.net"), TO, "Tin nóng buổi tối",
 "Những tin đáng chú ý tối nay: Quốc hội thông qua luật mới; giá xăng giảm nhẹ; Đà Lạt se lạnh 12 độ. Hủy đăng ký bản tin tại trang cá nhân.", date_i=53)
ham(name("Coursera", "no-reply@coursera.org"), TO, "Khóa học gợi ý cho bạn",
 "Dựa trên các khóa học bạn đã xem, chúng tôi gợi ý: Phân tích dữ liệu với Python, Quản lý dự án. Bạn có thể hủy đăng ký nhận thư bất kỳ lúc nào.", date_i=54)
ham(name("Techcombank", "uudai@techcombank.com.vn"), TO, "Hoàn tiền 10% khi thanh toán bằng thẻ tại siêu thị",
 "Từ 01/12 đến 31/12, chủ thẻ Techcombank Visa được hoàn 10% tối đa 200.000đ khi thanh toán tại các siêu thị. Chi tiết tại techcombank.com.", date_i=55)
ham(name("Bảo hiểm PVI", "boithuong@pvi.com.vn"), TO, "Tình trạng hồ sơ bồi thường",
 "Hồ sơ bồi thường xe 49A-556.78 của quý khách đã được duyệt, số tiền 6.450.000đ sẽ chuyển vào tài khoản đã đăng ký trong 5 ngày làm việc.", date_i=56)
ham(name("Google", "no-reply@accounts.google.com"), TO, "Cảnh báo bảo mật",
 "Có lần đăng nhập mới vào Tài khoản Google của bạn trên thiết bị Windows. Nếu là bạn, bạn không cần làm gì. Nếu không, hãy kiểm tra hoạt động trong tài khoản.", date_i=57)
ham(name("Netflix", "info@account.netflix.com"), TO, "Thanh toán không thành công",
 "Chúng tôi không thể xử lý khoản thanh toán tháng này cho tài khoản Netflix của bạn. Hãy cập nhật phương thức thanh toán trong mục Tài khoản trên ứng dụng hoặc netflix.com.", date_i=58)
ham(name("Vy", "vy.tran.dl@gmail.com"), TO, "Chúc mừng anh được bổ nhiệm",
 "Nghe tin anh được bổ nhiệm phó trưởng phòng, em chúc mừng anh nhé! Hôm nào rảnh anh em mình đi ăn mừng.", date_i=59)
ham(name("Hưng", "hung.le.sxd@gmail.com"), TO, "Bán lại tủ lạnh",
 "Nhà mình chuyển nhà nên bán lại tủ lạnh Panasonic 2 cửa còn tốt, giá 3 triệu. Anh chị em cơ quan ai cần thì gọi mình 0903 221 456.", date_i=60)
ham(name("Ca đoàn Giáo xứ", "cadoan.giaoxu@gmail.com"), TO, "Lịch tập hát mùa Giáng sinh",
 "Ca đoàn tập hát các tối thứ Ba, thứ Năm lúc 19h30 tại nhà thờ để chuẩn bị cho mùa Giáng sinh. Mong các anh chị đi đầy đủ.", date_i=61)
ham(name("Bất động sản Đà Lạt Xanh", "tuvan@dalatxanh.vn"), TO, "Re: Thông tin lô đất Trại Mát",
 "Chào anh Đức, lô đất ở Trại Mát anh hỏi có diện tích 250 m2, sổ riêng, giá chủ nhà 2,1 tỷ. Anh muốn đi xem thì báo em nhé.\n--\nPhạm Thu Hà, chuyên viên tư vấn, ĐT 0918 334 112", date_i=62)
ham(name("Kế toán Tin học Đông Á", "ketoan@dongatech.vn"), TO, "Hóa đơn sửa chữa máy in",
 "Kính gửi Văn phòng, công ty gửi hóa đơn sửa chữa 2 máy in tháng 11, tổng 1.850.000đ. Đề nghị chuyển khoản vào tài khoản công ty tại BIDV chi nhánh Lâm Đồng.", date_i=63)
ham(name("Du lịch Việt", "booking@dulichviet.com.vn"), TO, "Xác nhận đặt tour Phú Quốc",
 "Cảm ơn anh đã đặt tour Phú Quốc 3N2Đ khởi hành 20/01/2027 cho 4 khách, tổng 11.960.000đ, đã đặt cọc 50%. Hotline hỗ trợ 1900 1839.", date_i=64)
ham(name("Trung tâm Y tế thành phố", "tiemchung@ttyt-dalat.vn"), TO, "Lịch tiêm chủng của bé",
 "Bé Phạm Minh Khôi có lịch tiêm vắc xin 6 trong 1 mũi 3 vào ngày 12/12 tại Trung tâm Y tế thành phố. Phụ huynh mang theo sổ tiêm chủng.", date_i=65)
ham(name("Phòng Kế hoạch Tài chính", "khtc@dlu.edu.vn"), TO, "Thông báo học phí học kỳ II",
 "Nhà trường thông báo học phí học kỳ II của sinh viên Phạm Thu Trang là 7.800.000đ, nộp qua ngân hàng theo mã sinh viên trước ngày 15/01/2027.", date_i=66)
ham(name("Tùng", "tungvo1985@gmail.com"), TO, "Em gửi lại anh tiền",
 "Anh Đức, em đã chuyển lại anh 2 triệu hôm trước mượn nhé, anh kiểm tra giúp em. Cảm ơn anh nhiều.", date_i=67)
ham(name("Đoàn Thanh niên phường", "doanphuong9@gmail.com"), TO, "Ngày Chủ nhật xanh",
 "Đoàn phường tổ chức Ngày Chủ nhật xanh dọn vệ sinh quanh hồ Xuân Hương sáng 14/12. Mời anh chị em đoàn viên tham gia, mang theo găng tay.", date_i=68)
ham(name("Luật sư Hoàng Minh", "hoangminh.lawyer@gmail.com"), TO, "Về việc thừa kế căn nhà của bác",
 "Anh Đức, về căn nhà của bác để lại, theo di chúc thì anh và hai em là người thừa kế. Tuần sau anh em mình hẹn ra văn phòng công chứng làm thủ tục khai nhận di sản nhé.", date_i=69)
ham(name("Ngọc", "ngocpt@stc.lamdong.gov.vn"), TO, "Xin tài liệu tập huấn",
 "Anh ơi cho em xin lại tài liệu tập huấn phần mềm quản lý văn bản hôm thứ Hai với ạ, em lỡ xóa mất.", date_i=70)

# ---- a tenth set, written after the weak signs and measured on them first (13 of its 25 scams,
# 0 of its 25 ordinary mails). Then two more signs (secrecy asked, returns by the day or month)
# and the signs' scores raised (four 2.5, five 4.5, six 6): 17 of 25, still none of its ordinary
# mail. ----------------------------------------------------------------------------------------
TO = "vothikimngan@lamdong.gov.vn"

spam(name("Trả góp 0 đồng", "tragop.didong@gmail.com"), TO, "Mua điện thoại trả góp không cần trả trước",
 "Sở hữu iPhone 16 chỉ với CCCD, trả góp 0 đồng trả trước, góp mỗi tháng từ 990k. Duyệt hồ sơ qua điện thoại, giao máy tận nhà.\nGọi 0869 223 516 để đặt máy.", date_i=1)
spam(name("Quỹ hỗ trợ người lao động", "quyhotro.laodong@outlook.com"), TO, "Gói cứu trợ tài chính cho người bị mất việc",
 "Người lao động bị mất việc, giảm giờ làm được hỗ trợ khoản vay cứu trợ 15 triệu không lãi trong 12 tháng.\nĐiền tờ khai và tải ảnh căn cước tại https://cuutro-laodong.com trước ngày 20/12.", date_i=2)
spam(name("Mua hộ Vietlott", "muaho.vietlott@gmail.com"), TO, "Jackpot 120 tỷ - mua vé online qua Zalo",
 "Dịch vụ mua hộ vé Vietlott Power 6/55, Mega 6/45, jackpot kỳ này 120 tỷ. Chuyển tiền và chọn số qua Zalo 0356 887 112, chụp vé gửi lại ngay.", date_i=3)
spam(name("Khảo sát khách hàng", "survey@khaosat-quatang.com"), TO, "Trả lời 5 câu hỏi - nhận ngay 500.000đ",
 "Cảm ơn bạn đã là khách hàng! Dành 1 phút trả lời khảo sát để nhận phần thưởng 500.000đ vào tài khoản.\nBắt đầu tại https://khaosat-quatang.com/start", date_i=4)
spam(name("Nhà mạng", "tang50gb@data-khuyenmai.xyz"), TO, "Thuê bao của bạn được tặng 50GB data",
 "Chúc mừng thuê bao của bạn được tặng 50GB data tốc độ cao sử dụng trong 30 ngày. Kích hoạt tại https://data-khuyenmai.xyz trước 23h59 hôm nay.", date_i=5)
spam(name("Hỗ trợ thuế hộ kinh doanh", "hotrothue.hkd@gmail.com"), TO, "Cập nhật mã số thuế hộ kinh doanh trước 01/01",
 "Từ 01/01 hộ kinh doanh phải dùng số định danh thay mã số thuế. Chúng tôi hỗ trợ cập nhật tại nhà, phí 300.000đ, tránh bị phạt đến 20 triệu.\nLiên hệ 0797 556 440.", date_i=6)
spam(name("Trợ cấp thất nghiệp", "trocap.thatnghiep@gmail.com"), TO, "Khoản trợ cấp thất nghiệp chưa nhận",
 "Theo dữ liệu, ông/bà còn khoản trợ cấp thất nghiệp 3 tháng chưa nhận (8.400.000đ). Điền biểu mẫu và số tài khoản tại https://forms.gle/trocap2026 để nhận trong 3 ngày.", date_i=7)
spam(name("Phòng Cảnh sát hình sự", "pc02.canhsat@gmail.com"), TO, "Con của bà đang bị tạm giữ",
 "Con trai bà đang bị tạm giữ tại cơ quan công an vì gây tai nạn giao thông. Để được bảo lãnh trong hôm nay, gia đình cần nộp 30 triệu tiền bảo lãnh.\nGiữ bí mật, gọi ngay cho cán bộ phụ trách: 0768 334 901.", date_i=8)
spam(name("Ngân hàng Sacombank", "thongbao@sacombank-taikhoan.com"), TO, "Tài khoản không hoạt động sẽ bị đóng",
 "Tài khoản của quý khách không phát sinh giao dịch 6 tháng và sẽ bị đóng sau 7 ngày. Để tiếp tục sử dụng, quý khách xác thực thông tin tại https://sacombank-taikhoan.com.", date_i=9)
spam(name("Thẻ tín dụng", "nanghanmuc.the@yahoo.com"), TO, "Hạn mức thẻ tín dụng được nâng lên 200 triệu",
 "Chúc mừng quý khách, thẻ tín dụng của quý khách được nâng hạn mức lên 200.000.000đ. Vui lòng xác nhận bằng cách gửi ảnh hai mặt thẻ và mã OTP qua email này.", date_i=10)
spam(name("Lịch họp", "calendar@meeting-invite.online"), TO, "Lời mời họp: Giao ban tuần 50",
 "Bạn được mời họp \"Giao ban tuần 50\" lúc 8h00 thứ Hai. Để chấp nhận lời mời và xem tài liệu, đăng nhập bằng tài khoản thư công vụ.",
 html="<p>Bạn được mời họp <b>Giao ban tuần 50</b> lúc 8h00 thứ Hai.</p><p><a href='https://meeting-invite.online/accept'>Chấp nhận</a> - đăng nhập bằng tài khoản thư công vụ để xem tài liệu.</p>", date_i=11)
spam(name("Chứng thư số", "giahan.chukyso@gmail.com"), TO, "Chữ ký số của bạn sắp hết hạn",
 "Chứng thư số (chữ ký số) của cán bộ sẽ hết hạn sau 3 ngày. Gia hạn trực tuyến tại https://chukyso-giahan.web.app, đăng nhập bằng tài khoản thư điện tử công vụ và mã PIN của token.", date_i=12)
spam(name("Quỹ hưu trí An Phát", "quyhuutri.anphat@gmail.com"), TO, "Gửi 100 triệu - nhận 3 triệu mỗi tháng trọn đời",
 "Quỹ hưu trí tư nhân An Phát: gửi 100 triệu nhận 3 triệu mỗi tháng, rút gốc sau 2 năm, giới thiệu người thân nhận thêm 2%.\nHotline tư vấn 0919 445 201.", date_i=13)
spam(name("Trang trại số", "trangtraiso.vn@gmail.com"), TO, "Nuôi heo online - lãi 2% mỗi ngày",
 "Mua heo giống online từ 1 triệu, trang trại nuôi hộ, mỗi ngày nhận lãi 2%, xuất chuồng sau 30 ngày nhận cả gốc. Đăng ký: https://trangtraiso.app", date_i=14)
spam(name("Google Maps CTV", "ctv.review.maps@gmail.com"), TO, "Viết đánh giá Google Maps 30k/bài",
 "Cần cộng tác viên viết đánh giá 5 sao trên Google Maps cho cửa hàng, 30k/bài, thanh toán cuối ngày. Nhắn Telegram @review_ctv để nhận việc.", date_i=15)
spam(name("Trung tâm gia sư", "giasu.online.vn@gmail.com"), TO, "Tuyển giáo viên dạy kèm online",
 "Trung tâm tuyển giáo viên dạy kèm online, lương 250k/giờ. Ứng viên đóng phí xét duyệt hồ sơ 200.000đ, hoàn lại sau khi nhận lớp đầu tiên.", date_i=16)
spam(name("Quỹ bồi thường", "compensation.unit@gmail.com"), TO, "Khoản bồi thường cho nạn nhân lừa đảo trực tuyến",
 "Quỹ bồi thường quốc tế xác nhận ông/bà là nạn nhân lừa đảo trực tuyến và được bồi thường 25.000 USD. Để nhận, cần nộp phí hồ sơ chuyển tiền quốc tế 2.800.000đ.", date_i=17)
spam(name("Học bổng du học", "hocbong.toanphan@gmail.com"), TO, "Con bạn trúng học bổng du học toàn phần",
 "Chúc mừng! Hồ sơ của con bạn được chọn nhận học bổng du học Úc toàn phần. Gia đình cần nộp phí xử lý visa và giữ chỗ 15 triệu trong tuần này.", date_i=18)
spam(name("Hội thảo làm giàu", "lamgiau.thanhcong@gmail.com"), TO, "Bí quyết kiếm 100 triệu mỗi tháng",
 "Hội thảo độc quyền: bí quyết kiếm 100 triệu mỗi tháng từ kinh doanh online, chỉ 50 ghế. Vé ưu đãi 99k, đăng ký ngay kẻo lỡ.\nZalo 0901 776 554.", date_i=19)
spam(name("In ấn Phúc Lộc", "sales@inanphucloc.vn"), TO, "In lịch Tết, thiệp, quà tặng doanh nghiệp giá xưởng",
 "Nhận in lịch Tết, thiệp chúc mừng, túi giấy, quà tặng doanh nghiệp giá xưởng, miễn phí thiết kế, giao hàng toàn quốc.\nBáo giá trong 30 phút: 0913 667 820.", date_i=20)
spam(name("Tư vấn bảo hiểm", "tuvanbaohiem.nhantho@gmail.com"), TO, "Quà tặng dành cho cán bộ công chức",
 "Chương trình bảo hiểm nhân thọ dành riêng cho cán bộ công chức, tặng quà trị giá 2 triệu khi tham gia, tư vấn miễn phí tại cơ quan.\nHẹn lịch qua 0935 778 246.", date_i=21)
spam(name("Perfume Store", "nuochoa.chinhhang@gmail.com"), TO, "Nước hoa chính hãng sale 70%",
 "Xả kho nước hoa chính hãng Pháp sale đến 70%, cam kết hàng thật, freeship toàn quốc. Inbox để nhận bảng giá.", date_i=22)
spam(name("Gói cước 5G", "goicuoc5g@khuyenmai-5g.net"), TO, "Đăng ký gói 5G ưu đãi 120GB chỉ 99k",
 "Gói cước 5G ưu đãi: 120GB data tốc độ cao chỉ 99k/tháng. Đăng ký ngay tại https://khuyenmai-5g.net trước khi hết ưu đãi.", date_i=23)
spam(name("Giám đốc Sở", "giamdoc.so.lamdong@gmail.com"), TO, "Việc gấp",
 "Em Ngân, anh đang họp với đoàn công tác, không nghe máy được. Em chuyển gấp giúp anh 50 triệu cho đối tác theo số tài khoản bên dưới, chiều anh gửi lại. Việc này em giữ kín giúp anh.", date_i=24)
spam(name("DHL Express", "customs@dhl-clearance.info"), TO, "Bưu phẩm của bạn cần nộp phí thông quan",
 "Bưu phẩm DHL của bạn đang chờ thông quan. Vui lòng thanh toán phí bổ sung 29.000đ tại https://dhl-clearance.info để được giao trong 24h.", date_i=25)

ham(name("Vietcombank", "estatement@info.vietcombank.com.vn"), TO, "Sao kê tài khoản tháng 11/2026",
 "Vietcombank gửi quý khách sao kê tài khoản tháng 11/2026 trong tệp đính kèm. Mật khẩu mở tệp là 6 số cuối căn cước của quý khách.", date_i=41)
ham(name("Linh", "linh.pham.dl@gmail.com"), TO, "Sinh nhật bé Na",
 "Chị Ngân ơi, Chủ nhật này sinh nhật bé Na tròn 5 tuổi, nhà em tổ chức lúc 17h ở số 12 Hoàng Diệu. Chị đưa hai bé qua chơi nhé.", date_i=42)
ham(name("Trường Tiểu học Lam Sơn", "thlamson@lamdong.edu.vn"), TO, "Thu bảo hiểm y tế học sinh năm 2027",
 "Nhà trường thông báo thu bảo hiểm y tế học sinh năm 2027, mức đóng 884.520đ. Phụ huynh nộp cho giáo viên chủ nhiệm trước ngày 20/12.", date_i=43)
ham(name("Đặng Minh Tuấn", "tuandm@stc.lamdong.gov.vn"), TO, "Xin ý kiến dự thảo quyết định",
 "Chị Ngân, em gửi dự thảo quyết định phân bổ kinh phí năm 2027, chị cho ý kiến giúp em trước thứ Năm nhé.", date_i=44)
ham(name("Điện lực Đà Lạt", "cskh@pcdalat.evnspc.vn"), TO, "Lịch tạm ngừng cung cấp điện",
 "Điện lực Đà Lạt thông báo tạm ngừng cung cấp điện để bảo trì lưới điện từ 7h đến 11h ngày 13/12 tại khu vực phường 4. Rất mong quý khách thông cảm.", date_i=45)
ham(name("Hasaki", "cskh@hasaki.vn"), TO, "Đơn hàng đã được xác nhận",
 "Đơn hàng HSK88123 của chị gồm 3 sản phẩm, tổng 645.000đ, thanh toán khi nhận hàng. Mọi thắc mắc vui lòng gọi hotline 1900 636 900.", date_i=46)
ham(name("Co.opmart", "bantin@co-opmart.com.vn"), TO, "Cẩm nang mua sắm tuần này",
 "Tuần này tại Co.opmart: rau củ Đà Lạt giảm 30%, thịt heo giảm 15%, mua 2 tặng 1 nhiều mặt hàng. Chương trình áp dụng tại các siêu thị đến hết 14/12.", date_i=47)
ham(name("Yoga Center", "lichtap@yogadalat.vn"), TO, "Lịch tập tháng 12",
 "Trung tâm gửi lịch tập tháng 12: lớp tối thứ Hai, Tư, Sáu lúc 18h. Lớp nghỉ ngày 24 và 25/12.", date_i=48)
ham(name("Anh Hai", "vovanhai.1970@gmail.com"), TO, "Giỗ ông nội",
 "Ngân ơi, ngày 16/12 âm lịch là giỗ ông nội, cả nhà về quê từ sáng. Em nhắn chồng em sắp xếp công việc nhé.", date_i=49)
ham(name("Phòng Công tác sinh viên", "ctsv@dlu.edu.vn"), TO, "Thông báo xét học bổng khuyến khích học tập",
 "Nhà trường thông báo xét học bổng khuyến khích học tập học kỳ I. Sinh viên đủ điều kiện xem danh sách trên cổng thông tin, khiếu nại trước ngày 18/12.", date_i=50)
ham(name("Công ty Văn phòng phẩm Hồng Hà", "hoadon@vpphongha.vn"), TO, "Hóa đơn điện tử số 0001234",
 "Công ty gửi quý đơn vị hóa đơn điện tử số 0001234 ngày 02/12/2026, tổng tiền 3.450.000đ. Tra cứu hóa đơn trên trang của nhà cung cấp hóa đơn với mã tra cứu trong tệp.", date_i=51)
ham(name("Trung tâm CNTT", "cntt@lamdong.gov.vn"), TO, "Bảo trì hệ thống thư điện tử công vụ",
 "Trung tâm CNTT bảo trì hệ thống thư điện tử công vụ từ 22h ngày 06/12 đến 2h ngày 07/12. Người dùng không cần thao tác gì; hệ thống không bao giờ yêu cầu cung cấp mật khẩu qua thư.", date_i=52)
ham(name("Phong", "phong.nguyen.kt@gmail.com"), TO, "Nhờ anh chị phụ chuyển nhà",
 "Thứ Bảy này em chuyển nhà sang phường 8, anh chị nào rảnh phụ em một buổi sáng nhé, trưa em mời cơm.", date_i=53)
ham(name("Vietnam Airlines", "checkin@vietnamairlines.com"), TO, "Làm thủ tục trực tuyến cho chuyến bay VN1563",
 "Quý khách có thể làm thủ tục trực tuyến cho chuyến bay VN1563 Hà Nội - Liên Khương ngày 20/12 từ 24 giờ trước giờ khởi hành trên ứng dụng Vietnam Airlines.", date_i=54)
ham(name("Vietcombank", "thongbao@vietcombank.com.vn"), TO, "Chuyển đổi thẻ từ sang thẻ chip",
 "Vietcombank thông báo chuyển đổi thẻ từ sang thẻ chip miễn phí tại các chi nhánh. Vietcombank không gửi đường link yêu cầu cập nhật thông tin thẻ qua thư hay tin nhắn.", date_i=55)
ham(name("Cô Hạnh", "hanhle.nhatro@gmail.com"), TO, "Tiền nhà tháng 12",
 "Cháu Ngân ơi, tiền nhà tháng 12 là 4 triệu, cháu chuyển vào tài khoản Agribank của cô như mọi tháng nhé. Cô cảm ơn.", date_i=56)
ham(name("Anh ngữ Quốc tế", "academic@ila-dalat.edu.vn"), TO, "Phiếu nhận xét học kỳ của học viên",
 "Trung tâm gửi phụ huynh phiếu nhận xét học kỳ của học viên Võ Minh Khang, lớp Flyers 2: kỹ năng nghe và nói tiến bộ rõ.", date_i=57)
ham(name("Báo Lâm Đồng", "phathanh@baolamdong.vn"), TO, "Gia hạn đặt báo in năm 2027",
 "Báo Lâm Đồng trân trọng cảm ơn cơ quan đã đặt báo năm 2026 và gửi phiếu đăng ký gia hạn năm 2027 để văn thư điền và gửi lại.", date_i=58)
ham(name("Ban tổ chức Chạy vì trái tim", "chayvitraitim@gmail.com"), TO, "Xác nhận đăng ký tham gia",
 "Cảm ơn chị đã đăng ký tham gia chương trình Chạy vì trái tim sáng 21/12. Áo và số chạy nhận tại Nhà Văn hóa tỉnh chiều 20/12.", date_i=59)
ham(name("Thu", "thu.nguyen.p3@gmail.com"), TO, "Nhà ai thấy con mèo vàng không",
 "Nhà em lạc con mèo vàng từ tối qua quanh đường Yersin, ai thấy nhắn giúp em với. Em cảm ơn nhiều.", date_i=60)
ham(name("Bệnh viện Hoàn Mỹ", "ketqua@hoanmy.com"), TO, "Kết quả xét nghiệm đã có",
 "Kết quả xét nghiệm máu của chị Võ Thị Kim Ngân đã có. Chị đăng nhập ứng dụng MyHoanMy hoặc đến quầy trả kết quả để nhận.", date_i=61)
ham(name("Sở Nội vụ", "tapchuan@snv.lamdong.gov.vn"), TO, "Mời tham dự lớp tập huấn",
 "Sở Nội vụ mời đồng chí tham dự lớp tập huấn nghiệp vụ văn thư lưu trữ ngày 15-16/12 tại Hội trường Sở. Học viên được hỗ trợ tiền ăn theo quy định.", date_i=62)
ham(name("Mai", "mai.tran.acc@gmail.com"), TO, "Bên em đang tuyển kế toán",
 "Chị Ngân ơi, công ty em đang tuyển kế toán tổng hợp, nếu em chị quan tâm thì gửi CV cho em qua mail này nhé.", date_i=63)
ham(name("Anh Khoa - Manulife", "khoa.manulife@gmail.com"), TO, "Nhắc đóng phí hợp đồng",
 "Chào chị Ngân, em Khoa tư vấn viên Manulife. Hợp đồng của chị đến kỳ đóng phí ngày 28/12, chị đóng qua ứng dụng hoặc chuyển khoản như mọi năm nhé.", date_i=64)
ham(name("Hiếu", "hieu.tran.dalat@gmail.com"), TO, "Hỏi cái tủ bạn đăng bán",
 "Chào bạn, mình thấy bạn đăng bán tủ sách gỗ trên nhóm, còn không bạn? Nếu còn mình qua xem tối nay được không.", date_i=65)

# ---- an eleventh set, written after the tenth round and measured on it first (19 of its 25 scams,
# 0 of its 25 ordinary mails). Its misses' words then went into the lists: a card cash-out, a
# webmail "migration", a Canadian estate, diet pills, a superior's phone-card favour, a visa
# deposit. ---------------------------------------------------------------------------------------
TO = "nguyenhuutri@lamdong.gov.vn"

spam(name("Vay vốn tiểu thương", "vayvon.chobuoi@gmail.com"), TO, "Cho vay góp ngày tiểu thương chợ",
 "Hỗ trợ bà con tiểu thương vay góp theo ngày, góp 100k mỗi ngày cho khoản 3 triệu, nhận tiền mặt tại sạp trong 1 giờ. Không cần giấy tờ nhà đất. Alo 0962 118 447.", date_i=1)
spam(name("Thẻ tín dụng đen", "the.visa.nhanh@gmail.com"), TO, "Rút tiền mặt thẻ tín dụng phí thấp",
 "Nhận rút tiền mặt, đáo hạn thẻ tín dụng tất cả ngân hàng, phí chỉ 1.2%, có mặt tận nơi trong 30 phút, bảo mật thông tin khách hàng.", date_i=2)
spam(name("Bóng đá số", "kqbd.vip@outlook.com"), TO, "Nhận định kèo chuẩn đêm nay",
 "Chuyên gia nhận định kèo Champions League đêm nay, tỷ lệ chính xác 95%. Nạp tối thiểu 200k, thắng rút ngay. Link đăng ký trong bio: https://bongdaso-vip.win", date_i=3)
spam(name("Quà tặng sinh nhật", "sinhnhat.quatang@gmail.com"), TO, "Món quà sinh nhật dành riêng cho bạn",
 "Nhân dịp sinh nhật thương hiệu, bạn là 1 trong 500 khách hàng nhận hộp quà trị giá 3 triệu đồng. Chỉ cần thanh toán phí giao hàng 49.000đ khi xác nhận địa chỉ tại https://hopqua-sinhnhat.shop", date_i=4)
spam(name("Kho bạc Nhà nước", "khobac.hoantien@gmail.com"), TO, "Hoàn trả khoản thu nộp thừa ngân sách",
 "Kho bạc Nhà nước thông báo hoàn trả khoản tiền nộp thừa vào ngân sách của ông/bà: 4.250.000đ. Để nhận, vui lòng cung cấp họ tên, số căn cước và số tài khoản ngân hàng qua thư này trước 17h ngày mai.", date_i=5)
spam(name("Cục Quản lý xuất nhập cảnh", "xuatnhapcanh.hotro@gmail.com"), TO, "Hộ chiếu của bạn bị tạm khóa",
 "Hộ chiếu của ông/bà đã bị tạm khóa do thông tin chưa khớp với cơ sở dữ liệu dân cư. Vui lòng xác minh lại tại https://xuatnhapcanh-xacminh.com để tránh bị cấm xuất cảnh.", date_i=6)
spam(name("Phòng Cảnh sát môi trường", "canhsat.moitruong@outlook.com"), TO, "Biên bản vi phạm hành chính về môi trường",
 "Đơn vị của ông/bà bị lập biên bản vi phạm về xả thải. Để được giải quyết nhanh, không bị đình chỉ hoạt động, liên hệ cán bộ thụ lý 0703 229 518 trong hôm nay.", date_i=7)
spam(name("Agribank", "agribank.thongbao@agribank-ebanking.online"), TO, "Xác thực sinh trắc học lần 2",
 "Quý khách cần xác thực sinh trắc học lần 2 theo quy định mới để tiếp tục giao dịch trên 10 triệu. Thực hiện ngay: https://agribank-ebanking.online/sinhtrachoc", date_i=8)
spam(name("Ví MoMo", "momo.hotro@momo-vn.support"), TO, "Ví của bạn bị tạm khóa do hoạt động bất thường",
 "Ví MoMo của bạn bị tạm khóa do phát hiện hoạt động bất thường. Mở khóa bằng cách xác nhận mã OTP và mật khẩu tại https://momo-vn.support/unlock.", date_i=9)
spam(name("Webmail Lâm Đồng", "no-reply@webmail-lamdong.info"), TO, "Thư điện tử của bạn sẽ bị ngừng",
 "Tài khoản nguyenhuutri@lamdong.gov.vn chưa chuyển sang máy chủ mới sẽ bị ngừng nhận thư từ ngày mai. Chuyển đổi ngay tại https://webmail-lamdong.info/migrate.", date_i=10)
spam(name("Sở Tài chính", "stc.lamdong.gov@gmail.com"), TO, "V/v bổ sung hồ sơ thanh toán",
 "Phòng Kế hoạch tài chính đề nghị anh bổ sung hồ sơ thanh toán công tác phí. Tải biểu mẫu tại https://drive-hoso.web.app và đăng nhập bằng thư công vụ để nộp.", date_i=11)
spam(name("Sàn Forex", "forex.vietnam@gmail.com"), TO, "Giao dịch Forex cùng chuyên gia - lãi 5% mỗi tuần",
 "Ủy thác đầu tư Forex cho đội ngũ chuyên gia, lãi 5% mỗi tuần, vốn từ 10 triệu, rút bất cứ lúc nào. Kết bạn Zalo 0394 552 771 để nhận tư vấn.", date_i=12)
spam(name("Dự án token", "presale@vntoken.finance"), TO, "Mở bán token giai đoạn 1 - x50 sau niêm yết",
 "Dự án token Việt mở bán giai đoạn 1 giá 0.01 USD, dự kiến x50 sau khi niêm yết sàn. Chỉ còn 48 giờ, mua ngay tại https://vntoken.finance", date_i=13)
spam(name("Tuyển dụng Shopee", "tuyendung.shopee.vn@gmail.com"), TO, "Shopee tuyển nhân viên xử lý đơn hàng tại nhà",
 "Shopee tuyển nhân viên xử lý đơn hàng online tại nhà, lương 8-15 triệu. Yêu cầu có tài khoản ngân hàng để nhận tiền hoàn đơn. Ứng tuyển qua Telegram @shopee_hr.", date_i=14)
spam(name("Du học Hàn Quốc", "duhoc.hanquoc.ld@gmail.com"), TO, "Du học Hàn Quốc bao đậu visa",
 "Tuyển sinh du học Hàn Quốc kỳ tháng 3, bao đậu visa 100%, không chứng minh tài chính. Đặt cọc 30 triệu giữ hồ sơ, chỉ còn 8 suất.", date_i=15)
spam(name("Thừa kế ở Canada", "canada.estate.vn@gmail.com"), TO, "Tài sản thừa kế chưa có người nhận",
 "Chúng tôi là văn phòng luật tại Toronto, đang tìm thân nhân của ông Nguyễn Hữu Tâm để nhận tài sản 1,3 triệu CAD. Vui lòng phản hồi kèm bản sao căn cước để làm thủ tục.", date_i=16)
spam(name("Máy lọc không khí", "kinhdoanh@maylockk.vn"), TO, "Máy lọc không khí giảm 45% cuối năm",
 "Máy lọc không khí nhập khẩu, diệt khuẩn 99,9%, giảm 45% đến hết 31/12, bảo hành 3 năm, trả góp 0%. Gọi ngay 0908 775 312.", date_i=17)
spam(name("Đồng phục Hòa Phát", "dongphuc.hoaphat@gmail.com"), TO, "Nhận may đồng phục cơ quan giá xưởng",
 "Xưởng may nhận đặt may đồng phục công sở, áo thun sự kiện giá xưởng, miễn phí thiết kế logo, giao hàng toàn quốc. Báo giá trong ngày: 0982 315 664.", date_i=18)
spam(name("Thực phẩm chức năng", "tpcn.giamcan@gmail.com"), TO, "Giảm 5kg trong 7 ngày",
 "Viên giảm cân thảo mộc giảm 5kg trong 7 ngày, không ăn kiêng, không tập luyện, an toàn 100%. Mua 3 tặng 1, ship COD toàn quốc.", date_i=19)
spam(name("Phong thủy", "phongthuy.tailoc@gmail.com"), TO, "Vòng tay phong thủy chiêu tài lộc",
 "Vòng tay đá thạch anh hợp mệnh, chiêu tài lộc, thăng quan tiến chức, đã khai quang. Giá chỉ 590k, tặng hộp gỗ. Nhắn tin 0379 665 224.", date_i=20)
spam(name("Anh Tuấn phòng Tổ chức", "tuan.tccb.ld@gmail.com"), TO, "Nhờ em chút việc",
 "Tri ơi, anh đang đi công tác, điện thoại hết pin. Em mua giúp anh 5 thẻ Viettel mệnh giá 500k rồi chụp mã gửi anh qua mail này nhé, về anh gửi lại. Gấp em nhé.", date_i=21)
spam(name("Bưu điện Việt Nam", "vnpost.giaohang@gmail.com"), TO, "Bưu phẩm giao không thành công",
 "Bưu phẩm gửi ông/bà giao không thành công do sai địa chỉ. Cập nhật địa chỉ và thanh toán phí giao lại 25.000đ tại https://vnpost-giaolai.com trong 48 giờ, quá hạn bưu phẩm sẽ bị hoàn.", date_i=22)
spam(name("Quỹ đầu tư Sài Gòn", "saigoncapital.vn@gmail.com"), TO, "Thư mời góp vốn dự án năng lượng mặt trời",
 "Mời quý anh chị góp vốn dự án điện mặt trời áp mái, lợi nhuận cố định 2,5% mỗi tháng, bảo lãnh ngân hàng. Suất tối thiểu 50 triệu.", date_i=23)
spam(name("Khuyến mãi Điện Máy", "uudai@dienmay-sale.top"), TO, "Tivi 55 inch chỉ 3.990.000đ",
 "Xả kho cuối năm: tivi 55 inch chỉ 3.990.000đ, tủ lạnh từ 2 triệu, số lượng có hạn. Đặt hàng tại https://dienmay-sale.top", date_i=24)
spam(name("Hội nhóm Zalo", "nhomzalo.kiemtien@gmail.com"), TO, "Mời vào nhóm kiếm tiền online",
 "Mời bạn tham gia nhóm kiếm tiền online cùng 3.000 thành viên, mỗi ngày làm 30 phút kiếm 500k. Phí tham gia nhóm 99k, hoàn lại sau 3 ngày nếu không hiệu quả.", date_i=25)

ham(name("Tiki", "no-reply@tiki.vn"), TO, "Đánh giá sản phẩm bạn đã mua",
 "Bạn đã nhận bộ nồi inox từ Tiki. Hãy đánh giá sản phẩm để giúp người mua khác, nhận thêm 200 Astra khi viết nhận xét.", date_i=41)
ham(name("BIDV", "thongbao@bidv.com.vn"), TO, "Thông báo thay đổi biểu phí",
 "BIDV thông báo điều chỉnh biểu phí dịch vụ tin nhắn SMS từ ngày 01/01/2027. Chi tiết tại bidv.com.vn hoặc các điểm giao dịch.", date_i=42)
ham(name("Trường Mầm non Hoa Sen", "mnhoasen@lamdong.edu.vn"), TO, "Thông báo nghỉ Tết Dương lịch",
 "Nhà trường thông báo các cháu nghỉ Tết Dương lịch ngày 01/01/2027, đi học lại ngày 02/01. Kính chúc quý phụ huynh năm mới an khang.", date_i=43)
ham(name("Lê Thị Hồng", "honglt@sgtvt.lamdong.gov.vn"), TO, "Số liệu tai nạn giao thông 11 tháng",
 "Anh Trí, em gửi số liệu tai nạn giao thông 11 tháng để tổng hợp vào báo cáo chung. Có gì chưa khớp anh gọi em.", date_i=44)
ham(name("Hải", "hai.nguyen.1992@gmail.com"), TO, "Đá bóng chiều thứ Bảy",
 "Anh Trí ơi, chiều thứ Bảy đội mình đá giao hữu với bên Sở Xây dựng lúc 16h ở sân Đồi Cù, anh nhớ mang giày nha. Tiền sân mỗi người 50k.", date_i=45)
ham(name("Vợ", "thanhhuong.ld88@gmail.com"), TO, "Đóng tiền học cho con",
 "Anh ơi chiều nay anh chuyển khoản tiền học tháng 12 cho cô giáo của bé giúp em nhé, 1.200.000đ, số tài khoản cô gửi trong nhóm Zalo lớp.", date_i=46)
ham(name("Phòng khám Nhi Đồng", "lichhen@nhidongdalat.vn"), TO, "Xác nhận lịch khám",
 "Phòng khám xác nhận lịch khám của bé Nguyễn Hữu Phúc lúc 9h sáng thứ Bảy 13/12. Vui lòng đến trước 10 phút để làm thủ tục.", date_i=47)
ham(name("Lazada", "khuyenmai@mail.lazada.vn"), TO, "Siêu sale 12.12 - voucher đến 1 triệu",
 "Lazada Siêu sale 12.12: voucher đến 1 triệu, freeship mọi đơn, flash sale 0h mỗi ngày. Mở ứng dụng Lazada để săn ưu đãi. Hủy nhận thư trong cài đặt tài khoản.", date_i=48)
ham(name("Hội Khuyến học", "khuyenhoc.p1@gmail.com"), TO, "Thư mời dự lễ trao học bổng",
 "Hội Khuyến học phường 1 trân trọng kính mời anh đến dự lễ trao học bổng cho học sinh nghèo vượt khó lúc 8h Chủ nhật tại nhà văn hóa phường.", date_i=49)
ham(name("Cổng thông tin điện tử tỉnh", "banbientap@lamdong.gov.vn"), TO, "Bản tin điện tử tuần 49",
 "Bản tin tuần 49: UBND tỉnh họp phiên thường kỳ tháng 12; khánh thành cầu Đại Ninh; hội nghị xúc tiến du lịch.", date_i=50)
ham(name("VNPT", "hoadon@vnpt.vn"), TO, "Hóa đơn điện tử cước viễn thông tháng 11",
 "VNPT gửi quý khách hóa đơn điện tử cước viễn thông tháng 11: 276.000đ. Quý khách thanh toán trước ngày 20/12 qua VNPT Money hoặc ngân hàng.", date_i=51)
ham(name("Anh Sáu", "sauvo.caphe@gmail.com"), TO, "Cà phê mới thu hoạch",
 "Chú Trí ơi, nhà anh mới thu hoạch cà phê, rang xay xong rồi, chú lấy mấy ký thì nhắn anh, anh gửi xe lên Đà Lạt cho. Giá như năm ngoái 250k một ký.", date_i=52)
ham(name("Thư viện ĐH Đà Lạt", "thuvien@dlu.edu.vn"), TO, "Tài liệu bạn đặt mượn đã sẵn sàng",
 "Tài liệu \"Quản lý tài nguyên đất\" bạn đặt mượn đã sẵn sàng tại quầy mượn trả. Vui lòng đến nhận trong 3 ngày.", date_i=53)
ham(name("Grab", "no-reply@grab.com"), TO, "Biên nhận GrabFood",
 "Cảm ơn bạn đã đặt món. Đơn GrabFood từ quán Bánh căn Nhà Chung: 85.000đ, phí giao 15.000đ, thanh toán bằng thẻ.", date_i=54)
ham(name("Tổ trưởng dân phố", "totruong.to3@gmail.com"), TO, "Họp tổ dân phố cuối năm",
 "Mời đại diện các hộ gia đình họp tổ dân phố cuối năm lúc 19h thứ Sáu tại nhà bác Tư, bàn việc trang trí đón Tết và thu quỹ vì người nghèo.", date_i=55)
ham(name("Sacombank", "ebanking@sacombank.com"), TO, "Đăng nhập Sacombank iBanking",
 "Tài khoản của quý khách vừa đăng nhập Sacombank iBanking lúc 08:12 ngày 03/12 trên trình duyệt Chrome. Nếu không phải quý khách, vui lòng gọi tổng đài 1900 5555 88.", date_i=56)
ham(name("Hội đồng hương", "donghuong.quangngai.ld@gmail.com"), TO, "Họp mặt đồng hương cuối năm",
 "Hội đồng hương Quảng Ngãi tại Lâm Đồng tổ chức họp mặt cuối năm ngày 28/12. Mỗi gia đình đóng góp 300.000đ, chuyển khoản cho anh Lực thủ quỹ hoặc nộp tại buổi họp.", date_i=57)
ham(name("Phòng Quản lý đô thị", "qldt@dalat.lamdong.gov.vn"), TO, "Lịch kiểm tra công trình",
 "Phòng Quản lý đô thị gửi lịch kiểm tra các công trình xây dựng trên địa bàn tuần tới, đề nghị Sở cử cán bộ phối hợp.", date_i=58)
ham(name("Bác sĩ gia đình", "bs.minh.giadinh@gmail.com"), TO, "Kết quả khám sức khỏe của bác",
 "Anh Trí, kết quả khám của bác trai ổn, chỉ men gan hơi cao, bác nên hạn chế rượu bia, tái khám sau 3 tháng. Có gì anh gọi em.", date_i=59)
ham(name("Zoom", "no-reply@zoom.us"), TO, "Bản ghi cuộc họp đã sẵn sàng",
 "Bản ghi cuộc họp \"Giao ban trực tuyến\" của bạn đã sẵn sàng. Bạn có thể xem và chia sẻ trong tài khoản Zoom.", date_i=60)
ham(name("Bảo Minh", "cskh@baominh.com.vn"), TO, "Giấy chứng nhận bảo hiểm điện tử",
 "Bảo Minh gửi giấy chứng nhận bảo hiểm trách nhiệm dân sự xe máy điện tử của quý khách, hiệu lực đến 02/12/2027.", date_i=61)
ham(name("Cô Thảo", "thaopt.gv@gmail.com"), TO, "Con nghỉ học có phép",
 "Phụ huynh em Phúc ơi, cô đã nhận đơn xin nghỉ của con hôm nay. Bài tập cô gửi trong nhóm lớp, phụ huynh nhắc con làm nhé.", date_i=62)
ham(name("Nhà sách Phương Nam", "info@nhasachphuongnam.com"), TO, "Sách mới tháng 12",
 "Sách mới tháng 12 tại Phương Nam: tiểu thuyết, kỹ năng, thiếu nhi. Thành viên được giảm 10% khi mua tại cửa hàng. Hủy đăng ký nhận tin ở cuối trang.", date_i=63)
ham(name("Đức", "duc.tran.kts@gmail.com"), TO, "Bản vẽ sửa nhà",
 "Anh Trí, em gửi bản vẽ sửa nhà phương án 2, phần bếp mở rộng ra sau. Chi phí dự kiến khoảng 350 triệu, anh xem rồi mình hẹn trao đổi.", date_i=64)
ham(name("Ban Tuyên giáo", "tuyengiao@lamdong.gov.vn"), TO, "Tài liệu học tập nghị quyết",
 "Ban Tuyên giáo gửi tài liệu học tập, quán triệt nghị quyết để các chi bộ tổ chức sinh hoạt chuyên đề trong tháng 12.", date_i=65)

# ---- set 12 (written and scanned before the rules saw it: 27 of 30 caught, none of its 25 ordinary
# mails tagged; its three misses' words then added) ---- --------------------------------------------------------------
spam(name("Cục Thuế tỉnh Lâm Đồng", "cucthue.lamdong.hotro@gmail.com"), TO, "V/v rà soát nghĩa vụ thuế thu nhập cá nhân năm 2026",
 "Kính gửi Ông/Bà,\nQua rà soát dữ liệu, cơ quan thuế phát hiện hồ sơ quyết toán thuế TNCN của Ông/Bà còn sai lệch. "
 "Đề nghị Ông/Bà truy cập đường dẫn dưới đây để đối chiếu và hoàn thiện trước 17h ngày 10/12, quá thời hạn trên hồ sơ sẽ được chuyển sang bộ phận cưỡng chế.\n"
 "https://thuedientu-gdt.com/doichieu\nTrân trọng.", date_i=101)
spam(name("BHXH Việt Nam", "thongbao.baohiemxahoi@outlook.com"), TO, "Thông báo chi trả trợ cấp một lần",
 "BHXH thông báo: quý vị thuộc diện được nhận khoản trợ cấp một lần 6.800.000 đồng. Để nhận tiền, vui lòng cung cấp số tài khoản, ảnh hai mặt căn cước và mã OTP ngân hàng gửi về điện thoại cho cán bộ hỗ trợ qua số 0356 112 908.", date_i=102)
spam(name("Phòng Cảnh sát hình sự", "pc02.congan@protonmail.com"), TO, "Giấy triệu tập",
 "Công an tỉnh yêu cầu anh/chị có mặt để làm rõ việc tài khoản ngân hàng đứng tên anh/chị liên quan đến đường dây rửa tiền. "
 "Nếu không thể đến trực tiếp, anh/chị phải kê khai trực tuyến và chuyển số dư vào tài khoản tạm giữ để phục vụ điều tra. Tuyệt đối giữ bí mật, không thông báo cho người thân.", date_i=103)
spam(name("Vietcombank", "canhbao@vietcombank-secure.net"), TO, "Cảnh báo: phát hiện đăng nhập bất thường",
 "Hệ thống ghi nhận đăng nhập bất thường vào VCB Digibank của quý khách từ thiết bị lạ. Để bảo vệ tài khoản, quý khách cần xác thực lại sinh trắc học trong hôm nay tại https://vcb-xacthuc.net. Nếu không thực hiện, dịch vụ sẽ bị tạm ngừng.", date_i=104)
spam(name("Bộ Công an", "vneid.capnhat@gmail.com"), TO, "Tài khoản định danh điện tử mức 2 sắp bị vô hiệu",
 "Theo quy định mới, tài khoản định danh điện tử của công dân chưa tích hợp thông tin sẽ bị vô hiệu hóa từ ngày 15/12. Cài đặt ứng dụng hỗ trợ tích hợp theo đường link sau và làm theo hướng dẫn: http://vneid-tichhop.app/apk", date_i=105)
spam(name("Quản trị hệ thống thư điện tử", "quantri.mail@lamdong-gov.vn"), TO, "Hộp thư công vụ của bạn đã đạt 99% dung lượng",
 "Hộp thư công vụ của bạn đã đạt 99% dung lượng cho phép. Thư mới gửi đến sẽ bị trả lại. Để được cấp thêm dung lượng miễn phí, vui lòng đăng nhập và xác nhận tài khoản tại trang quản trị.\nBan quản trị hệ thống",
 html="<p>Hộp thư công vụ của bạn đã đạt <b>99%</b> dung lượng cho phép. Thư mới gửi đến sẽ bị trả lại.</p><p>Để được cấp thêm dung lượng miễn phí, vui lòng <a href='http://mail-lamdong.webhost.me/login.php'>đăng nhập mail.lamdong.gov.vn</a> và xác nhận tài khoản.</p><p>Ban quản trị hệ thống</p>", date_i=106)
spam(name("Văn phòng UBND tỉnh", "vanphong.ubnd.lamdong@yandex.com"), TO, "Tài liệu họp khẩn - đề nghị xem trước",
 "Đồng chí vui lòng xem tài liệu cuộc họp khẩn chiều nay theo đường dẫn. Tài liệu được bảo mật, cần đăng nhập bằng tài khoản thư công vụ để mở.\nhttps://docs-lamdong.sharefile-online.com/view", date_i=107)
spam(name("Tài chính Mirae", "mirae.hotro.vay@gmail.com"), TO, "Duyệt khoản vay 70 triệu cho anh/chị",
 "Anh/chị có nhu cầu vay vốn tiêu dùng? Hồ sơ đã được hệ thống duyệt sơ bộ khoản vay 70 triệu. Anh chị chỉ cần đóng phí bảo hiểm khoản vay 1.500.000đ là tiền sẽ về tài khoản sau 2 tiếng.", date_i=108)
spam(name("Cho vay cầm đồ", "camdo.online365@gmail.com"), TO, "Cần tiền gấp? Có ngay trong 10 phút",
 "Chỉ cần cà vẹt xe hoặc sổ đỏ photo, nhận tiền trong 10 phút, không giữ xe, không cần người bảo lãnh. Lãi theo ngày, tất toán linh hoạt. Gọi 0868 775 220 (24/7).", date_i=109)
spam(name("VIP Sport", "ho.tro@vipsport.win"), TO, "Hoàn trả không giới hạn cho thành viên mới",
 "Đăng ký tài khoản nhận ngay 88K, hoàn trả 1,2% không giới hạn, đặt cược bóng đá, esport, đá gà trực tiếp. Rút tiền siêu tốc. Truy cập: vipsport.win", date_i=110)
spam(name("Xổ số Mega", "xoso.megamillion@gmail.com"), TO, "Vé số của quý khách đã trúng giải đặc biệt",
 "Vé số điện tử của quý khách đã trúng giải đặc biệt trị giá 2.000.000.000 VNĐ. Để làm thủ tục nhận giải, quý khách cần nộp trước thuế thu nhập 10% vào tài khoản của công ty, sau đó chúng tôi sẽ chuyển toàn bộ tiền thưởng.", date_i=111)
spam(name("Tập đoàn Vingroup", "quatang.vinhomes@gmail.com"), TO, "Quà tặng tri ân cán bộ công chức",
 "Nhân dịp kỷ niệm thành lập, tập đoàn dành tặng 1.000 phần quà trị giá 5 triệu đồng cho cán bộ công chức. Điền thông tin nhận quà gồm họ tên, cơ quan, số tài khoản và ảnh thẻ ngành tại form: https://forms.gle/quatang-vin", date_i=112)
spam(name("Sàn giao dịch BitVN", "support@bitvn-exchange.io"), TO, "Cơ hội x3 tài sản trong 30 ngày",
 "Chuyên gia phân tích của chúng tôi hướng dẫn giao dịch 1-1, cam kết lợi nhuận 3-5% mỗi ngày, không lo thua lỗ. Nạp tối thiểu 5 triệu để kích hoạt tài khoản VIP. Nhóm kín chỉ nhận 20 thành viên.", date_i=113)
spam(name("Quỹ đầu tư Nông nghiệp xanh", "nongnghiepxanh.invest@gmail.com"), TO, "Hợp tác trồng sâm Ngọc Linh lợi nhuận cao",
 "Mời anh chị góp vốn trồng sâm Ngọc Linh, cam kết thu mua lại, lợi nhuận 40% mỗi năm, có hợp đồng công chứng. Gói góp vốn từ 20 triệu, chia lãi hàng quý.", date_i=114)
spam(name("Tuyển cộng tác viên", "ctv.tiktokshop@gmail.com"), TO, "Việc làm thêm tại nhà 300-500k/ngày",
 "Tuyển cộng tác viên thả tim, theo dõi kênh TikTok Shop, nhận hoa hồng ngay sau mỗi nhiệm vụ. Không cần kinh nghiệm, làm trên điện thoại. Liên hệ Zalo 0394 221 678 để được giao việc.", date_i=115)
spam(name("Nhân sự Lotte", "tuyendung.lotte.vn@gmail.com"), TO, "Thư mời nhận việc",
 "Chúc mừng bạn đã trúng tuyển vị trí nhân viên nhập liệu online, thu nhập 12 triệu/tháng. Để hoàn tất hồ sơ, bạn vui lòng đóng phí đồng phục và thẻ nhân viên 650.000đ trước ngày 08/12.", date_i=116)
spam(name("Mr. Daniel Brown", "daniel.brown.un@gmail.com"), TO, "Khoản tiền ủy thác 4,5 triệu USD",
 "Tôi là Daniel Brown, kiểm toán viên ngân hàng tại London. Một khách hàng người Việt đã qua đời để lại 4,5 triệu USD không có người thừa kế. Tôi muốn hợp tác với anh để nhận khoản tiền này, chia 40/60. Vui lòng trả lời kèm số điện thoại.", date_i=117)
spam(name("Hãng hàng không", "vemaybay.giare365@gmail.com"), TO, "Vé máy bay Tết chỉ từ 199K",
 "Săn vé máy bay Tết 2027 giá rẻ chỉ từ 199K, đặt vé ngay kẻo lỡ, giữ chỗ không cần thanh toán trước, hoàn hủy miễn phí. Hotline 0909 123 456.", date_i=118)
spam(name("Kem trộn trắng da", "myphamhanquoc.sale@gmail.com"), TO, "Trắng da cấp tốc sau 7 ngày",
 "Kem dưỡng trắng da nhập khẩu Hàn Quốc, trắng bật tông sau 7 ngày, mờ nám tàn nhang. Khuyến mãi mua 2 tặng 1, miễn phí vận chuyển.", date_i=119)
spam(name("EVN Lâm Đồng", "evn.tiendien.thongbao@gmail.com"), TO, "Thông báo cắt điện do nợ tiền điện",
 "Khách hàng có mã PE0400123 còn nợ tiền điện kỳ trước. Điện lực sẽ ngừng cấp điện sau 24 giờ nếu chưa thanh toán. Vui lòng thanh toán ngay qua đường link https://evn-thanhtoan.net hoặc liên hệ nhân viên 0833 456 900.", date_i=120)
spam(name("Chi cục Thuế", "hoantien.thue@gmail.com"), TO, "Ban duoc hoan thue TNCN",
 "Kinh gui ong ba, ho so hoan thue thu nhap ca nhan cua ong ba da duoc duyet, so tien hoan 3.450.000d. De nhan tien, vui long cai dat ung dung Thue dien tu theo link va dang nhap bang so CCCD: http://etax-hoanthue.com", date_i=121)
spam(name("Shop Quà Tết", "hopqua.tet2027@gmail.com"), TO, "Giỏ quà Tết doanh nghiệp - chiết khấu 25%",
 "Nhận đặt giỏ quà Tết cao cấp cho cơ quan, doanh nghiệp: rượu vang, bánh kẹo nhập khẩu, trà sâm. Chiết khấu 25% cho đơn từ 20 giỏ, in logo miễn phí, giao tận nơi. Xem catalog và báo giá: 0912 888 347.", date_i=122)
spam(name("Tòa án nhân dân", "toaan.thongbao@gmail.com"), TO, "Thông báo thụ lý vụ án",
 "Tòa án thông báo đã thụ lý đơn khởi kiện đòi nợ đối với ông/bà. Để tránh bị cưỡng chế tài sản và phong tỏa tài khoản, ông/bà cần liên hệ thư ký tòa theo số 0921 556 771 trong hôm nay để được hướng dẫn hòa giải.", date_i=123)
spam(name("Lucky Draw", "luckydraw.vietnam@gmail.com"), TO, "Nhận ngay voucher 2 triệu",
 "Bạn là một trong 100 người được chọn nhận voucher mua sắm 2 triệu. Chỉ cần hoàn thành khảo sát 3 câu hỏi và thanh toán phí kích hoạt 99.000đ.", date_i=124)
spam(name("Zalo Pay", "zalopay.hotro@gmail.com"), TO, "Ví của bạn bị tạm khóa",
 "Ví ZaloPay của bạn bị tạm khóa do vi phạm chính sách. Để mở khóa, vui lòng gửi ảnh chụp căn cước và mã xác thực cho bộ phận chăm sóc khách hàng qua Zalo 0367 220 145 trong 12 giờ.", date_i=125)
spam(name("Học viện Đầu tư", "hocvien.chungkhoan@gmail.com"), TO, "Khóa học đầu tư miễn phí - nhận ngay mã cổ phiếu",
 "Tặng khóa học chứng khoán miễn phí và danh mục mã cổ phiếu sắp tăng trần. Tham gia nhóm Zalo VIP để nhận khuyến nghị mỗi ngày, lợi nhuận 30% mỗi tháng.", date_i=126)
spam(name("Giải thưởng Samsung", "samsung.vn.prize@gmail.com"), TO, "Xac nhan giai thuong Samsung Galaxy",
 "Chuc mung quy khach da trung thuong dien thoai Samsung Galaxy S25 trong chuong trinh tri an. Vui long xac nhan dia chi va chuyen phi van chuyen 350.000d de nhan qua trong tuan nay.", date_i=127)
spam(name("Cổng dịch vụ công", "dichvucong.hotro@gmail.com"), TO, "Hồ sơ cấp đổi giấy phép lái xe bị từ chối",
 "Hồ sơ cấp đổi giấy phép lái xe của bạn trên Cổng dịch vụ công bị từ chối do thiếu ảnh chân dung. Vui lòng bổ sung và nộp lệ phí 135.000đ qua đường dẫn https://dichvucong-gplx.site trong 3 ngày để không phải làm lại hồ sơ.", date_i=128)
spam(name("Thẩm mỹ viện", "thammy.koreanstar@gmail.com"), TO, "Nâng mũi không phẫu thuật giảm 70%",
 "Ưu đãi tháng 12: nâng mũi, cắt mí, tiêm filler giảm đến 70%, bác sĩ Hàn Quốc trực tiếp thực hiện, bảo hành trọn đời. Đặt lịch ngay hôm nay để giữ suất.", date_i=129)
spam(name("Hỗ trợ người dân", "hotro.nguoidan.covid@gmail.com"), TO, "Nhận gói hỗ trợ 3 triệu đồng",
 "Chính phủ triển khai gói hỗ trợ 3 triệu đồng cho người lao động. Đăng ký nhận hỗ trợ bằng cách điền họ tên, số căn cước, số tài khoản ngân hàng tại: https://hotro-nguoidan.online trước ngày 20/12.", date_i=130)

# ---- set 12: unseen ordinary mail -------------------------------------------------------
ham(name("Cục Thuế", "thongbao@gdt.gov.vn"), TO, "Thông báo hạn nộp tờ khai quý IV",
 "Cơ quan thuế nhắc người nộp thuế hạn nộp tờ khai thuế quý IV/2026 là ngày 31/01/2027. Người nộp thuế thực hiện kê khai qua Cổng thuế điện tử thuedientu.gdt.gov.vn.", date_i=151)
ham(name("Vietcombank", "vcbdigibank@info.vietcombank.com.vn"), TO, "Thông báo biến động số dư",
 "Tài khoản 0011xxxx123 +15.200.000 VND lúc 07/12 09:31. Số dư 28.431.000 VND. Nội dung: LUONG THANG 12.", date_i=152)
ham(name("Phòng Tổ chức cán bộ", "tccb@snv.lamdong.gov.vn"), TO, "Đề nghị cập nhật hồ sơ cán bộ",
 "Đề nghị các đồng chí rà soát, cập nhật thông tin trong phần mềm quản lý hồ sơ cán bộ trước ngày 15/12, gồm trình độ, chức vụ và quá trình công tác.", date_i=153)
ham(name("Minh Thư", "minhthu.ng@gmail.com"), TO, "Ảnh đám cưới",
 "Anh Trí ơi, em gửi link album ảnh đám cưới hôm bữa, anh chị xem rồi tải về nha: https://photos.app.goo.gl/abc123. Cảm ơn anh chị đã đến chung vui.", date_i=154)
ham(name("Điện lực Đà Lạt", "cskh@evnspc.vn"), TO, "Thông báo tiền điện tháng 11",
 "Điện lực Đà Lạt thông báo tiền điện kỳ tháng 11 của khách hàng PE0400123: 512.300 đồng. Quý khách thanh toán qua ngân hàng, ví điện tử hoặc tại quầy thu.", date_i=155)
ham(name("Công đoàn cơ sở", "congdoan.sotn@gmail.com"), TO, "Đăng ký tham quan cuối năm",
 "Công đoàn tổ chức cho đoàn viên tham quan Nha Trang ngày 27-28/12. Đồng chí nào tham gia đăng ký với chị Hoa trước thứ Tư, công đoàn hỗ trợ 1 triệu mỗi người.", date_i=156)
ham(name("Shopee", "info@mail.shopee.vn"), TO, "Đơn hàng đã giao thành công",
 "Đơn hàng 2412ABCD của bạn đã được giao thành công. Vui lòng kiểm tra và xác nhận đã nhận hàng trên ứng dụng Shopee trong 3 ngày.", date_i=157)
ham(name("Bảo hiểm xã hội tỉnh", "bhxh@lamdong.vss.gov.vn"), TO, "Đối chiếu quá trình đóng BHXH năm 2026",
 "BHXH tỉnh đề nghị các đơn vị đối chiếu quá trình đóng bảo hiểm xã hội năm 2026 của người lao động và gửi biên bản đối chiếu trước ngày 25/12.", date_i=158)
ham(name("Trung tâm CNTT", "cntt@stttt.lamdong.gov.vn"), TO, "Bảo trì hệ thống thư điện tử",
 "Trung tâm CNTT bảo trì hệ thống thư điện tử công vụ từ 22h thứ Bảy đến 2h Chủ nhật. Trong thời gian này hệ thống có thể gián đoạn. Trung tâm không bao giờ yêu cầu cung cấp mật khẩu qua thư.", date_i=159)
ham(name("Anh Phong", "phong.le.dl@gmail.com"), TO, "Mượn xe cuối tuần",
 "Trí ơi cuối tuần này anh mượn xe bán tải của em chở đồ về quê được không, anh đổ xăng đầy trả lại. Có gì em nhắn anh.", date_i=160)
ham(name("Viettel", "cskh@viettel.com.vn"), TO, "Gói cước Internet sắp hết hạn",
 "Gói cước Internet cáp quang của quý khách sẽ hết hạn ngày 31/12. Quý khách gia hạn qua ứng dụng My Viettel hoặc tại cửa hàng Viettel gần nhất.", date_i=161)
ham(name("Sở Y tế", "vanthu@syt.lamdong.gov.vn"), TO, "Kế hoạch tiêm chủng mở rộng năm 2027",
 "Sở Y tế gửi kế hoạch tiêm chủng mở rộng năm 2027 để các đơn vị phối hợp tuyên truyền, vận động người dân đưa trẻ đi tiêm đúng lịch.", date_i=162)
ham(name("Chị Lan kế toán", "lanketoan@stc.lamdong.gov.vn"), TO, "Thanh toán công tác phí",
 "Em Trí, chị đã nhận hồ sơ thanh toán công tác phí chuyến đi Hà Nội. Còn thiếu vé máy bay bản gốc, em bổ sung giúp chị để chị chuyển khoản trong tuần.", date_i=163)
ham(name("Báo Lâm Đồng", "bandoc@baolamdong.vn"), TO, "Bản tin sáng 08/12",
 "Bản tin sáng: Lâm Đồng đón 8 triệu lượt khách du lịch; khởi công dự án cao tốc; giá cà phê tăng mạnh. Đọc chi tiết trên baolamdong.vn.", date_i=164)
ham(name("Ngân hàng Agribank", "agribank@agribank.com.vn"), TO, "Cảnh báo thủ đoạn lừa đảo",
 "Agribank khuyến cáo khách hàng không cung cấp mã OTP, mật khẩu, thông tin thẻ cho bất kỳ ai, kể cả người xưng là nhân viên ngân hàng, công an. Agribank không gửi đường link yêu cầu cập nhật thông tin.", date_i=165)
ham(name("Thầy Hùng", "hung.thpt.bl@gmail.com"), TO, "Họp phụ huynh học kỳ I",
 "Kính mời phụ huynh em Nguyễn Hữu Phúc dự họp phụ huynh học kỳ I lúc 7h30 Chủ nhật 21/12 tại phòng học lớp 10A2.", date_i=166)
ham(name("Tiki", "hotro@tiki.vn"), TO, "Hoàn tiền đơn hàng",
 "Tiki đã hoàn 349.000đ cho đơn hàng bị hủy về phương thức thanh toán ban đầu. Thời gian nhận tiền tùy ngân hàng, từ 3 đến 7 ngày làm việc.", date_i=167)
ham(name("Văn phòng Sở", "vanphong@stc.lamdong.gov.vn"), TO, "Lịch công tác tuần 50",
 "Văn phòng gửi lịch công tác tuần 50 của Ban Giám đốc. Thứ Hai họp giao ban, thứ Tư làm việc với Kho bạc Nhà nước tỉnh, thứ Sáu dự hội nghị tổng kết.", date_i=168)
ham(name("Mẹ", "me.nguyenthi@gmail.com"), TO, "Tết về sớm nha con",
 "Con ơi Tết này mấy đứa về sớm nha, mẹ đã làm dưa hành, gói bánh tét rồi. Nhớ mua cho ba hộp thuốc huyết áp ở nhà thuốc quen.", date_i=169)
ham(name("Hội Cựu chiến binh", "ccb.phuong2@gmail.com"), TO, "Thông báo đóng hội phí",
 "Hội Cựu chiến binh phường thông báo thu hội phí năm 2026, mỗi hội viên 120.000đ, nộp cho chi hội trưởng trước ngày 20/12.", date_i=170)
ham(name("Momo", "no-reply@momo.vn"), TO, "Biên lai thanh toán",
 "Bạn đã thanh toán thành công hóa đơn nước tháng 11: 187.000đ qua Ví MoMo. Mã giao dịch 34567890.", date_i=171)
ham(name("Luật sư Trần", "ls.tranvan@luatdalat.vn"), TO, "Hợp đồng mua bán đất",
 "Anh Trí, tôi đã xem dự thảo hợp đồng mua bán đất, cần bổ sung điều khoản về thời hạn sang tên và trách nhiệm nộp thuế. Anh sắp xếp lịch ký tại văn phòng công chứng tuần sau.", date_i=172)
ham(name("Ban Quản lý dự án", "bqlda@lamdong.gov.vn"), TO, "Mời họp nghiệm thu",
 "Ban Quản lý dự án kính mời đại diện Sở Tài chính dự họp nghiệm thu hạng mục đường giao thông lúc 14h thứ Năm tại công trường.", date_i=173)
ham(name("Nhóm chạy bộ", "dalatrunners@gmail.com"), TO, "Giải chạy Đà Lạt Trail",
 "Nhóm mình đăng ký giải Đà Lạt Trail cự ly 21km nhé, lệ phí 850k, hạn đăng ký 15/12. Ai đi thì điền vào bảng chung.", date_i=174)
ham(name("Cục Thống kê", "thongke@lamdong.gso.gov.vn"), TO, "Phiếu điều tra doanh nghiệp",
 "Cục Thống kê đề nghị đơn vị hoàn thành phiếu điều tra doanh nghiệp năm 2026 trên hệ thống trực tuyến trước ngày 30/12. Mọi thắc mắc liên hệ chuyên viên phụ trách.", date_i=175)

# ---- set 13 (written and scanned before the rules saw it: 19 of 30 caught, none of its 30 ordinary
# mails tagged; host names written without a scheme then read as links, and its misses' words added) ----
spam(name("Ngân hàng TMCP Á Châu", "acb.thongbao@acb-online.info"), TO, "[ACB] Xác nhận giao dịch chuyển tiền 19.500.000 VND",
 "Quý khách vừa thực hiện giao dịch chuyển tiền 19.500.000 VND đến tài khoản 0123456789. Nếu quý khách KHÔNG thực hiện giao dịch này, vui lòng hủy giao dịch ngay tại: https://acb-huygiaodich.info để tránh mất tiền.", date_i=201)
spam(name("Hệ thống thư công vụ", "no-reply@mail-lamdong.gov-vn.org"), TO, "Mật khẩu của bạn sẽ hết hạn hôm nay",
 "Mật khẩu tài khoản thư công vụ của bạn sẽ hết hạn trong hôm nay. Để tiếp tục sử dụng mật khẩu hiện tại, hãy nhấn GIỮ MẬT KHẨU bên dưới.\nGIỮ MẬT KHẨU: https://mail-lamdong.gov-vn.org/keep\nĐây là thư tự động, vui lòng không trả lời.", date_i=202)
spam(name("Phòng Kế hoạch Tài chính", "pkhtc.ubnd@gmail.com"), TO, "Danh sách nâng lương năm 2027",
 "Gửi anh chị danh sách cán bộ được nâng lương trước thời hạn năm 2027. Anh chị mở file đính kèm trên Google Drive, đăng nhập email để xem và xác nhận trước 16h hôm nay: https://drive-google.share-docs.net/nangluong", date_i=203)
spam(name("Hỗ trợ tín dụng F88", "f88.vaynhanh@gmail.com"), TO, "Anh/chị có khoản vay chưa nhận",
 "F88 thông báo anh/chị có khoản hỗ trợ 45 triệu chưa nhận. Chỉ cần bằng lái xe hoặc căn cước, tiền chuyển thẳng vào tài khoản, không cần đến cửa hàng. Bấm vào đây để nhận ngay trước 20h: https://f88-nhantien.com", date_i=204)
spam(name("Cổng game 789", "khuyenmai@789win.club"), TO, "Nạp 100 tặng 100 - chỉ hôm nay",
 "Cổng game đổi thưởng uy tín, tỷ lệ trả thưởng cao nhất thị trường. Nạp 100 tặng 100, quay slot miễn phí mỗi ngày, rút về ngân hàng trong 1 phút. Chơi ngay: 789win.club", date_i=205)
spam(name("Ban tổ chức", "minigame.tet2027@gmail.com"), TO, "Kết quả quay thưởng minigame Tết",
 "Xin chúc mừng, tài khoản của bạn đã trúng giải nhất minigame Tết 2027: 1 xe máy Honda Vision. Để nhận giải vui lòng kết bạn Zalo với nhân viên trả thưởng và đóng phí trước bạ 1.800.000đ.", date_i=206)
spam(name("Cục Cảnh sát giao thông", "thongbao.phatnguoi@gmail.com"), TO, "Thông báo vi phạm hành chính lĩnh vực giao thông",
 "Phương tiện biển số 49A-xxx.xx của bạn đã bị camera giám sát ghi nhận vi phạm tốc độ. Bạn cần nộp phạt trực tuyến trong 5 ngày để tránh bị tạm giữ giấy phép lái xe. Tra cứu và nộp phạt tại: http://csgt-phatnguoi.com", date_i=207)
spam(name("Bảo hiểm y tế", "bhyt.giahan2027@gmail.com"), TO, "Thẻ BHYT của bạn sắp hết hạn",
 "Thẻ bảo hiểm y tế của bạn hết hạn ngày 31/12. Gia hạn online ngay để được giảm 30% mức đóng, chỉ cần chuyển khoản 680.000đ cho cán bộ thu và gửi ảnh căn cước qua Zalo 0377 665 901.", date_i=208)
spam(name("Tổ công tác 06", "tocongtac06.lamdong@gmail.com"), TO, "Yêu cầu xác thực tài khoản định danh",
 "Tổ công tác Đề án 06 thông báo: tài khoản định danh điện tử của ông/bà chưa xác thực. Ông/bà vui lòng gọi lại số 0912 009 668 để cán bộ hướng dẫn cài đặt và xác thực khuôn mặt, nếu không sẽ bị khóa tài khoản.", date_i=209)
spam(name("Trung tâm hỗ trợ nạn nhân", "hotro.lấylaitien@gmail.com"), TO, "Lấy lại tiền bị lừa đảo trực tuyến",
 "Bạn từng bị lừa đảo qua mạng? Đội ngũ luật sư và chuyên gia công nghệ của chúng tôi hỗ trợ thu hồi 100% số tiền bị chiếm đoạt. Chỉ thu phí sau khi lấy lại được tiền. Liên hệ ngay 0868 991 223.", date_i=210)
spam(name("Đầu tư vàng", "vangonline.dautu@gmail.com"), TO, "Đầu tư vàng online - lãi 2% mỗi ngày",
 "Nền tảng đầu tư vàng trực tuyến được cấp phép quốc tế, lợi nhuận 2% mỗi ngày, rút gốc bất kỳ lúc nào. Giới thiệu người thân nhận thêm hoa hồng 10%. Mở tài khoản chỉ với 1 triệu.", date_i=211)
spam(name("Nhóm Chứng khoán", "chungkhoan.vip.room@gmail.com"), TO, "Mời tham gia room cổ phiếu tăng trần",
 "Room VIP nhận định mã cổ phiếu tăng trần mỗi tuần, tỷ lệ thắng 95%. Phí thành viên 3 triệu/tháng, hoàn phí nếu lỗ. Đăng ký qua Telegram @ckviproom.", date_i=212)
spam(name("Tuyển dụng Vinmart", "hr.winmart.tuyendung@gmail.com"), TO, "Tuyển nhân viên đóng gói tại nhà",
 "Cần 20 người đóng gói hàng tại nhà, lương 350k/ngày, nhận tiền cuối ngày. Đặt cọc nguyên liệu 500k, hoàn lại khi giao đủ sản phẩm. Nhắn Zalo 0398 775 411.", date_i=213)
spam(name("Công ty XKLĐ Nhật Bản", "xkld.nhatban.2027@gmail.com"), TO, "Đơn hàng đi Nhật không cần tiếng",
 "Đơn hàng xuất khẩu lao động Nhật Bản, không cần tiếng, bay nhanh sau 2 tháng, lương 35 triệu. Đặt cọc 50 triệu giữ chỗ, bao đỗ phỏng vấn.", date_i=214)
spam(name("Luật sư David", "david.law.firm@outlook.com"), TO, "Khoản bồi thường dành cho ông/bà",
 "Văn phòng luật của chúng tôi được ủy quyền chi trả khoản bồi thường 850.000 USD cho ông/bà. Để nhận tiền cần hoàn tất phí pháp lý và chứng nhận chống rửa tiền 2.300 USD.", date_i=215)
spam(name("Tổng kho Gia Dụng", "tongkho.giadung@gmail.com"), TO, "Thanh lý nồi chiên không dầu 299K",
 "Tổng kho thanh lý nồi chiên không dầu, máy xay sinh tố, bếp từ đồng giá 299K. Kiểm tra hàng trước khi thanh toán, đổi trả 7 ngày. Đặt mua tại link: https://tongkhogiadung.shop", date_i=216)
spam(name("SEO Marketing", "seo.dichvu.top1@gmail.com"), TO, "Đưa website lên top Google trong 30 ngày",
 "Dịch vụ SEO lên top 1 Google cam kết sau 30 ngày, chạy quảng cáo Facebook giá rẻ, tăng like, tăng follow. Không hiệu quả hoàn tiền. Báo giá trọn gói chỉ từ 3 triệu.", date_i=217)
spam(name("Chị Mai Thủ trưởng", "maint.giamdoc@gmail.com"), TO, "Em đang ở cơ quan không",
 "Em đang ở cơ quan không? Chị đang họp không nghe máy được. Em chuyển giúp chị 15 triệu vào số tài khoản này cho đối tác nhé, chiều chị gửi lại. Việc gấp, đừng nói với ai.", date_i=218)
spam(name("DHL Express", "dhl.customs.vn@gmail.com"), TO, "Kiện hàng của bạn đang bị giữ tại hải quan",
 "Kiện hàng quốc tế gửi bạn đang bị giữ tại hải quan Tân Sơn Nhất do chưa đóng thuế. Thanh toán 2.150.000đ phí thông quan vào tài khoản được chỉ định để nhận hàng trong 24h.", date_i=219)
spam(name("Hội đồng thi đua", "vinhdanh.doanhnhan@gmail.com"), TO, "Thư mời nhận danh hiệu Lãnh đạo tiêu biểu",
 "Ban tổ chức trân trọng thông báo ông/bà được bình chọn danh hiệu Lãnh đạo tiêu biểu năm 2026. Lễ vinh danh tổ chức tại Hà Nội, đơn vị vui lòng đóng phí tham dự và in ấn kỷ niệm chương 12.000.000đ.", date_i=220)
spam(name("Tiem Vang Online", "muavang.gia.re@gmail.com"), TO, "Vang 9999 gia re hon thi truong",
 "Ban vang 9999 gia re hon thi truong 500k/chi, giao tan nha, co giay kiem dinh. So luong co han, chuyen khoan dat coc truoc 30% de giu gia. Lien he 0909 777 123.", date_i=221)
spam(name("Bệnh viện Chợ Rẫy", "bv.choray.hotro@gmail.com"), TO, "Người nhà anh/chị đang cấp cứu",
 "Người nhà của anh/chị vừa nhập viện cấp cứu do tai nạn, cần phẫu thuật gấp. Anh/chị chuyển ngay 30 triệu tạm ứng viện phí vào số tài khoản của bác sĩ điều trị để kịp mổ.", date_i=222)
spam(name("Thanh tra Chính phủ", "thanhtra.chinhphu.vn@gmail.com"), TO, "Quyết định thanh tra đột xuất",
 "Thanh tra Chính phủ thông báo đơn vị nằm trong danh sách thanh tra đột xuất. Để được hướng dẫn chuẩn bị hồ sơ và miễn thanh tra, đề nghị thủ trưởng đơn vị liên hệ trực tiếp đồng chí trưởng đoàn qua số 0945 332 118.", date_i=223)
spam(name("Phần mềm bản quyền", "banquyen.phanmem@gmail.com"), TO, "Key Windows, Office bản quyền giá rẻ",
 "Bán key Windows 11 Pro, Office 2021 bản quyền vĩnh viễn giá chỉ 199k, kích hoạt online, bảo hành trọn đời. Xuất hóa đơn cho cơ quan nhà nước.", date_i=224)
spam(name("Quỹ Từ thiện Ánh Dương", "quytuthien.anhduong@gmail.com"), TO, "Kêu gọi ủng hộ đồng bào lũ lụt",
 "Quỹ kêu gọi ủng hộ đồng bào miền Trung bị lũ lụt. Mọi đóng góp xin chuyển vào tài khoản cá nhân của trưởng quỹ, nội dung ghi UNG HO LU LUT. Mỗi 500k ủng hộ được tặng giấy chứng nhận.", date_i=225)
spam(name("Mobifone", "mobifone.khuyenmai@gmail.com"), TO, "Thuê bao của bạn được tặng 100GB data",
 "Thuê bao của quý khách được tặng 100GB data và 500 phút gọi miễn phí. Để kích hoạt, soạn tin theo hướng dẫn và cung cấp mã OTP nhận được cho tổng đài viên khi được gọi.", date_i=226)
spam(name("Website cá cược", "support@keonhacai.live"), TO, "Kèo thơm World Cup - nạp đầu thưởng 150%",
 "Trang kèo nhà cái uy tín, tỷ lệ cược hấp dẫn cho mọi trận đấu, thưởng nạp đầu 150%, hoàn cược thua 5%. Đăng ký qua link: keonhacai.live/dangky", date_i=227)
spam(name("Chương trình nhà ở xã hội", "nhaoxahoi.dangky@gmail.com"), TO, "Đăng ký mua nhà ở xã hội cho cán bộ",
 "Mở bán nhà ở xã hội dành cho cán bộ công chức, giá 450 triệu/căn, hỗ trợ vay 80%. Nộp tiền giữ suất 20 triệu để được ưu tiên bốc thăm, số lượng có hạn.", date_i=228)
spam(name("Apple ID", "appleid.support.vn@gmail.com"), TO, "ID Apple của bạn đã bị khóa",
 "ID Apple của bạn đã bị khóa vì lý do bảo mật. Để mở khóa, hãy xác minh thông tin thanh toán của bạn trong vòng 24 giờ: https://appleid-verify-vn.com", date_i=229)
spam(name("Cho thuê tài khoản", "thue.taikhoan.nganhang@gmail.com"), TO, "Cho thuê tài khoản ngân hàng nhận 3 triệu/tháng",
 "Cần thuê tài khoản ngân hàng chính chủ để nhận thanh toán cho shop online, trả 3 triệu mỗi tháng, không ảnh hưởng gì. Chỉ cần gửi thông tin đăng nhập và sim đăng ký.", date_i=230)

# ---- set 13: unseen ordinary mail ----
ham(name("ACB", "acb@acb.com.vn"), TO, "Sao kê tài khoản tháng 11",
 "ACB gửi quý khách sao kê tài khoản tháng 11/2026 dưới dạng tệp đính kèm được bảo vệ bằng mật khẩu là ngày sinh của quý khách.", date_i=251)
ham(name("Sở Nội vụ", "vanthu@snv.lamdong.gov.vn"), TO, "Danh sách nâng lương trước thời hạn năm 2027",
 "Sở Nội vụ gửi danh sách cán bộ, công chức được đề nghị nâng lương trước thời hạn năm 2027 để các đơn vị rà soát, phản hồi trước ngày 20/12 qua hệ thống quản lý văn bản.", date_i=252)
ham(name("Trung tâm CNTT", "cntt@stttt.lamdong.gov.vn"), TO, "Hướng dẫn đổi mật khẩu thư công vụ",
 "Từ ngày 15/12, mật khẩu thư công vụ cần có ít nhất 12 ký tự. Đồng chí tự đổi mật khẩu trong phần Cài đặt của webmail. Trung tâm không gửi đường link đổi mật khẩu và không hỏi mật khẩu qua thư hay điện thoại.", date_i=253)
ham(name("Phòng CSGT", "pc08@lamdong.gov.vn"), TO, "Thông báo kết quả xử lý vi phạm",
 "Phòng CSGT gửi danh sách phương tiện của cơ quan bị ghi nhận vi phạm qua hệ thống camera tháng 11 để đơn vị nhắc nhở lái xe. Việc nộp phạt thực hiện tại Cổng dịch vụ công quốc gia.", date_i=254)
ham(name("Con gái", "bongbong.nguyen@gmail.com"), TO, "Ba ơi gửi con tiền học thêm",
 "Ba ơi tháng này con đăng ký học thêm tiếng Anh ở trung tâm, học phí 1.800.000đ. Ba chuyển vào tài khoản của con như mọi khi nha. Con cảm ơn ba.", date_i=255)
ham(name("Điện máy Xanh", "khuyenmai@dienmayxanh.com"), TO, "Tuần lễ vàng - giảm đến 50%",
 "Tuần lễ vàng Điện máy Xanh: tivi, tủ lạnh, máy giặt giảm đến 50%, trả góp 0%, giao lắp miễn phí. Xem chi tiết tại dienmayxanh.com. Bạn nhận thư này vì đã đăng ký thành viên.", date_i=256)
ham(name("Hội Chữ thập đỏ tỉnh", "chuthapdo@lamdong.gov.vn"), TO, "Vận động ủng hộ đồng bào bị thiên tai",
 "Hội Chữ thập đỏ tỉnh đề nghị các cơ quan vận động cán bộ ủng hộ đồng bào miền Trung bị thiên tai. Tiền ủng hộ chuyển về tài khoản của Hội tại Kho bạc Nhà nước tỉnh, có thư cảm ơn và công khai danh sách.", date_i=257)
ham(name("Hồng", "hongnt.stc@gmail.com"), TO, "Chị gửi file dự toán",
 "Em ơi chị gửi em file dự toán năm 2027 của phòng, em xem giúp chị mục chi hội nghị có vượt định mức không. Chiều chị qua lấy lại.", date_i=258)
ham(name("Bệnh viện Đa khoa tỉnh", "bvdk@lamdong.gov.vn"), TO, "Lịch khám sức khỏe định kỳ cho cán bộ",
 "Bệnh viện Đa khoa tỉnh gửi lịch khám sức khỏe định kỳ năm 2026 cho cán bộ Sở Tài chính vào sáng thứ Ba và thứ Tư tuần sau, đề nghị nhịn ăn sáng để xét nghiệm máu.", date_i=259)
ham(name("Shopee", "info@mail.shopee.vn"), TO, "Sale 12.12 - mã giảm 50%",
 "Siêu sale 12.12 trên Shopee: mã giảm 50% cho đơn đầu tiên, miễn phí vận chuyển toàn quốc, hoàn xu 15%. Mở ứng dụng để lưu mã. Hủy nhận email trong phần cài đặt.", date_i=260)
ham(name("VietinBank", "thongbao@vietinbank.vn"), TO, "Cảnh báo: giả mạo nhân viên ngân hàng",
 "VietinBank cảnh báo tình trạng đối tượng giả mạo nhân viên ngân hàng gọi điện yêu cầu khách hàng cài ứng dụng lạ, cung cấp mã OTP. VietinBank không bao giờ yêu cầu khách hàng cung cấp mã OTP hay mật khẩu.", date_i=261)
ham(name("Văn phòng UBND tỉnh", "vpubnd@lamdong.gov.vn"), TO, "Giấy mời họp trực tuyến",
 "Văn phòng UBND tỉnh kính mời lãnh đạo Sở dự họp trực tuyến về tình hình giải ngân vốn đầu tư công lúc 14h thứ Năm tại điểm cầu của Sở.", date_i=262)
ham(name("Anh Tùng", "tung.vo.kt@gmail.com"), TO, "Góp tiền mua quà cưới",
 "Cả phòng góp mỗi người 300k mua quà cưới cho em Hạnh nhé, ai chuyển khoản thì chuyển cho anh, ai đưa tiền mặt thì gửi chị Lan. Hạn thứ Sáu.", date_i=263)
ham(name("VNeID", "hotro@dichvucong.gov.vn"), TO, "Hồ sơ của bạn đã được tiếp nhận",
 "Cổng Dịch vụ công quốc gia thông báo hồ sơ cấp đổi giấy phép lái xe của bạn đã được tiếp nhận, mã hồ sơ G22.99-261203-0001. Bạn theo dõi tiến độ trong mục Quản lý hồ sơ.", date_i=264)
ham(name("Công ty Bảo hiểm Bảo Việt", "cskh@baoviet.com.vn"), TO, "Nhắc phí bảo hiểm nhân thọ",
 "Bảo Việt Nhân thọ nhắc quý khách kỳ đóng phí hợp đồng số 12345678 đến hạn ngày 15/12, số tiền 6.200.000đ. Quý khách đóng phí qua ngân hàng hoặc tại văn phòng Bảo Việt.", date_i=265)
ham(name("Nhóm phượt", "phuot.langbiang@gmail.com"), TO, "Lịch trình leo Langbiang",
 "Anh em ơi lịch trình leo Langbiang sáng Chủ nhật: 5h tập trung ở quảng trường, mang áo mưa và đồ ăn nhẹ. Chi phí chia đều khoảng 200k mỗi người.", date_i=266)
ham(name("Kho bạc Nhà nước", "kbnn@vst.gov.vn"), TO, "Thông báo khóa sổ kế toán cuối năm",
 "Kho bạc Nhà nước tỉnh thông báo thời hạn chi ngân sách và khóa sổ kế toán cuối năm 2026, đề nghị các đơn vị gửi hồ sơ thanh toán trước ngày 25/12.", date_i=267)
ham(name("Trường Đại học Đà Lạt", "daotao@dlu.edu.vn"), TO, "Thông báo tuyển sinh thạc sĩ",
 "Trường Đại học Đà Lạt thông báo tuyển sinh đào tạo trình độ thạc sĩ đợt 1 năm 2027, ngành Quản lý kinh tế và Kế toán. Hồ sơ nộp tại phòng Đào tạo sau đại học.", date_i=268)
ham(name("Grab", "no-reply@grab.com"), TO, "Tài khoản Grab: đăng nhập trên thiết bị mới",
 "Tài khoản Grab của bạn vừa đăng nhập trên thiết bị mới lúc 21:05. Nếu không phải bạn, hãy đổi mật khẩu trong ứng dụng Grab.", date_i=269)
ham(name("Chủ nhà", "chunha.phong12@gmail.com"), TO, "Tiền nhà tháng 12",
 "Em nhắc anh tiền nhà tháng 12 là 4 triệu, điện nước 460k, anh chuyển khoản trước ngày 5 giúp em. Cảm ơn anh.", date_i=270)
ham(name("Hội nghị khoa học", "hoinghi.kinhte@dlu.edu.vn"), TO, "Thư mời viết bài hội thảo",
 "Ban tổ chức hội thảo khoa học Kinh tế Tây Nguyên trân trọng mời anh/chị gửi bài viết trước ngày 15/01/2027. Bài được chấp nhận sẽ in trong kỷ yếu, không thu phí.", date_i=271)
ham(name("Techcombank", "alert@techcombank.com.vn"), TO, "Giao dịch thẻ thành công",
 "Thẻ tín dụng ****1234 của quý khách vừa thanh toán 1.250.000 VND tại SIEU THI GO DA LAT lúc 18:22 ngày 04/12.", date_i=272)
ham(name("Sở Tài nguyên và Môi trường", "stnmt@lamdong.gov.vn"), TO, "Góp ý dự thảo bảng giá đất",
 "Sở Tài nguyên và Môi trường gửi dự thảo bảng giá đất giai đoạn 2027-2031, đề nghị Sở Tài chính góp ý bằng văn bản trước ngày 18/12.", date_i=273)
ham(name("Bạn học cũ", "khoa.le.1985@gmail.com"), TO, "Họp lớp 20 năm",
 "Lớp mình tổ chức họp lớp 20 năm vào 10/01 ở Đà Lạt, mỗi bạn đóng 1 triệu gồm ăn uống và quà cho thầy cô. Bạn xác nhận tham gia trước 25/12 nhé.", date_i=274)
ham(name("FPT Telecom", "hotro@fpt.com"), TO, "Lịch bảo trì đường truyền",
 "FPT Telecom thông báo bảo trì hạ tầng khu vực phường 1 từ 1h đến 4h ngày 09/12, dịch vụ Internet có thể gián đoạn. Xin lỗi quý khách vì sự bất tiện.", date_i=275)
ham(name("Tạp chí Tài chính", "toasoan@tapchitaichinh.vn"), TO, "Mời viết bài số Tết",
 "Tòa soạn Tạp chí Tài chính mời các chuyên gia viết bài cho số Tết 2027 về chính sách tài khóa, nhuận bút theo quy định. Bài gửi trước ngày 20/12.", date_i=276)
ham(name("Phòng khám Răng", "nhakhoa.dalat@gmail.com"), TO, "Nhắc lịch tái khám",
 "Nha khoa nhắc anh lịch tái khám răng lúc 17h thứ Hai 14/12. Nếu cần đổi lịch anh gọi số phòng khám giúp em.", date_i=277)
ham(name("Ngân hàng Chính sách xã hội", "nhcsxh@vbsp.org.vn"), TO, "Thông báo giải ngân vốn vay hộ nghèo",
 "Ngân hàng Chính sách xã hội huyện thông báo lịch giải ngân vốn vay hộ nghèo, hộ cận nghèo tại các điểm giao dịch xã trong tháng 12. Đề nghị UBND xã thông báo đến các tổ tiết kiệm và vay vốn.", date_i=278)
ham(name("Công an phường", "congan.p1@lamdong.gov.vn"), TO, "Thông báo thu hồi căn cước cũ",
 "Công an phường 1 thông báo người dân đã được cấp căn cước mới nộp lại căn cước cũ tại trụ sở công an phường trong giờ hành chính. Công an không yêu cầu chuyển tiền hay cài ứng dụng qua điện thoại.", date_i=279)
ham(name("Thư viện tỉnh", "thuvien@lamdong.gov.vn"), TO, "Ngày hội đọc sách",
 "Thư viện tỉnh tổ chức Ngày hội đọc sách cuối tuần này, có trưng bày sách quý và giao lưu tác giả. Kính mời cán bộ và gia đình tham dự.", date_i=280)

# ---- set 14 (written and scanned before the rules saw it: 18 of 30 caught, none of its 25 ordinary
# mails tagged; its misses' words then added, and extortion as a kind) ----
spam(name("Trung tâm Tên miền VN", "tenmien.giahan@vnnic-support.com"), TO, "Tên miền lamdong.gov.vn sắp hết hạn",
 "Tên miền của quý cơ quan sẽ hết hạn sau 3 ngày. Để tránh gián đoạn website và thư điện tử, đề nghị thanh toán phí duy trì 4.800.000đ theo hướng dẫn tại https://vnnic-support.com/giahan trước ngày 10/12.", date_i=301)
spam(name("Tôi biết bí mật của bạn", "anonymous.hacker@protonmail.com"), TO, "Tôi đã truy cập máy tính của bạn",
 "Tôi đã cài phần mềm vào máy tính của bạn và ghi lại video khi bạn xem các trang web người lớn. Nếu không muốn video này gửi đến đồng nghiệp và gia đình, hãy chuyển 1.500 USD bằng Bitcoin vào ví dưới đây trong 48 giờ. Đừng báo công an.", date_i=302)
spam(name("Nhà xuất bản Pháp luật", "sachphapluat.coquan@gmail.com"), TO, "Phát hành sách Hệ thống văn bản pháp luật mới nhất 2027",
 "Kính gửi Thủ trưởng cơ quan,\nNhà xuất bản phát hành cuốn sách Hệ thống văn bản pháp luật về tài chính, kế toán năm 2027, khổ lớn, bìa cứng mạ vàng, giá 395.000đ/cuốn. Sách được phép thanh toán từ kinh phí cơ quan. Đăng ký mua xin gọi 0978 221 556, giao sách tận nơi.", date_i=303)
spam(name("Ban tổ chức Hội nghị", "hoinghi.toanquoc2027@gmail.com"), TO, "Thư mời tham dự Hội nghị toàn quốc về chuyển đổi số",
 "Trân trọng kính mời đơn vị cử đại biểu tham dự Hội nghị toàn quốc về chuyển đổi số tổ chức tại Hà Nội. Kinh phí tham dự 3.500.000đ/đại biểu, chuyển khoản trước ngày 12/12 để giữ chỗ. Đại biểu được cấp giấy chứng nhận.", date_i=304)
spam(name("Airdrop Official", "airdrop.claim@tokenvn.io"), TO, "🎁 Bạn được nhận 500 USDT miễn phí",
 "Ví của bạn đủ điều kiện nhận airdrop 500 USDT. Kết nối ví và xác nhận giao dịch để nhận token trước khi chương trình kết thúc: https://claim-tokenvn.io", date_i=305)
spam(name("Hóa đơn điện tử", "hoadon.dientu.vn@gmail.com"), TO, "Thông báo phát hành hóa đơn điện tử số 0001245",
 "Công ty gửi quý khách hóa đơn điện tử số 0001245. Quý khách tải hóa đơn và mã tra cứu theo đường dẫn, tệp nén có mật khẩu 1234: https://hoadon-tracuu.xyz/tai", date_i=306)
spam(name("Bộ Tài chính", "botaichinh.vanban@gmail.com"), TO, "Công văn hỏa tốc về việc rà soát tài sản công",
 "Bộ Tài chính gửi công văn hỏa tốc về việc rà soát tài sản công. Đề nghị đồng chí tải văn bản tại đường dẫn và đăng nhập bằng tài khoản thư công vụ để xem nội dung mật: http://botaichinh-vanban.online/cv", date_i=307)
spam(name("Sim số đẹp", "simsodep.gia.re@gmail.com"), TO, "Sim số đẹp tứ quý, thần tài giá gốc",
 "Kho sim số đẹp: tứ quý, lộc phát, thần tài, năm sinh, giá gốc từ 500k. Đăng ký chính chủ miễn phí, giao sim tận nơi toàn quốc. Xem kho sim: simsodep247.vn", date_i=308)
spam(name("Tập huấn nghiệp vụ", "taphuan.ketoan.hcsn@gmail.com"), TO, "Mở lớp tập huấn kế toán hành chính sự nghiệp",
 "Viện đào tạo mở lớp tập huấn kế toán hành chính sự nghiệp, cấp chứng chỉ có giá trị toàn quốc. Học phí 2.800.000đ, học online 3 buổi, đơn vị chuyển khoản đăng ký trước ngày 15/12.", date_i=309)
spam(name("Thi tuyển công chức", "ontap.congchuc@gmail.com"), TO, "Bộ đề thi công chức 2027 có đáp án - cam kết đỗ",
 "Cung cấp bộ đề thi công chức 2027 sát đề thi thật, có đáp án chi tiết, cam kết đỗ hoặc hoàn tiền. Hỗ trợ hồ sơ xét tuyển, chạy điểm phỏng vấn. Liên hệ Zalo 0356 447 880.", date_i=310)
spam(name("Xe cũ giá rẻ", "oto.thanhly.nganhang@gmail.com"), TO, "Ngân hàng thanh lý xe ô tô giá rẻ",
 "Ngân hàng thanh lý xe ô tô thu hồi nợ, giá chỉ từ 150 triệu, hỗ trợ sang tên. Đặt cọc 10 triệu để xem xe và giữ xe trước. Danh sách xe gửi qua Zalo.", date_i=311)
spam(name("Bảo hiểm nhân thọ", "tuvan.baohiem.vip@gmail.com"), TO, "Gói bảo hiểm đầu tư sinh lời 12%/năm",
 "Gói bảo hiểm kết hợp đầu tư cam kết sinh lời 12% mỗi năm, rút tiền linh hoạt, bảo vệ cả gia đình. Chỉ từ 10 triệu/năm. Chuyên viên sẽ tư vấn miễn phí tại nhà, để lại số điện thoại.", date_i=312)
spam(name("Hỗ trợ khách hàng Facebook", "meta.support.vn@gmail.com"), TO, "Trang Facebook của bạn sẽ bị xóa",
 "Trang Facebook của bạn bị báo cáo vi phạm bản quyền và sẽ bị xóa vĩnh viễn sau 24 giờ. Nếu đây là nhầm lẫn, hãy gửi kháng nghị tại https://meta-appeal-center.com và đăng nhập để xác nhận quyền quản trị.", date_i=313)
spam(name("Chuyên gia phong thủy", "thay.phongthuy.online@gmail.com"), TO, "Giải hạn đầu năm, cầu tài lộc",
 "Thầy nhận xem tử vi, giải hạn sao xấu đầu năm, cúng cầu tài lộc thăng tiến cho cán bộ. Lễ phí tùy tâm từ 2 triệu, chuyển khoản trước để thầy sắm lễ. Bảo mật thông tin tuyệt đối.", date_i=314)
spam(name("Vé concert", "ve.concert.sale@gmail.com"), TO, "Pass vé concert giá gốc",
 "Mình cần pass gấp 2 vé concert hạng VIP giá gốc 4 triệu/vé vì có việc bận. Bạn chuyển khoản cọc 50% mình gửi mã QR vé ngay qua email.", date_i=315)
spam(name("Giao hàng nhanh", "ghn.thongbao@giaohangnhanh-vn.top"), TO, "Đơn hàng COD đang chờ xác nhận",
 "Bạn có một đơn hàng COD trị giá 1.290.000đ đang chờ xác nhận. Nếu không đặt đơn này, nhấn hủy đơn tại link để tránh bị trừ tiền: https://giaohangnhanh-vn.top/huy", date_i=316)
spam(name("Cục Quản lý xuất nhập cảnh", "xuatnhapcanh.visa@gmail.com"), TO, "Hồ sơ hộ chiếu của bạn cần bổ sung",
 "Hồ sơ cấp hộ chiếu phổ thông của bạn cần bổ sung lệ phí chênh lệch 400.000đ. Vui lòng nộp trong ngày qua đường dẫn http://hochieu-online.site để không bị hủy hồ sơ.", date_i=317)
spam(name("Cho vay sinh viên", "vaysinhvien.uudai@gmail.com"), TO, "Vay sinh viên không lãi 3 tháng đầu",
 "Sinh viên cần tiền đóng học phí? Vay đến 20 triệu chỉ bằng thẻ sinh viên, không lãi 3 tháng đầu, không cần bố mẹ bảo lãnh. Nhận tiền sau 1 giờ. Inbox fanpage hoặc gọi 0962 115 889.", date_i=318)
spam(name("Dự án Vinhomes", "batdongsan.vip.ld@gmail.com"), TO, "Căn hộ view hồ Xuân Hương chỉ 1,2 tỷ",
 "Mở bán đợt 1 căn hộ cao cấp view hồ, giá chỉ 1,2 tỷ/căn, chiết khấu 10%, ngân hàng cho vay 70%, cam kết thuê lại 8%/năm. Số lượng có hạn, đặt chỗ ngay 50 triệu hoàn lại nếu không mua.", date_i=319)
spam(name("Quỹ hỗ trợ khởi nghiệp", "quykhoinghiep.vn@gmail.com"), TO, "Hồ sơ nhận tài trợ 200 triệu đã được duyệt",
 "Dự án của bạn đã được chọn nhận tài trợ không hoàn lại 200 triệu đồng từ Quỹ hỗ trợ khởi nghiệp quốc gia. Để giải ngân, vui lòng nộp phí thẩm định hồ sơ 3.000.000đ trong 3 ngày.", date_i=320)
spam(name("Ngân hàng MB", "mbbank.uudai@mbbank-khuyenmai.com"), TO, "Nâng hạn mức thẻ tín dụng lên 100 triệu",
 "Quý khách đủ điều kiện nâng hạn mức thẻ tín dụng lên 100 triệu. Điền thông tin thẻ gồm số thẻ, ngày hết hạn và mã CVV tại https://mbbank-khuyenmai.com để được duyệt ngay.", date_i=321)
spam(name("Linh", "linh.nguyen.9x@gmail.com"), TO, "Chào anh, làm quen nhé",
 "Chào anh, em là Linh, kỹ sư tài chính ở Singapore. Em thấy hồ sơ của anh và muốn làm quen. Em đang có mã đầu tư ngoại hối lợi nhuận rất tốt, anh thử với em số vốn nhỏ nhé, em hướng dẫn.", date_i=322)
spam(name("Nhà thuốc online", "thuocnam.giatruyen@gmail.com"), TO, "Bài thuốc gia truyền chữa dứt điểm tiểu đường",
 "Bài thuốc nam gia truyền chữa dứt điểm tiểu đường, huyết áp sau 1 liệu trình, không tái phát. Hàng ngàn người đã khỏi bệnh. Đặt thuốc giao tận nhà, thanh toán khi nhận.", date_i=323)
spam(name("Trúng tuyển", "thongbao.trungtuyen.2027@gmail.com"), TO, "Con bạn đã trúng tuyển chương trình trao đổi",
 "Chúc mừng con của anh/chị đã trúng tuyển chương trình trao đổi học sinh tại Úc, học bổng toàn phần. Phụ huynh vui lòng nộp phí hồ sơ visa 12 triệu trong tuần để giữ suất.", date_i=324)
spam(name("Kiem tien online", "kiemtien.moingay.vn@gmail.com"), TO, "Kiem 1-2 trieu moi ngay tai nha",
 "Chi can dien thoai co mang, moi ngay lam 1 gio kiem 1-2 trieu. Khong can von, khong can kinh nghiem. Nhan tin Zalo 0389 552 117 de duoc huong dan.", date_i=325)
spam(name("Ủy ban Chứng khoán", "ubck.canhbao.vn@gmail.com"), TO, "Tài khoản chứng khoán của bạn bị đóng băng",
 "Tài khoản chứng khoán của bạn bị đóng băng do nghi ngờ thao túng giá. Để giải tỏa, bạn phải nộp khoản bảo đảm 20 triệu vào tài khoản của Ủy ban và cung cấp thông tin xác minh trong 24 giờ.", date_i=326)
spam(name("Khuyến mãi Viettel", "viettel.tichdiem@gmail.com"), TO, "Điểm Viettel++ của bạn sắp hết hạn",
 "Bạn có 25.000 điểm Viettel++ sắp hết hạn vào 31/12. Đổi ngay điểm lấy quà giá trị tại trang đổi quà, đăng nhập bằng số điện thoại và mã OTP: https://viettelplus-doiqua.com", date_i=327)
spam(name("Nha khoa", "nhakhoa.uudai.2027@gmail.com"), TO, "Niềng răng trả góp 0 đồng",
 "Niềng răng mắc cài, trồng răng implant trả góp 0%, ưu đãi đến 50% cho khách đăng ký tháng này. Tặng gói cạo vôi răng miễn phí. Đặt lịch: 0902 334 118.", date_i=328)
spam(name("Tuyển sinh văn bằng 2", "vanbang2.online@gmail.com"), TO, "Văn bằng 2 đại học online, không cần đến lớp",
 "Tuyển sinh văn bằng 2 đại học hệ từ xa, học online, không cần đến lớp, thi online, bằng được Bộ công nhận. Học phí trọn gói 25 triệu, tốt nghiệp sau 18 tháng.", date_i=329)
spam(name("Bảo hiểm xe máy", "baohiem.xemay.online@gmail.com"), TO, "Bảo hiểm xe máy bắt buộc chỉ 30K",
 "Mua bảo hiểm xe máy bắt buộc online chỉ 30K, tránh bị CSGT phạt. Thanh toán qua chuyển khoản, nhận giấy chứng nhận qua email trong 5 phút.", date_i=330)

# ---- set 14: unseen ordinary mail ----
ham(name("VNNIC", "thongbao@vnnic.vn"), TO, "Thông báo về phí duy trì tên miền .vn năm 2027",
 "Trung tâm Internet Việt Nam thông báo biểu phí duy trì tên miền .vn năm 2027 không thay đổi. Chủ thể tên miền thực hiện gia hạn qua nhà đăng ký tên miền của mình.", date_i=351)
ham(name("Sở Tài chính", "vanthu@stc.lamdong.gov.vn"), TO, "Hướng dẫn rà soát tài sản công năm 2026",
 "Sở Tài chính hướng dẫn các đơn vị rà soát, báo cáo tài sản công năm 2026 theo mẫu đính kèm, gửi về Sở trước ngày 31/12 qua hệ thống quản lý văn bản điều hành.", date_i=352)
ham(name("Học viện Hành chính", "daotao@napa.vn"), TO, "Chiêu sinh lớp bồi dưỡng quản lý nhà nước",
 "Học viện Hành chính Quốc gia thông báo chiêu sinh lớp bồi dưỡng kiến thức quản lý nhà nước ngạch chuyên viên chính, khai giảng tháng 3/2027. Cơ quan cử cán bộ theo kế hoạch đào tạo.", date_i=353)
ham(name("Anh Khánh", "khanh.dq@gmail.com"), TO, "Vé xem bóng đá",
 "Trí ơi anh có dư 2 vé xem đội tuyển đá ở Mỹ Đình tháng sau, em có đi không, anh để lại giá gốc. Nhắn anh trước thứ Sáu nhé.", date_i=354)
ham(name("Giao Hàng Nhanh", "no-reply@ghn.vn"), TO, "Đơn hàng đang được giao",
 "Đơn hàng GHN 5PVT8X3 của bạn đang được giao, dự kiến đến trong hôm nay. Tài xế sẽ gọi trước khi đến. Theo dõi đơn trên ứng dụng GHN.", date_i=355)
ham(name("Ngân hàng MB", "mbbank@mbbank.com.vn"), TO, "Thông báo thay đổi điều khoản dịch vụ thẻ",
 "MB thông báo điều chỉnh điều khoản sử dụng thẻ tín dụng có hiệu lực từ 01/01/2027. Chi tiết xem tại mbbank.com.vn. MB không bao giờ yêu cầu khách hàng cung cấp mã OTP, số CVV qua điện thoại hay email.", date_i=356)
ham(name("Chị Ngọc", "ngocpt.snv@gmail.com"), TO, "Nhờ em xem hồ sơ thi nâng ngạch",
 "Em Trí, chị gửi hồ sơ thi nâng ngạch chuyên viên chính, em xem giúp chị phần bản nhận xét đã đúng mẫu chưa. Hạn nộp thứ Hai tuần sau.", date_i=357)
ham(name("Sở Thông tin và Truyền thông", "stttt@lamdong.gov.vn"), TO, "Giấy mời hội nghị chuyển đổi số",
 "Sở Thông tin và Truyền thông kính mời lãnh đạo Sở Tài chính dự hội nghị sơ kết chuyển đổi số năm 2026 lúc 8h ngày 16/12 tại hội trường Tỉnh ủy. Không thu kinh phí.", date_i=358)
ham(name("Nhà sách Fahasa", "ecommerce@fahasa.com"), TO, "Đơn hàng sách đã xác nhận",
 "Fahasa xác nhận đơn hàng gồm 3 cuốn sách, tổng 415.000đ, thanh toán khi nhận hàng. Dự kiến giao trong 3-5 ngày.", date_i=359)
ham(name("Bệnh viện Nhi", "khambenh@bvnhi.vn"), TO, "Kết quả xét nghiệm",
 "Bệnh viện gửi phụ huynh kết quả xét nghiệm máu của bé. Các chỉ số trong giới hạn bình thường. Phụ huynh đưa bé tái khám theo lịch hẹn.", date_i=360)
ham(name("Hội phụ huynh", "hoiphuhuynh.10a2@gmail.com"), TO, "Quỹ lớp học kỳ II",
 "Ban đại diện cha mẹ học sinh lớp 10A2 thông báo mức đóng quỹ lớp học kỳ II là 300.000đ, phụ huynh chuyển khoản cho chị thủ quỹ hoặc nộp trong buổi họp. Chi tiêu sẽ công khai cuối kỳ.", date_i=361)
ham(name("Cổng dịch vụ công", "no-reply@dichvucong.gov.vn"), TO, "Hồ sơ hộ chiếu đã có kết quả",
 "Hồ sơ đề nghị cấp hộ chiếu của bạn đã có kết quả. Bạn đến nhận tại Phòng Quản lý xuất nhập cảnh Công an tỉnh hoặc nhận qua bưu điện theo đăng ký.", date_i=362)
ham(name("Phòng Kế hoạch", "khtc@stc.lamdong.gov.vn"), TO, "Đăng ký nhu cầu tập huấn năm 2027",
 "Đề nghị các phòng đăng ký nhu cầu tập huấn, bồi dưỡng chuyên môn năm 2027 để Sở tổng hợp kế hoạch, gửi trước ngày 20/12.", date_i=363)
ham(name("Agoda", "no-reply@agoda.com"), TO, "Xác nhận đặt phòng",
 "Đặt phòng của bạn tại Đà Nẵng từ 24/12 đến 26/12 đã được xác nhận. Mã đặt phòng 987654321. Bạn có thể hủy miễn phí trước ngày 20/12.", date_i=364)
ham(name("Đoàn Thanh niên", "doanthanhnien.stc@gmail.com"), TO, "Hiến máu tình nguyện",
 "Đoàn cơ sở tổ chức hiến máu tình nguyện sáng thứ Bảy tại Hội trường Sở. Đoàn viên đăng ký danh sách với đồng chí Bí thư trước thứ Năm.", date_i=365)
ham(name("Bảo hiểm PVI", "cskh@pvi.com.vn"), TO, "Giấy chứng nhận bảo hiểm xe máy điện tử",
 "PVI gửi quý khách giấy chứng nhận bảo hiểm bắt buộc trách nhiệm dân sự xe máy điện tử, hiệu lực 1 năm. Quý khách lưu giấy chứng nhận trên điện thoại để xuất trình khi cần.", date_i=366)
ham(name("Em Tâm", "tam.le.dl@gmail.com"), TO, "Cảm ơn anh",
 "Anh Trí, em cảm ơn anh đã giúp em sửa báo cáo hôm qua, sếp duyệt rồi. Cuối tuần em mời anh cà phê nha.", date_i=367)
ham(name("Viettel", "viettelplus@viettel.com.vn"), TO, "Ưu đãi tháng 12 cho hội viên Viettel++",
 "Hội viên Viettel++ được đổi điểm lấy voucher ăn uống, mua sắm trong tháng 12. Mở ứng dụng My Viettel để đổi điểm. Viettel không gửi đường link yêu cầu nhập mã OTP.", date_i=368)
ham(name("Quỹ Bảo vệ môi trường", "quymoitruong@lamdong.gov.vn"), TO, "Kết quả xét duyệt hồ sơ vay vốn",
 "Quỹ Bảo vệ môi trường tỉnh thông báo kết quả xét duyệt hồ sơ vay vốn ưu đãi đợt 2/2026. Danh sách dự án được duyệt đính kèm văn bản, đề nghị chủ đầu tư liên hệ Quỹ để ký hợp đồng.", date_i=369)
ham(name("Trường Tiểu học", "thtranphu@lamdong.edu.vn"), TO, "Thông báo nộp các khoản thu",
 "Nhà trường thông báo phụ huynh nộp tiền bán trú tháng 1 qua chuyển khoản vào tài khoản của trường, ghi rõ họ tên và lớp của học sinh.", date_i=370)
ham(name("Cục Thuế", "hotro@gdt.gov.vn"), TO, "Kết quả giải quyết hoàn thuế",
 "Cơ quan thuế thông báo kết quả giải quyết hồ sơ hoàn thuế thu nhập cá nhân của người nộp thuế. Số tiền hoàn được chuyển vào tài khoản đã đăng ký trong hồ sơ.", date_i=371)
ham(name("Thanh tra tỉnh", "thanhtra@lamdong.gov.vn"), TO, "Kế hoạch thanh tra năm 2027",
 "Thanh tra tỉnh gửi kế hoạch thanh tra năm 2027 đã được UBND tỉnh phê duyệt để các đơn vị biết, chuẩn bị hồ sơ theo lịch.", date_i=372)
ham(name("Cô Hạnh", "hanhnt.gv@gmail.com"), TO, "Lịch thi học kỳ",
 "Phụ huynh lưu ý lịch thi học kỳ I của lớp từ 18/12 đến 23/12. Các em ôn tập theo đề cương cô đã gửi.", date_i=373)
ham(name("Shopee", "info@mail.shopee.vn"), TO, "Voucher dành riêng cho bạn",
 "Bạn có voucher giảm 30K cho đơn từ 150K, hạn dùng đến 15/12. Mở ứng dụng Shopee để sử dụng.", date_i=374)
ham(name("Bạn Hùng", "hungpham.dl@gmail.com"), TO, "Hỏi mượn sách",
 "Ông có cuốn Luật Ngân sách nhà nước bản mới không, cho tôi mượn tuần này để ôn thi. Cuối tuần tôi trả.", date_i=375)

# ---- set 15 (written and scanned before the rules and the shipped model saw it: 26 of 30 caught,
# 1 of its 30 ordinary mails tagged, a carrier's notice that it never calls for a code; that
# negation then read as a warning) ----
spam(name("Kho bạc Nhà nước", "kbnn.thongbao.2027@gmail.com"), TO, "Thông báo từ chối thanh toán hồ sơ chi",
 "Kho bạc thông báo hồ sơ đề nghị thanh toán của đơn vị bị từ chối do sai mẫu chữ ký. Kế toán đơn vị tải mẫu mới và đăng nhập dịch vụ công trực tuyến Kho bạc để ký lại trước 15h: http://dvc-khobac.online/kyso", date_i=401)
spam(name("Hỗ trợ kỹ thuật Microsoft", "microsoft365.admin.vn@outlook.com"), TO, "Giấy phép Office 365 của cơ quan hết hạn",
 "Giấy phép Microsoft 365 của cơ quan đã hết hạn. Toàn bộ email và tài liệu sẽ bị khóa sau 48 giờ. Quản trị viên vui lòng gia hạn tại cổng quản trị và xác minh tài khoản: https://office365-renew.center", date_i=402)
spam(name("Ngân hàng Nhà nước", "nhnn.kiemtra@gmail.com"), TO, "Rà soát tài khoản nhận tiền bất thường",
 "Ngân hàng Nhà nước đang rà soát các tài khoản nhận tiền bất thường. Tài khoản của quý vị có dấu hiệu liên quan, đề nghị chuyển toàn bộ số dư sang tài khoản giám sát do cán bộ cung cấp để kiểm tra nguồn gốc, sau 3 ngày sẽ hoàn trả.", date_i=403)
spam(name("Quà tặng Tết", "quatet.congdoan@gmail.com"), TO, "Công đoàn tặng quà Tết cho đoàn viên",
 "Công đoàn ngành tặng quà Tết trị giá 2 triệu đồng cho đoàn viên. Để nhận quà, đoàn viên đăng ký qua đường link, điền số tài khoản và mã OTP xác nhận: https://quatet-congdoan.site", date_i=404)
spam(name("Tín dụng đen", "vaytien.trongngay.ld@gmail.com"), TO, "Cho vay tiền mặt tại nhà Đà Lạt",
 "Cho vay tiền mặt tại nhà khu vực Đà Lạt, Bảo Lộc: từ 5 đến 100 triệu, không cần chứng minh thu nhập, góp theo ngày. Nhân viên đến tận nơi làm hồ sơ. Gọi 0939 447 221.", date_i=405)
spam(name("Casino trực tuyến", "vip@royalcasino88.net"), TO, "Sòng bài trực tuyến - tặng 500K không cần nạp",
 "Trải nghiệm baccarat, roulette, blackjack với dealer xinh đẹp trực tiếp. Tặng 500K không cần nạp cho thành viên mới, rút tiền 24/7. Đăng ký ngay tại royalcasino88.net", date_i=406)
spam(name("Ví điện tử", "vnpay.hoantien@gmail.com"), TO, "Bạn được hoàn tiền 1.200.000đ",
 "Giao dịch thanh toán của bạn được hoàn 1.200.000đ do hệ thống trừ tiền hai lần. Để nhận lại, vui lòng nhập số thẻ ngân hàng và mã OTP vào biểu mẫu hoàn tiền: https://vnpay-hoantien.co", date_i=407)
spam(name("Đại sứ quán", "embassy.visa.support@gmail.com"), TO, "Visa du lịch Mỹ bao đậu",
 "Dịch vụ làm visa du lịch Mỹ, Canada, Úc bao đậu 100%, không cần phỏng vấn, không chứng minh tài chính. Phí dịch vụ trọn gói 45 triệu, đặt cọc 50% để nộp hồ sơ.", date_i=408)
spam(name("Anh Quang Giám đốc", "quang.giamdoc.stc@gmail.com"), TO, "Gấp",
 "Em đang làm gì đấy? Anh cần em hỗ trợ một việc gấp và kín đáo. Em trả lời email này ngay nhé, anh không nghe điện thoại được.", date_i=409)
spam(name("Đầu tư đất nền", "datnen.baoloc.vip@gmail.com"), TO, "Đất nền Bảo Lộc sổ sẵn - lợi nhuận 30% sau 6 tháng",
 "Cơ hội đầu tư đất nền Bảo Lộc sổ hồng riêng, giá chỉ 4 triệu/m2, cam kết mua lại sau 6 tháng với lợi nhuận 30%. Đặt cọc giữ lô chỉ 50 triệu, số lượng có hạn.", date_i=410)
spam(name("Trúng thưởng Vinamilk", "vinamilk.khuyenmai.2027@gmail.com"), TO, "Mã dự thưởng của bạn trúng giải nhất",
 "Mã dự thưởng trên hộp sữa của quý khách đã trúng giải nhất: 1 chỉ vàng 9999. Vui lòng liên hệ số 0889 221 447 để xác nhận và nộp phí chuyển phát 300.000đ.", date_i=411)
spam(name("Cảnh sát kinh tế", "pc03.dieutra@gmail.com"), TO, "Yêu cầu phối hợp điều tra",
 "Cơ quan Cảnh sát điều tra đang thụ lý vụ án lừa đảo có liên quan đến số điện thoại của ông/bà. Đề nghị ông/bà giữ bí mật, không trao đổi với ai, kết nối với cán bộ thụ lý qua Zalo 0822 117 654 để làm việc trực tuyến.", date_i=412)
spam(name("Shopee Việc Làm", "shopee.ctv.tuyen@gmail.com"), TO, "Nhận đơn hoàn tiền 20% hoa hồng",
 "Cần cộng tác viên mua hộ đơn hàng trên sàn, được hoàn lại tiền gốc cộng 20% hoa hồng ngay sau mỗi đơn. Càng nhiều đơn càng nhiều tiền, làm trên điện thoại.", date_i=413)
spam(name("Học bổng du học", "hocbong.toanphan.eu@gmail.com"), TO, "Học bổng toàn phần châu Âu 2027",
 "Trung tâm tư vấn chọn được 10 hồ sơ nhận học bổng toàn phần tại châu Âu. Bạn được xét đặc cách, chỉ cần đóng phí xét hồ sơ 5 triệu trước ngày 20/12.", date_i=414)
spam(name("Bán hàng thanh lý", "thanhly.laptop.cu@gmail.com"), TO, "Thanh lý laptop văn phòng giá rẻ",
 "Thanh lý 50 laptop văn phòng Dell, HP đời mới giá chỉ từ 3 triệu, bảo hành 6 tháng. Cơ quan mua số lượng có chiết khấu, xuất hóa đơn. Liên hệ 0918 552 447.", date_i=415)
spam(name("Thư từ Hà Lan", "maria.vandenberg@outlook.com"), TO, "Một món quà từ trái tim",
 "Tôi là Maria, góa phụ người Hà Lan, bị ung thư giai đoạn cuối. Tôi muốn tặng 2,5 triệu euro cho công việc từ thiện tại Việt Nam thông qua anh. Xin hãy trả lời để tôi gửi thông tin luật sư.", date_i=416)
spam(name("Mạng xã hội", "tiktok.creator.vn@gmail.com"), TO, "Kênh của bạn đủ điều kiện nhận tiền",
 "Kênh TikTok của bạn đủ điều kiện tham gia quỹ nhà sáng tạo, nhận 5-10 triệu mỗi tháng. Xác minh tài khoản và liên kết ngân hàng trong 24 giờ tại https://tiktok-creator-fund.info", date_i=417)
spam(name("Điện máy giá sỉ", "dienmay.giasi.kho@gmail.com"), TO, "Máy lạnh Inverter giảm 40% lắp đặt miễn phí",
 "Máy lạnh Inverter chính hãng giảm 40%, tặng công lắp đặt, bảo hành 2 năm, trả góp 0%. Số lượng có hạn, đặt hàng ngay qua hotline 1900 8899.", date_i=418)
spam(name("BHXH tỉnh", "bhxh.lamdong.tracuu@gmail.com"), TO, "Sổ BHXH của bạn có khoản tiền chưa nhận",
 "Sổ bảo hiểm xã hội của bạn có khoản tiền 8.200.000đ chưa nhận do đóng trùng. Cài ứng dụng VssID bản mới theo link để rút tiền về tài khoản: http://vssid-rutien.app", date_i=419)
spam(name("Quỹ tín dụng", "quytindung.hotro@gmail.com"), TO, "Hỗ trợ đáo hạn ngân hàng",
 "Hỗ trợ đáo hạn ngân hàng, tất toán khoản vay, rút sổ đỏ, mở thẻ tín dụng hạn mức cao. Phí thấp, giải ngân trong ngày, bảo mật thông tin.", date_i=420)
spam(name("Nhà mạng Viettel", "viettel.chuanhoa@gmail.com"), TO, "Thuê bao sẽ bị thu hồi",
 "Thuê bao của quý khách chưa chuẩn hóa thông tin chủ thuê bao và sẽ bị thu hồi sau 24h. Quý khách soạn tin theo hướng dẫn của tổng đài viên khi được gọi lại, cung cấp mã xác thực để giữ số.", date_i=421)
spam(name("Giáo viên online", "giasu.online.vn@gmail.com"), TO, "Gia sư cấp tốc cam kết đậu đại học",
 "Nhận luyện thi cấp tốc, cam kết đậu đại học top đầu, có đề thi trước kỳ thi. Học phí trọn khóa 15 triệu, đóng trước 50%.", date_i=422)
spam(name("Tiền ảo VN", "coinvn.signal@gmail.com"), TO, "Tín hiệu coin x10 tuần này",
 "Nhóm tín hiệu coin VIP: 3 kèo x10 trong tuần, chỉ cần vào lệnh theo hướng dẫn. Phí tham gia 2 triệu/tháng, thanh toán bằng USDT.", date_i=423)
spam(name("Hội doanh nhân", "hoidoanhnhan.tre.vn@gmail.com"), TO, "Mời tham gia sách vàng doanh nhân Việt Nam",
 "Ban biên tập trân trọng mời ông/bà góp mặt trong ấn phẩm Sách vàng doanh nhân Việt Nam 2027. Phí đăng bài và ảnh chân dung 8.500.000đ, kèm cúp và bằng chứng nhận.", date_i=424)
spam(name("Lazada", "lazada.quatang.vn@gmail.com"), TO, "Tri ân khách hàng: nhận robot hút bụi 0đ",
 "Lazada tri ân khách hàng thân thiết: nhận robot hút bụi giá 0đ, chỉ trả phí vận chuyển 199.000đ. Điền thông tin nhận quà tại link trong 24 giờ.", date_i=425)
spam(name("Mai mối", "ketban.hennho.vn@gmail.com"), TO, "Có người muốn làm quen với bạn",
 "Một thành viên nữ đã thích hồ sơ của bạn. Nâng cấp tài khoản VIP chỉ 199k để xem ảnh và nhắn tin trực tiếp. Ưu đãi chỉ hôm nay.", date_i=426)
spam(name("Phòng Giáo dục", "pgd.thongbao.hocphi@gmail.com"), TO, "Thông báo hoàn học phí cho phụ huynh",
 "Phòng Giáo dục thông báo hoàn trả học phí học kỳ I theo chính sách miễn giảm. Phụ huynh cung cấp tên học sinh, số tài khoản và mã OTP gửi về điện thoại để nhận tiền trong ngày.", date_i=427)
spam(name("Dịch vụ hút hầm cầu", "hutham.cau.gia.re@gmail.com"), TO, "Hút hầm cầu, thông tắc cống giá rẻ 24/7",
 "Dịch vụ hút hầm cầu, thông tắc cống, xử lý mùi hôi giá rẻ, có mặt sau 30 phút, bảo hành 12 tháng. Gọi ngay 0905 118 226.", date_i=428)
spam(name("Anh Bảy", "bay.nguyen.kinhdoanh@gmail.com"), TO, "Cơ hội hợp tác",
 "Chào anh, bên em có lô hàng gỗ quý cần người đứng tên hợp đồng, anh chỉ cần ký và nhận 5% giá trị, không phải bỏ vốn. Anh quan tâm thì nhắn em số điện thoại nhé.", date_i=429)
spam(name("Vé số Vietlott", "vietlott.online.vn@gmail.com"), TO, "Mua Vietlott online trúng jackpot",
 "Mua vé Vietlott online qua Zalo, trúng jackpot nhận tiền qua tài khoản trong 1 giờ. Chuyển khoản trước, nhận ảnh vé ngay. Zalo 0376 889 112.", date_i=430)

# ---- set 15: unseen ordinary mail ----
ham(name("Kho bạc Nhà nước tỉnh", "kbnn.lamdong@vst.gov.vn"), TO, "Hướng dẫn thanh toán cuối năm",
 "Kho bạc Nhà nước tỉnh hướng dẫn các đơn vị sử dụng ngân sách gửi hồ sơ thanh toán qua Dịch vụ công trực tuyến Kho bạc trước ngày 31/12. Đơn vị đăng nhập bằng tài khoản đã được cấp.", date_i=451)
ham(name("Microsoft", "no-reply@microsoft.com"), TO, "Your Microsoft account security info",
 "Xin chào, bạn vừa thêm số điện thoại khôi phục vào tài khoản Microsoft. Nếu không phải bạn, hãy xem lại hoạt động đăng nhập trong tài khoản.", date_i=452)
ham(name("Công đoàn Sở", "congdoan@stc.lamdong.gov.vn"), TO, "Danh sách nhận quà Tết đoàn viên",
 "Ban Chấp hành Công đoàn gửi danh sách đoàn viên nhận quà Tết năm 2027, mỗi suất 1 triệu đồng, phát tại văn phòng công đoàn ngày 20/01. Đoàn viên ký nhận khi lấy quà.", date_i=453)
ham(name("Ngân hàng Chính sách xã hội", "pgd.dalat@vbsp.org.vn"), TO, "Lịch thu nợ, thu lãi tháng 12",
 "Phòng giao dịch thông báo lịch thu nợ, thu lãi tiền vay tháng 12 tại các điểm giao dịch phường. Đề nghị các tổ tiết kiệm và vay vốn thông báo cho tổ viên.", date_i=454)
ham(name("Anh Hưng", "hung.trinh.dl@gmail.com"), TO, "Bán xe cũ",
 "Trí ơi anh bán con xe máy cũ giá 12 triệu, giấy tờ đầy đủ chính chủ. Em biết ai cần thì giới thiệu anh nhé.", date_i=455)
ham(name("Đảng ủy", "dangu@stc.lamdong.gov.vn"), TO, "Kế hoạch kiểm điểm cuối năm",
 "Đảng ủy Sở gửi kế hoạch kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm 2026. Các chi bộ tổ chức họp trước ngày 25/12.", date_i=456)
ham(name("Vinamilk", "cskh@vinamilk.com.vn"), TO, "Kết quả chương trình khuyến mãi",
 "Vinamilk công bố kết quả chương trình khuyến mãi tháng 11 trên website vinamilk.com.vn. Khách hàng trúng giải được liên hệ qua số điện thoại đã đăng ký, Vinamilk không thu bất kỳ khoản phí nào.", date_i=457)
ham(name("Trung tâm Hành chính công", "hcc@lamdong.gov.vn"), TO, "Khảo sát mức độ hài lòng",
 "Trung tâm Phục vụ hành chính công tỉnh mời anh/chị tham gia khảo sát mức độ hài lòng về thủ tục đã thực hiện, thời gian khoảng 3 phút, không thu thập thông tin cá nhân.", date_i=458)
ham(name("Chị Vân", "van.tran.stc@gmail.com"), TO, "Mượn máy chiếu",
 "Em ơi chiều mai phòng chị họp với đoàn kiểm tra, em cho chị mượn máy chiếu của phòng em nhé. Chị trả trước 5h.", date_i=459)
ham(name("Cửa hàng Điện máy Chợ Lớn", "cskh@dienmaycholon.vn"), TO, "Phiếu bảo hành điện tử",
 "Cảm ơn quý khách đã mua máy lạnh tại Điện máy Chợ Lớn. Phiếu bảo hành điện tử của sản phẩm có hiệu lực 24 tháng. Tổng đài bảo hành 1900 2628.", date_i=460)
ham(name("Trường THPT Trần Phú", "thpt.tranphu@lamdong.edu.vn"), TO, "Thông báo học phí học kỳ II",
 "Nhà trường thông báo mức thu học phí học kỳ II năm học 2026-2027 theo nghị quyết của HĐND tỉnh. Phụ huynh nộp qua tài khoản của trường hoặc tại phòng kế toán.", date_i=461)
ham(name("Sở Giáo dục", "sgddt@lamdong.gov.vn"), TO, "Công văn về miễn giảm học phí",
 "Sở Giáo dục và Đào tạo hướng dẫn thực hiện chính sách miễn, giảm học phí năm học 2026-2027. Các cơ sở giáo dục lập danh sách và chi trả trực tiếp cho người học.", date_i=462)
ham(name("Báo Tuổi Trẻ", "newsletter@tuoitre.vn"), TO, "Tin nổi bật sáng nay",
 "Tin nổi bật: Quốc hội thông qua luật mới; giá vàng giảm; thời tiết miền Bắc chuyển rét. Bạn nhận bản tin vì đã đăng ký trên tuoitre.vn.", date_i=463)
ham(name("Anh Thắng", "thang.vo.xd@gmail.com"), TO, "Báo giá sửa mái nhà",
 "Anh Trí, em gửi báo giá thay tôn và sửa máng xối: vật tư 18 triệu, nhân công 6 triệu, làm trong 3 ngày. Anh đồng ý thì em lên lịch.", date_i=464)
ham(name("TikTok", "noreply@tiktok.com"), TO, "Mã xác minh của bạn",
 "Mã xác minh TikTok của bạn là 482913. Mã có hiệu lực trong 5 phút. Không chia sẻ mã này với bất kỳ ai.", date_i=465)
ham(name("Phòng Tài chính - Kế hoạch", "tckh@dalat.lamdong.gov.vn"), TO, "Báo cáo quyết toán năm",
 "Phòng Tài chính - Kế hoạch thành phố gửi báo cáo quyết toán ngân sách năm 2025 để Sở tổng hợp, có gì vướng mắc xin liên hệ chuyên viên phụ trách.", date_i=466)
ham(name("Hội Nông dân", "hoinongdan.xa@gmail.com"), TO, "Tập huấn kỹ thuật trồng cà phê",
 "Hội Nông dân xã tổ chức tập huấn kỹ thuật trồng và chăm sóc cà phê sáng thứ Năm tại nhà văn hóa thôn, không thu phí, có hỗ trợ tài liệu.", date_i=467)
ham(name("Viettel", "chuanhoa@viettel.com.vn"), TO, "Hướng dẫn chuẩn hóa thông tin thuê bao",
 "Viettel hướng dẫn khách hàng chuẩn hóa thông tin thuê bao qua ứng dụng My Viettel hoặc tại cửa hàng. Viettel không gọi điện yêu cầu cung cấp mã xác thực.", date_i=468)
ham(name("Cô giáo chủ nhiệm", "ngoc.gvcn@gmail.com"), TO, "Quỹ khuyến học",
 "Phụ huynh lớp 5A thân mến, quỹ khuyến học của lớp còn 2.400.000đ, cô đề xuất mua sách tặng các em cuối năm, phụ huynh góp ý trong nhóm lớp nhé.", date_i=469)
ham(name("Sở Xây dựng", "sxd@lamdong.gov.vn"), TO, "Danh mục dự án nhà ở xã hội",
 "Sở Xây dựng công bố danh mục dự án nhà ở xã hội đủ điều kiện bán, cho thuê mua năm 2027. Người dân nộp hồ sơ trực tiếp tại chủ đầu tư, không qua trung gian.", date_i=470)
ham(name("Grab", "no-reply@grab.com"), TO, "Ưu đãi GrabBike tháng 12",
 "Giảm 25% cho 5 chuyến GrabBike trong tháng 12, áp dụng tự động khi thanh toán bằng thẻ. Xem điều khoản trong ứng dụng Grab.", date_i=471)
ham(name("Anh Lâm", "lam.dang.dl@gmail.com"), TO, "Hỏi thăm",
 "Lâu rồi không gặp em, cuối tuần này anh em mình đi câu cá ở hồ Tuyền Lâm không, anh chuẩn bị đồ nghề rồi.", date_i=472)
ham(name("Hội Luật gia", "hoiluatgia@lamdong.gov.vn"), TO, "Tư vấn pháp luật miễn phí",
 "Hội Luật gia tỉnh tổ chức tư vấn pháp luật miễn phí cho người dân vào sáng thứ Bảy hàng tuần tại trụ sở Hội. Không thu bất kỳ khoản phí nào.", date_i=473)
ham(name("Ngân hàng ACB", "khuyenmai@acb.com.vn"), TO, "Ưu đãi lãi suất vay mua nhà",
 "ACB ưu đãi lãi suất vay mua nhà từ 6,5%/năm cố định 12 tháng đầu cho khách hàng mới. Chi tiết tại các chi nhánh ACB hoặc website acb.com.vn. Quý khách có thể hủy nhận thư trong phần cài đặt.", date_i=474)
ham(name("Bệnh viện Hoàn Mỹ", "cskh@hoanmy.com"), TO, "Gói khám sức khỏe tổng quát",
 "Bệnh viện Hoàn Mỹ gửi thông tin gói khám sức khỏe tổng quát cho cơ quan, doanh nghiệp năm 2027. Đơn vị có nhu cầu vui lòng liên hệ phòng kinh doanh để nhận báo giá.", date_i=475)
ham(name("Ủy ban MTTQ", "mttq@lamdong.gov.vn"), TO, "Vận động Quỹ Vì người nghèo",
 "Ủy ban MTTQ tỉnh phát động ủng hộ Quỹ Vì người nghèo năm 2027. Các cơ quan tổng hợp danh sách cán bộ ủng hộ, chuyển về tài khoản của Quỹ tại Kho bạc Nhà nước tỉnh.", date_i=476)
ham(name("Chị Hoa", "hoa.nguyen.kt@gmail.com"), TO, "Chuyển tiền đám hiếu",
 "Em ơi cả phòng mình góp mỗi người 200k đi đám hiếu nhà anh Tâm, em chuyển khoản cho chị nhé, chiều chị đi viếng thay cả phòng.", date_i=477)
ham(name("Văn phòng Luật sư", "info@luatminhkhue.vn"), TO, "Bản tin pháp luật tháng 12",
 "Bản tin pháp luật tháng 12: các văn bản mới có hiệu lực từ 01/01/2027 về thuế, lao động và đất đai. Quý khách hủy nhận bản tin bằng cách trả lời thư này.", date_i=478)
ham(name("Phòng Nội vụ", "noivu@dalat.lamdong.gov.vn"), TO, "Thông báo tuyển dụng viên chức",
 "Phòng Nội vụ thông báo tuyển dụng viên chức giáo dục năm 2027, hồ sơ nộp trực tiếp tại phòng từ 02/01 đến 31/01. Không thu phí ngoài lệ phí dự tuyển theo quy định.", date_i=479)
ham(name("Lazada", "info@mail.lazada.vn"), TO, "Đơn hàng đã được giao",
 "Đơn hàng 3214ABC của bạn đã được giao thành công. Đánh giá sản phẩm để nhận xu Lazada.", date_i=480)

def write(sub, msgs):
    d = os.path.join(HERE, sub)
    os.makedirs(d, exist_ok=True)
    for f in os.listdir(d):
        if f.endswith(".eml"):
            os.remove(os.path.join(d, f))
    for i, m in enumerate(msgs, 1):
        with open(os.path.join(d, f"{i:03}.eml"), "wb") as fh:
            fh.write(m)

write("spam", SPAM)
write("ham", HAM)
print(f"{len(SPAM)} spam, {len(HAM)} ham")
