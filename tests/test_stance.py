"""Stances read from what the article shows (pipeline/rules/stance.py), on values, and
through the extraction on small articles written for these tests."""

from dataclasses import replace

import pytest

from pipeline.extract import prepare_article, role_body, rules_only_extraction
from pipeline.read import Article
from pipeline.rules.stance import (
    StanceEvidence,
    is_agent,
    judge_stance,
    judge_stances,
    quote_stance,
    refused_claims,
    reporter_cue,
)


def test_the_reporters_verb_or_adjective_gives_the_stance():
    assert reporter_cue(("Ms Lowe condemned the closure on Friday.",)) == "condemns"
    assert reporter_cue(("The mayor welcomed the ruling.",)) == "supports"
    assert reporter_cue(("Mr Ito was more cautious.",)) == "warns"
    assert reporter_cue(("The firm denied any wrongdoing.",)) == "denies"
    assert reporter_cue(("Grant said the city would appeal.",)) == "opposes"
    assert reporter_cue(("Sato said the plan was sound.",)) is None


def test_rejecting_a_call_defends_and_rejecting_a_claim_denies():
    assert reporter_cue(("The minister rejected calls to scrap the scheme.",)) == "defends"
    assert reporter_cue(("The club rejected claims that it had misled fans.",)) == "denies"


def test_a_concession_followed_by_but_defends():
    segment = "Mr Hale conceded that mistakes had been made, but said the project was on track."
    assert reporter_cue((segment,)) == "defends"


def test_advice_to_the_public_warns():
    assert reporter_cue(("Officers urged drivers not to travel.",)) == "warns"


def test_a_verb_in_a_later_clause_is_not_the_actors():
    # the rejecting is done by "both unions", not by the speaker
    assert reporter_cue(("an official said, after both unions rejected the offer.",)) is None


def test_a_negated_verb_gives_no_stance():
    assert reporter_cue(("Ms Kerr did not welcome the move.",)) is None


def test_quotations_show_the_stance_by_their_words():
    assert quote_stance(("We are deeply sorry for the delays.",)) == "confirms"
    assert quote_stance(("These reports are simply untrue.",)) == "denies"
    assert quote_stance(("It is a disgrace and an insult to every family.",)) == "condemns"
    assert quote_stance(("This is wonderful news for the whole valley.",)) == "supports"
    assert quote_stance(("It is unfair and we cannot afford it.",)) == "opposes"
    assert quote_stance(("There is a real danger of flooding tonight.",)) == "warns"
    assert quote_stance(("It was the right decision and we stand by it.",)) == "defends"
    assert quote_stance(("We met on Tuesday.",)) is None


def test_the_longer_phrase_wins_where_two_overlap():
    # "will not" alone is an objection; "will not change course" is a defence
    assert quote_stance(("We will not change course.",)) == "defends"


def test_the_body_the_development_is_about_is_its_agent():
    development = "County council closes two libraries. The county council voted on Monday."
    assert is_agent("council leader", "Jo Park", development)
    assert not is_agent("", "Ana Ruiz", development)
    # another bank, named, is not the bank of the development
    rates = "Central bank holds rates. The central bank left rates unchanged."
    assert is_agent("bank governor", "Lia Berg", rates)
    assert not is_agent("chief economist at Fjord Bank", "Ola Dahl", rates)
    # a minister answers for a department's decision; a superintendent for a district's
    assert is_agent(
        "",
        "Ken Ode",
        "Fees to rise. The Department of Health announced it.",
        ("The health minister, Ken Ode",),
    )
    assert is_agent("Superintendent", "Mo Li", "District closes schools for a week.")


def test_the_agent_defends_its_decision_even_where_it_praises_it_or_it_is_good_news():
    """The body that did what happened stands behind its own act: "defends", as readers of
    five independently labelled sets call it, also when its words praise what it did while
    others contest it; uncontested good news it hails, it supports."""
    development = "Water company raises prices. The water company said prices rise in May."
    director = StanceEvidence(
        name="Ruth Obi", role="company director", quotes=("Prices rise in May.",),
        development=development,
    )  # fmt: skip
    critic = StanceEvidence(
        name="Sam Lake", quotes=("It is unfair and families cannot afford it.",),
        development=development,
    )  # fmt: skip
    assert judge_stance(director, contested=True) == ("defends", "agent")
    assert judge_stance(director, contested=False) == ("defends", "agent")
    assert judge_stances([director, critic]) == [("defends", "agent"), ("opposes", "quote")]
    praising = replace(director, quotes=("Customers will see lower bills by winter.",))
    assert judge_stance(praising, contested=True) == ("defends", "agent")
    opening = "Water company opens new reservoir. The water company opened it on Monday."
    glad = replace(director, development=opening, headline=opening.split(".")[0])
    assert judge_stance(glad, contested=False) == ("defends", "agent")
    # what no one contests, and its maker hails in words of praise, it backs: as readers of
    # thirteen blind sets call it more often than "defends" (6 to 3)
    hailed = replace(glad, quotes=("We are delighted to open it, and proud of the team.",))
    assert judge_stance(hailed, contested=False) == ("supports", "agent")
    assert judge_stance(hailed, contested=True) == ("defends", "agent")


def test_a_plain_witness_of_a_contested_decision_is_against_it_unless_harm_befell_people():
    """Where someone opposes the development, a quoted resident whose words hold no
    evaluative word is on the side news copy quotes such witnesses for: against it. Not
    an official, not someone speaking for a body, not where nobody opposes, and not on
    harm that befell people (a fire, a crash)."""
    development = "Council votes to shut the library. The council voted on Monday."
    headline = "Council votes to shut the library"
    council = StanceEvidence(
        name="Orla Penn", role="council leader", quotes=("The figures did not add up.",),
        development=development, headline=headline, key="penn",
    )  # fmt: skip
    critic = StanceEvidence(
        name="Sam Lake", role="", quotes=("It is unfair and shameful.",),
        development=development, headline=headline, key="lake",
    )  # fmt: skip
    resident = StanceEvidence(
        name="Ada Moss", role="", quotes=("I have come here every week for forty years.",),
        development=development, headline=headline, key="moss",
    )  # fmt: skip
    assert judge_stances([council, critic, resident])[2] == ("opposes", "witness")
    assert judge_stances([council, resident])[1] is None  # nobody opposes it
    official = replace(resident, role="library manager")
    assert judge_stances([council, critic, official])[2] is None
    friends = StanceEvidence(name="Friends of the Library", key="friends")
    member = replace(resident, speaks_for="friends")
    assert judge_stances([council, critic, friends, member])[3] != ("opposes", "witness")
    fire = "Fire destroys the library. A fire destroyed the library on Monday."
    harm = [replace(e, development=fire, headline=fire.split(".")[0])
            for e in (council, critic, resident)]  # fmt: skip
    assert judge_stances(harm)[2] != ("opposes", "witness")


def test_a_body_the_role_names_is_the_agent_where_the_headline_names_it():
    development = "Brightmoor Energy opens wind farm. Brightmoor Energy opened it today."
    headline = "Brightmoor Energy opens wind farm"
    assert is_agent("chief executive of Brightmoor Energy", "Ana Li", development, (), headline)
    assert not is_agent("chief executive of Hollow Power", "Ana Li", development, (), headline)
    # a capitalised title is no other body's name
    crash = "Officer cleared. An inquiry cleared a police officer, the department said."
    assert is_agent("Police Chief", "Ray Moe", crash, (), "Officer cleared")


def test_a_nationality_before_a_title_names_no_body():
    headline = "Alliance says Norwegian troops are deployed to the border"
    development = headline + ". Norwegian troops were seen near the border on Monday."
    assert not is_agent("Swedish Prime Minister", "Eva Lund", development, (), headline)
    assert not is_agent("Norwegian Foreign Minister", "Per Dahl", development, (), headline)


def test_what_is_needed_is_no_defence_nor_a_comparison_praise():
    assert quote_stance(("We are ready to go wherever needed, whatever is needed.",)) is None
    assert quote_stance(("We know their army better than anyone else.",)) is None
    assert quote_stance(("Families will be better off under the new scheme.",)) == "supports"
    assert quote_stance(("The closure was needed to keep patients safe.",)) == "defends"


def test_quoted_actors_without_an_evaluative_word_by_the_kind_of_story():
    rally = StanceEvidence(
        name="Ana Ruiz", role="teacher", quotes=("I drive an hour to work every day.",),
        headline="Hundreds rally against bus cuts",
        development="Hundreds rally against bus cuts. Hundreds marched on Sunday.",
    )  # fmt: skip
    assert judge_stance(rally) == ("opposes", "headline")
    minister = replace(rally, name="Jo Park", role="transport minister")
    assert judge_stance(minister) is None  # an office is the other side of a protest
    win = replace(
        rally, headline="Pensioner wins village baking prize",
        development="Pensioner wins village baking prize. She won on Saturday.",
    )  # fmt: skip
    assert judge_stance(win) == ("supports", "headline")
    analyst = replace(rally, role="senior analyst at Hollow Securities", headline="Bank holds rates",
                      development="Bank holds rates. The bank held rates.")  # fmt: skip
    assert judge_stance(analyst) == ("neutral", "role")


def test_authorship_supports_and_a_conditional_condemnation_opposes():
    assert reporter_cue(("Rep. Lee, who sponsored the bill, spoke first.",)) == "supports"
    assert reporter_cue(("Lee, who led the campaign against the plan.",)) == "opposes"
    assert quote_stance(("Shutting the park would be a disgrace.",)) == "opposes"
    assert quote_stance(("What they did was a disgrace.",)) == "condemns"
    assert quote_stance(("The camera footage tells a different story.",)) == "denies"


