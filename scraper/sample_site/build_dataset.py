"""Build ``data/council.json``, the sample council's data set, from hand-written texts and templates.

Run ``python -m scraper.sample_site.build_dataset`` to regenerate it. The output is deterministic (a
fixed RNG seed), and the committed JSON file *is* the data set: the site never runs this module.

- ``data/handwritten.toml`` holds the individually written items (scrutiny Q&A, planning
  applications with objectors and agents, licensing hearings, recorded votes at Council, Cabinet
  decisions), placed at named meetings;
- the seed item (a real Leicester minute about the Prevent programme) is included verbatim, with its
  odd spacing and bullet characters, at the Overview Select Committee of 3 October 2019;
- procedural items (apologies, declarations of interest, previous minutes, work programme) and
  further substantive items are generated from templates, with names drawn from the membership.
"""

from __future__ import annotations

import json
import random
import tomllib
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
SEED_TEXT = HERE / "data" / "seed_prevent.txt"
OUTPUT = DATA / "council.json"
RNG_SEED = 20191003

COUNCIL = {"name": "Borough of Eastmere Council", "address": "Civic Centre, Harbour Road, Eastmere EM1 1AA"}

PARTIES = ["Eastmere Labour", "Conservative", "Liberal Democrat", "Green", "Eastmere Independents"]
WARDS = ["Harbourside", "Saltmarsh", "Kingsholme", "Fenwick Park", "St Oswald's", "Abbeygate", "Marram Dunes",
         "Westcliffe", "Brackley Moor", "Old Town"]
MEMBER_NAMES = [
    "Margaret Ashdown", "Tobias Fenwick", "Priya Chaudhary", "Alan Whitlock", "Bernadette Okafor", "Hugh Penrose",
    "Sunita Rao", "Gareth Llewellyn", "Rosalind Kerr", "Imran Siddiqui", "Deborah Thwaite", "Colin Marchbank",
    "Yvonne Achterberg", "Patrick Doyle", "Helen Strickland", "Kwame Mensah", "Joanna Pettigrew", "Roderick Hale",
    "Fiona McAllister", "Lewis Barraclough", "Nadia Kowalczyk", "Simon Everard", "Trudy Bellamy", "Martin Oyelaran",
    "Catherine Voss", "Derek Umpleby", "Eleanor Quist", "Raj Bhogal", "Anne-Marie Cotter", "Graham Sowerby",
    "Peter Wardle",
]
STREETS = ["Lantern Row", "Cobble Wynd", "Gull Terrace", "Seaholly Close", "Netmakers Lane", "Tern Avenue",
           "Drift Road", "Samphire Way"]

# key, id, title, category, purpose, web service enabled
COMMITTEES = [
    ("council", 101, "Council", "Council",
     "The full Council of 51 Members sets the budget and the policy framework.", True),
    ("cabinet", 102, "Cabinet", "Executive",
     "The Cabinet takes executive decisions within the budget and policy framework.", True),
    ("overview", 103, "Overview Select Committee", "Scrutiny",
     "Scrutinises the Executive's decisions and the Council's performance.", True),
    ("planning", 104, "Planning and Development Control Committee", "Regulatory",
     "Determines planning applications that are not delegated to officers.", True),
    ("licensing", 105, "Licensing Sub-Committee", "Regulatory",
     "Hears licensing applications and reviews to which representations have been made.", False),
    ("health", 106, "Health and Wellbeing Scrutiny Commission", "Scrutiny",
     "Scrutinises health services and public health in the borough.", True),
]

VENUES = {
    "council": "Council Chamber, Civic Centre, Harbour Road, Eastmere EM1 1AA",
    "cabinet": "Committee Room 1, Civic Centre, Harbour Road, Eastmere",
    "overview": "Meeting Room G.01, Civic Centre, Harbour Road, Eastmere",
    "planning": "Council Chamber, Civic Centre, Harbour Road, Eastmere EM1 1AA",
    "licensing": "Committee Room 2, Civic Centre, Harbour Road, Eastmere",
    "health": "Meeting Room G.02, Civic Centre, Harbour Road, Eastmere",
}
TIMES = {"council": "6.30 pm", "cabinet": "10.00 am", "overview": "5.30 pm", "planning": "2.00 pm",
         "licensing": "10.00 am", "health": "5.30 pm"}

