"""One canonical name per person or body across all sources.

"Rutte", "Mr Rutte", "Mark Rutte, Nato Secretary General" and "Nato Secretary-General Mark
Rutte" become "Mark Rutte"; "Zelensky" and "Volodymyr Zelenskyy" become one person. Pure.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from . import vocabulary
from .text import whole_words

# Words that name a role or an office rather than a person.
#: Words that end a personal name going leftwards, or make a phrase a body: titles and role
#: nouns, words naming bodies, articles and connectives of a title ("Secretary of State").
ROLE_WORDS = (
    vocabulary.ROLE_WORDS | vocabulary.BODY_WORDS | vocabulary.DETERMINERS | {"of", "and", "for"}
)
# Capitalised words that start sentences or name no one, never part of a name.
_NOT_NAME_WORDS = vocabulary.NOT_NAME_WORDS | vocabulary.PRONOUNS | vocabulary.NAME_DESCRIPTORS
_NOT_ROLES = vocabulary.DETERMINERS | vocabulary.HONORIFICS | {"of", "and", "for"}
_PARTICLES = vocabulary.NAME_PARTICLES
_ACRONYM = re.compile(r"[A-Z]{2,}")
#: A hyphened descriptor, never part of a name: "Gran-of-three", "Eighth-grader",
#: "Ex-soldier" (a surname's hyphened parts are each capitalised, "Okafor-Reyes"; a given
#: name's lower-case part is a short syllable, "Min-jun", "Seo-yeon").
_COMPOUND = re.compile(r"(?i:-(?:of|in|the|and|to|at|for|on)-|-\w+-\w+-)|^[A-Z][a-z]*-[a-z]{5,}$")
_WORD = re.compile(r"[\w’'.-]+")
#: A verb's contraction ("I'm", "We're", "I've", "Don't"): a clause's word, never a name's.
_CONTRACTION = re.compile(r"[’'](?:m|re|ve|ll|d|t)$")


def person_name(form: str) -> str | None:
    """The personal name inside a form ('Nato chief Mark Rutte' -> 'Mark Rutte'), or None."""
    head = vocabulary.without_post_nominals(form.split(",")[0])
    words = _WORD.findall(head)
    name: list[str] = []
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        lower = word.lower().strip(".")
        if lower in _PARTICLES and name:
            name.insert(0, word)
        elif (
            (name and re.fullmatch(r"[A-Z]\.", word))
            or (  # "A. Joseph Thomas": an initial
                word[:1].isupper()
                and lower not in ROLE_WORDS
                and lower not in _NOT_NAME_WORDS
                and not vocabulary.name_descriptor(word)  # "Great-gran Maureen Tolley"
                and not word.endswith(("’s", "'s"))  # "Acme's Jane Roe": the possessor is no name
                and not _CONTRACTION.search(word)  # "I'm Jane Roe": a clause, not a name
                and not _ACRONYM.fullmatch(word)  # "NATO", "BBC": a body, never a personal name
                and not _COMPOUND.search(word)  # "Gran-of-three": a phrase, not a name
            )
        ):
            name.insert(0, word)
        else:
            if lower in ("of", "for") and index and _institution(words[index - 1]):
                return None  # "The Halbrook Museum of World Cultures", "Department for …"
            if lower in ("and", "&") and any(
                words[k].lower() in ("of", "for") and _institution(words[k - 1])
                for k in range(1, index)
            ):
                return None  # "Ministry of Ports and Island Transport": one body's name
            if lower == "the" and index > 1 and words[index - 1].lower() == "of":
                if _institution(words[index - 2]):
                    return None  # "The Shipwrights’ Guild of the Upper Tamm"
            break
    while name and name[0].lower() in _PARTICLES:
        name.pop(0)
    initials = [k for k, w in enumerate(name) if re.fullmatch(r"[A-Z]\.", w)]
    if len(initials) >= 2 and initials[0] > 0 and initials[:2] == [initials[0], initials[0] + 1]:
        # "Waterways R. S. Kulkarni" of "Minister for … Shipping and Waterways R. S.
        # Kulkarni": a name of initials opens with them, a title's last word before them
        name = name[initials[0] :]
    if name and "&" in head[head.rfind(name[0]) :]:
        return None  # "Whitcombe & Sayre", "Harrowgate & Finch": a firm, never a person
    return " ".join(name) or None


#: Nouns heading an institution's name before 'of' ("Museum of …", "Federation of …").
_INSTITUTIONS = vocabulary.BODY_WORDS | frozenset(
    "museum gallery library academy society federation institution council friend campaign".split()
)


def _institution(word: str) -> bool:
    """Whether ``word`` (capitalised, before 'of') heads an institution's name."""
    return word[:1].isupper() and word.lower().rstrip("s") in _INSTITUTIONS


#: Endings of nouns for what someone does or where they are from ("Glaciologist", "Beekeeper",
#: "Ferryman", "Islander", "Historian"): a capitalised word with one of them, before a full
#: name, is a descriptor when the article also writes the name without it.
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "man", "eer", "ant", "ent", "ess")
#: Endings no first name has: a word with one of them before a name is always a descriptor.
_OCCUPATION_ENDINGS = vocabulary.OCCUPATION_ENDINGS


def descriptor_before(word: str, name: str, text: str) -> bool:
    """Whether the capitalised ``word`` written right before the full ``name`` (two words or
    more, as in "Glaciologist Hanna Lindqvist") is a common noun describing the person, not
    the first word of the name: an occupation ending no first name has ("-ist", "-ician",
    "-grapher"), or a noun of agent or origin ("Beekeeper", "Islander") when the article
    names the person without it elsewhere or writes the noun in lower case ("villagers").
    "Peter Oliver Smith" keeps "Peter" when the article never writes "Oliver Smith" alone:
    a first name is never written in lower case. ``text`` is the whole article."""
    lower = word.lower()
    if len(name.split()) < 2 or not word[:1].isupper() or not lower.isalpha() or len(lower) < 4:
        return False
    if lower in vocabulary.ROLE_WORDS or lower.endswith(_OCCUPATION_ENDINGS):
        return True
    if not lower.endswith(_AGENT_ENDINGS):
        return False
    forms = {lower, vocabulary.plural(lower)}
    if re.search(rf"(?<![\w’'-])(?:{'|'.join(sorted(forms))})(?![\w’'-])", text):
        return True  # written in lower case too: a common noun ("villagers")
    for m in whole_words(rf"{_name_pattern(name)}(?![\w’'-])", text, joiners="’'-"):
        before = re.split(r"\n|[.!?:;,“”\"(]\s*$", text[max(0, m.start() - 40) : m.start()])
        words = before[-1].split()
        previous = words[-1].strip("‘’'") if words else ""
        if not previous or not previous[:1].isupper() or previous.lower() in vocabulary.ROLE_WORDS:
            return True  # the name stands alone elsewhere (not after another first name)
    return False


def person_of(form: str) -> str | None:
    """The person a form names, or None for a body or description ('South Korea's
    National Intelligence Service' names no person, though it ends in a capitalised word)."""
    stripped = _HONORIFIC.sub("", form.split(",")[0].strip())
    person = person_name(stripped)
    if person and (len(person.split()) > 1 or person == stripped):
        return person
    return None


