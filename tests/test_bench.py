"""The benchmark's reading of llama.cpp's log, its record of calls and re-asks, and the floor
arithmetic, on a log captured from the embedded server (no model is run)."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from pydantic import BaseModel, ValidationError

from bench.calls import (
    CallRecord,
    CallRecorder,
    floor_seconds,
    server_calls,
    server_requests,
    story_figures,
)

# From the embedded server's log (llama-cpp-python's server over llama.cpp), four requests.
LOG = """\
INFO:     Uvicorn running on http://127.0.0.1:42731 (Press CTRL+C to quit)
INFO:     127.0.0.1:44390 - "GET /v1/models HTTP/1.1" 200 OK
llama_perf_context_print:        load time =       1.07 ms
llama_perf_context_print: prompt eval time =   21598.50 ms /  1997 tokens (   10.82 ms per token,    92.46 tokens per second)
llama_perf_context_print:        eval time =    8606.01 ms /   135 runs   (   63.75 ms per token,    15.69 tokens per second)
llama_perf_context_print:       total time =   42109.60 ms /  2132 tokens
llama_perf_context_print:    graphs reused =        133
INFO:     127.0.0.1:44392 - "POST /v1/chat/completions HTTP/1.1" 200 OK
Llama.generate: 406 prefix-match hit, remaining 1911 prompt tokens to eval
llama_perf_context_print:        load time =       1.07 ms
llama_perf_context_print: prompt eval time =   27340.38 ms /  1911 tokens (   14.31 ms per token,    69.90 tokens per second)
llama_perf_context_print:        eval time =   16066.48 ms /   239 runs   (   67.22 ms per token,    14.88 tokens per second)
llama_perf_context_print:       total time =   47817.71 ms /  2150 tokens
INFO:     127.0.0.1:44392 - "POST /v1/chat/completions HTTP/1.1" 200 OK
Llama.generate: 2310 prefix-match hit, remaining 1542 prompt tokens to eval
llama_perf_context_print: prompt eval time =   21521.65 ms /  1542 tokens (   13.96 ms per token,    71.65 tokens per second)
llama_perf_context_print:        eval time =    9978.10 ms /   157 runs   (   63.55 ms per token,    15.73 tokens per second)
llama_perf_context_print:       total time =   33681.06 ms /  1699 tokens
INFO:     127.0.0.1:44392 - "POST /v1/chat/completions HTTP/1.1" 200 OK
Llama.generate: 406 prefix-match hit, remaining 949 prompt tokens to eval
llama_perf_context_print: prompt eval time =   12067.35 ms /   949 tokens (   12.72 ms per token,    78.64 tokens per second)
llama_perf_context_print:        eval time =    4978.93 ms /    87 runs   (   57.23 ms per token,    17.47 tokens per second)
llama_perf_context_print:       total time =   18284.28 ms /  1036 tokens
INFO:     127.0.0.1:44392 - "POST /v1/chat/completions HTTP/1.1" 200 OK
"""

# llama.cpp's own server words the same timings with "tokens" for what it generated.
LLAMA_SERVER_LOG = """\
prompt eval time =     120.50 ms /    24 tokens (    5.02 ms per token,   199.17 tokens per second)
       eval time =    1000.00 ms /    32 tokens (   31.25 ms per token,    32.00 tokens per second)
      total time =    1120.50 ms /    56 tokens
