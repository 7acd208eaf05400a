# The wording of the answers. Placeholders: { $name }; values arrive already formatted.

help_how = Hỏi bằng tiếng Việt, có dấu hay không dấu, viết tắt như trong báo cáo (XK, NK, XNK, IIP, TMBL, GTSXCN):
help_periods = Kỳ số liệu: tháng 4, T4/2020, 4T/2020, lũy kế 4 tháng, 6 tháng đầu năm, quý I, cả năm, tháng trước, năm ngoái…
off_topic = Xin lỗi, mình chỉ có số liệu công nghiệp và thương mại của các tỉnh, thành (sản xuất công nghiệp, bán lẻ, xuất nhập khẩu), không có thông tin này.
subscribe_what = Mỗi khi có số liệu tháng mới, bot gửi tóm tắt: số liệu, so với tháng trước, cùng kỳ, kế hoạch, kèm biểu đồ và nguồn.
sources_rule = Khi nhiều nguồn nêu cùng một số liệu, bot chọn: số chính thức trước số ước tính; giá so sánh trước giá hiện hành; cơ quan của tỉnh hoặc cơ quan thống kê trước cơ quan trung ương, rồi đến báo chí đưa lại; nguồn nêu đủ hơn; nguồn công bố sau. Nguồn khác ghi số khác luôn được nêu tên.
unit_warning = nguồn ghi “{ $value }”, khác xa các số liệu khác cùng chỉ tiêu; số được giữ nguyên như nguồn.
unit_guess = Có thể là { $value }?
coverage = Số liệu từ năm { $from } đến năm { $to }; kỳ mới nhất: { $latest }.
coverage_empty = Kho dữ liệu chưa có số liệu nào.
rank_position = 👉 { $place } đứng thứ { $n } trong { $of } địa phương có số liệu { $when }.
rank_absent = 👉 { $place } chưa có số liệu { $when } để xếp hạng.

## The parts every sentence is built from

month_1 = tháng 1
month_2 = tháng 2
month_3 = tháng 3
month_4 = tháng 4
month_5 = tháng 5
month_6 = tháng 6
month_7 = tháng 7
month_8 = tháng 8
month_9 = tháng 9
month_10 = tháng 10
month_11 = tháng 11
month_12 = tháng 12
period_month = tháng { $month }/{ $year }
period_month_open = tháng { $month }
period_ytd = { $month } tháng đầu năm { $year }
period_ytd_open = { $month } tháng đầu năm
period_quarter = quý { $roman }/{ $year }
period_quarter_open = quý { $roman }
period_year = năm { $year }
period_year_open = cả năm
change_up = tăng { $pct }%
change_down = giảm { $pct }%
change_same = bằng
change_yoy = { $change } so với cùng kỳ năm trước
change_mom = { $change } so với tháng trước
change_same_yoy = bằng cùng kỳ năm trước
change_same_mom = bằng tháng trước
unit_percent = %
unit_grdp = % GRDP
unit_ty_dong = tỷ đồng
unit_trieu_usd = triệu USD
unit_ty_usd = tỷ USD
unit_trieu_ty_dong = triệu tỷ đồng
approx_hon = hơn
approx_gan = gần
approx_khoang = khoảng
scope_qua_dia_ban = qua địa bàn
scope_qua_dia_ban_long = hàng hóa qua địa bàn (các cửa khẩu của tỉnh), không phải của riêng tỉnh
scope_tru_dau_tho = trừ dầu thô
scope_tru_dau_tho_long = không kể dầu thô
price_hien_hanh = giá hiện hành
price_so_sanh_2010 = giá so sánh 2010
date_unknown = không rõ ngày
estimate = ước tính

## One figure

plan_share = đạt { $pct }% kế hoạch năm
plan_share_short = đạt { $pct }% KH
parts_line = Trong đó: { $parts }
other_source_said = { $publisher } ({ $date }) ghi { $what }
other_sources = Nguồn khác: { $said }. Số trên theo quy tắc chọn nguồn (xem /nguon).
unit_warning_title = số liệu nguồn có thể sai đơn vị
source_label = Nguồn:
target_value = Kế hoạch/mục tiêu cả kỳ: { $value }
target_change = Kế hoạch/mục tiêu: { $change }
target_exists = Có kế hoạch/mục tiêu cho kỳ này

## A figure asked for

