"""Text laid out for print, read back as the article's paragraphs. Pure.

Text copied or extracted from a PDF, or saved from an e-mail client, is often hard-wrapped:
each paragraph broken into lines of about one length, words hyphenated at a line's end, and
the page's footer and running head ("Page 1 of 3", the issuer's registered address) printed
in the middle of a sentence at every page break. ``unwrap_text`` gives such text back as one
line per paragraph, before any line is judged a heading or furniture: a wrapped line that
stops short of a heading's test ("… the Conduct and Payments Authority and the Data") is
half a sentence, and a page's footer is no line of the article.

``markdown_footnotes`` sets a Markdown file's footnotes ("[^1]" and "[^1]: …") apart, and
``without_stage_directions`` a transcript's stage directions ("[Interruption.]",
"(Laughter)"). Each function returns what it took out, so nothing goes unlisted.
"""

from __future__ import annotations

import re

#: A page's number on a line of its own: "Page 2 of 3", "Page 4", "p. 7", "- 3 -", "2/5".
_PAGE_MARK = re.compile(
    r"(?:(?:page|p\.|pg\.?)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"
    r"|[-–—]\s*\d{1,4}\s*[-–—]|\d{1,4}\s*(?:/|of)\s*\d{1,4})",
    re.IGNORECASE,
)
#: How far from a page's number (non-blank lines) its footer or running head is printed.
_BREAK_REACH = 2
#: A running head or footer is a short line: this many words at most.
_RUNNING_WORDS = 20
#: A line that ends a sentence (or a quotation, or a clause before a list).
_TERMINAL = re.compile(r"""[.!?…:;"”’)\]]\s*$""")
#: A line that opens a list item or a labelled line ("Media: …", "Q:"): never a wrapped
#: line's continuation.
_OWN_LINE = re.compile(
    r"^(?:[-*•·–—]\s|\d{1,3}[.)]\s|\(?[a-z]\)\s|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}:\s)"
)
#: A word broken at the line's end by a hyphen: "cus-", "state-of-the-" (not " - ", "—").
_BROKEN_WORD = re.compile(r"(?<![\w-])(?P<head>[A-Za-z][A-Za-z'’-]*[A-Za-z])-$")
_NEXT_WORD = re.compile(r"^(?P<tail>[a-z][a-z'’]*)")
#: Hard-wrapped text: lines of this many characters at most ...
_WRAP_MAX = 100
_WRAP_MIN = 30
#: ... at least this many lines continued by the next (a paragraph's inner lines) ...
_WRAP_LINES = 4
#: ... of which this share stop where the next line's first word would not have fitted.
_WRAP_SHARE = 0.6
#: A line not ending a sentence is wrapped when it is this close to the width (columns):
#: proportional type set the page, so the character count of a full line varies.
_WRAP_SLACK = 0.15

#: The first half of a compound usually written with a hyphen ("well-known", "self-made"): a
#: word broken after it keeps its hyphen, unless the text spells it closed. Not a common
#: syllable too ("ex-ample", "mid-dle", "so-cial", "ten-sion"), which a compound's second
#: half ("ten-year", "mid-term": ``_COMPOUND_TAILS``) or the text itself has to tell.
_COMPOUND_HEADS = frozenset(
    """well ill self non anti half all long short high low full first second third last one
    two three semi multi vice cross co left right wide world year record front best worst
    cost life hard open""".split()
)
#: Endings that make no word alone: a broken word ending in one is joined ("high-est").
_SUFFIXES = frozenset(
    """er ers est ed ing ings ly ness ment ments ship ful less ish ous ion ions ity ance ence
    age al ward wards ies es s ive ably ibly able ible ant ent ism ist ists ise ize ic ics
    ical ier iest sion sions tion tions ary ory teen ty""".split()
)
#: The second half of a compound usually written with a hyphen ("state-owned", "long-term").
_COMPOUND_TAILS = frozenset(
    """based led owned backed funded run known term year old style related free like scale
    level made driven focused friendly sized born looking ranging reaching hitting off
    up""".split()
)


# --- hard-wrapped text and page breaks ------------------------------------------------------


