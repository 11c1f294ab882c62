"""Who spoke: the subjects of reporting verbs in minutes prose, resolved to people.

A phrase naming a person is a *speaker mention* when it introduces a contribution: it is the
subject of a reporting verb ("Inspector Knopp replied", "the Director, in response, stated"), the
agent of a passive or nominal report ("presented by the Head of Planning", "a question from
Councillor Smith", "Members heard from X"), or part of an introduction that says why the person
was there ("... were present to deliver a presentation"). Phrases after prepositions or verbs that
take them as objects ("thanked the officers", "asked the Director to", "the report of the
Director") are not. Mentions are grouped by the person they resolve to (``people.Registry``).
"""

from __future__ import annotations

import re
from dataclasses import replace, dataclass

from indexer.extract import lexicon as lx
from indexer.extract.attendance import roll_spans
from indexer.extract.model import Speaker
from indexer.extract.people import (
    NounPhrase,
    Person,
    Registry,
    find_noun_phrases,
    is_outside_body,
    kind_for_role,
    normalise_role,
    org_after,
    paren_after,
)

_CHAIN_SEP = re.compile(
    r"^(?:[ \t]*,[ \t]*(?:and[ \t]+|&[ \t]+)?|[ \t]+[–—][ \t]+|[ \t]+and[ \t]+|[ \t]*&[ \t]*|[ \t]+together[ \t]+with[ \t]+|"
    r"[ \t]+as[ \t]+well[ \t]+as[ \t]+|[ \t]+along[ \t]+with[ \t]+|[ \t]+with[ \t]+|"
    r"[ \t]+(?:for|of|from|at|on[ \t]+behalf[ \t]+of)[ \t]+[^,.;:\n]{1,50},[ \t]*(?:and[ \t]+)?|"
    # "Dr Ann Lee, Consultant in Public Health, Riverbend Health Board, and Mr Tom Ray, ...": the body
    # a role belongs to, set off by commas, before the next person
    r"[ \t]*,[ \t]*(?:the[ \t]+)?[A-Z][\w'’&-]*(?:[ \t]+(?:[A-Z][\w'’&-]*|of|and|&|for|the)){0,6}[ \t]*,[ \t]*(?:and[ \t]+)?|"
    # "Helen Ward of Network Rail and Tom Price of the Trust"
    r"[ \t]+(?:of|from|at)[ \t]+(?:the[ \t]+)?[A-Z][^,.;:\n]{1,50}?[ \t]+(?:and|&)[ \t]+)$"
)
_INTRO_AFTER = re.compile(
    # "Sergeant Lucy Brandt of the city centre policing team were present to ..."
    r"(?:,?[ \t]+(?:of|from|at|for)[ \t]+[^,.;\n]{1,80}?)?"
    r"[ \t,]*(?:who\s+)?(?:were|was|are|is)\s+(?:also\s+|both\s+|all\s+)?(?:present|in\s+attendance|attending|"
    r"at\s+the\s+meeting|here)\b(?P<purpose>[^.;\n]{0,40}?\b(?:to|in\s+order\s+to|for\s+the\s+purpose\s+of)\s+"
    r"(?:deliver|present|give|answer|respond|provide|speak|address|introduce|update|report|talk|brief|"
    r"explain|take|outline|lead|discuss|assist|support|make|share|set\s+out|help|inform)\b)?"
    r"|[ \t,]*(?:who\s+)?attended\s+(?:the\s+meeting|for\s+(?:this|the)\s+item|the\s+committee)"
    r"(?P<purpose2>[^.;\n]{0,40}?\bto\s+(?:deliver|present|give|answer|respond|provide|speak|address|"
    r"introduce|update|report|talk|brief|explain|take|outline|lead|discuss|make|share|set\s+out|help)\b)?"
    # "Ms Sood, ..., and Mr Rowse, ..., attended to answer the Panel's questions"
    # "..., and the Director of Transport, Ms Obi, who attended to answer the Committee's questions"
    r"|[ \t,]*(?:who\s+)?(?:had\s+)?attended(?P<purpose3>\s+(?:in\s+order\s+)?to\s+(?:deliver|present|give|answer|respond|speak|address|"
    r"introduce|update|report|talk|brief|explain|outline|give\s+evidence)\b)"
)
_INTRO_BEFORE = re.compile(
    r"(?:\b(?:[Pp]resent|[Ii]n\s+attendance|[Aa]ttending)(?:\s+(?:for|at)\s+(?:this|the)\s+(?:item|meeting))?"
    r"(?:\s+(?:to|in\s+order\s+to)\s+(?:deliver|present|give|answer|respond|speak|introduce|report|"
    r"take|update|brief|explain|assist)[^.;:\n]{0,60}?)?\s*(?:were|was)?\s*[:\-–]?\s*)$"
)
# "on behalf of the Chief Officer of Police, who said": "who" is the speaker before, not the body
_PREPOSITION_BEFORE = re.compile(r"(?i)\b(?:of|for|on\s+behalf\s+of|from|with|to|by)\s+$")
_INVITED_TO = re.compile(
    r"[ \t]*,?[ \t]*who[ \t]+(?:had[ \t]+been|was|were|has[ \t]+been|have[ \t]+been)[ \t]+(?:invited|asked)[ \t]+to[ \t]+"
    r"(?:update|present|brief|address|attend|speak|report|answer|introduce|give|talk)\b")
_REPORTED_THAT = re.compile(
    r"(?i)\b(?:said|stated|explained|reported|advised|confirmed|added|noted|informed\s+[^,.;]{1,40}?|told\s+[^,.;]{1,40}?)"
    r"\s+that\s+(?:[^.;]{0,200}?,?\s+and\s+that\s+)?$")
_THAT_TAIL = re.compile(r"(?i)that\Z")


