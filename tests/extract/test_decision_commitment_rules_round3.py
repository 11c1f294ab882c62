"""Round 3 rules for decisions and commitments, each with invented passages (fictional people and
places) and the look-alikes each rule must leave alone."""

from __future__ import annotations

from indexer.extract import extract_minutes


def _decisions(text: str) -> list[str]:
    return [d.text.rstrip(".") for d in extract_minutes(text).decisions]


def _commitments(text: str) -> list[str]:
    return [c.text.rstrip(".") for c in extract_minutes(text).commitments]


# ---------------------------------------------------------------- deciding bodies


def test_other_deciding_bodies_split_their_limbs():
    text = ("The Partnership agreed:\n(a) to adopt the action plan;\n"
            "(b) that the Reducing Reoffending Lead circulate the revised plan by 4 March.\n")
    assert _decisions(text) == ["to adopt the action plan", "that the Reducing Reoffending Lead circulate the revised plan by 4 March"]


def test_scottish_sub_committee_and_review_body():
    text = ("The sub-committee agreed:-\n(i) to note the report; and\n(ii) to request a further update in June.\n\n"
            "The Local Review Body agreed that it had sufficient information to determine the review.\n\n"
            "The sub-committee agreed to note the report.")
    got = _decisions(text)
    assert "to request a further update in June" in got
    assert "that it had sufficient information to determine the review" in got


def test_group_and_note_form_bullet():
    text = ("The Task Group agreed that its interim findings would be considered at its meeting on 9 May.\n"
            "- Group agreed to recommend option B to the Cabinet Member.\n")
    got = _decisions(text)
    assert "that its interim findings would be considered at its meeting on 9 May" in got
    assert "to recommend option B to the Cabinet Member" in got


def test_a_bullet_of_discussion_is_not_a_decision():
    text = "- Cllr Penhallow asked whether the Group agreed with the viability figures.\n- The Group discussed the options.\n"
    assert _decisions(text) == []


# ---------------------------------------------------------------- directing limbs


def test_bare_subjunctive_limbs_direct_someone():
    text = ("RESOLVED – That:\n(1) the allotment rents for 2026/27 be approved;\n"
            "(2) the Finance Officer distribute the reserve balance to the three parishes once the audit is signed;\n"
            "(3) the Parks Manager report the results of the tree survey to the September meeting.\n")
    got = _commitments(text)
    assert "the Finance Officer distribute the reserve balance to the three parishes once the audit is signed" in got
    assert "the Parks Manager report the results of the tree survey to the September meeting" in got
    assert not any("rents" in c for c in got)


def test_plural_subjects_future_and_note_form_limbs():
    text = ("The Board agreed:\n(a) that partners nominate a safeguarding lead by 2 February;\n"
            "(b) that the Area Commander would provide response times to the next meeting;\n"
            "(c) Board members to submit case studies to the Partnership Officer by 9 March.\n")
    got = _commitments(text)
    assert len(got) == 3


def test_nouns_that_look_like_verbs_are_not_directions():
    text = ("RESOLVED that:\n(1) the Annual Report be noted;\n(2) the Capital Programme update be received;\n"
            "(3) the Council notes the Audit Commission's report and thanks the Commission for its work;\n"
            "(4) the Committee approve the fees set out in Appendix A.\n")
    assert _commitments(text) == []


def test_a_date_in_a_later_that_clause_is_not_the_due_date():
    text = ("RESOLVED that the Head of HR notify all members of the Executive of the proposed appointment, "
            "and that the offer be confirmed only if no objection is received by noon on 6 June 2025.")
    got = extract_minutes(text).commitments
    assert len(got) == 1 and got[0].due is None


def test_passive_limbs_that_wait_on_work_after_the_meeting():
    text = ("RESOLVED that:\n(1) a Traffic Regulation Order be made to introduce a 20mph limit on Wenlow Road;\n"
            "(2) if no objections are received within 21 days, the Order be confirmed;\n"
            "(3) the Panel's concern about bus reliability be conveyed to the Portfolio Holder for Transport;\n"
            "(4) the decision on the parking charges be deferred to the March meeting for a further report on the costs;\n"
            "(5) requests a progress report to the Transport Board every quarter.\n")
    assert len(_commitments(text)) == 5