merger_date = { $day }/{ $month }/{ $year }
note_merged_into = ℹ️ Từ { $date }, { $from } đã hợp nhất vào { $into } (mới); số liệu từ kỳ này là của { $into } (mới).
note_new_unit = ℹ️ Từ { $date }, { $place } (mới) gồm cả { $parts } cũ.
note_before_merger = (Số liệu của { $place } trước { $date }, chưa gồm { $parts }.)
note_commodity = (Chưa có số liệu riêng cho mặt hàng “{ $commodity }”; dưới đây là số liệu chung của cả chỉ tiêu.)
note_year_chosen = (Câu hỏi không nêu năm: dùng năm { $year }, năm gần nhất có số liệu.)
note_scope = (Nguồn chỉ nêu số liệu { $scope } cho kỳ này.)
step_chart = 📈 Xem biểu đồ
step_ytd = Lũy kế { $month } tháng
step_month = Riêng tháng { $month }
step_compare = So với { $other }
step_subscribe = 🔔 Đăng ký nhận tin
ask_chart = biểu đồ { $indicator } { $place }
ask_figure = { $indicator } { $place } { $period }
ask_compare = so sánh { $indicator } { $place } và { $other } { $period }
ask_subscribe = đăng ký nhận tin { $indicator } { $place }
answer_yes = Có: { $sentence }.
answer_no = Không: { $sentence }.
plan_unstated = Nguồn không nêu tỷ lệ so với kế hoạch năm cho { $period }{ $yoy }.
plan_stated = { $share } ({ $period }){ $yoy }.
plan_yoy = ; { $change }
plan_unstated_yoy = ; so với cùng kỳ: { $change }
plan_yes = Có: { $share }, vượt { $over }%{ $yoy }.
plan_not_yet = Chưa: mới { $share } ({ $period }){ $yoy }.
source_has = ; nguồn có: { $what }
missing_change_any = Nguồn không nêu mức tăng/giảm cho { $period }{ $offer }.
missing_change_yoy = Nguồn không nêu mức tăng/giảm so với cùng kỳ năm trước cho { $period }{ $offer }.
missing_change_mom = Nguồn không nêu mức tăng/giảm so với tháng trước cho { $period }{ $offer }.
computed_mark = (số liệu tính toán)
average_per_month = Bình quân mỗi tháng { $value } (số liệu tính toán: { $total } chia { $months } tháng).
average_none = Nguồn chỉ nêu tốc độ tăng cho { $period }, không có giá trị để tính bình quân.
derived_how = Nguồn không nêu riêng kỳ này: tính bằng { $whole } ({ $wholeFigure }) trừ { $before } ({ $beforeFigure }); không có tốc độ tăng cho số tính toán.
no_figure = Hiện chưa có số liệu { $indicator }{ $scope } của { $place } { $period } trong kho dữ liệu.
no_figure_any = Hiện chưa có số liệu { $indicator }{ $scope } của { $place } trong kho dữ liệu.
no_figure_new_unit = Hiện chưa có số liệu { $indicator }{ $scope } của { $place } (mới, từ 01/07/2025) trong kho dữ liệu; các số liệu đang có là của { $place } trước khi sáp nhập.
target_only = Nguồn chỉ nêu kế hoạch/mục tiêu của { $place } cho kỳ này: { $figure } ({ $publisher }, { $date }).
held_periods = Có số liệu { $indicator } của { $place } cho: { $periods }.
other_indicators = Các chỉ tiêu khác của { $place }: { $indicators }.
indicator_empty = Kho dữ liệu chưa có chỉ tiêu này.
indicator_held_by = Chỉ tiêu này đang có số liệu của: { $places }{ $more }.
more_places = {" "}và { $n } nơi khác

## Help, small talk, the merger