def _reported_that(before: str) -> bool:
    """``bool(_REPORTED_THAT.search(before))``; the pattern ends in "that" and whitespace, so the
    scan over every position of the context runs only where the context ends that way."""
    if not before or not before[-1].isspace() or _THAT_TAIL.search(before.rstrip()[-4:]) is None:
        return False
    return _REPORTED_THAT.search(before) is not None


_PLUPERFECT = re.compile(r"(?:\s*,\s*[^,.;:!?\n]{1,100},)?,?[ \t]+had[ \t]+(?:already[ \t]+|previously[ \t]+|also[ \t]+)?[a-z]+(?:ed|en|ught|ook|ade|id|ent)\b")
_DEPARTMENT_AFTER = re.compile(
    r"[ \t]*,[ \t]*(?P<dept>(?!(?:Mr|Mrs|Ms|Miss|Dr|Councillors?|Cllr|The|A)\b)[A-Z][\w'’-]*(?:[ \t]+(?:[A-Z][\w'’-]*|and|&)){0,6}),"
    rf"(?=[ \t]*(?:(?:also|then|in[ \t]+response|further)[ \t]+)?(?i:{lx._VERB_ALT})\b)")
_ACCEPTED_BY = re.compile(r"\b(?:was|were|been)\s+(?:duly\s+)?accepted\s+by\s+$")
_APOLOGIES_BEFORE = re.compile(r"(?i)\bapolog(?:y|ies|ised|ized)\b[^.;:]{0,120}$")
# a counted group is a statistic, not someone speaking ("3,240 residents had responded")
_COUNTED_BEFORE = re.compile(r"[a-z,][ \t]+\d[\d,]*(?:[ \t]*%|[ \t]+per[ \t]+cent)?[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?$")
# what the meeting does as a body is not a contribution ("Members noted the comments")
_COLLECTIVE_ACT = re.compile(
    r"[ \t]+(?:(?:also|then|duly|unanimously|formally|subsequently)[ \t]+)?"
    r"(?:noted|accepted|endorsed|approved|resolved|received)\b(?![ \t]+(?:that|with|to)\b)"
    r"|[ \t]+(?:(?:also|then|duly|unanimously)[ \t]+)?agreed[ \t]+(?:that|to)\b")
_PURPOSE_INTRO_BEFORE = re.compile(r"\bto\s+(?:deliver|present|give|answer|respond|speak|introduce|report|take|update|brief|explain)\b")
_PARTY_PAREN = re.compile(
    r"(?i)^(?:lab|labour|con|conservative|lib\s*dem|ld|liberal\s+democrats?|green|grn|ind|independent|"
    r"ukip|reform|snp|plaid|pc|res|residents|[A-Z]{2,5}|substitute|sub|for\s+.+|to\s+[a-z].+|in\s+the\s+chair|"
    r"present|ex[- ]officio|non[- ]voting|co-opted|item\s+\d+.*|minute\s+\d+.*|\d+)$"
)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    person: Person
    chair_phrase: bool = False  # named by a presiding role ("The Vice-Chair"): speaking as chair


@dataclass
class _Unit:
    """One person in a chain: the phrase that names them plus any role beside it."""

    primary: NounPhrase
    appositive: NounPhrase | None = None
    extra_role: str | None = None
    intro: bool = False


def _chains(text: str, nps: list[NounPhrase]) -> list[tuple[list[NounPhrase], int]]:
    """Group phrases joined by commas/"and" into chains; returns (phrases, end offset after asides)."""
    chains: list[tuple[list[NounPhrase], int]] = []
    current: list[NounPhrase] = []
    cur_end = -1
    i = 0
    while i < len(nps):
        np = nps[i]
        if current and _CHAIN_SEP.match(text[cur_end:np.start]):
            current.append(np)
        else:
            if current:
                chains.append((current, cur_end))
            current = [np]
        cur_end = np.end
        p = paren_after(text, cur_end)
        if p:
            cur_end = p.end()
            # phrases inside the brackets describe this one: skip them
            while i + 1 < len(nps) and nps[i + 1].start < cur_end:
                i += 1
        i += 1
    if current:
        chains.append((current, cur_end))
    return chains


def _line_end(text: str, pos: int, limit: int) -> int:
    nl = text.find("\n", pos, limit)
    return limit if nl < 0 else nl


# "In attendance: Inspector Kay Lamb (to present item 6)": a roll entry that says why the person came
_ROLL_PURPOSE = re.compile(
    r"\bto\s+(?:present|answer|give|introduce|report|speak|update|brief|deliver|respond|address|outline|explain)\b")


_APPOSITIVE_CLOSE = re.compile(
    r"(?:[ \t]*\([^()\n]{1,40}\))?(?:\s+(?:at|of|from|with|in|for|on\s+behalf\s+of)\s+[^,.;:()\n]{1,80}?)?"
    # (a colon ends a heading's apposition: "Response from the Leader, Councillor Ray Hood:")
    r"[ \t]*(?:,|\)|:|and\b|&|[–—][ \t]|\.(?:\s|$)|[ \t]+(?:were|was|are|is)[ \t]+(?:also[ \t]+)?(?:present|in[ \t]+attendance))"
    # "Engagement Lead for the Council's external auditor," : a few lower-case words, then a comma
    rf"|(?:[ \t]+(?!(?i:{lx._VERB_ALT})\b)[a-z][\w'’-]*){{1,4}}?[ \t]*,"
    # "Mr Ray Cole, a carer who had registered to speak, said": a relative clause closes it too
    r"|[ \t]+who[ \t]+[^,.;:()\n]{1,80},"
)


_WHO_SPOKE = re.compile(rf"[ \t]*,?[ \t]*who[ \t]+(?:then[ \t]+|also[ \t]+)?(?i:{lx._VERB_ALT})\b")


