"""The vocabulary of UK minutes, as regex building blocks compiled once at import.

Minutes are reported speech written by clerks to a small set of conventions: people are introduced
by honorific or role ("Councillor Grant", "the Head of Planning", "Inspector Knopp", "A Member"),
contributions are reported with a closed class of verbs ("asked", "replied", "explained that"),
and resolutions use fixed headings ("RESOLVED:", "AGREED -"). Everything here describes that
language, not any particular document: the extractors combine these pieces.
"""

from __future__ import annotations

import re

UP = "A-ZÀ-ÖØ-Þ"
LO = "a-zß-öø-ÿ"
# Spaces inside a noun phrase: a single line break is allowed (printed minutes wrap lines), a
# blank line never is.
SP = r"(?:(?:[ \t\u00a0]+(?:\n[ \t\u00a0]*)?|\n[ \t\u00a0]*)(?!\n))"
APOS = "'’"


def ci(word: str) -> str:
    """``Officer`` -> ``[Oo]fficer``: minutes capitalise roles inconsistently."""
    first = word[0]
    if first.isalpha():
        return f"[{first.upper()}{first.lower()}]{re.escape(word[1:])}"
    return re.escape(word)


def alt(words: list[str] | tuple[str, ...], *, case_first: bool = False) -> str:
    """A non-capturing alternation, longest first so that regex alternation prefers it."""
    ordered = sorted(set(words), key=len, reverse=True)
    parts = []
    for w in ordered:
        pieces = w.split(" ")
        if case_first:
            pat = SP.join(ci(p) for p in pieces)
        else:
            pat = SP.join(re.escape(p) for p in pieces)
        pat = pat.replace("'", "['’]")
        parts.append(pat.replace(r"\-", "[-‐ ]?") if "-" in w else pat)
    return "(?:" + "|".join(parts) + ")"


