"""What one article yields once the model's answer has been checked against the text.

Every item keeps the source marker (``S2``) and the character offsets or sentence numbers
that tie it to the cleaned article text, so any line of the brief can be traced back.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .model_io import Position

QuoteKind = Literal["quote", "partial", "scare"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SourceInfo(_Strict):
    """One input article: where it came from and how it was read."""

    id: str = Field(description="Source marker used in the brief, e.g. 'S2'.")
    path: str = Field(description="File path relative to the input folder.")
    title: str | None = None
    outlet: str | None = None
    outlet_inferred: bool = Field(
        False,
        description="True when the outlet was read off the text (a publisher's newsletter or "
        "copyright line, a house byline such as 'By Globe Reporter'), not given by metadata.",
    )
    date: str | None = None
    url: str | None = None
    wire: str | None = Field(
        None, description="Wire agency a dateline or closing credit names, e.g. 'Reuters'."
    )
    dateline: str | None = Field(
        None, description="The dateline as written, without the wire, e.g. 'KYIV, Feb 24'."
    )
    author: str | None = Field(None, description="Author from metadata or a byline.")
    sha256: str = Field(description="Hash of the cleaned text.")
    characters: int = Field(description="Length of the cleaned text.")
    removed_lines: list[str] = Field(
        default_factory=list, description="Every line or fragment taken out of the text."
    )
    captions: list[str] = Field(
        default_factory=list,
        description="Picture captions, kept apart from the text (also in removed_lines).",
    )
    notes: list[str] = Field(
        default_factory=list,
        description="How the file was read: encoding, repairs, invisible characters removed.",
    )
    duplicate_of: str | None = Field(
        None, description="Marker of the article this one is a near-copy of."
    )


class Quote(_Strict):
    """A direct quotation, verbatim from its article."""

    id: str = Field(description="'S2.Q3': quote 3 of source S2.")
    source: str
    text: str = Field(
        description="The quoted words exactly as in the article, without quote marks."
    )
    kind: QuoteKind
    speaker: str | None = Field(
        description="Who said it, as named in the article; null if unknown."
    )
    speaker_role: str | None = Field(
        None,
        description="The speaker's role as the article gives it ('council leader'); for a "
        "speaker the article does not name (speaker null), how it describes them ('one "
        "resident').",
    )
    attributed_by: Literal["model", "rule", "none"]
    start: int = Field(description="Offset of the first quoted character in the cleaned text.")
    end: int
    sentence: int = Field(description="Number of the sentence that holds it.")
    continues: str | None = Field(None, description="Id of the quote this one continues.")
    translated: bool = Field(
        False,
        description="The article gives the words in translation ('she said (translated)', "
        "'in a statement translated from Croatian'), not as they were spoken.",
    )


class Figure(_Strict):
    """A quantity the article reports, with its sentence and who claims it."""

    id: str
    source: str
    value: str = Field(
        description="The figure as written, with currency, scale, range and unit: '$170 million', "
        "'£3bn', '2,000-3,000', '1.2-billion-euro'; verbatim at text[start:end]."
    )
    number: float = Field(
        description="The normalised value in units (170000000.0); a range's low end."
    )
    high: float | None = Field(None, description="A range's high end in units; null for one value.")
    against: float | None = Field(
        None,
        description="A vote tally's other side ('seven to four', '7-4': number 7, against 4); "
        "null for any other figure.",
    )
    unit: str | None = Field(
        None,
        description="ISO 4217 currency code ('USD', 'GBP', 'EUR'), a unit ('%', 'km²', 'tonne'); "
        "null for a plain count.",
    )
    scale: str | None = Field(
        None, description="'thousand', 'million', 'billion' or 'trillion' as written ('bn', 'm')."
    )
    qualifier: str | None = Field(None, description="'at least', 'about', ... as written.")
    counts: str = Field(
        description="What it counts, from the figure's own phrase ('North Korean troops', 'rival "
        "bid'); '' when the phrase names nothing."
    )
    outcome: str | None = Field(
        None, description="What happened to what is counted, as written ('killed or wounded')."
    )
    sense: str | None = Field(
        None,
        description="What kind of count its phrase makes it: 'workforce' ('employs 600 "
        "people'), 'population' ('a town of 9,400 people', 'home to'), 'served' ('serving "
        "half a million people'), 'capacity' ('the hall holds 400 people'), 'planned' (a "
        "plan, target or expectation: 'aims to deploy 6,000', '10,000 expected to be sent'), "
        "'part' (set apart from the rest: 'the other two insurers'), 'happened' (told as "
        "done: 'had arrived', 'moved 3,000'); null when its phrase does not say. A "
        "workforce, a population, a catchment, a capacity and a part are each their own "
        "quantity; a planned figure is never one quantity with one that happened.",
    )
    claimant: str | None = Field(description="Who states it; null when the outlet does.")
    sentence: int
    sentence_text: str
    start: int
    end: int


class Event(_Strict):
    """A key event as one article reports it."""

    id: str
    source: str
    summary: str = Field(description="Short wording of the event, checked against its sentences.")
    sentences: list[int]
    evidence: list[str] = Field(description="The supporting sentences, verbatim.")
    when: str | None = Field(None, description="The time phrase as written ('on Monday').")
    date: str | None = Field(
        None,
        description="The day the time phrase points to (ISO), seen from the article's dateline "
        "date or else its own date; null for vague phrases ('last week') or no date.",
    )


SentenceRole = Literal["headline", "caption", "body"]


class ReportedSentence(_Strict):
    """A sentence of the article's own reporting (not mostly someone's quoted words), the
    material developments are clustered from. Found by rule; ``key`` is the model's vote."""

    sentence: int = Field(description="Number of the sentence in the article (1-based).")
    text: str = Field(description="The sentence, verbatim.")
    role: SentenceRole = Field(
        "body",
        description=(
            "'headline': the title or a headline line; 'caption': a photo caption (a line "
            "with a picture credit); 'body': reporting. Headlines and captions support a "
            "development but are never one."
        ),
    )
    rank: int = Field(
        0, description="Position among the article's body sentences (0: the first, the lead)."
    )
    when: str | None = Field(None, description="Its time phrase, as written.")


