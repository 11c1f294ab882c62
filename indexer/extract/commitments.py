"""What was promised: future actions reported in the minutes, who owns them, when, how firmly.

Reported speech shifts "will" to "would", so a promise reads "the Director would circulate the
figures", "officers agreed to provide", "a further session could be arranged if required". The
same modals also carry opinions ("it would be useful"), wishes ("she would like"), hypotheticals
("if the group was meeting, they would look to see") and questions ("asked whether it could be
circulated"); those are filtered by their own fixed phrasings. Strength is ``firm`` for
will/would/shall/agreed to/undertook to/were asked to and for resolutions directing an officer,
``soft`` for could/may/might, "would consider", "if required/requested".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Callable

from indexer.extract import text as tx
from indexer.extract.dates import find_due
from indexer.extract.model import Commitment
from indexer.extract.people import NounPhrase, find_noun_phrases

ACTION_VERBS = (
    "circulate", "provide", "send", "report", "bring", "arrange", "hold", "write", "contact",
    "investigate", "look into", "look at", "update", "share", "respond", "reply", "meet", "brief",
    "review", "follow up", "follow-up", "liaise", "confirm", "check", "ensure", "organise", "organize",
    "publish", "present", "return", "come back", "feed back", "feedback", "email", "e-mail",
    "forward", "distribute", "pick up", "take forward", "take away", "take back", "take up",
    "explore", "include", "add", "amend", "chase", "set up", "convene", "undertake", "carry out",
    "prepare", "produce", "submit", "raise", "pass on", "issue", "invite", "consult", "engage",
    "monitor", "schedule", "supply", "make available", "put in place", "develop", "draft",
    "clarify", "find out", "establish", "seek", "obtain", "request", "ask", "speak to", "talk to",
    "discuss", "visit", "attend", "deliver", "implement", "introduce", "launch", "install",
    "repair", "replace", "fix", "resolve", "address", "consider", "reconsider", "revisit",
    "write to", "notify", "inform", "advise", "keep", "re-circulate", "recirculate", "resubmit",
    "re-submit", "re-present", "provide details", "give", "offer", "allocate", "commission",
    "progress", "update members", "look to", "incorporate", "reflect", "revise", "correct",
    "circulated", "examine", "assess", "evaluate", "scope", "map", "test", "trial", "pilot",
    "extend", "expand", "bring back", "report back", "continue to", "work with", "work on",
    "put forward", "put together", "draw up", "sign off", "publicise", "promote", "advertise",
    "hold a", "run", "host", "set out", "circulate details", "be in touch", "get back",
    "contribute", "pay", "fund", "build", "construct", "plant", "recruit", "employ", "appoint",
    "hire", "train", "upgrade", "improve", "increase", "reduce", "remove", "relocate", "complete",
    "finalise", "finalize", "agree", "negotiate", "procure", "order", "make sure", "apply for", "apply to", "tender", "award", "refer", "escalate",
    "take on", "acquire", "buy", "purchase", "sign", "station", "carry", "make a decision",
    "make a final decision", "make the final decision", "make the decision", "map", "commit", "recover", "analyse", "analyze",
)
PASSIVE_DONE = (
    "held", "circulated", "provided", "sent", "arranged", "reported", "brought", "shared",
    "published", "updated", "organised", "organized", "given", "made available", "reviewed",
    "investigated", "included", "added", "amended", "scheduled", "presented", "submitted", "issued",
    "forwarded", "distributed", "contacted", "briefed", "informed", "invited", "consulted",
    "followed up", "looked into", "looked at", "taken forward", "raised", "discussed", "explored",
    "set up", "convened", "carried out", "undertaken", "prepared", "produced", "written",
    "emailed", "e-mailed", "considered", "reconsidered", "revisited", "offered", "delivered",
    "implemented", "introduced", "launched", "installed", "repaired", "replaced", "fixed",
    "resolved", "addressed", "notified", "advised", "clarified", "confirmed", "checked", "passed on",
    "picked up", "fed back", "brought back", "reported back", "re-circulated", "recirculated",
    "resubmitted", "developed", "drafted", "commissioned", "progressed", "incorporated",
    "reflected", "revised", "corrected", "examined", "assessed", "evaluated", "extended",
    "expanded", "publicised", "promoted", "advertised", "run", "hosted", "set out", "asked",
    "requested", "circulated to", "provided to", "monitored", "tabled", "put in place",
)


def _alt(words: tuple[str, ...]) -> str:
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True)) + ")"


# "make" promises only with an object that is a piece of council business ("make the order")
_MAKE = (r"make(?=\s+(?:(?:the|an?|any|further|final|formal|no|its|their)\s+)?(?:[\w-]+\s+){0,2}?"
         r"(?:orders?|decisions?|payments?|grants?|changes?|repairs?|improvements?|arrangements?|contact|"
         r"representations?|recommendations?|applications?|bids?|offers?|announcements?|provision|appointments?)\b)")
# a phrasal verb around its object: "would take this up with the roads service", "follow the matter up"
_PHRASAL = (r"(?:take|follow|pick|chase|sort)\s+(?:this|it|that|these|them|those|the\s+(?:matter|issue|point|concern|request|"
            r"query|complaint|case)s?)\s+up(?=\s+(?:with|on|again|as|personally|directly|urgently|after|before|and)\b|\s*[.,;]|\s*$)")
# "the Health Board would lead the new workstream" (not "would lead to delays": an effect)
_LEAD = r"lead(?=\s+(?:the|a|an|on|this|that|its|their|our|work|a\s+review|discussions|engagement)\b)"
_ACT = "(?:" + _alt(ACTION_VERBS) + "|" + _MAKE + "|" + _PHRASAL + "|" + _LEAD + ")"
_ACT_SOFT = "(?:" + _alt(ACTION_VERBS) + "|" + _PHRASAL + "|" + _LEAD + ")"
_DONE = _alt(PASSIVE_DONE)
_ADV = r"(?:(?:also|now|then|still|next|each|soon|duly|personally|happily|gladly|further|shortly|urgently|promptly|certainly|definitely|additionally|separately|directly|formally|again|ultimately|initially|first|jointly|specifically|continue\s+to|seek\s+to|aim\s+to|try\s+to|endeavour\s+to|be\s+able\s+to)\s+)*"

_EVENT = (r"(?:begin|start|commence|open|reopen|launch|take\s+place|go\s+live|come\s+into\s+(?:force|effect|operation)|"
          r"be\s+(?:operational|available|ready|in\s+place|open|live|complete|completed|finished|in\s+operation|"
          r"on\s+site|up\s+and\s+running)|conclude|finish|resume|proceed|run\s+(?:until|to|from|for|over)|"
          r"come\s+(?:back|before|forward|to\s+(?:the\s+)?(?-i:[A-Z])\w*)|go\s+(?:out|ahead)|"
          r"(?:close|shut|cease)(?=\s+(?:at|by|on|from|before|after|in|for|early|temporarily|permanently|until)\b)|"
          r"return|reconvene|meet(?=\s+(?:on|in|at|again|next|every|before|after|monthly|quarterly|weekly|regularly|with|twice|once|during|from|shortly)\b|\s*[.,;]|\s*$)|"
          r"report|follow|arrive|be\s+back|"
          # a service's own round: "a mobile library would call at Ashgrove Parade weekly", "the operation
          # would run in Glenard throughout October"
          r"call\s+at|run\s+(?=(?:in|at|throughout|during|every|on|weekly|daily|monthly|each)\b)|"
          # an assurance that a facility keeps going: "the pool would stay open throughout the works"
          r"(?:stay|remain)\s+open(?=\s+(?:throughout|during|while|whilst|as\s+normal)\b|\s*[.;]|\s*$))")
_PASSIVE_ANY = r"(?!(?:disadvantaged|harmed|disrupted|inconvenienced|penalised|penalized|displaced|damaged|overwhelmed|worse|able|affected|required|needed|expected|likely|happy|pleased|useful|concerned|interested|based|subject|entitled|eligible|responsible|liable|seen|known|called|treated|regarded|deemed|counted|charged|used|impacted|minded|prepared|willing|grateful|surprised|disappointed|obliged|bound|sorry|keen)\b)[a-z]+(?:ed|en|wn|un|ut|et|lt|pt|ld)\b"
_SOFT_TRIGGER = re.compile(
    # (each trigger regex opens with a gate on the first letters its alternatives can start with, so
    # the engine tries the alternation at few positions: same matches, several times faster)
    rf"(?:\b(?=[cmwhpairs]))(?:"
    rf"\b(?:could|might|may|can)\s+{_ADV}(?:be\s+{_ADV}(?P<sdone>{_DONE}\b|{_PASSIVE_ANY})|(?P<sact>{_ACT_SOFT})\b)"
    rf"|\bwould\s+{_ADV}(?P<sconsider>consider|explore|look\s+(?:again\s+)?at\s+whether|try\s+to|endeavour\s+to|aim\s+to|"
    rf"seek\s+to|hope\s+to|be\s+happy\s+to|be\s+willing\s+to|be\s+pleased\s+to|be\s+prepared\s+to|"
    rf"welcome\s+the\s+opportunity\s+to|investigate\s+whether|look\s+at\s+the\s+possibility|"
    rf"be\s+considered|be\s+explored|be\s+looked\s+at)\b"
    rf"|\b(?:hoped|hopes|planned|plans|aimed|aims)\s+to\s+(?P<sintend>{_ACT})\b"
    rf"|\b(?:was|were|is|are|remained?)\s+(?:(?:also|still|quite|more\s+than)\s+)?(?:willing|happy|prepared|content|minded|open)\s+to\s+{_ADV}(?P<swilling>{_ACT})\b"
    rf"|\b(?:will|would|shall)\s+{_ADV}(?:be\s+)?(?:look(?:ed)?\s+at|explore[d]?|consider(?:ed)?)\s+(?:whether|if|how)\b)",
    re.IGNORECASE,
)
_FIRM_TRIGGER = re.compile(
    r"(?:\b(?=[wsaupcovihretd'’])|^|(?<=[\n|]))(?:"
    # "he'd circulate the slides" (not "she'd been", "they'd agreed": the past perfect)
    rf"\b(?:will|would|shall|'ll|['’]d(?=\s+(?!(?:been|had|not|never|have|like|love|prefer|rather)\b)(?![a-z]+ed\b)[a-z]))\s+(?:(?:not|never)\s+(?={_ADV}{_ACT}\b))?{_ADV}(?:be\s+{_ADV}(?P<fdone>{_DONE}|{_PASSIVE_ANY})|(?P<fevent>{_EVENT})\b|(?P<fact>{_ACT})\b)"
    # "agreed/undertook" may drop "to" in note form; "offered additional conditions" is no promise
    rf"|\b(?:(?:agreed|undertook|undertakes|agrees)\s+(?:to\s+)?|(?:promised|committed|offered|volunteered|pledged|promises|"
    rf"intended|intends|offers)\s+to\s+){_ADV}"
    rf"(?P<fagree>(?!(?:note|approve|accept|support|recommend|endorse|agree|defer|adopt|refuse|grant|receive|the|a|an|with|that|this|it|do|be|to|so)\b){_ACT}\b|(?!(?:note|approve|accept|support|recommend|endorse|agree|defer|adopt|refuse|grant|receive|the|a|an|with|that|this|it|do|be|to|so|all|any|some|each|every|both|his|her|their|its|our|my|your|these|those|there|them|him|me|us|in|on|at|for|of|by|from|upon|as|not|no|unanimously|without|subject|and|or|but|but)\b)[a-z]+\b)"
    rf"|\b(?:was|were|had\s+been|has\s+been|have\s+been|is|are)\s+(?:asked|requested|tasked|instructed|"
    rf"commissioned|invited|authori[sz]ed|delegated)\s+to\s+{_ADV}(?!(?:agree|approve|decide|vote|endorse|ask|speak|comment|address|put|raise|respond|answer|confirm|clarify|explain|introduce|present|outline|summarise|vote|leave|withdraw|attend\s+the\s+meeting|(?:update|brief|inform)\s+(?:the\s+)?(?:Committee|Sub-Committee|Panel|Board|Members|meeting|Cabinet|Council|Forum|Commission))\b)(?P<fasked>{_ACT})\b"
    rf"|\b(?:asked|requested|instructed|tasked|invited)\s+(?:that\s+)?(?P<addressee>(?!(?:when|whether|if|how|why|what|who|where|which|about|on|for|regarding|in|of)\b)(?!(?:the\s+)?(?:Sub-Committee|Committee|Panel|Board|Council|Cabinet|Members|members|Commission|Forum|Government|Minister|him|her|them|us|me|everyone|all)\b)(?:the\s+)?(?:(?!\b(?:whether|if|how|why|what|when|about)\b)[\w'’ -]){{2,80}}?)\s+"
    rf"(?:to\s+{_ADV}(?!(?:confirm|clarify|explain|comment|respond|answer|outline|introduce|present|expand|elaborate|speak|address|summarise|update\s+the\s+meeting)\b)(?P<freq>{_ACT})\b|(?:should|be\s+asked\s+to)\s+{_ADV}(?P<freq2>{_ACT})\b)"
    rf"|\b(?:requested|asked|required|directed|instructed)\s+that\s+(?P<addressee2>(?:the\s+)?(?:(?-i:[A-Z])[\w'’-]*|officers?)(?:\s+[\w'’-]+){{0,6}}?)\s+{_ADV}(?P<freq3>{_ACT})\b(?!\s+(?:be|is|was)\b)"
    rf"|(?:^|(?<=\n)|(?<=\|))[ \t]*(?:(?:\(?[a-z0-9]{{1,3}}[.)]|[-–•])[ \t]+)?(?:(?:the|all)\s+)?(?P<notesubj>officers?|(?-i:[A-Z])[\w'’-]*(?:\s+(?:(?-i:[A-Z])[\w'’-]*|of|and|for|(?:from|of)\s+the(?:\s+(?-i:[A-Z])[\w'’-]*){{1,4}}(?:\s+(?-i:[a-z])[\w-]*)?)){{0,8}}(?:\s+(?:team|officers?|service|staff|manager|lead))?)\s+to\s+{_ADV}"
    # "Kwame Ansah from the Forum to be invited to ...": the note form of a passive action
    rf"(?P<fnote>{_ACT}|be\s+(?:invited|asked|contacted|consulted|briefed|written\s+to|sent|added|informed|notified|updated)(?=\s+(?:to|on|about|by|with|of|and|for)\b))\b"
    # the parish clerk's obligation: "The Clerk is to write to the landowner"
    rf"|\b(?:is|are)\s+to\s+{_ADV}(?P<fisto>{_ACT})\b"
    # an undertaking to accept a limit or pay: "the applicant would accept a reduced ridge height",
    # "the applicant had agreed to a financial contribution of £180,000"
    rf"|\b(?:would|will)\s+(?P<faccept>accept)\s+(?:a|an|any|the)\s+(?:[\w-]+\s+){{0,3}}?(?:conditions?|restrictions?|reduction|reduced|limit|cap|obligation|contribution)\b"
    rf"|\b(?:had|has|have)\s+agreed\s+to\s+(?:a|an|the)\s+(?:[\w£,.-]+\s+){{0,3}}?(?P<fcontrib>contribution|payment|planning\s+obligation|obligation|condition|legal\s+agreement)\b"
    # a reply promised: "the remaining question would receive a written answer"
    rf"|\b(?:would|will)\s+(?P<freply>receive)\s+a\s+(?:full\s+|written\s+|formal\s+)?(?:answer|response|reply)\b"
    # the progressive of a promise in a quoted answer: "I will be writing to every owner"
    rf"|\b(?:will|would|shall|'ll)\s+be\s+(?P<fprog>writing|sending|meeting|reviewing|consulting|publishing|bringing|holding|"
    rf"providing|arranging|contacting|preparing|reporting|circulating|visiting|launching|introducing|installing|delivering|"
    rf"issuing|commissioning|recruiting|replacing|repairing|upgrading|extending|setting\s+up)\b"
    rf"|\b(?:will|would|shall)\s+{_ADV}(?P<fany>(?!(?:be|have|like|love|prefer|need|mean|result|require|cost|affect|impact|allow|enable|help|make|appear|seem|depend|benefit|expect|want|wish|hope|think|feel|say|suggest|argue|know|remain|become|get|go|come|take|find|lose|fail|struggle|lead|cause|suffer|face|see|look|happen|occur|apply|involve|vary|exceed|reach|rise|fall|decrease|continue|not|never|also|then|now|only|still|probably|likely|normally|usually|always|often|rather|therefore|however|otherwise|then|say|tell|ask|agree|accept|support|welcome|prefer|defer)\b)[a-z]{{3,}})\b"
    # "every person affected would receive an assessment": a promise to everyone it names
    rf"|\b(?:every|each|all)\s+(?:[\w'’-]+\s+){{0,3}}?(?:would|will)\s+(?P<frecv>receive|have|get)\s+(?:a|an|their|his|her|its|the)\b"
    rf"|\bshould\s+expect\s+to\s+(?:be\s+)?(?P<fexpect>\w+)"
    rf"|\b(?:is|are|was|were)\s+(?:due|scheduled|programmed|timetabled|planned|going)\s+to\s+(?:be\s+)?(?P<fdue>{_ACT}|{_DONE})\b"
    rf"|\b(?:undertaking|commitment|promise|assurance)\s+(?:was\s+)?(?:given\s+)?(?:to|that)\b(?P<fnoun>)"
    # a deadline for having something working: "the contractor would have all 22 vehicles on the road by 20 March"
    rf"|\b(?:will|would|shall)\s+have\s+(?!been\b|had\b)(?:[\w£,'’-]+\s+){{1,6}}?(?P<fhave>in\s+place|on\s+the\s+road|on\s+site|operational|"
    rf"in\s+operation|up\s+and\s+running|installed|fitted|completed|finished|ready)(?=\s+(?:by|before|ahead\s+of|in\s+time|within)\b)"
    # a promised thing: "the Portfolio Holder promised a response within ten working days"
    rf"|\b(?:promised|pledged)\s+(?:a|an|the)\s+(?:written\s+|full\s+|further\s+|formal\s+|detailed\s+)?"
    rf"(?P<fpromised>response|reply|answer|report|update|briefing|review|decision|meeting|visit)\b"
    # the one asked agrees: "X suggested that the campaign be repeated, and the Manager agreed to do so"
    rf"|\b(?:agreed|undertook|offered|promised)\s+to\s+(?P<fdoso>do\s+so|do\s+this|do\s+that)\b"
    # the presiding member's direction: "The Chair asked that the closure report be presented ..."
    rf"|(?-i:\b[Tt]he\s+(?:Chair|Chairman|Chairperson|Chairwoman))\s+(?:then\s+|also\s+|further\s+)?(?:asked|requested|directed)\s+that\s+"
    rf"(?![^.;]{{0,60}}\b(?:thanks|congratulations|gratitude|appreciation|best\s+wishes|condolences)\b)"
    rf"(?:the\s+|a\s+|an\s+)?[^.;]{{2,100}}?\s+be\s+{_ADV}(?P<fchair>{_DONE}|{_PASSIVE_ANY}))",
    re.IGNORECASE,
)
_SOFT_MARKER = re.compile(
    r"(?i)\b(?:if|where|when|as)\s+(?:so\s+)?(?:required|requested|needed|necessary|appropriate|possible|"
    r"practicable|desired|wished|helpful|useful|feasible|resources\s+allow(?:ed)?)\b"
    r"|\bif\s+(?:members|councillors|the\s+committee|the\s+panel|anyone)\s+(?:so\s+)?(?:wish(?:ed)?|want(?:ed)?|request(?:ed)?)\b"
    r"|\bwhere\s+possible\b|\bsubject\s+to\s+(?:the\s+)?(?:\w+\s+){0,2}(?:funding|resources|capacity|availability|approval|agreement|"
    r"consultation|permission|sign-off|confirmation|consent|budget)\b"
)
_EXCLUDE = re.compile(
    r"(?i)\bwould\s+have\s+(?:been|had|done|made|liked|preferred|expected|seen|wanted|[a-z]+ed)\b|\bwould\s+(?:like|love|prefer|rather|normally|usually|typically|generally|"
    r"often|always|mean|result|need|require|cost|affect|impact|allow|enable|help|make\s+it|be\s+(?:useful|"
    r"helpful|good|better|best|nice|appropriate|beneficial|important|interesting|worth|sensible|advisable|"
    r"preferable|welcome|wise|possible|difficult|easier|harder|a\s+good\s+idea|unlikely|likely|necessary|"
    r"essential|expensive|cheaper|fair|unfair|wrong|right|most)|look\s+to\s+see|expect|want|wish|hope\s+that|"
    r"suggest|argue|say|think|feel|welcome\s+any|benefit|seem|appear|depend|continue\s+to\s+be(?!\s+(?:provided|offered|funded|available|delivered|run|open|maintained|supported|monitored)\b))\b"
    r"|\bit\s+(?:would|could|may|might)\s+(?!be\s+(?:[a-z]+ed|[a-z]+en|held|brought|sent|made|met|done|given|taken|put|set|run|kept|built|shown|seen)\b)(?!" + _EVENT + r"\b)|\b(?:could|may|might|can)\s+(?:not|never|have|be\s+that|be\s+argued|"
    r"be\s+seen|be\s+possible|be\s+useful|be\s+helpful|be\s+difficult|be\s+beneficial|be\s+worth|also\s+be\s+useful|"
    r"find|wish|want|like|need|help|lead|result|cause|mean|affect|impact|potentially)\b"
    r"|\bideally\b|\bin\s+(?:theory|principle)\b|\bhypothetical"
    # where money could come from, not an act: "phasing could be met from the Markets reserve" (a confirmed
    # "the cost would be met from the grant" stays a commitment)
    r"|\b(?:could|can|may|might)\s+be\s+(?:met|funded|financed|covered|absorbed|contained|accommodated)\s+(?:from|within|by)\s+"
    r"(?:the\s+|existing\s+|its\s+)?(?:[\w'’-]+\s+){0,3}?(?:reserves?|budgets?|funds?|grants?|allocations?|contingency|resources|balances|provision)\b"
    # "would be drawn down only after ... had approved": a condition on spending, not a promise to act
    r"|\bwould\s+be\s+[a-z]+(?:ed|en|wn)(?:\s+down)?\s+only\s+(?:after|if|once|when)\b"
    rf"|\bwould\s+(?:not|never)\s+(?!{_ADV}{_ACT}\b)"
)
# the agent of a passive that is another party, not the body or its officers and contractors
_THIRD_PARTY_AGENT = re.compile(
    r"(?i)(?:\s+[\w'’-]+){0,6}?\s+by\s+(?:the\s+)?(?:(?:bus|rail|train|ferry|network|energy|water)\s+)?operators\b"
    r"|(?:\s+[\w'’-]+){0,6}?\s+by\s+(?:the\s+)?(?:UK\s+|Welsh\s+|Scottish\s+|central\s+)?Government\b")
# the call-in notice under an executive decision: when the decision takes effect, not a promise
_CALL_IN_NOTICE = re.compile(r"(?i)\b(?:this|the|these)\s+decisions?\s+(?:will|would|shall)\s+(?:come\s+into\s+(?:force|effect)|take\s+effect|be\s+implemented)\b")
_QUESTION_INTRO = re.compile(
    r"(?i)\b(?:asked|enquired|inquired|queried|questioned|wondered|sought\s+clarification\s+(?:on|as\s+to)|"
    r"wanted\s+to\s+know|asked\s+for\s+clarification\s+(?:on|as\s+to))(?:\s+(?!that\b)[\w'’-]+){0,6}?\s+(?:(?:as\s+to\s+)?(?:whether|if|when|why|"
    r"how|what|who|where|which)|about)\b[^.;]*$"
    r"|\b(?:(?:was|were)\s+(?:not\s+)?(?:satisfied|persuaded|convinced|mindful)|"
    r"suggested|felt|considered|believed|thought|proposed|urged|recommended|hoped|argued|"
    r"contended|claimed|asserted|maintained|insisted|speculated|commented|wished|requested)\s+(?:that\s+)?[^.;]*$"
)
# "offered to walk the path if that would help", "would extend the trial if the budget allowed"
_CONDITION_AFTER = re.compile(
    r"(?i)\b(?:if|provided\s+that|providing\s+that|so\s+long\s+as|as\s+long\s+as)\s+(?!not\b)"
    # "if the variation were granted": a promise conditional on the decision itself stays firm
    r"(?!(?:the\s+|this\s+|their\s+|his\s+|her\s+)?(?:[\w'’-]+\s+){0,3}(?:were|was|is|be|are)\s+(?:granted|approved|agreed|accepted|given|successful|permitted)\b)")
_NEXT_MEETING = re.compile(
    r"(?i)\b(?:next|following|future)\s+(?:\w+\s+)?meetings?\b[^,;.]{0,60}?\b(?:would|will|shall|was\s+due\s+to|is\s+due\s+to)\s+"
    r"(?:be\s+held|take\s+place|be\s+on|start|begin|commence)\b")
_EMBEDDED_QUESTION = re.compile(r"(?i)\b(?:when|whether|how|why|what|where)\s+(?:[\w'’-]+\s+){1,4}$")
_PROPOSAL_CONTENT = re.compile(
    # "under the Trust's business plan the pool would close on Sundays", "Under the programme, the scheme would ..."
    r"(?i)\bunder\s+(?:the|his|her|their|its|this|these|our|my)\s+(?:[\w'’-]+\s+){0,2}?(?:plans?|proposals?|scheme|policy|options?|"
    r"arrangements|model|strategy|motion|amendment|programmes?|budget)\b(?![^.;]{0,200}\b(?:agreed|undertook|promised|confirmed\s+that\s+(?:he|she|they|officers))\b)")
_HYPOTHETICAL = re.compile(r"(?i)\b(?:if|unless|in\s+the\s+event\s+that)\b[^.;]{0,80}\b(?:was|were|had|did|became|happened|occurred)\b[^.;]*$")
_CLAUSE_START = re.compile(
    r"(?i)(?:\bthat\s+|;\s*|:\s*|\|\s*|\bbut\s+|\bhowever,?\s+|\bwhich\s+meant\s+that\s+|,\s+and\s+|\band\s+"
    # "said the closure would save ...": a reported clause without "that" starts at its own subject
    # and "... and said she would identify them": the pronoun after the reporting verb is the subject
    r"|\b(?:said|stated|explained|added|advised|reported|confirmed|indicated|commented)\s+(?=(?:the|a|an|this|these|its|he|she|they|we|I)(?:['’](?:d|ll))?\s))")
_AGENT_NOUN = re.compile(
    r"(?i)\b(?:officers?|council|authority|team|service|services|trust|department|directorate|police|force|"
    r"board|panel|committee|cabinet|company|operator|developer|applicant|agent|contractor|partners?|"
    r"partnership|group|organisation|organization|club|school|schools|provider|government|agency|"
    r"commissioner|chair|leader|mayor|member|members|councillors?|staff|clerk|administration|managers?|employees|"
    r"precept|scheme|project|programme|fund|funding|grant|plan|budget|review|consultation|survey|"
    r"university|college|hospital|ccg|icb|nhs|firm|audit|auditors?|insurer|consultants?|clients?|"
    r"we|they|he|she|i)\b|^\s*(?:the\s+)?(?-i:[A-Z])"
)
# A promise's clause ends where the next reported clause starts ("..., and that ...").
_CLAUSE_END = re.compile(
    r"(?i);\s+|\.\s+(?=[A-Z])|[ \t]*\|[ \t]*|\bbut\s+|,?\s+and\s+that\s+|,\s+that\s+|,\s+while\s+|,\s+whilst\s+"
    r"|,\s+and\s+(?=(?:[\w'’-]+\s+){1,5}(?:will|would|shall|could|may|might|agreed|undertook)\b)"
    # "Works will start on 6 October and the play area will reopen by 19 December": a second subject's own promise
    # (only when the second names its own day; "... and the road will reopen by the end of February" stays one)
    r"|\s+and\s+(?=(?:the|its|their|all|each|every)\s+(?:[\w'’-]+\s+){1,4}(?:will|would|shall)\s+(?!be\s+(?:able|happy)\b)[a-z]"
    r"[^.;]{0,80}?\b[0-3]?\d(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)"
    r"|,\s+and\s+(?=(?:asked|requested|agreed|offered|undertook|said|confirmed|explained|added|promised)\b)"
    # a new clause with its own subject: ", and I give Councillor X my commitment that ...", ", and where
    # owners do not engage we will use ..."
    r"|,\s+and\s+(?=(?:I|we|he|she|they)\s+(?-i:[a-z])[a-z]+\b)"
    r"|,\s+and\s+(?=(?:if|where|when|unless|once)\s+[^,;]{2,80}?\b(?:we|I|he|she|they)\s+(?:will|would|shall)\b)"
)
_PRONOUN_SUBJECT = re.compile(r"(?i)^\s*(?:he|she|they|we|i)\b")
_NON_AGENT_SUBJECT = re.compile(r"(?i)^\s*(?:it|this|that|which|there|these|those)\b")
_DIRECTIVE = re.compile(
    r"(?i)\b(?:be|is|are)\s+(?:asked|requested|instructed|authori[sz]ed|delegated|tasked|invited|directed|"
    r"commissioned)(?:\s*,[^,;]{1,160},)?\s+to\b"
    r"|\b(?:requests?|asks?|instructs?|directs?|tasks?|invites?)\s+(?:the\s+|that\s+the\s+|officers|the\s+officer)"
    r"|(?:^(?:that\s+)?|\band\s+)(?:asked|requested|instructed|directed|tasked)\s+(?:the\s+|officers\b)[^.;]{2,80}?\bto\s+\w+"
    r"|\breport\s+back\b|\breport\s+(?:be\s+)?(?:brought|submitted|presented)\b"
    r"|(?:^|\band\s+|\b(?:agrees?|resolves?|requests?|asks?|instructs?|directs?)\s+)that\s+(?:the\s+)?(?:(?!be\b|to\b|been\b)[\w'’-]+,?\s+){0,7}?(?-i:[A-Z][\w'’-]*|officers?|council|authority|clerk|chair)\s+"
    # the verb is in lower case: "That the Annual Report 2024/25 be endorsed" has the noun "Report"
    r"(?-i:(?:respond|reply|meet|write\s+to|provide|report|circulate|write|prepare|bring|submit|"
    r"review|investigate|consult|contact|undertake|carry\s+out|update|organise|organize|produce|draft|monitor|"
    r"explore|liaise|seek|publish|send|share|convene|establish|set\s+up|make|attend|brief|notify|inform|"
    r"develop|commission|engage|progress|present|look\s+into|work\s+with|take\s+forward|lead|ensure|obtain|sign|"
    # Northern Irish minutes write the indicative: "AGREED – that the Council writes to the Department"
    r"writes\s+to|writes|arranges|seeks|contacts|reviews|investigates|liaises|provides|prepares|brings)\b"
    r"(?!\s+(?:be|is|are|was|were|and|of|for|on|from|to\s+be|has|have|had)\b)(?![.,;:]|\s*$)|arrange\b)"
    # a report asked of the council's own officers (not one requested from a named outside body)
    r"|\bthis\s+(?:Council|Committee|Authority|Board|Panel)\s+agrees\s+to\s+(?:fund|provide|establish|create|allocate|"
    r"commission|invest|deliver|introduce|set\s+up|launch|write|employ|appoint|open|build|hold)\b"
    r"|\b(?:receives?|requests?)\s+(?:a|an|the|further)\s+(?:further\s+)?(?:report|update|briefing|presentation)\b"
    r"(?!\s+from\s+(?:the\s+)?(?!(?:officers?|Director|Head|Chief\s+Executive|Clerk|Cabinet|Executive|Portfolio)\b)(?-i:[A-Z]))"
    r"|\b(?:asks?|requests?|wish(?:es)?|expects?)\s+to\s+receive\b"
    r"|\bagrees?\s+to\s+(?:consider|review|revisit|explore|look\s+at|monitor|receive)\b"
    r"|(?:^|\b(?:agrees?|agreed)\s+)(?:that\s+)?to\s+receive\s+(?:a|an|the)\s+[^.;]{0,80}?\b(?:at\s+(?:its|the|a|their)\s+(?:[\w'’-]+\s+){0,3}?meeting\s+(?:on|in)\b|in\s+(?:\w+\s+)?(?:months?|weeks?|years?)\b"
    # "to receive the draft strategy before it went to Cabinet": a sight of it promised before a later step
    r"|before\s+(?:it|they)\s+(?:went|goes|go|is\s+taken|was\s+taken|are\s+taken|were\s+taken|is\s+submitted|was\s+submitted)\s+to\b)"
    # work a decision leaves to officers: "with conditions and informatives delegated to officers",
    # "subject to conditions to be drafted by the Planning Adviser"
    r"|\b(?:conditions?|informatives?|details|wording|terms|obligations?)\b[^.;]{0,40}?\bdelegated\s+to\s+(?:the\s+)?officers?\b"
    r"|\bconditions?\s+to\s+be\s+(?:drafted|prepared|settled|finalised|finalized|agreed)\s+by\s+(?:the\s+)?(?-i:[A-Z])"
    r"|\bdelegat(?:e|es|ed|ion\s+of)\s+(?:(?:authority|responsibility|powers?)\s+)?to\s+(?:the\s+)?(?-i:[A-Z])"
    # "delegated sign-off of the quarterly returns to the Corporate Director": the work delegated is named
    r"|\bdelegat(?:e|es|ed)\s+(?:the\s+|final\s+)?(?:sign[- ]?off|approval|signing|submission|finalisation|finalization|"
    r"agreement|determination|publication)\s+of\s+[^.;]{2,100}?\s+to\s+(?:the\s+)?(?-i:[A-Z])"
    # "(2) requires the Director of Environment to attend the November meeting to report on ...": a
    # committee's demand of its own officer (not "the scheme requires the Council to ...")
    r"|^(?:that\s+)?(?:the\s+(?:[\w-]+\s+){0,3})?requires?\s+(?:the\s+)?(?-i:[A-Z])[^.;]{0,80}?\bto\s+"
    r"(?:attend|report|provide|submit|bring|present|circulate|prepare|produce|review|respond)\b"
    r"|\bbe\s+(?:\w+\s+and\s+)?(?:referred|passed|forwarded|sent|reported|conveyed|communicated|relayed)\s+to\b"
    # an Order (traffic, footpath, tree, compulsory purchase) is made, sealed or advertised after the meeting
    r"|(?-i:\bOrders?\b)(?:\s+[\w-]+){0,3}?\s+be\s+(?:made|sealed|advertised|served)\b"
    # a limb that waits on an event after the meeting: "if no objections are received, the Order be confirmed"
    r"|^(?:that\s+)?(?:if|once|when|should|in\s+the\s+event\s+(?:that|of))\s+[^;]{3,160}?,\s*(?:the\s+|an?\s+|any\s+)?"
    r"[^,;]{2,80}?\bbe\s+(?:\w+\s+)?[a-z]+(?:ed|en)\b"
    # a deferral that waits on work: "be deferred to the next meeting for a further report on ..."
    # (not "deferred pending further information about other funding sources": that waits on the applicant)
    r"|\bbe\s+deferred\b[^.;]{0,80}?\b(?:for|pending)\s+(?:a\s+|the\s+)?(?:further\s+|more\s+|fuller\s+)?"
    r"(?:report|advice|legal\s+advice|assessment|costings?)\b"
    r"|\bbe\s+deferred\b[^.;]{0,80}?\bfor\s+(?:a\s+|the\s+)?(?:further\s+|more\s+|fuller\s+)?(?:information|details)\b"
    # "requests a progress report to the Language Committee every six months"
    r"|\brequests?\s+(?:a|an|further)\s+(?:[\w-]+\s+){1,2}(?:report|update|briefing)s?\b(?!\s+from\s+(?:the\s+)?(?!(?:officers?|Director|Head|Chief\s+Executive|Clerk)\b)(?-i:[A-Z]))"
    r"|\bbe\s+(?:taken\s+into\s+account|incorporated|reflected|taken\s+forward|followed\s+up|actioned)\b"
    r"|\b(?:authori[sz]es?|instructs?|directs?)\s+(?:the\s+)?(?-i:[A-Z])|\bdelegates?\s+(?:authority|responsibility|power)\b"
    r"|\bcalls?\s+(?:on|upon)\s+(?:the\s+)?(?!(?:UK\s+|HM\s+|Welsh\s+|Scottish\s+|national\s+|central\s+)?(?:Government|Secretary|Minister|Prime|Chancellor|Parliament|MPs?|Department|Treasury|Home\s+Secretary|Ofgem|Ofwat|Network\s+Rail|National)\b)(?-i:[A-Z])[^.;]{0,80}?\bto\s+\w+"
    r"|\bbe\s+(?:circulated|brought\s+back|brought|submitted|provided|presented|arranged|held|sent|shared|"
    r"published|reviewed|added|scheduled|reported|prepared|produced|undertaken|carried\s+out|convened|"
    r"organised|written|issued|forwarded|investigated|explored|made\s+available|included|updated)\b"
)
# "agrees to consider", "asked officers to explore": what is promised is a look, not an outcome
_SOFT_DIRECTIVE = re.compile(r"(?i)\b(?:agrees?|agreed|asks?|asked|requests?|requested)\b[^.;]{0,60}?\bto\s+(?:give\s+)?(?:consider|reconsider|explore|look\s+at|investigate\s+whether|think\s+about)\b")
_SOFT_VERBS = frozenset({"consider", "reconsider", "look at", "explore"})
_EFFORT = re.compile(r"(?i)\b(?:seek|try|endeavour|aim|hope|attempt)\s+to\b")
_THANKS_PASSED = re.compile(r"(?i)\b(?:thanks|congratulations|gratitude|appreciation|best\s+wishes|condolences)\b[^.;]{0,60}?\bbe\s+(?:passed|conveyed|sent|recorded|extended|forwarded)\s+(?:on\s+)?to\b[^.;]*")
# "that the Corporate Director report on ... in six months" (not "that the Director's report on X be noted")
_SUBJUNCTIVE_REPORT = re.compile(r"(?:^|\b(?:and|agrees?|requests?|asks?)\s+)that\s+(?:the\s+)?(?:[\w'’-]+\s+){0,5}?(?-i:[A-Z][\w'’-]*|officers)\s+report\s+(?:back\s+)?(?:on|to)\b(?![^.;]*\b(?:be|is|are|was|were)\s+\w+(?:ed|en)\b)", re.IGNORECASE)
# A resolution limb that names who must act and gives the verb bare (the subjunctive of "RESOLVED that
# the Treasurer distribute the surplus", "(c) partners nominate a lead officer"), in the future ("that
# the Chief Inspector would provide figures"), or in note form ("Board members to submit case studies"):
# the limb directs that person. The verbs are the acts of work done after a meeting, not the body's
# own act (approve, note, agree, adopt, support are absent), and the verb must be followed by its
# object, not by "be" ("the Annual Report be noted": "Report" is then a noun).
_LIMB_ACTS = (
    "distribute", "notify", "provide", "report", "prepare", "write to", "write", "circulate", "send", "arrange",
    # "(2) join the Community Toilet Scheme and promote it": signing up and publicising are work after the meeting
    "join", "promote", "sign up to",
    "bring", "submit", "contact", "consult", "investigate", "review", "allocate", "nominate", "appoint",
    "undertake", "carry out", "publish", "present", "produce", "draft", "develop", "monitor", "brief",
    "inform", "liaise", "meet with", "seek", "obtain", "organise", "organize", "convene", "establish", "set up",
    "commission", "engage", "explore", "progress", "work with", "take forward", "look into", "ensure",
    "deliver", "implement", "install", "introduce", "issue", "invite", "identify", "pursue", "respond",
    "reply", "share", "forward", "feed back", "return", "lead", "supply", "procure", "recruit", "negotiate",
    "instruct", "refer", "update", "confirm", "advertise", "reissue", "re-issue", "resubmit", "revise",
)
_LIMB_SUBJECT_NOUN = (
    r"(?:(?-i:[A-Z][\w'’-]*)|officers?|partners?|members|company|council|clerk|chair|treasurer|"
    r"applicant|operator|developer|contractor|secretary|manager|director|team|service|trust|board)"
)
_SUBJUNCTIVE_LIMB = re.compile(
    r"(?i)(?:^|[;,]\s+and\s+|;\s+)(?:that\s+)?(?P<subj>(?:the\s+|all\s+|each\s+|every\s+)?"
    r"(?:(?!(?:be|been|being|to|that|which|who|is|are|was|were|has|have|had|not)\b)[\w'’-]+,?\s+){0,7}?"
    # "(A) To appoint X as ...": a capitalised "To" opens an infinitive limb, it is no one's name
    r"(?!(?:to|that)\b)" + _LIMB_SUBJECT_NOUN + ")" +
    # "the Monitoring Officer's report on ... be noted": a possessive subject makes "report" a noun; so
    # does a "be noted/approved" later in the limb
    r"(?<!['’]s)(?<!['’])(?![^;]*?\bbe\s+(?:noted|approved|agreed|received|adopted|endorsed|accepted|welcomed)\b)"
    r"\s+(?:(?:would|will|shall|should|to)\s+)?(?:also\s+|jointly\s+|urgently\s+|then\s+)?"
    + "(?-i:" + _alt(_LIMB_ACTS) + r"|meet(?=\s+(?:the\s+)?(?:[A-Z]|representatives|residents|partners|objectors|applicants?|developers?|contractors?|"
    r"landowners?|owners?|operators?|tenants?|traders?|headteachers?|governors|organisers|stakeholders|families|police)))" +
    r"\b(?!\s+(?:be|is|are|was|were|and|or|of|for|on|from|has|have|had|dated|by\s+(?:the\s+)?(?-i:[A-Z])\w*\s+(?:be|is|was))\b)(?![.,;:]|\s*$)"
)
# A limb of "resolves to:" / "RESOLVED to ..." that is itself a piece of work after the meeting
# ("(a) establish a Forum with traders", "to write to the Secretary of State"). Acts done by the
# decision itself (appoint, nominate, confirm, issue) and the body's own acts (approve, note) are absent.
_LIMB_START_ACTS = tuple(a for a in _LIMB_ACTS if a not in (
    "appoint", "nominate", "confirm", "issue", "meet", "lead", "return", "update", "refer", "reply", "respond", "invite",
    "present", "inform"))
_WORK_LIMB = re.compile(
    r"^(?:to\s+)?(?:also\s+)?(?-i:" + _alt(_LIMB_START_ACTS) + r")\b(?!\s+(?:be|is|are|was|were|and|or|of|for|on|from)\b)(?![.,;:]|\s*$)")
_AUTHORITY_HEAD = re.compile(r"(?i)\b(?:authori[sz]ed|authori[sz]es?|delegates?|delegated|authority)\b[^;]{0,250}\bto\s*:?\s*$")
# a limb that notes what will happen ("To note that a ballot of residents will be held before any
# demolition"): the promise, if any, is the noted clause, which the sentence reader finds on its own
_NOTED_FUTURE = re.compile(r"(?i)^(?:that\s+)?(?:to\s+)?(?:notes?|noted)\s+(?P<verb>that)\s+(?=[^;]{3,200}?\b(?:will|would|shall)\b)")
_LATER_THAT_CLAUSE = re.compile(r"(?i)[,;]\s+and\s+that\s+")
_FUTURE_PASSIVE = re.compile(r"(?i)^(?:that\s+)?[^,;]{3,120}?\bwould\s+be\s+(?!(?:able|affected|required|needed|expected|likely|subject|responsible)\b)\w+(?:ed|en)\b")
# an action log's status column: a finished action is no longer a promise
_DONE_WORDS = r"(?:complete|completed|done|closed|discharged|actioned|achieved)"  # an action's finished status
_DONE_STATUS = re.compile(r"(?i)[–—\-|:][ \t]*" + _DONE_WORDS + r"\b[^–—|]{0,60}$")
_REQUEST_AGREED = re.compile(
    r"\b(?:asked|requested)\s+that\s+(?P<req>(?![^.;\n]{0,200}\bbe\s+(?:recorded|minuted|noted|deferred|withdrawn|taken\s+as\s+read|moved|adjourned)\b)[^.;\n]{3,200}?\bbe\s+(?:\w+\s+)?[a-z]+(?:ed|en|wn)\b[^.;\n]{0,150}?)"
    r"(?:,\s*to\s+which\s+(?P<who>[^.;,\n]{2,60}?)\s+(?:agreed|consented)\b"
    r"|\s*[;.]\s*(?P<who2>(?:[Tt]he\s+)?(?-i:[A-Z])[^.;,\n]{1,60}?)\s+(?:agreed|undertook\s+to\s+do\s+so|agreed\s+to\s+do\s+so)\s*\.)")
_SOFT_ACTION_CONTENT = re.compile(r"(?i)^[^:–-]{0,60}?\bto\s+(?:consider|reconsider|explore|look\s+at|look\s+into\s+(?:whether|how|if)|investigate\s+whether)\b")
_ACTION_PAREN = re.compile(r"[ \t]*\((?:ACTION|Action|action)[ \t]*(?:by)?[ \t]*[:\-–][ \t]*(?P<who>[^()\n]{1,60})\)")
_RECOMMENDED_HEAD = re.compile(r"(?m)^[ \t]*(?:Recommended|RECOMMENDED)[ \t]*[:\-–][ \t]*\Z")
_RECOMMEND_TO_BODY = re.compile(
    r"(?i)^(?:that\s+)?(?:the\s+(?:[\w-]+\s+){0,3})?(?:recommends?|it\s+be\s+recommended)\s+to\s+(?:the\s+)?(?:Cabinet|Council|Executive|full\s+Council|"
    r"Mayor|Leader|Board|Authority|Committee|Cabinet\s+Member)\b")
# "Reasons for decision: The strategy would ... and the Council would save money": the whole reason is no promise
_REASON_LABEL_INSIDE = re.compile(r"(?i)(?:^|\n)[ \t]*(?:reasons?\s+for\s+(?:the\s+)?(?:decisions?|refusal|deferral|approval|recommendations?)|"
                                  r"alternative\s+options(?:\s+considered(?:\s+and\s+rejected)?)?)\s*[:\-–]")
_REASON_LABEL = re.compile(r"(?i)\breasons?\s+for\s+(?:the\s+)?(?:refusal|decision|deferral|approval|refusing|granting|the\s+decision)\s*[:\-–]\s*$")
# a pipe-flattened action log: "No. | Action | Owner | Status", "Ref | Action | Owner | Due | Status",
# "Who | What | When", then one row per action; its columns are named by the header, in any order
_ACTION_TABLE_HEADER = re.compile(r"(?im)^[ \t]*\|?[ \t]*[^|\n]{1,30}\|[^\n]*$")
_COLUMN_ACTION = re.compile(r"(?i)^(?:actions?(?:\s+(?:agreed|required|point))?|what|task)$")
_COLUMN_OWNER = re.compile(r"(?i)^(?:owner|lead(?:\s+officer)?|by\s+whom|responsible(?:\s+officer)?|who|officer|action\s+by)$")
_COLUMN_STATUS = re.compile(r"(?i)^(?:status|progress|rag(?:\s+status)?)$")
# "New actions:" over rows that follow the layout of the action log printed above them
_NEW_ACTIONS_LEAD = re.compile(r"(?im)^[ \t]*(?:new|further|additional)[ \t]+actions?(?:[ \t]+(?:agreed|arising))?[ \t]*:?[ \t]*$")
_TABLE_ROW = re.compile(r"[ \t]*(?P<cells>[^\n]*\|[^\n]*)(?:\n|$)")
_ROW_DONE = re.compile(r"(?i)^" + _DONE_WORDS + r"\b")
# "... would escalate the report. Action - Clerk": an action label at the end of the line it records
_ACTION_TRAILING = re.compile(r"(?m)(?<=[.!?])[ \t]+(?P<line>(?:ACTION|Action)[ \t]*[:\-–][ \t]*(?P<who>[A-Z][\w'’.]*(?:[ \t]+[A-Z][\w'’.]*){0,3}))[ \t]*$")
# a review of last meeting's actions in note form: "- Circulate the grit bin map – NP – carried forward."
# (an imperative action, its owner, its status); a finished one ("– Complete") is no longer a promise
_REVIEW_LINE = re.compile(
    r"(?m)^[ \t]*(?:[-–•*][ \t]+)?(?P<line>(?P<verb>[A-Z][a-z]+)[ \t][^\n–—|]{3,150}?[ \t]+[–—-][ \t]+"
    r"(?P<who>[A-Z]{2,4}(?:[ \t]*[/&][ \t]*[A-Z]{2,4})?|(?:the[ \t]+)?[A-Z][\w'’.]*(?:[ \t]+[A-Z][\w'’.]*){0,3})[ \t]+[–—-][ \t]+"
    r"(?i:carried[ \t]+forward|c/f|ongoing|open|in[ \t]+progress|outstanding|pending|not[ \t]+(?:yet[ \t]+)?started))"
    r"\b[ \t]*\.?[ \t]*$")
_ACTION_VERB_WORDS = frozenset(v for v in ACTION_VERBS if " " not in v)
# "ACTION: HO" on its own line: the action log's owner given only by initials
_INITIALS_OWNER = re.compile(r"^[A-Z]{2,4}(?:[ \t]*(?:/|,|&|and)[ \t]*[A-Z]{2,4})*$")
_ACTION_LINE = re.compile(r"(?im)^[ \t]*(?:ACTION|Action|ACTIONS|Actions)(?:[ \t]+(?:No\.?[ \t]*)?\d{1,3}[a-z]?)?\s*(?:\((?P<who1>[^)]{1,60})\))?\s*[:\-–]\s*(?P<body>[^\n]+)")


@dataclass(frozen=True)
class _Ctx:
    meeting_date: date | None
    resolve_subject: Callable[[NounPhrase], str | None]
    speaker_before: Callable[[int], str | None]


CLAUSE_WINDOW = 400  # how far back a clause (and what introduces it) is looked for, in characters


def _clause_bounds(sentence: str, trigger_start: int) -> int:
    """Where the clause holding the trigger starts (after "that", ";", or a coordinating "and")."""
    window = max(0, trigger_start - CLAUSE_WINDOW)
    start = window
    # (a few characters past the trigger, so that "said he'd circulate" sees its subject "he")
    for m in _CLAUSE_START.finditer(sentence, window, trigger_start + 4):
        if m.end() > trigger_start:
            break
        between = sentence[m.end():trigger_start]
        if m.group(0).strip().lower() in ("and", ", and"):
            # only split at "and" when what follows is a short subject ("and a further session")
            if len(between.split()) > 7 or re.search(r"\b(?:was|were|is|are|had|has|did)\b", between):
                continue
        start = m.end()
    return start


def _strength_and_match(clause_text: str) -> tuple[str, re.Match[str]] | None:
    soft = _SOFT_TRIGGER.search(clause_text)
    firm = _FIRM_TRIGGER.search(clause_text)
    if firm and (not soft or firm.start() <= soft.start()):
        # "would consider" reads firm to the firm regex only when the verb is "consider"
        if firm.group("fact") and firm.group("fact").lower() in ("consider", "reconsider", "look at", "explore"):
            return "soft", firm
        if firm.group("fdone") and firm.group("fdone").lower() in ("considered", "explored", "looked at") and \
                not re.match(r"\s+by\s+(?:the\s+)?[A-Z]", clause_text[firm.end():]):
            return "soft", firm
        verb = firm.group("fact") or firm.group("fagree") or firm.group("fnote") or ""
        if re.sub(r"\s+", " ", verb.lower()) in ("look into", "investigate", "examine", "look at") and \
                re.match(r"\s+(?:whether|if|how)\b", clause_text[firm.end():]):
            return "soft", firm  # "would look into whether this could be accommodated": a look at an open question
        for group in ("freq", "freq2", "freq3", "fasked", "fagree"):
            verb = firm.group(group)
            if verb and re.sub(r"\s+", " ", verb.lower()) in _SOFT_VERBS:
                return "soft", firm  # "asked officers to consider his suggestion"
        if _EFFORT.search(clause_text, firm.start(), firm.end() + 12):
            return "soft", firm  # "would seek to recover": an effort, not an outcome
        conditional = _SOFT_MARKER.search(clause_text) or _CONDITION_AFTER.search(clause_text, firm.end())
        return ("soft" if conditional else "firm"), firm
    if soft:
        return "soft", soft
    return None


def find_commitments(
    text: str,
    regions: list[tuple[int, int]],
    skip: tx.Spans,
    decisions: list[tuple[int, int, str]],
    ctx: _Ctx,
) -> list[Commitment]:
    found: list[tuple[int, Commitment]] = []
    owner_only: list[tuple[int, int, str, str]] = []
    for start, end in regions:
        for sent in tx.sentences(text, start, end):
            if skip.contains(sent.start):
                continue
            if _REASON_LABEL.search(text[max(start, sent.start - 80):sent.start]):
                continue  # "Reason for refusal: The access would not provide ...": a reason, not a promise
            found.extend(_from_sentence(text, sent, ctx))
        for m in _REQUEST_AGREED.finditer(text, start, end):
            # "asked that progress be reported twice a year, to which the Leader agreed": the request,
            # made binding by the agreement of the one who must act
            if skip.contains(m.start()):
                continue
            req = re.sub(r"\s+", " ", m.group("req")).strip()
            who_np = find_noun_phrases(m.group("who") or m.group("who2") or "")
            who = ctx.resolve_subject(who_np[-1]) if who_np else (m.group("who") or m.group("who2") or "").strip() or None
            due, due_text = find_due(req, ctx.meeting_date)
            found.append((m.start("req"), Commitment(text=req, who=who, due=due, strength="firm", due_text=due_text)))
        for m in _ACTION_PAREN.finditer(text, start, end):
            # "The Clerk would write to the County Council. (Action: Clerk)"
            sentence_start = max(text.rfind(". ", start, m.start()) + 2, text.rfind("\n", start, m.start()) + 1, start)
            body = text[sentence_start:m.start()].strip()
            if len(body) < 8:
                continue
            due, due_text = find_due(body, ctx.meeting_date)
            found.append((sentence_start, Commitment(text=body, who=m.group("who").strip(), due=due, strength="firm", due_text=due_text)))
        layout = None
        for m in _ACTION_TABLE_HEADER.finditer(text, start, end):
            if text.count("|", m.start(), m.end()) > 8:
                continue
            head_layout = _table_layout(m.group(0))
            if head_layout is not None:
                layout = head_layout
                found.extend(_action_table_rows(text, m.end() + 1, end, ctx, layout))
            elif layout is not None and _NEW_ACTIONS_LEAD.search(text, max(start, text.rfind("\n", start, m.start() - 1)), m.start()):
                found.extend(_action_table_rows(text, m.start(), end, ctx, layout))
        for m in _REVIEW_LINE.finditer(text, start, end):
            if m.group("verb").lower() in _ACTION_VERB_WORDS and not skip.contains(m.start()):
                due, due_text = find_due(m.group("line"), ctx.meeting_date)
                found.append((m.start("line"), Commitment(text=m.group("line"), who=m.group("who"), due=due, strength="firm", due_text=due_text)))
        for m in _ACTION_TRAILING.finditer(text, start, end):
            found.append((m.start("line"), Commitment(text=m.group("line"), who=m.group("who"), due=None, strength="firm")))
        for m in _ACTION_LINE.finditer(text, start, end):
            body = m.group("body").strip()
            who = m.group("who1")
            if _INITIALS_OWNER.match(body.rstrip(". ")):
                # an action-log line kept as its own entry: the owner is known only by initials
                found.append((m.start(), Commitment(text=m.group(0).strip(), who=body.rstrip(". "), due=None, strength="firm")))
                continue
            if not re.search(r"(?i)\bto\s+\w", body) and len(body.split()) <= 6 and body[:1].isupper():
                # "Action: Clerk" under a minute names who owns the action the minute records
                prev = tx.sentences(text, max(start, m.start() - 600), m.start())
                if prev:
                    owner_only.append((prev[-1].start, m.start(), body.rstrip(". "), prev[-1].text))
                continue
            wm = re.match(r"^(?P<who>[^:–-]{2,60}?)\s+to\s+(?P<what>.+)$", body)
            if not who and wm and wm.group("who")[0].isupper():
                who = wm.group("who")
            if _DONE_STATUS.search(body):
                continue
            due, due_text = find_due(body, ctx.meeting_date)
            # the content decides, not the action-line form: "ACTION: X to consider Y and report back" is a look
            strength = "soft" if _SOFT_ACTION_CONTENT.match(body) or _SOFT_MARKER.search(body) else "firm"
            found.append((m.start(), Commitment(text=body, who=who, due=due, strength=strength, due_text=due_text)))
    under_authority = False
    for ds, _de, dtext in (c for d in decisions for c in _clauses(d)):
        work_limb = bool(_WORK_LIMB.match(dtext))
        if not work_limb:
            under_authority = bool(_AUTHORITY_HEAD.search(dtext))
        elif under_authority:
            work_limb = False  # the sub-limbs of "be authorised to:": the head is the commitment
        if _THANKS_PASSED.search(dtext) and not _DIRECTIVE.search(_THANKS_PASSED.sub("", dtext)):
            continue  # "congratulations be passed to staff" records thanks, it promises no work
        if _RECOMMENDED_HEAD.search(text, max(0, ds - 40), ds):
            continue  # "Recommended: that ..." awaits the council's ratification; nobody is bound yet
        if _RECOMMEND_TO_BODY.match(dtext):
            continue  # "the Committee recommend to Cabinet that ...": the other body decides; nobody is bound yet
        noted = _NOTED_FUTURE.match(dtext)
        if noted:
            # "(C) To note that a ballot will be held before any demolition": the promise is the noted clause
            clause = dtext[noted.end("verb"):].strip().rstrip(".;").strip()
            judged = _strength_and_match(clause)
            # only a noted act of the body's own people ("will be held", "will be reported"), not a
            # noted forecast ("that council tax would increase by 2.99%")
            if judged is not None and (_DIRECTIVE.search(clause) or _FUTURE_PASSIVE.search(clause) or _SUBJUNCTIVE_LIMB.search(clause)):
                due, due_text = find_due(clause, ctx.meeting_date)
                found.append((ds + dtext.find(clause[:20]), Commitment(text=clause, who=_directive_owner(text, ds, clause, ctx),
                                                                      due=due, strength=judged[0], due_text=due_text)))
            continue
        limb = _SUBJUNCTIVE_LIMB.search(dtext)
        if _DIRECTIVE.search(dtext) or _SUBJUNCTIVE_REPORT.search(dtext) or _FUTURE_PASSIVE.search(dtext) or limb or work_limb:
            who = _directive_owner(text, ds, dtext, ctx)
            if who is None and limb is not None:
                nps = find_noun_phrases(limb.group("subj"))
                who = ctx.resolve_subject(nps[-1]) if nps else None
            due_scope = dtext
            if limb is not None:
                # "notify the Cabinet ..., and that the offer be confirmed only if no objection is received
                # by 3 May": a date in a later that-clause belongs to that clause's act, not to this one
                later = _LATER_THAT_CLAUSE.search(dtext, limb.end())
                due_scope = dtext[:later.start()] if later else dtext
            due, due_text = find_due(due_scope, ctx.meeting_date)
            strength = "soft" if _SOFT_MARKER.search(dtext) or _SOFT_DIRECTIVE.search(dtext) else "firm"
            if re.match(r"(?i)^(?:that\s+)?(?:(?!be\b)[\w'’-]+\s+){0,8}?(?:to\s+)?(?:explore|consider|look\s+at)\s", dtext) and (limb or work_limb):
                strength = "soft"  # "(c) officers explore options for a 20mph zone": a look, not an outcome
            found.append((ds, Commitment(text=dtext, who=who, due=due, strength=strength, due_text=due_text)))
    for s_start, s_end, who, sentence in owner_only:
        inside = [i for i, (pos, _c) in enumerate(found) if s_start <= pos < s_end]
        if inside:
            for i in inside:
                if found[i][1].who is None:
                    found[i] = (found[i][0], replace(found[i][1], who=who))
        elif len(sentence) >= 8:
            due, due_text = find_due(sentence, ctx.meeting_date)
            found.append((s_start, Commitment(text=re.sub(r"\s+", " ", sentence), who=who, due=due, strength="firm", due_text=due_text)))
    found.sort(key=lambda x: x[0])
    out: list[Commitment] = []
    seen: list[str] = []
    for _pos, c in found:
        key = _dedupe_key(c.text)
        if not key or any(key in k or k in key for k in seen if min(len(k), len(key)) >= 25 or k == key):
            continue  # the same promise read twice (a directive limb and its sentence)
        seen.append(key)
        out.append(c)
    return out


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _table_layout(header: str) -> tuple[int, int, int | None, int] | None:
    """(action column, owner column, status column, number of columns) of an action log's header."""
    cells = _cells(header)
    action = next((i for i, c in enumerate(cells) if _COLUMN_ACTION.match(c)), None)
    owner = next((i for i, c in enumerate(cells) if _COLUMN_OWNER.match(c)), None)
    if action is None or owner is None:
        return None
    status = next((i for i, c in enumerate(cells) if _COLUMN_STATUS.match(c)), None)
    return action, owner, status, len(cells)


