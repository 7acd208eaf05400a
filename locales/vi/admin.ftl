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
button_apply = ✅ Áp dụng
button_cancel = ✖ Hủy
data_updates_off = Cập nhật dữ liệu chưa bật trên máy chủ này.
file_download_failed = ❌ Không tải được tệp từ Telegram, bạn gửi lại giúp.
report_no_figures = Không tìm thấy số liệu nào trong báo cáo này. Chưa áp dụng gì.
report_checking = ⏳ Đang đối chiếu…
admins_only_short = Chỉ quản trị viên.
report_session_expired = Phiên này đã hết hạn, bạn gửi lại báo cáo giúp.
apply_admins_only = ⛔ Chỉ quản trị viên mới áp dụng được.
preview_expired = Bản xem trước đã hết hạn hoặc đã xử lý.
apply_sender_only = ⛔ Chỉ quản trị viên đã gửi tệp mới áp dụng hoặc hủy được.
upload_cancelled = ✖ Đã hủy, dữ liệu không đổi.
applying = Đang áp dụng…
versions_none = Chưa có phiên bản nào.
report_reading = ⏳ Đang đọc báo cáo…
report_download_failed = Không tải được tệp từ Telegram, bạn gửi lại giúp.
bulletins_off = Bản tin chưa bật trên máy chủ này.
bulletin_nothing_to_send = Không gửi: chưa có số liệu tháng nào, hoặc bản tin tháng này đã được gửi bằng lệnh rồi.
admin_command_usage = Cách dùng: /themadmin 123456789 hoặc /xoaadmin 123456789 (id Telegram của người đó).

## Uploads and reports in the admin chat

upload_file_type = ❌ Chỉ nhận tệp .xlsx, .csv hoặc .json (tệp gửi: { $name }). Mẫu: /mau
upload_too_large = ❌ Tệp lớn { $mb } MB, vượt giới hạn 20 MB.
upload_downloading = ⏳ Đang tải { $name }…
upload_checking = ⏳ Đang kiểm tra { $name }…
upload_checking_share = ⏳ Đang kiểm tra { $name }… { $pct }%
upload_rows_valid = { $n } dòng hợp lệ.
upload_applied = ✅ Đã áp dụng { $file }: phiên bản { $n } ({ $added } mới, { $changed } thay đổi). Khôi phục bản trước: /khoiphuc
report_nothing_applicable = Không có số liệu nào áp dụng được:
    { $skipped }