def _prefix_tree(words) -> dict[str, dict]:
    """Words as nested dicts, one level per character; the key "" marks the end of a word."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return trie


def trie_regex(words: frozenset[str] | set[str] | list[str]) -> str:
    """A non-capturing regex matching exactly these literal words, factored as a prefix tree.

    Python's regex engine tries alternatives one by one; factoring shared prefixes turns a
    600-word alternation into a few dozen branches per character, which is what keeps the
    noun-phrase scan fast enough to run on every item.
    """
    trie = _prefix_tree(words)

    def emit(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
        if ends:
            body = body if body.startswith("(?:") and len(branches) > 1 else f"(?:{body})"
            return body + "?"
        return body

    return "(?:" + emit(trie) + ")"


def _alt_char(ch: str) -> str:
    """One character of a word as ``alt`` writes it: a space is SP, an apostrophe either kind, a
    hyphen optional or either kind."""
    if ch == " ":
        return SP
    if ch == "'":
        return "['’]"
    if ch == "-":
        return "[-‐ ]?"
    return re.escape(ch)


def lookahead_alt(words: list[str] | tuple[str, ...], *, case_first: bool = False) -> str:
    """The language of ``alt(words, case_first=...)`` as a prefix tree, for use inside a lookahead
    only: there just whether some word matches counts, not which one the alternation would pick, so
    the order of the words is free and the tree saves trying each of them in turn."""
    variants: set[str] = set()
    for w in words:
        forms = [""]
        for i, piece in enumerate(w.split(" ")):
            sep = " " if i else ""
            heads = {piece[0].upper(), piece[0].lower()} if case_first and piece[:1].isalpha() else {piece[:1]}
            forms = [f + sep + h + piece[1:] for f in forms for h in sorted(heads)]
        variants.update(forms)
    trie = _prefix_tree(variants)

    def emit(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = [_alt_char(ch) + emit(child) for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if ends else body

    return "(?:" + emit(trie) + ")"


# ---------------------------------------------------------------- people: names and titles

# Words that are capitalised in minutes but are never part of a person's name.
NOT_NAME_WORDS = frozenset(
    """
    A An The This That These Those It Its He She They We I You His Her Their Our My In On At Of For To
    From By With And Or But If As So Also Then When Where While Whilst After Before Following Further
    Furthermore However Although Members Member Councillor Councillors Cllr Cllrs Chair Chairman
    Chairwoman Chairperson Vice Mayor Lord Lady Leader Deputy Cabinet Committee Sub Council Councils
    Panel Board Forum Executive Director Directors Head Officer Officers Manager Managers Assistant Chief
    Strategic Service Services Corporate Senior Principal Interim Acting Lead Clerk Solicitor Adviser
    Advisor Legal Monitoring Scrutiny Policy Democratic Planning Licensing Inspector Superintendent
    Sergeant Constable Commissioner Police Crime Fire Rescue NHS Trust Health Care Social Public Adult
    Adults Children Children's Young People Education Schools School Housing Finance Budget Community
    Safety Protection Environment Transport Highways Waste Report Reports Minutes Minute Agenda Item
    Items Appendix Paper Presentation Update Programme Plan Strategy Policy Act Order Regulations Office
    Home Government Department Ministry Authority Authorities City County Borough District Town Parish
    Ward Wards Region Regional National Local Group Groups Partnership Partnerships Team Unit Centre
    Center Association Society Network Commission Agency Foundation Fund Company Ltd Limited Plc LLP
    University College Hospital Hospitals Clinic Practice Surgery England Wales Scotland Britain UK
    British English Welsh Scottish North South East West Northern Southern Eastern Western Central
    Greater Upper Lower New Old Great Royal Saint St Street Road Lane Avenue Park Square Hall House
    January February March April May June July August September October November December Monday
    Tuesday Wednesday Thursday Friday Saturday Sunday Resolved Agreed Decision Decisions Recommended
    Noted Approved Apologies Present Absent Declarations Declaration Interests Interest Questions
    Question Petition Petitions Motion Motions Amendment Amendments Vote Votes For Against Abstain
    Abstentions Carried Lost Yes No Action Actions Note Notes Background Purpose Summary Introduction
    Conclusion Recommendation Recommendations Appendix Annex Section Part Page Table Figure Channel
    Prevent Covid Brexit Labour Conservative Liberal Democrat Democrats Green Greens Independent
    Reform Party Group Opposition Administration Mr Mrs Ms Miss Dr Prof Professor Sir Dame Rev
    Reverend Revd Canon Father Imam Rabbi Bishop PC DC DS DI DCI PCSO Supt Insp Sgt Det Detective
    Ch Speaker Speakers Objector Objectors Applicant Applicants Agent Agents Resident Residents
    Petitioner Representative Representatives Delegation Guest Guests Visitor Visitors Nurse Doctor
    Mayoress Alderman Aldermen Freeman Honorary Deputies Portfolio Holder Holders Portfolios Co
    Coordinator Co-ordinator Co-Ordinator Analyst Accountant Engineer Planner Consultant Specialist
    Secretary Registrar Headteacher Governor Governors Administrator Auditor Auditors Ombudsman
    Counsel Barrister Advocate Champion Trustee Trustees Worker Workers Practitioner Practitioners
    Inspectorate Ofsted CQC Healthwatch Overview Select Joint Standing Special Extraordinary Annual
    General Meeting Meetings Session Sessions Event Events Training Development Review Reviews
    Budgets Revenue Capital Account Accounts Audit Risk Risks Performance Quarter Year Years Month
    Week Day Today Tomorrow Yesterday Thanks Thank Welcome Welcomed Please Any Every Each All Some
    Many Most Several Both Either Neither Other Another One Two Three Four Five Six Seven Eight Nine
    Ten First Second Third Last Next Previous Final Full Draft Revised Proposed Current Total Overall
    General Specific Key Main Major Minor Additional Supplementary Supporting Background Appendices
    Rutland Leicester Leicestershire London Manchester Birmingham Liverpool Leeds Bristol Sheffield
    Club Clubs Chamber Institute Federation Union Alliance Friends Rotary Lions Scouts Guides Church
    Mosque Temple Synagogue Academy Cathedral Charity Housing Homes Living Care Partnership Collective
    Hub Hubs Scheme Schemes Project Projects Initiative Zone Zones Bank Market Station Airport Port
    Library Libraries Museum Gallery Theatre Stadium Arena Pool Surgery Clinic Court Courts Prison
    Network Services Skills Growth Business Enterprise Works Estate Estates Centre Centres Ward
    Directorate Directorates Division Brigade Rules Procedure Procedures Standing Orders Constitution
    Code Codes Conduct Protocol Framework Charter Standards Regulation Control Enforcement Management
    Operations Commissioning Transformation Infrastructure Regeneration Resources Delivery Improvement
    Assets Property Economy Wellbeing Neighbourhoods Communities Customer Customers Digital
    Walk Close Drive Crescent Gardens Terrace Mews Boulevard
    """.split()
)

HONORIFICS = ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Sir", "Dame", "Lady",
              "Lord", "Rev", "Revd", "Reverend", "Canon", "Father", "Imam", "Rabbi", "Bishop")
HONORIFIC = r"(?:" + "|".join(sorted(HONORIFICS, key=len, reverse=True)) + r")\.?"

# Ranks that become the person's role ("Police Inspector William Knopp": role "Police Inspector").
RANK_WORDS = (
    "Inspector", "Chief Inspector", "Superintendent", "Chief Superintendent", "Sergeant",
    "Constable", "Chief Constable", "Deputy Chief Constable", "Assistant Chief Constable",
    "Commander", "Commissioner", "Police and Crime Commissioner", "Station Manager",
    "Group Manager", "Watch Manager", "Area Manager", "Insp", "Supt", "Sgt", "Ch Insp",
    "Ch Supt", "PCSO", "PC", "DC", "DS", "DI", "DCI", "DSI", "DCS", "ACC", "DCC",
    "Chief Fire Officer", "Deputy Chief Fire Officer", "Assistant Chief Fire Officer", "Crew Manager",
    "Firefighter", "Chief Officer", "Group Commander", "Station Commander", "Watch Commander",
    "Area Commander", "Crew Commander", "Divisional Commander", "Local Senior Officer",
)
RANK_PREFIX = r"(?:(?:Police|Detective|Det\.?|Acting|Temporary|T/|A/|Deputy|Assistant)\s?)"
RANK = (
    rf"(?:{RANK_PREFIX}{{0,2}}"
    + "(?:" + "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in sorted(RANK_WORDS, key=len, reverse=True)) + r")\.?)"
)

_NAME_CORE = rf"(?:(?:Mc|Mac|O['’]|D['’])?[{UP}][{LO}]+(?:[-‐'’][{UP}][{LO}]+)*)"
_STOP_ALT = trie_regex(NOT_NAME_WORDS)
NAME_TOKEN = rf"(?:(?!(?:{_STOP_ALT})\b){_NAME_CORE}(?![{APOS}][sS]\b)(?![-\w]))"
# After "Councillor" or a title almost any capitalised word is a name ("Councillor Young",
# "Councillor Hall"); only words that start the next phrase or sentence are refused.
AFTER_TITLE_NOT_NAME = frozenset(
    """
    A An The This That These Those It Its He She They We I In On At Of For To From By With And Or But If
    As So Also Then When Where While Whilst After Before However Although Members Member Councillor
    Councillors Cllr Cllrs Chair Chairman Chairwoman Chairperson Vice Mayor Leader Deputy Cabinet
    Committee Council Panel Board Executive Director Head Officer Officers Manager Assistant Chief
    Strategic Corporate Senior Principal Interim Acting Lead Clerk Solicitor Monitoring Scrutiny Police
    Report Minutes Agenda Item Appendix RESOLVED AGREED DECISION Resolved Agreed Decision MOVED SECONDED
    PROPOSED NOTED CARRIED LOST APPROVED REFUSED GRANTED DEFERRED RECOMMENDED AND THAT THE TO FOR January
    February March August September October November December Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday Mr Mrs Ms Miss Dr Prof Professor Sir Dame Rev Inspector
    Superintendent Sergeant Constable Commissioner Portfolio Holder Cabinet Members Apologies Present
    Absent Declarations For Against Abstain Abstentions Carried Lost Action Labour Conservative Liberal
    Democrat Independent Party Group Opposition Seconded Proposed Moved Carried Noted Approved Refused
    Agreed Deferred Withdrawn Abstained Supported
    """.split()
)
_WEAK_STOP_ALT = trie_regex(AFTER_TITLE_NOT_NAME)
# April, May, June and July are given names too ("Mrs June Fairley"), but not on their own
CAPS_NAME_TOKEN = rf"(?:(?!(?:April|May|June|July)\b(?![ \t]+[{UP}][{LO}]))(?!(?:{_WEAK_STOP_ALT})\b)(?:[{UP}]{{2,}}|{_NAME_CORE})(?![{APOS}][sS]\b)(?![-\w]))"
INITIALS = rf"(?:(?:[{UP}]\.[ \t]?|[{UP}][ \t]+(?=[{UP}])){{1,3}})"
PARTICLE = r"(?:de|van|von|der|den|da|di|le|la|du|al|el|bin|ul|dos|das|ap|ab|ferch|mac|ó|o)"

# "J. Smith", "Mary Ann Smith-Jones", "Mrs Smith", "van der Berg" (after a title or "Councillor")
# Between the words of a name: a printed line may wrap inside a name ("Councillor Mary\nO'Neill"), but
# a word that cannot be a name at the start of the next line begins something else ("Councillor
# McAteer\nSeconded by", "Cllr Ross\nUnanimously agreed").
SP_IN_NAME = rf"(?:[ \t\u00a0]+(?![\n \t\u00a0])|[ \t\u00a0]*\n[ \t\u00a0]*(?!\n)(?!(?:{_STOP_ALT}|Unanimously|UNANIMOUSLY|Motion|Votes?)\b))"
PERSON_NAME = (
    rf"(?:(?:{HONORIFIC}{SP})?(?:{INITIALS}{SP}?)?(?:(?:de|van|von|der|den|da|di|le|la|du|al|el|ap|ab|o|mac){SP}){{0,2}}(?=[{UP}]){CAPS_NAME_TOKEN}"
    rf"(?:{SP_IN_NAME}(?:{PARTICLE}{SP}){{0,2}}{CAPS_NAME_TOKEN}){{0,3}})"
)
# A name standing alone: two or three capitalised words ("Daxa Pancholi", "Sean Abruthnot").
PLACE_WORD_SURNAMES = frozenset("Ward Hall Green King Young Bishop Church Field Park House Lane Street Rose Page Law".split())
BARE_NAME = (
    rf"(?:{NAME_TOKEN}(?:{SP}{INITIALS})?(?:{SP}(?:{PARTICLE}{SP})?{NAME_TOKEN}){{1,2}}"
    # surnames that are also place words ("Helen Ward of Network Rail"), only before "of/from <Body>"
    rf"|{NAME_TOKEN}{SP}(?:{'|'.join(sorted(PLACE_WORD_SURNAMES))})"
    rf"(?=[ \t]+(?:of|from)[ \t]+(?:the[ \t]+)?[{UP}]))"
)

COUNCILLOR_PREFIX = (
    r"(?:(?:County|Borough|District|City|Town|Parish|Ward|Group)\s+)?"
    # printed minutes hyphenate the title across a line break ("Council-\nlor Pemberton-Wright")
    r"(?P<cprefix>Councillors|Councilors|Councillor|Councilor|Coun-\n[ \t]*cillors?|Council-\n[ \t]*lors?|"
    r"Cllrs\.?|Cllr\.?|CLLRS?\.?|COUNCILLORS?|Alderman|Aldermen|"
    r"Ald\.|Bailie|Baillie|Depute\s+Provost|"
    # Welsh minutes: "Cyng." (Cynghorydd, councillor) before the name, "Cynghorwyr" for several
    r"Cyng\.|Cynghorydd|Cynghorwyr)"
)

# ---------------------------------------------------------------- people: roles

CHAIR_HEADS = ("Chair", "Chairman", "Chairwoman", "Chairperson", "Chair Person", "Vice-Chair",
               "Vice-Chairman", "Vice-Chairwoman", "Vice-Chairperson", "Deputy Chair",
               "Deputy Chairman", "Lord Mayor", "Deputy Lord Mayor", "Mayor", "Deputy Mayor",
               "Civic Mayor", "Presiding Member", "Convenor", "Convener", "Provost", "President",
               "Vice-President")
ROLE_HEADS = (
    "Director", "Head", "Manager", "Officer", "Adviser", "Advisor", "Solicitor", "Lawyer", "Clerk",
    "Co-ordinator", "Coordinator", "Co-Ordinator", "Executive", "Commissioner", "Constable",
    "Superintendent", "Inspector", "Sergeant", "Commander", "Leader", "Holder", "Analyst",
    "Accountant", "Treasurer", "Auditor", "Engineer", "Planner", "Consultant", "Specialist", "Lead",
    "Representative", "Secretary", "Registrar", "Headteacher", "Head Teacher", "Controller", "Nurse",
    "Practitioner", "Governor", "Assessor", "Surveyor", "Architect", "Ecologist", "Economist",
    "Strategist", "Administrator", "Ombudsman", "Advocate", "Counsel", "Barrister", "Coroner",
    "Archivist", "Librarian", "Warden", "Researcher", "Statistician", "Partner", "Examiner",
    "Chancellor", "Dean", "Pharmacist", "Psychologist", "Psychiatrist", "Physician", "Therapist",
    "Worker", "Champion", "Trustee", "Principal", "Deputy", "Commissioner", "Monitor", "Designer",
    "Scientist", "Investigator", "Steward", "Mediator", "Negotiator", "Accounting Officer",
    "Cabinet Member", "Executive Member", "Lead Member", "Portfolio Member", "Mayoral Member",
    "Assistant Mayor", "City Mayor", "Elected Mayor", "Executive Mayor", "Member Champion",
    "Independent Person", "Independent Member", "Co-opted Member", "Lay Member", "Independent Chair",
    "Independent Adviser", "Independent Advisor", "Engagement Lead", "Engagement Manager",
    "PCC", "DPCC", "PFCC", "CEO", "RFO", "DPH", "DASS", "DCS", "CFO", "S151 Officer", "Chief Exec",
    "Metro Mayor", "Combined Authority Mayor", "Depute Provost", "Depute Leader",
    "Executive Councillor", "Lead Councillor", "Cabinet Councillor",
    # the member for the ward or division an application or petition concerns
    "Local Member", "Ward Member", "Ward Councillor", "Local Councillor", "Division Member", "Divisional Member",
) + CHAIR_HEADS
# Lower-case words that may precede a role head ("the planning officer", "the council's solicitor").
ROLE_LOWER_MODIFIERS = (
    "planning", "licensing", "legal", "presenting", "case", "senior", "principal", "lead", "interim",
    "acting", "deputy", "assistant", "enforcement", "highways", "highway", "council", "council's",
    "county", "city", "borough", "housing", "finance", "financial", "scrutiny", "democratic",
    "services", "committee", "policy", "monitoring", "environmental", "health", "public", "area",
    "project", "programme", "duty", "reporting", "responsible", "relevant", "chief", "executive",
    "external", "internal", "independent", "section", "transport", "traffic", "development",
    "conservation", "tree", "heritage", "ecology", "drainage", "education", "school", "social",
    "police", "fire", "ward", "portfolio", "cabinet", "statutory", "designated", "named", "link",
    "liaison", "support", "engagement", "communications", "strategic", "regulatory", "trading",
    "standards", "audit", "risk", "governance", "electoral", "returning", "elections", "business",
    "corporate", "service", "team", "operations", "operational", "technical", "specialist",
    "retiring", "outgoing", "incoming", "former", "newly elected", "newly-elected", "new",
)
PUBLIC_ROLES = (
    "member of the public", "members of the public", "objector", "objectors", "applicant's agent",
    "applicants' agent", "applicant's representative", "applicant's architect",
    "applicant's solicitor", "applicant's planning consultant", "applicant's consultant",
    "applicant's barrister", "applicant", "applicants", "agent for the applicant", "agent",
    "petitioner", "petitioners", "lead petitioner", "local resident", "local residents", "resident",
    "residents", "speaker", "speakers", "public speaker", "public speakers", "supporter",
    "supporters", "representor", "representors", "complainant", "appellant", "licence holder",
    "premises licence holder", "licensee", "interested party", "interested parties",
    "witness", "questioner", "registered speaker", "registered speakers",
    "ward resident", "parish council representative", "neighbour", "neighbours", "driver",
    "licence applicant", "member of the audience", "deputee", "deputation", "lead deputee",
    "young person", "campaigner", "campaigners", "landowner", "carer", "carers", "parishioner",
    "parishioners", "villager", "villagers", "householder",
    # at an annual parish meeting the public are the electors of the parish
    "elector", "electors", "local elector", "local electors",
    "parent", "parents", "tenant", "tenants", "leaseholder", "leaseholders", "business owner", "shopkeeper",
)

DET = r"(?:[Tt]he|THE|[Aa]n|[Aa]|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Ii]ts)"
# Lower-case role modifiers are only part of a role after a determiner ("the planning officer").
_ROLE_POSSESSOR = (
    rf"(?:(?:[{UP}][{LO}]+(?:[ \t][{UP}][{LO}]+){{0,3}}|council|authority|applicant|applicants|"
    rf"committee|panel)[{APOS}]s?{SP})"
)
# a capitalised word may be hyphenated across a line break in printed minutes ("Democratic Ser-\nvices")
CAP_WORD = rf"(?:(?!(?:The|THE|An?|This|Cllrs?|Councillors?|Proposed|Seconded|Moved|Resolved|Agreed|RESOLVED|AGREED)\b)[{UP}][\w{APOS}‐-]*(?:\n(?<=-\n)[{LO}][\w{APOS}‐-]*)?|[0-9]{{2,3}}\b)"
_CAP_PHRASE_WORD = (
    rf"(?:(?!(?:Councillors?|Cllrs?|Mr|Mrs|Ms|Miss|Dr|Inspector|Police{SP}(?:Inspector|Sergeant|Constable|Superintendent)|Professor|The|A|An)\b)"
    rf"[{UP}][\w{APOS}‐-]*(?:\n(?<=-\n)[{LO}][\w{APOS}‐-]*)?|[0-9]{{1,3}}\b|(?:e|E)-[\w]+)"
)
LOWER_CASE_HEADS = frozenset((
    "Officer", "Adviser", "Advisor", "Solicitor", "Lawyer", "Clerk", "Manager", "Director", "Chair",
    "Chairman", "Chairwoman", "Chairperson", "Vice-Chair", "Vice-Chairman", "Engineer", "Planner",
    "Inspector", "Consultant", "Representative", "Leader", "Mayor", "Secretary", "Treasurer", "Auditor",
    "Co-ordinator", "Coordinator", "Headteacher", "Head Teacher", "Nurse", "Surveyor", "Architect",
    "Ecologist", "Accountant", "Analyst", "Commissioner", "Constable", "Superintendent", "Sergeant",
    "Registrar", "Practitioner", "Specialist", "Administrator", "Ombudsman", "Barrister", "Counsel",
    "Portfolio Holder", "Cabinet Member", "Executive Member", "Executive Councillor", "Lead Member", "Independent Person",
    "Independent Member", "Co-opted Member", "Lay Member", "Local Member", "Ward Member", "Ward Councillor",
))
_HEAD_ALT = "(?:" + alt([h for h in ROLE_HEADS if h in LOWER_CASE_HEADS], case_first=True) + "|" + alt(ROLE_HEADS) + ")"
_HEAD_ALT_CAP = alt(ROLE_HEADS)
# the same languages as prefix trees, for the lookaheads (where only whether a head follows counts)
_HEAD_LA = "(?:" + lookahead_alt([h for h in ROLE_HEADS if h in LOWER_CASE_HEADS], case_first=True) + "|" + lookahead_alt(ROLE_HEADS) + ")"
_HEAD_LA_CAP = lookahead_alt(ROLE_HEADS)
# "of Community Safety and Protection", "for Adults, Health and Wellbeing", "of the Council"
ROLE_OF = (
    rf"(?:(?:{SP}(?:of|for|in|at){SP}(?:the{SP})?|{SP}to{SP}the{SP}|[ \t]+[–—-][ \t]+(?=[{UP}][{LO}]))(?!(?:Councillors?|Cllrs?)\b){_CAP_PHRASE_WORD}"
    rf"(?:(?:{SP}|,{SP}(?=[{UP}][\w‐-]*{SP}(?:and|&){SP}))(?:(?:(?:and|&)(?!{SP}the\b)|(?:of|for|in|on)(?:{SP}the)?|the){SP})?(?!{_HEAD_LA_CAP}{SP}(?:of|for)\b){_CAP_PHRASE_WORD}){{0,7}})"
)
_LOWER_MOD_ALT = alt(ROLE_LOWER_MODIFIERS)
# "The Deputy Leader and Cabinet Member for Finance": one person holding two roles.
_ROLE_AND_ROLE = (
    rf"(?:{SP}(?:and|&){SP}(?:Cabinet{SP}Member|Executive{SP}Member|Lead{SP}Member|Portfolio{SP}Holder|"
    rf"Deputy{SP}Leader|Chief{SP}Executive|Head{SP}of{SP}Paid{SP}Service|Section{SP}151{SP}Officer|"
    rf"Monitoring{SP}Officer|Returning{SP}Officer|"
    # a parish clerk is usually its Responsible Financial Officer too: "The Clerk and RFO"
    rf"RFO|Responsible{SP}Financial{SP}Officer|Proper{SP}Officer)(?![\w‐-]))"
)
# "Rights of Way Officer", "Freedom of Information Officer": "of" inside the words before the head (never
# after a document word: "Report of Planning Officer" is a heading, not a post)
_OF_INSIDE = rf"(?=[ \t\n]+of[ \t\n])(?<!Report)(?<!Reports)(?<!Minutes)(?<!Update)(?<!Notes)(?<!Letter)(?<!Views)(?<!Advice){SP}of{SP}"
ROLE_BODY = (
    rf"(?:(?:(?!{_HEAD_LA_CAP}(?![\w‐-])){CAP_WORD}(?:{_OF_INSIDE}(?={CAP_WORD}{SP}(?:{CAP_WORD}{SP})?{_HEAD_LA}(?![\w‐-]))|{SP}(?:and|&){SP}(?={CAP_WORD}{SP}(?:{CAP_WORD}{SP})?{_HEAD_LA}(?![\w‐-]))|,{SP}(?={CAP_WORD}(?:,{SP}{CAP_WORD})*{SP}(?:and|&){SP}{CAP_WORD}{SP}(?:{CAP_WORD}{SP})?{_HEAD_LA}(?![\w‐-])))|(?:{CAP_WORD}|{_LOWER_MOD_ALT}){SP}){{0,5}}{_HEAD_ALT}(?![\w‐-])"
    rf"(?:{ROLE_OF})?(?:{_ROLE_AND_ROLE}(?:{ROLE_OF})?)?(?:{SP}\((?!(?:Councillors?|Cllr|Mr|Mrs|Ms|Miss|Dr|Professor|County|Borough)\b)(?:[^()\n]{{1,40}})\))?)"
)
# Without a determiner a role must be capitalised ("Prevent Co-ordinator" in an introduction).
ROLE_BODY_CAP = (
    rf"(?:(?:(?!{_HEAD_LA_CAP}(?![\w‐-])){CAP_WORD}(?:{_OF_INSIDE}(?={CAP_WORD}{SP}(?:{CAP_WORD}{SP})?{_HEAD_LA_CAP}(?![\w‐-]))|{SP}(?:and|&){SP}(?={CAP_WORD}{SP}(?:{CAP_WORD}{SP})?{_HEAD_LA_CAP}(?![\w‐-]))|,{SP}(?={CAP_WORD}(?:,{SP}{CAP_WORD})*{SP}(?:and|&){SP}{CAP_WORD}{SP}(?:{CAP_WORD}{SP})?{_HEAD_LA_CAP}(?![\w‐-])))|{CAP_WORD}{SP}){{0,5}}{_HEAD_ALT_CAP}(?![\w‐-])"
    rf"(?:{ROLE_OF})?(?:{_ROLE_AND_ROLE}(?:{ROLE_OF})?)?(?:{SP}\((?!(?:Councillors?|Cllr|Mr|Mrs|Ms|Miss|Dr|Professor|County|Borough)\b)(?:[^()\n]{{1,40}})\))?)"
)
OFFICERS_PLURAL = (
    rf"(?:(?:{DET}{SP})?(?:(?:{CAP_WORD}|{_LOWER_MOD_ALT}|relevant|other|senior|two|three){SP}){{0,3}}"
    rf"(?:Officers|officers|OFFICERS)\b)"
)

ANON_SINGULAR = (
    rf"(?:(?:[Aa]|[Oo]ne|[Aa]nother|[Tt]he|[Aa]{SP}(?:further|second|third|fourth|different|fellow|"
    rf"single)|[Tt]he{SP}same|[Tt]he{SP}(?:first|second|third))"
    rf"{SP}(?:(?:Committee|Panel|Board|Cabinet|Council|Sub-Committee|Scrutiny|Commission|Forum|"
    rf"[Oo]pposition|[Ii]ndependent|[Cc]o-opted|[Ll]ay|[Ee]lected|[Yy]outh|[Pp]arent|[Cc]hurch|"
    rf"[Vv]oting|[Nn]on-voting){SP})?"
    rf"(?:Member|member|MEMBER|Councillor|councillor|Cllr\.?|Governor|governor)\b(?![{APOS}])"
    rf"(?:{SP}of{SP}the{SP}(?:Committee|Panel|Board|Commission|Forum|Sub-Committee|Council|Cabinet|Authority)\b)?"
    rf"(?!{SP}(?:of|for){SP}the{SP}public)(?!{SP}(?:of|for){SP}[{UP}])(?!{SP}[{UP}][{LO}]))"
)
ANON_PLURAL = (
    rf"(?:(?:(?:[Aa]{SP}number{SP}of|[Aa]{SP}few|[Mm]ost|[Aa]ll{SP}the|[Ss]ome|[Ss]everal|[Mm]any|[Oo]ther|[Tt]he{SP}other|[Aa]ll|[Bb]oth|[Tt]wo|[Tt]hree|"
    rf"[Ff]our|[Vv]arious|[Nn]umerous|[Tt]he|[Ff]ellow|[Ii]ndividual|[Oo]pposition|[Ee]lected|"
    rf"[Cc]o-opted|Committee|Panel|Board|Cabinet|Commission|Forum|Sub-Committee|Scrutiny){SP}){{0,2}}"
    rf"(?:Members|members|MEMBERS|Councillors|councillors|Cllrs\.?)\b(?![{APOS}])"
    rf"(?!{SP}(?:of|for){SP}the{SP}public)(?!{SP}[{UP}][{LO}]))"
)
# "a neighbouring resident", "an affected householder": after a determiner one open adjective may qualify
# a public role (not a function word, and not a verb that would start a clause)
_PUBLIC_ADJ = (
    r"(?!(?:the|a|an|of|to|and|or|for|by|with|in|on|at|from|that|which|who|was|were|is|are|be|been|had|has|"
    r"have|not|also|then|as|said|asked|told|thanked|invited|no|any|every|each)\b)[a-z][a-z-]{2,}"
)
PUBLIC_NP = (
    rf"(?:(?:{DET}{SP}(?:{_PUBLIC_ADJ}{SP})?)?(?:(?i:lead|local|second|first|third|fourth|further|other|two|three|four|"
    rf"several|registered|public|principal|main|sole|individual|some|many|a{SP}number{SP}of|a{SP}few){SP}){{0,2}}"
    + alt(PUBLIC_ROLES, case_first=True)
    # "Carers Lead", "Residents Liaison Officer": the word qualifies a role that follows
    # ("parent governors", "tenant representative": a post named after the group, in lower case too)
    + rf"\b(?![{APOS}]s\b)(?!{SP}(?:{_HEAD_LA_CAP}|governors?|representatives?|members?|champions?)(?![\w‐-]))"
    # "Resident 1: raised ...": a numbered speaker label in colon-style minutes
    + r"(?:[ \t]\d{1,2}(?=[ \t]*:))?"
    # "Two residents of Bridge Street": where residents live belongs to the phrase
    + rf"(?:(?:(?<=residents)|(?<=neighbours)){SP}(?:of|from){SP}[{UP}][\w{APOS}-]+(?:{SP}[{UP}][\w{APOS}-]+){{0,3}})?)"
)
REPRESENTATIVE_NP = (
    rf"(?:{DET}{SP}(?:(?:[{UP}][\w‐-]*|local|senior){SP}){{0,2}}(?:[Rr]epresentatives?|[Ss]pokesperson|"
    rf"[Ss]pokesman|[Ss]pokeswoman|[Dd]elegation){SP}(?:of|from){SP}(?:the{SP})?{_CAP_PHRASE_WORD}"
    rf"(?:(?:{SP}(?:and|&|of|for|the){SP}|{SP}){_CAP_PHRASE_WORD}){{0,6}})"
)

# "The Fund's independent investment adviser, Mr Clive Ross,": a role in lower case whose modifiers are
# not in the closed list above; only where a name follows in apposition, which vouches for it.
_LOWER_WORD = (
    r"(?!(?:the|a|an|of|to|and|or|for|by|with|in|on|at|from|that|which|who|was|were|is|are|be|been|had|has|"
    r"have|not|also|then|as|this|these|those|its|their|his|her)\b)[a-z][a-z'’-]+"
)
LOWER_ROLE_BEFORE_NAME = (
    # (a cheap look for the comma and name first: most "the ..." phrases have none)
    rf"(?=[^,.;:\n]{{3,70}},[ \t]*(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Councillor|Cllr|[{UP}][{LO}]+[ \t]+[{UP}]))"
    rf"(?:(?:{_LOWER_WORD}{SP}){{1,3}}{trie_regex(sorted({h.lower() for h in ROLE_HEADS if ' ' not in h and h.isalpha()}))}\b"
    rf"(?=[ \t]*,[ \t]*(?:Mr|Mrs|Ms|Miss|Mx|Dr|Professor|Prof|Councillor|Cllr|[{UP}][{LO}]+[ \t]+[{UP}][{LO}]+)\b))"
)

# Welsh titles put the head noun first ("Rheolwr Polisi'r Iaith Gymraeg", Welsh Language Policy
# Manager; "Aelod Cabinet dros Drawsnewid", Cabinet Member for Transformation): the head, then the
# capitalised words of what the post covers, joined by Welsh "dros" (for), "y/yr/'r" (the), "ac" (and).
WELSH_ROLE_HEADS = (
    "Aelod Cabinet", "Aelod Lleol", "Arweinydd", "Dirprwy Arweinydd", "Cadeirydd", "Is-gadeirydd",
    "Is-Gadeirydd", "Pennaeth", "Rheolwr", "Cyfarwyddwr", "Cyfarwyddwr Strategol", "Prif Weithredwr",
    "Dirprwy Brif Weithredwr", "Prif Swyddog", "Swyddog", "Clerc", "Trysorydd", "Ysgrifennydd",
    "Cyfreithiwr", "Archwilydd", "Ymgynghorydd", "Cydlynydd", "Peiriannydd", "Cynllunydd",
)
_WELSH_TAIL_WORD = (
    rf"(?!(?:Cyng|Cllrs?|PENDERFYNWYD|{_WEAK_STOP_ALT})\b)"
    rf"[{UP}][\w{APOS}-]*"
)
WELSH_ROLE = (
    rf"(?:(?:[Yy]r?{SP})?{trie_regex(WELSH_ROLE_HEADS).replace(chr(92) + ' ', SP)}(?![\w{APOS}-])"
    rf"(?:[ \t]+(?:(?:dros|yr?|ar|i|ac?)[ \t]+){{0,2}}{_WELSH_TAIL_WORD}){{0,5}}"
    rf"(?:{SP}\((?!(?:Councillors?|Cllr|Cyng|Mr|Mrs|Ms|Miss|Dr)\b)[^()\n]{{1,60}}\))?)"
)

# ---------------------------------------------------------------- contributions: verbs

SPEECH_VERBS = (
    "asked", "replied", "responded", "answered", "said",
    "stated", "explained", "added", "reported", "presented",
    "introduced", "moved", "seconded", "suggested",
    "welcomed", "confirmed", "advised", "commented",
    "noted", "queried", "raised", "questioned",
    "highlighted", "informed", "clarified", "emphasised",
    "emphasized", "stressed", "proposed", "thanked",
    "outlined", "summarised", "summarized", "detailed", "described",
    "indicated", "acknowledged", "accepted",
    "agreed", "undertook", "assured", "assures", "reassured", "reminded",
    "urged", "argued", "contended", "maintained", "disagreed",
    "supported", "opposed", "objected", "requested",
    "sought", "enquired", "inquired", "wondered", "mentioned",
    "observed", "remarked", "reiterated",
    "recommended", "congratulated", "praised", "echoed", "endorsed", "concluded",
    "concurred", "expressed", "voiced", "referred", "spoke",
    "addressed", "updated", "briefed", "told", "announced",
    "invited", "reflected", "recognised", "recognized",
    "believed", "felt", "considered that", "thought that",
    "responded to", "pointed out", "put forward", "went on to",
    "continued", "drew attention", "drew the",
    "took members through", "took the committee through", "took the panel through",
    "took members", "led the", "leads the", "summed up", "opened the", "closed the", "tabled",
    "circulated", "offered", "promised", "committed", "apologised", "apologized", "declared that",
    "made a", "made the", "made an", "made some", "made several", "made representations",
    "make representations", "gave a", "gave an", "gave the", "provided an", "provided a",
    "provided the", "wished to", "wanted to", "was of the view",
    "were of the view", "was of the opinion", "were of the opinion", "was concerned",
    "were concerned", "was keen", "were keen", "was pleased", "were pleased", "was disappointed",
    "were disappointed", "was satisfied", "were satisfied", "was unclear", "was not convinced",
    "were not convinced", "was supportive", "were supportive", "expressed concern",
    "sought clarification", "challenged", "disputed", "insisted", "admitted",
    "conceded", "queried whether", "reassured members", "requested that", "stated that",
    "set out", "spoke in", "spoke on", "spoke against", "spoke in support",
    "spoke in objection", "addressed the", "would like to", "explained that", "moved that",
    "moved the", "seconded the", "formally moved", "formally seconded", "responded that",
    "echoed", "agreed with", "disagreed with", "cautioned", "warned", "suggested that",
    "advocated", "proposed that", "stressed that", "welcomed the", "informed members",
    "assured members", "reminded members", "summarised the", "highlighted that", "also asked", "proceeded to", "took the opportunity", "paid tribute",
    "put a question", "put the question", "asked whether", "asked if", "asked for",
    "requested", "noted that", "elaborated", "expanded", "read out", "reads out", "read the",
    "spoke to", "talked", "discussed", "discusses", "confirmed that", "objected to",
    "objecting", "shared", "recapped", "demonstrated", "showed", "illustrated", "presented the",
    "stated", "remarked that", "accepted that", "noted the", "emphasised that", "replied that",
    "queried the", "queried why", "queried how", "queried what", "submitted that", "submitted",
    "averred", "contributed", "interjected", "intervened", "testified", "gave evidence", "gave her view", "gave his view", "gave their view", "gave their views",
    "gave her views", "gave his views", "gave the view", "gave her opinion", "gave his opinion",
    "put forward", "moved an amendment", "moved the motion", "seconded the motion", "debated",
    "underlined", "underscored", "asserted", "claimed", "alleged", "countered", "rebutted", "refuted",
    "retorted", "probed", "pressed", "posed", "encouraged", "implored", "appealed", "called for",
    "called on", "called upon", "pleaded", "demanded", "guaranteed", "counselled", "cited", "quoted",
    "disclosed", "revealed", "commended", "applauded", "withdrew", "hoped", "expected that",
    "anticipated that", "sought assurance", "sought assurances", "went through", "took the board through",
    "took the cabinet through", "took the sub-committee through", "talked through", "ran through",
    "walked members through", "delivered", "led the discussion", "took questions", "answered questions",
    "responded to questions", "fielded", "queried whether", "recounted", "described how", "explained how",
    "outlined how", "set out how", "advocated", "cautioned that", "stated", "mentioned that",
    "criticised", "criticized", "protested", "flagged", "nominated", "affirmed",
    # the presiding member's acts in the meeting: "The Mayor then put the substantive motion to the vote"
    "put the motion", "put the substantive motion", "put the amended motion", "put the original motion",
    "put the amendment", "put the recommendation", "put the recommendations", "put the proposal",
    "put the proposition", "put it to the vote", "put the matter to the vote",
)
_VERB_ALT = trie_regex(SPEECH_VERBS)
# Adverbs, auxiliaries and short asides allowed between a speaker and the verb.
ADVERBIAL = (
    r"(?:also|then|further|furthermore|additionally|subsequently|again|briefly|jointly|both|all|"
    r"each|had|has|have|duly|formally|kindly|warmly|later|first|firstly|finally|in\s+turn|"
    r"in\s+response|in\s+reply|in\s+answer|in\s+addition|who|however|therefore|too|equally|"
    r"similarly|likewise|personally|specifically|particularly|strongly|fully|[a-z]+ly)"
)
SPEECH_AFTER = re.compile(
    # after a dash or colon, a capitalised participle before a capitalised word is a heading's adjective
    # ("Confirmation Hearing – Proposed Appointment of ..."), not what a person did
    rf"(?:{SP}(?:{ADVERBIAL}\b,?{SP}?){{0,3}}|,?{SP}(?:{ADVERBIAL}\b,?{SP}?){{0,3}}|[ \t]*[–—:-][ \t]+(?![{UP}][{LO}]+[ \t]+[{UP}][{LO}]))"
    rf"(?P<verb>(?i:{_VERB_ALT}))\b"
)
# An aside between subject and verb: ", in response to a question from X," / " (Chair)"
ASIDE = re.compile(
    r"(?:\s*,\s*[^,.;:!?\n]{1,140},|\s*\([^()\n]{1,80}\)|\s*[–—-]\s*[^.;:!?\n–—]{1,80}[–—]"
    # where the speaker sat: "A resident in the public gallery asked"
    r"|[ \t]+(?:in|from)[ \t]+the[ \t]+(?:public[ \t]+gallery|gallery|audience|public[ \t]+seating))"
)
# Words before a noun phrase that make it an object or complement, not a subject.
OBJECT_BEFORE = re.compile(
    r"(?:\b(?:of|to|for|with|from|on|about|towards|against|by|into|onto|upon|than|via|at|under|"
    r"thanked|thank|thanking|thanks|asked|asking|invited|inviting|requested|requesting|"
    r"congratulated|urged|informed|advised|told|reminded|welcomed|welcoming|encouraged|"
    r"instructed|directed|authorised|authorized|delegated|empowered|tasked|instruct|request|"
    r"ask|invite|between|among|amongst|including|include|includes|like|whom|whether|if|"
    r"consult|consulted|contact|contacted|met|meet|join|joined|joining|accompanied|"
    r"supporting|supported|nominated|appointed|elected|re-elected|replace|replaced|"
    r"succeed|succeeded|named|called|congratulate|briefed|brief|copy|cc|email|emailed|"
    r"thanked|praised|acknowledged|recognised|by|was|were|is|are|been|being|become|became|as)\b[\s,]*(?:not\s+|no\s+longer\s+)?|['’]s\s+)$"
)
# Passive and nominal forms that name a contributor after the verb: "presented by X",
# "Members heard from X", "a question from X", "on the motion of X", "Moved: X".
AGENT_BEFORE = re.compile(
    r"(?i)(?:\b(?:presented|introduced|reported|moved|seconded|proposed|explained|stated|"
    r"confirmed|advised|raised|asked|queried|given|delivered|outlined|summarised|"
    r"summarized|highlighted|suggested|noted|clarified|set\s+out|put|tabled|"
    r"answered|addressed|expressed|submitted|read|read\s+out|read\s+aloud|updated|provided|informed|told|briefed|assured|"
    r"reminded|shown|given|reassured|moved\s+and\s+seconded)"
    r"\s+(?:by|from)\s+$"
    r"|\b(?:heard|received|considered|welcomed|noted)\s+(?:a|an|the)?\s*(?:[\w-]+\s+)?(?:presentation|statement|"
    r"representation|representations|update|deputation|submission|address|briefing|overview|"
    r"evidence|questions?)\s+(?:from|by)\s+$"
    r"|\bheard\s+from\s+$"
    r"|(?:\bin\s+(?:response|reply|answer)|\bresponding|\breplying|(?:^|[,;.:(]\s*)(?:[Rr]esponse|[Rr]eply|[Aa]nswer))\s+to\s+$"
    r"|\b(?:answered|answering|responded\s+to|responding\s+to|took|taking|fielded|invited)\s+(?:\w+\s+)?questions?\s+(?:from|by)\s+$"
    r"|\b(?:deputation|delegation|petition|presentation)\b[^.;]{0,80}\b(?:led|presented|given)\s+by\s+$"
    r"|\b(?:response|responding|reply|replying|answer|answering|following|after|addition)\s+(?:to\s+)?"
    r"(?:a|an|the|further|some|several|various|two|three)?\s*(?:[\w-]+\s+)?"
    r"(?:question|questions|query|queries|comment|comments|point|points|concern|concerns|"
    r"representation|representations|statement|submission|speech|presentation|address|"
    r"suggestion|remarks|observations|contribution)\s+(?:raised\s+|made\s+|put\s+|asked\s+)?"
    r"(?:from|by)\s+$"
    r"|\b(?:on|upon)\s+the\s+motion\s+of\s+$"
    r"|\b(?-i:Moved|Proposed|Seconded|MOVED|PROPOSED|SECONDED|Mover|Seconder|Proposer|PROPOSER|SECONDER)(?:\s+by\s*[:\-–]?|\s*[:\-–])\s*$"
    r"|(?:^|\n|[.;:]\s+)[ \t]*(?-i:Moved|Proposed|Seconded)\s+$|,\s*(?:and\s+)?(?-i:seconded|proposed)\s+$"
    r"|\b(?:on\s+the\s+)?nomination\s+of\s+$|\bnominated\s+by\s+$"
    # Welsh minutes: "Cynigiwyd gan Cyng. X ac eiliwyd gan Cyng. Y" (proposed by ... and seconded by ...)
    r"|\b(?:cynigiwyd|eiliwyd)(?:\s+gan)?\s*[:\-–]?\s*$"
    r"|(?:^|\n)[ \t]*(?:Officer\s+)?(?:Response|Answer|Reply)\s*\(\s*$"
    # the heading of an answer, like that of a question: "Response from the Cabinet Member for X, Cllr Y:"
    r"|(?:^|\n)[ \t]*(?:\(?[\da-z]{1,3}[.)][ \t]+)?(?:(?:Written|Oral|Verbal)\s+)?(?:Response|Answer|Reply)\s+(?:from|by)\s+$"
    r"|\b(?:comments?|points?|observations?|questions?|representations?|statements?|remarks?|quer(?:y|ies)|concerns?|"
    r"objections?|support|opposition|thanks|appreciation|congratulations|sympathy|disappointment|frustration)\s+"
    r"(?:were|was)\s+(?:also\s+)?(?:made|raised|asked|put|expressed|submitted)\s+by\s+$"
    # "Clarification was sought by County Councillor X", "Assurances were given by the Director"
    r"|\b(?:clarification|assurances?|an\s+assurance|an\s+explanation|further\s+information|advice|an\s+update|"
    r"a\s+view|views)\s+(?:was|were)\s+(?:also\s+)?(?:sought|requested|given|provided|offered)\s+by\s+$)"
)


# OBJECT_BEFORE and AGENT_BEFORE end in "$": searched over a context string, the engine tries every
# position of it. Each alternative can only match if the string ends (after the whitespace, commas
# and dashes the patterns allow there) with one of a few words; these checks of that tail are
# necessary conditions, so the full search runs only where it can succeed (same answer, ~10x faster).
_OBJECT_TAIL_WORDS = tuple(
    """of to for with from on about towards against by into onto upon than via at under
    thanked thank thanking thanks asked asking invited inviting requested requesting
    congratulated urged informed advised told reminded welcomed welcoming encouraged
    instructed directed authorised authorized delegated empowered tasked instruct request
    ask invite between among amongst including include includes like whom whether if
    consult consulted contact contacted met meet join joined joining accompanied
    supporting supported nominated appointed elected re-elected replace replaced
    succeed succeeded named called congratulate briefed brief copy cc email emailed
    praised acknowledged recognised was were is are been being become became as
    not longer 's ’s""".split())
