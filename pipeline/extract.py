"""Per-article extraction: rules find the text, the model judges, validation keeps it honest.

1. ``prepare_article`` (pure): sentences, quote spans, speaker cues and figures, by rule.
2. ``build_request`` (pure): at most one short call per article, showing only the paragraphs
   that need judgement. The model answers by id only: the speakers of the quotes rules could
   not attribute with confidence, who claims each figure rules find no claimant for, and the
   stances rules cannot read. An article where rules settle everything costs no call.
3. ``extract_article``: runs the call (one per chunk for very long articles).
4. ``assemble_extraction`` (pure): ties the model's labels back to the rule-found spans.
"""

from __future__ import annotations

import bisect
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import Enum
from functools import cached_property
from typing import Protocol, TypeVar

from pydantic import BaseModel
from rapidfuzz import fuzz, process

from schemas.extraction import (
    ArticleExtraction,
    Claim,
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
from .rules.dates import looks_ahead, normalise_when, parse_date
from .rules.entities import (
    person_name,
    reads_as_person,
    resolve_person,
    shared_surname_referent,
    shares_surname,
    titled_surname_referent,
)
from .rules.figures import (
    FigureSpan,
    claimant_cue,
    claimant_pronoun,
    find_figures,
    first_person_claim,
    interview_speaker,
    rejected_value,
)
from .rules.grounding import (
    BODY_PLURALS,
    OPENING_CONNECTIVE,
    answer_check,
    clean_role,
    grounded_name,
    grounded_phrase,
    house_byline,
    publisher_named,
    speaker_problem,
    unheld_role,
    unnamed_speaker,
)
from .rules.passages import Passage, find_passages
from .rules.quotes import (
    TRANSLATION_MARK,
    QuoteSpan,
    find_quotes,
    pronoun_referent,
    quote_words,
    speaker_mentions,
)
from .rules.stance import (
    DECISION_VERBS,
    StanceEvidence,
    crowd_stances,
    judge_stances,
    passive_cue,
    refused_claims,
    reported_words,
    reporter_cue,
    stance_subjects,
)
from .rules.text import (
    OPENING_DATELINE,
    Sentence,
    dateline,
    dateline_length,
    informative_headline,
    paragraph_spans,
    split_sentences,
    time_phrase,
)
from .rules.vocabulary import (
    BODY_WORDS,
    COMMERCIAL_HEADS,
    COMPASS_WORDS,
    DEMONYM,
    GROUP_NOUNS,
    HONORIFICS,
    NEWS_OUTLET_WORDS,
    ORGANISATION_WORDS,
    PRONOUNS,
    ROLE_NOUNS,
    ROLE_PLURALS,
    ROLE_WORDS,
    SPEECH_VERB_FORMS,
    TITLE_WORDS,
    name_descriptor,
    word_alternation,
    word_trie,
)

INSTRUCTIONS_PROMPT = "instructions.v6"
ARTICLE_PROMPT = "article.v6"
#: Most candidate speakers offered for one quote (the nearest, the rules' guess first).
MAX_CHOICES = 6
#: How many paragraphs before a quote (and one after) its candidate speakers may come from.
CHOICE_PARAGRAPHS = 3
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
    passages: list[Passage] = field(default_factory=list)
    """Embedded posts and interview turns: words without quote marks (``rules.passages``)."""

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
    def heads(self) -> dict[str, str]:
        """Quote id -> the id of the quote its run of continued quotes starts with
        (``QuoteSpan.continues``), for the quotes that continue another."""
        heads: dict[str, str] = {}
        for quote in self.quotes:  # a quote continues one before it
            if quote.continues:
                heads[quote.id] = heads.get(quote.continues, quote.continues)
        return heads

    @cached_property
    def cast(self) -> list[Actor]:
        """The actors (``actors(self)``) whose stance the article does not show by rule
        (``rules.stance.judge_stance`` on the rules' speakers): the model is asked only
        about them. Computed once."""
        quotes = _quotes(self, {}, self.resolve)  # the rules' speakers: no figures, no claims
        shown = {
            _speaker_key(s.actor, self.article.text)
            for s in _stances(self, Labels(), quotes, unread=None)
        }
        return [a for a in actors(self) if _speaker_key(a.name, self.article.text) not in shown]

    @cached_property
    def resolve(self) -> Callable[[str], tuple[str, str | None]]:
        """``resolve_person(name, text)`` on this article's text, each name looked up once; a
        definite description the article ties to exactly one named person or body ("the
        company", "the health minister": ``description_referent``) resolves to that one."""
        plain = _person_resolver(self.article.text)
        referents: dict[str, str | None] = {}

        def resolve(name: str) -> tuple[str, str | None]:
            if name not in referents:
                referents[name] = description_referent(name, self, plain)
            found = referents[name]
            if found is None and _in_capitals(name, self.article.text):
                found = name.title()  # "HARCOURT:" in a transcript is the Sandra Harcourt named
            if found is None:
                found = _titled_in_capitals(name, self.article.text)
                if found and found not in self.article.text:  # "SHERIFF TOLLER", named nowhere
                    title, surname = found.split()
                    return surname, title
            if found is None:
                found = body_full_name(name, self.article.text)  # "Fenmoor" told in a statement
            return plain(found) if found else plain(name)

        return resolve

    @cached_property
    def mentions(self) -> list[tuple[str, int]]:
        """``speaker_mentions`` of the article: (phrase as written, offset), found once."""
        return speaker_mentions(self.article.text, self.quotes)

    @cached_property
    def candidates(self) -> tuple[Candidate, ...]:
        """``speaker_candidates(self)``, computed once (every chunk's request offers them)."""
        return tuple(_speaker_candidates(self))

    @cached_property
    def paragraphs(self) -> dict[int, tuple[Sentence, Sentence]]:
        """Paragraph number -> its first and its last sentence."""
        ends: dict[int, tuple[Sentence, Sentence]] = {}
        for sentence in self.sentences:
            ends[sentence.paragraph] = (ends.get(sentence.paragraph, (sentence,))[0], sentence)
        return ends

    @cached_property
    def _quote_reach(self) -> tuple[list[QuoteSpan], list[int], list[int]]:
        """The quotes by start, their starts, and the furthest end of each prefix of them."""
        ordered = sorted(self.quotes, key=lambda q: q.start)
        reach, furthest = [], -1
        for quote in ordered:
            furthest = max(furthest, quote.end)
            reach.append(furthest)
        return ordered, [q.start for q in ordered], reach

    def quotes_over(self, start: int, end: int) -> list[QuoteSpan]:
        """The quotes that overlap the characters ``start``..``end`` (any order). O(log n +
        the quotes reaching back past ``start``)."""
        ordered, starts, reach = self._quote_reach
        out = []
        for k in range(bisect.bisect_left(starts, end) - 1, -1, -1):
            if reach[k] <= start:
                break  # no quote up to here ends after ``start``
            if ordered[k].end > start:
                out.append(ordered[k])
        return out

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
        """Who claims the figure, by rule (None: ask the model): the speaker of the quotation
        it is in; else who its sentence credits with it (``claimant_cue``), or the person or
        body a 'he', 'she' or 'they' crediting it stands for, resolved as a quote's "he
        said" is (``pronoun_referent``); a figure in an embedded post or an interview answer
        is its speaker's."""
        sentence = self.sentences[self.sentence_of(figure.start) - 1]
        offset = figure.start - sentence.start
        quoted = self.quote_of(figure)
        if quoted is not None and quoted.cue and quoted.cue.lower() not in PRONOUNS:
            # "'90, not 70,' she said": the value she rejects is not her claim; whose it is
            # only the sentence can say ('not the 70 the firm promised')
            if not rejected_value(sentence.text, offset):
                return quoted.cue
        found = claimant_cue(sentence.text, offset)
        pronoun = claimant_pronoun(sentence.text, offset) if found is None else None
        if pronoun is not None:
            found = self.referent(pronoun[0], sentence.start + pronoun[1])
        if found is None and quoted is None and first_person_claim(sentence.text, offset):
            return self.house_voice  # 'We model closer to €300m': the note's publisher
        if found is None:  # a post or an interview answer: its speaker claims its figures
            for passage in self.passages:
                if passage.kind in ("post", "answer") and passage.speaker:
                    if passage.start <= figure.start < passage.end:
                        return passage.speaker
        if found is None:  # an interview answer: 'Anna Boyd: …' opens the paragraph
            opening = self.paragraphs[sentence.paragraph][0]
            found = interview_speaker(opening.text) if opening is not sentence else None
        return found

    @cached_property
    def house_voice(self) -> str | None:
        """Who 'we' is in the article's own voice: its outlet (``source_info``), else its
        author; None when neither is known."""
        outlet = source_info(self.article).outlet
        if outlet and _DOCUMENT_HEADING.fullmatch(outlet.strip()):
            outlet = None  # 'Regulatory Announcement': the kind of document, no publisher
        return outlet or self.article.author

    def quote_of(self, figure: FigureSpan) -> QuoteSpan | None:
        """The quotation (not a scare quote) the figure is in; None."""
        inside = [
            q for q in self.quotes_over(figure.start, figure.end)
            if q.kind != "scare" and q.start <= figure.start and figure.end <= q.end
        ]  # fmt: skip
        return min(inside, key=lambda q: q.end - q.start) if inside else None

    @cached_property
    def referent(self) -> Callable[[str, int], str | None]:
        """``pronoun_referent`` of the article: (pronoun, offset) -> the name it stands for."""
        return pronoun_referent(self.article.text, self.quotes)


#: A heading that names a kind of document ('REGULATORY ANNOUNCEMENT', 'Press Release'),
#: read where an outlet's name would be: no one's voice.
_DOCUMENT_HEADING = re.compile(
    r"(?i:(?:regulatory|stock\s+exchange|market|official|joint|public)\s+)?"
    r"(?i:announcement|statement|press\s+release|news\s+release|media\s+release|release|"
    r"notice|bulletin|transcript|update|advisory|communiqu[eé])"
)


def needs_model(quote: QuoteSpan) -> bool:
    """True when rules found no speaker (name or description) for a quotation, or only a
    guess (``QuoteSpan.confident`` is False: a resolved pronoun, an inherited or contradicted
    cue); scare quotes and titles are not speech."""
    if quote.kind == "scare":
        return False
    return quote.cue is None or quote.cue.lower() in PRONOUNS or not quote.confident


@dataclass(frozen=True)
class Candidate:
    """A person or body the article presents as a speaker: what a model may choose a
    quote's speaker from, by id."""

    id: str
    """'P1', 'P2'… in order of first mention."""
    name: str
    """The fullest form the article gives ('Lena Varga' for 'Ms. Varga'), or a description
    as written ('police', 'the regulatory commission')."""
    key: str
    """What tells candidates apart (``_speaker_key``): a person's full name, or a
    description in lower case."""
    paragraphs: tuple[int, ...]
    """Paragraphs (0-based) that mention it."""


def _speaker_key(
    form: str,
    text: str | None = None,
    resolve: Callable[[str], tuple[str, str | None]] | None = None,
) -> str:
    """What tells speakers apart: a person's full name ('lena varga', also for 'Ms. Varga'
    when the article gives the full name once), a surname two people share as written, or a
    description in lower case. ``resolve``: ``resolve_person`` on ``text``, memoised."""
    person = person_name(form)
    if person and form[:1].isupper():
        if resolve is not None:
            person = resolve(person)[0]
        elif text is not None:
            person = resolve_person(person, text)[0]
        return person.lower().replace("’", "'")
    if resolve is not None and _DESCRIPTION.fullmatch(form.strip()):
        referent = resolve(form)[0]
        if referent.lower() != form.strip().lower():
            return _speaker_key(referent, resolve=resolve)  # "the company": the one it names
    return re.sub(r"^(?:the|a|an)\s+", "", form.lower())


def speaker_candidates(prepared: PreparedArticle) -> list[Candidate]:
    """The people and bodies of the article that may have said its quotes (from
    ``rules.quotes.speaker_mentions``), one per surname or description, each in its fullest
    form and grounded (``rules.grounding.speaker_problem``). A surname two people of the
    article share stays in the form written. Pure (computed once per article)."""
    return list(prepared.candidates)


#: Head nouns of a description that stands for a business ("the company said"): such a
#: body's name rarely holds the noun ("Coastline Trains"), so the article's named bodies are
#: looked through instead.
_COMMERCIAL_HEADS = COMMERCIAL_HEADS
_DESCRIPTION = re.compile(r"(?i:the)\s+((?:[a-z][a-z-]*(?:[’']s?)?\s+){0,2}[a-z][a-z-]*)")
_HONORIFIC_WORDS = "|".join(
    re.escape(w).replace(r"\ ", r"\s+") for w in sorted(HONORIFICS, key=len, reverse=True)
)
_SCOPE_EPITHET = re.compile(r"^((?i:the))\s+[\w-]+[’']s\s+(?:[\w-]*(?:est|first|second|third)\s+)?")


#: Heads of descriptions that stand for a body named with another word ("the force" for
#: "Kelby Police").
_HEAD_SYNONYMS = {"force": "police", "constabulary": "police"}
#: Heads of descriptions that stand for a body by what it does, named with one of several
#: words ("the regulator" for "the Charities Oversight Board", "the watchdog" for "the Water
#: Standards Authority"): the one body the article names with one of them.
_FUNCTION_HEADS: dict[str, frozenset[str]] = dict.fromkeys(
    ("regulator", "watchdog", "agency"),  # "the agency" of a "… Safety Board" regulator
    frozenset(
        "authority board commission agency office regulator ombudsman inspectorate "
        "watchdog council".split()
    ),
)


def acronym_expansion(form: str, text: str) -> str | None:
    """The body an acronym stands for where the article writes it out ("the RFS" -> "Rural
    Fire Service": the name set before it in brackets, else the initials of its capitalised
    words, "of", "and" and "for" skipped), or None: not an acronym, or no single
    spelled-out name."""
    bare = re.sub(r"^(?:the|The)\s+", "", form.strip())
    if not re.fullmatch(r"[A-Z]{2,6}", bare):
        return None
    # defined in brackets: "the Sarandpur Electric Supply Company (SESCO)", whose initials
    # need not spell it letter for letter
    defined = set()
    for m in re.finditer(
        # up to eight words of the clause before: a name in a language that writes its
        # inner words in lower case ("Association des francophones du Nord (AFN)")
        rf"((?:[\w’'&.-]+[ \t]+){{1,8}})\((?:the\s+)?{re.escape(bare)}\)",
        text,
    ):
        words = m.group(1).split()
        while words and (words[0][:1] != bare[0] or words[0] in ("The", "A", "An")):
            words.pop(0)
        if len(words) >= 2 and words[-1][:1].isupper():
            defined.add(" ".join(words))
    if len(defined) == 1:
        return defined.pop()
    found = set()
    for m in re.finditer(r"\b[A-Z][\w’'-]*(?:\s+(?:(?:of|and|for|the|&)\s+)*[A-Z][\w’'-]*)+", text):
        words = [w for w in m.group().split() if w[:1].isupper()]
        for k in range(len(words) - len(bare) + 1):  # the name may open after other words
            if "".join(w[0] for w in words[k:]) == bare:
                name = m.group()
                found.add(name[name.index(words[k]) :])
                break
    return found.pop() if len(found) == 1 else None


def _names(found: Iterable[re.Match], reporter_names: Callable[[re.Match], bool]) -> set[str]:
    """The names ``found`` ("The" dropped), those the reporter writes where there are any:
    a name in someone's words ("anyone at City Hall") counts only where the article gives
    no other."""
    found = list(found)
    own = [m for m in found if reporter_names(m)] or found
    return {re.sub(r"^The\s+", "", m.group().strip()) for m in own}


def description_referent(
    form: str, prepared: PreparedArticle, resolve: Callable[[str], tuple[str, str | None]]
) -> str | None:
    """The one named person or body a definite description stands for in the article, or
    None (not a description, or no single referent: never a guess). ``form``: a speaker as
    written ("the company", "The health minister"); ``resolve``: ``resolve_person`` on the
    article. In order:

    - a body whose name ends in the description's head noun, capitalised, when the article
      names exactly one ("the council" -> "Ashbourne District Council");
    - a person whose role holds every word of the description, when exactly one does ("the
      health minister" -> "Ana Costa" after "The health minister, Ana Costa,");
    - for a business ("the company", "the firm": ``_COMMERCIAL_HEADS``), the one named body
      among the article's speakers (a name with no role or title: "Coastline Trains"), or,
      among several, the one the headline and first sentence name.

    Linear in the article (one scan per distinct description)."""
    expanded = acronym_expansion(form, prepared.article.text)
    if expanded is not None:
        return expanded
    # "the world's fourth-largest toymaker", "the Playhouse's patron": the scope and the
    # rank say where the one toymaker or patron is, the head says what it is
    form = _SCOPE_EPITHET.sub(r"\1 ", form.strip())
    match = _DESCRIPTION.fullmatch(form.strip())
    if match is None:
        return None
    # an epithet says how the person is, not who ("the furious chef" is the chef)
    words = [w for w in match.group(1).split() if not name_descriptor(w)] or match.group(1).split()
    # "the minister of state": the head comes before "of"
    last = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    head = _HEAD_SYNONYMS.get(last, last)
    text = prepared.article.text
    if len(words) == 1 and head in _MEMBERS and head not in ("ministers", "directors"):
        head = _MEMBERS[head]  # "the trustees say": the trust the article names
    # a name in someone's words is theirs, not the reporter's naming ("anyone at City Hall")
    spoken = [(q.start, q.end) for q in prepared.quotes]

    def reporter_names(found: re.Match) -> bool:
        return not any(start <= found.start() < end for start, end in spoken)

    named = _names(
        re.finditer(
            # never cut from a longer name: "Aldermark Consumer" of "… Consumer Alliance"
            # and with what runs on with "of": "Reserve Bank of Cassaria", "Vellmark's
            # Ministry of Defence"
            # never a possessor inside a longer name: "Kestlemouth Fishermen's Association"
            rf"(?:\b[A-Z][\w’'-]*[ \t]+){{1,4}}{re.escape(head.capitalize())}\b(?![’'])"
            r"(?:[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*){0,2})?"
            r"(?![ \t]+[A-Z])",
            text,
        ),
        reporter_names,
    )
    named.discard("")
    named = {
        n
        for n in (re.sub(r"^.*[’']s\s+", "", n) for n in named)  # "Vellmark's Ministry"
        if n.split()[0].lower() not in ("the", "a", "an") and n.lower() != head.lower()
    }  # not "Company" of a press release's "The Company said"
    # "Regional Authority (chair …)" is the short form of "Tidewell Regional Authority"
    named = {n for n in named if not any(m != n and m.endswith(f" {n}") for m in named)}
    role_head = head in ROLE_NOUNS and head not in ORGANISATION_WORDS
    if role_head:
        named = set()  # "the transport minister": a person's role, never a body's name
    if not named and not role_head:
        # a body whose name opens with the head noun ("the team": "Team Corvalla")
        named = _names(
            re.finditer(
                rf"\b{re.escape(head.capitalize())}(?:[ \t]+(?:of|for)(?:[ \t]+the)?)?"
                # "Ministry of Human Resources and National Workforce"
                rf"(?:[ \t]+[A-Z][\w’'-]*){{1,3}}"
                rf"(?:[ \t]+(?:and|&)(?:[ \t]+[A-Z][\w’'-]*){{1,3}})?"
                # "Ministry of Energy (Power Division)": a qualifier in brackets, not initials
                r"(?:[ \t]+\([A-Z][a-z][\w’' -]{0,30}\))?",
                text,
            ),
            reporter_names,
        )
        # "University Librarian Dr Fiona Lusk": a title before a person's name, no body
        named = {
            n
            for n in named
            if not any(w.lower().strip(".") in ROLE_WORDS | HONORIFICS for w in n.split()[1:])
        }
    if not named and head in _FUNCTION_HEADS:
        named = _names(
            re.finditer(
                rf"(?:\b[A-Z][\w’'-]*[ \t]+){{1,4}}(?i:{'|'.join(_FUNCTION_HEADS[head])})\b"
                r"(?![ \t]+[A-Z])",
                text,
            ),
            reporter_names,
        )
        named = {
            n
            for n in named
            if len(n.split()) > 1  # not "The regulator" itself
            and n.split()[-1].lower() in _FUNCTION_HEADS[head]
            and n.split()[0].lower() not in ("the", "a", "an")
        }
    if len(named) == 1:
        return named.pop()
    people: set[str] = set()
    bodies: set[str] = set()
    written: dict[str, set[str]] = defaultdict(set)  # each body's forms as the article writes them
    for mention, _ in prepared.mentions:
        if not mention[:1].isupper() or mention.split()[0].lower() in ("the", "a", "an"):
            continue
        if mention.lower() in (GROUP_NOUNS | ROLE_PLURALS) - BODY_PLURALS:
            continue  # "Farmers say …": a sentence's capital, no body's name (police are one)
        full, role = resolve(mention)
        if person_name(mention) != mention.strip() or _TITLED.match(mention):
            role = role or mention  # a title or a role word before the name: a person
        # a title and an appositive joined ("councillor; chair of the board") hold both
        held = f"{role} {_body_after(full, text)}".lower().replace(";", " ").split() if role else []
        body_head = head in ORGANISATION_WORDS and head not in ROLE_NOUNS
        if role and all(w in held for w in words):
            # "the police chief": "Chief Superintendent Rhona McBride of Tavyshire Police"
            if body_head and " " in full and person_name(full) == full:
                continue  # "the authority" is never "Regional Authority chair Hugh Penrose"
            if person_name(full) is not None or full.split()[-1].lower() not in ROLE_NOUNS:
                people.add(full)  # not "Transport Minister" standing alone; "car-sharing
                # company Carrivo" for "the company"
        elif role is None and not reads_as_person(full, text):  # "Maggie Orr, 81": no firm
            bodies.add(full)
            written[full] |= {full, mention}
    if len(people) == 1:
        return people.pop()
    # "signed by the regional prefect, Bernard Lafitte-Roux,": the name set beside the
    # description, when the article sets exactly one there
    beside = {
        m.group("name")
        for m in re.finditer(
            rf"\b[Tt]he\s+(?:[\w-]+[’']s\s+)?(?:[a-z-]+\s+){{0,3}}(?i:{re.escape(last)})"
            r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}){0,2},\s+"
            # "The Playhouse's patron, the actor Dame Celia Fordyce, who …"
            rf"(?:(?:the|a|an)\s+[a-z-]+\s+)?(?:(?i:{_HONORIFIC_WORDS})\.?\s+)?"
            r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3})\s*[,.;]",
            text,
        )
    }
    if len(beside) == 1 and person_name(next(iter(beside))) == next(iter(beside)):
        return beside.pop()
    # "a respected elder in the constituency, Alhaji Musa Lawal Abiodun," before "the elder
    # stated"; "The only organization to welcome the cut, the Calder Taxpayers' Federation,
    # called it …": the one person or body set in apposition to the head with its phrase
    apposed = {
        m.group("name")
        for m in re.finditer(
            rf"\b(?:[Tt]he|[Aa]n?|[Oo]ne)\s+(?:[\w-]+[’']s\s+)?(?:[a-z-]+\s+){{0,3}}"
            rf"(?i:{re.escape(last)})(?:\s+(?:[a-z-]+|[A-Z][\w’'-]*)){{0,6}}?,\s+(?:the\s+)?"
            rf"(?:(?i:{_HONORIFIC_WORDS})\.?\s+)?"
            r"(?P<name>[A-Z][\w’'-]+(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w’'-]+){1,4})\s*[,.;]",
            text,
        )
    }
    apposed = {
        n for n in apposed if person_name(n) == n or n.split()[-1].lower() in ORGANISATION_WORDS
    }
    if len(apposed) == 1:
        return apposed.pop()
    if not (head in _COMMERCIAL_HEADS or head.endswith("maker")):
        return None
    if not bodies:
        return _lead_business(head, prepared)
    if len(bodies) == 1 and (head in _GENERIC_BUSINESS or _shows_trade(next(iter(bodies)), head)):
        return bodies.pop()
    title = prepared.article.title or ""
    first = first_sentence(prepared)
    lead = [b for b in bodies if any(form in f"{title} {first}" for form in written[b])]
    shortest = min(lead, key=len, default=None)
    if shortest is not None and all(shortest in b for b in lead):
        return shortest  # "Veltrane Biosciences" (and a headline run "… Provides Update")
    # the one body named as a business ("Halberd Systems", "Kestrel Energy Ltd") among
    # public bodies and groups; not for a trade ("the broadcaster", "the airline") that a
    # name like "Greenfork Media" does not show is its own
    if head not in _GENERIC_BUSINESS:
        return _lead_business(head, prepared)
    text = prepared.article.text
    firms = {
        full
        for b in bodies
        for full in (b, _longest_form(b, text))
        if any(w.lower().strip(".,") in _FIRM_WORDS for w in full.split())
    }
    firms = {f for f in firms if not any(f != g and f in g for g in firms)}
    return firms.pop() if len(firms) == 1 else None


