"""The people's side: what a test (or the sandbox terminal) does as Telegram users.

Each action changes the :class:`~devtools.standin.state.World` and queues the update Telegram would
deliver. Misuse (pressing a button that does not exist) raises ``ValueError`` at once, so a
test fails where the mistake is rather than waiting for a reply that never comes.
"""

from __future__ import annotations

import re
from typing import Any

from devtools.standin.html import Entity, ParsedText
from devtools.standin.state import ChatState, StoredMessage, UserInfo, World, keyboard_buttons

DEFAULT_GROUP_USER = 1001
"""Who speaks in a group when a test does not say."""

_BOT_COMMAND = re.compile(r"(?<![\w/<>])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\w/<>])")


def _user(
    world: World, chat: ChatState | None, chat_id: int, user_id: int | None, **info: Any
) -> UserInfo:
    if user_id is None:
        user_id = chat_id if chat_id > 0 else DEFAULT_GROUP_USER
    if chat_id > 0 and user_id != chat_id:
        raise ValueError(f"in a private chat the user is the chat: user_id must be {chat_id}")
    known = world.users.get(user_id)
    given = {k: v for k, v in info.items() if v is not None}
    if known is not None and not given:
        return known
    user = UserInfo(
        user_id,
        given.get("first_name") or (known.first_name if known else "Tester"),
        given.get("language_code", known.language_code if known else "en"),
        given.get("username") or (known.username if known else None),
    )
    world.users[user_id] = user
    return user


def add_chat(
    world: World,
    chat_id: int,
    chat_type: str | None = None,
    *,
    title: str = "",
    first_name: str = "",
) -> ChatState:
    """Make a chat known (as if it had talked to the bot before) without any update."""
    return world.ensure_chat(chat_id, chat_type, title=title, first_name=first_name)


def user_sends(
    world: World,
    chat_id: int,
    text: str,
    *,
    user_id: int | None = None,
    first_name: str | None = None,
    username: str | None = None,
    language_code: str | None = None,
    chat_type: str | None = None,
    chat_title: str = "",
    reply_to_message_id: int | None = None,
) -> StoredMessage:
    chat = world.chat(chat_id)
    if chat is not None and chat.migrated_to is not None:
        raise ValueError(f"chat {chat_id} became supergroup {chat.migrated_to}: send there")
    if chat is not None and chat.blocked and chat.type != "private":
        raise ValueError(f"the bot is not a member of chat {chat_id} any more")
    user = _user(
        world,
        chat,
        chat_id,
        user_id,
        first_name=first_name,
        username=username,
        language_code=language_code,
    )
    private_name = user.first_name if chat_id > 0 else ""
    chat = world.ensure_chat(chat_id, chat_type, title=chat_title, first_name=private_name)
    if chat.blocked:  # a person who blocked the bot writes again: Telegram unblocks first
        member_update(world, chat_id, "member", old_status="kicked", user_id=user.id)
    entities = tuple(Entity("bot_command", m.start(), m.end()) for m in _BOT_COMMAND.finditer(text))
    reply_to = world.messages.get((chat_id, reply_to_message_id)) if reply_to_message_id else None
    msg = world.store(chat, user, ParsedText(text, entities), reply_to=reply_to)
    world.push_update("message", msg.as_json(chat))
    return msg


def press_button(
    world: World,
    chat_id: int,
    message_id: int,
    callback_data: str | None = None,
    *,
    number: int | None = None,
    user_id: int | None = None,
) -> str:
    """Press the button with ``callback_data`` (or the ``number``-th) under a bot message;
    returns the callback query id."""
    chat = world.chat(chat_id)
    msg = world.messages.get((chat_id, message_id))
    if chat is None or msg is None or msg.sender.id != world.bot.id:
        raise ValueError(f"no bot message {message_id} in chat {chat_id}")
    buttons = [b for b in keyboard_buttons(msg.reply_markup) if b.callback_data is not None]
    chosen = [
        b
        for b in buttons
        if (b.callback_data == callback_data if number is None else b.number == number)
    ]
    if not chosen:
        offered = ", ".join(f"{b.number}:{b.callback_data!r}" for b in buttons) or "none"
        wanted = callback_data if number is None else f"button {number}"
        raise ValueError(f"message {message_id} has no button {wanted!r} (buttons: {offered})")
    user = _user(world, chat, chat_id, user_id)
    world.next_query_id += 1
    query_id = f"{world.bot.id}{world.next_query_id:08d}"
    payload = {
        "id": query_id,
        "from": user.as_json(),
        "message": msg.as_json(chat),
        "chat_instance": str(chat_id),
        "data": chosen[0].callback_data,
    }
    world.callback_queries[query_id] = payload
    world.push_update("callback_query", payload)
    return query_id


