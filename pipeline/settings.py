"""Configuration, resolved once into one ``Settings`` value that is passed down.

Precedence, for every setting: command-line flag > environment variable > default.

Keys go only where they belong (the openai SDK's convention, as simonw/llm does it):
``OPENAI_API_KEY`` is sent to OpenAI's own endpoint or to the ``OPENAI_BASE_URL`` configured
beside it, never to a ``--base-url`` typed on the command line; that one gets ``--api-key`` or
``NEWSBRIEF_API_KEY`` only.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .errors import ConfigError

ENV_BASE_URL = "OPENAI_BASE_URL"
ENV_API_KEY = "OPENAI_API_KEY"
ENV_NEWSBRIEF_KEY = "NEWSBRIEF_API_KEY"
ENV_MODEL = "NEWSBRIEF_MODEL"
ENV_CACHE_DIR = "NEWSBRIEF_CACHE_DIR"
ENV_MAX_ARTICLE_CHARS = "NEWSBRIEF_MAX_ARTICLE_CHARS"

#: Longest article (characters of cleaned text) extracted by default: about 30,000 words, far
#: past any news article, and about 17 model calls of ``extract.MAX_CHUNK_CHARS``. A longer
#: file (a book, a log, a whole site saved as one page) is listed under "Not processed".
DEFAULT_MAX_ARTICLE_CHARS = 200_000

#: Name the embedded llama.cpp server is asked for (it serves one model whatever the name).
EMBEDDED_MODEL = "qwen2.5-coder-1.5b-instruct-q4_k_m"
#: Model used against a remote endpoint when neither --model nor NEWSBRIEF_MODEL is given.
REMOTE_DEFAULT_MODEL = "gpt-4o-mini"
#: Key sent to endpoints that need none (llama.cpp, Ollama, replayed cassettes).
DUMMY_API_KEY = "sk-no-key-required"
#: Host names of OpenAI's own API, which ``OPENAI_API_KEY`` is meant for.
OPENAI_HOSTS = frozenset({"api.openai.com"})
#: The answer formats (``Settings.answer_format``), as instructor's modes name them.
ANSWER_FORMATS = ("tools", "json_schema", "json")
#: Seconds one model call may take in all (connect, wait, every chunk of the reply).
DEFAULT_TIMEOUT_S = 600.0
#: Retries of a rate-limited, failing (5xx) or reset call.
DEFAULT_RETRIES = 5


@dataclass(frozen=True)
class Settings:
    """Everything a run needs to know about where models live and how to call them."""

    base_url: str | None
    """OpenAI-compatible endpoint; ``None`` means: start the embedded model."""
    api_key: str
    """Key for the endpoint (a dummy when none is needed)."""
    model: str
    """Model name sent with every request."""
    cache_dir: Path
    """Where assembled weights and per-article results are kept."""
    max_reasks: int = 2
    """How many times a reply that fails validation is sent back to the model."""
    transport_retries: int = DEFAULT_RETRIES
    """How many times a 429/5xx/reset failure is retried with backoff (a timeout once)."""
    timeout_s: float = DEFAULT_TIMEOUT_S
    """Overall deadline of one model call, in seconds (the CPU model is slow)."""
    max_article_chars: int = DEFAULT_MAX_ARTICLE_CHARS
    """Longest article (characters) that is extracted; a longer one is reported, not split
    into many calls (``--max-article-chars``, ``NEWSBRIEF_MAX_ARTICLE_CHARS``)."""
    batch: bool = False
    """Send model calls through the OpenAI Batch API (``--batch``): half the price, answers
    within the batch window (``pipeline.model.batch``)."""
    batch_poll_s: float = 30.0
    """Seconds between checks of a batch's status."""
    answer_format: str = ""
    """How the answer's schema reaches the model: 'json_schema' (structured outputs, a grammar
    on the embedded server), 'tools' (a named tool call) or 'json' (JSON in the text). Empty:
    the default for the endpoint (``default_answer_format``)."""
    key_source: str | None = None
    """Where the key came from ('--api-key', 'NEWSBRIEF_API_KEY', 'OPENAI_API_KEY'), for
    messages; None when no key was given (the dummy is sent)."""

    def __post_init__(self) -> None:
        if not self.answer_format:
            object.__setattr__(self, "answer_format", default_answer_format(self.base_url))

    @property
    def embedded(self) -> bool:
        """True when no endpoint is configured and the embedded model must run."""
        return self.base_url is None


def default_answer_format(base_url: str | None) -> str:
    """'json_schema' for the embedded server (its grammar keeps the schema out of the prompt)
    and for a server on this machine or the local network (Ollama, LM Studio, vLLM and
    llama.cpp all take structured outputs, while many local models have no tool support);
    'tools' for a hosted endpoint (OpenAI and the hosted OpenAI-compatible services call
    tools with every model they serve)."""
    if base_url is None or _is_local(_host(base_url)):
        return "json_schema"
    return "tools"


