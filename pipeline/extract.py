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
from collections import defaultdict
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel

from schemas.extraction import (
    ArticleExtraction,
    Event,
    ExtractionStats,
    Figure,
    Quote,
    SourceInfo,
    Stance,
)
from schemas.model_io import (
    PRONOUNS,
    ArticleNotes,
    article_notes_model,
    grounded_name,
    grounded_phrase,
    publisher_named,
)

from .model.templates import render_prompt
from .read import Article
from .rules.claims import find_claims
from .rules.entities import person_name, resolve_person
from .rules.figures import FigureSpan, claimant_cue, find_figures
from .rules.passages import Passage, find_passages
from .rules.quotes import QuoteSpan, find_quotes
from .rules.text import Sentence, paragraph_spans, sentence_at, split_sentences, time_phrase

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
        self, response_model: type[T], messages: list[dict[str, str]], context: dict[str, Any]
    ) -> T: ...


@dataclass(frozen=True)
class PreparedArticle:
    """An article with everything rules can find in it."""

    article: Article
    sentences: list[Sentence]
    quotes: list[QuoteSpan]
    figures: list[FigureSpan]
    passages: list[Passage] = field(default_factory=list)
    """Embedded posts and interview turns: words without quote marks (``rules.passages``)."""

    def sentence_of(self, offset: int) -> int:
        sentence = sentence_at(self.sentences, offset)
        return sentence.id if sentence else _nearest_sentence(self.sentences, offset)

    def claimant(self, figure: FigureSpan) -> str | None:
        """Who the figure's sentence credits with it, by rule (None: ask the model); a
        figure in an embedded post or an interview answer is its speaker's."""
        sentence = self.sentences[self.sentence_of(figure.start) - 1]
        cue = claimant_cue(sentence.text, figure.start - sentence.start)
        if cue is None:
            for passage in self.passages:
                if passage.kind in ("post", "answer") and passage.speaker:
                    if passage.start <= figure.start < passage.end:
                        return passage.speaker
        return cue


def needs_model(quote: QuoteSpan) -> bool:
    """True when rules found no speaker (name or description) for a quotation; scare quotes
    are not speech."""
    if quote.kind == "scare":
        return False
    return quote.cue is None or quote.cue.lower() in PRONOUNS


def _nearest_sentence(sentences: list[Sentence], offset: int) -> int:
    before = [s.id for s in sentences if s.start <= offset]
    return before[-1] if before else 1


def prepare_article(article: Article) -> PreparedArticle:
    """Sentences, quotes and figures of ``article``, found by rule.

    An embedded post or an interview answer whose speaker the article names is one more
    quote (kind "quote", its speaker as the cue), numbered after the quotes in marks; numbers
    inside a question label or a post's credit line ("Question 1", "October 24, 2024") are
    not figures."""
    text = article.text
    passages = find_passages(text)
    quotes = _passage_cues(find_quotes(text), passages)
    quotes += _passage_quotes(text, passages, quotes)
    labels = [p for p in passages if p.kind in ("label", "credit")]
    return PreparedArticle(
        article=article,
        sentences=split_sentences(text),
        quotes=quotes,
        figures=[
            f for f in find_figures(text) if not any(p.start <= f.start < p.end for p in labels)
        ],
        passages=passages,
    )


def _voice(passages: list[Passage], quote: QuoteSpan) -> Passage | None:
    """The post or answer with a named speaker that holds ``quote``, if any."""
    for passage in passages:
        if passage.kind in ("post", "answer") and passage.speaker:
            if passage.start <= quote.start and quote.end <= passage.end:
                return passage
    return None


def _passage_cues(quotes: list[QuoteSpan], passages: list[Passage]) -> list[QuoteSpan]:
    """A quotation in marks that makes up most of a post or an answer ("“…” — Name
    (@handle)") takes the passage's speaker when rules found none."""
    out = []
    for quote in quotes:
        voice = _voice(passages, quote)
        if voice and (quote.cue is None or quote.cue.lower() in PRONOUNS):
            if (quote.end - quote.start) * 2 >= voice.end - voice.start:
                quote = replace(quote, cue=voice.speaker, cue_start=None, kind="quote")
        out.append(quote)
    return out


def _passage_quotes(text: str, passages: list[Passage], quotes: list[QuoteSpan]) -> list[QuoteSpan]:
    """Quote spans for the posts and answers whose speaker is named and that are not
    already, for the most part, a quotation in marks."""
    starts = [start for start, _ in paragraph_spans(text)]
    spans = []
    numbered = len(quotes)
    for passage in passages:
        if passage.kind not in ("post", "answer") or not passage.speaker:
            continue
        marked = sum(
            q.end - q.start for q in quotes if passage.start <= q.start and q.end <= passage.end
        )
        if marked * 2 >= passage.end - passage.start:
            continue
        numbered += 1
        spans.append(
            QuoteSpan(
                id=f"Q{numbered}",
                start=passage.start,
                end=passage.end,
                text=text[passage.start : passage.end],
                kind="quote",
                paragraph=sum(1 for s in starts if s <= passage.start) - 1,
                continues=None,
                cue=passage.speaker,
                cue_start=text.rfind(passage.speaker),
            )
        )
    return spans


