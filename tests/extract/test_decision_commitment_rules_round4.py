"""Round 4 rules for decisions and commitments, each with invented passages (fictional people and
places) and the look-alikes each rule must leave alone."""

from __future__ import annotations

from indexer.extract import extract_minutes


def _decisions(text: str) -> list[str]:
    return [d.text.rstrip(".") for d in extract_minutes(text).decisions]


def _commitments(text: str) -> list[str]:
    return [c.text.rstrip(".") for c in extract_minutes(text).commitments]


# ---------------------------------------------------------------- motions carried "accordingly"


def test_quoted_motion_under_capitalised_moved_lines_is_resolved_limb_by_limb():
    text = ("7. MOTION – Village Bus Service\n\nMoved by Councillor Nora Pettigrew:\nSeconded by Councillor Ivo Marsh:\n\n"
            "\"This Council regrets the loss of the 44 bus. Council resolves to:\n"
            "1. ask the Cabinet to fund a community minibus pilot in 2026/27;\n"
            "2. write to the operator seeking a review of the timetable; and\n"
            "3. call on the Government to reform bus funding.\"\n\n"
            "Councillor Pettigrew spoke in support.\n\n"
            "The motion was CARRIED and it was RESOLVED accordingly.\n")
    got = _decisions(text)
    assert got == ["ask the Cabinet to fund a community minibus pilot in 2026/27",
                   "write to the operator seeking a review of the timetable",
                   "call on the Government to reform bus funding"]
    assert "accordingly" not in got


def test_resolved_accordingly_is_not_a_heading_with_its_own_body():
    text = "Councillor Dunmore moved that the report be noted. The motion was put and it was RESOLVED accordingly.\n"
    assert "accordingly" not in _decisions(text)


# ---------------------------------------------------------------- capital limb letters, noted future acts


def test_capital_letter_limbs_in_brackets_are_separate_decisions():
    text = ("DECISION:\n(A) To appoint Kestrel Homes Ltd as the preferred contractor for the Fairmead scheme.\n"
            "(B) To delegate authority to the Director of Housing to sign the contract.\n"
            "(C) To note that a tenants' drop-in session will be held before work starts.\n")
    assert _decisions(text) == ["To appoint Kestrel Homes Ltd as the preferred contractor for the Fairmead scheme",
                                "To delegate authority to the Director of Housing to sign the contract",
                                "To note that a tenants' drop-in session will be held before work starts"]
    got = _commitments(text)
    assert "To delegate authority to the Director of Housing to sign the contract" in got
    assert "a tenants' drop-in session will be held before work starts" in got
    # an appointment made by the decision itself is not a promise; "To" is nobody's name
    assert not any(c.startswith("To appoint") for c in got)


def test_a_noted_forecast_is_not_a_promise():
    text = ("RESOLVED:\n(a) to note that the band D charge would increase by 2.99%;\n"
            "(b) to note that the Treasurer will circulate the final tax base to all Members.\n")
    got = _commitments(text)
    assert "the Treasurer will circulate the final tax base to all Members" in got
    assert not any("2.99" in c for c in got)


# ---------------------------------------------------------------- action logs named by their header


def test_action_log_columns_are_read_from_the_header():
    text = ("2. Action Log\n\nRef | Action | Owner | Due | Status\n"
            "HB/25/01 | Circulate the falls prevention leaflet to GP practices | MT | 30/09/2025 | Complete\n"
            "HB/25/04 | Report on winter vaccination uptake by ward | RQ | 15/01/2026 | Open\n\n"
            "The Board noted the log.\n\nNew actions:\n"
            "HB/25/09 | Share the dementia strategy with the carers' forum | MT | 31/10/2025 | Open\n")
    got = extract_minutes(text).commitments
    texts = [c.text for c in got]
    assert any(t.startswith("Report on winter vaccination uptake by ward") for t in texts)
    assert any(t.startswith("Share the dementia strategy with the carers' forum") for t in texts)
    assert not any("falls prevention" in t for t in texts)  # a completed row is no longer a promise
    owners = {c.text.split(" |")[0]: c.who for c in got}
    assert owners["Report on winter vaccination uptake by ward"] == "RQ"


