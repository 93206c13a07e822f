"""Words without quote marks: embedded posts and interview turns (pipeline/rules/passages)."""

from __future__ import annotations

import pytest

from pipeline.extract import Labels, assemble_extraction, prepare_article, rules_only_extraction
from pipeline.read import Article, read_article
from pipeline.rules.passages import find_passages
from schemas.extraction import ExtractionStats


def extraction_of(text: str):
    prepared = prepare_article(Article(id="S1", path="a.txt", text=text, sha256="x"))
    return prepared, assemble_extraction(prepared, Labels(), ExtractionStats())


def spans(text: str) -> list[tuple[str, str, str | None]]:
    return [(p.kind, text[p.start : p.end], p.speaker) for p in find_passages(text)]


def test_a_post_and_its_credit_line():
    text = (
        "Fans react to the final\n\nSupporters took to social media within minutes.\n\n"
        "What a night. Proud of every one of them\n\n"
        "— Priya Natarajan (@priyanat) May 12, 2024\n\nThe club said it would parade on Sunday.\n"
    )
    assert spans(text) == [
        ("post", "What a night. Proud of every one of them", "Priya Natarajan"),
        ("credit", "— Priya Natarajan (@priyanat) May 12, 2024", "Priya Natarajan"),
    ]
    _, extraction = extraction_of(text)
    [quote] = extraction.quotes
    assert (quote.text, quote.speaker, quote.attributed_by) == (
        "What a night. Proud of every one of them",
        "Priya Natarajan",
        "rule",
    )
    events = " ".join(e.summary for e in extraction.events)
    assert "What a night" not in events and "@priyanat" not in events
    assert [f.value for f in extraction.figures] == []  # the credit's date is no figure


def test_instagram_style_credit():
    text = "Title\n\nThe singer shared the news.\n\nNew album out in June\n\nA post shared by Lena Ortiz (@lenaortiz)\n"
    assert ("post", "New album out in June", "Lena Ortiz") in spans(text)


def test_q_and_a_answers_go_to_the_interviewee_named_in_the_introduction():
    text = (
        "Ten minutes with a mountain guide\n\n"
        "We spoke to Tomas Ek, who has led climbs in the Alps for 20 years.\n\n"
        "Q: What is the biggest danger?\n\nA: Tiredness. People stop paying attention.\n\n"
        "Q. Would you climb alone?\n\nA. Never, and I tell my clients the same.\n"
    )
    _, extraction = extraction_of(text)
    assert [(q.text, q.speaker) for q in extraction.quotes] == [
        ("Tiredness. People stop paying attention.", "Tomas Ek"),
        ("Never, and I tell my clients the same.", "Tomas Ek"),
    ]
    events = " ".join(e.summary for e in extraction.events)
    assert "danger" not in events and "Tiredness" not in events


def test_named_turns_the_interviewer_is_who_only_asks():
    text = (
        "Interview: the harbour master\n\n"
        "Jon Hale: How bad was the storm?\n\n"
        "Marta Silva: The worst I have seen in thirty years here.\n\n"
        "Jon Hale: Will the harbour reopen?\n\n"
        "Marta Silva: On Friday, if the wind drops.\n"
    )
    _, extraction = extraction_of(text)
    assert [(q.text, q.speaker) for q in extraction.quotes] == [
        ("The worst I have seen in thirty years here.", "Marta Silva"),
        ("On Friday, if the wind drops.", "Marta Silva"),
    ]


def test_question_numbers_are_not_figures():
    text = (
        "Five questions\n\nWe asked Dr Ines Kova five questions.\n\n"
        "Question 1: Is the vaccine safe?\n\nDr Ines Kova: Yes. It was tested on 40,000 people.\n\n"
        "Question 2: When will it arrive?\n\nDr Ines Kova: In the spring.\n"
    )
    _, extraction = extraction_of(text)
    assert [(f.value, f.claimant) for f in extraction.figures] == [("40,000", "Ines Kova")]


def test_ordinary_reporting_has_no_passages():
    text = (
        "Update: road reopened\n\nPolice said the road reopened at noon.\n\n"
        "Note: the bridge stays shut.\n\nThe council said: “We are sorry for the delay.”\n"
    )
    assert find_passages(text) == []


