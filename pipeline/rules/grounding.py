"""Grounding: whether a name, a description or an outlet that the model gives is evidenced by
the article. Pure functions of strings; ``answer_check`` bundles them into the
``schemas.model_io.AnswerCheck`` that validation of one article's answer uses.

A name is grounded when one of its capitalised words occurs in the text as a word; a
description ('a North Korean representative') when it occurs as written; an inferred outlet
when a line only a publisher prints (newsletter sign-up, copyright, app prompt) names it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from schemas.model_io import AnswerCheck

from .text import whole_words
from .vocabulary import (
    BE_FORMS,
    BODY_WORDS,
    COMPASS_WORDS,
    CUE_VERB_FORMS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    GROUP_NOUNS,
    HONORIFICS,
    NOT_NAME_WORDS,
    OCCUPATION_ENDINGS,
    POST_NOMINALS,
    PRONOUNS,
    RELATION_NOUNS,
    ROLE_NOUNS,
    ROLE_PLURALS,
    SENTENCE_ADVERBS,
    SPEECH_VERB_FORMS,
    SPOKESPERSON_NOUNS,
    TITLE_WORDS,
    spelled_title,
)

_NAME_WORD = re.compile(r"[A-Z][\w'-]+")
#: Capitalised words that do not name anyone on their own (articles, honorifics, titles).
_NOT_NAMES = frozenset({"the", "a", "an"}) | HONORIFICS | ROLE_NOUNS | TITLE_WORDS
_DIGIT = re.compile(r"\d")


def _folded(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'").lower()


def grounded_name(name: str, text: str) -> bool:
    """True when every capitalised word of ``name`` (titles aside) occurs in ``text`` as a
    whole capitalised word: "Wonder Woman" is not grounded by "wonderful", nor "Greg Green"
    by "the green"."""
    words = [w for w in _NAME_WORD.findall(name.replace("’", "'"))]
    words = [w for w in words if w.lower() not in PRONOUNS and w.lower() not in _NOT_NAMES]
    plain = text.replace("’", "'")
    missing = [
        w
        for w in words
        if next(whole_words(rf"{re.escape(w)}(?![\w-])", plain, joiners="-"), None) is None
    ]
    if not words or not missing:
        return bool(words)
    # a name a transcript's header writes in capitals ("Witness: MR ALAN QUARRIE") whose
    # surname the article writes as a name ("Mr Quarrie"): "Alan Quarrie" is grounded
    upper = r"\s+".join(re.escape(w.upper()) for w in name.replace("’", "'").split())
    if re.search(rf"(?m)^[^\n]{{0,24}}(?<![\w-]){upper}\s*[,:]", plain):
        return True  # a script's label of a clip: "SOUNDBITE - HOWARD QUAILE, CHAIRMAN:"
    return words[-1] not in missing and re.search(rf"(?<![\w-]){upper}(?![\w-])", plain) is not None


def grounded_phrase(phrase: str, text: str) -> bool:
    """True when ``phrase`` (a description: 'a North Korean representative') is in ``text``."""
    core = _folded(phrase.split(",")[0].strip())
    return len(core) > 3 and core in _folded(text)


_NAME = r"(?P<name>[A-Z][\w&.-]*(?:\s+(?:of\s+)?[A-Z][\w&.-]*){0,4}?)"
_PUBLISHER_NAMED = (
    re.compile(
        rf"\b(?:get|sign up (?:for|to)|subscribe to)\s+(?:the\s+)?{_NAME}"
        r"(?:['’]s)?\s+newsletters?\b",
        re.I,
    ),
    re.compile(rf"(?:©|\bcopyright\b)\s*(?:\d{{4}}\s+)?{_NAME}(?:\.|,|\s+all rights|\s*$)", re.I),
    # A registration prompt: "Register now for FREE unlimited access to Reuters.com".
    re.compile(rf"\b(?:register|sign up|subscribe)\b.*\baccess to {_NAME}\.com\b", re.I),
)


def publisher_named(lines: Sequence[str]) -> str | None:
    """The publisher a newsletter or copyright line names: "Get ST's newsletters…" gives
    'ST', "© 2024 The Straits Times" gives 'The Straits Times'."""
    for line in lines:
        for pattern in _PUBLISHER_NAMED:
            match = pattern.search(line)
            if match and match["name"][:1].isupper():
                return match["name"].strip().rstrip(".")
    return None


# A house byline: the outlet's name and a desk or staff noun, no person's name ('Globe
# Reporter', 'Courier Staff', 'Herald News Desk'), as a byline gives it (without its 'By').
_HOUSE_BYLINE = re.compile(
    r"^(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}?)\s+(?:Reporters?|Staff(?:\s+Writers?)?|"
    r"Correspondents?|News\s*[Dd]esk|Desk|Team)$"
)
#: Words that name a reporter's beat or rank, not an outlet ('Political Correspondent').
_BEATS = frozenset(
    """political foreign home chief senior staff special industry health business transport
    science education crime security defence defense diplomatic economics economy environment
    sport sports royal court legal local social technology consumer affairs city news our
    investigations investigative energy arts culture travel motoring property money
    parliamentary westminster washington europe europe's world national regional community
    junior trainee freelance digital online night day weekend""".split()
)


def house_byline(byline: str | None) -> str | None:
    """The outlet a house byline names, for a story no reporter signs ('By Globe Reporter'
    gives 'Globe', 'By Courier Staff' 'Courier'); None for a person's byline ('Jane Roe,
    Staff Writer') or a beat ('Political Correspondent')."""
    match = _HOUSE_BYLINE.match(" ".join((byline or "").split()).removeprefix("By "))
    if match is None:
        return None
    name = match["name"]
    if any(word.lower() in _BEATS for word in name.split()):
        return None
    return name


