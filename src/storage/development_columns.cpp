// Row mapping of development cases and steps: one column per detail field, so that the records stay
// readable with any SQLite tool.

#include "development_columns.hpp"
#include "rows.hpp"

#include <sstream>

namespace dangyuan::storage {

char const* const case_columns =
    "id, branch_id, name, sex, ethnicity, birth_date, id_number, education, category, work_unit, rule_set, "
    "backfilled, member_id, mobile";

char const* const step_columns =
    "kind, date, by_member, recommended, members, passed, conclusion, document, days, class_hours, "
    "special_case, "
    "vote_entitled, vote_present, vote_written, vote_yes, vote_no, vote_abstain, decision, extension_months, "
    "notice_for, notice_end, objections, expected_leave, since, reason, household_org, residence_org, note";

namespace {

// "a, b" as the named parameters ":a, :b" of the same columns.
std::string parameters_for(std::string_view columns) {
    std::string out = ":";
    for (char c : columns) {
        out += c;
        if (c == ' ') out += ':';
    }
    return out;
}

std::string const insert_step_text = std::string("INSERT INTO dev_steps(case_id, ") + step_columns +
                                     ") VALUES(:case_id, " + parameters_for(step_columns) + ")";

std::string join_ids(std::vector<member_id> const& ids) {
    std::string out;
    for (auto id : ids)
        out += (out.empty() ? "" : ",") + std::to_string(id.value());
    return out;
}

std::vector<member_id> split_ids(std::string const& text) {
    std::vector<member_id> out;
    std::istringstream in(text);
    for (std::string part; std::getline(in, part, ',');)
        if (!part.empty()) out.emplace_back(std::stoll(part));
    return out;
}

}  // namespace

char const* const insert_step_sql = insert_step_text.c_str();

applicant read_applicant(sql::statement& st, int c) {
    applicant a;
    a.branch = org_id{st.column(c).as_int64()};
    a.name = st.column(c + 1).as_string();
    a.sex = parse_sex(st.column(c + 2).as_string());
    a.ethnicity = parse_ethnicity(st.column(c + 3).as_string());
    a.birth_date = *column_date(st, c + 4, "dev_cases.birth_date");
    if (!st.column(c + 5).is_null()) a.id_number = citizen_id::parse(st.column(c + 5).as_string());
    if (!st.column(c + 6).is_null()) a.education = parse_education(st.column(c + 6).as_string());
    if (!st.column(c + 7).is_null()) a.category = parse_personnel_category(st.column(c + 7).as_string());
    a.work_unit = st.column(c + 8).as_string();
    return a;
}

void bind_applicant(sql::statement& st, applicant const& a) {
    bind_id(st, ":branch_id", a.branch);
    st.bind(":name", a.name);
    st.bind(":sex", std::string(code(a.sex)));
    st.bind(":ethnicity", std::string(code(a.ethnicity)));
    bind_date(st, ":birth_date", a.birth_date);
    bind_opt(st, ":id_number", a.id_number ? std::optional(a.id_number->str()) : std::nullopt);
    bind_opt(st, ":education", a.education ? std::optional(std::string(code(*a.education))) : std::nullopt);
    bind_opt(st, ":category", a.category ? std::optional(std::string(code(*a.category))) : std::nullopt);
    st.bind(":work_unit", a.work_unit);
}

// Each kind reads and writes the columns of the fields it has; the other columns stay empty (NULL, '' or
// 0, as the schema's defaults), so that the table keeps one column per field for every kind.
step_record read_step(sql::statement& st, int c) {
    auto r = make_step(parse_step(st.column(c).as_string()), *column_date(st, c + 1, "dev_steps.date"));
    std::visit(
        [&](auto& x) {
            if constexpr (requires { x.by; })
                if (!st.column(c + 2).is_null()) x.by = member_id{st.column(c + 2).as_int64()};
            if constexpr (requires { x.recommended; })
                if (!st.column(c + 3).is_null())
                    x.recommended =
                        stored_enum<recommendation>(st.column(c + 3).as_string(), "dev_steps.recommended");
            if constexpr (requires { x.members; }) x.members = split_ids(st.column(c + 4).as_string());
            if constexpr (requires { x.passed; })
                if (auto p = col_opt_int(st, c + 5)) x.passed = *p != 0;
            if constexpr (requires { x.conclusion; }) x.conclusion = st.column(c + 6).as_string();
            if constexpr (requires { x.document; }) x.document = st.column(c + 7).as_string();
            if constexpr (requires { x.days; }) x.days = st.column(c + 8).as_int();
            if constexpr (requires { x.class_hours; }) x.class_hours = st.column(c + 9).as_int();
            if constexpr (requires { x.special_case; }) x.special_case = st.column(c + 10).as_int() != 0;
            if constexpr (requires { x.vote; })
                if (!st.column(c + 11).is_null())
                    x.vote = branch_vote{st.column(c + 11).as_int(), st.column(c + 12).as_int(),
                                         st.column(c + 13).as_int(), st.column(c + 14).as_int(),
                                         st.column(c + 15).as_int(), st.column(c + 16).as_int()};
            if constexpr (requires { x.decision; })
                if (!st.column(c + 17).is_null())
                    x.decision =
                        stored_enum<conversion_decision>(st.column(c + 17).as_string(), "dev_steps.decision");
            if constexpr (requires { x.extension_months; }) x.extension_months = st.column(c + 18).as_int();
            if constexpr (requires { x.notice_for; })
                if (!st.column(c + 19).is_null()) x.notice_for = parse_step(st.column(c + 19).as_string());
            if constexpr (requires { x.notice_end; })
                x.notice_end = column_date(st, c + 20, "dev_steps.notice_end");
            if constexpr (requires { x.objections; }) x.objections = st.column(c + 21).as_int();
            if constexpr (requires { x.expected_leave; })
                x.expected_leave = column_date(st, c + 22, "dev_steps.expected_leave");
            if constexpr (requires { x.since; }) x.since = column_date(st, c + 23, "dev_steps.since");
            if constexpr (requires { x.reason; }) x.reason = st.column(c + 24).as_string();
            if constexpr (requires { x.household_org; }) x.household_org = st.column(c + 25).as_string();
            if constexpr (requires { x.residence_org; }) x.residence_org = st.column(c + 26).as_string();
            if constexpr (requires { x.note; }) x.note = st.column(c + 27).as_string();
        },
        r);
    return r;
}

// The value of field `F` of `x`, or `empty` for a kind without it.
#define DANGYUAN_STEP_FIELD(x, F, empty)   \
    [&] {                                  \
        if constexpr (requires { x.F; })   \
            return x.F;                    \
        else                               \
            return decltype(empty)(empty); \
    }()

void bind_step(sql::statement& st, step_record const& r) {
    st.bind(":kind", std::string(to_string(kind_of(r))));
    bind_date(st, ":date", record_date(r));
    std::visit(
        [&](auto const& x) {
            auto const by = DANGYUAN_STEP_FIELD(x, by, std::optional<member_id>());
            auto const recommended = DANGYUAN_STEP_FIELD(x, recommended, std::optional<recommendation>());
            auto const passed = DANGYUAN_STEP_FIELD(x, passed, std::optional<bool>());
            auto const vote = DANGYUAN_STEP_FIELD(x, vote, std::optional<branch_vote>());
            auto const decision = DANGYUAN_STEP_FIELD(x, decision, std::optional<conversion_decision>());
            auto const notice_for = DANGYUAN_STEP_FIELD(x, notice_for, std::optional<step>());
            bind_opt(st, ":by_member", opt_raw(by));
            bind_opt(st, ":recommended",
                     recommended ? std::optional(std::string(to_string(*recommended))) : std::nullopt);
            st.bind(":members", join_ids(DANGYUAN_STEP_FIELD(x, members, std::vector<member_id>())));
            bind_opt(st, ":passed", passed ? std::optional(*passed ? 1 : 0) : std::nullopt);
            st.bind(":conclusion", DANGYUAN_STEP_FIELD(x, conclusion, std::string()));
            st.bind(":document", DANGYUAN_STEP_FIELD(x, document, std::string()));
            st.bind(":days", DANGYUAN_STEP_FIELD(x, days, 0));
            st.bind(":class_hours", DANGYUAN_STEP_FIELD(x, class_hours, 0));
            st.bind(":special_case", DANGYUAN_STEP_FIELD(x, special_case, false) ? 1 : 0);
            auto const count = [&](int branch_vote::*n) {
                return vote ? std::optional((*vote).*n) : std::nullopt;
            };
            bind_opt(st, ":vote_entitled", count(&branch_vote::entitled));
            bind_opt(st, ":vote_present", count(&branch_vote::present));
            bind_opt(st, ":vote_written", count(&branch_vote::written_opinions));
            bind_opt(st, ":vote_yes", count(&branch_vote::yes));
            bind_opt(st, ":vote_no", count(&branch_vote::no));
            bind_opt(st, ":vote_abstain", count(&branch_vote::abstain));
            bind_opt(st, ":decision",
                     decision ? std::optional(std::string(to_string(*decision))) : std::nullopt);
            st.bind(":extension_months", DANGYUAN_STEP_FIELD(x, extension_months, 0));
            bind_opt(st, ":notice_for",
                     notice_for ? std::optional(std::string(to_string(*notice_for))) : std::nullopt);
            bind_date(st, ":notice_end", DANGYUAN_STEP_FIELD(x, notice_end, std::optional<date::sys_days>()));
            st.bind(":objections", DANGYUAN_STEP_FIELD(x, objections, 0));
            bind_date(st, ":expected_leave",
                      DANGYUAN_STEP_FIELD(x, expected_leave, std::optional<date::sys_days>()));
            bind_date(st, ":since", DANGYUAN_STEP_FIELD(x, since, std::optional<date::sys_days>()));
            st.bind(":reason", DANGYUAN_STEP_FIELD(x, reason, std::string()));
            st.bind(":household_org", DANGYUAN_STEP_FIELD(x, household_org, std::string()));
            st.bind(":residence_org", DANGYUAN_STEP_FIELD(x, residence_org, std::string()));
            st.bind(":note", DANGYUAN_STEP_FIELD(x, note, std::string()));
        },
        r);
}

#undef DANGYUAN_STEP_FIELD

namespace {

// The columns of step_columns, in order.
std::vector<std::string> step_column_names() {
    std::vector<std::string> out;
    std::string_view rest = step_columns;
    while (!rest.empty()) {
        auto const comma = rest.find(", ");
        out.emplace_back(rest.substr(0, comma));
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 2);
    }
    return out;
}

// A stored value as readable text for the note: "by: member 12", "passed: yes", "document: …".
std::string stranded_text(std::string const& column, sql::column_value const& value) {
    auto const text = value.as_string();
    if (column == "by_member") return "by: member " + text;
    if (column == "passed" || column == "special_case")
        return column + ": " + (value.as_int64() != 0 ? "yes" : "no");
    return column + ": " + text;
}

bool is_empty_value(sql::column_value const& v) {
    if (v.is_null()) return true;
    if (v.is_integer()) return v.as_int64() == 0;
    if (v.is_float()) return v.as_double() == 0;
    return v.as_string().empty();
}

}  // namespace

