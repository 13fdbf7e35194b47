// Roster rows <-> member records. Every cell is examined so that one pass over a file reports every
// mistake in it, not just the first.

#include "dangyuan/io/roster.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/io/text.hpp"
#include "dangyuan/member/masking.hpp"
#include "dangyuan/member/member_fields.hpp"

namespace dangyuan::io {
namespace {

using f = roster_field;

// The further header names under which the column of a field of the member record is accepted on
// import, separated by '|', by field name.
constexpr std::array<std::pair<std::string_view, std::string_view>, 14> import_aliases{{
    {"sex", "gender"},
    {"birth_date", "出生年月|birthday"},
    {"id_number", "身份证号|身份证号码|身份证|居民身份证号码|id_card"},
    {"education", "文化程度"},
    {"category", "personnel_category"},
    {"work_unit", "单位"},
    {"post", "职务/岗位|岗位"},
    {"phone", "电话|手机|手机号|手机号码|联系方式"},
    {"address", "住址|现居住地"},
    {"branch", "所在党支部|党支部|所在党组织|branch_id"},
    {"joined_branch", "转入日期|转入本支部日期"},
    {"application_date", "申请日期|递交入党申请书日期"},
    {"admission_date", "入党时间"},
    {"full_member_date", "转正时间"},
}};

constexpr std::string_view import_aliases_of(std::string_view field) {
    for (auto const& [name, aliases] : import_aliases)
        if (name == field) return aliases;
    return {};
}

// The columns an export adds after the fields of the record (ignored on import).
constexpr std::array<roster_column, 3> report_columns{{
    {f::status, "status", "人员状态", "党员状态|member_status", false},
    {f::standing, "standing", "党籍状态", "党籍", false},
    {f::party_age, "party_age", "党龄", "", false},
}};

// The store's id, the fields of the member record in the order of member_fields (their names and
// Chinese headers), then the report columns: the order of roster_field.
constexpr auto columns = [] {
    std::array<roster_column, 1 + member_fields.size() + report_columns.size()> out{};
    out[0] = {f::id, "id", "编号", "党员编号|member_id", false};
    for (std::size_t i = 0; i < member_fields.size(); ++i) {
        auto const& field = member_fields[i];
        out[i + 1] = {static_cast<roster_field>(i + 1), field.name, field.chinese,
                      import_aliases_of(field.name), true};
    }
    for (std::size_t i = 0; i < report_columns.size(); ++i)
        out[1 + member_fields.size() + i] = report_columns[i];
    return out;
}();

// roster_field names the same fields in the same order.
static_assert(columns[static_cast<std::size_t>(f::name)].key == "name");
static_assert(columns[static_cast<std::size_t>(f::id_number)].key == "id_number");
static_assert(columns[static_cast<std::size_t>(f::branch)].key == "branch");
static_assert(columns[static_cast<std::size_t>(f::backfilled)].key == "backfilled");
static_assert(static_cast<std::size_t>(f::status) == member_fields.size() + 1);
// (Compared by name rather than through find_member_field's pointer: g++ with -fsanitize=undefined does
// not take a pointer's comparison with null as a constant expression.)
static_assert(std::ranges::all_of(import_aliases, [](auto const& a) {
    return std::ranges::any_of(member_fields, [&](member_field_info const& f) { return f.name == a.first; });
}));
static_assert(std::ranges::all_of(report_columns, [](roster_column const& c) {
    return columns[static_cast<std::size_t>(c.field)].key == c.key;
}));

// A field of the record whose cell needs no more than its type says: text as it stands, a date as a
// date. Calls `f(field_name, value)` with the field of `m` that `field` names, when it is one of those.
template <class Member, class F>
void with_plain_field(Member& m, roster_field field, F&& f) {
    std::size_t i = 1;
    for_each_member_field([&](auto const& description) {
        if (static_cast<std::size_t>(field) != i++) return;
        auto& value = m.*std::decay_t<decltype(description)>::pointer;
        using T = std::remove_cvref_t<decltype(value)>;
        if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, date::sys_days> ||
                      std::is_same_v<T, std::optional<date::sys_days>>)
            f(description.name, value);
    });
}

// Folds the spellings a header may come in: blanks and required-markers dropped, ASCII lower case,
// full-width parentheses and slash made ASCII.
std::string normalise_header(std::string_view h) {
    std::string s(trim(h));
    auto replace_all = [&](std::string_view from, std::string_view to) {
        for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
            s.replace(p, from.size(), to);
    };
    replace_all("（", "(");
    replace_all("）", ")");
    replace_all("／", "/");
    replace_all("＊", "");
    replace_all("\xE3\x80\x80", "");  // ideographic space
    std::string out;
    for (char c : s)
        if (c != ' ' && c != '*' && c != '\t') out += c;
    return ascii_lower(out);
}

// Spellings of education common in rosters that the code table does not list: a degree named without
// its outcome means it was completed (毕业).
education parse_roster_education(std::string const& v) {
    static constexpr std::array<std::pair<std::string_view, education>, 9> extra{{
        {"博士研究生", education::doctoral_graduated},
        {"博士", education::doctoral_graduated},
        {"硕士研究生", education::masters_graduated},
        {"硕士", education::masters_graduated},
        {"大学", education::undergraduate_graduated},
        {"职高", education::vocational_high_graduated},
        {"职业高中", education::vocational_high_graduated},
        {"技校", education::skilled_worker_school_graduated},
        {"技工学校", education::skilled_worker_school_graduated},
    }};
    for (auto const& [text, value] : extra)
        if (v == text) return value;
    return parse_education(v);
}

std::string date_text(std::optional<date::sys_days> d) {
    return d ? format_date(*d) : std::string();
}

std::string short_sex(sex s) {
    switch (s) {
        case sex::male:
            return "男";
        case sex::female:
            return "女";
        default:
            return std::string(chinese_name(s));
    }
}

}  // namespace