def _action_table_rows(text: str, pos: int, end: int, ctx: _Ctx,
                       layout: tuple[int, int, int | None, int]) -> list[tuple[int, Commitment]]:
    """Open rows of an action log (Action | Owner | Status); completed rows are no longer promises."""
    action, owner, status, width = layout
    out = []
    while pos < end:
        row = _TABLE_ROW.match(text, pos, end)
        if not row:
            break
        cells = _cells(row.group("cells"))
        pos = row.end()
        if len(cells) > width:
            cells = cells[len(cells) - width:]  # a row number the header does not name
        if len(cells) <= max(action, owner) or len(cells[action].split()) < 2:
            continue
        if status is not None and status < len(cells) and _ROW_DONE.match(cells[status]):
            continue
        kept = cells[min(action, owner):]
        due, due_text = find_due(" ".join(kept), ctx.meeting_date)
        out.append((row.start("cells"), Commitment(text=" | ".join(kept), who=cells[owner] or None, due=due, strength="firm", due_text=due_text)))
    return out


# "That this Council agrees to fund ... and instructs the Chief Executive to write ...": two promises
_CLAUSE_BREAK = re.compile(r"\s+and\s+(?=(?:agrees|instructs|requests|asks|directs|authori[sz]es|calls\s+(?:on|upon))\b)")
_BODY_AGREES_TO_ACT = re.compile(
    r"(?i)\bthis\s+(?:Council|Committee|Authority|Board|Panel)\s+agrees\s+to\s+(?:fund|provide|establish|create|allocate|"
    r"commission|invest|deliver|introduce|set\s+up|launch|write|employ|appoint|open|build|hold)\b")


