"""One run of the pipeline: read -> extract -> merge -> render. The edges live here.

``run_folder`` opens the model endpoint (embedded server, configured endpoint, or a replayed
cassette), extracts the articles (concurrently up to ``concurrency``, each one stored in the
cache as soon as it is done), and returns the merged brief with what the run cost.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from schemas.brief import Brief, Failure, LedeSentence
from schemas.extraction import ArticleExtraction, ExtractionStats

from .cache import ExtractionCache
from .errors import BatchPending, EndpointError, InputError, ModelError, ReplayError
from .extract import (
    MAX_CHUNK_CHARS,
    extract_copy,
    extract_prepared,
    prepare_article,
    rules_only_extraction,
)
from .lede import check_sentence, lede_facts, lede_key, mark_lede, write_lede
from .merge import find_near_duplicates, merge_extractions
from .model.session import Model, ModelSession
from .model.usage import Usage
from .read import Article, Problem, read_articles
from .settings import DEFAULT_MAX_ARTICLE_CHARS, ENV_MAX_ARTICLE_CHARS

log = logging.getLogger("newsbrief")

#: Batches the lede may take with ``--batch``: its question, then each re-ask.
LEDE_ROUNDS = 4

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
    skipped: list[Problem] = field(default_factory=list)
    """Files in the folder not taken as articles, and why (``ReadResult.skipped``)."""
    cache_warning: str | None = None
    """Why the cache could not be written (the run went on without storing), if it could not."""

    @property
    def failed(self) -> list[Failure]:
        return self.brief.failures


def run_folder(
    folder: Path,
    model: Model | None,
    *,
    cache_dir: Path | None = None,
    progress: Progress | None = None,
    concurrency: int | None = None,
    exclude: tuple[Path, ...] = (),
    max_article_chars: int = DEFAULT_MAX_ARTICLE_CHARS,
) -> RunReport:
    """Read, extract, merge: the whole job on one folder.

    ``model`` answers what needs judgement (``pipeline.model.session.Model``: the configured
    endpoint, a replayed cassette or a fake); ``None`` makes a brief from rules alone, with
    a rule-built lede. ``cache_dir`` (None: no cache) keeps each
    extraction under the model's identity and the code's fingerprint. An article the model
    gives no usable answer for keeps its rule-found facts, with a note of what is missing.
    An article longer than ``max_article_chars`` (characters of cleaned text) is neither
    extracted nor merged: it is listed under the brief's failures with its size and what to
    do (``too_long``), rather than split into a call per 12,000 characters.
    Raises ``InputError`` when the folder cannot be read, ``ReplayError`` when a cassette has
    no answer for an article, ``EndpointConfigError`` at the first call that fails for a
    reason no retry fixes. ``exclude``: files in the folder never read (the run's outputs).
    The brief's stats count this run's model calls, the lede's included."""
    started = time.perf_counter()
    stages = StageTimes()
    # a model opened before this run (one session for several folders) was not started by it
    opened_before = getattr(model, "start_seconds", 0.0)
    used_before = model.usage.snapshot() if model is not None else {}
    read = read_articles(folder, exclude=exclude)
    stages.read = time.perf_counter() - started
    failures = [Failure(path=p.path, reason=p.message) for p in read.problems]
    long = [a for a in read.articles if len(a.text) > max_article_chars]
    failures += [Failure(path=a.path, reason=too_long(a, max_article_chars)) for a in long]
    read.articles = [a for a in read.articles if len(a.text) <= max_article_chars]
    if not read.articles:
        raise InputError(
            "Nothing to extract in "
            f"{folder}:" + "".join(f"\n  {f.path}: {f.reason}" for f in failures)
        )
    cache = (
        ExtractionCache(cache_dir / "extractions", model.identity)
        if cache_dir is not None and model is not None
        else None
    )
    results: dict[str, ArticleExtraction] = {}
    if cache is not None:
        results = {a.id: x for a in read.articles if (x := cache.get(a)) is not None}
    todo = [a for a in read.articles if a.id not in results]
    cached = len(results)
    extracted = time.perf_counter()
    duplicates = find_near_duplicates({a.id: a.text for a in read.articles})
    if todo and model is None:
        for article in todo:
            results[article.id] = rules_only_extraction(article)
    elif todo:
        model.open()  # here, not in a worker thread that ends before the run does
        workers = concurrency or model.concurrency
        total, by_id = len(read.articles), {a.id: a for a in read.articles}
        # Near-copies wait for the article they copy and take its answers (a copy of a copy
        # waits a round more); each of them asks the model about its own text only.
        pending = todo
        while pending:
            ready = [
                a for a in pending if a.id not in duplicates or duplicates[a.id] in results
            ] or pending  # (cannot be empty: a copy's fuller article is never its own copy)
            fuller = {
                a.id: (by_id[duplicates[a.id]], results[duplicates[a.id]])
                for a in ready
                if duplicates.get(a.id) in results
            }
            results.update(
                _extract_all(ready, model, cache, progress, len(results), total, workers, fuller)
            )
            if any(a.id not in results for a in ready):
                # --batch: their questions are queued; send them and wait for the answers
                _flush(model)
            pending = [a for a in pending if a.id not in results]
    stages.extract = time.perf_counter() - extracted
    stages.start_model = getattr(model, "start_seconds", 0.0) - opened_before
    stages.extract -= stages.start_model
    merging = time.perf_counter()
    extractions = [results[a.id] for a in read.articles]
    brief = merge_extractions(extractions, duplicates=duplicates, failures=failures)
    brief = brief.model_copy(update={"model": model.identity if model is not None else None})
    stages.merge = time.perf_counter() - merging
    leading = time.perf_counter()
    if model is not None:
        brief = _with_lede(brief, model, cache)
    stages.lede = time.perf_counter() - leading
    # this run's share of the model's counts (a session may serve several runs)
    after = model.usage.snapshot() if model is not None else Usage().snapshot()
    usage = {k: v - used_before.get(k, 0) for k, v in after.items()}
    if model is not None:
        brief = brief.model_copy(
            update={
                "stats": brief.stats.model_copy(
                    update={
                        "model_calls": int(usage["calls"]),
                        "prompt_tokens": int(usage["prompt_tokens"]),
                        "completion_tokens": int(usage["completion_tokens"]),
                    }
                )
            }
        )
    return RunReport(
        brief=brief,
        extractions=extractions,
        seconds=time.perf_counter() - started,
        model_seconds=usage["seconds"],
        usage=usage,
        stages=stages,
        cached=cached,
        skipped=read.skipped,
        cache_warning=cache.warning if cache is not None else None,
    )


def _flush(model: Model) -> None:
    """Send the questions a batch model has queued (``flush_batch``) and wait for them."""
    flush = getattr(model, "flush_batch", None)
    if flush is None or not flush():
        raise EndpointError("questions are waiting for a batch, but none could be sent")


def too_long(article: Article, limit: int) -> str:
    """Why ``article`` is not processed, in words a user can act on."""
    calls = -(-len(article.text) // MAX_CHUNK_CHARS)
    return (
        f"{len(article.text):,} characters of text, above the limit of {limit:,} for one "
        f"article (it would take about {calls} model calls); if the file holds several "
        "articles, save each as a file of its own, or raise the limit with "
        f"--max-article-chars or {ENV_MAX_ARTICLE_CHARS}"
    )


def _extract_all(
    todo: list[Article],
    client: Model,
    cache: ExtractionCache | None,
    progress: Progress | None,
    done: int,
    total: int,
    workers: int,
    fuller: dict[str, tuple[Article, ArticleExtraction]] | None = None,
) -> dict[str, ArticleExtraction]:
    tick = _ticker(progress, done, total)
    results = {}
    pool = ThreadPoolExecutor(max_workers=max(1, workers))
    fuller = fuller or {}
    stop = threading.Event()

    def one(article: Article) -> ArticleExtraction | None:
        # A configuration fault stops the run: no further article starts, even one a free
        # worker would pick up before the main thread has cancelled the rest.
        if stop.is_set():
            return None
        try:
            return _extract_one(article, client, cache, tick, fuller.get(article.id))
        except BaseException:
            stop.set()
            raise

    jobs = [pool.submit(one, a) for a in todo]
    try:
        for job in jobs:
            extraction = job.result()
            if extraction is not None:  # None: the run stopped, or waiting for a batch
                results[extraction.source.id] = extraction
    except BaseException:
        # Ctrl-C, SIGTERM, a replay or configuration error: finished articles are already in
        # the cache; stop the rest now rather than waiting for calls in flight. Closing the
        # client may wait on a connection a worker holds mid-call: it gets a moment, never
        # the whole call.
        closer = threading.Thread(target=client.close, daemon=True)
        closer.start()
        closer.join(timeout=CLOSE_WAIT_S)
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return results


#: Seconds an interrupted run waits for the model client to close before it stops anyway.
CLOSE_WAIT_S = 1.0


def _with_lede(brief: Brief, model: Model, cache: ExtractionCache | None) -> Brief:
    """The brief with the model's checked lede when one survives, else the rule-built one.
    An empty or failed answer is never cached: the next run asks again."""
    facts = lede_facts(brief)
    if not facts:
        return brief
    key = lede_key(facts, model.identity)

    def unfit(value: object) -> str | None:
        """Why a stored lede cannot be used: not a list of sentences, or a sentence the
        facts do not support (an edited entry)."""
        if not isinstance(value, list) or not value:
            return "not a list of sentences"
        try:
            stored_lines = [LedeSentence.model_validate(line) for line in value]
        except ValidationError:
            return "not a list of sentences"
        for line in stored_lines:
            problem = check_sentence(line.text, line.sources, facts)
            if problem:
                return problem
        return None

    stored = cache.get_value(key, check=unfit) if cache is not None else None
    if stored is not None:
        lines = [LedeSentence.model_validate(line) for line in stored]
    else:
        lines, dropped = [], []
        for _ in range(LEDE_ROUNDS):
            try:
                lines, dropped = write_lede(facts, model)
                break
            except BatchPending:
                _flush(model)  # --batch: the lede (or its re-ask) goes in a batch of its own
            except (ModelError, EndpointError):
                break
        for problem in dropped:
            log.info("lede: validation rejected %s", problem)
        if cache is not None and lines:
            cache.put_value(key, [line.model_dump() for line in lines])
    if not lines:
        return brief
    return brief.model_copy(
        update={"lede": lines, "lede_by": "model", "events": mark_lede(lines, brief.events)}
    )


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
    model: Model,
    cache: ExtractionCache | None,
    tick: Callable[[str], None],
    fuller: tuple[Article, ArticleExtraction] | None = None,
) -> ArticleExtraction | None:
    """Extract ``article`` (a near-copy: from ``fuller``'s answers and its own text only),
    store it in the cache and tick progress. A failing model leaves the rules' facts. None
    when a question is queued for a batch (``BatchPending``): the article is done again after
    the batch."""
    usage = Usage()
    prepared = prepare_article(article)
    try:
        with model.tracking(usage):
            if fuller is not None and fuller[1].model_error is None:
                extraction = extract_copy(prepared, prepare_article(fuller[0]), fuller[1], model)
            else:
                extraction = extract_prepared(prepared, model)
    except BatchPending:
        return None
    except (ModelError, EndpointError) as error:
        if isinstance(error, EndpointError) and isinstance(model, ModelSession) and model.replay:
            raise ReplayError(
                f"{model.replay} has no recorded answer for {article.path} ({error}). The "
                "articles, prompts or --model changed since it was recorded: re-record it "
                "with --record."
            ) from error
        kind = "model endpoint failed" if isinstance(error, EndpointError) else "no usable answer"
        extraction = rules_only_extraction(article, prepared, missing=f"{kind}: {error}")
    for dropped in extraction.stats.dropped:
        log.info("%s: validation rejected %s", article.path, dropped)
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
