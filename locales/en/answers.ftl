# The wording of the answers in English. Placeholders: { $name }; values arrive already formatted.
# Place names and the titles of sources stay as published.

## The parts every sentence is built from

month_1 = January
month_2 = February
month_3 = March
month_4 = April
month_5 = May
month_6 = June
month_7 = July
month_8 = August
month_9 = September
month_10 = October
month_11 = November
month_12 = December
period_month = { $monthName } { $year }
period_month_open = { $monthName }
period_ytd = January–{ $monthName } { $year }
period_ytd_open = January–{ $monthName }
period_quarter = Q{ $quarter } { $year }
period_quarter_open = Q{ $quarter }
period_year = { $year }
period_year_open = the full year
change_up = up { $pct }%
change_down = down { $pct }%
change_same = unchanged
change_yoy = { $change } year on year
change_mom = { $change } on the previous month
change_same_yoy = unchanged year on year
change_same_mom = unchanged on the previous month
unit_percent = %
unit_grdp = % of GRDP
unit_ty_dong = billion VND
unit_trieu_usd = million USD
unit_ty_usd = billion USD
unit_trieu_ty_dong = quadrillion VND
approx_hon = more than
approx_gan = nearly
approx_khoang = about
scope_qua_dia_ban = through border gates
scope_qua_dia_ban_long = trade through the province's border gates, not the province's own
scope_tru_dau_tho = excluding crude oil
scope_tru_dau_tho_long = excluding crude oil
price_hien_hanh = at current prices
price_so_sanh_2010 = at 2010 constant prices
date_unknown = date unknown
estimate = estimate
place_national = Vietnam

## Indicator names, and the words for them in a question

indicator_iip = Index of industrial production (IIP)
indicator_industrial_output = Industrial output value (at 2010 constant prices)
indicator_retail = Retail sales of goods and consumer services
indicator_retail_goods = Retail sales of goods (excluding services)
indicator_retail_services = Consumer services revenue
indicator_export = Merchandise exports
indicator_import = Merchandise imports
indicator_trade_total = Total merchandise trade
indicator_export_local = Local merchandise exports
indicator_manufacturing_share_grdp = Manufacturing share of GRDP
indicator_iip_mining = IIP of mining
indicator_iip_manufacturing = IIP of manufacturing
indicator_iip_electricity = IIP of electricity production and distribution
indicator_iip_water = IIP of water supply and waste treatment
indicator_short_iip = industrial production index
indicator_short_industrial_output = industrial output value
indicator_short_retail = retail sales
indicator_short_retail_goods = retail sales of goods
indicator_short_retail_services = consumer services revenue
indicator_short_export = exports
indicator_short_import = imports
indicator_short_trade_total = total trade
indicator_short_export_local = local exports
indicator_short_manufacturing_share_grdp = manufacturing share of GRDP
indicator_short_iip_mining = IIP mining
indicator_short_iip_manufacturing = IIP manufacturing
indicator_short_iip_electricity = IIP electricity
indicator_short_iip_water = IIP water supply

## The messages also said in Vietnamese

help_how = Ask in English or Vietnamese, for example:
help_periods = Periods: April 2020, Q1 2020, first half, YTD April 2020, full year, last month, last year.
off_topic = Sorry, I only hold the provinces' industry and trade statistics (industrial production, retail, exports and imports), not this.
subscribe_what = Whenever a new month's figures arrive, the bot sends a summary: the figures, the change on the previous month and on a year earlier, the share of the plan, with a chart and the sources.
sources_rule = When several sources state the same figure, the bot shows: an official figure before an estimate; constant prices before current prices; the province's own office or the statistics office before a national body, then the press repeating them; the fuller source; the later one. Another source stating a different figure is always named.
unit_warning = it says “{ $value }”, far from the other figures of this indicator; it is kept as the source gives it.
unit_guess = Perhaps { $value }?
coverage = Figures from { $from } to { $to }; the latest period: { $latest }.
coverage_empty = The store holds no figures yet.
rank_position = 👉 { $place } ranks { $n } of the { $of } { $of ->
        [one] place
       *[other] places
    } with figures for { $when }.