def _who_spoke(text: str, pos: int, limit: int) -> bool:
    """", who replied ..." after the phrase, or after the body the people came from: in "welcomed
    Mrs A and Mr B from the Residents' Association, who addressed the Committee" a body would be
    "which", so "who" is the people."""
    if _WHO_SPOKE.match(text, pos, min(limit, pos + 80)):
        return True
    o = org_after(text, pos) or _ROLE_DASH_TAIL.match(text, pos, min(limit, pos + 90))
    return bool(o and o.end() <= limit and _WHO_SPOKE.match(text, o.end(), min(limit, o.end() + 80)))


# "welcomed Louise Grady, Head of Service – Adult Social Care Commissioning, who presented": the rest
# of the role after a dash, before the relative clause
_ROLE_DASH_TAIL = re.compile(r"[ \t]+[–—][ \t]+[A-Z][^,.;:\n–—()]{1,70}?(?=[ \t]*,[ \t]*who\b)")
_FIRST_NAME_LIST = re.compile(
    r"(?:(?:,|:)[ \t]*|(?:^|(?<=\n)|(?<=[.!?][ \t]))[ \t]*)"
    r"(?P<names>[A-Z][a-z]{2,}(?:[ \t]*,[ \t]*[A-Z][a-z]{2,})*[ \t]+and[ \t]+[A-Z][a-z]{2,})"
    # "Kayla and Rhys, members of the Children in Care Council, presented ..."
    r"(?:[ \t]*,[ \t]*(?:(?:two|three|both|all)[ \t]+)?(?:members?|representatives?|young[ \t]+people|pupils|students|"
    r"ambassadors|apprentices|volunteers|care[ \t]+leavers)\b[^,.;\n]{0,80},)?"
    r"[ \t]*,?[ \t]+(?:attended|were[ \t]+(?:present|in[ \t]+attendance)|presented|spoke|addressed|joined)\b"
)
# "in response to Members' questions": the owners of the questions asked them.
_POSSESSIVE_ASKER = re.compile(
    # "... answered Members' questions", "took Members' questions"
    r"(?i)\b(?:(?:response|responding|reply|replying|answer|answering)\s+to|answered|took|fielded)"
    r"\s+(?:the\s+)?"
    r"(?P<who>(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*){0,3})['’]s?\s+(?:questions?|queries|query|comments?|concerns?|points?)\b"
)
# "Mr Lewis, solicitor for the licence holder, said": a role in lower case between commas.
_LOOSE_APPOSITIVE = re.compile(r",[ \t]*(?P<inner>(?!who\b|which\b|in\b|on\b|as\b|however\b|also\b)[^,.;:()\n]{3,90}?),")
_ROLE_WORD = re.compile(
    r"(?i)\b(?:director|head|manager|officer|adviser|advisor|solicitor|lawyer|barrister|counsel|clerk|"
    r"co-?ordinator|executive|commissioner|constable|superintendent|inspector|chair(?:man|woman|person)?|"
    r"leader|member|holder|lead|representative|secretary|headteacher|head\s+teacher|principal|governor|"
    r"consultant|specialist|engineer|planner|agent|applicant|objector|resident|petitioner|trustee|"
    r"chief|president|founder|owner|licensee|partner|auditor|analyst|nurse|doctor|gp|councillor)\b"
)


_LOWER_QUALIFIER = re.compile(r"[ \t]+(?:for|of)[ \t]+(?P<q>(?!(?:the|a|an|this|that|its|their)\b)[a-z][a-z'’-]*(?:[ \t]+[a-z][a-z'’-]*){0,4})[ \t]*,[ \t]*")


def _units(text: str, chain: list[NounPhrase], intro: bool = False) -> list[_Unit]:
    """Pair names with the roles written beside them ("Daxa Pancholi, the Head of ...,").

    A role after a name is an appositive only when something closes it (a comma, "and", a
    bracket, "were present"): in "a question from Councillor Reeves, the Highways Officer
    advised" the officer is a second person, the subject of "advised".
    """
    units: list[_Unit] = []
    i = 0
    while i < len(chain):
        np = chain[i]
        nxt = chain[i + 1] if i + 1 < len(chain) else None
        comma = nxt is not None and bool(re.search(r",|[ \t][–—][ \t]", text[np.end:nxt.start]))
        closed = nxt is not None and (intro or bool(_APPOSITIVE_CLOSE.match(text, nxt.end)))
        if nxt is not None and np.kind == "role" and np.has_det and nxt.named:
            q = _LOWER_QUALIFIER.fullmatch(text, np.end, nxt.start)
            if q:
                # "The independent member for coastal interests, Dr Lowry,": the post's remit in lower
                # case belongs to the head of the apposition
                np = NounPhrase(np.start, q.end("q"), text[np.start:q.end("q")], "role",
                                role=(np.role or "") + text[np.end:q.end("q")], has_det=True)
        unit = _Unit(np)
        if nxt is not None and len(chain) == 2 and comma and np.named and nxt.kind == "bare" \
                and re.fullmatch(r"[ \t]*,[ \t]*", text[np.end:nxt.start]) and re.match(r"[ \t]*,", text[nxt.end:nxt.end + 3]) \
                and (np.kind != "bare" or np.names[0].full):
            # "Ffion Meredith, Pennaeth Polisi, explained": two names are listed with "and"; a second
            # capitalised phrase set off by commas alone is the first person's title
            nxt = NounPhrase(nxt.start, nxt.end, nxt.text, "role", role=nxt.text)
            chain = [np, nxt]
        if nxt is not None and comma and closed and np.named and nxt.kind in ("role", "public", "rep"):
            unit.appositive = nxt
            i += 2
        elif nxt is not None and comma and closed and np.roleish and np.has_det and nxt.named:
            # "The Chair, Councillor Smith, ..." : the first phrase is the mention
            unit.appositive = nxt
            i += 2
        else:
            i += 1
        p = paren_after(text, np.end)
        inner_named = None
        if p and np.roleish and unit.appositive is None:
            inner = find_noun_phrases(text, p.start("inner"), p.end("inner"))
            if len(inner) == 1 and inner[0].named:
                inner_named = inner[0]
        if unit.appositive is not None and unit.appositive.named and np.roleish:
            o = org_after(text, unit.appositive.end)
            if o:
                unit.extra_role = o.group("org")  # "The Investigating Officer, Ms Dunmore of Dunmore Governance Ltd,"
        if inner_named is not None:
            unit.appositive = inner_named  # "The Chair (Councillor Rose Tiller) welcomed ..."
        elif p and not _PARTY_PAREN.match(p.group("inner").strip()):
            unit.extra_role = p.group("inner").strip()
        elif p and paren_after(text, p.end()) and not _PARTY_PAREN.match(paren_after(text, p.end()).group("inner").strip()):
            unit.extra_role = paren_after(text, p.end()).group("inner").strip()  # "Cllr Ann Lee (AL) (Chair)"
        elif np.named:
            o = org_after(text, np.end)
            if o and not np.kind == "councillor":
                unit.extra_role = o.group("org")
            elif unit.appositive is None:
                a = _LOOSE_APPOSITIVE.match(text, np.end)
                if a and (_ROLE_WORD.search(a.group("inner")) or is_outside_body(a.group("inner"))):
                    unit.extra_role = a.group("inner")
        units.append(unit)
    return units


