// The domains of the sample district. Everything goes through the public store API, so every rule the
// store checks is met; the amounts are bounded (model branches, mobile members, cases) so that a district
// of a million members takes a few seconds more, not minutes.
//
// Order matters: development cases first (an approved admission adds a member to a model branch), then
// mobility and lost contact (outside the model branches), the evaluation of the previous year, and the
// current year's meetings, training and dues, whose attendance lists and accounts are read back from the
// store as it is by then.

#include "sample/domains.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/core/id_number.hpp"
#include "dangyuan/org/org_rules.hpp"
#include "dangyuan/storage/decision_store.hpp"
#include "dangyuan/storage/development_store.hpp"
#include "dangyuan/storage/election_store.hpp"
#include "dangyuan/storage/evaluation_store.hpp"
#include "dangyuan/storage/life_store.hpp"
#include "dangyuan/storage/mobility_store.hpp"
#include "sample/random.hpp"

namespace dangyuan::sample::detail {
namespace {

using date::days;
using date::sys_days;

constexpr char const* why = "示例数据";

int year_of(sys_days d) {
    return int(date::year_month_day{d}.year());
}

// A day of month `ym` (clamped to its last day), as a date.
sys_days day_in(date::year_month ym, unsigned day) {
    auto const last = unsigned(date::year_month_day_last{ym.year(), date::month_day_last{ym.month()}}.day());
    return sys_days{ym.year() / ym.month() / date::day{std::min(day, last)}};
}

class writer {
public:
    writer(store& s, roster_facts const& f, options const& o, summary& out)
        : s_(s),
          f_(f),
          members_(*f.members),
          ids_(*f.ids),
          R_(o.as_of),
          r_(o.seed ^ 0x6A09E667F3BCC908ULL),
          out_(out),
          progress_(o.progress) {}

    void run() {
        choose_model_branches();
        development();
        mobility();
        evaluation();
        meetings();
        training();
        dues();
        elections();
        decisions();
    }

private:
    void report(std::string_view phase, std::int64_t done, std::int64_t total) {
        if (progress_) progress_(phase, done, total);
    }

    member_fact const& fact(std::int64_t seq) const { return members_[static_cast<std::size_t>(seq)]; }
    member_id id_of(std::int64_t seq) const { return ids_[static_cast<std::size_t>(seq)]; }
    org_fact const& org(int index) const { return f_.orgs[static_cast<std::size_t>(index)]; }

    // A member of the roster part who is a full member on `d` in their branch and never had a standing
    // event (so is in normal standing on every date after admission).
    bool full_on(std::int64_t seq, sys_days d) const {
        auto const& m = fact(seq);
        return !m.touched && m.full && *m.full <= d && m.joined <= d;
    }

    // ---- model branches: 5 % of the branches with a committee (2 to 20), elected before this year.

    void choose_model_branches() {
        std::int64_t branches = 0;
        std::vector<int> eligible;
        auto const jan1 = make_date(year_of(R_), 1, 1);
        for (int i = 0; i < static_cast<int>(f_.orgs.size()); ++i) {
            auto const& o = org(i);
            if (!is_branch(o.kind)) continue;
            ++branches;
            bool const committee = std::any_of(o.officers.begin(), o.officers.end(), [](officer const& x) {
                return x.role == officer_role::committee_member;
            });
            if (committee && o.officers.size() >= 3 && o.term_start && *o.term_start < jan1 &&
                o.established < add_years(R_, -3))
                eligible.push_back(i);
        }
        auto const want = static_cast<std::size_t>(std::clamp<std::int64_t>((branches + 10) / 20, 2, 20));
        for (std::size_t i = 0; i < eligible.size() && i < want; ++i)
            std::swap(eligible[i], eligible[i + r_.below(eligible.size() - i)]);
        eligible.resize(std::min(want, eligible.size()));
        std::sort(eligible.begin(), eligible.end());
        model_ = eligible;
        for (auto const i : model_)
            is_model_.insert(i);
        out_.model_branches = static_cast<std::int64_t>(model_.size());
        // Their members, by branch.
        for (std::int64_t seq = 0; seq < static_cast<std::int64_t>(members_.size()); ++seq)
            if (is_model_.count(fact(seq).branch)) members_of_[fact(seq).branch].push_back(seq);
    }

    // `n` distinct members of `pool` satisfying `ok`, or fewer when there are not enough.
    template <class P>
    std::vector<std::int64_t> pick(std::vector<std::int64_t> const& pool, std::size_t n, P ok) {
        std::vector<std::int64_t> candidates;
        for (auto const seq : pool)
            if (ok(seq)) candidates.push_back(seq);
        for (std::size_t i = 0; i < candidates.size() && i < n; ++i)
            std::swap(candidates[i], candidates[i + r_.below(candidates.size() - i)]);
        candidates.resize(std::min(n, candidates.size()));
        return candidates;
    }

    officer const* secretary_of(org_fact const& o) const {
        for (auto const& x : o.officers)
            if (x.role == officer_role::secretary) return &x;
        return o.officers.empty() ? nullptr : &o.officers.front();
    }

    // ---- development cases (发展党员)

    enum class scenario {
        applicant,            // applied within the last weeks; the talk is due
        applicant_late_talk,  // applied over a month ago, no talk yet: overdue
        activist,
        target,
        admitted_waiting,  // admitted by the branch meeting; approval due within 3 months
        admitted_overdue,  // approval more than 3 months after the meeting: overdue
        probationary,      // approved, on probation
        full_member,       // converted and archived
        withdrawn,
    };

    citizen_id new_id_number(std::string const& code, sys_days birth, sex s) {
        date::year_month_day const ymd{birth};
        char date8[16];
        std::snprintf(date8, sizeof date8, "%04d%02u%02u", int(ymd.year()) % 10000,
                      unsigned(ymd.month()) % 100, unsigned(ymd.day()) % 100);
        for (;;) {
            int const last = static_cast<int>(r_.below(5)) * 2 + (s == sex::male ? 1 : 0);
            std::string body = code + date8 + digits(r_, 2) + static_cast<char>('0' + last);
            auto const key = std::stoull(body);
            if (f_.id_bodies->count(key) || !applicant_ids_.insert(key).second) continue;
            body += gb11643_check_character(body);
            return citizen_id::parse(body);
        }
    }

    void development() {
        if (model_.empty()) return;
        auto const n = std::clamp<std::int64_t>(static_cast<std::int64_t>(members_.size()) / 150, 12, 120);
        static constexpr std::array pattern{
            scenario::applicant,        scenario::activist,     scenario::target,
            scenario::admitted_waiting, scenario::full_member,  scenario::admitted_overdue,
            scenario::activist,         scenario::probationary, scenario::applicant_late_talk,
            scenario::target,           scenario::full_member,  scenario::withdrawn,
            scenario::probationary,     scenario::activist};
        for (std::int64_t i = 0; i < n; ++i) {
            report("development", i + 1, n);
            int const b = model_[static_cast<std::size_t>(i) % model_.size()];
            development_case_for(b, pattern[static_cast<std::size_t>(i) % pattern.size()]);
        }
    }