rank_absent = 👉 { $place } has no figure for { $when } to rank yet.

## One figure

plan_share = { $pct }% of the annual plan
plan_share_short = { $pct }% of plan
parts_line = Of which: { $parts }
other_source_said = { $publisher } ({ $date }) gives { $what }
other_sources = Other sources: { $said }. The figure above follows the source rule (see /nguon).
unit_warning_title = the source's figure may have the wrong unit
source_label = Source:
target_value = Plan/target for the whole period: { $value }
target_change = Plan/target: { $change }
target_exists = There is a plan/target for this period

## A figure asked for

merger_date = { $dayNumber } { $monthName } { $year }
note_merged_into = ℹ️ Since { $date }, { $from } has been part of { $into } (new); figures from this period are those of { $into } (new).
note_new_unit = ℹ️ Since { $date }, { $place } (new) includes the former { $parts }.
note_before_merger = (Figures for { $place } before { $date }, not including { $parts }.)
note_commodity = (There is no figure for “{ $commodity }” on its own yet; below is the figure for the whole indicator.)
note_year_chosen = (No year was given: using { $year }, the latest year with figures.)
note_scope = (For this period the source gives only { $scope }.)
step_chart = 📈 Chart
step_ytd = January–{ $monthName }
step_month = { $monthName } alone
step_compare = Compare with { $other }
step_subscribe = 🔔 Subscribe
ask_chart = chart { $indicator } { $place }
ask_figure = { $indicator } { $place } { $period }
ask_compare = compare { $indicator } { $place } and { $other } { $period }
ask_subscribe = subscribe { $indicator } { $place }
answer_yes = Yes: { $sentence }.
answer_no = No: { $sentence }.
plan_unstated = The source does not give the share of the annual plan for { $period }{ $yoy }.
plan_stated = { $share } ({ $period }){ $yoy }.
plan_yoy = ; { $change }
plan_unstated_yoy = ; year on year: { $change }
plan_yes = Yes: { $share }, { $over }% above it{ $yoy }.
plan_not_yet = Not yet: { $share } so far ({ $period }){ $yoy }.
source_has = ; it gives: { $what }
missing_change_any = The source gives no change for { $period }{ $offer }.
missing_change_yoy = The source gives no year-on-year change for { $period }{ $offer }.
missing_change_mom = The source gives no change on the previous month for { $period }{ $offer }.
computed_mark = (computed)
average_per_month = On average { $value } a month (computed: { $total } over { $months } months).
average_none = The sources give only a growth rate for { $period }: there is no value to average.
derived_how = The sources do not state this period: computed as { $whole } ({ $wholeFigure }) minus { $before } ({ $beforeFigure }); a computed figure has no growth rate.
no_figure = There is no figure for { $indicator }{ $scope } of { $place } for { $period } in the store yet.
no_figure_any = There is no figure for { $indicator }{ $scope } of { $place } in the store yet.
no_figure_new_unit = There is no figure for { $indicator }{ $scope } of the new { $place } (from 1 July 2025) in the store yet; the figures held are those of { $place } before the merger.
target_only = The source gives only the plan/target of { $place } for this period: { $figure } ({ $publisher }, { $date }).
held_periods = Figures for { $indicator } of { $place } exist for: { $periods }.
other_indicators = Other indicators for { $place }: { $indicators }.
indicator_empty = The store has no figures for this indicator yet.
indicator_held_by = This indicator has figures for: { $places }{ $more }.
more_places = {" "}and { $n } other { $n ->
        [one] place
       *[other] places
    }

## Help, small talk, the merger

