"""Counts of model work: a small module of its own, so that a run served wholly from the
cache never imports the model client (``openai`` and ``instructor`` take about a second to
import)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Usage:
    """Counts of model work, summed over calls (thread-safe).

    ``calls`` counts every call made, answered or failed (``failed_calls`` of them failed);
    ``seconds`` is the time spent waiting on the model, failed attempts and the backoff
    between retries included."""

    calls: int = 0
    failed_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_prompt_tokens: int = 0
    seconds: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def add(self, response: Any, seconds: float, *, failed: bool = False) -> None:
        """Count one call that took ``seconds``; ``response`` (None for a failed call) gives
        the tokens."""
        usage = getattr(response, "usage", None)
        details = getattr(usage, "prompt_tokens_details", None)
        with self._lock:
            self.calls += 1
            self.failed_calls += int(failed)
            self.seconds += seconds
            self.prompt_tokens += getattr(usage, "prompt_tokens", 0) or 0
            self.completion_tokens += getattr(usage, "completion_tokens", 0) or 0
            self.cached_prompt_tokens += getattr(details, "cached_tokens", 0) or 0

    def wait(self, seconds: float) -> None:
        """Count a backoff wait between retries as time spent on the model."""
        with self._lock:
            self.seconds += seconds

    def snapshot(self) -> dict[str, float]:
        with self._lock:
            return {
                "calls": self.calls,
                "failed_calls": self.failed_calls,
                "prompt_tokens": self.prompt_tokens,
                "completion_tokens": self.completion_tokens,
                "cached_prompt_tokens": self.cached_prompt_tokens,
                "seconds": self.seconds,
            }