def _clauses(decision: tuple[int, int, str]) -> list[tuple[int, int, str]]:
    """A motion's indicative limbs joined by "and" ("agrees to ... and instructs ...") as separate texts."""
    ds, de, dtext = decision
    parts = _CLAUSE_BREAK.split(dtext)
    if len(parts) == 1 or not _BODY_AGREES_TO_ACT.search(parts[0]):
        return [decision]
    return [(ds, de, part.strip().rstrip(".")) for part in parts]


def _dedupe_key(text: str) -> str:
    return re.sub(r"^(?:that|to)\s+", "", re.sub(r"\W+", " ", text.lower()).strip())


# Every trigger contains one of these words: sentences without any are skipped cheaply.
_HINT = re.compile(
    r"(?i)(?:\b(?=[wscmaupovrtidghe])|(?=['’|])|^)(?:"
    r"\b(?:will|would|shall|could|might|may|can|agreed|agrees|undertook|undertakes|promised|promises|"
    r"committed|offered|offers|volunteered|pledged|asked|requested|tasked|instructed|invited|commissioned|"
    r"authori[sz]ed|delegated|should|due|scheduled|programmed|timetabled|planned|plans|going|hoped|hopes|"
    r"intended|intends|aimed|aims|undertaking|commitment|promise|assurance|confirmed|"
    # every trigger's words must be here, or its sentences are never read ("was willing to ...")
    r"willing|happy|prepared|content|minded|open|every|each|all|expect|requested|directed)\b|'ll\b|['’]d\b|^[^.;:]{2,80}?\bto\s+\w|\|[ \t]*[^|.;:]{2,60}?\bto\s+\w)"
)


