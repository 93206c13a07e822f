"""Words without quote marks: embedded social-media posts and interview answers. Pure.

Two shapes of news copy carry someone's words with no quotation marks around them:

- **an embedded post**, pasted from a social network and followed by its credit line
  (``— Jane Roe (@janeroe) October 24, 2024``, ``A post shared by Jane Roe (@janeroe)``):
  the paragraph before the credit is Jane Roe's words;
- **an interview** set out as questions and answers: ``Q: …`` / ``A: …``, ``Question 1: …``,
  or speaker labels (``Klaus Berger: …``). Answers are the interviewee's words; questions
  are the interviewer's. Neither is the outlet's own reporting.

``find_passages`` marks these stretches by character offsets into the cleaned text, which
stays verbatim: the rules and the merge use the marks to attribute the words and to keep
them out of the outlet's reported events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .vocabulary import (
    HONORIFICS,
    NAME_PARTICLES,
    ROLE_NOUNS,
    ROLE_WORDS,
    SPEECH_VERB_FORMS,
    TITLE_WORDS,
    without_post_nominals,
)

__all__ = ["Passage", "PassageKind", "find_passages"]

PassageKind = Literal["post", "credit", "question", "answer", "label", "report", "procedure"]


@dataclass(frozen=True)
class Passage:
    """A stretch of article text that is someone's words, or the label or credit around them.

    Attributes:
        kind: ``"post"`` (words of an embedded post), ``"credit"`` (the post's credit line),
            ``"question"`` (an interviewer's question), ``"answer"`` (an interviewee's answer),
            ``"label"`` (a speaker or question label such as ``Q:`` or ``Question 1:``),
            ``"report"`` (a broadcast's own voice: an anchor's, a reporter's or a presenter's
            turn, "ANCHOR: Good evening. The league has opened an inquiry …": the outlet's
            reporting, no one's quotation), ``"procedure"`` (a call's operator running it:
            "Operator: Our next question comes from …": neither a quotation nor reporting).
        start: offset of the first character in the article text.
        end: offset just past the last character; ``text[start:end]`` is verbatim.
        speaker: whose words they are, exactly as the article writes the name; None when the
            article does not name them (a question of an unnamed interviewer, a label).
        role: the speaker's role or body as the transcript gives it, in the turn's label
            ("Ann Roe, Finance Director:" -> "Finance Director") or, for a label that gives
            only a name, in its header ("Participants: Ann Roe (Finance Director), …");
            None when it gives none.
    """

    kind: PassageKind
    start: int
    end: int
    speaker: str | None = None
    role: str | None = None


_NAME_WORD = r"[A-Z][\w’'.-]*"
_PARTICLE = r"(?:van|von|de|der|den|da|di|du|la|le|al|bin|ibn)\s+"
_PERSON = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE})?{_NAME_WORD}){{0,3}}"
# The credit line an embedded post ends with, as social networks write it when a post is
# embedded in a page: "— Jane Roe (@janeroe) October 24, 2024", "- Name (@handle) 24 Oct 2024",
# "A post shared by Jane Roe (@janeroe)".
_POST_DATE = r"[A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+\.? \d{4}"
_POST_CREDIT = re.compile(
    r"(?:^|(?<=\s))(?:[—–-]{1,2}\s*|a post shared by\s+|posted by\s+)"
    r"(?P<name>[^()@\n—–]{1,80}?)\s*\(@(?P<handle>[\w.@-]{1,60})\)(?:\s+on\s+\w+)?"
    rf"\s*(?P<date>{_POST_DATE})?\.?\s*$",
    re.IGNORECASE,
)
# Markdown emphasis a label may carry: "**Q:**", "__Klaus Berger__:".
_EM = r"[*_]{0,2}"
# A question label: "Q:", "Q.", "Question:", "Question 1:", "Q1:", "Interviewer:".
_QUESTION_LABEL = re.compile(
    rf"^{_EM}(?:Q\d*|Question(?:\s+\d+)?|Interviewer){_EM}\s*[:.)–—-]{_EM}\s+", re.IGNORECASE
)
_ANSWER_LABEL = re.compile(
    rf"^{_EM}(?:A\d*|Answer(?:\s+\d+)?){_EM}\s*[:.)–—-]{_EM}\s+", re.IGNORECASE
)
# A speaker label opening a paragraph: "Klaus Berger: …", "BERGER: …", "Dr Ana Ruiz: …".
# "CALLER (GARY):": a caller given a first name only is still no one named; "REPORTER (on
# location):": the outlet's own voice, where it is.
_SPEAKER_LABEL = re.compile(
    rf"^{_EM}(?P<name>(?:(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame)\.?\s+)?{_PERSON})"
    rf"(?:\s+\((?P<given>{_NAME_WORD}|[a-z][\w ]{{1,30}})\))?{_EM}\s*:{_EM}\s+(?=\S)"
)
# A turn's label giving the speaker's role or body after a comma, as a call's or a briefing's
# record writes it: "Ann Roe, Chief Executive:", "Tom Lowe, Harbour Bank:", "**Ann Roe,
# CFO:**" (``_label_role`` says whether what follows the comma is one).
_ROLED_LABEL = re.compile(
    rf"^{_EM}(?P<name>(?:(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame)\.?\s+)?{_PERSON}),\s+"
    rf"(?P<role>[^:\n“”\"«»()]{{2,80}}?){_EM}\s*:{_EM}\s+(?=\S)"
)
# A record's heading or a programme's turn with more in brackets: a part and the person
# holding it ("The Prime Minister (Jane Morrow):", "GUEST (Dr Sara Quinn):"), or a member
# and their seat and party ("Sir Alan Prentice (Westbury) (Nat):", "Ann Roe (Fenby) (Lab):").
_BRACKETED_LABEL = re.compile(
    rf"^{_EM}(?P<name>(?:(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame)\.?\s+)?{_PERSON})"
    rf"\s+\((?P<inner>[^()\n:]{{2,60}})\)(?:\s+\((?P<party>[^()\n:]{{1,30}})\))?"
    rf"{_EM}\s*:{_EM}\s+(?=\S)"
)
# What may stand before a turn's label: its time in a recording ("[00:12:31] HOST:",
# "(00:12:31)", "00:12:31 -") or a record's question number ("Q1. [903214] Ann Roe (Fenby):",
# "Q2. Ann Roe:"), which is no interviewer's "Q:".
_LEAD = re.compile(
    r"(?:[\[(]\d{1,2}:\d{2}(?::\d{2})?[\])]|\d{1,2}:\d{2}:\d{2}(?:\s*[-–—])?"
    r"|Q\d+\.(?:\s+\[\d+\])?)\s+"
)
# A record's stage direction: no one's words ("[Interruption.]", "(CROSSTALK)", "[Laughter]");
# a turn that is only an action ("rose—", "indicated assent.") says nothing.
_DIRECTION = re.compile(
    r"[\[(](?:interruptions?|laughter|applause|crosstalk|cross-talk|cheers|cheering|shouting|"
    r"heckling|noise|pause|silence|booing|end|music|commercial break|break|"
    r"hon\.? members?:[^\]\n]{1,30})\.?[\])]",
    re.IGNORECASE,
)
_ACTION_TURN = re.compile(r"^(?:rose|indicated (?:assent|dissent))\s*[—–-]*\.?$")
#: Words of a record's labels for its chair and its members in chorus: "Mr Speaker",
#: "Madam Deputy Speaker", "Hon. Members", "Several hon. Members".
_RECORD_LABEL = re.compile(
    r"^(?:(?:Mr|Madam)\.?\s+(?:Deputy\s+)?Speaker|(?:Several\s+|Some\s+|An\s+)?Hon\.?\s+"
    r"Members?)$",
    re.IGNORECASE,
)
_CLIP_NAME = rf"(?:(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame|MR|MRS|MS|DR|PROF)\.?\s+)?{_PERSON}"
# A broadcast script's clip of someone, named with their role in the label: "SOUNDBITE -
# HOWARD QUAILE, CLUB CHAIRMAN:", "SOT: Ann Roe, council leader:", "CLIP — DR ANA RUIZ:".
_CLIP_LABEL = re.compile(
    rf"^{_EM}(?:SOUNDBITE|SOUND\s?BITE|SOT|CLIP|GRAB|ACTUALITY|INTERVIEW|VOX\s?POP)\s*"
    rf"(?:[-–—:]\s*(?P<name>{_CLIP_NAME})(?:\s*,\s*(?P<role>[^:\n]{{2,90}}?))?"
    # "CLIP (Jane Roe, Commons):": the person in brackets, where or when after a comma
    rf"|\(\s*(?P<bracketed>{_CLIP_NAME})(?:\s*,\s*[^()\n:]{{1,60}})?\))"
    rf"{_EM}\s*:{_EM}\s+(?=\S)",
    re.IGNORECASE,
)
#: The outlet's own voices in a broadcast script: their words are the report, not quotes.
_OWN_VOICES = frozenset("reporter correspondent anchor newsreader narrator voiceover".split())
# Labels that open a paragraph like a speaker but name none: editorial and page labels.
_NOT_SPEAKERS = frozenset(
    """update updated correction clarification note editor's editors' background analysis
    context watch read listen related more see also source sources photo picture image video
    credit tags topics key points why what how when where who breaking live latest exclusive
    warning disclaimer summary timeline share follow subscribe advertisement sponsored
    interviewer question answer q a""".split()
)
# Phrases in an interview's introduction that name the person interviewed.
_INTERVIEWEE = re.compile(
    rf"\b(?:asked|spoke (?:to|with)|talked (?:to|with)|interviewed|interview with|sat down "
    rf"with|conversation with|questions? (?:to|for)|put (?:[\w’'-]+\s+){{1,2}}?questions to|"
    rf"caught up with|quizzed|questioned)\s+"
    # "the building's architect, Teodora Blyth"
    rf"(?:(?:the|a|an|our|its)\s+[\w’'-]+(?:\s+[\w’'-]+){{0,3}},?\s+)?(?P<name>{_PERSON})"
)


def find_passages(text: str) -> list[Passage]:
    """Embedded posts and interview turns in ``text``, in order of appearance.

    ``text`` is a cleaned article (one paragraph per non-empty line). Returns an empty list
    for ordinary reporting. A post is recognised only by its credit line, an interview only
    when at least two paragraphs open with question, answer or speaker labels.
    """
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    passages = _posts(text, paragraphs) + (
        _interview(text, paragraphs) or _quoted_interview(text, paragraphs)
    )
    return sorted(passages, key=lambda p: (p.start, p.end))


def _posts(text: str, paragraphs: list[tuple[int, int]]) -> list[Passage]:
    """Posts by their credit line: on a paragraph of its own, the post is the paragraph
    before; closing a paragraph, the post is the text before it in that paragraph."""
    found: list[Passage] = []
    for index, (start, end) in enumerate(paragraphs):
        match = _POST_CREDIT.search(text, start, end)
        if not match:
            continue
        name = _speaker_of_post(match["name"], match["handle"])
        found.append(Passage("credit", match.start(), end, name))
        if text[start : match.start()].strip():
            post_end = start + len(text[start : match.start()].rstrip())
            found.append(Passage("post", start, post_end, name))
        elif index > 0 and not any(p.end == paragraphs[index - 1][1] for p in found):
            post_start, post_end = paragraphs[index - 1]
            found.append(Passage("post", post_start, post_end, name))
    return found


def _speaker_of_post(display: str, handle: str) -> str:
    """The name a post's credit gives, without emoji or letters after it; the handle when
    the display name holds no name."""
    words = [w for w in display.split() if any(c.isalpha() for c in w)]
    name = without_post_nominals(" ".join(w.strip("|,;:") for w in words)).strip()
    return name if any(c.isupper() for c in name[:1]) else f"@{handle}"


def _interview(text: str, paragraphs: list[tuple[int, int]]) -> list[Passage]:
    # kind, start, body, end, name, paragraph index
    turns: list[tuple[str, int, int, int, str | None, int]] = []
    cast = _cast(text, paragraphs)
    header = _cast_lines(text, paragraphs)
    holders: dict[str, str] = {}  # "the prime minister" -> "Jane Morrow", from a heading
    once: list[tuple[str, int, int, int, str | None, int]] = []  # names only a label gives
    directions: set[int] = set()  # paragraphs that are a stage direction: "(CROSSTALK)"
    roled: list[tuple[str, int, int, int, str | None, int]] = []  # "Ann Roe, CFO:" turns
    label_roles: dict[int, str] = {}  # paragraph index -> the role its label gives
    record = guested = False
    for index, (start, end) in enumerate(paragraphs):
        if index in header:
            continue  # "Chair: Dame Imelda Rusk": who takes part, not a turn
        line = text[start:end]
        if _DIRECTION.fullmatch(line.strip()):
            directions.add(index)
            continue
        lead = _LEAD.match(line)
        at = start + (lead.end() if lead else 0)
        rest = text[at:end]
        numbered = bool(lead) and line.startswith("Q")
        if match := _CLIP_LABEL.match(rest):
            name = match["name"] or match["bracketed"]
            name = _HONORIFIC.sub("", name).title() if name.isupper() else name
            turns.append(("named", start, at + match.end(), end, name, index))
        elif (match := _BRACKETED_LABEL.match(rest)) and (held := _holder(match, text, cast)):
            label, name = held
            if label:
                holders[label.lower()] = name
            record = record or bool(match["party"]) or numbered
            guested = guested or (label or "").lower() in _ANSWERING_PARTS
            turns.append(("named", start, at + match.end(), end, name, index))
        elif (
            (match := _ROLED_LABEL.match(rest))
            and _full_name(match["name"])
            and _label_role(match["role"])
        ):
            roled.append(("named", start, at + match.end(), end, match["name"], index))
            label_roles[index] = match["role"].strip()
        elif _headline_turn(rest):
            continue  # "Hospital: 47 treated, two serious": a live post's headline, no turn
        elif (match := _SPEAKER_LABEL.match(rest)) and _turn_label(match, text, cast):
            record = record or numbered or bool(_RECORD_LABEL.match(match["name"]))
            turns.append(("named", start, at + match.end(), end, match["name"], index))
        elif (match := _SPEAKER_LABEL.match(rest)) and _full_name(match["name"]):
            record = record or numbered
            once.append(("named", start, at + match.end(), end, match["name"], index))
        elif match := _QUESTION_LABEL.match(line):
            turns.append(("question", start, start + match.end(), end, None, index))
        elif match := _ANSWER_LABEL.match(line):
            turns.append(("answer", start, start + match.end(), end, None, index))
    if len(roled) >= 2:
        # turns labelled with who speaks and in what role ("Ann Roe, CFO: …"): a record of
        # a call, a briefing or a hearing, in which every turn is its speaker's own words
        record = True
        turns = sorted(turns + roled, key=lambda t: t[5])
    else:
        once += roled
    # a name a record's label gives only once ("Tom Roe: Families in …") is a speaker where
    # the text is plainly a record of turns: a debate's, or one of three or more named turns
    if once and (record or sum(t[0] == "named" for t in turns) >= 3):
        turns = sorted(turns + once, key=lambda t: t[5])
    turns = [
        (k, s, b, e, holders.get(n.lower(), n) if k == "named" and n else n, i)
        for k, s, b, e, n, i in turns
    ]
    if len(turns) < 2:
        return []
    named = [t for t in turns if t[0] == "named"]

    def key(name: str | None) -> str:
        return name.split()[-1] if name else ""  # "Derek Amos" and "Amos" are one speaker

    def asks(who: str) -> float:
        turns_of = [t for t in named if key(t[4]) == who]
        return sum(text[t[2] : t[3]].rstrip().endswith("?") for t in turns_of) / len(turns_of)

    # The interviewer puts questions: every turn, or most turns where the other speaker's are
    # answers ("**Echo:** Women's groups say … / **Echo:** Will any stay on?").
    speakers = {key(t[4]) for t in named}
    # in a debate's record, a member's turn ending in "?" is a question put in the debate: the
    # member's own words, no interviewer's
    asking = {
        who
        for who in speakers
        if not record
        and (
            asks(who) == 1
            or (len(speakers) == 2 and asks(who) >= 0.5 > max(asks(o) for o in speakers - {who}))
        )
    }
    spoke = _spoke_to(text, paragraphs)
    answering = [name for part, name in cast if part in _ANSWERING_PARTS]
    introduced = (answering[0] if answering else None) or (
        spoke[0] if spoke else _introduced(text, paragraphs)
    )
    interviewer = spoke[1] if spoke else None
    if interviewer:  # "She spoke to the Halverton Post": the label "Post" asks
        asking |= {who for who in speakers if who and who in interviewer.split()}
    # "PRESENTER:", "HOST:", "REPORTER:": a label that is the asking part itself, or the
    # outlet's own voice, asks or reports; its words are no one's quotation
    asking |= {who for who in speakers if who.lower() in _ASKING_PARTS | _OWN_VOICES}
    for part, name in cast:  # "Presenter: Morag Dunnet" asks as "DUNNET:" or "PRESENTER:"
        if part in _ASKING_PARTS:
            asking |= {who for who in speakers if who and _same_person(who, name, part)}
    if introduced and len(speakers) == 2 and key(introduced) in speakers and not asking:
        asking = speakers - {key(introduced)}  # the other one of two asks
    askers = {t[4] for t in named if key(t[4]) in asking}
    answerers = [t[4] for t in named if t[4] not in askers]
    # "A." answers are the introduced witness's where the header names one; labelled turns
    # of others (the chair of an inquiry) are their own
    interviewee = (introduced if answering else None) or _most_common(answerers) or introduced
    asked = any(t[0] == "question" or (t[0] == "named" and t[4] in askers) for t in turns)
    passages: list[Passage] = []
    header_roles = _cast_roles(text, paragraphs)
    for number, (kind, start, body, end, name, index) in enumerate(turns):
        passages.append(Passage("label", start, body - _trailing_space(text, start, body)))
        role = label_roles.get(index)
        if kind == "named":
            name = _cast_name(name, cast)
            role = role or header_roles.get(name or "")
        label = (turns[number][4] or "").lower()
        # a host who puts questions to a guest asks ("HOST:" with "GUEST (Dr Ann Roe):");
        # a presenter or an anchor alone tells the story
        if kind == "named" and label in _OWN_VOICES | _ASKING_PARTS - (
            _ASKING_PARTS if guested else frozenset()
        ):
            turn: tuple[PassageKind, str | None] = ("report", None)  # "ANCHOR:", "PRESENTER:"
        elif kind == "named" and label in _PROCEDURAL_LABELS:
            turn = ("procedure", None)  # "Operator: The next question is from …"
        elif kind == "question" or (kind == "named" and turns[number][4] in askers):
            turn = ("question", name)
        else:
            turn = ("answer", interviewee if kind == "answer" else name)
        if not (turn[0] == "answer" and _ACTION_TURN.match(text[body:end].strip())):
            passages.extend(_without_directions(text, turn[0], body, end, turn[1], role))
        # In an interview (there are questions) or a record, unlabelled paragraphs before the
        # next turn continue this one, up to a heading or a stage direction; between labelled
        # statements in a news story they are reporting.
        if (asked or record) and number + 1 < len(turns):
            for k in range(index + 1, turns[number + 1][5]):
                p_start, p_end = paragraphs[k]
                if k in directions or _heading(text[p_start:p_end]):
                    break  # "(CROSSTALK)", "Topical Questions": the turn has ended
                if _reporting(text[p_start:p_end]):
                    break  # the reporter's own paragraph between turns ("X told the Weekly…")
                passages.extend(_without_directions(text, turn[0], p_start, p_end, turn[1], role))
    # the header's lines ("Participants: Ann Roe (CFO), …") are who takes part: labels, no
    # one's words and no reporting
    passages.extend(Passage("label", *paragraphs[k]) for k in sorted(header))
    return passages


def _without_directions(
    text: str,
    kind: PassageKind,
    start: int,
    end: int,
    speaker: str | None,
    role: str | None = None,
) -> list[Passage]:
    """The passage ``start``..``end`` less the stage directions inside it ("… adviser.
    [Interruption.] If the hon. Lady …" is two stretches of one speaker's words)."""
    out, at = [], start
    for match in _DIRECTION.finditer(text, start, end):
        piece = text[at : match.start()].rstrip()
        if piece.strip():
            out.append(Passage(kind, at, at + len(piece), speaker, role))
        at = match.end() + len(text[match.end() : end]) - len(text[match.end() : end].lstrip())
    if text[at:end].strip():
        out.append(Passage(kind, at, end, speaker, role))
    return out


def _headline_turn(line: str) -> bool:
    """Whether ``line`` is a headline written as "Body: what it says" ("Hospital: 47
    treated, two in serious condition", "Police: 14 officers hurt"): one word before the
    colon and a short text after it with no closing stop, as a live page heads its posts.
    A turn of a record says its words in sentences."""
    match = re.match(r"(?P<label>[A-Z][\w’'-]+):[ \t]+(?P<body>\S.*)$", line.strip())
    if match is None:
        return False
    body = match["body"].strip()
    return len(body.split()) <= 14 and not re.search(r"[.!?…:][\"”’')\]]*$", body)


def _heading(paragraph: str) -> bool:
    """A record's heading between turns ("Engagements", "Topical Questions"): a few words
    without a sentence's closing mark."""
    line = paragraph.strip()
    return 0 < len(line.split()) <= 5 and line[-1:].isalnum()


def _full_name(label: str) -> bool:
    """Whether a label is a person's full name ("Tom Roe", "Sir Ann Lowe"): two to four
    capitalised words, none an editorial label's ("Key Points", "Read More")."""
    words = _HONORIFIC.sub("", label).split()
    return (
        2 <= len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and not any(w.lower().rstrip(".") in _NOT_SPEAKERS for w in words)
        and not label.isupper()
    )


def _holder(match: re.Match[str], text: str, cast: list[tuple[str, str]]) -> tuple[str, str] | None:
    """``(label, speaker)`` for a ``_BRACKETED_LABEL`` turn: a part or an office and who holds
    it ("GUEST (Dr Ann Roe)" -> ``("GUEST", "Dr Ann Roe")``, "The Prime Minister (Jane Roe)"
    -> ``("The Prime Minister", "Jane Roe")``), a member and their seat ("Sir Tom Roe
    (Fenby) (Lab)" -> ``("", "Sir Tom Roe")``); None for the other shapes ("CALLER (GARY)",
    "REPORTER (at the ground)": ``_SPEAKER_LABEL``'s)."""
    label, inner = match["name"], match["inner"].strip()
    lower = label.lower()
    if _unnamed(label) or lower in _OWN_VOICES or not inner[:1].isupper():
        return None
    words = re.sub(r"^the\s+", "", lower).split()
    office = lower in _ASKING_PARTS | _ANSWERING_PARTS or any(
        w.rstrip(".") in ROLE_NOUNS for w in words
    )
    if office and not label.isupper() and not lower.startswith("the "):
        office = len(words) <= 3 and all(w.rstrip(".") in ROLE_WORDS for w in words)
    if office:
        person = _HONORIFIC.sub("", inner).title() if inner.isupper() else inner
        if all(w[:1].isupper() for w in person.split()) and len(person.split()) <= 5:
            return label, person
        return None
    if _full_name(label) or match["party"] or _is_person_label(label, text):
        return "", label
    return None


#: A paragraph in the reporter's voice: it quotes someone or reports what someone said.
_REPORTING_PARAGRAPH = re.compile(r"[“”\"«»„]|\b(?:said|says|told|tells|according to)\b")


def _reporting(paragraph: str) -> bool:
    """Whether an unlabelled paragraph after an interview answer is the reporter's, not more
    of the answer: it holds quote marks or a reporting verb ("…, told the Weekly that…")."""
    return _REPORTING_PARAGRAPH.search(paragraph) is not None


_OPENERS = "“\"‘'"
_CLOSERS = "”\"’'"
_MARKS = '“”"‘’«»„'
_DOUBLE_MARKS = '“”"«»„'


def _quoted_interview(text: str, paragraphs: list[tuple[int, int]]) -> list[Passage]:
    """An interview set out without labels: the interviewer's questions as plain paragraphs
    ending in "?", each answer a paragraph wholly in quote marks right after. With at least
    two such pairs and the interviewee named by the introduction ("We asked the headteacher,
    Jo Bell, why …"), every paragraph wholly in quote marks that follows a paragraph with no
    quote marks is an answer by the interviewee (a question may be put as a statement: "Some
    parents say …"); the plain paragraphs before them are questions. Nothing otherwise."""

    def quoted(start: int, end: int) -> bool:
        line = text[start:end].strip()
        inner = line[1:-1]
        return (
            len(line) > 2
            and line[0] in _OPENERS
            and line[-1] in _CLOSERS + ".!?"
            and line.rstrip(".!?")[-1:] in _CLOSERS
            and not any(ch in _DOUBLE_MARKS for ch in inner.rstrip(".!?”\"’'"))
        )

    def plain(start: int, end: int) -> bool:
        return not any(ch in _MARKS for ch in text[start:end])

    pairs = [
        k for k in range(1, len(paragraphs)) if quoted(*paragraphs[k]) and plain(*paragraphs[k - 1])
    ]
    asked = [k for k in pairs if text[slice(*paragraphs[k - 1])].rstrip().endswith("?")]
    interviewee = _introduced(text, paragraphs) if len(asked) >= 2 else None
    if interviewee is None:
        return []
    passages = []
    for k in pairs:
        passages.append(Passage("question", *paragraphs[k - 1]))
        passages.append(Passage("answer", *paragraphs[k], interviewee))
    return passages


#: Words that join a role's words: "Head of Investor Relations", "analyst at Peleton Bank".
_ROLE_JOINERS = frozenset("of the and for at & in on to de du van von".split())


def _label_role(role: str) -> bool:
    """Whether what follows a comma in a turn's label is the speaker's role or body ("Chief
    Executive", "CFO", "Peleton Bank", "head of investor relations"): one to eight words, none
    a speech verb, opening with a capital or a role word; each capitalised, a role word or
    a word joining them, or, with a role noun among them, any word ("the mayor, said" is
    a clause of reporting, no role)."""
    words = [w.strip(",.’'") for w in role.split()]
    if not 0 < len(words) <= 8 or not all(w and w.lower() not in SPEECH_VERB_FORMS for w in words):
        return False
    if not (words[0][:1].isupper() or words[0].lower() in ROLE_WORDS):
        return False
    lower = [w.lower() for w in words]
    return all(
        w[:1].isupper() or low in ROLE_WORDS or low in _ROLE_JOINERS
        for w, low in zip(words, lower, strict=True)
    ) or (any(low in ROLE_NOUNS for low in lower) and all(w.isalpha() for w in words))


def _trailing_space(text: str, start: int, end: int) -> int:
    label = text[start:end]
    return len(label) - len(label.rstrip())


def _is_person_label(name: str, text: str) -> bool:
    """A speaker label names a person: not an editorial label ("Update:", "Editor's note:"),
    and named elsewhere in the article or used for more than one paragraph."""
    words = name.split()
    if words[0].lower().rstrip(".") in _NOT_SPEAKERS or len(words) > 5:
        return False
    if any(w.lower() in _NOT_SPEAKERS for w in words[1:2]):  # "Editor's note", "Key points"
        return False
    surname = words[-1]
    if surname.isupper() and len(surname) > 2:  # "ABBOT:" for the Rhys Abbot introduced
        return len(re.findall(rf"\b{re.escape(surname)}\b", text, re.I)) >= 2
    return text.count(surname) >= 2


#: Parts a transcript's header gives ("Presenter: Morag Dunnet", "Witness: MR ALAN QUARRIE,
#: former chief engineer", "Guests: …; …"): who asks, who answers, who chairs.
_ASKING_PARTS = frozenset(
    "presenter host interviewer anchor moderator examined counsel questioner".split()
)
_ANSWERING_PARTS = frozenset("witness interviewee guest guests".split())
_CAST_LINE = re.compile(
    r"^(?P<part>presenter|host|interviewer|anchor|moderator|chair|chairman|chairwoman|"
    r"chairperson|witness|interviewee|guests?|examined by|counsel|participants|speakers"
    r"|attendees|panel(?:l?ists)?|on the call)\s*:?\s+(?P<names>[^\n]+)$",
    re.IGNORECASE,
)
#: Labels of turns by someone a transcript does not name: the words have no speaker.
UNNAMED_LABELS = frozenset(
    """caller listener viewer voice audience member man woman unidentified speaker
    participant questioner heckler""".split()
)
#: Labels of a call's own staff, who run it and say nothing of the story ("Operator: Our
#: next question comes from …"): their turns are procedure, no quotation.
_PROCEDURAL_LABELS = frozenset({"operator", "conference operator"})
_HONORIFIC = re.compile(rf"^(?:{'|'.join(sorted(HONORIFICS | {'cllr'}))})\.?\s+", re.I)


def _cast_lines(text: str, paragraphs: list[tuple[int, int]]) -> set[int]:
    """Indexes of the paragraphs that are a transcript's header lines (``_cast``)."""
    return {k for k in range(min(6, len(paragraphs))) if _cast_of(text, *paragraphs[k])}


def _cast(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[str, str]]:
    """The people a transcript's header names, as ``(part, name)`` in order ("Chair: Dame
    Imelda Rusk" -> ``("chair", "Dame Imelda Rusk")``; "Witness: MR ALAN QUARRIE, former
    chief engineer" -> ``("witness", "Alan Quarrie")``: a name in capitals is written in
    ordinary case, without its honorific; "Guests: A, role; B, role" gives both)."""
    return [found for start, end in paragraphs[:6] for found in _cast_of(text, start, end)]


#: A sentence ending inside a header line's names, but for an honorific's or an initial's
#: full stop ("Dr. Ann Roe", "J. K. Lowe"): the line is someone's turn, not a header.
_RUNS_ON = re.compile(r"(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bSt)(?<!\b[A-Z])[.!?]\s+\S")


def _cast_of(text: str, start: int, end: int) -> list[tuple[str, str]]:
    """The ``(part, name)`` pairs of one header line; none for a turn ("HOST: Councillor?")."""
    return [(part, name) for part, name, _ in _header_of(text, start, end)]


def _header_of(text: str, start: int, end: int) -> list[tuple[str, str, str | None]]:
    """The ``(part, name, role)`` triples of one header line, the role as the line gives it
    after the name, in brackets or after a comma ("Participants: Ann Roe (Finance
    Director), Tom Lowe (Head of Sales)" -> ``("participants", "Ann Roe", "Finance
    Director")``, …; "Witness: MR ALAN QUARRIE, former chief engineer" -> ``("witness",
    "Alan Quarrie", "former chief engineer")``), else None; none for a turn ("HOST:
    Councillor?")."""
    match = _CAST_LINE.match(text[start:end].strip())
    if match is None or _RUNS_ON.search(match["names"]):
        return []  # "PRESENTER: Councillor Ann Roe, thank you. Now …": a turn, sentences on
    part = match["part"].lower().split()[0]
    part = "chair" if part.startswith("chair") else part
    out = []
    for entry in _header_entries(match["names"]):
        name, _, role = entry.partition(",")
        name = re.sub(r"\s+\((?:affirmed|sworn)\)$", "", name.strip(), flags=re.I).rstrip(".")
        if bracketed := _BRACKETED_ROLE.search(name):  # "Ann Roe (Finance Director)"
            name, role = name[: bracketed.start()], bracketed["role"]
        name = without_post_nominals(name).strip()
        if name.isupper():
            name = _HONORIFIC.sub("", name).title()
        words = name.split()
        if not words or len(words) > 6 or name.endswith(("?", "!")):
            return []  # a turn, not a header line
        if not all(w[:1].isupper() or w.lower() in NAME_PARTICLES | {"of"} for w in words):
            return []
        out.append((part, name, role.strip(" .") or None))
    return out


#: A role in brackets after a header's name: "Ann Roe (Finance Director)".
_BRACKETED_ROLE = re.compile(r"\s*\((?P<role>[^()]{2,80})\)$")


def _header_entries(names: str) -> list[str]:
    """A header line's people, one entry each: apart by semicolons ("A, role; B, role"), or
    by commas where each names its role in brackets ("A (role), B (role)")."""
    if ";" not in names:
        entries = [e.strip() for e in re.split(r",\s*(?![^()]*\))", names) if e.strip()]
        if len(entries) > 1 and all(
            (b := _BRACKETED_ROLE.search(e)) and not _SWORN.fullmatch(b["role"]) for e in entries
        ):
            return entries
    return names.split(";")


_SWORN = re.compile(r"affirmed|sworn", re.I)


def _cast_roles(text: str, paragraphs: list[tuple[int, int]]) -> dict[str, str]:
    """The roles a transcript's header gives its people, by name ("Participants: Ann Roe
    (Finance Director)" -> ``{"Ann Roe": "Finance Director"}``)."""
    return {
        name: role
        for start, end in paragraphs[:6]
        for _, name, role in _header_of(text, start, end)
        if role
    }


def _same_person(label: str, name: str, part: str) -> bool:
    """Whether a turn's label ("DUNNET", "PRESENTER", "THE CHAIR") stands for the header's
    ``name`` in ``part``: its surname, or the part itself."""
    bare = re.sub(r"^the\s+", "", label.strip(), flags=re.I).lower()
    return bare == part or bare == name.split()[-1].lower()


def _turn_label(match: re.Match[str], text: str, cast: list[tuple[str, str]]) -> bool:
    """Whether a ``_SPEAKER_LABEL`` match opens a turn: a part ("PRESENTER:"), the outlet's
    own voice ("REPORTER (on location):") or someone unnamed ("CALLER (GARY):", "MAN ON
    STREET:"), whatever the brackets hold; else, with nothing in brackets, a person the
    article names (``_is_person_label``) or the transcript's header casts."""
    name = match["name"]
    if _unnamed(name) or name.lower() in _ASKING_PARTS | _OWN_VOICES | _PROCEDURAL_LABELS:
        return True
    if not match["given"] and (_role_only(name) or _role_and_name(name)):
        return True  # "PLAINTIFF:", "RESIDENT CARLA BENNING:" in a broadcast script
    return not match["given"] and (
        _is_person_label(name, text) or any(_same_person(name, n, part) for part, n in cast)
    )


def _unnamed(label: str) -> bool:
    """Whether a turn's label stands for someone the script does not name: "CALLER", "MAN ON
    STREET", "WOMAN IN CROWD" (``UNNAMED_LABELS``, alone or with where they were)."""
    words = label.lower().split()
    return bool(words) and (
        label.lower() in UNNAMED_LABELS
        or bool(_RECORD_LABEL.match(label))
        and "member" in label.lower()  # "Hon. Members"
        or (words[0] in _UNKNOWN and len(words) <= 3)  # "UNIDENTIFIED REPORTER"
        or (words[0] in UNNAMED_LABELS and len(words) <= 4 and words[1] in _WHERE_WORDS)
    )


_UNKNOWN = frozenset("unidentified unknown unnamed".split())

#: Nouns for a party to a case or a member of the public that a broadcast script labels a
#: turn with, besides the roles of ``ROLE_NOUNS``: "PLAINTIFF:", "JUROR:".
_PARTY_NOUNS = frozenset(
    """plaintiff plaintiffs defendant claimant complainant petitioner juror protester
    protestor demonstrator striker mourner""".split()
)
_LABEL_ROLES = (ROLE_NOUNS | TITLE_WORDS | _PARTY_NOUNS) - HONORIFICS


def _role_words(label: str) -> int:
    """How many words at the start of a label in capitals are role words ("LEAD PLAINTIFF
    ANN ROE" -> 2); 0 for a label not in capitals, or one of the script's own parts."""
    if not label.isupper() or label.lower() in _ASKING_PARTS | _OWN_VOICES | _ANSWERING_PARTS:
        return 0
    count = 0
    for word in label.lower().split():
        if word.rstrip(".") not in _LABEL_ROLES:
            break
        count += 1
    return count


def _role_only(label: str) -> bool:
    """A label in capitals that is a role and nothing more ("PLAINTIFF", "SENIOR NURSE"):
    someone the script describes but does not name."""
    return 0 < _role_words(label) == len(label.split())


def _role_and_name(label: str) -> bool:
    """A label in capitals of a role and a name ("RESIDENT CARLA BENNING", "JUROR KIM"): a
    named speaker, though the article names them nowhere else."""
    words = label.split()
    k = _role_words(label)
    return (
        0 < k < len(words) <= k + 3
        and all(w.isalpha() or "'" in w or "-" in w for w in words[k:])
        and not any(w.lower() in _NOT_SPEAKERS for w in words[k:])
    )


_WHERE_WORDS = frozenset("on in at from outside near by".split())


def _cast_name(label: str | None, cast: list[tuple[str, str]]) -> str | None:
    """The name a turn's label stands for: the header's person for a part or a surname
    ("THE CHAIR" -> "Dame Imelda Rusk"), a description for a label of someone unnamed
    ("CALLER" -> "the caller", no speaker: ``grounding.unnamed_speaker``), else the label as
    written."""
    if label is None:
        return None
    if _unnamed(label):
        return f"the {label.lower()}"  # a description: the words are nobody's named
    for part, name in cast:
        if _same_person(label, name, part):
            return name
    if _role_only(label):  # "PLAINTIFF": a plaintiff, not named
        return f"{'an' if label[0] in 'AEIOU' else 'a'} {label.lower()}"
    if _role_and_name(label):  # "RESIDENT CARLA BENNING": Resident Carla Benning
        return label.title()
    return label


def _most_common(names: list[str | None]) -> str | None:
    counts: dict[str, int] = {}
    for name in names:
        if name:
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda n: counts[n]) if counts else None


#: "<subject> spoke to <object>": the subject gave the interview, unless it is the outlet's
#: own voice ("We spoke to…", "Our reporter talked with…"), where the object did; the
#: subject may close an appositive ("Its director, Oona Feltham, talked to Kit Ramsden").
_SPOKE_TO = re.compile(
    rf"(?P<subject>\b[\w’'.-]+(?:\s+{_NAME_WORD}){{0,3}}),?\s+(?:spoke|speaks|talked|talks|"
    rf"has spoken|has talked)\s+(?:exclusively\s+)?(?:to|with)\s+(?:the\s+)?"
    rf"(?P<object>{_PERSON})"
)
_OUTLET_VOICE = frozenset("we i our reporter correspondent editor".split())
#: The interviewee as the subject, the outlet as the object: "Graham sat down with us",
#: "Ann Roe spoke to this newspaper", "she talked to me".
_SAT_WITH_US = re.compile(
    rf"(?P<name>{_PERSON})\s+(?:sat\s+down|spoke|talked|talks|speaks|met)\s+"
    r"(?:\w+\s+)?(?:with|to)\s+(?:us|me|this\s+(?:paper|newspaper|magazine|site|station))\b"
)


def _spoke_to(text: str, paragraphs: list[tuple[int, int]]) -> tuple[str, str] | None:
    """(interviewee, interviewer) where the introduction says "<name> spoke to <name>"
    ("head teacher Miriam Oduya spoke to Joe Farrant", "She spoke to the Halverton Post": a
    pronoun is the person the paragraph names first); None otherwise, or where the subject
    is the outlet's own voice ("We spoke to…")."""
    for start, end in paragraphs[:4]:
        match = _SPOKE_TO.search(text, start, end)
        if not match:
            continue
        words = match["subject"].split()
        for k in range(len(words) - 1, 0, -1):  # the subject's own sentence only
            if words[k - 1].endswith((".", "!", "?")) and len(words[k - 1]) > 3:
                words = words[k:]
                break
        subject = " ".join(words)
        interviewer = match["object"].rstrip(".,;:")
        if words[0].lower() in _OUTLET_VOICE or words[-1].lower() in _OUTLET_VOICE:
            return None
        if subject.lower() in ("he", "she"):
            named = re.search(rf"(?<![\w’'-]){_PERSON}", text[start : match.start()])
            if named is None:
                return None
            return named.group(), interviewer
        trailing = []  # the name before the verb: "head teacher Miriam Oduya"
        for word in reversed(words):
            if not word[:1].isupper():
                break
            trailing.insert(0, word)
        if not trailing:
            return None
        return " ".join(trailing), interviewer
    return None


def _introduced(text: str, paragraphs: list[tuple[int, int]]) -> str | None:
    """The person the interview's introduction says was asked ("We asked Klaus Berger…",
    "head teacher Miriam Oduya spoke to Joe Farrant")."""
    found = _spoke_to(text, paragraphs)
    if found:
        return found[0]
    for start, end in paragraphs[:6]:
        match = _INTERVIEWEE.search(text, start, end) or _SAT_WITH_US.search(text, start, end)
        if match:
            name = match["name"]
            # a full stop after the surname ends the sentence ("…, Dominic Strand.")
            return name[:-1] if name.endswith(".") and len(name.split()[-1]) > 2 else name
    return None