def first_sentence(prepared: PreparedArticle) -> str:
    """The article's first sentence that is not its headline ("" when it has none)."""
    return next((s.text for s in prepared.sentences if s.text != prepared.article.title), "")


def _lead_business(head: str, prepared: PreparedArticle) -> str | None:
    """The one business the article's first sentence names whose name shows the trade
    ``head`` says ("Halbrook Pharmaceuticals' decision to shut …" for "the New Jersey
    drugmaker"; ``_shows_trade``; for "the company" or "the firm", a name with a business's
    word: ``_FIRM_WORDS``), or None: what a business story leads on is the business its
    descriptions stand for."""
    first = first_sentence(prepared)
    found = {
        _POSSESSIVE_END.sub("", m.group())
        for m in _CAPITALISED_RUN.finditer(OPENING_DATELINE.sub("", first, count=1))
    }
    trade = {
        name
        for name in found
        if len(name.split()) > 1
        and (
            _shows_trade(name, head)
            if head not in _GENERIC_BUSINESS
            else any(w.lower().strip(".,") in _FIRM_WORDS for w in name.split()[1:])
        )
    }
    return trade.pop() if len(trade) == 1 else None


_CAPITALISED_RUN = re.compile(r"(?<![\w’'])[A-Z][\w’'&-]*(?:[ \t]+[A-Z][\w’'&.-]*){1,3}")
_POSSESSIVE_END = re.compile(r"[’']s?$")


def _body_after(name: str, text: str) -> str:
    """The body the article sets right after a person's name with "of" or "at" ("Rhona
    McBride of Tavyshire Police" -> "Tavyshire Police"), or ""."""
    found = re.search(
        rf"\b{re.escape(name)}\s+(?:of|at)\s+(?:the\s+)?(?P<body>[A-Z][\w’'&-]*(?:\s+[A-Z][\w’'&-]*){{0,4}})",
        text,
    )
    return found.group("body") if found else ""


def _longest_form(name: str, text: str) -> str:
    """The one longer capitalised name ``text`` writes ``name`` as the start of ("Clearwell"
    -> "Clearwell Utilities Inc."), else ``name``."""
    longer = {
        m.group().rstrip(",")
        for m in re.finditer(rf"\b{re.escape(name)}(?:[ \t]+[A-Z][\w’'&.-]*)+", text)
    }
    return longer.pop() if len(longer) == 1 else name


#: Words that make a name a business's ("Halberd Systems", "Pellor Foods Ltd").
def _shows_trade(name: str, head: str) -> bool:
    """Whether a body's name says it is of the trade ``head`` names ("Corrin Air" for "the
    airline", "Harbour Radio" for "the broadcaster"): a trade word of the head's kind in it."""
    words = {w.lower().strip(".,") for w in name.split()}
    return bool(words & _TRADE_WORDS.get(head, {head}))


#: Words in a body's name that show its trade, by the head a description uses.
_TRADE_WORDS: dict[str, set[str]] = {
    "airline": {"air", "airways", "airlines", "aviation", "jet", "wings"},
    "carrier": {"air", "airways", "airlines", "lines", "shipping", "freight", "rail"},
    "broadcaster": {"tv", "television", "radio", "channel", "broadcasting", "news"},
    "bank": {"bank", "banking", "savings", "credit", "building"},
    "insurer": {"insurance", "assurance", "mutual"},
    "brewer": {"brewing", "brewery", "breweries", "ales", "beer"},
    "publisher": {"press", "publishing", "books"},
    "utility": {"water", "energy", "power", "gas", "electric", "utilities"},
    "miner": {"mining", "metals", "minerals", "resources"},
    "drugmaker": {"pharmaceuticals", "pharmaceutical", "pharma", "therapeutics", "biosciences",
                  "biotech", "laboratories", "labs", "medicines", "drugs"},
    "carmaker": {"motors", "motor", "auto", "automotive", "cars", "automobiles"},
    "grocer": {"foods", "food", "stores", "markets", "supermarkets", "grocers", "fresh"},
    "supermarket": {"foods", "food", "stores", "markets", "supermarkets", "grocers", "fresh"},
    "retailer": {"stores", "retail", "shops", "mart", "outlets"},
    "housebuilder": {"homes", "housing", "construction", "builders"},
    "developer": {"developments", "properties", "property", "estates", "homes", "land"},
    "shipper": {"shipping", "lines", "freight", "logistics", "maritime"},
    "distiller": {"distillery", "distillers", "distilling", "spirits", "whisky"},
    "lender": {"bank", "banking", "credit", "finance", "financial", "savings", "lending"},
}  # fmt: skip
#: Heads of a description that any business answers to ("the company", "the firm").
_GENERIC_BUSINESS = frozenset("company firm group business".split())
_FIRM_WORDS = frozenset(
    """energy metals mining lines airways airlines motors foods holdings industries systems
    technologies software partners capital securities insurance media ltd limited inc plc llc
    corp co gmbh sa group services logistics pharma pharmaceuticals labs utilities""".split()
)


_TITLED = re.compile(rf"(?i:{word_alternation(HONORIFICS | TITLE_WORDS)})\.?\s+[A-Z]")


#: Words for a news organisation set before or after its name ("the state news agency
#: KNA", "KNA, the state news agency", "broadcaster RTV").
_OUTLET_NOUNS = (
    r"(?:(?:state|official|national|private|public|local)\s+)?(?:news\s+agency|newspaper|"
    r"broadcaster|wire\s+service|news\s+service|television|tv\s+channel|radio\s+station|"
    r"news\s+site|news\s+outlet|outlet|tabloid|daily)"
)


def _relaying_outlet(name: str, text: str) -> bool:
    """Whether ``text`` calls ``name`` a news organisation ("the state news agency KNA
    reported"): an outlet passing on what someone said, not who said it, so never a
    candidate speaker of a quote."""
    named = re.escape(name)
    return bool(
        re.search(rf"\b{_OUTLET_NOUNS}\s+(?:the\s+)?{named}\b", text, re.I)
        or re.search(rf"\b{named},\s+(?:the|a|an)\s+{_OUTLET_NOUNS}\b", text, re.I)
    )


def _speaker_candidates(prepared: PreparedArticle) -> list[Candidate]:
    text, resolve = prepared.article.text, prepared.resolve
    groups: dict[str, list[tuple[str, int]]] = {}
    keys: dict[str, str] = {}  # a long article names the same few people thousands of times
    for form, start in prepared.mentions:
        if form not in keys:
            keys[form] = _speaker_key(form, resolve=resolve)
        groups.setdefault(keys[form], []).append((form, start))
    out: list[Candidate] = []
    for key, mentions in groups.items():
        forms = [resolve(form)[0] for form, _ in mentions]
        name = max(forms, key=lambda f: (len(f.split()), len(f)))
        if speaker_problem(name, text) is not None or _relaying_outlet(name, text):
            continue
        paragraphs = tuple(
            sorted(
                {prepared.sentences[prepared.sentence_of(st) - 1].paragraph for _, st in mentions}
            )
        )
        out.append(Candidate(f"P{len(out) + 1}", name, key, paragraphs))
    return out


def quote_choices(
    prepared: PreparedArticle, quote: QuoteSpan, candidates: list[Candidate]
) -> tuple[str, ...]:
    """Ids of the candidates that may have said ``quote``: mentioned from three paragraphs
    before it to one after, the rules' guess first, then the nearest; at most
    ``MAX_CHOICES``."""
    here = quote.paragraph
    guess = _speaker_key(quote.cue, resolve=prepared.resolve) if quote.cue else None

    def distance(c: Candidate) -> int:
        # the nearest mention before (or at) the quote, and after it at twice the distance;
        # by bisection: one speaker of a long article is mentioned in thousands of paragraphs
        k = bisect_right(c.paragraphs, here)
        before = here - c.paragraphs[k - 1] if k else 10**9
        after = 2 * (c.paragraphs[k] - here) if k < len(c.paragraphs) else 10**9
        return min(before, after)

    def near_here(c: Candidate) -> bool:
        k = bisect.bisect_left(c.paragraphs, here - CHOICE_PARAGRAPHS)
        return k < len(c.paragraphs) and c.paragraphs[k] <= here + 1

    near = [c for c in candidates if near_here(c) or c.key == guess]
    near.sort(key=lambda c: (c.key != guess, distance(c), c.id))
    return tuple(c.id for c in near[:MAX_CHOICES])


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
    answerers = {p.speaker for p in passages if p.kind == "answer"}
    first_turn = min((p.start for p in passages if p.kind in ("question", "answer")), default=0)
    for quote in quotes:
        voice = _voice(passages, quote)
        if voice and (quote.cue is None or quote.cue.lower() in PRONOUNS):
            if (quote.end - quote.start) * 2 >= voice.end - voice.start:
                quote = replace(quote, cue=voice.speaker, cue_start=None, kind="quote")
        elif (
            quote.cue is None
            and quote.paragraph == 0
            and quote.end < first_turn
            and len(answerers) == 1
            and None not in answerers
            and len(quote.text.split()) >= 3
        ):
            # an interview's headline quotes the one person it interviews ("“He rang me
            # from the roadside”: Graham Vessey on …")
            quote = replace(quote, cue=next(iter(answerers)), cue_start=None, confident=False)
        out.append(quote)
    return out


def _passage_quotes(text: str, passages: list[Passage], quotes: list[QuoteSpan]) -> list[QuoteSpan]:
    """Quote spans for the posts and answers whose speaker is named and that are not
    already, for the most part, a quotation in marks. An answer's paragraph after the first
    of its turn continues the turn's quote before it (``continues``), as a quotation left
    open at a paragraph's end does; the role a transcript's label gives goes with it."""
    starts = [start for start, _ in paragraph_spans(text)]
    spans: list[QuoteSpan] = []
    numbered = len(quotes)
    turn: QuoteSpan | None = None  # the last quote of the answer being read
    for passage in passages:
        if passage.kind not in ("post", "answer") or not passage.speaker:
            turn = None  # a label, a question or a report: a new turn follows
            continue
        marked = sum(
            q.end - q.start for q in quotes if passage.start <= q.start and q.end <= passage.end
        )
        if marked * 2 >= passage.end - passage.start:
            turn = None
            continue
        numbered += 1
        paragraph = sum(1 for s in starts if s <= passage.start) - 1
        goes_on = (
            turn is not None
            and passage.kind == "answer"
            and turn.cue == passage.speaker
            and turn.paragraph < paragraph
        )
        spans.append(
            QuoteSpan(
                id=f"Q{numbered}",
                start=passage.start,
                end=passage.end,
                text=text[passage.start : passage.end],
                kind="quote",
                paragraph=paragraph,
                continues=turn.id if goes_on and turn is not None else None,
                cue=passage.speaker,
                cue_start=_named_at(text, passage.speaker, passage.start),
                role=passage.role,
            )
        )
        turn = spans[-1] if passage.kind == "answer" else None
    return spans


def _role_word(word: str) -> bool:
    return word.lower().rstrip(".") in ROLE_WORDS and word.lower() not in HONORIFICS


def _labelled_description(speaker: str, article: Article) -> bool:
    """Whether ``speaker`` is an indefinite description ("a plaintiff") of someone a
    transcript's label describes without a name ("PLAINTIFF: …")."""
    article_word, _, noun = speaker.partition(" ")
    return (
        article_word in ("a", "an")
        and unnamed_speaker(speaker)
        and re.search(rf"^{re.escape(noun)}:", article.text, re.I | re.M) is not None
    )


def _named_at(text: str, name: str, before: int) -> int | None:
    """Where ``text`` names ``name`` last before offset ``before``, else first after it; None
    where it never does (a header's name in capitals written in ordinary case)."""
    at = text.rfind(name, 0, before)
    if at < 0:
        at = text.find(name, before)
    return at if at >= 0 else None


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

    @property
    def asks(self) -> bool:
        """Whether the request asks anything (a request that asks nothing is not sent)."""
        return bool(self.response_model.model_fields)


