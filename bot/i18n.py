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
        "/subscribe &lt;topic&gt; … — follow a country, a sector or both "
        '(France, AI, "France AI")\n'
        "/unsubscribe &lt;topic | all&gt; — stop following\n"
        "/list — what this chat follows\n"
        "/summary &lt;topic&gt; [7d|30d|90d|1y] — MOUs of a period, with a chart\n"
        "/search &lt;words&gt; [7d|30d|90d|1y|all] — find stored MOUs\n"
        "/export &lt;topic or words&gt; [period] — the MOUs as a CSV file\n"
        "/latest [n] — the newest MOUs\n"
        "/countries, /sectors — what can be followed\n"
        "/mode instant | digest [HH:MM] — alerts at once or one message a day\n"
        "/lang ko | en — reply language",
        "<b>명령어</b>\n"
        "/subscribe &lt;주제&gt; … — 국가, 분야 또는 둘의 조합 구독 "
        '(프랑스, 인공지능, "프랑스 바이오")\n'
        "/unsubscribe &lt;주제 | all&gt; — 구독 해지\n"
        "/list — 이 채팅의 구독 목록\n"
        "/summary &lt;주제&gt; [7d|30d|90d|1y] — 기간별 MOU 요약과 차트\n"
        "/search &lt;검색어&gt; [7d|30d|90d|1y|all] — 저장된 MOU 검색\n"
        "/export &lt;주제 또는 검색어&gt; [기간] — MOU 목록 CSV 파일\n"
        "/latest [n] — 최근 MOU\n"
        "/countries, /sectors — 구독할 수 있는 국가·분야\n"
        "/mode instant | digest [HH:MM] — 즉시 알림 또는 하루 한 번 모아 받기\n"
        "/lang ko | en — 답변 언어",
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
        "Replies are in English. Use <code>/lang ko</code> for Korean.",
        "지금은 한국어로 답합니다. 영어는 <code>/lang en</code> 을 보내세요.",
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
    "none": ("none", "없음"),
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
    ("mode", "Instant alerts or a daily digest", "즉시 알림 또는 하루 요약"),
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
