"""Quote and figure evaluation against the hand-labelled example.

``python -m tools.evaluate`` replays the recorded embedded-model run of ``examples/kursk``
and prints, per article and overall: quote recall, quote precision (share of output quotes
that are verbatim in their article), speaker accuracy and figure recall. ``--baseline`` adds
the plain one-call instructor extraction on the same model, side by side, with the tokens
each used. Figures are printed, not asserted: targets live here, not in timed tests.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from pydantic import BaseModel, Field
from rapidfuzz import fuzz

from pipeline.errors import ModelError
from pipeline.model.session import ModelSession
from pipeline.read import Article, read_articles
from pipeline.rules.entities import person_name
from pipeline.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "labels" / "kursk.json"
EXAMPLE = ROOT / "examples" / "kursk"
CASSETTE = ROOT / "cassettes" / "examples" / "kursk.yaml"
BASELINE_CASSETTE = ROOT / "cassettes" / "baseline" / "kursk.yaml"
TARGETS = {
    "quote recall": 0.95,
    "quote precision": 1.0,
    "speaker accuracy": 0.90,
    "figure recall": 0.90,
}


@dataclass(frozen=True)
class SystemQuote:
    text: str
    speaker: str | None


@dataclass(frozen=True)
class SystemFigure:
    number: float
    claimant: str | None


@dataclass
class Score:
    """Counts for one article (or the sum of all)."""

    gold_quotes: int = 0
    found_quotes: int = 0
    output_quotes: int = 0
    verbatim_quotes: int = 0
    attributed: int = 0
    right_speaker: int = 0
    gold_figures: int = 0
    found_figures: int = 0
    misses: list[str] = field(default_factory=list)

    def __iadd__(self, other: Score) -> Score:
        for name in self.__dataclass_fields__:
            if name != "misses":
                setattr(self, name, getattr(self, name) + getattr(other, name))
        return self

    def figures(self) -> dict[str, float | None]:
        def ratio(a: int, b: int) -> float | None:
            return a / b if b else None

        return {
            "quote recall": ratio(self.found_quotes, self.gold_quotes),
            "quote precision": ratio(self.verbatim_quotes, self.output_quotes),
            "speaker accuracy": ratio(self.right_speaker, self.attributed),
            "figure recall": ratio(self.found_figures, self.gold_figures),
        }


def _norm(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.lower().replace("’", "'")).strip()


class SpeakerMatcher:
    """Does a system's speaker name denote the labelled speaker? Uses the label aliases."""

    def __init__(self, speakers: dict[str, list[str]]) -> None:
        self.forms = {
            canonical: {re.sub(r"^(?:a|an|the) ", "", _norm(f)) for f in [canonical, *aliases]}
            for canonical, aliases in speakers.items()
        }

    def same(self, said: str | None, gold: str) -> bool:
        if not said:
            return False
        said_norm = re.sub(r"^(?:a|an|the) ", "", _norm(said.split(",")[0]))
        forms = self.forms.get(gold, {_norm(gold)})
        if said_norm in forms:
            return True
        if len(said_norm.split()) >= 2 and any(f.startswith(said_norm + " ") for f in forms):
            return True  # 'a North Korean representative' for '… representative to the UN'
        person = person_name(said)
        if person and any(_norm(person) == f or fuzz.ratio(_norm(person), f) >= 90 for f in forms):
            return True
        gold_person = person_name(gold)
        return bool(
            person and gold_person and _norm(person).split()[-1] == _norm(gold_person).split()[-1]
        )


