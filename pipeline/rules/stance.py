"""An actor's stance on the story's main development, from what the article shows. Pure.

A stance is read from three kinds of evidence, strongest first:

1. **What the reporter says the actor did** — a stance verb or adjective in the article's own
   words about the actor, outside any quotation: "X condemned…", "Y welcomed…", "Z was more
   cautious", "rejected calls to halt…" (rejecting a call against the development defends
   it; rejecting a claim denies it). An opposition politician opposes.
2. **Who the actor is** — the spokesperson of the body the development is about (the
   council that took the decision, the bank that held rates: a body word shared by the
   actor's role and the headline or first sentence) defends it, unless their words concede
   or deny.
3. **What the actor's own words say** — evaluative words of their quotations, by class:
   apology and admission (confirms), denial, condemnation, warning of harm to come,
   praise and hope (supports), criticism (opposes).

The word lists are general English news vocabulary, grouped by the stance a reader would
name; nothing in them is from a particular story. Where no evidence is found the function
returns None and the caller falls back on the model's judgement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .text import dateline_length
from .vocabulary import (
    BODY_WORDS,
    DEMONYM,
    GROUP_NOUNS,
    ORGANISATION_WORDS,
    PRONOUNS,
    REPORTING_VERBS,
    ROLE_PLURALS,
    ROLE_WORDS,
    SPEECH_VERB_FORMS,
    inflections,
    stance_verb_forms,
    word_alternation,
)

#: Adjectives and phrases a reporter uses of a speaker's attitude ("was more cautious",
#: "is furious", "was delighted"), by the stance they show.
STANCE_ADJECTIVES: dict[str, tuple[str, ...]] = {
    "warns": ("cautious", "wary", "concerned", "worried", "alarmed", "fearful", "uneasy",
              "apprehensive", "more cautious", "sounded a note of caution"),
    "opposes": ("critical", "furious", "angry", "unhappy", "sceptical", "skeptical",
                "opposed", "dismayed", "frustrated", "disappointed", "unconvinced", "hostile",
                "incensed", "upset", "livid", "irate", "enraged", "seething", "fuming",
                "devastated", "heartbroken", "blindsided", "baffled", "bemused", "not convinced",
                "sees it differently", "see it differently", "saw it differently",
                "reacted with fury", "reacted with anger", "reacted angrily", "with dismay",
                "reacted with dismay", "reacted furiously",
                "takes a different view", "took a different view", "begs to differ",
                "up in arms", "hopping mad", "up in arms over", "aghast", "dismayed by"),
    "condemns": ("scathing", "outraged", "damning", "withering", "scornful", "contemptuous",
                 "appalled", "disgusted", "horrified", "sickened", "incandescent"),
    "defends": ("unapologetic", "defiant", "adamant", "unrepentant", "bullish", "unmoved"),
    "supports": ("delighted", "pleased", "happy", "proud", "thrilled", "grateful", "relieved",
                 "forgiving", "optimistic", "enthusiastic", "glad", "jubilant", "elated",
                 "supportive", "in favour", "in favor", "upbeat", "positive", "overjoyed",
                 "ecstatic"),
    "confirms": ("apologetic", "contrite", "gracious in defeat"),
}  # fmt: skip

#: Verbs of wanting or arguing for ("wants to", "called for", "urged") and against
#: ("disagrees", "voted against"), beyond ``STANCE_VERBS``.
_MORE_VERBS: dict[str, tuple[str, ...]] = {
    "supports": ("call for", "vote for", "campaign for", "push for", "want", "argue for",
                 "vote yes"),
    "condemns": ("fume", "rage", "hit out", "lash out", "round on", "savage", "berate", "blame"),
    "denies": ("plead not guilty", "plead innocent"),
    "opposes": ("question", "appeal", "vote against", "campaign against", "argue against",
                "call off", "boycott", "complain", "appeal against", "vow to appeal",
                "vote no", "dissent"),
}  # fmt: skip

#: The objects that turn "rejected …" around: rejecting a call or criticism against the
#: development defends it; rejecting a claim or accusation denies it.
_REJECTED_CRITICISM = (
    r"(?:calls?|demands?|criticism|criticisms|pressure|appeals?|suggestions? that .{0,40}should)"
)
_REJECTED_CLAIM = (
    r"(?:claims?|allegations?|accusations?|reports?|suggestions?|charges?|rumou?rs?|"
    r"narrative|characteri[sz]ation|portrayal|version of events|account)"
)
_REJECT = r"(?:reject|dismiss|rebuff|brush(?:ed|es)? aside|den(?:y|ies|ied)|refut)\w*"

#: Role words of the political opposition and of campaigners against something.
_OPPOSITION = re.compile(r"\b(?:opposition|opponents?|critics?|dissident|rebel)\b", re.I)


def _forms(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    forms: dict[str, str] = {}
    for label, verbs in table.items():
        for verb in verbs:
            head, _, rest = verb.partition(" ")
            for form in inflections(head):
                forms[f"{form} {rest}".strip()] = label
    return forms


_VERB_FORMS = {**stance_verb_forms(), **_forms(_MORE_VERBS)}
_ADJECTIVE_FORMS = {a: label for label, adjs in STANCE_ADJECTIVES.items() for a in adjs}
_CUE = re.compile(
    rf"(?<![\w-])(?:{word_alternation([*_VERB_FORMS, *_ADJECTIVE_FORMS])})(?![\w-])", re.I
)
_NEGATED = re.compile(r"\b(?:not|never|no longer|n't|did not|does not|do not)\s+(?:\w+\s+)?$", re.I)

#: Evaluative words and phrases of a speaker's own quotations, by the stance they show.
#: Where two overlap the longer wins ("will not change course" defends; "will not" opposes).
QUOTE_WORDS: dict[str, tuple[str, ...]] = {
    # apology, admission, acceptance of a finding
    "confirms": ("sorry", "apologise", "apologize", "apologies", "i regret", "we regret",
                 "my mistake", "our mistake", "i was wrong", "we were wrong", "we accept",
                 "i accept", "we got it wrong", "i got it wrong", "we can confirm",
                 "i can confirm", "take full responsibility", "i take responsibility",
                 "we take responsibility", "lost my temper", "i should not have",
                 "i shouldn't have"),
    # denial of a claim or accusation
    "denies": ("not true", "untrue", "false", "no evidence", "did nothing wrong",
               "never happened", "categorically", "deny", "denies", "baseless", "unfounded",
               "nonsense", "no truth", "did not happen", "fully complied", "we complied",
               "not our fault", "misleading", "mischaracteri[sz]e", "inaccurate",
               "the facts show", "simply wrong", "tells a different story",
               "tell a different story", "told a different story", "a different picture",
               "not what happened", "we dispute", "we disagree with the findings",
               # a defendant's or their lawyer's answer to a charge
               "is innocent", "was innocent", "are innocent", "am innocent", "not guilty",
               "no wrongdoing", "did nothing illegal", "not a crime", "without merit",
               "meritless", "fight these charges", "fight the charges", "fight this case",
               "clear his name", "clear her name", "clear their name", "clear my name",
               "his innocence", "her innocence", "their innocence", "my innocence",
               "don't believe it", "do not believe it", "did not believe the"),
    # justification of one's own decision or action
    "defends": ("not change course", "will not change course", "won't change course",
                "stand by", "right decision", "right call",
                "necessary", "was needed", "were needed", "no choice", "no alternative",
                "prudent",
                "responsible", "followed policy", "followed procedure", "followed the rules",
                "followed every procedure", "followed all procedures", "followed protocol",
                "followed the guidance", "within our operating limits", "within the rules",
                "acted properly", "in line with", "comes first", "difficult decision",
                "hard decision", "hardest decision", "the door remains open",
                "door is open", "fair offer", "we hear", "we understand",
                "in the long run", "worth it", "we had to", "full confidence",
                "not taken lightly", "not been taken lightly", "not take lightly",
                "did not take lightly", "no easy decision", "not an easy decision",
                "will not be rushed",
                "we will not be"),
    # moral blame
    "condemns": ("disgrace", "disgraceful", "shameful", "shame", "appalling", "outrageous",
                 "outrage", "scandal", "scandalous", "unacceptable", "inexcusable",
                 "reckless", "negligent", "negligence", "criminal", "greed", "greedy",
                 "contempt", "betrayal", "betrayed", "profit before", "a tax on",
                 "worst possible", "failed", "failure", "let down", "abandoned", "sack",
                 "should resign", "must resign", "not an accident", "was a choice",
                 "heads must roll", "cruel", "callous", "to save money", "cut corners",
                 "cutting corners", "cost-cutting", "indefensible", "not acceptable",
                 "above the law", "dressed up as", "marking their own homework",
                 "marking its own homework", "deserve answers", "deserves answers",
                 "deserve better", "deserves better", "deserve the truth",
                 "deserve an explanation", "land grab", "power grab", "cash grab",
                 "vandalism", "humiliation", "death sentence", "answer for this",
                 "has done nothing", "have done nothing", "did nothing to",
                 "whitewash", "cover-up", "sham", "cynical",
                 # blame for harm that could have been stopped, or for power abused
                 "daylight robbery", "highway robbery", "coup", "asleep at the wheel",
                 "censorship", "entirely avoidable", "avoidable", "preventable",
                 "entirely preventable", "quietly buried", "left in the dark",
                 "how many warnings", "blank cheque", "blank check",
                 "sold its heart", "sold out", "heartless"),
    # harm to come, advice to take care
    "warns": ("risk", "risks", "danger", "dangerous", "threat", "warn", "warning", "likely",
              "unless", "before it is too late", "too late", "stay away", "stay at home",
              "stay indoors", "not essential", "avoid", "be careful", "take care",
              "advise", "vigilant", "crisis", "collapse", "at risk", "losing",
              "far apart", "could collapse", "could fail", "could cost", "could lead",
              "if nothing changes", "will get worse", "could get worse", "will only get worse",
              "fear", "alarming", "on the brink", "unsafe", "not safe", "can spread",
              "could spread", "precaution", "precautions", "keep an eye", "seek medical",
              "wake-up call", "warning sign", "red flag", "alarm bells", "will be lost",
              "lives will be lost", "cost lives", "costs lives", "lives at risk",
              # harm a measure will do, told ahead
              "gamble", "big gamble", "devastating", "a killer", "will regret",
              "go under", "out of business", "close for good", "shut for good",
              "do not drink", "don't drink", "check their", "check your",
              "take this seriously", "take it seriously"),
    # approval, praise, hope, relief, benefit
    "supports": ("fair", "boost", "welcome", "welcomed", "delighted", "pleased", "proud",
                 "thank", "thanks",
                 "grateful", "great", "good news", "wonderful", "fantastic", "brilliant",
                 "excellent", "brave", "hope", "hopeful", "win", "victory", "success",
                 "overdue", "celebrate", "relief", "joy", "thrilled", "happy", "deserve",
                 "deserves", "better off", "much better", "a better", "for the better",
                 "best", "good", "love", "over the moon",
                 "can't wait", "cannot wait", "milestone", "landmark", "transform",
                 "benefit", "save", "protect", "much-needed", "long wait", "right thing",
                 "finally", "at last", "glad", "safer", "cheaper", "will get", "can now",
                 "lower bills", "lower prices", "lower costs", "lower fares", "new jobs",
                 "amazing", "incredible", "dream come true", "excited", "exciting",
                 "congratulations", "well done", "well deserved", "well-deserved",
                 "step forward", "great day", "proud day", "couldn't be happier",
                 "could not be happier", "all for it", "look forward to", "looked forward to",
                 "looks forward to", "shares its goal", "shared its goal", "share the goal",
                 # a measure judged worth having
                 "good value", "value for money", "most important", "essential", "a start",
                 "right direction", "sensible",
                 "long-awaited", "game-changer", "game changer", "lifeline", "breakthrough",
                 "historic", "vindicated", "vindication", "draws a line", "draw a line",
                 "line under", "come home", "coming home", "in support", "good day"),
    # objection, complaint, grievance
    "opposes": ("furious", "angry", "mistake", "wrong", "unfair", "cannot", "can't",
                "won't", "will not", "refuse", "had enough", "enough is enough",
                "nightmare", "ridiculous", "absurd", "disaster", "chaos", "blackmail",
                "not consulted", "nobody asked", "no one asked", "too much",
                "too high", "can't afford", "cannot afford", "who pays", "how can",
                "why should", "robbery", "rip-off", "against", "stop", "scrap",
                "legal challenge", "fight", "costs us", "cost us", "we lose", "not good enough",
                "worse", "meant to pay", "supposed to pay", "paying more", "pay more",
                "hit hardest", "hardest hit", "hit older", "hit the poorest", "helps nobody",
                "help nobody", "no one wins", "nobody wins", "unaffordable", "too expensive",
                "struggle", "struggling", "punish", "punishing", "penalise", "penalize",
                "burden", "squeeze", "priced out", "out of pocket", "waste of money",
                "pointless", "makes no sense", "short-sighted", "disappointing",
                "disappointed", "let us down", "hard enough", "a blow", "body blow",
                "setback", "step backwards", "backward step", "stranded", "slap in the face",
                "kick in the teeth", "insult", "unjustified", "unjustifiable", "unwarranted",
                "uncalled for", "gutted", "a solution in search of a problem", "brutal",
                "devastated", "heartbroken", "blindsided", "gone for good", "once it's gone",
                "reservations", "serious concerns", "grave concerns", "unrealistic",
                "missed the point", "misses the point", "miss the point", "instead",
                "not persuaded", "unpersuaded",
                "once it’s gone",
                "heavy-handed",
                "nobody came to talk", "no one came to talk", "nobody talked to us",
                "nobody asked us", "no one asked us", "supposed to go", "meant to go",
                "not been consulted", "never consulted", "no consultation",
                "without consultation", "without consulting", "reconsider", "think again",
                "rethink", "reverse the decision", "u-turn", "not the way to",
                # a measure judged too harsh, badly made or doomed, in news copy's words
                "disproportionate", "excessive", "punitive", "draconian", "ill-conceived",
                "ill-thought-out", "ill thought out", "half-baked", "misguided", "flawed",
                "unworkable", "unjust", "counterproductive", "counter-productive", "damaging",
                "populist", "vanity project", "white elephant", "stealth tax", "madness",
                "farce", "farcical", "shambles", "fiasco", "laughable",
                "not done its homework", "not done their homework", "paper exercise",
                "box-ticking", "tick-box", "fantasy", "pie in the sky", "wishful thinking",
                "saddened", "dismayed", "dismay", "sad day", "no mandate",
                "broken promise", "criminalise", "criminalising", "criminalize",
                "criminalizing", "suicide", "barmy", "bonkers", "senseless", "needless",
                "a step too far", "overkill", "over the top", "overreach", "knee-jerk",
                "blunt instrument", "sledgehammer", "nail in the coffin", "death knell",
                "save our", "keep our", "hands off our",  # a protest's slogans
                "ghost town", "major blow", "massive blow", "huge blow", "heavy blow",
                "cruel blow", "devastating blow", "real blow", "big blow", "serious blow",
                # a measure judged out of proportion, rushed, or for show
                "out of proportion", "overreaction", "over-reaction", "overreacting",
                "over-reacting", "rushed", "rush to judgment", "rush to judgement",
                "too far", "wider than", "further than necessary", "more than necessary",
                "token gesture", "a gesture", "empty gesture", "not a solution",
                "no solution", "sticking plaster", "a plaster on", "drop in the ocean",
                "window dressing", "window-dressing", "lip service", "tokenism",
                # recourse against it
                "judicial review", "legal avenue", "legal action", "take it to court",
                "see them in court", "see you in court", "in the courts", "lawsuit"),
}  # fmt: skip
_QUOTE_WORD_LABEL = {
    **{a: label for label, adjs in STANCE_ADJECTIVES.items() for a in adjs if " " not in a},
    **{w: label for label, words in QUOTE_WORDS.items() for w in words},
}
#: A consequence on a condition ("Without new money, classes will grow"; "If nothing is done,
#: it would…"): a warning.
_CONDITIONAL_HARM = re.compile(
    r"\b(?:without|unless|if)\b[^.?!;]{3,90}?,\s*[^.?!;]{0,60}?"
    r"\b(?:will|would|could|is going to)\b",
    re.I,
)
#: A concession before a justification, the way those who took a decision answer for it:
#: the harm or the feeling it causes granted, then "but" ("Nobody wants to take services
#: away. But …", "I understand the anger, but …", "I respect the right to protest, but …"),
#: a decision not taken lightly, the hardest or an agonising one ("the hardest of my
#: career"), one that could not be avoided. What is granted is a feeling or a wish, never the
#: other side's reasons ("I know the council has no money, but …" objects).
_CONCESSION = re.compile(
    r"\b(?:nobody|no\s+one|no-one)\s+(?:(?:on|in|at|here)\s+(?:(?:the|this)\s+)?[\w’'-]+\s+)?"
    r"(?:wants?|wanted|likes?|liked|"
    r"enjoys?|enjoyed|goes|went|takes?|took)\b[^.?!]{0,90}[.?!,;:]?[ \t]+(?:but|yet)\b"
    r"|\bI\s+(?:fully\s+|completely\s+|absolutely\s+)?(?:understand|respect|know|accept|"
    r"appreciate|hear|recogni[sz]e|share)\s+(?:[\w’'-]+\s+){0,4}?(?:anger|frustration|"
    r"concerns?|upset|disappointment|feelings?|worries|fears|hurt|strength\s+of\s+feeling|"
    r"right\s+to\s+protest|(?:do\s+not|don[’']t)\s+want)\b"
    r"|\b(?:take|takes|took|taken|taking)\s+(?:[\w’'-]+\s+){0,4}?lightly\b"
    r"|\b(?:the\s+)?(?:hardest|toughest|most\s+difficult|most\s+painful)\s+"
    r"(?:[\w’'-]+\s+){0,2}?(?:of\s+my|I\s+have|I[’']ve|we\s+have|we[’']ve|I[’']ll|I\s+will)\b"
    r"|\b(?:agonising|agonizing|painful|heartbreaking|heavy[- ]hearted)\s+(?:but\s+)?"
    r"(?:decision|choice|call)\b"
    r"|\b(?:could|can)\s*(?:not|n[’']t)\s+(?:have\s+)?(?:be(?:en)?\s+)?avoided\b",
    re.I,
)
#: A complaint as a question ("How are we meant to get there?", "How is anyone supposed
#: to pay that?").
_HOW_MEANT = re.compile(
    r"\b(?:how|where|what|when|who)\s+(?:am|are|is|do|does|will)\s+[\w-]+(?:\s+[\w-]+)?\s+"
    r"(?:meant|supposed|expected)\s+to\b[^.?!]*\?"
    r"|\bwhat\s+do\s+(?:I|we)\s+tell\b[^.?!]*\?",
    re.I,
)
#: A condemnation on a condition ("would be a disgrace", "would be criminal"): the plan is
#: not yet done, so the speaker opposes it.
_WOULD_BE = re.compile(r"\b(?:would|will|could)\s+(?:\w+\s+){0,2}$", re.I)
#: A negation right before a word of blame ("not censorship", "no cover-up", "never a
#: whitewash"): the speaker refuses the blame.
_NEGATED_BLAME = re.compile(r"\b(?:not|no|never|n[’']t)\s+(?:(?:a|an|any)\s+)?$", re.I)
#: A word of praise denied by "be not" ("it is not fair", "we are not happy", "isn't very
#: good"): the speaker objects. Not a noun's negation ("a first step, not a victory") nor a
#: verb's ("does not protect"), which weigh one thing against another.
_NEGATED_PRAISE = re.compile(
    r"\b(?:is|are|was|were|am|be|been|’s|'s|’re|'re|feel|felt|look|looks|sound|sounds)\s+"
    r"(?:not|never|hardly)\s+(?:(?:very|so|too|particularly|entirely|exactly|really|"
    r"remotely)\s+)*$|\b(?:isn|aren|wasn|weren)[’']t\s+(?:(?:very|so|too|really)\s+)*$",
    re.I,
)
_QUOTE_WORD = re.compile(rf"(?<![\w-])(?:{word_alternation(_QUOTE_WORD_LABEL)})(?![\w-])", re.I)
#: The speaker's own stance verb in the first person ("We support the project", "I am
#: opposed", "we fully back it", "we will oppose"), or a fragment the reporter quotes that
#: is one ("strongly supports"): the most direct evidence a quotation holds, so it counts
#: double. Negated forms ("we do not oppose the goal") are left out: what they are for is
#: not said.
_OWN_STANCE_VERBS = {
    form: label
    for form, label in _VERB_FORMS.items()
    if label in ("supports", "opposes", "condemns", "defends", "warns") and " " not in form
}
_OWN_STANCE = re.compile(
    r"(?:\b(?:we|i)(?:['’](?:re|m|ve|ll)|\s+(?:are|am|have|will|would|do|did|must|"
    r"continue to|still|remain))?\s+(?:(?:very|fully|strongly|firmly|totally|wholly|"
    r"wholeheartedly|completely|absolutely|entirely|always|still|also|all|both)\s+)?|"
    r"^\s*(?:(?:very|fully|strongly|firmly|wholeheartedly|warmly)\s+)?)"
    rf"({word_alternation(_OWN_STANCE_VERBS)}|opposed)(?![\w-])",
    re.I,
)
#: Backing refused in the first person ("We do not support this decision", "I can't back
#: it"): against it.
_OWN_REFUSAL = re.compile(
    r"\b(?:we|i)\s+(?:do not|don['’]t|cannot|can['’]t|can not|will not|won['’]t|could not|"
    r"couldn['’]t|would not|wouldn['’]t)\s+(?:\w+ly\s+)?(?:support|back|endorse|welcome|"
    r"agree with|accept)\b",
    re.I,
)

#: A subordinate clause starts where the reporter's words stop being about the actor
#: ("a mediator said, after both sides rejected…").
_CLAUSE_END = re.compile(
    # not the adverb of "has since written", "had since agreed"
    r",?(?<!\bhas)(?<!\bhave)(?<!\bhad)\s+"
    r"(?:after|before|while|whereas|because|since|when|although|though|until|as)\b",
    re.I,
)
#: A concession followed by "but": the actor grants a point and defends the development.
_CONCEDE_BUT = re.compile(
    r"\b(?:conceded|concedes|admitted|admits|acknowledged|acknowledges|accepted|accepts)\b"
    r".{0,120}?,?\s+but\b",
    re.I | re.S,
)
#: Telling the public what (not) to do: a warning ("urged people not to travel").
_ADVICE = re.compile(
    r"\b(?:urg|advis|tell|told|ask|warn)\w*\s+(?:people|residents|the public|drivers|"
    r"motorists|travellers|travelers|passengers|parents|everyone|customers|visitors|"
    r"shoppers|users|homeowners|anyone)\s+(?:not\s+)?to\b",
    re.I,
)


#: Words of harm that mark a development as something that happened to people (an attack, a
#: fire, a crash, a spill) rather than a decision one can be for: kind words in a quotation
#: about it (for rescuers, staff, neighbours) are no support of it.
ADVERSE_WORDS = frozenset(
    """attack attacks attacked attackers hack hacked hackers breach ransomware cyber-attack
    cyberattack fire fires blaze blazes crash crashes crashed collision derailed derailment
    flood floods flooding storm storms hurricane earthquake quake tremor spill spills spilled
    leak leaked pollution polluted contamination contaminated poisoning outbreak epidemic
    pandemic killed dead deaths died dies injured injuries wounded explosion blast shooting
    stabbing murder murdered theft stolen robbery burglary raid fraud collapse collapsed
    drought famine disaster emergency evacuated evacuation casualties victims toxic shortage
    landslide wildfire tornado tsunami outage blackout accident accidents sinking sank
    missing trapped""".split()
)


def is_adverse(development: str) -> bool:
    """Whether the development (best: the headline) is harm that befell people
    (``ADVERSE_WORDS``) rather than a decision, a verdict or an achievement. A harm word
    naming a service or its people ("Fire chief", "fire stations", "flood wardens") is
    none."""
    words = re.findall(r"[a-z-]+", development.lower())
    return any(
        w in ADVERSE_WORDS and not (k + 1 < len(words) and _SERVICE.fullmatch(words[k + 1]))
        for k, w in enumerate(words)
    )


#: Words after a harm word that make it the name of a service ("fire brigade", "flood
#: defences", "storm drains"): roles, bodies, their places and kit.
_SERVICE = re.compile(
    rf"(?:{word_alternation(ROLE_WORDS | BODY_WORDS)}|stations?|brigades?|crews?|fighters?|"
    r"engines?|wardens?|defences?|defenses?|drains?|alarms?|insurance|safety|escapes?|exits?)"
)


#: Words of good news: a development that is an achievement, a win, a rescue or an opening
#: ("Cleaner scoops jackpot", "Village library saved", "Firm opens solar farm"). Those
#: quoted on it without a word against it are glad of it.
GOOD_NEWS_WORDS = frozenset(
    """win wins won winner winners winning victory triumph triumphs record records saved saves
    rescued rescues rescue reopen reopens reopened opens opened celebrate celebrates
    celebrated celebration award awards awarded honour honoured honor honored prize jackpot
    scoops breakthrough cure cured reunited recovery recovers recovered boost boosts
    milestone success successful hails hailed praised welcomed thrives survives anniversary
    medal medals gold champions promoted graduates clears cleared acquitted acquittal freed
    exonerated open unveil unveils unveiled launch launches launched""".split()
)

#: Headline words that say the story is about opposition to the development ("Thousands
#: march against fuel tax", "Parents fight school closure"): those it quotes without another
#: stance, role or body are the opponents.
PROTEST_WORDS = frozenset(
    """against protest protests protesters protestors protested march marches marched rally
    rallies petition fight fights fighting anger angry fury furious outrage outraged backlash
    revolt boycott blockade blockades blockaded picket pickets""".split()
)

#: Roles of those who comment from outside (an economist, an analyst): with no evaluative
#: word they are neutral on the development.
#: Those whose trade is to explain ("economist", "a lecturer in politics", "pollster").
_EXPLAINERS = (
    r"economist|analyst|strategist|professor|academic|lecturer|researcher|expert|"
    r"commentator|historian|pollster|scholar"
)
_ANALYST = re.compile(
    rf"\b(?:{_EXPLAINERS}|observer|fellow|specialist|pundit|\w+ologist|"
    r"not involved in the (?:research|study|work|trial|case)|independent)s?\b",
    re.I,
)


#: An outside expert by their own description ("a lecturer in politics at …", "energy
#: analyst", "an employment lawyer"): one who explains the development, as labellers read
#: them, unless the reporter gives them a stance verb. Narrower than ``_ANALYST``: an
#: "observer", a "fellow" or an "independent" may well take a side.
_OUTSIDE_EXPERT = re.compile(
    rf"\b(?:{_EXPLAINERS}|(?:employment|planning|constitutional|property|data|competition|"
    r"tax|insurance|media|transport|copyright|privacy|election|sports)\s+"
    r"(?:lawyer|barrister|solicitor|attorney)|(?:transport|traffic|structural|civil|water|"
    r"coastal|flood|safety)\s+engineer|scientist|\w{3,}ologist|consultant\s+in\s+[a-z]+)s?\b",
    re.I,
)


#: Even-handed words: the speaker weighs the development without taking a side ("You can
#: argue it either way", "It is too soon to say"), or a caveat about a finding ("cautioned
#: that the study showed a link, not a cause").
_HEDGE = re.compile(
    r"\b(?:either way|too (?:soon|early) to (?:say|tell|know|judge|speculate)|"
    r"remains? to be seen|(?:studying|reviewing|assessing) the (?:decision|ruling|details|"
    r"proposals?|judgment|judgement|findings|report)|"
    r"time will tell|hard to say|difficult to say|inconclusive|on the one hand|"
    r"a link, not a cause|not (?:necessarily )?(?:a|the) cause|"
    r"(?:takes?|taking|took|has|have|had) no (?:view|position|side)s?|an open mind|"
    r"(?:does|do|did|would|will) not take (?:a|any) (?:view|position|side)|"
    r"(?:does|do|did|would|will) not comment on|declined to comment on the (?:merits|case)|"
    r"(?:declined|refused|would not|will not|did not wish) to comment|no comment|"
    r"said only that|"
    r"(?:would|will) decide (?:within|by|after|once)|look carefully at|"
    r"bring the (?:two )?(?:sides|parties) (?:together|to the table)|"
    r"(?:no|not yet (?:made|taken) a) decision (?:has|had) (?:yet )?been (?:made|taken)|"
    r"(?:would|will|to|is to|was to|could) (?:examine|review|investigate|look into|assess|"
    r"consider|study|establish|determine) whether|"
    r"caution\w* that (?:the|these|this|its|their) (?:study|studies|findings?|research|data|"
    r"results?|figures|report|trial|survey|poll)\b)",
    re.I,
)
#: A development that undoes or stops something ("Governor vetoes rent bill", "Court strikes
#: down law"): those who wrote or proposed the thing undone are against the development.
_UNDOING = frozenset(
    """veto vetoes vetoed vetoing reject rejects rejected block blocks blocked scrap scraps
    scrapped defeat defeats defeated overturn overturns overturned shelve shelves shelved
    axe axes axed kill kills killed withdraw withdraws withdrawn strikes struck""".split()
)
#: Insisting or defending that someone's decision was right ("insisted the decision was
#: correct"): from one who did not take it, backing it.
_BACKS_DECISION = re.compile(
    r"\b(?:insist|maintain)\w*\s+(?:that\s+)?(?:the|this|their|his|her)\s+"
    r"(?:[\w'’-]+\s+)?(?:decision|call|ruling|verdict|judgment|judgement|penalty|choice)\b"
    # defending or justifying a decision is backing another's only where it is another's
    # ("defended the referee's decision"); "defended the decision to sail" is the actor's own
    r"|\b(?:defend|justif)\w*\s+(?:the|this)\s+[\w-]+[’']s?\s+(?:[\w-]+\s+)?"
    r"(?:decision|call|ruling|verdict|judgment|judgement|penalty|choice)\b",
    re.I,
)
#: Offices named by the development itself ("Governor vetoes…", "Mayor closes…"): the holder
#: is who did it. Abbreviated titles as written before names.
_OFFICE_NOUNS = frozenset(
    """governor mayor president minister senator chancellor premier judge prosecutor
    superintendent headteacher principal commissioner sheriff""".split()
)
_TITLE_ABBREVIATIONS = {"gov": "governor", "sen": "senator", "pres": "president"}


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


def is_good_news(development: str) -> bool:
    """Whether the development (best: the headline) is good news (``GOOD_NEWS_WORDS``) and
    not harm (``is_adverse``)."""
    words = _words(development)
    return bool(words & GOOD_NEWS_WORDS) and not is_adverse(development)


def _about_another(reported: str, development: str) -> bool:
    """Whether reported speech is about a party the development does not name: it opens
    with a capitalised name ("Iran might struggle…") that the headline and first sentence
    never write."""
    opening = re.match(r"(?:the\s+)?([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)", reported.strip())
    if opening is None or opening.group(1).lower() in PRONOUNS:
        return False
    return opening.group(1).split()[0] not in development


def is_protest(headline: str) -> bool:
    """Whether the headline says the story is opposition to the development
    (``PROTEST_WORDS``: "march against", "fight plan to close")."""
    return bool(_words(headline) & PROTEST_WORDS)


@dataclass(frozen=True)
class StanceEvidence:
    """What the article shows of one actor, gathered by ``pipeline.extract``.

    Attributes:
        name: the actor as printed ("Priya Nandra", "the minister").
        role: the actor's role as the article gives it ("council leader"), or "".
        narrative: the reporter's own words about the actor, quotations blanked out: the
            parts of sentences from each mention of the actor up to the next other person
            or body, and the sentences holding the actor's quotations.
        quotes: the actor's quotations, verbatim.
        development: the headline and first sentence: what the development is and who did it.
        subject_segments: the words before each mention, back to the sentence start or the
            previous other person ("Opposition councillor Gareth Bowen").
        headline: the article's headline alone (what the story is about, as the outlet
            names it), or "".
        key: what tells the actor apart in the article (``extract._speaker_key``).
        sentence: number of the sentence that shows the actor first (their first quotation's).
        accused: another actor of the article condemns, criticises or blames this one ("the
            union condemned the mine's owner, Vostra Metals"): what it then says answers
            the charge.
        speaks_for: the ``key`` of the body a person speaks for ("Billwise director Omar
            Shafiq"), or "": the two share a stance where one of them shows none.
        decided: the lead names the actor as the body that took the decision or did what
            happened ("an ordinance the City Council approved"): the development's agent.
        for_decider: the actor speaks for that body ("its chief executive"): on its side
            unless the reporter or their words say otherwise.
    """

    name: str
    role: str = ""
    narrative: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()
    development: str = ""
    subject_segments: tuple[str, ...] = ()
    headline: str = ""
    key: str = ""
    sentence: int = 1
    accused: bool = False
    speaks_for: str = ""
    decided: bool = False
    for_decider: bool = False

    @property
    def reported(self) -> tuple[str, ...]:
        """The actor's words in reported speech (``reported_words`` of the narrative)."""
        return reported_words(self.narrative)


#: Stance verbs whose base and -s forms are mostly nouns or adverbs in news copy ("the
#: attack", "came back", "their support"): they count only after a modal, "to" or a pronoun.
_NOUN_HOMOGRAPHS = frozenset(
    """attack attacks back backs support supports fear fears protest protests challenge
    challenges object objects appeal appeals rage rages savage round want wants question
    questions""".split()
)
# A modal, 'to' or a pronoun right before a word: 'will back', 'to back', 'they back'.
_AUXILIARY = (
    r"\b(?:would|will|to|could|may|might|shall|should|must|can|did|does|do|they|we|he|she|i)"
)
_RIGHT_AFTER_AUXILIARY = re.compile(rf"{_AUXILIARY}\s+$", re.IGNORECASE)
_VERB_BEFORE = re.compile(rf"{_AUXILIARY}\s+(?:\w+\s+)?$", re.IGNORECASE)


#: What a court or an official grants or turns down: turning it down is a ruling on a
#: request, not a denial of a claim nor a stance on the development.
_REQUEST_AFTER = re.compile(
    r"\s+(?:[\w’'-]+\s+){0,3}?(?:request|requests|application|applications|bid|motion|"
    r"petition|permission|bail|injunction|appeal|plea)\b",
    re.I,
)
#: A preposition of movement after a verb ("the ferry slammed into rocks", "blasted through
#: the wall"): the verb tells a movement, not a stance.
_MOTION_AFTER = re.compile(r"\s+(?:into|onto|through|across|along|towards?|over the)\b", re.I)
#: A determiner or possessive just before a stance word makes it an adjective or a noun of
#: something else ("the disputed fee", "its backing", "a welcome step").
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that|these|those)\s+$", re.I)
#: A non-restrictive relative clause between commas ("the deal, which halves the disputed
#: fee, was…"): about the thing named, not the actor's own act.
# A relative clause set off by commas, whose figures may hold a comma or a point ("The
# union, which represents 1,900 drivers, opposes …").
_RELATIVE = re.compile(r",\s+(?:which|whose)\b(?:[^,.;]|(?<=\d)[,.](?=\d)){0,120},")


#: What follows a participle used as a passive in headlinese ("Ex-official accused of
#: fraud", "Mayor criticised by watchdog"): "of", "by" or "over", never an object.
_AGENT_AFTER = re.compile(r"\s+(?:of|by|over)\b", re.I)
_DENIES_CLAIM = re.compile(rf"\b{_REJECT}\s+(?:[\w’'-]+\s+){{0,2}}?{_REJECTED_CLAIM}\b", re.I)
_REJECTS_CRITICISM = re.compile(
    rf"\b{_REJECT}\s+(?:[\w’'-]+\s+){{0,2}}?{_REJECTED_CRITICISM}", re.I
)


#: Verbs that report what someone says or thinks in indirect speech ("said the rise was
#: unjustified", "told the paper that…", "argued that…"): the neutral, assertive and
#: admissive reporting verbs and verbs of opinion.
_REPORTING = word_alternation(
    form
    for kind in ("neutral", "assertive", "admissive")
    for verb in REPORTING_VERBS[kind]
    if verb not in ("continue", "describe", "report", "speak", "repeat", "allow", "grant")
    for form in inflections(verb)
    if not form.endswith("ing")
)
_OPINION = "believes?|believed|thinks?|thought|feels?|felt"
_INDIRECT = re.compile(
    rf"^[^.;:?!\"“”]{{0,140}}?\b(?:(?:told|tells|tell)\s+(?:[\w'’-]+\s+){{0,4}}?that|"
    rf"(?:{_REPORTING}|{_OPINION})(?:\s+(?:on|in|at|last|this|to)\s+(?:(?:a|an|the|its|his|her|their)\s+)?\w+)?"
    r"(?:\s+that)?)\s+"
    r"(?P<words>[^\"“”]{12,})",
    re.I,
)


def reported_words(segments: tuple[str, ...]) -> tuple[str, ...]:
    """What the actor says in indirect speech in ``segments`` (the reporter's words about
    the actor, each opening at a mention of them, quotations blanked): the clause after a
    reporting verb of the actor's own clause ("Billwise said the rise was unjustified" gives
    "the rise was unjustified"). Read like a quotation for the actor's stance; empty where
    the actor is reported saying nothing."""
    out = []
    for segment in segments:
        found = _INDIRECT.search(segment) or _TRAILING.search(segment)
        if found:
            # what an open question holds is not asserted ("would examine whether it was fair")
            out.append(re.split(r"\bwhether\b", found.group("words"))[0].strip())
    return tuple(out)


#: Indirect speech before its attribution ("Kestrel Energy will raise prices by 9%, the
#: company said on Tuesday."): the words before the comma.
_TRAILING = re.compile(
    rf"^(?P<words>[^\"“”;]{{12,}}?),\s+(?:the\s+[\w-]+|it|they|[A-Z][\w-]+)\s+"
    rf"(?:{_REPORTING})\b[^,;\"“”]{{0,40}}$",
)


_REFUSED_TO = re.compile(r"\b(?:refus|declin)\w*\s+to\s+\w+", re.I)
#: Authorship of the thing decided: who wrote, sponsored or proposed a bill or a plan, who
#: led a ballot for a strike, supports it ("Sen. Laura Roe, who wrote the bill"). (A campaign
#: or a petition is left out: it is as often against the development as for it.)
_AUTHOR = re.compile(
    r"\b(?:wrote|writes|authored|sponsored|sponsors|co-sponsored|introduced|introduces|"
    r"drafted|drafts|proposed|proposes|tabled|tables|championed|champions|spearheaded|led|"
    r"leads|organised|organized|ran)\s+(?:the|this|a|an|her|his|their|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:bill|measure|plan|proposal|motion|legislation|law|scheme|policy|amendment|"
    r"ballot|initiative|reform|bid)\b(?!\s+against)",
    re.I,
)


_REFUSED_CLAIM = re.compile(
    r"\b(?:refus|declin)\w*\s+to\s+(?:(?:either\s+)?(?:confirm|deny|comment)\w*"
    r"(?:\s+or\s+(?:confirm|deny)\w*)?)",
    re.I,
)


def refused_claims(segments: tuple[str, ...]) -> frozenset[str]:
    """The stances an actor's refusal rules out ("refused to deny" is no denial, "declined
    to confirm" no confirmation, "declined to comment" neither): labels a judgement from
    elsewhere (the model's) must not give the actor."""
    out: set[str] = set()
    for segment in segments:
        for match in _REFUSED_CLAIM.finditer(segment):
            words = match.group().lower()
            if "deny" in words or "comment" in words:
                out.add("denies")
            if "confirm" in words or "comment" in words:
                out.add("confirms")
    return frozenset(out)


#: A connective set between a subject and its verb in commas (", however,", ", for its
#: part,", ", meanwhile,"): the subject is before it.
_ASIDE = re.compile(
    r",\s*(?:however|though|meanwhile|too|also|instead|nonetheless|nevertheless|in turn|"
    r"in contrast|by contrast|in response|for (?:its|his|her|their|our) part|on the other hand|"
    r"for now|so far|in a statement|separately)\s*,?\s*$",
    re.I,
)


def stance_subjects(sentence: str) -> list[tuple[str, int]]:
    """The named subjects of the reporter's stance verbs in one sentence ("The digital rights
    group Open Line, which brought the case, welcomed the judgment" gives ``("Open Line",
    34)``), as ``(name as written, offset in the sentence)``: actors the article gives a
    stance without quoting them or reporting them saying anything. Capitalised names only."""
    from .claims import subject_before  # claims reads subjects the same way

    clean = _RELATIVE.sub(lambda m: " " * len(m.group()), sentence)
    out = []
    for match in _CUE.finditer(clean):
        word = match.group().lower()
        before = clean[: match.start()]
        if word.endswith("ing") or _NEGATED.search(before[-20:]):
            continue
        if word.split()[0] in _NOUN_HOMOGRAPHS or _DETERMINER_BEFORE.search(before):
            continue
        if re.match(r"\s+(?:you|ye)\b", clean[match.end() :], re.I):
            continue  # "Paul Renshaw and Leanne Fothergill, thank you both": an address
        # "The Lorry Owners Association, however, welcomed …": past the aside to the subject
        before = _ASIDE.sub(lambda m: " " * len(m.group()), before)
        subject = subject_before(before.rstrip(" ,"))
        if subject and subject[:1].isupper() and subject.split()[-1][:1].isupper():
            at = before.rfind(subject)
            if at >= 0 and not re.search(
                r"\b(?:of|at|from|for|with|by|to|in)\s+(?:the\s+)?$", before[:at], re.I
            ):  # "Carol Aske, of the Royal Guild of Midwives, warned": the person warns
                # "Ana Ruiz and Tom Ede welcomed …": each of them
                offset = 0
                names = re.split(r"\s+and\s+", subject)
                if len(names) == 2 and _one_body(*names):
                    names = [subject]  # "The Brackenholt and District Chamber of Commerce"
                for name in names:
                    offset = subject.find(name, offset)
                    if name[:1].isupper():
                        out.append((name, at + offset))
                    offset += len(name)
    return out


def _one_body(first: str, second: str) -> bool:
    """Whether "first and second" is one body's name: the second names a body
    ("District Chamber of Commerce") and the first is a place or a name of no body
    ("Brackenholt"), no person's name of two words."""
    words = [w.lower().strip(".,") for w in second.split()]
    return (
        any(w in ORGANISATION_WORDS for w in words)
        and not any(w.lower() in ORGANISATION_WORDS for w in first.split())
        and len(re.sub(r"^(?:The|the)\s+", "", first).split()) == 1
    )


_BY_AGENT = re.compile(
    rf"(?<![\w-])(?P<verb>{word_alternation([f for f in _VERB_FORMS if f.endswith('ed')])})"
    r"\s+by\s+",
    re.I,
)


def passive_cue(subject_segments: tuple[str, ...]) -> str | None:
    """The stance a passive gives the actor named after "by" ("The decision was welcomed by
    the residents' association Vizinhos do Cais", "a plan criticised by Age Concern"):
    ``subject_segments`` are the words before each mention of the actor; None without one."""
    for segment in subject_segments:
        found = max(_BY_AGENT.finditer(segment), key=lambda m: m.start(), default=None)
        if found is None:  # (the last "<verb> by" before the mention)
            continue
        between = segment[found.end() :]
        if (
            len(between) <= 120
            and not re.search(r"[.;:]", between)
            and _CUE.search(between) is None  # "criticised by X, was defended by Y"
            and not _NEGATED.search(segment[max(0, found.start() - 20) : found.start()])
        ):
            return _VERB_FORMS[found.group("verb").lower()]
    return None


#: Demanding that someone go ("demanded Aalto's resignation", "called for the chief to
#: resign", "urged her to step down"): blame, not mere objection.
_DEMANDS_RESIGNATION = re.compile(
    r"\b(?:demand\w*|call(?:s|ed|ing)?\s+(?:for|on)|urg\w*)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:resignation|to\s+resign|to\s+step\s+down|to\s+quit|sacking|dismissal)\b",
    re.I,
)
#: Asking for what would stop, delay or re-examine what was done ("called for an
#: independent survey before any demolition", "demanded a public inquiry", "urged a pause",
#: "is seeking a judicial review", "vowed to take the matter to court"): against it, though
#: "call for" alone backs what is called for.
_CALLS_TO_STOP = re.compile(
    r"\b(?:(?:call|calls|called|calling|demand\w*|urg\w*|press\w*|push\w*|seek\w*|sought|"
    r"ask\w*|appeal\w*)\s+(?:for\s+)?(?:an?\s+|the\s+)?(?:(?:independent|urgent|full|"
    r"public|immediate|judicial|formal|legal|fresh|new|proper|thorough|emergency)\s+)*"
    r"(?:review|inquiry|enquiry|investigation|survey|halt|pause|delay|moratorium|rethink|"
    r"reversal|suspension|audit|probe|reconsideration|u-turn|challenge|injunction|"
    r"stay)\b|\b(?:lodg\w*|fil(?:e|es|ed|ing)|threaten\w*|vow\w*|launch\w*)\s+"
    r"(?:an?\s+|the\s+)?(?:(?:formal|legal|court|judicial)\s+)*(?:challenge|injunction|"
    r"lawsuit|judicial\s+review)\b|\b(?:take|taking|took|taken|takes)\s+(?:the\s+(?:matter|case|decision|issue|"
    r"council|government|ministry|company|board)\s+|it\s+|them\s+)to\s+(?:the\s+)?"
    r"(?:\w+\s+){0,3}?(?:court|tribunal|ombudsman)\b|\bwalk(?:ed|s)?\s+out\b|"
    # "would ask the languages commissioner to investigate", "urged ministers to intervene"
    r"\b(?:ask\w*|urg\w*|call(?:s|ed|ing)?\s+on|press\w*|petition\w*|lobb\w*)\s+"
    r"(?:[\w’'-]+\s+){1,5}?to\s+(?:investigate|intervene|review|reconsider|overturn|block|"
    r"halt|stop|reverse|step\s+in|think\s+again|look\s+again|call\s+in)\b|"
    # a petition or a referendum sought against it
    r"\b(?:gather\w*|collect\w*)\s+(?:\w+\s+)?signatures\b|"
    r"\b(?:start\w*|launch\w*|organi[sz]\w*|set\s+up)\s+an?\s+petition\b|"
    r"\bforce\s+an?\s+(?:referendum|vote|recall)\b)",
    re.I,
)


#: A stance given as a phrase ("has written in support of the application", "voted in
#: favour of the scheme", "spoke in opposition to it").
_IN_FAVOUR = re.compile(
    r"\b(?:in|of)\s+(support|favou?r|opposition)\s+(?:of|to|for)\b", re.IGNORECASE
)


def reporter_cue(segments: tuple[str, ...]) -> str | None:
    """The stance the reporter's words give the actor: the first stance verb or adjective
    of ``segments`` (not negated) in the actor's own clause, with "rejected calls/criticism"
    as defends, "rejected claims/accusations" as denies, a concession followed by "but" as
    defends and advice to the public ("urged people not to travel") as warns; None without
    one."""
    for segment in segments:
        if (found := _segment_cue(segment)) is not None:
            return found
    return None


@lru_cache(maxsize=65_536)
def _segment_cue(segment: str) -> str | None:
    """``reporter_cue`` of one segment (memoised: an actor's clauses are read once for the
    cast and again for the stances, and a long article repeats its cue lines)."""
    if _CONCEDE_BUT.search(segment):
        return "defends"
    clause = _RELATIVE.sub(",", segment)  # "the agreement, which halves the disputed fee,"
    clause = clause[: m.start()] if (m := _CLAUSE_END.search(clause)) else clause
    # "refused to deny", "declined to confirm": neither the refusal nor the verb refused
    # is a stance on the development
    clause = _REFUSED_TO.sub(" ", clause)
    for pattern, position in ((_DENIES_CLAIM, "denies"), (_REJECTS_CRITICISM, "defends")):
        found = pattern.search(clause)
        if found and not _NEGATED.search(clause[max(0, found.start() - 20) : found.start()]):
            return position  # "did not deny the reports" is no denial
    if _ADVICE.search(clause):
        return "warns"
    if _DEMANDS_RESIGNATION.search(clause):
        return "condemns"
    if (found := _CALLS_TO_STOP.search(clause)) and not _NEGATED.search(
        clause[max(0, found.start() - 20) : found.start()]
    ):
        return "opposes"
    if _AUTHOR.search(clause):
        return "supports"
    if (found := _IN_FAVOUR.search(clause)) and not _NEGATED.search(
        clause[max(0, found.start() - 20) : found.start()]
    ):
        return "opposes" if found.group(1).lower().startswith("opposition") else "supports"
    for match in _CUE.finditer(clause):
        before = clause[: match.start()]
        if _NEGATED.search(before[-20:]):
            continue
        word = match.group().lower()
        if word.endswith("ing") and word not in _ADJECTIVE_FORMS:
            continue  # a participle clause ("…, supporting the inquiry") is about another act
        if word.split()[0] in _NOUN_HOMOGRAPHS and not _VERB_BEFORE.search(before):
            continue  # "the attack", "get back", "their support": a noun or an adverb
        if word in ("back", "backs") and not _RIGHT_AFTER_AUXILIARY.search(before):
            continue  # "is to hand back", "will pay back": a particle of another verb
        if " " not in word and _DETERMINER_BEFORE.search(before):
            continue  # "the disputed fee", "a welcome step": an adjective, not the actor's act
        if _REQUEST_AFTER.match(clause, match.end()):
            continue  # "denied the promoter's request for an injunction": a ruling, no denial
        if _MOTION_AFTER.match(clause, match.end()):
            continue  # "slammed into the reef", "hit out across": a movement, not a stance
        if (
            word.endswith("ed")
            and word not in _ADJECTIVE_FORMS
            and _AGENT_AFTER.match(clause, match.end())
        ):
            continue  # "criticised by", "Ex-official accused of fraud": done to the actor
        return _VERB_FORMS.get(word) or _ADJECTIVE_FORMS[word]
    return None


#: Offices that speak for a government: a minister or secretary of state answers for what
#: a ministry, department or the government did.
_GOVERNMENT_OFFICES = re.compile(
    r"\b(?:minister|secretary of state|(?<!general )secretary|chancellor|premier)\b", re.I
)
_GOVERNMENT_BODIES = {"government", "ministry", "department", "cabinet", "administration"}
#: A secretary of some other body: a possessive or a body of members before the title.
_OTHER_BODY_SECRETARY = re.compile(
    r"[’']s\s+(?:\w+\s+)?secretary|\b(?:union|club|society|association|cooperative|"
    r"co-operative|guild|federation|league|party|campaign|group|committee)\b",
    re.I,
)

#: Titles that head a kind of body, for a development named by the body ("District delays
#: start of school year": the superintendent speaks for the district).
_HEADS: dict[str, tuple[str, ...]] = {
    "superintendent": ("district", "school", "schools"),
    "headteacher": ("school",),
    "head teacher": ("school",),
    "principal": ("school", "college"),
    "chief constable": ("police", "force"),
    "police chief": ("police", "department"),
    "commissioner": ("police", "commission"),
    "chief executive": ("company", "firm", "trust", "operator", "group"),
    "managing director": ("company", "firm", "operator"),
    "ceo": ("company", "firm", "group"),
    "mayor": ("city", "council", "town"),
    "council leader": ("council",),
    "vice-chancellor": ("university",),
    "coach": ("team", "club"),
    "manager": ("team", "club"),
    "dean": ("cathedral", "faculty", "college", "school"),
    "harbourmaster": ("harbour", "port"),
    "harbour master": ("harbour", "port"),
    "harbormaster": ("harbor", "port"),
    "town clerk": ("council", "town"),
    "parish clerk": ("council", "parish"),
    "clerk": ("council",),
    "archdeacon": ("church", "parish", "diocese", "cathedral"),
    "vicar": ("church", "parish"),
    "rector": ("church", "parish", "university", "college"),
    "bishop": ("church", "diocese", "cathedral"),
    "chief fire officer": ("fire", "brigade"),
    "fire chief": ("fire", "department"),
    "editor": ("newspaper", "paper", "magazine"),
    "curator": ("museum", "gallery"),
    "warden": ("park", "college", "prison"),
    "governor": ("state", "bank", "prison"),
}
_HEAD = re.compile(rf"\b(?:{word_alternation(_HEADS)})\b", re.I)


def is_agent(
    role: str, name: str, development: str, context: tuple[str, ...] = (), headline: str = ""
) -> bool:
    """Whether the actor speaks for the body the development is about: a body word ("council",
    "bank", "police", "company"…: ``vocabulary.BODY_WORDS``) in the actor's role or name
    that the headline or first sentence also uses, or a minister or secretary where the
    development is a government's, ministry's or department's doing. ``context``: the
    words before the actor's mentions ("The rail minister, Lord Patel"), read like the role.
    A body the role names ("chief executive of Brightwater Energy") is the development's when
    ``headline`` names it too.
    """
    if _opens_with(name, headline, development) or _decided(name, development):
        return True  # "Kestrel Energy to raise prices": the actor the development is about
    if ";" in headline:
        # "DCW scraps Sta. Lucida seawall; mayor cries foul": the headline's second clause
        # is a reaction to the development, not part of it
        development = development.replace(headline.split(";", 1)[1], " ")
    told = set(re.findall(r"[a-z]+", development.lower()))
    if re.search(r"\bgov(?:[’']?t|\.)(?!\w)", development, re.I):
        told.add("government")  # a headline's "Gov't to sell …"
    # a relative clause describes the actor; it makes them the body's only where they lead
    # or speak for it ("who chairs the council"), not "who works at a university café"
    context = tuple(c for c in context if not _RELATIVE_START.match(c) or _LEADS_IT.match(c))
    described = " ".join([role, name, *context])
    titles = {_TITLE_ABBREVIATIONS.get(w, w) for w in re.findall(r"[a-z]+", role.lower())}
    if titles & _OFFICE_NOUNS & told:
        return True  # "Gov. Maria Delgado" on "Governor vetoes rent cap bill"
    acronyms = {  # a body's initials, not a title's ("MP", "CEO")
        a
        for a in re.findall(r"\b[A-Z]{2,}\b", " ".join([role, *context]))
        if a.lower() not in ROLE_WORDS
    }
    if acronyms & set(re.findall(r"\b[A-Z]{2,}\b", development)):
        return True  # "the EU's foreign policy chief" on "EU extends sanctions"
    first = name.split()[0] if name.split() else ""
    if (
        DEMONYM.fullmatch(first)
        and set(name.lower().split()) & BODY_WORDS
        and first.lower() not in told
    ):
        return False  # "Ukrainian military intelligence" on "South Korean intelligence says…"
    own = {w for w in re.findall(r"[a-z]+", described.lower()) if w in BODY_WORDS}
    if _GOVERNMENT_OFFICES.search(described) and not _OTHER_BODY_SECRETARY.search(role):
        own |= _GOVERNMENT_BODIES  # not "the cooperative's secretary", "union secretary"
    for head in _HEAD.findall(described):
        own |= set(_HEADS[head.lower()])
    # a body named in the role that the development does not name is another body
    # ("chief economist at Nordhaven Bank" on "Central bank holds rates")
    # (capitalised title words, "Police Chief", are no body's name)
    # (nor a minister's portfolio: "Minister of Utilities", "Secretary of State for Health")
    portfolio = _PORTFOLIO.sub(r"\1", role)
    named = [
        n for n in re.findall(r"(?<!^)\b[A-Z][a-z]+", portfolio) if n.lower() not in ROLE_WORDS
    ]
    if any(n.lower() not in told and n.lower() not in BODY_WORDS for n in named):
        return False
    # a body the role names that the development names too ("chief executive of Brightwater
    # Energy" on "Brightwater Energy opens…"); a nationality before a title names no body
    # ("South Korean President" on "… North Korean troops …")
    proper = [n for n in named if n.lower() not in BODY_WORDS and not _demonym_of_title(n, role)]
    # the headline's opening name, its subject ("Brightwater Energy opens…", not a place
    # further on: "Trawlers blockade Port Alvor")
    opening = re.match(r"(?:[A-Z][\w’'-]*\s*)+", headline.strip())
    titled = set(re.findall(r"[a-z]+", opening.group().lower())) if opening else set()
    return bool(own & told) or bool(proper and all(n.lower() in titled for n in proper))


#: A minister's portfolio after the title ("Minister of Works and Transport").
_PORTFOLIO = re.compile(
    r"\b(Minister|Secretary|Commissioner)\s+(?:of|for)\s+(?:State\s+for\s+)?"
    r"[A-Z][a-z]+(?:\s+(?:and\s+|&\s+)?[A-Z][a-z]+)*"
)
_RELATIVE_START = re.compile(r"\s*(?:who|whose|which|that)\b", re.I)
_LEADS_IT = re.compile(
    r"\s*who\s+(?:now\s+|also\s+)?(?:chairs|leads|heads|runs|manages|directs|speaks\s+for|"
    r"represents|sits\s+on|works\s+for|is\s+(?:the|a|its)\b)",
    re.I,
)


_SAYS_AFTER = re.compile(
    rf"^\s*(?:(?:has|have|had|also|again|on \w+)\s+)*"
    rf"(?:{word_alternation({*(f for f in _VERB_FORMS if ' ' not in f), *SPEECH_VERB_FORMS})}"
    r"|hits|vows|demands|calls|urges)\b",
    re.I,
)
#: A member of the deciding body on the losing side of its vote: "one of the two no votes",
#: "the lone no vote", "who voted against", "in a dissenting opinion", "the only dissenter".
_DISSENT = re.compile(
    r"\b(?:(?:one\s+of\s+the\s+\w+|the\s+(?:lone|only|sole))\s+(?:no|dissenting)\s+votes?|"
    r"(?:lone|only|sole)\s+vote\s+against|"
    r"(?:who\s+)?voted\s+(?:against|no\b)|in\s+(?:a|his|her|their)\s+dissent(?:ing\s+opinion)?|"
    r"dissenting\s+(?:opinion|judgment|judgement|view)|the\s+(?:lone|only|sole)\s+dissenter)\b",
    re.I,
)
#: Appositives after a name ("Tom Ashby, the MP for Weald, who sits on…, said"): passed over
#: to reach the name's verb.
_APPOSITIVES = re.compile(r"^(?:\s*,[^,]{1,120}(?=,))+\s*,")


#: Verbs of taking a decision, as the lead reports who took it ("after Kestrel Bay Council
#: approved…", "after its board voted 4-1").
DECISION_VERBS = (
    "voted|approved|agreed|decided|ruled|backed|rejected|ordered|banned|passed|adopted|"
    "endorsed|granted|refused|overturned|upheld|scrapped|cancelled|canceled"
)


def _decided(name: str, development: str) -> bool:
    """Whether the lead names the actor as the one who took the decision ("… after Kestrel
    Bay Council approved the levy", "… after the town's Board of Selectmen voted")."""
    bare = re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.I)
    if len(bare) < 3 or not bare[:1].isupper():
        return False
    return (
        re.search(
            rf"\b{re.escape(bare)}\s+(?:(?:on|last|this)\s+\w+\s+|unanimously\s+)?"
            rf"(?:{DECISION_VERBS})\b",
            development,
        )
        is not None
    )


def _opens_with(name: str, headline: str, development: str) -> bool:
    """Whether the headline or the first sentence (past its dateline) opens with the actor's
    name as the subject of what happened ("Kestrel Energy to raise prices…"), not of a
    stance or a speech ("Union slams…", "Mayor says…")."""
    bare = re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.I)
    if len(bare) < 3 or not bare[:1].isupper():
        return False
    first = development[len(headline) :].strip() if development.startswith(headline) else ""
    for opening in (headline, first[dateline_length(first) :]):
        opening = re.sub(r"^(?:the)\s+", "", opening.strip(), flags=re.I)
        if not opening.lower().startswith(bare.lower()):
            continue
        rest = opening[len(bare) :]
        if rest[:1].isalnum():
            continue  # the start of a longer name
        verb = _APPOSITIVES.sub("", rest).lstrip(" ,")
        if not _SAYS_AFTER.match(verb):
            return True
    return False


