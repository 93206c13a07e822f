"""Synthetic articles and extractions for the benchmark's scaling runs."""

from __future__ import annotations

import hashlib
import random

from schemas.extraction import ArticleExtraction, Event, Figure, Quote, SourceInfo, Stance

PEOPLE = [
    "Mark Rutte",
    "Vladimir Putin",
    "Volodymyr Zelensky",
    "Lloyd Austin",
    "John Kirby",
    "Ursula von der Leyen",
    "Dmitry Peskov",
    "Yoon Suk Yeol",
    "Andriy Yermak",
    "Joe Biden",
]
COUNTS = [
    "North Korean troops",
    "Russian soldiers killed or wounded",
    "ballistic missiles",
    "sq km of territory",
    "defectors",
]
EVENTS = [
    "Nato confirmed that North Korean troops were deployed to the Kursk region on Monday.",
    "South Korea's spy agency said that North Korean troops had arrived in Russia.",
    "Ukraine urged its allies to allow deep strikes into Russia.",
    "The Kremlin dismissed reports of a deployment as fake news.",
    "A South Korean delegation briefed Nato ambassadors in Brussels.",
]


# Words for text that differs from one synthetic article to the next, so that no two of
# them are near-copies (each sentence carries its own place and nouns).
_SYLLABLES = "ka ro vel mi san to lu bre dan os ter vi nor ha pel gu zan cor".split()
_NOUNS = """harbour bridge convoy depot council pipeline ferry border railway school clinic
    market factory reservoir tunnel airfield checkpoint warehouse village district port
    garrison bakery archive stadium orchard quarry mill brigade corridor barracks""".split()
_VERBS = "shelled inspected reopened evacuated blockaded rebuilt patrolled surveyed".split()


def _place(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize()


def _things(rng: random.Random) -> str:
    return " and the ".join(rng.sample(_NOUNS, 2))


def article_text(index: int) -> str:
    """A short article with quotes, figures and a lead, different for each ``index``: no two
    share a sentence, so none is a near-copy of another. Its last quotation has no cue, so
    each article asks the model one question (rules settle the rest)."""
    rng = random.Random(index)
    person = rng.choice(PEOPLE)
    lines = [
        f"Story {index}: {rng.choice(_VERBS)} {rng.choice(_NOUNS)} in {_place(rng)}",
        f"{rng.choice(EVENTS)[:-1]}, after forces {rng.choice(_VERBS)} the {_things(rng)} "
        f"near {_place(rng)}.",
        f"“The {_things(rng)} at {_place(rng)} are {rng.choice(_VERBS)} again,” {person} said "
        "on Monday.",
        f"Officials said at least {rng.randint(1, 99) * 100:,} {rng.choice(COUNTS)} were "
        f"counted around the {_things(rng)} of {_place(rng)}.",
        f"{person} added that the raid on {_place(rng)} was “a blow to the {_things(rng)}”.",
        f"Fighting has continued around the {_things(rng)} of {_place(rng)} for "
        f"{rng.randint(2, 40)} weeks.",
        # a quotation no cue credits, with a speaker near it: what the model is asked about
        f"“Nobody will say when the {_things(rng)} of {_place(rng)} open again.”",
    ]
    return "\n\n".join(lines) + "\n"


def extraction(index: int) -> ArticleExtraction:
    """A plausible per-article extraction, without a model."""
    rng = random.Random(index)
    sid = f"S{index + 1}"
    person = rng.choice(PEOPLE)
    quotes = [
        Quote(
            id=f"{sid}.Q{n}",
            source=sid,
            text=text,
            kind="quote",
            speaker=person,
            attributed_by="rule",
            start=0,
            end=len(text),
            sentence=n,
        )
        for n, text in enumerate(
            [
                f"This is escalation number {rng.randint(1, 500)}",
                "undermining global peace and security",
            ],
            1,
        )
    ]
    figures = [
        Figure(
            id=f"{sid}.F{n}",
            source=sid,
            value=f"{v:,}",
            number=v,
            counts=rng.choice(COUNTS),
            claimant=rng.choice(PEOPLE),
            sentence=n,
            sentence_text=f"They said {v:,}.",
            start=0,
            end=4,
        )
        for n, v in enumerate([rng.randint(1, 50) * 500 for _ in range(3)], 1)
    ]
    events = [
        Event(id=f"{sid}.E{n}", source=sid, summary=text, sentences=[n], evidence=[text])
        for n, text in enumerate(rng.sample(EVENTS, 3), 1)
    ]
    stances = [
        Stance(
            source=sid,
            actor=person,
            position=rng.choice(["warns", "neutral"]),
            sentence=1,
            evidence=EVENTS[0],
        )
    ]
    source = SourceInfo(
        id=sid,
        path=f"{index:04d}.txt",
        sha256=hashlib.sha256(sid.encode()).hexdigest(),
        characters=500,
    )
    return ArticleExtraction(
        source=source, quotes=quotes, figures=figures, events=events, stances=stances
    )
