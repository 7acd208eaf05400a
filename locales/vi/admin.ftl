# Sentences for administrators (Vietnamese only: admins are the Sở Công Thương staff).
# Placeholders: { $name }.

stale_preview = Dữ liệu đã thay đổi (một quản trị viên khác vừa áp dụng) sau khi bạn xem trước: hãy gửi lại tệp để xem trước bản mới.
ambiguous_number = { $shown } đọc được hai cách (dấu . và , có thể là phân cách nghìn hoặc thập phân): ghi rõ hơn, ví dụ 1234 hoặc 1,5
csv_delimiter = Tệp CSV dùng dấu phân cách "{ $delimiter }" thay vì dấu phẩy: hãy lưu lại dạng "CSV UTF-8 (Comma delimited)".
pdf_no_text = Tệp PDF không có lớp chữ (có lẽ là bản scan): hãy gửi bản Word, bản PDF có chữ, hoặc dán nội dung.
report_file_type = Không đọc được loại tệp này ({ $name }): gửi .docx, .pdf (có chữ), .txt, hoặc dán nội dung báo cáo.
review_usage = Trả lời bản xem trước bằng: "bỏ 2", "sửa 3 45,2", "sửa 3 kỳ T5/2021", "nơi Khánh Hòa" hoặc "năm 2021".
report_no_place = Trích được { $count } số liệu nhưng báo cáo không nêu tỉnh, thành phố. Đây là báo cáo của nơi nào? (Hoặc gửi lại kèm tên tỉnh.)
template_caption = Điền trang du_lieu rồi gửi lại tệp (.xlsx, .csv hoặc .json). Bot sẽ kiểm tra từng dòng và cho xem trước trước khi áp dụng. Cũng có thể chuyển tiếp (forward) một báo cáo.
template_guide_rows = Mỗi dòng của trang du_lieu là một số liệu. Cột place và indicator dùng mã ở hai trang dia_phuong và chi_tieu.
template_guide_numbers = value để trống với chỉ tiêu chỉ công bố tốc độ tăng (IIP). Nên nhập số ở ô kiểu số; nếu nhập chữ, dùng một kiểu dấu cho cả cột (3.611,46 hoặc 3611.46): số như 1.234 đọc được hai cách sẽ bị từ chối.
template_guide_flags = estimate: có/không (số ước tính). approx: hơn, gần, khoảng hoặc trống. kind: actual (thực hiện) hoặc target (kế hoạch).
report_review_hint = (Sửa bằng cách trả lời tin này: "bỏ 2", "sửa 1 45,2", "năm 2021", "nơi Khánh Hòa".)
tg_ap_dung = ✅ Áp dụng
tg_huy = ✖ Hủy
tg_cap_nhat_du_lieu_chua = Cập nhật dữ liệu chưa bật trên máy chủ này.
tg_khong_tai_duoc_tep_tu = ❌ Không tải được tệp từ Telegram, bạn gửi lại giúp.
tg_khong_tim_thay_so_lieu = Không tìm thấy số liệu nào trong báo cáo này. Chưa áp dụng gì.
tg_dang_doi_chieu = ⏳ Đang đối chiếu…
tg_chi_quan_tri_vien = Chỉ quản trị viên.
tg_phien_nay_da_het_han = Phiên này đã hết hạn, bạn gửi lại báo cáo giúp.
tg_chi_quan_tri_vien_moi = ⛔ Chỉ quản trị viên mới áp dụng được.
tg_ban_xem_truoc_da_het = Bản xem trước đã hết hạn hoặc đã xử lý.
tg_chi_quan_tri_vien_da = ⛔ Chỉ quản trị viên đã gửi tệp mới áp dụng hoặc hủy được.
tg_da_huy_du_lieu_khong = ✖ Đã hủy, dữ liệu không đổi.
tg_dang_ap_dung = Đang áp dụng…
tg_chua_co_phien_ban_nao = Chưa có phiên bản nào.
tg_dang_doc_bao_cao = ⏳ Đang đọc báo cáo…
tg_khong_tai_duoc_tep_tu_2 = Không tải được tệp từ Telegram, bạn gửi lại giúp.
tg_ban_tin_chua_bat_tren = Bản tin chưa bật trên máy chủ này.
tg_khong_gui_chua_co_so = Không gửi: chưa có số liệu tháng nào, hoặc bản tin tháng này đã được gửi bằng lệnh rồi.
tg_co_so_lieu_thang = {" "}có số liệu tháng
tg_cach_dung_themadmin_123456789_hoac = Cách dùng: /themadmin 123456789 hoặc /xoaadmin 123456789 (id Telegram của người đó).
