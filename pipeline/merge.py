"""Consolidate per-article extractions into one brief. Pure: values in, a value out.

- near-copies of the same article count once as evidence (``find_near_duplicates``);
- names are resolved to one entity across sources (``entities``);
- the same quote carried by several outlets appears once, with all its sources;
- figures about the same quantity are grouped, and differing values flagged;
- events reported by several sources are clustered.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date

from rapidfuzz import fuzz

from schemas.brief import (
    Brief,
    BriefStats,
    ClaimSide,
    Difference,
    Entity,
    Evidence,
    Failure,
    FigureClaim,
    FigureGroup,
    LedeSentence,
    MergedEvent,
    QuoteEntry,
    QuoteVariant,
    SpeakerQuotes,
    StanceRow,
)
from schemas.extraction import ArticleExtraction, Claim, Event, Figure, Quote, SourceInfo

from .rules.dates import normalise_when, parse_date
from .rules.entities import EntityIndex
from .rules.text import normalise_space, split_sentences

UNATTRIBUTED = "Speaker not identified"
EVENT_SIMILARITY = 0.25
DUPLICATE_SHARE = 0.8

_SYNONYMS = {"soldier": "troop", "soldiers": "troop", "troops": "troop", "personnel": "troop"}
_FIGURE_STOP = frozenset("the a an of in to into for from by on at and or been have has".split())
# Adjectives that do not change what is counted ("elite troops" are troops).
_FIGURE_FILLER = frozenset("elite new more other additional estimated".split())


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
            found = sum(1 for s in sentences[shorter] if any(fuzz.ratio(s, t) >= 90 for t in pool))
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
    published = {x.source.id: parse_date(x.source.date) for x in extractions}
    failed = {f.path for f in failures}
    # Near-copies and outlets' edits of one wire story count once as independent accounts.
    once = {**_wire_copies(s for s in sources if s.path not in failed), **duplicates}
    events = _merge_events([e for x in good for e in x.events], once, published)
    figures = _merge_figures([f for x in good for f in x.figures], index)
    quotes = [q for x in good for q in x.quotes]
    speakers, attribution_differences = _merge_quotes(quotes, index)
    return Brief(
        title=title or _title(sources, events),
        lede=_lede(events, once),
        events=events,
        speakers=speakers,
        stances=_merge_stances(good, index),
        figures=figures,
        differences=[_figure_difference(g) for g in figures if g.differs]
        + _claim_differences([c for x in good for c in x.claims], events, index)
        + attribution_differences,
        entities=_entities(index),
        sources=sources,
        failures=failures,
        unjudged=[Failure(path=x.source.path, reason=x.model_error) for x in good if x.model_error],
        stats=BriefStats(
            articles=len(extractions),
            model_calls=sum(x.stats.model_calls for x in extractions),
            prompt_tokens=sum(x.stats.prompt_tokens for x in extractions),
            completion_tokens=sum(x.stats.completion_tokens for x in extractions),
            dropped=sum(len(x.stats.dropped) for x in extractions),
            independent_sources=independent((s.id for s in sources if s.path not in failed), once),
        ),
    )


def independent(sources: Iterable[str], duplicates: dict[str, str]) -> int:
    """How many sources remain once near-copies are counted with their original."""
    return len({duplicates.get(s, s) for s in sources})


def _wire_copies(sources: Iterable[SourceInfo]) -> dict[str, str]:
    """Map each source crediting a wire agency to the first source crediting the same one:
    two outlets' edits of one agency's story are one independent account (each is still
    cited)."""
    first: dict[str, str] = {}
    copies: dict[str, str] = {}
    for source in sources:
        if source.wire:
            origin = first.setdefault(source.wire, source.id)
            if origin != source.id:
                copies[source.id] = origin
    return copies


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
    """Group quotes by speaker. The same words from several sources become one entry with
    all those sources; a shorter quotation of the same words is listed as a part of the
    fuller one, with its own sources, so every source marker points at words it holds."""
    spoken = sorted((q for q in quotes if q.kind != "scare"), key=lambda q: -len(q.text))
    entries: list[tuple[str, QuoteEntry]] = []
    speakers_of: dict[int, set[str]] = defaultdict(set)
    for quote in spoken:
        speaker = index.canonical(quote.speaker) or UNATTRIBUTED
        exact = next(
            (i for i, (_, e) in enumerate(entries) if _same_text(quote.text, e.text)), None
        )
        variant = None if exact is not None else _variant_of(quote.text, [e for _, e in entries])
        if exact is None and variant is None:
            entry = QuoteEntry(
                text=quote.text, kind=quote.kind, sources=[quote.source], ids=[quote.id]
            )
            entries.append((speaker, entry))
            speakers_of[len(entries) - 1].add(speaker)
            continue
        match = exact if exact is not None else variant[0]
        owner, entry = entries[match]
        entry.ids.append(quote.id)
        if exact is not None:
            entry.sources = _sorted_sources([*entry.sources, quote.source])
        else:
            _add_variant(entry, quote, variant[1])
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
            role=_cluster_role(index, speaker) if speaker != UNATTRIBUTED else None,
            attributed=speaker != UNATTRIBUTED,
            quotes=sorted(items, key=lambda e: min(order[i] for i in e.ids)),
        )
        for speaker, items in grouped.items()
    ]
    result.sort(key=lambda s: (s.speaker == UNATTRIBUTED, -len(s.quotes), s.speaker))
    differences = []
    for i, names in speakers_of.items():
        named = sorted(names - {UNATTRIBUTED})
        if len(named) > 1:
            entry = entries[i][1]
            differences.append(
                Difference(
                    kind="attribution",
                    topic=f"who said “{entry.text}”",
                    description=f"“{entry.text}” is attributed to " + " and to ".join(named),
                    sources=_sorted_sources(
                        [*entry.sources, *(s for v in entry.variants for s in v.sources)]
                    ),
                )
            )
    return result, differences


def _same_text(a: str, b: str) -> bool:
    """Character for character the same words (white space aside): one entry, many sources."""
    return normalise_space(a) == normalise_space(b)


def _variant_of(text: str, entries: Sequence[QuoteEntry]) -> tuple[int, str] | None:
    """(entry index, 'wording' | 'part') when ``text`` is another wording of an entry (the
    same words but for punctuation, apostrophes or a word or two) or a part of it."""
    key = _quote_key(text)
    if not key:
        return None
    for index, entry in enumerate(entries):
        other = _quote_key(entry.text)
        if key == other or (len(key) > 20 and fuzz.ratio(key, other) >= 90):
            return index, "wording"
    for index, entry in enumerate(entries):
        if key in _quote_key(entry.text):
            return index, "part"
    return None


def _add_variant(entry: QuoteEntry, quote: Quote, kind: str) -> None:
    for variant in entry.variants:
        if _same_text(variant.text, quote.text):
            variant.sources = _sorted_sources([*variant.sources, quote.source])
            return
    entry.variants.append(QuoteVariant(text=quote.text, kind=kind, sources=[quote.source]))


def _cluster_role(index: EntityIndex, name: str) -> str | None:
    for cluster in index.clusters:
        if cluster.name == name:
            return cluster.role
    return None


# --- events -------------------------------------------------------------------------------


def _merge_events(
    events: Sequence[Event],
    duplicates: dict[str, str],
    published: dict[str, date | None] | None = None,
) -> list[MergedEvent]:
    """Cluster events whose wording is alike (TF-IDF cosine over the words of their
    sentences, so that words every article uses, like the story's place names, count
    little); most widely reported first."""
    vectors = _tfidf([" ".join([e.summary, *e.evidence]) for e in events])
    clusters: list[list[int]] = []
    cluster_sources: list[set[str]] = []
    by_word: dict[str, set[int]] = defaultdict(set)  # distinctive word -> clusters holding it
    for i, event in enumerate(events):
        keys = _distinctive(vectors[i])
        candidates = set().union(*(by_word[w] for w in keys)) if keys else set()
        best, best_score = None, EVENT_SIMILARITY
        for c in sorted(candidates):
            if event.source in cluster_sources[c]:
                continue  # one article reports an event once
            score = max(_cosine(vectors[i], vectors[m]) for m in clusters[c][:_LINK_MEMBERS])
            if score >= best_score:
                best, best_score = c, score
        if best is None:
            best = len(clusters)
            clusters.append([])
            cluster_sources.append(set())
        clusters[best].append(i)
        cluster_sources[best].add(event.source)
        for word in keys:
            by_word[word].add(best)
    merged = []
    for position, members in enumerate(clusters):
        cluster = [events[m] for m in members]
        lead = min(cluster, key=lambda e: len(e.summary))
        dates = [
            d for e in cluster if (d := normalise_when(e.when, (published or {}).get(e.source)))
        ]
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
                    independent_sources=independent((e.source for e in cluster), duplicates),
                    when=_most_specific([e.when for e in cluster if e.when]),
                    date=min(dates).isoformat() if dates else None,
                    evidence=_unique_evidence(evidence),
                ),
            )
        )
    return [event for *_, event in sorted(merged, key=lambda m: m[:2])]


def _most_specific(phrases: list[str]) -> str | None:
    """The time phrase that says most: a date ('on Oct 28') before a weekday ('on Monday')."""
    if not phrases:
        return None
    return max(phrases, key=lambda p: (bool(re.search(r"\d", p)), -phrases.index(p)))


_WORDS = re.compile(r"[a-z][a-z'’-]{2,}")
_STOPWORDS = frozenset(
    """the and for that with have has had was were are been this from into not but its his her
    their they them which who whom will would could should said says also than then there
    after before over about more some such what when where while our your you she him one
    two three""".split()
)


def _tokens(text: str) -> list[str]:
    words = (w.strip("'’-") for w in _WORDS.findall(text.lower().replace("’s", "")))
    return [w[:-1] if w.endswith("s") and len(w) > 4 else w for w in words if w not in _STOPWORDS]


def _tfidf(texts: Sequence[str]) -> list[dict[str, float]]:
    docs = [_tokens(t) for t in texts]
    count = len(docs) or 1
    df: dict[str, int] = defaultdict(int)
    for doc in docs:
        for word in set(doc):
            df[word] += 1
    vectors = []
    for doc in docs:
        tf: dict[str, float] = defaultdict(float)
        for word in doc:
            tf[word] += 1.0
        vector = {w: f * (1 + math.log((1 + count) / (1 + df[w]))) for w, f in tf.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vectors.append({w: v / norm for w, v in vector.items()})
    return vectors


_LINK_MEMBERS = 5
"""An event joins a cluster if it is like one of the cluster's first few members."""