def test_passive_limbs_that_are_the_act_itself():
    text = ("RESOLVED that:\n(1) Tree Preservation Order 4/2025 be confirmed without modification;\n"
            "(2) the application be deferred for a site visit;\n"
            "(3) the Committee's thanks be conveyed to the volunteers;\n"
            "(4) requests a progress report from the Environment Agency.\n")
    assert _commitments(text) == []


# ---------------------------------------------------------------- where a resolution ends


def test_next_items_capital_heading_ends_the_resolution():
    text = ("RESOLVED that:\n(1) the update be noted;\n(2) the fee be increased to £40.\n"
            "9. EXCLUSION OF THE PRESS AND PUBLIC\nRESOLVED that the press and public be excluded.\n\n"
            "10. 25/01123/FUL – LAND AT MOOR LANE, HESKETH\n\nThe Planning Officer presented the report.\n")
    assert _decisions(text) == ["the update be noted", "the fee be increased to £40",
                                "that the press and public be excluded"]


def test_pdf_text_without_blank_lines_and_action_lines():
    text = ("31.2 The Panel AGREED to recommend to Cabinet that the fees be frozen.\n32 WORK PROGRAMME\n"
            "32.1 The Scrutiny Officer reminded Members of the budget session.\n\n"
            "RESOLVED to renew the grass cutting contract for two years.\nACTION: Clerk to notify the contractor.\n")
    got = _decisions(text)
    assert got == ["to recommend to Cabinet that the fees be frozen", "to renew the grass cutting contract for two years"]


def test_limbs_in_capitals_are_still_limbs():
    text = "RESOLVED:\n1. THAT THE REPORT BE NOTED.\n2. THAT THE FEES BE APPROVED.\n"
    assert len(_decisions(text)) == 2


# ---------------------------------------------------------------- noted outcomes and passive records


def test_members_noted_closing_an_item():
    text = ("7. BUDGET MONITORING\nThe Finance Officer reported a small underspend. Members noted the report.\n\n"
            "8. TREE WARDENS\nMembers noted the comments. The Chair said that a reply would be sent.\n\n"
            "9. APPEALS\nThe Clerk reported the appeal outcome. Members noted the decision.\n")
    assert _decisions(text) == ["Members noted the report", "Members noted the decision"]


def test_passive_records_of_the_bodys_act():
    text = ("12. CIVIC AWARDS\nAt the request of Councillor Pennock, this item was deferred to the next meeting.\n\n"
            "13. PETITIONS\nThe petition was referred to the Cabinet Member for Leisure.\n\n"
            "14. CORRESPONDENCE\nEmail from the Rural Transport Partnership about the summer timetable – noted.\n\n"
            "15. GRANTS\nApplications 2, 4 and 7 were refused as they fell outside the scheme.\n")
    assert len(_decisions(text)) == 4


def test_history_of_an_item_is_not_a_decision():
    text = ("The Planning Officer presented the report.\n\nThe application was deferred at the last meeting for a site visit.\n\n"
            "The report was referred to in the debate.\n\nIt was reported that the consultation – noted by residents – had closed.\n")
    assert _decisions(text) == []


# ---------------------------------------------------------------- lettered items under a lead-in


def test_parish_comments_resolved_as_follows_one_decision_each():
    text = ("PL/26/04 Planning applications\nThe Council considered the applications and RESOLVED as follows:\n"
            "(a) 26/00102/HOUS – 3 Mill Row – rear dormer: no objection.\n"
            "(b) 26/00117/FUL – Brook Farm – four dwellings: objection, on the grounds of flood risk.\n")
    got = _decisions(text)
    assert len(got) == 2 and got[1].startswith("26/00117/FUL")


