"""Developments: every reporting sentence of every source, clustered into the facts of the
story, ranked, and worded once. Pure: values in, values out.

Each source gives its reporting sentences (``ArticleExtraction.sentences``: its own words, not
mostly a quotation), its headline and its captions. Sentences that state the same fact in other
words ("filed a lawsuit", "sued", "a major lawsuit from the party") are clustered: TF-IDF over
content words cut to stems, with common news paraphrases folded to one word, so that words every
article uses (the story's names) count little. A cluster is ranked by how many independent
sources report it and how prominently (a lead sentence, agreement with a headline or caption);
headlines and captions support a development and never
make one. Merge shows the top ones once each, in the clearest and most neutral of the versions.
A development said again is folded into the shown one: in other words, as a detail of it (the
hurt named after 'among', their condition, a share of its own things, 'The rest were …' right
after one of its sentences), in another outlet's opening words, in leads that outlets tell on
in their next sentence ('… is to close' / '… the last machine will be switched off'),
in a clause of its line ('closed … after engineers found …'), joined by 'and' to one of its
sentences, or told again by few of its own outlets with its particular act ('review the
terms of the subsidy'); a denial its outlets tell right after a claim is printed with that
claim, as one development; a line giving only disputed values is left to where sources
differ. A line tells one fact: a clause of it that tells another ('…, and closed the
path', '… after a pond burst' when the next sentence tells the burst) is left out of its
wording. A line's sources are the outlets that say it, wherever clustering put their
sentence, and developments rank by all of them; only an outlet giving another number is said
to give other figures. A line opening with 'He' or 'She' names the person
the sentence before names; the outlet talking about its own coverage ('We're following …',
"We'll be back tomorrow") is no development.

An article that shares no development with the others is off the story: it is named, with why,
and kept out of the merge.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from rapidfuzz import fuzz

from schemas.brief import Evidence, MergedEvent
from schemas.extraction import ArticleExtraction

from .rules.dates import looks_ahead, normalise_when, parse_date
from .rules.stance import STANCE_ADJECTIVES
from .rules.text import EDITORIAL_NOTE, MONTH_WORD, OPENING_DATELINE
from .rules.vocabulary import EVACUATION_OUTCOMES, ROLE_WORDS

#: A sentence joins a cluster when its cosine similarity with the cluster's centroid reaches
#: this; a second sentence of a source already in the cluster must reach ``SAME_SOURCE``.
JOIN = 0.22
SAME_SOURCE = 0.45
#: Average similarity at which two clusters of sentences are one development.
LINK = 0.25
SAME_SOURCE_PENALTY = 0.15
#: Two articles' first sentences are most often the same main development.
LEAD_BONUS = 0.15
LEAD_RANKS = 1
#: A number is strong evidence of the same fact ('1,200 drivers' in two sentences), and so
#: is a time of day ('at 2pm').
NUMBER_WEIGHT = 1.5
#: How fast a word's weight falls with the share of sentences using it, and its floor.
RARITY_SLOPE = 1.5
RARITY_FLOOR = 0.15
#: How strongly words that few sources use outweigh the story's own words (1: plain IDF).
IDF = 1.0
#: A headline or caption supports the cluster it is most like, from this similarity on.
SUPPORT = 0.22
#: A development less like the ones already shown than this is a new one (else it is folded in).
REPEAT = 0.4
#: What a lead sentence adds to a development's rank, per source (fading to nothing over the
#: first ``PROMINENT_RANKS`` sentences); an independent source adds 3.
PROMINENCE = 2.5
PROMINENT_RANKS = 10
#: What an outlet leading with the development (its first body sentence) adds on top, per
#: independent source: the story's main event is what most outlets open with.
LEAD_FIRST = 3.0
#: A sentence this close to a sentence of a shown development repeats it.
FOLD = 0.35
FOLD_SAME_SOURCE = 0.2
COMPARED = 12
#: A sentence with fewer content words than this ("Here is what we know so far.") states
#: no development.
MIN_CONTENT = 3
#: Two lines sharing a word pair that few of the story's sentences hold (at most this share
#: of them: a multi-word name, 'state university') state one development when at least
#: ``PAIR_FOLD`` alike besides.
RARE_PAIR = 0.05
PAIR_FOLD = 0.2
#: At most this many key developments, and once ``MIN_KEY`` are shown no more than
#: ``KEY_WORDS`` words of them: the part before the quotes fits one screen (400-600 words).
MAX_KEY = 12
MIN_KEY = 5
KEY_WORDS = 360
#: At most this many developments one source alone reports (as many more as the key ones
#: fall short of ``MIN_KEY``), those where sources differ apart.
MAX_SINGLE = 3
#: A development one source alone reports is also shown when it ranks among the story's
#: first this many clusters (by sources, position and votes): high in its outlet's report.
SINGLE_RANK = 12
#: ...and its outlet gives it among its first this many reporting sentences; among its first
#: ``HIGH_IN_THIN`` where fewer than ``MIN_KEY`` developments are carried by two sources or
#: more (a small story, or outlets that each tell their own part): the top would be thin.
HIGH_IN_OUTLET = 2
HIGH_IN_THIN = 6
#: A body sentence within the first ``LEAD`` of its article is its lead.
LEAD = 3

# Paraphrases news copy uses for the same act, folded to one word before stemming.
_PARAPHRASES = {
    **dict.fromkeys("sue sued sues suing lawsuit lawsuits suit litigation".split(), "sue"),
    **dict.fromkeys("charge charged charges indicted indictment indict".split(), "charge"),
    **dict.fromkeys("arrest arrested arrests detained detain detention custody".split(), "arrest"),
    **dict.fromkeys("kill killed killing dead died dies death deaths fatal".split(), "kill"),
    **dict.fromkeys("injure injured injuries injury wounded hurt".split(), "injure"),
    **dict.fromkeys("resign resigned resigns resignation quit quits".split(), "resign"),
    # a part of a year: 'the middle of next year' is 'mid-2026'
    **dict.fromkeys("middle midway".split(), "mid"),
    **dict.fromkeys(
        """send sent sending sends deploy deployed deploying deployment dispatched dispatch
        ship shipped shipping shipment shipments supply supplied supplies supplying provide
        provided provides providing deliver delivered delivering delivery deliveries""".split(),
        "send",
    ),
    **dict.fromkeys(
        """weapon weapons arms munitions ammunition ammo hardware armaments missile missiles
        rockets shells artillery""".split(),
        "weapon",
    ),
    **dict.fromkeys("urge urged urges urging appeal appealed pressed implored".split(), "urge"),
    **dict.fromkeys("threat threats threaten threatens threatened danger menace".split(), "threat"),
    **dict.fromkeys("confirm confirmed confirms acknowledged acknowledge".split(), "confirm"),
    **dict.fromkeys("deny denied denies refuted rejected rejects dismissed".split(), "deny"),
    **dict.fromkeys("announce announced announces unveiled unveil".split(), "announce"),
    **dict.fromkeys(
        """ban banned bans banning prohibit prohibits prohibited prohibiting prohibition
        outlawed""".split(),
        "ban",
    ),
    # a court that quashed, annulled or overturned a decision, or set it aside
    **dict.fromkeys(
        """overturn overturns overturned overturning quash quashes quashed quashing annul
        annuls annulled annulling invalidated rescinded revoked""".split(),
        "overturn",
    ),
    **dict.fromkeys("rise rose risen increased climbed jumped surged soared".split(), "rise"),
    **dict.fromkeys("fall fell fallen dropped declined plunged slumped".split(), "fall"),
    **dict.fromkeys("approve approved approves passed backed endorsed go-ahead".split(), "approve"),
    **dict.fromkeys("close closed closes closure shut shutdown".split(), "close"),
    **dict.fromkeys("burst bursts collapse collapsed collapses".split(), "burst"),
    **dict.fromkeys(
        """halt halted halts halting suspend suspended suspends suspending stopped stopping
        pause paused pauses pausing adjourn adjourned adjourns adjourning""".split(),
        "halt",
    ),
    **dict.fromkeys("evacuate evacuated evacuation evacuations evacuees fled".split(), "evacuate"),
    **dict.fromkeys("block blocked blocks blocking veto vetoed vetoes".split(), "block"),
    # buying a company, in the words of a deal or of a regulator's ruling on it
    **dict.fromkeys(
        "takeover takeovers acquisition acquisitions acquire acquired acquires acquiring "
        "purchase purchased purchases purchasing buyout".split(),
        "takeover",
    ),
    **dict.fromkeys("rain rainfall downpour downpours deluge".split(), "rain"),
    **dict.fromkeys("blaze blazes fire fires flames wildfire".split(), "fire"),
    **dict.fromkeys("probe investigation inquiry investigating investigate".split(), "probe"),
    **dict.fromkeys(
        "firm company companies firms drugmaker drugmakers operator operators".split(), "company"
    ),
    **dict.fromkeys("withhold withheld withholds withholding".split(), "withhold"),
    **dict.fromkeys("trial trials study studies".split(), "trial"),
    **dict.fromkeys("sack sacked sacks sacking axe axed fired ousted oust ousting".split(), "sack"),
    **dict.fromkeys("aground grounded grounding".split(), "aground"),
    **dict.fromkeys("soldier soldiers troops troop personnel forces".split(), "troop"),
    **dict.fromkeys("plan plans planned proposal proposed propose".split(), "plan"),
    **dict.fromkeys("fine fined fines penalty".split(), "fine"),
    **dict.fromkeys("warn warned warns warning".split(), "warn"),
    **dict.fromkeys("strike strikes walkout walkouts".split(), "strike"),
    **dict.fromkeys("deal deals agreement agreements settlement accord".split(), "deal"),
    **dict.fromkeys("another further second fresh".split(), "anoth"),
    **dict.fromkeys("sample samples taster tasters excerpt excerpts".split(), "sample"),
    **dict.fromkeys(
        "refund refunds refunded refunding reimburse reimbursed reimbursement repaid".split(),
        "refund",
    ),
    **dict.fromkeys("posted publish published publishes leaked".split(), "publish"),
    # a value overstated in other words, and hidden in other words
    **dict.fromkeys(
        """inflated inflate inflates inflating overstated overstate overstates overstating
        marked-up exaggerated overvalued""".split(),
        "inflate",
    ),
    **dict.fromkeys(
        """conceal concealed conceals concealing hide hid hidden hides hiding""".split(),
        "conceal",
    ),
    **dict.fromkeys("nearly almost".split(), "nearly"),
    **dict.fromkeys("board trustees directors".split(), "board"),
}
# Paraphrases of several words, folded to one word before the words are read: 'their money
# back' is a refund.
_PHRASE_WORDS = {
    "money back": "refund",
    # a stretch of time in words or in figures: 'a quarter of an hour' is 15 minutes
    **dict.fromkeys(
        "quarter of an hour|quarter-hour|15 minutes|fifteen minutes".split("|"), "quarterhour"
    ),
    **dict.fromkeys("half an hour|half-hour|30 minutes|thirty minutes".split("|"), "halfhour"),
    "green light": "approve",  # 'given the green light' is approved, as 'the go-ahead' is
    # a machine switched off, a plant shut down: closed ('turned down' is refused, not here)
    **dict.fromkeys(
        [
            f"{verb} {part}"
            for verb in "shut shuts shutting close closes closed closing".split()
            for part in ("down", "off")
        ]
        + [
            f"{verb} off"
            for verb in "switch switches switched switching turn turns turned turning".split()
        ],
        "close",
    ),
    # a ruling struck down or set aside was overturned
    **dict.fromkeys(
        "struck down|strikes down|strike down|striking down|set aside|sets aside".split("|"),
        "overturn",
    ),
    # a ship on the rocks ran aground; a chief shown the door was sacked
    **dict.fromkeys("onto the rocks|on the rocks|onto rocks".split("|"), "aground"),
    **dict.fromkeys("shown the door|given the boot|got the boot".split("|"), "sack"),
    # a contractor put on notice was served a notice of default; a payment held back was
    # withheld
    **dict.fromkeys(
        "on notice|on formal notice|notice of default|default notice".split("|"), "notice"
    ),
    **dict.fromkeys("holding back|held back|hold back|holds back".split("|"), "withhold"),
    # people ordered out, forced out or told to leave were evacuated
    **dict.fromkeys(sorted(w for w in EVACUATION_OUTCOMES if " " in w), "evacuate"),
    # a levee or a roof that gave way burst or collapsed
    **dict.fromkeys("give way|gives way|gave way|giving way|given way".split("|"), "burst"),
}
_PHRASES = re.compile(r"\b(?:" + "|".join(p.replace(" ", r"\s+") for p in _PHRASE_WORDS) + r")\b")
#: A contract ended, terminated, cancelled, scrapped or torn up (its value or kind between:
#: "ended its £38 million contract", "terminated the four-year catering deal"): the
#: contractor was sacked, in the words of ``_PARAPHRASES``.
_CONTRACT_ENDED = re.compile(
    r"\b(?:end|ends|ended|ending|terminat\w*|cancel\w*|scrap\w*|axe[sd]?|axing|"
    r"tore\s+up|torn\s+up|tear(?:s|ing)?\s+up|rip(?:s|ped|ping)?\s+up|withdr[ae]w\w*)\s+"
    r"(?:(?:its|the|their|his|her|our|a|an)\s+)?(?:[\w£$€.,'’-]+\s+){0,4}?(?:contract|deal)s?\b"
)
#: Someone dismissed or removed from a post ("dismissed its chief executive", "voted to
#: remove Marianne Tolhurst", "has dismissed manager Joe Bloggs"): sacked, not a claim
#: dismissed ('dismissed' alone denies, in ``_PARAPHRASES``) nor a thing removed; not the
#: post holder's words ("dismissed the chief executive's claims"). Read before lower case:
#: a person is named in capitals.
_STAFF_DISMISSED = re.compile(
    r"\b(?i:dismiss(?:es|ed|ing)?|remov(?:e|es|ed|ing)|oust(?:s|ed|ing)?)\s+"
    r"(?:(?i:(?:(?:its|the|their|his|her|our)\s+)?(?:[\w.-]+\s+){0,2}?"
    r"(?:chief|executive|manager|director|coach|head|boss|ceo|officer|secretary|minister|"
    r"chair|chairman|chairwoman|president|editor|principal|headteacher|employees?|staff|"
    r"workers?))|(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)"
    r"\b(?!(?:\s+[\w-]+)?[’']s\b)"
)
#: A contractor dropped, stripped of its work or replaced ("dropped the company that …",
#: "dropped caterer Tollbrook"): sacked, not a fall ('dropped' alone is one).
_SUPPLIER_DROPPED = re.compile(
    r"\b(?:drop|drops|dropped|dropping|ditch\w*)\s+(?:(?:its|the|their)\s+)?"
    r"(?:company|firm|caterer|contractor|supplier|provider|operator)\b"
)
# Function words and the commonest verbs and adverbs of English, which say nothing about
# which fact a sentence states.
_STOPWORDS = frozenset(
    """the and for that with have has had was were are been this from into not but its his her
    their they them which who whom will would could should said says say told also than then
    there after before over about more some such what when where while our your you she him
    one its it's being can may might just only very mr mrs ms dr according added other others
    most many much all any each every both few several own same still even yet now already
    around roughly nearly almost across out off onto upon under within without through during
    since until against among between per cent went go goes going gone get got make made
    take took taken come came give gave put set begin began begun start started keep kept
    leave left leaving turn turned bring brought stay stayed way ways well like way part
    here know knew known far latest update updates thing things lot lots unclear exactly
    """.split()
)
_TOKEN = re.compile(r"[a-z][a-z'’-]+|\d[\d,.]*\d|\d")
#: A day of the month written with its month ('13 November', 'Nov. 13'): one date token
#: ('@13nov'), never the number 13 that '€13bn' or '13 jobs' gives.
_MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b"
)
_DAY_OF_MONTH = re.compile(
    rf"\b(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH_NAME})"
    rf"|(?P<month2>{_MONTH_NAME})\.?\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?)(?![\d.]|,\d)"
)

# Loaded or tabloid words: a version using them is less neutral than one that does not.
_LOADED = re.compile(
    r"\b(?:pals?|slams?|slammed|blasts?|blasted|shock(?:ing)?|horror|fury|furious|rage[sd]?|"
    r"fumes?|sick|evil|tyrant|despot|crazed|mad|vile|monsters?|bombshell|chilling|brutal|"
    r"savage|hell|grinder|fodder|desperate|desperation|huge|massive|stunning|sensational|"
    r"love\s+rat|rants?|hits?\s+out|lash(?:es|ed)?\s+out|vows?|vowed|scandal|outrage|"
    r"heartbreak(?:ing)?|terrifying|nightmare|carnage|chaos|mayhem|killer|thugs?|yobs?|"
    r"boffins?|cops|tot|slaughter|brave|hero(?:es)?|villains?|axed?|probes?|inferno|"
    r"terrified|ripp(?:ed|ing)|rips|dodgy|slapped|whopping|greedy|crippling|fed-up|booted|"
    r"dragged|drags|bosses|chiefs|generous|paltry|measly|miserly|staggering|eye-watering|"
    r"downed\s+tools|noses?|sinister|shameless|ruthless|plunder(?:s|ed)?|crooks?|"
    r"yank(?:s|ed|ing)?|fuming|begg(?:ed|ing)|crammed|bankroll(?:s|ed|ing)?|death\s*traps?|"
    r"pull(?:s|ed|ing)?\s+the\s+plug|herd(?:s|ed|ing)?|(?:tear|tears|tore|torn)\s+into|"
    r"to\s+the\s+bone|slash(?:es|ed|ing)?|blitz(?:ed)?|grilled|savaged|"
    r"mauled)\b",
    re.IGNORECASE,
)

# A live blog's time stamp opening an entry: "07:05 ", "12.40pm - ".
_STAMP = re.compile(r"^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[-–—:]\s*)?(?=[A-Z\"“])")
# A label before the sentence proper: "Bus strike latest: ", "Breaking: ".
_LABEL = re.compile(r"^(?:[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3}):\s+(?=[a-zA-Z])")
# Openings that lean on what came before ("In response, …", "As a result, …").
_LEANING = re.compile(
    r"^(?:in response|in return|as a result|in addition|at the same time|on the other hand|"
    r"even so|by contrast|in turn|asked (?:about|whether|if|why|how|what))\b",
    re.IGNORECASE,
)
# A pronoun subject after an opening time phrase: "On Monday it summoned …".
_LATE_PRONOUN = re.compile(
    r"^(?:on|by|in|at|late|early|last|earlier|later|since|after|before)\b[^,]{0,30}?,?\s+"
    r"(?:he|she|it|they)\s",
    re.IGNORECASE,
)
# An opening connective that the line can do without ("But ", "In response, ", "Meanwhile, "):
# the wording shown drops it (``clean_wording``), so it costs a version little.
_LEAN_OPENING = re.compile(
    r"^(?:(?:but|and|yet)\s+|(?:however|meanwhile|still|also|in response|in return|"
    r"as a result|in addition|at the same time|on the other hand|even so|by contrast|"
    r"in turn|separately),\s+)(?=\S)",
    re.IGNORECASE,
)
# A short lead-in clause that points at the sentence before and hands over with a colon
# ("That will now be tested: …", "This much is clear: …"): what follows states the fact.
_LEAD_IN = re.compile(r"^(?i:that|this|it|which|here|there)\b[^:;.“”\"]{0,40}:\s+(?=[A-Z])")
#: A page's label before what it sums up ("Key points:", "Latest:", "What we know:",
#: "Update:"): the page's furniture, not the development's words.
_PAGE_LABEL = re.compile(
    r"^(?i:key\s+points|key\s+facts|the\s+latest|latest|summary|in\s+brief|at\s+a\s+glance|"
    r"what\s+we\s+know(?:\s+so\s+far)?|update|updated|breaking(?:\s+news)?|recap|"
    r"catch\s+up|the\s+story\s+so\s+far)\s*(?:\d{1,2}[:.]\d{2}\s*)?[:–—-]\s+(?=[A-Z])"
)
# A connective set inside commas after the subject ("The union, meanwhile, said …").
_INNER_CONNECTIVE = re.compile(
    r",\s+(?i:meanwhile|however|though|too|also|in turn|for (?:its|his|her|their) part),(?=\s)"
)
#: What an opening connective the shown line drops costs a version (it still leans a little).
LEAN_OPENING = 0.25
_CONNECTIVES = frozenset("but and or so yet however meanwhile also still then".split())
_PRONOUNS = frozenset("he she it they this these those his her its their there here".split())


@dataclass
class Unit:
    """One sentence a source reports: what is clustered."""

    source: str
    sentence: int
    text: str
    role: str
    rank: int
    when: str | None
    vector: dict[str, float] = field(default_factory=dict)
    first: bool = False
    """The first body sentence of its article: what the outlet leads with."""
    filed: date | None = None
    """The day its article was filed (the article's date), to read 'next year' and 'last
    month' as the year and month they name when clustering (``tokens``)."""
    antecedent: str | None = None
    """Who its opening 'He' or 'She' is: the person the sentence before names as its
    subject (``antecedent_of``); the line shown names them (``wording``)."""

    @property
    def wording(self) -> str:
        """The sentence as a development's line: its opening 'He'/'She' (or 'His'/'Her')
        replaced by the person it stands for, when known (``antecedent``)."""
        return named_subject(self.text, self.antecedent)


def units_of(extractions: Sequence[ArticleExtraction]) -> list[Unit]:
    """Every reporting sentence, headline and caption of ``extractions``; an extraction made
    before sentences were kept (no ``sentences``) gives its key events instead. A body line
    that is a headline in effect (``live_title``, ``repeats_title``, ``shouted_headline``,
    or a line with no closing stop above the article's first sentence that has one: a
    standfirst, a teaser, a key-points list) takes the role 'headline'; the outlet on its
    own coverage (``own_coverage``) 'aside': neither a development nor support for one."""
    units = []
    # an article without a date was filed about when the story's others were: their latest
    dated = [d for x in extractions if (d := parse_date(x.source.date))]
    for x in extractions:
        filed = parse_date(x.source.date) or max(dated, default=None)
        if x.sentences:
            units += [
                Unit(x.source.id, s.sentence, s.text, s.role, s.rank, s.when, filed=filed)
                for s in x.sentences
            ]
        else:
            units += [
                Unit(x.source.id, e.sentences[0] if e.sentences else i, e.summary, "body", i,
                     e.when, filed=filed)
                for i, e in enumerate(x.events)
            ]  # fmt: skip
    titles: dict[str, list[str]] = defaultdict(list)
    for x in extractions:
        if x.source.title:
            titles[x.source.id].append(x.source.title)
    for unit in units:
        if unit.role == "headline":
            titles[unit.source].append(unit.text)
    first_rank = {
        x.source.id: min((s.rank for s in x.sentences if s.role == "body"), default=0)
        for x in extractions
    }
    # the first body sentence with a closing stop: the lines above it that have none are a
    # standfirst, a teaser or a key-points list, which restate the report (support only)
    first_closed = {
        x.source.id: min(
            (s.rank for s in x.sentences if s.role == "body" and _CLOSED.search(s.text.rstrip())),
            default=0,
        )
        for x in extractions
    }
    for unit in units:
        if unit.role == "body" and (
            live_title(unit.text)
            or (unit.rank < LEAD and repeats_title(unit.text, titles[unit.source]))
            or (unit.rank == first_rank.get(unit.source) and shouted_headline(unit.text))
            or (
                unit.rank < first_closed.get(unit.source, 0)
                and not _CLOSED.search(unit.text.rstrip())
            )
        ):
            unit.role = "headline"
        elif unit.role == "body" and own_coverage(unit.text):
            unit.role = "aside"  # the outlet on its own coverage: no development, no support
    by_source: dict[str, list[Unit]] = defaultdict(list)
    for unit in units:
        by_source[unit.source].append(unit)
    for x in extractions:
        _resolve_pronouns(by_source[x.source.id], x)
    firsts: dict[str, Unit] = {}
    for unit in units:
        if unit.role == "body" and (
            unit.source not in firsts or unit.rank < firsts[unit.source].rank
        ):
            firsts[unit.source] = unit
    for unit in firsts.values():
        unit.first = True
    return units


# A sentence opening with a pronoun that stands for a person: 'He said …', 'Her lawyer …'.
_PERSON_PRONOUN = re.compile(r"^(?P<pronoun>He|She|His|Her)\s+(?=[a-z])")
# A subject up to a verb of saying or a common finite verb: 'Bluestem chief executive Marcus
# Delray said', 'Marcus Delray, the company's chief executive, said', 'Boyle, who chairs …,
# called'.
_SUBJECT = re.compile(
    r"^(?P<subject>[A-Z][^,;:]{0,80}?)(?:,[^;:]*?)?\s+(?:said|says|told|tells|added|adds|"
    r"argued|argues|insisted|insists|claimed|claims|accused|called|calls|warned|warns|"
    r"confirmed|confirms|denied|denies|urged|urges|announced|announces|asked|wrote|posted|"
    r"repeated|maintains|maintained|believes|stressed|noted|explained|acknowledged|"
    r"admitted|vowed|pledged|promised|has|had|is|was|will|would)\b"
)
# A name: capitalised words (and 'of', 'de', 'van') ending the subject: 'Marcus Delray',
# 'Bluestem Chief Executive Marcus Delray'; initials and hyphens allowed.
_NAME_END = re.compile(r"(?:[A-Z][\w.'’-]*\s+(?:(?:of|de|van|von|da|al)\s+)?)*[A-Z][\w'’-]+$")
_NOT_A_PERSON = frozenset(
    """The A An This That These Those It They We Breaking Update Latest Meanwhile But And""".split()
)


def subject_name(text: str) -> str | None:
    """The person a sentence names as its subject: the words before its verb (before an
    appositive's comma), when they end in a capitalised name ('Bluestem chief executive
    Marcus Delray said …' -> 'Bluestem chief executive Marcus Delray'; 'Marcus Delray, the
    company's chief executive, said …' -> 'Marcus Delray'; 'Breaking: Judge Ada Osei has
    denied …' -> 'Judge Ada Osei'). None for a subject that is no name ('The mayor said',
    'The company said'), or longer than six words."""
    body = _LABEL.sub("", _STAMP.sub("", _undated(text).strip(), count=1), count=1)
    match = _SUBJECT.match(body)
    if match is None:
        return None
    subject = match["subject"].strip()
    words = subject.split()
    if len(words) > 6 or words[0] in _NOT_A_PERSON | _PRONOUN_WORDS:
        return None  # "He has since lost …": a pronoun names no one ("He's agent" was shown)
    if not _NAME_END.search(subject) or _NAME_END.search(subject).group() in _NOT_A_PERSON:
        return None
    return subject


def antecedent_of(unit: Unit, before: str | None, speaker: str | None) -> str | None:
    """Who ``unit``'s opening 'He'/'She'/'His'/'Her' stands for: the person the sentence
    just before names as its subject (``before``, ``subject_name``), else the named speaker
    of a quotation in it (``speaker``: 'This is a hit job,' Delray said. He said …'). None
    when the sentence opens otherwise or the one before names no person."""
    match = _PERSON_PRONOUN.match(_undated(unit.text))
    if match is None:
        return None
    name = subject_name(before) if before else None
    if name is None and speaker and speaker.split()[0] not in _NOT_A_PERSON | _PRONOUN_WORDS:
        name = speaker if speaker[:1].isupper() else None
    if name is None:
        return None
    words = {w.strip(".").lower() for w in name.split()}
    other = _MEN if match["pronoun"] in ("She", "Her") else _WOMEN
    return None if words & other else name  # 'She' is no 'Mr. Dunleavy'


_PRONOUN_WORDS = frozenset("He She His Her Him".split())
_MEN = frozenset("mr sir lord king prince".split())
_WOMEN = frozenset("ms mrs miss dame lady queen princess".split())


def named_subject(text: str, name: str | None) -> str:
    """``text`` with its opening 'He'/'She' replaced by ``name``, 'His'/'Her' by ``name``'s
    ('He said the founder …' -> 'Marcus Delray said the founder …'); unchanged without a
    name or such an opening."""
    if not name:
        return text
    body = _undated(text)
    match = _PERSON_PRONOUN.match(body)
    if match is None:
        return text
    if match["pronoun"] in ("His", "Her"):
        name += "'s"
    return name + " " + body[match.end() :]


def _resolve_pronouns(units: Sequence[Unit], extraction: ArticleExtraction) -> None:
    """Set ``Unit.antecedent`` of ``units`` (one article's) that open with a person's
    pronoun, from the sentence before: a reporting sentence of the article, or a quotation
    in it with a named speaker."""
    text_of = {s.sentence: s.text for s in extraction.sentences}
    speakers = {q.sentence: q.speaker for q in extraction.quotes if q.speaker}
    for unit in units:
        if unit.role == "body":
            before = unit.sentence - 1
            unit.antecedent = antecedent_of(unit, text_of.get(before), speakers.get(before))


# A live blog's own title line in its body: "Storm live: the latest as …", "Follow our live
# updates through the day." It names the story, as a headline does; it is not a development.
_LIVE_TITLE = re.compile(
    r"^[^:.]{3,80}\blive\s*:|^[^:.]{3,80}:\s*(?:the\s+)?latest\s+(?:as|on|from)\b|"
    r"\b(?:follow|welcome\s+to)\s+(?:our|us|the)\s+(?:\w+\s+)?(?:live|rolling)\b|"
    r"\b(?:our|this)\s+live\s+(?:coverage|blog|updates?|page)\b",
    re.IGNORECASE,
)


_MONTH_WORD = rf"{MONTH_WORD}\.?"
_DAYS = r"\d{1,2}(?:\s*[-–]\s*\d{1,2})?"
# A chronology box's entry: a date, a dash or colon, then what happened in notes ('Nov 30 -
# Leak found around 6.40 a.m.; major incident declared …', '14 August 2025 - Merger referred
# for …', 'March 2023: Inspection calls for repairs').
_CHRONOLOGY = re.compile(
    rf"^(?:{_MONTH_WORD}\s+{_DAYS}(?:,?\s+\d{{4}})?|{_DAYS}\s+{_MONTH_WORD}(?:\s+\d{{4}})?|"
    rf"{_MONTH_WORD}\s+\d{{4}}|\d{{4}})\s*(?:[-–—]|:)\s+(?=\S)"
)


def chronology_entry(text: str) -> bool:
    """True for an entry of a chronology box ('Nov 30 - Leak found around 6.40 a.m.; major
    incident declared 11.20 a.m.'): a date and a dash or colon, then notes with no closing
    stop or several joined by semicolons. It tells that its source reports the developments
    it notes (it is clustered with them), but it is no line to show (``_choose``)."""
    if not _CHRONOLOGY.match(text):
        return False
    rest = _CHRONOLOGY.sub("", text, count=1).rstrip()
    return ";" in rest or not _CLOSED.search(rest)


def live_title(text: str) -> bool:
    """True for a live blog's own title or navigation line written as a body sentence ('Flood
    live: the latest as …', 'Follow our live updates'): a headline, not a development."""
    return bool(_LIVE_TITLE.search(_undated(text)))


# The outlet talking about its own coverage (or a release about itself: 'issued the following
# statement'): what it is following, where its reporters will be, when it will be back,
# thanks for reading ('We're following the fallout from …', 'Here's
# what we know so far', "We'll be back tomorrow with reaction", 'Stay with us for updates').
_OWN_COVERAGE = re.compile(
    r"\bwe(?:'re|’re|\s+are|'ll|’ll|\s+will|'ve|’ve|\s+have)?\s+(?:been\s+|also\s+)?"
    r"(?:following|tracking|covering|bringing\s+you|updating|live-blogging|"
    r"be\s+(?:back|bringing|updating|following|covering|live|at\s+the\s+\w+\s+for)|"
    r"have\s+more|update\s+(?:this|you)|leave\s+(?:it|our|you|things)|wrap(?:ping)?\s+up)\b|"
    r"\bhere(?:'s|’s|\s+is|\s+are)\s+(?:what\s+we\s+know|the\s+latest|a\s+(?:recap|round-?up))|"
    r"\bwhat\s+we\s+know\s+so\s+far\b|"
    r"\bthanks?(?:\s+you)?\s+for\s+(?:following|reading|joining|watching|staying)\b|"
    r"^(?:please\s+)?(?:stay\s+(?:with\s+(?:us|the\s+[\w'’.-]+)|tuned)|check\s+back)\b|"
    r"\b(?:stay\s+with\s+(?:us|the\s+[\w'’.-]+)|check\s+back)\s+(?:here\s+)?for\s+"
    r"(?:updates|more|the\s+latest)\b|"
    r"\b(?:this|the)\s+(?:story|article|page|post|blog)\s+(?:will\s+be|has\s+been|is\s+being)"
    r"\s+updated\b|"
    # an interview's editorial note: "The interview has been edited for length."
    rf"\b{EDITORIAL_NOTE}|"
    # a press release announcing itself: 'today issued the following statement'
    r"\b(?:issued|issues|released|releases|made|makes)\s+the\s+following\s+statement\b",
    re.IGNORECASE,
)


def own_coverage(text: str) -> bool:
    """True for the outlet talking about its own coverage rather than the story: what it is
    following ("We're following the fallout from the council's decision …"), what it knows
    so far, where it will be or when it will be back ("We'll be back tomorrow with
    reaction"), thanks for reading, 'Stay with us for updates', 'This story will be
    updated'. Quoted words are not read (a speaker's 'we' is the speaker's). Such a line is
    no development, and supports none."""
    return bool(_OWN_COVERAGE.search(_unquoted(_undated(text))))


#: A body line this close (``fuzz.ratio`` of its words in lower case) to its article's title
#: or headline repeats it.
TITLE_REPEAT = 90


def _plain_words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower().replace("’", "'")))