report_skipped = Bỏ qua: { $skipped }
report_file = báo cáo: { $title }
report_review_title = 📄 { $place } – số liệu trích từ báo cáo:
version_line = #{ $n } { $at } – { $who } – { $file }: +{ $added } ~{ $changed } ={ $unchanged } (tổng { $total })
restored = ↩️ Đã khôi phục: { $file } (phiên bản mới #{ $n }).
restore_failed = Không khôi phục được: { $reason }
export_caption = { $n } số liệu
report_unreadable = ❌ { $reason }
    Chưa áp dụng gì.
review_refused = ❌ { $reason }
review_edited = ✏️ Đã sửa ({ $said }): bản xem trước đã cập nhật, bấm Áp dụng khi đúng.

## Admin commands

command_mau = Mẫu tệp cập nhật số liệu
command_phienban = Các phiên bản dữ liệu
command_khoiphuc = Khôi phục phiên bản trước
command_xuat = Xuất số liệu (XLSX, CSV)
command_guibantin = Gửi bản tin tháng
command_xemtruoc = Xem trước bản tin của một người
command_themadmin = Thêm quản trị viên
command_xoaadmin = Bỏ quyền quản trị
command_duyet = Duyệt tin mới từ các nguồn
preview_no_subscription = Chat { $chat } chưa đăng ký bản tin nào.
preview_no_month = Chat { $chat } chưa đăng ký bản tin nào có số liệu tháng.
admin_added = Đã thêm quản trị viên { $id }.
admin_removed = Đã bỏ quyền quản trị của { $id }.

## Edits of a report under review

review_invalid = Số liệu { $n }: { $issue }. Chưa đổi gì.
review_empty = Không còn số liệu nào để áp dụng.
review_no_such = Không có số liệu số đó. { $usage }
review_dropped = đã bỏ số liệu { $numbers }
review_no_number = Không có số liệu { $n }. { $usage }
review_value = số liệu { $n }: { $value }
review_bad_period = Không hiểu kỳ "{ $period }". { $usage }
review_period = số liệu { $n }: kỳ mới
review_year = năm { $year } cho mọi số liệu
review_bad_place = Không nhận ra tỉnh, thành phố "{ $place }".
review_place = nơi: { $place } cho mọi số liệu

## Versions and previews

version_initial = dữ liệu ban đầu
version_external = tệp dữ liệu thay đổi ngoài bot
version_n = phiên bản { $n }
version_restore = khôi phục phiên bản { $n }
version_current = dữ liệu hiện tại
version_system = hệ thống
restore_none = Chưa có phiên bản trước để khôi phục.
preview_counts = 📋 Xem trước: { $added } mới, { $changed } thay đổi, { $unchanged } không đổi.
preview_largest_changes = Thay đổi lớn nhất:
preview_conflicts = Khác với số đang có ({ $n }; cả hai được giữ, nguồn được chọn theo quy tắc):
preview_conflict = đang có { $before } ({ $beforeSource }) | mới { $after } ({ $afterSource })
preview_warnings = ⚠️ Cần kiểm tra ({ $n }):
report_publisher_admin = Báo cáo do quản trị viên gửi
report_title_default = Báo cáo
table_plan = KH { $pct }%
table_estimate = (ước)

## Reading a report (file, page)

input_no_text = { $what } không có chữ để đọc số liệu.
input_bad_docx = Tệp .docx bị hỏng hoặc không phải tệp Word.
input_bad_pdf = Tệp PDF bị hỏng hoặc không đọc được.
input_empty = Tệp rỗng.
input_too_large = Tệp vượt giới hạn 20 MB.
input_what_word = Tệp Word
input_what_pdf = Tệp PDF
input_what_file = Tệp
input_what_page = Trang này
input_not_utf8 = Tệp văn bản không phải mã UTF-8.
input_page_too_large = Trang quá lớn (hơn 5 MB): hãy dán nội dung báo cáo.
input_page_status = Trang trả lời lỗi { $status }: không đọc được.
input_page_timeout = Trang không trả lời sau { $seconds } giây: hãy thử lại hoặc dán nội dung.
input_page_unreachable = Không mở được liên kết (sai địa chỉ hoặc máy chủ không truy cập được).
input_not_a_page = Liên kết không phải một trang web ({ $type }).
input_type_unknown = không rõ loại

## Reading an upload (CSV, JSON, XLSX)

csv_where = {" "}(dòng { $line })
csv_too_many_cells = số ô nhiều hơn số cột tiêu đề
csv_quote_not_closed = dấu ngoặc kép chưa đóng
csv_closing_quote = dấu ngoặc kép đặt sai chỗ
csv_after_quote = có ký tự sau dấu ngoặc kép đóng
csv_opening_quote = dấu ngoặc kép mở sai chỗ
csv_invalid = cấu trúc CSV không hợp lệ
csv_unreadable = Tệp CSV không đọc được{ $where }: { $reason }.
csv_not_utf8 = Tệp CSV không phải mã UTF-8. Hãy lưu lại với "CSV UTF-8 (Comma delimited)" rồi gửi lại.
upload_rows_about = Tệp có khoảng { $n } dòng, vượt giới hạn { $limit } dòng.
upload_rows_limit = Tệp vượt giới hạn { $limit } dòng.
json_too_deep = Tệp JSON lồng nhau quá { $depth } tầng: không phải tệp số liệu.
json_invalid = Tệp JSON không hợp lệ (sai cú pháp hoặc không phải UTF-8).
json_shape = Tệp JSON phải là một mảng bản ghi, hoặc một đối tượng có trường "facts" là mảng.
json_records_limit = Tệp có { $n } bản ghi, vượt giới hạn { $limit }.
jsonl_too_deep = Dòng { $line }: bản ghi lồng nhau quá sâu.
jsonl_invalid = Dòng { $line }: không phải một bản ghi JSON hợp lệ.
upload_not_utf8 = Tệp { $what } không phải mã UTF-8.
upload_kinds = Chỉ nhận tệp .xlsx, .csv, .json hoặc .jsonl (tệp gửi: { $name }).
upload_size = Tệp lớn { $mb } MB, vượt giới hạn 20 MB.
upload_no_rows = Tệp không có dòng dữ liệu nào (chỉ có tiêu đề hoặc trống).

## Cells of an upload

cell_no_place = thiếu mã địa phương
cell_guess = {" "}(có phải { $guess }?)
cell_unknown_place = địa phương không có: "{ $value }"{ $guess }
cell_no_indicator = thiếu mã chỉ tiêu
cell_unknown_indicator = chỉ tiêu không có: "{ $value }"{ $guess }
no_such_month = không có tháng { $n }
no_such_quarter = không có quý { $n }
no_such_span = không có { $n } tháng đầu năm
cell_bad_period = kỳ không hợp lệ
cell_no_period = thiếu kỳ số liệu
cell_impossible_period = kỳ "{ $value }" không có thật: { $why }
cell_bad_period_key = kỳ không hợp lệ: "{ $value }"
cell_unread_period = không hiểu kỳ "{ $value }" (ví dụ đúng: T4/2020, 4T/2020, quý 1/2020, năm 2020)
cell_period_no_year = kỳ "{ $value }" thiếu năm

## The rules every figure meets (uploads and the data files)

rule_date_form = ngày nguồn phải có dạng YYYY, YYYY-MM hoặc YYYY-MM-DD
rule_date_unreal = ngày nguồn không có thật
rule_date_future = ngày nguồn ở tương lai
rule_url = đường dẫn phải là http(s)
rule_control = có ký tự điều khiển
rule_no_publisher = thiếu nơi công bố
rule_unknown_place = mã địa phương không có: { $place }
rule_unknown_indicator = mã chỉ tiêu không có: { $indicator }
rule_unit = đơn vị của { $indicator } phải là "{ $unit }", không phải "{ $given }"
rule_growth_only = { $indicator } chỉ công bố tốc độ tăng (%), value phải là null
rule_no_figure = bản ghi không có số liệu nào (value và các tỷ lệ đều trống)
rule_negative = giá trị âm không hợp lệ
rule_too_large = { $value } { $unit } vượt xa mọi số liệu có thể có (tối đa { $ceiling } { $unit })
rule_too_large_any = vượt xa mọi số liệu có thể có
rule_merged = { $place } đã sáp nhập từ { $date }, không thể có số liệu kỳ này
rule_not_new_unit = { $place } không phải đơn vị sau sáp nhập
rule_bad_year = năm { $year } không hợp lệ
store_bad_shape = { $where }: cấu trúc tệp không hợp lệ ({ $path }: { $issue })
store_record = bản ghi
store_bad_record = { $where }: bản ghi #{ $n } ({ $what }): { $path }: { $issue }
row_place_index = place: chỉ số địa phương sai
row_indicator_index = indicator: chỉ số chỉ tiêu sai
row_flags = cờ (loại, ước tính, đơn vị mới) sai
row_value = value: không phải số
row_rates = tỷ lệ %: không phải số hợp lệ
row_qualifiers = approx/scope/price_basis sai
row_note_index = note: chỉ số ghi chú sai
row_source_index = source: chỉ số nguồn sai
row_not_json = không phải JSON hợp lệ
row_not_row = không phải một dòng số liệu

## Monthly summaries sent by an admin

push_sending = 📤 Đang gửi bản tin tháng { $month }: { $sent }/{ $total } đã gửi
push_done = ✅ Đã gửi xong bản tin tháng { $month }: { $sent }/{ $total } đã gửi
push_blocked = , { $n } đã chặn bot
push_failed = , { $n } lỗi
push_starting = 📤 Bắt đầu gửi bản tin: mỗi người theo dõi nhận tháng mới nhất của nơi mình theo dõi (đến tháng { $month }/{ $year })…

## A refused upload, row by row

column_row = (dòng)
column_key = (khóa)
upload_duplicate = trùng với dòng { $row } (cùng địa phương, chỉ tiêu, kỳ, loại và ngày nguồn)
upload_not_object = bản ghi không phải một đối tượng
upload_unknown_column = cột/trường không có trong mẫu (xem /mau)
upload_estimate = phải là có/không (true/false)
upload_approx = phải là "hơn", "gần", "khoảng" hoặc để trống
upload_error_line = Dòng { $row }, cột { $column }: { $reason }
upload_more_errors = … và { $n } lỗi khác.
upload_errors = ❌ Tệp có { $n } lỗi, chưa áp dụng gì:
    { $lines }

## Reading an .xlsx

xlsx_broken = Tệp .xlsx bị hỏng.
xlsx_size_lie = Tệp .xlsx khai sai kích thước giải nén: bị từ chối.
xlsx_crc = Tệp .xlsx bị hỏng (sai mã kiểm tra CRC): hãy lưu và gửi lại.
xlsx_entries = Tệp .xlsx có quá nhiều thành phần (hơn { $limit }).
xlsx_inflated = Tệp .xlsx khi giải nén vượt quá { $mb } MB: bị từ chối để bảo vệ máy chủ.
xlsx_not_zip = Tệp .xlsx bị hỏng hoặc không phải tệp Excel (không đọc được cấu trúc zip).
xlsx_code_point = Tệp .xlsx có ký tự không hợp lệ (mã ký tự vượt U+10FFFF): tệp bị hỏng.
xlsx_no_workbook = Tệp .xlsx không có sổ tính (xl/workbook.xml).
xlsx_no_sheet = Tệp .xlsx không có trang tính nào.
xlsx_no_data_sheet = Tệp .xlsx thiếu trang tính dữ liệu.
xlsx_formula = ô có công thức: hãy dán giá trị (Paste Values) rồi gửi lại
xlsx_error_cell = ô báo lỗi { $error } (không có giá trị)
xlsx_error_cell_bare = ô báo lỗi (không có giá trị)
upload_rows_over = Tệp có { $n } dòng, vượt giới hạn { $limit } dòng.

## Numbers in an upload, and the rest

number_not = không phải số
number_percent = { $shown }: không ghi dấu % trong cột số
number_not_decimal = { $shown } không phải số thập phân
number_not_shown = { $shown } không phải số
upload_publisher = Cập nhật bởi quản trị viên { $who }
no_state_dir = Chức năng này cần thư mục trạng thái (STATE_DIR) trên máy chủ.

## The template and exports, the data files

cell_unknown_date = không rõ
cell_yes = có
template_guide_periods = period: T4/2020 (tháng), 4T/2020 (lũy kế 4 tháng), quý 1/2020, năm 2020.
template_guide_values = Không dùng công thức: dán giá trị (Paste Values). Không thêm cột ngoài mẫu.
sheet_name = tên
sheet_era = tồn tại
sheet_merged_into = sáp nhập vào (từ { $date })
sheet_era_both = trước và sau { $date }
sheet_era_old = đến trước { $date }
sheet_unit = đơn vị
sheet_growth_only = chỉ công bố % tăng
store_new_data = dữ liệu mới
store_not_json = { $where }: tệp không phải JSON hợp lệ
store_rebuilt_data = dữ liệu dựng lại
who_command_line = dòng lệnh
bundle_skipped = bỏ qua:
    { $skipped }

## A data file that cannot be loaded (the operator reads these)

store_cut = { $where }: thiếu bản ghi (có { $n }, khai báo { $count }): tệp bị cắt?
store_too_many_at = { $where }: bản ghi #{ $n }: nhiều bản ghi hơn số khai báo
store_too_many = { $where }: nhiều bản ghi hơn số khai báo ({ $count })
store_row_issue = { $where }: bản ghi #{ $n }: { $issue }
# the problem starts with ": " or "(…): "
store_row_problem = { $where }: bản ghi #{ $n } { $problem }
row_not_a_row = không đúng dạng một dòng số liệu
row_no_lookup = { $field }: thiếu chỉ số bảng tra
row_trailing = thừa dữ liệu sau dòng số liệu
lookup_bad_source = { $where }: bảng tra: nguồn #{ $n }: { $path }: { $issue }
lookup_not_json = { $where }: dòng đầu (bảng tra) không phải JSON hợp lệ
lookup_bad = { $where }: bảng tra không hợp lệ ({ $path }: { $issue })
lookup_unknown_place = { $where }: bảng tra: mã địa phương không có: { $place }
lookup_unknown_indicator = { $where }: bảng tra: mã chỉ tiêu không có: { $indicator }
check_span_order = ⚠️ trái với { $span } ({ $other })
check_month_above_span = ⚠️ lớn hơn { $span } ({ $other })
check_span_below_month = ⚠️ nhỏ hơn { $month } ({ $other })
check_sign = ⚠️ nói thay đổi { $pct }% nhưng { $period } là { $other }
report_targets = Kế hoạch, mục tiêu trong báo cáo (không lưu, trả lời "giữ kế hoạch" để lưu làm kế hoạch):
report_targets_kept = đã giữ { $n } kế hoạch
review_no_targets = Báo cáo này không nêu kế hoạch, mục tiêu nào.
note_year_from_date = năm lấy từ ngày đăng
note_month_from_report = tháng lấy từ kỳ của báo cáo
note_indicator_from_text = chỉ tiêu suy ra từ cả bài, câu không nêu
table_where = Biểu { $table }, dòng { $row }, cột { $col }: { $label } – { $header }
input_bad_xlsx = Tệp .xlsx bị hỏng hoặc không phải bảng tính Excel.
input_what_sheet = Bảng tính
input_missing = Không có tệp { $file }.
input_unreadable = Không đọc được tệp { $file } (quyền truy cập hoặc là thư mục).
input_binary = Tệp này là tệp nhị phân, không phải văn bản: gửi .docx, .pdf (có chữ), .xlsx hoặc .txt.
report_no_place_named = báo cáo không nêu tỉnh, thành phố
upload_read_as_report = { $name } không theo mẫu cập nhật: đọc như một báo cáo (các biểu số liệu).
restore_confirm = Khôi phục về phiên bản #{ $n } ({ $file })? Phiên bản hiện tại #{ $current } ({ $now }) vẫn được giữ trong lịch sử.
restore_confirm_button = ↩️ Khôi phục
restore_stale = Dữ liệu đã có phiên bản mới từ lúc hỏi: gửi lại /khoiphuc để xem sẽ khôi phục về đâu.
upload_future_period = kỳ này chưa tới: chỉ kế hoạch (kind = target) mới có thể cho kỳ tương lai
upload_month_not_over = tháng này chưa hết: số liệu của tháng đang diễn ra chỉ có thể là ước tính (estimate = có)
upload_duplicate_column = cột "{ $column }" có hai lần trong dòng tiêu đề: không biết đọc cột nào
upload_duplicate_key = khóa "{ $key }" có hai lần trong một bản ghi: không biết đọc giá trị nào
jsonl_duplicate_key = Dòng { $line }: khóa "{ $key }" có hai lần trong một bản ghi: không biết đọc giá trị nào.

# Watched sources (/nguon) and their review queue (/duyet)
source_usage = Cách dùng: /nguon them URL [tỉnh hoặc "tự nhận"] ["Tên nơi công bố"] [mỗi 6 giờ] [tin cậy] · /nguon xoa N · /nguon doc · /nguon (danh sách)
source_bad_url = Địa chỉ nguồn phải là liên kết http:// hoặc https:// (một nguồn RSS/Atom hoặc một trang danh sách bài).
source_bad_interval = Chu kỳ đọc phải từ { $min } phút đến { $max } ngày (ví dụ "mỗi 6 giờ", "mỗi 1 ngày").
source_bad_place = Không nhận ra tỉnh, thành phố "{ $place }". Dùng tên tỉnh hoặc "detect" (tự nhận từ bài).
source_line = #{ $id } { $publisher }{ $trusted }
    { $url }
    Nơi: { $place } · đọc mỗi { $every } · { $state }
source_place_detect = tự nhận từ bài
source_minutes = phút
source_hours = giờ
source_trusted_mark = {" "}(tin cậy: tự áp dụng khi mọi số liệu qua kiểm tra)
source_state_new = chưa đọc lần nào
source_state_ok = đọc lúc { $at } UTC, đã tìm được { $found } tin
source_state_failing = lỗi { $failures } lần liền: { $error }
source_none = Chưa theo dõi nguồn nào. Thêm bằng: /nguon them URL [tỉnh] [mỗi 6 giờ]
source_exists = Nguồn này đã được theo dõi.
source_added = Đã thêm nguồn:
    { $line }
    Tin mới sẽ vào hàng chờ duyệt (/duyet); không số liệu nào được áp dụng khi chưa duyệt, trừ nguồn tin cậy.
source_removed = Đã xóa nguồn #{ $id } và các tin của nó đang chờ duyệt.
source_no_such = Không có nguồn #{ $id }. Xem danh sách: /nguon
source_watch_off = Việc theo dõi nguồn chưa bật trong tiến trình này.
source_polling = Đang đọc các nguồn…
source_poll_busy = Một tiến trình khác đang đọc các nguồn; thử lại sau ít phút.
source_poll_nothing = Đã đọc { $n } nguồn: không có tin mới có số liệu.
source_fail_not_http = chỉ đọc được liên kết http(s) ({ $detail })
source_fail_private = địa chỉ nội bộ bị từ chối ({ $detail })
source_fail_timeout = quá thời gian chờ
source_fail_too_large = trang quá lớn (quá { $detail } byte)
source_fail_status = máy chủ trả lời mã { $detail }
source_fail_unreachable = không kết nối được ({ $detail })
source_fail_redirects = chuyển hướng quá { $detail } lần
source_fail_not_feed = không phải RSS/Atom hay trang danh sách bài ({ $type })
source_fail_other = lỗi khi đọc: { $detail }
queue_new = 📰 { $n } tin mới chờ duyệt (gõ /duyet):
queue_auto = ✅ Đã tự áp dụng { $n } tin từ nguồn tin cậy (mọi số liệu qua kiểm tra):
queue_item_line = • { $publisher }: { $title } ({ $figures } số liệu)
queue_digest_head = 🗂 { $n } tin đang chờ duyệt:
queue_digest_line = • { $publisher }: { $n } tin, { $figures } số liệu
queue_digest_hint = Gõ /duyet để xem từng tin.
queue_empty = Không có tin nào chờ duyệt.
queue_more = Còn { $n } tin nữa: gõ /duyet sau khi xử lý các tin trên.
queue_card_head = 📰 Tin #{ $id } · { $publisher } · { $date }
    { $title }
    { $link }
queue_card_no_place = Trích được { $n } số liệu nhưng bài không nêu tỉnh, thành phố. Đây là số liệu của nơi nào?
queue_skip_button = ⏭ Bỏ qua tin
queue_all_button = ✅ Áp dụng mọi tin chờ của nguồn này
queue_skipped = Đã bỏ qua tin #{ $id } ({ $title }).
queue_all_applied = Đã áp dụng { $n } tin của { $publisher }: phiên bản #{ $version }.
queue_item_gone = Tin #{ $id } đã được xử lý hoặc đã thay đổi; gõ /duyet để xem lại.
queue_item_no_place = Tin #{ $id } chưa rõ tỉnh, thành phố: mở /duyet để chọn trước khi áp dụng.
queue_many_file = { $n } tin từ nguồn theo dõi
source_fail_robots = robots.txt của trang không cho bot đọc { $detail }
rule_as_written = { $text }
