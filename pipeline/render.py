"""Render the brief: Markdown for a person, JSON for machines. Pure.

Render formats; merge decides: every count, label and wording shown here is a field of the
brief (and so of the JSON). This module imports only the schemas.

Every line of the Markdown carries source markers (``[S2]``) that resolve to the list of
sources at the end; the JSON is validated against the published schema before it is used.
"""

from __future__ import annotations

import importlib.resources
import json
from functools import cache

import jsonschema

from schemas.brief import Brief, FigureGroup


def markers(sources: list[str]) -> str:
    """``[S1, S3]``."""
    return f"[{', '.join(sources)}]"


def render_markdown(brief: Brief) -> str:
    """The brief as Markdown."""
    total = brief.stats.independent_sources
    parts = [
        f"# {_inline(brief.title)}",
        "",
        f"*Consolidated from {len(brief.sources)} articles ({total} independent sources). "
        "Markers like [S1] refer to the sources listed at the end; every quote is verbatim "
        "from the article it cites.*",
        "",
        *_provenance(brief),
        *_section("Summary", _lede(brief)),
        *_section("Key developments", _events(brief, total, shared=True)),
        *_section("Timeline", _timeline(brief)),
        *_section("Who said what", _speakers(brief)),
        *_section("Stances", _stances(brief)),
        *_section("Figures", _figures(brief)),
        *_section("Where sources differ", _differences(brief)),
        *_section("Only in one source", _events(brief, total, shared=False)),
        *_section("People and bodies", _entities(brief)),
        *_section("Sources", _sources(brief)),
        *_section("Not processed", _failures(brief)),
        *_section("Judged by rules only", _unjudged(brief)),
    ]
    return "\n".join(parts).rstrip() + "\n"


def _section(title: str, lines: list[str]) -> list[str]:
    return [f"## {title}", "", *lines, ""] if lines else []


def _inline(text: str) -> str:
    """One line of text, safe inside Markdown lists and tables."""
    return " ".join(text.split()).replace("|", "\\|")


def _lede(brief: Brief) -> list[str]:
    if not brief.lede:
        return []
    return [" ".join(f"{_inline(s.text)} {markers(s.sources)}" for s in brief.lede)]


def _provenance(brief: Brief) -> list[str]:
    """Says when the brief was made without a model, or partly without one."""
    if brief.model is None:
        return [
            "*Made by rules alone, without a model: quotes, speakers named by a cue, figures "
            "and claims are all here; speakers that need judgement are left unidentified, "
            "and the summary and key developments are the sources' lead sentences.*",
            "",
        ]
    return []


def _unjudged(brief: Brief) -> list[str]:
    return [
        f"- `{_inline(f.path)}`: {_inline(f.reason)}; its quotes, speakers named by rule and "
        "figures are kept"
        for f in brief.unjudged
    ]


def _events(brief: Brief, total: int, *, shared: bool) -> list[str]:
    """Events reported by several independent sources (``shared``), or by one only."""
    lines = []
    for event in brief.events:
        count = event.independent_sources
        if (count > 1) != shared and total > 1:
            continue
        when = f" ({_inline(event.when)})" if event.when else ""
        lines.append(
            f"- {_inline(event.summary)}{when} {markers(event.sources)} "
            f"— reported by {count} of {total} sources"
        )
    return lines


def _timeline(brief: Brief) -> list[str]:
    """Events with a time: dated ones in date order first, then those with only a phrase."""
    timed = [e for e in brief.events if e.when or e.date]
    timed.sort(key=lambda e: (e.date is None, e.date or ""))
    lines = []
    for event in timed:
        label = (
            f"{event.date} ({event.when})"
            if event.date and event.when
            else event.date or event.when
        )
        lines.append(
            f"- **{_inline(label or '')}**: {_inline(event.summary)} {markers(event.sources)}"
        )
    return lines


def _speakers(brief: Brief) -> list[str]:
    lines: list[str] = []
    for group in brief.speakers:
        role = f" — {_inline(group.role)}" if group.role and group.attributed else ""
        lines += [f"### {_inline(group.speaker)}{role}", ""]
        for entry in group.quotes:
            parts = "".join(
                f"; {'in part' if v.kind == 'part' else 'worded'} “{_inline(v.text)}” "
                f"{markers(v.sources)}"
                for v in entry.variants
            )
            lines.append(f"- “{_inline(entry.text)}” {markers(entry.sources)}{parts}")
        lines.append("")
    return lines[:-1]


