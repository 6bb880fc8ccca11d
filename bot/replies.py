"""Command replies as Telegram HTML: pure functions of plain data, every value escaped, every
message under Telegram's 4096-unit limit (the toolkit of ``bot.markup``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import Lang, plain_text, t
from bot.markup import Html, escape, fit_lines, link, local_time, shorten, split_lines
from bot.summary import Summary, wider_period
from extractors.gazetteer import country_codes
from extractors.sectors import SECTORS_BY_ID
from subscriptions.models import Chat, Feed, Stats, StoryView, Subscription, Topic
from subscriptions.topics import UnknownWord, topic_label

MAX_TITLE = 200
_CALLBACK_SUBSCRIBE = "sub"
_CALLBACK_REMOVE = "rm"

# What /start offers as one-tap subscriptions: the partners and sectors Korean MOU news is
# mostly about.
START_COUNTRIES = ("US", "CN", "JP", "VN", "FR", "DE", "GB", "IN", "ID", "SA", "AE", "PL")
START_SECTORS = ("ai", "semiconductor", "bio_health", "energy", "battery", "mobility")


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


# --- /start, /help ---------------------------------------------------------------------------


def welcome(lang: Lang) -> Reply:
    def button(topic: Topic, data: str) -> InlineKeyboardButton:
        return InlineKeyboardButton(topic_label(topic, lang), callback_data=data)

    countries = [button(Topic(country=c), f"{_CALLBACK_SUBSCRIBE}:c:{c}") for c in START_COUNTRIES]
    sectors = [button(Topic(sector=s), f"{_CALLBACK_SUBSCRIBE}:s:{s}") for s in START_SECTORS]
    rows = [countries[i : i + 4] for i in range(0, len(countries), 4)]
    rows += [sectors[i : i + 2] for i in range(0, len(sectors), 2)]
    return Reply(t(lang, "welcome"), InlineKeyboardMarkup(rows))


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
    if prefix != _CALLBACK_REMOVE or not value.isdigit():
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
) -> Html:
    lines: list[str] = []
    if added:
        lines.append(t(lang, "subscribed", topics=labels(added, lang)))
    if already:
        lines.append(t(lang, "already_subscribed", topics=labels(already, lang)))
    lines += unknown_words(lang, unknown)
    return fit_lines(lines or [t(lang, "subscribe_usage")])


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
        return t(lang, "mode_digest", time=chat.digest_time.strftime("%H:%M"))
    return t(lang, "mode_instant")


def subscription_list(lang: Lang, chat: Chat, subs: Sequence[Subscription]) -> Reply:
    if not subs:
        return Reply(t(lang, "list_empty"))
    lines = [t(lang, "list_header", count=len(subs))]
    lines += [Html(f"• {label(s.topic, lang)}") for s in subs]
    lines.append(t(lang, "mode_line", mode=mode_text(lang, chat)))
    # Telegram allows 100 buttons a keyboard; a chat with more removes the rest by command.
    buttons = [
        [InlineKeyboardButton(f"✖ {topic_label(s.topic, lang)}", callback_data=f"rm:{s.id}")]
        for s in subs[:100]
    ]
    return Reply(fit_lines(lines), InlineKeyboardMarkup(buttons))


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
            if not key:
                name = t(lang, "none")
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
    lines += [story_line(story, tz) for story in s.latest]
    return fit_lines(lines)


def latest(lang: Lang, stories: Sequence[StoryView], tz: ZoneInfo) -> Html:
    if not stories:
        return t(lang, "latest_none")
    lines = [t(lang, "latest_title", count=len(stories))]
    for story in stories:
        lines.append(story_line(story, tz))
        tags = [label(Topic(country=c), lang) for c in story.countries[:4]]
        tags += [label(Topic(sector=s), lang) for s in story.sectors[:3]]
        if tags:
            lines.append(Html("   " + escape(" · ").join(tags)))
    return fit_lines(lines)


def topic_lists(header: Html, items: Iterable[str]) -> list[Html]:
    return split_lines(header, [Html(f"• {escape(item)}") for item in items])


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
