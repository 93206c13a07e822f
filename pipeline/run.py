"""One run of the pipeline: read -> extract -> merge -> render. The edges live here.

``run_folder`` opens the model endpoint (embedded server, configured endpoint, or a replayed
cassette), extracts every article, and returns the brief with what the run cost.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from schemas.brief import Brief, Failure
from schemas.extraction import ArticleExtraction, ExtractionStats

from .embedded import EmbeddedServer
from .errors import EndpointError, ModelError, ReplayError
from .extract import source_info, extract_article
from .llm import ModelClient
from .merge import find_near_duplicates, merge_extractions
from .read import Article, read_articles
from .replay import REPLAY_BASE_URL, recording, replaying
from .settings import Settings

Progress = Callable[[str, int, int], None]
"""Called as ``progress(article_path, index, total)`` before each article."""


@dataclass
class RunReport:
    """What a run produced and cost."""

    brief: Brief
    extractions: list[ArticleExtraction]
    seconds: float
    model_seconds: float
    usage: dict[str, float] = field(default_factory=dict)

    @property
    def failed(self) -> list[Failure]:
        return self.brief.failures


@contextlib.contextmanager
def open_endpoint(
    settings: Settings, *, replay: Path | None = None, record: Path | None = None
) -> Iterator[str]:
    """The base URL to call for the length of the block (starting what needs starting)."""
    with contextlib.ExitStack() as stack:
        if replay is not None:
            stack.enter_context(replaying(replay))
            yield settings.base_url or REPLAY_BASE_URL
            return
        if record is not None:
            stack.enter_context(recording(record))
        if settings.embedded:
            server = stack.enter_context(EmbeddedServer(settings.cache_dir))
            yield server.base_url
        else:
            yield settings.base_url  # type: ignore[misc]


def run_folder(
    folder: Path,
    settings: Settings,
    *,
    replay: Path | None = None,
    record: Path | None = None,
    progress: Progress | None = None,
) -> RunReport:
    """Read, extract, merge: the whole job on one folder."""
    started = time.perf_counter()
    read = read_articles(folder)
    failures = [Failure(path=p.path, reason=p.message) for p in read.problems]
    with open_endpoint(settings, replay=replay, record=record) as base_url:
        client = ModelClient(settings, base_url)
        extractions = [
            _extract_one(article, client, index, len(read.articles), progress, replay)
            for index, article in enumerate(read.articles)
        ]
    duplicates = find_near_duplicates({a.id: a.text for a in read.articles})
    brief = merge_extractions(extractions, duplicates=duplicates, failures=failures)
    return RunReport(
        brief=brief,
        extractions=extractions,
        seconds=time.perf_counter() - started,
        model_seconds=client.usage.seconds,
        usage=client.usage.snapshot(),
    )


def _extract_one(
    article: Article,
    client: ModelClient,
    index: int,
    total: int,
    progress: Progress | None,
    replay: Path | None,
) -> ArticleExtraction:
    if progress:
        progress(article.path, index, total)
    before = client.usage.snapshot()
    try:
        extraction = extract_article(article, client)
    except EndpointError as error:
        if replay is not None:
            raise ReplayError(
                f"{replay} has no recorded answer for {article.path} ({error}). The articles, "
                "prompts or --model changed since it was recorded: re-record it with --record."
            ) from error
        extraction = _failed(article, f"model endpoint failed: {error}")
    except ModelError as error:
        extraction = _failed(article, f"model gave no usable answer: {error}")
    after = client.usage.snapshot()
    extraction.stats = ExtractionStats(
        model_calls=int(after["calls"] - before["calls"]),
        prompt_tokens=int(after["prompt_tokens"] - before["prompt_tokens"]),
        completion_tokens=int(after["completion_tokens"] - before["completion_tokens"]),
        cached_prompt_tokens=int(after["cached_prompt_tokens"] - before["cached_prompt_tokens"]),
        model_seconds=round(after["seconds"] - before["seconds"], 3),
        dropped=extraction.stats.dropped,
    )
    return extraction


def _failed(article: Article, reason: str) -> ArticleExtraction:
    return ArticleExtraction(source=source_info(article, None), error=reason)
