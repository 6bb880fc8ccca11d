"""The offline sandbox: terminal rendering (pure), the terminal chat, and ``mou-alert run``
with no token driven end to end through a pipe."""

from __future__ import annotations

import asyncio
import io
import os
import signal
import subprocess
import sys
from collections.abc import AsyncIterator, Iterable
from pathlib import Path

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup

from core.settings import FeedConfig, Settings, TelegramSettings, load_settings
from devtools.sample_feed.server import SampleFeedServer
from devtools.sandbox import (
    SANDBOX_USER_ID,
    TerminalChat,
    language_from_environment,
    run_chat,
    sandbox_settings,
    stdin_lines,
)
from devtools.standin import BotApiStandin
from devtools.standin.html import parse_html
from devtools.standin.state import Outgoing
from devtools.terminal import render_html_for_terminal, render_keyboard, render_outgoing

ROOT = Path(__file__).resolve().parents[1]


# --- rendering ------------------------------------------------------------------------------
def test_links_show_their_address_and_tags_disappear() -> None:
    html = '🇫🇷 <b>France</b>\n<a href="https://news.kr/1?a=1&amp;b=2">한·프 MOU</a> &lt;AI&gt;'
    assert render_html_for_terminal(html) == (
        "🇫🇷 France\n한·프 MOU <https://news.kr/1?a=1&b=2> <AI>"
    )


def test_a_link_whose_text_is_its_address_is_shown_once() -> None:
    assert render_html_for_terminal('<a href="https://x.kr/">https://x.kr/</a>') == "https://x.kr/"


def test_color_styles_bold_and_dims_the_address() -> None:
    out = render_html_for_terminal('<b>bold</b> <a href="https://x.kr">x</a>', color=True)
    assert out == "\x1b[1mbold\x1b[22m x \x1b[2m<https://x.kr>\x1b[22m"


def test_quotes_get_a_bar_on_every_line() -> None:
    assert render_html_for_terminal("<blockquote>one\ntwo</blockquote>\nafter") == (
        "│ one\n│ two\nafter"
    )


def test_invalid_html_is_shown_as_it_is() -> None:
    assert render_html_for_terminal("<b>open") == "<b>open"


def test_keyboard_rows_are_numbered_across_rows() -> None:
    markup = {
        "inline_keyboard": [
            [{"text": "France", "callback_data": "a"}, {"text": "AI", "callback_data": "b"}],
            [{"text": "기사", "url": "https://x.kr/1"}],
        ]
    }
    assert render_keyboard(markup) == ["[1] France   [2] AI", "[3] 기사 <https://x.kr/1>"]


def test_an_edit_is_labelled() -> None:
    item = Outgoing("edit", 1, 7, "<i>gone</i>", "HTML", parse_html("<i>gone</i>"), None, 0.0)
    assert render_outgoing(item) == "bot (edited message 7):\n  gone"


# --- settings and input -----------------------------------------------------------------------
async def test_sandbox_settings_point_everything_at_local_servers(
    standin: BotApiStandin, tmp_path: Path
) -> None:
    base = Settings(
        telegram=TelegramSettings(admins=(5,)),
        feeds=(FeedConfig("https://www.korea.kr/rss/x.xml", "real"),),
    )
    feeds = {"http://127.0.0.1:1/rss/sample.xml": "샘플경제"}
    s = sandbox_settings(base, standin, feeds, tmp_path)
    assert (s.telegram.token, s.telegram.base_url) == (standin.token, standin.base_url)
    assert s.telegram.admins == (5, SANDBOX_USER_ID)
    assert s.database.url == f"sqlite+aiosqlite:///{tmp_path / 'sandbox.db'}"
    assert s.schedule.adaptive is False and s.schedule.poll_interval <= 5
    assert s.fetch.allow_private_addresses
    assert s.feeds == (FeedConfig("http://127.0.0.1:1/rss/sample.xml", "샘플경제"),)