    void development_case_for(int b, scenario sc) {
        auto const& o = org(b);
        auto const& pool = members_of_[b];
        // Dates, back from an anchor that puts the case in its stage on the reference date.
        sys_days applied{}, activist{}, target{}, meeting{};
        switch (sc) {
            case scenario::applicant:
                applied = R_ - days{r_.between(3, 25)};
                break;
            case scenario::applicant_late_talk:
                applied = R_ - days{r_.between(40, 80)};
                break;
            case scenario::withdrawn:
                applied = R_ - days{r_.between(300, 500)};
                break;
            case scenario::activist:
                activist = R_ - days{r_.between(40, 330)};
                break;
            case scenario::target:
                target = R_ - days{r_.between(20, 150)};
                break;
            case scenario::admitted_waiting:
                meeting = R_ - days{r_.between(10, 55)};
                break;
            case scenario::admitted_overdue:
                meeting = R_ - days{r_.between(100, 170)};
                break;
            case scenario::probationary:
                meeting = R_ - days{r_.between(120, 300)};
                break;
            case scenario::full_member:
                meeting = R_ - days{r_.between(480, 700)};
                break;
        }
        if (meeting != sys_days{}) target = meeting - days{r_.between(80, 140)};
        if (target != sys_days{}) activist = add_months(target, -12) - days{r_.between(5, 60)};
        if (activist != sys_days{}) applied = activist - days{r_.between(60, 200)};
        auto const talk = applied + days{r_.between(7, 25)};

        // The people: the applicant, a talker, contacts and introducers among the branch's full members.
        auto const earliest = applied - days{1};
        auto const helpers = pick(pool, 4, [&](std::int64_t seq) { return full_on(seq, earliest); });
        if (helpers.size() < 2) return;
        auto const sx = r_.chance(0.45) ? sex::female : sex::male;
        // One draw per statement: the order of operands is unspecified, and compilers differ.
        auto const years = r_.between(19, 36);
        auto const birth = add_years(applied, -years) - days{r_.between(1, 364)};
        applicant a;
        a.name = draw_name(r_, sx, year_of(birth));
        a.sex = sx;
        a.birth_date = birth;
        a.id_number = new_id_number(o.district_code, birth, sx);
        a.ethnicity = r_.chance(0.97) ? ethnicity::han : ethnicity::hui;
        a.education =
            r_.chance(0.6) ? education::undergraduate_graduated : education::junior_college_graduated;
        a.category = r_.chance(0.5) ? personnel_category::professional_technical : personnel_category::worker;
        a.work_unit = o.name.substr(0, o.name.size() - std::string("党支部").size());
        a.branch = o.id;
        auto const id = open_case(s_, a, application_submitted_step{applied}, {}, why);
        ++out_.cases;
        auto last = applied;
        auto step_on = [&](step_record const& r) {
            record_step(s_, id, r, why);
            last = record_date(r);
        };
        auto const talker = id_of(helpers[0]);
        if (sc == scenario::applicant_late_talk) return;
        if (sc == scenario::applicant) {
            if (talk < R_) step_on(talk_held_step{.date = talk, .by = talker});
            return;
        }
        step_on(talk_held_step{.date = talk, .by = talker});
        if (sc == scenario::withdrawn) {
            step_on(
                withdrawn_step{.date = talk + days{r_.between(60, 200)}, .reason = "本人申请撤回入党申请"});
            return;
        }
        step_on(activist_determined_step{.date = activist,
                                         .recommended = r_.chance(0.7) ? recommendation::member_recommendation
                                                                       : recommendation::mass_organisation});
        step_on(activist_filed_step{activist + days{7}});
        step_on(contacts_assigned_step{.date = activist + days{7},
                                       .members = {id_of(helpers[0]), id_of(helpers[1])}});
        auto const until = target != sys_days{} ? target : R_;
        for (int k = 1; add_months(activist, 6 * k) - days{3} < until; ++k)
            step_on(activist_assessed_step{add_months(activist, 6 * k) - days{3}});
        // A development target keeps being assessed every half year until the branch meeting.
        auto const assess_target = [&] {
            if (auto const d = R_ - days{r_.between(0, 5)}; d >= last) step_on(activist_assessed_step{d});
        };
        if (sc == scenario::activist) return;
        step_on(target_determined_step{target});
        step_on(target_filed_step{target + days{5}});
        auto const introducers = helpers.size() >= 4
                                     ? std::vector<member_id>{id_of(helpers[2]), id_of(helpers[3])}
                                     : std::vector<member_id>{id_of(helpers[0]), id_of(helpers[1])};
        if (target + days{10} > R_) return assess_target();
        step_on(introducers_assigned_step{.date = target + days{10}, .members = introducers});
        if (target + days{30} > R_) return assess_target();
        step_on(
            political_review_step{.date = target + days{30}, .passed = true, .conclusion = "政治审查合格"});
        if (target + days{45} > R_) return assess_target();
        step_on(training_completed_step{.date = target + days{45}, .days = 3, .class_hours = 24});
        if (sc == scenario::target) return assess_target();
        step_on(committee_reviewed_step{meeting - days{30}});
        step_on(pre_review_step{.date = meeting - days{20}, .passed = true, .document = "预审意见"});
        step_on(application_form_filled_step{meeting - days{10}});
        // The vote: the branch's full members with a vote on the day, as the store counts them, most of
        // them present.
        int const entitled = s_.voting_roll_on(o.id, meeting).voters;
        if (entitled == 0) return;
        int const present = std::max(entitled / 2 + 1, entitled - r_.between(0, entitled / 5));
        int const no = present - (entitled / 2 + 1) > 0 ? r_.between(0, 1) : 0;
        branch_vote const vote{entitled, present, 0, present - no, no, 0};
        step_on(admission_meeting_step{.date = meeting, .vote = vote});
        auto const higher_talk = meeting + days{r_.between(10, 25)};
        if (higher_talk <= R_) step_on(higher_committee_talk_step{higher_talk});
        if (sc == scenario::admitted_waiting || sc == scenario::admitted_overdue) return;
        auto const approval = higher_talk + days{r_.between(5, 40)};
        step_on(admission_approved_step{.date = approval, .passed = true, .document = "上级党委批复"});
        ++out_.cases_admitted;
        step_on(approval_filed_step{approval + days{5}});
        step_on(assigned_to_branch_step{approval + days{5}});
        if (approval + days{12} <= R_) step_on(oath_taken_step{approval + days{12}});
        for (int k = 1;
             add_months(meeting, 6 * k) - days{5} < std::min(R_, add_months(meeting, 12) - days{10}); ++k)
            step_on(probation_assessed_step{add_months(meeting, 6 * k) - days{5}});
        if (sc == scenario::probationary) return;
        auto const probation_end = add_months(meeting, 12);
        step_on(conversion_applied_step{probation_end - days{10}});
        auto const conversion = probation_end + days{r_.between(1, 25)};
        int const full = s_.voting_roll_on(o.id, conversion).voters;
        if (full == 0) return;
        int const there = std::max(full / 2 + 1, full - r_.between(0, full / 5));
        step_on(conversion_meeting_step{.date = conversion,
                                        .vote = branch_vote{full, there, 0, there, 0, 0},
                                        .decision = conversion_decision::convert});
        auto const approved = conversion + days{r_.between(10, 45)};
        step_on(conversion_approved_step{.date = approved, .passed = true, .document = "上级党委批复"});
        step_on(archived_step{approved + days{r_.between(5, 20)}});
    }

