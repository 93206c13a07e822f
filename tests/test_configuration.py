"""What a user meets: configuration checked before any article, one message for a fault no
retry fixes, keys only where they belong, replay anywhere, nothing skipped in silence, the
usual conventions. Endpoints are loopback stubs; the interpreter is a real subprocess where
the entry point itself is under test."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.cli import cli
from pipeline.errors import ConfigError
from pipeline.settings import DUMMY_API_KEY, resolve_settings
from tools.stub import Reply, StubServer, requested_tool, schema_answer

pytestmark = [
    pytest.mark.block_network(allowed_hosts=["127.0.0.1"]),
    pytest.mark.usefixtures("no_backoff"),
]

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = (
    "Council approves the bridge\n\n"
    "The city council approved the new bridge on Tuesday, its chair Ana Silva said.\n\n"
    "“This bridge will carry 20,000 people a day,” Silva said.\n\n"
    "Officials said about 300 workers had built it.\n\n"
    "“Nobody asked the residents.”\n"
)

# The same story in another outlet's words (not a near-copy, and with a quote whose speaker
# only the model can settle: each article costs a call).
OTHER_OUTLET = (
    "Bridge gets the go-ahead\n\n"
    "Councillors voted on Tuesday to approve a new river bridge, chair Ana Silva announced.\n\n"
    "“It is the best day this town has had in years,” she told reporters.\n\n"
    "About 300 workers are expected to finish it by the spring, planners said.\n"
)


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "articles"
    path.mkdir()
    (path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (path / "b.txt").write_text(OTHER_OUTLET, encoding="utf-8")
    return path


def answering(request):
    """Each quote the model is asked about to Ana Silva, chosen by her candidate id."""
    people = re.search(r"^(P\d+): Ana Silva", request["messages"][-1]["content"], re.M)
    return Reply(body=schema_answer(request, speaker=people.group(1) if people else "none"))


def run(argv, capsys):
    code = cli([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.err


# 1. Errors are never hidden


def test_quiet_hides_progress_never_an_error(tmp_path, capsys):
    code, err = run([tmp_path / "nowhere", "-q", "--no-model"], capsys)
    assert code == 2 and "does not exist" in err


# 2. Fail fast on configuration, before any article is read


@pytest.mark.parametrize(
    "url",
    ["localhost:11434/v1", "htp://127.0.0.1:9/v1", "127.0.0.1:9"],
    ids=["no-scheme", "misspelt-scheme", "host-and-port"],
)
def test_a_url_that_is_not_http_is_a_configuration_error_at_once(folder, tmp_path, capsys, url):
    started = time.monotonic()
    code, err = run([folder, "--base-url", url, "-o", tmp_path / "b.md", "-q"], capsys)
    assert code == 2 and time.monotonic() - started < 2
    assert f"--base-url '{url}' is not an http(s) URL" in err and "http://localhost:11434/v1" in err
    assert not (tmp_path / "b.md").exists()


def test_a_url_from_the_environment_is_named_as_such(monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", "localhost:8080")
    with pytest.raises(ConfigError, match="OPENAI_BASE_URL 'localhost:8080'"):
        resolve_settings()


def test_a_model_the_server_does_not_serve_is_named_with_those_it_does(folder, tmp_path, capsys):
    with StubServer(answering, models=("qwen2.5:7b", "llama3.1:8b")) as server:
        code, err = run([folder, "--base-url", server.base_url, "-o", tmp_path / "b.md"], capsys)
        assert server.requests == []
    assert code == 2
    assert "does not serve the model 'gpt-4o-mini' (the default for an endpoint)" in err
    assert "qwen2.5:7b, llama3.1:8b" in err and "--model/-m" in err


def test_a_server_that_serves_any_name_is_not_refused(folder, tmp_path, capsys):
    """llama.cpp lists one model and answers under any name: the check asks it once."""
    with StubServer(answering, models=("/models/x.gguf",), any_model=True) as server:
        code, _ = run([folder, "--base-url", server.base_url, "-o", tmp_path / "b.md"], capsys)
    assert code == 0


def test_a_url_missing_v1_is_found_and_the_right_one_suggested(folder, tmp_path, capsys):
    with StubServer(answering) as server:
        bare = server.base_url.removesuffix("/v1")
        code, err = run([folder, "--base-url", bare, "-o", tmp_path / "b.md"], capsys)
    assert code == 2 and f"try --base-url {bare}/v1" in err


def test_an_output_path_that_is_a_folder_stops_before_any_model_work(folder, tmp_path, capsys):
    with StubServer(answering) as server:
        code, err = run([folder, "--base-url", server.base_url, "-o", tmp_path], capsys)
        assert server.requests == []
    assert code == 2 and f"-o {tmp_path} is a folder" in err


def test_an_output_path_that_cannot_be_written_stops_before_any_model_work(
    folder, tmp_path, capsys
):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with StubServer(answering) as server:
        code, err = run(
            [folder, "--base-url", server.base_url, "-o", blocker / "out" / "b.md"], capsys
        )
        assert server.requests == []
    assert code == 2 and "is a file, not a folder" in err and "-o" in err


# 3. A configuration error is one error; other failures are told apart


def test_a_404_mid_run_stops_at_the_first_call_with_one_message(folder, tmp_path, capsys):
    def gone(request):
        return Reply(status=404, body={"error": {"message": "model not found"}})

    with StubServer(gone) as server:
        code, err = run(
            [folder, "--base-url", server.base_url, "-o", tmp_path / "b.md", "--concurrency", "1"],
            capsys,
        )
        assert len(server.requests) == 1
    assert code == 2 and err.count("newsbrief:") == 2  # the banner, then one error
    assert "HTTP 404" in err and "--model/-m" in err and not (tmp_path / "b.md").exists()


def test_a_server_without_tool_support_is_told_which_answer_format_to_try(folder, tmp_path, capsys):
    def no_tools(request):
        message = "registry.ollama.ai/library/gemma:2b does not support tools"
        return Reply(status=400, body={"error": {"message": message}})

    with StubServer(no_tools) as server:
        code, err = run(
            [
                folder,
                "--base-url",
                server.base_url,
                "--answer-format",
                "tools",
                "-o",
                tmp_path / "b.md",
            ],  # fmt: skip
            capsys,
        )
    assert code == 2 and "--answer-format json_schema" in err and "does not support tools" in err


@pytest.mark.parametrize("answer_format", ["tools", "json_schema", "json"])
def test_each_answer_format_reaches_the_server_as_its_mode_and_gives_a_brief(
    folder, tmp_path, capsys, answer_format
):
    with StubServer(answering) as server:
        out = tmp_path / "b.md"
        code, _ = run(
            [folder, "--base-url", server.base_url, "--answer-format", answer_format, "-o", out],
            capsys,
        )
        first = server.requests[0]
    assert code == 0
    sent = (
        "tools"
        if first.get("tools")
        else "json_schema"
        if first["response_format"]["type"] == "json_schema"
        else "json"
    )
    assert sent == answer_format
    data = json.loads(out.with_suffix(".json").read_text())
    speakers = {q["text"]: g["speaker"] for g in data["speakers"] for q in g["quotes"]}
    assert speakers["Nobody asked the residents."] == "Ana Silva"


def test_a_400_is_a_rejected_request_not_a_server_that_kept_failing(folder, tmp_path, capsys):
    def too_long(request):
        return Reply(status=400, body={"error": {"message": "context length exceeded"}})

    with StubServer(too_long) as server:
        out = tmp_path / "b.md"
        code, err = run([folder, "--base-url", server.base_url, "-o", out], capsys)
        assert article_requests(server) == 2  # one per article: a 400 is not retried
    assert code == 1
    assert "rejected the request (HTTP 400): context length exceeded" in out.read_text()
    assert "kept failing" not in err + out.read_text()


def article_requests(server):
    return sum(1 for r in server.requests if requested_tool(r)[0] == "ArticleNotes")


def test_model_calls_count_the_failed_ones_and_the_json_agrees_with_the_summary(
    folder, tmp_path, capsys
):
    failures = iter([Reply(status=503, body={"error": {"message": "busy"}})] * 2)

    def flaky(request):
        return next(failures, None) or answering(request)

    with StubServer(flaky) as server:
        out = tmp_path / "b.md"
        code, err = run(
            [folder, "--base-url", server.base_url, "-o", out, "--concurrency", "1"], capsys
        )
        made = len(server.requests)
    data = json.loads(out.with_suffix(".json").read_text())
    assert code == 0
    assert f"{made} model calls (2 failed)" in err
    assert data["stats"]["model_calls"] == made  # two articles, two retries, the lede


# 4. A key goes only where it belongs


def test_openai_key_is_sent_to_its_own_base_url_but_never_to_a_typed_one():
    env = {"OPENAI_API_KEY": "sk-openai-0123456789", "OPENAI_BASE_URL": "http://proxy:8080/v1"}
    beside = resolve_settings(env=env)
    assert (beside.api_key, beside.key_source) == ("sk-openai-0123456789", "OPENAI_API_KEY")
    typed = resolve_settings(base_url="http://localhost:11434/v1", env=env)
    assert (typed.api_key, typed.key_source) == (DUMMY_API_KEY, None)
    same = resolve_settings(base_url="http://proxy:8080/v1/", env=env)
    assert same.api_key == "sk-openai-0123456789"
    openai = resolve_settings(base_url="https://api.openai.com/v1", env=env)
    assert openai.api_key == "sk-openai-0123456789"
    own = resolve_settings(
        base_url="http://localhost:11434/v1", env={**env, "NEWSBRIEF_API_KEY": "sk-mine-01234567"}
    )
    assert (own.api_key, own.key_source) == ("sk-mine-01234567", "NEWSBRIEF_API_KEY")
    flag = resolve_settings(base_url="http://x:1/v1", api_key="sk-flag-01234567", env=env)
    assert (flag.api_key, flag.key_source) == ("sk-flag-01234567", "--api-key")
    assert resolve_settings(env={"OPENAI_API_KEY": "sk-x-0123456789"}).api_key == DUMMY_API_KEY


def test_a_typed_base_url_gets_no_openai_key_and_the_message_says_how_to_give_one(
    folder, tmp_path, capsys, monkeypatch
):
    secret = "sk-openai-0123456789abcdef"
    monkeypatch.setenv("OPENAI_API_KEY", secret)
    with StubServer(answering, key=secret) as server:  # would accept the OpenAI key
        code, err = run([folder, "--base-url", server.base_url, "-o", tmp_path / "b.md"], capsys)
    assert code == 2 and "no key was sent" in err and "NEWSBRIEF_API_KEY or --api-key" in err
    assert secret not in err


# 5. Replay anywhere


def test_replay_ignores_the_shells_endpoint_model_and_key(example, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/api")
    monkeypatch.setenv("NEWSBRIEF_MODEL", "some-other-model")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-shell-0123456789")
    out = tmp_path / "b.md"
    code, err = run([example, "--replay", "cassettes/examples/kursk.yaml", "-o", out], capsys)
    assert code == 0, err
    assert "qwen2.5-coder-1.5b-instruct-q4_k_m" in err
    assert json.loads(out.with_suffix(".json").read_text())["lede_by"] == "model"


def test_a_cassette_recorded_against_an_endpoint_replays_with_only_replay(
    folder, tmp_path, capsys, monkeypatch
):
    cassette = tmp_path / "run.yaml"
    with StubServer(answering, models=("qwen2.5:7b",)) as server:
        code, _ = run(
            [
                folder,
                "--base-url",
                server.base_url,
                "-m",
                "qwen2.5:7b",
                "--answer-format",
                "tools",
                "--record",
                cassette,
                "-o",
                tmp_path / "live.md",
            ],  # fmt: skip
            capsys,
        )
    assert code == 0
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/elsewhere/v1")
    code, err = run([folder, "--replay", cassette, "-o", tmp_path / "again.md"], capsys)
    assert code == 0, err
    assert (tmp_path / "again.md").read_text() == (tmp_path / "live.md").read_text()


# 7. Nothing skipped in silence


def test_files_not_read_are_listed_with_the_reason(folder, tmp_path, capsys):
    (folder / "report.pdf").write_bytes(b"%PDF-1.4")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    (folder / "data.csv").write_text("a,b\n")
    (folder / ".drafts").mkdir()
    (folder / ".drafts" / "c.txt").write_text(ARTICLE)
    code, err = run([folder, "--no-model", "-o", tmp_path / "b.md"], capsys)
    assert code == 0
    assert "skipped: report.pdf: PDF is not read; save its text as .txt" in err
    assert "skipped: notes.docx: Word files are not read" in err
    assert "skipped: data.csv: not an article format" in err
    assert "skipped: .drafts: hidden folder; not read" in err and "c.txt" not in err


def test_verbose_shows_each_call_and_what_validation_rejected(folder, tmp_path, capsys):
    def invented(request):
        return Reply(body=schema_answer(request, speaker="Boris Johnson", stray=True))

    with StubServer(invented) as server:
        code, err = run(
            [folder, "--base-url", server.base_url, "-o", tmp_path / "b.md", "-v"], capsys
        )
    assert code == 0
    assert err.count("model call: gpt-4o-mini") == len(server.requests)
    assert "a.txt: validation rejected" in err and "Boris Johnson" in err


# 8. Conventions


def test_version_short_model_flag_and_help(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli(["--version"])
    assert exit_.value.code == 0 and capsys.readouterr().out.startswith("newsbrief ")
    with pytest.raises(SystemExit):
        cli(["--help"])
    help_text = capsys.readouterr().out
    for needle in ("-m MODEL, --model MODEL", "NEWSBRIEF_CACHE_DIR", "XDG_CACHE_HOME",
                   "--clear-cache", "130", "--timeout", "--retries", "--answer-format"):  # fmt: skip
        assert needle in help_text, needle


def test_python_dash_m_newsbrief_runs(folder, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI", "NEWSBRIEF"))}
    env["NEWSBRIEF_CACHE_DIR"] = str(tmp_path / "cache")
    result = subprocess.run(
        [sys.executable, "-m", "newsbrief", str(folder), "--no-model", "-o", str(tmp_path / "b.md")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "b.md").read_text().startswith("# ")


def test_clear_cache_removes_stored_results(folder, tmp_path, capsys):
    with StubServer(answering) as server:
        assert run([folder, "--base-url", server.base_url, "-o", tmp_path / "b.md"], capsys)[0] == 0
        stored = list((tmp_path / "cache" / "extractions").glob("*.json"))
        assert len(stored) == 3  # two articles and the lede
        code, err = run(["--clear-cache"], capsys)
        assert code == 0 and "removed 3 stored results" in err
        assert not (tmp_path / "cache" / "extractions").exists()
        before = len(server.requests)
        assert run([folder, "--base-url", server.base_url, "-o", tmp_path / "b.md"], capsys)[0] == 0
        assert len(server.requests) == before + 3  # made afresh


def test_timeout_and_retries_are_options(folder, tmp_path, capsys):
    with StubServer(lambda r: Reply(status=503, body={"error": {"message": "busy"}})) as server:
        code, _ = run(
            [
                folder,
                "--base-url",
                server.base_url,
                "-o",
                tmp_path / "b.md",
                "--retries",
                "1",
                "--timeout",
                "5",
                "--concurrency",
                "1",
            ],  # fmt: skip
            capsys,
        )
        assert article_requests(server) == 4  # two articles, each tried twice
    assert code == 1
    settings = resolve_settings(timeout_s=5, retries=1, env={})
    assert (settings.timeout_s, settings.transport_retries) == (5.0, 1)
    with pytest.raises(ConfigError, match="--timeout"):
        resolve_settings(timeout_s=0, env={})


def test_a_message_of_several_lines_keeps_its_lines(tmp_path, capsys):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("")
    (folder / "b.pdf").write_bytes(b"%PDF-1.4")
    code, err = run([folder, "--no-model", "-q"], capsys)
    assert code == 2
    assert "\n  a.txt: empty file" in err and "\n  b.pdf: PDF is not read" in err
    assert "\\n" not in err