help_title = Số Liệu – tra cứu số liệu công thương các tỉnh, thành
ask_trend_retail = xu hướng bán lẻ { $place }
ask_subscribe_exports = đăng ký nhận tin xuất khẩu { $place }
help_rank_example = tỉnh nào xuất khẩu nhiều nhất
help_subscribe_example = đăng ký nhận tin xuất khẩu hàng tháng
help_indicators = Chỉ tiêu: { $list }.
help_places = Đang có số liệu của: { $places }.
help_figures = Mỗi số liệu kèm đơn vị, tốc độ tăng (so với tháng trước, cùng kỳ, kế hoạch năm) và nguồn.
help_commands = Lệnh: /dangky nhận bản tin hàng tháng; /huy dừng nhận; /dangkycuatoi các bản tin đang nhận; /nguon nguồn số liệu; /help hướng dẫn này.
not_understood = Xin lỗi, mình chưa hiểu câu hỏi.
try_these = Bạn có thể thử:
help_hint = Gõ “hướng dẫn” để xem cách hỏi.
or = hay
did_you_mean = Ý bạn là: { $options }?
choose_place = Chọn một nơi hoặc gõ lại tên tỉnh, thành cho rõ.
main_indicators = các chỉ tiêu chính
unsubscribe_place = Hủy nhận bản tin của { $place }. Trong Telegram, gõ /huy để chọn bản tin muốn dừng.
unsubscribe_any = Hủy nhận bản tin. Trong Telegram, gõ /huy để chọn bản tin muốn dừng.
subscribe_which = Bạn muốn nhận bản tin hàng tháng về { $what } của tỉnh, thành phố nào?
subscribe_example = Ví dụ: “{ $example }”, hoặc gõ /dangky để chọn từ danh sách.
subscribe_title = Đăng ký bản tin hàng tháng: { $what } – { $place }
subscribe_how = Trong Telegram, câu này đăng ký luôn; /dangkycuatoi để xem, /huy để dừng nhận.
small_thanks = Không có gì! Cần số liệu nào nữa, bạn cứ hỏi nhé.
small_greeting = Chào bạn! Mình tra cứu số liệu công nghiệp, thương mại của các tỉnh, thành và cả nước.
small_emoji = 🙂 Bạn muốn xem số liệu nào? Ví dụ:
not_a_province = { $place }: không phải một tỉnh, thành.
merged_with = {" "}(cùng { $partners })
merged_into = Từ { $date }, { $place } đã hợp nhất vào { $into } (mới){ $with }. Số liệu từ { $from } là của { $into }; số liệu trước đó vẫn là của { $place }.
new_unit_parts = Từ { $date }, { $place } (mới) gồm { $place } và { $parts } cũ.
not_merged = { $place } không sáp nhập với tỉnh nào: từ { $date } vẫn là { $place }.

## What the store holds

place_empty = Chưa có số liệu nào của { $place } trong kho dữ liệu.
places_held = Đang có số liệu của { $n } tỉnh, thành phố và cả nước; gõ “hướng dẫn” để xem cách hỏi.
place_figures = Số liệu của { $place } ({ $n } số liệu)
ask_details = Hỏi chi tiết, ví dụ: “{ $example }”
more_periods = {" "}và { $n } kỳ khác
indicator_latest = mới nhất { $period }: { $figure }. Các kỳ: { $periods }{ $more }.
no_place_has = Chưa có tỉnh, thành phố nào có số liệu { $what } trong kho.
places_have = { $n } tỉnh, thành phố có số liệu { $what }
national_periods = Cả nước: { $n } kỳ số liệu.
sources_title = Nguồn số liệu: { $publishers } nơi công bố, { $figures } số liệu
more_sources = … và { $n } nguồn khác.
sources_every_answer = Mỗi câu trả lời có dòng “Nguồn”, kèm đường dẫn khi có.
which_place = Bạn muốn xem { $indicator } của tỉnh, thành phố nào (hay cả nước)?
help_places_more = Đang có số liệu của: { $places }{ $more }.
place_period_empty = Chưa có số liệu nào của { $place } { $period } trong kho dữ liệu.
periods_held = Có số liệu cho: { $periods }.
place_period_figures = Số liệu của { $place }, { $period }

## Comparisons and charts

row_held = {" "}(có: { $periods })
row_missing = chưa có số liệu { $period }{ $held }
row_missing_any = chưa có số liệu{ $held }
national_share = { $place } chiếm { $share }% { $indicator } cả nước (số liệu tính toán từ hai số liệu trên, cùng kỳ).
times_larger = { $big } gấp { $ratio } lần { $small }.
each_own_period = mỗi nơi một kỳ
chart_growth_mark = (% so với cùng kỳ)
compare_title = So sánh { $indicator }
different_periods = Lưu ý: các số liệu thuộc những kỳ khác nhau, chỉ nên so sánh tương đối.
and_more_sources = {" "}và { $n } nguồn khác

## Rankings

rank_title = Xếp hạng { $indicator }
rank_by_growth = (theo tốc độ tăng so với cùng kỳ)
rank_shown = (Hiển thị { $shown } trong { $of } địa phương có số liệu.)
rank_unranked = Không xếp hạng (nguồn chỉ nêu tốc độ tăng): { $list }.
rank_unranked_no_change = Không xếp hạng (nguồn không nêu mức thay đổi này): { $list }.
rank_after_merger = {" "}(sau sáp nhập { $date })
rank_coverage = Bảng xếp hạng gồm { $n } trên { $total } tỉnh, thành phố{ $merger } có số liệu { $period } trong kho; cùng một kỳ cho mọi nơi.
rank_coverage_any = Bảng xếp hạng gồm { $n } trên { $total } tỉnh, thành phố{ $merger } có số liệu trong kho; cùng một kỳ cho mọi nơi.
places_count = ({ $n } nơi)
rank_none = Chưa có số liệu { $period } của các tỉnh, thành phố để xếp hạng.
rank_none_any = Chưa có số liệu của các tỉnh, thành phố để xếp hạng.
rank_possible = Có thể xếp hạng { $indicator } cho: { $periods }.
rank_other_periods = Kỳ khác có số liệu: { $periods }.
ask_rank = xếp hạng { $indicator } { $period }
ask_rank_lowest = xếp hạng { $indicator } { $period } thấp nhất

