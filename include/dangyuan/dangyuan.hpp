#pragma once
/// \file
/// Umbrella header: everything of dangyuan in one include.

#include "dangyuan/agenda/agenda.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/codes.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/core/id_number.hpp"
#include "dangyuan/core/ids.hpp"
#include "dangyuan/core/work_calendar.hpp"
#include "dangyuan/member/member.hpp"
#include "dangyuan/member/standing.hpp"
#include "dangyuan/org/org.hpp"
#include "dangyuan/org/org_rules.hpp"
#include "dangyuan/rules/catalogue.hpp"
#include "dangyuan/rules/rule_set.hpp"
#include "dangyuan/storage/store.hpp"
#include "dangyuan/version.hpp"
