#pragma once
// Internal to src/storage/life: what the repositories of organisational life share (meetings and
// attendance, the training ledger, party dues). Every aggregate is kept as its records, one row each and
// one column per field, and read back set-wise: the rows of a whole set in one query per table. The
// roster readers here (with those of member_rows.hpp: the members, standing histories and probations of
// a set) load the members and officers of a set at once, so that no command or report reads the store
// once per member. Nothing here is installed.

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "../impl.hpp"
#include "../member_rows.hpp"
#include "../rows.hpp"
#include "dangyuan/member/discipline.hpp"
#include "dangyuan/storage/life_store.hpp"

namespace dangyuan::storage::life_rows {

using storage::bind_date;
using storage::column_date;
using storage::format_iso;
using storage::impl_of;
using storage::members_of;
using storage::probations_of;
using storage::raw;
using storage::rows_of;
using storage::standing_histories_in;
using storage::standing_histories_of;
using storage::standing_lookup;
using binder = std::function<void(sql::statement&)>;

/// "member 12 (name)", for messages.
std::string who(member const& m);

// ---- column mapping (months are 'YYYY-MM' text, money integer fen, class hours integer tenths)

/// A month column; NULL reads as nothing, anything but a month is a storage_error naming `name`.
std::optional<date::year_month> column_month(sql::statement& st, int col, char const* name);
/// Binds a month as 'YYYY-MM' (NULL when absent) by `:name`.
void bind_month(sql::statement& st, char const* name, std::optional<date::year_month> m);

/// Sorted ids: is `id` one of them.
bool in(std::vector<std::int64_t> const& sorted, std::int64_t id);

// ---- the roster, set-wise

/// Members of the branches in scope admitted on or before `on` and not exited by then, ordered by id;
/// with `in_branch`, only those in their branch by then (joined on or before `on`).
std::vector<member> members_on(sql::database& db, date::sys_days on, scope const& sc, bool in_branch);
/// The same with `in_branch`, for the members of the branches `branches` (one query for the set).
std::vector<member> members_of_branches_on(sql::database& db, date::sys_days on,
                                           std::vector<std::int64_t> const& branches);
/// (org, member) pairs of officers (any role) in office on some day of [from, to].
using officer_set = std::set<std::pair<std::int64_t, std::int64_t>>;
/// With `only` (sorted ids), the officers of those organisations alone.
officer_set officers_between(sql::database& db, date::sys_days from, date::sys_days to,
                             std::vector<std::int64_t> const* only = nullptr);
/// The organisations whose leadership on `on` holds a committee member (委员); with `only` (sorted ids),
/// among those organisations alone.
std::set<std::int64_t> committee_orgs_on(sql::database& db, date::sys_days on,
                                         std::vector<std::int64_t> const* only = nullptr);
/// A branch has a committee when its leadership holds a committee member (委员): below the committee
/// threshold a branch has only a secretary and at most one deputy (org.committee_threshold_7).
bool has_committee(std::vector<officer> const& leaders);

// ---- meetings

/// Meetings matching `where` (over alias m, parameters bound by name by `bind`), by date then id, with
/// their attendance lists in recorded order.
std::vector<stored_meeting> load_meetings(sql::database& db, std::string const& where, binder const& bind);
/// Meetings dated in [from, to], by date then id; with `only` (sorted ids), those of these organisations.
std::vector<meeting> meetings_between(sql::database& db, date::sys_days from, date::sys_days to,
                                      std::vector<std::int64_t> const* only = nullptr);

// ---- training

/// The columns read_training reads, in its order.
extern char const* const training_columns;
training_record read_training(sql::statement& st);
using training_by_member = std::unordered_map<std::int64_t, std::vector<training_record>>;
/// Training lines of a calendar year, by member.
training_by_member training_in_year(sql::database& db, int year);
/// Training lines dated on or after `from`, by member.
training_by_member training_since(sql::database& db, date::sys_days from);
/// The secretaries in office on `on`, each with the first day of the continuous tenure; with `only`
/// (sorted ids), those of these organisations alone.
std::vector<secretary_tenure> secretary_tenures(sql::database& db, date::sys_days on,
                                                std::vector<std::int64_t> const* only = nullptr);
/// The training roster of the members given, with their role (`officers`: officers_between the start of
/// the year and the day; `also_officer_of`: an organisation whose officers also count).
std::vector<training_roster_entry> training_roster(officer_set const& officers,
                                                   std::vector<member> const& members,
                                                   std::optional<org_id> also_officer_of);

// ---- dues

/// A dues account with its terms (version included).
struct account_rows {
    dues_terms terms;
    dues_account account;
};
/// Accounts (terms, bases, reliefs, excuses) of one member, or of every member when `only` is empty.
std::unordered_map<std::int64_t, account_rows> load_accounts(sql::database& db,
                                                             std::optional<member_id> only);
/// Accounts of the members `ids` (sorted).
std::unordered_map<std::int64_t, account_rows> load_accounts_of(sql::database& db,
                                                                std::vector<std::int64_t> const& ids);
/// Payments of one member, or of every member when `only` is empty, by member in recorded order.
std::unordered_map<std::int64_t, std::vector<dues_payment>> load_payments(sql::database& db,
                                                                          std::optional<member_id> only);
/// Payments of the members `ids` (sorted), by member in recorded order.
std::unordered_map<std::int64_t, std::vector<dues_payment>> load_payments_of(
    sql::database& db, std::vector<std::int64_t> const& ids);
/// The member's account with the admission date from the roster; nothing when none is open.
std::optional<account_rows> account_of(store const& s, member const& m);
/// The same. \throws not_found when the member has no account.
account_rows require_account(store const& s, member const& m);

}  // namespace dangyuan::storage::life_rows
