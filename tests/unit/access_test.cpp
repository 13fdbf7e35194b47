#include <catch2/catch.hpp>

#include "access_support.hpp"

namespace access_test_cases {

using namespace dangyuan;
using test::d;

namespace {

member someone(org_id branch, int seq, std::string name = "张三") {
    auto m = test::full_member(branch, std::move(name), d(2015, 7, 1), seq);
    m.phone = "13812345678";
    m.address = "北京市海淀区中关村大街27号";
    return m;
}

}  // namespace

TEST_CASE("principals: parse_principal reads ROLE@ORG and ROLE; unknown roles and bad ids are refused",
          "[access]") {
    auto const p = parse_principal("branch_secretary@12", "王芳");
    CHECK(p.actor == "王芳");
    CHECK(p.role == role::branch_secretary());
    CHECK(p.org == org_id{12});
    CHECK(p.label() == "branch_secretary@12");
    CHECK_FALSE(parse_principal("auditor", "李四").org);
    CHECK(test::invalid_field([] { (void)parse_principal("secretary@12", "x"); }) == "role");
    CHECK(test::invalid_field([] { (void)parse_principal("analyst@", "x"); }) == "org");
    CHECK(test::invalid_field([] { (void)parse_principal("analyst@1x", "x"); }) == "org");
    CHECK(test::invalid_field([] { (void)parse_principal("analyst@0", "x"); }) == "org");
}

TEST_CASE("principals: the built-in roles are the permission sets docs/security.md lists", "[access]") {
    CHECK(role::organisation_department().permissions == permission_set::all());
    auto const committee = role::party_committee().permissions;
    CHECK(committee.contains(permission::approve_as_higher_committee));
    CHECK(committee.contains(permission::manage_organisations));
    CHECK_FALSE(committee.contains(permission::manage_profiles));
    CHECK_FALSE(committee.contains(permission::read_audit));
    auto const secretary = role::branch_secretary().permissions;
    CHECK(secretary.contains(permission::run_development));
    CHECK_FALSE(secretary.contains(permission::approve_as_higher_committee));
    CHECK_FALSE(secretary.contains(permission::manage_organisations));
    CHECK(role::analyst().permissions.list() ==
          std::vector<permission>{permission::read_roster, permission::export_data});
    CHECK(role::auditor().permissions.list() == std::vector<permission>{permission::read_audit});
    CHECK(built_in_roles().size() == 5);
}

TEST_CASE("principals: a principal whose organisation is not in the store cannot open it", "[access]") {
    test::shared_district w("unknown-org");
    CHECK_THROWS_AS(w.secretary_of(org_id{999}), not_found);
}

TEST_CASE("branch secretary: reads hold only the branch; another branch's records are refused", "[access]") {
    test::shared_district w("secretary-reads");
    auto const a1 = w.store.add_member(someone(w.branch_a, 1, "甲"));
    auto const b1 = w.store.add_member(someone(w.branch_b, 2, "乙"));
    auto s = w.secretary_of(w.branch_a);

    auto const all = s.roster();
    REQUIRE(all.size() == 1);
    CHECK(all.front().id == a1);
    CHECK(all.front().id_number);                           // the branch's own members are shown unmasked
    CHECK(s.roster(scope::subtree(w.street)).size() == 1);  // a wider scope is narrowed to the branch
    CHECK(s.member_count() == 1);
    CHECK(s.orgs().size() == 1);
    CHECK(s.find_members_by_name("乙").empty());
    CHECK_FALSE(s.find_member(*w.store.get_member(b1).id_number));
    CHECK(s.org(w.street).name == "城关街道党工委");  // its own higher committee is visible
    test::require_denied(
        w.path, [&] { (void)s.roster(scope::subtree(w.branch_b)); }, permission::read_roster,
        w.branch_b.value());
    test::require_denied(
        w.path, [&] { (void)s.get_member(b1); }, permission::read_roster, w.branch_b.value());
    test::require_denied(
        w.path, [&] { (void)s.standing_history(b1); }, permission::read_roster, w.branch_b.value());
    test::require_denied(
        w.path, [&] { (void)s.org(w.village); }, permission::read_roster, w.village.value());
    test::require_denied(
        w.path, [&] { (void)s.agenda(d(2026, 6, 30), scope::subtree(w.village)); }, permission::read_roster,
        w.village.value());
}

TEST_CASE("branch secretary: writes outside the branch or beyond the role are refused and change nothing",
          "[access]") {
    test::shared_district w("secretary-writes");
    auto const b1 = w.store.add_member(someone(w.branch_b, 2, "乙"));
    auto s = w.secretary_of(w.branch_a);

    auto const a1 = s.add_member(someone(w.branch_a, 1, "甲"), "发展");
    CHECK(w.store.audit_log().back().actor ==
          "王芳 (branch_secretary@" + std::to_string(w.branch_a.value()) + ")");
    test::require_denied(
        w.path, [&] { (void)s.add_member(someone(w.branch_b, 3, "丙")); }, permission::write_roster,
        w.branch_b.value());
    auto b = w.store.get_member(b1);
    b.work_unit = "改";
    test::require_denied(
        w.path, [&] { s.update_member(b); }, permission::write_roster, w.branch_b.value());
    auto moved = s.get_member(a1);
    moved.branch = w.branch_b;
    moved.joined_branch = d(2026, 1, 1);
    test::require_denied(
        w.path, [&] { s.update_member(moved); }, permission::write_roster, w.branch_b.value());
    test::require_denied(
        w.path,
        [&] {
            s.record_standing(b1,
                              {.kind = standing_event_kind::suspended, .date = d(2026, 1, 5), .reason = "x"});
        },
        permission::write_roster, w.branch_b.value());
    test::require_denied(
        w.path,
        [&] {
            (void)s.add_org({.name = "新支部",
                             .kind = org_kind::branch,
                             .parent = w.branch_a,
                             .established = d(2026, 1, 1)});
        },
        permission::manage_organisations, w.branch_a.value());
    test::require_denied(
        w.path, [&] { (void)s.audit_log(); }, permission::read_audit, 0);
    test::require_denied(
        w.path, [&] { s.register_rule_set(rule_set::national_2014()); }, permission::manage_profiles, 0);
    test::require_denied(
        w.path, [&] { s.backup(w.path.parent_path() / "copy.db"); }, permission::export_data, 0);
}

TEST_CASE("party committee: its subtree, organisations included; not its neighbours, not the profiles",
          "[access]") {
    test::shared_district w("committee");
    auto s = w.as(role::party_committee(), w.street, "赵六");
    auto const added = s.add_org(
        {.name = "第三党支部", .kind = org_kind::branch, .parent = w.street, .established = d(2026, 1, 1)});
    CHECK(s.orgs().size() == 4);  // the street, its two branches and the new one
    CHECK(s.add_member(someone(w.branch_b, 4)).valid());
    test::require_denied(
        w.path,
        [&] {
            (void)s.add_org({.name = "西村党支部",
                             .kind = org_kind::branch,
                             .parent = w.district_committee,
                             .established = d(2026, 1, 1)});
        },
        permission::manage_organisations, w.district_committee.value());
    test::require_denied(
        w.path, [&] { (void)s.add_member(someone(w.village, 5)); }, permission::write_roster,
        w.village.value());
    auto moved = s.org(added);
    moved.parent = w.district_committee;
    test::require_denied(
        w.path, [&] { s.update_org(moved); }, permission::manage_organisations, w.district_committee.value());
    test::require_denied(
        w.path, [&] { s.load_holidays("2027 off 2027-01-01", "国办发明电"); }, permission::manage_profiles,
        0);
}

TEST_CASE("analyst: reads masked records, writes nothing, looks nobody up by ID number", "[access]") {
    test::shared_district w("analyst");
    auto const a1 = w.store.add_member(someone(w.branch_a, 1, "甲"));
    auto const full = w.store.get_member(a1);
    auto s = w.as(role::analyst(), std::nullopt, "数据组");

    auto const seen = s.get_member(a1);
    CHECK_FALSE(seen.id_number);
    CHECK(seen.birth_date == d(int(date::year_month_day{full.birth_date}.year()), 1, 1));
    CHECK(seen.phone == "138****5678");
    CHECK(seen.address == "北京市海淀区****");
    CHECK(seen.name == full.name);
    auto const listed = s.roster();
    REQUIRE(listed.size() == 1);
    CHECK_FALSE(listed.front().id_number);
    for (auto const& t :
         {load_roster_table(s), load_roster_parts(s, {.readers = 2, .min_rows_per_reader = 1}).front()}) {
        REQUIRE(t.size() == 1);
        CHECK(t.id_number[0].empty());
        CHECK(t.phone[0] == "138****5678");
        CHECK(t.address[0] == "北京市海淀区****");
        CHECK(t.row(0).birth_date == seen.birth_date);
    }
    CHECK(load_roster_table(w.store).id_number[0] == full.id_number->str());
    test::require_denied(
        w.path, [&] { (void)s.find_member(*full.id_number); }, permission::unmasked_personal_data, 0);
    test::require_denied(
        w.path, [&] { s.update_member(seen); }, permission::write_roster, w.branch_a.value());
    test::require_denied(
        w.path, [&] { (void)s.add_member(someone(w.branch_a, 2)); }, permission::write_roster,
        w.branch_a.value());
    test::require_denied(
        w.path, [&] { s.record_access("roster", "检查"); }, permission::unmasked_personal_data, 0);
}

TEST_CASE("auditor: reads and verifies the audit trail, nothing else", "[access]") {
    test::shared_district w("auditor");
    (void)w.store.add_member(someone(w.branch_a, 1));
    auto s = w.as(role::auditor(), std::nullopt, "审计员");
    CHECK_FALSE(s.audit_log().empty());
    CHECK(s.verify_audit().ok);
    test::require_denied(
        w.path, [&] { (void)s.roster(); }, permission::read_roster, 0);
    test::require_denied(
        w.path, [&] { (void)s.orgs(); }, permission::read_roster, 0);
}

TEST_CASE("refusals: one met inside a transaction is recorded after the transaction's rollback", "[access]") {
    test::shared_district w("in-transaction");
    auto s = w.secretary_of(w.branch_a);
    auto const denials = test::denials_in(w.path);
    {
        store::transaction tx(s);
        (void)s.add_member(someone(w.branch_a, 1));
        CHECK_THROWS_AS(s.add_member(someone(w.branch_b, 2)), access_denied);
    }  // rolled back
    CHECK(w.store.member_count() == 0);
    CHECK(test::denials_in(w.path) == denials + 1);
    auto const last = w.store.audit_log().back();
    CHECK(last.action == "denied");
    CHECK(last.entity_id == w.branch_b.value());
    CHECK(last.detail.find("permission=write_roster") != std::string::npos);
    CHECK(w.store.verify_audit().ok);
}

TEST_CASE("refusals: a read-only handle records its refusal through a connection of its own", "[access]") {
    // A file, or under store.postgresql a database on the server, whose read-only session cannot write.
    auto location = test::fresh_store_location();
    if (location == ":memory:") location = (test::temp_dir("access-read-only") / "store.db").string();
    auto department = test::shared_district::open_as(location, std::nullopt);
    auto const orgs = test::add_district_orgs(department);
    auto const other = department.add_member(someone(orgs.branch_b, 2, "乙"));
    auto const audit_before = department.audit_log().size();
    store_options o;
    o.actor = "王芳";
    o.principal = principal{"王芳", role::branch_secretary(), orgs.branch_a};
    o.read_only = true;
    {
        auto reader = open_store(location, o);
        CHECK(reader.read_only());
        CHECK_THROWS_AS(reader.get_member(other), access_denied);
        CHECK_THROWS_AS(reader.roster(scope::subtree(orgs.branch_b)), access_denied);
    }
    auto const log = department.audit_log();
    REQUIRE(log.size() == audit_before + 2);
    for (auto i = audit_before; i < log.size(); ++i) {
        CHECK(log[i].entity == "access");
        CHECK(log[i].action == "denied");
        CHECK(log[i].actor == "王芳 (branch_secretary@" + std::to_string(orgs.branch_a.value()) + ")");
        CHECK(log[i].entity_id == orgs.branch_b.value());
        CHECK(log[i].detail.find("permission=read_roster") != std::string::npos);
    }
    CHECK(department.verify_audit().ok);
}

TEST_CASE("unmasked access: recorded with principal, scope and rows", "[access]") {
    test::shared_district w("unmasked");
    auto s = w.secretary_of(w.branch_a);
    s.record_access("member list", "年度核查", 3);
    auto const last = w.store.audit_log().back();
    CHECK(last.action == "unmasked_read");
    CHECK(last.why == "年度核查");
    CHECK(last.detail == "member list; principal=branch_secretary@" + std::to_string(w.branch_a.value()) +
                             "; scope=subtree:" + std::to_string(w.branch_a.value()) + "; rows=3");
    CHECK(test::invalid_field([&] { s.record_access("member list", ""); }) == "why");
}

}  // namespace access_test_cases