def test_who_what_when_table_and_a_discussion_table_that_is_not_an_action_log():
    text = ("Actions\nWho | What | When\nPL | Book the library hall for the open day | 03/02/2026\n"
            "GH | Draft the volunteer rota | March\n")
    got = extract_minutes(text).commitments
    assert [c.text for c in got] == ["PL | Book the library hall for the open day | 03/02/2026", "GH | Draft the volunteer rota | March"]
    assert got[0].who == "PL" and str(got[0].due) == "2026-02-03" and got[1].due is None
    table = "| Item | Discussion | Notes |\n| 3 | Members discussed the bus timetable review | None |\n"
    assert extract_minutes(table).commitments == ()


# ---------------------------------------------------------------- working-group notes


def test_agreed_heading_on_a_note_form_bullet():
    text = ("3. Open day\n- GH outlined plans for an open day in the summer.\n"
            "- Agreed: the open day to be held at the Old School Rooms on a Sunday in June.\n")
    assert _decisions(text) == ["the open day to be held at the Old School Rooms on a Sunday in June"]
    assert "the open day to be held at the Old School Rooms on a Sunday in June" in _commitments(text)
    prose = "- Agreed budgets for the year were set out in the appendix and members discussed them.\n"
    assert _decisions(prose) == []


def test_review_of_last_meetings_actions_keeps_open_ones():
    text = ("1. Actions from last meeting\n- Order new bins for the rec – PL – Complete.\n"
            "- Check the allotment boundary hedge – GH – carried forward.\n"
            "- Report the broken stile to the County – Clerk – ongoing.\n"
            "- Remembrance – Poppy Appeal – Open.\n")
    got = _commitments(text)
    assert "Check the allotment boundary hedge – GH – carried forward" in got
    assert "Report the broken stile to the County – Clerk – ongoing" in got
    assert not any("bins" in c for c in got)  # completed
    assert not any("Remembrance" in c for c in got)  # no action verb: a heading, not an action


# ---------------------------------------------------------------- reported promises


def test_a_pronoun_after_a_reporting_verb_starts_the_promise():
    text = ("Councillor Ella Brandt asked which schemes relied on new staff. "
            "Mr Osei confirmed that three did and said he would circulate them with the outturn report.")
    assert "he would circulate them with the outturn report" in _commitments(text)
    text = "Mr Osei said he would like to see the figures before the next meeting."
    assert _commitments(text) == []


def test_two_undertakings_apart_when_only_one_has_a_deadline_or_they_differ_in_strength():
    text = ("The Portfolio Holder said that the Council would open a second day centre in Mill Lane by June 2027 "
            "and would appoint two outreach workers.")
    got = _commitments(text)
    assert "the Council would open a second day centre in Mill Lane by June 2027" in got
    assert "would appoint two outreach workers" in got
    text = ("The Head of Finance said that she would bring a revised savings plan to the Panel in May "
            "and might be able to lower the fee increase if the grant was confirmed.")
    got = extract_minutes(text).commitments
    assert [(c.text.rstrip("."), c.strength) for c in got] == [
        ("she would bring a revised savings plan to the Panel in May", "firm"),
        ("might be able to lower the fee increase if the grant was confirmed", "soft")]


def test_one_undertaking_with_its_steps_or_a_duration_stays_whole():
    text = ("The Engineer said that he would add Birch Lane to the list of candidate sites and report back "
            "to the Committee in the spring.")
    assert _commitments(text) == ["he would add Birch Lane to the list of candidate sites and report back to the Committee in the spring"]
    text = "The Leader said that the council would set up a hardship fund and would phase the increase over three years."
    assert len(_commitments(text)) == 1


# ---------------------------------------------------------------- Scottish and Northern Irish forms


def test_scottish_on_the_motion_of_opener():
    text = ("Thereafter, on the motion of Councillor Ailsa Munro, seconded by Councillor Fergus Lyle, it was agreed "
            "that the Committee write to the Minister seeking an extension of the ferry grant.\n")
    assert _decisions(text) == ["that the Committee write to the Minister seeking an extension of the ferry grant"]
    assert _commitments(text) == ["that the Committee write to the Minister seeking an extension of the ferry grant"]
    prose = "Thereafter, on the motion of Councillor Munro, the meeting adjourned for ten minutes.\n"
    assert _decisions(prose) == []


