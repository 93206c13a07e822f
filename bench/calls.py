"""What each model call cost, for the benchmark: the server's log, the client's records and
the floor a story's model time cannot go below. Pure, apart from ``CallRecorder``'s hooks.

- ``server_calls`` parses llama.cpp's per-request timings (the embedded server is llama.cpp
  through llama-cpp-python): prompt tokens reused from the prefix cache and evaluated, with
  the milliseconds they took, and tokens generated, with theirs.
- ``CallRecorder`` listens to instructor's hooks on the client: each call's tokens, whether it
  is a re-ask and why (the previous answer's validation error), and the article it was for.
- ``story_figures`` sums one story's calls into its speeds and its floor: the unique article
  tokens at the measured prompt speed plus the answer tokens at the measured generation
  speed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# llama.cpp logs, for every request (llama-cpp-python says "runs" where llama.cpp's own
# server says "tokens" for what it generated):
#   Llama.generate: 406 prefix-match hit, remaining 1911 prompt tokens to eval
#   prompt eval time =   27340.38 ms /  1911 tokens (   14.31 ms per token,    69.90 tokens ...)
#          eval time =   16066.48 ms /   239 runs   (   67.22 ms per token,    14.88 tokens ...)
_REUSED = re.compile(r"(\d+) prefix-match hit")
_PROMPT = re.compile(r"prompt eval time\s*=\s*([\d.]+) ms /\s*(\d+) tokens")
_GENERATED = re.compile(r"(?<!prompt )eval time\s*=\s*([\d.]+) ms /\s*(\d+) (?:runs|tokens)")


@dataclass(frozen=True)
class ServerCall:
    """One request as llama.cpp's log tells it."""

    reused: int
    """Prompt tokens taken from the prefix cache (not evaluated)."""
    evaluated: int
    """Prompt tokens evaluated."""
    prompt_ms: float
    """Milliseconds spent evaluating them."""
    generated: int = 0
    """Tokens generated (llama-cpp-python counts the sampled tokens after the first)."""
    generation_ms: float = 0.0

    @property
    def prompt_speed(self) -> float | None:
        """Prompt tokens evaluated per second (None when the log shows no time)."""
        return self.evaluated / self.prompt_ms * 1000 if self.prompt_ms > 0 else None

    @property
    def generation_speed(self) -> float | None:
        """Tokens generated per second (None when the log shows no time)."""
        return self.generated / self.generation_ms * 1000 if self.generation_ms > 0 else None


def server_calls(log: str) -> list[ServerCall]:
    """The requests of llama.cpp's ``log`` (text), in order. A request is counted at its
    "prompt eval time" line; the "prefix-match hit" line before it gives the tokens reused
    (0 when absent: the first request, or nothing shared) and the "eval time" line after it
    the tokens generated. Lines of anything else are ignored."""
    calls: list[ServerCall] = []
    reused = 0
    generation_open = False
    for line in log.splitlines():
        if hit := _REUSED.search(line):
            reused = int(hit.group(1))
        elif prompt := _PROMPT.search(line):
            calls.append(ServerCall(reused, int(prompt.group(2)), float(prompt.group(1))))
            reused, generation_open = 0, True
        elif (generated := _GENERATED.search(line)) and generation_open:
            last = calls[-1]
            calls[-1] = ServerCall(
                last.reused,
                last.evaluated,
                last.prompt_ms,
                int(generated.group(2)),
                float(generated.group(1)),
            )
            generation_open = False
    return calls


def server_requests(log: str) -> list[tuple[int, int]]:
    """(prompt tokens reused from the prefix cache, prompt tokens evaluated) per request,
    in order, from llama.cpp's log."""
    return [(c.reused, c.evaluated) for c in server_calls(log)]


@dataclass
class CallRecord:
    """One model call as the client saw it."""

    article: str = ""
    """The article's path (set when the article is done); "lede" for the opening paragraph."""
    story: str = ""
    prompt_tokens: int = 0
    completion_tokens: int = 0
    reask: str | None = None
    """Why this call was made again: the previous answer's validation error (None: a first
    question)."""
    rejected: str | None = None
    """This answer's validation error, when it had one (re-asked, or parsed leniently)."""


def _first_line(error: object) -> str:
    text = str(error).strip()
    lines = [line for line in text.splitlines() if line.strip()]
    # pydantic: "1 validation error for X" then the field and the message
    return " / ".join(line.strip() for line in lines[1:3]) if len(lines) > 1 else text[:200]


