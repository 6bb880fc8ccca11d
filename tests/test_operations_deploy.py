"""The deployment files and the operations guide stay true to the code."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from bot.metrics import Metrics

ROOT = Path(__file__).resolve().parents[1]
UNIT = ROOT / "deploy" / "mou-alert.service"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd is not installed")
def test_the_unit_file_verifies_clean(tmp_path: Path) -> None:
    # verify checks that ExecStart exists: point it at this checkout's entry point.
    here = Path(sys.executable).parent
    unit = tmp_path / "mou-alert.service"
    unit.write_text(UNIT.read_text().replace("/opt/mou-alert/.venv/bin", str(here)))
    assert (here / "mou-alert").exists()
    done = subprocess.run(
        ["systemd-analyze", "verify", str(unit)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr


def test_the_unit_runs_the_documented_commands() -> None:
    text = UNIT.read_text()
    assert "ExecStart=/opt/mou-alert/.venv/bin/mou-alert run" in text
    assert "ExecStartPre=/opt/mou-alert/.venv/bin/mou-alert db upgrade" in text
    assert "RestartPreventExitStatus=2" in text  # a configuration error is not retried


def test_the_guide_documents_every_metric() -> None:
    guide = (ROOT / "docs" / "operations.md").read_text()
    families = list(text_string_to_metric_families(Metrics().render().decode()))
    names = [
        f.name + ("_total" if f.type == "counter" else "")
        for f in families
        if not f.name.endswith("_created")  # prometheus_client's creation time of each series
    ]
    assert len(names) == 11
    for name in names:
        assert f"| `{name}" in guide, name
