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

    def key(self, article: Article) -> str:
        raw = f"{article.sha256}\n{self.identity}\n{code_fingerprint()}"
        return hashlib.sha256(raw.encode()).hexdigest()[:32]

    def path(self, article: Article) -> Path:
        return self.folder / f"{self.key(article)}.json"

    def get(self, article: Article) -> ArticleExtraction | None:
        """The stored extraction, relabelled for this article; None if absent or unreadable."""
        path = self.path(article)
        try:
            stored = ArticleExtraction.model_validate_json(path.read_text(encoding="utf-8"))
        except (OSError, ValidationError, ValueError):
            return None
        return relabel(stored, article)

    def get_value(self, key: str) -> Any:
        """A stored JSON value (a lede), or None."""
        try:
            return json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def put_value(self, key: str, value: Any) -> None:
        write_atomic(self.folder / f"{key}.json", json.dumps(value, ensure_ascii=False))

    def put(self, article: Article, extraction: ArticleExtraction) -> None:
        """Store a successful extraction (failures, and extractions missing the model's
        judgements, are retried next run, never cached)."""
        if extraction.error is None and extraction.model_error is None:
            write_atomic(self.path(article), extraction.model_dump_json(indent=1))


def relabel(extraction: ArticleExtraction, article: Article) -> ArticleExtraction:
    """The extraction with ids and source details of ``article`` (its marker may differ)."""
    old, new = extraction.source.id, article.id
    inferred = extraction.source.outlet if extraction.source.outlet_inferred else None

    def moved(item_id: str | None) -> str | None:
        return new + item_id[len(old) :] if item_id and item_id.startswith(old + ".") else item_id

    return extraction.model_copy(
        update={
            "source": source_info(article, inferred),
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
