"""Each text paid for once: a near-copy takes the fuller article's answers for the text they
share and asks the model only about what it adds (counted with the in-process fake)."""

from __future__ import annotations

from fakes import FakeModel

from pipeline.extract import extract_copy, extract_prepared, prepare_article
from pipeline.read import Article
from pipeline.run import run_folder

# A wire story in its full form, in my own words (British house style).
FULL = [
    "Army engineers rebuild river crossing",
    "Army engineers finished a temporary bridge over the River Tame on Thursday, restoring "
    "the main route into the town after last month's floods.",
    "“We worked through three nights to get traffic moving again,” the unit's commander said.",
    "Major Helen Price told reporters the crossing would carry lorries of up to 40 tonnes.",
    "“People here have waited long enough,” she added.",
    "The council said at least 2,300 households had been cut off since the floods began.",
    "A permanent bridge is not expected before the spring, according to county engineer Tom Reyes.",
    "Shopkeepers in the high street cheered as the first lorry crossed just after noon.",
    "“It feels like the town is open for business again.”",
]


def story(paragraphs):
    return "\n\n".join(paragraphs) + "\n"


def write(folder, files):
    folder.mkdir(exist_ok=True)
    for name, paragraphs in files.items():
        (folder / name).write_text(story(paragraphs), encoding="utf-8")
    return folder


def by_speaker_answers(response_model, messages, context):
    """Every asked quote to its first candidate (the rules' guess, or the nearest person),
    every figure to the council, every actor confirms."""
    answer = {}
    for key, field in response_model.model_fields.items():
        if key.startswith("Q"):
            answer[key] = getattr(field.annotation, "__args__", ("none",))[0]
        elif key.startswith("F"):
            answer[key] = "The council"
        elif key.startswith("A"):
            answer[key] = "confirms"
    return answer


def test_a_shortened_copy_makes_no_call_and_takes_the_fuller_answers(tmp_path):
    # the copy drops two paragraphs: everything in it is in the full story
    short = [FULL[0], FULL[1], FULL[3], FULL[5], FULL[6], FULL[7], FULL[8]]
    folder = write(tmp_path / "a", {"full.txt": FULL, "short.txt": short})
    model = FakeModel(answer=by_speaker_answers)
    report = run_folder(folder, model)
    assert model.calls.count("ArticleNotes") == 1  # the full story only
    full, copy = report.extractions
    assert copy.stats.model_calls == 0 and report.brief.sources[1].duplicate_of == "S1"
    [quote] = [q for q in copy.quotes if "open for business" in q.text]
    [asked] = [q for q in full.quotes if "open for business" in q.text]
    assert asked.speaker and asked.attributed_by == "model"  # the model chose for the full one
    assert (quote.speaker, quote.attributed_by) == (asked.speaker, "model")  # and the copy took it
    assert [(f.value, f.claimant) for f in copy.figures if f.value == "2,300"] == [
        ("2,300", "The council")
    ]
    assert any("near-copy of full.txt" in note for note in copy.source.notes)


def test_a_borrowed_speaker_must_be_named_in_the_copy(tmp_path):
    # the full story names Major Helen Price before "she added"; the copy cuts that sentence
    copy = [FULL[0], FULL[1], FULL[4], FULL[5]]
    folder = write(tmp_path / "b", {"full.txt": FULL, "short.txt": copy})
    report = run_folder(folder, model := FakeModel(answer=by_speaker_answers))
    assert model.calls.count("ArticleNotes") == 1
    [quote] = [q for q in report.extractions[1].quotes if "waited long enough" in q.text]
    assert quote.speaker is None  # Price is not named in the copy: no speaker, not a guess


