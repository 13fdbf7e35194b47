// Standard code tables (core/codes.hpp) as Python enums. Each value has .code (the official code),
// .chinese_name, .english_name; Enum.parse(text) accepts codes, Chinese names and the listed aliases.

#include "common.hpp"
#include "enums.hpp"

namespace dangyuan::python {

void bind_codes(py::module_& m) {
    bind_enum<sex>(m, "Sex (性别), GB/T 2261.1-2003; .value is the numeric code.");

    bind_enum<ethnicity>(m,
                         "Ethnicity (民族), GB/T 3304-1991, plus the sector extensions 97 其他 and 98 "
                         "外国血统中国籍人士; .value is the numeric code.")
        .def_property_readonly(
            "alpha_code", [](ethnicity e) { return std::string(alpha_code(e)); },
            "The two-letter alphabetic code of GB/T 3304 ('HA'); '' for 97 and 98.")
        .def_property_readonly("is_sector_extension", &is_sector_extension,
                               "True for 97 and 98, which are not in the table of GB/T 3304.");

    bind_enum<education>(m,
                         "Education (学历), GB/T 4658-2006; .value is the two-digit code (first digit the "
                         "level, second the outcome).")
        .def_property_readonly("level", &education_level, "The level: the first digit of the code, 1-9.")
        .def_property_readonly("level_row", &level_row,
                               "The level row of this code (undergraduate_completed -> undergraduate).")
        .def_property_readonly("is_level_row", &is_level_row,
                               "True for the level rows (10, 20, 30, 40, 60, 70, 80) and 90.")
        .def_property_readonly("tertiary_or_higher", &tertiary_or_higher,
                               "大专及以上: levels 研究生, 大学本科 and 大学专科, whatever the outcome.");

    bind_enum<personnel_category>(m,
                                  "Personnel category (人员类别): the buckets of the 中国共产党党内统计公报; "
                                  ".value is the library code.")
        .def_property_readonly("in_current_bulletin", &in_current_bulletin,
                               "True for the eight buckets of the 2014+ bulletins, False for military.");

    bind_enum<political_status>(m, "Political status (政治面貌), GB/T 4762-1984; .value is the numeric code.")
        .def_property_readonly("is_cpc_member", &is_cpc_member, "True for 01 中共党员 and 02 中共预备党员.");
}

}  // namespace dangyuan::python