"""


def test_server_calls_read_each_request_of_the_log():
    calls = server_calls(LOG)
    assert [(c.reused, c.evaluated, c.generated) for c in calls] == [
        (0, 1997, 135),
        (406, 1911, 239),
        (2310, 1542, 157),
        (406, 949, 87),
    ]
    assert calls[1].prompt_ms == 27340.38 and calls[1].generation_ms == 16066.48
    # the speeds are the log's own, to its rounding
    assert calls[0].prompt_speed == pytest.approx(92.46, abs=0.01)
    assert calls[0].generation_speed == pytest.approx(15.69, abs=0.01)
    assert calls[3].generation_speed == pytest.approx(17.47, abs=0.01)
    assert server_requests(LOG) == [(0, 1997), (406, 1911), (2310, 1542), (406, 949)]


def test_server_calls_read_llama_servers_own_wording():
    (call,) = server_calls(LLAMA_SERVER_LOG)
    assert (call.reused, call.evaluated, call.generated) == (0, 24, 32)
    assert call.generation_speed == pytest.approx(32.0)
    assert call.prompt_speed == pytest.approx(24 / 0.1205)


def test_a_log_without_requests_has_no_calls():
    assert server_calls("INFO:     Started server process [1]\n") == []
    assert server_calls("") == []


class _Answer(BaseModel):
    key_sentences: list[int]


def _usage(prompt: int, completion: int):
    return SimpleNamespace(
        usage=SimpleNamespace(prompt_tokens=prompt, completion_tokens=completion)
    )


class _Client:
    """Stands for instructor's client: keeps the handlers ``on`` is given."""

    def __init__(self):
        self.handlers = {}

    def on(self, hook, handler):
        self.handlers[hook] = handler


def test_the_recorder_tells_first_questions_from_re_asks_and_why():
    client = _Client()
    recorder = CallRecorder(story="kursk")
    recorder.attach(client)
    asked, answered, rejected = (
        client.handlers[h] for h in ("completion:kwargs", "completion:response", "parse:error")
    )
    system = {"role": "system", "content": "instructions"}
    first = [system, {"role": "user", "content": "article one"}]
    asked(model="m", messages=first)
    answered(_usage(2000, 136))
    with pytest.raises(ValidationError) as error:
        _Answer.model_validate({"key_sentences": "none"})
    rejected(error.value, attempt_number=1, max_attempts=3, is_last_attempt=False)
    # instructor's re-ask: the same messages, then the answer and its error
    asked(model="m", messages=[*first, {"role": "assistant"}, {"role": "user", "content": "fix"}])
    answered(_usage(2250, 240))
    recorder.finished("001.txt")
    asked(model="m", messages=[system, {"role": "user", "content": "article two"}])
    answered(_usage(1600, 158))
    recorder.finished("")  # the start of a round says nothing
    recorder.finished("002.txt")
    asked(model="m", messages=[{"role": "user", "content": "lede"}])
    answered(_usage(1000, 88))
    recorder.close_story()
    calls = recorder.calls
    assert [c.article for c in calls] == ["001.txt", "001.txt", "002.txt", "lede"]
    assert [c.completion_tokens for c in calls] == [136, 240, 158, 88]
    assert calls[0].reask is None and calls[2].reask is None and calls[3].reask is None
    assert "key_sentences" in calls[1].reask and "valid list" in calls[1].reask
    assert calls[0].rejected == calls[1].reask
    assert all(c.story == "kursk" for c in calls)


def test_story_figures_and_the_floor_from_the_log():
    server = server_calls(LOG)
    records = [
        CallRecord(completion_tokens=136),
        CallRecord(completion_tokens=240, reask="key_sentences: not a list"),
        CallRecord(completion_tokens=158),
        CallRecord(completion_tokens=88),
    ]
    figures = story_figures(records, server, unique_tokens=5000)
    assert (figures.calls, figures.reasks) == (4, 1)
    assert figures.evaluated == 1997 + 1911 + 1542 + 949
    assert figures.reused == 406 + 2310 + 406
    assert figures.completion_tokens == 622
    assert figures.answer_tokens == 136 + 158 + 88  # the re-ask's answer is not needed
    prompt_speed = 6399 / ((21598.50 + 27340.38 + 21521.65 + 12067.35) / 1000)
    generation_speed = 618 / ((8606.01 + 16066.48 + 9978.10 + 4978.93) / 1000)
    assert figures.prompt_speed == pytest.approx(prompt_speed)
    assert figures.generation_speed == pytest.approx(generation_speed)
    # about 77.5 tokens/s and 15.6 tokens/s: 64.5 s + 24.5 s
    floor = 5000 / prompt_speed + 382 / generation_speed
    assert figures.floor_s == pytest.approx(floor)
    assert 88 < figures.floor_s < 90
    assert figures.evaluated_per_unique == pytest.approx(6399 / 5000)
    assert figures.wall_per_floor(2 * floor) == pytest.approx(2.0)


