from pathlib import Path

import pytest

from core.settings import DEFAULT_BASE_URL, ConfigError, load_settings

ROOT = Path(__file__).resolve().parents[1]


def test_defaults_without_file() -> None:
    s = load_settings(None, {})
    assert s.telegram.token is None
    assert s.telegram.base_url == DEFAULT_BASE_URL
    assert s.database.url.startswith("sqlite")
    assert s.schedule.timezone == "Asia/Seoul"
    assert s.schedule.poll_interval == 600


def test_example_config_loads_and_documents_feeds() -> None:
    s = load_settings(ROOT / "config.example.toml", {})
    assert s.feeds and all(f.url.startswith("https://") for f in s.feeds)
    assert s.telegram.token is None  # empty string means "no token"


def test_environment_overrides(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text(
        '[telegram]\ntoken = "from-file"\n[database]\nurl = "sqlite+aiosqlite:///x.db"\n'
    )
    s = load_settings(
        cfg, {"TELEGRAM_BOT_TOKEN": "from-env", "DATABASE_URL": "postgresql+asyncpg://h/db"}
    )
    assert s.telegram.token == "from-env"
    assert s.database.url == "postgresql+asyncpg://h/db"


def test_token_not_in_repr() -> None:
    s = load_settings(None, {"TELEGRAM_BOT_TOKEN": "123:SECRET"})
    assert "SECRET" not in repr(s)


def test_every_problem_listed_at_once(tmp_path: Path) -> None:
    cfg = tmp_path / "bad.toml"
    cfg.write_text(
        '[telegram]\nbase_url = "ftp://x"\nadmins = ["me"]\n'
        '[schedule]\ntimezone = "Mars/Base"\npoll_interval = 0\n'
        '[[feeds]]\nurl = "file:///etc/passwd"\n'
        "[nonsense]\n"
    )
    with pytest.raises(ConfigError) as err:
        load_settings(cfg, {})
    text = str(err.value)
    for expected in (
        "base_url",
        "admins",
        "Mars/Base",
        "poll_interval",
        "feeds[0].url",
        "nonsense",
    ):
        assert expected in text
    assert len(err.value.problems) == 6


def test_missing_and_invalid_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="file not found"):
        load_settings(tmp_path / "nope.toml", {})
    bad = tmp_path / "x.toml"
    bad.write_text("this is = = not toml")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(bad, {})
