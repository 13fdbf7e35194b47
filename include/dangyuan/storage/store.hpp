#pragma once
/// \file
/// The SQLite store: the public interface of `dangyuan::sqlite`.
///
/// Every write is one transaction and lands in the append-only audit trail. A rejected command (bad
/// input, rule violation, conflict) writes nothing: the file is byte-for-byte as before. SQLiteCpp
/// exceptions never escape; failures surface as `storage_error`, `conflict` or `not_found`.

#include <date/date.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dangyuan/agenda/agenda.hpp"
#include "dangyuan/core/access.hpp"
#include "dangyuan/core/ids.hpp"
#include "dangyuan/core/work_calendar.hpp"
#include "dangyuan/member/discipline.hpp"
#include "dangyuan/member/member.hpp"
#include "dangyuan/member/standing.hpp"
#include "dangyuan/member/voting.hpp"
#include "dangyuan/org/org.hpp"
#include "dangyuan/org/org_rules.hpp"
#include "dangyuan/rules/rule_set.hpp"
#include "dangyuan/storage/audit_chain.hpp"

namespace dangyuan {

class store;
namespace detail {
struct store_access;  // lets the domain repositories in src/storage reach the implementation
}

/// Batches of at least this many members make `store::add_members` raise SQLite's page cache for the
/// batch (see `bulk_cache_kib`).
inline constexpr std::size_t bulk_cache_min_rows = 10'000;

/// The page cache, in KiB (`PRAGMA cache_size = -kib`), that `store::add_members` uses while it writes
/// a batch of at least `bulk_cache_min_rows` members, when the members table will then hold
/// `members_after` rows: 64 bytes per member (about the size of the ID-number and name indexes, whose
/// pages an insert visits in random order), at least 64 MiB and at most 1 GiB. The cache is restored
/// when the batch ends. SQLite's default of 2 MiB holds too little of those indexes once a roster has
/// a few hundred thousand members; inserts then read index pages back from the operating system and
/// spill changed ones before the commit (docs/performance.md, growth).
[[nodiscard]] constexpr std::int64_t bulk_cache_kib(std::int64_t members_after) noexcept {
    constexpr std::int64_t least = 64 * 1024, most = 1024 * 1024;
    auto const kib = members_after / 16;  // 64 bytes per member
    return kib < least ? least : (kib > most ? most : kib);
}

/// The page cache, in KiB, while a batch that dropped the members table's secondary indexes builds them
/// again: SQLite sorts each index's keys in memory runs as large as the page cache (at most 512 MiB).
/// Runs of 64 MiB stay within the processor's reach and are sorted by a second thread
/// (`bulk_sort_threads`) while the table is read; one run of a 10 000 000-member roster's ID numbers
/// sorted alone took twice as long (docs/performance.md, growth).
inline constexpr std::int64_t bulk_sort_cache_kib = 64 * 1024;

/// The worker threads (`PRAGMA threads`) SQLite may use besides the calling one while such a batch builds
/// its indexes.
inline constexpr int bulk_sort_threads = 1;

/// Which organisations a query covers: the whole store, or the subtree under one organisation
/// (the organisation itself included) — "一级抓一级".
struct scope {
    std::optional<org_id> root;

    /// Every organisation in the store.
    [[nodiscard]] static scope all() noexcept { return {}; }
    /// `root` and everything below it.
    [[nodiscard]] static scope subtree(org_id root) noexcept { return scope{root}; }
};

/// Today's date in China (UTC+8, no daylight saving) by the system clock: the default clock of a store.
[[nodiscard]] date::sys_days china_today();

/// Options for opening a store.
struct store_options {
    std::string actor = "system";  ///< recorded as "who" in the audit trail
    /// Who acts through the handle, with which role, over which subtree (core/access.hpp). Every public
    /// call of the store and of the domain headers is checked against it (docs/security.md); a refusal
    /// throws access_denied and is recorded in the audit trail. Its actor replaces `actor`, and the audit
    /// trail records it as "actor (role@org)". None: the organisation department over the whole store.
    /// \throws (store::open) not_found when its organisation is not in the store.
    std::optional<dangyuan::principal> principal;
    rule_set rules = rule_set::national_2014();
    /// Create the store when the file does not exist, or when the server's database (its current schema)
    /// holds no table; otherwise such a location is refused with storage_error. Ignored when `read_only`.
    bool create = true;
    /// Open for reading only (SQLITE_OPEN_READONLY): the file is never created, migrated or changed,
    /// and every write throws storage_error. A missing or empty file, or a store whose schema is older
    /// than schema_version_latest, is refused. A store in a directory the process cannot write to is
    /// read as immutable (see docs/reliability.md).
    bool read_only = false;
    /// How long a command waits for another connection's lock before it fails with storage_error
    /// ("database is locked"). Set before the first statement on the file.
    std::chrono::milliseconds busy_timeout{5000};
    /// The date of recording (today): no event may be dated after it. Empty: china_today(). Tests pin it.
    std::function<date::sys_days()> today;
};

/// One line of the audit trail.
struct audit_entry {
    std::int64_t seq = 0;  ///< strictly increasing
    std::string at;        ///< UTC time of the write, ISO 8601 (a fact about the write, not a rule input)
    std::string actor;     ///< who
    std::string entity;    ///< "org", "member", "standing", …
    std::int64_t entity_id = 0;
    std::string action;  ///< "insert", "update", "suspended", …
    std::string why;     ///< the caller's reason, may be empty
    std::string detail;  ///< a compact description of the change (key=value; …)
};

/// An open store. Move-only; closing happens on destruction.
///
/// A store is used by one thread at a time: its SQLite connection is opened without SQLite's per-call
/// mutex (SQLITE_OPEN_NOMUTEX). Threads that work at once open a store each (the file's locks order
/// their writes), or take turns on one store under a lock of their own, as the Python binding does.
class store {
public:
    /// The schema version this library writes. Older files are migrated on open.
    static constexpr int schema_version_latest = 20;

