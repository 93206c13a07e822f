"""Builders of small constructed values for tests of the pure core (no model, no files)."""

from __future__ import annotations

import hashlib

from schemas.extraction import ArticleExtraction, Event, Figure, Quote, SourceInfo, Stance


def source(sid: str, path: str | None = None, characters: int = 6_000, **fields) -> SourceInfo:
    """A source of an article of ``characters`` (by default about 1,000 words: a news
    article of realistic length, whose brief has room for every section)."""
    return SourceInfo(
        id=sid,
        path=path or f"{sid.lower()}.txt",
        sha256=hashlib.sha256(sid.encode()).hexdigest(),
        characters=characters,
        **fields,
    )


def quote(sid: str, n: int, text: str, speaker: str | None, kind: str = "quote") -> Quote:
    return Quote(
        id=f"{sid}.Q{n}",
        source=sid,
        text=text,
        kind=kind,
        speaker=speaker,
        attributed_by="rule" if speaker else "none",
        start=0,
        end=len(text),
        sentence=n,
    )


def figure(sid: str, n: int, value: str, counts: str, claimant: str | None = None) -> Figure:
    sentence = f"{claimant or 'The outlet'} said {value} {counts}."
    return Figure(
        id=f"{sid}.F{n}",
        source=sid,
        value=value,
        number=float(value.replace(",", "")),
        counts=counts,
        claimant=claimant,
        sentence=n,
        sentence_text=sentence,
        start=0,
        end=len(value),
    )


def event(sid: str, n: int, text: str, when: str | None = None) -> Event:
    return Event(
        id=f"{sid}.E{n}", source=sid, summary=text, sentences=[n], evidence=[text], when=when
    )


def stance(sid: str, actor: str, position: str, evidence: str = "They said so.") -> Stance:
    return Stance(source=sid, actor=actor, position=position, sentence=1, evidence=evidence)


def extraction(sid: str, **parts) -> ArticleExtraction:
    return ArticleExtraction(source=parts.pop("source", None) or source(sid), **parts)