_MARKUP = re.compile(r"\((?:[QFSAP]\d+|none)\)|\b[QFSAP]\d+\b|[{}<>\[\]|*_#]")
#: A picture credit's words. "credit", "images" and "file" count in lower case or in
#: capitals, or "Credit:" before a name: a body may hold the word ("the Savings and Credit
#: Authority", "Credit Union").
_CREDIT = re.compile(
    r"/|\b(?i:photo|foto|getty|pictured?)\b|\b(?:credit|CREDIT|images?|IMAGES?|file|FILE)\b|"
    r"\bCredit:"
)
_INITIAL_END = re.compile(r"\s[A-Z]\.?$")
#: Words that make a phrase a clause rather than a name: verbs of being and saying, auxiliaries.
_VERBS = (
    BE_FORMS
    | CUE_VERB_FORMS
    | frozenset("has have had will would can could should do does did".split())
)
_FIRST_PERSON = frozenset("i we you it me us our my your it's that this".split())
#: Words that make a description a speaker: a role, a group, a body.
SPEAKER_NOUNS = ROLE_NOUNS | GROUP_NOUNS | BODY_WORDS | ROLE_PLURALS | RELATION_NOUNS


#: A time phrase that ends a phrase read as a speaker ("Experts last night").
_TIME_TAIL = re.compile(
    r"\s(?:last (?:night|week|month|year)|yesterday|today|tonight|this (?:morning|afternoon|"
    r"evening|week)|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))$",
    re.I,
)


#: An honorific or an abbreviated title right before a name: "Dr", "Mrs", "Gov.", "Sen.".
_TITLE_BEFORE = re.compile(
    rf"(?<![\w.])(?:(?i:{'|'.join(sorted(HONORIFICS))})\.?|(?i:gov|sen|rep|lt|capt|gen|supt)\.)"
    r"[ \t]+$"
)


