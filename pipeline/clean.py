"""From bytes to article text: decode, repair, and set page furniture apart. Pure.

``decode_bytes`` turns a file's bytes into text (UTF-8, a byte-order mark's UTF-16/32,
Windows-1252, or what charset-normalizer finds); ``repair_text`` undoes text that was once
mis-decoded (with ftfy) and removes invisible characters that would split a name or a word;
``clean_text`` drops page furniture, on positive evidence only, and sets captions, wire
credits and datelines apart. Every function returns notes, in words a reader can check, of
what it changed; nothing is dropped without being listed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import InputError
from .rules.text import EDITORIAL_NOTE
from .rules.text import MARKDOWN_HEADING as _MARKDOWN_HEADING
from .rules.vocabulary import NEWS_OUTLET_WORDS

#: A day of the week as written with a capital ("Saturday"), for datelines and mastheads.
WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"

# Magic numbers of binary formats that sometimes hide behind a text extension.
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x1f\x8b")
# Byte-order marks, longest first (a UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32", "UTF-32"),
    (b"\xef\xbb\xbf", "utf-8-sig", None),
    (b"\xff\xfe", "utf-16", "UTF-16"),
    (b"\xfe\xff", "utf-16", "UTF-16"),
)


# --- decoding ------------------------------------------------------------------------------


def decode_bytes(raw: bytes) -> tuple[str, list[str]]:
    """Text of a file's bytes and notes on how it was decoded.

    In order: a byte-order mark (UTF-8, UTF-16, UTF-32); UTF-16 without a mark (every other
    byte zero); UTF-8; Windows-1252 when the bytes decode under it into mostly Latin text
    (the usual legacy encoding of English news; charset-normalizer alone can take a short
    Windows-1252 file for another code page and turn "£" into "Ł"); else the encoding
    charset-normalizer finds. Raises ``InputError`` for binary data or bytes no text
    encoding fits, with what to do.
    """
    for bom, codec, label in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError as error:
                raise InputError(
                    f"starts with a {label or 'UTF-8'} byte-order mark but is not valid "
                    f"{label or 'UTF-8'} ({error.reason}); save it again as UTF-8"
                ) from error
            return text, [f"decoded as {label} (byte-order mark)"] if label else []
    if raw.startswith(_BINARY_MAGIC):
        raise InputError("binary data (PDF, image or archive?) behind a text extension; skipped")
    if b"\x00" in raw[:4096]:
        text = _utf16_without_bom(raw)
        if text is None:
            raise InputError(
                "binary data (PDF, image or archive?) behind a text extension; skipped"
            )
        return text, ["decoded as UTF-16 (no byte-order mark)"]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    text, utf8_lines, undefined = _windows_1252_lines(raw)
    if _mostly_latin(text):
        note = "not UTF-8: decoded as Windows-1252"
        if utf8_lines:
            note += f" ({utf8_lines} line(s) written in UTF-8 read as UTF-8)"
        if undefined:
            note += f"; {undefined} byte(s) Windows-1252 does not define"
        return text, [note]
    return _detected(raw)


def _windows_1252_lines(raw: bytes) -> tuple[str, int, int]:
    """``raw`` read line by line: a line that is valid UTF-8 holding non-ASCII characters as
    UTF-8 (a paragraph pasted in from elsewhere), every other line as Windows-1252, where a
    byte that code page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) becomes the C1
    control of the same number (ftfy's sloppy codec), for the repair to mend or mark.
    Returns the text, the number of lines read as UTF-8 and of undefined bytes."""
    import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252")

    parts: list[str] = []
    utf8_lines = undefined = 0
    for line in raw.splitlines(keepends=True):
        if not line.isascii():
            try:
                parts.append(line.decode("utf-8"))
                utf8_lines += 1
                continue
            except UnicodeDecodeError:
                undefined += sum(line.count(bytes([b])) for b in _CP1252_UNDEFINED)
        parts.append(line.decode("sloppy-windows-1252"))
    return "".join(parts), utf8_lines, undefined


#: Signs of text decoded under the wrong code page, where ftfy sees none: a word mixing
#: ASCII letters with Greek or Cyrillic ones ("trΉs"); an accented small letter opening a
#: word before a capital, where a quote mark stood ("ìWe"); an accented letter run into a
#: number, where a currency sign stood ("Ä1.2 billion").
_IMPLAUSIBLE = re.compile(
    "[A-Za-z][\u0370-\u03ff\u0400-\u04ff]|[\u0370-\u03ff\u0400-\u04ff][A-Za-z]"
    "|(?<![^\\W\\d_])[\u00df-\u00ff][A-Z]|[\u00c0-\u00ff](?=\\d)"
)
#: Bytes Windows-1252 leaves undefined.
_CP1252_UNDEFINED = (0x81, 0x8D, 0x8F, 0x90, 0x9D)


def _detected(raw: bytes) -> tuple[str, list[str]]:
    """The first of charset-normalizer's readings of ``raw`` that is plausible text: no
    sequence ftfy takes for mojibake ("Norwayís" and "Ä1.2 billion" from a Mac code page
    applied to Windows-1252 bytes) and none of ``_IMPLAUSIBLE``'s signs. Raises
    ``InputError`` when none is."""
    from charset_normalizer import from_bytes
    from ftfy.badness import is_bad

    for match in from_bytes(raw):
        text = str(match)
        if not is_bad(text) and not _IMPLAUSIBLE.search(text):
            return text, [f"not UTF-8: decoded as {match.encoding}"]
    raise InputError(
        "not valid UTF-8 and no text encoding gives plausible text; open it in an editor "
        "and save it as UTF-8"
    )


def _utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 text whose zero bytes fall every other byte (Latin text), or None."""
    sample = raw[: 4096 - len(raw[:4096]) % 2]
    pairs = len(sample) // 2
    if pairs < 8:
        return None
    for codec, zero_at in (("utf-16-le", 1), ("utf-16-be", 0)):
        zeros = sum(1 for i in range(zero_at, len(sample), 2) if sample[i] == 0)
        if zeros >= 0.6 * pairs:
            try:
                text = raw[: len(raw) - len(raw) % 2].decode(codec)
            except UnicodeDecodeError:
                return None
            shown = sum(c.isprintable() or c.isspace() for c in text[:2048])
            return text if shown >= 0.97 * len(text[:2048]) else None
    return None


def _mostly_latin(text: str) -> bool:
    """True when at least 90% of the letters are ASCII and C1 control characters (bytes
    Windows-1252 leaves undefined) are rare: one, or one in 20 non-ASCII characters (a
    stray byte; a Mac or DOS code page read as Windows-1252 puts its accented letters
    there). What English (or Western European) text looks like under its right code page."""
    letters = [c for c in text if c.isalpha()]
    controls = sum("\x80" <= c <= "\x9f" for c in text)
    foreign = sum(not c.isascii() for c in text)
    if not letters or controls > max(1, foreign // 20):
        return False
    return sum(c.isascii() for c in letters) >= 0.9 * len(letters)


# --- repair --------------------------------------------------------------------------------

# Characters that never show but split a word or a name when matched: soft hyphen, zero-width
# space, word joiner, a byte-order mark inside the text.
_INVISIBLE = {
    "\u00ad": "soft hyphen",
    "\u200b": "zero-width space",
    "\u2060": "word joiner",
    "\ufeff": "zero-width no-break space",
}
# Zero-width (non-)joiners matter in some scripts; between Latin letters they only split words.
_LATIN_JOINER = re.compile(r"(?<=[A-Za-z])[\u200c\u200d]|[\u200c\u200d](?=[A-Za-z])")
_SOFT_HYPHEN_BREAK = re.compile("\u00ad[ \t]*\n[ \t]*")
_NO_BREAK_SPACES = re.compile("[\u00a0\u2007\u202f]")
_LINE_SEPARATORS = re.compile("\r\n|[\r\u2028\u2029\u0085]")
# A closing ” (E2 80 9D) read as Windows-1252 loses its last byte, which that code page does
# not define: "â€" and a replacement character, or nothing, before a space or punctuation.
# A word holding a character typical of mojibake (for the repair note's examples).
_SUSPECT_WORD = re.compile("\\S*[ÂÃâÅÄ\u0080-\u009f\ufffd]\\S*")
_CLOSER_BYTES = "â€\x9d"  # E2 80 9D as ftfy's sloppy Windows-1252 reads them
_LOST_CLOSING_QUOTE = re.compile("â€[\ufffd\x9d?](?=[\\s,.;:!?)\\]]|$)")


def repair_text(text: str) -> tuple[str, list[str]]:
    """``text`` with mis-decoding undone and invisible characters removed, and notes.

    Mojibake (UTF-8 once decoded as Windows-1252 or Latin-1: "â€œ", "Â£", "Ã©") is fixed
    by ftfy, which changes nothing in text that is not mojibake; curly quotes, ligatures and
    HTML entities are left as written. Soft hyphens, zero-width characters and Latin
    zero-width joiners are removed; non-breaking spaces become spaces; line endings become
    ``\\n``. The notes say what was repaired, with examples.
    """
    import ftfy

    notes: list[str] = []
    text = _LINE_SEPARATORS.sub("\n", text)
    original = text
    lost = _LOST_CLOSING_QUOTE.subn(_CLOSER_BYTES, text)
    text = lost[0]
    config = ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=True,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        remove_control_chars=False,
        normalization=None,
    )
    fixed, misread = _fix_lines(text, config)
    if fixed != text:
        shown = ", ".join(f"{_visible(bad)} → {good}" for bad, good in _changes(original, config))
        page = "Latin-1" if "latin" in misread else "Windows-1252"
        notes.append(
            f"text once mis-decoded (UTF-8 read as {page}) was repaired with ftfy"
            + (f": {shown}" if shown else "")
            + (
                f"; {lost[1]} closing quote mark(s) whose last byte was lost restored"
                if lost[1]
                else ""
            )
        )
    text = fixed.replace(_CLOSER_BYTES, "â€\ufffd")  # a lost quote not in mojibake after all
    text, controls = _C1_CONTROL.subn("\ufffd", text)
    if controls:
        notes.append(
            f"{controls} character(s) no text uses (C1 controls, bytes the encoding leaves "
            "undefined) marked �"
        )
    counts: dict[str, int] = {}
    # A soft hyphen where a word was broken across lines joins the two halves.
    text, broken = _SOFT_HYPHEN_BREAK.subn("", text)
    if broken:
        counts["soft hyphen"] = broken
    for char, name in _INVISIBLE.items():
        if char in text:
            counts[name] = counts.get(name, 0) + text.count(char)
            text = text.replace(char, "")
    text, joiners = _LATIN_JOINER.subn("", text)
    if joiners:
        counts["zero-width joiner"] = joiners
    if counts:
        notes.append(
            "invisible characters removed: "
            + ", ".join(f"{n} {name}{'s' if n > 1 else ''}" for name, n in counts.items())
        )
    text, spaces = _NO_BREAK_SPACES.subn(" ", text)
    if spaces:
        notes.append(f"{spaces} non-breaking space{'s' if spaces > 1 else ''} made plain")
    return text, notes


#: A C1 control character: never in text, the trace of a byte its encoding leaves undefined.
_C1_CONTROL = re.compile("[\x80-\x9f]")


def _fix_lines(text: str, config) -> tuple[str, str]:
    """``text`` with each line's mojibake undone by ftfy, one line at a time: a file can
    hold one pasted paragraph of mojibake ("Brekkeâ€™s") among correct characters
    ("Düsseldorf", "€"), and ftfy judges a whole text at once as either. A line is changed
    only where ftfy re-encodes it. Returns the text and the code page the mojibake came
    from ("" when none)."""
    import ftfy

    lines = text.split("\n")
    misread = ""
    for index, line in enumerate(lines):
        if line.isascii():
            continue
        fixed, steps = ftfy.fix_and_explain(line, config=config)
        if fixed != line and any(
            step[0] in ("encode", "decode", "transcode") for step in steps or []
        ):
            lines[index] = fixed
            misread = misread or next((codec for step, codec in steps if step == "encode"), "")
    return "\n".join(lines), misread


def _changes(before: str, config, limit: int = 4) -> list[tuple[str, str]]:
    """Up to ``limit`` distinct words of ``before`` that ftfy changes, with their repair
    (for notes; linear in the text)."""
    import ftfy

    found: dict[tuple[str, str], None] = {}
    for match in _SUSPECT_WORD.finditer(before):
        word = match.group()
        fixed = ftfy.fix_text(_LOST_CLOSING_QUOTE.sub(_CLOSER_BYTES, word), config)
        if fixed != word:
            found[(word, fixed)] = None
            if len(found) >= limit:
                break
    return list(found)


def _visible(text: str) -> str:
    """``text`` with characters that do not print (C1 controls) written as ``\\x9c``."""
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text)


