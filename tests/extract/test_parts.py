"""Behaviour of the separate extractors on short passages: votes, dates, attendance, limbs,
resolution against the meeting's attendance list, and enrich() on archived records."""

from __future__ import annotations

from datetime import date

from indexer.extract import MeetingContext, enrich, extract_minutes
from indexer.extract.dates import find_due
from scraper.records import AgendaItem, ArchivedItem, Attendee, Committee, Meeting, Site


def test_due_dates_resolve_forward_from_the_meeting():
    assert find_due("on 14 November", date(2019, 10, 17)) == (date(2019, 11, 14), "14 November")
    assert find_due("on 14 January", date(2019, 10, 17)) == (date(2020, 1, 14), "14 January")
    assert find_due("by 3 March 2021", None) == (date(2021, 3, 3), "3 March 2021")
    assert find_due("by 14/02/2024", None)[0] == date(2024, 2, 14)
    assert find_due("at the next meeting", date(2020, 1, 1)) == (None, "the next meeting")
    assert find_due("in six months", date(2020, 1, 1)) == (None, "in six months")
    assert find_due("by the end of March", date(2020, 1, 1)) == (None, "by the end of March")
    assert find_due("six months of data", date(2020, 1, 1)) == (None, None)


def test_limbs_are_split_and_labels_removed():
    text = "Minutes:\n\nRESOLVED:\n\n(a) that the report be noted;\n\n(b) that officers be asked to report back in June; and\n\n(c) that the Chair write to the Minister."
    result = extract_minutes(text)
    assert [d.text for d in result.decisions] == [
        "that the report be noted",
        "that officers be asked to report back in June",
        "that the Chair write to the Minister.",
    ]
    assert {c.text for c in result.commitments} >= {"that officers be asked to report back in June",
                                                     "that the Chair write to the Minister."}


def test_recorded_vote_with_names_and_outcome():
    text = ("Minutes:\n\nCouncillor Ames moved, and Councillor Bird seconded, the motion.\n\n"
            "For: Councillors Ames, Bird and Cole (3)\nAgainst: Councillor Dean (1)\nAbstain: None\n\n"
            "The motion was CARRIED.\n\nRESOLVED: That the motion be adopted.")
    result = extract_minutes(text)
    vote = result.decisions[0].vote
    assert vote is not None
    assert (vote.outcome, vote.for_count, vote.against_count, vote.abstain_count) == ("carried", 3, 1, 0)
    assert vote.for_names == ("Councillor Ames", "Councillor Bird", "Councillor Cole")
    assert vote.against_names == ("Councillor Dean",)


def test_counted_vote_in_prose():
    result = extract_minutes("Minutes:\n\nThe amendment was lost by 12 votes to 30 with 2 abstentions.\n\nRESOLVED: That the budget be approved.")
    vote = result.decisions[0].vote
    assert (vote.for_count, vote.against_count, vote.abstain_count, vote.outcome) == (12, 30, 2, "lost")


def test_attendance_lists():
    text = ("Present: Councillor A. Khan (Chair), Councillors Lee and Moss\n\n"
            "In attendance: Sam Pope (Democratic Services Officer)\n\n"
            "Apologies for absence were received from Councillors Nash and Orr.\n\nMinutes:\n\nNothing else.")
    result = extract_minutes(text)
    got = {(a.name, a.role, a.status) for a in result.attendees}
    assert got == {
        ("Councillor A. Khan", "Chair", "present"),
        ("Councillor Lee", None, "present"),
        ("Councillor Moss", None, "present"),
        ("Sam Pope", "Democratic Services Officer", "in_attendance"),
        ("Councillor Nash", None, "apologies"),
        ("Councillor Orr", None, "apologies"),
    }
    assert result.speakers == ()


def test_speakers_resolve_against_the_attendance_list():
    attendees = (
        Attendee(name="Councillor Ross Grant", role="Committee Member", attendance="Present"),
        Attendee(name="Councillor Lucy Chaplin", role="Chair", attendance="Present"),
        Attendee(name="Councillor Paul Westley", role="Vice-Chair", attendance="Present"),
    )
    text = "Minutes:\n\nCouncillor Grant asked about CAGE. The Chair thanked officers. The Vice-Chair added that more work was needed."
    result = extract_minutes(text, MeetingContext(attendees=attendees))
    by_mention = {m: s for s in result.speakers for m in s.mentions}
    assert by_mention["Councillor Grant"].name == "Councillor Ross Grant"
    assert (by_mention["The Chair"].name, by_mention["The Chair"].kind) == ("Councillor Lucy Chaplin", "chair")
    assert by_mention["The Vice-Chair"].name == "Councillor Paul Westley"


