"""The bot's texts in English and Korean (Telegram HTML templates).

``t(lang, key, **values)`` fills a template: plain ``str`` values are escaped
(``bot.markup.escape``); values already built as markup are passed as :class:`Html` and kept as
they are. ``plain_text`` fills a template without markup for plain-text messages (the fallback
an alert is resent as when Telegram rejects its HTML) and for values that ``t`` escapes later.
"""

from __future__ import annotations

from typing import Literal

from bot.markup import Html, escape

Lang = Literal["ko", "en"]


def language_of(code: str | None) -> Lang:
    """The reply language for a Telegram ``language_code`` ("ko", "ko-KR" -> ko; else en)."""
    return "ko" if code and code.lower().split("-")[0] == "ko" else "en"


TEXTS: dict[str, tuple[str, str]] = {
    # key: (English, Korean)
    "welcome": (
        "<b>MOU Alert</b> watches Korean news feeds for signed MOUs.\n"
        "Follow a country or a sector and get an alert minutes after a signing is reported.\n"
        "Tap below to follow, or send /subscribe France, /subscribe AI, /help.",
        "<b>MOU 알리미</b>는 국내 뉴스 피드에서 체결된 MOU를 찾습니다.\n"
        "국가나 분야를 구독하면 체결 보도 몇 분 뒤에 알림을 받습니다.\n"
        "아래 버튼을 누르거나 /subscribe 프랑스, /subscribe 인공지능, /help 를 보내세요.",
    ),
    "help": (
        "<b>Commands</b>\n"
        "/subscribe &lt;topic&gt; … — follow countries, sectors or combinations: in one "
        "group each country combines with each sector (“France AI”: both must match), "
        "commas separate topics (“France, AI”)\n"
        "/unsubscribe &lt;topic | all&gt; — stop following\n"
        "/list — what this chat follows; a sector can bring all MOUs or only those with a "
        "foreign partner (🌏 button)\n"
        "/summary &lt;topic&gt; [7d|30d|90d|1y] — MOUs of a period, with a chart\n"
        "/search &lt;words&gt; [7d|30d|90d|1y|all] — find stored MOUs\n"
        "/export &lt;topic or words&gt; [period] — the MOUs as a CSV file\n"
        "/latest [n | all] — the newest MOUs on this chat's topics (at most 20)\n"
        "/countries [name], /sectors — what can be followed\n"
        "/mode [instant | digest HH:MM | weekly &lt;day&gt; HH:MM] — how alerts arrive\n"
        "/pause [1d | 1w | HH:MM], /resume — hold alerts, then get them in one message\n"
        "/timezone [Area/City] — the time zone of alerts, digests and summaries\n"
        "/lang [en | ko] — reply language\n"
        "In groups only administrators change these settings.",
        "<b>명령어</b>\n"
        "/subscribe &lt;주제&gt; … — 국가, 분야 또는 조합 구독: 한 묶음 안에서는 국가와 분야를 "
        "짝짓고(“프랑스 인공지능”: 둘 다 해당해야 알림), 쉼표로 주제를 나눕니다"
        "(“프랑스, 인공지능”)\n"
        "/unsubscribe &lt;주제 | all&gt; — 구독 해지\n"
        "/list — 이 채팅의 구독 목록. 분야 구독은 모든 MOU 또는 해외 상대가 있는 MOU만 "
        "받을 수 있습니다(🌏 버튼)\n"
        "/summary &lt;주제&gt; [7d|30d|90d|1y] — 기간별 MOU 요약과 차트\n"
        "/search &lt;검색어&gt; [7d|30d|90d|1y|all] — 저장된 MOU 검색\n"
        "/export &lt;주제 또는 검색어&gt; [기간] — MOU 목록 CSV 파일\n"
        "/latest [n | all] — 이 채팅 주제의 최근 MOU (최대 20건)\n"
        "/countries [이름], /sectors — 구독할 수 있는 국가·분야\n"
        "/mode [instant | digest HH:MM | weekly &lt;요일&gt; HH:MM] — 알림 받는 방식\n"
        "/pause [1d | 1w | HH:MM], /resume — 알림을 멈췄다가 한 번에 받기\n"
        "/timezone [지역/도시] — 알림·요약에 쓰는 시간대\n"
        "/lang [en | ko] — 답변 언어\n"
        "그룹에서는 관리자만 설정을 바꿀 수 있습니다.",
    ),
    "subscribe_usage": (
        "Tell me what to follow, e.g. <code>/subscribe France</code>, "
        "<code>/subscribe AI</code> or <code>/subscribe France AI</code>. "
        "See /countries and /sectors.",
        "구독할 주제를 함께 보내 주세요. 예: <code>/subscribe 프랑스</code>, "
        "<code>/subscribe 인공지능</code>, <code>/subscribe 프랑스 바이오</code>. "
        "/countries, /sectors 에서 목록을 볼 수 있습니다.",
    ),
    "subscribed": ("Now following: {topics}", "구독을 시작했습니다: {topics}"),
    "already_subscribed": ("Already following: {topics}", "이미 구독 중입니다: {topics}"),
    "subscription_limit": (
        "Not added: {topics}. A chat can follow at most {max} topics; "
        "/unsubscribe some first (see /list).",
        "추가하지 못했습니다: {topics}. 한 채팅은 주제를 최대 {max}개까지 구독할 수 있습니다. "
        "/list 에서 확인하고 /unsubscribe 로 먼저 해지해 주세요.",
    ),
    "unknown_word": (
        "I don't know “{word}”.",
        "“{word}”은(는) 알 수 없는 주제입니다.",
    ),
    "home_is_every_mou": (
        "Korea is one side of every MOU I report: follow the partner country or a sector instead.",
        "한국은 모든 MOU의 한쪽 당사자입니다. 상대 국가나 분야를 구독해 주세요.",
    ),
    "did_you_mean": ("Did you mean {suggestions}?", "혹시 {suggestions}을(를) 찾으셨나요?"),
    "see_lists": (
        "See /countries and /sectors for what can be followed.",
        "구독할 수 있는 주제는 /countries, /sectors 에서 확인하세요.",
    ),
    "unsubscribe_usage": (
        "Tell me what to stop following, e.g. <code>/unsubscribe France</code> or "
        "<code>/unsubscribe all</code>. /list shows what this chat follows.",
        "해지할 주제를 함께 보내 주세요. 예: <code>/unsubscribe 프랑스</code>, "
        "<code>/unsubscribe all</code>. 구독 목록은 /list 로 볼 수 있습니다.",
    ),
    "unsubscribed": ("Stopped following: {topics}", "구독을 해지했습니다: {topics}"),
    "not_subscribed": ("This chat wasn't following: {topics}", "구독 중이 아니었습니다: {topics}"),
    "cleared": (
        "Stopped following everything ({count} topics).",
        "모든 구독을 해지했습니다 ({count}개).",
    ),
    "list_empty": (
        "This chat follows nothing yet. Try /subscribe France or /start.",
        "아직 구독한 주제가 없습니다. /subscribe 프랑스 또는 /start 를 보내 보세요.",
    ),
    "list_header": (
        "<b>This chat follows</b> ({count}) — tap to remove:",
        "<b>구독 목록</b> ({count}개) — 누르면 해지됩니다:",
    ),
    "mode_line": ("Delivery: {mode}", "알림 방식: {mode}"),
    "mode_instant": ("instant alerts", "즉시 알림"),
    "mode_digest": ("daily digest at {time}", "매일 {time} 모아 받기"),
    "removed_button": ("Removed {topic}", "{topic} 구독을 해지했습니다"),
    "gone_button": ("Already removed", "이미 해지된 구독입니다"),
    "summary_usage": (
        "Tell me the topic and optionally a period, e.g. <code>/summary France</code> or "
        "<code>/summary AI 90d</code> (7d, 30d, 90d, 1y).",
        "주제와 기간(선택)을 함께 보내 주세요. 예: <code>/summary 프랑스</code>, "
        "<code>/summary 인공지능 90d</code> (7d, 30d, 90d, 1y).",
    ),
    "bad_period": (
        "“{period}” is not a period I know: use 7d, 30d, 90d or 1y.",
        "“{period}”은(는) 알 수 없는 기간입니다. 7d, 30d, 90d, 1y 중에서 골라 주세요.",
    ),
    "summary_header": (
        "<b>{topic}</b> — MOUs in the last {period}: {count}",
        "<b>{topic}</b> — 최근 {period} 동안 MOU {count}건",
    ),
    "summary_none": (
        "No MOUs about <b>{topic}</b> in the last {period}.",
        "최근 {period} 동안 <b>{topic}</b> 관련 MOU가 없습니다.",
    ),
    "summary_wider": (
        "Try a wider period: <code>/summary {arg} {wider}</code>",
        "기간을 넓혀 보세요: <code>/summary {arg} {wider}</code>",
    ),
    "by_sector": ("By sector", "분야별"),
    "by_country": ("By country", "국가별"),
    "largest": ("Largest amounts", "규모가 큰 MOU"),
    "latest_header": ("Latest", "최근 MOU"),
    "latest_usage": (
        "Use <code>/latest</code> or <code>/latest 10</code> (1 to {max}).",
        "<code>/latest</code> 또는 <code>/latest 10</code> 처럼 보내 주세요 (1~{max}).",
    ),
    "latest_none": ("No MOUs recorded yet.", "아직 기록된 MOU가 없습니다."),
    "latest_title": ("<b>Newest MOUs ({count})</b>", "<b>최근 MOU {count}건</b>"),
    "countries_header": (
        "<b>Countries</b> — type a name, a code (FR) or a flag:",
        "<b>국가</b> — 이름, 코드(FR) 또는 국기로 입력하세요:",
    ),
    "sectors_header": ("<b>Sectors</b>:", "<b>분야</b>:"),
    "mode_usage": (
        "Use <code>/mode instant</code> or <code>/mode digest 08:30</code> "
        "(one message a day at that time, {tz}).",
        "<code>/mode instant</code> 또는 <code>/mode digest 08:30</code> 처럼 보내 주세요 "
        "(하루 한 번 그 시각에 모아서 보냅니다, {tz}).",
    ),
    "mode_set_instant": (
        "Alerts will arrive as soon as an MOU is reported.",
        "MOU가 보도되면 바로 알려 드립니다.",
    ),
    "mode_set_digest": (
        "One message a day at {time} ({tz}) with that day's MOUs; nothing on days without any.",
        "매일 {time} ({tz})에 그날의 MOU를 모아 보내 드립니다. 없는 날에는 보내지 않습니다.",
    ),
    "lang_usage": (
        "Replies are in English. Languages: English (<code>/lang en</code>) and Korean "
        "(<code>/lang ko</code>).",
        "지금은 한국어로 답합니다. 언어: 한국어(<code>/lang ko</code>), "
        "영어(<code>/lang en</code>).",
    ),
    "lang_not_offered": (
        "“{code}” is not offered: I reply in English (<code>/lang en</code>) or Korean "
        "(<code>/lang ko</code>).",
        "“{code}”은(는) 지원하지 않습니다. 한국어(<code>/lang ko</code>)와 "
        "영어(<code>/lang en</code>)로 답할 수 있습니다.",
    ),
    "lang_set": ("I'll reply in English.", "이제 한국어로 답합니다."),
    "admin_only": (
        "Sorry, only the bot's administrators can do that.",
        "죄송합니다. 이 명령은 관리자만 사용할 수 있습니다.",
    ),
    "feeds_none": ("No feeds configured.", "등록된 피드가 없습니다."),
    "feeds_header": ("<b>Feeds</b> ({count})", "<b>피드</b> ({count}개)"),
    "feed_ok": ("last success {when}", "마지막 성공 {when}"),
    "feed_never": ("never fetched", "아직 가져오지 않음"),
    "feed_errors": ("{count} errors: {error}", "오류 {count}회: {error}"),
    "feed_next": ("next {when}", "다음 확인 {when}"),
    "feed_disabled": ("DISABLED since {when}", "{when}부터 중지됨"),
    "addfeed_usage": (
        "Use <code>/addfeed https://example.com/rss.xml [name]</code>.",
        "<code>/addfeed https://example.com/rss.xml [이름]</code> 처럼 보내 주세요.",
    ),
    "addfeed_bad": ("Can't add that feed: {reason}", "피드를 추가할 수 없습니다: {reason}"),
    "addfeed_done": (
        "Added feed #{id} {name}. Of its current entries only those from the last 24 hours "
        "alert; older ones are stored for /summary.",
        "피드 #{id} {name}을(를) 추가했습니다. 지금 있는 기사 중 최근 24시간 것만 알리고, "
        "그보다 오래된 기사는 /summary 용으로 저장만 합니다.",
    ),
    "removefeed_usage": (
        "Use <code>/removefeed &lt;url | id&gt;</code>; /feeds lists them.",
        "<code>/removefeed &lt;url | id&gt;</code> 처럼 보내 주세요. 목록은 /feeds.",
    ),
    "removefeed_done": ("Removed feed {feed}.", "피드 {feed}을(를) 삭제했습니다."),
    "removefeed_missing": ("No feed {feed}; /feeds lists them.", "피드 {feed}이(가) 없습니다."),
    "stats": (
        "<b>Stats</b>\nChats: {chats} ({active} active)\nSubscriptions: {subs}\n"
        "Feeds: {feeds}\nStories: {stories}\nDeliveries: {deliveries}",
        "<b>통계</b>\n채팅: {chats} (활성 {active})\n구독: {subs}\n"
        "피드: {feeds}\n스토리: {stories}\n발송: {deliveries}",
    ),
    "error": (
        "Sorry, something went wrong on my side. Please try again in a moment.",
        "죄송합니다. 처리 중 문제가 생겼습니다. 잠시 후 다시 시도해 주세요.",
    ),
    # --- settings, admins, hints ---------------------------------------------------------
    "admins_only_here": (
        "Only this group's administrators can change its settings.",
        "이 그룹의 설정은 그룹 관리자만 바꿀 수 있습니다.",
    ),
    "unknown_command": (
        "I don't know the command /{command}. /help lists the ones I do.",
        "/{command} 은(는) 없는 명령입니다. /help 에서 명령어를 확인하세요.",
    ),
    "text_hint": (
        "Send /subscribe and a country or sector to follow it; /help lists everything.",
        "국가나 분야를 구독하려면 /subscribe 와 이름을 보내세요. 모든 명령은 /help 에 있습니다.",
    ),
    "text_hint_topics": (
        "Tap to follow {topics}, or see /help for everything else.",
        "{topics}을(를) 구독하려면 누르세요. 다른 명령은 /help 에 있습니다.",
    ),
    "follow_button": ("Follow {topic}?", "{topic} 구독?"),
    "combined_note": (
        "In one group each country is combined with each sector: an alert needs both.",
        "한 묶음 안의 국가와 분야는 짝지어 구독합니다. 둘 다 해당하는 MOU만 알립니다.",
    ),
    "separately_button": ("Follow {topics} separately instead", "대신 {topics} 각각 구독"),
    "separately_done": ("Now following separately: {topics}", "각각 구독합니다: {topics}"),
    "scope_offer": (
        "{topics}: all MOUs, domestic ones included. Only those with a foreign partner?",
        "{topics}: 국내 MOU를 포함한 모든 MOU를 알립니다. 해외 상대가 있는 MOU만 받을까요?",
    ),
    "scope_international_button": ("🌏 Only international: {topic}", "🌏 해외 MOU만: {topic}"),
    "scope_all_button": ("🌐 All MOUs: {topic}", "🌐 모든 MOU: {topic}"),
    "scope_set_international": (
        "{topic}: only MOUs with a foreign partner.",
        "{topic}: 해외 상대가 있는 MOU만 알립니다.",
    ),
    "scope_set_all": (
        "{topic}: all MOUs, domestic ones included.",
        "{topic}: 국내 MOU를 포함한 모든 MOU를 알립니다.",
    ),
    "scope_international": ("international only", "해외 MOU만"),
    "scope_all": ("all MOUs", "모든 MOU"),
    "mode_current": (
        "Delivery: {mode}; time zone {tz}. Change it with <code>/mode instant</code>, "
        "<code>/mode digest 08:00</code> or <code>/mode weekly mon 08:00</code>.",
        "알림 방식: {mode}, 시간대 {tz}. <code>/mode instant</code>, "
        "<code>/mode digest 08:00</code>, <code>/mode weekly mon 08:00</code> "
        "으로 바꿀 수 있습니다.",
    ),
    "mode_weekly": ("weekly digest on {day} at {time}", "매주 {day} {time} 모아 받기"),
    "mode_set_weekly": (
        "One message a week, on {day} at {time} ({tz}), with that week's MOUs.",
        "매주 {day} {time} ({tz})에 한 주의 MOU를 모아 보내 드립니다.",
    ),
    "bad_mode": (
        "“{mode}” is not a mode: use instant, digest or weekly.",
        "“{mode}”은(는) 알 수 없는 방식입니다. instant, digest, weekly 중에서 골라 주세요.",
    ),
    "bad_time": (
        "“{time}” is not a time of day: use HH:MM between 00:00 and 23:59.",
        "“{time}”은(는) 올바른 시각이 아닙니다. 00:00부터 23:59 사이로 HH:MM 처럼 보내 주세요.",
    ),
    "bad_day": (
        "“{day}” is not a day of the week: use mon, tue, wed, thu, fri, sat or sun.",
        "“{day}”은(는) 요일이 아닙니다. 월, 화, 수, 목, 금, 토, 일 (또는 mon … sun) "
        "중에서 골라 주세요.",
    ),
    "weekly_needs_day": (
        "Tell me the day, e.g. <code>/mode weekly mon 08:00</code>.",
        "요일을 함께 보내 주세요. 예: <code>/mode weekly 월 08:00</code>.",
    ),
    "paused": (
        "Alerts paused until {until} ({tz}). They are kept and arrive as one message when the "
        "pause ends or you send /resume.",
        "{until} ({tz})까지 알림을 멈춥니다. 그동안의 알림은 보관했다가 끝나거나 /resume 을 "
        "보내면 한 번에 보내 드립니다.",
    ),
    "paused_forever": (
        "Alerts paused until you send /resume. They are kept and arrive then as one message.",
        "/resume 을 보낼 때까지 알림을 멈춥니다. 그동안의 알림은 그때 한 번에 보내 드립니다.",
    ),
    "bad_pause": (
        "“{arg}” is not a pause I know: use /pause, /pause 1d, /pause 1w or /pause 18:00 "
        "(until that time).",
        "“{arg}”은(는) 알 수 없는 기간입니다. /pause, /pause 1d, /pause 1w, /pause 18:00 "
        "(그 시각까지) 중에서 골라 주세요.",
    ),
    "resumed": (
        "Alerts resumed; what arrived meanwhile ({count}) is in the message above.",
        "알림을 다시 보냅니다. 그동안의 MOU {count}건은 위 메시지에 모았습니다.",
    ),
    "resumed_nothing": (
        "Alerts resumed; nothing arrived meanwhile.",
        "알림을 다시 보냅니다. 그동안 새 MOU는 없었습니다.",
    ),
    "not_paused": ("Alerts are not paused.", "알림이 멈춰 있지 않습니다."),
    "pause_line": ("paused until {until}", "{until}까지 멈춤"),
    "pause_line_forever": ("paused until /resume", "/resume 까지 멈춤"),
    "timezone_current": (
        "Time zone: {tz}. Change it with an IANA name, e.g. <code>/timezone Europe/Paris</code>.",
        "시간대: {tz}. <code>/timezone Europe/Paris</code> 처럼 IANA 이름으로 바꿀 수 있습니다.",
    ),
    "timezone_set": (
        "Times are now in {tz}: alerts, digests and /summary.",
        "이제 알림, 모아 받기, /summary 의 시각을 {tz} 기준으로 보여 드립니다.",
    ),
    "bad_timezone": (
        "“{tz}” is not a time zone I know: use an IANA name such as Asia/Seoul or Europe/Paris.",
        "“{tz}”은(는) 알 수 없는 시간대입니다. Asia/Seoul, Europe/Paris 같은 IANA 이름을 "
        "보내 주세요.",
    ),
    "latest_capped": (
        "Showing the newest {max}: that is the most /latest shows.",
        "/latest 는 최대 {max}건까지 보여 드립니다.",
    ),
    "latest_mine_title": (
        "<b>Newest MOUs on this chat's topics ({count})</b> — <code>/latest all</code> for "
        "every topic",
        "<b>이 채팅 주제의 최근 MOU {count}건</b> — 전체는 <code>/latest all</code>",
    ),
    "latest_none_mine": (
        "No MOUs on this chat's topics yet; <code>/latest all</code> shows every topic.",
        "이 채팅 주제의 MOU가 아직 없습니다. 전체는 <code>/latest all</code> 로 볼 수 있습니다.",
    ),
    "muted": (
        "Muted {topic}: no more alerts about it.",
        "{topic} 알림을 껐습니다.",
    ),
    "unmuted": ("Following {topic} again.", "{topic}을(를) 다시 구독합니다."),
    "mute_button": ("🔕 Mute {topic}", "🔕 {topic} 끄기"),
    "undo_button": ("↩ Undo: follow {topic} again", "↩ 되돌리기: {topic} 다시 구독"),
    "more_button": ("🔎 More like this", "🔎 비슷한 MOU 더 보기"),
    "countries_main_header": (
        "<b>Main partners</b> — tap to follow or stop (✓ followed). Search with "
        "<code>/countries name</code>.",
        "<b>주요 상대국</b> — 누르면 구독/해지됩니다 (✓ 구독 중). "
        "<code>/countries 이름</code> 으로 찾을 수 있습니다.",
    ),
    "countries_more_button": ("All countries ›", "모든 국가 ›"),
    "countries_back_button": ("‹ Main partners", "‹ 주요 상대국"),
    "countries_found": ("<b>Countries matching “{query}”</b>:", "<b>“{query}” 검색 결과</b>:"),
    "countries_none_found": (
        "No country matches “{query}”. /countries lists them all.",
        "“{query}”에 맞는 국가가 없습니다. /countries 에서 전체 목록을 볼 수 있습니다.",
    ),
    "none": ("none", "없음"),
    "domestic": ("domestic (no foreign partner)", "국내 (해외 상대 없음)"),
    "amount_about": ("about {amount}", "약 {amount}"),
    "weekly_title": ("This week's MOUs: {n}", "이번 주 MOU {n}건"),
    "held_title": ("MOUs while paused: {n}", "멈춘 동안의 MOU {n}건"),
    "day_0": ("Monday", "월요일"),
    "day_1": ("Tuesday", "화요일"),
    "day_2": ("Wednesday", "수요일"),
    "day_3": ("Thursday", "목요일"),
    "day_4": ("Friday", "금요일"),
    "day_5": ("Saturday", "토요일"),
    "day_6": ("Sunday", "일요일"),
    # --- organisations and keywords, /search, /export, charts (issue 13) ---
    "offer_term": (
        "Follow “{word}” as an organisation (named as a signing party) or as a keyword "
        "(in the headline, the parties or the summary)?",
        "“{word}”을(를) 기관(서명 당사자)으로 구독할까요, 키워드(제목·당사자·요약)로 구독할까요?",
    ),
    "follow_org_button": ("🏢 Organisation: {word}", "🏢 기관: {word}"),
    "follow_kw_button": ("🔎 Keyword: {word}", "🔎 키워드: {word}"),
    "search_usage": (
        "Tell me what to look for, e.g. <code>/search 수소</code> or "
        "<code>/search Thales 1y</code> (7d, 30d, 90d, 1y, all).",
        "찾을 말을 함께 보내 주세요. 예: <code>/search 수소</code>, "
        "<code>/search 탈레스 1y</code> (7d, 30d, 90d, 1y, all).",
    ),
    "search_header": (
        "🔎 <b>{words}</b> — MOUs, {period} (page {page}):",
        "🔎 <b>{words}</b> — MOU 검색 결과, {period} ({page}쪽):",
    ),
    "search_none": (
        "No stored MOU mentions “{words}” ({period}).",
        "“{words}”이(가) 들어간 MOU가 없습니다 ({period}).",
    ),
    "search_no_more": (
        "No more MOUs mention “{words}” ({period}).",
        "“{words}” 검색 결과가 더 없습니다 ({period}).",
    ),
    "search_previous": ("◀ Previous", "◀ 이전"),
    "search_next": ("Next ▶", "다음 ▶"),
    "search_expired": (
        "That search is no longer open: send /search again.",
        "지난 검색입니다. /search 를 다시 보내 주세요.",
    ),
    "export_usage": (
        "Tell me a topic or words and optionally a period, e.g. "
        "<code>/export France 1y</code> or <code>/export 수소 all</code>.",
        "주제나 검색어, 기간(선택)을 함께 보내 주세요. 예: "
        "<code>/export 프랑스 1y</code>, <code>/export 수소 all</code>.",
    ),
    "export_none": (
        "Nothing to export for “{words}” ({period}).",
        "“{words}”에 해당하는 MOU가 없습니다 ({period}).",
    ),
    "export_caption": ("{count} MOUs — “{words}”, {period}", "MOU {count}건 — “{words}”, {period}"),
    "chart_title": ("{topic}: MOUs, {period}", "{topic}: MOU 추이, {period}"),
    "chart_per_week": ("MOUs per week", "주별 MOU 건수"),
    "chart_per_month": ("MOUs per month", "월별 MOU 건수"),
    "chart_other": ("other", "기타"),
    "chart_total": ("MOUs", "MOU"),
    "period_days": ("{n} days", "{n}일"),
    "period_one_year": ("year", "1년"),
    "period_years": ("{n} years", "{n}년"),
    # Alerts, digests and admin notices: labels without markup (the plain-text fallback uses
    # them as they are).
    "alert_parties": ("Parties", "당사자"),
    "alert_amounts": ("Amount", "금액"),
    "alert_mou_count": ("{n} MOUs", "MOU {n}건"),
    "alert_more_outlets": ("+{n} more outlets", "외 {n}개 매체"),
    "alert_no_title": ("(untitled)", "(제목 없음)"),
    "alert_digest_title": ("Today's MOUs: {n}", "오늘의 MOU {n}건"),
    "alert_digest_more": ("(continued {i}/{n})", "(계속 {i}/{n})"),
    "alert_feed_disabled": ("Feed disabled", "피드가 비활성화되었습니다"),
    "alert_feed_error": ("Last error", "마지막 오류"),
    "alert_feed_errors": ("{n} errors in a row", "연속 오류 {n}회"),
    "alert_feed_hint": ("See /feeds for its state.", "/feeds 로 상태를 확인하세요."),
}