## Trends

series_month = Từng tháng
series_ytd = Lũy kế từ đầu năm
series_quarter = Từng quý
series_year = Cả năm
series_none = chưa có số liệu
series_latest = ({ $shown } kỳ gần nhất trong { $of } kỳ.)
series_few = Kho dữ liệu mới có { $n } kỳ cho chỉ tiêu này.
trend_places_title = Diễn biến { $indicator }: { $places }
trend_title = Diễn biến { $name }
trend_year_none = Chưa có số liệu { $year }; dưới đây là các kỳ đang có.
trend_none = Chưa có chuỗi số liệu { $indicator } của { $place }.
unit_yoy = % so với cùng kỳ

## Units formed by the merger, spans the store does not keep

new_unit_title = { $indicator } – { $place } (mới), { $period }
new_unit_formed = ℹ️ { $place } (mới) hình thành từ { $date }, gồm { $parts }.
part_missing = chưa có số liệu kỳ này
parts_not_additive = (Chỉ số tăng trưởng không cộng được giữa các tỉnh.)
parts_incomplete = (Không tính tổng: chưa có đủ số liệu của mọi tỉnh cũ cho kỳ này.)
parts_sum = Tổng các tỉnh cũ: { $total }
second_half = 6 tháng cuối năm { $year }
second_half_open = 6 tháng cuối năm
second_half_missing = Chưa có số liệu { $half }: cần cả số liệu cả năm và 6 tháng đầu năm để tính.
second_half_how = Tính bằng năm { $year } ({ $wholeFigure }) trừ 6 tháng đầu năm ({ $firstFigure }); không có tốc độ tăng cho số tính toán.
invalid_month = Kỳ không hợp lệ: không có tháng { $n }.
invalid_quarter = Kỳ không hợp lệ: không có quý { $n }.
period_forms = Kỳ số liệu viết như: tháng 4/2020, T4/2020, 4T/2020 (lũy kế 4 tháng), quý I/2020, năm 2020.

## Follow-ups

reused_places = nơi: { $places }
reused_indicator = chỉ tiêu: { $indicator }
reused_year = năm { $year }
reused_period = kỳ như câu trước
corrected = “{ $typed }” hiểu là { $read }
follow_up = Tiếp câu trước – { $notes }

## The monthly summary pushed to subscribers

bulletin_title = 📬 Bản tin { $period }
bulletin_stop = Hủy nhận tin: /huy
main_indicators_title = Các chỉ tiêu chính
bulletin_ytd = lũy kế { $month } tháng
bulletin_biggest = Biến động lớn nhất: { $indicator } { $change }.
bulletin_chart_title = { $indicator } – { $place } ({ $span }), đến { $until }
span_has = ; { $period }: { $what }
place_national_inline = cả nước

## One place over two periods

periods_title = { $indicator } – { $place }: { $later } so với { $earlier }
periods_change_stated = { $later } { $change } so với { $earlier } (theo nguồn).
periods_change_computed = { $later } { $change } so với { $earlier } (số liệu tính toán từ hai số liệu trên).
periods_change_none = Chưa so được: chưa có số liệu { $missing }.

## The store as a whole

store_title = Kho dữ liệu: { $figures } số liệu của { $places } tỉnh, thành phố và cả nước
store_places = { $n } tỉnh, thành phố
rank_lowest_first = (từ thấp đến cao)
periods_change_unknown = Nguồn không nêu mức thay đổi của { $later } so với { $earlier }; hai số liệu trên là tốc độ tăng, không tính ra được.
rank_by_mom = (theo mức tăng so với tháng trước)
rank_by_plan = (theo tỷ lệ hoàn thành kế hoạch năm)
rank_period_chosen = (Câu hỏi không nêu kỳ: dùng kỳ gần nhất có nhiều địa phương có số liệu nhất, { $period }.)
which_more_higher = { $place } cao hơn: { $top }, so với { $other } { $next }.
which_more_growth = { $place } tăng cao hơn: { $top }, so với { $other } { $next }.
which_more_missing = Chưa so được: { $place } chưa có số liệu cho kỳ này.
which_more_periods = Chưa so được: số liệu của các nơi thuộc những kỳ khác nhau.
unread_time = Chưa đọc được “{ $words }”: số liệu chỉ có theo tháng, quý và năm; dưới đây là số liệu gần nhất có được, không phải của “{ $words }”.