def _cut_from_a_longer_name(name: str, text: str) -> bool:
    """Whether ``name`` is only ever written as part of a longer name: one word as the end of
    a name joined by "of" ("Transportation" in "the Department of Transportation"), or words
    always followed by another capitalised word ("Aldermark Consumer" of "Aldermark Consumer
    Alliance"): a fragment, never a speaker of its own."""
    if not name[:1].isupper():
        return False
    found = list(whole_words(rf"{re.escape(name)}(?![\w-])", text, joiners="-"))
    if any(
        _TITLE_BEFORE.search(text, max(0, m.start() - 12), m.start())
        and (after := re.match(r"[ \t]+([A-Z][a-z]+)\b", text[m.end() : m.end() + 30]))
        and after.group(1).lower() in DOCUMENT_NOUNS
        for m in found
    ):
        return False  # "Gov. Ann Roe Press Briefing": a titled person's, and a document's word
    if " " in name:
        # "Aldermark Consumer" only ever before "Alliance": the start of a body's name
        if not all(w[:1].isupper() for w in name.split()):
            return False
        return bool(found) and all(
            re.match(r"[ \t]+[A-Z][a-z]", text[m.end() : m.end() + 3]) for m in found
        )
    return bool(found) and all(
        re.search(r"\b[A-Z][\w’'-]*\s+of\s+(?:the\s+)?$", text[max(0, m.start() - 40) : m.start()])
        for m in found
    )


#: Words that open a description of someone the article does not name: "one resident",
#: "a retired teacher", "some board members", "another shopper".
_INDEFINITE = frozenset(
    "a an one some another several many few two three four five a few other".split()
)
#: Heads of plural and collective descriptions that stand for a body when bare ("police
#: said", "officials said"): the body speaks, and the article names it elsewhere.
#: Plurals that stand for a body when bare ("police said", "officials said").
BODY_PLURALS = _BODY_PLURALS = frozenset(
    """police officials authorities prosecutors investigators regulators inspectors
    ministers lawmakers organisers organizers""".split()
)


#: An adjective of a people or a region, capitalised in English ("Western", "European",
#: "Chinese", "Israeli"): no name ("A Western diplomat").
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ern|an|ese|ish|ic|i)")
#: Heads of a description of one person that a people's adjective opens and no name
#: follows ("Russian diplomat", "North Korean foreign ministry official").
_UNNAMED_HEADS = frozenset(
    "official representative diplomat spokesman spokeswoman spokesperson source insider "
    "officer soldier aide adviser advisor envoy delegate".split()
)


#: A place joined to a participle ("Frankfurt-based", "London-born", "Paris-listed"): an
#: adjective of someone described, not a name.
_PLACE_ADJECTIVE = re.compile(
    r"[A-Z][\w’'.-]*-(?:based|born|bred|raised|registered|listed|headquartered|owned|"
    r"educated|trained)[,.;:]?"
)


def unnamed_speaker(speaker: str) -> bool:
    """Whether ``speaker`` (a speaker as the rules or the model give it, resolved) only
    describes someone the article does not name: an indefinite description ("one resident",
    "A self-employed plumber", "some board members"), a bare plural of people in lower
    case ("fans", "early readers", "partially sighted people"; not "police" or
    "officials", which stand for a body) or a definite description headed by a noun for a
    member of the public or a crowd ("the crowd", "the widow"). Such a description is no
    speaker: one resident of one article is not the resident of another. Roles ("the
    minister") and bodies ("the regulator") are not caught here."""
    words = speaker.strip().split()
    if (
        len(words) > 1
        and words[0].lower() in _INDEFINITE
        and (words[-1][:1].islower() or words[-1].lower() in ("mp", "mep", "msp", "td"))
        and words[-1].lower().strip(".,;:!?") not in SPOKESPERSON_NOUNS
    ):
        return True  # "A Red Cross volunteer", "a Labour MP": unnamed, whatever the modifiers
    # "a North Korean representative": a compass word before a people's adjective is part
    # of the adjective, not a name
    compass = {
        k for k in range(1, len(words) - 1)
        if words[k] in COMPASS_WORDS and _DEMONYM.fullmatch(words[k + 1])
    }  # fmt: skip
    if not words or any(
        w[:1].isupper()
        and not _DEMONYM.fullmatch(w)
        and not _PLACE_ADJECTIVE.fullmatch(w)
        and k not in compass
        for k, w in enumerate(words[1:], 1)
    ):
        return False  # a capitalised word past the first is a name ("a Kelby Harbour spokesman")
    lowered = [w.lower().strip(".,;:!?") for w in words]
    head = lowered[-1]
    adjective = (
        2
        if len(words) > 2 and words[0] in COMPASS_WORDS and _DEMONYM.fullmatch(words[1])
        else (1 if _DEMONYM.fullmatch(words[0]) else 0)
    )
    if adjective and len(words) > adjective and head in _UNNAMED_HEADS:
        return True  # "North Korean foreign ministry official", "Russian diplomat": no name
    if lowered[0] in _INDEFINITE and len(words) > 1:
        return True
    if lowered[0] == "the" and len(words) > 1:
        return head in _MEMBER_NOUNS
    if (
        lowered[0] in _POSSESSIVES
        and len(words) > 1
        and not any(w[:1].isupper() for w in words[1:])
    ):
        return head in _MEMBER_NOUNS | _KIN_NOUNS  # "her father", "his old schoolfriend"
    return (
        len(words) <= 4
        and (head.endswith("s") or head == "people")
        and head not in _BODY_PLURALS
        and (head in GROUP_NOUNS or head in ROLE_PLURALS or head == "people")
    ) or head in ("crowd", "crowds")


