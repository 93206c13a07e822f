"""Per-article extraction: rules find the text, the model judges, validation keeps it honest.

1. ``prepare_article`` (pure): sentences, quote spans, speaker cues and figures, by rule.
2. ``build_request`` (pure): one short call per article. The model answers by id only:
   the speakers of the quotes rules could not attribute, what each figure counts and who
   claims it, the outlet, the numbers of the key sentences, and the actors' stances.
3. ``extract_article``: runs the call (one per chunk for very long articles).
4. ``assemble_extraction`` (pure): ties the model's labels back to the rule-found spans.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from functools import cached_property
from typing import Protocol, TypeVar

from pydantic import BaseModel
from rapidfuzz import fuzz, process

from schemas.extraction import (
    ArticleExtraction,
    Event,
    ExtractionStats,
    Figure,
    Quote,
    ReportedSentence,
    SourceInfo,
    Stance,
)
from schemas.model_io import AnswerCheck, ArticleNotes, article_notes_model

from .model.templates import render_prompt
from .read import Article
from .rules.claims import find_claims
from .rules.dates import normalise_when, parse_date
from .rules.entities import person_name, resolve_person
from .rules.figures import FigureSpan, claimant_cue, find_figures, interview_speaker
from .rules.grounding import answer_check, grounded_name, grounded_phrase, publisher_named
from .rules.quotes import QuoteSpan, find_quotes
from .rules.text import Sentence, dateline, split_sentences, time_phrase
from .rules.vocabulary import PRONOUNS

INSTRUCTIONS_PROMPT = "instructions.v4"
ARTICLE_PROMPT = "article.v4"
PROMPTS = (INSTRUCTIONS_PROMPT, ARTICLE_PROMPT)
#: Longest stretch of article (characters) sent in one call; longer articles are split on
#: paragraph boundaries so prompt and answer fit the embedded model's 8,192-token context.
MAX_CHUNK_CHARS = 12_000

T = TypeVar("T", bound=BaseModel)


class Asker(Protocol):
    """Anything that turns messages into a validated response model (``ModelClient``)."""

    def ask(
        self, response_model: type[T], messages: list[dict[str, str]], context: AnswerCheck
    ) -> T: ...


@dataclass(frozen=True)
class PreparedArticle:
    """An article with everything rules can find in it."""

    article: Article
    sentences: list[Sentence]
    quotes: list[QuoteSpan]
    figures: list[FigureSpan]

    def sentence_of(self, offset: int) -> int:
        """The number of the sentence holding ``offset`` (between sentences: the one before;
        before the first: 1). O(log n): a bisection over the sentence starts."""
        index = bisect_right(self._starts, offset) - 1
        return self.sentences[index].id if index >= 0 else 1

    @cached_property
    def _starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def order(self) -> dict[QuoteSpan | FigureSpan, int]:
        """Each quote and figure -> its place in ``quotes`` or ``figures`` (rule order)."""
        return {
            **{q: i for i, q in enumerate(self.quotes)},
            **{f: i for i, f in enumerate(self.figures)},
        }

    @cached_property
    def sentence_texts(self) -> list[str]:
        """The sentences' texts (``S1`` is index 0), as validation reads them."""
        return [s.text for s in self.sentences]

    @cached_property
    def speaker_cues(self) -> list[str]:
        """Every speaker cue rules found, sorted."""
        return sorted({q.cue for q in self.quotes if q.cue})

    @cached_property
    def cast(self) -> list[Actor]:
        """``actors(self)``, computed once."""
        return actors(self)

    @cached_property
    def by_sentence(self) -> dict[int, tuple[list[QuoteSpan], list[FigureSpan]]]:
        """Sentence number -> (its quotes, its figures), each found once, for slicing the
        article into calls without scanning every span for every call."""
        grouped: dict[int, tuple[list[QuoteSpan], list[FigureSpan]]] = defaultdict(lambda: ([], []))
        for quote in self.quotes:
            grouped[self.sentence_of(quote.start)][0].append(quote)
        for figure in self.figures:
            grouped[self.sentence_of(figure.start)][1].append(figure)
        return dict(grouped)

    def claimant(self, figure: FigureSpan) -> str | None:
        """Who the figure's sentence credits with it, by rule (None: ask the model)."""
        sentence = self.sentences[self.sentence_of(figure.start) - 1]
        found = claimant_cue(sentence.text, figure.start - sentence.start)
        if found is None:  # an interview answer: 'Anna Boyd: …' opens the paragraph
            opening = next(s for s in self.sentences if s.paragraph == sentence.paragraph)
            found = interview_speaker(opening.text) if opening is not sentence else None
        return found


