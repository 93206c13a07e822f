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
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher

from rapidfuzz import fuzz, process

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
    OffTopic,
    QuoteEntry,
    QuoteVariant,
    SpeakerQuotes,
    StanceRow,
)
from schemas.extraction import ArticleExtraction, Claim, Figure, Quote, SourceInfo

from .developments import MIN_KEY, build_developments, independent, story_of
from .developments import tokens as dev_tokens
from .lede import mark_lede
from .render import render_markdown
from .rules.dates import parse_date
from .rules.entities import EntityIndex, declared_nicknames, person_name, person_of
from .rules.figures import money_kind
from .rules.text import informative_headline, normalise_space, split_sentences
from .rules.vocabulary import (
    COUNT_NOUN_CLASSES,
    EVACUATION_OUTCOMES,
    IRREGULAR_PLURALS,
    LOWER_BOUNDS,
    ORGANISATION_WORDS,
    UPPER_BOUNDS,
)

UNATTRIBUTED = "Speaker not identified"
DUPLICATE_SHARE = 0.8


def find_near_duplicates(texts: dict[str, str]) -> dict[str, str]:
    """Map each article that is a near-copy of another to the fuller one.

    ``texts`` maps article id -> cleaned text. An article is a near-copy when at least 80% of
    its sentences (those over 30 characters) appear almost verbatim (``fuzz.ratio`` >= 90,
    white space and case aside) in a longer article: a shortened version, an update, or wire
    copy run twice. It maps to the longest such article (ties: the smaller id).

    Linear in the folder for distinct articles: sentences are indexed by their exact text and
    by a small sketch of their word shingles (``_sentence_keys``), and only articles sharing
    keys with enough of an article's sentences are compared sentence by sentence.
    """
    sentences = {key: duplicate_sentences(text) for key, text in texts.items()}
    keys = sorted(texts, key=lambda k: (-len(texts[k]), k))
    rank = {key: i for i, key in enumerate(keys)}
    sketches = _sentence_sketches(sentences)
    holders: dict[object, set[str]] = defaultdict(set)  # sentence key -> articles holding it
    for article, sketch in sketches.items():
        for sentence_keys in sketch:
            for k in sentence_keys:
                holders[k].add(article)
    duplicates: dict[str, str] = {}
    for shorter in reversed(keys):
        own = sentences[shorter]
        if not own:
            continue
        need = math.ceil(DUPLICATE_SHARE * len(own) - 1e-9)
        hits: dict[str, int] = defaultdict(int)
        for sentence_keys in sketches[shorter]:
            # each longer article holding one of this sentence's keys counts once
            for longer in set().union(*(holders[k] for k in sentence_keys)):
                if rank[longer] < rank[shorter]:
                    hits[longer] += 1
        # Keys are a sketch: a lightly edited sentence may share none, so candidates need
        # only half the sentences by key; the count that decides is by fuzz.ratio.
        candidates = sorted((c for c, n in hits.items() if 2 * n >= need), key=rank.__getitem__)
        for longer in candidates:
            if _shared_sentences(own, sentences[longer]) >= need:
                duplicates[shorter] = longer
                break
    return duplicates


def duplicate_sentences(text: str) -> list[str]:
    """The sentences of ``text`` that near-copy detection compares: over 30 characters,
    white space collapsed, lower case."""
    return [normalise_space(s.text).lower() for s in split_sentences(text) if len(s.text) > 30]


def _shared_sentences(own: list[str], pool: list[str]) -> int:
    """How many of ``own`` appear in ``pool`` (verbatim, else with ``fuzz.ratio`` >= 90)."""
    exact = set(pool)
    return sum(
        1
        for s in own
        if s in exact or process.extractOne(s, pool, scorer=fuzz.ratio, score_cutoff=90) is not None
    )


_SHINGLE_WORDS = 3
_SKETCH_SIZE = 4
#: Shingles held by more articles than this are story-wide phrases ("north korean troops"),
#: no evidence of copying; the sentence's exact text still finds verbatim copies.
_COMMON_SHINGLE = 64


def _sentence_sketches(sentences: dict[str, list[str]]) -> dict[str, list[set[object]]]:
    """Per article, per sentence: its keys (``_sentence_keys``)."""
    shingles = {key: [_shingles(s) for s in items] for key, items in sentences.items()}
    held: dict[int, int] = defaultdict(int)  # shingle -> how many articles hold it
    for items in shingles.values():
        for shingle in set().union(*items) if items else ():
            held[shingle] += 1
    return {
        key: [
            _sentence_keys(text, found, held)
            for text, found in zip(sentences[key], shingles[key], strict=True)
        ]
        for key in sentences
    }


def _shingles(sentence: str) -> set[int]:
    words = re.findall(r"\w+", sentence)
    if len(words) <= _SHINGLE_WORDS:
        return {zlib.crc32(" ".join(words).encode())}
    return {
        zlib.crc32(" ".join(words[i : i + _SHINGLE_WORDS]).encode())
        for i in range(len(words) - _SHINGLE_WORDS + 1)
    }


def _sentence_keys(text: str, shingles: set[int], held: dict[int, int]) -> set[object]:
    """A sentence's keys: its exact text and the ``_SKETCH_SIZE`` smallest of its shingles'
    hashes (a bottom-k MinHash sketch), leaving out story-wide phrases. Two sentences with
    most word triples in common share a sketch key with high probability."""
    sketch = sorted(h for h in shingles if held[h] <= _COMMON_SHINGLE)[:_SKETCH_SIZE]
    return {text, *sketch}


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
    failed = {f.path for f in failures}
    # Near-copies and outlets' edits of one wire story count once as independent accounts.
    told = {
        x.source.id: [normalise_space(u.text).lower() for u in x.sentences if len(u.text) > 30]
        for x in good
    }
    once = one_account(duplicates, _wire_copies([s for s in sources if s.path not in failed], told))
    units, groups, strays = story_of(good, once)
    left_out = [
        OffTopic(source=x.source.id, path=x.source.path, title=x.source.title, reason=why)
        for x in good
        if (why := strays.get(x.source.id))
    ]
    good = [x for x in good if x.source.id not in strays]
    index = _entity_index(good)
    published = {x.source.id: parse_date(x.source.date) for x in extractions}
    figures = _merge_figures([f for x in good for f in x.figures], index)
    rivals = [[c.value for c in g.claims] for g in figures if g.differs]
    events = build_developments(good, once, published, (units, groups), rivals)
    quotes = [q for x in good for q in x.quotes]
    speakers, attribution_differences = _merge_quotes(quotes, index)
    on_story = [s for s in sources if s.id not in strays]
    target = stance_target(title, on_story, events)
    differences = (
        [_figure_difference(g) for g in figures if g.differs]
        + _claim_differences([c for x in good for c in x.claims], events, index)
        + attribution_differences
    )
    events = _not_said_again(events, differences)
    source_words = (
        sum(x.source.characters for x in good if x.source.id not in duplicates) // CHARS_PER_WORD
    )
    lede = _lede(events, once)
    stances = _merge_stances(good, index, target)
    brief = Brief(
        # the story's own headline: never that of an article left out as another story's
        title=title or _title(on_story, events),
        lede=lede,
        events=mark_lede(lede, events),
        speakers=_flag_minor(speakers, source_words, sides=_sides(stances)),
        stances=stances,
        stance_target=target if any(x.stances for x in good) else None,
        figures=figures,
        differences=differences,
        entities=_entities(index),
        sources=sources,
        failures=failures,
        off_topic=left_out,
        unjudged=[Failure(path=x.source.path, reason=x.model_error) for x in good if x.model_error],
        stats=BriefStats(
            articles=len(extractions),
            model_calls=sum(x.stats.model_calls for x in extractions),
            prompt_tokens=sum(x.stats.prompt_tokens for x in extractions),
            completion_tokens=sum(x.stats.completion_tokens for x in extractions),
            dropped=sum(len(x.stats.dropped) for x in extractions),
            independent_sources=independent(
                (s.id for s in sources if s.path not in failed and s.id not in strays), once
            ),
        ),
    )
    return fit_brief(brief, source_words, once)


def merge_figures(extractions: Sequence[ArticleExtraction]) -> list[FigureGroup]:
    """The figure groups of ``extractions`` taken as one story, as ``merge_extractions``
    makes them but with no source left out as off the story: what each group counts, its
    unit, one claim per value and whether the sources differ (``FigureGroup.differs``).
    Pure."""
    good = [x for x in extractions if x.error is None]
    return _merge_figures([f for x in good for f in x.figures], _entity_index(good))


#: A development one source alone reports repeats a difference when this share of their
#: content words is shared (Jaccard over stems, ``_overlap``).
SAID_AGAIN = 0.5


def _not_said_again(
    events: Sequence[MergedEvent], differences: Sequence[Difference]
) -> list[MergedEvent]:
    """``events`` with each development that one source alone reports (``shown='single'``)
    marked ``in_differences`` (and off the timeline) when where sources differ already says
    it: its sentence is the quote whose speaker the sources differ on, or the development
    whose confirmations and denials are listed. It stays a development of the story (the
    lede may still use it); the Markdown does not list it again. Pure."""
    said = [d.topic if d.kind != "attribution" else d.description for d in differences]
    return [
        e.model_copy(update={"in_differences": True, "on_timeline": False})
        if e.shown == "single" and any(_overlap(e.summary, text) >= SAID_AGAIN for text in said)
        else e
        for e in events
    ]