def _is_intro(text: str, chain_start: int, chain_end: int, region_start: int) -> tuple[bool, bool]:
    """(is an introduction, says the people came to contribute)."""
    after = _INTRO_AFTER.match(text, chain_end)
    if after:
        return True, bool(after.group("purpose") or after.group("purpose2") or after.group("purpose3"))
    before = text[max(region_start, chain_start - 120):chain_start]
    m = _INTRO_BEFORE.search(before)
    if m:
        return True, bool(_PURPOSE_INTRO_BEFORE.search(m.group(0)))
    return False, False


# "Dr Ann Lee, Director of Public Health, Riverside Health Board, said": a role and then its body
_ROLE_ORG_ASIDE = re.compile(r"[ \t]*,[ \t]*(?P<role>[^,.;:!?\n]{3,100}),[ \t]*[A-Z][^,.;:!?\n]{1,80},")


def _speaks_after(text: str, pos: int, limit: int) -> bool:
    window_end = min(limit, pos + 220)
    if lx.SPEECH_AFTER.match(text, pos, window_end):
        return True
    aside = lx.ASIDE.match(text, pos, window_end)
    if aside and lx.SPEECH_AFTER.match(text, aside.end(), window_end):
        return True
    aside = _ROLE_ORG_ASIDE.match(text, pos, window_end)
    if aside and _ROLE_WORD.search(aside.group("role")) and lx.SPEECH_AFTER.match(text, aside.end(), window_end):
        return True
    o = org_after(text, pos)
    if o and o.end() <= window_end:
        if lx.SPEECH_AFTER.match(text, o.end(), window_end):
            return True
        aside = lx.ASIDE.match(text, o.end(), window_end)
        if aside and lx.SPEECH_AFTER.match(text, aside.end(), window_end):
            return True
    return False


# a heading naming the contributor: "Question from Councillor X to ...", "Evidence from Dr Y, ..."
_HEADING_AGENT = re.compile(
    r"(?:^|\n)[ \t]*(?:[\d.]+[ \t]+)?(?:(?:Written|Oral|Public|Supplementary)[ \t]+)?(?:Question|Evidence|Statement|"
    r"Deputation|Submission|Presentation)"
    # "Question 1 – from Mr X to ...", "Question No. 3: from ..."
    r"(?:[ \t]+(?:No\.?[ \t]*)?\d{1,3}[a-z]?[ \t]*(?:[–—:-][ \t]*)?|[ \t]+)(?:from|by)[ \t]+$")
_ABSENT_AFTER = re.compile(r"[ \t]*,?[ \t]*who[ \t]+(?:was|were)[ \t]+(?:not[ \t]+present|absent|unable[ \t]+to[ \t]+attend)\b")
_REP_HEAD = re.compile(r"((?:[Aa]n?|[Oo]ne)\s+(?:[\w-]+\s+)?(?:[Rr]epresentatives?|[Ss]pokes(?:person|man|woman)))\s+(?:of|from)\b")
# "The Committee heard from Ms X, who objected ..., and from Mr Y": the second "from" continues the first
_AND_FROM_BEFORE = re.compile(r",?[ \t]+and[ \t]+(?:also[ \t]+)?from[ \t]+$")
_HEARD_FROM_EARLIER = re.compile(r"\b(?:heard|received\s+(?:evidence|representations|presentations))\s+from\b[^.;]*$")
# "one application had been received, from Mr Ewan Coyle, who addressed the meeting": after "from",
# "who" is still the named person when what follows is speaking to the meeting itself
_WHO_ADDRESSED = re.compile(r"[ \t]*,[ \t]*who[ \t]+(?:then[ \t]+|briefly[ \t]+|also[ \t]+)?(?:addressed|spoke[ \t]+to)[ \t]+the[ \t]+"
                            r"(?:meeting|Committee|Council|Panel|Board|Sub-Committee|Cabinet)\b")