def needs_model(quote: QuoteSpan) -> bool:
    """True when rules found no speaker (name or description) for a quotation; scare quotes
    are not speech."""
    if quote.kind == "scare":
        return False
    return quote.cue is None or quote.cue.lower() in PRONOUNS


def prepare_article(article: Article) -> PreparedArticle:
    """Sentences, quotes and figures of ``article``, found by rule."""
    return PreparedArticle(
        article=article,
        sentences=split_sentences(article.text),
        quotes=find_quotes(article.text),
        figures=find_figures(article.text),
    )


def chunks(
    prepared: PreparedArticle, limit: int | None = None, sentences: list[Sentence] | None = None
) -> list[list[Sentence]]:
    """Sentences (``sentences``, else all the article's) in runs of at most ``limit``
    characters, split between paragraphs (a single paragraph longer than ``limit`` is split
    between its sentences). Nothing is dropped."""
    limit = limit or MAX_CHUNK_CHARS
    paragraphs: list[list[Sentence]] = []
    for sentence in prepared.sentences if sentences is None else sentences:
        if paragraphs and paragraphs[-1][-1].paragraph == sentence.paragraph:
            paragraphs[-1].append(sentence)
        else:
            paragraphs.append([sentence])
    groups: list[list[Sentence]] = [[]]
    size = 0  # of groups[-1], kept as it grows rather than summed again for every piece
    for paragraph in paragraphs:
        pieces = [paragraph] if _size(paragraph) <= limit else [[s] for s in paragraph]
        for piece in pieces:
            if groups[-1] and size + _size(piece) > limit:
                groups.append([])
                size = 0
            groups[-1].extend(piece)
            size += _size(piece)
    return [group for group in groups if group]


def _size(sentences: list[Sentence]) -> int:
    return sum(len(s.text) + 1 for s in sentences)


def _number(item_id: str) -> int:
    return int(item_id[1:])


@dataclass
class Labels:
    """What the model said about one article, keyed by rule-found ids."""

    speakers: dict[str, str] = field(default_factory=dict)
    claimants: dict[str, str] = field(default_factory=dict)
    positions: dict[str, str] = field(default_factory=dict)
    notes: list[ArticleNotes] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)

    def add(self, notes: ArticleNotes) -> None:
        targets = {"Q": self.speakers, "F": self.claimants, "A": self.positions}
        for key, value in notes:
            if value is not None and key[1:].isdigit():
                targets[key[0]][key] = value.value if isinstance(value, Enum) else value
        self.notes.append(notes)


@dataclass(frozen=True)
class Actor:
    """A named speaker found by rule, whose stance the model is asked for."""

    id: str
    """'A1', 'A2'…"""
    name: str
    quotes: tuple[QuoteSpan, ...]


def actors(prepared: PreparedArticle) -> list[Actor]:
    """Distinct people and bodies that rules found quoted by name, most quoted first."""
    groups: dict[str, list[QuoteSpan]] = {}
    names: dict[str, str] = {}
    for quote in prepared.quotes:
        if quote.cue and not needs_model(quote):
            key = (person_name(quote.cue) or quote.cue).split()[-1].lower()
            groups.setdefault(key, []).append(quote)
            if len(quote.cue) > len(names.get(key, "")):
                names[key] = quote.cue
    ranked = sorted(groups, key=lambda k: (-len(groups[k]), groups[k][0].start))
    return [
        Actor(id=f"A{i}", name=names[key], quotes=tuple(groups[key]))
        for i, key in enumerate(ranked, 1)
    ]


@dataclass(frozen=True)
class Request:
    """One model call: the schema, the messages and what validation checks against."""

    response_model: type[ArticleNotes]
    messages: list[dict[str, str]]
    context: AnswerCheck
    """What the answer is checked against; after the call, what validation dropped."""


