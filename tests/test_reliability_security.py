"""Security, against the real bot process and the Bot API stand-in.

- Only ``telegram.admins`` may list, add or remove feeds or read the stats.
- ``/addfeed`` takes http(s) only, and no loopback, private, link-local or otherwise non-public
  address unless ``fetch.allow_private_addresses`` is set.
- The token never appears in a log line (the bot's, PTB's, httpx's) or in a message.
- SQL-looking input changes nothing but what it should, and no SQL is built by interpolation.
- A chat cannot see or change another chat's subscriptions, even with forged callback data.
"""

from __future__ import annotations

import ast
import asyncio
import dataclasses
import logging
from pathlib import Path

import httpx
import pytest

from bot.app import serve
from core.settings import FetchSettings, Settings
from devtools.reliability import (
    ADMIN,
    BotProcess,
    bot_process,
    free_port,
    write_config,
)
from devtools.standin import BotApiStandin, Disconnect
from devtools.standin.errors import ApiError
from devtools.standin.state import Outgoing
from feeds.fetch import Fetcher, make_client
from feeds.urls import validate_feed_url
from subscriptions.models import Topic
from subscriptions.store import SqlRepository

ROOT = Path(__file__).resolve().parents[1]
REFUSED = "Sorry, only the bot's administrators can do that."
STRANGER = 31337


async def ask(bot: BotProcess, api: BotApiStandin, chat: int, text: str, **kw: object) -> Outgoing:
    before = len(api.messages(chat))
    api.user_sends(chat, text, **kw)
    await bot.wait_until(api, lambda: len(api.messages(chat)) > before, 30, f"reply to {text!r}")
    return api.messages(chat)[before]


PRIVATE_URLS = [
    "http://127.0.0.1/rss",
    "http://localhost:8080/rss",
    "http://[::1]/rss",
    "http://[::ffff:127.0.0.1]/rss",
    "http://127.1/rss",
    "http://2130706433/rss",
    "http://0x7f000001/rss",
    "http://0.0.0.0/rss",
    "http://10.0.0.8/rss",
    "http://172.16.5.4/rss",
    "http://192.168.1.1/rss",
    "http://169.254.169.254/latest/meta-data/",
    "http://[fe80::1]/rss",
    "http://100.64.0.1/rss",
    "http://224.0.0.1/rss",
]
NOT_HTTP = [
    "file:///etc/passwd",
    "ftp://example.com/feed.xml",
    "javascript:alert(1)",
    "gopher://example.com/",
    "data:text/xml,<rss/>",
    "//example.com/rss",
    "example.com/rss",
    "http://user:secret@example.com/rss",
]


@pytest.mark.slow
async def test_admin_commands_and_feed_addresses_through_the_running_bot(
    standin: BotApiStandin, repo: SqlRepository, db_url: str, tmp_path: Path
) -> None:
    await repo.upsert_feed("http://127.0.0.1:9/known.xml", "Known")
    config = write_config(tmp_path / "c.toml", standin, db_url, allow_private=False)
    async with bot_process(standin, config, tmp_path / "bot.log") as bot:
        # Everyone but an admin is refused, in a private chat and in a group the admin is in.
        for where in ({}, {"chat_type": "group", "user_id": STRANGER}):
            chat = STRANGER if not where else -4000
            for command in ("/feeds", "/stats", "/addfeed http://1.1.1.1/rss x", "/removefeed 1"):
                reply = await ask(bot, standin, chat, command, **where)
                assert reply.text == REFUSED, (command, reply.text)
        assert [f.url for f in await repo.list_feeds()] == ["http://127.0.0.1:9/known.xml"]
        in_group = await ask(bot, standin, -4000, "/stats", chat_type="group", user_id=ADMIN)
        assert in_group.text.startswith("Stats")  # an admin is an admin anywhere

        for url in PRIVATE_URLS:
            reply = await ask(bot, standin, ADMIN, f"/addfeed {url} Sneaky")
            assert reply.text.startswith("Can't add that feed:"), (url, reply.text)
            assert "only public addresses" in reply.text or "resolved" in reply.text, url
        for url in NOT_HTTP:
            reply = await ask(bot, standin, ADMIN, f"/addfeed {url}")
            assert reply.text.startswith("Can't add that feed:"), (url, reply.text)
        assert [f.url for f in await repo.list_feeds()] == ["http://127.0.0.1:9/known.xml"]
        assert await bot.stop() == 0


