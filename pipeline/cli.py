"""Command line: ``newsbrief FOLDER -o brief.md``. Parses, checks the configuration,
dispatches, and turns errors into messages; the work is done in ``run``.

Before a single article is read, the output paths and the endpoint are checked once; a
configuration fault exits 2 with one message saying what to try. ``-q`` hides progress and
the summary, never an error. Everything shown that came from input or from a server is
escaped for the terminal (``display``)."""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import signal
import sys
import threading
from dataclasses import replace
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from .errors import ConfigError, NewsbriefError, OutputError, redact
from .files import check_writable, write_together
from .model.session import ModelSession
from .read import safe_name
from .render import render_json, render_markdown
from .run import RunReport, run_folder
from .settings import (
    ANSWER_FORMATS,
    ENV_API_KEY,
    ENV_BASE_URL,
    ENV_CACHE_DIR,
    ENV_MODEL,
    ENV_NEWSBRIEF_KEY,
    Settings,
    default_cache_dir,
    resolve_settings,
)

DESCRIPTION = """\
Turn a folder of news articles about one story into a consolidated, sourced brief.

Reads every .txt, .md and .html article in FOLDER, extracts events, quotes, stances and
figures with a language model, and merges them into one Markdown brief (and JSON).
"""

EPILOG = f"""\
Model endpoint, resolved as flag > environment > default:
  --base-url / {ENV_BASE_URL}   any OpenAI-compatible server (OpenAI, Ollama,
                                 vLLM, LM Studio, llama.cpp); none: the embedded
                                 offline model (needs the 'local' extra)
  -m, --model / {ENV_MODEL}  model name (default gpt-4o-mini on an endpoint)
  --api-key / {ENV_NEWSBRIEF_KEY}  key for the endpoint
  {ENV_API_KEY}                 sent only to OpenAI or to the {ENV_BASE_URL}
                                 beside it, never to a --base-url typed here

Cache: ${ENV_CACHE_DIR}, else $XDG_CACHE_HOME/newsbrief, else ~/.cache/newsbrief
(now {default_cache_dir(os.environ)}); --clear-cache empties it.

Exit status: 0 every article processed; 1 some article could not be (listed in the brief);
2 configuration or input error (the message says what to try); 130 interrupted (Ctrl-C or
SIGTERM; nothing written, finished articles stay in the cache).
"""


