# What the operator reads: configuration, start-up and the command-line tools (Vietnamese only).

config_admin_ids = ADMIN_IDS phải là các số id Telegram cách nhau bằng dấu phẩy; không hợp lệ: { $bad }
config_bot_token = BOT_TOKEN không đúng dạng "123456789:ABC…" do BotFather cấp
config_api_root = TELEGRAM_API_ROOT phải là một URL, ví dụ http://127.0.0.1:8081
config_log_level = LOG_LEVEL phải là một trong: fatal, error, warn, info, debug, trace, silent
config_webhook_url = WEBHOOK_URL phải là một URL https://…
config_webhook_https = WEBHOOK_URL phải dùng https
config_webhook_secret = WEBHOOK_SECRET phải dài 16–256 ký tự A–Z, a–z, 0–9, _ hoặc -
config_webhook_port = WEBHOOK_PORT phải trong khoảng 1–65535
config_database_url = DATABASE_URL phải có dạng postgres://người-dùng:mật-khẩu@máy:5432/tên-csdl
config_replica_id = REPLICA_ID chỉ gồm chữ, số và _ . : - (tối đa 64)
config_push_rate = PUSH_RATE (tin/giây) phải là số dương
config_needs_secret = WEBHOOK_SECRET là bắt buộc khi đặt WEBHOOK_URL
config_needs_token = BOT_TOKEN là bắt buộc khi đặt WEBHOOK_URL
config_invalid = Cấu hình không hợp lệ:
    { $problems }
config_word = cấu hình
terminal_no_token = Chưa có BOT_TOKEN: mở trò chuyện ngay trên terminal với dữ liệu kèm theo.
start_timeout = Lỗi khởi động: không khởi động xong trong { $seconds } giây: { $part } không trả lời
start_failed = Lỗi khởi động: { $reason }

## Command-line tools

cli_ask_usage = cách dùng: npm run ask -- [--json] "câu hỏi" ["câu hỏi tiếp" ...]
cli_error = lỗi: { $reason }
cli_applied_total = áp dụng xong: phiên bản { $n }, { $total } số liệu
cli_applied = áp dụng xong: phiên bản { $n }
cli_rebuilt = đã dựng lại { $path }: { $count } số liệu
cli_rebuilt_reports = đã dựng lại kho từ { $reports } báo cáo: { $count } số liệu
cli_restored = đã khôi phục: phiên bản { $n } ({ $file })
cli_data_usage = cách dùng: npm run data -- apply TỆP [--who TÊN] | import TỆP.jsonl | versions | restore | rebuild
cli_extract_usage = cách dùng: npm run extract -- [--json | --rebuild] BÁO_CÁO (.txt, .md, .docx, .pdf, .xlsx hoặc liên kết http/https) ...
cli_skipped = { $file }: bỏ qua { $what }
cli_push_token = BOT_TOKEN là bắt buộc để gửi bản tin
cli_push_none = không tạo chiến dịch mới (chưa có số liệu tháng hoặc đã có chiến dịch này)
cli_unreadable = { $file }: { $reason }
outage_started = { $what } không truy cập được, đang thử lại (chờ lâu dần giữa các lần thử)
outage_over = { $what } đã truy cập lại được
outage_database = cơ sở dữ liệu
cli_missing_file = không có tệp { $file }
cli_unreadable_file = không đọc được { $file } (quyền truy cập, hoặc là thư mục)
cli_database_unreachable = không kết nối được cơ sở dữ liệu { $db }: máy chủ không trả lời (kiểm tra DATABASE_URL và máy chủ PostgreSQL); chưa thay đổi gì
cli_database_password = cơ sở dữ liệu { $db } từ chối mật khẩu trong DATABASE_URL; chưa thay đổi gì
start_failed_part = Lỗi khởi động ({ $part }): { $reason }
start_part_database = cơ sở dữ liệu (DATABASE_URL)
start_part_files = dữ liệu trên đĩa (FACTS_PATH, STATE_DIR)
start_part_telegram = Telegram Bot API
config_sources_allow = SOURCES_ALLOW_PRIVATE là danh sách host:cổng, cách nhau bởi dấu phẩy (ví dụ 10.0.0.5:8080)
config_sources_agent = SOURCES_USER_AGENT phải là chữ ASCII, từ 8 đến 200 ký tự
cli_sources_usage = cách dùng: npm run sources -- add URL [--place TỈNH|detect] [--publisher TÊN] [--every 6h] [--trusted] | list | remove N | poll [--all] | queue | apply N... | skip N... [--who TÊN]