def unwrap_text(text: str) -> tuple[str, list[str], list[str]]:
    """``text`` with print's layout undone, the lines taken out, and notes.

    - A page's number on a line of its own ("Page 2 of 3") and the short lines printed next
      to it that repeat on other pages (a footer, a running head) are taken out; the
      sentence broken by the page break is joined again when the text before the break does
      not end a sentence and the text after it continues it (a lower-case word, a broken
      word, or, in hard-wrapped text, a line that was full).
    - A word hyphenated at a line's end is joined ("cus-" / "tomers" -> "customers") when
      the next line goes on in lower case; it keeps its hyphen when the text writes it so
      elsewhere or its first half is a compound's ("well-" / "known" -> "well-known").
    - In hard-wrapped text (most lines continued by the next stop where the next word would
      not have fitted, at most ``_WRAP_MAX`` columns) the lines of one paragraph are joined.
      A line that stops short (a heading, the last line of a paragraph), a list item and a
      labelled line ("Media: …") stay lines of their own.

    Text that is not hard-wrapped and has no page numbers is returned unchanged but for
    hyphenated words. Blank lines between paragraphs are kept. Never raises.
    """
    lines = [line.rstrip() for line in text.split("\n")]
    lines, removed = _without_page_furniture(lines)
    blocks, breaks = _blocks(lines)
    width = _wrap_width(blocks)
    vocabulary = _vocabulary(text)
    joined_words = kept_hyphens = 0
    merged: list[list[str]] = []
    forced: set[tuple[int, int]] = set()  # (paragraph, line): joined to the line before
    for index, block in enumerate(blocks):
        if merged and index in breaks:
            after = blocks[index + 1] if index + 1 < len(blocks) else None
            if (
                _lone_heading(block)
                and after is not None
                and index + 1 not in breaks
                and _continues(merged[-1][-1], after[0], width)
            ):
                removed.append(block[0])  # a running head printed once, under the break
                breaks.add(index + 1)
                continue
            if (
                len(merged) > 1
                and _lone_heading(merged[-1])
                and _continues(merged[-2][-1], block[0], width)
            ):
                removed.append(merged.pop()[0])  # a footer printed once, over the break
            if _continues(merged[-1][-1], block[0], width):
                forced.add((len(merged) - 1, len(merged[-1])))
                merged[-1].extend(block)
                continue
        merged.append(list(block))
    out: list[list[str]] = []
    for number, block in enumerate(merged):
        paragraph = [block[0]]
        for at in range(1, len(block)):
            before, line = block[at - 1], block[at]  # the lines as printed, for their width
            if _BROKEN_WORD.search(before) and line[:1].isalnum():
                paragraph[-1], dehyphenated = _join(paragraph[-1], line, vocabulary)
                joined_words += dehyphenated
                kept_hyphens += 1 - dehyphenated
            elif (number, at) in forced or (width and _wrapped(before, line, width)):
                paragraph[-1], _ = _join(paragraph[-1], line, vocabulary)
            else:
                paragraph.append(line)
        out.append(paragraph)
    notes = []
    if width:
        notes.append(f"hard-wrapped text (about {width} columns) joined into paragraphs")
    if joined_words:
        notes.append(f"{joined_words} word(s) hyphenated at a line's end joined")
    if kept_hyphens:
        notes.append(f"{kept_hyphens} compound(s) broken after their hyphen joined, hyphen kept")
    if removed:
        notes.append(f"{len(removed)} page number, footer or running-head line(s) taken out")
    if not (width or joined_words or kept_hyphens or removed):
        return text, [], []
    return "\n\n".join("\n".join(p) for p in out) + "\n", removed, notes


def _without_page_furniture(lines: list[str]) -> tuple[list[str | None], list[str]]:
    """``lines`` with each page number and each footer or running head beside one (a short
    line printed on more than one page) replaced by None (a page break), and those lines."""
    marks = [i for i, line in enumerate(lines) if _PAGE_MARK.fullmatch(line.strip())]
    if not marks:
        return list(lines), []
    counts: dict[str, int] = {}
    for line in lines:
        if line.strip():
            counts[line.strip()] = counts.get(line.strip(), 0) + 1
    running: set[str] = set()
    for mark in marks:
        for step in (-1, 1):
            at, seen = mark + step, 0
            while 0 <= at < len(lines) and seen < _BREAK_REACH:
                line = lines[at].strip()
                if line and not _PAGE_MARK.fullmatch(line):
                    seen += 1
                    if counts[line] > 1 and len(line.split()) <= _RUNNING_WORDS:
                        running.add(line)
                at += step
    out: list[str | None] = []
    removed: list[str] = []
    for line in lines:
        if _PAGE_MARK.fullmatch(line.strip()) or line.strip() in running:
            removed.append(line.strip())
            out.append(None)
        else:
            out.append(line)
    return out, removed


