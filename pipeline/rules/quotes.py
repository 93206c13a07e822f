"""Find quotations, and who said them, in cleaned news-article text.

The detector is rule based and has no dependencies.  It works in four passes:

1. Every non-empty line is a paragraph.  The quote marks of each paragraph are
   scanned into spans: straight, curly and mixed double quotes (single quotes
   nested inside them stay part of the text), plus top-level single quotes, curly
   or straight, of three or more words (British style; an apostrophe inside or
   ending a word, a plural possessive or an elision such as '90s never opens or
   closes one).  A quote left open runs to
   the end of its paragraph, never further.
2. Each span gets a speaker cue from the attribution in its own sentence:
   ``“…,” Name said``, ``“…,” said Name``, ``Name said: “…”``, ``Name: “…”``,
   ``according to Name``, ``“…” — Name``.  Titles before a name are dropped
   ("NATO Secretary General Mark Rutte" gives "Mark Rutte").
3. Continuations are linked: a quote re-opened at the start of the paragraph
   after an unclosed one, and a quote resumed right after its attribution
   (``“…,” he said. “…”``).  Spans are classified as quote, partial or scare.
4. Pronoun cues ("he said") and role descriptions ("the president said") are
   resolved to the nearest named speaker in the preceding sentences, and every
   span of a continuation chain shares one cue.

Sentence splitting treats quoted text as opaque, so a full stop inside a quote
never cuts the sentence that carries its attribution.  Every pass is linear in
the length of the text, with bounded look-around windows, and no regex can
backtrack catastrophically.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Literal

__all__ = ["QuoteKind", "QuoteSpan", "find_quotes", "resolve_pronoun_cues"]


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
        cue_start: offset of ``cue`` in the text; for a resolved pronoun, of the name.
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


# --- marks and patterns --------------------------------------------------------------------

# Double quote marks: openers, closers and the ambiguous straight mark.
_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_STRAIGHT = '"'
_ANY_DOUBLE = _DOUBLE_OPEN + _DOUBLE_CLOSE + _STRAIGHT
# Curly single quotes; the closer doubles as the typographic apostrophe.
_SINGLE_OPEN = "‘"
_SINGLE_CLOSE = "’"
# The straight apostrophe, used as a single quote mark in much British and pasted copy.
_STRAIGHT_SINGLE = "'"
_MARK = re.compile(f"[{re.escape(_ANY_DOUBLE + _SINGLE_OPEN + _STRAIGHT_SINGLE)}]")
# A straight ' that opens a quotation: at the start of a paragraph or after a space or an
# opening bracket or dash, before a letter or digit ("'It is…", "('Not now')").
_STRAIGHT_OPENER = re.compile(r"(?:^|(?<=[\s(\[—–]))'(?=[^\W_])")
# Words that begin with an apostrophe instead of a letter: elisions, not quotations.
_ELISION = re.compile(
    r"'(?:\d0s|\d\d\b|tis\b|twas\b|em\b|cause\b|cos\b|til\b|n'|n\b|round\b|bout\b)", re.I
)
# Stands in for quoted characters so attribution rules never read inside a quote.
_MASK = "\x00"

# Paragraphs: every non-empty line.
_LINE = re.compile(r"[^\n]+")

# A sentence ends at a run of . ! ? (possessive, so long runs cannot backtrack), optional
# closing marks or brackets, then whitespace; the next character is checked in code.
_SENTENCE_END = re.compile(r"(?<![.!?])[.!?]++[”\"’')\]]*+\s++")

# Words ("Mr.", "U.S.", "Chan-il" and "Putin's" stay whole), runs of masked quote text,
# or any other single character.
_TOKEN = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Jr|Sr)\.(?!\w)"
    r"|(?:[A-Za-z]\.){2,}"
    r"|[\w'’*\-]+(?:\.[\w'’*\-]+)*"
    r"|\x00+"
    r"|\S"
)

# Verbs that introduce speech.  Finite forms carry a subject; the -ing forms
# ("…, adding that …") only tell that the sentence reports speech.
_CUE_VERB = re.compile(
    r"(?<![\w-])(?:according to|called on|said|says|say|added|adds|told|tells|wrote|writes"
    r"|warned|warns|asked|asks|argued|argues|claimed|noted|stated|explained|insisted"
    r"|continued|posted|tweeted|replied|responded|urged|dismissed|spoke"
    r"|saying|adding|telling|writing|warning|asking|arguing|claiming|noting|stating"
    r"|explaining|insisting|posting|tweeting|urging)(?![\w-])"
)

# Verbs that label something with a quoted term; they make a short quote attributed.
_LABEL_VERB = re.compile(
    r"(?<![\w-])(?:called|calling|dubbed|branded|labell?ed|termed|described|describing"
    r"|referred to as|referring to)(?![\w-])"
)

# --- word lists ----------------------------------------------------------------------------

_PRONOUNS = frozenset({"he", "she", "they"})

# Capitalised words that never start or continue a personal name.
_NOT_NAMES = frozenset(
    """the a an but and or so yet in on at for from with by of to as if when while after
    before since though although however meanwhile also then now this that these those it
    its he she they we i you his her their our my your there here one some many most all
    both each every no not last earlier later separately today yesterday experts officials
    analysts witnesses police reports sources critics observers residents diplomats
    authorities fighting ministry department office council commission agency service
    committee government army forces monday tuesday wednesday thursday friday saturday
    sunday january february march july september october november december""".split()
)

_FUNCTION_WORDS = _NOT_NAMES | _PRONOUNS

# Nouns naming a role: before a name ("spokesperson Maria Zakharova") or heading a
# description that stands for one ("the president said").
_ROLE_NOUNS = frozenset(
    """president chief secretary general secretary-general minister spokesperson spokesman
    spokeswoman leader envoy ambassador commander official chancellor premier senator
    governor mayor prosecutor director adviser advisor diplomat representative head
    politician analyst lawmaker activist defector""".split()
)

# Titles dropped from the front of a name ("Defence Secretary John Healey").
_ROLE_WORDS = _ROLE_NOUNS | frozenset(
    """vice prime sen. rep. deputy foreign defence defense interior state supreme king queen
    prince princess pope colonel col. lieutenant lt. captain admiral marshal judge chairman
    chairwoman chair""".split()
)

_HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. dr dr. prof prof. sir dame lord lady".split())
_PARTICLES = frozenset("von van der den de da di du la le bin al el ibn".split())

# Words allowed between a subject and its verb ("Zelensky also said").
_SKIP_WORDS = frozenset(
    """also later earlier then has have had previously repeatedly once again further recently
    reportedly initially already even just simply publicly separately""".split()
)
_BE_FORMS = frozenset("is are was were be been being".split())
_LEAD_WORDS = frozenset("but and so yet meanwhile however then now also".split())
_PREPOSITIONS = frozenset("to of at for in from with on by about who which that during".split())
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st gen sen rep gov lt col sgt capt jr sr vs etc no jan feb mar apr
    jun jul aug sep sept oct nov dec""".split()
)

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