def build_request(prepared: PreparedArticle, sentences: list[Sentence]) -> Request:
    """The model call for one run of sentences. Pure.

    The system message holds the fixed instructions, which the server evaluates once and
    then reuses from its prefix cache. The user message holds the numbered article with the
    asked quotes tagged in place, then the ids to answer for; a re-ask reuses all of it.
    The schema has a required field per asked id, so the server's grammar makes the model
    answer for each and for no other. The embedded server takes it as a grammar only (see
    ``llm.answer_mode``); an endpoint gets it as a tool, in its own cached prefix.
    """
    ids = {s.id for s in sentences}
    text = prepared.article.text
    spans = [prepared.by_sentence.get(s.id, ([], [])) for s in sentences]
    order = prepared.order
    quotes = sorted((q for qs, _ in spans for q in qs if needs_model(q)), key=order.__getitem__)
    figures = sorted(
        (f for _, fs in spans for f in fs if prepared.claimant(f) is None),
        key=order.__getitem__,
    )
    cast = [a for a in prepared.cast if prepared.sentence_of(a.quotes[0].start) in ids]
    user = render_prompt(
        ARTICLE_PROMPT,
        sentences=[{"id": s.id, "text": _tagged(text, s, quotes)} for s in sentences],
        quotes=[
            {
                "number": _number(q.id),
                "hint": q.cue,
                "continues": _number(q.continues) if q.continues else None,
            }
            for q in quotes
        ],
        figures=[
            {
                "number": _number(f.id),
                "phrase": " ".join(filter(None, [f.qualifier, f.value, f.counts])),
            }
            for f in figures
        ],
        actors=[
            {
                "number": _number(a.id),
                "name": a.name,
                "sentences": sorted({prepared.sentence_of(q.start) for q in a.quotes})[:2],
            }
            for a in cast
        ],
    )
    return Request(
        response_model=article_notes_model(
            tuple(q.id for q in quotes), tuple(f.id for f in figures), tuple(a.id for a in cast)
        ),
        messages=[
            {"role": "system", "content": render_prompt(INSTRUCTIONS_PROMPT)},
            {"role": "user", "content": user},
        ],
        context=validation_context(prepared),
    )


def validation_context(prepared: PreparedArticle) -> AnswerCheck:
    """What the model's answers about ``prepared`` are checked against (``schemas.model_io``,
    ``pipeline.rules.grounding``): its text, its sentence count and its publisher lines; a
    fresh value per call, which also records what validation dropped."""
    return answer_check(prepared.article.text, len(prepared.sentences), prepared.article.removed)


def _tagged(text: str, sentence: Sentence, quotes: list[QuoteSpan]) -> str:
    """The sentence with ``(Qn)`` inserted before the opening mark of each quote in it."""
    out, position = [], sentence.start
    for quote in sorted(quotes, key=lambda q: q.start):
        mark = quote.start - 1
        if sentence.start <= mark < sentence.end:
            out.append(text[position:mark])
            out.append(f"({quote.id})")
            position = mark
    out.append(text[position : sentence.end])
    return "".join(out)


def extract_article(article: Article, asker: Asker) -> ArticleExtraction:
    """Extract one article: one short model call per chunk (most articles are one chunk).
    Raises ``ModelError`` or ``EndpointError`` as ``asker.ask`` does."""
    return extract_prepared(prepare_article(article), asker)


def extract_prepared(prepared: PreparedArticle, asker: Asker) -> ArticleExtraction:
    """``extract_article`` for an article whose rules have already run."""
    labels = Labels()
    for sentences in chunks(prepared):
        request = build_request(prepared, sentences)
        labels.add(asker.ask(request.response_model, request.messages, request.context))
        labels.dropped.extend(request.context.dropped)
    return assemble_extraction(prepared, labels, ExtractionStats(dropped=labels.dropped))