def _same_person(a: str, b: str) -> bool:
    """Names match when one's words are all in the other's (fuzzy, for spelling variants)."""
    wa, wb = a.split(), b.split()
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if len(short) == len(long) and len(short) > 1:
        return fuzz.ratio(a, b) >= 90
    return all(any(fuzz.ratio(s, w) >= 88 for w in long) for s in short)


def _without_article(name: str) -> str:
    """``name`` in lower case without a leading "the" ("The Kremlin" -> "kremlin")."""
    return re.sub(r"^the\s+", "", name.lower())


def _form(name: str) -> str:
    """A name form with white space and apostrophes made uniform."""
    return " ".join(name.replace("’", "'").split())


@dataclass
class Cluster:
    """The forms that name one entity, with counts and the sources using them."""

    key: str
    forms: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    sources: set[str] = field(default_factory=set)

    @property
    def name(self) -> str:
        if all(_TITLED_SURNAME.fullmatch(f) for f in self.forms):
            # "Mrs Quinn" where the story names no one Quinn in full, or several: as written
            return self.forms.most_common(1)[0][0]
        names = Counter({person_of(f) or f: 0 for f in self.forms})
        for form, count in self.forms.items():
            names[person_of(form) or form] += count
        full = [n for n in names if 2 <= len(n.split()) <= 4]
        pool = full or list(names)
        return max(pool, key=lambda n: (names[n], len(n.split()), -len(n)))

    @property
    def role(self) -> str | None:
        return self.roles.most_common(1)[0][0] if self.roles else None


#: A surname after a courtesy title alone ("Mrs Quinn", "Mr. Dale", "Dr Marsh").
_TITLED_SURNAME = re.compile(
    r"(?P<title>Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Lord|Lady)\.?\s+(?P<surname>[A-Z][\w’'-]+)"
)
#: The sex a courtesy title tells, where it tells one.
_SEX = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f",
        "lady": "f"}  # fmt: skip


#: A nickname an article declares for a person: inside the name in quote marks (Margaret
#: "Peggy" Oyelaran) or after it ("Tom Vale, 72, who goes by Sonny", "Ana Ruiz, known as
#: 'Nani'").
_NICKNAME_INSIDE = re.compile(
    r"\b(?P<given>[A-Z][a-z]+)[ \t]+[\"“‘'](?P<nick>[A-Z][a-z’'-]+)[\"”’'][ \t]+"
    r"(?P<surname>[A-Z][\w’'-]+)"
)
_NICKNAME_AFTER = re.compile(
    r"\b(?P<given>[A-Z][a-z]+)[ \t]+(?P<surname>[A-Z][\w’'-]+)(?:,[^,.;:\n]{1,60})?,[ \t]+"
    r"(?:who[ \t]+(?:goes|went)[ \t]+by|(?:better[ \t]+|universally[ \t]+)?known[ \t]+as"
    r"|nicknamed)[ \t]+[\"“‘']?(?P<nick>[A-Z][a-z’'-]+)\b"
)


def declared_nicknames(text: str) -> dict[str, str]:
    """The nicknames ``text`` declares, as the nickname and surname in lower case -> the
    full name ({"peggy oyelaran": "Margaret Oyelaran"}); a nickname given for two people is
    left out."""
    found: dict[str, set[str]] = {}
    for pattern in (_NICKNAME_INSIDE, _NICKNAME_AFTER):
        for m in pattern.finditer(text):
            given, nick, surname = m["given"], m["nick"], m["surname"]
            if (
                nick == given
                or given.lower() in vocabulary.ROLE_WORDS
                or nick.lower() in vocabulary.NOT_NAME_WORDS
                or surname.lower() in vocabulary.NOT_NAME_WORDS
            ):
                continue
            found.setdefault(f"{nick} {surname}".lower(), set()).add(f"{given} {surname}")
    return {key: names.pop() for key, names in found.items() if len(names) == 1}


class EntityIndex:
    """Groups name forms into entities; ``canonical(form)`` gives the entity's name.

    ``nicknames`` (``declared_nicknames``) join a nickname and surname ("Peggy Oyelaran") to
    the full name an article declares it for ("Margaret Oyelaran")."""

    def __init__(self, nicknames: dict[str, str] | None = None) -> None:
        self.clusters: list[Cluster] = []
        self._by_form: dict[str, Cluster] = {}
        self.nicknames = nicknames or {}

    def add(self, form: str, source: str, role: str | None = None) -> None:
        form = _form(form)
        if not form:
            return
        cluster = self._by_form.get(form) or self._find(form)
        if cluster is None:
            titled = _TITLED_SURNAME.fullmatch(form)
            cluster = Cluster(key=form.lower() if titled else person_of(form) or form.lower())
            self.clusters.append(cluster)
        cluster.forms[form] += 1
        cluster.sources.add(source)
        if role:
            cluster.roles[role] += 1
        elif "," in form:
            cluster.roles[form.split(",", 1)[1].strip()] += 1
        self._by_form[form] = cluster

    def _find(self, form: str) -> Cluster | None:
        person = person_of(form)
        full = self.nicknames.get(person.lower()) if person else None
        if full is not None:  # "Peggy Oyelaran" is the "Margaret Oyelaran" an article declares
            found = self._find(full)
            if found is None:
                found = Cluster(key=full)
                self.clusters.append(found)
            return found
        bare = _without_article(form)
        for cluster in self.clusters:
            # "Nato" and "NATO": one name in two house styles; "The Veldhaven Administrative
            # Court" and "Veldhaven Administrative Court": one body with or without its article
            if _without_article(cluster.key) == bare or any(
                _without_article(f) == bare for f in cluster.forms
            ):
                return cluster
        titled = _TITLED_SURNAME.fullmatch(form)
        if titled:
            # "Mrs Quinn": the one person of the story with that surname, never one "Mr Quinn"
            # names too; else itself alone ("Mr Quinn" is no "Mrs Quinn")
            sex = _SEX.get(titled["title"].lower().rstrip("."))
            full = [
                c
                for c in self.clusters
                if len(c.key.split()) > 1
                and person_of(c.key) == c.key
                and c.key.split()[-1] == titled["surname"]
            ]
            if len(full) == 1 and not (
                sex
                and any(
                    (t := _TITLED_SURNAME.fullmatch(f))
                    and _SEX.get(t["title"].lower().rstrip(".")) not in (None, sex)
                    for f in full[0].forms
                )
            ):
                return full[0]
            return None
        if person:
            same = [
                c
                for c in self.clusters
                if person_of(c.key) == c.key and _same_person(person, c.key)
            ]
            if len(same) > 1 and len(person.split()) == 1:
                return None  # "Tarrant" where Eleanor and Mark Tarrant are named: no one
            # a full name joins the full name it matches before a bare surname's cluster
            same.sort(key=lambda c: len(c.key.split()) < 2)
            if same:
                cluster = same[0]
                if len(person.split()) > len(cluster.key.split()):
                    cluster.key = person
                return cluster
            return None
        for cluster in self.clusters:
            if cluster.key == form.lower():
                return cluster
        return None

    def canonical(self, form: str | None) -> str | None:
        if not form:
            return None
        form = _form(form)
        cluster = self._by_form.get(form) or self._find(form)
        return cluster.name if cluster else form


