"""Quantities an article reports, found by rule with their character offsets. Pure.

A figure is a quantity: its value as a number, its currency or unit, its scale ('million',
'bn', 'm'), a range ('2,000-3,000', 'between 5 and 10'), how exact it is ('about', 'at
least'), what it counts (the noun of its own phrase, never a neighbour's) and who claims it.
Dates, years and decades, ages, durations ('a five-year plan'), ordinals, list and question
numbers, identifiers ('Flight 370'), page and citation numbers, clock times, phone numbers,
sports scores and a currency conversion in brackets are not figures.

Library choice, measured on news phrasings (the issue "Figures and time a reader can use"):
``price-parser`` reads one price per string and drops the scale ('$170 million' -> 170);
``quantulum3`` reads '£3bn' as 3 'pound sterling bit newton', '$170m' as 170 'dollar metre',
'1.2-billion-euro' as 500000000.6 and '1884' as a quantity. Neither keeps news scales and
conventions, so the rules here do, with the word lists of ``vocabulary``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .vocabulary import (
    APPROXIMATIONS,
    BODY_WORDS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DECIMAL_COMMA_WORDS,
    DETERMINERS,
    GENERIC_COUNTS,
    HONORIFICS,
    IDENTIFIER_NOUNS,
    IRREGULAR_PLURALS,
    LETTER_MARKS,
    MEASURE_UNITS,
    MONEY_KINDS,
    MONEY_WORDS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    OUTCOME_WORDS,
    RANK_WORDS,
    ROLE_NOUNS,
    SCALE_NAMES,
    SCALES,
    SPEAKER_PRONOUNS,
    SPEECH_VERB_FORMS,
    STREET_WORDS,
    SUBJECT_WORDS,
    TEMPERATURE_WORDS,
    TIME_UNITS,
    WEEKDAYS,
    WEIGHT_WORDS,
    word_alternation,
)

_MONTHS = word_alternation([*MONTHS, *MONTH_ABBREVIATIONS])
_CUR = word_alternation(CURRENCY_SYMBOLS)
_SCALE = (
    r"(?i:thousand|million|billion|trillion|lakhs?|crores?|tausend|millionen|milliarden|"
    r"milliarde|mio|mrd)"
    r"|mn|mln|bn|bln|tn|trn|m|k|b|M|B|K"
)
_UNIT = word_alternation([*MEASURE_UNITS, *CURRENCY_WORDS, *TIME_UNITS])
_NUMBER = {
    "en": r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?",
    "continental": r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?",
}
_WORD_NUMBERS = {"a": 1, "half a": 0.5, "a hundred": 100, "hundred": 100}
#: Number words: the units and teens, the tens, and the digits read after 'point'.
_ONES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_DIGIT_WORDS = {"zero": 0, "nought": 0, "oh": 0} | {w: n for w, n in _ONES.items() if n < 10}
_BIG = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_ONE_WORD = word_alternation(_ONES)
_DIGIT_WORD = word_alternation(_DIGIT_WORDS)
# 1..99 ('forty', 'twenty-five', 'twenty five'), then up to 999 ('three hundred and forty')
_UNDER_100 = rf"(?:{word_alternation(_TENS)})(?:[-\s](?:{_ONE_WORD})(?![-\s]hundred))?|{_ONE_WORD}"
_UNDER_1000 = rf"(?:(?:{_UNDER_100}|a)\s+hundred(?:\s+(?:and\s+)?(?:{_UNDER_100}))?|{_UNDER_100})"
#: A number written out in words, as a transcript or spoken-style copy gives it: 'forty',
#: 'twenty-five', 'three hundred and forty', 'two thousand five hundred', 'two point four'
#: (a scale word after it, 'two point four million', is read as the scale).
SPELLED_NUMBER = (
    rf"(?:{_UNDER_1000})(?:,?\s+(?:thousand|million|billion)(?:,?\s+(?:and\s+)?(?:{_UNDER_1000}))"
    rf"(?!\s+(?:thousand|million|billion)\b))?(?:\s+point(?:\s+(?:{_DIGIT_WORD}))+|\s+and\s+a\s+half)?(?![\w-])"
)
_WORDNUM = rf"{SPELLED_NUMBER}|{word_alternation(_WORD_NUMBERS)}"
#: Number words that count a measure or a sum in words ("four metres", "FOUR inches",
#: "twenty pounds"); "a" and "one" alone ("a metre away", "one mile from") are left out:
#: they rarely state a quantity at issue.
_WORDNUM_MEASURE = rf"(?!(?:a|one|half\s+a)\s+(?!hundred|point)[a-z])(?:{SPELLED_NUMBER})"
_MEASURE = word_alternation([*MEASURE_UNITS, *CURRENCY_WORDS])


def spelled_number(words: str) -> float | None:
    """The value of a number written out in English words ('three hundred and forty' ->
    340.0, 'twenty-five' -> 25.0, 'two point four' -> 2.4, 'two thousand five hundred' ->
    2500.0, 'sixteen and a half' -> 16.5); None when ``words`` holds a word that is no part
    of one."""
    total, current, decimals = 0.0, 0.0, None
    words = re.sub(r"\band\s+a\s+half\b", "point five", words.lower())  # 'sixteen and a half'
    for word in re.findall(r"[a-z]+", words):
        if decimals is not None:
            if word not in _DIGIT_WORDS:
                return None
            decimals += str(_DIGIT_WORDS[word])
        elif word == "point":
            decimals = ""
        elif word == "and":
            continue
        elif word in _ONES or word in _TENS:
            current += _ONES.get(word) or _TENS[word]
        elif word == "a":
            current += 1
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _BIG:
            total += (current or 1) * _BIG[word]
            current = 0
        else:
            return None
    value = total + current
    if decimals:
        value = float(f"{int(value)}.{decimals}")
    return value


def _figure_pattern(style: str) -> re.Pattern[str]:
    number = _NUMBER[style]
    return re.compile(
        rf"(?<![\w.,:/#$£€¥₹₽₩₺₪₴^-])(?:(?<!['’])|(?=[A-Za-z]))"
        rf"(?P<cur>{_CUR})?\s?(?P<num>{number}|(?i:{_WORDNUM})(?=[\s-](?i:thousand|million|billion|trillion)\b)"
        rf"|(?i:{_WORDNUM_MEASURE})(?=[\s-](?i:{_MEASURE})(?![\w])))"
        rf"(?P<scale1>-?\s?(?:{_SCALE})(?:(?<=[Mm]io|[Mm]rd)\.)?(?![\w’']))?"
        rf"(?:(?P<sep>\s?[-–—]\s?|\s+to\s+|\s+and\s+)(?P<cur2>{_CUR})?(?P<num2>{number}))?"
        rf"(?P<scale>-?\s?(?:{_SCALE})(?:(?<=[Mm]io|[Mm]rd)\.)?(?![\w’']))?"
        rf"(?P<unit>\s?-?\s?(?i:{_UNIT})(?![\w]))?",
    )


_PATTERNS = {style: _figure_pattern(style) for style in _NUMBER}
# One number with its currency, scale and unit: the first of two that were no range.
_SINGLE = {
    style: re.compile(
        rf"(?P<cur>{_CUR})?\s?(?P<num>{number}|(?i:{_WORDNUM}))"
        rf"(?P<scale>-?\s?(?:{_SCALE})(?:(?<=[Mm]io|[Mm]rd)\.)?(?![\w’']))?"
        rf"(?P<unit>\s?-?\s?(?i:{_UNIT})(?![\w]))?"
    )
    for style, number in _NUMBER.items()
}
_APPROX = re.compile(
    rf"\b(?P<q>{word_alternation(APPROXIMATIONS)})\s+(?:of\s+)?$",
    re.IGNORECASE,
)
_DATE_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s+$", re.IGNORECASE)
_DATE_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b", re.IGNORECASE)
_ID_BEFORE = re.compile(
    rf"(?:\b(?:{word_alternation(IDENTIFIER_NOUNS)})\.?|#|№)\s*$",
    re.IGNORECASE,
)
# A capitalised word right before a bare number names a thing ('Question 1', 'Windows 11'),
# unless it opens the sentence as one of these words do ('Some 500 residents').
_OPENERS = frozenset(
    """about around almost nearly some over under more less fewer between only just up at
    roughly approximately an a the its their his her our all another of in on by for from
    with and but as to since after before until during while when if than another another
    estimated just well no none at exactly precisely barely""".split()
)
_PHONE = re.compile(
    r"(?<![\w,.])(?:\+\d{1,3}[\s.-]?(?:\(\d{1,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){1,4}"
    r"|\(\d{2,5}\)[\s.-]?\d{2,5}(?:[\s.-]\d{2,5}){1,3}"
    r"|0\d{2,4}[\s-]\d{3,4}[\s-]\d{3,4}|(?:1[-\s])?\d{3}-\d{3}-\d{4}|0\d{4}\s\d{6})(?![\w,]|\.\d)"
)
# An emergency telephone number ('the first 911 call', 'dialled 999'): a number to ring, no
# count.
_EMERGENCY_NUMBER = re.compile(
    r"\b(?P<number>911|999|112|000)(?=\s+(?:calls?|callers?|operators?|dispatch\w*|lines?|"
    r"centres?|centers?|services?|system)\b)"
    r"|\b(?:call|calls|called|calling|dial|dials|dialled|dialed|dialling|dialing|ring|rang|"
    r"ringing|phone|phoned|phoning)\s+(?P<number2>911|999|112|000)\b",
    re.IGNORECASE,
)
# A rate of exchange a wire gives in brackets at the end of its copy ('($1 = 0.9375 euros)',
# '(£1 = $1.27)', '(1 euro = 7.45 crowns)'): a conversion note, no figure of the story.
_EXCHANGE_RATE = re.compile(
    rf"\(\s*(?:{_CUR})?\s?1(?:\.0+)?\s*(?:[A-Za-z]+\s*)?=\s*[^()=\n]{{1,40}}\)"
)
_PART_OF = re.compile(
    r"\b(?:page|part|chapter|episode|question|slide|step|item|stage|round|game|photo|image)"
    r"\s+\d{1,4}\s+(?:of|/)\s+$",
    re.IGNORECASE,
)
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b")
_CLOCK_AFTER = re.compile(
    r"^(?:[:.]\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b|o’clock|o'clock|gmt\b|bst\b|utc\b|"
    r"cet\b|et\b|est\b|edt\b|pt\b|hrs\b|local time)",
    re.IGNORECASE,
)
_SCORE_BEFORE = re.compile(r"\b(?:won|lost|beat|beating|drew|defeated|led|trailed|leads)\s+$", re.I)
_SCORE_AFTER = re.compile(
    r"^\s?(?:win|victory|defeat|loss|lead|draw|home win|away win|ruling|decision|vote|"
    r"majority|scoreline|thrashing)\b",
    re.IGNORECASE,
)
_SCORE_SPAN = re.compile(
    r"\b(?:won|lost|beat|beating|drew|defeated|led|trailed|leads|vote of|voted|votes|margin of|"
    r"score of)\s+(?:by\s+)?\d+\s*(?:-|–|to)\s*\d+"
    r"|\b\d+\s*[-–]\s*\d+\s+(?:win|victory|defeat|loss|lead|draw|home win|away win|ruling|"
    r"decision|vote|majority|scoreline)\b",
    re.IGNORECASE,
)
_ENGLISH = frozenset("the and of to in is that for was with said on it as at by".split())


def number_style(text: str) -> str:
    """'continental' when ``text`` is in a language that groups thousands with dots and
    writes decimals with a comma ('1.000' is one thousand in German), else 'en'; decided by
    how many of each kind's function words the text holds."""
    words = re.findall(r"[a-zäöüßéèàçñ]+", text.lower())
    english = sum(w in _ENGLISH for w in words)
    other = sum(w in DECIMAL_COMMA_WORDS and w not in _ENGLISH for w in words)
    return "continental" if other > 2 * max(english, 1) else "en"


@dataclass(frozen=True)
class FigureSpan:
    """A quantity in the text, ``text[start:end] == value``."""

    id: str
    """'F1', 'F2'… in order of appearance."""
    start: int
    end: int
    value: str
    """As written, with currency, scale, range and unit ('$170 million', '2,000-3,000')."""
    number: float
    """The value in units (170000000.0); for a range, its low end."""
    qualifier: str | None
    """How exact it is, lower case as written ('at least', 'about', 'between'); None."""
    counts: str
    """What it counts, from its own phrase ('North Korean troops', 'rival bid'); '' when
    the phrase names nothing."""
    high: float | None = None
    """The high end of a range, in units; None for a single value."""
    unit: str | None = None
    """ISO currency code ('USD'), a unit ('%', 'km²', 'tonne') or None for a plain count."""
    scale: str | None = None
    """'thousand', 'million', 'billion' or 'trillion' as the text scales it; None."""
    outcome: str | None = None
    """What happened to what is counted, as written after it ('killed or wounded')."""
    sense: str | None = None
    """What kind of count its phrase makes it (``figure_sense``): 'workforce', 'population',
    'served', 'capacity', 'planned' or 'happened'; None when its phrase does not say."""
    against: float | None = None
    """A vote tally's other side ('seven to four', 'by 7 votes to 4': ``number`` 7, 4);
    None for any other figure."""