def asked_items(
    prepared: PreparedArticle, sentences: list[Sentence]
) -> tuple[list[QuoteSpan], dict[str, tuple[str, ...]], list[FigureSpan], list[Actor]]:
    """What the model is asked about ``sentences`` (a run of the article's): the quotes rules
    cannot attribute with confidence (``needs_model``) that have candidate speakers, with
    those candidates' ids; the figures rules find no claimant for; the actors whose stance
    rules cannot read (``PreparedArticle.cast``). A quote that continues an asked quote is
    not asked again: it takes that quote's answer (``continued_speakers``). Pure."""
    ids = {s.id for s in sentences}
    spans = [prepared.by_sentence.get(s.id, ([], [])) for s in sentences]
    order = prepared.order
    people = speaker_candidates(prepared)
    choices = {
        q.id: quote_choices(prepared, q, people) for qs, _ in spans for q in qs if needs_model(q)
    }
    asked = {q for q, ids_ in choices.items() if ids_}
    quotes = sorted(
        (
            q
            for qs, _ in spans
            for q in qs
            if q.id in asked and _head(prepared, q.id) not in asked - {q.id}
        ),
        key=order.__getitem__,
    )
    figures = sorted(
        (f for _, fs in spans for f in fs if prepared.claimant(f) is None),
        key=order.__getitem__,
    )
    cast = [a for a in prepared.cast if prepared.sentence_of(a.quotes[0].start) in ids]
    return quotes, {q.id: choices[q.id] for q in quotes}, figures, cast


def _head(prepared: PreparedArticle, quote_id: str) -> str:
    """The quote a run of continued quotes starts with (``QuoteSpan.continues``); the quote
    itself when it continues none."""
    return prepared.heads.get(quote_id, quote_id)


def continued_speakers(prepared: PreparedArticle, speakers: dict[str, str]) -> dict[str, str]:
    """``speakers`` (the model's answers by quote id) with each quote that continues an
    answered quote, and was not asked itself, given that quote's answer: the words after
    '…,” she said. “' are the same speaker's. Pure."""
    out = dict(speakers)
    for quote in prepared.quotes:
        if quote.continues and quote.id not in out and needs_model(quote):
            head = _head(prepared, quote.id)
            if head in speakers:
                out[quote.id] = speakers[head]
    return out


#: Paragraphs before an asked quote's own that its request shows: the person a pronoun or an
#: inherited cue refers to is named in the quote's paragraph or the one before.
CONTEXT_PARAGRAPHS = 1
#: The line that stands for paragraphs a request leaves out.
GAP = "..."


def passages(
    prepared: PreparedArticle,
    sentences: list[Sentence],
    quotes: list[QuoteSpan],
    figures: list[FigureSpan],
    cast: list[Actor],
) -> list[str]:
    """The paragraphs of ``sentences`` a request shows, one line each, with ``GAP`` lines
    where paragraphs are left out: an asked quote's paragraph and the ``CONTEXT_PARAGRAPHS``
    before it, an asked figure's paragraph, and the paragraphs of an asked actor's first two
    quotes. Asked quotes are tagged ``(Qn)`` before their opening mark and asked figures
    ``(Fn)`` before their value. Only what needs judgement is paid for. Pure."""
    text = prepared.article.text
    wanted: set[int] = set()
    for quote in quotes:
        wanted.update(range(quote.paragraph - CONTEXT_PARAGRAPHS, quote.paragraph + 1))
    for figure in figures:
        wanted.add(prepared.sentences[prepared.sentence_of(figure.start) - 1].paragraph)
    for actor in cast:
        wanted.update(q.paragraph for q in actor.quotes[:2])
    marks = sorted(
        [(q.start - 1, q.id) for q in quotes] + [(f.start, f.id) for f in figures],
    )
    lines: list[str] = []
    shown: int | None = None
    runs: list[list[Sentence]] = []
    for sentence in sentences:
        if runs and runs[-1][-1].paragraph == sentence.paragraph:
            runs[-1].append(sentence)
        else:
            runs.append([sentence])
    for position, run in enumerate(runs):
        if run[0].paragraph not in wanted:
            continue
        if shown is None and position > 0 or shown is not None and position != shown + 1:
            lines.append(GAP)
        start, end = run[0].start, run[-1].end
        here = [(offset, label) for offset, label in marks if start <= offset < end]
        lines.append(" ".join(_tagged(text, start, end, here).split()))
        shown = position
    return lines


def build_request(prepared: PreparedArticle, sentences: list[Sentence]) -> Request:
    """The model call for one run of sentences. Pure.

    The system message holds the fixed instructions, which the server evaluates once and
    then reuses from its prefix cache. The user message holds only the paragraphs that the
    asked ids need (``passages``), tagged in place, then the candidate people and the actors
    to answer for; a re-ask reuses all of it. The schema has a required field per asked id,
    so the server's grammar makes the model answer for each and for no other (a quote's
    field is one of its candidates' ids or "none"). The embedded server takes it as a
    grammar only (see ``llm.answer_mode``); an endpoint gets it as a tool. A request that
    asks nothing (``Request.asks`` is False) is not sent.
    """
    quotes, choices, figures, cast = asked_items(prepared, sentences)
    offered = {c for ids_ in choices.values() for c in ids_}
    user = render_prompt(
        ARTICLE_PROMPT,
        paragraphs=passages(prepared, sentences, quotes, figures, cast),
        people=[
            {"id": c.id, "name": c.name} for c in speaker_candidates(prepared) if c.id in offered
        ],
        target=stance_target(prepared),
        actors=[{"id": a.id, "name": a.name} for a in cast],
    )
    return Request(
        response_model=article_notes_model(
            tuple((q.id, choices[q.id]) for q in quotes),
            tuple(f.id for f in figures),
            tuple(a.id for a in cast),
        ),
        messages=[
            {"role": "system", "content": render_prompt(INSTRUCTIONS_PROMPT)},
            {"role": "user", "content": user},
        ],
        context=validation_context(prepared),
    )


def validation_context(prepared: PreparedArticle) -> AnswerCheck:
    """What the model's answers about ``prepared`` are checked against (``schemas.model_io``,
    ``pipeline.rules.grounding``): its text; a fresh value per call, which also records what
    validation dropped."""
    return answer_check(prepared.article.text)


def _tagged(text: str, start: int, end: int, marks: list[tuple[int, str]]) -> str:
    """``text[start:end]`` with ``(label)`` inserted before each offset of ``marks`` (sorted
    offsets within the span)."""
    out, position = [], start
    for offset, label in marks:
        out.append(text[position:offset])
        out.append(f"({label})")
        position = offset
    out.append(text[position:end])
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
        if request.asks:
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
    model = article_notes_model(
        tuple((q, (chosen,)) for q, chosen in quotes.items()), tuple(figures), tuple(cast)
    )
    context = validation_context(prepared)
    context.lenient = True
    labels.add(model.model_validate({**quotes, **figures, **cast}, context=context))
    labels.dropped.extend(context.dropped)
    added = [s for s in prepared.sentences if s.id not in shared]
    for sentences in chunks(prepared, sentences=added) if added else []:
        request = build_request(prepared, sentences)
        if set(request.response_model.model_fields) - set(quotes) - set(figures) - set(cast):
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
    """The answers ``answers`` holds for this article's questions, by this article's ids: a
    quote's speaker as the id of this article's candidate for the same person."""
    spoken = [q for q in answers.quotes if q.speaker and q.kind != "scare"]
    people = {c.key: c.id for c in speaker_candidates(prepared)}
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
        # the speaker as one of this article's own candidates (the copy names them too)
        chosen = (
            people.get(_speaker_key(match.speaker, resolve=prepared.resolve))
            if match is not None
            else None
        )
        if chosen is not None:
            quotes[quote.id] = chosen
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


def assemble_extraction(
    prepared: PreparedArticle, labels: Labels, stats: ExtractionStats
) -> ArticleExtraction:
    """Tie the model's labels to the rule-found spans. Pure."""
    article = prepared.article
    resolve = prepared.resolve
    speakers = continued_speakers(prepared, labels.speakers)
    quotes = _quotes(prepared, speakers, resolve, stats.dropped)
    claims = find_claims(article.id, prepared.sentences, quotes)
    return ArticleExtraction(
        source=source_info(article),
        quotes=quotes,
        figures=_figures(prepared, labels.claimants, resolve, quotes),
        events=[_event(prepared, i, s) for i, s in enumerate(key_sentences(prepared), 1)],
        stances=_stances(prepared, labels, quotes, claims),
        claims=claims,
        sentences=reported_sentences(prepared),
        stats=stats,
    )


#: How many of the article's first paragraphs may name its main development when its
#: headline does not (a standfirst under a tabloid's pun, a release's lead under its label).
TARGET_PARAGRAPHS = 3


def stance_target(prepared: PreparedArticle) -> str:
    """What the article's stances are on: its main development, as its headline words it
    (``rules.text.informative_headline``), else as the first sentence of its first
    ``TARGET_PARAGRAPHS`` paragraphs that names it (the standfirst under "GNOME SWEET
    GNOME!", the lead under "NEWS RELEASE"), else the headline or first sentence as they
    stand; "" for an article with no text."""
    title = prepared.article.title
    candidates = [title] if title else []
    candidates += [
        s.text
        for s in prepared.sentences
        if s.paragraph < TARGET_PARAGRAPHS and s.text.strip() != (title or "").strip()
    ]
    for candidate in candidates:
        named = informative_headline(candidate)
        if named:
            return named
    if title:
        return title
    return prepared.sentences[0].text if prepared.sentences else ""


#: A title standing alone ("the Governor", "The health minister", "the chief executive"):
#: a determiner, at most two modifiers, and a role noun.
_BARE_TITLE = re.compile(
    rf"(?:[Tt]he\s+)?(?:[\w’'-]+\s+){{0,2}}(?i:{word_alternation(ROLE_NOUNS)})"
)


def _titled_holder(form: str, prepared: PreparedArticle) -> str:
    """The one person the article gives the title ``form`` stands for ("the Governor
    defended the increase" after "Governor Peter Kamau Njoroge assented …"), so that what
    the reporter says of the title and what the person says are one actor's; ``form``
    itself where it is no bare title or the article names no single holder
    (``description_referent``)."""
    if (
        not _BARE_TITLE.fullmatch(form.strip())
        or form.strip()[:1].isupper()
        and any(
            w[:1].isupper() and w.lower() not in ROLE_WORDS | ROLE_NOUNS | {"the"}
            for w in form.split()
        )
    ):
        return form
    title = re.sub(r"^[Tt]he\s+", "", form.strip())
    holder = description_referent(f"the {title.lower()}", prepared, prepared.resolve)
    return holder if holder and person_name(holder) is not None else form


#: A title of a body's head or voice with no body named ("Chief Executive", "the managing
#: director", "a spokeswoman"): in news copy, of the body the story is about ("its
#: chairman" is of the body just named: ``_body_of``).
_EXECUTIVE_TITLE = re.compile(
    r"(?:(?:the|a|an)\s+)?(?:(?:deputy|interim|acting|group|joint)\s+)?"
    r"(?:chief\s+executive(?:\s+officer)?|ceo|managing\s+director|general\s+manager|"
    r"chief\s+operating\s+officer|chief\s+financial\s+officer|cfo|finance\s+director|"
    r"chief\s+commercial\s+officer|chair|chairman|chairwoman|chairperson|"
    r"spokes(?:person|man|woman)|press\s+officer|director\s+general)",
    re.I,
)


def _owned_title(role: str, name: str, text: str) -> bool:
    """Whether ``text`` gives the person ``name`` the title ``role`` as some body's ("Its
    chairman, Alan Pritchard", "the group's spokeswoman Ann Roe", "chairman of the trust
    Ann Roe"): a title of a body the sentence names, not of the story's doer."""
    surname = re.escape(name.split()[-1]) if name.split() else ""
    if not surname or not role:
        return False
    owned = re.compile(
        rf"(?:\b(?:its|their|his|her)\s+|[’']s\s+){re.escape(role)},?\s+(?:[\w.’'-]+\s+){{0,3}}"
        rf"{surname}\b|\b{re.escape(role)}\s+(?:of|at|for)\s+[^,.;]{{1,60}}?,?\s+"
        rf"(?:[\w.’'-]+\s+){{0,3}}{surname}\b",
        re.I,
    )
    return bool(owned.search(text))


def body_full_name(form: str, text: str) -> str | None:
    """The full name of a body that ``form`` opens, where the article writes exactly one
    such name ending in a word of organisations ("Fenmoor" -> "Fenmoor Building Society",
    "Castlereach" -> "Castlereach District Council"), else None: a form written after a
    given name is a person's surname ("Ruth Castlereach"), a form that opens two bodies'
    names ("Fenmoor Building Society", "Fenmoor Rugby Club") names neither, and a form of
    two words that already ends in one ("Harbour Board") is whole. Pure."""
    bare = form.strip()
    if not re.fullmatch(r"[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+)?", bare):
        return None
    if len(bare.split()) > 1 and bare.split()[-1].lower() in ORGANISATION_WORDS:
        return None  # "Football Alliance" is a body's whole name, not the start of another's
    if re.search(rf"\b[A-Z][a-z]+[ \t]+{re.escape(bare)}\b(?![ \t]+[A-Z])", text):
        return None  # "Ruth Fenmoor": a person's name
    longer = {
        m.group()
        for m in re.finditer(rf"(?<![\w-]){re.escape(bare)}(?:[ \t]+[A-Z][\w’'&-]*){{1,3}}", text)
    }
    bodies = {
        name
        for name in longer
        if name.split()[-1].lower().strip(".,") in ORGANISATION_WORDS
        and not any(o != name and o.startswith(name + " ") for o in longer)
        # "Ravenstock City" written on its own: "Ravenstock" is the club, not its fans' trust
        and not any(name.startswith(o + " ") for o in longer)
    }
    return bodies.pop() if len(bodies) == 1 else None


def _titled_in_capitals(name: str, text: str) -> str | None:
    """The one person a title and surname in capitals stand for ("COUNCILLOR RIDLEY:", "GOV.
    VARELA:", a transcript's label) where ``text`` writes a given name and the surname in
    ordinary case after a title, that one or another ("Councillor Tom Ridley" -> "Councillor
    Tom Ridley"; "Gov. Ann Varela" for "GOVERNOR VARELA"), or after no title where only one
    given name goes with the surname; else "Title Surname" in ordinary case ("SHERIFF TOLLER"
    -> "Sheriff Toller": the title is the role, the surname the name); None for other
    labels. Pure."""
    words = name.split()
    if len(words) != 2 or not name.isupper() or words[0].lower().rstrip(".") not in ROLE_WORDS:
        return None
    surname = words[1].title()
    forms = {
        (m.group(1) or "", m.group(2))
        for m in re.finditer(
            rf"(?:\b([A-Z][\w’'-]*\.?)[ \t]+)?\b([A-Z][\w’'-]+)[ \t]+{re.escape(surname)}\b",
            text,
        )
        if m.group(2).lower().rstrip(".") not in ROLE_WORDS
    }
    titled = {given for title, given in forms if title.lower().rstrip(".") in ROLE_WORDS}
    given = {given for _, given in forms}
    if len(titled) == 1 or (not titled and len(given) == 1):
        person = (titled or given).pop()
        title = next(
            (t for t, g in sorted(forms) if g == person and t.lower().rstrip(".") in ROLE_WORDS),
            words[0].title(),
        )
        return f"{title} {person} {surname}"
    return f"{words[0].title()} {surname}" if not given else None


def _in_capitals(name: str, text: str) -> bool:
    """Whether ``name`` is a name written in capitals ("HARCOURT", a transcript's speaker
    label) that ``text`` also writes in ordinary case ("Sandra Harcourt"): an acronym the
    article never writes otherwise ("NATO", "BBC") is left as it is. Pure."""
    letters = re.sub(r"[^A-Za-z]", "", name)
    return (
        len(letters) >= 3
        and name.isupper()
        and re.search(rf"(?<!\w){re.escape(name.title())}(?!\w)", text) is not None
    )


def surname_referent(form: str, text: str, at: int) -> str | None:
    """Who a surname two or more people of ``text`` share stands for at offset ``at``: the
    full name where the article tells ("Mayor Harrowby" after "Mayor Glenys Harrowby" and
    "Cr Doug Harrowby"; "Ms Denning" introduced before; ``rules.entities``), "" where
    nothing tells them apart (no one: a wrong person is worse than none), None where
    ``form`` is no shared surname. Pure."""
    shared = None
    if " " not in form and shares_surname(form, text):
        shared = titled_surname_referent(form, text, at)
    shared = shared or shared_surname_referent(form, text, at)
    if shared is None and shares_surname(person_name(form) or form, text):
        shared = ""
    return shared


#: A time clause that opens a sentence before its subject ("Hours after", "Days before",
#: "Shortly after"): no part of an actor's name.
_TIME_AFTER = re.compile(
    r"^(?:(?:hours|days|weeks|months|minutes|moments|years|shortly|soon|just|only|a\s+day|"
    r"a\s+week)\s+)+(?:after|before)\s+",
    re.IGNORECASE,
)


