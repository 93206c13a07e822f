"""Attribution kinds met in blind stories, each tested in new wording: who "told" whom, a
possessed compound role, hyphened titles, a headline in capitals and a described professor."""

from __future__ import annotations

import pytest

from pipeline.extract import rules_only_extraction
from pipeline.read import Article


def article_of(text: str) -> Article:
    return Article(id="S1", path="a.txt", text=text, sha256="x", title=text.splitlines()[0])


def _quotes_of(text: str):
    return rules_only_extraction(article_of(text)).quotes


def attributed(text: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.speaker_role) for q in _quotes_of(text)]


LEAD = "Ferry operator blamed for cancellations\n\nThe island council says the operator is at fault.\n\n"


@pytest.mark.parametrize("listener", ["Harbour Radio", "reporters", "the Gazette on Friday"])
def test_the_listener_after_told_is_never_the_speaker(listener):
    text = (
        LEAD
        + f'"We ran every sailing we could," Imogen Brack, Seaway Lines\' head of operations, told {listener}.\n'
    )
    assert attributed(text) == [("Imogen Brack", "Seaway Lines' head of operations")]


def test_a_role_owned_by_a_body_may_be_a_hyphened_compound():
    text = LEAD + '"The timetable stands," Rory Quinlan, the operator\'s vice-chairman, said.\n'
    assert attributed(text) == [("Rory Quinlan", "operator's vice-chairman")]


@pytest.mark.parametrize("title", ["Vice-president", "Deputy-mayor", "Co-founder"])
def test_a_hyphened_title_before_a_name_is_the_role_not_part_of_the_name(title):
    text = LEAD + f'{title} Nell Arkwright said the crossings were "not negotiable".\n'
    assert attributed(text) == [("Nell Arkwright", title)]


def test_words_of_a_headline_in_capitals_are_no_speaker():
    text = (
        "FERRY CHAOS! ISLANDERS TOLD “STAY HOME” AS COUNCIL SAYS IT WAS NEVER WARNED\n\n"
        "Islanders were told to stay at home after sailings were cut on Monday.\n"
    )
    assert attributed(text) == [(None, None)]


def test_a_name_in_capitals_is_grounded_where_the_article_writes_it_in_ordinary_case():
    from pipeline.rules.grounding import speaker_problem

    text = "NELL ARKWRIGHT SAYS “WE WERE NEVER WARNED”\n\nNell Arkwright runs the island shop.\n"
    assert speaker_problem("NELL ARKWRIGHT", text) is None
    assert speaker_problem("NEVER WARNED", "COUNCIL SAYS IT WAS NEVER WARNED\n\nNo.") is not None


def test_a_professor_described_by_university_and_field_is_not_the_university():
    text = (
        LEAD
        + 'The Kelby University transport professor told the paper: "Islands need a backup vessel."\n'
    )
    [(speaker, _)] = attributed(text)
    assert speaker is not None and speaker.endswith("transport professor")


@pytest.mark.parametrize("tag", ["D-Lake City", "R-Ohio", "I-Vt."])
def test_a_party_tag_after_a_legislator_is_passed_over(tag):
    text = LEAD + f'State Sen. Ruth Okafor, {tag}, said the bill "restores order to the harbor."\n'
    assert attributed(text)[0][0] == "Ruth Okafor"


def test_a_surname_two_people_share_stands_for_the_one_introduced_before_it():
    text = (
        LEAD + "Council leader Martin Greer defended the timetable.\n\n"
        '"We had no choice," Greer said.\n\n'
        "His sister, Alison Greer, who runs the island shop, disagreed.\n\n"
        '"Nobody asked us," Ms Greer said.\n\n'
        'Mr Greer later added: "We will review it."\n'
    )
    assert [s for s, _ in attributed(text)] == ["Martin Greer", "Alison Greer", "Martin Greer"]


def test_a_shared_surname_used_only_after_both_are_named_names_no_one():
    # "Greer" alone could be either: a wrong speaker is worse than none
    text = (
        LEAD
        + "Martin Greer and Alison Greer run the ferry shop.\n\n"
        + '"It is hard," Greer said.\n'
    )
    assert attributed(text) == [(None, None)]


def test_a_title_before_a_shared_surname_tells_which_person():
    text = (
        LEAD
        + "Mayor Ruth Penrose chaired the vote. Her cousin, Cllr Owen Penrose, voted against.\n\n"
        + '"We had to act," Mayor Penrose said.\n'
    )
    assert [s for s, _ in attributed(text)] == ["Ruth Penrose"]


def test_stances_of_two_people_sharing_a_surname_are_never_pooled_under_one_form():
    # the councillor's stance stays his; the petitioner (no relation) keeps hers
    text = (
        "Council approves village school change despite petition\n\n"
        "The county council's cabinet has approved the change.\n\n"
        "Cabinet member Cllr Owen Tarrant said the decision was right.\n\n"
        '"It is a gift to every child," Cllr Tarrant told the meeting.\n\n'
        "Ruth Tarrant, who started the petition and is no relation, opposed the change.\n\n"
        '"Nobody listened to parents," she said.\n\n'
        "Mrs Tarrant said parents would write to every councillor this week.\n"
    )
    actors = [s.actor for s in rules_only_extraction(article_of(text)).stances]
    assert "Owen Tarrant" in actors and "Ruth Tarrant" in actors
    assert not [a for a in actors if a.split()[0] in {"Mrs", "Cllr", "Tarrant"}]


def test_an_honorific_before_a_shared_surname_that_nothing_tells_apart_names_no_one():
    text = (
        LEAD
        + "Hannah Okafor and Grace Okafor run the island shop.\n\n"
        + '"Bring the numbers to the council," Ms Okafor said.\n'
    )
    assert attributed(text) == [(None, None)]


def test_a_role_the_article_gives_no_named_holder_is_no_speaker():
    text = (
        LEAD
        + "According to one senior government adviser, the polling changed everything.\n\n"
        + '"We were never going to win that argument," the adviser admitted.\n'
    )
    assert attributed(text) == [(None, "the adviser")]


def test_the_spokesperson_later_is_the_body_an_earlier_paragraph_gave_one():
    text = (
        LEAD
        + 'A Tallow Ferries spokesperson said the cuts were "temporary".\n\n'
        + "Islanders were unconvinced.\n\n"
        + '"We expect to restore sailings in spring," the spokesperson added.\n'
    )
    assert [s for s, _ in attributed(text)] == ["Tallow Ferries", "Tallow Ferries"]


def test_a_body_named_inside_a_description_speaks_by_its_name():
    text = (
        LEAD
        + 'The main opposition Harbour Alliance party called the cuts "a betrayal".\n\n'
        + 'The Quayside Friends society said they were "cruel".\n'
    )
    assert [s for s, _ in attributed(text)] == ["Harbour Alliance", "Quayside Friends"]


def test_where_a_speaker_works_is_passed_over_to_the_speaker():
    text = (
        LEAD
        + "Prof. K. L. Varadan, former Head, Department of Marine Studies, Kelby Institute of "
        + 'Technology, who has sailed the route, said the cuts were "avoidable".\n\n'
        + "A report by Island Voice, based on a survey of 400 households, accused the operator "
        + 'of "abandoning the islands".\n'
    )
    assert [s for s, _ in attributed(text)] == ["K. L. Varadan", "Island Voice"]


def test_the_subject_of_talked_to_is_the_interviewee_even_after_an_appositive():
    text = (
        "Why the ferry stops: an interview\n\n"
        "Its operations director, Imogen Brack, talked to Sam Ferris.\n\n"
        "Q: Why cut the winter sailings?\n\n"
        "A: Because the fuel bill doubled.\n\n"
        "Q: Will they come back?\n\n"
        "A: In April, if the council pays its share.\n"
    )
    assert {s for s, _ in attributed(text)} == {"Imogen Brack"}


def test_a_question_opening_with_an_auxiliary_names_no_given_name():
    text = LEAD + 'Did Seaway warn passengers? A notice called the cuts "temporary", Seaway said.\n'
    assert attributed(text)[0][0] == "Seaway"


def test_the_spokesperson_is_the_body_the_paragraph_gave_a_spokesperson():
    text = (
        LEAD + "A spokeswoman for Kelby Harbour Lifeboat said crews were ready. "
        '"We train for this," the spokeswoman said.\n'
    )
    assert attributed(text)[-1][0] == "Kelby Harbour Lifeboat"


def test_a_plural_possessive_mark_before_a_conjunction_closes_a_single_quotation():
    text = (
        LEAD + "Imogen Brack said the cut would be 'hard on families' but insisted it was needed. "
        "'We cannot run empty boats all winter.'\n"
    )
    quotes = [q.text for q in _quotes_of(text)]
    assert quotes == ["hard on families", "We cannot run empty boats all winter."]


def test_an_opening_participle_clause_is_passed_over_to_the_subject_of_a_colon_lead_in():
    text = LEAD + "Asked whether the service would return, Ms Brack was blunt: 'Not this year.'\n"
    assert attributed(text)[0][0].endswith("Brack")


@pytest.mark.parametrize(
    ("introduction", "speaker"),
    [
        ("The harbour master of Kelby, Owen Tarrant, closed the slipway.", "the harbour master"),
        ("Transport Minister Ewa Lind visited the island.", "Transport Minister"),
    ],
)
def test_a_speaker_given_by_role_alone_is_the_one_person_named_in_that_role(introduction, speaker):
    text = LEAD + f'{introduction}\n\n"The boats stay in," {speaker} said.\n'
    named = "Owen Tarrant" if "Owen" in introduction else "Ewa Lind"
    assert attributed(text)[-1][0] == named


