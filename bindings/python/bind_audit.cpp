// The audit trail (storage/store.hpp audit_entry) and the AuditLog table.

#include <array>
#include <optional>
#include <span>

#include "foundation.hpp"

namespace dangyuan::python {

namespace {

// "2024-05-01T08:30:00Z" -> seconds since the epoch; none for any other shape.
std::optional<std::int64_t> utc_seconds(std::string_view t) {
    if (t.size() != 20 || t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' || t[16] != ':' ||
        t[19] != 'Z')
        return std::nullopt;
    auto digits = [&](std::size_t at, std::size_t n) {
        int v = 0;
        for (std::size_t i = at; i < at + n; ++i) {
            if (t[i] < '0' || t[i] > '9') return -1;
            v = v * 10 + (t[i] - '0');
        }
        return v;
    };
    int const y = digits(0, 4), mo = digits(5, 2), d = digits(8, 2), h = digits(11, 2), mi = digits(14, 2),
              s = digits(17, 2);
    if (y < 0 || mo < 1 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 60)
        return std::nullopt;
    date::year_month_day const ymd{date::year{y}, date::month{static_cast<unsigned>(mo)},
                                   date::day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) return std::nullopt;
    return epoch_days(date::sys_days{ymd}) * 86400 + h * 3600 + mi * 60 + s;
}

}  // namespace

std::span<field_spec<audit_entry> const> record_traits<audit_entry>::fields() {
    static std::array const specs{
        field<&audit_entry::seq>("seq"),
        field<&audit_entry::at>("at"),
        field<&audit_entry::actor>("actor"),
        field<&audit_entry::entity>("entity"),
        field<&audit_entry::entity_id>("entity_id"),
        field<&audit_entry::action>("action"),
        field<&audit_entry::why>("why"),
        field<&audit_entry::detail>("detail"),
    };
    return specs;
}
void record_traits<audit_entry>::finish(audit_entry&, std::uint64_t&) {}

void table_spec<audit_entry>::columns(column_builder<audit_entry>& b) {
    using r = audit_entry;
    b.integer("seq", [](r const& x) { return x.seq; });
    b.timestamps("at", [](r const& x) { return utc_seconds(x.at); });
    b.text(
        "actor", [](r const& x) -> std::string const& { return x.actor; }, true);
    b.text(
        "entity", [](r const& x) -> std::string const& { return x.entity; }, true);
    b.integer("entity_id", [](r const& x) { return x.entity_id; });
    b.text(
        "action", [](r const& x) -> std::string const& { return x.action; }, true);
    b.text(
        "why", [](r const& x) -> std::string const& { return x.why; }, true);
    b.text("detail", [](r const& x) -> std::string const& { return x.detail; });
}

void bind_audit(py::module_& m) {
    py::class_<audit_entry> cls(m, "AuditEntry",
                                "One line of the audit trail: seq, at (UTC, ISO 8601 text), actor, entity, "
                                "entity_id, action, why, detail (ID numbers and phones masked).");
    bind_record(cls);
    register_table<audit_entry>(
        m,
        "Audit entries, one row each: seq, at (datetime64, UTC), actor, entity, entity_id, "
        "action, why, detail.");

    py::class_<audit_verification>(
        m, "AuditVerification",
        "The outcome of Store.verify_audit(): ok, entries_checked, first_bad_seq (None when intact), "
        "message, head_seq and head_hash (the last entry that verified; keep the hash elsewhere). "
        "True when intact.")
        .def_readonly("ok", &audit_verification::ok, "True when every entry matches its hash.")
        .def_readonly("entries_checked", &audit_verification::entries_checked, "Entries read.")
        .def_readonly("first_bad_seq", &audit_verification::first_bad_seq,
                      "The first entry changed, removed or inserted; None when intact.")
        .def_readonly("message", &audit_verification::message, "What was found.")
        .def_readonly("head_seq", &audit_verification::head_seq,
                      "The seq of the last entry that verified (0 for an empty trail).")
        .def_readonly("head_hash", &audit_verification::head_hash,
                      "Its hash (64 hexadecimal digits; 64 zeros for an empty trail).")
        .def("__bool__", [](audit_verification const& v) { return v.ok; })
        .def("__repr__", [](audit_verification const& v) {
            return "<AuditVerification " + std::string(v.ok ? "ok" : "NOT ok") + ": " + v.message + ">";
        });
}

}  // namespace dangyuan::python
