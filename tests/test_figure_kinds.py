"""Figures of kinds news writes often and the rules misread: a sum paid to a count of
recipients, currencies in regional house styles, rates and ratios, a unit written once over
a list. Wording is made up for these tests; no story's text."""

from __future__ import annotations

import pytest

from pipeline.rules.figures import find_figures


def _read(text: str) -> list[tuple]:
    return [(f.value, f.number, f.high, f.unit, f.counts) for f in find_figures(text)]


# --- a sum paid 'to N recipients' is no range ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The regulator told the insurer to refund £3.2 million to 870 policyholders.",
            [
                ("£3.2 million", 3.2e6, None, "GBP", ""),
                ("870", 870, None, None, "policyholders"),
            ],
        ),
        (
            "A settlement awards $18m to 2,400 former drivers.",
            [("$18m", 18e6, None, "USD", ""), ("2,400", 2400, None, None, "former drivers")],
        ),
    ],
)
def test_a_sum_paid_to_a_count_of_people_is_two_figures_not_a_range(text, expected):
    found = _read(text)
    assert [(v, n, h, u) for v, n, h, u, _ in found] == [e[:4] for e in expected]
    assert found[1][4] == expected[1][4]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Repairs will cost $2 million to $3 million.", 2e6, 3e6),
        ("Repairs will cost $2 to $3 million.", 2e6, 3e6),
        ("Between 4 million and 6 million tonnes were lost.", 4e6, 6e6),
    ],
)
def test_a_range_whose_ends_match_stays_a_range(text, low, high):
    found = find_figures(text)
    assert [(f.number, f.high) for f in found] == [(low, high)]


# --- currencies in regional house styles ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "written", "number", "unit"),
    [
        ("The state approved a N4.8 billion bridge loan.", "N4.8 billion", 4.8e9, "NGN"),
        ("Lagos traders lost N12bn in the fire.", "N12bn", 12e9, "NGN"),
        ("Each family received N75,000 in relief.", "N75,000", 75e3, "NGN"),
        ("The agency signed a ₦3 billion contract.", "₦3 billion", 3e9, "NGN"),
        ("The county spent Sh1.6 billion on clinics.", "Sh1.6 billion", 1.6e9, "KES"),
        ("Fares rose to KSh250,000 a season.", "KSh250,000", 250e3, "KES"),
        ("He signed for $A1.2 million over three years.", "$A1.2 million", 1.2e6, "AUD"),
        ("The fee was put at STG400,000 by the club.", "STG400,000", 400e3, "GBP"),
    ],
)
def test_regional_currency_marks_are_read_with_their_iso_code(text, written, number, unit):
    [found] = find_figures(text)
    assert (found.value, found.number, found.unit) == (written, number, unit)


@pytest.mark.parametrize(
    "text",
    ["Nurses still lack N95 masks.", "Take the N7 out of town.", "Parcel Sh 4 went missing."],
)
def test_a_letter_before_a_small_number_is_no_currency(text):
    assert all(f.unit not in {"NGN", "KES"} for f in find_figures(text))


def test_a_dollar_with_a_country_letter_keeps_its_country_whatever_the_dateline():
    from pipeline.extract import _BARE_DOLLAR

    assert not _BARE_DOLLAR.search("$A850,000")
    assert _BARE_DOLLAR.search("$850,000")


@pytest.mark.parametrize(
    "text",
    [
        "The council spent $2.4 million (about Rs 20 crore) on drains.",
        "The council spent £800,000 (roughly €930,000) on drains.",
        "The council spent €1m (around $1.1m) on drains.",
    ],
)
def test_a_conversion_in_brackets_is_the_same_sum_not_another_figure(text):
    [found] = find_figures(text)
    assert found.value == text.split(" spent ")[1].split(" (")[0]


# --- rates, ratios, multiples --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "written", "share", "counts"),
    [
        ("Roughly one in 12 pupils missed school.", "one in 12", 8.33, "pupils"),
        ("Only 1 in 4 drivers wore a belt.", "1 in 4", 25.0, "drivers"),
        ("Two in five tenants are behind on rent.", "Two in five", 40.0, "tenants"),
    ],
)
def test_one_in_n_is_a_share_of_what_it_counts(text, written, share, counts):
    [found] = find_figures(text)
    assert (found.value, found.number, found.unit, found.counts) == (written, share, "%", counts)


@pytest.mark.parametrize(
    ("text", "number", "unit", "counts"),
    [
        (
            "The trial saw 12 extra infections per 10,000 patients.",
            12,
            "per 10,000",
            "extra infections",
        ),
        ("Deaths stood at 4.5 per thousand births.", 4.5, "per 1,000", ""),
        ("There were nine falls for every 100 residents.", 9, "per 100", "falls"),
    ],
)
def test_a_rate_keeps_its_base_and_the_base_is_no_figure(text, number, unit, counts):
    [found] = find_figures(text)
    assert (found.number, found.unit) == (number, unit)
    assert counts in found.counts


@pytest.mark.parametrize(
    ("text", "written", "unit"),
    [
        (
            "The safe limit is 4mg per kilogram of body weight.",
            "4mg per kilogram of body weight",
            "mg/kg",
        ),
        ("Samples held 60 micrograms per litre of lead.", "60 micrograms per litre", "µg/L"),
        ("Readings reached 950 parts per billion.", "950 parts per billion", "ppb"),
        ("The standard allows 2 ppm.", "2 ppm", "ppm"),
    ],
)
def test_a_measure_per_a_measure_keeps_both(text, written, unit):
    [found] = find_figures(text)
    assert (found.value, found.unit) == (written, unit)


def test_a_confidence_level_and_a_multiple_are_no_figures_and_a_ratio_is_named():
    text = (
        "Heavy users had a higher risk (odds ratio 1.41; 95% CI 1.2-1.6). The level was "
        "30 times the legal limit, and the additive is 400 times sweeter than salt."
    )
    found = find_figures(text)
    assert [(f.value, f.counts) for f in found if f.unit != "%"][:1] == [("1.41", "odds ratio")]
    assert not [f for f in found if f.number in (95, 30, 400)]


# --- a currency written once over a list ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("The fund paid 40 million euros in fees and 12 million in costs.", ["EUR", "EUR"]),
        ("Of the sum, 9 million pounds is a fine and 3 million is compensation.", ["GBP", "GBP"]),
        ("Aid of $5 million reached 2 million people.", ["USD", None]),
        ("It raised $3 million in May; 2 million came later.", ["USD", None]),
    ],
)
def test_a_currency_written_once_carries_over_the_sums_of_one_list(text, units):
    assert [f.unit for f in find_figures(text)] == units


# --- claimants -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "number", "who"),
    [
        (
            "So when a panel at the Harwick Institute reported that 18% of pupils were absent, "
            "schools took note.",
            "18%",
            "a panel at the Harwick Institute",
        ),
        (
            "Because the auditors found that 240 invoices were unpaid, the vote was delayed.",
            "240",
            "the auditors",
        ),
    ],
)
def test_a_claimant_drops_the_conjunction_that_opens_its_clause(sentence, number, who):
    from pipeline.rules.figures import claimant_cue

    assert claimant_cue(sentence, sentence.index(number)) == who