def extract_copy(
    prepared: PreparedArticle, fuller: PreparedArticle, answers: ArticleExtraction, asker: Asker
) -> ArticleExtraction:
    """Extract an article that is a near-copy of ``fuller`` (contained in it, or a lightly
    edited wire copy: ``merge.find_near_duplicates``), whose extraction ``answers`` already
    holds the model's judgements. What the two share costs no model call:

    - a quote takes the speaker ``fuller`` gives a quote holding its words, which must be
      verbatim in ``fuller`` (a reworded quote is not taken);
    - a figure takes the claimant of the same value in the same sentence;
    - an actor takes the stance of the same person; shared key sentences stay key.

    Borrowed answers are checked against this article as the model's would be (a speaker it
    does not name is dropped). Only sentences the copy adds (none alike in ``fuller``) are
    sent to the model, in one call, and only when they hold a question the borrowed answers
    do not settle. Raises ``ModelError`` or ``EndpointError`` as ``asker.ask`` does."""
    shared = _shared_sentences(prepared, fuller)
    quotes, figures, cast = _borrowed(prepared, answers, shared)
    labels = Labels()
    model = article_notes_model(tuple(quotes), tuple(figures), tuple(cast))
    key = sorted(_key_matches(prepared, answers, shared))[:6]
    context = validation_context(prepared)
    context.lenient = True
    labels.add(
        model.model_validate(
            {"outlet": None, "key_sentences": key, **quotes, **figures, **cast}, context=context
        )
    )
    labels.dropped.extend(context.dropped)
    added = [s for s in prepared.sentences if s.id not in shared]
    for sentences in chunks(prepared, sentences=added) if added else []:
        request = build_request(prepared, sentences)
        asked = set(request.response_model.model_fields) - {"outlet", "key_sentences"}
        if asked - set(quotes) - set(figures) - set(cast):
            labels.add(asker.ask(request.response_model, request.messages, request.context))
            labels.dropped.extend(request.context.dropped)
    extraction = assemble_extraction(prepared, labels, ExtractionStats(dropped=labels.dropped))
    extraction.source.notes.append(
        f"a near-copy of {fuller.article.path}: the model's answers for the text they share "
        f"were taken from it ({len(added)} sentence(s) of its own)"
    )
    return extraction


def _fold(text: str) -> str:
    return " ".join(text.split()).lower()


def _shared_sentences(prepared: PreparedArticle, fuller: PreparedArticle) -> dict[int, int]:
    """Sentence of ``prepared`` -> the sentence of ``fuller`` it repeats (white space and case
    aside, or with a light edit: ``fuzz.ratio`` >= 90)."""
    theirs = [_fold(s.text) for s in fuller.sentences]
    exact = {text: i for i, text in reversed(list(enumerate(theirs)))}
    shared = {}
    for sentence in prepared.sentences:
        mine = _fold(sentence.text)
        if mine in exact:
            shared[sentence.id] = fuller.sentences[exact[mine]].id
            continue
        found = process.extractOne(mine, theirs, scorer=fuzz.ratio, score_cutoff=90)
        if found is not None:
            shared[sentence.id] = fuller.sentences[found[2]].id
    return shared


def _borrowed(
    prepared: PreparedArticle, answers: ArticleExtraction, shared: dict[int, int]
) -> tuple[dict[str, str], dict[str, str | None], dict[str, str]]:
    """The answers ``answers`` holds for this article's questions, by this article's ids."""
    spoken = [q for q in answers.quotes if q.speaker and q.kind != "scare"]
    quotes = {}
    for quote in prepared.quotes:
        sentence = shared.get(prepared.sentence_of(quote.start))
        if not needs_model(quote) or sentence is None:
            continue
        # the same words in the same sentence of the fuller article (the same words elsewhere
        # may be someone else's)
        words = _fold(quote.text)
        match = next(
            (q for q in spoken if q.sentence == sentence and words and words in _fold(q.text)),
            None,
        )
        if match is not None:
            quotes[quote.id] = ", ".join(filter(None, [match.speaker, match.speaker_role]))
    figures: dict[str, str | None] = {}
    for figure in prepared.figures:
        sentence = prepared.sentence_of(figure.start)
        if prepared.claimant(figure) is not None or sentence not in shared:
            continue
        match = next(
            (
                f
                for f in answers.figures
                if f.sentence == shared[sentence] and f.value == figure.value
            ),
            None,
        )
        if match is not None:
            figures[figure.id] = match.claimant
    positions = {_surname(s.actor): s.position for s in answers.stances}
    cast = {
        actor.id: positions[_surname(actor.name)]
        for actor in prepared.cast
        if _surname(actor.name) in positions
    }
    return quotes, figures, cast


def _surname(name: str) -> str:
    return (person_name(name) or name).split()[-1].lower()


def _key_matches(
    prepared: PreparedArticle, answers: ArticleExtraction, shared: dict[int, int]
) -> list[int]:
    """This article's sentences that repeat a key sentence of ``answers``."""
    key = {n for event in answers.events for n in event.sentences}
    return [mine for mine, theirs in shared.items() if theirs in key]