def repeats_title(text: str, titles: Iterable[str]) -> bool:
    """True when a body line repeats its article's title or headline (``titles``) in other
    case or punctuation ('BRIDGE OF SIGHS: Old span SHUT' under the title 'Bridge of sighs -
    old span shut'): a headline, which supports a development and is none."""
    words = _plain_words(text)
    return bool(words) and any(
        fuzz.ratio(words, _plain_words(title)) >= TITLE_REPEAT for title in titles
    )


#: A line with at least this share of its words in capitals is shouted.
SHOUTED = 0.5
_CLOSING = re.compile(r"[.!?…][\"”’')\]]*$|[\"”]$")


# A tabloid's shouted label opening a headline: 'BUS CHAOS:', 'RIVER OF DEATH -'.
_SHOUTED_LABEL = re.compile(r"^[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]*)+\s*(?::|-|–|—)\s")


def shouted_headline(text: str) -> bool:
    """True for a tabloid headline set as an article's first body line: no closing
    punctuation, and a shouted label opening it ('BRIDGE OF SIGHS: Old span SLAMMED SHUT')
    or at least ``SHOUTED`` of its words of two letters or more in capitals ('TWO DEAD IN
    HARBOUR FIRE'). A first sentence with a shouted word ('NORTH Korean troops have been
    sent …') or without closing punctuation alone is not one. (A shouted label reads as a
    dateline to ``_undated``: only a live blog's time stamp is left out.)"""
    body = _STAMP.sub("", text.strip(), count=1)
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", body) if len(w) > 1]
    if not words or _CLOSING.search(body):
        return False
    return bool(_SHOUTED_LABEL.match(body)) or (
        sum(1 for w in words if w.isupper()) >= SHOUTED * len(words)
    )


def tokens(text: str, filed: date | None = None) -> list[str]:
    """Content words of ``text``, paraphrases folded (phrases too: 'money back') and cut to
    five-letter stems, and its numbers ('1,200' and '1200' alike): the same figure is strong
    sign of the same fact. A time of day ('2pm', '2 p.m.', '14:00') is one token ('@14'),
    not a number: it says when, and counts nothing (``_counts``). Given the day the article
    was ``filed``, 'next year', 'last month' and the like are the year and month they name
    ('the middle of next year' in 2025 meets 'mid-2026'; 'next month' in October meets
    'November')."""
    if filed is not None:
        text = _RELATIVE_TIME.sub(lambda m: _named_time(m, filed), text)
    days = [_day_token(m) for m in _DAY_OF_MONTH.finditer(text)]
    text = _DAY_OF_MONTH.sub(lambda m: " " + (m["month"] or m["month2"]) + " ", text)
    text = _STAFF_DISMISSED.sub(lambda m: " sack " + m.group().split(None, 1)[1], text).lower()
    text = text.replace("’s", "").replace("'s", "")
    text = _PHRASES.sub(lambda m: _PHRASE_WORDS[" ".join(m.group().split())], text)
    text = _CONTRACT_ENDED.sub(" sack contract ", text)
    text = _SUPPLIER_DROPPED.sub(" sack company ", text)
    out = days + [_clock_token(m) for m in _CLOCK.finditer(text)]
    text = _CLOCK.sub(" ", text)
    out += [_word_clock_token(m) for m in _WORD_CLOCK.finditer(text)]
    text = _WORD_CLOCK.sub(lambda m: " " + (m["rest"] or ""), text)

    for match in _TOKEN.finditer(text):
        word = match.group().strip("'’-.,")
        if word[:1].isdigit():
            out.append(number_token(word))
            continue
        if len(word) < 3 or word in _STOPWORDS or _LOADED.fullmatch(word):
            continue  # loaded words carry tone, not the fact
        word = _PARAPHRASES.get(word, word)
        out.append(_stem(word)[:5])
    return out


