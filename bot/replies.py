"""Command replies as Telegram HTML: pure functions of plain data, every value escaped, every
message under Telegram's 4096-unit limit (the toolkit of ``bot.markup``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import alerts, buttons
from bot.i18n import Lang, plain_text, t
from bot.keyboards import button, markup, rows
from bot.markup import Html, escape, fit_lines, link, local_time, shorten, split_lines
from bot.summary import Summary, wider_period
from extractors.gazetteer import country_codes, country_name
from extractors.sectors import SECTORS_BY_ID
from subscriptions.models import PAUSED_FOREVER, Chat, Feed, Stats, StoryView, Subscription, Topic
from subscriptions.topics import HOME, Combined, UnknownWord, resolve_topic, topic_label

MAX_TITLE = 200
_CALLBACK_SUBSCRIBE = "sub"
_CALLBACK_REMOVE = "rm"

# What /start offers as one-tap subscriptions: the partners and sectors Korean MOU news is
# mostly about.
START_COUNTRIES = ("US", "CN", "JP", "VN", "FR", "DE", "GB", "IN", "ID", "SA", "AE", "PL")
START_SECTORS = ("ai", "semiconductor", "bio_health", "energy", "battery", "mobility")
MAIN_PARTNERS = (
    *START_COUNTRIES,
    *("AU", "CA", "TH", "MY", "SG", "PH", "MN", "UZ", "KZ", "TR", "IT", "ES", "NL", "CZ"),
    *("HU", "BR", "MX", "QA"),
)  # fmt: skip
"""The first page of /countries: the partners most Korean MOU news names."""


@dataclass(frozen=True)
class Reply:
    text: Html
    keyboard: InlineKeyboardMarkup | None = None


def label(topic: Topic, lang: Lang) -> Html:
    return escape(topic_label(topic, lang))


def labels(topics: Iterable[Topic], lang: Lang) -> Html:
    return Html(", ".join(label(tp, lang) for tp in topics))


def _story_link(story: StoryView) -> Html:
    return link(shorten(story.title, MAX_TITLE), story.url)


def story_line(story: StoryView, tz: ZoneInfo) -> Html:
    when = escape(local_time(story.published, tz, "%m-%d", missing="—"))
    outlet = f" · {escape(shorten(story.outlet, 60))}" if story.outlet else ""
    return Html(f"• {when} {_story_link(story)}{outlet}")


def tag_lines(story: StoryView, lang: Lang) -> list[Html]:
    """A story's countries and sectors exactly as its alert's head line shows them (the same
    caps, "+n" for the rest), for /latest and /summary."""
    tags = [alerts.country_line(story.countries, lang), alerts.sector_line(story.sectors, lang)]
    shown = " | ".join(tag for tag in tags if tag)
    return [Html("   " + escape(shown))] if shown else []


# --- /start, /help ---------------------------------------------------------------------------


def toggle_button(topic: Topic, lang: Lang, followed: Collection[Topic]) -> InlineKeyboardButton:
    """A /start or /countries button: ✓ when the chat follows ``topic``; pressing toggles."""
    mark = "✓ " if topic in followed else ""
    made = button(
        mark + topic_label(topic, lang), buttons.data(buttons.TOGGLE, buttons.topic_code(topic))
    )
    assert made is not None  # a topic code is a few bytes
    return made


def start_keyboard(lang: Lang, followed: Collection[Topic]) -> InlineKeyboardMarkup:
    countries = [toggle_button(Topic(country=c), lang, followed) for c in START_COUNTRIES]
    sectors = [toggle_button(Topic(sector=s), lang, followed) for s in START_SECTORS]
    grid = [countries[i : i + 4] for i in range(0, len(countries), 4)]
    grid += [sectors[i : i + 2] for i in range(0, len(sectors), 2)]
    return InlineKeyboardMarkup(grid)


def welcome(lang: Lang, followed: Collection[Topic] = ()) -> Reply:
    return Reply(t(lang, "welcome"), start_keyboard(lang, followed))


def parse_subscribe_button(data: str) -> Topic | None:
    """The topic of a /start button's callback data, None when it is not one."""
    parts = data.split(":")
    if len(parts) != 3 or parts[0] != _CALLBACK_SUBSCRIBE or not parts[2]:
        return None
    # Callback data comes from the client: a modified one can send any code.
    if parts[1] == "c" and parts[2] in country_codes() and parts[2] != "KR":
        return Topic(country=parts[2])
    if parts[1] == "s" and parts[2] in SECTORS_BY_ID:
        return Topic(sector=parts[2])
    return None


