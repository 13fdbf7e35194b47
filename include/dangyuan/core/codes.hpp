#pragma once
/// \file
/// Standard code tables (代码表) for party-member records: sex (性别, GB/T 2261.1-2003), ethnicity
/// (民族, GB/T 3304-1991), education (学历, GB/T 4658-2006), personnel category (人员类别, the buckets of
/// the 中国共产党党内统计公报) and political status (政治面貌, GB/T 4762-1984).
///
/// Every enumeration has the same helpers:
///
/// * `code(e)`: the official code as a string (`"01"`), the form to store and exchange;
/// * `chinese_name(e)`: the current Chinese name (UTF-8), the form to display and export;
/// * `english_name(e)`: an English label;
/// * `parse_<type>(text)`: accepts the code, the Chinese name or a listed alias and throws
///   `dangyuan::invalid_input` naming the field and the value otherwise;
/// * `all_<types>()`: every value, in code order, for iteration (pick lists, round-trip checks);
/// * `parse_code<E>(text)`: `parse_<type>` for a type given as a template argument.
///
/// The tables share one implementation (`detail::code_table`): each table is data only, its rows and
/// its input aliases.
///
/// The underlying integer of each enumerator is its numeric code, so `static_cast<int>(e)` is the code
/// as stored by systems that keep codes as integers.
///
/// Parsing rules shared by every `parse_<type>`:
///
/// * A text made only of ASCII digits is read as an integer and matched against the numeric codes, so
///   `"1"`, `"01"` and `"001"` all mean code 01 (systems that store codes as integers drop the zero).
/// * Otherwise the text must equal the Chinese name or one of the aliases listed on the enumeration;
///   ASCII names (English labels, alphabetic codes) are matched ignoring ASCII case.
/// * Surrounding whitespace is **not** trimmed: `"汉族 "` is rejected. Trim fields when reading a file.
/// * Aliases are accepted on input only; `chinese_name` always returns the current name.

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "dangyuan/core/errors.hpp"

namespace dangyuan {

namespace detail {

/// Quotes a caller-supplied value for an error message: `'value'`, cut to at most 80 bytes (on a UTF-8
/// character boundary) with a trailing ellipsis when longer.
inline std::string codes_quote(std::string_view value) {
    constexpr std::size_t max_bytes = 80;
    std::string out = "'";
    if (value.size() <= max_bytes) {
        out.append(value);
    } else {
        std::size_t cut = max_bytes;
        while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0U) == 0x80U)
            --cut;
        out.append(value.substr(0, cut));
        out.append("…");
    }
    out += '\'';
    return out;
}

constexpr char codes_ascii_lower(char c) noexcept {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

/// Equality ignoring ASCII case (bytes outside A–Z compare exactly).
constexpr bool codes_iequal(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (codes_ascii_lower(a[i]) != codes_ascii_lower(b[i])) return false;
    }
    return true;
}

/// Reads a text made only of ASCII digits as an integer; -1 when the text is empty, holds anything
/// else, or exceeds 9999 (no code table has codes that large).
constexpr int codes_read_int(std::string_view text) noexcept {
    if (text.empty()) return -1;
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return -1;
        value = value * 10 + (c - '0');
        if (value > 9999) return -1;
    }
    return value;
}

/// An input-only alternative spelling of a value.
template <class E>
struct code_alias {
    std::string_view text;
    E value;
};

/// One row of a code table: the enumerator, its official code, Chinese name and English label.
template <class E>
struct code_row {
    E value{};
    std::string_view code;
    std::string_view chinese;
    std::string_view english;
    std::string_view alpha;  ///< alphabetic code (GB/T 3304 ethnicities); empty in the other tables

    constexpr code_row() noexcept = default;
    constexpr code_row(E v, std::string_view c, std::string_view zh, std::string_view en,
                       std::string_view alphabetic = {}) noexcept
        : value(v), code(c), chinese(zh), english(en), alpha(alphabetic) {}
};

/// A code table: its rows in code order, its input aliases, and the field and noun that name a value
/// in error messages. Every table of this header is one `inline constexpr` instance.
template <class E, std::size_t N, std::size_t A>
struct code_table {
    std::array<code_row<E>, N> rows{};
    std::array<code_alias<E>, A> aliases{};
    std::array<E, N> values{};  ///< the enumerators, in table order
    std::string_view field;     ///< the field of invalid_input, e.g. "personnel_category"
    std::string_view what;      ///< the noun of the message, e.g. "personnel category"
    std::string_view suffix;    ///< a suffix of Chinese names that input may leave out (族); or empty

    /// The row of `value`, or nullptr when `value` is not an enumerator listed in the table.
    [[nodiscard]] constexpr code_row<E> const* row_of(E value) const noexcept {
        for (auto const& row : rows) {
            if (row.value == value) return &row;
        }
        return nullptr;
    }
    [[nodiscard]] constexpr std::string_view code(E value) const noexcept {
        auto const* row = row_of(value);
        return row ? row->code : std::string_view{};
    }
    [[nodiscard]] constexpr std::string_view chinese(E value) const noexcept {
        auto const* row = row_of(value);
        return row ? row->chinese : std::string_view{};
    }
    [[nodiscard]] constexpr std::string_view english(E value) const noexcept {
        auto const* row = row_of(value);
        return row ? row->english : std::string_view{};
    }
    [[nodiscard]] constexpr std::string_view alpha(E value) const noexcept {
        auto const* row = row_of(value);
        return row ? row->alpha : std::string_view{};
    }

