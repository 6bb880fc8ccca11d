"""Shared fixtures: the Bot API stand-in (``tests/standin_fixtures.py``, read its docstring).

``tests/`` is not a package (test modules import their helpers as top-level modules), so the
plugin is named by module name.
"""

pytest_plugins = ["standin_fixtures", "extractor_fixtures"]
