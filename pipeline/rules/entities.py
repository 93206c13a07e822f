"""One canonical name per person or body across all sources.

"Rutte", "Mr Rutte", "Mark Rutte, Nato Secretary General" and "Nato Secretary-General Mark
Rutte" become "Mark Rutte"; "Zelensky" and "Volodymyr Zelenskyy" become one person. Pure.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

# Words that name a role or an office rather than a person.
ROLE_WORDS = frozenset(
    """mr mrs ms dr prof sir president vice prime minister secretary general secretary-general
    chief spokesperson spokesman spokeswoman commission european defence defense foreign
    interior chancellor leader supreme head director ambassador official officials envoy
    deputy senior national security adviser advisor nato un u.n. us u.s. eu white house
    kremlin pentagon ministry department state the a an of and for gen general lt col
    colonel admiral commander army military intelligence agency council representative
    opposition politician lawmaker senator governor mayor king queen premier ukrainian
    ukraine's russian russia's north south korean korea's american british german french
    chinese israeli iranian belarusian minister's former new newly installed alliance's
    korea russia ukraine china india japan iran israel states united kingdom america europe
    moscow kyiv seoul pyongyang washington beijing brussels london britain germany france
    dprk west western government ministry's office""".split()
)
# Capitalised words that start sentences or name no one, never part of a name.
_NOT_NAME_WORDS = frozenset(
    """but and in on at as for with after before while when last earlier meanwhile separately
    however he she it they this that these those his her their its then so yet also""".split()
)
_NOT_ROLES = frozenset("the a an of and for mr mrs ms dr".split())
_PARTICLES = frozenset({"von", "der", "van", "de", "da", "del", "bin", "al", "la", "le"})
_WORD = re.compile(r"[\w’'.-]+")


def person_name(form: str) -> str | None:
    """The personal name inside a form ('Nato chief Mark Rutte' -> 'Mark Rutte'), or None."""
    head = form.split(",")[0]
    words = _WORD.findall(head)
    name: list[str] = []
    for word in reversed(words):
        lower = word.lower().strip(".")
        if lower in _PARTICLES and name:
            name.insert(0, word)
        elif word[:1].isupper() and lower not in ROLE_WORDS and lower not in _NOT_NAME_WORDS:
            name.insert(0, word)
        else:
            break
    while name and name[0].lower() in _PARTICLES:
        name.pop(0)
    return " ".join(name) or None


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
        names = Counter({person_of(f) or f: 0 for f in self.forms})
        for form, count in self.forms.items():
            names[person_of(form) or form] += count
        full = [n for n in names if 2 <= len(n.split()) <= 4]
        pool = full or list(names)
        return max(pool, key=lambda n: (names[n], len(n.split()), -len(n)))

    @property
    def role(self) -> str | None:
        return self.roles.most_common(1)[0][0] if self.roles else None


class EntityIndex:
    """Groups name forms into entities; ``canonical(form)`` gives the entity's name."""

    def __init__(self) -> None:
        self.clusters: list[Cluster] = []
        self._by_form: dict[str, Cluster] = {}

    def add(self, form: str, source: str, role: str | None = None) -> None:
        form = _form(form)
        if not form:
            return
        cluster = self._by_form.get(form) or self._find(form)
        if cluster is None:
            cluster = Cluster(key=person_of(form) or form.lower())
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
        for cluster in self.clusters:
            if person and person_of(cluster.key) == cluster.key:
                if _same_person(person, cluster.key):
                    if len(person.split()) > len(cluster.key.split()):
                        cluster.key = person
                    return cluster
            elif not person and cluster.key == form.lower():
                return cluster
        return None

    def canonical(self, form: str | None) -> str | None:
        if not form:
            return None
        form = _form(form)
        cluster = self._by_form.get(form) or self._find(form)
        return cluster.name if cluster else form


_SPEECH_TAIL = re.compile(r"\s+(?:said|says|added|told|wrote|warned|claimed)\s*$", re.I)
_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Prof|Sir|President|Gen|General)\.?\s+")
_ROLE_TOKEN = re.compile(r"[A-Z][\w.’'-]*|[a-z][\w-]*")


def resolve_person(name: str, text: str) -> tuple[str, str | None]:
    """The fullest form of a person's name in ``text`` and the role written before it.

    'Austin' -> ('Lloyd Austin', 'U.S. Defense Secretary') when the article says "U.S. Defense
    Secretary Lloyd Austin"; a name that is already full keeps its form. Bodies and
    descriptions ('a North Korean representative', 'The Kremlin') come back unchanged.
    """
    person = person_of(_SPEECH_TAIL.sub("", name.split(",")[0].strip()))
    if not person:
        return _SPEECH_TAIL.sub("", name), None  # a body or a description, not a person
    best, role = person, None
    for match in re.finditer(rf"\b{_name_pattern(person)}\b", text):
        lead = re.split(r"[,;:()“”\"\n]|\.\s", text[max(0, match.start() - 80) : match.start()])[-1]
        before = lead.split()[-6:]
        found = person_name(" ".join([*before, match.group()])) or person
        after = re.match(r"(?:\s+[A-Z][a-z]+){1,2}\b", text[match.end() :])
        if after and before and before[-1].lower() in ROLE_WORDS and found == person:
            found = person_name(match.group() + after.group()) or found  # President Yoon Suk Yeol
        start = text.rfind(found.split()[0], 0, match.end())
        found_role = _role_before(text, start) if start >= 0 else None
        if len(found.split()) > len(best.split()) or (
            len(found.split()) == len(best.split()) and role is None
        ):
            best, role = found, found_role or role
    return best, role


def _name_pattern(person: str) -> str:
    return r"\s+".join(re.escape(word) for word in person.split())


def _role_before(text: str, position: int) -> str | None:
    """Role words right before a name: 'NATO Secretary General', 'Kremlin spokesperson'."""
    words = text[max(0, position - 80) : position].split("\n")[-1].split()
    role: list[str] = []
    for word in reversed(words):
        bare = word.strip(',;:()“”"')
        if bare != word.rstrip() or not bare:
            break
        if bare.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.){2,}", bare):
            break  # the end of the previous sentence
        lower = bare.lower()
        if lower in _NOT_ROLES or bare.endswith(("’s", "'s")):
            break
        if lower in ROLE_WORDS or bare[:1].isupper():
            role.insert(0, bare)
        else:
            break
        if len(role) >= 6:
            break
    return " ".join(role) or None