COMMANDS: tuple[tuple[str, str, str], ...] = (
    # (command, English description, Korean description) for set_my_commands
    ("start", "What this bot does", "봇 소개와 빠른 구독"),
    ("subscribe", "Follow a country or sector", "국가·분야 구독"),
    ("unsubscribe", "Stop following a topic", "구독 해지"),
    ("list", "What this chat follows", "구독 목록"),
    ("summary", "MOUs of a topic over a period", "주제별 MOU 요약"),
    ("search", "Find stored MOUs by words", "저장된 MOU 검색"),
    ("export", "MOUs as a CSV file", "MOU 목록 CSV 내려받기"),
    ("latest", "The newest MOUs", "최근 MOU"),
    ("countries", "Countries you can follow", "구독 가능한 국가"),
    ("sectors", "Sectors you can follow", "구독 가능한 분야"),
    ("mode", "Instant alerts or a daily/weekly digest", "즉시 알림 또는 하루·주간 요약"),
    ("pause", "Hold alerts for a while", "알림 잠시 멈추기"),
    ("resume", "Get held alerts and resume", "멈춘 알림 받고 다시 시작"),
    ("timezone", "Time zone of this chat", "이 채팅의 시간대"),
    ("lang", "Reply language (ko/en)", "답변 언어 (ko/en)"),
    ("help", "All commands", "명령어 도움말"),
)


def plain_text(lang: str, key: str, **values: object) -> str:
    """The ``key`` text in ``lang`` (Korean for "ko", else English) with ``values`` as they
    are: only for texts without markup, which this refuses."""
    en, ko = TEXTS[key]
    template = ko if lang == "ko" else en
    if "<" in template or "&" in template:
        raise ValueError(f"{key!r} is Telegram HTML: use t()")
    return template.format(**values)


def t(lang: Lang, key: str, **values: object) -> Html:
    """The ``key`` text in ``lang``, with ``values`` escaped unless they are :class:`Html`."""
    en, ko = TEXTS[key]
    template = ko if lang == "ko" else en
    safe = {k: v if isinstance(v, Html) else escape(v) for k, v in values.items()}
    return Html(template.format(**safe))