    /// The common parse: alphabetic code (ASCII case ignored) or Chinese name without `suffix`, integer
    /// code, Chinese name, alias, English label (ASCII case ignored), in that order. \throws invalid_input
    /// naming `field`: "unknown <what> '<text>'".
    [[nodiscard]] E parse(std::string_view text) const {
        // Digits can only be a numeric code (alphabetic codes and names hold none): looked up first, as
        // stores and exchange files hold codes.
        int const n = codes_read_int(text);
        if (n >= 0) {
            for (auto const& row : rows) {
                if (static_cast<int>(row.value) == n) return row.value;
            }
        }
        for (auto const& row : rows) {  // alphabetic codes and names without the suffix
            if (!row.alpha.empty() && codes_iequal(row.alpha, text)) return row.value;
            if (!suffix.empty() && !text.empty() && row.chinese.ends_with(suffix) &&
                text == row.chinese.substr(0, row.chinese.size() - suffix.size()))
                return row.value;
        }
        for (auto const& row : rows) {
            if (row.chinese == text) return row.value;
        }
        for (auto const& alias : aliases) {
            if (codes_iequal(alias.text, text)) return alias.value;
        }
        for (auto const& row : rows) {
            if (codes_iequal(row.english, text)) return row.value;
        }
        throw invalid_input(std::string(field), "unknown " + std::string(what) + " " + codes_quote(text));
    }

    /// True when the code strings read as the enumerators' underlying integers, every enumerator, code
    /// and Chinese name appears once, and the codes increase (so `values` is in code order).
    [[nodiscard]] constexpr bool consistent() const noexcept {
        for (std::size_t i = 0; i < N; ++i) {
            if (codes_read_int(rows[i].code) != static_cast<int>(rows[i].value)) return false;
            if (i > 0 && static_cast<int>(rows[i - 1].value) >= static_cast<int>(rows[i].value)) return false;
            for (std::size_t j = i + 1; j < N; ++j) {
                if (rows[i].value == rows[j].value || rows[i].code == rows[j].code) return false;
                if (rows[i].chinese == rows[j].chinese) return false;
            }
        }
        return true;
    }
};

/// Builds a code table from its rows and aliases (array sizes deduced).
template <class E, std::size_t N, std::size_t A>
constexpr code_table<E, N, A> make_code_table(code_row<E> const (&rows)[N], code_alias<E> const (&aliases)[A],
                                              std::string_view field, std::string_view what,
                                              std::string_view suffix = {}) {
    code_table<E, N, A> table{};
    for (std::size_t i = 0; i < N; ++i) {
        table.rows[i] = rows[i];
        table.values[i] = rows[i].value;
    }
    for (std::size_t i = 0; i < A; ++i)
        table.aliases[i] = aliases[i];
    table.field = field;
    table.what = what;
    table.suffix = suffix;
    return table;
}

}  // namespace detail

// ---------------------------------------------------------------------------------------------------
// 性别 — GB/T 2261.1-2003 《人的性别代码》
// ---------------------------------------------------------------------------------------------------

/// Sex (性别) per GB/T 2261.1-2003. The codes are single digits.
///
/// Parse aliases: 男 / 女 / 未知 / 未说明 besides the standard names 男性 / 女性 / 未知的性别 / 未说明的性别.
enum class sex : int {
    unknown = 0,   ///< 0 未知的性别: not known.
    male = 1,      ///< 1 男性.
    female = 2,    ///< 2 女性.
    unstated = 9,  ///< 9 未说明的性别: known but not recorded.
};

namespace detail {

inline constexpr auto sex_codes = make_code_table<sex>(
    {
        {sex::unknown, "0", "未知的性别", "unknown"},
        {sex::male, "1", "男性", "male"},
        {sex::female, "2", "女性", "female"},
        {sex::unstated, "9", "未说明的性别", "unstated"},
    },
    {
        {"男", sex::male},
        {"女", sex::female},
        {"未知", sex::unknown},
        {"未说明", sex::unstated},
    },
    "sex", "sex");

static_assert(sex_codes.consistent());

}  // namespace detail

/// Parses a sex from its code (`"1"`, also `"01"`), Chinese name or alias (`"男"`, `"男性"`) or English
/// label (`"male"`, any ASCII case).
/// \throws invalid_input with field `"sex"`, e.g. `"unknown sex '3'"`.
[[nodiscard]] inline sex parse_sex(std::string_view text) {
    return detail::sex_codes.parse(text);
}

/// Every sex code, in code order.
[[nodiscard]] constexpr std::span<sex const> all_sexes() noexcept {
    return detail::sex_codes.values;
}

// ---------------------------------------------------------------------------------------------------
// 民族 — GB/T 3304-1991 《中国各民族名称的罗马字母拼写法和代码》
// ---------------------------------------------------------------------------------------------------