def test_korean_locale_makes_a_korean_user() -> None:
    assert language_from_environment({"LANG": "ko_KR.UTF-8"}) == "ko"
    assert language_from_environment({"LANG": "C.UTF-8"}) == "en"


async def test_stdin_is_read_without_blocking_the_loop() -> None:
    read_fd, write_fd = os.pipe()
    with os.fdopen(read_fd, "r") as reader, os.fdopen(write_fd, "w") as writer:
        lines = stdin_lines(reader)
        first = asyncio.ensure_future(lines.__anext__())
        await asyncio.sleep(0.05)  # the loop keeps running while nothing has been typed
        assert not first.done()
        writer.write("/start\n")
        writer.flush()
        assert await first == "/start\n"
        writer.close()
        assert [line async for line in lines] == []


async def test_buttons_are_pressed_by_number(standin: BotApiStandin, standin_bot: Bot) -> None:
    out = io.StringIO()
    chat = TerminalChat(standin, SampleFeedServer(visible=0), out)
    await chat.handle(":1")
    assert "no message with buttons" in out.getvalue()
    standin.add_chat(SANDBOX_USER_ID)
    keyboard = InlineKeyboardMarkup(
        [[InlineKeyboardButton("Remove", callback_data="rm:3")],
         [InlineKeyboardButton("Read", url="https://x.kr/1")]]
    )  # fmt: skip
    await standin_bot.send_message(SANDBOX_USER_ID, "France", reply_markup=keyboard)
    await chat.handle(":1")
    [update] = standin.pending_updates
    assert update["callback_query"]["data"] == "rm:3"
    await chat.handle(":2")
    await chat.handle(":3")
    assert "a link: open it in a browser" in out.getvalue()
    assert "no button 3" in out.getvalue()
    assert len(standin.pending_updates) == 1


# --- end to end -------------------------------------------------------------------------------
async def _script(lines: Iterable[str]) -> AsyncIterator[str]:
    for line in lines:
        yield line


@pytest.mark.slow
async def test_subscribe_then_the_sample_france_article_alerts(tmp_path: Path) -> None:
    out = io.StringIO()
    script = [
        "/summary France 1y", ":wait 2", "/search 수소", ":wait", "/export France 1y", ":wait",
        "/subscribe France", ":wait", ":publish", ":wait", "/quit",
    ]  # fmt: skip
    status = await run_chat(
        load_settings(None, {}),
        _script(script),
        out,
        data_dir=tmp_path,
        echo=True,
        release_every=None,
    )
    text = out.getvalue()
    assert status == 0, text
    # The bundled history answers at once: a count, a chart, search results, a CSV.
    assert "MOUs in the last year: 6" in text  # 7 French articles, one a reprint
    assert "bot (photo): summary.png" in text
    assert "한국수소연합, 佛 에어리퀴드와 수소 충전 인프라 MOU" in text
    assert "bot (document): mou-France-1y.csv" in text and "date,countries,sectors" in text
    reply, alert = text.split("(feed) published:")
    assert "France" in reply
    assert "뤼미에르랩스" in alert and "🇫🇷" in alert
    assert "<http://127.0.0.1:" in alert  # the headline links to the local article page


@pytest.mark.slow
def test_make_run_without_a_token_is_the_sandbox(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"TELEGRAM_BOT_TOKEN"}}
    env["MOU_ALERT_CONFIG"] = str(tmp_path / "none.toml")
    (tmp_path / "none.toml").write_text('[telegram]\ntoken = ""\n')
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "run"],
        input="/help\n:wait\n",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "you: /help" in done.stdout and "bot:" in done.stdout
    assert "Traceback" not in done.stderr


@pytest.mark.slow
def test_ctrl_c_leaves_cleanly(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"TELEGRAM_BOT_TOKEN"}}
    (tmp_path / "none.toml").write_text("")
    env["MOU_ALERT_CONFIG"] = str(tmp_path / "none.toml")
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "run"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    assert proc.stdout is not None
    for line in proc.stdout:  # the help appears once the bot is polling
        if "Sandbox commands" in line:
            break
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "Traceback" not in err