    // ---- mobile members (流动党员), transfers, lost contact: outside the model branches

    // A member of the roster part outside the model branches who is a full member of working age in
    // normal standing, not an officer, settled in the branch since `since`.
    std::optional<std::int64_t> someone_away(sys_days since) {
        for (int tries = 0; tries < 2000; ++tries) {
            auto const seq = static_cast<std::int64_t>(r_.below(members_.size()));
            auto const& m = fact(seq);
            if (m.officer || m.retired || is_model_.count(m.branch) || chosen_.count(seq)) continue;
            int const age = age_on(m.birth, R_);
            if (age < 22 || age > 55 || !full_on(seq, since)) continue;
            chosen_.insert(seq);
            return seq;
        }
        return std::nullopt;
    }

    // A branch outside the model branches other than `home`, as a host (流入地).
    int host_for(int home) {
        auto const fits = [&](int i) {
            return i != home && is_branch(org(i).kind) && !is_model_.count(i) &&
                   org(i).established < R_ - days{800};
        };
        for (int tries = 0; tries < 1000; ++tries)
            if (auto const i = static_cast<int>(r_.below(f_.orgs.size())); fits(i)) return i;
        for (int i = 0; i < static_cast<int>(f_.orgs.size()); ++i)
            if (fits(i)) return i;
        return -1;
    }

    // A member away (someone_away) and a host branch for them (host_for); nothing when either is missing.
    struct hosted {
        member_fact const* fact;
        member_id member;
        org_fact const* host;
    };
    std::optional<hosted> someone_away_hosted(sys_days since) {
        auto const seq = someone_away(since);
        if (!seq) return std::nullopt;
        int const host_index = host_for(fact(*seq).branch);
        if (host_index < 0) return std::nullopt;
        return hosted{&fact(*seq), id_of(*seq), &org(host_index)};
    }

    std::string place_of(org_fact const& host) {
        auto const unit = host.name.substr(0, host.name.size() - std::string("党支部").size());
        return "山东省济南市" + unit;
    }

    void mobility() {
        auto const n = std::clamp<std::int64_t>(static_cast<std::int64_t>(members_.size()) / 500, 6, 100);
        set_certificate_numbering(s_, f_.orgs.empty() ? std::string() : org(0).district_code, 6, 1,
                                  "县委组织部流动党员活动证编号");
        int transfers = 0;
        for (std::int64_t i = 0; i < n; ++i) {
            report("mobility", i + 1, n);
            bool const transfer = i % 7 == 3 && transfers < 2 + n / 40;
            if (transfer) {
                moves_relationship(transfers++ % 2 == 0);
                continue;
            }
            away_with_certificate(i);
        }
        // Members out of contact (失联): one per 200 000 members, at least one.
        auto const lost = std::max<std::int64_t>(1, static_cast<std::int64_t>(members_.size()) / 200000);
        for (std::int64_t i = 0; i < lost; ++i)
            out_of_contact();
    }

    void away_with_certificate(std::int64_t i) {
        // 0: the annual review is overdue; 1: came back and handed the certificate in; every fifth left
        // recently (not yet a mobile member); the others are away for good, registered and reviewed.
        sys_days left{};
        if (i == 0)
            left = R_ - days{r_.between(385, 480)};
        else if (i == 1)
            left = R_ - days{r_.between(420, 600)};
        else if (i % 5 == 2)
            left = R_ - days{r_.between(20, 150)};
        else
            left = R_ - days{r_.between(200, 700)};
        auto const away = someone_away_hosted(left - days{30});
        if (!away) return;
        auto const& m = *away->fact;
        auto const member = away->member;
        auto const& host = *away->host;
        auto const place = place_of(host);
        auto const reason = r_.chance(0.8) ? mobility_reason::work_business : mobility_reason::study;
        certificate_issue issue;
        issue.issued = left - days{r_.between(1, 10)};
        issue.reason = reason;
        issue.destination = place;
        issue.expected_months = r_.between(6, 24);
        auto const no = issue_certificate(s_, member, issue, why);
        ++out_.certificates;
        member_left leaving{.date = left, .reason = reason};
        leaving.destination.place = place;
        leaving.expected_months = issue.expected_months;
        auto const ep = open_episode(s_, member, leaving, why);
        ++out_.episodes;
        auto const arrived = left + days{r_.between(5, 25)};
        if (arrived > R_) return;
        record_certificate(s_, no, certificate_presented{arrived, host.id, host.name}, why);
        record_episode(s_, ep, reported_to_host{.date = arrived, .host_org = host.id}, why);
        // Dated events after the arrival, in order: registration after 6 months, the annual reviews and
        // yearly reports, org life and dues at the host, and the return for member 1.
        sys_days const back = i == 1 ? R_ - days{r_.between(30, 90)} : R_ + days{1};
        std::vector<std::pair<sys_days, int>> events;  // (date, kind)
        auto const registered = add_months(left, 6) + days{r_.between(1, 25)};
        if (registered < back && registered <= R_) events.push_back({registered, 0});
        for (int k = 1; i != 0; ++k) {
            auto const review = add_months(issue.issued, 12 * k) - days{r_.between(1, 20)};
            if (review >= back || review > R_) break;
            events.push_back({review, 1});
        }
        for (int k = 1;; ++k) {
            auto const yearly = add_months(left, 12 * k) - days{r_.between(1, 20)};
            if (yearly >= back || yearly > R_) break;
            events.push_back({yearly, 2});
        }
        auto const last_life = std::min(back, R_) - days{r_.between(5, 50)};
        if (last_life > arrived) events.push_back({last_life, 3});
        std::stable_sort(events.begin(), events.end());
        for (auto const& [d, kind] : events) {
            switch (kind) {
                case 0:
                    record_episode(s_, ep, registered_as_mobile{d}, why);
                    break;
                case 1:
                    record_certificate(s_, no, certificate_reviewed{d, host.id, host.name, {}, "合格"}, why);
                    break;
                case 2:
                    record_episode(s_, ep, yearly_report_made{d, "书面汇报思想和工作情况"}, why);
                    break;
                default: {
                    record_episode(s_, ep, host_life_attended{.date = d, .note = "主题党日"}, why);
                    // Dues at the host from the arrival month up to the month before.
                    auto const first = month_of(arrived);
                    auto const last = month_of(d) - date::months{1};
                    if (last >= first) {
                        int const months = months_between(first, last) + 1;
                        record_episode(s_, ep,
                                       host_dues_paid{.date = d,
                                                      .dues_month = first,
                                                      .dues_months = months,
                                                      .amount_fen = fen(2000 * months)},
                                       why);
                    }
                }
            }
        }
        if (i == 1 && back <= R_) {
            record_episode(s_, ep, member_returned{back, "务工结束返乡"}, why);
            record_certificate(s_, no,
                               certificate_returned{back, org(m.branch).id, org(m.branch).name,
                                                    "外出期间按时参加流入地党组织生活, 交纳党费"},
                               why);
        }
    }