/// Ethnicity (民族) per GB/T 3304-1991: the 56 groups, codes 01–56, each with a romanised name and a
/// two-letter alphabetic code; enumerators are named after the romanisation.
///
/// Codes 97 (其他) and 98 (外国血统中国籍人士) are a **sector extension**: widely used in education and
/// personnel data, but not in the table of the standard (`is_sector_extension` is true for them).
///
/// Parse accepts the numeric code (`"1"`, `"01"`), the Chinese name with or without the final 族
/// (`"汉族"`, `"汉"`), the romanisation and the alphabetic code (ASCII case ignored: `"Han"`, `"HA"`),
/// the foreign-facing English names Korean (朝鲜族) and Tibetan (藏族), and these import aliases:
/// 崩龙族 → 德昂族 and 毛难族 → 毛南族 (names before the renames), 傈傈族 → 傈僳族 and 达翰尔族 → 达斡尔族
/// (misspellings seen in data), 外国血统 / 外国人入中国籍 → 98, 其他未识别民族 → 97.
enum class ethnicity : int {
    han = 1,              ///< 01 汉族 Han (HA).
    mongol = 2,           ///< 02 蒙古族 Mongol (MG).
    hui = 3,              ///< 03 回族 Hui (HU).
    zang = 4,             ///< 04 藏族 Zang (ZA); Tibetan in foreign-facing use.
    uygur = 5,            ///< 05 维吾尔族 Uygur (UG).
    miao = 6,             ///< 06 苗族 Miao (MH).
    yi = 7,               ///< 07 彝族 Yi (YI).
    zhuang = 8,           ///< 08 壮族 Zhuang (ZH).
    buyei = 9,            ///< 09 布依族 Buyei (BY).
    chosen = 10,          ///< 10 朝鲜族 Chosen (CS); Korean in foreign-facing use.
    man = 11,             ///< 11 满族 Man (MA).
    dong = 12,            ///< 12 侗族 Dong (DO).
    yao = 13,             ///< 13 瑶族 Yao (YA).
    bai = 14,             ///< 14 白族 Bai (BA).
    tujia = 15,           ///< 15 土家族 Tujia (TJ).
    hani = 16,            ///< 16 哈尼族 Hani (HN).
    kazak = 17,           ///< 17 哈萨克族 Kazak (KZ).
    dai = 18,             ///< 18 傣族 Dai (DA).
    li = 19,              ///< 19 黎族 Li (LI).
    lisu = 20,            ///< 20 傈僳族 Lisu (LS).
    va = 21,              ///< 21 佤族 Va (VA).
    she = 22,             ///< 22 畲族 She (SH).
    gaoshan = 23,         ///< 23 高山族 Gaoshan (GS).
    lahu = 24,            ///< 24 拉祜族 Lahu (LH).
    sui = 25,             ///< 25 水族 Sui (SU).
    dongxiang = 26,       ///< 26 东乡族 Dongxiang (DX).
    naxi = 27,            ///< 27 纳西族 Naxi (NX).
    jingpo = 28,          ///< 28 景颇族 Jingpo (JP).
    kirgiz = 29,          ///< 29 柯尔克孜族 Kirgiz (KG).
    tu = 30,              ///< 30 土族 Tu (TU).
    daur = 31,            ///< 31 达斡尔族 Daur (DU).
    mulao = 32,           ///< 32 仫佬族 Mulao (ML).
    qiang = 33,           ///< 33 羌族 Qiang (QI).
    blang = 34,           ///< 34 布朗族 Blang (BL).
    salar = 35,           ///< 35 撒拉族 Salar (SL).
    maonan = 36,          ///< 36 毛南族 Maonan (MN); formerly written 毛难族.
    gelao = 37,           ///< 37 仡佬族 Gelao (GL).
    xibe = 38,            ///< 38 锡伯族 Xibe (XB).
    achang = 39,          ///< 39 阿昌族 Achang (AC).
    pumi = 40,            ///< 40 普米族 Pumi (PM).
    tajik = 41,           ///< 41 塔吉克族 Tajik (TA).
    nu = 42,              ///< 42 怒族 Nu (NU).
    uzbek = 43,           ///< 43 乌孜别克族 Uzbek (UZ).
    russ = 44,            ///< 44 俄罗斯族 Russ (RS).
    ewenki = 45,          ///< 45 鄂温克族 Ewenki (EW).
    deang = 46,           ///< 46 德昂族 Deang (DE); formerly 崩龙族.
    bonan = 47,           ///< 47 保安族 Bonan (BN).
    yugur = 48,           ///< 48 裕固族 Yugur (YG).
    gin = 49,             ///< 49 京族 Gin (GI).
    tatar = 50,           ///< 50 塔塔尔族 Tatar (TT).
    derung = 51,          ///< 51 独龙族 Derung (DR).
    oroqen = 52,          ///< 52 鄂伦春族 Oroqen (OR).
    hezhen = 53,          ///< 53 赫哲族 Hezhen (HZ).
    monba = 54,           ///< 54 门巴族 Monba (MB).
    lhoba = 55,           ///< 55 珞巴族 Lhoba (LB).
    jino = 56,            ///< 56 基诺族 Jino (JN).
    other = 97,           ///< 97 其他 (incl. unidentified groups). Sector extension, not in GB/T 3304.
    foreign_origin = 98,  ///< 98 外国血统中国籍人士 (citizens of foreign descent). Sector extension.
};