help_title = Số Liệu – trade and industry statistics of Vietnam's provinces
ask_trend_retail = retail sales trend { $place }
ask_subscribe_exports = subscribe exports { $place }
help_rank_example = which province exports the most
help_subscribe_example = subscribe to the monthly exports summary
help_indicators = Indicators: { $list }.
help_places = Figures held for: { $places }.
help_figures = Every figure comes with its unit, its growth (month on month, year on year, share of the annual plan) and its source.
help_commands = Commands: /dangky subscribe to monthly summaries; /huy unsubscribe; /dangkycuatoi your subscriptions; /nguon the sources; /help this guide.
not_understood = Sorry, I did not understand the question.
try_these = You could try:
help_hint = Type “help me” to see how to ask.
or = or
did_you_mean = Did you mean: { $options }?
choose_place = Pick one, or type the province's name again more fully.
main_indicators = the main indicators
unsubscribe_place = To stop the summaries of { $place }, send /huy in Telegram and pick the ones to stop.
unsubscribe_any = To stop summaries, send /huy in Telegram and pick the ones to stop.
subscribe_which = Which province or city would you like the monthly summary of { $what } for?
subscribe_example = For example: “{ $example }”, or send /dangky to choose from the list.
subscribe_title = Monthly summary: { $what } – { $place }
subscribe_how = In Telegram this question subscribes you at once; /dangkycuatoi lists your subscriptions, /huy stops them.
small_thanks = You're welcome! Ask me for any other figure.
small_greeting = Hello! I look up industry and trade statistics of Vietnam's provinces and of the whole country.
small_emoji = 🙂 Which figures would you like? For example:
not_a_province = { $place }: not a province.
merged_with = , with { $partners }
merged_into = Since { $date }, { $place } has been part of { $into } (new){ $with }. Figures from { $from } are those of { $into }; earlier figures are still those of { $place }.
new_unit_parts = Since { $date }, { $place } (new) is made of { $place } and the former { $parts }.
not_merged = { $place } did not merge with any province: since { $date } it is still { $place }.

## What the store holds

place_empty = There are no figures for { $place } in the store yet.
places_held = The store holds figures for { $n } provinces and the whole country; type “help me” to see how to ask.
place_figures = Figures for { $place } ({ $n } { $n ->
        [one] figure
       *[other] figures
    })
ask_details = Ask for details, e.g.: “{ $example }”
more_periods = {" "}and { $n } other { $n ->
        [one] period
       *[other] periods
    }
indicator_latest = latest { $period }: { $figure }. Periods: { $periods }{ $more }.
no_place_has = No province has figures for { $what } in the store yet.
places_have = { $n } { $n ->
        [one] province has
       *[other] provinces have
    } figures for { $what }
national_periods = The whole country: { $n } { $n ->
        [one] period
       *[other] periods
    } with figures.
sources_title = Sources: { $publishers } publishers, { $figures } figures
more_sources = … and { $n } other { $n ->
        [one] source
       *[other] sources
    }.
sources_every_answer = Every answer has a “Source” line, with a link when there is one.
which_place = Which province or city (or the whole country) would you like { $indicator } for?
help_places_more = Figures held for: { $places }{ $more }.
place_period_empty = There are no figures for { $place } for { $period } in the store yet.
periods_held = Figures exist for: { $periods }.
place_period_figures = Figures for { $place }, { $period }

## Comparisons and charts

row_held = {" "}(available: { $periods })
row_missing = no figure yet for { $period }{ $held }
row_missing_any = no figure yet{ $held }
national_share = { $place } accounts for { $share }% of the country's { $indicator } (computed from the two figures above, same period).
times_larger = { $big } is { $ratio } times { $small }.
each_own_period = each place its own period
chart_growth_mark = (% year on year)
compare_title = Comparison: { $indicator }
different_periods = Note: the figures are for different periods; compare them with care.
and_more_sources = {" "}and { $n } other { $n ->
        [one] source
       *[other] sources
    }

## Rankings

rank_title = Ranking: { $indicator }
rank_by_growth = (by year-on-year growth)
rank_shown = (Showing { $shown } of the { $of } places with figures.)
rank_unranked = Not ranked (the source gives only the growth rate): { $list }.
rank_unranked_no_change = Not ranked (the source gives no such change): { $list }.
rank_after_merger = {" "}(after the { $date } merger)
rank_coverage = The ranking covers the { $n } of { $total } provinces{ $merger } with figures for { $period }; the same period for every place.
rank_coverage_any = The ranking covers the { $n } of { $total } provinces{ $merger } with figures; the same period for every place.
places_count = ({ $n } { $n ->
        [one] place
       *[other] places
    })