def stance_evidence(prepared: PreparedArticle, quotes: list[Quote]) -> list[StanceEvidence]:
    """What the article shows of each actor (``rules.stance.StanceEvidence``): every
    grounded speaker of ``quotes``, most quoted first, then every other person or body the
    reporter gives a stance verb ("Mark Delaney opposed the measure"). Pure; linear in the
    article (mentions are looked up by sentence).

    A mention's segment runs from the mention to the next other person or body of its
    sentence, quotations blanked; a sentence holding the actor's quotation counts whole
    when it names no one else."""
    text = prepared.article.text
    blank = list(text)
    for span in prepared.quotes:
        blank[span.start : span.end] = " " * (span.end - span.start)
    masked = "".join(blank)
    keys: dict[str, str] = {}

    def key_of(form: str) -> str:
        if form not in keys:
            spokes = _SPOKESPERSON_FOR.fullmatch(form.strip())
            body = spokes.group("body") if spokes else form  # the body speaks through them
            keys[form] = _speaker_key(_titled_holder(body, prepared), resolve=prepared.resolve)
        return keys[form]

    spoken: dict[str, list[Quote]] = {}
    for quote in quotes:
        actor = quote.speaker or (quote.speaker_role if quote.attributed_by == "none" else None)
        if actor and quote.kind != "scare":  # an unnamed speaker ("one resident") has a stance
            spoken.setdefault(key_of(actor), []).append(quote)
    datelines = [  # a dateline names a place, never an actor ("PORT VALANCE, Oct 3 (Reuters) -")
        (x.start, x.start + dateline_length(x.text))
        for x in prepared.sentences[:8]  # a wire may set summary points above its dateline
        if dateline_length(x.text)
    ]
    found = [
        (form, start)
        for form, start in prepared.mentions
        if not any(a <= start < b for a, b in datelines)
    ]
    found = _told_apart(found, text)
    taken = {start for _, start in found}
    for sentence in prepared.sentences:  # actors the reporter gives a stance verb, unquoted
        if sentence_role(prepared, sentence) != "body":
            continue  # "Minister rejects pipeline demands": a headline names no actor
        for form, at in stance_subjects(masked[sentence.start : sentence.end]):
            if form.split()[0].lower() in _NOT_LEADS:
                form, at = form.split(" ", 1)[-1], at + len(form.split(" ", 1)[0]) + 1
            lapse = _TIME_AFTER.match(form)
            if lapse:  # "Hours after Dornshire Council's planning committee approved …"
                form, at = form[lapse.end() :], at + lapse.end()
            start = sentence.start + at
            if start not in taken and speaker_problem(form, text) is None:
                found += _told_apart([(form, start)], text)
                taken.add(start)
    lead = _lead_agent(prepared)
    if lead is not None and lead[1] not in taken:
        found.append(lead)
    decider = _lead_decider(prepared)
    if (
        lead is not None
        and decider is not None
        and prepared.sentence_of(decider[1]) > prepared.sentence_of(lead[1])
        and _REACTION.match(text, decider[1] + len(decider[0]))
    ):
        # the lead's doer took the decision; a body that rejects or refuses after it
        # ("Veloria's foreign ministry rejected the measures") answers it
        decider = None
    if decider is not None and decider[1] not in taken:
        found.append(decider)
    mentions = sorted((start, start + len(form), key_of(form), form) for form, start in found)
    names = {key: form for _, _, key, form in mentions}
    by_sentence: dict[int, list[tuple[int, int, str, str]]] = defaultdict(list)
    by_key: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    for mention in mentions:
        by_sentence[prepared.sentence_of(mention[0])].append(mention)
        by_key[mention[2]].append(mention)
    title = prepared.article.title or ""
    first = first_sentence(prepared)
    development = f"{title} {first}".strip()

    def segments(key: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        narrative, subject = [], []
        for start, end, _, _ in by_key.get(key, ()):
            number = prepared.sentence_of(start)
            sentence = prepared.sentences[number - 1]
            here = [
                m
                for m in by_sentence[number]
                if m[2] != key and not (m[0] > start and _same_body(names[key], m[3], text))
            ]
            after = min((s for s, _, _, _ in here if s > start), default=sentence.end)
            before = max([sentence.start, *(e for _, e, _, _ in here if e <= start)])
            narrative.append(masked[start:after])
            subject.append(masked[before:end])
        for quote in spoken.get(key, ()):
            sentence = prepared.sentences[quote.sentence - 1]
            if len(quote.text.split()) < 4 and (
                sentence_role(prepared, sentence) != "body" or _standfirst(prepared, quote.sentence)
            ):
                continue  # "Maker rejects findings as regulator says it is 'monitoring'": a
                # headline's word of theirs; its verbs are others'
            if not any(m[2] != key for m in by_sentence.get(quote.sentence, ())):
                narrative.append(masked[sentence.start : sentence.end])
        return tuple(narrative), tuple(subject)

    forms: dict[str, set[str]] = defaultdict(set)
    for _, _, key, form in mentions:
        forms[key].add(form)
    for key, said in spoken.items():
        forms[key].update(q.speaker for q in said if q.speaker)
    accused = _accused(prepared, masked, forms)
    speaks_for = {
        key: _body_of(key, own, mentions, prepared, masked) for key, own in spoken.items()
    }
    role_bodies: dict[str, tuple[str, Quote]] = {}  # bodies named only in a speaker's role
    for key, own in spoken.items():
        body = role_body(next((q.speaker_role for q in own if q.speaker_role), "") or "")
        body = body or body_led_by(own[0].speaker or "", text)
        if not speaks_for[key] and body and person_name(own[0].speaker or "") is not None:
            speaks_for[key] = key_of(body)
            if (
                speaks_for[key] not in spoken
                and speaks_for[key] not in names
                and not portfolio_only(body)
            ):
                role_bodies.setdefault(speaks_for[key], (body, own[0]))
    doer = decider or lead
    if doer is not None:  # "said Chief Executive Sarah Nkemelu": of the body the story is about
        for key, own in spoken.items():
            # "chief executive; founder of Tide Café": the title before the name
            role = (own[0].speaker_role or "").split(";")[0].strip()
            if (
                not speaks_for[key]
                and key != key_of(doer[0])
                and _EXECUTIVE_TITLE.fullmatch(role)
                and person_name(own[0].speaker or "") is not None
                and not _owned_title(role, own[0].speaker or "", text)
            ):
                speaks_for[key] = key_of(doer[0])
    represented = set(speaks_for.values()) - {""}
    out = []
    for key in [
        *sorted(spoken, key=lambda k: (-len(spoken[k]), spoken[k][0].start)),
        *(k for k in names if k not in spoken),
    ]:
        narrative, subject = segments(key)
        own = spoken.get(key, [])
        agent = any(x is not None and key == key_of(x[0]) for x in (lead, decider))
        for_decider = not agent and any(  # one who speaks for it ("its chief executive")
            x is not None and speaks_for.get(key) == key_of(x[0]) for x in (lead, decider)
        )
        if (
            not own
            and not agent
            and key not in represented
            and reporter_cue(narrative) is None
            and passive_cue(subject) is None
            and not reported_words(narrative)
        ):
            continue  # named, but neither quoted, nor reported saying, nor given a stance
        if (
            not own
            and not agent
            and all(_AFTER_PREPOSITION.search(_before_name(x, forms[key])[-60:]) for x in subject)
        ):
            continue  # "residents of villages near Kelsby say": a place, not the speaker
        name = (
            (own[0].speaker or own[0].speaker_role) if own else _body_resolved(names[key], prepared)
        )
        if not own and name.split()[0].lower() in _NOT_LEADS and " " in name:
            name = name.split(" ", 1)[1]  # "About Brightwater Energy:" opens a boilerplate
        if not own and (lapse := _TIME_AFTER.match(name)):
            name = name[lapse.end() :]  # "Hours after Dornshire Council's … committee"
        name = actor_name(name, prepared)
        if name is None:
            continue
        if not own and re.match(r"(?:a|an|one|some)\s", name):
            continue  # "a team from the institute announced …": described, no one named
        if not own and re.fullmatch(r"(?i:(?:a|an|the)\s+)?spokes(?:man|woman|person)", name):
            continue  # a spokesperson speaks for a body: its stance is the body's row
        spokes = _BODY_SPOKESPERSON.fullmatch(name)
        if spokes:
            # "a council spokeswoman": the one council the article names speaks through her
            body = f"the {spokes['body'].lower()}"
            full = description_referent(body, prepared, prepared.resolve) or body
            if key_of(full) != key and (key_of(full) in spoken or key_of(full) in names):
                continue  # shown under the body's name already
            name = full
        described = _BODY_DESCRIPTION.fullmatch(name)
        if described and not own:
            # "The company", "THE firm": the one body the article names so, or no one
            head = described.group("head").lower()
            full = description_referent(f"the {head}", prepared, prepared.resolve)
            if full and full.lower() != name.lower():
                if key_of(full) in spoken or key_of(full) in names:
                    continue  # shown under its name already
                name = full  # else a body the article only describes keeps its words
            elif not full and head in _GENERIC_BODY_HEADS:
                continue  # "The organisation acknowledges …": a body named before, unsaid
        if not own and re.fullmatch(r"(?i:its|their)\s+[a-z-]+", name):
            continue  # "Its researchers observed …": people of a body named before
        if speaker_problem(name, text) is not None:
            continue
        out.append(
            StanceEvidence(
                name=name,
                role=next((q.speaker_role for q in own if q.speaker and q.speaker_role), ""),
                narrative=narrative,
                quotes=tuple(q.text for q in own),
                development=development,
                subject_segments=subject,
                headline=title,
                key=key,
                sentence=own[0].sentence if own else prepared.sentence_of(by_key[key][0][0]),
                accused=key in accused,
                speaks_for=speaks_for.get(key, ""),
                decided=agent,
                for_decider=for_decider,
            )
        )
    for key, (body, quote) in role_bodies.items():  # they share their member's stance
        if speaker_problem(body, text) is None:
            out.append(
                StanceEvidence(
                    name=body,
                    development=development,
                    headline=title,
                    key=key,
                    sentence=quote.sentence,
                    accused=key in accused,
                )
            )
    return out


def _told_apart(mentions: list[tuple[str, int]], text: str) -> list[tuple[str, int]]:
    """``(form, offset)`` mentions with a surname two people share named in full where the
    article tells who it is ("Cllr Pryce" -> "Gareth Pryce", "Mrs Pryce" -> "Sian Pryce"),
    and dropped where it does not: their stances are never pooled. Pure."""
    told = []
    for form, start in mentions:
        shared = surname_referent(form, text, start)
        if shared is None:
            told.append((form, start))
        elif shared:
            told.append((shared, start))
    return told


def _body_resolved(form: str, prepared: PreparedArticle) -> str:
    """The name a mention ``form`` resolves to (``PreparedArticle.resolve``), unless that
    drops the word that makes it a body ("The Marovian government" is not "Marovian")."""
    resolved = prepared.resolve(form)[0]
    if (
        DEMONYM.fullmatch(resolved)  # a people's adjective
        and resolved in form
        and form.split()[-1].lower() in _ORGANISATION_WORDS
    ):
        return re.sub(r"^(?i:the)\s+", "", form)
    return resolved


#: Words for a body that say nothing of what it is ("the organisation", "the group"): a
#: reference back to a body named before, never an actor of its own.
_GENERIC_BODY_HEADS = frozenset("organisation organization group body charity ngo".split())
#: A body described, not named ("The company", "THE firm", "the water regulator").
_BODY_DESCRIPTION = re.compile(
    r"(?i:the|its|their|a|an)\s+(?:[a-z-]+\s+){0,2}"
    rf"(?P<head>(?i:{word_alternation((_COMMERCIAL_HEADS | ORGANISATION_WORDS) - {'group'})}))"
)
#: A spokesperson named by the body's word alone ("a council spokeswoman", "The company
#: spokesman"): the body speaks.
_BODY_SPOKESPERSON = re.compile(
    r"(?i:(?:the|a|an)\s+)?"
    rf"(?P<body>(?i:{word_alternation((_COMMERCIAL_HEADS | ORGANISATION_WORDS) - {'group'})}))"
    r"\s+(?i:spokes(?:man|woman|person)|press\s+officer|representative)"
)
#: Words that may close an actor's phrase without naming anyone ("The council now puts …").
_ACTOR_TAIL = re.compile(r"\s+(?:now|today|yesterday|tonight|also|still|too|again|already|itself)$")
#: Words that make an actor's phrase a clause, not a name or a description: a pronoun, or
#: an article inside it ("herself a grandmother", "process the council").
_CLAUSE_WORDS = frozenset(
    "the a an herself himself itself themselves he she it they his her its their who which "
    "that said says".split()
)
#: Words that may stand lower-case inside a name ("Federation of Small Businesses").
_NAME_CONNECTORS = frozenset("of and the for on in at de du van von der la le & y".split())


#: A people's adjective with a point of the compass ("North Korean", "South African"): never
#: a person's name, unlike a lone word of that shape ("Brian", "Ryan").
_COMPASS_DEMONYM = re.compile(rf"(?:{'|'.join(sorted(COMPASS_WORDS))})\s+{DEMONYM.pattern}")


#: A tabloid's shouted adjective opening a sentence ("FURIOUS parents", "OUTRAGED fans").
_SHOUTED_ADJECTIVE = re.compile(
    r"[A-Z]{3,}(?:OUS|FUL|ED|ING|IVE|ANT|ENT|LESS|Y|ATE|IC)\s+(?=[a-z])"
)
#: A kind of body written before its name at a sentence's start ("Charity Asthma Relief UK
#: said", "Campaign group Save Our Pool", "Watchdog Ofpower").
_CLASS_BEFORE_NAME = re.compile(
    r"(?:Charity|Campaign\s+group|Pressure\s+group|Lobby\s+group|Watchdog|Regulator|Union|"
    r"Think\s+tank|Trade\s+body|Industry\s+body|Rights\s+group|Residents'\s+group|"
    r"Consumer\s+group)\s+(?=[A-Z])"
)


#: A time opening a sentence before its subject ("On Monday Mr Justice Harwood warned …",
#: "Last night the council …"): no part of the actor's name.
_TIME_OPENING = re.compile(
    r"^(?:on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?|last\s+(?:night|week|month|year)|"
    r"yesterday|earlier\s+today|this\s+(?:morning|afternoon|evening|week))\s*,?\s+(?=[A-Z])",
    re.IGNORECASE,
)


def actor_name(name: str, prepared: PreparedArticle) -> str | None:
    """The name a stance actor the reporter gives a stance (not a quoted speaker) is shown
    under, or None when the phrase names no one: a time word at its end is dropped ("The
    council now"), a spokesperson stands for the body ("A spokesperson for Veltrane" ->
    "Veltrane"), a description stands for the one person or body it refers to ("The
    Company", "the N.J. company" -> the company the article names) or for no one; a lone
    capitalised common noun ("Campaigners", "Company", "Out") and a clause ("herself a
    grandmother", "process the council") name no one. Pure."""
    found = _actor_name(_unshouted(name.strip()), prepared)
    # the name is looked up in full too ("Harwood" -> "On Monday Mr Justice Harwood")
    return _unshouted(_TIME_OPENING.sub("", found)) if found else found


def _unshouted(name: str) -> str:
    """``name`` without a tabloid's shouted adjective before a lower-case word ("FURIOUS
    parents" -> "parents"): the shout is tone, not the actor's name."""
    shout = _SHOUTED_ADJECTIVE.match(name)
    return name[shout.end() :] if shout and name[shout.end() :][:1].islower() else name


def _actor_name(name: str, prepared: PreparedArticle) -> str | None:
    """``actor_name`` of a name with no shouted adjective."""
    name = _ACTOR_TAIL.sub("", _TIME_OPENING.sub("", name))
    kind = _CLASS_BEFORE_NAME.match(name)
    if kind and len(name[kind.end() :].split()) >= 2:
        name = name[kind.end() :]  # "Charity Asthma Relief UK": the charity's name
    if _COMPASS_DEMONYM.fullmatch(name):
        return None  # "North Korean": a people's adjective, no actor
    if _news_outlet(name, prepared):
        return None  # "seen by The National Courier", "told RTC News": the press reports
    spokes = _SPOKESPERSON_FOR.fullmatch(name)
    if spokes:
        name = spokes.group("body")
    text = prepared.article.text
    words = name.split()
    if not words:
        return None
    lowered = [w for w in words[1:] if w[:1].islower() and w.lower() not in _NAME_CONNECTORS]
    # "The Company" (a press release's capital) is a description; "The Diocese of Westbury" a
    # name
    capital_head = (
        len(words) == 2
        and words[0].lower() == "the"
        and words[1].lower() in BODY_WORDS | _COMMERCIAL_HEADS
    )
    described = (
        words[0] in ("the", "a", "an")
        or (words[0] in ("The", "A", "An") and (lowered or capital_head))
        or words[-1][:1].islower()
        or bool(lowered)
    )
    if described:
        phrase = " ".join(w.lower() if w[:1].isupper() and not w.isupper() else w for w in words)
        if words[0].lower() not in ("the", "a", "an"):
            phrase = f"the {phrase}"
        referent = description_referent(phrase, prepared, prepared.resolve)
        if referent is None and len(words) > 1 and words[-1][:1].islower():
            # "the Emberton, N.J. company": its head alone ("the company")
            referent = description_referent(f"the {words[-1]}", prepared, prepared.resolve)
        body_head = words[-1].lower() in BODY_WORDS | _COMMERCIAL_HEADS | _ORGANISATION_WORDS
        # never a body's description resolved to its chair ('Halbrook Pharmaceuticals' is a
        # body: a business's word ends it)
        chair = person_name(referent) == referent if referent is not None else False
        if chair and referent is not None:
            chair = referent.split()[-1].lower().strip(
                ".,"
            ) not in _FIRM_WORDS | BODY_WORDS and not _shows_trade(referent, words[-1].lower())
        if referent is not None and not (body_head and chair):
            return referent
        inner = [w.lower() for w in words[1:]]
        if set(inner) & _CLAUSE_WORDS or words[0].lower() in _CLAUSE_WORDS - {"the", "a", "an"}:
            return None  # "herself a grandmother", "process the council": a clause
        return name  # "the minister", "Veloria's foreign ministry": a description
    if len(words) == 1 and name.lower() in BODY_WORDS | _COMMERCIAL_HEADS:
        # "Council", "Company": the one body of that kind the article names, or as written
        return description_referent(f"the {name.lower()}", prepared, prepared.resolve) or name
    if (
        len(words) == 1
        and name[:1].isupper()
        and not name.isupper()
        and not _stands_as_name(name, text)
    ):
        # "the District" of "Pine Hollow Unified School District": the body it ends; else no
        # one ("Campaigners dispute …", "Out of caution, …", "State Local Government …")
        body = description_referent(f"the {name.lower()}", prepared, prepared.resolve)
        ends = (
            body is not None
            and body.split()[-1].lower() == name.lower()
            and re.search(rf"{re.escape(body)}(?![ \t]+[A-Z])", text) is not None
        )  # a whole name ending in the word, not "State Local" of "… Local Government …"
        return body if ends and person_name(body) != body else None
    return name


def _news_outlet(name: str, prepared: PreparedArticle) -> bool:
    """Whether ``name`` is a news outlet that reports the story rather than takes part in it:
    the article's own outlet (unless the headline opens with it as the doer, as a press
    release's issuer: "Larkwell Water announces …", or its name is a body's, "Harwick Pier
    Trust", as an issuer's is), or a capitalised name ending in a word
    of news outlets (``NEWS_OUTLET_WORDS``: "RTC News", "The National Courier", "Harbour
    Radio") that the headline and the first sentence do not name (an outlet the story is
    about takes part)."""
    words = re.findall(r"[\w’'&-]+", name)
    if not words or not words[-1][:1].isupper():
        return False
    own = prepared.article.outlet or ""
    if own and name.lower().removeprefix("the ") in own.lower():
        # a press release's issuer is its outlet, and the doer its headline opens with; a
        # body's name ("Harbour Pier Trust") issues a release, a paper's reports
        issuer = (
            words[-1].lower() in _ORGANISATION_WORDS and words[-1].lower() not in NEWS_OUTLET_WORDS
        )
        return not issuer and not _headline_subject(name, prepared)
    if words[-1].lower() not in NEWS_OUTLET_WORDS:
        return False
    title = prepared.article.title or ""
    first = next((x.text for x in prepared.sentences if x.text != title), "")
    bare = re.sub(r"^the\s+", "", name, flags=re.I)
    return bare.lower() not in f"{title} {first}".lower()


def _stands_as_name(word: str, text: str) -> bool:
    """Whether a one-word name is written somewhere as a name on its own: capitalised inside
    a sentence, with no capitalised word next to it, and never written in lower case (a
    common noun opening a sentence, or a word of a longer name, is no name)."""
    if re.search(rf"\b{re.escape(word.lower())}\b", text):
        return False
    for found in re.finditer(rf"\b{re.escape(word)}\b", text):
        before = text[max(0, found.start() - 30) : found.start()]
        after = text[found.end() : found.end() + 30]
        opening = re.search(r"(?:^|[.!?:]\s+|\n\s*(?:[>*#-]+\s*)?)[\"“‘']?$", before)
        if re.match(r"\s+[A-Z]", after):
            continue  # a word of a longer name: "State Local Government Minister"
        titled = re.search(r"([A-Z][\w’'.-]*)\s+$", before)
        if titled and titled.group(1).lower().rstrip(".") in HONORIFICS | TITLE_WORDS:
            return True  # "Lord Patel", "Sen. Ortiz": a surname after a title
        if opening or titled:
            continue
        return True
    return False


#: A body named in a role: "president of the Millbrook Dog Owners Alliance", "chair of
#: Garrow Hill Quiet Nights", or before the role word: "Saltney Traders' Association secretary".
_ROLE_BODY_AFTER = re.compile(
    r"\b(?:of|for|at)\s+(?:the\s+)?(?P<body>[A-Z][\w’'&.-]*(?:\s+(?:of|and|for|the|&|on|"
    r"[A-Z][\w’'&.-]*))*(?:(?:(?<=Local)|(?<=Lodge)|(?<=Branch)|(?<=Chapter)|(?<=Post))\s+\d+(?![\d,.]))?)"
    # "United Steelworkers Local 4412", "American Legion Post 12": the number is the name's
)
_ROLE_BODY_BEFORE = re.compile(r"^(?:the\s+)?(?P<body>(?:[A-Z][\w’'&.-]*\s+){1,6}?)[a-z]")


#: Words of a government portfolio or a tier, which name no one body without whose it is
#: ('Foreign Ministry', 'Health Department', 'Regional Council').
_PORTFOLIO_WORDS = frozenset(
    """foreign defence defense health interior home finance justice education transport
    environment treasury economy economic trade labour labor energy culture agriculture
    communications information press public national regional local federal central state
    city county district""".split()
)


def portfolio_only(body: str) -> bool:
    """True for a body named only by a portfolio or tier and an organisation word ("Foreign
    Ministry", "Health Department", "City Council"): whose it is is left unsaid, so it is no
    row of its own beside the officer who speaks for it."""
    words = [w.lower().strip(".,") for w in body.split()]
    return bool(words) and all(w in _PORTFOLIO_WORDS | _ORGANISATION_WORDS for w in words)


def role_body(role: str) -> str | None:
    """The named body a speaker's role says they serve, as written, or None: a capitalised
    phrase after "of", "for" or "at" ("president of the Millbrook Dog Owners Alliance" gives
    "Millbrook Dog Owners Alliance", "Managing Director of Westbury Metro" gives "Westbury
    Metro"), or before the role's first lower-case word when it ends in a word of
    organisations ("Saltney Traders' Association secretary"). A phrase of one word that
    names no organisation ("Mayor of London") and a title ("Secretary of State") are no
    body. Pure."""
    if not _SPEAKS_FOR_OFFICE.search(role):
        return None  # "a professor at Ardenford University" speaks for herself
    for found in _ROLE_BODY_AFTER.finditer(role):
        body = re.sub(r"(?:\s+(?:of|and|for|the|&|on))+$", "", found.group("body")).strip(" .,")
        words = body.split()
        if words[0].lower() in ROLE_WORDS:
            continue  # "Director of Primary Care Services": a title, its body further on
        last = words[-1].lower().removesuffix("’s").removesuffix("'s")
        if len(words) >= 2 or last in _ORGANISATION_WORDS:
            return body
    found = _ROLE_BODY_BEFORE.match(OPENING_CONNECTIVE.sub("", role))
    if found:
        body = found.group("body").strip()
        words = body.split()
        if len(words) >= 2 and words[-1].lower() in _ORGANISATION_WORDS:
            return body
    return None


def body_led_by(speaker: str, text: str) -> str | None:
    """The named body a relative clause after the speaker's name says they lead, as written,
    or None: "Margaret Hollis, who chairs the Eastvale Beekeepers' Association" gives
    "Eastvale Beekeepers' Association"; "…, who is the president of the Kelmouth Rowing
    Club" gives "Kelmouth Rowing Club". The body is capitalised words ending in a word of
    organisations, or three capitalised words or more ("Garrow Hill Quiet Nights"). Pure."""
    if person_name(speaker) is None:
        return None
    found = re.search(
        rf"{re.escape(speaker)}[^.;:“”\"]{{0,40}}?,\s+who\s+{_LEADS_BODY}\s+(?:the\s+)?"
        r"(?P<body>(?:[A-Z][\w’'&-]*\s+(?:(?:of|and|for|the)\s+)*)*[A-Z][\w’'&-]*)",
        text,
    )
    if not found:
        return None
    body = found.group("body")
    last = body.split()[-1].lower().removesuffix("’s").removesuffix("'s")
    capitals = [w for w in body.split() if w[:1].isupper()]
    return body if last in _ORGANISATION_WORDS or len(capitals) >= 3 else None


#: What a person does for a body they speak for, in a relative clause after their name ("…,
#: who chairs the …", "…, who is the president of …", "…, who founded …").
_LEADS_BODY = (
    r"(?:chairs|heads|leads|runs|founded|co-founded|represents|speaks\s+for|directs|"
    r"(?:is|was)\s+(?:the\s+)?(?:chair\w*|president|director|secretary|head|leader|founder|"
    r"spokes\w+|chief\s+executive)\s+(?:of|for|at))"
)


#: Offices whose holder speaks for their body (a chair, a director, a spokesperson), unlike an
#: expert who works there (a professor, an analyst, a researcher).
_SPEAKS_FOR_OFFICE = re.compile(
    r"\b(?:president|chair\w*|director|secretary|spokes\w*|chief|executive|leader|head|"
    r"manager|founder|co-founder|organi[sz]er|coordinator|convenor|convener|governor|"
    r"commissioner|boss|owner|principal|officer|representative|treasurer)\b",
    re.I,
)


#: Words that make a capitalised name a business or an institution (``vocabulary``).
_ORGANISATION_WORDS = ORGANISATION_WORDS


def _lead_agent(prepared: PreparedArticle) -> tuple[str, int] | None:
    """The body that opens the article's first sentence as the doer of what happened
    ("Valdoria's electoral commission on Tuesday postponed…", "Harbour council approved…"),
    past a wire dateline, as ``(phrase as written, offset)``: capitalised words, "of", "the",
    possessives and lower-case body words, ending in a word of organisations
    (``_ORGANISATION_WORDS``), then a lower-case word (its verb). None where the first
    sentence opens with anything else (people, a thing, an event, "A hospital cleaner…")."""
    title = prepared.article.title or ""
    first = next((x for x in prepared.sentences if x.text != title), None)
    if first is None:
        return None
    text = prepared.article.text[first.start : first.end]
    skip = dateline_length(text)
    words: list[tuple[str, int]] = []
    after = ""
    for match in re.finditer(r"[\w’'&.-]+", text[skip:]):
        word = match.group()
        bare = word.lower().removesuffix("’s").removesuffix("'s")
        possessed = bool(words) and words[-1][0].endswith(("’s", "'s"))
        modifier = (
            bool(words)
            and word.isalpha()
            and word.islower()
            and not word.endswith(("ed", "es"))
            and len(words) < 5
            # "Independent commission finds club hid …": past a body's head word, a verb
            and words[-1][0].lower() not in _ORGANISATION_WORDS
        )
        if (
            word[:1].isupper()
            or bare in ("the", "of", "district")
            or bare in _ORGANISATION_WORDS
            or ((possessed or modifier) and _head_follows(text, skip + match.end()))
        ):
            words.append((word, skip + match.start()))
            continue
        after = word
        break
    if not words or not after.islower() or len(words) > 7:
        return None
    last = words[-1][0].lower().strip(".,")
    if words[0][0].lower() in _NOT_LEADS or last not in _ORGANISATION_WORDS | {"district"}:
        return None
    phrase = text[words[0][1] : words[-1][1] + len(words[-1][0])]
    if speaker_problem(phrase, prepared.article.text) is not None:
        return None
    return phrase, first.start + words[0][1]


_BODY_PHRASE = (
    r"(?!(?:and|of|for)\s)(?:(?:the|its|their)\s+)?(?:[A-Z][\w’'&-]*\s+|of\s+|the\s+|and\s+|"
    r"for\s+(?=[A-Z])|"  # "the Department for Families' decision"
    r"[a-z]+[’']s\s+(?:[a-z]+\s+)?)*?"  # "The authority's transport committee approved …"
    r"[\w-]+(?:\.(?=,))?"  # "Quillstream Inc., the payroll company, said …"
)
#: Verbs a body takes a decision or acts with, as the lead reports it.
_ACTS = (
    rf"{DECISION_VERBS}|imposed|introduced|announced|launched|awarded|closed|suspended|"
    r"revoked|fined|withdrew|pulled|axed|cut|raised|removed|shut|sold|dropped|declared|"
    r"confirmed|unveiled|opened|signed|sacked|fired|dismissed|ended|halted|paused|froze|"
    r"blocked|vetoed|expelled|evicted|terminated|postponed|delayed|certified|lifted|"
    r"reversed|demolished|merged|ditched|shelved|slashed|hiked|increased|reduced|"
    r"restricted|replaced|recalled|charged|sued|appointed|ousted|benched|evacuated|"
    r"authori[sz]ed|sanctioned|permitted|allowed|issued|downgraded|relegated|deducted|"
    r"served|extended|renewed"
)
#: What may stand between a body and its act in a lead: a day, a time, a vote count, an
#: adverb of how it was done, an auxiliary ("voted 4-3 Monday night to", "on Tuesday
#: unanimously approved", "have sacked").
_WHEN = (
    r"(?:(?:(?:on|last|this|late|early)\s+\w+|(?:today|yesterday|tonight|now)|"
    r"(?:unanimously|narrowly|formally|provisionally|quietly|finally)|(?:has|have|had)|"
    r"\d+\s*[-–]\s*\d+|[A-Z][a-z]+day(?:\s+(?:night|morning|evening|afternoon))?)\s+){0,3}"
)
#: The base forms of ``_ACTS`` a lead gives what a body will do ("Brennwerk will close its
#: Kessling plant", "The board is to scrap …").
#: What a body says it will do in answer to another's decision, not a decision of its own
#: ("The Farmers' Guild said it would seek talks", "… it will challenge the ruling").
_ANSWERING = (
    r"ask|seek|call|press|lobby|challenge|appeal|fight|contest|consider|study|review|respond|"
    r"meet|write|urge|campaign|oppose|protest|ballot|request|demand|continue\s+to\s+press|"
    r"keep\s+(?:pressing|fighting)|take\s+legal|explore|look\s+at|monitor|support|help"
)
_WILL_ACT = (
    r"approve|ban|close|cut|raise|end|shut|sell|scrap|axe|suspend|merge|introduce|impose|"
    r"remove|demolish|cancel|withdraw|drop|expel|evict|sack|fire|lay\s+off|fine|award|open|"
    r"halt|pause|freeze|block|veto|terminate|postpone|delay|lift|reverse|replace|recall|"
    r"shelve|slash|hike|increase|reduce|restrict|charge|sue|appoint|relocate|move|build|"
    r"hand\s+back|return|eliminate|outsource|privati[sz]e|nationali[sz]e|take\s+over|buy|"
    r"acquire|reopen|rename|require|allow|permit|stop|convert|transfer"
)


def _progressive(verb: str) -> str:
    """The -ing form of one alternative of ``_WILL_ACT`` ('close' -> 'closing', 'cut' ->
    'cutting', 'lay\\s+off' -> 'laying\\s+off')."""
    head, sep, rest = verb.partition("\\s+")
    if head.endswith("el"):
        head = head + "l?ing"  # cancelling, canceling; expelling
    elif head.endswith("e") and not head.endswith(("ee", "ie")):
        head = head[:-1] + "ing"
    elif re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", head):
        head = head + head[-1] + "ing"  # ban, cut, shut, scrap, drop, stop
    else:
        head += "ing"
    return head + sep + rest


#: What a body is doing as the lead reports it ("is recalling", "are closing").
_ACTING = "|".join(_progressive(v) for v in _WILL_ACT.split("|"))
#: A body's initials in brackets after its name ("The Power Pricing Authority (PPA) on …").
_INITIALS = r"(?:\s*\([A-Z][A-Za-z&]{1,9}\))?"
_DECIDER = (
    # "… after Kestrel Bay Council approved the levy", "an ordinance the City Council approved"
    re.compile(
        rf"\b(?:after|when|as|once|that|which)?\s*(?P<body>{_BODY_PHRASE}){_INITIALS}"
        r"(?:,\s+(?:the|a|an)\s+[^,;]{1,120},)?\s+"  # "Hollins Bakers, the family firm …,"
        rf"{_WHEN}(?:{_ACTS})\b"
    ),
    # "Marcus Delacroix was provisionally suspended Tuesday after …, the Continental
    # Athletics Integrity Unit announced", "Scooters will be banned from …, Qasr Al Bahr
    # Municipality announced": who announces a decision given in the passive
    re.compile(
        rf"\b(?:was|were|been|be)\s+(?:\w+ly\s+)?(?:{_ACTS})\b[^.;!?]*,\s+"
        rf"(?P<body>{_BODY_PHRASE})\s+(?:announced|said|confirmed|says|announces)\b"
    ),
    # "Kestle Birth Centre will stop admitting women at night from 1 March, Kestle and Arden
    # Hospitals Trust said": who announces what it will do, after the lead's clause
    re.compile(
        rf"\b(?:will|is\s+to|are\s+to)\s+(?:\w+ly\s+)?(?:{_WILL_ACT})\b[^.;!?]*,\s+"
        rf"(?P<body>{_BODY_PHRASE}){_INITIALS}\s+(?:(?:has|have)\s+)?"
        r"(?:said|announced|confirmed|says|announces)\b"
    ),
    # "The appliance maker Brennwerk will close its Kessling factory"
    re.compile(
        rf"\b(?P<body>{_BODY_PHRASE}){_INITIALS}\s+(?:(?:on|last|this)\s+\w+\s+)?"
        rf"(?:will|is\s+to|are\s+to|plans\s+to|plan\s+to|intends\s+to|wants\s+to)\s+"
        rf"(?:now\s+|also\s+)?(?:{_WILL_ACT})\b"
    ),
    # "Brightmere Home Appliances is recalling about 48,000 of its air fryers"
    re.compile(
        rf"\b(?P<body>{_BODY_PHRASE}){_INITIALS}\s+(?:is|are)\s+(?:now\s+|also\s+)?"
        rf"(?:{_ACTING})\b"
    ),
    # "The Halbrook Museum is to hand back …", "Quillstream Inc. … said Tuesday it will lay
    # off …", "The club has agreed to sell …": the body says what it will do
    re.compile(
        rf"\b(?P<body>{_BODY_PHRASE}){_INITIALS}(?:,[^,;]{{1,120}},)?\s+"
        r"(?:(?:is|are)\s+(?:to|set\s+to|planning\s+to|preparing\s+to)"
        r"|(?:has|have)\s+(?:decided|agreed|voted|chosen|opted)\s+to"
        r"|(?:said|says|announced|confirmed)(?:\s+(?:on\s+)?\w+day)?\s+(?:that\s+)?(?:it|they)"
        r"\s+(?:will|would|is\s+to|are\s+to|plans?\s+to))\s+"
        rf"(?!(?:{_ANSWERING})\b)[a-z]"
    ),
    # "… approved by Ashvale District Council", "a ban imposed by the harbour board"
    re.compile(
        rf"\b(?:{_ACTS})\s+(?:\d+\s*[-–]\s*\d+\s+)?"  # "approved 6-1 Thursday by"
        r"(?:(?:on|last|this|late|early)\s+\w+\s+|(?:today|yesterday)\s+|[A-Z][a-z]+day\s+)?"
        r"by\s+(?P<body>(?:the\s+)?(?:(?:state|federal|city|county|provincial|regional|national|"
        r"local|district|town|borough)\s+)?"  # "by the state Transportation Commission"
        r"(?:[A-Z][\w’'&-]*\s+(?:(?:of|and|the)\s+)*)*[A-Z][\w’'&-]*)"
    ),
    # "a decision by Garda management to close …", "The decision was made at 2:40 p.m. by
    # the Cassel Valley Emergency Management Agency"
    re.compile(
        r"\b(?:decision|move|order|vote|ruling|call|plan)\s+(?:was\s+|had\s+been\s+)?"
        r"(?:(?:made|taken|announced|approved)\s+(?:[^,;]{0,30}?\s+)?)?by\s+"
        rf"(?P<body>{_BODY_PHRASE}){_INITIALS}(?=\s+(?:to|on|in|at|after|last|this)\b|[,.;])"
    ),
    # "the licensing committee of Vale of Brook Council refused …": the council decided
    re.compile(
        r"\b(?:(?:the|a|its)\s+)?(?:[a-z-]+\s+){0,2}(?:committee|sub-?committee|panel|board|"
        r"cabinet)\s+of\s+(?P<body>(?:the\s+)?(?:[A-Z][\w’'&-]*\s+(?:(?:of|and|the)\s+)*)*"
        rf"[A-Z][\w’'&-]*)\s+{_WHEN}(?:{_ACTS})\b"
    ),
    # "Sedgeford Town Council is facing accusations that …", "the trust has come under fire
    # for …": the body the story holds to account did what happened
    re.compile(
        rf"\b(?P<body>{_BODY_PHRASE}){_INITIALS}\s+(?:is|are|has\s+been|have\s+been)\s+"
        r"(?:facing|under)\s+(?:(?:growing|mounting|fierce|fresh|heavy|strong)\s+)?"
        r"(?:accusations|criticism|calls|a\s+backlash|backlash|fire|pressure|questions|anger|"
        r"legal\s+action|a\s+legal\s+challenge)\b"
    ),
    # "The Schools Standards Office report, published on Friday, says …": the body whose
    # report, ruling or inspection the story is
    re.compile(
        rf"\b(?P<body>{_BODY_PHRASE}){_INITIALS}(?:[’']s)?\s+(?:report|inspection|ruling|"
        r"audit|review|investigation|judgment|judgement|verdict)(?:,[^,;]{1,80},)?\s+"
        r"(?:says|said|found|finds|concluded|concludes|rated|rates|ruled|rules)\b"
    ),
    # "Fernley Borough Council's new rule", "the board's decision"
    re.compile(
        rf"(?P<body>{_BODY_PHRASE})(?:[’']s|(?<=s)[’'])\s+(?:(?:new|latest|controversial|proposed|"
        r"planned|surprise|own)\s+)?(?:rule|rules|ban|decision|plan|plans|policy|ordinance|"
        r"scheme|order|move|proposal|proposals|vote|ruling|cuts|closure|levy|fine|charge)\b"
    ),
)
#: A body described by who made it ("a panel appointed by", "the tribunal set up by"): the
#: maker after "by" is not the one that acted.
_MADE_BY = re.compile(
    r"\b(?P<noun>[a-z]+)\s+(?:appointed|established|convened|created|formed|commissioned|"
    r"funded|set\s+up|run|chaired|led)\s+(?:\w+\s+){0,2}?by\s+$"
)
#: Nouns for a body set up to judge or look into something ("the panel appointed by …").
_PANELS = frozenset("panel inquiry review body experts investigator investigators".split())
#: How many of the article's first body sentences may name the decider.
DECIDER_SENTENCES = 4


def _lead_decider(prepared: PreparedArticle) -> tuple[str, int] | None:
    """The body the lead says took the decision or did what happened, as ``(phrase as
    written, offset)``, from the first ``DECIDER_SENTENCES`` body sentences: "… after Kestrel
    Bay Council approved the levy", "an ordinance the City Council approved 6-3", "The City
    Commission voted 4-1 to award…", "a ban imposed by the harbour board", "Fernley Borough
    Council's new rule". The phrase ends in a word of organisations. None without one."""
    title = prepared.article.title or ""
    text = prepared.article.text
    body = [
        x for x in prepared.sentences if x.text != title and sentence_role(prepared, x) == "body"
    ]
    for sentence in body[:DECIDER_SENTENCES]:
        # who announces what will be done or was done ("The Mercer Library will close …, the
        # university has confirmed") comes before the subject of the lead's verb
        hits = sorted(
            (index not in (1, 2), found.start("body"), found.group("body"))
            for index, pattern in enumerate(_DECIDER)
            for found in pattern.finditer(text, sentence.start, sentence.end)
        )
        for _, start, phrase in hits:
            phrase = phrase.strip()
            if re.search(r"\b(?:in|near|outside|across)\s+$", text[max(0, start - 12) : start]):
                continue  # "Election officials in Port Ellery … ordered": a place, no decider
            made = _MADE_BY.search(text, max(0, start - 60), start)
            if made and made.group("noun").lower() in _ORGANISATION_WORDS | _PANELS:
                continue  # "the commission appointed by the league": the commission decided
            last = phrase.split()[-1].lower().removesuffix("’s").removesuffix("'s").rstrip(".")
            of_body = re.search(r"\b(\w+)\s+(?:of|for)\s+[A-Z]", phrase)  # "Museum of World …"
            members = _MEMBERS.get(last)
            if members and len(phrase.split()) <= 2:
                # "after councillors voted to …": the council the article names
                full = description_referent(f"the {members}", prepared, prepared.resolve)
                named = set(re.findall(rf"(?:[A-Z][\w’'-]+\s+)+{members.capitalize()}\b", text))
                if (
                    full
                    and full.split()[-1].lower() == members
                    and len(named) <= 1  # two councils: which one voted is not said
                    and speaker_problem(full, text) is None
                ):
                    at = text.find(full)
                    return full, at if at >= 0 else start
                continue
            if (
                last not in _ORGANISATION_WORDS | {"selectmen", "board", "management", "leadership"}
                and not (of_body and of_body.group(1).lower() in _ORGANISATION_WORDS)
                and not _named_business(text, start, phrase)
                and not _headline_subject(phrase, prepared)
                and not _headline_short_form(phrase, prepared)
            ):
                continue
            phrase = re.sub(r"[’']s$", "", phrase)  # "… by Fenmouth City Council’s planning …"
            owner = re.match(r"(?P<owner>.+?)[’']s\s+[a-z][\w\s-]*$", phrase)
            if owner and owner.group("owner").split()[-1].lower() in _ORGANISATION_WORDS:
                phrase = owner.group("owner")  # "Brackley Borough Council's cabinet"
            named = re.sub(r"^(?:(?:the|its|their)\s+)?(?:[a-z]+[’']s\s+)?", "", phrase)
            trade = _TRADE_OPENING.match(named)
            if trade and re.fullmatch(_TRADE, trade["lower"] or trade["first"], re.I):
                named = named[trade.end() :]  # "Drugmaker Corvane Pharma": the name
            run = re.fullmatch(r"(?:The\s+)?(?P<name>(?:[A-Z][\w’'&-]*\s+)+)[a-z]+", named)
            if run and run.group("name").split()[-1].lower() in _ORGANISATION_WORDS | {"district"}:
                named = run.group("name").strip()  # "the … School District board": the district
            named = re.sub(r"^(?:[A-Z][a-z]+\s+)?(?:after|when|as|once|that|which)\s+", "", named)
            # "the state Transportation Commission": the level of government is no name
            named = re.sub(
                r"^(?:state|federal|city|county|provincial|regional|national|local|district|"
                r"town|borough)\s+(?=[A-Z])",
                "",
                named,
            )
            if not re.sub(r"^The\s+", "", named)[:1].isupper():
                # "The authority's transport committee": the one body the article names so
                head = phrase.split()[-1] if len(phrase.split()) <= 3 else ""
                full = description_referent(f"the {head.lower()}", prepared, prepared.resolve)
                if (
                    head
                    and full
                    # a body, not a person: "the university" is "University of Halsworth"
                    and head.lower() in (full.split()[-1].lower(), _of_head(full))
                    and speaker_problem(full, text) is None
                ):
                    at = text.find(full)
                    return full, at if at >= 0 else start
                continue
            if speaker_problem(named, text) is not None and named.startswith("The "):
                named = named[4:]  # "The Marovian government" reads as a clause opening
            if speaker_problem(named, text) is None:
                return named, start + phrase.index(named)
        official = _official_announcer(prepared, sentence)
        if official is not None:
            return official
    return None


def _of_head(name: str) -> str:
    """The head of a body's name written "<Head> of <Place>" ("University of Halsworth" gives
    "university"), in lower case, or ""."""
    m = re.fullmatch(r"(?:The\s+)?([A-Z][a-z]+)\s+of\s+[A-Z].*", name)
    return m.group(1).lower() if m else ""


#: The official who announces after the lead's clause what will be or was done ("Fares will
#: double from June 1, Minister of Works and Transport Sherwin Rampersad confirmed").
_OFFICIAL_ANNOUNCER = re.compile(
    r"\b(?:will|was|were|been|is\s+to|are\s+to)\s+[^;!?]*?,\s+"
    r"(?P<who>[A-Z][^,;:!?“”\"]{3,100}?)\s+(?:announced|confirmed|said|says|announces|confirms)\b"
)


def _official_announcer(prepared: PreparedArticle, sentence: Sentence) -> tuple[str, int] | None:
    """The one person an official title opens, announcing at the end of ``sentence`` what
    the lead's clause says will be done, as ``(name, offset)`` (a speaker mention,
    ``PreparedArticle.mentions``); None otherwise."""
    for found in _OFFICIAL_ANNOUNCER.finditer(prepared.article.text, sentence.start, sentence.end):
        lo, hi = found.span("who")
        titled = any(
            part in ROLE_NOUNS - {"member"}
            for word in found.group("who").split()[:-2]
            if word[:1].isupper()
            for part in word.lower().strip("().").split("-")
        )  # "Vice-Provost (Students) Dr. Sandra Ilunga", "Minister of Works … Rampersad"
        if not titled:
            continue
        people = [
            (name, at)
            for name, at in prepared.mentions
            if lo <= at < hi and len((person_name(name) or "").split()) >= 2
        ]
        if len(people) == 1:
            return people[0]
    return None


#: A body's verb that answers another's decision rather than taking one ("… rejected the
#: measures", "… on Tuesday refused to comply").
_REACTION = re.compile(
    r"(?:\s+(?:on|last|this)\s+\w+|\s+(?:has|have|had|swiftly|quickly|immediately|angrily))*"
    r"\s+(?:rejected|refused|denied|dismissed|condemned|criticised|criticized|protested)\b"
)


#: Members whose vote is their body's decision ("after councillors voted to …").
_MEMBERS = {
    "councillors": "council", "councilors": "council", "trustees": "trust",
    "commissioners": "commission", "governors": "board", "directors": "board",
    "ministers": "government", "selectmen": "board", "supervisors": "board",
}  # fmt: skip


#: Words after a headline's opening name that make it no doer ("X says …", "X and Y …").
_NO_DEED = frozenset("says said is are was were and or of".split())


#: A headline's "announces" followed by what is announced, not by a clause ("announces
#: temporary use ban", "unveils £2m plan"; not "announces that", "confirms troops were …").
_ANNOUNCES_MEASURE = re.compile(
    r"\s+(?:to\s+)?(?:announc\w*|unveil\w*)\s+(?!that\b|it\b|they\b|he\b|she\b|we\b)"
    r"(?:(?:an?|the|its|their|new|\S*\d\S*|[a-z-]+)\s+){0,4}?"
    r"(?:ban|bans|plan|plans|cuts?|rise|rises|increase|closure|closures|levy|charge|charges|"
    r"fee|fees|tax|policy|scheme|restrictions?|measures?|suspension|freeze|review|changes|"
    r"deal|takeover|merger|redundancies|layoffs|job\s+cuts|recall|programme|program)\b",
    re.I,
)


#: A headline's verb of a deed in the present ("recalls", "closes", "axes", "lays off").
_HEADLINE_DEED = re.compile(
    r"\s+(?:"
    + "|".join(
        v + ("es" if re.search(r"(?:s|sh|ch|x|z|o)$", v) else "s")
        for v in _WILL_ACT.split("|")
        if "\\s+" not in v
    )
    + r")\b"
)


def _headline_short_form(phrase: str, prepared: PreparedArticle) -> bool:
    """Whether the headline opens with the first word of the name ``phrase`` as the doer of
    a deed ("Brightmere recalls 48,000 air fryers" over "Brightmere Home Appliances is
    recalling …"): a short form of a business's name."""
    words = re.sub(r"^(?:the|its|their)\s+", "", phrase.strip(), flags=re.I).split()
    if len(words) < 2 or not words[0][:1].isupper() or words[0].lower() in _NOT_LEADS:
        return False
    title = prepared.article.title or ""
    return title.startswith(words[0]) and bool(_HEADLINE_DEED.match(title, len(words[0])))


def _headline_subject(phrase: str, prepared: PreparedArticle) -> bool:
    """Whether a headline line of the article (its title or a standfirst) opens with the
    name ``phrase`` as the subject of what happened ("Velmora expels Astrian ambassador",
    "Norvik Line slaps surcharge on …"), not of a speech verb: the doer the story is about,
    though its name holds no word of organisations."""
    bare = re.sub(r"^(?:the|its|their)\s+", "", phrase.strip(), flags=re.I)
    if len(bare) < 3 or not bare[:1].isupper() or bare.split()[0].lower() in _NOT_LEADS:
        return False
    if bare.lower() in PRONOUNS or re.search(r"[’']s$", bare):
        return False
    lines = [prepared.article.title or ""] + [
        x.text for x in prepared.sentences[:3] if sentence_role(prepared, x) == "headline"
    ]
    for line in lines:
        if not line.startswith(bare):
            continue
        rest = line[len(bare) :]
        verb = re.match(r"\s+(?:to\s+|will\s+|has\s+|have\s+)?([a-z]+)\b", rest)
        if verb and (
            verb.group(1) not in SPEECH_VERB_FORMS | _NO_DEED
            # "Larkwell Water announces temporary use ban": announcing a measure is a deed
            or _ANNOUNCES_MEASURE.match(rest)
        ):
            return True
    return False


#: A company's legal suffix ("Quellmark Semiconductor Corp", "Veltra Holdings plc").
_LEGAL_SUFFIX = re.compile(
    r"\b(?:Corp|Corporation|Inc|Ltd|Limited|plc|PLC|LLC|LLP|AG|SA|SE|NV|GmbH|Holdings|Co)\.?$"
)
#: A trade ("maker", "chipmaker", "housebuilder", "airline"), as set before a name.
_TRADE = rf"(?:{word_alternation(_COMMERCIAL_HEADS)}|\w+makers?|\w+builders?)"
#: A trade or those who run a business, set before its name ("the appliance maker
#: Brennwerk", "chipmaker Quellmark", "Bosses at Channel Meridian", "letting agents
#: Crestmoor Lettings").
_TRADE_BEFORE = re.compile(
    rf"\b(?:{_TRADE}|(?:bosses|executives|chiefs|managers|directors|owners|agents)"
    r"(?:\s+(?:at|of))?)\s+$",
    re.I,
)
#: The word that may be a trade opening a body's phrase, not part of its name: its first
#: word ("Drugmaker Corvane Pharma"), or a lower-case word after it ("Supermarket chain
#: Pellmarket"); a capitalised second word is the name's ("Harbour Group Holdings").
_TRADE_OPENING = re.compile(
    r"(?:The\s+)?(?:(?:[A-Z][a-z]+\s+)?(?P<lower>[a-z]+)|(?P<first>[A-Z][a-z]+))\s+(?=[A-Z])"
)


def _named_business(text: str, start: int, phrase: str) -> bool:
    """Whether ``phrase`` (at ``start`` of ``text``) names a business, though no word of
    organisations ends it: a legal suffix ("Quellmark Semiconductor Corp") or a trade set
    right before it ("The appliance maker Brennwerk")."""
    bare = phrase.strip()
    if not bare[:1].isupper():
        return False
    end = start + len(phrase)
    return bool(
        _LEGAL_SUFFIX.search(bare)
        or _TRADE_BEFORE.search(text[max(0, start - 40) : start])
        or _TRADE_AFTER.match(text, end)
    )


#: A business's appositive right after its name ("Hollins Bakers, the Yorkshire family firm
#: famous for …,").
_TRADE_AFTER = re.compile(
    rf",\s+(?:the|a|an)\s+(?:[\w’'-]+\s+){{0,3}}?(?:{word_alternation(_COMMERCIAL_HEADS)})\b",
    re.I,
)


def _head_follows(text: str, at: int) -> bool:
    """Whether a word of organisations follows within two lower-case words of ``at``
    ("Orska's spectrum authority", "the state's electoral commission")."""
    following = re.findall(r"[\w-]+", text[at : at + 40])[:2]
    return any(w.lower() in _ORGANISATION_WORDS for w in following)


#: Capitalised words that open a sentence before its subject, not as part of it.
_NOT_LEADS = frozenset("a an about for in on at after before when while as if".split())


def _same_body(name: str, description: str, text: str) -> bool:
    """Whether ``description``, later in the sentence that names the body ``name``, is the
    body again ("Kestrel Energy … will raise prices, the company said")."""
    head = description.lower().split()
    return (
        len(head) == 2
        and head[0] == "the"
        and head[1] in _COMMERCIAL_HEADS | BODY_WORDS
        and _named_body(name, text)
    )


def _named_body(form: str, text: str) -> bool:
    """Whether a capitalised mention names a body, not a person: it holds a word of
    organisations (``_ORGANISATION_WORDS``) or an ampersand, or it is one word the article
    never writes as a person's surname ("Northgrid", but not "Munro" after "Craig Munro")."""
    words = form.split()
    if not form[:1].isupper():
        return False
    if any(w.lower().strip(".,") in _ORGANISATION_WORDS for w in words) or "&" in words:
        return True  # "& " joins a firm's name ("Tolland & Sons"), never two people
    if len(words) != 1 or re.search(rf"\b[A-Z][\w’'-]+\s+{re.escape(form)}\b", text):
        return False
    # "whose son Alfie, 7,": a person named by kin or given an age is no body
    return not re.search(rf"\b(?:{_KIN})\s+{re.escape(form)}\b|\b{re.escape(form)},\s+\d", text)


#: Words for kin and children before a given name ("her son Alfie", "baby Isla").
_KIN = (
    r"son|daughter|wife|husband|partner|mother|father|mum|dad|brother|sister|grandson|"
    r"granddaughter|grandmother|grandfather|child|baby|boy|girl|toddler|niece|nephew|"
    r"cousin|fiancée?|widow|widower|aunt|uncle"
)


def _before_name(segment: str, forms: set[str]) -> str:
    """``segment`` without the name it ends with (one of ``forms``): what the reporter
    writes before the mention ("residents of villages near " before "Kelsby"), so that an
    "of" inside the name ("Federation of Industry") is no preposition before it."""
    for form in sorted(forms, key=len, reverse=True):
        if form and segment.endswith(form):
            return segment[: -len(form)] + " X"
    return segment


_AFTER_PREPOSITION = re.compile(
    r"\b(?:of|in|near|from|at|to|for|by|with|outside|inside|across|around)\s+"
    r"(?:the\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,3}\s*$",
    re.I,
)


def _body_of(
    key: str,
    own: list[Quote],
    mentions: list[tuple[int, int, str, str]],
    prepared: PreparedArticle,
    masked: str,
) -> str:
    """The key of the named body a quoted person speaks for, or "": a body named in their
    role ("Billwise director Omar Shafiq"), else the last body named in the paragraph before
    their first quotation ("Northgrid responds… ‘…,’ says regional director Martin Cole"),
    or in the one before where the role opens with "its" ("Its chairwoman, …")."""
    if not own or person_name(own[0].speaker or "") is None:
        return ""
    text = prepared.article.text
    role = (own[0].speaker_role or "").lower()
    cased = own[0].speaker_role or ""
    for m in mentions:
        # the whole name in the role: "Fenmoor" is not the body of "chairman of the Fenmoor
        # Members' Forum"
        named = (
            m[3][:1].isupper()
            and re.search(rf"\b{re.escape(m[3].lower())}\b", role)
            and not re.search(rf"\b{re.escape(m[3])}[ \t]+[A-Z]", cased)
        )
        if m[2] != key and named:
            return m[2]  # "Billwise director Omar Shafiq"
    bodies = [m for m in mentions if m[2] != key and _named_body(m[3], text)]
    kinds = [w for w in re.findall(r"[a-z]+", role) if w in BODY_WORDS]
    if kinds:  # "union leader": their own body, the one the article names so if only one
        named = {m[2] for m in mentions if m[2] != key and kinds[0] in m[3].lower().split()}
        if named:
            return named.pop() if len(named) == 1 else ""
    first = own[0]
    paragraph = prepared.sentences[first.sentence - 1].paragraph
    # "Its dairy board chairman, Tom Hesketh, said": the role's "its" stands before it
    owned = role.startswith("its ") or _ITS_ROLE.search(
        masked, prepared.sentences[first.sentence - 1].start, first.start
    )
    allowed = {paragraph, paragraph - 1} if owned else {paragraph}
    before = [
        m
        for m in bodies
        if m[0] < first.start
        and prepared.sentences[prepared.sentence_of(m[0]) - 1].paragraph in allowed
    ]
    return before[-1][2] if before else ""


#: A role owned by "its" in apposition before a name ("Its dairy board chairman, Tom
#: Hesketh,"): the body is the one the sentence before names.
_ITS_ROLE = re.compile(r"(?:^|[.;]\s+|\n)Its\s+[a-z][\w\s’'-]{0,40},\s+[A-Z]")
#: "a spokeswoman for the World Freight Union", "a spokesman for Ofpower": the body speaks.
_SPOKESPERSON_FOR = re.compile(
    r"(?:(?:a|an|the)\s+)?(?:[\w-]+\s+)?(?:spokes(?:person|man|woman|people)|representative)"
    r"\s+(?:for|of)\s+(?P<body>.+)",
    re.I,
)
#: Verbs of blame, criticism or complaint against someone ("condemned the mine's owner",
#: "criticises Northgrid", "accused the council of…"), read before a mention.
_BLAME = re.compile(
    r"\b(?:condemn|denounc|criticis|criticiz|accus|blam|attack|slam|blast|lambast|rebuk|"
    r"censur|castigat|su(?:ed|es|ing)\b|hit out at|lashed out at|round(?:ed|s)? on)\w*"
    r"(?:\s+(?:the|its|their|his|her)\b)?[^.;:]{0,40}$",
    re.I,
)


def _accused(prepared: PreparedArticle, masked: str, forms: dict[str, set[str]]) -> set[str]:
    """Keys of the actors someone blames, criticises or sues in the reporter's words ("The
    union condemned the mine's owner, Vostra Metals", "criticises Northgrid"): a verb of
    blame (``_BLAME``) in the words of the sentence before a mention of their name
    (``forms``: the names each actor goes by)."""
    out: set[str] = set()
    for key, names in forms.items():
        for name in names:
            bare = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.I)
            if not bare[:1].isupper():
                continue  # a description ("the company") stands for too many
            for found in re.finditer(rf"\b{re.escape(bare)}\b", masked):
                sentence = prepared.sentences[prepared.sentence_of(found.start()) - 1]
                if _BLAME.search(masked[sentence.start : found.start()]):
                    out.add(key)
                    break
    return out


