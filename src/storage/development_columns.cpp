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
    "notice_for, notice_end, objections, expected_leave, since, reason, household_org, residence_org";

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

applicant read_applicant(SQLite::Statement& st, int c) {
    applicant a;
    a.branch = org_id{st.getColumn(c).getInt64()};
    a.name = st.getColumn(c + 1).getString();
    a.sex = parse_sex(st.getColumn(c + 2).getString());
    a.ethnicity = parse_ethnicity(st.getColumn(c + 3).getString());
    a.birth_date = *column_date(st, c + 4, "dev_cases.birth_date");
    if (!st.getColumn(c + 5).isNull()) a.id_number = citizen_id::parse(st.getColumn(c + 5).getString());
    if (!st.getColumn(c + 6).isNull()) a.education = parse_education(st.getColumn(c + 6).getString());
    if (!st.getColumn(c + 7).isNull()) a.category = parse_personnel_category(st.getColumn(c + 7).getString());
    a.work_unit = st.getColumn(c + 8).getString();
    return a;
}

void bind_applicant(SQLite::Statement& st, applicant const& a) {
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

step_record read_step(SQLite::Statement& st, int c) {
    step_record r;
    r.kind = parse_step(st.getColumn(c).getString());
    r.date = *column_date(st, c + 1, "dev_steps.date");
    auto& d = r.details;
    if (!st.getColumn(c + 2).isNull()) d.by = member_id{st.getColumn(c + 2).getInt64()};
    if (!st.getColumn(c + 3).isNull())
        d.recommended = stored_enum<recommendation>(st.getColumn(c + 3).getString(), "dev_steps.recommended");
    d.members = split_ids(st.getColumn(c + 4).getString());
    if (auto p = col_opt_int(st, c + 5)) d.passed = *p != 0;
    d.conclusion = st.getColumn(c + 6).getString();
    d.document = st.getColumn(c + 7).getString();
    d.days = st.getColumn(c + 8).getInt();
    d.class_hours = st.getColumn(c + 9).getInt();
    d.special_case = st.getColumn(c + 10).getInt() != 0;
    if (!st.getColumn(c + 11).isNull())
        d.vote = branch_vote{st.getColumn(c + 11).getInt(), st.getColumn(c + 12).getInt(),
                             st.getColumn(c + 13).getInt(), st.getColumn(c + 14).getInt(),
                             st.getColumn(c + 15).getInt(), st.getColumn(c + 16).getInt()};
    if (!st.getColumn(c + 17).isNull())
        d.decision = stored_enum<conversion_decision>(st.getColumn(c + 17).getString(), "dev_steps.decision");
    d.extension_months = st.getColumn(c + 18).getInt();
    if (!st.getColumn(c + 19).isNull()) d.notice_for = parse_step(st.getColumn(c + 19).getString());
    d.notice_end = column_date(st, c + 20, "dev_steps.notice_end");
    d.objections = st.getColumn(c + 21).getInt();
    d.expected_leave = column_date(st, c + 22, "dev_steps.expected_leave");
    d.since = column_date(st, c + 23, "dev_steps.since");
    d.reason = st.getColumn(c + 24).getString();
    d.household_org = st.getColumn(c + 25).getString();
    d.residence_org = st.getColumn(c + 26).getString();
    return r;
}

void bind_step(SQLite::Statement& st, step_record const& r) {
    auto const& d = r.details;
    st.bind(":kind", std::string(to_string(r.kind)));
    bind_date(st, ":date", r.date);
    bind_opt(st, ":by_member", opt_raw(d.by));
    bind_opt(st, ":recommended",
             d.recommended ? std::optional(std::string(to_string(*d.recommended))) : std::nullopt);
    st.bind(":members", join_ids(d.members));
    bind_opt(st, ":passed", d.passed ? std::optional(*d.passed ? 1 : 0) : std::nullopt);
    st.bind(":conclusion", d.conclusion);
    st.bind(":document", d.document);
    st.bind(":days", d.days);
    st.bind(":class_hours", d.class_hours);
    st.bind(":special_case", d.special_case ? 1 : 0);
    auto const vote = [&](int branch_vote::*count) {
        return d.vote ? std::optional((*d.vote).*count) : std::nullopt;
    };
    bind_opt(st, ":vote_entitled", vote(&branch_vote::entitled));
    bind_opt(st, ":vote_present", vote(&branch_vote::present));
    bind_opt(st, ":vote_written", vote(&branch_vote::written_opinions));
    bind_opt(st, ":vote_yes", vote(&branch_vote::yes));
    bind_opt(st, ":vote_no", vote(&branch_vote::no));
    bind_opt(st, ":vote_abstain", vote(&branch_vote::abstain));
    bind_opt(st, ":decision", d.decision ? std::optional(std::string(to_string(*d.decision))) : std::nullopt);
    st.bind(":extension_months", d.extension_months);
    bind_opt(st, ":notice_for",
             d.notice_for ? std::optional(std::string(to_string(*d.notice_for))) : std::nullopt);
    bind_date(st, ":notice_end", d.notice_end);
    st.bind(":objections", d.objections);
    bind_date(st, ":expected_leave", d.expected_leave);
    bind_date(st, ":since", d.since);
    st.bind(":reason", d.reason);
    st.bind(":household_org", d.household_org);
    st.bind(":residence_org", d.residence_org);
}

}  // namespace dangyuan::storage
