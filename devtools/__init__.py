"""Development tooling beside the product: the Bot API stand-in, the offline sandbox, the
terminal chat and the sample feeds. Used by ``make run`` without a token, the tests and the
benches; the product packages never import it (``bot/cli.py`` aside, to start the sandbox)."""