#: The stance a claim of not saying rules out: "did not deny" is no denial.
_NOT_CLAIMED = {"does not deny": "denies", "does not confirm": "confirms"}


def _stances(
    prepared: PreparedArticle,
    labels: Labels,
    quotes: list[Quote],
    claims: Sequence[Claim] = (),
    unread: str | None = "neutral",
) -> list[Stance]:
    """Each actor's position on the article's main development: what the article shows
    (``rules.stance.judge_stance``: the reporter's stance verb, an opposition role, the body
    the development is about, the words of their quotations), else what the actor's claim
    says of it (``claims``: "has denied the reports" denies, "did not deny" is no stance),
    else the model's judgement; a quoted actor with none of these is ``unread`` ("neutral":
    their words take no side; None where the stances rules cannot read are being gathered
    for the model), an actor neither quoted nor shown has no stance. A brief never lists an
    actor as denying a development under one heading and supporting it under another.
    (On the quote development set, replaying the embedded model: 0.26 with the model first
    and the reporter's verb only -> see ``tools.evaluate_quotes``.)"""
    text = prepared.article.text
    target = stance_target(prepared)
    judged = {
        _speaker_key(actor.name, text): labels.positions[actor.id]
        for actor in actors(prepared)
        if actor.id in labels.positions
    }
    claimed: dict[str, Claim] = {}
    for claim in claims:
        claimed.setdefault(_speaker_key(claim.actor, text), claim)
    out = []
    gathered = stance_evidence(prepared, quotes)
    for evidence, found in zip(gathered, judge_stances(gathered), strict=True):
        claim = claimed.get(evidence.key)
        ruled_out = _NOT_CLAIMED.get(claim.position) if claim is not None else None
        if ruled_out is not None and (not found or found[0] == ruled_out):
            continue  # "did not deny": no denial (nor a stance the model reads into it)
        if found:
            claim = None  # what the article shows of the actor's stance comes first
        position = claim.position if claim else found[0] if found else judged.get(evidence.key)
        if position is None and evidence.quotes:
            position = unread  # quoted, with no word for or against: a reader says neutral
        if position is None or (not found and position in refused_claims(evidence.narrative)):
            continue  # "refused to deny" is no denial, whatever the model read into it
        sentence = claim.sentence if claim else evidence.sentence
        out.append(
            Stance(
                source=prepared.article.id,
                actor=evidence.name,
                position=position,
                target=target,
                sentence=sentence,
                evidence=prepared.sentences[sentence - 1].text,
                quote=max(evidence.quotes, key=len) if evidence.quotes else None,
            )
        )
    crowds = _crowd_stances(prepared, quotes, target)
    fuller = [c.actor.lower() for c in crowds]
    # an unnamed group shown by its chant ("students") gives way to the fuller phrase
    out = [
        s
        for s in out
        if not (
            s.actor[:1].islower()
            and any(re.search(rf"\b{re.escape(s.actor.lower())}\b", f) for f in fuller)
        )
    ]
    return out + crowds