    // A member settled at a fixed place whose relationship is transferred there; `received` says whether
    // the receipt is back yet.
    void moves_relationship(bool received) {
        auto const left = R_ - days{r_.between(260, 400)};
        auto const away = someone_away_hosted(left - days{30});
        if (!away) return;
        auto const member = away->member;
        auto const& host = *away->host;
        member_left leaving{.date = left,
                            .reason = mobility_reason::work_business,
                            .fixed_place = true,
                            .expected_months = 36};
        leaving.destination.place = place_of(host);
        auto const ep = open_episode(s_, member, leaving, why);
        ++out_.episodes;
        record_episode(s_, ep, reported_to_host{.date = left + days{10}, .host_org = host.id}, why);
        record_episode(s_, ep, registered_as_mobile{add_months(left, 6) + days{3}}, why);
        auto const issued =
            received ? add_months(left, 6) + days{r_.between(5, 30)} : R_ - days{r_.between(5, 30)};
        // Still away a year after leaving: the yearly report to the home branch (mobility.yearly_report).
        if (auto const yearly = add_months(left, 12) - days{r_.between(1, 20)}; !received && yearly < issued)
            record_episode(s_, ep, yearly_report_made{yearly, "书面汇报思想和工作情况"}, why);
        transfer_letter l;
        l.serial =
            "组转〔" + std::to_string(year_of(issued)) + "〕" + std::to_string(++letter_serial_) + "号";
        l.member = member;
        l.to_org = host.id;
        l.issued = issued;
        auto const letter = issue_transfer_letter(s_, l, why);
        ++out_.transfer_letters;
        if (!received) return;
        receive_transfer(s_, letter, letter_received{issued + days{r_.between(7, 30)}}, {}, why);
    }

    void out_of_contact() {
        auto const known = R_ - days{r_.between(200, 320)};
        auto const seq = someone_away(known - days{30});
        if (!seq) return;
        auto const member = id_of(*seq);
        open_contact_log(s_, member, known, why);
        ++out_.contact_logs;
        static constexpr std::array<std::string_view, 3> channels{"电话", "上门走访", "亲属"};
        for (int k = 1; k <= 3; ++k) {
            auto const d = known + days{60 * k + r_.between(0, 20)};
            if (d > R_) break;
            record_contact(s_, member,
                           contact_attempt_failed{d, std::string(channels[static_cast<std::size_t>(k - 1)]),
                                                  "组织委员", "未能取得联系"},
                           why);
        }
    }

    // ---- democratic evaluation of the previous year (民主评议党员)

    void evaluation() {
        int const year = year_of(R_) - 1;
        // The steps, a few days apart, from early December to February.
        std::array<sys_days, campaign_phase_count> dates{};
        dates[0] = make_date(year, 12, 1) + days{r_.between(0, 6)};
        static constexpr std::array<int, campaign_phase_count - 1> gaps{8, 8, 6, 10, 6, 8, 20};
        for (std::size_t k = 1; k < campaign_phase_count; ++k)
            dates[k] = dates[k - 1] + days{gaps[k - 1]};
        std::int64_t done = 0;
        for (auto const b : model_) {
            report("evaluation", ++done, static_cast<std::int64_t>(model_.size()));
            campaign_for(b, year, dates);
        }
    }

    void campaign_for(int b, int year, std::array<sys_days, campaign_phase_count> const& dates) {
        auto const& o = org(b);
        if (dates[0] > R_) return;
        auto const id = open_campaign(s_, o.id, year, dates[0], {}, why);
        ++out_.campaigns;
        auto const roll = participants_from_roster(s_, o.id, dates[0]);
        if (roll.empty()) return;
        record_campaign(s_, id, participants_added{dates[0], roll}, why);
        auto phase = [&](campaign_phase p) {
            auto const d = dates[static_cast<std::size_t>(p)];
            if (d > R_) return false;
            record_campaign(s_, id, phase_started{d, p, false}, why);
            return true;
        };
        if (!phase(campaign_phase::self_assessment)) return;
        std::vector<int> offsets;
        for (std::size_t k = 0; k < roll.size(); ++k)
            offsets.push_back(r_.between(0, 6));
        std::sort(offsets.begin(), offsets.end());  // records go in date order
        for (std::size_t k = 0; k < roll.size(); ++k) {
            auto const d = dates[1] + days{offsets[k]};
            if (d > R_) break;
            record_campaign(s_, id, self_assessment_submitted{d, roll[k].member, "党性分析材料"}, why);
        }
        if (!phase(campaign_phase::appraisal_self_review) ||
            !phase(campaign_phase::appraisal_mutual_review) || !phase(campaign_phase::appraisal_vote))
            return;
        // Every full member votes on every full member; most choose 合格, some 优秀, a few 基本合格.
        std::vector<participant const*> full;
        for (auto const& p : roll)
            if (p.status == member_status::full) full.push_back(&p);
        if (full.empty()) return;
        std::vector<double> merit(full.size());
        for (auto& x : merit)
            x = r_.unit();
        std::vector<ballot> ballots;
        for (auto const* e : full)
            for (std::size_t k = 0; k < full.size(); ++k) {
                double const u = r_.unit() * 0.6 + merit[k] * 0.4;
                grade const g = u > 0.72   ? grade::excellent
                                : u < 0.12 ? grade::basically_qualified
                                           : grade::qualified;
                ballots.push_back({e->member, full[k]->member, g});
            }
        auto const vote_day = dates[static_cast<std::size_t>(campaign_phase::appraisal_vote)] + days{2};
        if (vote_day > R_) return;
        record_ballots(s_, id, vote_day, ballots, why);
        if (!phase(campaign_phase::organisational_assessment)) return;
        // The committee proposes: the most 优秀 votes up to a quarter of the full members get 优秀; a
        // majority of 基本合格 votes gets 基本合格; the others 合格.
        auto const st = campaign_state_of(get_campaign(s_, id));
        std::vector<std::pair<int, std::size_t>> by_excellent;
        for (std::size_t k = 0; k < full.size(); ++k)
            by_excellent.push_back({-st.find(full[k]->member)->tally[grade::excellent], k});
        std::sort(by_excellent.begin(), by_excellent.end());
        auto const cap = std::min<std::size_t>(
            full.size() / 4, static_cast<std::size_t>(excellent_cap(st.full_members_here(), s_.rules())));
        std::vector<grade> proposed(full.size(), grade::qualified);
        for (std::size_t k = 0; k < cap; ++k)
            proposed[by_excellent[k].second] = grade::excellent;
        for (std::size_t k = 0; k < full.size(); ++k) {
            auto const& t = st.find(full[k]->member)->tally;
            if (2 * t[grade::basically_qualified] > t.total()) proposed[k] = grade::basically_qualified;
        }
        // In every third campaign the member with the fewest good votes is found 基本合格.
        if (out_.campaigns % 3 == 1 && full.size() >= 5) {
            auto const& worst = by_excellent.back();
            if (proposed[worst.second] == grade::qualified)
                proposed[worst.second] = grade::basically_qualified;
        }
        auto const assess = dates[static_cast<std::size_t>(campaign_phase::organisational_assessment)];
        if (assess + days{3} > R_) return;
        for (std::size_t k = 0; k < full.size(); ++k)
            record_campaign(
                s_, id, grade_proposed{assess + days{1}, full[k]->member, proposed[k], "测评结果和平时表现"},
                why);
        // The proposals below 合格 are conveyed to the member (反馈本人) before the decision.
        for (std::size_t k = 0; k < full.size(); ++k)
            if (proposed[k] == grade::basically_qualified)
                record_campaign(s_, id, member_informed{assess + days{3}, full[k]->member, "支部书记"}, why);
        auto const decided = assess + days{5};
        if (decided > R_) return;
        for (std::size_t k = 0; k < full.size(); ++k) {
            record_campaign(
                s_, id,
                grade_decided{
                    decided, full[k]->member, proposed[k], decision_body::branch_meeting, std::nullopt, {}},
                why);
            ++out_.grades;
        }
        if (!phase(campaign_phase::commendation_and_handling)) return;
        auto const handling =
            dates[static_cast<std::size_t>(campaign_phase::commendation_and_handling)] + days{2};
        if (handling > R_) return;
        for (std::size_t k = 0; k < full.size(); ++k) {
            auto const kind = proposed[k] == grade::excellent   ? follow_up_kind::commended
                              : proposed[k] == grade::qualified ? follow_up_kind::encouraged
                                                                : follow_up_kind::helped;
            record_campaign(s_, id, follow_up{handling, full[k]->member, kind, {}}, why);
        }
        phase(campaign_phase::closed);
    }

