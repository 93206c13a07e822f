"""Reading evaluation: how much reporting the reader keeps, and how much furniture it drops.

    python -m tools.evaluate_reading [FOLDER] [--misses]

FOLDER (default ``tests/reading``) holds article files, each with a sidecar
``NAME.expect.json`` (see the README there): ``survive`` (text that must stay; by default every
other non-empty line of the file), ``gone`` (furniture lines that must go), ``encoding``,
``repaired`` (mojibake to repair), ``no_article`` (a page to report, not read) and optional
``outlet``/``author``/``date`` (what the value read starts with) and ``title`` (the headline
read, exactly). Prints per file the characters of reporting lost, the
furniture lines kept, what the decoder did and whether text was repaired; exit status 1 when
any reporting is lost, any furniture kept or an expectation on encoding or metadata fails.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import InputError
from pipeline.read import ARTICLE_SUFFIXES, HTML_SUFFIXES, Article, read_article

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "reading"
EXPECT_SUFFIX = ".expect.json"


@dataclass
class FileScore:
    """What reading one corpus file kept and dropped, against its sidecar."""

    name: str
    kind: str
    lost: int = 0
    """Characters of reporting (``survive`` text) missing from the article text."""
    kept: int = 0
    """Furniture lines (``gone``) still in the article text."""
    decoded: str = "UTF-8"
    repaired: bool = False
    problems: list[str] = field(default_factory=list)
    """Expectations that failed (repair, no-article, metadata), and each miss in words."""

    @property
    def ok(self) -> bool:
        return self.lost == 0 and self.kept == 0 and not self.problems


def _flat(text: str) -> str:
    return " ".join(text.split())


def expected_survivors(path: Path, expect: dict) -> list[str]:
    """``survive`` from the sidecar, or every non-empty line of the file outside front matter
    and ``gone`` (text files only; HTML sidecars list ``survive``)."""
    if "survive" in expect:
        return list(expect["survive"])
    if path.suffix.lower() in HTML_SUFFIXES:
        return []
    text = path.read_bytes().decode(expect.get("encoding", "utf-8-sig"))
    if text.startswith("\ufeff"):
        text = text[1:]
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        text = text[text.find("\n", end + 1) + 1 :] if end != -1 else text
    gone = {_flat(line) for line in expect.get("gone", [])}
    return [line.strip() for line in text.splitlines() if line.strip() and _flat(line) not in gone]


def score_file(path: Path, expect: dict) -> FileScore:
    """Read ``path`` as the pipeline does and compare with ``expect``. Never raises."""
    score = FileScore(path.name, expect.get("kind", ""))
    try:
        article = read_article(path, path.name)
    except InputError as error:
        if not expect.get("no_article"):
            survivors = expected_survivors(path, expect)
            score.lost = sum(len(s) for s in survivors)
            score.problems.append(f"not read: {error}")
        elif "no article text found" not in str(error):
            score.problems.append(f"reported, but not as a page without article text: {error}")
        score.decoded = "-"
        return score
    if expect.get("no_article"):
        score.problems.append("read as an article, but it holds no article text")
    _compare(article, expect, path, score)
    return score


def _compare(article: Article, expect: dict, path: Path, score: FileScore) -> None:
    body = _flat(article.text)
    for text in expected_survivors(path, expect):
        if _flat(text) not in body:
            score.lost += len(text)
            score.problems.append(f"lost: {text[:70]!r}")
    for line in expect.get("gone", []):
        if _flat(line) in body:
            score.kept += 1
            score.problems.append(f"kept: {line[:70]!r}")
    decoded = [n for n in article.notes if n.startswith(("decoded as", "not UTF-8"))]
    score.decoded = decoded[0].replace("not UTF-8: ", "") if decoded else "UTF-8"
    score.repaired = any("mis-decoded" in n for n in article.notes)
    if score.repaired != bool(expect.get("repaired")):
        score.problems.append(
            "mis-decoded text not repaired" if expect.get("repaired") else "repaired needlessly"
        )
    for key in ("outlet", "author", "date"):
        want = expect.get(key)
        got = getattr(article, key)
        if want and not (got and str(got).startswith(want)):
            score.problems.append(f"{key}: {got!r}, expected {want!r}")
    if expect.get("title") and article.title != expect["title"]:
        score.problems.append(f"title: {article.title!r}, expected {expect['title']!r}")


def evaluate(folder: Path) -> list[FileScore]:
    """Score every article file of ``folder`` that has a sidecar."""
    scores = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in ARTICLE_SUFFIXES or path.name.lower().startswith("readme"):
            continue
        sidecar = path.with_name(path.stem + EXPECT_SUFFIX)
        if not sidecar.is_file():
            continue
        scores.append(score_file(path, json.loads(sidecar.read_text(encoding="utf-8"))))
    return scores


def report(scores: list[FileScore], misses: bool = False) -> str:
    """The per-file table and the totals, as printed."""
    width = max([len(s.name) for s in scores] + [4])
    lines = [
        f"{'file':<{width}}  {'lost':>5}  {'kept':>4}  {'decoded':<28} repaired  kind",
    ]
    for s in scores:
        flag = "" if s.ok else "  <-- " + "; ".join(s.problems[:1])
        lines.append(
            f"{s.name:<{width}}  {s.lost:>5}  {s.kept:>4}  {s.decoded:<28} "
            f"{'yes' if s.repaired else 'no':<8}  {s.kind}{flag}"
        )
        if misses and not s.ok:
            lines += [f"{'':<{width}}    {p}" for p in s.problems]
    furniture = sum(s.kept for s in scores)
    lines.append(
        f"{len(scores)} files: {sum(s.lost for s in scores)} characters of reporting lost, "
        f"{furniture} furniture lines kept, {sum(s.repaired for s in scores)} repaired, "
        f"{sum(not s.ok for s in scores)} with a failed expectation"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.evaluate_reading")
    parser.add_argument("folder", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--misses", action="store_true", help="list every failed expectation")
    args = parser.parse_args(argv)
    scores = evaluate(args.folder)
    if not scores:
        print(f"no article with a {EXPECT_SUFFIX} sidecar in {args.folder}", file=sys.stderr)
        return 2
    print(report(scores, args.misses))
    return 0 if all(s.ok for s in scores) else 1


if __name__ == "__main__":
    sys.exit(main())
