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

from bot import buttons
from bot.handlers import admin, callbacks, commands, history, membership, settings


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
        "mode": settings.mode,
        "pause": settings.pause,
        "resume": settings.resume,
        "timezone": settings.timezone,
        "lang": settings.lang,
    }
    admins = {
        "feeds": admin.feeds,
        "addfeed": admin.addfeed,
        "removefeed": admin.removefeed,
        "stats": admin.stats,
    }
    for name, handler in (public | admins).items():
        app.add_handler(CommandHandler(name, handler))
    pressed = {
        "sub": callbacks.subscribe_button,
        buttons.FOLLOW: callbacks.subscribe_button,
        buttons.TOGGLE: callbacks.toggle_button,
        buttons.MUTE: callbacks.mute_button_pressed,
        buttons.UNMUTE: callbacks.unmute_button,
        buttons.MORE: callbacks.more_button,
        buttons.SCOPE: callbacks.scope_button,
        buttons.SEPARATELY: callbacks.separately_button,
        buttons.COUNTRIES: callbacks.countries_page,
        "rm": callbacks.remove_button,
        "srch": history.search_button,
        "term": history.term_button,
    }
    for prefix, handler in pressed.items():
        app.add_handler(CallbackQueryHandler(handler, pattern=f"^{prefix}:"))
    app.add_handler(ChatMemberHandler(membership.my_chat_member, ChatMemberHandler.MY_CHAT_MEMBER))
    app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, membership.migrated))
    # A command the bot does not know gets a reply naming it, in private chats only: in a
    # group it may be meant for another bot. Plain text in a private chat gets a one-line
    # hint; in groups people talk to each other, and the bot keeps quiet.
    private = filters.ChatType.PRIVATE
    app.add_handler(MessageHandler(filters.COMMAND & private, commands.unknown_command))
    typed = filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND  # not an edit
    app.add_handler(MessageHandler(typed & private, commands.plain_text))
    app.add_error_handler(membership.on_error)