_CALL_IN_BEFORE = re.compile(r"(?i)\bcall(?:ed)?[- ]?in\b[^.;]{0,140}\b(?:submitted|signed|requested|made|lodged)\s+by\s+$")
# What someone did outside the meeting, or declared about themselves, is not a contribution to it:
# "Councillor Ede declared that she was a school governor", "The owner, Mr Ash, had submitted a statement"
_NOT_IN_MEETING_AFTER = re.compile(
    r"(?:[ \t]*,[^,.;:\n]{1,100},)?[ \t]*,?[ \t]+(?:also[ \t]+)?(?:"
    r"declared[ \t]+that[ \t]+(?:he|she|they)[ \t]+(?:(?:was|were|is|are)[ \t]+(?:(?:a|an)\b|the[ \t]+(?:owner|tenant|"
    r"landlord|employer|chair|secretary|treasurer)|employed|related|acquainted|known|married|resident)|"
    r"(?:had|has|held|holds)[ \t]+(?:a|an|shares|property|land|interests?)\b|(?:knew|owned|rented|lived|worked|sat)\b|"
    # a declaration of lobbying: "declared that he had been lobbied on item 7"
    r"(?:had[ \t]+been|has[ \t]+been|have[ \t]+been|was|were)[ \t]+(?:lobbied|approached|contacted|canvassed|emailed)\b)"
    r"|had[ \t]+(?:previously[ \t]+|already[ \t]+|also[ \t]+)?(?:submitted|sent|emailed|written|lodged)\b)")
_WITHDRAWN = re.compile(r"(?i)\b(?:was|were|had\s+been)\s+(?:withdrawn|not\s+present|absent)\b|\bdid\s+not\s+attend\b")
# the next heading of the same kind ends what a heading's paragraph can say about its questioner
_NEXT_HEADING = re.compile(r"\n[ \t]*(?:[\d.]+[ \t]+)?(?:(?:Written|Oral|Public|Supplementary)[ \t]+)?(?:Question|Evidence|Statement|"
                           r"Deputation|Submission|Presentation)\b")

def _next_paragraph_end(text: str, pos: int, limit: int) -> int:
    """The end of the paragraph after the one holding pos (a heading's first paragraph of text),
    or the next heading of its kind if that comes first."""
    nxt = _NEXT_HEADING.search(text, pos, limit)
    if nxt:
        limit = nxt.start()
    first = text.find("\n\n", pos, limit)
    if first < 0:
        return limit
    body = first + 2
    while body < limit and text[body] in "\n \t":
        body += 1
    second = text.find("\n\n", body, limit)
    return limit if second < 0 else second


_COORDINATED = re.compile(
    rf",?[ \t]+(?:[a-z]+ed|took|made|gave|left|rose|stood|sat|came|went|spoke)\b[^.;:\n]{{0,100}}?\b(?:and|then)[ \t]+(?:then[ \t]+|also[ \t]+)?(?={lx._VERB_ALT}\b)"
)


def _speaks_after_coordination(text: str, pos: int, limit: int) -> bool:
    """"Cllr Ford signed the declaration ... and thanked members": a second, reporting verb."""
    m = _COORDINATED.match(text, pos, min(limit, pos + 160))
    return bool(m and lx.SPEECH_AFTER.match(text, m.end() - 1, min(limit, m.end() + 60)))


# Note-form minutes: a bulleted line opened by a person and a colon, then what they said in
# lower case ("- Cllr Dunne: worried about ...", "• Members: keen to see ..."). Procedural labels
# ("Cllr Dunne: declared an interest", "apologies") are not contributions.
_NOTE_LINE_START = re.compile(r"(?:^|\n)[ \t]*(?:[-–•·*▪][ \t]*)?$")
_NOTE_LABEL_AFTER = re.compile(
    r"[ \t]*:[ \t]+(?!(?:declared|declares|apologies|apologised|absent|substitut\w*|left|arrived|joined|"
    r"in[ \t]+the[ \t]+chair|chair(?:ing)?|none|nil|not[ \t]+present|present|attending|observer|to[ \t]+|"
    # a recorded vote by name ("Cllr Moe: abstained", "Cllr Poe: for")
    r"abstain\w*|voted|for|against|in[ \t]+favour|yes|no|did[ \t]+not[ \t]+vote)\b)[a-z]")


def _note_label(text: str, chain: list[NounPhrase], chain_end: int, region_start: int) -> bool:
    # a person, members or the public; a bare role is more often a table's label ("Lead Officer: tbc")
    if not all(np.named or np.kind in ("anonp", "anon1", "public") or np.has_det for np in chain):
        return False
    chain_start = chain[0].start
    return bool(_NOTE_LABEL_AFTER.match(text, chain_end)) and bool(
        _NOTE_LINE_START.search(text, max(region_start, chain_start - 12), chain_start))


def _context_before(text: str, pos: int, region_start: int) -> str:
    return text[max(region_start, pos - 80):pos]