def parse_remove_button(data: str) -> int | None:
    """The subscription id of a /list remove button's callback data."""
    prefix, _, value = data.partition(":")
    # Forged data may hold any digits ("²" is one to isdigit) or thousands of them.
    if prefix != _CALLBACK_REMOVE or not (value.isascii() and value.isdigit()) or len(value) > 18:
        return None
    return int(value)


# --- subscriptions ---------------------------------------------------------------------------


def unknown_words(lang: Lang, unknown: Sequence[UnknownWord]) -> list[Html]:
    """One line per word that is not a topic, with suggestions when there are any."""
    lines = []
    for word in unknown:
        if word.home:
            lines.append(t(lang, "home_is_every_mou"))
            continue
        line = t(lang, "unknown_word", word=shorten(word.word, 40))
        if word.suggestions:
            shown = Html(", ".join(f"<b>{escape(s)}</b>" for s in word.suggestions[:3]))
            line = Html(f"{line} {t(lang, 'did_you_mean', suggestions=shown)}")
        lines.append(line)
    if unknown:
        lines.append(t(lang, "see_lists"))
    return lines


def subscribe_result(
    lang: Lang,
    added: Sequence[Topic],
    already: Sequence[Topic],
    unknown: Sequence[UnknownWord],
    combined: Sequence[Combined] = (),
    over_limit: Sequence[Topic] = (),
    limit: int = 0,
) -> Html:
    lines: list[str] = []
    if added:
        lines.append(t(lang, "subscribed", topics=labels(added, lang)))
    if already:
        lines.append(t(lang, "already_subscribed", topics=labels(already, lang)))
    if over_limit:
        lines.append(t(lang, "subscription_limit", topics=labels(over_limit, lang), max=limit))
    if combined:
        lines.append(t(lang, "combined_note"))
    lines += unknown_words(lang, unknown)
    return fit_lines(lines or [t(lang, "subscribe_usage")])


def follow_buttons(lang: Lang, topics: Iterable[Topic]) -> list[InlineKeyboardButton | None]:
    return [
        button(
            plain_text(lang, "follow_button", topic=topic_label(topic, lang)),
            buttons.data(buttons.FOLLOW, buttons.topic_code(topic)),
        )
        for topic in dict.fromkeys(topics)
    ]


def suggested_topics(unknown: Sequence[UnknownWord]) -> list[Topic]:
    """The topics the "Did you mean" suggestions name (one tap follows them)."""
    found = [resolve_topic(name) for word in unknown for name in word.suggestions[:3]]
    return [topic for topic in found if topic is not None]


def scope_buttons(
    lang: Lang, topics: Iterable[Topic], international: bool
) -> list[InlineKeyboardButton | None]:
    """Buttons that switch sector subscriptions to international-only (or back to all)."""
    key = "scope_all_button" if international else "scope_international_button"
    flag = "a" if international else "i"
    return [
        button(
            plain_text(lang, key, topic=topic_label(topic, lang)),
            buttons.data(buttons.SCOPE, buttons.topic_code(topic), flag),
        )
        for topic in topics
    ]


def subscribe_reply(
    lang: Lang,
    added: Sequence[Topic],
    already: Sequence[Topic],
    unknown: Sequence[UnknownWord],
    combined: Sequence[Combined] = (),
    first_sectors: Sequence[Topic] = (),
    over_limit: Sequence[Topic] = (),
    limit: int = 0,
) -> Reply:
    """The /subscribe answer: what is followed now, exactly, and buttons where the input was
    ambiguous (combinations, suggestions) or a sector was followed for the first time.
    ``over_limit``: topics refused at ``[limits] subscriptions_per_chat`` (``limit``)."""
    text = subscribe_result(lang, added, already, unknown, combined, over_limit, limit)
    grid: list[list[InlineKeyboardButton]] = []
    for group in combined:
        instead = ", ".join(topic_label(tp, lang) for tp in group.separately)
        code = buttons.combined_code(group)
        grid += rows(
            [
                button(
                    plain_text(lang, "separately_button", topics=instead),
                    buttons.data(buttons.SEPARATELY, code),
                )
            ],
            1,
        )
    grid += rows(follow_buttons(lang, suggested_topics(unknown)), 2)
    if first_sectors:
        text = Html(f"{text}\n{t(lang, 'scope_offer', topics=labels(first_sectors, lang))}")
        grid += rows(scope_buttons(lang, first_sectors, international=False), 1)
    return Reply(text, markup(grid))


