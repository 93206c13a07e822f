"""Per-article results on disk, so an unchanged article is never sent to the model twice.

An entry is keyed by the article's cleaned text, the model, the prompts, the schemas and the
rules that find quotes and figures: change any of them and the article is extracted afresh.
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
from .read import Article
from .render import write_atomic
from .templates import prompt_fingerprint

#: Modules whose code decides what an extraction contains.
RULE_MODULES = ("quotes.py", "figures.py", "text.py", "extract.py", "read.py")


@cache
def code_fingerprint() -> str:
    """Hash of the schemas, prompts and rule modules that shape an extraction."""
    digest = hashlib.sha256()
    digest.update(prompt_fingerprint(*PROMPTS).encode())
    for model in (ArticleExtraction, ArticleNotes):
        digest.update(json.dumps(model.model_json_schema(), sort_keys=True).encode())
    for name in RULE_MODULES:
        digest.update((importlib.resources.files("pipeline") / name).read_bytes())
    return digest.hexdigest()[:16]


class ExtractionCache:
    """A folder of ``<key>.json`` files, one per extracted article."""

    def __init__(self, folder: Path, model: str) -> None:
        self.folder = Path(folder)
        self.model = model

    def key(self, article: Article) -> str:
        raw = f"{article.sha256}\n{self.model}\n{code_fingerprint()}"
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
        """Store a successful extraction (failures are retried next run, never cached)."""
        if extraction.error is None:
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
