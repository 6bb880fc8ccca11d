"""Storage, topics and matching: chats, subscriptions, feeds, items, stories and the outbox."""