def _demonym_of_title(word: str, role: str) -> bool:
    """Whether ``word`` is a nationality adjective qualifying a title in ``role`` ("Korean" in
    "South Korean President", "French" is not caught: a word that names no body either way)."""
    if not DEMONYM.fullmatch(word):
        return False
    after = role[role.find(word) + len(word) :].split()
    return not after or after[0].lower().strip(",") in ROLE_WORDS


#: A machine's failure ("the back-up motor had failed to engage", "a sensor failure"): a
#: fault told, not blame of anyone.
_MACHINE_FAILED = re.compile(
    r"\b(?:motor|engine|system|pump|brake|valve|sensor|alarm|generator|drive|component|part|"
    r"device|machine|equipment|software|server|signal|switch|gear|battery|circuit|cable|"
    r"hinge|latch|spring|lift|turbine|boiler)s?\s+(?:(?:had|has|have|was|were)\s+)?"
    r"(?:(?:also|then|again|apparently|reportedly)\s+)?(?:failed|failure)\b"
    r"|\bfailed\s+to\s+(?:engage|start|work|open|close|operate|deploy|activate|function|"
    r"trigger|kick\s+in|switch\s+on|ignite)\b",
    re.IGNORECASE,
)


def quote_stance(quotes: tuple[str, ...], adverse: bool = False) -> str | None:
    """The stance the actor's own words show: an apology or admission, then a denial, then
    the class with most evaluative words (``QUOTE_WORDS``; a defence or a condemnation
    counts double, being rarer and more specific); None when the quotations hold none.
    ``adverse``: the development is harm (``is_adverse``), so kind words (for the rescuers,
    for hand-washing) are no class of their own and the warning or blame around them wins."""
    counts = dict.fromkeys(QUOTE_WORDS, 0)
    text = " ".join(quotes)
    for match in _QUOTE_WORD.finditer(text):
        label = _QUOTE_WORD_LABEL[match.group().lower()]
        if label == "condemns" and _NEGATED_BLAME.search(
            text[max(0, match.start() - 16) : match.start()]
        ):
            continue  # "about age-appropriateness, not censorship": blame refused
        if label == "condemns" and _MACHINE_FAILED.search(
            text[max(0, match.start() - 40) : match.end() + 30]
        ):
            continue  # "a back-up motor had failed to engage": a fault, no one blamed
        if label == "supports" and _NEGATED_PRAISE.search(
            text[max(0, match.start() - 30) : match.start()]
        ):
            label = "opposes"  # "not fair on families", "we are not happy": praise denied
        if label == "condemns" and _WOULD_BE.search(
            text[max(0, match.start() - 24) : match.start()]
        ):
            label = "opposes"  # "closing it would be a disgrace": against a plan not yet done
        counts[label] += 1
    for quote in quotes:
        for match in _OWN_STANCE.finditer(quote):
            verb = match.group(1).lower()
            counts["opposes" if verb == "opposed" else _OWN_STANCE_VERBS[verb]] += 2
        counts["opposes"] += 2 * len(_OWN_REFUSAL.findall(quote))
    counts["warns"] += 2 * len(_CONDITIONAL_HARM.findall(text))  # a structure, not a word
    counts["opposes"] += len(_HOW_MEANT.findall(text))
    counts["defends"] += len(_CONCESSION.findall(text))  # doubled below, as a defence is
    for label in ("confirms", "denies"):
        if counts[label]:
            return label
    counts["condemns"] *= 2
    counts["defends"] *= 2
    if adverse:
        counts["supports"] = 0
    # on a tie, objection before praise: the marked word of the two ("promised us a future
    # … say thank you … a slap in the face")
    best = max(("defends", "condemns", "opposes", "supports", "warns"), key=lambda k: counts[k])
    return best if counts[best] else None


