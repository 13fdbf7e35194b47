// The organisation work of the sample district (区2020年组织工作要点, items 13 and 14): in-service members
// registered with a community, their service and the community's feedback; model posts and
// commendations. Written after the other domains, with a random stream of its own, through the public
// store API, so that every rule the store checks is met and the rest of the district is the same with
// or without it. Bounded like the other domains: a million-member district takes no longer than a small
// one.

#include "sample/organisation_work.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "dangyuan/core/calendar.hpp"
#include "dangyuan/storage/appraisal_store.hpp"
#include "dangyuan/storage/community_store.hpp"
#include "dangyuan/storage/coverage_store.hpp"
#include "dangyuan/storage/evaluation_store.hpp"
#include "dangyuan/storage/honours_store.hpp"
#include "dangyuan/storage/rectification_store.hpp"
#include "sample/random.hpp"

namespace dangyuan::sample::detail {
namespace {

using date::days;
using date::sys_days;

// Named apart from domains.cpp's helpers: the two files are compiled as one unit in unity builds.
constexpr char const* work_note = "示例数据";

int year_in(sys_days d) {
    return int(date::year_month_day{d}.year());
}

class organisation_work {
public:
    organisation_work(store& s, roster_facts const& f, options const& o, summary& out)
        : s_(s), f_(f), R_(o.as_of), r_(o.seed ^ 0x3C6EF372FE94F82BULL), out_(out), progress_(o.progress) {}

    void run() {
        for (auto const& u : s_.orgs())
            if (u.village_or_community && is_branch(u.kind) && !u.dissolved && u.established < R_ - days{800})
                communities_.push_back(u.id);
        community();
        model_posts();
        commendations();
        appraisal();
        rectification();
        coverage();
    }

private:
    void report(std::string_view phase, std::int64_t done, std::int64_t total) {
        if (progress_) progress_(phase, done, total);
    }

    // A member of the roster part still in its branch and in normal standing on `d` (the other domains
    // may have moved or changed some since the roster part was written).
    bool in_good_standing(std::int64_t seq, sys_days d) const {
        auto const& m = (*f_.members)[static_cast<std::size_t>(seq)];
        if (m.touched || !m.full || *m.full > d || m.joined > d) return false;
        for (auto const day : {d, R_}) {
            auto const st = s_.standing_on(id_of(seq), day);
            if (!st || st->state != standing_state::normal) return false;
        }
        return true;
    }

    member_id id_of(std::int64_t seq) const { return (*f_.ids)[static_cast<std::size_t>(seq)]; }

    // Distinct members of the roster part, drawn at random, who are in service (not retired) and belong
    // to a branch that is not itself a village or community one.
    std::vector<std::int64_t> in_service(std::size_t want, sys_days on) {
        std::set<org_id> places(communities_.begin(), communities_.end());
        std::vector<std::int64_t> out;
        auto const n = static_cast<std::int64_t>(f_.members->size());
        for (int tries = 0; out.size() < want && tries < static_cast<int>(want) * 40; ++tries) {
            auto const seq = static_cast<std::int64_t>(r_.below(static_cast<std::size_t>(n)));
            auto const& m = (*f_.members)[static_cast<std::size_t>(seq)];
            if (m.retired || chosen_.count(seq) || !in_good_standing(seq, on)) continue;
            if (places.count(s_.get_member(id_of(seq)).branch)) continue;
            chosen_.insert(seq);
            out.push_back(seq);
        }
        return out;
    }

    // ---- in-service members in the community (在职党员进社区): up to 40 registrations, most with the
    // previous year's feedback given; one without (community.feedback_due), one ended.

    void community() {
        if (communities_.empty()) return;
        auto const year = year_in(R_);
        auto const registered_from = R_ - days{r_.between(500, 700)};
        auto const chosen = in_service(40, registered_from);
        for (std::size_t k = 0; k < chosen.size(); ++k) {
            report("community", static_cast<std::int64_t>(k) + 1, static_cast<std::int64_t>(chosen.size()));
            auto const m = id_of(chosen[k]);
            auto const on = registered_from + days{r_.between(0, 120)};
            auto const place = communities_[r_.below(communities_.size())];
            auto const reg = register_with_community(s_, m, place, on, {}, work_note);
            ++out_.community_registrations;
            static constexpr std::array<std::string_view, 4> activities{"志愿服务", "政策宣传", "环境整治",
                                                                        "帮扶困难群众"};
            for (int y = year - 1; y <= year; ++y) {
                auto const services = r_.between(1, 4);
                for (int i = 0; i < services; ++i) {
                    auto const first = std::max(on + days{1}, make_date(y, 1, 1));
                    auto const last = std::min(R_, make_date(y, 12, 31));
                    if (first > last) continue;
                    auto const d = r_.date_between(first, last);
                    (void)record_community_service(
                        s_,
                        community_service{.member = m,
                                          .date = d,
                                          .activity = std::string(activities[r_.below(activities.size())]),
                                          .tenths = r_.between(10, 40)},
                        work_note);
                    ++out_.community_services;
                }
            }
            // The feedback on the previous year, in its December; the first registration waits for it.
            if (k > 0 && on < make_date(year - 1, 12, 1)) {
                static constexpr std::array ratings{community_rating::good, community_rating::good,
                                                    community_rating::fairly_good, community_rating::average};
                give_community_feedback(s_,
                                        community_feedback_record{.member = m,
                                                                  .community = place,
                                                                  .year = year - 1,
                                                                  .rating = ratings[r_.below(ratings.size())],
                                                                  .given_on = make_date(year - 1, 12, 20)},
                                        work_note);
                ++out_.community_feedback;
            }
            if (k == 1) leave_community(s_, reg, R_ - days{r_.between(10, 30)}, work_note);
        }
    }