def test_northern_irish_recommended_heading_is_a_decision_not_a_commitment():
    text = ("Proposed by Councillor Orla Keane,\nSeconded by Alderman Ross Bell, and agreed\n\n"
            "Recommended: that a bench be installed at Lough Road and that the Director bring a report on costs "
            "to the March meeting.\n")
    assert _decisions(text) == ["that a bench be installed at Lough Road and that the Director bring a report on costs to the March meeting"]
    assert _commitments(text) == []
    prose = "Recommended reading for Members was listed in the appendix.\n"
    assert _decisions(prose) == []


# ---------------------------------------------------------------- directions in resolution limbs


def test_a_committee_requires_its_officer_and_delegates_named_work():
    text = ("RESOLVED: That the Committee:\n(1) notes the Treasury Management Report;\n"
            "(2) requires the Head of Property to attend the March meeting to report on the asset disposals; and\n"
            "(3) delegates sign-off of the annual return to the Section 151 Officer.\n")
    got = _commitments(text)
    assert "requires the Head of Property to attend the March meeting to report on the asset disposals" in got
    assert "delegates sign-off of the annual return to the Section 151 Officer" in got
    assert not any("notes the Treasury" in c for c in got)
    text = "RESOLVED: That the Committee notes that the new scheme requires the Council to keep a register of assets.\n"
    assert _commitments(text) == []


def test_undertook_that_introduces_a_promise_not_a_relative_clause():
    text = ("The Head of Legal, Ms Perpetua Hale, apologised for the delay and undertook that the gifts register "
            "would be published by 30 November 2025.")
    assert _commitments(text) == ["the gifts register would be published by 30 November 2025"]
    text = "Members discussed the grants that would be published in the spring newsletter."
    assert _commitments(text) == []


# ---------------------------------------------------------------- promise forms in reported speech


def test_having_something_working_by_a_deadline():
    text = "Ms Dora Quist said that the operator would have all six new buses on the road by 1 May 2026."
    assert _commitments(text) == ["the operator would have all six new buses on the road by 1 May 2026"]
    text = "Ms Quist said that the change would have a big effect on the rural routes."
    assert _commitments(text) == []


def test_look_again_at_whether_is_a_soft_look():
    text = "The Portfolio Holder said that he would look again at whether the kiosk could open on Saturdays."
    got = extract_minutes(text).commitments
    assert [(c.text.rstrip("."), c.strength) for c in got] == [
        ("he would look again at whether the kiosk could open on Saturdays", "soft")]


def test_a_facility_kept_open_is_an_assurance():
    text = "The Leisure Manager replied that the roof repairs would be done at night and that the library would stay open throughout."
    assert "the library would stay open throughout" in _commitments(text)
    text = "The Clerk said that the consultation would remain open until 9 January."
    assert _commitments(text) == []


def test_phrasal_take_it_up_and_agreed_to_do_so():
    text = "Councillor Nuala Brice said that she would take this up with the bus operator."
    assert _commitments(text) == ["she would take this up with the bus operator"]
    text = ("Councillor Pim suggested that the leaflet be translated into Polish, and the Communications Officer "
            "agreed to do so.")
    assert _commitments(text) == ["the Communications Officer agreed to do so"]
    text2 = "Several members agreed to do so at the next meeting."
    assert _commitments(text2) == []


def test_a_capitalised_report_in_a_title_is_a_noun():
    text = "RESOLVED:\n1. That the Equality Objectives Annual Report 2025 be endorsed for publication.\n"
    assert _commitments(text) == []
    text = "RESOLVED:\n1. That the Head of Planning report on the appeal outcomes to the March meeting.\n"
    assert _commitments(text) == ["That the Head of Planning report on the appeal outcomes to the March meeting"]