# --- furniture -----------------------------------------------------------------------------

_SHARE_WORDS = (
    r"(?:share|tweet|email|e-mail|print|copy\ link|facebook|twitter|x|whatsapp|linkedin|reddit"
    r"|telegram|pinterest|messenger|flipboard|bluesky|threads|comments?|save|gift\ article)"
)
# Whole lines that are page furniture, recognised by what they are, never by their length or
# missing punctuation. Matched case-insensitively against the stripped line.
_FURNITURE = re.compile(
    rf"""^(?:
        # newsletter and sign-up prompts, account and access prompts
        (?:sign\ up|subscribe|register|log\ ?in|sign\ in|join|get\ (?:our|the)\ )\b.*
            \b(?:newsletters?|inbox|free|now|today|here|access|unlimited|account|updates|alerts
            |read|reading|continue)\b.*
      | .*\bnewsletters?\b.*\b(?:inbox|sign\ up|subscribe)\b.*
      | .*\b(?:inbox|sign\ up|subscribe)\b.*\bnewsletters?\b.*
      | (?:sign\ up|subscribe|register|log\ ?in|sign\ in|join\ now|continue\ reading
          |read\ more|see\ more|show\ more|load\ more|more|advertisement|advert|sponsored
          |skip\ advert(?:isement)?|close|menu|listen|watch|comments?|related)\W*
      # follow prompts
      | follow\ (?:topic|us|@|on\ |this\ (?:topic|author|story))\b.*|follow\ topic:?.*
      # photo, video and graphic credits (a caption with its credit is handled apart)
      | (?:photo|photograph|picture|pic|image|video|graphic|illustration|credit|photo\ credit
          |image\ source|image\ caption|media\ caption)s?\s*:.*
      # links to other stories
      | (?:see|read)\ more\b.*|(?:also\ )?read\ (?:also|next)\b.*
      # "More on this story", "More from Sport:": a link label, not "More on the salvage
      # plan. Divers have…", which reports
      | more\ (?:on|from)\b[^.!?]*(?:[.!?:]\W*)?
      | related(?:\ (?:stories|articles|coverage|content|reading|links|topics|news|videos))?
          (?:\s*:.*|\W*)
      | (?:most\ (?:read|popular|viewed|shared)|recommended(?:\ for\ you)?|top\ stories
          |(?:today['’]s\ )?(?:top|lead|cover|big)\ story|in\ this\ (?:issue|edition)
          |this\ (?:week|issue)(?:['’]s\ (?:top|lead|big)\ story)?
          |trending(?:\ now)?|latest\ (?:news|stories)|you\ may\ also\ like|don't\ miss)\W*
      # sharing buttons: a line made only of network names
      | {_SHARE_WORDS}(?:\s*[|,·•/]?\s*{_SHARE_WORDS})*\W*
      | share\ (?:this|on|via|the|article|story)\b.*|click\ here\b.*|tap\ here\b.*
      # page and reading furniture
      | (?:story|article)\ continues\ (?:below|after).*|scroll\ (?:down\ )?to\ continue.*
      | continue\ reading.*|skip\ (?:to|past)\ .*|listen\ to\ this\ article.*
      | \d+\s*min(?:ute)?s?\ read|our\ standards\s*:.*|.*\btrust\ principles\.?
      | (?:©|\(c\)\ |copyright\b).*|all\ rights\ reserved.*
      | (?:tags|topics|filed\ under)\s*:.*
      | (?:first\ )?(?:published|updated|posted|last\ (?:updated|modified))\s*(?::|on\b|at\b)?
          \s*[\w ,:./-]{{0,40}}\b\d{{4}}\b[\w ,:./+-]{{0,20}}
      # an embargo on a release's line of its own: "Embargoed until 00:01 BST Wednesday …"
      | [*_]*embargoed\ (?:until|till)\b[^.]{{0,60}}
      # a correction note, a wire's in double brackets: "((This story has been corrected …))"
      | \(*\s*(?:this\ (?:article|story|report)\ (?:was|has\ been)
          \ (?:amended|updated|corrected|refiled)).*

      | you\ need\ to\ enable\ javascript.*|please\ enable\ javascript.*
      # picture agencies standing alone, BBC-style accessible labels, relative timestamps
      | (?:getty\ images|shutterstock|alamy|epa(?:-efe)?)\W*
      | (?:image|media|video)\ (?:source|caption)\s*,.*
      | (?:published|updated|posted)\s+\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?)\s+ago
      # translation and syndication notes: "Translated from French. This article first
      # appeared in Le Courrier de la Vérane."
      | (?:(?:translated\ (?:from\ (?:the\ )?[\w-]+|by\ [^.]{{1,60}})(?:\ by\ [^.]{{1,60}})?
          |this\ (?:article|story|piece|report)\ (?:first\ |originally\ )?(?:appeared
          |was\ (?:first\ |originally\ )?published)\ (?:in|on|by)\ [^.]{{1,80}}
          |(?:originally\ published|republished)\ (?:in|by|with)\ [^.]{{1,80}})\.?\s*){{1,2}}
      | \(\s*translated\ (?:from|by)\ [^()]{{1,80}}\)\.?
      # press releases: release markers and media contacts
      | for\ immediate\ release\W*|\#{{3}}|-*\s*ends\s*-*
      | media\ (?:contacts?|enquiries|inquiries)\s*:.*
      | notes?\ to\ editors\s*:?
      # reader prompts of local papers and tabloids
      | (?:got|have|do\ you\ have)\ a\ (?:story|news\ tip|tip|picture)\b.*
      | (?:have|had)\ your\ say\b.*|(?:join|tell\ us\ in)\ the\ (?:comments|conversation)\b.*
      | (?:what\ do\ you\ think|let\ us\ know)\b[^.]{{0,80}}\b(?:comments?|email|below)\b.*
      # an interview's editorial note: "This interview has been edited for length and clarity."
      | {EDITORIAL_NOTE}
          (?:,?\ (?:and|for|lightly|edited|condensed|shortened|length|clarity|brevity|space))*
          \W*
      | we\ pay\ for\ (?:your\ )?(?:stories|pictures|videos).*
      | (?:email|contact)\ (?:us|the\ newsroom|our\ newsdesk|the\ newsdesk)\b.*
      # the reporter's contact line: "Contact Jane Doe at jdoe@paper.com or 555-0148."
      | (?:contact|reach|email|e-mail)\ [\w'’.-]+(?:\ [\w'’.-]+){{0,3}}\ (?:at|on|via)\ 
          [^\s@]+@[^\s@]+\.\w+.*
      # a telephone number standing alone ("217-555-0102", "+44 20 7946 0958"): nine digits
      # or more, so never a date ("10.06.2025")
      | (?:tel(?:ephone)?|phone|t)?\W{{0,3}}(?=(?:\D*\d){{9}})
          \+?\(?\d{{2,5}}\)?(?:[\ .-]\d{{2,5}}){{1,4}}\W*
      # an advertisement's offer: "Save 20% on summer tires at …"
      | (?:save|get|enjoy|take)\ (?:up\ to\ )?\d{{1,2}}\ ?%\ (?:off|on)\b.{{0,80}}
      # navigation: a lone separator or menu word, a row of menu items between bars
      | [\W_]+|(?:home|news|sport|contact(?:\ us)?|about(?:\ us)?|search|log\ out|loading)\W*
      # a wire desk's note on what a new version of the story adds or changes: "(Adds
      # regulator comment in paragraphs 7-13)", "(Updates with close of trading)"
      | \((?:adds|updates|recasts|corrects|changes|rewrites|writes\ through|repeats|refiles
          |updates|fixes|removes|inserts|moves|tops|adds\ byline)\b[^()]{{0,200}}\)
      # contributor credits: "Associated Press writer Ken Ode contributed to this report."
      | .{{0,120}}\bcontributed\ (?:to\ )?(?:this|the)\ (?:report|story|article)\.?
      | (?:[\w'’&]+(?:\ [\w'’&]+){{0,2}}\ ?\|\ ?){{2,}}[\w'’&]+(?:\ [\w'’&]+){{0,2}}
      # research notes and newsletters: their legal small print and the readers they are
      # for ("Disclosures: …", "Analyst certification: …", "For professional investors
      # only.")
      | (?:(?:important\ |regulatory\ )?disclosures?|analyst\ certification|disclaimer
          |risk\ warning|legal\ notice)\s*:.*
      | (?:.{{0,120}}[.!?:—–|]\s+)?(?:this\ (?:note|report|newsletter|document)\ is\ )?
          (?:for\ (?:professional|institutional|qualified|accredited|sophisticated)
          \ (?:investors|clients|subscribers)\ only
          |not\ for\ (?:retail|distribution\ to\ retail)(?:\ (?:investors|clients))?)
          \b.{{0,120}}
      # a list of notes or references: "[1] Company statement, 12 November 2024."
      | \[\d{{1,3}}\]\s+\S.*
      # newsletter e-mails
      | view\ (?:this\ (?:email|e-mail)\ )?(?:online|in\ (?:your\ )?browser).*|unsubscribe\b.*
      | (?:update|manage)\ (?:your\ )?(?:email\ |e-mail\ )?(?:preferences|subscription).*
      | you(?:'re|’re|\ are)\ receiving\ this\b.*|forwarded\ this\ (?:email|e-mail|newsletter)\b.*
      # the outlet's own prompts to come back: "Stay with KMLW 7 for updates on this
      # developing story", "Check back for updates", "This story will be updated"
      | (?:stay\ (?:with|tuned\ to)|keep\ it\ (?:here\ )?(?:with|on)|check\ back|come\ back)\b
          .{{0,80}}\b(?:updates?|more|developments|latest|developing)\b.*
      | (?:this\ is\ an?\ |this\ (?:story|article)\ is\ an?\ )?(?:developing|breaking)
          \ (?:story|news\ story)\b.{{0,80}}
      | this\ (?:story|article|page|post)\ (?:will\ be|is\ being|may\ be)\ updated\b.*
      | download\ (?:the|our)\ .{{0,40}}\bapp\b.*
      # live pages
      | show\ (?:key\ events|latest\ updates|more\ updates|all\ updates)\b.*|refresh\W*
      | (?:live\ )?(?:updates?\ )?auto-?update\ (?:on|off)\W*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# Story credits: "Reporting by Jane Doe; Editing by John Roe", "Writing by A in B".
_STAFF_CREDIT = re.compile(
    r"^\(?(?:additional\s+)?(?:reporting|writing|editing|compiled|research|graphics|"
    r"produced|fact-checking)\s+by\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
_CREDIT_WORDS = frozenset(
    "and in at from the of with additional reporting writing editing by compiled research "
    "graphics produced for".split()
)
# A byline: "By Jane Doe", "By Jane Doe and John Roe, Political Correspondent", a
# broadcast's "Presented by Jo Carne".
_BYLINE = re.compile(
    r"^(?i:(?:presented|reported|written|produced)\s+)?(?i:by)\s+(?P<names>[A-Z][\w’'.-]+(?:\s+(?:[A-Z][\w’'.-]+|and|&|van|von|de|der|al))*)"
    r"(?:\s*[,|–—-]\s*[\w ,'’&-]{0,60})?$"
)
# "… said on X. read more": a link label closing a paragraph of reporting.
_TRAILING_LINK = re.compile(r"\s+(?P<link>read more|see more|more here)\s*$", re.IGNORECASE)

# Wire agencies, as credited in datelines and closing credits.
WIRES = {
    "reuters": "Reuters",
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "bloomberg": "Bloomberg",
    "xinhua": "Xinhua",
    "dpa": "DPA",
    "pa": "PA",
    "pa media": "PA",
    "press association": "PA",
    "ani": "ANI",
    "pti": "PTI",
    "ians": "IANS",
    "efe": "EFE",
    "ansa": "ANSA",
    "kyodo": "Kyodo",
    "yonhap": "Yonhap",
    "upi": "UPI",
    "tass": "TASS",
    "anadolu": "Anadolu",
    "aap": "AAP",
    "cp": "CP",
    "the canadian press": "CP",
    "bernama": "Bernama",
    "cna": "CNA",
}
_WIRE_NAMES = "|".join(sorted((re.escape(w) for w in WIRES), key=len, reverse=True))
#: An agency this module does not know by name, credited in a dateline or a closing line:
#: capitalised words ending in a word of news agencies ("Meridian Press", "Allied
#: Newswire", "Northern News Service").
_AGENCY_NAME = r"(?:[A-Z][\w&'’.-]*\s+){1,3}(?:Press|News|Newswire|Wire|Agency|Service)"
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# "KYIV, Feb 24 (Reuters) -", "WASHINGTON (AP) —", "KYIV, Ukraine, March 5 (AP) —",
# "BRUSSELS - ", "LONDON -- ": a place in capitals, an optional date and wire, a dash.
_DATELINE_DATE = rf"{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?"
_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Z.'’ /-]*[A-Z.](?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)*)?)"
    rf"(?:,\s*(?P<date>{_DATELINE_DATE}))?"
    rf"(?:\s*\((?P<wire>(?i:{_WIRE_NAMES})|[A-Z]{{2,6}}|{_AGENCY_NAME})\))?"
    # a dash, or a colon after the agency's credit as South Asian wires write it
    # ("MUMBAI, Oct 14 (PTI):")
    rf"(?:\s*[-–—]{{1,2}}|(?<=\)):)\s+(?=\S)"
)  # an agency's initials in brackets after a dateline name it, known or not ("(ANW)")
#: A dateline on a line of its own over the first paragraph, its place in capitals, one
#: city or more: "NEW DELHI, November 9", "NEW DELHI/PORT ELLERY, November 9".
_DATELINE_LINE = re.compile(
    rf"^(?P<place>[A-Z][A-Z.'’ -]*[A-Z.](?:\s*/\s*[A-Z][A-Z.'’ -]*[A-Z.])*)"
    rf",\s*(?P<date>{_DATELINE_DATE})\.?$"
)
# A wire dateline with the place in ordinary case ("Kyiv, Feb 24 (Reuters) -") or none at all
# ("(Reuters) -"): the agency in brackets is the evidence.
_WIRE_DATELINE = re.compile(
    rf"^(?:(?P<place>[A-Z][\w.'’-]*(?:[ -][A-Z][\w.'’-]*){{0,3}}(?:,\s*[A-Z][A-Za-z.]+"
    rf"(?:\s[A-Z][A-Za-z.]+)*)?)(?:,\s*(?P<date>{_DATELINE_DATE}))?\s*)?"
    rf"\((?P<wire>(?i:{_WIRE_NAMES})|{_AGENCY_NAME})\)\s*[-–—:]{{1,2}}\s+(?=\S)"
)
# An agency credit closing the last paragraph ("… said on X. REUTERS") or standing alone
# on the last line ("— Reuters", "(AFP)"); never a photo credit ("Photo: AFP", "REUTERS/Name").
_CLOSING_WIRE = re.compile(
    rf"(?<![:/])(?:\s+|^)[-–—(]*\s*(?P<wire>{_WIRE_NAMES.upper()}|Reuters|Bloomberg|Xinhua)\)?\s*$"
    r"|^[-–—]\s*(?P<initials>[A-Z]{2,6})\s*$"  # a closing credit line of initials: "- ANW"
    rf"|^[-–—]\s*(?P<named>{_AGENCY_NAME})\s*$"  # or of a name: "- Meridian Press"
)
# A caption: a line that ends with the picture's credit.
_CAPTION_CREDIT = re.compile(
    r"""(?:
        [.!?)]\s*\(?(?i:photo|photograph|picture|pic|image|credit|photo\ credit)s?
            \s*:\s*[^.]{1,80}\)?
      | \s\(?(?i:photo|picture|image)\ by\ [^.]{1,80}\)?
      | [\s(](?:[A-Z][\w.-]*\s*){1,3}/\s*(?:Getty\ Images|AFP|AP|Reuters|EPA|Shutterstock|Alamy
            |PA(?:\ Media)?|Bloomberg|Sipa|Anadolu)(?:\ via\ Getty\ Images)?\)?
      | [\s(](?:Reuters|REUTERS|AFP|AP|EPA)/[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,3}\)?
      | \s\([^()]*\bvia\ Getty\ Images\)
      | \s\((?:AP|AFP|Reuters|EPA|PA|CP|AAP)\ (?:Photo|Images?)(?:/[^()]{1,60})?\)
      | [.!?]\s*(?i:file\ photo|handout\ photo)\b[^.]{0,80}
    )\.?\s*$""",
    re.VERBOSE,
)
#: A picture's caption under its label: "Photo: Protesters hold banners outside the hall on
#: Tuesday. / Kestrel Images" (five words or more after the label; "Photo: Getty Images" is
#: a credit alone).
_LABELLED_CAPTION = re.compile(
    r"^(?i:photo|photograph|picture|pic|image|illustration|above|top|main\s+image)s?\s*:"
    r"\s*(?:\S+\s+){4,}\S"
)
_QUOTE_CHARS = '"“”„«»'
_LIST_ITEM = re.compile(r"^(?:[-*•·–—]\s|\d{1,3}[.)]\s|\(?[a-z]\)\s)")
# A sentence ends: . ! ? … then closing quotes or brackets (straight single quotes too).
_TERMINAL = re.compile(r"""(?:[.!?…:;"”’)\]]|[.!?…,]')\s*$""")
_INNER_SENTENCE_END = re.compile(r"""[.!?…]["”’')\]]*\s+["“‘'(]?[A-Z]""")
_POST_CREDIT = re.compile(r"^(?:[—–-]{1,2}\s*|a post shared by\s+)\S.*\(@[\w.@-]{1,60}\)", re.I)
_LABELLED = re.compile(r"^[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4}\s*:\s+\S")


@dataclass(frozen=True)
class Cleaned:
    """An article's text once page furniture is set apart.

    Attributes:
        body: the article text, paragraphs separated by a blank line; every line is verbatim
            from the input (a trailing "read more" link label is cut from its paragraph).
        title: the first line when it reads as a headline (it stays in ``body``), else None.
        removed: every line or fragment taken out of the text, in order: furniture,
            captions, credits, cross-heads, repeated lines, link labels.
        captions: the removed lines that are picture captions (kept apart from the body).
        wire: the wire agency a dateline or closing credit names ("Reuters"), or None.
        dateline: the dateline as written, without the wire ("KYIV, Feb 24"), or None.
        dateline_date: the date inside the dateline as written ("Feb 24"), or None.
        byline: the names of a "By …" line, or None.
    """

    body: str
    title: str | None = None
    removed: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    wire: str | None = None
    dateline: str | None = None
    dateline_date: str | None = None
    byline: str | None = None
    published: str | None = None
    """The date a "Published …"/"Updated …" line gives, as written ("5 March 2024")."""
    masthead: str | None = None
    """The outlet a masthead line names under the headline ("The Daily Ensign, Saturday 13
    September 2025", "Valley Post Online | Oct. 7, 2025"), or None."""


# A full date inside a "Published …" line: "5 March 2024", "March 5, 2024", "2024-03-05".
_PUBLISHED = re.compile(r"^(?:first\s+)?(?:published|posted|updated)\b", re.IGNORECASE)
FULL_DATE = re.compile(
    rf"\b(?:\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b"
)


# A date as a masthead prints it: "Saturday 13 September 2025", "Wednesday, October 8,
# 2025", "Oct. 7, 2025", "13 Sept 2025".
_MASTHEAD_DATE = (
    rf"(?:{WEEKDAY},?\s+)?"
    rf"(?:\d{{1,2}}\s+{_MONTH}\.?,?\s+\d{{4}}|{_MONTH}\.?\s+\d{{1,2}},?\s+\d{{4}})"
)
# A masthead line: the outlet's name and the date ("The Daily Ensign, Saturday 13 September
# 2025", "Valley Post Online | Oct. 7, 2025"), or the date alone, labelled as a record labels
# it or not ("Date: 4 March 2025, 14:30 GMT", "Recorded: …").
_MASTHEAD = re.compile(
    r"^(?:(?i:transcript|broadcast|first\s+broadcast|aired|recorded|as\s+broadcast|date[ds]?"
    r"|date\s+and\s+time|held\s+on)\s*:?\s+)?"
    rf"(?:(?!{WEEKDAY}\b)(?P<outlet>(?:The\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z0-9][\w&.'’-]*){{0,4}})\s*[,|·•–—-]\s*)?"
    rf"(?P<date>{_MASTHEAD_DATE})\.?"
    r"(?:\s*[-–—,|·]?\s*(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)"
    r"(?:\s+[A-Z]{2,4})?)?$"
)  # a time may follow the date: "Wednesday, October 15, 2025 - 11:05am", "…, 6pm"
#: A broadcaster's line over a transcript: the station, then its programme ("KESTLE FM -
#: EVENING NEWS AND COMMENT", "Radio Harbour | Breakfast Show").
_BROADCAST = re.compile(
    r"^(?P<station>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3}\s+(?i:FM|AM|Radio|TV|Television))"
    r"\s*(?:[-–—|:]\s*[A-Za-z][\w&'’ ,-]{2,60})?$"
)
#: A standfirst under the headline has at least this many words; a label there ("Analysis",
#: "Live") fewer.
STANDFIRST_WORDS = 8
#: How many lines from the top a masthead may stand (headline, standfirst, byline, masthead).
MASTHEAD_LINES = 6
#: A masthead's date with a weekday and no year ("Tuesday, September 16"): page furniture,
#: but no date to publish the article under.
_YEARLESS_DATE = re.compile(
    rf"^{WEEKDAY},?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}|{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?)\.?$"
)


# The parts of a metadata line, set apart by bars or dots ("BUSINESS | Tuesday, March 10,
# 2026", "By Ann Lee | The Daily Post | 15 October 2025", "Monday 9 March 2026 | All times
# ET | Updates by …", "Tuesday 10 March 2026 | Issue 1,482").
_METADATA_BAR = re.compile(r"\s+[|·•—–]\s+")
#: A date on a metadata line, with any time after it and any label before it: "October 17,
#: 2024, 6:42 PM EDT", "Published: Oct. 17, 2024 at 5:58 PM EDT".
_DATED_PART = re.compile(
    r"^(?i:(?:(?:first\s+)?(?:published|updated|posted)|for\s+immediate\s+release),?\s*:?\s*)?"
    rf"(?P<date>{_MASTHEAD_DATE})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?i:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?$"
)
_METADATA_PART = re.compile(
    rf"^(?:{_DATED_PART.pattern[1:-1]}|(?:updates?\s+)?by\s+\S.*|issue\s+(?:no\.?\s*)?[\d,]+|vol(?:ume|\.)?\s+\d+"
    r"|all\s+times\s+\S+|\d+\s+min(?:ute)?s?\s+read)$",
    re.IGNORECASE,
)
#: A name's initial ("Jordan K. Whitfield"): no sentence ends at its full stop.
_INITIAL = re.compile(r"(?<![\w.])[A-Z]\.(?=\s+[A-Z])")
#: A metadata line's parts are this short.
METADATA_WORDS = 8


def metadata_parts(line: str) -> list[str] | None:
    """The parts of a metadata line: two or more short parts set apart by bars, dots or
    spaced dashes, one
    of them a date, a byline ("By …", "Updates by …"), an issue number or a reading time,
    none a sentence ("BUSINESS | Tuesday, March 10, 2026" -> ['BUSINESS', 'Tuesday, March
    10, 2026']); None for any other line (reporting never sets its words apart by bars)."""
    bare = line.strip("*_ ")
    parts = [p.strip("*_ ") for p in _METADATA_BAR.split(bare)]
    if len(parts) < 2 or _SAID.search(bare):
        return None
    if any(
        not p or len(p.split()) > METADATA_WORDS or _INNER_SENTENCE_END.search(_INITIAL.sub("", p))
        for p in parts
    ):
        return None
    return parts if any(_METADATA_PART.match(p) for p in parts) else None


#: Names of a news site's sections, printed beside the byline or date ("Books", "World").
_SECTIONS = frozenset(
    """news world uk us business money sport sports politics opinion comment culture arts
    books travel health science technology tech lifestyle life style food entertainment
    local national international weather education environment features analysis live
    markets economy finance property motoring obituaries letters media music film tv""".split()
)


def _outlet_part(parts: list[str]) -> str | None:
    """The part of a metadata line that names the outlet ("The Daily Post"): a short
    capitalised name that is no date, byline, issue or one-word section ("BUSINESS")."""
    for part in parts:
        if _METADATA_PART.match(part) or (part.isupper() and len(part.split()) == 1):
            continue
        if part.lower() in _SECTIONS:
            continue  # "By Tamsin Greer | Books": the section, not the outlet
        if _name_only(part):
            return part
    return None


# A publisher's disclaimer paragraph: "X is published by Y for professional subscribers",
# "Nothing in this newsletter constitutes investment advice", "This article is for
# information only and does not constitute financial advice".
_DISCLAIMER = re.compile(
    r"^(?:[\w&'’.-]+\s+){1,6}is\s+published\s+by\s+.{0,80}\bfor\s+(?:\w+\s+){0,2}"
    r"(?:subscribers|readers|clients|members)\b"
    r"|\b(?:nothing\s+in\s+this\s+\w+|this\s+(?:newsletter|article|report|publication|"
    r"material|content|information|page)\b.{0,60}?\s+(?:does|do)\s+not)\s+constitutes?\s+"
    r"(?:an?\s+)?(?:investment|financial|legal|tax|medical)\s+advice\b",
    re.IGNORECASE,
)


# A correction or an editor's note on an earlier version: "Correction: An earlier version
# of this article misstated …", "*Editor's note: A previous version said …*".
_CORRECTION = re.compile(
    r"[*_]{0,2}(?:correction|clarification|editor['’]?s?\s+note|update)\s*:\s*"
    r"(?:an?\s+|the\s+)?(?:earlier|previous|original)\s+version\b",
    re.IGNORECASE,
)
# An attribution or a quotation in double marks: a line that says it is reporting.
_SAID = re.compile(r"\b(?:said|says|told)\b|[“”„«»]|\"\w")


def is_furniture(line: str) -> bool:
    """True when a stripped line is page furniture by what it says: a newsletter or sign-up
    prompt, a share or follow button, a photo credit, a link to other stories, a staff
    credit ("Reporting by …; Editing by …"), "Our Standards: …", a copyright line, a
    writer's note ending "The views expressed are her own"."""
    if _DISCLAIMER.search(line) or _CORRECTION.match(line):
        # a publisher's disclaimer, whatever it quotes ('reply "UNSUBSCRIBE"'); a correction
        # of an earlier version, whatever it says the version said
        return True
    if _SAID.search(line):  # reporting: "Sign up now," the minister said, …
        return False
    return bool(_FURNITURE.match(line) or _OWN_VIEWS.search(line)) or _is_staff_credit(line)


#: A writer's note under an opinion piece's byline or at its end, closing with the paper's
#: disclaimer: "Ann Roe is a retired headteacher. The views expressed are her own."
_OWN_VIEWS = re.compile(
    r"\b(?:the\s+)?(?:views|opinions)\s+expressed\s+(?:here\s+|in\s+this\s+\w+\s+)?are\s+"
    r"(?:his|her|their|my|the\s+(?:author|writer|columnist)['’]s)\s+own\b[.)]*\s*$",
    re.IGNORECASE,
)


def _is_staff_credit(line: str) -> bool:
    match = _STAFF_CREDIT.match(line.strip("*_ "))  # Markdown emphasis around a credit
    if not match:
        return False
    words = re.findall(r"[\w’'.&-]+", match["rest"].rstrip(").").split(")")[0])
    return all(w[:1].isupper() or w.lower() in _CREDIT_WORDS for w in words)


def clean_text(text: str, captions: tuple[str, ...] = (), rows: tuple[str, ...] = ()) -> Cleaned:
    """Set page furniture apart from an article's text. Pure.

    Lines are kept verbatim or taken out whole, so quotes stay exactly as published; a line
    broken in the middle of a sentence (the next starts in lower case) is joined to the next.
    A line is taken out only on positive evidence of what it is: furniture
    (``is_furniture``), a caption (it ends with a picture credit, or is printed twice in a
    row), a line repeating an earlier one, a byline, or a cross-head (a one-phrase heading
    between paragraphs: no sentence punctuation, no quotation marks, not a list item, a
    labelled turn or a post). ``captions`` are picture captions the page marked as such;
    ``rows``, the lines of the page's data tables (caption and rows), which are kept.
    Never raises.
    """
    lines = [line.strip() for line in _LINE_SEPARATORS.sub("\n", text).split("\n")]
    lines = _join_broken_lines([line for line in lines if line])
    marked = {c.strip() for c in captions}
    data_rows = {r.strip() for r in rows}
    removed: list[str] = []
    found_captions: list[str] = []
    kept: list[str] = []
    title = None
    byline = None
    published = None
    masthead: str | None = None
    seen: set[str] = set()
    links: dict[int, str] = {}
    for index, line in enumerate(lines):
        match = _TRAILING_LINK.search(line)
        if match and match.start() > 0 and not is_furniture(line):
            links[index] = match["link"]
            lines[index] = line[: match.start()]
    # The next line that is not furniture: what a cross-head would stand above.
    following: list[str | None] = [None] * len(lines)
    for index in range(len(lines) - 2, -1, -1):
        after = lines[index + 1]
        following[index] = following[index + 1] if is_furniture(after) else after
    boilerplate, issuer = _release_boilerplate(lines)
    contact = _top_contact(lines)
    issuer_lines, label_lines, release_headline, headline_text = _release_top(lines)
    stated: dict[str, str] | None = None  # a dateline on a line of its own
    title_under_masthead = False  # the title is the line under the outlet's name
    credited: str | None = None  # the agency a byline or a credit line names
    for index, line in enumerate(lines):
        if index in links:
            removed.append(links[index])
        prev = lines[index - 1] if index else None
        nxt = lines[index + 1] if index + 1 < len(lines) else None
        if index >= boilerplate or index in contact:
            removed.append(line)  # a press release's notes, boilerplate and contacts
        elif line in data_rows:
            kept.append(line)  # a data table's caption or row: reporting, in figures
        elif index in issuer_lines:
            removed.append(line)  # "OFFICE OF THE GOVERNOR" over "TRANSCRIPT: …": the issuer
            masthead = masthead or _issuer_name(line)
        elif index == release_headline and title is None:
            title = headline_text  # under "PRESS RELEASE" and its date: the release's headline
            kept.append(line)
        elif index in label_lines and not _RELEASE_LINE.match(line):
            removed.append(line)  # "OFFICIAL CLUB STATEMENT", "For immediate release"
        elif stated is None and index < MASTHEAD_LINES and (found := _RELEASE_LINE.match(line)):
            removed.append(line)  # "FOR IMMEDIATE RELEASE — BRENNOCK, 3 March 2025"
            stated = {"dateline": found["dateline"], "date": found["date"]}
        elif line in marked or _CAPTION_CREDIT.search(line) and not is_furniture(line):
            removed.append(line)
            found_captions.append(line)
        elif parts := metadata_parts(line):
            removed.append(line)  # "By … | The Daily Post | 15 October 2025": metadata
            dated = next((m["date"] for p in parts if (m := _DATED_PART.match(p))), None)
            published = published or dated
            byline = byline or next((m["names"] for p in parts if (m := _BYLINE.match(p))), None)
            if index < MASTHEAD_LINES:
                if (
                    title is not None
                    and (_name_only(title) or title_under_masthead and _tagline(title, parts))
                    and _headline_follows(lines, index)
                ):
                    # the outlet's name over its metadata line ("THE EASTBROOK REGISTER" /
                    # "BUSINESS | …"), with any tagline under it; the headline comes next
                    at = kept.index(title)
                    removed[-1:-1] = kept[at:]
                    del kept[at:]
                    masthead = masthead or title
                    title = None
                masthead = masthead or _outlet_part(parts)
        elif is_furniture(line):
            removed.append(line)
            if _LABELLED_CAPTION.match(line):
                found_captions.append(line)  # "Photo: Protesters outside the hall. / Agency"
            if published is None and _PUBLISHED.match(line) and (date := FULL_DATE.search(line)):
                published = date.group()
                if index < MASTHEAD_LINES:  # "The Marlowe Springs Ledger" / "Published …"
                    masthead = masthead or _lone_outlet(prev, removed)
        elif line == prev or line == nxt:  # a caption printed twice (alt text and caption)
            removed.append(line)
            if line == nxt:
                found_captions.append(line)
        elif line in seen and len(line.split()) > 3:  # a pull quote or caption repeated
            removed.append(line)
        elif index < MASTHEAD_LINES and (match := _MASTHEAD.match(line)):
            removed.append(line)  # the outlet and date under the headline: metadata
            published = published or match["date"]
            if not match["outlet"] and prev is not None and prev == title and _name_only(prev):
                # a newsletter's name over its date ("The Fiduciary Brief" / "Wednesday,
                # October 8, 2025"): the outlet, not the headline, which comes next
                kept.remove(prev)
                removed.insert(len(removed) - 1, prev)
                title = None
            if (
                not match["outlet"]
                and prev is not None
                and prev == title
                and (on_air := _BROADCAST.match(prev))
            ):
                # "KESTLE FM - EVENING NEWS AND COMMENT" over its date: the station and its
                # programme, not a headline
                kept.remove(prev)
                removed.insert(len(removed) - 1, prev)
                title = None
                masthead = masthead or re.sub(
                    r"\b(?:Fm|Am|Tv)\b", lambda m: m.group().upper(), _title_case(on_air["station"])
                )
            outlet = match["outlet"]
            if outlet and _is_place(outlet, line):
                # "Larsmoor, 3 March 2025": where and when the story was filed
                stated = stated or {"dateline": line.rstrip("."), "date": match["date"]}
                outlet = None
            masthead = masthead or outlet or _lone_outlet(prev, removed)
        elif stated is None and index < MASTHEAD_LINES and (found := _DATELINE_LINE.match(line)):
            removed.append(line)  # "NEW DELHI/PORT ELLERY, November 9": where and when filed
            stated = {"dateline": line.rstrip("."), "date": found["date"]}
        elif index < MASTHEAD_LINES and kept in ([], [title]) and (edition := _EDITION.match(line)):
            removed.append(line)  # "Larsmoorer Anzeiger — English edition": the outlet
            masthead = masthead or edition["name"]
        elif index < MASTHEAD_LINES and _is_section_path(line):
            removed.append(line)  # "World | Health": the sections the page is filed under
            if title is not None and kept == [title] and _masthead_over_sections(title):
                kept.remove(title)  # "THE MERIDIAN" over "Sport > Football": the outlet
                removed.insert(len(removed) - 1, title)
                masthead = masthead or title
                title = None
        elif index < MASTHEAD_LINES and _YEARLESS_DATE.match(line):
            removed.append(line)  # "Tuesday, September 16" under the masthead
            if title is not None and kept == [title] and _name_only(title) and title.isupper():
                kept.remove(title)  # "THE HARBOUR BUGLE" over its date: the outlet
                removed.insert(len(removed) - 1, title)
                masthead = masthead or _title_case(title)
                title = None
        elif (
            title is not None
            and kept == [title]
            and _masthead_name(title)
            and _looks_like_headline(line)
            and not _name_only(line)
        ):
            # "THE NATIONAL COURIER" over the headline: the outlet's name, not the headline
            kept.remove(title)
            removed.append(title)
            masthead = masthead or _title_case(title)
            title = line
            kept.append(line)
            title_under_masthead = True
        elif index < MASTHEAD_LINES and (agency := _AGENCY_CREDIT.match(line)):
            removed.append(line)  # "THE CANADIAN PRESS" under the headline: the agency's copy
            credited = credited or _wire_name(agency["agency"])
            masthead = masthead or _agency_outlet(agency["agency"])
        elif (match := _BYLINE.match(line)) and not _TERMINAL.search(line):
            removed.append(line)
            names, agency = _byline_agency(match["names"])
            byline = byline or names
            if agency:  # "By JENNIFER OKONJO Associated Press": the agency's own writer
                credited = credited or _wire_name(agency)
                masthead = masthead or _agency_outlet(agency)
            masthead = masthead or _byline_outlet(line[match.end("names") :])
        elif index < MASTHEAD_LINES and title is not None and (match := _TITLED_BYLINE.match(line)):
            removed.append(line)  # "Sarah Whitcombe, Health Editor": the writer, no outlet
            byline = byline or match["names"]
        elif (
            not kept
            and title is None
            and (
                _looks_like_headline(line)
                or _MARKDOWN_HEADING.match(line)
                or (nxt is not None and _headline_of_sentences(line, nxt))
            )
        ):
            title = line
            kept.append(line)
        elif (
            index > 0
            and following[index] is not None
            and _is_cross_head(line, nxt or "")
            # the standfirst right under the headline is no cross-head, figure or none
            and not (kept == [title] and len(line.split()) >= STANDFIRST_WORDS)
        ):
            removed.append(line)  # a cross-head or a link to another story
        else:
            kept.append(line)
        seen.add(line)
    kept = [_without_note_markers(line, removed) for line in kept]
    wire, dateline, dateline_date = _dateline(kept, title)
    wire = wire or credited
    if dateline is None and stated is not None:
        dateline, dateline_date = stated["dateline"], stated["date"]
        published = published or stated["date"]
    masthead = masthead or issuer
    if len(kept) > 2 and _masthead_name(kept[-1]) and _CLOSING_WIRE.search(kept[-2]):
        # the outlet signs off under the agency's credit ("- Meridian Press", then
        # "Strathbeg & Glenvarra Gazette"): its name, and the credit is the last line
        masthead = masthead or kept[-1]
        removed.append(kept.pop())
    if kept and (match := _CLOSING_WIRE.search(kept[-1])) and not _CAPTION_CREDIT.search(kept[-1]):
        closing = _wire_name(match["wire"] or match["initials"] or match["named"])
        rest = kept[-1][: match.start()].rstrip()
        if rest:
            kept[-1] = rest
        else:
            removed.append(kept.pop())
        wire = wire or closing
    if masthead is None:
        masthead = next(filter(None, (_copyright_holder(line) for line in removed)), None)
    if masthead is not None and masthead.isupper():
        masthead = _title_case(masthead)  # "THE EASTBROOK REGISTER" -> "The Eastbrook Register"
    return Cleaned(
        body="\n\n".join(kept) + "\n",
        title=_MARKDOWN_HEADING.sub("", title) if title else title,
        removed=removed,
        captions=found_captions,
        wire=wire,
        dateline=dateline,
        dateline_date=dateline_date,
        byline=byline,
        published=published,
        masthead=masthead,
    )


#: An outlet's name over its edition: "Larsmoorer Anzeiger — English edition", "The
#: Courier | International Edition", "Diario del Valle — English translation".
_EDITION = re.compile(
    r"^(?P<name>[A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|del?|la|los|las|el|du|des|di|do|da|dos|das|von|van))"
    r"{0,4})\s*[—–|:-]+\s*(?:the\s+)?(?:[A-Za-z]+\s+){1,2}(?i:edition|translation|version)"
    # "(translated from Spanish)"
    r"(?:\s*\((?i:translated|adapted)\s+from\s+[A-Z][a-z]+\))?$"
)
#: A page's section path: "World | Health", "News › Local", "Business / Markets".
_SECTION_BAR = re.compile(r"\s*[|›»>/]\s*")


def _is_section_path(line: str) -> bool:
    """Whether ``line`` is the sections a page is filed under ("World | Health"): two to
    four capitalised parts of three words at most between bars, slashes or chevrons, one
    of them a section news sites use (``_SECTIONS``)."""
    parts = _SECTION_BAR.split(line.strip())
    return (
        2 <= len(parts) <= 4
        and all(p and len(p.split()) <= 3 and p[:1].isupper() for p in parts)
        and not _TERMINAL.search(line)
        and any(p.lower() in _SECTIONS for p in parts)
    )


#: A publication's tagline under its name: "The daily briefing for biopharma investors", "Your
#: weekly guide to …", "News and analysis for the energy trade".
_TAGLINE = re.compile(
    r"^(?i:(?:the|your|a|an)\s+(?:[\w-]+\s+){0,4}?(?:briefing|newsletter|digest|guide|round-?up"
    r"|bulletin|e-?mail|read|source|voice|paper|magazine|companion|intelligence|brief)"
    r"|(?:[\w-]+\s+){0,2}?(?:news|analysis|intelligence|insight)\s+(?:and\s+\w+\s+)?for)\b"
)


def _tagline(line: str, parts: list[str]) -> bool:
    """Whether the line under an outlet's name and over its metadata line ("Tuesday 10 March
    2026 | Issue 1,482") is the publication's tagline, not the headline: it describes the
    publication ("The daily briefing for …"), or the metadata line numbers an issue (a
    newsletter's or magazine's headline comes under its issue line)."""
    return bool(_TAGLINE.match(line)) or any(
        re.match(r"(?i)issue\s|vol(?:ume|\.)?\s", p) for p in parts
    )


#: A wire desk's version slug before a headline: "UPDATE 2-", "REFILE-", "CORRECTED-",
#: "EXCLUSIVE-", "RPT-UPDATE 1-".
_VERSION_SLUG = (
    r"(?:(?:UPDATE|WRAPUP|REFILE|RPT|REPEAT|CORRECTED|CORRECTION|EXCLUSIVE|ANALYSIS|INSIGHT"
    r"|FACTBOX|EXPLAINER|TIMELINE|FEATURE|INTERVIEW|PREVIEW|POLL|BRIEF|BUZZ|COLUMN|FOCUS"
    r"|NEWSMAKER|SCENARIOS|BREAKINGVIEWS|SPECIAL\ REPORT|URGENT|FLASH|BULLETIN|ADVISORY"
    r"|GRAPHIC)(?:\ \d{1,2})?-(?=\S))"
)
#: The topic a wire files a story under, slugged before its headline: a sport ("Soccer-",
#: "Tennis-", "Motor racing-"), a market desk ("FOREX-", "OIL-"), or a desk's name of two
#: or three words in capitals ("US STOCKS-", "EMERGING MARKETS-"; after a version slug one
#: word will do: "UPDATE 1-BRENT-").
_TOPIC_SLUG = (
    r"(?:(?:Soccer|Football|Tennis|Golf|Cricket|Rugby|Rugby\ union|Rugby\ league|Athletics"
    r"|Cycling|Olympics|Paralympics|Boxing|Basketball|Baseball|Ice\ hockey|Hockey|Swimming"
    r"|Skiing|Sailing|Rowing|Motor\ racing|Motorsport|Formula\ One|Horse\ racing|Snooker"
    r"|Darts|Badminton|Volleyball|Handball|Gymnastics|Wrestling|Judo|Esports|NFL|NBA|NHL|MLB"
    r"|MLS|UFC|FOREX|OIL|GOLD|METALS|GRAINS|SOFTS|TREASURIES)-(?=[A-Z0-9\"“‘']))"
)
_WIRE_SLUG = re.compile(
    rf"^(?:{_VERSION_SLUG}+(?:{_TOPIC_SLUG}|[A-Z]{{2,}}(?:\ [A-Z]{{2,}}){{0,2}}-(?=[A-Z0-9]))?"
    rf"|{_TOPIC_SLUG}|[A-Z]{{2,}}(?:\ [A-Z]{{2,}}){{1,2}}-(?=[A-Z0-9]))"
)


def without_wire_slug(title: str) -> str:
    """A headline without the slugs a wire desk files it under: its version ("UPDATE 2-",
    "REFILE-") and its topic ("Soccer-", "US STOCKS-"): "UPDATE 1-Soccer-Ravenstock City
    docked 15 points" -> "Ravenstock City docked 15 points". The body keeps the line as
    filed. A hyphenated name ("Rolls-Royce shares fall") is no slug."""
    match = _WIRE_SLUG.match(title)
    rest = title[match.end() :].lstrip() if match else title
    return rest if rest[:1].isupper() or rest[:1].isdigit() else title


def _masthead_over_sections(line: str) -> bool:
    """Whether the first line, over the sections a page is filed under ("Sport > Football"),
    is the outlet's name: a name in capitals ("THE MERIDIAN") or one ending in a word of
    news outlets ("The Harbour Gazette"). Sections are printed under the masthead, above
    the headline."""
    return _name_only(line) and (line.isupper() or _masthead_name(line))


def _is_place(name: str, line: str) -> bool:
    """Whether the name before a comma and a date on a masthead line is the place the story
    was filed from ("Larsmoor, 3 March 2025"), not an outlet ("The Dunmore Courier,
    Tuesday 4 March 2025"): set apart by a comma, without "The" and without a word that
    ends outlets' names."""
    words = name.split()
    return (
        bool(re.match(re.escape(name) + r"\s*,", line))
        and words[0] != "The"
        and words[-1].lower() not in _HOLDER_WORDS
    )


#: A note or reference marker set on a word or after punctuation: "€1.6bn.[1] Consensus",
#: "said[12]". A number in brackets after a space ("rose by [5] points") is no marker.
_NOTE_MARKER = re.compile(r"(?<=[^\s\[(])\[\d{1,3}\](?=[\s.,;:!?)”’\"']|$)")


def _without_note_markers(line: str, removed: list[str]) -> str:
    """``line`` without note markers ("€1.6bn.[1] Consensus" -> "€1.6bn. Consensus"), each
    taken out listed in ``removed``: they point to a list of notes that is not the
    article, and split the sentence they sit in."""
    markers = _NOTE_MARKER.findall(line)
    if not markers:
        return line
    removed.extend(markers)
    return _NOTE_MARKER.sub("", line)


#: The heading of a press release's boilerplate on its issuer: "About Prairie Recycling Co.",
#: "About the Harbour Trust:".
_ABOUT_HEADING = re.compile(
    r"(?:#{1,6}\s+)?(?i:about)\s+(?:the\s+)?(?P<issuer>[A-Z][\w&'’.,-]*"
    r"(?:\s+(?:[A-Z][\w&'’.,-]*|of|and|&|for|the)){0,7}?)\.?:?"
)
#: The headings of what a press release prints for editors after its news: notes, contacts
#: ("Notes to editors", "Media contact", "Press enquiries:", "For more information,
#: contact:"); a contact heading may run on into the contact ("Media contact: Leo Grant, …").
_RELEASE_SECTION = re.compile(
    r"(?:#{1,6}\s+)?(?i:notes?\s+(?:to|for)\s+editors?|editors['’]?\s+notes?"
    r"|(?:media|press)\s+(?:contacts?|enquiries|inquiries|office)(?:\s*:.*)?"
    r"|for\s+(?:further|more)\s+information(?:,?\s+(?:please\s+)?contact)?(?:\s*:.*)?)\W*"
)
#: What a line of a media contact holds: an e-mail address, a telephone number or a web
#: address ("press@okafor.example", "(555) 014-2290", "+44 20 7946 0000", "www.x.org").
_CONTACT_DETAIL = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:\+\d{1,3}[\s.-]?)?\(?\d{2,5}\)?[\s.-]?\d{2,5}[\s.-]\d{3,5}"
    r"|\b(?:https?://|www\.)\S+"
)


