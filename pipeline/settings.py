"""Configuration, resolved once into one ``Settings`` value that is passed down.

Precedence, for every setting: command-line flag > environment variable > default.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

ENV_BASE_URL = "OPENAI_BASE_URL"
ENV_API_KEY = "OPENAI_API_KEY"
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
    transport_retries: int = 5
    """How many times a 429/5xx/timeout/connection failure is retried with backoff."""
    timeout_s: float = 600.0
    """Seconds to wait for one model reply (the CPU model is slow)."""
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

    def __post_init__(self) -> None:
        if not self.answer_format:
            object.__setattr__(self, "answer_format", default_answer_format(self.base_url))

    @property
    def embedded(self) -> bool:
        """True when no endpoint is configured and the embedded model must run."""
        return self.base_url is None


def default_answer_format(base_url: str | None) -> str:
    """'json_schema' for the embedded server (its grammar keeps the schema out of the prompt),
    'tools' for an endpoint."""
    return "json_schema" if base_url is None else "tools"


def default_cache_dir(env: Mapping[str, str]) -> Path:
    """``$NEWSBRIEF_CACHE_DIR``, else ``$XDG_CACHE_HOME/newsbrief``, else ``~/.cache/newsbrief``."""
    if env.get(ENV_CACHE_DIR):
        return Path(env[ENV_CACHE_DIR]).expanduser()
    xdg = env.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "newsbrief"


def resolve_settings(
    *,
    base_url: str | None = None,
    model: str | None = None,
    api_key: str | None = None,
    cache_dir: Path | None = None,
    max_article_chars: int | None = None,
    env: dict[str, str] | None = None,
) -> Settings:
    """Resolve flag > environment > default into one ``Settings``. Raises ``InputError``
    when ``NEWSBRIEF_MAX_ARTICLE_CHARS`` is not a positive whole number."""
    env = dict(os.environ) if env is None else env
    limit = max_article_chars or _positive(env.get(ENV_MAX_ARTICLE_CHARS), ENV_MAX_ARTICLE_CHARS)
    url = base_url or env.get(ENV_BASE_URL) or None
    default_model = EMBEDDED_MODEL if url is None else REMOTE_DEFAULT_MODEL
    return Settings(
        base_url=url,
        api_key=api_key or env.get(ENV_API_KEY) or DUMMY_API_KEY,
        model=model or env.get(ENV_MODEL) or default_model,
        cache_dir=cache_dir or default_cache_dir(env),
        max_article_chars=limit or DEFAULT_MAX_ARTICLE_CHARS,
    )


def _positive(value: str | None, name: str) -> int | None:
    if not value:
        return None
    if not value.strip().isdigit() or int(value) <= 0:
        from .errors import InputError

        raise InputError(f"{name}={value!r}: give a positive number of characters, like 200000.")
    return int(value)
