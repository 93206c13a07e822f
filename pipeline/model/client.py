"""The model edge: instructor over the ``openai`` client, with two kinds of retry kept apart.

- Transport failures (429, 5xx, reset connections) are retried by tenacity with exponential
  backoff, honouring ``Retry-After``; a call that ran into its deadline is retried once.
- Faults no retry fixes (a refused connection or unknown host, a rejected key, an unknown
  model or path, a format the server does not take) raise ``EndpointConfigError`` at once.
- Answers that fail schema validation are re-asked through instructor's ``max_retries``;
  when the re-asks are used up, the last answer is parsed leniently: items that still fail
  are dropped and counted, never passed on as fact.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import json
import logging
import threading
import time
import weakref
from collections.abc import Callable, Iterator
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
    wait_exponential_jitter,
)

from schemas.model_io import Checking, checking_against

from ..errors import BatchPending, EndpointConfigError, EndpointError, ModelError, redact
from ..settings import Settings
from .batch import BatchTransport
from .usage import Usage

T = TypeVar("T", bound=BaseModel)

MAX_RETRY_AFTER_S = 60.0
log = logging.getLogger("newsbrief")


def is_transient(error: BaseException) -> bool:
    """True for failures worth retrying as they are: rate limits, 5xx, timeouts, resets.

    A connection error counts only when the network caused it (not, say, a replayed
    cassette that has no answer for the request), and not when the host refused or could
    not be found: no retry fixes that.
    """
    if isinstance(error, openai.APIConnectionError):
        if isinstance(error, openai.APITimeoutError):
            return True
        return _network_caused(error) and not _unreachable(error)
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


def _unreachable(error: BaseException) -> bool:
    """True when the host refused the connection, could not be resolved, or the URL cannot
    be used at all: a configuration fault."""
    return any(
        isinstance(e, (httpx.ConnectError, httpx.UnsupportedProtocol, httpx.InvalidURL))
        and not isinstance(e, httpx.ConnectTimeout)
        for e in _chain(error)
    )


def _timed_out(error: BaseException) -> bool:
    return isinstance(error, openai.APITimeoutError) or any(
        isinstance(e, httpx.TimeoutException) for e in _chain(error)
    )


class DeadlineTransport(httpx.BaseTransport):
    """An httpx transport that holds every request to one overall deadline, in seconds.

    httpx's timeouts bound each read, so a reply that arrives a few bytes at a time never
    times out; here the reply's body is cut off with ``httpx.ReadTimeout`` once the deadline
    has passed, and no single read may wait past it either."""

    def __init__(self, seconds: float, inner: httpx.BaseTransport | None = None) -> None:
        self.seconds = seconds
        self.inner = inner or httpx.HTTPTransport(
            limits=httpx.Limits(max_connections=1000, max_keepalive_connections=100)
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        deadline = time.monotonic() + self.seconds
        timeout = dict(request.extensions.get("timeout") or {})
        for key in ("connect", "read", "write", "pool"):
            timeout[key] = min(timeout.get(key) or self.seconds, self.seconds)
        request.extensions["timeout"] = timeout
        response = self.inner.handle_request(request)
        response.stream = _DeadlineStream(response.stream, deadline, request)
        return response

    def close(self) -> None:
        self.inner.close()


class _DeadlineStream(httpx.SyncByteStream):
    def __init__(self, stream: Any, deadline: float, request: httpx.Request) -> None:
        self._stream = stream
        self._deadline = deadline
        self._request = request

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._stream:
            if time.monotonic() > self._deadline:
                raise httpx.ReadTimeout(
                    "the reply went past the call's deadline", request=self._request
                )
            yield chunk

    def close(self) -> None:
        close = getattr(self._stream, "close", None)
        if close is not None:
            close()


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
        self.base_url = base_url
        self.mode = mode or answer_mode(settings)
        self.usage = Usage()
        self._local = threading.local()
        self._closed = threading.Event()
        raw = openai.OpenAI(
            base_url=base_url,
            api_key=settings.api_key,
            max_retries=0,
            timeout=settings.timeout_s,
            http_client=openai.DefaultHttpxClient(transport=DeadlineTransport(settings.timeout_s)),
        )
        completions = raw.chat.completions
        self.batch = BatchTransport(raw, poll_s=settings.batch_poll_s) if settings.batch else None
        create = self.batch or _direct_create(raw, completions.create)
        counted = self.batch.fresh if self.batch else (lambda response: True)
        pause = wait or (lambda state: _wait(state))  # looked up per call (tests shorten it)

        def stop(state: RetryCallState) -> bool:
            if self._closed.is_set():
                return True
            error = state.outcome.exception() if state.outcome else None
            if error is not None and _timed_out(error):
                return state.attempt_number >= min(2, settings.transport_retries + 1)
            return state.attempt_number >= settings.transport_retries + 1

        def waited(state: RetryCallState) -> float:
            seconds = pause(state)
            self._count(None, seconds, failed=False, waiting=True)
            return seconds

        retrying = Retrying(
            retry=retry_if_exception(is_transient), stop=stop, wait=waited, reraise=True
        )

        def create_with_retry(**kwargs: Any) -> Any:
            for attempt in retrying:
                with attempt:
                    started = time.perf_counter()
                    try:
                        response = create(**kwargs)
                    except BatchPending:
                        raise  # queued for the next batch: no call was made yet
                    except BaseException as error:
                        self._count(None, time.perf_counter() - started, failed=True)
                        log.debug(
                            "model call failed after %.2f s: %s",
                            time.perf_counter() - started,
                            self.describe(error),
                        )
                        raise
                    elapsed = time.perf_counter() - started
                    # a batch's answer, served again when its article is done again, counts
                    # once for the run; the article's own count holds every answer it used
                    self._count(response, elapsed, run=counted(response))
                    usage = getattr(response, "usage", None)
                    log.debug(
                        "model call: %s, %.2f s, %s prompt + %s completion tokens",
                        self.settings.model,
                        elapsed,
                        getattr(usage, "prompt_tokens", "?"),
                        getattr(usage, "completion_tokens", "?"),
                    )
                    return response
            raise AssertionError("unreachable")  # pragma: no cover

        completions.create = create_with_retry  # type: ignore[method-assign]
        self._raw = raw
        self._client = instructor.from_openai(raw, mode=self.mode)

    def _count(
        self,
        response: Any,
        seconds: float,
        *,
        failed: bool = False,
        waiting: bool = False,
        run: bool = True,
    ) -> None:
        """Add a call (answered or failed) or a backoff wait to the run's (unless ``run`` is
        false) and the thread's usage: the model's time includes retries and their waits."""
        targets = [self.usage] if run else []
        if (tracked := getattr(self._local, "usage", None)) is not None:
            targets.append(tracked)
        for usage in targets:
            if waiting:
                usage.wait(seconds)
            else:
                usage.add(response, seconds, failed=failed)

    def describe(self, error: BaseException) -> str:
        """``error`` as the one-line message a user sees, any configured key redacted."""
        return redact(
            str(endpoint_error(error, self.settings, self.base_url)), self.settings.api_key
        )

    def close(self) -> None:
        """Stop: no more retries, and requests in flight fail at once (on interrupt)."""
        self._closed.set()
        self._raw.close()

    def on(self, hook: str, handler: Callable[..., None]) -> None:
        """Call ``handler`` on instructor's ``hook`` ("completion:kwargs", "parse:error"…)
        for every call this client makes: the benchmark's record of each call."""
        self._client.on(hook, handler)

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
        context: Checking,
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
                    raise endpoint_error(cause, self.settings, self.base_url) from cause
                if isinstance(cause, ValueError):  # the HTTP reply itself was not JSON
                    raise EndpointError(
                        "the endpoint's reply was not JSON: "
                        + redact(_first_line(cause), self.settings.api_key)
                    ) from cause
                raise  # not the model's fault: a bug, or an interrupt
            return _lenient(response_model, error.last_completion, context, error)
        except IncompleteOutputException as error:
            raise ModelError(
                "the model's reply was cut off at the token limit (max_tokens="
                f"{max_tokens}); the article may need splitting"
            ) from error
        except openai.APIError as error:
            raise endpoint_error(error, self.settings, self.base_url) from error