def unheld_role(speaker: str) -> bool:
    """Whether ``speaker`` is a role or a document in lower case that the article gave no
    named holder: "the minister", "founder", "the adviser", "the spokesperson" (after a
    spokesperson of no named body), "the accounts". Called after the role's holder and a
    spokesperson's body were looked for: such a description names no one, and printing it
    as a speaker would credit nobody a reader can find. Bodies ("the council", "police")
    are not caught: their words are the body's. Pure."""
    words = speaker.strip().split()
    if not words or any(w[:1].isupper() for w in words[1:]):
        return False
    lowered = [w.lower().strip(".,;:!?") for w in words]
    if lowered[0] in ("the", "its", "their"):  # "Its chair" with no name after it
        lowered = lowered[1:]
    elif len(lowered) > 1 or not words[0][:1].islower() and lowered[0] not in ROLE_NOUNS:
        return False  # "founder" bare, as a headline writes it; never a capitalised name
    if not lowered or len(lowered) > 4:
        return False
    head = lowered[-1]
    if head in DOCUMENT_NOUNS:
        return True
    return head in ROLE_NOUNS and head not in BODY_WORDS and head not in _MEMBER_NOUNS


#: Nouns for a member of the public or a crowd, not an office: "the crowd", "the widow",
#: "the complainant" said.
_MEMBER_NOUNS = (
    (
        frozenset(
            """crowd crowds widow widower complainant onlooker bystander passenger customer
        shopper resident neighbour neighbor witness mother father mum dad parent pupil
        student fan reader viewer listener caller commuter driver motorist pedestrian
        pensioner woman man girl boy worker heckler participant questioner voice""".split()
        )
        | GROUP_NOUNS
    )
    - _BODY_PLURALS
    - frozenset({"police", "staff", "unions", "members"})
)


#: Possessive determiners before a description of someone ("her father", "their son").
_POSSESSIVES = frozenset("his her their my our your".split())
#: Kin and friends, known by how they relate to someone the article names ("her father",
#: "his wife"): unnamed themselves.
_KIN_NOUNS = frozenset(
    """son daughter sons daughters wife husband brother sister brothers sisters partner
    friend friends schoolfriend fiancé fiancée fiance fiancee girlfriend boyfriend cousin
    uncle aunt nephew niece grandson granddaughter grandfather grandmother grandparents
    parents children child family relatives neighbours neighbors colleague colleagues
    stepfather stepmother stepson stepdaughter""".split()
)

#: Words that open a description, not a name ("the council", "a spokeswoman").
_DETERMINERS = DETERMINERS | frozenset("its his her their our one another some".split())