class Stance(_Strict):
    """An actor's position as one article shows it."""

    source: str
    actor: str
    position: Position
    target: str | None = Field(
        None,
        description=(
            "What the position is on: the article's main development, as its headline (or "
            "first sentence) words it."
        ),
    )
    sentence: int
    evidence: str = Field(description="The sentence that shows the position, verbatim.")
    quote: str | None = Field(None, description="The actor's own words that support it, verbatim.")


ClaimPosition = Literal["confirms", "denies", "does not deny", "does not confirm"]


class Claim(_Strict):
    """An actor's statement that something is or is not true, found by rule."""

    source: str
    sentence: int
    text: str = Field(description="The sentence, verbatim.")
    actor: str = Field(description="Who confirms or denies, as the sentence names them.")
    position: ClaimPosition
    cue: str = Field(description="The words that carry the position ('has denied').")
    context: str | None = Field(
        None, description="The sentence before, when it tells what is denied."
    )


class ExtractionStats(_Strict):
    """What extracting one article cost and what was thrown away."""

    model_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_prompt_tokens: int = 0
    model_seconds: float = 0.0
    dropped: list[str] = Field(
        default_factory=list, description="Model output rejected by validation."
    )


class ArticleExtraction(_Strict):
    """Everything extracted from one article."""

    source: SourceInfo
    quotes: list[Quote] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    stances: list[Stance] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    sentences: list[ReportedSentence] = Field(
        default_factory=list,
        description="Every reporting sentence, headline and caption, in article order.",
    )
    stats: ExtractionStats = Field(default_factory=ExtractionStats)
    error: str | None = Field(None, description="Why extraction failed, when it did.")
    model_error: str | None = Field(
        None,
        description=(
            "Why the model's judgements (speakers of unattributed quotes, claimants, key "
            "sentences, stances) are missing; the rule-found facts are kept."
        ),
    )