def _distinctive(vector: dict[str, float], count: int = 16) -> list[str]:
    """The most heavily weighted words of an event: two events that share none of them are
    not compared (they could not reach the similarity threshold in practice)."""
    return sorted(vector, key=vector.__getitem__, reverse=True)[:count]


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def _unique_evidence(evidence: list[Evidence]) -> list[Evidence]:
    seen, unique = set(), []
    for item in evidence:
        if (item.source, item.sentence) not in seen:
            seen.add((item.source, item.sentence))
            unique.append(item)
    return unique


# --- figures ------------------------------------------------------------------------------


def _figure_key(counts: str) -> tuple[str, frozenset[str]]:
    """(head noun, modifiers) of what a figure counts: ('troop', {'north', 'korean'})."""
    words = [_SYNONYMS.get(w, w) for w in re.findall(r"[a-z]+", counts.lower())]
    words = [w for w in words if w not in _FIGURE_STOP and w not in _FIGURE_FILLER]
    if not words:
        return "", frozenset()
    return words[-1], frozenset(words[:-1])


def _same_quantity(a: tuple[str, frozenset[str]], b: tuple[str, frozenset[str]]) -> bool:
    """Same head noun, and modifiers that agree (one side may have none)."""
    (head_a, mods_a), (head_b, mods_b) = a, b
    if not head_a or head_a != head_b:
        return False
    return not mods_a or not mods_b or bool(mods_a & mods_b)