def speaker_problem(speaker: str, text: str) -> str | None:
    """Why ``speaker`` cannot be printed as the speaker of a quote in ``text``, or None.

    A speaker is a person or body that the article names as such: a name whose every
    capitalised word is a whole capitalised word of the article (``grounded_name``), a
    single-word name written capitalised at least once inside a sentence (not a
    sentence-initial "Somehow"), or a description as written in the article that holds a
    role, group or body noun ("police", "the regulatory commission"), or such a description
    joined by "for" to a body the article names ("a spokeswoman for Northgrid"). Never: prompt
    markup ("(Q1)"), quotation marks, a clause (a verb, a first-person word), more than six
    words, a name cut at an initial ("Daniel B"), a photo credit, a phrase opening with a number
    (a live blog's "11:31 Asked …") or ending in a time phrase ("Experts last night")."""
    bare = speaker.strip()
    words = bare.split()
    if not words:
        return "empty speaker"
    if _MARKUP.search(bare):
        return f"'{bare}' holds markup"
    if re.search(r"[\"“”«»„]|(?:^|\s)['‘]|\s[-–—]\s", bare):
        return f"'{bare}' holds a quotation or a dash"
    speaker_part, joined, body = bare.partition(" for ")
    if joined and speaker_problem(speaker_part, text) is None and not grounded_phrase(bare, text):
        # "a spokeswoman for Northgrid": a described speaker and the body the article quotes
        # just before, each named in the article
        if speaker_problem(body, text) is None or _speaks(body, text):
            return None
        return f"'{bare}' is not in the article"
    inner_lower = [
        w
        for w in words[1:-1]
        if not w[:1].isupper()
        and w.lower() not in ("of", "the", "and", "&", "for", "de", "des", "du")
    ]
    body_name = (
        any(w.lower().strip(".,’'") in BODY_WORDS for w in words)
        and words[-1][:1].isupper()
        # "The Kelby and District Chamber of Commerce"; one common noun inside a body's
        # official name ("Medicines and Healthcare products Regulatory Agency")
        and (
            not inner_lower
            or (len(inner_lower) == 1 and words[-1].lower().strip(".,’'") in BODY_WORDS)
        )
        and (words[0][:1].isupper() or words[0] == "the")
    )
    if len(words) > (10 if body_name else 6):
        return f"'{bare}' is too long for a name"
    if (
        words[0][:1].islower()
        and words[0].lower() not in _DETERMINERS
        and words[-1][:1].isupper()
        and re.search(rf"[A-Z][\w’'-]*\s+(?:(?:and|of|&)\s+)?{re.escape(bare)}\b", text)
    ):
        # "airports Safety Authority" of "The Civil Aviation and airports Safety Authority"
        return f"'{bare}' is cut from a longer name"
    if _only_in_capitals(bare, text):
        return f"'{bare}' is only written in capitals (a headline's words, not a name)"
    if _capitals_kicker(words, text):
        return f"'{bare}' holds a headline's words in capitals ('FURY', 'AXED')"
    if _title_word_joined(words, text):
        return f"'{bare}' opens with the last word of a title ('… for Finance Grace Wambui')"
    lowered = {w.lower().strip(".,:;!?'’") for w in words}
    lower_words = {w.strip(".,:;!?'’") for w in words if w[:1].islower()}
    if lower_words & _VERBS or lowered & _FIRST_PERSON:
        return f"'{bare}' is a clause, not a name"
    if _CREDIT.search(bare):
        return f"'{bare}' is a credit line"
    if _INITIAL_END.search(bare):
        return f"'{bare}' is a name cut at an initial"
    if bare.lower() in PRONOUNS:
        return f"'{bare}' is a pronoun"
    if re.search(r"\d", words[0]):
        return f"'{bare}' opens with a number (a time stamp or a count, not a name)"
    if _TIME_TAIL.search(bare):
        return f"'{bare}' runs into a time phrase"
    if _cut_from_a_longer_name(bare, text):
        return f"'{bare}' is cut from a longer name (\"… of {bare}\")"
    named = [w for w in words if w[:1].isupper() and w.lower().strip(".") not in _NOT_NAMES]
    descriptive = any(w.lower().strip(".,") in SPEAKER_NOUNS for w in words)
    if descriptive and grounded_phrase(bare, text):
        return None  # "Officials", "the regulatory commission", "Labour Party", as written
    counted = words[0].lower() in ("one", "another") and words[-1].islower()  # "One pal"
    if words[0][:1].islower() or words[0].lower() in ("the", "a", "an") or counted:
        if not descriptive and named and grounded_phrase(bare, text):
            return None  # "The Kremlin", "the White House": a body named as written
        head = words[-1].lower().strip(".,")
        if words[-1].islower() and head not in DOCUMENT_NOUNS and head.isalpha():
            descriptive = descriptive or (
                len(words) >= 2 and words[0].lower() in ("the", "a", "an", "one", "another")
            )
        if not descriptive or head in DOCUMENT_NOUNS:
            return f"'{bare}' describes no speaker"
        if not grounded_phrase(bare, text):
            return f"'{bare}' is not in the article"
        return None
    if not named:
        return None if descriptive and grounded_phrase(bare, text) else f"'{bare}' names no one"
    if (
        any(w.lower().strip(".,") in SENTENCE_ADVERBS | NOT_NAME_WORDS for w in named)
        and not descriptive
    ):
        return f"'{bare}' is not a name"
    if not grounded_name(bare, text):
        return f"'{bare}' is not named in the article"
    if (
        len(named) == 1
        and not named[0].isupper()
        and not _inside_sentence(named[0], text)
        and not _titled_label(named[0], text)
    ):
        return f"'{bare}' is only a capitalised word at the start of a sentence"
    return None


