"""The embedded server's life cycle, with stand-in server commands (no model needed)."""

from __future__ import annotations

import asyncio
import hashlib
import json
import sys
from dataclasses import replace

import instructor
import pytest

from pipeline.errors import ConfigError, EndpointConfigError, EndpointError
from pipeline.extract import build_request, prepare_article
from pipeline.model import embedded
from pipeline.model.client import ModelClient, answer_mode
from pipeline.model.embedded import EmbeddedServer
from pipeline.model.embedded_server import StructuredOutputs
from pipeline.read import Article
from pipeline.settings import resolve_settings

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

# Serves valid answers on the given port, and exits for good after the first one.
DYING_SERVER = """
import os, sys, threading, time
from tools.stub import Reply, StubServer, schema_answer

def behaviour(request):
    threading.Timer(0.2, lambda: os._exit(0)).start()
    return Reply(body=schema_answer(request))

with StubServer(behaviour, port=int(sys.argv[1])):
    time.sleep(60)
"""


def test_a_server_that_fails_to_start_is_reported(tmp_path):
    server = EmbeddedServer(tmp_path, command=[sys.executable, "-c", "import sys; sys.exit(3)"])
    with pytest.raises(EndpointError, match="exited during start-up"):
        server.__enter__()
    assert not server.alive()


def test_a_server_dying_mid_run_stops_the_run_and_is_gone_after_it(tmp_path, no_backoff):
    text = "Troops arrived on Monday.\n\n“We will see,” Mark Rutte said.\n"
    article = Article(id="S1", path="a.txt", text=text, sha256="x")
    prepared = prepare_article(article)
    request = build_request(prepared, prepared.sentences)
    command = [sys.executable, "-c", DYING_SERVER, "{port}"]
    with EmbeddedServer(tmp_path, command=command) as server:
        settings = replace(resolve_settings(base_url=server.base_url), transport_retries=2)
        client = ModelClient(settings, server.base_url)
        client.ask(request.response_model, request.messages, request.context)
        server.process.wait(timeout=10)  # it exits after its first answer
        with pytest.raises(EndpointConfigError, match="cannot connect"):
            client.ask(request.response_model, request.messages, request.context)
        process = server.process
    assert process is not None and process.poll() is not None


def test_server_is_stopped_when_the_run_is_interrupted(tmp_path):
    command = [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", "{port}"]
    with pytest.raises(KeyboardInterrupt):
        with EmbeddedServer(tmp_path, command=command) as server:
            process = server.process
            raise KeyboardInterrupt
    assert process.poll() is not None


def test_missing_local_extra_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr(embedded.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ConfigError, match=r"pip install 'newsbrief\[local\]'.*--base-url"):
        EmbeddedServer(tmp_path).__enter__()


def test_weights_are_assembled_from_parts_and_verified(tmp_path, monkeypatch):
    parts = [bytes([i]) * 10 for i in range(1, 4)]
    files = []
    for i, data in enumerate(parts, 1):
        path = tmp_path / f"part{i:02d}.bin"
        path.write_bytes(data)
        files.append(path)
    whole = b"".join(parts)
    monkeypatch.setattr(embedded, "WEIGHT_PARTS", 3)
    monkeypatch.setattr(embedded, "_part_file", lambda i: files[i - 1])
    monkeypatch.setattr(embedded, "WEIGHTS_SIZE", len(whole))
    monkeypatch.setattr(embedded, "WEIGHTS_SHA256", hashlib.sha256(whole).hexdigest())
    path = embedded.weights_path(tmp_path / "cache")
    assert path.read_bytes() == whole
    files[1].write_bytes(b"corrupted!")  # the cached, verified file is reused
    assert embedded.weights_path(tmp_path / "cache") == path
    monkeypatch.setattr(embedded, "WEIGHTS_SHA256", "0" * 64)
    path.unlink()
    with pytest.raises(ConfigError, match="corrupt"):
        embedded.weights_path(tmp_path / "cache")
    assert not path.exists() and not list(path.parent.glob("*.partial"))


def test_killing_newsbrief_stops_the_server(tmp_path):
    """SIGTERM and even SIGKILL of the parent end the server process."""
    import os
    import signal
    import subprocess
    import time

    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from pipeline.model.embedded import EmbeddedServer\n"
        "cmd = [sys.executable, '-m', 'http.server', '--bind', '127.0.0.1', '{port}']\n"
        "with EmbeddedServer(Path(sys.argv[1]), command=cmd) as server:\n"
        "    print(server.process.pid, flush=True)\n"
        "    time.sleep(60)\n"
    )
    for sig in (signal.SIGTERM, signal.SIGKILL):
        parent = subprocess.Popen(
            [sys.executable, "-c", script, str(tmp_path)], stdout=subprocess.PIPE, text=True
        )
        child = int(parent.stdout.readline())
        os.kill(parent.pid, sig)
        parent.wait(timeout=10)
        for _ in range(50):
            try:
                os.kill(child, 0)
            except ProcessLookupError:
                break
            time.sleep(0.1)
        else:
            os.kill(child, signal.SIGKILL)
            raise AssertionError(f"server outlived newsbrief after {sig.name}")