class SpeakerFinder:
    """Finds speaker mentions in regions of one item's text, resolving them with a registry."""

    def __init__(self, text: str, registry: Registry) -> None:
        self.text = text
        self.registry = registry
        self.mentions: list[Mention] = []
        self.phrases: list[NounPhrase] = []  # every person phrase seen (speaking or not)

    def run(self, regions: list[tuple[int, int]]) -> list[Mention]:
        text = self.text
        plans: list[tuple[list[_Unit], bool, bool, int, int]] = []
        for start, end in regions:
            nps = find_noun_phrases(text, start, end)
            self.phrases.extend(nps)
            rolls = roll_spans(text, start, end)
            for chain, chain_end in _chains(text, nps):
                roll = next(((s, e) for s, e in rolls if s <= chain[0].start < e), None)
                if roll and not _speaks_after(text, chain_end, end):
                    # "Present: Councillor Rees (Chair), ...": attendees, known for what they do later;
                    # an entry that says why the person came ("(to present item 6)") is an introduction
                    units = _units(text, chain, True)
                    plans.append((units, False, False, start, end))
                    came = [u for i, u in enumerate(units) if _ROLL_PURPOSE.search(
                        text, u.primary.end, units[i + 1].primary.start if i + 1 < len(units) else _line_end(text, chain_end, roll[1]))]
                    if came:
                        plans.append((came, False, True, start, end))
                    continue
                if len(chain) == 1 and chain[0].kind == "role" and chain_end == chain[0].end:
                    dept = _DEPARTMENT_AFTER.match(text, chain_end, min(end, chain_end + 120))
                    if dept and any(w in lx.NOT_NAME_WORDS for w in dept.group("dept").split()):
                        # "The Assistant Director, Waste and Street Scene, confirmed": the title goes on
                        np0 = chain[0]
                        new_end = dept.end("dept")
                        chain = [NounPhrase(np0.start, new_end, text[np0.start:new_end], np0.kind,
                                            role=(np0.role or "") + ", " + dept.group("dept"), has_det=np0.has_det)]
                        chain_end = new_end
                chain_start = chain[0].start
                intro, purpose = _is_intro(text, chain_start, chain_end, start)
                units = _units(text, chain, intro)
                before = _context_before(text, chain_start, start)
                agent = lx.agent_before(before) or bool(
                    # "an additional resolution, which was accepted by the Chair": the person accepting
                    # speaks; what Members "accepted" is the body's collective receipt
                    _ACCEPTED_BY.search(before) and chain[0].kind not in ("anonp", "officers", "public")) or bool(
                    _AND_FROM_BEFORE.search(before) and _HEARD_FROM_EARLIER.search(text, max(start, chain_start - 300), chain_start))
                object_like = not agent and lx.object_before(before)
                if len(chain) == 1 and chain[0].kind in ("public", "anonp") and re.match(r"[ \t]*:[ \t]*(?:Mr|Mrs|Ms|Miss|Mx|Dr|Councillors?|Cllrs?|Alderman|[A-Z][a-z]+[ \t]+[A-Z][a-z])\b", text[chain_end:chain_end + 40]):
                    agent, object_like = False, True  # "heard from three speakers: Mrs Ball, ...": the names speak
                if agent and text[chain_end:chain_end + 2] in ("'s", "’s"):
                    agent, object_like = False, True  # "the response to the Housing Ombudsman's report"
                if not agent and _reported_that(text[max(start, chain_start - 300):chain_start]) \
                        and _PLUPERFECT.match(text, chain_end):
                    object_like = True  # "stated that the applicant had agreed to ...": reported, not here
                if agent and _APOLOGIES_BEFORE.search(text, max(start, chain_start - 160), chain_start):
                    agent, object_like = False, True  # "Apologies ... were reported from Alderman Kerr"
                if (chain[0].kind in ("public", "anonp") and _COUNTED_BEFORE.search(before)) or (
                        len(chain) == 1 and chain[0].kind == "anonp" and _COLLECTIVE_ACT.match(text, chain_end)):
                    agent, object_like = False, True  # "3,240 residents responded", "Members noted the comments"
                if not agent and chain[0].kind in ("councillor", "titled") and _HEADING_AGENT.search(before) \
                        and not _WITHDRAWN.search(text, chain_end, _next_paragraph_end(text, chain_end, end)):
                    agent, object_like = True, False
                    units = units[:1]  # "Evidence from Mr Reid, Chief Officer, Wyeside Mind": one witness
                if _ABSENT_AFTER.match(text, chain_end):
                    agent, object_like = False, True  # "Ms Grewal, who was not present, had submitted a question"
                if agent and _CALL_IN_BEFORE.search(text, max(start, chain_start - 160), chain_start):
                    agent, object_like = False, True  # "a call-in ... submitted by Councillors A, B and C": signatories
                if not agent and (_NOT_IN_MEETING_AFTER.match(text, chain_end)
                                  or (len(chain) > 1 and _NOT_IN_MEETING_AFTER.match(text, chain[0].end))):
                    object_like = True  # "declared that he was a governor", "had submitted a statement"
                speaking = False
                if agent:
                    speaking = True
                elif not object_like and _note_label(text, chain, chain_end, start):
                    speaking = True  # "- Cllr Dunne: worried about parking at the school": a note-form contribution
                elif not object_like and (
                    _speaks_after(text, chain_end, end)
                    or (len(chain) > 1 and _speaks_after(text, chain[0].end, end))
                    or _speaks_after_coordination(text, chain_end, end)
                ):
                    speaking = True
                elif object_like and not _PREPOSITION_BEFORE.search(before) and _who_spoke(text, chain_end, end):
                    speaking = True  # "asked the Head of Planning, who replied that ..."
                elif object_like and re.search(r"\bfrom[ \t]+$", before) and chain[0].named \
                        and _WHO_ADDRESSED.match(text, chain_end, min(end, chain_end + 80)):
                    speaking = True
                elif intro:
                    speaking = purpose
                elif object_like and _INVITED_TO.match(text, chain_end, min(end, chain_end + 120)):
                    intro = True  # "welcomed X, who had been invited to update the Committee": counts if X speaks
                if intro and not speaking:
                    for unit in units:
                        unit.intro = True
                plans.append((units, speaking, intro, start, end))
            for m in _POSSESSIVE_ASKER.finditer(text, start, end):
                asker = find_noun_phrases(text, m.start("who"), m.end("who"))
                if asker:
                    plans.append(([_Unit(asker[0])], True, False, start, end))
        self._single_names(regions)
        # first pass: make every fully named person and every appositive role known
        for units, _speaking, _intro, _s, _e in plans:
            for unit in units:
                self._register(unit)
        # second pass: resolve the mentions
        intro_units: list[_Unit] = []
        for units, speaking, intro, _s, _e in plans:
            if intro and not speaking:
                intro_units.extend(units)
                continue
            if not speaking:
                continue
            for unit in units:
                for person in self._resolve(unit):
                    self._add(unit.primary, person)
        self._initials(regions)
        # introductions count when the person goes on to contribute
        speaking_people = {id(m.person) for m in self.mentions}
        for unit in intro_units:
            for person in self._resolve(unit):
                if id(person) in speaking_people:
                    self._add(unit.primary, person)
        self.mentions.sort(key=lambda m: m.start)
        return self.mentions

    def _initials(self, regions: list[tuple[int, int]]) -> None:
        """Boards write "Priya Shah (PS) presented ... PS explained": the bracketed initials,
        when they are the person's own, name that person wherever they then speak."""
        text = self.text
        aliases: dict[str, Person] = {}
        for np in self.phrases:
            if not np.named or len(np.names) != 1 or not np.names[0].full:
                continue
            p = paren_after(text, np.end)
            # "Priya Shah (PS)", "Kirsty Pryce (KP, Planning Policy Manager)"
            ini_m = re.fullmatch(r"([A-Z]{2,4})(?:[ \t]*[,;–—-][ \t]*[^()]+)?", p.group("inner").strip()) if p else None
            if not ini_m:
                continue
            ini = ini_m.group(1)
            name = np.names[0]
            own = "".join(w[0] for w in re.findall(r"[A-Z][\w'’-]*", f"{name.given or ''} {name.surname or ''}"))
            if ini == own or ini == (name.initials or "")[:1] + (name.surname or " ")[0]:
                aliases.setdefault(ini, self.registry.resolve_named(np, name))
        if not aliases:
            return
        # "Cllr TA:" in the same notes is that councillor, not a councillor surnamed "TA"
        for i, m in enumerate(self.mentions):
            p = m.person
            if p.surname in aliases and not p.given and p.surname.isupper() and aliases[p.surname] is not p:
                self.mentions[i] = replace(m, person=aliases[p.surname])
        alias_re = re.compile(r"(?<![\w(])(" + "|".join(map(re.escape, aliases)) + r")(?![\w)])")
        for start, end in regions:
            for m in alias_re.finditer(text, start, end):
                if lx.object_before(_context_before(text, m.start(), start)):
                    continue
                if _speaks_after(text, m.end(), end) or _speaks_after_coordination(text, m.end(), end):
                    self._add(NounPhrase(m.start(), m.end(), m.group(1), "bare"), aliases[m.group(1)])

    def _single_names(self, regions: list[tuple[int, int]]) -> None:
        """People introduced by first name only ("two members of the Youth Council, Jade and
        Tyler, attended"): their later "Jade said" is a contribution too."""
        text = self.text
        for start, end in regions:
            for m in _FIRST_NAME_LIST.finditer(text, start, end):
                names = [n for n in re.split(r"\s*,\s*|\s+and\s+", m.group("names")) if n]
                names = [n for n in names if n not in lx.NOT_NAME_WORDS and n not in lx.AFTER_TITLE_NOT_NAME]
                if len(names) < 2:
                    continue
                sentence_end = text.find(".", m.end(), end)
                rest = text[m.end("names"):sentence_end if sentence_end != -1 else end]
                contributed = bool(re.search(r"\b(?:presented|spoke|addressed|gave|talked|explained|to\s+(?:present|speak|talk|address|give))\b", rest))
                for name in names:
                    person = self.registry.group("first:" + name, role=None, kind="public")
                    person.display = name
                    person.kind_hint = "public"
                    intro_np = None
                    spoke = False
                    for occ in re.finditer(rf"\b{re.escape(name)}\b", text[start:end]):
                        pos = start + occ.start()
                        np = NounPhrase(pos, pos + len(name), name, "bare")
                        if m.start("names") <= pos < m.end("names"):
                            intro_np = np
                        elif not lx.object_before(_context_before(text, pos, start)) and _speaks_after(text, np.end, end):
                            self._add(np, person)
                            spoke = True
                    if intro_np is not None and (contributed or spoke):
                        self._add(intro_np, person)

    def _add(self, np: NounPhrase, person: Person) -> None:
        chair = np.kind == "role" and bool(np.role) and kind_for_role(np.role) == "chair"
        text, end = np.text, np.end
        if np.kind == "rep":
            # "A representative of Keep Our NHS Local": the mention is "A representative"; the
            # organisation describes them (as "A resident of Hillside Road" does)
            m = _REP_HEAD.match(text)
            if m:
                text, end = m.group(1), np.start + m.end(1)
        self.mentions.append(Mention(np.start, end, text, person, chair))

    def _register(self, unit: _Unit) -> None:
        np, app = unit.primary, unit.appositive
        named = np if np.named else (app if app is not None and app.named else None)
        role_np = app if named is np else (np if app is not None else None)
        if named is None:
            return
        people = [self.registry.add_named(named, name) for name in named.names
                  if name.full or named.kind in ("councillor", "titled")]
        if len(people) != 1:
            return
        person = people[0]
        if role_np is not None and role_np.role:
            person.add_role(role_np.role)
            if role_np.kind == "public":
                person.kind_hint = "public"
        if unit.extra_role and np is named:
            person.add_role(unit.extra_role)

    def _resolve(self, unit: _Unit) -> list[Person]:
        np = unit.primary
        registry = self.registry
        if np.named:
            people = [registry.resolve_named(np, name) for name in np.names]
            if len(people) == 1 and unit.appositive is not None and unit.appositive.role:
                people[0].add_role(unit.appositive.role)
                if unit.appositive.kind == "public":
                    people[0].kind_hint = "public"
            elif len(people) == 1 and unit.extra_role:
                people[0].add_role(unit.extra_role)
            return people
        if np.roleish and unit.appositive is not None and unit.appositive.named:
            named = unit.appositive
            people = [registry.resolve_named(named, name) for name in named.names]
            if len(people) == 1:
                people[0].add_role(np.role)
                if unit.extra_role:
                    people[0].add_role(unit.extra_role)
                if np.kind == "public":
                    people[0].kind_hint = "public"
            return people
        if np.kind == "anon1":
            return [registry.group("anon:member", role=None, kind="anonymous_member")]
        if np.kind == "anonp":
            return [registry.group("anon:members", role=None, kind="anonymous_member")]
        role = np.role or np.text
        if np.kind == "officers":
            return [registry.group("officers:" + normalise_role(role), role=role, kind="officer")]
        if np.kind == "public":
            return [registry.group("public:" + normalise_role(role), role=role, kind="public")]
        if np.kind == "rep":
            return [registry.group("rep:" + normalise_role(role), role=role, kind="external")]
        found = registry.resolve_role(role)
        if found is not None and found.display is None and found.key.startswith("role:"):
            return [found]
        if found is None and re.search(r"(?i)inspector|superintendent|sergeant|constable|commander", role):
            found = registry.resolve_rank(role)
        if found is not None:
            return [found]
        return [registry.group("role:" + normalise_role(role), role=role, kind=kind_for_role(role))]