def _titled_label(surname: str, text: str) -> bool:
    """Whether a transcript's label gives ``surname`` in capitals after a title ("SHERIFF
    TOLLER:", "GOV. VARELA:"): a person named by their office, not a sentence's first word."""
    return any(
        m.group(1).lower().rstrip(".") in _NOT_NAMES
        for m in re.finditer(
            rf"^([A-Z][A-Z.]+)[ \t]+{re.escape(surname.upper())}[ \t]*:", text, re.M
        )
    )


def _capitals_kicker(words: list[str], text: str) -> bool:
    """Whether a tabloid's capitals run into the name: a last word of four or more capital
    letters after a name written in lower case ("Ross Fenner AXED"; "Asha Rahman MBE" and
    other post-nominals are letters after a name, not a kicker), or a name all in capitals
    holding a word the article writes in lower case elsewhere ("BONFIRE NIGHT FURY" over
    "… stolen bonfire night …")."""
    letters = [w.strip(".,:;!?’'") for w in words]
    if len(letters) >= 2 and all(w.isupper() for w in letters if any(c.isalpha() for c in w)):
        lower = {w.lower() for w in re.findall(r"\b[a-z][a-z’'-]+\b", text)}
        return any(w.lower() in lower and len(w) >= 3 for w in letters)
    last = letters[-1] if letters else ""
    return (
        len(letters) >= 2
        and len(last) >= 4
        and last.isupper()
        and last.isalpha()
        and last not in POST_NOMINALS
        and any(w[:1].isupper() and not w.isupper() for w in letters[:-1])
    )


#: Portfolios a title names before its holder ("Member for Finance", "Minister for
#: Sustainability and Estates"): never a given name.
_PORTFOLIOS = frozenset(
    """finance estates health education transport trade justice defence defense agriculture
    environment housing energy sport sports culture tourism treasury planning works roads
    water security labour labor industry infrastructure communications development youth
    welfare lands mines fisheries interior affairs sustainability commerce economy budget
    revenue heritage arts science technology innovation employment immigration policing
    communities equalities enterprise investment""".split()
)


def _title_word_joined(words: list[str], text: str) -> bool:
    """Whether a name of three or more words opens with the portfolio that ends a title
    written before it ("Member for Finance Grace Wambui", "Minister … for Sustainability and
    Estates Gerald Teo"): the portfolio follows "for", "of" or "and" wherever the speaker
    as given stands in the article."""
    if len(words) < 3 or words[0].lower().strip(",") not in _PORTFOLIOS:
        return False
    whole = r"\s+".join(re.escape(w) for w in words)
    found = list(re.finditer(whole, text))
    return bool(found) and all(
        re.search(r"\b(?:for|of|and)\s+$", text[max(0, m.start() - 6) : m.start()]) for m in found
    )


