"""The model edge: instructor over the ``openai`` client, with two kinds of retry kept apart.

- Transport failures (429, 5xx, timeouts, refused or reset connections) are retried by
  tenacity with exponential backoff, honouring ``Retry-After``.
- Answers that fail schema validation are re-asked through instructor's ``max_retries``;
  when the re-asks are used up, the last answer is parsed leniently: items that still fail
  are dropped and counted, never passed on as fact.
"""

from __future__ import annotations

import contextlib
import functools
import json
import threading
import time
import weakref
from collections.abc import Iterator
from typing import Any, TypeVar, cast

import httpx
import instructor
import openai
from instructor import openai_schema
from instructor.core import IncompleteOutputException, InstructorRetryException
from openai.types.chat import ChatCompletion
from pydantic import BaseModel, ValidationError
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential_jitter,
)

from schemas.model_io import checking_against

from ..errors import BatchPending, EndpointError, ModelError
from ..settings import Settings
from .batch import BatchTransport
from .usage import Usage

T = TypeVar("T", bound=BaseModel)

MAX_RETRY_AFTER_S = 60.0


def is_transient(error: BaseException) -> bool:
    """True for failures worth retrying as they are: rate limits, 5xx, timeouts, resets.

    A connection error counts only when the network caused it (not, say, a replayed
    cassette that has no answer for the request).
    """
    if isinstance(error, openai.APIConnectionError):
        return isinstance(error, openai.APITimeoutError) or _network_caused(error)
    return isinstance(error, (openai.RateLimitError, openai.InternalServerError)) or (
        isinstance(error, openai.APIStatusError) and error.status_code in (408, 409, 429)
    )


def _chain(error: BaseException) -> Iterator[BaseException]:
    """The exception and every exception it was raised from or during."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _network_caused(error: BaseException) -> bool:
    return any(isinstance(e, (httpx.TransportError, OSError)) for e in _chain(error))


def root_cause(error: BaseException) -> BaseException:
    """The innermost exception of a chain."""
    return list(_chain(error))[-1]


def _wait(state: RetryCallState) -> float:
    """``Retry-After`` when the server sends it, else exponential backoff with jitter."""
    error = state.outcome.exception() if state.outcome else None
    response = getattr(error, "response", None)
    header = response.headers.get("retry-after") if response is not None else None
    if header:
        try:
            return min(float(header), MAX_RETRY_AFTER_S)
        except ValueError:
            pass
    return wait_exponential_jitter(initial=1, max=30)(state)


#: instructor's mode for each answer format (``Settings.answer_format``).
ANSWER_MODES = {
    "json_schema": instructor.Mode.JSON_SCHEMA,
    "tools": instructor.Mode.TOOLS,
    "json": instructor.Mode.JSON,
}


def answer_mode(settings: Settings) -> instructor.Mode:
    """How the answer's schema reaches the model (``Settings.answer_format``).

    The embedded server takes OpenAI's structured outputs (``pipeline.model.embedded_server``):
    the schema becomes a grammar and stays out of the prompt, which the CPU model would
    otherwise evaluate with every article. Endpoints get a named tool call by default; their
    prompt caches and speed make the schema's tokens cheap."""
    return ANSWER_MODES[settings.answer_format]


def _remember_async_validator_checks() -> None:
    """Let instructor check each response model class for async validators once.

    instructor 1.17 walks the response model's class and fields for async validators seven
    times per call (about 1 ms a call for an article's schema, a fifth of the client's CPU
    per article). The answer depends only on the class, so a class that passed is
    remembered; one that fails is checked, and rejected, every time. Without those
    internals (another instructor version) nothing changes."""
    try:
        from instructor.v2.core import patch
        from instructor.v2.validation import async_validators
    except ImportError:  # pragma: no cover - another instructor layout
        return
    check = async_validators.reject_async_validators
    if getattr(check, "remembers", False):
        return
    passed: weakref.WeakSet[type] = weakref.WeakSet()

    def reject_async_validators(response_model: Any) -> None:
        if not isinstance(response_model, type):
            check(response_model)
        elif response_model not in passed:
            check(response_model)
            passed.add(response_model)

    reject_async_validators.remembers = True  # type: ignore[attr-defined]
    async_validators.reject_async_validators = reject_async_validators
    if getattr(patch, "reject_async_validators", None) is check:
        patch.reject_async_validators = reject_async_validators


_remember_async_validator_checks()

#: Keyword arguments of ``create`` that are request options, not body fields.
_REQUEST_OPTIONS = frozenset({"extra_headers", "extra_query", "extra_body", "timeout", "stream"})


def _direct_create(raw: openai.OpenAI, create: Any) -> Any:
    """``create`` for the plain JSON bodies instructor builds, posted as they are.

    ``create`` first walks the whole body against the SDK's typed parameter definitions
    (every message, the tool schema), about 1.3 ms a call that changes nothing in such a
    body; with 16 requests in flight that time is spent under the GIL while other answers
    wait. The body goes through the client's documented ``post`` instead, with the same
    response type; anything with request options or streaming keeps ``create``."""

    def direct(**kwargs: Any) -> Any:
        if _REQUEST_OPTIONS & kwargs.keys():
            return create(**kwargs)
        return raw.post("/chat/completions", body=kwargs, cast_to=ChatCompletion)

    return direct