def test_lead_in_that_decides_is_its_own_decision():
    text = ("RESOLVED that the following grants be approved:\n(a) Scout Hut roof – £1,200;\n(b) Village Show – £400.\n\n"
            "RESOLVED that the premises licence be modified as follows:\n(a) the terrace to close at 22:00;\n"
            "(b) a noise limiter to be fitted.\n")
    got = _decisions(text)
    assert "that the following grants be approved" in got[0]
    assert any(d.startswith("that the premises licence be modified as follows") for d in got)
    assert len(got) == 6


def test_lead_in_of_points_noted_is_not_a_decision():
    text = "RESOLVED that:\n(a) the report be noted;\n(b) the risks be reviewed in June.\n"
    assert _decisions(text) == ["the report be noted", "the risks be reviewed in June"]


# ---------------------------------------------------------------- a motion carried "and resolved accordingly"


def test_carried_motion_limbs_are_decisions_and_work_limbs_commitments():
    text = ("It was moved by Councillor Farrant and seconded by Councillor Okwu:\n\n"
            "\"Council resolves to:\n(a) note the growth in rough sleeping;\n"
            "(b) establish a winter shelter working group with the churches;\n"
            "(c) write to the Housing Minister seeking multi-year funding.\"\n\n"
            "An amendment to delete paragraph (c) was moved by Councillor Lister. On being put to the vote, the amendment was lost (For 9, Against 30, Abstentions 1).\n\n"
            "The motion was put to the vote and CARRIED (For 33, Against 6, Abstentions 1), and the Council resolved accordingly.\n")
    result = extract_minutes(text)
    assert [d.text.rstrip(".") for d in result.decisions] == [
        "note the growth in rough sleeping", "establish a winter shelter working group with the churches",
        "write to the Housing Minister seeking multi-year funding"]
    assert result.decisions[0].vote.for_count == 33
    got = {c.text.rstrip(".") for c in result.commitments}
    assert got == {"establish a winter shelter working group with the churches",
                   "write to the Housing Minister seeking multi-year funding"}


def test_sub_limbs_of_an_authorisation_are_not_separate_commitments():
    text = ("Decision:\n1. That the Parks Strategy be adopted.\n2. That the Head of Leisure be authorised to:\n"
            "   a) prepare a delivery plan for consultation;\n   b) commission a play area survey.\n")
    got = _commitments(text)
    assert [c.rstrip(":") for c in got] == ["That the Head of Leisure be authorised to"]


# ---------------------------------------------------------------- two undertakings in one sentence


def test_coordinated_promises_of_different_strength_are_two():
    text = ("The Waste Manager said that the Council would consider a second recycling centre in the north "
            "and would report back to the Committee in March.\n\n"
            "Councillor Adeyemi asked about missed bins. Mr Thorne said he would look into how the rounds were planned "
            "and write to her with the results.\n")
    got = {c.text.rstrip("."): c.strength for c in extract_minutes(text).commitments}
    assert got["the Council would consider a second recycling centre in the north"] == "soft"
    assert got["would report back to the Committee in March"] == "firm"
    assert got["write to her with the results"] == "firm"


def test_coordinated_promises_alike_stay_one():
    text = ("The Highways Officer said that he would add Fenwick Lane to the list of schemes and would report "
            "back to the Area Committee in the autumn.\n")
    assert len(extract_minutes(text).commitments) == 1


# ---------------------------------------------------------------- mover and seconder lines


def test_resolution_after_mover_and_seconder():
    text = ("Proposed Cllr Ashworth, seconded Cllr Nkemelu, all in favour: RESOLVED that Mrs Delia Frost be co-opted "
            "to the Council. Mrs Frost signed her declaration of acceptance of office.\n\n"
            "Proposed by Alderman Quigley\nSeconded by Councillor Mac Giolla\n"
            "and agreed that the Committee adopts the revised grants policy.\n\n"
            "Proposed by Councillor Devlin\nSeconded by Councillor Hanratty\n\n"
            "That the Committee, contrary to officer recommendation, approves the application.\n\n"
            "On a vote being taken, there voted: For 8, Against 2, Abstentions 0. The proposal was declared carried.\n")
    result = extract_minutes(text)
    got = [d.text.rstrip(".") for d in result.decisions]
    assert got == ["that Mrs Delia Frost be co-opted to the Council", "that the Committee adopts the revised grants policy",
                   "That the Committee, contrary to officer recommendation, approves the application"]
    assert result.decisions[2].vote.for_count == 8