def test_letters_after_a_name_are_not_part_of_the_speaker():
    text = (
        "Title\n\nMPs reacted online.\n\nCome and try it\n\n"
        "— Asha Rahman MP (@asharahman) March 6, 2024\n"
    )
    assert ("post", "Come and try it", "Asha Rahman") in spans(text)


def test_a_credit_closing_the_posts_own_paragraph():
    text = (
        "Title\n\nFans reacted at once.\n\n"
        "What a night for the club! pic.twitter.com/ab12 — Priya Natarajan 🏆 (@priyanat) "
        "May 12, 2024\n\nThe club will parade on Sunday.\n"
    )
    _, extraction = extraction_of(text)
    assert [(q.text, q.speaker) for q in extraction.quotes] == [
        ("What a night for the club! pic.twitter.com/ab12", "Priya Natarajan")
    ]


def test_a_quoted_post_takes_its_credit_as_speaker_once():
    text = "Title\n\nShe wrote online.\n\n“We are not going anywhere.” — Dana Holt (@danaholt)\n"
    _, extraction = extraction_of(text)
    assert [(q.text, q.speaker) for q in extraction.quotes] == [
        ("We are not going anywhere.", "Dana Holt")
    ]


def test_markdown_labels_and_answers_running_over_paragraphs():
    text = (
        "Ten minutes with a ferry captain\n\nWe spoke to Ines Lago about the winter crossings.\n\n"
        "**Q:** What is the hardest month?\n\n**A:** February. The swell never stops.\n\n"
        "The boats are old, too.\n\n**Q:** Would you change jobs?\n\n**A:** Never.\n\n"
        "This interview has been edited for length.\n"
    )
    _, extraction = extraction_of(text)
    assert [(q.text, q.speaker) for q in extraction.quotes] == [
        ("February. The swell never stops.", "Ines Lago"),
        ("The boats are old, too.", "Ines Lago"),
        ("Never.", "Ines Lago"),
    ]


def test_a_name_never_runs_on_from_the_line_before():
    from pipeline.rules.entities import resolve_person

    text = '22:40 BST\n\nAlma Reyes holds Eastport\n\n"A night for change," Reyes said.'
    assert resolve_person("Reyes", text) == ("Alma Reyes", None)


def test_labelled_statements_in_a_news_story_leave_the_reporting_between_them_alone():
    text = (
        "Leaders trade words over the summit\n\n"
        "Ana Ruiz: We will not sign a deal that hurts our farmers.\n\n"
        "The talks broke up on Friday without agreement.\n\n"
        "Tom Ede: The door remains open.\n\n"
        "Ruiz and Ede are due to meet again in May.\n"
    )
    _, extraction = extraction_of(text)
    assert [(q.text, q.speaker) for q in extraction.quotes] == [
        ("We will not sign a deal that hurts our farmers.", "Ana Ruiz"),
        ("The door remains open.", "Tom Ede"),
    ]
    assert "The talks broke up on Friday" in " ".join(e.summary for e in extraction.events)


def test_answers_in_quote_marks_after_unlabelled_questions_are_the_interviewee_s():
    text = (
        "We spoke to Rhian Marsh about the harbour.\n"
        "What comes first?\n"
        "“The silt. The channel is too shallow.”\n"
        "Fishermen say it was promised for years.\n"
        "“They are right to be fed up.”\n"
        "Will the seals mind?\n"
        "“No.”\n"
    )
    answers = [
        (text[p.start : p.end], p.speaker) for p in find_passages(text) if p.kind == "answer"
    ]
    assert answers == [
        ("“The silt. The channel is too shallow.”", "Rhian Marsh"),
        ("“They are right to be fed up.”", "Rhian Marsh"),
        ("“No.”", "Rhian Marsh"),
    ]
    # without an introduction naming the interviewee, nobody is guessed
    assert find_passages(text.replace("We spoke to Rhian Marsh", "Notes")) == []
    # one question is no interview
    one = "We spoke to Rhian Marsh.\nWhat comes first?\n“The silt.”\nShe left.\n“Bye.”\n"
    assert find_passages(one) == []