def score_article(
    gold: dict,
    quotes: Iterable[SystemQuote],
    figures: Iterable[SystemFigure],
    text: str,
    matcher: SpeakerMatcher,
) -> Score:
    """Compare one article's output with its labels."""
    quotes, figures = list(quotes), list(figures)
    score = Score()
    text_norm = _norm(text)
    score.output_quotes = len(quotes)
    score.verbatim_quotes = sum(1 for q in quotes if q.text.strip() and q.text.strip() in text)
    outputs = [(q, _norm(q.text)) for q in quotes]
    for item in gold["quotes"]:
        if item["kind"] == "scare" or not item.get("speaker"):
            continue
        score.gold_quotes += 1
        wanted = _norm(item["text"])
        match = next((q for q, n in outputs if n == wanted), None) or next(
            (
                q
                for q, n in outputs
                if n and wanted and (n in wanted or wanted in n) and len(n) >= 0.8 * len(wanted)
            ),
            None,
        )
        if match is None:
            score.misses.append(f"missed quote: “{item['text'][:60]}”")
            continue
        score.found_quotes += 1
        if _norm(match.text) not in text_norm:
            continue
        score.attributed += 1
        if matcher.same(match.speaker, item["speaker"]):
            score.right_speaker += 1
        else:
            score.misses.append(
                f"speaker {match.speaker!r} for “{item['text'][:40]}” (label: {item['speaker']})"
            )
    numbers = [f.number for f in figures]
    for item in gold["figures"]:
        score.gold_figures += 1
        if any(abs(n - float(item["number"])) < 1e-6 for n in numbers):
            score.found_figures += 1
        else:
            score.misses.append(f"missed figure: {item['value']} ({item['counts'][:40]})")
    return score


def load_labels(path: Path = LABELS) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def evaluate_pipeline(extractions, articles, labels: dict) -> dict[str, Score]:
    """Scores per article path for newsbrief's own extractions."""
    matcher = SpeakerMatcher(labels["speakers"])
    texts = {a.path: a.text for a in articles}
    scores = {}
    for x in extractions:
        gold = labels["articles"].get(Path(x.source.path).name)
        if gold is None:
            continue
        quotes = [SystemQuote(q.text, q.speaker) for q in x.quotes if q.kind != "scare"]
        figures = [SystemFigure(f.number, f.claimant) for f in x.figures]
        scores[x.source.path] = score_article(gold, quotes, figures, texts[x.source.path], matcher)
    return scores


def format_table(columns: dict[str, dict[str, Score]], usage: dict[str, dict[str, float]]) -> str:
    """Per-article and overall figures, one column block per system."""
    names = list(columns)
    paths = sorted({p for scores in columns.values() for p in scores})
    lines = []
    header = f"{'article':<28}" + "".join(f"| {n:^41}" for n in names)
    sub = f"{'':<28}" + "| recall  precis.  speaker  figures        " * len(names)
    lines += [header, sub, "-" * len(sub)]

    def cells(score: Score) -> str:
        f = score.figures()
        return (
            "| "
            + "  ".join(
                f"{f[k]:>6.2f} " if f[k] is not None else "   n/a "
                for k in ("quote recall", "quote precision", "speaker accuracy", "figure recall")
            )
            + "        "
        )

    totals = {n: Score() for n in names}
    for path in paths:
        row = f"{path[:27]:<28}"
        for n in names:
            score = columns[n].get(path, Score())
            totals[n] += score
            row += cells(score)
        lines.append(row)
    lines.append("-" * len(sub))
    lines.append(f"{'overall':<28}" + "".join(cells(totals[n]) for n in names))
    lines.append(
        f"{'target':<28}" + "| " + "  ".join(f"{TARGETS[k]:>6.2f} " for k in TARGETS) + "        "
    )
    lines.append("")
    for n in names:
        u = usage.get(n, {})
        lines.append(
            f"{n}: {int(u.get('calls', 0))} model calls, "
            f"{int(u.get('prompt_tokens', 0))} prompt tokens, "
            f"{int(u.get('completion_tokens', 0))} completion tokens"
        )
    return "\n".join(lines)


# --- the one-call baseline ------------------------------------------------------------------
# The plain one-call instructor extraction, kept as the yardstick newsbrief must beat: one
# schema, one call per article, the article in the prompt and the model asked to copy out every
# quote with its speaker and every figure. Used by ``--baseline`` and the benchmark; never by
# the product.

