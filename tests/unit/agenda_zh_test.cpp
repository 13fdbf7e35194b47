// The agenda's Chinese descriptions (agenda_item::message_zh): every producer fills one that carries
// the facts of the English sentence, checked over the sample district on several dates, plus exact
// texts for representative kinds.

#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "sample/generator.hpp"
#include "test_support.hpp"

namespace agenda_zh_test_cases {

using namespace dangyuan;
using test::d;

// True when `s` holds a CJK unified ideograph (U+4E00-U+9FFF: UTF-8 lead bytes E4-E9).
bool has_cjk(std::string const& s) {
    for (std::size_t i = 0; i + 2 < s.size(); ++i) {
        auto const b = static_cast<unsigned char>(s[i]);
        if (b >= 0xE4 && b <= 0xE9) return true;
    }
    return false;
}

// The checks every item passes: a Chinese sentence, the due date when the English one names it, and
// every number of the English sentence (dates, amounts, counts, ids).
void check_item(agenda_item const& item) {
    INFO(item.kind << ": " << item.message << " | " << item.message_zh);
    CHECK(has_cjk(item.message_zh));
    if (item.message.find(format_date(item.due)) != std::string::npos)
        CHECK(item.message_zh.find(format_date(item.due)) != std::string::npos);
    static std::regex const number(R"(\d+(?:\.\d+)?)");
    for (std::sregex_iterator it(item.message.begin(), item.message.end(), number), end; it != end; ++it)
        CHECK(item.message_zh.find(it->str()) != std::string::npos);
}

TEST_CASE("agenda: every item of the sample district has a Chinese description with the English one's facts",
          "[agenda][agenda_zh]") {
    auto const as_of = d(2026, 11, 26);
    auto s = open_store(":memory:", {.actor = "tester", .today = [as_of] { return as_of; }});
    sample::options o;
    o.members = 400;
    o.as_of = as_of;
    o.domains = sample::domain_set::all;
    (void)sample::generate(s, o);
    std::set<std::string> kinds;
    std::size_t count = 0;
    for (auto const on : {as_of, d(2027, 3, 1), d(2027, 9, 30), d(2028, 6, 1)})
        for (auto const& item : s.agenda(on)) {
            check_item(item);
            kinds.insert(item.kind);
            ++count;
        }
    INFO(count << " items");
    CHECK(kinds.size() >= 15);
}

TEST_CASE("支部工作条例 第21条 [S] org.term_length: the term expiry in Chinese", "[agenda][agenda_zh]") {
    test::district t;
    for (int i = 0; i < 3; ++i)
        t.store.add_member(test::full_member(t.branch_a, "甲" + std::to_string(i), d(2010, 7, 1), i));
    std::vector<agenda_item> items;
    for (auto const& i : t.store.agenda(d(2026, 11, 26)))
        if (i.kind == "org.term_expiry" || i.kind == "org.too_few_full_members") items.push_back(i);
    REQUIRE(!items.empty());
    for (auto const& i : items)
        check_item(i);
    auto const expiry = std::find_if(items.begin(), items.end(), [&](agenda_item const& i) {
        return i.kind == "org.term_expiry" && i.org == t.branch_a;
    });
    REQUIRE(expiry != items.end());
    CHECK(expiry->message_zh == "本届任期5年, 2021-12-20开始, 2026-12-20届满: 应进行换届选举");
    CHECK(std::string(agenda_kind("org.term_expiry")->chinese) == "任期届满，按期换届");
}

TEST_CASE("支部工作条例 第4条 [C] org.branch_min_3_full and org.committee_threshold_7: findings in Chinese",
          "[agenda][agenda_zh]") {
    org_unit o;
    o.id = org_id{7};
    o.name = "第一党支部";
    o.kind = org_kind::branch;
    o.established = d(2000, 1, 1);
    auto const rules = rule_set::national_2014();
    auto const few =
        org_agenda(o, {.full_members = 2, .all_members = 4, .officers = 1}, d(2026, 1, 1), rules);
    REQUIRE(few.size() == 1);
    CHECK(few[0].message_zh == "正式党员2人, 不足3人: 可考虑与邻近单位成立联合党支部");
    auto const big =
        org_agenda(o, {.full_members = 51, .all_members = 51, .officers = 1}, d(2026, 1, 1), rules);
    std::vector<std::string> texts;
    for (auto const& i : big) {
        check_item(i);
        texts.push_back(i.message_zh);
    }
    CHECK(texts == std::vector<std::string>{"党员51人, 超过50人: 一般应分设党支部",
                                            "正式党员51人: 应选举产生3至7人的支部委员会",
                                            "党员51人, 达到50人以上: 应设立党总支, 下设若干党支部"});
}

}  // namespace agenda_zh_test_cases