class ModelClient:
    """Ask a model for a Pydantic model; count calls, tokens and time spent waiting.

    ``usage`` sums every call; ``tracking(usage)`` also counts the calls made by the current
    thread into another ``Usage`` (one per article, when articles run concurrently).
    """

    def __init__(
        self,
        settings: Settings,
        base_url: str,
        *,
        mode: instructor.Mode | None = None,
        wait=None,
    ) -> None:
        self.settings = settings
        self.mode = mode or answer_mode(settings)
        self.usage = Usage()
        self._local = threading.local()
        self._closed = threading.Event()
        raw = openai.OpenAI(
            base_url=base_url, api_key=settings.api_key, max_retries=0, timeout=settings.timeout_s
        )
        completions = raw.chat.completions
        self.batch = BatchTransport(raw, poll_s=settings.batch_poll_s) if settings.batch else None
        create = self.batch or _direct_create(raw, completions.create)
        counted = self.batch.fresh if self.batch else (lambda response: True)
        retrying = Retrying(
            retry=retry_if_exception(is_transient),
            stop=stop_after_attempt(settings.transport_retries + 1)
            | (lambda state: self._closed.is_set()),
            wait=wait or (lambda state: _wait(state)),  # looked up per call (tests shorten it)
            reraise=True,
        )

        def create_with_retry(**kwargs: Any) -> Any:
            for attempt in retrying:
                with attempt:
                    started = time.perf_counter()
                    try:
                        response = create(**kwargs)
                    finally:
                        elapsed = time.perf_counter() - started
                    if counted(response):  # a batch's answer, served again, counts once
                        self.usage.add(response, elapsed)
                    if (tracked := getattr(self._local, "usage", None)) is not None:
                        tracked.add(response, elapsed)
                    return response
            raise AssertionError("unreachable")  # pragma: no cover

        completions.create = create_with_retry  # type: ignore[method-assign]
        self._raw = raw
        self._client = instructor.from_openai(raw, mode=self.mode)

    def close(self) -> None:
        """Stop: no more retries, and requests in flight fail at once (on interrupt)."""
        self._closed.set()
        self._raw.close()

    @contextlib.contextmanager
    def tracking(self, usage: Usage) -> Iterator[Usage]:
        """Count this thread's calls into ``usage`` as well, for the length of the block."""
        self._local.usage = usage
        try:
            yield usage
        finally:
            self._local.usage = None

    def ask(
        self,
        response_model: type[T],
        messages: list[dict[str, str]],
        context: dict[str, Any],
        *,
        max_tokens: int = 2048,
    ) -> T:
        """The validated answer; after the re-asks, a leniently parsed one; else ModelError."""
        try:
            with checking_against(context):
                return self._client.chat.completions.create(
                    model=self.settings.model,
                    response_model=instructor_class(response_model),
                    messages=messages,
                    max_retries=self.settings.max_reasks,
                    max_tokens=max_tokens,
                    temperature=0,
                )
        except InstructorRetryException as error:
            cause = error.__cause__
            if isinstance(cause, (BatchPending, EndpointError)):
                raise cause from None  # queued for the next batch, or the batch failed it
            if not error.failed_attempts:
                if isinstance(cause, openai.APIError):
                    raise EndpointError(_describe_endpoint_error(cause)) from cause
                if isinstance(cause, ValueError):  # the HTTP reply itself was not JSON
                    raise EndpointError(
                        f"the endpoint's reply was not JSON: {_first_line(cause)}"
                    ) from cause
                raise  # not the model's fault: a bug, or an interrupt
            return _lenient(response_model, error.last_completion, context, error)
        except IncompleteOutputException as error:
            raise ModelError(
                "the model's reply was cut off at the token limit (max_tokens="
                f"{max_tokens}); the article may need splitting"
            ) from error
        except openai.APIError as error:
            raise EndpointError(_describe_endpoint_error(error)) from error


@functools.cache
def instructor_class(response_model: type[T]) -> type[T]:
    """``response_model`` as instructor's response class, built once per model.

    instructor wraps a plain model in a new class on every call (whatever the mode), so its
    schema cache never hits; wrapped here once, every call reuses the class and its schema."""
    return cast(type[T], openai_schema(response_model))


def _lenient(
    response_model: type[T], completion: Any, context: dict[str, Any], error: Exception
) -> T:
    """Parse the last answer with lenient validation: failing items dropped and counted."""
    arguments = _tool_arguments(completion)
    if arguments is None:
        raise ModelError(f"the model never gave a valid answer: {_first_line(error)}") from error
    try:
        return response_model.model_validate_json(
            arguments,
            context={**context, "lenient": True, "dropped": context.setdefault("dropped", [])},
        )
    except (ValidationError, ValueError) as final:
        raise ModelError(f"the model never gave a valid answer: {_first_line(final)}") from error


def _tool_arguments(completion: Any) -> str | None:
    """The answer's JSON: the tool call's arguments, or the message itself (JSON modes)."""
    try:
        message = completion.choices[0].message
        arguments = (
            message.tool_calls[0].function.arguments if message.tool_calls else message.content
        )
        json.loads(arguments)
        return arguments
    except (AttributeError, IndexError, TypeError, ValueError):
        return None


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0][:300]


def _describe_endpoint_error(error: openai.APIError) -> str:
    status = getattr(error, "status_code", None)
    if isinstance(error, openai.AuthenticationError):
        return "the endpoint refused the API key (401); set OPENAI_API_KEY to a valid key"
    if isinstance(error, openai.NotFoundError):
        return f"the endpoint does not know this model or path (404): {_first_line(error)}"
    if isinstance(error, openai.APITimeoutError):
        return "the model did not answer in time, even after retries"
    if isinstance(error, openai.APIConnectionError):
        if not _network_caused(error):
            cause = root_cause(error)
            return f"the request could not be sent: {type(cause).__name__}: {_first_line(cause)}"
        return "could not connect to the model endpoint, even after retries"
    return f"the endpoint kept failing (HTTP {status}): {_first_line(error)}"