def _only_in_capitals(name: str, text: str) -> bool:
    """Whether ``name`` is written in capitals and only ever inside lines written in
    capitals: in a tabloid's capitals headline every word is capitalised, so "TOWN SAYS IT
    WAS KEPT IN THE DARK" names no one called "KEPT"; "COLLEEN VARGA" over a story that
    writes "Colleen Varga", or "NATO" in a sentence, is a name."""
    words = [w for w in name.split() if any(ch.isalpha() for ch in w)]
    if not words or not all(w.isupper() for w in words):
        return False
    pattern = r"\s+".join(re.escape(w) for w in name.split())
    for m in re.finditer(pattern, text, flags=re.IGNORECASE):
        if not m.group().isupper():
            if all(w[:1].isupper() for w in m.group().split()):
                return False  # written as a name somewhere ("Colleen Varga")
            continue  # "was kept in the dark": a common word, never a name
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        letters = [ch for ch in text[start : end if end >= 0 else len(text)] if ch.isalpha()]
        if sum(ch.isupper() for ch in letters) < 0.8 * len(letters):
            return False  # in capitals inside an ordinary line: an acronym ("NATO said")
    return True


def _speaks(name: str, text: str) -> bool:
    """Whether the article writes ``name`` as the subject right before a speech verb
    ("Northgrid says", "Westline said"): a body that speaks, even when only written at the
    start of a sentence."""
    verbs = "|".join(sorted(SPEECH_VERB_FORMS))
    found = whole_words(rf"{re.escape(name)}\s+(?:{verbs})\b", text, joiners="-")
    return next(found, None) is not None


def _inside_sentence(word: str, text: str) -> bool:
    """Whether ``word`` occurs capitalised somewhere other than at the start of a sentence."""
    word = word.replace("’", "'")  # "Pennock’s" as "Pennock's": one apostrophe for both
    for m in whole_words(rf"{re.escape(word)}(?![\w-])", text.replace("’", "'"), joiners="-"):
        before = text[max(0, m.start() - 3) : m.start()].rstrip(" \"“‘'(")
        if before and before[-1] not in ".!?:\n":
            return True
    return False


def clean_role(role: str | None) -> str | None:
    """A short role as the article gives it ("Nato Secretary-General", "Homeland Security
    Secretary", "Labour MP for Riverside East"), or None: cut at the first clause mark or
    relative word, at most ten words, holding a role noun or an occupation by its ending
    ("Glaciologist"), no verb, no markup; or a place or body the person is of or from ("of
    the brokerage Tell & Rowe", "from Kirkby Vale"). Abbreviated titles are spelled out
    ("Sen." -> "senator": ``spelled_title``). A title and an appositive joined by
    ``rules.entities`` ("captain; chair of the crew council") are cleaned one by one."""
    if not role:
        return None
    if "; " in role:
        parts = [clean_role(part) for part in role.split("; ")]
        return "; ".join(p for p in parts if p) or None
    role = _MARKUP.sub("", role)
    role = re.split(r"[,;:()\[\]“”\"]|\s[-–—]\s|\b(?:who|whose|which|that|said|says)\b", role)[0]
    if _PROVENANCE.fullmatch(role.strip()) and len(role.split()) <= 10:
        return role.strip()
    role = spelled_title(role)
    # a sentence's opening connective before a title is no part of it ("But Alderman")
    role = OPENING_CONNECTIVE.sub("", role.strip(" -–—"))
    role = re.sub(r"^(?:the|a|an)\s+", "", role, flags=re.I).strip()
    # "its chief medical officer": a pronoun's body is said elsewhere; the role is the title
    role = re.sub(r"^(?:its|their|his|her|our|my)\s+", "", role, flags=re.I).strip()
    words = role.split()
    if (
        len(words) > 1
        and words[0].isupper()
        and words[0].endswith(("ING", "ED", "FUL", "OUS", "LESS", "IVE", "EN"))
        and all(w[:1].islower() for w in words[1:])
    ):  # a tabloid's shouted opening word: "GRIEVING daughter" (not "NATO", "BBC")
        words[0] = words[0].lower()
        role = " ".join(words)
    if (
        words
        and words[-1].endswith(".")
        and words[-1].lower().rstrip(".") not in _TITLE_ABBREVIATIONS
    ):
        role = role.rstrip(".").strip()
        words = role.split()
    if not words or len(words) > 10:  # "chair of the county's adult social care … committee"
        return None
    lowered = {w.lower().strip(".") for w in words}
    titled = any(w.endswith(".") and w.lower().rstrip(".") in _TITLE_ABBREVIATIONS for w in words)
    occupation = any(w.isalpha() and len(w) > 5 and w.endswith(OCCUPATION_ENDINGS) for w in lowered)
    occupation = occupation or any(  # "harbour boatman", "ferrywoman"
        w.isalpha() and w.islower() and len(w) > 5 and w.endswith(("man", "woman")) for w in words
    )
    if _verb_in_role([w.lower().strip(".") for w in words]) or not (
        titled
        or occupation  # "Glaciologist", "Beekeeper"
        or any(part in ROLE_NOUNS for w in lowered for part in (w, *w.split("-")))
    ):
        return None
    return role


