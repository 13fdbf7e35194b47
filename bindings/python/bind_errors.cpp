// The exception hierarchy: every dangyuan::error becomes an instance of a matching Python class, with
// the C++ accessors (field, rule_id, citation …) as attributes.
//
//   dangyuan.Error(Exception)
//   ├── InvalidInput(Error, ValueError)        .field .reason
//   │   └── InvalidIdNumber(InvalidInput)       .kind (IdNumberError) .expected_check
//   ├── RuleViolation(Error)                   .rule_id .citation .detail
//   ├── NotFound(Error, LookupError)
//   │   └── CalendarYearMissing(NotFound)       .year
//   ├── Conflict(Error)
//   └── StorageError(Error)
//       └── StoreClosed(StorageError)

#include <string>

#include "common.hpp"
#include "dangyuan/core/work_calendar.hpp"
#include "dangyuan/rules/catalogue.hpp"
#include "enums.hpp"

namespace dangyuan::python {

std::string python_type_name(py::handle value) {
    auto const type = py::type::of(value);
    auto const module = py::getattr(type, "__module__", py::str("")).cast<std::string>();
    auto const name = type.attr("__qualname__").cast<std::string>();
    return module.empty() || module == "builtins" ? name : module + "." + name;
}

void wrong_type(std::string_view field, std::string_view expected, py::handle got) {
    std::string message = field.empty() ? std::string() : std::string(field) + ": ";
    message += "expected " + std::string(expected) + ", got " + python_type_name(got);
    throw py::type_error(message);
}

namespace {

// The classes live as long as the process: the module holds them and these borrowed pointers are
// only read by the translator.
struct exception_classes {
    PyObject* error = nullptr;
    PyObject* invalid_input = nullptr;
    PyObject* invalid_id_number = nullptr;
    PyObject* rule_violation = nullptr;
    PyObject* not_found = nullptr;
    PyObject* calendar_year_missing = nullptr;
    PyObject* conflict = nullptr;
    PyObject* storage_error = nullptr;
    PyObject* store_closed = nullptr;
    PyObject* access_denied = nullptr;
};
exception_classes classes;

PyObject* new_class(py::module_& m, char const* name, char const* doc, std::initializer_list<PyObject*> bases,
                    std::initializer_list<char const*> attributes = {}) {
    py::tuple b(bases.size());
    std::size_t i = 0;
    for (PyObject* base : bases)
        b[i++] = py::reinterpret_borrow<py::object>(base);
    std::string const qualified = std::string("dangyuan.") + name;
    PyObject* cls = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, b.ptr(), nullptr);
    if (cls == nullptr) throw py::error_already_set();
    auto const handle = py::reinterpret_steal<py::object>(cls);
    // Defaults for instances raised from Python code, which do not go through the translator.
    for (char const* attribute : attributes)
        py::setattr(handle, attribute, py::none());
    m.attr(name) = handle;
    return cls;  // borrowed from the module from now on
}

void set(py::object const& instance, char const* name, py::object value) {
    py::setattr(instance, name, std::move(value));
}

}  // namespace