#: Two sources crediting one agency are one account when the later shares at least this
#: share of its sentences (and two at least) with the first: the same copy, edited.
WIRE_SHARED = 0.25


def one_account(*copies: dict[str, str]) -> dict[str, str]:
    """Maps of copy -> original (near-copies first, then wire copies) joined into one map
    of each copy to the one source its account is counted under, with no cycle: a reprint
    that is a near-copy of the wire (reprint -> wire) while the wire credits the agency
    under the reprint's dateline (wire -> reprint) is one account, not two. Pure."""
    parent: dict[str, str] = {}

    def root(source: str) -> str:
        while source in parent:
            source = parent[source]
        return source

    for mapping in copies:
        for copy, original in mapping.items():
            a, b = root(copy), root(original)
            if a != b:
                parent[a] = b
    return {source: root(source) for source in parent}


def _wire_copies(sources: Sequence[SourceInfo], told: dict[str, list[str]]) -> dict[str, str]:
    """Map each source crediting a wire agency to the first source crediting the same one
    under the same dateline (place and day), or whose copy it shares (``told``: each
    source's sentences, in lower case, white space collapsed; ``WIRE_SHARED`` of them
    near-verbatim, ``_shared_sentences``): two outlets' edits of one agency's story are one
    independent account (each is still cited); the agency's copy on another story is not
    (an article added from another story is judged on its own)."""

    def dateline(source: SourceInfo) -> str:
        return " ".join((source.dateline or "").lower().split())

    first: dict[str, list[SourceInfo]] = defaultdict(list)
    copies: dict[str, str] = {}
    for source in sources:
        if not source.wire:
            continue
        own = told.get(source.id, [])
        for origin in first[source.wire]:
            same_day = bool(dateline(source)) and dateline(source) == dateline(origin)
            shared = own and _shared_sentences(own, told.get(origin.id, [])) >= max(
                2, WIRE_SHARED * len(own)
            )
            if same_day or shared:
                copies[source.id] = origin.id
                break
        else:
            first[source.wire].append(source)
    return copies


def _sorted_sources(sources: Iterable[str]) -> list[str]:
    return sorted(set(sources), key=lambda s: (len(s), s))


# --- entities -----------------------------------------------------------------------------


def _entity_index(extractions: Sequence[ArticleExtraction]) -> EntityIndex:
    """Every speaker, stance actor and claimant of ``extractions`` grouped into entities.
    Full names go in first, then short forms: 'Mrs Quinn' of one article joins no one when
    the story names Gerry and Owen Quinn, whichever article named them first."""
    found: list[tuple[str, str, str | None]] = []
    for x in extractions:
        for quote in x.quotes:
            if quote.speaker:
                found.append((quote.speaker, x.source.id, quote.speaker_role))
        for stance in x.stances:
            found.append((stance.actor, x.source.id, None))
        for figure in x.figures:
            if figure.claimant:
                found.append((figure.claimant, x.source.id, None))
    nicknames: dict[str, str] = {}
    for x in extractions:
        for key, name in declared_nicknames(" ".join(u.text for u in x.sentences)).items():
            nicknames[key] = name if nicknames.get(key, name) == name else ""
    index = EntityIndex({key: name for key, name in nicknames.items() if name})
    for form, source, role in sorted(
        found, key=lambda f: len((person_of(f[0]) or "").split()) == 1
    ):  # stable: in article order within each kind
        index.add(form, source, role)
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


def _interrupted(quotes: Sequence[Quote]) -> tuple[list[Quote], dict[str, list[str]]]:
    """``quotes`` with each quotation that the attribution interrupts inside one sentence
    ("“We are,” the head said, “doing all we can.”") told whole, its parts joined by an
    ellipsis where the attribution stood ("We are, … doing all we can."), and, for each
    joined quotation's id, the ids of the parts joined to it. The parts are one speaker's
    words of one sentence, as the article marks them (``Quote.continues``). Pure."""
    by_id = {q.id: q for q in quotes}
    root_of: dict[str, str] = {}
    texts: dict[str, str] = {}
    parts: dict[str, list[str]] = {}
    for quote in quotes:
        head = by_id.get(quote.continues or "")
        if (
            head is None
            or head.source != quote.source
            or head.sentence != quote.sentence
            or head.speaker != quote.speaker
            or "scare" in (quote.kind, head.kind)
        ):
            continue
        root = root_of.get(head.id, head.id)
        texts[root] = f"{texts.get(root, by_id[root].text).rstrip()} … {quote.text.lstrip()}"
        parts.setdefault(root, []).append(quote.id)
        root_of[quote.id] = root
    out = [
        q.model_copy(update={"text": texts[q.id], "kind": "quote"}) if q.id in texts else q
        for q in quotes
        if q.id not in root_of
    ]
    return out, parts


def _merge_quotes(
    quotes: Sequence[Quote], index: EntityIndex
) -> tuple[list[SpeakerQuotes], list[Difference]]:
    """Group quotes by speaker. The same words from several sources become one entry with
    all those sources; a shorter quotation of the same words is listed as a part of the
    fuller one, with its own sources, so every source marker points at words it holds. A
    quotation the attribution interrupts is one entry (``_interrupted``), with every part's id.

    Each quote finds its entry through ``_QuoteIndex`` (exact text, wording key, shingle
    sketch, words), not by comparing it with every entry: linear in the quotes."""
    whole, parts = _interrupted(quotes)
    spoken = sorted((q for q in whole if q.kind != "scare"), key=lambda q: -len(q.text))
    entries: list[tuple[str, QuoteEntry]] = []
    found = _QuoteIndex()
    sources: list[set[str]] = []  # per entry; sorted once at the end
    variants: dict[tuple[int, str], tuple[QuoteVariant, set[str]]] = {}
    speakers_of: dict[int, set[str]] = defaultdict(set)
    short: dict[tuple[str, str], int] = {}  # (a fragment's words, speaker) -> its entry
    nested = _nested(spoken)
    for quote in spoken:
        speaker = index.canonical(quote.speaker) or UNATTRIBUTED
        exact = found.exact(quote.text)
        # words told inside another quotation ("Gus always said, ‘…’") are their own
        # speaker's, never a part of the quotation that holds them
        variant = None if exact is not None or quote.id in nested else found.variant_of(quote.text)
        if _fragment(quote.text):
            # a word or two ("sell", "the Bank") joins only the same speaker's quotation:
            # that another speaker's longer words hold them says nothing of who said them
            own = short.get((_exact_key(quote.text), speaker))
            if exact is not None and entries[exact][0] != speaker:
                exact = own
            if variant is not None and (
                speaker == UNATTRIBUTED or entries[variant[0]][0] != speaker
            ):
                variant = None
        if exact is None and variant is None:
            entry = QuoteEntry(
                text=quote.text,
                kind=quote.kind,
                sources=[quote.source],
                ids=[quote.id, *parts.get(quote.id, ())],
                translated=quote.translated,
            )
            entries.append((speaker, entry))
            sources.append({quote.source})
            found.add(len(entries) - 1, quote.text)
            speakers_of[len(entries) - 1].add(speaker)
            if _fragment(quote.text):
                short.setdefault((_exact_key(quote.text), speaker), len(entries) - 1)
            continue
        match = exact if exact is not None else variant[0]
        owner, entry = entries[match]
        entry.ids += [quote.id, *parts.get(quote.id, ())]
        if exact is not None:
            sources[match].add(quote.source)
            entry.translated = entry.translated or quote.translated  # the same words
        else:
            text = normalise_space(quote.text)
            if (match, text) not in variants:
                variants[match, text] = (
                    QuoteVariant(text=quote.text, kind=variant[1], sources=[]),
                    set(),
                )
                entry.variants.append(variants[match, text][0])
            variants[match, text][1].add(quote.source)
        speakers_of[match].add(speaker)
        if owner == UNATTRIBUTED and speaker != UNATTRIBUTED:
            entries[match] = (speaker, entry)
    for quote in spoken:  # how the articles describe a speaker they do not name
        if quote.speaker is None and quote.speaker_role:
            match = found.exact(quote.text)
            if match is not None and entries[match][0] == UNATTRIBUTED:
                held = entries[match][1].described_as
                if quote.speaker_role not in held:
                    held.append(quote.speaker_role)
    for (_, entry), held in zip(entries, sources, strict=True):
        entry.sources = _sorted_sources(held)
    for variant, held in variants.values():
        variant.sources = _sorted_sources(held)
    grouped: dict[str, list[QuoteEntry]] = defaultdict(list)
    order = {q.id: i for i, q in enumerate(quotes)}
    for speaker, entry in entries:
        grouped[speaker].append(entry)
    roles = {c.name: c.role for c in reversed(index.clusters)}  # the first cluster wins
    result = [
        SpeakerQuotes(
            speaker=speaker,
            role=roles.get(speaker) if speaker != UNATTRIBUTED else None,
            attributed=speaker != UNATTRIBUTED,
            quotes=sorted(items, key=lambda e: min(order[i] for i in e.ids)),
        )
        for speaker, items in grouped.items()
    ]
    result.sort(key=lambda s: (s.speaker == UNATTRIBUTED, -len(s.quotes), s.speaker))
    differences = []
    for i, names in speakers_of.items():
        named = sorted(n for n in names - {UNATTRIBUTED} if _named_person(n))
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