def _crowd_stances(prepared: PreparedArticle, quotes: list[Quote], target: str) -> list[Stance]:
    """The crowds and unnamed groups the reporter shows acting for or against what happened
    (``rules.stance.crowd_stances``: "a section of the crowd chanted …", "About forty
    farmers … gathered with placards"), one stance each, under the words the article uses.
    Pure."""
    text = prepared.article.text
    out: list[Stance] = []
    for sentence in prepared.sentences:
        if sentence_role(prepared, sentence) != "body":
            continue
        chants = tuple(
            q.text
            for q in quotes
            if q.sentence == sentence.id and not q.speaker and q.kind != "scare"
        )
        for phrase, _at, label in crowd_stances(sentence.text, chants):
            phrase = _unshouted(phrase)  # "FURIOUS parents": a tabloid's shout is no name
            folded = phrase.lower()
            if any(s.actor.lower() == folded for s in out):
                continue
            out.append(
                Stance(
                    source=prepared.article.id,
                    actor=phrase,
                    position=label,
                    target=target,
                    sentence=sentence.id,
                    evidence=text[sentence.start : sentence.end],
                    quote=max(chants, key=len) if chants else None,
                )
            )
    return out


LEAD_SENTENCES = 2


def key_sentences(prepared: PreparedArticle) -> list[int]:
    """The article's lead sentences (news puts the main event first), by number; sentences
    that are mostly a quotation are left to who said what. The brief's developments rank
    every reported sentence (``reported_sentences``), not only these."""
    title = prepared.article.title
    body = {s.id for s in prepared.sentences if s.text != title}
    return sorted(body - _voiced(prepared) - _mostly_quoted(prepared))[:LEAD_SENTENCES]


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
    first, last = prepared.paragraphs[paragraph]
    return first.start, last.end


