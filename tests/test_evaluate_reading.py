"""The reading corpus (tests/reading): no reporting lost, no furniture kept, encodings right."""

from __future__ import annotations

import json

from tools.evaluate_reading import CORPUS, evaluate, main, score_file


def test_the_corpus_has_at_least_25_files_in_many_shapes():
    scores = evaluate(CORPUS)
    assert len(scores) >= 25
    assert len({s.kind for s in scores}) >= 25


def test_no_reporting_is_lost_and_no_furniture_kept_on_the_corpus(capsys):
    scores = evaluate(CORPUS)
    assert sum(s.lost for s in scores) == 0, [s.problems for s in scores if s.lost]
    assert sum(s.kept for s in scores) == 0, [s.problems for s in scores if s.kept]
    assert [s.name for s in scores if not s.ok] == []
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "0 characters of reporting lost, 0 furniture lines kept" in out


def test_mojibake_files_are_repaired_and_clean_files_are_not():
    repaired = {s.name for s in evaluate(CORPUS) if s.repaired}
    assert repaired == {"mojibake-cp1252.txt", "mojibake-latin1.txt"}


def test_the_evaluation_counts_what_a_reader_loses(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Title\n\nKept line of reporting.\n\nSign up now\n", encoding="utf-8")
    expect = {"survive": ["Kept line of reporting.", "A line that is not there."], "gone": []}
    score = score_file(article, expect)
    assert score.lost == len("A line that is not there.")
    expect = {"gone": ["Kept line of reporting.", "Sign up now"]}
    score = score_file(article, expect)
    assert (score.lost, score.kept) == (0, 1)
    (tmp_path / "a.expect.json").write_text(json.dumps(expect), encoding="utf-8")
    assert main([str(tmp_path)]) == 1