def test_an_opposition_politician_opposes_unless_the_reporter_says_otherwise():
    mp = StanceEvidence(name="Ian Roe", role="Opposition leader", quotes=("We will see.",))
    assert judge_stance(mp) == ("opposes", "opposition")
    welcoming = StanceEvidence(
        name="Ian Roe", role="Opposition leader", narrative=("Ian Roe welcomed the deal.",)
    )
    assert judge_stance(welcoming) == ("supports", "opposition")


def test_no_evidence_gives_no_stance():
    assert judge_stance(StanceEvidence(name="Ana Ruiz", quotes=("We met on Tuesday.",))) is None


def _positions(text: str) -> dict[str, str]:
    """Each stance actor's position in the rules-only extraction of a one-article text."""
    return {s.actor: s.position for s in rules_only_extraction(_article(text)).stances}


def _article(text: str) -> Article:
    return Article(id="S1", path="a.txt", text=text, sha256="x", title=text.splitlines()[0])


def test_extraction_gives_every_actor_a_stance_with_its_target_and_evidence():
    text = (
        "Harbour council approves ferry fare rise\n\n"
        "Harbour council approved a 10 per cent rise in ferry fares on Tuesday.\n\n"
        '"We had no choice after fuel costs doubled," council leader Rhian Moss said.\n\n'
        "Tom Baird, who lives on the island, said the rise was unfair. "
        '"Families here cannot afford another increase," he said.\n\n'
        "Opposition councillor Kay Dunn voted against the rise.\n"
    )
    extraction = rules_only_extraction(_article(text))
    stances = {s.actor: s for s in extraction.stances}
    assert stances["Rhian Moss"].position == "defends"
    assert stances["Tom Baird"].position == "opposes"
    # an actor with no quotation, whom the reporter gives a stance verb
    assert stances["Kay Dunn"].position == "opposes"
    assert stances["Kay Dunn"].quote is None
    assert all(s.target == "Harbour council approves ferry fare rise" for s in stances.values())
    moss = stances["Rhian Moss"]
    assert moss.quote == "We had no choice after fuel costs doubled,"
    assert moss.evidence in text


def test_stances_read_the_first_reported_sentence_not_the_headline_twice():
    text = "Fares to rise\n\nThe Transport Department said fares will rise.\n\n" + (
        '"It is the right decision," the transport minister, Ann Cole, said.\n'
    )
    prepared = prepare_article(_article(text))
    from pipeline.extract import stance_evidence

    extraction = rules_only_extraction(_article(text), prepared)
    evidence = stance_evidence(prepared, extraction.quotes)
    assert evidence and "Transport Department" in evidence[0].development


def test_attitude_words_in_a_partial_quotation_and_consequences_on_a_condition():
    # a body's own word, quoted inside the reporter's sentence
    assert quote_stance(("bitterly disappointed",)) == "opposes"
    # "without X, Y will…": a warning of what follows
    assert quote_stance(("Without more staff, waiting lists will grow again,",)) == "warns"
    assert quote_stance(("If the levy goes, the ferry would stop running,",)) == "warns"


def test_a_defiant_or_scathing_actor():
    assert reporter_cue(("The chancellor was defiant.",)) == "defends"
    assert reporter_cue(("Ms Ode was scathing about the plan.",)) == "condemns"
    assert reporter_cue(("Mr Bay fumed that nobody had listened.",)) == "condemns"


def test_nouns_adverbs_and_participles_are_not_stance_verbs():
    # "the attack", "came back", a participle clause about another act
    assert reporter_cue(("Ms Ode said the attack began at night.",)) is None
    assert reporter_cue(("Mr Kim said staff came back on Monday.",)) is None
    assert reporter_cue(("Mr Lee, supporting the inquiry, spoke to reporters.",)) is None
    # after a modal or "to" the same words are verbs
    assert reporter_cue(("Mr Kim said the city would appeal.",)) == "opposes"
    assert reporter_cue(("Ms Ode was more forgiving.",)) == "supports"  # an adjective in -ing


def test_kind_words_about_a_harm_are_no_support_of_it():
    harm = "Fire destroys riverside warehouse"
    thanks = StanceEvidence(
        name="Lu Chan", quotes=("The firefighters were wonderful, we thank them.",), headline=harm
    )
    assert judge_stance(thanks) is None
    # the same words about a decision support it
    decision = replace(thanks, headline="Council approves riverside homes")
    assert judge_stance(decision) == ("supports", "quote")
    # the body the harm befell answers for its response: no "supports" from being its agent
    trust = StanceEvidence(
        name="Ada Oyo", role="trust chief executive", quotes=("We met today.",),
        headline="Hackers steal trust records", development="Hackers steal trust records",
    )  # fmt: skip
    assert judge_stance(trust, contested=False) is None
    assert judge_stance(trust, contested=True) == ("defends", "agent")


def test_refusing_to_deny_is_no_stance():
    assert reporter_cue(("Mr Ode refused to deny that the plant would close.",)) is None
    assert reporter_cue(("The firm declined to confirm the figures.",)) is None


def test_complaints_as_questions_and_blows_oppose_and_harm_keeps_the_warning():
    assert quote_stance(("How are we meant to get to work now?",)) == "opposes"
    assert quote_stance(("This ruling is a blow to small firms.",)) == "opposes"
    advice = ("The virus can spread fast. Good hygiene is the best defence.",)
    assert quote_stance(advice) == "supports"
    assert quote_stance(advice, adverse=True) == "warns"


def test_a_refusal_to_deny_or_confirm_rules_out_that_stance():
    assert refused_claims(("Ms Roe refused to deny the report.",)) == {"denies"}
    assert refused_claims(("The firm declined to confirm or deny it.",)) == {"denies", "confirms"}
    assert refused_claims(("A spokesman declined to comment.",)) == {"denies", "confirms"}
    assert refused_claims(("Ms Roe denied the report.",)) == frozenset()


def test_reported_speech_is_read_like_a_quotation():
    from pipeline.rules.stance import reported_words

    assert reported_words(("Tenants' group Roofwise said the levy was unjustified.",)) == (
        "the levy was unjustified.",
    )
    assert reported_words(
        ("Dr Amos told the Gazette that the cuts would leave wards short of nurses.",)
    ) == ("the cuts would leave wards short of nurses.",)
    assert reported_words(
        ("Pellor Foods will shut its Ashby plant in May, the company said on Monday.",)
    ) == ("Pellor Foods will shut its Ashby plant in May",)
    assert reported_words(("Ms Hart visited the site on Monday.",)) == ()


def test_an_actor_reported_saying_something_has_a_stance_without_a_quotation():
    text = (
        "Ferry operator to cut winter sailings\n\n"
        "Brightwater Ferries will cut winter sailings to the islands by a third.\n\n"
        "Islanders' group Tidewatch said the cuts were unjustified and would hit "
        "older residents hardest.\n"
    )
    stances = _positions(text)
    assert stances["Tidewatch"] == "opposes"


def test_a_place_after_a_preposition_is_not_the_speaker_of_what_residents_say():
    text = (
        "Bus route to end\n\n"
        "People in villages near Carnby say the loss of the route is a blow to them.\n"
    )
    stances = {s.actor for s in rules_only_extraction(_article(text)).stances}
    assert "Carnby" not in stances


def test_the_accused_answering_the_charge_defends():
    text = (
        "Roof collapse at depot injures four\n\n"
        "Four workers were hurt when a roof fell in at a freight depot on Friday.\n\n"
        "The drivers' union blamed the depot's owner, Harrow Logistics, for ignoring "
        "complaints about leaks.\n\n"
        "Harrow Logistics said the roof had been inspected in March and that it was "
        "helping the investigation.\n"
    )
    stances = _positions(text)
    assert stances["Harrow Logistics"] == "defends"


def test_a_person_and_the_body_they_speak_for_share_a_stance():
    text = (
        "Water bills to rise by 7%\n\n"
        "Customers of Deepwell Water will pay 7% more from April.\n\n"
        "Consumer body Tapwatch said the rise was unjustified. "
        '"People are paying for years of leaks," said Tapwatch director Ian Cole.\n'
    )
    stances = _positions(text)
    assert stances["Tapwatch"] == "opposes"
    assert stances["Ian Cole"] == "opposes"


def test_a_spokesperson_for_a_body_is_the_body_and_a_reviewing_regulator_is_neutral():
    text = (
        "Broadband firm raises prices, watchdog to look at rise\n\n"
        "Linkway will raise broadband prices by 8% from June.\n\n"
        "The telecoms watchdog, Ofwire, said it would examine whether the rise was fair. "
        'A spokeswoman for Ofwire said it "has no view yet".\n'
    )
    stances = _positions(text)
    ofwire = [a for a in stances if "Ofwire" in a]
    assert len(ofwire) == 1 and stances[ofwire[0]] == "neutral"


def test_the_actor_that_opens_the_headline_is_the_agent_unless_it_speaks_there():
    evidence = StanceEvidence(
        name="Pellor Foods",
        quotes=("The site has lost money for six years.",),
        headline="Pellor Foods to close Ashby plant",
        development="Pellor Foods to close Ashby plant Pellor Foods will close its plant.",
    )
    assert judge_stance(evidence) == ("defends", "agent")
    speaking = replace(
        evidence,
        headline="Pellor Foods says plant will close",
        development="Pellor Foods says plant will close The council said the plant will close.",
    )
    assert judge_stance(speaking) != ("defends", "agent")


def test_an_adjective_or_a_relative_clause_is_not_the_actors_stance():
    assert reporter_cue(("The ministry said the disputed levy was fair.",)) is None
    assert (
        reporter_cue(("The ministry said the deal, which ends the disputed levy, was fair.",))
        is None
    )


