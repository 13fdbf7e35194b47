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
#include "dangyuan/storage/community_store.hpp"
#include "dangyuan/storage/evaluation_store.hpp"
#include "dangyuan/storage/honours_store.hpp"
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