@pytest.mark.slow
async def test_private_feed_addresses_pass_when_the_config_allows_them(
    standin: BotApiStandin, repo: SqlRepository, db_url: str, tmp_path: Path
) -> None:
    port = free_port()
    config = write_config(tmp_path / "c.toml", standin, db_url, allow_private=True)
    async with bot_process(standin, config, tmp_path / "bot.log") as bot:
        reply = await ask(bot, standin, ADMIN, f"/addfeed http://127.0.0.1:{port}/rss Local")
        assert reply.text.startswith("Added feed #")
        reply = await ask(bot, standin, ADMIN, "/addfeed file:///etc/passwd")
        assert reply.text.startswith("Can't add that feed: Only http")
    assert [f.url for f in await repo.list_feeds()] == [f"http://127.0.0.1:{port}/rss"]


# --- SQL -------------------------------------------------------------------------------------

INJECTIONS = [
    "France'; DROP TABLE subscriptions;--",
    "' OR '1'='1",
    '" OR ""="',
    "1; DELETE FROM chats",
    "프랑스') UNION SELECT * FROM chats --",
    "%' OR 1=1 --",
    "\\'; --",
]


@pytest.mark.slow
async def test_sql_looking_input_changes_nothing_it_should_not(
    standin: BotApiStandin, repo: SqlRepository, db_url: str, tmp_path: Path
) -> None:
    port = free_port()
    other = 7001
    config = write_config(tmp_path / "c.toml", standin, db_url, allow_private=True)
    async with bot_process(standin, config, tmp_path / "bot.log") as bot:
        await ask(bot, standin, other, "/subscribe Japan")
        feed = f"http://127.0.0.1:{port}/rss?q=');DROP/**/TABLE/**/feeds;--"
        added = await ask(bot, standin, ADMIN, f"/addfeed {feed} Robert'); DROP TABLE chats;--")
        assert added.text.startswith("Added feed #")
        for attack in INJECTIONS:
            for command in ("subscribe", "unsubscribe", "summary", "latest", "mode", "lang"):
                reply = await ask(bot, standin, 7002, f"/{command} {attack}")
                assert reply.text and not reply.text.startswith("Sorry, something went wrong")
            reply = await ask(bot, standin, ADMIN, f"/removefeed {attack}")
            assert reply.text.startswith(("No feed", "Use")), reply.text
        for attack in ("1 OR 1=1", "0 or 1", "1--", "-1 UNION SELECT 1"):
            reply = await ask(bot, standin, ADMIN, f"/removefeed {attack}")
            assert reply.text.startswith(("No feed", "Use")), reply.text
        assert not standin.stats.entity_rejects
        assert "Traceback" not in bot.log()

    [stored] = await repo.list_feeds()  # still there, its name stored as typed
    assert stored.name == "Robert'); DROP TABLE chats;--" and stored.url.endswith("--")
    assert [s.topic for s in await repo.list_subscriptions(other)] == [Topic(country="JP")]
    assert await repo.list_subscriptions(7002) == []  # nothing was a topic
    stats = await repo.stats()
    assert stats.chats >= 3 and stats.subscriptions == 1


# Calls that take SQL text, and the places allowed to build it from Python values.
SQL_CALLS = {"text", "exec_driver_sql", "execute", "executescript", "executemany"}
REVIEWED = {
    ("subscriptions/engine.py", "_on_begin"): "BEGIN flavour from a fixed execution option",
}