def test_the_body_that_opens_the_lead_is_the_agent_and_defends_its_decision():
    text = (
        "Regulator delays licence auction\n\n"
        "ORSKA, May 2 (Northwire) - Orska's spectrum authority on Friday delayed next "
        "month's licence auction by a year, citing legal challenges.\n\n"
        "Mobile operator Kiri Telecom said the delay was unfair.\n"
    )
    stances = _positions(text)
    assert stances["Orska's spectrum authority"] == "defends"
    assert stances["Kiri Telecom"] == "opposes"


def test_an_unquoted_body_given_a_stance_verb_is_an_actor():
    from pipeline.rules.stance import stance_subjects

    assert stance_subjects(
        "The tenants' union Homes First, which brought the case, welcomed the ruling."
    ) == [("Homes First", 19)]
    # a body inside a person's appositive is not the subject
    assert stance_subjects("Ann Roe, of the Royal Guild of Nurses, warned of delays.") == []


def test_turning_down_a_request_is_a_ruling_not_a_denial():
    assert reporter_cue(("Judge Ann Obi denied the promoter's request for an injunction.",)) is None
    assert reporter_cue(("The firm denied the allegations.",)) == "denies"


def test_the_body_the_lead_says_took_the_decision_defends_it():
    text = (
        "Seaside town to charge visitors £2 a night\n\n"
        "Visitors to Saltby will pay £2 a night from April after Gull Bay Council approved "
        "the levy on Tuesday.\n\n"
        "Hotelier Ann Roe said the charge was unfair.\n"
    )
    stances = _positions(text)
    assert stances["Gull Bay Council"] == "defends"
    assert stances["Ann Roe"] in ("opposes", "warns")


def test_the_doer_announcing_its_own_decision_does_not_confirm_it():
    text = (
        "Police to close dog unit\n\n"
        "Westmere Police will close its dog unit next spring, the force confirmed on Monday.\n"
    )
    stances = _positions(text)
    assert stances.get("Westmere Police") == "defends"


def test_the_body_a_speakers_office_names_shares_their_stance():
    """A body named only in its officer's role ("chair of the …") takes the officer's stance;
    an expert's employer does not speak through them."""
    text = (
        "Ferry fares to rise by a third\n\n"
        "Islay Sound Ferries will raise fares by a third from June, the operator said on Monday.\n\n"
        '"This is a tax on living on an island," said Morag Dunleavy, chair of the Kintra '
        "Islanders Association.\n\n"
        '"Fuel costs have doubled since the contract was signed," said Dr Ewan Rattray, an '
        "economist at Glenmore University."
    )
    found = _positions(text)
    assert found["Kintra Islanders Association"] == found["Morag Dunleavy"]
    assert found["Morag Dunleavy"] in ("opposes", "condemns")
    assert "Glenmore University" not in found


def test_role_body_reads_the_body_out_of_a_role():
    assert (
        role_body("president of the Millside Tenants Federation") == "Millside Tenants Federation"
    )
    assert role_body("Managing Director of Harbourline Buses") == "Harbourline Buses"
    assert role_body("Crewe Traders' Association secretary") == "Crewe Traders' Association"
    assert role_body("Mayor of Lisbon") is None  # a place, not a body
    assert role_body("a lecturer at Tollcross College") is None  # an expert speaks for herself
    assert role_body("But Corran Borough Council leader") == "Corran Borough Council"


def test_the_body_the_lead_says_decided_is_the_agent_in_its_other_forms():
    """The decider named in the first body sentences in a reduced relative, with a
    possessive decision noun, in the passive or in the second sentence defends it."""
    forms = [
        "Late buses to stop under a timetable the Transport Authority approved on Monday.",
        "Dog walkers are angry. Corran Borough Council's new rule bans dogs from the beach.",
        "Parking charges rise today. The charges were approved by Wexley Town Council.",
        "The ferry will stop at night. The Harbour Board voted 5-2 on Friday to end the service.",
    ]
    for lead in forms:
        text = f"Service change\n\n{lead}\n\n“We did not take this lightly,” said Ann Kerr."
        positions = _positions(text)
        assert "defends" in positions.values(), (lead, positions)
        assert any(name.endswith(("Authority", "Council", "Board")) for name in positions), (
            lead,
            positions,
        )


def test_a_passive_gives_the_stance_to_the_agent_after_by_not_to_its_subject():
    """ "X accused of fraud" (headlinese passive) is no condemnation by X; "welcomed by the
    tenants' group" is the group's support; "rejects the fraud narrative" denies."""
    text = (
        "Former treasurer accused over club accounts\n\n"
        "Harwick Sailing Club's former treasurer, Dean Moss, was charged on Monday. "
        "The charge was welcomed by Members for Change, whose chair, Ellen Voss, said "
        "members were relieved.\n\n"
        "Moss's solicitor, Ravi Kaul, rejects the prosecution's narrative."
    )
    positions = _positions(text)
    assert positions.get("Ellen Voss") == "supports"
    assert positions.get("Ravi Kaul") == "denies"
    assert "Former treasurer" not in positions


def test_a_body_with_of_in_its_name_and_a_complaint_of_no_consultation():
    """ "The Federation of Industry criticised…" is an actor (the "of" is inside its name,
    not before a place); "said it had not been consulted" opposes; a dateline place never
    is an actor."""
    text = (
        "Rates rise again\n\n"
        "PORT ELSING, May 2 (Northline) - The central bank raised its main rate on Thursday.\n\n"
        "The Elsing Federation of Industry criticised the decision.\n\n"
        "The Elsing Tenants and Residents Association said it had not been consulted."
    )
    positions = _positions(text)
    assert positions.get("The Elsing Federation of Industry") == "opposes"
    assert positions.get("The Elsing Tenants and Residents Association") == "opposes"
    assert not any("PORT" in name for name in positions)


def test_reported_speech_about_another_party_shows_no_stance_on_the_development():
    development = "Harbour toll doubled. Port Ennis doubled its harbour toll on Monday."
    aside = StanceEvidence(
        name="Ferry users",
        narrative=("Ferry users said Corvel Shipping might struggle to keep its routes open.",),
        development=development,
    )
    assert judge_stance(aside) is None
    on_it = replace(aside, narrative=("Ferry users said the toll was unfair to fishermen.",))
    assert judge_stance(on_it) == ("opposes", "quote")


def test_one_body_in_two_house_styles_is_one_stance_row():
    from pipeline.rules.entities import EntityIndex

    index = EntityIndex()
    index.add("NATO", "S1")
    index.add("Nato", "S2")
    assert index.canonical("Nato") == index.canonical("NATO")


def test_a_body_of_another_nation_is_not_the_agent_of_the_development():
    development = (
        "Spy agency says troops have crossed the border. South Korean intelligence said on "
        "Monday that troops had crossed the border."
    )
    other = StanceEvidence(
        name="Ukrainian military intelligence",
        narrative=("Ukrainian military intelligence said the first units had arrived.",),
        development=development,
    )
    own = replace(other, name="South Korean intelligence")
    assert not is_agent("", other.name, development)
    assert is_agent("", own.name, development)


def test_common_news_idioms_of_position_in_quotations():
    assert quote_stance(("He has maintained his innocence from the start.",)) == "denies"
    assert quote_stance(("It is a scandal dressed up as reform.",)) == "condemns"
    assert quote_stance(("This is a solution in search of a problem.",)) == "opposes"
    assert quote_stance(("Nobody came to talk to us before the vote.",)) == "opposes"
    assert quote_stance(("If it keeps the lanes clear, I'm all for it.",)) == "supports"
    hedged = StanceEvidence(
        name="Ofwater",
        quotes=("The regulator does not comment on individual complaints.",),
    )
    assert judge_stance(hedged) == ("neutral", "hedge")


def test_a_movement_verb_and_injuries_are_no_stance():
    text = (
        "Ferry hits rocks\n\n"
        "The Skerry Queen slammed into rocks off Ardlow on Friday.\n\n"
        '"Most have cuts and bruises," said the hospital\'s medical director, Dr Ann Pryor.'
    )
    positions = _positions(text)
    assert "The Skerry Queen" not in positions and "Skerry Queen" not in positions
    assert positions.get("Ann Pryor") in (None, "neutral")


def test_demanding_answers_condemns_and_is_no_support():
    assert quote_stance(("Our members flagged this and they deserve answers.",)) == "condemns"
    assert quote_stance(("The fans deserve this win.",)) == "supports"


def test_the_body_a_headline_reports_a_fact_on_vouches_for_it():
    """ "Alliance says troops deployed": the alliance confirms the fact, even where its
    chief warns of what it means; a body's own decision is still defended."""
    development = (
        "Alliance says troops were deployed to the border. The alliance said on Monday that "
        "troops had been sent."
    )
    chief = StanceEvidence(
        name="Ana Leko",
        role="alliance secretary-general",
        quotes=("This is a dangerous escalation and a threat to us all.",),
        development=development,
        headline="Alliance says troops were deployed to the border",
    )
    assert judge_stance(chief) == ("confirms", "agent")
    decision = replace(
        chief,
        development="Alliance to close its border office. The alliance will close it in May.",
        headline="Alliance to close its border office",
        quotes=("We had to cut costs.",),
    )
    assert judge_stance(decision) == ("defends", "agent")


