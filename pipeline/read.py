"""Read a folder of articles: plain text, Markdown or saved HTML.

``read_articles`` is the file-system edge of the pipeline. It returns the articles it could
use and a ``Problem`` for every file it could not, so a bad file never stops a run.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .clean import clean_text, decode_bytes, repair_text
from .errors import InputError

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
SIDECAR_SUFFIX = ".meta.json"
METADATA_KEYS = ("outlet", "title", "date", "url", "author")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.DOTALL)


@dataclass(frozen=True)
class Article:
    """One readable article and what is known about where it came from."""

    id: str
    """Short source marker used throughout the brief: ``S1``, ``S2``…"""
    path: str
    """File path relative to the input folder."""
    text: str
    """Cleaned body text; every offset in the pipeline points into it."""
    sha256: str
    """Hash of the cleaned text: the article's identity for caching and de-duplication."""
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    wire: str | None = None
    """Wire agency a dateline or closing credit names (``Reuters``), if any."""
    removed: tuple[str, ...] = ()
    """Lines dropped as boilerplate, kept so a reader can see what was cut."""
    notes: tuple[str, ...] = ()
    """Things a reader should know about how the file was read (encoding guessed…)."""
    author: str | None = None
    """Author from metadata, the page or a byline."""
    captions: tuple[str, ...] = ()
    """Picture captions, kept apart from the text (also listed in ``removed``)."""
    dateline: str | None = None
    """The dateline as written, without the wire: ``KYIV, Feb 24``."""


@dataclass(frozen=True)
class Problem:
    """A file that was skipped, and why, in words a person can act on."""

    path: str
    message: str


@dataclass
class ReadResult:
    """The outcome of reading a folder."""

    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_articles(folder: Path) -> ReadResult:
    """Read every article under ``folder``; raise ``InputError`` only if none is usable."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder} is not a folder. Give the folder that holds the articles.")
    result = ReadResult()
    seen: dict[str, str] = {}
    for path in _article_files(folder, result.problems):
        rel = path.relative_to(folder).as_posix() if path.is_relative_to(folder) else str(path)
        try:
            article = _read_one(path, rel, f"S{len(result.articles) + 1}")
        except InputError as error:
            result.problems.append(Problem(rel, str(error)))
            continue
        if article.sha256 in seen:
            result.problems.append(
                Problem(rel, f"same text as {seen[article.sha256]}; read once, skipped here")
            )
            continue
        seen[article.sha256] = rel
        result.articles.append(article)
    if not result.articles:
        detail = "".join(f"\n  {p.path}: {p.message}" for p in result.problems)
        raise InputError(
            f"No readable article in {folder} (looked for "
            f"{', '.join(sorted(ARTICLE_SUFFIXES))} files).{detail}"
        )
    return result


def _article_files(folder: Path, problems: list[Problem]) -> list[Path]:
    """Article files below ``folder``, sorted; links are followed only inside the folder."""
    root = folder.resolve()
    files = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        if path.suffix.lower() not in ARTICLE_SUFFIXES:
            continue
        if path.name.lower().startswith("readme"):
            continue
        if not path.resolve().is_relative_to(root):
            problems.append(Problem(rel.as_posix(), "link points outside the folder; not followed"))
            continue
        files.append(path)
    return files


def read_article(path: Path, rel: str | None = None, article_id: str = "S1") -> Article:
    """One article file as an ``Article``; ``rel`` names it in messages (default: the name).

    Raises ``InputError`` with what to do when the file cannot be used: empty, binary, an
    encoding no decoder fits, a page with no article text, a sidecar that is not JSON.
    """
    return _read_one(Path(path), rel or Path(path).name, article_id)


def _read_one(path: Path, rel: str, article_id: str) -> Article:
    raw = path.read_bytes()
    if not raw.strip():
        raise InputError("empty file; nothing to read")
    text, notes = decode_bytes(raw)
    if not text.strip():
        raise InputError("empty file; nothing to read")
    text, repairs = repair_text(text)
    notes += repairs
    metadata = _sidecar(path)
    captions: tuple[str, ...] = ()
    page_holds = None
    if path.suffix.lower() in HTML_SUFFIXES:
        text, html_meta, captions, page_holds = _html_to_text(text)
        metadata = {**html_meta, **metadata}
    else:
        text, front = _split_front_matter(text)
        metadata = {**front, **metadata}
    cleaned = clean_text(text, captions)
    body = cleaned.body
    if not [line for line in body.split("\n\n") if line.strip() not in ("", cleaned.title)]:
        raise InputError(_no_article_text(page_holds or _file_holds(cleaned)))
    # Front matter or sidecar, then the page's metadata, then a "Published …" line, then
    # the dateline.
    date = metadata.get("date") or _dated(cleaned.published) or _dated(cleaned.dateline_date)
    return Article(
        id=article_id,
        path=rel,
        text=body,
        sha256=hashlib.sha256(body.encode()).hexdigest(),
        title=metadata.get("title") or cleaned.title,
        outlet=metadata.get("outlet"),
        date=date,
        url=metadata.get("url"),
        wire=cleaned.wire,
        removed=tuple(cleaned.removed),
        notes=tuple(notes),
        author=metadata.get("author") or cleaned.byline,
        captions=tuple(dict.fromkeys([*captions, *cleaned.captions])),
        dateline=cleaned.dateline,
    )


def _dated(written: str | None) -> str | None:
    """A dateline's date as an ISO date when it gives the year ("March 5, 2024"), else as
    written ("Feb 24": the year is not in the text, so it is not guessed)."""
    if not written:
        return None
    from .rules.dates import parse_date

    plain = written.replace(".", "").replace(",", ", ").replace("Sept ", "Sep ")
    parsed = parse_date(" ".join(plain.split()))
    return parsed.isoformat() if parsed else written


def _short(line: str, limit: int = 80) -> str:
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _sidecar(path: Path) -> dict[str, str]:
    """Metadata from ``NAME.meta.json`` beside the article, if present."""
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    if not sidecar.is_file():
        return {}
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InputError(f"sidecar {sidecar.name} is not valid JSON ({error})") from error
    return {k: str(data[k]) for k in METADATA_KEYS if data.get(k)}


def _split_front_matter(text: str) -> tuple[str, dict[str, str]]:
    """Strip a ``---`` block of ``key: value`` lines from the top of a text file."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return text, {}
    metadata = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() in METADATA_KEYS:
            metadata[key.strip().lower()] = value.strip().strip("\"'")
    return text[match.end() :], metadata