_COURTESY = ("Mr", "Mrs", "Ms", "Miss", "Mx")


def _county_styled_members(people: list[Person]) -> None:
    """Where members are styled "Mr/Mrs" (county councils), a bare "Mr Hollis" is a member.

    Current minutes give a bare Mr/Mrs speaker to the public (objectors, agents); but when the
    same item shows a Mr/Mrs holding a council role ("Mr R Tennant (Cabinet Member for
    Highways)"), the house style names members that way, and the others are members too.
    """
    def courtesy(p: Person) -> bool:
        return bool(p.honorific) and p.honorific.rstrip(".") in _COURTESY and not p.councillor

    styled = any(courtesy(p) and p.roles and kind_for_role(p.roles[0]) in ("councillor", "chair") for p in people)
    if not styled:
        return
    for p in people:
        if courtesy(p) and not p.roles and p.kind_hint is None:
            p.kind_hint = "councillor"


# A fire and rescue authority's own uniformed staff are its officers (elsewhere they are guests)
_FIRE_AUTHORITY = re.compile(r"(?i)\bfire(?:\s+and\s+rescue)?\s+authority\b|\bcombined\s+fire\s+authority\b|\b(?-i:the\s+Authority)\b")
_FIRE_RANK = re.compile(
    r"(?i)\b(?:(?:deputy\s+|assistant\s+)?chief\s+fire\s+officer|area\s+manager|group\s+manager|station\s+manager|"
    r"watch\s+manager|crew\s+manager|firefighter|brigade\s+manager)\b")