def interpolated_sql(path: Path) -> list[tuple[str, int]]:
    """(enclosing function, line) of every call above whose SQL is an f-string, a ``%`` or
    ``+`` expression or a ``.format()`` call."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[str, int]] = []

    def visit(node: ast.AST, function: str) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            function = node.name
        if isinstance(node, ast.Call) and node.args:
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            sql = node.args[0]
            built = isinstance(sql, ast.JoinedStr) or (
                isinstance(sql, ast.BinOp) and isinstance(sql.op, ast.Mod | ast.Add)
            )
            formatted = (
                isinstance(sql, ast.Call)
                and isinstance(sql.func, ast.Attribute)
                and sql.func.attr == "format"
            )
            if name in SQL_CALLS and (built or formatted):
                found.append((function, node.lineno))
        for child in ast.iter_child_nodes(node):
            visit(child, function)

    visit(tree, "<module>")
    return found


def test_no_sql_is_built_by_interpolation_outside_migrations() -> None:
    sources = [
        p
        for package in ("core", "extractors", "subscriptions", "feeds", "bot", "devtools")
        for p in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in p.relative_to(ROOT).parts
    ]
    assert len(sources) > 20
    found = {
        (path.relative_to(ROOT).as_posix(), function, line)
        for path in sources
        for function, line in interpolated_sql(path)
    }
    offenders = sorted(f"{p}:{line} in {f}" for p, f, line in found if (p, f) not in REVIEWED)
    assert not offenders, "SQL built from Python values (bind parameters instead):\n" + "\n".join(
        offenders
    )
    stale = set(REVIEWED) - {(p, f) for p, f, _line in found}
    assert not stale, f"no longer interpolating SQL, remove from REVIEWED: {stale}"


def test_the_interpolation_check_finds_what_it_looks_for(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "def f(conn, name, x):\n"
        "    conn.execute(text(f\"SELECT * FROM t WHERE n = '{name}'\"))\n"
        '    conn.exec_driver_sql("DELETE FROM t WHERE id = %s" % x)\n'
        '    conn.execute(text("SELECT {}".format(x)))\n'
        '    conn.execute(text("SELECT :x"), {"x": x})\n'
    )
    assert [line for _f, line in interpolated_sql(sample)] == [2, 3, 4]


# --- the token ---------------------------------------------------------------------------------


@pytest.mark.slow
async def test_the_token_appears_in_no_log_and_no_message_even_when_things_fail(
    standin: BotApiStandin, db_url: str, tmp_path: Path
) -> None:
    secret = standin.token.split(":", 1)[1]
    config = write_config(tmp_path / "c.toml", standin, db_url)
    async with bot_process(standin, config, tmp_path / "bot.log", log_level="DEBUG") as bot:
        await ask(bot, standin, 11, "/start")
        standin.fail_next("sendMessage", ApiError.bad_request("odd request"), chat_id=11)
        await ask(bot, standin, 11, "/help")  # the handler fails: error handler, traceback
        standin.fail_next("sendMessage", ApiError.server_error(), chat_id=11)
        standin.fail_next("getUpdates", Disconnect())
        standin.fail_next("getUpdates", ApiError.server_error())
        standin.user_sends(11, "/list")
        await ask(bot, standin, 11, "/countries")
        assert await bot.stop() == 0
    log = bot.log()
    assert "error while handling an update" in log and "DEBUG" in log
    assert secret not in log
    assert all(secret not in m.source for m in standin.messages())


@pytest.mark.slow
async def test_httpx_and_ptb_request_logs_are_redacted(
    standin: BotApiStandin, standin_settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    """In-process, with httpx's and httpcore's loggers forced to DEBUG after start-up (the bot
    quiets httpx to WARNING; a deployment may turn it back up)."""
    secret = standin.token.split(":", 1)[1]
    caplog.set_level(logging.DEBUG)
    stop = asyncio.Event()
    task = asyncio.create_task(serve(standin_settings, stop=stop))
    try:
        await standin.wait_until(lambda: "ko" in standin.commands, 30, what="bot start")
        for name in ("httpx", "httpcore", "telegram"):
            logging.getLogger(name).setLevel(logging.DEBUG)
        standin.user_sends(12, "/start")
        await standin.wait_for_messages(12, 1, timeout=15)
        standin.fail_next("sendMessage", ApiError.bad_request("odd"), chat_id=12)
        standin.user_sends(12, "/help")
        await standin.wait_for_messages(12, 2, timeout=15)
    finally:
        stop.set()
        await asyncio.wait_for(task, 30)
    records = [r for r in caplog.records if r.name.startswith(("httpx", "telegram", "bot"))]
    assert any(r.name == "httpx" and "/bot<token>/" in r.getMessage() for r in records)
    for record in records:
        assert secret not in record.getMessage()
        assert secret not in (record.exc_text or "")
    assert secret not in caplog.text


# --- other chats' subscriptions ------------------------------------------------------------------


@pytest.mark.slow
async def test_a_chat_cannot_see_or_change_another_chats_subscriptions(
    standin: BotApiStandin, repo: SqlRepository, db_url: str, tmp_path: Path
) -> None:
    alice, mallory = 8101, 8102
    config = write_config(tmp_path / "c.toml", standin, db_url)
    async with bot_process(standin, config, tmp_path / "bot.log") as bot:
        await ask(bot, standin, alice, "/subscribe France AI")
        await ask(bot, standin, mallory, "/subscribe Japan")
        [alices] = await repo.list_subscriptions(alice)
        [mallorys] = await repo.list_subscriptions(mallory)

        listing = await ask(bot, standin, mallory, "/list")
        assert "Japan" in listing.text and "France" not in listing.text
        # Mallory's client rewrites the buttons of her own /list to point at Alice's ids.
        forged = [
            f"rm:{alices.id}",
            f"rm:{alices.id} ",
            f"rm:{alices.id}:{alice}",
            "rm:-1",
            "rm:99999999999999999999999",
            "rm:" + "9" * 60,
            f"rm:{mallorys.id}",
        ]
        for data in forged:  # (the bot edits the list after each press: forge it again)
            standin.world.messages[(mallory, listing.message_id)].reply_markup = {
                "inline_keyboard": [[{"text": "x", "callback_data": data}]]
            }
            query = standin.press_button(mallory, listing.message_id, data)
            await bot.wait_until(standin, lambda q=query: q in standin.callback_answers, 30, data)
        await bot.wait_until(standin, lambda: not standin.pending_updates, 30, "presses handled")

        assert [s.id for s in await repo.list_subscriptions(alice)] == [alices.id]
        assert await repo.list_subscriptions(mallory) == []  # her own one went
        alice_list = await ask(bot, standin, alice, "/list")
        assert "France" in alice_list.text
        assert "Traceback" not in bot.log()
        assert not any(a.get("text", "").startswith("Sorry, something") for a in
                       standin.callback_answers.values())  # fmt: skip


@pytest.mark.slow
async def test_forged_subscribe_buttons_store_only_real_topics(
    standin: BotApiStandin, repo: SqlRepository, db_url: str, tmp_path: Path
) -> None:
    chat = 8201
    config = write_config(tmp_path / "c.toml", standin, db_url)
    async with bot_process(standin, config, tmp_path / "bot.log") as bot:
        welcome = await ask(bot, standin, chat, "/start")
        forged = ["sub:c:ZZ", "sub:c:<b>x</b>", "sub:s:' OR 1=1 --", "sub:c:", "sub:x:FR", "sub:"]
        for data in forged:
            standin.world.messages[(chat, welcome.message_id)].reply_markup = {
                "inline_keyboard": [[{"text": "x", "callback_data": data}]]
            }
            query = standin.press_button(chat, welcome.message_id, data)
            await bot.wait_until(standin, lambda q=query: q in standin.callback_answers, 30, data)
    assert await repo.list_subscriptions(chat) == []


# --- fetching: redirects may not lead to private addresses -----------------------------------


async def test_a_public_feed_cannot_redirect_the_fetcher_to_a_private_address() -> None:
    asked: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        asked.append(str(request.url))
        if request.url.host == "feeds.example.com":
            return httpx.Response(302, headers={"Location": "http://169.254.169.254/latest/"})
        return httpx.Response(200, text="<rss version='2.0'><channel/></rss>")

    url = validate_feed_url(
        "https://feeds.example.com/rss", allow_private=False, resolve=lambda _h: ["93.184.216.34"]
    )
    settings = FetchSettings(timeout=5.0, allow_private_addresses=False)
    public = {"feeds.example.com": ["93.184.216.34"]}
    transport = httpx.MockTransport(answer)
    async with make_client(settings, transport=transport, resolve=public.__getitem__) as client:
        result = await Fetcher.from_settings(client, settings).fetch(url)
    assert asked == ["https://feeds.example.com/rss"], asked  # the first hop went out
    assert result.error is not None and "169.254.169.254" in str(result.error)


def test_settings_repr_hides_the_token(standin_settings: Settings) -> None:
    secret = standin_settings.telegram.token
    assert secret and secret not in repr(standin_settings)
    assert secret not in repr(dataclasses.replace(standin_settings.telegram, admins=(1,)))