std::span<roster_column const> roster_columns() noexcept {
    return columns;
}

roster_column const& column_of(roster_field field) noexcept {
    return columns[static_cast<std::size_t>(field)];
}

std::optional<roster_field> match_header(std::string_view header) {
    auto const h = normalise_header(header);
    if (h.empty()) return std::nullopt;
    for (auto const& c : columns) {
        if (h == normalise_header(c.key) || h == normalise_header(c.title)) return c.field;
        std::string_view rest = c.aliases;
        while (!rest.empty()) {
            auto const bar = rest.find('|');
            if (h == normalise_header(rest.substr(0, bar))) return c.field;
            rest = bar == std::string_view::npos ? std::string_view{} : rest.substr(bar + 1);
        }
    }
    return std::nullopt;
}

bool parse_yes_no(std::string_view text) {
    auto const t = ascii_lower(trim(text));
    if (t.empty() || t == "否" || t == "n" || t == "no" || t == "false" || t == "0" || t == "×") return false;
    if (t == "是" || t == "y" || t == "yes" || t == "true" || t == "1" || t == "√") return true;
    throw invalid_input("backfilled", "'" + std::string(text) + "' is neither 是 nor 否");
}

org_directory::org_directory(store const& s) : org_directory(s.orgs()) {
    store_ = &s;
}

org_directory::org_directory(std::vector<org_unit> orgs) : orgs_(std::move(orgs)) {
    for (std::size_t i = 0; i < orgs_.size(); ++i) {
        by_id_.emplace(orgs_[i].id.value(), i);
        by_name_.emplace(orgs_[i].name, i);
    }
}

org_unit const* org_directory::find(org_id id) const noexcept {
    auto const it = by_id_.find(id.value());
    return it == by_id_.end() ? nullptr : &orgs_[it->second];
}

// A clerk often types the short form of a name (绿名邸社区党支部 for 羊头峪街道绿名邸社区党支部): offer the
// organisations whose name holds the text, or its stem without the kind (党支部, 党委 …), up to five.
std::string org_directory::similar_names(std::string_view text) const {
    std::string stem(text);
    for (std::string_view const kind : {"联合党支部", "党支部", "党总支", "党工委", "党委"})
        if (stem.size() > kind.size() && stem.ends_with(kind)) {
            stem.resize(stem.size() - kind.size());
            break;
        }
    if (display_width(stem) < 4) return {};  // two characters at least
    std::vector<org_unit const*> found;
    for (auto const& o : orgs_)
        if (o.name.find(stem) != std::string::npos) found.push_back(&o);
    if (found.empty()) return {};
    std::string out = "; did you mean ";
    for (std::size_t i = 0; i < found.size() && i < 5; ++i)
        out += (i ? ", " : "") + found[i]->name + " (" + std::to_string(found[i]->id.value()) + ")";
    if (found.size() > 5) out += " or " + std::to_string(found.size() - 5) + " more";
    return out + "?";
}

org_unit const& org_directory::resolve(std::string_view text) const {
    auto const t = trim(text);
    std::int64_t id = 0;
    auto const [p, ec] = std::from_chars(t.data(), t.data() + t.size(), id);
    if (ec == std::errc{} && p == t.data() + t.size()) {
        if (auto const* o = find(org_id{id})) return *o;
        // Throws access_denied for an organisation out of reach; one above the subtree is readable but
        // holds no members of it.
        if (store_ != nullptr && id > 0) (void)store_->org(org_id{id});
        throw invalid_input("branch", "no organisation with id " + std::string(t));
    }
    auto const [first, last] = by_name_.equal_range(std::string(t));
    if (first == last)
        throw invalid_input("branch", "no organisation named '" + std::string(t) +
                                          "' (see `dangyuan org list`; the name must match exactly)" +
                                          similar_names(t));
    if (std::next(first) != last) {
        std::vector<std::int64_t> ids;
        for (auto it = first; it != last; ++it)
            ids.push_back(orgs_[it->second].id.value());
        std::sort(ids.begin(), ids.end());
        std::string list;
        for (auto i : ids)
            list += (list.empty() ? "" : ", ") + std::to_string(i);
        throw invalid_input("branch", "several organisations are named '" + std::string(t) + "' (ids " +
                                          list + "); give the id instead");
    }
    return orgs_[first->second];
}