def unsubscribe_result(
    lang: Lang,
    removed: Sequence[Topic],
    missing: Sequence[Topic],
    unknown: Sequence[UnknownWord],
) -> Html:
    lines: list[str] = []
    if removed:
        lines.append(t(lang, "unsubscribed", topics=labels(removed, lang)))
    if missing:
        lines.append(t(lang, "not_subscribed", topics=labels(missing, lang)))
    lines += unknown_words(lang, unknown)
    return fit_lines(lines or [t(lang, "unsubscribe_usage")])


def mode_text(lang: Lang, chat: Chat) -> Html:
    if chat.mode == "digest" and chat.digest_time is not None:
        time = chat.digest_time.strftime("%H:%M")
        if chat.digest_day is not None:
            return t(lang, "mode_weekly", day=t(lang, f"day_{chat.digest_day}"), time=time)
        return t(lang, "mode_digest", time=time)
    return t(lang, "mode_instant")


def pause_text(lang: Lang, chat: Chat, now: dt.datetime, tz: ZoneInfo) -> Html | None:
    if not chat.paused(now) or chat.paused_until is None:
        return None
    if chat.paused_until >= PAUSED_FOREVER:
        return t(lang, "pause_line_forever")
    return t(lang, "pause_line", until=local_time(chat.paused_until, tz))


def scope_text(lang: Lang, sub: Subscription) -> Html:
    """A sector subscription's choice; a country's MOUs are international anyway."""
    if sub.topic.country is not None:
        return Html("")
    return Html(f" ({t(lang, 'scope_international' if sub.international else 'scope_all')})")


def subscription_list(
    lang: Lang,
    chat: Chat,
    subs: Sequence[Subscription],
    now: dt.datetime | None = None,
    tz: ZoneInfo | None = None,
) -> Reply:
    if not subs:
        return Reply(t(lang, "list_empty"))
    lines = [t(lang, "list_header", count=len(subs))]
    lines += [Html(f"• {label(s.topic, lang)}{scope_text(lang, s)}") for s in subs]
    mode = mode_text(lang, chat)
    paused = pause_text(lang, chat, now, tz) if now is not None and tz is not None else None
    if paused:
        mode = Html(f"{mode}; {paused}")
    lines.append(t(lang, "mode_line", mode=mode))
    # Telegram allows 100 buttons a keyboard: 50 rows of at most two (remove, and a sector's
    # international choice); a chat with more removes the rest by command.
    grid: list[list[InlineKeyboardButton]] = []
    for s in subs[:50]:
        row = [InlineKeyboardButton(f"✖ {topic_label(s.topic, lang)}", callback_data=f"rm:{s.id}")]
        if s.topic.sector is not None and s.topic.country is None:
            [switch] = scope_buttons(lang, [s.topic], s.international)
            if switch is not None:
                row.append(switch)
        grid.append(row)
    return Reply(fit_lines(lines), InlineKeyboardMarkup(grid))


# --- reading -----------------------------------------------------------------------------------


def period_label(lang: Lang, period: str) -> str:
    number, unit = period[:-1], period[-1]
    if unit == "d":
        return plain_text(lang, "period_days", n=number)
    return plain_text(lang, "period_one_year" if number == "1" else "period_years", n=number)


def summary(lang: Lang, s: Summary, arg: str, tz: ZoneInfo) -> Html:
    """``arg`` is the topic as the person typed it (for the "try a wider period" hint)."""
    period = period_label(lang, s.period)
    lines: list[str]
    if s.total == 0:
        lines = [t(lang, "summary_none", topic=label(s.topic, lang), period=period)]
        wider = wider_period(s.period)
        if wider:
            lines.append(t(lang, "summary_wider", arg=shorten(arg, 60), wider=wider))
        return fit_lines(lines)
    lines = [t(lang, "summary_header", topic=label(s.topic, lang), count=s.total, period=period)]
    if s.breakdown:
        lines += [
            "",
            f"<b>{t(lang, 'by_sector' if s.breakdown_kind == 'sector' else 'by_country')}</b>",
        ]
        for key, count in s.breakdown[:10]:
            if not key:  # no sector named, or (by country) a domestic MOU
                name = t(lang, "none" if s.breakdown_kind == "sector" else "domestic")
            elif s.breakdown_kind == "sector":
                name = label(Topic(sector=key), lang)
            else:
                name = label(Topic(country=key), lang)
            lines.append(f"• {name}: {count}")
    if s.largest:
        lines += ["", f"<b>{t(lang, 'largest')}</b>"]
        lines += [
            Html(f"• <b>{escape(shorten(a.text, 60))}</b> — {_story_link(a.story)}")
            for a in s.largest
        ]
    lines += ["", f"<b>{t(lang, 'latest_header')}</b>"]
    for story in s.latest:
        lines.append(story_line(story, tz))
        lines += tag_lines(story, lang)
    return fit_lines(lines)