def _top_contact(lines: list[str]) -> set[int]:
    """The media-contact block a release prints at its top, above its headline ("FOR
    IMMEDIATE RELEASE" / date / "Media Contact:" / name, title / phone / e-mail): the
    heading, when only short lines with no sentence stand above it, and the contact's lines
    under it, through the last of the next few that holds an e-mail address, a telephone
    number or a web address. The story follows; the block is furniture, not the start of
    the release's end matter. An empty set when the release has no such block."""
    heading = next(
        (
            at
            for at in range(min(len(lines), MASTHEAD_LINES + 2))
            if _RELEASE_SECTION.fullmatch(lines[at])
        ),
        None,
    )
    if heading is None or any(
        _TERMINAL.search(line) and len(line.split()) > 8 for line in lines[:heading]
    ):
        return set()
    end = heading
    for at in range(heading + 1, min(len(lines), heading + 7)):
        line = lines[at]
        if len(line.split()) > 8 or _TERMINAL.search(line) and not _CONTACT_DETAIL.search(line):
            break
        if _CONTACT_DETAIL.search(line):
            end = at
    if end == heading and not _CONTACT_DETAIL.search(lines[heading]):
        return set()
    return set(range(heading, end + 1))


#: A release marker with the dateline under which the release was issued: "FOR IMMEDIATE
#: RELEASE — BRENNOCK, 3 March 2025", "For immediate release: March 3, 2025", "For
#: immediate release: 07:00, 1 December 2025".
_RELEASE_LINE = re.compile(
    r"^[*_]*(?i:for\s+immediate\s+release|embargoed\s+until\s+[^—–|]{3,40}?)\s*[—–:|-]+\s*"
    # a time of release before the date: "For immediate release: 07:00, 1 December 2025"
    r"(?:\d{1,2}[:.]\d{2}\s*(?i:[ap]\.?m\.?|hrs)?(?:\s+[A-Z]{2,4})?\s*[,—–|-]?\s+)?"
    rf"(?P<dateline>(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}},?\s+)?"
    rf"(?P<date>{_MASTHEAD_DATE}))\.?[*_]*$"
)


