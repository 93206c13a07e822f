"""Model calls through the OpenAI Batch API (``--batch``): half the price for large jobs, answers
within the batch's completion window instead of at once.

The pipeline runs as usual; ``BatchTransport`` stands where the HTTP call would be. A request it
has an answer for is answered at once; any other is queued and ``BatchPending`` raised, which
leaves that article (or the lede) for the next round. ``flush`` sends the queue as one batch
(a JSONL file uploaded with purpose "batch", then ``POST /batches`` on
``/v1/chat/completions``), waits for it, and keeps the answers. Rounds repeat until every
article is done: the first asks every article's first question; later rounds carry re-asks
(instructor builds them from the answer that failed, as it would live), the further parts of
long articles, near-copies' own text and the lede. Every answer is validated exactly as a live
one, and each finished article goes to the cache at once, so an interrupted batch run resumes.
"""

from __future__ import annotations

import io
import json
import threading
import time
from collections.abc import Callable
from typing import Any

import openai
from openai.types.chat import ChatCompletion

from ..errors import BatchPending, EndpointError

#: How a batch ends when it does not complete.
_FAILED = frozenset({"failed", "expired", "cancelled", "cancelling"})


def request_key(body: dict[str, Any]) -> str:
    """The identity of a request body (its canonical JSON)."""
    return json.dumps(body, sort_keys=True, ensure_ascii=False)


class BatchTransport:
    """``create(**body)`` for ``ModelClient``: an answer from a finished batch, else the body
    is queued and ``BatchPending`` raised.

    ``raw`` is the ``openai.OpenAI`` client of the endpoint (files and batches go to the same
    base URL); ``poll_s`` is the wait between status checks; ``window`` the batch's
    completion window ('24h', the one OpenAI offers). Thread-safe."""

    def __init__(
        self,
        raw: openai.OpenAI,
        *,
        poll_s: float = 30.0,
        window: str = "24h",
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.raw = raw
        self.poll_s = poll_s
        self.window = window
        self.sleep = sleep
        self.batches: list[str] = []
        """Ids of the batches sent, in order."""
        self._answers: dict[str, ChatCompletion | EndpointError] = {}
        self._pending: dict[str, dict[str, Any]] = {}
        self._served: set[int] = set()
        self._lock = threading.Lock()

    def __call__(self, **body: Any) -> ChatCompletion:
        key = request_key(body)
        with self._lock:
            answer = self._answers.get(key)
            if answer is None:
                self._pending[key] = body
                raise BatchPending("queued for the next batch")
        if isinstance(answer, EndpointError):
            raise answer
        return answer

    def fresh(self, response: ChatCompletion) -> bool:
        """True the first time ``response`` is served (later rounds serve it again: a call
        is counted once)."""
        with self._lock:  # by identity: each answer is one object, kept in ``_answers``
            if id(response) in self._served:
                return False
            self._served.add(id(response))
            return True

    @property
    def pending(self) -> int:
        with self._lock:
            return len(self._pending)

    def flush(self) -> int:
        """Send the queued requests as one batch, wait for it, keep its answers; return how
        many requests it answered (0 when none was queued). Raises ``EndpointError`` when the
        batch fails, expires or is cancelled, or a file cannot be sent or fetched."""
        with self._lock:
            queued, self._pending = self._pending, {}
        if not queued:
            return 0
        ids = {f"r{len(self.batches)}-{n}": key for n, key in enumerate(queued)}
        lines = [
            json.dumps(
                {
                    "custom_id": custom_id,
                    "method": "POST",
                    "url": "/v1/chat/completions",
                    "body": queued[key],
                },
                ensure_ascii=False,
            )
            for custom_id, key in ids.items()
        ]
        try:
            upload = self.raw.files.create(
                file=("newsbrief-batch.jsonl", io.BytesIO("\n".join(lines).encode() + b"\n")),
                purpose="batch",
            )
            batch = self.raw.batches.create(
                input_file_id=upload.id,
                endpoint="/v1/chat/completions",
                completion_window=self.window,  # type: ignore[arg-type]
                metadata={"client": "newsbrief"},
            )
            self.batches.append(batch.id)
            while batch.status not in ("completed", *_FAILED):
                self.sleep(self.poll_s)
                batch = self.raw.batches.retrieve(batch.id)
            if batch.status != "completed":
                raise EndpointError(
                    f"batch {batch.id} ended '{batch.status}' with {len(ids)} requests; run "
                    "again (finished articles are cached) or without --batch"
                )
            answered = self._read(batch.output_file_id, ids, ok=True)
            answered += self._read(batch.error_file_id, ids, ok=False)
        except openai.APIError as error:
            raise EndpointError(f"the Batch API failed: {error}") from error
        with self._lock:
            for key in set(ids.values()) - set(self._answers):
                self._answers[key] = EndpointError("the batch returned no answer for a request")
        return answered

    def _read(self, file_id: str | None, ids: dict[str, str], *, ok: bool) -> int:
        if not file_id:
            return 0
        text = self.raw.files.content(file_id).text
        count = 0
        for line in text.splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            key = ids.get(record.get("custom_id", ""))
            if key is None:
                continue
            response = record.get("response") or {}
            if ok and response.get("status_code") == 200:
                answer: ChatCompletion | EndpointError = ChatCompletion.model_validate(
                    response["body"]
                )
            else:
                error = record.get("error") or response.get("body", {}).get("error") or {}
                answer = EndpointError(
                    f"the batch could not answer a request: {error.get('message', error)}"
                )
            with self._lock:
                self._answers[key] = answer
            count += 1
        return count