#: Backing given to people ("would support parents", "thanked the volunteers", "praised
#: crews"): support of them, not of what happened to them or was decided about them.
_BACKS_PEOPLE = re.compile(
    r"\b(?:support\w*|back(?:s|ed|ing)?|thank\w*|prais\w*)\s+(?:(?:the|its|their|all|local|"
    r"affected|those|every)\s+)*(?P<who>[a-z]+)\b"
)
#: People the story affects, whom backing is no backing of what befell them (not those who
#: decide: "backed officials" is another matter).
_BACKED_PEOPLE = (GROUP_NOUNS | ROLE_PLURALS) - {"officials", "authorities", "ministers", "leaders"}
#: A call for something ("called for the rent waiver to cover the full two years"): what is
#: called for, up to a preposition or a stop.
_CALLS_FOR = re.compile(r"\bcall(?:s|ed|ing)?\s+for\s+(?P<what>[^,.;:]{3,80})", re.I)
#: Words a call for the development itself uses ("called for the ban to be extended",
#: "called for the decision to be implemented quickly").
_THE_DEVELOPMENT = frozenset(
    "decision move plan plans ruling ban proposal proposals scheme deal policy measure "
    "measures law bill order it this".split()
)


#: The reporter's words of support whose object is the development itself ("welcomed the
#: news", "backed the decision", "praised the ban"): support of it even where a headline
#: tells it as harm ("They've stolen bonfire night").
_WELCOMES_IT = re.compile(
    r"\b(?:welcom|back|support|prais|applaud|endors|hail|cheer)\w*\s+(?:the|this|that|its|"
    r"their|his|her)\s+(?:[\w-]+\s+)?(?:news|announcement|decision|move|ban|plan|plans|"
    r"ruling|proposal|scheme|policy|measure|measures|change|changes|closure|cancellation|"
    r"order|law|bill|deal|verdict|sentence)\b",
    re.I,
)


