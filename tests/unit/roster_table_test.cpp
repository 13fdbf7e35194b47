#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <limits>
#include <string>

#include "test_support.hpp"

namespace roster_table_test_cases {

using namespace dangyuan;
using test::d;

namespace {

// Every member of `t`'s roster, as load_roster_table gives them back.
std::vector<member> rows_of(roster_table const& t) {
    std::vector<member> out;
    for (std::size_t i = 0; i < t.size(); ++i)
        out.push_back(t.row(i));
    return out;
}

// A member with every optional field empty and text fields blank.
member bare_member(org_id branch, std::string name, date::sys_days admitted) {
    member m;
    m.name = std::move(name);
    m.sex = sex::female;
    m.birth_date = add_years(admitted, -40);
    m.branch = branch;
    m.admission_date = admitted;
    m.joined_branch = std::max(admitted, d(2006, 1, 1));  // every branch of the fixture exists by then
    m.backfilled = true;  // admitted long ago without an application date on file
    return m;
}

// A member with every field filled in.
member full_record(org_id branch, std::string name, date::sys_days admitted, int seq) {
    auto m = test::full_member(branch, std::move(name), admitted, seq);
    m.ethnicity = ethnicity::hui;
    m.education = education::masters_graduated;
    m.category = personnel_category::professional_technical;
    m.work_unit = "历下区人民医院";
    m.post = "主治医师";
    m.native_place = "山东济南";
    m.phone = "13800138000";
    m.address = "山东省济南市历下区泉城路1号";
    return m;
}

struct file_district {
    std::filesystem::path dir = test::temp_dir("roster-table");
    std::filesystem::path path = dir / "store.db";
    store s = open_store(path, {.actor = "tester"});
    org_id top, street, branch_a, branch_b;

