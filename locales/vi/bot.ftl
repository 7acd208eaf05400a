# What the Telegram bot and the terminal say around the answers.

unknown_command = Lệnh này chưa có. Gõ /help để xem cách hỏi, hoặc cứ hỏi bằng lời, ví dụ “xuất khẩu Kiên Giang tháng 4/2020”.
no_token = Để chạy trên Telegram: nhắn @BotFather lệnh /newbot, lấy token rồi chạy BOT_TOKEN=… npm start.
terminal_hello = Số Liệu – hỏi số liệu công thương bằng tiếng Việt (gõ "hướng dẫn" để xem ví dụ, "thoát" để ra).
media_sticker = 🙂 Mình chỉ đọc được chữ. Bạn muốn xem số liệu nào? Ví dụ:
media_voice = 🎙️ Mình chưa nghe được tin nhắn thoại. Bạn gõ câu hỏi giúp mình nhé, ví dụ:
media_photo = 🖼️ Mình chưa đọc được số liệu trong ảnh. Bạn gõ câu hỏi, hoặc gửi báo cáo dạng chữ, Word hay PDF (quản trị viên). Ví dụ:
media_other = Mình chỉ trả lời câu hỏi bằng chữ về số liệu công nghiệp, thương mại. Ví dụ:
admin_command_refused = ⛔ Lệnh này chỉ dành cho quản trị viên. Lần thử đã được ghi lại.
welcome_how_to_ask = Cứ hỏi như khi nhắn tin, có dấu hay không dấu đều được. Thử một câu:
subscribe_main_indicators = Các chỉ tiêu chính
subscribe_all_indicators = Tất cả chỉ tiêu
subscribe_other_place = « Chọn nơi khác
subscriptions_off = Bản tin hàng tháng chưa bật trên máy chủ này.
subscribe_choose_place = Chọn tỉnh, thành phố muốn nhận bản tin hàng tháng:
subscribed_button = Đã đăng ký
subscribe_already = Bạn đã đăng ký bản tin này rồi
unsubscribe_not_found = Bạn chưa đăng ký bản tin nào như vậy. Xem danh sách: /dangkycuatoi
subscribe_which_place = Bạn muốn nhận bản tin của tỉnh, thành phố nào?
subscriptions_none_hint = Bạn chưa đăng ký bản tin nào. Đăng ký: /dangky
subscriptions_none = Bạn chưa đăng ký bản tin nào.
unsubscribe_all = Hủy tất cả
unsubscribe_choose = Chọn bản tin muốn dừng nhận:
unsubscribe_gone = Không còn bản tin này
unsubscribe_nothing = Không có gì để hủy.
error_short = Có lỗi xảy ra, bạn thử lại sau nhé.
error_sorry = Xin lỗi, có lỗi xảy ra khi xử lý yêu cầu. Bạn thử lại sau ít phút nhé.
flood_slow_down = Bạn đang gửi hơi nhanh, chờ mình vài giây rồi hỏi tiếp nhé 🙏

## The command menu

command_start = Giới thiệu và câu hỏi mẫu
command_help = Cách hỏi số liệu
command_dangky = Đăng ký bản tin hàng tháng
command_huy = Dừng nhận bản tin
command_dangkycuatoi = Các bản tin đang nhận
command_nguon = Nguồn số liệu và quy tắc chọn nguồn
# HTML: the values are escaped by the caller
welcome = Xin chào{ $name }! Mình là <b>Số Liệu</b>: trả lời nhanh số liệu công nghiệp, bán lẻ, xuất nhập khẩu của các tỉnh, thành từ báo cáo của Sở Công Thương, kèm so sánh cùng kỳ, kế hoạch và nguồn.

## Subscriptions

cancelled = Đã hủy
sub_choose_indicator = { $place }: chọn chỉ tiêu
sub_added = 🔔 Đã đăng ký bản tin hàng tháng: { $what }.
    Dừng nhận: /huy
sub_already = 🔔 Đang nhận bản tin hàng tháng: { $what }.
    Dừng nhận: /huy
sub_added_words = 🔔 Đã đăng ký bản tin hàng tháng: { $what }.
    Mỗi khi có số liệu tháng mới, bot gửi tóm tắt kèm so sánh, biểu đồ và nguồn. Dừng nhận: /huy
sub_already_words = 🔔 Bạn đã đăng ký bản tin hàng tháng: { $what }.
    Mỗi khi có số liệu tháng mới, bot gửi tóm tắt kèm so sánh, biểu đồ và nguồn. Dừng nhận: /huy
sub_list = Bạn đang nhận:
    { $list }
unsub_done = Đã hủy { $n } bản tin.
unsub_done_again = Đã hủy { $n } bản tin. Đăng ký lại: /dangky
button_expired = Nút này đã hết hạn, bạn hỏi lại giúp mình nhé.
report_admins_only = Đây có vẻ là một báo cáo. Chỉ quản trị viên mới thêm được số liệu từ báo cáo; bạn có thể hỏi từng số liệu, ví dụ "xuất khẩu Kiên Giang tháng 4/2020".