def _fragment(text: str) -> bool:
    """Whether a quotation is a word or a few (at most ``MINOR_PARTIAL``): too short for
    its words in another speaker's quotation to show that the two are one."""
    return len(re.findall(r"[\w’'-]+", text)) <= MINOR_PARTIAL


def _named_person(name: str) -> bool:
    """Whether a speaker is a named person, whose credit two outlets can contradict: not a
    description ("the ousted CEO", "A spokesperson for Veltrane"), not a body ("Ashgrove
    Pharma", whose chief may speak its words), not a fragment ("through her lawyer")."""
    words = name.split()
    if not words or not name[:1].isupper() or words[0].lower() in ("the", "a", "an"):
        return False
    if any(w.lower().strip(".,’'s") in _BODY_NAME_WORDS for w in words):
        return False
    return person_name(name) == name


_BODY_NAME_WORDS = ORGANISATION_WORDS  # from vocabulary


#: A quotation of at most this many words is a fragment ("fake news", "portion"); a partial
#: quotation (words quoted inside the outlet's own sentence) of at most ``MINOR_PARTIAL``.
MINOR_WORDS = 2
MINOR_PARTIAL = 3
#: The Markdown's list of who said what holds about this share of the sources' words (each
#: speaker's best quote is listed whatever the budget); the JSON keeps every quote.
QUOTE_SHARE = 0.07
#: The Markdown lists the best quote of this many speakers whatever the quotes' budget
#: (of one when the rest of the brief leaves them no room: ``fit_brief``).
MIN_SPEAKERS = 3
#: Characters per word of English news text, to turn article lengths into words.
CHARS_PER_WORD = 6


#: The side of the story each position takes, for choosing whose quotes to show: for the
#: development, against it, answering an accusation, and the rest.
_SIDE = {
    "supports": "for", "defends": "for", "confirms": "for",
    "opposes": "against", "condemns": "against",
    "denies": "accused",
}  # fmt: skip


def _sides(stances: Sequence[StanceRow]) -> dict[str, str]:
    """Each stance actor's side (``_SIDE``; "other" for warns, neutral and the rest), by
    their first row: an actor's main position comes first, others follow as "also"."""
    sides: dict[str, str] = {}
    for row in stances:
        sides.setdefault(row.actor, _SIDE.get(row.position, "other"))
    return sides


def _across_sides(
    ranked: list[tuple[SpeakerQuotes, list[QuoteEntry]]], sides: dict[str, str]
) -> list[tuple[SpeakerQuotes, list[QuoteEntry]]]:
    """``ranked`` (speakers, best first) reordered so that each side's best speaker comes
    before any side's second (sides in the order of their best speakers): who said what
    shows the accused's answer and the critics' charge, not three voices of one side."""
    queues: dict[str, list[tuple[SpeakerQuotes, list[QuoteEntry]]]] = {}
    for item in ranked:
        side = sides.get(item[0].speaker, "other") if item[0].attributed else "unattributed"
        queues.setdefault(side, []).append(item)
    out: list[tuple[SpeakerQuotes, list[QuoteEntry]]] = []
    while any(queues.values()):
        for queue in queues.values():
            if queue:
                out.append(queue.pop(0))
    return out


def _flag_minor(
    speakers: list[SpeakerQuotes],
    source_words: int,
    budget: float | None = None,
    speakers_shown: int = MIN_SPEAKERS,
    sides: dict[str, str] | None = None,
) -> list[SpeakerQuotes]:
    """Mark fragments as minor (one or two words, or a partial quotation of three: "grave
    security threat"), then choose what the Markdown lists within ``budget`` words (by
    default ``QUOTE_SHARE`` of ``source_words``; each entry costs its words, its source
    markers and, for a speaker's first, the speaker's heading). Speakers are taken in order
    of their best quote (``_quote_rank``): each one's best while it fits
    (the first ``speakers_shown`` whatever the budget, and every speaker's when no budget
    is given), then each one's next best in turn, until one does not fit. Nothing leaves the
    JSON."""
    ranked: list[tuple[SpeakerQuotes, list[QuoteEntry]]] = []
    for group in speakers:
        for entry in group.quotes:
            words = len(_quote_key(entry.text).split())
            limit = MINOR_WORDS if entry.kind == "quote" else MINOR_PARTIAL
            entry.minor = words <= limit
            entry.listed = False
        candidates = [e for e in group.quotes if not e.minor]
        order = {id(e): i for i, e in enumerate(candidates)}
        ranked.append((group, sorted(candidates, key=lambda e: _quote_rank(e, order[id(e)]))))
    ranked.sort(key=lambda item: _quote_rank(item[1][0], 0)[:2] if item[1] else (True,))
    if sides is not None:
        ranked = _across_sides(ranked, sides)
    every = budget is None
    budget = QUOTE_SHARE * source_words if budget is None else budget
    used, full = 0, False
    for turn in range(max((len(r) for _, r in ranked), default=0)):
        shown = 0
        for group, entries in ranked:
            if turn >= len(entries) or (turn and not entries[0].listed):
                continue
            entry = entries[turn]
            cost = len(entry.text.split()) + len(entry.sources)
            if turn == 0:
                cost += len(group.speaker.split()) + len((group.role or "").split()) + 1
            first = turn == 0 and (every or shown < speakers_shown)
            if first or (not full and used + cost <= budget):
                entry.listed = True
                used += cost
                shown += 1
            else:
                full = True  # in order: nothing less wanted takes the place of this one
    for group in speakers:
        group.unlisted = sum(1 for e in group.quotes if not e.listed)
    return speakers


#: A quotation of this many words or more says something; a shorter one is a reaction.
SUBSTANTIVE = 8


def _quote_rank(entry: QuoteEntry, position: int) -> tuple:
    """Sort key of a quote for the Markdown: substantive whole quotations (``SUBSTANTIVE``
    words or more) before partial or short ones, then the most widely carried (its variants'
    sources too), then in order of appearance."""
    carried = len({*entry.sources, *(s for v in entry.variants for s in v.sources)})
    short = len(_quote_key(entry.text).split()) < SUBSTANTIVE
    return (entry.kind != "quote" or short, -carried, position)


#: The whole Markdown brief is at most this share of the sources' words: a third, less a
#: margin for reckoning the sources' words from their characters.
BRIEF_SHARE = 0.3
#: However tight the budget, who said what may hold this share of the sources' words.
QUOTE_FLOOR = 0.04
#: A brief of this many independent sources lists in the Markdown's figures only those two
#: or more of them give (when it is over its budget).
FIGURE_SOURCES = 3


def fit_brief(brief: Brief, source_words: int, duplicates: dict[str, str]) -> Brief:
    """``brief`` fitted to ``BRIEF_SHARE`` of ``source_words`` (in its Markdown). While it is
    longer, in turn: figures one source alone gives (of a brief of ``FIGURE_SOURCES``
    independent sources or more), then the timeline (its developments are listed above,
    with their time) and then the figures (the developments state them; where sources
    differ lists the rival ones), the sources' titles and the other names of people and
    bodies go to the JSON only (``left_to_json``; the Markdown counts them), and the less
    widely carried quotes too, down to ``QUOTE_FLOOR`` of the sources' words, and to
    ``MIN_SPEAKERS`` speakers (one when the rest of the brief leaves no room for more).
    Nothing leaves the JSON; returns a new brief."""
    limit = BRIEF_SHARE * source_words
    if len(render_markdown(brief).split()) <= limit:
        return brief
    brief = brief.model_copy(deep=True)
    sides = _sides(brief.stances)
    if brief.stats.independent_sources >= FIGURE_SOURCES:
        for group in brief.figures:
            group.listed = bool(group.counts) and (
                group.differs
                or independent({s for c in group.claims for s in c.sources}, duplicates) > 1
            )
    quotes = _flag_minor(brief.speakers, source_words, budget=0.0, speakers_shown=0)
    for group in quotes:  # the rest of the brief, without any quote
        for entry in group.quotes:
            entry.listed = False

    def rest() -> int:
        return len(render_markdown(brief.model_copy(update={"speakers": quotes})).split())

    floor = QUOTE_FLOOR * source_words
    for section in ("timeline", "figures", "titles", "people", "speakers"):
        if rest() + floor <= limit:
            break
        brief.left_to_json.append(section)
    # a development is worth more than any quote but a speaker's best: room for one
    one = _flag_minor(
        [g.model_copy(deep=True) for g in brief.speakers],
        source_words,
        0.0,
        speakers_shown=1,
        sides=sides,
    )
    best = len(render_markdown(brief.model_copy(update={"speakers": one})).split()) - rest()
    if rest() + min(floor, best) > limit and brief.stances:
        brief.left_to_json.append("stances")
    shown = [
        e
        for e in brief.events
        if e.shown != "none" and not e.in_differences and e.lede_sentence is None
    ]  # those the lede states are said there, and listed nowhere else
    keys = sum(1 for e in shown if e.shown == "key")
    for event in reversed(shown):  # singles, then keys, least wanted first
        if rest() + min(floor, best) <= limit or (event.shown == "key" and keys <= MIN_KEY):
            break
        keys -= event.shown == "key"
        event.shown = "none"
        event.on_timeline = False
        brief.developments_left += 1
    room = limit - rest()
    wide = room > floor and not brief.developments_left
    brief.speakers = _flag_minor(
        brief.speakers,
        source_words,
        budget=max(room, floor if wide else 0.0),
        speakers_shown=MIN_SPEAKERS if wide else 1,
        sides=sides,
    )
    return brief