def _from_sentence(text: str, sent: tx.Sentence, ctx: _Ctx) -> list[tuple[int, Commitment]]:
    s = sent.text
    if not _HINT.search(s):
        return []
    out: list[tuple[int, Commitment]] = []
    pos = 0
    # the next match of each trigger regex, re-searched only once we have moved past it, so that
    # a long sentence costs one pass per regex rather than one per trigger
    cached: dict[int, re.Match[str] | None] = {}
    while pos < len(s):
        first = None
        for i, rx in enumerate((_FIRM_TRIGGER, _SOFT_TRIGGER)):
            m = cached.get(i, False)
            if m is False or (m is not None and m.start() < pos):
                m = rx.search(s, pos)
                cached[i] = m
            if m is not None and (first is None or m.start() < first.start()):
                first = m
        if first is None:
            break
        clause_start = _clause_bounds(s, first.start())
        # the clause runs to the next clause boundary that starts a new subject, else the end
        nxt = _CLAUSE_END.search(s, first.end(), first.end() + CLAUSE_WINDOW)
        clause_end = min(nxt.start() if nxt else len(s), first.end() + CLAUSE_WINDOW)
        clause = s[clause_start:clause_end].strip()
        pos = first.end()
        if not clause:
            continue
        prefix = s[max(0, clause_start - CLAUSE_WINDOW):clause_start]
        before = s[max(0, first.start() - CLAUSE_WINDOW):first.start()]
        if _is_relative_clause(prefix) or _REASON_LABEL.search(prefix) or _REASON_LABEL_INSIDE.search(s, 0, first.start()):
            continue
        if first.re is _FIRM_TRIGGER and first.group("fnoun") is not None and \
                re.search(r"(?i)\b(?:asked|sought|requested|wanted|seeking|asking|sought)\s+(?:for\s+)?(?:an?\s+|the\s+|some\s+|further\s+)?$", before):
            continue  # "asked for assurance that ...": the assurance is sought, not given
        excluded = _EXCLUDE.search(s[clause_start:min(first.end() + 40, clause_end)])
        if excluded and first.re is _FIRM_TRIGGER and first.group("fnoun") is not None and re.match(r"(?i)would\s+(?:not|never)\b", excluded.group(0)):
            excluded = None  # "gave an assurance that the library would not close": a promise not to act
        if excluded:
            continue
        if _CALL_IN_NOTICE.search(s[clause_start:first.end() + 10]):
            continue
        if first.re is _FIRM_TRIGGER and first.group("fdone") and _THIRD_PARTY_AGENT.match(s, first.end()):
            continue  # "a further 60 would be delivered by the operators": another party's act, reported
        if _NEXT_MEETING.search(s[clause_start:first.end() + 20]):
            continue  # "the next meeting would be held on 14 May": the calendar, not a promise
        if _EMBEDDED_QUESTION.search(before):
            continue  # "were not told when contractors would arrive": a question, not a promise
        if first.re is _FIRM_TRIGGER and first.group("fagree") is not None and (
                re.match(r"(?i)(?:agreed|undertook)\s+(?!to\b)", first.group(0)) and re.search(r"(?i)\b(?:had|has|have)\s+(?:already\s+)?$", before)
                or re.match(r"(?i)intended\b", first.group(0)) and re.search(r"(?i)\b(?:had|not|never)\s+(?:not\s+)?$", before)):
            continue  # "the police had agreed conditions", "he had not intended to cause offence": the past, not a promise
        if first.re is _FIRM_TRIGGER and first.group("fdoso") is not None:
            if not re.search(r"(?i)\b(?:suggested|asked|requested|proposed|urged)\b", before):
                continue  # "agreed to do so" binds only when what is to be done was asked for just before
        elif _QUESTION_INTRO.search(before) and not re.search(r"(?i)\b(?:replied|responded|confirmed|advised|explained|said|stated|informed|assured|agreed|undertook)\b", before[-200:]):
            continue
        if _PROPOSAL_CONTENT.search(before):
            continue  # "under the plan the company would deliver 140 homes": what is being decided, not a promise
        if re.search(r"\?[ \t]*[\"”'’]?[ \t]*$", clause):
            continue  # "Will the Council reinstate the weekly collection ...?": a question
        if _HYPOTHETICAL.search(before) and not _SOFT_MARKER.search(clause):
            continue
        result = _strength_and_match(clause)
        if result is None:
            continue
        strength, match = result
        subject = clause[:match.start()]
        who = _owner(text, sent.start + clause_start, subject, match, ctx)
        if who is False or _DONE_STATUS.search(clause):
            continue
        halves = _two_undertakings(clause, match, strength, ctx)
        if halves:
            for offset, half, half_strength, half_due, half_due_text in halves:
                half_out = re.sub(r"\s+", " ", half).strip().rstrip(" |")
                if half_out.count('"') % 2 or half_out.count("”") > half_out.count("“"):
                    half_out = half_out.rstrip("\"”").rstrip()
                out.append((sent.start + clause_start + offset,
                            Commitment(text=half_out, who=who, due=half_due, strength=half_strength, due_text=half_due_text)))
            pos = max(pos, clause_end)
            continue
        due, due_text = find_due(clause, ctx.meeting_date)
        clause_out = re.sub(r"^\(?[a-z0-9]{1,3}[.)]\s+", "", re.sub(r"\s+", " ", clause).strip())
        clause_out = clause_out.rstrip(" |")  # the end of a table cell
        if clause_out.count('"') % 2 or clause_out.count("”") > clause_out.count("“"):
            clause_out = clause_out.rstrip("\"”").rstrip()  # the close of a quoted answer
        if not clause_out.endswith((".", "!", "?")) and clause_end == len(s) and s.rstrip().endswith("."):
            clause_out += "."
        out.append((sent.start + clause_start, Commitment(text=clause_out, who=who, due=due, strength=strength, due_text=due_text)))
        pos = max(pos, clause_end)
    return out


