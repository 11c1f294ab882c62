"""Key phrases: up to eight phrases that say what an item is about, chosen statistically.

Method (a tf-idf variant of RAKE, documented in docs/extraction.md):

1. Candidates are maximal runs of content words, split at punctuation, numbers and stop words.
   The stop list is general English function words plus the procedural vocabulary every set of
   minutes shares ("committee", "report", "members", "noted", "officer", reporting verbs).
   Runs longer than four words are split into their leading four-word windows.
2. Each word gets a weight ``tf(w) * idf(w)``, where ``tf`` is its frequency in the item and
   ``idf`` comes from a background table of word document-frequencies over general minutes
   language (``keyphrase_background.txt``, built from a corpus of generic minutes text: words every
   item uses score low, words particular to this item score high).
3. A phrase scores the mean weight of its words times ``1 + ln(count(phrase))``, with a small
   bonus for multi-word phrases and for phrases written as names (capitalised mid-sentence).
4. Phrases are taken best first, skipping any phrase already contained in (or containing) a chosen
   one unless it occurs clearly more often on its own.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path

MAX_PHRASES = 8
MAX_WORDS = 4
BACKGROUND_FILE = Path(__file__).with_name("keyphrase_background.txt")

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


def extract_keyphrases(text: str, limit: int = MAX_PHRASES) -> tuple[str, ...]:
    if not text or not text.strip():
        return ()
    candidates: list[list[tuple[str, bool]]] = []  # words with "written capitalised mid-sentence"
    for chunk in _SPLITTER.split(text):
        run: list[tuple[str, bool]] = []
        prev_end = 0
        first_word = True
        for m in _WORD.finditer(chunk):
            raw = m.group(0).strip("'’")
            low = raw.lower()
            sentence_start = first_word
            first_word = False
            if low in _STOP or len(low) < 2 or (raw.isupper() and len(raw) > 6) or low.isdigit():
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
    word_tf: dict[str, int] = {}
    for run in candidates:
        for w, _cap in run:
            for part in _singular(w.lower()).replace("-", " ").split():
                word_tf[part] = word_tf.get(part, 0) + 1
    # single lower-case verb forms and adverbs are never key phrases on their own
    candidates = [run for run in candidates
                  if len(run) > 1 or run[0][0][0].isupper() or not _VERBISH.search(run[0][0])]
    phrase_count: dict[str, int] = {}
    surface: dict[str, dict[str, int]] = {}
    capital: dict[str, bool] = {}
    for run in candidates:
        windows = [run] if len(run) <= MAX_WORDS else [run[i:i + MAX_WORDS] for i in range(0, len(run), MAX_WORDS)]
        for win in windows:
            key = " ".join(_singular(w.lower()) for w, _ in win).replace("-", " ")
            phrase_count[key] = phrase_count.get(key, 0) + 1
            form = " ".join(w for w, _ in win)
            surface.setdefault(key, {})
            surface[key][form] = surface[key].get(form, 0) + 1
            capital[key] = capital.get(key, False) or all(c for _w, c in win)
    scored = []
    for key, count in phrase_count.items():
        words = key.split()
        weight = sum(word_tf.get(w, 1) * _idf_word(w) for w in words) / len(words)
        score = weight * (1.0 + math.log(count))
        if len(words) > 1:
            score *= 1.0 + 0.5 * (len(words) - 1)
        if capital[key]:
            score *= 1.2
        elif len(words) == 1:
            score *= 0.7  # a lone common noun says less than a phrase or a name
        scored.append((score, key))
    scored.sort(key=lambda x: (-x[0], x[1]))
    chosen: list[str] = []
    for _score, key in scored:
        if len(chosen) >= limit:
            break
        if any(_contains(c, key) or _contains(key, c) for c in chosen):
            overlap = [c for c in chosen if _contains(c, key) or _contains(key, c)]
            if not all(phrase_count[key] >= 2 * phrase_count[c] and len(key.split()) < len(c.split()) for c in overlap):
                continue
        chosen.append(key)
    return tuple(max(surface[k].items(), key=lambda kv: (kv[1], kv[0][0].isupper()))[0] for k in chosen)


_VERBISH = re.compile(r"(?:ed|ing|ly|ise|ize|ised|ized)$")


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