def reported_sentences(prepared: PreparedArticle) -> list[ReportedSentence]:
    """Every sentence the outlet reports in its own words (those mostly quoted are left to who
    said what), with its role and its rank among body sentences. Pure."""
    quoted = _mostly_quoted(prepared) | _voiced(prepared)
    result: list[ReportedSentence] = []
    rank = 0
    for sentence in prepared.sentences:
        role = sentence_role(prepared, sentence)
        if role == "body" and (
            sentence.id in quoted
            or len(sentence.text.split()) < MIN_WORDS
            or _in_quotation(sentence.text)
            or addressed_to_a_model(sentence.text)
            or _only_attributes(prepared, sentence)
        ):
            continue
        result.append(
            ReportedSentence(
                sentence=sentence.id,
                text=sentence.text,
                role=role,
                rank=rank,
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


_SPEECH_VERB = re.compile(rf"\b(?:{word_alternation(SPEECH_VERB_FORMS)})\b", re.IGNORECASE)
#: An attribution on its own ("Mayor Tom Reyes said at the meeting.") is this short at most.
ATTRIBUTION_WORDS = 8


def _only_attributes(prepared: PreparedArticle, sentence: Sentence) -> bool:
    """True for a sentence that only introduces or credits someone's words: a lead-in that
    ends in a colon ("And from Chairwoman Rosa Ventura:"), or a short sentence with a speech
    verb and no number beside a quotation of its paragraph ("Mayor Tom Reyes said at the
    meeting."), or a quotation whose sentence adds only its credit ("According to spokesman
    Dev Patel, “…”"). It reports nothing on its own: the words belong under who said what."""
    text = sentence.text.strip()
    if text.endswith(":"):
        return True
    # a quotation and its credit alone ("According to spokesman Dev Patel, “…”"): what is
    # left outside the quote marks only says who said it
    spoken = [q for q in prepared.quotes_over(sentence.start, sentence.end) if q.kind != "scare"]
    if spoken:
        outside, position = [], sentence.start
        for quote in sorted(spoken, key=lambda q: q.start):
            outside.append(prepared.article.text[position : max(position, quote.start - 1)])
            position = max(position, quote.end + 1)
        outside.append(prepared.article.text[position : sentence.end])
        rest = " ".join(outside)
        if (
            len(re.findall(r"\w+", rest)) <= ATTRIBUTION_WORDS
            and not re.search(r"\d", rest)
            and (_SPEECH_VERB.search(rest) or re.search(r"\baccording to\b", rest, re.I))
        ):
            return True
    if len(text.split()) > ATTRIBUTION_WORDS or re.search(r"\d", text):
        return False
    quoted = any(q.paragraph == sentence.paragraph for q in prepared.quotes)
    return quoted and bool(_SPEECH_VERB.search(text))


def _in_quotation(text: str) -> bool:
    """A sentence that opens with a quotation mark, or closes one it never opened, is
    someone's words (with their attribution): it belongs under who said what."""
    text = text.strip()
    if text[:1] in "\"“‘'":
        return True
    return text.count("”") > text.count("“") or (
        text.count('"') % 2 == 1 and text.rstrip(".!?,;").endswith('"')
    )


def _voiced(prepared: PreparedArticle) -> set[int]:
    """Sentences inside an embedded post, its credit line or an interview turn: someone's
    words or their labels, never the outlet's own reporting."""
    # a broadcast's own voice reports, and its label goes with it ("ANCHOR: Good evening.")
    report_starts = [p.start for p in prepared.passages if p.kind == "report"]

    def labels_a_report(p: Passage) -> bool:
        return p.kind == "label" and any(0 < start - p.end <= 2 for start in report_starts)

    voiced = [p for p in prepared.passages if p.kind != "report" and not labels_a_report(p)]
    return {
        s.id
        for s in prepared.sentences
        for p in voiced
        if p.start <= s.start < p.end or s.start <= p.start < s.end
    }


def _mostly_quoted(prepared: PreparedArticle) -> set[int]:
    """Sentences that are mostly someone's words: they belong under who said what, not among
    the events (a fragment like "And three, a dangerous expansion," he added). A quotation
    of several sentences counts whole in the one it opens in, and in each later one by the
    characters it holds of it ('I'm terrified. Last time …': both are her words)."""
    quoted: dict[int, int] = defaultdict(int)
    for quote in prepared.quotes:
        if quote.kind == "scare":
            continue
        # the sentence it opens in holds it all (a lead-in and the first of several quoted
        # sentences is someone's words); each later one it spans, what it holds of it
        opening = prepared.sentence_of(quote.start)
        quoted[opening] += quote.end - quote.start
        for number in range(opening + 1, prepared.sentence_of(quote.end - 1) + 1):
            sentence = prepared.sentences[number - 1]
            quoted[number] += min(quote.end, sentence.end) - max(quote.start, sentence.start)
    return {s.id for s in prepared.sentences if quoted.get(s.id, 0) * 2 >= max(1, len(s.text))}


def _event(prepared: PreparedArticle, index: int, sentence_id: int) -> Event:
    """A key event: the article's own sentence, verbatim, with its time phrase if any."""
    sentence = prepared.sentences[sentence_id - 1]
    when = time_phrase(sentence.text)
    day = normalise_when(when, published_on(prepared), future=looks_ahead(sentence.text))
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
    opening = first_sentence(prepared)
    phrase = dateline(opening)
    if phrase:
        return parse_date(phrase) or normalise_when(phrase, own) or own
    return own


def source_info(article: Article) -> SourceInfo:
    """Where ``article`` came from: its metadata as read, with the outlet, when the file's
    metadata names none, from a publisher's own line (newsletter, copyright:
    ``publisher_named``) or a house byline ('By Globe Reporter': ``house_byline``); None
    when the article names no outlet (an outlet it quotes, 'told the BBC', is no sign of
    its own)."""
    outlet = (
        article.outlet
        or publisher_named([*article.removed, *article.text.splitlines()])
        or house_byline(article.author)
    )
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


_ACRONYM = re.compile(r"[A-Z]{2,6}")


def _person_resolver(text: str) -> Callable[[str], tuple[str, str | None]]:
    """``resolve_person(name, text)``, each distinct name looked up once: every lookup scans
    the whole text, and a long article names the same few people hundreds of times."""
    found: dict[str, tuple[str, str | None]] = {}

    def resolve(name: str) -> tuple[str, str | None]:
        if name not in found:
            # "AFN", after "the Association des francophones du Nord (AFN)": the body in full
            expanded = acronym_expansion(name, text) if _ACRONYM.fullmatch(name) else None
            found[name] = (expanded, None) if expanded else resolve_person(name, text)
        return found[name]

    return resolve


def _quotes(
    prepared: PreparedArticle,
    by_model: dict[str, str],
    resolve: Callable[[str], tuple[str, str | None]],
    dropped: list[str] | None = None,
) -> list[Quote]:
    """The quotes with their speakers: the candidate the model chose by id, else the rules'
    cue (also when the model answered ``"none"`` for a quote whose speaker rules guessed);
    none where the model's candidate and the rules' guess are different people, and none
    for a question that no cue credits.
    Every speaker is resolved to its fullest form (``resolve``) and must be grounded
    (``speaker_problem``); one that is not is left out and described in ``dropped``. Roles
    are short, from the article (``clean_role``)."""
    article = prepared.article
    people = {c.id: c.name for c in speaker_candidates(prepared)} if by_model else {}
    translated = _in_translation(prepared)
    quotes: list[Quote] = []
    for span in prepared.quotes:
        speaker, role, how = None, None, "none"
        chosen = by_model.get(span.id)
        guess = span.cue if span.cue and span.cue.lower() not in PRONOUNS else None
        if span.kind != "scare" and chosen in people:
            if guess is None and span.cue is None and span.text.rstrip(" ,").endswith("?"):
                # A question no cue credits (a reader's, the crowd's, the reporter's): the
                # people near it are those who answer it, so a choice among them is a guess.
                if dropped is not None:
                    dropped.append(f"{span.id}: a question with no cue; left unattributed")
            elif guess is not None and _speaker_key(guess, resolve=resolve) != _speaker_key(
                people[chosen], resolve=resolve
            ):
                # The model and the rules name different people: neither is trusted. On
                # an independent set the embedded model's contradictions were wrong more
                # often than the guesses they replaced; a quote with no speaker is honest.
                if dropped is not None:
                    dropped.append(
                        f"{span.id}: the model's {people[chosen]!r} contradicts the rules' "
                        f"{guess!r}; left unattributed"
                    )
            else:
                speaker, how = people[chosen], "model"
        elif span.kind != "scare" and guess is not None:
            # The rules' guess stands when the model abstains ("none"): on the example the
            # embedded model abstained on ten quotes whose guessed speaker was right and on
            # none whose guess was wrong.
            speaker, how = guess, "rule"
        if speaker:
            spokes = _SPOKES_WORD.search(speaker)
            written = speaker
            # the role a transcript's label or header gives this turn's speaker ("Ann Roe,
            # Peleton Bank: …"): as written where it names a body and no role
            labelled = span.role if span.role and written == span.cue else None
            speaker, found_role = resolve(speaker)
            found_role = labelled or found_role
            if spokes and found_role is None and not _SPOKES_WORD.search(speaker):
                found_role = spokes.group().lower()  # "A spokesperson for Kelder Lifeboat …"
            titles = written[: -len(speaker)].split() if written.endswith(f" {speaker}") else []
            if found_role is None and titles and all(_role_word(w) for w in titles):
                # a transcript's label of a role and a name ("RESIDENT ANN ROE:" read as
                # "Resident Ann Roe") where the article gives no other role
                found_role = " ".join(titles)
            shared = surname_referent(speaker, article.text, span.cue_start or span.start)
            if shared:  # "Ms Denning" where Rachel and Tom Denning are named
                speaker, found_role = resolve(shared)
            role = clean_role(found_role) or (labelled if found_role == labelled else None)
            body = spokesperson_body(speaker, prepared, resolve) or _paragraph_body(
                speaker, prepared, span.start
            )
            if shared == "":
                speaker, role, how = None, None, "none"
                if dropped is not None:
                    dropped.append(f"{span.id}: a surname two people share; left unattributed")
            elif body is not None:  # "A company spokeswoman": the company speaks
                spokes = _SPOKES_WORD.search(speaker)
                speaker, role = body, (spokes.group() if spokes else speaker.split()[-1]).lower()
            elif (holder := _role_holder(speaker, prepared, resolve)) is not None:
                speaker, found_role = resolve(holder)  # "the prefect", "Transport Minister"
                role = clean_role(found_role)
        if speaker:
            problem = speaker_problem(speaker, article.text)
            if problem is not None and how == "rule" and _labelled_description(speaker, article):
                problem = None  # "PLAINTIFF:" in a script, read as "a plaintiff": described
            if problem is not None:
                if dropped is not None:
                    dropped.append(f"{span.id}: {problem}")
                speaker, role, how = None, None, "none"
            elif unnamed_speaker(speaker) or unheld_role(speaker):
                # "one resident": no one the article names; the description is kept as
                # how the speaker is described, and the quote has no speaker
                speaker, role, how = None, _as_described(speaker), "none"
            elif _COMPASS_DEMONYM.fullmatch(speaker.strip()):
                # "a North Korean representative": a people's adjective names no one
                described = f"{speaker} {role}" if role else speaker
                speaker, role, how = None, _as_described(f"a {described}"), "none"
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
                translated=span.id in translated,
            )
        )
    return _headline_quotes_as_in_body(quotes, prepared)