_AGENT_TAIL = re.compile(
    r"(?i)(?:by|from|to|of|moved|proposed|seconded|mover|seconder|proposer|cynigiwyd|eiliwyd|gan|\()\Z")


def object_before(before: str) -> bool:
    """``bool(OBJECT_BEFORE.search(before))``, without scanning where the tail rules it out."""
    i = len(before)
    while i and (before[i - 1].isspace() or before[i - 1] == ","):
        i -= 1
    if not before[:i].endswith(_OBJECT_TAIL_WORDS):
        return False
    return OBJECT_BEFORE.search(before) is not None


def agent_before(before: str) -> bool:
    """``bool(AGENT_BEFORE.search(before))``, without scanning where the tail rules it out."""
    tail = before.rstrip()
    if tail and tail[-1] in ":-–":
        tail = tail[:-1].rstrip()
    if _AGENT_TAIL.search(tail[-9:]) is None:
        return False
    return AGENT_BEFORE.search(before) is not None


MONTH_ALT = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)

# The City of London's "Deputy Anand Shukla" / "Deputy Shukla" and an elected mayor's "Mayor Joanne
# Keeble": a member's title before the name, not a rank. A role head after it makes it the first word
# of a role instead ("Deputy Leader", "Deputy Town Clerk", "Mayor Elect").
CIVIC_TITLES = ("Deputy", "Mayor")
CIVIC_TITLE = (
    rf"(?:(?:Deputy|Mayor)(?!{SP}(?:[{UP}][\w{APOS}‐-]*{SP}){{0,2}}{_HEAD_LA_CAP}(?![\w‐-]))"
    rf"(?!{SP}(?:Lieutenant|Speaker|Lord|Elect|Making|Presiding|Returning)\b)(?={SP}[{UP}][{LO}]))"
)