namespace detail {

inline constexpr auto ethnicity_codes = make_code_table<ethnicity>(
    {
        {ethnicity::han, "01", "汉族", "Han", "HA"},
        {ethnicity::mongol, "02", "蒙古族", "Mongol", "MG"},
        {ethnicity::hui, "03", "回族", "Hui", "HU"},
        {ethnicity::zang, "04", "藏族", "Zang", "ZA"},
        {ethnicity::uygur, "05", "维吾尔族", "Uygur", "UG"},
        {ethnicity::miao, "06", "苗族", "Miao", "MH"},
        {ethnicity::yi, "07", "彝族", "Yi", "YI"},
        {ethnicity::zhuang, "08", "壮族", "Zhuang", "ZH"},
        {ethnicity::buyei, "09", "布依族", "Buyei", "BY"},
        {ethnicity::chosen, "10", "朝鲜族", "Chosen", "CS"},
        {ethnicity::man, "11", "满族", "Man", "MA"},
        {ethnicity::dong, "12", "侗族", "Dong", "DO"},
        {ethnicity::yao, "13", "瑶族", "Yao", "YA"},
        {ethnicity::bai, "14", "白族", "Bai", "BA"},
        {ethnicity::tujia, "15", "土家族", "Tujia", "TJ"},
        {ethnicity::hani, "16", "哈尼族", "Hani", "HN"},
        {ethnicity::kazak, "17", "哈萨克族", "Kazak", "KZ"},
        {ethnicity::dai, "18", "傣族", "Dai", "DA"},
        {ethnicity::li, "19", "黎族", "Li", "LI"},
        {ethnicity::lisu, "20", "傈僳族", "Lisu", "LS"},
        {ethnicity::va, "21", "佤族", "Va", "VA"},
        {ethnicity::she, "22", "畲族", "She", "SH"},
        {ethnicity::gaoshan, "23", "高山族", "Gaoshan", "GS"},
        {ethnicity::lahu, "24", "拉祜族", "Lahu", "LH"},
        {ethnicity::sui, "25", "水族", "Sui", "SU"},
        {ethnicity::dongxiang, "26", "东乡族", "Dongxiang", "DX"},
        {ethnicity::naxi, "27", "纳西族", "Naxi", "NX"},
        {ethnicity::jingpo, "28", "景颇族", "Jingpo", "JP"},
        {ethnicity::kirgiz, "29", "柯尔克孜族", "Kirgiz", "KG"},
        {ethnicity::tu, "30", "土族", "Tu", "TU"},
        {ethnicity::daur, "31", "达斡尔族", "Daur", "DU"},
        {ethnicity::mulao, "32", "仫佬族", "Mulao", "ML"},
        {ethnicity::qiang, "33", "羌族", "Qiang", "QI"},
        {ethnicity::blang, "34", "布朗族", "Blang", "BL"},
        {ethnicity::salar, "35", "撒拉族", "Salar", "SL"},
        {ethnicity::maonan, "36", "毛南族", "Maonan", "MN"},
        {ethnicity::gelao, "37", "仡佬族", "Gelao", "GL"},
        {ethnicity::xibe, "38", "锡伯族", "Xibe", "XB"},
        {ethnicity::achang, "39", "阿昌族", "Achang", "AC"},
        {ethnicity::pumi, "40", "普米族", "Pumi", "PM"},
        {ethnicity::tajik, "41", "塔吉克族", "Tajik", "TA"},
        {ethnicity::nu, "42", "怒族", "Nu", "NU"},
        {ethnicity::uzbek, "43", "乌孜别克族", "Uzbek", "UZ"},
        {ethnicity::russ, "44", "俄罗斯族", "Russ", "RS"},
        {ethnicity::ewenki, "45", "鄂温克族", "Ewenki", "EW"},
        {ethnicity::deang, "46", "德昂族", "Deang", "DE"},
        {ethnicity::bonan, "47", "保安族", "Bonan", "BN"},
        {ethnicity::yugur, "48", "裕固族", "Yugur", "YG"},
        {ethnicity::gin, "49", "京族", "Gin", "GI"},
        {ethnicity::tatar, "50", "塔塔尔族", "Tatar", "TT"},
        {ethnicity::derung, "51", "独龙族", "Derung", "DR"},
        {ethnicity::oroqen, "52", "鄂伦春族", "Oroqen", "OR"},
        {ethnicity::hezhen, "53", "赫哲族", "Hezhen", "HZ"},
        {ethnicity::monba, "54", "门巴族", "Monba", "MB"},
        {ethnicity::lhoba, "55", "珞巴族", "Lhoba", "LB"},
        {ethnicity::jino, "56", "基诺族", "Jino", "JN"},
        {ethnicity::other, "97", "其他", "Other", ""},
        {ethnicity::foreign_origin, "98", "外国血统中国籍人士", "Foreign origin", ""},
    },
    {
        {"崩龙族", ethnicity::deang},
        {"毛难族", ethnicity::maonan},
        {"傈傈族", ethnicity::lisu},
        {"达翰尔族", ethnicity::daur},
        {"外国血统", ethnicity::foreign_origin},
        {"外国人入中国籍", ethnicity::foreign_origin},
        {"其他未识别民族", ethnicity::other},
        {"Korean", ethnicity::chosen},
        {"Tibetan", ethnicity::zang},
    },
    "ethnicity", "ethnicity", "族");

static_assert(ethnicity_codes.consistent());

/// True when the alphabetic codes are unique and no romanisation equals (ignoring case) the
/// alphabetic code or romanisation of another group, so parsing ASCII text is unambiguous.
constexpr bool ethnicity_ascii_unambiguous() noexcept {
    for (std::size_t i = 0; i < ethnicity_codes.rows.size(); ++i) {
        for (std::size_t j = 0; j < ethnicity_codes.rows.size(); ++j) {
            if (i == j) continue;
            auto const& a = ethnicity_codes.rows[i];
            auto const& b = ethnicity_codes.rows[j];
            if (codes_iequal(a.english, b.english)) return false;
            if (!a.alpha.empty() && codes_iequal(a.alpha, b.alpha)) return false;
            if (!b.alpha.empty() && codes_iequal(a.english, b.alpha)) return false;
        }
    }
    return true;
}
static_assert(ethnicity_ascii_unambiguous());

}  // namespace detail

