"""The seam between the pipeline and whatever answers its questions.

``run_folder`` is handed a ``Model``: the real client behind an endpoint or the embedded
server (``ModelSession``, opened on first use), a replayed cassette (also a ``ModelSession``),
or an in-process fake in tests. ``None`` means a run without any model: rules only.

This module imports neither ``openai`` nor ``instructor``: a run served wholly from the cache
never pays for them.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from pydantic import BaseModel

from ..errors import EndpointConfigError, redact
from ..settings import Settings
from .usage import Usage

if TYPE_CHECKING:
    from .client import ModelClient

T = TypeVar("T", bound=BaseModel)


class Model(Protocol):
    """Anything that turns messages into a validated response model.

    - ``identity``: what answers, for cache keys ('model|endpoint|answer format'); two
      identities never share cached answers.
    - ``usage``: calls, tokens and seconds spent so far (``Usage``).
    - ``concurrency``: how many articles to send at once by default.
    - ``ask``: the validated answer, checked against ``context``; raises ``ModelError`` when the
      model gives no usable answer, ``EndpointError`` when the endpoint cannot be reached.
    - ``tracking(usage)``: also count this thread's calls into ``usage`` within the block.
    - ``close()``: stop calls in flight and retries (on interrupt).

    A model may also have ``flush_batch() -> int`` (``ModelSession`` with ``--batch``): its
    ``ask`` then raises ``BatchPending`` for a question not yet answered, and ``flush_batch``
    sends those as one batch and waits; the run asks again after it.
    """

    identity: str
    usage: Usage
    concurrency: int

    def ask(
        self, response_model: type[T], messages: list[dict[str, str]], context: dict[str, Any]
    ) -> T: ...

    def tracking(self, usage: Usage) -> contextlib.AbstractContextManager[Usage]: ...

    def close(self) -> None: ...

    def open(self) -> None: ...


def model_identity(settings: Settings) -> str:
    """'model|endpoint|answer format': what a cached answer depends on besides the article."""
    endpoint = settings.base_url or "embedded"
    return f"{settings.model}|{endpoint.rstrip('/')}|{settings.answer_format}"


#: Seconds the check before a run waits for the endpoint.
CHECK_TIMEOUT_S = 15.0


def check_endpoint(settings: Settings, *, timeout_s: float = CHECK_TIMEOUT_S) -> None:
    """Check the configured endpoint once, before any article is read: reachable, the path
    right, the key accepted, the model known. Raises ``EndpointConfigError`` naming the URL,
    the model or the key's origin and what to try; returns None when the run can go ahead.

    ``GET {base_url}/models`` answers most of it; a model it does not list (llama.cpp
    serves one model under any name) and a server without ``/models`` are tried with a
    one-token chat request. Uses plain httpx: nothing is recorded, nothing counted."""
    import httpx

    from .client import key_hint

    url = settings.base_url
    if url is None:
        return
    headers = {"Authorization": f"Bearer {settings.api_key}"}
    timeout = min(timeout_s, settings.timeout_s)

    def refused(response: httpx.Response) -> EndpointConfigError:
        return EndpointConfigError(
            f"{url} refused the API key (HTTP {response.status_code}): {key_hint(settings)}."
        )

    def probe(http: httpx.Client) -> httpx.Response:
        body = {
            "model": settings.model,
            "messages": [{"role": "user", "content": "Reply with OK."}],
            "max_tokens": 1,
        }
        return http.post(f"{url}/chat/completions", json=body, headers=headers)

    try:
        with httpx.Client(timeout=timeout) as http:
            listed = http.get(f"{url}/models", headers=headers)
            if listed.status_code in (401, 403):
                raise refused(listed)
            models = _model_ids(listed)
            if models is None:
                answer = probe(http)
                if answer.status_code in (401, 403):
                    raise refused(answer)
                if answer.status_code == 404:
                    raise EndpointConfigError(_path_advice(http, url, headers))
                return
            if settings.model in models:
                return
            answer = probe(http)
            if answer.status_code in (401, 403):
                raise refused(answer)
            if answer.status_code == 404 or (
                answer.status_code == 400 and "model" in answer.text.lower()
            ):
                shown = ", ".join(models[:12]) + (" …" if len(models) > 12 else "")
                raise EndpointConfigError(
                    f"{url} does not serve the model {settings.model!r}"
                    f"{' (the default for an endpoint)' if _is_default(settings) else ''}; "
                    f"it serves: {shown or 'no model'}. Name one with --model/-m or "
                    "NEWSBRIEF_MODEL."
                )
    except (httpx.ConnectError, httpx.UnsupportedProtocol, httpx.InvalidURL) as error:
        reason = redact(
            str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__,
            settings.api_key,
        )
        raise EndpointConfigError(
            f"cannot connect to {url}: {reason}. Is the server running, and are the host and "
            "port right?"
        ) from error
    except httpx.TimeoutException as error:
        raise EndpointConfigError(
            f"{url} did not answer within {timeout:g} s. Is the server running and the URL right?"
        ) from error
    except httpx.HTTPError as error:
        raise EndpointConfigError(
            f"{url} could not be checked: {redact(str(error), settings.api_key)}. Check the URL."
        ) from error


def _is_default(settings: Settings) -> bool:
    from ..settings import REMOTE_DEFAULT_MODEL

    return settings.model == REMOTE_DEFAULT_MODEL


def _model_ids(response: Any) -> list[str] | None:
    """The model ids of a ``/models`` reply, or None when it is not such a list."""
    if response.status_code != 200:
        return None
    try:
        data = response.json().get("data")
        return [str(item["id"]) for item in data]
    except (ValueError, AttributeError, TypeError, KeyError):
        return None


def _path_advice(http: Any, url: str, headers: dict[str, str]) -> str:
    """The message for a base URL whose API paths all answer 404."""
    advice = (
        f"{url} answers 404 for /models and /chat/completions: the URL should end where the "
        "server's OpenAI-compatible API starts"
    )
    if not url.rstrip("/").endswith("/v1"):
        try:
            if _model_ids(http.get(f"{url}/v1/models", headers=headers)) is not None:
                return f"{advice}; try --base-url {url}/v1"
        except Exception:  # noqa: BLE001 - advice only
            pass
        return f"{advice} (a missing /v1?)"
    return advice + "."


class ModelSession:
    """The configured model (embedded server, endpoint, or a replayed cassette), opened on the
    first question only: a run whose articles all come from the cache starts no server and
    imports no model client.

    Use as a context manager; leaving the block stops what was started (the embedded server,
    a recording). ``start_seconds`` is how long opening took (0 if never opened)."""

    def check(self) -> None:
        """Check the endpoint before the run (``check_endpoint``); nothing to check for a
        replay or the embedded model."""
        if self.replay is None and not self.settings.embedded:
            check_endpoint(self.settings)

    def __init__(
        self, settings: Settings, *, replay: Path | None = None, record: Path | None = None
    ) -> None:
        self.settings = settings
        self.replay = replay
        self.record = record
        self.identity = model_identity(settings)
        self.concurrency = 1 if settings.embedded else 4
        self.start_seconds = 0.0
        self._stack = contextlib.ExitStack()
        self._client: ModelClient | None = None
        self._lock = threading.Lock()
        self._idle_usage = Usage()

    def __enter__(self) -> ModelSession:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stack.close()

    @property
    def usage(self) -> Usage:  # type: ignore[override]
        return self._client.usage if self._client is not None else self._idle_usage

    @property
    def opened(self) -> bool:
        return self._client is not None

    def open(self) -> None:
        """Open the endpoint now, on this thread (the embedded server dies with the thread
        that started it, so it is never started from a worker thread)."""
        self.client()

    def client(self) -> ModelClient:
        """The model client, opening the endpoint on first use only."""
        with self._lock:
            if self._client is None:
                began = time.perf_counter()
                base_url = self._stack.enter_context(self._endpoint())
                from .client import ModelClient

                self._client = ModelClient(self.settings, base_url)
                self.start_seconds = time.perf_counter() - began
            return self._client

    @contextlib.contextmanager
    def _endpoint(self) -> Iterator[str]:
        from .replay import REPLAY_BASE_URL, recording, replaying

        with contextlib.ExitStack() as stack:
            if self.replay is not None:
                stack.enter_context(replaying(self.replay))
                yield self.settings.base_url or REPLAY_BASE_URL
                return
            if self.record is not None:
                stack.enter_context(recording(self.record, secrets=[self.settings.api_key]))
            if self.settings.embedded:
                from .embedded import EmbeddedServer

                server = stack.enter_context(EmbeddedServer(self.settings.cache_dir))
                yield server.base_url
            else:
                yield self.settings.base_url  # type: ignore[misc]

    def ask(
        self, response_model: type[T], messages: list[dict[str, str]], context: dict[str, Any]
    ) -> T:
        return self.client().ask(response_model, messages, context)

    @contextlib.contextmanager
    def tracking(self, usage: Usage) -> Iterator[Usage]:
        with self.client().tracking(usage):
            yield usage

    def flush_batch(self) -> int:
        """With ``--batch``: send the queued requests as one batch and wait for its answers;
        how many it answered (0: nothing queued, or no batch)."""
        if self._client is None or self._client.batch is None:
            return 0
        return self._client.batch.flush()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
