"""What was decided: resolutions under RESOLVED/AGREED/DECISION headings, sentence-form decisions
("The Committee agreed that ...", "Council noted the report"), and recorded votes.

Each resolution is its own decision; lettered and numbered limbs ((a), 1), ii.) are split; the
heading word is removed but "that ..." is kept, as clerks write it. A page that repeats the
discussion under a "Resolved:" heading is recognised by its language (reported speech, past
tense) and skipped: resolutions are written in the subjunctive ("be noted", "be asked to").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexer.extract import text as tx
from indexer.extract.model import Decision, Vote

# the deciding body: a committee, sub-committee ("sub-committee" in Scottish minutes), panel, board,
# partnership, task or working group, "Local Review Body" ...; up to three qualifying capitalised words
# ("The Joint Committee", "The Local Review Body", "The Task Group")
_BODIES = (
    r"(?:(?:[A-Z][\w'’-]*[ \t]+){0,3}?(?:Committee|Sub-Committee|Sub-committee|Panel|Board|Commission|Forum|Partnership|"
    r"Body|Authority|Working[ \t]+Party)|[Ss]ub-[Cc]ommittee|Cabinet|Council|Executive|Members|Councillors|Meeting"
    # a group that is the meeting itself ("The Group", "The Task and Finish Group"), not "The Friends Group"
    # or a political group
    r"|(?:(?:Task(?:[ \t]+and[ \t]+Finish)?|Working|Steering|Project|Advisory|Liaison|Reference|Review|Scrutiny|Member|Members['’]?)[ \t]+)?Group)")
_HEADING = re.compile(
    # a note-form bullet may carry the heading: "- Agreed: the open day to be held in June."
    r"^[ \t\u00a0•·*]*(?:[-–][ \t]+(?=[A-Z]))?(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]?[ \t]+)?(?:\(?[a-z][.)][ \t]+)?"
    r"(?:(?:PENDERFYNWYD|Penderfynwyd|CYTUNWYD|Cytunwyd|PENDERFYNIAD|Penderfyniad)[ \t]*[:.]?[ \t]*[/|–\-][ \t]*)?"
    # a town council's planning notes: "Observations agreed: No objection."
    r"(?P<head>(?:It[ \t]+was[ \t]+|(?:The[ \t]+)?" + _BODIES + r"[ \t]+|(?:Observations?|OBSERVATIONS?|Comments?|COMMENTS?)[ \t]+(?=agreed[ \t]*:|AGREED[ \t]*:))?"
    r"(?:(?:UNANIMOUSLY|[Uu]nanimously|FURTHER|[Ff]urther|"
    r"[Tt]herefore|THEREFORE)[ \t]+)?"
    # Northern Irish committees write "Recommended:" (for the council's ratification)
    r"(?:RESOLVED|AGREED|DECISIONS?|DECIDED|RECOMMENDED|Resolved|Agreed|Decisions?|Decided|Recommended(?=[ \t]*:)|"
    r"(?<=was )resolved|(?<=was )agreed|(?<=was )decided|(?<=was )unanimously resolved|"
    r"(?<=[a-z] )(?:agreed|resolved|decided)(?=[ \t]*(?:as[ \t]+follows[ \t]*)?:))"
    r"(?:[ \t]*\((?:unanimously|[^()\n]{0,40})\))?(?:[ \t]+(?:UNANIMOUSLY|unanimously))?"
    r"(?:[ \t]+(?:AS[ \t]+FOLLOWS|as[ \t]+follows))?)"
    r"(?P<sep>[ \t]*:[ \t]*[-–—]?[ \t]*|[ \t]*[\-–—.,][ \t]*|[ \t]+(?=that\b|That\b|THAT\b|to\b|To\b)|[ \t]*(?=\n)|[ \t]*$)",
    re.MULTILINE,
)
_INLINE_CAPS = re.compile(
    # every match opens on a capital, or "the"/"sub-"/"it": the lookahead skips other positions
    # before the lookbehinds and the bodies' alternation are tried there (same matches, ~3x faster)
    r"(?=[A-Zsti])"
    r"(?P<head>(?:(?<=[.!?][ \t])|(?<=\band[ \t])|(?<=,[ \t])|(?<=[a-z]:[ \t]))(?:RESOLVED|AGREED|DECISION)(?:[ \t]+as[ \t]+follows)?(?=[ \t]*(?:[:\-–—]|that\b|That\b|THAT\b|to\b))|"
    r"\b(?:(?:[Tt]he[ \t]+)?" + _BODIES + r"|[Ii]t[ \t]+was)[ \t]+(?:(?:then|therefore|also|UNANIMOUSLY|unanimously|formally|"
    r"duly|further)[ \t]+)*(?:RESOLVED|AGREED|DECIDED)(?![ \t]+accordingly\b))(?P<sep>[ \t]*[:\-–—,]?[ \t]*)"
)
_SENTENCE_FORM = re.compile(
    # a note-form bullet "- Group agreed to recommend ..."
    r"^(?:[-–•][ \t]+(?=(?:[Tt]he[ \t]+)?[A-Z]))?(?:(?:Thereafter|Subsequently),?[ \t]+)?"
    # Scottish minutes: "Thereafter, on the motion of Councillor X, seconded by Councillor Y, it was agreed ..."
    r"(?:(?:[Oo]n[ \t]+the[ \t]+motion[ \t]+of[^,.]{1,80},[ \t]*(?:seconded[ \t]+by[^,.]{1,80},[ \t]*)?)"
    r"|(?:Accordingly|Therefore|Following(?:[^,]{0,80}),|After(?:[^,]{0,80}),|Upon(?:[^,]{0,80}),|"
    # "Following discussion the Committee resolved to ...": a short participial opener, no comma
    r"(?:Following|After)[ \t]+(?:(?:a|the|further|some|full|lengthy|detailed)[ \t]+)?(?:discussion|debate|"
    r"deliberation|questions|consideration)[ \t]+(?=[Tt]he[ \t]+|[Ii]t[ \t]+was)|"
    r"On(?:[^,]{0,80}),|Having(?:[^,]{0,120}),)[ \t,]*)?"
    r"(?:(?P<body>(?:[Tt]he[ \t]+)?" + _BODIES + r"|[Ii]t[ \t]+was)"
    r"[ \t]+(?:(?:then|therefore|also|unanimously|formally|duly|further|accordingly|subsequently)[ \t]+)*)"
    r"(?P<verb>agreed|resolved|decided|noted|approved|endorsed|refused|granted|deferred|determined|"
    r"authorised|authorized|delegated|adopted|accepted|recommended|instructed|voted|"
    r"agrees|resolves|notes|approves|endorses|recommends|recommend|requests|instructs|authorises|"
    r"AGREED|RESOLVED|DECIDED|NOTED|APPROVED|ENDORSED|REFUSED|GRANTED|DEFERRED|"
    # a capitalised verb is the clerk's mark of a formal act: "The Board RECEIVED the report."
    r"RECEIVED|RATIFIED|SUPPORTED|ADOPTED|ACCEPTED|AUTHORISED|AUTHORIZED|DELEGATED|"
    r"ratified)\b"
    r"[ \t]*[:,]?[ \t]*(?P<rest>.*)$",
    re.DOTALL,
)
_MOVED_THAT = re.compile(
    r"\b(?:proposed|moved|seconded|PROPOSED|MOVED)\b[^.\n]{0,160}?\b(?P<res>that\b[^.\n]{3,400}\.)[ \t]*(?:\n[ \t]*)*$"
)
_BARE_RESOLVED = re.compile(
    r"^(?:It[ \t]+was[ \t]+)?(?:RESOLVED|Resolved|resolved|AGREED|Agreed|agreed|CARRIED|Carried|carried)"
    r"(?:[ \t]+(?:unanimously|UNANIMOUSLY|nem\.?[ \t]*con\.?|by[ \t]+a[ \t]+majority))?[ \t]*[.!]?$"
)
_LIMB = re.compile(
    # London boroughs letter their limbs in capitals, "(A) To appoint ...", "(B) To delegate ..."
    r"(?:^|(?<=\n))[ \t\u00a0]*(?:[•·▪●*\-–][ \t\u00a0]+|\((?:[a-z]{1,2}|[ivxIVX]{1,5}|[A-H]|\d{1,2})\)[ \t\u00a0]*|"
    r"(?:[a-z]|[ivx]{1,5}|\d{1,2})[.)][ \t\u00a0]+)"
)
_INLINE_LIMB = re.compile(
    r"(?:^|(?<=[:;])|(?<=;[ \t]and)|(?<=that)|(?<=\bto))[ \t\u00a0]*\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)[ \t\u00a0]+"
    # "(i) That the report be noted. (ii) That the Head of Planning review ...": limbs run on after full stops
    r"|(?<=[a-z0-9)]\.)[ \t\u00a0]+\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)[ \t\u00a0]+(?=[A-Z])")
_RESOLUTION_LIKE = re.compile(
    r"(?i)\b(?:be|is|are|being)[ \t]+(?:now[ \t]+|hereby[ \t]+|formally[ \t]+|duly[ \t]+|further[ \t]+)?"
    r"(?:noted|approved|agreed|adopted|endorsed|received|accepted|granted|refused|deferred|referred|"
    r"recommended|asked|requested|instructed|authori[sz]ed|delegated|submitted|circulated|reported|brought|"
    r"considered|supported|amended|confirmed|signed|rejected|withdrawn|updated|established|appointed|"
    r"elected|re-elected|set|added|included|made|given|undertaken|arranged|investigated|reviewed|published|"
    r"sent|provided|thanked|congratulated|forwarded|presented|held|removed|closed|extended|continued|"
    r"commissioned|progressed|implemented|allocated|released|awarded|varied|revoked|suspended|upheld|"
    r"dismissed|excluded|determined|invited|agreed|passed|ratified|requested|tasked|written|placed|"
    r"considered|welcomed|issued|taken|imposed|modified|renewed|maintained|retained|deleted|"
    r"incorporated|recorded|minuted|informed|notified|consulted|prepared|produced|scheduled|convened|"
    r"discharged|dissolved|disbanded|formed|created|constituted|reaffirmed|re-affirmed|accepted)\b"
    r"|^[\s(]*(?:that|to)\b"
    r"|\b(?:notes|approves|agrees|endorses|recommends|requests|asks|welcomes|supports|resolves|instructs|"
    r"authorises|authorizes|delegates|adopts|accepts|refuses|grants|confirms|thanks|congratulates|"
    r"receives|defers|commends|acknowledges|calls[ \t]+(?:on|upon)|believes|expresses|reaffirms|"
    r"re-affirms|determines|appoints|elects|notes)\b"
    r"|^[\s(]*(?:noted|approved|agreed|refused|granted|deferred|endorsed|received|accepted|asked|requested|"
    r"instructed|authori[sz]ed|delegated|resolved|decided|adopted|supported|welcomed|recommended)\b"
    r"|\bplanning[ \t]+permission\b|\bno[ \t]+further[ \t]+action\b|\bsubject[ \t]+to\b"
    r"|\b(?:motion|recommendations?|amendment)\b[^.]{0,60}\b(?:carried|approved|agreed|adopted)\b",
)
_NARRATIVE = re.compile(
    r"\b(?:received|considered|discussed|debated)\s+(?:a|an|the)\s+(?:\w+\s+)?(?:report|presentation|update|briefing|paper)\b|"
    r"\b(?:said|asked|replied|responded|explained|stated|informed|commented|queried|added|advised|"
    r"reported|highlighted|suggested|expressed|mentioned|confirmed|clarified|noted that|heard|"
    r"presented|introduced|welcomed|thanked|questioned|raised|outlined|referred)\b"
)
_STOP_LABEL = re.compile(
    r"(?im)^[ \t]*(?:reasons?[ \t]+for[ \t]+(?:the[ \t]+)?decisions?|alternative[ \t]+options|"
    r"other[ \t]+options|options[ \t]+considered|conflicts?[ \t]+of[ \t]+interest|dispensations?|"
    r"reason[ \t]+for[ \t]+(?:the[ \t]+)?urgency|background|supporting documents|additional documents|"
    r"publication[ \t]+date|date[ \t]+of[ \t]+decision|decision[ \t]+maker|call[- ]in)\b[^\n]*:?"
)
_NOTED_OBJECT = re.compile(r"(?i)^(?!that\b|how\b|whether\b|with\b|in\b|a\s+number\b)")
# "Having considered the objections, the Cabinet Member:" then (a), (b) ...
_BODY_COLON_HEAD = re.compile(
    r"(?m)^[ \t]*(?:(?:Having|After|Following|Upon|On)[^\n,.]{0,160},[ \t]*)?(?:[Tt]he[ \t]+)?"
    r"(?:Committee|Sub-Committee|[Ss]ub-committee|Panel|Board|Cabinet|Council|Executive|Commission|Forum|Partnership|"
    r"(?:[A-Z][\w'’-]*[ \t]+){1,2}Body|Cabinet[ \t]+Member|"
    r"Executive[ \t]+Member|Portfolio[ \t]+Holder|Leader|Mayor|Lead[ \t]+Member)"
    # "The Cabinet Member for Highways, Councillor Soames, replied:" introduces speech, not decisions
    r"(?![^:\n]*\b(?:replied|responded|answered|said|stated|added|explained|commented|asked)\b)(?:[ \t]+for[ \t]+[^:\n]{1,80})?"
    r"[ \t]*:[ \t]*(?=\n|\((?:a|i|1)\))"
)
_LEAD_IN_BODY = re.compile(r"^(?:[Tt]hat[ \t]+)?(?:[Tt]he[ \t]+|[Tt]his[ \t]+)?(?:[A-Z][\w'’-]*[ \t]*){1,5}(?:\([^)]{0,40}\))?[ \t]*[:,\-–]?$")
# "The minutes of the meeting held on ... were confirmed as a correct record"
_MINUTES_RECORD = re.compile(
    r"^(?:[Tt]he[ \t]+)?(?:[Mm]inutes|[Nn]otes)[ \t]+of[ \t]+[^\n]{0,160}?\b(?:were|was|be)[ \t]+(?:\w+[ \t]+)?"
    r"(?:approved|confirmed|agreed|accepted|adopted|signed|taken)\b[^\n]{0,60}?\b(?:correct|true|accurate|full)[ \t]+record\b",
)
# "An email from a resident about dog fouling was noted." (not "It was noted that ...");
# correspondence "was received" or "was read out (by the Clerk) and noted" is the body's act too
_PASSIVE_NOTED = re.compile(
    r"^(?:[Tt]he|An?|This|These)[ \t]+(?![^.\n]{0,150}\b(?:that|whether)\b)[^.\n]{3,150}?[ \t]+(?:was|were)[ \t]+"
    r"(?:duly[ \t]+|formally[ \t]+)?(?:noted|received[ \t]+and[ \t]+noted|"

    r"(?:read|read[ \t]+out|reported|tabled|circulated)(?:[ \t]+by[ \t]+[^.\n]{3,80}?)?[ \t]+and[ \t]+(?:duly[ \t]+)?noted)"
    r"[ \t]*\.?$")
# "A letter from the Allotment Society ... was received." (correspondence, not an officer's report)
_CORRESPONDENCE_RECEIVED = re.compile(
    r"^(?:An?|The)[ \t]+(?:\w+[ \t]+)?(?:letter|card|e-?mail|petition|message|invitation|correspondence)s?\b"
    r"(?![^.\n]{0,150}\b(?:that|whether)\b)[^.\n]{3,150}?[ \t]+(?:was|were)[ \t]+received[ \t]*\.?$")
# "The Authority's decision was: That the application be refused."
_DECISION_WAS = re.compile(
    r"^(?:[Tt]he[ \t]+)?(?:[A-Z][\w-]*[ \t]+){0,3}?(?:[A-Z][\w-]*(?:['’]s|s['’])[ \t]+)?(?:formal[ \t]+)?"
    r"(?:decision|resolution)[ \t]+(?:was|is|reads)[ \t]*(?:as[ \t]+follows)?[ \t]*[:\-–][ \t]*(?P<rest>\S.*)$",
    re.DOTALL)
_BARE_NOTED = re.compile(
    r"^(?:Noted|NOTED|Received[ \t]+and[ \t]+noted|RECEIVED[ \t]+AND[ \t]+NOTED|"
    # a parish council's response to a planning application
    r"No[ \t]+objections?|NO[ \t]+OBJECTIONS?|No[ \t]+comments?|Objection|OBJECTION|Support(?:ed)?|SUPPORT)[ \t]*\.?$")
# "Members noted the report." as the last sentence of an item: the body's outcome of the item
# (mid-item, "Members noted the comments. The Chair said ..." is receipt of information)
_CLOSING_NOTED = re.compile(
    r"^(?:Members|Councillors|Board[ \t]+members|Committee[ \t]+members)[ \t]+(?:then[ \t]+|duly[ \t]+|formally[ \t]+)?noted[ \t]+(?:the|this)[ \t]+"
    r"(?:[\w'’/-]+[ \t]+){0,4}?(?:report|decision|update|plan|position|minutes|information|correspondence|letter|"
    r"briefing|presentation|accounts|statement|programme|log|register|response|summary|figures|outcome|forecast)s?[ \t]*\.?$")
# a correspondence or report line closed by the clerk's "– noted." ("Letter from the Department ... – noted.")
_LINE_NOTED = re.compile(
    r"^(?:\(?[a-z0-9]{1,3}[.)][ \t]+)?(?!(?:It|This|That|There|He|She|They|We|I)\b)[A-Z][^\n]{5,250}?[ \t]+[–—-][ \t]+(?:[Nn]oted|NOTED|[Rr]eceived[ \t]+and[ \t]+noted)[ \t]*\.?$")
# the body's act on an item recorded in the passive: "this item was deferred to the next meeting",
# "The petition was referred to the Cabinet Member for Highways" (not history: "was deferred at the
# last meeting", "had been deferred")
_ITEM_PASSIVE = re.compile(
    r"^(?:(?:At|On|Following|After|Upon)[ \t]+[^,\n]{3,80},[ \t]*)?(?:[Tt]his|[Tt]he)[ \t]+"
    r"(?:item|application|matter|report|petition|motion|question|appeal|request)[ \t]+(?:was|were)[ \t]+(?:duly[ \t]+|then[ \t]+|therefore[ \t]+)?"
    r"(?:deferred|referred[ \t]+to[ \t]+(?:the[ \t]+)?[A-Z])"
    r"(?![^.\n]{0,80}\b(?:at|on|in|from)[ \t]+(?:the[ \t]+|its[ \t]+)?(?:last|previous|earlier|meeting[ \t]+(?:held[ \t]+)?on)\b)[^\n]{0,200}$")
# "Applications 3 and 5 were refused as they did not meet the criteria": numbered items decided together
_NUMBERED_PASSIVE = re.compile(
    r"^(?:Applications?|Items?|Bids?|Requests?|Grants?|Claims?|Nominations?)[ \t]+(?:[Nn]os?\.?[ \t]*)?\d{1,3}[a-z]?"
    r"(?:(?:[ \t]*,[ \t]*|[ \t]+and[ \t]+|[ \t]*&[ \t]*)\d{1,3}[a-z]?)*[ \t]+(?:was|were)[ \t]+(?:duly[ \t]+|therefore[ \t]+)?"
    r"(?:approved|refused|granted|deferred|agreed|rejected|declined|supported)\b[^\n]{0,200}$")
# a planning or parish minute's bare outcome on its own: "Approved subject to conditions.", "Refused – contrary
# to Policy H3.", "Recommendation agreed." (not "Approved by ..." in a signature block)
_BARE_OUTCOME = re.compile(
    r"^(?:Approved|APPROVED|Refused|REFUSED|Granted|GRANTED|Deferred|DEFERRED|Permitted|PERMITTED)(?:[ \t]+unanimously)?"
    r"(?:[ \t]*[-–—,:]?[ \t]*(?:subject[ \t]+to|contrary[ \t]+to|for[ \t]+the[ \t]+reasons?|on[ \t]+the[ \t]+grounds?|"
    r"as[ \t]+(?:per|set[ \t]+out|recommended)|with[ \t]+conditions?|in[ \t]+accordance[ \t]+with|to[ \t]+(?:allow|enable|the[ \t]+next))\b[^\n]{0,200})?[ \t]*\.?$"
    r"|^(?:The[ \t]+)?(?:Officer[ \t]+)?[Rr]ecommendations?[ \t]+(?:(?:was|were)[ \t]+)?(?:agreed|approved|adopted|accepted|carried)(?:[ \t]+unanimously)?[ \t]*\.?$")
# "Payments totalling £2,314.50 were approved." (nothing after the verb: not background history)
_PASSIVE_APPROVED = re.compile(
    r"^(?!(?:This|It|That|Which|These|Those|There)\b)[A-Z](?!(?:[^.\n]|\.(?=\d)){0,150}\b(?:that|whether|which|by|in|on|at|last|previous|previously)\b)"
    r"(?:[^.\n]|\.(?=\d)){3,150}?[ \t]+(?:was|were)[ \t]+"
    r"(?:duly[ \t]+|unanimously[ \t]+|formally[ \t]+)?(?:approved|agreed|adopted|accepted|ratified|endorsed)"
    r"(?:[ \t]+(?:unanimously|as[ \t]+(?:presented|circulated|listed|amended|tabled)))?[ \t]*\.?$")
# a proposal put and carried without a RESOLVED heading
_CARRIED_SENT = re.compile(
    r"(?i)^(?:(?:after|following|on|upon)[^,]{0,60}?(?:,[ \t]*|[ \t]+(?=(?:this|it)[ \t]+was\b)))?(?:this|it|which|the[ \t]+(?:(?:original|substantive|amended|main|revised)[ \t]+)?(?:motion|proposal|recommendation|proposition))[ \t]+"
    r"(?:was[ \t]+)?(?:then[ \t]+|duly[ \t]+|subsequently[ \t]+|therefore[ \t]+|declared[ \t]+|unanimously[ \t]+)*(?:put(?:[ \t]+to[ \t]+the[ \t]+(?:vote|meeting))?[ \t]+and[ \t]+)?"
    r"(?:was[ \t]+)?(?:carried|agreed|approved|passed)\b"
    r"|^on[ \t]+being[ \t]+put[ \t]+to[ \t]+the[ \t]+vote,?[ \t]+the[ \t]+(?:motion|proposal)[ \t]+was[ \t]+(?:\w+[ \t]+)?carried\b"
)
# "The officer recommendation was proposed by X and seconded by Y and ... was carried."
_RECOMMENDATION_CARRIED = re.compile(
    r"(?i)^the[ \t]+(?:officer(?:['’]s)?[ \t]+|officers['’][ \t]+)?recommendations?\b[^.]{0,200}?\b(?:was|were)[ \t]+"
    # "was moved, seconded, voted on and carried"
    r"(?:(?:moved|proposed|seconded|put|voted[ \t]+on|put[ \t]+to[ \t]+the[ \t]+vote)(?:[ \t]*,[ \t]*|[ \t]+and[ \t]+))*"
    r"(?:(?:then|duly|unanimously|therefore)[ \t]+)?(?:carried|approved|agreed|adopted|accepted)\b")
# a motion moved and seconded, its text on its own in quotation marks (Northern Irish councils)
_MOVED_QUOTE = re.compile(
    r"\b(?:Moved|Proposed)[ \t]+by\b[^\n]{0,80}\n(?:[ \t]*Seconded[ \t]+by\b[^\n]{0,80}\n)?\s*"
    # the motion in quotation marks, or its own paragraph "That the Committee ... approves ..."
    r"(?:[\"“](?P<q>[^\"”]{10,2000})[\"”]|(?P<t>That[ \t][^\n]{10,2000}))")
# Northern Irish minutes: "Proposed by X" / "Seconded by Y" lines, then "and agreed that ..." on the next
_SECONDED_AND_AGREED = re.compile(
    r"(?m)^[ \t]*Seconded[ \t]+by\b[^\n]{0,80}\n[ \t]*(?P<head>and[ \t]+(?:AGREED|agreed|RESOLVED|resolved|Agreed|Resolved))"
    r"[ \t]*(?:[:\-–—][ \t]*|(?=that\b|to\b))")
# a parish council's mover and seconder in the same sentence: "Proposed by Cllr X, seconded by Cllr Y and
# resolved that ...", "Cllr X proposed, Cllr Y seconded, and it was resolved to ..."
_SECONDED_AND_RESOLVED = re.compile(
    # (not "seconded and agreed to circulate them": a bare "agreed to" is the seconder's own undertaking)
    r"\b(?:[Ss]econded|SECONDED)\b[^.\n;]{0,120}?(?:,[ \t]*|[ \t]+)and[ \t]+"
    r"(?P<head>it[ \t]+was[ \t]+(?:unanimously[ \t]+)?(?:resolved|agreed)|(?:unanimously[ \t]+)?resolved|agreed(?=[ \t]+that\b))"
    r"(?:[ \t]+unanimously)?[ \t]*(?=that\b|to[ \t]+(?!by\b|with\b)[a-z])")
# "B Approve the reallocation ...": bare capital limb labels after a lead-in ending "to:"
_REASONS_LEAD = re.compile(r"(?i)\bfor\s+the\s+following\s+reasons?\s*:?$|\breasons?\s+(?:being|as\s+follows)\s*:?$")
_OUTCOME_LEAD = re.compile(
    r"(?i)^(?:that\s+)?(?:the\s+)?[^:\n]{2,80}?\bbe\s+(?:granted|refused|suspended|revoked|varied|permitted|approved)\b"
    r"[^:\n]{0,60}\bsubject\s+to\b[^:\n]{0,60}:$"
    # "that the premises licence be modified as follows:", "that the following applications be approved:":
    # the lead-in is the body's decision, its items the detail (heldout2's convention)
    r"|^(?:that\s+)?[^:\n]{2,100}?\bbe\s+(?:\w+\s+)?(?:modified|varied|amended|granted|approved|awarded|allocated|"
    r"imposed|attached|added|refused|revoked|made)\s+as\s+follows\s*:$"
    # "that the recommendations of the Amenities Committee be adopted, namely:": the adoption is an act of its own
    r"|^(?:that\s+)?[^:\n]{2,120}?\bbe\s+(?:\w+\s+)?(?:adopted|approved|agreed|accepted|endorsed|confirmed|ratified)\s*,?\s*namely\s*:$"
    r"|^(?:that\s+)?the\s+following\s+[^:\n]{2,60}?\bbe\s+(?:\w+\s+)?(?:approved|granted|awarded|allocated|made|adopted|"
    r"imposed|attached|added|refused|supported|funded)\s*:$")
_NEXT_LABELLED_LINE = re.compile(r"\n(?=[ \t]*\(?(?:[a-z]{1,2}|[ivx]{1,5}|\d{1,2})[.)][ \t])")
_CAPITAL_LIMB = re.compile(r"(?m)^[ \t\u00a0]*[A-H][ \t]+(?=[A-Z][a-z])")
_MOVED_RES = re.compile(
    r"\b(?:proposed|moved|PROPOSED|MOVED)\b(?![ \t]+(?:as[ \t]+an[ \t]+)?amendment)(?:[^.\n]{0,160}?\b(?:seconded|SECONDED)\b[^.\n]{0,80}?)?[ \t]+"
    r"(?P<res>that[ \t]+[^\n]{3,400}?)(?=;[ \t]*(?:this|it|which)[ \t]+was[ \t]+seconded|,[ \t]*(?:which[ \t]+was[ \t]+)?seconded[ \t]+by|\.(?:[ \t]|$)|$)"
)
_QUOTED_MOTION = re.compile(
    r"(?:in[ \t]+the[ \t]+following[ \t]+terms|as[ \t]+follows|reads?)[^\n]{0,10}\n*[ \t]*[\"“](?P<q>[^\"”]{10,2000})[\"”]"
    # "It was moved by Councillor X and seconded by Councillor Y:" then the motion in quotation marks
    # (the "Moved by" / "Seconded by" lines are capitalised in most minutes)
    r"|\b(?i:moved|proposed|seconded)\b[^\n\"“:]{0,160}:[ \t]*\n\s*[\"“](?P<q2>[^\"”]{10,2000})[\"”]")
# a decision taken by one person: "The Cabinet Member for Resources decided to approve ..."
_SINGLE_MEMBER = re.compile(
    r"^(?:(?:Having|After|Following)[^,]{0,160},[ \t]*)?(?:[Tt]he[ \t]+)?(?:Cabinet[ \t]+Member|Executive[ \t]+Member|Portfolio[ \t]+Holder|"
    r"Lead[ \t]+Member|Executive[ \t]+Councillor|Leader|(?:City[ \t]+|Elected[ \t]+)?Mayor|Chief[ \t]+Executive|"
    r"(?:Corporate[ \t]+|Strategic[ \t]+|Executive[ \t]+|Service[ \t]+|Assistant[ \t]+)?Director|Head[ \t]+of[ \t]+Service)"
    r"(?:[ \t]+(?:for|of)[ \t]+[^,.;]{1,80}?)?(?:[ \t]*,[^,.;]{1,80},)?[ \t]+"
    r"(?P<verb>decided|resolved|DECIDED|RESOLVED)[ \t]+(?P<rest>(?:to|that)\b.*)$",
    re.DOTALL,
)
_BARE_THAT = re.compile(
    r"^That[ \t]+(?:the|this|a|an|[A-Z])[^.\n]{3,300}?\b(?:be|is|are)[ \t]+(?:\w+[ \t]+)?\w+(?:ed|en|wn)\b"
)
_RESOLVED_ACCORDINGLY = re.compile(r"(?i)\b(?:resolved|agreed|decided)[ \t]+accordingly\b")
# "8. Footpath 14" / "8.1 Cllr Yates reported ...": the next numbered minute, not a limb
_MINUTE_HEADING = re.compile(r"[ \t]*(?:\d{1,3}[.)]?[ \t]+[A-Z][^\n.;:]{0,60}(?:\n|$)|\d{1,3}\.\d{1,2}[ \t]+)")
# the next item's heading in capitals ("57. 24/00458/HOU – 3 BEECH CRESCENT", "48 WORK PROGRAMME",
# "13. EXCLUSION OF THE PRESS AND PUBLIC"): it ends a resolution even where PDF text has no blank line
# and even after a lead-in ending ":"; a limb written in capitals starts "THAT"/"TO" or ends in punctuation
_CAPS_HEADING = re.compile(
    r"[ \t]*\d{1,3}(?:\.\d{1,2})?[.)]?[ \t]+(?!(?:THAT|TO|That|To)\b)(?![^\n]*\bBE\b)(?=[^\n]*[A-Z]{3}[^\n]*[ \t][A-Z0-9]{2})"
    r"[^a-z\n]{8,120}(?<![.;,:])[ \t]*(?:\n|$)")
_NEXT_ITEM_OR_ACTION = re.compile(
    # only after a resolution that has ended (".", ")"): after "be approved:" a capital line is a limb
    r"(?<=[.)])[ \t]*\n(?=" + _CAPS_HEADING.pattern + r"|[ \t]*(?:ACTION|Action|ACTIONS|Actions)(?:[ \t]+by)?[ \t]*[:\-–])")
_COMMENTS_LEAD = re.compile(
    r"(?im)\b(?:comments?|points?|issues?|questions?|observations?|concerns?|discussion|views)\b[^\n:]{0,40}"
    r"\b(?:made|raised|included|noted|follows?|were|expressed)\b[^\n:]{0,20}:[ \t]*$"
    r"|\b(?:made|raised|expressed|following)\b[^\n:]{0,40}\b(?:comments?|points?|issues?|questions?|observations?|concerns?|views)\b[^\n:]{0,20}:[ \t]*$")
_FUTURE_STATEMENT = re.compile(r"(?i)\b(?:will|would|shall)\s+(?!be\s+(?:noted|approved|agreed|adopted)\b)\w+")
_BULLET_PARA = re.compile(r"^[ \t\u00a0]*[•·▪●*\-–][ \t\u00a0]+")
_REPORTED = re.compile(
    r"(?i)\b(?:said|felt|explained|stated|commented|replied|responded|added|believed|thought|argued|"
    r"suggested|highlighted|observed|remarked|acknowledged)[ \t]+(?:that\b|(?:\w+[ \t]+){1,3}that\b)")
# a limb's trailing "; and" / ", or" (a whole word: "NHS England;" keeps its "and", "Director;" its "or")
_TRAILING_SEPARATORS = " \t\u00a0;,"
_TRAILING_WORDS = ("and/or", "and", "or")


def _strip_trailing_conjunctions(text: str) -> str:
    """``text`` without its trailing run of spaces, ";", "," and the whole words "and", "or",
    "and/or". Stripped from the right in one pass: the equivalent regular expression backtracks
    exponentially on a run such as " ; ; ; ; ; x" (seconds for six pairs)."""
    while True:
        stripped = text.rstrip(_TRAILING_SEPARATORS)
        for word in _TRAILING_WORDS:
            if stripped.endswith(word):
                head = stripped[: -len(word)]
                if not head or not (head[-1].isalnum() or head[-1] == "_"):  # a word boundary before it
                    stripped = head
                    break
        else:
            return stripped
        text = stripped

# ---------------------------------------------------------------- votes

_WORD_NUMBERS = {
    "no": 0, "none": 0, "nil": 0, "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "unanimous": None,
}
_NUM = r"(?:\d{1,3}|no|none|nil|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|" \
       r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)"
_LABEL_WORDS = r"(?:For|In[ \t]+favour|Against|Abstain(?:ed|ing|ers)?|Abstentions?|Did[ \t]+not[ \t]+vote|Not[ \t]+voting)"
_VOTE_LABEL = re.compile(
    rf"(?m)(?:^|(?<=[;.\n(,:])|(?<=[.:]\s)|(?<=[(,]\s))[ \t\u00a0•·]*"
    # "Those voting FOR the motion:", "Members voting against:"
    r"(?:(?:Those|Members|Councillors)[ \t]+(?:voting|who[ \t]+voted)[ \t]+|Those[ \t]+(?=ABSTAINING|[Aa]bstaining))?"
    rf"(?P<label>{_LABEL_WORDS}|FOR|AGAINST|ABSTAIN(?:ED|ING)?|IN[ \t]+FAVOUR)"
    r"(?:[ \t]+(?:the[ \t]+|THE[ \t]+)?(?:motion|amendment|recommendations?|proposal|MOTION|AMENDMENT))?"
    r"(?:[ \t]*\((?P<pcount>\d{1,3})\))?[ \t]*(?:[:\-–—][ \t]*|[ \t]+(?=\d|Councillors?\b|Cllrs?\b))"
    rf"(?P<body>(?:(?!,?[ \t]*{_LABEL_WORDS}\b)[^\n;)])*(?:\n(?![ \t\u00a0•·]*(?:{_LABEL_WORDS}|"
    r"RESOLVED|AGREED|The\b|It\b|Upon\b|On\b|Those\b|\n))[^\n;)]*){0,6})"
)
_VOTE_COUNTS = re.compile(
    rf"(?i)\b(?P<for>{_NUM})[ \t]+(?:(?:votes?|members?|councillors?)[ \t]+)?(?:(?:were|was)[ \t]+)?(?:(?:cast|recorded|voted)[ \t]+)?(?:for|in[ \t]+favour)"
    rf"(?:[ \t]*,|[ \t]+and|[ \t]+with|[ \t]+to)?[ \t]+(?P<against>{_NUM})[ \t]+(?:(?:votes?|members?|councillors?)[ \t]+)?(?:(?:were|was)[ \t]+)?(?:voted[ \t]+)?against"
    rf"(?:(?:[ \t]*,|[ \t]+and|[ \t]+with)?[ \t]+(?P<abstain>{_NUM})[ \t]+(?:abstentions?|abstained|abstaining))?"
    rf"|\bby[ \t]+(?P<for2>{_NUM})[ \t]+votes?[ \t]+to[ \t]+(?P<against2>{_NUM})"
    rf"(?:(?:[ \t]*,|[ \t]+and|[ \t]+with)[ \t]+(?P<abstain2>{_NUM})[ \t]+abstentions?)?"
)
_DIVISION = re.compile(
    rf"(?i)\bthere\s+voted\s+for\s+the\s+(?:motion|recommendation)\s+(?P<m>{_NUM})(?:\s+(?:members|councillors))?"
    rf"[, ]+(?:and\s+)?for\s+the\s+amendment\s+(?P<a>{_NUM})"
    # Scottish lists: "there voted:- for the motion (8) - names; for the amendment (5) - names"
    rf"|\bthere\s+voted\s*:?\s*[-–]?\s*for\s+the\s+(?:motion|recommendation)\s*\((?P<m2>\d{{1,3}})\)"
    rf"[^()]{{0,800}}?\bfor\s+the\s+amendment\s*\((?P<a2>\d{{1,3}})\)"
    rf"|\b(?P<m3>{_NUM})\s+(?:(?:members|councillors)\s+)?voted\s+for\s+the\s+(?:motion|recommendation)\s*,?\s+and\s+"
    rf"(?P<a3>{_NUM})\s+(?:(?:members|councillors)\s+)?(?:voted\s+)?for\s+the\s+amendment"
)
_TABLE_VOTE = re.compile(
    r"(?im)^[ \t]*\|?[ \t]*(?P<label>For|In[ \t]+favour|Against|Abstain(?:ed|ing|ers)?|Abstentions?)[ \t]*\|"
    r"[ \t]*(?P<names>[^|\n]*)\|[ \t]*(?P<n>\d{1,3})[ \t]*\|?[ \t]*$"
)
_OUTCOME = re.compile(
    r"(?i)\b(?:was|were|is|being|been|then|therefore|declared|duly)[ \t]+(?:(?:therefore|duly|declared|"
    r"subsequently|accordingly|then|unanimously|overwhelmingly)[ \t]+)*"
    r"(?P<o>not[ \t]+carried|carried|lost|defeated|fell|failed|rejected|passed)\b"
    r"|^[ \t]*(?P<o2>CARRIED|LOST|FELL|DEFEATED|Carried|Lost|Fell)\b"
    r"|\b(?:motion|amendment|recommendation|proposal)[ \t]+(?P<o3>fell|was[ \t]+lost|failed)\b",
    )


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    text: str


def _clean(text: str) -> str:
    out = re.sub(r"[ \t\u00a0]*\n[ \t\u00a0]*", " ", text.strip())
    out = re.sub(r"[ \t\u00a0]{2,}", " ", out)
    out = _strip_trailing_conjunctions(out).strip()
    out = out.strip(" \t\u00a0-–—")
    # "... be granted. (For 8, Against 3)": the count is the vote, not the resolution's words
    out = re.sub(r"(?<=[.;])[ \t]*\((?:For|FOR|In favour)\b[^()]{0,120}\)$", "", out)
    return out


_SENTENCE_BREAK = re.compile(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z])")


def _trim_narrative(text: str) -> str:
    """Keep a resolution's own sentences; drop narrative that follows it in the same paragraph
    ("RESOLVED that the report be noted. The Chair then closed the meeting.")."""
    parts = _SENTENCE_BREAK.split(text)
    if len(parts) == 1:
        return text
    kept = [parts[0]]
    for part in parts[1:]:
        if _RESOLUTION_LIKE.search(part) and not _NARRATIVE.search(part):
            kept.append(part)
        else:
            break
    return " ".join(kept)


def _without_heading_line(sentence: str) -> str:
    """"Minutes\nThe minutes of ..." -> the sentence without the minute's heading line."""
    first, sep, rest = sentence.partition("\n")
    if sep and len(first) <= 60 and not first.rstrip().endswith((".", ";", ",")):
        return re.sub(r"^[ \t]*\d{1,3}(?:\.\d{1,2})*[.)]?[ \t]+", "", rest.strip())
    return sentence


