#pragma once
// What the demo district holds, for the parts of the demo that add each domain's records.

#include <dangyuan/dangyuan.hpp>

#include <vector>

struct demo_context {
    dangyuan::org_id district, street, community, office, shop, edu, school, teachers, retirees;
    std::vector<dangyuan::member_id> members;  // in roster order (see demo.cpp)
    date::sys_days as_of;                      // the fixed date the demo reports on
};