def test_a_body_that_says_what_it_will_do_or_is_named_after_by_defends_it():
    """The lead's decider in more forms: 'X is to hand back …' (a particle 'back' is no
    backing), 'X, the …, said Tuesday it will …', 'approved last night by X’s committee',
    and a body whose name runs on with 'of' ('the Orwell Gallery of Modern Craft')."""
    gallery = _positions(
        "Gallery to return bronze heads\n\n"
        "The Orwell Gallery of Modern Craft is to hand back four bronze heads to the city of "
        "Oyo, decades after they were sold to it.\n\n"
        '"It is the right thing to do," said its director, Lena Frost.\n'
    )
    assert gallery.get("The Orwell Gallery of Modern Craft") == "defends"
    firm = _positions(
        "Software firm to cut 600 jobs\n\n"
        "Brackwater Inc., the accounting software maker, said Tuesday it will cut 600 jobs.\n\n"
        '"This is a betrayal," said union organiser Jo Tate.\n'
    )
    assert firm.get("Brackwater Inc.") == "defends"
    tower = _positions(
        "Tower approved despite objections\n\n"
        "A 12-storey tower was approved last night by Kelham District Council’s planning "
        "committee, despite 900 objections.\n\n"
        '"It will ruin the skyline," said resident Amy Vale.\n'
    )
    assert tower.get("Kelham District Council") == "defends"


def test_a_bare_spokesperson_speaks_for_the_body_named_before_in_the_paragraph():
    """'Bus operator Redline Coaches says … A spokeswoman said: …' and 'animal campaigners
    Open Cages criticised the zoo. A spokesman fumed: …': the body speaks."""
    from pipeline.extract import rules_only_extraction as extract

    coaches = extract(
        _article(
            "Coaches cancelled\n\nBus operator Redline Coaches says it will run no coaches "
            'tonight. A spokeswoman said: "Safety comes first."\n'
        )
    )
    assert [q.speaker for q in coaches.quotes] == ["Redline Coaches"]
    cages = extract(
        _article(
            "Zoo reopens\n\nBut animal campaigners Open Cages criticised the zoo. A spokesman "
            'fumed: "This is reckless."\n'
        )
    )
    assert [q.speaker for q in cages.quotes] == ["Open Cages"]


def test_the_description_set_beside_a_name_is_that_person():
    """'signed by the regional prefect, Anne Morel,' … 'the prefect wrote that «…»'."""
    from pipeline.extract import rules_only_extraction as extract

    order = extract(
        _article(
            "Wolf cull ordered\n\nThe order, signed on Monday by the regional prefect, Anne "
            "Morel, allows one wolf to be shot. In it, the prefect wrote that «every other "
            "measure has failed».\n"
        )
    )
    assert [q.speaker for q in order.quotes] == ["Anne Morel"]


def test_a_stance_actor_is_a_name_or_a_description_never_a_clause_or_a_stray_word():
    """A time word closing the phrase goes ('The council now'); a spokesperson stands for the
    body; a capitalised description ('The Company') for the one it refers to; a clause
    ('herself a grandmother') and a word that never stands as a name ('Campaigners' opening
    a sentence, 'Local' inside 'State Local Government Minister') name no one; a surname
    after a title ('Lord Vane') and a description no one in the article answers to ('the
    harbour master') stay."""
    from pipeline.extract import actor_name, prepare_article

    text = (
        "Levy approved\n\nThe Kelby Water Company will raise its levy. The Company said the "
        "rise was needed. Campaigners dispute that. The council now backs it, State Local "
        "Government Minister Jo Rees said. Mayor Ann Hale, herself a grandmother, agreed. "
        "Lord Vane opposed it; the minister did not.\n"
    )
    prepared = prepare_article(_article(text))
    assert actor_name("The council now", prepared) == "The council"
    assert actor_name("A spokesperson for Kelby Water Company", prepared) == "Kelby Water Company"
    assert actor_name("The Company", prepared) == "Kelby Water Company"
    assert actor_name("herself a grandmother", prepared) is None
    assert actor_name("Campaigners", prepared) is None
    assert actor_name("Local", prepared) is None
    assert actor_name("Vane", prepared) == "Vane"
    assert actor_name("the harbour master", prepared) == "the harbour master"


def test_stance_target_passes_over_a_headline_that_names_no_development():
    from pipeline.extract import stance_target

    text = (
        "“I WANT MY BUS BACK!”\n\n"
        "Pensioners fume as Dunmere council scraps the number 7 village bus\n\n"
        "Dunmere District Council has scrapped the number 7 bus, which ran twice a day."
    )
    assert stance_target(prepare_article(_article(text))) == (
        "Pensioners fume as Dunmere council scraps the number 7 village bus"
    )


def test_stance_target_skips_a_release_label_for_the_release_headline():
    from pipeline.extract import stance_target

    text = (
        "FOR IMMEDIATE RELEASE: 3 March\n\n"
        "Harbour trust opens new lifeboat station at Port Ellin\n\n"
        "The Port Ellin Harbour Trust today opened its new lifeboat station."
    )
    assert stance_target(prepare_article(_article(text))) == (
        "Harbour trust opens new lifeboat station at Port Ellin"
    )


# Crowds and groups: the reporter shows their stance by what they do, not by a quotation
# with a named speaker (sentences written for these tests).


def test_a_crowd_chanting_or_marching_opposes_and_cheering_supports():
    from pipeline.rules.stance import crowd_stances

    found = crowd_stances(
        "As the minister left, a knot of the demonstrators outside the depot chanted "
        "“Not in our name!”",
        ("Not in our name!",),
    )
    assert found == [("a knot of the demonstrators outside the depot", 22, "opposes")]
    assert crowd_stances("Nearly sixty tenants marched to the town hall on Friday.") == [
        ("Nearly sixty tenants", 0, "opposes")
    ]
    found = crowd_stances("Some 300 fans in the North Stand, who had waited all day, booed.")
    assert [(g, label) for g, _, label in found] == [
        ("Some 300 fans in the North Stand", "opposes")
    ]
    assert crowd_stances("Commuters cheered as the first train pulled in.")[0][2] == "supports"


def test_a_crowd_chanting_a_name_supports_and_a_cry_of_shame_condemns():
    from pipeline.rules.stance import crowd_stances

    cheer = crowd_stances(
        "Inside the hall, the volunteers chanted “Mara! Mara! Mara!”", ("Mara! Mara! Mara!",)
    )
    assert cheer[0][0] == "the volunteers" and cheer[0][2] == "supports"
    shame = crowd_stances(
        "Outside the court, villagers shouted “Shame on you!” at the directors.", ("Shame on you!",)
    )
    assert shame[0][0] == "villagers" and shame[0][2] == "condemns"


def test_a_group_that_is_the_object_of_another_act_is_no_crowd():
    from pipeline.rules.stance import crowd_stances

    assert crowd_stances("The council told residents that the road would reopen.") == []
    assert crowd_stances("Police said the protesters had been told to disperse.") == []


def test_a_crowd_in_an_article_gets_a_stance_under_its_own_words():
    text = (
        "Depot closure goes ahead despite protest\n\n"
        "Vantry Transport will close its Eastgate bus depot in March, the company said on Monday.\n\n"
        "About eighty drivers and their families gathered outside the depot gates with "
        "placards, chanting “Keep Eastgate open!”\n\n"
        '"The depot is no longer viable," said Vantry\'s operations director, Lena Brook.\n'
    )
    stances = {s.actor: s.position for s in rules_only_extraction(_article(text)).stances}
    assert stances.get("About eighty drivers and their families") == "opposes"


# The body that took the decision, found in the lead in the shapes news copy uses.


def decider(text: str) -> str | None:
    """The deciding body the lead of a one-article ``text`` names, as written, or None."""
    from pipeline.extract import _lead_decider

    found = _lead_decider(prepare_article(_article(text)))
    return found[0] if found else None


def test_the_decider_is_found_past_its_bracketed_initials_and_in_a_decision_by():
    assert (
        decider(
            "Tariff rise approved\n\nThe Coastal Water Authority (CWA) on Friday approved a rise "
            "of 6 per cent in household bills.\n"
        )
        == "The Coastal Water Authority"
    )
    assert (
        decider(
            "Night clinic to shut\n\nPatients reacted with dismay to a decision by Harrowby "
            "Health Board to shut the night clinic from May.\n"
        )
        == "Harrowby Health Board"
    )
    assert (
        decider(
            "Toymaker to shut plant\n\nThe toymaker Pelloway will close its Dunmore plant by the "
            "end of the year, with the loss of 300 jobs.\n"
        )
        == "Pelloway"
    )


def test_the_decider_after_a_vote_tally_and_a_level_of_government_and_the_announcer_first():
    assert (
        decider(
            "Tunnel to be tolled\n\nDrivers will pay $2 each way under a plan approved 5-2 "
            "Monday by the state Highways Board.\n"
        )
        == "Highways Board"
    )
    assert (
        decider(
            "Pool to close at night\n\nThe Granby Lido will shut at 8pm from June, Wexley "
            "Borough Council has confirmed.\n"
        )
        == "Wexley Borough Council"
    )
    reply = (
        "Creamery cuts price\n\nFarmers will be paid less from May. The Hill Farmers' Guild "
        "said it would seek talks with the creamery.\n"
    )
    assert decider(reply) is None  # seeking talks answers the decision


def test_a_country_or_firm_the_headline_opens_with_as_doer_is_the_decider():
    from pipeline.extract import _lead_decider

    text = (
        "Ostravia expels two envoys over spying claims\n\n"
        "Ostravia on Wednesday expelled two diplomats from neighbouring Kelm, accusing them of "
        "espionage. Kelm said it would answer Ostravia in kind.\n"
    )
    assert _lead_decider(prepare_article(_article(text)))[0] == "Ostravia"
    speech = (
        "Ostravia says envoys were spies\n\n"
        "Ostravia on Wednesday expelled two diplomats from neighbouring Kelm.\n"
    )
    assert _lead_decider(prepare_article(_article(speech))) is None