def test_contents_of_another_bodys_plan_or_a_programme_are_not_promises():
    text = "Mr Ilie reported that under the Board's business plan the Riverside gallery would close on Mondays from May."
    assert _commitments(text) == []
    text = "Under the programme, the Hollins Brook scheme would protect 210 homes from 2028."
    assert _commitments(text) == []
    text = "The Chair of the Trust said that the Trust would publish its business plan by 1 March."
    assert _commitments(text) == ["the Trust would publish its business plan by 1 March"]


def test_a_past_agreement_or_intention_is_not_a_promise():
    text = "The Licensing Officer said that the fire service had agreed conditions with the applicant and withdrew its objection."
    assert _commitments(text) == []
    text = "Councillor Moss said that he had not intended to cause any distress to the complainant."
    assert _commitments(text) == []
    text = "The applicant's agent said that his client had agreed to fund a new footway along Mill Road."
    assert _commitments(text) == ["his client had agreed to fund a new footway along Mill Road"]


def test_a_members_request_that_the_body_act_binds_nobody():
    text = "Cllr Tamsin Roe thanked the volunteers and asked that the Council write to the Rotary Club to thank it."
    assert _commitments(text) == []
    text = "Cllr Roe asked that the Clerk write to the Rotary Club to thank it, to which the Clerk agreed."
    assert _commitments(text) != []


# ---------------------------------------------------------------- decision records and what follows them


def test_timetable_and_call_in_notice_under_a_decision_block_are_not_decisions():
    text = ("Decision:\n1. To award the contract for the Gorse Lane toilets to Cleanline Ltd.\n"
            "2. To approve the use of £12,000 from the Ward Fund.\n\n"
            "Works will start on site on 3 November 2025 and the toilets will reopen by 16 January 2026.\n\n"
            "This decision will come into force at 5pm on 7 October 2025 unless it is called in.\n\n"
            "Reasons for decision: the lowest compliant tender.\n")
    assert _decisions(text) == ["To award the contract for the Gorse Lane toilets to Cleanline Ltd",
                                "To approve the use of £12,000 from the Ward Fund"]
    got = extract_minutes(text).commitments
    assert [(c.text.rstrip("."), str(c.due)) for c in got] == [
        ("Works will start on site on 3 November 2025", "2025-11-03"),
        ("the toilets will reopen by 16 January 2026", "2026-01-16")]


def test_a_second_subject_without_its_own_day_stays_with_the_first():
    text = ("The Cabinet Member replied: \"I can confirm that contractors will start on site on 9 March and the "
            "footbridge will reopen by the end of May, weather permitting.\"")
    assert len(extract_minutes(text).commitments) == 1


def test_bare_agreed_paragraph_closes_its_item_and_heads_nothing():
    text = ("5. Director's Report\nThe Director, Mr Colm Rafferty, reported on the leisure centre repairs.\n\nAgreed.\n\n"
            "6. Notice of Motion – Bin Collections\nCouncillor Nic Aoidh stated that she wished her motion to be referred "
            "to the Environment Committee.\n\nThe motion was referred to the Environment Committee.\n")
    got = _decisions(text)
    assert got == ["Agreed", "The motion was referred to the Environment Committee"]
    text = "Councillor Bligh proposed that the hedge be cut back. Agreed.\n"
    assert _decisions(text) == ["that the hedge be cut back"]


def test_observations_agreed_line_of_town_council_planning_notes():
    text = ("PL/26/014  26/00121/HOU – 3 Orchard Close – side extension\nCllr Reyes: proposed no objection.\n"
            "Observations agreed: No objection.\n\nPL/26/015  26/00188/FUL – Mill House – two dwellings\n"
            "Observations agreed: Objection – overdevelopment of the plot.\n")
    assert _decisions(text) == ["No objection", "Objection – overdevelopment of the plot"]
    prose = "Observations agreed with the District Council's officers were listed in the appendix.\n"
    assert _decisions(prose) == []


def test_adoption_lead_in_with_namely_is_a_decision_besides_its_limbs():
    text = ("RESOLVED that the recommendations of the Open Spaces Committee be adopted, namely:\n"
            "(a) that allotment rents rise by 3% from 1 October 2026; and\n"
            "(b) that the Clerk obtain two quotes for a new water trough.\n")
    got = _decisions(text)
    assert got[0] == "that the recommendations of the Open Spaces Committee be adopted, namely:"
    assert "that the Clerk obtain two quotes for a new water trough" in got
    text = "RESOLVED that:\n(a) the report be noted; and\n(b) the Clerk obtain two quotes.\n"
    assert _decisions(text)[0] == "the report be noted"