# A speech verb left at the end of a name ("Rutte said"); lower case only, so a surname that
# is also a verb ("Sheila Grant", "Tom Hale") is never cut.
_SPEECH_TAIL = re.compile(
    rf"\s+(?:{vocabulary.word_alternation(vocabulary.SPEECH_VERB_FORMS)})\s*$"
)
_TITLES = vocabulary.HONORIFICS | vocabulary.TITLE_WORDS | vocabulary.ROLE_NOUNS
_HONORIFIC = re.compile(rf"^(?i:{vocabulary.word_alternation(_TITLES)})\.?\s+(?=[A-Z])")
_ROLE_TOKEN = re.compile(r"[A-Z][\w.’'-]*|[a-z][\w-]*")


#: A business's trade written before its name as a title ("Manufacturer Vantor Land
#: Systems", "Drugmaker Corvane Pharma"): no part of the name. Not "Bank of …" nor "Group
#: Captain", where the word opens a name.
_TRADE_BEFORE_NAME = re.compile(
    rf"^(?:{vocabulary.word_alternation(vocabulary.COMMERCIAL_HEADS - {'bank', 'group'})}"
    r"|[A-Z][a-z]+(?:maker|builder))\s+(?=[A-Z][\w’'&-]+(?:\s+[A-Z][\w’'&.-]+)*$)",
    re.I,
)


def resolve_person(name: str, text: str) -> tuple[str, str | None]:
    """The fullest form of a person's name in ``text`` and the role written before it.

    'Austin' -> ('Lloyd Austin', 'U.S. Defense Secretary') when the article says "U.S. Defense
    Secretary Lloyd Austin"; a name that is already full keeps its form. Bodies and
    descriptions ('a North Korean representative', 'The Kremlin') come back unchanged.
    """
    name = _TRADE_BEFORE_NAME.sub("", vocabulary.without_post_nominals(name))
    person = person_of(_SPEECH_TAIL.sub("", name.split(",")[0].strip()))
    if not person:
        bare = _SPEECH_TAIL.sub("", name)
        return body_in_description(bare) or bare, None  # a body or a description
    best, role = person, None
    fuller: set[str] = set()
    for match in whole_words(rf"{_name_pattern(person)}\b", text):
        if _inside_quotes(text, match.start()):
            continue  # a slogan or title: "Let Edna Keep Her Gnomes"
        window = text[max(0, match.start() - 80) : match.start()]
        # a nickname in quote marks between given name and surname is passed over: Ramon
        # "Bong" Dizon-Villareal
        window = re.sub(
            r"(?<=[A-Za-z.])[ \t]+[\"“‘'][A-Z][\w’'-]*(?:[ \t][\w’'-]+){0,2}[\"”’'][ \t]+$",
            " ",
            window,
        )
        # a name never joins across a clause mark, a sentence end, a dash or a line break
        # (an initial or an honorific's full stop ends no sentence: "Dr. P. Raghavendra")
        lead = re.split(
            r"[,;:()“”\"\n]|(?<!\b[A-Z])(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bProf)(?<!\bSmt)"
            r"[.!?]\s|\s[-–—]\s?|[–—]",
            window,
        )[-1]
        before = lead.split()[-6:]
        if match.start() > 80 and before and len(lead.split()) == len(window.split()):
            before = before[1:]  # the window may start mid-word
        found = person_name(" ".join([*before, match.group()])) or person
        after = re.match(rf"(?:[ \t]+{vocabulary.NAME_WORD}){{1,2}}\b", text[match.end() :])
        # only after a title ("President Yoon Suk Yeol"): "Tarn Brie and Fellside Blue" or
        # "the Fellside plant" names something else than "Fellside"
        if after and before and before[-1].lower() in vocabulary.ROLE_WORDS and found == person:
            found = person_name(match.group() + after.group()) or found  # President Yoon Suk Yeol
        titled_of = [
            k
            for k, w in enumerate(before[:-1])
            if w in ("of", "for") and k and _titled(before[k - 1])
        ]
        lead = [] if len(match.group().split()) > 1 else before[-1:]
        if titled_of and len(found.split()) > len(match.group().split()) + len(lead):
            # "Keeper of World Cultures Simon Ferrier", "Minister for Health Paul Grey": a
            # title with "of" or "for" runs on in capitals; the name is the match and, for a
            # surname, the word before it
            found = " ".join([*lead, match.group()])
        words = found.split()
        bodies = [k for k, w in enumerate(words[:-1]) if _bare(w).removesuffix("s") in _BODY_WORDS]
        if bodies:  # "Director of Primary Care Services Gareth Lyle": the name follows the body
            found = " ".join(words[bodies[-1] + 1 :]) or found
        head, _, rest = found.partition(" ")
        if len(found.split()) >= 3 and _bare(head) in vocabulary.ROLE_PLURALS:
            found, head, rest = rest, *rest.partition(" ")[::2]  # "Administrators Pellow Grant"
        if len(found.split()) >= 3 and descriptor_before(head, rest, text):
            found = rest  # "Glaciologist Hanna Lindqvist": the word is a role, not a name
        if len(found.split()) > len(person.split()):
            fuller.add(found)
        if len(found.split()) > len(best.split()) or (
            len(found.split()) == len(best.split()) and role is None
        ):
            # only a form that may win is worth its role (a long article names one person
            # thousands of times)
            start = text.rfind(found.split()[0], 0, match.end())
            found_role = _role_before(text, start) if start >= 0 else None
            best, role = found, found_role or role
    honorific = re.match(r"\s*(Mr|Mrs|Ms|Miss)\.?\s", name)
    if honorific and len(person.split()) == 1 and best != person:
        # "Mrs Creagh" is not "Paddy Creagh" where the article tells he is a man ("Paddy
        # Creagh, 71, and his wife"): the honorific's sex against the full name's
        sex, told = _sex_of(best, text), _GENDERED[honorific.group(1).lower()]
        others = {  # "Mr Creagh" and "Ms Creagh" both: two people, one named in full
            _GENDERED[m.group(1).lower()]
            for m in re.finditer(rf"\b(Mr|Mrs|Ms|Miss)\.?[ \t]+{re.escape(person)}\b", text)
        }
        if (sex is not None and sex != told) or (sex is None and len(others) > 1):
            return f"{honorific.group(1)} {person}", None
    if len({f.split()[0] for f in fuller}) > 1 and len(person.split()) == 1:
        # two people share the surname: the one a title before it goes with ("Dr Okoro" where
        # only "Dr Ada Okoro" is a doctor), else the name as given
        given = name.split(",")[0].strip()
        titled = _titled_bearer(given.split()[0], person, text) if " " in given else None
        return resolve_person(titled, text) if titled else (given, None)
    if best == person:
        # a first name alone ("Barry") or a short name ("Brightwell") the article gives in
        # full once ("Barry Stokes", "Brightwell Toys"): the full form, when only one
        after = {
            re.sub(r"[’']s$", "", m.group(1))  # "Gary Tolland’s bakery"
            for m in re.finditer(
                # a nickname may stand between: Maureen "Queenie" Bassett
                rf"\b{re.escape(person)}[ \t]+(?:[\"“‘'][^\"”’'\n]{{1,20}}[\"”’'][ \t]+)?"
                rf"({vocabulary.NAME_WORD})\b",
                text,
            )
            if m.group(1).lower() not in vocabulary.NOT_NAME_WORDS
            # not an item of a list or a place ("Hill Gold and Ashby Blue", "boats from
            # Silver Harbour and Kestrel Bay"): something else that shares the word; a
            # possessive is a person's ("ran to Gary Tolland’s bakery")
            and (
                not re.search(
                    r"(?:\band|\bor|&|\b(?:from|of|in|at|to|near))\s*$", text[: m.start()]
                )
                or re.search(r"[’']s$", m.group(1))
                # a body's name is a body's after "of" too: "the permit of Trundle Robotics"
                or m.group(1).lower() in vocabulary.ORGANISATION_WORDS
            )
            and not re.match(r"\s+(?:and|or|&)\b", text[m.end() :])
            and not _inside_quotes(text, m.start())  # a slogan: "Let Edna Keep Her Gnomes"
            # a name of two words or more runs on only into a body's word: "Vale Crest
            # Dairies", never "Ana Ruiz Garcia" guessed from another person
            and (len(person.split()) == 1 or m.group(1).lower() in vocabulary.ORGANISATION_WORDS)
        }
        titled = re.search(  # "Mr Smith", "Cllr Smith": a surname, never a first name
            rf"\b(?:{'|'.join(vocabulary.HONORIFICS | vocabulary.TITLE_WORDS)})\.?[ \t]+"
            rf"{re.escape(person)}\b",
            text,
            re.I,
        )
        if len(after) == 1 and titled is None:
            longer = f"{person} {after.pop()}"
            organisation = longer.split()[-1].lower() in vocabulary.ORGANISATION_WORDS
            best = person_name(longer) or (longer if organisation else best)  # "Trundle Robotics"
            role = role or _role_before(text, text.find(longer))
    if role and vocabulary.name_descriptor(role) and role.lower() not in _PARTY_LABELS:
        role = None  # "Widow Edna Pask", "Mum Kerry": a description, not a role
    best = _TRADE_BEFORE_NAME.sub("", best)  # "Manufacturer Vantor Land Systems" is the maker
    return best, _with_appositive(role, best, text)