def _backs_another(narrative: tuple[str, ...], development: str) -> bool:
    """Whether the reporter's words of support are about someone or something other than the
    development: backing people (``_BACKS_PEOPLE``: people the story affects are not what
    happened to them), or a call for something that shares no word with the development and
    is no word for it (a critic's demand: "called for the rent waiver to cover the full two
    years" under "hawker centre to close for rebuild")."""
    text = " ".join(narrative)
    if any(m.group("who") in _BACKED_PEOPLE for m in _BACKS_PEOPLE.finditer(text)):
        return True
    calls = list(_CALLS_FOR.finditer(text))
    if not calls:
        return False
    stems = {w[:5] for w in _words(development) if len(w) > 3}
    for call in calls:
        words = re.findall(r"[a-z]+", call.group("what").lower())
        if _THE_DEVELOPMENT & set(words[:3]) or {w[:5] for w in words if len(w) > 3} & stems:
            return False
    return True


def judge_stance(
    evidence: StanceEvidence, contested: bool = True, contested_only: bool = True
) -> tuple[str, str] | None:
    """``(label, why)``: the actor's stance on the development and the kind of evidence
    ("opposition", "reporter", "agent", "quote"), or None when the article shows none.

    Order: an opposition role (opposes, or condemns or supports where the reporter says so);
    the reporter's stance verb or adjective; the body the development is about (or that the
    lead says decided it: ``decided``), which defends it, good news and praise included
    (harm that befell it: only where ``contested``), unless its words confirm, deny,
    condemn or warn; the words of the actor's quotations (not "supports" where the
    development is harm that befell people: ``is_adverse``); then, for a quoted actor with
    no evaluative word: an analyst's role is neutral, and a plain witness (no office, no
    body) opposes what a protest headline is against (``is_protest``) and supports good
    news. ``contested_only=False`` (an article where an actor who does not speak for the
    development's body opposes or condemns it, ``judge_stances``): a plain witness who
    speaks for no body (``StanceEvidence.speaks_for``) and whose words show no class is on
    the side news copy quotes such witnesses for, against the development, unless the
    development is harm that befell people."""
    cue = reporter_cue(evidence.narrative) or passive_cue(evidence.subject_segments)
    adverse = is_adverse(evidence.headline or evidence.development)
    undoing = bool(_words(evidence.headline or evidence.development) & _UNDOING)
    if cue == "supports" and undoing and any(_AUTHOR.search(n) for n in evidence.narrative):
        cue = "opposes"  # who wrote the bill is against its veto
    if (
        adverse
        and cue == "supports"
        and not any(_WELCOMES_IT.search(n) for n in evidence.narrative)
    ):
        cue = None  # backing an inquiry or the staff is no support of the harm
    if _OPPOSITION.search(evidence.role) or any(
        _OPPOSITION.search(s) for s in evidence.subject_segments
    ):
        return (cue if cue in ("condemns", "supports") else "opposes"), "opposition"
    if any(
        _DISSENT.search(s) for s in (evidence.role, *evidence.subject_segments, *evidence.narrative)
    ):
        # a member of the deciding body who voted against it ("one of the two no votes",
        # "in a dissenting opinion") is against the decision, not its defender
        return ("condemns" if cue == "condemns" else "opposes"), "dissent"
    described = " ".join([evidence.role, *evidence.subject_segments])
    expert = bool(_ANALYST.search(" ".join([described, *evidence.narrative])))
    hedged = any(_HEDGE.search(t) for t in (*evidence.narrative, *evidence.quotes))
    if expert and hedged and cue in (None, "warns", "defends"):
        return "neutral", "role"  # an outside expert's caveat is no warning
    agent = (
        evidence.decided
        or evidence.for_decider
        or is_agent(
            evidence.role,
            evidence.name,
            evidence.development,
            (*evidence.subject_segments, *_appositives(evidence)),
            evidence.headline,
        )
    )
    if (
        cue == "defends"
        and not agent
        and any(_BACKS_DECISION.search(n) for n in evidence.narrative)
    ):
        return "supports", "reporter"  # insisting another's decision was right backs it
    if (
        cue == "confirms"
        and agent
        and not adverse
        and not any(_ADMITTED.search(n) for n in evidence.narrative)
    ):
        cue = None  # "…, the force confirmed": the doer announcing its decision, no admission
    if evidence.decided and cue in ("supports", "confirms", "warns", "opposes"):
        # the decider backing, announcing or confirming what it decided defends it, a
        # refusal or a ban included ("the licensing committee of … Council refused the
        # festival a licence": the council defends its refusal)
        return "defends", "agent"
    if cue == "condemns" and agent and any(_BLAMED_CAUSE.search(n) for n in evidence.narrative):
        # "Wennberg, chief financial officer, blamed a collapse in orders": the doer naming a
        # cause of what it did explains it; blame of a thing is no condemnation of the deed
        return "defends", "agent"
    if cue == "opposes" and quote_stance(evidence.quotes, adverse) == "condemns":
        return "condemns", "reporter"  # against it, in words of moral blame ("a massacre")
    if cue == "supports" and _backs_another(evidence.narrative, evidence.development):
        cue = None  # "would support parents", "called for the rent waiver to cover …"
    outsider = (
        bool(_OUTSIDE_EXPERT.search(described))
        and not _words(evidence.name) & BODY_WORDS
        and not _OPPOSITION.search(described)
    )
    if outsider and cue is None and not agent and not evidence.accused:
        if not hedged and quote_stance(evidence.quotes, adverse) == "warns":
            return "warns", "quote"  # "Without new capacity, the blackouts … will return"
        return "neutral", "role"  # an outside expert explains; their words are analysis
    if cue is not None:
        return cue, "reporter"
    # what the actor is reported saying about another party the development does not name
    # ("Experts said Iran might struggle…" in a story on troops) shows no stance on it
    words = (
        *evidence.quotes,
        *(r for r in evidence.reported if not _about_another(r, evidence.development)),
    )
    said = quote_stance(words, adverse)
    headline = evidence.headline or evidence.development
    if hedged and said in (None, "defends"):
        return "neutral", "hedge"  # "would examine whether…", "takes no view"
    if evidence.accused and words and said not in ("confirms", "denies", "condemns"):
        return "defends", "accused"  # what the accused says answers the charge
    if agent:
        if said in ("confirms", "denies", "condemns") or (said == "warns" and adverse):
            return said, "quote"
        if not adverse and _REPORTS_FACT.search(evidence.headline or evidence.development):
            return "confirms", "agent"  # "Nato says troops deployed": it vouches for a fact
        if said == "warns":
            return "defends", "agent"  # the decision-maker's warning is its justification
        if adverse:  # the body harm befell answers for its response, not for the harm
            return ("defends", "agent") if contested or said == "defends" else None
        if said == "supports" and not contested:
            return "supports", "agent"  # what no one contests, its maker hails: it backs it
        return "defends", "agent"  # a body explaining its own decision
    if said == "supports" and adverse:
        return None  # praise of the rescuers is not support of the fire
    if expert and said == "defends":
        return "neutral", "role"  # an outsider has no decision of its own to defend
    if said is not None:
        return said, "quote"
    if expert or hedged:
        return "neutral", "role"
    if not words:
        return None
    if is_protest(evidence.headline):  # officials are the other side of a protest
        official = _official(evidence.role, evidence.name) or any(
            _BUSINESS_DESCRIPTION.search(s) for s in evidence.subject_segments
        )  # "Developer Tolland Homes": the business whose scheme it is
        return None if official else ("opposes", "headline")
    if is_good_news(headline):
        return "supports", "headline"
    if (
        not contested_only
        and not adverse
        and not evidence.speaks_for
        and not _official(evidence.role, evidence.name)
    ):
        return "opposes", "witness"
    return None


