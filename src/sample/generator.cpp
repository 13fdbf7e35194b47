// The sample district. The structure is planned first (every organisation with its size and dates),
// then organisations, members (in chunks), leaderships and standing events are written through the
// public store API, in that order, so that every rule the store checks is met.

#include "sample/generator.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <span>
#include <string>
#include <unordered_set>
#include <vector>

#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/core/id_number.hpp"
#include "sample/domains.hpp"
#include "sample/names.hpp"
#include "sample/organisation_work.hpp"
#include "sample/random.hpp"

namespace dangyuan::sample {
namespace {

using namespace detail;
using date::days;
using date::sys_days;

template <std::size_t N>
constexpr bool none_empty(std::array<std::string_view, N> const& a) {
    for (auto s : a)
        if (s.empty()) return false;
    return true;
}
static_assert(none_empty(places) && none_empty(departments) && none_empty(male_old) && none_empty(male_mid) &&
              none_empty(male_young) && none_empty(female_old) && none_empty(female_mid) &&
              none_empty(female_young) && none_empty(brand_chars) && none_empty(industries) &&
              none_empty(phone_prefixes) && none_empty(estate_first) && none_empty(estate_second));

sys_days ymd(int y, unsigned m, unsigned d) {
    return sys_days{date::year{y} / m / d};
}

// Chinese numerals for ordinals in names: 1 → 一, 12 → 十二, 105 → 一百零五.
std::string chinese_number(int n) {
    static constexpr std::array<std::string_view, 10> digit{"零", "一", "二", "三", "四",
                                                            "五", "六", "七", "八", "九"};
    if (n < 10) return std::string(digit[static_cast<std::size_t>(n)]);
    if (n < 20) return "十" + (n % 10 ? std::string(digit[static_cast<std::size_t>(n % 10)]) : std::string());
    if (n < 100)
        return std::string(digit[static_cast<std::size_t>(n / 10)]) + "十" +
               (n % 10 ? std::string(digit[static_cast<std::size_t>(n % 10)]) : std::string());
    if (n < 1000) {
        int const rest = n % 100;
        std::string s = std::string(digit[static_cast<std::size_t>(n / 100)]) + "百";
        if (rest == 0) return s;
        if (rest < 10) return s + "零" + chinese_number(rest);
        if (rest < 20) return s + "一" + chinese_number(rest);
        return s + chinese_number(rest);
    }
    return std::to_string(n);
}

// Kinds of unit a branch serves; they decide ages, sexes, posts, education and categories.
enum class unit_type {
    committee,
    community,
    village,
    street_office,
    government,
    school,
    hospital,
    enterprise,
    social,
    joint,
    retirees
};

// A planned organisation.
struct org_plan {
    org_unit draft;
    int parent = -1;  // index into the plan
    unit_type type = unit_type::committee;
    int size = 0;                    // members of a branch
    std::vector<std::string> units;  // 工作单位 of its members (several for a joint branch)
    int district = 0;                // index into the district list
    int home = -1;                   // index of the home address area for community and village members
};

struct address_area {
    std::string street;
    std::string place;  // community (社区) or village (村)
    bool village = false;
};

struct district_plan {
    std::string_view name;
    std::string_view code;
    std::vector<address_area> areas;
};

// What the leadership of an organisation needs from its members: who is eligible on the term start.
struct leadership_plan {
    std::vector<std::int64_t> candidates;  // member sequence numbers, eligible on the term start
    int full_members = 0;                  // for branches: full members on the term start
};

// What standing events and the domains need to know about each member.
using member_brief = member_fact;

class planner {
public:
    explicit planner(options const& o) : r_(o.seed), as_of_(o.as_of) {}

    void plan(std::int64_t members) {
        int const districts =
            members <= 60000 ? 1 : static_cast<int>(std::min<std::int64_t>(12, (members + 59999) / 60000));
        int top = -1;
        if (districts > 1)
            top = add({.name = "中共济南市委员会",
                       .kind = org_kind::higher_committee,
                       .established = ymd(1948, 9, 24),
                       .term_start = ymd(2021, 12, 28),
                       .term_years = 5},
                      -1, unit_type::committee);
        for (int d = 0; d < districts; ++d) {
            auto const& pd = prefecture[static_cast<std::size_t>(d)];
            districts_.push_back({pd.name, pd.code, {}});
            std::int64_t budget = members / districts + (d < members % districts ? 1 : 0);
            plan_district(d, top, budget);
        }
    }

    std::vector<org_plan>& orgs() { return orgs_; }
    std::vector<district_plan>& districts() { return districts_; }
    rng& random() { return r_; }

private:
    int add(org_unit draft, int parent, unit_type type, int size = 0, std::vector<std::string> units = {}) {
        names_.insert(draft.name);
        org_plan p;
        p.draft = std::move(draft);
        p.parent = parent;
        p.type = type;
        p.size = size;
        p.units = std::move(units);
        p.district = current_district_;
        p.home = current_home_;
        orgs_.push_back(std::move(p));
        return static_cast<int>(orgs_.size()) - 1;
    }

    // A name not used yet: up to 40 draws, then a numbered form.
    template <class F>
    std::string unique(F&& draw) {
        for (int i = 0; i < 40; ++i) {
            auto n = draw();
            if (!names_.contains(n)) return n;
        }
        auto const base = draw();
        for (int k = 2;; ++k) {
            auto n = base + "（" + chinese_number(k) + "）";
            if (!names_.contains(n)) return n;
        }
    }