def _through_middleware(path, body, chunks=1):
    """What an app behind ``StructuredOutputs`` receives for a request to ``path``."""
    seen = {}

    async def app(scope, receive, send):
        message = await receive()
        seen["body"], seen["headers"] = message["body"], dict(scope["headers"])

    size = -(-len(body) // chunks)
    parts = [body[i : i + size] for i in range(0, len(body), size)]
    messages = [
        {"type": "http.request", "body": part, "more_body": i < len(parts) - 1}
        for i, part in enumerate(parts)
    ]

    async def receive():
        return messages.pop(0)

    scope = {"type": "http", "path": path, "headers": [(b"content-length", b"1")]}
    asyncio.run(StructuredOutputs(app)(scope, receive, None))
    return seen


def test_the_embedded_server_takes_openai_structured_outputs_as_a_grammar_schema():
    schema = {"type": "object", "properties": {"Q1": {"type": "string"}}, "required": ["Q1"]}
    body = {
        "messages": [{"role": "user", "content": "hi"}],
        "response_format": {"type": "json_schema", "json_schema": {"name": "A", "schema": schema}},
    }
    seen = _through_middleware("/v1/chat/completions", json.dumps(body).encode(), chunks=3)
    sent = json.loads(seen["body"])
    assert sent["response_format"] == {"type": "json_object", "schema": schema}
    assert sent["messages"] == body["messages"]
    assert seen["headers"][b"content-length"] == str(len(seen["body"])).encode()


@pytest.mark.parametrize(
    "path, body",
    [
        ("/v1/chat/completions", b'{"messages": [], "response_format": {"type": "json_object"}}'),
        ("/v1/chat/completions", b"not json"),
        ("/v1/completions", b'{"response_format": {"type": "json_schema"}}'),
    ],
)
def test_other_requests_reach_the_embedded_server_unchanged(path, body):
    assert _through_middleware(path, body)["body"] == body


def test_the_embedded_model_and_local_servers_get_structured_outputs_hosted_ones_a_tool():
    assert answer_mode(resolve_settings(env={})) is instructor.Mode.JSON_SCHEMA
    for local in ("http://localhost:11434/v1", "http://192.168.1.20:1234/v1", "http://gpu:8000/v1"):
        settings = resolve_settings(env={"OPENAI_BASE_URL": local})
        assert answer_mode(settings) is instructor.Mode.JSON_SCHEMA, local
    for hosted in ("https://api.openai.com/v1", "https://api.groq.com/openai/v1"):
        settings = resolve_settings(env={"OPENAI_BASE_URL": hosted})
        assert answer_mode(settings) is instructor.Mode.TOOLS, hosted
    chosen = resolve_settings(base_url="http://localhost:1234/v1", answer_format="json")
    assert answer_mode(chosen) is instructor.Mode.JSON


def test_generation_uses_the_free_cores_only():
    from pipeline.model.embedded import generation_threads

    assert generation_threads(2, 0.1) == 2  # idle: both cores
    assert generation_threads(2, 1.0) == 1  # one core busy: one thread, not a stalled pair
    assert generation_threads(2, 3.5) == 1  # always at least one
    assert generation_threads(16, 4.2) == 12