#: Blame laid on a cause, not a person or body ("blamed a collapse in orders", "blamed the
#: weather", "blames rising costs for the cuts").
_BLAMED_CAUSE = re.compile(
    r"\bblam(?:ed|es|ing)\s+(?:it\s+on\s+)?(?:a|an|the|its|their|weak|weaker|higher|lower|"
    r"rising|falling|poor|slowing|soaring)\s+(?:[a-z-]+\s+){0,3}?(?:collapse|fall|drop|slump|"
    r"rise|weather|costs?|prices?|demand|orders?|sales|markets?|conditions|economy|inflation|"
    r"rates?|downturn|slowdown|shortage|shortages|storm|strike|pandemic|delays?)\b",
    re.I,
)


_OFFICE = re.compile(
    r"\b(?:minister|secretary|spokes\w*|official|officer|mayor|councill?or|president|chief|"
    r"director|executive|chair\w*|leader|manager|boss|inspector|sergeant|constable|"
    r"superintendent|commissioner|commander)\b",
    re.I,
)
#: A trade noun set before or after a business's name ("Developer Tolland Homes", "the
#: operator, Seaway Lines"): a business, no plain witness of a protest.
_BUSINESS_DESCRIPTION = re.compile(
    r"\b(?:developer|housebuilder|builder|contractor|operator|company|firm|retailer|"
    r"supplier|manufacturer|maker|landlord|owner|applicant)s?\b",
    re.I,
)