    // A date from `from` to the end of `last_year` (at most 200 days before the reference date),
    // skewed early: organisations mostly exist long before their current members joined.
    sys_days established_after(sys_days from, int last_year) {
        auto const hi = std::min(ymd(last_year, 12, 31), as_of_ - days{200});
        auto const a = r_.date_between(from, std::max(from, hi));
        auto const b = r_.date_between(from, std::max(from, hi));
        return std::min(a, b);
    }

    // A term start: most terms end within a term from now, some just ended or end within the notice
    // window, a few are long overdue.
    std::optional<sys_days> term_start(sys_days established, int years) {
        sys_days t;
        if (r_.chance(0.015))
            t = add_years(as_of_, -years) - days{r_.between(60, 400)};
        else
            t = r_.date_between(add_years(as_of_, -years) - days{45}, as_of_ - days{60});
        if (t < established) t = std::min(established + days{r_.between(0, 60)}, as_of_);
        return t;
    }

    int branch(std::string name, int parent, unit_type type, int size, std::vector<std::string> units,
               bool village = false, org_kind kind = org_kind::branch) {
        auto const est = established_after(orgs_[static_cast<std::size_t>(parent)].draft.established, 2022);
        org_unit o{
            .name = std::move(name), .kind = kind, .established = est, .village_or_community = village};
        o.term_start = term_start(est, village ? 5 : 3);
        if (r_.chance(0.02)) o.term_start.reset();  // a branch whose last election was never recorded
        return add(std::move(o), parent, type, size, std::move(units));
    }

    int committee(std::string name, int parent, org_kind kind, int last_year, bool with_term = true) {
        auto const est =
            established_after(orgs_[static_cast<std::size_t>(parent)].draft.established, last_year);
        org_unit o{.name = std::move(name), .kind = kind, .established = est};
        if (with_term) o.term_start = term_start(est, is_committee(kind) ? 5 : 3);
        return add(std::move(o), parent, unit_type::committee);
    }

    // Branch sizes: mostly 10-50, some under 7, a few over the advisory 50.
    int branch_size() {
        double const u = r_.unit();
        if (u < 0.06) return r_.between(3, 6);
        if (u < 0.10) return r_.between(7, 9);
        if (u < 0.95) return r_.triangular(10, 24, 50);
        return r_.between(51, 68);
    }

    // Takes up to `want` members from `budget`; a remainder too small for a branch goes to this one.
    static int take(std::int64_t& budget, int want) {
        auto n = static_cast<int>(std::min<std::int64_t>(want, budget));
        budget -= n;
        if (budget > 0 && budget < 3) {
            n += static_cast<int>(budget);
            budget = 0;
        }
        return n;
    }

    std::string dname() const { return std::string(districts_.back().name); }

    std::string place_name() {
        if (r_.chance(0.6)) return std::string(r_.pick(places));
        // One draw per statement: the order of operands is unspecified, and compilers differ.
        std::string name(r_.pick(estate_first));
        return name + std::string(r_.pick(estate_second));
    }

    std::string company() {
        std::string b1(r_.pick(brand_chars)), b2(r_.pick(brand_chars));
        while (b2 == b1)
            b2 = r_.pick(brand_chars);
        std::string const industry(r_.pick(industries));
        return "济南" + b1 + b2 + industry + std::string(r_.pick(company_forms));
    }

    // A unit of `size` members: one branch, or a general branch (党总支) with several, or a committee
    // (党委) when it has 100 or more; large units keep a branch of their retirees.
    void unit_with_branches(std::string const& unit, int parent, unit_type type, int size,
                            std::span<std::string_view const> branch_names = {}) {
        if (size <= 50) {
            branch(unit + "党支部", parent, type, size, {unit});
            return;
        }
        auto const kind = size >= 100 ? org_kind::grassroots_committee : org_kind::general_branch;
        int const top = committee(unit + (size >= 100 ? "党委" : "党总支"), parent, kind, 2018);
        int retirees = size / 7;
        int rest = size - retirees;
        int const n = std::max(2, (rest + 34) / 35);
        for (int i = 0; i < n; ++i) {
            int const part = i + 1 == n ? rest : rest / (n - i);
            rest -= part;
            std::string label = i < static_cast<int>(branch_names.size())
                                    ? std::string(branch_names[static_cast<std::size_t>(i)])
                                    : "第" + chinese_number(i + 1);
            branch(unit + label + "党支部", top, type, part, {unit});
        }
        if (retirees > 0) branch(unit + "离退休党支部", top, unit_type::retirees, retirees, {unit});
    }

    void plan_district(int d, int top, std::int64_t budget) {
        current_district_ = d;
        current_home_ = -1;
        auto const D = dname();
        int const root = top < 0 ? add({.name = "中共" + D + "委员会",
                                        .kind = org_kind::higher_committee,
                                        .established = ymd(1955, 9, 1) + days{r_.between(0, 120)},
                                        .term_start = ymd(2021, 9, 1) + days{r_.between(0, 100)},
                                        .term_years = 5},
                                       -1, unit_type::committee)
                                 : committee("中共" + D + "委员会", top, org_kind::higher_committee, 1956);
        if (top >= 0) orgs_[static_cast<std::size_t>(root)].draft.term_years = 5;
        auto const total = budget;
        auto share = [&](double f) { return static_cast<std::int64_t>(static_cast<double>(total) * f); };
        std::int64_t streets = share(0.30), organs = share(0.13), education = share(0.15),
                     health = share(0.10), social = share(0.07);
        std::int64_t enterprise = total - streets - organs - education - health - social;
        plan_streets(root, streets);
        plan_organs(root, organs);
        plan_education(root, education);
        plan_health(root, health);
        plan_enterprises(root, enterprise);
        plan_social(root, social);
    }

