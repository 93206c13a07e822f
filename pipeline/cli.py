"""Command line: ``newsbrief FOLDER -o brief.md``. Parses, dispatches, and turns errors
into messages; the work is done in ``run``."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from dataclasses import replace
from pathlib import Path

from rich.console import Console

from .errors import ConfigError, NewsbriefError
from .files import write_atomic
from .model.session import ModelSession
from .render import render_json, render_markdown
from .run import RunReport, run_folder
from .settings import ENV_API_KEY, ENV_BASE_URL, ENV_MODEL, resolve_settings

DESCRIPTION = """\
Turn a folder of news articles about one story into a consolidated, sourced brief.

Reads every .txt, .md and .html article in FOLDER, extracts events, quotes, stances and
figures with a language model, and merges them into one Markdown brief (and JSON).

Model endpoint, resolved as flag > environment > default:
  --base-url / OPENAI_BASE_URL   any OpenAI-compatible server (OpenAI, Ollama, vLLM, llama.cpp)
  --model / NEWSBRIEF_MODEL      model name
  OPENAI_API_KEY                 key for the endpoint (not needed for local servers)
With no endpoint configured, the embedded offline model is started (needs the 'local' extra).
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsbrief",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("folder", type=Path, help="folder holding the articles")
    parser.add_argument(
        "-o", "--output", type=Path, help="write the Markdown brief here (default: stdout)"
    )
    parser.add_argument(
        "--json",
        type=Path,
        dest="json_path",
        help="write the brief as JSON here (default: next to --output, with .json)",
    )
    parser.add_argument("--base-url", help=f"OpenAI-compatible endpoint (env {ENV_BASE_URL})")
    parser.add_argument("--model", help=f"model name (env {ENV_MODEL})")
    parser.add_argument(
        "--api-key", help=f"API key (env {ENV_API_KEY}; prefer the variable: flags show in ps)"
    )
    recorded = parser.add_mutually_exclusive_group()
    recorded.add_argument(
        "--no-model",
        action="store_true",
        help="make the brief by rules alone: no model is started or called (about a second)",
    )
    recorded.add_argument(
        "--replay",
        type=Path,
        metavar="CASSETTE",
        help="answer model calls from a recorded cassette",
    )
    recorded.add_argument(
        "--record",
        type=Path,
        metavar="CASSETTE",
        help="record this run's model calls to a cassette",
    )
    recorded.add_argument(
        "--batch",
        action="store_true",
        help="send the model calls through the OpenAI Batch API of the endpoint (half the "
        "price; answers within the batch window, up to 24 h): for large folders",
    )
    parser.add_argument(
        "--batch-poll",
        type=float,
        default=30.0,
        metavar="S",
        help="with --batch: seconds between checks of a batch's status (default 30)",
    )
    parser.add_argument(
        "--concurrency",
        type=int,
        metavar="N",
        help="articles extracted at once (default: 1 for the embedded model, 4 for an endpoint)",
    )
    parser.add_argument(
        "--max-article-chars",
        type=int,
        metavar="N",
        help="longest article extracted, in characters (env NEWSBRIEF_MAX_ARTICLE_CHARS; "
        "default 200000); a longer file is listed as not processed, not split into many calls",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="extract every article again, ignoring stored results",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print no progress or summary")
    return parser


def cli(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 some article failed, 2 error)."""
    args = build_parser().parse_args(argv)
    _stop_cleanly_on_sigterm()
    # instructor logs every failed attempt; newsbrief reports the outcome itself.
    logging.getLogger("instructor").setLevel(logging.CRITICAL)
    console = Console(stderr=True, quiet=args.quiet, soft_wrap=True)
    try:
        settings = resolve_settings(
            base_url=args.base_url,
            model=args.model,
            api_key=args.api_key,
            max_article_chars=args.max_article_chars,
        )
        if args.batch:
            if settings.embedded:
                raise ConfigError(
                    "--batch needs an endpoint with the OpenAI Batch API: give --base-url or "
                    "set OPENAI_BASE_URL (the embedded model answers at once; run it without "
                    "--batch)"
                )
            settings = replace(settings, batch=True, batch_poll_s=args.batch_poll)
        report = _run(args, settings, console)
    except NewsbriefError as error:
        console.print(f"[bold red]newsbrief:[/] {error}", highlight=False)
        return 2
    except KeyboardInterrupt:
        console.print("[bold red]newsbrief:[/] interrupted; no output written")
        return 130
    _summary(report, args, console)
    return 1 if report.failed or report.brief.unjudged else 0


def _run(args: argparse.Namespace, settings, console: Console) -> RunReport:
    where = (
        "no model (rules alone)"
        if args.no_model
        else f"replaying {args.replay}"
        if args.replay
        else f"{settings.base_url} ({settings.model}), through the Batch API"
        if settings.batch
        else "embedded model (llama.cpp, started when an article needs it)"
        if settings.embedded
        else f"{settings.base_url} ({settings.model})"
    )
    console.print(f"newsbrief: {args.folder} — {where}", highlight=False)
    with console.status("reading articles") as status:

        def progress(path: str, done: int, total: int) -> None:
            finished = f" (finished {path})" if path else ""
            status.update(f"extracting articles: {done}/{total} done{finished}")
            if path and not console.is_terminal:
                console.print(f"  {done}/{total} {path}", highlight=False)

        # A replay reproduces its cassette and a recording must call the model: both
        # bypass the cache.
        use_cache = not (args.no_cache or args.replay or args.record)
        with ModelSession(settings, replay=args.replay, record=args.record) as session:
            report = run_folder(
                args.folder,
                None if args.no_model else session,
                cache_dir=settings.cache_dir if use_cache else None,
                progress=progress,
                concurrency=args.concurrency,
                max_article_chars=settings.max_article_chars,
            )
    markdown = render_markdown(report.brief)
    json_text = render_json(report.brief)
    json_path = args.json_path or (args.output.with_suffix(".json") if args.output else None)
    if args.output:
        write_atomic(args.output, markdown)
    else:
        sys.stdout.write(markdown)
    if json_path:
        write_atomic(json_path, json_text)
    return report


def _summary(report: RunReport, args: argparse.Namespace, console: Console) -> None:
    usage = report.usage
    stats = report.brief.stats
    console.print(
        f"newsbrief: {stats.articles} articles ({report.cached} from cache), "
        f"{int(usage.get('calls', 0))} model calls, "
        f"{int(usage.get('prompt_tokens', 0))} prompt + "
        f"{int(usage.get('completion_tokens', 0))} completion tokens, "
        f"{report.seconds:.1f} s ({report.model_seconds:.1f} s waiting on the model); "
        f"{stats.dropped} model outputs rejected by validation",
        highlight=False,
    )
    for failure in report.failed:
        console.print(
            f"[yellow]not processed:[/] {failure.path}: {failure.reason}", highlight=False
        )
    for failure in report.brief.unjudged:
        console.print(
            f"[yellow]judged by rules only:[/] {failure.path}: {failure.reason}", highlight=False
        )
    if args.output:
        console.print(f"wrote {args.output}", highlight=False)


def _stop_cleanly_on_sigterm() -> None:
    """Turn SIGTERM into KeyboardInterrupt, so the embedded server is stopped and no file is
    left half-written when newsbrief is killed (as on Ctrl-C)."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main() -> None:
    """Console-script entry point."""
    sys.exit(cli())