#: A headline that reports a fact on someone's word ("Nato says North Korean troops
#: deployed", "Police confirm two arrests"): its speaker vouches for the fact.
_REPORTS_FACT = re.compile(
    r"^[^:;]{2,60}?\b(?:says?|confirms?|reveals?|reports?|finds?|found)\s+(?!it\b|they\b)"
    r"[^,;:]*\b(?:were|was|are|is|have|has|had|deployed|killed|arrived|sent|found|detected)\b",
    re.I,
)
_ADMITTED = re.compile(r"\b(?:admit|acknowledg|conced|apologi[sz]|accept)\w*", re.I)


def _appositives(evidence: StanceEvidence) -> tuple[str, ...]:
    """What the reporter sets after the actor's name between commas ("said Professor Helena
    Fairweather, Vice-Chancellor of Fenholt University."): who they are, read like the role."""
    surname = evidence.name.split()[-1] if evidence.name else ""
    out = []
    for segment in evidence.narrative:
        at = segment.find(surname) if surname else -1
        found = _APPOSITIVE_AFTER.match(segment, at + len(surname)) if at >= 0 else None
        if found:
            out.append(found.group(1))
    return tuple(out)


_APPOSITIVE_AFTER = re.compile(r",\s+([^,.;:\"“”]{3,80})(?:[,.]|\s*$)")


