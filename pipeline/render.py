"""Render the brief: Markdown for a person, JSON for machines. Pure.

Render formats; merge decides: every count, label and wording shown here is a field of the
brief (and so of the JSON). This module imports only the schemas.

Every line of the Markdown carries source markers (``[S2]``) that resolve to the list of
sources at the end; the JSON is validated against the published schema before it is used.
"""

from __future__ import annotations

import importlib.resources
import json
import re
from functools import cache

import jsonschema

from schemas.brief import Brief, FigureClaim, FigureGroup

from .rules.grounding import unnamed_speaker


def markers(sources: list[str]) -> str:
    """``[S1, S3]``."""
    return f"[{', '.join(escape_md(s) for s in sources)}]"


def render_markdown(brief: Brief) -> str:
    """The brief as Markdown, in layers: what happened first (summary, key developments, where
    sources differ, what one source alone reports, stances: one screen), then who said what,
    the timeline, the figures and the sources."""
    total = brief.stats.independent_sources
    parts = [
        f"# {_inline(brief.title)}",
        "",
        f"*Consolidated from {_count(len(brief.sources), 'article')} "
        f"({_count(total, 'independent source')}): [S1]… listed at the end; (n/{total}) "
        "sources report a line; quotes verbatim.*",
        "",
        *_provenance(brief),
        *_off_topic_note(brief),
        *_section("Summary", _lede(brief)),
        *_section("Key developments", _events(brief, total, "key")),
        *_section("Where sources differ", _differences(brief)),
        *_section("Only in one source", _events(brief, total, "single")),
        *_section("Stances", _stances(brief)),
        *_section("Who said what", _speakers(brief)),
        *_left_to_json(brief),
        *_section("Timeline", _timeline(brief)),
        *_section("Figures", _figures(brief)),
        *_section("People and bodies", _entities(brief)),
        *_section("Sources", _sources(brief)),
        *_section("Off the story", _off_topic(brief)),
        *_section("Not processed", _failures(brief)),
        *_section("Judged by rules only", _unjudged(brief)),
    ]
    return "\n".join(parts).rstrip() + "\n"


def _off_topic_note(brief: Brief) -> list[str]:
    if not brief.off_topic:
        return []
    names = ", ".join(
        f"{escape_md(o.path, code=True)} ({escape_md(o.source)})" for o in brief.off_topic
    )
    return [f"*Left out as about another story: {names}; see “Off the story”.*", ""]


def _off_topic(brief: Brief) -> list[str]:
    return [
        f"- **{escape_md(o.source)}** {escape_md(o.path, code=True)}"
        + (f" — *{_inline(o.title)}*" if o.title else "")
        + f": {_inline(o.reason)}"
        for o in brief.off_topic
    ]


def _section(title: str, lines: list[str]) -> list[str]:
    return [f"## {title}", "", *lines, ""] if lines else []


