"""The Bot API methods the bot uses, on top of :class:`~devtools.standin.state.World`.

Each method takes the decoded parameters and returns the ``result`` or raises
:class:`~devtools.standin.errors.ApiError`. :func:`call` adds what every call shares: counters,
injected faults and retry_after windows.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
from collections.abc import Awaitable, Callable
from typing import Any

from devtools.standin import media, users
from devtools.standin.errors import ApiError
from devtools.standin.faults import Delay, Disconnect
from devtools.standin.html import EntityError, ParsedText, parse_html, strip_text
from devtools.standin.limits import GLOBAL, Violation
from devtools.standin.state import (
    DEFAULT_ALLOWED_UPDATES,
    SENDING_METHODS,
    ChatState,
    Outgoing,
    Reject,
    StoredMessage,
    World,
)

Params = dict[str, Any]
Method = Callable[[World, Params], Awaitable[Any]]

MAX_MESSAGE_LENGTH = 4096
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)


class DropConnection(Exception):
    """The HTTP layer closes the connection without an answer (an injected network fault)."""


def too_many(world: World, cause: str, scope: int | None, retry_after: int) -> ApiError:
    """A 429, counted, with the retry_after window it opens."""
    world.stats.too_many_requests[cause] += 1
    world.windows.open(scope, retry_after)
    return ApiError.too_many_requests(retry_after)


async def call(world: World, method: str, params: Params) -> Any:
    name = method.lower()
    world.stats.requests[name] += 1
    world.stats.first_request.setdefault(name, world.clock())
    world.changed.notify()
    try:
        return await _call(world, name, params)
    except ApiError as err:
        world.stats.errors[err.description] += 1
        raise
    finally:
        world.changed.notify()


async def _call(world: World, name: str, params: Params) -> Any:
    handler = METHODS.get(name)
    if handler is None:
        raise ApiError.not_found()
    chat_id = _maybe_int(params.get("chat_id"))
    if name in SENDING_METHODS:
        left = world.windows.remaining(chat_id)
        if left > 0:
            if world.windows.crossed(chat_id):
                world.stats.crossed += 1
            else:
                world.stats.violations.append(Violation(name, chat_id, left))
            world.stats.too_many_requests["window"] += 1
            raise ApiError.too_many_requests(max(1, math.ceil(left)))
    taken = world.faults.take(name, chat_id)
    if taken is not None:
        cause, fault = taken
        if isinstance(fault, ApiError):
            if fault.error_code == 429:
                world.stats.too_many_requests[cause] += 1
                world.windows.open(GLOBAL, fault.retry_after or 1)
            raise fault
        if isinstance(fault, Delay):
            await asyncio.sleep(fault.seconds)
        if isinstance(fault, Disconnect):
            if fault.processed:
                with contextlib.suppress(ApiError):
                    await handler(world, params)
            raise DropConnection
    return await handler(world, params)


# --- parameters -------------------------------------------------------------------------------
def _maybe_int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _chat_id(params: Params) -> int:
    raw = params.get("chat_id")
    if raw is None or raw == "":
        raise ApiError.bad_request("chat_id is empty")
    value = _maybe_int(raw)
    if value is None:
        raise ApiError.chat_not_found()
    return value


def _writable_chat(world: World, chat_id: int) -> ChatState:
    chat = world.chat(chat_id)
    if chat is None:
        raise ApiError.chat_not_found()
    if chat.migrated_to is not None:
        raise ApiError.migrated(chat.migrated_to)
    if chat.blocked:
        raise ApiError.blocked() if chat.type == "private" else ApiError.kicked(chat.type)
    return chat


def _message_text(
    world: World, params: Params, chat_id: int | None
) -> tuple[str, str | None, ParsedText]:
    source = params.get("text")
    if source is None or source == "":
        raise ApiError.bad_request("message text is empty")
    source = str(source)
    parse_mode = params.get("parse_mode") or None
    if parse_mode is None:
        parsed = ParsedText(source)
    elif str(parse_mode).lower() == "html":
        try:
            parsed = parse_html(source, strict=world.strict_html)
        except EntityError as err:
            error = ApiError.cant_parse_entities(str(err))
            world.stats.entity_rejects.append(Reject(chat_id, error.description, source))
            raise error from None
    elif str(parse_mode).lower() in {"markdown", "markdownv2"}:
        raise ApiError.bad_request("the stand-in implements parse_mode HTML only")
    else:
        raise ApiError.bad_request("unsupported parse_mode")
    parsed = strip_text(parsed)
    if not parsed.text:
        raise ApiError.bad_request("message text is empty")
    if len(parsed.text) > MAX_MESSAGE_LENGTH:
        raise ApiError.message_too_long()
    return source, str(parse_mode) if parse_mode else None, parsed


def _reply_markup(params: Params) -> dict[str, Any] | None:
    markup = params.get("reply_markup")
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise ApiError.bad_request("can't parse reply keyboard markup JSON object")
    rows = markup.get("inline_keyboard")
    if rows is None:
        return markup  # reply keyboards and keyboard removal: stored, not checked
    if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
        raise ApiError.bad_request(
            'can\'t parse inline keyboard button: field "inline_keyboard" must be an Array of Array'
        )
    for row in rows:
        for button in row:
            _check_button(button)
    return markup


def _check_button(button: Any) -> None:
    if not isinstance(button, dict) or not str(button.get("text", "")).strip():
        raise ApiError.bad_request("BUTTON_TEXT_INVALID")
    data = button.get("callback_data")
    url = button.get("url")
    if data is not None:
        if not 1 <= len(str(data).encode("utf-8")) <= 64:
            raise ApiError.bad_request("BUTTON_DATA_INVALID")
    elif url is not None:
        if not str(url).lower().startswith(("http://", "https://", "tg://")):
            raise ApiError.bad_request("BUTTON_URL_INVALID")
    elif not any(k in button for k in ("switch_inline_query", "web_app", "login_url", "copy_text")):
        raise ApiError.bad_request("text buttons are unallowed in the inline keyboard")


def _reply_to(world: World, chat: ChatState, params: Params) -> StoredMessage | None:
    reply = params.get("reply_parameters")
    if isinstance(reply, dict):
        message_id, allow = reply.get("message_id"), bool(reply.get("allow_sending_without_reply"))
    else:
        message_id = params.get("reply_to_message_id")
        allow = bool(params.get("allow_sending_without_reply"))
    if message_id is None:
        return None
    target = world.messages.get((chat.id, _maybe_int(message_id) or 0))
    if target is None and not allow:
        raise ApiError.bad_request("message to be replied not found")
    return target


def _own_message(world: World, params: Params, *, action: str) -> tuple[ChatState, StoredMessage]:
    if params.get("inline_message_id"):
        raise ApiError.bad_request(f"message to {action} not found")
    chat = _writable_chat(world, _chat_id(params))
    msg = world.messages.get((chat.id, _maybe_int(params.get("message_id")) or 0))
    if msg is None:
        raise ApiError.bad_request(f"message to {action} not found")
    if msg.sender.id != world.bot.id:
        raise ApiError.bad_request("message can't be edited")
    return chat, msg


# --- methods ------------------------------------------------------------------------------------
async def get_me(world: World, params: Params) -> Any:
    return {
        **world.bot.as_json(),
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
        "can_connect_to_business": False,
        "has_main_web_app": False,
    }


async def get_updates(world: World, params: Params) -> Any:
    if world.webhook.url:
        raise ApiError.conflict(
            "can't use getUpdates method while webhook is active; "
            "use deleteWebhook to delete the webhook first"
        )
    offset = _maybe_int(params.get("offset")) or 0
    limit = min(max(_maybe_int(params.get("limit")) or 100, 1), 100)
    timeout = max(float(params.get("timeout") or 0), 0.0)
    allowed = params.get("allowed_updates")
    if isinstance(allowed, list):
        world.allowed_updates = frozenset(allowed) or DEFAULT_ALLOWED_UPDATES
    world.poll_generation += 1
    generation = world.poll_generation
    world.updates_changed.notify()  # a poll still waiting is overtaken: it answers 409
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        _confirm(world, offset)
        batch = world.updates[:limit]
        remaining = deadline - loop.time()
        if batch or remaining <= 0 or world.closing:
            return batch
        await world.updates_changed.wait(remaining)
        if world.poll_generation != generation:
            raise ApiError.conflict(
                "terminated by other getUpdates request; "
                "make sure that only one bot instance is running"
            )


def _confirm(world: World, offset: int) -> None:
    """Drop confirmed updates and those the bot does not want (as Telegram does)."""
    before = len(world.updates)
    if offset < 0:
        world.updates = world.updates[offset:]
    world.updates = [
        u for u in world.updates if u["update_id"] >= offset and _kind(u) in world.allowed_updates
    ]
    if len(world.updates) != before:
        world.changed.notify()


def _kind(update: dict[str, Any]) -> str:
    return next(k for k in update if k != "update_id")


async def send_message(world: World, params: Params) -> Any:
    chat = _writable_chat(world, _chat_id(params))
    source, parse_mode, parsed = _message_text(world, params, chat.id)
    markup = _reply_markup(params)
    reply_to = _reply_to(world, chat, params)
    verdict = world.gate.admit(chat.id, chat.is_group)
    if verdict is not None:
        reason, retry_after = verdict
        raise too_many(world, reason, GLOBAL if reason == "overall" else chat.id, retry_after)
    preview = params.get("link_preview_options")
    msg = world.store(
        chat,
        world.bot,
        parsed,
        reply_markup=markup,
        reply_to=reply_to,
        link_preview_options=preview if isinstance(preview, dict) else None,
    )
    now = world.clock()
    world.stats.sent[chat.id] += 1
    world.stats.send_times.append(now)
    world.record_outgoing(
        Outgoing(
            "send",
            chat.id,
            msg.message_id,
            source,
            parse_mode,
            parsed,
            markup,
            now,
            reply_to.message_id if reply_to else None,
            msg.link_preview_options,
        )
    )
    return msg.as_json(chat)


async def edit_message_text(world: World, params: Params) -> Any:
    chat, msg = _own_message(world, params, action="edit")
    source, parse_mode, parsed = _message_text(world, params, chat.id)
    markup = _reply_markup(params)
    if parsed == msg.parsed and markup == msg.reply_markup:
        raise ApiError.bad_request(NOT_MODIFIED)
    return _edited(world, chat, msg, "edit", source, parse_mode, parsed, markup)


async def edit_message_reply_markup(world: World, params: Params) -> Any:
    chat, msg = _own_message(world, params, action="edit")
    markup = _reply_markup(params)
    if markup == msg.reply_markup:
        raise ApiError.bad_request(NOT_MODIFIED)
    return _edited(world, chat, msg, "edit_markup", msg.parsed.text, None, msg.parsed, markup)


def _edited(
    world: World,
    chat: ChatState,
    msg: StoredMessage,
    kind: str,
    source: str,
    parse_mode: str | None,
    parsed: ParsedText,
    markup: dict[str, Any] | None,
) -> Any:
    msg.parsed, msg.reply_markup = parsed, markup
    msg.edit_date = int(world.wall_clock())
    world.stats.edits += 1
    world.record_outgoing(
        Outgoing(kind, chat.id, msg.message_id, source, parse_mode, parsed, markup, world.clock())
    )
    return msg.as_json(chat)


async def delete_message(world: World, params: Params) -> Any:
    chat = _writable_chat(world, _chat_id(params))
    key = (chat.id, _maybe_int(params.get("message_id")) or 0)
    if key not in world.messages:
        raise ApiError.bad_request("message to delete not found")
    del world.messages[key]
    return True


async def answer_callback_query(world: World, params: Params) -> Any:
    query_id = str(params.get("callback_query_id") or "")
    if query_id not in world.callback_queries or query_id in world.callback_answers:
        raise ApiError.bad_request(
            "query is too old and response timeout expired or query ID is invalid"
        )
    world.callback_answers[query_id] = {
        "text": params.get("text"),
        "show_alert": bool(params.get("show_alert")),
        "url": params.get("url"),
    }
    world.outgoing_changed.notify()
    return True


async def send_chat_action(world: World, params: Params) -> Any:
    _writable_chat(world, _chat_id(params))
    return True


async def get_chat(world: World, params: Params) -> Any:
    chat = world.chat(_chat_id(params))
    if chat is None:
        raise ApiError.chat_not_found()
    return {
        **chat.as_json(),
        "accent_color_id": 0,
        "max_reaction_count": 11,
        "accepted_gift_types": {
            "unlimited_gifts": False,
            "limited_gifts": False,
            "unique_gifts": False,
            "premium_subscription": False,
            "gifts_from_channels": False,
        },
    }


async def get_chat_member(world: World, params: Params) -> Any:
    chat = world.chat(_chat_id(params))
    user_id = _maybe_int(params.get("user_id"))
    if chat is None:
        raise ApiError.chat_not_found()
    if user_id is None:
        raise ApiError.bad_request("user_id is required")
    try:
        return users.chat_member(world, chat, user_id)
    except ValueError as err:
        raise ApiError.bad_request(str(err)) from None


def _scope_key(params: Params) -> str:
    scope = params.get("scope") or {"type": "default"}
    if not isinstance(scope, dict) or "type" not in scope:
        raise ApiError.bad_request("can't parse BotCommandScope JSON object")
    parts = [str(scope["type"])]
    parts += [str(scope[k]) for k in ("chat_id", "user_id") if k in scope]
    return ":".join(parts)


async def set_my_commands(world: World, params: Params) -> Any:
    commands = params.get("commands")
    if not isinstance(commands, list):
        raise ApiError.bad_request("can't parse commands JSON object")
    if len(commands) > 100:
        raise ApiError.bad_request("too many commands specified")
    clean: list[dict[str, str]] = []
    for c in commands:
        name = str(c.get("command", "")) if isinstance(c, dict) else ""
        description = str(c.get("description", "")) if isinstance(c, dict) else ""
        if not (1 <= len(name) <= 32) or not all(ch in _COMMAND_CHARS for ch in name):
            raise ApiError.bad_request("BOT_COMMAND_INVALID")
        if not 1 <= len(description.strip()) <= 256:
            raise ApiError.bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        clean.append({"command": name, "description": description})
    key = (_scope_key(params), str(params.get("language_code") or ""))
    world.commands[key] = clean
    return True


_COMMAND_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")


async def get_my_commands(world: World, params: Params) -> Any:
    return world.commands.get((_scope_key(params), str(params.get("language_code") or "")), [])


async def delete_my_commands(world: World, params: Params) -> Any:
    world.commands.pop((_scope_key(params), str(params.get("language_code") or "")), None)
    return True


def _text_setting(field: str) -> tuple[Method, Method]:
    async def setter(world: World, params: Params) -> Any:
        value = str(params.get(field) or "")
        world.descriptions[(field, str(params.get("language_code") or ""))] = value
        return True

    async def getter(world: World, params: Params) -> Any:
        lang = str(params.get("language_code") or "")
        return {field: world.descriptions.get((field, lang), "")}

    return setter, getter


async def set_webhook(world: World, params: Params) -> Any:
    url = str(params.get("url") or "")
    if url and not url.startswith(("https://", "http://")):
        raise ApiError.bad_request("bad webhook: An HTTPS URL must be provided for webhook")
    world.webhook.url = url
    world.webhook.secret_token = params.get("secret_token") or None
    allowed = params.get("allowed_updates")
    if isinstance(allowed, list):
        world.allowed_updates = frozenset(allowed) or DEFAULT_ALLOWED_UPDATES
    if params.get("drop_pending_updates"):
        world.updates.clear()
    world.updates_changed.notify()
    return True


async def delete_webhook(world: World, params: Params) -> Any:
    world.webhook.url = ""
    world.webhook.secret_token = None
    if params.get("drop_pending_updates"):
        world.updates.clear()
    world.updates_changed.notify()
    return True


async def get_webhook_info(world: World, params: Params) -> Any:
    info: dict[str, Any] = {
        "url": world.webhook.url,
        "has_custom_certificate": False,
        "pending_update_count": len(world.updates),
    }
    if world.webhook.url:
        info["allowed_updates"] = sorted(world.allowed_updates)
    return info


async def ok(world: World, params: Params) -> Any:
    return True


_set_description, _get_description = _text_setting("description")
_set_short_description, _get_short_description = _text_setting("short_description")

METHODS: dict[str, Method] = {
    "getme": get_me,
    "getupdates": get_updates,
    "sendmessage": send_message,
    "sendphoto": media.send_photo,
    "senddocument": media.send_document,
    "editmessagetext": edit_message_text,
    "editmessagereplymarkup": edit_message_reply_markup,
    "deletemessage": delete_message,
    "answercallbackquery": answer_callback_query,
    "sendchataction": send_chat_action,
    "getchat": get_chat,
    "getchatmember": get_chat_member,
    "setmycommands": set_my_commands,
    "getmycommands": get_my_commands,
    "deletemycommands": delete_my_commands,
    "setmydescription": _set_description,
    "getmydescription": _get_description,
    "setmyshortdescription": _set_short_description,
    "getmyshortdescription": _get_short_description,
    "setwebhook": set_webhook,
    "deletewebhook": delete_webhook,
    "getwebhookinfo": get_webhook_info,
    "close": ok,
    "logout": ok,
}
"""Method names in lower case: Telegram's are case-insensitive."""