#: A line that says what kind of document a release is, printed above its headline: "PRESS
#: RELEASE", "Media statement", "OFFICIAL CLUB STATEMENT", "For immediate release",
#: "TRANSCRIPT" (and, with a colon, the headline after it: "TRANSCRIPT: Governor's
#: briefing on …").
_DOCUMENT_KIND = (
    r"(?:(?:official|joint|public)\s+)?(?:[a-z]+\s+){0,2}?"
    r"(?:(?:press|news|media)\s+(?:release|statement|advisory|briefing|notice)|statement"
    r"|transcript|readout)"
    r"|for\s+immediate\s+release|embargoed\s+(?:until|till)\b[^:]*"
)
_DOCUMENT_LABEL = re.compile(rf"^[*_]*(?i:{_DOCUMENT_KIND})[*_]*\W*$")
_LABELLED_HEADLINE = re.compile(
    r"^[*_]*(?i:(?:official\s+)?(?:transcript|readout|(?:press|news|media)\s+release"
    r"|statement))\s*:\s+(?P<headline>\S.*)$"
)


def _release_top(lines: list[str]) -> tuple[list[int], list[int], int | None, str | None]:
    """The top of a release, statement or transcript an office issues: the issuer's name on
    the lines above the first line saying what the document is ("RAVENSTOCK CITY FOOTBALL
    CLUB" over "OFFICIAL CLUB STATEMENT", "OFFICE OF THE GOVERNOR" over "TRANSCRIPT: …"), the
    lines of such labels, and the headline: the first line under the labels and the dates
    that reads as one, or the words after a label's colon. The issuer's name is no
    headline, and the headline no cross-head. Returns the issuer's lines, the labels'
    lines, the headline's line and the headline (``[]``, ``[]``, None, None when the top
    of ``lines`` holds no such label, or something other than names stands above it)."""
    top = lines[:MASTHEAD_LINES]
    labels = [
        at
        for at, line in enumerate(top)
        if _DOCUMENT_LABEL.match(line)
        or _RELEASE_LINE.match(line)
        or _LABELLED_HEADLINE.match(line)
    ]
    if not labels or not all(_name_only(line) for line in lines[: labels[0]]):
        return [], [], None, None
    issuer = list(range(labels[0]))
    last = labels[-1]
    if labelled := _LABELLED_HEADLINE.match(lines[last]):
        return issuer, labels[:-1], last, labelled["headline"]
    named = False  # the issuer's name was read under the labels
    for at in range(last + 1, min(len(lines), last + 5)):
        line = lines[at]
        if _MASTHEAD.match(line) or _YEARLESS_DATE.match(line) or is_furniture(line):
            continue
        if not issuer and not named and _issuer_line(line) and _headline_below(lines, at):
            # "PRESS RELEASE" / "Fenby Rowing Association (FRA)" / date / headline
            issuer.append(at)
            named = True
            continue
        if _looks_like_headline(line) and not _DOCUMENT_LABEL.match(line):
            return issuer, labels, at, line
        break
    return issuer, labels, None, None