def _official(role: str, name: str) -> bool:
    """Whether the actor speaks for a body or holds an office (a body word, a minister, a
    spokesperson, a chief): such an actor is no plain witness of the story's headline."""
    text = f"{role} {name}"
    return bool(_OFFICE.search(text) or _words(text) & BODY_WORDS)


def judge_stances(evidence: list[StanceEvidence]) -> list[tuple[str, str] | None]:
    """``judge_stance`` for every actor of one article: the development is contested when
    an actor who does not speak for its body opposes or condemns it."""
    accused = {e.key for e in evidence if e.accused}
    evidence = [
        replace(e, accused=True) if e.speaks_for in accused and not e.accused else e
        for e in evidence
    ]
    plain = [judge_stance(e, contested=True) for e in evidence]
    contested = any(
        found is not None and found[1] != "agent" and found[0] in ("opposes", "condemns")
        for found in plain
    )
    if contested:
        found = [judge_stance(e, contested=True, contested_only=False) for e in evidence]
    else:
        found = [judge_stance(e, contested=False) for e in evidence]
    return _shared_with_body(evidence, found)


def _shared_with_body(
    evidence: list[StanceEvidence], found: list[tuple[str, str] | None]
) -> list[tuple[str, str] | None]:
    """A person who speaks for a body and the body share a stance where one of them shows
    none ("Billwise said the rise was unjustified… said Billwise director Omar Shafiq")."""
    by_key = {e.key: f for e, f in zip(evidence, found, strict=True) if f is not None}
    members: dict[str, tuple[str, str]] = {}
    for e, f in zip(evidence, found, strict=True):
        if f is not None and e.speaks_for:
            members.setdefault(e.speaks_for, f)
    out = []
    for e, f in zip(evidence, found, strict=True):
        if f is None and e.speaks_for and e.speaks_for in by_key:
            f = (by_key[e.speaks_for][0], "body")
        elif f is None and e.key in members:
            f = (members[e.key][0], "member")
        out.append(f)
    return out