/// The two-letter alphabetic code of GB/T 3304 (`"HA"`, `"MG"`); empty for 97, 98 and non-enumerators.
[[nodiscard]] constexpr std::string_view alpha_code(ethnicity e) noexcept {
    return detail::ethnicity_codes.alpha(e);
}

/// True for 97 其他 and 98 外国血统中国籍人士, the codes used by the sector but absent from the table
/// of GB/T 3304-1991.
[[nodiscard]] constexpr bool is_sector_extension(ethnicity e) noexcept {
    return e == ethnicity::other || e == ethnicity::foreign_origin;
}

/// Parses an ethnicity from its numeric code, Chinese name (with or without 族), romanisation,
/// alphabetic code or an import alias (see `ethnicity`).
/// \throws invalid_input with field `"ethnicity"`, e.g. `"unknown ethnicity '穿青人'"`.
[[nodiscard]] inline ethnicity parse_ethnicity(std::string_view text) {
    return detail::ethnicity_codes.parse(text);
}

/// Every ethnicity: the 56 groups in code order, then 97 and 98.
[[nodiscard]] constexpr std::span<ethnicity const> all_ethnicities() noexcept {
    return detail::ethnicity_codes.values;
}

// ---------------------------------------------------------------------------------------------------
// 学历 — GB/T 4658-2006 《学历代码》
// ---------------------------------------------------------------------------------------------------

/// Education (学历) per GB/T 4658-2006. Two-digit codes: the first digit is the level, the second the
/// outcome. Rows ending in 0 are level rows (10 研究生教育 … 80 小学教育); 90 其他 is both.
///
/// Outcomes: *graduated* = 毕业 (programme completed and passed, graduation certificate); *completed* =
/// 结业 (programme attended to the end without meeting every requirement, completion certificate);
/// *incomplete* = 肄业 (left before the end, attendance certificate).
///
/// The copies of the standard disagree on the higher-education level row (one row 大学本科/专科教育 or
/// separate rows); both 20 大学本科教育 and 30 大学专科教育 are level codes here. There is no 50 range
/// and no 72 / 82 in the 2006 table. The 1984 predecessor (文化程度代码, e.g. 50 技工学校) is not
/// handled.
///
/// Parse aliases (the usual short forms, mapped to level rows): 研究生 → 10, 本科 / 大学本科 → 20,
/// 专科 / 大专 / 大学专科 → 30, 中专 → 40, 高中 → 60, 初中 → 70, 小学 → 80.
enum class education : int {
    postgraduate = 10,                      ///< 10 研究生教育 (level).
    doctoral_graduated = 11,                ///< 11 博士研究生毕业.
    doctoral_completed = 12,                ///< 12 博士研究生结业.
    doctoral_incomplete = 13,               ///< 13 博士研究生肄业.
    masters_graduated = 14,                 ///< 14 硕士研究生毕业.
    masters_completed = 15,                 ///< 15 硕士研究生结业.
    masters_incomplete = 16,                ///< 16 硕士研究生肄业.
    postgraduate_class_graduated = 17,      ///< 17 研究生班毕业.
    postgraduate_class_completed = 18,      ///< 18 研究生班结业.
    postgraduate_class_incomplete = 19,     ///< 19 研究生班肄业.
    undergraduate = 20,                     ///< 20 大学本科教育 (level).
    undergraduate_graduated = 21,           ///< 21 大学本科毕业.
    undergraduate_completed = 22,           ///< 22 大学本科结业.
    undergraduate_incomplete = 23,          ///< 23 大学本科肄业.
    ordinary_class_graduated = 28,          ///< 28 大学普通班毕业 (entered university 1970–1976).
    junior_college = 30,                    ///< 30 大学专科教育 (level; includes 高职).
    junior_college_graduated = 31,          ///< 31 大学专科毕业.
    junior_college_completed = 32,          ///< 32 大学专科结业.
    junior_college_incomplete = 33,         ///< 33 大学专科肄业.
    secondary_vocational = 40,              ///< 40 中等职业教育 (level).
    specialized_secondary_graduated = 41,   ///< 41 中等专科毕业 (中专).
    specialized_secondary_completed = 42,   ///< 42 中等专科结业.
    specialized_secondary_incomplete = 43,  ///< 43 中等专科肄业.
    vocational_high_graduated = 44,         ///< 44 职业高中毕业.
    vocational_high_completed = 45,         ///< 45 职业高中结业.
    vocational_high_incomplete = 46,        ///< 46 职业高中肄业.
    skilled_worker_school_graduated = 47,   ///< 47 技工学校毕业.
    skilled_worker_school_completed = 48,   ///< 48 技工学校结业.
    skilled_worker_school_incomplete = 49,  ///< 49 技工学校肄业.
    senior_high = 60,                       ///< 60 普通高级中学教育 (level).
    senior_high_graduated = 61,             ///< 61 普通高中毕业.
    senior_high_completed = 62,             ///< 62 普通高中结业.
    senior_high_incomplete = 63,            ///< 63 普通高中肄业.
    junior_high = 70,                       ///< 70 初级中学教育 (level).
    junior_high_graduated = 71,             ///< 71 初中毕业.
    junior_high_incomplete = 73,            ///< 73 初中肄业.
    primary = 80,                           ///< 80 小学教育 (level).
    primary_graduated = 81,                 ///< 81 小学毕业.
    primary_incomplete = 83,                ///< 83 小学肄业.
    other = 90,                             ///< 90 其他.
};