#: A body's initials in brackets after its name: "Fenby Rowing Association (FRA)".
_INITIALS = re.compile(r"\s*\((?P<initials>[A-Z][A-Za-z&]{1,9})\)$")


def _issuer_line(line: str) -> bool:
    """Whether a line under a release's labels is the issuer's name: a short name, its
    initials in brackets after it or not ("Fenby Rowing Association (FRA)")."""
    return _name_only(_INITIALS.sub("", line))


def _headline_below(lines: list[str], at: int) -> bool:
    """Whether the first line under ``lines[at]`` that is no date reads as a headline (the
    release's, under its issuer's name)."""
    for line in lines[at + 1 : at + 3]:
        if _MASTHEAD.match(line) or _YEARLESS_DATE.match(line):
            continue
        return _looks_like_headline(line) and not _name_only(line)
    return False


def _issuer_name(line: str) -> str:
    """An issuer's line as its name: without the initials in brackets ("Fenby Rowing
    Association (FRA)" -> "Fenby Rowing Association")."""
    return _INITIALS.sub("", line).strip()


def _release_boilerplate(lines: list[str]) -> tuple[int, str | None]:
    """Where a press release's closing sections begin and the issuer they name: the first
    line after the opening two that heads notes to editors or a media contact, or the
    first in the second half of ``lines`` that heads the boilerplate on the issuer ("About
    Brennock University", which higher up could head a passage of the story); everything
    from there on is for editors, not news. Returns ``len(lines)`` and None when no such
    heading."""
    top = _top_contact(lines)
    sections = (
        at for at in range(2, len(lines)) if _RELEASE_SECTION.fullmatch(lines[at]) and at not in top
    )
    abouts = (
        at
        for at in range(max(2, len(lines) // 2), len(lines))
        if _ABOUT_HEADING.fullmatch(lines[at])
    )
    start = min(next(sections, len(lines)), next(abouts, len(lines)))
    issuer = next(
        (m["issuer"] for line in lines[start:] if (m := _ABOUT_HEADING.fullmatch(line))), None
    )
    return start, issuer


#: A copyright line: "© Daily Beacon 2025", "© 2024 Riverside Gazette. All rights
#: reserved.", "Copyright (c) 2025 The Harbour Post Ltd".
_COPYRIGHT = re.compile(
    r"^\s*(?i:©|\(c\)|copyright)\s*(?:©|\(c\))?\s*(?:\d{4}\s+)?"
    r"(?P<holder>[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,4}?)"
    r"(?:\s+(?:Ltd|Limited|plc|Inc|LLC|Media|Group)\.?)?(?:,?\s+\d{4})?\s*(?:[.|,;–—-].*)?$"
)


def _copyright_holder(line: str) -> str | None:
    """The outlet a copyright line names ("© Daily Beacon 2025" gives "Daily Beacon"), when its
    last word is a word of news outlets; None otherwise (a photo agency, a parent company)."""
    found = _COPYRIGHT.match(line)
    if found is None:
        return None
    holder = found["holder"].strip()
    words = holder.split()
    if not words or not words[0][:1].isupper() or words[-1].lower() not in _HOLDER_WORDS:
        return None
    return holder


#: Last words of a newspaper's or broadcaster's name, on a copyright line where nothing else
#: could stand ("© Daily Beacon 2025", "© Westshore Live").
_HOLDER_WORDS = NEWS_OUTLET_WORDS | frozenset(
    """beacon bugle clarion globe mercury messenger press pioneer weekly daily live today
    online review leader monitor citizen""".split()
)


_SMALL_WORDS = frozenset("of the and for in on at a an to".split())


def _title_case(name: str) -> str:
    """An outlet's name printed in capitals, in title case ("THE DAILY POST" -> "The Daily
    Post"); short function words stay lower case inside it."""
    words = name.lower().split()
    return " ".join(
        w if i and w in _SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


def _headline_follows(lines: list[str], index: int) -> bool:
    """Whether the first line after ``lines[index]`` that is not furniture reads as a
    headline (no sentence punctuation at its end)."""
    for line in lines[index + 1 :]:
        if not is_furniture(line):
            return _looks_like_headline(line)
    return False


def _masthead_name(line: str) -> bool:
    """Whether a first line is an outlet's name over its headline: a short name ending in a
    word of news outlets ("THE NATIONAL COURIER", "The Harbour Gazette"); a headline in
    capitals ("LOTTO LOUT'S SHAME") is none."""
    words = re.findall(r"[\w’'&-]+", line)
    return _name_only(line) and bool(words) and words[-1].lower() in NEWS_OUTLET_WORDS


#: A journalist's title after a byline's name ("Crime Reporter"): no outlet.
_DESK_WORDS = frozenset(
    """reporter correspondent editor writer columnist journalist critic staff desk
    contributor""".split()
)


#: A writer's name and title without "By", under the headline: "Sarah Whitcombe, Health
#: Editor", "Tomas Reyes — Senior Correspondent".
_TITLED_BYLINE = re.compile(
    r"^(?P<names>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,3})\s*[,|–—-]\s*"
    r"(?:[A-Z][\w&’'-]*\s+){0,3}(?i:reporter|correspondent|editor|writer|columnist"
    r"|journalist|critic|contributor)$"
)


def _byline_outlet(rest: str) -> str | None:
    """The outlet a byline names after the writer ("By Jenny Calloway, Marlbridge Mercury" ->
    "Marlbridge Mercury"): a part that is a name ending in a word of news outlets, not a
    journalist's title ("Crime Reporter"); None otherwise."""
    for part in re.split(r"\s*[,|–—-]\s*", rest.strip(" ,|–—-")):
        words = part.split()
        if (
            words
            and _name_only(re.sub(r"\s+\d+\b", "", part))  # "WCBN 7 News"
            and words[-1].lower() in _HOLDER_WORDS
            and not {w.lower() for w in words} & _DESK_WORDS
        ):
            return part
    return None


def _name_only(line: str) -> bool:
    """A short capitalised phrase with no sentence punctuation ("Westshore Live", "The
    Fiduciary Brief"): a name, not a headline."""
    words = line.split()
    return (
        1 <= len(words) <= 5
        and words[0][:1].isupper()
        and all(w[:1].isupper() or w in ("&", "and", "of") for w in words)  # "Strathbeg & …"
        and not _TERMINAL.search(line)
    )


def _lone_outlet(line: str | None, removed: list[str]) -> str | None:
    """The outlet's name on the line above a lone masthead date ("Westshore Live" over
    "Saturday 13 September 2025"), when that line was set apart as a heading: a short
    capitalised phrase with no sentence punctuation."""
    if line is None or not removed or removed[-2:-1] != [line]:
        return None
    if _DOCUMENT_LABEL.match(line) or _TITLED_BYLINE.match(line) or _BYLINE.match(line):
        return None  # "FOR IMMEDIATE RELEASE", "Sarah Whitcombe, Health Editor", "By …"
    return line if _name_only(line) else None


#: A line crediting the story to an agency alone, under its headline: "THE CANADIAN PRESS",
#: "By The Associated Press", "— Reuters".
_AGENCY_CREDIT = re.compile(rf"^(?:[—–-]+\s*)?(?i:by\s+)?(?P<agency>(?i:{_WIRE_NAMES}))$")
#: An agency named after the writer in a byline, with no comma: "By JENNIFER OKONJO
#: Associated Press".
_BYLINE_AGENCY = re.compile(rf"(?:^|\s+)(?P<agency>(?i:{_WIRE_NAMES}))$")


def _byline_agency(names: str) -> tuple[str | None, str | None]:
    """A byline's names without the agency run on after them, and the agency ("JENNIFER
    OKONJO Associated Press" -> ("Jennifer Okonjo", "Associated Press")); names in capitals,
    as wires print them, in ordinary case; (None, agency) when the byline names the agency
    alone ("The Associated Press")."""
    agency = None
    found = _BYLINE_AGENCY.search(names)
    if found and (found.start() > 0 or len(found["agency"].split()) > 1):
        agency = found["agency"]
        names = names[: found.start()].strip()
    words = names.split()
    if any(len(w) > 2 for w in words) and all(
        w.isupper() or w in ("and", "&", "van", "von", "de", "der", "al") for w in words
    ):
        names = re.sub(r"[A-Z]+", lambda m: m.group().capitalize(), names)
    return names or None, agency


def _agency_outlet(written: str) -> str | None:
    """An agency's name as an outlet ("THE CANADIAN PRESS" -> "The Canadian Press",
    "Associated Press"); None for initials ("AP"), which name the wire, not the outlet."""
    return _title_case(written) if len(written.split()) > 1 else None


def _wire_name(written: str) -> str:
    return WIRES.get(written.lower().strip(), written)


def _dateline(kept: list[str], title: str | None) -> tuple[str | None, str | None, str | None]:
    """(wire, dateline, date) from a dateline opening one of the first paragraphs."""
    # the lines under the headline, past a wire's summary points ("* Malhotra leads …")
    opening = [line for line in kept if not _LIST_ITEM.match(line)][:4]
    for line in opening:
        if line == title:
            continue
        match = _DATELINE.match(line)
        if match and not match["wire"] and not match["place"].split(",")[0].isupper():
            match = None
        if match and not (match["wire"] or match["date"] or len(match["place"]) > 2):
            match = None
        match = match or _WIRE_DATELINE.match(line)
        if match:
            place = match["place"] or ""
            dateline = place + (f", {match['date']}" if match["date"] else "") or None
            wire = _wire_name(match["wire"]) if match["wire"] else None
            return wire, dateline, match["date"]
    return None, None, None


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


#: A headline of short sentences ("Council votes. Libraries close. Readers ask why.") has at
#: most this many words, and each of its sentences at most ``HEADLINE_SENTENCE_WORDS``.
HEADLINE_WORDS = 25
HEADLINE_SENTENCE_WORDS = 12


def _headline_of_sentences(line: str, nxt: str) -> bool:
    """Whether a first line that ends like a sentence is the headline all the same: a few
    short sentences ("COMMENT: We kept the ferry. Others lost theirs.") right above the
    byline ("By Ann Roe", "By Ann Roe | 5 March 2025"); reporting never stands over it."""
    if len(line.split()) > HEADLINE_WORDS or not _byline_line(nxt):
        return False
    sentences = re.split(r"(?<=[.!?])\s+", line.strip())
    return all(len(s.split()) <= HEADLINE_SENTENCE_WORDS for s in sentences)


def _byline_line(line: str) -> bool:
    """Whether ``line`` is a byline: "By Ann Roe", or a metadata line with one ("By Ann Roe
    | 5 March 2025")."""
    if _BYLINE.match(line) and not _TERMINAL.search(line):
        return True
    parts = metadata_parts(line)
    return bool(parts) and any(_BYLINE.match(p) for p in parts or ())


# What makes a line reporting even without a full stop: a figure, a date or an attribution.
_REPORTING_MARK = re.compile(
    r"\d|\b(?:said|says|told|tells|according to|announced|confirmed|reported|claimed"
    rf"|yesterday|today|tonight|tomorrow|{WEEKDAY}"
    r"|January|February|March|April|June|July|August|September|October|November|December)\b"
)


def _is_cross_head(line: str, nxt: str) -> bool:
    """A heading between paragraphs: one phrase in sentence or title case with no sentence
    punctuation and no quotation marks; never a list item, a labelled turn ("Name: …"), a
    post or a post's credit, and never a line holding a figure, a date or an attribution
    (reporting that lost its full stop keeps its place)."""
    return (
        line[:1].isupper()
        and not _TERMINAL.search(line)
        and not _INNER_SENTENCE_END.search(line)
        and not any(mark in line for mark in _QUOTE_CHARS)
        and not line.startswith(("'", "‘"))
        and not _LIST_ITEM.match(line)
        and not _LABELLED.match(line)
        and not _POST_CREDIT.match(line)
        and not _POST_CREDIT.match(nxt)
        and not line.endswith(",")
        and not _REPORTING_MARK.search(line)
        and len(line.split()) <= 25
    )