# "would consider introducing an amnesty and would report back", "would look into how the jobs had been
# prioritised and write to her": two undertakings coordinated under one subject. They are reported
# apart only when they differ in strength or in a dated deadline (so neither takes the other's);
# otherwise the sentence is one promise, as clerks and earlier labels treat it.
_COORDINATED = re.compile(
    r"(?i),?\s+and\s+(?=(?:would|will|shall)\s+(?:also\s+|then\s+|personally\s+)?(?!be\s+(?:able|happy|willing|pleased)\b)[a-z]{3,}"
    # "would bring a plan in March and might be able to reduce the transfer": a firm and a soft one
    r"|(?:could|might|may)\s+(?:also\s+)?(?:be\s+able\s+to\s+)?[a-z]{3,}"
    r"|(?-i:" + _ACT_SOFT + r")\b)")


def _two_undertakings(clause: str, match: re.Match[str], strength: str, ctx: _Ctx):
    cut = _COORDINATED.search(clause, match.end())
    if not cut:
        return None
    first, second = clause[:cut.start()], clause[cut.end():]
    if _COORDINATED.search(second) or len(second.split()) < 3:
        return None
    first_result = _strength_and_match(first)
    if first_result is None:
        return None
    second_result = _strength_and_match(second)
    if second_result is None:
        if re.match(r"(?i)(?:would|will|shall)\b", second):
            return None
        second_strength = "soft" if _SOFT_MARKER.search(second) or re.match(r"(?i)(?:consider|reconsider|explore|look\s+at|could|might|may)\b", second) else "firm"
    else:
        second_strength = second_result[0]
    first_due, first_due_text = find_due(first, ctx.meeting_date)
    second_due, second_due_text = find_due(second, ctx.meeting_date)
    # a time given to one undertaking only ("would open a hostel by December 2026 and would recruit
    # two officers") is that one's own deadline; a duration ("over two years") is no deadline
    # ... when the second repeats the modal ("and would report back"), not in "would add it to the
    # list and report back in the autumn", one undertaking with its steps
    own_time = bool(_deadline(first_due_text)) != bool(_deadline(second_due_text)) and \
        re.match(r"(?i)(?:would|will|shall)\b", second) is not None and \
        not re.match(r"(?i)(?:would|will|shall)\s+(?:then\s+)?(?:report|feed\s+back|update|come\s+back)\b", second)  # the first's own report-back
    if first_result[0] == second_strength and first_due == second_due and not own_time:
        return None
    lead = len(clause) - len(clause.lstrip())
    return [(lead, first.strip(), first_result[0], first_due, first_due_text),
            (cut.end(), second.strip(), second_strength, second_due, second_due_text)]