org_unit const& org_directory::resolve_org(std::string_view text) const {
    try {
        return resolve(text);
    } catch (invalid_input const& e) {
        throw invalid_input("org", e.reason());
    }
}

bool apply_cells(member& m, std::span<cell const> cells, org_directory const& orgs, std::size_t row,
                 std::vector<row_issue>& issues) {
    bool ok = true;
    for (auto const& c : cells) {
        if (c.value.empty() || !column_of(c.field).importable) continue;
        auto const& v = c.value;
        try {
            switch (c.field) {
                case f::sex:
                    m.sex = parse_sex(v);
                    break;
                case f::ethnicity:
                    m.ethnicity = parse_ethnicity(v);
                    break;
                case f::id_number: {
                    // Spreadsheets turn long digit strings into numbers ("3.70102E+17"): say so plainly.
                    if (v.find_first_of("Ee") != std::string::npos && v.find('+') != std::string::npos)
                        throw invalid_input("id_number", "'" + v +
                                                             "' was turned into a number by the spreadsheet; "
                                                             "format the column as text and enter it again");
                    m.id_number = citizen_id::parse(v);
                    break;
                }
                case f::education:
                    m.education = parse_roster_education(v);
                    break;
                case f::category:
                    m.category = parse_personnel_category(v);
                    break;
                case f::branch: {
                    auto const& o = orgs.resolve(v);
                    if (!is_branch(o.kind))
                        throw invalid_input("branch", "'" + o.name + "' is a " +
                                                          std::string(chinese_name(o.kind)) +
                                                          "; members belong to a 党支部 or 联合党支部");
                    m.branch = o.id;
                    break;
                }
                case f::backfilled:
                    m.backfilled = parse_yes_no(v);
                    break;
                default:
                    with_plain_field(m, c.field, [&](std::string_view name, auto& value) {
                        if constexpr (std::is_same_v<std::decay_t<decltype(value)>, std::string>)
                            value = v;
                        else
                            value = parse_date(v, name);
                    });
                    break;
            }
        } catch (invalid_input const& e) {
            ok = false;
            issues.push_back({row, c.column, v, e.reason(), {}});
        }
    }
    return ok;
}

bool has_cell(std::span<cell const> cells, roster_field field) noexcept {
    return std::any_of(cells.begin(), cells.end(),
                       [&](cell const& c) { return c.field == field && !c.value.empty(); });
}

void complete_new_member(member& m, std::span<cell const> cells, org_directory const& orgs) {
    if (m.id_number) {
        if (!has_cell(cells, f::sex)) m.sex = m.id_number->sex_of();
        if (!has_cell(cells, f::birth_date)) m.birth_date = m.id_number->birth_date();
    }
    if (!has_cell(cells, f::joined_branch)) {
        m.joined_branch = m.admission_date;
        if (auto const* b = orgs.find(m.branch)) m.joined_branch = std::max(m.admission_date, b->established);
    }
}

namespace {

// The column a validation problem is about, and the cell's text.
std::pair<std::string, std::string> locate(roster_field field, std::span<cell const> cells) {
    for (auto const& c : cells)
        if (c.field == field) return {c.column, c.value};
    return {std::string(column_of(field).title), ""};
}

std::optional<roster_field> field_named(std::string_view key) {
    for (auto const& c : columns)
        if (c.key == key) return c.field;
    return std::nullopt;
}

}  // namespace

bool check_required(bool is_new, std::span<cell const> cells, std::size_t row,
                    std::vector<row_issue>& issues) {
    bool ok = true;
    auto need = [&](roster_field field, char const* what) {
        if (has_cell(cells, field)) return;
        auto [column, value] = locate(field, cells);
        issues.push_back({row, std::move(column), std::move(value), what, {}});
        ok = false;
    };
    need(f::id_number, "the ID number (公民身份号码) is required: rows are matched by it");
    if (is_new) {
        need(f::name, "a new member needs a name (姓名)");
        need(f::ethnicity, "the ethnicity (民族) of a new member is required");
        need(f::branch, "a new member needs a branch (所在支部)");
        need(f::admission_date, "the admission date (入党日期) of a new member is required");
    }
    return ok;
}