def _with_appositive(title: str | None, person: str, text: str) -> str | None:
    """The role of ``person``: the role written before the name (``title``), its abbreviated
    titles spelled out ("Supt." -> 'superintendent': ``vocabulary.spelled_title``), or the
    appositive after the name (``_appositive_role``) where there is none. A bare title
    ("Capt.", "Senator", "State Rep.") gives way to an appositive that holds its word
    ("Sen. Ann Roe, senator for Tarn,") and is joined to one that does not, a party label
    before it ("Rep. Joe Hale, a Democrat who chairs the transit panel," -> 'Democrat
    representative; chair of the transit panel')."""
    if title and not _bare_title(title):
        return vocabulary.spelled_title(title)
    after = _appositive_role(person, text)
    if not title or not after:
        return vocabulary.spelled_title(title) if title else after
    spelled = vocabulary.spelled_title(title).lower()
    if spelled.split()[-1] in after.lower().split():
        return after
    first, _, rest = after.partition(" ")
    if first.lower() in _PARTY_LABELS and rest:
        return f"{first} {spelled}; {rest}"
    return f"{spelled}; {after}"


def _bare_title(role: str) -> bool:
    """Whether ``role`` is only a title written before a name, a rank or an office of at
    most three capitalised title words ("Supt.", "Captain", "State Rep.", "Chief Executive"),
    naming no body or place ("Harbour Board chairman" is no bare title)."""
    words = role.split()
    return len(words) <= 3 and all(
        w[:1].isupper()
        and (
            (lower := w.lower().rstrip(".")) in vocabulary.TITLE_ABBREVIATIONS
            or lower in vocabulary.TITLE_WORDS
            or lower in _ROLE_NOUN_SET
        )
        for w in words
    )


#: Party labels before a name ("Democrat Ana Ruiz"): a role, unlike the kinship words and
#: epithets of ``vocabulary.NAME_DESCRIPTORS``.
_PARTY_LABELS = frozenset({"democrat", "republican", "tory", "libertarian"})


#: A body named inside a description of it: "The main opposition Civic Union party", "the
#: KSO trade union confederation", "the Hallam Zoo Friends society". Lower-case words,
#: then the capitalised name, then lower-case nouns ending in one for a body.
_DESCRIBED_BODY = re.compile(
    r"(?i:the|a|an)\s+(?:[a-z][\w’'-]*\s+){0,4}"
    r"(?P<name>(?:[A-Z][\w’'&.-]*\s+){0,4}[A-Z][\w’'&.-]*)"
    r"(?P<noun>(?:\s+[a-z][\w-]*){1,3})"
)
#: Head nouns of such a description; "company", "firm" and the like are left to the
#: article-wide lookup of businesses.
_DESCRIBED_BODY_HEADS = vocabulary.BODY_WORDS | frozenset(
    """society charity campaign confederation coalition lobby collective cooperative
    co-operative consortium syndicate""".split()
)


def body_in_description(form: str) -> str | None:
    """The name of the body a description of it holds ("The main opposition Civic Union
    party" -> "Civic Union", "the KSO trade union confederation" -> "KSO"), or None: the
    form is no such description (its last word is no noun for a body, the name is a
    possessor's: "the Playhouse's patron"). Pure."""
    found = _DESCRIBED_BODY.fullmatch(form.strip())
    if found is None:
        return None
    if found.group("noun").split()[-1].lower() not in _DESCRIBED_BODY_HEADS:
        return None
    name = found.group("name")
    return None if name.endswith(("’s", "'s")) else name


def _inside_quotes(text: str, at: int) -> bool:
    """Whether ``at`` falls inside double quotation marks opened earlier on its line."""
    line = text[text.rfind("\n", 0, at) + 1 : at]
    return line.count("“") > line.count("”") or line.count('"') % 2 == 1


_ROLE_NOUN_SET = vocabulary.ROLE_NOUNS


def _appositive_role(person: str, text: str) -> str | None:
    """The role an appositive gives right after the name: "Rachel Kim, chief executive of
    Brightwater Energy, said" gives 'chief executive of Brightwater Energy'; only a short
    phrase (at most ten words) holding a role noun, never a clause. An age before it is
    passed over ("Tom Reed, 52, a retired welder,"); a relative clause after a role is
    dropped ("a father of two who …" -> 'father of two') and one that says what the person
    does is the role (``_relative_role``: "who chairs the Ports Board" -> 'chair of the
    Ports Board'); a place or body the person is of or from is one ("Ann Lee, of the
    brokerage Tell & Rowe", "Joe Ash, 41, from Kirkby Vale")."""
    for match in whole_words(rf"{_name_pattern(person, nickname=True)}\b,[ \t]+", text):
        rest = text[match.end() : match.end() + 160]
        phrase = _first_clause(rest)
        if _AGE.fullmatch(phrase):  # "Tom Reed, 52, a retired welder": the age is no role
            after = rest[len(phrase) :]
            if not after.startswith(","):
                continue
            phrase = _first_clause(after[1:].lstrip(" \t"))
        found = _appositive_phrase(phrase)
        if found is not None:
            return found
    return None


