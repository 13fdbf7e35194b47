// dangyuan honour …: model posts and commendations (党员示范岗, 两优一先) — designate a model post, review,
// revoke or let it lapse, commend a member or an organisation, list them and count them for a year.

#include <ostream>

#include "cli/common.hpp"
#include "cli/record_options.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/io/reports.hpp"
#include "dangyuan/io/text.hpp"
#include "dangyuan/storage/honours_store.hpp"

namespace dangyuan::cli::cmd_honour {
namespace {

model_post_id post_argument(po::variables_map const& vm) {
    return id_argument<model_post_id>(vm, "post", "model post");
}

std::string post_state(model_post const& p) {
    if (p.ending) return labelled(p.ending->kind) + " " + format_date(p.ending->date);
    if (p.member_left) return "党员离党 " + format_date(*p.member_left);
    return "有效";
}

// --- honour post

void post_options(po::options_description& d, po::positional_options_description& p) {
    add_member_argument(d, p, "the member designated: id, ID number or exact name");
    d.add_options()("by", po::value<std::string>()->value_name("ORG"),
                    "the designating organisation: the member's branch or one above it (required)")(
        "title", po::value<std::string>()->value_name("TEXT"), "the post or title (岗位/称号, required)")(
        "note", po::value<std::string>()->value_name("TEXT"), "a note");
    add_date_option(d, "date", "the date of the designation (required)");
    add_date_option(d, "review-by", "an earlier first review (复评) than the rule set's period");
    add_why_option(d);
}

int run_post(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    require_options(vm, {"by", "title", "date"});
    auto const m = member_option(s, vm, "member");
    auto const by = org_option(s, vm, "by");
    model_post_designation const d{m.id,
                                   by.id,
                                   date_option(vm, "date"),
                                   text_option(vm, "title"),
                                   optional_date(vm, "review-by"),
                                   text_option(vm, "note")};
    auto const id = designate_model_post(s, d, why_of(vm));
    auto const p = get_model_post(s, id);
    *ctx.out << "model post " << id.value() << ": " << p.member_name << ", " << p.title << ", designated by "
             << p.awarded_by_name << " on " << format_date(p.designated_on);
    if (auto const due = post_review_due(p, s.rules(), p.designated_on))
        *ctx.out << "; review (复评) due " << format_date(*due);
    *ctx.out << '\n';
    return exit_ok;
}

// --- honour review / revoke / lapse

void review_options(po::options_description& d, po::positional_options_description& p) {
    add_id_argument(d, p, "post", "the model post id");
    add_date_option(d, "date", "the date of the review (required)");
    d.add_options()("note", po::value<std::string>()->value_name("TEXT"), "the review's conclusion");
    add_why_option(d);
}

int run_review(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    require_options(vm, {"date"});
    auto const id = post_argument(vm);
    model_post_review const r{date_option(vm, "date"), text_option(vm, "note")};
    review_model_post(s, id, r, why_of(vm));
    auto const p = get_model_post(s, id);
    *ctx.out << "model post " << id.value() << " (" << p.member_name << "): reviewed on "
             << format_date(r.date);
    if (auto const due = post_review_due(p, s.rule_set_named(p.rule_set_name), r.date))
        *ctx.out << "; next review due " << format_date(*due);
    *ctx.out << '\n';
    return exit_ok;
}

void end_options(po::options_description& d, po::positional_options_description& p) {
    add_id_argument(d, p, "post", "the model post id");
    add_date_option(d, "date", "the date of the end (required)");
    d.add_options()("reason", po::value<std::string>()->value_name("TEXT"),
                    "why (required for a revocation)");
    add_why_option(d);
}

int run_end(context& ctx, po::variables_map const& vm, model_post_end kind) {
    auto& s = ctx.open();
    require_options(vm, {"date"});
    auto const id = post_argument(vm);
    model_post_ending const e{date_option(vm, "date"), kind, text_option(vm, "reason")};
    end_model_post(s, id, e, why_of(vm));
    *ctx.out << "model post " << id.value() << " (" << get_model_post(s, id).member_name
             << "): " << labelled(kind) << " on " << format_date(e.date) << '\n';
    return exit_ok;
}

// --- honour commend

void commend_options(po::options_description& d, po::positional_options_description&) {
    d.add_options()("kind", po::value<std::string>()->value_name("KIND"),
                    "outstanding_member (优秀共产党员), outstanding_party_worker (优秀党务工作者) or "
                    "advanced_organisation (先进基层党组织) (required)")(
        "level", po::value<std::string>()->value_name("LEVEL"),
        "awarding_org (本级, default), district (区县级), city (市级), province (省级), national (全国)")(
        "awarded-by", po::value<std::string>()->value_name("TEXT"), "the awarding body (授予单位, required)")(
        "member", po::value<std::string>()->value_name("MEMBER"),
        "the member commended (the first two kinds)")("org", po::value<std::string>()->value_name("ORG"),
                                                      "the organisation commended (先进基层党组织)")(
        "campaign", po::value<std::string>()->value_name("ID"),
        "the democratic evaluation campaign whose follow-up 表扬 this is")(
        "note", po::value<std::string>()->value_name("TEXT"), "e.g. the document number (文号)");
    add_date_option(d, "date", "the date of the commendation (required)");
    add_why_option(d);
}

int run_commend(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    require_options(vm, {"kind", "awarded-by", "date"});
    commendation c;
    c.kind = parse_enum_or_throw<commendation_kind>(io::trim(text_option(vm, "kind")));
    if (vm.count("level"))
        c.level = parse_enum_or_throw<commendation_level>(io::trim(text_option(vm, "level")));
    c.date = date_option(vm, "date");
    c.awarded_by = text_option(vm, "awarded-by");
    if (vm.count("member")) c.member = member_option(s, vm, "member").id;
    if (vm.count("org")) c.org = org_option(s, vm, "org").id;
    if (vm.count("campaign")) c.campaign = campaign_id{parse_count(text_option(vm, "campaign"), "campaign")};
    c.note = text_option(vm, "note");
    auto const id = commend(s, c, why_of(vm));
    auto const stored = get_commendation(s, id);
    *ctx.out << "commendation " << id.value() << ": " << stored.recipient_name << ", " << labelled(c.kind)
             << ", " << labelled(c.level) << ", " << c.awarded_by << " on " << format_date(c.date) << '\n';
    return exit_ok;
}

// --- honour list

void list_options(po::options_description& d, po::positional_options_description& p) {
    d.add_options()("what", po::value<std::string>()->default_value("posts")->value_name("WHAT"),
                    "posts (党员示范岗) or commendations (两优一先)");
    p.add("what", 1);
    add_scope_option(d);
    d.add_options()("year", po::value<int>()->value_name("YEAR"), "only those made in this year")(
        "member", po::value<std::string>()->value_name("MEMBER"), "only this member's")(
        "recipient", po::value<std::string>()->value_name("ORG"),
        "commendations: only those of this organisation itself (先进基层党组织)");
    add_output_options(d, "text|csv|json");
}

int list_posts(context& ctx, po::variables_map const& vm, store& s) {
    auto r = make_report("党员示范岗 (model posts)", "党员示范岗",
                         {{"id", "编号", true},
                          {"member", "党员"},
                          {"title", "岗位"},
                          {"by", "设立组织"},
                          {"designated", "设立日期"},
                          {"reviewed", "最近复评"},
                          {"due", "复评期限"},
                          {"state", "状态"}});
    std::vector<model_post> posts;
    if (vm.count("member"))
        posts = member_model_posts(s, member_option(s, vm, "member").id);
    else
        posts = model_posts(s, scope_of(s, vm), optional_year(vm));
    for (auto const& p : posts) {
        auto const due = post_review_due(p, s.rule_set_named(p.rule_set_name), post_last_date(p));
        r.rows.push_back({std::to_string(p.id.value()), p.member_name, p.title, p.awarded_by_name,
                          format_date(p.designated_on),
                          p.reviews.empty() ? "" : format_date(p.reviews.back().date),
                          due && !p.ending && !p.member_left ? format_date(*due) : "", post_state(p)});
    }
    r.meta = {{"范围", vm.count("member") ? "党员" : io::describe_scope(s, scope_of(s, vm))},
              {"示范岗数", std::to_string(r.rows.size())}};
    return show_report(ctx, r, vm);
}

int list_commendations(context& ctx, po::variables_map const& vm, store& s) {
    auto r = make_report("两优一先 (commendations)", "两优一先",
                         {{"id", "编号", true},
                          {"date", "日期"},
                          {"kind", "表彰类别"},
                          {"level", "级别"},
                          {"recipient", "受表彰"},
                          {"awarded_by", "授予单位"},
                          {"campaign", "民主评议", true}});
    std::vector<commendation> given;
    std::string where;
    if (vm.count("member")) {
        given = member_commendations(s, member_option(s, vm, "member").id);
        where = "党员";
    } else if (vm.count("recipient")) {
        auto const o = org_option(s, vm, "recipient");
        given = org_commendations(s, o.id);
        where = o.name;
    } else {
        auto const sc = scope_of(s, vm);
        given = commendations(s, sc, optional_year(vm));
        where = io::describe_scope(s, sc);
    }
    for (auto const& c : given)
        r.rows.push_back({std::to_string(c.id.value()), format_date(c.date), labelled(c.kind),
                          labelled(c.level), c.recipient_name, c.awarded_by,
                          c.campaign ? std::to_string(c.campaign->value()) : ""});
    r.meta = {{"范围", where}, {"表彰数", std::to_string(r.rows.size())}};
    return show_report(ctx, r, vm);
}

int run_list(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto const what = io::trim(vm["what"].as<std::string>());
    if (what == "posts" || what == "党员示范岗") return list_posts(ctx, vm, s);
    if (what == "commendations" || what == "两优一先") return list_commendations(ctx, vm, s);
    throw invalid_input("what", "'" + std::string(what) + "' is neither posts nor commendations");
}

// --- honour stats

void stats_options(po::options_description& d, po::positional_options_description&) {
    add_scope_option(d);
    d.add_options()("year", po::value<int>()->value_name("YEAR"), "the year (required)");
    add_output_options(d, "text|csv|json");
}

int run_stats(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    require_options(vm, {"year"});
    auto const where = scope_of(s, vm);
    auto const st = honours_statistics_for(s, vm["year"].as<int>(), where);
    auto r = make_report("党员示范岗和两优一先统计 (" + std::to_string(st.year) + ")", "表彰统计",
                         {{"item", "项目"}, {"count", "数量", true}});
    r.meta = scope_year_meta(s, where, st.year);
    r.rows.push_back(
        {"年末有效党员示范岗 (posts active at year end)", std::to_string(st.posts_active_at_year_end)});
    r.rows.push_back({"新设党员示范岗 (new posts)", std::to_string(st.posts_new)});
    r.rows.push_back({"终止党员示范岗 (posts ended)", std::to_string(st.posts_ended)});
    r.rows.push_back({"表彰 (commendations)", std::to_string(st.commendations)});
    for (auto const& c : st.by_kind_and_level)
        r.rows.push_back({std::string(chinese_name(c.kind)) + " " + std::string(chinese_name(c.level)) +
                              " (" + std::string(to_string(c.kind)) + ", " + std::string(to_string(c.level)) +
                              ")",
                          std::to_string(c.count)});
    return show_report(ctx, r, vm);
}

[[maybe_unused]] bool const registered_post = register_command({
    .name = "honour post",
    .summary = "designate a model post (党员示范岗) (honours.post_eligible_member)",
    .arguments = "MEMBER",
    .description =
        "A full member in normal standing on the date, designated by the member's branch or an organisation\n"
        "above it (honours.post_awarded_at_or_above_branch). The designation is reviewed (复评) within the\n"
        "rule set's model_post.review_months (default 12; honours.post_review_due); the agenda shows it\n"
        "from the due date on.",
    .examples = "  dangyuan honour post 李红 --by 城关街道党工委 --date 2024-03-31 --title 便民服务示范岗",
    .options = post_options,
    .run = run_post,
});

[[maybe_unused]] bool const registered_review = register_command({
    .name = "honour review",
    .summary = "record the review (复评) of a model post, which renews it",
    .arguments = "POST",
    .examples = "  dangyuan honour review 1 --date 2025-03-20 --note 复评合格",
    .options = review_options,
    .run = run_review,
});

[[maybe_unused]] bool const registered_revoke = register_command({
    .name = "honour revoke",
    .summary = "revoke a model post (撤销), with its reason",
    .arguments = "POST",
    .examples = "  dangyuan honour revoke 1 --date 2025-10-01 --reason 岗位调整后未履职",
    .options = end_options,
    .run = [](context& ctx,
              po::variables_map const& vm) { return run_end(ctx, vm, model_post_end::revoked); },
});

[[maybe_unused]] bool const registered_lapse = register_command({
    .name = "honour lapse",
    .summary = "end a model post without a revocation (期满终止)",
    .arguments = "POST",
    .examples = "  dangyuan honour lapse 1 --date 2025-12-31",
    .options = end_options,
    .run = [](context& ctx, po::variables_map const& vm) { return run_end(ctx, vm, model_post_end::lapsed); },
});

[[maybe_unused]] bool const registered_commend = register_command({
    .name = "honour commend",
    .summary = "record a commendation (两优一先) of a member or an organisation",
    .description =
        "优秀共产党员 and 优秀党务工作者 go to a member in normal standing on the date (--member;\n"
        "commendation.member_in_good_standing), 先进基层党组织 to an organisation existing on the date\n"
        "(--org; commendation.org_active). --campaign cites the democratic evaluation whose follow-up\n"
        "表扬 of the member it is (commendation.follows_evaluation).",
    .examples =
        "  dangyuan honour commend --kind 优秀共产党员 --level district --awarded-by 中共示范区委 \\\n"
        "      --member 李红 --date 2025-06-28\n"
        "  dangyuan honour commend --kind advanced_organisation --awarded-by 城关街道党工委 \\\n"
        "      --org 第一社区党支部 --date 2025-06-28",
    .options = commend_options,
    .run = run_commend,
});

[[maybe_unused]] bool const registered_list = register_command({
    .name = "honour list",
    .summary = "model posts or commendations of a scope, a year, a member or an organisation",
    .arguments = "[posts|commendations]",
    .examples = "  dangyuan honour list posts --org 城关街道党工委\n"
                "  dangyuan honour list commendations --year 2025 --format csv\n"
                "  dangyuan honour list commendations --member 李红",
    .options = list_options,
    .run = run_list,
});

[[maybe_unused]] bool const registered_stats = register_command({
    .name = "honour stats",
    .summary = "a year's model posts (in force at year end, new, ended) and commendations by kind and level",
    .examples = "  dangyuan honour stats --year 2025 --org 城关街道党工委",
    .options = stats_options,
    .run = run_stats,
});

}  // namespace
}  // namespace dangyuan::cli::cmd_honour
