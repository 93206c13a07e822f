"""Who says something happened and who says it did not: confirmations and denials, by rule.

A sentence like "North Korea has denied the reports…" or "…, Nato has confirmed." states an
actor's claim about whether something is true. Rules find the cue verb ("confirmed",
"denied", "dismissed…", "did not deny"), its subject (the actor) and the polarity; quotes
that call a report "fake news" or "groundless rumours" are denials by their speaker. The merge
then sets claims about the same development side by side (``merge``). Pure.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence

from schemas.extraction import Claim, Quote

from .text import Sentence
from .vocabulary import SUBJECT_WORDS

_NEGATED = r"(?:did not|does not|do not|didn't|doesn't|has not|have not|had not|would not|" \
    r"could not|not|refused to|declined to|would neither|neither)"  # fmt: skip
_CONFIRM = r"confirm(?:s|ed|ing)?|acknowledg(?:e|es|ed|ing)|verif(?:y|ies|ied)"
_DENY = r"den(?:y|ies|ied|ying)|dismiss(?:es|ed|ing)?|reject(?:s|ed|ing)?|refut(?:e|es|ed|ing)"
_CUE = re.compile(
    rf"(?P<negation>\b{_NEGATED}\s+(?:\w+ly\s+)?)?\b(?P<verb>{_CONFIRM}|{_DENY})\b", re.I
)
# Words a quote uses when it denies what it is asked about.
_DENIAL_WORDS = re.compile(
    r"\b(?:fake news|groundless|baseless|unfounded|rumou?rs?|not true|untrue|false|lies?)\b", re.I
)
_AUXILIARY = re.compile(
    r"(?:\s+(?:has|have|had|is|was|were|can|could|will|would|may|might|should|did|does|also|initially|repeatedly|quickly|formally|"
    r"publicly|officially|already|again|swiftly|flatly|firmly|strongly|since|now))+\s*$",
    re.I,
)
_LEADING = re.compile(
    r"^(?:(?:but|and|yet|so|meanwhile|however|still|earlier|later|previously|"
    r"on \w+(?: \d+)?|in \w+(?: \d+)?|last \w+|this \w+|on monday|on tuesday)\b[\s,]*)+",
    re.I,
)
_DETERMINERS = ("a ", "an ", "the ")
_PRONOUNS = SUBJECT_WORDS
MAX_SUBJECT_WORDS = 7


def find_claims(
    source: str, sentences: Sequence[Sentence], quotes: Sequence[Quote] = ()
) -> list[Claim]:
    """The confirmations and denials stated in an article's sentences; ``quotes`` are the
    article's rule-found quotations (a cue inside one is someone's words, not a claim)."""
    claims: list[Claim] = []
    # Each sentence looks only at the quotes in it (by sentence number, or by offset for a
    # quote running across sentences): linear in the article, not sentences x quotes.
    by_sentence: dict[int, list[Quote]] = defaultdict(list)
    starts = [s.start for s in sentences]
    for quote in quotes:
        by_sentence[quote.sentence].append(quote)
        first = bisect_right(starts, quote.start) - 1
        last = bisect_right(starts, max(quote.start, quote.end - 1)) - 1
        for k in range(max(first, 0), last + 1):
            if sentences[k].id != quote.sentence:
                by_sentence[sentences[k].id].append(quote)
    for i, sentence in enumerate(sentences):
        near = by_sentence.get(sentence.id, [])
        claim = _cue_claim(source, sentence, near)
        if claim is None:
            claim = _quoted_denial(source, sentence, near)
            if claim and i:
                # "…such groundless rumours," an official said: what is denied is in the
                # sentence before
                claim = claim.model_copy(update={"context": sentences[i - 1].text})
        if claim:
            claims.append(claim)
    return claims


def _cue_claim(source: str, sentence: Sentence, quotes: Sequence[Quote]) -> Claim | None:
    text = sentence.text
    for match in _CUE.finditer(text):
        at = sentence.start + match.start()
        if any(q.start <= at < q.end for q in quotes):
            continue
        actor = subject_before(
            text[: match.start("negation") if match["negation"] else match.start()]
        )
        if actor is None:
            continue
        denial = not match["verb"].lower().startswith(("confirm", "acknowledg", "verif"))
        if match["negation"]:
            position = "does not deny" if denial else "does not confirm"
        else:
            position = "denies" if denial else "confirms"
        return Claim(
            source=source,
            sentence=sentence.id,
            text=text,
            actor=actor,
            position=position,
            cue=match.group(0).strip(),
        )
    return None


def _quoted_denial(source: str, sentence: Sentence, quotes: Sequence[Quote]) -> Claim | None:
    for quote in quotes:
        # a speaker the article does not name is a claimant under its description ("a
        # North Korean envoy"): unattributed as a speaker, it still denies
        actor = quote.speaker or (quote.speaker_role if quote.attributed_by == "none" else None)
        if quote.sentence != sentence.id or not actor:
            continue
        found = _DENIAL_WORDS.search(quote.text)
        if found:
            return Claim(
                source=source,
                sentence=sentence.id,
                text=sentence.text,
                actor=actor,
                position="denies",
                cue=found.group(0),
            )
    return None


def subject_before(text: str) -> str | None:
    """The actor named just before a cue verb: 'BRUSSELS - Nato chief Mark Rutte' gives
    'Nato chief Mark Rutte', '…, Nato has' gives 'Nato'; None for a pronoun or no name."""
    clause = re.split(r"[,;:“”\"()]|\s[-–—]+\s", text)[-1]
    clause = _AUXILIARY.sub("", clause).strip()
    clause = _LEADING.sub("", clause).strip()
    words = clause.split()
    if not words or clause.lower() in _PRONOUNS:
        return None
    if words[-1][:1].isupper():
        run: list[str] = []
        for word in reversed(words):
            if word[:1].isupper() or (
                run and word.lower() in {"of", "de", "von", "der", "and", "for", "on"}
            ):  # "the Institute for Marine Research", "the Committee on Standards"
                run.insert(0, word)
            else:
                break
        if run and run[0].lower() in {"of", "de", "von", "der", "and", "for", "on"}:
            run = run[1:]
        return " ".join(run) if run else None
    if len(words) <= MAX_SUBJECT_WORDS and (
        clause.lower().startswith(_DETERMINERS) or words[0][:1].isupper()
    ):
        return clause
    return None
