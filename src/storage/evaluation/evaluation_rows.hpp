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

// ---- codes: stored enumerators are read with storage::stored_enum (rows.hpp)

template <class E>
std::string code_of(E v) {
    return std::string(to_string(v));
}

// ---- column helpers

void bind_id(sql::statement& st, char const* name, std::int64_t v);
/// Binds the six vote columns by name (:vote_entitled ... :vote_abstain).
void bind_vote(sql::statement& st, branch_vote const& v);
/// Reads six vote columns starting at `c`; nothing when the first is NULL.
std::optional<branch_vote> read_vote(sql::statement& st, int c);
std::string vote_text(branch_vote const& v);
/// Optimistic concurrency: the aggregate must still have the version it was loaded with.
void bump_version(sql::database& db, char const* table, std::int64_t id, std::int64_t version,
                  std::string const& what);
bool in_ids(std::vector<std::int64_t> const& ids, std::int64_t id);

// ---- the aggregates, loaded set-wise

struct loaded_campaign {
    campaign c;
    std::int64_t version = 0;
};
/// The campaigns `ids` in that order, each with its records: five queries for the whole set.
/// \throws not_found for an id that names no campaign.
std::vector<loaded_campaign> load_campaigns(sql::database& db, std::vector<campaign_id> const& ids);
loaded_campaign load_campaign(sql::database& db, campaign_id id);

struct loaded_file {
    std::int64_t id = 0;
    std::int64_t version = 0;
    disposition_file file;
};
/// The disposition files of the members `ids`, by member id (members without one are absent): three
/// queries for the whole set.
std::unordered_map<std::int64_t, loaded_file> load_files(sql::database& db,
                                                         std::vector<member_id> const& ids);
std::optional<loaded_file> find_file(sql::database& db, member_id m);

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
