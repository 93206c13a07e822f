"""Generation speed with and without the grammar, by thread count, idle and beside a busy core:
``python -m bench.generation``.

The embedded server (llama.cpp through llama-cpp-python, its own process, started once per
thread setting) answers the example's largest article request as the pipeline sends it:

- **grammar**: with the article's schema as a ``json_schema`` response format, which the
  server turns into a grammar (what every article call does);
- **free**: the same messages with no response format: unconstrained generation, the
  reference speed.

Each is asked twice and the second answer counts: the prompt is then taken whole from the
server's prefix cache, so the time measured is generation alone (tokens generated per second
of generation, from the server's log). Thread settings: 1 and every core (``--n_threads``;
prompts are always evaluated on every core), each idle and with one core kept busy by another
process. The last lines compare each setting with the idle free speed at its best and say what
the default (``embedded.generation_threads``) chooses. Needs the 'local' extra; prints
figures, asserts nothing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from pipeline.model.embedded import EmbeddedServer, generation_threads, weights_path
from pipeline.settings import resolve_settings

from .calls import server_calls

#: Most tokens an unconstrained answer may run to (a grammar answer is shorter).
MAX_TOKENS = 200
_BUSY = "while True:\n    pass\n"


def article_request() -> tuple[list[dict[str, str]], dict]:
    """The messages and the schema of the example's largest article request (the pipeline's
    own ``build_request``)."""
    from pipeline.extract import build_request, prepare_article
    from pipeline.read import read_articles
    from tools.evaluate import EXAMPLE

    best = None
    for article in read_articles(EXAMPLE).articles:
        prepared = prepare_article(article)
        request = build_request(prepared, prepared.sentences)
        size = len(request.messages[1]["content"])
        if request.asks and (best is None or size > best[0]):
            best = (size, request)
    assert best is not None, "the example asks the model nothing"
    request = best[1]
    return request.messages, request.response_model.model_json_schema()


def _ask(base_url: str, messages: list[dict[str, str]], schema: dict | None) -> None:
    body: dict = {
        "model": "local",
        "messages": messages,
        "max_tokens": MAX_TOKENS,
        "temperature": 0,
    }
    if schema is not None:
        body["response_format"] = {
            "type": "json_schema",
            "json_schema": {"name": "ArticleNotes", "schema": schema},
        }
    request = urllib.request.Request(
        f"{base_url}/chat/completions",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=600) as reply:
        reply.read()


def measure(
    cache_dir: Path, threads: int, messages: list[dict[str, str]], schema: dict
) -> dict[str, tuple[float, int]]:
    """Generation speed (tokens/s) and tokens generated, by mode ('grammar', 'free'), with
    ``threads`` generation threads: the second of two identical requests each."""
    out: dict[str, tuple[float, int]] = {}
    with EmbeddedServer(cache_dir, threads=threads) as server:
        for mode, sent in (("grammar", schema), ("free", None)):
            for _ in range(2):
                _ask(server.base_url, messages, sent)
            call = server_calls(server.log_path.read_text(errors="replace"))[-1]
            out[mode] = (call.generation_speed or 0.0, call.generated)
    return out


def main() -> int:
    cores = os.cpu_count() or 2
    cache = resolve_settings().cache_dir
    weights_path(cache)  # fails with the install hint when the weights are missing
    messages, schema = article_request()
    settings = sorted({1, cores})
    results: dict[tuple[str, int], dict[str, tuple[float, int]]] = {}
    print(f"{'load':<6}{'threads':>8}{'grammar t/s':>13}{'tokens':>8}{'free t/s':>10}{'tokens':>8}")
    for load in ("idle", "busy"):
        busy = subprocess.Popen([sys.executable, "-c", _BUSY]) if load == "busy" else None
        try:
            if busy is not None:
                time.sleep(2)
            for threads in settings:
                found = measure(cache, threads, messages, schema)
                results[(load, threads)] = found
                (g, gn), (f, fn) = found["grammar"], found["free"]
                print(f"{load:<6}{threads:>8}{g:>13.1f}{gn:>8}{f:>10.1f}{fn:>8}")
        finally:
            if busy is not None:
                busy.terminate()
                busy.wait()
    reference = max(r["free"][0] for (load, _), r in results.items() if load == "idle")
    print(f"\nidle unconstrained speed at its best: {reference:.1f} tokens/s")
    for (load, threads), found in results.items():
        share = found["grammar"][0] / reference if reference else 0.0
        print(f"  {load}, {threads} thread(s), with the grammar: {share:.0%} of it")
    for load, level in (("idle", 0.0), ("busy", 1.0)):
        chosen = generation_threads(cores, level)
        share = results[(load, chosen)]["grammar"][0] / reference if reference else 0.0
        print(
            f"default on a {load} machine (load {level:.0f}): {chosen} thread(s), "
            f"{share:.0%} of the idle unconstrained speed (target >= 80% when idle)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