def _verb_in_role(words: list[str]) -> bool:
    """Whether a word of ``words`` (a role, lower case) is a verb, an auxiliary or a form of
    "be"; not a plain form before another word, which names what the role is of ("adult
    social care scrutiny committee", "state geologist", "press officer")."""
    return any(
        w in _VERBS
        and not (
            k + 1 < len(words)
            and w in CUE_VERB_FORMS
            and not w.endswith(("s", "ed", "ing"))
            and (k == 0 or words[k - 1] not in PRONOUNS)
        )
        for k, w in enumerate(words)
    )


#: A place or body a person is of or from, as an appositive gives it ("of the brokerage Tell
#: & Rowe", "from Kirkby Vale"): capitalised words after "of" or "from".
_PROVENANCE = re.compile(
    r"(?:of|from)\s+(?:the\s+(?:[a-z][\w-]*\s+){0,2})?[A-Z][\w’'&.-]*"
    r"(?:\s+(?:(?:of|and|for|the|&)\s+)*[A-Z][\w’'&.-]*)*"
)


#: A sentence's opening connective, which may run into a title or a name ("But Alderman").
OPENING_CONNECTIVE = re.compile(
    r"^(?i:but|and|so|yet|or|meanwhile|however|also|still|then|now|even|instead)\s+"
)


#: Abbreviated titles that make a role on their own ("Gov.", "Sen.", "Lt.").
_TITLE_ABBREVIATIONS = frozenset(
    "gov sen rep gen lt col maj capt sgt cpl adm cmdr supt det insp pres amb".split()
)


def check_claimant(key: str, claimant: str, text: str) -> tuple[str, bool] | None:
    """Why ``claimant`` cannot be the claimant of figure ``key`` (with whether to re-ask), or
    None. A claimant holding a digit repeats the figure instead of naming who gives it; one
    not named in the article is a guess or a clause. Re-asking cures neither in small models
    (on the held-out quote set every such re-ask failed three times over) and costs the whole
    prompt again, so both are dropped, not re-asked: the figure keeps the rules' claimant or
    none."""
    if _DIGIT.search(claimant):
        return f"{key}: '{claimant}' names no claimant", False
    if not grounded_name(claimant, text) and not grounded_phrase(claimant, text):
        return f"{key}: claimant '{claimant}' is not named in the article", False
    return None


def answer_check(text: str) -> AnswerCheck:
    """The ``AnswerCheck`` for the model's answer about one article: speakers ('Q…') are
    held to their candidates by the schema; claimants ('F…') must be grounded in ``text``
    (``check_claimant``)."""

    def check_item(key: str, value: Any) -> tuple[str, bool] | None:
        if not isinstance(value, str):
            return None
        if key[0] == "Q":
            return None  # a candidate id or "none", held to the quote's candidates by the schema
        if key[0] == "F":
            return check_claimant(key, value, text)
        return None

    return AnswerCheck(check_item=check_item)
