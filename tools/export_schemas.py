"""Write the published JSON Schemas: ``python -m tools.export_schemas``.

A test checks that the files in ``schemas/json`` are current."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from schemas.brief import Brief
from schemas.extraction import ArticleExtraction

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas" / "json"
PUBLISHED: dict[str, type[BaseModel]] = {
    "brief.schema.json": Brief,
    "article_extraction.schema.json": ArticleExtraction,
}


def schema_text(model: type[BaseModel]) -> str:
    """The JSON Schema of ``model``, as published (sorted, indented, newline-terminated)."""
    schema = model.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> None:
    for name, model in PUBLISHED.items():
        (SCHEMA_DIR / name).write_text(schema_text(model), encoding="utf-8")
        print(f"wrote {SCHEMA_DIR / name}")


if __name__ == "__main__":
    main()