#: An age in apposition: "52", "aged 52".
_AGE = re.compile(r"(?:aged\s+)?\d{1,3}")


def _first_clause(text: str) -> str:
    """``text`` up to its first clause mark, sentence end or dash (an initial's full stop
    ends nothing: "president of the B.C. Nurses' Union"), stripped."""
    return re.split(r"[,;:()“”\"\n]|(?<![\s.][A-Z])\.|\s[-–—]\s", text)[0].strip()


def _appositive_phrase(phrase: str) -> str | None:
    """``phrase``, an appositive after a name, as a role (``_appositive_role``), or None.

    "the state epidemiologist" -> 'state epidemiologist'; "a mother of two whose eldest …"
    -> 'mother of two'; "a Democrat who chairs the Ports Board" -> 'Democrat chair of the
    Ports Board'; "who founded the charity Kind Streets" -> 'founder of Kind Streets'; "of
    the brokerage Tell & Rowe" stays as written; "who lives nearby", "said on Monday" ->
    None."""
    # a second description joined on ("chair of the Rota Club and a keen sailor"): the first
    phrase = re.split(r"\s+and\s+(?:a|an|the)\s+", phrase)[0]
    words = phrase.split()
    if not words:
        return None
    first = words[0].lower()
    if first in ("who", "whose"):
        return _relative_role(phrase)
    if first in ("of", "from"):
        return phrase if _PROVENANCE.fullmatch(phrase) else None
    head, relative, clause = (
        *re.split(r"\s+(who|whose|which|that)\s+", phrase, maxsplit=1),
        "",
        "",
    )[:3]
    role = _role_of_phrase(head)
    if role is not None or relative not in ("who", "whose"):
        return role
    # "a Republican who chairs the House rules panel": the party is said with the role
    described = _relative_role(f"{relative} {clause}")
    label = re.sub(r"^(?:a|an)\s+", "", head)
    if described and label.lower() in _PARTY_LABELS:
        return f"{label} {described}"
    return described


def _role_of_phrase(phrase: str) -> str | None:
    """``phrase`` without its article when it is a role: at most ten words, no verb, a role
    noun in it or an occupation before its first preposition ("a pediatric pulmonologist at
    …"); None otherwise."""
    words = phrase.split()
    if not words or len(words) > 10 or words[0].lower() in ("who", "which", "whose", "said"):
        return None
    if words[0].lower() in vocabulary.PRONOUNS or words[0].lower().endswith(("self", "selves")):
        return None  # "herself a grandmother": what she is besides, no role
    lowered = [_bare(w) for w in words]
    if _verb_among(words):  # "chair of the Arden Appeal": a capitalised word is a name
        return None
    head = next(
        (k for k, w in enumerate(lowered) if k and w in vocabulary.PREPOSITIONS), len(lowered)
    )
    if any(
        w in _ROLE_NOUN_SET
        or w.split("-")[0] in _ROLE_NOUN_SET
        or w.split("-")[-1] in _ROLE_NOUN_SET
        for w in lowered
    ) or any(
        _occupation(w) for w in lowered[:head]
    ):  # "chief-executive", "vice-president"; "a pediatric pulmonologist at …"
        return re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(), flags=re.I)
    return None


#: A place or body a person is of or from, in apposition: "of the brokerage Tell & Rowe",
#: "from Kirkby Vale"; never "of course", "from Monday", "from the start".
_PROVENANCE = re.compile(
    r"(?:of|from)\s+(?:the\s+(?:[a-z][\w-]*\s+){0,2})?"
    rf"(?!(?i:{'|'.join(vocabulary.WEEKDAYS + [m.lower() for m in vocabulary.MONTHS])})\b)"
    r"[A-Z][\w’'&.-]*(?:\s+(?:of\s+|and\s+|&\s+|for\s+)?[A-Z][\w’'&.-]*){0,4}"
)

#: Verbs of a relative clause that say what someone does ("who chairs the …", "who founded
#: …"), and the role noun for the doer. A past form of an office held for a time says it
#: was held ("who led the union until 2019": former leader); founding lasts.
_DOER_OF = {
    "chairs": "chair", "co-chairs": "co-chair", "heads": "head", "leads": "leader",
    "directs": "director", "manages": "manager", "owns": "owner", "coaches": "coach",
    "edits": "editor", "organises": "organiser", "organizes": "organizer",
    "co-owns": "co-owner", "teaches": "teacher", "founded": "founder",
    "co-founded": "co-founder", "chaired": "former chair", "headed": "former head",
    "led": "former leader", "directed": "former director", "managed": "former manager",
}  # fmt: skip
#: Words for a child of the person a "whose" clause is about ("whose son attends …").
_CHILD_WORDS = frozenset(
    "son daughter child children kids boy girl sons daughters youngest eldest oldest".split()
)


def _relative_role(clause: str) -> str | None:
    """The role a relative clause after a name says the person holds, or None.

    "who chairs the Ports Board" -> 'chair of the Ports Board'; "who teaches at Elm Road
    School" -> 'teacher at Elm Road School'; "who founded the charity Kind Streets" ->
    'founder of Kind Streets' (the kind of body before its name is dropped); "whose
    daughter attends Elm Road School" -> 'parent at Elm Road School'; "whose son was hurt"
    -> 'parent'; "who lives nearby" -> None. At most eight words."""
    words = clause.split()
    if len(words) < 2:
        return None
    if words[0].lower() == "whose":
        if words[1].lower() not in _CHILD_WORDS:
            return None
        school = re.match(
            r"(?:attends?|goes\s+to|go\s+to|is\s+a\s+pupil\s+at|studies\s+at)\s+"
            r"((?:[A-Z][\w’'.-]*\s+){0,5}[A-Z][\w’'.-]*)",
            " ".join(words[2:]),
        )
        return f"parent at {school.group(1)}" if school else "parent"
    doer = _DOER_OF.get(words[1].lower())
    if words[0].lower() != "who" or doer is None:
        return None
    object_words: list[str] = []
    for word in words[2:]:
        lower = word.lower()
        if (
            object_words
            and (
                lower in ("and", "since", "until", "when", "because", "after", "before")
                or (word.islower() and lower.endswith(("ed", "ing")))
                # where a named body is: "who owns Tide Café on Quay Street"
                or (lower in ("in", "on", "near") and object_words[-1][:1].isupper())
            )
        ):
            break  # "a parents' group opposed to …", "… and is vaccinated"
        object_words.append(word)
    if not object_words:
        return None
    thing = " ".join(object_words)
    # "the charity Kind Streets": the body's name says it
    thing = re.sub(r"^(?:the|a|an)\s+(?:[a-z][\w-]*\s+){1,2}(?=[A-Z])", "", thing)
    role = f"{doer} {thing}" if object_words[0].lower() in ("at", "in") else f"{doer} of {thing}"
    return role if len(role.split()) <= 8 else None


