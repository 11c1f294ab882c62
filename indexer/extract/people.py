"""People in minutes: the noun phrases that name them, and who those phrases refer to.

Minutes introduce people in a handful of ways: by honorific and surname ("Councillor Grant",
"Inspector Knopp"), by full name in an introduction ("Daxa Pancholi, the Head of Community Safety
and Protection, ... were present"), by role alone ("the Head of Planning", "The Chair"), as an
anonymous member ("A Member", "Members") or as a member of the public ("the objector"). This module
finds those phrases (``find_noun_phrases``) and keeps a registry of the people an item (and its
meeting's attendance list) makes known, so that later phrases resolve to one person
(``Registry.resolve``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from indexer.extract import lexicon as lx
from scraper.records import Attendee

PERSON_NAME_NO_HON = (
    rf"(?:(?:{lx.INITIALS}{lx.SP}?)?{lx.CAPS_NAME_TOKEN}"
    rf"(?:{lx.SP_IN_NAME}(?:{lx.PARTICLE}{lx.SP}){{0,2}}{lx.CAPS_NAME_TOKEN}){{0,3}})"
)
_NAME_LIST_SEP = rf"(?:{lx.SP}?,{lx.SP}(?:and{lx.SP})?|{lx.SP}and{lx.SP}|{lx.SP}&{lx.SP})"

_LOWER_STARTERS = (
    {"the", "a", "an", "one", "another", "his", "her", "their", "our", "its", "members", "councillors",
     "officers", "member", "councillor", "relevant", "other", "senior", "two", "three", "four", "some",
     "several", "many", "all", "both", "various", "numerous", "fellow", "individual", "lead", "local",
     "second", "first", "third", "fourth", "further", "registered", "public", "principal", "main", "sole",
     "elected", "opposition", "independent", "co-opted"}
    | {r.split()[0].replace("'s", "").replace("s'", "") for r in lx.PUBLIC_ROLES}
    | {m.replace("'s", "") for m in lx.ROLE_LOWER_MODIFIERS}
)
# Most words cannot start a phrase naming a person; this gate rejects them before the alternation.
_GATE = rf"(?=[{lx.UP}]|{lx.trie_regex(_LOWER_STARTERS)}\b)"

NP_RE = re.compile(
    rf"\b{_GATE}(?:(?P<councillor>\b{lx.COUNCILLOR_PREFIX}{lx.SP}(?P<cnames>{lx.PERSON_NAME}"
    rf"(?:{_NAME_LIST_SEP}(?:(?:Councillor|Cllr\.?|Cyng\.){lx.SP}{lx.PERSON_NAME}|(?!{lx.HONORIFIC}{lx.SP}){lx.PERSON_NAME}))*))"
    rf"|(?P<titled>\b(?P<title>{lx.RANK}|{lx.HONORIFIC}|{lx.CIVIC_TITLE}){lx.SP}(?P<tname>{PERSON_NAME_NO_HON}))"
    rf"|(?P<public>\b{lx.PUBLIC_NP})"
    rf"|(?P<rep>\b{lx.REPRESENTATIVE_NP})"
    rf"|(?P<role>\b(?:(?=[TtAaOoHhIiYyCDPRS])(?:(?P<wdet>{lx.DET}){lx.SP})?(?P<rwelsh>{lx.WELSH_ROLE})"
    rf"|(?P<rdet>{lx.DET}){lx.SP}(?P<rposs>{lx._ROLE_POSSESSOR})?(?P<rbody>{lx.ROLE_BODY})"
    rf"|(?P<ldet>{lx.DET}){lx.SP}(?P<lposs>{lx._ROLE_POSSESSOR})?(?P<rlow>{lx.LOWER_ROLE_BEFORE_NAME})"
    rf"|(?P<rbodycap>{lx.ROLE_BODY_CAP})))"
    rf"|(?P<officers>\b{lx.OFFICERS_PLURAL})"
    rf"|(?P<anon1>\b{lx.ANON_SINGULAR})"
    rf"|(?P<anonp>\b{lx.ANON_PLURAL})"
    rf"|(?P<bare>\b{lx.BARE_NAME}))"
)
_SINGLE_PREFIX = re.compile(r"(?i)^(?:councillor|councilor|cllr\.?|alderman|ald\.|bailie|baillie|depute\s+provost|cyng\.|cynghorydd)$")
_NAME_SPLIT = re.compile(_NAME_LIST_SEP + rf"(?:(?:Councillor|Cllr\.?|Cyng\.){lx.SP})?")
_HONORIFIC_RE = re.compile(rf"^(?P<hon>{lx.HONORIFIC}){lx.SP}")
_INITIALS_RE = re.compile(rf"^(?P<ini>{lx.INITIALS}){lx.SP}?")
_PAREN_AFTER = re.compile(r"[ \t]*\((?P<inner>[^()\n]{1,80})\)")
_ORG_AFTER = re.compile(
    rf",?{lx.SP}(?:from|of|at|representing|on{lx.SP}behalf{lx.SP}of){lx.SP}(?:the{lx.SP})?"
    rf"(?P<org>[{lx.UP}][\w'’‐-]*(?:(?:{lx.SP}(?:and|&|of|for|the|on)?)?{lx.SP}?[{lx.UP}][\w'’‐-]*){{0,6}})"
)
_WS = re.compile(r"\s+")
_BARE_NAME_RE = re.compile(lx.BARE_NAME)

# ------------------------------------------------------------------------------- role kinds

_CHAIR_ROLE = re.compile(
    r"(?i)^(?:the\s+)?(?:(?:vice|deputy)[\s-]*)?(?:chair|chairman|chairwoman|chairperson|chair person|cadeirydd|is-gadeirydd|"
    r"presiding member|convenor|convener|provost|president|lord mayor|mayor|civic mayor|town mayor)"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?(?:(?:parish|town|community)\s+council|committee|panel|board|meeting|council|sub-committee|"
    r"commission|forum|cabinet|executive|scrutiny(?: committee)?|overview and scrutiny committee))?$"
)
_COUNCILLOR_ROLE = re.compile(
    r"(?i)\b(?:(?<!team )(?<!project )(?<!service )(?<!shift )(?<!crew )leader|cabinet member|executive member|lead member|portfolio holder|portfolio member|"
    r"assistant mayor|city mayor|elected mayor|executive mayor|mayoral member|member champion|"
    r"ward councillor|ward member|local member|shadow|opposition|group leader|chair of|vice[\s-]chair of|"
    r"chairman of|councillor|mayor of)\b"
)
_EXTERNAL_ROLE = re.compile(
    r"(?i)\b(?:police|constable|constabulary|superintendent|inspector|sergeant|commander|"
    r"commissioner|pcc|dpcc|pfcc|opcc|opfcc|fire|rescue|nhs|trust|ccg|icb|integrated care|healthwatch|hospital|"
    r"investment adviser|independent adviser|investment consultant|fund manager|pool|pooling|"
    r"ambulance|university|college|coroner|ombudsman|external auditor|auditor|probation|"
    r"ofsted|cqc|government|department for|home office|ministry|agency|environment agency|"
    r"network rail|highways england|national highways|representative|spokesperson|delegation|"
    r"headteacher|head teacher|governor|gp|general practitioner|consultant psychiatrist|"
    r"chamber of commerce|bid|housing association|church|diocese|mosque|charity|chief executive of|"
    r"care network|primary care|pcn|clinical|medical|foundation|partnership trust|independent person|"
    r"independent member|co-opted|lay member|engagement lead|external|healthwatch|camhs|gp practice|"
    r"llp|ltd|limited|plc|consulting|consultancy|associates|audit partner|key audit partner|"
    # members sitting for an interest ("(landowner interests)"), a national park's member, hospital clinicians
    r"interests|national park|physician|surgeon|paediatrician|midwife)\b"
)
_COMPANY = re.compile(r"(?i)\b(?:llp|ltd|limited|plc|consulting|consultancy|associates|& co)\b")
_PUBLIC_ROLE = re.compile(
    r"(?i)\b(?:public|objectors?|applicants?|agents?|petitioners?|residents?|electors?|speakers?|supporters?|representors?|"
    r"complainants?|appellants?|licence holders?|licensees?|interested part(?:y|ies)|witness(?:es)?|questioners?|"
    r"neighbours?|drivers?|deputees?|friends[ \t]+of|residents['’]?[ \t]+association|tenants['’]?[ \t]+association|"
    r"action[ \t]+group|campaign[ \t]+group)(?:['’]s?)?\b"
)
_ROLE_NORM_SUBS = (
    (re.compile(r"(?i)\bco-?ordinator\b"), "coordinator"),
    (re.compile(r"(?i)\badvisor\b"), "adviser"),
    (re.compile(r"(?i)\bchair(?:man|woman|person| person)\b"), "chair"),
    (re.compile(r"(?i)\bvice[\s‐-]*chair\b"), "vice-chair"),
    (re.compile(r"\s*&\s*"), " and "),
    (re.compile(r"(?i)^(?:the|a|an|this|that|his|her|their|our|its)\s+"), ""),
    (re.compile(r"(?i)^(?:[\w ]+?['’]s?\s+)(?=[A-Za-z])"), ""),
    (re.compile(r"[‐]"), "-"),
    (re.compile(r"\s*\([^)]*\)"), ""),
)
_GENERIC_ATTENDEE_ROLES = frozenset(
    {"committee member", "member", "members", "substitute", "reserve", "panel member", "board member",
     "co-opted member", "voting member", "non-voting member", "attendee", "in attendance", "guest",
     "visitor", "observer", "officer", "officers"}
)


_PDF_HYPHEN = re.compile(r"(?<=[a-z])-\n[ \t]*(?=[a-z])")  # "Ser-\nvices" printed across a line break


def normalise_role(role: str) -> str:
    """A comparison key for a role: determiner, possessor and spelling variants removed."""
    out = _WS.sub(" ", _PDF_HYPHEN.sub("", role.strip()))
    for pattern, repl in _ROLE_NORM_SUBS:
        out = pattern.sub(repl, out)
    return out.strip(" ,.;:").lower()


def clean_role(role: str) -> str:
    """The role as displayed: no determiner or trailing punctuation, single spaces."""
    out = _WS.sub(" ", _PDF_HYPHEN.sub("", role.strip())).strip(" ,.;:")
    out = re.sub(r"(?i)^(?:the|a|an|this|that|his|her|their|our|its)\s+", "", out)
    if out and out[0].islower() and not _PUBLIC_ROLE.search(out):
        out = out[0].upper() + out[1:]
    return out


def is_chair_role(role: str | None) -> bool:
    return bool(role) and bool(_CHAIR_ROLE.match(role.strip()))


_COUNCILLOR_HEAD = re.compile(
    r"(?i)^(?:the\s+)?(?:deputy\s+|shadow\s+)?(?:leader|cabinet member|executive member|lead member|portfolio holder|"
    r"assistant mayor|city mayor|elected mayor|deputy city mayor|ward councillor|ward member|local member|"
    r"councillor|mayoral member|member champion|group leader|"
    # Welsh titles in English minutes: Arweinydd (Leader), Aelod Cabinet (Cabinet Member), Aelod Lleol (Local Member)
    r"arweinydd|dirprwy arweinydd|aelod cabinet|aelod lleol|cynghorydd)\b"
)


def kind_for_role(role: str) -> str:
    """The speaker kind a role implies: chair, councillor, public, external, else officer.

    Council roles named first ("Cabinet Member for Policing") are councillors; otherwise an
    outside body anywhere in the role ("Chair of the Integrated Care Board", "Director of
    Operations, NHS Trust") makes the person external.
    """
    if is_chair_role(role):
        low = role.lower()
        if "city mayor" in low or "elected mayor" in low or "executive mayor" in low:
            return "councillor"
        return "chair"
    if _PUBLIC_ROLE.search(role) and not re.search(r"(?i)officer|public health|public protection|public realm|public spaces", role):
        return "public"
    if _COUNCILLOR_HEAD.search(role):
        return "councillor"
    if re.search(r"(?i)\binternal\s+audit(?:or)?\b", role) and not _COMPANY.search(role):
        return "officer"  # "the Chief Internal Auditor" is the council's own; the external auditor is not
    if _EXTERNAL_ROLE.search(role):
        return "external"
    if _COUNCILLOR_ROLE.search(role):
        return "councillor"
    if is_outside_body(role):
        return "external"  # "Ms Ada Holt of the Riverside Pension Partnership": she speaks for that body
    return "officer"


# A body's name standing for a person's role ("of the Betting and Gaming Council", ", Balgreen Community
# Council,"): an outside body, unless it is a council department or a principal council (whose officers
# attend joint committees as officers)
_OUTSIDE_BODY = re.compile(
    r"^(?:the\s+)?(?:[A-Z][\w'’&-]*\s+(?:(?:and|&|of|for|the)\s+)*){1,6}"
    r"(?:Partnership|Trust|Association|Society|Ltd|Limited|LLP|Plc|Federation|Union|Network|Company|Consortium|"
    r"Alliance|Foundation|Charity|Institute|Club|Council|"
    # national bodies named after the nation: "Historic England", "Natural Resources Wales"
    r"England|Wales|Scotland|Cymru|Ireland)$")
_OWN_SIDE_BODY = re.compile(
    r"(?i)\b(?:county|district|borough|city|town|parish|metropolitan|unitary|combined)\s+council$|"
    r"\b(?:director|head|manager|officer|team|services?|department|directorate|division|unit)\b")


def is_outside_body(role: str) -> bool:
    role = _WS.sub(" ", role.strip())
    return bool(_OUTSIDE_BODY.match(role)) and not _OWN_SIDE_BODY.search(role)


# ------------------------------------------------------------------------------- noun phrases


@dataclass(frozen=True)
class NameParts:
    text: str  # as written, e.g. "Mrs J. Smith"
    honorific: str | None
    initials: str  # first letters of initials or given name, upper case
    given: str | None
    surname: str | None

    @property
    def full(self) -> bool:
        return self.given is not None and self.surname is not None


_SURNAME_PARTICLES = frozenset(
    "Ní Nic Mac Ó Ua Uí Nì van von der den de da di du le la dos das ap ab ferch".split())


def parse_name(text: str) -> NameParts:
    rest = _WS.sub(" ", text.strip())
    honorific = None
    m = _HONORIFIC_RE.match(rest)
    if m:
        honorific = m.group("hon").rstrip(".")
        rest = rest[m.end():]
    initials = ""
    m = _INITIALS_RE.match(rest)
    if m and len(rest) > m.end():
        initials = re.sub(r"[^A-ZÀ-ÖØ-Þ]", "", m.group("ini"))
        rest = rest[m.end():]
    words = rest.split(" ")
    surname = words[-1] if words and words[-1] else None
    given = None
    # a surname that opens on a particle keeps it ("Ní Chonaill", "Mac Giolla Rua", "van der Berg"):
    # "Councillor Ní Chonaill" is then the same person as "Councillor Aine Ní Chonaill"
    cut = next((i for i, w in enumerate(words[:-1]) if w in _SURNAME_PARTICLES), None)
    if cut is not None:
        surname = " ".join(words[cut:])
        words = words[:cut] + [surname]
    if len(words) >= 2:
        given = words[0]
        if not initials:
            initials = given[0].upper()
    return NameParts(text=text, honorific=honorific, initials=initials, given=given, surname=surname)


@dataclass(frozen=True)
class NounPhrase:
    start: int
    end: int
    text: str
    kind: str  # councillor | titled | public | rep | role | officers | anon1 | anonp | bare
    names: tuple[NameParts, ...] = ()
    role: str | None = None  # for role-like phrases: the role text without determiner
    title: str | None = None  # rank or honorific for "titled"
    has_det: bool = False
    org: str | None = None  # "Dr Patel from the NHS Trust": NHS Trust

    @property
    def named(self) -> bool:
        return self.kind in ("councillor", "titled", "bare")

    @property
    def roleish(self) -> bool:
        return self.kind in ("role", "public", "rep", "officers")


def find_noun_phrases(text: str, start: int = 0, end: int | None = None) -> list[NounPhrase]:
    """Every phrase in text[start:end] that may name a person, left to right, not overlapping."""
    end = len(text) if end is None else end
    out: list[NounPhrase] = []
    pos = start
    while pos < end:
        m = NP_RE.search(text, pos, end)
        if m is None:
            break
        pos = m.end() if m.end() > m.start() else m.end() + 1
        nl = _heading_break(text, m)
        if nl >= 0:
            pos = nl + 1  # "8. NEEDS ASSESSMENT\nSuperintendent Marcus Delahaye": the heading ends at the line
            continue
        np = _to_np(text, m)
        if np is None:
            continue
        if np.end < m.end():
            pos = np.end  # "Councillor Ann Lee and Councillor Raj Dev": the rest is read again
        if np.kind == "bare" and out and out[-1].kind == "role" and _ROLE_AT.fullmatch(text, out[-1].end, np.start):
            continue  # "Head of Networks at Severndale Water": where the role is held, not a person
        out.append(np)
    titles = [np for np in _one_word_titles(text, start, end)
              if not any(o.start < np.end and np.start < o.end for o in out)]
    if titles:
        out = sorted(out + titles, key=lambda np: np.start)
    return out


_HEADING_LEAD = re.compile(r"[ \t]*(?:[A-Z]{0,6}[\d./\-–()]*[\d)][.)]?[ \t]+)?")


def _heading_break(text: str, m: re.Match[str]) -> int:
    """Where a capitalised role without a determiner runs from a heading line into the next line
    ("Policing Report\nChief Inspector ..."), the newline that ends the heading; else -1.

    A heading is a line of its own, opened by at most a minute number or reference: the words
    on it are not the start of a role that the printer wrapped.
    """
    if m.lastgroup != "role" or m.group("rdet") or m.group("wdet") or m.group("ldet"):
        return -1
    nl = text.find("\n", m.start(), m.end())
    if nl < 0:
        return -1
    first, rest = text[m.start():nl], text[nl + 1:m.end()]
    if first.isupper() and not rest.isupper():
        return nl  # "... – STRATEGIC NEEDS ASSESSMENT\nSuperintendent ...": a heading in capitals
    line_start = text.rfind("\n", 0, m.start()) + 1
    lead = _HEADING_LEAD.match(text, line_start, m.start())
    return nl if lead and lead.end() == m.start() else -1


_NEXT_CAP_WORD = re.compile(r"[ \t]+([A-Z][\w'’‐-]*)")
# words that continue a body's name after a place or founder's name ("Hywel Mawr University Health
# Board", "Ashby Fields Residents Association"); a role after a name ("Jo Rees Democratic Services
# Officer" in a table) does not make it a body
_ORG_WORDS = frozenset(
    """University College Hospital Hospitals Health Trust Board Council Councils School Schools Academy Association
    Society Club Clubs Church Centre Center Foundation Fund Company Ltd Limited Plc LLP Group Partnership Network
    Agency Authority Commission Housing Homes Estate Estates Institute Federation Union Alliance Chamber Library
    Museum Surgery Practice Clinic Cathedral Mosque Temple Synagogue Hub Airport Station Port Community
    Communities Care Water Energy Rail Railway Transport Bus Buses Motors Garage Farm Farms Developments Properties
    Homes Consulting Consultancy Associates Architects Planning Solicitors Chambers Bank Trading Enterprises
    Industries Services Residents Tenants Friends Forum Trustees Charity Charitable Parish Town District County
    Borough City""".split())


_ROLE_AT = re.compile(r"[ \t]+(?:at|of|from)[ \t]+(?:the[ \t]+)?")
_TITLE_DET = re.compile(r"(?<![\w'’])[Tt]he[ \t]+$")
# "the Arweinydd agreed", "The Chamberlain confirmed": one capitalised word after "the", speaking.
# Bodies act collectively ("The Council agreed", "The Assembly noted") and are never titles.
# (two patterns, each opening on a literal: the regex engine then skips ahead to candidates quickly)
_ONE_WORD_TITLES = tuple(
    re.compile(rf"{det}[ \t]+(?P<w>[{lx.UP}][{lx.LO}]{{3,}})(?![\w'’‐-])") for det in ("The", "the"))
_BODY_WORDS = frozenset(
    """Assembly Parliament Senedd Secretariat Consortium Coalition Tribunal Inquiry Conference Convention
    Bench Bureau Organisation Organization Cooperative Co-operative Federation Commission Company Trust Board
    Committee Council Cabinet Panel Forum Executive Authority Partnership Group Government Department
    Ministry Agency Inspectorate Service Police Applicant Appellant Objector Petitioner Chamber Court Press
    Times Guardian Telegraph Gazette Echo Herald Post Mirror Observer Chronicle Courier Mail News Express
    Report Motion Amendment Meeting Item Plan Strategy Scheme Project Programme Review Budget Policy
    Conservatives Liberals Socialists Independents Nationalists Unionists Republicans Democrats
    Guidance Survey Letter Bill Notice Lease Covenant Data Evidence Table Chart Graph Map Results Response
    Responses Feedback Study Analysis Audit Inspection Petition Email Correspondence Statement Summary Note
    Memo Briefing Document Documents Proposal Proposals Application Applications Legislation Law Directive
    Code Protocol Charter Manifesto Accounts Forecast Model Research Minutes Agenda Timetable Contract
    Tender Bid Specification Brief Schedule Register Dashboard Scorecard Website Media Public Community
    Data Figures Statistics Minister Ministers""".split())


def _one_word_titles(text: str, start: int, end: int) -> list[NounPhrase]:
    out = []
    for m in (m for pattern in _ONE_WORD_TITLES for m in pattern.finditer(text, start, end)):
        if m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "'’_"):
            continue  # "bathe", "O'the"
        w = m.group("w")
        if w in lx.NOT_NAME_WORDS or w in _BODY_WORDS or w.endswith(("ship", "ment", "tion", "ence", "ance")):
            continue
        if not lx.SPEECH_AFTER.match(text, m.end(), min(end, m.end() + 80)):
            continue
        out.append(NounPhrase(m.start(), m.end(), m.group(0), "role", role=w, has_det=True))
    return sorted(out, key=lambda np: np.start)


def _to_np(text: str, m: re.Match[str]) -> NounPhrase | None:
    kind = m.lastgroup
    s, e = m.start(), m.end()
    if s > 1 and text[s - 1] in "-‐" and text[s - 2].isalpha():
        return None  # "Non-Executive Member": "Executive Member" is the tail of one word, not a role
    if kind not in ("councillor", "titled", "bare") and \
            re.match(r"[ \t]+(?:appointed|nominated|elected|co-opted|designated)[ \t]+[A-Z]", text[e:e + 40]):
        return None  # "a Secretary of State appointed Member": who appointed them, inside a longer role
    if kind == "councillor":
        prefix = re.sub(r"-\n[ \t]*", "", m.group("cprefix"))  # "Council-\nlor"
        names_text = m.group("cnames")
        nl = names_text.find("\n")
        if nl > 0:
            line_end = text.find("\n", m.start("cnames") + nl + 1)
            next_line = text[m.start("cnames") + nl + 1:line_end if line_end >= 0 else len(text)]
            if re.search(r":|\s/\s", next_line):
                # "Proposed by: Cllr Hughes\nSeconded by: Cllr Bowen": the next line is a new label
                names_text = names_text[:nl].rstrip()
                e = m.start("cnames") + len(names_text)
        parts = [p for p in _NAME_SPLIT.split(names_text) if p]
        if _SINGLE_PREFIX.match(prefix.strip()) and len(parts) > 1:
            # "Councillor Smith and Jones" is not a list; keep the first name only
            first_end = m.start("cnames") + names_text.index(parts[0]) + len(parts[0])
            e = first_end
            parts = parts[:1]
        names = tuple(parse_name(p) for p in parts)
        return NounPhrase(s, e, text[s:e], "councillor", names=names)
    if kind == "titled":
        title = _WS.sub(" ", m.group("title")).rstrip(".")
        name = parse_name(m.group("tname"))
        if title in lx.HONORIFICS:
            name = NameParts(m.group(0), title, name.initials, name.given, name.surname)
            title_out = title
        else:
            title_out = title
        return NounPhrase(s, e, m.group(0), "titled", names=(name,), title=title_out)
    if kind == "bare":
        words = m.group(0).split()
        # a place-word surname is allowed last, where the lexicon's lookahead vouched for it
        if any(w.rstrip(".") in lx.NOT_NAME_WORDS for w in words[:-1]) or (
                words[-1].rstrip(".") in lx.NOT_NAME_WORDS and words[-1] not in lx.PLACE_WORD_SURNAMES):
            return None
        nxt = _NEXT_CAP_WORD.match(text, e)
        if nxt and nxt.group(1) in _ORG_WORDS:
            return None  # "Hywel Mawr University Health Board": the start of a body's name, not a person
        det = _TITLE_DET.search(text, max(0, s - 5), s)
        if det:
            # "The Prif Weithredwr said", "The Employee Side asked": a name never takes the article,
            # so capitalised words after "the" are a title (in Welsh, or a group) and keep it
            return NounPhrase(det.start(), e, text[det.start():e], "role", role=clean_role(m.group(0)), has_det=True)
        return NounPhrase(s, e, m.group(0), "bare", names=(parse_name(m.group(0)),))
    if kind == "role":
        if m.group("rwelsh"):
            welsh = m.group("rwelsh")
            y = re.match(r"[Yy]r?\s+", welsh)  # Welsh "Y/Yr" is the determiner: "Y Cadeirydd" is "The Chair"
            return NounPhrase(s, e, m.group(0), "role", role=clean_role(welsh[y.end():] if y else welsh),
                              has_det=bool(m.group("wdet") or y))
        if m.group("rlow"):
            poss = m.group("lposs") or ""
            return NounPhrase(s, e, m.group(0), "role", role=clean_role(poss + m.group("rlow")), has_det=True)
        if m.group("rbodycap"):
            comma = m.group(0).find(",")
            if comma > 0 and _BARE_NAME_RE.fullmatch(m.group(0)[:comma]):
                # "Mark Ellis, Flood and Coastal Risk Manager at ...": a name, then its role in
                # apposition, not one role listing "Mark Ellis, Flood and Coastal" areas
                name = m.group(0)[:comma]
                return NounPhrase(s, s + comma, name, "bare", names=(parse_name(name),))
        body = m.group("rbody") or m.group("rbodycap")
        poss = m.group("rposs") or ""
        role = clean_role(poss + body) if poss else clean_role(body)
        return NounPhrase(s, e, m.group(0), "role", role=role, has_det=bool(m.group("rdet")))
    if kind in ("public", "rep", "officers"):
        raw = m.group(0)
        has_det = bool(re.match(rf"{lx.DET}\b", raw))
        return NounPhrase(s, e, raw, kind, role=clean_role(raw), has_det=has_det)
    if kind in ("anon1", "anonp"):
        return NounPhrase(s, e, m.group(0), kind)
    return None


def paren_after(text: str, pos: int) -> re.Match[str] | None:
    return _PAREN_AFTER.match(text, pos)


def org_after(text: str, pos: int) -> re.Match[str] | None:
    return _ORG_AFTER.match(text, pos)


# ------------------------------------------------------------------------------- registry


@dataclass(eq=False)
class Person:
    """Someone the item or the meeting makes known; speakers point at one of these."""

    display: str | None  # None for people known only by role, or anonymous
    surname: str | None = None
    given: str | None = None
    initials: str = ""
    councillor: bool = False
    rank: str | None = None  # "Police Inspector": becomes the role when no other role is known
    honorific: str | None = None
    roles: list[str] = field(default_factory=list)
    kind_hint: str | None = None  # from the attendance list or the phrase type
    key: str = ""  # grouping key for role-only and anonymous speakers

    def add_role(self, role: str | None) -> None:
        if not role:
            return
        norm = normalise_role(role)
        if norm and norm not in {normalise_role(r) for r in self.roles}:
            self.roles.append(clean_role(role))

    @property
    def role(self) -> str | None:
        if self.roles:
            return self.roles[0]
        return self.rank

    @property
    def kind(self) -> str:
        if self.kind_hint in ("anonymous_member", "public"):
            return self.kind_hint
        presiding = [r for r in self.roles if is_chair_role(r) and kind_for_role(r) == "chair"]
        if presiding and (not self.councillor or any(not re.match(r"(?i)(?:the\s+)?(?:vice|deputy)", r) for r in presiding)):
            return "chair"  # a named councillor who is only the Vice-Chair speaks as a councillor
        if self.councillor:
            return "councillor"
        if self.rank:
            return "external"
        if self.roles:
            kind = kind_for_role(self.roles[0])
            if kind == "officer" and any(_COMPANY.search(r) for r in self.roles):
                return "external"  # "The Investigating Officer, Ms Dunmore of Dunmore Governance Ltd"
            return kind
        if self.kind_hint:
            return self.kind_hint
        if self.honorific and self.honorific.rstrip(".") in ("Mr", "Mrs", "Ms", "Miss", "Mx"):
            # "Mr Brooks asked": in today's minutes a bare Mr/Mrs is a speaker from the public
            # (objectors, agents, petitioners, questioners); officers and guests come with a role.
            return "public"
        return "external"

    def matches_name(self, name: NameParts) -> bool:
        if not self.surname or not name.surname or self.surname.lower() != name.surname.lower():
            return False
        if name.given and self.given:
            return name.given.lower() == self.given.lower()
        if name.initials and self.initials:
            return name.initials[0] == self.initials[0]
        return True


class Registry:
    """The people one item knows about, with the rules that map a phrase to one of them."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self._by_key: dict[str, Person] = {}

    # -- building
    def add_attendee(self, attendee: Attendee) -> Person | None:
        raw = _WS.sub(" ", attendee.name or "").strip()
        if not raw:
            return None
        councillor = False
        m = re.match(rf"(?i)^{lx.COUNCILLOR_PREFIX}\s+", raw)
        body = raw
        if m:
            councillor = True
            body = raw[m.end():]
        rank = None
        r = _RANK_PREFIX_RE.match(body) if not councillor else None
        if r and len(body) > r.end():
            rank = _WS.sub(" ", r.group("rank")).rstrip(".")  # "Inspector Kay Lamb" in an attendance list
            body = body[r.end():]
        name = parse_name(body)
        role = (attendee.role or "").strip()
        if _PURPOSE_NOT_ROLE.match(role):
            role = ""  # "(to present item 6)", "(for item 5)": why they came, not what they are
        kind_hint = None
        if role.lower() in ("officer", "officers") or (role and "officer" in role.lower() and not councillor):
            kind_hint = "officer"
        elif (attendee.attendance or "").strip().lower() == "present" and not councillor and not role \
                and (name.honorific or "").rstrip(".") in ("Mr", "Mrs", "Ms", "Miss", "Mx"):
            kind_hint = "councillor"  # the members present: county minutes style them "Mr/Mrs"
        person = Person(
            display=(f"Councillor {body}" if councillor and not raw.lower().startswith(("councillor", "councilor"))
                     else body if rank else raw),
            surname=name.surname, given=name.given, initials=name.initials, councillor=councillor,
            honorific=name.honorific, kind_hint=kind_hint,
        )
        if rank:
            person.rank = rank
        if role and role.lower() not in _GENERIC_ATTENDEE_ROLES:
            person.add_role(role)
        self.people.append(person)
        return person

    def _ambiguous(self, np: NounPhrase, name: NameParts) -> Person | None:
        """"Councillor Jones" when the item knows two Joneses: a speaker of its own, unnamed."""
        if name.given or name.initials:
            return None
        candidates = [p for p in self.people if p.display and p.matches_name(name) and (p.given or p.initials)]
        if np.kind == "councillor":
            candidates = [p for p in candidates if p.councillor]
        if len(candidates) < 2:
            return None
        key = "ambiguous:" + _WS.sub(" ", np.text.lower())
        person = self._by_key.get(key)
        if person is None:
            person = Person(display=None, surname=name.surname, councillor=np.kind == "councillor", key=key)
            self._by_key[key] = person
        return person

    def add_named(self, np: NounPhrase, name: NameParts) -> Person:
        """Register (or find) the person a named phrase introduces."""
        ambiguous = self._ambiguous(np, name)
        if ambiguous is not None:
            return ambiguous
        found = self._find_by_name(np, name)
        if found is not None:
            if name.given and not found.given:
                found.given = name.given
                found.initials = name.initials or found.initials
                found.display = self._display(np, name)
            return found
        deputy = np.kind == "titled" and np.title in lx.CIVIC_TITLES  # "Deputy Shukla", "Mayor Keeble": members
        person = Person(
            display=self._display(np, name), surname=name.surname, given=name.given,
            initials=name.initials, councillor=np.kind == "councillor" or deputy, honorific=name.honorific,
        )
        if np.kind == "titled" and np.title and np.title not in lx.HONORIFICS and not deputy:
            person.rank = np.title
        self.people.append(person)
        return person

    def _display(self, np: NounPhrase, name: NameParts) -> str:
        if np.kind == "councillor":
            prefix = "Councillor"
            low = np.text.lower()
            if low.startswith(("alderman", "aldermen", "ald.")):
                prefix = "Alderman"
            elif low.startswith(("bailie", "baillie")):
                prefix = "Bailie"
            tier = re.match(r"(County|Borough|District|City|Town|Parish)\s+(?:Council|Cllr)", np.text)
            if tier and prefix == "Councillor":
                prefix = f"{tier.group(1)} Councillor"  # the text's own style: "County Councillor Ferris"
            return prefix + " " + _WS.sub(" ", name.text.strip())
        if np.kind == "titled" and np.title in lx.CIVIC_TITLES:
            return np.title + " " + _WS.sub(" ", name.text.strip())
        if np.kind == "titled" and np.title and np.title not in lx.HONORIFICS:
            if name.given:
                return _WS.sub(" ", name.text.strip())
            return f"{np.title} {name.text.strip()}"
        return _WS.sub(" ", name.text.strip())

    def _find_by_name(self, np: NounPhrase, name: NameParts) -> Person | None:
        candidates = [p for p in self.people if p.display and p.matches_name(name)]
        if np.kind == "councillor":
            preferred = [p for p in candidates if p.councillor]
            candidates = preferred or [p for p in candidates if not p.rank]
        elif np.kind == "titled" and np.title and np.title not in lx.HONORIFICS:
            candidates = [p for p in candidates if not p.councillor] or candidates
        if len(candidates) == 1:
            return candidates[0]
        strict = [p for p in candidates if (name.given and p.given and name.given.lower() == p.given.lower())
                  or (not name.given and name.initials and p.initials and name.initials[0] == p.initials[0])]
        if len(strict) == 1:
            return strict[0]
        if len(candidates) > 1 and name.given:
            exact = [p for p in candidates if p.given and p.given.lower() == name.given.lower()]
            if len(exact) == 1:
                return exact[0]
        if len(candidates) > 1:
            same_text = [p for p in candidates if p.display and name.text in p.display]
            if len(same_text) == 1 and not any(p.given for p in candidates if p is not same_text[0]):
                return same_text[0]
        return None

    def group(self, key: str, *, role: str | None, kind: str) -> Person:
        """A speaker known only by role, or anonymously: one per key within the item."""
        person = self._by_key.get(key)
        if person is None:
            person = Person(display=None, key=key, kind_hint=kind)
            if role:
                person.add_role(role)
            self._by_key[key] = person
        return person

    # -- resolving
    def resolve_named(self, np: NounPhrase, name: NameParts) -> Person:
        ambiguous = self._ambiguous(np, name)
        if ambiguous is not None:
            return ambiguous
        found = self._find_by_name(np, name)
        if found is not None:
            return found
        if np.kind == "councillor" or name.full or np.kind == "titled":
            return self.add_named(np, name)
        # a bare single-surname phrase that matches nobody: keep it as written
        key = "name:" + name.text.lower()
        existing = self._by_key.get(key)
        if existing is None:
            existing = Person(display=name.text, surname=name.surname, key=key)
            self._by_key[key] = existing
        return existing

    def resolve_role(self, role: str) -> Person | None:
        """The unique known person holding this role ("The Head of X" -> Daxa Pancholi)."""
        norm = normalise_role(role)
        if not norm:
            return None
        exact = [p for p in self.people if p.display and any(normalise_role(r) == norm for r in p.roles)]
        if len(exact) == 1:
            return exact[0]
        if exact:
            return None
        if norm in ("chair", "vice-chair"):
            return None
        if len(norm.split()) < 2:
            # "The Leader" is not the Leader of the Opposition, "The Director" not a Deputy Director
            heads = [p for p in (*self.people, *self._by_key.values())
                     if (p.display or p.key.startswith("role:")) and any(
                         norm in _role_heads(r) and not _QUALIFIED_ROLE.search(normalise_role(r)) for r in p.roles)]
            return heads[0] if len(heads) == 1 else None
        prefixed = [
            p for p in self.people if p.display and any(
                normalise_role(r).startswith(norm + " ") or norm.startswith(normalise_role(r) + " ")
                for r in p.roles if len(normalise_role(r).split()) >= 2
            )
        ]
        if len(prefixed) == 1:
            return prefixed[0]
        return None

    def resolve_rank(self, rank: str) -> Person | None:
        """"The Inspector" after "Police Inspector William Knopp" was introduced."""
        norm = rank.lower().replace("police ", "").strip()
        found = [p for p in self.people if p.rank and p.rank.lower().replace("police ", "").strip() == norm]
        return found[0] if len(found) == 1 else None


_RANK_PREFIX_RE = re.compile(rf"(?P<rank>{lx.RANK})\s+(?=[{lx.UP}])")
_PURPOSE_NOT_ROLE = re.compile(r"(?i)(?:to|for)\s+(?:present|answer|give|introduce|report|speak|update|brief|item|minute|items)\b")
_QUALIFIED_ROLE = re.compile(r"^(?:deputy|assistant|vice|shadow|acting|interim)\b|\b(?:opposition|group)\b")


_HEAD_WORDS = frozenset(h.split()[-1].lower() for h in lx.ROLE_HEADS)


def _role_heads(role: str) -> set[str]:
    """The head of the role, and of the second post when one person holds two ("Town Clerk and RFO":
    "clerk" and "rfo"), so that "The RFO" later is the same person."""
    heads = {_role_head(role)}
    core = re.split(r"\s+(?:of|for)\s+", normalise_role(role), maxsplit=1)[0]
    parts = re.split(r"\s+and\s+", core, maxsplit=1)
    if len(parts) == 2 and parts[0].split() and parts[0].split()[-1] in _HEAD_WORDS and parts[1].split():
        heads.add(parts[1].split()[-1])
    return heads


def _role_head(role: str) -> str:
    """"Director of Adult Social Services" -> "director"; "Police and Crime Commissioner" ->
    "commissioner": the word a clerk uses for the role on second mention."""
    norm = normalise_role(role)
    core = re.split(r"\s+(?:of|for)\s+", norm, maxsplit=1)[0]
    # one person holding two posts ("Clerk and RFO"): the head is the first post's, when the words
    # before "and" end on a post ("Police and Crime Commissioner" is one post)
    first = re.split(r"\s+and\s+", core, maxsplit=1)[0]
    if first != core and first.split() and first.split()[-1] in _HEAD_WORDS:
        core = first
    words = core.split()
    return words[-1] if words else ""


def attendee_registry(attendees: Iterable[Attendee]) -> Registry:
    registry = Registry()
    for attendee in attendees:
        registry.add_attendee(attendee)
    return registry
