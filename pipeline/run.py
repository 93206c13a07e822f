"""One run of the pipeline: read -> extract -> merge -> render. The edges live here.

``run_folder`` opens the model endpoint (embedded server, configured endpoint, or a replayed
cassette), extracts the articles (concurrently up to ``concurrency``, each one stored in the
cache as soon as it is done), and returns the merged brief with what the run cost.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from schemas.brief import Brief, Failure, LedeSentence
from schemas.extraction import ArticleExtraction, ExtractionStats

from .cache import ExtractionCache
from .embedded import EmbeddedServer
from .errors import EndpointError, ModelError, ReplayError
from .extract import extract_article, source_info
from .lede import lede_facts, lede_key, write_lede
from .merge import find_near_duplicates, merge_extractions
from .read import Article, read_articles
from .settings import Settings
from .usage import Usage

if TYPE_CHECKING:  # the model client and cassettes load only when a model is called
    from .llm import ModelClient

Progress = Callable[[str, int, int], None]
"""Called as ``progress(article_path, done, total)`` as articles finish."""


@dataclass
class StageTimes:
    """Wall time of each stage, in seconds."""

    read: float = 0.0
    start_model: float = 0.0
    extract: float = 0.0
    merge: float = 0.0
    lede: float = 0.0
    """Writing the opening paragraph (a model call, unless cached)."""


@dataclass
class RunReport:
    """What a run produced and cost."""

    brief: Brief
    extractions: list[ArticleExtraction]
    seconds: float
    model_seconds: float
    usage: dict[str, float] = field(default_factory=dict)
    stages: StageTimes = field(default_factory=StageTimes)
    cached: int = 0
    """How many articles came from the cache, with no model call."""

    @property
    def failed(self) -> list[Failure]:
        return self.brief.failures


@contextlib.contextmanager
def open_endpoint(
    settings: Settings, *, replay: Path | None = None, record: Path | None = None
) -> Iterator[str]:
    """The base URL to call for the length of the block (starting what needs starting)."""
    from .replay import REPLAY_BASE_URL, recording, replaying

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


def default_concurrency(settings: Settings) -> int:
    """One at a time on the embedded CPU model (parallel calls only slow each other down);
    four against a remote endpoint."""
    return 1 if settings.embedded else 4


def run_folder(
    folder: Path,
    settings: Settings,
    *,
    replay: Path | None = None,
    record: Path | None = None,
    progress: Progress | None = None,
    concurrency: int | None = None,
    use_cache: bool = True,
) -> RunReport:
    """Read, extract, merge: the whole job on one folder. Replaying or recording bypasses
    the cache (a replay reproduces its cassette; a recording must call the model)."""
    started = time.perf_counter()
    stages = StageTimes()
    read = read_articles(folder)
    stages.read = time.perf_counter() - started
    failures = [Failure(path=p.path, reason=p.message) for p in read.problems]
    cache = (
        ExtractionCache(settings.cache_dir / "extractions", settings.model)
        if use_cache and replay is None and record is None
        else None
    )
    results: dict[str, ArticleExtraction] = {}
    if cache is not None:
        results = {a.id: x for a in read.articles if (x := cache.get(a)) is not None}
    todo = [a for a in read.articles if a.id not in results]
    cached = len(results)
    with contextlib.ExitStack() as stack:
        clients: list[ModelClient] = []

        def client() -> ModelClient:
            """The model client, opening the endpoint on first use only."""
            if not clients:
                began = time.perf_counter()
                base_url = stack.enter_context(
                    open_endpoint(settings, replay=replay, record=record)
                )
                from .llm import ModelClient

                clients.append(ModelClient(settings, base_url))
                stages.start_model = time.perf_counter() - began
            return clients[0]

        if todo:
            model = client()
            extracted = time.perf_counter()
            results.update(
                _extract_all(
                    todo,
                    model,
                    cache,
                    replay,
                    progress,
                    cached,
                    len(read.articles),
                    concurrency or default_concurrency(settings),
                )
            )
            stages.extract = time.perf_counter() - extracted
        merging = time.perf_counter()
        extractions = [results[a.id] for a in read.articles]
        duplicates = find_near_duplicates({a.id: a.text for a in read.articles})
        brief = merge_extractions(extractions, duplicates=duplicates, failures=failures)
        stages.merge = time.perf_counter() - merging
        leading = time.perf_counter()
        brief = _with_lede(brief, settings, cache, client)
        stages.lede = time.perf_counter() - leading
        usage = clients[0].usage if clients else Usage()
    return RunReport(
        brief=brief,
        extractions=extractions,
        seconds=time.perf_counter() - started,
        model_seconds=usage.seconds,
        usage=usage.snapshot(),
        stages=stages,
        cached=cached,
    )


def _extract_all(
    todo: list[Article],
    client: ModelClient,
    cache: ExtractionCache | None,
    replay: Path | None,
    progress: Progress | None,
    done: int,
    total: int,
    workers: int,
) -> dict[str, ArticleExtraction]:
    tick = _ticker(progress, done, total)
    results = {}
    pool = ThreadPoolExecutor(max_workers=max(1, workers))
    jobs = [pool.submit(_extract_one, a, client, cache, replay, tick) for a in todo]
    try:
        for job in jobs:
            extraction = job.result()
            results[extraction.source.id] = extraction
    except BaseException:
        # Ctrl-C, SIGTERM or a replay error: finished articles are already in the cache;
        # stop the rest now rather than waiting for calls in flight.
        client.close()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return results


def _with_lede(
    brief: Brief,
    settings: Settings,
    cache: ExtractionCache | None,
    client: Callable[[], ModelClient],
) -> Brief:
    """The brief with the model's checked lede when one survives, else the rule-built one."""
    facts = lede_facts(brief)
    if len(facts) < 2:
        return brief
    key = lede_key(facts, settings.model)
    stored = cache.get_value(key) if cache is not None else None
    if stored is not None:
        lines = [LedeSentence.model_validate(line) for line in stored]
    else:
        try:
            lines, _dropped = write_lede(facts, client())
        except (ModelError, EndpointError):
            lines = []
        if cache is not None:
            cache.put_value(key, [line.model_dump() for line in lines])
    if not lines:
        return brief
    return brief.model_copy(update={"lede": lines, "lede_by": "model"})