def test_an_interviewee_put_questions_to_by_title_and_reporting_between_turns():
    from pipeline.rules.passages import find_passages

    text = (
        "We put readers' questions to the Harbour Master, Ines Dalgo.\n"
        "Q: Why close the slipway?\n"
        "A: Because it is no longer safe.\n"
        "The boat club's secretary, Tom Reed, told the Post that members were angry.\n"
        "Q: When will it reopen?\n"
        "A: Not before spring.\n"
    )
    answers = [p for p in find_passages(text) if p.kind == "answer"]
    assert [text[p.start : p.end] for p in answers] == [
        "Because it is no longer safe.",
        "Not before spring.",
    ]
    assert {p.speaker for p in answers} == {"Ines Dalgo"}


def test_an_outlet_label_that_mostly_asks_is_the_interviewer():
    from pipeline.rules.passages import find_passages

    text = (
        "**Post:** Why switch the lights off?\n"
        "**Ada Moss:** Because the budget has a hole in it.\n"
        "**Post:** Walkers say they will feel less safe.\n"
        "**Moss:** I understand that.\n"
        "**Post:** Will any lights stay on?\n"
        "**Moss:** Yes, at crossings.\n"
    )
    passages = find_passages(text)
    assert {p.speaker for p in passages if p.kind == "answer"} <= {"Ada Moss", "Moss"}
    assert all(p.speaker != "Post" for p in passages if p.kind == "answer")


def test_who_spoke_to_whom_names_the_interviewee_and_the_interviewer():
    """ "<name> spoke to <name>": the subject answers; "She spoke to the <outlet>": the
    outlet's label asks even when most of its turns are statements."""
    qa = (
        "Rail boss on the timetable\n"
        "After a month of cancellations, operations director Priya Haldane spoke to Tom Reeve.\n"
        "Q: Why did the new timetable fail?\n"
        "A: We had too few drivers trained on the new routes.\n"
        "Q: Passengers want refunds.\n"
        "A: They will get them, in full.\n"
    )
    assert {p.speaker for p in find_passages(qa) if p.kind == "answer"} == {"Priya Haldane"}
    labelled = (
        "Colin Marr, chief planner at Dunmere Council, faces the committee on Monday. "
        "He spoke to the Dunmere Echo.\n"
        "**Echo:** Residents say the towers are too tall.\n"
        "**Colin Marr:** Two of them were cut by three storeys.\n"
        "**Echo:** The civic society calls the scheme a mistake.\n"
        "**Marr:** I respect them, but the town needs homes.\n"
    )
    passages = find_passages(labelled)
    assert {p.speaker for p in passages if p.kind == "answer"} == {"Colin Marr", "Marr"}
    assert {p.speaker for p in passages if p.kind == "question"} == {"Echo"}
    we = "We spoke to Ana Brook, the harbour master.\nQ: Is the pier safe?\nA: It is now.\n"
    assert {p.speaker for p in find_passages(we) if p.kind == "answer"} == {"Ana Brook"}


def test_the_interviewee_is_the_person_the_outlet_says_it_spoke_to_after_a_description():
    text = (
        "The architect on her library\n\n"
        "The council voted to clad the library in timber.\n\n"
        "We spoke to the building's architect, Tamsin Ferrow, 71, at her studio in Lisle.\n\n"
        "Q: When did you hear about the vote?\n\n"
        "A: A journalist rang me. Not the council, a journalist.\n"
    )
    answers = [(kind, who) for kind, _, who in spans(text) if kind == "answer"]
    assert answers == [("answer", "Tamsin Ferrow")]


def test_a_role_ends_before_the_honorific_standing_before_the_name():
    from pipeline.rules.entities import resolve_person

    text = "The scheme, which council leader Cllr Piet Ashman says is overdue, passed."
    assert resolve_person("Piet Ashman", text) == ("Piet Ashman", "council leader")