_ADMIN_RIGHTS = (
     "can_be_edited", "is_anonymous", "can_manage_chat", "can_delete_messages",
     "can_manage_video_chats", "can_restrict_members", "can_promote_members", "can_change_info",
     "can_invite_users", "can_post_stories", "can_edit_stories", "can_delete_stories",
)  # fmt: skip


def _member(world: World, status: str, user: UserInfo | None = None) -> dict[str, Any]:
    """A ChatMember object: the bot's own (``user`` None) or a person's."""
    data: dict[str, Any] = {"status": status, "user": (user or world.bot).as_json()}
    if status == "kicked":
        data["until_date"] = 0
    elif status == "administrator":
        data.update(
            {right: right in {"can_manage_chat", "can_invite_users"} for right in _ADMIN_RIGHTS}
        )
    elif status not in {"member", "left", "creator"}:
        raise ValueError(f"unsupported chat member status {status!r}")
    if status == "creator":
        data["is_anonymous"] = False
    return data


def member_update(
    world: World,
    chat_id: int,
    new_status: str,
    *,
    old_status: str | None = None,
    user_id: int | None = None,
    chat_type: str | None = None,
    chat_title: str = "",
) -> int:
    """Queue a ``my_chat_member`` update: the bot's own membership changed (a private chat
    user blocks the bot: ``kicked``; unblocks: ``member``; a group adds or removes it)."""
    chat = world.ensure_chat(chat_id, chat_type, title=chat_title)
    if old_status is None:
        if chat.blocked:
            old_status = "kicked"
        else:
            old_status = "member" if new_status in {"kicked", "left"} else "left"
    user = _user(world, chat, chat_id, user_id)
    chat.blocked = new_status in {"kicked", "left"}
    payload = {
        "chat": chat.as_json(),
        "from": user.as_json(),
        "date": int(world.wall_clock()),
        "old_chat_member": _member(world, old_status),
        "new_chat_member": _member(world, new_status),
    }
    return world.push_update("my_chat_member", payload)


def migrate(
    world: World, chat_id: int, new_chat_id: int | None = None, *, notify: bool = True
) -> int:
    """Upgrade group ``chat_id`` to a supergroup; returns the new chat id."""
    chat = world.chat(chat_id)
    if chat is None or chat.type != "group":
        raise ValueError(f"chat {chat_id} is not a known basic group")
    new_id = new_chat_id if new_chat_id is not None else int(f"-100{abs(chat_id)}")
    new = world.ensure_chat(new_id, "supergroup", title=chat.title)
    chat.migrated_to = new_id
    if notify:
        user = _user(world, chat, chat_id, None)
        old_msg = world.store(chat, user, ParsedText(""), extra={"migrate_to_chat_id": new_id})
        world.push_update("message", old_msg.as_json(chat))
        new_msg = world.store(new, user, ParsedText(""), extra={"migrate_from_chat_id": chat_id})
        world.push_update("message", new_msg.as_json(new))
    return new_id


MEMBER_STATUSES = frozenset({"creator", "administrator", "member", "left", "kicked"})


def set_member(world: World, chat_id: int, user_id: int, status: str) -> None:
    """A person's status in a group (what ``getChatMember`` answers): ``creator``,
    ``administrator``, ``member`` (everyone's by default), ``left`` or ``kicked``."""
    if status not in MEMBER_STATUSES:
        raise ValueError(f"unsupported chat member status {status!r}")
    chat = world.ensure_chat(chat_id, None)
    if not chat.is_group:
        raise ValueError(f"chat {chat_id} is not a group: its only member is its user")
    chat.members[user_id] = status


def chat_member(world: World, chat: ChatState, user_id: int) -> dict[str, Any]:
    """``getChatMember``'s answer: a private chat's user is a member of it, a group's people
    have the status set with :func:`set_member` (``member`` by default), the bot its own."""
    if user_id == world.bot.id:
        return _member(world, "left" if chat.blocked else "member")
    user = world.users.get(user_id) or UserInfo(user_id)
    if not chat.is_group:
        if user_id != chat.id:
            raise ValueError("user not found")
        return _member(world, "member", user)
    return _member(world, chat.members.get(user_id, "member"), user)