def find_figures(text: str) -> list[FigureSpan]:
    """Every quantity in ``text`` that is not a date, a year, an age, a duration, an ordinal,
    an identifier, a list or citation number, a clock time, a phone number or a score, in
    order; numbers are read in the text's own style (``number_style``)."""
    pattern = _PATTERNS[number_style(text)]
    continental = pattern is _PATTERNS["continental"]
    blocked = [m.span() for m in _PHONE.finditer(text)]
    blocked += [m.span() for m in _NUMERIC_DATE.finditer(text)]
    blocked += [m.span() for m in _SCORE_SPAN.finditer(text)]
    blocked += [m.span(m.lastgroup) for m in _EMERGENCY_NUMBER.finditer(text)]
    blocked += [m.span() for m in _EXCHANGE_RATE.finditer(text)]
    tallies = _tallies(text)
    blocked += [(t.start, t.end) for t in tallies]
    figures: list[FigureSpan] = []
    previous: FigureSpan | None = None
    rejected: tuple[int, int] | None = None  # the last small bare number that is no figure
    position = 0
    while True:
        match = pattern.search(text, position)
        if not match:
            break
        position = match.end()
        if any(s <= match.start() < e for s, e in blocked):
            continue
        parts = _parts(text, match, continental)
        if parts is None:
            continue
        start, end, number, high, unit, scale, single = parts
        if single is not None:  # not a range after all: read the first number alone
            position = single
        if _not_a_figure(text, start, end, unit, scale, number, high, figures) or (
            _goes_on_from(text, rejected, start, end, unit or scale)
        ):
            rejected = (start, end) if not unit and not scale and number < 1000 else None
            continue
        rejected = None
        counts, outcome = _counts(text, start, end, unit)
        same_sentence = previous is not None and not re.search(
            r"[.!?]\s", text[previous.end : start]
        )
        if (
            unit is None
            and scale
            and same_sentence
            and previous.scale
            and _is_money(previous.unit)
            and not re.search(r"[;()]", text[previous.end : start])
            and (not counts or counts.split()[-1].lower() in MONEY_WORDS | _KIND_OF.keys())
        ):
            # a currency written once over a list: '40 million dollars in fees and 12 million
            # in costs' — the second sum is in dollars too
            unit = previous.unit
        earlier = _EARLIER.search(text, max(0, start - 20), start)
        if (
            not counts
            and not earlier
            and previous
            and same_sentence
            and not re.search(r"[;()]", text[previous.end : start])  # '(MHRA); X says about 600'
            and previous.unit == unit
            and unit is None
        ):
            counts = previous.counts  # '3,000 soldiers …, with a total of 10,000 expected'
            outcome = outcome or previous.outcome
        if not counts and unit is None and not earlier:
            counts = _generic_or(_subject_before(text, start))  # 'visitor numbers rose to 1.3m'
            counts, outcome = outcome_ending(counts, outcome)  # 'put the number evacuated at'
            ordered = _ORDERED_BEFORE.search(text, max(0, start - 100), start)
            if ordered:  # 'the number of people under evacuation orders at roughly 11,000'
                counts, outcome = ordered["noun"], "evacuated"
        figure = _span(
            text, f"F{len(figures) + 1}", start, end, number, counts, outcome, high, unit, scale
        )
        figures.append(figure)
        previous = figure
    if tallies:
        merged = sorted([*figures, *tallies], key=lambda f: f.start)
        figures = [replace(f, id=f"F{i}") for i, f in enumerate(merged, 1)]
    figures = _with_counts_in_words(text, figures)
    return _rates_and_ratios(text, _first_of_pairs(text, figures))


_BASE = r"\d{1,3}(?:,\d{3})+|\d+|(?:a\s+|one\s+)?(?:hundred|thousand|million)"
#: A rate's base after a count and what it counts: 'per 1,000', 'for every 100,000', 'per
#: thousand', 'in every 100'.
_RATE_BASE = re.compile(
    rf"(?:\s+[A-Za-z][\w'’-]*){{0,3}}?\s+(?:per|for\s+every|in\s+every)\s+(?P<base>{_BASE})\b",
    re.IGNORECASE,
)
#: A share told as a count in a count: 'one in 20', '1 in 4', 'two in every five'.
_ONE_IN = re.compile(
    rf"\b(?P<part>\d{{1,3}}|{_UNDER_100})\s+(?:in|out\s+of)\s+(?:every\s+)?$",
    re.IGNORECASE,
)
#: The name of a ratio a study reports before its value: 'hazard ratio 1.23', 'an odds ratio
#: of 1.4', 'HR 0.82'.
_RATIO_NAME = re.compile(
    r"\b(?P<name>(?:adjusted\s+)?(?:hazard|odds|risk|rate|incidence\s+rate)\s+ratio|"
    r"relative\s+risk|HR|OR|RR|aHR|aOR)\s*(?:of|was|is|=|:|,)?\s*$"
)
_SPELLED_BASES = {"hundred": 100.0, "thousand": 1e3, "million": 1e6}


def _base_value(base: str) -> float:
    word = base.lower().split()[-1]
    return _SPELLED_BASES.get(word) or float(base.replace(",", ""))


def _rates_and_ratios(text: str, figures: list[FigureSpan]) -> list[FigureSpan]:
    """``figures`` with rates and ratios told as such: a count per a base ('seven extra
    cases per 1,000', '31 deaths per thousand') keeps its base as its unit ('per 1,000') and
    the base is no figure of its own; a share told 'one in 20 adults' is the share (5%) of
    what it counts; a ratio a study names ('hazard ratio 1.23') counts that ratio."""
    result: list[FigureSpan] = []
    dropped: set[int] = set()
    for index, figure in enumerate(figures):
        if index in dropped:
            continue
        before = text[max(0, figure.start - 30) : figure.start]
        one_in = _ONE_IN.search(before) if figure.unit is None and figure.high is None else None
        part = one_in and (
            float(one_in["part"]) if one_in["part"].isdigit() else spelled_number(one_in["part"])
        )
        if one_in and part and figure.number > part and not figure.scale:
            start = figure.start - len(before) + one_in.start()
            if result and result[-1].start >= start:
                result.pop()  # '2 in 5 adults': the part is no count of its own
            qualifier = _APPROX.search(text[max(0, start - 30) : start])
            figure = replace(
                figure,
                start=start,
                value=text[start : figure.end],
                number=round(100 * part / figure.number, 2),
                unit="%",
                qualifier=qualifier.group("q").lower() if qualifier else figure.qualifier,
            )
        rate = _RATE_BASE.match(text, figure.end) if figure.unit is None else None
        if rate and not re.search(r"[.;:!?]", rate.group()):
            base = _base_value(rate["base"])
            figure = replace(figure, unit=f"per {base:,.0f}")
            for later in range(index + 1, len(figures)):
                if figures[later].start == rate.start("base"):
                    dropped.add(later)  # 'per 1,000 heavy users': the base, no count
        ratio = _RATIO_NAME.search(text, max(0, figure.start - 40), figure.start)
        if ratio and figure.unit is None and figure.number < 100:
            figure = replace(figure, counts=ratio["name"].lower())
        result.append(figure)
    if len(result) == len(figures) and all(a is b for a, b in zip(result, figures, strict=True)):
        return figures
    return [replace(f, id=f"F{i}") for i, f in enumerate(result, 1)]


_TALLY_NUMBER = rf"\d{{1,3}}|(?i:{_UNDER_100})"
# A vote's tally, both sides: 'by seven votes to four', 'voted 7-4', 'a vote of 9 to 2',
# 'approved the scheme 7-4', 'backed it by five to two', 'a 6-3 vote' (a court's '5-4
# ruling' is left out with the scores).
_TALLY = re.compile(
    rf"\bby\s+(?P<a>{_TALLY_NUMBER})\s+votes?\s+to\s+(?P<b>{_TALLY_NUMBER})\b"
    rf"|\b(?i:voted|votes?\s+(?:of|was|were|went)|vote\s+of|ballot\s+of|(?:approved|rejected|"
    rf"passed|backed|carried|defeated|adopted|endorsed|threw\s+out|overturned|upheld|ratified)"
    rf"(?:\s+(?:the|a|an|its|their|it|them)(?:\s+[a-z][\w-]*){{0,2}})?)\s+(?:by\s+)?"
    rf"(?P<c>{_TALLY_NUMBER})(?:\s*[-–]\s*|\s+to\s+)(?P<d>{_TALLY_NUMBER})\b"
    rf"|\b(?P<e>\d{{1,3}})\s*[-–]\s*(?P<f>\d{{1,3}})(?=\s+(?:vote|votes)\b)"
)


def _tallies(text: str) -> list[FigureSpan]:
    """The vote tallies of ``text``, each one figure that keeps both sides ('by seven votes
    to four', 'voted 7-4', 'approved the plan 7-4', 'a 6-3 vote'): the winning side its
    ``number``, the other its ``against``, counting votes."""
    found = []
    for match in _TALLY.finditer(text):
        first, second = next((g, h) for g, h in ("ab", "cd", "ef") if match[g])
        start = match.start(first)
        sides = [
            float(side) if side.isdigit() else spelled_number(side)
            for side in (match[first], match[second])
        ]
        if None in sides or sides[0] < sides[1] or not sides[0]:
            continue  # not a tally: the winning side comes first
        found.append(
            FigureSpan(
                id="",
                start=start,
                end=match.end(second),
                value=text[start : match.end(second)],
                number=sides[0],
                qualifier=None,
                counts="votes",
                against=sides[1],
            )
        )
    return found


# Counts written in words, as news style writes those under ten and round tens and a
# transcript writes any ("seven deaths", "Nine people were taken to hospital", "TEN taken to
# hospital", "twenty-three variations", "three hundred and forty homes"): a word number
# right before what it counts.
_COUNT_IN_WORDS = re.compile(rf"(?<![\w’'-])(?i:{SPELLED_NUMBER})(?![\w’'-])")
#: Words after a word number that make it no count of things: 'two of them', 'the two
#: sides', 'one or two', 'nine times out of ten', 'two-thirds'.
_NOT_COUNTED_AFTER = re.compile(r"^(?:\s+(?:of|or|and|to|times|percent|per)\b|-|\s*%)", re.I)


#: What an article counts of itself ('five questions about …', 'three things we learned'):
#: no reported quantity.
_ARTICLE_NOUNS = frozenset(
    """questions answers things ways reasons words lessons takeaways tips facts moments
    highlights""".split()
)
# What turns an uncountable into items ('pieces of news', 'bits of advice'): no quantity.
_PIECES_OF = re.compile(
    r"\s+(?:pieces|bits|items|nuggets|scraps|snippets)\s+of\s+(?:(?:good|bad|welcome|"
    r"unwelcome|grim|mixed|useful|practical)\s+)?(?:news|advice|information|gossip|luck|"
    r"wisdom|guidance|evidence)\b",
    re.IGNORECASE,
)
_DEFINITE_BEFORE = re.compile(
    r"\b(?:the|these|those|its|their|his|her|our|my|your|all|both|every)\s+$"
    rf"|\b(?:\d+|one|{_ONE_WORD})\s+(?:or|to|and)\s+$",
    re.I,
)


#: A change of a count, its first value and what it counts before the second: 'from nine
#: engineers to ', 'from 120 nurses to '.
_FROM_TO = re.compile(
    r"\bfrom\s+(?P<first>[\w,.]+)\s+(?:[A-Za-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*s\s+to\s+$"
)