def test_a_body_described_not_named_stands_for_the_one_body_the_article_names():
    text = (
        "Grocer fined over recalled yoghurt\n\n"
        "Brindle Foods Ltd was fined £40,000 on Tuesday after recalled yoghurt stayed on sale.\n\n"
        "THE firm denied that any customer had fallen ill.\n\n"
        '"We acted within hours," said Brindle\'s managing director, Sam Okoro.\n'
    )
    actors = [s.actor for s in rules_only_extraction(_article(text)).stances]
    assert not any(a.lower() == "the firm" for a in actors)


def test_a_speakers_own_stance_verb_in_the_first_person_shows_their_stance():
    """'We support …', 'I am opposed', 'we fully back …' and a reporter's fragment that is
    the verb ('strongly supports') show the stance; backing refused in the first person
    ('We cannot accept this') is against; another's backing ('they support it') and a noun
    ('support for carers') are no stance of the speaker's."""
    assert quote_stance(("Our members were heard, and we support the scheme.",)) == "supports"
    assert quote_stance(("firmly supports",)) == "supports"
    assert quote_stance(("I am opposed to it and I always will be.",)) == "opposes"
    assert quote_stance(("We will fully back the new timetable.",)) == "supports"
    assert quote_stance(("We cannot accept this outcome.",)) == "opposes"
    assert quote_stance(("I won't endorse it.",)) == "opposes"
    assert quote_stance(("They support it, apparently.",)) is None
    assert quote_stance(("There is support for carers in the budget.",)) is None


def test_the_lead_names_the_decider_past_a_vote_count_a_day_or_a_passive():
    """A decider in more lead forms: a vote count and a day between the body and its verb
    ('voted 5-2 Thursday evening to'), a body's lower-case part after a named body ('the
    Pellham County School District board': the district), and a passive decision whose
    announcer closes the sentence ('… was suspended on Friday, the Coastal Rowing Integrity
    Unit announced')."""
    board = _positions(
        "Library drops graphic novel\n\n"
        "PELLHAM — The Pellham County School District board voted 5-2 Thursday evening to "
        "drop a graphic novel from its reading list.\n\n"
        '"We listened to every parent," said Ana Ruiz, who chairs the board.\n'
    )
    assert board.get("Pellham County School District") == "defends"
    unit = _positions(
        "Rower suspended after failed test\n\n"
        "Olympic rower Tess Marlow was provisionally suspended on Friday after a sample "
        "showed a banned diuretic, the Coastal Rowing Integrity Unit announced.\n\n"
        '"I have never knowingly taken anything," Marlow said.\n'
    )
    assert unit.get("Coastal Rowing Integrity Unit") == "defends"


def test_a_body_named_by_its_peoples_adjective_keeps_its_body_word():
    """'The Veskian government said on Monday it would ban …': the actor is the Veskian
    government, not the adjective 'Veskian'."""
    positions = _positions(
        "Veskia to ban raw timber exports\n\n"
        "The Veskian government said on Monday it would ban exports of raw timber from "
        "June, a move aimed at building sawmills at home.\n\n"
        '"This is a necessary step for our forests," forestry minister Ilo Tamm said.\n'
    )
    assert "Veskian" not in positions
    assert positions.get("Veskian government") == "defends"


def test_asking_for_what_would_stop_or_reexamine_the_development_opposes_it():
    survey = "The Friends said it was devastated and called for an independent survey first."
    assert reporter_cue((survey,)) == "opposes"
    assert reporter_cue(("She said the state would take the matter to the supreme court.",)) == (
        "opposes"
    )
    assert reporter_cue(("Residents have launched a legal challenge.",)) == "opposes"
    assert reporter_cue(("The delegation walked out of the session.",)) == "opposes"
    # a body reviewing its own act, and a call for the development itself, are no objection
    assert reporter_cue(("The council launched a review of the incident.",)) is None
    assert reporter_cue(("The union called for the ban to be extended.",)) == "supports"
    assert reporter_cue(("The union did not call for a review.",)) is None


def test_devastated_and_heartbroken_object_and_blame_in_quotes_sharpens_an_objection():
    assert quote_stance(("We are devastated and heartbroken.",)) == "opposes"
    evidence = StanceEvidence(
        name="Hoofprint International",
        narrative=("Hoofprint International called the plan a massacre and said it would "
                   "go to court to seek an injunction.",),
        quotes=("a massacre dressed up as conservation",),
        development="Ministry orders cull of 400 wild horses.",
        headline="Ministry orders cull of 400 wild horses",
    )  # fmt: skip
    assert judge_stance(evidence) == ("condemns", "reporter")


def test_a_subject_set_off_by_however_or_for_its_part_still_takes_the_verb():
    from pipeline.rules.stance import stance_subjects

    sentence = "The Lorry Owners Association, however, welcomed the pledge to ring-fence it."
    assert stance_subjects(sentence) == [("The Lorry Owners Association", 0)]
    assert stance_subjects("Greenway, for its part, condemned the plan.") == [("Greenway", 0)]


def test_what_the_reporter_says_of_a_title_is_said_of_its_one_holder():
    text = (
        "Farmers protest as Tarlow County doubles produce cess\n\n"
        "Farmers have threatened to stop supplying markets after the county government doubled "
        "the cess charged on every bag of potatoes.\n\n"
        "Governor Peter Omondi Kariuki assented to the Finance Act on Monday.\n\n"
        "Speaking in Ndiritu on Wednesday, the Governor defended the increase.\n\n"
        '"Our roads are collapsing under the weight of these lorries," Kariuki said.\n'
    )
    stances = {s.actor: s.position for s in rules_only_extraction(_article(text)).stances}
    assert stances.get("Peter Omondi Kariuki") == "defends"
    assert "Governor" not in stances


def test_a_press_releases_issuer_and_its_untitled_executives_defend_its_measure():
    text = (
        "Larchmere Water announces temporary use ban as reservoirs fall\n\n"
        "NEWS RELEASE\n\n"
        "Larchmere Water will introduce a temporary use ban for its 900,000 customers from "
        "Friday, after the driest spring on record.\n\n"
        '"Leakage is too high, and we own that," said Chief Executive Ruth Adeyemi.\n\n'
        "Campaign group Save Our Taps said it was angry. Its chairman, Tom Bell, said: "
        '"This is a failure of investment, and customers cannot afford it."\n'
    )
    article = replace(_article(text), outlet="Larchmere Water")  # a release: its issuer's
    stances = {s.actor: s.position for s in rules_only_extraction(article).stances}
    assert stances.get("Larchmere Water") == "defends"
    assert stances.get("Ruth Adeyemi") == "defends"  # "Chief Executive": of the issuer
    assert stances.get("Tom Bell") != "defends"  # "Its chairman": of the group just named


def test_backing_people_or_calling_for_something_else_is_no_support_of_the_development():
    from pipeline.rules.stance import _backs_another

    closure = "Council votes to close island school"
    assert _backs_another(("it would support parents in every way open to it.",), closure)
    assert _backs_another(("thanked the volunteers.",), "Fire destroys village hall")
    rebuild = "Food centre to close for two-year rebuild"
    assert _backs_another(("called for the rent waiver to cover the full two years.",), rebuild)
    assert not _backs_another(("called for the ban to be extended.",), "Council bans fireworks")
    assert not _backs_another(("welcomed the decision.",), "Council bans fireworks")
    statement = StanceEvidence(
        name="Inchvarra Community Council",
        narrative=("Inchvarra Community Council said in a statement that it was       and would "
                   "support parents                         .",),
        quotes=("dismayed but not surprised", "in every way open to us"),
        development="Island school to close, its six pupils sent by boat",
        headline="Island school to close, its six pupils sent by boat",
    )  # fmt: skip
    assert judge_stance(statement) == ("opposes", "quote")


def test_reservations_object_and_a_grab_condemns():
    assert quote_stance(("serious reservations",)) == "opposes"
    assert quote_stance(("a land grab in the name of safety",)) == "condemns"


def test_asking_an_authority_to_step_in_or_seeing_it_differently_opposes():
    asked = "She said the union would ask the official languages commissioner to investigate."
    assert reporter_cue((asked,)) == "opposes"
    assert reporter_cue(("Parents urged ministers to intervene.",)) == "opposes"
    assert reporter_cue(("Her brother, who co-founded the firm, sees it differently.",)) == (
        "opposes"
    )
    # asking the public to act is advice, not an objection
    assert reporter_cue(("The council asked residents to report leaks.",)) == "warns"


def test_a_business_the_headline_names_short_doing_what_happened_is_the_decider():
    from pipeline.extract import _lead_decider

    text = (
        "Brightmere recalls 48,000 air fryers after nine kitchen fires\n\n"
        "Brightmere Home Appliances is recalling about 48,000 of its air fryers after 37 "
        "reports of units overheating, the Consumer Product Safety Board announced Tuesday.\n\n"
        "“We are contacting every customer,” said Alan Whitby, a Brightmere spokesman.\n\n"
        "Consumer campaigner Jo Marsh condemned the delay. “It is a disgrace,” she said.\n"
    )
    decider = _lead_decider(prepare_article(_article(text)))
    assert decider is not None and decider[0] == "Brightmere Home Appliances"
    # a headline's first word before any lower-case word is no short form of a name
    other = text.replace("Brightmere recalls", "Brightmere fryers recalled")
    assert _lead_decider(prepare_article(_article(other))) is None or (
        _lead_decider(prepare_article(_article(other)))[0] != "Brightmere Home Appliances"
    )


