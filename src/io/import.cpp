// Import planning. Nothing touches the store for writing until every row has been read and checked,
// so a file with mistakes leaves the store exactly as it was.

#include "dangyuan/io/import.hpp"

#include <algorithm>
#include <unordered_map>

#include "dangyuan/core/errors.hpp"
#include "dangyuan/io/csv.hpp"
#include "dangyuan/io/text.hpp"

namespace dangyuan::io {

import_plan plan_rows(store const& s, std::size_t header_row, std::vector<std::string> const& header,
                      std::vector<std::pair<std::size_t, std::vector<std::string>>> const& rows,
                      bool update_changed, progress_fn const& progress) {
    import_plan plan;
    // The header: every column must be known, and known once.
    std::vector<std::optional<roster_field>> fields;
    std::unordered_map<int, std::string> seen;
    for (auto const& h : header) {
        auto const name = std::string(trim(h));
        auto const f = match_header(name);
        fields.push_back(f);
        if (name.empty()) {
            fields.back().reset();
            continue;
        }
        if (!f) {
            plan.issues.push_back(
                {header_row,
                 name,
                 name,
                 "unknown column; expected one of 姓名, 性别, 民族, 出生日期, 公民身份号码, 学历, "
                 "人员类别, 工作单位, 职务, 籍贯, 联系电话, 家庭住址, 所在支部, 转入支部日期, "
                 "申请入党日期, 入党日期, 转正日期, 补录 (or their English names)",
                 {}});
            continue;
        }
        auto const [it, fresh] = seen.emplace(static_cast<int>(*f), name);
        if (!fresh)
            plan.issues.push_back({header_row, name, name, "the same column as '" + it->second + "'", {}});
        if (!column_of(*f).importable) plan.ignored_columns.push_back(name);
    }
    if (!seen.contains(static_cast<int>(roster_field::id_number)))
        plan.issues.push_back(
            {header_row,
             "公民身份号码",
             "",
             "the file has no ID number column (公民身份号码 / id_number): rows are matched by it",
             {}});
    if (!plan.issues.empty()) return plan;

    org_directory const orgs(s);
    std::unordered_map<std::string, std::size_t> rows_by_id_number;  // duplicates inside the file
    std::size_t done = 0;
    for (auto const& [row, values] : rows) {
        if (progress && (++done % 1000 == 0 || done == rows.size())) progress(done, rows.size());
        if (std::all_of(values.begin(), values.end(), [](std::string const& v) { return trim(v).empty(); }))
            continue;
        ++plan.rows;
        if (values.size() != header.size()) {
            plan.issues.push_back({row,
                                   "",
                                   "",
                                   "the row has " + std::to_string(values.size()) + " cells, the header " +
                                       std::to_string(header.size()) +
                                       " (a comma inside a cell needs quotes)",
                                   {}});
            continue;
        }
        std::vector<cell> cells;
        for (std::size_t i = 0; i < values.size(); ++i)
            if (fields[i])
                cells.push_back({*fields[i], std::string(trim(header[i])),
                                 std::string(spreadsheet_unguarded(trim(values[i])))});

        // Find the stored member first: the row's other cells apply on top of it.
        std::optional<member> stored;
        for (auto const& c : cells) {
            if (c.field != roster_field::id_number || c.value.empty()) continue;
            if (auto const id = citizen_id::try_parse(c.value)) {
                stored = s.find_member(*id);
                auto const [it, fresh] = rows_by_id_number.emplace(id->str(), row);
                if (!fresh)
                    plan.issues.push_back(
                        {row,
                         c.column,
                         c.value,
                         "the same person as row " + std::to_string(it->second) + " (ID numbers are unique)",
                         {}});
            }
        }
        member m = stored.value_or(member{});
        bool ok = apply_cells(m, cells, orgs, row, plan.issues);
        ok = check_required(!stored, cells, row, plan.issues) && ok;
        if (!ok) continue;
        if (!stored) complete_new_member(m, cells, orgs);
        if (!check_member(m, s.rules(), orgs, row, cells, plan.issues)) continue;
        if (!check_plausible(s, m, row, cells, plan.issues)) continue;
        if (!stored) {
            plan.inserts.push_back({row, std::move(m), {}});
        } else if (m == *stored) {
            ++plan.unchanged;
        } else if (update_changed) {
            plan.updates.push_back({row, m, describe_changes(*stored, m, orgs)});
        } else {
            plan.issues.push_back({row,
                                   "",
                                   "",
                                   "already in the store as member " + std::to_string(stored->id.value()) +
                                       " (" + stored->name +
                                       ") with different data: " + describe_changes(*stored, m, orgs) +
                                       "; re-run with --update to apply the file's values",
                                   {}});
        }
    }
    std::stable_sort(plan.issues.begin(), plan.issues.end(),
                     [](row_issue const& a, row_issue const& b) { return a.row < b.row; });
    return plan;
}

import_plan plan_import(store const& s, std::string_view bytes, import_options const& options,
                        progress_fn const& progress) {
    import_plan plan;
    std::vector<std::string> header;
    std::size_t header_row = 1;
    std::vector<std::pair<std::size_t, std::vector<std::string>>> rows;
    try {
        auto const text = decode(bytes, options.encoding);
        plan.encoding = text.source;
        plan.had_bom = text.had_bom;
        bool have_header = false;
        read_csv(
            text.utf8,
            [&](csv_record&& r) {
                if (!have_header) {
                    if (std::all_of(r.fields.begin(), r.fields.end(),
                                    [](std::string const& v) { return trim(v).empty(); }))
                        return;
                    header = std::move(r.fields);
                    header_row = r.line;
                    have_header = true;
                    return;
                }
                rows.emplace_back(r.line, std::move(r.fields));
            },
            options.delimiter);
        if (!have_header) {
            plan.issues.push_back(
                {1, "", "", "the file is empty: expected a header row (姓名, 公民身份号码 …)", {}});
            return plan;
        }
    } catch (invalid_input const& e) {
        // Encoding and quoting problems name their line in the reason.
        plan.issues.push_back({0, "", "", e.reason(), {}});
        return plan;
    }
    auto planned = plan_rows(s, header_row, header, rows, options.update_changed, progress);
    planned.encoding = plan.encoding;
    planned.had_bom = plan.had_bom;
    return planned;
}

import_result commit_import(store& s, import_plan const& plan, std::string_view why) {
    import_result result;
    // All rows or none: the inserts and every update are one transaction. Inside a transaction the
    // caller already holds (the CLI's command transaction), they are a savepoint of it instead.
    std::optional<store::transaction> tx;
    if (!s.in_transaction()) tx.emplace(s);
    if (!plan.inserts.empty()) {
        std::vector<member> drafts;
        drafts.reserve(plan.inserts.size());
        for (auto const& p : plan.inserts)
            drafts.push_back(p.record);
        result.added = s.add_members(drafts, why);
    }
    for (auto const& u : plan.updates) {
        try {
            s.update_member(u.record, why);
        } catch (conflict const& e) {
            throw conflict("row " + std::to_string(u.row) + ": " + e.what() +
                           "; nothing was imported — check the file again and re-run");
        }
        ++result.updated;
    }
    if (tx) tx->commit();
    return result;
}

}  // namespace dangyuan::io