def test_a_parliamentary_record_gives_each_heading_its_member_and_an_office_its_holder():
    text = (
        "Legislative Chamber\n\nThursday 9 March\n\nOral Questions\n\nTransport\n\n"
        "Q4. [771203] Ruth Calloway (Hollin Moor) (Grn): If he will list his engagements.\n\n"
        "The First Minister (Owen Treharne): I had meetings with colleagues this morning.\n\n"
        "Ruth Calloway: The ferry timetable was cut without notice. Will he restore it?\n\n"
        "Hon. Members: Shame!\n\n"
        "The First Minister: The timetable is a matter for the operator. [Interruption.] "
        "I will write to the operator today.\n\n"
        "Mr Deputy Speaker: Order. Members will let the First Minister answer.\n\n"
        "Dafydd Lorne (Pentre West) (Ind): rose—\n\n"
        "Q5. Sir Miles Varney (Castleford Rise) (Con): Will the First Minister publish "
        "the operator's letter?\n\n"
        "Nia Bracegirdle: Crossings on the north route are down by a third. Who decided that?\n\n"
        "The First Minister: I will publish the letter this afternoon.\n"
    )
    found = spans(text)
    words = [(speaker, said) for kind, said, speaker in found if kind == "answer"]
    assert ("Owen Treharne", "I had meetings with colleagues this morning.") in words
    assert ("Owen Treharne", "The timetable is a matter for the operator.") in words
    assert ("Owen Treharne", "I will write to the operator today.") in words
    assert ("Ruth Calloway", "If he will list his engagements.") in words
    # a member's question in a debate is the member's own words, not an interviewer's
    assert (
        "Ruth Calloway",
        "The ferry timetable was cut without notice. Will he restore it?",
    ) in words
    assert ("Sir Miles Varney", "Will the First Minister publish the operator's letter?") in words
    # a name a heading gives once is still a member speaking
    assert any(s == "Nia Bracegirdle" for s, _ in words)
    assert not any(kind == "question" for kind, _, _ in found)
    assert ("the hon. members", "Shame!") in words  # a chorus: no one named
    assert not any("rose" in said or "Interruption" in said for _, said in words)
    _, extraction = extraction_of(text)
    shame = next(q for q in extraction.quotes if q.text == "Shame!")
    assert shame.speaker is None
    answer = next(q for q in extraction.quotes if q.text.startswith("I will publish the letter"))
    assert (answer.speaker, answer.speaker_role) == ("Owen Treharne", "First Minister")


def test_a_podcasts_timestamped_turns_a_guest_named_in_brackets_and_a_clip():
    text = (
        "The Harbour Hour, episode 40\n\n"
        "[00:01:10] HOST: Welcome back. I'm Lena Varga. Today: the ferry cuts. Is the "
        "operator to blame?\n\n"
        "[00:01:25] GUEST (Prof Amir Haddad): Partly. The contract let them cut crossings "
        "without penalty.\n\n"
        "[00:02:02] CLIP (Owen Treharne, Chamber): The timetable is a matter for the "
        "operator.\n\n"
        "[00:02:10] HOST: Is that a fair answer?\n\n"
        "[00:02:14] GUEST (Prof Amir Haddad): It is a convenient one.\n"
    )
    found = spans(text)
    assert (
        "answer",
        "Partly. The contract let them cut crossings without penalty.",
        "Prof Amir Haddad",
    ) in found
    assert ("answer", "The timetable is a matter for the operator.", "Owen Treharne") in found
    assert ("question", "Is that a fair answer?", "HOST") in found
    _, extraction = extraction_of(text)
    assert {q.speaker for q in extraction.quotes} == {"Amir Haddad", "Owen Treharne"}
    events = " ".join(e.summary for e in extraction.events)
    assert "00:0" not in events and "Welcome back" not in events


def test_a_self_introduction_inside_a_turn_is_no_part_of_the_hosts_name():
    text = (
        "The Harbour Hour\n\n"
        "Lena Varga: Welcome back. I'm Lena Varga, and with me is Amir Haddad. Amir, "
        "who is to blame?\n\n"
        "Amir Haddad: The contract, mostly.\n\n"
        "Lena Varga: Why the contract?\n\n"
        "Amir Haddad: It let the operator cut crossings without penalty.\n\n"
        "Lena Varga: Thank you. That's all for this week.\n"
    )
    _, extraction = extraction_of(text)
    assert "I'm Lena Varga" not in {q.speaker for q in extraction.quotes}
    assert "Amir Haddad" in {q.speaker for q in extraction.quotes}


