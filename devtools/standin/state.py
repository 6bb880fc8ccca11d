"""What the stand-in remembers: chats, messages, pending updates and counters.

Everything is plain data; :mod:`devtools.standin.methods` implements the Bot API on top of it and
:mod:`devtools.standin.users` the user side (people typing, pressing buttons, blocking the bot).
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from devtools.standin.faults import Faults
from devtools.standin.html import Entity, ParsedText
from devtools.standin.limits import Limits, RateGate, RetryWindows, Violation

SENDING_METHODS = frozenset(
    {"sendmessage", "editmessagetext", "editmessagereplymarkup", "sendphoto", "senddocument"}
)
"""Methods a retry_after window holds back and a flood fault answers with 429."""

DEFAULT_ALLOWED_UPDATES = frozenset(
    {"message", "edited_message", "callback_query", "my_chat_member", "channel_post"}
)


@dataclass
class ChatState:
    id: int
    type: str
    title: str = ""
    first_name: str = ""
    blocked: bool = False
    """Private chat: the user blocked the bot. Group: the bot was kicked."""
    migrated_to: int | None = None
    last_message_id: int = 0
    members: dict[int, str] = field(default_factory=dict)
    """Group: people's statuses for ``getChatMember`` (``member`` when absent)."""

    @property
    def is_group(self) -> bool:
        return self.type in {"group", "supergroup"}

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "type": self.type}
        if self.type == "private":
            data["first_name"] = self.first_name or "User"
        else:
            data["title"] = self.title or f"Chat {self.id}"
        return data


@dataclass(frozen=True)
class UserInfo:
    id: int
    first_name: str = "Tester"
    language_code: str | None = "en"
    username: str | None = None
    is_bot: bool = False

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "is_bot": self.is_bot, "first_name": self.first_name}
        if self.username:
            data["username"] = self.username
        if self.language_code:
            data["language_code"] = self.language_code
        return data


@dataclass(frozen=True)
class Button:
    """One inline keyboard button; ``number`` counts from 1 over the whole keyboard."""

    number: int
    text: str
    callback_data: str | None = None
    url: str | None = None


def keyboard_buttons(reply_markup: dict[str, Any] | None) -> list[Button]:
    rows = (reply_markup or {}).get("inline_keyboard") or []
    buttons: list[Button] = []
    for row in rows:
        for b in row:
            buttons.append(
                Button(
                    len(buttons) + 1, str(b.get("text", "")), b.get("callback_data"), b.get("url")
                )
            )
    return buttons


@dataclass
class StoredMessage:
    """A message in a chat, from the bot or a user, as it stands now (after edits)."""

    chat_id: int
    message_id: int
    sender: UserInfo
    date: int
    parsed: ParsedText
    reply_markup: dict[str, Any] | None = None
    reply_to: StoredMessage | None = None
    link_preview_options: dict[str, Any] | None = None
    edit_date: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def as_json(self, chat: ChatState, *, with_reply: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "message_id": self.message_id,
            "from": self.sender.as_json(),
            "chat": chat.as_json(),
            "date": self.date,
        }
        if self.parsed.text:
            data["text"] = self.parsed.text
        entities = self.parsed.telegram_entities()
        if entities:
            data["entities"] = entities
        if self.reply_markup and "inline_keyboard" in self.reply_markup:
            data["reply_markup"] = self.reply_markup
        if self.link_preview_options:
            data["link_preview_options"] = self.link_preview_options
        if self.edit_date is not None:
            data["edit_date"] = self.edit_date
        if with_reply and self.reply_to is not None:
            data["reply_to_message"] = self.reply_to.as_json(chat, with_reply=False)
        data.update(self.extra)
        return data


@dataclass(frozen=True)
class Outgoing:
    """One thing the bot did to a chat: a sent message or an edit, in the order they happened."""

    kind: str
    """``send``, ``edit`` (text), ``edit_markup``, ``photo`` or ``document``."""
    chat_id: int
    message_id: int
    source: str
    """The text exactly as the bot sent it (HTML when ``parse_mode`` is HTML)."""
    parse_mode: str | None
    parsed: ParsedText
    reply_markup: dict[str, Any] | None
    at: float
    reply_to_message_id: int | None = None
    link_preview_options: dict[str, Any] | None = None
    upload: Any = None
    """The file of a ``photo`` or ``document`` (``devtools.standin.media.Upload``); its caption is
    ``source``/``parsed``."""

    @property
    def text(self) -> str:
        """The text the user sees (tags removed, entities decoded)."""
        return self.parsed.text

    @property
    def entities(self) -> tuple[Entity, ...]:
        return self.parsed.entities

    @property
    def buttons(self) -> list[Button]:
        return keyboard_buttons(self.reply_markup)


@dataclass(frozen=True)
class Reject:
    chat_id: int | None
    description: str
    source: str


@dataclass
class Stats:
    """Counters for the reliability tests; ``reset()`` starts them again."""

    requests: Counter[str] = field(default_factory=Counter)
    sent: Counter[int] = field(default_factory=Counter)
    """Accepted sendMessage calls per chat."""
    edits: int = 0
    too_many_requests: Counter[str] = field(default_factory=Counter)
    """429 answers by cause: overall, chat, group, injected, flood, window."""
    violations: list[Violation] = field(default_factory=list)
    """Requests that arrived inside a retry_after window."""
    crossed: int = 0
    """Requests already on their way when the 429 that opened their window was answered."""
    entity_rejects: list[Reject] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    """Every error answer by description."""
    send_times: list[float] = field(default_factory=list)
    """Monotonic time of every accepted sendMessage (for sustained-rate figures)."""
    first_request: dict[str, float] = field(default_factory=dict)
    """Monotonic time each method was first called (start-up: the first ``getupdates``)."""

    @property
    def total_429(self) -> int:
        return sum(self.too_many_requests.values())

    @property
    def total_sent(self) -> int:
        return sum(self.sent.values())

    def reset(self) -> None:
        self.__init__()  # type: ignore[misc]