@functools.cache
def instructor_class(response_model: type[T]) -> type[T]:
    """``response_model`` as instructor's response class, built once per model.

    instructor wraps a plain model in a new class on every call (whatever the mode), so its
    schema cache never hits; wrapped here once, every call reuses the class and its schema."""
    return cast(type[T], openai_schema(response_model))


def _lenient(response_model: type[T], completion: Any, context: Checking, error: Exception) -> T:
    """Parse the last answer with lenient validation: failing items dropped and counted."""
    arguments = _tool_arguments(completion)
    if arguments is None:
        raise ModelError(f"the model never gave a valid answer: {_first_line(error)}") from error
    try:
        return response_model.model_validate_json(
            arguments, context=dataclasses.replace(context, lenient=True, dropped=context.dropped)
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


def _server_message(error: BaseException) -> str:
    """The server's own words for an HTTP error (its JSON ``message``), else the first line."""
    body = getattr(error, "body", None)
    if isinstance(body, dict):
        inner = body.get("error", body)
        message = inner.get("message") if isinstance(inner, dict) else inner
        if isinstance(message, str) and message.strip():
            return message.strip().splitlines()[0][:300]
    return _first_line(error)


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0][:300]


def key_hint(settings: Settings) -> str:
    """What to do about a rejected key, naming the option or variable actually used."""
    if settings.key_source is None:
        return (
            "no key was sent (OPENAI_API_KEY goes only to OpenAI or to the OPENAI_BASE_URL "
            "beside it): give one with NEWSBRIEF_API_KEY or --api-key"
        )
    return f"the key came from {settings.key_source}: check it, or give another there"


