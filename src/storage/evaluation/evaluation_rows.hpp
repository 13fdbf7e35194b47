#pragma once
// Internal to src/storage/evaluation: what the evaluation repositories share (campaigns 民主评议党员,
// dispositions 不合格党员组织处置). Each aggregate is stored as its records, one row per record and one
// column per field, and read back set-wise: the records of a whole set of campaigns or files in one
// query per table. Nothing here is installed.

#include <array>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "../impl.hpp"
#include "../rows.hpp"
#include "dangyuan/storage/evaluation_store.hpp"

namespace dangyuan::storage::evaluation_rows {

using storage::col_date;
using storage::col_int;
using storage::col_int64;
using storage::col_text;
using storage::format_iso;
using storage::raw;

// ---- codes: the hand-written mappings of the evaluation enums

inline constexpr std::array all_grades{grade::excellent, grade::qualified, grade::basically_qualified,
                                       grade::unqualified};
inline constexpr std::array all_phases{campaign_phase::study,
                                       campaign_phase::self_assessment,
                                       campaign_phase::appraisal_self_review,
                                       campaign_phase::appraisal_mutual_review,
                                       campaign_phase::appraisal_vote,
                                       campaign_phase::organisational_assessment,
                                       campaign_phase::commendation_and_handling,
                                       campaign_phase::closed};
inline constexpr std::array all_exemptions{
    exemption_reason::unable_to_express_will, exemption_reason::abroad_self_funded,
    exemption_reason::serving_sentence, exemption_reason::bedridden_or_elderly,
    exemption_reason::away_without_transfer};
inline constexpr std::array all_bodies{decision_body::branch_committee, decision_body::branch_meeting};
inline constexpr std::array all_follow_ups{follow_up_kind::commended, follow_up_kind::encouraged,
                                           follow_up_kind::helped, follow_up_kind::educated,
                                           follow_up_kind::disposition_opened};
inline constexpr std::array all_statuses{member_status::probationary, member_status::full};
inline constexpr std::array all_forms{disposition_form::correction, disposition_form::persuasion,
                                      disposition_form::removal};

// A stored code back to its value; anything else means the file was edited by hand.
template <class E, std::size_t N>
E parse_code(std::string const& text, std::array<E, N> const& values, char const* column) {
    for (auto v : values)
        if (to_string(v) == text) return v;
    throw storage_error("column " + std::string(column) + " holds '" + text + "'");
}

disposition_ground parse_ground(std::string const& text);

template <class E>
std::string code_of(E v) {
    return std::string(to_string(v));
}

// ---- column helpers

void bind_id(SQLite::Statement& st, char const* name, std::int64_t v);
/// Binds the six vote columns by name (:vote_entitled ... :vote_abstain).
void bind_vote(SQLite::Statement& st, branch_vote const& v);
/// Reads six vote columns starting at `c`; nothing when the first is NULL.
std::optional<branch_vote> read_vote(SQLite::Statement& st, int c);
std::string vote_text(branch_vote const& v);
/// Optimistic concurrency: the aggregate must still have the version it was loaded with.
void bump_version(SQLite::Database& db, char const* table, std::int64_t id, std::int64_t version,
                  std::string const& what);
bool in_ids(std::vector<std::int64_t> const& ids, std::int64_t id);

// ---- the aggregates, loaded set-wise

struct loaded_campaign {
    campaign c;
    std::int64_t version = 0;
};
/// The campaigns `ids` in that order, each with its records: five queries for the whole set.
/// \throws not_found for an id that names no campaign.
std::vector<loaded_campaign> load_campaigns(SQLite::Database& db, std::vector<campaign_id> const& ids);
loaded_campaign load_campaign(SQLite::Database& db, campaign_id id);

struct loaded_file {
    std::int64_t id = 0;
    std::int64_t version = 0;
    disposition_file file;
};
/// The disposition files of the members `ids`, by member id (members without one are absent): three
/// queries for the whole set.
std::unordered_map<std::int64_t, loaded_file> load_files(SQLite::Database& db,
                                                         std::vector<member_id> const& ids);
std::optional<loaded_file> find_file(SQLite::Database& db, member_id m);

// The rule sets named by campaigns and files, each read once.
class rule_sets {
public:
    explicit rule_sets(store const& s) : s_(s) {}
    rule_set const& operator()(std::string const& name) {
        auto it = named_.find(name);
        if (it == named_.end()) it = named_.emplace(name, s_.rule_set_named(name)).first;
        return it->second;
    }

private:
    store const& s_;
    std::map<std::string, rule_set> named_;
};

}  // namespace dangyuan::storage::evaluation_rows
