// dangyuan::statistics: gathers the inputs of a scope set-wise (one roster read, one read of the
// standing events of the scope, the pipeline, the mobility figures, the year's campaigns, the completion
// of the year's elections) and leaves every counting decision to reports/statistics.hpp.

#include "access.hpp"
#include "dangyuan/storage/statistics_store.hpp"

#include <algorithm>
#include <span>
#include <utility>
#include <vector>

#include "dangyuan/core/errors.hpp"
#include "dangyuan/reports/organisation_work_rows.hpp"
#include "dangyuan/storage/appraisal_store.hpp"
#include "dangyuan/storage/community_store.hpp"
#include "dangyuan/storage/coverage_store.hpp"
#include "dangyuan/storage/development_store.hpp"
#include "dangyuan/storage/election_store.hpp"
#include "dangyuan/storage/evaluation_store.hpp"
#include "dangyuan/storage/honours_store.hpp"
#include "dangyuan/storage/mobility_store.hpp"
#include "dangyuan/storage/rectification_store.hpp"
#include "evaluation/evaluation_rows.hpp"
#include "member_rows.hpp"

namespace dangyuan {
namespace {

// The pipeline figures of the stages: those in a stage on `as_of`, those that entered it in the period.
// The store counts both against one date, so a period that ends before `as_of` takes a second read.
std::vector<stage_figures> stage_figures_of(store const& s, scope where, date::sys_days as_of,
                                            statistics_period period) {
    auto const in_period = pipeline_statistics(s, period.first, period.last, where);
    std::vector<stage_figures> out;
    for (auto const& row : in_period)
        out.push_back({row.of, row.on_date, row.entered});
    if (period.last != as_of) {
        auto const on_date = pipeline_statistics(s, as_of, as_of, where);
        for (auto& f : out) {
            auto const it =
                std::find_if(on_date.begin(), on_date.end(), [&](auto const& r) { return r.of == f.of; });
            f.on_date = it == on_date.end() ? 0 : it->on_date;
        }
    }
    return out;
}

// What membership_tally reads of a member: counting_on, status_on, the groups and party_age_on. Built
// on first use, not when the library is loaded.
storage::member_field_set const& counted_fields() {
    static auto const fields =
        storage::member_field_subset({"sex", "ethnicity", "birth_date", "education", "category",
                                      "joined_branch", "admission_date", "full_member_date"});
    return fields;
}

}  // namespace

statistics_result statistics(store const& s, statistics_request const& request) {
    storage::call const c(s);
    // The figures of the part of the requested scope the principal may read (storage/access.hpp).
    auto r = request;
    r.where = storage::visible_scope(s, request.where);
    statistics_result st;
    st.as_of = r.as_of;
    st.where = r.where;
    st.period = r.period.value_or(statistics_period::year_to_date(r.as_of));
    if (st.period.last < st.period.first || st.period.last > r.as_of)
        throw invalid_input("period", "the period " + format_date(st.period.first) + " to " +
                                          format_date(st.period.last) +
                                          " must not end before it starts or after the statistics date " +
                                          format_date(r.as_of));
    for (auto const& o : s.orgs(r.where)) {
        ++st.organisations;
        st.branches += is_branch(o.kind) ? 1 : 0;
    }

    // Membership: the roster of the date, one member at a time, and the standing events of the scope,
    // both in member-id order.
    auto const histories = s.standing_histories(r.where);
    membership_tally tally;
    auto h = histories.begin();
    std::size_t done = 0, count = 0;
    storage::for_each_member(
        s, r.where, r.as_of,
        [&](member const& m) {
            while (h != histories.end() && h->first < m.id)
                ++h;
            std::span<standing_event const> history;
            if (h != histories.end() && h->first == m.id) history = h->second;
            tally.add(m, history, r.as_of, s.rules());
            if (r.progress && (++done % 20000 == 0 || done == count)) r.progress(done, count);
        },
        r.progress ? &count : nullptr, counted_fields());
    st.total = tally.total;
    st.suspended = tally.suspended;
    st.rows = tally.rows();

    auto append = [&](std::vector<statistics_row> rows) {
        st.rows.insert(st.rows.end(), std::make_move_iterator(rows.begin()),
                       std::make_move_iterator(rows.end()));
    };
    auto const stages = stage_figures_of(s, r.where, r.as_of, st.period);
    append(development_rows(stages, st.period == statistics_period::year_to_date(r.as_of)));

    auto const ms = mobility_statistics_on(s, r.as_of, r.where);
    append(mobility_rows({ms.away, ms.mobile, ms.registered, ms.reported_to_host, ms.hosted},
                         s.rules().mobility.mobile_after_months));

    st.evaluation_year = evaluation_year_reported(r.as_of);
    grade_tally_on grades;
    std::vector<campaign_id> year_campaigns;
    for (auto const& c : campaigns(s, r.where, st.evaluation_year))
        year_campaigns.push_back(c.id);
    auto const loaded = storage::in_read("reading evaluation campaigns", [&] {
        return storage::evaluation_rows::load_campaigns(detail::store_access::of(s).db, year_campaigns);
    });
    for (auto const& x : loaded)
        grades.add(campaign_state_on(x.c, r.as_of));
    append(grades.rows());

    st.elections = election_completion_on(s, r.where, election_year_reported(r.as_of), r.as_of);
    append(election_rows(st.elections));

    st.organisation_work_year = organisation_work_year_reported(r.as_of);
    append(community_rows(community_statistics_of(s, st.organisation_work_year, r.where)));
    append(honours_rows(honours_statistics_for(s, st.organisation_work_year, r.where)));
    append(appraisal_rows(appraisal_statistics_of(s, st.organisation_work_year, r.where)));
    append(rectification_rows(rectification_statistics_of(s, st.organisation_work_year, r.where)));
    append(coverage_rows(coverage_statistics_of(s, st.organisation_work_year, r.where)));
    return st;
}

}  // namespace dangyuan
