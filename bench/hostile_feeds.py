"""Peak memory of ``mou-alert poll --once`` on a ``gzip, gzip`` bomb, against a plain feed.

Issue 11's bar: a feed served with ``Content-Encoding: gzip, gzip`` whose 3,477 bytes inflate to
2 GiB keeps ``poll --once`` under 600 MiB, reports the feed failed with the reason and records
the failure. Each run is a fresh process (its peak RSS from ``getrusage``, children included);
the ratio is against the same command on a small healthy feed in the same run.

    .venv/bin/python bench/hostile_feeds.py [--inflated-mib 2048]
"""

from __future__ import annotations

import argparse
import http.server
import sqlite3
import subprocess
import sys
import tempfile
import threading
import zlib
from collections.abc import Iterable
from pathlib import Path

RSS = (
    b"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>t</title>"
    b"<item><title>plain</title><guid>g1</guid><description>text</description></item>"
    b"</channel></rss>"
)


def gzip_stream(chunks: Iterable[bytes]) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    return b"".join([*(c.compress(ch) for ch in chunks), c.flush()])


def serve(bomb: bytes) -> http.server.ThreadingHTTPServer:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body, headers = (
                (bomb, {"Content-Encoding": "gzip, gzip"}) if "bomb" in self.path else (RSS, {})
            )
            self.send_response(200)
            for k, v in {**headers, "Content-Type": "application/rss+xml"}.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def poll_once(url: str, work: Path, name: str) -> tuple[float, str]:
    """(peak RSS in MiB of the poll process, the feed's recorded last_error)."""
    db = work / f"{name}.db"
    config = work / f"{name}.toml"
    config.write_text(
        f'[database]\nurl = "sqlite+aiosqlite:///{db}"\n[fetch]\nallow_private_addresses = true\n'
        f'[[feeds]]\nurl = "{url}"\nname = "{name}"\n'
    )
    mou_alert = Path(sys.executable).with_name("mou-alert")
    # A fresh parent per run: RUSAGE_CHILDREN keeps the largest child it ever waited for.
    measured = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(mou_alert), "poll", "--once", "--config", str(config)],
        check=True,
        capture_output=True,
        text=True,
    )
    [(error,)] = sqlite3.connect(db).execute("SELECT last_error FROM feeds").fetchall()
    return int(measured.stdout.split()[-1]) / 1024, error or ""


_MEASURE = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], capture_output=True); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--inflated-mib", type=int, default=2048)
    args = parser.parse_args()
    inner = gzip_stream(b"\0" * (1 << 20) for _ in range(args.inflated_mib))
    bomb = gzip_stream([inner])
    print(f"bomb: {len(bomb):,} bytes on the wire, {args.inflated_mib} MiB inflated")
    server = serve(bomb)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    with tempfile.TemporaryDirectory() as tmp:
        plain_peak, _ = poll_once(f"{base}/plain.xml", Path(tmp), "plain")
        bomb_peak, bomb_error = poll_once(f"{base}/bomb.xml", Path(tmp), "bomb")
    server.shutdown()
    print(f"plain feed:     peak {plain_peak:.0f} MiB (baseline)")
    print(f"gzip,gzip bomb: peak {bomb_peak:.0f} MiB ({bomb_peak / plain_peak:.2f}x the baseline)")
    print(f"recorded on the feed: {bomb_error!r}")
    print(f"bar: under 600 MiB -> {'met' if bomb_peak < 600 else 'NOT met'}")


if __name__ == "__main__":
    main()