    // ---- model posts (党员示范岗): up to 12, designated by the member's branch, some reviewed, one
    // review overdue (designated more than a year ago, never reviewed).

    void model_posts() {
        static constexpr std::array<std::string_view, 4> titles{"党员示范岗", "党员先锋岗", "党员服务窗口",
                                                                "党员责任区"};
        auto const chosen = in_service(12, R_ - days{420});
        for (std::size_t k = 0; k < chosen.size(); ++k) {
            report("model posts", static_cast<std::int64_t>(k) + 1, static_cast<std::int64_t>(chosen.size()));
            auto const m = id_of(chosen[k]);
            auto const branch = s_.get_member(m).branch;
            auto const on = k == 0 ? R_ - days{r_.between(380, 420)} : R_ - days{r_.between(30, 330)};
            auto const id = designate_model_post(
                s_,
                model_post_designation{
                    .member = m, .awarded_by = branch, .date = on, .title = std::string(titles[k % 4])},
                work_note);
            ++out_.model_posts;
            if (k % 3 == 2 && on + days{60} < R_)
                review_model_post(s_, id, model_post_review{on + days{r_.between(30, 59)}, "复评合格"},
                                  work_note);
        }
    }

    // ---- commendations (两优一先): the members commended (表扬) by the previous year's evaluation
    // campaigns are named 优秀共产党员 citing the campaign, up to 10; each such branch 先进基层党组织.

    void commendations() {
        auto const year = year_in(R_) - 1;
        int given = 0;
        for (auto const& c : campaigns(s_, scope::all(), year)) {
            if (given >= 10) break;
            auto const full = get_campaign(s_, c.id);
            std::optional<sys_days> latest;
            for (auto const& rec : full.records) {
                auto const* f = std::get_if<follow_up>(&rec);
                if (!f || f->kind != follow_up_kind::commended || given >= 10) continue;
                auto const on = f->date + days{r_.between(5, 20)};
                if (on > R_ || !s_.standing_on(f->member, on) ||
                    s_.standing_on(f->member, on)->state != standing_state::normal)
                    continue;
                (void)commend(s_,
                              commendation{.kind = commendation_kind::outstanding_member,
                                           .level = commendation_level::awarding_org,
                                           .date = on,
                                           .awarded_by = c.org_name,
                                           .member = f->member,
                                           .campaign = c.id,
                                           .note = "表彰决定"},
                              work_note);
                ++given;
                ++out_.commendations;
                latest = std::max(latest.value_or(on), on);
            }
            if (latest) {
                (void)commend(s_,
                              commendation{.kind = commendation_kind::advanced_organisation,
                                           .level = commendation_level::district,
                                           .date = *latest,
                                           .awarded_by = "区委",
                                           .org = c.org,
                                           .note = "先进基层党组织表彰"},
                              work_note);
                ++out_.commendations;
            }
        }
    }

    // ---- party-building appraisal (述职评议考核) of the previous year: the top committee appraises
    // itself and the organisations directly below it (levels 2) in January; those without a secretary in
    // office do not report (appraisal.report_missing on the agenda); one rated 差 is held to account with
    // a rectification (限期整改) still open (appraisal.rectification_overdue).