def _stances(brief: Brief) -> list[str]:
    if not brief.stances:
        return []
    lines = ["| Actor | Position | Shown by | Sources |", "| --- | --- | --- | --- |"]
    for row in brief.stances:
        if row.quote:
            shown = f"“{_inline(_shorten(row.quote))}” [{row.quote_source}]"
        else:
            first = row.evidence[0]
            shown = f"{_inline(_shorten(first.text))} [{first.source}]"
        lines.append(
            f"| {_inline(row.actor)} | {row.position} | {shown} | {markers(row.sources)} |"
        )
    return lines


def _shorten(text: str, limit: int = 160) -> str:
    """At most ``limit`` characters, cut at a word and marked with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def _figure_line(group: FigureGroup) -> str:
    claims = "; ".join(f"{_inline(c.label)} {markers(c.sources)}" for c in group.claims)
    flag = " **(sources differ)**" if group.differs else ""
    return f"- {_inline(group.counts)}: {claims}{flag}"


def _figures(brief: Brief) -> list[str]:
    return [_figure_line(g) for g in brief.figures]


def _differences(brief: Brief) -> list[str]:
    lines = []
    for difference in brief.differences:
        if difference.claims:
            values = "; ".join(
                f"{_inline(c.label)} {markers(c.sources)}" for c in difference.claims
            )
            lines.append(f"- **{_inline(difference.topic)}**: {values}")
        elif difference.sides:
            lines.append(
                f"- **Claims that contradict** on: {_inline(difference.topic)} "
                f"{markers(difference.sources)}"
            )
            for side in difference.sides:
                first = side.evidence[0]
                lines.append(
                    f"  - {_inline(side.actor)} *{side.position}* {markers(side.sources)}: "
                    f"{_inline(first.text)} {markers([first.source])}"
                )
        else:
            lines.append(f"- {_inline(difference.description)} {markers(difference.sources)}")
    return lines


def _entities(brief: Brief) -> list[str]:
    """Each person or body once, with the forms of the name the sources use."""
    lines = []
    for entity in brief.entities:
        role = f" — {_inline(entity.role)}" if entity.role else ""
        others = [f for f in entity.forms if f != entity.name]
        forms = f" (also: {', '.join(_inline(f) for f in others)})" if others else ""
        lines.append(f"- **{_inline(entity.name)}**{role}{forms} {markers(entity.sources)}")
    return lines


def _sources(brief: Brief) -> list[str]:
    lines = []
    for source in brief.sources:
        outlet = source.outlet or "outlet unknown"
        if source.outlet_inferred:
            outlet += " (inferred from the text)"
        bits = [f"**{source.id}** {_inline(outlet)}"]
        if source.title:
            bits.append(f"*{_inline(source.title)}*")
        if source.date:
            bits.append(source.date)
        if source.wire:
            bits.append(f"wire: {source.wire}")
        if source.dateline:
            bits.append(f"dateline: {_inline(source.dateline)}")
        bits.append(f"`{source.path}`")
        if source.duplicate_of:
            bits.append(f"near-copy of {source.duplicate_of}, counted once")
        if source.notes:
            bits.append("read: " + "; ".join(_inline(note) for note in source.notes))
        lines.append("- " + " — ".join(bits))
    return lines


def _failures(brief: Brief) -> list[str]:
    return [f"- `{f.path}`: {_inline(f.reason)}" for f in brief.failures]


@cache
def brief_schema() -> dict:
    """The published JSON Schema of the brief."""
    resource = importlib.resources.files("schemas") / "json" / "brief.schema.json"
    return json.loads(resource.read_text(encoding="utf-8"))


@cache
def _brief_validator() -> jsonschema.protocols.Validator:
    """One validator for the published schema, its ``$ref``s resolved once up front
    (resolving them per node is most of the cost on a large brief)."""
    schema = brief_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(_inline_refs(schema, schema.get("$defs", {})))


def _inline_refs(node, defs: dict):
    if isinstance(node, dict):
        ref = node.get("$ref", "")
        if ref.startswith("#/$defs/") and len(node) == 1:
            return _inline_refs(defs[ref.rsplit("/", 1)[1]], defs)
        return {k: _inline_refs(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline_refs(v, defs) for v in node]
    return node


def render_json(brief: Brief) -> str:
    """The brief as JSON, validated against the published schema."""
    data = brief.model_dump(mode="json")
    errors = list(_brief_validator().iter_errors(data))
    if errors:
        raise jsonschema.ValidationError(f"the brief breaks its schema: {errors[0].message}")
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