def test_she_never_stands_for_a_man_the_article_calls_someone_s_husband():
    text = (
        LEAD + "Maureen Pask, whose late husband Len built the jetty, was in tears.\n\n"
        '"He would be heartbroken," she told us.\n'
    )
    assert attributed(text)[0][0] != "Len"


def test_he_after_a_described_spokesman_is_that_spokesman():
    text = (
        LEAD + "Councillor Ann Hale said she was angry.\n\n"
        "A Kelby Harbour Board spokesman insisted the cut was fair. "
        'He said: "The figures do not add up."\n'
    )
    assert attributed(text)[-1][0] == "Kelby Harbour Board"


def test_a_hyphened_descriptor_before_a_name_is_not_part_of_it():
    text = (
        LEAD
        + 'Sixth-former Ruby Quist, 17, told the meeting: "We need the boat to get to school."\n'
    )
    assert attributed(text)[0][0] == "Ruby Quist"


def test_an_institution_named_with_of_speaks_as_a_whole():
    text = (
        LEAD
        + 'The Federation of Island Traders warned the cuts were "a slow death for the high street".\n'
    )
    assert attributed(text)[0][0] in (
        "The Federation of Island Traders",
        "Federation of Island Traders",
    )


def test_a_label_in_a_second_clause_gives_its_own_subject():
    text = (
        LEAD + 'Seaway Lines warned fares were "at their limit", while the island council '
        'called the cut "a betrayal of islanders".\n'
    )
    speakers = [s for s, _ in attributed(text)]
    assert speakers[0] == "Seaway Lines" and speakers[1] != "Seaway Lines"


def test_a_lone_capitals_word_of_a_capitals_headline_is_no_speaker():
    from pipeline.rules.grounding import speaker_problem

    text = "SHIP SHOCK! CREW TOLD 'ABANDON' AS OWNER SAYS IT WAS LEFT OUT\n\nThe owner was left out of talks.\n"
    assert speaker_problem("LEFT", text) is not None
    assert speaker_problem("NATO", "NATO said the ship was safe.\n") is None


def test_the_company_is_the_one_business_its_short_name_stands_for():
    from pipeline.extract import description_referent, prepare_article

    text = (
        "Ferry firm blamed\n\n"
        "The council paid Seaway Lines Ltd. to run the ferry. Seaway said it was not at fault. "
        'Councillor Ann Hale said: "We are angry." The company said the boats were safe.\n'
    )
    prepared = prepare_article(article_of(text))
    assert description_referent("the company", prepared, prepared.resolve).startswith(
        "Seaway Lines"
    )


def test_words_only_ever_written_before_more_of_a_name_are_no_speaker():
    from pipeline.rules.grounding import speaker_problem

    text = "Harbour Users Association said the fee was unfair. The Harbour Users Association met."
    assert speaker_problem("Harbour Users", text) is not None
    assert speaker_problem("Harbour Users Association", text) is None


def test_one_body_with_and_without_its_article_is_one_entity():
    from pipeline.rules.entities import EntityIndex

    index = EntityIndex()
    index.add("The Kelby Harbour Board", "S1")
    index.add("Kelby Harbour Board", "S2")
    assert len(index.clusters) == 1


def test_the_statement_read_is_the_words_of_whoever_the_article_gave_the_statement():
    text = (
        LEAD + 'Imogen Brack, in a statement issued by her lawyers, said she was "shocked".\n\n'
        '"I ran that line for twenty years," the statement read.\n'
    )
    assert attributed(text)[-1][0] == "Imogen Brack"


def test_the_statement_read_with_two_authors_before_it_names_no_one():
    text = (
        LEAD
        + "Imogen Brack, in a statement, called it unfair. Rory Quinlan, in a statement, agreed.\n\n"
        '"It was a hard call," the statement read.\n'
    )
    assert attributed(text)[-1][0] is None


def test_a_role_description_matches_the_body_set_after_a_name():
    text = (
        LEAD + "Chief Inspector Mara Voss of Kelby Harbour Police briefed reporters.\n\n"
        '"Nobody will be forced to leave," the police chief said.\n'
    )
    assert attributed(text)[-1][0] == "Mara Voss"


@pytest.mark.parametrize(
    ("cue", "described"),
    [
        ("one islander said", "one islander"),
        ("said a retired harbour pilot", "a retired harbour pilot"),
        ("Some passengers said", "some passengers"),
        ("the crowd chanted", "the crowd"),
        ("commuters said", "commuters"),
    ],
)
def test_a_speaker_the_article_does_not_name_is_no_speaker_but_keeps_its_description(
    cue, described
):
    """'one islander' names no one (one islander of one article is not the islander of
    another): the quote has no speaker, and the description is kept for the reader."""
    if cue[0].isupper():  # a lead-in before the quotation
        text = LEAD + f'{cue}: "We have been forgotten."\n'
    else:  # an attribution after it
        text = LEAD + f'"We have been forgotten," {cue}.\n'
    assert attributed(text) == [(None, described)]


@pytest.mark.parametrize("speaker", ["police", "officials", "the minister", "the regulator"])
def test_bodies_and_roles_are_not_unnamed_descriptions(speaker):
    from pipeline.rules.grounding import unnamed_speaker

    assert not unnamed_speaker(speaker)
    assert not unnamed_speaker("a spokesman for Seaway Lines")
    assert unnamed_speaker("One senior official") and unnamed_speaker("a source close to the talks")


def test_an_unnamed_speaker_keeps_a_stance_and_the_brief_shows_the_description():
    from pipeline.merge import merge_extractions as merge
    from pipeline.render import render_markdown

    text = (
        "Council votes to close the island ferry office\n\n"
        "The council voted on Monday to close the island ferry office.\n\n"
        '"It is a disgrace and we will fight it," said one islander.\n\n'
        '"The savings are needed," said council leader Orla Penn.\n'
    )
    extraction = rules_only_extraction(article_of(text))
    [quote] = [q for q in extraction.quotes if q.text.startswith("It is")]
    assert (quote.speaker, quote.speaker_role, quote.attributed_by) == (
        None,
        "one islander",
        "none",
    )
    assert any(s.actor == "one islander" for s in extraction.stances)
    brief = merge([extraction])
    [entry] = [e for g in brief.speakers if not g.attributed for e in g.quotes]
    assert entry.described_as == ["one islander"]
    assert "“It is a disgrace and we will fight it,” — one islander [S1]" in render_markdown(brief)


def test_a_transcript_header_names_who_asks_who_answers_and_who_chairs():
    """'Chair:', 'Witness:' and 'Presenter:' lines say whose turns 'THE CHAIR:', 'A.' and
    'HARLOW:' are; the presenter's turns are questions; a 'CALLER:' is nobody named."""
    text = (
        "HARBOUR WALL INQUIRY\nTranscript, day 3\n"
        "Chair: Sir Tobias Wren\nWitness: MS NELL ARKWRIGHT, harbour engineer (sworn)\n\n"
        "Q. You inspected the wall in 2020?\n"
        "A. I did. The mortar was failing then.\n"
        "THE CHAIR: Take your time, Ms Arkwright.\n"
        "A. Thank you. I reported it twice.\n"
    )
    got = attributed(text)
    assert got[0][0] == "Nell Arkwright" and got[-1][0] == "Nell Arkwright"
    assert ("Tobias Wren" in (got[1][0] or "")) and len(got) == 3
    radio = (
        "MORNING PHONE-IN\nPresenter: Jo Harlow\nGuest: Cllr Dev Mistry, council leader\n\n"
        "HARLOW: Why close the library?\n"
        "MISTRY: Because the roof is unsafe and repairs cost too much.\n"
        "CALLER: Nobody asked us about it!\n"
        "HARLOW: Councillor?\n"
        "MISTRY: We will consult on a new site.\n"
    )
    speakers = [s for s, _ in attributed(radio)]
    assert speakers == ["Dev Mistry", None, "Dev Mistry"]


@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        ('Mayor Smt. Lata Kumari Iyer said, "No vendor will be left out."', "Lata Kumari Iyer"),
        ('"The report is clear," said Commissioner Dr. R. Venkat Rao, IAS.', "R. Venkat Rao"),
        ('"This is a case about trust," said Helen Ostrow KC, prosecuting.', "Helen Ostrow"),
        ('Engr. Tariq Saleem conceded: "Recovery is poor."', "Tariq Saleem"),
        ('Nell Arkwright always said: "The wall will hold."', "Nell Arkwright"),
        ('Nell Arkwright did not tell the inquiry. "I cannot say," she said.', "Nell Arkwright"),
    ],
)
def test_honorifics_initials_and_letters_after_a_name_are_read_as_such(line, speaker):
    assert attributed(LEAD + line + "\n")[0][0] == speaker


def test_a_gender_mark_on_one_family_member_is_not_every_bearer_of_the_surname():
    """'his son, David Thorne' marks David, not Abel Thorne: Abel's 'he said' stands."""
    text = (
        "Steel chief dies at 88\n\n"
        "Abel Thorne, who has died aged 88, ran the works for a decade.\n\n"
        "“I did not close the works. The price of steel did,” he said in 1998.\n\n"
        "His son, David Thorne, said his father kept every letter.\n"
    )
    assert attributed(text)[0][0] == "Abel Thorne"
    # one bearer of the surname: a mark on the surname is hers, and a "he" is not her
    alone = text.replace("Abel Thorne, who", "Ms Ann Thorne, who").replace(
        "His son, David Thorne, said his", "A colleague said her"
    )
    assert attributed(alone)[0][0] is None