    void plan_streets(int root, std::int64_t budget) {
        if (budget < 3) return;
        int const n = static_cast<int>(std::max<std::int64_t>(1, (budget + 250) / 500));
        auto const D = dname();
        auto& areas = districts_.back().areas;
        for (int i = 0; i < n; ++i) {
            std::int64_t b = budget / (n - i);
            budget -= b;
            auto const street = unique([&] { return D + place_name() + "街道党工委"; });
            auto const street_name =
                street.substr(D.size(), street.size() - D.size() - std::string("党工委").size());
            // 党工委 are appointed by the district committee, not elected: no term.
            int const s = committee(street, root, org_kind::working_committee, 2012, false);
            current_home_ = -1;
            if (b >= 10)
                branch(street_name + "机关党支部", s, unit_type::street_office,
                       take(b, r_.triangular(12, 25, 45)), {street_name + "办事处"});
            bool const rural = r_.chance(0.3);
            std::int64_t villages = rural ? b * 3 / 10 : 0;
            if (villages < 10) villages = 0;
            b -= villages;
            while (b > 0) {
                auto const place = unique([&] { return street_name + place_name() + "社区"; });
                auto const community = place.substr(street_name.size());
                areas.push_back({street_name, community, false});
                current_home_ = static_cast<int>(areas.size()) - 1;
                if (r_.chance(0.18) && b >= 80) {
                    int const size = take(b, r_.between(70, 160));
                    int const c = committee(place + "党委", s, org_kind::grassroots_committee, 2020);
                    int rest = size;
                    int const grids = std::max(2, (size + 39) / 40);
                    for (int g = 0; g < grids; ++g) {
                        int const part = g + 1 == grids ? rest : rest / (grids - g);
                        rest -= part;
                        branch(place + "第" + chinese_number(g + 1) + "网格党支部", c, unit_type::community,
                               part, {community + "居委会"}, true);
                    }
                } else {
                    branch(place + "党支部", s, unit_type::community, take(b, r_.triangular(10, 32, 60)),
                           {community + "居委会"}, true);
                }
            }
            while (villages > 0) {
                auto const v = unique([&] {
                    std::string n = street_name;
                    if (r_.chance(0.2)) n += std::string(r_.pick(directions));
                    n += std::string(r_.pick(std::span<weighted const>(surnames)));
                    return n + std::string(r_.pick(village_forms)) + "村";
                });
                auto const village = v.substr(street_name.size());
                areas.push_back({street_name, village, true});
                current_home_ = static_cast<int>(areas.size()) - 1;
                branch(v + "党支部", s, unit_type::village, take(villages, r_.triangular(12, 35, 65)),
                       {village + "村民委员会"}, true);
            }
            current_home_ = -1;
        }
    }

    void plan_organs(int root, std::int64_t budget) {
        if (budget < 3) return;
        auto const D = dname();
        int const w = committee(D + "直属机关工作委员会", root, org_kind::working_committee, 1990, false);
        std::size_t next = 0;
        while (budget > 0) {
            auto const unit = unique([&] {
                std::string dept(departments[next % departments.size()]);
                if (dept.starts_with("区")) dept = D + dept.substr(std::string("区").size());
                if (dept == "团区委") dept = "共青团" + D + "委员会";
                if (next >= departments.size()) dept += std::string(r_.pick(sub_units));
                return dept;
            });
            ++next;
            double const u = r_.unit();
            int const want = u < 0.7 ? branch_size() : u < 0.95 ? r_.between(51, 99) : r_.between(100, 170);
            unit_with_branches(unit + "机关", w, unit_type::government, take(budget, want));
        }
    }

    void plan_education(int root, std::int64_t budget) {
        if (budget < 3) return;
        auto const D = dname();
        int const c = committee(D + "教育和体育局党委", root, org_kind::grassroots_committee, 2000);
        std::vector<std::string> fixed{D + "实验小学", D + "实验中学", D + "第一实验小学",
                                       D + "第二实验小学"};
        std::size_t i = 0;
        while (budget > 0) {
            auto const school = unique([&] {
                if (i < fixed.size()) return fixed[i];
                double const u = r_.unit();
                return place_name() + (u < 0.55 ? "小学" : u < 0.85 ? "中学" : "幼儿园");
            });
            ++i;
            int const want = r_.chance(0.75) ? branch_size() : r_.between(51, 130);
            static constexpr std::array<std::string_view, 4> teacher{"教师第一", "教师第二", "教师第三",
                                                                     "教师第四"};
            unit_with_branches(school, c, unit_type::school, take(budget, want), teacher);
        }
    }