    /// Opens or creates a store. `":memory:"` gives a private in-memory store.
    /// \throws storage_error when the file cannot be opened, is not a dangyuan store, or was written by a
    ///         newer version of the library (its schema version is greater than schema_version_latest).
    static store open(std::filesystem::path const& path, store_options options = {});

    store(store&&) noexcept;
    store& operator=(store&&) noexcept;
    ~store();

    /// The schema version of the open file (after migration: schema_version_latest).
    [[nodiscard]] int schema_version() const;
    /// The rule set the store was opened with.
    [[nodiscard]] rule_set const& rules() const noexcept;
    /// Sets who is recorded in the audit trail for the following writes (the principal's role and
    /// subtree stay as they were opened).
    void set_actor(std::string actor);
    /// Who acts through this handle: the principal it was opened with, or principal::full_access.
    [[nodiscard]] dangyuan::principal const& acting() const noexcept;
    /// Checks an action the application does itself with what it read (an export it writes, say) the
    /// way the store checks its own calls: the principal must have `p` and, with `org`, its subtree must
    /// hold that organisation (without, `p` alone is checked).
    /// \throws access_denied, recorded in the audit trail.
    void require(permission p, std::optional<org_id> org = std::nullopt) const;
    /// Today's date by the store's clock (store_options::today): the latest date a record may carry.
    [[nodiscard]] date::sys_days today() const;
    /// True when the store was opened with store_options::read_only.
    [[nodiscard]] bool read_only() const noexcept;
    /// True while a store::transaction is open on this store.
    [[nodiscard]] bool in_transaction() const noexcept;

    /// Several writes as one transaction: every store call between construction and commit() lands
    /// together or not at all (each call becomes a savepoint of it, so a call that throws leaves the
    /// earlier ones in place and the caller decides). Destruction without commit() rolls back.
    /// The write lock is taken at construction (BEGIN IMMEDIATE), waiting up to the busy timeout.
    class transaction {
    public:
        /// \throws storage_error when the store is read-only, a transaction is already open on it, or the
        ///         lock cannot be had within the busy timeout.
        explicit transaction(store& s);
        transaction(transaction const&) = delete;
        transaction& operator=(transaction const&) = delete;
        ~transaction();
        /// \throws storage_error when the commit fails (the transaction is then rolled back).
        void commit();
        /// Undoes every write since construction (also what destruction does).
        void rollback() noexcept;

    private:
        store* s_;
        bool open_ = true;
    };

    /// Writes a consistent copy of the store to `target` with SQLite's online backup, while other
    /// connections may go on writing (they wait at most for one page step). The copy is written to a
    /// temporary file beside `target` and renamed over it when complete.
    /// \throws storage_error when the copy cannot be written; invalid_input{"target"} when `target` is
    ///         the store's own file.
    void backup(std::filesystem::path const& target) const;

    // ---- organisations
    /// Adds an organisation; `draft.id` and `draft.version` are ignored.
    /// \throws not_found for an unknown parent; invalid_input / rule_violation from validate_org.
    org_id add_org(org_unit draft, std::string_view why = {});
    /// \throws not_found.
    [[nodiscard]] org_unit org(org_id id) const;
    /// Replaces an organisation record. `o.version` must be the stored version.
    /// \throws conflict when the stored version differs (someone else changed it).
    void update_org(org_unit const& o, std::string_view why = {});
    /// Organisations in scope, parents before children.
    [[nodiscard]] std::vector<org_unit> orgs(scope s = scope::all()) const;
    /// Records the leadership of `org` from date `on` (the previous one ends that day).
    /// \throws rule_violation org.committee_threshold_7, org.committee_size, org.officers_full_members.
    void set_leadership(org_id org, date::sys_days on, std::vector<officer> const& officers,
                        std::string_view why = {});
    /// The leadership in office on `on` (empty when none is recorded).
    [[nodiscard]] std::vector<officer> leadership(org_id org, date::sys_days on) const;