def _merge_figures(figures: Sequence[Figure], index: EntityIndex) -> list[FigureGroup]:
    """Group figures by what they count; within a group, one claim per value."""
    groups: list[tuple[tuple[str, frozenset[str]], list[Figure]]] = []
    for figure in figures:
        key = _figure_key(figure.counts)
        for group_key, members in groups:
            if _same_quantity(key, group_key):
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
    claim = FigureClaim(
        value=figures[0].value,
        number=figures[0].number,
        qualifier=" / ".join(qualifiers) or None,
        claimant="; ".join(c for c in claimants if c) or None,
        sources=_sorted_sources(f.source for f in figures),
        evidence=_unique_evidence(
            [Evidence(source=f.source, sentence=f.sentence, text=f.sentence_text) for f in figures]
        ),
    )
    return claim.model_copy(update={"label": format_claim(claim)})


def format_claim(claim: FigureClaim) -> str:
    """'at least 1,500 (South Korea's spy agency)'."""
    text = " ".join(filter(None, [claim.qualifier, claim.value]))
    return f"{text} ({claim.claimant})" if claim.claimant else text


def _figure_difference(group: FigureGroup) -> Difference:
    values = "; ".join(format_claim(c) for c in group.claims)
    return Difference(
        kind="figures",
        topic=group.counts,
        description=f"{group.counts}: {values}",
        sources=_sorted_sources(s for c in group.claims for s in c.sources),
        claims=group.claims,
    )