    void plan_health(int root, std::int64_t budget) {
        if (budget < 3) return;
        auto const D = dname();
        int const c = committee(D + "卫生健康系统党委", root, org_kind::grassroots_committee, 2005);
        std::vector<std::pair<std::string, int>> fixed{{D + "人民医院", r_.between(150, 320)},
                                                       {D + "中医医院", r_.between(60, 150)},
                                                       {D + "妇幼保健院", r_.between(30, 70)},
                                                       {D + "疾病预防控制中心", r_.between(15, 40)}};
        std::size_t i = 0;
        while (budget > 0) {
            int want = 0;
            auto const unit = unique([&] {
                if (i < fixed.size()) {
                    want = fixed[i].second;
                    return fixed[i].first;
                }
                want = r_.chance(0.5) ? r_.triangular(8, 18, 40) : r_.between(3, 9);
                return place_name() + (want >= 10 ? "社区卫生服务中心" : "社区卫生服务站");
            });
            ++i;
            unit_with_branches(unit, c, unit_type::hospital, take(budget, want), hospital_branches);
        }
    }

    void plan_enterprises(int root, std::int64_t budget) {
        if (budget < 3) return;
        auto const D = dname();
        int const c = committee(D + "非公有制经济组织党委", root, org_kind::grassroots_committee, 2010);
        std::int64_t joint = budget / 15;
        budget -= joint;
        while (budget > 0) {
            auto const unit = unique([&] { return company(); });
            int const want = r_.chance(0.95) ? branch_size() : r_.between(51, 200);
            unit_with_branches(unit, c, unit_type::enterprise, take(budget, want));
        }
        int n = 0;
        while (joint > 0) {
            int const units = r_.between(3, 5);
            std::vector<std::string> members_of;
            for (int k = 0; k < units; ++k)
                members_of.push_back(company());
            static constexpr std::array<std::string_view, 4> kinds{"商务楼宇", "商圈", "产业园", "市场"};
            auto const name = unique([&] {
                auto const place = place_name();  // drawn before the kind, on every compiler
                return place + std::string(r_.pick(kinds)) + "联合党支部";
            });
            branch(name, c, unit_type::joint, take(joint, r_.between(units + 1, units * 3)),
                   std::move(members_of), false, org_kind::joint_branch);
            ++n;
        }
    }

    void plan_social(int root, std::int64_t budget) {
        if (budget < 3) return;
        auto const D = dname();
        int const c = committee(D + "社会组织党委", root, org_kind::grassroots_committee, 2015);
        int joint_no = 0;
        while (budget > 0) {
            auto org_name = [&] {
                std::string b1(r_.pick(brand_chars)), b2(r_.pick(brand_chars));
                auto const kind = std::string(r_.pick(social_kinds));
                if (kind == "行业协会") return D + std::string(r_.pick(industries)) + kind;
                return "山东" + b1 + b2 + kind;
            };
            if (r_.chance(0.75)) {
                auto const unit = unique(org_name);
                unit_with_branches(unit, c, unit_type::social, take(budget, r_.triangular(3, 12, 30)));
            } else {
                int const units = r_.between(3, 5);
                std::vector<std::string> units_of;
                for (int k = 0; k < units; ++k)
                    units_of.push_back(org_name());
                auto const name =
                    unique([&] { return D + "社会组织第" + chinese_number(++joint_no) + "联合党支部"; });
                branch(name, c, unit_type::joint, take(budget, r_.between(units + 1, units * 3)),
                       std::move(units_of), false, org_kind::joint_branch);
            }
        }
    }

