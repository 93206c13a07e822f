"""The embedded llama.cpp server, taught OpenAI's form of structured outputs.

``python -m pipeline.model.embedded_server`` takes the arguments of ``python -m llama_cpp.server``
and runs the same server behind one translation: a request whose ``response_format`` is
OpenAI's ``{"type": "json_schema", "json_schema": {"schema": S}}`` is handed on as
llama-cpp-python's ``{"type": "json_object", "schema": S}``, which it turns into a grammar
(it rejects the OpenAI form with a 422). The answer is then constrained to the schema while
the prompt carries no schema at all: on a CPU model every prompt token costs time, and a
per-article schema of 200-400 tokens would be evaluated again with every article.
"""

from __future__ import annotations

import json
from typing import Any

Scope = dict[str, Any]
Message = dict[str, Any]

CHAT_PATHS = ("/v1/chat/completions", "/chat/completions")


def translate(body: dict[str, Any]) -> dict[str, Any]:
    """``body`` with an OpenAI ``json_schema`` response format in llama-cpp-python's form."""
    response_format = body.get("response_format")
    if not isinstance(response_format, dict) or response_format.get("type") != "json_schema":
        return body
    spec = response_format.get("json_schema") or {}
    translated = {"type": "json_object"}
    if isinstance(spec, dict) and isinstance(spec.get("schema"), dict):
        translated["schema"] = spec["schema"]
    return {**body, "response_format": translated}


class StructuredOutputs:
    """ASGI middleware applying ``translate`` to chat-completion request bodies."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope.get("type") != "http" or scope.get("path") not in CHAT_PATHS:
            await self.app(scope, receive, send)
            return
        chunks = []
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                await self.app(scope, _replaying([message], receive), send)
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body"):
                break
        body = b"".join(chunks)
        try:
            parsed = json.loads(body)
        except ValueError:
            parsed = None  # the server itself reports the malformed body
        if isinstance(parsed, dict) and (translated := translate(parsed)) is not parsed:
            body = json.dumps(translated).encode()
            headers = [(k, v) for k, v in scope.get("headers", []) if k != b"content-length"]
            headers.append((b"content-length", str(len(body)).encode()))
            scope = {**scope, "headers": headers}
        request = {"type": "http.request", "body": body, "more_body": False}
        await self.app(scope, _replaying([request], receive), send)


def _replaying(messages: list[Message], receive: Any) -> Any:
    """A ``receive`` that returns ``messages`` first, then defers to ``receive``."""
    pending = list(messages)

    async def replay() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return replay


def main() -> None:
    import argparse

    import uvicorn
    from llama_cpp.server.app import create_app
    from llama_cpp.server.cli import add_args_from_model, parse_model_from_args
    from llama_cpp.server.settings import ModelSettings, ServerSettings, Settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_args_from_model(parser, Settings)
    args = parser.parse_args()
    server = parse_model_from_args(ServerSettings, args)
    app = create_app(
        server_settings=server, model_settings=[parse_model_from_args(ModelSettings, args)]
    )
    uvicorn.run(StructuredOutputs(app), host=server.host, port=server.port)


if __name__ == "__main__":
    main()