def _is_local(host: str) -> bool:
    """True for localhost, a loopback or private address, or a single-label or ``.local``
    name (a machine on the local network)."""
    import ipaddress

    if host == "localhost" or host.endswith((".local", ".localhost", ".lan", ".internal")):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return "." not in host
    return address.is_loopback or address.is_private or address.is_link_local


def default_cache_dir(env: Mapping[str, str]) -> Path:
    """``$NEWSBRIEF_CACHE_DIR``, else ``$XDG_CACHE_HOME/newsbrief``, else ``~/.cache/newsbrief``."""
    if env.get(ENV_CACHE_DIR):
        return Path(env[ENV_CACHE_DIR]).expanduser()
    xdg = env.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "newsbrief"


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def check_base_url(url: str, origin: str) -> str:
    """``url`` without a trailing slash; ``ConfigError`` naming ``origin`` (the flag or the
    variable it came from) when it is not an absolute http(s) URL."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(
            f"{origin} {url!r} is not an http(s) URL. Give the server's full address, such as "
            "http://localhost:11434/v1 (Ollama) or https://api.openai.com/v1."
        )
    return url.strip().rstrip("/")


def _same_endpoint(a: str, b: str) -> bool:
    return a.rstrip("/") == b.rstrip("/")


def resolve_settings(
    *,
    base_url: str | None = None,
    model: str | None = None,
    api_key: str | None = None,
    cache_dir: Path | None = None,
    answer_format: str | None = None,
    timeout_s: float | None = None,
    retries: int | None = None,
    max_article_chars: int | None = None,
    env: Mapping[str, str] | None = None,
) -> Settings:
    """Resolve flag > environment > default into one ``Settings``.

    Raises ``ConfigError`` for a base URL that is not an http(s) URL, an unknown answer format,
    or a timeout or retry count out of range; ``InputError`` when
    ``NEWSBRIEF_MAX_ARTICLE_CHARS`` is not a positive whole number."""
    env = dict(os.environ) if env is None else env
    limit = max_article_chars or _positive(env.get(ENV_MAX_ARTICLE_CHARS), ENV_MAX_ARTICLE_CHARS)
    env_url = env.get(ENV_BASE_URL) or None
    if base_url:
        url: str | None = check_base_url(base_url, "--base-url")
    elif env_url:
        url = check_base_url(env_url, ENV_BASE_URL)
    else:
        url = None
    key, source = _key_for(url, bool(base_url), api_key, env)
    default_model = EMBEDDED_MODEL if url is None else REMOTE_DEFAULT_MODEL
    if answer_format and answer_format not in ANSWER_FORMATS:
        raise ConfigError(
            f"--answer-format {answer_format!r} is not one of {', '.join(ANSWER_FORMATS)}."
        )
    if timeout_s is not None and timeout_s <= 0:
        raise ConfigError(f"--timeout must be a positive number of seconds, not {timeout_s}.")
    if retries is not None and retries < 0:
        raise ConfigError(f"--retries must be 0 or more, not {retries}.")
    return Settings(
        base_url=url,
        api_key=key,
        model=model or env.get(ENV_MODEL) or default_model,
        cache_dir=cache_dir or default_cache_dir(env),
        answer_format=answer_format or "",
        timeout_s=DEFAULT_TIMEOUT_S if timeout_s is None else float(timeout_s),
        transport_retries=DEFAULT_RETRIES if retries is None else retries,
        key_source=source,
        max_article_chars=limit or DEFAULT_MAX_ARTICLE_CHARS,
    )


def _key_for(
    url: str | None, url_from_flag: bool, flag: str | None, env: Mapping[str, str]
) -> tuple[str, str | None]:
    """The key for ``url`` and where it came from: ``--api-key``, else ``NEWSBRIEF_API_KEY``,
    else ``OPENAI_API_KEY`` only for OpenAI's endpoint or the ``OPENAI_BASE_URL`` beside it.
    The embedded server gets the dummy."""
    if url is None:
        return DUMMY_API_KEY, None
    if flag:
        return flag, "--api-key"
    if env.get(ENV_NEWSBRIEF_KEY):
        return env[ENV_NEWSBRIEF_KEY], ENV_NEWSBRIEF_KEY
    openai_key = env.get(ENV_API_KEY)
    env_url = env.get(ENV_BASE_URL) or ""
    belongs = (
        _host(url) in OPENAI_HOSTS
        or not url_from_flag
        or (bool(env_url) and _same_endpoint(url, env_url))
    )
    if openai_key and belongs:
        return openai_key, ENV_API_KEY
    return DUMMY_API_KEY, None


def _positive(value: str | None, name: str) -> int | None:
    if not value:
        return None
    if not value.strip().isdigit() or int(value) <= 0:
        from .errors import InputError

        raise InputError(f"{name}={value!r}: give a positive number of characters, like 200000.")
    return int(value)
