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

char const* const insert_step_sql =
    "INSERT INTO dev_steps(case_id, kind, date, by_member, recommended, members, passed, conclusion, "
    "document, days, "
    "class_hours, special_case, vote_entitled, vote_present, vote_written, vote_yes, vote_no, vote_abstain, "
    "decision, "
    "extension_months, notice_for, notice_end, objections, expected_leave, since, reason, household_org, "
    "residence_org) "
    "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

namespace {

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

void bind_applicant(SQLite::Statement& st, int i, applicant const& a) {
    st.bind(i, static_cast<std::int64_t>(a.branch.value()));
    st.bind(i + 1, a.name);
    st.bind(i + 2, std::string(code(a.sex)));
    st.bind(i + 3, std::string(code(a.ethnicity)));
    bind_date(st, i + 4, a.birth_date);
    bind_opt(st, i + 5, a.id_number ? std::optional(a.id_number->str()) : std::nullopt);
    bind_opt(st, i + 6, a.education ? std::optional(std::string(code(*a.education))) : std::nullopt);
    bind_opt(st, i + 7, a.category ? std::optional(std::string(code(*a.category))) : std::nullopt);
    st.bind(i + 8, a.work_unit);
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

void bind_step(SQLite::Statement& st, int i, step_record const& r) {
    auto const& d = r.details;
    st.bind(i, std::string(to_string(r.kind)));
    bind_date(st, i + 1, r.date);
    bind_opt(st, i + 2, d.by ? std::optional(static_cast<std::int64_t>(d.by->value())) : std::nullopt);
    bind_opt(st, i + 3, d.recommended ? std::optional(std::string(to_string(*d.recommended))) : std::nullopt);
    st.bind(i + 4, join_ids(d.members));
    bind_opt(st, i + 5, d.passed ? std::optional(*d.passed ? 1 : 0) : std::nullopt);
    st.bind(i + 6, d.conclusion);
    st.bind(i + 7, d.document);
    st.bind(i + 8, d.days);
    st.bind(i + 9, d.class_hours);
    st.bind(i + 10, d.special_case ? 1 : 0);
    if (d.vote) {
        st.bind(i + 11, d.vote->entitled);
        st.bind(i + 12, d.vote->present);
        st.bind(i + 13, d.vote->written_opinions);
        st.bind(i + 14, d.vote->yes);
        st.bind(i + 15, d.vote->no);
        st.bind(i + 16, d.vote->abstain);
    } else {
        for (int k = 11; k <= 16; ++k)
            st.bind(i + k);
    }
    bind_opt(st, i + 17, d.decision ? std::optional(std::string(to_string(*d.decision))) : std::nullopt);
    st.bind(i + 18, d.extension_months);
    bind_opt(st, i + 19, d.notice_for ? std::optional(std::string(to_string(*d.notice_for))) : std::nullopt);
    bind_date(st, i + 20, d.notice_end);
    st.bind(i + 21, d.objections);
    bind_date(st, i + 22, d.expected_leave);
    bind_date(st, i + 23, d.since);
    st.bind(i + 24, d.reason);
    st.bind(i + 25, d.household_org);
    st.bind(i + 26, d.residence_org);
}

}  // namespace dangyuan::storage