# committee key, date, status, flags
MEETINGS = [
    ("council", "2016-07-20", "Confirmed", []), ("council", "2018-02-21", "Confirmed", []),
    ("council", "2019-11-20", "Confirmed", []), ("council", "2021-07-14", "Confirmed", []),
    ("council", "2023-05-17", "Confirmed", []), ("council", "2025-02-26", "Confirmed", []),
    ("council", "2026-10-21", "Confirmed", []),
    ("cabinet", "2017-03-13", "Confirmed", []), ("cabinet", "2019-06-10", "Confirmed", []),
    ("cabinet", "2020-09-14", "Confirmed", []), ("cabinet", "2022-12-12", "Confirmed", ["waf_first"]),
    ("cabinet", "2024-10-07", "Confirmed", []), ("cabinet", "2026-09-28", "Confirmed", []),
    ("overview", "2016-11-10", "Confirmed", []), ("overview", "2018-06-14", "Confirmed", []),
    ("overview", "2019-10-03", "Confirmed", []), ("overview", "2020-03-26", "Cancelled", []),
    ("overview", "2020-06-25", "Confirmed", []), ("overview", "2022-03-10", "Confirmed", []),
    ("overview", "2024-01-18", "Confirmed", []), ("overview", "2026-01-15", "Confirmed", []),
    ("planning", "2017-08-09", "Confirmed", []), ("planning", "2019-01-16", "Confirmed", []),
    ("planning", "2021-11-03", "Confirmed", []), ("planning", "2023-09-13", "Confirmed", []),
    ("planning", "2025-06-11", "Confirmed", []), ("planning", "2026-12-16", "Confirmed", []),
    ("licensing", "2018-04-14", "Confirmed", []), ("licensing", "2021-02-22", "Confirmed", ["malformed_page"]),
    ("licensing", "2024-07-29", "Confirmed", []), ("licensing", "2025-12-06", "Confirmed", []),
    ("health", "2017-01-26", "Confirmed", []), ("health", "2020-01-23", "Confirmed", []),
    ("health", "2023-03-02", "Confirmed", []), ("health", "2025-10-09", "Confirmed", []),
]
BUILT_ON = date(2026, 11, 28)  # meetings after this are upcoming: agenda published, no minutes yet

OFFICERS = {
    "council": ["Chief Executive", "Monitoring Officer", "Director of Finance", "Democratic Services Manager"],
    "cabinet": ["Chief Executive", "Director of Finance", "Strategic Director for Place", "Monitoring Officer"],
    "overview": ["Scrutiny Policy Officer", "Head of Community Safety and Protection", "Democratic Services Officer"],
    "planning": ["Head of Planning", "Principal Planning Officer", "Highways Development Manager", "Legal Adviser"],
    "licensing": ["Licensing Manager", "Legal Adviser", "Democratic Services Officer"],
    "health": ["Director of Public Health", "Director of Adult Social Care", "Scrutiny Policy Officer"],
}
OFFICER_NAMES = ["Janet Greaves", "Owen Tate", "Lucy Ambrose", "Michael Forde", "Sarah Nkemelu", "David Pryce",
                 "Claire Holroyd", "Ahmed Rahman", "Judith Lowe", "Neil Cartwright", "Emma Sutcliffe", "Tom Redfern"]


def split_paragraphs(text: str) -> list[str]:
    """TOML text -> paragraphs: blank lines separate them, "• " lines are bullets of their own."""
    paragraphs: list[str] = []
    for block in text.strip().split("\n\n"):
        lines = [line.strip() for line in block.strip().split("\n") if line.strip()]
        current: list[str] = []
        for line in lines:
            if line.startswith("• "):
                if current:
                    paragraphs.append(" ".join(current))
                    current = []
                paragraphs.append(line)
            else:
                current.append(line)
        if current:
            paragraphs.append(" ".join(current))
    return paragraphs