def _ticker(progress: Progress | None, done: int, total: int) -> Callable[[str], None]:
    lock = threading.Lock()
    count = [done]

    def tick(path: str) -> None:
        with lock:
            count[0] += 1
            if progress:
                progress(path, count[0], total)

    if progress:
        progress("", done, total)
    return tick


def _extract_one(
    article: Article,
    client: ModelClient,
    cache: ExtractionCache | None,
    replay: Path | None,
    tick: Callable[[str], None],
) -> ArticleExtraction:
    usage = Usage()
    try:
        with client.tracking(usage):
            extraction = extract_article(article, client)
    except EndpointError as error:
        if replay is not None:
            raise ReplayError(
                f"{replay} has no recorded answer for {article.path} ({error}). The articles, "
                "prompts or --model changed since it was recorded: re-record it with --record."
            ) from error
        extraction = failed_extraction(article, f"model endpoint failed: {error}")
    except ModelError as error:
        extraction = failed_extraction(article, f"model gave no usable answer: {error}")
    extraction.stats = ExtractionStats(
        model_calls=usage.calls,
        prompt_tokens=usage.prompt_tokens,
        completion_tokens=usage.completion_tokens,
        cached_prompt_tokens=usage.cached_prompt_tokens,
        model_seconds=round(usage.seconds, 3),
        dropped=extraction.stats.dropped,
    )
    if cache is not None:
        cache.put(article, extraction)
    tick(article.path)
    return extraction


def failed_extraction(article: Article, reason: str) -> ArticleExtraction:
    """An extraction that records why the article could not be processed."""
    return ArticleExtraction(source=source_info(article, None), error=reason)
