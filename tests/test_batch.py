"""--batch: model calls through the OpenAI Batch API, against the loopback stub's files and
batches endpoints."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from test_run import folder_with

from pipeline.cli import cli
from pipeline.model.session import ModelSession
from pipeline.run import run_folder
from pipeline.settings import resolve_settings
from tools.stub import Reply, StubServer, article_calls, completion, requested_tool, schema_answer

pytestmark = [
    pytest.mark.block_network(allowed_hosts=["127.0.0.1"]),
    pytest.mark.usefixtures("no_backoff"),
]


def batch_settings(server, tmp_path):
    settings = resolve_settings(base_url=server.base_url)
    # as against a hosted endpoint (a tool call; loopback servers default to json_schema)
    return replace(
        settings, cache_dir=tmp_path / "cache", batch=True, batch_poll_s=0.0, answer_format="tools"
    )


def test_a_folder_goes_in_one_batch_and_the_lede_in_another(tmp_path):
    folder = folder_with(tmp_path, 3)
    with StubServer(lambda r: Reply(body=schema_answer(r))) as server:
        server.batch_polls = 2  # the client waits for the batch to complete
        with ModelSession(settings := batch_settings(server, tmp_path)) as session:
            report = run_folder(folder, session, cache_dir=settings.cache_dir)
    assert len(server.batches) == 2
    assert all(b["endpoint"] == "/v1/chat/completions" for b in server.batches)
    first = [json.loads(line) for line in server.files["file-1"].decode().splitlines()]
    assert len(first) == 3 and {line["url"] for line in first} == {"/v1/chat/completions"}
    assert article_calls(server) == 3
    assert report.usage["calls"] == 4  # three articles and the lede, each counted once
    assert [x.stats.model_calls for x in report.extractions] == [1, 1, 1]
    assert report.brief.lede_by == "model"
    quotes = {q.text: q.speaker for x in report.extractions for q in x.quotes}
    assert quotes["Nobody will comment on such rumours."] == "Mark Rutte"
    # the answers are cached: a re-run sends no batch
    with StubServer(lambda r: Reply(status=500)) as idle:
        settings = replace(settings, base_url=server.base_url)
        with ModelSession(settings) as session:
            again = run_folder(folder, session, cache_dir=settings.cache_dir)
    assert again.cached == 3 and idle.batches == []


def test_an_answer_that_fails_validation_is_reasked_in_the_next_batch(tmp_path):
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Bridge shut after storm\n\n"
        "The council shut the Tame bridge on Monday after the storm, Helen Price said.\n\n"
        "Residents gathered at the barrier through the afternoon.\n\n"
        "“It will take weeks before anyone can cross.”\n",
        encoding="utf-8",
    )
    asked = []

    def first_invented(request):
        name, _ = requested_tool(request)
        if name == "ArticleNotes":
            asked.append(request)
            if len(asked) == 1:  # a speaker the article does not name: re-asked
                answer = json.loads(schema_answer(request)["choices"][0]["message"]
                                    ["tool_calls"][0]["function"]["arguments"])  # fmt: skip
                answer = {
                    k: ("Boris Johnson" if k.startswith("Q") else v) for k, v in answer.items()
                }
                return Reply(body=completion(answer, name))
        return Reply(body=schema_answer(request, speaker="Helen Price"))

    with StubServer(first_invented) as server, ModelSession(
        batch_settings(server, tmp_path)
    ) as session:  # fmt: skip
        report = run_folder(folder, session)
    assert len(asked) == 2 and len(server.batches) >= 2
    assert "Boris Johnson" in json.dumps(asked[1]["messages"])  # the re-ask carries the answer
    [quote] = report.extractions[0].quotes
    assert quote.speaker == "Helen Price" and quote.attributed_by == "model"
    assert report.extractions[0].stats.model_calls == 2  # the question and its re-ask


def test_a_request_the_batch_could_not_answer_fails_only_its_article(tmp_path):
    folder = folder_with(tmp_path, 2)

    def one_fails(request):
        if "a dangerous turn" in request["messages"][-1]["content"]:
            return Reply(status=500, body={"error": {"message": "server overloaded"}})
        return Reply(body=schema_answer(request))

    with StubServer(one_fails) as server, ModelSession(batch_settings(server, tmp_path)) as s:
        report = run_folder(folder, s)
    [unjudged] = report.brief.unjudged
    assert unjudged.path == "1.txt" and "server overloaded" in unjudged.reason
    assert len(report.extractions[1].quotes) == 2  # the rules' quotes are kept


def test_batch_needs_an_endpoint(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    folder = folder_with(tmp_path, 1)
    assert cli([str(folder), "--batch", "-o", str(tmp_path / "b.md")]) == 2
    assert "--batch needs an endpoint" in capsys.readouterr().err


def test_batch_from_the_command_line(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSBRIEF_CACHE_DIR", str(tmp_path / "cache"))
    folder = folder_with(tmp_path, 2)
    out = tmp_path / "brief.md"
    with StubServer(lambda r: Reply(body=schema_answer(r))) as server:
        code = cli([str(folder), "--base-url", server.base_url, "--batch", "--batch-poll", "0",
                    "-o", str(out), "-q"])  # fmt: skip
    assert code == 0 and out.exists()
    assert len(server.batches) == 2 and article_calls(server) == 2


def test_a_near_copy_waits_for_its_fuller_article_and_sends_nothing(tmp_path):
    from test_copies import FULL, story

    folder = tmp_path / "copies"
    folder.mkdir()
    (folder / "full.txt").write_text(story(FULL), encoding="utf-8")
    (folder / "short.txt").write_text(story(FULL[:4] + FULL[5:]), encoding="utf-8")
    with StubServer(lambda r: Reply(body=schema_answer(r, speaker="Helen Price"))) as server:
        with ModelSession(batch_settings(server, tmp_path)) as session:
            report = run_folder(folder, session)
    assert article_calls(server) == 1  # the full story; the copy takes its answers
    assert [x.stats.model_calls for x in report.extractions] == [1, 0]
    assert len(server.batches) == 2  # the articles, then the lede