def _version() -> str:
    try:
        return version("newsbrief")
    except PackageNotFoundError:  # run from a checkout that is not installed
        return "unknown (not installed)"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (``newsbrief --help`` shows it)."""
    parser = argparse.ArgumentParser(
        prog="newsbrief",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "folders",
        type=Path,
        nargs="*",
        metavar="FOLDER",
        help="folder holding the articles of one story (required to run); several folders "
        "make one brief each, in one model session, written into the directory -o names",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=_output_path,
        help="write the Markdown brief here (default: stdout); a path ending in / is a "
        "directory that receives FOLDER-NAME.md and .json",
    )
    parser.add_argument(
        "--json",
        type=Path,
        dest="json_path",
        help="write the brief as JSON here (default: next to --output, with .json)",
    )
    parser.add_argument("--base-url", help=f"OpenAI-compatible endpoint (env {ENV_BASE_URL})")
    parser.add_argument("-m", "--model", help=f"model name (env {ENV_MODEL})")
    parser.add_argument(
        "--api-key",
        help=f"key for the endpoint (env {ENV_NEWSBRIEF_KEY}; prefer the variable: flags "
        "show in ps)",
    )
    parser.add_argument(
        "--answer-format",
        choices=ANSWER_FORMATS,
        help="how the answer's schema reaches the model: tools (a tool call), json_schema "
        "(structured outputs) or json (JSON in the text); default: json_schema for the "
        "embedded model and servers on this machine or network, tools for hosted endpoints",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        metavar="SECONDS",
        help="overall deadline of one model call (default 600; retried once)",
    )
    parser.add_argument(
        "--retries",
        type=int,
        metavar="N",
        help="retries of a rate-limited, failing (5xx) or reset call (default 5)",
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
        help="answer model calls from a recorded cassette (with the model and answer format "
        "it was recorded with, whatever the environment says)",
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
    parser.add_argument(
        "--clear-cache",
        action="store_true",
        help="delete stored extractions and ledes (not the embedded model's weights), then "
        "run FOLDER if one is given",
    )
    noise = parser.add_mutually_exclusive_group()
    noise.add_argument(
        "-q", "--quiet", action="store_true", help="print no progress or summary (errors still)"
    )
    noise.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="also show each model call and what validation rejected (id, answer, reason)",
    )
    parser.add_argument("--version", action="version", version=f"newsbrief {_version()}")
    return parser


def display(text: object) -> str:
    """``text`` safe to print through rich: markup escaped, terminal control characters
    and bytes that are not UTF-8 written as escapes; its line breaks kept (file names in it
    have theirs escaped already, by the reader)."""
    return "\n".join(escape(safe_name(line)) for line in str(text).split("\n"))


class _Interrupted(Exception):
    pass


def cli(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 some article failed, 2 a
    configuration or input error, 130 interrupted)."""
    args = build_parser().parse_args(argv)
    _stop_cleanly_on_sigterm()
    # instructor logs every failed attempt; newsbrief reports the outcome itself.
    logging.getLogger("instructor").setLevel(logging.CRITICAL)
    console = Console(stderr=True, quiet=args.quiet, soft_wrap=True, highlight=False)
    errors = Console(stderr=True, soft_wrap=True, highlight=False)
    settings: Settings | None = None
    handler = _log_to(errors if not args.quiet else console, args.verbose)
    try:
        settings = resolve_settings(
            base_url=args.base_url,
            model=args.model,
            api_key=args.api_key,
            answer_format=args.answer_format,
            timeout_s=args.timeout,
            retries=args.retries,
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
        handler.secrets = [settings.api_key]
        if args.clear_cache:
            _clear_cache(settings, console)
            if not args.folders:
                return 0
        if not args.folders:
            errors.print(
                "[bold red]newsbrief:[/] give the FOLDER that holds the articles "
                "(newsbrief --help shows the options)"
            )
            return 2
        runs = _run(args, settings, console)
    except NewsbriefError as error:
        secret = settings.api_key if settings is not None else args.api_key
        errors.print(f"[bold red]newsbrief:[/] {display(redact(str(error), secret))}")
        return 2
    except KeyboardInterrupt:
        cached = not (args.no_model or args.no_cache or args.replay or args.record)
        resume = " (finished articles are in the cache, so a re-run resumes)" if cached else ""
        errors.print(f"[bold red]newsbrief:[/] interrupted; no output written{resume}")
        return 130
    finally:
        logging.getLogger("newsbrief").removeHandler(handler)
    for report, (output, json_path) in runs:
        _summary(report, args, console, errors, output, json_path)
    return 1 if any(r.failed or r.brief.unjudged for r, _ in runs) else 0


class _ConsoleHandler(logging.Handler):
    """Log records through a rich console, escaped."""

    def __init__(self, console: Console) -> None:
        super().__init__()
        self.console = console
        self.secrets: list[str] = []
        """Configured keys, redacted from every record (they may quote a server)."""

    def emit(self, record: logging.LogRecord) -> None:
        colour = "yellow" if record.levelno >= logging.WARNING else "dim"
        message = redact(record.getMessage(), *self.secrets)
        self.console.print(f"[{colour}]{display(message)}[/]")


def _log_to(console: Console, verbose: bool) -> _ConsoleHandler:
    logger = logging.getLogger("newsbrief")
    handler = _ConsoleHandler(console)
    handler.setLevel(logging.DEBUG if verbose else logging.WARNING)
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    return handler


def _clear_cache(settings: Settings, console: Console) -> None:
    """Delete stored extractions and ledes (``CACHE/extractions``)."""
    folder = settings.cache_dir / "extractions"
    if folder.is_dir():
        count = sum(1 for _ in folder.glob("*.json"))
        shutil.rmtree(folder)
        console.print(f"newsbrief: removed {count} stored results from {display(folder)}")
    else:
        console.print(f"newsbrief: nothing stored in {display(folder)}")


Outputs = tuple[Path | None, Path | None]


class _DirectoryPath(type(Path())):  # type: ignore[misc]
    """An ``-o`` written with a trailing separator ("briefs/"): a directory, made if missing."""


def _output_path(value: str) -> Path:
    """``-o`` as given: a ``_DirectoryPath`` when it ends with a path separator."""
    return _DirectoryPath(value) if value.endswith(("/", os.sep)) else Path(value)


def _outputs(args: argparse.Namespace) -> list[Outputs]:
    """The Markdown and JSON paths of each folder's brief, each checked writable
    (``ConfigError`` otherwise). One folder: ``-o`` and ``--json`` as given (stdout without
    ``-o``). Several, or an ``-o`` ending in a separator ("briefs/"): ``-o`` is a directory
    (made if missing) that receives ``<folder name>.md`` and ``.json`` for each; ``--json``
    does not apply."""
    if len(args.folders) == 1 and not isinstance(args.output, _DirectoryPath):
        output = args.output
        json_path = args.json_path or (output.with_suffix(".json") if output else None)
        if output is not None:
            check_writable(output, "-o")
        if json_path is not None:
            check_writable(json_path, "--json" if args.json_path else "-o (its .json beside it)")
        return [(output, json_path)]
    if (
        args.output is None
        or args.json_path is not None
        or (args.output.suffix and not isinstance(args.output, _DirectoryPath))
    ):
        raise ConfigError(
            f"{len(args.folders)} folders make {len(args.folders)} briefs: give -o DIRECTORY "
            "(each brief is written there as FOLDER-NAME.md with its .json; --json is for one "
            "folder)"
        )
    names = [folder.resolve().name or "brief" for folder in args.folders]
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise ConfigError(
            f"two folders are named {repeated[0]!r}: their briefs would overwrite each other "
            "in -o; run them separately"
        )
    args.output.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        output = args.output / f"{name}.md"
        check_writable(output, "-o")
        check_writable(output.with_suffix(".json"), "-o")
        paths.append((output, output.with_suffix(".json")))
    return paths


def _run(
    args: argparse.Namespace, settings: Settings, console: Console
) -> list[tuple[RunReport, Outputs]]:
    """Each folder's run, in one model session (the embedded model is started once)."""
    if args.replay is not None:
        settings = _replay_settings(settings, args.replay)
    outputs = _outputs(args)
    where = (
        "no model (rules alone)"
        if args.no_model
        else f"replaying {args.replay} ({settings.model})"
        if args.replay
        else f"{settings.base_url} ({settings.model}), through the Batch API"
        if settings.batch
        else "embedded model (llama.cpp, started when an article needs it)"
        if settings.embedded
        else f"{settings.base_url} ({settings.model}, answers as {settings.answer_format})"
    )
    runs = []
    with ModelSession(settings, replay=args.replay, record=args.record) as session:
        if not args.no_model:
            session.check()
        for folder, paths in zip(args.folders, outputs, strict=True):
            console.print(f"newsbrief: {display(folder)} — {display(where)}")
            report = _run_one(args, settings, console, session, folder, paths)
            runs.append((report, paths))
    return runs


def _run_one(
    args: argparse.Namespace,
    settings: Settings,
    console: Console,
    session: ModelSession,
    folder: Path,
    paths: Outputs,
) -> RunReport:
    output, json_path = paths
    with console.status("reading articles") as status:

        def progress(path: str, done: int, total: int) -> None:
            finished = f" (finished {display(path)})" if path else ""
            status.update(f"extracting articles: {done}/{total} done{finished}")
            if path and not console.is_terminal:
                console.print(f"  {done}/{total} {display(path)}")

        # A replay reproduces its cassette and a recording must call the model: both
        # bypass the cache.
        use_cache = not (args.no_cache or args.replay or args.record)
        report = run_folder(
            folder,
            None if args.no_model else session,
            cache_dir=settings.cache_dir if use_cache else None,
            progress=progress,
            concurrency=args.concurrency,
            exclude=tuple(p for p in (output, json_path) if p is not None),
            max_article_chars=settings.max_article_chars,
        )
    markdown = render_markdown(report.brief)
    json_text = render_json(report.brief)
    files = [(p, t) for p, t in ((output, markdown), (json_path, json_text)) if p is not None]
    try:
        write_together(files)
    except OSError as error:
        raise OutputError(
            f"could not write {', '.join(str(p) for p, _ in files)}: "
            f"{error.strerror or error}. Nothing was written (the results are in the cache, "
            "so a re-run with another -o takes seconds)."
        ) from error
    if output is None:
        sys.stdout.write(markdown)
    return report


def _replay_settings(settings: Settings, cassette: Path) -> Settings:
    """The settings a cassette was recorded with: a replay needs only ``--replay``."""
    from .model.replay import settings_for_replay

    return settings_for_replay(settings, cassette)


def _summary(
    report: RunReport,
    args: argparse.Namespace,
    console: Console,
    errors: Console,
    output: Path | None,
    json_path: Path | None,
) -> None:
    usage = report.usage
    stats = report.brief.stats
    failed_calls = int(usage.get("failed_calls", 0))
    failed = f" ({failed_calls} failed)" if failed_calls else ""
    if args.no_model:
        console.print(
            f"newsbrief: {_articles(stats.articles)} by rules alone (no model), "
            f"{report.seconds:.1f} s"
        )
    else:
        console.print(
            f"newsbrief: {_articles(stats.articles)} ({report.cached} from cache), "
            f"{int(usage.get('calls', 0))} model calls{failed}, "
            f"{int(usage.get('prompt_tokens', 0))} prompt + "
            f"{int(usage.get('completion_tokens', 0))} completion tokens, "
            f"{report.seconds:.1f} s ({report.model_seconds:.1f} s waiting on the model, "
            f"retries included); {stats.dropped} model outputs rejected by validation"
            + ("" if args.verbose else " (-v lists them)" if stats.dropped else "")
        )
    for skipped in report.skipped:
        console.print(f"[dim]skipped:[/] {display(skipped.path)}: {display(skipped.message)}")
    for failure in report.failed:
        errors.print(
            f"[yellow]not processed:[/] {display(failure.path)}: {display(failure.reason)}"
        )
    for failure in report.brief.unjudged:
        errors.print(
            f"[yellow]judged by rules only:[/] {display(failure.path)}: {display(failure.reason)}"
        )
    if output is not None:
        console.print(f"wrote {display(output)} and {display(json_path)}")


def _stop_cleanly_on_sigterm() -> None:
    """Turn SIGTERM into KeyboardInterrupt, so the embedded server is stopped and no file is
    left half-written when newsbrief is killed (as on Ctrl-C)."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)


def _interrupt(signum: int, frame: object) -> None:
    if _WATCHDOG.is_set():
        _arm_watchdog()
    raise KeyboardInterrupt


#: Set by the console script: an interrupt also arms ``_arm_watchdog``.
_WATCHDOG = threading.Event()
#: Seconds an interrupted run has to stop on its own (stop the embedded server, say so)
#: before the process ends regardless: no wait of a library's clean-up can keep it alive.
INTERRUPT_GRACE_S = 1.5


def _arm_watchdog() -> None:
    """End the process ``INTERRUPT_GRACE_S`` after an interrupt if it has not ended by then,
    with the interrupt's message and exit status 130. Nothing is written by then: output
    files are written only after every article is done."""

    def stop_now() -> None:
        try:
            os.write(2, b"newsbrief: interrupted; no output written\n")
        finally:
            os._exit(130)

    timer = threading.Timer(INTERRUPT_GRACE_S, stop_now)
    timer.daemon = True
    timer.start()


def main() -> None:
    """Console-script entry point. After an interrupt (Ctrl-C, SIGTERM) the process ends at
    once: calls still stalled in worker threads are abandoned, not waited for (the embedded
    server has been stopped and nothing was written by then); should a clean-up wait anyway,
    it ends ``INTERRUPT_GRACE_S`` after the interrupt (``_arm_watchdog``)."""
    _WATCHDOG.set()
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, _interrupt)
    code = cli()
    if code == 130:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(130)
    sys.exit(code)


def _articles(count: int) -> str:
    """'1 article', '5 articles'."""
    return f"{count} article" if count == 1 else f"{count} articles"