def _blocks(lines: list[str | None]) -> tuple[list[list[str]], set[int]]:
    """The blocks of lines between blank lines, and the indexes of the blocks that follow a
    page break (a taken-out line, None, among the blank lines before them)."""
    blocks: list[list[str]] = []
    breaks: set[int] = set()
    gap_broken = False
    current: list[str] = []
    for line in lines:
        if line is None or not line.strip():
            if current:
                blocks.append(current)
                current = []
            gap_broken = gap_broken or line is None
            continue
        if not current:
            if gap_broken and blocks:
                breaks.add(len(blocks))
            gap_broken = False
        elif gap_broken:  # a page break with no blank line around it
            blocks.append(current)
            breaks.add(len(blocks))
            current = []
            gap_broken = False
        current.append(line.strip())
    if current:
        blocks.append(current)
    return blocks, breaks


def _lone_heading(block: list[str]) -> bool:
    """Whether ``block`` is one short line that ends no sentence (a footer, a running head)."""
    return (
        len(block) == 1
        and len(block[0].split()) <= _RUNNING_WORDS
        and not _TERMINAL.search(block[0])
    )


def _first_word(line: str) -> str:
    return line.split(maxsplit=1)[0] if line.split() else ""


def _wrap_width(blocks: list[list[str]]) -> int | None:
    """The column a hard-wrapped text is wrapped at, or None when it is not hard-wrapped:
    at least ``_WRAP_LINES`` lines continued by the next (not by a list item or a labelled
    line), most of which (``_WRAP_SHARE``) stop where the next line's first word would not
    have fitted, and hardly a line (a tenth) much longer than the width."""
    inner = [
        (a, b)
        for block in blocks
        for a, b in zip(block, block[1:], strict=False)
        if not _OWN_LINE.match(b)
    ]
    if len(inner) < _WRAP_LINES:
        return None
    lengths = sorted(len(a) for a, _ in inner)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if not _WRAP_MIN <= width <= _WRAP_MAX:
        return None
    every = [line for block in blocks for line in block]
    if sum(1 for line in every if len(line) > width + 10) > 0.1 * len(every):
        return None
    full = sum(1 for a, b in inner if len(a) + 1 + len(_first_word(b)) > width)
    return width if full >= _WRAP_SHARE * len(inner) else None


def _wrapped(line: str, nxt: str, width: int) -> bool:
    """Whether ``nxt`` continues ``line``'s paragraph in text wrapped at ``width``: ``line``
    stops where ``nxt``'s first word would not have fitted (with some slack unless it ends
    a sentence), and ``nxt`` opens no list item or labelled line."""
    if _OWN_LINE.match(nxt):
        return False
    needed = len(line) + 1 + len(_first_word(nxt))
    if _TERMINAL.search(line):
        return needed > width
    return needed > width * (1 - _WRAP_SLACK)


def _continues(before: str, after: str, width: int | None) -> bool:
    """Whether the text after a page break (``after``) goes on with the sentence before it."""
    if _BROKEN_WORD.search(before) and _NEXT_WORD.match(after):
        return True
    if _TERMINAL.search(before) or _OWN_LINE.match(after):
        return False
    return after[:1].islower() or bool(width and _wrapped(before, after, width))


def _join(line: str, nxt: str, vocabulary: set[str]) -> tuple[str, int]:
    """``line`` and ``nxt`` as one line, and 1 when a hyphenated word was joined (else 0)."""
    broken = _BROKEN_WORD.search(line)
    following = _NEXT_WORD.match(nxt)
    if broken and following:
        head, tail = broken["head"], following["tail"]
        if _keeps_hyphen(head, tail, vocabulary):
            return f"{line}{nxt}", 0
        return f"{line[:-1]}{nxt}", 1
    if broken and nxt[:1].isalnum():
        return f"{line}{nxt}", 0  # "Anglo-" / "Irish", "COVID-" / "19": the hyphen stays
    return f"{line} {nxt}", 0


def _vocabulary(text: str) -> set[str]:
    """The words of ``text``, lower case, hyphenated ones also whole ("well-known")."""
    return {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]", text)}


