"""Sending the outbox, split by what changes together: ``sending`` (one message to Telegram),
``answers`` (what Telegram's answer means, pure), ``variants`` (a message in its fallback forms)
and ``worker`` (claims, pacing and settling rows)."""
