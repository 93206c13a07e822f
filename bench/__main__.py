"""newsbrief benchmark: ``python -m bench`` prints figures; it asserts nothing.

1. The embedded model on examples/kursk and the development stories (tests/stories/*, or
   ``--stories``), in one model session. Per call: prompt tokens reused from llama.cpp's
   prefix cache and evaluated, completion tokens, prompt and generation speed (read from
   the server's log), and each re-ask with the validation error that caused it. Per story:
   wall and model time, unique article tokens (near-copies' shared text left out), prompt
   tokens evaluated per unique article token, the floor (unique article tokens at the
   measured prompt speed + answer tokens at the measured generation speed) and wall / floor.
2. The one-call instructor baseline on the same model: tokens, time and quote figures.
3. A stub OpenAI-compatible server (in its own process) answering after a fixed delay, with
   200 synthetic articles: throughput at concurrency 1, 4 and 16 against the ideal
   (articles x delay / concurrency), and against the best whole rounds allow. The delay is
   0.25 s, a stress that makes the client's own time per call show; concurrency 16 is run
   again at 1 s, about what a hosted model takes to answer for one article.
4. A re-run on the unchanged folder (served from the cache).
5. Merge and render alone on 10, 100 and 1,000 synthetic extractions: time and peak memory.
6. Scaling curves (no model; an in-process stand-in answers as the stub does): a cached
   re-run of 100, 1,000 and 3,000 distinct synthetic articles (target: 3,000 within 3.5 x
   the time of 1,000), and the rule stage (rules, chunks, requests, assembly) on one article
   of 200 KB, 400 KB and 2 MB (target: 2 MB in seconds).

``python -m bench.prompt_tokens`` counts where an article call's prompt tokens go (the
model's tokenizer only; no model is run).

Parts 1, 2 and 4 need the embedded model (the 'local' extra); ``--skip-model`` leaves them out.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

from pipeline.merge import find_near_duplicates, merge_extractions
from pipeline.model.session import ModelSession
from pipeline.read import read_articles
from pipeline.render import render_json, render_markdown
from pipeline.run import run_folder
from pipeline.settings import resolve_settings
from tools.evaluate import EXAMPLE, evaluate_pipeline, format_table, load_labels

from .calls import CallRecorder, server_calls, server_requests, story_figures
from .synthetic import article_text, extraction

__all__ = ["server_requests"]


def heading(text: str) -> None:
    print(f"\n== {text} " + "=" * max(0, 76 - len(text)), flush=True)


def isolated_settings(tmp: Path):
    """Settings whose result cache is empty but whose model weights are the user's."""
    settings = resolve_settings()
    cache = tmp / "cache"
    cache.mkdir()
    models = settings.cache_dir / "models"
    if models.exists():
        (cache / "models").symlink_to(models)
    return replace(settings, cache_dir=cache)


def article_tokens(texts: list[str]) -> list[int | None]:
    """Each text's length in the embedded model's tokens (None without llama-cpp)."""
    try:
        from llama_cpp import Llama

        from pipeline.model.embedded import weights_path
    except ImportError:
        return [None] * len(texts)
    model = Llama(str(weights_path(resolve_settings().cache_dir)), vocab_only=True, verbose=False)
    return [len(model.tokenize(t.encode(), add_bos=False)) for t in texts]


STORIES = Path(__file__).resolve().parents[1] / "tests" / "stories"


def story_folders() -> list[Path]:
    """The example, then each development story under tests/stories that holds articles
    (its labels.json aside; tests/stories/kursk holds only the example's labels)."""
    stories = sorted(
        p
        for p in STORIES.iterdir()
        if p.is_dir() and any(f.name != "labels.json" for f in p.iterdir() if f.is_file())
    )
    return [EXAMPLE, *stories]


def unique_texts(articles: list) -> list[str]:
    """Per article, the text its model calls are about: every sentence, but for a near-copy
    (``find_near_duplicates``) only the sentences it adds to its fuller article."""
    from pipeline.extract import _shared_sentences, prepare_article

    duplicates = find_near_duplicates({a.id: a.text for a in articles})
    by_id = {a.id: a for a in articles}
    texts = []
    for article in articles:
        prepared = prepare_article(article)
        sentences = prepared.sentences
        if article.id in duplicates:
            shared = _shared_sentences(prepared, prepare_article(by_id[duplicates[article.id]]))
            sentences = [s for s in sentences if s.id not in shared]
        texts.append("\n".join(s.text for s in sentences))
    return texts


def _speed(value: float | None) -> str:
    return f"{value:.1f}" if value else "n/a"


