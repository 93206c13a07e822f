"""Faults at the model edge, against a fault-injecting OpenAI-compatible stub on loopback.

Each fault is retried (transport), re-asked (validation) or reported, and a run always ends
with a brief that lists what failed.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import replace

import instructor
import openai
import pytest
from tenacity import RetryCallState, wait_none

from pipeline.cli import cli
from pipeline.errors import EndpointError, ModelError
from pipeline.extract import build_request, prepare_article
from pipeline.model.client import ModelClient, _wait
from pipeline.read import read_articles
from pipeline.settings import resolve_settings
from tools.stub import (
    Reply,
    StubServer,
    article_calls,
    completion,
    requested_tool,
    schema_answer,
)

pytestmark = [
    pytest.mark.block_network(allowed_hosts=["127.0.0.1"]),
    pytest.mark.usefixtures("no_backoff"),
]

ARTICLE = (
    "Nato chief says troops are in Kursk\n\n"
    "Mark Rutte said on Monday that North Korean troops were in Kursk.\n\n"
    "“This is a significant escalation,” Rutte said.\n\n"
    "Officials said at least 1,500 North Korean troops had arrived.\n\n"
    "“Nobody will comment on such rumours.”\n"
)


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "articles"
    path.mkdir()
    (path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return path


def request_for(folder):
    article = read_articles(folder).articles[0]
    prepared = prepare_article(article)
    return article, build_request(prepared, prepared.sentences)


def client_for(server, mode=None, **overrides):
    settings = replace(resolve_settings(base_url=server.base_url), **overrides)
    return ModelClient(settings, server.base_url, mode=mode, wait=wait_none())


def sequence(*replies):
    """A behaviour that plays ``replies`` in order, then answers validly forever."""
    queue = iter(replies)

    def behaviour(request):
        reply = next(queue, None)
        if reply is None:
            return Reply(body=schema_answer(request))
        return reply(request) if callable(reply) else reply

    return behaviour


def ask(client, request):
    return client.ask(request.response_model, request.messages, request.context)


@pytest.mark.parametrize(
    "fault",
    [
        Reply(status=429, body={"error": {"message": "slow down"}}, headers={"retry-after": "0"}),
        Reply(status=429, body={"error": {"message": "slow down"}}),
        Reply(status=500, body={"error": {"message": "boom"}}),
        Reply(status=503, body={"error": {"message": "overloaded"}}),
        Reply(reset=True),
    ],
    ids=["429-retry-after", "429", "500", "503", "connection-reset"],
)
def test_transient_faults_are_retried_then_succeed(folder, fault):
    _, request = request_for(folder)
    with StubServer(sequence(fault, fault)) as server:
        answer = ask(client_for(server), request)
        assert article_calls(server) == 3
    assert answer.Q2 == "P3"  # the candidate nearest the quote ("Officials"), as the stub answers


def test_retry_after_header_sets_the_wait():
    response = openai.RateLimitError(
        "slow", response=_response(429, {"retry-after": "7"}), body=None
    )
    state = RetryCallState(retry_object=None, fn=None, args=(), kwargs={})
    state.set_exception((type(response), response, None))
    assert _wait(state) == 7.0


def _response(status, headers):
    import httpx

    return httpx.Response(status, headers=headers, request=httpx.Request("POST", "http://x/v1"))


def test_timeouts_are_retried_once_and_then_reported(folder):
    _, request = request_for(folder)
    with StubServer(lambda r: Reply(body=schema_answer(r), delay=1.0)) as server:
        client = client_for(server, timeout_s=0.2, transport_retries=2)
        with pytest.raises(EndpointError, match=r"did not answer within 0.2 s \(--timeout\)"):
            ask(client, request)
        assert article_calls(server) == 2
        assert client.usage.calls == 2 and client.usage.failed_calls == 2


def test_a_slow_drip_reply_is_cut_off_at_the_overall_deadline(folder):
    """httpx's timeouts bound each read; a reply arriving a byte at a time must still end at
    the call's deadline, not after the whole body has dripped in."""
    import time

    _, request = request_for(folder)
    with StubServer(lambda r: Reply(body=schema_answer(r), drip=0.01)) as server:
        client = client_for(server, timeout_s=0.5, transport_retries=0)
        started = time.monotonic()
        with pytest.raises(EndpointError, match="did not answer within 0.5 s"):
            ask(client, request)
        assert time.monotonic() - started < 3  # the body alone takes several seconds


def test_a_reply_that_is_not_json_is_reported(folder):
    _, request = request_for(folder)
    with StubServer(lambda r: Reply(body="<html>bad gateway</html>")) as server:
        with pytest.raises((EndpointError, ModelError)):
            ask(client_for(server, transport_retries=1), request)


def test_a_reply_cut_off_at_the_token_limit_is_reported(folder):
    _, request = request_for(folder)

    def cut(r):
        name, _ = requested_tool(r)
        return Reply(body=completion('{"outlet": null, "key_sen', name, finish_reason="length"))

    with StubServer(cut) as server:
        with pytest.raises(ModelError, match="cut off at the token limit"):
            ask(client_for(server), request)


def test_schema_violation_on_every_attempt_is_reasked_then_reported(folder):
    _, request = request_for(folder)

    def broken(r):
        name, _ = requested_tool(r)
        return Reply(body=completion({"outlet": 3, "key_sentences": "x"}, name))

    with StubServer(broken) as server:
        with pytest.raises(ModelError, match="never gave a valid answer"):
            ask(client_for(server, max_reasks=2), request)
        assert article_calls(server) == 3  # first try and two re-asks


