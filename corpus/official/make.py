#!/usr/bin/env python3
"""Writes official and everyday Vietnamese mail that reads like spam (ham/) and scams dressed as
official warnings (spam/), as .eml files beside this script.

These messages are NOT the classifier's training set (`corpus/vietnamese-spam/` is: the shipped
Vietnamese model is learnt from it). They check the rules the way held-out mail does: an
official warning against scams quotes the scams; a trade department writes of discounts; a tax
office threatens enforcement; an invoice, a bank notice and a meeting invitation name accounts,
payments and passcodes. `tests/spam.rs` (`official_mail_that_reads_like_spam_is_delivered`)
asserts every ham here is delivered untagged and every spam tagged or refused.

Synthetic, written for canhgac, modelled on the mail of a provincial office. Run it again after
editing: python3 corpus/official/make.py
"""
import email.header, email.utils, os

HERE = os.path.dirname(os.path.abspath(__file__))
TO = "vanthu@lamdong.gov.vn"

# (display name, address, subject, body)
HAM = [
    # Warnings against scams: the police's, the IT centre's, a bank's, a commune's, the health
    # department's, and a colleague forwarding one. They quote the scams word for word.
    ("Phòng An ninh mạng", "pa05@congan.lamdong.gov.vn", "Cảnh báo thủ đoạn lừa đảo chiếm đoạt tài sản qua mạng",
     "Kính gửi: Các sở, ban, ngành; UBND các huyện, thành phố.\n"
     "\n"
     "Thời gian gần đây, trên địa bàn tỉnh xảy ra nhiều vụ lừa đảo chiếm đoạt tài sản qua không gian mạng với thủ đoạn tinh vi. Công an tỉnh thông báo một số thủ đoạn phổ biến để cán bộ, công chức, viên chức và Nhân dân biết, phòng ngừa:\n"
     "\n"
     "1. Giả danh cán bộ Công an, Viện kiểm sát, Tòa án gọi điện thông báo người dân liên quan đến vụ án, yêu cầu chuyển tiền vào tài khoản \"tạm giữ\" để phục vụ điều tra, yêu cầu giữ bí mật, không được nói với người thân.\n"
     "2. Nhắn tin thông báo trúng thưởng, quà tặng giá trị lớn, yêu cầu nộp phí nhận thưởng, phí vận chuyển.\n"
     "3. Quảng cáo cho vay tiền nhanh, lãi suất thấp, không cần thế chấp, giải ngân trong ngày; sau đó yêu cầu nộp phí bảo hiểm khoản vay, phí xác minh hồ sơ.\n"
     "4. Tuyển cộng tác viên làm việc online, nhận hoa hồng cao, \"việc nhẹ lương cao\", yêu cầu nạp tiền để làm nhiệm vụ.\n"
     "5. Gửi đường link giả mạo trang dịch vụ công, ngân hàng, yêu cầu đăng nhập, cung cấp mã OTP, số CCCD, mật khẩu tài khoản ngân hàng.\n"
     "6. Giả mạo nhân viên điện lực, nhà mạng thông báo cắt điện, khóa sim, yêu cầu cập nhật thông tin chuẩn hóa thuê bao.\n"
     "\n"
     "Công an tỉnh đề nghị các cơ quan, đơn vị phổ biến đến toàn thể cán bộ, công chức; tuyệt đối không cung cấp mã OTP, thông tin cá nhân, không chuyển tiền theo yêu cầu của người lạ. Khi phát hiện dấu hiệu lừa đảo, báo ngay cho Công an nơi gần nhất hoặc số điện thoại 0263.3822.xxx.\n"
     "\n"
     "Trân trọng./.\n"
     "PHÒNG AN NINH MẠNG VÀ PHÒNG CHỐNG TỘI PHẠM SỬ DỤNG CÔNG NGHỆ CAO"),
    ("Sở Thông tin và Truyền thông", "stttt@lamdong.gov.vn", "V/v cảnh báo thư điện tử giả mạo (phishing) gửi tới hộp thư công vụ",
     "Kính gửi: Các cơ quan, đơn vị sử dụng hệ thống thư điện tử công vụ tỉnh.\n"
     "\n"
     "Sở Thông tin và Truyền thông nhận được phản ánh về việc nhiều hộp thư công vụ @lamdong.gov.vn nhận được thư giả mạo với nội dung \"Hộp thư của bạn sắp hết dung lượng, vui lòng nhấp vào đường link để xác minh tài khoản, nếu không tài khoản sẽ bị khóa trong vòng 24 giờ\". Đường link dẫn tới trang đăng nhập giả mạo nhằm đánh cắp mật khẩu.\n"
     "\n"
     "Một số thư khác giả danh Cục Thuế gửi \"thông báo hoàn thuế\", kèm tệp đính kèm chứa mã độc, hoặc giả danh ngân hàng yêu cầu xác nhận giao dịch.\n"
     "\n"
     "Để bảo đảm an toàn thông tin, Sở đề nghị:\n"
     "- Không nhấp vào đường link, không mở tệp đính kèm trong thư không rõ nguồn gốc;\n"
     "- Không cung cấp tên đăng nhập, mật khẩu hộp thư cho bất kỳ ai; hệ thống thư công vụ không bao giờ yêu cầu xác minh tài khoản qua thư;\n"
     "- Đổi mật khẩu ngay nếu đã lỡ nhập thông tin vào trang giả mạo, và báo cho Trung tâm Công nghệ thông tin và Truyền thông qua số điện thoại hỗ trợ.\n"
     "\n"
     "Trân trọng./."),
    ("Ngân hàng Nhà nước Chi nhánh Lâm Đồng", "nhnn.lamdong@sbv.gov.vn", "Khuyến cáo phòng, chống lừa đảo trong hoạt động ngân hàng",
     "Kính gửi: Ủy ban nhân dân tỉnh Lâm Đồng; các sở, ban, ngành.\n"
     "\n"
     "Ngân hàng Nhà nước Chi nhánh tỉnh Lâm Đồng khuyến cáo khách hàng cảnh giác với các thủ đoạn: mạo danh ngân hàng gửi tin nhắn có đường link yêu cầu cập nhật sinh trắc học, nâng hạn mức thẻ tín dụng, nhận quà tri ân; lập trang web cho vay tiền online, yêu cầu nộp phí trước khi giải ngân; đề nghị mở tài khoản hộ, cho thuê, mua bán tài khoản ngân hàng.\n"
     "\n"
     "Tuyệt đối không cung cấp mã OTP, mật khẩu, số thẻ, mã CVV cho bất kỳ ai; không truy cập đường link lạ; chỉ giao dịch qua ứng dụng chính thức của ngân hàng. Hành vi mua bán, cho thuê tài khoản ngân hàng có thể bị xử phạt hành chính hoặc truy cứu trách nhiệm hình sự.\n"
     "\n"
     "Đề nghị các cơ quan, đơn vị phổ biến nội dung khuyến cáo đến cán bộ, công chức, người lao động.\n"
     "\n"
     "Trân trọng."),
    ("Trần Thị Hạnh", "hanhtt@sotc.lamdong.gov.vn", "Fw: Cảnh báo thủ đoạn lừa đảo dịp cuối năm",
     "Chị chuyển các anh chị trong phòng đọc để cảnh giác nhé.\n"
     "\n"
     "-------- Tin nhắn chuyển tiếp --------\n"
     "Từ: Công an tỉnh Lâm Đồng\n"
     "Chủ đề: Cảnh báo thủ đoạn lừa đảo dịp cuối năm\n"
     "\n"
     "Dịp cuối năm, các đối tượng lừa đảo lợi dụng nhu cầu vay tiền, mua sắm, du lịch của người dân để chiếm đoạt tài sản:\n"
     "- Quảng cáo \"vay tiền online, giải ngân nhanh trong 30 phút, không cần thế chấp, lãi suất thấp\", sau đó yêu cầu chuyển phí hồ sơ, phí bảo hiểm.\n"
     "- Bán vé máy bay, tour du lịch giá rẻ, \"khuyến mãi cuối năm, giảm giá 50%\", yêu cầu đặt cọc rồi chặn liên lạc.\n"
     "- Nhắn tin \"Chúc mừng quý khách đã trúng thưởng xe máy SH, vui lòng nộp phí nhận thưởng 5.000.000 đồng\".\n"
     "- Mời tham gia sàn đầu tư tiền ảo, cam kết lợi nhuận cao, \"làm giàu nhanh\".\n"
     "Người dân cần nâng cao cảnh giác, tuyệt đối không chuyển tiền, không cung cấp thông tin cá nhân cho người lạ; khi nghi vấn, trình báo ngay cơ quan Công an gần nhất."),
    ("Trung tâm CNTT&TT", "ttcntt@lamdong.gov.vn", "Tài liệu tập huấn: nhận diện thư điện tử lừa đảo",
     "Kính gửi các đồng chí cán bộ, công chức,\n"
     "\n"
     "Trung tâm gửi tài liệu tóm tắt buổi tập huấn an toàn thông tin ngày 28/11.\n"
     "\n"
     "I. Dấu hiệu nhận biết thư lừa đảo (phishing):\n"
     "1. Tiêu đề gây hoảng sợ hoặc hấp dẫn: \"Tài khoản của bạn bị khóa\", \"Mật khẩu hết hạn\", \"Bạn đã trúng thưởng\", \"Nhận quà miễn phí\".\n"
     "2. Yêu cầu hành động gấp: \"Xác minh tài khoản trong vòng 24 giờ\", \"Nhấn vào đây ngay\".\n"
     "3. Địa chỉ người gửi giả mạo, tên miền gần giống tên miền thật (ví dụ lamdong-gov.vn thay cho lamdong.gov.vn).\n"
     "4. Đường link dẫn tới trang đăng nhập giả, yêu cầu nhập mật khẩu, mã OTP.\n"
     "5. Tệp đính kèm lạ (.exe, .zip có mật khẩu, tài liệu yêu cầu bật macro).\n"
     "\n"
     "II. Xử lý:\n"
     "- Không nhấp vào đường link, không mở tệp đính kèm; kiểm tra địa chỉ người gửi;\n"
     "- Tuyệt đối không cung cấp mật khẩu hộp thư công vụ cho bất kỳ ai;\n"
     "- Báo cho bộ phận hỗ trợ khi nghi ngờ; đổi mật khẩu nếu đã lỡ nhập.\n"
     "\n"
     "Trân trọng."),
    ("UBND xã Hiệp Thạnh", "ubnd.hiepthanh@lamdong.gov.vn", "Thông báo tuyên truyền phòng, chống tín dụng đen",
     "Kính gửi: Các thôn, tổ dân phố; các đoàn thể xã.\n"
     "\n"
     "Thực hiện chỉ đạo của UBND huyện về phòng, chống hoạt động \"tín dụng đen\", UBND xã đề nghị các thôn tuyên truyền đến Nhân dân:\n"
     "- Hiện nay xuất hiện nhiều tờ rơi, tin nhắn quảng cáo \"cho vay tiền nhanh, thủ tục đơn giản, chỉ cần CCCD, không cần thế chấp, lãi suất thấp, giải ngân trong ngày\". Thực chất đây là hoạt động cho vay nặng lãi, lãi suất lên tới 300-500%/năm, kèm thủ đoạn đòi nợ khủng bố, đe dọa.\n"
     "- Người dân có nhu cầu vay vốn liên hệ Ngân hàng Chính sách xã hội, các tổ chức tín dụng hợp pháp; không vay của các đối tượng không rõ nguồn gốc.\n"
     "- Phát hiện hoạt động cho vay nặng lãi, đòi nợ trái phép, báo ngay cho Công an xã.\n"
     "\n"
     "Đề nghị các thôn triển khai thực hiện./."),
    ("Sở Y tế Lâm Đồng", "soyte@lamdong.gov.vn", "Cảnh báo quảng cáo thực phẩm chức năng sai sự thật trên mạng",
     "Kính gửi: Các cơ sở y tế; Phòng Y tế các huyện, thành phố.\n"
     "\n"
     "Sở Y tế nhận được phản ánh về việc nhiều trang mạng xã hội quảng cáo thực phẩm chức năng \"giảm cân cấp tốc\", \"tăng chiều cao vượt trội\", \"chữa khỏi tiểu đường\", \"cam kết hoàn tiền 100% nếu không hiệu quả\", sử dụng hình ảnh bác sĩ, cơ sở y tế để lừa dối người tiêu dùng, \"miễn phí vận chuyển, giảm giá 50% chỉ trong hôm nay\".\n"
     "\n"
     "Đây là hành vi quảng cáo sai sự thật, vi phạm Luật Quảng cáo và Nghị định 38/2021/NĐ-CP. Sở Y tế đề nghị các đơn vị tuyên truyền để người dân cảnh giác, không mua, không sử dụng sản phẩm không rõ nguồn gốc; phối hợp với cơ quan chức năng phát hiện, xử lý vi phạm.\n"
     "\n"
     "Trân trọng./."),
    ("Công an huyện Lâm Hà", "conganlamha@lamdong.gov.vn", "Thông báo về thủ đoạn tuyển dụng việc nhẹ lương cao, đầu tư tiền ảo",
     "Kính gửi: Các cơ quan, đơn vị, trường học trên địa bàn huyện.\n"
     "\n"
     "Công an huyện thông báo: thời gian qua trên địa bàn xảy ra 12 vụ lừa đảo với tổng thiệt hại hơn 3 tỷ đồng. Các đối tượng đăng tin tuyển cộng tác viên \"việc nhẹ lương cao, làm tại nhà, thu nhập khủng 500.000 - 1.000.000 đồng/ngày\", yêu cầu nạn nhân nạp tiền làm nhiệm vụ, mua hàng ảo để nhận hoa hồng; hoặc lôi kéo tham gia \"cơ hội đầu tư\" tiền ảo, sàn ngoại hối, \"lợi nhuận cao, cam kết không lỗ\". Ban đầu nạn nhân được trả hoa hồng để tạo lòng tin, sau đó bị yêu cầu nạp số tiền lớn hơn rồi bị chiếm đoạt.\n"
     "\n"
     "Đề nghị các cơ quan, đơn vị phổ biến đến cán bộ, giáo viên, học sinh và gia đình; tuyệt đối không tham gia, không chuyển tiền cho người lạ.\n"
     "\n"
     "Trân trọng./."),
    # Official mail of other kinds that reads like offers, bills or phishing.
    ("Sở Công Thương", "soct@lamdong.gov.vn", "V/v triển khai Chương trình khuyến mại tập trung quốc gia năm 2026",
     "Kính gửi: Các doanh nghiệp, hợp tác xã; Phòng Kinh tế các huyện, thành phố.\n"
     "\n"
     "Thực hiện Quyết định của Bộ Công Thương về Chương trình khuyến mại tập trung quốc gia năm 2026 (từ ngày 01/12 đến 31/12/2026), Sở Công Thương đề nghị:\n"
     "1. Các doanh nghiệp đăng ký tham gia chương trình, thực hiện khuyến mại giảm giá đến 100% theo quy định tại Nghị định 81/2018/NĐ-CP; niêm yết giá gốc và giá khuyến mại; ưu tiên hàng Việt Nam chất lượng cao.\n"
     "2. Thông báo chương trình khuyến mại tới Sở Công Thương trước khi thực hiện; không được khuyến mại hàng giả, hàng không rõ nguồn gốc.\n"
     "3. Phòng Kinh tế các huyện tuyên truyền, hướng dẫn doanh nghiệp tham gia, tổng hợp kết quả gửi về Sở trước ngày 10/01/2027.\n"
     "\n"
     "Doanh nghiệp đăng ký tham gia tại https://sct.lamdong.gov.vn/khuyenmai hoặc liên hệ Phòng Quản lý Thương mại, điện thoại 0263.3822.456.\n"
     "Trân trọng./."),
    ("Chi cục Thuế khu vực Đà Lạt", "ccthue.dalat@gdt.gov.vn", "Thông báo về việc nộp tiền thuế nợ và tiền chậm nộp",
     "Kính gửi: Công ty TNHH Thương mại Dịch vụ Lâm Viên.\n"
     "\n"
     "Theo dữ liệu quản lý thuế, đến ngày 30/11/2026 đơn vị còn nợ tiền thuế 45.600.000 đồng và tiền chậm nộp 1.230.000 đồng. Chi cục Thuế đề nghị đơn vị nộp đủ số tiền nợ vào ngân sách nhà nước trong vòng 10 ngày kể từ ngày nhận thông báo này, qua cổng thuế điện tử https://thuedientu.gdt.gov.vn hoặc tại Kho bạc Nhà nước.\n"
     "\n"
     "Quá thời hạn trên, Chi cục Thuế sẽ áp dụng biện pháp cưỡng chế theo quy định của Luật Quản lý thuế, đồng thời xử phạt vi phạm hành chính. Mọi vướng mắc đề nghị liên hệ Đội Quản lý nợ và Cưỡng chế nợ thuế, điện thoại 0263.3812.345.\n"
     "Trân trọng./."),
    ("Trung tâm Phát triển quỹ đất", "ttptqd@lamdong.gov.vn", "Thông báo đấu giá quyền sử dụng đất khu dân cư Phường 7",
     "Trung tâm Phát triển quỹ đất tỉnh thông báo đấu giá quyền sử dụng đất 24 lô đất ở tại khu dân cư Phường 7, thành phố Đà Lạt:\n"
     "- Diện tích mỗi lô từ 120 đến 180 m2, đã có hạ tầng, sổ đỏ riêng từng lô sau khi trúng đấu giá;\n"
     "- Giá khởi điểm từ 28.000.000 đồng/m2; tiền đặt trước 20% giá khởi điểm;\n"
     "- Thời gian bán hồ sơ và nhận tiền đặt trước: từ ngày 05/12 đến 17 giờ ngày 25/12/2026;\n"
     "- Phiên đấu giá tổ chức lúc 8 giờ ngày 28/12/2026 tại Hội trường Trung tâm Dịch vụ đấu giá tài sản tỉnh.\n"
     "\n"
     "Tổ chức, cá nhân có nhu cầu liên hệ Trung tâm Dịch vụ đấu giá tài sản tỉnh, số 6 Lê Hồng Phong, điện thoại 0263.3555.123 để được hướng dẫn. Hồ sơ xem tại https://daugia.lamdong.gov.vn."),
    ("Bảo hiểm xã hội tỉnh", "bhxh@lamdong.gov.vn", "Đề nghị cập nhật số định danh cá nhân và cài đặt ứng dụng VssID",
     "Kính gửi: Các cơ quan, đơn vị sử dụng lao động trên địa bàn tỉnh.\n"
     "\n"
     "Để chuẩn bị thực hiện Luật Bảo hiểm xã hội 2024, BHXH tỉnh đề nghị các đơn vị:\n"
     "1. Rà soát, cập nhật số định danh cá nhân (số CCCD) của người lao động vào cơ sở dữ liệu BHXH trước ngày 20/12/2026;\n"
     "2. Hướng dẫn người lao động cài đặt ứng dụng VssID - BHXH số, đăng nhập bằng tài khoản định danh điện tử VNeID để tra cứu quá trình đóng, hưởng;\n"
     "3. Người lao động chưa xác thực tài khoản liên hệ bộ phận một cửa của BHXH huyện nơi cư trú.\n"
     "\n"
     "BHXH tỉnh lưu ý: cơ quan BHXH không gọi điện, nhắn tin yêu cầu người dân cung cấp mật khẩu hay chuyển tiền.\n"
     "Trân trọng./."),
    ("Sở Giáo dục và Đào tạo", "sgddt@lamdong.gov.vn", "Thông báo học bổng Vừ A Dính và học bổng khuyến học năm 2026",
     "Kính gửi: Hiệu trưởng các trường THPT; Trưởng phòng GD&ĐT các huyện, thành phố.\n"
     "\n"
     "Quỹ Học bổng Vừ A Dính và Hội Khuyến học tỉnh trao 350 suất học bổng, mỗi suất 2.000.000 đồng cho học sinh dân tộc thiểu số có hoàn cảnh khó khăn, học lực khá giỏi. Hồ sơ miễn phí, gồm đơn đề nghị, bản sao học bạ và xác nhận hoàn cảnh của UBND xã.\n"
     "\n"
     "Các trường lập danh sách đề nghị, gửi về Phòng Chính trị tư tưởng của Sở trước ngày 15/12/2026. Lễ trao học bổng dự kiến ngày 26/12/2026 tại Nhà Văn hóa Lao động tỉnh.\n"
     "Trân trọng./."),
    ("Tỉnh Đoàn Lâm Đồng", "tinhdoan@lamdong.gov.vn", "Mời tham gia Giải chạy Vì Đà Lạt xanh 2026",
     "Kính gửi: Các cơ sở Đoàn trực thuộc.\n"
     "\n"
     "Tỉnh Đoàn tổ chức Giải chạy \"Vì Đà Lạt xanh\" lần thứ 3 vào sáng Chủ nhật 20/12/2026 quanh hồ Xuân Hương, cự ly 5 km và 10 km. Đăng ký miễn phí, mỗi vận động viên nhận áo, số đeo và huy chương; giải thưởng cho 10 vận động viên về nhất mỗi cự ly, tổng giá trị giải thưởng 50 triệu đồng từ nhà tài trợ.\n"
     "\n"
     "Các cơ sở Đoàn đăng ký danh sách đoàn viên tham gia tại https://tinhdoan.lamdong.gov.vn/giaichay trước ngày 12/12/2026, số lượng có hạn (2.000 vận động viên). Liên hệ đồng chí Minh, Ban Phong trào, điện thoại 0912.345.678.\n"
     "Trân trọng!"),
    ("Trung tâm Xúc tiến Du lịch", "xuctiendulich@lamdong.gov.vn", "Chương trình kích cầu du lịch dịp Festival Hoa Đà Lạt 2026",
     "Kính gửi: Các doanh nghiệp lữ hành, cơ sở lưu trú, khu du lịch.\n"
     "\n"
     "Nhằm kích cầu du lịch dịp Festival Hoa Đà Lạt lần thứ X, Trung tâm đề nghị các doanh nghiệp đăng ký tham gia chương trình ưu đãi: giảm giá phòng từ 20 đến 50%, miễn phí vé tham quan cho trẻ em dưới 6 tuổi, tặng kèm các dịch vụ, tour giá rẻ cho khách đoàn. Danh sách doanh nghiệp tham gia sẽ được công bố trên cổng thông tin du lịch của tỉnh.\n"
     "\n"
     "Phiếu đăng ký gửi về Trung tâm trước ngày 10/12/2026. Chi tiết liên hệ Phòng Xúc tiến, điện thoại 0263.3811.222.\n"
     "Trân trọng./."),
    ("Phòng Tài chính - Kế hoạch", "tckh.baoloc@lamdong.gov.vn", "Đề nghị nộp phí, lệ phí và hoàn tất hồ sơ thanh toán trước 20/12",
     "Kính gửi: Các đơn vị dự toán trực thuộc UBND thành phố Bảo Lộc.\n"
     "\n"
     "Để khóa sổ kế toán năm 2026, Phòng Tài chính - Kế hoạch đề nghị các đơn vị:\n"
     "- Nộp đầy đủ các khoản phí, lệ phí đã thu vào tài khoản của Kho bạc Nhà nước trước ngày 20/12/2026;\n"
     "- Hoàn tất hồ sơ thanh toán, chuyển khoản các khoản chi đã thực hiện; số dư dự toán không sử dụng hết phải hủy theo quy định;\n"
     "- Gửi báo cáo quyết toán trong vòng 5 ngày làm việc sau khi khóa sổ.\n"
     "\n"
     "Quá thời hạn trên, các khoản chưa thanh toán sẽ chuyển sang năm sau xử lý. Đề nghị các đơn vị khẩn trương thực hiện.\n"
     "Trân trọng./."),
    ("Cổng Dịch vụ công Quốc gia", "noreply@dichvucong.gov.vn", "Thông báo tiếp nhận hồ sơ trực tuyến",
     "Kính gửi Ông/Bà NGUYỄN VĂN AN,\n"
     "\n"
     "Hồ sơ của Ông/Bà đã được tiếp nhận thành công.\n"
     "Mã hồ sơ: G22.39-261203-0012\n"
     "Thủ tục: Cấp đổi giấy phép lái xe\n"
     "Cơ quan tiếp nhận: Sở Xây dựng tỉnh Lâm Đồng\n"
     "Ngày hẹn trả kết quả: 10/12/2026\n"
     "Lệ phí: 135.000 đồng (đã thanh toán trực tuyến)\n"
     "\n"
     "Ông/Bà có thể tra cứu tình trạng hồ sơ tại https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html bằng mã hồ sơ trên.\n"
     "Đây là thư tự động, vui lòng không trả lời thư này."),
    ("VNPT Lâm Đồng", "hoadon@vnpt.vn", "Thông báo phát hành hóa đơn điện tử tháng 11/2026",
     "Kính gửi Quý khách hàng: VĂN PHÒNG UBND TỈNH LÂM ĐỒNG\n"
     "Mã số thuế: 5800000123\n"
     "\n"
     "VNPT Lâm Đồng trân trọng thông báo hóa đơn điện tử dịch vụ viễn thông tháng 11/2026:\n"
     "Số hóa đơn: 0004512; Ký hiệu: 1C26TVN\n"
     "Tổng tiền thanh toán: 12.456.000 đồng\n"
     "Quý khách vui lòng thanh toán trước ngày 20/12/2026 để tránh gián đoạn dịch vụ.\n"
     "Tra cứu và tải hóa đơn tại: https://lamdong-tt78.vnpt-invoice.com.vn, mã tra cứu: 8XK2P9QW.\n"
     "Trân trọng cảm ơn Quý khách đã sử dụng dịch vụ của VNPT."),
    ("Vietcombank", "vcbdigibank@info.vietcombank.com.vn", "Thông báo biến động số dư",
     "Kính gửi Quý khách,\n"
     "Vietcombank xin thông báo tài khoản 0071000123456 vừa phát sinh giao dịch:\n"
     "Số tiền: +15.600.000 VND\n"
     "Thời gian: 03/12/2026 09:15\n"
     "Nội dung: UBND TINH LAM DONG TRA LUONG THANG 12\n"
     "Số dư cuối: 23.450.120 VND\n"
     "Quý khách lưu ý: Vietcombank không bao giờ yêu cầu khách hàng cung cấp mật khẩu, mã OTP qua điện thoại, email hay tin nhắn. Chi tiết liên hệ Hotline 1900545413."),
    ("EVNSPC", "cskh@evnspc.vn", "Thông báo tiền điện tháng 11/2026",
     "Kính gửi Quý khách hàng SỞ THÔNG TIN VÀ TRUYỀN THÔNG,\n"
     "Mã khách hàng: PB15010012345\n"
     "Điện năng tiêu thụ: 4.512 kWh; Số tiền: 13.248.000 đồng (đã bao gồm thuế GTGT).\n"
     "Hạn thanh toán: 15/12/2026. Quý khách có thể thanh toán qua ngân hàng, ví điện tử hoặc tại các điểm thu.\n"
     "Tra cứu chi tiết tại https://cskh.evnspc.vn. Tổng đài chăm sóc khách hàng: 19001006."),
    ("Văn phòng Sở Nội vụ", "vanphong.snv@lamdong.gov.vn", "Mời họp trực tuyến triển khai công tác cải cách hành chính",
     "Kính gửi các đồng chí Trưởng phòng chuyên môn,\n"
     "\n"
     "Văn phòng Sở trân trọng kính mời các đồng chí dự cuộc họp trực tuyến triển khai công tác cải cách hành chính năm 2027:\n"
     "- Thời gian: 14 giờ 00, thứ Sáu ngày 05/12/2026\n"
     "- Hình thức: trực tuyến qua Zoom\n"
     "- Link: https://us06web.zoom.us/j/81234567890?pwd=QWxhYmNkZWZn\n"
     "- Meeting ID: 812 3456 7890; Mật khẩu: 261205\n"
     "Đề nghị các đồng chí đăng nhập trước 10 phút để kiểm tra kết nối. Tài liệu họp gửi kèm theo thư này.\n"
     "Trân trọng."),
    ("Nguyễn Thị Lan", "lannguyen1978@gmail.com", "Đơn kiến nghị về việc sửa chữa đường thôn 3",
     "Kính gửi: UBND xã Tà Nung,\n"
     "\n"
     "Tôi tên là Nguyễn Thị Lan, sinh năm 1978, thường trú tại thôn 3, xã Tà Nung. Thay mặt các hộ dân thôn 3, tôi kính đề nghị UBND xã xem xét sửa chữa đoạn đường liên thôn dài khoảng 800 m bị sạt lở sau mùa mưa, hiện xe máy đi lại rất nguy hiểm, học sinh phải đi vòng xa.\n"
     "Chúng tôi cam kết đóng góp ngày công và vật liệu tại chỗ theo khả năng. Rất mong UBND xã sớm xem xét, trả lời.\n"
     "Số điện thoại liên hệ: 0912 345 678.\n"
     "Trân trọng cảm ơn!"),
    ("Trần Minh Khoa", "khoatm.it@gmail.com", "Hồ sơ ứng tuyển vị trí chuyên viên công nghệ thông tin",
     "Kính gửi Phòng Tổ chức - Hành chính Sở Thông tin và Truyền thông,\n"
     "\n"
     "Em tên là Trần Minh Khoa, tốt nghiệp kỹ sư Công nghệ thông tin Trường Đại học Đà Lạt năm 2024. Qua thông báo tuyển dụng viên chức năm 2027 trên cổng thông tin của Sở, em xin gửi hồ sơ ứng tuyển vị trí chuyên viên công nghệ thông tin. Em có 2 năm kinh nghiệm quản trị hệ thống, chứng chỉ CCNA.\n"
     "Hồ sơ chi tiết em xin gửi kèm theo thư này. Em mong nhận được phản hồi từ Quý cơ quan. Số điện thoại của em: 0987 654 321.\n"
     "Em xin chân thành cảm ơn!"),
    ("Ban Quản lý dự án", "bqlda@lamdong.gov.vn", "V/v đôn đốc giải ngân vốn đầu tư công năm 2026",
     "Kính gửi: Các chủ đầu tư, nhà thầu thi công.\n"
     "\n"
     "Đến ngày 30/11/2026 tỷ lệ giải ngân vốn đầu tư công của Ban mới đạt 62%. Để bảo đảm giải ngân 100% kế hoạch vốn được giao, đề nghị các nhà thầu khẩn trương hoàn thiện hồ sơ nghiệm thu, thanh toán khối lượng hoàn thành, gửi về Ban trước ngày 15/12/2026. Nhà thầu chậm trễ sẽ bị xử lý theo hợp đồng, đánh giá năng lực và có thể bị đình chỉ tham gia các gói thầu tiếp theo.\n"
     "Trân trọng./."),
    # A second batch (2026-12-05): a training course with its fee, a union's Tết gifts, a rise in
    # pay, an insurer's renewal, a call for papers, a call for donations, a recruitment notice, the
    # IT centre's and a bank's notices that say they never ask for passwords, a budget transfer, a
    # colleague's reply, a survey through Google Forms.
    ("Trường Đại học Đà Lạt", "daotao@dlu.edu.vn", "Thông báo tuyển sinh lớp bồi dưỡng ngạch chuyên viên chính năm 2026",
     "Kính gửi: Các cơ quan, đơn vị trên địa bàn tỉnh.\n\nThực hiện Kế hoạch bồi dưỡng cán bộ, công chức năm 2026, Trường Đại học Đà Lạt thông báo chiêu sinh lớp bồi dưỡng kiến thức quản lý nhà nước chương trình chuyên viên chính.\n\n- Đối tượng: công chức đang giữ ngạch chuyên viên hoặc tương đương.\n- Thời gian học: 8 tuần, học vào thứ Bảy và Chủ nhật, khai giảng ngày 09/01/2027.\n- Học phí: 4.500.000 đồng/học viên, nộp bằng chuyển khoản vào tài khoản của Trường số 3761.0.1234567 tại Kho bạc Nhà nước Lâm Đồng, ghi rõ họ tên và đơn vị.\n- Hồ sơ đăng ký: phiếu đăng ký, quyết định cử đi học, bản sao bằng đại học.\n\nSố lượng học viên mỗi lớp có hạn (60 học viên), đề nghị các đơn vị đăng ký trước ngày 25/12/2026. Học viên hoàn thành khóa học được cấp chứng chỉ.\n\nMọi thông tin xin liên hệ Phòng Quản lý đào tạo, điện thoại 0263.3822.246.\nTrân trọng./."),
    ("Công đoàn Viên chức tỉnh", "congdoanvc@lamdong.gov.vn", "V/v tặng quà Tết Nguyên đán Bính Ngọ cho đoàn viên có hoàn cảnh khó khăn",
     "Kính gửi: Ban Chấp hành công đoàn cơ sở trực thuộc.\n\nNhân dịp Tết Nguyên đán, Công đoàn Viên chức tỉnh tổ chức thăm hỏi, tặng quà cho đoàn viên có hoàn cảnh khó khăn. Mức quà: 1.000.000 đồng/suất tiền mặt và 01 phần quà trị giá 500.000 đồng.\n\nĐề nghị công đoàn cơ sở lập danh sách đoàn viên đề nghị nhận quà (họ tên, đơn vị, hoàn cảnh, số tài khoản nếu nhận qua chuyển khoản) gửi về Công đoàn Viên chức tỉnh trước ngày 10/01/2027. Kinh phí được chuyển về tài khoản công đoàn cơ sở; công đoàn cơ sở tổ chức trao tận tay và gửi chứng từ thanh quyết toán.\n\nTrân trọng./.\nTM. BAN THƯỜNG VỤ"),
    ("Phòng Tổ chức - Hành chính", "tchc.sgtvt@lamdong.gov.vn", "Thông báo nâng lương thường xuyên và truy lĩnh tiền lương quý IV/2026",
     "Kính gửi: Toàn thể công chức, viên chức, người lao động.\n\nCăn cứ Quyết định số 1234/QĐ-SGTVT ngày 28/11/2026, Sở thông báo danh sách công chức, viên chức được nâng bậc lương thường xuyên quý IV/2026 (đính kèm). Phần chênh lệch tiền lương được truy lĩnh từ ngày hưởng bậc mới và chuyển vào tài khoản cá nhân cùng kỳ lương tháng 12.\n\nĐề nghị cá nhân có tên trong danh sách kiểm tra lại thông tin, số tài khoản ngân hàng; nếu sai sót, phản hồi về Phòng Tổ chức - Hành chính trước ngày 15/12/2026 để điều chỉnh.\n\nTrân trọng."),
    ("Bảo Việt Lâm Đồng", "baovietlamdong@baoviet.com.vn", "Thông báo tái tục hợp đồng bảo hiểm xe ô tô biển số 49A-012.34",
     "Kính gửi: Văn phòng UBND huyện Đức Trọng.\n\nBảo Việt Lâm Đồng trân trọng thông báo hợp đồng bảo hiểm vật chất xe ô tô biển kiểm soát 49A-012.34 của Quý cơ quan sẽ hết hạn vào ngày 31/12/2026.\n\nPhí bảo hiểm năm 2027: 8.640.000 đồng (đã bao gồm VAT), quyền lợi và mức khấu trừ giữ nguyên như năm 2026. Để việc bảo hiểm được liên tục, đề nghị Quý cơ quan xác nhận tái tục và thanh toán phí trước ngày hết hạn qua tài khoản của Bảo Việt Lâm Đồng số 112000012345 tại VietinBank chi nhánh Lâm Đồng.\n\nCán bộ phụ trách: chị Phạm Thu Trang, điện thoại 0263.3531.xxx.\nTrân trọng cảm ơn sự hợp tác của Quý cơ quan!"),
    ("Ban Tổ chức Hội thảo", "hoithao2027@hcmus.edu.vn", "Thư mời viết bài và tham dự Hội thảo khoa học quốc gia về chuyển đổi số",
     "Kính gửi: Quý cơ quan, nhà khoa học.\n\nTrường Đại học Khoa học Tự nhiên, ĐHQG-HCM phối hợp với Sở Khoa học và Công nghệ tỉnh Lâm Đồng tổ chức Hội thảo khoa học quốc gia \"Chuyển đổi số trong quản lý nhà nước ở địa phương\" tại Đà Lạt ngày 20-21/03/2027.\n\nBan Tổ chức trân trọng mời Quý vị gửi bài tham luận (không quá 8 trang) trước ngày 15/01/2027 qua hệ thống https://hoithao.hcmus.edu.vn. Bài được chấp nhận sẽ đăng trong kỷ yếu có chỉ số ISBN.\n\nPhí tham dự: 1.500.000 đồng/đại biểu (bao gồm kỷ yếu, tài liệu, ăn trưa và tiệc giữa giờ); miễn phí cho sinh viên. Đăng ký sớm trước 31/01/2027 được giảm 20%.\n\nThông tin chi tiết: TS. Lê Minh, thư ký hội thảo, email hoithao2027@hcmus.edu.vn.\nTrân trọng kính mời!"),
    ("Ủy ban MTTQ Việt Nam tỉnh", "mttq@lamdong.gov.vn", "Thư kêu gọi ủng hộ đồng bào bị thiệt hại do bão lũ",
     "Kính gửi: Các cơ quan, đơn vị, doanh nghiệp, cán bộ, công chức và Nhân dân trong tỉnh.\n\nThời gian qua, mưa lũ lớn đã gây thiệt hại nặng nề về người và tài sản cho đồng bào các tỉnh miền Trung. Phát huy truyền thống \"lá lành đùm lá rách\", Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh kêu gọi các cơ quan, đơn vị, doanh nghiệp, cán bộ, đảng viên và Nhân dân tích cực ủng hộ.\n\nTiền ủng hộ xin chuyển vào tài khoản của Ủy ban MTTQ Việt Nam tỉnh Lâm Đồng, số 3713.0.1050214 tại Kho bạc Nhà nước tỉnh, nội dung: \"Ủng hộ đồng bào miền Trung\". Mọi khoản đóng góp được công khai trên Cổng thông tin điện tử của tỉnh.\n\nBan Thường trực Ủy ban MTTQ Việt Nam tỉnh trân trọng cảm ơn!"),
    ("Hội đồng tuyển dụng viên chức", "tuyendung.syt@lamdong.gov.vn", "Thông báo tuyển dụng viên chức ngành Y tế năm 2026",
     "Sở Y tế tỉnh Lâm Đồng thông báo tuyển dụng 85 chỉ tiêu viên chức làm việc tại các đơn vị sự nghiệp trực thuộc.\n\n1. Vị trí tuyển dụng: bác sĩ, điều dưỡng, kỹ thuật viên, dược sĩ (chi tiết tại phụ lục).\n2. Điều kiện: có quốc tịch Việt Nam, đủ 18 tuổi trở lên, có văn bằng phù hợp với vị trí việc làm.\n3. Hình thức: xét tuyển. Phí dự tuyển: 400.000 đồng/thí sinh theo Thông tư 92/2021/TT-BTC.\n4. Thời hạn nhận phiếu đăng ký: từ ngày 07/12/2026 đến hết ngày 06/01/2027, trong giờ hành chính, tại Phòng Tổ chức cán bộ, Sở Y tế, số 36 Trần Phú, Đà Lạt.\n\nThông báo được đăng trên Cổng thông tin điện tử Sở Y tế và niêm yết tại trụ sở. Điện thoại liên hệ: 0263.3822.xxx."),
    ("Trung tâm CNTT&TT", "ttcntt@lamdong.gov.vn", "Hướng dẫn đăng nhập hệ thống quản lý văn bản và điều hành phiên bản mới",
     "Kính gửi: Các cơ quan, đơn vị.\n\nTừ ngày 01/01/2027, hệ thống quản lý văn bản và điều hành của tỉnh chuyển sang phiên bản mới tại địa chỉ https://qlvb.lamdong.gov.vn. Tài khoản và mật khẩu của cán bộ, công chức được giữ nguyên.\n\nKhi đăng nhập lần đầu, hệ thống yêu cầu đổi mật khẩu (tối thiểu 10 ký tự, gồm chữ hoa, chữ thường, chữ số và ký tự đặc biệt) và đăng ký xác thực hai yếu tố bằng ứng dụng trên điện thoại. Tài liệu hướng dẫn sử dụng được đăng tại mục Hỗ trợ của hệ thống.\n\nLưu ý: Trung tâm không bao giờ đề nghị cung cấp mật khẩu qua thư điện tử hoặc điện thoại. Mọi vướng mắc xin liên hệ bộ phận hỗ trợ kỹ thuật, điện thoại 0263.3545.xxx.\n\nTrân trọng./."),
    ("Sở Tài chính", "sotc@lamdong.gov.vn", "V/v công khai dự toán ngân sách và hướng dẫn thanh toán kinh phí hỗ trợ",
     "Kính gửi: UBND các huyện, thành phố.\n\nSở Tài chính thông báo đã chuyển kinh phí hỗ trợ chính sách giảm nghèo bền vững năm 2026 về ngân sách các huyện, thành phố. Đề nghị các địa phương khẩn trương chi trả tiền hỗ trợ cho các hộ nghèo, hộ cận nghèo, bảo đảm đúng đối tượng, công khai, minh bạch; tiền hỗ trợ chuyển trực tiếp vào tài khoản của người nhận hoặc chi trả bằng tiền mặt có chữ ký nhận.\n\nHồ sơ thanh toán gửi Kho bạc Nhà nước trước ngày 25/12/2026; kinh phí chưa giải ngân hết nộp trả ngân sách tỉnh theo quy định. Báo cáo kết quả thực hiện trước ngày 15/01/2027.\n\nTrân trọng./."),
    ("Ngô Thị Mai", "maint@sonv.lamdong.gov.vn", "Re: Re: Gửi chị file tổng hợp số liệu",
     "Dạ em gửi lại chị file đã sửa nha chị. Chị xem giúp em phần số liệu quý 3 với, em thấy lệch 2 hồ sơ so với báo cáo tháng.\nCó gì chị gọi em số 0987 654 321 hoặc nhắn Zalo cũng được ạ.\n\nCảm ơn chị nhiều!\nMai\n\nVào Th 4, 2 thg 12, 2026 lúc 14:05, Trần Thu Hà <hatt@sonv.lamdong.gov.vn> đã viết:\n> Mai ơi gửi lại chị bản có cột ghi chú nhé, bản trước thiếu.\n> Chị cảm ơn.\n"),
    ("Sở Du lịch", "sodulich@lamdong.gov.vn", "Mời tham gia khảo sát trực tuyến về chất lượng dịch vụ lưu trú",
     "Kính gửi: Các cơ sở lưu trú du lịch trên địa bàn tỉnh.\n\nNhằm đánh giá chất lượng dịch vụ và xây dựng chính sách hỗ trợ phục hồi du lịch, Sở Du lịch phối hợp Viện Nghiên cứu Phát triển du lịch thực hiện khảo sát trực tuyến. Đề nghị các cơ sở truy cập đường link https://forms.gle/AbCdEf123456 để trả lời phiếu khảo sát (khoảng 10 phút) trước ngày 20/12/2026.\n\nThông tin cá nhân và số liệu kinh doanh của cơ sở được bảo mật và chỉ dùng cho mục đích thống kê. Cơ sở hoàn thành khảo sát sẽ được ưu tiên giới thiệu trong chương trình kích cầu du lịch năm 2027.\n\nTrân trọng cảm ơn!"),
    ("Agribank Chi nhánh Lâm Đồng", "agribank.lamdong@agribank.com.vn", "Thông báo lịch bảo trì hệ thống và chuyển đổi thẻ từ sang thẻ chip",
     "Kính gửi Quý khách hàng,\n\nAgribank Chi nhánh Lâm Đồng trân trọng thông báo: hệ thống ngân hàng điện tử sẽ tạm ngừng để bảo trì từ 23h00 ngày 12/12/2026 đến 03h00 ngày 13/12/2026. Trong thời gian này, giao dịch trên Agribank E-Mobile Banking và ATM có thể bị gián đoạn.\n\nTheo quy định của Ngân hàng Nhà nước, thẻ từ ngừng hoạt động từ ngày 01/01/2027. Quý khách đang sử dụng thẻ từ vui lòng mang CCCD đến quầy giao dịch gần nhất để đổi sang thẻ chip, miễn phí đổi thẻ.\n\nAgribank không yêu cầu khách hàng cung cấp mật khẩu, mã OTP qua điện thoại, tin nhắn hay thư điện tử. Hotline: 1900 558818.\n\nTrân trọng."),
    # A third batch: the portal's HTML newsletter, its From encoded whole with the address as an
    # in-house system writes it; a bank's HTML statement notice with its logo; a supplier's
    # e-invoice.
    ("Cổng TTĐT tỉnh Lâm Đồng", "bantin@lamdong.gov.vn", "Bản tin Chính quyền điện tử số 48/2026",
     "<html><body><table width=\"600\"><tr><td><img src=\"https://lamdong.gov.vn/logo.png\" alt=\"Cổng TTĐT\"></td></tr>\n<tr><td><h2>BẢN TIN CHÍNH QUYỀN ĐIỆN TỬ TỈNH LÂM ĐỒNG - SỐ 48/2026</h2>\n<p><b>UBND tỉnh họp phiên thường kỳ tháng 11</b><br>Chiều 30/11, UBND tỉnh tổ chức phiên họp thường kỳ, đánh giá tình hình kinh tế - xã hội 11 tháng năm 2026. <a href=\"https://lamdong.gov.vn/tin-tuc/hop-thuong-ky-thang-11\">Xem chi tiết</a></p>\n<p><b>Triển khai thanh toán không dùng tiền mặt trong dịch vụ công</b><br>Từ ngày 01/01/2027, 100% hồ sơ dịch vụ công trực tuyến được thanh toán phí, lệ phí qua Cổng Dịch vụ công quốc gia. <a href=\"https://lamdong.gov.vn/tin-tuc/thanh-toan-truc-tuyen\">Xem chi tiết</a></p>\n<p><b>Festival Hoa Đà Lạt lần thứ XI</b><br>Chương trình khuyến mại, giảm giá dịch vụ lưu trú, ăn uống đến 30% trong dịp Festival. <a href=\"https://lamdong.gov.vn/tin-tuc/festival-hoa\">Xem chi tiết</a></p>\n</td></tr><tr><td style=\"font-size:11px;color:#888\">Bạn nhận được bản tin này vì đã đăng ký tại Cổng thông tin điện tử tỉnh. <a href=\"https://lamdong.gov.vn/ban-tin/huy\">Hủy đăng ký nhận bản tin</a></td></tr></table></body></html>", True),
    ("Vietcombank", "VCBstatement@info.vietcombank.com.vn", "Sao kê tài khoản tháng 11/2026",
     "<html><body style=\"font-family:Arial\"><div style=\"background:#006b3f;color:#fff;padding:10px\"><img src=\"https://www.vietcombank.com.vn/logo.png\" alt=\"Vietcombank\"></div>\n<p>Kính gửi Quý khách hàng <b>SO TAI CHINH TINH LAM DONG</b>,</p>\n<p>Vietcombank trân trọng gửi Quý khách Sao kê tài khoản tháng 11/2026 (đính kèm, mật khẩu mở tệp là mã số thuế của đơn vị).</p>\n<table border=\"1\" cellpadding=\"4\"><tr><td>Số tài khoản</td><td>0071 0000 12345</td></tr><tr><td>Số dư đầu kỳ</td><td>1.234.567.890 VND</td></tr><tr><td>Số dư cuối kỳ</td><td>987.654.321 VND</td></tr></table>\n<p>Mọi thắc mắc xin liên hệ Hotline 1900 54 54 13. Vietcombank không yêu cầu Quý khách cung cấp mật khẩu, mã OTP qua email hay điện thoại.</p>\n<p style=\"font-size:10px\">Đây là email tự động, vui lòng không trả lời.</p></body></html>"),
    ("Hóa đơn điện tử Hồng Hà", "hoadon@hongha.com.vn", "Thông báo phát hành hóa đơn điện tử số 0001234",
     "Kính gửi: Văn phòng UBND huyện Lạc Dương\n\nCông ty CP Văn phòng phẩm Hồng Hà xin thông báo đã phát hành hóa đơn điện tử cho Quý khách:\n- Ký hiệu: 1C26THH, Số hóa đơn: 0001234\n- Tổng tiền thanh toán: 12.540.000 đồng\n\nQuý khách tra cứu và tải hóa đơn tại https://hoadon.hongha.com.vn/tracuu với mã tra cứu: HH26A9X4.\nĐề nghị Quý khách thanh toán trước ngày 31/12/2026 vào tài khoản 1234567890 tại BIDV chi nhánh Lâm Đồng.\n\nTrân trọng cảm ơn Quý khách!"),
    # A fourth batch: a citizen writing without diacritics, a newspaper's and an antivirus
    # vendor's price lists, the Government Office's reporting system (chinhphu.vn, not .gov.vn),
    # a ministry's training with its registration form, a social-housing draw's winners, a
    # union's birthday vouchers, a tax office's deadline, a partner's English invitation, the
    # holidays, a call for quotations, a bank's payroll confirmation.
    ('Tran Thi Be', 'tranthibe.dl@gmail.com', 'Xin hoi ve thu tuc cap lai giay khai sinh',
     'Kinh gui UBND phuong 3,\n\nToi ten la Tran Thi Be, hien dang o Binh Duong. Giay khai sinh ban chinh cua con toi bi mat trong luc chuyen nha. Chau sinh nam 2015 tai Da Lat va dang ky khai sinh tai phuong 3.\n\nToi xin hoi thu tuc cap ban sao trich luc khai sinh, co the lam truc tuyen duoc khong, va le phi bao nhieu? Neu phai ve truc tiep thi can mang theo giay to gi a?\n\nToi xin cam on va mong som nhan duoc tra loi.\nSo dien thoai: 0908 765 432'),
    ('Báo Lâm Đồng', 'quangcao@baolamdong.vn', 'Báo giá thông tin tuyên truyền trên Báo Lâm Đồng năm 2027',
     'Kính gửi: Các sở, ban, ngành, UBND các huyện, thành phố.\n\nBáo Lâm Đồng trân trọng gửi Quý cơ quan bảng giá thông tin tuyên truyền năm 2027 trên các ấn phẩm của Báo: báo in (thứ Hai đến thứ Bảy), Báo Lâm Đồng điện tử và các kênh mạng xã hội của Báo.\n\n- Trang chuyên đề báo in (khổ A3, 4 màu): 18.000.000 đồng/trang.\n- Bài viết kèm ảnh trên báo điện tử: 6.500.000 đồng/bài.\n- Video clip tuyên truyền (2-3 phút): 15.000.000 đồng/clip.\n\nCác cơ quan ký hợp đồng tuyên truyền cả năm trước ngày 31/01/2027 được giảm 10% tổng giá trị hợp đồng. Giá trên đã bao gồm thuế VAT.\n\nChi tiết xin liên hệ Phòng Quảng cáo - Phát hành, điện thoại 0263.3822.xxx, email quangcao@baolamdong.vn.\nTrân trọng./.'),
    ('Văn phòng Chính phủ', 'hotro.baocao@chinhphu.vn', 'V/v cập nhật số liệu trên Hệ thống thông tin báo cáo Chính phủ',
     'Kính gửi: Văn phòng UBND tỉnh Lâm Đồng.\n\nĐể phục vụ Phiên họp Chính phủ thường kỳ tháng 12/2026, đề nghị Quý cơ quan cập nhật các chỉ tiêu kinh tế - xã hội trên Hệ thống thông tin báo cáo Chính phủ tại https://baocao.chinhphu.vn trước 17h00 ngày 25/12/2026.\n\nTài khoản của đơn vị đã được cấp theo Công văn số 1567/VPCP-TH. Cán bộ được giao nhiệm vụ đăng nhập bằng tài khoản định danh điện tử; trường hợp quên mật khẩu, đề nghị sử dụng chức năng cấp lại mật khẩu trên Hệ thống hoặc liên hệ bộ phận hỗ trợ, điện thoại 080.43xxx.\n\nTrân trọng./.'),
    ('Cục Chuyển đổi số quốc gia', 'taphuan@mic.gov.vn', 'Mời tham dự tập huấn trực tuyến về an toàn thông tin cho cán bộ chuyên trách',
     'Kính gửi: Sở Thông tin và Truyền thông các tỉnh, thành phố.\n\nCục Chuyển đổi số quốc gia tổ chức lớp tập huấn trực tuyến "Nâng cao nhận thức và kỹ năng bảo đảm an toàn thông tin" cho cán bộ chuyên trách công nghệ thông tin.\n\nThời gian: 08h30 ngày 18/12/2026 (thứ Sáu). Hình thức: trực tuyến qua Zoom, ID: 845 1234 5678, mật mã: 181226.\nĐăng ký tham dự tại https://forms.gle/Xy7abc9DEF12 trước ngày 15/12/2026. Học viên tham dự đầy đủ được cấp giấy chứng nhận.\n\nĐề nghị Quý Sở thông báo đến các cơ quan, đơn vị trên địa bàn cử cán bộ tham dự.\nTrân trọng./.'),
    ('Công ty Cổ phần BKAV', 'banhang@bkav.com.vn', 'Thông báo gia hạn bản quyền phần mềm Bkav Pro cho Sở Nông nghiệp',
     'Kính gửi: Sở Nông nghiệp và Phát triển nông thôn tỉnh Lâm Đồng.\n\nBkav trân trọng cảm ơn Quý Sở đã tin dùng phần mềm diệt virus Bkav Pro. Bản quyền 120 máy của Quý Sở sẽ hết hạn vào ngày 31/12/2026.\n\nĐể máy tính được bảo vệ liên tục, Quý Sở vui lòng gia hạn bản quyền năm 2027 với đơn giá 250.000 đồng/máy/năm (đã bao gồm VAT). Đơn vị gia hạn trước ngày 20/12/2026 được tặng thêm 3 tháng sử dụng.\n\nThủ tục gia hạn: ký phụ lục hợp đồng và thanh toán chuyển khoản. Chuyên viên kinh doanh phụ trách: anh Đỗ Minh Quân, điện thoại 0913.456.789.\nTrân trọng!'),
    ('Sở Xây dựng', 'soxaydung@lamdong.gov.vn', 'Thông báo kết quả bốc thăm mua nhà ở xã hội dự án Khu nhà ở Phường 7',
     'Kính gửi: Các hộ gia đình, cá nhân đăng ký mua nhà ở xã hội.\n\nNgày 02/12/2026, Hội đồng đã tổ chức bốc thăm công khai lựa chọn người được mua nhà ở xã hội dự án Khu nhà ở Phường 7, thành phố Đà Lạt, với sự chứng kiến của đại diện Ủy ban MTTQ và người đăng ký. Có 120 hộ trúng bốc thăm trên tổng số 356 hồ sơ hợp lệ (danh sách kèm theo).\n\nCác hộ trúng bốc thăm liên hệ chủ đầu tư để ký hợp đồng mua bán trong thời hạn 30 ngày kể từ ngày thông báo; quá thời hạn trên mà không ký hợp đồng thì được xem là từ chối quyền mua.\n\nTrân trọng./.'),
    ('Công đoàn cơ sở Sở Tư pháp', 'congdoan.stp@lamdong.gov.vn', 'Chúc mừng sinh nhật đoàn viên tháng 12',
     'Thân gửi các đồng chí đoàn viên có sinh nhật trong tháng 12/2026,\n\nBan Chấp hành Công đoàn cơ sở chúc các đồng chí tuổi mới mạnh khỏe, hạnh phúc và thành công trong công tác!\n\nNhân dịp này, Công đoàn tặng mỗi đồng chí một phiếu quà tặng trị giá 300.000 đồng. Các đồng chí nhận phiếu tại phòng Công đoàn (tầng 2) từ ngày 07/12 đến 11/12/2026 và ký vào danh sách nhận.\n\nThân ái!\nBCH Công đoàn cơ sở'),
    ('Chi cục Thuế khu vực Bảo Lộc', 'ccthue.baoloc@gdt.gov.vn', 'Thông báo người nộp thuế không hoạt động tại địa chỉ đã đăng ký',
     'Kính gửi: Công ty TNHH Thương mại Dịch vụ Minh Phát, MST 5801234567.\n\nQua kiểm tra thực tế, Chi cục Thuế xác định người nộp thuế không còn hoạt động tại địa chỉ đã đăng ký. Căn cứ Luật Quản lý thuế, trong thời hạn 10 ngày làm việc kể từ ngày nhận thông báo này, đề nghị người nộp thuế liên hệ Chi cục Thuế để giải trình. Quá thời hạn trên, cơ quan thuế sẽ chuyển trạng thái mã số thuế sang "người nộp thuế không hoạt động tại địa chỉ đã đăng ký" và công khai trên Cổng thông tin điện tử của Tổng cục Thuế.\n\nĐịa chỉ liên hệ: Chi cục Thuế khu vực Bảo Lộc, 05 Lê Hồng Phong, Bảo Lộc. Điện thoại: 0263.3864.xxx.\nTrân trọng./.'),
    ('JICA Vietnam Office', 'vt_oso_rep@jica.go.jp', 'Invitation: Workshop on disaster risk reduction in the Central Highlands',
     'Dear Sir/Madam,\n\nOn behalf of the Japan International Cooperation Agency (JICA), we are pleased to invite representatives of the Lam Dong Provincial People\'s Committee to the workshop "Landslide risk reduction in the Central Highlands", to be held in Da Lat on 14-15 January 2027.\n\nThe workshop will share the results of the technical cooperation project and discuss the plan for the next phase. Interpretation between Japanese, English and Vietnamese will be provided. Travel and accommodation costs of up to two participants from each agency will be covered by the project.\n\nPlease confirm your participation by 20 December 2026 by replying to this email.\n\nBest regards,\nJICA Vietnam Office'),
    ('Sở Nội vụ', 'sonv@lamdong.gov.vn', 'Thông báo nghỉ Tết Dương lịch và Tết Nguyên đán Bính Ngọ năm 2027',
     'Kính gửi: Các sở, ban, ngành; UBND các huyện, thành phố.\n\nThực hiện thông báo của Bộ Nội vụ, cán bộ, công chức, viên chức được nghỉ Tết Dương lịch 01 ngày (thứ Sáu, ngày 01/01/2027) và nghỉ Tết Nguyên đán 09 ngày, từ thứ Bảy ngày 13/02/2027 đến hết Chủ nhật ngày 21/02/2027.\n\nCác cơ quan, đơn vị bố trí trực, bảo đảm an ninh, an toàn, phòng chống cháy nổ; không sử dụng ngân sách nhà nước, phương tiện công vào việc đi lễ, chúc Tết cấp trên. Báo cáo tình hình trực Tết về Sở Nội vụ trước 10h00 ngày 22/02/2027.\n\nTrân trọng./.'),
    ('Trung tâm Mua sắm công', 'muasamcong@lamdong.gov.vn', 'Thư mời chào giá cung cấp văn phòng phẩm năm 2027',
     'Kính gửi: Các nhà cung cấp.\n\nTrung tâm Mua sắm công tỉnh Lâm Đồng có nhu cầu mua sắm văn phòng phẩm năm 2027 (giấy in A4, mực in, bìa hồ sơ, bút...) theo danh mục đính kèm. Kính mời các nhà cung cấp có đủ năng lực gửi báo giá.\n\nBáo giá ghi rõ đơn giá, thành tiền, thuế VAT, thời gian giao hàng và hiệu lực báo giá (tối thiểu 60 ngày); gửi bản giấy có đóng dấu về Trung tâm hoặc bản scan qua email trước 16h00 ngày 18/12/2026. Trung tâm lựa chọn nhà cung cấp có giá thấp nhất đáp ứng yêu cầu kỹ thuật.\n\nĐiện thoại liên hệ: 0263.3520.xxx (chị Hương).\nTrân trọng./.'),
    ('Ngân hàng TMCP Đầu tư và Phát triển', 'bidv.lamdong@bidv.com.vn', 'Xác nhận chi lương tháng 12/2026 qua tài khoản',
     'Kính gửi: Kế toán Văn phòng Sở Y tế tỉnh Lâm Đồng.\n\nBIDV Chi nhánh Lâm Đồng xác nhận đã thực hiện chi lương tháng 12/2026 cho 86 cán bộ của Quý đơn vị theo bảng kê số 12/2026 ngày 04/12/2026, tổng số tiền 1.245.600.000 đồng, từ tài khoản số 63010000123456 của đơn vị.\n\n02 tài khoản nhận không hợp lệ (sai số tài khoản) đã được hoàn trả về tài khoản của đơn vị; chi tiết trong bảng kê đính kèm. Đề nghị đơn vị kiểm tra, bổ sung thông tin và lập lệnh chi bổ sung.\n\nTrân trọng.'),
    # A fifth batch (session 33): the public-service portal's receipt, an online meeting's
    # invitation with its passcode, the IT centre's password reminder, a copier's scan, social
    # insurance's statement, an airline's booking, a forward of a forward, a union's Tết bonus,
    # a ministry's free webinar, a reply with an empty body, a newspaper's HTML digest, a hotel
    # booking in English, an urgent deadline in capitals, the tax office's receipt.
 ("Cổng Dịch vụ công tỉnh Lâm Đồng", "noreply@dichvucong.lamdong.gov.vn", "Thông báo tiếp nhận hồ sơ số 000.00.24.H39-261120-0015",
  "Kính gửi: Ông/Bà Nguyễn Văn Hùng\n\nHệ thống thông tin giải quyết thủ tục hành chính tỉnh Lâm Đồng thông báo: hồ sơ của Ông/Bà đã được tiếp nhận.\n\nMã hồ sơ: 000.00.24.H39-261120-0015\nThủ tục: Cấp giấy phép xây dựng nhà ở riêng lẻ\nNgày hẹn trả kết quả: 04/12/2026\nLệ phí: 75.000 đồng (đã thanh toán trực tuyến qua VNPT Money)\n\nÔng/Bà có thể tra cứu tình trạng hồ sơ tại https://dichvucong.lamdong.gov.vn/tra-cuu-ho-so bằng mã hồ sơ trên.\n\nĐây là thư tự động, vui lòng không trả lời thư này."),
 ("Văn phòng UBND tỉnh", "vanphong@lamdong.gov.vn", "Mời họp trực tuyến: Giao ban công tác chuyển đổi số tháng 11",
  "Kính gửi: Giám đốc các sở, ban, ngành; Chủ tịch UBND các huyện, thành phố.\n\nThực hiện chỉ đạo của Chủ tịch UBND tỉnh, Văn phòng UBND tỉnh kính mời các đồng chí dự họp giao ban công tác chuyển đổi số tháng 11/2026 theo hình thức trực tuyến.\n\nThời gian: 14h00 thứ Năm, ngày 26/11/2026.\nPhòng họp Zoom: https://us06web.zoom.us/j/84512367890\nID cuộc họp: 845 1236 7890\nMật mã: 261126\n\nĐề nghị các đơn vị kết nối thử trước 15 phút, tắt micro khi không phát biểu.\n\nTrân trọng."),
 ("Trung tâm Chuyển đổi số", "hotro@cds.lamdong.gov.vn", "Mật khẩu hộp thư công vụ của đồng chí sẽ hết hạn sau 5 ngày",
  "Kính gửi đồng chí,\n\nTheo quy định về an toàn thông tin, mật khẩu hộp thư công vụ phải được thay đổi 90 ngày một lần. Mật khẩu của đồng chí sẽ hết hạn vào ngày 30/11/2026.\n\nĐồng chí vui lòng đăng nhập https://mail.lamdong.gov.vn, vào mục Tùy chọn > Đổi mật khẩu để thay đổi. Mật khẩu mới có ít nhất 8 ký tự, gồm chữ hoa, chữ thường, chữ số và ký tự đặc biệt.\n\nTrung tâm không bao giờ yêu cầu đồng chí gửi mật khẩu qua thư. Cần hỗ trợ, liên hệ số máy 0263.3822.111.\n\nTrung tâm Chuyển đổi số tỉnh Lâm Đồng"),
 ("Máy photocopy tầng 3", "scanner@sotc.lamdong.gov.vn", "Message from KM_C364e",
  "This E-mail was sent from \"RNP8871F6\" (C364e).\n\nScan Date: 11.20.2026 09:14\nQueries to: scanner@sotc.lamdong.gov.vn\n"),
 ("Bảo hiểm xã hội tỉnh Lâm Đồng", "thongbao@lamdong.baohiemxahoi.gov.vn", "Thông báo kết quả đóng BHXH, BHYT tháng 10/2026",
  "Kính gửi: Sở Tài chính tỉnh Lâm Đồng\nMã đơn vị: TA0123A\n\nBảo hiểm xã hội tỉnh thông báo kết quả đóng BHXH, BHYT, BHTN tháng 10/2026 của đơn vị:\n- Số lao động: 86\n- Số phải đóng: 312.456.000 đồng\n- Số đã đóng: 312.456.000 đồng\n- Số còn nợ: 0 đồng\n\nĐơn vị tra cứu chi tiết trên Cổng thông tin điện tử BHXH Việt Nam https://dichvucong.baohiemxahoi.gov.vn.\n\nTrân trọng."),
 ("Vietnam Airlines", "no-reply@vietnamairlines.com", "Xác nhận đặt chỗ - Mã đặt chỗ: K7XQ2P",
  "Kính gửi Quý khách NGUYEN THI LAN,\n\nCảm ơn Quý khách đã lựa chọn Vietnam Airlines. Đặt chỗ của Quý khách đã được xác nhận.\n\nMã đặt chỗ: K7XQ2P\nChuyến bay: VN1564 Đà Lạt (DLI) - Hà Nội (HAN), 07/12/2026, 10:15 - 12:05\nHạng ghế: Phổ thông tiêu chuẩn\nTổng tiền: 3.456.000 VND (đã bao gồm thuế, phí)\nSố vé điện tử: 738 2412345678\n\nQuý khách vui lòng có mặt tại sân bay trước giờ khởi hành ít nhất 60 phút. Làm thủ tục trực tuyến tại https://www.vietnamairlines.com/checkin từ 24 giờ trước giờ bay.\n\nVietnam Airlines chúc Quý khách chuyến bay tốt đẹp!"),
 ("Trần Văn Bình", "tvbinh@sokhcn.lamdong.gov.vn", "Fwd: Fwd: V/v đăng ký tham dự Hội thảo khoa học",
  "Chuyển anh Hải xem và đăng ký giúp phòng mình.\n\n---------- Forwarded message ---------\nFrom: Phòng Quản lý khoa học <qlkh@sokhcn.lamdong.gov.vn>\nDate: Thu, 19 Nov 2026 at 08:12\nSubject: Fwd: V/v đăng ký tham dự Hội thảo khoa học\nTo: <cacphong@sokhcn.lamdong.gov.vn>\n\nKính chuyển các phòng.\n\n---------- Forwarded message ---------\nFrom: Trường Đại học Đà Lạt <hoithao@dlu.edu.vn>\nDate: Wed, 18 Nov 2026 at 16:40\nSubject: V/v đăng ký tham dự Hội thảo khoa học\n\nTrường Đại học Đà Lạt tổ chức Hội thảo khoa học quốc gia \"Nông nghiệp công nghệ cao vùng Tây Nguyên\" ngày 15/12/2026. Phí tham dự: 500.000 đồng/đại biểu (miễn phí cho báo cáo viên). Hạn đăng ký: 05/12/2026 tại https://hoithao.dlu.edu.vn/dangky.\n\nTrân trọng kính mời."),
 ("Công đoàn Sở Y tế", "congdoan@soyte.lamdong.gov.vn", "Thông báo chi tiền thưởng Tết Nguyên đán Bính Ngọ 2026",
  "Kính gửi: Các đồng chí đoàn viên công đoàn.\n\nBan Chấp hành Công đoàn Sở thông báo mức chi thưởng Tết Nguyên đán:\n- Đoàn viên: 2.000.000 đồng/người\n- Đoàn viên có hoàn cảnh khó khăn: thêm 1.000.000 đồng\n\nTiền thưởng được chuyển khoản vào tài khoản lương ngày 05/02/2026. Đồng chí nào chưa có tài khoản tại Vietinbank, nhận tiền mặt tại phòng Kế toán.\n\nChúc các đồng chí và gia đình năm mới an khang, thịnh vượng!"),
 ("Bộ Thông tin và Truyền thông", "webinar@mic.gov.vn", "Mời tham dự hội thảo trực tuyến miễn phí: An toàn thông tin cho cơ quan nhà nước",
  "Kính gửi: Lãnh đạo Sở Thông tin và Truyền thông các tỉnh, thành phố.\n\nCục An toàn thông tin tổ chức hội thảo trực tuyến MIỄN PHÍ \"Bảo đảm an toàn thông tin cho hệ thống thư điện tử công vụ\" vào 9h00 ngày 03/12/2026.\n\nNội dung: xu hướng tấn công lừa đảo qua thư điện tử năm 2026; triển khai SPF, DKIM, DMARC; kinh nghiệm ứng cứu sự cố.\n\nĐăng ký tham dự tại: https://forms.mic.gov.vn/hoithao-attt. Số lượng có hạn, ưu tiên cán bộ chuyên trách.\n\nTrân trọng."),
 ("Nguyễn Thị Mai", "ntmai@ubnddalat.lamdong.gov.vn", "Re: Gửi file",
  ""),
 ("Báo Lâm Đồng", "bandoc@baolamdong.vn", "Bản tin Báo Lâm Đồng điện tử ngày 20/11/2026",
  "<html><body><h2>BẢN TIN SÁNG 20/11/2026</h2><ul><li><a href=\"https://baolamdong.vn/chinh-tri/202611/hoi-nghi-tinh-uy-lan-thu-20\">Hội nghị Tỉnh ủy lần thứ 20 bàn nhiệm vụ phát triển kinh tế - xã hội năm 2027</a></li><li><a href=\"https://baolamdong.vn/kinh-te/202611/gia-ca-phe-tang-manh\">Giá cà phê tăng mạnh, nông dân phấn khởi</a></li><li><a href=\"https://baolamdong.vn/xa-hoi/202611/ngay-nha-giao\">Kỷ niệm 44 năm Ngày Nhà giáo Việt Nam</a></li><li><a href=\"https://baolamdong.vn/du-lich/202611/festival-hoa\">Đà Lạt chuẩn bị Festival Hoa lần thứ XI</a></li></ul><p>Quý độc giả nhận bản tin này vì đã đăng ký tại baolamdong.vn. <a href=\"https://baolamdong.vn/huy-dang-ky\">Hủy đăng ký</a></p></body></html>"),
 ("Agoda", "no-reply@agoda.com", "Booking Confirmation - Order 1298765432",
  "Dear Tran Van Minh,\n\nThank you for booking with Agoda. Your booking is confirmed.\n\nHotel: Muong Thanh Grand Ha Noi\nCheck-in: Dec 7, 2026 (from 14:00)\nCheck-out: Dec 9, 2026 (until 12:00)\nRoom: Deluxe Double, 1 room, 2 nights\nTotal charged: VND 2,840,000 (includes taxes and fees)\n\nManage your booking at https://www.agoda.com/account/bookings.html\n\nWe hope you enjoy your stay!\nThe Agoda team"),
 ("Phòng Tổ chức Cán bộ", "tccb@sonv.lamdong.gov.vn", "KHẨN: Đề nghị gửi danh sách cán bộ đi học trước 16h00 hôm nay",
  "Kính gửi các phòng, đơn vị trực thuộc.\n\nĐể kịp tổng hợp báo cáo Ban Tổ chức Tỉnh ủy, đề nghị các phòng, đơn vị gửi danh sách cán bộ đăng ký học lớp Trung cấp lý luận chính trị năm 2027 TRƯỚC 16H00 HÔM NAY, 20/11/2026.\n\nQuá thời hạn trên, đơn vị không gửi xem như không có nhu cầu.\n\nĐề nghị các đơn vị khẩn trương thực hiện!"),
 ("Cục Thuế tỉnh Lâm Đồng", "thongbao@gdt.gov.vn", "Thông báo: Người nộp thuế đã nộp hồ sơ khai thuế thành công",
  "Kính gửi: SỞ TÀI CHÍNH TỈNH LÂM ĐỒNG\nMã số thuế: 5800123456\n\nCơ quan thuế đã nhận được hồ sơ khai thuế của người nộp thuế:\n- Tên tờ khai: 05/KK-TNCN - Tờ khai khấu trừ thuế TNCN (TT80/2021)\n- Kỳ tính thuế: Quý 3/2026\n- Ngày nộp: 20/11/2026 10:45:12\n- Mã giao dịch: 11020261120123456\n\nNgười nộp thuế tra cứu thông báo chấp nhận hồ sơ tại https://thuedientu.gdt.gov.vn.\n\nTổng cục Thuế"),
    # A sixth batch (session 34): citizens writing to the province in capitals and exclamation
    # marks, as distressed people do; a style, not spam.
    ("Phạm Văn Hòa", "phamvanhoa1965@gmail.com", "ĐƠN PHẢN ÁNH VỀ VIỆC XẢ THẢI GÂY Ô NHIỄM!!!",
     "KÍNH GỬI: UBND XÃ ĐẠ SAR, HUYỆN LẠC DƯƠNG\n\nTÔI TÊN LÀ PHẠM VĂN HÒA, NGỤ TẠI THÔN ĐẠ NHÁ, XÃ ĐẠ SAR. TÔI XIN PHẢN ÁNH: TRẠI HEO CỦA ÔNG NGUYỄN VĂN B. Ở CUỐI THÔN THẢI NƯỚC BẨN RA SUỐI, MÙI HÔI THỐI NỒNG NẶC SUỐT NGÀY ĐÊM, NHIỀU HỘ DÂN CÓ NGƯỜI GIÀ, TRẺ NHỎ BỊ BỆNH!!! BÀ CON ĐÃ KIẾN NGHỊ NHIỀU LẦN Ở CÁC BUỔI HỌP THÔN NHƯNG ĐẾN NAY VẪN CHƯA ĐƯỢC GIẢI QUYẾT!!!\n\nĐỀ NGHỊ UBND XÃ CỬ CÁN BỘ XUỐNG KIỂM TRA, XỬ LÝ DỨT ĐIỂM VÀ TRẢ LỜI CHO BÀ CON ĐƯỢC BIẾT. SỐ ĐIỆN THOẠI CỦA TÔI: 0975 123 456.\n\nXIN CẢM ƠN!\nPHẠM VĂN HÒA"),
    ("Lê Thị Thu", "lethithu.dl@yahoo.com", "KHẨN CẤP!!! ĐỀ NGHỊ GIẢI QUYẾT TRANH CHẤP ĐẤT ĐAI KÉO DÀI",
     "Kính gửi: Ban Tiếp công dân tỉnh Lâm Đồng\n\nTôi là Lê Thị Thu, thường trú tại tổ 5, phường 7, thành phố Đà Lạt. Gia đình tôi đã gửi đơn đề nghị giải quyết tranh chấp ranh giới thửa đất số 112, tờ bản đồ số 8 từ tháng 3/2025 nhưng đến nay đã hơn 1 năm vẫn chưa nhận được trả lời!!!\n\nHộ liền kề đã xây tường lấn sang đất nhà tôi gần 1 mét, ảnh hưởng nghiêm trọng đến sinh hoạt của gia đình. Tôi kính đề nghị Ban xem xét, chỉ đạo phường giải quyết dứt điểm.\n\nSố điện thoại liên hệ: 0905 678 910.\n\nTrân trọng cảm ơn!\nLê Thị Thu"),
]