#: Characters that start Markdown markup anywhere in a line: emphasis, code, links and
#: images, tables, strikethrough, escapes. ``<``, ``>`` and ``&`` become HTML entities.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_HTML_SPECIAL = {"<": "&lt;", ">": "&gt;"}
#: An ampersand that would start a character reference ("&amp;", "&#58;", "&lt"): escaped; any
#: other shows literally in CommonMark and stays as written.
_ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")
#: What makes a line a heading, quote, list item or rule when it comes first.
_LINE_START = re.compile(r"^(\s*)([#>+=-])")
#: An ordered-list mark ("1. ", "2) "): its punctuation is escaped ("1\\. "), not the digits.
_ORDERED_START = re.compile(r"^(\s*\d+)([.)])(?=\s|$)")
#: Bare web addresses that Markdown viewers turn into links by themselves.
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp|javascript|data|vbscript|file)(:)|\b(www)(\.)")
#: Control characters (terminal escapes included), shown as ``\\xNN``.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def escape_md(text: str | None, *, code: bool = False) -> str:
    """Text from input (article text, titles, outlets, dates, names, file names, reasons) as
    one line of Markdown that shows it literally and can carry no markup or HTML: white space
    collapsed, control characters as ``\\xNN``, ``< >`` and an ``&`` that would start an entity
    as HTML entities, Markdown's
    markup characters backslash-escaped, a line-leading heading or list mark escaped, and the
    colon of a bare URL scheme written as an entity so no viewer makes a link of it.

    ``code=True``: the same text as a code span (for file names), fenced with more backticks
    than it holds, which Markdown and HTML show literally. Every field that comes from input
    goes through here; the rest of this module writes only markup of its own."""
    line = " ".join(_CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text or "").split())
    if code:
        longest = max((len(run) for run in re.findall(r"`+", line)), default=0)
        fence = "`" * (longest + 1)
        pad = " " if line.startswith("`") or line.endswith("`") else ""
        return f"{fence}{pad}{line}{pad}{fence}"
    line = _ENTITY_LIKE.sub("&amp;", line)  # a bare "&" ("Whitcombe & Sayre") shows as is
    line = "".join(_HTML_SPECIAL.get(ch, ch) for ch in line)
    line = _MD_SPECIAL.sub(r"\\\1", line)
    line = _AUTOLINK.sub(
        lambda m: f"{m.group(1)}&#58;" if m.group(1) else f"{m.group(3)}&#46;", line
    )
    line = _ORDERED_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line, count=1)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line, count=1)