def _day_token(match: re.Match[str]) -> str:
    """The token of a day of the month ('13 November', 'Nov 13' -> '@13nov')."""
    month = (match["month"] or match["month2"]).lower()[:3]
    return f"@{int(match['day'] or match['day2'])}{month}"


# A year or month named from the day of writing: 'next year', 'last month', 'this year'.
_RELATIVE_TIME = re.compile(
    r"\b(?P<which>(?i:next|last|this|the\s+coming))\s+(?P<unit>(?i:year|month))\b"
)
_OFFSET = {"next": 1, "last": -1, "this": 0, "the coming": 1}
_MONTHS = "January February March April May June July August September October November December"


def _named_time(match: re.Match[str], filed: date) -> str:
    """The year ('2026') or month ('November') a ``_RELATIVE_TIME`` match names, seen from
    the day the article was ``filed``."""
    offset = _OFFSET[" ".join(match["which"].lower().split())]
    if match["unit"].lower() == "year":
        return str(filed.year + offset)
    return _MONTHS.split()[(filed.month - 1 + offset) % 12]


# A time of day in lower case: '2pm', '2 p.m.', '9.30am', '14:00', '2:15 p.m.'.
_CLOCK = re.compile(
    r"(?<![\w.,:])(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*(?P<half>[ap])\.?m\b\.?"
    r"|(?<![\w.,:])(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d)(?![\d:])"
)


# A time of day in words: 'twenty to seven', 'half past six in the morning', 'ten o'clock',
# its half of the day read from the words after it ('… on Friday evening').
_HOURS = "one two three four five six seven eight nine ten eleven twelve".split()
_WORD_CLOCK = re.compile(
    r"\b(?:(?P<part>five|ten|twenty|twenty-five|quarter|half)\s+(?P<rel>past|to)\s+"
    rf"(?P<hour>{'|'.join(_HOURS)})|(?P<whole>{'|'.join(_HOURS)})\s+o[’']clock)\b"
    r"(?P<rest>(?:\s+(?:on|in|at|this|that|the|[a-z]+day))*\s+(?P<half>morning|afternoon|evening|night)\b)?"
)
_MINUTES = {"five": 5, "ten": 10, "twenty": 20, "twenty-five": 25, "quarter": 15, "half": 30}


def _word_clock_token(match: re.Match[str]) -> str:
    """'@18:40' for 'twenty to seven on Friday evening', '@6:30' for 'half past six' (the
    half of the day unknown: as written), '@10' for 'ten o'clock'."""
    hour = _HOURS.index(match["hour"] or match["whole"]) + 1
    minute = 0
    if match["part"]:
        minute = _MINUTES[match["part"]]
        if match["rel"] == "to":
            hour, minute = hour - 1 or 12, 60 - minute
    if match["half"] in ("afternoon", "evening", "night") and hour < 12:
        hour += 12
    elif match["half"] == "morning" and hour == 12:
        hour = 0
    return f"@{hour}" + (f":{minute:02d}" if minute else "")


def _clock_token(match: re.Match[str]) -> str:
    """'@14' for '2pm', '2 p.m.' and '14:00'; '@9:30' for '9.30am'."""
    if match["hour24"] is not None:
        hour, minute = int(match["hour24"]), match["minute24"]
    else:
        hour, minute = int(match["hour"]) % 12, match["minute"]
        hour += 12 if match["half"] == "p" else 0
    return f"@{hour}" + (f":{minute}" if minute and minute != "00" else "")


def _stem(word: str) -> str:
    """A light suffix cut so that 'buses' meets 'bus' and 'walked' meets 'walk'."""
    for suffix, keep in (("ies", 3), ("ing", 4), ("ed", 4), ("es", 4), ("s", 3)):
        if word.endswith(suffix) and len(word) - len(suffix) >= keep:
            if suffix == "es" and not word[:-2].endswith(("s", "x", "z", "ch", "sh")):
                return word[:-1]
            if suffix == "s" and word.endswith("ss"):
                return word
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def _vectorise(units: Sequence[Unit]) -> None:
    """TF-IDF vectors (unit length), document frequency counted by source: a word every source
    uses (the story's names) weighs little."""
    sources = {u.source for u in units}
    by_source: dict[str, set[str]] = defaultdict(set)
    docs = [tokens(_undated(u.text), u.filed) for u in units]
    for unit, doc in zip(units, docs, strict=True):
        by_source[unit.source].update(doc)
    df = Counter(w for words in by_source.values() for w in words)
    count = len(sources) or 1
    sentence_df = Counter(w for doc in docs for w in set(doc))
    for unit, doc in zip(units, docs, strict=True):
        tf = Counter(doc)
        vector = {
            w: f
            * (1 + IDF * math.log((1 + count) / (1 + df[w])))
            * _rarity(sentence_df[w], len(docs))
            * (NUMBER_WEIGHT if _counts(w) or w.startswith("@") else 1.0)
            for w, f in tf.items()
        }
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        unit.vector = {w: v / norm for w, v in vector.items()}


def number_token(number: str) -> str:
    """The clustering token of a number as written: '#' and its digits ('1,200' and '1200'
    -> '#1200'), except a count written with a thousands comma whose digits could be read as
    a year ('1,900 people' -> '#1,900'): a year is never written so, and ``_counts`` must not
    take the count for one."""
    digits = number.replace(",", "")
    if "," in number and _YEAR.fullmatch(digits):
        return "#" + number
    return "#" + digits


_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def _counts(token: str) -> bool:
    """A number token that counts something ('#1200', '#1,900'), not a year ('#2022'), which
    dates the background more often than it names the fact."""
    return token.startswith("#") and not _YEAR.fullmatch(token[1:])