def test_no_floor_without_both_speeds():
    assert floor_seconds(1000, None, 100, 30.0) is None
    assert floor_seconds(1000, 200.0, 100, None) is None
    assert floor_seconds(1000, 200.0, 90, 30.0) == pytest.approx(8.0)
    empty = story_figures([], [], unique_tokens=0)
    assert empty.floor_s is None and empty.evaluated_per_unique is None
    assert empty.wall_per_floor(10.0) is None


def test_part_one_runs_on_stories_in_one_session(tmp_path, example, monkeypatch, capsys):
    """Part 1's whole path with the example's recorded answers (no model) and a captured
    server log: a row per call, a row per story, the floor from the log's speeds."""
    import bench.__main__ as bench
    from pipeline.settings import resolve_settings

    monkeypatch.chdir(example.parent.parent)
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "embedded-server.log").write_text(LOG, encoding="utf-8")
    monkeypatch.setattr(bench, "article_tokens", lambda texts: [1000] * len(texts))
    settings = resolve_settings()
    settings = type(settings)(**{**settings.__dict__, "cache_dir": cache})
    result = bench.bench_embedded(
        settings, [example], replay=example.parent.parent / "cassettes/examples/kursk.yaml"
    )
    out = capsys.readouterr().out
    report, articles, labels = result
    assert len(articles) == 5 and report.brief.sources
    rows = [line for line in out.splitlines() if line.startswith("kursk ")]
    calls = int(report.usage["calls"])
    # one row per call (paired with the log's four requests), then the story's own row
    assert len(rows) == min(calls, 4) + 1
    assert "paired in order" in out or calls == 4
    story = rows[-1].split()
    assert story[1] == "5"  # articles
    # five articles of 1,000 unique tokens, near-copies' shared text left out
    assert int(story[7]) <= 5000
    assert "wall/floor" in out


def test_the_prompt_breakdown_sums_to_the_prompt_and_finds_each_part(example):
    from bench.prompt_tokens import PARTS, breakdown
    from pipeline.extract import build_request, chunks, prepare_article
    from pipeline.read import read_articles

    articles = read_articles(example).articles
    seen = dict.fromkeys(PARTS, 0)
    for article in articles:
        prepared = prepare_article(article)
        for sentences in chunks(prepared):
            request = build_request(prepared, sentences)
            system, user = (m["content"] for m in request.messages)
            whole = f"<|im_start|>system\n{system}<|im_end|>\n<|im_start|>user\n{user}"
            whole += "<|im_end|>\n<|im_start|>assistant\n"
            parts = breakdown(system, user, len)  # characters stand for tokens
            assert sum(parts.values()) == len(whole)
            assert parts["shared"] == len(whole) - len(user) - 33 + len("ARTICLE\n")
            # the shown paragraphs' own text, less their tags, and no more than the article
            lines = user.split("\nPEOPLE\n")[0].split("\n")[1:]
            shown = [line for line in lines if line != "..."]
            tags = sum(len(t) for line in shown for t in re.findall(r"\([QF]\d+\)", line))
            assert parts["passages"] + tags == len(" ".join(shown))
            assert parts["tags"] == tags
            assert parts["passages"] < len(article.text)
            # a line break after each line, and the "..." lines for paragraphs left out
            assert parts["lines"] == sum(len(line) + 1 for line in lines if line == "...") + 1
            for name, value in parts.items():
                seen[name] += value
    assert all(seen[p] > 0 for p in PARTS)  # the example has every part


def test_the_prompt_breakdown_wants_an_article_prompt():
    from bench.prompt_tokens import breakdown

    with pytest.raises(ValueError):
        breakdown("instructions", "FACTS\n[F1] (S1) A fact.\n", len)