namespace detail {

inline constexpr auto education_codes = make_code_table<education>(
    {
        {education::postgraduate, "10", "研究生教育", "postgraduate education"},
        {education::doctoral_graduated, "11", "博士研究生毕业", "doctoral programme, graduated"},
        {education::doctoral_completed, "12", "博士研究生结业", "doctoral programme, completed"},
        {education::doctoral_incomplete, "13", "博士研究生肄业", "doctoral programme, incomplete"},
        {education::masters_graduated, "14", "硕士研究生毕业", "master's programme, graduated"},
        {education::masters_completed, "15", "硕士研究生结业", "master's programme, completed"},
        {education::masters_incomplete, "16", "硕士研究生肄业", "master's programme, incomplete"},
        {education::postgraduate_class_graduated, "17", "研究生班毕业", "postgraduate class, graduated"},
        {education::postgraduate_class_completed, "18", "研究生班结业", "postgraduate class, completed"},
        {education::postgraduate_class_incomplete, "19", "研究生班肄业", "postgraduate class, incomplete"},
        {education::undergraduate, "20", "大学本科教育", "undergraduate education"},
        {education::undergraduate_graduated, "21", "大学本科毕业", "undergraduate, graduated"},
        {education::undergraduate_completed, "22", "大学本科结业", "undergraduate, completed"},
        {education::undergraduate_incomplete, "23", "大学本科肄业", "undergraduate, incomplete"},
        {education::ordinary_class_graduated, "28", "大学普通班毕业", "university ordinary class, graduated"},
        {education::junior_college, "30", "大学专科教育", "junior college education"},
        {education::junior_college_graduated, "31", "大学专科毕业", "junior college, graduated"},
        {education::junior_college_completed, "32", "大学专科结业", "junior college, completed"},
        {education::junior_college_incomplete, "33", "大学专科肄业", "junior college, incomplete"},
        {education::secondary_vocational, "40", "中等职业教育", "secondary vocational education"},
        {education::specialized_secondary_graduated, "41", "中等专科毕业",
         "specialised secondary, graduated"},
        {education::specialized_secondary_completed, "42", "中等专科结业",
         "specialised secondary, completed"},
        {education::specialized_secondary_incomplete, "43", "中等专科肄业",
         "specialised secondary, incomplete"},
        {education::vocational_high_graduated, "44", "职业高中毕业", "vocational high school, graduated"},
        {education::vocational_high_completed, "45", "职业高中结业", "vocational high school, completed"},
        {education::vocational_high_incomplete, "46", "职业高中肄业", "vocational high school, incomplete"},
        {education::skilled_worker_school_graduated, "47", "技工学校毕业",
         "skilled-worker school, graduated"},
        {education::skilled_worker_school_completed, "48", "技工学校结业",
         "skilled-worker school, completed"},
        {education::skilled_worker_school_incomplete, "49", "技工学校肄业",
         "skilled-worker school, incomplete"},
        {education::senior_high, "60", "普通高级中学教育", "senior high school education"},
        {education::senior_high_graduated, "61", "普通高中毕业", "senior high school, graduated"},
        {education::senior_high_completed, "62", "普通高中结业", "senior high school, completed"},
        {education::senior_high_incomplete, "63", "普通高中肄业", "senior high school, incomplete"},
        {education::junior_high, "70", "初级中学教育", "junior high school education"},
        {education::junior_high_graduated, "71", "初中毕业", "junior high school, graduated"},
        {education::junior_high_incomplete, "73", "初中肄业", "junior high school, incomplete"},
        {education::primary, "80", "小学教育", "primary education"},
        {education::primary_graduated, "81", "小学毕业", "primary school, graduated"},
        {education::primary_incomplete, "83", "小学肄业", "primary school, incomplete"},
        {education::other, "90", "其他", "other"},
    },
    {
        {"研究生", education::postgraduate},
        {"本科", education::undergraduate},
        {"大学本科", education::undergraduate},
        {"专科", education::junior_college},
        {"大专", education::junior_college},
        {"大学专科", education::junior_college},
        {"中专", education::secondary_vocational},
        {"高中", education::senior_high},
        {"初中", education::junior_high},
        {"小学", education::primary},
    },
    "education", "education");

static_assert(education_codes.consistent());

}  // namespace detail

/// The level: the first digit of the code, 1 (研究生) … 9 (其他).
[[nodiscard]] constexpr int education_level(education e) noexcept {
    return static_cast<int>(e) / 10;
}

/// The level row of `e`: the code made of its first digit and 0 (`undergraduate_completed` →
/// `undergraduate`; a level row maps to itself; 90 其他 to itself).
[[nodiscard]] constexpr education level_row(education e) noexcept {
    return static_cast<education>(education_level(e) * 10);
}

/// True for level rows (10, 20, 30, 40, 60, 70, 80) and for 90 其他.
[[nodiscard]] constexpr bool is_level_row(education e) noexcept {
    return static_cast<int>(e) % 10 == 0;
}

/// 大专及以上: true when the level is 研究生, 大学本科 or 大学专科 (first digit 1–3), whatever the
/// outcome (a 结业 or 肄业 of a 大专 programme counts too, as in the party statistics bucket).
[[nodiscard]] constexpr bool tertiary_or_higher(education e) noexcept {
    int const level = education_level(e);
    return level >= 1 && level <= 3;
}

/// Parses an education from its code (`"21"`), Chinese name (大学本科毕业), English label or a short
/// alias (see `education`).
/// \throws invalid_input with field `"education"`, e.g. `"unknown education '50'"`.
[[nodiscard]] inline education parse_education(std::string_view text) {
    return detail::education_codes.parse(text);
}

