// Strong ids: one Python class per id kind. Ids of different kinds never compare equal, and a bare int
// is not accepted where an id is expected (wrap it: dangyuan.OrgId(3)).

#include <functional>
#include <string>

#include "common.hpp"
#include "dangyuan/appraisal/appraisal.hpp"
#include "dangyuan/community/community.hpp"
#include "dangyuan/coverage/coverage.hpp"
#include "dangyuan/decision/decision_case.hpp"
#include "dangyuan/election/election_case.hpp"
#include "dangyuan/honours/commendation.hpp"
#include "dangyuan/honours/model_post.hpp"
#include "dangyuan/rectification/rectification.hpp"
#include "dangyuan/storage/mobility_store.hpp"

namespace dangyuan::python {

namespace {

template <class Tag>
void bind_id(py::module_& m, char const* name, char const* doc) {
    using id = strong_id<Tag>;
    std::string const type_name = name;
    py::class_<id> cls(m, name, doc);
    // Comparisons with anything but the same id kind return NotImplemented: == is then False and
    // ordering raises TypeError, as for unrelated Python types.
    auto const compare = [&cls](char const* op, auto test) {
        cls.def(
            op,
            [test](id a, py::handle b) -> py::object {
                if (!py::isinstance<id>(b)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
                return py::bool_(test(a, b.cast<id>()));
            },
            py::is_operator());
    };
    compare("__eq__", std::equal_to<id>{});
    compare("__ne__", std::not_equal_to<id>{});
    compare("__lt__", std::less<id>{});
    compare("__le__", std::less_equal<id>{});
    compare("__gt__", std::greater<id>{});
    compare("__ge__", std::greater_equal<id>{});
    cls.def(py::init([](py::handle value) { return id{load<std::int64_t>(value, "value")}; }),
            py::arg("value"), "Wraps the integer id assigned by the store.")
        .def_property_readonly("value", &id::value, "The integer, for storage and display.")
        .def_property_readonly("valid", &id::valid, "True when the id was assigned (positive).")
        .def("__hash__", [](id a) { return py::hash(py::make_tuple(py::str("dangyuan.id"), a.value())); })
        .def("__repr__", [type_name](id a) { return type_name + "(" + std::to_string(a.value()) + ")"; })
        .def(py::pickle([](id a) { return py::make_tuple(a.value()); },
                        [](py::tuple const& t) { return id{t[0].cast<std::int64_t>()}; }));
}

}  // namespace

void bind_ids(py::module_& m) {
    bind_id<member_tag>(m, "MemberId", "A party member (党员) or a person on the roster.");
    bind_id<org_tag>(m, "OrgId", "A party organisation (党组织).");
    bind_id<case_tag>(m, "CaseId", "A development case (发展党员 pipeline of one person).");
    bind_id<episode_tag>(m, "EpisodeId", "A mobility episode (one period away from the home branch).");
    bind_id<campaign_tag>(m, "CampaignId", "A democratic-evaluation campaign (民主评议).");
    bind_id<meeting_tag>(m, "MeetingId", "A meeting of organisational life (组织生活).");
    bind_id<transfer_letter_tag>(
        m, "TransferLetterId",
        "A transfer letter (党员组织关系介绍信) in the store; its serial is unique per "
        "issuing organisation only.");
    bind_id<election_tag>(m, "ElectionId", "An election case (换届选举) of one organisation for one term.");
    bind_id<decision_tag>(
        m, "DecisionId",
        "A decision case (重大事项决策, 四议两公开) of a village or community organisation.");
    bind_id<registration_tag>(m, "RegistrationId",
                              "A member's registration with a community (在职党员到社区报到).");
    bind_id<appraisal_cycle_tag>(m, "AppraisalCycleId", "An appraisal cycle (党建工作述职评议考核).");
    bind_id<appraisal_report_tag>(m, "AppraisalReportId",
                                  "A secretary's report (述职) in an appraisal cycle.");
    bind_id<accountability_tag>(m, "AccountabilityId", "An accountability record (党建工作问责).");
    bind_id<model_post_tag>(m, "ModelPostId", "A model post designation (党员示范岗).");
    bind_id<commendation_tag>(m, "CommendationId", "A commendation (两优一先) in the store.");
    bind_id<rectification_tag>(
        m, "RectificationId",
        "A designation of an organisation for rectification (列入整顿, 软弱涣散党组织).");
    bind_id<unit_tag>(m, "UnitId", "A unit (单位) of the coverage register.");
    bind_id<coverage_link_tag>(m, "CoverageLinkId", "An organisation's coverage of a unit (党组织覆盖).");
    bind_id<instructor_tag>(m, "InstructorId", "A party-building instructor's assignment (选派党建指导员).");
    bind_id<member_unit_tag>(m, "MemberUnitId", "A member's work in a unit of the coverage register.");
}

}  // namespace dangyuan::python