# --- public API ----------------------------------------------------------------------------


def find_quotes(text: str) -> list[QuoteSpan]:
    """Quotations in ``text`` in order of appearance, with kinds, links and speaker cues."""
    paragraphs = _paragraphs(text)
    drafts = [
        draft
        for index, (start, end) in enumerate(paragraphs)
        for draft in _scan_paragraph(text, start, end, index)
    ]
    if not drafts:
        return []
    doc = _document(text, paragraphs, drafts)
    _attach_cues(doc, drafts)
    _link_continuations(doc, drafts)
    for draft in drafts:
        draft.kind = _classify(doc, draft)
        if draft.kind == "scare":
            draft.cue = None
    spans = resolve_pronoun_cues(text, _freeze(text, drafts))
    return _share_chain_cues(_follow_quote_paragraphs(doc, spans))


def resolve_pronoun_cues(text: str, spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """Replace pronoun cues ("he") and role descriptions ("the president") by a name.

    The name is the nearest named speaker before the cue: a named cue of an earlier span,
    the subject of a speech verb, or a titled name, searched in the cue's own sentence and
    then up to three sentences back.  ``cue_start`` then points at that name.  A pronoun
    with no antecedent becomes ``None``; an unresolved description is kept as written.
    """
    doc = _document(text, _paragraphs(text), spans)
    resolved: list[QuoteSpan] = []
    for span in spans:
        resolved.append(_resolve(doc, span, resolved))
    return resolved


# --- pass 1: scanning quote marks ----------------------------------------------------------


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line."""
    return [(m.start(), m.end()) for m in _LINE.finditer(text) if not m.group().isspace()]


def _scan_paragraph(text: str, start: int, end: int, paragraph: int) -> list[_Draft]:
    """Quote spans of one paragraph, with nesting tracked by depth."""
    drafts: list[_Draft] = []
    closers = _single_closers(text, start, end) if _SINGLE_OPEN in text[start:end] else None
    straight = None
    if _has_straight_opener(text, start, end):
        straight = _straight_closers(text, start, end)
    depth, open_pos, skip_to = 0, start, start
    # Only quote marks open, nest or close quotes: every other character is passed over.
    for mark in _MARK.finditer(text, start, end):
        i = mark.start()
        if i < skip_to:
            continue
        prev = text[i - 1] if i > start else ""
        nxt = text[i + 1] if i + 1 < end else ""
        if depth == 0 and _opens(text[i], prev, nxt):
            depth, open_pos = 1, i
        elif depth == 0 and closers is not None and _opens_single(text[i], prev, nxt):
            close = closers[i + 1 - start] if i + 1 < end else None
            if close is not None:
                _add(drafts, text, i, close, close + 1, paragraph, min_words=3)
                skip_to = close + 1
        elif depth == 0 and straight is not None and _opens_straight(text, i, start):
            close = straight[i + 1 - start] if i + 1 < end else None
            if close is not None:
                _add(drafts, text, i, close, close + 1, paragraph, min_words=3)
                skip_to = close + 1
        elif depth > 0:
            depth += _depth_change(text[i], prev, nxt)
            if depth == 0:
                _add(drafts, text, open_pos, i, i + 1, paragraph)
    if depth > 0:
        _add(drafts, text, open_pos, end, end, paragraph)
    return drafts


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
        # “ followed by a word opens a nested quote; otherwise it is a misused closer.
        return 1 if nxt and not nxt.isspace() and nxt not in ",.;:!?" else -1
    if ch == _STRAIGHT:
        opens = (not prev or prev.isspace() or prev in "([{—–") and nxt.isalnum()
        return 1 if opens else -1
    return 0


def _opens_single(ch: str, prev: str, nxt: str) -> bool:
    return ch == _SINGLE_OPEN and not prev.isalnum() and bool(nxt) and not nxt.isspace()


def _has_straight_opener(text: str, start: int, end: int) -> bool:
    return any(
        not _ELISION.match(text, m.start(), end)
        for m in _STRAIGHT_OPENER.finditer(text, start, end)
    )


def _opens_straight(text: str, i: int, start: int) -> bool:
    """A straight ' opening a quotation: after a space, bracket or dash (or first in its
    paragraph), before a letter or digit, and not an elision ('90s, 'em, rock 'n' roll)."""
    if text[i] != _STRAIGHT_SINGLE or i + 1 >= len(text) or not text[i + 1].isalnum():
        return False
    if i > start and not (text[i - 1].isspace() or text[i - 1] in "([—–"):
        return False
    return not _ELISION.match(text, i)


def _straight_closers(text: str, start: int, end: int) -> list[int | None]:
    """For each offset, the nearest straight ' that can close a single quote from there.

    A closer follows a non-space and is not followed by a letter ("it's", "Price's" are
    apostrophes); a plural possessive ("the workers' union": after an s, before a space and a
    lower-case word) is not a closer. Double quote marks may be nested inside.
    """
    nearest: list[int | None] = [None] * (end - start)
    found: int | None = None
    for j in range(end - 1, start - 1, -1):
        if text[j] == _STRAIGHT_SINGLE and j > start and not text[j - 1].isspace():
            after = text[j + 1] if j + 1 < end else ""
            possessive = (
                text[j - 1] in "sS" and after == " " and j + 2 < end and text[j + 2].islower()
            )
            if not after.isalnum() and not possessive:
                found = j
        nearest[j - start] = found
    return nearest


def _single_closers(text: str, start: int, end: int) -> list[int | None]:
    """For each offset, the nearest ’ closing a single quote from there, or None.

    A closer is a ’ after a non-space and not followed by a letter (so "It’s" is an
    apostrophe); a double quote mark in between blocks the match.
    """
    nearest: list[int | None] = [None] * (end - start)
    found: int | None = None
    for j in range(end - 1, start - 1, -1):
        ch = text[j]
        if ch in _ANY_DOUBLE:
            found = None
        elif ch == _SINGLE_CLOSE and j > start and not text[j - 1].isspace():
            if j + 1 == end or not text[j + 1].isalnum():
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
) -> None:
    """Append the span between a mark at open_pos and close_pos, trimmed of whitespace."""
    start, end = open_pos + 1, close_pos
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end or _word_count(text[start:end]) < min_words:
        return
    closed = close_end > close_pos
    drafts.append(_Draft(open_pos, start, end, close_end if closed else end, closed, paragraph))


def _word_count(text: str) -> int:
    return sum(1 for token in text.split() if any(ch.isalnum() for ch in token))


# --- documents and sentences ---------------------------------------------------------------


def _document(
    text: str, paragraphs: list[tuple[int, int]], spans: list[_Draft] | list[QuoteSpan]
) -> _Document:
    """Mask the quoted text of ``spans`` and split the paragraphs into sentences."""
    masked = _mask(text, spans)
    starts: list[int] = []
    ends: list[int] = []
    for p_start, p_end in paragraphs:
        for s_start, s_end in _sentences(masked, p_start, p_end):
            starts.append(s_start)
            ends.append(s_end)
    return _Document(
        text,
        masked,
        paragraph_starts=[p for p, _ in paragraphs] or [0],
        sentence_starts=starts or [0],
        sentence_ends=ends or [len(text)],
        verbs=list(_CUE_VERB.finditer(masked)),
        labels=list(_LABEL_VERB.finditer(masked)),
    )


def _mask(text: str, spans: list[_Draft] | list[QuoteSpan]) -> str:
    """``text`` with every quoted character masked, but a final . ! or ? kept."""
    parts: list[str] = []
    last = 0
    for span in sorted(spans, key=lambda s: s.start):
        stop = span.end - 1 if text[span.end - 1] in ".!?" else span.end
        parts += [text[last : span.start], _MASK * (stop - span.start)]
        last = stop
    parts.append(text[last:])
    return "".join(parts)


def _sentences(masked: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the sentences of one paragraph of masked text."""
    bounds: list[tuple[int, int]] = []
    current = start
    for m in _SENTENCE_END.finditer(masked, start, end):
        if m.end() >= end or not _starts_sentence(masked[m.end()]):
            continue
        single_dot = masked[m.start()] == "." and masked[m.start() + 1] not in ".!?"
        if single_dot and _is_abbreviation(masked, m.start()):
            continue
        bounds.append((current, m.end()))
        current = m.end()
    bounds.append((current, end))
    return bounds