def _with_counts_in_words(text: str, figures: list[FigureSpan]) -> list[FigureSpan]:
    """``figures`` with the counts ``text`` writes in words added in order: a word number
    from two to ninety-nine right before a plural noun it counts ('seven deaths', 'nine
    passengers were taken to hospital'); never a duration ('three days'), an age, a
    number inside a figure already found ('two million'), or a word number followed by
    'of', 'or' or 'times'; and the second value of a change the first names the count of
    ('from nine engineers to five')."""
    taken = [(f.start, f.end) for f in figures]
    added: list[FigureSpan] = []
    for match in _COUNT_IN_WORDS.finditer(text):
        start, end = match.span()
        if any(a <= start < b or a < end <= b for a, b in taken):
            continue
        after = text[end : end + 40]
        if _DEFINITE_BEFORE.search(text[max(0, start - 20) : start]):
            continue  # 'the two sides', 'one or two people': a reference, not a count
        if _NOT_COUNTED_AFTER.match(after) or re.match(
            r"^\s+(?:thousand|million|billion)", after, re.I
        ):
            continue
        if _not_a_figure(text, start, end, None, None, 10.0, None, figures):
            continue
        words, _ = _words_after(text, end)
        earlier = _FROM_TO.search(text, max(0, start - 80), start)
        if earlier is not None and earlier.end() == start:
            # 'cut its team from nine engineers to five': the second value counts the same
            low = match.group().lower()
            number = spelled_number(low) or 0.0
            before = [f for f in [*figures, *added] if earlier.start("first") <= f.start < start]
            if number and low != "one" and before and before[0].counts:
                added.append(
                    _span(text, "", start, end, number, before[0].counts, before[0].outcome)
                )
            continue
        if not words or not _is_plural(words[-1]) or words[0].lower() in TIME_UNITS:
            continue
        if words[-1].lower() in _ARTICLE_NOUNS:
            continue  # 'five questions', 'three things to know': the article's own parts
        if _PIECES_OF.match(text, end):
            continue  # 'two pieces of news', 'a few bits of advice': no count at issue
        if words[-1].lower() in TIME_UNITS or words[-1].lower().rstrip("s") in TIME_UNITS:
            continue
        low = match.group().lower()
        number = spelled_number(low) or 0.0
        if not number or low in ("one",):
            continue
        counts, outcome = _counts(text, start, end, None)
        added.append(_span(text, "", start, end, number, counts, outcome))
    if not added:
        return figures
    merged = sorted([*figures, *added], key=lambda f: f.start)
    return [replace(f, id=f"F{i}") for i, f in enumerate(merged, 1)]


def _span(
    text: str,
    span_id: str,
    start: int,
    end: int,
    number: float,
    counts: str,
    outcome: str | None,
    high: float | None = None,
    unit: str | None = None,
    scale: str | None = None,
) -> FigureSpan:
    """The figure at ``text[start:end]`` with the approximation written before it and the
    kind of count its clause makes it (``figure_sense``)."""
    qualifier = _APPROX.search(text[max(0, start - 30) : start])
    if qualifier and _over_as_preposition(text, start, end, unit, qualifier.group("q")):
        qualifier = None
    return FigureSpan(
        id=span_id,
        start=start,
        end=end,
        value=text[start:end],
        number=number,
        qualifier=qualifier.group("q").lower() if qualifier else None,
        counts=counts,
        high=high,
        unit=unit,
        scale=scale,
        outcome=outcome,
        sense=figure_sense(text, start, end),
    )


#: Words after which 'over' says what about, not 'more than': 'quits over £48m deal', 'a row
#: over $2bn contract', 'sued over 40 missed payments'.
_ABOUT_OVER = re.compile(
    r"\b(?:quits?|quitting|resigns?|resigned|resigning|steps? down|stepped down|row|rows|"
    r"dispute|disputes|clash|clashes|clashed|anger|fury|outrage|probe|inquiry|sued|sues|suing|"
    r"fined|fines|concerns?|questions?|criticism|criticised|criticized|scandal|controversy|"
    r"storm|battle|fight|feud|investigation|investigated|sacked|fired|under fire|backlash)"
    r"\s+over\s+$",
    re.IGNORECASE,
)


_LEFT_OVER = re.compile(
    r"\b(?:quits?|resigns?|resigned|steps?\s+down|stepped\s+down|sacked|ousted|suspended)"
    r"\s+(?:as|from)\s+[a-z][\w\s'’-]{0,40}?\s+over\s+$",
    re.IGNORECASE,
)


def _over_as_preposition(text: str, start: int, end: int, unit: str | None, word: str) -> bool:
    """Whether the 'over' before the figure at ``text[start:end]`` is a preposition, not
    'more than': after a word of dispute or leaving ('quits over £48m deal', 'row over'), or
    before a sum that is an adjective of a singular noun ('over £48m flood barrier deal')."""
    if word.lower() != "over":
        return False
    if _ABOUT_OVER.search(text, max(0, start - 40), start):
        return True
    if _LEFT_OVER.search(text, max(0, start - 60), start):
        return True  # 'Carrow quits as procurement minister over £48m …'
    money = unit is not None and unit.isupper() and len(unit) == 3
    line_end = text.find("\n", end)
    line = text[: line_end if line_end >= 0 else len(text)]
    words, _ = _words_after(line, end) if money else ([], end)
    return bool(words) and words[-1][:1].islower() and not _is_plural(words[-1])


def _goes_on_from(
    text: str, rejected: tuple[int, int] | None, start: int, end: int, marked: object
) -> bool:
    """Whether the bare number at ``text[start:end]`` goes on from the small bare number
    before it that is no figure, as the next item of one list ('aged 17 and 19', 'Questions 3,
    4 and 5', 'at 5 and 6'): joined to it by 'and', 'or', 'to', a comma or a dash, and with
    no noun of its own after it."""
    if rejected is None or marked or not re.fullmatch(r"\d{1,3}", text[start:end]):
        return False
    if not re.fullmatch(r"\s*(?:,|and|or|to|&|-|–|,\s*and)\s*", text[rejected[1] : start]):
        return False
    return not re.match(r"\s+[a-z]", text[end : end + 2]) or bool(
        re.match(r"\s+(?:and|or|to|on|in|at|of|for|were|was|are|is|had|have)\b", text[end:])
    )


_APPROXIMATION = rf"(?:(?:{word_alternation(APPROXIMATIONS)}|a|an)\s+)*"
#: Words before a figure that make it a kind of count ('employs about 600 people').
_SENSE_BEFORE = {
    "workforce": rf"\b(?:employs|employ|employed|employing|employer of|workforce of|"
    rf"payroll of|staff of)\s+{_APPROXIMATION}$",
    "population": rf"\b(?:(?:town|city|village|country|nation|island|community|region|state|"
    rf"borough|county|suburb|district|municipality|province|population)\s+of|home to|"
    rf"population of|inhabited by|populated by)\s+{_APPROXIMATION}$",
    "served": rf"\b(?:serving|serves|serve|served|caters for|catering for)\s+{_APPROXIMATION}$",
    # a venue's size: 'the hall holds 400 people' (not 'claims to hold 900 gigabytes')
    "capacity": rf"(?<!\bto )\b(?:holds|can hold|seats|can seat|seating for|capacity of|"
    rf"capacity for|room for|space for|accommodates|can accommodate|sleeps|can take)\s+"
    rf"{_APPROXIMATION}$",
    # a part set apart from the rest: 'the other two insurers', 'the remaining 40 staff'
    "part": r"\b(?:the|its|their)\s+(?:other|remaining)\s+$",
    # a plan, a target or an expectation: 'aims to deploy a total of 6,000', 'a target of 500'
    "planned": rf"\b(?:(?:aims?|aimed|aiming|plans?|planned|planning|intends?|intended|"
    rf"hopes?|hoped|seeks?|sought|expects?|expected|wants?|wanted|is|are|was|were|set|due|"
    rf"projected|forecast|on track|pledged|promised|vowed|scheduled|poised)\s+to\s+"
    rf"[a-z]+(?:\s+(?:up|out|in|on))?|target of|targets? of|goal of|aim of|plans? for|"
    rf"target(?:ing|ed|s)?)\s+{_APPROXIMATION}$",
}
_SENSE_BEFORE_RE = {sense: re.compile(p, re.IGNORECASE) for sense, p in _SENSE_BEFORE.items()}
# Words after a figure (and up to five words of what it counts) that make it a kind of count:
# '10,000 expected to be sent', '9,400 people live there'.
_SENSE_AFTER = {
    "planned": re.compile(
        r"^(?:\s+[\w’'-]+){0,5}?\s+(?:(?:is|are|was|were|being)\s+)?(?:expected|due|set|"
        r"planned|projected|forecast|scheduled|poised|slated)\s+to\b",
        re.IGNORECASE,
    ),
    "workforce": re.compile(
        r"^(?:\s+[\w’'-]+){0,3}?\s+(?:who\s+)?(?:work|works|worked|are employed|were "
        r"employed)\s+(?:there|at|for|in)\b",
        re.IGNORECASE,
    ),
    "population": re.compile(
        r"^(?:\s+[\w’'-]+){0,3}?\s+(?:who\s+)?(?:live|lives|lived)\s+(?:there|in)\b",
        re.IGNORECASE,
    ),
}


# Told as having happened: a verb in the past right before the figure ('moved at least 3,000',
# 'has sent about 2,000'), or a perfect or passive after what it counts ('1,500 troops had
# already arrived', '3,000 soldiers were believed to have been deployed').
_NOT_DONE = (
    r"expected|planned|projected|forecast|targeted|hoped|intended|promised|pledged|wanted|"
    r"aimed|needed|proposed|offered|demanded|estimated|said|reported|claimed|believed"
)
_HAPPENED_BEFORE = re.compile(
    rf"\b(?:(?:has|have|had)\s+(?:\w+ly\s+|already\s+)?[a-z]+(?:ed|en|wn|t)|"
    rf"(?!(?:{_NOT_DONE})\b)[a-z]{{3,}}ed)\s+{_APPROXIMATION}$",
    re.IGNORECASE,
)
_HAPPENED_AFTER = re.compile(
    r"^(?:\s+[\w’'-]+){0,5}?\s+(?:(?:have|has|had)\s+(?:already\s+|now\s+|so far\s+)?"
    r"(?:been\s+)?|(?:were|was)\s+(?:already\s+|reportedly\s+)?)[a-z]+(?:ed|en|wn)\b",
    re.IGNORECASE,
)


# A place's possessive right before a count ("Feorlig's", "the island's", "the town’s"), and
# the people it counts after it: the place's population.
_PLACE_POSSESSIVE = re.compile(
    r"(?:\b(?:the|this|that)\s+(?:island|town|city|village|country|nation|region|state|"
    r"county|borough|district|suburb|valley|community)|\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)[’']s\s+"
    rf"{_APPROXIMATION}$"
)
_RESIDENTS_AFTER = re.compile(
    r"\s+(?:permanent\s+|year-round\s+)?(?:people|residents|inhabitants|islanders|"
    r"villagers|townspeople|citizens)\b"
)


# A change told from one value to another: 'had grown from about 6,000 acres Monday evening
# to more than 15,000 acres by dawn'. Both values are the quantity at other times.
_GROWTH = (
    r"grown|grew|grow|grows|growing|rose|risen|rise|rises|rising|jumped|climbed|fell|fallen|"
    r"dropped|increased|decreased|swelled|swollen|spread|expanded|shrank|shrunk|went|"
    r"soared|surged|ballooned|exploded|declined|slipped"
)
_CHANGE_FROM = re.compile(
    rf"\b(?:{_GROWTH})\s+(?:by\s+\S+\s+)?from\s+(?:{_APPROXIMATION}$|[^.;!?]{{1,80}}?\s+to\s+"
    rf"{_APPROXIMATION}$)",
    re.IGNORECASE,
)


def figure_sense(text: str, start: int, end: int) -> str | None:
    """What kind of count the figure at ``text[start:end]`` is, where its own clause says
    ('Figure.sense'): 'workforce' ('employs about 600 people', '600 people work there'),
    'population' ('a town of 9,400 people', 'home to', '9,400 people live there'), 'served'
    ('serving half a million people'), 'capacity' ('the hall holds 400 people') or 'planned'
    ('aims to deploy a total of 6,000', 'a target of 500', '10,000 expected to be sent'),
    'part' ('the other two insurers', 'the remaining 40 staff'), or 'happened' ('moved at
    least 3,000', '1,500 troops had already arrived'); None when its clause does not say."""
    clause = max(text.rfind(m, 0, start) for m in (",", ";", ":", "(", "—", "–", "\n")) + 1
    before = text[max(clause, start - 80) : start]
    sentence_end = min(
        [i for m in (". ", "; ", "\n") if (i := text.find(m, end)) >= 0], default=len(text)
    )
    after = text[end : min(sentence_end, end + 80)]
    if _CHANGE_FROM.search(text, max(0, start - 120), start):
        return "change"  # 'grew from about 6,000 acres … to more than 15,000 acres by dawn'
    for sense, pattern in _SENSE_BEFORE_RE.items():
        if pattern.search(before):
            return sense
    if _PLACE_POSSESSIVE.search(before) and _RESIDENTS_AFTER.match(text, end):
        return "population"  # "Feorlig's 3,100 residents", "the island's 3,100 people"
    for sense, pattern in _SENSE_AFTER.items():
        if pattern.match(after):
            return sense
    if _HAPPENED_BEFORE.search(before) or _HAPPENED_AFTER.match(after):
        return "happened"
    return None