    // ---- meetings of the current year (三会一课, 主题党日)

    // Everyone expected at a meeting of `o` on `d`, present: the committee in office for a committee
    // meeting, otherwise the members in normal standing (full members voting). The sample records no
    // party probation (留党察看), so no member's vote is suspended.
    std::vector<attendance_entry> expected(org_fact const& o, meeting_kind kind, sys_days d) {
        std::vector<attendance_entry> out;
        if (kind == meeting_kind::committee_meeting) {
            for (auto const& x : s_.leadership(o.id, d))
                out.push_back({x.member, attendance_status::present, {}, true});
            return out;
        }
        auto& b = branch_roster(o);
        for (auto const& m : b.members) {
            if (m.admission_date > d || m.joined_branch > d) continue;
            auto const h = b.histories.find(m.id.value());
            auto const st = h == b.histories.end() ? standing_on(m, {}, d) : standing_on(m, h->second, d);
            if (!st || st->state != standing_state::normal) continue;
            out.push_back({m.id, attendance_status::present, {}, m.status_on(d) == member_status::full});
        }
        return out;
    }

    // The members of a model branch (whoever was in it at some time) with their standing histories, read once
    // (meetings are written after everything that changes them).
    struct roster_cache {
        std::vector<member> members;
        std::map<std::int64_t, std::vector<standing_event>> histories;
    };
    roster_cache& branch_roster(org_fact const& o) {
        auto it = rosters_.find(o.id.value());
        if (it != rosters_.end()) return it->second;
        roster_cache c;
        c.members = s_.roster(scope::subtree(o.id));
        for (auto& [id, events] : s_.standing_histories(scope::subtree(o.id)))
            c.histories.emplace(id.value(), std::move(events));
        return rosters_.emplace(o.id.value(), std::move(c)).first->second;
    }

    void hold(org_fact const& o, meeting_kind kind, sys_days d, std::string topic) {
        auto const* sec = secretary_of(o);
        meeting m;
        m.org = o.id;
        m.kind = kind;
        m.date = d;
        m.topic = std::move(topic);
        if (sec) {
            m.chair = sec->member;
            m.chair_is_secretary = sec->role == officer_role::secretary;
        }
        m.attendance = expected(o, kind, d);
        if (m.attendance.empty() && kind != meeting_kind::party_lecture) return;
        // A few absent with their reason; more than half stay.
        static constexpr std::array<std::string_view, 4> reasons{"出差", "病假", "事假", "外出学习"};
        int voting = 0, present = 0;
        for (auto const& a : m.attendance)
            if (a.voting) ++voting, ++present;
        int const absent = r_.between(0, std::max(0, static_cast<int>(m.attendance.size()) / 8));
        for (int k = 0; k < absent; ++k) {
            auto& a = m.attendance[r_.below(m.attendance.size())];
            if (a.status == attendance_status::absent || (m.chair && a.member == *m.chair)) continue;
            if (a.voting && 2 * (present - 1) <= voting) continue;
            a.status = attendance_status::absent;
            a.absence_reason = std::string(reasons[r_.below(reasons.size())]);
            if (a.voting) --present;
        }
        add_meeting(s_, m, R_, why);
        ++out_.meetings;
    }

    void meetings() {
        static constexpr std::array<std::string_view, 12> themes{
            "学习党的创新理论", "重温入党誓词",         "学习党章党规",       "志愿服务进社区",
            "红色教育基地参观", "学习贯彻全会精神",     "廉洁文化教育",       "主题党日: 环境整治",
            "学习先进典型事迹", "主题党日: 关爱老党员", "学习宪法和法律法规", "年终工作总结"};
        auto const first = month_of(make_date(year_of(R_), 1, 1));
        auto const last = month_of(R_);
        std::int64_t done = 0;
        for (auto const b : model_) {
            report("meetings", ++done, static_cast<std::int64_t>(model_.size()));
            auto const& o = org(b);
            // The first model branch skipped its committee meeting in the last complete month: the
            // agenda shows it missed.
            auto const skipped = b == model_.front() ? last - date::months{1} : date::year_month{};
            for (auto ym = first; ym <= last; ym += date::months{1}) {
                auto const month = unsigned(ym.month());
                auto const committee_day = day_in(ym, static_cast<unsigned>(r_.between(3, 10)));
                if (committee_day <= R_ && ym != skipped)
                    hold(o, meeting_kind::committee_meeting, committee_day, "研究支部当月工作");
                auto const theme_day = day_in(ym, static_cast<unsigned>(r_.between(11, 20)));
                if (theme_day <= R_)
                    hold(o, meeting_kind::theme_party_day, theme_day, std::string(themes[month - 1]));
                if (month % 3 == 0) {
                    auto const general_day = day_in(ym, static_cast<unsigned>(r_.between(21, 28)));
                    if (general_day <= R_)
                        hold(o, meeting_kind::branch_general_meeting, general_day,
                             "支部党员大会: 通报季度工作");
                }
                if (month == 6) {
                    auto const lecture_day = day_in(ym, static_cast<unsigned>(r_.between(21, 28)));
                    if (lecture_day <= R_) hold(o, meeting_kind::party_lecture, lecture_day, "书记讲党课");
                }
            }
            heart_to_heart(o);
        }
    }