def test_the_chairs_are_not_the_chair():
    result = extract_minutes("Minutes:\n\nThe Chairs of the three panels met in June. The Chair said that a joint meeting would be held.")
    assert [s.mentions for s in result.speakers] == [("The Chair",)]


def test_addressees_and_report_authors_are_not_speakers():
    text = ("Minutes:\n\nThe Committee considered the report of the Director of Place. The Chair thanked the "
            "Director of Place and asked the Head of Planning to circulate the figures.")
    result = extract_minutes(text)
    assert [s.mentions for s in result.speakers] == [("The Chair",)]
    assert result.commitments[0].who == "Head of Planning"


def _archived(**item_fields) -> ArchivedItem:
    site = Site(key="example.gov.uk", base_url="https://example.gov.uk", name="Example Council")
    meeting = Meeting(site=site.key, meeting_id=7, committee_id=3, date=date(2019, 10, 17),
                      attendees=(Attendee(name="Councillor Ross Grant", role="Committee Member"),))
    committee = Committee(site=site.key, committee_id=3, title="Overview Select Committee")
    fields = dict(site=site.key, item_id=11, meeting_id=7, committee_id=3, number="5.", title="Prevent programme")
    fields.update(item_fields)
    return ArchivedItem(item=AgendaItem(**fields), meeting=meeting, committee=committee, site=site)


def test_enrich_uses_the_meeting_context(seed_text):
    minutes = seed_text.split("Minutes:", 1)[1].split("Supporting documents:", 1)[0]
    result = enrich(_archived(agenda_text="An update on the Prevent programme.", minutes_text=minutes))
    by_mention = {m: s for s in result.speakers for m in s.mentions}
    assert by_mention["Councillor Grant"].name == "Councillor Ross Grant"
    assert any(c.due == date(2019, 11, 14) for c in result.commitments)
    assert result.topics[0] == "Community safety"


def test_enrich_restricted_item_uses_the_title_only():
    result = enrich(_archived(title="Exempt: housing allocations appeal", restricted=True,
                              minutes_text="Councillor Grant asked about secrets."))
    assert result.speakers == () and result.decisions == ()
    assert result.topics == ("Housing",)


def test_enrich_agenda_only_item_has_no_decisions_yet():
    result = enrich(_archived(
        title="Revenue budget 2024/25",
        agenda_text="The Director of Finance will present the report. RECOMMENDED that Council approves the budget.",
    ))
    assert result.decisions == () and result.speakers == () and result.commitments == ()
    assert result.topics[0] == "Finance and budget"


def test_titles_and_abbreviations_of_other_nations_and_offices():
    text = ("Minutes:\n\nBailie Catherine Ross asked about the festival. Alderman Paul Kerr (Lord Mayor) "
            "welcomed guests. The PCC said that a review would be held.")
    result = extract_minutes(text)
    by_mention = {m: s for s in result.speakers for m in s.mentions}
    assert by_mention["Bailie Catherine Ross"].name == "Bailie Catherine Ross"
    assert by_mention["Alderman Paul Kerr"].name == "Alderman Paul Kerr"
    assert (by_mention["The PCC"].kind, by_mention["The PCC"].name) == ("external", None)


def test_action_in_brackets_and_scottish_division():
    text = ("Minutes:\n\nThe Clerk would write to the County Council. (Action: Clerk)\n\n"
            "On a division, there voted for the motion 9 and for the amendment 5, and the motion was carried.\n\n"
            "The Committee agreed:-\n\n(1) to approve the closure of the depot.")
    result = extract_minutes(text)
    assert [(c.text, c.who, c.strength) for c in result.commitments] == [
        ("The Clerk would write to the County Council.", "Clerk", "firm")]
    assert [d.text for d in result.decisions] == ["to approve the closure of the depot."]
    vote = result.decisions[0].vote
    assert (vote.for_count, vote.against_count, vote.outcome) == (9, 5, "carried")


def test_people_introduced_by_first_name_only():
    text = ("Minutes:\n\nTwo members of the Youth Council, Jade and Tyler, attended the meeting. Jade said that "
            "young people wanted a say. The Chair thanked Tyler.")
    result = extract_minutes(text)
    by_name = {s.name: s for s in result.speakers}
    assert by_name["Jade"].mentions == ("Jade",) and by_name["Jade"].kind == "public"
    assert "Tyler" not in by_name  # introduced, then only thanked: never contributed