BASELINE_PROMPT = (
    "Extract from the news article below every direct quotation (the exact words inside quote "
    "marks) with its speaker, every number the article reports with what it counts and who "
    "claims it, the key events and the stances of the actors.\n\nARTICLE\n{text}"
)


class BaselineQuote(BaseModel):
    text: str = Field(description="The quoted words, exactly as in the article.")
    speaker: str = Field(description="Who said them.")


class BaselineFigure(BaseModel):
    value: str = Field(description="The number as written.")
    counts: str = Field(description="What it counts.")
    claimant: str | None = Field(description="Who claims it.")


class BaselineStance(BaseModel):
    actor: str
    position: str


class BaselineExtraction(BaseModel):
    """Everything in one news article."""

    quotes: list[BaselineQuote]
    figures: list[BaselineFigure]
    events: list[str]
    stances: list[BaselineStance]


def extract_baseline(article: Article, client) -> BaselineExtraction:
    messages = [{"role": "user", "content": BASELINE_PROMPT.format(text=article.text)}]
    return client.ask(BaselineExtraction, messages, {}, max_tokens=3000)


def _number(value: str) -> float | None:
    digits = value.replace(",", "").strip().split()[0] if value.strip() else ""
    try:
        return float(digits)
    except ValueError:
        return None


def evaluate_baseline(
    settings: Settings,
    articles: list[Article],
    labels: dict,
    *,
    replay: Path | None,
    record: Path | None = None,
):
    """Scores per article path and the usage of the one-call baseline."""
    matcher = SpeakerMatcher(labels["speakers"])
    scores = {}
    # a tool call, as recorded: the obvious way to use instructor
    tools = replace(settings, answer_format="tools")
    with ModelSession(tools, replay=replay, record=record) as session:
        client = session.client()
        for article in articles:
            gold = labels["articles"].get(Path(article.path).name)
            if gold is None:
                continue
            try:
                result = extract_baseline(article, client)
            except ModelError:
                result = BaselineExtraction(quotes=[], figures=[], events=[], stances=[])
            quotes = [SystemQuote(q.text, q.speaker) for q in result.quotes]
            figures = [
                SystemFigure(n, f.claimant)
                for f in result.figures
                if (n := _number(f.value)) is not None
            ]
            scores[article.path] = score_article(gold, quotes, figures, article.text, matcher)
    return scores, client.usage.snapshot()


def main(argv: list[str] | None = None) -> int:
    from pipeline.run import run_folder
    from pipeline.settings import resolve_settings

    parser = argparse.ArgumentParser(
        prog="python -m tools.evaluate", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--replay", type=Path, default=CASSETTE, help="cassette of newsbrief's run")
    parser.add_argument("--live", action="store_true", help="call the model instead of replaying")
    parser.add_argument("--baseline", action="store_true", help="also score the one-call baseline")
    parser.add_argument("--baseline-replay", type=Path, default=BASELINE_CASSETTE)
    parser.add_argument(
        "--record-baseline", type=Path, metavar="CASSETTE", help="record a live baseline run here"
    )
    parser.add_argument("--misses", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    settings = resolve_settings()
    if not args.live:
        from pipeline.model.replay import settings_for_replay

        settings = settings_for_replay(settings, args.replay)
    labels = load_labels()
    articles = read_articles(EXAMPLE).articles
    with ModelSession(settings, replay=None if args.live else args.replay) as session:
        report = run_folder(EXAMPLE, session)
    columns = {"newsbrief": evaluate_pipeline(report.extractions, articles, labels)}
    usage = {"newsbrief": report.usage}
    if args.baseline:
        columns["one-call baseline"], usage["one-call baseline"] = evaluate_baseline(
            settings,
            articles,
            labels,
            replay=None if args.live or args.record_baseline else args.baseline_replay,
            record=args.record_baseline,
        )
    print(format_table(columns, usage))
    if args.misses:
        for name, scores in columns.items():
            print(f"\n{name} misses:")
            for path, score in sorted(scores.items()):
                for miss in score.misses:
                    print(f"  {path}: {miss}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