def _deadline(due_text: str | None) -> str | None:
    if due_text and not re.match(r"(?i)(?:over|for|from|during|throughout)\b", due_text):
        return due_text
    return None


_COMPLEMENT_TAKERS = frozenset(
    "said says heard told felt thought knew was were is are being meant means understood saw found "
    "hoped wrote agreed ensure ensured explain explains state states confirm confirms advise advises "
    "inform informs note notes so such given say assurance assured undertaking promise promised "
    "reassured reassure clear aware view opinion hope expectation expected expect anticipated "
    "anticipate stressed emphasised emphasized highlighted added reported indicated suggested "
    "replied responded commented stated advised informed explained confirmed noted remarked "
    "observed acknowledged accepted recognised recognized believed considered and but or also further "
    "then now therefore undertook undertakes undertake assures pledge pledges guarantee guarantees".split()
)


_TOLD_THAT = re.compile(
    r"(?i)\b(?:assured|told|informed|advised|reassured|promised|notified|briefed|updated|"
    r"assure|tell|inform|advise|reassure|promise|notify|brief|update)\s+(?:the\s+|all\s+)?(?:[\w'’-]+\s+){0,2}that\s*$"
    # "Members were advised by the Chief Officer that ...": the passive with its agent
    r"|\b(?:was|were|had\s+been)\s+(?:assured|told|informed|advised|reassured|promised|notified|briefed|updated)\s+by\s+"
    r"(?:[\w'’-]+,?\s+){1,8}?that\s*$")