def test_a_body_is_named_in_full_from_its_bracketed_initials_or_its_of_name():
    """'a SESCO spokesman' after 'the Sarandpur Electric Supply Company (SESCO)', not the
    title run 'SESCO Chief Executive'; 'the university' is the one 'University of …'."""
    text = (
        LEAD + "Officials of the Sarandpur Electric Supply Company (SESCO) were questioned.\n\n"
        "SESCO Chief Executive Engr. Naveed Akhtar conceded losses were high.\n\n"
        'The crackdown has "so far resulted in 1,140 arrests", according to a SESCO spokesman.\n\n'
        "Researchers at the University of Fernleigh led the study.\n\n"
        'In a release, the university called it "a rare good-news story".\n'
    )
    speakers = [s for s, _ in attributed(text)]
    assert speakers == ["Sarandpur Electric Supply Company", "University of Fernleigh"]


def test_a_role_alone_is_its_holder_named_later_with_a_negated_verb_between():
    text = (
        "Post office sale approved\n\n"
        'The Prime Minister insisted the sale was "the best deal for every household".\n\n'
        "Prime Minister Helena Ashgrove did not tell the House how many branches would close.\n"
    )
    assert attributed(text)[0][0] == "Helena Ashgrove"


def test_a_headline_quotation_takes_the_speaker_the_body_gives_the_same_words():
    """'‘We’ve been forgotten’: …' over a body that says "‘We’ve been forgotten,’ Cr Vokes
    said": Vokes's words; never the speaker of a quotation that only tells them inside."""
    text = (
        "‘We’ve been forgotten’: Premier scraps rail upgrade\n\n"
        "The state government has scrapped the rail upgrade.\n\n"
        "‘We’ve been forgotten,’ Cr Rosalind Vokes said.\n\n"
        "‘He told us, “This line will be built, full stop.” Now look,’ said Grant Tully.\n"
    )
    got = attributed(text)
    assert got[0][0] == "Rosalind Vokes"
    assert got[-1] == (None, None)  # "He" told it: not Grant Tully's words


def test_a_list_item_opening_with_a_name_and_a_colon_is_that_persons_words():
    text = (
        LEAD + '- Kit Amberley, Wharfside Chamber of Commerce: "If we turn this down, the '
        'ships go elsewhere."\n- Cllr Femi Adeyemi, harbour ward: "I support it, with conditions."\n'
    )
    assert [s for s, _ in attributed(text)] == ["Kit Amberley", "Femi Adeyemi"]


def speakers(text: str) -> list[str | None]:
    return [s for s, _ in attributed(text)]


def test_given_names_in_any_latin_script_tell_two_people_of_one_surname_apart():
    text = (
        LEAD
        + "Cllr Seán Furey chaired the meeting.\n\n"
        + '"We were not told," Furey said.\n\n'
        + "His cousin, Deputy Bríd Furey, backed the plan.\n\n"
        + '"It is fair," Deputy Furey said.\n'
    )
    assert speakers(text) == ["Seán Furey", "Bríd Furey"]


def test_a_body_named_in_a_language_that_writes_inner_words_in_lower_case():
    text = (
        LEAD
        + "The Fédération des pêcheurs du Sud (FPS), which speaks for 40 crews, said the cuts "
        + "were « inacceptables ».\n"
    )
    assert speakers(text) == ["Fédération des pêcheurs du Sud"]


def test_a_speech_verb_after_a_modal_is_no_cue():
    text = (
        LEAD
        + "The harbour master, Ruth Ekwall, called the delays “avoidable” and said the "
        + "board would respond “in a measured way”.\n"
    )
    assert speakers(text) == ["Ruth Ekwall", "Ruth Ekwall"]


def test_people_described_by_where_they_are_are_no_place_and_a_body_speaks_through_them():
    text = (
        LEAD
        + 'Residents along the route of the Kelby Loop say the cuts are "a slap in the face".\n\n'
        + 'Analysts at Orrin Capital wrote that the plan was "overdue".\n'
    )
    assert speakers(text) == [None, "Orrin Capital"]


def test_the_next_clause_with_its_own_subject_does_not_credit_the_quotation_before_it():
    text = (
        LEAD
        + "Skipper Tom Veale said the crew had sailed ‘in good faith’, and the Ferry Users’ "
        + "Group said it ‘will not give up’.\n"
    )
    assert speakers(text) == ["Tom Veale", "the Ferry Users’ Group"]


def test_a_role_with_of_is_held_by_the_person_set_beside_it():
    text = (
        LEAD
        + "The Minister of State for Ports, Niamh Rowe, visited on Friday. "
        + '"The money is there," the Minister of State said.\n'
    )
    assert speakers(text) == ["Niamh Rowe"]


def test_a_demonym_does_not_make_an_unnamed_source_a_name():
    text = LEAD + 'A Western diplomat said the talks were "close".\n'
    assert attributed(text) == [(None, "a Western diplomat")]


def test_a_business_by_its_short_name_or_its_trade_is_the_one_the_article_names():
    text = (
        "Kelvin to appeal sidewalk ban\n\n"
        + "The city revoked the permit of Kelvin Robotics on Monday.\n\n"
        + 'Kelvin said its robots would keep "rolling, carefully".\n\n'
        + 'The robot maker said the ban was "a gift to the car".\n'
    )
    assert speakers(text) == ["Kelvin Robotics", "Kelvin Robotics"]


def test_a_body_whose_name_runs_on_with_of_the_and_and_speaks_whole():
    text = (
        LEAD
        + "The Shipwrights’ Guild of the Upper Tamm said crews must be “paid in full”.\n\n"
        + "The Kelby and District Chamber of Commerce warned of “empty shops”.\n"
    )
    assert speakers(text) == [
        "The Shipwrights’ Guild of the Upper Tamm",
        "The Kelby and District Chamber of Commerce",
    ]


def test_a_month_is_never_the_one_a_pronoun_stands_for():
    text = (
        LEAD
        + "Inspector Hana Osei said her office had written to the operator in June warning "
        + 'that sailings were late. "No delay was ever agreed," she said.\n'
    )
    assert speakers(text) == ["Hana Osei"]


# Twelfth blind set, kinds of junk (own wording): a tabloid's capitals run into a name, a
# title's portfolio joined to its holder, an honorific of Singapore or West African English.


def test_a_tabloid_kicker_in_capitals_is_no_part_of_a_name():
    from pipeline.rules.grounding import speaker_problem

    text = (
        "Baker Tess Morrow SACKED over stale loaves\n\n"
        "BAKERY BOSS RAGE: staff walked out. Tess Morrow said the bread was fine. "
        "Her boss was in a rage.\n"
    )
    assert speaker_problem("Tess Morrow SACKED", text) is not None
    assert speaker_problem("BAKERY BOSS RAGE", text) is not None
    assert speaker_problem("Tess Morrow", text) is None
    assert speaker_problem("Asha Rahman MBE", "Asha Rahman MBE said it was right.") is None


def test_a_portfolio_that_ends_a_title_is_no_given_name():
    from pipeline.rules.grounding import speaker_problem

    text = "The Cabinet Secretary for Water Amina Odhiambo said the dam would be finished.\n"
    assert speaker_problem("Water Amina Odhiambo", text) is not None
    assert speaker_problem("Amina Odhiambo", text) is None


def test_madam_and_alhaji_are_honorifics_not_names():
    text = (
        "Stall rents to rise\n\n"
        '"I cannot pay more," said Madam Tan Hui Min, who sells noodles at the centre.\n\n'
        '"The traders were consulted," said Alhaji Sani Bello, chairman of the market board.\n'
    )
    speakers = {q.speaker for q in rules_only_extraction(article_of(text)).quotes}
    assert speakers == {"Tan Hui Min", "Sani Bello"}


@pytest.mark.parametrize(
    ("introduction", "speaker", "role"),
    [
        ("Speaking to reporters, Professor of Economics Nia Coyle disagreed.", "Nia Coyle",
         "Professor of Economics"),
        ("In a statement, Minister for Housing Darragh Quill welcomed it.", "Darragh Quill",
         "Minister for Housing"),
        ("Later, Secretary of State Lowri Penhale hit back.", "Lowri Penhale",
         "Secretary of State"),
        ("At the briefing, Federal Minister for Water (Irrigation Wing) Sardar Imtiaz Khorasi "
         "defended the levy.", "Imtiaz Khorasi", None),
    ],
)  # fmt: skip
def test_a_title_with_of_or_for_before_a_name_stands_before_the_person(introduction, speaker, role):
    text = LEAD + f'{introduction} "We will not go back on this," she said.\n'
    assert attributed(text) == [(speaker, role)]


def test_a_body_after_a_lower_case_role_with_for_is_no_person():
    text = LEAD + (
        "A spokesperson for Kelder Lifeboat Station said crews backed the plan. "
        '"We have had two call-outs," the spokesperson said.\n'
    )
    assert attributed(text) == [("Kelder Lifeboat Station", "spokesperson")]


def test_a_capitalised_title_of_a_body_between_commas_is_passed_over_to_the_name():
    text = LEAD + (
        "Dr. Aroha Penwith, Senior Research Fellow at the Dunmore Institute of Transport "
        'Economics, said fares were not the problem. "The ferries are simply too old," she '
        "cautioned.\n"
    )
    role = "Senior Research Fellow at the Dunmore Institute of Transport Economics"
    assert attributed(text) == [("Aroha Penwith", role)]  # ten words: a role still


