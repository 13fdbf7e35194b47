#pragma once
/// \file
/// The catalogue of agenda item kinds: what each `agenda_item::kind` means, in English and Chinese.
///
/// Rule ids say which rule an item reports; kinds say what the clerk has to do. `docs/rules.md` lists
/// this table beside the rules (scripts/rules-table), and a unit test checks that every kind the code
/// puts on the agenda is listed here. A kind is stable like a rule id.

#include <optional>
#include <span>
#include <string_view>

namespace dangyuan {

/// One kind of agenda item.
struct agenda_kind_info {
    std::string_view kind;     ///< `<domain>.<name>`, as in `agenda_item::kind`
    std::string_view english;  ///< what is due or found, one line
    std::string_view chinese;  ///< the same for the clerk (中文)
};

namespace detail {
// clang-format off
inline constexpr agenda_kind_info agenda_kind_table[] = {
    // development pipeline (发展党员)
    {"dev.talk", "first talk with the applicant due", "派人与入党申请人谈话"},
    {"dev.assessment", "half-year assessment of an activist or development target due", "半年培养考察"},
    {"dev.activist_filing", "activist not yet filed with the higher committee", "入党积极分子报上级党委备案"},
    {"dev.contacts", "activist without cultivation contacts", "指定培养联系人"},
    {"dev.target_filing", "development target not yet filed with the higher committee", "发展对象报上级党委备案"},
    {"dev.admission_meeting", "admission meeting due after the pre-review (local profile)", "预审后召开支部大会"},
    {"dev.approval", "higher committee's approval of an admission due", "上级党委审批接收预备党员"},
    {"dev.oath", "oath due after approval (local profile)", "入党宣誓"},
    {"dev.probation_end", "probation ends: conversion application and meeting", "预备期满，提出转正申请并讨论"},
    {"dev.conversion_meeting", "probation has ended: the branch meeting on the conversion is due or overdue", "预备期已满，支部大会讨论转正"},
    {"dev.conversion_approval", "higher committee's approval of a conversion decision due", "上级党委审批转正"},
    {"dev.archive", "development materials to archive after conversion", "发展党员材料归档"},
    // mobile members, certificates, transfers, lost contact
    {"mobility.register_mobile", "member away long enough to be registered as a mobile member", "登记为流动党员"},
    {"mobility.transfer_required", "relationship must be transferred after a stay at a fixed place", "转接组织关系"},
    {"mobility.yearly_report", "mobile member's yearly report to the home organisation due", "流动党员向流出地党组织年度汇报"},
    {"certificate.annual_review", "annual review of the 流动党员活动证 due", "《流动党员活动证》年审"},
    {"certificate.expiry", "certificate reaches the end of its validity (profile)", "《流动党员活动证》到期"},
    {"certificate.not_handed_back", "member returned but the certificate was not handed back", "返回后未交回《流动党员活动证》"},
    {"certificate.several_valid", "member holds more than one valid certificate", "同时持有多本有效《流动党员活动证》"},
    {"transfer.receipt_pending", "transfer letter's receipt not returned", "组织关系介绍信回执未退回"},
    {"transfer.letter_expired", "transfer letter expired without receipt", "组织关系介绍信已过有效期"},
    {"lostcontact.suspension_candidate", "lost contact long enough to consider suspension", "失联满6个月，拟停止党籍"},
    {"lostcontact.removal_candidate", "suspended and unreachable long enough to consider removal", "停止党籍满2年仍无法取得联系，拟除名"},
    {"lostcontact.self_withdrawal_candidate", "six months without organisational life, dues or work", "连续6个月不参加组织生活、不交纳党费或不做分配的工作"},
    {"abroad.suspend_candidate", "settled abroad, or abroad for study more than 5 years: suspension to consider", "私自出国定居或出国学习超过5年未归，一般应停止党籍"},
    {"abroad.contact_due", "member studying or researching abroad: the half-yearly contact is due", "出国学习研究党员每半年至少联系一次"},
    {"abroad.graduate_relationship_due", "graduate's relationship kept at the university for 2 years", "毕业生党员组织关系在学校保留一般不超过2年"},
    // democratic evaluation and disposition
    {"eval.yearly_missing", "branch without a democratic evaluation in the year", "本年度未开展民主评议党员"},
    {"eval.party_spirit_analysis_due", "periodic party-spirit analysis due (local option, off by default)", "党性定期分析到期"},
    {"eval.self_assessment_missing", "member without a self-assessment in a campaign", "未进行个人自评"},
    {"eval.convey_proposal", "proposed grade to convey to the member", "向本人反馈评定意见"},
    {"eval.grade_pending", "member still without a grade after the organisational assessment", "尚未确定评议等次"},
    {"eval.send_result", "grade to report to the higher organisation", "评议结果报上级党组织"},
    {"eval.follow_up_due", "follow-up of a grade due (praise, help, disposition)", "评议结果运用"},
    {"disposition.next_step", "next procedural step of a disposition due", "组织处置下一程序"},
    {"disposition.correction_review", "end of a correction period: review due", "限期改正期满考察"},
    {"disposition.persuasion_answer", "member persuaded to withdraw has not answered", "劝其退党后的答复"},
    {"disposition.consider_persuasion", "correction failed: consider persuasion to withdraw", "限期改正无效，考虑劝其退党"},
    {"disposition.consider_removal", "persuasion refused: consider removal", "劝而不退，考虑除名"},
    // organisational life, training, dues
    {"life.meeting_due", "meeting of the cadence due in the current period", "按期召开组织生活"},
    {"life.meeting_missed", "meeting of the cadence missed in a past period", "未按期召开组织生活"},
    {"life.no_org_life", "member without organisational life for six months", "连续6个月未参加组织生活"},
    {"training.shortfall", "member short of the year's training hours", "年度学习培训学时不足"},
    {"training.new_secretary_due", "new secretary's training due within half a year of taking office", "新任书记半年内完成任职培训"},
    {"training.secretary_rotation_due", "secretary's yearly county-level rotation training due", "书记每年至少参加一次县级以上轮训"},
    {"training.new_member_due", "probationary or first-year member's higher-level training due", "预备党员和入党第一年正式党员参加上级培训"},
    {"dues.arrears", "dues unpaid past their month", "欠交党费"},
    {"dues.self_withdrawal_candidate", "six consecutive months of dues unpaid", "连续6个月未交纳党费"},
    // organisations
    {"org.term_expiry", "committee term ends: election due", "任期届满，按期换届"},
    {"org.too_few_full_members", "branch below the minimum of full members", "正式党员不足3人"},
    {"org.branch_too_large", "branch above the advisory size", "党员人数超过50人"},
    {"org.committee_missing", "branch large enough to need a committee has none", "应设支部委员会而未设"},
    {"org.set_up_general_branch", "50 or more members: a general branch should be set up", "党员50人以上，应设立党总支"},
    {"org.set_up_grassroots_committee", "100 or more members: a grassroots committee should be set up", "党员100人以上，应设立基层党委"},
    {"org.joint_branch_too_many_units", "joint branch covering more than 5 units", "联合党支部覆盖单位超过5个"},
    // elections (换届选举)
    {"election.request_pending", "election request awaiting the higher organisation's approval", "换届请示待上级批复"},
    {"election.result_to_report", "election result not yet reported to the higher organisation", "选举结果待报上级党组织"},
    {"election.secretary_approval_pending", "secretary elected, awaiting the higher organisation's approval", "书记、副书记待上级批准"},
    {"election.overdue", "term ended, election not held, no extension approved", "任期届满未换届且未经批准延期"},
    {"election.extension_overdue", "approved extension passed, election still not held", "延期换届逾期仍未选举"},
    // village and community decisions (四议两公开)
    {"decision.resolution_not_public", "resolution of a village decision not yet public", "村级重大事项决议尚未公开"},
    {"decision.result_not_public", "result of a village decision's implementation not yet public", "村级重大事项实施结果尚未公开"},
    // in-service members in the community (在职党员进社区)
    {"community.service_short", "registered member served fewer hours in the community than the year asks", "在职党员到社区服务时长不足"},
    {"community.feedback_due", "community's yearly feedback on a registered member not yet given", "社区年度反馈意见尚未报送"},
    // model posts (党员示范岗)
    {"honours.post_review_due", "review (复评) of a model post due or overdue", "党员示范岗复评"},
    // party-building appraisal and accountability (述职评议考核, 问责)
    {"appraisal.report_missing", "secretary's party-building report (述职) of an appraisal cycle not yet made", "党建工作述职尚未进行"},
    {"appraisal.rectification_overdue", "rectification within a deadline (限期整改) not completed", "限期整改尚未完成"},
    {"appraisal.followup_due", "organisation rated poor or below the satisfaction threshold without accountability", "评议结果较差，尚未问责"},
    // rectification of weak organisations (软弱涣散党组织, 后进社区整顿)
    {"rectification.contacts_missing", "contacts of 四联四帮 not all assigned to an organisation under rectification", "整顿对象四联四帮未落实"},
    {"rectification.milestone_due", "milestone of a rectification plan due or overdue", "整顿方案事项到期未完成"},
    {"rectification.overdue", "organisation on the rectification list past its time limit", "整顿超期未销号"},
    // coverage of units (两新组织党建覆盖)
    {"coverage.establish_due", "unit with 3 or more full members has no party organisation of its own", "单位有正式党员3人以上未单独建立党组织"},
    {"coverage.joint_branch_single_unit", "joint branch covers fewer than two units", "联合党支部覆盖单位不足两个"},
};
// clang-format on
}  // namespace detail

/// Every agenda item kind, grouped by domain.
[[nodiscard]] constexpr std::span<agenda_kind_info const> agenda_kinds() noexcept {
    return detail::agenda_kind_table;
}

/// The entry of `kind`, if it is catalogued.
[[nodiscard]] constexpr std::optional<agenda_kind_info> agenda_kind(std::string_view kind) noexcept {
    for (auto const& k : detail::agenda_kind_table)
        if (k.kind == kind) return k;
    return std::nullopt;
}

}  // namespace dangyuan
