#pragma once
/// \file
/// The roster (党员名册) as a table: its columns with Chinese and English header names, how a row of
/// text cells becomes a member record, and how a member becomes a row (masked by default).

#include <date/date.h>

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dangyuan/member/member.hpp"
#include "dangyuan/org/org.hpp"
#include "dangyuan/rules/rule_set.hpp"
#include "dangyuan/storage/store.hpp"

namespace dangyuan::io {

/// The columns of a roster file.
enum class roster_field {
    id,                ///< 编号: the store's member id (export only; ignored on import)
    name,              ///< 姓名
    sex,               ///< 性别
    ethnicity,         ///< 民族
    birth_date,        ///< 出生日期
    id_number,         ///< 公民身份号码 (身份证号)
    education,         ///< 学历
    category,          ///< 人员类别
    work_unit,         ///< 工作单位
    post,              ///< 职务
    native_place,      ///< 籍贯
    phone,             ///< 联系电话
    address,           ///< 家庭住址
    branch,            ///< 所在支部: organisation name or id
    joined_branch,     ///< 转入支部日期
    application_date,  ///< 申请入党日期
    admission_date,    ///< 入党日期
    full_member_date,  ///< 转正日期
    backfilled,        ///< 补录: 是 / 否
    status,            ///< 人员状态 on the report date: 正式党员 / 预备党员 (export only)
    standing,          ///< 党籍状态 on the report date: 正常 / 停止党籍 (export only)
    party_age,         ///< 党龄 in years on the report date (export only)
};

/// Description of one roster column.
struct roster_column {
    roster_field field;
    std::string_view key;      ///< English header, e.g. "id_number"
    std::string_view title;    ///< Chinese header written on export, e.g. "公民身份号码"
    std::string_view aliases;  ///< further header names accepted on import, separated by '|'
    bool importable;           ///< false for columns an export adds (they are ignored on import)
};

/// Every roster column, in export order.
[[nodiscard]] std::span<roster_column const> roster_columns() noexcept;
/// The description of `f`.
[[nodiscard]] roster_column const& column_of(roster_field f) noexcept;

/// The column a header cell names: its Chinese title, English key or an alias. Blanks, a `*` marking
/// a required column, ASCII case and full-width parentheses are ignored.
[[nodiscard]] std::optional<roster_field> match_header(std::string_view header);

/// Yes/no cells: 是 / 否, Y / N, yes / no, true / false, 1 / 0, √ / ×. Empty is no.
/// \throws invalid_input{"backfilled"} for anything else.
[[nodiscard]] bool parse_yes_no(std::string_view text);

/// Organisations by id and by name, to resolve the 所在支部 column.
class org_directory {
public:
    explicit org_directory(std::vector<org_unit> orgs);
    /// The organisations a store handle may read (`store::orgs()`); an id outside them is asked of the
    /// store (`store::org`), which throws not_found for an unknown one and access_denied for one out of
    /// the principal's reach, so that a row naming another subtree's branch is refused as such.
    explicit org_directory(store const& s);
    /// The organisation `text` names: a numeric id, or an exact name.
    /// \throws invalid_input{"branch"} for an unknown name or id, or a name several organisations share
    ///         (the message lists their ids, which the cell may use instead).
    [[nodiscard]] org_unit const& resolve(std::string_view text) const;
    /// \throws invalid_input{"org"} as `resolve`, with the field named "org".
    [[nodiscard]] org_unit const& resolve_org(std::string_view text) const;
    /// The organisation with this id, or nullptr.
    [[nodiscard]] org_unit const* find(org_id id) const noexcept;
    [[nodiscard]] std::vector<org_unit> const& all() const noexcept { return orgs_; }

private:
    /// "; did you mean NAME (ID), …?" for up to five organisations whose name holds `text` or its stem
    /// without the kind; empty when there are none.
    [[nodiscard]] std::string similar_names(std::string_view text) const;

    std::vector<org_unit> orgs_;
    store const* store_ = nullptr;
    std::unordered_map<std::int64_t, std::size_t> by_id_;
    std::unordered_multimap<std::string, std::size_t> by_name_;
};

/// One problem found in an input row. `row` is the line of the file (the header is usually row 1).
struct row_issue {
    std::size_t row = 0;
    std::string column;   ///< the header as written in the file (or the Chinese title)
    std::string value;    ///< the offending cell
    std::string reason;   ///< what is wrong, and what would be right
    std::string rule_id;  ///< the catalogue rule, for rule violations
};

/// One cell of an input row, already trimmed.
struct cell {
    roster_field field;
    std::string column;  ///< the header as written in the file
    std::string value;
};

/// Parses the cells of one row onto `m`. Cells of importable fields overwrite `m`; an empty cell
/// leaves the field as it is (an import never erases stored data). Each bad cell adds an issue; all
/// cells are examined.
/// \returns true when every cell was well formed.
bool apply_cells(member& m, std::span<cell const> cells, org_directory const& orgs, std::size_t row,
                 std::vector<row_issue>& issues);

/// Completes a new member record from what the row left out (no cell or an empty one): sex and birth
/// date from the ID number, the 转入支部日期 as the later of the admission date and the branch's
/// establishment date.
void complete_new_member(member& m, std::span<cell const> cells, org_directory const& orgs);

/// The store's plausibility bounds (store::check_member_plausible: text caps, control characters,
/// admission from 1921-07-01, no date after today), reported as a row issue naming the column.
[[nodiscard]] bool check_plausible(store const& s, member const& m, std::size_t row,
                                   std::span<cell const> cells, std::vector<row_issue>& issues);

/// Validates a member as the store will (validate_member, and the branch existing on the 转入支部日期),
/// turning the first problem into an issue on the matching column.
/// \returns true when the member is valid.
bool check_member(member const& m, rule_set const& rules, org_directory const& orgs, std::size_t row,
                  std::span<cell const> cells, std::vector<row_issue>& issues);

/// Checks that a row has the cells a new member needs: 姓名, 公民身份号码, 民族, 所在支部, 入党日期
/// (any row needs the ID number, by which rows are matched). One issue per missing cell.
/// \returns true when none is missing.
bool check_required(bool is_new, std::span<cell const> cells, std::size_t row,
                    std::vector<row_issue>& issues);

/// True when `cells` hold a non-empty cell for `field`.
[[nodiscard]] bool has_cell(std::span<cell const> cells, roster_field field) noexcept;

/// The differences between two records of the same person, as `列名: 'old' → 'new'` joined by "; ".
/// Phone numbers are masked.
[[nodiscard]] std::string describe_changes(member const& before, member const& after,
                                           org_directory const& orgs);

/// Text for a cell of `f`. With `masked`, the cell is shown as the masking policy says
/// (`masking_policy` in dangyuan/member/masking.hpp): the ID number keeps its address code
/// (`370102************`), the birth date its year, the phone 3 + 4 digits, the address its
/// district/county.
[[nodiscard]] std::string cell_text(member const& m, roster_field f, org_directory const& orgs, bool masked);

}  // namespace dangyuan::io