SPAM = [
    # A phishing mail in a warning's words; a loan offer that "warns" of impostors; a "recovery"
    # scam that names fraud in its subject.
    ("Bộ phận Bảo mật Vietcombank", "baomat@vietcombank-canhbao.top", "Cảnh báo giả mạo: xác minh tài khoản để tránh bị khóa",
     "Kính gửi quý khách,\n"
     "Vietcombank phát hiện các đối tượng giả mạo đang sử dụng thông tin tài khoản của quý khách. Để bảo vệ tài khoản, quý khách vui lòng đăng nhập và xác minh tại https://vietcombank-xacminh.top/login trong vòng 24 giờ, nếu không tài khoản sẽ bị tạm khóa.\n"
     "Tuyệt đối không cung cấp mã OTP cho người lạ.\n"
     "Trân trọng."),
    ("Tài chính Phú Gia", "vayvon.phugia@gmail.com", "Vay vốn nhanh lãi suất thấp cho cán bộ công chức",
     "Hỗ trợ vay tiền nhanh theo lương cán bộ, không cần thế chấp, lãi suất thấp, giải ngân trong ngày.\n"
     "Cảnh giác với các đối tượng mạo danh công ty: chúng tôi không thu phí trước, tuyệt đối không chuyển tiền cho nhân viên.\n"
     "Liên hệ Zalo 0934 112 358 để được tư vấn."),
    ("Văn phòng hỗ trợ nạn nhân", "thuhoi.tien247@gmail.com", "Hỗ trợ nạn nhân lừa đảo qua mạng lấy lại tiền",
     "Bạn là nạn nhân bị các đối tượng lừa đảo chiếm đoạt tài sản? Đội ngũ luật sư của chúng tôi cam kết thu hồi 100% số tiền trong 7 ngày. Phí dịch vụ 3.500.000đ chuyển khoản trước để mở hồ sơ. Bảo mật tuyệt đối. Liên hệ ngay Zalo 0977 445 120."),
    # The second batch's scams: a tax refund, a job from home, a full mailbox, a power cut, a
    # prize from a carrier.
    ("Cục Thuế - Hoàn thuế TNCN", "hoanthue@gdt-gov.vn.top", "Thông báo hoàn thuế thu nhập cá nhân năm 2026",
     "Kính gửi Người nộp thuế,\n\nCơ quan thuế thông báo Quý vị được hoàn số tiền thuế thu nhập cá nhân nộp thừa là 3.850.000 đồng. Để nhận tiền hoàn, Quý vị vui lòng truy cập đường link https://hoanthue-gdt.top/xacnhan và điền đầy đủ thông tin: họ tên, số CCCD, số tài khoản ngân hàng và mã OTP được gửi về điện thoại.\n\nHồ sơ hoàn thuế chỉ được giải quyết trong vòng 48 giờ kể từ khi nhận thông báo này. Quá thời hạn trên, khoản hoàn thuế sẽ bị hủy.\n\nTrân trọng,\nTổng cục Thuế"),
    ("Nguyễn Thị Thu - Tuyển dụng", "tuyendung.shopee.vn@gmail.com", "Tuyển cộng tác viên làm tại nhà, thu nhập 500k-1tr/ngày",
     "Chào bạn,\n\nBên mình đang tuyển cộng tác viên xử lý đơn hàng online cho sàn thương mại điện tử. Công việc đơn giản, chỉ cần điện thoại có kết nối mạng, làm 1-2 tiếng mỗi ngày, thu nhập từ 500.000 đến 1.000.000 đồng/ngày, hoa hồng thanh toán ngay sau mỗi đơn.\n\nKhông cần kinh nghiệm, không cần đặt cọc. Bạn quan tâm vui lòng kết bạn Zalo 0869.555.123 để được hướng dẫn chi tiết. Số lượng có hạn, ưu tiên người đăng ký sớm!\n\nThân mến."),
    ("Bộ phận kỹ thuật Mail Công vụ", "admin@lamdong-gov.com", "[Cảnh báo] Hộp thư của bạn đã vượt quá dung lượng lưu trữ",
     "Kính gửi người dùng,\n\nHộp thư vanthu@lamdong.gov.vn của bạn đã sử dụng 99% dung lượng. Các thư mới gửi đến sẽ bị trả lại. Để tránh bị gián đoạn, vui lòng nhấn vào liên kết dưới đây để nâng cấp dung lượng miễn phí:\n\nhttp://lamdong-gov.com/webmail/nangcap?user=vanthu\n\nNếu không xác nhận trong vòng 24 giờ, tài khoản của bạn sẽ bị tạm khóa.\n\nTrân trọng,\nQuản trị hệ thống"),
    ("Điện lực Lâm Đồng", "cskh.dienluc@outlook.com", "THÔNG BÁO CẮT ĐIỆN DO NỢ TIỀN ĐIỆN",
     "Kính gửi Quý khách hàng,\n\nTheo hệ thống, Quý khách còn nợ tiền điện kỳ tháng 10 và tháng 11/2026 với tổng số tiền 2.457.000 đồng. Nếu không thanh toán trước 17h00 hôm nay, đơn vị sẽ tiến hành cắt điện.\n\nQuý khách vui lòng thanh toán ngay vào tài khoản 19036789012 Techcombank, chủ tài khoản NGUYEN VAN TUAN (nhân viên thu ngân) và gửi ảnh chụp biên lai qua Zalo 0936.111.222 để được xác nhận.\n\nXin cảm ơn!"),
    ("Ban Tổ chức Chương trình Tri ân", "trian.khachhang@viettel-uudai.shop", "Chúc mừng! Số thuê bao của bạn trúng thưởng iPhone 17 Pro Max",
     "Xin chúc mừng Quý khách!\n\nSố thuê bao của Quý khách đã may mắn trúng giải Nhất chương trình Tri ân khách hàng năm 2026 gồm 01 điện thoại iPhone 17 Pro Max và 20.000.000 đồng tiền mặt.\n\nĐể nhận giải, Quý khách vui lòng nộp phí trước bạ và phí vận chuyển 1.950.000 đồng vào tài khoản của Ban tổ chức, sau đó truy cập https://viettel-uudai.shop/nhanthuong để điền thông tin nhận quà. Chương trình kết thúc sau 3 ngày.\n\nBan Tổ chức"),
    # The fourth batch's scams: an e-ID lock-out, a loan typed without diacritics, sextortion, a
    # betting site, a crypto group, an overdue invoice on a look-alike domain.
    ('Cổng Dịch vụ công', 'thongbao@dichvucong-vneid.com', 'Thông báo: Tài khoản định danh điện tử của bạn sắp bị khóa',
     'Kính gửi công dân,\n\nHệ thống ghi nhận tài khoản định danh điện tử VNeID của bạn chưa được xác thực mức độ 2 theo quy định. Tài khoản sẽ bị khóa và các giao dịch dịch vụ công bị từ chối sau 24 giờ.\n\nVui lòng truy cập https://dichvucong-vneid.com/xacthuc, đăng nhập và cung cấp ảnh CCCD hai mặt, số tài khoản ngân hàng để hoàn tất xác thực.\n\nTrân trọng,\nBộ Công an'),
    ('Tai chinh 24h', 'vaytien24h.hotro@gmail.com', 'Vay tien nhanh khong can the chap, giai ngan trong 30 phut',
     'Chao anh chi,\n\nBen em ho tro vay tien nhanh tu 10 trieu den 300 trieu chi can CCCD, khong can the chap, khong tham dinh, giai ngan trong 30 phut. Lai suat chi tu 0.8%/thang, no xau van ho tro.\n\nAnh chi co nhu cau lien he Zalo 0932 456 789 (Ms Linh) de duoc tu van mien phi. Uu tien can bo cong chuc, giao vien, nhan vien van phong.\n\nTran trong!'),
    ('Hacker', 'xkq72@protonmail.com', 'Tôi biết mật khẩu của bạn',
     'Xin chào,\n\nTôi đã truy cập được vào thiết bị của bạn từ vài tháng trước thông qua một phần mềm độc hại. Tôi đã ghi lại được các video và tin nhắn riêng tư của bạn. Nếu bạn không muốn tôi gửi chúng cho toàn bộ danh bạ và đồng nghiệp của bạn, hãy chuyển 1.500 USD bằng Bitcoin vào địa chỉ ví sau: bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh\n\nBạn có 48 giờ kể từ khi đọc thư này. Đừng báo cảnh sát, tôi sẽ biết ngay lập tức.\n'),
    ('Nhà cái Uy tín', 'cskh@nhacai-so1.vip', 'Tặng ngay 200K khi đăng ký tài khoản mới - Hoàn trả không giới hạn',
     'Chào mừng bạn đến với nhà cái uy tín số 1 châu Á!\n\nĐăng ký tài khoản mới ngay hôm nay nhận ngay 200.000đ tiền thưởng, hoàn trả 1,5% mỗi ngày không giới hạn. Cá cược thể thao, casino trực tuyến, nổ hũ, bắn cá đổi thưởng. Nạp rút siêu tốc 3 phút, bảo mật tuyệt đối.\n\nĐăng ký ngay: https://nhacai-so1.vip/dangky?ref=vip88\n\nHỗ trợ 24/7 qua Telegram @nhacaiso1_cskh.'),
    ('Nhóm Đầu tư Tài chính Thông minh', 'dautu.thongminh68@gmail.com', 'Cơ hội đầu tư tiền số lợi nhuận 30% mỗi tháng',
     'Chào anh/chị,\n\nNhóm chuyên gia của chúng tôi đang mở cộng đồng đầu tư tiền mã hóa với lợi nhuận ổn định 30%/tháng, cam kết hoàn vốn nếu thua lỗ. Chỉ cần vốn từ 5 triệu đồng, chuyên gia sẽ hướng dẫn từng lệnh mỗi ngày.\n\nHàng nghìn thành viên đã có thu nhập thụ động. Số lượng thành viên mới có hạn trong tháng này, tham gia nhóm Zalo ngay: https://zalo.me/g/dautuvip68\n\nChúc anh/chị thành công!'),
    ('VNPT Hóa đơn điện tử', 'hoadon@vnpt-invoice.xyz', 'Hóa đơn điện tử tháng 11/2026 chưa thanh toán',
     'Kính gửi Quý khách hàng,\n\nVNPT thông báo hóa đơn dịch vụ viễn thông tháng 11/2026 của Quý khách số tiền 1.286.000 đồng đã quá hạn thanh toán. Dịch vụ sẽ bị tạm ngưng trong 24 giờ tới.\n\nQuý khách vui lòng xem hóa đơn và thanh toán trực tuyến tại: http://vnpt-invoice.xyz/tra-cuu?ma=HD889120 bằng thẻ ngân hàng nội địa. Sau khi nhập thông tin thẻ, vui lòng nhập mã OTP để hoàn tất.\n\nTrân trọng,\nVNPT'),
    # The fifth batch's scams: the public-service portal refusing a file, a traffic camera fine, a
    # copier's scan in English behind a sign-in, a Zoom meeting behind a sign-in, web design
    # advertising, free air tickets, a social-insurance payout app, an English course.
 ("Cổng Dịch vụ công Quốc gia", "hoso@dichvucong-gov.online", "Hồ sơ của bạn bị từ chối - cập nhật ngay để tránh bị phạt",
  "Kính gửi Công dân,\n\nHồ sơ thủ tục hành chính số 000.00.24.H39 của bạn đã bị từ chối do thông tin không khớp với Cơ sở dữ liệu quốc gia về dân cư. Nếu không cập nhật trong 24 giờ, bạn sẽ bị xử phạt hành chính từ 2.000.000 đến 5.000.000 đồng.\n\nCập nhật thông tin ngay tại: https://dichvucong-gov.online/capnhat và đăng nhập bằng tài khoản ngân hàng để xác thực.\n\nTrân trọng."),
 ("Cục CSGT", "phatnguoi@csgt-thongbao.com", "Thông báo phạt nguội vi phạm giao thông - Biển số 49A-123.45",
  "Kính gửi chủ phương tiện,\n\nHệ thống camera giám sát ghi nhận phương tiện biển số 49A-123.45 vi phạm lỗi vượt đèn đỏ ngày 15/11/2026. Mức phạt: 4.000.000 đồng, tước giấy phép lái xe 2 tháng.\n\nĐể được giảm 50% mức phạt, vui lòng nộp phạt trực tuyến trước 48 giờ tại: http://csgt-thongbao.com/nopphat\n\nQuá thời hạn, hồ sơ sẽ được chuyển cưỡng chế."),
 ("Scanner", "scanner@xerox-docs.net", "Scanned document from your office printer",
  "You have received 1 new scanned document (3 pages).\n\nDocument: Hop_dong_2026.pdf\nView document: https://xerox-docs.net/view?id=88213&email=vanthu@lamdong.gov.vn\n\nSign in with your email password to view the document. This link expires in 24 hours."),
 ("Zoom Meetings", "meetings@zoom-vn.support", "Lời mời họp khẩn từ Ban Giám đốc",
  "Bạn được mời tham gia cuộc họp Zoom khẩn của Ban Giám đốc.\n\nTham gia cuộc họp: https://zoom-vn.support/j/8841293?pwd=xk29\nVui lòng đăng nhập bằng tài khoản email công vụ để xác minh danh tính trước khi tham gia.\n\nCuộc họp bắt đầu sau 10 phút."),
 ("Thiết kế Web Giá Rẻ", "sales@webdesign-sieure.net", "THIẾT KẾ WEBSITE CHUẨN SEO CHỈ TỪ 1.990.000Đ - TẶNG HOSTING 1 NĂM",
  "Chào Quý cơ quan, doanh nghiệp!\n\nCông ty chúng tôi chuyên thiết kế website chuẩn SEO, giao diện đẹp, tương thích di động. ƯU ĐÃI THÁNG 11: giảm 50% phí thiết kế, tặng tên miền .vn và hosting 1 năm, bảo hành trọn đời!\n\nLiên hệ ngay hotline 0909.123.456 hoặc truy cập https://webdesign-sieure.net để nhận báo giá miễn phí.\n\nĐể không nhận thư này, trả lời 'HUY'."),
 ("Vietnam Airlines Khuyến mãi", "khuyenmai@vietnamairlines-sale.com", "Vé máy bay 0 đồng - Chỉ còn 24 giờ!",
  "Chương trình tri ân khách hàng: VÉ 0 ĐỒNG cho mọi hành trình nội địa!\n\nChỉ cần đăng ký thành viên và thanh toán phí xử lý 99.000đ bằng thẻ ngân hàng tại https://vietnamairlines-sale.com/ve0dong để nhận mã vé.\n\nSố lượng có hạn, chương trình kết thúc sau 24 giờ. Nhanh tay kẻo lỡ!"),
 ("Bảo hiểm xã hội", "tracuu@bhxh-hotro.vip", "Thông báo nhận tiền trợ cấp BHXH một lần",
  "Kính gửi người lao động,\n\nCơ quan BHXH thông báo quý vị đủ điều kiện nhận trợ cấp BHXH một lần với số tiền 48.560.000 đồng. Để nhận tiền, vui lòng cài đặt ứng dụng VssID phiên bản mới tại http://bhxh-hotro.vip/vssid.apk và đăng nhập bằng số CCCD và mật khẩu ngân hàng.\n\nHạn chót nhận tiền: 30/11/2026."),
 ("Anh ngữ Quốc tế", "tuvan@tienganh-giaotiep.edu.vn.com", "Học tiếng Anh giao tiếp cho cán bộ công chức - giảm 40% học phí",
  "Kính gửi anh/chị cán bộ, công chức!\n\nKhóa học tiếng Anh giao tiếp dành riêng cho người đi làm, cam kết đầu ra IELTS 6.5, học online linh hoạt. ƯU ĐÃI ĐẶC BIỆT: giảm 40% học phí, tặng giáo trình trị giá 2.000.000đ cho 50 học viên đăng ký sớm nhất.\n\nĐăng ký học thử miễn phí: https://tienganh-giaotiep.edu.vn.com/dangky\nHotline/Zalo: 0987.654.321"),
]