def test_the_head_of_a_cathedral_harbour_parish_or_town_council_speaks_for_it():
    cathedral = "Cathedral to charge sightseers £9. Holmchester Cathedral will start charging."
    assert is_agent("Dean of Holmchester", "Cordelia Manning", cathedral)
    assert is_agent("Harbourmaster", "Gwen Tregothnan", "Jet skis banned from Porthkennack harbour")
    assert is_agent("Archdeacon", "Ruth Calloway", "Village church bells fall silent at night")
    assert is_agent("Town Clerk", "Alison Reddy", "Town council removes benches from square")
    # a head of another kind of body is not the decider's
    assert not is_agent("Harbourmaster", "Gwen Tregothnan", "Cathedral to charge sightseers £9")


def test_an_unrealistic_plan_a_missed_point_and_an_alternative_instead_object():
    assert quote_stance(("The notice period is wholly unrealistic.",)) == "opposes"
    assert quote_stance(("The figure missed the point.",)) == "opposes"
    assert quote_stance(("he would ask the council to look at a grant instead",)) == "opposes"


def test_demanding_a_resignation_or_calling_it_vandalism_condemns():
    resign = "Opposition spokesman Nils Vinter called the escape a humiliation and demanded "
    assert reporter_cue((resign + "Aalto's resignation.",)) == "condemns"
    assert reporter_cue(("Campaigners urged the chief executive to step down.",)) == "condemns"
    assert quote_stance(("This is an act of industrial vandalism.",)) == "condemns"
    assert quote_stance(("The government has known for two years and has done nothing.",)) == (
        "condemns"
    )
    assert quote_stance(("We did nothing wrong.",)) == "denies"  # the longer phrase wins


def test_an_outside_expert_explains_unless_the_reporter_gives_a_stance():
    lecturer = StanceEvidence(
        name="Callum Reyes",
        role="a lecturer in politics at Kestrel University",
        quotes=("Voters tend to punish early elections unless there is an obvious reason.",),
        development="Government loses majority in snap election",
        headline="Government loses majority in snap election",
    )
    assert judge_stance(lecturer) == ("neutral", "role")
    critic = replace(lecturer, narrative=("Callum Reyes criticised the timing of the vote.",))
    assert judge_stance(critic) == ("opposes", "reporter")
    # a body whose name holds an expert's word is no outside expert
    guild = replace(lecturer, name="Independent Publishers' Guild", role="")
    assert judge_stance(guild) != ("neutral", "role")


def test_reacting_with_fury_objects_and_being_overjoyed_supports():
    assert reporter_cue(("The works council reacted with fury.",)) == "opposes"
    assert quote_stance(("overjoyed",)) == "supports"


def test_the_body_a_committee_of_a_report_or_accusations_name_took_the_decision():
    refused = _positions(
        "Brookmere Festival is off after licence refusal\n\n"
        "Declan Morrow has run the Brookmere Festival for eleven years. Last month the "
        "licensing committee of Vale of Brook Council refused the festival a licence after "
        "objections from the police.\n\n"
        '"I\'m not angry any more," Morrow said.\n'
    )
    assert refused.get("Vale of Brook Council") == "defends"  # its refusal is its decision
    accused = _positions(
        "Anger as benches vanish from Sedgeford's Market Place\n\n"
        "Six benches have been taken out of Sedgeford's Market Place, and Sedgeford Town "
        "Council is facing accusations that it is trying to drive rough sleepers out.\n\n"
        'Town Clerk Alison Reddy said the benches had been removed "for refurbishment".\n'
    )
    assert accused.get("Sedgeford Town Council") == "defends"
    rated = _positions(
        "Ferncombe primary rated inadequate\n\n"
        "A Ferncombe primary school has been rated inadequate by inspectors. The Schools "
        "Standards Office report, published on Friday, says leaders had lost sight of basic "
        "routines.\n\n"
        '"The report makes difficult reading," the headteacher, Lorna Beckwith, said.\n'
    )
    assert {a.removeprefix("The "): p for a, p in rated.items()}["Schools Standards Office"] == (
        "defends"
    )
    approved = _positions(
        "Cable car plan splits neighbours\n\n"
        "Residents have given a mixed response to plans for a cable car, which the Wend "
        "Valley Combined Authority says would cut a detour. The authority's transport "
        "committee approved an outline business case last week.\n\n"
        '"They\'ll be looking into my bathroom," said resident Jenny Lister.\n'
    )
    assert approved.get("Wend Valley Combined Authority") == "defends"


def test_a_body_that_rejects_the_leads_decision_answers_it_and_did_not_take_it():
    positions = _positions(
        "EU extends sanctions on Veloria\n\n"
        "BRUSSELS, March 2 (Dev Wire) - The European Union on Monday extended sanctions on "
        "Veloria for another year.\n\n"
        'Veloria\'s foreign ministry rejected the measures as "illegal interference".\n'
    )
    assert positions.get("Veloria's foreign ministry") == "opposes"


def test_a_stance_given_as_a_phrase_or_a_measure_judged_worth_having():
    from pipeline.rules.stance import quote_stance, reporter_cue

    assert reporter_cue(("The farmers' alliance has written in support of the application",)) == (
        "supports"
    )
    assert reporter_cue(("Six councillors voted in favour of the scheme",)) == "supports"
    assert reporter_cue(("She spoke in opposition to the plan",)) == "opposes"
    assert reporter_cue(("He did not speak in favour of the plan",)) is None
    assert quote_stance(("Screening at 50 is very good value for money",)) == "supports"
    assert quote_stance(("This is the most important privacy ruling in a generation",)) == (
        "supports"
    )
    # an appeal to common sense is an objection's, not approval
    assert quote_stance(("Rules are rules, but there's such a thing as common sense",)) != (
        "supports"
    )


def test_defending_the_decision_is_the_actors_own_defending_anothers_backs_it():
    own = _positions(
        "Ferry sailed into storm\n\n"
        "A ferry carrying 80 passengers was battered by waves on Tuesday after leaving port "
        "in a gale warning.\n\n"
        "Bay Transit Lines, which operates the ferry, defended the decision to sail.\n"
    )
    assert own.get("Bay Transit Lines") == "defends"
    backed = _positions(
        "Referee's late penalty sinks Ashby\n\n"
        "Ashby lost 2-1 after a penalty in the 94th minute on Saturday.\n\n"
        'Rival manager Tom Pryce defended the referee\'s decision, saying it was "clear".\n'
    )
    assert backed.get("Tom Pryce") == "supports"


def test_a_member_on_the_losing_side_of_the_vote_opposes_the_decision():
    positions = _positions(
        "Board approves four-day school week\n\n"
        "The Tallis school board voted 5-2 on Monday to move to a four-day week from "
        "August.\n\n"
        'Board chair Ann Webb said the change was "the right decision for our teachers".\n\n'
        'Board member Howard Lutz, the lone no vote, said working parents had been "an '
        'afterthought".\n\n'
        'In a dissenting opinion, Judge Aurel Bastien wrote that the board had "tied its own '
        'hands".\n'
    )
    assert positions.get("Howard Lutz") == "opposes"
    assert positions.get("Aurel Bastien") == "opposes"
    assert positions.get("Ann Webb") == "defends"


def test_a_barrister_an_engineer_or_a_scientist_from_outside_explains():
    positions = _positions(
        "Court quashes incinerator permit\n\n"
        "The High Court on Friday quashed the permit for the Velling incinerator.\n\n"
        "Planning barrister Claire Ennis described the ruling as 'a reminder, not a "
        "revolution'.\n\n"
        "Transport engineer Dr Anil Batra said such schemes \"can't be judged on one "
        'site".\n'
    )
    assert positions.get("Claire Ennis") == "neutral"
    assert positions.get("Anil Batra") == "neutral"


def test_a_crowd_carrying_or_holding_something_on_the_way_to_its_act():
    from pipeline.rules.stance import crowd_stances

    assert crowd_stances(
        'Protesters holding spades and trays of runner beans chanted "Hands off our plots!" '
        "as councillors arrived.",
        ("Hands off our plots!",),
    ) == [("Protesters", 0, "opposes")]
    assert crowd_stances(
        "About 200 residents gathered outside the station on Wednesday afternoon, many "
        "holding placards reading ‘Don’t derail Marrabine’, and chanting ‘Save our line!’",
        ("Save our line!",),
    ) == [("About 200 residents", 0, "opposes")]


def test_a_business_named_by_its_trade_its_bosses_or_its_appositive_took_the_decision():
    from pipeline.extract import _lead_decider

    def decider(text: str) -> str | None:
        found = _lead_decider(prepare_article(_article(text)))
        return found[0] if found else None

    assert (
        decider(
            "Corvane recalls drug\n\nVELDHAM, June 17 (Interpress) - Drugmaker Corvane Pharma is "
            "recalling more than 3 million packs of its tablet.\n"
        )
        == "Corvane Pharma"
    )
    assert (
        decider(
            "Bakery chain shuts\n\nHollins Bakers, the Yorkshire family firm famous for its steak "
            "bake, last night shut the doors of all 61 of its shops.\n"
        )
        == "Hollins Bakers"
    )
    assert (
        decider(
            "Chef axed\n\nBosses at Channel Meridian confirmed last night that the chef would not "
            "return.\n"
        )
        == "Channel Meridian"
    )
    assert (
        decider(
            "Fares to rise\n\nRail fares will rise by 4 per cent in March, after the Department "
            "for Transport approved the increase.\n"
        )
        == "Department for Transport"
    )


def test_a_petition_or_a_plea_to_block_after_has_since_opposes():
    from pipeline.rules.stance import reporter_cue

    assert (
        reporter_cue(
            (
                "Thrupcombe Parish Council has since written to the diocese asking it to block the sale",
            )
        )
        == "opposes"
    )  # 'since' here is no clause of time
    assert (
        reporter_cue(
            (
                "The Taxpayers Alliance said it would begin gathering signatures to force a referendum",
            )
        )
        == "opposes"
    )
    assert reporter_cue(("The group has launched a petition",)) == "opposes"