def fire_ranks_as_officers(speakers: tuple[Speaker, ...], text: str) -> tuple[Speaker, ...]:
    """At a fire authority ("the Authority" in its minutes), "Area Manager Pennock" and "the Chief
    Fire Officer" speak as its officers; at a partnership or panel they stay external guests."""
    if not _FIRE_AUTHORITY.search(text):
        return speakers
    return tuple(
        replace(s, kind="officer") if s.kind == "external" and any(
            _FIRE_RANK.search(t) for t in (s.role or "", *s.mentions)) else s
        for s in speakers)


# A parish or town council's standing item "Reports from District and County Councillors": those
# councillors sit on another council and report to this one as guests
_OTHER_TIER_REPORTS = re.compile(
    r"(?i)\breports?\s+(?:from|by|of)\s+(?:the\s+)?(?:ward\s+)?(?:district|county|borough|unitary|city)\b[^\n.]{0,40}councillors?\b"
    # the same item headed "District Councillor's report", "County Councillors' reports"
    r"|\b(?:district|county|borough|unitary|city)\s+(?:councillor|cllr)s?['’]?s?['’]?\s+reports?\b")
_TIER_NAME = re.compile(r"^(?:District|County|Borough|Unitary|City)\s+Councillor\b")


def other_tier_councillors_as_external(speakers: tuple[Speaker, ...], text: str) -> tuple[Speaker, ...]:
    """"District Councillor Acland reported ..." under a parish's reports item speaks as a guest."""
    if not _OTHER_TIER_REPORTS.search(text):
        return speakers
    return tuple(replace(s, kind="external") if s.kind == "councillor" and s.name and _TIER_NAME.match(s.name) else s
                 for s in speakers)


def speakers_from_mentions(mentions: list[Mention]) -> tuple[Speaker, ...]:
    """One Speaker per person, in order of first mention; mention strings unique, in order."""
    order: list[Person] = []
    texts: dict[int, list[str]] = {}
    for m in mentions:
        key = id(m.person)
        if key not in texts:
            order.append(m.person)
            texts[key] = []
        if m.text not in texts[key]:
            texts[key].append(m.text)
    _county_styled_members(order)
    as_chair = {id(m.person) for m in mentions if m.chair_phrase}
    guests = _mayor_not_presiding(mentions)
    return tuple(
        Speaker(name=p.display, role=p.role,
                kind="councillor" if id(p) in guests else
                "chair" if id(p) in as_chair and p.kind == "councillor" else p.kind,
                mentions=tuple(texts[id(p)]))
        for p in order
    )


_MAYOR_PHRASE = re.compile(r"(?i)^(?:the\s+)?(?:(?:city|elected|metro|regional)\s+)?mayor$")
_CHAIR_PHRASE = re.compile(r"(?i)^(?:the\s+)?chair(?:man|woman|person)?$")


def _mayor_not_presiding(mentions: list[Mention]) -> set[int]:
    """"The Chair welcomed the Mayor, who answered questions": where someone else presides as "the
    Chair", the Mayor (an elected mayor at scrutiny, a civic mayor as a guest) is not in the chair."""
    chairs = {id(m.person) for m in mentions if _CHAIR_PHRASE.match(m.text)}
    if not chairs:
        return set()
    mayors = {id(m.person) for m in mentions if _MAYOR_PHRASE.match(m.text)}
    return {p for p in mayors - chairs
            if not any(id(m.person) == p and m.chair_phrase and not _MAYOR_PHRASE.match(m.text) for m in mentions)}


def person_label(person: Person) -> str | None:
    """How a commitment names its owner: the person's name, else their role."""
    if person.display:
        return person.display
    if person.kind_hint == "anonymous_member":
        return None
    return person.role
