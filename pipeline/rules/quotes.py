"""Find quotations, and who said them, in cleaned news-article text.

The detector is rule based and has no dependencies.  It works in four passes:

1. Every non-empty line is a paragraph.  The quote marks of each paragraph are
   scanned into spans: straight, curly and mixed double quotes, doubled single
   marks used as one (''…''), „…“ and «…»; single quotes (straight, British
   style, or curly) at the top level when their closer is found, so apostrophes
   ("it's", "Price's", "the '90s") never open one.  Single quotes nested inside
   double ones stay part of the text.  A quote left open runs to the end of its
   paragraph, never further.
2. Each span gets a speaker cue from the attribution in its own sentence:
   ``“…,” Name said``, ``“…,” said Name``, ``Name said: “…”``, ``Name: “…”``,
   ``according to Name``, ``“…” — Name`` and ``“…” -Name``, ``“…?” Name said``
   (the next sentence, only when its verb reports nothing after it: in “Is it safe?” The
   council says anyone …, the council answers, it did not ask; nor after a colon lead-in
   such as a reader's "A reader asks:" or "Pat from Leeds writes:"), ``Name, who …, is
   blunt: “…”``, ``X's statement read``,
   a lead-in line ending in a colon, and bodies or groups ("police said",
   "protesters chanted").  The speech verbs are every form of the reporting
   verbs of ``vocabulary`` (label verbs such as "called" only make a labelled
   term its labeller's words).  Titles before a name are dropped ("NATO
   Secretary General Mark Rutte" gives "Mark Rutte"); appositives are passed
   over, so a place inside one is never the speaker.
3. Continuations are linked: a quote re-opened at the start of the paragraph
   after an unclosed one, and a quote resumed right after its attribution
   (``“…,” he said. “…”``).  Spans are classified as quote, partial or scare;
   titles of works ("the drama “Undercurrent”") and short terms modifying a
   noun are scare quotes, never speech.
4. Pronoun cues ("he said") and role descriptions ("the president said") are
   resolved to the nearest plausible named speaker in the preceding sentences
   (for "he" or "she" a person, never a body, a country in a list or a dateline
   agency; for "the minister" someone the article calls a minister), and every
   span of a continuation chain shares one cue.  A cue that is such a guess is
   marked ``confident=False`` so a model can check it.

Sentence splitting treats quoted text as opaque, so a full stop inside a quote
never cuts the sentence that carries its attribution.  Every pass is linear in
the length of the text, with bounded look-around windows, and no regex can
backtrack catastrophically.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any, Literal

from .entities import descriptor_before
from .text import sentence_bounds
from .vocabulary import (
    ABBREVIATIONS,
    ADVERBS_BEFORE_VERB,
    BE_FORMS,
    BODY_WORDS,
    COMMERCIAL_HEADS,
    CRY_NOUNS,
    CUE_VERB_FORMS,
    DOCUMENT_NOUNS,
    FEMALE_NOUNS,
    GROUP_NOUNS,
    HONORIFICS,
    LABEL_VERBS,
    LEAD_WORDS,
    MALE_NOUNS,
    MONTH_ABBREVIATIONS,
    NAME_PARTICLES,
    NAME_WORD,
    NOT_NAME_WORDS,
    NOT_QUOTING_VERBS,
    OCCUPATION_ENDINGS,
    ORGANISATION_WORDS,
    PREPOSITIONS,
    REPORTING_VERBS,
    ROLE_NOUNS,
    ROLE_PLURALS,
    SENTENCE_ADVERBS,
    SPEAKER_PRONOUNS,
    SPEECH_VERB_FORMS,
    SPOKESPERSON_NOUNS,
    TITLE_WORDS,
    WORK_NOUNS,
    WRITTEN_WORDS,
    inflections,
    name_descriptor,
    word_alternation,
    word_trie,
)

__all__ = [
    "TRANSLATION_MARK",
    "QuoteKind",
    "QuoteSpan",
    "find_quotes",
    "resolve_pronoun_cues",
    "speaker_mentions",
]

#: Languages a speaker is said to speak in ("he said in Croatian"): the English words after
#: are a translation.
_LANGUAGES = """Spanish French German Italian Portuguese Dutch Russian Ukrainian Polish Croatian
    Serbian Bosnian Greek Turkish Arabic Hebrew Persian Farsi Urdu Hindi Bengali Mandarin
    Cantonese Chinese Japanese Korean Vietnamese Thai Swahili Catalan Basque Romanian
    Hungarian Czech Slovak Swedish Norwegian Danish Finnish Icelandic Tagalog Indonesian
    Malay Amharic Somali Pashto Dari Kurdish Armenian Georgian Albanian""".split()
#: What says, outside a quotation's marks and in its sentence, that the words are given in
#: translation: "she said (translated)", "(translated from Portuguese)", "[translated]", "in
#: a statement translated from Croatian", "according to a translation provided by her
#: office", "speaking through an interpreter", "he said in Croatian".
TRANSLATION_MARK = re.compile(
    r"[(\[]\s*(?i:translated|translation|in\s+translation|via\s+an?\s+(?:interpreter|translator))"
    r"\b[^)\]\n]{0,160}[)\]]"
    r"|\b(?i:translated\s+from)\b"
    r"|\b(?i:(?:according\s+to|in|through|via)\s+an?\s+(?:[\w-]+\s+)?translation)\b"
    r"|\b(?i:(?:through|via|with\s+the\s+help\s+of)\s+an?\s+(?:interpreter|translator))\b"
    r"|\b(?i:said|says|speaking|spoke|added|wrote|writing|told\s+\w+(?:\s+\w+)?)\s+in\s+"
    rf"(?:{'|'.join(_LANGUAGES)})\b"
)


QuoteKind = Literal["quote", "partial", "scare"]


@dataclass(frozen=True)
class QuoteSpan:
    """One quotation; offsets index the text given to :func:`find_quotes`.

    Attributes:
        id: "Q1", "Q2", … in order of appearance.
        start: offset of the first character inside the quote marks.
        end: offset just past the last character inside them; ``text[start:end] == text``.
        text: the quoted words verbatim, without the enclosing marks (punctuation inside
            the marks, nested single quotes and [bracketed] insertions kept).
        kind: "quote" for a full quoted sentence (it opens its sentence or follows a colon
            or a speech verb, or is a capitalised sentence of 8+ words); "partial" for a
            fragment embedded in the reporter's sentence; "scare" for a 1-2 word term
            with no speech or labelling verb in its sentence.
        paragraph: 0-based index of the paragraph; every non-empty line is one.
        continues: id of the span this one continues: the quote left open at the end of
            the previous paragraph, or the part before an attribution (“…,” he said. “…”).
        cue: the speaker found by rule, exactly as written ("Mark Rutte", "Mr Rutte"), a
            description when no name is given ("a North Korean representative"), or None.
            A bare "a spokeswoman" right after a body is quoted in the paragraph gets that
            body: "A spokeswoman for Northgrid" (the description as written, then the body).
        cue_start: offset of ``cue`` in the text; for a resolved pronoun, of the name.
        confident: False when the cue is a guess a model should check: a resolved pronoun
            or role description, a speaker inherited from the previous paragraph or
            sentence, a subject read across an appositive, or a cue that another speech
            verb of the same sentence, with a different named subject, contradicts.
        role: the cue's role or body as a transcript's turn label or header gives it ("Ann
            Roe, Finance Director: …" -> "Finance Director"), or None.
    """

    id: str
    start: int
    end: int
    text: str
    kind: QuoteKind
    paragraph: int
    continues: str | None
    cue: str | None
    cue_start: int | None
    confident: bool = True
    role: str | None = None


# --- marks and patterns --------------------------------------------------------------------

# Double quote marks: openers, closers and the ambiguous straight mark.
_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_STRAIGHT = '"'
_ANY_DOUBLE = _DOUBLE_OPEN + _DOUBLE_CLOSE + _STRAIGHT
# Curly single quotes; the closer doubles as the typographic apostrophe.
_SINGLE_OPEN = "‘"
_SINGLE_CLOSE = "’"
_APOSTROPHE = "'"
_MARK = re.compile(f"[{re.escape(_ANY_DOUBLE + _SINGLE_OPEN + _APOSTROPHE)}]")
# Two single marks used as one double mark (''…'', ’’…’’, ‘‘…’’): the scanner reads the
# first as filler and the second as a straight double mark, so offsets stay those of the text.
_DOUBLED = re.compile(r"(?<!['’‘])(?:''|’’|‘‘)(?!['’‘])")
_FILLER = "\x02"
# One word of three letters or more, perhaps hyphenated: a term in single quotes (‘agonising’).
_ONE_WORD = re.compile(r"[^\W\d_]{3,}(?:-[^\W\d_]+)*")
# Stands in for quoted characters so attribution rules never read inside a quote.
_MASK = "\x00"

# Paragraphs: every non-empty line.
_LINE = re.compile(r"[^\n]+")

# Words ("Mr.", "U.S.", "Chan-il" and "Putin's" stay whole), runs of masked quote text,
# or any other single character.
# Titles written with a full stop ("Dr.", "Sen.", "Smt.", "Engr."): news abbreviations that
# are not of months or of firms ("Jan.", "Inc.").
_DOTTED_TITLES = sorted(
    (
        w.capitalize()
        for w in ABBREVIATIONS
        - frozenset("vs v al etc no inc ltd co corp mt ft".split())
        - frozenset(MONTH_ABBREVIATIONS)
    ),
    key=lambda w: (-len(w), w),
)
_TOKEN = re.compile(
    rf"(?:{'|'.join(_DOTTED_TITLES)})\.(?!\w)"
    r"|(?:[A-Za-z]\.){2,}"
    r"|[A-Z]\.(?=[ \t]+[A-Z](?:[a-z]|\.[ \t]))"  # initials: "Daniel B. Moore", "M. V. Rao"
    r"|[\w'’*\-]+(?:\.[\w'’*\-]+)*"
    r"|\x00+"
    r"|\S"
)

# Verbs that introduce speech, every form of the reporting verbs of ``vocabulary`` (less
# label verbs and noun homographs); "read" only after a word for written words ("the
# minister's statement read"). Finite forms carry a subject; the -ing forms ("…, adding that
# …") only tell that the sentence reports speech.
_CUE_VERB = re.compile(
    r"(?<![\w-])(?:(?i:according to)|called on|" + word_trie(CUE_VERB_FORMS) + r"|reads?)(?![\w-])"
)

# The -ing forms of every reporting verb ("chanting", "shouting"): speech cues only after a
# form of "to be" ("the crowd has been chanting"), see ``_progressive``.
_ING_VERB = re.compile(
    r"(?<![\w-])(?:"
    + word_trie(
        {
            form
            for verbs in REPORTING_VERBS.values()
            for verb in verbs
            if verb not in NOT_QUOTING_VERBS and verb not in LABEL_VERBS
            for form in inflections(verb)
            if form.endswith("ing")
        }
        - CUE_VERB_FORMS
    )
    + r")(?![\w-])"
)

# Verbs that label something with a quoted term; they make a short quote attributed.
_LABEL_VERB = re.compile(
    r"(?<![\w-])(?:"
    + word_alternation(f for v in LABEL_VERBS if v != "refer" for f in inflections(v))
    + r"|referred to as|referring to|known as)(?![\w-])"
)

# --- word lists (``vocabulary``) ---------------------------------------------------------

_PRONOUNS = SPEAKER_PRONOUNS
_NOT_NAMES = NOT_NAME_WORDS
_FUNCTION_WORDS = NOT_NAME_WORDS | SPEAKER_PRONOUNS
_ROLE_NOUNS = ROLE_NOUNS
_ROLE_WORDS = ROLE_NOUNS | TITLE_WORDS
_HONORIFICS = HONORIFICS
_PARTICLES = NAME_PARTICLES
_SKIP_WORDS = ADVERBS_BEFORE_VERB
# Auxiliaries and negation between a subject and its verb, in lower case only ("Helena
# Ashgrove did not tell the House", "he would never say"): "May" and "Will" are names.
_BEFORE_VERB = frozenset(
    """not never did does do would will could can cannot might may must should shall
    himself herself themselves itself""".split()  # "Korvel himself wrote": intensive
)
_SPEAKER_NOUNS = ROLE_NOUNS | GROUP_NOUNS | BODY_WORDS | ROLE_PLURALS
# Conjunctions that open a clause: a subject never reaches back across one.
_SUBORDINATORS = frozenset(
    "after before because while when whenever since until although though as if than and but or"
    " where whereas once".split()
)
# Words that open an appositive or a relative clause after a name ("Name, the MP for X, who …").
_APPOSITIVE_OPENERS = frozenset(
    "a an the who which whose whom where its his her their another one".split()
)
#: Adjectives that open a role in apposition ("…, former Head, …"); a group that goes on
#: to a name ("Its chair, retired teacher Gwen Pilbeam, said") is the speaker's.
_ROLE_ADJECTIVES = frozenset("former acting retired interim then".split())
# Possessives before a word for written words ("her statement read"): the pronoun they stand for.
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they"}
_BE_FORMS = BE_FORMS
_LEAD_WORDS = LEAD_WORDS
_PREPOSITIONS = PREPOSITIONS

# How far rules look around a quote, in characters.
_WINDOW = 240
_SENTENCE_WINDOW = 400
# How many earlier sentences may hold the antecedent of "he said".
_LOOKBACK = 3
# How many earlier quotes the last-resort antecedent search looks at.
_FALLBACK_SPANS = 12


# --- internal records ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Tok:
    """A word or punctuation character of the masked text."""

    start: int
    end: int
    word: str


@dataclass(frozen=True)
class _Cue:
    """A speaker cue as written in the text, and what kind of phrase it is."""

    text: str
    start: int
    form: Literal["name", "pronoun", "description"]
    sure: bool = True


@dataclass
class _Draft:
    """A span while it is being built; becomes a QuoteSpan at the end."""

    open_pos: int  # offset of the opening mark
    start: int
    end: int
    close_end: int  # offset just past the closing mark; == end when left open
    closed: bool
    paragraph: int
    kind: QuoteKind = "quote"
    cue: _Cue | None = None
    continues: int | None = None  # index of the draft this one continues


@dataclass(frozen=True)
class _Document:
    """The text, its masked copy, its boundaries and its speech and labelling verbs."""

    text: str
    masked: str
    paragraph_starts: list[int]
    sentence_starts: list[int]
    sentence_ends: list[int]
    verbs: list[re.Match[str]]
    labels: list[re.Match[str]]

    def sentence_at(self, pos: int) -> int:
        return max(_bisect(self.sentence_starts, pos + 1) - 1, 0)

    def paragraph_at(self, pos: int) -> int:
        return max(_bisect(self.paragraph_starts, pos + 1) - 1, 0)

    def verbs_in(self, lo: int, hi: int) -> list[re.Match[str]]:
        """Speech verbs lying wholly between ``lo`` and ``hi``, in order."""
        return _matches_in(self.verbs, lo, hi)

    def labels_in(self, lo: int, hi: int) -> list[re.Match[str]]:
        return _matches_in(self.labels, lo, hi)

    @cached_property
    def gender_marks(self) -> dict[str, set[str]]:
        """Surname -> what the article marks of the person's gender, for "he" and "she":
            "m" after "Mr", "f" after "Mrs", "Ms" or "Miss", or after a kinship noun ("her late
        husband Ron", "his daughter Amy"); "not f" (or "not m") for one
            introduced as someone else's ("Her deputy, Karl Moen,": a "she" nearby is the one
            "her" stands for, not him). One scan of the text."""
        marks: dict[str, set[str]] = {}
        for m in _HONORIFIC_NAME.finditer(self.text):
            marks.setdefault(m.group(2), set()).add("m" if m.group(1) == "Mr" else "f")
        for m in _POSSESSED_NAME.finditer(self.text):
            not_ = "not f" if m.group(1).lower() == "her" else "not m"
            marks.setdefault(m.group(2), set()).add(not_)  # "his son, David Thorne": David
        for m in _KIN_NAME.finditer(self.text):  # "her late husband Ron", "son Tom"
            noun = m.group(1).lower()
            marks.setdefault(m.group(2), set()).add("f" if noun in FEMALE_NOUNS else "m")
        ends = [*self.paragraph_starts[1:], len(self.text)]
        for lo, hi in zip(self.paragraph_starts, ends, strict=False):
            # "Alan Petts, from Sowerby, wrote: “…” He adds": a paragraph about one person
            # named in full, whose every "he" or "she" outside the quotes is of one gender
            said = self.masked[lo:hi]
            names = {m.group() for m in _FULL_NAME.finditer(said)} - {""}
            names = {n for n in names if n.split()[0].lower().rstrip(".") not in _NOT_GIVEN}
            genders = {
                "f" if (m.group(1) or m.group(2)).lower() == "she" else "m"
                for m in _PRONOUN_SPEAKS.finditer(said)
            }
            if len(names) == 1 and len(genders) == 1:
                marks.setdefault(names.pop(), set()).update(genders)
        return marks


#: A given name and a surname as written (two capitalised words).
_FULL_NAME = re.compile(
    r"(?:^|(?<=[\w,;:.!?] ))[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+ [A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ][\w’'-]*\b(?! [A-Z])",
    re.MULTILINE,
)
#: "he said", "She adds", "said she": a pronoun as the subject of a speech verb.
_PRONOUN_SPEAKS = re.compile(
    rf"\b([Hh]e|[Ss]he)\s+(?:[a-z]+ly\s+)?(?:{word_alternation(SPEECH_VERB_FORMS)})\b"
    rf"|\b(?:{word_alternation(SPEECH_VERB_FORMS)})\s+(he|she)\b"
)
#: Capitalised words that open no personal name.
_NOT_GIVEN = _HONORIFICS | TITLE_WORDS | _ROLE_NOUNS | ORGANISATION_WORDS | NOT_NAME_WORDS


_HONORIFIC_NAME = re.compile(
    r"\b(Mr|Mrs|Ms|Miss)\.?\s+(?:[A-Z][\w’'-]+\s+)*?([A-Z][\w’'-]+)\b(?!\s+[A-Z])"
)
_POSSESSED_NAME = re.compile(
    r"\b([Hh]er|[Hh]is)\s+(?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*,\s+((?:[A-Z][\w’'-]+\s+)*[A-Z][\w’'-]+)"
)


_KIN_NAME = re.compile(
    rf"\b((?i:{word_alternation(FEMALE_NOUNS | MALE_NOUNS)})),?\s+([A-Z][\w’'-]+)\b(?!\s+[A-Z])"
)


def _shared_surname(text: str, surname: str) -> bool:
    """Whether ``text`` names two people with ``surname`` ("Abel Thorne", "David Thorne")."""
    given = {
        m.group(1)
        for m in re.finditer(rf"\b([A-ZÀ-ÖØ-Þ][\w’'-]+)\s+{re.escape(surname)}\b", text)
        if m.group(1).lower().rstrip(".") not in _HONORIFICS | TITLE_WORDS
    }
    return len(given) > 1


def _gender_clash(doc: _Document, cue: _Cue, pronoun: str) -> bool:
    """Whether the article marks the named ``cue`` as not what ``pronoun`` ("he", "she",
    "his", "her") refers to (``_Document.gender_marks``)."""
    surname = cue.text.split()[-1]
    marks = set(doc.gender_marks.get(cue.text, set()))
    shared = _shared_surname(doc.text, surname)
    if cue.text == surname or not shared:
        # a mark on the surname alone ("Mr Thorne") is this person's unless two people of
        # the article bear it ("Abel Thorne" and "his son, David Thorne")
        marks |= doc.gender_marks.get(surname, set())
    if not shared:
        marks |= {
            mark
            for name, found in doc.gender_marks.items()
            if " " in name and name.split()[-1] == surname
            for mark in found
        }
    if pronoun in ("she", "her"):
        return bool(marks & {"m", "not f"})
    if pronoun in ("he", "his"):
        return bool(marks & {"f", "not m"})
    return False


# --- public API ----------------------------------------------------------------------------


def find_quotes(text: str) -> list[QuoteSpan]:
    """Quotations in ``text`` in order of appearance, with kinds, links and speaker cues."""
    paragraphs = _paragraphs(text)
    scan = (
        _DOUBLED.sub(lambda m: _FILLER + _STRAIGHT, text)
        if "''" in text or "’’" in text or "‘‘" in text
        else text
    )
    nicknames = [m.span("nick") for m in _NICKNAME.finditer(text)]
    if nicknames:  # Margaret "Peggy" Oyelaran: a term in marks read apart (``_with_terms``)
        scan = "".join(
            _FILLER if any(a <= k < b and scan[k] in _ANY_DOUBLE for a, b in nicknames) else ch
            for k, ch in enumerate(scan)
        )
    lines = _dialogue_lines(text, paragraphs)
    drafts = [
        draft
        for index, (start, end) in enumerate(paragraphs)
        for draft in (
            [_Draft(*part, True, index) for part in lines[index]]
            if index in lines
            else _scan_paragraph(scan, start, end, index)
        )
    ]
    if not drafts:
        return []
    doc = _document(
        _without_nicknames(_dialogue_as_marks(text, lines), nicknames), paragraphs, drafts
    )
    _attach_cues(doc, drafts)
    for draft in drafts:
        if draft.cue is not None and any(
            draft.cue.start < a < draft.cue.start + len(draft.cue.text) for a, _ in nicknames
        ):
            # the name around a nickname: its surname as written, which the article's
            # fullest form of the name resolves ("Oyelaran" -> "Margaret Oyelaran")
            tail = draft.cue.text.split()[-1]
            at = draft.cue.start + len(draft.cue.text) - len(tail)
            draft.cue = replace(draft.cue, text=tail, start=at)
    _link_continuations(doc, drafts)
    for draft in drafts:
        draft.kind = _classify(doc, draft)
    _mark_titles(doc, drafts)
    for draft in drafts:
        if draft.kind == "scare":
            draft.cue = None
    if nicknames:  # the nickname itself is a term in marks, no one's speech
        drafts = _with_terms(
            drafts,
            [_Draft(a, a + 1, b - 1, b, True, doc.paragraph_at(a), "scare") for a, b in nicknames],
        )
    spans = resolve_pronoun_cues(text, _freeze(text, drafts))
    spans = _share_chain_cues(_follow_quote_paragraphs(doc, spans))
    return repeated_quotes(nested_quotes(text, spans))


def quote_words(text: str) -> str:
    """Lower-case words of a quotation, apostrophes and punctuation folded away ("It's
    ‘stranded’." -> "it s stranded"): for telling whether one quotation holds another's
    words."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower().replace("’", "'")))


def repeated_quotes(spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """``spans`` with a quotation that no cue credits given the speaker of the attributed
    quotation whose words hold it, where exactly one speaker's do: a headline, standfirst
    or pull-quote repeats words the body attributes ("‘We’ve been forgotten’: Premier
    scraps rail upgrade" … "‘We’ve been forgotten,’ Cr Vokes said."). Three words at
    least; never a scare quote; the cue is marked unsure (``confident=False``)."""
    said = [
        (q, quote_words(q.text))
        for q in spans
        if q.cue and q.kind != "scare" and q.cue.lower() not in _PRONOUNS
    ]
    out = []
    for span in spans:
        words = quote_words(span.text)
        if span.cue is None and span.kind != "scare" and len(words.split()) >= 3:
            holders = {
                q.cue: q
                for q, held in said
                if q is not span
                and not q.start <= span.start < q.end  # told inside it: another's words
                and f" {words} " in f" {held} "
            }
            if len(holders) == 1:
                (holder,) = holders.values()
                span = replace(span, cue=holder.cue, cue_start=holder.cue_start, confident=False)
        out.append(span)
    return out


#: The inner marks of each outer family: single marks inside double ones and the reverse.
_INNER_MARKS = {"double": (("‘", "’"), ("'", "'")), "single": (("“", "”"), ('"', '"'))}
#: Who a quotation inside another is told as the words of, at the end of the outer words
#: before it ("… Gus always said, ‘…’", "Then my wife said, '…'", "He told me, “…”"): a
#: name, a pronoun or a description, then a verb of saying or shouting.
_INNER_CUE = re.compile(
    r"(?:^|(?<=[\s,;:—–-]))(?P<who>(?:[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3})|"
    r"(?:[Mm]y|[Hh]is|[Hh]er|[Oo]ur|[Tt]heir|[Tt]he|[Aa]n?|[Oo]ne)(?:\s+[a-z][\w’'-]*){1,3}|"
    r"[Oo]ne of them|[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e|"
    # a bare noun for who spoke ("counsel answered", "police said")
    r"(?:counsel|police|officials|staff|management|security|doctors|nurses|officers))"
    r"\s+(?:(?:once|always|just|then|had|has|have|would|kept|even|simply|actually|"
    r"\w+ly)\s+)*"
    r"(?:said|says|say|told|tells|shouted|shouts|yelled|screamed|wrote|writes|asked|asks|replied|"
    # words of another named as theirs: "talks about 'nostalgia'", "calling it an '…'"
    r"talks?\s+about|talked\s+about|call(?:s|ed|ing)?\s+(?:it|this|that|them)(?:\s+(?:a|an|the))?|"
    r"answered|added|warned|insisted|texted|emailed|messaged|whispered|cried|chanted|went|"
    r"announced|posted|started|began|read|reads|"
    # "a form letter saying it was '…'"
    r"saying(?:\s+(?:it|that|this|they)\s+(?:was|were|is|are|had\s+been|would\s+be))?)"
    # to whom and when: "told us two years ago", "emailed me last week"
    r"(?:\s+(?:me|us|him|her|them|the\s+court|the\s+room|reporters))?"
    r"(?:\s+(?:(?:last|this|on|in|at|that|one|every)\s+[\w’'-]+|yesterday|today|once|"
    r"(?:\w+\s+)?(?:years?|months?|weeks?|days?)\s+ago|at\s+the\s+time))?"
    r"\s*[,:]?\s*$"
)
_SUBJECT_PRONOUNS = frozenset("he she they i we".split())
_OPENING_WORDS = LEAD_WORDS | ADVERBS_BEFORE_VERB | frozenset("when as once after before".split())


def nested_quotes(text: str, spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """``spans`` with the quotations told inside them as spans of their own ("… Then my wife
    said, 'We have to stop.' …" holds "We have to stop."), numbered after them and placed
    in order of appearance: the outer words stay whole. An inner quotation is speech only
    after a verb of saying at the end of the outer words before it; its cue is the name
    there ("Gus always said, ‘…’" gives "Gus"), none for a pronoun or a description (whose
    words they are is not told). Other inner marks ('the “efficiency review”') hold a
    term, not speech, and are left inside."""
    inner: list[QuoteSpan] = []
    for span in spans:
        if span.kind == "scare" or len(span.text) < 8:
            continue
        outer = text[span.start - 1 : span.start]
        family = "single" if outer in "‘'" else "double"
        for opening, closing in _INNER_MARKS[family]:
            marks = re.escape(opening + closing)
            # an apostrophe between letters ("We're", "don’t") is no closing mark
            pattern = (
                rf"(?<![\w’']){re.escape(opening)}(?=\S)"
                rf"(?P<words>(?:[^{marks}\n]|(?<=\w)[’'](?=\w)){{2,400}}?"
                rf"[^\s{re.escape(opening)}]){re.escape(closing)}(?![\w’'])"
            )
            for match in re.finditer(pattern, span.text):
                said = _INNER_CUE.search(span.text[: match.start()])
                if said is None:
                    continue
                if re.search(r"\bcall\w*\s+\w+\s*(?:an?|the)?\s*$", said.group()) and (
                    len(match["words"].split()) < 3
                ):
                    continue  # "He called it ‘cannon fodder’": a label, not speech
                who, at = said["who"], said.start("who")
                while " " in who and who.split()[0].lower() in _OPENING_WORDS:
                    first = who.split()[0]  # "Then Tom Ede said": the name is "Tom Ede"
                    who, at = (
                        who[len(first) :].lstrip(),
                        at + len(who) - len(who[len(first) :].lstrip()),
                    )
                named = who[:1].isupper() and who.lower() not in _SUBJECT_PRONOUNS and (
                    who.split()[0].lower() not in ("my", "his", "her", "our", "their", "the",
                                                   "a", "an", "one")
                )  # fmt: skip
                start = span.start + match.start("words")
                inner.append(
                    QuoteSpan(
                        id="",
                        start=start,
                        end=start + len(match["words"]),
                        text=match["words"],
                        kind="quote",
                        paragraph=span.paragraph,
                        continues=None,
                        cue=who if named else None,
                        cue_start=span.start + at if named else None,
                        confident=False,
                    )
                )
    if not inner:
        return spans
    numbered = [replace(q, id=f"Q{len(spans) + k}") for k, q in enumerate(inner, 1)]
    return sorted([*spans, *numbered], key=lambda q: (q.start, -q.end))


def resolve_pronoun_cues(text: str, spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """Replace pronoun cues ("he") and role descriptions ("the president") by a name.

    The name is the nearest named speaker before the cue: a named cue of an earlier span,
    the subject of a speech verb, or a titled name, searched in the cue's own sentence and
    then up to three sentences back (for a quotation that runs on from a paragraph before,
    back from where it began).  ``cue_start`` then points at that name.  A pronoun with no
    antecedent becomes ``None``; an unresolved description is kept as written.
    """
    doc = _document(text, _paragraphs(text), spans)
    resolved: list[QuoteSpan] = []
    by_id: dict[str, QuoteSpan] = {}
    for span in spans:
        found = _resolve(doc, span, resolved)
        root = span
        while root.continues and root.continues in by_id:
            root = by_id[root.continues]
        if found.cue is None and span.cue and root is not span and span.cue_start is not None:
            # "“We went in there … they would. ¶ “The dredgers will come …,” he said.": the
            # words run on from a paragraph before, so "he" is who was named before them
            earlier = [r for r in resolved if r.start < root.start]
            again = _resolve(doc, replace(span, cue_start=root.start), earlier)
            if again.cue is not None:
                found = again
        by_id[span.id] = span
        resolved.append(found)
    return resolved


def pronoun_referent(text: str, spans: list[QuoteSpan]) -> Callable[[str, int], str | None]:
    """A function ``(pronoun, offset) -> name`` that resolves a 'he', 'she' or 'they' at
    ``offset`` in ``text`` as a quote's "he said" is resolved (``resolve_pronoun_cues``, with
    ``spans`` the article's quotes): the nearest named speaker before it, a person for 'he'
    or 'she', a group or a body for 'they'; None when there is none or the guess is unsafe.
    The text is read once, on the first call."""
    doc: _Document | None = None

    def referent(pronoun: str, offset: int) -> str | None:
        nonlocal doc
        if pronoun.lower() not in _PRONOUNS:
            return None
        if doc is None:
            doc = _document(text, _paragraphs(text), spans)
        asked = QuoteSpan(
            id="",
            start=offset,
            end=offset,
            text="",
            kind="quote",
            paragraph=doc.paragraph_at(offset),
            continues=None,
            cue=pronoun,
            cue_start=offset,
        )
        earlier = [s for s in spans if s.end <= offset]
        found = _resolve_antecedent(doc, asked, earlier).cue
        return found if found and found.lower() not in _PRONOUNS else None

    return referent


def _opening_name(doc: _Document, lo: int, hi: int) -> _Cue | None:
    """A name of two words or more that opens a sentence as its subject ("Daniel Ferreira
    wants to sell."): someone a later "he said" may refer to."""
    toks = _tokens(doc, lo, min(hi, lo + 120))
    a = 0
    while a < len(toks) and toks[a].word.lower() in _LEAD_WORDS:
        a += 1
    b = a
    while b < len(toks) and (_is_name_token(toks[b].word) or toks[b].word in _PARTICLES):
        b += 1
    if b - a < 2 or b >= len(toks) or not (toks[b].word == "," or toks[b].word[:1].islower()):
        return None
    cue = _phrase_cue(doc, toks, a, b - 1)
    return cue if cue is not None and cue.form == "name" and " " in cue.text else None


#: What lies between a name and the description in apposition to it ("Ann Roe, a lecturer").
_APPOSITIVE_GAP = re.compile(r",[ \t]*")


def _headline_case(line: str) -> bool:
    """Whether ``line`` is written in title case, as headlines are ("Common Painkiller Linked
    to Higher Stroke Risk, Large Study Finds"): five words or more, nearly all of those of
    four letters or more capitalised."""
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", line) if len(w) >= 4]
    return len(line.split()) >= 5 and len(words) >= 3 and all(w[:1].isupper() for w in words)


def speaker_mentions(text: str, spans: list[QuoteSpan]) -> list[tuple[str, int]]:
    """People and bodies the article presents as speakers or names with a title, as
    ``(phrase as written, offset)`` in order: the named or described cues of ``spans``, the
    subjects of speech verbs ("police said", "Maria Lopez, the MP, said"), titled names
    ("Councillor Lena Varga") and full names opening a sentence, sentence by sentence.
    Pronouns are left out. These are the candidates a model may choose a quote's speaker
    from."""
    doc = _document(text, _paragraphs(text), spans)
    found: dict[int, str] = {}
    for span in spans:
        if span.cue and span.cue_start is not None and span.cue.lower() not in _PRONOUNS:
            found.setdefault(span.cue_start, span.cue)
    for lo, hi in zip(doc.sentence_starts, doc.sentence_ends, strict=False):
        for m in doc.verbs_in(lo, hi):
            if m.group().lower() == "according to":
                cue = _phrase_after(doc, m.end(), hi)
            elif m.group().endswith("ing"):
                continue
            else:
                cue = _pick(_inverted_subject(doc, lo, m), _subject_before(doc, lo, m.start()))
            if cue is not None and cue.form == "description" and _is_role_description(cue.text):
                named = _antecedent(doc, cue.start, [])
                if named is not None and _holds_role(doc, named, cue.text):
                    cue = replace(named, start=cue.start)  # "the Nato chief" is Mark Rutte
            if cue is not None and cue.form == "description":
                named = _antecedent(doc, cue.start, [])
                if named is not None and _APPOSITIVE_GAP.fullmatch(
                    doc.text, named.start + len(named.text), cue.start
                ):
                    cue = named  # "Dr Ann Roe, a lecturer in drama who has written …": Ann Roe
            if cue is not None and cue.form != "pronoun":
                found.setdefault(cue.start, cue.text)
        for cue in _titled_names(doc, lo, hi):
            found.setdefault(cue.start, cue.text)
        subject = _opening_name(doc, lo, hi) if not _headline_case(doc.text[lo:hi]) else None
        if subject is not None:  # not "Common Painkiller Linked" of a headline in title case
            found.setdefault(subject.start, subject.text)
    return sorted(((name, start) for start, name in found.items()), key=lambda x: x[1])


# --- pass 1: scanning quote marks ----------------------------------------------------------


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line."""
    return [(m.start(), m.end()) for m in _LINE.finditer(text) if not m.group().isspace()]


def _scan_paragraph(text: str, start: int, end: int, paragraph: int) -> list[_Draft]:
    """Quote spans of one paragraph, with nesting tracked by depth.

    ``text`` is the scan copy of the article: doubled single marks read as one straight
    double mark (``_DOUBLED``). Double marks nest; a single mark at the top level opens a
    quote only when its closer is found in the paragraph (``_single_closers``), so
    apostrophes ("it's", "Price's", "the '90s") never do."""
    drafts: list[_Draft] = []
    piece = text[start:end]
    curly = _single_closers(text, start, end, _SINGLE_CLOSE) if _SINGLE_OPEN in piece else None
    straight = _single_closers(text, start, end, _APOSTROPHE) if _APOSTROPHE in piece else None
    depth, open_pos, skip_to = 0, start, start
    # Only quote marks open, nest or close quotes: every other character is passed over.
    for mark in _MARK.finditer(text, start, end):
        i = mark.start()
        if i < skip_to:
            continue
        ch = text[i]
        prev = text[i - 1] if i > start else ""
        nxt = text[i + 1] if i + 1 < end else ""
        if depth == 0 and ch not in (_SINGLE_OPEN, _APOSTROPHE) and _opens(ch, prev, nxt):
            depth, open_pos = 1, i
        elif depth == 0 and ch in (_SINGLE_OPEN, _APOSTROPHE) and _opens_single(ch, prev, nxt):
            closers = curly if ch == _SINGLE_OPEN else straight
            close = closers[i + 1 - start] if closers is not None and i + 1 < end else None
            if close is not None:
                # a curly opener is unambiguous; a straight one needs punctuation or three words
                short = text[close - 1] in ",.!?;:…" or ch == _SINGLE_OPEN
                # one word in curly marks is a term (‘agonising’), never an apostrophe's pair;
                # so is one in straight marks set off by a space ("said it was 'appalled'."):
                # an elision ("rock 'n' roll", "'em") is shorter or opens no word
                word = _ONE_WORD.fullmatch(text, i + 1, close) is not None and (
                    ch == _SINGLE_OPEN or not prev or prev.isspace() or prev in "([{—–"
                )
                set_off = not prev or prev.isspace() or prev in "([{—–"
                least = 1 if word else 2 if short or set_off else 3
                if _add(drafts, text, i, close, close + 1, paragraph, least):
                    skip_to = close + 1
            elif _continued_single(text, start, i, end, ch):
                # "…, said: 'I'm terrified. … to find one." with the next paragraph opening
                # "'These bosses …'": a quotation that runs on, left open at the paragraph end
                if _add(drafts, text, i, end, end, paragraph, 3):
                    skip_to = end
        elif depth > 0 and ch not in (_SINGLE_OPEN, _APOSTROPHE):
            depth += _depth_change(ch, prev, nxt)
            if depth == 0:
                _add(drafts, text, open_pos, i, i + 1, paragraph)
    if depth > 0:
        _add(drafts, text, open_pos, end, end, paragraph)
    return drafts


#: A nickname in quote marks inside a name: Margaret "Peggy" Oyelaran, Thomas “Tam” Ashby.
_NICKNAME = re.compile(
    r"\b[A-Z][a-z]+[ \t](?P<nick>[\"“][A-Z][a-z’'-]{1,15}[\"”])(?=[ \t][A-Z][a-z])"
)


def _with_terms(drafts: list[_Draft], terms: list[_Draft]) -> list[_Draft]:
    """``drafts`` and ``terms`` in order of appearance, the links of continuations kept."""
    merged = sorted([*drafts, *terms], key=lambda d: d.start)
    where = {id(d): k for k, d in enumerate(merged)}
    links = [drafts[d.continues] if d.continues is not None else None for d in drafts]
    for draft, link in zip(drafts, links, strict=True):
        draft.continues = where[id(link)] if link is not None else None
    return merged


def _without_nicknames(text: str, nicknames: list[tuple[int, int]]) -> str:
    """``text`` with each nickname inside a name turned to spaces, of the same length."""
    for a, b in nicknames:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


# --- dialogue dashes ---------------------------------------------------------------------

#: The dash that opens a line of dialogue in Spanish, French, Portuguese or Italian copy.
_DIALOGUE_DASHES = "—―"

#: A narrator's words breaking into a line of dialogue: a dash after a space, then the words
#: up to a closing dash or the line's end ("—said Ferreira in Portuguese—", "—she asked—").
_NARRATION = re.compile(r"[ \t\u00a0]+[—―][ \t\u00a0]?(?P<words>[^—―\n]+?)(?P<close>[—―]|[ \t]*$)")


def _narration_speaks(words: str) -> bool:
    """Whether a narrator's aside reports speech: a reporting verb among its first five
    words ("said Ferreira", "the priest said during the homily", "she asked")."""
    head = " ".join(words.split()[:5])
    return _CUE_VERB.search(head) is not None


def _dialogue_line(text: str, start: int, end: int) -> list[tuple[int, int, int, int]] | None:
    """The quoted parts of a paragraph written as a line of dialogue, each as (offset of
    its opening dash, or of the space or dash after the narration it resumes after; start;
    end; offset just past the dash that opens the narration after it), or None when the
    paragraph is not one.

    A line of dialogue opens with a dash, and a narrator's aside set off by dashes reports
    who speaks: "—For years nobody listened —said Ana Ruiz outside—. We bought water." The
    words between the dashes are the narrator's, never quoted; the quotation resumes after
    the aside's closing dash and the stop that ends the narrator's sentence. A line with no
    such aside (a list item, a credit "— Name") is not dialogue."""
    if text[start] not in _DIALOGUE_DASHES:
        return None
    parts: list[tuple[int, int, int, int]] = []
    open_pos, at = start, start + 1
    while True:
        while at < end and text[at] in " \t\u00a0":
            at += 1
        m = _NARRATION.search(text, at, end)
        if m is None or not _narration_speaks(m.group("words")):
            if not parts or at >= end:
                return parts or None
            stop = end
            while stop > at and text[stop - 1].isspace():
                stop -= 1
            parts.append((open_pos, at, stop, end))
            return parts
        stop = m.start()
        if stop <= at or not any(ch.isalnum() for ch in text[at:stop]):
            return None
        parts.append((open_pos, at, stop, m.start("words")))
        if not m.group("close").strip():
            return parts  # the aside ends the line: "—We bought water —Ruiz said."
        open_pos, at = m.end() - 1, m.end()
        while at < end and text[at] in ".,;:":
            at += 1
        if at < end and text[at] in " \t\u00a0":
            open_pos = at  # "—. We": the quotation resumes as the next sentence opens


def _dialogue_lines(
    text: str, paragraphs: list[tuple[int, int]]
) -> dict[int, list[tuple[int, int, int, int]]]:
    """Paragraph index -> the quoted parts of each paragraph that is a line of dialogue."""
    lines: dict[int, list[tuple[int, int, int, int]]] = {}
    for index, (start, end) in enumerate(paragraphs):
        if text[start] in _DIALOGUE_DASHES:
            parts = _dialogue_line(text, start, end)
            if parts:
                lines[index] = parts
    return lines


def _dialogue_as_marks(text: str, lines: dict[int, list[tuple[int, int, int, int]]]) -> str:
    """``text`` with the dashes of dialogue lines read as quote marks, of the same length:
    "—We waited —said Ana—. We paid." reads as "“We waited” said Ana . “We paid.", so that
    the speaker is found as after any quotation."""
    if not lines:
        return text
    chars = list(text)
    for parts in lines.values():
        for index, (open_pos, _start, stop, after) in enumerate(parts):
            if index > 0:  # the narration's closing dash, before the quotation resumes
                dash = max(text.rfind(d, parts[index - 1][3], open_pos) for d in _DIALOGUE_DASHES)
                if dash >= 0:  # "courthouse—. We" reads "courthouse. “We"
                    chars[dash] = " "
                    if dash + 2 == open_pos:
                        chars[dash], chars[dash + 1] = text[dash + 1], " "
            chars[open_pos] = "\u201c"
            if stop < after:
                dash = text.find("—", stop, after)
                dash = dash if dash >= 0 else text.find("―", stop, after)
                if dash > stop and text[dash - 1] in " \t\u00a0":
                    chars[dash - 1], chars[dash] = "\u201d", " "
                elif dash >= 0:
                    chars[dash] = "\u201d"
    return "".join(chars)


def _continued_single(text: str, start: int, at: int, end: int, mark: str) -> bool:
    """Whether a single mark at ``at`` with no closer in its paragraph (``start``..``end``)
    opens a quotation that runs on into the next paragraph, as British copy writes it: it
    opens the paragraph or follows a colon or a comma, and the next paragraph opens with the
    same mark."""
    before = text[start:at].rstrip()
    if before and not before.endswith((":", ",")):
        return False
    following = text[end : end + 8].lstrip()
    return following.startswith(mark) and len(following) > 1 and following[1].isalpha()


def _opens(ch: str, prev: str, nxt: str) -> bool:
    """Whether a mark outside any quote opens one."""
    if ch in _DOUBLE_OPEN:
        return True
    if ch == _STRAIGHT:
        return bool(nxt) and not nxt.isspace()
    # A closing curly mark used as an opener: ”Word at the start of a word.
    return ch in _DOUBLE_CLOSE and (not prev or prev.isspace()) and nxt.isalnum()


def _depth_change(ch: str, prev: str, nxt: str) -> int:
    """+1 for a nested opener, -1 for a closer, 0 for any other character inside a quote."""
    if ch in _DOUBLE_CLOSE:
        return -1
    if ch in _DOUBLE_OPEN:
        # “ followed by a word opens a nested quote; otherwise it closes („…“, „…“) or „…“-).
        return 1 if nxt and (nxt.isalnum() or nxt in "'‘") else -1
    if ch == _STRAIGHT:
        opens = (not prev or prev.isspace() or prev in "([{—–") and nxt.isalnum()
        return 1 if opens else -1
    return 0


def _opens_single(ch: str, prev: str, nxt: str) -> bool:
    """A single mark after no letter, digit or apostrophe, before a letter ('It…, ‘We…)."""
    if prev.isalnum() or (prev and prev in "'’") or not nxt or nxt.isspace():
        return False
    return ch == _SINGLE_OPEN or nxt.isalpha()


#: Words that never follow a plural possessive: after "families'" they show the mark
#: closes a quotation ("'painful for a lot of families' but insisted …").
_NEVER_POSSESSED = frozenset(
    """but and or nor so yet as than then that which who whom whose when while where if
    because though although unless until since before after to of in on at for from with by
    about into is was were are be been has have had will would can could should may might
    must do does did he she they it we i you his her its their our the a an this these those
    not also said says say insisted added told tells warned argued claimed""".split()
)


def _next_word(text: str, at: int) -> str:
    """The lower-case word that starts at ``at`` ("" at none)."""
    found = re.match(r"[a-z]+", text[at : at + 20])
    return found.group() if found else ""


def _single_closers(text: str, start: int, end: int, mark: str) -> list[int | None]:
    """For each offset, the nearest ``mark`` (’ or ') closing a single quote from there.

    A closer follows a non-space and is not followed by a letter or digit (so "It’s" is an
    apostrophe), nor is it a plural possessive before a noun ("the workers’ union"). For
    curly marks a double mark in between blocks the match unless it is one of a whole pair
    (‘He told me, “It’s a timing issue”, and I believed him,’); straight single quotes may
    hold double ones ('what "red mercury" is?').
    """
    nearest: list[int | None] = [None] * (end - start)
    found: int | None = None
    inside = False  # read backwards, between the closing and the opening mark of a pair
    for j in range(end - 1, start - 1, -1):
        ch = text[j]
        if ch in _ANY_DOUBLE and mark == _SINGLE_CLOSE:
            closing = ch in "”»" or (ch == '"' and not inside)
            if found is not None and closing and not inside:
                inside = True  # a nested double quotation, read from its end
            elif found is not None and inside and not closing:
                inside = False  # …and its opening: the pair is whole
            else:
                found, inside = None, False
            nearest[j - start] = None
            continue
        if inside:
            nearest[j - start] = None
            continue
        if ch == mark and j > start and not text[j - 1].isspace():
            after = text[j + 1 : j + 3]
            possessive = (
                text[j - 1] == "s"
                and after[:1] == " "
                and after[1:2].islower()
                and _next_word(text, j + 2) not in _NEVER_POSSESSED
            )  # "the workers' union", not "'painful for families' but insisted"
            if (j + 1 == end or not text[j + 1].isalnum()) and not possessive:
                found = j
        nearest[j - start] = found
    return nearest


def _add(
    drafts: list[_Draft],
    text: str,
    open_pos: int,
    close_pos: int,
    close_end: int,
    paragraph: int,
    min_words: int = 1,
) -> bool:
    """Append the span between a mark at open_pos and close_pos, trimmed of whitespace (and
    of the filler of a doubled mark); False when it is too short to be a quote."""
    start, end = open_pos + 1, close_pos
    while start < end and (text[start].isspace() or text[start] == _FILLER):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == _FILLER):
        end -= 1
    if start == end or _word_count(text[start:end]) < min_words:
        return False
    closed = close_end > close_pos
    drafts.append(_Draft(open_pos, start, end, close_end if closed else end, closed, paragraph))
    return True


def _word_count(text: str) -> int:
    return sum(1 for token in text.split() if any(ch.isalnum() for ch in token))


# --- documents and sentences ---------------------------------------------------------------


def _document(
    text: str, paragraphs: list[tuple[int, int]], spans: list[_Draft] | list[QuoteSpan]
) -> _Document:
    """Mask the quoted text of ``spans`` and split the paragraphs into sentences."""
    masked = _blank_asides(_mask(text, spans))
    starts: list[int] = []
    ends: list[int] = []
    for p_start, p_end in paragraphs:
        for s_start, s_end in sentence_bounds(masked, p_start, p_end):
            starts.append(s_start)
            ends.append(s_end)
    return _Document(
        text,
        masked,
        paragraph_starts=[p for p, _ in paragraphs] or [0],
        sentence_starts=starts or [0],
        sentence_ends=ends or [len(text)],
        verbs=sorted(
            [
                m
                for m in _CUE_VERB.finditer(masked)
                if not _infinitive(masked, m)
                and (m.group()[:4] != "read" or _after_written(masked, m))
            ]
            + [m for m in _ING_VERB.finditer(masked) if _progressive(masked, m)],
            key=re.Match.start,
        ),
        labels=list(_LABEL_VERB.finditer(masked)),
    )


# A short aside in brackets after a capitalised word, before a comma or a lower-case word: an
# acronym, a party and state, an age ("The Arable Growers' Union (AGU) said", "Sen. Ann Lee
# (R-Ohio), who …", "Jane Doe (34) said"); not one before a capitalised word ("John (Jack) Smith").
_ASIDE = re.compile(r"(?<=[\w.'’])([ \t]*)\(([^()\x00\n]{1,30})\)(?=[ \t]*(?:,|[a-z]))")
_WORD_BEFORE = re.compile(r"[\w.'’-]+$")


def _blank_asides(masked: str) -> str:
    """``masked`` with each aside of ``_ASIDE`` of at most four words after a capitalised word
    turned to spaces, so that a name and its verb meet; offsets are kept."""

    def blank(m: re.Match[str]) -> str:
        before = _WORD_BEFORE.search(masked, 0, m.start())
        if before is None or not before.group()[:1].isupper() or len(m.group(2).split()) > 4:
            return m.group()
        return " " * len(m.group())

    return _ASIDE.sub(blank, masked)


def _progressive(masked: str, m: re.Match[str]) -> bool:
    """Whether the -ing verb ``m`` follows a form of "to be", perhaps with an adverb between
    ("were chanting", "has been loudly chanting"): a finite verb, not a participle."""
    before = masked[max(0, m.start() - 30) : m.start()].lower().split()
    if before and before[-1].endswith("ly"):
        before.pop()
    return bool(before) and before[-1] in _BE_FORMS


def _after_written(masked: str, m: re.Match[str]) -> bool:
    """ "read" cues speech only after a word for written words ("her statement read")."""
    before = masked[max(0, m.start() - 12) : m.start()].split()
    return bool(before) and before[-1].lower() in WRITTEN_WORDS


def _infinitive(masked: str, m: re.Match[str]) -> bool:
    """A reporting verb after "to" ("vows to respond", "refused to comment") heads no cue."""
    before = masked[max(0, m.start() - 4) : m.start()].lower()
    return before.endswith("to ") and not before[:-3][-1:].isalnum()


def _mask(text: str, spans: list[_Draft] | list[QuoteSpan]) -> str:
    """``text`` with every quoted character masked, but a final . ! or ? kept; of the same
    length as ``text``, whose offsets it keeps. A span nested in another (a quotation
    inside a quotation) or overlapping it is masked once."""
    parts: list[str] = []
    last = 0
    for span in sorted(spans, key=lambda s: s.start):
        stop = span.end - 1 if text[span.end - 1] in ".!?" else span.end
        start = max(span.start, last)
        if stop <= start:
            continue  # inside a span masked already
        parts += [text[last:start], _MASK * (stop - start)]
        last = stop
    parts.append(text[last:])
    return "".join(parts)


def _bisect(values: list, pos: int, key: Callable[[Any], int] = int) -> int:
    """Index of the first item of ``values`` (sorted by ``key``) whose key is >= pos."""
    lo, hi = 0, len(values)
    while lo < hi:
        mid = (lo + hi) // 2
        if key(values[mid]) < pos:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _matches_in(matches: list[re.Match[str]], lo: int, hi: int) -> list[re.Match[str]]:
    """The matches, sorted by start, that lie wholly between ``lo`` and ``hi``."""
    found = []
    k = _bisect(matches, lo, key=re.Match.start)
    while k < len(matches) and matches[k].end() <= hi:
        found.append(matches[k])
        k += 1
    return found


# --- tokens and names ----------------------------------------------------------------------


def _tokens(doc: _Document, lo: int, hi: int) -> list[_Tok]:
    return [_Tok(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(doc.masked, lo, hi)]


def _is_word(word: str) -> bool:
    return any(ch.isalnum() for ch in word)


def _is_name_token(word: str) -> bool:
    """A capitalised word that may belong to a name (not "The", not "Britain's")."""
    return (
        word[:1].isupper()
        and _is_word(word)
        and not word.endswith(("'s", "’s", "s'", "s’"))
        and word.lower() not in _NOT_NAMES
        and word.lower() not in SENTENCE_ADVERBS
        and not name_descriptor(word)
        and not _compound_word(word)
    )


def _plural_possessive_of_body(word: str, following: str) -> bool:
    """A capitalised plural possessive that opens a body's name ("Referees'" in "The
    Referees' Association", "Teachers’" in "Teachers’ Union"): part of the name, where a
    singular possessive ("Britain's Prime Minister") ends one."""
    return (
        word[:1].isupper()
        and word.endswith(("s'", "s’"))
        and len(word) > 3
        and following.lower() in BODY_WORDS
    )


def _compound_word(word: str) -> bool:
    """A hyphenated phrase, not a name: "Gran-of-three", "Editor-in-chief" (three parts or
    more, or a function word inside); "Chan-il" and "Min-jun" are names."""
    parts = word.lower().split("-")
    return len(parts) >= 3 or any(p in _PREPOSITIONS or p in ("and", "the") for p in parts[1:])


#: Last words of a body's name that may join two words with "and" ("Health and Safety
#: Executive", "Fire and Rescue Service", "Food and Drug Administration").
_AND_BODY_HEADS = frozenset("executive service services administration inspectorate".split())


def _run_back(toks: list[_Tok], i: int) -> int | None:
    """Index of the first token of the name run that ends at ``toks[i]``."""
    if not _is_name_token(toks[i].word):
        return None
    j = i
    body = toks[i].word.lower() in BODY_WORDS | _AND_BODY_HEADS
    while j > 0 and (
        _is_name_token(toks[j - 1].word)
        or toks[j - 1].word in _PARTICLES
        or _plural_possessive_of_body(toks[j - 1].word, toks[j].word)
        # "the Health and Safety Executive", "Fire and Rescue Service": one body
        or (
            body
            and toks[j - 1].word in ("and", "&")
            and j >= 2
            and _is_name_token(toks[j - 2].word)
        )
    ):
        j -= 1
    while toks[j].word in _PARTICLES:
        j += 1
    return j


def _title_word(word: str) -> bool:
    """A role or title word, or an occupation by its ending ("Keeper", "Curator")."""
    lower = word.lower().rstrip(".")
    return lower in _ROLE_WORDS or (lower.isalpha() and lower.endswith(OCCUPATION_ENDINGS))


def _could_be_name(word: str, text: str) -> bool:
    """Whether ``word`` may be part of a personal name: no body's or title's word, and never
    written in lower case in ``text`` (a common noun is: "Maternity" after "maternity unit")."""
    bare = word.lower().rstrip(".")
    if bare in ORGANISATION_WORDS or bare in _ROLE_WORDS:
        return False
    return re.search(rf"(?<![\w-]){re.escape(bare)}(?![\w-])", text) is None


def _titled_complement(toks: list[_Tok], j: int) -> bool:
    """Whether the run starting at ``toks[j]`` is the complement of a title before it: a role
    word and "of" or "for" ("Minister for | Health Paul Grey", "Chair of | Trustees …"),
    with capitalised words joined by "and" between ("Minister of Works and | Transport …")."""
    k = j - 1
    while k >= 2 and toks[k].word in ("and", "&") and _is_name_token(toks[k - 1].word):
        k -= 1
        while k >= 1 and _is_name_token(toks[k].word):
            k -= 1
    return k >= 1 and toks[k].word in ("of", "for") and _title_word(toks[k - 1].word)


def _person(toks: list[_Tok], j: int, i: int, text: str = "") -> tuple[int, bool] | None:
    """Start of the personal name in the run ``toks[j..i]`` and whether it was titled.

    Titles up to the last role word are dropped ("Nato Secretary-General Mark Rutte" ->
    "Mark Rutte"); a run that ends in a role word ("Defence Secretary") is no name. With the
    article's ``text``, a descriptor opening a run of three words or more is dropped too
    ("Glaciologist Hanna Lindqvist" -> "Hanna Lindqvist", see ``descriptor_before``).
    """
    if toks[i].word.lower().rstrip(".") in _ROLE_WORDS:
        return None
    if toks[i].word.lower() in BODY_WORDS:
        return None  # "The National Police Federation", "the National Trust": a body
    titled = False

    def named_apart(first: int) -> bool:  # the surname also stands alone in the article
        surname = toks[i].word
        alone = re.search(rf"(?<!{re.escape(toks[first].word)} )\b{re.escape(surname)}\b", text)
        return bool(text) and i - first == 1 and alone is not None

    for r in range(j + 1, i):
        if toks[r].word.lower().rstrip(".") in _HONORIFICS:
            # "Minister for Energy Sardar Tariq Kundi", "Director of Public Health Dr Ann
            # Roe": an honorific inside the run opens the name
            return r, True
    if _titled_complement(toks, j) and i - j >= 2:
        if named_apart(i - 1):
            return i - 1, True  # "Captain of Boats Giles Harrow": the run ends in the name
        initial = re.fullmatch(r"[A-Z]\.?", toks[i - 1].word) is not None
        start = max(j + 1, i - 2 if initial else i - 1)
        if toks[j - 2].word[:1].isupper() and all(
            _could_be_name(t.word, text) for t in toks[start : i + 1] if len(t.word) > 2
        ):
            # "Professor of Economics Ann Lee", "Minister for Defence Procurement Jonah
            # Kettering": a capitalised title before a name, its complement the run's first
            # words; a name is two words (and an initial between) that the article never
            # writes in lower case. Not "a spokesperson for Millbrook Lifeboat Station" (a
            # lower-case role), nor "Chair of Save Carrowfield Maternity" ("maternity unit")
            return start, True
    for r in range(j, i):
        if _title_word(toks[r].word) and toks[r + 1].word == "of" and named_apart(i - 1):
            # "Keeper of World Cultures Simon Ferrier", "Chair of Trustees Ann Oyelaran": a
            # title with "of" runs on in capitals; the name is its last two words
            return max(j, i - 1), True
    for r in range(i - 1, j - 1, -1):
        word = toks[r].word.lower().rstrip(".")
        body = word in BODY_WORDS or word.removesuffix("s") in BODY_WORDS
        # a plural role opens a run ("Fans Kayla Brooks"), or ends a title before a name of
        # two words at least ("Chair of Trustees Ann Oyelaran"; not "Workers Local 12")
        plural = word in ROLE_PLURALS and (r == j or i - r >= 2)
        if word in _ROLE_WORDS or plural or (body and r > j):
            # "Fans Kayla Brooks and …" (a caption): a role, no name; "Director of Primary
            # Care Services Gareth Lyle": the body in the title is no part of the name
            j, titled = r + 1, True
            break
    titled = titled or toks[j].word.lower().rstrip(".") in _HONORIFICS
    names = [t.word for t in toks[j + 1 : i + 1]]
    if (
        text
        and not titled
        and len(names) >= 2
        and descriptor_before(toks[j].word, " ".join(names), text)
    ):
        j, titled = j + 1, True
    if i - j > 3:
        j = i - 2
    return j, titled


def _span_text(doc: _Document, first: _Tok, last: _Tok) -> str:
    return doc.text[first.start : last.end]


def _phrase_cue(doc: _Document, toks: list[_Tok], a: int, i: int) -> _Cue | None:
    """The speaker named by the phrase ``toks[a..i]``: pronoun, name or description; a name
    that ends an institution's ("Health" of "Officials at the Ministry of Health") is the
    institution's whole name."""
    cue = _phrase_cue_of(doc, toks, a, i)
    if cue is not None and cue.form == "name" and a < len(toks):
        head = _HEAD_BEFORE.search(doc.text, toks[a].start, cue.start)
        if head is not None:
            return _Cue(doc.text[head.start() : toks[i].end], head.start(), "name")
    return cue


def _phrase_cue_of(doc: _Document, toks: list[_Tok], a: int, i: int) -> _Cue | None:
    """``_phrase_cue`` before the institution's name is made whole."""
    if i > a and toks[i].word == ")":
        # "The Association des francophones du Nord (AFN)": the name before its initials,
        # or the initials where the phrase holds nothing else
        i -= 3 if i - a >= 3 and toks[i - 2].word == "(" else 1
    last = toks[i]
    if last.word.lower() in _PRONOUNS:
        return _Cue(last.word, last.start, "pronoun")
    for s in range(a + 1, i):
        if toks[s].word.lower() in _SPOKES and toks[s + 1].word.lower() == "for":
            # "a spokeswoman for Northgrid", "a spokesman for the city council": the body
            # belongs to the speaker
            speaker = _description(doc, toks[a : s + 1])
            if speaker is not None and speaker.text.split()[-1].lower() in _SPOKES:
                return replace(speaker, text=doc.text[speaker.start : last.end])
    of = next((k for k in range(i - 2, max(a, 1) - 1, -1) if toks[k].word == "of"), None)
    if (
        of is not None
        and i - of >= 3
        and (
            toks[of - 1].word.lower().rstrip(".") in _ROLE_WORDS
            or toks[of - 1].word.lower().endswith(OCCUPATION_ENDINGS)  # "Keeper"
        )
        and toks[of - 1].word[:1].isupper()
        and all(_is_name_token(t.word) for t in toks[of + 1 : i + 1])
        and all(_could_be_name(t.word, doc.text) for t in toks[i - 1 : i + 1])
    ):
        # "Keeper of World Cultures Simon Ferrier": a title, its body, then the name (a
        # given name and a surname)
        return _Cue(_span_text(doc, toks[i - 1], last), toks[i - 1].start, "name")
    j = _run_back(toks, i)
    firm = j is not None and j - 2 >= a and toks[j - 1].word == "&"
    if firm and _is_name_token(toks[j - 2].word):
        # "Tolland & Sons said", "Harbison & Cole": an ampersand joins one firm's name, never
        # two people
        k = _run_back(toks, j - 2)
        if k is not None and k >= a:
            if toks[k].word.lower() == "the" and k + 1 < j - 1:
                k += 1
            return _Cue(_span_text(doc, toks[k], last), toks[k].start, "name")
    if j is not None and j - 2 > a and toks[j - 1].word in ("and", "&"):
        k = _run_back(toks, j - 2)
        if (
            k is not None
            and k - 2 >= a
            and toks[k - 1].word == "of"
            and _INSTITUTION_HEAD.fullmatch(toks[k - 2].word)
        ):
            # "the Ministry of Ports and Island Transport announced": one body's name
            first = k - 2
            while first > a and _is_name_token(toks[first - 1].word):
                first -= 1
            return _Cue(_span_text(doc, toks[first], last), toks[first].start, "name")
    person = _person(toks, j, i, doc.text) if j is not None else None
    of = j - 1 if j is not None else None
    if (
        of is not None
        and of > a
        and toks[of].word.lower() == "the"
        and toks[of - 1].word in ("of", "for")
    ):
        of -= 1  # "The Composers’ Guild of the Lower Valley"
    if (
        person is not None
        and of is not None
        and of >= a + 1
        and toks[of].word in ("of", "for")
        and _INSTITUTION_HEAD.fullmatch(toks[of - 1].word)
    ):
        # "The Federation of Ostranian Industry warned", "the Department for Rural Affairs
        # said": a body's name, not a person in it
        first = of - 1
        while first > a and (
            _is_name_token(toks[first - 1].word)
            or toks[first - 1].word.endswith(("s’", "s'"))  # "Composers’ Guild"
            # "The Brackenholt and District Chamber of Commerce"
            or (
                toks[first - 1].word in ("and", "&")
                and first - 1 > a
                and _is_name_token(toks[first - 2].word)
            )
        ):
            first -= 1
        if first == a or (first == a + 1 and toks[a].word.lower() == "the"):
            return _Cue(_span_text(doc, toks[a], last), toks[a].start, "name")
        if (
            toks[first - 1].word.lower() == "the"
            and first - 2 >= a
            and toks[first - 2].word.isalpha()
            and toks[first - 2].word.islower()
            and toks[first - 2].word not in _PREPOSITIONS | _LINKING
        ):
            # "a move the Ministry of Energy described as …": the body after a noun phrase
            return _Cue(_span_text(doc, toks[first - 1], last), toks[first - 1].start, "name")
    if j is not None and j > a:
        linked = _linked_head(doc, toks, a, j, i, person)
        if linked is not None:
            return linked
    if (
        j is not None
        and j >= a + 3
        and toks[j - 1].word.lower() in _PLACE_PREPOSITIONS
        and toks[a].word.lower() in ("a", "an", "one", "another")
        and all(t.word.islower() for t in toks[a + 1 : j - 1])
    ):
        # "A reader in Dockside", "a younger plot holder at Back Lane": a person described
        # by where they are; the place is not the speaker
        return _description(doc, toks[a : j - 1])
    plural_head = a + 1 if toks[a].word.lower() == "the" and a + 1 < i else a
    if (
        j is not None
        and j > plural_head + 1
        and toks[plural_head].word.lower() in GROUP_NOUNS | ROLE_PLURALS
        and toks[plural_head + 1].word.lower() in _PREPOSITIONS | _MORE_PREPOSITIONS
        # "Analysts at Tremont Securities": a body's people speak for it
        and not any(t.word.lower().rstrip(".") in ORGANISATION_WORDS for t in toks[j : i + 1])
    ):
        # "Landowners along the route of the proposed Slievemore Greenway have vowed":
        # people described by where they are; the place is not the speaker
        return _description(doc, toks[a : plural_head + 1])
    if person is not None:
        first, titled = person
        organisation = j > a and toks[j - 1].word.lower() == "the"
        if titled or not organisation:
            return _Cue(_span_text(doc, toks[first], last), toks[first].start, "name")
    return _description(doc, toks[a : i + 1])


#: Capitalised heads of an institution's name before "of" ("Federation of …", "Museum of
#: …", "University of …", "Ministry of …").
_INSTITUTION_HEAD_WORDS = (
    r"(?:Federation|Confederation|Association|Society|Union|League|Council|Museum|Gallery|"
    r"University|College|Institute|Institution|Academy|School|Ministry|Department|Office|"
    r"Board|Bank|Chamber|Court|Commission|Committee|Agency|Authority|Bureau|Church|Diocese|"
    r"Order|Guild|Trust|Foundation|Fund|Friends|Campaign|Coalition|Alliance|Federal|Republic|"
    r"Kingdom|State|City|Town|County|Port|Library|Hospital|Centre|Center|Organisation|"
    r"Organization|Company|Corporation|Bank|Party|Congress|Assembly|Parliament)"
)
_INSTITUTION_HEAD = re.compile(_INSTITUTION_HEAD_WORDS)
#: An institution's head word and "of" or "for" right before a name ("the Ministry of
#: Health", "the Department for Transport"): the name ends the institution's.
_HEAD_BEFORE = re.compile(
    rf"(?:\b[Tt]he\s+)?(?:[A-Z][\w’'-]*\s+)*{_INSTITUTION_HEAD_WORDS}\s+(?:of|for)\s+(?:the\s+)?$"
)
#: Honorifics written after "the" before a name ("the Rev Jane Hale", "the Ven Howard Treloweth",
#: "the Rt Hon Ann Lee").
_THE_HONORIFICS = frozenset("rev revd reverend ven venerable very rt right hon honourable".split())
#: Prepositions of place after a description of a person ("a reader in Dockside").
_PLACE_PREPOSITIONS = frozenset("in at near outside from on".split())
#: Prepositions that tie a speaker to a body or a place after the name ("Ilse Kramer of the
#: group RiverWatch", "Pat from Leeds", "Jo Bell at the council").
_LINKING = frozenset("of from at".split())


def _linked_head(
    doc: _Document, toks: list[_Tok], a: int, j: int, i: int, person: tuple[int, bool] | None
) -> _Cue | None:
    """The speaker of a phrase ``toks[a..i]`` whose last name run (from ``toks[j]``) follows
    "of", "from" or "at": the person named before the preposition ("Dr Ann Lee of the
    University of Leeds" gives "Ann Lee"; "Pat from Leeds" gives "Pat"), or, where a title or
    a body word stands there, the whole name ("the Bank of England", "the Duke of Kent"), never
    the place or body after it; a reader's "Pat from Leeds" stays whole. None when no such
    preposition links the run."""
    for p in range(a + 1, j):
        if toks[p].word.lower() not in _LINKING or not _is_name_token(toks[p - 1].word):
            continue
        r = _run_back(toks, p - 1)
        if r is None or r < a:
            continue
        lower = toks[p - 1].word.lower()
        named = _person(toks, r, p - 1, doc.text)
        if named is not None and not named[1] and r > a and toks[r - 1].word.lower() == "the":
            named = None  # "the Hollinsea Chamber of Trade": a body, not a person
        if named is not None and lower not in BODY_WORDS:
            first, titled = named
            if titled or p - 1 > first:
                return _Cue(_span_text(doc, toks[first], toks[p - 1]), toks[first].start, "name")
        if person is not None and (person[1] or i > person[0]):
            return None  # "Secretary of State Antony Blinken": the titled name after it
        if (
            named is not None
            and toks[p].word.lower() == "from"
            and p + 1 == j
            and lower not in _SPEAKER_NOUNS | _ROLE_WORDS
        ):
            # "Pat from Leeds writes:": a reader known by a first name and a town, named so
            return _Cue(_span_text(doc, toks[p - 1], toks[i]), toks[p - 1].start, "name")
        between = [t.word.lower() for t in toks[p + 1 : j]]
        if toks[p].word.lower() == "of" and between in ([], ["the"]):
            start = r - 1 if r > a and toks[r - 1].word.lower() == "the" else r
            return _Cue(_span_text(doc, toks[start], toks[i]), toks[start].start, "description")
        return None
    return None


#: Adjectives that stand after the noun they describe with their own complement ("a source
#: close to the talks", "people familiar with the matter"): the phrase runs on past them.
_POSTPOSITIVE = frozenset(
    "close familiar loyal near opposed linked connected allied related sympathetic privy"
    " briefed involved".split()
)


#: Time phrases that open a sentence before its subject ("Last night the chef fumed").
_TIME_OPENER = re.compile(
    r"(?:last|this|on|early|late|later|earlier) (?:night|week|month|year|morning|afternoon|"
    r"evening|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
)
_TIME_WORDS = frozenset("yesterday today tonight earlier later afterwards previously".split())
#: Prepositions of place that open a sentence before its subject ("Outside the court a
#: crowd chanted"), and the determiners that open the subject after them.
_PLACE_OPENERS = frozenset(
    "outside inside near behind across beyond opposite around along beside".split()
)
_OPENING_DETERMINERS = frozenset("a an the one another some several hundreds dozens".split())


#: Verb forms that never stand in a speaker's description: speech verbs and verbs of deciding.
_VERB_WORDS = SPEECH_VERB_FORMS | frozenset(
    "voted approved agreed decided ruled backed rejected started began".split()
)


#: Determiners of a possessor: inside a subject only after a preposition ("one of its
#: members"), else the verb of a clause stands before them ("Acme Corp raised its …").
_POSSESSIVE_DETERMINERS = frozenset("its their his her our my your".split())


def _description(doc: _Document, words: list[_Tok]) -> _Cue | None:
    """A descriptive subject such as "a North Korean representative", as written."""
    if words and words[0].word.lower() in ("whose", "which", "who", "whom"):
        return None  # "…, whose chief executive accused…": a relative clause names no one
    if words and words[-1].word.lower() in ("a", "an", "the"):
        return None  # "Someone started a (chant …)": no noun phrase
    if any(w.word.islower() and w.word in _VERB_WORDS for w in words):
        return None  # "councillors voted (to end what one called …)": a clause, not a speaker
    if any(
        w.word.lower() in _POSSESSIVE_DETERMINERS
        and words[k - 1].word.lower() not in _PREPOSITIONS | _MORE_PREPOSITIONS
        and words[k - 1].word.lower() not in ("and", "or", "&")
        for k, w in enumerate(words)
        if k > 0
    ):
        return None  # "Acme Corp raised its full-year revenue (forecast)": a clause
    while words and (words[0].word.lower() in _LEAD_WORDS or words[0].word.isdigit()):
        words = words[1:]  # "But", or the minutes of a live blog's time stamp ("08:15")
    while len(words) > 2 and _TIME_OPENER.fullmatch(f"{words[0].word} {words[1].word}".lower()):
        words = words[2:]  # "Last night the furious chef", "On Monday the council"
    if len(words) > 1 and words[0].word.lower() in _TIME_WORDS:
        words = words[1:]  # "Yesterday the minister"
    for k in range(len(words) - 1, 0, -1):
        joined = (
            words[k - 1].word.lower() == "and"
            and k >= 2
            and words[k - 2].word[:1].isupper()
            and words[k].word[:1].isupper()
        )  # "Health and Safety Executive": a name, not two clauses
        if words[k - 1].word.lower() in _SUBORDINATORS and not joined:
            words = words[k:]  # "fees after passengers complained": the subject follows
            break
    if words and words[0].word.lower() in _PLACE_OPENERS:
        # "Outside the Guildhall a crowd", "Across the road the protesters": a place before
        # the subject, which opens at the next determiner
        at = next(
            (k for k in range(2, len(words)) if words[k].word.lower() in _OPENING_DETERMINERS),
            None,
        )
        if at is not None:
            words = words[at:]
    head_at = None
    for k in range(1, len(words)):
        word = words[k].word
        if head_at is None and k >= 2 and words[k - 1].word.lower() in _POSTPOSITIVE:
            head_at = k - 2  # "a source close to the investigation": "source" is the head
            continue
        modifier = (  # "engineering professor", "nursing director": a noun before a role
            k + 1 < len(words) and words[k + 1].word.lower().split("-")[-1] in _ROLE_NOUNS
        )
        if (
            word.lower() in _PREPOSITIONS
            or word in _MORE_PREPOSITIONS
            or (word.islower() and word.endswith("ing") and not modifier)
        ):
            words = words[:k]  # "Fishermen waiting outside the talks": the head before it
            break
    if not words or len(words) > 8 or words[0].word.lower() in _PREPOSITIONS:
        return None
    noun = words[: head_at + 1] if head_at is not None and head_at < len(words) else words
    if noun[-1].word.endswith("ed") and any(w.word.lower() in DOCUMENT_NOUNS for w in noun):
        return None  # "a summary released (by the office)": a document, not a speaker
    head = noun[-1].word.lower()
    aged = len(noun) == 2 and noun[0].word.lower() == "the" and _AGED.fullmatch(head)
    if head in DOCUMENT_NOUNS or not (
        any(_describes_speaker(w.word) for w in noun) or _common_noun(noun) or aged
    ):
        return None  # "the statement", "the report", "it", "Somehow": nothing that speaks
    if (
        len(noun) > 1
        and noun[-1].word.islower()
        and head not in _SPEAKER_NOUNS
        and not _common_noun(noun)  # "One grain grower said"
        and not any(_describes_speaker(w.word) for w in noun[1:])
        and _opens_line_or_sentence(doc, noun[0].start)
    ):
        return None  # "- Major incident declared at 11.20am": a capital of the line's start
    return _Cue(_span_text(doc, words[0], words[-1]), words[0].start, "description")


#: An age standing for a person named earlier with it ("the 34-year-old said").
_AGED = re.compile(r"(\d{1,3})-year-old")


def _opens_line_or_sentence(doc: _Document, at: int) -> bool:
    """Whether offset ``at`` opens a line, a list item or a sentence (its capital says
    nothing of a name)."""
    before = doc.text[max(0, at - 8) : at]
    if at <= 8 and not before.strip(" \t-*•–—"):
        return True
    return re.search(r"(?:\n|[.!?][\"”’']?\s)[ \t]*(?:[-*•–—][ \t]+)?$", before) is not None


def _common_noun(words: list[_Tok]) -> bool:
    """A determiner and a lower-case head noun: "the treasurer", "a neighbour", "one baker"."""
    first, head = words[0].word.lower(), words[-1].word
    return (
        len(words) >= 2
        and first in ("the", "a", "an", "one", "another", "two", "three", "several", "some")
        and head.isalpha()
        and head.islower()
        and head not in _FUNCTION_WORDS
        and head not in _BE_FORMS
        and not _CUE_VERB.fullmatch(head)
        and not head.endswith(("ly", "ing"))
    )


def _describes_speaker(word: str) -> bool:
    """A word that can make a phrase a speaker: a role, a group or a body ("police",
    "a spokeswoman", "the regulatory commission"), or a capitalised name word ("the Kremlin")."""
    lower = word.lower()
    if lower in _SPEAKER_NOUNS:
        return True
    return _is_name_token(word) and lower not in _FUNCTION_WORDS


def _clause_start(toks: list[_Tok], i: int, reported: bool = False) -> int:
    """Index of the first word of the unpunctuated stretch that ends at ``toks[i]``; a
    clause reported after a verb of saying starts after it (and its "that"): in "Ruth Ames
    said the wardens had warned …" the wardens warned, with ``reported`` (else the clause
    of the sentence's own subject)."""
    a = i
    while a > 0 and (
        _is_word(toks[a - 1].word)
        and not (
            reported
            and toks[a - 1].word in _SAYS
            and a < i
            and (a < 2 or toks[a - 2].word.lower() not in _ARTICLES)
        )
        and not (toks[a - 1].word == "that" and a >= 2 and toks[a - 2].word in _SAYS)
        # "Tolland & Sons said": an ampersand inside a firm's name
        or (
            toks[a - 1].word == "&"
            and a >= 2
            and _is_name_token(toks[a - 2].word)
            and _is_name_token(toks[a].word)
        )
    ):
        a -= 1
    return a


#: Finite verbs of saying in the past and present, lower case, that open a reported clause
#: ("said the wardens had warned", "says that the board promised").
_SAYS = frozenset(
    """said says told tells wrote writes added adds claimed claims insisted insists warned
    warns argued argues stated states announced announces confirmed confirms explained
    explains admitted admits suggested suggests reported reports noted notes believes
    believed alleged alleges maintained maintains recalled recalls revealed reveals
    disclosed discloses acknowledged acknowledges conceded concedes testified testifies
    complained complains""".split()
)


_ARTICLES = frozenset("a an the".split())
#: A participle of a speech verb that may qualify a count ("26 confirmed cases", "three
#: reported deaths"), and a count right before it.
_COUNTED_PARTICIPLE = re.compile(r"(?i:confirmed|reported|announced|claimed|alleged|recorded)\b")
_COUNT_BEFORE = re.compile(
    r"(?:\b\d[\d,.]*%?|\b(?i:one|two|three|four|five|six|seven|eight|nine|ten|dozens|"
    r"hundreds|thousands|several|many|more|new|total))\s+$"
)
#: A verb of saying and perhaps "that" right before a reported clause's subject.
_REPORTED_CLAUSE = re.compile(rf"\b(?:{'|'.join(sorted(_SAYS))})\s+(?:that\s+)?$")


# --- pass 2: speaker cues ------------------------------------------------------------------


def _subject_before(
    doc: _Document, lo: int, verb: int, appositive: bool = True, reported: bool = False
) -> _Cue | None:
    """The subject of the speech verb at ``verb``, read backwards from it; with ``reported``,
    a reported clause's own subject ("said the wardens had warned")."""
    if _COUNTED_PARTICIPLE.match(doc.masked, verb) and _COUNT_BEFORE.search(
        doc.masked, max(lo, verb - 20), verb
    ):
        return None  # "26 confirmed and 4 probable cases": an adjective of what is counted
    toks = _tokens(doc, max(lo, verb - _WINDOW), verb)
    i = len(toks) - 1
    while i >= 0 and (toks[i].word.lower() in _SKIP_WORDS or toks[i].word in _BEFORE_VERB):
        i -= 1
    if i < 0 or toks[i].word.lower() in _BE_FORMS:
        return None
    if toks[i].word in ("–", "—") and appositive:
        # "Ana Ruiz – a teacher – said", "Ruiz — dubbed the ‘Iron Lady’ by fans — fumed": an
        # aside between dashes stands between the subject and its verb
        k = next((k for k in range(i - 1, max(-1, i - 30), -1) if toks[k].word in ("–", "—")), None)
        if k is not None and k + 1 < i and _is_name_token(toks[k + 1].word):
            # "Her pal Shaz — Sharon Dunne, 52 — fumed": the aside gives the name
            comma = next((t for t in toks[k + 1 : i] if t.word == ","), toks[i])
            return _subject_before(doc, toks[k].end, comma.start, False)
        if k is not None and k > 0 and _is_word(toks[k - 1].word):
            return _subject_before(doc, lo, toks[k].start, appositive, reported)
    if toks[i].word == ",":
        return _appositive_subject(doc, toks, i) if appositive else None
    if not _is_word(toks[i].word):
        return None
    if toks[i].word.lower() in ("and", "but") and i > 0:
        return _coordinated_subject(doc, toks, i)
    if toks[i].word.lower() in WRITTEN_WORDS | DOCUMENT_NOUNS and i > 0:
        a = _clause_start(toks, i)
        if any(
            toks[k].word.lower() in _POSTPOSITIVE and toks[k + 1].word.lower() in _PREPOSITIONS
            for k in range(a, i)
        ):
            return _phrase_cue(doc, toks, a, i)  # "people familiar with the plan said"
        return _possessor(doc, toks, i - 1)  # "the minister's statement read", "their report said"
    if toks[i].word.lower() == "who" and i > 1 and toks[i - 1].word == ",":
        # "X, a Democrat from Ohio, who wrote"; "We spoke to a crane driver on the site,
        # who told us:": someone described as the object of the clause before
        return _appositive_subject(doc, toks, i - 1) or _object_described(doc, toks, i - 1)
    if toks[i].word.lower() == "which" and i > 1 and toks[i - 1].word == ",":
        return _relative_antecedent(doc, toks, i - 2)
    a = _clause_start(toks, i, reported)
    cue = _phrase_cue(doc, toks, a, i)
    before = [t.word.lower() for t in toks if t.end <= (cue.start if cue else 0)][-1:]
    if cue is not None and before and before[0] in _OBJECT_PREPOSITIONS:
        return None  # "written to Hallowdene in June warning …": the object of "in"
    return _worker_described(doc, toks, a, i, cue)


def _worker_described(
    doc: _Document, toks: list[_Tok], a: int, i: int, cue: _Cue | None
) -> _Cue | None:
    """``cue``, the subject read from ``toks[a:i]``, unless it is the body where someone
    described works: "A fraud analyst at the bookmaker Lodestar Bet told the court", "A
    senior official of the Ministry of Ports, who …, said" give the one described (no
    spokesperson: "a spokesman for X" is X's voice)."""
    if cue is not None and cue.form == "name":
        held = [t for t in toks[a:i] if t.end <= cue.start]
        at = next(
            (k for k, t in enumerate(held) if k and t.word.lower() in _WORKPLACE_PREPOSITIONS),
            None,
        )
        if held and at is not None and held[0].word.lower() in ("a", "an", "one", "another"):
            described = _description(doc, held[:at])
            if described is not None and not any(w.word.lower() in _SPOKES for w in held[:at]):
                return described
    return cue


#: Prepositions that tie someone described to the body they work at or come from ("an
#: analyst at …", "a nurse from …", "a member of …").
_WORKPLACE_PREPOSITIONS = frozenset("at from of with in".split())


#: Prepositions whose object is never the subject of the verb after it.
_OBJECT_PREPOSITIONS = frozenset("in on into onto during".split())


#: A finite verb as written after a subject: a past or present form ("welcomed", "arrested",
#: "opens", "won"), read by shape where no list holds it.
_FINITE = re.compile(
    r"[a-z]+(?:ed|es|s)|[a-z]*(?:won|took|gave|made|met|held|sent|left|went|began|"
    r"ran|saw|said|told|wrote|spoke|came|became|kept|lost|paid|put|set|shut|cut)"
)


def _object_described(doc: _Document, toks: list[_Tok], comma: int) -> _Cue | None:
    """The one described by an indefinite noun phrase that ends the clause before a
    relative "who" ("We spoke to a crane driver watching from the road, who told us:" gives
    "a crane driver"), as a guess: the phrase from "a", "an", "one" or "another" to the
    first participle, preposition or comma after its noun. None where the clause has no
    such phrase after a verb or preposition."""
    a = _clause_start(toks, comma - 1)
    for j in range(comma - 2, a, -1):
        if toks[j].word.lower() not in ("a", "an", "one", "another"):
            continue
        if not toks[j - 1].word.islower():
            return None  # "… , a lawyer, who": an appositive, read elsewhere
        m = j + 1
        while (
            m < comma
            and _is_word(toks[m].word)
            and not (
                m > j + 1
                and (
                    toks[m].word.lower() in _PREPOSITIONS
                    or re.fullmatch(r"[a-z]+ing", toks[m].word)
                )
            )
        ):
            m += 1
        if m - j < 2 or m - j > 5:
            return None
        described = _description(doc, toks[j:m])
        return replace(described, sure=False) if described is not None else None
    return None


def _coordinated_subject(doc: _Document, toks: list[_Tok], conjunction: int) -> _Cue | None:
    """The subject of a speech verb that is the second of two coordinated predicates ("The
    union welcomed the reopening but warned that…", "Police arrested two men and said…"):
    the phrase that opens the clause, up to its first verb. None where the clause opens with
    no subject before a verb."""
    a = _clause_start(toks, conjunction - 1)
    for k in range(a + 1, conjunction):
        if toks[k].word.islower() and _FINITE.fullmatch(toks[k].word):
            return _phrase_cue(doc, toks, a, k - 1)
    return None


def _relative_antecedent(doc: _Document, toks: list[_Tok], end: int) -> _Cue | None:
    """The speaker a relative "which" after ``toks[end]`` and a comma stands for: the
    noun phrase ending at ``toks[end]``, back to a preposition or a clause mark ("a report by
    the city's transit department, which said" gives "the city's transit department"). A
    document ("a report, which said") names no speaker."""
    a = end
    while (
        a > 0
        and end - a < 6
        and _is_word(toks[a - 1].word)
        and toks[a - 1].word.lower() not in _PREPOSITIONS | _MORE_PREPOSITIONS
        and not _CUE_VERB.fullmatch(toks[a - 1].word)
    ):
        a -= 1
    cue = _phrase_cue(doc, toks, a, end)
    if cue is None or cue.form == "pronoun" or toks[end].word.lower() in DOCUMENT_NOUNS:
        return None
    return cue


def _possessor(doc: _Document, toks: list[_Tok], i: int) -> _Cue | None:
    """Who owns the written words at ``toks[i + 1]``: "the minister's statement" gives "the
    minister", "Carrick Heights' statement" gives "Carrick Heights", "her letter" gives a
    pronoun; anything else names no speaker."""
    word = toks[i].word
    if word.lower() in _POSSESSIVE_PRONOUNS:
        return _Cue(word, toks[i].start, "pronoun")
    if word.lower() == "the" and i + 1 < len(toks):
        return _document_author(doc, toks[i + 1])  # "the statement read": whose statement
    if word.isalpha() and word.islower() and i > 0 and toks[i - 1].word.lower() == "the":
        return _document_author(doc, toks[i + 1])  # "the press release added", "the joint …"
    # "the minister's statement", and a name ending in s with the apostrophe alone
    # ("Carrick Heights' statement", "the Joneses' letter")
    cut = 2 if word.endswith(("'s", "’s")) else 1 if word.endswith(("s'", "s’")) else 0
    if not cut:
        return None
    a = _clause_start(toks, i)
    bare = replace(toks[i], end=toks[i].end - cut, word=word[:-cut])
    owner = _phrase_cue(doc, [*toks[a:i], bare], 0, i - a)
    if owner is None or owner.form == "pronoun":
        return None
    return owner


#: A document as the subject of the verb after a quotation ("“…,” the statement read."):
#: the quotation is the document's, whoever the sentences around it name.
_UNOWNED_DOCUMENT = re.compile(
    rf"\W*(?:the|a|an)\s+(?:[a-z-]+\s+)?(?:{word_alternation(DOCUMENT_NOUNS | WRITTEN_WORDS)})"
    r"\s+(?:read|reads|said|says|stated|states|added|adds|continued|continues)\b"
)
_AUTHOR_NAME = r"(?P<who>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3})"
#: A body by description as a document's author ("the ministry", "the city council").
_BODY_HEADS = word_alternation(BODY_WORDS | COMMERCIAL_HEADS)
_AUTHOR_BODY = rf"(?P<body>the\s+(?:[a-z-]+\s+)?(?:{_BODY_HEADS}))"


def _document_author(doc: _Document, noun: _Tok) -> _Cue | None:
    """Who wrote "the statement" (letter, post, email…) that a cue names: the one person or
    body the text before, in the paragraph and the one before it, gives one to ("Holbrook,
    in a statement released through his representatives, said …", "a statement from Kelby
    Council", "Ms Roe's letter", "Ann Roe said in a statement"); None where none or several
    are given one (a document alone names no speaker)."""
    kind = re.escape(noun.word.lower())
    paragraph = doc.paragraph_at(noun.start)
    lo = doc.paragraph_starts[max(0, paragraph - 1)]
    before = doc.masked[lo : noun.start]
    patterns = (
        rf"{_AUTHOR_NAME},?\s+(?:[a-z]+\s+){{0,2}}in\s+an?\s+(?:[a-z]+\s+)?{kind}\b",
        rf"\ban?\s+(?:[a-z]+\s+)?{kind}\s+(?:from|by|issued\s+by|released\s+by)\s+"
        rf"(?:the\s+)?{_AUTHOR_NAME}",
        rf"{_AUTHOR_NAME}[’']s\s+(?:[a-z]+\s+)?{kind}\b",
        rf"{_AUTHOR_NAME}\s+(?:said|says|added|wrote)\s+in\s+an?\s+(?:[a-z]+\s+)?{kind}\b",
        # "In a press release, the ministry stated …", "In a statement, Kelby Council said"
        rf"\b[Ii]n\s+an?\s+(?:[a-z]+\s+)?{kind},\s+(?:{_AUTHOR_NAME}|{_AUTHOR_BODY})\s+"
        r"(?:said|says|stated|states|added|wrote|announced|confirmed)\b",
    )
    found: dict[str, int] = {}
    for pattern in patterns:
        for m in re.finditer(pattern, before):
            if m.groupdict().get("body"):
                found.setdefault(m.group("body").split()[-1].lower(), -(lo + m.start("body")))
                continue
            who = m.group("who")
            if who.split()[0].lower() in NOT_NAME_WORDS | _LEAD_WORDS:
                who = " ".join(who.split()[1:])
            if who:
                found.setdefault(
                    who.split()[-1].lower(), lo + m.start("who") + m.group("who").find(who)
                )
    if len(found) != 1:
        return None
    start = next(iter(found.values()))
    if start < 0:  # a body by description: "the ministry"
        body = re.match(rf"the\s+(?:[a-z-]+\s+)?(?:{_BODY_HEADS})\b", doc.text[-start:])
        return _Cue(body.group(), -start, "description", sure=False) if body else None
    end = re.match(r"[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3}", doc.text[start:])
    if end is None:
        return None
    name = end.group()
    owned = re.match(r"\s+([a-z]+)", doc.text[start + len(name) :])
    if name.endswith(("'s", "’s")):
        if owned is not None and owned.group(1) in _OWNED_VOICES:
            # "a statement from Mayor Jo Kent's office": the office, not a possessive name
            return _Cue(f"{name} {owned.group(1)}", start, "name", sure=False)
        name = name[:-2]  # "Ms Roe's letter": hers
    return _Cue(name, start, "name", sure=False)


#: What speaks for someone after their possessive ("Mayor Jo Kent's office").
_OWNED_VOICES = frozenset(
    "office team campaign spokesman spokeswoman spokesperson lawyer lawyers solicitor "
    "solicitors attorney attorneys representatives aides staff family".split()
)


def _appositive_subject(doc: _Document, toks: list[_Tok], comma: int) -> _Cue | None:
    """Subject of "Name, a defector, said", "The chief, Mark Rutte, said" or "Maria Lopez,
    the MP for Riverside East, who backs the report, said": going back from the verb over
    comma groups, appositives (a description, a relative clause) are passed over; the first
    group that is a name, or the stretch before the appositives, is the subject. A name inside
    an appositive ("Riverside East") never is."""
    end = comma
    body: _Cue | None = None  # a body's name among the appositives, should no person come
    for _ in range(5):
        k = end - 1
        while k >= 0 and toks[k].word != "," and k > end - 30:
            k -= 1
        first = k + 1
        if first >= end:
            return None
        if _PARTY_TAG.fullmatch(toks[first].word) and k >= 0 and toks[k].word == ",":
            end = k  # "Sen. Ann Roe, D-Elm Grove, said": the party tag is passed over
            continue
        inner = _run_back(toks, end - 1)
        only_roles = all(t.word.lower().rstrip(".") in _ROLE_WORDS for t in toks[first:end])
        if (
            inner is not None
            and inner == first
            and end - first <= 2
            and k >= 2
            and toks[k].word == ","
            and _is_name_token(toks[k - 1].word)
            and any(
                toks[j].word.lower() in ("in", "at", "near")
                and (toks[j - 1].word.endswith("ed") or toks[j - 1].word in ("is", "are", "was"))
                for j in range(max(1, k - 4), k)
            )
        ):
            end = k  # "Kelvor, which is based in Wilmington, Delaware, said": a place's state
            continue
        if inner is not None and inner == first and not only_roles:  # not "…, Director, …"
            cue = _phrase_cue(doc, toks, inner, end - 1)
            if cue is not None and _employer(toks, first, end, k):
                body, end = body or cue, k  # where a person works is no subject
                continue
            return replace(cue, sure=False) if cue is not None and end != comma else cue
        named_from = first
        if (
            end - first >= 3
            and toks[first].word.lower() == "the"
            and (toks[first + 1].word.lower().strip(".") in _THE_HONORIFICS)
        ):
            named_from = first + 1  # "The Archdeacon of Carnbury, the Ven Howard Treloweth,"
        if (
            all(
                _is_name_token(t.word) or t.word in _PARTICLES or t.word.lower() in _ROLE_WORDS
                for t in toks[named_from:end]
            )
            and not only_roles
        ):
            titled = _phrase_cue(doc, toks, named_from, end - 1)  # "…, actress Clara Weiss, …"
            if titled is not None and titled.form == "name" and _employer(toks, first, end, k):
                body, end = body or titled, k
                continue
            if titled is not None and titled.form == "name":
                return replace(titled, sure=False) if end != comma else titled
        head = toks[first].word.lower()
        if (
            head == "the"
            and end - first >= 3
            and all(
                _is_name_token(t.word.rstrip("'’"))  # "the Growers' Council"
                or (t.word[:1].isupper() and t.word.lower() in ORGANISATION_WORDS)
                or t.word in ("of", "and", "&")
                for t in toks[first + 1 : end]
            )
            and toks[end - 1].word.lower() in ORGANISATION_WORDS
            and (k < 0 or toks[k].word == ",")
        ):
            # "In a statement, the Growers' Council, a trade body, said:": a body's name,
            # after an opening phrase, is the subject, not an appositive
            cue = _phrase_cue(doc, toks, first + 1, end - 1)
            if cue is not None:
                return replace(cue, sure=False) if end != comma else cue
        is_appositive = (
            head in _APPOSITIVE_OPENERS
            or head in _ROLE_NOUNS
            or head in _PREPOSITIONS
            or head.isdigit()  # an age: "Maureen Platt, 63, from Dunford, said"
            # "…, former Head, …"; a participle's phrase: "The report, based on undercover
            # visits, accused"; not where a name ends it: "Its chair, retired teacher Gwen
            # Pilbeam, said"
            or (
                (head in _ROLE_ADJECTIVES or re.fullmatch(r"[a-z]{3,}(?:ed|ing)", head))
                and end - first > 1
                and not _named_after_role(toks, first, end)
            )
            or _role_of_body(toks[first:end])  # "medical director of the Trust"
            or _possessed_role(toks[first:end])  # "Ostland's environment minister"
            or _described_at(toks[first:end])  # "drought lead at the Water Authority"
        )
        if not is_appositive:
            relative = _relative_comma(toks, first)
            if relative is not None:
                end = relative  # "Name, whose book, ‘…’, was written here, said": pass it
                continue
            person = _person_of_body(doc, toks, first, end)
            if person is not None:
                # "Counsel for the insurer, Ruth Amos of Hale & Dunn LLP, argued": the person
                return replace(person, sure=False) if end != comma else person
            if _employer(toks, first, end, k) and all(
                t.word[:1].isupper() or t.word.lower() in ("of", "and", "for", "&")
                for t in toks[first:end]
            ):  # "…, Department of Civil Engineering, Velunagar Institute of Technology, …"
                body = body or _phrase_cue(doc, toks, first, end - 1)
                end = k
                continue
        if not is_appositive or k < 0 or toks[k].word != ",":
            if k == end - 1:
                return body
            start = _clause_start(toks, end - 1)
            return (
                _worker_described(doc, toks, start, end, _phrase_cue(doc, toks, start, end - 1))
                or body
            )
        end = k
    return body


def _person_of_body(doc: _Document, toks: list[_Tok], first: int, end: int) -> _Cue | None:
    """The person a comma group names before the body they work for: "Ruth Amos of Hale &
    Dunn LLP" gives "Ruth Amos" (two or three name words, no word of a body, then "of",
    "at" or "from" and a name holding a body's word). None otherwise."""
    for at in range(first + 2, min(end, first + 4)):
        if toks[at].word.lower() not in ("of", "at", "from"):
            continue
        names = toks[first:at]
        rest = toks[at + 1 : end]
        if (
            all(_is_name_token(t.word) for t in names)
            and not any(t.word.lower().rstrip(".") in ORGANISATION_WORDS for t in names)
            and any(t.word.lower().rstrip(".,") in ORGANISATION_WORDS for t in rest)
        ):
            cue = _phrase_cue(doc, toks, first, at - 1)
            return cue if cue is not None and cue.form == "name" else None
    return None


def _named_after_role(toks: list[_Tok], first: int, end: int) -> bool:
    """Whether the comma group ``toks[first:end]`` ends in a name of two words or more set
    after a role noun ("retired teacher Gwen Pilbeam")."""
    run = _run_back(toks, end - 1)
    return run is not None and first < run <= end - 2 and toks[run - 1].word.lower() in _ROLE_NOUNS


def _employer(toks: list[_Tok], first: int, end: int, k: int) -> bool:
    """Whether the comma group ``toks[first:end]`` names a body and another comma group comes
    before it (``toks[k]`` is its comma): "Prof. Rao, former Head, Department of Civil
    Engineering, Velunagar Institute of Technology, who …, stated" names where the speaker
    works, and the subject is further back."""
    return (
        k >= 0
        and toks[k].word == ","
        and any(t.word.lower().rstrip(".") in ORGANISATION_WORDS for t in toks[first:end])
        and any(_is_name_token(t.word) for t in toks[max(0, k - 8) : k])
    )


#: An American legislator's party and district or state after the name ("R-Ashby Falls",
#: "D-Ohio", "I-Vt."): an appositive, never a name.
_PARTY_TAG = re.compile(r"(?:D|R|I|Ind|Dem|Rep)\.?-[A-Z][\w.]*")


def _described_at(words: list[_Tok]) -> bool:
    """Whether a comma group is lower-case words of what someone does, then where ("drought
    lead at the Water Resources Authority", "head of policy at Linkway"): an appositive."""
    lead = []
    for tok in words:
        if tok.word.lower() in ("at", "of", "for", "with"):
            return 0 < len(lead) <= 4 and all(
                w.islower() and w.isalpha() and not _verb_like(w) for w in lead
            )
        lead.append(tok.word)
    return False


def _verb_like(word: str) -> bool:
    """A verb or an auxiliary by its form ("has", "lived", "was"): no word of a role."""
    return word in _BE_FORMS or word in ("has", "have", "had") or word.endswith("ed")


def _possessed_role(words: list[_Tok]) -> bool:
    """Whether a comma group is a role owned by a place or body, "Ostland's environment
    minister", "the council's chief executive" or "the firm's head of operations": a
    possessive, then lower-case words ending in a role noun or holding one before "of",
    "for", "at" or "with" (an appositive after a name, never the speaker)."""
    k = 1 if words and words[0].word.lower() == "the" else 0
    while k + 1 < len(words) and k < 4 and _is_name_token(words[k].word):
        k += 1  # "Seaway Lines' head of operations": a body's name of several words
    if len(words) < k + 2 or not words[k].word.endswith(("'s", "’s", "s'", "s’")):
        return False
    rest = words[k + 1 :]
    if len(rest) > 6 or not all(re.fullmatch(r"[a-z]+(?:-[a-z]+)*", w.word) for w in rest):
        return False
    heads = [w.word.split("-")[-1] for w in rest]  # "vice-president" is a president
    return heads[-1] in _ROLE_NOUNS or any(
        a in _ROLE_NOUNS and b in ("of", "for", "at", "with")
        for a, b in zip(heads, heads[1:], strict=False)
    )  # "Clearwell's vice-president of operations"


def _role_of_body(words: list[_Tok]) -> bool:
    """Whether a comma group is a role of a body, "medical director of Ridgeway Trust",
    "senior lecturer at the college" or, as a title, "Senior Research Fellow at the Institute
    of …": a role noun stands right before "of", "at", "for" or "with", after lower-case
    words or after at most three capitalised words of a title."""
    if not words:
        return False
    if (
        len(words) >= 4
        and words[0].word[:1].isupper()
        and words[1].word == "of"
        and words[2].word.lower() == "the"
    ):
        return True  # "Reeve of the Rural Municipality of Dunvale": a title of the body
    for n, (a, b) in enumerate(zip(words, words[1:], strict=False)):
        if a.word.lower() in _ROLE_NOUNS and b.word.lower() in ("of", "at", "for", "with"):
            lower = words[0].word[:1].islower()
            return lower or (n <= 3 and all(w.word[:1].isupper() for w in words[: n + 1]))
    return False


def _relative_comma(toks: list[_Tok], first: int) -> int | None:
    """Index of the comma opening a relative clause ("…, whose book, ‘…’, was written …")
    that the comma group starting at ``toks[first]`` ends, looking back at most 30 tokens
    and never past a speech verb."""
    for r in range(first - 2, max(-1, first - 31), -1):
        if _CUE_VERB.fullmatch(toks[r].word):
            return None
        if toks[r].word == "," and toks[r + 1].word.lower() in ("who", "whose", "which"):
            return r
    return None


#: Words that end the speaker named after a verb: prepositions, conjunctions and time words
#: that open what follows the name ("said Gino Albani after the match", "…, said Ms Roe as
#: she left", "said the mayor yesterday").
_AFTER_NAME = _PREPOSITIONS | frozenset(
    """after before outside inside near into onto over under against through behind across
    between among amid despite following without until since as when while where because
    although though but and yesterday today tonight earlier later""".split()
)


def _phrase_after(doc: _Document, lo: int, hi: int) -> _Cue | None:
    """The speaker named right after ``lo`` ("said Mr Rutte", "according to the Kremlin"),
    up to the first word that opens what follows the name (``_AFTER_NAME``)."""
    toks = _tokens(doc, lo, min(hi, lo + _WINDOW))
    n = 0
    while n < min(len(toks), 8) and _is_word(toks[n].word):
        if (
            n > 0
            and toks[n].word.lower() in _AFTER_NAME
            and toks[n - 1].word.lower() not in _POSTPOSITIVE  # "a person familiar with …"
        ):
            break
        n += 1
    if n == 0 or toks[0].word.lower() in _PREPOSITIONS:
        return None
    if n < len(toks) and toks[n].word in ("&", "+"):
        return None  # "said the full Brandt & Hollis report": a firm's name in what was said
    cue = _phrase_cue(doc, toks, 0, n - 1)
    comma = n
    if cue is not None and cue.form == "description" and comma < len(toks):
        # "said a spokesman for the club, Tom Hale": what the description holds runs on to
        # the comma before the name, a few plain words at most
        k = comma
        while (
            k < len(toks)
            and k < comma + 5
            and _is_word(toks[k].word)
            and not _CUE_VERB.fullmatch(toks[k].word)
            and toks[k].word.lower() not in ("who", "which", "that", "and", "but")
        ):
            k += 1
        if k < len(toks) and toks[k].word == "," and k > comma:
            comma = k
    if (
        cue is not None
        and cue.form == "description"
        and comma + 1 < len(toks)
        and (toks[comma].word == ",")
    ):
        # "said the group's secretary, Paul Greer": the name in apposition, perhaps after
        # its own role words ("…, the former referee Alan Pritchard", "…, former striker …")
        start, j = _name_after_role_words(toks, comma + 1, 4)
        ends = j >= len(toks) or toks[j].word in (",", ".", ";", ":") or toks[j].word.islower()
        named = _phrase_cue(doc, toks, start, j - 1) if j > start and ends else None
        if named is not None and named.form == "name":
            return named
    return cue


def _name_after_role_words(
    toks: list[_Tok], start: int, most: int, skip: frozenset[str] = frozenset()
) -> tuple[int, int]:
    """Where a name starts and ends (token indices, end exclusive; equal where none follows)
    after at most ``most`` lower-case role words from ``start`` ("the former referee Alan
    Pritchard", "prosecutor Jo Marsh"): no preposition, speech verb or word of ``skip`` is
    a role word."""
    a = start
    while (
        a < len(toks)
        and a < start + most
        and toks[a].word.isalpha()
        and toks[a].word.islower()
        and toks[a].word not in _PREPOSITIONS | _MORE_PREPOSITIONS | skip
        and not _CUE_VERB.fullmatch(toks[a].word)
    ):
        a += 1
    b = a
    while b < len(toks) and (_is_name_token(toks[b].word) or toks[b].word in _PARTICLES):
        b += 1
    return a, b


def _cue_in_range(doc: _Document, lo: int, hi: int, last: bool = False) -> _Cue | None:
    """The speaker of the first finite speech verb between ``lo`` and ``hi`` (with ``last``,
    of the last one: the verb nearest a quote that follows)."""
    verbs = doc.verbs_in(lo, hi)
    for m in reversed(verbs) if last else verbs:
        verb = m.group()
        if last and m is not verbs[0] and not _CONTENT_GAP.fullmatch(doc.masked[m.end() : hi]):
            # "He said the union had asked the university to “open the books”": the quote is
            # not what the union asked in words; the one who reports it speaks
            inner = _subject_before(doc, lo, m.start(), reported=True)
            if inner is not None and _REPORTED_CLAUSE.search(doc.masked, lo, inner.start):
                continue
        if verb.endswith("ing"):
            aux = _progressive_start(doc, lo, m)
            cue = _subject_before(doc, lo, aux) if aux is not None else None
            if cue is not None:
                return cue
            continue
        if verb.lower() == "according to":
            cue = _phrase_after(doc, m.end(), hi)
        elif verb.lower() in _ADDRESSED_PARTICIPLES and _PASSIVE_BE.search(
            doc.masked[max(lo, m.start() - 24) : m.start()]
        ):
            # "Dunne was asked: “…?”": the one asked is spoken to; who spoke is the agent
            # after "by" ("was told by the coach:"), else no one named
            agent = re.match(r"\s+by\s+", doc.masked[m.end() : hi])
            cue = _phrase_after(doc, m.end() + agent.end(), hi) if agent else None
            if cue is None:
                continue
        elif _MODAL_BEFORE.search(doc.masked[max(lo, m.start() - 24) : m.start()]):
            continue  # "said Astria would respond “in a proportionate way”": a speech act
            # to come, reported by the one who speaks
        else:
            cue = _pick(
                _inverted_subject(doc, lo, m), _subject_before(doc, lo, m.start(), reported=last)
            )
            if cue is None and not _is_word(doc.masked[lo : m.start()]):
                cue = _phrase_after(doc, m.end(), hi)
        if cue is not None:
            return cue
    return None


#: What may stand between a speech verb and the quotation that is its content: "that", an
#: object pronoun or a listener, a colon or comma, an article ("promised a “…”").
_CONTENT_GAP = re.compile(
    r"\s*(?:that\s+)?(?:(?:him|her|them|us|me|it|reporters|journalists)\s*)?[:,]?\s*"
    r"(?:(?:a|an|the|of|as)\s+)?",
    re.I,
)
_AUXILIARIES = frozenset("has have had will would can could may might must".split())
#: Speech verbs whose passive subject is the one spoken to ("Dunne was asked", "she was
#: told"), and a form of "to be" before such a participle.
_ADDRESSED_PARTICIPLES = frozenset(
    "asked told questioned pressed urged reminded assured informed challenged".split()
)
_PASSIVE_BE = re.compile(r"\b(?:was|were|is|are|been|being|be|get|got|gets)\s+(?:\w+ly\s+)?$")
#: A participial clause of asking that opens a sentence ("Asked by a reporter whether he
#: would “walk away”, Dunne said …"): a quotation inside it is the asker's words.
_ASKED_CLAUSE = re.compile(
    r"\W*(?:(?:When|After|Once|If)\s+(?:being\s+)?|On\s+being\s+)?[Aa]sked\b"
    r"(?:\s+by\s+(?P<by>[^,;:.!?]+?))?(?:\s+(?:whether|if|about|why|how|what|when|to)\b"
    r"[^,;:.!?]*)?\s*"
)
#: A modal right before a speech verb ("would respond", "will not comment"): no speech that
#: was made.
_MODAL_BEFORE = re.compile(
    r"\b(?:would|will|could|should|might|may|must|shall|'ll|’ll)(?:\s+(?:not|never|also|then))?\s+$",
    re.IGNORECASE,
)


def _progressive_start(doc: _Document, lo: int, m: re.Match[str]) -> int | None:
    """For a speech verb in -ing after a form of "to be" ("the crowd has been chanting", "fans
    were singing"), the offset where its auxiliaries begin; None for a participle that heads
    no clause ("…, saying …")."""
    toks = _tokens(doc, max(lo, m.start() - 60), m.start())
    k = len(toks)
    while k > 0 and (
        toks[k - 1].word.lower() in _SKIP_WORDS - _AUXILIARIES
        or (toks[k - 1].word.islower() and toks[k - 1].word.endswith("ly"))
    ):
        k -= 1  # "is also saying", "were loudly chanting"
    if k == 0 or toks[k - 1].word.lower() not in _BE_FORMS:
        return None
    while k > 0 and toks[k - 1].word.lower() in _BE_FORMS | _AUXILIARIES:
        k -= 1
    return toks[k].start


def _pick(inverted: _Cue | None, before: _Cue | None) -> _Cue | None:
    """The subject of a verb after a comma: a name after it ("…, adds Lina Haddad"), else a
    subject before it ("Amira Saleh, said outside court"), else a description after it."""
    if inverted is not None and inverted.form == "name":
        return inverted
    return before or inverted


#: Speech verbs whose object is the listener, never an inverted subject.
_LISTENER_VERB = re.compile(r"(?:tell|tells|told|informs?|informed|assured?|assures)", re.I)


def _inverted_subject(doc: _Document, lo: int, m: re.Match[str]) -> _Cue | None:
    """The named subject after a verb set off by a comma: "…, adds Lina Haddad, who …",
    "…, said the minister". "tell" never comes before its subject: what follows it is the
    listener ("…, Darren Mackey, the firm's operations chief, told RTC News")."""
    if m.group().endswith("ing") or not doc.masked[lo : m.start()].rstrip().endswith(","):
        return None
    if _LISTENER_VERB.fullmatch(m.group()):
        return None
    cue = _phrase_after(doc, m.end(), min(len(doc.masked), m.end() + _WINDOW))
    if cue is None or cue.form not in ("name", "description"):
        return None
    if doc.masked[m.end() : cue.start].strip():
        return None  # "Odile Brun, said she had met Duclerc": a name further on is no subject
    return cue


_DASHES = "-–—"


#: After a quotation, whose words they were: "“…,” was how Maureen Tully described it",
#: "“…” is how the coach summed it up", "“…,” as Jim Rowe put it".
_HOW_PUT = re.compile(
    r"(?:(?:was|is)\s+how|as)\s+(?P<who>[^.;:!?\n]{2,80}?)\s+(?:(?:has|had)\s+)?"
    r"(?:described|describes|put|puts|phrased|phrases|summed|sums|characteri[sz]ed|"
    r"characteri[sz]es|explained|explains)\s+(?:it|them|the\s+[a-z]+)\b"
)


def _after_cue(doc: _Document, draft: _Draft, nxt: _Draft | None) -> _Cue | None:
    """Cue in the rest of the sentence: “…,” Name said / said Name / — Name / -Name; after a
    quote ending in ? or ! the attribution opens the next sentence (“Why?” Ms. Roe said.)."""
    if not draft.closed:
        return None
    lo = draft.close_end
    sentence = doc.sentence_at(draft.open_pos)
    hi = doc.sentence_ends[sentence]
    asked = doc.text[draft.end - 1] in "?!" and doc.masked[lo:hi].strip() == ""
    # a quote introduced by a colon ("A reader asks: “…?”") has its speaker before it: the
    # next sentence is the answer ("The council says …"), never the question's attribution
    introduced = doc.masked[max(0, draft.open_pos - 40) : draft.open_pos].rstrip().endswith(":")
    if asked and not introduced and sentence + 1 < len(doc.sentence_starts):
        start = doc.sentence_starts[sentence + 1]
        if doc.paragraph_at(start) == draft.paragraph:
            end = min(doc.sentence_ends[sentence + 1], lo + 60)
            if nxt is not None:
                end = min(end, nxt.open_pos)
            cue = _cue_in_range(doc, lo, end)
            verbs = doc.verbs_in(start, end)
            if cue is not None and verbs and _closes_clause(doc, verbs[0], sentence + 1):
                return cue
            return None
    if nxt is not None:
        hi = min(hi, nxt.open_pos)
    hi = min(hi, lo + _SENTENCE_WINDOW)
    rest = doc.masked[lo:hi]
    stripped = rest.lstrip(" \t,")
    opener = stripped.split(" ", 1)[0].lower()
    if opener in _SUBORDINATORS - {"and", "but", "or", "as"}:
        return None  # “Build it here!” until the chair threatened…: a new clause, no credit
    if opener in ("and", "but") and doc.verbs_in(doc.sentence_starts[sentence], draft.open_pos):
        # "Orde said the board had backed it ‘from the first read-through’, and the Trust
        # said …": the quotation is in the clause of the verb before it; the next clause,
        # with its own subject and verb, credits its own words
        return None
    recalled = re.search(
        rf"\b(?:{_RECALLED})\s+"
        + _AUTHOR_PHRASE
        + r"\s+(?:saying|say|tell|telling|warning|warn|write|writing)\b",
        stripped,
    )
    if recalled is not None:  # “…,” Ana Ruiz recalled her mother saying: the mother's words
        author = recalled.group("author")
        start = lo + len(rest) - len(stripped) + recalled.start("author")
        if author[:1].islower():
            return _Cue(author, start, "description")
        if all(_is_name_token(w) for w in author.split()):
            return _Cue(author, start, "name")
    how = _HOW_PUT.match(stripped)
    if how is not None:  # “…,” was how Maureen Tully, the board chair, described it.
        at = lo + len(rest) - len(stripped)
        cue = _phrase_after(doc, at + how.start("who"), at + how.end("who"))
        if cue is not None:
            return cue
    if stripped[:1] in _DASHES and stripped[:1]:
        dash = lo + len(rest) - len(stripped)
        dashed = _phrase_after(doc, dash + len(stripped) - len(stripped.lstrip(_DASHES + " ")), hi)
        if dashed is not None and dashed.form == "name":
            return dashed
    return _cue_in_range(doc, lo, hi)


#: Words after a speech verb that begin an adverbial, not a reported clause ("said on
#: Tuesday", "asked in a post", "said later").
_ADVERBIAL_OPENERS = frozenset(
    "in on at during after before outside from to with by while as when later again today"
    " yesterday tonight afterwards earlier".split()
)
#: Words that open a reported clause after a speech verb ("said that …", "asked whether …").
_CLAUSE_OPENERS = frozenset("that whether if how why what when who".split())


def _closes_clause(doc: _Document, verb: re.Match[str], sentence: int) -> bool:
    """Whether the speech verb ``verb`` of ``sentence`` reports nothing after it, so that the
    sentence can attribute the quotation before it (“Why?” Ms Roe asked. / “Why?” asked Ms
    Roe. / “Why?” she asked reporters on Tuesday.). A verb followed by what is said ("The
    council says anyone who …", "Dr Lee said it was safe", "…, said that …") answers the
    quotation instead: its subject is not the quotation's speaker."""
    hi = doc.sentence_ends[sentence]
    toks = _tokens(doc, verb.end(), hi)
    words: list[str] = []
    for tok in toks:
        if tok.word in (",", ";", ":", ".", "!", "?") or tok.word[:1] in _DASHES:
            break
        words.append(tok.word)
    if not words:
        return True
    if any(w.lower() in _CLAUSE_OPENERS for w in words):
        return False
    before = doc.masked[doc.sentence_starts[sentence] : verb.start()]
    if not _is_word(before):
        return True  # "asked Ms Roe": the subject follows the verb
    if words[0].lower() in _ADVERBIAL_OPENERS or (words[0].islower() and words[0].endswith("ly")):
        return True  # "said on Tuesday", "asked rhetorically"
    stem = verb.group().lower()
    objects = stem.startswith(("tell", "told", "ask", "answer", "repl"))
    return objects and len(words) <= 3 and words[0].lower() not in _PRONOUNS | {"it", "we", "i"}


def _before_cue(doc: _Document, draft: _Draft, lo: int) -> _Cue | None:
    """Cue earlier in the sentence: Name said: “…” / Name said that … “…” / Name: “…”; the
    words' own author where the sentence's speaker reports someone else's
    (``_quoted_author``)."""
    lo = max(lo, draft.open_pos - _SENTENCE_WINDOW)
    author = _quoted_author(doc, lo, draft.open_pos)
    if author is not None:
        return author
    cue = _cue_in_range(doc, lo, draft.open_pos, last=True)
    if cue is not None:
        return cue
    toks = _tokens(doc, lo, draft.open_pos)
    while toks and toks[-1].word in ("'", "‘", "’"):
        toks.pop()  # the first mark of a doubled one
    noun_at = _words_noun_before_colon(toks)
    if noun_at is not None:
        # "Kowalczyk's bottom line:", "Reyes's verdict was blunt:", "The mayor's message
        # is simple:": whose words follow
        for k in (noun_at - 1, noun_at - 2):
            owner = re.sub(r"[’']s$", "", toks[k].word) if k >= 0 else ""
            if owner and owner != toks[k].word:
                if not all(t.word.islower() for t in toks[k + 1 : noun_at + 1]):
                    break
                if _is_name_token(owner):
                    return _Cue(owner, toks[k].start, "name")
                if owner.lower() in _ROLE_NOUNS and k >= 1 and toks[k - 1].word.lower() == "the":
                    return _Cue(f"{toks[k - 1].word} {owner}", toks[k - 1].start, "description")
                break
    put = _AS_PUT_IT.search(doc.masked, lo, draft.open_pos)
    if put is not None:  # "As Maureen Tully put it, “…”", "In the words of the harbourmaster,"
        group = "who" if put.group("who") is not None else "who2"
        cue = _phrase_after(doc, put.start(group), put.end(group))
        if cue is not None:
            return cue
    if (
        len(toks) >= 3
        and toks[-1].word == ":"
        and toks[-2].word.lower() in _ADDRESSED_PARTICIPLES
        and _PASSIVE_BE.search(doc.masked[max(lo, toks[-2].start - 24) : toks[-2].start])
    ):
        return None  # "Dunne was asked: “…?”": the one spoken to says nothing here
    if len(toks) >= 2 and toks[-1].word == ":":
        verb = toks[-2].word.lower()
        if verb in SPEECH_VERB_FORMS - CUE_VERB_FORMS and not verb.endswith("ing"):
            # "One reader emailed:", "Jo texts:": a written verb that cues no quote elsewhere
            # ("emailed the file") does before a colon and a quotation
            cue = _subject_before(doc, lo, toks[-2].start)
            if cue is not None:
                return cue
        j = _run_back(toks, len(toks) - 2)
        if j is not None and (j == 0 or not _is_word(toks[j - 1].word)):
            return _phrase_cue(doc, toks, j, len(toks) - 2)
        if (
            j is not None
            and j >= 2
            and toks[j - 1].word.lower() in ("from", "by")
            and toks[j - 2].word.lower() in WRITTEN_WORDS | DOCUMENT_NOUNS
        ):
            return _phrase_cue(doc, toks, j, len(toks) - 2)  # "Statement from Ms Bergvall:"
        return _leading_subject(doc, toks)
    return None


#: Someone named or described right before a gerund of saying, as its subject: "accused
#: Vane of calling the plan …", "recalled her father saying", "criticised the mayor for
#: describing …"; or after a noun of saying: "the claim by Vane that …", "a remark from
#: the mayor that …". The quotation that follows is that person's words, not the words of
#: the sentence's subject, who reports them.
_REPROACHED = (
    r"(?:accus(?:ed|es|ing)|criti[cs]i[sz](?:ed|es|ing)|blam(?:ed|es|ing)|"
    r"condemn(?:ed|s|ing)|slamm(?:ed|ing)|slams|attack(?:ed|s|ing)|rebuk(?:ed|es|ing)|"
    r"mock(?:ed|s|ing)|chastis(?:ed|es|ing)|ridicul(?:ed|es|ing))"
)
_RECALLED = (
    r"(?:recall(?:ed|s|ing)|remember(?:ed|s|ing)|quot(?:ed|es|ing)|cit(?:ed|es|ing)|heard|"
    r"hear(?:s|ing)?)"
)
_AUTHOR_PHRASE = (
    r"(?P<author>(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]+|(?:his|her|their|the|its)\s+[a-z][\w-]*)"
)
_QUOTED_AUTHOR = (
    re.compile(
        rf"\b(?:{_REPROACHED}|{_RECALLED})\s+" + _AUTHOR_PHRASE + r"\s+(?:(?:of|for)\s+)?"
        r"(?:calling|saying|describing|branding|labell?ing|dismissing|claiming|suggesting|"
        r"comparing|writing|telling|insisting|warning|promising|vowing|declaring|"
        r"referring\s+to)\b[^.!?;]*$"
    ),
    re.compile(
        r"\b(?:claims?|assertions?|suggestions?|statements?|remarks?|comments?|descriptions?|"
        r"characteri[sz]ations?|accusations?|allegations?|warnings?|promises?|pledges?|"
        r"insistence|words)\s+(?:by|from)\s+" + _AUTHOR_PHRASE + r"\b[^.!?;]*$"
    ),
)


def _quoted_author(doc: _Document, lo: int, hi: int) -> _Cue | None:
    """The author of the words quoted at ``hi`` where the sentence before them reports
    another's words (``_QUOTED_AUTHOR``): a name, or a description ("her father") that
    names no one. None where the sentence says nothing of the kind."""
    before = doc.masked[lo:hi]
    for pattern in _QUOTED_AUTHOR:
        found = pattern.search(before)
        if found is None:
            continue
        author = found.group("author")
        start = lo + found.start("author")
        if author[:1].isupper() and all(_is_name_token(w) for w in author.split()):
            return _Cue(author, start, "name")
        if author[:1].islower():
            return _Cue(author, start, "description")
    return None


#: Whose words a quotation gives, in a phrase before it: "As Maureen Tully put it, “…”",
#: "as the coach put it afterwards:", "In the words of the harbourmaster, Jim Rowe, “…”".
_AS_PUT_IT = re.compile(
    r"(?:\b[Aa]s\s+(?P<who>[^,.;:!?\n]{2,80}?)\s+(?:(?:has|had)\s+)?(?:put|puts|phrased|"
    r"phrases|described|describes)\s+it\b(?:\s+[a-z]+){0,2}"
    r"|\b[Ii]n\s+the\s+(?:own\s+)?words\s+of\s+(?P<who2>[^.;:!?\n]{2,80}?))"
    r"[ \t]*[,:]?[ \t]*$"
)


def _words_noun_before_colon(toks: list[_Tok]) -> int | None:
    """Index of a noun for someone's words (``_WORDS_NOUNS``) that ends a lead-in before a
    colon, directly ("Reyes's verdict:") or before "was/is" and an adjective or two ("…
    verdict was blunt:", "… message is short and simple:"); None otherwise."""
    if len(toks) < 3 or toks[-1].word != ":":
        return None
    for k in range(len(toks) - 2, max(len(toks) - 7, 0), -1):
        if toks[k].word.lower() in _WORDS_NOUNS:
            rest = [t.word.lower() for t in toks[k + 1 : -1]]
            if not rest or (
                rest[0] in ("was", "is", "were")
                and 2 <= len(rest) <= 4
                and all(w.isalpha() for w in rest)
            ):
                return k
            return None
    return None


#: Nouns for what someone said, after a possessor and before a colon ("Kowalczyk's bottom
#: line:", "Reyes's verdict:"): that person's words follow.
_WORDS_NOUNS = frozenset(
    """line verdict advice message answer reply response view take warning conclusion
    prediction plea explanation assessment summary diagnosis prescription""".split()
)


def _name_end(toks, a: int) -> int:
    """The index just past the name (name words, particles, role words) that starts at
    ``toks[a]``; ``a`` when none starts there."""
    b = a
    while b < len(toks) and (
        _is_name_token(toks[b].word)
        or toks[b].word in _PARTICLES
        or toks[b].word.lower().rstrip(".") in _ROLE_WORDS
    ):
        b += 1
    return b


_LIST_MARKS = ("-", "–", "—", "•", "*", "·")


def _leading_subject(doc: _Document, toks: list[_Tok]) -> _Cue | None:
    """The name that opens a clause ending in a colon: "Dr Ines Moreau, who chairs the
    board, is more blunt: “…”" gives "Ines Moreau"; a live blog's time stamp before it is
    passed over ("11:45 Local MP Owain Pryce criticises the firm: “…”"), and so are lower-case
    words before a title ("But local MP Fiona Dalgleish blasted:"). Only a name counts, or a
    pronoun right before a verb or two ("She fumed:", "He hit back:"), resolved later."""
    a = 0
    # a time stamp, or a list item's mark ("- Kit Amberley, Wharfside Chamber of Commerce:")
    while a < len(toks) and (toks[a].word.isdigit() or toks[a].word in (":", ".", *_LIST_MARKS)):
        a += 1
    while a < len(toks) and toks[a].word.lower() in _LEAD_WORDS:
        a += 1
    if (
        a + 1 < len(toks)
        and (toks[a].word.endswith(("ing", "ed")) or toks[a].word in ("Told", "Shown"))
        and toks[a].word[:1].isupper()
        and toks[a + 1].word[:1].islower()
    ):
        # "Leaving the courtroom, he paused for reporters:", "Asked whether the trust would
        # reconsider, Prof Keele was blunt:": an opening participle phrase
        comma = next((k for k in range(a + 1, min(len(toks), a + 13)) if toks[k].word == ","), None)
        if comma is None:
            return None
        a = comma + 1
    rest = [t.word for t in toks[a + 1 : -1]]
    plain = all(w.isalpha() and w.islower() for w in rest)
    if (
        a < len(toks)
        and toks[a].word.lower() in _PRONOUNS
        and toks[-1].word == ":"
        and plain
        and (
            (
                1 <= len(rest) <= 2
                and not set(rest) & (_PREPOSITIONS | _MORE_PREPOSITIONS | _FUNCTION_WORDS)
            )
            # "he paused briefly for reporters:": a past-tense predicate, then where or to whom
            or (3 <= len(rest) <= 5 and rest[0].endswith("ed") and rest[0] not in _BE_FORMS)
        )
        and not set(rest) & _BE_FORMS
    ):
        return _Cue(toks[a].word, toks[a].start, "pronoun")  # "She fumed:", "He hit back:"
    b = _name_end(toks, a)
    if b == a:
        k = a
        while k < len(toks) and k < a + 3 and toks[k].word.isalpha() and toks[k].word.islower():
            k += 1  # "But local MP Fiona Dalgleish blasted:": lower-case words before a title
        if k > a and k < len(toks) and toks[k].word.lower().rstrip(".") in _ROLE_WORDS:
            if not any(
                t.word in _PREPOSITIONS | _MORE_PREPOSITIONS | _FUNCTION_WORDS
                or _CUE_VERB.fullmatch(t.word)
                for t in toks[a:k]
            ):
                a = k
                b = _name_end(toks, a)
    while b == a and a < len(toks) - 1 and name_descriptor(toks[a].word):
        a += 1  # "Furious local MP Gareth Lyle fumed:": the epithet and the lower-case
        while (
            a < len(toks)
            and toks[a].word.islower()
            and toks[a].word.isalpha()
            and (toks[a].word not in _PREPOSITIONS | _MORE_PREPOSITIONS | _FUNCTION_WORDS)
        ):
            a += 1  # words before the title are no part of the name
        b = _name_end(toks, a)
    if b == a and a < len(toks):
        # "Another parent, Teresa Alvarez, was more forgiving:": the name in apposition;
        # "Outside court, prosecutor Jo Marsh read a statement:": the subject after an opening
        # phrase, perhaps after lower-case role words
        c = a
        while c < len(toks) and _is_word(toks[c].word) and c < a + 5:
            c += 1
        if c < len(toks) and toks[c].word == ",":
            # "prosecutor", "harbour master" before the name
            a, b = _name_after_role_words(toks, c + 1, 3, skip=_FUNCTION_WORDS)
            appositive = a == c + 1 and b < len(toks) and toks[b].word == ","
            if b == a or b >= len(toks) or not (appositive or toks[b].word[:1].islower()):
                return None
    if b == a or b >= len(toks) or (toks[b].word != "," and not toks[b].word[:1].islower()):
        return None
    cue = _phrase_cue(doc, toks, a, b - 1)
    return cue if cue is not None and cue.form == "name" else None


def _lead_in_cue(doc: _Document, draft: _Draft) -> _Cue | None:
    """For a quote paragraph after a lead-in line ending in a colon ("And from Chairwoman
    Rosa Ventura:", "The minister said:"), the speaker that line names. Only a quote that
    opens its paragraph follows a lead-in: one later in the paragraph follows its own."""
    if draft.paragraph == 0 or not _opens_sentence(doc, draft):
        return None
    if doc.masked[doc.paragraph_starts[draft.paragraph] : draft.open_pos].strip(" \t-–—•*(['‘’"):
        return None
    lo = doc.paragraph_starts[draft.paragraph - 1]
    hi = doc.paragraph_starts[draft.paragraph]
    line = doc.masked[lo:hi].rstrip()
    if _MASK in line:
        return None
    if not line.endswith(":"):
        return _credit_line(doc, lo, lo + len(line))
    hi = lo + len(line) - 1
    cue = _cue_in_range(doc, lo, hi)
    if cue is not None:
        return cue
    medium = _ON_MEDIUM.search(line)
    if medium is not None and medium.start() > 0:
        # "Former captain Barry Otway on BBC Radio Kent:", "Ann Roe, speaking to Sky News:":
        # the one who speaks, not the station, the paper or the platform
        hi = lo + medium.start()
    toks = _tokens(doc, lo, hi)
    j = _run_back(toks, len(toks) - 1) if toks else None
    return _phrase_cue(doc, toks, j, len(toks) - 1) if j is not None else None


#: Where a lead-in line's speaker spoke, after the speaker's name: "… on BBC Radio
#: Kent:", "…, speaking to Sky News:", "… in a post on X:", "… via a statement:".
_ON_MEDIUM = re.compile(
    r"(?<=[\w.’'])(?:,?\s+(?:speaking|writing|posting|talking))?\s*,?\s+(?:on|to|via|in|at)\s+"
    r"(?:[A-Z0-9]|the\s+[A-Z]|an?\s+(?:post|statement|interview|video|tweet|message)\b)"
    r"[^:]*:\s*$"
)


def _reporter_before(doc: _Document, draft: _Draft) -> _Cue | None:
    """For a quote that opens a sentence with no cue of its own, the person the sentence
    right before it, in the same paragraph and with no quotation, reports ("Edna Clough, 81,
    said she had no other way into town. “What am I supposed to do?”"): the one named
    subject of its speech verbs. A guess (``sure`` False); None when that sentence reports
    no one or two people, or holds a quotation of its own."""
    if not _opens_sentence(doc, draft):
        return None
    sentence = doc.sentence_at(draft.open_pos)
    if sentence == 0:
        return None
    lo, hi = doc.sentence_starts[sentence - 1], doc.sentence_ends[sentence - 1]
    if doc.paragraph_at(lo) != draft.paragraph or _MASK in doc.masked[lo:hi]:
        return None
    subjects = [
        cue
        for m in doc.verbs_in(lo, hi)
        if not m.group().endswith("ing") and m.group().lower() != "according to"
        for cue in [_pick(_inverted_subject(doc, lo, m), _subject_before(doc, lo, m.start()))]
        if cue is not None
    ]
    names = {cue.text for cue in subjects}
    if len(names) != 1:
        return None
    if subjects[0].form == "pronoun" and subjects[0].text.lower() in ("he", "she"):
        # "She added that regulators would be watching. “…”": the one "she" stands for,
        # resolved as a pronoun cue is
        return replace(subjects[0], sure=False)
    if subjects[0].form != "name":
        return None
    return replace(subjects[0], sure=False)


def _credit_after(doc: _Document, draft: _Draft) -> _Cue | None:
    """For a paragraph that holds quotations and nothing else, the person a credit line of
    its own right after it names, opening with a dash ("- Inspector Carl Mensah, Brackenford
    Police", "— Ann Roe, council leader"): a live blog's or a press release's sign-off to a
    quotation. None where the next line is anything else."""
    paragraph = draft.paragraph
    if paragraph + 1 >= len(doc.paragraph_starts):
        return None
    lo, hi = doc.paragraph_starts[paragraph], doc.paragraph_starts[paragraph + 1]
    if doc.masked[lo:hi].strip(" \t\n" + _MASK + ".,;:!?\"“”‘’'«»„"):
        return None  # the paragraph holds words of the reporter's: its own cues decide
    end = (
        doc.paragraph_starts[paragraph + 2]
        if paragraph + 2 < len(doc.paragraph_starts)
        else len(doc.text)
    )
    line = doc.text[hi:end].rstrip()
    dash = re.match(r"[ \t]*[-–—―][ \t]*", line)
    if dash is None or _MASK in doc.masked[hi:end] or doc.verbs_in(hi, end):
        return None
    if len(re.findall(r"[\w’'-]+", line)) > 14:
        return None
    cue = _phrase_after(doc, hi + dash.end(), hi + len(line))
    return cue if cue is not None and cue.form == "name" else None


def _credit_line(doc: _Document, lo: int, hi: int) -> _Cue | None:
    """A short line with no verb that names someone, right before a quote paragraph ("From
    the desk of John Doe, VP Analyst, Example Research."): that person, as a guess."""
    toks = _tokens(doc, lo, hi)
    words = [t for t in toks if _is_word(t.word)]
    if not words or len(words) > 14 or doc.verbs_in(lo, hi):
        return None
    if any(w.word.lower() in _BE_FORMS or w.word.lower() in ("has", "have", "had") for w in words):
        return None
    for cue in _titled_names(doc, lo, hi) + [
        c for c in (_phrase_cue(doc, toks, k, k + 1) for k in range(len(toks) - 1)) if c
    ]:
        before = re.findall(r"[\w’']+", doc.text[lo : cue.start])[-1:]
        if before and before[0].lower() in ("by", "with"):
            return None  # "YOUR MONEY with Gemma Lyle", "By Ann Roe": a byline, the writer
        if cue.form == "name" and " " in cue.text:
            return replace(cue, sure=False)
    return None


def _surname(cue: _Cue) -> str:
    return cue.text.split()[-1].lower().rstrip("'’s")


def _contradicted(doc: _Document, cue: _Cue, sentence: int) -> bool:
    """Whether another speech verb of the sentence has a named subject other than ``cue``."""
    if cue.form != "name":
        return False
    lo, hi = doc.sentence_starts[sentence], doc.sentence_ends[sentence]
    return any(
        other.form == "name" and _surname(other) != _surname(cue)
        for other in _speech_subjects(doc, lo, hi)
    )


def _labeller(doc: _Document, lo: int, hi: int) -> _Cue | None:
    """For "X called the plan “a fantasy”" or "X described it as “…”": X, whose words the
    label is, as a guess (not sure: "a group called “…”" names something)."""
    labels = doc.labels_in(max(lo, hi - _SENTENCE_WINDOW), hi)
    if not labels:
        return None
    cue = _subject_before(doc, lo, labels[-1].start())
    if cue is None:
        return None
    return replace(cue, sure=False)


def _participle_cue(doc: _Document, lo: int, hi: int) -> _Cue | None:
    """For "…, saying that “…”": the first named speaker of the sentence before the quote."""
    lo = max(lo, hi - _SENTENCE_WINDOW)
    if not any(m.group().endswith("ing") for m in doc.verbs_in(lo, hi)):
        return None
    found = _speech_subjects(doc, lo, hi) + _titled_names(doc, lo, hi)
    return min(found, key=lambda cue: cue.start, default=None)


#: "The release quoted Chief Operating Officer Brian Tessler:", "… quoted its chief
#: executive, Ann Lee, as saying": the one quoted is the object of "quoted".
_QUOTED_OBJECT = re.compile(
    r"\bquoted\s+(?P<who>[^:;.!?\x00]{3,120}?)(?:,?\s+as\s+saying)?\s*[:,]?\s*$"
)


def _quoted_object(doc: _Document, lo: int, hi: int) -> _Cue | None:
    """The speaker a reporter introduces as the object of "quoted" just before the quote
    opening at ``hi`` (from ``lo``, the sentence start or the previous quote's end)."""
    found = _QUOTED_OBJECT.search(doc.masked, lo, hi)
    if found is None:
        return None
    toks = [t for t in _tokens(doc, found.start("who"), found.end("who")) if t.word != ","]
    j = _run_back(toks, len(toks) - 1) if toks else None
    return _phrase_cue(doc, toks, j, len(toks) - 1) if j is not None else None


_INITIALS_AFTER = re.compile(r"[ \t]*\(([A-Z][A-Z&]{1,7})\)")


def _by_initials(doc: _Document, cue: _Cue | None) -> _Cue | None:
    """A name cue followed by its initials in brackets ("The Fédération des pêcheurs du Sud
    (FPS) said") as those initials, which the article defines as the whole name: the rules'
    name may have kept only its last capitalised words ("Sud")."""
    if cue is None or cue.form != "name":
        return cue
    m = _INITIALS_AFTER.match(doc.text, cue.start + len(cue.text))
    return cue if m is None else replace(cue, text=m.group(1), start=m.start(1))


def _attach_cues(doc: _Document, drafts: list[_Draft]) -> None:
    """Set the rule-based cue of every draft, in order of appearance."""
    for index, draft in enumerate(drafts):
        sentence = doc.sentence_at(draft.open_pos)
        lo = doc.sentence_starts[sentence]
        prev = drafts[index - 1] if index > 0 else None
        if prev is not None and doc.sentence_at(prev.open_pos) != sentence:
            prev = None
        nxt = drafts[index + 1] if index + 1 < len(drafts) else None
        if nxt is not None and nxt.paragraph != draft.paragraph:
            nxt = None
        before_lo = prev.close_end if prev is not None else lo
        if prev is not None and _inside_dashes(doc, lo, prev, draft):
            before_lo = lo  # "Ruiz – dubbed the “Iron Lady” by fans – said:": an aside's term
        asked = _ASKED_CLAUSE.fullmatch(doc.masked, lo, draft.open_pos)
        if asked is not None and prev is None:
            # "Asked by a journalist if he would “walk away”, Dunne said": the asker's words
            by = asked.group("by")
            draft.cue = _phrase_after(doc, asked.start("by"), asked.end("by")) if by else None
            continue
        cue = _quoted_object(doc, before_lo, draft.open_pos) or _by_initials(
            doc, _after_cue(doc, draft, nxt) or _before_cue(doc, draft, before_lo)
        )
        if cue is None and prev is not None:
            # "X warned that … “…”, while Y called the hike “…”": Y's label, not X again
            cue = _labeller(doc, before_lo, draft.open_pos)
        if cue is None and prev is not None and prev.cue is not None:
            cue = replace(prev.cue, sure=False)
        if cue is None:
            cue = _participle_cue(doc, lo, draft.open_pos)
            cue = replace(cue, sure=False) if cue is not None else None
        if cue is None:
            cue = _labeller(doc, lo, draft.open_pos)
        if cue is None and _UNOWNED_DOCUMENT.match(doc.masked, draft.close_end):
            draft.cue = None  # "“…,” the statement read.": a document whose author is unclear
            continue
        draft.cue = (
            cue
            or _credit_after(doc, draft)
            or _lead_in_cue(doc, draft)
            or _reporter_before(doc, draft)
        )
        if draft.cue is not None and draft.cue.sure and _contradicted(doc, draft.cue, sentence):
            draft.cue = replace(draft.cue, sure=False)


def _inside_dashes(doc: _Document, lo: int, prev: _Draft, draft: _Draft) -> bool:
    """Whether ``prev`` stands in an aside between dashes that ends before ``draft``
    ("Ana Ruiz – dubbed the “Iron Lady” by fans – said: “…”"), with no dash, clause mark
    or speech verb of its own around it: the aside's words, not a quotation that cues."""
    before = doc.masked[lo : prev.open_pos]
    after = doc.masked[prev.close_end : draft.open_pos]
    opened = max(before.rfind("–"), before.rfind("—"))
    return (
        opened >= 0
        and not re.search(r"[,;:–—]", before[opened + 1 :])
        and len(re.findall(r"[–—]", after)) == 1
        and not doc.verbs_in(lo + opened, prev.open_pos)
    )


# --- pass 3: continuations and kinds -------------------------------------------------------


def _link_continuations(doc: _Document, drafts: list[_Draft]) -> None:
    """Mark drafts that continue the one before them."""
    for index in range(1, len(drafts)):
        a, b = drafts[index - 1], drafts[index]
        if _reopens_paragraph(doc, a, b) or _resumes_after_attribution(doc, a, b):
            b.continues = index - 1
            continue
        # "“…,” said X, who cut his rating to “sell” from “hold”. “…”": past the words the
        # reporter's own sentence quotes to the quotation it breaks off
        k = index - 1
        while (
            k > max(0, index - 4)  # a few terms at most: linear in the drafts
            and _quoted_in_passing(doc, drafts[k])
            and drafts[k].paragraph == b.paragraph
        ):
            k -= 1
        if k < index - 1 and _resumes_after_attribution(doc, drafts[k], b):
            b.continues = k


def _quoted_in_passing(doc: _Document, draft: _Draft) -> bool:
    """Whether a draft is a word or a few (at most three) that the reporter's sentence quotes
    inside itself, not at its opening: a term, a label, a scare quote."""
    return (
        draft.closed
        and not _opens_sentence(doc, draft)
        and _word_count(doc.text[draft.open_pos : draft.end]) <= 3
    )


def _reopens_paragraph(doc: _Document, a: _Draft, b: _Draft) -> bool:
    """An unclosed quote whose next paragraph opens with a quote mark."""
    if a.closed or b.paragraph != a.paragraph + 1:
        return False
    return doc.text[doc.paragraph_starts[b.paragraph] : b.open_pos].strip() == ""


def _resumes_after_attribution(doc: _Document, a: _Draft, b: _Draft) -> bool:
    """A quote broken by its attribution, b resuming right after it.

    Either b opens the next sentence (“…,” he said. “…”) or the attribution is set off
    by commas inside one sentence (“…,” he said, “…”).
    """
    if not a.closed or a.paragraph != b.paragraph or _different_speakers(a.cue, b.cue):
        return False
    if not doc.verbs_in(a.close_end, b.open_pos):
        return False
    gap = doc.sentence_at(b.open_pos) - doc.sentence_at(a.open_pos)
    if gap == 1:
        return _opens_sentence(doc, b)
    between = doc.masked[a.close_end : b.open_pos].strip()
    comma_before = doc.text[a.end - 1] == "," or between.startswith(",")
    return gap == 0 and comma_before and between.endswith(",") and len(between) <= _WINDOW


def _different_speakers(a: _Cue | None, b: _Cue | None) -> bool:
    """Two names with different surnames, or two different pronouns ("he" and "she")."""
    if a is None or b is None or a.form != b.form or a.form == "description":
        return False
    return a.text.split()[-1].lower() != b.text.split()[-1].lower()


def _opens_sentence(doc: _Document, draft: _Draft) -> bool:
    """Whether nothing but dashes or bullets precede the quote in its sentence."""
    lo = doc.sentence_starts[doc.sentence_at(draft.open_pos)]
    before = doc.masked[max(lo, draft.open_pos - _SENTENCE_WINDOW) : draft.open_pos]
    return draft.open_pos - lo <= _SENTENCE_WINDOW and before.strip(" \t-–—•*(['‘’") == ""


def _is_introduced(doc: _Document, draft: _Draft) -> bool:
    """Whether the quote follows a colon or a speech verb: "said: “…”", "said, “…”"."""
    lo = doc.sentence_starts[doc.sentence_at(draft.open_pos)]
    before = doc.masked[max(lo, draft.open_pos - _SENTENCE_WINDOW) : draft.open_pos]
    before = before.rstrip(" \t'‘’")
    if before.endswith(":"):
        return True
    words = before.rstrip(",").rsplit(None, 1)
    return bool(words) and _CUE_VERB.fullmatch(words[-1]) is not None


def _is_embedded(doc: _Document, draft: _Draft) -> bool:
    """A sentence-opening quote used as a phrase: “What they do” remains to be seen."""
    if not draft.closed or doc.text[draft.end - 1] in ",.;:!?…—–-":
        return False
    toks = _tokens(doc, draft.close_end, draft.close_end + 40)
    if not toks or not _is_word(toks[0].word):
        return False
    cue = draft.cue
    return cue is None or (cue.start != toks[0].start and not _CUE_VERB.match(toks[0].word))


def _is_attributed(doc: _Document, draft: _Draft) -> bool:
    """Whether a speech or labelling verb shares the sentence with the quote."""
    sentence = doc.sentence_at(draft.open_pos)
    lo = max(doc.sentence_starts[sentence], draft.open_pos - _SENTENCE_WINDOW)
    hi = min(doc.sentence_ends[sentence], draft.close_end + _SENTENCE_WINDOW)
    return bool(doc.verbs_in(lo, hi) or doc.labels_in(lo, hi))


_MORE_PREPOSITIONS = frozenset(
    """into onto over under between against among amongst across through throughout within
    without toward towards like unlike than per via near around behind beyond despite amid
    amidst along upon above below beside besides except inside outside past""".split()
)


def _modifies_noun(doc: _Document, draft: _Draft) -> bool:
    """A short quoted term with no punctuation of its own, followed at once by a lower-case
    word that is no conjunction, preposition, verb of being or speech: a modifier inside a
    noun phrase ("“hidden” fees", "“gig economy” workers"), not someone's words."""
    if (
        not draft.closed
        or doc.text[draft.end - 1] in ",.;:!?…"
        or not doc.text[draft.start].islower()
    ):
        return False
    toks = _tokens(doc, draft.close_end, draft.close_end + 30)
    if not toks or doc.masked[draft.close_end : toks[0].start] != " ":
        return False
    word = toks[0].word
    before = doc.masked[max(0, draft.open_pos - 12) : draft.open_pos].split()[-1:]
    if (
        before
        and before[0].lower() in _BE_FORMS
        and re.search(r"(?:ing|ed)$", doc.text[draft.start : draft.end])
    ):
        return False  # "said it was “urgently examining” whether …": a verb, not a modifier
    return (
        word[:1].islower()
        and word not in _PREPOSITIONS
        and word not in _SUBORDINATORS
        and word not in ("whether", "how", "why", "what")
        and word not in _BE_FORMS
        and word not in _MORE_PREPOSITIONS
        and word not in ("has", "have", "had", "will", "would", "can", "could", "may", "might")
        and word not in ("a", "an", "the", "this", "that", "these", "those", "some", "any", "no")
        and word not in ("not", "is", "was", "it", "its", "their", "his", "her", "our", "my")
        and not _CUE_VERB.fullmatch(word)
        and not _LABEL_VERB.fullmatch(word)
        and not word.endswith(("ing", "ed"))  # "had “clear data” showing …": a verb follows
    )


#: Verbs of putting something out ("posted a “taster” of the files", "released a “dossier”"):
#: a short quoted noun right after one and a determiner is the thing put out, not speech.
_PUBLISHING = re.compile(
    r"(?<![\w-])(?:post|publish|release|share|leak|upload)(?:s|es|ed|d)?(?![\w-])", re.I
)


def _published_object(doc: _Document, draft: _Draft) -> bool:
    """Whether a short lower-case quote is the object of a publishing verb, after a
    determiner ("has posted a “taster” of 200 files", "leaked the “playbook”"): the reporter
    names a thing with someone's term; no one says those words there."""
    if not doc.text[draft.start : draft.start + 1].islower():
        return False
    toks = _tokens(doc, max(0, draft.open_pos - 40), draft.open_pos)
    words = [t.word for t in toks if _is_word(t.word)]
    return (
        len(words) >= 2
        and words[-1].lower() in ("a", "an", "the", "its", "their", "his", "her", "another")
        and _PUBLISHING.fullmatch(words[-2]) is not None
    )


def _classify(doc: _Document, draft: _Draft) -> QuoteKind:
    """quote, partial or scare (see the QuoteSpan docs in the module header)."""
    text = doc.text[draft.start : draft.end]
    words = _word_count(text)
    if words <= 3 and _nickname(doc, draft):
        return "scare"  # Ramon “Bong” Dizon-Villareal: a nickname is no speech
    if draft.continues is not None or _is_introduced(doc, draft):
        return "quote"
    if words <= 2 and text.isupper() and text.rstrip("”’\"' .")[-1:] not in ("!", "?"):
        after = re.match(r"[ \t]+([A-Za-z][\w’'-]*)", doc.text[draft.close_end :])
        if after is not None and not _CUE_VERB.fullmatch(after.group(1).lower()):
            return "scare"  # a headline's 'KILLER' PILLS: a term before its noun, no speech
    if _opens_sentence(doc, draft) and not _is_embedded(doc, draft):
        return "quote"
    if words >= 8 and text[:1].isupper():
        return "quote"
    if words <= 3 and text.rstrip("”’\"' ")[-1:] in ("!", "?") and _called_out(doc, draft):
        return "partial"  # a cry is speech: a shout of “Shame!”
    if words <= 2 and _modifies_noun(doc, draft):
        return "scare"  # a term used as a modifier: charging “hidden” fees
    if words <= 2 and _published_object(doc, draft):
        return "scare"  # the thing put out, in the reporter's word: posted a “taster” of files
    if words >= 3 or draft.cue is not None or _is_attributed(doc, draft):
        return "partial"
    return "scare"


def _nickname(doc: _Document, draft: _Draft) -> bool:
    """Whether the span is a nickname set between a given name and a surname (Ramon “Bong”
    Dizon-Villareal, Maureen ‘Queenie’ Bassett): capitalised words in marks, a capitalised
    name word right before the opening mark and right after the closing one."""
    inside = doc.text[draft.start : draft.end]
    return (
        draft.closed
        and inside[:1].isupper()
        and re.search(r"(?<![\w’'-])[A-Z][a-z][\w’'-]*[ \t]+$", doc.text[: draft.open_pos])
        is not None
        and re.match(r"[ \t]+[A-Z][a-z][\w’'-]*", doc.text[draft.close_end :]) is not None
        and not _NAME_STOPS.match(doc.text[: draft.open_pos].split()[-1])
    )


#: Words before a quoted term that are no given name ("The", "Operation", "Project").
_NAME_STOPS = re.compile(r"(?i:the|a|an|this|that|operation|project|campaign|called|dubbed)$")


def _called_out(doc: _Document, draft: _Draft) -> bool:
    """Whether a noun for words called out, or a speech verb, comes just before the quote
    ("a cry of “About time!”", "shouted “Never!”"); "fans of “Jeopardy!”" is no cry."""
    lo = doc.sentence_starts[doc.sentence_at(draft.open_pos)]
    before = _tokens(doc, max(lo, draft.open_pos - 40), draft.open_pos)[-3:]
    return any(t.word.lower() in CRY_NOUNS or _CUE_VERB.fullmatch(t.word) for t in before)


_TITLE_SMALL_WORDS = frozenset(
    "a an the of and or in on at to for from with by as but nor vs".split()
)


def _title_case(text: str) -> bool:
    """Whether ``text`` reads as a title: at most seven words, every word but short function
    words capitalised ("Tea at Five.", "Harbor Lights")."""
    words = [w.strip(".,!?;:…'’\"()") for w in text.split()]
    words = [w for w in words if w]
    if not words or len(words) > 7 or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _TITLE_SMALL_WORDS for w in words)


def _is_title(doc: _Document, draft: _Draft) -> bool:
    """A title of a work, programme or name in quote marks rather than speech: Title Case and
    next to a work noun ("the drama “Undercurrent”", "the “Green Homes” scheme"), used as a
    modifier ("“Harbor Lights” actress Dana Ortiz") or followed by an appositive naming a
    work ("“Undercurrent,” a satire about …"). A quote with a speech cue right after it
    (“Absolutely,” she said) is speech."""
    if not _title_case(doc.text[draft.start : draft.end]):
        return False
    if draft.cue is not None and draft.close_end <= draft.cue.start <= draft.close_end + 40:
        between = doc.masked[draft.close_end : draft.cue.start]
        if doc.text[draft.end - 1] in ",!?" or between.strip(" ,-–—") == "":
            return False
    lo = doc.sentence_starts[doc.sentence_at(draft.open_pos)]
    before = [t.word.lower() for t in _tokens(doc, max(lo, draft.open_pos - 80), draft.open_pos)]
    if any(w in WORK_NOUNS for w in before[-3:]):
        return True
    if before[-1:] == [","] and _apposed(doc, draft):
        near = before[-9:-1]
        near = near[len(near) - near[::-1].index(",") :] if "," in near else near
        if not any(_CUE_VERB.fullmatch(w) for w in near) and any(
            w in WORK_NOUNS or w in DOCUMENT_NOUNS for w in near
        ):
            return True  # in apposition to a work: "a review by the office, “Cracks…,” which"
    if before[-1:] and before[-1] in _NAMING_WORDS:
        if any(w in WORK_NOUNS or w in DOCUMENT_NOUNS for w in before[-7:-1]):
            return True  # "a book that is called “Steel Over Water”"
        if len(before) >= 2 and before[-2].isalpha() and before[-2] not in _FUNCTION_WORDS:
            return True  # "a competition called “Spot the Name”": the name of a thing
    if (
        before[-1:]
        and before[-1] in ("in", "of", "from", "on", "at", "by")
        and len(doc.text[draft.start : draft.end].split()) >= 2
    ):
        return True  # "starred in “The Long Winter”", "a scene from “Paper Boats”"
    if not draft.closed:
        return False
    after = _tokens(doc, draft.close_end, draft.close_end + 80)
    words = [t.word for t in after]
    if words and words[0][:1].islower() and not _CUE_VERB.fullmatch(words[0]):
        return (
            doc.text[draft.end - 1] not in ",.!?;:"
            and doc.text[draft.close_end : after[0].start] == " "
        )
    if words[:1] == [","] and len(words) > 2 and words[1].lower() in ("a", "an", "the"):
        return any(w.lower() in WORK_NOUNS for w in words[2:7])
    return False


# Participles that name a work after its noun ("a book called “…”", "a report entitled “…”").
_NAMING_WORDS = frozenset("called titled entitled named dubbed".split())


def _apposed(doc: _Document, draft: _Draft) -> bool:
    """Whether a quote after a comma is set off as an appositive: it ends in a comma, or a
    comma or a relative word follows it ("…, “Cracks in the Deck,” which found …")."""
    if doc.text[draft.end - 1] == ",":
        return True
    after = _tokens(doc, draft.close_end, draft.close_end + 20)
    return bool(after) and after[0].word.lower() in (",", "which", "that", "who")


def _mark_titles(doc: _Document, drafts: list[_Draft]) -> None:
    """Titles of works in quote marks are not speech: their kind becomes "scare", and so
    does every span with the same words as a title (a title named again)."""
    titles = set()
    for draft in drafts:
        if _is_title(doc, draft):
            draft.kind = "scare"
            titles.add(_bare(doc.text[draft.start : draft.end]))
    if titles:
        for draft in drafts:
            if _bare(doc.text[draft.start : draft.end]) in titles:
                draft.kind = "scare"


def _bare(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _freeze(text: str, drafts: list[_Draft]) -> list[QuoteSpan]:
    """Number the drafts Q1, Q2, … and turn them into QuoteSpans."""
    spans = []
    for index, d in enumerate(drafts):
        spans.append(
            QuoteSpan(
                id=f"Q{index + 1}",
                start=d.start,
                end=d.end,
                text=text[d.start : d.end],
                kind=d.kind,
                paragraph=d.paragraph,
                continues=f"Q{d.continues + 1}" if d.continues is not None else None,
                cue=d.cue.text if d.cue else None,
                cue_start=d.cue.start if d.cue else None,
                confident=d.cue.sure if d.cue else True,
            )
        )
    return spans


# --- pass 4: resolving cues ----------------------------------------------------------------


def _is_named(cue: str | None) -> bool:
    """Whether a cue is a name rather than a pronoun or a description."""
    if not cue:
        return False
    first = cue.split()[0]
    return first[:1].isupper() and first.lower() not in _FUNCTION_WORDS


def _named_cue(span: QuoteSpan) -> _Cue | None:
    """The span's cue if it is a name."""
    if span.cue is None or span.cue_start is None or not _is_named(span.cue):
        return None
    return _Cue(span.cue, span.cue_start, "name")


def _holds_role(doc: _Document, cue: _Cue, description: str) -> bool:
    """Whether the article ties the named ``cue`` to the role ``description`` names: its role
    noun or one of its capitalised words ("the minister", "the Nato chief") written right
    before the name ("Foreign Minister Jana Kowalczyk", "NATO Secretary General Mark Rutte")
    or in an appositive after it ("…, the minister,")."""
    words = description.split()
    marks = {words[-1], *(w for w in words[1:] if w[:1].isupper())}
    marks |= _ROLE_SYNONYMS.get(words[-1].lower(), set())  # "the judge": "Mrs Justice Amersham"
    pattern = re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(w) for w in marks)})(?!\w)", re.I)
    name = re.escape(cue.text.split()[-1])
    generic = words[-1].lower() in _GENERIC_HEADS
    for m in re.finditer(rf"(?<!\w){name}(?!\w)", doc.text):
        # an initial's full stop ends nothing: "Minister for Ports R. S. Kulkarni"
        title = re.split(
            r"(?<!\b[A-Z])[.!?]|[;:()“”\"\n]", doc.text[max(0, m.start() - 70) : m.start()]
        )[-1]
        title = _title_run(title)
        after = doc.text[m.end() : m.end() + 80]
        appositive = re.split(r"[.!?;:()“”\"\n]|,", after[1:])[0] if after[:1] == "," else ""
        if pattern.search(title) or pattern.search(appositive):
            return True
        window = doc.text[max(0, m.start() - 60) : m.start()]
        if any(
            re.search(rf"(?<!\w){re.escape(w)}\s+(?:[A-Z][\w’'-]*\s+){{0,2}}$", window)
            for w in marks
            if w.endswith(".")
        ):
            return True  # "Gov. Martin Aldana": an abbreviated title
        if generic and any(
            w.lower().strip(",’'s") in _ROLE_NOUNS for w in f"{title} {appositive}".split()
        ):
            return True  # "the Nato chief" for "the alliance's Secretary General, Mark Rutte"
    return False


#: Lower-case words that may stand inside a title before a name ("head coach", "deputy
#: chief executive", "Secretary of State for Health").
_TITLE_WORDS = frozenset(
    "of for the and de del van von der head deputy vice chief senior acting interim former "
    "assistant associate executive general principal lead managing".split()
)


def _title_run(before: str) -> str:
    """The words right before a name that may be its title: back to the first lower-case
    word that is no role noun nor a word of a title ("… announced the club had sacked head
    coach " gives "head coach "), so a role written before another person's name is not
    this one's."""
    words = before.split(" ")
    k = len(words)
    while k > 0:
        word = re.sub(r"[’']s$", "", words[k - 1]).strip(",")
        if word and word[:1].islower() and word.lower() not in _ROLE_NOUNS | _TITLE_WORDS:
            break
        k -= 1
    return " ".join(words[k:])


# Role nouns that name whoever heads a body, whatever the title: they may stand for any
# titled head ("the chief" for a secretary general, "the leader" for a president). Not a
# spokesperson: one speaks for a body and is called so ("the spokesperson" is no organiser).
_GENERIC_HEADS = frozenset("chief head leader boss official".split())


def _is_role_description(cue: str) -> bool:
    """A definite role description: "the president", "The newly installed Nato chief"."""
    words = cue.split()
    return len(words) > 1 and words[0].lower() == "the" and words[-1].lower() in _ROLE_NOUNS


_SPOKES = SPOKESPERSON_NOUNS


def _resolve(doc: _Document, span: QuoteSpan, earlier: list[QuoteSpan]) -> QuoteSpan:
    """``span`` with a pronoun or role-description cue replaced by its antecedent, and a bare
    "a spokeswoman" given the body the paragraph has just quoted ("a spokeswoman for
    Northgrid")."""
    span = _resolve_antecedent(doc, span, earlier)
    if span.cue is None or span.cue_start is None:
        return span
    words = span.cue.split()
    if len(words) == 2 and words[0].lower() == "the" and words[1].lower() in _NAMED_BODY_HEADS:
        body = _named_body(doc, words[1])
        if body is not None:  # "the university said" of the University of Halsworth
            return replace(span, cue=body.text, cue_start=body.start)
    words = span.cue.split()
    if len(words) == 2 and words[0].lower() in ("a", "an", "the") and words[1].lower() in _SPOKES:
        body = _body_spoken_for(doc, span.cue_start)
        if body is not None:
            text = re.sub(r"^The\b", "the", body.text)
            return replace(span, cue=f"{span.cue} for {text}")
    return span


#: Head nouns of a body a definite description ("the university") may stand for when the
#: article names one body with it ("the University of Halsworth", "Ridgemont University").
_NAMED_BODY_HEADS = BODY_WORDS - frozenset(
    "national security intelligence forces military house group team force".split()
)
_NAME_WORD = r"[A-Z][\w’'&.-]*"


def _named_body(doc: _Document, head: str) -> _Cue | None:
    """The one body the article names with ``head`` as a capitalised word of its name
    ("Ridgemont University", "University of Halsworth", "Harlow District Council"), at its
    first mention; None when it names none or two different ones ("Students' Union" and
    "Halsworth Staff Union" for "the union")."""
    word = head.capitalize()
    pattern = re.compile(
        rf"(?:{_NAME_WORD}\s+){{0,4}}{word}\b(?:\s+(?:of|for)\s+(?:the\s+)?{_NAME_WORD}"
        rf"(?:\s+{_NAME_WORD}){{0,3}})?"
    )
    found: dict[str, _Cue] = {}
    for m in pattern.finditer(doc.text):
        name = re.sub(r"^(?:The|A|An)\s+", "", m.group())
        if name == word or not doc.text[m.start() : m.start() + 1].isupper():
            continue
        words = name.split()
        if any(w.lower() in _NOT_NAMES | _PRONOUNS for w in words):
            continue  # "On Monday Council" or a sentence's first word before the name
        start = m.start() + m.group().index(words[0])
        found.setdefault(name.lower().replace("’", "'"), _Cue(name, start, "name"))
    return next(iter(found.values())) if len(found) == 1 else None


def _body_spoken_for(doc: _Document, anchor: int) -> _Cue | None:
    """The body a spokesperson at ``anchor`` speaks for: the subject of the last speech verb
    before it in its sentence or the two before, in its paragraph, when that subject is a
    body ("Northgrid says …. A spokeswoman says …", "The regulator, Ofpower, said …"): a
    name holding a body word or an acronym, a single capitalised word that is no one's
    surname in the article, or a description with a body noun ("the city council"). None
    when the nearest subject is a person or there is none."""
    sentence = doc.sentence_at(anchor)
    paragraph = doc.paragraph_at(anchor)
    for k in range(sentence, max(sentence - 3, -1), -1):
        lo = doc.sentence_starts[k]
        if doc.paragraph_at(lo) != paragraph:
            break
        hi = min(anchor, doc.sentence_ends[k])
        subjects = []
        for m in doc.verbs_in(lo, hi):
            if m.group().lower() == "according to" or m.group().endswith("ing"):
                continue
            cue = _pick(_inverted_subject(doc, lo, m), _subject_before(doc, lo, m.start()))
            if cue is not None and cue.start < anchor and cue.form != "pronoun":
                subjects.append(cue)
        if subjects:
            return subjects[-1] if _is_body(doc, subjects[-1]) else None
    return None


_MORE_BODY_HEADS = frozenset("police regulator operator firm airline insurer charity".split())


def _is_body(doc: _Document, cue: _Cue) -> bool:
    """Whether a speech subject names a body rather than a person (see ``_body_spoken_for``)."""
    words = cue.text.split()
    lowered = {w.lower() for w in words}
    if lowered & _SPOKES or lowered & (ROLE_NOUNS - BODY_WORDS) and cue.form == "description":
        return False
    if cue.form == "description":  # "the city council", "police": headed by a body word
        return len(words) <= 6 and words[-1].lower() in BODY_WORDS | _MORE_BODY_HEADS
    if not _personal(cue):
        return True
    surname = re.compile(rf"[A-Z][\w’'-]+\s+{re.escape(words[0])}\b")
    return len(words) == 1 and surname.search(doc.text) is None


def _resolve_antecedent(doc: _Document, span: QuoteSpan, earlier: list[QuoteSpan]) -> QuoteSpan:
    """``span`` with a pronoun or role-description cue replaced by its antecedent."""
    if span.cue is None or span.cue_start is None:
        return span
    aged = re.fullmatch(r"(?i:the)\s+" + _AGED.pattern, span.cue)
    if aged is not None:  # "the 34-year-old said": the one person given that age before
        person = _aged_person(doc, aged.group(1), span.cue_start)
        if person is None:
            return replace(span, cue=None, cue_start=None)
        return replace(span, cue=person.text, cue_start=person.start, confident=False)
    pronoun = span.cue.lower() in _PRONOUNS or span.cue.lower() in _POSSESSIVE_PRONOUNS
    if not pronoun and not _is_role_description(span.cue):
        return span
    personal = span.cue.lower() in ("he", "she", "his", "her")
    found = _antecedent(doc, span.cue_start, earlier, personal, span.cue.lower())
    if personal:
        # "A council spokesman insisted the notice was fair. He said: “…”": the person
        # described just before, when no name comes between
        described = _described_speaker(doc, span.cue_start, None, same_paragraph=True)
        if described is not None and (found is None or described.start > found.start):
            return replace(span, cue=described.text, cue_start=described.start, confident=False)
    if not pronoun:
        described = _described_speaker(doc, span.cue_start, span.cue.split()[-1].lower())
        if described is not None and (found is None or described.start > found.start):
            return replace(span, cue=described.text, cue_start=described.start)
    if found is not None and span.cue.lower() in ("they", "their") and _personal(found):
        found = None  # "they" is a group or a body, never one person
    if span.cue.lower() in ("they", "their"):
        group = _group_subject(doc, span.cue_start)
        if group is not None and (found is None or group.start > found.start):
            return replace(span, cue=group.text, cue_start=group.start, confident=False)
    if found is not None and not pronoun and not _holds_role(doc, found, span.cue):
        return span  # "the minister" stays a description unless a minister is named
    if found is not None:
        return replace(span, cue=found.text, cue_start=found.start, confident=False)
    return replace(span, cue=None, cue_start=None) if pronoun else span


_PERSON_NAME = r"(?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+"


def _aged_person(doc: _Document, age: str, anchor: int) -> _Cue | None:
    """The one person the article gives ``age`` before ``anchor``, as "Name, 34,", "Name
    (34)", "Name, aged 34" or "34-year-old Name"; None when no one or two different people
    (by surname) have it."""
    before = doc.text[:anchor]
    found: dict[str, _Cue] = {}
    patterns = (
        rf"(?<![\w’'-])(?P<who>{_PERSON_NAME}),\s+(?:aged\s+)?{age}\b",
        rf"(?<![\w’'-])(?P<who>{_PERSON_NAME})\s+\({age}\)",
        rf"\b{age}-year-old\s+(?:[a-z-]+\s+){{0,3}}(?P<who>{_PERSON_NAME})",
    )
    for pattern in patterns:
        for m in re.finditer(pattern, before):
            words = m.group("who").split()
            while words and (
                words[0].lower().rstrip(".") in _ROLE_WORDS or words[0].lower() in _NOT_NAMES
            ):
                words = words[1:]
            if len(words) < 2 or not all(_is_name_token(w) for w in words):
                continue
            text = " ".join(words)
            start = m.start("who") + m.group("who").index(words[0])
            found.setdefault(words[-1].lower(), _Cue(text, start, "name"))
    return next(iter(found.values())) if len(found) == 1 else None


_PLURAL_GROUPS = frozenset(
    w for w in GROUP_NOUNS | ROLE_PLURALS if w.endswith("s") or w in ("police", "people", "staff")
)


def _group_subject(doc: _Document, anchor: int) -> _Cue | None:
    """The group a "they" or "their" at ``anchor`` stands for: the plural group that is the
    subject of the pronoun's sentence or of the sentence before it in the same paragraph
    ("Inspectors visited in May. “…,” their report said." gives "Inspectors"), as written:
    at most four words from the sentence start to a plural group noun, followed by a
    lower-case word (its verb)."""
    sentence = doc.sentence_at(anchor)
    for k in (sentence, sentence - 1):
        if k < 0 or doc.paragraph_at(doc.sentence_starts[k]) != doc.paragraph_at(anchor):
            break
        lo = doc.sentence_starts[k]
        toks = _tokens(doc, lo, min(anchor, doc.sentence_ends[k], lo + 80))
        a = 0
        while a < len(toks) and toks[a].word.lower() in _LEAD_WORDS:
            a += 1
        for h in range(a, min(a + 4, len(toks) - 1)):
            if not _is_word(toks[h].word):
                break
            if toks[h].word.lower() in _PLURAL_GROUPS and toks[h + 1].word[:1].islower():
                if toks[h + 1].word.lower() in _PREPOSITIONS | _MORE_PREPOSITIONS:
                    break
                return _Cue(_span_text(doc, toks[a], toks[h]), toks[a].start, "description")
    return None


# Role nouns that name the same kind of speaker ("a spokeswoman" … "the spokesperson").
_SAME_ROLE = ({"spokesperson", "spokeswoman", "spokesman"},)
#: Titles written before a name that hold a role a description names otherwise: "the judge"
#: is "Mrs Justice Amersham" or "Judge Ray Oduya"; "the governor" is "Gov. Ann Ruiz".
_ROLE_SYNONYMS: dict[str, set[str]] = {
    "judge": {"Justice", "Judge"},
    "justice": {"Justice", "Judge"},
    "governor": {"Gov."},
    "senator": {"Sen."},
    "representative": {"Rep."},
    "congressman": {"Rep."},
    "congresswoman": {"Rep."},
    "councillor": {"Cllr", "Councillor"},
    "superintendent": {"Supt"},
    "inspector": {"Insp"},
    "detective": {"Det."},
    "professor": {"Prof."},
    "doctor": {"Dr", "Dr."},
}


def _described_speaker(
    doc: _Document, anchor: int, head: str | None, same_paragraph: bool = False
) -> _Cue | None:
    """The speaker a role description ending in ``head`` ("the spokesperson") refers back to
    when it was introduced by a description, not a name: the nearest speech subject before
    ``anchor`` (in its sentence, then up to three sentences back) that is an indefinite or
    possessive description with the same head noun ("A district council spokesperson said
    …"), as written. None when there is none: then a named antecedent may hold the role.
    With ``head`` None, any role noun heads it (the "he" after "A council spokesman
    insisted …"); with ``same_paragraph``, only the anchor's paragraph is searched."""
    heads = next((group for group in _SAME_ROLE if head in group), {head}) if head else ROLE_NOUNS
    sentence = doc.sentence_at(anchor)
    paragraph = doc.paragraph_at(anchor)
    for k in range(sentence, max(sentence - 1 - _LOOKBACK, -1), -1):
        lo = doc.sentence_starts[k]
        if same_paragraph and doc.paragraph_at(lo) != paragraph:
            break
        hi = anchor if k == sentence else doc.sentence_ends[k]
        found = None
        for m in doc.verbs_in(lo, hi):
            if m.group().lower() == "according to" or m.group().endswith("ing"):
                continue
            cue = _pick(_inverted_subject(doc, lo, m), _subject_before(doc, lo, m.start()))
            if (
                cue is not None
                and cue.form == "description"
                and cue.start < anchor
                and cue.text.split()[0].lower() != "the"
                and cue.text.split()[-1].lower() in heads
                # for a pronoun, the description opens its clause: "Colin Platt, now a
                # pundit, said" describes a named speaker
                and not (head is None and re.search(r"[A-Z]", doc.masked[lo : cue.start]))
            ):
                found = cue
        if found is not None:
            return found
    return None


def _antecedent(
    doc: _Document,
    anchor: int,
    earlier: list[QuoteSpan],
    personal: bool = False,
    pronoun: str = "",
) -> _Cue | None:
    """The nearest named speaker before ``anchor``, sentence by sentence; for "he" or "she"
    (``personal``) a person, never a body or an acronym (a dateline's "AP"). When the nearest
    is marked as not what ``pronoun`` stands for (``_gender_clash``: "Her deputy, Karl Moen"
    for a "she"), None: no guess further back."""
    result = _antecedent_any(doc, anchor, earlier, personal)
    if result is not None and _gender_clash(doc, result, pronoun):
        return None
    return result


#: Someone the paragraph introduces by description ("a retiree who would give only her
#: first name", "one mother", "a woman at the bus stop"): the "she" that follows.
_SOMEONE = re.compile(
    rf"\b(?:[Aa]|[Aa]n|[Oo]ne|[Aa]nother)\s+(?:[\w’'-]+\s+){{0,3}}?(?i:{word_alternation(ROLE_NOUNS)}|"
    r"woman|man|girl|boy|mother|father|retiree|local|resident|neighbour|neighbor)\b"
)


#: The outlet's own journalist, who reports what others say ("our reporter", "our
#: correspondent in Kyiv"): never the antecedent of a quoted "she said". Not where the
#: reporter is spoken to ("Speaking to our correspondent, Hon. Ada Nwosu said").
_OUR_REPORTER = re.compile(
    r"(?<!\bto\s)(?<!\bwith\s)(?<!\btold\s)\bour\s+(?:[\w-]+\s+)?"
    r"(?:reporter|correspondent|journalist|editor|team)\b[^.]*$",
    re.I,
)


def _antecedent_any(
    doc: _Document, anchor: int, earlier: list[QuoteSpan], personal: bool = False, depth: int = 0
) -> _Cue | None:
    """``_antecedent`` without the gender marks. A "he said" of an earlier sentence is the
    same person again: its own antecedent is looked for (two steps at most)."""
    sentence = doc.sentence_at(anchor)
    paragraph = doc.paragraph_at(anchor)
    windows = [(doc.sentence_starts[sentence], anchor)]
    for k in range(sentence - 1, max(sentence - 1 - _LOOKBACK, -1), -1):
        windows.append((doc.sentence_starts[k], doc.sentence_ends[k]))
    crowded = len(_paragraph_people(doc, anchor)) >= 2 if personal else False
    for lo, hi in windows:
        if paragraph >= 0 and doc.paragraph_at(lo) != paragraph:
            # The paragraph names the person it is about ("Head keeper Jo Bell, 34, was
            # thrilled. “…,” she said."): no one from an earlier paragraph is.
            people = _paragraph_people(doc, anchor)
            if len(people) == 1 and not (personal and not _personal(people[0])):
                return people[0]
            if people:
                return None  # two people and no speech verb: unsure
            opening = doc.masked[doc.paragraph_starts[doc.paragraph_at(anchor)] : anchor]
            if personal and _SOMEONE.search(opening):
                return None  # "a retiree who gave only her first name … she said": not the
                # speaker of an earlier paragraph
            here = doc.paragraph_at(anchor)
            if personal and here > 0 and not opening.strip(" \t\n'" + _ANY_DOUBLE + _SINGLE_OPEN):
                # the paragraph is the quotation ("“We went in there …,” he said."): the one
                # person the paragraph before names and leads up to, with no speech verb
                # ("Tom Penhallow … has been on this programme many times. This evening he
                # sounded tired.")
                before = _paragraph_people(doc, doc.paragraph_starts[here] - 1)
                if (
                    len(before) == 1
                    and _personal(before[0])
                    and _name_runs(doc, here - 1) <= {before[0].text}
                ):
                    return before[0]
            paragraph = -1  # checked once
        if personal and depth < 2 and (lo, hi) != windows[0]:
            again = _pronoun_subject(doc, lo, hi)
            if again is not None:  # "He said the ban would finish him. ‘…,’ he said."
                return _antecedent_any(doc, again, earlier, personal, depth + 1)
        found = _speaker_in_window(
            doc, max(lo, hi - _SENTENCE_WINDOW), hi, earlier, titled=not crowded
        )
        if found is not None and _OUR_REPORTER.search(
            doc.text[max(0, found.start - 60) : found.start]
        ):
            return None  # "Our reporter on the quay, Kirsty Mahon, has spoken to X": the outlet
        if (
            found is not None
            and personal
            and not _A_SPOKESPERSON.match(found.text)  # a spokesman for a body is a person
            and (not _personal(found) or _named_as_body(doc, found))
        ):
            # "he" is no body ("Valtmark", a name never a person's surname) nor a group: the
            # person meant is not the nearest speaker, and one further back is a guess
            return None
        if found is not None:
            return found
        if personal and _unnamed_subject(doc, lo, hi, _REPLY.match(doc.text, anchor) is not None):
            # "A firefighter who asked not to be named said … “…,” he said.": the one
            # unnamed, not a speaker further back
            return None
    paragraph = doc.paragraph_at(anchor)
    for span in reversed(earlier[-_FALLBACK_SPANS:]):
        if span.paragraph < paragraph - 2:
            break
        cue = _named_cue(span)
        if cue is not None and cue.start < anchor and not (personal and not _personal(cue)):
            return cue
    return None


def _unnamed_subject(doc: _Document, lo: int, hi: int, reply: bool = False) -> bool:
    """Whether a speech verb between ``lo`` and ``hi`` has someone unnamed for its subject
    ("A firefighter on the line … said", "One resident told us"): the "he" or "she" of a
    quotation after it. Not one who asked where the pronoun replies (``reply``: "“…?” one
    reporter asked. “…,” he replied.")."""
    for m in doc.verbs_in(lo, hi):
        if reply and m.group().lower().startswith("ask"):
            continue
        cue = _subject_before(doc, lo, m.start())
        if cue is not None and cue.form == "description" and _SOMEONE.match(cue.text):
            return True
    return False


#: A pronoun answering a question ("he replied", "she shot back").
_REPLY = re.compile(
    r"(?:he|she)\s+(?:replied|replies|answered|answers|responded|responds|retorted|"
    r"retorts|shot\s+back|hit\s+back|countered)\b",
    re.I,
)


def _name_runs(doc: _Document, paragraph: int) -> set[str]:
    """Every run of two capitalised name words or more in ``paragraph`` outside quotes that
    holds no word of a body ("Harbour Fishermen's Association" is none): who else it may
    name, wherever a preposition puts them ("beside Harry Crane")."""
    start = doc.paragraph_starts[paragraph]
    end = (
        doc.paragraph_starts[paragraph + 1]
        if paragraph + 1 < len(doc.paragraph_starts)
        else len(doc.text)
    )
    runs, current = set(), []
    for tok in [*_tokens(doc, start, end), None]:
        if tok is not None and _is_name_token(tok.word):
            current.append(tok.word)
            continue
        if len(current) >= 2 and not any(
            w.lower().rstrip("s’'") in BODY_WORDS | ORGANISATION_WORDS for w in current
        ):
            runs.add(" ".join(current))
        current = []
    return runs


def _paragraph_people(doc: _Document, anchor: int) -> list[_Cue]:
    """The distinct people named (two name words or more, outside quotes) in the paragraph
    of ``anchor`` before it, first mention of each, in order: "Head keeper Jo Bell, 34" gives
    "Jo Bell". A run after an article or a preposition ("at Brantwood Zoo"), before a
    speaker noun ("Fenwick District Council", "Kestrel spokesman") or holding a body word
    or an acronym is no person."""
    toks = [
        # "Marion Tate's late husband": a possessive name is a person the paragraph names
        replace(t, word=t.word[:-2], end=t.end - 2)
        if t.word.endswith(("'s", "’s")) and _is_name_token(t.word[:-2])
        else t
        for t in _tokens(doc, doc.paragraph_starts[doc.paragraph_at(anchor)], anchor)
    ]
    found: dict[str, _Cue] = {}
    i = 0
    while i < len(toks):
        if not _is_name_token(toks[i].word):
            i += 1
            continue
        j = i
        while i + 1 < len(toks) and (
            _is_name_token(toks[i + 1].word) or toks[i + 1].word in _PARTICLES
        ):
            i += 1
        last = i
        while last > j and toks[last].word in _PARTICLES:
            last -= 1
        before = toks[j - 1].word.lower() if j > 0 else ""
        after = toks[i + 1].word.lower() if i + 1 < len(toks) else ""
        person = _person(toks, j, last, doc.text)
        i += 1
        topic = j == 1 and toks[0].word in ("For", "To")  # "For Dale Penrose, who…, the vote…"
        topic = topic or (before == "the" and toks[j].word.lower().rstrip(".") in _HONORIFICS)
        topic = topic or (_titled_complement(toks, j) and person is not None and person[0] > j)
        # "Minister for Energy (Power Division) Sardar …": a capitalised run in brackets
        # after a capitalised word qualifies a title or a name, it is no one
        bracketed = before == "(" and after == ")" and j >= 2 and toks[j - 2].word[:1].isupper()
        if (
            person is None
            or bracketed
            or (before in _PREPOSITIONS | _MORE_PREPOSITIONS | {"the", "a", "an"} and not topic)
            or after in _SPEAKER_NOUNS  # "Fenwick District Council", "a Kestrel spokesman"
        ):
            continue
        cue = _Cue(_span_text(doc, toks[person[0]], toks[last]), toks[person[0]].start, "name")
        if not _personal(cue):
            continue
        if len(cue.text.split()) < 2 and not person[1] and not _known_surname(doc, cue):
            continue  # one word: a person when titled ("Cllr Lund") or named in full before
        key = cue.text.split()[-1].lower()
        if not any(c.text.split()[-1].lower() == key for c in found.values()):
            found[cue.text] = cue
    return list(found.values())


def _known_surname(doc: _Document, cue: _Cue) -> bool:
    """Whether a one-word name is the surname of a person named in full earlier in the
    article ("Rourke" after "The town's MP, Helen Rourke")."""
    word = cue.text.split()[0]
    if word.lower() in _NOT_NAMES or not word[:1].isupper():
        return False
    return (
        re.search(rf"(?<!\w){NAME_WORD}\s+{re.escape(word)}\b", doc.text[: cue.start]) is not None
    )


#: Nouns that class a name as a business before it ("its parent, Valtmark", "the firm
#: Corvex", "retail giant Mallory").
_BODY_CLASSES = frozenset(
    """parent company firm owner group operator subsidiary supplier employer maker giant
    manufacturer retailer chain brand developer contractor insurer lender bank""".split()
)


def _named_as_body(doc: _Document, cue: _Cue) -> bool:
    """Whether the article classes a name as a business ("its Belgian parent, Valtmark",
    "the firm Corvex", one word) or a thing ("Brookmere Energy, which …"): such a name is
    never "he" or "she"."""
    if re.search(rf"(?<![\w-]){re.escape(cue.text)},\s+which\s", doc.text):
        return True  # "Brookmere Energy, which cut power to …": a thing, not a who
    words = cue.text.split()
    if len(words) != 1:
        return False
    classed = rf"\b(?:{'|'.join(_BODY_CLASSES)}),?\s+{re.escape(words[0])}\b"
    return re.search(classed, doc.text, re.I) is not None


def _personal(cue: _Cue) -> bool:
    """Whether a named cue can be "he" or "she": no acronym, no word naming a body."""
    words = cue.text.split()
    if words[-1].lower() in ROLE_PLURALS | GROUP_NOUNS and (
        cue.form == "description" or len(words) == 1
    ):
        return False  # "Investigators", "police officers": many, never "he" or "she"
    while len(words) > 2 and (
        words[0].lower().rstrip(".") in _ROLE_WORDS or words[0].rstrip(".") in _RANK_INITIALS
    ):
        words = words[1:]  # "PC Daniel Ruddock", "DCI Ann Roe": a rank in capitals, a person
    while len(words) > 2 and words[-1].rstrip(".,") in _RANK_INITIALS:
        words = words[:-1]  # "Ann Roe MP", "Tom Lee KC"
    return not any(w.isupper() and len(w) > 1 or w.lower() in BODY_WORDS for w in words)


#: Ranks and post-nominal letters in capitals that stand before or after a person's name:
#: police ranks ("PC", "DCI"), and "MP", "QC", "KC".
_RANK_INITIALS = frozenset(
    "PC WPC DC DS DI DCI DCS PCSO MP MEP MSP MLA TD QC KC SC JP OBE MBE CBE".split()
)


def _speaker_in_window(
    doc: _Document, lo: int, hi: int, earlier: list[QuoteSpan], titled: bool = True
) -> _Cue | None:
    """A named cue of a quote in the window, else its last named speech subject, else (with
    ``titled``: not where the pronoun's paragraph names two people, "Asked whether Cllr Wren
    had a point, he…") its first titled name."""
    for span in reversed(earlier):
        if span.start < lo:
            break
        cue = _named_cue(span) if span.start < hi else None
        if cue is not None:
            return cue
    subjects = _speech_subjects(doc, lo, hi)
    if subjects:
        return subjects[-1]
    described = _described_subject(doc, lo, hi)
    if described is not None:
        return described  # "The superintendent said … “…,” she said": the described one
    asked = _asked_subject(doc, lo, hi)
    if asked is not None:
        return asked  # "The chairman was asked whether … “…,” he said": who was asked
    if not titled:
        return None
    names = _titled_names(doc, lo, hi)
    if names:
        return names[0]
    return _opening_surname(doc, lo, hi)


def _opening_surname(doc: _Document, lo: int, hi: int) -> _Cue | None:
    """A surname alone opening a sentence as its subject, of a person named in full earlier
    ("Rourke is demanding a public inquiry."): someone a later "she said" may refer to."""
    toks = _tokens(doc, lo, min(hi, lo + 60))
    if len(toks) < 2:
        return None
    # "Maureen, who has five grandchildren, was having none of it.": a relative clause or an
    # age after the subject
    clause = (
        len(toks) > 2
        and toks[1].word == ","
        and (toks[2].word.lower() in ("who", "whose") or toks[2].word.isdigit())
    )
    if not toks[1].word[:1].islower() and not clause:
        return None
    # "Okafor's team plans …": the possessor is the one a later "she says" is about
    word = re.sub(r"[’']s$", "", toks[0].word)
    if not _is_name_token(word):
        return None
    if any(_is_name_token(t.word) for t in toks[2:]):
        return None  # "Lund met Rita Bloom": two people, no one sure
    cue = _Cue(word, toks[0].start, "name")
    return cue if _known_surname(doc, cue) and _personal(cue) else None


def _pronoun_subject(doc: _Document, lo: int, hi: int) -> int | None:
    """The offset of "he" or "she" as the subject of a speech verb between ``lo`` and
    ``hi`` when that sentence names no one, else None."""
    for m in doc.verbs_in(lo, hi):
        if m.group().endswith("ing") or m.group().lower() == "according to":
            continue
        cue = _subject_before(doc, lo, m.start())
        if cue is not None and cue.form == "pronoun" and cue.text.lower() in ("he", "she"):
            if not _speech_subjects(doc, lo, hi):
                return cue.start
    return None


#: A spokesperson described, perhaps with the body after it ("A spokesman for the Treasury").
_A_SPOKESPERSON = re.compile(r"(?i:an?|the|one)\s+(?:[\w-]+\s+)?spokes(?:man|woman|person)\b")


def _described_subject(doc: _Document, lo: int, hi: int) -> _Cue | None:
    """The last speech subject between ``lo`` and ``hi`` that is a definite role description
    ("The superintendent said…"), resolved to the person the article gives that role where it
    names one."""
    found = None
    for m in doc.verbs_in(lo, hi):
        if m.group().lower() == "according to" or m.group().endswith("ing"):
            continue
        cue = _pick(_inverted_subject(doc, lo, m), _subject_before(doc, lo, m.start()))
        if (
            cue is not None
            and cue.form == "description"
            and (_is_role_description(cue.text) or _A_SPOKESPERSON.match(cue.text))
        ):
            found = cue  # "The superintendent said", "A spokesman for the Treasury said"
    if found is None:
        return None
    for named in reversed(_titled_names(doc, 0, found.start)):
        if _holds_role(doc, named, found.text):
            return replace(named, start=found.start)  # "Superintendent Gloria Atwater"
    return found


#: A passive that puts a question to its subject ("was asked", "were pressed on"): the one
#: who answers in the quotation after it.
_ASKED = re.compile(
    r"\b(?:was|were|is|are|has\s+been|had\s+been|have\s+been)\s+(?:later\s+|then\s+|also\s+)?"
    r"(?:asked|pressed|questioned|quizzed|challenged)\b"
)


def _asked_subject(doc: _Document, lo: int, hi: int) -> _Cue | None:
    """The subject of the last passive of asking between ``lo`` and ``hi`` ("Pike was asked
    whether …", "The chairman was pressed on …", "A club spokesman was asked …"): a name; a
    definite role description resolved to the person the article gives that role where it
    names one; an indefinite description as it is (someone unnamed). None where there is no
    such passive or its subject is no person."""
    found = None
    for m in _ASKED.finditer(doc.masked, lo, hi):
        end = doc.sentence_ends[doc.sentence_at(m.start())]
        if re.search(r"\bby\s", doc.masked[m.end() : end]):
            found = None  # "Teyssier was challenged by the councillor Henri Vautrin": two
            continue  # people, and the one who speaks next may be either
        cue = _subject_before(doc, lo, m.start())
        if cue is not None and cue.form in ("name", "description"):
            found = replace(cue, sure=False)
    if found is None or found.form == "name":
        return found
    if _is_role_description(found.text):
        for named in reversed(_titled_names(doc, 0, found.start)):
            if _holds_role(doc, named, found.text):
                return replace(named, start=found.start, sure=False)
    return found


def _speech_subjects(doc: _Document, lo: int, hi: int) -> list[_Cue]:
    """Named subjects of the speech verbs between ``lo`` and ``hi``."""
    found = []
    for m in doc.verbs_in(lo, hi):
        if m.group().lower() == "according to":
            continue
        cue = _pick(
            _inverted_subject(doc, lo, m),
            _subject_before(doc, lo, m.start(), appositive=not m.group().endswith("ing")),
        )
        if cue is not None and cue.form == "name":
            found.append(cue)
    return found


def _titled_names(doc: _Document, lo: int, hi: int) -> list[_Cue]:
    """Names marked as personal by a title, a role noun before them or enclosing commas."""
    toks = _tokens(doc, lo, hi)
    found = []
    i = 0
    while i < len(toks):
        if not _is_name_token(toks[i].word):
            i += 1
            continue
        j = last = i
        while i + 1 < len(toks) and (
            _is_name_token(toks[i + 1].word) or toks[i + 1].word in _PARTICLES
        ):
            i += 1
            if toks[i].word not in _PARTICLES:
                last = i
        cue = _titled_name(doc, toks, j, last)
        if cue is not None:
            found.append(cue)
        i += 1
    return found


def _titled_name(doc: _Document, toks: list[_Tok], j: int, i: int) -> _Cue | None:
    """The name in run ``toks[j..i]`` if it is titled, follows a role noun or sits in commas."""
    person = _person(toks, j, i, doc.text)
    if person is None:
        return None
    first, titled = person
    before = toks[j - 1].word if j > 0 else ""
    after = toks[i + 1].word if i + 1 < len(toks) else ""
    bare = re.sub(r"[’']s?$", "", after)
    if bare[:1].isupper() and bare.lower() in BODY_WORDS:
        return None  # "The National Weather Centre's chief": a body's name runs on
    if after in _SPEAKER_NOUNS:
        return None  # "Former Norway striker Henrik Aas": a run before a role noun qualifies it
    # "Gran Margaret Oyelaran": a kinship word or epithet marks a person as a role noun does
    role_before = before.lower() in _ROLE_NOUNS or name_descriptor(before)
    # "The chief, Mark Rutte, said": a name of two words or more set off by commas, but not
    # an item of a list ("France, Germany, Italy").
    listed = j >= 2 and before == "," and _is_name_token(toks[j - 2].word)
    in_commas = after == "," and i > j and not listed and (before == "," or not _is_word(before))
    if titled or role_before or in_commas:
        return _Cue(_span_text(doc, toks[first], toks[i]), toks[first].start, "name")
    return None


def _follow_quote_paragraphs(doc: _Document, spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """A cue-less quote that makes up the start of the paragraph right after a quote
    paragraph takes that paragraph's last named cue (consecutive quote paragraphs)."""
    out: list[QuoteSpan] = []
    for span in spans:
        prev = out[-1] if out else None
        if (
            span.cue is None
            and span.kind == "quote"
            and prev is not None
            and prev.paragraph == span.paragraph - 1
            and prev.kind == "quote"
            and _is_named(prev.cue)
            and _leads_paragraph(doc, span)
            and not _repeats_another(span, spans)
        ):
            span = replace(span, cue=prev.cue, cue_start=prev.cue_start, confident=False)
        out.append(span)
    return out


def _repeats_another(span: QuoteSpan, spans: list[QuoteSpan]) -> bool:
    """Whether the words of ``span`` (three at least) stand inside another quotation of the
    article: a pull quote set between paragraphs repeats the body's words, and the speaker
    is whoever the body credits them to (``repeated_quotes``), not the paragraph before."""
    words = quote_words(span.text)
    return len(words.split()) >= 3 and any(
        q is not span
        and not q.start <= span.start < q.end
        and f" {words} " in f" {quote_words(q.text)} "
        for q in spans
    )


def _leads_paragraph(doc: _Document, span: QuoteSpan) -> bool:
    """Whether only whitespace and quote marks precede the span in its paragraph."""
    before = doc.text[doc.paragraph_starts[span.paragraph] : span.start]
    return before.strip(" \t'’" + _ANY_DOUBLE + _SINGLE_OPEN) == ""


def _share_chain_cues(spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """Give every span of a continuation chain the chain's first named cue (or first cue)."""
    by_id = {span.id: span for span in spans}
    root = {}
    for span in spans:
        root[span.id] = root.get(span.continues, span.continues) if span.continues else span.id
    chains: dict[str, list[QuoteSpan]] = {}
    for span in spans:
        chains.setdefault(root[span.id], []).append(span)
    for members in chains.values():
        cues = [m for m in members if _is_named(m.cue)] or [m for m in members if m.cue]
        if len(members) < 2 or not cues:
            continue
        for m in members:
            if not _is_named(m.cue):
                by_id[m.id] = replace(
                    m, cue=cues[0].cue, cue_start=cues[0].cue_start, confident=cues[0].confident
                )
    return [by_id[span.id] for span in spans]
