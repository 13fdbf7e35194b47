#pragma once
/// \file
/// The records and tables of the foundation that several bind files use (the store returns and takes
/// them). Each is defined in the bind file of its concept. A domain declares its own in its bind file.

#include <cstdint>
#include <span>

#include "common.hpp"
#include "dangyuan/agenda/agenda.hpp"
#include "dangyuan/member/member.hpp"
#include "dangyuan/member/standing.hpp"
#include "dangyuan/org/org.hpp"
#include "dangyuan/org/org_rules.hpp"
#include "dangyuan/rules/vote.hpp"
#include "dangyuan/storage/store.hpp"
#include "table.hpp"

namespace dangyuan::python {

// clang-format off
#define DANGYUAN_PY_RECORD(T, name)                                  \
    template <>                                                      \
    struct record_traits<T> {                                        \
        static constexpr char const* python_name = name;             \
        static std::span<field_spec<T> const> fields();              \
        static void finish(T& record, std::uint64_t& given);          \
    }
#define DANGYUAN_PY_TABLE(T, name)                                   \
    template <>                                                      \
    struct table_spec<T> {                                           \
        static constexpr char const* python_name = name;             \
        static void columns(column_builder<T>& b);                   \
    }
// clang-format on

DANGYUAN_PY_RECORD(org_unit, "OrgUnit");              // bind_org.cpp
DANGYUAN_PY_RECORD(officer, "Officer");               // bind_org.cpp
DANGYUAN_PY_RECORD(org_counts, "OrgCounts");          // bind_org.cpp
DANGYUAN_PY_RECORD(member, "Member");                 // bind_member.cpp
DANGYUAN_PY_RECORD(agenda_item, "AgendaItem");        // bind_agenda.cpp
DANGYUAN_PY_RECORD(audit_entry, "AuditEntry");        // bind_audit.cpp
DANGYUAN_PY_RECORD(standing_event, "StandingEvent");  // bind_standing.cpp
DANGYUAN_PY_RECORD(standing, "Standing");             // bind_standing.cpp
DANGYUAN_PY_RECORD(branch_vote, "BranchVote");        // bind_vote.cpp

DANGYUAN_PY_TABLE(org_unit, "OrgTable");     // bind_org.cpp
DANGYUAN_PY_TABLE(agenda_item, "Agenda");    // bind_agenda.cpp
DANGYUAN_PY_TABLE(audit_entry, "AuditLog");  // bind_audit.cpp

}  // namespace dangyuan::python