@pytest.mark.parametrize("verb", ["opined", "averred"])
def test_south_asian_and_west_african_speech_verbs_are_cues(verb):
    text = LEAD + f'"The timetable is a fiction," Tobias Marrin {verb}.\n'
    assert attributed(text) == [("Tobias Marrin", None)]


@pytest.mark.parametrize(
    ("introduction", "cue", "speaker"),
    [
        ("In a press release, Harlow Water said supplies were safe.", "the press release added",
         "Harlow Water"),
        ("In a statement, the ferry company confirmed the cuts.", "the statement read",
         "the ferry company"),
        ("In a joint statement, Corran Ports announced the closure.", "the joint statement added",
         "Corran Ports"),
    ],
)  # fmt: skip
def test_a_document_introduced_by_in_a_statement_is_its_author_s(introduction, cue, speaker):
    text = LEAD + f'{introduction} "We will keep customers informed," {cue}.\n'
    assert [s for s, _ in attributed(text)] == [speaker]


def test_a_pull_quote_between_paragraphs_is_the_speaker_the_body_credits_it_to():
    text = LEAD + (
        'Mayor Rhian Tolley said she understood the anger. "I grew up on that island," '
        "Tolley said.\n\n"
        '"They promised us a boat in spring. Then summer. Now never."\n\n'
        'Kit Amberley, who runs the island shop, said trade had halved. "They promised us a '
        'boat in spring. Then summer. Now never," Amberley said.\n'
    )
    assert [s for s, _ in attributed(text)] == ["Rhian Tolley", "Kit Amberley", "Kit Amberley"]


@pytest.mark.parametrize("title", ["Director-General", "Attorney-General", "Auditor-General"])
def test_a_compound_title_with_general_is_a_role_never_a_speaker(title):
    text = LEAD + (
        f"Wen Adeyemi-Roos, {title} of the island authority, said the timetable was "
        f'"about safety, nothing else."\n\n"The pier is for walking," the {title} said.\n'
    )
    assert [s for s, _ in attributed(text)] == ["Wen Adeyemi-Roos", "Wen Adeyemi-Roos"]


@pytest.mark.parametrize("document", ["manifesto", "prospectus", "communique"])
def test_a_document_as_subject_is_never_a_speaker(document):
    text = LEAD + (
        f"However, the 2021 {document} of the ruling Islands First group told voters the "
        "crossing would cost 'around £4 million'.\n"
    )
    assert [s for s, _ in attributed(text)] == [None]


@pytest.mark.parametrize(
    ("trade", "body"),
    [("Manufacturer", "Ostrel Marine Systems"), ("Shipbuilder", "Harrow-Lind Marine"),
     ("Insurer", "Calder Mutual")],
)  # fmt: skip
def test_a_business_s_trade_written_as_a_title_is_no_part_of_its_name(trade, body):
    text = LEAD + f"{trade} {body} said it would 'vigorously defend its position'.\n"
    assert [s for s, _ in attributed(text)] == [body]


def test_a_nickname_in_quote_marks_is_no_speech_and_the_name_runs_across_it():
    text = LEAD + (
        'The crossing was cancelled, Ports Secretary Ramon "Bong" Dizon-Arce said on Monday.'
        '\n\n"We will not sail on a hull that fails," Sec. Dizon-Arce said.\n'
    )
    quotes = _quotes_of(text)
    assert [(q.kind, q.speaker) for q in quotes] == [
        ("scare", None),
        ("quote", "Ramon Dizon-Arce"),
    ]


def test_she_never_stands_for_a_man_the_article_has_called_he_when_two_share_a_surname():
    text = LEAD + (
        'Owen Carrow, from Lisle, wrote: "I chose this ferry because it was cheap." He adds: '
        '"It is like being sold a boat and charged for the water."\n\n'
        "A second letter came from another Carrow, Jean, of Hurley, no relation, she assures "
        'me. "I have sailed with them for forty years," she writes.\n'
    )
    assert [s for s, _ in attributed(text)] == ["Owen Carrow", "Owen Carrow", None]


def test_the_gender_a_paragraph_gives_one_person_is_theirs_not_a_namesake_s():
    text = LEAD + (
        'Maud Carrow, who runs the island shop, backed the cut. "It had to go," she said.\n\n'
        """Her brother, Étienne Carrow, sees it differently. "It solves nothing," he said.\n"""
    )
    assert [s for s, _ in attributed(text)] == ["Maud Carrow", "Étienne Carrow"]


def test_the_ministry_is_the_body_named_with_of_after_a_country_s_possessive():
    text = LEAD + (
        "Vellmark's Ministry of Transport has cancelled the contract. A ministry spokesperson "
        'said: "The contract has been terminated."\n'
    )
    assert [s for s, _ in attributed(text)] == ["Ministry of Transport"]


def test_a_column_s_byline_is_the_writer_never_the_speaker_of_the_quote_below_it():
    text = (
        "FERRY WATCH with Nadia Kessel\n\n"
        '"It is a fee for being poor": readers on the new booking charge\n\n'
        'A reader in Lisle put it sharply: "It is a fee for being poor."\n'
    )
    assert "Nadia Kessel" not in {s for s, _ in attributed(text)}


def test_a_capitalised_title_of_the_body_after_a_name_is_passed_over():
    text = LEAD + (
        "Harold Petrenko, Reeve of the Rural Municipality of Dunmore, warned the closure "
        'would not stop there. "Every ferry that stops takes a school run with it," he said.\n'
    )
    assert [s for s, _ in attributed(text)] == ["Harold Petrenko"]


@pytest.mark.parametrize("title", ["Canon", "Pastor", "Monsignor"])
def test_a_clerical_title_is_no_part_of_the_name(title):
    text = LEAD + (
        f"The Revd {title} Margery Ellison spoke against the motion. 'A church without a "
        "priest is a building with a lock on it,' she said.\n"
    )
    assert [s for s, _ in attributed(text)] == ["Margery Ellison"]


def test_a_body_s_description_is_never_the_person_who_chairs_it():
    text = LEAD + (
        "The Tidewell Regional Authority ordered the evacuation. Regional Authority chair Cllr "
        'Hugo Penhale spoke to reporters. "We move people early," he said.\n\nIn a new '
        'statement, the authority said: "Residents must not return until the all-clear."\n'
    )
    assert [s for s, _ in attributed(text)] == ["Hugo Penhale", "Tidewell Regional Authority"]


def test_a_ministry_s_name_runs_on_across_and():
    text = LEAD + (
        "Operators must hire more islanders, the Ministry of Ports and Island Transport "
        'announced. The ministry said operators "not meeting the share" would be fined.\n'
    )
    assert [s for s, _ in attributed(text)] == ["Ministry of Ports and Island Transport"]


def test_a_title_whose_complement_holds_and_stands_before_the_person():
    text = LEAD + (
        "Fares will double from June 1, Minister of Works and Transport Selwyn Ramdial "
        'confirmed yesterday, saying the service "cannot survive on a 2009 fare."\n'
    )
    assert [s for s, _ in attributed(text)] == ["Selwyn Ramdial"]


def test_friends_of_a_place_is_a_body_never_a_person_named_after_it():
    text = LEAD + (
        "Friends of Larkmoor Hill, a lay group that gathered 4,800 signatures against the "
        'sale, accused the council of "a clear conflict of interest".\n'
    )
    assert [s for s, _ in attributed(text)] == ["Friends of Larkmoor Hill"]


def test_a_body_s_name_keeps_its_qualifier_in_brackets_but_not_its_initials():
    text = LEAD + (
        'The rise was "unavoidable", the Ministry of Energy (Power Division) said. In a press '
        'release, the ministry stated that some would be exempt. "We shield the vulnerable," '
        "the press release added.\n\nThe Department of Coastal Works (DCW) agreed. The "
        'department said: "Costs rose."\n'
    )
    speakers = [s for s, _ in attributed(text)]
    assert speakers[1] == "Ministry of Energy (Power Division)"
    assert speakers[-1] == "Department of Coastal Works"


def test_a_transcript_label_in_capitals_is_the_person_named_in_ordinary_case():
    text = (
        "Transit chief defends cuts\n\n"
        "Chief executive Maria Quenby took questions on Monday.\n\n"
        "REPORTER: How will night workers get home?\n\n"
        "QUENBY: Some of them will have to find another way for a few months.\n\n"
        "REPORTER: Will you resign?\n\n"
        "QUENBY: No. I will be judged on whether it comes back.\n"
    )
    speakers = {s for s, _ in attributed(text)}
    assert speakers == {"Maria Quenby"}
    actors = [s.actor for s in rules_only_extraction(article_of(text)).stances]
    assert "QUENBY" not in actors


def test_an_acronym_in_capitals_is_not_turned_into_a_name():
    text = (
        "Alliance warns on troops\n\n"
        'NATO said in a statement: "We are watching the border closely."\n'
    )
    assert attributed(text)[0][0] == "NATO"


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("The residents' association said it was 'horrified'.", "horrified"),
        ("The ramblers' group called the closure 'short-sighted' on Monday.", "short-sighted"),
        ("The council had given the club 'every chance' to find a buyer.", "every chance"),
    ],
)
def test_one_or_two_words_in_british_single_quotes_set_off_by_spaces_are_quoted(sentence, words):
    texts = [q.text for q in _quotes_of(LEAD + sentence + "\n")]
    assert words in texts


