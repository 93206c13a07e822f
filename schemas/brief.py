"""The merged brief: one story told from all sources, every item with its source markers.

Source markers (``S1``, ``S2``…) resolve to ``Brief.sources``. This is the structure written
as JSON and validated against ``schemas/json/brief.schema.json`` before it is saved.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .extraction import ClaimPosition, QuoteKind, SourceInfo
from .model_io import Position


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Strict):
    """A sentence of one source that supports an item."""

    source: str
    sentence: int
    text: str


class Entity(_Strict):
    """One person or body, with the forms each source uses for it."""

    name: str
    role: str | None = None
    forms: list[str] = Field(description="Every form of the name seen in the sources.")
    sources: list[str]


class LedeSentence(_Strict):
    """A sentence of the opening paragraph and the sources it rests on."""

    text: str
    sources: list[str]


class MergedEvent(_Strict):
    """A development of the story with every source that reports it: a cluster of the sources'
    reporting sentences that state the same fact, worded once."""

    summary: str = Field(
        description=(
            "The clearest of the sources' versions: a complete sentence, the most neutral, "
            "without its dateline and with a capitalised first word in normal case. The "
            "verbatim sentences are in ``evidence``."
        )
    )
    sources: list[str] = Field(description="Sources whose reporting sentences state it.")
    other_figures: list[str] = Field(
        default_factory=list,
        description=(
            "Sources that report the same development with other numbers: not marked on the "
            "line, which they do not support; the figures say where they differ."
        ),
    )
    independent_sources: int = Field(
        1,
        description=(
            "How many of ``sources`` and ``other_figures`` remain once near-copies count as one."
        ),
    )
    when: str | None = Field(None, description="The time phrase as a source words it.")
    date: str | None = Field(
        None,
        description="Earliest date the time phrases point to (ISO), from each source's own date.",
    )
    evidence: list[Evidence] = Field(
        description="Every sentence of it, verbatim: reporting sentences, then headlines and "
        "captions that support it."
    )
    shown: Literal["key", "single", "none"] = Field(
        "none",
        description=(
            "Where the brief shows it: 'key', a key development (reported by several "
            "independent sources); 'single', one that a single source reports and leads with "
            "(or a headline, caption or the model marks key); 'none', kept in the JSON only."
        ),
    )
    headline_sources: list[str] = Field(
        default_factory=list, description="Sources whose headline or a caption supports it."
    )
    score: float = Field(
        0.0,
        description="Rank: 3 per independent source, plus lead position, headline and "
        "caption agreement.",
    )
    on_timeline: bool = Field(False, description="Shown on the timeline: shown, with a time.")
    in_differences: bool = Field(
        False,
        description="A development that where sources differ already says (one source alone "
        "reports it and it is the quote whose speaker they differ on or the claim they confirm "
        "and deny; or its line gives only values the sources dispute): not listed again.",
    )
    lede_sentence: int | None = Field(
        None,
        description="The sentence of the lede (0-based) that states it: the Markdown says it "
        "there, with its count of sources, and does not list it again; None when the lede "
        "does not state it.",
    )


class OffTopic(_Strict):
    """An article left out of the brief because it is about another story."""

    source: str
    path: str
    title: str | None = None
    reason: str = Field(description="Why it is off the story, in words.")


class QuoteVariant(_Strict):
    """The same quotation as other sources carry it: a part of it, or slightly other words."""

    text: str = Field(description="Verbatim in each of its sources.")
    kind: Literal["part", "wording"]
    sources: list[str]


class QuoteEntry(_Strict):
    """One quotation, listed once with every source that carries it verbatim."""

    text: str
    kind: QuoteKind
    sources: list[str] = Field(description="Sources whose text holds these exact words.")
    ids: list[str] = Field(description="Ids of the per-source quotes merged here ('S2.Q3').")
    variants: list[QuoteVariant] = Field(
        default_factory=list,
        description="Parts or other wordings of this quotation that other sources carry.",
    )
    minor: bool = Field(
        False,
        description="A fragment: one or two words ('fake news'), or a partial quotation of "
        "three. Kept here, left out of the Markdown's list of who said what.",
    )
    listed: bool = Field(
        True,
        description="Shown in the Markdown's who said what: not minor, and among the "
        "speaker's most widely carried quotes.",
    )
    described_as: list[str] = Field(
        default_factory=list,
        description="For a quotation whose speaker the articles do not name: how they "
        "describe the speaker ('one resident', 'a senior official'), once each.",
    )
    translated: bool = Field(
        False,
        description="A source gives these words in translation ('she said (translated)'); "
        "the Markdown marks them '(translated)'.",
    )


class SpeakerQuotes(_Strict):
    """Everything one speaker is quoted as saying."""

    speaker: str
    role: str | None = None
    attributed: bool = Field(
        True, description="False for the group of quotes whose speaker is not identified."
    )
    quotes: list[QuoteEntry]
    unlisted: int = Field(
        0, description="How many of ``quotes`` the Markdown leaves to the JSON (not listed)."
    )


class FigureClaim(_Strict):
    """One value for a quantity, who claims it and which sources report it."""

    value: str = Field(description="As the first source writes it ('$170 million', '2,000-3,000').")
    number: float = Field(description="Normalised value in units; a range's low end.")
    high: float | None = Field(None, description="A range's high end in units.")
    unit: str | None = Field(None, description="ISO currency code or unit; null for a count.")
    qualifier: str | None = None
    claimant: str | None = None
    label: str = Field(
        "",
        description="The claim as printed: qualifier, value and claimant ('at least 1,500 (X)').",
    )
    written: list[str] = Field(
        default_factory=list,
        description="Every way the sources write this value ('$170 million', '$170m').",
    )
    sources: list[str]
    evidence: list[Evidence]
    rival: bool = Field(
        False,
        description="One of the values the sources disagree on (a group that differs may also "
        "hold values no source disputes: a part, or another count under the same word).",
    )


class FigureGroup(_Strict):
    """Figures about the same quantity (what they count, and their unit) across sources; a
    figure whose phrase names nothing it counts stands alone, with ``counts`` ''."""

    counts: str = Field(description="What the figures count ('Russian troops killed or wounded').")
    unit: str | None = Field(None, description="Their ISO currency code or unit; null for counts.")
    claims: list[FigureClaim]
    differs: bool = Field(
        description="True when different sources give values that disagree for this quantity "
        "(a range and an 'up to' its high end agree); never within one source."
    )
    listed: bool = Field(
        True,
        description="Shown in the Markdown's figures: it names what it counts and, in a brief "
        "of three or more independent sources, two or more of them give it (or the brief is "
        "short enough to show every figure). Every figure stays here.",
    )


class StanceRow(_Strict):
    """An actor's position with the sources that show it."""

    actor: str
    position: Position
    target: str | None = Field(
        None, description="What the position is on: the story's main development (stance_target)."
    )
    sources: list[str]
    evidence: list[Evidence]
    quote: str | None = Field(None, description="A supporting quote, verbatim in its source.")
    quote_source: str | None = None


