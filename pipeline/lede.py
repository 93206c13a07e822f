"""The lede: a short opening paragraph the model writes from the merged facts alone.

Every sentence must carry source markers; every quoted span in it must be verbatim in the
facts of the sources it cites, and every name, number, claim word and negation must appear in
them as a whole word, and most of its content words too (``check_sentence``); a sentence
that says an earlier one again in other words is refused too (``repeats``); a sentence that
fails is re-asked, then dropped. When no sentence survives (or no model is at hand) the lede
is built by rule from the most widely reported events. The developments a lede sentence
states are marked (``mark_lede``): the brief says them there, with their count of sources,
and its list of developments goes on from there rather than saying them again.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

from schemas.brief import Brief, LedeSentence, MergedEvent
from schemas.model_io import Checking, answer_context

from .developments import tokens
from .model.templates import render_prompt

LEDE_PROMPT = "lede.v1"
MAX_FACTS = 6
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
#: A capitalised word anywhere in the sentence, its first word included.
_NAME = re.compile(r"\b[A-Z][\w’'-]*")
#: Capitalised words that are English function words, not names (at the head of a sentence
#: or a clause); anything else capitalised must be in the facts.
_FUNCTION_WORDS = frozenset(
    """a an the this that these those it its he she they we i his her their our you
    in on at by for from of to with without into onto over under after before during since
    until while when where as and but or nor so yet if then than also both all some most
    many several other another each every such there here meanwhile however although though
    because despite according earlier later""".split()
)
#: A quoted span: curly or straight double quotes.
_QUOTED = re.compile(r"“([^”]+)”|\"([^\"]+)\"")
#: Negations: a sentence that has one must cite a fact that has one.
_NEGATION = re.compile(r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without)\b|n[’']t\b")
#: Words that carry a claim in news English, by family: a sentence that uses one must cite
#: a fact of the same family (a model may not turn "reported" into "confirmed").
_CLAIM_FAMILIES = {
    family: re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)
    for family, pattern in {
        "deny": r"den(?:y|ies|ied|ying|ials?)",
        "confirm": r"confirm(?:s|ed|ing|ation)?",
        "admit": r"admit(?:s|ted|ting)?|admission",
        "reject": r"reject(?:s|ed|ing|ion)?",
        "refuse": r"refus(?:e|es|ed|ing|al)",
        "dismiss": r"dismiss(?:es|ed|ing)?",
        "accuse": r"accus(?:e|es|ed|ing|ation|ations)",
        "surrender": r"surrender(?:s|ed|ing)?",
        "agree": r"agree(?:s|d|ing|ment)?",
        "withdraw": r"withdr(?:aw|aws|awn|ew|awal|awing)",
        "invade": r"invad(?:e|es|ed|ing)|invasion",
        "attack": r"attack(?:s|ed|ing)?",
        "kill": r"kill(?:s|ed|ing)?|dead|died|deaths?",
        "arrest": r"arrest(?:s|ed|ing)?",
        "resign": r"resign(?:s|ed|ing|ation)?",
        "ban": r"ban(?:s|ned|ning)?",
        "approve": r"approv(?:e|es|ed|ing|al)",
        "condemn": r"condemn(?:s|ed|ing|ation)?",
        "threaten": r"threat(?:en|ens|ened|ening|s)?",
        "ceasefire": r"cease-?fire|truce",
    }.items()
}


class LedeLine(BaseModel):
    """One sentence of the opening paragraph."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(max_length=240, description="The sentence.")
    sources: list[str] = Field(
        description="Markers of the sources of the facts it uses, e.g. ['S1', 'S3']."
    )


class LedeDraft(BaseModel):
    """The opening paragraph of the brief."""

    model_config = ConfigDict(extra="forbid")
    sentences: list[LedeLine] = Field(min_length=1, max_length=3)

    @model_validator(mode="after")
    def _checked(self, info: ValidationInfo) -> LedeDraft:
        context = answer_context(info)
        if not isinstance(context, LedeCheck):
            return self
        problems, kept = [], []
        for line in self.sentences:
            problem = check_sentence(line.text, line.sources, context.facts) or repeats(
                line.text, [k.text for k in kept]
            )
            if problem:
                problems.append(problem)
            else:
                kept.append(line)
        # Re-asked only when no sentence holds: a draft with one good sentence keeps it and
        # drops the rest, rather than paying for the whole prompt again.
        if problems and not kept and not context.lenient:
            raise ValueError("; ".join(problems))
        context.dropped.extend(problems)
        self.sentences = kept
        return self


