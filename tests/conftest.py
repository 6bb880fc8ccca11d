"""Shared fixtures: the database on SQLite and PostgreSQL (``tests/db_fixtures.py``), the Bot
API stand-in (``tests/standin_fixtures.py``) and the extractor's (read their docstrings).

``tests/`` is not a package (test modules import their helpers as top-level modules), so the
plugins are named by module name.
"""

pytest_plugins = ["db_fixtures", "standin_fixtures", "extractor_fixtures"]