def endpoint_error(
    error: BaseException, settings: Settings, base_url: str | None = None
) -> EndpointError | EndpointConfigError:
    """The error a user sees for a failed call, any configured key redacted.

    ``EndpointConfigError`` for what no retry fixes (a refused connection or unknown host, a
    401/403, a 404, an answer format the server does not take), naming the URL, the model or
    the key's origin and what to try; ``EndpointError`` for the rest (one article fails)."""
    url = base_url or settings.base_url or "the endpoint"
    detail = redact(_server_message(error), settings.api_key)
    status = getattr(error, "status_code", None)
    if isinstance(error, (openai.AuthenticationError, openai.PermissionDeniedError)):
        return EndpointConfigError(
            f"{url} refused the API key (HTTP {status}): {key_hint(settings)}."
        )
    if isinstance(error, openai.NotFoundError):
        return EndpointConfigError(
            f"{url} has no model {settings.model!r} or no such path (HTTP 404: {detail}). "
            "Name a model it serves with --model/-m, and check that the URL ends where the "
            "server's API starts (usually /v1)."
        )
    if isinstance(error, openai.APITimeoutError) or (
        isinstance(error, openai.APIConnectionError) and _timed_out(error)
    ):
        return EndpointError(
            f"the model at {url} did not answer within {settings.timeout_s:g} s (--timeout), "
            "even after a retry"
        )
    if isinstance(error, openai.APIConnectionError):
        if _unreachable(error):
            reason = redact(_first_line(root_cause(error)), settings.api_key)
            return EndpointConfigError(
                f"cannot connect to {url}: {reason}. "
                "Is the server running, and are the host and port right?"
            )
        if not _network_caused(error):
            cause = root_cause(error)
            return EndpointError(
                f"the request could not be sent: {type(cause).__name__}: "
                + redact(_first_line(cause), settings.api_key)
            )
        return EndpointError(f"the connection to {url} kept failing, even after retries")
    if status in (400, 422) and _format_refused(detail):
        other = "json_schema" if settings.answer_format == "tools" else "tools"
        return EndpointConfigError(
            f"{url} does not take answers as {settings.answer_format!r} for model "
            f"{settings.model!r} (HTTP {status}: {detail}). Try --answer-format {other} "
            "or --answer-format json."
        )
    if status is not None and 400 <= status < 500 and status not in (408, 409, 429):
        return EndpointError(f"the endpoint rejected the request (HTTP {status}): {detail}")
    return EndpointError(f"the endpoint kept failing (HTTP {status}): {detail}")


_FORMAT_WORDS = ("tool", "function", "response_format", "json_schema", "structured")


def _format_refused(detail: str) -> bool:
    """True when a 400 says the server does not support the answer format."""
    lowered = detail.lower()
    return any(word in lowered for word in _FORMAT_WORDS) and any(
        word in lowered for word in ("support", "not allowed", "unknown", "invalid", "unrecognized")
    )