_CAPTION_XPATH = (
    "//figcaption|//*[contains(concat(' ', normalize-space(@class), ' '), ' caption ')]"
    "|//*[contains(@class, 'image-caption') or contains(@class, 'photo-caption')]"
)


def _html_to_text(html: str) -> tuple[str, dict[str, str], tuple[str, ...], str]:
    """Main text, metadata, picture captions and what else a saved web page holds.

    trafilatura extracts the article body and the page's metadata (title, site name,
    author, date). Captions (``<figcaption>`` and elements of class ``caption``) are taken
    out before extraction and returned apart, so a caption never reads as body text. The
    last item says what the page holds besides its body (title, captions, scripts holding
    text, footer), for the message when the body holds no article text. Raises
    ``InputError`` for HTML that cannot be parsed.
    """
    import trafilatura
    from lxml import html as lxml_html

    try:
        tree = lxml_html.document_fromstring(html)
    except (ValueError, lxml_html.etree.ParserError) as error:
        raise InputError(f"HTML that cannot be parsed ({error}); save the page again") from error
    captions = []
    for node in tree.xpath(_CAPTION_XPATH):
        caption = " ".join(node.text_content().split())
        if caption and caption not in captions:
            captions.append(caption)
        node.drop_tree()
    text = trafilatura.extract(tree, include_comments=False, include_tables=False)
    # Only dates the page states as its own (metadata, <time>, URL): trafilatura's extensive
    # search would otherwise take a copyright year for "2024-01-01".
    meta = trafilatura.extract_metadata(
        html, date_config={"extensive_search": False, "original_date": True}
    )
    found: dict[str, str] = {}
    if meta is not None:
        for key, value in (
            ("title", meta.title),
            ("outlet", meta.sitename),
            ("date", meta.date),
            ("author", meta.author),
            ("url", meta.url),
        ):
            if value:
                found[key] = value
    return text or "", found, tuple(captions), _page_holds(tree, captions, found)


# A string of six or more words inside a script: text the page fills in when it runs.
_PROSE_IN_SCRIPT = re.compile(r"[\"'](?:[^\"'<>{}]*?\s){5,}[^\"'<>{}]*[\"']")


def _page_holds(tree, captions: list[str], found: dict[str, str]) -> str:
    """What a page holds besides its article body, in words."""
    held = []
    if found.get("title"):
        held.append(f"the title “{_short(found['title'])}”")
    held += [f"a caption “{_short(c)}”" for c in captions[:2]]
    scripts = [s for s in tree.xpath("//script") if _PROSE_IN_SCRIPT.search(s.text or "")]
    if scripts:
        held.append(f"{len(scripts)} script(s) holding text the page shows once it runs")
    footers = [" ".join(f.text_content().split()) for f in tree.xpath("//footer")]
    held += [f"a footer “{_short(f)}”" for f in footers if f][:1]
    return "the page holds only " + (", ".join(held) if held else "navigation and markup")


def _file_holds(cleaned) -> str:
    """What a text file with no article text holds: its headline and its furniture."""
    held = [f"the headline “{_short(cleaned.title)}”"] if cleaned.title else []
    if cleaned.removed:
        held.append(
            "page furniture (" + "; ".join(_short(line, 50) for line in cleaned.removed[:3]) + ")"
        )
    return "the file holds only " + (", ".join(held) or "blank lines")


def _no_article_text(holds: str) -> str:
    return (
        f"no article text found: {holds}. Save the page after it has loaded in a browser, "
        "or paste the article into a .txt file"
    )