def chunks(prepared: PreparedArticle, limit: int | None = None) -> list[list[Sentence]]:
    """Sentences in runs of at most ``limit`` characters, split between paragraphs (a single
    paragraph longer than ``limit`` is split between its sentences). Nothing is dropped."""
    limit = limit or MAX_CHUNK_CHARS
    paragraphs: list[list[Sentence]] = []
    for sentence in prepared.sentences:
        if paragraphs and paragraphs[-1][-1].paragraph == sentence.paragraph:
            paragraphs[-1].append(sentence)
        else:
            paragraphs.append([sentence])
    groups: list[list[Sentence]] = [[]]
    for paragraph in paragraphs:
        pieces = [paragraph] if _size(paragraph) <= limit else [[s] for s in paragraph]
        for piece in pieces:
            if groups[-1] and _size(groups[-1]) + _size(piece) > limit:
                groups.append([])
            groups[-1].extend(piece)
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
    context: dict[str, Any]


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
    quotes = [q for q in prepared.quotes if needs_model(q) and prepared.sentence_of(q.start) in ids]
    figures = [
        f
        for f in prepared.figures
        if prepared.sentence_of(f.start) in ids and prepared.claimant(f) is None
    ]
    cast = [a for a in actors(prepared) if prepared.sentence_of(a.quotes[0].start) in ids]
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
        context={
            "text": text,
            "sentence_texts": [s.text for s in prepared.sentences],
            "speakers": sorted({q.cue for q in prepared.quotes if q.cue}),
            "publisher_lines": list(prepared.article.removed),
        },
    )


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
        labels.dropped.extend(request.context.get("dropped", []))
    return assemble_extraction(prepared, labels, ExtractionStats(dropped=labels.dropped))


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
    quotes = _quotes(prepared, labels.speakers)
    return ArticleExtraction(
        source=source_info(article, outlet),
        quotes=quotes,
        figures=_figures(prepared, labels.claimants),
        events=[_event(prepared, i, s) for i, s in enumerate(key_sentences(prepared, labels), 1)],
        stances=[
            Stance(
                source=article.id,
                actor=resolve_person(actor.name, article.text)[0],
                position=labels.positions[actor.id],
                sentence=(sentence := prepared.sentence_of(actor.quotes[0].start)),
                evidence=prepared.sentences[sentence - 1].text,
                quote=_supporting_quote(actor),
            )
            for actor in actors(prepared)
            if actor.id in labels.positions
        ],
        claims=find_claims(article.id, prepared.sentences, quotes),
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
    body = {s.id for s in prepared.sentences if s.text != title} - _voiced(prepared)
    chosen = {s for n in labels.notes for s in n.key_sentences} - _mostly_quoted(prepared)
    return sorted((chosen & body) | set(sorted(body)[:LEAD_SENTENCES]))


def _voiced(prepared: PreparedArticle) -> set[int]:
    """Sentences inside an embedded post, its credit line or an interview turn: someone's
    words or their labels, never the outlet's own reporting."""
    return {
        s.id
        for s in prepared.sentences
        for p in prepared.passages
        if p.start <= s.start < p.end or s.start <= p.start < s.end
    }


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
    return Event(
        id=f"{prepared.article.id}.E{index}",
        source=prepared.article.id,
        summary=sentence.text,
        sentences=[sentence.id],
        evidence=[sentence.text],
        when=time_phrase(sentence.text),
    )


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
        dateline=article.dateline,
        author=article.author,
        sha256=article.sha256,
        characters=len(article.text),
        removed_lines=list(article.removed),
        captions=list(article.captions),
        notes=list(article.notes),
    )


def _quotes(prepared: PreparedArticle, by_model: dict[str, str]) -> list[Quote]:
    article = prepared.article
    quotes: list[Quote] = []
    for span in prepared.quotes:
        speaker, role, how = None, None, "none"
        if span.id in by_model and plausible_speaker(by_model[span.id]):
            (speaker, role), how = split_name_role(by_model[span.id]), "model"
        elif span.kind != "scare" and span.cue and not needs_model(span):
            speaker, how = span.cue, "rule"
        if speaker:
            speaker, found_role = resolve_person(speaker, article.text)
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


def _resolved(name: str | None, text: str) -> str | None:
    return resolve_person(name, text)[0] if name else None


def _figures(prepared: PreparedArticle, claimants: dict[str, str]) -> list[Figure]:
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
                qualifier=span.qualifier,
                counts=span.counts or "unspecified",
                claimant=_resolved(
                    prepared.claimant(span) or _claimant(claimants.get(span.id), span, prepared),
                    article.text,
                ),
                sentence=sentence.id,
                sentence_text=sentence.text,
                start=span.start,
                end=span.end,
            )
        )
    return figures