@dataclass
class LedeCheck(Checking):
    """What a lede is checked against: the facts it may use (``lede_facts``)."""

    facts: list[dict[str, Any]] = field(default_factory=list)


def lede_facts(brief: Brief) -> list[dict[str, Any]]:
    """The facts the model may use: the developments the brief shows, best first (key ones,
    then those one source alone reports), each in its chosen wording with its sources."""
    shown = [e for e in brief.events if e.shown == "key"]
    shown += [e for e in brief.events if e.shown == "single"]
    return [{"text": " ".join(e.summary.split()), "sources": e.sources} for e in shown[:MAX_FACTS]]


def check_sentence(text: str, sources: list[str], facts: list[dict[str, Any]]) -> str | None:
    """Why a lede sentence cannot be printed, or None when it holds only what the facts of the
    sources it cites say: each quoted span verbatim in them; each number, capitalised word
    (the first word too, unless a function word) and claim word (``_CLAIM_FAMILIES``) found
    there as a whole word, case folded; a negation only where they have one; at most
    ``UNSUPPORTED_WORDS`` content words (``developments.tokens``), or ``UNSUPPORTED_SHARE`` of
    them, that the facts do not have."""
    if not sources:
        return f"'{text[:50]}' cites no source"
    cited = [f for f in facts if set(f["sources"]) & set(sources)]
    unknown = [s for s in sources if not any(s in f["sources"] for f in facts)]
    if unknown:
        return f"'{text[:50]}' cites unknown sources {unknown}"
    evidence = " ".join(f["text"] for f in cited)
    folded = _fold(evidence)
    for match in _QUOTED.finditer(text):
        # a closing comma or full stop inside the marks is the sentence's, not the quote's
        span = " ".join((match.group(1) or match.group(2)).split()).rstrip(",.;:")
        if _fold(span) not in folded:
            return f"'{text[:50]}': the quotation “{span[:40]}” is not in the facts of {sources}"
    numbers = {n.replace(",", "") for n in _NUMBER.findall(evidence)}
    for number in _NUMBER.findall(text):
        whole = re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d]|[.,]\d)", evidence)
        if not whole and number.replace(",", "") not in numbers:  # 1500 is 1,500
            return f"'{text[:50]}': the number {number} is not in the facts of {sources}"
    for name in _NAME.findall(text):
        word = _fold(name)
        if word in _FUNCTION_WORDS:
            continue
        if not _has_word(word, folded):
            return f"'{text[:50]}': '{name}' is not in the facts of {sources}"
    for family, pattern in _CLAIM_FAMILIES.items():
        if pattern.search(text) and not pattern.search(evidence):
            return f"'{text[:50]}': the claim '{family}' is not in the facts of {sources}"
    if _NEGATION.search(_fold(text)) and not _NEGATION.search(folded):
        return f"'{text[:50]}': a negation that the facts of {sources} do not have"
    own = set(tokens(text))
    missing = sorted(own - set(tokens(evidence)))
    if len(missing) > UNSUPPORTED_WORDS and len(missing) > UNSUPPORTED_SHARE * len(own):
        # "is expected to have significant economic impacts on the local community": words
        # of the model's own, which no source says
        return f"'{text[:50]}': words not in the facts of {sources} ({', '.join(missing[:6])})"
    return None


#: A lede sentence may use a few content words its facts do not (a connective, a plainer
#: verb: ``UNSUPPORTED_WORDS``), never more than this share of its own: the rest is the
#: model's, not the sources'.
UNSUPPORTED_WORDS = 2
UNSUPPORTED_SHARE = 0.3


#: A lede sentence sharing this share of its content words with an earlier one repeats it.
REPEAT_SHARE = 0.5


def repeats(text: str, earlier: list[str]) -> str | None:
    """Why ``text`` cannot follow ``earlier`` lede sentences (it says one of them again in
    other words: most of its content words are theirs), or None."""
    own = set(tokens(text))
    for other in earlier:
        shared = own & set(tokens(other))
        if own and len(shared) / min(len(own), len(set(tokens(other))) or 1) >= REPEAT_SHARE:
            return f"'{text[:50]}' repeats '{other[:50]}'"
    return None


#: A lede sentence states a development when it holds this share of the content words of the
#: development's line or more, and each of its numbers.
STATES_SHARE = 0.6


