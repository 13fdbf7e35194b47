#pragma once
/// \file
/// Local profiles (地方规定): rule sets derived from the national baseline that may only tighten or
/// add rules, never weaken a national one (rules.profile_cannot_weaken), and their text form for
/// storage.
///
/// One table, `detail::rule_parameters`, lists every parameter of `rule_set` with the rule it belongs
/// to and the direction in which it is stricter; the same table drives `check_tightens`, `to_text` and
/// `rule_set_from_text`. `rule_parameter_count` and `rule_set_presentation_fields` let a test compare
/// the table with the number of fields of `rule_set` and its parameter blocks, so that a new field cannot
/// be forgotten. To add a parameter: add the field, then one row below.
///
/// **Text form.** `name=<name>` then one `key=value` line per parameter, in table order:
/// - numbers in decimal (months, years, days, fen, basis points); switches `0` / `1`;
/// - an optional limit: an empty value for "no limit" (`mob.certificate_validity_months=`);
/// - a share as `numerator/denominator` (`eval.excellent_share_max=1/3`);
/// - an enumeration by its C++ enumerator name (`life.dues_rounding=half_up_fen`);
/// - a table as one line per row, the key repeated; the first line of a key replaces the whole table and
///   an empty value stands for an empty table:
///   - `life.cadence=<rule id>,<meeting kind>,<month|quarter|year>,<min count>,<condition>`
///   - `life.training=<rule id>,<member|officer>,<tenths of a class hour>,<concentrated only 0|1>,<sessions>`
///   - `life.salary_bracket=<upper bound in fen or max>,<rate in basis points>` (and `life.retiree_bracket`).
///
/// Keys of earlier versions are read as aliases (`detail::legacy_keys`); where two earlier parameters
/// were merged into one, the stricter of the two values is kept.

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "dangyuan/core/errors.hpp"
#include "dangyuan/rules/catalogue.hpp"
#include "dangyuan/rules/rule_set.hpp"

namespace dangyuan {

/// In which direction a number is stricter.
enum class stricter_when {
    higher,       ///< a larger value is stricter (a minimum age, a minimum of class hours)
    lower,        ///< a smaller value is stricter (a deadline in months)
    limit_lower,  ///< 0 means "no limit"; setting one is stricter, and a smaller one more so
    fixed,        ///< national value; a profile may not change it
    free,         ///< presentation only (how early the agenda warns); any value allowed
};

namespace detail {

/// One parameter of `rule_set`: its key in the text form, its rule, and the operations on it.
/// `field` returns the address of the member; the typed operations (`write`, `read`, `weakens`) were
/// instantiated for that member's type by `make_parameter`, which checks the type at compile time.
struct rule_parameter {
    std::string_view key;
    std::string_view rule_id;
    std::string_view tightening;  ///< how a profile may change it, for messages and documentation
    bool table;                   ///< one text line per row
    void* (*field)(rule_set&);
    void (*write)(rule_parameter const&, rule_set const&, std::string&);
    /// Parses `value` into the field; `first` is true on the first line of the key in a text.
    /// \throws std::invalid_argument saying what is wrong with the value.
    void (*read)(rule_parameter const&, rule_set&, std::string_view value, bool first);
    /// What a profile's value weakens against the base's, or nothing.
    std::optional<std::string> (*weakens)(rule_parameter const&, rule_set const& base,
                                          rule_set const& profile);

