"""Configuration an adversarial run found unsafe (issue 11): exit 2 and a line naming the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from core.settings import ConfigError, load_settings

WEBHOOK = '[telegram]\ntoken = "1:T"\n[telegram.webhook]\nurl = "https://bot.example.org/hook"\n'


def test_a_webhook_without_secret_token_refuses_to_start_with_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "c.toml"
    config.write_text(WEBHOOK)
    assert main(["run", "--config", str(config)]) == 2
    err = capsys.readouterr().err
    assert "telegram.webhook.secret_token is missing" in err and "secrets.token_urlsafe" in err


def test_a_guessable_secret_token_is_refused_and_a_good_one_is_never_logged(
    tmp_path: Path,
) -> None:
    config = tmp_path / "c.toml"
    config.write_text(WEBHOOK + 'secret_token = "abc"\n')
    with pytest.raises(ConfigError, match="secret_token must be 16 to 256"):
        load_settings(config, {})
    config.write_text(WEBHOOK + 'secret_token = "s3cr3t-s3cr3t-s3cr3t"\n')
    settings = load_settings(config, {})
    assert settings.telegram.webhook is not None
    assert settings.telegram.webhook.listen == "127.0.0.1"  # loopback unless told
    assert "s3cr3t" not in repr(settings)


def test_limits_and_connect_timeout_load_and_unknown_keys_are_named(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text(
        "[limits]\nsubscriptions_per_chat = 5\nmax_title_chars = 100\n"
        "[database]\nconnect_timeout = 3\n"
    )
    settings = load_settings(config, {})
    assert settings.limits.subscriptions_per_chat == 5 and settings.limits.max_title_chars == 100
    assert settings.limits.max_body_chars == 30_000 and settings.database.connect_timeout == 3.0
    config.write_text("[database]\nurl_typo = 'x'\n[limits]\nmax_body_chars = 0\n")
    with pytest.raises(ConfigError) as caught:
        load_settings(config, {})
    assert caught.value.problems == [
        "unknown key: database.url_typo",
        "limits.max_body_chars must be above 0, got 0",
    ]


@pytest.mark.parametrize(
    "url", ["postgresql://u:pw@h/db", "sqlite:///x.db", "mysql+aiomysql://u:pw@h/db", "x.db"]
)
def test_a_database_url_without_a_supported_driver_is_a_config_error(
    tmp_path: Path, url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "c.toml"
    config.write_text(f'[database]\nurl = "{url}"\n')
    assert main(["poll", "--once", "--config", str(config)]) == 2
    err = capsys.readouterr().err
    assert "database.url: the scheme" in err and "postgresql+asyncpg://" in err
    assert "pw" not in err


def test_logging_and_metrics_tables_name_their_unknown_keys(tmp_path: Path) -> None:
    """The operations tables (issue 12) are checked key by key like the others."""
    config = tmp_path / "c.toml"
    config.write_text(
        '[logging]\nlevel = "DEBUG"\nformat = "json"\n[metrics]\nlisten = "127.0.0.1:9464"\n'
    )
    settings = load_settings(config, {})
    assert settings.logging.format == "json" and settings.metrics.listen == "127.0.0.1:9464"
    config.write_text('[logging]\nlevl = "DEBUG"\n[metrics]\nlisen = "127.0.0.1:9464"\n')
    with pytest.raises(ConfigError) as caught:
        load_settings(config, {})
    assert caught.value.problems == ["unknown key: logging.levl", "unknown key: metrics.lisen"]