rank_none = No figures for { $period } for the provinces to rank yet.
rank_none_any = No figures for the provinces to rank yet.
rank_possible = A ranking of { $indicator } can be made for: { $periods }.
rank_other_periods = Other periods with figures: { $periods }.
ask_rank = ranking { $indicator } { $period }
ask_rank_lowest = ranking { $indicator } { $period } lowest

## Trends

series_month = Monthly
series_ytd = Year to date
series_quarter = Quarterly
series_year = Full year
series_none = no figure yet
series_latest = (The latest { $shown } of { $of } periods.)
series_few = The store has only { $n } { $n ->
        [one] period
       *[other] periods
    } for this indicator so far.
trend_places_title = Trend of { $indicator }: { $places }
trend_title = Trend: { $name }
trend_year_none = No figures for { $year } yet; below are the periods held.
trend_none = There is no series of { $indicator } for { $place } yet.
unit_yoy = % year on year

## Units formed by the merger, spans the store does not keep

new_unit_title = { $indicator } – { $place } (new), { $period }
new_unit_formed = ℹ️ { $place } (new) was formed on { $date } from { $parts }.
part_missing = no figure for this period yet
parts_not_additive = (Growth indices cannot be added across provinces.)
parts_incomplete = (No total: not every former province has a figure for this period yet.)
parts_sum = Sum of the former provinces: { $total }
second_half = July–December { $year }
second_half_open = July–December
second_half_missing = There is no figure for { $half } yet: it needs both the full year's and the first half's figures.
second_half_how = Computed as { $year } ({ $wholeFigure }) minus January–June ({ $firstFigure }); a computed figure has no growth rate.
invalid_month = Not a valid period: there is no month { $n }.
invalid_quarter = Not a valid period: there is no quarter { $n }.
period_forms = Periods are written like: April 2020, Q1 2020, first four months 2020, full year 2020.

## Follow-ups

reused_places = place: { $places }
reused_indicator = indicator: { $indicator }
reused_year = { $year }
reused_period = same period
corrected = “{ $typed }” read as { $read }
follow_up = Following the previous question – { $notes }

## The monthly summary pushed to subscribers

bulletin_title = 📬 Summary for { $period }
bulletin_stop = Stop these summaries: /huy
main_indicators_title = Main indicators
bulletin_ytd = January–{ $monthName }
bulletin_biggest = Largest move: { $indicator } { $change }.
bulletin_chart_title = { $indicator } – { $place } ({ $span }), up to { $until }
span_has = ; { $period }: { $what }
place_national_inline = Vietnam

## One place over two periods

periods_title = { $indicator } – { $place }: { $later } against { $earlier }
periods_change_stated = { $later }: { $change } on { $earlier } (as the source states).
periods_change_computed = { $later }: { $change } on { $earlier } (computed from the two figures above).
periods_change_none = No comparison yet: there is no figure for { $missing }.

## The store as a whole

store_title = The store: { $figures } figures for { $places } provinces and the whole country
store_places = { $n } { $n ->
        [one] province
       *[other] provinces
    }
rank_lowest_first = (lowest first)
periods_change_unknown = The sources give no change from { $earlier } to { $later }; the two figures above are growth rates, from which none can be computed.
rank_by_mom = (by month-on-month change)
rank_by_plan = (by share of the annual plan)
rank_period_chosen = (No period was asked: the latest period that most places have, { $period }.)
which_more_higher = { $place } is higher: { $top }, against { $other } { $next }.
which_more_growth = { $place } grew faster: { $top }, against { $other } { $next }.
which_more_missing = It cannot be told: { $place } has no figure for this period.
which_more_periods = It cannot be told: the places' figures are for different periods.
unread_time = “{ $words }” was not read: figures exist by month, quarter and year only; below is the latest figure there is, not one for “{ $words }”.