@pytest.mark.parametrize(
    "sentence",
    [
        "They played rock 'n' roll until two in the morning.",
        "Fans of the '90s band queued round the block.",
        "The players' 'lads on tour' night out was cancelled.",
    ],
)
def test_elisions_and_possessives_are_never_single_quote_marks(sentence):
    texts = [q.text for q in _quotes_of(LEAD + sentence + "\n")]
    assert texts in ([], ["lads on tour"])


def test_an_ampersand_joins_one_firms_name_which_speaks_and_whose_spokesman_speaks_for_it():
    text = (
        LEAD
        + "Brannock & Daughters said it was 'relieved' the mill would stay open. A spokesman"
        + " said the family had been given 'every opportunity' to buy it.\n"
    )
    assert attributed(text) == [
        ("Brannock & Daughters", None),
        ("Brannock & Daughters", "spokesman"),
    ]
    actors = [s.actor for s in rules_only_extraction(article_of(text)).stances]
    assert not [a for a in actors if "spokes" in a.lower()]


def test_a_bodys_short_name_speaks_under_the_full_name_the_article_gives_it():
    text = (
        "Savers hit by card fee\n\n"
        "From May the Tarnwick Building Society will charge a fee on foreign purchases.\n\n"
        'Tarnwick told us in a statement: "The change affects few members."\n\n'
        "Joan Ellery, chair of the Tarnwick Members' Forum, disagreed. "
        '"Members should have been asked," she said.\n'
    )
    assert attributed(text)[0] == ("Tarnwick Building Society", None)
    assert attributed(text)[1][0] == "Joan Ellery"


def test_a_short_name_two_bodies_open_or_a_person_bears_names_no_body():
    from pipeline.extract import body_full_name

    two = "The Tarnwick Building Society and the Tarnwick Rugby Club agreed."
    assert body_full_name("Tarnwick", two) is None
    person = "Ruth Tarnwick, who founded Tarnwick Holdings, said she was sorry."
    assert body_full_name("Tarnwick", person) is None
    assert body_full_name("Tarnwick", "Tarnwick Holdings cut 40 jobs.") == "Tarnwick Holdings"
    # a body's whole name is no start of another's; a name written on its own is that one
    assert body_full_name("Rowing League", "The Rowing League Appeals Board met.") is None
    fans = "Tarnwick City lost again. The Tarnwick City Supporters' Trust was angry."
    assert body_full_name("Tarnwick", fans) is None


def test_a_shared_surname_right_after_a_second_bearer_is_introduced_is_that_bearer():
    text = (
        LEAD
        + "Health director Eleanor Quayle said 41 people were treated. "
        + '"The plume has gone," Quayle said.\n\n'
        + "Farmer Mark Quayle, who lives next to the plant, complained months ago. "
        + '"I\'m angry," Quayle said.\n\n'
        + '"Air readings are back to normal," Quayle added.\n'
    )
    # the third is the first bearer again: the binding of the bare surname holds outside the
    # paragraph that introduces the second bearer
    assert [s for s, _ in attributed(text)] == ["Eleanor Quayle", "Mark Quayle", "Eleanor Quayle"]


@pytest.mark.parametrize(
    ("speaker", "unnamed"),
    [
        ("a North Korean representative", True),
        ("North Korean foreign ministry official", True),
        ("Russian diplomat", True),
        ("a South African source", True),
        ("North Korea", False),
        ("Foreign Ministry", False),
        ("Korean Central News Agency", False),
        ("a Kelby Harbour spokesman", False),
    ],
)
def test_a_peoples_adjective_with_its_compass_word_names_no_one(speaker, unnamed):
    from pipeline.rules.grounding import unnamed_speaker

    assert unnamed_speaker(speaker) is unnamed


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Agency area manager", "Agency area manager"),
        ("Council planning officer", "Council planning officer"),
        ("Yesterday area manager", "manager"),  # a time word is no body
    ],
)
def test_a_bodys_title_keeps_the_word_that_says_which_of_its_officers(title, role):
    text = LEAD + f'{title} Colin Baptiste said: "We are monitoring the site."\n'
    assert attributed(text) == [("Colin Baptiste", role)]


@pytest.mark.parametrize(
    "subject, speaker",
    [
        ("The Island Ferry Users' Group (IFUG)", "The Island Ferry Users' Group"),
        ("Councillor Mared Pugh (Plaid Cymru)", "Mared Pugh"),
        ("Rep. Dana Whitlow (D-Maine)", "Dana Whitlow"),
        ("Tomos Rees (67)", "Tomos Rees"),
        ("The Fédération des pêcheurs du Sud (FPS)", "Fédération des pêcheurs du Sud"),
    ],
)
def test_an_aside_in_brackets_between_a_name_and_its_verb_does_not_hide_the_speaker(
    subject, speaker
):
    text = LEAD + f'{subject} said the cuts were "a betrayal of the island".\n'
    assert [s for s, _ in attributed(text)] == [speaker]


def test_an_aside_before_a_comma_is_not_the_speaker():
    text = (
        LEAD
        + 'Rep. Dana Whitlow (D-Maine), who sits on the transport panel, said: "Restore them."\n'
    )
    assert [s for s, _ in attributed(text)] == ["Dana Whitlow"]


def test_a_body_named_after_a_noun_phrase_speaks_whole_not_by_its_last_word():
    text = LEAD + 'It was a change the Department of Transport described as "regrettable".\n'
    assert [s for s, _ in attributed(text)] == ["the Department of Transport"]


@pytest.mark.parametrize(
    "lead_in, speaker, role",
    [
        ("The statement quoted Finance Director Owain Pryce:", "Owain Pryce", "Finance Director"),
        (
            "The company's release quoted its managing director, Lise Brandt, as saying:",
            "Lise Brandt",
            "managing director",
        ),
    ],
)
def test_the_one_a_release_quoted_is_the_speaker(lead_in, speaker, role):
    text = (
        LEAD + f'The operator issued a statement on Monday. {lead_in} "Sailings resume in May."\n'
    )
    assert attributed(text) == [(speaker, role)]


def test_a_body_whose_official_name_holds_one_common_noun_is_a_speaker_or_none_never_cut():
    text = (
        LEAD + "The Medicines and Healthcare products Regulatory Agency said it was 'monitoring'.\n"
    )
    assert [s for s, _ in attributed(text)] == [
        "The Medicines and Healthcare products Regulatory Agency"
    ]
    cut = LEAD + "The Civil Aviation and airports Safety Authority said it was 'monitoring'.\n"
    assert [s for s, _ in attributed(cut)] in (
        [None],
        ["The Civil Aviation and airports Safety Authority"],
    )


def test_an_occupation_in_apposition_is_the_role():
    text = LEAD + '"Crossings are safe," said Mari Lund, a marine biologist at Skerry College.\n'
    assert attributed(text) == [("Mari Lund", "marine biologist at Skerry College")]


@pytest.mark.parametrize(
    ("owner", "speaker"),
    [("Seaway Holdings", "Seaway Holdings"), ("The Harbour Friends", "Harbour Friends")],
)
def test_a_statement_of_a_name_ending_in_s_with_the_apostrophe_alone_is_its_owners(owner, speaker):
    text = LEAD + f'{owner}\' statement read: "Every sailing ran to the published timetable."\n'
    assert [q.speaker for q in _quotes_of(text)] == [speaker]


@pytest.mark.parametrize("described", ["Mum-of-three", "Father-of-four", "Grandmother-of-six"])
def test_a_person_introduced_with_a_kinship_count_is_the_she_or_he_of_the_next_paragraph(
    described,
):
    pronoun = "he" if described.startswith("Father") else "she"
    text = (
        LEAD + f"{described} Alison Crewe, 41, from Hollin, waited four hours at the quay.\n\n"
        f'"Nobody told us anything. We just sat there," {pronoun} said last night.\n'
    )
    assert [q.speaker for q in _quotes_of(text)] == ["Alison Crewe"]


def test_a_firms_name_with_an_ampersand_stays_whole_in_the_role():
    text = LEAD + '"We will refund every ticket," Seaway & Dunn chief executive Tara Holt said.\n'
    assert attributed(text) == [("Tara Holt", "Seaway & Dunn chief executive")]


def test_names_of_initials_keep_them_and_lose_the_titles_last_word():
    """'Union Minister for Ports, Shipping and Waterways R. S. Kulkarni' names R. S. Kulkarni,
    not 'Waterways R. S. Kulkarni'; 'A. Joseph Thomas' keeps the initial that opens it."""
    from pipeline.rules.entities import person_name

    assert person_name("Waterways R. S. Kulkarni") == "R. S. Kulkarni"
    assert person_name("Opposition member A. Joseph Thomas") == "A. Joseph Thomas"
    assert person_name("John R. Smith") == "John R. Smith"
    assert person_name("M. V. Krishnamurthy") == "M. V. Krishnamurthy"
    text = (
        LEAD + "Minister for Ports, Shipping and Waterways R. S. Kulkarni welcomed the plan. "
        "Mr Kulkarni said the government would 'stand firmly behind' the operator.\n\n"
        "'Our own harbours are waiting,' said opposition member A. Joseph Thomas.\n"
    )
    assert [q.speaker for q in _quotes_of(text)] == ["R. S. Kulkarni", "A. Joseph Thomas"]


