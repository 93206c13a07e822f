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


def model_identity(settings: Settings) -> str:
    """'model|endpoint|answer format': what a cached answer depends on besides the article."""
    endpoint = settings.base_url or "embedded"
    return f"{settings.model}|{endpoint.rstrip('/')}|{settings.answer_format}"


class ModelSession:
    """The configured model (embedded server, endpoint, or a replayed cassette), opened on the
    first question only: a run whose articles all come from the cache starts no server and
    imports no model client.

    Use as a context manager; leaving the block stops what was started (the embedded server,
    a recording). ``start_seconds`` is how long opening took (0 if never opened)."""

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
                stack.enter_context(recording(self.record))
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