@dataclass
class CallRecorder:
    """Records every call an instructor client makes (``attach``), one at a time (the embedded
    model runs at concurrency 1). A call is a re-ask when its messages extend the previous
    first question's messages (instructor appends the answer and its error to them)."""

    calls: list[CallRecord] = field(default_factory=list)
    story: str = ""
    _asked: list[Any] = field(default_factory=list)

    def attach(self, client: Any) -> None:
        """Listen to ``client``'s hooks (an instructor client's ``on``)."""
        client.on("completion:kwargs", self.asked)
        client.on("completion:response", self.answered)
        client.on("parse:error", self.rejected)

    def asked(self, *args: Any, **kwargs: Any) -> None:
        messages = list(kwargs.get("messages") or [])
        first = self._asked
        again = bool(first) and len(messages) > len(first) and messages[: len(first)] == first
        reason = None
        if again:
            reason = (self.calls[-1].rejected if self.calls else None) or "(no error recorded)"
        else:
            self._asked = messages
        self.calls.append(CallRecord(story=self.story, reask=reason))

    def answered(self, response: Any) -> None:
        usage = getattr(response, "usage", None)
        if self.calls and usage is not None:
            self.calls[-1].prompt_tokens = getattr(usage, "prompt_tokens", 0) or 0
            self.calls[-1].completion_tokens = getattr(usage, "completion_tokens", 0) or 0

    def rejected(self, error: Exception, *args: Any, **kwargs: Any) -> None:
        if self.calls:
            self.calls[-1].rejected = _first_line(error)

    def finished(self, path: str) -> None:
        """The article at ``path`` is done: the calls not yet given an article were for it
        (a ``run_folder`` progress callback; an empty path is the start of a round)."""
        if not path:
            return
        for call in self.calls:
            if not call.article and call.story == self.story:
                call.article = path

    def close_story(self, rest: str = "lede") -> None:
        """The story is done: its calls after the last article were for ``rest``."""
        self.finished(rest)


@dataclass(frozen=True)
class StoryFigures:
    """One story's model work, summed over its calls, and its floor."""

    calls: int
    reasks: int
    evaluated: int
    reused: int
    completion_tokens: int
    answer_tokens: int
    """Completion tokens of first questions only: what the answers need, re-asks aside."""
    prompt_speed: float | None
    """Prompt tokens evaluated per second, over all the story's calls."""
    generation_speed: float | None
    unique_tokens: int
    """Tokens of the article text sent to the model, near-copies' shared text left out."""
    floor_s: float | None
    """``unique_tokens / prompt_speed + answer_tokens / generation_speed``."""

    @property
    def evaluated_per_unique(self) -> float | None:
        return self.evaluated / self.unique_tokens if self.unique_tokens else None

    def wall_per_floor(self, wall: float) -> float | None:
        return wall / self.floor_s if self.floor_s else None


def floor_seconds(
    unique_tokens: int,
    prompt_speed: float | None,
    answer_tokens: int,
    generation_speed: float | None,
) -> float | None:
    """The least model time a story can take: its unique article tokens evaluated once at
    ``prompt_speed`` (tokens/s) plus ``answer_tokens`` generated at ``generation_speed``
    (tokens/s); None without both speeds."""
    if not prompt_speed or not generation_speed:
        return None
    return unique_tokens / prompt_speed + answer_tokens / generation_speed


def story_figures(
    records: list[CallRecord], server: list[ServerCall], unique_tokens: int
) -> StoryFigures:
    """Sum one story's calls: ``records`` (the client's) and ``server`` (the log's, the same
    calls in the same order; extra ones on either side are left out of the sums they feed)."""
    evaluated = sum(c.evaluated for c in server)
    prompt_ms = sum(c.prompt_ms for c in server)
    generated = sum(c.generated for c in server)
    generation_ms = sum(c.generation_ms for c in server)
    prompt_speed = evaluated / prompt_ms * 1000 if prompt_ms > 0 else None
    generation_speed = generated / generation_ms * 1000 if generation_ms > 0 else None
    answer = sum(r.completion_tokens for r in records if r.reask is None)
    return StoryFigures(
        calls=len(records),
        reasks=sum(1 for r in records if r.reask is not None),
        evaluated=evaluated,
        reused=sum(c.reused for c in server),
        completion_tokens=sum(r.completion_tokens for r in records),
        answer_tokens=answer,
        prompt_speed=prompt_speed,
        generation_speed=generation_speed,
        unique_tokens=unique_tokens,
        floor_s=floor_seconds(unique_tokens, prompt_speed, answer, generation_speed),
    )