def test_a_quotation_paragraph_after_one_that_names_one_person_is_theirs():
    """British radio and local copy: the speaker is named in the paragraph before, with no
    speech verb; the quotation runs over two paragraphs and ends 'he said'. Two people named
    before: no guess."""
    text = (
        LEAD + "Down on the quay the mood was different. Tom Pellow of the Harbour Fishermen's "
        "Association has been on this programme many times. Tonight he sounded tired.\n\n"
        "\u201cWe went in there with the science and the maps. They listened politely.\n\n"
        "\u201cThe dredgers will come next spring,\u201d he said.\n"
    )
    assert [q.speaker for q in _quotes_of(text)] == ["Tom Pellow", "Tom Pellow"]
    two = text.replace(
        "Tonight he sounded tired.", "Tonight he sat beside Harry Crane, the harbourmaster."
    )
    assert [q.speaker for q in _quotes_of(two)] == [None, None]


def test_someone_described_at_a_body_is_no_voice_of_that_body():
    """'A fraud analyst at the bookmaker Lodestar Bet told the court …': the analyst speaks
    (unnamed), not the bookmaker; 'a spokeswoman for …' is the body's voice."""
    analyst = (
        LEAD + "A fraud analyst at the bookmaker Ferrow Bet told the court that the wagers "
        "formed “the most blatant pattern I have seen in eleven years”.\n"
    )
    [quote] = _quotes_of(analyst)
    assert quote.speaker is None and quote.speaker_role == "a fraud analyst"
    voice = analyst.replace("A fraud analyst at", "A spokeswoman for")
    assert [q.speaker for q in _quotes_of(voice)] == ["Ferrow Bet"]


@pytest.mark.parametrize(
    "credit",
    [
        "asked Yardley's fellow panellist, the former referee Tom Hale.",
        "said a spokesman for the club, Tom Hale.",
        "said his fellow director, former striker Tom Hale.",
    ],
)
def test_a_name_set_after_a_description_and_its_own_role_words_is_the_speaker(credit):
    text = LEAD + f"\u201cWhere was the board while all this went on?\u201d {credit}\n"
    assert [q.speaker for q in _quotes_of(text)] == ["Tom Hale"]


def test_a_wifes_honorific_settles_a_surname_she_shares_with_a_councillor():
    # "chairman" is said of women in British copy: it tells no one's sex
    text = (
        "Mill protest goes on\n\n"
        "Cllr Peter Ashdown (Green), whose ward includes the mill, said he would fight on.\n\n"
        "Mrs Carol Ashdown, chairman of the Mill Trust, said the trust would appeal. "
        'Mrs Ashdown said: "We will not give up the mill."\n'
    )
    assert attributed(text)[-1][0] == "Carol Ashdown"


def test_the_wife_of_a_titled_person_lends_him_no_role():
    from pipeline.rules.entities import resolve_person

    text = "An earlier report called Ann Pike the wife of Alderman Joe Pike. They are not related."
    assert resolve_person("Joe Pike", text) == ("Joe Pike", "Alderman")


@pytest.mark.parametrize("dash", ["-", "–", "—"])
def test_a_credit_line_after_a_quotation_paragraph_names_its_speaker(dash):
    text = (
        "Live: storm closes the coast road\n\n"
        "16:05\n\n"
        "Two lorries have overturned on the coast road.\n\n"
        '"Please stay at home unless your journey is essential."\n\n'
        f"{dash} Sergeant Ruth Abney, Coastal Roads Policing\n\n"
        "15:40\n\n"
        "The road was closed at noon.\n"
    )
    assert attributed(text) == [("Ruth Abney", "Sergeant")]


def test_a_credit_line_after_words_of_the_reporter_credits_nothing():
    text = (
        "Live: storm closes the coast road\n\n"
        'Police said drivers should "stay at home", and the warning stands.\n\n'
        "- Reporting by Dan Oyelaran\n"
    )
    assert attributed(text)[0][0] != "Dan Oyelaran"


def test_someone_described_as_the_object_before_who_told_us_is_described():
    text = (
        "Live: the vote\n\n"
        "We caught up with a bus driver waiting at the depot, who told us: "
        '"Nobody asked the drivers what they think."\n'
    )
    quote = _quotes_of(text)[0]
    assert (quote.speaker, quote.speaker_role) == (None, "a bus driver")


@pytest.mark.parametrize(
    ("opening", "described"),
    [
        ("Outside the Town Hall a crowd", "a crowd"),
        ("Across the square the marchers", "the marchers"),
    ],
)
def test_a_place_before_the_subject_is_no_part_of_the_speaker(opening, described):
    from pipeline.rules.quotes import find_quotes

    text = f'{opening} chanted "Hands off our park!" for an hour.'
    assert find_quotes(text)[0].cue == described


def test_a_description_of_a_firm_never_resolves_to_a_resident_named_alone():
    text = (
        "Tenant fights eviction\n\n"
        "Ida Marsh, 79, has rented the cottage since 1988.\n\n"
        "Letting agents Brook Homes served notice in May. The firm said: "
        '"We have followed the law."\n'
    )
    assert attributed(text)[0][0] != "Ida Marsh"


def test_a_chant_or_a_cry_inside_the_reporters_sentence_ends_no_sentence():
    from pipeline.rules.text import split_sentences

    text = (
        'Marchers shouted "Hands off! Not for sale!" all the way to the gates. '
        "Two were held. The plan (ref. 9/221) was approved."
    )
    assert [s.text for s in split_sentences(text)] == [
        'Marchers shouted "Hands off! Not for sale!" all the way to the gates.',
        "Two were held.",
        "The plan (ref. 9/221) was approved.",
    ]
    assert len(split_sentences("She asked: “Why now?” Nobody answered.")) == 2


def test_a_presenters_turns_in_a_transcript_are_questions_not_quotations():
    text = (
        "MARSH FM - BREAKFAST\n\n"
        "PRESENTER: Morning. The ferry fares go up by a third on Monday. Is that fair?\n\n"
        "COUNCILLOR ABBOT: No, it is not fair, and I said so at the meeting.\n\n"
        "PRESENTER: Councillor Rhys Abbot, thank you. Now the travel.\n\n"
        "CALLER (DENISE): I pay forty pounds a week already.\n"
    )
    found = attributed(text)
    assert ("Rhys Abbot", "Councillor") in found
    quotes = _quotes_of(text)
    assert not any("Now the travel" in q.text for q in quotes)  # the presenter's words
    denise = next(q for q in quotes if "forty pounds" in q.text)
    assert denise.speaker is None  # a caller with a first name is no one named


def test_a_headlines_capitalised_term_before_its_noun_is_no_speech():
    from pipeline.rules.quotes import find_quotes

    assert [q.kind for q in find_quotes("'TOXIC' TAPS: Village told not to drink")] == ["scare"]
    assert [q.kind for q in find_quotes("“SHAME!” chanted the crowd.")] == ["quote"]


@pytest.mark.parametrize("adjective", ["Leeds-based", "Dublin-born", "Oslo-listed"])
def test_someone_described_by_a_place_adjective_is_unnamed(adjective):
    from pipeline.rules.grounding import unnamed_speaker

    assert unnamed_speaker(f"One {adjective} broker")
    assert not unnamed_speaker("a Kelby Harbour spokesman")


def test_a_preposition_opening_the_sentence_is_no_part_of_the_role():
    from pipeline.rules.entities import resolve_person

    text = "For trawlerman Jack Moyle, whose father fished the reef, the ban is personal."
    assert resolve_person("Jack Moyle", text) == ("Jack Moyle", "trawlerman")


@pytest.mark.parametrize(
    "described",
    [
        "A spokeswoman for Norway's Coastal Shipping Authority",
        "A spokeswoman for the Coastal Shipping Authority",
    ],
)
def test_a_spokesperson_for_a_named_body_speaks_for_it_and_is_the_he_or_she_after(described):
    text = (
        "Ferry merger faces review\n\n"
        "Analysts were divided. One analyst said the timing was odd.\n\n"
        f"{described} said the regulator would look at the deal. "
        '"We will study whether fares would rise on the island routes," she said.\n'
    )
    assert attributed(text)[-1] == ("Coastal Shipping Authority", "spokeswoman")


def test_a_pronouns_role_and_a_shouted_first_word_are_cleaned_from_a_role():
    from pipeline.rules.grounding import clean_role

    assert clean_role("its chief medical officer") == "chief medical officer"
    assert clean_role("GRIEVING daughter") == "grieving daughter"
    assert clean_role("NATO Secretary-General") == "NATO Secretary-General"
    assert clean_role("BBC reporter") == "BBC reporter"


def test_the_official_after_an_unnamed_official_is_never_the_chief_named_before():
    text = (
        "Carmaker drops striker\n\n"
        'Shri Anil Rao, Managing Director, stated that the deal was suspended. "We cannot '
        'associate our brand with him," Shri Rao said.\n\n'
        "A senior company official, who did not wish to be named, informed that a campaign "
        'had been pulled. "The films were already shot," the official said.\n'
    )
    found = attributed(text)
    assert found[0][0] == "Anil Rao"
    assert found[-1] == (None, "a senior company official")


def test_a_broadcast_scripts_clips_reporters_and_vox_pops():
    text = (
        "CITY TONIGHT - CTV\n\n"
        "ANCHOR: Good evening. The club has suspended its captain.\n\n"
        "REPORTER (at the ground): The board met this morning. Its chairman spoke to us.\n\n"
        "SOUNDBITE - RUTH ODELL, CLUB CHAIR: We acted on legal advice at every stage.\n\n"
        "WOMAN ON STREET: He should never have been picked.\n\n"
        "REPORTER (at the ground): The trial resumes tomorrow.\n"
    )
    quotes = _quotes_of(text)
    assert [(q.speaker, q.text) for q in quotes if q.speaker] == [
        ("Ruth Odell", "We acted on legal advice at every stage.")
    ]
    assert not any("trial resumes" in q.text or "board met" in q.text for q in quotes)
    street = next(q for q in quotes if "never have been picked" in q.text)
    assert street.speaker is None