def _is_relative_clause(prefix: str) -> bool:
    """"groups that they could take this to": "that" after a noun starts a relative clause."""
    if _TOLD_THAT.search(prefix):
        return False  # "assured Members that the works would be completed": a that-clause, not a relative
    m = re.search(r"(\w+)\s+(?:that|who|which|whom)\s*$", prefix, re.IGNORECASE)
    if not m:
        return False
    word = m.group(1).lower()
    return not (word in _COMPLEMENT_TAKERS or word.endswith("ed"))


def _owner(text: str, clause_pos: int, subject: str, match: re.Match[str], ctx: _Ctx) -> str | None | bool:
    """Who owns the promise: the clause's subject, the person reported as speaking, or None.

    Returns False when the subject shows this is not a promise (an active verb with "it"/"this").
    """
    groups = match.groupdict()
    # "where owners do not engage we will use ...": the condition is not the subject
    stripped = _LEADING_CONDITION.sub("", subject)
    clause_pos, subject = clause_pos + len(subject) - len(stripped), stripped
    passive = bool(groups.get("fdone") or groups.get("fchair") or groups.get("sdone") or groups.get("fexpect") or groups.get("fdue") or groups.get("frecv")
                   or groups.get("freply"))
    active = bool(groups.get("fact") or groups.get("fany") or groups.get("sact"))
    if _GOVERNMENT_SUBJECT.match(subject):
        return False  # "the Government would publish its response in the spring": reported, no one here promises it
    if active and _WHICH_END.search(subject):
        return False  # "..., which would raise £1.3 million": an effect, not a promise
    if active and not subject.strip():
        elided = _elided_subject(text, clause_pos)
        if elided is not None:
            nps = find_noun_phrases(elided)
            if nps and nps[0].start < 3:
                return ctx.resolve_subject(nps[0])
            if _PRONOUN_SUBJECT.match(elided) or _AGENT_SUBJECT_HEAD.match(elided):
                return ctx.speaker_before(clause_pos) if _PRONOUN_SUBJECT.match(elided) else _subject_head(elided)
            return False
    addressee = groups.get("addressee") or groups.get("addressee2")
    if groups.get("addressee2") and re.fullmatch(
            r"(?i)\s*(?:the\s+)?(?:Town\s+|Parish\s+|Community\s+|Borough\s+|District\s+|County\s+|City\s+)?"
            r"(?:Council|Committee|Sub-Committee|Board|Panel|Cabinet|Authority|Forum|Partnership|Executive)\s*", groups["addressee2"]):
        return False  # "asked that the Council write to ...": a member's proposal to the body, bound only by its resolution
    if addressee and _OUTSIDE_BODY.search(addressee) and re.match(r"(?i)asked|requested", match.group(0)):
        return False  # "She asked Severndale Water to attend again": a request to an outside body binds no one here
    if addressee:
        nps = find_noun_phrases(addressee)
        if nps:
            return ctx.resolve_subject(nps[-1])
        return addressee.strip()
    if groups.get("fnote"):
        nps = find_noun_phrases(groups["notesubj"])
        return ctx.resolve_subject(nps[-1]) if nps else groups["notesubj"].strip()
    if groups.get("fany") and not nps_for_subject(text, clause_pos, subject) and not _PRONOUN_SUBJECT.match(subject) \
            and not re.search(r"(?i)\b(?:officers?|council|authority|team|service|trust|police|force|department)\b", subject):
        return False  # a bare "would <verb>" needs someone to keep the promise
    if groups.get("faccept") and not re.search(
            r"(?i)\b(?:applicants?|developers?|operators?|licensee|licence\s+holder|premises|company|owners?|landlord|agent|client|"
            r"contractor|he|she|they|we|i)\s*$", subject):
        return False  # "the residents would accept a reduced service": an opinion, not an undertaking
    if groups.get("fisto"):
        # "The Clerk is to write ..." binds a person or office; "the aim is to reduce ..." binds no one
        if re.search(r"(?i)\b(?:aim|aims|purpose|intention|objective|idea|priority|role|task|job|plan|proposal|hope|ambition|challenge|"
                     r"key|next\s+step|step|answer|solution|option|intent|goal|vision)\s*$", subject):
            return False
        nps = find_noun_phrases(text, clause_pos, clause_pos + len(subject))
        if nps:
            return ctx.resolve_subject(nps[-1])
        head = _POSSESSOR.sub("", subject)
        return subject.strip() if _AGENT_SUBJECT_HEAD.match(head.strip()) else False
    if groups.get("fasked"):
        nps = find_noun_phrases(text, clause_pos, clause_pos + len(subject))
        if nps:
            return ctx.resolve_subject(nps[-1])
        return None
    nps = find_noun_phrases(text, clause_pos, clause_pos + len(subject))
    if nps and not passive:
        return ctx.resolve_subject(nps[-1])
    if _NON_AGENT_SUBJECT.match(subject) and not passive and not groups.get("fevent"):
        return False
    if groups.get("fact") and _EFFECT_VERB.fullmatch(groups["fact"]) and not _EFFECT_AGENT.search(subject):
        return False  # "the extra staff would reduce costs": an effect, not a promise
    if not passive and groups.get("fact") and not re.match(_EVENT + r"\b", match.string[match.start("fact"):], re.IGNORECASE) \
            and subject.strip() and not _PRONOUN_SUBJECT.match(subject) \
            and not _AGENT_NOUN.search(_POSSESSOR.sub("", subject)) and not _names_body_before(text, clause_pos, subject):
        return False  # "a further gambling premises would add to harm": a prediction, not a promise
    if _PRONOUN_SUBJECT.match(subject) or passive or not subject.strip():
        return ctx.speaker_before(clause_pos)
    return ctx.speaker_before(clause_pos) if re.search(r"(?i)\b(?:officers?|council|authority|team|service)\b", subject) is None else subject.strip() or None