/// Every education code, level rows included, in code order.
[[nodiscard]] constexpr std::span<education const> all_educations() noexcept {
    return detail::education_codes.values;
}

// ---------------------------------------------------------------------------------------------------
// 人员类别 — 中国共产党党内统计公报
// ---------------------------------------------------------------------------------------------------

/// Personnel category (人员类别): the occupation buckets in which the 中共中央组织部 《中国共产党党内
/// 统计公报》 counts all members (8 buckets, 2014 onwards), plus the legacy bucket 军人、武警.
///
/// The bulletins publish no codes: codes 1–8 are this library's stable codes, in the order of the
/// bulletins; 9 is the library's code for the legacy military bucket, which has not appeared in the
/// bulletins since 2014 but is still on the internal report form. Newly recruited members (发展党员)
/// use the same buckets without `retired`.
///
/// Parse accepts the current wording (2023/2024 bulletins), the 2014–2017 wording
/// (企事业单位、民办非企业单位专业技术人员 / …管理人员, 工人 without the bracket), ASCII brackets for
/// full-width ones, and the short forms 工勤技能人员, 专业技术人员, 管理人员, 其他, 离退休, 军人武警,
/// 军人, 武警.
enum class personnel_category : int {
    worker = 1,                  ///< 1 工人（工勤技能人员）.
    farmer_herder_fisher = 2,    ///< 2 农牧渔民.
    professional_technical = 3,  ///< 3 企事业单位、社会组织专业技术人员.
    management = 4,              ///< 4 企事业单位、社会组织管理人员.
    party_government_staff = 5,  ///< 5 党政机关工作人员.
    student = 6,                 ///< 6 学生.
    other_occupation = 7,        ///< 7 其他职业人员.
    retired = 8,                 ///< 8 离退休人员.
    military = 9,                ///< 9 军人、武警 (legacy bucket; not in the 2014+ bulletins).
};

namespace detail {

inline constexpr auto personnel_category_codes = make_code_table<personnel_category>(
    {
        {personnel_category::worker, "1", "工人（工勤技能人员）", "workers (skilled and support staff)"},
        {personnel_category::farmer_herder_fisher, "2", "农牧渔民", "farmers, herders and fishers"},
        {personnel_category::professional_technical, "3", "企事业单位、社会组织专业技术人员",
         "professional and technical staff of enterprises, public institutions and social organisations"},
        {personnel_category::management, "4", "企事业单位、社会组织管理人员",
         "managers of enterprises, public institutions and social organisations"},
        {personnel_category::party_government_staff, "5", "党政机关工作人员",
         "staff of party and government organs"},
        {personnel_category::student, "6", "学生", "students"},
        {personnel_category::other_occupation, "7", "其他职业人员", "other occupations"},
        {personnel_category::retired, "8", "离退休人员", "retired"},
        {personnel_category::military, "9", "军人、武警", "military and armed police"},
    },
    {
        {"工人", personnel_category::worker},
        {"工人(工勤技能人员)", personnel_category::worker},
        {"工勤技能人员", personnel_category::worker},
        {"企事业单位、民办非企业单位专业技术人员", personnel_category::professional_technical},
        {"专业技术人员", personnel_category::professional_technical},
        {"企事业单位、民办非企业单位管理人员", personnel_category::management},
        {"管理人员", personnel_category::management},
        {"其他", personnel_category::other_occupation},
        {"离退休", personnel_category::retired},
        {"军人武警", personnel_category::military},
        {"军人", personnel_category::military},
        {"武警", personnel_category::military},
        {"解放军、武警", personnel_category::military},
    },
    "personnel_category", "personnel category");

static_assert(personnel_category_codes.consistent());

}  // namespace detail

/// True for the eight buckets of the 2014+ bulletins, false for the legacy `military` bucket.
[[nodiscard]] constexpr bool in_current_bulletin(personnel_category c) noexcept {
    return c != personnel_category::military;
}

/// Parses a personnel category from its code, current or 2014–2017 wording, or a short form.
/// \throws invalid_input with field `"personnel_category"`, e.g. `"unknown personnel category '教师'"`.
[[nodiscard]] inline personnel_category parse_personnel_category(std::string_view text) {
    return detail::personnel_category_codes.parse(text);
}

/// Every personnel category, the eight bulletin buckets then `military`.
[[nodiscard]] constexpr std::span<personnel_category const> all_personnel_categories() noexcept {
    return detail::personnel_category_codes.values;
}

// ---------------------------------------------------------------------------------------------------
// 政治面貌 — GB/T 4762-1984
// ---------------------------------------------------------------------------------------------------

/// Political status (政治面貌) per GB/T 4762-1984, codes 01–13. For a party member, 01 is a full member
/// (正式党员) and 02 a probationary member (预备党员).
///
/// Parse aliases: 中国共产党党员 / 正式党员 → 01; 中国共产党预备党员 / 预备党员 → 02; 中国共产主义青年团团员
/// / 团员 → 03; 民革会员 → 04; 农工民主党党员 → 08; 无党派民主人士 / 民主人士 / 无党派人士(民主人士) → 12.
enum class political_status : int {
    cpc_member = 1,               ///< 01 中共党员.
    cpc_probationary_member = 2,  ///< 02 中共预备党员.
    cyl_member = 3,               ///< 03 共青团员 (Communist Youth League).
    rckmt_member = 4,             ///< 04 民革党员 (Revolutionary Committee of the Kuomintang).
    cdl_member = 5,               ///< 05 民盟盟员 (China Democratic League).
    cndca_member = 6,             ///< 06 民建会员 (China National Democratic Construction Association).
    capd_member = 7,              ///< 07 民进会员 (China Association for Promoting Democracy).
    cpwdp_member = 8,             ///< 08 农工党党员 (Chinese Peasants' and Workers' Democratic Party).
    zhi_gong_member = 9,          ///< 09 致公党党员 (China Zhi Gong Party).
    jiusan_member = 10,           ///< 10 九三学社社员 (Jiusan Society).
    tdsl_member = 11,             ///< 11 台盟盟员 (Taiwan Democratic Self-Government League).
    non_party = 12,               ///< 12 无党派人士 (public figure without party affiliation).
    masses = 13,                  ///< 13 群众 (ordinary citizen).
};

