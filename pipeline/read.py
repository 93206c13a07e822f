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

from .clean import (
    FULL_DATE,
    WEEKDAY,
    clean_text,
    decode_bytes,
    repair_text,
    without_wire_slug,
)
from .errors import InputError
from .layout import markdown_footnotes, unwrap_text, without_stage_directions
from .rules.vocabulary import NEWS_OUTLET_WORDS

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
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
        if not folder.exists():
            raise InputError(f"{folder} does not exist. Give the folder that holds the articles.")
        raise InputError(
            f"{folder} is a file, not a folder. Put the articles in a folder and give that "
            f"(for this one article alone: mkdir story && cp {folder} story/ && newsbrief "
            "story)."
        )
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
    if _BRIEF_SIGNATURE.match(text.lstrip("\ufeff")):
        raise _OwnOutput(rel)
    if not text.strip():
        raise InputError("empty file; nothing to read")
    text, repairs = repair_text(text)
    notes += repairs
    metadata = _sidecar(path)
    captions: tuple[str, ...] = ()
    sidebars: tuple[str, ...] = ()
    rows: tuple[str, ...] = ()  # a saved page's data tables, a line per row
    page_holds = None
    laid_out: list[str] = []  # page furniture and footnotes, taken out before cleaning
    if path.suffix.lower() in HTML_SUFFIXES:
        text, html_meta, captions, page_holds, sidebars, rows = _html_to_text(text)
        metadata = {**html_meta, **metadata}
    else:
        text, front = _split_front_matter(text)
        metadata = {**front, **metadata}
        if path.suffix.lower() in MARKDOWN_SUFFIXES:
            text, laid_out = markdown_footnotes(text)
            text, heading = markdown_to_text(text)
            if heading and "title" not in metadata:
                metadata["title"] = heading
        else:
            text, laid_out, layout_notes = unwrap_text(text)
            notes += layout_notes
    cleaned = clean_text(text, captions, rows)
    body, directions = without_stage_directions(cleaned.body)
    body, labels = _without_kicker(
        body, metadata.get("title"), metadata.get("title") in cleaned.removed
    )
    removed = [*labels, *laid_out, *cleaned.removed, *directions, *sidebars]
    if not [line for line in body.split("\n\n") if line.strip() not in ("", cleaned.title)]:
        raise InputError(_no_article_text(page_holds or _file_holds(cleaned)))
    if _is_app_shell(body):
        raise InputError(
            "no article text: the page only says it needs JavaScript or is loading (an app "
            "shell); save the page once the article shows, or its text as .txt"
        )
    # Front matter or sidecar, then the page's metadata, then a "Published …" line, then
    # the dateline.
    date = metadata.get("date") or _dated(cleaned.published) or _dated(cleaned.dateline_date)
    title, kind = _without_piece_label(_headline(metadata.get("title") or cleaned.title))
    if kind:
        notes.append(kind)
    return Article(
        id=article_id,
        path=rel,
        text=body,
        sha256=hashlib.sha256(body.encode()).hexdigest(),
        # the headline without a wire's slugs ("UPDATE 2-") or the piece's label
        # ("OPINION:"); the body keeps it as filed
        title=title,
        outlet=metadata.get("outlet") or cleaned.masthead,
        date=date,
        url=metadata.get("url"),
        wire=cleaned.wire,
        removed=tuple(removed),
        notes=tuple(notes),
        author=metadata.get("author") or cleaned.byline,
        captions=tuple(dict.fromkeys([*captions, *cleaned.captions])),
        dateline=cleaned.dateline,
    )


def _headline(title: str | None) -> str | None:
    return without_wire_slug(title) if title else title


#: A label before a headline that says what kind of piece it is, not what happened:
#: "OPINION: …", "Comment | …", "ANALYSIS — …"; the opinion kinds first.
_OPINION_LABELS = "opinion|comment|commentary|editorial|viewpoint|perspective|column|op-ed"
_PIECE_LABEL = re.compile(
    rf"^(?P<label>(?i:{_OPINION_LABELS}|analysis|explainer))\s*(?::|\||\s[–—-])\s*(?=\S)"
)


