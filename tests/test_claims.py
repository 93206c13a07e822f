"""Confirmations and denials found by rule, and set side by side in the merge."""

from __future__ import annotations

import pytest
from values import event, extraction

from pipeline.extract import Labels, assemble_extraction, prepare_article
from pipeline.merge import merge_extractions
from pipeline.read import Article
from pipeline.render import render_markdown
from pipeline.rules.claims import subject_before
from schemas.extraction import Claim, ExtractionStats


def found(text: str) -> list[Claim]:
    """The claims of an article, as assembly finds them (quotes found by rule)."""
    prepared = prepare_article(Article(id="S1", path="a.txt", text=text, sha256="x"))
    return assemble_extraction(prepared, Labels(), ExtractionStats()).claims


def claims_in(text: str) -> list[tuple[str, str]]:
    return [(c.actor, c.position) for c in found(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("North Korean troops were sent to Russia, Nato has confirmed.", ("Nato", "confirms")),
        ("North Korea has denied the reports of its forces in Russia.", ("North Korea", "denies")),
        (
            "The Kremlin had initially dismissed reports about a deployment as fake news.",
            ("The Kremlin", "denies"),
        ),
        (
            "On Oct 24, Russian President Vladimir Putin did not deny that troops were in Russia.",
            ("Russian President Vladimir Putin", "does not deny"),
        ),
        (
            "Last week, President Vladimir Putin refused to deny that troops had arrived.",
            ("President Vladimir Putin", "does not deny"),
        ),
        (
            "A North Korean foreign ministry official did not confirm media reports.",
            ("A North Korean foreign ministry official", "does not confirm"),
        ),
        (
            "BRUSSELS - Nato Secretary-General Mark Rutte confirmed on Oct 28 that troops were sent.",
            ("Nato Secretary-General Mark Rutte", "confirms"),
        ),
    ],
)
def test_confirmations_and_denials_are_found_with_their_actor(text, expected):
    assert claims_in(text) == [expected]


def test_pronouns_quoted_cues_and_long_descriptions_are_not_actors():
    assert claims_in("He could confirm the deployment.") == []
    assert claims_in("“We deny everything,” the minister said.") == []
    assert subject_before("the talks that went on for three days in a row and then") is None


def test_a_quote_calling_reports_rumours_is_a_denial_by_its_speaker():
    text = (
        "North Korea has denied the reports.\n\n"
        "“Such groundless rumours need no comment,” a North Korean envoy said.\n"
    )
    claims = found(text)
    assert [(c.actor, c.position) for c in claims] == [
        ("North Korea", "denies"),
        ("a North Korean envoy", "denies"),
    ]
    assert claims[1].context == "North Korea has denied the reports."


def claim(sid: str, n: int, actor: str, position: str, text: str) -> Claim:
    return Claim(source=sid, sentence=n, text=text, actor=actor, position=position, cue="x")


DEPLOYED = "North Korean troops have been deployed to Russia's Kursk region, Nato has confirmed."


def test_confirmation_and_denial_of_the_same_development_are_a_difference():
    denial = "North Korea has denied reports that its troops were deployed to Russia."
    brief = merge_extractions(
        [
            extraction("S1", events=[event("S1", 1, DEPLOYED)],
                       claims=[claim("S1", 1, "Nato", "confirms", DEPLOYED)]),
            extraction("S2", events=[event("S2", 1, DEPLOYED)],
                       claims=[claim("S2", 1, "NATO", "confirms", DEPLOYED),
                               claim("S2", 4, "North Korea", "denies", denial),
                               claim("S2", 5, "Peskov", "denies",
                                     "Peskov dismissed concerns about growing bilateral ties.")]),
        ]
    )  # fmt: skip
    [difference] = [d for d in brief.differences if d.kind == "claim"]
    assert difference.topic == DEPLOYED
    sides = [(s.actor, s.position, s.sources) for s in difference.sides]
    # Nato and NATO are one side; a denial about something else is not part of it
    assert sides[0][1:] == ("confirms", ["S1", "S2"])
    assert sides[1] == ("North Korea", "denies", ["S2"])
    assert len(sides) == 2
    assert difference.sides[1].evidence[0].text == denial
    markdown = render_markdown(brief)
    assert "**Claims that contradict** on:" in markdown
    # one line, each side with its sources; the sentences that say so are in the JSON
    assert "*denies*: North Korea [S2]" in markdown