def _count(number: int, noun: str) -> str:
    """'1 article', '5 articles'."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _inline(text: str) -> str:
    """One line of text from input, safe anywhere in the Markdown (``escape_md``)."""
    return escape_md(text)


def _lede(brief: Brief) -> list[str]:
    """The opening paragraph: each sentence with its source markers and, when it states
    developments (``MergedEvent.lede_sentence``), their count of independent sources (and
    the time of the one it states, unless it says it) and the sources that tell it with
    other figures, as the list below gives them; the list does not say them again."""
    total = brief.stats.independent_sources
    parts = []
    for at, sentence in enumerate(brief.lede):
        stated = [e for e in brief.events if e.lede_sentence == at]
        when = stated[0].when if len(stated) == 1 else None
        said = when and when.lower() in sentence.text.lower()
        when = f" ({_inline(when)})" if when and not said else ""
        others = sorted(
            {s for e in stated for s in e.other_figures} - set(sentence.sources),
            key=lambda s: (len(s), s),
        )
        other = f"; other figures {markers(others)}" if others else ""
        count = f" ({max(e.independent_sources for e in stated)}/{total}{other})" if stated else ""
        parts.append(f"{_inline(sentence.text)}{when} {markers(sentence.sources)}{count}")
    return [" ".join(parts)] if parts else []


def _provenance(brief: Brief) -> list[str]:
    """Says when the brief was made without a model, or partly without one."""
    if brief.model is None:
        return [
            "*Made by rules alone, without a model: some speakers are left unidentified.*",
            "",
        ]
    return []


def _unjudged(brief: Brief) -> list[str]:
    return [
        f"- {escape_md(f.path, code=True)}: {_inline(f.reason)}; its quotes, speakers named "
        "by rule and figures are kept"
        for f in brief.unjudged
    ]


def _events(brief: Brief, total: int, shown: str) -> list[str]:
    """The developments merge placed under ``shown`` ('key' or 'single'), each once."""
    lines = []
    for event in brief.events:
        if event.shown != shown or event.in_differences or event.lede_sentence is not None:
            continue
        said = event.when and event.when.lower() in event.summary.lower()
        when = f" ({_inline(event.when)})" if event.when and not said else ""
        other = f"; other figures {markers(event.other_figures)}" if event.other_figures else ""
        lines.append(
            f"- {_inline(event.summary)}{when} {markers(event.sources)} "
            f"({event.independent_sources}/{total}{other})"
        )
    return lines


def _left_to_json(brief: Brief) -> list[str]:
    """One line naming the sections merge left to the JSON for length, with what they hold."""
    parts = []
    if brief.developments_left:
        parts.append(_count(brief.developments_left, "more development"))
    if "timeline" in brief.left_to_json:
        timed = sum(1 for e in brief.events if e.on_timeline)
        if timed:
            parts.append(f"the timeline ({_count(timed, 'dated development')})")
    if "figures" in brief.left_to_json and brief.figures:
        parts.append(_count(len(brief.figures), "figure"))
    taking_sides = sum(1 for r in brief.stances if r.position != "neutral")
    if "stances" in brief.left_to_json and taking_sides:
        parts.append(_count(taking_sides, "stance"))
    if "titles" in brief.left_to_json:
        parts.append("the sources' titles")
    if "people" in brief.left_to_json and _entities(brief.model_copy(update={"left_to_json": []})):
        parts.append("the other names of people and bodies")
    if not parts:
        return []
    listed = ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]
    return [f"*In the JSON for length: {listed}.*", ""]


def _timeline(brief: Brief) -> list[str]:
    """Developments merge put on the timeline: dated ones in date order, then those with only
    a time phrase; one line each (none when merge left the timeline to the JSON)."""
    if "timeline" in brief.left_to_json:
        return []
    timed = [e for e in brief.events if e.on_timeline]
    timed.sort(key=lambda e: (e.date is None, e.date or ""))
    lines = []
    for event in timed:
        label = (
            f"{event.date} ({event.when})"
            if event.date and event.when
            else event.date or event.when
        )
        lines.append(
            f"- **{_inline(label or '')}**: {_inline(_shorten(event.summary, 80))} "
            f"{markers(event.sources)}"
        )
    return lines


def _speakers(brief: Brief) -> list[str]:
    """Each speaker's quotes with all their sources; one- or two-word fragments (``minor``)
    are left to the JSON, and a part or other wording of a quote is named by its sources."""
    lines: list[str] = []
    for group in brief.speakers:
        entries = [e for e in group.quotes if e.listed]
        if not entries:
            continue
        role = f" — {_inline(group.role)}" if group.role and group.attributed else ""
        lines += [f"### {_inline(group.speaker)}{role}", ""]
        for entry in entries:
            parts = sorted(
                {s for v in entry.variants if v.kind == "part" for s in v.sources},
                key=_source_key,
            )
            worded = sorted(
                {s for v in entry.variants if v.kind == "wording" for s in v.sources},
                key=_source_key,
            )
            more = (f"; in part {markers(parts)}" if parts else "") + (
                f"; in other words {markers(worded)}" if worded else ""
            )
            described = (
                f" — {_inline('; '.join(entry.described_as))}"
                if entry.described_as and not group.attributed
                else ""
            )
            translated = " (translated)" if entry.translated else ""  # not the words spoken
            lines.append(
                f"- “{_inline(entry.text)}”{translated}{described} {markers(entry.sources)}{more}"
            )
        lines.append("")
    unlisted = sum(group.unlisted for group in brief.speakers)
    # speakers with something to say that the Markdown leaves to the JSON: named, with their
    # sources, so "who said what" still names everyone who said something
    silent = [
        g
        for g in brief.speakers
        if g.attributed
        and any(not e.minor for e in g.quotes)
        and not any(e.listed for e in g.quotes)
    ]
    unheard = len(silent) + sum(
        1
        for g in brief.speakers
        if not g.attributed
        and any(not e.minor for e in g.quotes)
        and not any(e.listed for e in g.quotes)
    )
    if silent and "speakers" not in brief.left_to_json:
        named = "; ".join(f"{_inline(g.speaker)} {markers(_sources_of(g))}" for g in silent)
        lines += [f"*Also quoted (in the JSON):* {named}", ""]
    if lines and unlisted:
        others = f", every quote of {_count(unheard, 'more speaker')} among them" if unheard else ""
        note = f"*{_count(unlisted, 'more quote')} in the JSON{others}.*"
        lines = [note, "", *lines]
    return lines[:-1]


def _sources_of(group) -> list[str]:
    """Every source of a speaker's quotes, S1 before S10."""
    return sorted({s for e in group.quotes for s in e.sources}, key=_source_key)