class ClaimSide(_Strict):
    """One actor's side on whether something is true, with the sentences that report it."""

    actor: str
    position: ClaimPosition
    sources: list[str]
    evidence: list[Evidence]


class Difference(_Strict):
    """A point where sources disagree."""

    kind: Literal["figures", "attribution", "claim"]
    topic: str = Field(description="What the disagreement is about.")
    description: str = Field(description="The disagreement in words, without source markers.")
    sources: list[str]
    claims: list[FigureClaim] = Field(default_factory=list, description="For figures: each value.")
    sides: list[ClaimSide] = Field(
        default_factory=list,
        description="For claims: who confirms and who denies or does not confirm, with evidence.",
    )


class Failure(_Strict):
    """An input that could not be used, and why."""

    path: str
    reason: str


class BriefStats(_Strict):
    """What producing the brief cost."""

    articles: int
    model_calls: int
    prompt_tokens: int
    completion_tokens: int
    dropped: int = Field(description="Model outputs rejected by validation.")
    independent_sources: int = Field(
        0,
        description="Usable sources on the story (not failed, not off-topic) once near-copies "
        "of one article count as one.",
    )


class Brief(_Strict):
    """The consolidated, sourced brief."""

    title: str
    lede: list[LedeSentence]
    lede_by: Literal["model", "rules"] = Field(
        "rules", description="'model': written by the model and checked against the facts."
    )
    events: list[MergedEvent]
    speakers: list[SpeakerQuotes]
    stances: list[StanceRow]
    stance_target: str | None = Field(
        None,
        description="The story's main development, which every stance is on (named once).",
    )
    figures: list[FigureGroup]
    differences: list[Difference]
    entities: list[Entity]
    sources: list[SourceInfo]
    failures: list[Failure] = Field(default_factory=list)
    off_topic: list[OffTopic] = Field(
        default_factory=list,
        description="Articles about another story: named, and kept out of everything above.",
    )
    unjudged: list[Failure] = Field(
        default_factory=list,
        description=(
            "Articles whose model judgements are missing (the model failed); their rule-found "
            "quotes, speakers and figures are in the brief."
        ),
    )
    left_to_json: list[
        Literal["timeline", "figures", "titles", "people", "speakers", "stances"]
    ] = Field(
        default_factory=list,
        description=(
            "What the Markdown leaves out to stay short (it says how much): the timeline "
            "(``events`` on_timeline), the figures, the sources' titles, the other names of "
            "people and bodies (``entities``), the names of speakers none of whose quotes it "
            "lists, the stances. All of it is here."
        ),
    )
    developments_left: int = Field(
        0,
        description="Developments the Markdown would list that it leaves to the JSON to stay "
        "short (the least wanted: shown 'none' here, and counted in the Markdown).",
    )
    model: str | None = Field(
        None,
        description="What judged ('model|endpoint|answer format'); null: made by rules alone.",
    )
    stats: BriefStats