    void appraisal() {
        auto const all = s_.orgs();
        if (all.empty()) return;
        auto const& top = all.front();
        if (!is_committee(top.kind)) return;
        auto const year = year_in(R_) - 1;
        auto const opened = make_date(year + 1, 1, 5);
        if (opened + days{60} > R_) return;
        auto const cycle = open_appraisal_cycle(
            s_, {.year = year, .organiser = top.id, .levels = 2, .opened_on = opened}, work_note);
        ++out_.appraisal_cycles;
        std::vector<org_id> reporting{top.id};
        for (auto const& o : all)
            if (o.parent == top.id && !o.dissolved && o.established < opened) reporting.push_back(o.id);
        bool poor_given = false;
        for (std::size_t k = 0; k < reporting.size(); ++k) {
            report("appraisal", static_cast<std::int64_t>(k) + 1,
                   static_cast<std::int64_t>(reporting.size()));
            auto const reported = opened + days{r_.between(3, 15)};
            appraisal_report_id rep;
            try {
                rep = record_appraisal_report(s_,
                                              {.cycle = cycle,
                                               .org = reporting[k],
                                               .reported_on = reported,
                                               .summary = "年度党建工作述职"},
                                              work_note);
            } catch (rule_violation const&) {
                continue;  // no secretary in office that day (appraisal.reporter_secretary): no report
            }
            ++out_.appraisal_reports;
            bool const poor = !poor_given && k > 0 && k % 4 == 3;
            auto const voters = r_.between(20, 40);
            appraisal_rating rating{.report = rep, .rated_on = reported + days{r_.between(5, 10)}};
            if (poor) {
                rating.votes_poor = voters / 2 + 1;
                rating.votes_average = voters - rating.votes_poor;
            } else {
                rating.votes_good = voters / 2 + r_.between(1, voters / 4);
                rating.votes_fairly_good = voters - rating.votes_good;
            }
            rating.satisfied = r_.between(30, 60);
            rating.basically_satisfied = r_.between(5, 20);
            rating.dissatisfied = poor ? r_.between(20, 40) : r_.between(0, 5);
            (void)rate_appraisal_report(s_, rating, work_note);
            if (poor) {
                poor_given = true;
                (void)record_accountability(s_,
                                            {.kind = accountability_kind::rectification,
                                             .org = reporting[k],
                                             .cycle = cycle,
                                             .decided_on = rating.rated_on + days{7},
                                             .reason = "述职评议为差，履职不到位"},
                                            work_note);
            } else if (k % 2 == 0) {
                apply_appraisal_result(
                    s_, {.report = rep, .applied_on = rating.rated_on + days{10}, .use = "纳入年度考核"},
                    work_note);
            }
        }
    }

    // ---- rectification of weak organisations (软弱涣散党组织整顿, 后进社区整顿): three community branches,
    // one removed from the list after its review, one with the four contacts and a milestone overdue,
    // one of the city's batch with two contacts only and past the time limit.

    void rectification() {
        if (communities_.size() < 4) return;
        auto const contact = [&](rectification_id id, rectification_contact_kind kind, std::string name,
                                 sys_days from, std::optional<org_id> paired = std::nullopt) {
            assign_rectification_contact(
                s_, id, {.kind = kind, .name = std::move(name), .org = paired, .start = from}, work_note);
        };
        auto const four = [&](rectification_id id, sys_days from, org_id paired) {
            contact(id, rectification_contact_kind::district_leader, "区委副书记", from);
            contact(id, rectification_contact_kind::district_department, "区委组织部", from);
            contact(id, rectification_contact_kind::first_secretary, "区派第一书记", from);
            contact(id, rectification_contact_kind::paired_community, "", from, paired);
        };
        // Removed after a passed review.
        auto const done_on = R_ - days{r_.between(480, 520)};
        auto const done = designate_for_rectification(s_,
                                                      {.org = communities_[0],
                                                       .date = done_on,
                                                       .kind = rectification_kind::weak_org,
                                                       .reasons = {rectification_reason::org_life_irregular}},
                                                      work_note);
        four(done, done_on + days{10}, communities_[3]);
        auto const m1 = add_rectification_milestone(
            s_, done, {.text = "健全组织生活制度", .due = done_on + days{90}}, work_note);
        complete_rectification_milestone(s_, done, m1, done_on + days{80}, work_note);
        record_rectification_commitment(
            s_, done, {done_on + days{15}, "按月召开支部委员会，按时开展主题党日"}, work_note);
        record_rectification_evaluation(s_, done,
                                        {.date = done_on + days{150},
                                         .evaluator = rectification_evaluator::masses,
                                         .satisfied = 42,
                                         .basically_satisfied = 10,
                                         .dissatisfied = 3},
                                        work_note);
        review_rectification(s_, done, {done_on + days{200}, acceptance_result::passed, "验收合格"},
                             work_note);
        remove_from_rectification(s_, done, done_on + days{210}, work_note);
        ++out_.rectifications;
        // Open, with a milestone overdue.
        auto const open_on = R_ - days{r_.between(180, 220)};
        auto const open =
            designate_for_rectification(s_,
                                        {.org = communities_[1],
                                         .date = open_on,
                                         .kind = rectification_kind::weak_org,
                                         .reasons = {rectification_reason::secretary_unfit,
                                                     rectification_reason::member_management_weak}},
                                        work_note);
        four(open, open_on + days{7}, communities_[3]);
        auto const first = add_rectification_milestone(
            s_, open, {.text = "调整充实支部班子", .due = open_on + days{60}}, work_note);
        complete_rectification_milestone(s_, open, first, open_on + days{50}, work_note);
        (void)add_rectification_milestone(s_, open, {.text = "建立党员积分管理台账", .due = R_ - days{20}},
                                          work_note);
        record_rectification_commitment(s_, open, {open_on + days{10}, "三个月内配齐配强支部班子"},
                                        work_note);
        ++out_.rectifications;
        // The city's batch: two contacts only, past rectification.max_months.
        auto const late_on = R_ - days{r_.between(400, 440)};
        auto const late = designate_for_rectification(s_,
                                                      {.org = communities_[2],
                                                       .date = late_on,
                                                       .kind = rectification_kind::lagging_community,
                                                       .batch = "第七批",
                                                       .reasons = {rectification_reason::public_complaints}},
                                                      work_note);
        contact(late, rectification_contact_kind::district_leader, "区人大常委会副主任", late_on + days{5});
        contact(late, rectification_contact_kind::district_department, "区民政局", late_on + days{5});
        ++out_.rectifications;
    }