#: The order positions are listed in: against, wary, for.
_POSITION_ORDER = ("condemns", "opposes", "denies", "warns", "confirms", "defends", "supports")


def _stances(brief: Brief) -> list[str]:
    """Stances, one screen: what every position is on (the story's main development, named
    once), then one line per position with its actors and their
    sources. Each actor is named once, under the position most of its sources show (the
    first in ``_POSITION_ORDER`` on a tie), with any other position its sources show after
    it ('also defends [S3]'). Neutral ones, the quotes and sentences that show each
    position are in the JSON."""
    rows = [r for r in brief.stances if r.position != "neutral"]
    if not rows or "stances" in brief.left_to_json:
        return []
    lines = []
    if brief.stance_target:  # what every position is on, even where the title says it
        lines += [f"On: {_inline(brief.stance_target)}", ""]
    by_actor: dict[str, list] = {}
    for row in rows:
        by_actor.setdefault(row.actor.lower(), []).append(row)  # "Nato" and "NATO": one
    by_position: dict[str, list] = {}
    for held in by_actor.values():
        held.sort(key=lambda r: (-len(r.sources), _POSITION_ORDER.index(r.position)))
        by_position.setdefault(held[0].position, []).append(held)
    for position in sorted(by_position, key=_POSITION_ORDER.index):
        ranked = sorted(by_position[position], key=lambda h: (-len(h[0].sources), h[0].actor))
        named = [_actor_stance(held) for held in ranked if not unnamed_speaker(held[0].actor)]
        unnamed = [held for held in ranked if unnamed_speaker(held[0].actor)]
        if unnamed:  # "one mum", "a retired nurse": counted with their sources, named in JSON
            cited = sorted({s for held in unnamed for s in held[0].sources}, key=_source_key)
            people = "person" if len(unnamed) == 1 else "people"
            named.append(f"{len(unnamed)} unnamed {people} {markers(cited)}")
        lines.append(f"- *{position}*: " + ", ".join(named))
    return lines


def _source_key(source: str) -> tuple[int, str]:
    """'S2' before 'S10'."""
    return (len(source), source)


def _actor_stance(held: list) -> str:
    """'Ana Ruiz [S1, S2] (also defends [S3]; warns [S4])': an actor's main position's
    sources, then each other position its sources show."""
    main, *others = held
    text = f"{_inline(main.actor)} {markers(main.sources)}"
    if others:
        text += " (also " + "; ".join(f"{r.position} {markers(r.sources)}" for r in others) + ")"
    return text


