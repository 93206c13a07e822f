"""A small OpenAI-compatible server on loopback, for fault tests and the benchmark.

It answers ``POST /v1/chat/completions`` through a ``behaviour`` function that gets the
request body and returns a ``Reply``: a status, headers and a body, an optional delay, or a
connection reset. ``schema_answer`` builds a valid answer for whatever schema was asked (a
tool call, or the message itself for a ``response_format`` request: structured outputs, or
JSON in the text with the schema in the instructions), so the stub can stand in
for a model. It serves 127.0.0.1 only and stops with its context.

It also serves the OpenAI Batch API's files and batches endpoints (``POST /v1/files``,
``GET /v1/files/{id}/content``, ``POST /v1/batches``, ``GET /v1/batches/{id}``): a batch's
requests are answered by the same ``behaviour``, and the batch completes after
``batch_polls`` status checks, for testing ``--batch``.
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import default as email_policy
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
    drip: float = 0.0
    """Send the body one byte every ``drip`` seconds (a slow-drip reply)."""


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
    format_ = request["response_format"]
    if format_.get("type") == "json_schema":
        spec = format_["json_schema"]
        return spec["name"], spec["schema"]
    # JSON in the text (instructor's JSON mode): the schema is written into the instructions
    for message in request.get("messages", []):
        found = _SCHEMA_IN_TEXT.search(str(message.get("content", "")))
        if found:
            schema = json.loads(found.group(1))
            return schema.get("title", ""), schema
    raise KeyError("the request names no answer schema")


_SCHEMA_IN_TEXT = re.compile(r"json_schema:\s*(\{.*\})\s*Make sure", re.DOTALL)


def _asks_content(request: dict[str, Any]) -> bool:
    return not request.get("tools") and "response_format" in request


def schema_answer(
    request: dict[str, Any], speaker: str = "P1", *, stray: bool = False
) -> dict[str, Any]:
    """A valid answer for newsbrief's schemas. Per article: every quote to ``speaker`` when it
    is one of the quote's choices (a candidate id or "none"), else to its first choice (with
    ``stray``, to ``speaker`` anyway: an answer outside the schema's choices); every
    figure unclaimed, every actor neutral. For the lede:
    the first fact, word for word, with its sources."""
    name, schema = requested_tool(request)
    if name == "LedeDraft":
        prompt = request["messages"][-1]["content"]
        match = re.search(r"^\[F1\] \(([^)]*)\) (.+)$", prompt, re.M)
        sources, text = (match.group(1).split(", "), match.group(2)) if match else ([], "")
        lede = {"sentences": [{"text": text, "sources": sources}]}
        return completion(lede, name, as_content=_asks_content(request))
    answer: dict[str, Any] = {}
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


#: Models a stub serves unless told otherwise: newsbrief's default for an endpoint, and "stub".
STUB_MODELS = ("gpt-4o-mini", "stub")


class StubServer:
    """Context manager serving ``behaviour`` on a free loopback port, like an
    OpenAI-compatible server: ``GET /v1/models`` lists ``models``; ``POST
    /v1/chat/completions`` for a model it does not serve is a 404 (unless ``any_model``, as
    llama.cpp serves one model under any name); any other path is a 404; with ``key`` set, a
    request without ``Authorization: Bearer KEY`` is a 401. A plain chat request (no answer
    schema: newsbrief's check before a run) is answered "OK"; the rest go to ``behaviour``."""

    def __init__(
        self,
        behaviour: Behaviour,
        port: int = 0,
        *,
        models: tuple[str, ...] = STUB_MODELS,
        any_model: bool = False,
        key: str | None = None,
    ) -> None:
        self.behaviour = behaviour
        self.models = models
        self.any_model = any_model
        self.key = key
        self.requests: list[dict[str, Any]] = []
        self.files: dict[str, bytes] = {}
        """Uploaded and produced files (``POST /v1/files``, batch output), by id."""
        self.batches: list[dict[str, Any]] = []
        """Every batch created (``POST /v1/batches``), as the Batch API describes it."""
        self.batch_polls = 1
        """Status checks a batch answers 'in_progress' to before it is 'completed'."""
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

            def _refused(self) -> Reply | None:
                if stub.key and self.headers.get("authorization") != f"Bearer {stub.key}":
                    message = "Incorrect API key provided"
                    return Reply(status=401, body={"error": {"message": message}})
                return None

            def do_GET(self) -> None:
                path = self.path.split("?")[0]
                if path.startswith("/v1/files/") and path.endswith("/content"):
                    self._send_bytes(stub.files.get(path.split("/")[3], b""))
                    return
                if path.startswith("/v1/batches/"):
                    self._send(stub._batch_status(path.split("/")[3]))
                    return
                if self.path.rstrip("/") != "/v1/models":
                    self._send(Reply(status=404, body={"error": {"message": "not found"}}))
                    return
                data = [{"id": name, "object": "model"} for name in stub.models]
                self._send(self._refused() or Reply(body={"object": "list", "data": data}))

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", 0))
                raw = self.rfile.read(length)
                if self.path.startswith("/v1/files"):
                    self._send(stub._upload(self.headers.get("content-type", ""), raw))
                    return
                try:
                    request = json.loads(raw or b"{}")
                except ValueError:
                    request = {}
                if self.path.startswith("/v1/batches"):
                    self._send(stub._create_batch(request))
                    return
                if self.path.rstrip("/") != "/v1/chat/completions":
                    self._send(Reply(status=404, body={"error": {"message": "not found"}}))
                    return
                refused = self._refused()
                if refused is not None:
                    self._send(refused)
                    return
                if not stub.any_model and request.get("model") not in stub.models:
                    message = f"model '{request.get('model')}' not found"
                    self._send(Reply(status=404, body={"error": {"message": message}}))
                    return
                if not (request.get("tools") or request.get("response_format")):
                    self._send(Reply(body=completion("OK", "", as_content=True)))
                    return
                with stub._lock:
                    stub.requests.append(request)
                self._send(stub.behaviour(request))

            def _send_bytes(self, data: bytes) -> None:
                self.send_response(200)
                self.send_header("content-type", "application/octet-stream")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

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
                if reply.drip:
                    for index in range(len(data)):
                        self.wfile.write(data[index : index + 1])
                        self.wfile.flush()
                        time.sleep(reply.drip)
                    return
                self.wfile.write(data)

        self._server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    # --- the files and batches endpoints of the OpenAI Batch API --------------------------

    def _upload(self, content_type: str, raw: bytes) -> Reply:
        """``POST /v1/files`` (multipart: ``file`` and ``purpose``)."""
        message = BytesParser(policy=email_policy).parsebytes(
            f"Content-Type: {content_type}\r\n\r\n".encode() + raw
        )
        fields = {
            part.get_param("name", header="content-disposition"): part
            for part in message.iter_parts()
        }
        if "file" not in fields:
            return Reply(status=400, body={"error": {"message": "no file in the upload"}})
        data = fields["file"].get_payload(decode=True) or b""
        purpose = fields["purpose"].get_content().strip() if "purpose" in fields else "batch"
        with self._lock:
            file_id = f"file-{len(self.files) + 1}"
            self.files[file_id] = data
        return Reply(body=_file_object(file_id, len(data), purpose))

    def _create_batch(self, request: dict[str, Any]) -> Reply:
        """``POST /v1/batches``: every line of the input file is answered at once by
        ``behaviour``, as a chat completion request would be; the batch reports
        'in_progress' for ``batch_polls`` status checks, then 'completed'."""
        data = self.files.get(request.get("input_file_id", ""))
        if data is None:
            return Reply(status=404, body={"error": {"message": "no such input file"}})
        output, errors = [], []
        for line in data.decode().splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            with self._lock:
                self.requests.append(item["body"])
            reply = self.behaviour(item["body"])
            body = reply.body if not isinstance(reply.body, str) else json.loads(reply.body)
            record = {
                "id": f"batch_req_{len(output) + len(errors) + 1}",
                "custom_id": item["custom_id"],
                "response": {"status_code": reply.status, "request_id": "", "body": body},
                "error": None,
            }
            (output if reply.status == 200 else errors).append(json.dumps(record))
        with self._lock:
            batch_id = f"batch_{len(self.batches) + 1}"
            out_id, err_id = f"{batch_id}-output", f"{batch_id}-errors"
            self.files[out_id] = "\n".join(output).encode() + b"\n"
            if errors:
                self.files[err_id] = "\n".join(errors).encode() + b"\n"
            batch = {
                "id": batch_id,
                "object": "batch",
                "endpoint": request.get("endpoint"),
                "input_file_id": request["input_file_id"],
                "completion_window": request.get("completion_window", "24h"),
                "created_at": 0,
                "status": "validating",
                "metadata": request.get("metadata"),
                "request_counts": {
                    "total": len(output) + len(errors),
                    "completed": 0,
                    "failed": 0,
                },  # fmt: skip
                "_polls": 0,
                "_output": out_id,
                "_errors": err_id if errors else None,
                "_counts": (len(output), len(errors)),
            }
            self.batches.append(batch)
        return Reply(body=_public(batch))

    def _batch_status(self, batch_id: str) -> Reply:
        with self._lock:
            batch = next((b for b in self.batches if b["id"] == batch_id), None)
            if batch is None:
                return Reply(status=404, body={"error": {"message": "no such batch"}})
            batch["_polls"] += 1
            if batch["_polls"] > self.batch_polls:
                done, failed = batch["_counts"]
                batch.update(
                    status="completed",
                    output_file_id=batch["_output"],
                    error_file_id=batch["_errors"],
                    request_counts={"total": done + failed, "completed": done, "failed": failed},
                )
            else:
                batch["status"] = "in_progress"
            return Reply(body=_public(batch))

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def __enter__(self) -> StubServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._server.shutdown()
        self._server.server_close()


def _file_object(file_id: str, size: int, purpose: str) -> dict[str, Any]:
    return {
        "id": file_id,
        "object": "file",
        "bytes": size,
        "created_at": 0,
        "filename": "batch.jsonl",
        "purpose": purpose,
        "status": "processed",
    }


def _public(batch: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in batch.items() if not k.startswith("_")}


class InProcessModel:
    """A ``pipeline.model.session.Model`` that answers in-process as the stub server does
    (``schema_answer``), with no HTTP and no model: for the benchmark's scaling runs, where
    the pipeline's own cost is measured. ``calls`` counts the questions asked."""

    def __init__(self, identity: str = "stub|in-process|json_schema") -> None:
        from pipeline.model.usage import Usage

        self.identity = identity
        self.concurrency = 1
        self.usage = Usage()
        self.calls = 0
        self._tracked: Any = None

    def ask(self, response_model: Any, messages: list[dict[str, str]], context: dict[str, Any]):
        schema = response_model.model_json_schema()
        request = {
            "messages": messages,
            "response_format": {
                "type": "json_schema",
                "json_schema": {"name": response_model.__name__, "schema": schema},
            },
        }
        reply = schema_answer(request)
        self.calls += 1
        self.usage.add(None, 0.0)
        if self._tracked is not None:
            self._tracked.add(None, 0.0)
        data = json.loads(reply["choices"][0]["message"]["content"])
        return response_model.model_validate(data, context=context)

    def tracking(self, usage: Any):
        import contextlib

        @contextlib.contextmanager
        def block():
            self._tracked = usage
            try:
                yield usage
            finally:
                self._tracked = None

        return block()

    def close(self) -> None:
        pass

    def open(self) -> None:
        pass