_BODY_WORDS = vocabulary.BODY_WORDS


def _titled(word: str) -> bool:
    """A role or title word, or an occupation by its ending ("Keeper", "Curator")."""
    lower = _bare(word)
    return lower in vocabulary.ROLE_WORDS or (
        lower.isalpha() and lower.endswith(vocabulary.OCCUPATION_ENDINGS)
    )


def _bare(word: str) -> str:
    """``word`` in lower case without a possessive ending or surrounding punctuation
    ("president's" -> "president"; "said" stays "said", "spokesman" stays whole)."""
    return re.sub(r"[’']s?$", "", word.lower().strip(',;:()“”"‘'))


def _name_pattern(person: str, nickname: bool = False) -> str:
    """A pattern of ``person``'s words; with ``nickname``, a nickname in quote marks may
    stand between them (Margaret "Peggy" Oyelaran)."""
    joiner = r"(?:\s+[\"“‘'][A-Z][\w’'-]*[\"”’'])?\s+" if nickname else r"\s+"
    return joiner.join(re.escape(word) for word in person.split())


def _occupation(word: str) -> bool:
    """A lower-case noun for what someone does: "keeper", "boatman", "ferrywoman"."""
    return (
        word.isalpha()
        and len(word) > 5
        and word.endswith((*_OCCUPATION_ENDINGS, "man", "woman"))
        and word not in vocabulary.NOT_NAME_WORDS
    )


#: Words for someone's kin or partner, before "of" and the person they are kin to ("the
#: wife of Councillor Tom Ridley", "the son of Senator Ann Roe"): the other person's words.
_KIN_OF = frozenset(
    """wife husband partner spouse widow widower son daughter child children mother father
    parent parents brother sister grandson granddaughter grandmother grandfather aunt uncle
    niece nephew cousin fiance fiancee girlfriend boyfriend""".split()
)


def _role_before(text: str, position: int) -> str | None:
    """Role words right before a name: 'NATO Secretary General', 'Kremlin spokesperson'; an
    office heading a record's turn with its holder in brackets: 'The First Minister (Ann
    Roe):' gives 'First Minister'."""
    window = text[max(0, position - 80) : position]
    office = _OFFICE_HEADING.search(window)
    if office and _bare(office["office"].split()[-1]) in _ROLE_NOUN_SET:
        return office["office"]
    words = re.split(r"\n|\s[-–—]\s?|[–—]", window)[-1].split()
    if position > 80 and words and len(words) == len(window.split()):
        words = words[1:]  # the window may start mid-word: never a role cut mid-word
    role: list[str] = []
    for k in range(len(words) - 1, -1, -1):
        word = words[k]
        bare = word.strip(',;:()“”"')
        if bare != word.rstrip() or not bare:
            break
        title = bare.lower().rstrip(".") in vocabulary.TITLE_WORDS | vocabulary.HONORIFICS
        if bare.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.){2,}", bare) and not title:
            break  # the end of the previous sentence ("Gov.", "Sen." are titles)
        lower = bare.lower()
        if not role and lower.rstrip(".") in vocabulary.HONORIFICS:
            continue  # "Municipal Commissioner Dr. P. Shastry": the honorific is no role
        if lower in ("of", "for") and role and len(role) < 5:
            if k > 0 and words[k - 1].lower() in _KIN_OF:
                break  # "the wife of Councillor Tom Ridley": his title alone is his role
            role.insert(0, bare)  # "Keeper of World Cultures", "Minister for Health"
            continue
        if lower in _NOT_ROLES or bare.endswith(("’s", "'s")):
            break
        if bare == "&" and role and k > 0 and words[k - 1][:1].isupper():
            role.insert(0, bare)  # "Tallow & Finch Chief Executive": a firm's name holds it
            continue
        if lower in ROLE_WORDS or bare[:1].isupper() or (not role and _occupation(lower)):
            role.insert(0, bare)
        elif (
            role
            and len(role) < 3
            and bare.isalpha()
            and bare.islower()
            and lower not in _NOT_ROLES
            and k > 0
            and words[k - 1].lower().strip(',;:()“”"') in vocabulary.ORGANISATION_WORDS
            and words[k - 1][:1].isupper()
        ):
            # "Agency area manager", "Council planning officer": the body's own title, with
            # the word that says which of its managers or officers
            role.insert(0, bare)
        elif role and _modifies_role(words, k, role):
            role.insert(0, bare)  # "Local travel agent", "the nursing director"
        else:
            break
        if len(role) >= 6:
            break
    while (
        len(role) > 1
        and (last := role[-1].lower().rstrip(".")) in _TITLE_ABBREVIATIONS
        # "Labour Cllr Ann Lowe": a party or a place before it makes the title the role
        and (last not in vocabulary.TITLE_ABBREVIATIONS or _bare(role[-2]) in ROLE_WORDS)
    ):
        role.pop()  # "council leader Cllr Peter Ashdown": the role is "council leader"
    while (
        len(role) > 1
        and role[-1].lower().rstrip(".") in _FORMS_OF_ADDRESS
        and role[-2].islower()
        and role[-2] in _ROLE_NOUN_SET - vocabulary.TITLE_WORDS
    ):
        role.pop()  # "party leader Councillor Ann Lowe": her title of address is no role
    while role and role[0].lower() in _OPENING_PREPOSITIONS:
        role.pop(0)  # "For skipper Arne Halvorsen, …": a sentence's preposition, no title
    if not role:
        return _role_in_commas(window)
    title = " ".join(role)
    if _bare_title(title):
        # "The board's chair, Councillor Ann Lowe": the role in commas before the title says
        # what she is; the title goes with it
        at = re.search(r"\s+".join(re.escape(w) for w in role) + r"\s*$", window)
        before = _role_in_commas(window[: at.start()]) if at else None
        if before:
            return f"{vocabulary.spelled_title(title).lower()}; {before}"
    return title


#: An office opening a line, its holder's name in brackets after it: "The First Minister (".
_OFFICE_HEADING = re.compile(
    r"(?:^|\n)[ \t]*(?:The[ \t]+)?(?P<office>[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*){0,3})[ \t]*\($"
)
#: Prepositions that open a sentence in capitals before a role and a name ("For skipper Arne
#: Halvorsen", "To Mayor Ann Lowe"): never part of the role.
_OPENING_PREPOSITIONS = frozenset("for to with from at in on by of as like".split())
#: Honorifics and abbreviated titles that stand right before a name after its role.
_TITLE_ABBREVIATIONS = vocabulary.HONORIFICS | {
    "cllr", "clr", "cr", "ald", "hon",
    # honorifics written out: "Parish priest Father Tom Ede"
    "doctor", "father", "reverend", "sister", "brother",
}  # fmt: skip


