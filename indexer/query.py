"""The search box language, parsed safely into a small query tree.

Supported: words (all required), "quoted phrases" (exact, unstemmed: the words in that order,
case and punctuation between them ignored as the tokenizer ignores them), ``OR``, ``AND``, ``NOT`` and
``-word``, parentheses, and field prefixes ``committee:``, ``speaker:``, ``topic:``, ``council:``,
``title:``. Operators are recognised only in capitals, so "rock or roll" is three words.

Safe by default: wildcards (``plan*``), fuzzy terms (``plannign~``), regular expressions over
words (``/pl[ae]n.*/``, a safe subset: see ``safe_regex``) and date ranges (``year:[2018 TO 2020]``,
``date:[2018-01-01 TO *]``, ``year:2018..2020``) are honoured only when the settings enable them;
otherwise, like term ranges (``[a TO z]``), which are never interpreted, their punctuation is
dropped and the words searched. Input that does not parse (unbalanced quotes or
parentheses, a dangling operator) is searched as plain words rather than failing, and the query is
capped in length and in number of terms so that no input can make the engine do unbounded work.

Everything here is pure: ``parse`` turns a string into frozen dataclasses; the searcher evaluates
them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Union

from indexer import analysis

FIELD_PREFIXES = ("committee", "speaker", "topic", "council", "title")


@dataclass(frozen=True)
class Words:
    """Consecutive words from one token of the box: one word, or a hyphenated/compound token
    ("far-right", "77/21") which must appear as a phrase."""

    words: tuple[str, ...]
    field: str | None = None  # None: title and body


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]
    field: str | None = None


@dataclass(frozen=True)
class Wildcard:
    pattern: str  # lower-case, with * and ?
    field: str | None = None


@dataclass(frozen=True)
class Fuzzy:
    word: str
    distance: int = 1
    field: str | None = None


@dataclass(frozen=True)
class Regex:
    """``/pl[ae]n.*/`` (when enabled): words of the vocabulary matching the whole pattern."""

    pattern: str
    field: str | None = None


@dataclass(frozen=True)
class And:
    children: tuple["Node", ...]


@dataclass(frozen=True)
class Or:
    children: tuple["Node", ...]


@dataclass(frozen=True)
class Not:
    child: "Node"


@dataclass(frozen=True)
class DateRange:
    """``date:[2018-01-01 TO 2019-06-30]``, ``year:[2018 TO *]``, ``year:2018..2020`` (when enabled).

    Bounds are yyyymmdd numbers (inclusive); None is open."""

    lo: int | None
    hi: int | None


@dataclass(frozen=True)
class MatchAll:
    """No constraint (an empty query, or only stop words dropped from an AND)."""


Node = Union[Words, Phrase, Wildcard, Fuzzy, Regex, DateRange, And, Or, Not, MatchAll]


@dataclass(frozen=True)
class ParsedQuery:
    root: Node
    text: str  # the (possibly truncated) text that was parsed
    fell_back: bool = False  # the syntax did not parse; searched as plain words
    truncated: bool = False
    stopword_phrase: bool = False  # only stop words: searched as an exact phrase
    notes: tuple[str, ...] = field(default=())

    @property
    def is_empty(self) -> bool:
        return isinstance(self.root, MatchAll)


@dataclass(frozen=True)
class QueryOptions:
    allow_wildcards: bool = False
    allow_fuzzy: bool = False
    allow_ranges: bool = False
    allow_regex: bool = False
    max_chars: int = 1000
    max_terms: int = 32


class _ParseError(Exception):
    pass


_TOKEN_RE = re.compile(
    r"""
    (?P<lparen>\()
  | (?P<rparen>\))
  | (?P<quote>")
  | (?P<field>(?:%s):)
  | (?P<text>[^\s()"]+)
  | (?P<space>\s+)
    """ % "|".join(FIELD_PREFIXES),
    re.VERBOSE | re.IGNORECASE,
)

_OPERATORS = ("AND", "OR", "NOT")


def _lex(text: str) -> list[tuple[str, str]]:
    """Tokens: (kind, value). Quoted phrases become one token; an unbalanced quote raises."""
    out: list[tuple[str, str]] = []
    pos = 0
    n = len(text)
    while pos < n:
        m = _TOKEN_RE.match(text, pos)
        if m is None:  # pragma: no cover - the text alternative matches any non-space run
            raise _ParseError(text[pos:])
        kind = m.lastgroup or ""
        if kind == "quote":
            end = text.find('"', m.end())
            if end < 0:
                raise _ParseError("unbalanced quote")
            out.append(("phrase", text[m.end():end]))
            pos = end + 1
            continue
        if kind != "space":
            value = m.group()
            if kind == "field":
                value = value[:-1].lower()
            out.append((kind, value))
        pos = m.end()
    return out


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]], options: QueryOptions) -> None:
        self.tokens = tokens
        self.i = 0
        self.options = options
        self.depth = 0

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def parse(self) -> Node:
        node = self.or_expr()
        if self.peek() is not None:
            raise _ParseError("unexpected %r" % (self.peek(),))
        return node

    def or_expr(self) -> Node:
        parts = [self.and_expr()]
        while self.peek() == ("text", "OR"):
            self.take()
            parts.append(self.and_expr())
        return parts[0] if len(parts) == 1 else Or(tuple(parts))

    def and_expr(self) -> Node:
        parts: list[Node] = []
        while True:
            tok = self.peek()
            if tok is None or tok[0] == "rparen" or tok == ("text", "OR"):
                break
            if tok == ("text", "AND"):
                self.take()
                if not parts:
                    raise _ParseError("AND with nothing before it")
                continue
            parts.append(self.unary())
        if not parts:
            raise _ParseError("empty expression")
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def unary(self) -> Node:
        tok = self.peek()
        if tok == ("text", "NOT"):
            self.take()
            if self.peek() is None:
                raise _ParseError("NOT with nothing after it")
            return Not(self.unary())
        if tok is not None and tok[0] == "text" and tok[1].startswith("-") and len(tok[1]) > 1:
            self.take()
            self.tokens.insert(self.i, ("text", tok[1][1:]))
            return Not(self.unary())
        return self.primary(None)

    def primary(self, fieldname: str | None) -> Node:
        if self.peek() is None:
            raise _ParseError("missing term")
        kind, value = self.take()
        if kind == "lparen":
            self.depth += 1
            if self.depth > 8:
                raise _ParseError("too deeply nested")
            node = self.or_expr() if fieldname is None else self._field_group(fieldname)
            if self.peek() is None or self.peek()[0] != "rparen":  # type: ignore[index]
                raise _ParseError("unbalanced parenthesis")
            self.take()
            self.depth -= 1
            return node
        if kind == "rparen":
            raise _ParseError("unbalanced parenthesis")
        if kind == "field":
            if fieldname is not None:
                raise _ParseError("nested field prefix")
            return self.primary(value)
        if kind == "phrase":
            ws = tuple(analysis.words(value))
            return Phrase(ws, fieldname) if ws else MatchAll()
        if value in _OPERATORS:
            raise _ParseError(f"operator {value} in term position")
        return self._word(value, fieldname)

    def _field_group(self, fieldname: str) -> Node:
        """``speaker:(knopp OR grant)``: every term inside takes the prefix."""
        parts: list[Node] = []
        joiner = And
        while self.peek() is not None and self.peek()[0] != "rparen":  # type: ignore[index]
            tok = self.peek()
            if tok == ("text", "OR"):
                self.take()
                joiner = Or
                continue
            if tok == ("text", "AND"):
                self.take()
                continue
            kind, value = self.take()
            if kind == "phrase":
                ws = tuple(analysis.words(value))
                if ws:
                    parts.append(Phrase(ws, fieldname))
            elif kind == "text":
                parts.append(self._word(value, fieldname))
            else:
                raise _ParseError("unexpected token in field group")
        if not parts:
            raise _ParseError("empty field group")
        return parts[0] if len(parts) == 1 else joiner(tuple(parts))

    def _word(self, raw: str, fieldname: str | None) -> Node:
        lowered = raw.lower()
        if self.options.allow_wildcards and ("*" in lowered or "?" in lowered):
            pattern = re.sub(r"[^\w*?']", "", lowered)
            if pattern.strip("*?"):
                return Wildcard(pattern, fieldname)
        if self.options.allow_regex and len(raw) > 2 and raw.startswith("/") and raw.endswith("/"):
            pattern = safe_regex(raw[1:-1].lower())
            if pattern is not None:
                return Regex(pattern, fieldname)
        fuzzy = re.fullmatch(r"(.+?)~([12]?)", lowered)
        if self.options.allow_fuzzy and fuzzy:
            ws = analysis.words(fuzzy.group(1))
            if len(ws) == 1:
                return Fuzzy(ws[0], int(fuzzy.group(2) or 1), fieldname)
        ws = tuple(analysis.words(raw))
        if not ws:
            return MatchAll()
        return Words(ws, fieldname)


_QUANTIFIER = re.compile(r"[*+?]|\{\d*,?\d*\}")


def safe_regex(pattern: str) -> str | None:
    """The pattern if it is in the safe subset, else None (then it is searched as words).

    Safe: at most 64 characters and 6 quantifiers, no groups (so no nested quantifiers, the cause
    of catastrophic backtracking), no back-references or look-arounds. Matched against single
    vocabulary words, which are short, so the cost of any allowed pattern is small and bounded.
    """
    if not pattern or len(pattern) > 64 or "(" in pattern or ")" in pattern:
        return None
    if re.search(r"\\\d|\\[gkpPN]", pattern) or len(_QUANTIFIER.findall(pattern)) > 6:
        return None
    try:
        re.compile(pattern)
    except re.error:
        return None
    return pattern


def _count_terms(node: Node) -> int:
    if isinstance(node, (And, Or)):
        return sum(_count_terms(c) for c in node.children)
    if isinstance(node, Not):
        return _count_terms(node.child)
    if isinstance(node, (Words, Phrase)):
        return len(node.words)
    if isinstance(node, MatchAll):
        return 0
    return 1


def _simplify(node: Node) -> Node:
    """Drop empty parts and stop words (outside phrases); flatten nested AND/OR."""
    if isinstance(node, Words):
        kept = tuple(w for w in node.words if w not in analysis.STOP_WORDS)
        if not kept:
            return MatchAll()
        if len(node.words) > 1:  # a compound token keeps its exact shape
            return Phrase(node.words, node.field)
        return Words(kept, node.field)
    if isinstance(node, Not):
        child = _simplify(node.child)
        return MatchAll() if isinstance(child, MatchAll) else Not(child)
    if isinstance(node, (And, Or)):
        kids: list[Node] = []
        for c in node.children:
            s = _simplify(c)
            if isinstance(s, MatchAll):
                continue
            if type(s) is type(node):
                kids.extend(s.children)  # type: ignore[union-attr]
            else:
                kids.append(s)
        kids = list(dict.fromkeys(kids))  # "council council council" is one term, evaluated once
        if not kids:
            return MatchAll()
        if len(kids) == 1:
            return kids[0]
        return type(node)(tuple(kids))
    return node


_RANGE_RE = re.compile(
    r"\b(?P<field>year|date):\s*(?:"
    r"[\[{]\s*(?P<lo>\S+)\s+TO\s+(?P<hi>\S+?)\s*[\]}]"
    r"|(?P<lo2>\d{4}(?:-\d\d-\d\d)?)\.\.(?P<hi2>\d{4}(?:-\d\d-\d\d)?)?)",
    re.IGNORECASE,
)


def _bound(field: str, raw: str | None, upper: bool) -> int | None:
    """yyyymmdd for a range end; None when open (``*`` or missing). ValueError if malformed."""
    if raw is None or raw == "*":
        return None
    if field == "year" or re.fullmatch(r"\d{4}", raw):
        if not re.fullmatch(r"\d{4}", raw):
            raise ValueError(raw)
        return int(raw) * 10000 + (1231 if upper else 101)
    from datetime import date

    d = date.fromisoformat(raw)
    return d.year * 10000 + d.month * 100 + d.day


def _take_ranges(text: str) -> tuple[str, list[Node]]:
    """Cut enabled range clauses out of the text; malformed ones are left as words."""
    found: list[Node] = []

    def cut(m: "re.Match[str]") -> str:
        field = m.group("field").lower()
        lo_raw = m.group("lo") or m.group("lo2")
        hi_raw = m.group("hi") if m.group("lo") else m.group("hi2")
        try:
            lo, hi = _bound(field, lo_raw, False), _bound(field, hi_raw, True)
        except ValueError:
            return m.group()
        found.append(DateRange(lo, hi))
        return " "

    return _RANGE_RE.sub(cut, text), found


def _plain(text: str, fieldname: str | None = None) -> Node:
    ws = analysis.words(text)
    return And(tuple(Words((w,), fieldname) for w in ws)) if ws else MatchAll()


def _cap_terms(words_: list[str], cap: int) -> list[str]:
    return words_[:cap]


def parse(text: str, options: QueryOptions | None = None) -> ParsedQuery:
    """Parse the search box. Never raises: what cannot be parsed is searched as plain words."""
    options = options or QueryOptions()
    text = text or ""
    truncated = False
    if len(text) > options.max_chars:
        text = text[: options.max_chars]
        truncated = True
    text = text.strip()
    if not text:
        return ParsedQuery(MatchAll(), "")
    ranges: list[Node] = []
    if options.allow_ranges:
        text, ranges = _take_ranges(text)
        if not text.strip():
            root_only: Node = ranges[0] if len(ranges) == 1 else And(tuple(ranges))
            return ParsedQuery(root_only, "")
    fell_back = False
    try:
        root: Node = _Parser(_lex(text), options).parse()
    except (_ParseError, RecursionError, IndexError):
        root = _plain(text.replace('"', " "))
        fell_back = True
    if _count_terms(root) > options.max_terms:
        root = And(tuple(Words((w,)) for w in _cap_terms(analysis.words(text), options.max_terms)))
        truncated = True
    simplified = _simplify(root)
    if ranges:
        kept = [simplified] if not isinstance(simplified, MatchAll) else []
        simplified = And(tuple(kept + ranges)) if len(kept + ranges) > 1 else (kept + ranges)[0]
        return ParsedQuery(simplified, text, fell_back, truncated)
    if isinstance(simplified, MatchAll) and _count_terms(root) > 0:
        # Only stop words ("to be or not to be", "the"): search them as an exact phrase rather
        # than returning everything or nothing.
        ws = tuple(_cap_terms(analysis.words(text), options.max_terms))
        if ws:
            return ParsedQuery(Phrase(ws), text, fell_back, truncated, stopword_phrase=True)
    return ParsedQuery(simplified, text, fell_back, truncated)


def positive_terms(node: Node) -> tuple[set[str], list[tuple[str, ...]]]:
    """(stems of plain words, exact phrases) the user asked to FIND: what the highlighter marks.

    Terms under NOT and field prefixes other than title are not highlighted in the text.
    """
    stems: set[str] = set()
    phrases: list[tuple[str, ...]] = []

    def walk(n: Node) -> None:
        if isinstance(n, (And, Or)):
            for c in n.children:
                walk(c)
        elif isinstance(n, Words) and n.field in (None, "title"):
            stems.update(analysis.stem(w) for w in n.words)
        elif isinstance(n, Phrase) and n.field in (None, "title"):
            phrases.append(n.words)

    walk(node)
    return stems, phrases
