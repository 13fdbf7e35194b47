#pragma once
// Internal to src/storage: row mapping of development cases and their steps.

#include "dangyuan/development/case.hpp"
#include "impl.hpp"

namespace dangyuan::storage {

extern char const* const case_columns;  // id, branch_id, name, …, rule_set, backfilled, member_id, mobile
extern char const* const step_columns;  // kind, date, by_member, …, residence_org, note (no id, no case_id)
extern char const* const insert_step_sql;  // binds :case_id and those of bind_step

applicant read_applicant(sql::statement& st, int first_col);
// Binds :branch_id, :name, :sex, :ethnicity, :birth_date, :id_number, :education, :category, :work_unit.
void bind_applicant(sql::statement& st, applicant const& a);
step_record read_step(sql::statement& st, int first_col);
// Binds the parameter of every column of step_columns, named as the column (":kind", ":date", …).
void bind_step(sql::statement& st, step_record const& r);

// The migration's part after its SQL that adds dev_steps.note (schema version step_note_schema_version):
// moves every value a row holds in a column its kind does not read (as read_step decides) into the row's
// note as "column: value" text and resets the column to its default; appends one audit entry
// (step_note_migration_action) with the number of rows changed, when there are any. Returns that number.
int move_stranded_step_values(sql::database& db);

}  // namespace dangyuan::storage
