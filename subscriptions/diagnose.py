"""Why the database did not open, in one or two lines an operator can act on.

Start-up failures used to be tracebacks of 20 to 215 lines ending in ``file is not a database``,
``Read-only file system``, ``ConnectionRefusedError`` or a bare ``TimeoutError`` after 61 s,
none naming the database or what to change. :func:`database_problem` names what failed, the URL
with its password hidden, and the setting or command that fixes it.
"""

from __future__ import annotations

import errno
import sqlite3
import sys
from collections.abc import Iterator

from sqlalchemy.engine import make_url

from core.settings import DatabaseSettings

_CHECK = "`mou-alert db check` says more"


def _causes(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        orig = getattr(current, "orig", None)  # SQLAlchemy's wrapped DBAPI error
        if isinstance(orig, BaseException):
            yield orig
        current = current.__cause__ or current.__context__


def safe_url(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL: show none of it rather than a password
        return "<database.url>"


def database_problem(exc: BaseException, url: str, connect_timeout: float) -> str | None:
    """The operator's message for ``exc`` raised while opening ``url``; None when it is not a
    known start-up problem (the caller then logs the traceback)."""
    where = safe_url(url)
    for cause in _causes(exc):
        text = str(cause)
        name = type(cause).__name__
        if isinstance(cause, TimeoutError) or name in ("ConnectionTimeoutError",):
            return (
                f"the database server of {where} did not answer within {connect_timeout:g} s. "
                "Check that it runs and that database.url is right (database.connect_timeout "
                "sets the wait)."
            )
        if isinstance(cause, ConnectionRefusedError) or (
            isinstance(cause, OSError)
            and cause.errno in (errno.ECONNREFUSED, errno.EHOSTUNREACH, errno.ENETUNREACH)
        ):
            return (
                f"cannot connect to the database server of {where}: {cause.strerror or text}. "
                "Start it, or correct the host and port in database.url."
            )
        if name == "InvalidPasswordError" or "password authentication failed" in text:
            return f"the database server of {where} refused the user or password in database.url."
        if name == "InvalidCatalogNameError":
            return f"{where}: {text}. Create the database, or correct its name in database.url."
        if isinstance(cause, sqlite3.DatabaseError):
            if "not a database" in text or "malformed" in text:
                return (
                    f"{where} is not a readable SQLite database ({text}). Restore a backup or "
                    f"point database.url at another file; {_CHECK}."
                )
            if "readonly" in text or "read-only" in text:
                return (
                    f"{where} is read-only ({text}). The bot writes to it: make the file and "
                    "its folder writable, or point database.url elsewhere."
                )
            if "unable to open" in text:
                return (
                    f"cannot open {where} ({text}). Check that its folder exists and is "
                    "writable, or point database.url elsewhere."
                )
        if isinstance(cause, OSError) and cause.errno in (
            errno.EROFS,
            errno.EACCES,
            errno.EPERM,
            errno.EEXIST,
            errno.ENOTDIR,
            errno.ENOSPC,
        ):
            return (
                f"cannot use {where}: {cause.strerror} ({cause.filename or text}). Point "
                "database.url at a writable file, or fix the folder's permissions."
            )
    return None


def exit_on_database_problem(exc: BaseException, database: DatabaseSettings, doing: str) -> int:
    """For a command's ``except``: print ``mou-alert: cannot <doing>: <problem>`` (one line, no
    traceback) and return exit status 1 when ``exc`` is a known database problem; re-raise
    ``exc`` otherwise."""
    problem = database_problem(exc, database.url, database.connect_timeout)
    if problem is None:
        raise exc
    print(f"mou-alert: cannot {doing}: {problem}", file=sys.stderr)
    return 1
