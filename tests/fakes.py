"""In-process stand-ins for a model, for run-level tests (the HTTP stub in ``tools.stub`` is
for transport faults only)."""

from __future__ import annotations

import contextlib
import dataclasses
import threading
import typing
from collections.abc import Callable, Iterator
from typing import Any

from pydantic import BaseModel, ValidationError

from pipeline.errors import ModelError
from pipeline.model.usage import Usage


def _choice(field: Any, speaker: str) -> str:
    """A quote's answer: ``speaker`` when it is one of the field's choices ("P2", "none"),
    else the first choice (the rules' guess, listed first)."""
    choices = typing.get_args(field.annotation)
    return speaker if speaker in choices else choices[0]


class FakeModel:
    """A ``Model`` answering in-process: every asked quote to ``speaker`` if it is one of the
    quote's choices (a candidate id or "none"), else to its first choice; every figure
    unclaimed, every actor neutral; the lede's first fact word for
    word. ``answer(response_model, messages, context)`` overrides the answer (a dict);
    ``fail`` makes every call raise ``ModelError``. Answers are validated against the
    article as the real client's are; ``calls`` lists each request's response model name."""

    def __init__(
        self,
        *,
        speaker: str = "Mark Rutte",
        identity: str = "fake|in-process|json_schema",
        fail: bool = False,
        answer: Callable[..., dict[str, Any]] | None = None,
    ) -> None:
        self.speaker = speaker
        self.identity = identity
        self.fail = fail
        self.answer = answer
        self.usage = Usage()
        self.concurrency = 1
        self.calls: list[str] = []
        self.messages: list[list[dict[str, str]]] = []
        self._tracked: Usage | None = None
        self.opened_on: threading.Thread | None = None

    def ask(self, response_model, messages, context):
        self.calls.append(response_model.__name__)
        self.messages.append(messages)
        self.usage.add(None, 0.0)
        if self._tracked is not None:
            self._tracked.add(None, 0.0)
        if self.fail:
            raise ModelError("the fake model always fails")
        data = (self.answer or self._default)(response_model, messages, context)
        try:
            return response_model.model_validate(data, context=context)
        except ValidationError:
            lenient = dataclasses.replace(context, lenient=True, dropped=context.dropped)
            try:
                return response_model.model_validate(data, context=lenient)
            except ValidationError as error:
                raise ModelError(str(error)) from error

    def _default(self, response_model: type[BaseModel], messages, context) -> dict[str, Any]:
        if response_model.__name__ == "LedeDraft":
            fact = context.facts[0]
            return {"sentences": [{"text": fact["text"], "sources": fact["sources"]}]}
        answer: dict[str, Any] = {}
        for key, field in response_model.model_fields.items():
            if key[1:].isdigit() and key[0] == "Q":
                answer[key] = _choice(field, self.speaker)
            elif key[1:].isdigit():
                answer[key] = {"F": None, "A": "neutral"}[key[0]]
        return answer

    @contextlib.contextmanager
    def tracking(self, usage: Usage) -> Iterator[Usage]:
        self._tracked = usage
        try:
            yield usage
        finally:
            self._tracked = None

    def close(self) -> None:
        pass

    def open(self) -> None:
        self.opened_on = threading.current_thread()