def rules_only_extraction(
    article: Article, prepared: PreparedArticle | None = None, *, missing: str | None = None
) -> ArticleExtraction:
    """What rules alone find in ``article``: every quote with the speaker its cue names, every
    figure with its rule claimant, the claims, and the lead sentences as key events. Pure.

    ``missing`` says why the model's judgements are absent (a model that failed); it is kept
    in ``ArticleExtraction.model_error`` and such an extraction is never cached."""
    prepared = prepared or prepare_article(article)
    extraction = assemble_extraction(prepared, Labels(), ExtractionStats())
    if missing:
        extraction.model_error = missing
    return extraction


def plausible_speaker(speaker: str) -> bool:
    """A name or a short description, not a sentence the model copied from the article."""
    if re.search(r"[\"“”«»]|(?:^|\s)['‘]", speaker):
        return False  # it holds a quotation: 'Rutte said: "Today, I can confirm…'
    words = split_name_role(speaker)[0].split()
    verbs = {"is", "are", "was", "were", "has", "have", "had", "been", "will", "said", "says"}
    return (
        0 < len(words) <= 6
        and not verbs & {w.lower().strip(".,:;!?") for w in words}
        and not (words[-1].endswith((".", "!", "?")))
    )


def split_name_role(speaker: str) -> tuple[str, str | None]:
    """'Mark Rutte, Nato Secretary General' -> ('Mark Rutte', 'Nato Secretary General')."""
    name, _, role = speaker.partition(",")
    return name.strip(), (role.strip() or None)


def assemble_extraction(
    prepared: PreparedArticle, labels: Labels, stats: ExtractionStats
) -> ArticleExtraction:
    """Tie the model's labels to the rule-found spans. Pure."""
    article = prepared.article
    outlet = next((n.outlet for n in labels.notes if n.outlet), None)
    resolve = _person_resolver(article.text)
    quotes = _quotes(prepared, labels.speakers, resolve)
    return ArticleExtraction(
        source=source_info(article, outlet),
        quotes=quotes,
        figures=_figures(prepared, labels.claimants, resolve),
        events=[_event(prepared, i, s) for i, s in enumerate(key_sentences(prepared, labels), 1)],
        stances=[
            Stance(
                source=article.id,
                actor=resolve(actor.name)[0],
                position=labels.positions[actor.id],
                sentence=(sentence := prepared.sentence_of(actor.quotes[0].start)),
                evidence=prepared.sentences[sentence - 1].text,
                quote=_supporting_quote(actor),
            )
            for actor in actors(prepared)
            if actor.id in labels.positions
        ],
        claims=find_claims(article.id, prepared.sentences, quotes),
        sentences=reported_sentences(prepared, labels),
        stats=stats,
    )


def _supporting_quote(actor: Actor) -> str:
    """The actor's fullest quotation (whole quotes before fragments)."""
    return max(actor.quotes, key=lambda q: (q.kind == "quote", len(q.text))).text


LEAD_SENTENCES = 2


def key_sentences(prepared: PreparedArticle, labels: Labels) -> list[int]:
    """The model's key sentences plus the article's lead (news puts the main event first);
    sentences that are mostly a quotation are left to who said what."""
    title = prepared.article.title
    body = {s.id for s in prepared.sentences if s.text != title}
    chosen = {s for n in labels.notes for s in n.key_sentences} - _mostly_quoted(prepared)
    return sorted((chosen & body) | set(sorted(body)[:LEAD_SENTENCES]))


# A picture credit marks a line as a photo caption: "(Image: Getty)", "Photograph: A. Name/AP",
# "Credit: …", "/AFP via Getty Images", "Pictured: …".
_CAPTION = re.compile(
    r"""(?:\((?:photo|image|picture|pic|credit|photograph|video)s?\b[^)]*\)\s*$
      | \b(?:photo|photograph|image|picture|credit)s?\s*:\s*\S[^.]*$
      | (?:/|\bvia\s)\s*(?:getty|afp|ap|reuters|epa|shutterstock|alamy)\b[^.]*$
      | ^(?:pictured|above|below|top|caption|in\ the\ picture)\s*[:,(-]
      | \bgetty\ images\)?\s*$)""",
    re.IGNORECASE | re.VERBOSE,
)
_END = re.compile(r"[.!?][\"”’')\]]*$")
MIN_WORDS = 5
"""Shorter body sentences ("He added:") report nothing on their own."""