/// The Python exception instance for a C++ exception of the library.
py::object python_exception(error const& e) {
    auto const make = [&](PyObject* cls) { return py::handle(cls)(py::str(e.what())); };
    if (auto const* x = dynamic_cast<invalid_id_number const*>(&e)) {
        auto inst = make(classes.invalid_id_number);
        set(inst, "field", py::str(x->field()));
        set(inst, "reason", py::str(x->invalid_input::reason()));
        set(inst, "kind", py::cast(x->reason()));
        set(inst, "expected_check",
            x->expected_check() == '\0' ? py::object(py::none())
                                        : py::str(std::string(1, x->expected_check())));
        return inst;
    }
    if (auto const* x = dynamic_cast<invalid_input const*>(&e)) {
        auto inst = make(classes.invalid_input);
        set(inst, "field", py::str(x->field()));
        set(inst, "reason", py::str(x->reason()));
        return inst;
    }
    if (auto const* x = dynamic_cast<rule_violation const*>(&e)) {
        auto inst = make(classes.rule_violation);
        set(inst, "rule_id", py::str(x->rule_id()));
        set(inst, "citation", py::str(x->citation()));
        set(inst, "detail", py::str(x->detail()));
        return inst;
    }
    if (auto const* x = dynamic_cast<calendar_year_missing const*>(&e)) {
        auto inst = make(classes.calendar_year_missing);
        set(inst, "year", py::int_(x->year()));
        return inst;
    }
    if (auto const* x = dynamic_cast<access_denied const*>(&e)) {
        auto inst = make(classes.access_denied);
        set(inst, "permission", py::str(x->permission()));
        set(inst, "org", py::int_(x->org()));
        return inst;
    }
    if (dynamic_cast<not_found const*>(&e) != nullptr) return make(classes.not_found);
    if (dynamic_cast<conflict const*>(&e) != nullptr) return make(classes.conflict);
    if (dynamic_cast<store_closed const*>(&e) != nullptr) return make(classes.store_closed);
    if (dynamic_cast<storage_error const*>(&e) != nullptr) return make(classes.storage_error);
    return make(classes.error);
}

void bind_errors(py::module_& m) {
    classes.error = new_class(m, "Error", "Base of every exception raised by dangyuan.", {PyExc_Exception});
    classes.invalid_input =
        new_class(m, "InvalidInput",
                  "A value is malformed or inconsistent. .field names the offending field, .reason says why.",
                  {classes.error, PyExc_ValueError}, {"field", "reason"});
    classes.invalid_id_number =
        new_class(m, "InvalidIdNumber",
                  "A citizen ID number was rejected (.field is 'id_number'). .kind is the IdNumberError, "
                  ".expected_check the correct check character for a wrong one (else None).",
                  {classes.invalid_input}, {"field", "reason", "kind", "expected_check"});
    classes.rule_violation = new_class(
        m, "RuleViolation",
        "A rule of the regulations forbids the command. .rule_id is the catalogue id, .citation the "
        "document and article, .detail the message without decoration.",
        {classes.error}, {"rule_id", "citation", "detail"});
    classes.not_found =
        new_class(m, "NotFound", "A referenced entity does not exist.", {classes.error, PyExc_LookupError});
    classes.calendar_year_missing =
        new_class(m, "CalendarYearMissing",
                  "The working-day calendar has no official data for .year (load it, or pass estimate=True).",
                  {classes.not_found}, {"year"});
    classes.conflict = new_class(
        m, "Conflict",
        "An optimistic-concurrency check failed (a stale version) or a uniqueness rule would be broken.",
        {classes.error});
    classes.storage_error =
        new_class(m, "StorageError", "The store could not be opened, read or written.", {classes.error});
    classes.access_denied = new_class(
        m, "AccessDenied",
        "The store's principal may not do this: .permission names the permission needed (a Permission "
        "code), .org the organisation concerned (0: store-wide). Nothing was changed; the refusal is in "
        "the audit trail.",
        {classes.error, PyExc_PermissionError}, {"permission", "org"});
    classes.store_closed = new_class(m, "StoreClosed", "The store was closed and cannot be used any more.",
                                     {classes.storage_error});

    py::register_exception_translator([](std::exception_ptr p) {
        if (!p) return;
        try {
            std::rethrow_exception(p);
        } catch (error const& e) {
            auto const inst = python_exception(e);
            PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(inst.ptr())), inst.ptr());
        }
    });

    m.def(
        "violation",
        [](std::string_view rule_id, std::string const& message) {
            return python_exception(dangyuan::violation(rule_id, message));
        },
        py::arg("rule_id"), py::arg("message"),
        "The RuleViolation for a catalogue rule, with its citation, ready to raise.\n\n"
        "Raises NotFound for an unknown rule id.");
}

}  // namespace dangyuan::python