class Notifier:
    """Wakes every waiter when something changes (no lost wake-ups, no polling)."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def notify(self) -> None:
        event, self._event = self._event, asyncio.Event()
        event.set()

    async def wait(self, seconds: float | None) -> bool:
        """False when ``seconds`` passed without a change (None: wait for ever)."""
        try:
            await asyncio.wait_for(self._event.wait(), seconds)
        except TimeoutError:
            return False
        return True


@dataclass
class Webhook:
    url: str = ""
    secret_token: str | None = None
    allowed_updates: frozenset[str] | None = None


class World:
    """All state of one stand-in. Lives on one event loop; not thread-safe."""

    def __init__(
        self,
        token: str,
        *,
        limits: Limits | None = None,
        strict_html: bool = True,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.token = token
        bot_id = int(token.split(":", 1)[0])
        self.bot = UserInfo(
            bot_id, "MOU Alert (stand-in)", None, "mou_alert_standin_bot", is_bot=True
        )
        self.clock = clock
        self.wall_clock = time.time
        self.closing = False
        """Set when the stand-in stops: long polls answer at once."""
        self.strict_html = strict_html
        self.chats: dict[int, ChatState] = {}
        self.users: dict[int, UserInfo] = {}
        self.messages: dict[tuple[int, int], StoredMessage] = {}
        self.outgoing: list[Outgoing] = []
        self.outgoing_by_chat: dict[int, list[Outgoing]] = {}
        self.uploads_by_chat: dict[int, list[Outgoing]] = {}
        """Photos and documents, apart from ``outgoing`` so that a chart sent after a reply
        never passes for the answer to the next command."""
        self.updates: list[dict[str, Any]] = []
        self.next_update_id = 1
        self.allowed_updates: frozenset[str] = DEFAULT_ALLOWED_UPDATES
        self.next_query_id = 0
        self.callback_queries: dict[str, dict[str, Any]] = {}
        self.callback_answers: dict[str, dict[str, Any]] = {}
        self.commands: dict[tuple[str, str], list[dict[str, str]]] = {}
        self.descriptions: dict[tuple[str, str], str] = {}
        self.webhook = Webhook()
        self.stats = Stats()
        self.gate = RateGate(limits, clock)
        self.windows = RetryWindows(clock)
        self.faults = Faults(clock)
        self.updates_changed = Notifier()
        """New or confirmed updates (wakes long polls and the webhook pusher)."""
        self.outgoing_changed = Notifier()
        """The bot sent or edited a message (wakes ``watch``)."""
        self.changed = Notifier()
        """Anything at all: every request answered, every update queued (wakes ``wait_until``)."""
        self.poll_generation = 0

    def set_limits(self, limits: Limits | None) -> None:
        self.gate = RateGate(limits, self.clock)

    # --- chats and messages -------------------------------------------------------------------
    def chat(self, chat_id: int) -> ChatState | None:
        return self.chats.get(chat_id)

    def ensure_chat(
        self, chat_id: int, chat_type: str | None = None, *, title: str = "", first_name: str = ""
    ) -> ChatState:
        chat = self.chats.get(chat_id)
        if chat is None:
            kind = chat_type or default_chat_type(chat_id)
            chat = self.chats[chat_id] = ChatState(chat_id, kind, title, first_name)
        elif chat_type is not None:
            chat.type = chat_type
        if title:
            chat.title = title
        if first_name:
            chat.first_name = first_name
        return chat

    def store(
        self, chat: ChatState, sender: UserInfo, parsed: ParsedText, **kwargs: Any
    ) -> StoredMessage:
        chat.last_message_id += 1
        msg = StoredMessage(
            chat.id, chat.last_message_id, sender, int(time.time()), parsed, **kwargs
        )
        self.messages[(chat.id, msg.message_id)] = msg
        return msg

    def record_upload(self, item: Outgoing) -> None:
        """A photo or document: in ``outgoing`` (the sandbox's terminal shows it) but not in
        ``outgoing_by_chat``, the chat's messages."""
        self.outgoing.append(item)
        self.uploads_by_chat.setdefault(item.chat_id, []).append(item)
        self.outgoing_changed.notify()
        self.changed.notify()

    def record_outgoing(self, item: Outgoing) -> None:
        self.outgoing.append(item)
        self.outgoing_by_chat.setdefault(item.chat_id, []).append(item)
        self.outgoing_changed.notify()
        self.changed.notify()

    # --- updates -------------------------------------------------------------------------------
    def push_update(self, kind: str, payload: dict[str, Any]) -> int:
        update_id = self.next_update_id
        self.next_update_id += 1
        self.updates.append({"update_id": update_id, kind: payload})
        self.updates_changed.notify()
        self.changed.notify()
        return update_id


def default_chat_type(chat_id: int) -> str:
    if chat_id > 0:
        return "private"
    return "supergroup" if str(chat_id).startswith("-100") else "group"