def _first_of_pairs(text: str, figures: list[FigureSpan]) -> list[FigureSpan]:
    """'from 5 to 10 people', 'rose 500 to 700 units': the first value of a change counts
    what the second does (same unit)."""
    result = list(figures)
    for index in range(len(result) - 2, -1, -1):
        first, second = result[index], result[index + 1]
        joined = text[first.end : second.start].strip().lower() in {"to", "and"}
        if not first.counts and second.counts and joined and first.unit == second.unit:
            result[index] = replace(first, counts=second.counts, outcome=second.outcome)
    return result


def _to_float(digits: str, continental: bool) -> float:
    digits = digits.strip()
    if digits.lower() in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[digits.lower()])
    if re.match(r"[A-Za-z]", digits):
        return spelled_number(digits) or 0.0
    if continental:
        return float(digits.replace(".", "").replace(",", "."))
    return float(digits.replace(",", ""))


# 'rose 500 to 700', 'cut 30 to 20': a change between two values, not a range
_CHANGE_BEFORE = re.compile(
    r"\b(?:rose|rise|rises|risen|fell|fall|falls|fallen|increased|decreased|cut|reduced|raised|"
    r"grew|dropped|climbed|jumped|slipped|went|moved|changed|revised|lowered|lifted)\s+(?:by\s+)?$",
    re.IGNORECASE,
)


#: A distance per hour is a speed ('gusts of up to 70 kilometres an hour', 'winds of 50 miles
#: per hour', '30 metres a second').
_PER_HOUR = re.compile(r"\s+(?:an?|per|each)\s+hour\b|\s?/\s?h(?:r|our)?\b", re.IGNORECASE)
_SPEEDS = {"km": "km/h", "mile": "mph"}
#: Amounts measured per a weight or a volume ('15mg per kilogram', '5 µg per litre').
_DOSES = frozenset({"mg", "g", "µg", "kg"})
_PER_NAMES = {"kilogram": "kg", "kg": "kg", "litre": "L", "liter": "L", "gram": "g", "g": "g"}
_PER_MEASURE = re.compile(
    r"\s*(?:per|a|/)\s*(?P<per>kilograms?|kg|litres?|liters?|grams?|g)\b"
    r"(?:\s+of\s+body\s*weight)?",
    re.IGNORECASE,
)


def _is_money(unit: str | None) -> bool:
    return unit is not None and unit.isupper() and len(unit) == 3


def _scale_word(raw: str | None) -> str | None:
    return raw.strip(" -.").lower() if raw else None