    // ---- members
    /// Adds a member after validate_member.
    /// \throws conflict when another member has the same ID number; not_found for an unknown branch;
    ///         invalid_input{"branch"} when the branch is not a branch or not active on joined_branch.
    member_id add_member(member draft, std::string_view why = {});
    /// Adds many members in one transaction (all or nothing). Returns their ids in input order.
    /// A batch of `bulk_cache_min_rows` or more runs with the page cache of `bulk_cache_kib`. Such a
    /// batch at least as large as the roster it joins drops the members table's secondary indexes and
    /// builds them again after its rows (`bulk_sort_cache_kib`); on a file store that no other
    /// connection has open, called outside a transaction, it is written with SQLite's rollback journal
    /// instead of the write-ahead log, and the file returns to WAL when it ends. A process that opens
    /// the store meanwhile waits for it (up to its busy timeout).
    std::vector<member_id> add_members(std::span<member const> drafts, std::string_view why = {});
    /// The plausibility checks add_member and update_member apply besides validate_member, so that an
    /// importer can report them row by row before writing: text fields valid UTF-8 without control
    /// characters and within their caps (docs/reliability.md), admission not before 1921-07-01, birth
    /// before admission, no date after today().
    /// \throws invalid_input naming the field; rule_violation record.not_in_future.
    void check_member_plausible(member const& m) const;
    /// \throws not_found.
    [[nodiscard]] member get_member(member_id id) const;
    /// The member with this ID number, if any.
    [[nodiscard]] std::optional<member> find_member(citizen_id const& id_number) const;
    /// Replaces a member record; `m.version` must be the stored version.
    /// \throws conflict on a stale version.
    void update_member(member const& m, std::string_view why = {});
    /// Members of the branches in scope. With `as_of`, only those admitted on or before it and not
    /// exited by then (a suspended member is listed). Ordered by id.
    [[nodiscard]] std::vector<member> roster(scope s = scope::all(),
                                             std::optional<date::sys_days> as_of = std::nullopt) const;
    /// Number of members in the store.
    [[nodiscard]] std::int64_t member_count() const;
    /// Members whose name is exactly `name` (indexed), ordered by id.
    [[nodiscard]] std::vector<member> find_members_by_name(std::string const& name) const;
    /// The members with these ID numbers, in no particular order (absent ones are left out).
    [[nodiscard]] std::vector<member> find_members(std::span<citizen_id const> id_numbers) const;

    /// The members of `branch` with a vote on `on` (member/voting.hpp, vote.entitled_full_members), and how
    /// many of them are away on an open mobility episode. A branch meeting that votes counts them as
    /// entitled (应到会有表决权的正式党员).
    /// \throws not_found for an unknown organisation.
    [[nodiscard]] voting_roll voting_roll_on(org_id branch, date::sys_days on) const;

    // ---- standing (党籍)
    /// Appends a standing event after check_standing_event.
    void record_standing(member_id id, standing_event const& e, std::string_view why = {});
    /// The standing events of a member in date order.
    [[nodiscard]] std::vector<standing_event> standing_history(member_id id) const;
    /// The standing events of every member of the branches in scope that has any, in date order.
    [[nodiscard]] std::vector<std::pair<member_id, std::vector<standing_event>>> standing_histories(
        scope s = scope::all()) const;
    /// Standing on a date (nothing before admission).
    [[nodiscard]] std::optional<standing> standing_on(member_id id, date::sys_days d) const;
    /// Party age in completed years on a date (see party_age_on).
    [[nodiscard]] std::optional<int> party_age(member_id id, date::sys_days on) const;

    /// Records a party probation (留党察看) of a member.
    /// \throws rule_violation member.party_probation_max_2_years.
    void record_party_probation(member_id id, party_probation const& p, std::string_view why = {});
    /// The party probations of a member, oldest first.
    [[nodiscard]] std::vector<party_probation> party_probations(member_id id) const;

    // ---- rule sets
    /// Registers a local profile so that cases can be opened under it (persisted in the store).
    /// \throws rule_violation rules.profile_cannot_weaken; conflict when the name exists with other values.
    void register_rule_set(rule_set const& profile);
    /// The rule set of that name: the national set, or a registered profile.
    /// \throws not_found.
    [[nodiscard]] rule_set rule_set_named(std::string const& name) const;