    file_district() {
        top = s.add_org({.name = "区委", .kind = org_kind::higher_committee, .established = d(1990, 1, 1)});
        street = s.add_org({.name = "城关街道党工委",
                            .kind = org_kind::working_committee,
                            .parent = top,
                            .established = d(2000, 1, 1)});
        branch_a = s.add_org(
            {.name = "第一党支部", .kind = org_kind::branch, .parent = street, .established = d(2001, 1, 1)});
        branch_b = s.add_org(
            {.name = "第二党支部", .kind = org_kind::branch, .parent = top, .established = d(2001, 1, 1)});
    }
    ~file_district() {
        s = open_store(":memory:");  // closes the file before the directory goes
        std::filesystem::remove_all(dir);
    }
    // Runs one statement on the file through a second connection, as a hand edit would.
    void edit(std::string const& sql) {
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
        raw.exec(sql);
    }
};

}  // namespace

TEST_CASE("roster_table: an empty store gives an empty table with one offset per text column",
          "[roster_table]") {
    test::district t;
    auto const table = load_roster_table(t.store);
    CHECK(table.empty());
    CHECK(table.size() == 0);
    CHECK(table.name.size() == 0);
    REQUIRE(table.name.offsets().size() == 1);
    CHECK(table.name.offsets()[0] == 0);
    CHECK(table.name.data().empty());
    CHECK(table.memory_bytes() == 7 * sizeof(text_column::offset_type));
}

TEST_CASE("roster_table: rows equal store.roster() field by field, filled and empty fields alike",
          "[roster_table]") {
    test::district t;
    t.store.add_member(full_record(t.branch_a, "张三", d(2010, 7, 1), 1));
    t.store.add_member(bare_member(t.branch_b, "李四", d(1985, 3, 1)));
    auto third = full_record(t.village, "王五", d(2024, 2, 29), 3);
    third.full_member_date.reset();  // still probationary
    third.education.reset();
    third.category.reset();
    t.store.add_member(third);

    auto const table = load_roster_table(t.store);
    REQUIRE(table.size() == 3);
    CHECK(rows_of(table) == t.store.roster());

    // The raw cells: codes, dates as days since 1970-01-01, missing values as sentinels.
    CHECK(table.sex[0] == 1);
    CHECK(table.ethnicity[0] == 3);
    CHECK(table.education[0] == static_cast<int>(education::masters_graduated));
    CHECK(table.category[0] == 3);
    CHECK(table.admission_date[0] == (d(2010, 7, 1) - date::sys_days{}).count());
    CHECK(table.admission_date[2] == 19782);  // 2024-02-29
    CHECK(table.id_number[1].empty());
    CHECK(table.application_date[1] == roster_table::no_date);
    CHECK(table.full_member_date[2] == roster_table::no_date);
    CHECK(table.education[2] == roster_table::no_code);
    CHECK(table.category[2] == roster_table::no_code);
    CHECK(table.backfilled[1] == 1);
    CHECK(table.backfilled[0] == 0);
    CHECK(table.version[0] == 1);
    CHECK(table.branch[1] == t.branch_b.value());
}

TEST_CASE("roster_table: text columns are Arrow large_string buffers", "[roster_table]") {
    test::district t;
    auto a = bare_member(t.branch_a, "甲", d(2000, 1, 1));
    a.address = "一号";
    auto b = bare_member(t.branch_a, "乙乙", d(2000, 1, 1));  // empty address in the middle
    auto c = bare_member(t.branch_a, "丙", d(2000, 1, 1));
    c.address = "三号楼";
    t.store.add_members(std::vector<member>{a, b, c});
    auto const table = load_roster_table(t.store);
    auto const& col = table.address;
    REQUIRE(col.size() == 3);
    REQUIRE(col.offsets().size() == 4);
    CHECK(col.offsets()[0] == 0);
    CHECK(col.offsets()[1] == 6);  // "一号" is 6 UTF-8 bytes
    CHECK(col.offsets()[2] == 6);
    CHECK(col.offsets()[3] == 15);
    CHECK(col.data() == "一号三号楼");
    CHECK(col[1].empty());
    CHECK(col[2] == "三号楼");
    CHECK(table.name.data() == "甲乙乙丙");
}

TEST_CASE("roster_table: scope and as_of select the same members as store.roster()", "[roster_table]") {
    test::district t;
    auto const early = t.store.add_member(full_record(t.branch_a, "早", d(2001, 7, 1), 1));
    auto const late = t.store.add_member(full_record(t.branch_a, "晚", d(2020, 7, 1), 2));
    auto const away = t.store.add_member(full_record(t.village, "村", d(2005, 7, 1), 3));
    auto const gone = t.store.add_member(full_record(t.branch_b, "故", d(2006, 7, 1), 4));
    t.store.record_standing(gone, {standing_event_kind::died, d(2022, 5, 10), "病故", "支部"});
    auto const lost = t.store.add_member(full_record(t.branch_b, "失", d(2007, 7, 1), 5));
    t.store.record_standing(lost, {standing_event_kind::suspended, d(2021, 1, 4), "失联", "支部大会"});

    for (auto const sc : {scope::all(), scope::subtree(t.street), scope::subtree(t.village)})
        for (auto const as_of :
             {std::optional<date::sys_days>{}, std::optional(d(2020, 6, 30)), std::optional(d(2020, 7, 1)),
              std::optional(d(2022, 5, 9)), std::optional(d(2022, 5, 10)), std::optional(d(1999, 1, 1))})
            CHECK(rows_of(load_roster_table(t.store, sc, as_of)) == t.store.roster(sc, as_of));

    // On the day of admission a member is listed, the day before not; on the day of death no longer.
    auto ids = [&](std::optional<date::sys_days> on) {
        return load_roster_table(t.store, scope::all(), on).id;
    };
    using v = std::vector<std::int64_t>;
    CHECK(ids(d(2020, 6, 30)) == v{early.value(), away.value(), gone.value(), lost.value()});
    CHECK(ids(d(2020, 7, 1)) == v{early.value(), late.value(), away.value(), gone.value(), lost.value()});
    CHECK(ids(d(2022, 5, 9)) == v{early.value(), late.value(), away.value(), gone.value(), lost.value()});
    CHECK(ids(d(2022, 5, 10)) ==
          v{early.value(), late.value(), away.value(), lost.value()});  // suspended stays
    // The street holds branch_a and branch_b, not the village.
    CHECK(load_roster_table(t.store, scope::subtree(t.street)).id ==
          v{early.value(), late.value(), gone.value(), lost.value()});
    CHECK(load_roster_table(t.store, scope::subtree(t.branch_b), d(1999, 1, 1)).empty());
}

TEST_CASE("roster_table: an unknown scope root is not_found", "[roster_table]") {
    test::district t;
    CHECK_THROWS_AS(load_roster_table(t.store, scope::subtree(org_id{999})), not_found);
}

TEST_CASE("roster_table: a large roster loads whole, past the rows used to size the text buffers",
          "[roster_table]") {
    test::district t;
    std::vector<member> drafts;
    for (int i = 0; i < 3000; ++i) {
        // Text grows along the roster, so the buffers outgrow what the first rows suggested.
        auto m = bare_member(i % 2 ? t.branch_a : t.branch_b, "党员" + std::to_string(i), d(2006, 1, 1));
        m.address = std::string(static_cast<std::size_t>(i / 10), 'x');
        m.backfilled = false;
        m.birth_date = d(1970, 1, 1) + date::days{i};
        drafts.push_back(std::move(m));
    }
    t.store.add_members(drafts);
    auto const table = load_roster_table(t.store);
    REQUIRE(table.size() == 3000);
    CHECK(rows_of(table) == t.store.roster());
    CHECK(table.address[2999].size() == 299);
    CHECK(table.address.offsets().back() ==
          static_cast<text_column::offset_type>(table.address.data().size()));
    CHECK(table.birth_date[0] == 0);  // 1970-01-01
}

TEST_CASE("roster_table: push_back(member) and row(i) round-trip", "[roster_table]") {
    test::district t;
    roster_table table;
    auto a = full_record(t.branch_a, "张三", d(2010, 7, 1), 1);
    a.id = member_id{42};
    a.version = 7;
    auto b = bare_member(t.branch_b, "李四", d(1985, 3, 1));
    b.id = member_id{43};
    table.push_back(a);
    table.push_back(b);
    REQUIRE(table.size() == 2);
    CHECK(table.row(0) == a);
    CHECK(table.row(1) == b);
    CHECK(table.memory_bytes() == 2 * (3 * 8 + 4 + 5 * 4 + 1) + 8 * 7 * 3 + table.name.data().size() +
                                      table.id_number.data().size() + table.work_unit.data().size() +
                                      table.post.data().size() + table.native_place.data().size() +
                                      table.phone.data().size() + table.address.data().size());
}

TEST_CASE("roster_table: date cells convert to and from sys_days, no_date being nothing", "[roster_table]") {
    CHECK(roster_table::to_date(0) == d(1970, 1, 1));
    CHECK(roster_table::to_date(-1) == d(1969, 12, 31));
    CHECK(roster_table::to_date(19782) == d(2024, 2, 29));
    CHECK_FALSE(roster_table::to_date(roster_table::no_date).has_value());
    CHECK(roster_table::from_date(d(2024, 3, 1)) == 19783);
    CHECK(roster_table::from_date(std::nullopt) == roster_table::no_date);
    CHECK(roster_table::no_date == std::numeric_limits<std::int32_t>::min());
}

TEST_CASE("roster_table: row() refuses cells that a member cannot hold, naming the field", "[roster_table]") {
    test::district t;
    roster_table table;
    table.push_back(full_record(t.branch_a, "张三", d(2010, 7, 1), 1));
    auto field_of = [&](auto&& f) {
        try {
            f();
        } catch (invalid_input const& e) {
            return e.field();
        }
        return std::string("(nothing thrown)");
    };
    auto copy = table;
    copy.sex[0] = 3;  // not a GB/T 2261.1 code
    CHECK(field_of([&] { (void)copy.row(0); }) == "sex");
    copy = table;
    copy.education[0] = 99;
    CHECK(field_of([&] { (void)copy.row(0); }) == "education");
    copy = table;
    copy.birth_date[0] = roster_table::no_date;
    CHECK(field_of([&] { (void)copy.row(0); }) == "birth_date");
    copy = table;
    copy.admission_date[0] = roster_table::no_date;
    CHECK(field_of([&] { (void)copy.row(0); }) == "admission_date");
}

TEST_CASE("roster_table: cells the store never writes are a storage_error naming the column",
          "[roster_table]") {
    file_district f;
    f.s.add_member(full_record(f.branch_a, "张三", d(2010, 7, 1), 1));
    REQUIRE(load_roster_table(f.s).size() == 1);

    auto message_of = [&] {
        try {
            (void)load_roster_table(f.s);
        } catch (storage_error const& e) {
            return std::string(e.what());
        }
        return std::string("(nothing thrown)");
    };
    f.edit("UPDATE members SET birth_date = '2010/07/01'");
    CHECK_THAT(message_of(), Catch::Contains("members.birth_date") && Catch::Contains("2010/07/01"));
    f.edit("UPDATE members SET birth_date = '1980-07-01', admission_date = '2010-02-30'");
    CHECK_THAT(message_of(), Catch::Contains("members.admission_date"));
    f.edit("UPDATE members SET admission_date = '2010-07-01', sex = 'x'");
    CHECK_THAT(message_of(), Catch::Contains("members.sex") && Catch::Contains("'x'"));
    f.edit("UPDATE members SET sex = '1', education = '5'");
    CHECK_THAT(message_of(), Catch::Contains("members.education"));
    auto number = test::id_for(d(1980, 7, 1), sex::male, 1);
    number.back() = number.back() == '0' ? '1' : '0';  // a wrong check character
    f.edit("UPDATE members SET education = NULL, id_number = '" + number + "'");
    CHECK_THAT(message_of(), Catch::Contains("members.id_number"));
}

TEST_CASE("roster_table: codes stored as names or unpadded digits read like store.roster() reads them",
          "[roster_table]") {
    file_district f;
    f.s.add_member(full_record(f.branch_a, "张三", d(2010, 7, 1), 1));
    f.edit("UPDATE members SET sex = '男', ethnicity = '3', category = '003'");
    auto const table = load_roster_table(f.s);
    REQUIRE(table.size() == 1);
    CHECK(table.sex[0] == 1);
    CHECK(table.ethnicity[0] == 3);
    CHECK(table.category[0] == 3);
    CHECK(table.row(0) == f.s.roster().front());
}

namespace {

// The parts laid end to end, as one table.
roster_table concatenated(std::vector<roster_table> const& parts) {
    roster_table out;
    for (auto const& p : parts)
        for (std::size_t i = 0; i < p.size(); ++i)
            out.push_back(p.row(i));
    return out;
}

}  // namespace

TEST_CASE("roster_table: load_roster_parts reads consecutive id ranges whose concatenation is the roster",
          "[roster_table]") {
    file_district f;
    std::vector<member> drafts;
    for (int i = 0; i < 60; ++i)
        drafts.push_back(full_record(i % 3 ? f.branch_a : f.branch_b, "党员" + std::to_string(i),
                                     d(2002 + i % 20, 7, 1), i));
    f.s.add_members(drafts);
    auto const gone = member_id{7};
    f.s.record_standing(gone, {standing_event_kind::died, d(2022, 5, 10), "病故", "支部"});

    for (auto const sc : {scope::all(), scope::subtree(f.street), scope::subtree(f.branch_b)})
        for (auto const as_of :
             {std::optional<date::sys_days>{}, std::optional(d(2010, 7, 1)), std::optional(d(2023, 1, 1))}) {
            auto const whole = load_roster_table(f.s, sc, as_of);
            auto const parts = load_roster_parts(f.s, {.readers = 3, .min_rows_per_reader = 1}, sc, as_of);
            REQUIRE(parts.size() == 3);
            CHECK(concatenated(parts) == whole);
            for (std::size_t k = 1; k < parts.size(); ++k)
                if (!parts[k - 1].empty() && !parts[k].empty())
                    CHECK(parts[k - 1].id.back() < parts[k].id.front());
        }
    // Three readers over the whole store split sixty members into three non-empty parts.
    auto const parts = load_roster_parts(f.s, {.readers = 3, .min_rows_per_reader = 1});
    CHECK(std::ranges::none_of(parts, [](roster_table const& p) { return p.empty(); }));
    // Never more than roster_max_readers, however many are asked for.
    auto const many = load_roster_parts(f.s, {.readers = 100, .min_rows_per_reader = 1});
    CHECK(many.size() == roster_max_readers);
    CHECK(concatenated(many) == load_roster_table(f.s));
}

TEST_CASE("roster_table: load_roster_parts uses one connection for small rosters and in-memory stores",
          "[roster_table]") {
    file_district f;
    for (int i = 0; i < 10; ++i)
        f.s.add_member(full_record(f.branch_a, "党员" + std::to_string(i), d(2010, 7, 1), i));
    // Ten members and the default of 25 000 per reader: one part.
    CHECK(load_roster_parts(f.s, {.readers = 4}).size() == 1);
    // Four members per reader at most: two readers.
    CHECK(load_roster_parts(f.s, {.readers = 4, .min_rows_per_reader = 4}).size() == 2);
    // Never more readers than members (a minimum of 0 counts as 1).
    CHECK(load_roster_parts(f.s, {.readers = 12, .min_rows_per_reader = 0}).size() == 10);

    test::district t;
    t.store.add_member(full_record(t.branch_a, "甲", d(2010, 7, 1), 1));
    t.store.add_member(full_record(t.branch_b, "乙", d(2010, 7, 1), 2));
    auto const parts = load_roster_parts(t.store, {.readers = 2, .min_rows_per_reader = 1});
    REQUIRE(parts.size() == 1);  // ":memory:" cannot be opened by a second connection
    CHECK(parts.front() == load_roster_table(t.store));
    CHECK_THROWS_AS(load_roster_parts(t.store, {}, scope::subtree(org_id{999})), not_found);
}

TEST_CASE("roster_table: load_roster_parts reads what is committed, also after later writes",
          "[roster_table]") {
    file_district f;
    for (int i = 0; i < 8; ++i)
        f.s.add_member(full_record(f.branch_a, "党员" + std::to_string(i), d(2010, 7, 1), i));
    auto const o = roster_parts_options{.readers = 2, .min_rows_per_reader = 1};
    CHECK(concatenated(load_roster_parts(f.s, o)).size() == 8);
    auto m = f.s.get_member(member_id{3});
    m.phone = "13912345678";
    f.s.update_member(m, "电话变更");
    f.s.add_member(full_record(f.branch_b, "新党员", d(2011, 7, 1), 20));
    auto const after = concatenated(load_roster_parts(f.s, o));
    CHECK(after == load_roster_table(f.s));
    REQUIRE(after.size() == 9);
    CHECK(after.phone[2] == "13912345678");
}

}  // namespace roster_table_test_cases