# The seed item's minutes name people the generated attendance would not: its Head of Community
# Safety, its Prevent presenters and Councillor Grant. The meeting's attendance lists them as such a
# council would, so the record agrees with its own minutes (and speaker resolution has real context).
SEED_MEETING_OFFICER_NAMES = {"Head of Community Safety and Protection": "Daxa Pancholi"}
SEED_MEETING_EXTRA_ATTENDEES = [
    {"name": "Councillor Ross Grant", "role": "Committee Member", "attendance": "Present"},
    {"name": "Sean Abruthnot (Prevent Co-ordinator)", "role": "Guest", "attendance": "In attendance"},
    {"name": "Police Inspector William Knopp", "role": "Guest", "attendance": "In attendance"},
]


def seed_meeting_attendees(attendees: list[dict]) -> list[dict]:
    """The seed meeting's attendance, made to agree with the seed item's minutes (no RNG use)."""
    fixed = []
    for attendee in attendees:
        for title, name in SEED_MEETING_OFFICER_NAMES.items():
            if attendee.get("role") == "Officer" and attendee["name"].endswith(f"({title})"):
                attendee = {**attendee, "name": f"{name} ({title})"}
        fixed.append(attendee)
    members = [a for a in fixed if a.get("role") != "Officer"]
    others = [a for a in fixed if a.get("role") == "Officer"]
    return members + SEED_MEETING_EXTRA_ATTENDEES[:1] + others + SEED_MEETING_EXTRA_ATTENDEES[1:]


def seed_item_parts() -> tuple[str, str, str]:
    """(title, agenda text, verbatim minutes) of the seed, cut from its rendered page text."""
    text = SEED_TEXT.read_text(encoding="utf-8")
    head, rest = text.split("\nMinutes:\n", 1)
    minutes, _ = rest.split("\nSupporting documents:", 1)
    agenda = head.split("PRESENTATION ON THE PREVENT PROGRAMME", 1)[1].strip()
    return "Presentation on the Prevent Programme", agenda, minutes.strip("\n")


