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

from .errors import InputError

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
SIDECAR_SUFFIX = ".meta.json"
METADATA_KEYS = ("outlet", "title", "date", "url", "author")

# Magic numbers of binary formats that sometimes hide behind a text extension.
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x1f\x8b")

# Whole lines that are page furniture, not reporting.
_BOILERPLATE = re.compile(
    r"""^(?:
        sign\ up\b.*|.*\bnewsletters?\b.*\binbox\b.*|subscribe\b.*
      | follow\ topic:?.*|follow\ us\b.*
      | (?:photo|image|picture|video|credit|graphic)s?\s*:.*
      | see\ more\ on\b.*|more\ on\b.*|read\ more\b.*|related\b.*:?
      | advertisement|share\ this\ (?:article|story).*|click\ here\b.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# A wire credit closing the last paragraph: "... said on X. REUTERS"
_WIRE_CREDIT = re.compile(r"\s+(REUTERS|AFP|AP|BLOOMBERG|XINHUA|DPA)\s*$")
_TERMINAL = re.compile(r"[.!?:;\"”’')\]]\s*$")
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
    """Wire agency credited at the end of the text (``REUTERS``), if any."""
    removed: tuple[str, ...] = ()
    """Lines dropped as boilerplate, kept so a reader can see what was cut."""
    notes: tuple[str, ...] = ()
    """Things a reader should know about how the file was read (encoding guessed…)."""


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
    """Article files that could not be used (listed in the brief under "Not processed")."""
    skipped: list[Problem] = field(default_factory=list)
    """Files and folders not taken as articles at all, and why (other formats, hidden
    folders, newsbrief's own outputs); reported, not counted as failures."""


#: What to tell a user about a file type the reader does not take.
_OTHER_FORMATS = {
    ".pdf": "PDF is not read; save its text as .txt",
    ".doc": "Word files are not read; save as .txt or .html",
    ".docx": "Word files are not read; save as .txt or .html",
    ".odt": "OpenDocument files are not read; save as .txt or .html",
    ".rtf": "RTF is not read; save as .txt",
    ".json": "JSON is not read as an article (NAME.meta.json beside an article is its metadata)",
}
#: The line under a brief's title (``pipeline.render``): a file that has it is a brief.
_BRIEF_SIGNATURE = re.compile(r"\A#[^\n]*\n+\*Consolidated from \d+ articles")
#: Text of a page that needs JavaScript to show its article (an app shell).
_APP_SHELL = re.compile(
    r"enable javascript|javascript (?:is )?(?:required|disabled|must be enabled)"
    r"|turn on javascript|browser (?:is )?not supported|update your browser"
    r"|^\s*(?:loading|please wait)\b",
    re.IGNORECASE | re.MULTILINE,
)
#: An app shell's whole text is a few short lines; an article that mentions JavaScript
#: is longer than this many words.
_APP_SHELL_MAX_WORDS = 60


def safe_name(name: str) -> str:
    """A file name safe to store and show: bytes that are not UTF-8 (surrogate escapes) as
    ``\\xNN``, control characters (terminal escapes) as ``\\xNN`` or ``\\uNNNN``."""
    raw = name.encode("utf-8", "surrogateescape")
    text = raw.decode("utf-8", "backslashreplace")
    return "".join(
        ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
        for ch in text
    )


def read_articles(folder: Path, *, exclude: tuple[Path, ...] = ()) -> ReadResult:
    """Read every article under ``folder``; raise ``InputError`` only if none is usable.

    ``exclude``: files never read (this run's own outputs, when they lie in the folder)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder} is not a folder. Give the folder that holds the articles.")
    result = ReadResult()
    seen: dict[str, str] = {}
    excluded = {Path(p).resolve() for p in exclude}
    for path in _article_files(folder, result.problems, result.skipped, excluded):
        rel = path.relative_to(folder).as_posix() if path.is_relative_to(folder) else str(path)
        rel = safe_name(rel)
        try:
            article = _read_one(path, rel, f"S{len(result.articles) + 1}")
        except _OwnOutput:
            result.skipped.append(
                Problem(rel, "a brief newsbrief wrote; its outputs are never read")
            )
            continue
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
        detail = "".join(f"\n  {p.path}: {p.message}" for p in [*result.problems, *result.skipped])
        raise InputError(
            f"No readable article in {folder} (looked for "
            f"{', '.join(sorted(ARTICLE_SUFFIXES))} files).{detail}"
        )
    return result


class _OwnOutput(Exception):
    """The file is a brief newsbrief wrote."""


def _article_files(
    folder: Path, problems: list[Problem], skipped: list[Problem], excluded: set[Path]
) -> list[Path]:
    """Article files below ``folder``, sorted; links are followed only inside the folder.
    Every other file, and every hidden file or folder (once, not its contents), is listed
    in ``skipped`` with the reason."""
    root = folder.resolve()
    files = []
    hidden: set[Path] = set()
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        name = safe_name(rel.as_posix())
        if any(part.startswith(".") for part in rel.parts):
            top = Path(
                *rel.parts[: next(i for i, p in enumerate(rel.parts) if p.startswith(".")) + 1]
            )
            if top not in hidden:
                hidden.add(top)
                kind = "folder" if (folder / top).is_dir() else "file"
                skipped.append(Problem(safe_name(top.as_posix()), f"hidden {kind}; not read"))
            continue
        if not path.is_file():
            continue
        if path.resolve() in excluded:
            skipped.append(Problem(name, "this run's own output; never read as an article"))
            continue
        if path.name.lower().endswith(SIDECAR_SUFFIX):
            continue  # metadata of the article beside it
        suffix = path.suffix.lower()
        if suffix not in ARTICLE_SUFFIXES:
            reason = _OTHER_FORMATS.get(
                suffix,
                f"not an article format ({', '.join(sorted(ARTICLE_SUFFIXES))} are read)",
            )
            skipped.append(Problem(name, reason))
            continue
        if path.name.lower().startswith("readme"):
            skipped.append(Problem(name, "a README: notes about the folder, not an article"))
            continue
        if not path.resolve().is_relative_to(root):
            problems.append(Problem(name, "link points outside the folder; not followed"))
            continue
        files.append(path)
    return files


def _read_one(path: Path, rel: str, article_id: str) -> Article:
    raw = path.read_bytes()
    if not raw.strip():
        raise InputError("empty file; nothing to read")
    if raw.startswith(_BINARY_MAGIC) or b"\x00" in raw[:4096]:
        raise InputError("binary data (PDF, image or archive?) behind a text extension; skipped")
    text, notes = _decode(raw)
    if _BRIEF_SIGNATURE.match(text.lstrip("\ufeff")):
        raise _OwnOutput(rel)
    metadata = _sidecar(path)
    if path.suffix.lower() in HTML_SUFFIXES:
        text, html_meta = _html_to_text(text)
        metadata = {**html_meta, **metadata}
    else:
        text, front = _split_front_matter(text)
        metadata = {**front, **metadata}
    body, title, removed, wire = clean_text(text)
    if not body.strip():
        raise InputError("no article text left after removing page furniture")
    if _is_app_shell(body):
        raise InputError(
            "no article text: the page only says it needs JavaScript or is loading (an app "
            "shell); save the page once the article shows, or its text as .txt"
        )
    return Article(
        id=article_id,
        path=rel,
        text=body,
        sha256=hashlib.sha256(body.encode()).hexdigest(),
        title=metadata.get("title") or title,
        outlet=metadata.get("outlet"),
        date=metadata.get("date"),
        url=metadata.get("url"),
        wire=wire,
        removed=tuple(removed),
        notes=tuple(notes),
    )


def _is_app_shell(body: str) -> bool:
    """True when the whole text is a page's loading or needs-JavaScript notice."""
    return len(body.split()) <= _APP_SHELL_MAX_WORDS and bool(_APP_SHELL.search(body))


def _decode(raw: bytes) -> tuple[str, list[str]]:
    """UTF-8 (with or without BOM) or, failing that, the encoding charset-normalizer finds."""
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise InputError("not valid UTF-8 and no text encoding fits; save it as UTF-8")
    return str(best), [f"not UTF-8: decoded as {best.encoding}"]


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


def _html_to_text(html: str) -> tuple[str, dict[str, str]]:
    """Main text and metadata of a saved web page, through trafilatura."""
    import trafilatura

    text = trafilatura.extract(
        _without_captions(html), include_comments=False, include_tables=False
    )
    if not text:
        raise InputError(
            "no article text found: the HTML page has no main text outside scripts, captions "
            "and page furniture (a page saved before its article loaded?); save the page once "
            "the article shows, or its text as .txt"
        )
    meta = trafilatura.extract_metadata(html)
    found = {}
    if meta is not None:
        for key, value in (("title", meta.title), ("outlet", meta.sitename), ("date", meta.date)):
            if value:
                found[key] = value
    return text, found


#: Elements whose text is never the article's: captions and credits of pictures, scripts.
_NOT_ARTICLE = ("figcaption", "script", "style", "noscript", "template")


def _without_captions(html: str) -> str:
    """The page without picture captions and scripts, so that a page whose article body is
    empty is not briefed from its caption (trafilatura falls back to any text it finds).
    The page as it is when lxml cannot parse it."""
    import lxml.html
    from lxml import etree

    try:
        tree = lxml.html.document_fromstring(html)
    except (ValueError, etree.ParserError):
        return html
    for element in list(tree.iter(*_NOT_ARTICLE)):
        element.drop_tree()
    return etree.tostring(tree, encoding="unicode", method="html")


def clean_text(text: str) -> tuple[str, str | None, list[str], str | None]:
    """Drop page furniture from an article; return (body, title, removed lines, wire).

    Lines are kept verbatim or dropped whole, so quotes stay exactly as published. A line
    broken in the middle of a sentence (next line starts in lower case) is joined to the next.
    """
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = _join_broken_lines([line for line in lines if line])
    removed: list[str] = []
    kept: list[str] = []
    title = None
    counts: dict[str, int] = {}
    for line in lines:
        counts[line] = counts.get(line, 0) + 1
    for index, line in enumerate(lines):
        if _BOILERPLATE.match(line) or counts[line] > 1 and line in kept + removed:
            removed.append(line)
        elif counts[line] > 1:  # a caption printed twice: drop both copies
            removed.append(line)
        elif index == 0 and _looks_like_headline(line):
            title = line
            kept.append(line)
        elif index > 0 and _looks_like_headline(line) and not _has_quote(line):
            removed.append(line)  # cross-head or link to another story
        else:
            kept.append(line)
    wire = None
    if kept:
        match = _WIRE_CREDIT.search(kept[-1])
        if match:
            wire = match.group(1).title() if len(match.group(1)) > 3 else match.group(1)
            kept[-1] = kept[-1][: match.start()]
    return "\n\n".join(kept) + "\n", title, removed, wire


def _join_broken_lines(lines: list[str]) -> list[str]:
    joined: list[str] = []
    for line in lines:
        if joined and not _TERMINAL.search(joined[-1]) and line[:1].islower():
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def _looks_like_headline(line: str) -> bool:
    return not _TERMINAL.search(line) and len(line.split()) <= 30


def _has_quote(line: str) -> bool:
    return any(mark in line for mark in '"“”')