def _same_text(a: str, b: str) -> bool:
    """Character for character the same words (white space aside): one entry, many sources."""
    return normalise_space(a) == normalise_space(b)


def _nested(quotes: Sequence[Quote]) -> set[str]:
    """Ids of the quotations told inside another quotation of their article (by offsets)."""
    by_source: dict[str, list[Quote]] = defaultdict(list)
    for quote in quotes:
        by_source[quote.source].append(quote)
    inside = set()
    for held in by_source.values():
        held = sorted(held, key=lambda q: (q.start, -q.end))
        reach, owner = -1, None
        for quote in held:
            if owner is not None and quote.end <= reach and quote.start >= owner.start:
                inside.add(quote.id)
            elif quote.end > reach:
                reach, owner = quote.end, quote
    return inside


class _QuoteIndex:
    """The quote entries made so far, indexed so that a quote finds the entry it repeats
    without a comparison with every entry. Answers as a scan in entry order would: the
    first entry that matches."""

    def __init__(self) -> None:
        self.keys: list[str] = []  # entry -> its wording key (``_quote_key``)
        self.texts: list[str] = []  # entry -> its text
        self.by_text: dict[str, int] = {}  # white space collapsed -> first entry
        self.by_key: dict[str, int] = {}  # wording key -> first entry
        self.by_shingle: dict[int, list[int]] = defaultdict(list)  # sketch key -> entries
        self.by_word: dict[str, list[int]] = defaultdict(list)  # word -> entries

    def add(self, entry: int, text: str) -> None:
        key = _quote_key(text)
        self.keys.append(key)
        self.texts.append(text)
        self.by_text.setdefault(_exact_key(text), entry)
        self.by_key.setdefault(key, entry)
        for shingle in _quote_sketch(key):
            self.by_shingle[shingle].append(entry)
        for word in set(key.split()):
            self.by_word[word].append(entry)

    def exact(self, text: str) -> int | None:
        """The first entry with ``text`` character for character (white space aside)."""
        return self.by_text.get(_exact_key(text))

    def variant_of(self, text: str) -> tuple[int, str] | None:
        """(entry, 'wording' | 'part') when ``text`` is another wording of an entry (the
        same words but for punctuation, apostrophes or a word or two that change nothing the
        quote says: ``same_claim``) or a part of it."""
        key = _quote_key(text)
        if not key:
            return None
        wording = [self.by_key[key]] if key in self.by_key else []
        if len(key) > 20:
            # a word pair that many entries hold ("and the") is no sign of the same words
            near = {
                e
                for shingle in _quote_sketch(key)
                if len(held := self.by_shingle.get(shingle, ())) <= _COMMON_SHINGLE
                for e in held
            }
            wording += [
                e
                for e in near
                if fuzz.ratio(key, self.keys[e]) >= 90 and same_claim(text, self.texts[e])
            ]
        if wording:
            return min(wording), "wording"
        # A part is a run of whole words of the fuller quote ("fake news" is no part of
        # "fake newsletter"): only the entries holding its rarest word can contain it.
        postings = [self.by_word.get(w, []) for w in set(key.split())]
        padded = f" {key} "
        for entry in min(postings, key=len):
            if padded in f" {self.keys[entry]} ":
                return entry, "part"
        return None


def _exact_key(text: str) -> str:
    """A quote's words as written, white space collapsed, without the comma or full stop a
    house style puts inside the closing mark: “…safe only last month,” and “…last month.”
    are the same words, not another wording."""
    return normalise_space(text).rstrip(" ,.;:")


def _quote_sketch(key: str) -> set[int]:
    """Bottom-4 hashes of a wording key's word pairs: two wordings a word or two apart
    share one with high probability."""
    words = key.split()
    pairs = {" ".join(words[i : i + 2]) for i in range(max(1, len(words) - 1))}
    return set(sorted(zlib.crc32(p.encode()) for p in pairs)[:4])