    // ---- official holiday calendar (working days, cal.working_days_official)
    /// Loads official holiday data (days off and make-up workdays, in the `work_calendar` text format)
    /// into the store, so that every working-day rule of the store uses it from now on — the way a new
    /// year is added once the State Council's notice is published, without a new library version.
    /// \param source the notice the data comes from (e.g. "国办发明电〔2026〕12号"); required.
    /// \param known what to do with a year the store already has (built in or loaded): refuse it, or
    ///        replace it (a correction).
    /// \throws invalid_input{"holiday_data"} for malformed data (work_calendar::load),
    ///         invalid_input{"source"} when no source is named, conflict when a year is already known and
    ///         `known` is on_existing_year::reject.
    void load_holidays(std::string_view text, std::string_view source,
                       on_existing_year known = on_existing_year::reject, std::string_view why = {});
    /// The working-day calendar of the store: the built-in national years and those loaded, in load order.
    [[nodiscard]] work_calendar calendar() const;
    /// The years loaded into the store, each with the source of its data, in load order.
    [[nodiscard]] std::vector<std::pair<int, std::string>> loaded_holiday_years() const;

    // ---- agenda
    /// Everything due, upcoming, overdue or found on `as_of` in scope, sorted by due date, then kind.
    [[nodiscard]] std::vector<agenda_item> agenda(date::sys_days as_of, scope s = scope::all()) const;

    // ---- audit
    /// Records in the audit trail that personal data was read unmasked (an export of full ID numbers and
    /// phones, say): what was read, why, by which principal over which scope, and how many rows were
    /// shown. Reads themselves are never audited otherwise.
    /// \throws invalid_input{"why"} when no reason is given; access_denied when the principal lacks
    ///         permission::unmasked_personal_data.
    void record_access(std::string_view what, std::string_view why,
                       std::optional<std::int64_t> rows = std::nullopt);
    /// Audit entries with seq > after, in order.
    [[nodiscard]] std::vector<audit_entry> audit_log(std::int64_t after = 0) const;
    /// Checks the hash chain of the whole audit trail (storage/audit_chain.hpp): reads every entry in
    /// seq order and re-computes its hash. Reports the first entry that was changed, inserted or removed
    /// (for a removal, the seq of the first missing entry), or that the trail is intact; in both cases
    /// the number of entries checked and the latest entry's seq and hash. Entries removed from the end
    /// are not found unless the caller compares `head_seq` / `head_hash` with a copy kept elsewhere.
    /// Reads only; works on a read-only store.
    /// \throws storage_error when the trail cannot be read.
    [[nodiscard]] audit_verification verify_audit() const;

private:
    /// Implementation (defined in src/storage); the domain functions reach it through
    /// detail::store_access, which only src/storage defines.
    struct impl;
    friend struct detail::store_access;
    explicit store(std::unique_ptr<impl> p);
    std::unique_ptr<impl> impl_;
};

/// Replaces the content of the store `target` (created when missing) with the backup `source`, after
/// checking the backup: `PRAGMA integrity_check` must answer ok, the file must be a dangyuan store
/// (application id) with a schema version this library can read (an older one is migrated when the
/// store is next opened for writing). `target`, when it exists, must itself be a dangyuan store or an
/// empty file. Nothing is replaced when a check fails. The copy goes through SQLite's backup API into
/// `target` under its write lock, so connections open on it see the old or the new content, never a mix.
/// \throws storage_error naming the failed check; invalid_input{"source"} when source and target are
///         the same file.
void restore(std::filesystem::path const& source, std::filesystem::path const& target,
             std::chrono::milliseconds busy_timeout = std::chrono::milliseconds{5000});

/// True when `location` names a PostgreSQL server (`postgresql://…` or `postgres://…`, libpq's URI
/// syntax) rather than an SQLite file. `store::open` opens such a location on the server
/// (docs/deployment.md); a library built without libpq refuses it with storage_error.
[[nodiscard]] bool is_server_location(std::string_view location) noexcept;
/// `location` as messages may show it: a server URL without its password.
[[nodiscard]] std::string displayed_location(std::string_view location);
/// True when opening `location` would open something that is there rather than create a new store: a
/// file that exists, or a server database whose current schema (`search_path`) holds tables — a store,
/// or tables `store::open` refuses. False for `":memory:"`. Reads only; creates and changes nothing.
/// \throws storage_error when the server cannot be reached (or the library was built without libpq).
[[nodiscard]] bool store_exists(std::filesystem::path const& location);

/// Same as `store::open`.
[[nodiscard]] inline store open_store(std::filesystem::path const& path, store_options options = {}) {
    return store::open(path, std::move(options));
}

}  // namespace dangyuan
