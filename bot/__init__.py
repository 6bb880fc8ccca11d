"""Telegram application: commands, alerts, delivery and the offline sandbox."""