def eml(i, sender_name, address, subject, body, from_whole=False):
    name = email.header.Header(sender_name, "utf-8").encode()
    sender = f"{name} <{address}>"
    if from_whole:
        # Name and address encoded together as one encoded word, as PHP's mb_encode_mimeheader
        # and Python's legacy email API write them.
        sender = email.header.Header(f"{sender_name} <{address}>", "utf-8").encode()
    kind = "html" if body.startswith("<html") else "plain"
    lines = [
        f"From: {sender}",
        f"To: <{TO}>",
        f"Subject: {email.header.Header(subject, 'utf-8').encode()}",
        f"Date: {email.utils.formatdate(1796256000 + i * 3607, localtime=False)}",
        f"Message-ID: <official.{i}@{address.split('@')[-1]}>",
        "MIME-Version: 1.0",
        f"Content-Type: text/{kind}; charset=utf-8",
        "Content-Transfer-Encoding: 8bit",
        "",
        body,
    ]
    return ("\r\n".join(lines).replace("\n", "\r\n").replace("\r\r\n", "\r\n") + "\r\n").encode()


def write(sub, msgs, first):
    d = os.path.join(HERE, sub)
    os.makedirs(d, exist_ok=True)
    for f in os.listdir(d):
        if f.endswith(".eml"):
            os.remove(os.path.join(d, f))
    for k, m in enumerate(msgs, 1):
        with open(os.path.join(d, f"{k:03}.eml"), "wb") as fh:
            fh.write(eml(first + k, *m))


write("ham", HAM, 0)
write("spam", SPAM, 100)
print(f"{len(HAM)} ham, {len(SPAM)} spam")
