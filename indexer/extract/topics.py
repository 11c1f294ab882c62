"""Topics: which subjects of council business an item is about, from a curated taxonomy.

The taxonomy is data (``topics.toml`` beside this module, or a deployment's own file in its
instance folder), so editors can change labels and terms without touching code. Scoring is a
weighted term count: for each topic, sum over its matched terms ``weight * (1 + ln(count))``,
with title matches counted three times (a title is the clerk's own summary). A topic is kept when
its score reaches ``MIN_SCORE`` and at least ``RELATIVE_CUTOFF`` of the best topic's score; at most
``MAX_TOPICS`` are kept. When no topic reaches the minimum, the best one is still kept if it has
``FALLBACK_SCORE`` (so that every item with any recognisable business gets a topic).
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

BUNDLED_TAXONOMY = Path(__file__).with_name("topics.toml")
MAX_TOPICS = 3
MIN_SCORE = 4.0
RELATIVE_CUTOFF = 0.35
FALLBACK_SCORE = 2.0
TITLE_WEIGHT = 3.0


class TaxonomyError(ValueError):
    """A taxonomy file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    terms: tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class Taxonomy:
    topics: tuple[Topic, ...]
    source: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "_matcher", _Matcher(self.topics))

    def score(self, text: str, title: str = "") -> list[tuple[str, float]]:
        """(label, score) for every topic with a match, best first."""
        return self._matcher.score(text, title)  # type: ignore[attr-defined]

    def classify(self, text: str, title: str = "") -> tuple[str, ...]:
        scored = self.score(text, title)
        if not scored:
            return ()
        best = scored[0][1]
        kept = [label for label, s in scored if s >= MIN_SCORE and s >= RELATIVE_CUTOFF * best]
        if not kept and best >= FALLBACK_SCORE:
            kept = [scored[0][0]]
        return tuple(kept[:MAX_TOPICS])


_TOKEN = re.compile(r"[\w£]+(?:['’-][\w]+)*")


class _Matcher:
    """Terms indexed by their word tuples; one tokenising pass over the text, then n-gram lookups
    starting only at words that begin some term (much faster than a regex alternation)."""

    def __init__(self, topics: tuple[Topic, ...]) -> None:
        self.labels = [t.label for t in topics]
        self.ci: dict[tuple[str, ...], list[tuple[int, float]]] = {}
        self.cs: dict[tuple[str, ...], list[tuple[int, float]]] = {}
        for i, topic in enumerate(topics):
            for term, weight in topic.terms:
                words = tuple(w.replace("’", "'") for w in _TOKEN.findall(term))
                if not words:
                    continue
                if _case_sensitive(term):
                    self.cs.setdefault(words, []).append((i, weight))
                else:
                    self.ci.setdefault(tuple(w.lower() for w in words), []).append((i, weight))
        self.ci_first = {k[0] for k in self.ci}
        self.cs_first = {k[0] for k in self.cs}
        self.max_len = max((len(k) for k in (*self.ci, *self.cs)), default=1)

    def _counts(self, text: str) -> dict[tuple[bool, tuple[str, ...]], int]:
        words = [w.replace("’", "'") for w in _TOKEN.findall(text)]
        lower = [w.lower() for w in words]
        counts: dict[tuple[bool, tuple[str, ...]], int] = {}
        n_words = len(words)
        for i in range(n_words):
            if lower[i] in self.ci_first:
                for n in range(1, min(self.max_len, n_words - i) + 1):
                    key = tuple(lower[i:i + n])
                    if key in self.ci:
                        counts[(False, key)] = counts.get((False, key), 0) + 1
            if words[i] in self.cs_first:
                for n in range(1, min(self.max_len, n_words - i) + 1):
                    key = tuple(words[i:i + n])
                    if key in self.cs:
                        counts[(True, key)] = counts.get((True, key), 0) + 1
        return counts

    def score(self, text: str, title: str) -> list[tuple[str, float]]:
        scores = [0.0] * len(self.labels)
        for counts, factor in ((self._counts(text), 1.0), (self._counts(title), TITLE_WEIGHT)):
            for (sensitive, key), n in counts.items():
                for i, weight in (self.cs if sensitive else self.ci).get(key, ()):
                    scores[i] += factor * weight * (1.0 + math.log(n))
        return sorted(((self.labels[i], s) for i, s in enumerate(scores) if s > 0), key=lambda x: (-x[1], x[0]))


def _case_sensitive(term: str) -> bool:
    return any(ch.isupper() for ch in term)


def parse_taxonomy(data: dict, source: str = "") -> Taxonomy:
    """Validate a parsed TOML document into a Taxonomy (clear errors name the offending topic)."""
    raw_topics = data.get("topics")
    if not isinstance(raw_topics, dict) or not raw_topics:
        raise TaxonomyError(f"{source or 'taxonomy'}: no [topics.<id>] tables found")
    topics = []
    for topic_id, body in raw_topics.items():
        if not isinstance(body, dict):
            raise TaxonomyError(f"{source}: topics.{topic_id} must be a table")
        label = body.get("label")
        terms = body.get("terms")
        if not isinstance(label, str) or not label.strip():
            raise TaxonomyError(f"{source}: topics.{topic_id} needs a non-empty label")
        if not isinstance(terms, dict) or not terms:
            raise TaxonomyError(f"{source}: topics.{topic_id} needs a terms table of term = weight")
        clean: list[tuple[str, float]] = []
        for term, weight in terms.items():
            if not isinstance(weight, (int, float)) or isinstance(weight, bool) or weight <= 0:
                raise TaxonomyError(f"{source}: topics.{topic_id} term {term!r} needs a positive number weight")
            if not term.strip():
                raise TaxonomyError(f"{source}: topics.{topic_id} has an empty term")
            clean.append((term.strip(), float(weight)))
        topics.append(Topic(id=str(topic_id), label=label.strip(), terms=tuple(clean)))
    return Taxonomy(topics=tuple(topics), source=source)


_CACHE: dict[tuple[str, float], Taxonomy] = {}


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """The bundled taxonomy, or a deployment's own file (e.g. ``InstancePaths.taxonomy_file``).

    Parsed files are cached by path and modification time, so calling this per item is cheap.
    """
    target = Path(path) if path is not None else BUNDLED_TAXONOMY
    try:
        stat = target.stat()
    except OSError as exc:
        raise TaxonomyError(f"{target}: cannot read taxonomy ({exc.strerror or exc})") from None
    key = (str(target.resolve()), stat.st_mtime)
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    try:
        data = tomllib.loads(target.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise TaxonomyError(f"{target}: not valid TOML ({exc})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TaxonomyError(f"{target}: cannot read taxonomy ({exc})") from None
    taxonomy = parse_taxonomy(data, str(target))
    _CACHE[key] = taxonomy
    return taxonomy


def taxonomy_for_instance(taxonomy_file: Path) -> Taxonomy:
    """The instance's own taxonomy when the file exists, else the bundled one."""
    return load_taxonomy(taxonomy_file if taxonomy_file.exists() else None)