def _stem(word: str) -> str:
    for ending in ("ing", "ed", "es", "s", "ly"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def _keeps_hyphen(head: str, tail: str, vocabulary: set[str]) -> bool:
    """Whether the word broken as ``head``-/``tail`` is a hyphenated compound: the text
    writes it with its hyphen elsewhere; else not when it writes it closed (or a form of
    it: "customer" for "cus-"/"tomers"); else when ``head`` already holds a hyphen
    ("state-of-the-"), is a compound's usual first half ("well", "ex", "one") or ``tail``
    its usual second half ("owned", "term"), and ``tail`` is no bare ending ("est")."""
    whole = f"{head}{tail}".lower()
    if f"{head}-{tail}".lower() in vocabulary:
        return True
    stems = {_stem(w) for w in vocabulary}
    if whole in vocabulary or _stem(whole) in stems:
        return False
    if tail.lower() in _SUFFIXES:
        return False
    last = head.lower().rsplit("-", 1)[-1]
    return "-" in head or last in _COMPOUND_HEADS or tail.lower() in _COMPOUND_TAILS


# --- Markdown footnotes -------------------------------------------------------------------

_FOOTNOTE_DEFINITION = re.compile(r"^ {0,3}\[\^(?P<label>[^\]\s]{1,40})\]:")
_FOOTNOTE_MARKER = re.compile(r"[ \t]*\[\^(?P<label>[^\]\s]{1,40})\](?!:)")


def markdown_footnotes(text: str) -> tuple[str, list[str]]:
    """A Markdown article without its footnotes, and the footnotes' text.

    A footnote's definition ("[^1]: The bank's own figure.", with the lines that continue
    it) is a note on the article, not its text; each marker pointing to a defined footnote
    ("numbers.[^1]") is taken out of the sentence it sits in. Markers with no definition
    are left as written. Returns the text and the definitions, then the markers, taken out.
    Never raises.
    """
    lines = text.split("\n")
    kept: list[str] = []
    notes: list[str] = []
    labels: set[str] = set()
    in_note = False  # the lines read are a definition's, blank lines since included
    blank_since = False
    for line in lines:
        if match := _FOOTNOTE_DEFINITION.match(line):
            labels.add(match["label"])
            notes.append(line.strip())
            in_note, blank_since = True, False
            continue
        if in_note:
            if not line.strip():
                blank_since = True
            elif not blank_since or line.startswith(("    ", "\t")):
                notes[-1] = f"{notes[-1]} {line.strip()}"  # a lazy or indented continuation
                continue
            else:
                in_note = False
        kept.append(line)
    if not labels:
        return text, []
    markers: list[str] = []

    def drop(match: re.Match) -> str:
        if match["label"] not in labels:
            return match.group()
        markers.append(match.group().strip())
        return ""

    body = _FOOTNOTE_MARKER.sub(drop, "\n".join(kept))
    return body, notes + markers


# --- stage directions ---------------------------------------------------------------------

#: What a transcript or a parliamentary record notes between or inside speeches:
#: "[Interruption.]", "[Laughter]", "(APPLAUSE)", "[Hon. Members: “Hear, hear!”]",
#: "[Mr Speaker in the Chair]", "[The House divided.]". Never an editor's insertion in a
#: quotation ("[the minister]", "[Johnson]"), which is part of the quotation as published.
_STAGE_DIRECTION = re.compile(
    r"""[ \t]*(?:\[|\()(?i:
        (?:(?:loud|prolonged|some|more)\s+)?
        (?:interruptions?|laughter|applause|cheers|cheering|booing|boos|jeers|jeering
          |heckling|uproar|shouting|crosstalk|cross-talk|inaudible|unintelligible|pause
          |silence|sighs|laughs|gasps|murmurs|noise)
        |hon\.\s+members\s*:[^\[\]()]{1,60}
        |(?:(?:mr|madam|madame|mister|the)\s+)?(?:deputy\s+)?(?:speaker|presiding\s+officer
          |chair(?:man|woman)?)\s+in\s+the\s+chair
        |(?:the\s+)?(?:presiding\s+officer|(?:deputy\s+)?speaker|house|meeting|sitting
          |committee)\s+(?:opened|closed|suspended|adjourned|divided|resumed|rose)\b[^\[\]()]{0,60}
    )[.!…]?(?:\]|\))""",
    re.VERBOSE,
)


def without_stage_directions(body: str) -> tuple[str, list[str]]:
    """``body`` (paragraphs apart by blank lines) without a record's stage directions, and
    the directions taken out. A direction inside a speech ("adviser. [Interruption.] If the
    hon. Lady …") is no word the speaker said: the words either side stay as written, one
    space between them; a paragraph that was only a direction goes. Never raises."""
    removed: list[str] = []

    def drop(match: re.Match) -> str:
        removed.append(match.group().strip())
        return ""

    paragraphs = []
    for paragraph in body.split("\n\n"):
        changed = _STAGE_DIRECTION.sub(drop, paragraph)
        if changed != paragraph:
            changed = re.sub(r"[ \t]{2,}", " ", changed).strip()
            if not changed:
                continue
        paragraphs.append(changed)
    if not removed:
        return body, []
    text = "\n\n".join(paragraphs)
    return text if text.endswith("\n") else text + "\n", removed