_ROLE_DETERMINERS = frozenset("the a an its his her their our".split())
#: Titles a person is addressed by before their name, abbreviated or written out
#: ("Councillor", "Cllr", "Senator", "Sen."): after a role in lower case ("party leader
#: Councillor Ann Lowe") the role is what comes before.
_FORMS_OF_ADDRESS = frozenset(vocabulary.TITLE_ABBREVIATIONS) | frozenset(
    vocabulary.TITLE_ABBREVIATIONS.values()
)


def _modifies_role(words: list[str], k: int, role: list[str]) -> bool:
    """Whether ``words[k]``, a lower-case word before the role words ``role`` found after
    it, says which such role ("travel" of "Local travel agent", "nursing" of "the nursing
    director"): the role opens with a role noun in lower case, and the word and at most one
    more lower-case word like it stand right after a capitalised word or an article, none a
    verb, a function word or a pronoun ("told travel agent" is no role of "told")."""
    if not role[0].islower() or _bare(role[0]) not in _ROLE_NOUN_SET | vocabulary.ROLE_WORDS:
        return False

    def modifier(word: str) -> bool:
        return (
            word.isalpha()
            and word.islower()
            and word not in _NOT_ROLES | _ROLE_DETERMINERS | _OPENING_PREPOSITIONS
            and word not in vocabulary.PRONOUNS | vocabulary.NOT_NAME_WORDS
            and word not in vocabulary.SPEECH_VERB_FORMS | vocabulary.BE_FORMS
            and word not in vocabulary.PREPOSITIONS | {"and", "or", "but", "as", "than"}
            and not word.endswith(("ed", "ly"))
        )

    j = k
    while j >= 0 and k - j < 2 and modifier(words[j]):
        j -= 1
    if j == k or j < 0:
        return False  # a window's first words may be a sentence's middle
    before = words[j].strip(',;:()“”"')
    if before != words[j]:
        return False
    return before.lower() in _ROLE_DETERMINERS or (
        before[:1].isupper()
        and not before.endswith(".")
        and before.lower() not in vocabulary.NOT_NAME_WORDS  # "Yesterday area manager"
    )


_STANCE_VERB_FORMS = frozenset(f for f in vocabulary.stance_verb_forms() if " " not in f)


def _verb_among(words: list[str]) -> bool:
    """Whether a lower-case word of ``words`` is a verb: a speech or stance verb ("said",
    "condemned"), a form of "be", or a past form with an object ("union fined the owner");
    not a noun that looks like one after an article ("the state epidemiologist")."""
    bare = [_bare(w) if w[:1].islower() else "" for w in words]
    # no verb stands right after an article: "the state epidemiologist", "a press officer"
    verbs = {
        w
        for k, w in enumerate(bare)
        if not (k and bare[k - 1] in _ROLE_DETERMINERS and not w.endswith("ed"))
    }
    if verbs & (vocabulary.SPEECH_VERB_FORMS | vocabulary.BE_FORMS | _STANCE_VERB_FORMS):
        return True
    pairs = zip(bare, bare[1:], strict=False)
    return any(w.endswith("ed") and nxt in _ROLE_DETERMINERS for w, nxt in pairs)


def _role_in_commas(window: str) -> str | None:
    """A role set off before the name: "Its chief executive, Mark Dale," or "Ruiz's
    spokesman, Tom Ng," gives the phrase before the comma, when it holds a role noun and
    opens its clause."""
    if not window.rstrip(" \t").endswith(","):
        return None
    phrase = re.split(r"[.!?;:()“”\"\n]|,", window.rstrip(" \t")[:-1])[-1].strip()
    phrase = re.sub(r"^\d+\s+", "", phrase)  # the minutes of a live blog's "06:52"
    words = phrase.split()
    determiners = [k for k, w in enumerate(words) if w.lower() in _ROLE_DETERMINERS]
    # the noun phrase before the name, from its first determiner that opens a role with no
    # verb in it: "an adviser to the president's office" (not "the president's office"),
    # "We asked the headteacher" gives "the headteacher"
    for start in determiners or [0]:
        found = _role_phrase(words[start:])
        if found is not None:
            return found
    return None


def _role_phrase(words: list[str]) -> str | None:
    """``words`` as a role: at most eight words, no verb, a role noun heading it (before its
    first preposition) or ending it; without its opening determiner."""
    if not words or len(words) > 8 or _verb_among(words):
        return None
    if any(
        w in ("and", "or") and k + 1 < len(words) and words[k + 1][:1].islower()
        for k, w in enumerate(words)
    ):
        return None  # "… of the program and his lawyer": two clauses' words, not one role
    lowered = [_bare(w) for w in words]
    head = next((k for k, w in enumerate(lowered) if k and w in vocabulary.PREPOSITIONS), None)
    nouns = lowered[:head] if head is not None else lowered[-2:]
    if not any(w in vocabulary.ROLE_NOUNS for w in nouns):
        return None
    return re.sub(r"^(?:the|a|an|its|his|her|their)\s+", "", " ".join(words), flags=re.I)


#: Honorifics that tell a man from a woman ("Mr Denning" is not "Ms Denning").
_GENDERED = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}


def shared_surname_referent(form: str, text: str, at: int) -> str | None:
    """The full name a surname shared by two or more people of ``text`` stands for at
    offset ``at`` ("Vance", "Ms Denning"), or None where the article does not tell.

    News copy introduces each person by full name and then uses the surname, so a form
    stands for the one person of that surname introduced before its first use; later uses
    of the same form ("Ms Denning" again) keep that person. Where two share the surname and
    one gendered honorific is already theirs, the other honorific ("Mr Denning" after "Ms
    Denning") stands for the other. A form whose first use comes after both introductions
    and that no contrast settles stays unresolved: a wrong speaker is worse than none.
    Pure; never raises."""
    person = person_name(form)
    if not person or len(person.split()) != 1:
        return None
    introduced = _introduced(text, person)
    if len(introduced) < 2:
        return None
    bindings = _surname_bindings(text, person, introduced)
    key = _surname_form(form, person)
    found = [(start, name) for (k, start), name in bindings.items() if k == key and start <= at]
    bound = max(found) if found else None
    before = sorted((start, name) for name, start in introduced.items() if start < at)
    if before and (bound is None or (before[-1][1] != bound[1] and before[-1][0] > bound[0])):
        # another bearer introduced since the form was bound, or both before its first use:
        # the one introduced in the form's own paragraph, alone there, is meant ("Farmer
        # Mark Tarrant … said. '…,' Tarrant said."); elsewhere the binding holds
        start, name = before[-1]
        paragraph = text.rfind("\n", 0, at) + 1
        here = {n for s, n in before if s >= paragraph}
        if start >= paragraph and len(here) == 1:
            return name
    return bound[1] if bound else None


def titled_surname_referent(surname: str, text: str, at: int) -> str | None:
    """The one person a title before a shared surname at offset ``at`` names ("Mayor
    Harrowby" -> "Glenys Harrowby" where the article wrote "Mayor Glenys Harrowby" and "Cr
    Doug Harrowby"), or None: no title there, or the title goes with no one or with
    several of that surname. Pure."""
    before = re.search(r"([A-Z][\w.]*)[ \t]+$", text[max(0, at - 40) : at])
    return _titled_bearer(before.group(1), surname, text) if before else None


