# What the Telegram bot and the terminal say around the answers, in English (for a client set to
# English). The administrators' messages (locales/vi/admin.ftl) exist only in Vietnamese.

unknown_command = There is no such command. Send /help to see how to ask, or just ask in words, e.g. “Kien Giang exports April 2020”.
no_token = To run on Telegram: send /newbot to @BotFather, take the token and run BOT_TOKEN=… npm start.
terminal_hello = Số Liệu – ask for trade and industry statistics (type "how to ask" for examples, "thoát" to quit).
media_sticker = 🙂 I can only read text. Which figures would you like? For example:
media_voice = 🎙️ I cannot listen to voice messages yet. Please type your question, for example:
media_photo = 🖼️ I cannot read figures in a picture yet. Please type your question (admins may send a report as text, Word or PDF). For example:
media_other = I answer typed questions about industry and trade statistics. For example:
tg_lenh_nay_chi_danh_cho = ⛔ This command is for administrators only. The attempt has been logged.
tg_cu_hoi_nhu_khi_nhan = Ask as you would in a message, in English or Vietnamese. Try one:
tg_cac_chi_tieu_chinh = Main indicators
tg_tat_ca_chi_tieu = All indicators
tg_chon_noi_khac = « Another place
tg_ban_tin_hang_thang_chua = Monthly summaries are not enabled on this server.
tg_chon_tinh_thanh_pho_muon = Choose the province or city for your monthly summary:
tg_da_dang_ky = Subscribed
tg_ban_da_dang_ky_ban = You already receive this summary
tg_ban_chua_dang_ky_ban = You have no such subscription. See the list: /dangkycuatoi
tg_ban_muon_nhan_ban_tin = Which province or city would you like the summary of?
tg_ban_chua_dang_ky_ban_2 = You have no subscriptions. Subscribe: /dangky
tg_ban_chua_dang_ky_ban_3 = You have no subscriptions.
tg_huy_tat_ca = Stop all
tg_chon_ban_tin_muon_dung = Choose the summary to stop:
tg_khong_con_ban_tin_nay = This summary no longer exists
tg_khong_co_gi_de_huy = Nothing to stop.
tg_co_loi_xay_ra_ban = Something went wrong, please try again later.
tg_xin_loi_co_loi_xay = Sorry, something went wrong while handling your request. Please try again in a few minutes.
tg_ban_dang_gui_hoi_nhanh = You are sending a little fast; give me a few seconds before the next question 🙏

## The command menu

command_start = About the bot and sample questions
command_help = How to ask
command_dangky = Subscribe to the monthly summary
command_huy = Unsubscribe
command_dangkycuatoi = My subscriptions
command_nguon = Sources and how one is chosen
# HTML: the values are escaped by the caller
tg_welcome = Hello{ $name }! I am <b>Số Liệu</b>: quick answers on the industry, retail and foreign trade figures of Vietnam's provinces, from the reports of the provincial Departments of Industry and Trade, with the change on a year earlier, the plan and the source.

## Subscriptions

tg_da_huy = Stopped
sub_choose_indicator = { $place }: choose an indicator
sub_added = 🔔 Subscribed to the monthly summary: { $what }.
    To stop: /huy
sub_already = 🔔 You already receive the monthly summary: { $what }.
    To stop: /huy
sub_added_words = 🔔 Subscribed to the monthly summary: { $what }.
    Whenever a new month's figures arrive, the bot sends a summary with comparisons, a chart and the sources. To stop: /huy
sub_already_words = 🔔 You already receive the monthly summary: { $what }.
    Whenever a new month's figures arrive, the bot sends a summary with comparisons, a chart and the sources. To stop: /huy
sub_list = You receive:
    { $list }
unsub_done = Stopped { $n } { $n ->
        [one] summary
       *[other] summaries
    }.
unsub_done_again = Stopped { $n } { $n ->
        [one] summary
       *[other] summaries
    }. Subscribe again: /dangky
button_expired = This button has expired; please ask again.
report_admins_only = This looks like a report. Only administrators can add figures from reports; you can ask for any figure, for example "Kien Giang exports April 2020".
