// dangyuan election …: an organisation's election (换届选举, 两推一选) as a dated case — the request, the
// nominations, the candidates, the meeting, the rounds, the committee and its secretary, the report and
// the higher organisation's approval, which puts the new leadership in office.

#include <cstdio>
#include <ostream>
#include <sstream>

#include "cli/common.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/io/reports.hpp"
#include "dangyuan/io/text.hpp"
#include "dangyuan/storage/election_store.hpp"

namespace dangyuan::cli::cmd_election {
namespace {

election_id election_argument(po::variables_map const& vm) {
    auto const n = parse_count(vm["election"].as<std::string>(), "election");
    if (n < 1) throw invalid_input("election", "election ids start at 1");
    return election_id{n};
}

std::string stage_text(election_stage st) {
    return std::string(chinese_name(st)) + " (" + std::string(to_string(st)) + ")";
}

// The parts of "A:B:C", trimmed.
std::vector<std::string> colon_parts(std::string const& text) {
    std::vector<std::string> parts;
    std::stringstream ss(text);
    for (std::string part; std::getline(ss, part, ':');)
        parts.push_back(std::string(io::trim(part)));
    return parts;
}

std::vector<std::string> many(po::variables_map const& vm, char const* name) {
    return vm.count(name) ? vm[name].as<std::vector<std::string>>() : std::vector<std::string>{};
}

std::vector<member_id> members_of(store const& s, po::variables_map const& vm, char const* name) {
    std::vector<member_id> out;
    for (auto const& key : many(vm, name)) {
        auto const more = member_list(s, key, name);
        out.insert(out.end(), more.begin(), more.end());
    }
    return out;
}

// "MEMBER:COUNT" options as nominations.
std::vector<nomination> nominations_of(store const& s, po::variables_map const& vm) {
    std::vector<nomination> out;
    for (auto const& text : many(vm, "nominee")) {
        auto const parts = colon_parts(text);
        if (parts.size() != 2) throw invalid_input("nominee", "'" + text + "' is not MEMBER:COUNT");
        out.push_back({find_member_by_key(s, parts[0], "nominee").id, parse_count(parts[1], "nominee")});
    }
    return out;
}

// "MEMBER:FOR[:AGAINST[:ABSTAIN]]" options as tallies.
std::vector<candidate_tally> tallies_of(store const& s, po::variables_map const& vm) {
    std::vector<candidate_tally> out;
    for (auto const& text : many(vm, "tally")) {
        auto const parts = colon_parts(text);
        if (parts.size() < 2 || parts.size() > 4)
            throw invalid_input("tally", "'" + text + "' is not MEMBER:FOR[:AGAINST[:ABSTAIN]]");
        candidate_tally t{find_member_by_key(s, parts[0], "tally").id, parse_count(parts[1], "tally")};
        if (parts.size() > 2) t.against = parse_count(parts[2], "tally");
        if (parts.size() > 3) t.abstain = parse_count(parts[3], "tally");
        out.push_back(t);
    }
    return out;
}

std::vector<write_in> write_ins_of(po::variables_map const& vm) {
    std::vector<write_in> out;
    for (auto const& text : many(vm, "write-in")) {
        auto const parts = colon_parts(text);
        if (parts.size() != 2) throw invalid_input("write_ins", "'" + text + "' is not NAME:VOTES");
        out.push_back({parts[0], parse_count(parts[1], "write_ins")});
    }
    return out;
}

int count_option(po::variables_map const& vm, char const* name) {
    if (!vm.count(name)) throw usage_error(std::string("--") + name + " is required");
    return parse_count(vm[name].as<std::string>(), name);
}

// The record of KIND from the options.
election_record record_of(store const& s, po::variables_map const& vm) {
    auto const kind_text = std::string(io::trim(vm["kind"].as<std::string>()));
    auto const kind = election_record_kind_index(kind_text);
    auto const date = date_option(vm, "date");
    auto const note = text_option(vm, "note");
    auto const by = text_option(vm, "by");
    auto const document = text_option(vm, "document");
    switch (kind) {
        case election_record_index<request_approved>:
            return request_approved{date, by, document, note};
        case election_record_index<members_nominated>:
            return members_nominated{date, nominations_of(s, vm), note};
        case election_record_index<masses_nominated>:
            return masses_nominated{date, nominations_of(s, vm), note};
        case election_record_index<committee_reviewed>:
            return committee_reviewed{date, members_of(s, vm, "member"), note};
        case election_record_index<candidates_approved>:
            return candidates_approved{date, members_of(s, vm, "member"), by, document, note};
        case election_record_index<meeting_held>:
            return meeting_held{
                date,
                parse_enum_or_throw<election_meeting>(io::trim(vm["meeting"].as<std::string>())),
                {count_option(vm, "entitled"), count_option(vm, "present")},
                flag(vm, "dispersed"),
                document,
                note};
        case election_record_index<round_counted>:
            return round_counted{date,
                                 {count_option(vm, "seats"), count_option(vm, "voters-present"),
                                  count_option(vm, "issued"), count_option(vm, "returned")},
                                 tallies_of(s, vm),
                                 write_ins_of(vm),
                                 note};
        case election_record_index<committee_elected>:
            return committee_elected{date, members_of(s, vm, "member"), note};
        case election_record_index<secretary_elected>:
            return secretary_elected{date, member_option(s, vm, "secretary").id, members_of(s, vm, "deputy"),
                                     note};
        case election_record_index<result_reported>:
            return result_reported{date, by, document, note};
        case election_record_index<secretary_approved>:
            return secretary_approved{date, by, document, note};
        case election_record_index<term_extended>:
            return term_extended{date,     date_option(vm, "until"),  by,
                                 document, text_option(vm, "reason"), note};
        case election_record_index<term_advanced>:
            return term_advanced{date,     date_option(vm, "from"),   by,
                                 document, text_option(vm, "reason"), note};
        default:
            throw usage_error("an election is opened with 'election open', not recorded as " + kind_text);
    }
}

// --- election open

void open_options(po::options_description& d, po::positional_options_description&) {
    d.add_options()("org", po::value<std::string>()->value_name("ORG"),
                    "the organisation electing (required)")(
        "seats", po::value<std::string>()->value_name("N"), "committee places to elect (应选名额, required)")(
        "planned", po::value<std::string>()->value_name("DATE"),
        "the planned day of the electing meeting (required)")(
        "document", po::value<std::string>()->value_name("TEXT"), "the request (换届请示, required)")(
        "without-committee",
        "a branch without a committee (不设委员会, fewer than 7 full members): the meeting elects the "
        "secretary and, with 2 seats, one deputy directly")(
        "note", po::value<std::string>()->value_name("TEXT"), "a note");
    add_date_option(d, "date", "the date of the request (required)");
    add_why_option(d);
}

int run_open(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    require_options(vm, {"org", "seats", "planned", "date"});
    auto const org = org_option(s, vm);
    election_requested r{date_option(vm, "date"),     count_option(vm, "seats"),
                         date_option(vm, "planned"),  vm.count("without-committee") > 0,
                         text_option(vm, "document"), text_option(vm, "note")};
    auto const id = open_election(s, org.id, r, why_of(vm));
    auto const c = get_election(s, id);
    *ctx.out << "opened election " << id.value() << ": " << org.name << ", " << r.seats
             << (r.without_committee ? " seats (without a committee: the meeting elects the secretary)"
                                     : " seats")
             << ", meeting planned " << format_date(r.planned_on);
    if (c.term_ends) *ctx.out << "; term ends " << format_date(*c.term_ends);
    *ctx.out << '\n';
    return exit_ok;
}

// --- election record

void record_options(po::options_description& d, po::positional_options_description& p) {
    add_id_argument(d, p, "election", "the election id");
    d.add_options()("kind", po::value<std::string>()->required()->value_name("KIND"),
                    "request_approved, members_nominated, masses_nominated, committee_reviewed, "
                    "candidates_approved, meeting_held, round_counted, committee_elected, secretary_elected, "
                    "result_reported, secretary_approved, term_extended, term_advanced")(
        "by", po::value<std::string>()->value_name("ORG"),
        "the approving organisation (the one reported to for result_reported)")(
        "document", po::value<std::string>()->value_name("TEXT"), "the document (批复, 报告 …)")(
        "nominee", po::value<std::vector<std::string>>()->composing()->value_name("MEMBER:COUNT"),
        "a nominee and the nominations received (repeat)")(
        "member", po::value<std::vector<std::string>>()->composing()->value_name("MEMBERS"),
        "members, comma-separated or repeated: the shortlist, the candidates or the committee")(
        "meeting", po::value<std::string>()->default_value("members_meeting")->value_name("KIND"),
        "members_meeting (党员大会) or delegates_meeting (党员代表大会)")(
        "entitled", po::value<std::string>()->value_name("N"), "voters entitled (应到会有选举权的党员)")(
        "present", po::value<std::string>()->value_name("N"), "voters present (实到会)")(
        "dispersed", "the organisations are dispersed (a delegates' meeting below 500 members)")(
        "seats", po::value<std::string>()->value_name("N"), "seats open in the round")(
        "voters-present", po::value<std::string>()->value_name("N"), "voters present in the round")(
        "issued", po::value<std::string>()->value_name("N"), "ballots issued")(
        "returned", po::value<std::string>()->value_name("N"), "ballots returned")(
        "tally", po::value<std::vector<std::string>>()->composing()->value_name("M:FOR[:AGAINST[:ABSTAIN]]"),
        "a candidate's votes (repeat)")(
        "write-in", po::value<std::vector<std::string>>()->composing()->value_name("NAME:VOTES"),
        "votes for someone not on the list (另选他人; repeat)")(
        "secretary", po::value<std::string>()->value_name("MEMBER"), "the secretary elected")(
        "deputy", po::value<std::vector<std::string>>()->composing()->value_name("MEMBERS"),
        "deputy secretaries elected")("reason", po::value<std::string>()->value_name("TEXT"),
                                      "why the election is extended or advanced")(
        "note", po::value<std::string>()->value_name("TEXT"), "a note");
    p.add("kind", 1);
    add_date_option(d, "date", "the date of the record (required)");
    add_date_option(d, "until", "term_extended: the election is held by this day");
    add_date_option(d, "from", "term_advanced: the election is held from this day");
    add_why_option(d);
}

int run_record(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    auto const id = election_argument(vm);
    auto const r = record_of(s, vm);
    record_election(s, id, r, why_of(vm));
    auto const c = get_election(s, id);
    auto const st = election_state_of(c);
    *ctx.out << "election " << id.value() << " (" << c.org_name << "): " << kind_name(r) << " on "
             << format_date(record_date(r)) << "; " << stage_text(st.stage) << '\n';
    if (auto const* round = std::get_if<round_counted>(&r)) {
        auto const result = count_round(round->counts, round->tallies);
        if (result.void_round) *ctx.out << "  the round is void (" << result.rule_id << ")\n";
        for (auto const m : result.elected)
            *ctx.out << "  elected: " << s.get_member(m).name << '\n';
        for (auto const m : result.tied)
            *ctx.out << "  tied: " << s.get_member(m).name << '\n';
        if (st.open_seats > 0) *ctx.out << "  " << st.open_seats << " seats open: a further round\n";
    }
    if (std::holds_alternative<secretary_approved>(r))
        *ctx.out << "  the new leadership is in office from " << format_date(record_date(r)) << '\n';
    return exit_ok;
}

// --- election show

void show_options(po::options_description& d, po::positional_options_description& p) {
    add_id_argument(d, p, "election", "the election id");
    add_output_options(d, "text|csv|json");
}

int run_show(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto const id = election_argument(vm);
    auto const c = get_election(s, id);
    auto const st = election_state_of(c);
    auto r =
        make_report("换届选举: " + c.org_name + " (election " + std::to_string(id.value()) + ")", "换届选举",
                    {{"date", "日期"}, {"kind", "步骤"}, {"detail", "内容"}, {"note", "备注"}});
    r.meta = {{"阶段", stage_text(st.stage)}, {"应选名额", std::to_string(st.seats)}};
    if (c.term_ends) r.meta.emplace_back("任期届满", format_date(*c.term_ends));
    auto name = [&](member_id m) { return s.get_member(m).name; };
    auto names = [&](std::vector<member_id> const& v) {
        std::string out;
        for (auto const m : v)
            out += (out.empty() ? "" : ", ") + name(m);
        return out;
    };
    for (auto const& rec : c.records) {
        std::string detail = std::visit(
            [&](auto const& x) -> std::string {
                using T = std::decay_t<decltype(x)>;
                if constexpr (std::is_same_v<T, election_requested>)
                    return std::to_string(x.seats) +
                           (x.without_committee ? " seats without a committee" : " seats") + ", planned " +
                           format_date(x.planned_on);
                else if constexpr (std::is_same_v<T, members_nominated> ||
                                   std::is_same_v<T, masses_nominated>) {
                    std::string out;
                    for (auto const& n : x.nominees)
                        out += (out.empty() ? "" : ", ") + name(n.nominee) + " " + std::to_string(n.count);
                    return out;
                } else if constexpr (std::is_same_v<T, committee_reviewed>)
                    return names(x.shortlist);
                else if constexpr (std::is_same_v<T, candidates_approved>)
                    return names(x.candidates) + " (" + x.approved_by + ")";
                else if constexpr (std::is_same_v<T, meeting_held>)
                    return std::string(chinese_name(x.kind)) + ": " + std::to_string(x.attendance.present) +
                           " of " + std::to_string(x.attendance.entitled) + " present";
                else if constexpr (std::is_same_v<T, round_counted>) {
                    std::string out = std::to_string(x.counts.ballots_returned) + "/" +
                                      std::to_string(x.counts.ballots_issued) + " ballots";
                    for (auto const& t : x.tallies)
                        out += "; " + name(t.candidate) + " " + std::to_string(t.votes_for);
                    for (auto const& w : x.write_ins)
                        out += "; " + w.name + " " + std::to_string(w.votes) + " (另选)";
                    return out;
                } else if constexpr (std::is_same_v<T, committee_elected>)
                    return names(x.members);
                else if constexpr (std::is_same_v<T, secretary_elected>)
                    return "书记 " + name(x.secretary) +
                           (x.deputies.empty() ? "" : "; 副书记 " + names(x.deputies));
                else if constexpr (std::is_same_v<T, result_reported>)
                    return x.reported_to + " " + x.document;
                else if constexpr (std::is_same_v<T, term_extended>)
                    return "until " + format_date(x.until) + " (" + x.approved_by + "): " + x.reason;
                else if constexpr (std::is_same_v<T, term_advanced>)
                    return "from " + format_date(x.from) + " (" + x.approved_by + "): " + x.reason;
                else
                    return x.approved_by + " " + x.document;
            },
            rec);
        r.rows.push_back({format_date(record_date(rec)), std::string(kind_name(rec)), detail,
                          std::visit([](auto const& x) { return x.note; }, rec)});
    }
    return show_report(ctx, r, vm);
}

// --- election list

int run_list(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto const where = scope_of(s, vm);
    auto r = make_report("换届选举 (elections)", "换届选举",
                         {{"id", "编号", true},
                          {"org", "党组织"},
                          {"term_ends", "任期届满"},
                          {"stage", "阶段"},
                          {"requested", "请示日期"},
                          {"completed", "批准日期"}});
    for (auto const& e : elections(s, where))
        r.rows.push_back({std::to_string(e.id.value()), e.org_name,
                          e.term_ends ? format_date(*e.term_ends) : "", stage_text(e.stage),
                          format_date(e.requested_on), e.completed_on ? format_date(*e.completed_on) : ""});
    r.meta = {{"范围", io::describe_scope(s, where)}, {"选举", std::to_string(r.rows.size())}};
    return show_report(ctx, r, vm);
}

// --- election stats

void stats_options(po::options_description& d, po::positional_options_description&) {
    add_scope_options(d, "the date the elections are counted on");
    d.add_options()("year", po::value<int>()->value_name("YEAR"),
                    "terms ending in this year (default: the year of --as-of)");
    add_output_options(d, "text|csv|json");
}

int run_stats(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto const where = scope_of(s, vm);
    auto const as_of = as_of_date(vm);
    int const year =
        vm.count("year") ? vm["year"].as<int>() : static_cast<int>(date::year_month_day{as_of}.year());
    auto const c = election_completion_on(s, where, year, as_of);
    auto r = make_report("换届完成率 (elections due and held)", "换届完成率",
                         {{"year", "年度", true},
                          {"due", "应换届", true},
                          {"held", "已换届", true},
                          {"overdue", "逾期未换届", true},
                          {"rate", "完成率%", true}});
    char rate[32] = "";
    if (c.due > 0) std::snprintf(rate, sizeof rate, "%.1f", 100.0 * c.held / c.due);
    r.rows.push_back({std::to_string(c.year), std::to_string(c.due), std::to_string(c.held),
                      std::to_string(c.overdue), rate});
    r.meta = dated_scope_meta(s, where, as_of);
    return show_report(ctx, r, vm);
}

[[maybe_unused]] bool const registered_open = register_command({
    .name = "election open",
    .summary = "open an organisation's election (换届选举) with its request to the higher organisation",
    .description = "The case remembers the end of the current term (term start + term length). One open\n"
                   "election per organisation.",
    .examples =
        "  dangyuan election open --org 第一社区党支部 --date 2026-11-01 --seats 5 --planned 2026-12-28 "
        "--document 换届请示",
    .options = open_options,
    .run = run_open,
});

[[maybe_unused]] bool const registered_record = register_command({
    .name = "election record",
    .summary = "record the next step of an election (election.steps_in_order)",
    .arguments = "ELECTION KIND",
    .description =
        "请示 → 批复 → 党员推荐 (群众推荐) → 委员会审查 → 上级审查候选人 → 选举大会 → 投票 → 委员会 → 书记 "
        "→\n"
        "报告 → 上级批准 (the new leadership takes office). The higher organisation's steps\n"
        "(request_approved, candidates_approved, secretary_approved, term_extended, term_advanced) need its\n"
        "approval permission.",
    .examples =
        "  dangyuan election record 1 request_approved --date 2026-11-05 --by 城关街道党工委 --document "
        "批复\n"
        "  dangyuan election record 1 members_nominated --date 2026-11-10 --nominee 张建国:9 --nominee "
        "李秀英:8\n"
        "  dangyuan election record 1 round_counted --date 2026-12-28 --seats 5 --voters-present 9 "
        "--issued 9 --returned 9 --tally 张建国:9 --tally 李秀英:8:1",
    .options = record_options,
    .run = run_record,
});

[[maybe_unused]] bool const registered_show = register_command({
    .name = "election show",
    .summary = "an election's records and stage",
    .arguments = "ELECTION",
    .description = "Each record with its date, what it says and its note.",
    .examples = "  dangyuan election show 1",
    .options = show_options,
    .run = run_show,
});

[[maybe_unused]] bool const registered_list = register_command({
    .name = "election list",
    .summary = "the elections of a scope, with their stage",
    .description = "Elections of the organisations in scope, by organisation then request date.",
    .examples = "  dangyuan election list --org 城关街道党工委",
    .options = scoped_list_options,
    .run = run_list,
});

[[maybe_unused]] bool const registered_stats = register_command({
    .name = "election stats",
    .summary = "the completion of a year's elections (换届完成率): due, held, overdue",
    .description = "Terms ending in --year (the election's own term, else the organisation's current one);\n"
                   "held: the electing meeting held by --as-of; overdue: the term ended, not held, and no\n"
                   "approved extension covering the date.",
    .examples = "  dangyuan election stats --year 2026 --as-of 2026-12-31",
    .options = stats_options,
    .run = run_stats,
});

}  // namespace
}  // namespace dangyuan::cli::cmd_election
