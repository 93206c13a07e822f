"""Consolidate per-article extractions into one brief. Pure: values in, a value out.

- near-copies of the same article count once as evidence (``find_near_duplicates``);
- names are resolved to one entity across sources (``entities``);
- the same quote carried by several outlets appears once, with all its sources;
- figures about the same quantity are grouped, and differing values flagged;
- events reported by several sources are clustered.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz

from schemas.brief import (
    Brief,
    BriefStats,
    Difference,
    Entity,
    Evidence,
    Failure,
    FigureClaim,
    FigureGroup,
    LedeSentence,
    MergedEvent,
    QuoteEntry,
    SpeakerQuotes,
    StanceRow,
)
from schemas.extraction import ArticleExtraction, Event, Figure, Quote, SourceInfo

from .entities import EntityIndex
from .text import normalise_space, split_sentences

UNATTRIBUTED = "Speaker not identified"
EVENT_SIMILARITY = 72
FIGURE_SIMILARITY = 80
DUPLICATE_SHARE = 0.8

_SYNONYMS = {"soldier": "troop", "soldiers": "troop", "troops": "troop", "personnel": "troop"}
_FIGURE_STOP = frozenset("the a an of in to into for from by on at and or been have has".split())


def find_near_duplicates(texts: dict[str, str]) -> dict[str, str]:
    """Map each article that is a near-copy of another to the fuller one.

    An article is a near-copy when at least 80% of its sentences appear (almost verbatim)
    in a longer article: a shortened version, an update, or wire copy run twice.
    """
    sentences = {
        key: [normalise_space(s.text).lower() for s in split_sentences(text) if len(s.text) > 30]
        for key, text in texts.items()
    }
    duplicates: dict[str, str] = {}
    keys = sorted(texts, key=lambda k: (-len(texts[k]), k))
    for index, shorter in enumerate(reversed(keys)):
        candidates = keys[: len(keys) - index - 1]
        for longer in candidates:
            if longer in duplicates or not sentences[shorter]:
                continue
            pool = sentences[longer]
            found = sum(
                1 for s in sentences[shorter] if any(fuzz.ratio(s, t) >= 90 for t in pool)
            )
            if found / len(sentences[shorter]) >= DUPLICATE_SHARE:
                duplicates[shorter] = longer
                break
    return duplicates


def merge_extractions(
    extractions: Sequence[ArticleExtraction],
    *,
    duplicates: dict[str, str] | None = None,
    failures: Iterable[Failure] = (),
    title: str | None = None,
) -> Brief:
    """The consolidated brief of ``extractions`` (failed ones are listed, not merged)."""
    duplicates = duplicates or {}
    good = [x for x in extractions if x.error is None]
    failures = list(failures) + [
        Failure(path=x.source.path, reason=x.error) for x in extractions if x.error
    ]
    sources = [
        x.source.model_copy(update={"duplicate_of": duplicates.get(x.source.id)})
        for x in extractions
    ]
    index = _entity_index(good)
    events = _merge_events([e for x in good for e in x.events], duplicates)
    figures = _merge_figures([f for x in good for f in x.figures], index)
    quotes = [q for x in good for q in x.quotes]
    speakers, attribution_differences = _merge_quotes(quotes, index)
    return Brief(
        title=title or _title(sources, events),
        lede=_lede(events, duplicates),
        events=events,
        speakers=speakers,
        stances=_merge_stances(good, index),
        figures=figures,
        differences=[_figure_difference(g) for g in figures if g.differs]
        + attribution_differences,
        entities=_entities(index),
        sources=sources,
        failures=failures,
        stats=BriefStats(
            articles=len(extractions),
            model_calls=sum(x.stats.model_calls for x in extractions),
            prompt_tokens=sum(x.stats.prompt_tokens for x in extractions),
            completion_tokens=sum(x.stats.completion_tokens for x in extractions),
            dropped=sum(len(x.stats.dropped) for x in extractions),
        ),
    )


def independent(sources: Iterable[str], duplicates: dict[str, str]) -> int:
    """How many sources remain once near-copies are counted with their original."""
    return len({duplicates.get(s, s) for s in sources})


def _sorted_sources(sources: Iterable[str]) -> list[str]:
    return sorted(set(sources), key=lambda s: (len(s), s))


# --- entities -----------------------------------------------------------------------------


def _entity_index(extractions: Sequence[ArticleExtraction]) -> EntityIndex:
    index = EntityIndex()
    for x in extractions:
        for quote in x.quotes:
            if quote.speaker:
                index.add(quote.speaker, x.source.id, quote.speaker_role)
        for stance in x.stances:
            index.add(stance.actor, x.source.id)
        for figure in x.figures:
            if figure.claimant:
                index.add(figure.claimant, x.source.id)
    return index


def _entities(index: EntityIndex) -> list[Entity]:
    return sorted(
        (
            Entity(
                name=c.name,
                role=c.role,
                forms=sorted(c.forms),
                sources=_sorted_sources(c.sources),
            )
            for c in index.clusters
        ),
        key=lambda e: (-len(e.sources), e.name),
    )


# --- quotes -------------------------------------------------------------------------------


def _quote_key(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.lower().replace("’", "'")).strip()


def _merge_quotes(
    quotes: Sequence[Quote], index: EntityIndex
) -> tuple[list[SpeakerQuotes], list[Difference]]:
    """Group quotes by speaker; one entry per distinct quote, partial ones folded into fuller."""
    spoken = sorted((q for q in quotes if q.kind != "scare"), key=lambda q: -len(q.text))
    entries: list[tuple[str, QuoteEntry]] = []
    speakers_of: dict[int, set[str]] = defaultdict(set)
    for quote in spoken:
        speaker = index.canonical(quote.speaker) or UNATTRIBUTED
        key = _quote_key(quote.text)
        match = next(
            (
                i
                for i, (_, entry) in enumerate(entries)
                if key and (key in _quote_key(entry.text) or fuzz.ratio(key, _quote_key(entry.text)) >= 95)
            ),
            None,
        )
        if match is None:
            entries.append(
                (speaker, QuoteEntry(text=quote.text, kind=quote.kind, sources=[quote.source], ids=[quote.id]))
            )
            speakers_of[len(entries) - 1].add(speaker)
            continue
        owner, entry = entries[match]
        entry.sources = _sorted_sources([*entry.sources, quote.source])
        entry.ids.append(quote.id)
        speakers_of[match].add(speaker)
        if owner == UNATTRIBUTED and speaker != UNATTRIBUTED:
            entries[match] = (speaker, entry)
    grouped: dict[str, list[QuoteEntry]] = defaultdict(list)
    order = {q.id: i for i, q in enumerate(quotes)}
    for speaker, entry in entries:
        grouped[speaker].append(entry)
    result = [
        SpeakerQuotes(
            speaker=speaker,
            role=index.role(speaker) or _cluster_role(index, speaker),
            quotes=sorted(items, key=lambda e: min(order[i] for i in e.ids)),
        )
        for speaker, items in grouped.items()
    ]
    result.sort(key=lambda s: (s.speaker == UNATTRIBUTED, -len(s.quotes), s.speaker))
    differences = [
        Difference(
            kind="attribution",
            description=f"“{entries[i][1].text}” is attributed to "
            + " and to ".join(sorted(names - {UNATTRIBUTED})),
            sources=entries[i][1].sources,
        )
        for i, names in speakers_of.items()
        if len(names - {UNATTRIBUTED}) > 1
    ]
    return result, differences


def _cluster_role(index: EntityIndex, name: str) -> str | None:
    for cluster in index.clusters:
        if cluster.name == name:
            return cluster.role
    return None


# --- events -------------------------------------------------------------------------------


def _merge_events(events: Sequence[Event], duplicates: dict[str, str]) -> list[MergedEvent]:
    """Cluster events whose wording or evidence is alike; most widely reported first."""
    clusters: list[list[Event]] = []
    for event in events:
        for cluster in clusters:
            if any(_similar_events(event, other) for other in cluster):
                cluster.append(event)
                break
        else:
            clusters.append([event])
    merged = []
    for position, cluster in enumerate(clusters):
        lead = cluster[0]
        evidence = [
            Evidence(source=e.source, sentence=s, text=t)
            for e in cluster
            for s, t in zip(e.sentences, e.evidence, strict=True)
        ]
        merged.append(
            (
                -independent((e.source for e in cluster), duplicates),
                position,
                MergedEvent(
                    summary=lead.summary,
                    sources=_sorted_sources(e.source for e in cluster),
                    when=next((e.when for e in cluster if e.when), None),
                    evidence=_unique_evidence(evidence),
                ),
            )
        )
    return [event for *_, event in sorted(merged, key=lambda m: m[:2])]


def _similar_events(a: Event, b: Event) -> bool:
    if a.source == b.source:
        return False
    summary = fuzz.token_set_ratio(a.summary.lower(), b.summary.lower())
    evidence = fuzz.token_set_ratio(" ".join(a.evidence).lower(), " ".join(b.evidence).lower())
    return summary >= EVENT_SIMILARITY + 10 or evidence >= 90 or (summary + evidence) / 2 >= EVENT_SIMILARITY + 8


def _unique_evidence(evidence: list[Evidence]) -> list[Evidence]:
    seen, unique = set(), []
    for item in evidence:
        if (item.source, item.sentence) not in seen:
            seen.add((item.source, item.sentence))
            unique.append(item)
    return unique


# --- figures ------------------------------------------------------------------------------


def _figure_key(counts: str) -> str:
    words = re.findall(r"[a-z]+", counts.lower())
    return " ".join(_SYNONYMS.get(w, w) for w in words if w not in _FIGURE_STOP)


def _merge_figures(figures: Sequence[Figure], index: EntityIndex) -> list[FigureGroup]:
    """Group figures by what they count; within a group, one claim per value."""
    groups: list[tuple[str, list[Figure]]] = []
    for figure in figures:
        key = _figure_key(figure.counts)
        for group_key, members in groups:
            if key and fuzz.token_set_ratio(key, group_key) >= FIGURE_SIMILARITY:
                members.append(figure)
                break
        else:
            groups.append((key, [figure]))
    result = []
    for _, members in groups:
        claims: dict[float, list[Figure]] = defaultdict(list)
        for figure in members:
            claims[figure.number].append(figure)
        result.append(
            FigureGroup(
                counts=min((f.counts for f in members), key=len),
                claims=[_claim(items, index) for _, items in sorted(claims.items())],
                differs=len(claims) > 1,
            )
        )
    result.sort(key=lambda g: (not g.differs, -len(g.claims)))
    return result


def _claim(figures: list[Figure], index: EntityIndex) -> FigureClaim:
    claimants = sorted({index.canonical(f.claimant) for f in figures if f.claimant})
    qualifiers = sorted({f.qualifier for f in figures if f.qualifier})
    return FigureClaim(
        value=figures[0].value,
        number=figures[0].number,
        qualifier=" / ".join(qualifiers) or None,
        claimant="; ".join(c for c in claimants if c) or None,
        sources=_sorted_sources(f.source for f in figures),
        evidence=_unique_evidence(
            [Evidence(source=f.source, sentence=f.sentence, text=f.sentence_text) for f in figures]
        ),
    )


def format_claim(claim: FigureClaim) -> str:
    """'at least 1,500 (South Korea's spy agency)'."""
    text = " ".join(filter(None, [claim.qualifier, claim.value]))
    return f"{text} ({claim.claimant})" if claim.claimant else text


