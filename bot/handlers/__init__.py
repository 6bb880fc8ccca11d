"""Every Telegram handler of the bot, registered on the application in one place."""

from __future__ import annotations

from typing import Any

from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from bot.handlers import admin, callbacks, commands, history, membership


def register_handlers(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    public = {
        "start": commands.start,
        "help": commands.help_command,
        "subscribe": commands.subscribe,
        "unsubscribe": commands.unsubscribe,
        "list": commands.list_command,
        "summary": commands.summary,
        "search": history.search,
        "export": history.export_command,
        "latest": commands.latest,
        "countries": commands.countries,
        "sectors": commands.sectors,
        "mode": commands.mode,
        "lang": commands.lang,
    }
    admins = {
        "feeds": admin.feeds,
        "addfeed": admin.addfeed,
        "removefeed": admin.removefeed,
        "stats": admin.stats,
    }
    for name, handler in (public | admins).items():
        app.add_handler(CommandHandler(name, handler))
    app.add_handler(CallbackQueryHandler(callbacks.subscribe_button, pattern=r"^sub:"))
    app.add_handler(CallbackQueryHandler(callbacks.remove_button, pattern=r"^rm:"))
    app.add_handler(CallbackQueryHandler(history.search_button, pattern=r"^srch:"))
    app.add_handler(CallbackQueryHandler(history.term_button, pattern=r"^term:"))
    app.add_handler(ChatMemberHandler(membership.my_chat_member, ChatMemberHandler.MY_CHAT_MEMBER))
    app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, membership.migrated))
    # Commands the bot does not know get the help text, in private chats only: in a group they
    # may be meant for another bot.
    app.add_handler(
        MessageHandler(filters.COMMAND & filters.ChatType.PRIVATE, commands.unknown_command)
    )
    app.add_error_handler(membership.on_error)