#: Words that, changed between two wordings, change what a quote says: negations, modals and
#: number words (English news style; digits and names are told by their form).
_NEGATIONS = frozenset(
    "not no never none nobody nothing nowhere neither nor without cannot".split()
)
_MODALS = frozenset("will would shall should can could may might must ought need dare".split())
_NUMBER_WORDS = frozenset(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
    eighty ninety hundred hundreds thousand thousands million millions billion billions
    trillion dozen dozens half quarter double triple first second third once twice""".split()
)
_TOKEN = re.compile(r"[\w’']+")


def same_claim(a: str, b: str) -> bool:
    """False when two wordings of a quote differ in a word that changes what it says: a
    negation (``not``, ``never``, ``-n't``), a modal (``will``/``would``/``may``), a number
    (digits or a number word) or a name (a capitalised word past the first). Punctuation,
    apostrophes and other small words may differ."""
    left, right = _TOKEN.findall(a), _TOKEN.findall(b)
    fold = [t.replace("’", "'").lower() for t in left], [t.replace("’", "'").lower() for t in right]
    matcher = SequenceMatcher(a=fold[0], b=fold[1], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        changed = [(i, left[i], fold[0][i]) for i in range(i1, i2)]
        changed += [(j, right[j], fold[1][j]) for j in range(j1, j2)]
        for position, token, word in changed:
            if (
                word in _NEGATIONS
                or word.endswith("n't")
                or word in _MODALS
                or word in _NUMBER_WORDS
                or any(ch.isdigit() for ch in word)
                or (position > 0 and token[:1].isupper())
            ):
                return False
    return True


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


def _unique_evidence(evidence: list[Evidence]) -> list[Evidence]:
    seen, unique = set(), []
    for item in evidence:
        if (item.source, item.sentence) not in seen:
            seen.add((item.source, item.sentence))
            unique.append(item)
    return unique


# --- figures ------------------------------------------------------------------------------

_FIGURE_STOP = frozenset("the a an of in to into for from by on at and or been have has".split())
#: Adjectives that do not change what is counted ("elite troops" are troops).
_FIGURE_FILLER = frozenset(
    """elite new more other additional estimated extra further total final true real overall
    latest projected full""".split()
)

FigureKey = tuple[str | None, str, frozenset[str], str | None, str | None, str | None]

#: Words a figure's phrase may end on that name nothing counted ('want 8% instead').
_NOT_COUNTED = frozenset("instead apiece each too also so far now more less alone".split())
#: A sentence opening on a named place ("At Northgate, around 60 drivers…", "At the Northgate
#: depot, where about 200 drivers are based"): its figures count a part at that place.
_AT_PLACE = re.compile(
    r"^(?:\d{1,2}[:.]\d{2}\s*)?At\s+(?:the\s+(?!(?:time|moment|start|end|height|peak)\b)"
    r"([\w'’-]+(?:\s+[\w'’-]+){0,2}?)|([A-Z][\w'’-]+(?:\s+[\w'’-]+){0,2}?))(?=,)"
)


def _scope(figure: Figure) -> str | None:
    """The named place a figure's sentence opens on ('Northgate', 'Northgate depot'), when
    the figure comes after it: the figure counts a part (one depot, one site), not the
    story's whole. None for any other figure."""
    text = figure.sentence_text or ""
    found = _AT_PLACE.match(text)
    if not found:
        return None
    at = text.find(figure.value)
    return found.group(1) or found.group(2) if at < 0 or at > found.end() else None


def _singular(word: str) -> str:
    """'troops' -> 'troop', 'companies' -> 'company', 'people' -> 'person'."""
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


#: Nouns naming what a sum of money costs: one quantity however a source words it ('the
#: cost of repairs', 'the repair bill', 'the price'), when the amount is money.
_COST_WORDS = frozenset("cost bill price tab expense outlay".split())
_MONEY_UNIT = re.compile(r"^[A-Z]{3}$")
#: Words before 'price' that make it the price of a share ('closing price', 'share price'),
#: not what something costs.
_SHARE_PRICE_WORDS = frozenset(
    "share stock closing opening trading offer issue strike target exercise".split()
)


def _figure_key(figure: Figure) -> FigureKey:
    """(unit, head noun, modifiers, outcome, place, sense) of what a figure counts: (None,
    'troop', {'north', 'korean'}, None, None, 'happened'). Nouns news uses for the same thing
    share a head
    (``vocabulary.COUNT_NOUN_CLASSES``: 'soldiers' and 'troops'); a sum of money that a
    cost word names ('cost of repairs', 'repair bill', 'the price') has the head 'cost',
    with the other words as its modifiers ({'repair'})."""
    if not figure.counts and _money_kind(figure) is not None:
        kind = _money_kind(figure)
        return figure.unit, f"{KIND_HEAD}{kind}", frozenset(), None, _scope(figure), figure.sense
    words = [_singular(w) for w in re.findall(r"[a-z]+(?:['’][a-z]+)?", figure.counts.lower())]
    words = [re.sub(r"['’]s$", "", w) for w in words]
    words = [w for w in words if w not in _FIGURE_STOP and w not in _FIGURE_FILLER]
    told = _OUTCOME_CLASSES.get((figure.outcome or "").lower(), figure.outcome or "")
    outcome = " ".join(sorted(re.findall(r"[a-z-]+", told.lower())) or [])
    sense = figure.sense
    if not words or words[-1] in _NOT_COUNTED:
        return figure.unit, "", frozenset(), outcome or None, None, sense
    cost = _cost_head(figure, words)
    kind = _money_kind(figure)
    if kind is not None and not (kind == "cost" and cost is not None):
        # a sum of one kind is one quantity however an outlet words what it is of
        head = f"{KIND_HEAD}{kind}"
        return figure.unit, head, frozenset(), outcome or None, _scope(figure), sense
    if cost is not None:
        modifiers = frozenset(words) - {cost}
        return figure.unit, f"{KIND_HEAD}cost", modifiers, outcome or None, _scope(figure), sense
    head = COUNT_NOUN_CLASSES.get(words[-1], words[-1])
    fatal = "fatal" in words[:-1]  # 'seven fatal events', 'three fatal crashes'
    if figure.unit is None and (head in _DEATH_NOUNS or fatal or outcome in _DEATH_OUTCOMES):
        # 'seven patients … had died', '11 deaths', 'seven fatal events': one count of dead
        return None, "death", frozenset(), None, _scope(figure), sense
    return figure.unit, head, frozenset(words[:-1]), outcome or None, _scope(figure), sense


#: Outcomes news words several ways, each to one ('taken to hospital' is hospitalised).
_OUTCOME_CLASSES = dict.fromkeys(
    ["taken to hospital", "treated in hospital", "admitted to hospital", "hospitalized"],
    "hospitalised",
) | dict.fromkeys(EVACUATION_OUTCOMES, "evacuated")

#: How a key's head marks a kind of sum (``rules.figures.money_kind``) rather than a noun.
KIND_HEAD = "sum:"


def _money_kind(figure: Figure) -> str | None:
    """The kind of sum a money figure is (``rules.figures.money_kind`` on its sentence); None
    for a figure that is not money, or whose sentence names no kind."""
    if figure.unit is None or not _MONEY_UNIT.match(figure.unit) or not figure.sentence_text:
        return None
    return money_kind(figure.sentence_text, figure.value)


#: What counts the dead, whatever noun or verb a source uses: 'deaths', 'fatalities', 'seven
#: patients died', 'were killed', 'confirmed dead'.
_DEATH_NOUNS = frozenset({"death", "fatality", "dead"})
_DEATH_OUTCOMES = frozenset({"died", "dead", "killed", "confirmed-dead"})


def _cost_head(figure: Figure, words: list[str]) -> str | None:
    """The cost word heading what a sum of money counts: its last word ('repair bill') or
    its first before 'of' ('cost of repairs'); None for a count, a percentage or another
    noun ('cost overrun' is an overrun)."""
    if figure.unit is None or not _MONEY_UNIT.match(figure.unit):
        return None
    if words[-1] == "price" and set(words[:-1]) & _SHARE_PRICE_WORDS:
        return None  # 'its closing price of €43.10': the price of a share, no cost
    if words[-1] in _COST_WORDS:
        return words[-1]
    opening = re.match(r"\s*(?:the\s+)?([a-z]+)\s+of\b", figure.counts.lower())
    if opening and _singular(opening.group(1)) in _COST_WORDS:
        return _singular(opening.group(1))
    return None


def _same_quantity(a: FigureKey, b: FigureKey) -> bool:
    """Same unit, head noun, outcome and place (``_scope``), senses that agree
    (``senses_agree``), and modifiers that agree (one side may have none)."""
    unit_a, head_a, mods_a, outcome_a, scope_a, sense_a = a
    unit_b, head_b, mods_b, outcome_b, scope_b, sense_b = b
    if not head_a or head_a != head_b or unit_a != unit_b or outcome_a != outcome_b:
        return False
    if scope_a != scope_b or not senses_agree(sense_a, sense_b):
        return False
    return not mods_a or not mods_b or bool(mods_a & mods_b)


#: Senses a figure's phrase may leave unsaid: a figure that says neither is planned nor has
#: happened may be either. A workforce, a population, a catchment or a capacity is said.
_LOOSE_SENSES = frozenset({None, "planned", "happened"})


def senses_agree(a: str | None, b: str | None) -> bool:
    """Whether figures of senses ``a`` and ``b`` (``Figure.sense``) can count one quantity:
    the same sense; or neither a workforce, population, catchment nor capacity and not one
    planned and the other happened ('a total of 10,000 expected' is not the 3,000 sent)."""
    if a == b:
        return True
    return a in _LOOSE_SENSES and b in _LOOSE_SENSES and {a, b} != {"planned", "happened"}


#: Qualifiers that make a figure an increment on another ('another 3,500 expected to
#: follow'): it counts those added, not the whole.
_INCREMENTS = frozenset({"another", "an additional", "a further"})


def _countable_with(a: Figure, b: Figure) -> bool:
    """Whether two figures whose phrases count the same thing can be one quantity: their
    senses agree (``senses_agree``), both or neither are increments ('another 3,500' is not
    the 6,000 in all), and two planned figures are not for different times ('5,000 … by
    Monday' is not '10,000 by the end of the year')."""
    if not senses_agree(a.sense, b.sense):
        return False
    if (a.qualifier in _INCREMENTS) != (b.qualifier in _INCREMENTS):
        return False
    if a.sense == b.sense == "planned":
        first, second = _deadline(a), _deadline(b)
        return first is None or second is None or first == second
    return True


_DEADLINE = re.compile(
    r"\bby\s+(?:the\s+(?:end|start|middle)\s+of\s+)?(?:the\s+|this\s+|next\s+)?"
    r"(?P<when>[A-Za-z]+)",
)


def _deadline(figure: Figure) -> str | None:
    """The time a planned figure is for, as its clause writes it after the value ('by
    Monday' -> 'monday', 'by the end of the year' -> 'year'); None."""
    text = figure.sentence_text or ""
    at = text.find(figure.value)
    if at < 0:
        return None
    clause = re.split(r"[,;.]", text[at + len(figure.value) :], maxsplit=1)[0]
    found = _DEADLINE.search(clause)
    return found.group("when").lower() if found else None


#: How a group's label names the kind of count its sense makes it.
_SENSE_LABELS = {
    "workforce": "workforce",
    "population": "population",
    "served": "served",
    "capacity": "capacity",
    "planned": "planned or expected",
}


#: Qualifiers that make a value a floor ('more than $100 million'), a ceiling ('up to 3,000')
#: or a value a little over ('nearly 250').
_FLOORS = LOWER_BOUNDS | frozenset({"more than", "over", "above", "in excess of", "exceeding"})
_CEILINGS = UPPER_BOUNDS | frozenset({"less than", "under", "below", "fewer than"})
_JUST_UNDER = frozenset({"nearly", "almost", "just under", "close to"})
#: How far past a floor or under a ceiling a value still agrees with it ('more than 20' and
#: 23): further, the bound was most likely of something else.
BOUND_REACH = 1.5
#: How far under a value 'nearly' that value reaches ('nearly 250' and 243, not 212).
JUST_UNDER_REACH = 0.9


def _within_bound(bound: Figure, value: Figure) -> bool:
    """Whether a plain ``value`` is what ``bound`` ('more than 20', 'up to $5m', 'nearly
    250') allows, and close to it."""
    if bound.high is not None or value.high is not None or value.qualifier in _FLOORS | _CEILINGS:
        return False
    x, y = bound.number, value.number
    if bound.qualifier in _FLOORS:
        return x <= y <= BOUND_REACH * x
    if bound.qualifier in _CEILINGS:
        return x / BOUND_REACH <= y <= x
    if bound.qualifier in _JUST_UNDER:
        return JUST_UNDER_REACH * x <= y <= x
    return False


_ROUGHLY = frozenset({"about", "around", "roughly", "some", "approximately", "nearly", "almost"})
#: How far an 'about' value may be from an exact one it agrees with (share of the value).
ROUGHLY_REACH = 0.05


def _roughly(a: Figure, b: Figure) -> bool:
    """Whether 'about 4,200' (``a``) and 4,212 (``b``) say the same: ``a`` is approximate
    and within ``ROUGHLY_REACH`` of ``b``."""
    if a.qualifier not in _ROUGHLY or a.high is not None or b.high is not None:
        return False
    return abs(a.number - b.number) <= ROUGHLY_REACH * abs(a.number)


def _written(figure: Figure) -> tuple[float, int] | None:
    """The first number of a figure as written ('13.8 per cent' -> (13.8, 1), '£76mn' ->
    (76.0, 0)) and how many decimals it gives; None for one in words."""
    found = re.search(r"\d[\d,]*(?:\.(\d+))?", figure.value)
    if found is None:
        return None
    return float(found.group().replace(",", "")), len(found.group(1) or "")


def _rounded(a: Figure, b: Figure) -> bool:
    """Whether ``a`` is ``b`` rounded to fewer decimals, at the same scale ('14 per cent' and
    '13.8 per cent', '3.5 million' and '3.46 million'): one value, told less precisely."""
    if a.high is not None or b.high is not None or a.scale != b.scale or a.unit != b.unit:
        return False
    first, second = _written(a), _written(b)
    if first is None or second is None or not second[1] or first[1] >= second[1]:
        return False
    return round(second[0], first[1]) == first[0] and abs(second[0] - first[0]) < 1


def _within_range(value: Figure, span: Figure) -> bool:
    """Whether a single ``value`` lies inside the range ``span`` gives ('about £76mn' within
    'between £40m and £80m'): what the range allows, not a rival to it."""
    if span.high is None or value.high is not None or value.qualifier in _FLOORS | _CEILINGS:
        return False
    return span.number <= value.number <= span.high


def _agree(a: Figure, b: Figure) -> bool:
    """Whether two values for one quantity say the same: equal, or a range and an 'up to'
    its high end ('2,000-3,000' and 'as many as 3,000') or an 'at least' its low end or a
    plain value at one of its ends ('6.1-6.9 mg' and '6.9mg'), or a
    floor, a ceiling or a 'nearly' and a value it allows ('more than $100 million' and $112
    million, ``_within_bound``) unless two claimants give them (an audit's 'at least $38m'
    and the prosecutors' $41.6m are two accounts)."""
    if a.number == b.number and a.high == b.high:
        # a tally and the same tally, or its winning side told alone ('seven votes')
        return a.against == b.against or None in (a.against, b.against)
    if _rounded(a, b) or _rounded(b, a) or _within_range(a, b) or _within_range(b, a):
        return True  # '14%' and '13.8%'; 'about £76mn' and 'between £40m and £80m'
    first, second = claimant_name(a.claimant), claimant_name(b.claimant)
    if not (first and second and first.lower() != second.lower()):
        if _within_bound(a, b) or _within_bound(b, a) or _roughly(a, b) or _roughly(b, a):
            return True
    for r, bound in ((a, b), (b, a)):
        if r.high is not None and bound.high is None:
            if bound.qualifier in UPPER_BOUNDS and bound.number == r.high:
                return True
            if bound.qualifier in LOWER_BOUNDS and bound.number == r.number:
                return True
            if not bound.qualifier and bound.number in (r.number, r.high):
                return True  # 'between 6.1 and 6.9 mg' and 'some held 6.9mg': its end
    return False


def _differs(members: Sequence[Figure], told_apart: set[tuple] = frozenset()) -> bool:
    """Different sources give values that disagree; numbers within one source never do, and
    two values that one source gives both of, on one claimant's word (``told_apart``), are
    two quantities that source tells apart (an offer and a demand, a part and the whole),
    not two accounts of one."""
    return bool(_disputed(members, told_apart))


def _point(figure: Figure) -> tuple[float, float | None, float | None]:
    """A figure's value as claims are told apart: its number, a range's high end and a
    tally's other side ('seven to four' is not 'seven to five')."""
    return figure.number, figure.high, figure.against


def _disputed(
    members: Sequence[Figure], told_apart: set[tuple] = frozenset()
) -> set[tuple[float, float | None, float | None]]:
    """The values (``_point``) of ``members`` that take part in a disagreement
    (``_differs``)."""
    # Members alike in all that the test reads (value, unit, qualifier, claimant) are
    # compared once, as one bucket with their sources: linear in the members, quadratic
    # only in the few distinct accounts.
    buckets: dict[tuple, tuple[Figure, set[str]]] = {}
    sentences: dict[tuple, set[tuple[str, int]]] = defaultdict(set)
    for figure in members:
        key = (
            *_point(figure),
            figure.unit,
            figure.qualifier,
            (claimant_name(figure.claimant) or "").lower(),
        )
        buckets.setdefault(key, (figure, set()))[1].add(figure.source)
        sentences[_point(figure)].add((figure.source, figure.sentence))
    accounts = list(buckets.values())
    disputed: set[tuple[float, float | None, float | None]] = set()
    for i, (a, sources_a) in enumerate(accounts):
        for b, sources_b in accounts[i + 1 :]:
            if _point(a) in disputed and _point(b) in disputed:
                continue  # both already known to be disputed
            if (
                not (len(sources_a) == 1 and sources_a == sources_b)  # two sources between them
                and not _agree(a, b)
                and _value_pair(a, b) not in told_apart
                and not _one_voice(a, b)
                and not _set_aside(a, b, sentences)
                and _rivals(a, b)
            ):
                disputed |= {_point(a), _point(b)}
    return disputed


def _set_aside(a: Figure, b: Figure, sentences: dict[tuple, set[tuple[str, int]]]) -> bool:
    """Whether one of two values, credited to no one, is given only in sentences that give
    the other ('the true figure is 140, not 90,' she said): the value a claimant sets aside,
    not a second account."""
    for value, other in ((a, b), (b, a)):
        if (
            not claimant_name(value.claimant)
            and sentences[_point(value)] <= sentences[_point(other)]
        ):
            return True
    return False


def _one_voice(a: Figure, b: Figure) -> bool:
    """Whether one claimant gives both values: two quantities that claimant tells apart (or
    one it corrects), never a difference between sources."""
    first, second = claimant_name(a.claimant), claimant_name(b.claimant)
    return bool(first and second and first.lower() == second.lower())


#: Two outlets' own values for one count are rival accounts of it when this close (12 and
#: 14 injured, 11,800 and 12,000 voters); further apart, they are most often a part and the
#: whole or two things counted under one word (40 people a site employs, 300 people
#: evacuated), unless each is credited to someone (police's 5,000 and the organisers' 50,000).
RIVAL_FACTOR = 1.5


def _rivals(a: Figure, b: Figure) -> bool:
    """Whether two values can be rival accounts of one quantity: close (``RIVAL_FACTOR``),
    or each credited to a different claimant and within ``CLAIMED_SPAN``."""
    low, high = sorted((abs(a.number), abs(b.number)))
    if _close(a, b):
        return True
    if _where(a) or _where(b):
        return False  # 'bought in four countries', 'sold in nine countries': where, not what
    if high > CLAIMED_SPAN * low:
        return False  # 37 people in hospital, 11,000 told to boil water: two quantities
    if _one_sum(a) and _one_sum(b) and a.counts.lower() == b.counts.lower():
        return True  # 'a £50 voucher' and 'a £150 voucher': the value of one thing, told twice
    first, second = claimant_name(a.claimant), claimant_name(b.claimant)
    return bool(first and second and first.lower() != second.lower())


#: A count after 'in', 'across' or 'throughout' ('pulled from shelves in nine countries',
#: 'strikes across 40 depots') says where something happened, not what is at issue; not after
#: a verb of outcome ('resulted in 12 deaths').
_WHERE_BEFORE = re.compile(
    r"(?<!result )(?<!resulted )(?<!ended )(?<!ending )(?<!involved )"
    r"\b(?:in|across|throughout)\s+(?:(?:at least|about|around|some|more than|over|nearly|"
    r"almost|up to|as many as)\s+)?$",
    re.IGNORECASE,
)


def _where(figure: Figure) -> bool:
    """Whether a figure counts the places where something happened ('in nine countries'):
    two such counts are rival accounts only when close, whoever gives them."""
    text = figure.sentence_text or ""
    at = text.find(figure.value)
    return at > 0 and bool(_WHERE_BEFORE.search(text, max(0, at - 40), at))


def _one_sum(figure: Figure) -> bool:
    """A sum of money that is the value of one thing the sentence names in the singular ('a
    £150 voucher', 'a $2m fine'), not a total of many ('£40m of contracts')."""
    words = (figure.counts or "").split()
    return (
        figure.unit is not None
        and bool(_MONEY_UNIT.match(figure.unit))
        and bool(words)
        and not words[-1].lower().endswith("s")
    )


#: Values each credited to its own claimant are rival accounts only this close: police's
#: 5,000 and the organisers' 50,000 are; a mayor's 11,000 residents and a health authority's
#: 34 patients are not.
CLAIMED_SPAN = 20.0


def _value(figure: Figure) -> tuple:
    return figure.unit, figure.number, figure.high, figure.against


def _value_pair(a: Figure, b: Figure) -> tuple:
    return tuple(sorted((_value(a), _value(b)), key=repr))


def told_apart(figures: Sequence[Figure]) -> set[tuple]:
    """Pairs of values (unit, number, high, against) that one source gives both of with the same
    claimant (or none for both), whatever each counts: the source tells them apart, so two
    other sources giving one each do not disagree ('rejected a 4.5% offer … wants 8%';
    'about 200 drivers at one depot … 1,200 drivers'). Values that rival claimants give in
    one source ('police said 10; the hospital said 12'), or that a sentence of the source
    sets against each other ('350 jobs, not the 400 promised'), are not told apart by it,
    in that sentence or any other."""
    by_voice: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    by_sentence: dict[tuple[str, int], list[Figure]] = defaultdict(list)
    for figure in figures:
        by_voice[figure.source, (figure.claimant or "").lower()].append(figure)
        by_sentence[figure.source, figure.sentence].append(figure)
    # values a sentence sets against each other: its source reports them as rivals, in that
    # sentence and wherever else it gives them ('$21m, not $14m' … 'the $14m figure')
    contrasted: set[tuple] = set()
    for (source, _), held in by_sentence.items():
        if _CONTRAST.search(held[0].sentence_text or ""):
            contrasted |= {
                (source, _value_pair(a, b))
                for i, a in enumerate(held)
                for b in held[i + 1 :]
                if _value(a) != _value(b)
            }
    pairs: set[tuple] = set()
    for (source, _), held in by_voice.items():
        for i, a in enumerate(held):
            for b in held[i + 1 :]:
                if _value(a) == _value(b) or (source, _value_pair(a, b)) in contrasted:
                    continue
                pairs.add(_value_pair(a, b))
    return pairs


#: Words by which one sentence sets two values against each other, or lists them as rival
#: estimates.
_CONTRAST = re.compile(
    r"\b(?:not|rather than|instead of|contrary to|disputes?|denie[sd]|estimates|"
    r"(?i:more|fewer|higher|lower|less|greater)\s+than\s+the|"
    r"(?:figures|accounts|tallies)\s+(?:range|ranged|vary|varied|differ|differed))\b"
)  # 'loss estimates run from $38M to $57M': the values are rival estimates; 'three more
# than the official toll of 12': the sentence's count against the official one


def _group_label(members: Sequence[Figure]) -> str:
    """The wording most sources use for what the group counts (the shortest on a tie), with
    the outcome and the kind of count its sense makes it: 'Russian troops killed or wounded',
    'people (workforce)', 'North Korean soldiers (planned or expected)'."""
    counts = [f.counts for f in members]
    label = max(counts, key=lambda c: (counts.count(c), -len(c)))
    outcomes = [f.outcome for f in members if f.outcome]
    # one word for an outcome the sources word differently ('ordered out', 'evacuated')
    classes = {_OUTCOME_CLASSES.get(o.lower(), o) for o in outcomes}
    outcome = (
        classes.pop()
        if len(classes) == 1 and len(set(outcomes)) > 1
        else next(iter(outcomes), None)
    )
    label = f"{label} {outcome}" if outcome else label
    senses = {f.sense for f in members} - {None}
    if len(senses) == 1 and (sense := next(iter(senses))) in _SENSE_LABELS:
        if _SENSE_LABELS[sense] not in label.lower():  # not 'population (population)'
            label = f"{label} ({_SENSE_LABELS[sense]})"  # 'people (workforce)'
    return label


def _merge_figures(figures: Sequence[Figure], index: EntityIndex) -> list[FigureGroup]:
    """Group figures by what they count and their unit, across sources; within a group, one
    claim per value. A figure whose phrase names nothing it counts is never grouped: it stands
    alone, unflagged."""
    groups: list[tuple[FigureKey, list[Figure]]] = []
    nameless: list[Figure] = []
    for figure in figures:
        key = _figure_key(figure)
        if not key[1]:
            nameless.append(figure)
            continue
        for group_key, members in groups:
            if _same_quantity(key, group_key) and all(
                _countable_with(figure, m) and _kin_sums(key, figure, m) for m in members
            ):
                members.append(figure)
                break
        else:
            groups.append((key, [figure]))
    groups = _join_told_counts(_join_same_sums(groups))
    alone = []
    for figure in nameless:  # the same value as one named quantity: that quantity
        holders = [m for _, m in groups if any(_value(f) == _value(figure) for f in m)]
        if len(holders) == 1:
            holders[0].append(figure)
        else:
            alone.append(figure)
    apart = told_apart(figures)
    result = []
    for key, members in groups:
        claims: dict[tuple[float, float | None, float | None], list[Figure]] = defaultdict(list)
        for figure in members:
            claims[_point(figure)].append(figure)
        label = (
            KIND_LABELS.get(key[1])
            or ("deaths" if key[1] == "death" else None)
            or _group_label([m for m in members if _figure_key(m)[1]])
        )
        disputed = _disputed(members, apart)
        result.append(
            FigureGroup(
                counts=f"{label} at {key[4]}" if key[4] else label,
                unit=key[0],
                claims=[
                    _claim(items, index).model_copy(update={"rival": value in disputed})
                    for value, items in sorted(claims.items(), key=_order)
                ],
                differs=bool(disputed),
            )
        )
    result.sort(key=lambda g: (not g.differs, -len(g.claims)))
    result += [
        FigureGroup(counts="", unit=f.unit, claims=[_claim([f], index)], differs=False)
        for f in alone
    ]
    return result


#: How a group of sums of one kind is labelled.
KIND_LABELS = {
    f"{KIND_HEAD}{kind}": label
    for kind, label in {
        "loss": "losses", "cost": "cost", "severance": "severance payout",
        "payment": "payments", "fine": "fine", "bail": "bail or bond",
        "investment": "sum invested", "assets": "assets managed", "fraud": "alleged fraud",
        "levy": "levy or tax", "pay": "pay", "funding": "funding", "revenue": "revenue",
        "profit": "profit", "debt": "debt", "damages": "damages or compensation",
        "change": "change", "contribution": "contribution", "savings": "savings",
    }.items()
}  # fmt: skip


#: Sums of one kind that one story gives are one quantity only this close (a loss of $38m
#: and one of $57m; not $640,000 of payments frozen and $4.6m of payments made).
KIND_SPAN = 3.0


def _kin_sums(key: FigureKey, a: Figure, b: Figure) -> bool:
    """Whether two values grouped as one quantity are close enough to be one: sums grouped
    by their kind alone (``KIND_HEAD``) within ``KIND_SPAN``; always True for counts."""
    if not key[1].startswith(KIND_HEAD) or not a.number or not b.number:
        return True
    low, high = sorted((abs(a.number), abs(b.number)))
    return high <= KIND_SPAN * low


def _join_same_sums(
    groups: list[tuple[FigureKey, list[Figure]]],
) -> list[tuple[FigureKey, list[Figure]]]:
    """Groups of money figures that share an exact sum (same currency, value and range) are
    one quantity: '$112 million of pension money', 'steered $112M to' and 'the $112 million
    it committed' are one sum whatever each outlet says it is of. Never when the two groups
    are sums of different kinds (a '$500,000 bond' and a '$500,000 fine'); a group with a
    kind gives the joined group its key. Counts and measures are left as they are: 12
    injured and 12 schools are not one quantity."""
    joined: list[tuple[FigureKey, list[Figure]]] = []
    for key, members in groups:
        sums = {_value(f) for f in members} if key[0] and _MONEY_UNIT.match(key[0]) else set()
        for index, (other_key, other) in enumerate(joined):
            if not sums or other_key[0] != key[0] or not sums & {_value(f) for f in other}:
                continue
            kinds = {k[1] for k in (key, other_key) if k[1].startswith(KIND_HEAD)}
            if len(kinds) > 1 or key[4] != other_key[4]:
                continue  # two kinds of sum, or a part at one place
            if not all(_countable_with(f, m) for f in members for m in other):
                continue
            head = key if key[1].startswith(KIND_HEAD) else other_key
            joined[index] = (head, other + members)
            break
        else:
            joined.append((key, list(members)))
    return joined


def _join_told_counts(
    groups: list[tuple[FigureKey, list[Figure]]],
) -> list[tuple[FigureKey, list[Figure]]]:
    """Two groups of one noun and unit that give the same two values or more, one of them
    saying what happened to those counted and the other not, are one quantity: '1,900
    people were ordered out' and 'some 2,300 people were evacuated' in one group, 'around
    1,900 people living in 800 properties … were told to go' and '2,300 residents' in
    another, are the same evacuation told with and without its verb nearby."""
    joined: list[tuple[FigureKey, list[Figure]]] = []
    for key, members in groups:
        values = {_value(f) for f in members}
        for index, (other_key, other) in enumerate(joined):
            same_thing = (
                other_key[:3] == key[:3]
                and other_key[4] == key[4]
                and senses_agree(other_key[5], key[5])
            )
            told = None in (key[3], other_key[3]) or key[3] == other_key[3]
            if same_thing and told and len(values & {_value(f) for f in other}) >= 2:
                head = key if key[3] else other_key
                if key[3] == other_key[3]:
                    joined[index] = (head, other + members)
                    break
                # of the group that does not say what happened, only the values near the
                # told group's: '160 people spent the night at rest centres' is not
                # among the 1,900 or 2,300 evacuated, though both groups count 'people'
                told_group, untold = (members, other) if key[3] else (other, members)
                near: list[Figure] = []
                rest: list[Figure] = []
                for figure in untold:
                    (near if any(_close(figure, t) for t in told_group) else rest).append(figure)
                joined[index] = (head, told_group + near)
                if rest:
                    joined.append((other_key if key[3] else key, rest))
                break
        else:
            joined.append((key, list(members)))
    return joined


def _close(a: Figure, b: Figure) -> bool:
    """Whether two values are close enough to be one count told by rival sources
    (``RIVAL_FACTOR``), or are both small counts of what happened to people or things
    (``SMALL_OUTCOME``: three taken to hospital, or five, is one count told two ways)."""
    low, high = sorted((abs(a.number), abs(b.number)))
    if a.outcome and b.outcome and a.unit is None and b.unit is None and high <= SMALL_OUTCOME:
        return low > 0
    return high <= RIVAL_FACTOR * low


#: Counts of an outcome (killed, injured, taken to hospital, arrested) up to this many are
#: rival accounts of one count whatever their ratio: news rarely counts a part of so few.
SMALL_OUTCOME = 10


def _order(item: tuple[tuple[float, float | None, float | None], list[Figure]]) -> tuple:
    (number, high, against), _ = item
    return number, high if high is not None else number, against or 0.0


#: A claimant read with the verb's auxiliary ('Calder Transit has'), and a phrase that names
#: no one ('published in April': a participle, not a person or body).
_CLAIMANT_TAIL = re.compile(r"(?:\s+(?:has|have|had|is|was|were|will|would|now|also|still))+$")
_NOT_A_CLAIMANT = re.compile(r"^[a-z]{2,}ed\b(?![-’'])")  # not 'red-faced bosses'


def claimant_name(claimant: str | None) -> str | None:
    """Who claims a figure, as the brief shows it: without a trailing auxiliary or a list's
    bullet; None for a phrase that names no one (a participle, a shouted headline label)."""
    if not claimant:
        return None
    # a live blog's bullet ('- Operator says 146 passengers …'): the marker is no name
    name = _CLAIMANT_TAIL.sub("", re.sub(r"^[-*•·–—]+\s*", "", claimant.strip()))
    if not name:
        return None
    shouted = len(name.split()) > 1 and name.isupper()  # a tabloid's label: 'VOTER PURGE FURY'
    return None if shouted or _NOT_A_CLAIMANT.match(name) else name


def _claim(figures: list[Figure], index: EntityIndex) -> FigureClaim:
    claimants = sorted(
        {index.canonical(name) for f in figures if (name := claimant_name(f.claimant))}
    )
    qualifiers = sorted({f.qualifier for f in figures if f.qualifier})
    written = list(dict.fromkeys(f.value for f in figures))
    claim = FigureClaim(
        value=figures[0].value,
        number=figures[0].number,
        high=figures[0].high,
        unit=figures[0].unit,
        qualifier=" / ".join(qualifiers) or None,
        claimant="; ".join(c for c in claimants if c) or None,
        written=written,
        sources=_sorted_sources(f.source for f in figures),
        evidence=_unique_evidence(
            [Evidence(source=f.source, sentence=f.sentence, text=f.sentence_text) for f in figures]
        ),
    )
    return claim.model_copy(update={"label": format_claim(claim)})


def format_claim(claim: FigureClaim) -> str:
    """'at least 1,500 (South Korea's spy agency)'; a value the sources write in several ways
    shows each ('$170 million / $170m')."""
    value = " / ".join(claim.written) if claim.written else claim.value
    text = " ".join(filter(None, [claim.qualifier, value]))
    return f"{text} ({claim.claimant})" if claim.claimant else text


def _figure_difference(group: FigureGroup) -> Difference:
    """The values of ``group`` that the sources disagree on (``FigureClaim.rival``)."""
    rivals = [c for c in group.claims if c.rival]
    values = "; ".join(format_claim(c) for c in rivals)
    return Difference(
        kind="figures",
        topic=group.counts,
        description=f"{group.counts}: {values}",
        sources=_sorted_sources(s for c in rivals for s in c.sources),
        claims=rivals,
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
        held: dict[tuple[str, str], tuple[list[str], list[Evidence]]] = {}
        for claim in members:
            actor = index.canonical(claim.actor) or claim.actor
            key = (claim.position, actor.lower())
            sides.setdefault(
                key, ClaimSide(actor=actor, position=claim.position, sources=[], evidence=[])
            )
            sources, evidence = held.setdefault(key, ([], []))
            sources.append(claim.source)
            evidence.append(Evidence(source=claim.source, sentence=claim.sentence, text=claim.text))
        # sorted and made unique once per side, not again with every claim
        for key, side in sides.items():
            side.sources = _sorted_sources(held[key][0])
            side.evidence = _unique_evidence(held[key][1])
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


def stance_target(
    title: str | None, sources: Sequence[SourceInfo], events: Sequence[MergedEvent]
) -> str:
    """The story's main development, which every stance row is on: the brief's title (the
    first headline of an independent source, else the most reported event). Pure."""
    return title or _title(sources, events)


def _merge_stances(
    extractions: Sequence[ArticleExtraction], index: EntityIndex, target: str | None = None
) -> list[StanceRow]:
    """One row per actor and position, with every source and sentence that shows it, each
    on the story's ``target``; the actor under a name its own sources write."""
    rows: dict[tuple[str, str], StanceRow] = {}
    held: dict[tuple[str, str], tuple[list[str], list[Evidence]]] = {}
    forms: dict[tuple[str, str], list[str]] = {}  # each row's actor as its sources write it
    for x in extractions:
        for stance in x.stances:
            actor = index.canonical(stance.actor) or stance.actor
            key = (actor, stance.position)
            evidence = Evidence(
                source=stance.source, sentence=stance.sentence, text=stance.evidence
            )
            if key not in rows:
                rows[key] = StanceRow(
                    # the row's first source's own spelling where it differs only in case
                    # ("Nato" where another outlet writes "NATO")
                    actor=stance.actor if stance.actor.lower() == actor.lower() else actor,
                    position=stance.position,
                    target=target,
                    sources=[stance.source],
                    evidence=[evidence],
                    quote=stance.quote,
                    quote_source=stance.source if stance.quote else None,
                )
            sources, shown = held.setdefault(key, ([], []))
            sources.append(stance.source)
            shown.append(evidence)
            forms.setdefault(key, []).append(stance.actor)
    # one name for an actor in all its rows ('Clearwell Utilities Inc.' opposes, 'Clearwell
    # Utilities' denies): the fullest of its name and the forms its sources write
    every: dict[str, set[str]] = defaultdict(set)
    for key, own in forms.items():
        every[key[0]].update([key[0], *(f for f in own if f)])
    # sorted and made unique once per row, not again with every stance
    for key, row in rows.items():
        row.sources = _sorted_sources(held[key][0])
        row.evidence = _unique_evidence(held[key][1])
        own = forms[key]
        named = max(every[key[0]], key=lambda f: (len(f.split()), len(f), f))
        row.actor = named if any(_writes(f, named) for f in own) else row.actor
        if not any(_writes(f, row.actor) for f in own if f):
            # a row cites only sources that spell the name their way ("Zelensky" where
            # another outlet writes "Zelenskyy"): the fullest of their own spellings
            row.actor = max(own, key=lambda f: (len(f.split()), len(f)))
    return sorted(rows.values(), key=lambda r: (-len(r.sources), r.actor))


def _writes(form: str, name: str) -> bool:
    """Whether a source writing ``form`` writes ``name``: the same words (case and stops
    aside), or its opening words with a suffix after them ('Clearwell Utilities' for
    'Clearwell Utilities Inc.'), or the same last word ('Zelensky' for 'Volodymyr
    Zelensky')."""
    own = re.sub(r"[.,]", "", form).lower().split()
    full = re.sub(r"[.,]", "", name).lower().split()
    return bool(own and full) and (full[: len(own)] == own or own[-1] == full[-1])


#: The rule-built lede: at most this many sentences, none that repeats an earlier one.
LEDE_SENTENCES = 2
LEDE_REPEAT = 0.2


def _lede(events: Sequence[MergedEvent], duplicates: dict[str, str]) -> list[LedeSentence]:
    """Deterministic lede: the top developments, each with its sources, skipping one whose
    words largely repeat a sentence already chosen (a summary that says its first sentence
    again in other words)."""
    candidates = [e for e in events if e.shown == "key"] or list(events[:2])
    chosen: list[MergedEvent] = []
    for event in candidates:
        if len(chosen) == LEDE_SENTENCES:
            break
        if all(_overlap(event.summary, c.summary) < LEDE_REPEAT for c in chosen):
            chosen.append(event)
    return [LedeSentence(text=_sentence(e.summary), sources=e.sources) for e in chosen]


def _overlap(a: str, b: str) -> float:
    """Share of content words two sentences have in common (Jaccard over stems)."""
    first, second = set(dev_tokens(a)), set(dev_tokens(b))
    return len(first & second) / max(1, len(first | second))


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.rstrip("\"”’'").endswith((".", "!", "?")) else text + "."


def _title(sources: Sequence[SourceInfo], events: Sequence[MergedEvent]) -> str:
    """The independent source's headline that most other headlines agree with
    (``_agreement``; the first of equals) and that names the story
    (``informative_headline``: not "GNOME SWEET GNOME!", not "NEWS RELEASE"; not a service
    piece's "what owners need to know" nor a live page's: ``_SERVICE_HEADLINE``), one in
    ordinary case before one in capitals; else the first headline; else the most reported
    development."""
    titled = [s.title for s in sources if s.title and not s.duplicate_of]
    named = [n for t in titled if (n := informative_headline(t))]
    plain = [t for t in named if not _in_capitals(t) and not _SERVICE_HEADLINE.search(t)]
    named = [t for t in named if not _SERVICE_HEADLINE.search(t)] or named
    for pool in (plain, named, titled):
        if pool:
            # an outlet's edit of another's story still tells which story the outlets tell
            every = [s.title for s in sources if s.title]
            return max(pool, key=lambda t: _agreement(t, every))  # the first of equals
    return events[0].summary if events else "News brief"


def _agreement(headline: str, headlines: Sequence[str]) -> int:
    """How many of the other ``headlines`` share two content words or more with
    ``headline`` (``developments.tokens``: stems and paraphrases, "sacks" and "sacked"
    agree): the headline that tells the story most outlets tell, not one outlet's angle
    ("Alarm log shows plant was failing" beside three headlines on a notice of default)."""
    own = set(dev_tokens(headline))
    return sum(
        1 for other in headlines if other != headline and len(own & set(dev_tokens(other))) >= 2
    )


#: A headline of a service piece or a page of updates, not of the story: "what owners need
#: to know", "how to get your refund", "live:", "everything we know".
_SERVICE_HEADLINE = re.compile(
    r"\b(?:what\s+(?:\w+\s+){0,2}(?:need|needs)\s+to\s+know|how\s+to\b|everything\s+"
    r"(?:we|you)\s+know|explained\b|q\s*&\s*a\b)|^live\b|\blive:|\bas\s+it\s+happened\b|"
    r"\blive\s+(?:updates?|coverage|blog|reaction)\b|[-–—|]\s*live\s*$|\blatest\s+updates\b",
    re.IGNORECASE,
)


def _in_capitals(text: str) -> bool:
    """Whether most of the letters of ``text`` are capitals (a tabloid's splash)."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) > 0.7 * len(letters)
