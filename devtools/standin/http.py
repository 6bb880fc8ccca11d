"""The HTTP face of the stand-in: ``/bot<token>/<method>`` like api.telegram.org."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from devtools.standin.errors import ApiError
from devtools.standin.media import Upload
from devtools.standin.methods import DropConnection, call
from devtools.standin.state import World

JSON_PARAMS = frozenset(
    {
        "chat_id", "message_id", "offset", "limit", "timeout", "allowed_updates", "reply_markup",
        "link_preview_options", "reply_parameters", "entities", "commands", "scope", "show_alert",
        "cache_time", "drop_pending_updates", "max_connections", "disable_notification",
        "protect_content", "allow_sending_without_reply", "reply_to_message_id",
        "message_thread_id", "disable_web_page_preview", "user_id",
    }
)  # fmt: skip
"""Parameters whose form-encoded value is JSON (python-telegram-bot posts every parameter as a
form field; objects and numbers JSON-encoded, strings as they are)."""


def _decode(name: str, value: Any) -> Any:
    if isinstance(value, str) and name in JSON_PARAMS:
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


async def read_params(request: web.Request) -> dict[str, Any]:
    """Query string, then a JSON, urlencoded or multipart body; a file becomes an
    :class:`~devtools.standin.media.Upload`."""
    params: dict[str, Any] = dict(request.query)
    if request.can_read_body:
        if request.content_type == "application/json":
            body = await request.json()
            if not isinstance(body, dict):
                raise ValueError("the JSON body must be an object")
            params.update(body)
        else:
            form = await request.post()
            for name, value in form.items():
                if isinstance(value, str):
                    params[name] = value
                elif isinstance(value, web.FileField):
                    data = value.file.read()
                    params[name] = Upload(value.filename, value.content_type, data)
    return {name: _decode(name, value) for name, value in params.items()}


def build_app(world: World) -> web.Application:
    async def handle(request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != world.token:
            return _error(ApiError.unauthorized())
        try:
            params = await read_params(request)
        except ValueError:
            return _error(ApiError.bad_request("can't parse request body"))
        try:
            result = await call(world, request.match_info["method"], params)
        except ApiError as err:
            return _error(err)
        except DropConnection:
            if request.transport is not None:
                request.transport.abort()
            raise web.HTTPServiceUnavailable() from None  # never reaches the closed socket
        return web.json_response({"ok": True, "result": result})

    app = web.Application()
    app.router.add_route("*", "/bot{token}/{method}", handle)
    return app


def _error(err: ApiError) -> web.Response:
    return web.json_response(err.body(), status=err.error_code)
