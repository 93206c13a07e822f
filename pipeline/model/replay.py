"""Recorded model traffic: replay a cassette instead of calling a model, or record one.

One configuration serves the CLI (``--replay`` / ``--record``) and the test suite, so a
cassette recorded by either replays in both. Requests match on method, path and the parsed
JSON body (host and port differ between runs); secrets are scrubbed before anything is saved.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import vcr
from vcr.errors import CannotOverwriteExistingCassetteException

from ..errors import ReplayError, redact

#: Headers that may carry credentials or identify an account; never written to a cassette.
SECRET_HEADERS = (
    "authorization",
    "api-key",
    "x-api-key",
    "openai-organization",
    "openai-project",
    "cookie",
    "set-cookie",
)
#: Host every replayed request goes to; recorded hosts and ports vary and are not matched.
REPLAY_BASE_URL = "http://127.0.0.1:8080/v1"


def json_body(r1: Any, r2: Any) -> None:
    """vcrpy matcher: the request bodies are equal as parsed JSON."""
    assert _parsed(r1.body) == _parsed(r2.body), "JSON bodies differ"


def _parsed(body: bytes | str | None) -> Any:
    if not body:
        return None
    try:
        return json.loads(body)
    except ValueError:
        return body


def _scrub_request(request: Any) -> Any:
    for header in list(request.headers):
        if header.lower() in SECRET_HEADERS:
            del request.headers[header]
    return request


def _carries(value: Any, secrets: list[str]) -> bool:
    values = value if isinstance(value, list) else [value]
    return any(secret in str(v) for v in values for secret in secrets)


def _scrub_response(response: dict[str, Any], secrets: list[str] | None = None) -> dict[str, Any]:
    """Drop credential headers and any header that carries a configured key (a server may
    echo it back); redact the key from the body."""
    secrets = [s for s in secrets or [] if s and len(s) >= 8]
    headers = response.get("headers", {})
    for header in list(headers):
        if header.lower() in SECRET_HEADERS or _carries(headers[header], secrets):
            del headers[header]
    body = response.get("body", {})
    data = body.get("string") if isinstance(body, dict) else None
    if secrets and data:
        text = data.decode("utf-8", "surrogateescape") if isinstance(data, bytes) else data
        cleaned = redact(text, *secrets)
        if cleaned != text:
            body["string"] = (
                cleaned.encode("utf-8", "surrogateescape") if isinstance(data, bytes) else cleaned
            )
    return response


VCR_CONFIG: dict[str, Any] = {
    "match_on": ["method", "path", "json_body"],
    "filter_headers": list(SECRET_HEADERS),
    "before_record_request": _scrub_request,
    "before_record_response": _scrub_response,
    "decode_compressed_response": True,
}


def make_vcr(*, secrets: list[str] | None = None, **overrides: Any) -> vcr.VCR:
    """A ``vcr.VCR`` with newsbrief's matching and scrubbing; ``secrets`` (configured keys)
    are removed from every recorded response, headers and body."""
    config = {**VCR_CONFIG, **overrides}
    if secrets:
        config["before_record_response"] = lambda r: _scrub_response(r, list(secrets))
    recorder = vcr.VCR(**config)
    recorder.register_matcher("json_body", json_body)
    return recorder


def recorded_settings(cassette: Path) -> dict[str, str]:
    """What a cassette was recorded with, read from its first chat request: ``model``,
    ``answer_format`` ('tools', 'json_schema' or 'json') and ``base_url`` (the recorded URL
    up to ``/chat/completions``, so that paths match). Empty when it holds no chat request;
    ``ReplayError`` when it cannot be read."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(Path(cassette).read_text(encoding="utf-8"), Loader=loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ReplayError(f"{cassette} cannot be read as a cassette: {error}") from error
    for interaction in (data or {}).get("interactions", []) if isinstance(data, dict) else []:
        request = interaction.get("request", {}) if isinstance(interaction, dict) else {}
        uri = str(request.get("uri", ""))
        if not uri.endswith("/chat/completions"):
            continue
        body = _parsed(request.get("body"))
        if not isinstance(body, dict):
            continue
        if body.get("tools"):
            answer_format = "tools"
        elif (body.get("response_format") or {}).get("type") == "json_schema":
            answer_format = "json_schema"
        else:
            answer_format = "json"
        return {
            "model": str(body.get("model", "")),
            "answer_format": answer_format,
            "base_url": uri[: -len("/chat/completions")],
        }
    return {}


@contextlib.contextmanager
def replaying(cassette: Path) -> Iterator[None]:
    """Serve every model request from ``cassette``; an unrecorded request is an error."""
    if not Path(cassette).is_file():
        raise ReplayError(f"No cassette at {cassette}. Record one with --record {cassette}.")
    try:
        with make_vcr(record_mode="none").use_cassette(str(cassette), allow_playback_repeats=True):
            yield
    except CannotOverwriteExistingCassetteException as error:
        raise ReplayError(
            f"{cassette} has no recorded answer for a request of this run (were the articles, "
            "prompts or --model changed since it was recorded?). Re-record it with --record."
        ) from error


@contextlib.contextmanager
def recording(cassette: Path, secrets: list[str] | None = None) -> Iterator[None]:
    """Record every model request of the run into ``cassette``, replacing it once the run is
    over (vcrpy would otherwise append to the old recording); an interrupted run leaves the
    old cassette as it was. ``secrets`` are scrubbed from what the server sent back."""
    cassette = Path(cassette)
    cassette.parent.mkdir(parents=True, exist_ok=True)
    fresh = cassette.with_name(f".{cassette.name}.recording")
    fresh.unlink(missing_ok=True)
    try:
        with make_vcr(record_mode="all", secrets=secrets).use_cassette(str(fresh)):
            yield
    except BaseException:
        fresh.unlink(missing_ok=True)
        raise
    if fresh.exists():
        fresh.replace(cassette)


def settings_for_replay(settings: Any, cassette: Path) -> Any:
    """``settings`` (a ``pipeline.settings.Settings``) with the model, answer format and URL
    path ``cassette`` was recorded with, whatever the environment says, and the dummy key:
    a replay needs only the cassette. Unchanged when the cassette is missing (the replay
    itself reports it) or holds no chat request."""
    from dataclasses import replace

    from ..settings import DUMMY_API_KEY

    if not Path(cassette).is_file():
        return settings
    recorded = recorded_settings(cassette)
    if not recorded:
        return settings
    return replace(
        settings,
        base_url=recorded["base_url"],
        model=recorded["model"] or settings.model,
        answer_format=recorded["answer_format"],
        api_key=DUMMY_API_KEY,
        key_source=None,
    )
