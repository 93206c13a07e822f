"""The command line end to end, with model calls replayed from the recorded example run."""

from __future__ import annotations

import json

import pytest

from pipeline.cli import cli
from pipeline.read import read_articles
from pipeline.render import escape_md

CASSETTE = "cassettes/examples/kursk.yaml"


@pytest.fixture
def replayed(tmp_path, example, monkeypatch):
    monkeypatch.chdir(example.parent.parent)
    out = tmp_path / "brief.md"
    code = cli([str(example), "--replay", CASSETTE, "-o", str(out), "-q"])
    return code, out.read_text(encoding="utf-8"), json.loads((tmp_path / "brief.json").read_text())


def test_example_brief_lists_every_source(replayed, example):
    code, markdown, data = replayed
    assert code == 0
    for path in sorted(p.name for p in example.iterdir()):
        assert f"`{path}`" in markdown
    assert [s["id"] for s in data["sources"]] == ["S1", "S2", "S3", "S4", "S5"]


def test_every_quote_in_the_brief_is_verbatim_in_each_source_it_cites(replayed, example):
    _, markdown, data = replayed
    texts = {a.id: a.text for a in read_articles(example).articles}
    quotes = [q for group in data["speakers"] for q in group["quotes"]]
    assert len(quotes) >= 50
    for quote in quotes:
        for source in quote["sources"]:
            assert quote["text"] in texts[source], (quote["text"], source)
        for variant in quote["variants"]:
            for source in variant["sources"]:
                assert variant["text"] in texts[source], (variant["text"], source)
        if quote["listed"]:  # fragments and a speaker's less carried quotes: JSON only
            assert f"“{escape_md(quote['text'])}”" in markdown
    # every speaker is in the Markdown, whatever the length budget: with a quote, or named
    # among those also quoted (their words in the JSON)
    also = markdown.split("*Also quoted (in the JSON):*")[-1].split("\n")[0]
    for group in data["speakers"]:
        assert (
            any(q["listed"] for q in group["quotes"] if not q["minor"])
            or all(q["minor"] for q in group["quotes"])
            or not group["attributed"]
            or escape_md(group["speaker"]) in also
        ), group["speaker"]


def test_no_speaker_role_or_stance_actor_holds_markup_or_a_verb_phrase(replayed, example):
    """Every printed speaker and stance actor is grounded in a source it cites (a person or
    body named as such, no prompt markup, no clause), every role short."""
    from pipeline.rules.grounding import clean_role, speaker_problem

    _, markdown, data = replayed
    texts = {a.id: a.text for a in read_articles(example).articles}
    for group in [g for g in data["speakers"] if g["attributed"]]:
        sources = {s for q in group["quotes"] for s in q["sources"]}
        assert any(speaker_problem(group["speaker"], texts[s]) is None for s in sources), group
        if group["role"]:
            assert clean_role(group["role"]) == group["role"], group["role"]
    for row in data["stances"]:
        assert any(speaker_problem(row["actor"], texts[s]) is None for s in row["sources"])
        assert row["target"] == data["stance_target"]
    assert "(Q" not in markdown and "(P" not in markdown


def test_differing_troop_counts_are_flagged(replayed):
    _, markdown, data = replayed
    figure_differences = [d for d in data["differences"] if d["kind"] == "figures"]
    troops = [d for d in figure_differences if "1,500" in d["description"]]
    assert troops, figure_differences
    assert "10,000" in troops[0]["description"] or "3,000" in troops[0]["description"]
    assert "## Where sources differ" in markdown


def test_near_duplicate_pair_is_recognised(replayed):
    _, markdown, data = replayed
    duplicates = {s["id"]: s["duplicate_of"] for s in data["sources"] if s["duplicate_of"]}
    assert duplicates == {"S1": "S2"}
    assert "near-copy of S2, counted once" in markdown


def test_missing_cassette_fails_loudly(tmp_path, example, capsys):
    code = cli(
        [str(example), "--replay", str(tmp_path / "none.yaml"), "-o", str(tmp_path / "b.md")]
    )
    assert code == 2
    assert "No cassette at" in capsys.readouterr().err
    assert not (tmp_path / "b.md").exists()


def test_cassette_that_does_not_match_the_articles_fails_loudly(
    tmp_path, example, capsys, monkeypatch
):
    monkeypatch.chdir(example.parent.parent)
    folder = tmp_path / "articles"
    folder.mkdir()
    text = (example / "000_3b5266f5af1c6cdf.txt").read_text(encoding="utf-8")
    (folder / "a.txt").write_text(text.replace("Monday", "Tuesday"), encoding="utf-8")
    code = cli([str(folder), "--replay", CASSETTE, "-o", str(tmp_path / "b.md")])
    assert code == 2
    assert "no recorded answer" in capsys.readouterr().err


def test_bad_folder_is_a_clean_error(tmp_path, capsys):
    assert cli([str(tmp_path / "missing"), "-o", str(tmp_path / "b.md")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_the_model_client_is_imported_only_when_a_model_is_called():
    """A re-run served from the cache starts fast: openai, instructor and vcr take about a
    second to import, and are imported only once an article needs the model."""
    import subprocess
    import sys

    code = (
        "import sys, pipeline.cli; "
        "print(sorted(m for m in ('openai', 'instructor', 'vcr') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_several_story_folders_make_one_brief_each_in_one_model_session(
    tmp_path, monkeypatch, capsys
):
    from pathlib import Path

    import pipeline.cli as cli_module

    stories = Path(__file__).parent / "stories"
    sessions = []
    real = cli_module.ModelSession

    def counted(*args, **kwargs):
        sessions.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(cli_module, "ModelSession", counted)
    out = tmp_path / "briefs"
    folders = [stories / "bus-strike", stories / "voter-rolls"]
    assert cli([*map(str, folders), "--no-model", "-o", str(out), "-q"]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "bus-strike.json", "bus-strike.md", "voter-rolls.json", "voter-rolls.md",
    ]  # fmt: skip
    assert len(sessions) == 1
    bus = json.loads((out / "bus-strike.json").read_text(encoding="utf-8"))
    voter = json.loads((out / "voter-rolls.json").read_text(encoding="utf-8"))
    assert bus["title"] != voter["title"]


def test_an_output_ending_in_a_separator_is_a_directory_also_for_one_folder(tmp_path):
    from pathlib import Path

    story = Path(__file__).parent / "stories" / "bus-strike"
    out = tmp_path / "briefs"  # not there yet: made, not written as a file
    assert cli([str(story), "--no-model", "-o", f"{out}/", "-q"]) == 0
    assert out.is_dir()
    assert sorted(p.name for p in out.iterdir()) == ["bus-strike.json", "bus-strike.md"]


def test_several_folders_need_an_output_directory(tmp_path, capsys):
    stories = [str(tmp_path / "a"), str(tmp_path / "b")]
    assert cli([*stories, "--no-model"]) == 2
    assert "give -o DIRECTORY" in capsys.readouterr().err
    assert cli([*stories, "--no-model", "-o", str(tmp_path / "x.md")]) == 2