def _without_piece_label(title: str | None) -> tuple[str | None, str | None]:
    """A headline without the label of the kind of piece before it, and a note saying what
    the label said ("OPINION: We kept the ferry. Others lost theirs." -> ("We kept the
    ferry. Others lost theirs.", "an opinion piece (its headline labelled 'OPINION')"));
    ``(title, None)`` for a headline with no such label."""
    found = _PIECE_LABEL.match(title or "")
    if title is None or found is None or not title[found.end() :].strip():
        return title, None
    label = found["label"]
    kind = "an opinion piece" if re.fullmatch(_OPINION_LABELS, label, re.I) else "an analysis"
    return title[found.end() :].strip(), f"{kind} (its headline labelled '{label}')"


#: A section label or kicker printed above a page's headline ("Environment", "UK news",
#: "Exclusive"): this many words at most.
KICKER_WORDS = 4


def _without_kicker(
    body: str, title: str | None, title_removed: bool = False
) -> tuple[str, list[str]]:
    """``body`` without the short labels above the page's headline (``title``, from its
    metadata), when the headline stands among its first three paragraphs, or was taken out
    as a repeat (``title_removed``) right under the first: a section name or a kicker
    ("Environment") is no sentence of the article. Returns the body and the labels taken
    out."""
    if not title:
        return body, []
    paragraphs = body.split("\n\n")
    plain = " ".join(title.split())
    at = next((k for k, p in enumerate(paragraphs[:3]) if " ".join(p.split()) == plain), None)
    if at is None and title_removed and len(paragraphs) > 1:
        at = 1  # the headline went out as a repeat of the title: the label above it
    if not at:
        return body, []
    labels = paragraphs[:at]
    if not all(
        0 < len(p.split()) <= KICKER_WORDS and not re.search(r"[.!?:;,]\s*$", p.strip())
        for p in labels
    ):
        return body, []
    return "\n\n".join(paragraphs[at:]), [p.strip() for p in labels]


def _is_app_shell(body: str) -> bool:
    """True when the whole text is a page's loading or needs-JavaScript notice."""
    return len(body.split()) <= _APP_SHELL_MAX_WORDS and bool(_APP_SHELL.search(body))


def _dated(written: str | None) -> str | None:
    """A dateline's date as an ISO date when it gives the year ("March 5, 2024"), else as
    written ("Feb 24": the year is not in the text, so it is not guessed)."""
    if not written:
        return None
    from .rules.dates import parse_date

    plain = written.replace(".", "").replace(",", ", ").replace("Sept ", "Sep ")
    plain = re.sub(rf"^{WEEKDAY},?\s+", "", plain)  # "Saturday 13 September 2025"
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