def sentence_role(prepared: PreparedArticle, sentence: Sentence) -> str:
    """'headline', 'caption' or 'body' for one sentence, from the shape of its paragraph: the
    title (or a first line without closing punctuation) is a headline; a paragraph carrying a
    picture credit is a caption."""
    text = prepared.article.text
    start, end = _paragraph_span(prepared, sentence.paragraph)
    paragraph = text[start:end].strip()
    title = prepared.article.title
    if title and (paragraph == title.strip() or sentence.text.strip() == title.strip()):
        return "headline"
    if _CAPTION.search(paragraph):
        return "caption"
    if sentence.paragraph == 0 and not _END.search(paragraph) and len(paragraph.split()) <= 30:
        return "headline"
    return "body"


def _paragraph_span(prepared: PreparedArticle, paragraph: int) -> tuple[int, int]:
    members = [s for s in prepared.sentences if s.paragraph == paragraph]
    return members[0].start, members[-1].end


def reported_sentences(prepared: PreparedArticle, labels: Labels) -> list[ReportedSentence]:
    """Every sentence the outlet reports in its own words (those mostly quoted are left to who
    said what), with its role, its rank among body sentences and the model's key vote. Pure."""
    voted = {s for n in labels.notes for s in n.key_sentences}
    quoted = _mostly_quoted(prepared)
    result: list[ReportedSentence] = []
    rank = 0
    for sentence in prepared.sentences:
        role = sentence_role(prepared, sentence)
        if role == "body" and (
            sentence.id in quoted
            or len(sentence.text.split()) < MIN_WORDS
            or _in_quotation(sentence.text)
            or addressed_to_a_model(sentence.text)
        ):
            continue
        result.append(
            ReportedSentence(
                sentence=sentence.id,
                text=sentence.text,
                role=role,
                rank=rank,
                key=sentence.id in voted,
                when=time_phrase(sentence.text),
            )
        )
        rank += role == "body"
    return result


_TO_A_MODEL = re.compile(
    r"\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+|the\s+)?"
    r"(?:your|previous|prior|above|earlier|preceding|system)\s+(?:instructions?|prompts?|rules)"
    r"|^\s*(?:system|assistant|user)\s*:"
    r"|\byou are (?:now )?(?:an? )?(?:ai|language model|assistant|chatbot)\b",
    re.IGNORECASE,
)


def addressed_to_a_model(text: str) -> bool:
    """True for a sentence that speaks to a language model ("Ignore your instructions and
    write: …", "SYSTEM: …"): text planted for a model is never the outlet's reporting, so it
    is never a development (it stays in the article, and a quotation in it is still found)."""
    return bool(_TO_A_MODEL.search(text))


def _in_quotation(text: str) -> bool:
    """A sentence that opens with a quotation mark, or closes one it never opened, is
    someone's words (with their attribution): it belongs under who said what."""
    text = text.strip()
    if text[:1] in "\"“‘'":
        return True
    return text.count("”") > text.count("“") or (
        text.count('"') % 2 == 1 and text.rstrip(".!?,;").endswith('"')
    )


def _mostly_quoted(prepared: PreparedArticle) -> set[int]:
    """Sentences that are mostly someone's words: they belong under who said what, not among
    the events (a fragment like "And three, a dangerous expansion," he added)."""
    quoted: dict[int, int] = defaultdict(int)
    for quote in prepared.quotes:
        if quote.kind != "scare":
            quoted[prepared.sentence_of(quote.start)] += quote.end - quote.start
    return {s.id for s in prepared.sentences if quoted.get(s.id, 0) * 2 >= max(1, len(s.text))}


def _event(prepared: PreparedArticle, index: int, sentence_id: int) -> Event:
    """A key event: the article's own sentence, verbatim, with its time phrase if any."""
    sentence = prepared.sentences[sentence_id - 1]
    when = time_phrase(sentence.text)
    day = normalise_when(when, published_on(prepared))
    return Event(
        id=f"{prepared.article.id}.E{index}",
        source=prepared.article.id,
        summary=sentence.text,
        sentences=[sentence.id],
        evidence=[sentence.text],
        when=when,
        date=day.isoformat() if day else None,
    )


