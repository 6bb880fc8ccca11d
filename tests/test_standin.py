"""The Bot API stand-in driven by the real ``telegram.Bot`` over HTTP, and by raw HTTP for the
exact error bodies."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from aiohttp import web
from telegram import Bot, BotCommand, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ChatMemberStatus
from telegram.error import BadRequest, ChatMigrated, EndPointNotFound, Forbidden, NetworkError

from devtools.standin import ApiError, BotApiStandin, Disconnect


@pytest.fixture
async def raw(standin: BotApiStandin) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=f"{standin.base_url}{standin.token}/") as client:
        yield client


async def test_get_me_names_the_bot(standin: BotApiStandin, standin_bot: Bot) -> None:
    me = await standin_bot.get_me()
    assert me.is_bot and me.id == standin.bot_id and me.username == standin.bot_username


async def test_long_poll_returns_when_a_message_arrives(
    standin: BotApiStandin, standin_bot: Bot
) -> None:
    poll = asyncio.create_task(standin_bot.get_updates(timeout=30))
    await asyncio.sleep(0.05)  # let the poll reach the server and wait there
    assert not poll.done()
    standin.user_sends(42, "/subscribe France", first_name="Ann", language_code="ko")
    [update] = await poll
    msg = update.message
    assert msg is not None and msg.text == "/subscribe France"
    assert msg.from_user is not None and msg.from_user.language_code == "ko"
    assert msg.chat.type == "private" and msg.chat.first_name == "Ann"
    assert [(e.type, e.offset, e.length) for e in msg.entities] == [("bot_command", 0, 10)]


async def test_offsets_confirm_updates_and_limit_caps_a_batch(
    standin: BotApiStandin, standin_bot: Bot
) -> None:
    for text in ("one", "two", "three"):
        standin.user_sends(7, text)
    first = await standin_bot.get_updates(limit=2)
    assert [u.message.text for u in first if u.message] == ["one", "two"]
    again = await standin_bot.get_updates()  # no offset: nothing confirmed yet
    assert len(again) == 3
    rest = await standin_bot.get_updates(offset=first[-1].update_id + 1)
    assert [u.message.text for u in rest if u.message] == ["three"]
    assert await standin_bot.get_updates(offset=rest[-1].update_id + 1) == ()
    assert standin.pending_updates == []


async def test_a_poll_overtaken_by_another_gets_a_conflict(raw: httpx.AsyncClient) -> None:
    first = asyncio.create_task(raw.post("getUpdates", json={"timeout": 30}, timeout=40))
    await asyncio.sleep(0.05)
    second = await raw.post("getUpdates", json={"timeout": 0})
    assert second.json() == {"ok": True, "result": []}
    overtaken = await first
    assert overtaken.status_code == 409
    assert overtaken.json()["description"] == (
        "Conflict: terminated by other getUpdates request; "
        "make sure that only one bot instance is running"
    )


async def test_updates_not_allowed_are_dropped(standin: BotApiStandin, standin_bot: Bot) -> None:
    standin.user_sends(5, "/start")
    standin.member_update(5, "kicked")
    updates = await standin_bot.get_updates(allowed_updates=["message"])
    assert [u.message is not None for u in updates] == [True]


async def test_user_and_group_updates_parse_in_ptb(
    standin: BotApiStandin, standin_bot: Bot
) -> None:
    standin.user_sends(-55, "/summary@bot France", user_id=3, chat_type="group", chat_title="팀")
    standin.member_update(-55, "administrator")
    standin.block(9)
    msg, admin, blocked = await standin_bot.get_updates()
    assert msg.message is not None and msg.message.chat.title == "팀"
    assert msg.message.from_user is not None and msg.message.from_user.id == 3
    assert admin.my_chat_member is not None
    assert admin.my_chat_member.new_chat_member.status == ChatMemberStatus.ADMINISTRATOR
    assert blocked.my_chat_member is not None
    assert blocked.my_chat_member.new_chat_member.status == ChatMemberStatus.BANNED
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await standin_bot.send_message(9, "hello?")


async def test_send_message_with_keyboard_and_reply(
    standin: BotApiStandin, standin_bot: Bot
) -> None:
    asked = standin.user_sends(42, "/start")
    keyboard = InlineKeyboardMarkup(
        [[InlineKeyboardButton("🇫🇷 France", callback_data="sub:FR")],
         [InlineKeyboardButton("기사", url="https://example.kr/a")]]
    )  # fmt: skip
    sent = await standin_bot.send_message(
        42,
        "<b>환영합니다</b> &amp; welcome",
        parse_mode="HTML",
        reply_markup=keyboard,
        reply_to_message_id=asked,
    )
    assert sent.text == "환영합니다 & welcome"
    assert sent.reply_markup == keyboard
    assert sent.reply_to_message is not None and sent.reply_to_message.text == "/start"
    [out] = standin.messages(42)
    assert (out.kind, out.parse_mode, out.source) == (
        "send",
        "HTML",
        "<b>환영합니다</b> &amp; welcome",
    )
    assert [(b.number, b.text, b.callback_data, b.url) for b in out.buttons] == [
        (1, "🇫🇷 France", "sub:FR", None),
        (2, "기사", None, "https://example.kr/a"),
    ]


async def test_button_press_answer_and_edit(standin: BotApiStandin, standin_bot: Bot) -> None:
    standin.add_chat(42)
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Remove", callback_data="rm:1")]])
    sent = await standin_bot.send_message(42, "France", reply_markup=keyboard)
    query_id = standin.press_button(42, sent.message_id, "rm:1")
    [update] = await standin_bot.get_updates()
    assert update.callback_query is not None and update.callback_query.data == "rm:1"
    assert await standin_bot.answer_callback_query(query_id, text="Removed")
    assert standin.callback_answers[query_id]["text"] == "Removed"
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await standin_bot.answer_callback_query(query_id)
    edited = await standin_bot.edit_message_text("(removed)", 42, sent.message_id)
    assert edited.edit_date is not None and edited.reply_markup is None
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await standin_bot.edit_message_text("(removed)", 42, sent.message_id)
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await standin_bot.edit_message_text("x", 42, 999)
    assert [m.kind for m in standin.messages(42)] == ["send", "edit"]
    with pytest.raises(ValueError, match="has no button"):
        standin.press_button(42, sent.message_id, "nope")


async def test_commands_per_language(standin: BotApiStandin, standin_bot: Bot) -> None:
    await standin_bot.set_my_commands([BotCommand("subscribe", "Follow a topic")])
    await standin_bot.set_my_commands([BotCommand("subscribe", "구독")], language_code="ko")
    assert standin.commands == {
        "": [("subscribe", "Follow a topic")],
        "ko": [("subscribe", "구독")],
    }
    got = await standin_bot.get_my_commands(language_code="ko")
    assert [(c.command, c.description) for c in got] == [("subscribe", "구독")]
    with pytest.raises(BadRequest, match=r"(?i)bot_command_invalid"):
        await standin_bot.set_my_commands([BotCommand("Sub-scribe", "x")])
    assert await standin_bot.delete_my_commands(language_code="ko")
    assert "ko" not in standin.commands


async def test_ptb_sees_telegrams_exceptions(standin: BotApiStandin, standin_bot: Bot) -> None:
    with pytest.raises(BadRequest, match="Chat not found"):
        await standin_bot.send_message(12345, "hi")
    standin.add_chat(-77, "group", title="old")
    new_id = standin.migrate(-77)
    with pytest.raises(ChatMigrated) as migrated:
        await standin_bot.send_message(-77, "hi")
    assert migrated.value.new_chat_id == new_id == -10077
    assert (await standin_bot.send_message(new_id, "hi")).chat.type == "supergroup"
    with pytest.raises(EndPointNotFound):
        await standin_bot.do_api_request("sendHologram", api_kwargs={"chat_id": new_id})


async def test_get_chat_member_answers_statuses_ptb_parses(
    standin: BotApiStandin, standin_bot: Bot
) -> None:
    standin.add_chat(-90, "supergroup", title="Desk")
    standin.set_member(-90, 7, "administrator")
    standin.set_member(-90, 8, "creator")
    assert (await standin_bot.get_chat_member(-90, 7)).status == ChatMemberStatus.ADMINISTRATOR
    assert (await standin_bot.get_chat_member(-90, 8)).status == ChatMemberStatus.OWNER
    assert (await standin_bot.get_chat_member(-90, 9)).status == ChatMemberStatus.MEMBER
    standin.add_chat(31, "private")
    assert (await standin_bot.get_chat_member(31, 31)).status == ChatMemberStatus.MEMBER
    with pytest.raises(BadRequest, match="User not found"):
        await standin_bot.get_chat_member(31, 32)
    with pytest.raises(BadRequest, match="Chat not found"):
        await standin_bot.get_chat_member(-91, 7)
    with pytest.raises(ValueError, match="not a group"):
        standin.set_member(31, 5, "administrator")


async def test_migration_updates_carry_both_ids(standin: BotApiStandin, standin_bot: Bot) -> None:
    standin.user_sends(-88, "hi", chat_type="group")
    standin.migrate(-88, -1000000000088)
    _, old, new = await standin_bot.get_updates()
    assert old.message is not None and old.message.migrate_to_chat_id == -1000000000088
    assert new.message is not None and new.message.migrate_from_chat_id == -88


async def test_raw_error_bodies_are_telegrams(
    standin: BotApiStandin, raw: httpx.AsyncClient
) -> None:
    async def body(method: str, **params: Any) -> tuple[int, dict[str, Any]]:
        response = await raw.post(method, json=params)
        return response.status_code, response.json()

    assert await body("sendSticker", chat_id=1) == (
        404, {"ok": False, "error_code": 404, "description": "Not Found: method not found"},
    )  # fmt: skip
    assert await body("sendMessage", chat_id=1, text="x") == (
        400, {"ok": False, "error_code": 400, "description": "Bad Request: chat not found"},
    )  # fmt: skip
    standin.add_chat(1)
    standin.block(1, notify=False)
    blocked = {
        "ok": False,
        "error_code": 403,
        "description": "Forbidden: bot was blocked by the user",
    }
    assert await body("sendMessage", chat_id=1, text="x") == (403, blocked)
    standin.add_chat(-3, "group")
    standin.migrate(-3, -1003, notify=False)
    status, data = await body("sendMessage", chat_id=-3, text="x")
    assert (status, data["parameters"]) == (400, {"migrate_to_chat_id": -1003})
    assert data["description"] == "Bad Request: group chat was upgraded to a supergroup chat"
    wrong = await raw.post(f"{standin.base_url}0:wrong/getMe")
    assert wrong.status_code == 401 and wrong.json()["description"] == "Unauthorized"
    standin.add_chat(2)
    standin.fail_next("sendMessage", ApiError.too_many_requests(7))
    assert await body("sendMessage", chat_id=2, text="x") == (
        429,
        {
            "ok": False,
            "error_code": 429,
            "description": "Too Many Requests: retry after 7",
            "parameters": {"retry_after": 7},
        },
    )


async def test_length_counts_after_entity_parsing(standin: BotApiStandin, standin_bot: Bot) -> None:
    standin.add_chat(4)
    fits = "<b>" + "가" * 4096 + "</b>"
    assert len((await standin_bot.send_message(4, fits, parse_mode="HTML")).text or "") == 4096
    with pytest.raises(BadRequest, match="Message is too long"):
        await standin_bot.send_message(4, "가" * 4097)
    with pytest.raises(BadRequest, match="Message text is empty"):
        await standin_bot.send_message(4, "<b> </b>", parse_mode="HTML")


async def test_bad_html_is_refused_and_counted(
    standin: BotApiStandin, raw: httpx.AsyncClient
) -> None:
    standin.add_chat(4)
    response = await raw.post(
        "sendMessage", json={"chat_id": 4, "text": "<b>open", "parse_mode": "HTML"}
    )
    assert response.status_code == 400
    assert response.json()["description"] == (
        "Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\""
    )
    [reject] = standin.stats.entity_rejects
    assert (reject.chat_id, reject.source) == (4, "<b>open")
    assert standin.messages(4) == []


async def test_form_encoded_and_json_bodies_both_work(
    standin: BotApiStandin, raw: httpx.AsyncClient
) -> None:
    standin.add_chat(8)
    markup = {"inline_keyboard": [[{"text": "A", "callback_data": "a"}]]}
    form = await raw.post(
        "sendMessage", data={"chat_id": "8", "text": "123", "reply_markup": json.dumps(markup)}
    )
    as_json = await raw.post("sendMessage", json={"chat_id": 8, "text": "456"})
    assert form.json()["result"]["text"] == "123"  # a numeric text stays text
    assert form.json()["result"]["reply_markup"] == markup
    assert as_json.json()["result"]["text"] == "456"


async def test_network_faults(standin: BotApiStandin, standin_bot: Bot) -> None:
    standin.add_chat(6)
    standin.fail_next("sendMessage", Disconnect())
    with pytest.raises(NetworkError):
        await standin_bot.send_message(6, "lost")
    assert standin.messages(6) == []
    standin.fail_next("sendMessage", Disconnect(processed=True))
    with pytest.raises(NetworkError):
        await standin_bot.send_message(6, "delivered, unacknowledged")
    assert [m.text for m in standin.messages(6)] == ["delivered, unacknowledged"]


async def test_wait_for_messages_says_what_it_got(standin: BotApiStandin, standin_bot: Bot) -> None:
    standin.add_chat(3)
    await standin_bot.send_message(3, "only one")
    with pytest.raises(TimeoutError, match="got 1: \\['only one'\\]"):
        await standin.wait_for_messages(3, 2, timeout=0.05)


async def test_webhook_mode_pushes_updates(standin: BotApiStandin, standin_bot: Bot) -> None:
    received: asyncio.Queue[tuple[str | None, dict[str, Any]]] = asyncio.Queue()

    async def hook(request: web.Request) -> web.Response:
        secret = request.headers.get("X-Telegram-Bot-Api-Secret-Token")
        await received.put((secret, await request.json()))
        return web.Response()

    app = web.Application()
    app.router.add_post("/hook", hook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        url = f"http://127.0.0.1:{runner.addresses[0][1]}/hook"
        await standin_bot.set_webhook(url, secret_token="s3cret")
        with pytest.raises(Exception, match="webhook is active"):
            await standin_bot.get_updates()
        standin.user_sends(11, "/start")
        secret, update = await asyncio.wait_for(received.get(), 5)
        assert secret == "s3cret" and update["message"]["text"] == "/start"
        info = await standin_bot.get_webhook_info()
        assert info.url == url
        assert await standin_bot.delete_webhook()
        assert (await standin_bot.get_webhook_info()).url == ""
    finally:
        await runner.cleanup()
