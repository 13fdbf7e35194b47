// libFuzzer target: the layer that turns a roster file's bytes into rows and member records, as
// `dangyuan import` reads them — encoding detection and decoding (UTF-8, byte-order mark, GB18030,
// UTF-16 refusal), the CSV reader (libcsv, RFC 4180 quoting), header matching, cell parsing (dates, ID
// numbers, codes), completing and checking a member against a small organisation tree, and the change
// description of a row that matches an existing member. It follows `io::plan_rows` without the store
// (the store's code is not built here): one person, 张建国, counts as stored.
// Properties: only invalid_input escapes decoding and reading; decoded text is valid UTF-8; records
// come in strictly increasing line order; the row checks never throw.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dangyuan/core/errors.hpp"
#include "dangyuan/core/id_number.hpp"
#include "dangyuan/io/csv.hpp"
#include "dangyuan/io/encoding.hpp"
#include "dangyuan/io/roster.hpp"
#include "dangyuan/io/text.hpp"
#include "dangyuan/rules/rule_set.hpp"
#include "fuzz_support.hpp"

using dangyuan::fuzz::day;
using dangyuan::fuzz::require;

namespace {

namespace dy = dangyuan;
namespace io = dangyuan::io;

io::org_directory const& orgs() {
    static io::org_directory const dir = [] {
        std::vector<dy::org_unit> v(4);
        v[0].id = dy::org_id{1};
        v[0].name = "中共示范区委员会";
        v[0].kind = dy::org_kind::higher_committee;
        v[0].established = day(1990, 1, 1);
        v[1].id = dy::org_id{2};
        v[1].name = "城关街道党工委";
        v[1].kind = dy::org_kind::working_committee;
        v[1].parent = dy::org_id{1};
        v[1].established = day(2001, 5, 1);
        v[2].id = dy::org_id{3};
        v[2].name = "第一社区党支部";
        v[2].kind = dy::org_kind::branch;
        v[2].parent = dy::org_id{2};
        v[2].established = day(2002, 1, 1);
        v[2].village_or_community = true;
        v[3] = v[2];
        v[3].id = dy::org_id{4};
        v[3].name = "机关党支部";
        v[3].village_or_community = false;
        return io::org_directory(std::move(v));
    }();
    return dir;
}

dy::member const& stored_member() {
    static dy::member const m = [] {
        dy::member s;
        s.id = dy::member_id{1};
        s.name = "张建国";
        s.sex = dy::sex::male;
        s.birth_date = day(1968, 5, 12);
        s.id_number = dy::citizen_id::parse("370102196805123139");
        s.branch = dy::org_id{3};
        s.application_date = day(1993, 7, 1);
        s.admission_date = day(1995, 7, 1);
        s.joined_branch = day(1995, 7, 1);
        s.full_member_date = day(1996, 7, 1);
        return s;
    }();
    return m;
}

// The rows of one file, as plan_rows checks them.
void check_rows(std::vector<std::string> const& header, std::vector<io::csv_record> const& rows) {
    std::vector<std::optional<io::roster_field>> fields;
    for (auto const& h : header)
        fields.push_back(io::match_header(std::string(io::trim(h))));
    auto const rules = dy::rule_set::national_2014();
    for (auto const& r : rows) {
        if (r.fields.size() != header.size()) continue;
        std::vector<io::cell> cells;
        for (std::size_t i = 0; i < r.fields.size(); ++i)
            if (fields[i])
                cells.push_back(
                    {*fields[i], std::string(io::trim(header[i])), std::string(io::trim(r.fields[i]))});
        std::optional<dy::member> stored;
        for (auto const& c : cells)
            if (c.field == io::roster_field::id_number)
                if (auto const id = dy::citizen_id::try_parse(c.value);
                    id && *id == stored_member().id_number)
                    stored = stored_member();
        std::vector<io::row_issue> issues;
        dy::member m = stored.value_or(dy::member{});
        bool ok = io::apply_cells(m, cells, orgs(), r.line, issues);
        ok = io::check_required(!stored, cells, r.line, issues) && ok;
        if (!ok) {
            require(!issues.empty());
            continue;
        }
        if (!stored) io::complete_new_member(m, cells, orgs());
        if (!io::check_member(m, rules, orgs(), r.line, cells, issues)) {
            require(!issues.empty());
            continue;
        }
        if (stored && !(m == *stored)) (void)io::describe_changes(*stored, m, orgs());
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    auto const bytes = dangyuan::fuzz::text_of(data, size);
    for (auto forced : {std::optional<io::text_encoding>{}, std::optional{io::text_encoding::utf8},
                        std::optional{io::text_encoding::gb18030}}) {
        std::vector<io::csv_record> records;
        try {
            auto const text = io::decode(bytes, forced);
            require(!io::first_invalid_utf8(text.utf8).has_value());
            io::read_csv(text.utf8, [&](io::csv_record&& r) {
                // Each record starts on a later line than the one before (CR LF, bare CR and LF
                // each end a line), and on a line the text has.
                require(r.line >= 1);
                require(records.empty() || r.line > records.back().line);
                records.push_back(std::move(r));
            });
        } catch (dy::invalid_input const&) {
            continue;
        }
        if (records.empty() || forced) continue;  // the rows once, as `import` reads them by default
        auto const header = records.front().fields;
        records.erase(records.begin());
        check_rows(header, records);
    }
    return 0;
}