def test_a_briefings_labels_in_capitals_are_the_officials_its_header_names():
    for label in ("SEN. OYELOWO", "SEN OYELOWO", "SENATOR OYELOWO", "OYELOWO"):
        text = (
            "STATE CAPITOL\nTRANSCRIPT: Sen. Adaeze Oyelowo Press Briefing on the Flooding\n"
            "Monday, 4 p.m.\n\n"
            f"{label}: Good afternoon. The river crested at noon and is now falling.\n\n"
            "COMMISSIONER DRUMMOND: Thank you, Senator. Twelve roads remain closed.\n\n"
            "UNIDENTIFIED REPORTER: Commissioner, when will they reopen?\n\n"
            "(CROSSTALK)\n\n"
            "COMMISSIONER DRUMMOND: When the engineers have checked every bridge.\n\n"
            f"{label}: Thank you, everybody.\n"
        )
        _, extraction = extraction_of(text)
        said = {(q.speaker, q.speaker_role) for q in extraction.quotes if q.speaker}
        assert ("Adaeze Oyelowo", "senator") in said, (label, said)
        assert ("Drummond", "Commissioner") in said
        assert not any(s and s.isupper() for s, _ in said)
        assert not any("CROSSTALK" in q.text for q in extraction.quotes)
        assert not any(q.speaker and "REPORTER" in q.speaker.upper() for q in extraction.quotes)


def test_a_scripts_role_label_is_someone_unnamed_and_a_role_with_a_name_is_that_person():
    text = (
        "HALDEN (KTVN) - The county board voted to shut the clinic on Friday.\n\n"
        "ANCHOR: The vote was four to one.\n\n"
        "DEFENDANT: I never hid a single invoice from anyone.\n\n"
        "SENIOR NURSE MIRA OSTLUND: We will keep treating people until the doors close.\n"
    )
    got = spans(text)
    assert ("answer", "I never hid a single invoice from anyone.", "a defendant") in got
    assert (
        "answer",
        "We will keep treating people until the doors close.",
        "Senior Nurse Mira Ostlund",
    ) in got
    assert ("report", "The vote was four to one.", None) in got
    _, extraction = extraction_of(text)
    said = {q.text[:12]: (q.speaker, q.speaker_role) for q in extraction.quotes}
    assert said["I never hid "] == (None, "a defendant")
    assert said["We will keep"] == ("Mira Ostlund", "Senior Nurse")


def test_a_label_in_capitals_that_is_no_role_and_name_stays_no_turn():
    text = (
        "HALDEN (KTVN) - The board met on Friday.\n\n"
        "ANCHOR: The vote was four to one.\n\n"
        "BREAKING NEWS: The clinic will close.\n"
    )
    assert not any(p[0] == "answer" for p in spans(text))


# --- a call's or a briefing's record: turns labelled with a name and a role ---------------

SHAREHOLDER_CALL = """# Corvale Rail – Half-Year Results Call (transcript)

**Date:** 4 March 2025, 14:30 GMT
**Participants:** Imke Dorsey (Chief Executive), Rafael Quint (Finance Director)

---

**Imke Dorsey, Chief Executive:** Good afternoon. Passenger numbers rose 6% in the half.

We are also opening two depots in the north next spring.

**Operator:** Our next question comes from Noor Haddad of Peleton Bank.

**Noor Haddad, Peleton Bank:** Thank you. Imke, will the fares review change the outlook?

**Rafael Quint, Finance Director:** Not this year. The review takes effect in 2026.

**Noor Haddad, Peleton Bank:** And the dividend?

**Rafael Quint, Finance Director:** The board will decide in September.
"""