_INLINE_LIMB_MID = re.compile(
    r"(?:(?<=;)|(?<=;[ \t]and)|(?<=;[ \t]or))[ \t\u00a0]*\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)[ \t\u00a0]+"
    r"|(?<=[a-z0-9)]\.)[ \t\u00a0]+\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)[ \t\u00a0]+(?=[A-Z])")


def _narrative_start(text: str, bs: int, be: int, last_limb: str) -> int:
    """Where narrative after a resolution starts in its block ("RESOLVED that X. Cllr Bates
    offered to ..."): that narrative is still read for speakers' promises."""
    whole = _clean(last_limb)
    kept = _trim_narrative(whole)
    dropped = whole[len(kept):].strip()
    if not dropped or len(kept) == len(whole):
        return be
    words = re.findall(r"[\w'’£-]+", dropped)[:4]
    if not words:
        return be
    m = re.compile(r"\W+".join(re.escape(w) for w in words)).search(text, bs, be)
    return m.start() if m else be


def _split_limbs(body: str) -> list[str]:
    """Split a resolution into its limbs; a short lead-in ("that:", "that the Committee:") goes."""
    parts = _LIMB.split(body)
    if len(parts) == 1:
        parts = _INLINE_LIMB.split(body)
    if len(parts) == 1 and re.search(r":[ \t]*\n", body):
        caps = _CAPITAL_LIMB.split(body)
        labels = [c.strip() for c in _CAPITAL_LIMB.findall(body)]
        if len(caps) > 2 and labels[:2] == ["A", "B"]:
            parts = caps
    if len(parts) == 1:
        return [body]
    lead, limbs = parts[0], [piece for limb in parts[1:] for piece in _INLINE_LIMB_MID.split(limb)]
    out = []
    lead_clean = lead.strip()
    if _REASONS_LEAD.search(lead_clean):
        # "to refuse planning permission for the following reasons:" then numbered reasons: the
        # refusal is the decision, its reasons are not
        return [lead_clean]
    if _OUTCOME_LEAD.search(lead_clean):
        # "That the variation be granted subject to the following conditions:" is the outcome itself
        out.append(lead_clean)
    elif lead_clean and not (len(lead_clean) < 120 and lead_clean.endswith((":", "that", "-", "–", "to"))) \
            and not _LEAD_IN_BODY.match(lead_clean):
        if _RESOLUTION_LIKE.search(lead_clean):
            out.append(lead_clean)
    out.extend(limbs)
    return out