def test_the_body_a_speaker_chairs_in_a_relative_clause_shares_their_stance():
    from pipeline.extract import body_led_by

    text = (
        "We spoke to Margaret Hollis, who chairs the Eastvale Beekeepers' Association and has "
        "kept bees for 34 years. Jean Ferrand, who is the chair of Garrow Hill Quiet Nights, "
        "said so. Ann Lee, who runs a cafe, agreed."
    )
    assert body_led_by("Margaret Hollis", text) == "Eastvale Beekeepers' Association"
    assert body_led_by("Jean Ferrand", text) == "Garrow Hill Quiet Nights"
    assert body_led_by("Ann Lee", text) is None  # a cafe is no named body
    positions = _positions(
        "Harbour cruise berth approved\n\n"
        "The harbour board on Monday approved a new berth for cruise ships.\n\n"
        '"It is a disgrace and we will fight it," said Tom Penhale, who chairs the Wharfside '
        "Fishermen's Co-operative.\n"
    )
    assert positions.get("Wharfside Fishermen's Co-operative") == positions.get("Tom Penhale")
    assert positions.get("Tom Penhale") is not None


def test_declining_to_comment_or_saying_only_a_formula_takes_no_side():
    positions = _positions(
        "Ethics panel opens inquiry into senator\n\n"
        "The state Senate ethics panel voted 6-1 on Tuesday to open an inquiry into Sen. Ray "
        "Vance's campaign spending.\n\n"
        "The lone vote against came from Sen. Dean Ostrowski, who called the complaint "
        '"a fishing expedition".\n\n'
        "Gov. Tom Aldana declined to comment on the inquiry. His spokeswoman, Erin Blake, said "
        'only that the governor "respects the independence of the Senate."\n'
    )
    assert positions.get("Tom Aldana") == "neutral"
    assert positions.get("Erin Blake") == "neutral"
    assert positions.get("Dean Ostrowski") == "opposes"


def test_a_body_still_studying_the_decision_or_too_early_to_speculate_takes_no_side():
    from pipeline.rules.stance import _HEDGE

    assert _HEDGE.search('Ferrell Mart said it was "studying the decision" and had no comment')
    assert _HEDGE.search("it was far too early to speculate on the cause")
    assert not _HEDGE.search("The council said it was studying options for the site")


# Words of news copy's quotations and the stance each shows (written for these tests, by
# kind: a measure called too harsh, harm told ahead, blame for harm that could have been
# stopped); and look-alikes that show none of it.
_WORDS_AND_CLASSES = [
    ("blanket bans are disproportionate", "opposes"),
    ("the tax is punitive and populist", "opposes"),
    ("this is a massive blow to the town", "opposes"),
    ("it was madness", "opposes"),
    ("the whole thing is a half-baked vanity project", "opposes"),
    ("it risks criminalising every teenager", "opposes"),
    ("the review was a whitewash", "condemns"),
    ("an utter shambles that was entirely avoidable", "condemns"),
    ("a regulator asleep at the wheel", "condemns"),
    ("the levy is daylight robbery", "condemns"),
    ("this is a constitutional coup", "condemns"),
    ("a quiet act of censorship", "condemns"),
    ("Do not drink it, do not cook with it", "warns"),
    ("Parents should check their cupboards now", "warns"),
    ("It's a big gamble", "warns"),
    ("six months of construction would be a killer for independents", "warns"),
    ("the ban would be devastating for waterfront businesses", "warns"),
    ("It is not fair on families", "opposes"),  # praise denied by 'be not'
    ("We are not happy with it", "opposes"),
    ("This isn't good news for anyone", "opposes"),
    # one word of praise and one of objection: the objection is the marked one (sarcasm,
    # a promise recalled)
    (
        "They promised us a future; now they want us to say thank you. A slap in the face.",
        "opposes",
    ),
    ("Save our park!", "opposes"),  # a protest's slogan
    ("Hands off our plots!", "opposes"),
    ("branding the row heartless", "condemns"),
]
_NOT_OF_CLASS = [
    ("I thought it was a joke!", "opposes"),  # joy that sounds like disbelief
    ("Nobody takes strike action lightly", "opposes"),  # a striker's own words
    ("the cut would cost him about £45,000 a year", "warns"),  # a grievance, not a warning
    ("It was about age-appropriateness, not censorship.", "condemns"),  # blame refused
    ("It is a first step, not a victory", "opposes"),  # one thing weighed against another
    ("The new unit will save lives", "opposes"),  # saving is no slogan
]


@pytest.mark.parametrize(("words", "label"), _WORDS_AND_CLASSES)
def test_news_copy_words_show_their_stance(words, label):
    assert quote_stance((words,)) == label


@pytest.mark.parametrize(("words", "label"), _NOT_OF_CLASS)
def test_look_alike_words_show_no_such_stance(words, label):
    assert quote_stance((words,)) != label


def test_a_member_who_voted_no_opposes_whatever_blame_their_words_carry():
    voted_no = _positions(
        "City approves stadium deal\n\n"
        "The city council voted 6-3 on Tuesday to approve a $400 million stadium deal.\n\n"
        'Councilmember Jerome Whitaker, who voted no, said the city was "handing a blank '
        'check to a billionaire."\n'
    )
    assert voted_no.get("Jerome Whitaker") == "opposes"


def test_the_body_that_announces_what_will_be_done_after_the_leads_clause_decided_it():
    from pipeline.extract import _lead_decider

    found = _lead_decider(
        prepare_article(
            _article(
                "Lido reopens after repairs\n\n"
                "Marbury's open-air lido will reopen to swimmers next month for the first time "
                "since 2019, the Marbury Lido Trust said today.\n"
            )
        )
    )
    assert found is not None and found[0].removeprefix("the ") == "Marbury Lido Trust"


def test_the_body_announcing_a_measure_in_the_passive_future_decided_it():
    from pipeline.extract import _lead_decider

    found = _lead_decider(
        prepare_article(
            _article(
                "Municipality pulls scooters off the seafront\n\n"
                "Rental scooters will be banned from the seafront promenade from next week, "
                "Port Anvil Municipality announced yesterday, after 37 accidents.\n"
            )
        )
    )
    assert found is not None and found[0] == "Port Anvil Municipality"


def test_the_official_announcing_after_the_leads_clause_defends_the_measure():
    from pipeline.extract import _lead_decider

    found = _lead_decider(
        prepare_article(
            _article(
                "Ferry fares to double\n\n"
                "Fares on the island ferry will double from June 1, Minister of Works and "
                'Transport Selwyn Ramdial confirmed yesterday, saying the service "cannot '
                'survive on a 2009 fare."\n'
            )
        )
    )
    assert found is not None and found[0] == "Selwyn Ramdial"


@pytest.mark.parametrize(
    ("lead", "decider"),
    [
        ("Residence fees at Harlow University will rise 9 per cent next fall, Vice-Provost "
         "(Students) Dr. Sandra Ilori announced Thursday.", "Dr. Sandra Ilori"),
        ("DUNMORE — Northgate Grain Co-operative will close its Dunmore elevator next year, "
         "the co-op told members in a letter.", "Northgate Grain Co-operative"),
    ],
)  # fmt: skip
def test_the_official_or_the_co_operative_the_lead_names_decided(lead, decider):
    from pipeline.extract import _lead_decider

    found = _lead_decider(prepare_article(_article(f"Fees and closures\n\n{lead}\n")))
    assert found is not None and found[0] == decider


def test_a_column_s_lead_may_follow_its_standfirst():
    from pipeline.extract import _lead_decider

    found = _lead_decider(
        prepare_article(
            _article(
                "Your money\n\nMy bank now charges me to spend abroad. Can it do that?\n\n"
                "This week's postbag is dominated by one change. From 1 May, the Fenton "
                "Building Society will charge 2.75 per cent on every foreign purchase.\n"
            )
        )
    )
    assert found is not None and found[0].removeprefix("the ") == "Fenton Building Society"


def test_the_headline_s_reaction_clause_makes_no_one_the_development_s_agent():
    from pipeline.rules.stance import is_agent

    headline = "Ports agency scraps Kelby seawall; mayor cries foul"
    development = f"{headline} The Ports Agency has cancelled the Kelby seawall."
    assert not is_agent("Kelby Mayor", "Cecilia Abell", development, (), headline)
    assert is_agent("spokeswoman", "Ports Agency", development, (), headline)


def test_a_relative_clause_makes_an_actor_the_body_s_only_where_they_lead_it():
    from pipeline.rules.stance import is_agent

    development = "Library to cut hours The library will close at night, the university said."
    works_there = ("who asked not to be named because she works at a university café",)
    assert not is_agent("", "a third-year student", development, works_there)
    assert is_agent("", "Ann Roe", development, ("who chairs the university council",))


def test_a_minister_s_portfolio_is_no_other_body_and_gov_t_is_the_government():
    from pipeline.rules.stance import is_agent

    development = "Gov't to sell 49 per cent of Redmond Water"
    assert is_agent("Minister of Utilities Senator", "Alton Farr", development)
    assert not is_agent("chief economist at Nordhaven Bank", "Ann Roe", development)


def test_an_appositive_cut_at_the_segment_s_end_still_tells_who_the_actor_is():
    from pipeline.rules.stance import _APPOSITIVE_AFTER

    found = _APPOSITIVE_AFTER.match("Faisal Qarmazi, Minister of Human Resources and National ", 14)
    assert found is not None and found.group(1).startswith("Minister of Human Resources")