bool check_member(member const& m, rule_set const& rules, org_directory const& orgs, std::size_t row,
                  std::span<cell const> cells, std::vector<row_issue>& issues) {
    auto add = [&](roster_field field, std::string reason, std::string rule = {}) {
        auto [column, value] = locate(field, cells);
        issues.push_back({row, std::move(column), std::move(value), std::move(reason), std::move(rule)});
    };
    try {
        validate_member(m, rules);
    } catch (rule_violation const& e) {
        roster_field field = f::id_number;
        if (e.rule_id() == "member.min_age_18")
            field = m.application_date ? f::application_date : f::admission_date;
        else if (e.rule_id() == "member.probation_1_year")
            field = f::full_member_date;
        else if (e.rule_id() == "member.id_number_consistent")
            field = e.detail().starts_with("sex") ? f::sex : f::birth_date;
        add(field, e.detail() + " (" + e.citation() + ")", e.rule_id());
        return false;
    } catch (invalid_input const& e) {
        add(field_named(e.field()).value_or(f::name), e.reason());
        return false;
    }
    if (auto const* b = orgs.find(m.branch); b && !b->active_on(m.joined_branch)) {
        add(f::joined_branch, "'" + b->name + "' does not exist on " + format_date(m.joined_branch) +
                                  " (established " + format_date(b->established) + ")");
        return false;
    }
    return true;
}

bool check_plausible(store const& s, member const& m, std::size_t row, std::span<cell const> cells,
                     std::vector<row_issue>& issues) {
    auto add = [&](std::string_view field_name, std::string reason, std::string rule) {
        auto [column, value] = locate(field_named(field_name).value_or(f::name), cells);
        issues.push_back({row, std::move(column), std::move(value), std::move(reason), std::move(rule)});
    };
    try {
        s.check_member_plausible(m);
        return true;
    } catch (rule_violation const& e) {
        auto const d = e.detail();
        add(d.substr(0, d.find(' ')), d + " (" + e.citation() + ")", e.rule_id());
    } catch (invalid_input const& e) {
        add(e.field(), e.reason(), {});
    }
    return false;
}

std::string describe_changes(member const& a, member const& b, org_directory const& orgs) {
    std::string out;
    for (auto const& c : columns) {
        if (!c.importable) continue;
        auto const x = cell_text(a, c.field, orgs, c.field == f::phone);
        auto const y = cell_text(b, c.field, orgs, c.field == f::phone);
        if (x == y) continue;
        if (!out.empty()) out += "; ";
        out += std::string(c.title) + ": '" + x + "' → '" + y + "'";
    }
    return out;
}

namespace {

// The unmasked text of a cell.
std::string plain_cell_text(member const& m, roster_field field, org_directory const& orgs) {
    switch (field) {
        case f::id:
            return m.id.valid() ? std::to_string(m.id.value()) : std::string();
        case f::sex:
            return short_sex(m.sex);
        case f::ethnicity:
            return std::string(chinese_name(m.ethnicity));
        case f::id_number:
            if (!m.id_number) return {};
            return m.id_number->str();
        case f::education:
            return m.education ? std::string(chinese_name(*m.education)) : std::string();
        case f::category:
            return m.category ? std::string(chinese_name(*m.category)) : std::string();
        case f::phone:
            return m.phone;
        case f::branch: {
            auto const* o = orgs.find(m.branch);
            return o ? o->name : std::to_string(m.branch.value());
        }
        case f::backfilled:
            return m.backfilled ? "是" : "否";
        default: {
            std::string text;
            with_plain_field(m, field, [&](std::string_view, auto const& value) {
                using T = std::decay_t<decltype(value)>;
                if constexpr (std::is_same_v<T, std::string>)
                    text = value;
                else if constexpr (std::is_same_v<T, date::sys_days>)
                    text = format_date(value);
                else
                    text = date_text(value);
            });
            return text;
        }
    }
}

// The policy's rule of each column (member/masking.hpp), looked up in the table once for all columns
// rather than once per cell of an export.
mask_rule masking_rule_of(roster_field field) {
    static auto const rules = [] {
        std::array<mask_rule, columns.size()> out{};
        for (std::size_t i = 0; i < columns.size(); ++i) {
            auto const& c = columns[i];
            auto const* row =
                find_masking(c.importable ? masked_record::member : masked_record::roster, c.key);
            if (row == nullptr) throw std::logic_error("no masking rule for field " + std::string(c.key));
            out[i] = row->rule;
        }
        return out;
    }();
    return rules[static_cast<std::size_t>(field)];
}

}  // namespace

std::string cell_text(member const& m, roster_field field, org_directory const& orgs, bool masked) {
    auto text = plain_cell_text(m, field, orgs);
    if (!masked) return text;
    // Every masked cell goes through the one policy table.
    return masking::apply(masking_rule_of(field), text);
}

}  // namespace dangyuan::io