# --- claims that contradict -------------------------------------------------------------

#: A claim is about a development when their sentences share this many content words.
CLAIM_OVERLAP = 2
_CLAIM_TOPICS = 3
_CLAIM_ORDER = {"confirms": 0, "denies": 1, "does not confirm": 2, "does not deny": 3}


def _stems(text: str) -> set[str]:
    """Content words cut to five letters, so 'Korea' meets 'Korean' and 'deployed' meets
    'deployment'."""
    return {w[:5] for w in _tokens(text) if len(w) > 3}


def _claim_differences(
    claims: Sequence[Claim], events: Sequence[MergedEvent], index: EntityIndex
) -> list[Difference]:
    """For the most widely reported developments: who confirms them and who denies them (or
    will not confirm them), when both sides exist. A claim joins the most widely reported
    development whose wording it shares (at least ``CLAIM_OVERLAP`` content words beyond the
    actor's name and the cue)."""
    topics = [(event, _stems(" ".join([event.summary, *(e.text for e in event.evidence)])))
              for event in events[:_CLAIM_TOPICS]]  # fmt: skip
    grouped: dict[int, list[Claim]] = defaultdict(list)
    for claim in claims:
        own = _stems(" ".join(filter(None, [claim.context, claim.text])))
        own -= _stems(claim.actor) | _stems(claim.cue)
        matching = [i for i, (_, words) in enumerate(topics) if len(own & words) >= CLAIM_OVERLAP]
        if matching:
            grouped[matching[0]].append(claim)
    differences = []
    for position, members in sorted(grouped.items()):
        kinds = {c.position for c in members}
        if "confirms" not in kinds or not kinds & {"denies", "does not confirm"}:
            continue
        sides: dict[tuple[str, str], ClaimSide] = {}
        for claim in members:
            actor = index.canonical(claim.actor) or claim.actor
            side = sides.setdefault(
                (claim.position, actor.lower()),
                ClaimSide(actor=actor, position=claim.position, sources=[], evidence=[]),
            )
            side.sources = _sorted_sources([*side.sources, claim.source])
            side.evidence = _unique_evidence(
                [
                    *side.evidence,
                    Evidence(source=claim.source, sentence=claim.sentence, text=claim.text),
                ]
            )
        ordered = sorted(sides.values(), key=lambda s: (_CLAIM_ORDER[s.position], s.sources[0]))
        event = topics[position][0]
        differences.append(
            Difference(
                kind="claim",
                topic=event.summary,
                description="; ".join(f"{s.actor} {s.position}" for s in ordered),
                sources=_sorted_sources(s for side in ordered for s in side.sources),
                sides=ordered,
            )
        )
    return differences


# --- stances, lede, title -----------------------------------------------------------------


def _merge_stances(extractions: Sequence[ArticleExtraction], index: EntityIndex) -> list[StanceRow]:
    rows: dict[tuple[str, str], StanceRow] = {}
    for x in extractions:
        for stance in x.stances:
            actor = index.canonical(stance.actor) or stance.actor
            key = (actor, stance.position)
            evidence = Evidence(
                source=stance.source, sentence=stance.sentence, text=stance.evidence
            )
            if key in rows:
                row = rows[key]
                row.sources = _sorted_sources([*row.sources, stance.source])
                row.evidence = _unique_evidence([*row.evidence, evidence])
            else:
                rows[key] = StanceRow(
                    actor=actor,
                    position=stance.position,
                    sources=[stance.source],
                    evidence=[evidence],
                    quote=stance.quote,
                    quote_source=stance.source if stance.quote else None,
                )
    return sorted(rows.values(), key=lambda r: (-len(r.sources), r.actor))


def _lede(events: Sequence[MergedEvent], duplicates: dict[str, str]) -> list[LedeSentence]:
    """Deterministic lede: the most widely reported events, each with its sources."""
    top = [e for e in events if independent(e.sources, duplicates) > 1][:3] or list(events[:2])
    return [LedeSentence(text=_sentence(e.summary), sources=e.sources) for e in top]


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.rstrip("\"”’'").endswith((".", "!", "?")) else text + "."


def _title(sources: Sequence[SourceInfo], events: Sequence[MergedEvent]) -> str:
    titled = [s.title for s in sources if s.title and not s.duplicate_of]
    if titled:
        return titled[0]
    return events[0].summary if events else "News brief"