@pytest.mark.parametrize(
    "words",
    [
        "Nobody goes into nursing to close wards. But a ward that keeps shutting is no ward.",
        "No one on the board wanted this, but the numbers left us nowhere to go.",
        "I understand people's anger, but the bridge is not safe.",
        "I respect the right to protest. But this road will save lives.",
        "This is a decision we have not taken lightly.",
        "It was the toughest call of my time here.",
        "It was an agonising decision, and the right one.",
        "The closure could not have been avoided.",
    ],
)
def test_a_concession_before_a_justification_defends_the_decision(words):
    assert quote_stance((words,)) == "defends"


@pytest.mark.parametrize(
    "words",
    [
        # granting the other side's reasons, or a wish that is not the decider's, is no defence
        "Nobody gets everything they wanted, but everybody gets something.",
        "I know the council has no money, but closing the library is wrong.",
    ],
)
def test_granting_what_is_not_a_feeling_is_no_concession(words):
    assert quote_stance((words,)) != "defends"


@pytest.mark.parametrize(
    "words",
    [
        "Closing the whole beach for one dog bite is completely out of proportion.",
        "It is a massive overreaction by people who have never run a shop.",
        "The board rushed to judgment to keep the mayor happy.",
        "Two buses out of twenty is a token gesture, not a solution.",
        "We will explore every legal avenue, including a judicial review.",
        "Where are the kids supposed to play now, the car park?",
        "My grandfather worked here. What do I tell my daughter?",
    ],
)
def test_words_that_judge_a_measure_excessive_futile_or_to_be_fought_oppose_it(words):
    assert quote_stance((words,)) == "opposes"


def test_welcoming_the_news_supports_it_though_the_headline_tells_it_as_harm():
    text = (
        "VILLAGE FURY: 'They've stolen our summer fair from the kids'\n\n"
        "The parish council has cancelled this year's summer fair after a row over insurance.\n\n"
        'Organiser Dennis Crabtree, 61, said he was furious. "It\'s a disgrace," he said.\n\n'
        'Neighbour Joyce Pennant, 70, welcomed the news. "My cats hide for days after it," '
        "she said.\n"
    )
    assert _positions(text)["Joyce Pennant"] == "supports"


def test_a_body_whose_relative_clause_holds_a_figure_is_still_given_its_stance():
    text = (
        "Island council cuts ferry subsidy\n\n"
        "The island council cut the ferry subsidy by a fifth on Monday.\n\n"
        "The Seafarers’ Union, which represents 2,400 crew, also opposes the cut. "
        '"Every lost sailing is a lost job," said union president Nia Rowlands.\n'
    )
    stances = {s.actor: s.position for s in rules_only_extraction(_article(text)).stances}
    assert stances["The Seafarers’ Union"] == "opposes"
    assert stances["Nia Rowlands"] == "opposes"  # she speaks for it


def test_its_officer_in_apposition_speaks_for_the_body_the_sentence_before_names():
    text = (
        "Creamery cuts milk price\n\n"
        "Dunmore Creamery will pay farmers 3p a litre less from May.\n\n"
        "The Hill Farmers’ Guild said it would ask for talks with the creamery. Its dairy "
        "committee chairman, Owen Breck, said: 'The farmer carries all the risk and the "
        "creamery keeps its margin. That is wrong.'\n"
    )
    stances = {s.actor: s.position for s in rules_only_extraction(_article(text)).stances}
    assert stances["Owen Breck"] == "opposes"
    # it shares its officer's stance; saying it will ask for talks takes no decision
    assert stances["The Hill Farmers’ Guild"] == "opposes"


def test_stance_actors_are_named_as_a_reader_would_name_them():
    text = (
        "Toy factory to shut\n\n"
        "OUTRAGED shoppers have slammed toymaker Pelloway after it said it would shut its "
        "Dunmore plant.\n\n"
        "Mum-of-three Gemma Hale, 36, whose daughter Isla, 6, loves the dolls, said: 'It is a "
        "scandal. They have let the town down.'\n\n"
        "Charity Play Fair Trust said it was dismayed. 'Children will lose out,' said its "
        "chief executive, Ruth Baines.\n\n"
        "'It is a betrayal,' said Colm Reid, president of Toyworkers Local 118.\n"
    )
    stances = {s.actor: s.position for s in rules_only_extraction(_article(text)).stances}
    assert "Isla" not in stances  # a child named by kin is no body her mother speaks for
    assert not any(a.startswith("OUTRAGED") for a in stances)
    assert "Play Fair Trust" in stances and "Charity Play Fair Trust" not in stances
    assert stances.get("Toyworkers Local 118") == stances["Colm Reid"]


def test_a_body_named_only_by_its_portfolio_is_no_row_beside_its_officer():
    text = (
        "Envoy expelled\n\n"
        "Veloria expelled the Cassarian ambassador on Monday.\n\n"
        "Foreign Ministry spokeswoman Irina Dovrenko condemned the expulsion as “a hostile "
        "act”.\n\n"
        '"This is a shameful provocation," said Morag Dunleavy, chair of the Kintra Islanders '
        "Association."
    )
    found = _positions(text)
    assert "Irina Dovrenko" in found and "Foreign Ministry" not in found
    assert found.get("Kintra Islanders Association") == found["Morag Dunleavy"]


def test_a_spokesperson_named_by_the_bodys_word_is_that_body_and_a_title_is_no_body():
    """'A council spokeswoman said …': the one council the article names has the stance row;
    'University Librarian Dr Ada Moss' names a person, never a body called 'University …'."""
    text = (
        "Pensioner fined for feeding gulls\n\n"
        "Brackwater Borough Council brought in a ban on feeding gulls last summer.\n\n"
        "Council leader Tom Hale defended the rules. “The signs are up everywhere,” he said.\n\n"
        "A council spokeswoman said the fine could be appealed within 14 days.\n"
    )
    article = Article(id="S1", path="a.txt", text=text, sha256="x", title=text.splitlines()[0])
    actors = {s.actor for s in rules_only_extraction(article).stances}
    assert "Brackwater Borough Council" in actors
    assert not any("spokeswoman" in a for a in actors)
    library = (
        "Library to close overnight\n\n"
        "The Brennan Library will close between 1am and 7am, the university has confirmed.\n\n"
        "University Librarian Dr Ada Moss said she understood the anger. “Nobody wants to lock "
        "people out,” she said.\n\n"
        "A university spokesperson said the decision was final.\n"
    )
    article = Article(id="S1", path="a.txt", text=library, sha256="x", title="Library")
    actors = {s.actor for s in rules_only_extraction(article).stances}
    assert not any(a.startswith("University Librarian") for a in actors)
    assert "the university" in actors


def test_a_machines_failure_is_a_fault_told_not_blame():
    assert quote_stance(("The back-up motor had failed to engage.",)) is None
    assert quote_stance(("A sensor failure caused the stoppage.",)) is None
    assert quote_stance(("The council failed the families of this town.",)) == "condemns"
    assert quote_stance(("The company failed to act on years of warnings.",)) == "condemns"


def test_a_time_clause_opening_the_lead_is_no_part_of_the_deciders_name():
    text = (
        "Port chief on the expansion\n\n"
        "Hours after Caldmoor Council's planning committee approved the expansion by seven "
        "votes to four, the port's chief executive, Dan Oke, spoke to us. The interview has "
        "been edited for length.\n\n"
        "Q: Are you relieved?\n\nA: “Relieved, and ready to start,” Mr Oke said.\n"
    )
    article = Article(id="S1", path="a.txt", text=text, sha256="x", title="Port chief")
    actors = {s.actor for s in rules_only_extraction(article).stances}
    assert not any(a.startswith("Hours") for a in actors)
    from pipeline.developments import own_coverage

    assert own_coverage("The interview has been edited for length.")


def test_a_description_never_resolves_to_a_possessor_cut_from_a_longer_name():
    """'The fishermen say …' where the article names the 'Kestle Fishermen's Association':
    not 'Kestle Fishermen', a name cut at its possessive."""
    from pipeline.extract import description_referent, prepare_article

    text = (
        "Port expansion approved\n\nTom Pell of the Kestle Fishermen's Association has been "
        "on this programme many times.\n\nThe fishermen say their whole industry is at risk.\n"
    )
    prepared = prepare_article(Article(id="S1", path="a.txt", text=text, sha256="x", title="T"))
    assert description_referent("the fishermen", prepared, prepared.resolve) != "Kestle Fishermen"


def test_the_body_that_appointed_a_panel_is_not_the_decider():
    text = (
        "Rowing club fined\n\nThe Kelvale Rowing Club is dismayed by the ruling of the "
        "disciplinary panel appointed by the National Rowing League, and will appeal.\n"
    )
    assert decider(text) != "National Rowing League"


def test_a_verb_after_a_body_s_head_word_ends_the_lead_s_agent():
    from pipeline.extract import _lead_agent

    text = (
        "Club docked points\n\nIndependent tribunal finds club hid payments to agents, and "
        "the owner vows to fight on.\n\nThe club was docked ten points on Monday.\n"
    )
    found = _lead_agent(prepare_article(_article(text)))
    assert found is None or "finds" not in found[0]


def test_an_anaphor_for_a_body_named_before_is_no_stance_actor():
    text = (
        "Rights group condemns police\n\nThe rights group Harbour Watch condemned the police "
        "on Monday.\n\nThe organisation acknowledges that some protesters threw stones. Its "
        'researchers observed that most marchers were local.\n\n"This was excessive," said '
        "Ana Ruiz of Harbour Watch.\n"
    )
    actors = [s.actor for s in rules_only_extraction(_article(text)).stances]
    assert "The organisation" not in actors and "Its researchers" not in actors