    rng r_;
    sys_days as_of_;
    std::vector<org_plan> orgs_;
    std::vector<district_plan> districts_;
    std::unordered_set<std::string> names_;
    int current_district_ = 0;
    int current_home_ = -1;
};

// ---- members

double female_share(unit_type t) {
    switch (t) {
        case unit_type::school:
            return 0.58;
        case unit_type::hospital:
            return 0.56;
        case unit_type::community:
        case unit_type::street_office:
        case unit_type::social:
            return 0.42;
        case unit_type::village:
            return 0.22;
        case unit_type::government:
            return 0.35;
        case unit_type::retirees:
            return 0.36;
        default:
            return 0.28;
    }
}

int draw_age(rng& r, unit_type t, sex s) {
    switch (t) {
        case unit_type::retirees:
            return s == sex::male ? r.triangular(60, 66, 95) : r.triangular(56, 64, 95);
        case unit_type::community:
            return r.chance(0.65) ? r.triangular(56, 64, 96) : r.triangular(24, 40, 59);
        case unit_type::village:
            return r.triangular(22, 55, 90);
        default:  // working members: flatter than a triangle, young members are many
            return r.chance(0.5) ? r.between(22, 60) : r.triangular(22, 33, 60);
    }
}

education draw_education(rng& r, unit_type t, int birth_year) {
    using e = education;
    struct w {
        e value;
        double weight;
    };
    auto pick = [&](std::initializer_list<w> ws) {
        double total = 0;
        for (auto const& x : ws)
            total += x.weight;
        double u = r.unit() * total;
        for (auto const& x : ws) {
            if (u < x.weight) return x.value;
            u -= x.weight;
        }
        return ws.begin()->value;
    };
    bool const old = birth_year < 1962, mid = birth_year < 1976;
    switch (t) {
        case unit_type::government:
        case unit_type::street_office:
            return mid ? pick({{e::masters_graduated, 8},
                               {e::undergraduate_graduated, 55},
                               {e::junior_college_graduated, 25},
                               {e::specialized_secondary_graduated, 7},
                               {e::senior_high_graduated, 5}})
                       : pick({{e::masters_graduated, 25},
                               {e::undergraduate_graduated, 65},
                               {e::junior_college_graduated, 10}});
        case unit_type::school:
            return mid ? pick({{e::undergraduate_graduated, 50},
                               {e::junior_college_graduated, 35},
                               {e::specialized_secondary_graduated, 15}})
                       : pick({{e::masters_graduated, 20},
                               {e::undergraduate_graduated, 70},
                               {e::junior_college_graduated, 10}});
        case unit_type::hospital:
            return pick({{e::doctoral_graduated, 3},
                         {e::masters_graduated, 25},
                         {e::undergraduate_graduated, 55},
                         {e::junior_college_graduated, 15},
                         {e::specialized_secondary_graduated, 2}});
        case unit_type::enterprise:
        case unit_type::joint:
            return pick({{e::masters_graduated, 8},
                         {e::undergraduate_graduated, 40},
                         {e::junior_college_graduated, 27},
                         {e::specialized_secondary_graduated, 8},
                         {e::skilled_worker_school_graduated, 7},
                         {e::senior_high_graduated, 10}});
        case unit_type::social:
            return pick({{e::masters_graduated, 10},
                         {e::undergraduate_graduated, 55},
                         {e::junior_college_graduated, 25},
                         {e::senior_high_graduated, 10}});
        case unit_type::village:
            return old ? pick({{e::senior_high_graduated, 20},
                               {e::junior_high_graduated, 55},
                               {e::primary_graduated, 25}})
                       : pick({{e::junior_college_graduated, 10},
                               {e::specialized_secondary_graduated, 10},
                               {e::senior_high_graduated, 35},
                               {e::junior_high_graduated, 45}});
        default:  // community residents and retirees
            if (old)
                return pick({{e::undergraduate_graduated, 8},
                             {e::junior_college_graduated, 12},
                             {e::specialized_secondary_graduated, 15},
                             {e::senior_high_graduated, 30},
                             {e::junior_high_graduated, 28},
                             {e::primary_graduated, 7}});
            if (mid)
                return pick({{e::undergraduate_graduated, 15},
                             {e::junior_college_graduated, 25},
                             {e::specialized_secondary_graduated, 15},
                             {e::senior_high_graduated, 30},
                             {e::junior_high_graduated, 15}});
            return pick({{e::masters_graduated, 5},
                         {e::undergraduate_graduated, 45},
                         {e::junior_college_graduated, 30},
                         {e::senior_high_graduated, 15},
                         {e::junior_high_graduated, 5}});
    }
}

personnel_category draw_category(rng& r, unit_type t, int age, sex s) {
    using c = personnel_category;
    bool const retired_age = age >= (s == sex::male ? 60 : 55);
    double const u = r.unit();
    switch (t) {
        case unit_type::government:
        case unit_type::street_office:
            return u < 0.88 ? c::party_government_staff : c::worker;
        case unit_type::school:
            return u < 0.85 ? c::professional_technical : u < 0.97 ? c::management : c::worker;
        case unit_type::hospital:
            return u < 0.82 ? c::professional_technical : u < 0.92 ? c::management : c::worker;
        case unit_type::enterprise:
        case unit_type::joint:
            return u < 0.3 ? c::management : u < 0.6 ? c::professional_technical : c::worker;
        case unit_type::social:
            return u < 0.45 ? c::professional_technical : u < 0.7 ? c::management : c::other_occupation;
        case unit_type::village:
            return retired_age && u < 0.05 ? c::retired
                   : u < 0.93              ? c::farmer_herder_fisher
                                           : c::other_occupation;
        case unit_type::retirees:
            return c::retired;
        default:  // community
            if (retired_age) return c::retired;
            return u < 0.45   ? c::other_occupation
                   : u < 0.65 ? c::worker
                   : u < 0.8  ? c::management
                              : c::professional_technical;
    }
}

std::string draw_post(rng& r, unit_type t, personnel_category c) {
    switch (t) {
        case unit_type::government:
        case unit_type::street_office:
            return c == personnel_category::worker ? "工勤人员" : std::string(r.pick(posts_government));
        case unit_type::school:
            return std::string(r.pick(posts_school));
        case unit_type::hospital:
            return std::string(r.pick(posts_hospital));
        case unit_type::enterprise:
        case unit_type::joint:
            return std::string(r.pick(posts_enterprise));
        case unit_type::social:
            return std::string(r.pick(posts_social));
        case unit_type::village:
            return std::string(r.pick(posts_village));
        case unit_type::retirees:
            return "退休";
        default:
            return c == personnel_category::retired ? "退休" : std::string(r.pick(posts_community));
    }
}

class member_factory {
public:
    member_factory(rng& r, sys_days as_of) : r_(r), as_of_(as_of) {}