#: Acts of a crowd against what happened ("booed", "marched", "picketed the depot") and for
#: it ("cheered", "applauded"): the stance a reader gives a crowd the reporter shows so.
_CROWD_AGAINST = (
    r"chant(?:ed|ing)|boo(?:ed|ing)|jeer(?:ed|ing)|heckl(?:ed|ing)|protest(?:ed|ing)|"
    r"march(?:ed|ing)|rall(?:ied|ying)|demonstrat(?:ed|ing)|picket(?:ed|ing)|"
    r"blockad(?:ed|ing)|occup(?:ied|ying)|shout(?:ed|ing)|walked\s+out|staged\s+a\s+\w+|"
    r"wav(?:ed|ing)\s+(?:placards|banners|signs)|(?:held|holding)\s+(?:placards|banners|signs)|"
    r"gathered\s+(?:[^.;]{0,80}?\s+)?(?:with|holding|carrying)\s+(?:placards|banners|signs)|"
    r"gathered\s+(?:[^.;,]{0,60}?\s+)?in\s+protest|stood\s+[^.;]{0,60}?\s+with\s+(?:a\s+)?"
    r"(?:banner|placards?|signs?)"
)
_CROWD_FOR = (
    r"cheer(?:ed|ing)|applaud(?:ed|ing)|celebrat(?:ed|ing)|gave\s+\w+\s+a\s+standing\s+ovation"
)
_COUNT = (
    r"(?:(?:about|some|nearly|around|more\s+than|over|almost|at\s+least|roughly|up\s+to)\s+)?"
    r"(?:(?:\d[\d,]*|a\s+dozen|dozens|hundreds|thousands|scores|a\s+few|several|many|two|three|"
    r"four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|a\s+hundred|a\s+handful|a\s+section|a\s+group|a\s+crowd|a\s+knot|a\s+line|"
    r"a\s+row)\s+(?:of\s+(?:the\s+)?)?)?"
)
_CROWD_HEADS = (
    GROUP_NOUNS
    - {"police", "officials", "authorities", "prosecutors", "investigators", "analysts",
       "experts", "economists", "observers", "diplomats", "sources", "lawmakers", "ministers",
       "leaders", "spokespeople", "regulators", "inspectors", "rescuers", "firefighters",
       "paramedics", "troops", "soldiers", "militants", "rebels", "member", "insider",
       "insiders", "source", "someone", "somebody", "voice", "person", "man", "woman",
       "customer", "shopper", "passenger", "bystander", "onlooker", "unions", "members"}
) | {"children", "pupils", "families", "tenants", "traders", "vendors", "drivers", "mourners",
     "spectators", "audience", "hecklers", "marchers", "picketers", "strikers", "commuters",
     "worshippers", "landowners", "fishermen", "volunteers", "motorists", "cyclists",
     "patients"}  # fmt: skip
_CROWD = re.compile(
    r"(?:^|(?<=[.;:!?]\s)|(?<=,\s)|"
    + "|".join(rf"(?<=\b{w}\s)" for w in ("and", "as", "while", "when", "after", "before", "where"))
    + ")"
    rf"(?P<group>(?i:(?:the\s+|a\s+|an\s+)?{_COUNT})"
    rf"(?:(?:[a-z]+|[A-Z][\w’'-]+)\s+){{0,2}}?"
    rf"(?i:{word_alternation(_CROWD_HEADS)})\b"
    r"(?:\s+and\s+(?:their\s+|the\s+|other\s+)?[a-z]+)?"
    r"(?:\s+(?:in|at|from|outside|along|on|inside|near|of)\s+"
    r"(?:the\s+|a\s+|an\s+)?(?:[A-Z][\w’'-]*\s+)*(?:[a-z][\w’'-]*\s+)?[\w’'-]+){0,3})"
    # what they carried or wore on the way ("Protesters carrying a banner reading …")
    r"(?P<between>(?:\s+(?:holding|carrying|waving|wearing|clutching)\s+[^.;!?]{0,90}?)?"
    r"(?:,\s+(?:some\s+of\s+whom|who|many\s+of\s+whom)[^,]{0,100},)?"
    r"(?:\s+(?:made|were|was|had|have|stood|sat|waited|lined|gathered|packed|filled|"
    r"crowded|massed|assembled)\b[^.;!?“”\"]{0,100}?,)?\s+"
    r"(?:(?:had|have|has|were|was|also|then|again|loudly)\s+)*(?:\w+ly\s+)?)"
    rf"(?P<act>{_CROWD_AGAINST}|{_CROWD_FOR})\b",
)
#: A chant of one name over and over ("Ben! Ben! Ben!"): for that person.
_NAME_CHANT = re.compile(r"^\s*([A-Z][\w’'-]+)[!,.]?(?:\s+\1[!,.]?){1,}\s*$")


def crowd_stances(sentence: str, chants: tuple[str, ...] = ()) -> list[tuple[str, int, str]]:
    """The crowds and groups a sentence shows acting for or against what happened, as
    ``(phrase as written, offset in sentence, label)``: "About forty farmers … gathered
    outside County Buildings with placards" opposes, "a section of the crowd chanted …"
    opposes, "the crowd at the brewery cheered" supports. ``chants``: the words the
    sentence quotes (read for their class: "Shame on you!" condemns; one name chanted over
    and over supports). A group named as the object of someone else's act is not caught:
    the phrase opens a sentence or clause. Pure."""
    out = []
    for found in _CROWD.finditer(sentence):
        group = found.group("group").strip()
        if len(group.split()) > 9:
            continue
        act = found.group("act").lower()
        label = "supports" if re.fullmatch(_CROWD_FOR, act) else "opposes"
        if act.startswith("chant") or act.startswith("shout"):
            said = quote_stance(chants)
            if any(_NAME_CHANT.match(c) for c in chants):
                label = "supports"
            elif said in ("condemns", "supports"):
                label = said
        out.append((group, found.start("group"), label))
    return out
