#pragma once
// Internal to src/storage/mobility: what the mobility repositories share. Each aggregate (episode,
// activity certificate, transfer letter, contact log) is a header row plus one row per record, read back
// set-wise by `load` (the header rows, then the records of all of them in one query) and replayed into
// the pure structs of dangyuan/mobility. Nothing here is installed.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "../impl.hpp"
#include "../rows.hpp"
#include "dangyuan/storage/mobility_store.hpp"

namespace dangyuan::storage::mobility_rows {

using storage::bind_date;
using storage::bind_opt;
using storage::column_date;
using storage::column_id;
using storage::format_iso;
using storage::impl_of;
using storage::opt_raw;
using storage::raw;
using binder = std::function<void(sql::statement&)>;

// ---- months and codes

/// A month as the `YYYY-MM` text of its column, and back (storage_error naming `column` for bad text).
std::string ym_text(date::year_month ym);
date::year_month parse_ym(std::string const& t, char const* column);

/// The hand-written code mappings of the mobility enums that have no parser of their own.

// ---- generic loading: header rows, then all their records in one query

/// An aggregate with its row id and version (optimistic concurrency).
template <class Agg>
struct stored {
    std::int64_t row = 0;
    std::int64_t version = 0;
    Agg value;
};

/// `head_sql` selects id, version, then the header fields (read by `read_head` from column 2);
/// `records_sql` selects the parent id, then the record fields (appended by `add_record` from column 1).
/// Both carry the same WHERE clause, bound by `bind` (by name).
template <class Agg, class ReadHead, class AddRecord>
std::vector<stored<Agg>> load(sql::database& db, std::string const& head_sql, std::string const& records_sql,
                              binder const& bind, ReadHead read_head, AddRecord add_record) {
    std::vector<stored<Agg>> out;
    std::unordered_map<std::int64_t, std::size_t> index;
    sql::statement head(db, head_sql);
    bind(head);
    while (head.step()) {
        stored<Agg> s;
        s.row = head.column(0).as_int64();
        s.version = head.column(1).as_int64();
        s.value = read_head(head);
        index.emplace(s.row, out.size());
        out.push_back(std::move(s));
    }
    if (out.empty()) return out;
    sql::statement recs(db, records_sql);
    bind(recs);
    while (recs.step()) {
        auto const it = index.find(recs.column(0).as_int64());
        if (it != index.end()) add_record(out[it->second].value, recs);
    }
    return out;
}

/// Binders for the WHERE clauses of `load`: none, or one integer as `:id`.
binder no_bind();
binder bind_int(std::int64_t v);

// ---- the aggregates (each `where` is a WHERE clause over the header table, bound by `bind`)

/// Episodes (header alias `e`).
std::vector<stored<mobility_episode>> load_episodes(sql::database& db, std::string const& where,
                                                    binder const& bind);
stored<mobility_episode> load_episode(sql::database& db, episode_id id);
void insert_episode_record(sql::database& db, std::int64_t episode, episode_record const& r);
/// The day the episode was closed by a return or a transfer, whatever the date asked.
std::optional<date::sys_days> closed_on(mobility_episode const& ep);
/// Bumps the episode's version (conflict when stale) and refreshes its snapshot.
void touch_episode(sql::database& db, stored<mobility_episode> const& e, mobility_episode const& after);

/// Activity certificates (header alias `c`).
std::vector<stored<activity_certificate>> load_certificates(sql::database& db, std::string const& where,
                                                            binder const& bind);
/// Transfer letters (header alias `t`).
std::vector<stored<transfer_letter>> load_transfers(sql::database& db, std::string const& where,
                                                    binder const& bind);
/// Contact logs (header alias `l`).
std::vector<stored<contact_log>> load_contact_logs(sql::database& db, std::string const& where,
                                                   binder const& bind);

// ---- organisations and members

bool at_or_below(sql::database& db, org_id node, org_id root);
bool in_ids(std::vector<std::int64_t> const& ids, org_id o);
/// The nearest grassroots or working committee above `branch`, if any.
std::optional<org_id> committee_above(store const& s, org_id branch);
/// Refuses a date on which `m` is not a member, has left the party or (unless allowed) is suspended.
void require_member_on(store const& s, member const& m, date::sys_days d, bool allow_suspended,
                       std::string const& what);

}  // namespace dangyuan::storage::mobility_rows