#: Titles before a surname that tell its bearer by what the article writes before the full
#: names: roles, ranks and honorifics that tell no sex ("Dr", "Prof"; "Mr" and "Ms" are told
#: apart in order: ``shared_surname_referent``).
_BEARER_TITLES = vocabulary.ROLE_WORDS | (vocabulary.HONORIFICS - set(_GENDERED))


def _titled_bearer(title: str, surname: str, text: str) -> str | None:
    """The one full name ``text`` writes after ``title`` with ``surname`` ("Dr" and "Okoro"
    -> "Ada Okoro" where the article writes "Dr Ada Okoro" and "Ben Okoro", never "Dr Ben
    Okoro"), or None: no such title, or none or several so written. Pure."""
    if title.lower().rstrip(".") not in _BEARER_TITLES:
        return None
    named = {
        f"{m.group(1)} {surname}"
        for m in re.finditer(
            rf"\b{re.escape(title.rstrip('.'))}\.?[ \t]+({vocabulary.NAME_WORD})[ \t]+"
            rf"{re.escape(surname)}\b",
            text,
        )
    }
    return named.pop() if len(named) == 1 else None


def shares_surname(surname: str, text: str) -> bool:
    """Whether ``text`` introduces two or more people by ``surname`` with different given
    names ("Glenys Harrowby", "Doug Harrowby"): the surname alone then names no one. Pure."""
    return len(_introduced(text, surname)) > 1


def _introduced(text: str, surname: str) -> dict[str, int]:
    """``{full name: offset of its first use}`` of the people ``text`` names with
    ``surname`` after a given name (not a title: "Mayor Harrowby")."""
    introduced: dict[str, int] = {}
    pattern = rf"(?<!\w)({vocabulary.NAME_WORD})[ \t]+{re.escape(surname)}\b"
    for match in re.finditer(pattern, text):
        given = match.group(1)
        lower = given.lower().rstrip(".")
        if lower in vocabulary.ROLE_WORDS or lower in _NOT_NAME_WORDS or given.endswith("s’"):
            continue
        introduced.setdefault(f"{given} {surname}", match.start(1))
    return introduced


def _surname_form(form: str, surname: str) -> str:
    honorific = re.match(r"\s*(mr|mrs|ms|miss)\b\.?", form, re.I)
    return f"{honorific.group(1).lower()} {surname}" if honorific else surname


def _surname_bindings(
    text: str, surname: str, introduced: dict[str, int] | None = None
) -> dict[tuple[str, int], str]:
    """``{(form, offset of its first use): full name}`` for the uses of ``surname`` alone or
    after an honorific, in the order the article makes them (``shared_surname_referent``);
    ``introduced``: ``_introduced(text, surname)`` where the caller has it."""
    introduced = _introduced(text, surname) if introduced is None else introduced
    if len(introduced) < 2:
        return {}
    bound: dict[str, str] = {}
    out: dict[tuple[str, int], str] = {}
    uses = re.finditer(rf"\b(?:(Mr|Mrs|Ms|Miss)\.?[ \t]+)?{re.escape(surname)}\b", text)
    for use in uses:
        before = text[max(0, use.start() - 30) : use.start()]
        if not use.group(1) and re.search(rf"{vocabulary.NAME_WORD}[ \t]+$", before):
            continue  # "Linda Vance": a full name, not the surname alone
        form = _surname_form(use.group(), surname)
        if form in bound:
            continue
        known = [name for name, start in introduced.items() if start < use.start()]
        name = known[0] if len(known) == 1 else None
        sex = _GENDERED.get(form.split()[0]) if " " in form else None
        if name is None and sex and len(introduced) == 2:
            others = {
                n for f, n in bound.items() if " " in f and _GENDERED.get(f.split()[0]) != sex
            }
            others |= {n for n in introduced if _sex_of(n, text) not in (None, sex)}
            rest = [n for n in introduced if n not in others]
            told = [n for n in rest if _sex_of(n, text) == sex]  # "His sister, Alison Greer"
            name = rest[0] if len(rest) == 1 else told[0] if len(told) == 1 else None
        if name is not None:
            bound[form] = name
            out[(form, use.start())] = name
    return out


#: Words that tell a person's sex when set beside their name ("His sister, Alison Greer";
#: "Tom Reid, her husband,") or used of them right after it ("… defended his decision").
_FEMALE = vocabulary.FEMALE_NOUNS | frozenset("she her hers herself".split())
_MALE = vocabulary.MALE_NOUNS | frozenset("he him his himself".split())


def reads_as_person(name: str, text: str) -> bool:
    """Whether ``text`` shows that ``name`` is a person's, not a body's: an age after it
    ("Maggie Orr, 81,"), an honorific before its last word ("Mrs Orr"), or a sex told of it
    (``_sex_of``: "her son", "she said" after it). Pure."""
    surname = re.escape(name.split()[-1])
    return bool(
        re.search(rf"\b{re.escape(name)},[ \t]+(?:aged[ \t]+)?\d{{1,3}}\b", text)
        or re.search(rf"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?[ \t]+{surname}\b", text)
        or _sex_of(name, text) is not None
    )


_POSSESSIVE_WORDS = frozenset("his her their".split())


def _sex_of(name: str, text: str) -> str | None:
    """ "f" or "m" where an honorific before ``name`` tells ("Mrs Helen Ridley"), else where
    the sentence that first names it tells, by a kinship word or
    a gendered noun just before or after the name, or by the first gendered pronoun after
    it with no other name between; None where it does not (or tells both)."""
    at = text.find(name)
    if at < 0:
        return None
    titled = {  # "Mrs Helen Ridley": the honorific the article gives them settles it
        _GENDERED[m.group(1).lower()]
        for m in re.finditer(rf"\b(Mrs|Ms|Miss|Mr)\.?[ \t]+{re.escape(name)}\b", text)
    }
    if len(titled) == 1:
        return titled.pop()
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    ends = [e for e in (text.find(". ", at), text.find("\n", at)) if e >= 0]
    end = min(ends) if ends else len(text)
    before = re.findall(r"[a-z]+", text[max(start, at - 25) : at].lower())[-2:]
    before = [w for w in before if w not in vocabulary.PRONOUNS]  # "His sister": hers
    after = text[at + len(name) : end]
    words = [*before, *re.findall(r"[a-z]+", after.split("(")[0][:40].lower())[:3]]
    # "Paddy Creagh and his wife": the pronoun tells of him; the noun it owns is another
    words = [
        w
        for k, w in enumerate(words)
        if not (k and words[k - 1] in ("his", "her", "their") and w not in _POSSESSIVE_WORDS)
    ]
    found = {"f" for w in words if w in _FEMALE} | {"m" for w in words if w in _MALE}
    if not found:
        pronoun = re.search(
            rf"\b(?:he|him|his|she|her|hers)\b|\b{vocabulary.NAME_WORD} {vocabulary.NAME_WORD}",
            after,
        )
        if pronoun and pronoun.group()[:1].islower():
            found = {"f" if pronoun.group() in _FEMALE else "m"}
    return found.pop() if len(found) == 1 else None
