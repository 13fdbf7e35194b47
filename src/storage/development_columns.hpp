#pragma once
// Internal to src/storage: row mapping of development cases and their steps.

#include "dangyuan/development/case.hpp"
#include "impl.hpp"

namespace dangyuan::storage {

extern char const* const case_columns;  // id, branch_id, name, …, rule_set, backfilled, member_id, mobile
extern char const* const step_columns;  // kind, date, by_member, …, reason (no id, no case_id)
extern char const* const insert_step_sql;

applicant read_applicant(SQLite::Statement& st, int first_col);
void bind_applicant(SQLite::Statement& st, int first_index, applicant const& a);  // 9 parameters
step_record read_step(SQLite::Statement& st, int first_col);
void bind_step(SQLite::Statement& st, int first_index, step_record const& r);  // 27 parameters

}  // namespace dangyuan::storage
