"""Per-article results on disk, so an unchanged article is never sent to the model twice.

An entry is keyed by the article's cleaned text, the model's identity (model name, endpoint
and answer format), and the code that shapes an extraction: every module of the rules wing
(``pipeline/rules/``), the reading and extraction stages, the schemas with their validators and
the prompts. Change any of them and the article is extracted afresh.
Entries are written atomically as soon as an article is done, so an interrupted run resumes
where it stopped.
"""

from __future__ import annotations

import hashlib
import importlib.resources
import json
import logging
import re
import threading
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from schemas.extraction import ArticleExtraction
from schemas.model_io import ArticleNotes

from .extract import PROMPTS, source_info
from .files import write_atomic
from .model.templates import prompt_fingerprint
from .read import Article

log = logging.getLogger("newsbrief")

#: Packages and stage modules whose code decides what an extraction contains: every ``.py``
#: file of a package counts, so a new rule module is covered without being listed.
SHAPING_CODE = (
    ("pipeline.rules", None),
    ("schemas", None),
    ("pipeline", "read.py"),
    ("pipeline", "clean.py"),
    ("pipeline", "extract.py"),
)


def shaping_files() -> list[tuple[str, bytes]]:
    """``(name, bytes)`` of every source file that shapes an extraction, in a stable order."""
    files = []
    for package, name in SHAPING_CODE:
        root = importlib.resources.files(package)
        entries = [root / name] if name else sorted(root.iterdir(), key=lambda e: e.name)
        for entry in entries:
            if entry.name.endswith(".py") and entry.is_file():
                files.append((f"{package}/{entry.name}", entry.read_bytes()))
    return files


@cache
def code_fingerprint() -> str:
    """Hash of the schemas (their validators too), prompts and rule code that shape an
    extraction."""
    digest = hashlib.sha256()
    digest.update(prompt_fingerprint(*PROMPTS).encode())
    for model in (ArticleExtraction, ArticleNotes):
        digest.update(json.dumps(model.model_json_schema(), sort_keys=True).encode())
    for name, data in shaping_files():
        digest.update(name.encode() + b"\0" + data)
    return digest.hexdigest()[:16]


class ExtractionCache:
    """A folder of ``<key>.json`` files, one per extracted article.

    ``identity`` names what answered: the model, the endpoint and the answer format
    (``Model.identity``); two endpoints serving the same model name never share entries."""

    def __init__(self, folder: Path, identity: str) -> None:
        self.folder = Path(folder)
        self.identity = identity
        self.warning: str | None = None
        """Why entries could not be written, once that happened: the run goes on without
        storing (a full disk or a read-only cache costs the cache, not the run)."""
        self._lock = threading.Lock()
        self.discarded: list[str] = []
        """Notes on entries that were read and thrown away (wrong shape, or not grounded in
        their article); each is made afresh."""

    def key(self, article: Article) -> str:
        raw = f"{article.sha256}\n{self.identity}\n{code_fingerprint()}"
        return hashlib.sha256(raw.encode()).hexdigest()[:32]

    def path(self, article: Article) -> Path:
        return self.folder / f"{self.key(article)}.json"

    def get(self, article: Article) -> ArticleExtraction | None:
        """The stored extraction, relabelled for this article; None if absent. An entry that
        breaks its schema or is not grounded in the article (``grounding_problem``) is
        discarded with a note in ``discarded``, and the article is extracted afresh."""
        path = self.path(article)
        try:
            raw = path.read_text(encoding="utf-8")
        except OSError:
            return None
        except UnicodeDecodeError:
            raw = ""
        try:
            stored = ArticleExtraction.model_validate_json(raw)
        except (ValidationError, ValueError):
            self._discard(path, f"cache entry for {article.path} is not a valid extraction")
            return None
        problem = grounding_problem(stored, article)
        if problem:
            self._discard(path, f"cache entry for {article.path} does not match it ({problem})")
            return None
        return relabel(stored, article)

    def get_value(self, key: str, check: Any = None) -> Any:
        """A stored JSON value (a lede), or None. ``check(value)`` returns a problem (or None);
        a value it rejects, or that is not JSON, is discarded with a note."""
        path = self.folder / f"{key}.json"
        try:
            value = json.loads(path.read_text(encoding="utf-8"))
        except OSError:
            return None
        except ValueError:
            self._discard(path, f"cache entry {key} is not valid JSON")
            return None
        problem = check(value) if check is not None else None
        if problem:
            self._discard(path, f"cache entry {key} was rejected ({problem})")
            return None
        return value

    def put_value(self, key: str, value: Any) -> None:
        """Store a JSON value; a cache that cannot be written costs a warning, not the run."""
        self._write(self.folder / f"{key}.json", json.dumps(value, ensure_ascii=False))

    def put(self, article: Article, extraction: ArticleExtraction) -> None:
        """Store a successful extraction (failures, and extractions missing the model's
        judgements, are retried next run, never cached). A cache that cannot be written
        (full disk, read-only) sets ``warning`` once and stores nothing more."""
        if extraction.error is None and extraction.model_error is None:
            self._write(self.path(article), extraction.model_dump_json(indent=1))

    def _write(self, path: Path, text: str) -> None:
        if self.warning is not None:
            return
        try:
            write_atomic(path, text)
        except OSError as error:
            with self._lock:  # articles finish in several threads: warn once
                if self.warning is not None:
                    return
                self.warning = (
                    f"the cache at {self.folder} cannot be written ({error.strerror or error}); "
                    "this run's results are not stored. Free space, or set NEWSBRIEF_CACHE_DIR "
                    "to a writable folder."
                )
            log.warning(self.warning)

    def _discard(self, path: Path, note: str) -> None:
        self.discarded.append(note)
        log.warning("%s; discarded, made afresh", note)
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass


def grounding_problem(extraction: ArticleExtraction, article: Article) -> str | None:
    """Why a stored extraction cannot be trusted for ``article``, or None: every quote must
    be the article's text at its offsets, every figure's value inside its span, every
    speaker's name and every verbatim field (evidence, stance quotes, claims) in the text."""
    text = article.text
    size = len(text)
    for quote in extraction.quotes:
        if (
            not (0 <= quote.start <= quote.end <= size)
            or text[quote.start : quote.end] != quote.text
        ):
            return f"quote {quote.id} is not the article's text at its offsets"
        if quote.speaker and not _named_in(quote.speaker, text):
            return f"speaker {quote.speaker!r} of {quote.id} is not named in the article"
    for figure in extraction.figures:
        if (
            not (0 <= figure.start <= figure.end <= size)
            or figure.value not in text[figure.start : figure.end]
        ):
            return f"figure {figure.id} is not the article's text at its offsets"
        if figure.sentence_text not in text:
            return f"the sentence of figure {figure.id} is not in the article"
    verbatim = [
        *(e for event in extraction.events for e in event.evidence),
        *(s.evidence for s in extraction.stances),
        *(s.quote for s in extraction.stances if s.quote),
        *(c.text for c in extraction.claims),
    ]
    for piece in verbatim:
        if piece not in text:
            return f"{piece[:40]!r} is not in the article"
    return None


def _named_in(speaker: str, text: str) -> bool:
    """True when every word of the name (before a comma and role) is a word of ``text``."""
    name = speaker.split(",")[0]
    words = re.findall(r"\w[\w’'-]*", name)
    folded = text.replace("’", "'").lower()
    pattern = r"(?<!\w){}(?!\w)"
    return all(
        re.search(pattern.format(re.escape(w.replace("’", "'").lower())), folded) for w in words
    )


def relabel(extraction: ArticleExtraction, article: Article) -> ArticleExtraction:
    """The extraction with ids and source details of ``article`` (its marker may differ)."""
    old, new = extraction.source.id, article.id

    def moved(item_id: str | None) -> str | None:
        return new + item_id[len(old) :] if item_id and item_id.startswith(old + ".") else item_id

    return extraction.model_copy(
        update={
            "source": source_info(article),
            "quotes": [
                q.model_copy(
                    update={"id": moved(q.id), "source": new, "continues": moved(q.continues)}
                )
                for q in extraction.quotes
            ],
            "figures": [
                f.model_copy(update={"id": moved(f.id), "source": new}) for f in extraction.figures
            ],
            "events": [
                e.model_copy(update={"id": moved(e.id), "source": new}) for e in extraction.events
            ],
            "stances": [s.model_copy(update={"source": new}) for s in extraction.stances],
        }
    )