def test_an_interview_introduced_as_sitting_down_with_us_gives_the_answers_and_headline():
    text = (
        '"I still drive past the corner": Mary Lusk on the night of the fire\n\n'
        "Mary Lusk, 61, ran the corner shop for thirty years. This week Mary sat down with us "
        "at her kitchen table.\n\n"
        "Q: Where were you that night?\n\n"
        "A: Asleep upstairs. The smoke alarm woke me and I got the dog out first.\n"
    )
    found = attributed(text)
    assert ("Mary Lusk", None) in found
    assert all(speaker == "Mary Lusk" for speaker, _ in found)


def test_a_possessor_opening_a_sentence_is_the_she_that_follows():
    text = (
        "Painkiller study\n\n"
        "Dr Nora Quist led the study at Fenwick University.\n\n"
        'Ada Brent, who runs a patients\' group, sees it differently. "Patients need to know," '
        "she says.\n\n"
        "Quist's team plans a larger trial. Until then, she says, the answer is uncertain. "
        '"Science rarely hands you a clean verdict," she says.\n'
    )
    assert attributed(text)[-1][0] == "Nora Quist"


def test_a_headline_in_title_case_names_no_body_for_the_company():
    text = (
        "Common Painkiller Linked to Higher Stroke Risk, Large Study Finds\n\n"
        "People who take the painkiller face a higher risk of stroke, a study found.\n\n"
        'In a statement, the company said it "remains fully confident" in the drug.\n'
    )
    assert all(speaker != "Common Painkiller Linked" for speaker, _ in attributed(text))


def test_the_agency_is_the_one_regulator_named_as_a_board():
    text = (
        "Regulator reviews painkiller\n\n"
        "The National Medicines Safety Board said it was reviewing the study. "
        '"We take any new safety signal seriously," the agency said.\n'
    )
    assert attributed(text) == [("National Medicines Safety Board", None)]


def test_a_police_rank_in_capitals_is_a_person_for_the_he_that_follows():
    text = (
        "Speeding trial\n\n"
        "The court heard the driver stayed at the scene.\n\n"
        "DC Amy Holt, a collision investigator with Vale Police, told the court that skid "
        "marks on the road measured 38 metres.\n\n"
        "‘The marks show heavy braking from well above the limit,’ she said.\n"
    )
    assert attributed(text)[-1][0] == "Amy Holt"


def test_a_time_opening_the_sentence_is_no_part_of_an_actors_name():
    from pipeline.extract import _TIME_OPENING

    assert _TIME_OPENING.sub("", "On Monday Mr Justice Orme") == "Mr Justice Orme"
    assert _TIME_OPENING.sub("", "Last night the council") == "the council"
    assert _TIME_OPENING.sub("", "Monday Club") == "Monday Club"


def test_a_south_asian_wire_dateline_ends_in_a_colon_after_the_agency(tmp_path):
    from pipeline.read import read_article

    path = tmp_path / "a.txt"
    path.write_text(
        "Carmaker pauses ad deal\n\nCHENNAI, Oct 14 (SNA): Aurex Motors on Tuesday stated "
        "that it had paused the deal.\n"
    )
    article = read_article(path)
    assert (article.wire, article.dateline) == ("SNA", "CHENNAI, Oct 14")


def test_a_broadcasts_own_voice_is_reporting_that_keeps_the_script_on_the_story():
    from pipeline.extract import prepare_article, reported_sentences

    text = (
        "CITY TONIGHT - CTV\n\n"
        "ANCHOR: Good evening. The league has opened an inquiry into Fenby Town.\n\n"
        "REPORTER (at the ground): The board met this morning and suspended the captain.\n\n"
        "SOUNDBITE - RUTH ODELL, CLUB CHAIR: We acted on legal advice at every stage.\n"
    )
    article = article_of(text)
    told = [s.text for s in reported_sentences(prepare_article(article))]
    assert "The league has opened an inquiry into Fenby Town." in told
    assert any("suspended the captain" in t for t in told)
    assert not any("legal advice" in t for t in told)  # the clip is the chair's words


def test_he_after_someone_unnamed_is_that_one_not_a_body_further_back():
    text = (
        "Storm cuts power to valley\n\n"
        "Brookmere Energy, which serves the valley, said repairs could take a week.\n\n"
        "A lineman who asked not to be named because he was not cleared to talk to the press "
        "said crews were working through the night.\n\n"
        '"We have not been home since Sunday," he said.\n'
    )
    assert attributed(text) == [(None, None)]


def test_he_after_an_unnamed_member_the_column_rang_is_that_member():
    text = (
        "Party rattled by resignation\n\n"
        'Olan Breck, the party whip, said on Monday that discipline was "intact".\n\n'
        "When I phoned a Liberal MP this morning, the mood was grim. "
        '"We will get over it," he told me.\n'
    )
    assert attributed(text)[-1] == (None, None)


def test_the_one_who_was_asked_answers_in_the_quotation_after():
    lead = (
        "Club fires manager\n\n"
        "Harlow Rovers chairman Ivor Penn announced the club had dismissed manager Sean Tully "
        "after a run of nine defeats.\n\n"
    )
    named = (
        lead
        + 'The chairman was asked whether the board had erred.\n\n"We all share the blame," he said.\n'
    )
    assert attributed(named) == [("Ivor Penn", "Harlow Rovers chairman")]
    unnamed = (
        lead
        + 'A league official was asked about the timing.\n\n"It is a matter for the club," she said.\n'
    )
    assert attributed(unnamed)[0][0] is None
    # asked by someone named: the one asked is no longer the sure speaker
    both = (
        lead + 'Penn was challenged by supporter Dora Vance.\n\n"You have let us down," she said.\n'
    )
    assert attributed(both)[0][0] != "Ivor Penn"


def test_a_reply_to_someone_unnameds_question_is_the_one_questioned():
    text = (
        "Water declared safe\n\n"
        'Operations director Carl Webb said the supply was clean. "Every sample passed," he said.\n\n'
        '"Would you drink it yourself?" one reporter asked.\n\n'
        '"I had a glass this morning," he replied.\n'
    )
    assert attributed(text)[-1][0] == "Carl Webb"


@pytest.mark.parametrize(
    "lead_in", ["Former winger Paul Dree on Radio Severn:", "Paul Dree, speaking to the Courier:"]
)
def test_a_lead_in_names_the_speaker_not_the_station_or_paper(lead_in):
    text = (
        f'Club fires manager\n\nThe club dismissed its manager.\n\n{lead_in}\n\n"It was coming."\n'
    )
    assert attributed(text)[0][0] == "Paul Dree"


def test_a_quotation_after_terms_the_sentence_quotes_continues_its_speaker():
    text = (
        "Lender shares slide\n\n"
        '"The penalty is the least of it," said Mara Holt, an analyst at Fenwick Capital, who '
        'moved her rating to "underweight" from "neutral". "Depositors are the worry."\n'
    )
    quotes = _quotes_of(text)
    assert [q.speaker for q in quotes if q.text.startswith("Depositors")] == ["Mara Holt"]


def test_a_body_with_an_acronym_said_it_was_doing_something_in_quotes():
    text = (
        "Breach at lender\n\n"
        'The Savings and Credit Authority (SCA) said it was "actively assessing" whether '
        "rules were broken.\n"
    )
    [quote] = _quotes_of(text)
    assert (quote.speaker, quote.kind) == ("The Savings and Credit Authority", "partial")


def test_a_name_inside_the_subjects_relative_clause_is_not_the_speaker():
    text = (
        "Jury finds firm liable\n\n"
        "The jury found the firm liable on Friday.\n\n"
        "One juror, a retired nurse who spoke to the Ledger on condition of anonymity because "
        'Brill had told jurors not to talk, said the memo was "impossible to ignore."\n'
    )
    assert attributed(text) == [(None, "one juror")]


def test_a_person_of_a_firm_speaks_not_the_firm():
    text = (
        "Jury finds firm liable\n\n"
        "The jury found the firm liable on Friday.\n\n"
        "Counsel for the insurer, Ruth Amos of Hale & Dunn LLP, argued that the tests were "
        '"hand-picked" to suit the claim.\n'
    )
    assert attributed(text)[0][0] == "Ruth Amos"


def test_an_unnamed_official_of_a_ministry_is_not_the_ministry():
    text = (
        "Count disputed\n\n"
        "The count was disputed on Sunday.\n\n"
        "A senior official of the Ministry of Overseas Trade, who did not wish to be named, "
        'said that the embassy was "following events closely".\n'
    )
    assert attributed(text) == [(None, "a senior official")]


def test_a_body_named_after_an_opening_phrase_with_an_appositive_is_the_subject():
    text = (
        "Sweetener study disputed\n\n"
        "A study linked the sweetener to strokes.\n\n"
        "In a statement, the Growers' Council, a Lisbon-based trade body, said: "
        '"The study shows an association, not a cause."\n'
    )
    assert attributed(text)[0][0] == "Growers' Council"


def test_a_possessors_verdict_before_a_colon_is_their_words():
    text = (
        "Sweetener study disputed\n\n"
        "Omar Reyes, a dietitian, reviewed the study.\n\n"
        "Reyes's verdict: \"Eat less of it, but don't panic.\"\n"
    )
    assert attributed(text)[0][0] == "Omar Reyes"