def _in_translation(prepared: PreparedArticle) -> set[str]:
    """Ids of the quotes the article gives in translation: a translation mark
    (``TRANSLATION_MARK``) outside the quote marks of the sentence a quote opens or closes
    in ("«…,» she said (translated).", "said in a statement translated from Croatian that
    the ban was “…”"), and every quote of a chain (``continues``) one of which is so marked
    ("“…,” she said, according to a translation. “…”"). Pure."""
    text = prepared.article.text
    spans = [q for q in prepared.quotes if q.kind != "scare"]

    def outside(number: int) -> str:
        sentence = prepared.sentences[number - 1]
        chars = list(text[sentence.start : sentence.end])
        for q in prepared.quotes:
            for at in range(max(q.start, sentence.start), min(q.end, sentence.end)):
                chars[at - sentence.start] = " "
        return "".join(chars)

    marked = {
        q.id
        for q in spans
        if any(
            TRANSLATION_MARK.search(outside(number))
            for number in {prepared.sentence_of(q.start), prepared.sentence_of(q.end - 1)}
        )
    }
    root = {q.id: q.continues or q.id for q in prepared.quotes}

    def chain(quote_id: str) -> str:
        seen = set()
        while root.get(quote_id, quote_id) != quote_id and quote_id not in seen:
            seen.add(quote_id)
            quote_id = root[quote_id]
        return quote_id

    chains = {chain(q) for q in marked}
    return {q.id for q in spans if chain(q.id) in chains}


def _standfirst(prepared: PreparedArticle, number: int) -> bool:
    """Whether sentence ``number`` (1-based) is a standfirst: one of the first three, with
    no closing stop ("Maker rejects findings as regulator says it is 'monitoring'")."""
    text = prepared.sentences[number - 1].text
    return number <= 3 and not re.search(r"[.!?][”’\"')]*\s*$", text)


def _headline_quotes_as_in_body(quotes: list[Quote], prepared: PreparedArticle) -> list[Quote]:
    """``quotes`` with each quotation of a headline or standfirst (one of the first three
    sentences, with no closing stop) that the body quotes too
    ("Rail users' chair says travellers will be left ‘stranded’" over "…, chair of Rail
    Users North, said … would be ‘stranded’") credited as the body credits it, where every
    body quotation holding its words has one speaker: a headline names its speaker by a
    short description ("concern group", "Rail users' chair") that the body names in full.
    Pure."""

    def headline(q: Quote) -> bool:
        sentence = prepared.sentences[q.sentence - 1]
        if sentence_role(prepared, sentence) == "headline":
            return True
        return _standfirst(prepared, q.sentence)

    body = [q for q in quotes if q.speaker and not headline(q)]
    out = []
    for quote in quotes:
        words = quote_words(quote.text)
        if words and headline(quote):
            same = [b for b in body if f" {words} " in f" {quote_words(b.text)} "]
            if len({b.speaker for b in same}) == 1:
                quote = quote.model_copy(
                    update={
                        "speaker": same[0].speaker,
                        "speaker_role": same[0].speaker_role,
                        "attributed_by": same[0].attributed_by,
                    }
                )
        out.append(quote)
    return out


def _as_described(description: str) -> str:
    """An unnamed speaker's description as a reader is told it: its opening capital, a
    sentence's, lowered ("One resident" -> "one resident")."""
    first, _, rest = description.strip().partition(" ")
    if first[1:].islower() or len(first) == 1:
        first = first.lower()
    return f"{first} {rest}".strip()


_BARE_SPOKESPERSON = re.compile(r"(?i:a|an|the)\s+spokes(?:man|woman|person)")
#: A spokesperson introduced with the body they speak for ("A spokeswoman for Kestrel Air").
_SPOKESPERSON_OF = re.compile(
    r"\b(?i:a|an|the)\s+spokes(?:man|woman|person)\s+for\s+(?:the\s+)?"
    r"(?P<body>[A-Z][\w’'&-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w’'&-]*){0,5})"
)
# Lower-case nouns that say the capitalised name after them is a body: "campaigners Captive
# Wild", "rail operator Westmarch Trains", "the charity Hopefield".
_BODY_NOUNS = ORGANISATION_WORDS | GROUP_NOUNS | frozenset("agents watchdog regulator".split())


def _role_holder(
    speaker: str, prepared: PreparedArticle, resolve: Callable[[str], tuple[str, str | None]]
) -> str | None:
    """The one person the article names in the role a speaker is given by ("the prefect"
    -> "Jean-Baptiste Corvol" after "The prefect of Haute-Vérane, Jean-Baptiste Corvol,";
    "Transport Minister" -> "Geraint Ellery" after "Transport Minister Geraint Ellery"), or
    None: the speaker names a person already, its head is no role noun, or the article
    names no one or several in that role (``description_referent``)."""
    words = speaker.split()
    if not words or person_name(speaker) is not None or speaker[:1].isdigit():
        return None
    if words[0].lower() in ("a", "an", "one", "another"):
        return None  # "a minister": someone the article does not name
    lowered = [w.lower() for w in words]
    # "the Minister of State": the role's head comes before "of"
    head_word = lowered[lowered.index("of") - 1] if "of" in lowered[1:] else lowered[-1]
    head = head_word.split("-")[-1]
    if head not in ROLE_NOUNS or head in ORGANISATION_WORDS | _SPOKES_HEADS:
        return None
    bare = " ".join(w.lower() for w in words if w.lower() != "the")
    referent = description_referent(f"the {bare}", prepared, resolve)
    if referent is None or person_name(referent) != referent:
        return None
    return referent


_SPOKES_HEADS = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative"})


def _paragraph_body(speaker: str, prepared: PreparedArticle, at: int) -> str | None:
    """The body a bare "a spokeswoman" speaks for: the body the paragraph gave a spokesperson
    before it ("A spokesperson for Millbrook Lifeboat Station said … the spokesperson
    said"), else the last body named in the quotation's paragraph before it ("Rail operator
    Westmarch Trains says … A spokesperson told us: …"), a name the article says is a body
    (a word of organisations in it, or a noun of organisations right before it: "campaigners
    Captive Wild"). None otherwise."""
    if not _BARE_SPOKESPERSON.fullmatch(speaker.strip()):
        return None
    text = prepared.article.text
    start = text.rfind("\n", 0, at) + 1
    named = _last_spokesperson_body(prepared, start, at)
    if named is not None:  # "A spokesperson for Millbrook Lifeboat Station said … the
        return named  # spokesperson said"; "A Kestrel spokesperson said …"
    found = None
    for form, where in prepared.mentions:
        before = text[max(0, where - 40) : where].lower().split()
        if start <= where < at and (
            _named_body(form, text) or before[-1:] and before[-1] in _BODY_NOUNS
        ):
            found = form
    if found:
        return prepared.resolve(found)[0]
    if speaker.strip().lower().startswith("the "):
        # "the spokesperson added", paragraphs after "A Kestrel spokesperson said": the
        # definite article points back to the last spokesperson the article gave a body
        return _last_spokesperson_body(prepared, 0, at)
    return None


def _last_spokesperson_body(prepared: PreparedArticle, start: int, at: int) -> str | None:
    """The body of the last spokesperson given one between offsets ``start`` and ``at``
    ("A spokesperson for Millbrook Lifeboat Station", "A Kestrel spokesperson"), resolved
    to its fullest name, or None."""
    text = prepared.article.text
    last = max(
        (
            m
            for pattern in (_SPOKESPERSON_OF, _NAMED_SPOKESPERSON)
            for m in pattern.finditer(text, start, at)
        ),
        key=lambda m: m.start(),
        default=None,
    )
    if last is None:
        return None
    if last.re is _SPOKESPERSON_OF:
        return prepared.resolve(last.group("body"))[0]
    return spokesperson_body(last.group(), prepared, prepared.resolve)


_SPOKESPERSON = re.compile(
    r"(?:a|an|the)\s+(?P<kind>[a-z]+)\s+(?:spokes(?:man|woman|person)|representative)", re.I
)


_NAMED_SPOKESPERSON = re.compile(
    r"(?i:a|an|the)\s+(?P<body>[A-Z][\w’'&-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w’'&-]*){0,5})"
    r"\s+(?:spokes(?:man|woman|person)|representative)"
)


def spokesperson_body(
    speaker: str, prepared: PreparedArticle, resolve: Callable[[str], tuple[str, str | None]]
) -> str | None:
    """The named body a spokesperson described by its kind speaks for ("A company
    spokeswoman" -> the one business the article names, "a council spokesman" -> "Saltby
    Town Council": ``description_referent`` of "the company", "the council"), or the body
    named in the description ("A Kelby Harbour Board spokesman" -> "Kelby Harbour Board"),
    or None."""
    named = _NAMED_SPOKESPERSON.fullmatch(speaker.strip())
    if named is not None:  # "A Kelby Harbour Board spokesman": the board speaks
        body = named.group("body")
        expanded = acronym_expansion(body, prepared.article.text)
        if expanded is not None:  # "a SESCO spokesman" of "Sarandpur Electric Supply Company"
            return expanded
        longer = {  # "A Kestrel spokesperson" of "Kestrel Road Services"
            m.group()
            for m in re.finditer(
                rf"\b{re.escape(body)}(?:[ \t]+[A-Z][\w’'&-]*)+", prepared.article.text
            )
            if not m.group().endswith((" Spokesman", " Spokeswoman", " Spokesperson"))
            # not a title after it: "SESCO Chief Executive Engr. Naveed Akhtar"
            and not any(w.lower().rstrip(".") in ROLE_WORDS for w in m.group()[len(body) :].split())
        }
        return longer.pop() if len(longer) == 1 else resolve(body)[0]
    named_for = _SPOKESPERSON_OF_BODY.fullmatch(speaker.strip())
    if named_for is not None:  # "A spokesman for Germany's Federal Competition Office"
        body = named_for.group("body")
        country = re.match(r"[A-Z][\w-]*[’']s\s+(?=[A-Z])", body)
        if country and body.split()[-1].lower() in ORGANISATION_WORDS:
            body = body[country.end() :]  # the office is Germany's; its name follows
        if body[:1].isupper():
            return resolve(body)[0]
        return description_referent(f"the {body}", prepared, resolve)
    found = _SPOKESPERSON.fullmatch(speaker.strip())
    if found is None or found.group("kind").lower() in ("the", "a", "an"):
        return None
    return description_referent(f"the {found.group('kind').lower()}", prepared, resolve)


_SPOKES_WORD = re.compile(r"\bspokes(?:man|woman|person)\b", re.I)
#: A spokesperson with the body they speak for after "for" ("a spokesman for the Federal
#: Competition Office", "A spokeswoman for Kestrel Air").
_SPOKESPERSON_OF_BODY = re.compile(
    r"(?i:an?|the|one)\s+(?:[\w-]+\s+)?spokes(?:man|woman|person)\s+(?:for|of|at)\s+"
    r"(?:(?i:the)\s+)?(?P<body>[\w’'&. -]{2,80})"
)


def _claimant(said: str | None, span: FigureSpan, prepared: PreparedArticle) -> str | None:
    """The model's claimant, if it is named in the figure's sentence or the two before it (a
    "he said" looks back), does not just repeat the figure ('a total of 10,000 soldiers') and
    is a description of a source or a name the article shows saying something
    (``says_something``): a country or a place the figure's sentence only names ('help from
    Iran, which has supplied 200 missiles') is no claimant."""
    if not said or span.value in said or re.search(r"\d", said):
        return None
    number = prepared.sentence_of(span.start)
    nearby = " ".join(s.text for s in prepared.sentences[max(0, number - 3) : number])
    if not (grounded_name(said, nearby) or grounded_phrase(said, nearby)):
        return None
    if _described(said):
        return said  # 'South Korea's spy agency', 'analysts at Example Capital': a source
    return said if says_something(said, prepared.article.text, prepared.speaker_cues) else None


def _described(claimant: str) -> bool:
    """Whether a claimant is a description of a source ('South Korea's spy agency', 'the
    ministry'), not a bare proper name ('Iran', 'North Korea', 'Mark Rutte')."""
    return any(w[:1].islower() for w in claimant.split() if w.lower() not in {"of", "and"})


#: Verbs by which a person or body is shown saying or giving something: every reporting verb,
#: and the verbs news uses for a body's figures ('the ministry put the toll at', 'data show').
_SAYING = word_trie(
    SPEECH_VERB_FORMS
    | set(
        """believe believes believed expect expects expected put puts found finds show shows
        showed shown count counts counted assess assesses assessed calculate calculates
        calculated told""".split()
    )
)


def says_something(name: str, text: str, speakers: Sequence[str] = ()) -> bool:
    """Whether ``text`` shows ``name`` saying something: the speaker of a quotation (one of
    ``speakers``), the subject of a reporting verb ('North Korea has denied…', 'Russia says',
    'Rutte, the alliance's chief, said'), or named after 'according to'. For a person's name
    of two words or more, the surname alone counts too ('Rutte said'). Case-insensitive."""
    if any(name.lower() == s.lower() for s in speakers):
        return True
    forms = [name]
    words = name.split()
    if len(words) > 1 and all(w[:1].isupper() for w in words):
        forms.append(words[-1])
    for form in forms:
        written = re.escape(form)
        if re.search(
            rf"(?i:according to)\s+{written}\b|(?<![\w-]){written}(?:\s*,[^,.;]{{1,80}},)?\s+"
            rf"(?:\w+ly\s+)?(?:(?:has|have|had|will|would|also|then|later)\s+)*(?:{_SAYING})\b",
            text,
            re.IGNORECASE,
        ):
            return True
    return False


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


#: Where a bare '$' is not the US dollar: the countries of other dollars, by the places and
#: outlets that put an article there (a dateline, a masthead, a wire, a credit line).
_DOLLAR_PLACES = {
    "CAD": r"canad\w*|b\.c\.|british columbia|ontario|ont\.|quebec|québec|alberta|alta\.|"
    r"manitoba|saskatchewan|nova scotia|new brunswick|newfoundland|p\.e\.i\.|yukon|nunavut|"
    r"toronto|vancouver|montreal|montréal|ottawa|calgary|edmonton|winnipeg|halifax|regina|"
    r"saskatoon|cbc|ctv|globe and mail|national post|toronto star",
    "AUD": r"australia\w*|sydney|melbourne|brisbane|perth|adelaide|canberra|hobart|"
    r"new south wales|nsw|queensland|tasmania|aap|sydney morning herald|the age",
    "NZD": r"new zealand|auckland|wellington|christchurch|dunedin|rnz|nz herald",
}
_DOLLAR_PLACE_RE = {
    code: re.compile(rf"(?<![\w.])(?:{places})(?!\w)", re.IGNORECASE)
    for code, places in _DOLLAR_PLACES.items()
}
_BARE_DOLLAR = re.compile(r"^\$(?![A-Z])|(?<!US )(?<!U\.S\. )dollars?$", re.IGNORECASE)


def dollar_currency(article: Article) -> str:
    """What a bare '$' is in ``article``: the dollar of the one country its dateline, outlet,
    wire or opening lines place it in ('VANCOUVER —', 'THE CANADIAN PRESS': 'CAD'); '$' when
    they name two countries' places; else 'USD', as news without such a sign writes it."""
    marks = [article.dateline or "", article.outlet or "", article.wire or ""]
    for line in [*article.removed[:6], *article.text[:400].split("\n")[:6]]:
        line = line.strip()
        dateline = re.match(r"^([^\n—–-]{1,40}?)\s+[—–-]{1,2}\s", line)
        if dateline:  # 'VANCOUVER — A crew of …': the place before the dash
            marks.append(dateline.group(1))
        elif line.isupper() and len(line) < 60:  # a masthead or credit: 'THE CANADIAN PRESS'
            marks.append(line)
    found = {
        code for code, pattern in _DOLLAR_PLACE_RE.items() for mark in marks if pattern.search(mark)
    }
    if len(found) == 1:
        return found.pop()
    return "$" if found else "USD"


def _figures(
    prepared: PreparedArticle,
    claimants: dict[str, str],
    resolve: Callable[[str], tuple[str, str | None]],
    quotes: Sequence[Quote] = (),
) -> list[Figure]:
    """The article's figures with their claimants: for a figure in a quotation the rules
    credit to someone, the speaker ``quotes`` give that quotation (the rules' or the model's,
    as the brief shows it; none where the quote is left unattributed); else the rules'
    claimant (``PreparedArticle.claimant``), else the model's (``_claimant``)."""
    article = prepared.article
    spoken = {(q.start, q.end): q.speaker for q in quotes if q.speaker}
    dollar = dollar_currency(article)
    figures = []
    for span in prepared.figures:
        sentence = prepared.sentences[prepared.sentence_of(span.start) - 1]
        quoted = prepared.quote_of(span)
        rejected = rejected_value(sentence.text, span.start - sentence.start)
        claimant = (
            spoken.get((quoted.start, quoted.end))  # its quotation's speaker, or none
            if quoted is not None
            and quoted.cue
            and quoted.cue.lower() not in PRONOUNS
            and not rejected  # a value the speaker sets aside ('90, not 70') is not theirs
            else _resolved(
                prepared.claimant(span)
                or (None if rejected else _claimant(claimants.get(span.id), span, prepared)),
                resolve,
            )
        )
        figures.append(
            Figure(
                id=f"{article.id}.{span.id}",
                source=article.id,
                value=span.value,
                number=span.number,
                high=span.high,
                against=span.against,
                unit=dollar
                if span.unit == "USD" and _BARE_DOLLAR.search(span.value)
                else span.unit,
                scale=span.scale,
                qualifier=span.qualifier,
                counts=span.counts,
                outcome=span.outcome,
                sense=span.sense,
                claimant=claimant,
                sentence=sentence.id,
                sentence_text=sentence.text,
                start=span.start,
                end=span.end,
            )
        )
    return figures