def states(sentence: str, line: str) -> bool:
    """True when the lede ``sentence`` says what a development's ``line`` says: it holds
    ``STATES_SHARE`` of the line's content words (``tokens``) or more and every number of
    the line (a copy of the line does; so does the line in other words, its facts kept)."""
    own = set(tokens(line))
    if not own or len(own & set(tokens(sentence))) < STATES_SHARE * len(own):
        return False
    given = {n.replace(",", "") for n in _NUMBER.findall(sentence)}
    return all(n.replace(",", "") in given for n in _NUMBER.findall(line))


def mark_lede(lede: Sequence[LedeSentence], events: Sequence[MergedEvent]) -> list[MergedEvent]:
    """``events`` with ``lede_sentence`` set on each shown development ('key' or 'single')
    that a sentence of ``lede`` states (``states``; the first such sentence), and cleared on
    every other: a development the lede states is said there, once, and not listed again
    below it. A shown development the lede does not state loses a closing clause that the
    lede says (``unsaid``). Pure: returns new events."""
    marked = []
    for event in events:
        at, summary = None, event.summary
        if event.shown != "none":
            at = next((i for i, s in enumerate(lede) if states(s.text, event.summary)), None)
            if at is None:
                summary = unsaid(event.summary, [s.text for s in lede])
        marked.append(event.model_copy(update={"lede_sentence": at, "summary": summary}))
    return marked


#: A clause joined to a line by 'and' ('…, and two have died', '… and that the …'): its
#: subject and a verb come within its first few words (not 'soft and blue cheeses').
_AND_CLAUSE = re.compile(
    r"(?:,\s+and|\s+and)\s+(?:that\s+)?(?=(?:[\w'’-]+\s+){0,3}?(?:has|have|had|is|are|was|"
    r"were|will|would|could|may|might|must|can|remain|remains|remained)\b)"
)
#: The part of a line before a clause it loses keeps at least this many words.
UNSAID_HEAD = 4


def unsaid(line: str, lede: Sequence[str]) -> str:
    """``line`` without a clause joined to its end by 'and' (``_AND_CLAUSE``) whose every
    content word and number a sentence of ``lede`` has: 'Forty people were taken to
    hospital and three have died.' is printed 'Forty people were taken to hospital.' under
    a summary saying 'a fire that killed three people' ('died' and 'killed' are one word,
    ``tokens``). What the summary says is not said again below it. The line is kept whole
    when the part before the clause is short (``UNSAID_HEAD``) or leaves a quotation
    open."""
    told = [set(tokens(s)) for s in lede]
    for match in _AND_CLAUSE.finditer(line):
        head, tail = line[: match.start()], line[match.end() :]
        words = set(tokens(tail))
        if len(head.split()) < UNSAID_HEAD or _open_quote(head) or not words:
            continue
        numbers = {n.replace(",", "") for n in _NUMBER.findall(tail)}
        for sentence, own in zip(lede, told, strict=True):
            given = {n.replace(",", "") for n in _NUMBER.findall(sentence)}
            if words <= own and numbers <= given:
                return head.rstrip(" ,;:") + "."
    return line


def _open_quote(text: str) -> bool:
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”")


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("‘", "'").lower().split())


def _has_word(word: str, folded: str) -> bool:
    """True when ``word`` is a whole word of ``folded`` (a possessive ``'s`` allowed)."""
    base = word[:-2] if word.endswith("'s") else word
    return re.search(rf"(?<![\w'-]){re.escape(base)}(?:'s)?(?![\w-])", folded) is not None


def lede_messages(facts: list[dict[str, Any]]) -> list[dict[str, str]]:
    return [{"role": "user", "content": render_prompt(LEDE_PROMPT, facts=facts)}]


def lede_key(facts: list[dict[str, Any]], model: str) -> str:
    """Cache key of a lede: the facts, the prompt and the model."""
    raw = json.dumps([facts, render_prompt(LEDE_PROMPT, facts=facts), model], sort_keys=True)
    return "lede-" + hashlib.sha256(raw.encode()).hexdigest()[:32]


def write_lede(facts: list[dict[str, Any]], asker) -> tuple[list[LedeSentence], list[str]]:
    """The model's checked lede (possibly empty) and what validation dropped."""
    context = LedeCheck(facts=facts)
    draft = asker.ask(LedeDraft, lede_messages(facts), context)
    lines = [
        LedeSentence(
            text=" ".join(line.text.split()), sources=sorted(set(line.sources), key=_order)
        )
        for line in draft.sentences
    ]
    return lines, context.dropped


def _order(marker: str) -> tuple[int, str]:
    return len(marker), marker