def test_turns_labelled_with_a_name_and_a_role_are_that_speakers_quotes_in_that_role(tmp_path):
    path = tmp_path / "call.md"
    path.write_text(SHAREHOLDER_CALL, encoding="utf-8")
    article = read_article(path)
    # the header's fields are lines of their own; the date is the record's date, no text
    assert article.date == "2025-03-04"
    assert "Date: 4 March 2025, 14:30 GMT" in article.removed
    assert "\nParticipants: Imke Dorsey (Chief Executive), Rafael Quint (Finance Director)\n" in (
        article.text
    )
    extraction = rules_only_extraction(article)
    said = [(q.speaker, q.speaker_role, q.text) for q in extraction.quotes]
    assert said == [
        (
            "Imke Dorsey",
            "Chief Executive",
            "Good afternoon. Passenger numbers rose 6% in the half.",
        ),
        (
            "Imke Dorsey",
            "Chief Executive",
            "We are also opening two depots in the north next spring.",
        ),
        # an analyst's question is the analyst's words, with the body the label gives
        (
            "Noor Haddad",
            "Peleton Bank",
            "Thank you. Imke, will the fares review change the outlook?",
        ),
        ("Rafael Quint", "Finance Director", "Not this year. The review takes effect in 2026."),
        ("Noor Haddad", "Peleton Bank", "And the dividend?"),
        ("Rafael Quint", "Finance Director", "The board will decide in September."),
    ]
    # a turn of several paragraphs: the second continues the first
    first, second = extraction.quotes[:2]
    assert second.continues == first.id
    # the operator runs the call: no quotation, no reporting
    events = " ".join(e.summary for e in extraction.events)
    assert "next question" not in events
    assert "Participants" not in events and "Date:" not in events


def test_a_plain_labelled_record_with_roles_and_bodies(tmp_path):
    text = (
        "Harbour board briefing on the ferry timetable\n\n"
        "Moira Fennimore, Harbour Master: The new timetable starts on Monday. Two sailings move.\n\n"
        "Dev Anand, Fenby Gazette: Will the early sailing stay?\n\n"
        "Moira Fennimore, Harbour Master: It stays, at a quarter to six.\n"
    )
    _, extraction = extraction_of(text)
    assert [(q.speaker, q.speaker_role) for q in extraction.quotes] == [
        ("Moira Fennimore", "Harbour Master"),
        ("Dev Anand", "Fenby Gazette"),
        ("Moira Fennimore", "Harbour Master"),
    ]


def test_a_header_listing_the_participants_gives_roles_to_labels_of_a_name_alone():
    text = (
        "Library trust annual meeting (record)\n\n"
        "Speakers: Ines Carvalho (Head of Collections), Bram Oduya (Treasurer)\n\n"
        "Ines Carvalho: We lent 40,000 books this year.\n\n"
        "Bram Oduya: The trust ended the year with a small surplus.\n\n"
        "Ines Carvalho: Opening hours will not change.\n"
    )
    _, extraction = extraction_of(text)
    assert [(q.speaker, q.speaker_role) for q in extraction.quotes] == [
        ("Ines Carvalho", "Head of Collections"),
        ("Bram Oduya", "Treasurer"),
        ("Ines Carvalho", "Head of Collections"),
    ]
    events = " ".join(e.summary for e in extraction.events)
    assert "Speakers:" not in events


@pytest.mark.parametrize(
    "paragraph",
    [
        "Lena Marsh, a teacher, said: the school had not been told.",
        "Tom Brill, the mayor, told reporters: nothing would change.",
    ],
)
def test_a_name_and_an_apposition_before_a_colon_in_reporting_is_no_turn_label(paragraph):
    text = f"Schools row\n\n{paragraph}\n\n{paragraph.replace('Marsh', 'Grey').replace('Brill', 'Oake')}\n"
    assert [p for p in find_passages(text) if p.kind != "label"] == []


def test_a_live_page_s_headlines_written_as_body_colon_words_are_no_turns():
    text = (
        "Live: storm hits the coast\n\n"
        "19:40\n\nCoastguard: 12 rescued, one missing\n\n"
        "The coastguard said twelve people had been lifted from boats.\n\n"
        "19:10\n\nCouncil: 300 homes without power\n\n"
        "The council said crews were working through the night.\n"
    )
    assert [p for p in find_passages(text) if p.kind in ("answer", "label")] == []