    // A heart-to-heart talk (谈心谈话) of a committee member with each member, once a year, spread over
    // the year so far; the committee members talk with each other too.
    void heart_to_heart(org_fact const& o) {
        if (o.officers.empty()) return;
        auto const jan1 = make_date(year_of(R_), 1, 1);
        auto const people = expected(o, meeting_kind::heart_to_heart_talk, R_ - days{1});
        std::vector<sys_days> when;
        for (std::size_t k = 0; k < people.size(); ++k)
            when.push_back(jan1 +
                           days{r_.between(0, std::max(0, static_cast<int>((R_ - jan1).count()) - 1))});
        std::sort(when.begin(), when.end());
        for (std::size_t k = 0; k < people.size(); ++k) {
            auto const who = people[k].member;
            auto const& by = o.officers[k % o.officers.size()].member == who
                                 ? o.officers[(k + 1) % o.officers.size()]
                                 : o.officers[k % o.officers.size()];
            if (by.member == who) continue;
            auto const admitted = s_.get_member(who).admission_date;
            meeting m;
            m.org = o.id;
            m.kind = meeting_kind::heart_to_heart_talk;
            m.date = std::max(when[k], admitted);
            m.topic = "谈心谈话";
            m.chair = by.member;
            m.chair_is_secretary = by.role == officer_role::secretary;
            m.attendance = {{who, attendance_status::present, {}, false}};
            add_meeting(s_, m, R_, why);
            ++out_.meetings;
        }
    }

    // ---- training hours of the current year (学时)

    void training() {
        static constexpr std::array<std::string_view, 6> courses{
            "党的创新理论专题学习", "党章党规党纪专题培训", "党员冬春训",
            "网络学院在线学习",     "基层党务工作培训",     "形势政策报告会"};
        int const year = year_of(R_);
        auto const jan1 = make_date(year, 1, 1);
        auto const span = static_cast<int>((R_ - jan1).count());
        std::int64_t done = 0;
        for (auto const b : model_) {
            report("training", ++done, static_cast<std::int64_t>(model_.size()));
            auto const& o = org(b);
            std::set<member_id> officers;
            for (auto const& x : o.officers)
                officers.insert(x.member);
            for (auto const& m : s_.roster(scope::subtree(o.id), R_)) {
                if (m.joined_branch > R_ || m.admission_date > R_) continue;
                auto const st = s_.standing_on(m.id, R_);
                if (!st || st->state != standing_state::normal) continue;
                // Most reach the 32 hours of concentrated study; one in twelve falls short.
                int const target = r_.chance(1.0 / 12) ? r_.between(8, 28) : r_.between(32, 44);
                int hours = 0;
                auto const from = std::max(jan1, m.admission_date);
                std::size_t course = r_.below(courses.size());
                for (int k = 0; hours < target && k < 6; ++k) {
                    int const h = std::min(target - hours, r_.between(4, 12));
                    auto const d = std::min(
                        R_, from + days{r_.between(0, std::max(0, static_cast<int>((R_ - from).count())))});
                    training_record line{m.id,
                                         d,
                                         std::string(courses[course++ % courses.size()]),
                                         class_hours::whole(h),
                                         true,
                                         "区委党校"};
                    if (!add_line(line)) continue;
                    hours += h;
                }
                if (officers.count(m.id) && span > 0) {
                    training_record line{m.id,
                                         jan1 + days{r_.between(0, span)},
                                         "基层党组织书记培训班",
                                         class_hours::whole(r_.between(24, 30)),
                                         false,
                                         "市委组织部"};
                    add_line(line);
                }
            }
        }
    }

    bool add_line(training_record const& line) {
        if (!lines_.insert({line.member.value(), (line.date - sys_days{}).count(), line.course}).second)
            return false;
        add_training(s_, line, R_, why);
        ++out_.training_lines;
        return true;
    }

    // ---- dues of the current year (党费)

    void dues() {
        auto const jan = month_of(make_date(year_of(R_), 1, 1));
        std::int64_t done = 0;
        bool streak_done = false;
        for (auto const b : model_) {
            report("dues", ++done, static_cast<std::int64_t>(model_.size()));
            auto const& o = org(b);
            for (auto const& m : s_.roster(scope::subtree(o.id), R_)) {
                if (m.joined_branch > R_ || m.admission_date > R_) continue;
                auto const st = s_.standing_on(m.id, R_);
                if (!st || st->state != standing_state::normal) continue;
                auto const start = std::max({jan, month_of(m.admission_date), month_of(m.joined_branch)});
                dues_base_change base;
                base.effective = start;
                if (o.rural && m.category == personnel_category::farmer_herder_fisher) {
                    base.category = dues_category::farmer;
                } else if (m.category == personnel_category::retired) {
                    base.category = dues_category::retiree;
                    base.base = fen::yuan(r_.between(2500, 6500));
                } else {
                    base.category = dues_category::employed;
                    base.base = fen::yuan(r_.between(2800, 12000));
                }
                open_dues_account(s_, m.id, base, {.ledger_start = start}, why);
                ++out_.dues_accounts;
                auto const monthly = monthly_dues(base.category, base.base, s_.rules().life);
                // Months whose last day to pay has passed; most pay each month, a few stop early.
                auto last_paid = month_of(R_) - date::months{1};
                if (!streak_done && month_of(R_) - date::months{7} >= start) {
                    last_paid = month_of(R_) - date::months{8};  // six months and more unpaid
                    streak_done = true;
                } else if (r_.chance(0.03)) {
                    last_paid = month_of(R_) - date::months{r_.between(2, 3)};
                }
                for (auto ym = start; ym <= last_paid; ym += date::months{1}) {
                    auto const paid_on = std::max({day_in(ym, static_cast<unsigned>(r_.between(10, 28))),
                                                   m.admission_date, m.joined_branch});
                    if (paid_on > R_) continue;
                    record_dues_payment(
                        s_, {m.id, ym, monthly, false, dues_paid_at::home_org, m.branch, "组织委员", paid_on},
                        R_, why);
                    ++out_.dues_payments;
                }
            }
        }
    }

    // ---- elections (换届选举, 两推一选) of a few branches outside the model branches

    enum class poll {
        completed,            // on the term's end (or early, approved), the secretary approved
        approval_pending,     // result reported, the secretary not yet approved
        candidates_approved,  // the meeting is planned on the term's end, after the reference date
        overdue,              // the term ended; request approved, no meeting, no extension
        request_pending,      // the term ended; the request unanswered for weeks
    };

    // A branch that may hold an election here: its term end, and its full members of the roster part
    // who stay in it throughout (never touched, full a year before the reference date).
    struct electing {
        int index = 0;
        org_unit unit;
        sys_days ends{};
        std::vector<std::int64_t> pool;
    };

    // The members of `e`'s pool who are full members on `d` (entitled to vote at its meetings).
    int full_count(electing const& e, sys_days d) const {
        return static_cast<int>(
            std::count_if(e.pool.begin(), e.pool.end(), [&](std::int64_t seq) { return full_on(seq, d); }));
    }