def test_speaking_to_our_correspondent_the_named_one_is_the_speaker_not_the_reporter():
    text = (
        "Count disputed\n\n"
        "The count was disputed.\n\n"
        "Speaking to our correspondent on Sunday, Hon. Chinwe Obi, who hails from Onitsha, "
        "said she would fight on.\n\n"
        '"We have sworn statements from voters," she said.\n'
    )
    assert attributed(text)[0][0] == "Chinwe Obi"


def test_a_quotation_after_she_added_that_is_hers():
    text = (
        "Lender breached\n\n"
        "The lender was breached.\n\n"
        "Mara Lind, a professor at Eastgate University, said the breach was serious. She added "
        'that regulators would be watching closely. "This will be in every board paper."\n'
    )
    assert attributed(text)[-1][0] == "Mara Lind"


def test_the_appositive_after_a_name_with_a_nickname_inside_gives_the_role():
    text = LEAD + (
        '"The hull is sound," Cornelius "Neil" Abara, the yard\'s chief surveyor, '
        "said at the slipway.\n"
    )
    said = [(q.speaker, q.speaker_role) for q in _quotes_of(text) if q.kind != "scare"]
    assert said == [("Cornelius Abara", "yard's chief surveyor")]


def test_a_written_out_honorific_is_no_part_of_the_role_before_a_name():
    text = (
        LEAD
        + 'Parish priest Father Tomas Ede said the island was grieving.\n\n"We pray," Ede said.\n'
    )
    assert attributed(text) == [("Tomas Ede", "Parish priest")]


def test_lead_qualifies_a_role_before_a_name():
    text = LEAD + '"The signal is clear," lead author Mina Sole told reporters.\n'
    assert attributed(text) == [("Mina Sole", "lead author")]


def test_a_state_after_a_city_in_a_relative_clause_is_no_speaker_or_actor():
    text = (
        "Jury orders chemical maker to pay\n\n"
        "A jury ordered Kelvor Chemicals to pay damages on Friday.\n\n"
        "Kelvor, which is based in Wilmington, Delaware, said it would appeal. "
        '"The verdict is wrong," the company said.\n'
    )
    extraction = rules_only_extraction(article_of(text))
    assert "Delaware" not in {s.actor for s in extraction.stances}
    assert "Delaware" not in {q.speaker for q in extraction.quotes}


def test_a_place_after_in_is_no_decider_of_the_lead():
    text = (
        "Recount ordered in Harwick mayoral race\n\n"
        "Election officials in Harwick on Saturday ordered a full hand recount of the city's "
        "mayoral election after the losing candidate challenged the result.\n\n"
        '"Every vote will be counted again," said Tom Vale, the county clerk.\n'
    )
    extraction = rules_only_extraction(article_of(text))
    assert "Harwick" not in {s.actor for s in extraction.stances}


# --- words reported second-hand: the author of the quoted words, not the one reporting them


LEVY = (
    "Tourist levy splits harbour town\n\nThe harbour board approved a visitor levy on Monday.\n\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        'Councillor Petra Lund said Osric Vane himself wrote that "the levy is here to stay".',
        'Councillor Petra Lund accused Osric Vane of calling the traders "a noisy few".',
        'Petra Lund rejected the claim by Osric Vane that the traders were "a noisy few".',
    ],
)
def test_words_reported_as_another_s_are_that_other_s(sentence):
    text = LEVY + "Osric Vane chairs the harbour board.\n\n" + sentence + "\n"
    assert [q.speaker for q in _quotes_of(text)] == ["Osric Vane"]


@pytest.mark.parametrize(
    "sentence",
    [
        'Petra Lund said her grandmother had warned her: "They will never give the harbour back."',
        '"They will never give the harbour back," Petra Lund recalled her grandmother saying.',
    ],
)
def test_words_of_someone_described_by_a_relation_have_no_speaker(sentence):
    (quote,) = _quotes_of(LEVY + sentence + "\n")
    assert quote.speaker is None
    assert quote.speaker_role == "her grandmother"


def test_a_quoted_phrase_after_another_clause_s_object_stays_with_the_one_who_reports_it():
    text = LEVY + 'Petra Lund said the board had asked the traders to "show some patience".\n'
    assert [q.speaker for q in _quotes_of(text)] == ["Petra Lund"]


def test_a_coordinated_verb_after_a_reported_clause_keeps_the_sentence_s_subject():
    text = (
        LEVY
        + "Petra Lund said the board was looking at exemptions, but warned that its budget "
        + 'was "stretched to breaking".\n'
    )
    assert [q.speaker for q in _quotes_of(text)] == ["Petra Lund"]


@pytest.mark.parametrize(
    "aside",
    ["a retired skipper", "dubbed the “Harbour Queen” by regulars", "who runs the chip shop"],
)
def test_an_aside_between_dashes_stands_between_the_speaker_and_the_verb(aside):
    text = LEVY + f'Trader Nell Arkwright – {aside} – fumed: "This levy will empty the town."\n'
    speakers = [q.speaker for q in _quotes_of(text) if q.kind != "scare"]
    assert speakers == ["Nell Arkwright"]


def test_an_aside_between_dashes_that_gives_the_full_name_names_the_speaker():
    text = (
        LEVY + 'Her neighbour Nell — Nell Arkwright, 61 — fumed: "This levy will empty the town."\n'
    )
    assert [q.speaker for q in _quotes_of(text)] == ["Nell Arkwright"]


@pytest.mark.parametrize(
    "subject, tail",
    [
        ("The Department for Coastal Affairs", "Coastal Affairs"),
        ("Officials at the Ministry of Tourism", "Tourism"),
        ("A spokesman for the Office for Harbour Safety", "Harbour Safety"),
    ],
)
def test_an_institution_named_with_of_or_for_is_never_cut_to_its_last_words(subject, tail):
    text = LEVY + f"{subject} said it was 'monitoring the situation closely'.\n"
    (quote,) = _quotes_of(text)
    assert quote.speaker is not None and quote.speaker != tail


# --- who is meant: a role word's modifier, an age, a phrase of whose words, a sex --------


@pytest.mark.parametrize("modifier", ["Former Wales", "Ex-Chelsea", "Veteran Dutch"])
def test_a_capitalised_modifier_of_a_role_noun_is_no_antecedent(modifier):
    text = LEAD + f'{modifier} skipper Bram Oduya was on the quay. "It is a farce," he said.\n'
    assert attributed(text)[0][0] == "Bram Oduya"


def test_the_age_stands_for_the_one_person_given_it():
    text = (
        LEAD
        + 'Tamsin Reilly, 34, runs the kiosk.\n\nFew came.\n\n"I gave up," the 34-year-old said.\n'
    )
    assert attributed(text)[0][0] == "Tamsin Reilly"
    two = (
        LEAD + 'Tamsin Reilly, 34, and Jon Fry, 34, run it.\n\n"I gave up," the 34-year-old said.\n'
    )
    assert attributed(two)[0][0] is None  # two people of that age: no guess


@pytest.mark.parametrize(
    "sentence",
    [
        'As Orla Brennan put it, "the ferry is our road."',
        'In the words of the skipper, Orla Brennan, "the ferry is our road."',
        '"The ferry is our road," was how Orla Brennan, a skipper, described it.',
        '"The ferry is our road," as Orla Brennan put it.',
    ],
)
def test_a_phrase_naming_whose_words_they_are(sentence):
    assert attributed(LEAD + sentence + "\n")[0][0] == "Orla Brennan"


def test_a_possessed_noun_of_words_before_was_and_an_adjective():
    text = LEAD + 'Mayor Orla Brennan met them.\n\nThe mayor\'s verdict was blunt: "Sack them."\n'
    assert attributed(text)[0][0] == "Orla Brennan"


def test_the_office_that_speaks_for_someone_is_the_speaker_not_a_possessive_name():
    text = (
        LEAD
        + "Sailings stop on Monday, according to a statement from Mayor Orla Brennan's office. "
        '"We had no choice," the statement said.\n'
    )
    assert attributed(text)[0][0] == "Mayor Orla Brennan's office"


def test_the_body_a_description_stands_for_when_the_article_names_one():
    text = LEAD + 'Seaway Ferry Company cut fares. "It was overdue," the company said.\n'
    assert attributed(text)[0][0] == "Seaway Ferry Company"
    two = LEAD + 'Seaway Ferry Company and Tidal Ferry Company met. "No," the company said.\n'
    assert attributed(two)[0][0] == "the company"


def test_an_honorific_of_the_other_sex_is_not_the_one_named_in_full():
    text = (
        LEAD + 'Ciaran Doyle, 70, and his wife run the cafe. "We are finished," said Mrs Doyle.\n'
    )
    assert attributed(text)[0][0] == "Mrs Doyle"
    both = LEAD + 'Ciaran Doyle spoke. "No," Mr Doyle said. Ms Doyle added: "Never."\n'
    assert [s for s, _ in attributed(both)] == ["Mr Doyle", "Ms Doyle"]


@pytest.mark.parametrize(
    "sentence",
    [
        'Doyle was asked: "Will you close?"',
        'Asked by a reporter whether he would "shut up shop", Doyle said no.',
    ],
)
def test_the_one_asked_did_not_say_the_question(sentence):
    text = LEAD + "Ciaran Doyle runs the cafe. " + sentence + "\n"
    assert attributed(text)[0][0] is None