def _rarity(count: int, total: int) -> float:
    """A weight against words many sentences use (the story's subject: 'North Korean troops'
    in most sentences of a story about them), falling with the share of sentences using it."""
    return max(RARITY_FLOOR, 1.0 - RARITY_SLOPE * count / max(1, total))


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine similarity of two sparse vectors (0 to 1 for unit-length TF-IDF vectors)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def _normalised(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {w: v / norm for w, v in vector.items()}


@dataclass
class Cluster:
    """Sentences about one development."""

    members: list[Unit] = field(default_factory=list)
    support: list[Unit] = field(default_factory=list)
    """Headlines and captions that agree with it."""
    rivals: Sequence[frozenset[str]] = ()
    """Per disputed quantity, the number tokens of its values (``number_tokens``): a source
    giving a rival of a value its line states is not marked on the line (``_event``)."""
    minority: dict[str, frozenset[str]] = field(default_factory=dict)
    """Values of a disputed quantity that one source alone gives where two or more give
    another ('#1400': a tabloid's '1,400 jobs'), each with the values more sources give
    ('#1200'): a version stating one is not shown where another version of the development
    states a value more sources give (``MINORITY_FIGURE``)."""
    total: dict[str, float] = field(default_factory=dict)
    sources: set[str] = field(default_factory=set)
    """Sources of its members."""
    details: list[Unit] = field(default_factory=list)
    """Sentences folded in as a detail of its line (``detail_of``): its sources report the
    development, but they neither word it nor weigh in its centroid or rank."""
    claim: Cluster | None = None
    """What its line denies, told in the sentences just before it (``answers``): printed
    first, its line after it, as one development."""
    reply: Cluster | None = None
    """The denial that answers its line (``answers``): printed after it, as one
    development."""
    in_differences: bool = False
    """Its line gives only values that sources dispute (``rival_told``): where sources
    differ tells it, with every value and who claims each; it is not listed again."""
    split_off: bool = False
    """Sentences split from a development whose printed line they do not support
    (``split_unsupported``): kept for the JSON, and shown as a development of their own only
    when two independent sources tell them (one alone most often states the same development
    in other terms, often with another number; two tell a fact clustering joined to
    another, and it is still folded in if it repeats a shown one)."""

    own: list[Unit] = field(default_factory=list)
    """Of the story's main development (the first shown), its members when it was shown:
    its line is one of them (``_choose``), never a sentence folded in later as a repeat of
    it, which may tell another fact besides (the lab result folded into "the council sacked
    the caterer after an outbreak" must not become the story's first line)."""

    _centroid: dict[str, float] | None = field(default=None, repr=False, compare=False)

    def add(self, unit: Unit) -> None:
        self.members.append(unit)
        self.sources.add(unit.source)
        for w, v in unit.vector.items():
            self.total[w] = self.total.get(w, 0.0) + v
        self._centroid = None

    @property
    def centroid(self) -> dict[str, float]:
        """The members' vectors summed and scaled to unit length (kept until a member is
        added; not to be changed by the caller)."""
        if self._centroid is None:
            self._centroid = _normalised(self.total)
        return self._centroid


#: Sums of products in another order than ``cosine``'s differ from it by far less than this
#: (unit vectors of positive weights: under 1e-13 for a thousand words).
_ROUNDING = 1e-9


class _Centroids:
    """Clusters indexed by the words of their centroids, to find those a vector may be alike
    without comparing it with every cluster (linear in the folder for distinct articles)."""

    def __init__(self) -> None:
        self.clusters: list[Cluster] = []
        # word -> cluster -> the word's summed weight in it (``Cluster.total``)
        self._postings: dict[str, dict[int, float]] = defaultdict(dict)
        self._squares: list[float] = []  # of each cluster's summed weights, kept as it grows

    def append(self, group: Cluster) -> int:
        """Index ``group`` (its words so far); its index."""
        self.clusters.append(group)
        self._squares.append(0.0)
        index = len(self.clusters) - 1
        self.grew(index, group.total)
        return index

    def grew(self, index: int, words: Iterable[str]) -> None:
        """Index ``words`` of cluster ``index`` anew: those of the unit just added (call
        after ``Cluster.add``)."""
        total = self.clusters[index].total
        for word in words:
            weights = self._postings[word]
            before = weights.get(index, 0.0)
            weights[index] = total[word]
            self._squares[index] += total[word] ** 2 - before**2

    def alike(self, vector: dict[str, float], floor: float) -> list[tuple[int, Cluster]]:
        """The clusters whose ``cosine`` with ``vector`` may reach ``floor``, in order: every
        cluster that reaches it is among them (their dot products are summed word by word,
        scaled by a norm kept as the cluster grew, and a margin covers the rounding)."""
        dots: dict[int, float] = defaultdict(float)
        for word, value in vector.items():
            for index, weight in self._postings.get(word, {}).items():
                dots[index] += value * weight
        squares = self._squares
        return [
            (index, self.clusters[index])
            for index in sorted(dots)
            if dots[index] >= (floor - _ROUNDING) * math.sqrt(squares[index])
        ]


def cluster(units: Sequence[Unit]) -> list[Cluster]:
    """Cluster body sentences by meaning, then attach each headline and caption to the
    cluster it is most like (a headline supports a development, it is not one)."""
    _vectorise(units)
    body = sorted(
        (u for u in units if u.role == "body" and len(u.vector) >= MIN_CONTENT),
        key=lambda u: u.rank,
    )
    if len(body) <= AGGLOMERATIVE_LIMIT:
        clusters = _average_linkage(body)
    else:
        clusters = _merge_alike(_greedy(body))
    centroids = _Centroids()
    for group in clusters:
        centroids.append(group)
    for unit in units:
        if unit.role in ("body", "aside") or not unit.vector:
            continue
        # the clusters below SUPPORT are never chosen: only those that may reach it count
        alike = centroids.alike(unit.vector, SUPPORT)
        scored = [(cosine(unit.vector, c.centroid), i) for i, c in alike]
        if scored:
            score, index = max(scored)
            if score >= SUPPORT:
                clusters[index].support.append(unit)
    return clusters


#: Up to this many sentences are clustered by average linkage (every pair compared); more
#: (hundreds of articles) by one greedy pass against cluster centroids.
AGGLOMERATIVE_LIMIT = 800


def _average_linkage(body: Sequence[Unit]) -> list[Cluster]:
    """Agglomerative clustering: repeatedly join the two clusters whose sentences are most
    alike on average, while that average reaches ``LINK``. Two sentences
    of one source count as less alike (``SAME_SOURCE_PENALTY``): an article states a fact
    once, as a rule; two articles' leads (their first ``LEAD_RANKS`` + 1 sentences) as more
    alike (``LEAD_BONUS``)."""
    n = len(body)
    sim: list[dict[int, float]] = [dict() for _ in range(n)]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, unit in enumerate(body):
        for word in unit.vector:
            postings[word].append(i)
    for i, unit in enumerate(body):
        near = {j for w in unit.vector for j in postings[w] if j > i}
        if unit.rank <= LEAD_RANKS:
            near |= {j for j in range(i + 1, n) if body[j].rank <= LEAD_RANKS}
        for j in near:
            value = cosine(unit.vector, body[j].vector)
            if body[j].source == unit.source:
                value -= SAME_SOURCE_PENALTY
            elif max(unit.rank, body[j].rank) <= LEAD_RANKS:
                value += LEAD_BONUS
            if value > 0:
                sim[i][j] = sim[j][i] = value
    size = [1] * n
    alive = set(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    heap = [(-v, i, j) for i in range(n) for j, v in sim[i].items() if j > i and v >= LINK]
    heapq.heapify(heap)
    while heap:
        value, i, j = heapq.heappop(heap)
        if i not in alive or j not in alive or sim[i].get(j) != -value:
            continue  # a pair whose clusters have changed since it was queued
        for k in set(sim[i]) | set(sim[j]):
            if k in (i, j) or k not in alive:
                continue
            joined = (size[i] * sim[i].get(k, 0.0) + size[j] * sim[j].get(k, 0.0)) / (
                size[i] + size[j]
            )
            sim[i][k] = sim[k][i] = joined
            sim[k].pop(j, None)
            if joined >= LINK:
                heapq.heappush(heap, (-joined, min(i, k), max(i, k)))
        sim[i].pop(j, None)
        sim[j] = {}
        size[i] += size[j]
        members[i] += members.pop(j)
        alive.discard(j)
    clusters = []
    for i in sorted(alive, key=lambda i: min(body[m].rank for m in members[i])):
        group = Cluster()
        for m in sorted(members[i], key=lambda m: body[m].rank):
            group.add(body[m])
        clusters.append(group)
    return clusters


def _greedy(body: Sequence[Unit]) -> list[Cluster]:
    """One pass, leads first: a sentence joins the cluster whose centroid it is most like
    (the last of equals). Only clusters sharing words with it are compared (``_Centroids``):
    the others' cosine is 0, below ``JOIN``."""
    index = _Centroids()
    for unit in body:
        best, best_score = None, JOIN
        for at, candidate in index.alike(unit.vector, JOIN):
            score = cosine(unit.vector, candidate.centroid)
            needed = SAME_SOURCE if unit.source in candidate.sources else JOIN
            if score >= needed and score >= best_score:
                best, best_score = at, score
        if best is None:
            best = index.append(Cluster())
        index.clusters[best].add(unit)
        index.grew(best, unit.vector)
    return index.clusters


def _merge_alike(clusters: list[Cluster]) -> list[Cluster]:
    """Fold together clusters whose centroids are alike (``REPEAT``): one development that
    greedy clustering split because its first sentences were worded apart."""
    merged = True
    while merged:
        merged = False
        clusters.sort(key=lambda c: -len(c.members))
        for i, first in enumerate(clusters):
            for second in clusters[i + 1 :]:
                if cosine(first.centroid, second.centroid) >= REPEAT:
                    for unit in second.members:
                        first.add(unit)
                    clusters.remove(second)
                    merged = True
                    break
            if merged:
                break
    return clusters


def off_topic(
    units: Sequence[Unit],
    duplicates: dict[str, str],
    sources: Sequence[str],
    groups: Sequence[Cluster] | None = None,
) -> dict[str, str]:
    """Sources that share no development with any other (independent) source, with why.
    ``groups`` are the clusters of ``units`` when already made.

    Needs three independent sources at least (with two, neither can be told off the story),
    and two that share a development; an article with one reporting sentence or none is not
    judged."""
    originals = {duplicates.get(s, s) for s in sources}
    if len(originals) < 3:
        return {}
    shared: dict[str, int] = defaultdict(int)
    own: dict[str, int] = defaultdict(int)
    for group in groups if groups is not None else cluster(units):
        found = {duplicates.get(s, s) for s in group.sources}
        found |= {duplicates.get(u.source, u.source) for u in group.support}
        for source in {duplicates.get(u.source, u.source) for u in group.members}:
            own[source] += 1
            if len(found) > 1:
                shared[source] += 1
    # one sentence of its own (a transcript's header line over its turns) is too little
    # reporting to tell the article off the story by
    judged = [s for s in originals if own[s] > 1]
    if sum(1 for s in judged if shared[s]) < 2:
        return {}  # no two articles share a development: nothing to hold the others to
    names: dict[str, set[str]] = defaultdict(set)
    for unit in units:
        names[duplicates.get(unit.source, unit.source)] |= _names(unit.text)
    # a capitalised word the articles also write in lower case is a common noun in a title
    # or a name ("County", "Fire", "University"), which every story may use
    lower = {w for unit in units for w in re.findall(r"\b[a-z][a-z'’-]+\b", unit.text)}
    for source in names:
        names[source] = {n for n in names[source] if n.lower() not in lower}
    named_by = Counter(name for source in originals for name in names[source])
    result = {}
    for source in judged:
        common = sum(1 for n in names[source] if named_by[n] > 1) / max(1, len(names[source]))
        few = shared[source] < 0.1 * own[source]
        # chance matches (a generic sentence, a lone number) do not hold an article on the
        # story when it names almost nothing the others name
        # the fewer names in common, the more chance matches are allowed (none: up to 2/5)
        chance = CHANCE_SHARE * (2 - common / FEW_NAMES)
        stranger = common < FEW_NAMES and shared[source] <= chance * own[source]
        if stranger or (few and shared[source] <= 1 and common < NAME_SHARE):
            result[source] = (
                f"shares no development with the other {len(originals) - 1} independent "
                f"sources ({shared[source]} of its {own[source]} reporting sentences match "
                f"theirs, and {common:.0%} of the names it uses appear in them): it is about "
                "another story"
            )
    # an article that leads on what another leads on (two names in common in their headlines
    # and first sentences: 'Halbrook' and 'Dunmore') is on the story, however differently
    # its sentences are worded ('will close its Monahan Avenue plant by July 2026')
    leads = lead_names(units, duplicates, lower)
    for source in list(result):
        if any(
            len(leads[source] & leads[other]) >= LEAD_NAMES
            for other in judged
            if other != source and other not in result
        ):
            del result[source]
    # one that tells two of the others' developments and names four of the names two other
    # sources or more use ('Kestlemouth', 'Dornshire', 'Kaveri'), in a house style of its
    # own (another country's wire, its own names around them), is on the story
    for source in list(result):
        widely = sum(
            1
            for n in names[source]
            if sum(1 for o in originals if o != source and n in names[o]) >= 2
        )
        if shared[source] >= SHARED_TOLD and widely >= SHARED_NAMES:
            del result[source]
    # one that tells what another tells on the same day of the month ('the council's hearing
    # on the fire on June 17'), however local its angle, is on the story too
    on_story = [u for u in units if duplicates.get(u.source, u.source) not in result]
    for source in list(result):
        own_units = [u for u in units if duplicates.get(u.source, u.source) == source]
        if any(same_day_told(u, on_story) for u in own_units):
            del result[source]
    return {s: result[duplicates.get(s, s)] for s in sources if duplicates.get(s, s) in result}


def same_day_told(unit: Unit, others: Sequence[Unit]) -> bool:
    """True when body sentence ``unit`` names a day of a month ('June 17') that a body
    sentence or headline of ``others`` names too, and the two are alike (``DAY_ALIKE``)."""
    days = _month_days(unit.text)
    if unit.role != "body" or not days or not unit.vector:
        return False
    return any(
        other.role in ("body", "headline")
        and other.vector
        and days & _month_days(other.text)
        and cosine(unit.vector, other.vector) >= DAY_ALIKE
        for other in others
    )


#: An article that tells this many of the others' developments and names this many names
#: that two other sources or more use is on the story (``off_topic``). With three names, 2
#: of the 2,760 pairings of a story with another's article let the stray in (invented
#: stories reuse surnames); with four, none.
SHARED_TOLD = 2
SHARED_NAMES = 4


#: How alike two sentences naming the same day must be to tell the same thing.
DAY_ALIKE = 0.3
_MONTH_DAY = re.compile(
    rf"\b(?P<month>{MONTH_WORD})\.?\s+(?P<day>\d{{1,2}})\b"
    rf"|\b(?P<day2>\d{{1,2}})\s+(?P<month2>{MONTH_WORD})\b"
)


def _month_days(text: str) -> set[tuple[str, int]]:
    """The days of a month ``text`` names: {('jun', 17)} for 'June 17' and '17 June'."""
    return {
        ((m["month"] or m["month2"])[:3].lower(), int(m["day"] or m["day2"]))
        for m in _MONTH_DAY.finditer(text)
    }


def lead_names(
    units: Sequence[Unit], duplicates: dict[str, str], lower: set[str]
) -> dict[str, set[str]]:
    """Per independent source, the names in its headlines and first sentence: words it
    writes capitalised inside a sentence somewhere (``_names``; so a headline in title case
    gives only its names), not also written in lower case in ``lower`` (the articles' lower
    case words), not a day, month or wire service word, possessives folded ('Dunmore's')."""
    named: dict[str, set[str]] = defaultdict(set)
    lead: dict[str, set[str]] = defaultdict(set)
    for unit in units:
        source = duplicates.get(unit.source, unit.source)
        words = {_POSSESSIVE.sub("", w) for w in _LEAD_WORD.findall(unit.text)}
        named[source] |= {_POSSESSIVE.sub("", w) for w in _names(unit.text)}
        if unit.role == "headline" or unit.first:
            lead[source] |= words
    return {
        source: {
            w
            for w in words & named[source]
            if w.lower() not in lower and w not in _NOT_NAMES and w not in _NOT_LEAD_NAMES
        }
        for source, words in lead.items()
    } | {source: set() for source in named if source not in lead}


#: Two names in common in their headlines and first sentences put two articles on one story.
LEAD_NAMES = 2
_LEAD_WORD = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?")
_POSSESSIVE = re.compile(r"[’']s$")
# abbreviated months and the words of a wire service's name
_NOT_LEAD_NAMES = frozenset(
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Press Associated Agence".split()
)


#: An article naming mostly people, places and bodies the others name is on the story, even
#: when it shares no sentence with them (an analysis, a profile).
NAME_SHARE = 0.35
#: An article naming less than this share of names the others name is on another story even
#: when a few of its sentences (under a tenth) happen to cluster with theirs.
FEW_NAMES = 0.2
#: The share of an article's reporting sentences that may cluster with the others' by chance
#: (a generic line on jobs or a court date) when it names almost nothing they name.
CHANCE_SHARE = 0.2
_NAME_WORD = re.compile(r"(?<=[a-z,;:]\s)[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?")
_NOT_NAMES = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December The This That He She It They
    We But And Mr Mrs Ms Dr""".split()
)


def _names(text: str) -> set[str]:
    """Capitalised words inside a sentence (not its first word): names of people, places and
    bodies, for telling which story an article is about."""
    return {w for w in _NAME_WORD.findall(text) if w not in _NOT_NAMES}


def _undated(text: str) -> str:
    """The sentence without a dateline or a live blog's time stamp."""
    return _STAMP.sub("", OPENING_DATELINE.sub("", text, count=1), count=1)


_LIST_MARK = re.compile(r"^(?:[-–—•*·]|\d{1,2}[.)])\s+")


def clean_wording(text: str, casing: dict[str, str]) -> str:
    """A sentence as a development: no dateline, no list mark ('- '), no opening connective
    that leans on the sentence before ('But ', 'In response, '), a capitalised first word in
    normal case
    ('NORTH Korean troops' -> 'North Korean troops', using how the sources write the word)."""
    text = _LEAN_OPENING.sub("", " ".join(_undated(text).split()), count=1)
    text = _LEAD_IN.sub("", text, count=1)  # "That will now be tested: Sen. …"
    text = _PAGE_LABEL.sub("", text, count=1)  # "Key points: Thousands marched …"
    text = _INNER_CONNECTIVE.sub("", text, count=1)  # "The union, meanwhile, said …"
    text = _LIST_MARK.sub("", text, count=1)  # "- The ferry ran aground…": a list item's mark
    words = text.split(" ")
    for index, word in enumerate(words[:3]):
        core = word.strip("\"“‘'(,")
        if len(core) < 2 or not core.isupper() or not core.isalpha():
            break
        usual = casing.get(core.lower())
        if usual is None and index == 0 and len(core) >= SHOUT_LENGTH and _lower_after(words):
            usual = core.lower()  # "TERRIFIED passengers": a tabloid's shout no source writes
        if usual is None:
            break
        words[index] = word.replace(core, usual if index else usual[:1].upper() + usual[1:])
    text = " ".join(words)
    if text[:1].islower():
        text = text[:1].upper() + text[1:]
    return text


#: A shouted first word this long that no source writes otherwise is a tabloid's capitals,
#: not an acronym ('TERRIFIED passengers'): shown in normal case.
SHOUT_LENGTH = 5


def _lower_after(words: list[str]) -> bool:
    """Whether the word after a sentence's first is in lower case ('TERRIFIED passengers'),
    as it is after a shouted word and not in a run of capitals ('BREAKING NEWS')."""
    return len(words) > 1 and words[1][:1].islower()


def casing_of(texts: Iterable[str]) -> dict[str, str]:
    """The usual written form of each word that also appears in lower or title case, for
    words never written in capitals inside a sentence (an acronym like 'NATO' is, and keeps
    its capitals; a tabloid's shouted first word 'NORTH' is not)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    acronyms: set[str] = set()
    written: dict[str, str] = {}
    for text in texts:
        for index, word in enumerate(re.findall(r"[A-Za-z]+", text)):
            if not word.isupper() or len(word) == 1:
                counts[word.lower()][word] += 1
            elif index > 2:
                acronyms.add(word.lower())
                written[word.lower()] = word
    usual = {w: c.most_common(1)[0][0] for w, c in counts.items() if w not in acronyms}
    return {**usual, **{w: written[w] for w in acronyms}}


#: What each 'we', 'our' or 'us' of the outlet's own voice costs a version ('the 120,000
#: our experts believe'): news reports in the third person.
FIRST_PERSON = 1.0
_FIRST_PERSON = re.compile(r"\b(?:we|our|ours|us)\b", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")


def _unquoted(text: str) -> str:
    """``text`` without its quoted words."""
    return _QUOTED.sub(" ", text)


#: What a version without a finite verb costs: more than any other fault, so that a sentence
#: of the development is shown rather than a list ('Pregnant women, newborns, …').
FRAGMENT = 6.0
#: A development's line reads best at ``SHORTEST`` to ``LONGEST`` words; each
#: ``LONG_SLOPE`` words beyond cost as much as a loaded word does not quite: a brief of
#: a dozen developments has no room for a 45-word lead that a 25-word one says as well.
SHORTEST = 12
LONGEST = 26
LONG_SLOPE = 5


@lru_cache(maxsize=65536)
def neutrality_penalty(text: str) -> float:
    """How far a version is from a plain, complete, neutral sentence (0 is best): loaded or
    tabloid words, exclamation, quotation marks, an opening that leans on the sentence before
    ('But', 'In response'), a subject that is only a pronoun ('He', 'They'), a length far
    from a news sentence's, no finite verb at all (``fragment``, ``FRAGMENT``), no closing
    stop (``UNCLOSED``) and a time told from a broadcast's moment (``ON_AIR_TIME``)."""
    words = text.split()
    penalty = 1.5 * len(_LOADED.findall(text)) + 2.0 * text.count("!")
    penalty += 0.5 * sum(text.count(m) for m in '"“”') / 2
    penalty += FIRST_PERSON * len(_FIRST_PERSON.findall(_unquoted(text)))
    body = _undated(text)  # the sentence proper, after a dateline or a time stamp
    if _LEAN_OPENING.match(body):
        penalty += LEAN_OPENING  # the shown line drops it (``clean_wording``)
        body = _LEAN_OPENING.sub("", body, count=1)
    opening = [w.lower().strip(",") for w in body.split()[:2]]
    if opening and (opening[0] in _CONNECTIVES or _LEANING.match(body)):
        penalty += 1.0  # leans on the sentence before
        opening = opening[1:]
    if opening and opening[0] in _PRONOUNS or _LATE_PRONOUN.match(body):
        penalty += 2.0  # its subject is in the sentence before: it does not stand alone
    if len(words) < SHORTEST:
        penalty += (SHORTEST - len(words)) / 4
    elif len(words) > LONGEST:
        penalty += (len(words) - LONGEST) / LONG_SLOPE
    if OPENING_DATELINE.match(text) or _STAMP.match(text):
        penalty += 0.25
    if _LABEL.match(_undated(text)):
        penalty += 1.0
    if fragment(text):
        penalty += FRAGMENT  # no finite verb: a list or a phrase, no sentence
    if not _CLOSED.search(text.rstrip()):
        penalty += UNCLOSED  # no closing stop: a standfirst or a teaser, not a report
    if _ON_AIR_TIME.search(body):
        penalty += ON_AIR_TIME  # "a little over an hour ago": the broadcast's moment, no date
    if _MOOD_ONLY.search(body):
        penalty += MOOD_ONLY  # "Marsh, who bought the club in 2019, was defiant.": a lead-in
    return penalty


#: A sentence that only tells a speaker's mood ("X, …, was defiant.", "Y was in fighting
#: mood."): the lead-in to the words that follow it, which say what the mood is about.
_MOOD_ONLY = re.compile(
    r"\b(?:was|were|is|are|remained|stayed|sounded|seemed|appeared)\s+"
    r"(?:(?:more|less|very|equally|just\s+as|far|even|still|clearly|visibly|not)\s+)?"
    r"(?:in\s+(?:a\s+)?(?:fighting|defiant|bullish|combative|sombre|somber|conciliatory|"
    r"no)\s+mood|"
    + "|".join(sorted({re.escape(a) for adjs in STANCE_ADJECTIVES.values() for a in adjs}))
    + r")(?:\s+\w+){0,2}\s*[.!]?[\"”’']*$",
    re.IGNORECASE,
)
MOOD_ONLY = 3.0


#: A time told from the moment of a broadcast or a live post ("a little over an hour ago",
#: "just now", "in the last few minutes"): meaningless in a brief read later.
_ON_AIR_TIME = re.compile(
    r"\b(?:(?:a\s+little\s+(?:over|under|more\s+than|less\s+than)\s+)?(?:an?|one|two|three|"
    r"\d+|a\s+few|several)\s+(?:minutes?|hours?)\s+ago|just\s+now|a\s+(?:short|little)\s+"
    r"while\s+ago|in\s+the\s+(?:last|past)\s+(?:few\s+)?(?:minutes|hour))\b",
    re.IGNORECASE,
)
ON_AIR_TIME = 1.0


#: An outlet naming its own scoop ("the Echo can reveal", "has learned", "exclusively",
#: "understands"): a version of that outlet, not of the story; another outlet's plain
#: wording is shown where there is one (``_choose``), its own where it alone reports it.
_SELF_REFERENCE = re.compile(
    r"\b(?:can\s+(?:now\s+|today\s+|exclusively\s+)*reveal|(?:has|have)\s+(?:learned|learnt)|"
    r"exclusively|understands\s+that|told\s+(?:the|this)\s+(?:paper|newspaper|website|"
    r"station|programme|program)|in\s+an\s+exclusive)\b",
    re.IGNORECASE,
)
SELF_REFERENCE = 2.0


#: What a version with no closing stop costs: a standfirst under a headline ("As 37 people
#: seek hospital care, the town and its operator trade blame"), a bullet, a teaser.
UNCLOSED = 2.0
_CLOSED = re.compile(r"[.!?…][\"”’')\]]*$")


#: How much being typical of the cluster (cosine with its centroid) weighs against the
#: neutrality penalty when the wording is chosen.
CENTRALITY = 2.0


#: What each figure that several sources of a development give adds to a version's claim to
#: be shown: the version that states the offer and the demand, not one of them.
FIGURES = 0.75
#: What each figure of a version that no other source of the development gives costs it,
#: where several sources agree on others: the sources without it are not marked on the line.
LONE_FIGURE = 0.5


#: What each value of a disputed quantity that one source alone gives costs a version
#: (``Cluster.minority``): the line says what most sources say, where sources differ the rest.
MINORITY_FIGURE = 2.0


def _choose(group: Cluster) -> Unit:
    """The version to show: plain and neutral (``neutrality_penalty``), typical of what the
    sources say (close to the cluster's centroid) and stating the figures several of them
    give (``FIGURES``; a share written in words counts, ``shares_in_words``: the version
    that says what was found, 'only four of the nine exits were usable', not only that there
    was an inspection) and not those one alone gives (a source is marked on the line only
    when it holds every number of it), the earlier in its article on a tie. A sentence with a
    closing stop is shown before any without (a standfirst, a bullet, a teaser); a
    chronology box's notes only where no sentence says it; a value of a disputed quantity
    that one source alone gives not where a version gives the value more sources give
    (``Cluster.minority``, ``MINORITY_FIGURE``)."""
    centroid = group.centroid
    widely = _widely(group)
    candidates = group.own or group.members
    # a chronology box's notes are shown only where no sentence tells the development
    candidates = [u for u in candidates if not chronology_entry(u.text)] or candidates
    # a sentence that only says someone gave no answer is never the line of what happened
    candidates = [u for u in candidates if not no_comment(u.text)] or candidates
    closed = [u for u in candidates if _CLOSED.search(u.text.rstrip())]
    # a lone value of a disputed quantity, where another version states a value more give
    given = {w for u in candidates for w in u.vector}
    outvoted = {t for t, more in group.minority.items() if t in given and more & given}
    widely |= {w for t in outvoted for w in group.minority[t] & given}
    return min(
        closed or candidates,  # a standfirst or a bullet only where no sentence says it
        key=lambda u: (
            neutrality_penalty(u.wording)
            + SELF_REFERENCE * bool(_SELF_REFERENCE.search(_unquoted(u.text)))
            - CENTRALITY * cosine(u.vector, centroid)
            - FIGURES * len(widely & (u.vector.keys() | shares_in_words(u.text)))
            + (
                LONE_FIGURE * len(number_tokens(_ASIDE.sub(" ", _undated(u.text))) - widely)
                if widely
                else 0
            )
            + MINORITY_FIGURE * sum(t in u.vector for t in outvoted),
            u.rank,
            -len(u.text),
        ),
    )


@lru_cache(maxsize=65536)
def shares_in_words(text: str) -> frozenset[str]:
    """The numbers of a share written in words ('only four of the nine exits' -> {'#4',
    '#9'}), as clustering tokens: the finding a version states. A lone number word ('the
    two sides', 'three of them') is no figure of this kind."""
    found = set()
    for match in _SHARE_IN_WORDS.finditer(_undated(text).lower()):
        found |= {"#" + _NUMBER_WORDS[match["part"]], "#" + _NUMBER_WORDS[match["whole"]]}
    return frozenset(found)


def independent(sources: Iterable[str], duplicates: dict[str, str]) -> int:
    """How many sources remain once near-copies (``duplicates``: copy -> original) are
    counted with their original."""
    return len({duplicates.get(s, s) for s in sources})


def _score(group: Cluster, duplicates: dict[str, str], credited: bool = False) -> float:
    """Independent sources first, then prominence: lead positions (an outlet's first body
    sentence counting most, ``LEAD_FIRST``) and headline and caption agreement (each counted
    once per independent source). ``credited``: the sentences folded in as details count as
    its own (every outlet marked on its line weighs in its rank, wherever clustering put the
    sentence that says it)."""
    told = [*group.members, *group.details] if credited else group.members
    sources = independent((u.source for u in told), duplicates)
    best_rank: dict[str, int] = {}
    for unit in told:
        source = duplicates.get(unit.source, unit.source)
        best_rank[source] = min(best_rank.get(source, 99), unit.rank)
    prominence = sum(
        PROMINENCE * max(0.0, 1 - rank / PROMINENT_RANKS) for rank in best_rank.values()
    )
    headlines = independent((u.source for u in group.support), duplicates)
    leads = independent((u.source for u in told if u.first), duplicates)
    return 3.0 * sources + prominence + LEAD_FIRST * leads + 1.0 * headlines


def _order(sources: Iterable[str]) -> list[str]:
    return sorted(set(sources), key=lambda s: (len(s), s))


def story_of(
    extractions: Sequence[ArticleExtraction], duplicates: dict[str, str]
) -> tuple[list[Unit], list[Cluster], dict[str, str]]:
    """The sentences and clusters of the articles on the story, and the sources off it (with
    why). Clusters once; again only when an article is left out."""
    units = units_of(extractions)
    groups = cluster(units)
    strays = off_topic(units, duplicates, [x.source.id for x in extractions], groups)
    if strays:
        units = [u for u in units if u.source not in strays]
        groups = cluster(units)
    return units, groups, strays


def build_developments(
    extractions: Sequence[ArticleExtraction],
    duplicates: dict[str, str],
    published: dict[str, date | None],
    clustered: tuple[list[Unit], list[Cluster]] | None = None,
    rivals: Sequence[Iterable[str]] = (),
) -> list[MergedEvent]:
    """The story's developments, best first: the shown ones ('key', then 'single'), then every
    other cluster (kept for the JSON, ``shown='none'``). ``clustered``: the units and clusters
    of ``extractions`` when already made (``story_of``). ``rivals``: for each quantity the
    sources give differing values of, those values as written ('310,000', '$4.5m'): a
    development that only gives another value of a quantity a shown one states is that one
    told with another figure (where sources differ says so), not a new development."""
    rival_sets = [r for r in (number_tokens(" ".join(v)) for v in rivals) if len(r) > 1]
    units, groups = clustered if clustered is not None else (units_of(extractions), None)
    if not units:
        return []
    groups = groups if groups is not None else cluster(units)
    groups = [part for group in groups for part in split_unsupported(group)]
    widely = story_figures(units, duplicates)
    minority = {t: frozenset(r & widely) for r in rival_sets if r & widely for t in r - widely}
    rivals = [frozenset(r) for r in rival_sets]
    for group in groups:
        group.minority, group.rivals = minority, rivals
    casing = casing_of(u.text for u in units)
    rare = rare_pairs(units)
    near = rare_near_pairs(units)
    names = name_pairs(units)
    heads = headline_words(extractions, units)
    leads = [u for u in units if u.first]
    total = independent((x.source.id for x in extractions), duplicates)
    scored = sorted(
        ((_score(g, duplicates), i, g) for i, g in enumerate(groups)), key=lambda t: (-t[0], t[1])
    )
    # fewer developments than ``MIN_KEY`` that two outlets or more tell: a thin top, filled
    # with what one outlet alone tells high in its report
    thin = (
        sum(independent(g.sources, duplicates) > 1 and not _no_sentence(g) for g in groups)
        < MIN_KEY
    )
    shown: list[tuple[str, Cluster]] = []
    first: dict[int, list[Unit]] = {}  # each shown cluster's own sentences, before folding
    rest: list[Cluster] = []
    singles = 0
    for position, (_, _, group) in enumerate(scored):
        if (group.split_off and independent(group.sources, duplicates) < 2) or _no_sentence(group):
            # split off, or lists, phrases, a chronology's notes and no comments without a
            # sentence
            rest.append(group)
            continue
        count = independent(group.sources, duplicates)
        listed = [g for kind, g in shown if kind == "key" and not g.in_differences]
        keys = len(listed)
        words = sum(len(part.text.split()) for g in listed for part in _lines(g))
        room = keys < MIN_KEY or words + len(_choose(group).text.split()) <= KEY_WORDS
        if (count > 1 or total == 1) and keys < MAX_KEY and room:
            kind = "key"
        elif (
            count == 1
            and singles < MAX_SINGLE + (max(0, MIN_KEY - keys) if thin else 0)
            and (
                _matters(group)
                or (
                    position < (2 * SINGLE_RANK if thin else SINGLE_RANK)
                    and _stands_alone(group, HIGH_IN_THIN if thin else HIGH_IN_OUTLET)
                )
            )
        ):
            kind = "single"
        else:
            kind = "none"
        repeat = (
            next(
                (
                    s
                    for s in shown
                    if _repeats(group, s[1], first[id(s[1])], rival_sets, rare, names, near)
                ),
                None,
            )
            if kind != "none"
            else None
        )
        if repeat is None and kind != "none":
            asked = next((s[1] for s in shown if answers(s[1], group)), None)
            replied = next((s[1] for s in shown if answers(group, s[1])), None)
            if asked is not None:  # a claim its outlets answer with a shown denial
                if asked.claim is None:
                    asked.claim = group
                    first[id(asked)] += group.members  # its versions repeat it too
                else:  # the same claim in other words
                    asked.details += group.members
                continue
            if replied is not None:  # a denial answering a shown claim
                if replied.reply is None:
                    replied.reply = group
                    first[id(replied)] += group.members
                else:
                    replied.details += group.members
                continue
        led = (
            next(
                (
                    s
                    for s in shown
                    if restates_lead(group, first[id(s[1])])
                    or (kind != "none" and told_in_clause(group, _choose(s[1]), first[id(s[1])]))
                ),
                None,
            )
            if repeat is None
            else None
        )
        if led is None and repeat is None:  # outlets' leads told on in their next sentence
            at = lead_told_on(group, [first[id(g)] for _, g in shown], leads, heads, duplicates)
            led = shown[at] if at is not None else None
        if led is not None:  # another outlet's opening words for a shown development, or
            # what its line tells in a clause ('closed … after engineers found …')
            led[1].details += group.members
            led[1].support += group.support
            continue
        if kind == "none":
            rest.append(group)
            continue
        if repeat is not None:  # one development said again: fold it into the shown one
            line, own_line = _choose(repeat[1]), _choose(group)
            detail = detail_of(own_line, line, names)
            apart = Cluster(split_off=True)
            for unit in group.members:  # what is not alike the shown line stays apart
                if alike(unit, line):
                    repeat[1].add(unit)
                elif detail and alike(unit, own_line):
                    repeat[1].details.append(unit)  # the same detail of the shown fact
                else:
                    apart.add(unit)
            repeat[1].support += group.support
            if apart.members:
                rest.append(apart)
            continue
        group.in_differences = bool(shown) and rival_told(group, rival_sets)
        shown.append((kind, group))
        first[id(group)] = list(group.members)
        if not shown[:-1]:  # the story's main development: its line stays its own fact
            group.own = list(group.members)
        singles += kind == "single" and not group.in_differences  # listed as a single

    for _, group in shown:
        said_elsewhere(group, units)

    def rank(item: tuple[str, Cluster]) -> float:
        return -_score(item[1], duplicates, credited=True)  # folded-in sentences count too

    ordered = sorted((s for s in shown if s[0] == "key"), key=rank)
    ordered += sorted((s for s in shown if s[0] == "single"), key=rank)
    ordered += [("none", g) for g in rest]
    placed = {
        (u.source, u.rank): (id(g), u)
        for _, g in shown
        for p in (g.claim, g, g.reply)
        if p is not None
        for u in [*p.members, *(g.details if p is g else [])]
        if u.role == "body"
    }
    events = [_event(kind, g, duplicates, published, casing, units, placed) for kind, g in ordered]
    for event in events:  # another outlet says it too (``said_elsewhere``): no single
        if event.shown == "single" and independent(event.sources, duplicates) > 1:
            event.shown = "key"
    order = {"key": 0, "single": 1, "none": 2}
    return sorted(events, key=lambda e: order[e.shown])  # stable: best first in each kind


#: A sentence outside a development's cluster says its line when at least this alike it
#: (cosine) and giving no other figure: its outlet reports the development, though
#: clustering put the sentence with another (it tells two facts) or alone (in other words).
SAYS_LINE = 0.3


def said_elsewhere(group: Cluster, units: Sequence[Unit]) -> None:
    """Add to ``group.details`` the sentence of each outlet not yet marked on its line that
    says the line all the same (``SAYS_LINE``, ``supports``): the line's sources are every
    outlet that says it, wherever clustering put the sentence. The outlet's best such
    sentence, one per outlet; body sentences only."""
    line = _choose(group)
    marked = {u.source for u in supporting(group, line)} | {u.source for u in group.details}
    best: dict[str, tuple[float, Unit]] = {}
    for unit in units:
        if unit.role != "body" or unit.source in marked:
            continue
        score = cosine(unit.vector, line.vector)
        if score >= SAYS_LINE and score > best.get(unit.source, (0.0, None))[0]:
            if supports(unit, line) and shares_predicate(unit.text, line.text):
                best[unit.source] = (score, unit)
    group.details += [unit for _, unit in sorted(best.values(), key=lambda t: t[1].source)]


def shares_predicate(text: str, line: str) -> bool:
    """Whether ``text`` shares with ``line`` a word that is no name nor a number: what is
    said of someone, not only who ("The coordinator, Ana Ruiz, gave another account" does
    not say "Coordinator Ana Ruiz was detained"). Words in capitals at a sentence's start and
    names are left out; stems and paraphrases as ``tokens`` reads them."""
    return bool(set(_predicate_tokens(text)) & set(_predicate_tokens(line)))


def _predicate_tokens(text: str) -> list[str]:
    """``tokens`` of ``text``'s words in lower case (names, roles and the words that
    qualify a role, "protest coordinator", and numbers left out)."""
    words = re.findall(r"[\w’'-]+", _unquoted(text))
    kept = [
        w
        for k, w in enumerate(words)
        if (w[:1].islower() or (w.isupper() and len(w) > 3))  # "BEEN DOCKED": shouted
        and w.lower() not in ROLE_WORDS
        and not (k + 1 < len(words) and words[k + 1].lower() in ROLE_WORDS)
    ]
    return [t for t in tokens(" ".join(kept)) if not t.startswith(("#", "@"))]


def rival_told(group: Cluster, rivals: Sequence[set[str]]) -> bool:
    """True when the line shown for ``group`` gives counting numbers and each of them is a
    value that sources dispute (``rivals``: per quantity, the number tokens of its values):
    the line tells one side of a difference that where sources differ tells whole."""
    counts = _line_counts(group)
    return bool(counts) and any(counts <= r for r in rivals)


def word_pairs(text: str) -> set[tuple[str, str]]:
    """Adjacent content words of ``text`` (``tokens``, numbers left out) as pairs:
    'near Marlow State University' -> {('near', 'marlo'), ('marlo', 'state'), ('state',
    'unive')}."""
    words = [w for w in tokens(_undated(text)) if not w.startswith(("#", "@"))]
    return set(zip(words, words[1:], strict=False))


@lru_cache(maxsize=65536)
def near_pairs(text: str) -> frozenset[tuple[str, str]]:
    """Content words of ``text`` (``tokens``, numbers left out) as ordered pairs, next to
    each other or one word apart: an act and its object with a word between ('review the
    terms of the subsidy' -> ('revie', 'subsi') among them, as 'reviewing the subsidy'
    gives)."""
    words = [w for w in tokens(_undated(text)) if not w.startswith(("#", "@"))]
    return frozenset(zip(words, words[1:], strict=False)) | set(zip(words, words[2:], strict=False))


def rare_near_pairs(units: Sequence[Unit]) -> frozenset[tuple[str, str]]:
    """The ``near_pairs`` that two or more of ``units`` hold but no more than ``RARE_PAIR``
    of them: an act on a thing particular to one fact of the story. Linear."""
    held = Counter(pair for u in units for pair in near_pairs(u.text))
    most = max(2, RARE_PAIR * len(units))
    return frozenset(pair for pair, n in held.items() if 2 <= n <= most)


def rare_pairs(units: Sequence[Unit]) -> frozenset[tuple[str, str]]:
    """The word pairs (``word_pairs``) that two or more of ``units`` hold but no more than
    ``RARE_PAIR`` of them: names and phrases particular to one fact of the story. Linear."""
    held = Counter(pair for u in units for pair in word_pairs(u.text))
    most = max(2, RARE_PAIR * len(units))
    return frozenset(pair for pair, n in held.items() if 2 <= n <= most)


def _repeats(
    group: Cluster,
    shown: Cluster,
    own: Sequence[Unit],
    rivals: Sequence[set[str]] = (),
    rare: frozenset[tuple[str, str]] = frozenset(),
    names: frozenset[tuple[str, str]] = frozenset(),
    near: frozenset[tuple[str, str]] = frozenset(),
) -> bool:
    """True when ``group`` states a development already shown: their centroids are alike
    (``REPEAT``), its line only gives another value of a quantity the shown line states
    (``rivals``: sets of number tokens, ``number_tokens``; or ``rival_measures``), it
    announces the same appointment (``same_appointment``) or does the same thing to the same
    number of the same things (``same_count``), its line is a detail of the shown line
    (``detail_of``: its subject refers back to the shown fact, or the two share a name
    particular to one fact, ``names``, and a word of it), or one of its sentences is close
    to one of the shown one's own sentences (``FOLD``; sentences folded in later are not
    compared, so that folds do not chain; of a large cluster, its first ``COMPARED``
    sentences, leads first), or it is a lesser telling of the shown fact (``lesser``,
    ``near``). Never when its line gives counts that several of its sources give and the
    shown lines do not (its line, the claim it answers, the reply answering it; and no
    rival of them): another fact, reported in the same sentence as the shown one by some
    source."""
    mine = _line_counts(group)
    # the shown development's counts: of its line, and of the claim it answers or the reply
    # answering it (``_lines``), which are printed with it
    theirs = {w for part in _lines(shown) for w in part.vector if _counts(w)}
    new = mine - theirs
    line, shown_line = _choose(group), _choose(shown)
    rival = new - ages(line.text)  # 'a 141-year-old dam' describes; it counts no one
    if rival and any(rival <= r and theirs & r for r in rivals):
        return True  # the same quantity, another source's figure
    if detail_of(line, shown_line, names):
        return True  # its figures are of the shown fact's people or things
    if any(
        same_name(u, shown_line, names) and cosine(u.vector, shown_line.vector) >= PAIR_FOLD
        for u in group.members[:COMPARED]
        if u is not line
    ):
        return True  # one of its outlets names the shown fact's particular name in it
    if lesser(group, shown, own, near):
        return True  # fewer outlets, all of the shown fact's, telling its particular act
    if continues(line, own):
        return True  # 'The rest were blocked …' right after a sentence of the shown fact
    if (
        rival_measures(line, shown_line)
        or same_appointment(line, shown_line)
        or counted_alike(group, shown_line)
    ):
        return True
    if (
        _distinctive_numbers(line.text) & _distinctive_numbers(shown_line.text)
        and cosine(line.vector, shown_line.vector) >= DISTINCT_NUMBER_FOLD
    ):
        return True  # "competition in 212 local areas" / "in 212 neighbourhoods": one count
    if new and _widely(group) & new:
        return False
    if same_act(line.text, shown_line.text):
        return True  # "Ana Ruiz has been detained" / "Ana Ruiz was detained and released"
    if cosine(group.centroid, shown.centroid) >= REPEAT:
        return True
    if (
        len(_telling_numbers(line.text) & _telling_numbers(shown_line.text)) >= SHARED_NUMBERS
        and cosine(line.vector, shown_line.vector) >= NUMBERS_FOLD
    ):
        return True  # "about 1.4% of 2024 revenue of 310 million euros" / "1.4 per cent of €310m"
    if (
        word_pairs(line.text) & word_pairs(shown_line.text) & rare
        and cosine(line.vector, shown_line.vector) >= PAIR_FOLD
    ):
        return True  # a name or phrase particular to one fact, and alike besides
    # an article's lead that restates, in its own words, a development it reports anyway
    lead = len(group.sources) == 1 and min(u.rank for u in group.members) <= 1
    fold = FOLD_SAME_SOURCE if lead and group.sources <= shown.sources else FOLD
    if vague(_choose(group).text):
        fold = min(fold, VAGUE_FOLD)
    return any(
        cosine(u.vector, v.vector) >= fold for u in group.members[:COMPARED] for v in own[:COMPARED]
    )


def same_act(text: str, shown: str) -> bool:
    """Whether ``text`` tells of the same named person or body (``subject_name``, by the
    last word of the name) the same act as ``shown``: one of the first ``ACT_WORDS`` words
    of each predicate in common, no verb of saying ("Ana Ruiz has been detained by police" /
    "Ana Ruiz was detained for two hours and released"). Two things one person said are
    two developments."""
    first, second = subject_name(text), subject_name(shown)
    if not first or not second or first.split()[-1] != second.split()[-1]:
        return False
    acts = [
        [t for t in _predicate_tokens(x[x.find(name) + len(name) :]) if t not in _SAYING][
            :ACT_WORDS
        ]
        for x, name in ((text, first), (shown, second))
    ]
    return bool(set(acts[0]) & set(acts[1]))


#: How many words of a predicate tell its act (``same_act``).
ACT_WORDS = 2
#: Verbs of saying and stance, as tokens: what someone said is no act of theirs.
_SAYING = frozenset(
    tokens(
        "said says told tells added adds warned warns insisted insists claimed claims argued "
        "argues stated states confirmed confirms denied denies called calls urged urges "
        "accused accuses described describes welcomed welcomes criticised criticized "
        "announced announces believes believed wrote writes posted"
    )
)


def lesser(
    group: Cluster, shown: Cluster, own: Sequence[Unit], near: frozenset[tuple[str, str]]
) -> bool:
    """True when ``group`` is the shown development told again by few of its outlets: fewer
    than half as many outlets tell it, every one of them tells the shown development too,
    and one of its sentences shares with one of the shown development's own (``own``) an
    act on a thing particular to one fact (``near``: a pair of words held by few of the
    story's sentences, ``rare_near_pairs``: 'review the terms of the subsidy' and
    'reviewing the subsidy') and is alike it besides (``PAIR_FOLD``). An outlet's lead, which packs
    several of the story's developments in one sentence, is not compared."""
    if not group.sources <= shown.sources or 2 * len(group.sources) >= len(shown.sources):
        return False
    return any(
        near_pairs(u.text) & near_pairs(v.text) & near and cosine(u.vector, v.vector) >= PAIR_FOLD
        for u in group.members[:COMPARED]
        for v in own[:COMPARED]
        if not v.first
    )


# A clause that ends a line and tells what led to its fact, or went with it: '… closed on
# Monday after engineers found …', '… as drivers walked out'.
_CLAUSE = re.compile(r",?\s+(?:after|as|when|because|following|amid|since)\s+(?!well\b)")
# A clause joined to a sentence by 'and': '… had been rerouted and that a free shuttle …',
# '…, and a free shuttle bus will not start until tomorrow'.
_JOINED = re.compile(r"(?:,\s+and|\s+and\s+that)\s+(?=[a-z])")
#: A clause this short tells too little to be another development.
CLAUSE_WORDS = 6


def told_in_clause(group: Cluster, line: Unit, own: Sequence[Unit] = ()) -> bool:
    """True when a clause ending a shown ``line`` (``_CLAUSE``: 'after engineers found that
    steel cables … had corroded'), or a clause joined by 'and' to one of the shown
    development's own sentences past its outlet's lead (``own``, ``_JOINED``: '… said four
    bus routes had been rerouted and that a free shuttle would start on Wednesday'), tells
    what ``group``'s line tells: the clause's words, weighted as in its sentence, are as
    alike it as a sentence that repeats it (``cosine`` from ``FOLD``). Its sources report
    the shown development, whose outlets tell its fact with it: it is folded in as a
    detail, and said once. (A lead packs several of the story's developments in one
    sentence; its joined clauses are not read so.)"""
    said = _choose(group).vector
    told = [(line, _CLAUSE)] + [(u, _JOINED) for u in own[:COMPARED] if not u.first]
    for unit, clause in told:
        text = _undated(unit.text)
        for match in clause.finditer(text):
            tail = text[match.end() :]
            if min(len(tail.split()), len(text[: match.start()].split())) < CLAUSE_WORDS:
                continue
            words = set(tokens(tail))
            if (
                cosine(_normalised({w: v for w, v in unit.vector.items() if w in words}), said)
                >= FOLD
            ):
                return True
    return False


def one_fact(
    line: Unit,
    outside: Sequence[Unit],
    elsewhere: dict[tuple[str, int], Unit] | None = None,
) -> str:
    """``line``'s wording (``Unit.wording``) without a clause ending it that tells another
    fact, so that the line tells its development once and the other fact is told where
    it is shown:

    - a clause joined by ', and' or 'and that' (``_JOINED``) whose words, weighted as in
      its sentence, are as alike a sentence of another outlet (``outside``: body sentences
      of no version or detail of this development) as a sentence that repeats it
      (``cosine`` from ``FOLD``): that outlet tells the fact on its own ('The council has
      banned barbecues in the park, including on its beach, and closed the lakeside path.'
      is printed 'The council has banned barbecues in the park, including on its beach.'
      when another outlet writes 'The lakeside path was closed on Sunday.');
    - a clause telling what led to the line's fact (``_CLAUSE``: 'after a slurry pond burst
      at its quarry') whose thing the line's outlet takes up in its very next sentence, one
      of another shown development (``elsewhere``: their body sentences by source and
      rank), which is alike the clause besides (``SAME_MOMENT``): '… has sued the quarry's
      owner after a slurry pond burst at its quarry.' / 'The pond gave way on Friday …'
      (``takes_up``). The clause only points to that development, which its outlet tells
      in full.

    The clause is kept when the part before it, or the clause, is short (``CLAUSE_WORDS``),
    or the part before it would leave a quotation open."""
    wording = line.wording
    after = (elsewhere or {}).get((line.source, line.rank + 1))
    for pattern in (_JOINED, _CLAUSE):
        for match in pattern.finditer(wording):
            head, tail = wording[: match.start()], wording[match.end() :]
            if min(len(head.split()), len(tail.split())) < CLAUSE_WORDS or _open_quote(head):
                continue
            words = set(tokens(tail))
            clause = _normalised({w: v for w, v in line.vector.items() if w in words})
            if not clause:
                continue
            if pattern is _JOINED:
                told = any(
                    u.source != line.source and cosine(clause, u.vector) >= FOLD for u in outside
                )
            else:
                told = (
                    after is not None
                    and takes_up(after.text, tail)
                    and cosine(clause, after.vector) >= SAME_MOMENT
                )
            if told:
                return head.rstrip(" ,;:") + "."
    return wording


# A thing a clause brings in: 'a slurry pond', 'an unpaid £3m subsidy' (its article and up to
# three words after it).
_BROUGHT_IN = re.compile(r"\b(?:a|an)\s+((?:[\w'’-]+\s+){0,2}[\w'’-]+)", re.IGNORECASE)
# A sentence opening with a thing told of before: 'The pond gave way …', 'The burst pond …'.
_TAKEN_UP = re.compile(r"^(?:the|this|that)\s+((?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*)")


def takes_up(text: str, clause: str) -> bool:
    """True when ``text`` opens with a thing that ``clause`` brings in ('The pond gave way
    on Friday …' after '… after a slurry pond burst at its quarry'): the definite
    article for what the clause named with 'a' or 'an', a content word of both (numbers
    left out)."""
    opening = _TAKEN_UP.match(_undated(text).strip().lower())
    if opening is None:
        return False
    named = {w for w in tokens(opening.group(1)) if not w.startswith(("#", "@"))}
    brought = {
        w
        for match in _BROUGHT_IN.finditer(clause)
        for w in tokens(match.group(1))
        if not w.startswith(("#", "@"))
    }
    return bool(named & brought)


def _open_quote(text: str) -> bool:
    """Whether ``text`` leaves a double quotation open."""
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”")


#: A denial answers a claim its outlets tell at most this many sentences before it.
ANSWER_GAP = 2
#: ...in this many outlets at least, and in half of the denial's.
ANSWERING = 2


# An accusation or a claim told before the denial in the same sentence: '… accused the mayor
# of settling a score - a charge the mayor denied', 'alleged …, which the company rejects'.
_OWN_CLAIM = re.compile(
    r"\b(?:accus\w*|alleg\w*|claim\w*|charge[sd]?|blam\w*)\b.*\b(?:den(?:y|ied|ies|ying)|"
    r"reject\w*|refut\w*|dismiss\w*|disput\w*)\b",
    re.IGNORECASE,
)


def denies_own_claim(text: str) -> bool:
    """True when ``text`` tells an accusation or a claim and then its denial ('Bluestem
    accused the mayor of settling a score - a charge he denied'): the sentence says both
    sides, and is no answer to the sentence before it."""
    return bool(_OWN_CLAIM.search(_unquoted(_undated(text))))


def answers(denial: Cluster, claim: Cluster) -> bool:
    """True when ``denial``'s line denies (a verb of denial: 'denied', 'rejected') what
    ``claim``'s line does not, and ``ANSWERING`` of its outlets or more, half of them at
    least, tell it within ``ANSWER_GAP`` sentences after a sentence of ``claim`` ('Ostland
    was not told of the breach for 36 hours.' … 'Velmar's minister denied any cover-up.'):
    the denial answers that claim, and the two are one development, told claim first. Not
    when the denial's line tells what it denies itself ('… accused the mayor of settling a
    political score - a charge the mayor denied', ``denies_own_claim``): that line is whole,
    and answers nothing before it."""
    line = _choose(denial)
    if "deny" not in line.vector or "deny" in _choose(claim).vector:
        return responds(denial, claim)
    if denies_own_claim(line.text):
        return False
    return _told_after(denial, claim)


def _told_after(reply: Cluster, claim: Cluster) -> bool:
    """Whether ``ANSWERING`` of ``reply``'s outlets or more, half of them at least, tell it
    within ``ANSWER_GAP`` sentences after a sentence of ``claim``."""
    told = {(u.source, u.rank) for u in claim.members}
    answering = {
        u.source
        for u in reply.members
        if any((u.source, u.rank - gap) in told for gap in range(1, ANSWER_GAP + 1))
    }
    return len(answering) >= ANSWERING and 2 * len(answering) >= len(reply.sources)


#: Verbs that report what a party says, for the party a line is told on the word of.
_SAYING = (
    r"said|says|insisted|insists|maintained|maintains|claimed|claims|argued|argues|"
    r"contended|contends|countered|counters|responded|responds|replied|replies|stressed|"
    r"stresses|added|adds|disputed|disputes|told|tells"
)
_SAID_BY_OPENING = re.compile(
    rf"^(?P<party>(?:[Tt]he\s+)?[A-Z][^,;:\"“”]{{0,60}}?)(?:,[^;:\"“”]{{0,80}},)?\s+"
    rf"(?:(?:has|had|have|also|again|now)\s+)?(?:{_SAYING})\b"
)
_SAID_BY_CLOSING = re.compile(
    rf",\s+(?P<party>(?:[Tt]he\s+)?[A-Z][\w'’&.-]*(?:\s+[\w'’&.-]+){{0,5}}?)\s+"
    rf"(?:{_SAYING})(?:\s+on\s+\w+)?\.?[\"”’]?$"
)


def said_by(text: str) -> str | None:
    """The party a sentence is told on the word of, lowercased: the subject of its verb of
    saying at the opening ('The Maritime and Ferry Workers' Union said crew members had …'
    -> 'the maritime and ferry workers' union'; 'The company says around 870,000 …' -> 'the
    company') or an attribution closing it ('Divers found two holes …, Halmere said.' ->
    'halmere'); None for a sentence the reporter tells on no one's word."""
    body = _LABEL.sub("", _STAMP.sub("", _undated(text).strip(), count=1), count=1)
    found = _SAID_BY_OPENING.match(body) or _SAID_BY_CLOSING.search(body)
    return found["party"].lower() if found else None


_PRONOUN_PARTIES = frozenset("he she they it we i".split())
_DISPUTES = re.compile(
    r"\bdisput(?:es|ed|ing)\s+(?:the|a|an|its|their|his|her|this|that|these|those)\b", re.I
)
#: A reply's line and the claim's line are about one thing when at least this alike.
RESPONSE = 0.05


def responds(reply: Cluster, claim: Cluster) -> bool:
    """True when ``reply``'s line is another party's answer to ``claim``'s line, told with
    no verb of denial ('The union said crew had reported problems with the ship's radar …'
    … 'Halmere said a radar fault had been fixed and tested on Tuesday.'): each line is
    told on a party's word (``said_by``), the two parties differ, the lines are about one
    thing (``RESPONSE``), and the outlets tell the reply right after the claim
    (``_told_after``); or ``reply``'s line disputes a party's figure and gives its own
    (``disputes_figure``). The two are one development, told claim first."""
    line, claimed = _choose(reply), _choose(claim)
    if disputes_figure(reply, claim):
        return True
    party, claimant = said_by(line.text), said_by(claimed.text)
    if claimant is None and _DISPUTES.search(line.text):
        claimant = ""  # 'disputing the DPA's figure': an answer to a finding told as fact
    if not party or claimant is None or (claimant and (party in claimant or claimant in party)):
        return False
    if {party, claimant} & _PRONOUN_PARTIES:
        return False  # 'She says …': whose word is not told here
    if denies_own_claim(line.text) or denies_own_claim(claimed.text):
        return False
    shared = set(line.vector) & set(claimed.vector)
    named = {
        t
        for text in (line.text, claimed.text)
        for t in tokens(" ".join(_CAPITALISED.findall(text)))
    }
    topic = {t for t in shared - named if not t[:1].isdigit()}
    return (
        bool(topic)
        and cosine(line.vector, claimed.vector) >= RESPONSE
        and _told_after(reply, claim)
    )


#: A line that disputes a party's figure in so many words ('disputing the regulator's
#: figure', 'contests the council's estimate'): the party, as written.
_DISPUTED_FIGURE = re.compile(
    r"\b(?:disput|contest|challeng|question|reject)\w*\s+(?:the\s+)?"
    r"(?P<owner>[\w.-]+(?:\s+[\w.-]+){0,3}?)[’']s?\s+(?:(?:own|official|higher|lower)\s+)?"
    r"(?:figures?|counts?|numbers?|estimates?|tally|tallies|totals?|calculations?)\b",
    re.IGNORECASE,
)


def disputes_figure(reply: Cluster, claim: Cluster) -> bool:
    """True when ``reply``'s line gives a count and says it disputes a party's figure
    ('The company says around 870,000 active users were affected, disputing the DPA's
    figure.'), and ``claim`` gives another count, told by that party in one of its
    sentences or more (a word of the party's name in them: 'The DPA found …'): one
    disputed figure, told with both values, is one development, wherever its outlets put
    the two. Not when the claim's line gives no count that the reply's line does not."""
    line, claimed = _choose(reply), _choose(claim)
    found = _DISPUTED_FIGURE.search(_unquoted(line.text))
    if found is None:
        return False
    owner = set(tokens(found["owner"])) - _PRONOUNS
    ours, theirs = _telling_numbers(line.text), _telling_numbers(claimed.text)
    if not owner or not ours or not theirs - ours:
        return False
    return any(owner <= set(tokens(u.text)) for u in claim.members)


_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")


def _lines(group: Cluster) -> list[Unit]:
    """The versions printed for ``group``, in order: the claim it answers, its own line, the
    denial that answers it (``Cluster.claim``, ``Cluster.reply``)."""
    parts = [group.claim, group, group.reply]
    return [_choose(part) for part in parts if part is not None]


def restates_lead(group: Cluster, own: Sequence[Unit]) -> bool:
    """True when a sentence of ``group`` and one of a shown development's own sentences
    (``own``) are the first body sentences of two sources (``Unit.first``) and are alike
    as clustering counts two leads (``cosine`` + ``LEAD_BONUS``, from ``FOLD``): the
    story's main development told in another outlet's opening words. Its sources report
    the shown development; its wording is not that development's, so it is folded in as a
    detail (``Cluster.details``). An article's second sentence most often tells another
    fact (what followed, what it led to), and is never folded so; nor is a development most
    of whose sources tell it further down (a live blog opening with a finding that the
    other outlets report as a fact of its own)."""
    if not _mostly_leads(group):
        return False
    return any(
        u.source != v.source
        and u.first
        and v.first
        and cosine(u.vector, v.vector) + LEAD_BONUS >= FOLD
        for u in group.members[:COMPARED]
        for v in own[:COMPARED]
    )


def _mostly_leads(group: Cluster) -> bool:
    """Whether half of ``group``'s sources or more lead with it (``Unit.first``)."""
    leads = {u.source for u in group.members if u.first}
    return 2 * len(leads) >= len(group.sources)


#: A development that this many outlets' leads go on to tell in their next sentence is the
#: lead's own fact, told over two sentences (``lead_told_on``).
LEAD_GOES_ON = 2


def lead_told_on(
    group: Cluster,
    owns: Sequence[Sequence[Unit]],
    leads: Sequence[Unit],
    heads: dict[str, frozenset[str]],
    duplicates: dict[str, str] | None = None,
) -> int | None:
    """Which of the shown developments (``owns``: each one's own sentences) ``group``, made
    of outlets' leads (half its sources or more lead with it), is told over two sentences
    with: the one that most outlets' leads (``leads``: every outlet's first body sentence)
    go on to tell in their very next sentence, with a word of their headline in both
    (``continues_lead``), when ``LEAD_GOES_ON`` independent outlets do so or more, and a
    lead of ``group`` is among them ('The town's paper mill is to close …' / 'Workers were
    told the last machine would be switched off in March', and another outlet's two first
    sentences alike, under headlines saying 'close'). Its
    index, or None. Its sources report that development: the lead is folded in as a
    detail, and the development is told once, with every outlet that leads with it. (A
    development shown before the sentences that outlets tell right after their lead does
    not take them in: an outlet's second sentence most often tells another fact.)"""
    if not _mostly_leads(group):
        return None
    duplicates = duplicates or {}
    mine = {u.source for u in group.members if u.first}
    lead_of = {u.source: u for u in leads}
    best, most = None, LEAD_GOES_ON - 1
    for index, own in enumerate(owns):
        going = {
            v.source
            for v in own
            if v.source in lead_of
            and continues_lead(lead_of[v.source], v, heads.get(v.source, frozenset()))
        }
        count = independent(going, duplicates)
        if going & mine and count > most:
            best, most = index, count
    return best


def continues_lead(lead: Unit, after: Unit, head: Iterable[str]) -> bool:
    """True when ``after`` is the body sentence right after ``lead``, an outlet's first, and
    the two share a word of the outlet's headline (``head``: its ``tokens``; numbers count
    too): the lead's fact, told on in the next sentence ('… is to close' / '… told the
    last machine would be switched off in March' under 'Paper mill to close')."""
    return (
        lead.first
        and after.source == lead.source
        and after.rank == lead.rank + 1
        and bool(lead.vector.keys() & after.vector.keys() & set(head))
    )


def headline_words(
    extractions: Sequence[ArticleExtraction], units: Sequence[Unit]
) -> dict[str, frozenset[str]]:
    """Each source's headline words (``tokens``): of its title and of its lines that are
    headlines in effect (role 'headline')."""
    found: dict[str, set[str]] = defaultdict(set)
    for x in extractions:
        if x.source.title:
            found[x.source.id].update(tokens(x.source.title))
    for unit in units:
        if unit.role == "headline":
            found[unit.source].update(tokens(unit.text))
    return {source: frozenset(words) for source, words in found.items()}


#: A sentence whose subject refers back to people or things another sentence told of: 'Both
#: of those who died', 'Those injured', 'All of those arrested', 'The two who died'. The
#: subject runs to its verb (at most five words).
_BACK_REFERENCE = re.compile(
    r"^(?:(?:but|and)\s+)?(?:(?:both|all|each|neither|none|most|many|some|one|two|three|four|"
    r"five|six|seven|eight|nine|ten)(?:\s+\w+)?\s+of\s+)?(?:those|these|the\s+(?:two|three|"
    r"four|five|six|seven|eight|nine|ten)\b)(?P<subject>(?:\s+(?!(?:was|were|is|are|had|have|"
    r"has|remain|remained)\b)[\w'’-]+){0,5}?)\s+(?:was|were|is|are|had|have|has|"
    r"remain|remained)\b",
    re.IGNORECASE,
)


#: A sentence whose subject is all of a counted group, named by its count alone ('All three
#: are being treated', 'Both were released', 'Each of them had …').
_ALL_OF_THEM = re.compile(
    r"^(?:(?:but|and)\s+)?(?:all|both|each)(?:\s+(?P<count>two|three|four|five|six|seven|"
    r"eight|nine|ten))?(?:\s+of\s+them)?\s+(?:are|were|is|was|have|had|has|remain|remained)\b",
    re.IGNORECASE,
)


def refers_back(unit: Unit, shown: Unit) -> bool:
    """True when ``unit``'s subject refers back to the people or things of ``shown``'s fact
    and names them by a content word of it ('Both of those who died were over 80 …' after
    'Nineteen people have been treated in hospital and two have died.': 'died' in both;
    'Among the injured were three firefighters' after '14 people were injured'), names a
    thing of a year ``shown`` gives ('The 2019 report led to …' after '… an inspection in
    2019 rated …'), or tells the condition of the hurt ('two remain in a serious condition')
    or the story of one of the dead or hurt ('whose mother, 84, died last week') after a
    ``shown`` that counts them (``count_acts``: killed, injured): a detail of that fact, not
    a development of its own; so is a share of the things the shown line's subject names
    (``share_of_subject``). A subject with no content word ('Both of them were …', 'The
    two were …') refers to its own article's last sentence, which need not be ``shown``:
    never here (``continues``)."""
    text = _undated(unit.text)
    match = _BACK_REFERENCE.match(text) or _AMONG.match(text)
    if match is not None:
        words = tokens(match["subject"])
        words = {w for w in words if w not in _PRONOUNS and w not in _NUMBER_WORDS}
        if words & shown.vector.keys():
            return True
    every = _ALL_OF_THEM.match(text)
    if every is not None:
        # 'All three are being treated for mild hypothermia' after 'Three passengers were
        # taken to hospital with mild hypothermia': the same people (their count, when told,
        # is the shown line's) and two content words of its fact
        count = every["count"]
        counted = count is None or (
            "#" + _NUMBER_WORDS[count.lower()] in shown.vector
            or count.lower() in _undated(shown.text).lower()
        )
        common = {w for w in tokens(text) if not w.startswith(("#", "@"))} & shown.vector.keys()
        if counted and len(common) >= 2:
            return True
    dated = _DATED_THING.match(text)
    if dated is not None and "#" + dated["year"] in shown.vector:
        return True  # 'The 2019 report led to …' after '… an inspection in 2019 rated …'
    if share_of_subject(text, shown.text):
        return True  # 'only 58 of its usual 640 services ran' after 'Bus services were halted'
    return bool(
        (_CONDITION.search(text) or _VICTIM.search(text))
        and {a for a, _, _ in count_acts(shown.text)} & _CASUALTIES
    )


# The subject of a line: its words up to the first finite verb of a common kind.
_SUBJECT_END = re.compile(
    r"\s(?:was|were|is|are|has|have|had|will|would|said|says|could|can)\b|\s\w{3,}ed\b"
)


def share_of_subject(text: str, shown: str) -> bool:
    """True when ``text`` gives a share ('only 58 of its usual 640 services were running')
    of the things the subject of the ``shown`` line names ('Bus services across the city
    were brought to a standstill …'): a count of the shown fact's own things, a detail of
    it. Its things must share a content word with that subject, numbers aside."""
    subject = _SUBJECT_END.split(_undated(shown), maxsplit=1)[0]
    named = {w for w in tokens(subject) if not w.startswith(("#", "@"))}
    for match in _SHARE.finditer(text.lower()):
        if named & {w for w in tokens(match["things"]) if not w.startswith(("#", "@"))}:
            return True
    return False


# 'Among the injured were three firefighters', 'Three firefighters were among the injured':
# the people of another sentence's fact, named after 'among'.
_AMONG = re.compile(
    r"^(?:[\w'’-]+(?:\s+[\w'’-]+){0,4}\s+(?:was|were|is|are)\s+)?among\s+(?:the|those)"
    r"(?P<subject>(?:\s+[\w'’-]+){1,3}?)(?:\s+(?:was|were|is|are)\b|[,.]|$)",
    re.IGNORECASE,
)
# 'The 2019 report led to …', 'City officials said the 2019 report had …': a thing of a year,
# named as one told of already.
_DATED_THING = re.compile(
    r"^(?:[^,.;:]{0,60}?\b(?:said|says|say|told)\s+(?:that\s+)?)?(?:the|that|this)\s+"
    r"(?P<year>(?:19|20)\d\d)\s+[a-z]+",
    re.IGNORECASE,
)
# How the hurt are: 'two remained in a serious condition', 'still fighting for their lives'.
_CONDITION = re.compile(
    r"\bin\s+(?:a\s+)?(?:serious|critical|stable|grave|life-threatening|satisfactory)\s+"
    r"condition\b|\bfighting\s+for\s+(?:their|his|her)\s+li(?:fe|ves)\b",
    re.IGNORECASE,
)
# One of the dead or hurt told of: 'whose mother, Jane Roe, 84, died last week', 'a man who
# was injured', 'the family of one of those who died'.
_VICTIM = re.compile(
    r"\bwho(?:se\s+[\w'’-]+(?:,\s*[^,]{1,40}){0,3},?)?\s+(?:had\s+|has\s+|later\s+)?"
    r"(?:died|was\s+killed|were\s+killed|was\s+injured|were\s+injured)\b",
    re.IGNORECASE,
)
#: The acts (``count_acts``) whose counted people a casualty's condition or story details.
_CASUALTIES = frozenset({"kill", "injur"})


#: A word pair written as a proper name ('Marlow State University') somewhere in the story.
_PROPER_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*)+")


def name_pairs(units: Sequence[Unit]) -> frozenset[tuple[str, str]]:
    """Word pairs (``word_pairs``) written as a proper name in some unit ('Marlow State
    University' -> ('marlo', 'state'), ('state', 'unive')), held by units of two or more
    sources and by no more body sentences than the story has sources: each outlet names it
    about once, when it tells one fact (the story's actors are named all through). Linear."""
    proper: set[tuple[str, str]] = set()
    for unit in units:
        for run in _PROPER_RUN.findall(_undated(unit.text)):
            proper |= word_pairs(run)
    held: dict[tuple[str, str], list[str]] = defaultdict(list)
    for unit in units:
        if unit.role == "body":  # headlines and captions name a story's lines again
            for pair in word_pairs(unit.text) & proper:
                held[pair].append(unit.source)
    count = len({u.source for u in units})
    return frozenset(
        pair for pair, sources in held.items() if len(set(sources)) > 1 and len(sources) <= count
    )


def same_name(unit: Unit, shown: Unit, names: frozenset[tuple[str, str]]) -> bool:
    """True when two lines share a name particular to one fact (``names``) and a content
    word besides its own words ('… registrations belonged to college students living near
    Marlow State University' and '… the removals fell in the three precincts around Marlow
    State University, where many students register …': 'students'): one development."""
    shared = word_pairs(unit.text) & word_pairs(shown.text) & names
    if not shared:
        return False
    own = {w for pair in shared for w in pair}
    return bool((unit.vector.keys() & shown.vector.keys()) - own)


def detail_of(unit: Unit, shown: Unit, names: frozenset[tuple[str, str]] = frozenset()) -> bool:
    """True when ``unit`` tells ``shown``'s fact or a detail of it in words too unlike it to
    be folded as a version (``refers_back`` or ``same_name``): its sources report the fact."""
    return refers_back(unit, shown) or same_name(unit, shown, names)


# A number with a unit of measure after it: '40,000 cubic metres', '60 tonnes of'. Money is
# left out: a demand and an offer are two quantities in one currency.
_MEASURE = re.compile(
    r"(\d[\d,.]*)\s*(?:-\s*)?(tonnes?|tons?|kilo(?:gram|metre|meter)s?|kg|km|miles?|"
    r"(?:cubic|square)\s+(?:metres?|meters?|kilometres?|kilometers?|miles?|feet)|"
    r"litres?|liters?|gallons?|barrels?|hectares?|acres?|metres?|meters?|feet|degrees?)\b",
    re.IGNORECASE,
)
#: Two lines giving different values in the same unit are one quantity told two ways when at
#: least this alike (cosine) besides.
RIVAL_ALIKE = 0.1


def _measures(text: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for number, unit in _MEASURE.findall(text):
        unit = re.sub(r"\s+", " ", unit.lower())
        found[
            _stem(unit.replace("meter", "metre").replace("tons", "ton").replace("tonne", "ton"))
        ].add(number.replace(",", "").rstrip("."))
    return found


def rival_measures(unit: Unit, shown: Unit) -> bool:
    """True when two lines give different values of one measure ('about 40,000 cubic metres
    escaped' and 'could be as high as 120,000 cubic metres'): same unit, other numbers, and
    alike besides (``RIVAL_ALIKE``). Its values are another account of the shown one's."""
    mine, theirs = _measures(unit.text), _measures(shown.text)
    return (
        any(mine[u] != theirs[u] for u in mine.keys() & theirs.keys())
        and cosine(unit.vector, shown.vector) >= RIVAL_ALIKE
    )


#: Two lines announcing what happens at the same coming time are one appointment told twice
#: ('the lawsuit heads for its first hearing next Thursday', 'the judge will hear both sides
#: next Thursday') when at least this alike besides.
SAME_MOMENT = 0.1


def same_appointment(unit: Unit, shown: Unit) -> bool:
    """True when two lines say what will happen on the same named day ('next Thursday', 'on
    Oct. 6'): both look ahead, give the same time phrase naming a day, and are alike
    (``SAME_MOMENT``). Two things done on one past day are most often two facts."""
    phrase = (unit.when or "").lower()
    return (
        bool(phrase)
        and phrase == (shown.when or "").lower()
        and bool(_DAY.search(phrase))
        and looks_ahead(unit.text)
        and looks_ahead(shown.text)
        and cosine(unit.vector, shown.vector) >= SAME_MOMENT
    )


# A verb acting on a count: 'has recalled 14 soft and blue cheeses', 'evacuated about 300
# residents': the verb, the number, and up to three words to the counted noun.
_COUNT_ACT = re.compile(
    r"\b(?P<verb>[a-z]+)\s+(?:(?:about|around|some|nearly|almost|roughly|more\s+than|"
    r"over|at\s+least|up\s+to)\s+)?(?P<number>\d[\d,.]*\d|\d|(?&words))\s+"
    r"(?P<after>(?:[a-z-]+\s+){0,3}[a-z-]+)".replace("(?&words)", "{words}")
)
# A count that suffered an act: 'two have died', 'Two pensioners are dead', '14 were hurt'.
_COUNT_SUFFERED = re.compile(
    r"\b(?P<number>\d[\d,.]*\d|\d|{words})\s+(?P<after>(?:[a-z-]+\s+){0,3}[a-z-]+)"
)
_NUMBER_WORDS = {
    w: str(n)
    for n, w in enumerate(
        """zero one two three four five six seven eight nine ten eleven twelve thirteen
        fourteen fifteen sixteen seventeen eighteen nineteen twenty""".split()
    )
    if n > 1
}
_words = "|".join(_NUMBER_WORDS)
_COUNT_ACT = re.compile(_COUNT_ACT.pattern.replace("{words}", _words))
_COUNT_SUFFERED = re.compile(_COUNT_SUFFERED.pattern.replace("{words}", _words))
# A subject that is only a reference to the things of the sentence before: 'The rest were
# …', 'The others …', 'Both of them …', 'The remaining five …'.
_CONTINUING = re.compile(
    r"^(?:(?:but|and)\s+)?(?:the\s+(?:rest|remainder|others|remaining(?:\s+\w+)?|other\s+\w+)|"
    rf"(?:both|all|most|many|some|none|each|several|(?:\w+\s+)?(?:\d+|{_words}))\s+of\s+"
    rf"(?:them|these|those)|the\s+(?:\d+|{_words}))\s+(?:were|was|are|is|had|have|has|remain"
    r"(?:ed)?|could|can|would|will)\b",
    re.IGNORECASE,
)


def continues(unit: Unit, own: Sequence[Unit]) -> bool:
    """True when ``unit``'s subject only refers back to the things of the sentence before
    it ('The rest were obstructed by fencing …', 'Both of them were …') and that sentence
    is one of a shown development's own (``own``): it goes on telling that development."""
    if not _CONTINUING.match(_undated(unit.text)):
        return False
    return any(u.source == unit.source and u.sentence == unit.sentence - 1 for u in own)


# A share of some things: 'fewer than one in ten of its usual 640 daily services were
# running', 'just 58 of its 640 services are running'; the things run to the verb
# (``share_of_subject``).
_SHARE = re.compile(
    rf"\b(?:\d[\d,.]*|{_words}|one)\s+(?:in\s+(?:\d[\d,.]*|{_words})\s+)?(?:out\s+)?of\s+"
    r"(?:the|its|their|all)?\s*(?P<things>(?:[\w'’-]+\s+){0,3}?[\w'’-]+?)\s+"
    r"(?:were|was|are|is|had|have|has|could|can|would|will|remain(?:ed)?|ran|run|running)\b"
)
# A share in words: 'four of the nine', 'two of its three' (``shares_in_words``).
_SHARE_IN_WORDS = re.compile(
    rf"\b(?P<part>{_words})\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+)?(?P<whole>{_words})\b"
)
#: Acts done to people, whose count is the fact whatever the people are called ('killed two
#: people', 'two pensioners are dead', 'two have died'): the folded words of ``_PARAPHRASES``.
_SUFFERED = frozenset({"kill", "injur", "arres", "evacu"})


def _count_token(number: str) -> str:
    """The clustering token of a count written in digits or as a number word up to twenty
    ('14' -> '#14', 'two' -> '#2', '1,900' -> '#1,900': ``number_token``)."""
    return "#" + _NUMBER_WORDS[number] if number in _NUMBER_WORDS else number_token(number)


def count_acts(text: str) -> set[tuple[str, str, str]]:
    """What ``text`` does to how many of what, as clustering tokens: a verb that is no
    function word right before a counting number, and the first plural word after it
    ('has recalled 14 soft and blue cheeses' -> {('recal', '#14', 'chees')}); for an act
    done to people (``_SUFFERED``: killing, injury, arrest, evacuation) the count alone, the
    people before or after it ('killed two people', 'two pensioners are dead' ->
    {('kill', '#2', '')}). Number words up to twenty count as digits."""
    found = set()
    body = _undated(text).lower()
    for match in _COUNT_ACT.finditer(body):
        verb = tokens(match["verb"])
        number = _count_token(match["number"]).rstrip(".")
        plurals = [w for w in match["after"].split() if w.endswith("s") and tokens(w)]
        noun = tokens(plurals[0]) if plurals else []
        if not verb or not _counts(number) or match["verb"] in _ATTRIBUTIVE:
            continue
        if verb[0] in _SUFFERED:
            found.add((verb[0], number, ""))
        elif noun:
            found.add((verb[0], number, noun[0]))
    for match in _COUNT_SUFFERED.finditer(body):
        acts = [t for t in tokens(match["after"]) if t in _SUFFERED]
        number = _count_token(match["number"]).rstrip(".")
        if acts and _counts(number):
            found.add((acts[0], number, ""))
    return found


#: Two lines doing the same thing to the same count of the same things are one development
#: told twice when at least this alike besides.
SAME_COUNT = 0.05


def same_count(unit: Unit, shown: Unit) -> bool:
    """True when two lines state the same act on the same count ('X has recalled 14 soft and
    blue cheeses after …' and 'The company has recalled 14 cheeses, including …'): a shared
    ``count_acts`` triple, and alike besides (``SAME_COUNT``). An outlet's lead and another's
    detail sentence of one fact."""
    return bool(count_acts(unit.text) & count_acts(shown.text)) and (
        cosine(unit.vector, shown.vector) >= SAME_COUNT
    )


def counted_alike(group: Cluster, shown: Unit) -> bool:
    """True when most sources of ``group`` have a sentence stating ``shown``'s act on its
    count (``same_count``): the development is that one, whichever of its versions is
    worded best."""
    agreeing = {u.source for u in group.members[:COMPARED] if same_count(u, shown)}
    return 2 * len(agreeing) > len(group.sources)


#: Two lines that give this many of the same telling numbers (``_telling_numbers``), and are
#: this alike besides, state one fact: "the fine is about 1.4% of its 2024 revenue of 310
#: million euros" and "the fine is modest: about 1.4 per cent of last year's €310m revenue".
SHARED_NUMBERS = 2
NUMBERS_FOLD = 0.2
#: How alike two lines that share one distinctive number (``_distinctive_numbers``) need be
#: besides to tell one fact ("212 local areas" / "212 neighbourhoods").
DISTINCT_NUMBER_FOLD = 0.12


def _telling_numbers(text: str) -> set[str]:
    """The counting numbers of ``text`` that tell one fact from another: not a small whole
    number (below ten), which many facts share ('two insurers', 'three judges')."""
    return {w for w in number_tokens(text) if not re.fullmatch(r"#\d", w)}


def _distinctive_numbers(text: str) -> set[str]:
    """The counting numbers of ``text`` that few facts share by chance: three digits or
    more, not a round figure ('212', '7.4', '1,140'; not '100', '2,000', '10')."""
    return {
        w
        for w in number_tokens(text)
        if len(re.sub(r"\D", "", w)) >= 3 and not re.sub(r"\D", "", w).endswith("0")
    }


def number_tokens(text: str) -> set[str]:
    """The counting numbers of ``text`` as clustering tokens ('2,300 appointments' ->
    {'#2300'}; years left out)."""
    return {w for w in tokens(text) if _counts(w)}


# An age: '141-year-old', 'aged 58', '58 years old', 'a 34-year-old vessel'.
_AGE = re.compile(
    r"\b(\d+)(?:-|\s)(?:year|month|week|day)s?(?:-|\s)old\b|\baged\s+(\d+)\b", re.IGNORECASE
)


def ages(text: str) -> set[str]:
    """The clustering tokens of the ages ``text`` gives ('a 141-year-old dam', 'aged 58' ->
    {'#141', '#58'}): a thing's or person's description, not a count of the fact."""
    return {number_token(a or b) for a, b in (m.groups() for m in _AGE.finditer(text))}


def _line_counts(group: Cluster) -> set[str]:
    """The counting numbers of the line shown for ``group``."""
    return {w for w in _choose(group).vector if _counts(w)}


def _widely(group: Cluster) -> set[str]:
    """Counting numbers that two or more sources of ``group`` give (in digits, or as a share
    in words, ``shares_in_words``)."""
    by_source: dict[str, set[str]] = defaultdict(set)
    for unit in group.members:
        by_source[unit.source] |= {w for w in unit.vector if _counts(w)}
        by_source[unit.source] |= shares_in_words(unit.text)
    return {w for w, n in Counter(w for ws in by_source.values() for w in ws).items() if n > 1}


def story_figures(units: Sequence[Unit], duplicates: dict[str, str]) -> frozenset[str]:
    """Counting numbers (``_counts``) that two or more independent sources give in their
    sentences (``duplicates``: a copy counts as its original)."""
    by_source: dict[str, set[str]] = defaultdict(set)
    for unit in units:
        if unit.role == "body":
            by_source[duplicates.get(unit.source, unit.source)] |= {
                w for w in unit.vector if _counts(w)
            }
    given = Counter(w for ws in by_source.values() for w in ws)
    return frozenset(w for w, n in given.items() if n > 1)


#: A vague version ('A judge is due to hear the case next week.') repeats a shown development
#: from this similarity on: it names no one and gives no number the shown one could lack.
VAGUE_FOLD = 0.2
#: A vague version is short: a longer one without names still says something specific.
VAGUE_WORDS = 12


def vague(text: str) -> bool:
    """True when a short sentence (``VAGUE_WORDS``) names no person, place or body inside it
    and gives no number:
    a vaguer telling of a fact that a fuller version names ('a judge' for 'Judge Samuel
    Okoye', 'a state university' for the university's name)."""
    text = _undated(text)
    return len(text.split()) <= VAGUE_WORDS and not _names(text) and not re.search(r"\d", text)


# Finite verbs a sentence may have without a tell-tale ending: auxiliaries, modals and the
# commonest irregular past and present forms of news English.
_FINITE = frozenset(
    """is are was were am be has have had will would can could may might must shall should
    do does did says said tells told goes went gets got makes made takes took gives gave
    comes came runs ran sees saw finds found keeps kept puts leads led holds held brings
    brought begins began thinks thought knows knew stands stood sits sat flees fled shuts
    speaks spoke breaks broke chooses chose drives drove grows grew throws threw writes wrote
    rose rises fell falls won wins lost loses paid pays sent sends spent spends built builds
    struck strikes hit hits cut cuts set sets left leaves remains remain sold sells bought
    buys meant means met meets felt feels heard hears lay lies fought fights caught catches
    taught teaches sought seeks tore tears swept sweeps shot shoots""".split()
)
# Words after which an '-ed' word is an adjective ('people with weakened immune systems',
# 'the injured') and after which an '-s' word is a plural noun, not a verb.
_ATTRIBUTIVE = frozenset(
    """the a an with of for and or their its his her our your by in on to at from many some
    all any no recently newly those these this that other several""".split()
)
_OBJECT_START = re.compile(
    r"^(?:the|a|an|his|her|its|their|our|this|that|these|those|to|that|it|him|them|[\d$€£])",
    re.IGNORECASE,
)

_PREPOSITION = re.compile(
    r"^(?:on|in|at|to|for|from|with|by|as|over|into|after|before|across|against|up|out|down|"
    r"back|off)$",
    re.IGNORECASE,
)


# A key-numbers list's item: a figure, a dash or colon, and what it counts ('4,212 - patients
# enrolled', '~$2.3bn – market value erased', '11+: deaths the patient group counts').
_FIGURE_ITEM = re.compile(
    r"^\s*(?:[-*•]\s+)?[~≈+<>]?\s*[$€£¥]?\d[\d.,]*(?:\s*(?:%|bn|m|k|million|billion|"
    r"percent|per\s+cent))?\+?\s*[-–—:]\s+\S"
)


@lru_cache(maxsize=65536)
def fragment(text: str) -> bool:
    """True when ``text`` has no finite verb: a list or a phrase ('Pregnant women, newborns,
    the over-65s and people with weakened immune systems.', the answer of an explainer's
    question), which states no development. A word is taken for a finite verb when it is an
    auxiliary or a common irregular form (``_FINITE``), an '-ed' word not after an article or
    a preposition ('police arrested', not 'with weakened'), or an '-s' word before an object
    ('Ostland demands €45 million', 'the union rejects the offer'). Errs towards a sentence:
    only a line with none of these is a fragment."""
    if _FIGURE_ITEM.match(text):
        return True  # '4,212 - patients enrolled', '~$2.3bn – value lost': a key-numbers list
    body = _undated(text)
    listing = "," in body or ";" in body
    words = re.findall(r"[\w'’$€£-]+|[,;:()]", body)
    for index, word in enumerate(words):
        low = word.lower()
        before = words[index - 1].lower() if index else ""
        after = words[index + 1] if index + 1 < len(words) else ""
        if low in _FINITE or low.endswith(("n't", "n’t")):
            return False
        if not index or before in _ATTRIBUTIVE or not before[:1].isalnum():
            continue  # a first word, or one after an article, a preposition or a comma
        if len(low) > 4 and low.endswith("ed"):
            return False
        if len(low) > 3 and low.endswith("s") and not low.endswith("ss"):
            if _OBJECT_START.match(after) or (not after and not listing):
                return False  # 'demands €45 million', 'the strike continues.'
        plural = before.endswith("s") and not before.endswith("ss") or before[:1].isdigit()
        if (
            plural
            and low.isalpha()
            and low not in _STOPWORDS
            and low not in _ATTRIBUTIVE
            and not _PREPOSITION.match(low)  # 'use-by dates up to …': no verb
        ):
            if _OBJECT_START.match(after) or _PREPOSITION.match(after):
                return False  # 'talks resume on Thursday', 'thousands flee as floods …'
    return True


_DATED = re.compile(
    r"\d|\b(?:on|last|next|this|earlier|later|since|by|until|in)\b|day\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.IGNORECASE,
)


def _dated(phrase: str | None) -> bool:
    """A time phrase that places the development ('on Monday', 'Oct 24', 'last week'), not
    a bare 'year' from 'every year'."""
    return bool(phrase and _DATED.search(phrase))


def _in_sentence(phrase: str, text: str) -> bool:
    """False when the time phrase was read off the sentence's dateline or a live blog's time
    stamp ('12:40 Mayor …' gives no '40 Mayor'); True otherwise (a phrase the model gave
    for an event need not be in its words)."""
    phrase = phrase.lower()
    return phrase in _undated(text).lower() or phrase not in text.lower()


#: A sentence that says only that someone gave no answer ("Her lawyer declined to
#: comment."): no line of its own (it stays in the JSON).
_NO_COMMENT = re.compile(
    r"\b(?:(?:declined|refused)\s+(?:to\s+)?(?:comment|respond|answer)"
    r"|(?:did|does|do|has|have|had|would)\s+not\s+(?:yet\s+|immediately\s+)?"
    r"(?:respond|reply|return|comment|answer)\w*"
    r"|could\s+not\s+(?:immediately\s+)?be\s+reached"
    r"|(?:was|were|is|are)\s+not\s+(?:immediately\s+)?available\s+(?:for|to)\s+comment"
    r"|(?:gave|offered)\s+no\s+comment)\b",
    re.IGNORECASE,
)
#: What may follow the refusal in the same sentence: its object and when ("to a request for
#: comment on Tuesday"), never a clause of news ("…, but said the plan would go ahead").
NO_COMMENT_TAIL = 70


def _no_sentence(group: Cluster) -> bool:
    """Whether the cluster holds no sentence that can be a development's line: only lists
    and phrases (``fragment``), a chronology's notes and sentences saying someone gave no
    answer (``no_comment``)."""
    return all(
        fragment(u.text) or chronology_entry(u.text) or no_comment(u.text) for u in group.members
    )


def no_comment(text: str) -> bool:
    """True for a sentence that only says someone did not comment or answer ("Kessler's
    lawyer declined to comment.", "The company did not respond to a request for comment on
    Tuesday."): short, and the refusal is its end."""
    found = _NO_COMMENT.search(text)
    if found is None or len(text.split()) > 20:
        return False
    tail = text[found.end() :]
    return len(tail) <= NO_COMMENT_TAIL and not re.search(r"\b(?:but|and said|saying)\b", tail)


def _stands_alone(group: Cluster, high: int = HIGH_IN_OUTLET) -> bool:
    """Whether one of the cluster's sentences is high in its outlet's report (among its first
    ``high`` reporting sentences) and a plain, complete statement (not "But they could…",
    not a fragment, not loaded wording) as its line would be worded (an opening 'She' named:
    ``Unit.wording``)."""
    return (
        any(u.rank < high for u in group.members)
        and min(neutrality_penalty(u.wording) for u in group.members) < 1.5
        and not all(fragment(u.text) for u in group.members)
    )


def _matters(group: Cluster) -> bool:
    """A development one source alone reports is worth showing when that source leads with
    it with a figure (a feature's scene-setting opening gives none), or a headline agrees
    with it, or a caption of another source (its own outlet's caption only tells what its
    photograph shows, beside the paragraph it illustrates); and when one of its sentences
    stands on its own (not "But they could…")."""
    prominent = any(
        u.role == "headline" or not group.sources >= {u.source} for u in group.support
    ) or any(u.rank < 2 and re.search(r"\d", _undated(u.text)) for u in group.members)
    return prominent and min(neutrality_penalty(u.wording) for u in group.members) < 1.5


#: A sentence of a development supports the line printed for it when the two are at least
#: this alike (cosine) and it holds every number of the line. A source none of whose
#: sentences does is not marked on the line: clustering links sentences through each other,
#: so a member can be like the cluster and still not say what the chosen wording says.
SUPPORTS_LINE = 0.12
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")


def alike(unit: Unit, lead: Unit) -> bool:
    """True when ``unit`` says what ``lead`` says in its own words (``SUPPORTS_LINE``)."""
    return unit is lead or cosine(unit.vector, lead.vector) >= SUPPORTS_LINE


def supports(unit: Unit, lead: Unit) -> bool:
    """True when ``unit`` supports ``lead``'s wording: alike, and giving no figure the line
    does not (numbers outside brackets: a bracketed conversion is no other number). It may
    hold every number of the line, or some of them ('roughly 34,000 tickets' for '34,000
    tickets, over the 30,000 limit'), or none when it gives no figure at all ('two days
    before' for 'less than 48 hours before'); a source that gives another number reports
    the development, but not this line (``other_figures``)."""
    if unit is lead:
        return True
    if not alike(unit, lead):
        return False
    wanted = _NUMBER.findall(_ASIDE.sub(" ", _undated(lead.text)))
    if all(re.search(rf"(?<![\d.,]){re.escape(n)}(?![\d]|[.,]\d)", unit.text) for n in wanted):
        return True
    return not other_numbers(unit, lead)


def _line_numbers(unit: Unit) -> set[str]:
    """The counting numbers of ``unit`` outside brackets and its dateline."""
    return number_tokens(_ASIDE.sub(" ", _undated(unit.text)))


def rival_sources(
    line: Unit, members: Sequence[Unit], units: Sequence[Unit], rivals: Sequence[frozenset[str]]
) -> set[str]:
    """The sources of ``members`` that, in a body sentence of ``units``, give a rival of a
    disputed value ``line`` states ('around 340' against 'about 300'; ``rivals``: per
    disputed quantity, its values' number tokens) and in no sentence give every figure of
    the line: they report the development, but not this line's figure."""
    told = _line_numbers(line)
    disputed = [r for r in rivals if told & r]
    if not disputed:
        return set()
    held = {m.source for m in members}
    rival: set[str] = set()
    stating: set[str] = set()
    for unit in units:
        if unit.role != "body" or unit.source not in held:
            continue
        numbers = _line_numbers(unit)
        if told <= numbers:
            stating.add(unit.source)
        elif any((numbers - told) & r for r in disputed):
            rival.add(unit.source)
    return rival - stating


def other_numbers(unit: Unit, lead: Unit) -> set[str]:
    """The numbers ``unit`` gives outside brackets that ``lead`` does not ('26,000' against
    a line giving '34,000'), commas ignored."""
    given = {n.replace(",", "") for n in _NUMBER.findall(_ASIDE.sub(" ", _undated(lead.text)))}
    return {
        n
        for n in _NUMBER.findall(_ASIDE.sub(" ", _undated(unit.text)))
        if n.replace(",", "") not in given
    }


# A bracketed aside: a conversion ('2.8 million pounds ($3.8 million)', '$4.5m (about £3.3m)')
# or a gloss; its numbers restate the sentence's, they are no further fact.
_ASIDE = re.compile(r"\([^()]*\)")


def supporting(group: Cluster, lead: Unit) -> list[Unit]:
    """The members of ``group`` that support ``lead``'s wording."""
    return [u for u in group.members if supports(u, lead)]


def split_unsupported(group: Cluster) -> list[Cluster]:
    """``group`` as clusters whose every member is ``alike`` the line printed for it
    (``_choose``); the members that are not are clustered apart, split again the same way.
    Headlines and captions stay with the first. A member that is alike but gives other
    numbers stays: it counts for the development's rank, but its source is not marked on the
    line (``_event``); the figures say where sources differ."""
    lead = _choose(group)
    kept = [u for u in group.members if alike(u, lead)]
    if len(kept) == len(group.members):
        return [group]
    first, rest = Cluster(support=list(group.support)), Cluster(split_off=True)
    for unit in group.members:
        (first if any(unit is k for k in kept) else rest).add(unit)
    return [first, *split_unsupported(rest)]


# A time phrase naming a day: a weekday, a date, 'yesterday'.
_DAY = re.compile(
    r"\d|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:yesterday|today|tonight|tomorrow)\b",
    re.IGNORECASE,
)


# What makes a date part of a noun phrase rather than when something happened: a date of a
# product or a document ('use-by dates up to 9 December', 'an expiry date of', 'a letter dated')
# or a bound ('up to and including 9 December').
# A determiner right before a date makes it a modifier of a noun ('the Nov. 4 election'); a
# date a thing was 'originally scheduled for' is the date it no longer has.
_INCIDENTAL = re.compile(
    r"(?:\b(?:dates?|dated|use[- ]by|best[- ]before|sell[- ]by|display[- ]until|expir\w*)"
    r"(?:\s+[\w-]+){0,3}|\bup\s+(?:to|until)(?:\s+and\s+including)?|"
    r"\b(?:originally|previously|initially|first)\s+(?:scheduled|planned|set|slated|due)"
    r"\s+(?:for|on)|"
    r"\b(?:the|a|an|its|their)(?=\s*$)(?<!\bon the))\s*$",
    re.IGNORECASE,
)


def incidental(phrase: str | None, text: str) -> bool:
    """True when the time phrase ``phrase`` stands inside a noun phrase of ``text`` rather
    than saying when the development happened: a product's or a document's date ('with
    use-by dates up to Dec. 9', 'a letter dated 3 May'), a bound ('up to and including 9
    December') or a date after a determiner ('before the Nov. 4 election'). False when the
    phrase is not found in ``text`` or begins with its own preposition ('on Monday')."""
    if not phrase:
        return False
    at = text.lower().find(phrase.lower())
    return at >= 0 and bool(_INCIDENTAL.search(text[:at]))


#: A day that only one outlet's sentence gives dates the development when that sentence is
#: this alike the shown line (cosine): it tells the same fact ('filed a lawsuit on
#: Tuesday'), not another fact clustered with it ('He was arrested early Tuesday').
DATED_ALIKE = 0.3


def _time_of(lead: Unit, members: Sequence[Unit], duplicates: dict[str, str]) -> list[Unit]:
    """The sentences that date a development: the shown line's own time phrase and the
    sentences giving the same one; without one, the phrase most independent sources give,
    and only when two or more give it: one other sentence's time phrase most often dates
    something else it tells ('attacks on a school earlier this year'; 'He was arrested early
    Tuesday' beside the charges it is clustered with)."""
    dated = [
        u
        for u in members
        if _dated(u.when) and _in_sentence(u.when or "", u.text) and not incidental(u.when, u.text)
    ]
    if any(u is lead for u in dated):
        return [u for u in dated if (u.when or "").lower() == (lead.when or "").lower()]
    by_phrase: dict[str, set[str]] = defaultdict(set)
    for unit in dated:
        by_phrase[(unit.when or "").lower()].add(duplicates.get(unit.source, unit.source))
    alike = {
        (u.when or "").lower()
        for u in dated
        if _DAY.search(u.when or "") and cosine(u.vector, lead.vector) >= DATED_ALIKE
    }
    agreed = [p for p, s in by_phrase.items() if len(s) > 1 or p in alike]
    if not agreed:
        return []
    best = max(agreed, key=lambda p: (len(by_phrase[p]), bool(re.search(r"\d", p))))
    return [u for u in dated if (u.when or "").lower() == best]


#: A day and month without a year that resolves to more than this many days before the
#: article's date is most often not the development's: a brief's developments are recent, and
#: an older event is dated with its year ('in March 2023').
STALE_DAYS = 120


def stale(phrase: str | None, resolved: date, published: date | None) -> bool:
    """True when ``resolved`` (the date ``phrase`` was read as) lies more than ``STALE_DAYS``
    before ``published`` though the phrase gives no year ('Dec. 9' in an article of 18
    November is no development of last December); False with a written year or no
    publication date."""
    if published is None or re.search(r"\b\d{4}\b", phrase or ""):
        return False
    return (published - resolved).days > STALE_DAYS


def plausible_date(phrase: str | None, published: date | None, ahead: bool) -> date | None | bool:
    """The date ``phrase`` gives, seen from ``published`` (``normalise_when``; ``ahead``: the
    sentence says what will happen), in the nearest plausible year: a day and month that would
    be ``stale`` last year but falls within ``STALE_DAYS`` after publication is this year's
    ('you can re-register until October 6' in an article of September). None when the phrase
    names no day; False when the date is stale either way (no date of the development).
    Tense is not read: a past event dated just after publication (rare in news copy) is read
    as this year's too."""
    found = normalise_when(phrase, published, future=ahead)
    if not found or not stale(phrase, found, published):
        return found
    coming = normalise_when(phrase, published, future=True)
    if coming and published and (coming - published).days <= STALE_DAYS:
        return coming
    return False


def _joined(lines: list[str], casing: dict[str, str]) -> str:
    """Versions of one development as one line: 'A claim; a denial.' A second version's
    first word keeps its capital only where the sources write it so (a name)."""
    text = lines[0]
    for line in lines[1:]:
        first = line.split(" ", 1)[0]
        usual = casing.get(first.lower(), first)
        if usual[:1].islower():
            line = line[:1].lower() + line[1:]
        text = text.rstrip(" .") + "; " + line
    return text


def _event(
    kind: str,
    group: Cluster,
    duplicates: dict[str, str],
    published: dict[str, date | None],
    casing: dict[str, str],
    units: Sequence[Unit] = (),
    placed: dict[tuple[str, int], tuple[int, Unit]] | None = None,
) -> MergedEvent:
    lead = _choose(group)
    parts = [p for p in (group.claim, group, group.reply) if p is not None]
    wording = lead.wording
    if kind != "none":  # a shown line tells one fact (a development kept for the JSON keeps
        # its sentence whole, and costs no comparison with every other sentence)
        told = {id(u) for p in parts for u in p.members} | {id(u) for u in group.details}
        outside = [u for u in units if u.role == "body" and id(u) not in told]
        elsewhere = {at: u for at, (owner, u) in (placed or {}).items() if owner != id(group)}
        wording = one_fact(lead, outside, elsewhere)
    chosen = [(p, _choose(p)) for p in parts]  # each part's version, chosen once
    # a sentence marks its outlet on the line only where it says something the line says,
    # not only who ("The coordinator, Ana Ruiz, gave another account": ``shares_predicate``)
    members = [
        u
        for p, line in chosen
        for u in supporting(p, line)
        if u is line or shares_predicate(u.text, line.text)
    ] + [u for u in group.details if shares_predicate(u.text, lead.text)]
    # an outlet that gives a rival of the line's figure ('around 340 people' for 'about 300
    # residents'), in any sentence, and never the line's, is not marked on it, though one
    # of its sentences tells the development unfigured
    rival = rival_sources(lead, members, units, group.rivals)
    members = [u for u in members if u.source not in rival]
    sources = {u.source for u in members}
    every = {s for p in parts for s in p.sources}
    # an outlet is told to give other figures only when it does: one that tells the
    # development in other words, without figures, is no outlet of another figure
    figured = {u.source for p, line in chosen for u in p.members if other_numbers(u, line)}
    every &= sources | figured | rival  # an outlet whose sentence only names the same people
    resolved = [
        (u, plausible_date(u.when, published.get(u.source), looks_ahead(u.text)))
        for u in _time_of(lead, supporting(group, lead), duplicates)
    ]  # a stale date is no date of the development, nor is its phrase; a detail's time
    # phrase dates the detail (a shuttle starting on Wednesday), not the development
    resolved = [(u, d) for u, d in resolved if d is not False]
    whens = [u for u, _ in resolved]
    dates = [d for _, d in resolved if d]
    evidence = []
    seen = set()
    for unit in [*members, *group.support]:
        if (unit.source, unit.sentence) not in seen:
            seen.add((unit.source, unit.sentence))
            evidence.append(Evidence(source=unit.source, sentence=unit.sentence, text=unit.text))
    when = max((u.when for u in whens), key=lambda p: bool(re.search(r"\d", p)), default=None)
    return MergedEvent(
        summary=_joined(
            [clean_wording(wording if p is lead else p.wording, casing) for p in _lines(group)],
            casing,
        ),
        sources=_order(sources),
        other_figures=_order(((every & figured) | rival) - sources),
        independent_sources=independent(every | sources, duplicates),
        when=when,
        date=min(dates).isoformat() if dates else None,
        evidence=evidence,
        shown=kind,
        headline_sources=_order(u.source for u in group.support),
        score=round(_score(group, duplicates), 3),
        on_timeline=kind != "none"
        and not group.in_differences
        and bool(dates or re.search(r"\d", when or "")),
        in_differences=group.in_differences,
    )