def bench_embedded(settings, folders: list[Path], *, replay: Path | None = None):
    """Part 1 on each story folder, in one model session: per call, then per story. Returns
    the example's report, articles and labels (for part 2), or None when it was not run.
    ``replay``: answers from this cassette instead of the model (a check of the benchmark
    itself: the speeds then come from whatever server log the cache holds)."""
    heading("1. embedded model on " + ", ".join(f.name for f in folders))
    recorder = CallRecorder()
    results = []
    with ModelSession(settings, replay=replay) as session:
        session.open()
        recorder.attach(session.client())
        print(f"server start {session.start_seconds:.1f} s (once, for every story)")
        for folder in folders:
            recorder.story = folder.name
            exclude = (folder / "labels.json",)
            started = time.perf_counter()
            report = run_folder(
                folder,
                session,
                cache_dir=settings.cache_dir,
                concurrency=1,
                exclude=exclude,
                progress=lambda path, done, total: recorder.finished(path),
            )
            wall = time.perf_counter() - started
            recorder.close_story()
            articles = read_articles(folder, exclude=exclude).articles
            results.append((folder, report, wall, articles))
    log = settings.cache_dir / "embedded-server.log"
    server = server_calls(log.read_text(errors="replace") if log.is_file() else "")
    records = recorder.calls
    if len(server) != len(records):
        print(
            f"(the server logged {len(server)} requests and the client made {len(records)} "
            "calls: rows are paired in order)"
        )
    print(
        f"{'story':<15}{'article':<22}{'reused':>7}{'evaluated':>10}{'completion':>11}"
        f"{'prompt t/s':>11}{'gen t/s':>8}  re-ask: why"
    )
    for record, call in zip(records, server, strict=False):
        print(
            f"{record.story[:14]:<15}{record.article[:21]:<22}{call.reused:>7}{call.evaluated:>10}"
            f"{record.completion_tokens:>11}{_speed(call.prompt_speed):>11}"
            f"{_speed(call.generation_speed):>8}  {record.reask or ''}"
        )
    print(
        f"\n{'story':<15}{'articles':>9}{'wall s':>8}{'model s':>8}{'calls':>6}{'re-asks':>8}"
        f"{'dropped':>8}{'unique tok':>11}{'evaluated':>10}{'eval/uniq':>10}{'answer tok':>11}"
        f"{'prompt t/s':>11}{'gen t/s':>8}{'floor s':>8}{'wall/floor':>11}"
    )
    position, example = 0, None
    for folder, report, wall, articles in results:
        mine = [r for r in records if r.story == folder.name]
        calls = server[position : position + len(mine)]
        position += len(mine)
        tokens = article_tokens(unique_texts(articles))
        figures = story_figures(mine, calls, sum(t or 0 for t in tokens))
        dropped = sum(len(x.stats.dropped) for x in report.extractions)
        wall_model = wall - report.stages.start_model
        ratio = figures.evaluated_per_unique
        per_floor = figures.wall_per_floor(wall_model)
        print(
            f"{folder.name[:14]:<15}{len(articles):>9}{wall_model:>8.1f}{report.model_seconds:>8.1f}"
            f"{figures.calls:>6}{figures.reasks:>8}{dropped:>8}"
            f"{figures.unique_tokens if all(tokens) else 'n/a':>11}{figures.evaluated:>10}"
            f"{f'{ratio:.2f}' if ratio and all(tokens) else 'n/a':>10}{figures.answer_tokens:>11}"
            f"{_speed(figures.prompt_speed):>11}{_speed(figures.generation_speed):>8}"
            f"{f'{figures.floor_s:.1f}' if figures.floor_s and all(tokens) else 'n/a':>8}"
            f"{f'{per_floor:.2f}' if per_floor and all(tokens) else 'n/a':>11}"
        )
        overhead = wall_model - report.model_seconds
        if report.model_seconds:
            print(
                f"{'':<15}pipeline overhead (wall - model) {overhead:.2f} s = "
                f"{100 * overhead / report.model_seconds:.2f}% of model time; "
                f"{figures.completion_tokens} completion tokens in all"
            )
        if folder == EXAMPLE:
            example = (report, articles, load_labels())
    print(
        "(floor: unique article tokens at the story's prompt speed + answer tokens, those of "
        "first questions, at its generation speed; wall without the server start)"
    )
    return example