def test_a_motion_that_fell_is_not_a_decision():
    text = ("Proposed by Councillor Devlin\n\nThat the fares be increased by 10%.\n\n"
            "There being no seconder, the proposal fell.\n")
    assert _decisions(text) == []


def test_two_items_each_noting_a_report_are_two_decisions():
    text = ("4. POLICE PERFORMANCE\nThe Area Commander presented the report.\n\nThe sub-committee agreed to note the report.\n\n"
            "5. FIRE PERFORMANCE\nThe Station Commander presented the report.\n\nThe sub-committee agreed to note the report.\n")
    assert _decisions(text) == ["to note the report", "to note the report"]


def test_a_decision_section_repeating_the_minutes_counts_once():
    text = ("Minutes:\n\nThe Committee considered the report.\n\nRESOLVED: That the report be noted.\n\n"
            "Decision:\n\nRESOLVED: That the report be noted.\n")
    assert _decisions(text) == ["That the report be noted"]


# ---------------------------------------------------------------- promise forms


def test_service_rounds_and_staff_promises():
    text = ("The Head of Libraries added that a mobile library would call at Kestrel Green fortnightly. "
            "Sergeant Bower said that a speed enforcement operation would run in Upper Hatton throughout May. "
            "The Chief Executive said that every team leader would complete the safeguarding course by 30 June 2026.\n")
    assert len(extract_minutes(text).commitments) == 3


def test_applicant_undertakings_and_replies_promised():
    text = ("Mr Halloran, the agent, stated that the barn was derelict and that the applicant would accept a reduced eaves height. "
            "The Case Officer reported that the applicant had agreed to a financial contribution of £40,000 towards the play area.\n\n"
            "The Mayor announced that the two remaining questions would receive a written answer.\n")
    got = _commitments(text)
    assert "the applicant would accept a reduced eaves height" in got
    assert any(c.startswith("the applicant had agreed to a financial contribution") for c in got)
    assert "the two remaining questions would receive a written answer" in got


def test_elided_subject_after_things_already_done():
    text = "Ms Royle, for the premises, said that Mr Tan regretted the noise, had replaced the manager and would fit a door closer by Friday."
    got = extract_minutes(text).commitments
    assert [c.text.rstrip(".") for c in got] == ["would fit a door closer by Friday"]
    assert got[0].who == "Mr Tan"


def test_quoted_first_person_answer_with_two_promises():
    text = ('The Leader responded: "I will be writing to every landlord on the register before the end of May, '
            'and where landlords do not respond we will use our enforcement powers."\n')
    got = _commitments(text)
    assert len(got) == 2


def test_predictions_and_conditions_stay_out():
    text = ("The Finance Officer said the closure would save £40,000 a year. "
            "Members would accept any reasonable proposal, the Chair said.\n")
    assert _commitments(text) == []


# ---------------------------------------------------------------- look-alikes kept out


def test_contents_of_a_proposal_are_not_promises():
    text = ("Ms Arbuthnot explained that under the plan the trust would build 60 homes and would pay a rent to the Council. "
            "Councillor Vance said that, under his motion, the panel would meet monthly.\n\n"
            "Ms Arbuthnot agreed to circulate the financial model.\n")
    assert _commitments(text) == ["Ms Arbuthnot agreed to circulate the financial model"]


