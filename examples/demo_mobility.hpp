#pragma once
// The mobility part of the demo district (流动党员管理).
//
// - Certificates are numbered under the district's code 370102 (历下区).
// - Two members of the office branch work away. One has been in Shanghai since October 2025: registered
//   as a mobile member, reported home in October, but the annual review (年审) of the certificate
//   issued on 2025-10-20 was due on 2026-10-20 and is overdue on the demo date. The other has worked in
//   the shopping street since April 2026, presented the certificate to the shop owners' joint branch,
//   which hosts org life and collected the dues of May to August (the same payments the dues ledger
//   holds), and was registered when six months away.
// - Member [3] of the community branch has been out of contact since 2025-03-01: the searches before
//   the suspension of 2025-10-09 and one after it are in the contact log; removal becomes possible only
//   two years after the suspension.
// - A transfer letter for member [7] of the community branch, issued by the street working committee on
//   2026-07-20 to the district education committee, expired on 2026-10-18 without a receipt: overdue,
//   and the community branch still holds the member.

#include <dangyuan/storage/mobility_store.hpp>

#include <string>

#include "demo_context.hpp"

inline void demo_mobility(dangyuan::store& store, demo_context const& ctx) {
    namespace dy = dangyuan;
    using namespace date::literals;
    auto const& m = ctx.members;

    dy::set_certificate_numbering(store, "370102", 6, 1, "历下区委组织部流动党员活动证编码");
    auto const life = [](date::sys_days d, std::string note) {
        return dy::host_life_attended{.date = d, .note = std::move(note)};
    };

    // ---- 街道机关党支部: in Shanghai since October 2025, certificate review overdue.
    dy::issue_certificate(store, m[17],
                          {.issued = 2025_y / 10 / 20,
                           .reason = dy::mobility_reason::work_business,
                           .destination = "上海市浦东新区",
                           .expected_months = 18},
                          "外出务工经商，办理流动党员活动证");
    auto const shanghai = dy::open_episode(store, m[17],
                                           {.date = 2025_y / 10 / 25,
                                            .reason = dy::mobility_reason::work_business,
                                            .destination = {.place = "上海市浦东新区"},
                                            .expected_months = 18},
                                           "外出登记");
    dy::record_episode(store, shanghai, dy::registered_as_mobile{2026_y / 4 / 28},
                       "全国党员管理信息系统登记");
    dy::record_episode(store, shanghai, dy::yearly_report_made{2026_y / 10 / 15, "电话汇报思想和工作情况"});

    // ---- 街道机关党支部: in the shopping street since April 2026, hosted by the shop owners' branch.
    auto const shops = dy::issue_certificate(store, m[14],
                                             {.issued = 2026_y / 4 / 20,
                                              .reason = dy::mobility_reason::work_business,
                                              .destination = "济南市历下区泉城路商业街",
                                              .expected_months = 6},
                                             "外出经商，办理流动党员活动证");
    auto const street = dy::open_episode(store, m[14],
                                         {.date = 2026_y / 4 / 25,
                                          .reason = dy::mobility_reason::work_business,
                                          .destination = {.place = "济南市历下区泉城路商业街"},
                                          .expected_months = 6},
                                         "外出登记");
    dy::record_certificate(store, shops, dy::certificate_presented{2026_y / 5 / 6, ctx.shop},
                           "交流入地党组织查验");
    dy::record_episode(
        store, street,
        dy::reported_to_host{
            .date = 2026_y / 5 / 6, .host_org = ctx.shop, .note = "编入商户联合党支部参加组织生活"});
    auto const monthly =
        dy::monthly_dues(dy::dues_category::employed, dy::fen::yuan(3600 + 450 * 5), store.rules().life);
    for (unsigned month = 5; month <= 8; ++month) {
        if (month == 7) dy::record_episode(store, street, life(2026_y / 7 / 1, "七一主题党日"));
        dy::record_episode(store, street,
                           dy::host_dues_paid{.date = date::sys_days{2026_y / date::month{month} / 20},
                                              .dues_month = 2026_y / date::month{month},
                                              .dues_months = 1,
                                              .amount_fen = monthly},
                           "在流入地党组织交纳党费");
        if (month == 5) dy::record_episode(store, street, life(2026_y / 5 / 28, "主题党日"));
    }
    dy::record_episode(store, street, life(2026_y / 9 / 25, "组织生活会"));
    dy::record_episode(store, street, dy::registered_as_mobile{2026_y / 10 / 28}, "全国党员管理信息系统登记");
    dy::record_episode(store, street, life(2026_y / 11 / 10, "主题党日"));

    // ---- 芙蓉社区党支部: member [3] out of contact since 2025-03-01 (suspended on 2025-10-09).
    dy::open_contact_log(store, m[3], 2025_y / 3 / 1, "失联党员排查");
    auto const attempt = [&](date::sys_days d, std::string channel, std::string note) {
        dy::record_contact(
            store, m[3],
            dy::contact_attempt_failed{d, std::move(channel), "社区党支部组织委员", std::move(note)});
    };
    attempt(2025_y / 4 / 15, "电话", "手机停机");
    attempt(2025_y / 6 / 20, "上门走访", "原住址已出租，房东不知去向");
    attempt(2025_y / 8 / 30, "亲属", "亲属称半年未联系");
    attempt(2026_y / 3 / 10, "登报寻找", "《济南日报》刊登寻人启事，无回音");

    // ---- A transfer letter for member [7] that expired without a receipt.
    dy::transfer_letter letter;
    letter.serial = "泉组转〔2026〕7号";
    letter.member = m[7];
    letter.from_org = ctx.street;
    letter.to_org = ctx.edu;
    letter.issued = 2026_y / 7 / 20;
    dy::issue_transfer_letter(store, letter, "工作调动至区教育系统");
}