    member make(org_plan const& b, org_id branch, district_plan const& d) {
        member m;
        auto const t = b.type;
        m.sex = r_.chance(female_share(t)) ? sex::female : sex::male;
        int const age = draw_age(r_, t, m.sex);
        m.birth_date = add_years(as_of_, -age) - days{r_.between(1, 364)};
        int const birth_year = static_cast<int>(date::year_month_day{m.birth_date}.year());
        m.name = draw_name(r_, m.sex, birth_year);
        double const e = r_.unit();
        m.ethnicity = e < 0.975   ? ethnicity::han
                      : e < 0.993 ? ethnicity::hui
                      : e < 0.996 ? ethnicity::man
                      : e < 0.998 ? ethnicity::mongol
                      : e < 0.999 ? ethnicity::chosen
                                  : ethnicity::zhuang;
        m.id_number = id_number(d, birth_year, m.birth_date, m.sex);
        m.education = draw_education(r_, t, birth_year);
        if (age >= 80 && r_.chance(0.05)) m.education.reset();  // never recorded for some of the oldest
        m.category = draw_category(r_, t, age, m.sex);
        m.post = draw_post(r_, t, *m.category);
        m.work_unit = b.units.empty() ? std::string() : b.units[r_.below(b.units.size())];
        if (t == unit_type::community && m.category == personnel_category::retired) m.work_unit.clear();
        m.native_place = std::string(r_.pick(std::span<weighted const>(native_places)));
        m.phone = phone(age);
        m.address = address(b, d);
        m.branch = branch;
        dates(m, b, age);
        return m;
    }

private:
    citizen_id id_number(district_plan const& d, int birth_year, sys_days birth, sex s) {
        auto const ymd = date::year_month_day{birth};
        char date8[16];
        std::snprintf(date8, sizeof date8, "%04d%02u%02u", birth_year % 10000,
                      static_cast<unsigned>(ymd.month()) % 100, static_cast<unsigned>(ymd.day()) % 100);
        for (;;) {
            std::string_view code = d.code;
            if (r_.chance(0.35)) {
                auto const& other = prefecture[r_.below(prefecture.size())];
                if (birth_year <= other.until_year) code = other.code;
            }
            int const parity = s == sex::male ? 1 : 0;
            int const last = static_cast<int>(r_.below(5)) * 2 + parity;
            std::string body = std::string(code) + date8 + digits(r_, 2) + static_cast<char>('0' + last);
            if (!used_.insert(std::stoull(body)).second) continue;  // another person has it
            body += gb11643_check_character(body);
            return citizen_id::parse(body);
        }
    }

    std::string phone(int age) {
        if (age >= 80) {
            double const u = r_.unit();
            if (u < 0.05) return {};
            if (u < 0.3) return "0531-8" + digits(r_, 7);
        }
        std::string phone(r_.pick(phone_prefixes));  // drawn before the digits, on every compiler
        return phone + digits(r_, 8);
    }

    std::string address(org_plan const& b, district_plan const& d) {
        address_area const* a = nullptr;
        if (b.home >= 0)
            a = &d.areas[static_cast<std::size_t>(b.home)];
        else if (!d.areas.empty())
            a = &d.areas[r_.below(d.areas.size())];
        std::string out = "山东省济南市" + std::string(d.name);
        if (!a) return out + std::to_string(r_.between(1, 300)) + "号";
        out += a->street + a->place;
        if (a->village) return out + std::to_string(r_.between(1, 400)) + "号";
        out += std::to_string(r_.between(1, 30)) + "号楼";
        out += std::to_string(r_.between(1, 4)) + "单元";
        out += std::to_string(r_.between(1, 18)) + "0";
        return out + std::to_string(r_.between(1, 4)) + "室";
    }