def _shorten(text: str, limit: int = 160) -> str:
    """At most ``limit`` characters, cut at a word and marked with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def _claim_text(claim: FigureClaim, *, qualifiers: bool = True) -> str:
    """A value as the Markdown shows it: its first written form ('£6.2 million', not every
    way the sources write it), the qualifiers (or only the first), and who claims it."""
    value = claim.written[0] if claim.written else claim.value
    qualifier = claim.qualifier if qualifiers else (claim.qualifier or "").split(" / ")[0]
    text = " ".join(filter(None, [qualifier, value]))
    return _inline(f"{text} ({claim.claimant})" if claim.claimant else text)


def _figure_line(group: FigureGroup) -> str:
    """'- territory: about 250sq km [S1, S2]': what the figures count, then each value with
    who claims it and its sources."""
    claims = "; ".join(
        f"{_claim_text(c, qualifiers=False)} {markers(c.sources)}" for c in group.claims
    )
    return f"- {_inline(group.counts)}: {claims}"


def _figures(brief: Brief) -> list[str]:
    """Figures the sources agree on, one line per quantity (the values they dispute are
    under where sources differ, the others of that quantity here); a figure whose phrase
    names nothing it counts is left to the JSON, and a note says how many (none when merge
    left the figures to the JSON)."""
    if "figures" in brief.left_to_json:
        return []
    listed = [g for g in brief.figures if g.listed]
    lines = [_figure_line(g) for g in listed if not g.differs and g.counts]
    for group in listed:  # what a differing quantity also holds that no one disputes
        undisputed = [c for c in group.claims if group.differs and not c.rival]
        if undisputed and group.counts:
            other = group.model_copy(update={"counts": f"{group.counts}, other counts"})
            lines.append(_figure_line(other.model_copy(update={"claims": undisputed})))
    nameless = sum(1 for g in brief.figures if not g.counts)
    single = sum(1 for g in brief.figures if g.counts and not g.listed)
    if lines and (nameless or single):
        what = "it counts" if nameless == 1 else "they count"
        if not single:
            why = f", without what {what},"
        else:
            why = f" ({single} that one source alone gives" + (
                f", {nameless} without what {what})" if nameless else ")"
            )
        lines += ["", f"*{_count(nameless + single, 'more figure')}{why} in the JSON.*"]
    return lines


def _differences(brief: Brief) -> list[str]:
    lines = []
    for difference in brief.differences:
        if difference.claims:
            values = "; ".join(f"{_claim_text(c)} {markers(c.sources)}" for c in difference.claims)
            lines.append(f"- **{_inline(difference.topic)}**: {values}")
        elif difference.sides:
            by_position: dict[str, list[str]] = {}
            for side in difference.sides:  # each position once, with every actor taking it
                by_position.setdefault(side.position, []).append(
                    f"{_inline(side.actor)} {markers(side.sources)}"
                )
            sides = "; ".join(
                f"*{position}*: {', '.join(actors)}" for position, actors in by_position.items()
            )
            topic = _inline(_shorten(difference.topic, 70))
            lines.append(f"- **Claims that contradict** on: {topic} — {sides}")
        else:
            lines.append(f"- {_inline(difference.description)} {markers(difference.sources)}")
    return lines


def _entities(brief: Brief) -> list[str]:
    """Each person or body the sources name in several ways, with those forms (the JSON has
    every entity; none when merge left them to the JSON)."""
    lines: list[str] = []
    if "people" in brief.left_to_json:
        return lines
    for entity in brief.entities:
        # a form that differs only in case ("The company") is no other name, and a
        # description ("the company") names no one to list
        others = [f for f in entity.forms if f.lower() != entity.name.lower()]
        if others and entity.name[:1].isupper():
            forms = ", ".join(_inline(f) for f in others)
            lines.append(f"- **{_inline(entity.name)}**: also {forms} {markers(entity.sources)}")
    return lines


def _sources(brief: Brief) -> list[str]:
    lines = []
    for source in brief.sources:
        outlet = source.outlet or (
            f"{source.wire} wire copy" if source.wire else "outlet not named in the file"
        )  # a wire story with no outlet of its own is the agency's copy
        if source.outlet_inferred:
            outlet += " (inferred from the text)"
        bits = [f"**{source.id}** {_inline(outlet)}"]
        if source.title and "titles" not in brief.left_to_json:
            bits.append(f"*{_inline(source.title)}*")
        if source.date:
            bits.append(_inline(source.date))
        if source.wire:
            bits.append(f"wire: {_inline(source.wire)}")
        if source.dateline:
            bits.append(f"dateline: {_inline(source.dateline)}")
        bits.append(escape_md(source.path, code=True))
        bits = [bits[0], ", ".join(bits[1:])]  # title, date, …, file: one part
        if source.duplicate_of:
            bits.append(f"near-copy of {source.duplicate_of}, counted once")
        # the line says it is a near-copy; how its reading was shared is in the JSON
        notes = [
            n for n in source.notes if not (source.duplicate_of and n.startswith("a near-copy"))
        ]
        if notes:
            bits.append("read: " + "; ".join(_inline(note) for note in notes))
        lines.append("- " + " — ".join(bits))
    return lines


def _failures(brief: Brief) -> list[str]:
    return [f"- {escape_md(f.path, code=True)}: {_inline(f.reason)}" for f in brief.failures]


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