def _names_body_before(text: str, clause_pos: int, subject: str) -> bool:
    """"the pool would provide ..." after "Sophie Marchetti from the Northern Shires Pool": a short
    definite subject whose noun ends an organisation's name given just before is that organisation."""
    m = re.fullmatch(r"(?i)\s*the\s+([a-z][\w-]{2,})\s*", subject)
    if not m:
        return False
    noun = m.group(1)
    pattern = r"\b(?:[A-Z][\w'’-]*\s+){1,4}" + re.escape(noun[:1].upper() + noun[1:]) + r"\b"
    return re.search(pattern, text[max(0, clause_pos - 400):clause_pos]) is not None


_LEADING_CONDITION = re.compile(r"(?i)^\s*(?:if|where|when|unless|once|until|should)\b[^.;]{2,120}?\s(?=(?:we|i|he|she|they)\s*$)")
# "the Government's transitional arrangements": the possessor is not the subject's head
_POSSESSOR = re.compile(r"^.*['’]s?\s+(?=\S)")
# an organisation outside the council, named as the one asked to act
_OUTSIDE_BODY = re.compile(
    r"(?:^|\s)(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)*\s+(?-i:Water|Energy|Electricity|Gas|Rail|Railway|Railways|Agency|Ltd|Limited|"
    r"plc|PLC|Company|Association|Society|Trust|Police|Constabulary|University|College|Health\s+Board|Homes|Buses|Airport)\s*$")
# central government, never at the table of a council's meeting: what it will do is reported, not promised
_GOVERNMENT_SUBJECT = re.compile(
    r"(?i)^\s*(?:the\s+)?(?:UK\s+|HM\s+|Welsh\s+|Scottish\s+|central\s+)?(?:Government|Secretary\s+of\s+State|Ministers?|Treasury|"
    r"Department\s+for\s+[\w ,&-]{2,60}?)\s*$")
_WHICH_END = re.compile(r"(?i)\bwhich\s+(?:(?:also|in\s+turn|itself)\s+)?$")
_ELIDED_START = re.compile(r"(?i)\bthat\s+|[;:,]\s*|(?<=[.!?])\s+")
_ELIDED_BEFORE = re.compile(r"(?i)(?P<subj>(?!(?:had|has|have|was|were|is|are|did|would|will|shall)\b)(?:(?!\b(?:that|and)\b)[^;:,]){2,120}?)\s+(?:(?:had|has|have|was|were|is|are|did|would|will|shall)\b|(?!need|indeed|reed)[a-z]{2,}ed\b)[^;:]*?\band\s*$")
_AGENT_SUBJECT_HEAD = re.compile(
    r"(?i)^(?:the\s+|his\s+|her\s+|their\s+|our\s+|its\s+)?(?:[\w'’-]+\s+){0,3}?(?:officers?|council|authority|team|service|services|"
    r"trust|department|directorate|police|force|board|company|operator|developer|applicant|contractor|partners?|"
    r"partnership|firm|club|school|provider|agency|clerk|staff|administration|university|college|hospital|icb|"
    r"audit|auditors?|client|licensee|owner|landlord|management|applicant|agent|developer|organisers?|"
    r"we|they|he|she|i)\b")


_EFFECT_VERB = re.compile(r"(?i)reduce|increase|improve|raise|save|cut|lower|boost|help|benefit|extend|expand")
_EFFECT_AGENT = re.compile(
    r"(?i)\b(?:council|authority|service|officers?|team|department|directorate|trust|board|cabinet|government|"
    r"company|operator|developer|applicant|firm|partnership|he|she|they|we|i)\b")


def _elided_subject(text: str, clause_pos: int) -> str | None:
    """The subject of "X had done Y and would do Z" when the clause begins at "would"."""
    before = text[max(0, clause_pos - 300):clause_pos]
    if not re.search(r"(?i)\band\s*$", before):
        return None
    starts = [0] + [m.end() for m in _ELIDED_START.finditer(before)]
    for st in reversed(starts):
        m = _ELIDED_BEFORE.match(before, st)
        if m:
            return m.group("subj").strip()
    return None


def _subject_head(subject: str) -> str:
    return re.sub(r"(?i)^(?:the|his|her|their|our|its)\s+", "", subject.strip()) if subject.strip() else subject


def nps_for_subject(text: str, clause_pos: int, subject: str) -> list[NounPhrase]:
    return find_noun_phrases(text, clause_pos, clause_pos + len(subject)) if subject.strip() else []


def _directive_owner(text: str, pos: int, decision_text: str, ctx: _Ctx) -> str | None:
    m = re.search(r"(?i)\b(?:be|is|are)\s+(?:asked|requested|instructed|authori[sz]ed|delegated|tasked|invited|directed|commissioned)\s+to\b", decision_text)
    if m:
        subject = decision_text[:m.start()]
        nps = find_noun_phrases(subject)
        if nps:
            return ctx.resolve_subject(nps[-1])
        return None
    m = re.search(r"(?i)\b(?:requests?|asks?|instructs?|directs?|tasks?|invites?)\s+(?:that\s+)?(?P<rest>.{0,120})", decision_text)
    if m:
        nps = find_noun_phrases(m.group("rest"))
        if nps:
            return ctx.resolve_subject(nps[0])
    m = re.match(r"(?i)^(?:that\s+)?(?P<subject>.{2,100}?)\s+(?:would|will|shall|should|to|be\s+\w+ed|\w+)\b", decision_text)
    if m:
        nps = find_noun_phrases(m.group("subject"))
        if nps:
            return ctx.resolve_subject(nps[0])
    return None
