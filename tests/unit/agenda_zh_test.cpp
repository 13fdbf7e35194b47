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
    auto s =
        open_store(test::fresh_store_location(), {.actor = "tester", .today = [as_of] { return as_of; }});
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

TEST_CASE("agenda: members abroad and transfer letters in Chinese", "[agenda][agenda_zh]") {
    auto const rules = rule_set::national_2014();
    org_id const branch{10};
    std::vector<agenda_item> items;
    auto add = [&](std::vector<agenda_item> more) { items.insert(items.end(), more.begin(), more.end()); };
    auto abroad = [&](abroad_kind k, date::sys_days from, date::sys_days on) {
        add(abroad_agenda(abroad_record{.member = member_id{1}, .kind = k, .from = from, .place = "英国"}, {},
                          branch, "张三", on, rules));
    };
    abroad(abroad_kind::settled, d(2020, 1, 1), d(2025, 6, 1));
    REQUIRE(items.size() == 1);
    CHECK(items[0].message_zh == "2020-01-01起私自出国定居: 一般应停止党籍");
    abroad(abroad_kind::study, d(2020, 1, 1), d(2025, 6, 1));
    abroad(abroad_kind::graduate, d(2024, 7, 1), d(2026, 7, 1));
    transfer_letter const letter{
        "浙组转〔2025〕0012", member_id{1},     "张三",        branch, "第一社区党支部",
        org_id{20},           "南山区委组织部", d(2025, 1, 1), 0,      {}};
    add(transfer_agenda(letter, d(2025, 1, 2), rules));
    REQUIRE(items.back().kind == "transfer.receipt_pending");
    CHECK(items.back().message_zh == "2025-01-01开具的介绍信浙组转〔2025〕0012(转往南山区委组织部)回执应在" +
                                         format_date(items.back().due) +
                                         "前退回; 此前党员仍由本支部负责管理");
    add(transfer_agenda(letter, d(2026, 1, 1), rules));
    std::set<std::string> kinds;
    for (auto const& i : items) {
        check_item(i);
        kinds.insert(i.kind);
    }
    CHECK(kinds == std::set<std::string>{"abroad.suspend_candidate", "abroad.contact_due",
                                         "abroad.graduate_relationship_due", "transfer.receipt_pending",
                                         "transfer.letter_expired"});
}

}  // namespace agenda_zh_test_cases