_SENTENCE_OPENERS = _ANY_DOUBLE + _SINGLE_OPEN + _STRAIGHT_SINGLE + "(["


def _starts_sentence(ch: str) -> bool:
    return ch.isupper() or ch.isdigit() or ch in _SENTENCE_OPENERS


def _is_abbreviation(masked: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation such as "Mr." or "U.S."."""
    k = dot
    while k > 0 and k > dot - 12 and not masked[k - 1].isspace():
        k -= 1
    word = masked[k:dot].lstrip('([“"‘')
    return (
        word.lower() in _ABBREVIATIONS
        or (len(word) == 1 and word.isupper())
        or ("." in word and len(word) <= 5)
    )


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
    )


def _run_back(toks: list[_Tok], i: int) -> int | None:
    """Index of the first token of the name run that ends at ``toks[i]``."""
    if not _is_name_token(toks[i].word):
        return None
    j = i
    while j > 0 and (_is_name_token(toks[j - 1].word) or toks[j - 1].word in _PARTICLES):
        j -= 1
    while toks[j].word in _PARTICLES:
        j += 1
    return j


def _person(toks: list[_Tok], j: int, i: int) -> tuple[int, bool] | None:
    """Start of the personal name in the run ``toks[j..i]`` and whether it was titled.

    Titles up to the last role word are dropped ("Nato Secretary-General Mark Rutte" ->
    "Mark Rutte"); a run that ends in a role word ("Defence Secretary") is no name.
    """
    if toks[i].word.lower() in _ROLE_WORDS:
        return None
    titled = False
    for r in range(i - 1, j - 1, -1):
        if toks[r].word.lower() in _ROLE_WORDS:
            j, titled = r + 1, True
            break
    titled = titled or toks[j].word.lower() in _HONORIFICS
    if i - j > 3:
        j = i - 2
    return j, titled


def _span_text(doc: _Document, first: _Tok, last: _Tok) -> str:
    return doc.text[first.start : last.end]


def _phrase_cue(doc: _Document, toks: list[_Tok], a: int, i: int) -> _Cue | None:
    """The speaker named by the phrase ``toks[a..i]``: pronoun, name or description."""
    last = toks[i]
    if last.word.lower() in _PRONOUNS:
        return _Cue(last.word, last.start, "pronoun")
    j = _run_back(toks, i)
    person = _person(toks, j, i) if j is not None else None
    if person is not None:
        first, titled = person
        organisation = j > a and toks[j - 1].word.lower() == "the"
        if titled or not organisation:
            return _Cue(_span_text(doc, toks[first], last), toks[first].start, "name")
    return _description(doc, toks[a : i + 1])


def _description(doc: _Document, words: list[_Tok]) -> _Cue | None:
    """A descriptive subject such as "a North Korean representative", as written."""
    while words and words[0].word.lower() in _LEAD_WORDS:
        words = words[1:]
    for k in range(1, len(words)):
        if words[k].word.lower() in _PREPOSITIONS:
            words = words[:k]
            break
    if not words or len(words) > 8 or words[0].word.lower() in _PREPOSITIONS:
        return None
    if all(w.word.lower() in _FUNCTION_WORDS for w in words):
        return None
    return _Cue(_span_text(doc, words[0], words[-1]), words[0].start, "description")


def _clause_start(toks: list[_Tok], i: int) -> int:
    """Index of the first word of the unpunctuated stretch that ends at ``toks[i]``."""
    a = i
    while a > 0 and _is_word(toks[a - 1].word):
        a -= 1
    return a


# --- pass 2: speaker cues ------------------------------------------------------------------


def _subject_before(doc: _Document, lo: int, verb: int, appositive: bool = True) -> _Cue | None:
    """The subject of the speech verb at ``verb``, read backwards from it."""
    toks = _tokens(doc, max(lo, verb - _WINDOW), verb)
    i = len(toks) - 1
    while i >= 0 and toks[i].word.lower() in _SKIP_WORDS:
        i -= 1
    if i < 0 or toks[i].word.lower() in _BE_FORMS:
        return None
    if toks[i].word == ",":
        return _appositive_subject(doc, toks, i) if appositive else None
    if not _is_word(toks[i].word):
        return None
    return _phrase_cue(doc, toks, _clause_start(toks, i), i)


def _appositive_subject(doc: _Document, toks: list[_Tok], comma: int) -> _Cue | None:
    """Subject of "Name, a defector, said" or "The chief, Mark Rutte, said"."""
    k = comma - 1
    while k >= 0 and _is_word(toks[k].word):
        k -= 1
    if k == comma - 1:
        return None
    inner = _run_back(toks, comma - 1)
    if inner is not None and inner == k + 1:
        return _phrase_cue(doc, toks, inner, comma - 1)
    if k < 1 or toks[k].word != "," or not _is_word(toks[k - 1].word):
        return None
    return _phrase_cue(doc, toks, _clause_start(toks, k - 1), k - 1)


def _phrase_after(doc: _Document, lo: int, hi: int) -> _Cue | None:
    """The speaker named right after ``lo`` ("said Mr Rutte", "according to the Kremlin")."""
    toks = _tokens(doc, lo, min(hi, lo + _WINDOW))
    n = 0
    while n < min(len(toks), 8) and _is_word(toks[n].word):
        if n > 0 and toks[n].word.lower() in _PREPOSITIONS:
            break
        n += 1
    if n == 0 or toks[0].word.lower() in _PREPOSITIONS:
        return None
    return _phrase_cue(doc, toks, 0, n - 1)


def _cue_in_range(doc: _Document, lo: int, hi: int) -> _Cue | None:
    """The speaker of the first finite speech verb between ``lo`` and ``hi``."""
    for m in doc.verbs_in(lo, hi):
        verb = m.group()
        if verb.endswith("ing"):
            continue
        if verb == "according to":
            cue = _phrase_after(doc, m.end(), hi)
        else:
            cue = _subject_before(doc, lo, m.start())
            if cue is None and not _is_word(doc.masked[lo : m.start()]):
                cue = _phrase_after(doc, m.end(), hi)
        if cue is not None:
            return cue
    return None


def _after_cue(doc: _Document, draft: _Draft, nxt: _Draft | None) -> _Cue | None:
    """Cue in the rest of the sentence: “…,” Name said / said Name / — Name."""
    if not draft.closed:
        return None
    lo = draft.close_end
    hi = doc.sentence_ends[doc.sentence_at(draft.open_pos)]
    if nxt is not None:
        hi = min(hi, nxt.open_pos)
    hi = min(hi, lo + _SENTENCE_WINDOW)
    toks = _tokens(doc, lo, min(hi, lo + 8))
    if toks and toks[0].word.strip("-–—") == "":
        dashed = _phrase_after(doc, toks[0].end, hi)
        if dashed is not None and dashed.form == "name":
            return dashed
    return _cue_in_range(doc, lo, hi)


def _before_cue(doc: _Document, draft: _Draft, lo: int) -> _Cue | None:
    """Cue earlier in the sentence: Name said: “…” / Name said that … “…” / Name: “…”."""
    lo = max(lo, draft.open_pos - _SENTENCE_WINDOW)
    cue = _cue_in_range(doc, lo, draft.open_pos)
    if cue is not None:
        return cue
    toks = _tokens(doc, lo, draft.open_pos)
    if len(toks) >= 2 and toks[-1].word == ":":
        j = _run_back(toks, len(toks) - 2)
        if j is not None and (j == 0 or not _is_word(toks[j - 1].word)):
            return _phrase_cue(doc, toks, j, len(toks) - 2)
    return None


def _participle_cue(doc: _Document, lo: int, hi: int) -> _Cue | None:
    """For "…, saying that “…”": the first named speaker of the sentence before the quote."""
    lo = max(lo, hi - _SENTENCE_WINDOW)
    if not any(m.group().endswith("ing") for m in doc.verbs_in(lo, hi)):
        return None
    found = _speech_subjects(doc, lo, hi) + _titled_names(doc, lo, hi)
    return min(found, key=lambda cue: cue.start, default=None)


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
        draft.cue = (
            _after_cue(doc, draft, nxt)
            or _before_cue(doc, draft, before_lo)
            or (prev.cue if prev is not None else None)
            or _participle_cue(doc, lo, draft.open_pos)
        )


# --- pass 3: continuations and kinds -------------------------------------------------------


def _link_continuations(doc: _Document, drafts: list[_Draft]) -> None:
    """Mark drafts that continue the one before them."""
    for index in range(1, len(drafts)):
        a, b = drafts[index - 1], drafts[index]
        if _reopens_paragraph(doc, a, b) or _resumes_after_attribution(doc, a, b):
            b.continues = index - 1


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
    return draft.open_pos - lo <= _SENTENCE_WINDOW and before.strip(" \t-–—•*([") == ""


def _is_introduced(doc: _Document, draft: _Draft) -> bool:
    """Whether the quote follows a colon or a speech verb: "said: “…”", "said, “…”"."""
    lo = doc.sentence_starts[doc.sentence_at(draft.open_pos)]
    before = doc.masked[max(lo, draft.open_pos - _SENTENCE_WINDOW) : draft.open_pos].rstrip()
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


def _classify(doc: _Document, draft: _Draft) -> QuoteKind:
    """quote, partial or scare (see the QuoteSpan docs in the module header)."""
    text = doc.text[draft.start : draft.end]
    words = _word_count(text)
    if draft.continues is not None or _is_introduced(doc, draft):
        return "quote"
    if _opens_sentence(doc, draft) and not _is_embedded(doc, draft):
        return "quote"
    if words >= 8 and text[:1].isupper():
        return "quote"
    if words >= 3 or draft.cue is not None or _is_attributed(doc, draft):
        return "partial"
    return "scare"


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


def _is_role_description(cue: str) -> bool:
    """A definite role description: "the president", "The newly installed Nato chief"."""
    words = cue.split()
    return len(words) > 1 and words[0].lower() == "the" and words[-1].lower() in _ROLE_NOUNS


def _resolve(doc: _Document, span: QuoteSpan, earlier: list[QuoteSpan]) -> QuoteSpan:
    """``span`` with a pronoun or role-description cue replaced by its antecedent."""
    if span.cue is None or span.cue_start is None:
        return span
    pronoun = span.cue.lower() in _PRONOUNS
    if not pronoun and not _is_role_description(span.cue):
        return span
    found = _antecedent(doc, span.cue_start, earlier)
    if found is not None:
        return replace(span, cue=found.text, cue_start=found.start)
    return replace(span, cue=None, cue_start=None) if pronoun else span


def _antecedent(doc: _Document, anchor: int, earlier: list[QuoteSpan]) -> _Cue | None:
    """The nearest named speaker before ``anchor``, sentence by sentence."""
    sentence = doc.sentence_at(anchor)
    windows = [(doc.sentence_starts[sentence], anchor)]
    for k in range(sentence - 1, max(sentence - 1 - _LOOKBACK, -1), -1):
        windows.append((doc.sentence_starts[k], doc.sentence_ends[k]))
    for lo, hi in windows:
        found = _speaker_in_window(doc, max(lo, hi - _SENTENCE_WINDOW), hi, earlier)
        if found is not None:
            return found
    paragraph = doc.paragraph_at(anchor)
    for span in reversed(earlier[-_FALLBACK_SPANS:]):
        if span.paragraph < paragraph - 2:
            break
        cue = _named_cue(span)
        if cue is not None and cue.start < anchor:
            return cue
    return None


def _speaker_in_window(doc: _Document, lo: int, hi: int, earlier: list[QuoteSpan]) -> _Cue | None:
    """A named cue of a quote in the window, else its last named speech subject, else its
    first titled name."""
    for span in reversed(earlier):
        if span.start < lo:
            break
        cue = _named_cue(span) if span.start < hi else None
        if cue is not None:
            return cue
    subjects = _speech_subjects(doc, lo, hi)
    if subjects:
        return subjects[-1]
    titled = _titled_names(doc, lo, hi)
    return titled[0] if titled else None


def _speech_subjects(doc: _Document, lo: int, hi: int) -> list[_Cue]:
    """Named subjects of the speech verbs between ``lo`` and ``hi``."""
    found = []
    for m in doc.verbs_in(lo, hi):
        if m.group() == "according to":
            continue
        cue = _subject_before(doc, lo, m.start(), appositive=not m.group().endswith("ing"))
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
    person = _person(toks, j, i)
    if person is None:
        return None
    first, titled = person
    before = toks[j - 1].word if j > 0 else ""
    after = toks[i + 1].word if i + 1 < len(toks) else ""
    role_before = before.lower() in _ROLE_NOUNS
    in_commas = after == "," and (before == "," or (not _is_word(before) and i > j))
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
        ):
            span = replace(span, cue=prev.cue, cue_start=prev.cue_start)
        out.append(span)
    return out


def _leads_paragraph(doc: _Document, span: QuoteSpan) -> bool:
    """Whether only whitespace and quote marks precede the span in its paragraph."""
    before = doc.text[doc.paragraph_starts[span.paragraph] : span.start]
    return before.strip(" \t" + _ANY_DOUBLE + _SINGLE_OPEN + _STRAIGHT_SINGLE) == ""


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
                by_id[m.id] = replace(m, cue=cues[0].cue, cue_start=cues[0].cue_start)
    return [by_id[span.id] for span in spans]