    void dates(member& m, org_plan const& b, int age) {
        // Admission: mostly in the person's twenties; some within the last year (probationary members).
        bool const recent = age <= 45 && b.type != unit_type::retirees && r_.chance(0.07);
        if (recent) {
            m.admission_date = as_of_ - days{r_.between(20, 364)};
        } else {
            int const hi = std::max(21, std::min(age - 1, 50));
            int const at = r_.triangular(20, std::min(26, hi), hi);
            m.admission_date = add_years(m.birth_date, at) + days{r_.between(0, 300)};
            if (m.admission_date > as_of_ - days{366})
                m.admission_date = as_of_ - days{366} - days{r_.between(0, 200)};
        }
        // The application: at 18 at the earliest, at least a year (activist and candidate) before admission.
        auto const earliest = add_years(m.birth_date, 18);
        auto const latest = m.admission_date - days{366};
        auto application = m.admission_date - days{r_.between(400, 1500)};
        if (application < earliest) application = r_.date_between(earliest, std::max(earliest, latest));
        m.application_date = application;
        // Records from before 1990 were carried over from paper files (补录).
        if (m.admission_date < ymd(1990, 1, 1)) {
            m.backfilled = true;
            if (r_.chance(0.6)) m.application_date.reset();
        }
        // Full membership at the end of probation; one in fifty had it extended by 6 or 12 months.
        auto const on_time = add_months(m.admission_date, 12);
        if (on_time <= as_of_) {
            double const u = r_.unit();
            auto const full = u < 0.01   ? add_months(on_time, 6)
                              : u < 0.02 ? add_months(on_time, 12)
                                         : on_time;
            if (full <= as_of_) m.full_member_date = full;
        }
        // The relationship came to the branch on admission or when the branch was set up (retirees when
        // they retired); one in five moved here later.
        auto joined = std::max(m.admission_date, b.draft.established);
        if (b.type == unit_type::retirees)
            joined =
                std::max(joined, std::min(add_years(m.birth_date, m.sex == sex::male ? 60 : 55), as_of_));
        if (r_.chance(0.2) && joined < as_of_ - days{400})
            joined = r_.date_between(joined, as_of_ - days{400});
        m.joined_branch = joined;
    }

public:
    /// The 17-digit bodies of the ID numbers handed out (so that the domains' applicants get others).
    [[nodiscard]] std::unordered_set<std::uint64_t> const& used() const noexcept { return used_; }

private:
    rng& r_;
    sys_days as_of_;
    std::unordered_set<std::uint64_t> used_;
};

std::vector<officer> branch_officers(rng& r, std::vector<std::int64_t>& pool, int full_members,
                                     std::vector<member_id> const& ids, std::vector<member_brief>& briefs,
                                     bool is_branch_kind) {
    int size = 0;
    if (!is_branch_kind) {
        size = std::min<int>(static_cast<int>(pool.size()), r.between(5, 9));
    } else if (full_members >= 7) {
        size = full_members < 15 ? 3 : full_members < 40 ? (r.chance(0.6) ? 5 : 3) : (r.chance(0.5) ? 5 : 7);
    } else {
        size = full_members >= 4 && r.chance(0.3) ? 2 : 1;
    }
    size = std::min<int>(size, static_cast<int>(pool.size()));
    // A partial shuffle picks the officers.
    for (int i = 0; i < size; ++i)
        std::swap(pool[static_cast<std::size_t>(i)],
                  pool[static_cast<std::size_t>(i) + r.below(pool.size() - static_cast<std::size_t>(i))]);
    std::vector<officer> out;
    std::size_t portfolio = 0;
    for (int i = 0; i < size; ++i) {
        auto const seq = pool[static_cast<std::size_t>(i)];
        briefs[static_cast<std::size_t>(seq)].officer = true;
        officer o{ids[static_cast<std::size_t>(seq)], officer_role::committee_member, ""};
        if (i == 0)
            o.role = officer_role::secretary;
        else if (i == 1 && (size >= 5 || (is_branch_kind && full_members < 7)))
            o.role = officer_role::deputy_secretary;
        else
            o.portfolio = std::string(portfolios[portfolio++ % portfolios.size()]);
        out.push_back(std::move(o));
    }
    return out;
}

}  // namespace

summary generate(store& s, options const& o) {
    if (o.members < 100)
        throw invalid_input("members",
                            "a sample district needs at least 100 members, not " + std::to_string(o.members));
    // One transaction: a run that is killed or fails midway leaves the store empty, so that the next
    // run starts afresh (inside a caller's transaction, the caller's commit decides).
    std::optional<store::transaction> tx;
    if (!s.in_transaction()) tx.emplace(s);
    if (s.member_count() > 0 || !s.orgs().empty())
        throw invalid_input("store", "the sample district needs an empty store; this one already holds data");
    auto report = [&](std::string_view phase, std::int64_t done, std::int64_t total) {
        if (o.progress) o.progress(phase, done, total);
    };
    summary out;
    planner p(o);
    p.plan(o.members);
    auto& plans = p.orgs();
    auto& r = p.random();
    auto const R = o.as_of;

    // Organisations, parents first.
    std::vector<org_id> org_ids;
    org_ids.reserve(plans.size());
    for (std::size_t i = 0; i < plans.size(); ++i) {
        auto draft = plans[i].draft;
        if (plans[i].parent >= 0) draft.parent = org_ids[static_cast<std::size_t>(plans[i].parent)];
        org_ids.push_back(s.add_org(draft, "示例数据"));
        ++out.organisations;
        if (is_branch(draft.kind)) ++out.branches;
        if (draft.kind == org_kind::joint_branch) ++out.joint_branches;
        if (i % 200 == 0 || i + 1 == plans.size())
            report("organisations", static_cast<std::int64_t>(i + 1),
                   static_cast<std::int64_t>(plans.size()));
    }

    // Members, branch by branch, written in chunks; each member is also offered as a leadership
    // candidate to its branch and to the committees above it that are eligible on their term starts.
    std::vector<leadership_plan> leads(plans.size());
    std::vector<member_brief> briefs;
    briefs.reserve(static_cast<std::size_t>(o.members));
    std::vector<member_id> ids;
    ids.reserve(static_cast<std::size_t>(o.members));
    std::vector<member> chunk;
    chunk.reserve(o.chunk);
    member_factory factory(r, R);
    auto flush = [&] {
        if (chunk.empty()) return;
        auto const added = s.add_members(chunk, "示例数据");
        ids.insert(ids.end(), added.begin(), added.end());
        chunk.clear();
        report("members", static_cast<std::int64_t>(ids.size()), o.members);
    };
    for (std::size_t b = 0; b < plans.size(); ++b) {
        auto const& bp = plans[b];
        if (!is_branch(bp.draft.kind)) continue;
        auto const& district = p.districts()[static_cast<std::size_t>(bp.district)];
        for (int k = 0; k < bp.size; ++k) {
            auto m = factory.make(bp, org_ids[b], district);
            auto const seq = static_cast<std::int64_t>(briefs.size());
            briefs.push_back({.birth = m.birth_date,
                              .admission = m.admission_date,
                              .full = m.full_member_date,
                              .joined = m.joined_branch,
                              .branch = static_cast<int>(b),
                              .sex = m.sex,
                              .retired = m.category == personnel_category::retired});
            if (m.status_on(R) == member_status::probationary) ++out.probationary;
            if (m.backfilled) ++out.backfilled;
            auto eligible = [&](sys_days t) {
                return m.full_member_date && *m.full_member_date <= t && m.joined_branch <= t;
            };
            if (bp.draft.term_start && eligible(*bp.draft.term_start)) {
                leads[b].candidates.push_back(seq);
                ++leads[b].full_members;
            }
            for (int a = bp.parent; a >= 0; a = plans[static_cast<std::size_t>(a)].parent) {
                auto& lp = leads[static_cast<std::size_t>(a)];
                auto const& ts = plans[static_cast<std::size_t>(a)].draft.term_start;
                if (ts && lp.candidates.size() < 24 && eligible(*ts) &&
                    (lp.candidates.size() < 9 || r.chance(0.05)))
                    lp.candidates.push_back(seq);
            }
            chunk.push_back(std::move(m));
            if (chunk.size() >= o.chunk) flush();
        }
    }
    flush();
    out.members = static_cast<std::int64_t>(ids.size());

    // Leaderships elected on each term start.
    std::vector<std::vector<officer>> elected(plans.size());
    for (std::size_t i = 0; i < plans.size(); ++i) {
        auto const& pl = plans[i];
        if (i % 200 == 0 || i + 1 == plans.size())
            report("leaderships", static_cast<std::int64_t>(i + 1), static_cast<std::int64_t>(plans.size()));
        if (!pl.draft.term_start || leads[i].candidates.empty()) continue;
        auto officers = branch_officers(r, leads[i].candidates, leads[i].full_members, ids, briefs,
                                        is_branch(pl.draft.kind));
        s.set_leadership(org_ids[i], *pl.draft.term_start, officers, "换届选举");
        elected[i] = std::move(officers);
        ++out.leaderships;
    }

    // Standing events of a few members (never officers): deaths among the old, lost contact (停止党籍)
    // with some later removed or restored, a rare 除名, and a few cancelled probations.
    auto const total = static_cast<std::int64_t>(briefs.size());
    for (std::int64_t seq = 0; seq < total; ++seq) {
        if (seq % 20000 == 0 || seq + 1 == total) report("standing", seq + 1, total);
        auto& m = briefs[static_cast<std::size_t>(seq)];
        double const u = r.unit();
        if (m.officer) continue;
        auto const id = ids[static_cast<std::size_t>(seq)];
        auto const& branch = plans[static_cast<std::size_t>(m.branch)].draft.name;
        int const age = age_on(m.birth, R);
        auto const after_admission = [&](sys_days d) { return std::max(d, m.admission + days{1}); };
        if (age >= 75 && u < 0.012) {
            s.record_standing(
                id, {standing_event_kind::died, after_admission(R - days{r.between(1, 700)}), "病故", branch},
                "党员去世");
            m.touched = true;
            ++out.exited;
        } else if (u > 0.997 && m.full) {
            auto const since = after_admission(std::max(*m.full, R - days{r.between(200, 1000)}));
            if (since >= R) continue;
            s.record_standing(
                id, {standing_event_kind::suspended, since, "与党组织失去联系超过6个月", branch + "党员大会"},
                "失联党员处置");
            m.touched = true;
            double const v = r.unit();
            auto const later = since + days{r.between(183, 500)};
            if (v < 0.15 && later < R) {
                s.record_standing(
                    id,
                    {standing_event_kind::removed_self_withdrawal, later,
                     "失去联系满6个月仍无音讯, 按自行脱党处理", branch + "党员大会; 上级党组织批准"},
                    "失联党员处置");
                ++out.exited;
            } else if (auto const back = since + days{r.between(60, 400)}; v < 0.25 && back < R) {
                s.record_standing(
                    id,
                    {standing_event_kind::restored, back, "已取得联系, 恢复组织生活", branch + "党员大会"},
                    "失联党员处置");
            } else {
                ++out.suspended;
            }
        } else if (u > 0.9967 && u <= 0.997 && m.full) {
            s.record_standing(id,
                              {standing_event_kind::removed, after_admission(R - days{r.between(30, 700)}),
                               "不履行党员义务, 经教育仍无转变", branch + "党员大会; 上级党组织批准"},
                              "组织处置");
            m.touched = true;
            ++out.exited;
        } else if (!m.full && u > 0.99 && u <= 0.9967 && r.chance(0.1)) {
            auto const when = m.admission + days{r.between(60, 300)};
            if (when < R) {
                s.record_standing(id,
                                  {standing_event_kind::probation_cancelled, when, "预备期间不具备党员条件",
                                   branch + "党员大会; 上级党委批准"},
                                  "预备党员处置");
                m.touched = true;
                ++out.exited;
            }
        }
    }
    if (o.domains == domain_set::roster) return out;

    // The domains, from what the roster part made.
    roster_facts facts;
    facts.orgs.reserve(plans.size());
    for (std::size_t i = 0; i < plans.size(); ++i) {
        auto const& pl = plans[i];
        facts.orgs.push_back(
            {.id = org_ids[i],
             .name = pl.draft.name,
             .kind = pl.draft.kind,
             .established = pl.draft.established,
             .term_start = pl.draft.term_start,
             .officers = std::move(elected[i]),
             .rural = pl.type == unit_type::village,
             .district_code = std::string(p.districts()[static_cast<std::size_t>(pl.district)].code)});
    }
    facts.members = &briefs;
    facts.ids = &ids;
    facts.id_bodies = &factory.used();
    add_domains(s, facts, o, out);
    add_organisation_work(s, facts, o, out);
    if (tx) tx->commit();
    return out;
}

}  // namespace dangyuan::sample
