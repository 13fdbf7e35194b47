// Model posts and commendations (党员示范岗, 两优一先): the designation with its reviews and end
// (honours/model_post.hpp), commendations (honours/commendation.hpp), the agenda item of a review due
// (honours_agenda.hpp), the year statistics (honours_statistics.hpp), the parameter block HonoursParams
// (rules/params_honours.hpp, bound in bind_rule_set.cpp) and the store operations of
// storage/honours_store.hpp as methods of Store.

#include <optional>
#include <string>
#include <vector>

#include "command.hpp"
#include "dangyuan/honours/commendation.hpp"
#include "dangyuan/honours/honours_agenda.hpp"
#include "dangyuan/honours/honours_statistics.hpp"
#include "dangyuan/honours/model_post.hpp"
#include "dangyuan/rules/params_honours.hpp"
#include "dangyuan/storage/honours_store.hpp"
#include "domains.hpp"

namespace dangyuan::python {

DANGYUAN_PY_RECORD(model_post_review, "ModelPostReview");
DANGYUAN_PY_RECORD(model_post_ending, "ModelPostEnding");
DANGYUAN_PY_RECORD(model_post_designation, "ModelPostDesignation");
DANGYUAN_PY_RECORD(model_post, "ModelPost");
DANGYUAN_PY_RECORD(commendation, "Commendation");

DANGYUAN_PY_TABLE(model_post, "ModelPosts");
DANGYUAN_PY_TABLE(commendation, "Commendations");

#define F(T, x) DANGYUAN_PY_FIELD(T, x)
#define R(T, x) DANGYUAN_PY_REQUIRED(T, x)

DANGYUAN_PY_FIELDS(model_post_review, R(model_post_review, date), F(model_post_review, note))
DANGYUAN_PY_FIELDS(model_post_ending, R(model_post_ending, date), F(model_post_ending, kind),
                   F(model_post_ending, reason))
DANGYUAN_PY_FIELDS(model_post_designation, R(model_post_designation, member),
                   R(model_post_designation, awarded_by), R(model_post_designation, date),
                   R(model_post_designation, title), F(model_post_designation, review_by),
                   F(model_post_designation, note))
DANGYUAN_PY_FIELDS(model_post, F(model_post, id), F(model_post, member), F(model_post, member_name),
                   F(model_post, branch), F(model_post, awarded_by), F(model_post, awarded_by_name),
                   R(model_post, designated_on), F(model_post, title), F(model_post, review_by),
                   F(model_post, note), F(model_post, rule_set_name), F(model_post, reviews),
                   F(model_post, ending), F(model_post, member_left))
DANGYUAN_PY_FIELDS(commendation, F(commendation, id), R(commendation, kind), F(commendation, level),
                   R(commendation, date), R(commendation, awarded_by), F(commendation, member),
                   F(commendation, org), F(commendation, campaign), F(commendation, note),
                   F(commendation, recipient_org), F(commendation, recipient_name))

#undef F
#undef R

// ---- tables

void table_spec<model_post>::columns(column_builder<model_post>& b) {
    using r = model_post;
    b.integer("id", [](r const& x) { return x.id.value(); });
    b.integer("member", [](r const& x) { return x.member.value(); });
    b.text("member_name", [](r const& x) -> std::string const& { return x.member_name; });
    b.integer("branch", [](r const& x) { return x.branch.value(); });
    b.integer("awarded_by", [](r const& x) { return x.awarded_by.value(); });
    b.text(
        "awarded_by_name", [](r const& x) -> std::string const& { return x.awarded_by_name; }, true);
    b.dates("designated_on", [](r const& x) { return x.designated_on; });
    b.text("title", [](r const& x) -> std::string const& { return x.title; });
    b.dates("review_by", [](r const& x) { return x.review_by; });
    b.dates("last_reviewed", [](r const& x) {
        return x.reviews.empty() ? std::optional<date::sys_days>{} : x.reviews.back().date;
    });
    b.dates("ended_on", [](r const& x) { return x.ending ? std::optional(x.ending->date) : std::nullopt; });
    b.category<model_post_end>(
        "end", [](r const& x) { return x.ending ? std::optional(x.ending->kind) : std::nullopt; });
    b.dates("member_left", [](r const& x) { return x.member_left; });
    b.text(
        "rule_set_name", [](r const& x) -> std::string const& { return x.rule_set_name; }, true);
}

void table_spec<commendation>::columns(column_builder<commendation>& b) {
    using r = commendation;
    b.integer("id", [](r const& x) { return x.id.value(); });
    b.category<commendation_kind>("kind", [](r const& x) { return x.kind; });
    b.category<commendation_level>("level", [](r const& x) { return x.level; });
    b.dates("date", [](r const& x) { return x.date; });
    b.text(
        "awarded_by", [](r const& x) -> std::string const& { return x.awarded_by; }, true);
    b.optional_integer("member", [](r const& x) { return id_value(x.member); });
    b.optional_integer("org", [](r const& x) { return id_value(x.org); });
    b.optional_integer("campaign", [](r const& x) { return id_value(x.campaign); });
    b.integer("recipient_org", [](r const& x) { return x.recipient_org.value(); });
    b.text("recipient_name", [](r const& x) -> std::string const& { return x.recipient_name; });
    b.text("note", [](r const& x) -> std::string const& { return x.note; });
}

void bind_commendation(py::module_& m) {
    auto const national = rule_set::national_2014();

    // ---- enums
    bind_enum<model_post_end>(m, "How a model post designation ended: revoked (撤销) or lapsed (期满终止).");
    bind_enum<commendation_kind>(
        m, "The commendations of 两优一先: 优秀共产党员, 优秀党务工作者, 先进基层党组织.")
        .def_property_readonly("to_member", &awarded_to_member,
                               "True for the kinds awarded to a member (the first two).");
    bind_enum<commendation_level>(m, "The level of a commendation: 本级, 区县级, 市级, 省级, 全国.");

    // ---- records
    record_class<model_post_review>(
        m, "A review (复评) of a model post: date, note. It renews the designation.");
    record_class<model_post_ending>(
        m, "The end of a model post: date, kind (ModelPostEnd), reason (required for revoked).");
    record_class<model_post_designation>(
        m,
        "A new model post: member, awarded_by (the member's branch or an organisation above it), date, "
        "title, review_by (an earlier first review), note.");
    record_class<model_post>(
        m,
        "A model post designation (党员示范岗) with its reviews and end; member_left is the member's exit "
        "from the party, read from the roster.")
        .def(
            "active_on", [](model_post const& p, date::sys_days d) { return post_active_on(p, d); },
            py::arg("date"), "True when the designation is in force on the date.");
    record_class<commendation>(
        m,
        "A commendation (两优一先): kind, level, date, awarded_by, member (the first two kinds) or org "
        "(先进基层党组织), campaign (the evaluation whose follow-up 表扬 it is), note; recipient_org and "
        "recipient_name are filled in by the store.");
    register_table<model_post>(
        m,
        "Model posts, one row each: id, member, member_name, branch, awarded_by, awarded_by_name, "
        "designated_on, title, review_by, last_reviewed, ended_on, end, member_left, rule_set_name.");
    register_table<commendation>(
        m,
        "Commendations, one row each: id, kind, level, date, awarded_by, member, org, campaign, "
        "recipient_org, recipient_name, note.");

    output_class<commendation_count>(m, "CommendationCount", "Commendations of one kind and level.")
        .def_readonly("kind", &commendation_count::kind)
        .def_readonly("level", &commendation_count::level)
        .def_readonly("count", &commendation_count::count);
    output_class<honours_statistics>(m, "HonoursStatistics",
                                     "The year's model posts and commendations of a scope.")
        .def_readonly("year", &honours_statistics::year)
        .def_readonly("posts_active_at_year_end", &honours_statistics::posts_active_at_year_end)
        .def_readonly("posts_new", &honours_statistics::posts_new)
        .def_readonly("posts_ended", &honours_statistics::posts_ended)
        .def_readonly("commendations", &honours_statistics::commendations)
        .def_readonly("by_kind_and_level", &honours_statistics::by_kind_and_level,
                      "CommendationCount for each kind and level with at least one, kinds then levels.");

    // ---- pure rules
    m.def(
        "post_review_due",
        [](model_post const& p, date::sys_days as_of, rule_set const& rules) {
            return post_review_due(p, rules, as_of);
        },
        py::arg("post"), py::arg("as_of"), py::arg("rules") = national,
        "The date the next review (复评) of a model post is due, counting its reviews up to as_of "
        "(honours.post_review_due), or None without a review period.");
    m.def(
        "model_post_agenda",
        [](model_post const& p, date::sys_days as_of, rule_set const& rules) {
            std::vector<agenda_item> items;
            if (auto item = model_post_agenda(p, as_of, rules)) items.push_back(std::move(*item));
            return record_table<agenda_item>(std::move(items));
        },
        py::arg("post"), py::arg("as_of"), py::arg("rules") = national,
        "The agenda item honours.post_review_due of a model post on as_of (none or one).");
    m.def(
        "check_commendation_form",
        [](py::handle c) { check_commendation_form(record_from_python<commendation>(c)); },
        py::arg("commendation"),
        "Checks that a commendation names its awarding body and exactly the recipient its kind takes. Raises "
        "InvalidInput (.field: awarded_by, member, org, campaign).");

    // ---- the parameter block
    auto params = existing_class<honours_params>(m, "HonoursParams");
    params.def_readwrite("model_post_review_months", &honours_params::model_post_review_months);
    params_repr(params, "HonoursParams", {"model_post_review_months"});

    // ---- Store
    using h = store_handle;
    auto cls = existing_class<h>(m, "Store");
    def_command(
        cls, "designate_model_post", &designate_model_post, py::arg("designation") = py::none(),
        py::pos_only(), py::kw_only(), py::arg("why") = "",
        "Designates a model post (党员示范岗): a ModelPostDesignation, a mapping, or keywords member=, "
        "awarded_by=, date=, title=, review_by=, note=. Returns the ModelPostId. Raises RuleViolation "
        "honours.post_eligible_member, honours.post_awarded_at_or_above_branch, "
        "honours.post_review_due; InvalidInput (title, review_by); NotFound.");
    def_command(
        cls, "review_model_post", &review_model_post, py::arg("post"), py::arg("review") = py::none(),
        py::pos_only(), py::kw_only(), py::arg("why") = "",
        "Records a review (复评) of a model post (date=, note=), which renews it. Raises InvalidInput "
        "(date, post), NotFound, Conflict.");
    def_command(cls, "end_model_post", &end_model_post, py::arg("post"), py::arg("ending") = py::none(),
                py::pos_only(), py::kw_only(), py::arg("why") = "",
                "Ends a model post: date=, kind= (revoked with a reason=, or lapsed). Raises InvalidInput "
                "(date, post, reason), NotFound, Conflict.");
    def_command(cls, "get_model_post", &get_model_post, py::arg("post"),
                "The ModelPost (NotFound otherwise).");
    def_command<as_table>(cls, "member_model_posts", &member_model_posts, py::arg("member"),
                          "The model posts of a member, as a ModelPosts table.");
    def_command<as_table>(cls, "model_posts", &model_posts, py::arg("scope") = py::none(),
                          py::arg("year") = py::none(),
                          "The model posts of the branches in scope, made in year when given, as a "
                          "ModelPosts table.");
    def_command(
        cls, "commend", &commend, py::arg("commendation") = py::none(), py::pos_only(), py::kw_only(),
        py::arg("why") = "",
        "Records a commendation (两优一先): a Commendation, a mapping, or keywords kind=, level=, date=, "
        "awarded_by=, member= or org=, campaign=, note=. Returns the CommendationId. Raises "
        "InvalidInput (.field), RuleViolation commendation.member_in_good_standing, "
        "commendation.org_active, commendation.follows_evaluation; NotFound.");
    def_command(cls, "get_commendation", &get_commendation, py::arg("commendation"),
                "The Commendation (NotFound otherwise).");
    def_command<as_table>(cls, "member_commendations", &member_commendations, py::arg("member"),
                          "The commendations of a member, as a Commendations table.");
    def_command<as_table>(cls, "org_commendations", &org_commendations, py::arg("org"),
                          "The commendations of an organisation itself (先进基层党组织), as a Commendations "
                          "table.");
    def_command<as_table>(cls, "commendations", &commendations, py::arg("scope") = py::none(),
                          py::arg("year") = py::none(),
                          "The commendations belonging to the organisations in scope, dated in year when "
                          "given, as a Commendations table.");
    def_command(
        cls, "honours_statistics", &honours_statistics_for, py::arg("year"), py::arg("scope") = py::none(),
        "The HonoursStatistics of a year for a scope: model posts in force at the year's end, new and "
        "ended ones, commendations by kind and level.");
}

}  // namespace dangyuan::python
