// Rectification of weak organisations (软弱涣散党组织, 后进社区整顿): designations with their contacts of
// 四联四帮, plan milestones, public commitments, open evaluations, acceptance reviews and removal (销号).
// Every command checks its record with the pure rules (rectification/rectification.hpp) against what it
// read before the transaction opens, so a refused command writes nothing.

#include <algorithm>
#include <unordered_map>

#include "../access.hpp"
#include "../plausibility.hpp"
#include "../rows.hpp"
#include "rectification_rows.hpp"

namespace dangyuan {

namespace {

using storage::col_text;
using storage::format_iso;
using storage::raw;

struct loaded_rectification {
    rectification r;
    std::int64_t version = 0;
};

std::string reasons_text(std::vector<rectification_reason> const& reasons) {
    std::string out;
    for (auto const r : reasons)
        out += (out.empty() ? "" : ",") + std::string(to_string(r));
    return out;
}

std::vector<rectification_reason> reasons_of(std::string const& text) {
    std::vector<rectification_reason> out;
    std::size_t at = 0;
    while (at < text.size()) {
        auto const comma = text.find(',', at);
        auto const end = comma == std::string::npos ? text.size() : comma;
        out.push_back(storage::stored_enum<rectification_reason>(std::string_view(text).substr(at, end - at),
                                                                 "rectifications.reasons"));
        at = end + 1;
    }
    return out;
}

constexpr char const* rectification_columns =
    "r.id, r.org_id, o.name, r.designated_on, r.kind, r.batch, r.reasons, r.other_reason, r.note, "
    "r.removed_on, r.version, r.rule_set";
constexpr char const* rectification_from = " FROM rectifications r JOIN orgs o ON o.id = r.org_id";

loaded_rectification read_rectification(sql::statement& st) {
    loaded_rectification x;
    auto& r = x.r;
    r.id = rectification_id{st.column(0).as_int64()};
    r.org = org_id{st.column(1).as_int64()};
    r.org_name = col_text(st, 2);
    r.designated_on = storage::col_date(st, 3, "rectifications.designated_on");
    r.kind = storage::stored_enum<rectification_kind>(col_text(st, 4), "rectifications.kind");
    r.batch = col_text(st, 5);
    r.reasons = reasons_of(col_text(st, 6));
    r.other_reason = col_text(st, 7);
    r.note = col_text(st, 8);
    r.removed_on = storage::column_date(st, 9, "rectifications.removed_on");
    x.version = st.column(10).as_int64();
    r.rule_set_name = col_text(st, 11);
    return x;
}

// The designations `where` selects (a condition on r, with its parameters bound by `bind`), with their
// records: one query per table for the whole set.
template <class Bind>
std::vector<loaded_rectification> load_rectifications(sql::database& db, std::string const& where,
                                                      Bind&& bind) {
    std::vector<loaded_rectification> out;
    sql::statement st(db, std::string("SELECT ") + rectification_columns + rectification_from + " WHERE " +
                              where + " ORDER BY r.org_id, r.designated_on, r.id");
    bind(st);
    while (st.step())
        out.push_back(read_rectification(st));
    if (out.empty()) return out;
    std::unordered_map<std::int64_t, std::size_t> at;
    std::vector<std::int64_t> ids;
    for (std::size_t i = 0; i < out.size(); ++i) {
        at.emplace(raw(out[i].r.id), i);
        ids.push_back(raw(out[i].r.id));
    }
    auto const set = storage::json_ids(ids);
    auto query = [&](std::string const& sql, auto&& row) {
        sql::statement q(db, sql);
        q.bind(":ids", set);
        while (q.step())
            row(out[at.at(q.column(0).as_int64())].r, q);
    };
    query(std::string("SELECT c.rectification_id, c.kind, coalesce(o.name, c.name), c.org_id, c.from_on, "
                      "c.to_on, c.note FROM rectification_contacts c LEFT JOIN orgs o ON o.id = c.org_id "
                      "WHERE c.rectification_id ") +
              storage::in_id_set + " ORDER BY c.rectification_id, c.id",
          [](rectification& r, sql::statement& q) {
              rectification_contact c;
              c.kind = storage::stored_enum<rectification_contact_kind>(col_text(q, 1),
                                                                        "rectification_contacts.kind");
              c.name = col_text(q, 2);
              if (!q.column(3).is_null()) c.org = org_id{q.column(3).as_int64()};
              c.start = storage::col_date(q, 4, "rectification_contacts.from_on");
              c.end = storage::column_date(q, 5, "rectification_contacts.to_on");
              c.note = col_text(q, 6);
              r.contacts.push_back(std::move(c));
          });
    query(std::string("SELECT rectification_id, number, text, due_on, completed_on, note FROM "
                      "rectification_milestones WHERE rectification_id ") +
              storage::in_id_set + " ORDER BY rectification_id, number",
          [](rectification& r, sql::statement& q) {
              rectification_milestone m;
              m.number = q.column(1).as_int();
              m.text = col_text(q, 2);
              m.due = storage::col_date(q, 3, "rectification_milestones.due_on");
              m.completed_on = storage::column_date(q, 4, "rectification_milestones.completed_on");
              m.note = col_text(q, 5);
              r.milestones.push_back(std::move(m));
          });
    query(std::string("SELECT rectification_id, date, text FROM rectification_commitments WHERE "
                      "rectification_id ") +
              storage::in_id_set + " ORDER BY rectification_id, date, id",
          [](rectification& r, sql::statement& q) {
              r.commitments.push_back(
                  {storage::col_date(q, 1, "rectification_commitments.date"), col_text(q, 2)});
          });
    query(
        std::string("SELECT rectification_id, date, evaluator, satisfied, basically_satisfied, dissatisfied, "
                    "note FROM rectification_evaluations WHERE rectification_id ") +
            storage::in_id_set + " ORDER BY rectification_id, date, id",
        [](rectification& r, sql::statement& q) {
            rectification_evaluation e;
            e.date = storage::col_date(q, 1, "rectification_evaluations.date");
            e.evaluator = storage::stored_enum<rectification_evaluator>(
                col_text(q, 2), "rectification_evaluations.evaluator");
            e.satisfied = q.column(3).as_int();
            e.basically_satisfied = q.column(4).as_int();
            e.dissatisfied = q.column(5).as_int();
            e.note = col_text(q, 6);
            r.evaluations.push_back(std::move(e));
        });
    query(std::string("SELECT rectification_id, date, result, note FROM rectification_reviews WHERE "
                      "rectification_id ") +
              storage::in_id_set + " ORDER BY rectification_id, date, id",
          [](rectification& r, sql::statement& q) {
              r.reviews.push_back(
                  {storage::col_date(q, 1, "rectification_reviews.date"),
                   storage::stored_enum<acceptance_result>(col_text(q, 2), "rectification_reviews.result"),
                   col_text(q, 3)});
          });
    return out;
}

loaded_rectification load_rectification(sql::database& db, rectification_id id) {
    auto all = load_rectifications(db, "r.id = :id", [&](sql::statement& st) { st.bind(":id", raw(id)); });
    if (all.empty()) throw not_found("no rectification with id " + std::to_string(id.value()));
    return std::move(all.front());
}

// The designated organisation of `id`, read before the access check of a command on it.
org_id rectification_org(store const& s, rectification_id id) {
    return storage::in_read("reading a rectification", [&] {
        sql::statement st(storage::impl_of(s).db, "SELECT org_id FROM rectifications WHERE id = :id");
        st.bind(":id", raw(id));
        if (!st.step()) throw not_found("no rectification with id " + std::to_string(id.value()));
        return org_id{st.column(0).as_int64()};
    });
}

void require_year(std::optional<int> year) {
    if (year && (*year < 1 || *year > 9999))
        throw invalid_input("year", "'" + std::to_string(*year) + "' is not a year (1-9999)");
}

// Bumps the version of designation `id` from `version`, or throws conflict.
void bump(sql::database& db, rectification_id id, std::int64_t version) {
    sql::statement up(db, "UPDATE rectifications SET version = version + 1 WHERE id = :id AND version = :v");
    up.bind(":id", raw(id));
    up.bind(":v", version);
    if (up.exec() != 1)
        throw conflict("rectification " + std::to_string(id.value()) +
                       " was changed by someone else meanwhile; reload and try again");
}

// A command on designation `id`: the access check, then `check(loaded)` outside the transaction, then
// `write(loaded)` inside it, after the version bump.
template <class Check, class Write>
auto on_rectification(store& s, rectification_id id, char const* doing, Check&& check, Write&& write) {
    storage::call const guard(s);
    storage::require(s, permission::manage_organisations, rectification_org(s, id));
    auto& impl = storage::impl_of(s);
    return storage::in_read(doing, [&] {
        auto const loaded = load_rectification(impl.db, id);
        check(loaded.r);
        return storage::in_transaction(impl.db, [&] {
            bump(impl.db, id, loaded.version);
            return write(impl, loaded.r);
        });
    });
}

void audit(storage::store_impl& impl, rectification_id id, std::string_view action, std::string_view why,
           std::string const& details) {
    storage::append_audit(impl.db, impl.audit_actor, "rectification", id.value(), action, why, details);
}

}  // namespace

rectification_id designate_for_rectification(store& s, rectification_designation const& d,
                                             std::string_view why) {
    storage::call const guard(s);
    storage::require(s, permission::manage_organisations, d.org);
    auto& impl = storage::impl_of(s);
    return storage::in_read("designating an organisation for rectification", [&]() -> rectification_id {
        storage::check_not_in_future(s, d.date, "date");
        storage::check_text(d.batch, "batch", storage::text_cap::short_text, true);
        storage::check_text(d.other_reason, "other_reason", storage::text_cap::note, true);
        storage::check_text(d.note, "note", storage::text_cap::note, true);
        auto const o = s.org(d.org);
        std::vector<rectification> earlier;
        for (auto& x : load_rectifications(impl.db, "r.org_id = :o",
                                           [&](sql::statement& st) { st.bind(":o", raw(d.org)); }))
            earlier.push_back(std::move(x.r));
        check_rectification_designation(d, o, earlier);
        auto const& rules = s.rules();
        return storage::in_transaction(impl.db, [&] {
            sql::statement ins(impl.db,
                               "INSERT INTO rectifications(org_id, designated_on, kind, batch, reasons, "
                               "other_reason, note, rule_set) VALUES(:o, :d, :k, :b, :r, :x, :n, :rules)");
            ins.bind(":o", raw(d.org));
            ins.bind(":d", format_iso(d.date));
            ins.bind(":k", std::string(to_string(d.kind)));
            ins.bind(":b", d.batch);
            ins.bind(":r", reasons_text(d.reasons));
            ins.bind(":x", d.other_reason);
            ins.bind(":n", d.note);
            ins.bind(":rules", rules.name);
            ins.exec();
            rectification_id const id{impl.db.last_insert_id()};
            audit(impl, id, "designate", why,
                  "org=" + std::to_string(d.org.value()) + "; date=" + format_iso(d.date) +
                      "; kind=" + std::string(to_string(d.kind)) + "; reasons=" + reasons_text(d.reasons) +
                      "; rule_set=" + rules.name);
            return id;
        });
    });
}

void assign_rectification_contact(store& s, rectification_id id, rectification_contact const& c,
                                  std::string_view why) {
    on_rectification(
        s, id, "assigning a rectification contact",
        [&](rectification const& r) {
            storage::check_not_in_future(s, c.start, "start");
            storage::check_text(c.name, "name", storage::text_cap::short_text, true);
            storage::check_text(c.note, "note", storage::text_cap::note, true);

            std::optional<org_unit> paired;
            bool paired_open = false;
            if (c.org) {
                paired = s.org(*c.org);
                sql::statement st(storage::impl_of(s).db,
                                  "SELECT 1 FROM rectifications WHERE org_id = :o AND designated_on <= :d "
                                  "AND (removed_on IS NULL OR removed_on > :d)");
                st.bind(":o", raw(*c.org));
                st.bind(":d", format_iso(c.start));
                paired_open = st.step();
            }
            check_rectification_contact(r, c, paired ? &*paired : nullptr, paired_open);
        },
        [&](storage::store_impl& impl, rectification const&) {
            sql::statement ins(impl.db,
                               "INSERT INTO rectification_contacts(rectification_id, kind, name, org_id, "
                               "from_on, to_on, note) VALUES(:id, :k, :n, :o, :f, :t, :note)");
            ins.bind(":id", raw(id));
            ins.bind(":k", std::string(to_string(c.kind)));
            ins.bind(":n", c.name);
            if (c.org)
                ins.bind(":o", raw(*c.org));
            else
                ins.bind(":o");
            ins.bind(":f", format_iso(c.start));
            storage::bind_date(ins, ":t", c.end);
            ins.bind(":note", c.note);
            ins.exec();
            audit(impl, id, "contact", why,
                  "kind=" + std::string(to_string(c.kind)) + "; name=" + c.name +
                      (c.org ? "; org=" + std::to_string(c.org->value()) : std::string()) +
                      "; start=" + format_iso(c.start));
        });
}

int add_rectification_milestone(store& s, rectification_id id, rectification_milestone const& m,
                                std::string_view why) {
    return on_rectification(
        s, id, "adding a rectification milestone",
        [&](rectification const& r) {
            storage::check_text(m.text, "text", storage::text_cap::long_text);
            storage::check_text(m.note, "note", storage::text_cap::note, true);
            check_rectification_milestone(r, m);
        },
        [&](storage::store_impl& impl, rectification const& r) {
            int const number = static_cast<int>(r.milestones.size()) + 1;
            sql::statement ins(impl.db,
                               "INSERT INTO rectification_milestones(rectification_id, number, text, due_on, "
                               "note) VALUES(:id, :n, :t, :d, :note)");
            ins.bind(":id", raw(id));
            ins.bind(":n", number);
            ins.bind(":t", m.text);
            ins.bind(":d", format_iso(m.due));
            ins.bind(":note", m.note);
            ins.exec();
            audit(impl, id, "milestone", why,
                  "number=" + std::to_string(number) + "; due=" + format_iso(m.due) + "; text=" + m.text);
            return number;
        });
}

void complete_rectification_milestone(store& s, rectification_id id, int number, date::sys_days on,
                                      std::string_view why) {
    on_rectification(
        s, id, "completing a rectification milestone",
        [&](rectification const& r) {
            storage::check_not_in_future(s, on, "date");
            check_milestone_completion(r, number, on);
        },
        [&](storage::store_impl& impl, rectification const&) {
            sql::statement up(impl.db,
                              "UPDATE rectification_milestones SET completed_on = :d WHERE rectification_id "
                              "= :id AND number = :n AND completed_on IS NULL");
            up.bind(":d", format_iso(on));
            up.bind(":id", raw(id));
            up.bind(":n", number);
            if (up.exec() != 1) throw conflict("milestone " + std::to_string(number) + " changed meanwhile");
            audit(impl, id, "milestone_completed", why,
                  "number=" + std::to_string(number) + "; date=" + format_iso(on));
        });
}

void record_rectification_commitment(store& s, rectification_id id, rectification_commitment const& c,
                                     std::string_view why) {
    on_rectification(
        s, id, "recording a public commitment",
        [&](rectification const& r) {
            storage::check_not_in_future(s, c.date, "date");
            storage::check_text(c.text, "text", storage::text_cap::long_text);
            check_rectification_commitment(r, c);
        },
        [&](storage::store_impl& impl, rectification const&) {
            sql::statement ins(impl.db,
                               "INSERT INTO rectification_commitments(rectification_id, date, text) "
                               "VALUES(:id, :d, :t)");
            ins.bind(":id", raw(id));
            ins.bind(":d", format_iso(c.date));
            ins.bind(":t", c.text);
            ins.exec();
            audit(impl, id, "commitment", why, "date=" + format_iso(c.date) + "; text=" + c.text);
        });
}

void record_rectification_evaluation(store& s, rectification_id id, rectification_evaluation const& e,
                                     std::string_view why) {
    on_rectification(
        s, id, "recording an open evaluation",
        [&](rectification const& r) {
            storage::check_not_in_future(s, e.date, "date");
            storage::check_text(e.note, "note", storage::text_cap::note, true);
            check_rectification_evaluation(r, e);
        },
        [&](storage::store_impl& impl, rectification const&) {
            sql::statement ins(impl.db,
                               "INSERT INTO rectification_evaluations(rectification_id, date, evaluator, "
                               "satisfied, basically_satisfied, dissatisfied, note) VALUES(:id, :d, :e, "
                               ":s, :b, :x, :note)");
            ins.bind(":id", raw(id));
            ins.bind(":d", format_iso(e.date));
            ins.bind(":e", std::string(to_string(e.evaluator)));
            ins.bind(":s", e.satisfied);
            ins.bind(":b", e.basically_satisfied);
            ins.bind(":x", e.dissatisfied);
            ins.bind(":note", e.note);
            ins.exec();
            audit(impl, id, "evaluation", why,
                  "date=" + format_iso(e.date) + "; evaluator=" + std::string(to_string(e.evaluator)) +
                      "; satisfied=" + std::to_string(e.satisfied) +
                      "; basically_satisfied=" + std::to_string(e.basically_satisfied) +
                      "; dissatisfied=" + std::to_string(e.dissatisfied));
        });
}

void review_rectification(store& s, rectification_id id, rectification_review const& v,
                          std::string_view why) {
    on_rectification(
        s, id, "recording an acceptance review",
        [&](rectification const& r) {
            storage::check_not_in_future(s, v.date, "date");
            storage::check_text(v.note, "note", storage::text_cap::note, true);
            check_rectification_review(r, v);
        },
        [&](storage::store_impl& impl, rectification const&) {
            sql::statement ins(impl.db,
                               "INSERT INTO rectification_reviews(rectification_id, date, result, note) "
                               "VALUES(:id, :d, :r, :note)");
            ins.bind(":id", raw(id));
            ins.bind(":d", format_iso(v.date));
            ins.bind(":r", std::string(to_string(v.result)));
            ins.bind(":note", v.note);
            ins.exec();
            audit(impl, id, "review", why,
                  "date=" + format_iso(v.date) + "; result=" + std::string(to_string(v.result)));
        });
}

void remove_from_rectification(store& s, rectification_id id, date::sys_days on, std::string_view why) {
    on_rectification(
        s, id, "removing an organisation from the rectification list",
        [&](rectification const& r) {
            storage::check_not_in_future(s, on, "date");
            check_rectification_removal(r, on);
        },
        [&](storage::store_impl& impl, rectification const&) {
            sql::statement up(impl.db, "UPDATE rectifications SET removed_on = :d WHERE id = :id");
            up.bind(":d", format_iso(on));
            up.bind(":id", raw(id));
            up.exec();
            audit(impl, id, "removed", why, "date=" + format_iso(on));
        });
}

rectification get_rectification(store const& s, rectification_id id) {
    storage::call const guard(s);
    auto r = storage::in_read("reading a rectification",
                              [&] { return load_rectification(storage::impl_of(s).db, id).r; });
    storage::require(s, permission::read_roster, r.org);
    return r;
}

std::vector<rectification> rectifications(store const& s, scope requested, std::optional<int> year) {
    storage::call const guard(s);
    require_year(year);
    auto const sc = storage::visible_scope(s, requested);
    auto& impl = storage::impl_of(s);
    return storage::in_read("listing rectifications", [&] {
        auto const ids = storage::scope_org_ids(impl.db, sc);
        std::string where = std::string("r.org_id ") + storage::in_id_set;
        if (year) where += " AND r.designated_on BETWEEN :first AND :last";
        std::vector<rectification> out;
        for (auto& x : load_rectifications(impl.db, where, [&](sql::statement& st) {
                 st.bind(":ids", storage::json_ids(ids));
                 if (year) {
                     st.bind(":first", format_iso(make_date(*year, 1, 1)));
                     st.bind(":last", format_iso(make_date(*year, 12, 31)));
                 }
             }))
            out.push_back(std::move(x.r));
        return out;
    });
}

rule_set rectification_rules(store const& s, rectification const& r) {
    return s.rule_set_named(r.rule_set_name);
}

rectification_statistics rectification_statistics_of(store const& s, int year, scope requested) {
    require_year(year);
    auto const all = rectifications(s, requested);
    storage::rule_set_cache rules(s);
    return rectification_statistics_from(year, all,
                                         [&](rectification const& r) -> rule_set const& { return rules(r); });
}

namespace storage {

std::vector<agenda_item> rectification_agenda_items(store const& s, sql::database& db, date::sys_days as_of,
                                                    std::vector<std::int64_t> const& org_ids, bool whole) {
    std::vector<agenda_item> items;
    // Designations made by then and not removed by then (a removal dated later does not count yet).
    auto const where = std::string("r.designated_on <= :d AND (r.removed_on IS NULL OR r.removed_on > :d)") +
                       (whole ? std::string() : std::string(" AND r.org_id ") + in_id_set);
    auto const loaded = load_rectifications(db, where, [&](sql::statement& st) {
        st.bind(":d", format_iso(as_of));
        if (!whole) st.bind(":ids", json_ids(org_ids));
    });
    // Each designation is judged by the rule set it was made under.
    rule_set_cache rules(s);
    for (auto const& x : loaded)
        for (auto& item : rectification_agenda(x.r, as_of, rules(x.r)))
            items.push_back(std::move(item));
    return items;
}

}  // namespace storage

}  // namespace dangyuan
