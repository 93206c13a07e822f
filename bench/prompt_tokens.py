"""Where an article call's prompt tokens go: ``python -m bench.prompt_tokens [FOLDER ...]``.

Builds each article's requests as the pipeline does (rules only: no model is run) and counts
the embedded model's tokens (its tokenizer alone, ``vocab_only``) of each part of the prompt
as the server sees it, in the model's chat format:

- shared: the chat markup, the instructions and the user message's opening "ARTICLE" line,
  byte-identical in every call (evaluated once, then reused from the prefix cache);
- passages: the text of the paragraphs the request shows (only those an asked id needs);
- tags: the "(Q3)" and "(F2)" before each asked quote and figure;
- lines: the line breaks between paragraphs and the "..." lines for paragraphs left out;
- PEOPLE, ACTORS: the lists after the passages;
- end: the chat markup closing the user message and opening the answer.

Each part is counted as what it adds to the tokens of the prompt up to it, so the parts sum to
the prompt. The unique article tokens are those of the sentences' text of every article that
is no near-copy (a near-copy's own sentences only), as ``python -m bench`` counts them; an
article whose rules settle everything makes no request and adds nothing but its unique
tokens.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

PARTS = ("shared", "passages", "tags", "lines", "PEOPLE", "ACTORS", "end")

# Qwen2.5's chat format (the embedded model's), for a system and a user message.
_OPEN_SYSTEM = "<|im_start|>system\n"
_OPEN_USER = "<|im_end|>\n<|im_start|>user\n"
_CLOSE = "<|im_end|>\n<|im_start|>assistant\n"
_TAG = re.compile(r"\([QF]\d+\)")
_GAP = "..."
_LISTS = ("PEOPLE", "ACTORS")


def breakdown(system: str, user: str, count: Callable[[str], int]) -> dict[str, int]:
    """Tokens of each part (``PARTS``) of one request of a system message and a user message
    (the article prompt: "ARTICLE", its paragraph lines with "..." for those left out, then
    the lists), with ``count`` giving the tokens of a text. Each part counts what it adds to
    the prompt before it, so the values sum to ``count`` of the whole prompt. Raises
    ``ValueError`` for a user message that does not open with the ARTICLE line."""
    if not user.startswith("ARTICLE\n"):
        raise ValueError("not an article prompt: the user message opens with ARTICLE")
    lines = user[len("ARTICLE\n") :].split("\n")
    shown, rest = [], []
    for line in lines:
        if not rest and not any(line.startswith(n) for n in _LISTS) and line:
            shown.append(line)
        else:
            rest.append(line)
    prompt = _OPEN_SYSTEM + system + _OPEN_USER + "ARTICLE\n"
    parts = dict.fromkeys(PARTS, 0)
    parts["shared"] = count(prompt)
    # the passages' text alone, then with its tags, then with the gaps and line breaks: each
    # step's tokens less the step before's
    paragraphs = [line for line in shown if line != _GAP]
    bare = " ".join(_TAG.sub("", line) for line in paragraphs)
    tagged = " ".join(paragraphs)
    laid_out = "".join(f"{line}\n" for line in shown)
    base = count(prompt)
    parts["passages"] = count(prompt + bare) - base
    parts["tags"] = count(prompt + tagged) - base - parts["passages"]
    parts["lines"] = count(prompt + laid_out) - base - parts["passages"] - parts["tags"]
    prompt += laid_out
    tail = "\n".join(rest)
    section = "passages"
    for chunk in re.split(rf"(?m)^(?=(?:{'|'.join(_LISTS)})\b)", tail):
        if not chunk:
            continue
        name = next((n for n in _LISTS if chunk.startswith(n)), None)
        section = name or section
        before = count(prompt)
        prompt += chunk
        parts[section if name else "end"] += count(prompt) - before
    before = count(prompt)
    parts["end"] += count(prompt + _CLOSE) - before
    return parts


def _tokenizer() -> Callable[[str], int]:
    from llama_cpp import Llama

    from pipeline.model.embedded import weights_path
    from pipeline.settings import resolve_settings

    model = Llama(str(weights_path(resolve_settings().cache_dir)), vocab_only=True, verbose=False)
    return lambda text: len(model.tokenize(text.encode(), add_bos=False, special=True))


def main(argv: Sequence[str] | None = None) -> int:
    from bench.__main__ import story_folders, unique_texts
    from pipeline.extract import build_request, chunks, prepare_article
    from pipeline.merge import find_near_duplicates
    from pipeline.read import read_articles

    folders = [Path(a) for a in (argv if argv is not None else sys.argv[1:])] or story_folders()
    count = _tokenizer()
    print(f"{'story':<15}{'calls':>6}{'unique':>8}" + "".join(f"{p:>9}" for p in PARTS))
    for folder in folders:
        articles = read_articles(folder, exclude=(folder / "labels.json",)).articles
        duplicates = find_near_duplicates({a.id: a.text for a in articles})
        unique = sum(count(t) for t in unique_texts(articles) if t)
        totals = dict.fromkeys(PARTS, 0)
        calls = 0
        for article in articles:
            if article.id in duplicates:
                continue  # a near-copy asks about its own sentences only, often not at all
            prepared = prepare_article(article)
            for sentences in chunks(prepared):
                request = build_request(prepared, sentences)
                if not request.asks:
                    continue  # not sent
                messages = request.messages
                parts = breakdown(messages[0]["content"], messages[1]["content"], count)
                calls += 1
                for name, value in parts.items():
                    totals[name] += value
        print(
            f"{folder.name[:14]:<15}{calls:>6}{unique:>8}"
            + "".join(f"{totals[p]:>9}" for p in PARTS)
        )
        once = sum(totals[p] for p in PARTS[1:]) + (totals["shared"] // calls if calls else 0)
        print(
            f"{'':<15}evaluated with the shared part once: {once} = "
            f"{once / unique:.2f} per unique article token; every call's own part: "
            + ", ".join(
                f"{p} {totals[p] / unique:.3f}" for p in PARTS if p != "shared" and totals[p]
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