def latest(
    lang: Lang,
    stories: Sequence[StoryView],
    tz: ZoneInfo,
    *,
    mine: bool = False,
    capped: int | None = None,
) -> Html:
    """Newest stories, each with the same countries and sectors its alert shows. ``mine``:
    only the chat's topics; ``capped``: the count asked for was more than that cap."""
    if not stories:
        return t(lang, "latest_none_mine" if mine else "latest_none")
    lines = [t(lang, "latest_mine_title" if mine else "latest_title", count=len(stories))]
    if capped is not None:
        lines.append(t(lang, "latest_capped", max=capped))
    for story in stories:
        lines.append(story_line(story, tz))
        lines += tag_lines(story, lang)
    return fit_lines(lines)


def topic_lists(header: Html, items: Iterable[str]) -> list[Html]:
    return split_lines(header, [Html(f"• {escape(item)}") for item in items])


def countries_main(lang: Lang, followed: Collection[Topic]) -> Reply:
    """/countries: the main partners as toggle buttons, the rest one tap away."""
    grid = [
        [toggle_button(Topic(country=c), lang, followed) for c in MAIN_PARTNERS[i : i + 3]]
        for i in range(0, len(MAIN_PARTNERS), 3)
    ]
    more = button(plain_text(lang, "countries_more_button"), buttons.data(buttons.COUNTRIES, "1"))
    grid += rows([more], 1)
    return Reply(t(lang, "countries_main_header"), markup(grid))


def countries_rest(lang: Lang) -> Reply:
    """The second page of /countries: every other country by name and code, in one message
    (no flags, no bullets: that is what makes 220 names fit)."""
    codes = country_codes() - {HOME} - set(MAIN_PARTNERS)
    # CLDR names a few territories in one language only (Sark: "CQ" in Korean): left out.
    named = sorted((country_name(c, lang), c) for c in codes if country_name(c, lang) != c)
    lines = [Html(f"{escape(name)} ({code})") for name, code in named]
    back = button(plain_text(lang, "countries_back_button"), buttons.data(buttons.COUNTRIES, "0"))
    return Reply(fit_lines([t(lang, "countries_header"), *lines]), markup(rows([back], 1)))


def countries_found(
    lang: Lang, query: str, topics: Sequence[Topic], followed: Collection[Topic]
) -> Reply:
    if not topics:
        return Reply(t(lang, "countries_none_found", query=shorten(query, 40)))
    grid = rows((toggle_button(tp, lang, followed) for tp in topics[:24]), 2)
    return Reply(t(lang, "countries_found", query=shorten(query, 40)), markup(grid))


# --- admin -------------------------------------------------------------------------------------


def feeds(lang: Lang, items: Sequence[Feed], tz: ZoneInfo) -> list[Html]:
    if not items:
        return [t(lang, "feeds_none")]
    lines = []
    for f in items:
        name, url = escape(shorten(f.name, 80)), escape(shorten(f.url, 200))
        head = Html(f"<b>#{f.id} {name}</b>\n<code>{url}</code>")
        state: list[str] = []
        if f.disabled_since:
            state.append(t(lang, "feed_disabled", when=local_time(f.disabled_since, tz)))
        if f.last_success:
            state.append(t(lang, "feed_ok", when=local_time(f.last_success, tz)))
        else:
            state.append(t(lang, "feed_never"))
        if f.error_count:
            error = shorten(f.last_error or "?", 120)
            state.append(t(lang, "feed_errors", count=f.error_count, error=error))
        if f.next_check and not f.disabled_since:
            state.append(t(lang, "feed_next", when=local_time(f.next_check, tz)))
        lines.append(Html(f"{head}\n{escape('; ').join(state)}"))
    return split_lines(t(lang, "feeds_header", count=len(items)), lines)


def stats(lang: Lang, s: Stats) -> Html:
    deliveries = ", ".join(f"{k} {v}" for k, v in sorted(s.deliveries.items())) or t(lang, "none")
    return t(
        lang,
        "stats",
        chats=s.chats,
        active=s.active_chats,
        subs=s.subscriptions,
        feeds=s.feeds,
        stories=s.stories,
        deliveries=deliveries,
    )