def test_a_speaker_outside_the_candidates_is_reasked_then_dropped_never_printed(folder, tmp_path):
    with StubServer(
        lambda r: Reply(body=schema_answer(r, speaker="Boris Johnson", stray=True))
    ) as server:
        out = tmp_path / "brief.md"
        code = cli([str(folder), "--base-url", server.base_url, "-o", str(out), "-q"])
        assert article_calls(server) == 3  # asked, re-asked twice
    assert code == 0
    markdown = out.read_text()
    assert "Boris Johnson" not in markdown
    data = json.loads(out.with_suffix(".json").read_text())
    assert data["stats"]["dropped"] >= 1
    unattributed = [g for g in data["speakers"] if g["speaker"] == "Speaker not identified"]
    assert (
        unattributed
        and unattributed[0]["quotes"][0]["text"] == "Nobody will comment on such rumours."
    )


def test_a_failing_article_is_listed_and_the_run_exits_non_zero(folder, tmp_path):
    # another article (a near-copy of a.txt would take its answers and make no call)
    (folder / "b.txt").write_text(
        "Seoul briefs allies\n\n"
        "South Korea's spy chief Cho Tae-yong briefed Nato envoys in Brussels on Friday.\n\n"
        "“We expect more deployments before winter,” he told reporters.\n",
        encoding="utf-8",
    )
    calls = itertools.count()

    def flaky(r):  # every request for the second article fails
        text = r["messages"][-1]["content"]
        next(calls)
        if "Friday" in text:
            return Reply(status=500, body={"error": {"message": "boom"}})
        return Reply(body=schema_answer(r))

    with StubServer(flaky) as server:
        out = tmp_path / "brief.md"
        code = cli(
            [str(folder), "--base-url", server.base_url, "-o", str(out), "-q", "--concurrency", "1"]
        )
    assert code == 1
    markdown = out.read_text()
    # the article was read: its rule-found facts stay, and the brief says what is missing
    assert "## Judged by rules only" in markdown and "`b.txt`: model endpoint failed" in markdown
    assert "## Not processed" not in markdown
    assert "“We expect more deployments before winter,” [S2]" in markdown  # S2 is b.txt
    assert "### Cho Tae-yong" in markdown  # its speaker, named by a cue


def test_an_unreachable_endpoint_is_one_configuration_error_before_any_article(
    folder, tmp_path, capsys
):
    import time

    from pipeline.model.embedded import free_port

    url = f"http://127.0.0.1:{free_port()}/v1"
    out = tmp_path / "brief.md"
    started = time.monotonic()
    code = cli([str(folder), "--base-url", url, "-o", str(out), "-q"])
    err = capsys.readouterr().err
    assert code == 2 and not out.exists() and not out.with_suffix(".json").exists()
    assert time.monotonic() - started < 5
    assert err.count("newsbrief:") == 1
    assert f"cannot connect to {url}" in err and "Is the server running" in err


def test_structured_outputs_keep_the_schema_out_of_the_prompt_and_are_reasked(folder):
    """The embedded model's mode: the schema goes as ``response_format`` (a grammar on the
    server), not into the prompt; the answer is the message itself; re-asks work alike."""
    _, request = request_for(folder)

    def invented(r):
        return Reply(body=schema_answer(r, speaker="Boris Johnson", stray=True))

    with StubServer(sequence(invented)) as server:
        answer = ask(client_for(server, mode=instructor.Mode.JSON_SCHEMA), request)
        first, second = server.requests
    assert answer.Q2 == "P3"  # the candidate nearest the quote ("Officials"), as the stub answers
    assert "tools" not in first and first["response_format"]["type"] == "json_schema"
    schema = first["response_format"]["json_schema"]["schema"]
    assert list(schema["properties"]) == ["Q2", "A1"]
    assert all("properties" not in m["content"] for m in first["messages"])
    assert "Boris Johnson" in second["messages"][-2]["content"]  # the rejected answer, re-asked
    assert "not one of the quote's candidates" in second["messages"][-1]["content"]


def test_structured_outputs_answer_invalid_to_the_end_is_parsed_leniently(folder):
    _, request = request_for(folder)
    with StubServer(
        lambda r: Reply(body=schema_answer(r, speaker="Boris Johnson", stray=True))
    ) as server:
        answer = ask(client_for(server, mode=instructor.Mode.JSON_SCHEMA, max_reasks=1), request)
        assert article_calls(server) == 2
    assert answer.Q2 == "none" and answer.A1 == "neutral"
    assert any("Boris Johnson" in d for d in request.context.dropped)


def test_a_model_with_async_validators_is_still_refused_on_every_call(folder):
    """The per-class memory of instructor's async-validator check keeps only passes."""
    from instructor.v2.validation.async_validators import async_field_validator
    from pydantic import BaseModel

    class Notes(BaseModel):
        outlet: str | None = None

        @async_field_validator("outlet")
        async def _check(self, value):  # pragma: no cover - never run
            return value

    _, request = request_for(folder)
    with StubServer(sequence()) as server:
        client = client_for(server)
        for _ in range(2):
            with pytest.raises(ValueError, match="async validators are not supported"):
                client.ask(Notes, request.messages, request.context)
        ask(client, request)  # an ordinary model still passes, now from memory
        ask(client, request)
        assert article_calls(server) == 2
