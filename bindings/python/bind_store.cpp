// The SQLite store (storage/store.hpp) as dangyuan.Store, opened with dangyuan.open_store(). Queries
// and bulk loads run without the GIL (store_handle.hpp); bulk results are tables (table.hpp).

#include <pybind11/stl/filesystem.h>

#include <optional>
#include <string>
#include <vector>

#include "command.hpp"
#include "dangyuan/storage/server_principals.hpp"
#include "enums.hpp"
#include "foundation.hpp"
#include "roster_result.hpp"

namespace dangyuan::python {

namespace {

// Converts the records of an iterable, prefixing errors with the 1-based row number.
template <class T>
std::vector<T> records_from_python(py::iterable items) {
    std::vector<T> out;
    if (py::hasattr(items, "__len__")) out.reserve(py::len(items));
    std::size_t row = 0;
    for (py::handle item : items) {
        ++row;
        try {
            out.push_back(record_from_python<T>(item));
        } catch (invalid_id_number const& e) {
            throw invalid_id_number(e.reason(),
                                    "row " + std::to_string(row) + ": " + e.invalid_input::reason(),
                                    e.expected_check());
        } catch (invalid_input const& e) {
            throw invalid_input(e.field(), "row " + std::to_string(row) + ": " + e.reason());
        } catch (py::type_error const& e) {
            throw py::type_error("row " + std::to_string(row) + ": " + e.what());
        }
    }
    return out;
}

py::list id_list(std::vector<member_id> const& ids) {
    py::list out(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i)
        out[i] = py::cast(ids[i]);
    return out;
}

}  // namespace

void bind_store(py::module_& m) {
    py::class_<scope>(m, "Scope",
                      "Which organisations a query covers: Scope.all(), or Scope.subtree(org) (the org and "
                      "everything below it). Store methods also take None and an OrgId.")
        .def_static("all", &scope::all, "Every organisation in the store.")
        .def_static("subtree", &scope::subtree, py::arg("root"), "root and everything below it.")
        .def_readonly("root", &scope::root, "The root OrgId, None for the whole store.")
        .def(
            "__eq__", [](scope const& a, scope const& b) { return a.root == b.root; }, py::is_operator())
        .def("__repr__", [](scope const& s) {
            return s.root ? "Scope.subtree(OrgId(" + std::to_string(s.root->value()) + "))"
                          : std::string("Scope.all()");
        });

    using h = store_handle;
    using opt_scope = py::object;
    py::class_<h> cls(
        m, "Store",
        "An open dangyuan store (SQLite). Get one from open_store(); close it with close() or a "
        "with block. Every write is one transaction with a line in the audit trail; a rejected "
        "command writes nothing. Queries release the GIL; one store serves one thread at a "
        "time.");
    cls.attr("schema_version_latest") = store::schema_version_latest;
    cls.def_property_readonly("path", &h::path, "The path the store was opened with.")
        .def_property_readonly("closed", &h::closed, "True after close().")
        .def("close", &h::close, "Closes the store; using it afterwards raises StoreClosed.")
        .def("__enter__", [](py::object self) { return self; })
        .def(
            "__exit__", [](h& s, py::args const&) { s.close(); }, "Closes the store.")
        .def("__repr__",
             [](h& s) { return "<dangyuan.Store '" + s.path() + "'" + (s.closed() ? " closed" : "") + ">"; })
        .def_property_readonly(
            "schema_version", [](h& s) { return s.call([](store& st) { return st.schema_version(); }); },
            "The schema version of the open file.")
        .def_property_readonly(
            "rules", [](h& s) { return s.call([](store& st) { return st.rules(); }); },
            "A copy of the RuleSet the store was opened with.")
        .def_property("actor", &h::actor, &h::set_actor,
                      "Who is recorded in the audit trail for the next writes.")
        .def("set_actor", &h::set_actor, py::arg("actor"), "Same as assigning .actor.")
        .def_property_readonly(
            "principal", [](h& s) { return s.call([](store& st) { return st.acting(); }); },
            "Who acts through this handle (Principal): the one it was opened with, or full access.");

    // ---- organisations
    def_command(
        cls, "add_org", &store::add_org, py::arg("org") = py::none(), py::pos_only(), py::kw_only(),
        py::arg("why") = "",
        "Adds an organisation from an OrgUnit, a mapping, an object with its fields, or keywords; "
        "returns its OrgId. Raises NotFound (parent), InvalidInput, RuleViolation org.tree_structure / "
        "org.term_length.");
    def_command(cls, "org", &store::org, py::arg("id"),
                "The organisation with this id (NotFound otherwise).");
    cls.def(
        "update_org",
        [](h& s, py::object org, std::string const& why) {
            auto const o = record_from_python<org_unit>(org);
            s.call([&](store& st) {
                st.update_org(o, why);
                return 0;
            });
        },
        py::arg("org"), py::arg("why") = "",
        "Replaces an organisation record; its version must be the stored one (else Conflict).");
    def_command<as_table>(cls, "orgs", &store::orgs, py::arg("scope") = py::none(),
                          "The organisations in scope, parents first, as an OrgTable.");
    cls.def(
        "set_leadership",
        [](h& s, org_id org, date::sys_days on, py::iterable officers, std::string const& why) {
            auto const seats = records_from_python<officer>(officers);
            s.call([&](store& st) {
                st.set_leadership(org, on, seats, why);
                return 0;
            });
        },
        py::arg("org"), py::arg("on"), py::arg("officers"), py::arg("why") = "",
        "Records the leadership of org from `on` (Officer records, mappings or objects). Raises "
        "RuleViolation org.committee_threshold_7, org.committee_size, org.officers_full_members.");
    def_command(cls, "leadership", &store::leadership, py::arg("org"), py::arg("on"),
                "The leadership in office on `on`, as a list of Officer.");

    // ---- members
    def_command(cls, "add_member", &store::add_member, py::arg("member") = py::none(), py::pos_only(),
                py::kw_only(), py::arg("why") = "",
                "Adds a member from a Member, a mapping, an object with its fields, or keywords; returns its "
                "MemberId. Raises InvalidInput / InvalidIdNumber, RuleViolation, Conflict (same ID number), "
                "NotFound (branch).");
    cls.def(
        "add_members",
        [](h& s, py::iterable records, std::string const& why) {
            auto const drafts = records_from_python<member>(records);
            return id_list(s.call([&](store& st) { return st.add_members(drafts, why); }));
        },
        py::arg("records"), py::arg("why") = "",
        "Adds many members in one transaction (all or nothing) and returns their ids in input order. "
        "Records are Member objects, mappings (e.g. DataFrame.to_dict('records')) or objects with the "
        "fields as attributes (dataclasses, itertuples() rows); errors name the 1-based row.");
    def_command(cls, "get_member", &store::get_member, py::arg("id"),
                "The member with this id (NotFound otherwise).");
    cls.def(
        "find_member",
        [](h& s, py::handle id_number) {
            auto const id = load<citizen_id>(id_number, "id_number");
            return s.call([&](store& st) { return st.find_member(id); });
        },
        py::arg("id_number"), "The member with this ID number (str or CitizenId), or None.");
    cls.def(
        "update_member",
        [](h& s, py::object record, std::string const& why) {
            auto const mem = record_from_python<member>(record);
            s.call([&](store& st) {
                st.update_member(mem, why);
                return 0;
            });
        },
        py::arg("member"), py::arg("why") = "",
        "Replaces a member record; its version must be the stored one (else Conflict).");
    cls.def(
        "roster",
        [](h& s, opt_scope sc, std::optional<date::sys_days> as_of, std::optional<std::int64_t> readers) {
            auto const where = scope_from_python(sc);
            roster_parts_options o;
            if (readers) {
                if (*readers < 1) throw invalid_input("readers", "must be at least 1");
                o.readers = static_cast<std::size_t>(*readers);
                o.min_rows_per_reader = 1;
            }
            return roster_result(s.call([&](store& st) { return load_roster_parts(st, o, where, as_of); }));
        },
        py::arg("scope") = py::none(), py::arg("as_of") = py::none(), py::kw_only(),
        py::arg("readers") = py::none(),
        "Members of the branches in scope, ordered by id, as a Roster table. With as_of, only those "
        "admitted on or before it and not exited by then (suspended members are listed).\n\n"
        "A large roster is read by several read-only connections at once (one per core, at most 4, "
        "for 25 000 members or more each); readers=n asks for n (at most 16) whatever the size. An "
        "in-memory store is always read by one.");
    def_command(cls, "member_count", &store::member_count, "Number of members in the store.");

    // ---- agenda and audit
    def_command<as_table>(cls, "agenda", &store::agenda, py::arg("as_of"), py::arg("scope") = py::none(),
                          "Everything due, upcoming, overdue or found on as_of in scope, sorted by due date "
                          "then kind, as an Agenda table.");
    def_command<as_table>(cls, "audit_log", &store::audit_log, py::arg("after") = 0,
                          "Audit entries with seq > after, in order, as an AuditLog table.");
    def_command(cls, "verify_audit", &store::verify_audit,
                "Checks the hash chain of the audit trail; returns an AuditVerification naming the first "
                "entry changed, removed or inserted (first_bad_seq), or that the trail is intact.");
    // server roles (PostgreSQL): server_principals.hpp
    py::class_<server_principal>(
        m, "ServerPrincipal", "A PostgreSQL role and the Principal it acts as (Store.server_principals()).")
        .def_readonly("server_role", &server_principal::server_role)
        .def_readonly("principal", &server_principal::who)
        .def("__eq__", [](server_principal const& a, server_principal const& b) { return a == b; })
        .def("__repr__", [](server_principal const& p) {
            return "<ServerPrincipal " + p.server_role + " " + p.who.actor + " " + p.who.label() + ">";
        });
    def_command(cls, "grant_server_principal", &grant_server_principal, py::arg("server_role"),
                py::arg("principal"), py::kw_only(), py::arg("why") = "",
                "Maps the existing PostgreSQL role server_role to principal: its sessions are then confined "
                "to the principal's subtree by row-level security, with or without dangyuan. For the store's "
                "owner, with full access. Raises InvalidInput (server_role, store), NotFound, AccessDenied, "
                "StorageError.");
    def_command(cls, "revoke_server_principal", &revoke_server_principal, py::arg("server_role"),
                py::kw_only(), py::arg("why") = "",
                "Removes the mapping of server_role and its privileges on the store. Raises NotFound when it "
                "has none.");
    def_command(cls, "server_principals", &server_principals,
                "The mapped PostgreSQL roles (ServerPrincipal), by name; empty for an SQLite store.");
    def_command(cls, "backup", &store::backup, py::arg("target"),
                "Writes a consistent copy of the store to target with SQLite's online backup; other "
                "connections may go on writing meanwhile. Raises StorageError when the copy cannot be "
                "written.");
    cls.def_property_readonly(
           "today", [](h& s) { return s.call([](store& st) { return st.today(); }); },
           "The date of recording by the store's clock: no event may be dated after it.")
        .def_property_readonly(
            "read_only", [](h& s) { return s.call([](store& st) { return st.read_only(); }); },
            "True when the store was opened with read_only=True.");

    // ---- official holiday data and voting members
    def_command(
        cls, "load_holidays",
        [](store& st, std::string_view text, std::string_view source, bool replace, std::string_view why) {
            st.load_holidays(text, source, replace ? on_existing_year::replace : on_existing_year::reject,
                             why);
        },
        py::arg("text"), py::arg("source"), py::arg("replace") = false, py::arg("why") = "",
        "Loads official holiday data (the WorkCalendar text format) into the store; its working-day "
        "rules use it from then on. source names the notice. Raises InvalidInput for malformed data "
        "or no source, Conflict for a year the store already has unless replace=True.");
    def_command(cls, "calendar", &store::calendar,
                "The WorkCalendar of the store: the built-in years and those loaded.");
    def_command(cls, "loaded_holiday_years", &store::loaded_holiday_years,
                "The years loaded into the store as (year, source) pairs, in load order.");
    cls.def(
        "voting_roll",
        [](h& s, org_id branch, date::sys_days on) {
            auto const r = s.call([&](store& st) { return st.voting_roll_on(branch, on); });
            return py::make_tuple(r.voters, r.away);
        },
        py::arg("branch"), py::arg("on"),
        "(voters, away): the branch's full members with a vote on the date (vote.entitled_full_members) "
        "and how many of them are away on a mobility episode. A branch meeting counts them as entitled.");

    m.def(
        "restore",
        [](std::filesystem::path const& source, std::filesystem::path const& target, double busy_timeout) {
            py::gil_scoped_release release;
            restore(source, target,
                    std::chrono::milliseconds(static_cast<std::int64_t>(busy_timeout * 1000)));
        },
        py::arg("source"), py::arg("target"), py::kw_only(), py::arg("busy_timeout") = 5.0,
        "Replaces the store target (created when missing) with the backup source after checking it "
        "(integrity_check, a dangyuan store, a schema this library reads). Raises StorageError naming the "
        "failed check; nothing is replaced then.");

    m.def(
        "open_store",
        [](std::filesystem::path const& path, std::string actor, std::optional<rule_set> rules, bool create,
           bool read_only, double busy_timeout, std::optional<date::sys_days> today, py::object const& as) {
            store_options options;
            options.actor = std::move(actor);
            if (py::isinstance<py::str>(as))
                options.principal = parse_principal(as.cast<std::string>(), options.actor);
            else if (!as.is_none())
                options.principal = as.cast<principal>();
            if (rules) options.rules = *rules;
            options.create = create;
            options.read_only = read_only;
            if (busy_timeout < 0) throw invalid_input("busy_timeout", "must not be negative");
            options.busy_timeout = std::chrono::milliseconds(static_cast<std::int64_t>(busy_timeout * 1000));
            if (today) options.today = [d = *today] { return d; };
            return std::make_unique<store_handle>(path, std::move(options));
        },
        py::arg("path"), py::kw_only(), py::arg("actor") = "system", py::arg("rules") = py::none(),
        py::arg("create") = true, py::arg("read_only") = false, py::arg("busy_timeout") = 5.0,
        py::arg("today") = py::none(), py::arg("principal") = py::none(),
        "Opens (or creates) a store; ':memory:' gives a private in-memory store. actor is recorded in the "
        "audit trail, rules defaults to RuleSet.national_2014(), create=False refuses a missing file. "
        "read_only=True never creates, migrates or changes the file (a missing or empty file is an error, "
        "writes raise StorageError). busy_timeout is how long, in seconds, a write waits for another "
        "connection's lock. today pins the date of recording (default: today's date in China, UTC+8). "
        "principal (a Principal, or 'ROLE@ORG' text with a built-in role) is who acts through the handle: "
        "every call is checked against its role and subtree and a refusal raises AccessDenied (default: "
        "the organisation department over the whole store).\n\n"
        "Raises StorageError when the file cannot be opened, is not a dangyuan store, or is newer than "
        "this library.");
}

}  // namespace dangyuan::python