def test_questions_outside_bodies_and_possible_funding_are_not_promises():
    text = ('Question 2 – from Ms Rhona Keel to the Cabinet Member for Transport\n"Will the Council resurface Dale Street this year?"\n\n'
            "The Chair asked Northmoor Water to attend the March meeting. "
            "The Treasurer said the shortfall could be met from the general reserve. "
            "Officers noted that the Government's new guidance would apply to applications received after April.\n")
    assert _commitments(text) == []


def test_passive_recommendation_to_another_body_binds_no_one_yet():
    text = "RESOLVED:\n1. That it be recommended to Council that the capital programme be increased by £2 million.\n"
    assert _commitments(text) == []


def test_confirmed_funding_and_own_officers_asked_still_count():
    text = ("The Director confirmed that the cost would be met from the capital grant. "
            "The Chair asked the Parks Manager to repair the gates before Easter.\n")
    assert len(_commitments(text)) == 2


# ---------------------------------------------------------------- requests made binding by agreement


def test_requests_agreed_by_the_one_who_must_act():
    text = ("Councillor Ellery asked that the play area audit be shared with ward members before July, to which the Parks Manager agreed.\n\n"
            "Cllr. Moss requested that the heritage statement be appended to the further report; the Planning Manager agreed.\n")
    got = extract_minutes(text).commitments
    assert [c.text for c in got] == ["the play area audit be shared with ward members before July",
                                     "the heritage statement be appended to the further report"]
    assert all(c.strength == "firm" for c in got)


def test_requests_without_agreement_or_for_the_record_are_not():
    text = ("Councillor Ellery asked that care leavers be exempt from the charge.\n\n"
            "Councillor Moss requested that her dissent be recorded. The Chair agreed.\n")
    assert _commitments(text) == []


# ---------------------------------------------------------------- work a decision leaves to someone


def test_work_left_by_a_decision():
    text = ("RESOLVED that planning permission be granted, with conditions and informatives delegated to officers.\n\n"
            "DECISION\nThe Local Review Body agreed to grant planning permission, subject to conditions to be drafted by the "
            "Planning Adviser and agreed with the Chair.\n\n"
            "The Panel agreed to receive the draft Play Strategy before it went to Cabinet.\n")
    assert len(_commitments(text)) == 3


def test_conditions_listed_in_a_decision_are_not_work_left():
    text = ("RESOLVED that planning permission be granted subject to the conditions set out in the report.\n\n"
            "The Panel agreed to note the draft Play Strategy before it went to Cabinet.\n")
    assert _commitments(text) == []


def test_action_line_strength_follows_its_content():
    text = ("ACTION: Lettings Manager to consider a student exemption and report back.\n"
            "ACTION: Clerk to order the replacement bench.\n")
    got = {c.text.rstrip("."): c.strength for c in extract_minutes(text).commitments}
    assert got == {"Lettings Manager to consider a student exemption and report back": "soft",
                   "Clerk to order the replacement bench": "firm"}


# ---------------------------------------------------------------- guards for other councils' styles


def test_possessive_and_noted_reports_are_not_directions():
    text = ("RESOLVED that:\n(1) the Monitoring Officer's report on complaints be noted;\n"
            "(2) the Scrutiny Review report on parking be received;\n(3) the Council meet the cost from reserves.\n")
    assert _commitments(text) == []


def test_history_and_capital_limbs_do_not_end_or_make_decisions():
    text = ("The item was deferred from the last meeting.\n\n"
            "RESOLVED:\n1. THE REPORT BE NOTED\n2. THE FEES BE APPROVED\n\n"
            "Councillor Tait asked that the item be deferred. The Committee agreed.\n")
    assert _decisions(text) == ["THE REPORT BE NOTED", "THE FEES BE APPROVED"]
    assert _commitments(text) == []


def test_capital_limbs_after_a_lead_in_are_limbs():
    text = "RESOLVED that the following strategies be adopted:\n1. CAPITAL STRATEGY 2026/27\n2. TREASURY MANAGEMENT STRATEGY 2026/27\n"
    got = _decisions(text)
    assert "CAPITAL STRATEGY 2026/27" in got and "TREASURY MANAGEMENT STRATEGY 2026/27" in got