def test_a_lightly_edited_wire_copy_asks_only_about_the_text_it_adds(tmp_path):
    edited = [
        FULL[0],
        FULL[1].replace("on Thursday", "on Thursday morning"),  # a light edit: shared
        *FULL[2:6],
        # a stance no rule can read (the model is asked about the actor), in text the copy adds
        "“We drove in on the old road this morning,” a shop owner in the high street said.",
    ]
    folder = write(tmp_path / "c", {"full.txt": FULL, "wire.txt": edited})
    model = FakeModel(answer=by_speaker_answers)
    report = run_folder(folder, model)
    assert model.calls.count("ArticleNotes") == 2  # the full story, and the copy's own text
    asked = model.messages[1][1]["content"]
    assert "the old road this morning" in asked
    assert "three nights" not in asked and "River Tame" not in asked  # shared: not sent again
    wire = report.extractions[1]
    assert wire.stats.model_calls == 1


def test_a_reworded_quote_is_not_taken_from_the_fuller_copy():
    full = Article("S1", "full.txt", story(FULL), "1" * 64)
    reworded = [*FULL[:8], "“It feels like the whole town is open for business again.”"]
    copy = Article("S2", "copy.txt", story(reworded), "2" * 64)
    answers = extract_prepared(prepare_article(full), FakeModel(answer=by_speaker_answers))
    assert any(q.speaker for q in answers.quotes if "business" in q.text)
    model = FakeModel(answer=by_speaker_answers)
    extraction = extract_copy(prepare_article(copy), prepare_article(full), answers, model)
    # the sentence is alike (a light edit, so not asked again), but its words are not
    # verbatim in the full story: the speaker is not taken
    [quote] = [q for q in extraction.quotes if "business" in q.text]
    assert quote.speaker is None
    assert model.calls == []


def test_the_example_copy_costs_no_call(tmp_path, example):
    """examples/kursk: 000 is a shorter version of 001."""
    model = FakeModel()
    report = run_folder(example, model)
    copies = [x for x, s in zip(report.extractions, report.brief.sources, strict=True)
              if s.duplicate_of]  # fmt: skip
    assert copies and all(x.stats.model_calls == 0 for x in copies)
    assert model.calls.count("ArticleNotes") == len(report.extractions) - len(copies)


def test_a_long_copy_asks_about_its_own_text_in_parts(monkeypatch):
    monkeypatch.setattr("pipeline.extract.MAX_CHUNK_CHARS", 300)
    full = Article("S1", "full.txt", story(FULL), "1" * 64)
    own = []
    for n in range(8):  # someone named near each quote, whose "she said" the model confirms
        own += [f"Councillor Ann Vale visited street number {n} after lunch.",
                f"“Paragraph {n} of the copy's own reporting is here,” she said."]  # fmt: skip
    copy = Article("S2", "copy.txt", story([*FULL, *own]), "2" * 64)
    answers = extract_prepared(prepare_article(full), FakeModel(answer=by_speaker_answers))
    model = FakeModel(answer=by_speaker_answers)
    extract_copy(prepare_article(copy), prepare_article(full), answers, model)
    sent = [m[1]["content"] for m in model.messages]
    assert len(sent) > 1 and all("River Tame" not in text for text in sent)
    assert sum(text.count("of the copy's own reporting") for text in sent) == 8


def test_a_quote_in_the_copys_own_sentence_is_asked_about_though_its_words_are_shared():
    full = Article("S1", "full.txt", story(FULL), "1" * 64)
    answers = extract_prepared(prepare_article(full), FakeModel(answer=by_speaker_answers))
    # the copy adds a sentence quoting words of the full story's unattributed quote; being
    # its own text, it is asked about (a quote is taken only from the same sentence)
    added = "By evening the words “open for business again” were chalked on a board."
    copy = Article("S2", "copy.txt", story([*FULL, added]), "2" * 64)
    model = FakeModel()
    extraction = extract_copy(prepare_article(copy), prepare_article(full), answers, model)
    assert (
        model.calls == ["ArticleNotes"] and "chalked on a board" in model.messages[0][1]["content"]
    )
    [whole] = [q for q in extraction.quotes if q.text.startswith("It feels like")]
    [original] = [q for q in answers.quotes if q.text.startswith("It feels like")]
    assert whole.speaker == original.speaker is not None  # the shared quote is still taken