def bench_baseline(
    settings, report, articles, labels, record: Path | None, replay: Path | None
) -> None:
    heading("2. one-call instructor baseline on the same model")
    from tools.evaluate import evaluate_baseline

    started = time.perf_counter()
    scores, usage = evaluate_baseline(settings, articles, labels, replay=replay, record=record)
    wall = time.perf_counter() - started
    columns = {
        "newsbrief": evaluate_pipeline(report.extractions, articles, labels),
        "one-call baseline": scores,
    }
    print(format_table(columns, {"newsbrief": report.usage, "one-call baseline": usage}))
    print(
        f"newsbrief model time {report.model_seconds:.1f} s; "
        f"baseline model time {usage['seconds']:.1f} s "
        f"(wall {wall:.1f} s{', replayed' if replay else ''})"
    )


STUB = """
import sys, time
from tools.stub import Reply, StubServer, schema_answer
delay = float(sys.argv[2])
with StubServer(lambda r: Reply(body=schema_answer(r), delay=delay), port=int(sys.argv[1])):
    time.sleep(3600)
"""


def bench_stub(delay: float, count: int, levels: list[int], *, title: bool = True) -> None:
    if title:
        heading(f"3. stub server, {count} synthetic articles")
    from pipeline.model.embedded import free_port

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for i in range(count):
            (folder / f"{i:04d}.txt").write_text(article_text(i), encoding="utf-8")
        port = free_port()
        server = subprocess.Popen([sys.executable, "-c", STUB, str(port), str(delay)])
        try:
            base_url = f"http://127.0.0.1:{port}/v1"
            _wait_for(base_url)
            settings = replace(resolve_settings(base_url=base_url), cache_dir=Path(tmp) / "cache")
            print(f"replies after {delay:.2f} s:")
            print(
                f"{'concurrency':>11}{'extract s':>11}{'ideal s':>9}{'articles/s':>12}"
                f"{'of ideal':>10}{'of rounds':>11}{'calls':>7}"
            )
            for level in levels:
                with ModelSession(settings) as session:
                    report = run_folder(folder, session, concurrency=level)
                ideal = count * delay / level
                # articles go out in whole rounds: 200 at 16 take 13 replies' time, not 12.5
                rounds = -(-count // level) * delay
                took = report.stages.extract
                print(
                    f"{level:>11}{took:>11.2f}{ideal:>9.2f}{count / took:>12.1f}"
                    f"{100 * ideal / took:>9.1f}%{100 * rounds / took:>10.1f}%"
                    f"{int(report.usage['calls']):>7}"
                )
        finally:
            server.terminate()
            server.wait()


def _wait_for(base_url: str) -> None:
    import urllib.request

    for _ in range(100):
        try:
            urllib.request.urlopen(f"{base_url}/models", timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)


def bench_rerun(settings) -> None:
    heading("4. re-run on the unchanged folder")
    started = time.perf_counter()
    with ModelSession(settings) as session:
        report = run_folder(EXAMPLE, session, cache_dir=settings.cache_dir)
    wall = time.perf_counter() - started
    print(
        f"wall time {wall:.2f} s, {int(report.usage.get('calls', 0))} model calls, "
        f"{report.cached} of {len(report.extractions)} articles from the cache"
    )
    # The same as a user runs it: a new process, imports and writing brief.md/.json included.
    with tempfile.TemporaryDirectory() as out:
        command = [sys.executable, "-m", "pipeline", str(EXAMPLE), "-o", f"{out}/brief.md"]
        env = {**os.environ, "NEWSBRIEF_CACHE_DIR": str(settings.cache_dir)}
        started = time.perf_counter()
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        wall = time.perf_counter() - started
    summary = next((line for line in done.stderr.splitlines() if "model calls" in line), "")
    print(f"the command, start to exit: {wall:.2f} s (exit {done.returncode}); {summary.strip()}")


def bench_merge(sizes: list[int]) -> None:
    heading("5. merge and render alone on synthetic extractions")
    print("(times without memory tracing, which slows allocation; peak memory in a second pass)")
    print(f"{'articles':>9}{'merge s':>9}{'render s':>10}{'peak MiB':>10}")
    for size in sizes:
        extractions = [extraction(i) for i in range(size)]
        started = time.perf_counter()
        brief = merge_extractions(extractions)
        merged = time.perf_counter()
        render_markdown(brief)
        render_json(brief)
        rendered = time.perf_counter()
        tracemalloc.start()
        render_json(merge_extractions(extractions))
        render_markdown(brief)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"{size:>9}{merged - started:>9.2f}{rendered - merged:>10.2f}{peak / 2**20:>10.1f}")