def markdown_to_text(text: str) -> tuple[str, str | None]:
    """A Markdown article as the plain text the cleaner reads, and its headline: one line
    per block (heading, paragraph, list item, table row), blocks apart by a blank line;
    emphasis, link targets, images, rules ("---") and escapes taken out ("**Fine stands**"
    -> "Fine stands", "[the ruling](https://…)" -> "the ruling"); list items keep a "- " or
    "1. " marker. The headline is a level-one heading that opens the file (None without
    one). Parsed by markdown-it-py (CommonMark, with tables). Pure; never raises."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    lines: list[str] = []
    row: list[str] | None = None  # the cells of the table row being read
    ordered: list[int | None] = []  # the next number of each open list; None for bullets
    marker = ""
    heading = None
    for token in tokens:
        kind = token.type
        if kind == "bullet_list_open":
            ordered.append(None)
        elif kind == "ordered_list_open":
            ordered.append(int(token.attrs.get("start", 1) or 1))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            ordered.pop()
        elif kind == "list_item_open":
            number = ordered[-1] if ordered else None
            marker = "- " if number is None else f"{number}. "
            if number is not None:
                ordered[-1] = number + 1
        elif kind == "heading_open" and token.tag == "h1" and not lines:
            heading = ""  # the next inline block is the headline
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            lines.append(" | ".join(cell for cell in row if cell))
            row = None
        elif kind == "inline":
            words = _inline_text(token)
            if row is not None:
                row.append(words)
            elif words:
                lines.extend(marker + line for line in words.split("\n"))
                marker = ""
                if heading == "":
                    heading = words
        elif kind in ("fence", "code_block", "html_block"):
            lines.extend(line for line in token.content.splitlines() if line.strip())
    return "\n\n".join(line for line in lines if line.strip()) + "\n", heading or None


def _inline_text(token) -> str:
    """The text of one Markdown block, markup taken out (a line break is a space), but for
    a break before a line that opens with a label in bold or italics ("**Date:** 11 June
    2024" / "**Participants:** …", "**Ann Roe, CFO:** …"): a field or a turn of its own,
    kept on a line of its own ("\n")."""
    children = list(token.children or ())
    parts: list[str] = []
    for at, child in enumerate(children):
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n" if _labelled_line(children[at + 1 :]) else " ")
        elif child.type == "html_inline" and not child.content.startswith("<"):
            parts.append(child.content)
    return "\n".join(" ".join(line.split()) for line in "".join(parts).split("\n") if line.strip())


def _labelled_line(children: list) -> bool:
    """Whether the inline tokens after a line break open with a label in emphasis: a few
    words in bold or italics ending with a colon, inside or just after the emphasis
    ("**Date:**", "*Speaker*:")."""
    kinds = [c for c in children if not (c.type == "text" and not c.content)][:4]
    if len(kinds) < 3 or kinds[0].type not in ("strong_open", "em_open"):
        return False
    label, closing = kinds[1], kinds[2]
    if label.type != "text" or not closing.type.endswith("_close") or len(label.content) > 60:
        return False
    after = kinds[3].content if len(kinds) > 3 and kinds[3].type == "text" else ""
    return label.content.rstrip().endswith(":") or after.startswith(":")


def _split_front_matter(text: str) -> tuple[str, dict[str, str]]:
    """Strip a ``---`` block of ``key: value`` lines from the top of a text file; its
    metadata by ``METADATA_KEYS``, else by their usual other names
    (``_FRONT_MATTER_ALIASES``, the first of each)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return text, {}
    metadata: dict[str, str] = {}
    aliased: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        key, value = key.strip().lower(), value.strip().strip("\"'")
        if not sep or not value:
            continue
        if key in METADATA_KEYS:
            metadata[key] = value
        elif key in _FRONT_MATTER_ALIASES:
            meant = "url" if re.match(r"https?://", value) else _FRONT_MATTER_ALIASES[key]
            aliased.setdefault(meant, value)
    return text[match.end() :], {**aliased, **metadata}


#: Front-matter keys other tools write for ``METADATA_KEYS`` ("publication: The Daily Post";
#: a ``source:`` that is a web address is the ``url``).
_FRONT_MATTER_ALIASES = {
    "publication": "outlet",
    "publisher": "outlet",
    "source": "outlet",
    "site": "outlet",
    "site_name": "outlet",
    "sitename": "outlet",
    "newspaper": "outlet",
    "headline": "title",
    "byline": "author",
    "authors": "author",
    "published": "date",
    "date_published": "date",
    "link": "url",
    "canonical_url": "url",
}


_CAPTION_XPATH = (
    "//figcaption|//*[contains(concat(' ', normalize-space(@class), ' '), ' caption ')]"
    "|//*[contains(@class, 'image-caption') or contains(@class, 'photo-caption')]"
)


def _mark_inline_quotations(tree) -> None:
    """Write the quote marks a browser draws around ``<q>`` elements into the text, “…”
    (‘…’ for a ``<q>`` inside another), and unwrap the element: the words read as the
    quotation they are ("called the sale <q>a betrayal of the city</q>"). In place."""
    for node in list(tree.iter("q")):
        depth = sum(1 for _ in node.iterancestors("q"))
        opening, closing = ("“", "”") if depth % 2 == 0 else ("‘", "’")
        node.text = opening + (node.text or "")
        if len(node):
            node[-1].tail = (node[-1].tail or "") + closing
        else:
            node.text += closing
    for node in list(tree.iter("q")):
        node.drop_tag()


#: Classes of the ``<blockquote>`` a social network's embed code writes ("twitter-tweet",
#: "instagram-media", "tiktok-embed", "bluesky-embed", "mastodon-embed", "text-post-media"
#: for Threads, "fb-xfbml-parse-ignore" for Facebook).
_EMBED_CLASS = re.compile(
    r"tweet|instagram|tiktok|bluesky|mastodon|threads|text-post-media|fb-|facebook|reddit"
    r"|social|embed",
    re.IGNORECASE,
)
#: A post's credit as embed code writes it under the post: "— Name (@handle) March 6, 2024".
_EMBED_CREDIT = re.compile(
    r"^\s*(?:[—–-]{1,2}|a post shared by|posted by)\s*\S.*\(@[\w.@-]+\)", re.I
)


def _unwrap_embedded_posts(tree) -> None:
    """Write each embedded social-media post (a ``<blockquote>`` of an embed class, or one
    ending with a credit "— Name (@handle) date") as the paragraphs a text file holds for
    it: the post's paragraphs, then its credit line starting "— ", which the post reader
    (``pipeline.rules.passages``) takes for a post and its author. Extraction otherwise may
    drop an embed whole. In place."""
    from lxml import etree

    for node in list(tree.iter("blockquote")):
        paragraphs = [" ".join(p.text_content().split()) for p in node.iter("p")]
        lines = [" ".join(t.split()) for t in node.itertext()]
        lines = [line for line in lines if line]
        credit = " ".join(node.text_content().split())
        for paragraph in paragraphs:
            credit = credit.replace(paragraph, " ", 1)
        credit = " ".join(credit.split())
        paragraphs = [_POST_LINK.sub("", p) for p in paragraphs]  # "… pic.twitter.com/xyz"
        embedded = _EMBED_CLASS.search(node.get("class", "")) or _EMBED_CREDIT.match(credit)
        if not embedded or not lines:
            continue
        box = etree.Element("div")
        for paragraph in paragraphs or [credit]:
            etree.SubElement(box, "p").text = paragraph
        if paragraphs and credit:
            if not re.match(r"[—–-]", credit):
                credit = "— " + credit
            etree.SubElement(box, "p").text = credit
        box.tail = node.tail
        node.getparent().replace(node, box)


#: A link to a post's picture or a shortened link, closing an embedded post's text
#: ("… remain in effect. pic.twitter.com/xyz123"): the embed's markup, not the post's words.
_POST_LINK = re.compile(
    r"\s*(?:https?://)?(?:pic\.twitter\.com|pic\.x\.com|t\.co)/\S+\s*$", re.IGNORECASE
)
#: Classes of the blocks a live page prints its updates in ("update", "post",
#: "liveblog-entry", "timeline-item").
_LIVE_POST_CLASS = re.compile(r"update|post|entry|event|timeline|live|item|card", re.IGNORECASE)
_MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()


def _mark_live_post_times(tree) -> None:
    """Write the time stamp of each update on a live page (a ``<time>`` inside one of two or
    more blocks of one class, the blocks a live page prints its updates in) as a paragraph
    of its own above the update, as a live page pasted as text holds it ("9:10 p.m."):
    extraction otherwise drops ``<time>`` elements, and with them when each update was
    posted. The words the page shows are kept; the day from ``datetime`` is added when the
    updates span more than one day and the words do not give it. In place."""
    from lxml import etree

    stamps = []
    for node in list(tree.iter("time")):
        block = next(
            (
                a
                for a in node.iterancestors()
                if a.tag in ("section", "article", "div", "li")
                and _LIVE_POST_CLASS.search(a.get("class", ""))
            ),
            None,
        )
        if block is None or block.getparent() is None:
            continue
        alike = [
            b
            for b in block.getparent()
            if b.tag == block.tag and b.get("class") == block.get("class")
        ]
        if len(alike) < 2:
            continue
        stamps.append((node, " ".join(node.text_content().split()), node.get("datetime", "")))
    days = {stamp[:10] for _, _, stamp in stamps if re.match(r"\d{4}-\d{2}-\d{2}", stamp)}
    for node, shown, stamp in stamps:
        day = re.match(r"(\d{4})-(\d{2})-(\d{2})", stamp)
        if len(days) > 1 and day and not re.search(r"\b(?:\d{4}|[A-Z][a-z]{2})", shown):
            year, month, date = (int(part) for part in day.groups())
            shown = f"{shown}, {date} {_MONTH_NAMES[month - 1]} {year}".lstrip(", ")
        if not shown:
            continue
        paragraph = etree.Element("p")
        paragraph.text = shown
        paragraph.tail = node.tail
        node.getparent().replace(node, paragraph)


#: A quotation the page repeats from its own text in large type ("pullquote",
#: "pull-quote"): page design, not a further sentence.
_PULL_QUOTE_XPATH = (
    "//*[contains(@class,'pullquote') or contains(@class,'pull-quote')"
    " or contains(@class,'pull_quote')]"
)


def _pull_quotes(tree) -> list[str]:
    """Take the page's pull quotes out of ``tree`` and return their lines (each repeats,
    in large type, words of the article; listed as removed, never lost)."""
    lines = []
    for node in tree.xpath(_PULL_QUOTE_XPATH):
        line = " ".join(node.text_content().split())
        if line:
            lines.append(line)
        node.drop_tree()
    return lines


#: A line printed under a table or chart: its source or a note on it ("Source: company
#: filings", "Note: figures rounded").
_TABLE_NOTE = re.compile(r"^(?:sources?|data|note|notes|figures|chart|graphic)\s*:", re.I)


#: A data table's cell holds a label or a figure; one with more words lays out prose.
_CELL_WORDS = 25


def _tables(tree) -> tuple[list[str], list[str]]:
    """Write the page's data tables as text where they stand: the caption and each row, its
    cells set apart by " | " ("Q3 revenue | €3.1bn | €3.25bn"), a paragraph each. A data
    table's rows are reporting in figures, kept as the article's text like a Markdown
    table's; the source or note printed right under it ("Source: company filings") is taken
    out. Returns the notes' lines (set apart) and the rows' lines (kept). Tables that only
    lay out the page (a cell holding paragraphs, line breaks or more than ``_CELL_WORDS``
    words) are left."""
    lines: list[str] = []
    kept: list[str] = []
    for table in list(tree.iter("table")):
        if table.xpath(".//table|.//p|.//div|.//br") or any(
            len(cell.text_content().split()) > _CELL_WORDS for cell in table.iter("td", "th")
        ):
            continue  # a layout table around the article, not data
        rows = [
            " | ".join(c for c in (" ".join(cell.text_content().split()) for cell in row) if c)
            for row in table.iter("tr")
        ]
        caption = [" ".join(c.text_content().split()) for c in table.iter("caption")]
        after = table.getnext()
        note = " ".join(after.text_content().split()) if after is not None else ""
        if note and (
            _TABLE_NOTE.match(note) or re.search(r"source|credit", after.get("class", ""))
        ):
            lines.append(note)
            after.drop_tree()
        # the rows stand where the table stood, one paragraph each
        block = table.makeelement("div", {})
        for line in [*caption, *rows]:
            if line:
                kept.append(line)
                paragraph = table.makeelement("p", {})
                paragraph.text = line
                block.append(paragraph)
        block.tail = table.tail
        table.getparent().replace(table, block)
    return lines, kept


#: A page's block that sells or discloses selling, not reporting: an affiliate disclosure,
#: a shopping box ("Our picks: … ($89.99)"), a sponsored slot.
_COMMERCE_CLASS = re.compile(
    r"(?<![a-z])(?:affiliate|disclosure|shop|sponsor|commerce|picks|advert|promo)", re.I
)
#: The heading of a list of references under an article: "Sources", "References",
#: "Further reading", "Bibliography".
_REFERENCES_HEADING = re.compile(
    r"(?:sources?|references?|further\s+reading|bibliography|citations?|works\s+cited)\W*",
    re.I,
)
_BODY_CLASS = re.compile(r"article|story|body|content|entry|main|post", re.I)
_COMMERCE_TEXT = re.compile(
    r"^(?:this\s+(?:article|story|post|page)\s+(?:contains|includes|may\s+contain)\s+affiliate"
    r"|our\s+(?:top\s+)?picks?\s*:)",
    re.I,
)


def _commerce_and_references(tree) -> list[str]:
    """Take out of ``tree`` the blocks that sell (an affiliate disclosure, a shopping box
    with its links marked ``rel="sponsored"``, "Our picks: …") and the list of references
    under a heading "Sources" or "References" (each item a citation, no sentence of the
    article); return their lines, to be listed as set apart."""
    lines: list[str] = []

    def take(node) -> None:
        items = node.findall("li") if node.tag in ("ol", "ul") else [node]
        lines.extend(t for t in (" ".join(i.text_content().split()) for i in items) if t)
        node.drop_tree()

    blocks = []
    for node in tree.iter("p", "div", "section", "aside", "li"):
        if node.getparent() is None:
            continue
        names = " ".join((node.get("class", ""), node.get("id", "")))
        # "promo-enabled article-body" marks the article itself, not a box beside it
        marked = _COMMERCE_CLASS.search(names) and not _BODY_CLASS.search(names)
        text = " ".join(node.text_content().split())
        if node.tag != "div" and node.tag != "section" and _COMMERCE_TEXT.match(text):
            blocks.append(node)
        elif marked and len(text.split()) <= 80 and not node.xpath(".//h1|.//article"):
            blocks.append(node)
    for link in tree.xpath('//a[contains(concat(" ", normalize-space(@rel), " "), " sponsored ")]'):
        block = next(link.iterancestors("p", "li"), None)
        if block is not None:
            blocks.append(block)
    for node in blocks:
        if node.getparent() is not None and not any(a in blocks for a in node.iterancestors()):
            take(node)  # (a block inside another goes with it)
    for heading in tree.xpath("//h2|//h3|//h4|//h5|//h6"):
        after = heading.getnext()
        if (
            _REFERENCES_HEADING.fullmatch(" ".join(heading.text_content().split()))
            and after is not None
            and after.tag in ("ol", "ul")
        ):
            take(heading)
            take(after)
    return lines


def _html_to_text(
    html: str,
) -> tuple[str, dict[str, str], tuple[str, ...], str, tuple[str, ...]]:
    """Main text, metadata, picture captions and what else a saved web page holds.

    trafilatura extracts the article body and the page's metadata (title, site name,
    author, date). Captions (``<figcaption>`` and elements of class ``caption``) are taken
    out before extraction and returned apart, so a caption never reads as body text. The
    fourth item says what the page holds besides its body (title, captions, scripts holding
    text, footer), for the message when the body holds no article text; the last, the lines
    of boxes set beside the article (``<aside>``: "Key facts", "At a glance") that the
    extraction leaves out, so they are listed as set apart, never lost silently; so are
    pull quotes (``_pull_quotes``), a table's source note (``_tables``), shopping blocks and
    reference lists (``_commerce_and_references``) and any quotation the extraction leaves
    out; and last, the lines of data tables, written where they stand and to be kept. Embedded
    social-media posts are written as a post and its credit first
    (``_unwrap_embedded_posts``). Raises
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
    _mark_inline_quotations(tree)
    _mark_live_post_times(tree)
    _unwrap_embedded_posts(tree)
    notes, rows = _tables(tree)
    pulled = _pull_quotes(tree) + notes + _commerce_and_references(tree)
    quoted = [
        line
        for node in tree.xpath("//blockquote")
        for line in (" ".join(t.split()) for t in node.itertext())
        if line
    ]
    boxes = [
        line
        for node in tree.xpath("//aside")
        for line in (" ".join(t.split()) for t in node.itertext())
        if len(line.split()) >= 2
    ]
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
    page_title = " ".join((tree.findtext(".//title") or "").split())
    outlet = title_outlet(page_title)
    sitename = found.get("outlet")
    if outlet and (
        sitename is None
        # the extraction took the headline part of "headline | The Ledger" for the site
        or sitename != outlet
        and sitename in page_title
        and len(sitename.split()) > 6
    ):
        found["outlet"] = outlet
    if "date" not in found:
        stated = _stated_date(tree)
        if stated:
            found["date"] = stated
    if "author" in found:
        found["author"] = clean_author(found["author"]) or found.pop("author")
    kept = " ".join((text or "").split())
    # what the extraction leaves out of boxes and quotations is listed, never lost silently
    sidebars = tuple(
        dict.fromkeys([*pulled, *(line for line in [*boxes, *quoted] if line not in kept)])
    )
    page = _page_holds(tree, captions, found)
    return text or "", found, tuple(captions), page, sidebars, tuple(rows)


def title_outlet(title: str) -> str | None:
    """The outlet a page's ``<title>`` ends with after a bar ("… | The State
    Journal-Courier"), or after a dash where it is a news outlet's name ("… - Harbour
    News"), or None. A part of six words or fewer, not the whole title."""
    parts = [p.strip() for p in re.split(r"\s+\|\s+", " ".join(title.split()))]
    last = parts[-1] if len(parts) > 1 else None
    if last is None:
        dashed = re.split(r"\s+[-–—]\s+", " ".join(title.split()))
        if len(dashed) > 1 and dashed[-1].split()[-1].lower() in NEWS_OUTLET_WORDS:
            last = dashed[-1]
    if last and len(last.split()) <= 6 and last[:1].isupper():
        return last
    return None


#: Elements that state when the page was filed: a byline, a date line, a time stamp.
_DATE_XPATH = (
    "//*[contains(@class,'byline') or contains(@class,'date') or contains(@class,'time') or "
    "contains(@class,'published') or contains(@class,'meta') or contains(@class,'dateline')]"
)


def _stated_date(tree) -> str | None:
    """The full date ("June 10, 2025") the page's byline or date line states, as an ISO
    date (``_dated``), or None; the first such element that states one."""
    for node in tree.xpath(_DATE_XPATH)[:20]:
        found = FULL_DATE.search(" ".join(node.text_content().split()))
        if found:
            return _dated(found.group())
    return None


def clean_author(raw: str) -> str | None:
    """The people of a page's author field, without the roles, dates and labels run in
    with them ("Hannah Whitcomb; Staff Writer; Updated June" -> "Hannah Whitcomb"), joined
    with ", "; None when none is left."""
    names = []
    for part in re.split(r"\s*[;|]\s*|\s*,\s*|\s+and\s+", raw):
        part = re.sub(r"^(?i:by)\s+", "", part.strip())
        words = part.split()
        if (
            1 < len(words) <= 4
            and all(w[:1].isupper() for w in words)
            and not any(w.lower().strip(".") in _NOT_AUTHOR for w in words)
            and not re.search(r"\d", part)
        ):
            names.append(part)
    return ", ".join(dict.fromkeys(names)) or None


#: Words of a role or a label run in with an author's name ("Updated June" goes with
#: 'updated'; a date with a digit goes as a whole).
_NOT_AUTHOR = frozenset(
    """staff writer reporter correspondent editor columnist contributor updated published
    posted news desk team wire press associated senior chief political business""".split()
)


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