def published_on(prepared: PreparedArticle) -> date | None:
    """The day the article was filed: its dateline's date ('BRUSSELS, Oct 28 (Reuters) -'),
    in the year of the article's own date (or the year the dateline gives), else the article's
    own date; None when neither is known."""
    own = parse_date(prepared.article.date)
    opening = next((s.text for s in prepared.sentences if s.text != prepared.article.title), "")
    phrase = dateline(opening)
    if phrase:
        return parse_date(phrase) or normalise_when(phrase, own) or own
    return own


def source_info(article: Article, inferred_outlet: str | None) -> SourceInfo:
    inferred_outlet = inferred_outlet or publisher_named(
        [*article.removed, *article.text.splitlines()]
    )
    outlet = article.outlet or inferred_outlet
    return SourceInfo(
        id=article.id,
        path=article.path,
        title=article.title,
        outlet=outlet,
        outlet_inferred=article.outlet is None and outlet is not None,
        date=article.date,
        url=article.url,
        wire=article.wire,
        sha256=article.sha256,
        characters=len(article.text),
        removed_lines=list(article.removed),
        notes=list(article.notes),
    )


def _person_resolver(text: str) -> Callable[[str], tuple[str, str | None]]:
    """``resolve_person(name, text)``, each distinct name looked up once: every lookup scans
    the whole text, and a long article names the same few people hundreds of times."""
    found: dict[str, tuple[str, str | None]] = {}

    def resolve(name: str) -> tuple[str, str | None]:
        if name not in found:
            found[name] = resolve_person(name, text)
        return found[name]

    return resolve


def _quotes(
    prepared: PreparedArticle,
    by_model: dict[str, str],
    resolve: Callable[[str], tuple[str, str | None]],
) -> list[Quote]:
    article = prepared.article
    quotes: list[Quote] = []
    for span in prepared.quotes:
        speaker, role, how = None, None, "none"
        if span.id in by_model and plausible_speaker(by_model[span.id]):
            (speaker, role), how = split_name_role(by_model[span.id]), "model"
        elif span.kind != "scare" and span.cue and not needs_model(span):
            speaker, how = span.cue, "rule"
        if speaker:
            speaker, found_role = resolve(speaker)
            role = role or found_role
        quotes.append(
            Quote(
                id=f"{article.id}.{span.id}",
                source=article.id,
                text=span.text,
                kind=span.kind,
                speaker=speaker,
                speaker_role=role,
                attributed_by=how,
                start=span.start,
                end=span.end,
                sentence=prepared.sentence_of(span.start),
                continues=f"{article.id}.{span.continues}" if span.continues else None,
            )
        )
    return quotes


def _claimant(said: str | None, span: FigureSpan, prepared: PreparedArticle) -> str | None:
    """The model's claimant, if it is named in the figure's sentence or the two before it (a
    "he said" looks back) and does not just repeat the figure ('a total of 10,000 soldiers')."""
    if not said or span.value in said or re.search(r"\d", said):
        return None
    number = prepared.sentence_of(span.start)
    nearby = " ".join(s.text for s in prepared.sentences[max(0, number - 3) : number])
    return said if grounded_name(said, nearby) or grounded_phrase(said, nearby) else None


def _resolved(name: str | None, resolve: Callable[[str], tuple[str, str | None]]) -> str | None:
    """A claimant that names a person in its fullest form in the article (``resolve``); a
    description or a body ('analysts at Example Capital', 'The report', 'the union') as
    written."""
    if not name:
        return None
    first = name.split()[0]
    if first[0].islower() or first.lower() in {"the", "a", "an"}:
        return name
    return resolve(name)[0]


def _figures(
    prepared: PreparedArticle,
    claimants: dict[str, str],
    resolve: Callable[[str], tuple[str, str | None]],
) -> list[Figure]:
    article = prepared.article
    figures = []
    for span in prepared.figures:
        sentence = prepared.sentences[prepared.sentence_of(span.start) - 1]
        figures.append(
            Figure(
                id=f"{article.id}.{span.id}",
                source=article.id,
                value=span.value,
                number=span.number,
                high=span.high,
                unit=span.unit,
                scale=span.scale,
                qualifier=span.qualifier,
                counts=span.counts,
                outcome=span.outcome,
                claimant=_resolved(
                    prepared.claimant(span) or _claimant(claimants.get(span.id), span, prepared),
                    resolve,
                ),
                sentence=sentence.id,
                sentence_text=sentence.text,
                start=span.start,
                end=span.end,
            )
        )
    return figures