int move_stranded_step_values(sql::database& db) {
    // Which columns a kind keeps is decided by read_step and bind_step themselves: each row is read as
    // its kind, written back into a SELECT of the insert's parameters, and a stored value that comes
    // back empty (NULL, '' or 0) is one the kind no longer reads. This runs right after the SQL that
    // adds `note` (schema version step_note_schema_version), when the table has exactly step_columns;
    // a later version that adds a step column must keep selecting this version's columns here.
    auto const names = step_column_names();
    auto const n = static_cast<int>(names.size());
    sql::statement rows(db, std::string("SELECT id, ") + step_columns + " FROM dev_steps ORDER BY id");
    sql::statement written(db, "SELECT " + parameters_for(step_columns));
    int changed = 0;
    while (rows.step()) {
        auto const record = read_step(rows, 1);
        written.reset();
        written.clear_bindings();
        bind_step(written, record);
        (void)written.step();
        std::string note = rows.column(n).as_string();  // the last column is `note`
        std::string sets;
        for (int i = 0; i < n; ++i) {
            auto const& name = names[static_cast<std::size_t>(i)];
            if (name == "note") continue;
            auto const before = rows.column(i + 1);
            auto const after = written.column(i);
            if (is_empty_value(before) || !is_empty_value(after)) continue;
            note += (note.empty() ? "" : "; ") + stranded_text(name, before);
            // Back to the column's default, as bind_step writes it for a kind without the field.
            sets += name + " = " + (after.is_null() ? "NULL" : after.is_integer() ? "0" : "''") + ", ";
        }
        if (sets.empty()) continue;
        sql::statement update(db, "UPDATE dev_steps SET " + sets + "note = :note WHERE id = :id");
        update.bind(":note", note);
        update.bind(":id", rows.column(0).as_int64());
        update.exec();
        ++changed;
    }
    if (changed > 0)
        append_audit(db, "system", "dev_steps", 0, step_note_migration_action,
                     "schema version " + std::to_string(step_note_schema_version),
                     "rows=" + std::to_string(changed) +
                         "; values of fields a step kind does not have moved into its note");
    return changed;
}

}  // namespace dangyuan::storage