    // ---- coverage of the new sectors (两新组织党建覆盖): the units of some enterprise and social
    // organisation branches (their members' work units) in the register, covered by their branch (单独
    // 组建) or their joint branch (联合组建), the members linked to their units; the last unit of a joint
    // branch left to an instructor (选派党建指导员) only.

    void coverage() {
        auto const all = s_.orgs();
        std::map<org_id, org_unit> by_id;
        for (auto const& o : all)
            by_id.emplace(o.id, o);
        auto const sector_of = [&](org_unit const& o) -> std::optional<unit_sector> {
            if (!o.parent) return std::nullopt;
            auto const& parent = by_id.at(*o.parent).name;
            if (parent.ends_with("非公有制经济组织党委")) return unit_sector::non_public_enterprise;
            if (parent.ends_with("社会组织党委")) return unit_sector::social_group;
            return std::nullopt;
        };
        int own = 0, joint = 0;
        std::uint64_t serial = 100000000;
        for (auto const& o : all) {
            auto const sector = sector_of(o);
            if (!sector || o.dissolved || o.established > R_ - days{400}) continue;
            bool const is_joint = o.kind == org_kind::joint_branch;
            if (!(is_joint ? joint < 3 : (o.kind == org_kind::branch && own < 6))) continue;
            // The branch's members by work unit, as the roster has them today.
            std::map<std::string, std::vector<member>> by_unit;
            for (auto& m : s_.roster(scope::subtree(o.id), R_))
                if (!m.work_unit.empty()) by_unit[m.work_unit].push_back(std::move(m));
            if (by_unit.empty() || (is_joint && by_unit.size() < 2)) continue;
            report("coverage", own + joint + 1, 9);
            std::size_t k = 0;
            for (auto const& [name, members] : by_unit) {
                if (!is_joint && k > 0) break;  // a branch of its own covers its one unit
                auto body = "91370102" + std::to_string(++serial);
                body += credit_code_check_character(body);
                auto const registered = o.established - days{r_.between(30, 365)};
                auto const unit = add_unit(s_,
                                           {.name = name,
                                            .credit_code = body,
                                            .sector = *sector,
                                            .responsible = *o.parent,
                                            .registered_on = registered},
                                           work_note);
                ++out_.units;
                record_unit_employees(s_, {unit, R_ - days{r_.between(30, 200)}, r_.between(20, 300)},
                                      work_note);
                bool const instructor_only = is_joint && k + 1 == by_unit.size() && joint == 0;
                if (instructor_only)
                    (void)assign_instructor(
                        s_, {.unit = unit, .instructor = "党建指导员", .since = o.established}, work_note);
                else
                    (void)cover_unit(s_, unit, o.id, o.established, {}, work_note);
                for (auto const& m : members)
                    (void)link_member_unit(s_, m.id, unit, std::max(m.joined_branch, registered), work_note);
                ++k;
            }
            ++(is_joint ? joint : own);
        }
    }

    store& s_;
    roster_facts const& f_;
    sys_days R_;
    rng r_;
    summary& out_;
    std::function<void(std::string_view, std::int64_t, std::int64_t)> progress_;
    std::vector<org_id> communities_;
    std::set<std::int64_t> chosen_;
};

}  // namespace

void add_organisation_work(store& s, roster_facts const& facts, options const& o, summary& out) {
    organisation_work(s, facts, o, out).run();
}

}  // namespace dangyuan::sample::detail