namespace detail {

inline constexpr auto political_status_codes = make_code_table<political_status>(
    {
        {political_status::cpc_member, "01", "中共党员", "CPC member"},
        {political_status::cpc_probationary_member, "02", "中共预备党员", "CPC probationary member"},
        {political_status::cyl_member, "03", "共青团员", "Communist Youth League member"},
        {political_status::rckmt_member, "04", "民革党员", "RCCK member"},
        {political_status::cdl_member, "05", "民盟盟员", "China Democratic League member"},
        {political_status::cndca_member, "06", "民建会员", "CNDCA member"},
        {political_status::capd_member, "07", "民进会员", "CAPD member"},
        {political_status::cpwdp_member, "08", "农工党党员", "CPWDP member"},
        {political_status::zhi_gong_member, "09", "致公党党员", "China Zhi Gong Party member"},
        {political_status::jiusan_member, "10", "九三学社社员", "Jiusan Society member"},
        {political_status::tdsl_member, "11", "台盟盟员", "Taiwan Democratic Self-Government League member"},
        {political_status::non_party, "12", "无党派人士", "non-party personage"},
        {political_status::masses, "13", "群众", "ordinary citizen"},
    },
    {
        {"中国共产党党员", political_status::cpc_member},
        {"正式党员", political_status::cpc_member},
        {"中国共产党预备党员", political_status::cpc_probationary_member},
        {"预备党员", political_status::cpc_probationary_member},
        {"中国共产主义青年团团员", political_status::cyl_member},
        {"团员", political_status::cyl_member},
        {"民革会员", political_status::rckmt_member},
        {"农工民主党党员", political_status::cpwdp_member},
        {"无党派民主人士", political_status::non_party},
        {"民主人士", political_status::non_party},
        {"无党派人士(民主人士)", political_status::non_party},
        {"无党派人士（民主人士）", political_status::non_party},
    },
    "political_status", "political status");

static_assert(political_status_codes.consistent());

}  // namespace detail

/// True for 01 中共党员 and 02 中共预备党员.
[[nodiscard]] constexpr bool is_cpc_member(political_status p) noexcept {
    return p == political_status::cpc_member || p == political_status::cpc_probationary_member;
}

/// Parses a political status from its code (`"1"`, `"01"`), Chinese name or alias.
/// \throws invalid_input with field `"political_status"`, e.g. `"unknown political status '14'"`.
[[nodiscard]] inline political_status parse_political_status(std::string_view text) {
    return detail::political_status_codes.parse(text);
}

/// Every political status, in code order.
[[nodiscard]] constexpr std::span<political_status const> all_political_statuses() noexcept {
    return detail::political_status_codes.values;
}

// ---------------------------------------------------------------------------------------------------
// The accessors every code table shares
// ---------------------------------------------------------------------------------------------------

namespace detail {

constexpr auto const& codes_of(sex) noexcept {
    return sex_codes;
}
constexpr auto const& codes_of(ethnicity) noexcept {
    return ethnicity_codes;
}
constexpr auto const& codes_of(education) noexcept {
    return education_codes;
}
constexpr auto const& codes_of(personnel_category) noexcept {
    return personnel_category_codes;
}
constexpr auto const& codes_of(political_status) noexcept {
    return political_status_codes;
}

}  // namespace detail

/// An enumeration of this header: sex, ethnicity, education, personnel_category, political_status.
template <class E>
concept code_table_enum = requires(E e) {
    detail::codes_of(e);
};

/// The official code as a string (`code(sex::male)` is `"1"`, `code(ethnicity::han)` is `"01"`), the
/// form to store and exchange; empty for a value that is not an enumerator.
template <code_table_enum E>
[[nodiscard]] constexpr std::string_view code(E e) noexcept {
    return detail::codes_of(e).code(e);
}

/// The current Chinese name (男性, 汉族, 大学本科毕业, 中共党员), the form to display and export; empty
/// for a value that is not an enumerator.
template <code_table_enum E>
[[nodiscard]] constexpr std::string_view chinese_name(E e) noexcept {
    return detail::codes_of(e).chinese(e);
}

/// The English label (`"male"`; for an ethnicity the romanisation of GB/T 3304, `"Han"`); empty for a
/// value that is not an enumerator.
template <code_table_enum E>
[[nodiscard]] constexpr std::string_view english_name(E e) noexcept {
    return detail::codes_of(e).english(e);
}

/// Parses a value of any code table of this header, as its `parse_<type>` does (`parse_code<sex>("男")`).
/// \throws invalid_input naming the table's field, as `parse_<type>`.
template <code_table_enum E>
[[nodiscard]] E parse_code(std::string_view text) {
    return detail::codes_of(E{}).parse(text);
}

}  // namespace dangyuan
