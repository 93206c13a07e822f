"""A small OpenAI-compatible server on loopback, for fault tests and the benchmark.

It answers ``POST /v1/chat/completions`` through a ``behaviour`` function that gets the
request body and returns a ``Reply``: a status, headers and a body, an optional delay, or a
connection reset. ``schema_answer`` builds a valid answer for whatever schema was asked (a
tool call, or the message itself for a ``response_format`` request), so the stub can stand in
for a model. It serves 127.0.0.1 only and stops with its context.
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    """What the stub does with one request."""

    status: int = 200
    body: Any = None
    """A dict (sent as JSON) or a str (sent as is)."""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    reset: bool = False
    """Close the connection without answering."""


Behaviour = Callable[[dict[str, Any]], Reply]


def completion(
    arguments: dict[str, Any] | str,
    name: str,
    *,
    finish_reason: str = "tool_calls",
    prompt_tokens: int = 100,
    completion_tokens: int = 20,
    as_content: bool = False,
) -> dict[str, Any]:
    """A chat completion whose message calls tool ``name`` with ``arguments``, or with
    ``as_content`` holds them as its text (the answer to a ``response_format`` request)."""
    text = arguments if isinstance(arguments, str) else json.dumps(arguments)
    if as_content:
        message: dict[str, Any] = {"role": "assistant", "content": text}
        finish_reason = "stop" if finish_reason == "tool_calls" else finish_reason
    else:
        message = {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {"id": "call_1", "type": "function", "function": {"name": name, "arguments": text}}
            ],
        }
    return {
        "id": "chatcmpl-stub",
        "object": "chat.completion",
        "created": 0,
        "model": "stub",
        "choices": [
            {
                "index": 0,
                "finish_reason": finish_reason,
                "message": message,
            }
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


def requested_tool(request: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Name and JSON Schema of the answer a request asks for: its tool, or its
    ``response_format`` (OpenAI structured outputs)."""
    if request.get("tools"):
        tool = request["tools"][0]["function"]
        return tool["name"], tool["parameters"]
    spec = request["response_format"]["json_schema"]
    return spec["name"], spec["schema"]


def _asks_content(request: dict[str, Any]) -> bool:
    return not request.get("tools") and "response_format" in request


def schema_answer(
    request: dict[str, Any], speaker: str = "P1", *, stray: bool = False
) -> dict[str, Any]:
    """A valid answer for newsbrief's schemas. Per article: every quote to ``speaker`` when it
    is one of the quote's choices (a candidate id or "none"), else to its first choice (with
    ``stray``, to ``speaker`` anyway: an answer outside the schema's choices); every
    figure unclaimed, every actor neutral, the first sentence as key event. For the lede:
    the first fact, word for word, with its sources."""
    name, schema = requested_tool(request)
    if name == "LedeDraft":
        prompt = request["messages"][-1]["content"]
        match = re.search(r"^\[F1\] \(([^)]*)\) (.+)$", prompt, re.M)
        sources, text = (match.group(1).split(", "), match.group(2)) if match else ([], "")
        lede = {"sentences": [{"text": text, "sources": sources}]}
        return completion(lede, name, as_content=_asks_content(request))
    answer: dict[str, Any] = {"outlet": None, "key_sentences": [1]}
    for key, prop in schema.get("properties", {}).items():
        if key[1:].isdigit() and key[0] == "Q":
            choices = prop.get("enum") or [prop.get("const", speaker)]
            answer[key] = speaker if stray or speaker in choices else choices[0]
        elif key[1:].isdigit():
            answer[key] = {"F": None, "A": "neutral"}[key[0]]
    return completion(answer, name, as_content=_asks_content(request))


def article_calls(server: StubServer) -> int:
    """How many of the requests a stub received asked about an article (not for the lede)."""
    return sum(
        1
        for r in server.requests
        if (r.get("tools") or r.get("response_format")) and requested_tool(r)[0] == "ArticleNotes"
    )


class StubServer:
    """Context manager serving ``behaviour`` on a free loopback port."""

    def __init__(self, behaviour: Behaviour, port: int = 0) -> None:
        self.behaviour = behaviour
        self.requests: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out in separate writes: with Nagle's algorithm on, the body
            # waits for the client's delayed ACK, about 40 ms a reply on Linux.
            disable_nagle_algorithm = True

            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def handle(self) -> None:
                try:
                    super().handle()
                except OSError:
                    pass  # the client gave up (a timeout test): nothing to answer

            def do_GET(self) -> None:
                self._send(Reply(body={"object": "list", "data": [{"id": "stub"}]}))

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", 0))
                try:
                    request = json.loads(self.rfile.read(length) or b"{}")
                except ValueError:
                    request = {}
                with stub._lock:
                    stub.requests.append(request)
                self._send(stub.behaviour(request))

            def _send(self, reply: Reply) -> None:
                if reply.delay:
                    time.sleep(reply.delay)
                if reply.reset:
                    self.connection.setsockopt(
                        socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
                    )
                    self.connection.shutdown(socket.SHUT_RDWR)
                    self.close_connection = True
                    return
                body = reply.body if isinstance(reply.body, str) else json.dumps(reply.body)
                data = body.encode()
                self.send_response(reply.status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                for key, value in reply.headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

        self._server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def __enter__(self) -> StubServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._server.shutdown()
        self._server.server_close()