def _figure_difference(group: FigureGroup) -> Difference:
    values = "; ".join(
        f"{format_claim(c)} [{', '.join(c.sources)}]" for c in group.claims
    )
    return Difference(
        kind="figures",
        description=f"{group.counts}: {values}",
        sources=_sorted_sources(s for c in group.claims for s in c.sources),
    )


# --- stances, lede, title -----------------------------------------------------------------


def _merge_stances(extractions: Sequence[ArticleExtraction], index: EntityIndex) -> list[StanceRow]:
    rows: dict[tuple[str, str], StanceRow] = {}
    for x in extractions:
        for stance in x.stances:
            actor = index.canonical(stance.actor) or stance.actor
            key = (actor, stance.position)
            evidence = Evidence(source=stance.source, sentence=stance.sentence, text=stance.evidence)
            if key in rows:
                row = rows[key]
                row.sources = _sorted_sources([*row.sources, stance.source])
                row.evidence = _unique_evidence([*row.evidence, evidence])
            else:
                rows[key] = StanceRow(
                    actor=actor, position=stance.position,
                    sources=[stance.source], evidence=[evidence],
                )  # fmt: skip
    return sorted(rows.values(), key=lambda r: (-len(r.sources), r.actor))


def _lede(events: Sequence[MergedEvent], duplicates: dict[str, str]) -> list[LedeSentence]:
    """Deterministic lede: the most widely reported events, each with its sources."""
    top = [e for e in events if independent(e.sources, duplicates) > 1][:3] or list(events[:2])
    return [LedeSentence(text=_sentence(e.summary), sources=e.sources) for e in top]


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _title(sources: Sequence[SourceInfo], events: Sequence[MergedEvent]) -> str:
    titled = [s.title for s in sources if s.title and not s.duplicate_of]
    if titled:
        return titled[0]
    return events[0].summary if events else "News brief"