def test_another_partys_act_in_the_passive_is_reported_not_promised():
    text = "The Head of Transport said that 20 new shelters had been fitted and that 35 more would be installed by the operators next year."
    assert _commitments(text) == []
    text = "The Head of Transport said that 35 more shelters would be installed by the Council's contractor by June."
    assert _commitments(text) == ["35 more shelters would be installed by the Council's contractor by June"]


def test_joining_a_scheme_and_promoting_it_is_work_after_the_meeting():
    text = ("The motion was CARRIED and it was RESOLVED that the Council:\n(a) notes the rise in food bank use;\n"
            "(b) join the Healthy Start Alliance and promote it in the residents' magazine; and\n"
            "(c) call on the Government to raise the voucher value.\n")
    got = _commitments(text)
    assert got == ["join the Healthy Start Alliance and promote it in the residents' magazine"]


def test_deferral_pending_information_waits_on_the_applicant():
    text = "RESOLVED – that the grant request from Dale Cricket Club be deferred pending further information about its accounts.\n"
    assert _commitments(text) == []
    text = "RESOLVED – that the decision be deferred to the next meeting for a further report on the highway objections.\n"
    assert _commitments(text) != []


def test_contracted_would_promised_noun_and_meeting_a_contractor():
    assert _commitments("Mr Lusk said he'd circulate the slides after the meeting.") == ["he'd circulate the slides after the meeting"]
    assert _commitments("Mr Lusk said he'd been told the slides were circulated.") == []
    assert _commitments("Mrs Amis said they'd agreed the route with the landowner last year.") == []
    assert _commitments("The Portfolio Holder promised a written response within ten working days.") != []
    assert _commitments("The Portfolio Holder promised residents that she cared about the park.") == []
    got = _commitments("It was agreed that the Chair and the Clerk would meet the contractor on site.")
    assert got == ["that the Chair and the Clerk would meet the contractor on site"]


# ---------------------------------------------------------------- parish mover and seconder in one sentence


def test_seconded_and_resolved_in_one_sentence():
    assert _decisions("Proposed by Cllr Yusuf, seconded by Cllr Hart and resolved that the quote from Oakfield Fencing be accepted.\n") \
        == ["that the quote from Oakfield Fencing be accepted"]
    assert _decisions("Cllr Yusuf proposed, Cllr Hart seconded, and it was resolved to buy a new defibrillator cabinet.\n") \
        == ["to buy a new defibrillator cabinet"]
    assert _decisions("The amendment was seconded by Cllr Hart and agreed to by the mover.\n") == []


def test_councillors_as_the_deciding_body():
    assert _decisions("Councillors voted unanimously to approve the precept of £38,000 for 2026/27.\n") \
        == ["to approve the precept of £38,000 for 2026/27"]


def test_what_central_government_will_do_is_reported_not_promised():
    assert _commitments("The Director said that the Government would publish the funding settlement in December.") == []
    assert _commitments("The Director said that the Department for Education would issue new guidance in the spring.") == []
    assert _commitments("The Director said that the Council would publish its response in December.") \
        == ["the Council would publish its response in December"]


def test_leading_a_piece_of_work_is_a_promise_leading_to_an_effect_is_not():
    text = "Ms Orla Pryce said the Health Board would lead the new workstream on falls prevention."
    assert _commitments(text) == ["the Health Board would lead the new workstream on falls prevention"]
    assert _commitments("Ms Pryce said the closure would lead to longer journeys for patients.") == []


def test_a_limbs_trailing_and_is_a_whole_word():
    text = ("The Board:\n(a) approved the plan for submission to NHS England;\n"
            "(b) delegated sign-off to the Place Director; and\n(c) noted the update.\n")
    assert _decisions(text) == ["approved the plan for submission to NHS England",
                                "delegated sign-off to the Place Director", "noted the update"]