    template <class T>
    [[nodiscard]] T& get(rule_set& r) const {
        return *static_cast<T*>(field(r));
    }
    template <class T>
    [[nodiscard]] T const& get(rule_set const& r) const {
        return *static_cast<T const*>(field(const_cast<rule_set&>(r)));  // read only
    }
};

inline void put_line(std::string& out, std::string_view key, std::string_view value) {
    out.append(key).append("=").append(value).append("\n");
}

template <class T>
[[nodiscard]] T parse_number(std::string_view v) {
    T x{};
    auto const [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
    if (v.empty() || ec != std::errc{} || ptr != v.data() + v.size())
        throw std::invalid_argument("'" + std::string(v) + "' is not an integer in range");
    return x;
}

/// Money is written as an integer number of fen.
template <>
[[nodiscard]] inline fen parse_number<fen>(std::string_view v) {
    return fen(parse_number<fen::rep>(v));
}

template <class T>
[[nodiscard]] std::string number_text(T x) {
    return std::to_string(x);
}
[[nodiscard]] inline std::string number_text(fen x) {
    return std::to_string(x.value());
}

[[nodiscard]] inline std::vector<std::string_view> split(std::string_view v, char sep) {
    std::vector<std::string_view> out;
    for (;;) {
        auto const i = v.find(sep);
        out.push_back(v.substr(0, i));
        if (i == std::string_view::npos) return out;
        v.remove_prefix(i + 1);
    }
}

// ---- enumerations: text names are the codes of the enum tables (the enumerator names)

template <class E>
[[nodiscard]] std::string_view enum_text(E e) {
    return to_string(e);
}
/// Only the code is accepted here (no Chinese name): profiles are written with the codes.
template <class E>
[[nodiscard]] E parse_enum_code(std::string_view v) {
    for (auto const& row : enum_rows<E>())
        if (row.code == v) return row.value;
    throw std::invalid_argument("'" + std::string(v) + "' is not one of " + enum_codes<E>());
}

// ---- kinds of parameter: value type, text form and tightening

[[nodiscard]] constexpr std::string_view direction_name(stricter_when d) {
    switch (d) {
        case stricter_when::higher:
            return "may be raised";
        case stricter_when::lower:
            return "may be lowered";
        case stricter_when::limit_lower:
            return "0 (no limit) may become a limit, a limit may be lowered";
        case stricter_when::fixed:
            return "national, fixed";
        case stricter_when::free:
            return "presentation only, free";
    }
    return "?";
}

template <class T>
[[nodiscard]] bool number_weakens(stricter_when dir, T national, T local) {
    switch (dir) {
        case stricter_when::higher:
            return local < national;
        case stricter_when::lower:
            return local > national;
        case stricter_when::limit_lower:
            return national != T{} && (local == T{} || local > national);
        case stricter_when::fixed:
            return local != national;
        case stricter_when::free:
            return false;
    }
    return true;
}

/// An integer (int, unsigned, fen).
template <class T, stricter_when Dir>
struct number {
    using value_type = T;
    static constexpr bool table = false;
    static constexpr std::string_view tightening = direction_name(Dir);
    static void write(rule_parameter const& p, rule_set const& r, std::string& out) {
        put_line(out, p.key, number_text(p.get<T>(r)));
    }
    static void read(rule_parameter const& p, rule_set& r, std::string_view v, bool) {
        p.get<T>(r) = parse_number<T>(v);
    }
    static std::optional<std::string> weakens(rule_parameter const& p, rule_set const& b, rule_set const& l) {
        auto const nat = p.get<T>(b), loc = p.get<T>(l);
        if (!number_weakens(Dir, nat, loc)) return std::nullopt;
        return number_text(loc) + " against " + number_text(nat);
    }
};

enum class stricter_switch { either, when_true, when_false };

/// A switch; `Stricter` says which value is stricter (or that either is allowed).
template <stricter_switch Stricter>
struct switch_ {
    using value_type = bool;
    static constexpr bool table = false;
    static constexpr std::string_view tightening = Stricter == stricter_switch::either ? "free"
                                                   : Stricter == stricter_switch::when_true
                                                       ? "may be switched on"
                                                       : "may be switched off";
    static void write(rule_parameter const& p, rule_set const& r, std::string& out) {
        put_line(out, p.key, p.get<bool>(r) ? "1" : "0");
    }
    static void read(rule_parameter const& p, rule_set& r, std::string_view v, bool) {
        if (v != "0" && v != "1") throw std::invalid_argument("'" + std::string(v) + "' is not 0 or 1");
        p.get<bool>(r) = v == "1";
    }
    static std::optional<std::string> weakens(rule_parameter const& p, rule_set const& b, rule_set const& l) {
        bool const nat = p.get<bool>(b), loc = p.get<bool>(l);
        if (Stricter == stricter_switch::either || loc == nat) return std::nullopt;
        bool const stricter = Stricter == stricter_switch::when_true;
        if (nat != stricter) return std::nullopt;  // moving towards the stricter value
        return std::string(loc ? "1" : "0") + " against " + (nat ? "1" : "0");
    }
};

/// An optional limit (`std::optional<int>`): empty is "no limit"; a limit is stricter, a lower one more so.
struct optional_limit {
    using value_type = std::optional<int>;
    static constexpr bool table = false;
    static constexpr std::string_view tightening = "no limit may become a limit, a limit may be lowered";
    static void write(rule_parameter const& p, rule_set const& r, std::string& out) {
        auto const& v = p.get<value_type>(r);
        put_line(out, p.key, v ? std::to_string(*v) : std::string());
    }
    static void read(rule_parameter const& p, rule_set& r, std::string_view v, bool) {
        p.get<value_type>(r) = v.empty() ? value_type{} : value_type{parse_number<int>(v)};
    }
    static std::optional<std::string> weakens(rule_parameter const& p, rule_set const& b, rule_set const& l) {
        auto const &nat = p.get<value_type>(b), &loc = p.get<value_type>(l);
        if (!nat || (loc && *loc <= *nat)) return std::nullopt;
        return (loc ? std::to_string(*loc) : std::string("no limit")) + " against " + std::to_string(*nat);
    }
};

/// Free text (a prefix): any value allowed. A value may not hold a line break.
struct free_text {
    using value_type = std::string;
    static constexpr bool table = false;
    static constexpr std::string_view tightening = "free";
    static void write(rule_parameter const& p, rule_set const& r, std::string& out) {
        put_line(out, p.key, p.get<std::string>(r));
    }
    static void read(rule_parameter const& p, rule_set& r, std::string_view v, bool) {
        p.get<std::string>(r) = std::string(v);
    }
    static std::optional<std::string> weakens(rule_parameter const&, rule_set const&, rule_set const&) {
        return std::nullopt;
    }
};

/// An enumeration; `Stricter` is its stricter value, or `free` when any value is allowed.
template <class E, bool Free, E Stricter = E{}>
struct choice {
    using value_type = E;
    static constexpr bool table = false;
    static constexpr std::string_view tightening = Free ? "free" : "may move to the stricter value only";
    static void write(rule_parameter const& p, rule_set const& r, std::string& out) {
        put_line(out, p.key, enum_text(p.get<E>(r)));
    }
    static void read(rule_parameter const& p, rule_set& r, std::string_view v, bool) {
        p.get<E>(r) = parse_enum_code<E>(v);
    }
    static std::optional<std::string> weakens(rule_parameter const& p, rule_set const& b, rule_set const& l) {
        auto const nat = p.get<E>(b), loc = p.get<E>(l);
        if (Free || loc == nat || loc == Stricter) return std::nullopt;
        return std::string(enum_text(loc)) + " against " + std::string(enum_text(nat));
    }
};

/// A share (`share_limit`) that is stricter when smaller, compared exactly.
struct share_lower {
    using value_type = share_limit;
    static constexpr bool table = false;
    static constexpr std::string_view tightening = "may be lowered";
    static std::string text(share_limit s) {
        return std::to_string(s.numerator) + "/" + std::to_string(s.denominator);
    }
    static void write(rule_parameter const& p, rule_set const& r, std::string& out) {
        put_line(out, p.key, text(p.get<share_limit>(r)));
    }
    static void read(rule_parameter const& p, rule_set& r, std::string_view v, bool) {
        auto const parts = split(v, '/');
        if (parts.size() != 2)
            throw std::invalid_argument("'" + std::string(v) + "' is not numerator/denominator");
        share_limit s{parse_number<int>(parts[0]), parse_number<int>(parts[1])};
        if (s.numerator < 0 || s.denominator <= 0)
            throw std::invalid_argument("'" + std::string(v) + "' is not a share (0 <= n, 0 < d)");
        p.get<share_limit>(r) = s;
    }
    static std::optional<std::string> weakens(rule_parameter const& p, rule_set const& b, rule_set const& l) {
        auto const nat = p.get<share_limit>(b), loc = p.get<share_limit>(l);
        if (loc.denominator <= 0 || nat.denominator <= 0 ||
            std::int64_t(loc.numerator) * nat.denominator > std::int64_t(nat.numerator) * loc.denominator)
            return text(loc) + " against " + text(nat);
        return std::nullopt;
    }
};

/// The farmers' monthly amount: a province sets it within the base's [farmer_min_fen, farmer_max_fen]
/// (dues.fixed_amounts).
struct farmer_amount {
    using value_type = fen;
    static constexpr bool table = false;
    static constexpr std::string_view tightening =
        "set by the province within [farmer_min_fen, farmer_max_fen]";
    static void write(rule_parameter const& p, rule_set const& r, std::string& out) {
        put_line(out, p.key, number_text(p.get<value_type>(r)));
    }
    static void read(rule_parameter const& p, rule_set& r, std::string_view v, bool) {
        p.get<value_type>(r) = parse_number<value_type>(v);
    }
    static std::optional<std::string> weakens(rule_parameter const& p, rule_set const& b, rule_set const& l) {
        auto const loc = p.get<value_type>(l);
        if (loc >= b.life.farmer_min_fen && loc <= b.life.farmer_max_fen) return std::nullopt;
        return number_text(loc) + " outside [" + number_text(b.life.farmer_min_fen) + ", " +
               number_text(b.life.farmer_max_fen) + "] fen";
    }
};

// ---- tables

[[nodiscard]] constexpr int period_months(cadence_period p) {
    return p == cadence_period::month ? 1 : p == cadence_period::quarter ? 3 : 12;
}

/// True when `row` asks at least as much as `national`: the same kind of meeting, a period no longer
/// and dividing it, at least as many meetings per national period, and the same condition (or one where
/// the national row has none).
[[nodiscard]] inline bool at_least_as_strict(cadence_rule const& row, cadence_rule const& national) {
    if (row.kind != national.kind) return false;
    if (row.condition != national.condition && national.condition != cadence_condition::none) return false;
    int const len = period_months(row.period), nat_len = period_months(national.period);
    if (len > nat_len || nat_len % len != 0) return false;
    return row.min_count * (nat_len / len) >= national.min_count;
}

/// The cadence table (life.*): rows may be added or made more frequent, never removed or loosened.
struct cadence_table {
    using value_type = std::vector<cadence_rule>;
    static constexpr bool table = true;
    static constexpr std::string_view tightening = "rows may be added or tightened, not removed or loosened";
    static void write(rule_parameter const& p, rule_set const& r, std::string& out) {
        auto const& rows = p.get<value_type>(r);
        if (rows.empty()) put_line(out, p.key, "");
        for (auto const& row : rows)
            put_line(out, p.key,
                     row.rule_id + "," + std::string(enum_text(row.kind)) + "," +
                         std::string(enum_text(row.period)) + "," + std::to_string(row.min_count) + "," +
                         std::string(enum_text(row.condition)));
    }
    static void read(rule_parameter const& p, rule_set& r, std::string_view v, bool first) {
        auto& rows = p.get<value_type>(r);
        if (first) rows.clear();
        if (v.empty()) return;
        auto const f = split(v, ',');
        if (f.size() != 5) throw std::invalid_argument("expected rule_id,kind,period,min_count,condition");
        rows.push_back({std::string(f[0]), parse_enum_code<meeting_kind>(f[1]),
                        parse_enum_code<cadence_period>(f[2]), parse_number<int>(f[3]),
                        parse_enum_code<cadence_condition>(f[4])});
    }
    static std::optional<std::string> weakens(rule_parameter const& p, rule_set const& b, rule_set const& l) {
        auto const& local = p.get<value_type>(l);
        for (auto const& nat : p.get<value_type>(b))
            if (std::none_of(local.begin(), local.end(),
                             [&](cadence_rule const& row) { return at_least_as_strict(row, nat); }))
                return "no row as strict as " + nat.rule_id + " (" + std::to_string(nat.min_count) + " " +
                       std::string(enum_text(nat.kind)) + " a " + std::string(enum_text(nat.period)) + ")";
        return std::nullopt;
    }
};

/// The training requirements (training.*): may be raised or added, not lowered or removed.
struct training_table {
    using value_type = std::vector<training_requirement>;
    static constexpr bool table = true;
    static constexpr std::string_view tightening =
        "requirements may be added or raised, not removed or lowered";
    static void write(rule_parameter const& p, rule_set const& r, std::string& out) {
        auto const& rows = p.get<value_type>(r);
        if (rows.empty()) put_line(out, p.key, "");
        for (auto const& row : rows)
            put_line(out, p.key,
                     row.rule_id + "," + std::string(enum_text(row.applies_to)) + "," +
                         std::to_string(row.min_tenths) + "," + (row.concentrated_only ? "1" : "0") + "," +
                         std::to_string(row.min_concentrated_sessions));
    }
    static void read(rule_parameter const& p, rule_set& r, std::string_view v, bool first) {
        auto& rows = p.get<value_type>(r);
        if (first) rows.clear();
        if (v.empty()) return;
        auto const f = split(v, ',');
        if (f.size() != 5 || (f[3] != "0" && f[3] != "1"))
            throw std::invalid_argument("expected rule_id,role,tenths,concentrated_only(0|1),sessions");
        rows.push_back({std::string(f[0]), parse_enum_code<training_role>(f[1]), parse_number<int>(f[2]),
                        f[3] == "1", parse_number<int>(f[4])});
    }
    static std::optional<std::string> weakens(rule_parameter const& p, rule_set const& b, rule_set const& l) {
        auto const& local = p.get<value_type>(l);
        for (auto const& nat : p.get<value_type>(b)) {
            bool const kept = std::any_of(local.begin(), local.end(), [&](training_requirement const& t) {
                return t.applies_to == nat.applies_to && t.min_tenths >= nat.min_tenths &&
                       (t.concentrated_only || !nat.concentrated_only) &&
                       t.min_concentrated_sessions >= nat.min_concentrated_sessions;
            });
            if (!kept)
                return "no requirement as strict as " + nat.rule_id + " (" + std::to_string(nat.min_tenths) +
                       " tenths of a class hour for " + std::string(enum_text(nat.applies_to)) + ")";
        }
        return std::nullopt;
    }
};

/// Dues brackets (dues.salary_brackets, dues.retiree_brackets): national, fixed.
struct bracket_table {
    using value_type = std::vector<dues_bracket>;
    static constexpr bool table = true;
    static constexpr std::string_view tightening = "national, fixed";
    static std::string text(dues_bracket const& x) {
        return (x.upper_fen == no_upper_bound_fen ? std::string("max") : number_text(x.upper_fen)) + "," +
               std::to_string(x.rate_bp);
    }
    static void write(rule_parameter const& p, rule_set const& r, std::string& out) {
        auto const& rows = p.get<value_type>(r);
        if (rows.empty()) put_line(out, p.key, "");
        for (auto const& row : rows)
            put_line(out, p.key, text(row));
    }
    static void read(rule_parameter const& p, rule_set& r, std::string_view v, bool first) {
        auto& rows = p.get<value_type>(r);
        if (first) rows.clear();
        if (v.empty()) return;
        auto const f = split(v, ',');
        if (f.size() != 2) throw std::invalid_argument("expected upper_fen|max,rate_bp");
        rows.push_back(
            {f[0] == "max" ? no_upper_bound_fen : parse_number<fen>(f[0]), parse_number<int>(f[1])});
    }
    static std::optional<std::string> weakens(rule_parameter const& p, rule_set const& b, rule_set const& l) {
        auto const &nat = p.get<value_type>(b), &loc = p.get<value_type>(l);
        if (nat == loc) return std::nullopt;
        std::string a, c;
        for (auto const& x : loc)
            a += (a.empty() ? "" : "; ") + text(x);
        for (auto const& x : nat)
            c += (c.empty() ? "" : "; ") + text(x);
        return "[" + a + "] against [" + c + "]";
    }
};

template <class Kind>
constexpr rule_parameter make_parameter(std::string_view key, std::string_view rule,
                                        void* (*field)(rule_set&),
                                        std::type_identity<typename Kind::value_type>) {
    return rule_parameter{key,   rule,         Kind::tightening, Kind::table,
                          field, &Kind::write, &Kind::read,      &Kind::weakens};
}

// The member's declared type must be the kind's value type (checked by make_parameter's last argument).
#define DANGYUAN_PARAM(kind, key, rule, member)                                \
    ::dangyuan::detail::make_parameter<kind>(                                  \
        key, rule, [](::dangyuan::rule_set& r) -> void* { return &r.member; }, \
        std::type_identity<std::remove_cvref_t<decltype(std::declval<::dangyuan::rule_set&>().member)>>{})

using sw = stricter_when;
template <sw D>
using num = number<int, D>;
template <sw D>
using fen_num = number<fen, D>;
using month_of_year = number<unsigned, sw::free>;
using month_of_year_lower = number<unsigned, sw::lower>;
using rounding_choice = choice<dues_rounding, true>;
using back_payment_choice = choice<back_payment_policy, false, back_payment_policy::refuse>;

/// Every parameter of `rule_set`, in the order of the text form.
inline constexpr std::array rule_parameters{
    // --- organisations (支部工作条例 2018)
    DANGYUAN_PARAM(num<sw::higher>, "branch_min_full_members", "org.branch_min_3_full",
                   branch_min_full_members),
    DANGYUAN_PARAM(num<sw::lower>, "branch_max_members_advisory", "org.branch_max_50",
                   branch_max_members_advisory),
    DANGYUAN_PARAM(num<sw::fixed>, "committee_threshold_full_members", "org.committee_threshold_7",
                   committee_threshold_full_members),
    DANGYUAN_PARAM(num<sw::fixed>, "committee_min_size", "org.committee_size", committee_min_size),
    DANGYUAN_PARAM(num<sw::fixed>, "committee_max_size", "org.committee_size", committee_max_size),
    DANGYUAN_PARAM(num<sw::fixed>, "term_years_branch", "org.term_length", term_years_branch),
    DANGYUAN_PARAM(num<sw::fixed>, "term_years_village_branch", "org.term_length", term_years_village_branch),
    DANGYUAN_PARAM(num<sw::fixed>, "term_years_committee_min", "org.term_length", term_years_committee_min),
    DANGYUAN_PARAM(num<sw::fixed>, "term_years_committee_max", "org.term_length", term_years_committee_max),
    DANGYUAN_PARAM(num<sw::free>, "term_expiry_notice_months", "org.term_expiry_notice",
                   term_expiry_notice_months),
    DANGYUAN_PARAM(num<sw::fixed>, "term_years_grassroots_committee", "org.term_default_by_kind",
                   term_years_grassroots_committee),
    DANGYUAN_PARAM(num<sw::fixed>, "term_years_general_branch", "org.term_default_by_kind",
                   term_years_general_branch),
    DANGYUAN_PARAM(num<sw::lower>, "general_branch_threshold_members", "org.general_branch_50",
                   general_branch_threshold_members),
    DANGYUAN_PARAM(num<sw::lower>, "grassroots_committee_threshold_members", "org.grassroots_committee_100",
                   grassroots_committee_threshold_members),
    DANGYUAN_PARAM(num<sw::lower>, "joint_branch_max_units", "org.joint_branch_max_5_units",
                   joint_branch_max_units),
    // --- members and standing
    DANGYUAN_PARAM(switch_<stricter_switch::either>, "party_age_excludes_suspension",
                   "standing.party_age_suspension", party_age_excludes_suspension),
    // --- development (发展党员)
    DANGYUAN_PARAM(num<sw::higher>, "dev.applicant_min_age", "dev.applicant_min_age_18",
                   development.applicant_min_age),
    DANGYUAN_PARAM(num<sw::lower>, "dev.talk_within_months", "dev.talk_within_1_month",
                   development.talk_within_months),
    DANGYUAN_PARAM(num<sw::higher>, "dev.activist_after_application_months", "dev.activist_after_application",
                   development.activist_after_application_months),
    DANGYUAN_PARAM(num<sw::higher>, "dev.contacts_min", "dev.contacts_1_to_2", development.contacts_min),
    DANGYUAN_PARAM(num<sw::lower>, "dev.contacts_max", "dev.contacts_1_to_2", development.contacts_max),
    DANGYUAN_PARAM(num<sw::lower>, "dev.assessment_every_months", "dev.half_year_assessment",
                   development.assessment_every_months),
    DANGYUAN_PARAM(num<sw::higher>, "dev.cultivation_min_months", "dev.activist_min_1_year",
                   development.cultivation_min_months),
    DANGYUAN_PARAM(num<sw::fixed>, "dev.introducers", "dev.two_introducers", development.introducers),
    DANGYUAN_PARAM(num<sw::higher>, "dev.training_min_days", "dev.training_3_days_or_24_hours",
                   development.training_min_days),
    DANGYUAN_PARAM(num<sw::higher>, "dev.training_min_hours", "dev.training_3_days_or_24_hours",
                   development.training_min_hours),
    DANGYUAN_PARAM(num<sw::higher>, "dev.leaving_window_months", "dev.leaving_within_3_months",
                   development.leaving_window_months),
    DANGYUAN_PARAM(num<sw::higher>, "dev.public_notice_working_days", "dev.public_notice",
                   development.public_notice_working_days),
    DANGYUAN_PARAM(switch_<stricter_switch::when_false>, "dev.public_notice_first_day_counts",
                   "dev.public_notice", development.public_notice_first_day_counts),
    DANGYUAN_PARAM(switch_<stricter_switch::when_true>, "dev.public_notice_before_activist",
                   "dev.public_notice", development.public_notice_before_activist),
    DANGYUAN_PARAM(switch_<stricter_switch::when_true>, "dev.public_notice_before_target",
                   "dev.public_notice", development.public_notice_before_target),
    DANGYUAN_PARAM(switch_<stricter_switch::when_true>, "dev.public_notice_before_admission",
                   "dev.public_notice", development.public_notice_before_admission),
    DANGYUAN_PARAM(switch_<stricter_switch::when_true>, "dev.public_notice_before_conversion",
                   "dev.public_notice", development.public_notice_before_conversion),
    DANGYUAN_PARAM(num<sw::limit_lower>, "dev.meeting_after_pre_review_months",
                   "dev.meeting_within_1_month_of_pre_review", development.meeting_after_pre_review_months),
    DANGYUAN_PARAM(num<sw::lower>, "dev.approval_within_months", "dev.approval_within_3_months",
                   development.approval_within_months),
    DANGYUAN_PARAM(num<sw::lower>, "dev.approval_extended_max_months", "dev.approval_within_3_months",
                   development.approval_extended_max_months),
    DANGYUAN_PARAM(num<sw::limit_lower>, "dev.oath_after_approval_months", "dev.oath_within_1_month",
                   development.oath_after_approval_months),
    DANGYUAN_PARAM(num<sw::fixed>, "dev.probation_months", "dev.probation_1_year",
                   development.probation_months),
    DANGYUAN_PARAM(num<sw::fixed>, "dev.extension_min_months", "dev.extension_6_to_12_months",
                   development.extension_min_months),
    DANGYUAN_PARAM(num<sw::fixed>, "dev.extension_max_months", "dev.extension_6_to_12_months",
                   development.extension_max_months),
    DANGYUAN_PARAM(num<sw::lower>, "dev.conversion_application_ahead_months",
                   "dev.conversion_application_at_probation_end",
                   development.conversion_application_ahead_months),
    DANGYUAN_PARAM(num<sw::lower>, "dev.conversion_prompt_months", "dev.conversion_discussed_promptly",
                   development.conversion_prompt_months),
    DANGYUAN_PARAM(num<sw::lower>, "dev.conversion_postpone_max_months",
                   "dev.conversion_postponed_transferred_in", development.conversion_postpone_max_months),
    DANGYUAN_PARAM(num<sw::lower>, "dev.conversion_approval_months",
                   "dev.conversion_approval_within_3_months", development.conversion_approval_months),
    DANGYUAN_PARAM(num<sw::lower>, "dev.conversion_approval_extended_max_months",
                   "dev.conversion_approval_within_3_months",
                   development.conversion_approval_extended_max_months),
    DANGYUAN_PARAM(num<sw::free>, "dev.notice_ahead_months", "dev.talk_within_1_month",
                   development.notice_ahead_months),
    // --- mobility, certificates, transfers, lost contact
    DANGYUAN_PARAM(num<sw::lower>, "mob.mobile_after_months", "mobility.mobile_member_6_months",
                   mobility.mobile_after_months),
    DANGYUAN_PARAM(num<sw::lower>, "mob.transfer_after_months", "mobility.transfer_fixed_place_6_months",
                   mobility.transfer_after_months),
    DANGYUAN_PARAM(num<sw::lower>, "mob.yearly_report_interval_months", "mobility.yearly_report",
                   mobility.yearly_report_interval_months),
    DANGYUAN_PARAM(num<sw::free>, "mob.mobility_notice_months", "mobility.mobile_member_6_months",
                   mobility.mobility_notice_months),
    DANGYUAN_PARAM(num<sw::lower>, "mob.temporary_org_min_members", "mobility.temporary_branch_3",
                   mobility.temporary_org_min_members),
    DANGYUAN_PARAM(num<sw::lower>, "mob.certificate_review_interval_months", "certificate.annual_review",
                   mobility.certificate_review_interval_months),
    DANGYUAN_PARAM(num<sw::free>, "mob.certificate_review_notice_months", "certificate.annual_review",
                   mobility.certificate_review_notice_months),
    DANGYUAN_PARAM(optional_limit, "mob.certificate_validity_months", "certificate.validity",
                   mobility.certificate_validity_months),
    DANGYUAN_PARAM(free_text, "mob.certificate_number_prefix", "certificate.unique_number",
                   mobility.certificate_number_prefix),
    DANGYUAN_PARAM(num<sw::free>, "mob.certificate_number_digits", "certificate.unique_number",
                   mobility.certificate_number_digits),
    DANGYUAN_PARAM(num<sw::lower>, "mob.transfer_letter_validity_days", "transfer.letter_validity",
                   mobility.transfer_letter_validity_days),
    DANGYUAN_PARAM(num<sw::fixed>, "mob.lost_contact_suspend_months", "lostcontact.suspend_after_6_months",
                   mobility.lost_contact_suspend_months),
    DANGYUAN_PARAM(num<sw::fixed>, "mob.suspended_removal_years", "lostcontact.removal_after_2_years",
                   mobility.suspended_removal_years),
    DANGYUAN_PARAM(num<sw::fixed>, "mob.self_withdrawal_months", "lostcontact.self_withdrawal_6_months",
                   mobility.self_withdrawal_months),
    DANGYUAN_PARAM(num<sw::free>, "mob.lost_contact_notice_months", "lostcontact.suspend_after_6_months",
                   mobility.lost_contact_notice_months),
    DANGYUAN_PARAM(num<sw::lower>, "mob.abroad_suspend_years", "abroad.suspend_emigrated_or_5_years",
                   mobility.abroad_suspend_years),
    DANGYUAN_PARAM(num<sw::lower>, "mob.abroad_contact_interval_months", "abroad.contact_half_yearly",
                   mobility.abroad_contact_interval_months),
    DANGYUAN_PARAM(num<sw::lower>, "mob.graduate_relationship_max_years",
                   "abroad.graduate_relationship_2_years", mobility.graduate_relationship_max_years),
    // --- democratic evaluation and disposition
    DANGYUAN_PARAM(share_lower, "eval.excellent_share_max", "eval.excellent_share_cap",
                   evaluation.excellent_share_max),
    DANGYUAN_PARAM(switch_<stricter_switch::when_true>, "eval.excellent_cap_hard", "eval.excellent_share_cap",
                   evaluation.excellent_cap_hard),
    DANGYUAN_PARAM(switch_<stricter_switch::either>, "eval.keep_ballot_identity",
                   "eval.one_ballot_per_evaluator", evaluation.keep_ballot_identity),
    DANGYUAN_PARAM(num<sw::higher>, "eval.exemption_absence_months", "eval.exemption_absence_over_6_months",
                   evaluation.exemption_absence_months),
    DANGYUAN_PARAM(num<sw::free>, "eval.correction_months_default", "disposition.correction_period",
                   evaluation.correction_months_default),
    DANGYUAN_PARAM(num<sw::lower>, "eval.correction_months_max", "disposition.correction_period",
                   evaluation.correction_months_max),
    DANGYUAN_PARAM(num<sw::higher>, "eval.disposition_talkers_min", "disposition.talk_two_full_members",
                   evaluation.disposition_talkers_min),
    DANGYUAN_PARAM(num<sw::higher>, "eval.readmission_bar_years", "disposition.readmission_bar_5_years",
                   evaluation.readmission_bar_years),
    DANGYUAN_PARAM(num<sw::free>, "eval.correction_review_notice_months",
                   "disposition.correction_review_notice", evaluation.correction_review_notice_months),
    DANGYUAN_PARAM(month_of_year_lower, "eval.yearly_evaluation_from_month", "eval.yearly",
                   evaluation.yearly_evaluation_from_month),
    DANGYUAN_PARAM(num<sw::limit_lower>, "eval.party_spirit_analysis_months",
                   "eval.party_spirit_analysis_periodic", evaluation.party_spirit_analysis_months),
    // --- organisational life, training, dues
    DANGYUAN_PARAM(cadence_table, "life.cadence", "life.general_meeting_quarterly", life.cadence),
    DANGYUAN_PARAM(training_table, "life.training", "training.member_32_hours", life.training),
    DANGYUAN_PARAM(switch_<stricter_switch::when_false>, "life.training_prorate_joiners",
                   "training.mid_year_joiner", life.training_prorate_joiners),
    DANGYUAN_PARAM(month_of_year, "life.training_notice_month", "training.q4_notice",
                   life.training_notice_month),
    DANGYUAN_PARAM(num<sw::higher>, "life.secretary_rotations_per_year", "training.secretary_rotation_yearly",
                   life.secretary_rotations_per_year),
    DANGYUAN_PARAM(num<sw::lower>, "life.new_secretary_training_months", "training.new_secretary_6_months",
                   life.new_secretary_training_months),
    DANGYUAN_PARAM(num<sw::higher>, "life.new_member_higher_trainings", "training.new_member_higher_level",
                   life.new_member_higher_trainings),
    DANGYUAN_PARAM(num<sw::fixed>, "life.new_member_full_years", "training.new_member_higher_level",
                   life.new_member_full_years),
    DANGYUAN_PARAM(num<sw::free>, "life.new_member_training_notice_months",
                   "training.new_member_higher_level", life.new_member_training_notice_months),
    DANGYUAN_PARAM(bracket_table, "life.salary_bracket", "dues.salary_brackets", life.salary_brackets),
    DANGYUAN_PARAM(bracket_table, "life.retiree_bracket", "dues.retiree_brackets", life.retiree_brackets),
    DANGYUAN_PARAM(farmer_amount, "life.farmer_monthly_fen", "dues.fixed_amounts", life.farmer_monthly_fen),
    DANGYUAN_PARAM(fen_num<sw::fixed>, "life.farmer_min_fen", "dues.fixed_amounts", life.farmer_min_fen),
    DANGYUAN_PARAM(fen_num<sw::fixed>, "life.farmer_max_fen", "dues.fixed_amounts", life.farmer_max_fen),
    DANGYUAN_PARAM(fen_num<sw::fixed>, "life.minimum_monthly_fen", "dues.fixed_amounts",
                   life.minimum_monthly_fen),
    DANGYUAN_PARAM(rounding_choice, "life.dues_rounding", "dues.rounding", life.rounding),
    DANGYUAN_PARAM(fen_num<sw::fixed>, "life.voluntary_centre_threshold_fen", "dues.voluntary_to_centre",
                   life.voluntary_centre_threshold_fen),
    DANGYUAN_PARAM(num<sw::lower>, "life.back_payment_max_months", "dues.back_payment_6_months",
                   life.back_payment_max_months),
    DANGYUAN_PARAM(back_payment_choice, "life.back_payment", "dues.back_payment_6_months", life.back_payment),
    // --- village decisions (四议两公开)
    DANGYUAN_PARAM(num<sw::limit_lower>, "decision.resolution_public_within_days",
                   "decision.resolution_public_within_days", decision.resolution_public_within_days),
    DANGYUAN_PARAM(num<sw::limit_lower>, "decision.result_public_within_days",
                   "decision.result_public_within_days", decision.result_public_within_days),
    // --- in-service members in the community (在职党员进社区)
    DANGYUAN_PARAM(num<sw::higher>, "community.min_service_hours_yearly", "community.service_yearly",
                   community.min_service_hours_yearly),
    DANGYUAN_PARAM(num<sw::limit_lower>, "community.feedback_by_month", "community.feedback_yearly",
                   community.feedback_by_month),
    DANGYUAN_PARAM(num<sw::free>, "community.notice_months", "community.feedback_yearly",
                   community.notice_months),
    // --- model posts and commendations (党员示范岗, 两优一先)
    DANGYUAN_PARAM(num<sw::limit_lower>, "model_post.review_months", "honours.post_review_due",
                   honours.model_post_review_months),
    // --- party-building appraisal and accountability (述职评议考核, 问责)
    DANGYUAN_PARAM(num<sw::limit_lower>, "appraisal.report_by_month", "appraisal.report_by_deadline",
                   appraisal.report_by_month),
    DANGYUAN_PARAM(num<sw::lower>, "appraisal.rectify_months", "appraisal.rectify_deadline",
                   appraisal.rectify_months),
    DANGYUAN_PARAM(num<sw::limit_lower>, "appraisal.followup_days", "appraisal.followup_poor",
                   appraisal.followup_days),
    DANGYUAN_PARAM(num<sw::higher>, "appraisal.min_satisfaction_percent", "appraisal.followup_poor",
                   appraisal.min_satisfaction_percent),
    DANGYUAN_PARAM(num<sw::free>, "appraisal.notice_months", "appraisal.report_by_deadline",
                   appraisal.notice_months),
    // --- rectification of weak organisations (软弱涣散党组织, 后进社区整顿)
    DANGYUAN_PARAM(num<sw::limit_lower>, "rectification.max_months", "rectification.within_max_months",
                   rectification.max_months),
    DANGYUAN_PARAM(num<sw::limit_lower>, "rectification.contacts_days", "rectification.contacts_assigned",
                   rectification.contacts_days),
    // --- coverage of units (两新组织党建覆盖)
    DANGYUAN_PARAM(num<sw::limit_lower>, "coverage.establish_months", "coverage.establish_within_months",
                   coverage.establish_months),
    DANGYUAN_PARAM(num<sw::free>, "coverage.notice_months", "coverage.establish_within_months",
                   coverage.notice_months),
};
#undef DANGYUAN_PARAM

/// Keys of earlier versions of the text form, read as aliases of a current key. Where the current
/// parameter merged two earlier ones, the stricter value wins.
struct legacy_key {
    std::string_view old_key;
    std::string_view key;
};
inline constexpr std::array legacy_keys{
    legacy_key{"min_age_years", "dev.applicant_min_age"},                   // rule_set::min_age_years
    legacy_key{"dev.readmission_bar_years", "eval.readmission_bar_years"},  // development_params
    legacy_key{"life.unpaid_streak_months", "mob.self_withdrawal_months"},  // life_params
};

[[nodiscard]] inline rule_parameter const* find_parameter(std::string_view key) {
    for (auto const& p : rule_parameters)
        if (p.key == key) return &p;
    return nullptr;
}

}  // namespace detail

/// Number of parameters in the table (each field of `rule_set` and its blocks is one parameter,
/// a table field too).
inline constexpr std::size_t rule_parameter_count = detail::rule_parameters.size();

/// Fields of `rule_set` that are not parameters: the name (presentation) and the parameter blocks.
inline constexpr std::array<std::string_view, 11> rule_set_presentation_fields{
    "name",      "development", "mobility",  "evaluation",    "life",    "decision",
    "community", "honours",     "appraisal", "rectification", "coverage"};

/// The rule and the allowed change of the parameter with text key `key`, or nothing for an unknown key.
[[nodiscard]] inline std::optional<std::pair<std::string_view, std::string_view>> rule_parameter_info(
    std::string_view key) {
    if (auto const* p = detail::find_parameter(key)) return std::pair{p->rule_id, p->tightening};
    return std::nullopt;
}

/// Checks that `profile` only tightens `base` (normally the national set): every parameter of the table,
/// numbers, switches, limits, enumerations, the excellent share and the tables (cadence rows may be
/// added or tightened, not removed or loosened; training requirements raised, not lowered or removed;
/// dues brackets national).
/// \throws rule_violation rules.profile_cannot_weaken naming the first parameter that weakens a rule and
///         its rule id.
inline void check_tightens(rule_set const& base, rule_set const& profile) {
    for (auto const& p : detail::rule_parameters)
        if (auto const why = p.weakens(p, base, profile))
            throw violation("rules.profile_cannot_weaken",
                            "profile '" + profile.name + "' sets " + std::string(p.key) + " = " + *why +
                                " in '" + base.name + "' (rule " + std::string(p.rule_id) + "; " +
                                std::string(p.tightening) + ")");
}

/// Checks a profile to register: the national set under its own name only unchanged, any other name only
/// tightening the national set.
/// \throws rule_violation rules.profile_cannot_weaken.
inline void check_profile(rule_set const& profile) {
    if (profile.name == rule_set::national_2014().name) {
        if (!(profile == rule_set::national_2014()))
            throw violation("rules.profile_cannot_weaken", "the national rule set cannot be redefined");
        return;
    }
    check_tightens(rule_set::national_2014(), profile);
}

/// A profile derived from the national baseline by `change`, checked with `check_tightens`.
/// \throws invalid_input{"name"} for an empty or national name; rule_violation when it weakens a rule.
inline rule_set make_profile(std::string name, std::function<void(rule_set&)> const& change) {
    if (name.empty() || name == rule_set::national_2014().name)
        throw invalid_input("name", "a local profile needs its own name, got '" + name + "'");
    auto r = rule_set::national_2014();
    r.name = std::move(name);
    change(r);
    check_tightens(rule_set::national_2014(), r);
    return r;
}

/// An example local profile as many provinces practise it [L]: public notice of 5 working days before
/// listing a development target and before admission, branch meeting within 1 month of the pre-review,
/// oath within 1 month of approval.
[[nodiscard]] inline rule_set local_profile_example() {
    return make_profile("local-5wd", [](rule_set& r) {
        r.development.public_notice_working_days = 5;
        r.development.meeting_after_pre_review_months = 1;
        r.development.oath_after_approval_months = 1;
    });
}

/// The text form of a rule set: `name=...` then every parameter of the table, in its order (see the
/// file comment). `rule_set_from_text(to_text(r)) == r` for every rule set whose name and free text hold
/// no line break.
[[nodiscard]] inline std::string to_text(rule_set const& rules) {
    std::string out = "name=" + rules.name + "\n";
    for (auto const& p : detail::rule_parameters)
        p.write(p, rules, out);
    return out;
}

/// Parses the text form; parameters not mentioned keep their national values. Keys of earlier versions
/// are accepted (`detail::legacy_keys`), as are the parts `eval.excellent_share_numerator` and
/// `eval.excellent_share_denominator` of the excellent share.
/// \throws invalid_input{"rule_set"} naming the line for unknown keys, bad values, or a key other than a
///         table's given twice.
[[nodiscard]] inline rule_set rule_set_from_text(std::string_view text) {
    auto r = rule_set::national_2014();
    std::istringstream in{std::string(text)};
    int line_no = 0;
    std::set<std::string, std::less<>> seen;
    struct pending_alias {
        detail::rule_parameter const* p;
        std::string value, line;
        int line_no;
    };
    std::vector<pending_alias> aliases;
    auto bad_at = [](int n, std::string const& line, std::string const& why) {
        return invalid_input("rule_set", "line " + std::to_string(n) + " '" + line + "': " + why);
    };
    for (std::string line; std::getline(in, line);) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) continue;
        auto const eq = line.find('=');
        if (eq == std::string::npos) throw bad_at(line_no, line, "expected key=value");
        auto const key = line.substr(0, eq);
        auto const value = std::string_view(line).substr(eq + 1);
        if (key == "name") {
            if (!seen.insert(key).second) throw bad_at(line_no, line, "given twice");
            r.name = std::string(value);
            continue;
        }
        if (key == "eval.excellent_share_numerator" || key == "eval.excellent_share_denominator") {
            // Earlier versions wrote the share in two lines.
            if (!seen.insert(key).second) throw bad_at(line_no, line, "given twice");
            try {
                auto const v = detail::parse_number<int>(value);
                (key == "eval.excellent_share_numerator" ? r.evaluation.excellent_share_max.numerator
                                                         : r.evaluation.excellent_share_max.denominator) = v;
            } catch (std::invalid_argument const& e) {
                throw bad_at(line_no, line, e.what());
            }
            continue;
        }
        auto const* p = detail::find_parameter(key);
        if (!p) {
            for (auto const& l : detail::legacy_keys)
                if (l.old_key == key) {
                    if (!seen.insert(key).second) throw bad_at(line_no, line, "given twice");
                    aliases.push_back({detail::find_parameter(l.key), std::string(value), line, line_no});
                    break;
                }
            if (!aliases.empty() && aliases.back().line_no == line_no) continue;
            throw bad_at(line_no, line, "unknown parameter");
        }
        bool const first = seen.insert(key).second;
        if (!first && !p->table) throw bad_at(line_no, line, "given twice");
        try {
            p->read(*p, r, value, first);
        } catch (std::invalid_argument const& e) {
            throw bad_at(line_no, line, e.what());
        }
    }
    // Aliases of merged parameters: keep the stricter of the alias and the current key.
    for (auto const& a : aliases) {
        auto with_alias = r;
        try {
            a.p->read(*a.p, with_alias, a.value, true);
        } catch (std::invalid_argument const& e) {
            throw bad_at(a.line_no, a.line, e.what());
        }
        if (!seen.count(a.p->key) || a.p->weakens(*a.p, with_alias, r)) r = std::move(with_alias);
    }
    return r;
}

}  // namespace dangyuan
