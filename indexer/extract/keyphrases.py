"""Key phrases: up to eight phrases that say what an item is about, chosen statistically.

Method (a tf-idf variant of RAKE, documented in docs/extraction.md):

1. Candidates are maximal runs of content words, split at punctuation, numbers and stop words.
   The stop list is general English function words plus the procedural vocabulary every set of
   minutes shares ("committee", "report", "members", "noted", "officer", reporting verbs).
   Runs longer than four words are split into their leading four-word windows. Plurals and
   hyphens are folded ("far-right groups" = "far right group").
2. Each word has a *specificity*: ``idf`` over general minutes language
   (``keyphrase_background.txt``: words every item uses score low) times a *rarity* factor from
   its general-English frequency (``keyphrase_english.txt``: "groups", "community", "women" are
   generic anywhere, "extremism", "gritting" are not). Its weight in the item is
   ``(1 + ln tf) * specificity``.
3. A phrase scores the mean weight of its words times ``1 + ln(count)`` and a bonus per extra
   word; names written capitalised mid-sentence gain a little, a lone common noun loses, and a
   lone place name ("in Leicester", "Leicester City Council") loses unless it is frequent.
4. A generic single word that heads a longer phrase in the item ("groups" in "far-right
   groups") gives way to that phrase. Phrases are taken best first, skipping any phrase
   contained in (or containing) a chosen one unless it occurs clearly more often on its own.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path

MAX_PHRASES = 8
MAX_WORDS = 4
MIN_SHARE_OF_BEST = 0.2  # a phrase scoring under a fifth of the best one is noise
GENERIC_ZIPF = 5.0  # an English word this common (e.g. "community", "women") is generic alone
BACKGROUND_FILE = Path(__file__).with_name("keyphrase_background.txt")
ENGLISH_FILE = Path(__file__).with_name("keyphrase_english.txt")

_STOP = frozenset(
    """
    a about above across after afterwards again against all almost alone along already also although
    always am among amongst an and another any anyone anything anyway anywhere are around as at back be
    became because become becomes been before beforehand behind being below beside besides between
    beyond both but by can cannot could did do does doing done down due during each either else
    elsewhere enough etc even ever every everyone everything everywhere except few first for former
    formerly from further furthermore had has have having he hence her here hereby herein hers herself
    him himself his how however i if in indeed into is it its itself just last least less many may me
    meanwhile might mine more moreover most mostly much must my myself namely neither never nevertheless
    next no nobody none noone nor not nothing now nowhere of off often on once one only onto or other
    others otherwise our ours ourselves out over own per perhaps please put rather re same see seem
    seemed seeming seems several she should since so some somehow someone something sometime sometimes
    somewhere still such than that the their theirs them themselves then thence there thereafter
    thereby therefore therein thereupon these they this those though through throughout thru thus to
    together too toward towards under until up upon us very via was we well were what whatever when
    whence whenever where whereafter whereas whereby wherein whereupon wherever whether which while
    whilst who whoever whole whom whose why will with within without would yet you your yours yourself
    yourselves s t ll ve d re m able about across actually already around away way ways yes whilst
    make made makes making take took taken takes taking give gave given gives giving get got gets
    getting go went gone goes going come came comes coming know knew known say said says saying tell
    told use used using uses want wanted need needed needs look looked looking see seen saw find found
    keen like likely lot lots number numbers part parts range point points time times year years month
    months week weeks day days today new old good great important key main major various different
    particular specific certain general overall current currently recent recently previous previously
    future further additional example instance case cases issue issues matter matters thing things area
    areas level levels kind sort type types also work working worked works ensure ensured provide
    provided providing provides include included including includes following follows followed
    agenda item items minutes minute meeting meetings committee committees council councils councillor
    councillors cllr member members chair chairman chairperson vice report reports reported reporting
    officer officers director head manager presentation presented update updated updates question
    questions queried query queries response responded respond responses answer answered reply replied
    asked ask asking noted note notes agreed agree resolved resolve resolution decision decisions
    recommended recommendation recommendations comment comments commented discussion discussed consider
    considered consideration raised raise explained explain stated state added advised advice informed
    inform confirmed confirm suggested suggest welcomed welcome thanked thank clarified highlighted
    expressed concern concerns heard considered outlined requested request circulated circulate
    process approach information detail details paper papers document documents appendix appendices attached copy views view opportunity
    support supported supporting role roles responsibility responsibilities progress position action
    actions place places authority authorities person available provided held hold holding co
    ordinator coordinator engage engaged engaging involve involved involving deliver delivered
    delivering help helped helping try tried trying continue continued continuing believe believed
    shall agrees approves notes spoke left million billion thousand ii iii iv vi vii viii ix xi xii
    received receive remained remain broken
    mr mrs ms dr st pm am january february march april may june july august september october november
    december monday tuesday wednesday thursday friday saturday sunday per cent percent approximately
    including within whether across regard regards regarding relation respect terms basis result
    results moving forward going forward wider wide broad large small big high low long short
    better best good bad clear clearly significant significantly possible appropriate relevant
    board boards cabinet panel panels forum executive sub-committee ward wards approve approval
    approving defer deferred deferral favour unable attend attended attending apologies apology
    declaration declarations declared interest interests absence present prior
    """.split()
)
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'’]*(?:-[A-Za-zÀ-ÖØ-öø-ÿ]+)*")
_SPLITTER = re.compile(r"[^\w\s'’-]|\d|_|\n\s*\n|\s[-–—]\s")


@lru_cache(maxsize=1)
def _background() -> tuple[dict[str, int], int]:
    """Document frequencies from the bundled background table: (word -> df, number of docs)."""
    df: dict[str, int] = {}
    n_docs = 1
    try:
        lines = BACKGROUND_FILE.read_text(encoding="utf-8").splitlines()
    except OSError:
        return df, n_docs
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            m = re.match(r"#\s*documents:\s*(\d+)", line)
            if m:
                n_docs = int(m.group(1))
            continue
        word, _, count = line.partition("\t")
        if count.isdigit():
            df[word] = int(count)
    return df, max(n_docs, 1)


def _idf(word: str) -> float:
    df, n = _background()
    return math.log((n + 1) / (df.get(word, 0) + 1)) + 1.0


@lru_cache(maxsize=1)
def _english() -> dict[str, float]:
    """General-English Zipf frequencies of common words (absent words are rarer than Zipf 4)."""
    out: dict[str, float] = {}
    try:
        lines = ENGLISH_FILE.read_text(encoding="utf-8").splitlines()
    except OSError:
        return out
    for line in lines:
        if line.startswith("#"):
            continue
        word, _, zipf = line.partition("\t")
        try:
            out[word] = float(zipf)
        except ValueError:
            continue
    return out


RARE_ZIPF = 4.0  # words below the table's floor
NEUTRAL_ZIPF = 4.6  # a word this common in English is neither favoured nor penalised


def _zipf(word: str) -> float:
    return _english().get(word, RARE_ZIPF)


@lru_cache(maxsize=65536)
def _rarity(word: str) -> float:
    """How much rarer than everyday English a word is: 0.35 (very common) to 1.25 (rare)."""
    table = _english()
    if "-" in word:
        return 1.25  # a hyphenated compound is rarer than its parts ("far-right", "fly-tipping")
    zipf = max(table.get(word, RARE_ZIPF), table.get(word + "s", 0.0) - 0.3)
    return min(1.25, max(0.35, 1.0 + (NEUTRAL_ZIPF - zipf) / 2.5))


def _specificity(word: str) -> float:
    return _idf_word(word) * _rarity(word)


def extract_keyphrases(text: str, limit: int = MAX_PHRASES) -> tuple[str, ...]:
    if not text or not text.strip():
        return ()
    candidates: list[list[tuple[str, bool]]] = []  # words with "written capitalised mid-sentence"
    for chunk in _SPLITTER.split(text):
        run: list[tuple[str, bool]] = []
        prev_end = 0
        first_word = True
        words = list(_WORD.finditer(chunk))
        for i, m in enumerate(words):
            raw = m.group(0).strip("'’")
            low = _lower_base(raw)
            sentence_start = first_word
            first_word = False
            if low in _NAME_LINKS and run and run[-1][0][:1].isupper() and i + 1 < len(words) and words[i + 1].group(0)[:1].isupper() \
                    and not chunk[prev_end:m.start()].strip():
                run.append((low, True))  # "Tour of Britain", "Code of Conduct": one name
                prev_end = m.end()
                continue
            if low in _STOP or low in _BASE_VERBS or len(low) < 2 or (raw.isupper() and len(raw) > 6) or low.isdigit():
                if run:
                    candidates.append(run)
                run = []
            else:
                if run and chunk[prev_end:m.start()].strip():
                    candidates.append(run)
                    run = []
                run.append((raw, raw[0].isupper() and not sentence_start))
            prev_end = m.end()
        if run:
            candidates.append(run)
    if not candidates:
        return ()
    candidates = _join_compounds(candidates)
    word_tf: dict[str, int] = {}
    for run in candidates:
        for w, _cap in run:
            part = _fold(w)
            word_tf[part] = word_tf.get(part, 0) + 1
    # single lower-case verb forms and adverbs are never key phrases on their own
    candidates = [run for run in candidates
                  if len(run) > 1 or run[0][0][0].isupper() or not _VERBISH.search(run[0][0])]
    # "budget assumed", "appropriately chaired": a clause fragment, not a noun phrase
    candidates = [_trim_verbish(run) for run in candidates]
    candidates = [run for run in candidates if run]
    surface: dict[str, dict[str, int]] = {}
    capital: dict[str, bool] = {}
    window_keys: list[list[str]] = []
    for run in candidates:
        windows = [run] if len(run) <= MAX_WORDS else [run[i:i + MAX_WORDS] for i in range(0, len(run), MAX_WORDS)]
        for win in windows:
            folded = [_fold(w) for w, _ in win]
            window_keys.append(folded)
            key = " ".join(folded)
            form = " ".join(w for w, _ in win)
            surface.setdefault(key, {})
            surface[key][form] = surface[key].get(form, 0) + 1
            capital[key] = capital.get(key, False) or all(c for _w, c in win)
    # a phrase's count includes its uses inside longer runs ("Prevent" in "the Prevent programme")
    phrase_count: dict[str, int] = dict.fromkeys(surface, 0)
    for folded in window_keys:
        n = len(folded)
        for i in range(n):
            for j in range(i + 1, n + 1):
                sub = " ".join(folded[i:j])
                if sub in phrase_count:
                    phrase_count[sub] += 1
    # the generic words that head a longer phrase here ("groups" of "far-right groups")
    heads = {key.split()[-1] for key in phrase_count if len(key.split()) > 1}
    places = _place_like(text)
    scored = []
    for key, count in phrase_count.items():
        words = key.split()
        weight = sum((1.0 + math.log(word_tf.get(w, 1))) * _specificity(w) for w in words) / len(words)
        score = weight * (1.0 + math.log(count))
        if len(words) > 1:
            score *= 1.0 + 0.5 * (len(words) - 1)
            if any("-" in w for w in words):
                score *= 1.3  # a hyphenated modifier makes a precise phrase ("far-right groups")
        elif key in heads and not capital[key] and _rarity(key) < 1.0:
            continue  # a generic head word gives way to the phrases it heads
        if capital[key]:
            score *= 1.2
            if all(w in places or w in _PLACE_WORDS for w in words) and any(w in places for w in words):
                score *= 0.25  # "in Leicester", "Leicester City": where, not what
        elif len(words) == 1:
            score *= 0.7  # a lone common noun says less than a phrase or a name
            if _zipf(key) >= GENERIC_ZIPF or _zipf(key + "s") >= GENERIC_ZIPF + 0.3:
                score *= 0.5  # and an everyday word ("community", "women") says little at all
        scored.append((score, key))
    scored.sort(key=lambda x: (-x[0], x[1]))
    chosen: list[str] = []
    floor = scored[0][0] * MIN_SHARE_OF_BEST if scored else 0.0
    for score, key in scored:
        if len(chosen) >= limit or score < floor:
            break
        if any(_contains(c, key) or _contains(key, c) for c in chosen):
            overlap = [c for c in chosen if _contains(c, key) or _contains(key, c)]
            # a shorter phrase inside a chosen one only when it is used clearly more on its own
            if not all(len(key.split()) < len(c.split()) and phrase_count[key] - phrase_count[c] >= max(3, 2 * phrase_count[c])
                       for c in overlap):
                continue
        chosen.append(key)
    return tuple(max(surface[k].items(), key=lambda kv: (kv[1], kv[0][0].isupper()))[0] for k in chosen)


# A capitalised word used as a place: "in Leicester", "across Rutland", "Leicester City Council".
_PLACE_CONTEXT = re.compile(
    r"\b(?:in|across|around|throughout|within|near)\s+(?P<a>[A-Z][a-z]+(?:[-\s][A-Z][a-z]+)?)\b(?!\s+(?:Office|Trust|Police|Group|Team)\b)"
    r"|\b(?P<b>[A-Z][a-z]+)\s+(?:City|County|Borough|District|Town|Parish)?\s*(?:Council|area|residents|wards?)\b"
)


_PLACE_WORDS = frozenset("city county borough district town parish council area ward".split())


def _place_like(text: str) -> frozenset[str]:
    found = set()
    for m in _PLACE_CONTEXT.finditer(text[:200_000]):
        word = (m.group("a") or m.group("b") or "").lower().replace("-", " ")
        if word and word not in _STOP and len(word.split()) == 1:
            found.add(_singular(word))
    return frozenset(found)


_VERBISH = re.compile(r"(?:ed|ing|ly|ise|ize|ised|ized)$")
_POSSESSIVE = re.compile(r"['’]s$")
_NAME_LINKS = frozenset({"of", "for", "on", "and"})
# verbs that minutes use in their base form ("agreed to introduce", "would reopen"): never topics
_BASE_VERBS = frozenset(
    "introduce require allow reopen withdraw withdrawn ensure enable reduce increase improve consider "
    "continue establish identify obtain explore encourage address reflect undertake deliver maintain "
    "remain become seek apply assess review recommend propose approve adopt accept refuse defer "
    "congratulate congratulating".split()
)
_ADVERB = re.compile(r"ly$")


@lru_cache(maxsize=65536)
def _lower_base(raw: str) -> str:
    """A word in lower case without its possessive "'s" (cached: minutes repeat their words)."""
    return _POSSESSIVE.sub("", raw).lower()


@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    """The comparison form of a word: lower case, singular; a hyphenated compound stays one word."""
    return "-".join(_singular(p) for p in _POSSESSIVE.sub("", word.lower().replace("’", "'")).split("-"))


def _join_compounds(candidates: list[list[tuple[str, bool]]]) -> list[list[tuple[str, bool]]]:
    """"far right" written open once and hyphenated once ("far-right") is one word both times."""
    compounds = {w.lower() for run in candidates for w, _c in run if "-" in w}
    pairs = {tuple(c.split("-")) for c in compounds if c.count("-") == 1}
    if not pairs:
        return candidates
    out = []
    for run in candidates:
        merged: list[tuple[str, bool]] = []
        i = 0
        while i < len(run):
            if i + 1 < len(run) and (run[i][0].lower(), run[i + 1][0].lower()) in pairs:
                merged.append((f"{run[i][0]}-{run[i + 1][0]}", run[i][1] and run[i + 1][1]))
                i += 2
                continue
            merged.append(run[i])
            i += 1
        out.append(merged)
    return out


def _trim_verbish(run: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Drop leading adverbs and trailing verb forms from a lower-case run."""
    while run and not run[0][0][0].isupper() and (
            _ADVERB.search(run[0][0]) or run[0][0].lower() in _PAST_FORMS
            or len(run) > 1 and run[0][0].endswith("ed") and _zipf(run[0][0].lower()) >= 5.0):
        run = run[1:]  # "appropriately", "grown faster", "called Channel": not part of the phrase
    while len(run) > 1 and not run[-1][0][0].isupper() and (_VERBISH.search(run[-1][0]) and not run[-1][0].endswith("ing")
                                                            or run[-1][0].lower() in _PAST_FORMS):
        run = run[:-1]
    return run


_PAST_FORMS = frozenset(
    "felt kept grown thought brought sought began begun shown met led paid spent won lost rose fell "
    "grew knew meant sent went saw heard built bought caught taught fought read ran set put cut hit "
    "happened".split()
)


def _singular(word: str) -> str:
    """Crude plural folding so "hate crimes" and "hate crime" count together."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ics")):
        return word[:-1]
    return word


@lru_cache(maxsize=65536)
def _idf_word(word: str) -> float:
    return min(_idf(word), _idf(word + "s")) if not word.endswith("s") else _idf(word)


def _contains(big: str, small: str) -> bool:
    return f" {small} " in f" {big} " and big != small
