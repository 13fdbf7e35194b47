#pragma once
/// \file
/// The Python `Roster`: members as columns. A roster is the largest result the API returns (a
/// province holds several million members), so it keeps the `roster_table` columns the store loads
/// (`load_roster_parts`) instead of one `member` per row, and `to_pandas()` builds the frame from
/// them: numbers and dates as whole arrays, text through text_cells.hpp. Indexing and iteration still
/// give `Member` records.

#include <cstddef>
#include <string>
#include <vector>

#include "dangyuan/member/member.hpp"
#include "dangyuan/storage/roster_table.hpp"
#include "table.hpp"

namespace dangyuan::python {

class roster_result final : public table_base {
public:
    /// The parts of a roster, in id order (from `load_roster_parts`).
    explicit roster_result(std::vector<roster_table> parts);
    /// Members found one by one (small results: `find_members` …), in the given order.
    explicit roster_result(std::vector<member> const& members);

    [[nodiscard]] std::size_t size() const noexcept override { return size_; }
    [[nodiscard]] py::list columns() const override;
    [[nodiscard]] std::vector<std::string> column_names() const override;
    [[nodiscard]] char const* python_name() const noexcept override { return "Roster"; }

    /// Row `i` as a member; pre-condition `i < size()`.
    [[nodiscard]] member row(std::size_t i) const;

private:
    std::vector<roster_table> parts_;
    std::size_t size_ = 0;
};

/// Registers `Roster` (a `Table`).
void register_roster(py::module_& m);

}  // namespace dangyuan::python
