# What the Telegram bot and the terminal say around the answers, in English (for a client set to
# English). The administrators' messages (locales/vi/admin.ftl) exist only in Vietnamese.

unknown_command = There is no such command. Send /help to see how to ask, or just ask in words, e.g. “Kien Giang exports April 2020”.
no_token = To run on Telegram: send /newbot to @BotFather, take the token and run BOT_TOKEN=… npm start.
terminal_hello = Số Liệu – ask for trade and industry statistics (type "how to ask" for examples, "thoát" to quit).
media_sticker = 🙂 I can only read text. Which figures would you like? For example:
media_voice = 🎙️ I cannot listen to voice messages yet. Please type your question, for example:
media_photo = 🖼️ I cannot read figures in a picture yet. Please type your question (admins may send a report as text, Word or PDF). For example:
media_other = I answer typed questions about industry and trade statistics. For example:
admin_command_refused = ⛔ This command is for administrators only. The attempt has been logged.
welcome_how_to_ask = Ask as you would in a message, in English or Vietnamese. Try one:
subscribe_main_indicators = Main indicators
subscribe_all_indicators = All indicators
subscribe_other_place = « Another place
subscriptions_off = Monthly summaries are not enabled on this server.
subscribe_choose_place = Choose the province or city for your monthly summary:
subscribed_button = Subscribed
subscribe_already = You already receive this summary
unsubscribe_not_found = You have no such subscription. See the list: /dangkycuatoi
subscribe_which_place = Which province or city would you like the summary of?
subscriptions_none_hint = You have no subscriptions. Subscribe: /dangky
subscriptions_none = You have no subscriptions.
unsubscribe_all = Stop all
unsubscribe_choose = Choose the summary to stop:
unsubscribe_gone = This summary no longer exists
unsubscribe_nothing = Nothing to stop.
error_short = Something went wrong, please try again later.
error_sorry = Sorry, something went wrong while handling your request. Please try again in a few minutes.
flood_slow_down = You are sending a little fast; give me a few seconds before the next question 🙏

## The command menu

command_start = About the bot and sample questions
command_help = How to ask
command_dangky = Subscribe to the monthly summary
command_huy = Unsubscribe
command_dangkycuatoi = My subscriptions
command_nguon = Sources and how one is chosen
# HTML: the values are escaped by the caller
welcome = Hello{ $name }! I am <b>Số Liệu</b>: quick answers on the industry, retail and foreign trade figures of Vietnam's provinces, from the reports of the provincial Departments of Industry and Trade, with the change on a year earlier, the plan and the source.

## Subscriptions

cancelled = Stopped
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