    void elections() {
        auto const since = R_ - days{400};
        // Branches outside the model branches with a term, and their members (one pass over the roster).
        std::map<org_id, org_unit> units;
        for (auto& u : s_.orgs())
            units.emplace(u.id, std::move(u));
        std::map<int, std::vector<std::int64_t>> pools;
        for (int i = 0; i < static_cast<int>(f_.orgs.size()); ++i) {
            auto const& o = org(i);
            if (is_branch(o.kind) && !is_model_.count(i) && o.term_start && o.established < since) pools[i];
        }
        for (std::int64_t seq = 0; seq < static_cast<std::int64_t>(members_.size()); ++seq) {
            auto const it = pools.find(fact(seq).branch);
            if (it != pools.end() && full_on(seq, since) && !chosen_.count(seq)) it->second.push_back(seq);
        }
        std::vector<electing> all;
        for (auto& [i, pool] : pools) {
            if (pool.size() < 12) continue;
            auto const& u = units.at(org(i).id);
            auto const ends = term_end(u, s_.rules());
            if (!ends || u.dissolved) continue;
            all.push_back({i, u, *ends, std::move(pool)});
        }
        std::stable_sort(all.begin(), all.end(),
                         [](electing const& a, electing const& b) { return a.ends < b.ends; });
        // Which branch holds which: the terms that ended longest ago are overdue, then the recent ends
        // are held on time; a term ending soon has its candidates approved; if too few terms ended,
        // some branches held theirs early.
        auto const want = static_cast<std::size_t>(std::clamp<std::int64_t>(out_.branches / 40, 2, 8));
        std::vector<std::pair<std::size_t, poll>> plan;
        std::set<std::size_t> used;
        auto take = [&](poll p, auto ok) {
            for (std::size_t k = 0; k < all.size(); ++k)
                if (!used.count(k) && ok(all[k].ends)) {
                    used.insert(k);
                    plan.push_back({k, p});
                    return true;
                }
            return false;
        };
        take(poll::overdue, [&](sys_days e) { return e < R_ - days{20}; });
        take(poll::request_pending, [&](sys_days e) { return e < R_ - days{5}; });
        take(poll::approval_pending, [&](sys_days e) { return e >= R_ - days{40} && e <= R_ - days{6}; });
        std::size_t completed = 0;
        while (completed < want &&
               take(poll::completed, [&](sys_days e) { return e >= R_ - days{45} && e <= R_ - days{14}; }))
            ++completed;
        take(poll::candidates_approved, [&](sys_days e) { return e > R_ + days{3} && e <= R_ + days{90}; });
        while (completed < want &&
               take(poll::completed, [&](sys_days e) { return e > R_ + days{90} && e <= R_ + days{300}; }))
            ++completed;
        std::sort(plan.begin(), plan.end());
        std::int64_t done = 0;
        for (auto const& [k, p] : plan) {
            report("elections", ++done, static_cast<std::int64_t>(plan.size()));
            election_for(all[k], p);
        }
    }

    void election_for(electing const& e, poll p) {
        auto const& o = org(e.index);
        auto const higher = org_parent_name(e.unit);
        // The dates: the meeting on the term's end, or early with the higher organisation's approval.
        sys_days meeting = e.ends;
        bool early = false;
        if (p == poll::completed && e.ends > R_) {
            meeting = R_ - days{r_.between(25, 60)};
            early = true;
        }
        // (One draw per statement: the order of operands is unspecified, and compilers differ.)
        sys_days requested{};
        switch (p) {
            case poll::overdue: {
                auto const before_end = e.ends - days{r_.between(40, 60)};
                requested = std::max(before_end, R_ - days{r_.between(70, 100)});
                break;
            }
            case poll::request_pending: {
                auto const weeks_ago = R_ - days{r_.between(45, 75)};
                requested = std::min(weeks_ago, e.ends - days{r_.between(10, 30)});
                break;
            }
            case poll::candidates_approved: {
                auto const before_end = e.ends - days{r_.between(55, 70)};
                requested = std::min(before_end, R_ - days{r_.between(40, 50)});
                break;
            }
            default:
                requested = meeting - days{r_.between(50, 65)};
        }
        // Who stands: the members of the branch throughout, full members on the request's date.
        std::vector<std::int64_t> people;
        for (auto const seq : e.pool) {
            if (!full_on(seq, requested)) continue;
            auto const m = s_.get_member(id_of(seq));
            auto const st = s_.standing_on(m.id, R_);
            if (m.branch != o.id || m.joined_branch > requested || !st || st->state != standing_state::normal)
                continue;
            people.push_back(seq);
        }
        if (people.size() < 10) return;
        int const seats = people.size() >= 20 ? 5 : 3;
        auto const candidates_n = static_cast<std::size_t>(minimum_candidates(seats));
        // The outgoing secretary stands again; the others are drawn.
        std::vector<std::int64_t> cands;
        if (auto const* sec = secretary_of(o))
            for (auto const seq : people)
                if (id_of(seq) == sec->member) cands.push_back(seq);
        auto const rest = pick(people, candidates_n + 2 - cands.size(), [&](std::int64_t seq) {
            return std::find(cands.begin(), cands.end(), seq) == cands.end();
        });
        cands.insert(cands.end(), rest.begin(), rest.end());
        if (cands.size() < candidates_n + 2) return;
        std::vector<member_id> nominees;
        for (auto const seq : cands)
            nominees.push_back(id_of(seq));
        std::vector<member_id> const shortlist(nominees.begin(), nominees.end() - 1);
        std::vector<member_id> const candidates(nominees.begin(),
                                                nominees.begin() + static_cast<std::ptrdiff_t>(candidates_n));

        auto const id = open_election(s_, o.id,
                                      election_requested{.date = requested,
                                                         .seats = seats,
                                                         .planned_on = std::max(meeting, requested),
                                                         .document = "关于召开党员大会进行换届选举的请示"},
                                      why);
        ++out_.elections;
        auto step = [&](election_record const& r) { record_election(s_, id, r, why); };
        if (p == poll::request_pending) return;
        auto d = requested + days{r_.between(5, 9)};
        step(request_approved{d, higher, "关于同意换届选举的批复", {}});
        if (p == poll::overdue) return;
        if (early) {
            d += days{1};
            step(term_advanced{.date = d,
                               .from = meeting,
                               .approved_by = higher,
                               .document = "关于同意提前换届的批复",
                               .reason = "工作需要, 与所在单位换届同步进行",
                               .note = {}});
        }
        auto const voters = static_cast<int>(people.size());
        auto nominate = [&](auto rec) {
            for (auto const m : nominees)
                rec.nominees.push_back({m, r_.between(voters / 3, voters)});
            step(rec);
        };
        d += days{r_.between(4, 8)};
        nominate(members_nominated{d, {}, "党员推荐"});
        if (o.rural || e.unit.village_or_community) {
            d += days{r_.between(1, 3)};
            nominate(masses_nominated{d, {}, "群众推荐 (两推一选)"});
        }
        d += days{r_.between(3, 6)};
        step(committee_reviewed{d, shortlist, "支部委员会研究确定候选人初步人选"});
        d += days{r_.between(5, 9)};
        step(candidates_approved{d, candidates, higher, "关于委员候选人预备人选的批复", {}});
        if (p == poll::candidates_approved) return;

        int const entitled = full_count(e, meeting);
        int const present = entitled - r_.between(0, std::max(0, (entitled - 1) / 6));
        step(meeting_held{.date = meeting,
                          .kind = election_meeting::members_meeting,
                          .attendance = {entitled, present},
                          .dispersed = false,
                          .document = {},
                          .note = "支部党员大会"});
        std::vector<candidate_tally> tallies;
        for (std::size_t k = 0; k < candidates.size(); ++k) {
            candidate_tally t{candidates[k], 0, 0, 0};
            t.votes_for = k < static_cast<std::size_t>(seats) ? present - r_.between(0, present / 4)
                                                              : r_.between(present / 5, present / 2);
            t.against = r_.between(0, present - t.votes_for);
            t.abstain = present - t.votes_for - t.against;
            tallies.push_back(t);
        }
        step(round_counted{meeting, {seats, present, present, present}, tallies, {}, {}});
        std::vector<member_id> const elected(candidates.begin(), candidates.begin() + seats);
        step(committee_elected{meeting, elected, {}});
        std::vector<member_id> deputies;
        if (seats == 5) deputies.push_back(elected[1]);
        step(secretary_elected{meeting, elected[0], deputies, "新一届支部委员会第一次会议"});
        auto const reported = meeting + days{r_.between(2, 4)};
        step(result_reported{reported, higher, "关于换届选举结果的报告", {}});
        if (p == poll::approval_pending) return;
        step(secretary_approved{
            reported + days{r_.between(3, 6)}, higher, "关于支部委员会组成人员的批复", {}});
        ++out_.elections_completed;
    }