def _heading_blocks(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """(heading start, body start, body end) for every resolution heading in the region."""
    heads = []
    for m in _HEADING.finditer(text, start, end):
        head = m.group("head")
        if head.startswith(("Resolved", "Agreed", "Decided", "Decision")) and m.group("sep").strip() == "" and \
                not re.match(r"[ \t]+(?:that|That|THAT|to|To)\b", text[m.end("head"):m.end("head") + 6]) and \
                text[m.end():m.end() + 1] not in ("\n", ""):
            continue  # "Agreed budgets were ..." is prose, not a heading
        eol = text.find("\n", m.end())
        if m.group("sep").strip() == "." and not text[m.end():eol if eol >= 0 else len(text)].strip():
            continue  # a bare "Agreed." line closes its item; it heads nothing after it
        heads.append((m.start(), m.end()))
    for m in _BODY_COLON_HEAD.finditer(text, start, end):
        heads.append((m.start(), m.end()))
    for m in _SECONDED_AND_AGREED.finditer(text, start, end):
        heads.append((m.start("head"), m.end()))
    for m in _SECONDED_AND_RESOLVED.finditer(text, start, end):
        heads.append((m.start("head"), m.end()))
    heads.sort()
    line_heads = tx.Spans(heads)
    for m in _INLINE_CAPS.finditer(text, start, end):
        if not line_heads.contains(m.start()):
            heads.append((m.start(), m.end()))
    heads.sort()
    blocks = []
    for i, (hs, he) in enumerate(heads):
        limit = heads[i + 1][0] if i + 1 < len(heads) else end
        stop = _STOP_LABEL.search(text, he, limit)
        if stop:
            limit = stop.start()
        eol = text.find("\n", he, limit)
        if eol > 0 and _LIMB.match(text, text.rfind("\n", 0, hs) + 1, hs + 12) and text[he:eol].rstrip().endswith("."):
            # "(b) It was agreed that the tree be felled." is one sub-paragraph of the minute: the
            # "(c) Cllr X to obtain ..." after it is the minute's next paragraph, not a limb
            sibling = _NEXT_LABELLED_LINE.search(text, eol, limit)
            if sibling:
                limit = sibling.start()
        block_end = _block_end(text, he, limit)
        cut = _NEXT_ITEM_OR_ACTION.search(text, he, block_end)
        blocks.append((hs, he, cut.start() if cut else block_end))
    return blocks


def _block_end(text: str, body_start: int, limit: int) -> int:
    """A resolution runs over its first paragraph and any limbs or resolution-like follow-ons."""
    paras = tx.paragraphs(text, body_start, limit)
    if not paras:
        return body_start
    end = paras[0][1]
    first_text = text[paras[0][0]:paras[0][1]]
    expecting_limbs = first_text.rstrip().endswith((":", "that", "-", "–")) or len(first_text.strip()) < 3
    for s, e in paras[1:]:
        chunk = text[s:e]
        if _CAPS_HEADING.match(chunk) and text[body_start:s].rstrip().endswith((".", ")")):
            break
        limb_like = _LIMB.match(chunk) and (expecting_limbs or not _MINUTE_HEADING.match(chunk))
        if limb_like or expecting_limbs and (_RESOLUTION_LIKE.search(chunk) and not _NARRATIVE.search(chunk)):
            end = e
            expecting_limbs = expecting_limbs or chunk.rstrip().endswith((":", ";", "; and", "and"))
            continue
        if re.match(r"[ \t\u00a0]*(?:and|or)\b", chunk) or re.match(r"[ \t\u00a0]*[a-z]", chunk) and not _NARRATIVE.search(chunk):
            end = e
            continue
        break
    return end


def find_decisions(text: str, regions: list[tuple[int, int]], decision_region: tuple[int, int] | None) -> tuple[list[tuple[int, int, Decision]], tx.Spans]:
    """Decisions with their spans; also the consumed spans (so commitments can see them)."""
    found: list[_Found] = []
    consumed = tx.Spans()
    all_regions = list(regions)
    if decision_region is not None:
        all_regions.append(decision_region)
    for start, end in all_regions:
        blocks = _heading_blocks(text, start, end)
        for hs, bs, be in blocks:
            body = text[bs:be]
            if not body.strip(" \t\n.;:-–"):
                consumed.add(hs, be)
                moved = _MOVED_THAT.search(text, max(start, hs - 400), hs)
                if moved:
                    found.append(_Found(moved.start("res"), hs, _clean(moved.group("res"))))
                continue
            limbs = _split_limbs(body)
            consumed.add(hs, _narrative_start(text, bs, be, limbs[-1]) if limbs else be)
            for i, limb in enumerate(limbs):
                cleaned = _trim_narrative(_clean(limb))
                if not cleaned or len(cleaned) < 3:
                    continue
                if _NARRATIVE.search(cleaned) and not _RESOLUTION_LIKE.search(cleaned):
                    continue
                if i > 0 and not _RESOLUTION_LIKE.search(cleaned) and len(cleaned) > 200:
                    continue
                pos = text.find(limb.strip()[:40], bs, be + 1)
                found.append(_Found(pos if pos >= 0 else bs, be, cleaned))
        # sentence forms outside heading blocks
        for sent in tx.sentences(text, start, end):
            if consumed.contains(sent.start) or any(hs > sent.start and bs < sent.end for hs, bs, _be in blocks):
                continue  # a sentence holding a resolution heading: the heading's block is its decision
            if _BARE_RESOLVED.match(sent.text):
                # "Cllr A proposed and Cllr B seconded that X be done. Resolved unanimously."
                moved = _MOVED_THAT.search(text, max(start, sent.start - 400), sent.start)
                if moved:
                    found.append(_Found(moved.start("res"), sent.end, _clean(moved.group("res"))))
                    consumed.add(moved.start("res"), sent.end)
                elif re.fullmatch(r"(?:Agreed|AGREED)\.", sent.text.strip()) and text[max(start, sent.start - 2):sent.start].count("\n") == 2:
                    # Northern Irish minutes close an item with a bare "Agreed." paragraph, as others write "Noted."
                    found.append(_Found(sent.start, sent.end, "Agreed."))
                    consumed.add(sent.start, sent.end)
                continue
            own = _without_heading_line(sent.text)
            if _MINUTES_RECORD.match(own) or _BARE_NOTED.match(own) or _PASSIVE_NOTED.match(own) or _PASSIVE_APPROVED.match(own) \
                    or _CORRESPONDENCE_RECEIVED.match(own) or _LINE_NOTED.match(own) or _ITEM_PASSIVE.match(own) \
                    or _NUMBERED_PASSIVE.match(own) or _BARE_OUTCOME.match(own) \
                    or _CLOSING_NOTED.match(own) and re.match(r"[ \t]*(?:\n[ \t]*\n|\s*$)", text[sent.end:end] + "\n\n"):
                found.append(_Found(sent.end - len(own), sent.end, _clean(re.sub(r"^\(?[a-z0-9]{1,3}[.)][ \t]+", "", own))))
                consumed.add(sent.start, sent.end)
                continue
            if _BARE_THAT.match(sent.text) and (sent.start == start or text[max(start, sent.start - 3):sent.start].count("\n") >= 2) \
                    and not _NARRATIVE.search(sent.text) \
                    and not re.search(r"(?i)\b(?:moved|seconded|proposed|amendment|motion|in\s+the\s+following\s+terms)\b", text[max(start, sent.start - 200):sent.start]):
                # ModernGov sometimes drops the "RESOLVED:" heading: a paragraph of "That X be Y"
                found.append(_Found(sent.start, sent.end, _clean(sent.text)))
                consumed.add(sent.start, sent.end)
                continue
            if _RESOLVED_ACCORDINGLY.search(sent.text):
                quoted = None
                for quoted in _QUOTED_MOTION.finditer(text, max(start, sent.start - 4000), sent.start):
                    pass
                if quoted:
                    group = "q" if quoted.group("q") is not None else "q2"
                    q_start, q_text = quoted.start(group), quoted.group(group)
                    limbs = _split_limbs(q_text) if group == "q2" else [q_text]
                    # the motion's own sentences ("Council resolves to: ...") were read as prose before
                    # its adoption was reached: the adopted text replaces them
                    found = [f for f in found if not q_start <= f.start < quoted.end()]
                    if len(limbs) > 1:
                        # "Council resolves to: (a) ... (b) ..." carried "and the Council resolved
                        # accordingly": its limbs are the decisions; the first carries the count
                        for i, limb in enumerate(limbs):
                            at = text.find(limb.strip()[:40], q_start, quoted.end())
                            at = at if at >= 0 else q_start
                            found.append(_Found(at, sent.end if i == 0 else at + len(limb), _clean(limb)))
                    else:
                        found.append(_Found(q_start, sent.end, _clean(q_text)))
                    consumed.add(sent.start, sent.end)
                    continue
            carried = _RECOMMENDATION_CARRIED.match(own) or _CARRIED_SENT.match(own)
            listed = _limbs_after(text, sent.end, end) if carried and not consumed.contains(sent.end + 1) else None
            if listed:
                # "The recommendation ... was carried." then "- To approve ..." limbs: the limbs are the decisions
                block_end, limbs = listed
                for limb_start, limb in limbs:
                    found.append(_Found(limb_start, block_end, _clean(limb)))
                consumed.add(sent.start, block_end)
                continue
            if _RECOMMENDATION_CARRIED.match(own) and not any(hs >= sent.start and not text[sent.end:hs].strip() for hs, _bs, _be in blocks):
                found.append(_Found(sent.end - len(own), sent.end, _clean(own)))
                consumed.add(sent.start, sent.end)
                continue
            if _CARRIED_SENT.match(sent.text):
                para_start = max(start, text.rfind("\n\n", start, sent.start) + 2, sent.start - 800)
                moved = None
                for moved in _MOVED_RES.finditer(text, para_start, sent.start):
                    pass
                if moved and not any(hs >= sent.start and not text[sent.end:hs].strip() for hs, _bs, _be in blocks):
                    found.append(_Found(moved.start("res"), sent.end, _clean(moved.group("res"))))
                    consumed.add(moved.start("res"), sent.end)
                    continue
                quoted = _moved_quote_before(text, start, sent.start, original=bool(re.search(r"(?i)\boriginal\b", sent.text)))
                if quoted is not None and not moved:
                    group = "q" if quoted.group("q") is not None else "t"
                    found.append(_Found(quoted.start(group), sent.end, _clean(quoted.group(group))))
                    consumed.add(sent.start, sent.end)
                    if group == "t":
                        consumed.add(quoted.start(group), quoted.end(group))
                    continue
            d = _sentence_decision(sent.text) or (own != sent.text and _sentence_decision(own))
            if not d and "|" in sent.text:
                # a minutes table flattened to "| 4.3 Topic | The Board noted the strategy. | None |":
                # the cell is the decision, and only the cell is consumed (its row's action cell is not)
                offset = sent.start
                for cell in sent.text.split("|"):
                    cell_d = _sentence_decision(cell.strip())
                    if cell_d:
                        found.append(_Found(offset, offset + len(cell), cell_d))
                        consumed.add(offset, offset + len(cell))
                    offset += len(cell) + 1
                continue
            if d:
                found.append(_Found(sent.start, sent.end, d))
                consumed.add(sent.start, sent.end)
        if decision_region is not None and (start, end) == decision_region and not blocks:
            limit = end
            stop = _STOP_LABEL.search(text, start, end)
            if stop:
                limit = stop.start()
            in_comments = False
            for ps, pe in tx.paragraphs(text, start, limit):
                if consumed.contains(ps):
                    continue
                if _COMMENTS_LEAD.search(text[ps:pe]) or in_comments and _BULLET_PARA.match(text[ps:pe]):
                    in_comments = True
                    continue  # "Members made the following comments:" and its bullets
                in_comments = False
                emitted = False
                for limb in _split_limbs(text[ps:pe]):
                    cleaned = _clean(limb)
                    if _REPORTED.search(cleaned):
                        continue
                    if _FUTURE_STATEMENT.search(cleaned) and not _RESOLUTION_LIKE.search(cleaned):
                        continue  # "Works will start on site on 6 October", "This decision will come into force ...": what follows, not what was decided
                    if cleaned and not (_NARRATIVE.search(cleaned) and not _RESOLUTION_LIKE.search(cleaned)):
                        found.append(_Found(ps, pe, cleaned))
                        emitted = True
                if emitted:
                    consumed.add(ps, pe)
    # one decision per text (a Decision: section often repeats the minutes' resolution)
    # ... but two items of one minutes text may each resolve "to note the report": a repeat counts as
    # one only when it overlaps the first or sits in the other part (minutes vs Decision:)
    out: list[tuple[int, int, Decision]] = []
    seen: dict[str, list[_Found]] = {}

    def in_decision_part(f: _Found) -> bool:
        return decision_region is not None and decision_region[0] <= f.start < decision_region[1]

    for f in sorted(found, key=lambda f: f.start):
        key = re.sub(r"\W+", " ", f.text.lower()).strip()
        if any(g.start < f.end and f.start < g.end or in_decision_part(g) != in_decision_part(f) for g in seen.get(key, ())):
            continue
        seen.setdefault(key, []).append(f)
        out.append((f.start, f.end, Decision(text=f.text)))
    return out, consumed


def _limbs_after(text: str, pos: int, end: int) -> tuple[int, list[tuple[int, str]]] | None:
    """Limbs listed straight after an outcome sentence ("... voted on and carried.\n- To approve ..."):
    (end of the list, [(limb start, limb text)]), or None when no list follows."""
    m = re.compile(r"[ \t]*\n").match(text, pos, end)
    if not m:
        return None
    at = m.end() + len(text[m.end():end]) - len(text[m.end():end].lstrip())
    if not _LIMB.match(text, at, end) or _MINUTE_HEADING.match(text, at, end):
        return None
    block_end = _block_end(text, at, end)
    out = []
    for lm in _LIMB.finditer(text, at, block_end):
        nxt = _LIMB.search(text, lm.end(), block_end)
        piece = text[lm.end():nxt.start() if nxt else block_end]
        if piece.strip():
            out.append((lm.end(), piece))
    return (block_end, out) if out else None


def _moved_quote_before(text: str, start: int, pos: int, original: bool) -> re.Match | None:
    """The quoted motion a "was put and agreed" sentence adopts: the first one moved when the
    text says "original motion", else the last one moved that is not an amendment."""
    best = None
    for q in _MOVED_QUOTE.finditer(text, max(start, pos - 4000), pos):
        if re.search(r"(?i)\bamendment\b", text[max(start, q.start() - 60):q.start()]):
            continue
        if original:
            return q
        best = q
    return best


def _sentence_decision(sentence: str) -> str | None:
    framed = _DECISION_WAS.match(sentence.strip())
    if framed:
        return _clean(framed.group("rest"))
    single = _SINGLE_MEMBER.match(sentence.strip())
    if single:
        return _clean(f"{single.group('verb')} {single.group('rest')}")
    m = _SENTENCE_FORM.match(sentence.strip())
    if not m:
        return None
    verb, rest = m.group("verb").lower(), m.group("rest").strip()
    if m.group("verb").isupper() and verb == "noted":
        return _clean(f"{m.group('verb')} {rest}")
    body = (m.group("body") or "").lower()
    if not rest.strip(" \t.;:,"):  # "The Committee agreed." alone names no decision
        return None
    if body.startswith("it"):
        if verb in ("noted", "approved", "endorsed", "refused", "granted", "deferred", "determined"):
            return None
        return _clean(rest)
    if verb == "voted":
        if not re.match(r"(?i)(?:unanimously\s+)?(?:to|in\s+favour\s+of|against)\b", rest):
            return None
        return _clean(re.sub(r"(?i)^unanimously\s+", "", rest))
    if "members" in body and not _RESOLUTION_LIKE.search(rest) and not (
            verb in ("agreed", "resolved", "decided") and re.match(r"(?i)that\b[^.]{0,120}\b(?:would|should|will|shall)\s+(?:be\s+)?\w+", rest)):
        return None
    if verb == "voted":
        if not re.match(r"(?i)(?:unanimously\s+)?(?:to|in\s+favour\s+of|against)\b", rest):
            return None
        return _clean(re.sub(r"(?i)^unanimously\s+", "", rest))
    if verb in ("accepted", "recommended", "instructed") and "members" in body:
        return None
    if verb in ("agreed", "resolved", "decided", "determined"):
        if re.match(r"(?i)(?:with|on|about|in|a|an|the\s+(?:need|importance))\b", rest):
            return None
        return _clean(rest)
    if verb == "noted":
        if "members" in body or not _NOTED_OBJECT.match(rest):
            return None
        return _clean(f"noted {rest}")
    return _clean(f"{verb} {rest}")


# ---------------------------------------------------------------- votes


def _num(value: str | None) -> int | None:
    if value is None:
        return None
    v = value.strip().lower()
    if v.isdigit():
        return int(v)
    return _WORD_NUMBERS.get(v)


def _names(body: str) -> tuple[tuple[str, ...], int | None]:
    body = body.strip().rstrip(".")
    count = None
    m = re.search(r"\((\d{1,3})\)?\s*$", body)
    if m:
        count = int(m.group(1))
        body = body[:m.start()].strip()
    if re.fullmatch(r"\d{1,3}", body):
        return (), int(body)
    if re.fullmatch(r"(?i)none|nil|no one|nobody|0|-|–", body):
        return (), 0
    prefix_plural = bool(re.match(r"(?i)^(?:Councillors|Cllrs\.?)\s+", body))
    body = re.sub(r"(?i)^(?:Councillors|Councillor|Cllrs\.?|Cllr\.?)\s+", "", body)
    parts = [p.strip(" .") for p in re.split(r"\s*(?:,|;|\n|\band\b|&)\s*", body) if p.strip(" .")]
    names = []
    for p in parts:
        p = re.sub(r"\s+", " ", p)
        if not re.match(r"[A-ZÀ-Þ]", p):
            continue
        if not re.match(r"(?i)(?:Councillor|Cllr|the\b|Mr|Mrs|Ms|Miss|Dr)", p):
            p = ("Councillor " + p) if prefix_plural or True else p
        else:
            p = re.sub(r"(?i)^cllr\.?\s+", "Councillor ", p)
        names.append(p)
    return tuple(names), count


def find_votes(text: str, start: int, end: int) -> list[tuple[int, int, Vote]]:
    """Recorded votes in the region: name lists, counts and outcomes, grouped by paragraph."""
    found: list[tuple[int, int, dict]] = []
    for ps, pe in tx.paragraphs(text, start, end):
        chunk = text[ps:pe]
        low = chunk.lower()
        has_label = "against" in low or "abstain" in low or "abstention" in low or "favour" in low or "for:" in low or "for -" in low
        has_outcome = any(w in low for w in ("carried", "lost", "fell", "defeated", "failed", "rejected", "passed"))
        if not has_label and not has_outcome and "there voted" not in low:
            continue
        data: dict = {}
        span = [pe, ps]
        for m in (_VOTE_LABEL.finditer(text, ps, pe) if has_label else ()):
            label = m.group("label").lower()
            names, count = _names(m.group("body"))
            if m.group("pcount"):
                count = int(m.group("pcount"))
            key = "for" if label.startswith(("for", "in")) else "against" if label.startswith("against") else "abstain"
            if label.startswith(("did", "not")):
                continue
            data[f"{key}_names"] = names
            data[f"{key}_count"] = count if count is not None else (len(names) if names else None)
            span = [min(span[0], m.start()), max(span[1], m.end())]
        for t in (_TABLE_VOTE.finditer(text, ps, pe) if "|" in chunk else ()):
            # ModernGov's recorded-vote table flattened to "| For | names | 13 |"
            label = t.group("label").lower()
            key = "for" if label.startswith(("for", "in")) else "against" if label.startswith("against") else "abstain"
            names, _count = _names(t.group("names"))
            data[f"{key}_names"] = names
            data[f"{key}_count"] = int(t.group("n"))
            span = [min(span[0], t.start()), max(span[1], t.end())]
        dv = _DIVISION.search(chunk) if "voted" in low else None
        if dv:
            # a motion against an amendment: the amendment's votes are the votes against the motion
            data.setdefault("for_count", _num(dv.group("m") or dv.group("m2") or dv.group("m3")))
            data.setdefault("against_count", _num(dv.group("a") or dv.group("a2") or dv.group("a3")))
            span = [min(span[0], ps + dv.start()), max(span[1], ps + dv.end())]
        c = _VOTE_COUNTS.search(chunk) if has_label else None
        if c:
            data.setdefault("for_count", _num(c.group("for") or c.group("for2")))
            data.setdefault("against_count", _num(c.group("against") or c.group("against2")))
            ab = c.group("abstain") or c.group("abstain2")
            if ab:
                data.setdefault("abstain_count", _num(ab))
            span = [min(span[0], ps + c.start()), max(span[1], ps + c.end())]
        o = _OUTCOME.search(chunk) if has_outcome else None
        if o:
            word = (o.group("o") or o.group("o2") or o.group("o3")).lower()
            data["outcome"] = "carried" if word in ("carried", "passed") else "lost"
            if re.search(r"(?i)\bamendment\b", chunk[max(0, o.start() - 120):o.end()]):
                data["_amendment"] = True
            span = [min(span[0], ps + o.start()), max(span[1], ps + o.end())]
        if data:
            found.append((span[0], span[1], data))
    # merge consecutive paragraphs of one vote (label lines separated by blank lines)
    merged: list[tuple[int, int, dict]] = []
    for s, e, d in found:
        if merged and not set(d) & set(merged[-1][2]) and s - merged[-1][1] < 200 and not merged[-1][2].get("_amendment"):
            ps, _pe, pd = merged[-1]
            merged[-1] = (ps, e, {**pd, **d})
        else:
            merged.append((s, e, d))
    out = []
    for s, e, d in merged:
        if not any(k in d for k in ("for_count", "against_count", "abstain_count", "for_names", "outcome")):
            continue
        out.append((s, e, Vote(
            outcome=d.get("outcome"), for_count=d.get("for_count"), against_count=d.get("against_count"),
            abstain_count=d.get("abstain_count"), for_names=d.get("for_names", ()),
            against_names=d.get("against_names", ()), abstain_names=d.get("abstain_names", ()),
        )))
    return out


def attach_votes(decisions: list[tuple[int, int, Decision]], votes: list[tuple[int, int, Vote]]) -> list[Decision]:
    """A vote belongs to the next decision after it (the clerk records the vote, then the
    resolution), or to the one just before it when none follows closely."""
    out = [d for _s, _e, d in decisions]
    used: set[int] = set()
    # the vote recorded closest before a decision (after the previous one) is that decision's
    for i, (ds, _de, _d) in enumerate(decisions):
        prev_end = decisions[i - 1][1] if i else -1
        before = [j for j, (vs, ve, _v) in enumerate(votes) if j not in used and ve <= ds + 1 and vs >= prev_end - 1 and ds - ve < 1500]
        inside = [j for j, (vs, ve, _v) in enumerate(votes) if j not in used and ds <= vs < _de]
        # a lost vote inside a carried motion's span is a failed amendment's, not the motion's
        inside = [j for j in inside if votes[j][2].outcome != "lost"] or inside
        # a count printed inside the resolution's own paragraph ("... REFUSED. (For 6, Against 4)") is
        # its own; otherwise the one recorded just before it
        pick = inside[0] if inside else (before[-1] if before else None)
        if pick is not None:
            used.add(pick)
            out[i] = Decision(text=out[i].text, vote=votes[pick][2])
    # a vote recorded after the last resolution belongs to it
    for j, (vs, _ve, vote) in enumerate(votes):
        if j in used:
            continue
        prev = [i for i, (ds, de, _d) in enumerate(decisions) if de <= vs + 1 and vs - de < 1500 and out[i].vote is None]
        if prev:
            used.add(j)
            out[prev[-1]] = Decision(text=out[prev[-1]].text, vote=vote)
    return out