def test_confirmations_alone_are_not_a_difference():
    brief = merge_extractions(
        [
            extraction("S1", events=[event("S1", 1, DEPLOYED)],
                       claims=[claim("S1", 1, "Nato", "confirms", DEPLOYED)]),
            extraction("S2", events=[event("S2", 1, DEPLOYED)],
                       claims=[claim("S2", 2, "Putin", "does not deny",
                                     "Putin did not deny that North Korean troops were in Russia.")]),
        ]
    )  # fmt: skip
    assert [d for d in brief.differences if d.kind == "claim"] == []


def test_a_police_inspector_and_a_developer_are_no_plain_witnesses_of_a_protest():
    from pipeline.rules.stance import StanceEvidence, judge_stance

    def judged(name: str, role: str, subject: str) -> tuple[str, str] | None:
        evidence = StanceEvidence(
            name=name,
            role=role,
            narrative=(f"{subject} said the evening had passed off calmly.",),
            quotes=("Most people had gone home by ten.",),
            development="Hundreds protest as council approves homes on meadow",
            subject_segments=(subject,),
            headline="Hundreds protest as council approves homes on meadow",
            key=name.lower(),
        )
        return judge_stance(evidence, contested=True, contested_only=False)

    assert judged("Ola Brandt", "Inspector", "Inspector Ola Brandt") != ("opposes", "headline")
    assert judged("Fenwick Homes", "", "Developer Fenwick Homes") != ("opposes", "headline")


def test_the_firms_finance_chief_blaming_a_cause_explains_the_decision():
    from pipeline.extract import prepare_article, rules_only_extraction, stance_evidence
    from pipeline.read import Article
    from pipeline.rules.stance import judge_stances

    text = (
        "Tarnmoor Tools cuts 600 jobs after orders slump\n\n"
        "Tarnmoor Tools said on Monday it would cut 600 jobs at its two plants.\n\n"
        "Nadia Fenn, chief financial officer, blamed a slump in orders from carmakers. "
        '"We could not carry that capacity through another year," she said.\n'
    )
    article = Article(id="S1", path="a.txt", text=text, sha256="x", title=text.splitlines()[0])
    prepared = prepare_article(article)
    extraction = rules_only_extraction(article, prepared=prepared)
    evidence = stance_evidence(prepared, list(extraction.quotes))
    judged = dict(zip((e.name for e in evidence), judge_stances(evidence), strict=True))
    assert judged["Nadia Fenn"] == ("defends", "agent")


def test_a_regulators_word_in_a_standfirst_lends_it_no_verb_of_the_maker():
    from pipeline.extract import prepare_article, rules_only_extraction, stance_evidence
    from pipeline.read import Article

    text = (
        "Painkiller may raise stroke risk, study suggests\n\n"
        "Maker rejects findings as regulator says it is 'monitoring' the evidence\n\n"
        "A large study has linked the painkiller to a higher risk of stroke.\n\n"
        "The Medicines Review Authority said it was 'monitoring' the evidence. 'We will "
        "consider the study as part of our routine safety work,' a spokesperson said.\n"
    )
    article = Article(id="S1", path="a.txt", text=text, sha256="x", title=text.splitlines()[0])
    prepared = prepare_article(article)
    extraction = rules_only_extraction(article, prepared=prepared)
    evidence = stance_evidence(prepared, list(extraction.quotes))
    regulator = next(e for e in evidence if "Authority" in e.name)
    assert not any("rejects" in n for n in regulator.narrative)