def _parts(text: str, match: re.Match[str], continental: bool):
    """(start, end, number, high, unit, scale, restart) of a match, or None when its letters
    are no scale or unit here; ``restart`` is set when a range turned out to be two numbers
    (the scan resumes after the first)."""
    start, end = match.start("cur") if match.group("cur") else match.start("num"), match.end()
    currency = match.group("cur") or match.group("cur2")
    scale1 = _scale_word(match.group("scale1"))
    scale2 = _scale_word(match.group("scale"))
    unit_raw = (match.group("unit") or "").strip(" -").lower() or None
    restart = None
    scaled = match.group("scale1") or match.group("scale")
    if (
        re.match(r"[A-Za-z]", match.group("num"))
        and scaled
        and not unit_raw
        and re.match(rf",?\s+(?:and\s+)?(?i:{_UNDER_1000})\b", text[match.end() :])
    ):
        return None  # 'two thousand five hundred': read whole as a count in words
    if match.group("num2") is not None:
        sep = match.group("sep").strip().lower()
        before = text[max(0, start - 12) : start].lower()
        if (
            # a sum with its own scale, then a bare number: 'paid $2.5 million to 480
            # farmers' gives the sum and its recipients, no range (a range's ends match)
            (match.group("scale1") and not match.group("scale"))
            or (sep == "and" and not before.rstrip().endswith("between"))
            or (sep == "to" and re.search(r"\bfrom\s+$", before))
            or (sep == "to" and _CHANGE_BEFORE.search(text, max(0, start - 30), start))
        ):
            single = _SINGLE["continental" if continental else "en"].match(text, start)
            if single is None:
                return None
            match, scale1, scale2 = single, None, _scale_word(single.group("scale"))
            unit_raw = (single.group("unit") or "").strip(" -").lower() or None
            currency = single.group("cur")
            end = restart = single.end()
    scale = scale2 or scale1
    low_scale = scale1 or scale2
    # a scale letter needs a currency ('£3bn', '$5m'); 'm' alone is a million unless metres
    for which in {scale1, scale2} - {None}:
        if which in {"k", "b"} and not currency:
            return None
        if which == "m" and not currency and _metres(text, match.end()):
            # '100m sprint': a length
            unit_raw, scale = "metres", None
            low_scale = None
    if match.group("cur") in LETTER_MARKS and (
        text[match.end("cur")].isspace() or not (scale or re.search(r"[,.]\d", match.group("num")))
    ):
        return None  # 'N95 masks', 'Sh 2': a letter, no currency mark
    unit = None
    if currency:
        unit = CURRENCY_SYMBOLS.get(currency.strip(), None)
    if unit_raw:
        unit = CURRENCY_WORDS.get(unit_raw) or MEASURE_UNITS.get(unit_raw) or unit
        if unit_raw in TIME_UNITS:
            unit = "time:" + unit_raw
    end = match.end()
    if unit_raw in {"pound", "pounds"} and not match.group("cur"):
        unit = "GBP" if _pounds_are_money(text, start, end) else "lb"
    per = _PER_MEASURE.match(text, end) if unit in _DOSES else None
    if per:  # '15mg per kilogram of body weight': a dose by weight, not a weight
        unit, end = f"{unit}/{_PER_NAMES[per['per'].lower().rstrip('s')]}", per.end()
    speed = _PER_HOUR.match(text, end) if unit in _SPEEDS else None
    if speed:  # '70 kilometres an hour', '50 miles per hour': a speed, not a distance
        unit, end = _SPEEDS[unit], speed.end()
    if unit is None and not scale:
        degrees = _temperature_letter(text, start, end)
        if degrees:
            unit, end = degrees, end + 1
    number = _to_float(match.group("num"), continental) * SCALES.get(low_scale or "", 1)
    high = None
    if match.groupdict().get("num2"):
        high = _to_float(match.group("num2"), continental) * SCALES.get(scale or "", 1)
        if high <= number:
            return None  # not a range: a date ('2024-10'), a score ('3-1')
    return start, end, number, high, unit, SCALE_NAMES.get(scale or ""), restart


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding ``text[start:end]`` (cut at '. ', '! ', '? ' or a line break)."""
    opening = max(text.rfind(m, 0, start) for m in (". ", "! ", "? ", "\n")) + 1
    closing = [i for m in (". ", "! ", "? ", "\n") if (i := text.find(m, end)) >= 0]
    return text[opening : min(closing, default=len(text))]


_WORD = re.compile(r"[a-z]+")


def _pounds_are_money(text: str, start: int, end: int) -> bool:
    """Whether 'pound(s)' ending at ``end`` is money, not a weight: followed by 'sterling' or
    a conversion in brackets ('18 million pounds ($24m)'); as an adjective before a noun ('a
    300-pound fine', 'a 3 million pound grant'), when that noun is money; before 'of', when
    what follows is money ('pounds of funding'), else a weight ('pounds of cheese'); otherwise
    when its sentence says nothing of weight and either speaks of money (``MONEY_WORDS``:
    'fined 300,000 pounds', 'would contribute 2.4 million pounds') or scales it ('2.1 million
    pounds'). A weight by default: English news writes sterling '£'."""
    after = text[end : end + 40].lower()
    if re.match(r"\s*(?:sterling\b|\(\s*(?:[a-z]{0,2}\$|€|¥|[a-z]{3}\s?\d))", after):
        return True
    if text[end - 5 : end].lower() == "pound":  # singular: an adjective before its noun
        noun = re.match(r"\s*(?:[a-z]+-)*([a-z]+)", after)
        return bool(noun) and noun.group(1) in MONEY_WORDS
    of = re.match(r"\s+of\s+(?:(?:the|a|an|their|its|public|taxpayers['’]?)\s+)*([a-z]+)", after)
    if of:
        return of.group(1) in MONEY_WORDS
    words = set(_WORD.findall(_sentence_around(text, start, end).lower()))
    if words & WEIGHT_WORDS:
        return False
    # a sum in millions of pounds is money: news gives weight in tonnes, not 'million pounds'
    scaled = re.search(r"(?i:thousand|million|billion|trillion|bn|mn)\W*pounds?$", text[start:end])
    return bool(scaled) or bool(words & MONEY_WORDS)


def _temperature_letter(text: str, start: int, end: int) -> str | None:
    """'°C' or '°F' when the number ending at ``end`` is written with the letter right after
    it ('34.2C', '88F') in a sentence about temperatures (``TEMPERATURE_WORDS``); None."""
    letter = re.match(r"([CF])(?![\w’'])", text[end : end + 2])
    if not letter:
        return None
    words = set(_WORD.findall(_sentence_around(text, start, end).lower()))
    return f"°{letter.group(1)}" if words & TEMPERATURE_WORDS else None


def _metres(text: str, end: int) -> bool:
    after = text[end : end + 20].lower()
    return bool(
        re.match(
            r"\s*(?:from|away|long|high|deep|tall|wide|above|below|race|sprint|hurdles|"
            r"freestyle|relay|butterfly|backstroke|breaststroke|final|title|record|of\s+the)\b",
            after,
        )
    )


def _not_a_figure(
    text: str,
    start: int,
    end: int,
    unit: str | None,
    scale: str | None,
    number: float,
    high: float | None,
    found: list[FigureSpan],
) -> bool:
    value = text[start:end]
    before = text[max(0, start - 40) : start]
    after = text[end : end + 40]
    money = unit is not None and unit.isupper() and len(unit) == 3
    if unit == "%" and re.match(
        r"^\s*(?:CI|CrI|confidence\s+interval|credible\s+interval)\b", after, re.I
    ):
        return True  # '95% CI': the level of a confidence interval, no finding
    if not money and re.match(
        r"^\s+times\s+(?:the|that|as|what|higher|more|greater|larger|bigger|lower|smaller|"
        r"over|above|below|[a-z]+er\s+than)\b",
        after,
        re.I,
    ):
        return True  # '76 times the federal limit', '600 times sweeter': a multiple
    if unit and unit.startswith("time:"):
        return True  # a duration: 'for 26 years', 'a five-year plan'
    if re.match(r"^-(?:year|month|week|day|hour|minute|second|decade)s?\b", after, re.I):
        return True  # '69-year-old', 'five-year plan'
    if re.match(r"^(?:’|')?s\b", after) and not money and not unit:
        return True  # a decade or an age band: '1880s', 'in their 40s'
    if re.match(r"^(?:st|nd|rd|th)\b", after, re.I):
        return True  # an ordinal
    if not unit and not scale and re.match(r"^[x×](?![\w’'])", after):
        return True  # a multiple: '11x our 2025 earnings', 'trades at 9×'

    if re.match(r"^\s?/\s?\d", after):
        return True  # a fraction, a score or a part of a date: '3/4', '24/10'
    if re.match(r"^\s?years?[\s-]+old\b", after, re.I) or _AGED.search(before):
        return True  # an age: 'aged 17', 'aged about 4', 'ages between 5 and 11'
    if not unit and not scale and number < 130 and _IS_AGE.search(before):
        if not re.match(r"^\s+(?:[a-z]+s|people|children|men|women|staff)\b", after):
            return True  # an age: 'He's 72 and as fit as anyone', 'she is 45'
    if not money and not scale and (_ADDRESS.match(after) or _ADDRESS_PAIR.match(after)):
        return True  # an address: '1420 Oak Street', 'at 5 and 6 Carlton Terrace'
    if not unit and not scale and number < 25 and _is_clock(text, start, before, after):
        return True  # a time of day: 'until 9 on Friday', 'at 3 and 4am'
    if not unit and not scale and number < 1000 and _RANKED.search(before):
        return True  # a position: 'ranked 4 in the world', 'seeded 2'
    if money and re.search(r"\d\s?p$", value) and re.match(r"^\.?m\b\.?", after, re.I):
        return True  # a time of day read as pence: '2 p.m.', '9 pm'
    if money or scale:
        bracket = _CONVERSION_OPEN.search(before)
        if bracket and found and found[-1].end >= start - len(before) + bracket.start() - 3:
            # a conversion in brackets: '1.2-billion-euro (US$1.3-billion)', '$500,000
            # (about Rs 4.2 crore)': the same sum told again, no figure of its own
            return True
        return False
    bare = not unit
    plain = re.fullmatch(r"\d+", value) is not None
    if plain and 1000 <= number <= 2100 and bare:
        qualified = _APPROX.search(before) is not None
        if not (qualified and re.match(r"^\s+[a-z]", after)):
            return True  # a year
        if high is not None:
            return True
    if re.fullmatch(r"\d{4}[-–]\d{2,4}", value):
        return True  # a span of years: '2014-16', '1990-1991'
    if bare and high is not None and re.fullmatch(r"\d{4}\D+\d{4}", value):
        following = re.match(r"\s+([A-Za-z][\w’'-]*)", after)
        counted = following is not None and _is_plural(following.group(1))
        if 1000 <= number <= 2100 and 1000 <= high <= 2100 and not counted:
            return True  # years: 'between 2019 and 2023', 'from 1990 to 2001'
    if _DATE_BEFORE.search(before) or _DATE_AFTER.match(after):
        return True
    if _CLOCK_AFTER.match(after):
        return True
    if re.match(r"^[:.]\d", after):
        return True  # '10:30', a version, a score
    if _ID_BEFORE.search(before):
        return True
    if plain and bare and _PART_OF.search(before):
        return True  # 'Page 2 of 3', 'part 1 of 4': which part of a document, no quantity
    if plain and bare and _capitalised_name_before(before):
        return True  # 'Question 1', 'Windows 11', 'Flight 370'
    if plain and bare and re.search(r"\[\s*$", before) and re.match(r"^\s*[\],]", after):
        return True  # a citation: '[12]'
    if plain and bare and before.rstrip().endswith("(") and re.match(r"^\s*\)", after):
        return True  # '(61)' after a name, '(3)' a list mark
    if (
        plain
        and bare
        and number < 130
        and re.search(r"[A-Z][\w’'.-]*,\s*$", before)
        and re.match(r"^(?:,|[.;:!?)]|\s*$|\s+(?:and|who|from|of|said|says)\b)", after)
    ):
        # an age in apposition: 'the mayor, Ann Lee, 61,', '… said resident Tom Bell, 58.'
        return True
    line_start = text.rfind("\n", 0, start) + 1
    if plain and re.fullmatch(r"\s*", text[line_start:start]) and re.match(r"^[.):]\s", after):
        return True  # a list number: '1. ', '2) '
    if high is not None and (_SCORE_BEFORE.search(before) or _SCORE_AFTER.match(after)):
        return True  # a score or a vote: 'won 3-1', 'a 5-4 ruling'
    if not high and _SCORE_BEFORE.search(before) and re.match(r"^\s?[-–]\s?\d", after):
        return True
    return False


#: The opening of a bracket that converts the sum before it: '(', '(about ', '(roughly '.
_CONVERSION_OPEN = re.compile(
    r"\(\s*(?:(?:about|around|roughly|approximately|approx\.|some|nearly|almost|just over|"
    r"just under|or|c\.|ca\.|~|≈)\s*)?$",
    re.IGNORECASE,
)
_AGED = re.compile(
    rf"\b(?:aged|age|ages)\s+(?:(?:between|of|from|{word_alternation(APPROXIMATIONS)})\s+)?$",
    re.IGNORECASE,
)
_IS_AGE = re.compile(
    r"\b(?:he|she|i|you|who)(?:['’]s|['’]m|\s+is|\s+was|\s+am|\s+turned|\s+turns)\s+"
    r"(?:(?:only|just|now|still|nearly|almost|about)\s+)?$",
    re.IGNORECASE,
)
_RANKED = re.compile(
    rf"\b(?:{word_alternation(RANK_WORDS)})\s+(?:(?:no\.?|number|joint|at)\s+)?$", re.IGNORECASE
)
# A number before a capitalised name ending in a street word; or the first of two numbers
# before one ('5 and 6 Carlton Terrace', '5-7 High St').
_STREET = rf"(?:[A-Z][\w’'.-]*\s+){{1,3}}(?i:{word_alternation(STREET_WORDS)})\b"
_ADDRESS = re.compile(rf"^[A-Za-z]?\s+{_STREET}")
_ADDRESS_PAIR = re.compile(rf"^\s*(?:and|&|-|–|to)\s*\d{{1,5}}[A-Za-z]?\s+{_STREET}")
# A clock time after a small bare number: a day or a part of one after it ('until 9 on Friday
# morning', 'around 11 Tuesday night', 'by 6 this evening'), or a second time it pairs with
# ('at 3 and 4am', 'between 2 and 5pm').
_CLOCK_DAY = re.compile(
    rf"^\s+(?:(?:on\s+)?(?:{word_alternation(WEEKDAYS)})\b"
    r"|tonight\b|tomorrow\b|today\b|yesterday\b|overnight\b|sharp\b"
    r"|(?:this|that|last|tomorrow|in the)\s+(?:morning|afternoon|evening|night)\b)",
    re.IGNORECASE,
)
_CLOCK_PAIR = re.compile(
    r"^\s*(?:and|or|to|until|till|-|–)\s*\d{1,2}(?:[:.]\d{2})?\s?"
    r"(?:a\.m\.|p\.m\.|am\b|pm\b|o[’']clock)",
    re.IGNORECASE,
)
_DAY_PART = re.compile(
    rf"^\s+(?:(?:on\s+)?(?:{word_alternation(WEEKDAYS)})\s+|this\s+|that\s+|last\s+|in the\s+)"
    r"(?:morning|afternoon|evening|night)\b|^\s+(?:tonight|overnight)\b",
    re.IGNORECASE,
)
# A verb before 'at' that sets a value ('the toll stood at 9 on Friday'): no clock time.
_VALUE_AT = re.compile(
    r"\b(?:stood|stands|stand|put|puts|capped|estimated|set|valued|fixed|remained|remains|"
    r"totalled|pegged|priced|reached)\s+(?:it\s+|them\s+)?(?:at\s+)?$",
    re.IGNORECASE,
)


def _is_clock(text: str, start: int, before: str, after: str) -> bool:
    """Whether the small bare number at ``start`` is a time of day: paired with a written
    time ('3 and 4am'), or after 'at', 'until', 'by'… with a day or part of a day after it
    ('until 9 on Friday morning', 'around 11 Tuesday night'), unless a verb before sets a
    value at it ('the toll stood at 9 on Friday')."""
    if _CLOCK_PAIR.match(after):
        return True
    if not _CLOCK_DAY.match(after) or _VALUE_AT.search(before):
        return False
    if re.search(r"\b(?:around|about)\s+$", before, re.IGNORECASE):  # 'about 11 on Tuesday'
        return bool(_DAY_PART.match(after))  # may count: a time only with a part of a day
    return bool(
        re.search(r"\b(?:at|until|till|by|from|before|after|past)\s+$", before, re.IGNORECASE)
    )


def _capitalised_name_before(before: str) -> bool:
    match = re.search(r"([A-Za-z][\w’'-]*)\s+$", before)
    if not match:
        return False
    word = match.group(1)
    if not word[0].isupper() or word.lower() in _OPENERS:
        return False
    if word.lower() in WEEKDAYS or word.lower() in MONTHS or word.lower() in MONTH_ABBREVIATIONS:
        return False
    return not word.endswith(("’s", "'s"))


# --- what a figure counts ---------------------------------------------------------------------

_STOP = frozenset(
    """had have has were was are is be been will would could should can may might must to in
    on into from by who which that and or but as at for with since after before during this
    these those than said says according of if when while because so then now it its they
    their there here we he she you i our my your his her also already each per off up down
    out away back
    worldwide nationwide overall globally abroad altogether apiece annually locally
    domestically respectively once unless""".split()
)
_TIME_STOP = frozenset(
    [*WEEKDAYS, *MONTHS, *MONTH_ABBREVIATIONS, "a", "an", "the", "last", "next", "every", "ago",
     "earlier", "later", "yesterday", "today", "tonight", "overnight"]
)  # fmt: skip
_LINKS = frozenset(
    """was is are were be been being rose fell jumped climbed dropped increased decreased grew
    shrank reached hit stood stands stand totalled totaled totals cost costs worth
    valued at of to by from put priced estimated topped exceeded surpassed amounted
    came comes soared plunged slumped tumbled slipped edged gained lost raised paid
    pays spent spends earned earns made makes generated received rise rises risen fall falls
    fallen grow grows grown increase increases drop drops climb climbs jump jumps averaged
    averages average reach reaches costing totalling totaling amounting doubled tripled
    halved will would could may might can should has have had weighs weighed weighing
    weigh""".split()
)
_POSSESSIVES = DETERMINERS | frozenset(
    "its their his her our my your this that these those".split()
)
_INNER = frozenset("of in at for on".split())
_NOUN_STOP = (
    _STOP
    | SUBJECT_WORDS
    | frozenset("said says told say about around some nearly almost over under more less".split())
)
_OUTCOME = re.compile(
    r"^\s+(?:(?:have|has|had|were|was|are|is|been|being|now|reportedly|already|so far|"
    r"since|confirmed|officially|either|all)\s+)*"
    rf"(?P<o>(?:{word_alternation(OUTCOME_WORDS)})(?:\s*(?:,|or|and|,\s*or|,\s*and)\s*"
    rf"(?:{word_alternation(OUTCOME_WORDS)}))*)\b",
    re.IGNORECASE,
)


# A relative clause after the counted noun that says what they did ('24 people who had booked
# but did not turn up'): a part of them set apart by that act, never the whole.
_WHO_DID = re.compile(
    r"\s+who\s+(?:had\s+|have\s+|has\s+)?(?:already\s+|since\s+)?(?P<did>[a-z]+ed)\b"
)


# An outcome after a clause that describes the counted ('… patients taking the drug, X, had
# died'): its verb with an auxiliary, within the sentence.
_LATER_OUTCOME = re.compile(
    r"^\s+(?:taking|receiving|treated|on|in|at|from|who|which|aboard|using)\b[^.;:!?]{0,70}?\s"
    r"(?:have|has|had|were|was)\s+(?:(?:since|now|all|been|reportedly)\s+)*"
    rf"(?P<o>{word_alternation(OUTCOME_WORDS)})\b",
    re.IGNORECASE,
)


# Those counted moved out of their homes: ' from their homes', ' were turfed out of their
# homes', ' had been driven from their homes'.
_FROM_HOMES = re.compile(
    r"\s+(?:(?:were|was|have\s+been|had\s+been|been)\s+)?(?:[a-z]+\s+){0,2}?"
    r"(?:from|out\s+of)\s+(?:their|his|her|its)\s+(?:own\s+)?(?:homes?|houses?|flats?)\b",
    re.IGNORECASE,
)


# Those counted under an order to leave: ' are under mandatory evacuation orders'.
_UNDER_ORDERS = re.compile(
    r"\s+(?:(?:are|were|is|was|remain|remained|remains|have\s+been|had\s+been|now)\s+)*"
    r"under\s+(?:(?:a|an|the|mandatory|compulsory|immediate)\s+)*evacuation\s+orders?\b",
    re.IGNORECASE,
)
# Those counted under orders to leave, named before their value: 'put the number of people
# under evacuation orders at roughly 11,000'.
_ORDERED_BEFORE = re.compile(
    r"\b(?P<noun>people|residents|households|homes|inhabitants|villagers|families)\s+under\s+"
    r"(?:(?:a|an|the|mandatory|compulsory|immediate)\s+)*evacuation\s+orders?\s+"
    rf"(?:at|to|was|were|is|are|stood|stands|reached|hit|rose\s+to|climbed\s+to)\s+"
    rf"{_APPROXIMATION}$",
    re.IGNORECASE,
)
# Made to leave: 'forcing some 11,000 people to flee', 'ordered 300 residents to leave'.
_TO_LEAVE = re.compile(r"\s+to\s+(?:flee|leave|evacuate|get\s+out)\b", re.IGNORECASE)
_MADE_TO = re.compile(
    r"\b(?:forc(?:e|es|ed|ing)|order(?:s|ed|ing)?|tell(?:s|ing)?|told|prompt(?:s|ed|ing)?|"
    r"caus(?:e|es|ed|ing)|urg(?:e|es|ed|ing))\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


# Those counted taken to hospital in other words: ' were rushed to hospital', ' have been taken
# to Belford Royal Infirmary', ' were airlifted to the Royal London Hospital'.
_TO_HOSPITAL = re.compile(
    r"\s+(?:(?:were|was|are|is|have\s+been|has\s+been|had\s+been|been|later)\s+)*"
    r"(?:[a-z]+ly\s+)?(?:taken|rushed|admitted|airlifted|flown|brought|treated|ferried)\s+"
    r"(?:to|in|at|into)\s+(?:(?:a|the)\s+)?(?:local\s+)?(?:hospitals?\b|"
    r"(?:[A-Z][\w'’.-]*\s+){1,4}(?:Hospital|Infirmary|Medical\s+Cent(?:re|er)|Clinic)\b)",
)


# 'up from 980 the week before': an earlier value, never given the counts of the figure before
_EARLIER = re.compile(r"\b(?:up|down|rising|falling|rose|fell|increased|decreased)\s+from\s+$")
_VERB_BEFORE = re.compile(
    r"([a-z-]+)\s+(?:(?:at least|about|around|more than|over|nearly|almost|some|up to)\s+)?$"
)
_RATE = re.compile(r"\s+(?:a|per|each|every)\s+(?:year|month|week|day)\b")
_PREP_AFTER = re.compile(r"\s+(?:in|on|for|of)\s+(?:(?:the|its|their|his|her|our|a|an)\s+)?")


def _is_plural(word: str) -> bool:
    low = word.lower()
    if low in IRREGULAR_PLURALS:
        return True
    return (
        len(low) > 3
        and low.endswith("s")
        and not low.endswith(("ss", "us", "is", "’s", "'s"))
        and low not in _STOP
    )


# The dash or colon after a key-numbers list's figure ('7 - deaths …', '11+ – deaths …').
_ITEM_DASH = re.compile(r"\+?\s*[-–—:]\s+(?=[A-Za-z])")


def _counts(text: str, start: int, end: int, unit: str | None) -> tuple[str, str | None]:
    """What the figure at ``text[start:end]`` counts, and what happened to it ('killed'):
    the noun phrase after it ('1,500 North Korean troops', '45% of voters', '250 sq km of
    territory', '2,500 of their soldiers'), else, for money and percentages, the subject it
    is a value of ('the rival bid was worth £3bn', 'unemployment rose to 4.5%'). '' when
    neither names anything, and for a temperature: a reading of a place at a time, which
    counts nothing."""
    if unit in _READINGS:
        return "", None
    if unit in _SPEEDS.values() or unit == "knot":
        # a speed is of what is named before it ('gusts of up to 70 km/h'), never of the
        # words after ('70 kilometres an hour drove it')
        return _generic_or(_subject_before(text, start)), None
    hyphened = re.match(r"-(?P<noun>[a-z]+)\b", text[end : end + 30])
    if hyphened and unit is None:
        # 'a 900-page statement': a count of pages in an adjective, never of what follows
        # ('900 jobs' elsewhere is another quantity)
        return hyphened["noun"], None
    words, stop_at = _words_after(text, end)
    line_start = text.rfind("\n", 0, start) + 1
    item = _ITEM_DASH.match(text, end)
    if (
        not words
        and item
        and re.fullmatch(r"\s*(?:[-*•]\s*)?[~≈]?\s*[-+]?", text[line_start:start])
    ):
        words, stop_at = _words_after(text, item.end())  # '7 - deaths …' in a key-numbers list
    counts = " ".join(words)
    outcome = None
    found = _OUTCOME.match(text[stop_at : stop_at + 80]) if words else None
    if words and not found:  # 'seven patients taking the drug, ravocitide, had died'
        later = _LATER_OUTCOME.match(text[stop_at : stop_at + 90])
        found = later if later and not re.search(r"\d", later.group()) else None
    if found:
        outcome = " ".join(found.group("o").split())
    elif words:
        verb = _VERB_BEFORE.search(text, max(0, start - 40), start)
        if verb and verb.group(1).lower() in OUTCOME_WORDS:
            outcome = verb.group(1).lower()  # 'the floods have killed 130 people'
        elif (which := _WHO_DID.match(text, stop_at)) is not None:
            outcome = which.group("did").lower()  # '24 people who had booked but …'
        elif _TO_HOSPITAL.match(text, stop_at, min(len(text), stop_at + 90)):
            outcome = "hospitalised"  # 'FIVE people were rushed to hospital'
        elif _FROM_HOMES.match(text, stop_at, min(len(text), stop_at + 60)):
            # 'forced about 300 residents from their homes', '340 people were turfed out of
            # their homes': those counted were moved out
            outcome = "evacuated"
    if (
        words
        and outcome is None
        and (
            _UNDER_ORDERS.match(text, stop_at, min(len(text), stop_at + 70))
            or (
                _TO_LEAVE.match(text, stop_at, min(len(text), stop_at + 30))
                and _MADE_TO.search(text, max(0, start - 40), start)
            )
        )
    ):
        outcome = "evacuated"  # '11,000 people are under evacuation orders', 'forcing … to flee'
    if not words and outcome is None and unit is None:
        told = _OUTCOME.match(text[end : end + 80])
        if told:  # '140 structures destroyed, 31 damaged': what happened to the second
            outcome = " ".join(told.group("o").split())
    if not words and unit is not None:
        rate = _RATE.match(text, end)
        tail = rate.end() if rate else end
        prep = _PREP_AFTER.match(text, tail)
        money = len(unit) == 3 and unit.isupper()
        if prep and (money or prep.group().split()[0] == "of"):
            found_words = _words_after(text, prep.end())[0]
            if found_words and found_words[0].lower() not in TIME_UNITS:
                counts = " ".join(found_words)
    if not words and unit is None:  # '2,500 of their soldiers': a count of their soldiers
        theirs = re.match(r"\s+of\s+(?:their|our|its|his|her|your|my)\s+", text[end : end + 30])
        if theirs:
            found_words = _words_after(text, end + theirs.end())[0]
            if found_words and _is_plural(found_words[-1]):
                counts = " ".join(found_words)
    if not counts and unit is not None:
        counts = _subject_before(text, start)
    counts, outcome = outcome_ending(counts, outcome)
    return _generic_or(counts), outcome


def outcome_ending(counts: str, outcome: str | None) -> tuple[str, str | None]:
    """(counts, outcome) with the outcome taken from the end of ``counts`` where none is
    known ('number of people evacuated' -> ('number of people', 'evacuated'))."""
    held = counts.split()
    if outcome is None and len(held) > 1 and held[-1].lower() in OUTCOME_WORDS:
        return " ".join(held[:-1]), held[-1].lower()
    return counts, outcome


#: Units of a reading ('34C', '180 degrees'), not of an amount of something.
_READINGS = frozenset({"°C", "°F", "degree"})


def _generic_or(counts: str) -> str:
    """``counts``, or '' when it names nothing ('percent', 's')."""
    if counts.lower() in GENERIC_COUNTS or not re.search(r"[a-z]{2}", counts.lower()):
        return ""
    return counts


def _words_after(text: str, end: int) -> tuple[list[str], int]:
    """Up to five words after ``end`` that name what is counted: they stop at a function
    word, a verb or punctuation, and after the first plural noun ('residents filed …'); a
    bracketed conversion right after the figure is skipped."""
    tail = text[end : end + 100]
    skip = re.match(r"\s*\([^()]{1,40}\)", tail)
    offset = skip.end() if skip and re.search(r"\d", skip.group()) else 0
    words: list[str] = []
    stop_at = end + offset
    for match in re.finditer(r"[A-Za-z][\w’'-]*|[^\sA-Za-z]", tail[offset:]):
        word = match.group()
        if not word[0].isalpha():
            break
        low = word.lower()
        if low in _STOP or low in _TIME_STOP or low in TIME_UNITS or len(words) >= 5:
            break
        if low in SPEECH_VERB_FORMS and (low.endswith("ed") or low in {"said", "says", "told"}):
            break
        if words and _participle(low):
            break  # a verb after the noun: 'a £45m extension opened'
        if words and _is_plural(words[-1]) and not _is_plural(word):
            break  # '500 residents filed …'; 'police officers' goes on
        words.append(word)
        stop_at = end + offset + match.end()
    # an ellipsis with no noun ('10,000 expected to be sent'): the phrase names nothing
    if words and all(_participle(w.lower()) or w.lower().endswith("ing") for w in words):
        return [], end
    if words and words[-1].lower() in OUTCOME_WORDS:
        return [], end
    if words and words[0].lower() in _FIGURE_NOUNS:
        return [], end  # 'the 9,000 figure given earlier': a value of what was counted before
    # 'homes and other buildings', 'homes and structures': the wider noun names the count
    wider = _AND_WIDER.match(text, stop_at) if words and _is_plural(words[-1]) else None
    if wider:
        return [*words, *wider.group().split()], wider.end()
    return words, stop_at


#: Nouns for a value itself ('the 9,000 figure', 'the 140 tally'): no count of their own.
_FIGURE_NOUNS = frozenset("figure figures number tally count estimate total mark".split())
_AND_WIDER = re.compile(
    r"\s+and\s+(?:other\s+)?(?:structures|buildings|outbuildings)\b", re.IGNORECASE
)


def _participle(word: str) -> bool:
    """A past participle by its ending ('expected', 'opened'); not a noun in '-eed' ('seed',
    'birdseed', 'speed')."""
    return word.endswith("ed") and not word.endswith("eed")


_SAID = frozenset({"said", "says", "told"})
#: Linking words that are nouns before 'of' ('an average of', 'a total of').
_NOUN_LINKS = frozenset({"average", "averages"})
#: Degree words between a subject and its linking verb ('profit more than doubled to £612m').
_ADVERBS = frozenset("more than less nearly almost just roughly about around some also".split())


def _passive(tokens: list[str], index: int) -> bool:
    """A participle after a form of 'to be' or 'have' ('were held at', 'was valued at')."""
    word = tokens[index]
    return (
        index > 0
        and word[0].islower()
        and (word.endswith(("ed", "en")) or word in {"held", "kept", "set", "put", "cut"})
        and tokens[index - 1].lower() in {"is", "are", "was", "were", "be", "been", "being"}
    )


# A linking verb's past form: after 'that' it is a relative clause's verb ('a range that rose
# to $21m'), not a noun after a demonstrative ('that increase of 5%').
_PAST_LINK = re.compile(r"^(?:[a-z]+ed|rose|fell|grew|shrank|stood|hit|came|lost|paid|spent|made)$")


def _subject_before(text: str, start: int) -> str:
    """The noun phrase a money or percentage figure is a value of, going left over linking
    words: 'The rival bid was worth £3bn' -> 'rival bid'; 'put the rival bid at £3 billion'
    -> 'rival bid'; 'The company's value rose to 3.8 billion euros' -> "company's value"."""
    line_start = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start)) + 1
    qualifier = _APPROX.search(text, line_start, start)
    tokens = re.findall(
        r"(?:\d+-)?[A-Za-z][\w’'-]*|[,;:()“”\"]",
        text[line_start : qualifier.start() if qualifier else start],
    )
    index = len(tokens) - 1
    links = 0
    while index >= 0 and (
        (low := tokens[index].lower()) in _LINKS or low in _ADVERBS or _passive(tokens, index)
    ):
        if low in _NOUN_LINKS and index + 1 < len(tokens) and tokens[index + 1] == "of":
            break  # 'a 10-year average of 290,000 hectares': the average is what it is
        before = tokens[index - 1].lower() if index > 0 else ""
        if links and before in _POSSESSIVES and not (before == "that" and _PAST_LINK.match(low)):
            break  # 'an increase of 18%': the noun it is of ('a range that rose to': a verb)
        links += low not in _ADVERBS
        index -= 1
    if not links:
        return ""
    phrase: list[str] = []
    while index >= 0 and len(phrase) < 5:
        word = tokens[index]
        low = word.lower()
        inner = index > 0 and tokens[index - 1].lower() in _INNER
        if low in _POSSESSIVES and inner and phrase:
            phrase[:0] = [tokens[index - 1], word]  # 'sales in the first half'
            index -= 2
            continue
        compound = re.match(r"\d+-[a-z]", word) is not None  # '10-year'
        if (not word[0].isalpha() and not compound) or low in _POSSESSIVES or low in _SAID:
            break
        if low in _NOUN_STOP and not (low in _INNER and phrase):
            break
        phrase.insert(0, word)
        index -= 1
    while phrase and phrase[0].lower() in _INNER:
        phrase.pop(0)
    return " ".join(phrase)


# --- what kind of sum ------------------------------------------------------------------------

_KIND_OF = {word: kind for kind, words in MONEY_KINDS.items() for word in words}
#: How far (in words, either side, within the figure's clause) a word naming a sum's kind is
#: read.
KIND_WINDOW = 8
# Where a figure's clause ends: a semicolon, a colon, a dash, a bracket, a line break.
_CLAUSE_END = re.compile(r"[;:()\n]|\s[-–—]{1,2}\s|[–—]")
# A sum a change is told by ('blown out by more than $23 million', 'rose by £2m'): a change of
# a quantity, not the quantity.
_CHANGE_BY = re.compile(
    r"\b(?:blown|blew|blowing|rose|risen|rising|increased?|increasing|grew|grown|jumped|"
    r"climbed|soared|fell|fallen|dropped|cut|reduced|overran|overrun|gone|went|up|down)\s+"
    r"(?:out\s+|up\s+|over\s+)?by\s+(?:[a-z]+\s+){0,3}$",
    re.IGNORECASE,
)
# A severance told as pay for a span ("38 weeks' pay", "six months’ salary").
_SPAN_PAY = re.compile(
    r"\b(?:\d+|[a-z]+)\s+(?:weeks?|months?|years?)['’]?\s+(?:pay|salary|wages)\b", re.IGNORECASE
)
_KIND_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
#: Words after a sum that start another clause or phrase: what follows them is not what the
#: sum is ('$112 million to three vehicles managed by …', '$57 million, once fees paid …').
_KIND_STOPS = frozenset(
    """to by from which that who whom whose when once after before and but while because if
    as than since until unless where""".split()
)


#: 'cost' before a word of saving ('cost synergies', 'cost savings', 'cost cuts') is what is
#: saved.
_SAVED_COST = {"cost": "savings", "costs": "savings"}
_SAVING_WORDS = frozenset(
    "synergies synergy savings saving cuts cutting reductions efficiencies".split()
)


def _saves(words: list[str], index: int) -> bool:
    """Whether ``words[index]`` (the word next to a 'cost' in the text) is a word of saving."""
    return 0 <= index < len(words) and words[index] in _SAVING_WORDS


def money_kind(sentence: str, value: str) -> str | None:
    """The kind of sum a money figure is (a key of ``vocabulary.MONEY_KINDS``: 'loss',
    'cost', 'severance', 'payment', …), read from the nearest word naming one within
    ``KIND_WINDOW`` words of ``value`` in ``sentence``, inside its clause (a semicolon, colon,
    dash or bracket ends one): 'lost $41.6m' -> 'loss', 'a $400,000 golden handshake' ->
    'severance', "38 weeks' pay, a sum of about $312,000" -> 'severance'; 'change' for a sum a
    change is told by ('blown out by $23m'). None when no such word is near, or ``value`` is
    not in ``sentence``. Pure: works on the figure's own sentence."""
    at = sentence.find(value)
    if at < 0:
        return None
    start, end = at, at + len(value)
    left_end = max((m.end() for m in _CLAUSE_END.finditer(sentence, 0, start)), default=0)
    right = _CLAUSE_END.search(sentence, end)
    left = sentence[left_end:start]
    if _CHANGE_BY.search(left):
        return "change"
    clause = sentence[left_end : right.start() if right else len(sentence)]
    if _SPAN_PAY.search(clause):
        return "severance"
    before = [w.lower() for w in _KIND_WORD.findall(left)][::-1][:KIND_WINDOW]
    after = []
    for word in _KIND_WORD.findall(sentence[end : right.start() if right else None]):
        if word.lower() in _KIND_STOPS or len(after) == KIND_WINDOW:
            break  # 'managed by …', 'once fees …': another clause's words
        after.append(word.lower())
    # 'cost synergies', 'cost savings': what is saved, not what is spent
    after = [_SAVED_COST.get(w, w) if _saves(after, i + 1) else w for i, w in enumerate(after)]
    before = [_SAVED_COST.get(w, w) if _saves(before, i - 1) else w for i, w in enumerate(before)]
    for distance in range(KIND_WINDOW):
        for words in (after, before):  # a noun right after the sum names it first
            if distance < len(words):
                word = re.sub(r"['’]s$", "", words[distance])
                if word in _KIND_OF:
                    return _KIND_OF[word]
    return None


# --- who claims it ----------------------------------------------------------------------------

_SPEECH = (
    r"said|says|say|told|tells|estimated|estimates|estimate|claimed|claims|claiming|"
    r"reported|assessed|assesses|added|warned|warns|confirmed|confirms|announced|"
    r"announces|stated|states|put|puts|found|finds|show|shows|showed|projected|projects|"
    r"forecast|forecasts|calculated|calculates|expect|expects|believe|believes|predicted|"
    r"predicts|counted|counts|wrote|writes|posted|suggest|suggests|suggested|indicate|"
    r"indicates|indicated|allege|alleges|alleged|insist|insists|insisted|admitted|admits"
)
#: A title with its full stop before a name ('Dr. Helen Marchetti', 'Gen. Ray Odom'): the stop
#: ends no claimant.
_TITLE_STOP = (
    r"(?<![\w.])(?:"
    + "|".join(
        sorted(
            {w.capitalize() for w in HONORIFICS}
            | set(
                "Gen Sen Rep Gov Lt Col Maj Sgt Capt Supt Det Insp Cmdr Brig Adm Pres Atty".split()
            ),
            key=len,
            reverse=True,
        )
    )
    + r")\.\s"
)
_ACCORDING = re.compile(
    rf"according to (?:an? [\w\s]+? (?:by|from) )?(?P<who>(?:{_TITLE_STOP}|[^,.;:])+)",
    re.IGNORECASE,
)
_BEFORE_VERB = re.compile(rf"(?P<who>[^,;:“”\"]+?),?\s+(?:\w+ly\s+)?(?:{_SPEECH}|claim)\b")
_AFTER_QUOTE = re.compile(
    rf"[,”\"]\s*[”\"]?\s*(?P<who>(?:{_TITLE_STOP}|[A-Z])(?:{_TITLE_STOP}|[^,.;:])*?)\s+(?:{_SPEECH})\b"
)
# '…, the union said.' / '…, the ministry said on Tuesday.' / '…, officials said, up from …'
_TRAILING = re.compile(
    rf",\s*(?P<who>[^,;:“”\"]+?),?\s+(?:{_SPEECH}|claim|report)\b(?:\s+(?:on|in|at|to|last|this|late|early)"
    rf"\b[^,.;:]*|\s+\w+day)?\s*(?:,|[.!]?\s*$)"
)
#: A subject that ends in a form of "be": the speech verb after it is a passive participle
#: ("six had been admitted", "two were reported missing").
_PASSIVE_END = re.compile(r"\b(?:be|been|being|is|are|was|were)$", re.I)
_LEAD_SPEAKER = re.compile(r"^(?P<who>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,3}):\s")
#: Words of a label before a colon that is no speaker ('Breaking News: …', 'Editor's Note:').
_NOT_SPEAKERS = frozenset(
    "breaking news update updates live watch read more note editor's correction photo video "
    "key facts background analysis timeline".split()
)
_NAME_BEFORE = re.compile(
    r"(?!(?:In|At|On|From|For|By|Near|Outside|Inside|Across|Around|Across|After|Before|"
    r"During|With|Under|Over|Across|Throughout|Within)\s)(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+)+),\s*$"
)
# Words that open a clause before its subject ('So when a team at … reported'): no part of
# who claims.
_LEADING = re.compile(
    r"^(?:and|but|so|with|while|as|then|also|meanwhile|separately|now|when|whenever|after|"
    r"before|because|since|although|though|if|once|until|whereas|even\s+as|even\s+though)\s+",
    re.I,
)
_TIME_TAIL = re.compile(
    r"\s+(?:today|yesterday|tonight|on\s+\w+day|last\s+\w+|this\s+\w+|earlier|later)$", re.I
)
#: Words after a subject that name no one: a reflexive or an adverb ('The company itself',
#: 'The firms themselves', 'the union now', 'Police also').
_EMPHASIS_TAIL = re.compile(
    r"(?:\s+(?:itself|themselves|himself|herself|now|also|too|alone|still|again|instead|"
    r"meanwhile|separately|later|earlier))+$",
    re.I,
)
_ROLE_THEN_NAME = re.compile(
    r"^(?!(?:the|a|an|according)\s)(?:(?!(?:at|of|for|from|in|with|by|on)\s)[a-z][\w'’-]*\s+){1,3}(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)+)$"
)
_PRONOUN = re.compile(rf"^(?:{word_alternation(SUBJECT_WORDS)})$", re.I)
# Asides blanked before reading a sentence for its claimant: brackets, an age or a relative
# clause in apposition, a linking adverb, a participle saying what a figure rests on
# ('Northwind (NYSE: NWF) today said', 'Dana Ortiz, 58, said', 'The firm, which employs 6,500
# staff, said', 'Monitors, however, put', 'The ministry, citing flow measurements, said').
_ASIDES = re.compile(
    r"\([^()]*\)|(?<!\d),\s*\d{1,3}\s*,|,\s*(?:which|who)\s[^,]*(?:,\d{3}[^,]*)*,"
    r"|,\s*(?:however|meanwhile|though|too|in turn|for their part|separately),"
    r"|,\s*(?:citing|basing|working|drawing|relying|quoting|using|speaking)\s[^,]*,",
    re.IGNORECASE,
)
_GROUP_NOUNS = frozenset(
    """officials analysts experts economists researchers scientists police authorities
    investigators prosecutors organisers organizers estimates figures data statistics
    report reports study survey census union unions campaigners critics residents
    doctors observers monitors sources intelligence bosses chiefs developers team count
    staff""".split()
)


def interview_speaker(sentence: str) -> str | None:
    """The name that opens an interview answer ('Anna Boyd: Eleven, with 420 staff.'), which
    claims every figure of its paragraph; None, also for a headline's label in capitals
    ('TANKS ROLL: 2,000 troops on the march', no closing stop)."""
    lead = _LEAD_SPEAKER.match(sentence)
    if not lead or {w.lower() for w in lead.group("who").split()} & _NOT_SPEAKERS:
        return None
    if lead.group("who").isupper() and not re.search(r"[.!?…\"”’']\s*$", sentence):
        return None  # a headline's shouted label: 'TANKS ROLL: 2,000 troops on the march'
    return lead.group("who")


def claimant_cue(sentence: str, offset: int) -> str | None:
    """Who a sentence credits with the number at ``offset`` (a position in ``sentence``),
    found by rule: 'the 230 claimed by X', 'the 400 X promised', 'according to X', '…, X
    said.' (at the end, or before a comma), an interview's 'Name: …', 'X said … N', '“… N …,”
    X said'. Asides (brackets, an age, a relative clause) are read past. The claimant is a
    name or a description of a person or body, never a verb phrase, a number or a pronoun
    (``claimant_pronoun``); None when unclear."""
    found = _credit(sentence, offset)
    if found is None or found[1] is not None:
        return None
    papers = _PAPERS_BY.search(sentence, 0, offset)
    if papers is not None and (found[0] in papers.group() or papers.group().split()[0] in found[0]):
        # 'figures released by the council show …': the author of the papers; 'documents
        # seen by this paper show …': no one (who holds them says nothing of whose it is)
        return papers["who"] if papers["how"].lower() in _PUT_OUT else None
    return found[0]


# Papers that show a figure and who put them out or got hold of them: 'figures released by
# the council', 'documents seen by this paper', 'Shocking figures obtained by the Echo'.
_PAPERS_BY = re.compile(
    r"\b(?:figures|data|documents|papers|records|files|statistics|numbers|emails|minutes|"
    r"accounts|reports?|analysis|estimates)\s+(?P<how>[a-z]+)\s+(?:by|to)\s+"
    r"(?P<who>(?:the\s+|this\s+|a\s+)?[\w'’&.-]+(?:\s+[A-Z][\w'’&.-]*){0,4})\s+"
    r"(?:show|shows|showed|reveal|reveals|revealed|suggest|suggests|suggested|indicate|"
    r"indicates|indicated|put|puts|say|says|said)\b",
    re.IGNORECASE,
)
# How the papers came: made public by their author, or obtained by the press (who holds
# them says nothing of whose figure it is).
_PUT_OUT = frozenset("released published compiled issued produced prepared collected".split())


#: The first person plural before a figure in its clause ('We model closer to €300m', 'our
#: estimate of €3.27'): the voice of whoever writes the piece.
_FIRST_PERSON = re.compile(r"\b(?:we|our|us)\b(?![’'])", re.IGNORECASE)


def first_person_claim(sentence: str, offset: int) -> bool:
    """Whether the clause holding the number at ``offset`` speaks in the first person plural
    outside any quotation ('We model closer to €300m', 'cut our price target to €36'): in a
    newsletter or an analyst's note, the figure is its publisher's claim."""
    clause = max(sentence.rfind(m, 0, offset) for m in (". ", "; ", ": ", "! ", "? ", "\n")) + 1
    before = sentence[clause:offset]
    return bool(_FIRST_PERSON.search(before)) and not re.search(r"[“”\"]", sentence)


def claimant_pronoun(sentence: str, offset: int) -> tuple[str, int] | None:
    """The pronoun ('he', 'she', 'they') by which a sentence credits the number at ``offset``
    ('He said 40 staff had gone.', '…, she said.'), with its offset in ``sentence``, for the
    caller to resolve as a speaker; None when the sentence credits a name or a description
    (``claimant_cue``) or no one."""
    found = _credit(sentence, offset)
    return (found[0], found[1]) if found is not None and found[1] is not None else None


def _credit(sentence: str, offset: int) -> tuple[str, int | None] | None:
    """(claimant, None) for a name or description, (pronoun, its offset) for a 'he', 'she'
    or 'they', in the order ``claimant_cue`` reads the cues; None."""
    plain = _ASIDES.sub(lambda m: " " * len(m.group()), sentence)
    local = _CLAIMED_BY.match(plain, offset) or _CLAIMED_REL.match(plain, offset)
    if local:
        who = _take(local.group("who"), local.start("who"), description=True)
        if who:
            return who
    if rejected_value(plain, offset):
        return None  # 'up to $21m, not $14m': the sentence's voice rejects this value
    labelled = _labelled_claimant(plain, offset) or _item_claimant(sentence, offset)
    if labelled:
        return labelled, None
    match = _ACCORDING.search(plain)
    if match:
        who = _take(match.group("who"), match.start("who"), description=True)
        if who:
            return who
    trailing = _TRAILING.search(plain, offset)
    while trailing and _PASSIVE_END.search(trailing.group("who")):
        # "…, six have been admitted, the health authority said.": admitted to hospital, no
        # speaker; the attribution may follow
        trailing = _TRAILING.search(plain, trailing.end("who"))
    if trailing:
        raw = trailing.group("who")
        who = _take(raw, trailing.start("who"), description=len(raw.split()) <= 5)
        if who:
            return who
    lead = interview_speaker(plain)
    if lead and plain.index(":") < offset:
        return lead, None
    before = plain[:offset]
    own = before.rfind(";") + 1
    if len(re.findall(r"[A-Za-z][\w’'-]*", before[own:])) < 2:
        own = 0  # '…; 300 of them': the clause goes on from the one before
    for candidate in reversed(list(_BEFORE_VERB.finditer(before))):
        if candidate.start("who") < own:
            break  # '… says up to 340 homes; council documents list 300': its own subject
        found = _take(candidate.group("who"), candidate.start("who"))
        if found:
            who = found[0]
            named = _NAME_BEFORE.search(before, 0, candidate.start("who"))
            if found[1] is None and named and who[:1].islower():
                return named.group("name"), None  # 'General Kyrylo Budanov, the head of …, said'
            return found
    after = _AFTER_QUOTE.search(plain, offset)
    return _take(after.group("who"), after.start("who")) if after else None


# A line that gives a figure under the name of whoever gives it, as lists of rival figures do:
# '- Prosecutors: $41.6 million, per the indictment.', 'The auditors, Whitcombe & Sayre: at
# least $38 million'. The value comes right after the colon (an approximation may come first).
_LABELLED = re.compile(
    r"^\s*(?:[-•*–]\s+)?(?P<who>[^:“”\"]{2,160}?):\s+(?P<gap>(?:[a-z]+\s+){0,3})(?=\S)"
)


# A key-numbers list's line: the figure first, then a dash and what it counts.
_ITEM_START = re.compile(r"^\s*(?:[-*•]\s*)?[~≈]?\s*[-+]?\s*$")
# Who a list line credits: '(company count)', '(MHRA)', 'cited by the patient group', 'per X'.
_ITEM_SOURCE = re.compile(
    r"\((?P<bracket>[A-Za-z][^()]{1,40})\)|\b(?:cited|claimed|given|reported|estimated)\s+by\s+"
    r"(?P<by>[^,;()]+)|\b(?:per|according\s+to)\s+(?P<per>[^,;()]+)"
)
_COUNT_WORDS = re.compile(
    r"\s+(?:count|counts|estimate|estimates|figure|figures|data|tally)$", re.I
)


def _item_claimant(sentence: str, offset: int) -> str | None:
    """Who a key-numbers list line credits with the figure that opens it ('7 - deaths, all
    on drug (company count)' -> 'company'; '11+ - deaths cited by the patient group' -> 'the
    patient group'); None for any other line."""
    line_start = sentence.rfind("\n", 0, offset) + 1
    if not _ITEM_START.match(sentence[line_start:offset]):
        return None
    line_end = sentence.find("\n", offset)
    line = sentence[offset : line_end if line_end >= 0 else len(sentence)]
    if not _ITEM_DASH.search(line[:12]):
        return None
    found = _ITEM_SOURCE.search(line)
    if not found:
        return None
    who = _COUNT_WORDS.sub("", (found["bracket"] or found["by"] or found["per"]).strip())
    if re.search(r"\d", who) or len(who.split()) > 8:
        return None
    return _tidy(who, description=True)


def _labelled_claimant(plain: str, offset: int) -> str | None:
    """Who a 'Name: value' line credits with the value at ``offset``: the phrase before the
    colon, or, when it describes and then names ('The board's forensic auditors, Whitcombe
    & Sayre'), the name in it; None when the value is not right after the line's colon."""
    found = _LABELLED.match(plain)
    if not found or found.end() != offset:
        return None
    parts = [p.strip() for p in found.group("who").split(",") if p.strip()]
    named = [
        p
        for i, p in enumerate(parts)
        if (i or len(p.split()) > 1)  # a lone capitalised word opening the line may be a label
        and not p.isupper()  # 'TANKS ROLL: 2,000 troops …': a shouted headline's label
        and re.fullmatch(r"(?:[A-Z][\w’'.-]*|&|and|of)(?:\s+(?:[A-Z][\w’'.-]*|&|and|of))*", p)
    ]
    if named:
        return _tidy(named[0], description=True)
    words = {re.sub(r"(?:[’']s?|s)$", "", w.lower()) for w in parts[0].split()} if parts else set()
    if not words & {re.sub(r"s$", "", w) for w in _GROUP_NOUNS | BODY_WORDS | ROLE_NOUNS}:
        return None  # 'Deaths: 7', 'Key date: …': a label, not someone who gives a figure
    return _tidy(parts[0], description=True)


def rejected_value(sentence: str, offset: int) -> bool:
    """Whether the sentence sets the figure at ``offset`` against the value it gives ('the
    real count is 90, not 70', 'not 70 but 90', 'rather than 70', 'instead of 70'): whoever
    speaks rejects it, so it is no claim of theirs, in a quotation or out of one."""
    return bool(_SET_AGAINST.search(sentence, max(0, offset - 40), offset))


# A value the sentence sets against its own ('…, not $14m', 'well above the $4.6 million',
# 'three more than the official toll of 12';
# not 'more than 40,000', an approximation):
# whoever the sentence credits does not claim it.
_SET_AGAINST = re.compile(
    r"\b(?:(?:not|rather than|instead of|unlike|contrary to|compared with|compared to)\s+"
    r"(?:(?:the|a|an|some|about|around|nearly|almost|just)\s+)*"
    r"|(?:than|above|below)\s+the\s+(?:official\s+|previous\s+|earlier\s+|reported\s+)?"
    r"(?:(?:toll|figure|count|tally|total|estimate|number)\s+of\s+)?"
    r"(?:(?:about|around|nearly|almost|just)\s+)*)$",
    re.IGNORECASE,
)
# What a figure's own phrase says of who gives it: 'the 310,000 admitted by hospital bosses',
# 'the 400 the company promised' (read from the end of the number, over what it counts).
_CLAIM_PARTICIPLES = (
    r"claimed|estimated|reported|given|cited|quoted|admitted|announced|promised|confirmed|"
    r"stated|put forward|recorded|published|forecast|predicted|offered|proposed|pledged"
)
_CLAIMED_BY = re.compile(
    rf"(?:[^\s,;:]|,\d)*(?:\s+[a-z][\w-]*){{0,3}}?\s+(?:(?:first|initially|originally|previously|"
    rf"officially)\s+)?(?:{_CLAIM_PARTICIPLES})\s+(?:(?:earlier|previously|initially|"
    rf"originally|first|already|later)\s+)?by\s+(?P<who>[^,.;:()“”\"]+)"
)
_NOT_COUNTED_WORDS = (
    r"after|before|as|when|while|because|since|until|if|and|but|or|to|in|on|at|for|from|with|"
    r"by|of|was|were|is|are|be|been|had|has|have|would|will|could|should|may|might|than|then"
)
_CLAIMED_REL = re.compile(
    rf"(?:[^\s,;:]|,\d)*(?:\s+(?!(?:{_NOT_COUNTED_WORDS})\b)[a-z][\w-]*){{0,3}}?\s+"
    rf"(?:that\s+|which\s+)?"
    rf"(?P<who>(?:the|a|an)\s+(?!(?:its|their|his|her)\b)[\w’'-]+(?:\s+[\w’'-]+){{0,2}}?|"
    rf"(?:{word_alternation(w for w in _GROUP_NOUNS if w.endswith('s') or w == 'police')})|"
    rf"(?:our|their|its|his|her)\s+[\w’'-]+|"
    rf"[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){{0,3}})\s+(?:had\s+|has\s+|have\s+)?"
    rf"(?:{_CLAIM_PARTICIPLES}|said|says|gave|gives|cites|cited|quotes|quoted|believe|"
    rf"believes|believed|estimate|estimates|count|counts)\b"
)


def _take(raw: str, at: int, *, description: bool = False) -> tuple[str, int | None] | None:
    """(claimant, None) when ``raw`` (at ``at`` in the sentence) names someone (``_tidy``);
    (pronoun, offset) when it is a 'he', 'she' or 'they' alone; None."""
    who = _tidy(raw, description=description)
    if who:
        return who, None
    bare = _normalised(raw)
    if bare.lower() in SPEAKER_PRONOUNS:
        last = list(re.finditer(rf"\b{bare}\b", raw, re.IGNORECASE))
        return (bare, at + last[-1].start()) if last else None
    return None


_PARTICIPLE_TAIL = re.compile(r"(?<=[a-z])\s+(?:[a-z]{2,}ed|released|written|given|seen)$")
#: A first or second person, or a modal or auxiliary verb: a clause ('I can't', 'you'll
#: have'), not a name or a description of a source.
_CLAUSE_WORDS = re.compile(
    r"^(?:i|we|you)\b|\b(?:can['’]t|cannot|won['’]t|don['’]t|doesn['’]t|didn['’]t|"
    r"couldn['’]t|wouldn['’]t|shouldn['’]t|isn['’]t|aren['’]t|can|could|will|would|should|"
    r"shall|must|do|does|did)$|['’](?:re|ll|ve|m|d)\b",
    re.IGNORECASE,
)


def _normalised(who: str) -> str:
    """``who`` without the words that name no one around it: a clause opener before it ('…
    told journalists that X'), a time phrase or a conjunction at its start, a dateline, a
    time word at its end."""
    who = " ".join(who.split())
    who = re.split(r"\b(?:that|which|who|whom)\s+", who)[-1]  # '… told journalists that X'
    who = re.sub(r"^(?:on|in|last|earlier|this)\b[^,]*?(?=\s[A-Z]|$)", "", who).strip()
    while _LEADING.match(who):
        who = _LEADING.sub("", who, count=1)
    who = re.split(r"\s[-–—]{1,2}\s", who)[-1]  # 'CAMBRIDGE, May 2 -- Helix today reported'
    who = _EMPHASIS_TAIL.sub("", _TIME_TAIL.sub("", who)).strip()
    # 'The report published (yesterday) says': the noun, not the participle describing it
    return _PARTICIPLE_TAIL.sub("", who)


# A name followed by its own verb in the past ('Helen Rourke blasted health chiefs'): the phrase
# before a participle that credits a figure ('…, claiming 41 …') is a clause, its subject the
# claimant.
_NAME_THEN_VERB = re.compile(r"^(?P<name>(?:[A-Z][\w’'.-]*\s+)*[A-Z][\w’'.-]*)\s+[a-z]{2,}ed\s+\S")


def _tidy(who: str, *, description: bool = False) -> str | None:
    """Strip leading time phrases and conjunctions and a trailing time word; reject pronouns,
    numbers and lower-case phrases that name nobody (``description``: a phrase after 'the' or
    'a' is accepted, as in '…, the union said')."""
    who = _normalised(who)
    acted = _NAME_THEN_VERB.match(who)
    if acted:  # 'Local MP Helen Rourke blasted health chiefs, claiming …': the subject
        who = acted.group("name")
    if re.search(r"\b(?:has|have|had)\s+[a-z]+\s+\S", who):
        return None  # a clause, not a name: 'The operation has seen Kyiv's forces'

    if not who or _PRONOUN.match(who) or len(who.split()) > 8 or re.search(r"\d", who):
        return None
    if _CLAUSE_WORDS.search(who):
        return None  # 'I can't (say)', "Assume you're affected": a clause, no one named
    words = [re.sub(r"[’']s?$", "", w.lower()) for w in who.split()]  # "police's" -> "police"
    role_then_name = _ROLE_THEN_NAME.match(who)
    if role_then_name:
        return role_then_name.group("name")  # 'county engineer Pat Moreno'
    if description and (words[0] not in {"the", "a", "an"} or len(words) > 1):
        return who  # '…, the union said.', '…, cops said.'

    if not any(w[:1].isupper() for w in who.split()) and not (
        set(words) & (_GROUP_NOUNS | BODY_WORDS | ROLE_NOUNS)
        or any(w.rstrip("s") in ROLE_NOUNS for w in words)
    ):
        return None
    if words[0] in {"the", "a", "an"} and len(words) == 1:
        return None
    return who