def test_lettered_correspondence_noted_and_explore_limb_soft():
    text = ("15. CORRESPONDENCE\n(a) Email from the Rural Bus Partnership – noted.\n\n"
            "RESOLVED that officers explore options for a 20mph zone on Mill Street.\n")
    result = extract_minutes(text)
    assert "Email from the Rural Bus Partnership – noted" in [d.text.rstrip(".") for d in result.decisions]
    assert [c.strength for c in result.commitments] == ["soft"]


def test_reasons_for_the_decision_hold_no_promise():
    text = ("Decision:\n1. That the Leisure Strategy be approved.\n"
            "Reasons for decision: The strategy would improve health and the Council would save money.\n")
    assert _commitments(text) == []


# ---------------------------------------------------------------- more house styles


def test_inline_limbs_after_full_stops_and_meeting_someone():
    text = ("RESOLVED: (i) That the report be noted. (ii) That the Head of Planning review the enforcement protocol "
            "and report back in six months.\n\nAGREED:\n• The Chair to meet the Chief Constable.\n")
    result = extract_minutes(text)
    assert [d.text.rstrip(".") for d in result.decisions] == [
        "That the report be noted",
        "That the Head of Planning review the enforcement protocol and report back in six months",
        "The Chair to meet the Chief Constable"]
    assert len(result.commitments) == 2


def test_moved_seconded_and_carried_without_comma_and_a_decider_asking():
    text = ("Councillor Amir moved, and Councillor Leigh seconded, that the matter be referred to the Audit Committee. "
            "On being put to the vote this was carried.\n\n"
            "The Cabinet Member for Housing decided to approve the allocations and asked the Head of Housing to publish "
            "the scheme by 1 April.\n")
    result = extract_minutes(text)
    assert "that the matter be referred to the Audit Committee" in [d.text for d in result.decisions]
    assert any("publish the scheme" in c.text for c in result.commitments)


def test_numbered_reasons_for_refusal_are_not_decisions():
    text = ("Following a vote, the Committee RESOLVED to refuse planning permission for the following reasons:\n"
            "1. The proposal would harm the character of the conservation area.\n"
            "2. The access would not provide adequate visibility.\n")
    assert _decisions(text) == ["to refuse planning permission for the following reasons:"]
    assert _commitments(text) == []


def test_bare_outcomes_on_their_own_line():
    text = ("9. 25/0021 – LAND AT ASH LANE\nApproved subject to conditions.\n\n"
            "10. 25/0044 – 2 MILL ROW\nRefused – contrary to Policy H3.\n\n11. WARD FUNDING\nRecommendation agreed.\n\n"
            "Approved by the Chair as a correct record.\nSigned ..........\n")
    assert _decisions(text) == ["Approved subject to conditions", "Refused – contrary to Policy H3", "Recommendation agreed"]


def test_clerk_is_to_and_assurances_not_to_act():
    text = ("The Clerk is to write to the landowner about the hedge. The aim is to reduce fly-tipping by half.\n\n"
            "The Portfolio Holder gave an assurance that the library would not close.\n\n"
            "Councillor Hale asked for assurance that the bus service would not be cut.\n")
    got = _commitments(text)
    assert got == ["The Clerk is to write to the landowner about the hedge",
                   "The Portfolio Holder gave an assurance that the library would not close"]


def test_only_a_party_to_the_application_undertakes_to_accept():
    text = ("Councillor Vine said the residents would accept a reduced service if it meant lower charges. "
            "Mr Quist, the agent, said that the applicant would accept a condition limiting deliveries.\n")
    assert _commitments(text) == ["the applicant would accept a condition limiting deliveries"]


def test_outside_and_political_groups_do_not_decide():
    text = ("The Friends Group agreed to raise funds for the benches. The Labour Group agreed with the approach.\n\n"
            "The Task and Finish Group agreed to hold a further evidence session in May.\n")
    assert _decisions(text) == ["to hold a further evidence session in May"]