class Builder:
    def __init__(self) -> None:
        self.rng = random.Random(RNG_SEED)
        self.members = [
            {
                "uid": 201 + index,
                "name": f"Councillor {name}",
                "party": PARTIES[(index * 3) % len(PARTIES)],
                "ward": WARDS[index % len(WARDS)],
                "home_address": f"{7 + index * 3} {STREETS[index % len(STREETS)]}, Eastmere EM{2 + index % 6} {index % 9}QT",
                "phone": f"01632 960{100 + index * 7:03d}",
            }
            for index, name in enumerate(MEMBER_NAMES)
        ]
        self.next_item = 40001
        self.next_attachment = 7101
        self.committee_members = {
            key: self.rng.sample(self.members, 31 if key == "council" else (3 if key == "licensing" else 9))
            for key, *_ in COMMITTEES
        }

    def item_id(self) -> int:
        value = self.next_item
        self.next_item += self.rng.choice((1, 1, 2, 3))
        return value

    def attachment(self, title: str) -> dict:
        value = self.next_attachment
        self.next_attachment += self.rng.choice((1, 2, 5))
        file = "".join(ch if ch.isalnum() or ch in " -" else " " for ch in title).strip()
        return {"id": value, "title": title, "file": " ".join(file.split()) + ".pdf"}

    def surname(self, member: dict) -> str:
        return member["name"].split()[-1]

    # --- procedural items -----------------------------------------------------------------------

    def apologies(self, key: str, meeting_date: date, absent: list[dict]) -> dict:
        if absent:
            names = ", ".join(f"Councillor {self.surname(m)}" for m in absent[:-1])
            names = f"{names} and Councillor {self.surname(absent[-1])}" if names else f"Councillor {self.surname(absent[-1])}"
            text = [f"Apologies for absence were received from {names}."]
            if key != "licensing" and self.rng.random() < 0.5:
                sub = self.rng.choice([m for m in self.committee_members["council"] if m not in absent])
                text.append(f"Councillor {self.surname(sub)} attended as a substitute for Councillor {self.surname(absent[0])}.")
        else:
            text = ["There were no apologies for absence."]
        return {"title": "Apologies for Absence", "agenda": ["To receive apologies for absence from Members of the Committee."],
                "minutes": text}

    def declarations(self, present: list[dict]) -> dict:
        roll = self.rng.random()
        if roll < 0.45 or not present:
            text = ["There were no declarations of interest."]
        else:
            member = self.rng.choice(present)
            reason = self.rng.choice([
                "as a member of the Harbour Board",
                "as her daughter attended one of the schools referred to in the report",
                "as a trustee of the Eastmere Community Trust",
                "as he lived close to the site",
                "as a governor of Saltmarsh Primary School",
            ])
            text = [f"Councillor {self.surname(member)} declared an other registrable interest in the substantive item {reason}, "
                    "and took no part in the discussion or vote on that item." if "site" in reason else
                    f"Councillor {self.surname(member)} declared a non-pecuniary interest {reason}. "
                    "The interest was not considered so significant that it was likely to prejudice the Councillor's judgement."]
        return {"title": "Declarations of Interest",
                "agenda": ["Members are asked to declare any interests they may have in the business on the agenda."],
                "minutes": text}

    def previous_minutes(self, previous: date | None) -> dict | None:
        if previous is None:
            return None
        when = f"{previous.day} {previous.strftime('%B %Y')}"
        text = [f"RESOLVED: that the minutes of the meeting held on {when} be confirmed as a correct record."]
        if self.rng.random() < 0.35:
            text.insert(0, "Arising from the minutes, the Chair reported that the information requested at the last meeting "
                           "had been circulated to Members by e-mail.")
        return {"title": "Minutes of the Previous Meeting",
                "agenda": [f"To confirm the minutes of the meeting held on {when} as a correct record."],
                "minutes": text, "documents": [f"Minutes {previous.strftime('%d %m %Y')}"]}

    def work_programme(self, meeting_date: date) -> dict:
        topics = self.rng.sample(["adult social care waiting lists", "the Harbour regeneration programme", "library opening hours",
                                  "road safety outside schools", "the council housing repairs service", "air quality in Old Town",
                                  "the voluntary sector grants scheme"], 2)
        text = [f"The Scrutiny Policy Officer presented the work programme. Members asked that reports on {topics[0]} and "
                f"{topics[1]} be added for the coming year.",
                "AGREED: that the work programme be approved, subject to the additions agreed at the meeting."]
        return {"title": "Work Programme", "agenda": ["To consider the Committee's work programme."], "minutes": text,
                "documents": [f"Work programme {meeting_date.year}"]}

    # --- generated substantive items ------------------------------------------------------------

    def planning_application(self, meeting_date: date) -> dict:
        year = meeting_date.year % 100
        ref = f"{year:02d}/{self.rng.randint(100, 1500):05d}/{self.rng.choice(['FUL', 'HOU', 'FUL', 'VAR'])}"
        number = self.rng.randint(2, 140)
        street = self.rng.choice(["Kingsholme Road", "Abbeygate Street", "Brackley Lane", "Westcliffe Avenue", "Saltmarsh Road"])
        proposal = self.rng.choice([
            "Erection of a detached dwelling in the rear garden",
            "Change of use from shop to hot food takeaway",
            "Demolition of garage and erection of two semi-detached houses",
            "Installation of a 15 metre telecommunications mast",
            "Conversion of house into a house in multiple occupation for seven people",
        ])
        objector = self.rng.choice(["Mr Keith Haworth", "Mrs Pauline Oduya", "Mr Stuart Lindley", "Ms Jasmine Cole"])
        agent = self.rng.choice(["Mr Neil Varley of Varley Architects", "Ms Hannah Bright of Coastal Planning",
                                 "Mr Dominic Reyes, the applicant"])
        outcome = self.rng.random()
        ward_member = self.rng.choice(self.committee_members["council"])
        text = [
            f"The Planning Officer presented the report, which recommended {'approval' if outcome < 0.7 else 'refusal'}.",
            f"{objector} addressed the Committee in objection, raising concerns about parking, overlooking and the character of {street}.",
            f"{agent} addressed the Committee in support of the application.",
            f"Councillor {self.surname(ward_member)}, ward Member, said that residents were concerned about the loss of privacy "
            "and asked that, if Members were minded to approve the application, a condition require obscure glazing.",
        ]
        if outcome < 0.7:
            text += ["RESOLVED:", "that planning permission be granted subject to:",
                     "(a) the conditions set out in the report; and",
                     "(b) an additional condition requiring obscure glazing to the first floor side windows."]
        else:
            text += ["RESOLVED:", "that planning permission be refused for the reasons set out in the report."]
        return {"title": f"{ref} - {number} {street}", "agenda": [f"{proposal}."], "minutes": text}

    def cabinet_report(self, meeting_date: date) -> dict:
        subject, detail = self.rng.choice([
            ("Treasury Management Outturn", "the Council's borrowing and investments for the previous year"),
            ("Capital Programme Monitoring", "progress on the capital programme and changes to scheme budgets"),
            ("Corporate Performance Report", "performance against the Council Plan indicators for the quarter"),
            ("Fees and Charges Review", "proposed increases in discretionary fees and charges"),
        ])
        member = self.rng.choice(self.committee_members["cabinet"])
        return {
            "title": subject,
            "agenda": [f"To consider a report on {detail}."],
            "decision": ["RESOLVED:", f"that the {subject.lower()} be noted and the recommendations in the report be approved."],
            "minutes": [f"Councillor {self.surname(member)} introduced the report on {detail}.",
                        "Cabinet noted that the figures would be reported to the Overview Select Committee.",
                        "RESOLVED: as set out in the decision above."],
        }

    def scrutiny_update(self, key: str) -> dict:
        subject, officer = self.rng.choice([
            ("Community Safety Partnership Annual Report", "Head of Community Safety and Protection"),
            ("Air Quality Action Plan Update", "Head of Environmental Services"),
            ("Tenant Satisfaction Measures", "Head of Housing"),
            ("Smoking Cessation Services", "Director of Public Health"),
            ("Suicide Prevention Plan", "Director of Public Health"),
        ])
        asker = self.rng.choice(self.committee_members[key])
        return {
            "title": subject,
            "agenda": [f"The {officer} will present the report."],
            "minutes": [
                f"The {officer} presented the report and answered Members' questions.",
                f"Councillor {self.surname(asker)} asked how progress would be measured. The {officer} said that the "
                "indicators would be reported to the Committee each quarter and agreed to circulate the latest figures.",
                "AGREED: that the report be noted.",
            ],
        }

    def licensing_hearing(self) -> dict:
        premises = self.rng.choice(["The Ship, 4 Cobble Wynd", "Harbour Kebab House, 18 Quay Street", "Saltmarsh Social Club"])
        return {
            "title": f"Application to Vary a Premises Licence: {premises}",
            "agenda": ["To determine an application to vary a premises licence, to which representations have been received."],
            "minutes": [
                "The Licensing Manager introduced the report. The application sought to extend the hours for the sale of alcohol by one hour on Fridays and Saturdays.",
                "A representation had been received from the Environmental Health service about noise from the rear yard.",
                "The applicant agreed that the rear yard would not be used after 10 pm.",
                "RESOLVED: that the variation be granted, subject to a condition that the rear yard not be used after 10 pm.",
            ],
        }

    # --- assembling -----------------------------------------------------------------------------

    def build(self) -> dict:
        handwritten = tomllib.loads((DATA / "handwritten.toml").read_text(encoding="utf-8"))["item"]
        by_meeting: dict[str, list[dict]] = {}
        for entry in handwritten:
            by_meeting.setdefault(entry["meeting"], []).append(entry)
        committee_ids = {key: cid for key, cid, *_ in COMMITTEES}
        meetings = []
        previous: dict[str, date | None] = {}
        seed_title, seed_agenda, seed_minutes = seed_item_parts()
        for meeting_number, (key, iso, status, flags) in enumerate(MEETINGS):
            meeting_date = date.fromisoformat(iso)
            upcoming = meeting_date > BUILT_ON
            members = self.committee_members[key]
            absent = [] if status == "Cancelled" else self.rng.sample(members, self.rng.choice((0, 1, 1, 2)))
            present = [m for m in members if m not in absent]
            attendees = []
            for index, member in enumerate(members):
                role = "Chair" if index == 0 else ("Vice-Chair" if index == 1 and key != "licensing" else "Committee Member")
                attendance = "Expected" if (upcoming or status == "Cancelled") else ("Apologies" if member in absent else "Present")
                attendees.append({"uid": member["uid"], "name": member["name"], "role": role, "attendance": attendance})
            if status != "Cancelled":
                for officer_index, title in enumerate(OFFICERS[key][:2 + meeting_number % 2]):
                    name = OFFICER_NAMES[(meeting_number + officer_index * 5) % len(OFFICER_NAMES)]
                    attendees.append({"name": f"{name} ({title})", "role": "Officer",
                                      "attendance": "Expected" if upcoming else "In attendance"})
            if key == "overview" and iso == "2019-10-03":
                attendees = seed_meeting_attendees(attendees)
            items: list[dict] = []
            if status != "Cancelled":
                items.append(self.apologies(key, meeting_date, absent))
                items.append(self.declarations(present))
                minutes_item = self.previous_minutes(previous.get(key))
                if minutes_item:
                    items.append(minutes_item)
                if key == "overview" and iso == "2019-10-03":
                    items.append({"title": seed_title, "agenda": [seed_agenda], "raw_minutes": seed_minutes,
                                  "documents": ["Prevent presentation slides"], "hand_written": True})
                for entry in by_meeting.pop(f"{key} {iso}", []):
                    items.append({
                        "title": entry["title"], "agenda": split_paragraphs(entry.get("agenda", "")),
                        "minutes": split_paragraphs(entry.get("minutes", "")),
                        "decision": split_paragraphs(entry.get("decision", "")),
                        "documents": entry.get("documents", []), "flags": entry.get("flags", []), "hand_written": True,
                    })
                items += self.extra_items(key, meeting_date, iso)
                if key in ("overview", "health"):
                    items.append(self.work_programme(meeting_date))
                if upcoming:
                    for item in items:
                        item["minutes"] = []
                        item["decision"] = []
                        item.pop("raw_minutes", None)
            meeting_id = 2101 + meeting_number * 3
            numbered = self.number_items(items, key)
            meetings.append({
                "id": meeting_id, "committee_id": committee_ids[key], "date": iso, "time": TIMES[key],
                "status": status, "venue": VENUES[key], "attendees": attendees, "items": numbered, "flags": flags,
            })
            if status != "Cancelled" and not upcoming:
                previous[key] = meeting_date
        if by_meeting:
            raise SystemExit(f"hand-written items for unknown meetings: {sorted(by_meeting)}")
        return {
            "council": COUNCIL,
            "generated_by": "scraper/sample_site/build_dataset.py",
            "rng_seed": RNG_SEED,
            "members": self.members,
            "committees": [
                {"id": cid, "key": key, "title": title, "category": category, "purpose": purpose, "webservice": ws}
                for key, cid, title, category, purpose, ws in COMMITTEES
            ],
            "meetings": meetings,
        }

    def extra_items(self, key: str, meeting_date: date, iso: str) -> list[dict]:
        """Generated substantive items, sub-items and the exempt items, by committee."""
        extra: list[dict] = []
        if key == "planning":
            count = 3 if iso != "2025-06-11" else 2
            extra += [dict(self.planning_application(meeting_date), sub=True) for _ in range(count)]
        elif key == "cabinet":
            extra.append(self.cabinet_report(meeting_date))
            if iso == "2020-09-14":
                extra.append({"title": "Disposal of Land at Quayside", "restricted": True, "flags": ["leak"],
                              "agenda": ["Exempt information under paragraph 3 of Schedule 12A to the Local Government Act 1972."],
                              "minutes": ["CONFIDENTIAL: Cabinet agreed to accept the offer of £2.15 million from Northshore Homes "
                                          "for the Quayside site, subject to contract."]})
                extra.insert(0, {"title": "Recovery Plan for Town Centres",
                                 "agenda": ["To approve the town centre recovery plan following the pandemic."],
                                 "decision": ["RESOLVED:", "that the town centre recovery plan be approved."],
                                 "minutes": ["The Leader introduced the plan, which included free parking on Saturdays in December and grants for shop front improvements.",
                                             "RESOLVED: as set out in the decision above."]})
            if iso == "2024-10-07":
                extra[-1]["documents"] = ["Performance dashboard Q1", "Interactive map of indicators"]
                extra[-1]["js_doc"] = 1
        elif key == "council":
            extra.append({"title": "Chair's Announcements", "agenda": ["To receive any announcements from the Mayor."],
                          "minutes": [self.rng.choice([
                              "The Mayor congratulated the Eastmere Lifeboat crew on their award for gallantry.",
                              "The Mayor thanked everyone who had supported her charity appeal, which had raised £18,400 for the Saltmarsh hospice.",
                              "The Mayor informed the Council of the death of former Councillor Doris Pennock and Members stood in silence.",
                          ])]})
            if iso == "2023-05-17":
                extra += [
                    {"title": "Appointments", "agenda": ["To make the following appointments for the municipal year."], "minutes": [],
                     "heading": True},
                    {"title": "Election of the Mayor", "sub": True, "agenda": ["To elect the Mayor for 2023/24."],
                     "minutes": ["Councillor Okafor was proposed by Councillor Hale and seconded by Councillor Ashdown.",
                                 "RESOLVED: that Councillor Okafor be elected Mayor of the Borough of Eastmere for 2023/24."]},
                    {"title": "Appointment of the Deputy Mayor", "sub": True, "agenda": ["To appoint the Deputy Mayor for 2023/24."],
                     "minutes": ["RESOLVED: that Councillor Thwaite be appointed Deputy Mayor for 2023/24."]},
                    {"title": "Appointments to Committees", "sub": True,
                     "agenda": ["To appoint Members to committees in accordance with the political balance rules."],
                     "minutes": ["The Monitoring Officer reported the allocation of seats to political groups.",
                                 "RESOLVED: that Members be appointed to committees as set out in the schedule circulated at the meeting."]},
                ]
        elif key in ("overview", "health") and self.rng.random() < 0.8:
            extra.append(self.scrutiny_update(key))
        elif key == "licensing":
            extra.append(self.licensing_hearing())
            if iso == "2024-07-29":
                extra.append({"title": "Application for a Personal Licence", "restricted": True,
                              "agenda": ["Exempt information under paragraph 7 of Schedule 12A."], "minutes": []})
        if key == "health" and iso == "2023-03-02":
            extra.append({"title": "Pharmacy Needs Assessment", "agenda": ["To comment on the draft Pharmacy Needs Assessment."],
                          "minutes": ["The Director of Public Health presented the draft assessment, which found that the borough "
                                      "was adequately served by its 31 pharmacies.", "AGREED: that the assessment be endorsed."],
                          "documents": ["Draft Pharmacy Needs Assessment"], "private_doc": 0})
        if key != "licensing":
            extra.append({"title": "Any Other Urgent Business",
                          "agenda": ["To consider any other business that the Chair considers urgent."],
                          "minutes": ["There was no other urgent business."]})
        return extra

    def number_items(self, items: list[dict], key: str) -> list[dict]:
        """Give display numbers ("1.", "6a", "6b"), ids, and documents to the assembled items."""
        numbered = []
        main = 0
        letter = 0
        last_was_sub = False
        for item in items:
            if item.get("heading"):
                main += 1
                letter = 0
                number = f"{main}."
            elif item.get("sub"):
                if not last_was_sub and not (numbered and numbered[-1].get("_heading")):
                    main += 1
                    letter = 0
                number = f"{main}{'abcdefgh'[letter]}"
                letter += 1
            else:
                main += 1
                letter = 0
                number = f"{main}."
            last_was_sub = bool(item.get("sub"))
            documents = [self.attachment(title) for title in item.get("documents", [])]
            if "js_doc" in item and documents:
                documents[item["js_doc"]]["flags"] = ["javascript"]
            if "private_doc" in item and documents:
                documents[item["private_doc"]]["flags"] = ["private_host"]
            record = {
                "id": self.item_id(), "number": number, "title": item["title"],
                "agenda": item.get("agenda", []), "minutes": item.get("minutes", []), "decision": item.get("decision", []),
                "restricted": item.get("restricted", False), "documents": documents, "flags": item.get("flags", []),
                "hand_written": item.get("hand_written", False),
            }
            if item.get("raw_minutes") is not None:
                record["raw_minutes"] = item["raw_minutes"]
            if item.get("heading"):
                record["_heading"] = True
            numbered.append(record)
        for record in numbered:
            record.pop("_heading", None)
        return numbered


def main() -> None:
    dataset = Builder().build()
    OUTPUT.write_text(json.dumps(dataset, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    items = sum(len(m["items"]) for m in dataset["meetings"])
    hand = sum(1 for m in dataset["meetings"] for i in m["items"] if i["hand_written"])
    print(f"wrote {OUTPUT}: {len(dataset['committees'])} committees, {len(dataset['meetings'])} meetings, "
          f"{items} items ({hand} hand-written)")


if __name__ == "__main__":
    main()