    std::string org_parent_name(org_unit const& u) const {
        if (!u.parent) return "上级党组织";
        for (auto const& x : f_.orgs)
            if (x.id == *u.parent) return x.name;
        return "上级党组织";
    }

    // ---- village decisions (四议两公开) of village branches, else community ones

    enum class matter {
        complete,    // through 实施结果公开
        not_public,  // resolved, the resolution not made public (decision.resolution_not_public)
        result_due,  // the resolution public, the implementation due, the result not public
        consulting,  // the two committees consulted; the members' meeting to come
    };

    void decisions() {
        std::vector<int> places;
        for (int i = 0; i < static_cast<int>(f_.orgs.size()); ++i)
            if (org(i).rural && org(i).established < R_ - days{400}) places.push_back(i);
        bool const villages = !places.empty();
        if (!villages) {
            std::map<org_id, int> index;
            for (int i = 0; i < static_cast<int>(f_.orgs.size()); ++i)
                index.emplace(org(i).id, i);
            for (auto const& u : s_.orgs())
                if (u.village_or_community && is_branch(u.kind) && u.established < R_ - days{400} &&
                    !u.dissolved && index.count(u.id))
                    places.push_back(index.at(u.id));
        }
        if (places.empty()) return;
        static constexpr std::array pattern{matter::complete, matter::not_public, matter::result_due,
                                            matter::consulting};
        auto const n = std::clamp<std::int64_t>(static_cast<std::int64_t>(places.size()) / 10, 2, 6);
        for (std::int64_t k = 0; k < n; ++k)
            std::swap(places[static_cast<std::size_t>(k) % places.size()],
                      places[static_cast<std::size_t>(k) % places.size() +
                             r_.below(places.size() - static_cast<std::size_t>(k) % places.size())]);
        for (std::int64_t k = 0; k < n; ++k) {
            report("decisions", k + 1, n);
            decision_for(org(places[static_cast<std::size_t>(k) % places.size()]),
                         pattern[static_cast<std::size_t>(k) % pattern.size()], villages, k);
        }
    }

    void decision_for(org_fact const& o, matter m, bool village, std::int64_t k) {
        static constexpr std::array<std::string_view, 4> village_subjects{
            "村集体土地流转给农业合作社经营", "修建村文化广场", "村内道路硬化工程", "村集体闲置房屋对外出租"};
        static constexpr std::array<std::string_view, 4> community_subjects{
            "老旧小区加装电梯", "社区公共停车位划分", "社区文化活动室改造", "小区垃圾分类投放点设置"};
        auto const subject =
            std::string((village ? village_subjects : community_subjects)[static_cast<std::size_t>(k) % 4]);
        int entitled = 0;
        sys_days start{};
        switch (m) {
            case matter::complete:
                start = R_ - days{r_.between(200, 260)};
                break;
            case matter::not_public:
                start = R_ - days{r_.between(40, 60)};
                break;
            case matter::result_due:
                start = R_ - days{r_.between(150, 180)};
                break;
            case matter::consulting:
                start = R_ - days{r_.between(10, 20)};
                break;
        }
        for (auto const& x : s_.roster(scope::subtree(o.id), start))
            if (x.status_on(start) == member_status::full && x.joined_branch <= start) ++entitled;
        if (entitled < 3) return;
        auto const id = open_decision(s_, o.id, proposed{start, subject, "支部委员会提议"}, {}, why);
        ++out_.decisions;
        auto step = [&](decision_record const& r) { record_decision(s_, id, r, why); };
        auto d = start + days{r_.between(3, 7)};
        step(two_committees_consulted{d, "村党组织和村民委员会联席会议商议"});
        if (m == matter::consulting) return;
        d += days{r_.between(5, 10)};
        int const present = entitled - r_.between(0, (entitled - 1) / 4);
        step(members_meeting_reviewed{d, {entitled, present, 0, present - 1, 0, 1}, "党员大会审议"});
        d += days{r_.between(5, 10)};
        if (m == matter::not_public) d = R_ - days{r_.between(9, 14)};
        int const representatives = r_.between(25, 45);
        int const attending = representatives - r_.between(0, representatives / 4);
        auto const due = d + days{m == matter::complete ? r_.between(60, 120) : r_.between(60, 90)};
        step(villagers_resolved{.date = d,
                                .body = resolving_body::representatives_meeting,
                                .members = representatives,
                                .households = 0,
                                .present = attending,
                                .households_present = 0,
                                .in_favour = attending - r_.between(0, attending / 5),
                                .implementation_due = due,
                                .note = village ? "村民代表会议" : "居民代表会议"});
        if (m == matter::not_public) return;
        step(resolution_published{
            d + days{r_.between(1, 5)}, publication_channel::notice_board, {}, "村务公开栏"});
        if (m == matter::result_due) return;
        auto const ended = due - days{r_.between(0, 20)};
        step(result_published{
            ended + days{r_.between(3, 15)}, publication_channel::notice_board, ended, {}, "村务公开栏"});
        ++out_.decisions_completed;
    }

    store& s_;
    roster_facts const& f_;
    std::vector<member_fact> const& members_;
    std::vector<member_id> const& ids_;
    sys_days R_;
    rng r_;
    summary& out_;
    std::function<void(std::string_view, std::int64_t, std::int64_t)> progress_;
    std::vector<int> model_;
    std::set<int> is_model_;
    std::map<int, std::vector<std::int64_t>> members_of_;
    std::set<std::int64_t> chosen_;
    std::unordered_set<std::uint64_t> applicant_ids_;
    std::set<std::tuple<std::int64_t, std::int64_t, std::string>> lines_;
    std::map<std::int64_t, roster_cache> rosters_;
    int letter_serial_ = 0;
};

}  // namespace

void add_domains(store& s, roster_facts const& facts, options const& o, summary& out) {
    writer(s, facts, o, out).run();
}

}  // namespace dangyuan::sample::detail