def bench_scaling(counts: list[int], sizes_kb: list[int]) -> None:
    heading("6. scaling: cached re-run and the rule stage")
    from tools.stub import InProcessModel

    print("(re-run: the faster of two; its stages: reading, the cache and near-copy detection,")
    print(" merge; a busy machine shows as noise)")
    print(
        f"{'articles':>9}{'first run s':>13}{'re-run s':>10}{'read':>7}{'cache+dup':>10}"
        f"{'merge':>7}{'calls':>7}{'per 1,000 s':>13}"
    )
    times = {}
    for count in counts:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "articles"
            folder.mkdir()
            for i in range(count):
                (folder / f"{i:05d}.txt").write_text(article_text(i), encoding="utf-8")
            cache = Path(tmp) / "cache"
            started = time.perf_counter()
            run_folder(folder, InProcessModel(), cache_dir=cache)
            first = time.perf_counter() - started
            runs = []
            for _ in range(2):
                model = InProcessModel()
                started = time.perf_counter()
                report = run_folder(folder, model, cache_dir=cache)
                runs.append((time.perf_counter() - started, report, model))
            took, report, model = min(runs, key=lambda r: r[0])
            times[count] = took
            stages = report.stages
            print(
                f"{count:>9}{first:>13.2f}{took:>10.2f}{stages.read:>7.2f}{stages.extract:>10.2f}"
                f"{stages.merge:>7.2f}{model.calls:>7}{took / count * 1000:>13.2f}"
            )
    if 1000 in times and 3000 in times:
        print(f"re-run 3,000 / 1,000: {times[3000] / times[1000]:.2f} x (target <= 3.5 x)")
    from pipeline.extract import build_request, chunks, prepare_article, rules_only_extraction
    from pipeline.read import Article

    print(
        f"{'article KB':>11}{'rules s':>9}{'requests s':>12}{'assembly s':>12}{'total s':>9}"
        f"{'chunks':>8}{'quotes':>8}{'figures':>9}"
    )
    for size in sizes_kb:
        parts, length, i = [], 0, 0
        while length < size * 1024:
            parts.append(article_text(i))
            length += len(parts[-1]) + 1
            i += 1
        text = "\n".join(parts)
        article = Article(id="S1", path="big.txt", text=text, sha256="0" * 64)
        started = time.perf_counter()
        prepared = prepare_article(article)
        ruled = time.perf_counter()
        runs = chunks(prepared)
        for sentences in runs:
            build_request(prepared, sentences)
        requested = time.perf_counter()
        rules_only_extraction(article, prepared)
        done = time.perf_counter()
        print(
            f"{size:>11}{ruled - started:>9.2f}{requested - ruled:>12.2f}{done - requested:>12.2f}"
            f"{done - started:>9.2f}{len(runs):>8}{len(prepared.quotes):>8}"
            f"{len(prepared.figures):>9}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-model", action="store_true", help="leave out parts 1, 2 and 4")
    parser.add_argument(
        "--baseline-replay", type=Path, help="replay the baseline from this cassette"
    )
    parser.add_argument("--record-baseline", type=Path, help="record the live baseline here")
    parser.add_argument(
        "--stub-delay", type=float, default=0.25, help="seconds a stub reply takes (a stress)"
    )
    parser.add_argument(
        "--stub-model-delay",
        type=float,
        default=1.0,
        help="a hosted model's time for one article, run at concurrency 16 only (0: skip)",
    )
    parser.add_argument("--stub-articles", type=int, default=200)
    parser.add_argument(
        "--scale-articles",
        type=int,
        nargs="*",
        default=[100, 1000, 3000],
        help="folder sizes for the cached re-run curve (none: skip)",
    )
    parser.add_argument(
        "--scale-kb",
        type=int,
        nargs="*",
        default=[200, 400, 2048],
        help="article sizes (KB) for the rule-stage curve (none: skip)",
    )
    parser.add_argument(
        "--stories",
        type=Path,
        nargs="*",
        help="story folders for part 1 (default: examples/kursk and tests/stories/*)",
    )
    parser.add_argument("--only-scaling", action="store_true", help="run part 6 only")
    args = parser.parse_args(argv)
    if args.only_scaling:
        bench_scaling(args.scale_articles, args.scale_kb)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_model:
            settings = isolated_settings(Path(tmp))
            example = bench_embedded(settings, args.stories or story_folders())
            if example is not None:
                report, articles, labels = example
                bench_baseline(
                    settings, report, articles, labels, args.record_baseline, args.baseline_replay
                )
        bench_stub(args.stub_delay, args.stub_articles, [1, 4, 16])
        if args.stub_model_delay:
            bench_stub(args.stub_model_delay, args.stub_articles, [16], title=False)
        if not args.skip_model:
            bench_rerun(settings)
        bench_merge([10, 100, 1000])
        bench_scaling(args.scale_articles, args.scale_kb)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