# ---- rules added for the held-out root causes (docs/extraction.md)


def test_a_flattened_vote_table_and_a_scottish_division_give_counts():
    table = ("Minutes:\n\nMotion status: Carried\n| For | Councillors Ames, Bird, Cole | 3 |\n"
             "| Against | Councillor Dean | 1 |\n| Abstain | None | 0 |\n\nRESOLVED: That the budget be approved.")
    vote = extract_minutes(table).decisions[0].vote
    assert (vote.for_count, vote.against_count, vote.abstain_count) == (3, 1, 0)
    assert "Councillor Ames" in vote.for_names
    division = ("Minutes:\n\nOn a division, there voted:- for the motion (7) - the Convener and Councillors A, B; "
                "for the amendment (4) - Councillors C and D.\n\nThe Committee resolved:-\nto adopt the motion.")
    vote = extract_minutes(division).decisions[0].vote
    assert (vote.for_count, vote.against_count) == (7, 4)


def test_an_amendment_lost_does_not_lend_its_outcome_to_the_substantive_vote():
    text = ("Minutes:\n\nFollowing debate, the amendment was put to the vote and was lost.\n\n"
            "A recorded vote was taken on the substantive motion: For 30, Against 10, Abstain 1.\n\n"
            "RESOLVED: That the budget be approved.")
    vote = extract_minutes(text).decisions[0].vote
    assert (vote.for_count, vote.against_count, vote.abstain_count) == (30, 10, 1)
    assert vote.outcome != "lost"


def test_an_action_line_naming_only_an_owner_gives_the_minute_above_its_owner():
    text = ("Minutes:\n\n4.1 Cllr Yates reported that the stile was broken. The Clerk to report it to the county.\n"
            "Action: Clerk\n\n5. Next item\n5.1 Cllr Bates offered to coordinate volunteers if the group restarted.")
    commitments = extract_minutes(text).commitments
    report = [c for c in commitments if "report it to the county" in c.text]
    assert report and report[0].who and "Clerk" in report[0].who
    offer = [c for c in commitments if "coordinate volunteers" in c.text]
    assert offer and offer[0].strength == "soft"
    assert not any(c.text.strip() == "Clerk" for c in commitments)


def test_promises_with_elided_negative_and_organisation_subjects():
    text = ("Minutes:\n\nThe Director said that the Council had bought 12 homes and would buy a further 20 during 2024. "
            "She said that the Council would not make the order until the consultation had closed, "
            "and that the extra staff would reduce costs, which would save £40,000.")
    texts = [c.text for c in extract_minutes(text).commitments]
    assert any("would buy a further 20" in t for t in texts)
    assert any("would not make the order" in t for t in texts)
    assert not any("save £40,000" in t for t in texts)


def test_members_acting_as_a_body_and_apologies_are_not_speakers():
    text = ("Minutes:\n\nApologies for inability to attend were reported from Alderman Kerr and Councillor Doyle.\n\n"
            "The Head of Parks presented the report. Members noted the comments. Councillor Lee, who was not a "
            "member of the Committee, addressed the meeting.")
    mentions = {m for s in extract_minutes(text).speakers for m in s.mentions}
    assert mentions == {"The Head of Parks", "Councillor Lee"}


def test_dash_question_and_answer_layout():
    text = ("Minutes:\n\nCllr Whitfield – asked how many repairs were outstanding.\n"
            "Response (Service Director – Housing) – 420 repairs were outstanding.")
    mentions = {m for s in extract_minutes(text).speakers for m in s.mentions}
    assert {"Cllr Whitfield", "Service Director – Housing"} <= mentions


def test_county_members_styled_mr_mrs_are_councillors_when_the_item_shows_the_style():
    text = ("Minutes:\n\nMr R Tennant (Cabinet Member for Highways) introduced the report. "
            "Mr J Hollis asked about rural routes. Mrs Aldridge, Director of Highways, replied.")
    kinds = {s.mentions[0]: s.kind for s in extract_minutes(text).speakers}
    assert kinds["Mr J Hollis"] == "councillor"
    assert kinds["Mrs Aldridge"] == "officer"
    objector = extract_minutes("Minutes:\n\nMr Brooks, an objector, said the wall was too high. Mr Lane asked about access.")
    assert {s.mentions[0]: s.kind for s in objector.speakers}["Mr Lane"] == "public"
