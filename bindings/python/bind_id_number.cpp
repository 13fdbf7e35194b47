// Citizen ID numbers (core/id_number.hpp): the CitizenId value type, the GB 11643 helpers, and a
// vectorised check of a whole column of numbers for data cleaning.

#include <optional>
#include <string>
#include <vector>

#include "common.hpp"
#include "enums.hpp"
#include "table.hpp"

namespace dangyuan::python {

namespace {

/// The outcome of checking one text of a column.
struct id_number_check {
    std::string input;                     ///< the text as given ("" for a missing value)
    std::optional<citizen_id> id_number;   ///< the normalised number when valid
    std::optional<id_number_error> error;  ///< why it was rejected (none for a missing value)
    std::string message;                   ///< the rejection message, "" when valid

    [[nodiscard]] bool valid() const noexcept { return id_number.has_value(); }
};

// The 15-digit text a legacy number was converted from, so that pickling keeps converted_from_15.
std::string original_text(citizen_id const& id) {
    if (!id.converted_from_15()) return id.str();
    return id.str().substr(0, 6) + id.str().substr(8, 9);
}

}  // namespace

template <>
struct table_spec<id_number_check> {
    static constexpr char const* python_name = "IdNumberChecks";
    static void columns(column_builder<id_number_check>& b) {
        using r = id_number_check;
        b.text("input", [](r const& x) -> std::string const& { return x.input; });
        b.boolean("valid", [](r const& x) { return x.valid(); });
        b.text("id_number", [](r const& x) -> std::optional<std::string_view> {
            if (!x.id_number) return std::nullopt;
            return x.id_number->str();
        });
        b.dates("birth_date", [](r const& x) -> std::optional<date::sys_days> {
            if (!x.id_number) return std::nullopt;
            return x.id_number->birth_date();
        });
        b.category<sex>("sex", [](r const& x) -> std::optional<sex> {
            if (!x.id_number) return std::nullopt;
            return x.id_number->sex_of();
        });
        b.text(
            "province",
            [](r const& x) -> std::optional<std::string_view> {
                if (!x.id_number) return std::nullopt;
                return x.id_number->province_name();
            },
            true);
        b.boolean("converted_from_15",
                  [](r const& x) { return x.id_number && x.id_number->converted_from_15(); });
        b.category<id_number_error>("error", [](r const& x) { return x.error; });
        b.text("message", [](r const& x) -> std::string const& { return x.message; });
    }
};

void bind_id_number(py::module_& m) {
    bind_enum<id_number_error>(m, "Why a citizen ID number was rejected.");

    py::class_<citizen_id>(m, "CitizenId",
                           "A valid citizen identity number (公民身份号码), GB 11643-1999, held in its "
                           "18-character form with an uppercase X.\n\n"
                           "CitizenId(text) parses an 18-character number or a legacy 15-digit one "
                           "(converted); it raises InvalidIdNumber (.field 'id_number', .kind) otherwise. "
                           "Whitespace is not trimmed.")
        .def(py::init(&citizen_id::parse), py::arg("text"))
        .def_static("parse", &citizen_id::parse, py::arg("text"), "Same as CitizenId(text).")
        .def_static(
            "try_parse", [](std::string_view text) { return citizen_id::try_parse(text); }, py::arg("text"),
            "Like parse, but returns None instead of raising.")
        .def_static("is_valid", &citizen_id::is_valid, py::arg("text"),
                    "True when parse would accept the text.")
        .def_property_readonly("birth_date", &citizen_id::birth_date, "The birth date, positions 7-14.")
        .def_property_readonly("sex", &citizen_id::sex_of, "Sex from position 17: odd male, even female.")
        .def_property_readonly(
            "address_code", [](citizen_id const& id) { return std::string(id.address_code()); },
            "The address code, positions 1-6.")
        .def_property_readonly(
            "province_code", [](citizen_id const& id) { return std::string(id.province_code()); },
            "The province code, positions 1-2.")
        .def_property_readonly(
            "province_name", [](citizen_id const& id) { return std::string(id.province_name()); },
            "The Chinese name of the province (北京市).")
        .def_property_readonly(
            "sequence_code", [](citizen_id const& id) { return std::string(id.sequence_code()); },
            "The sequence code, positions 15-17.")
        .def_property_readonly(
            "check_character", [](citizen_id const& id) { return std::string(1, id.check_character()); },
            "The check character, position 18: '0'-'9' or 'X'.")
        .def_property_readonly("converted_from_15", &citizen_id::converted_from_15,
                               "True when parsed from a legacy 15-digit number.")
        .def("masked", &citizen_id::masked,
             "The number as the masking policy shows it: the address code only, 110105************ "
             "(for display and logs; see masking_policy()).")
        .def("__str__", [](citizen_id const& id) { return id.str(); })
        .def("__repr__", [](citizen_id const& id) { return "CitizenId('" + id.str() + "')"; })
        .def(
            "__eq__",
            [](citizen_id const& a, py::handle b) -> py::object {
                if (!py::isinstance<citizen_id>(b))
                    return py::reinterpret_borrow<py::object>(Py_NotImplemented);
                return py::bool_(a == b.cast<citizen_id const&>());
            },
            py::is_operator())
        .def(
            "__lt__",
            [](citizen_id const& a, py::handle b) -> py::object {
                if (!py::isinstance<citizen_id>(b))
                    return py::reinterpret_borrow<py::object>(Py_NotImplemented);
                return py::bool_(a < b.cast<citizen_id const&>());
            },
            py::is_operator())
        .def("__hash__", [](citizen_id const& id) { return py::hash(py::str(id.str())); })
        .def(py::pickle([](citizen_id const& id) { return py::make_tuple(original_text(id)); },
                        [](py::tuple const& t) { return citizen_id::parse(t[0].cast<std::string>()); }));

    m.def(
        "gb11643_check_character",
        [](std::string_view body17) { return std::string(1, gb11643_check_character(body17)); },
        py::arg("body17"),
        "The GB 11643-1999 check character (ISO 7064 MOD 11-2) of a 17-digit body.\n\n"
        "Raises InvalidIdNumber unless body17 is exactly 17 ASCII digits.");
    m.def("upgrade_15_to_18", &upgrade_15_to_18, py::arg("legacy15"),
          "Converts a legacy 15-digit number (GB 11643-1989) to 18 characters.");
    m.def(
        "province_name",
        [](std::string_view code) -> std::optional<std::string> {
            auto const name = province_name(code);
            if (name.empty()) return std::nullopt;
            return std::string(name);
        },
        py::arg("code"), "The Chinese name of a province-level code ('11' -> 北京市), or None.");
    m.def("is_id_province_code", &is_id_province_code, py::arg("code"),
          "True when the first two characters are a province code accepted in an 18-digit ID number.");

    py::class_<id_number_check> check(m, "IdNumberCheck", "The outcome of checking one ID number text.");
    check.def_readonly("input", &id_number_check::input, "The text as given ('' for a missing value).")
        .def_property_readonly("valid", &id_number_check::valid)
        .def_readonly("id_number", &id_number_check::id_number, "The CitizenId when valid, else None.")
        .def_readonly("error", &id_number_check::error, "The IdNumberError, None when valid or missing.")
        .def_readonly("message", &id_number_check::message, "The rejection message ('' when valid).")
        .def("__repr__", [](id_number_check const& c) {
            return "IdNumberCheck(input=" + py::repr(py::str(c.input)).cast<std::string>() +
                   (c.valid()
                        ? ", valid=True)"
                        : ", valid=False, message=" + py::repr(py::str(c.message)).cast<std::string>() + ")");
        });
    register_table<id_number_check>(
        m,
        "Checked ID numbers, one row per input text: input, valid, id_number (normalised), birth_date, sex, "
        "province, converted_from_15, error (IdNumberError), message.");

    m.def(
        "check_id_numbers",
        [](py::iterable texts) {
            // Copy the texts out first; the checks then run without the GIL.
            std::vector<id_number_check> rows;
            std::vector<bool> missing;
            for (py::handle t : texts) {
                id_number_check row;
                if (is_missing(t)) {
                    missing.push_back(true);
                } else if (PyUnicode_Check(t.ptr())) {
                    row.input = t.cast<std::string>();
                    missing.push_back(false);
                } else if (PyIndex_Check(t.ptr()) && !PyBool_Check(t.ptr())) {
                    // Numbers read from a spreadsheet as integers (no X check character).
                    row.input = py::str(py::reinterpret_steal<py::object>(PyNumber_Index(t.ptr())))
                                    .cast<std::string>();
                    missing.push_back(false);
                } else {
                    wrong_type("id_number", "str", t);
                }
                rows.push_back(std::move(row));
            }
            {
                py::gil_scoped_release release;
                for (std::size_t i = 0; i < rows.size(); ++i) {
                    auto& row = rows[i];
                    if (missing[i]) {
                        row.message = "missing";
                        continue;
                    }
                    id_number_error why{};
                    row.id_number = citizen_id::try_parse(row.input, &why);
                    if (row.id_number) continue;
                    row.error = why;
                    try {
                        (void)citizen_id::parse(row.input);  // only rejected texts pay for the message
                    } catch (invalid_input const& e) {
                        row.message = e.what();
                    }
                }
            }
            return record_table<id_number_check>(std::move(rows));
        },
        py::arg("texts"),
        "Checks a column of ID number texts (str; ints are read as digits; None/NaN are missing) and returns "
        "one row per text, as a table with to_pandas() / to_numpy().");
}

}  // namespace dangyuan::python
