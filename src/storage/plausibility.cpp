// Plausibility bounds shared by every repository (see plausibility.hpp).

#include "plausibility.hpp"

#include <cstdint>
#include <cstdio>
#include <string>

#include "dangyuan/core/calendar.hpp"
#include "dangyuan/rules/catalogue.hpp"
#include "dangyuan/rules/recording.hpp"

namespace dangyuan::storage {

void check_not_in_future(store const& s, date::sys_days d, std::string_view field) {
    dangyuan::check_not_in_future(d, s.today(), field);
}

void check_not_in_future(store const& s, std::optional<date::sys_days> d, std::string_view field) {
    if (d) check_not_in_future(s, *d, field);
}

void check_text(std::string_view value, std::string_view field, std::size_t max_chars, bool multiline) {
    std::size_t chars = 0;
    auto const bad = [&](std::string const& why) { throw invalid_input(std::string(field), why); };
    for (std::size_t i = 0; i < value.size();) {
        auto const c = static_cast<unsigned char>(value[i]);
        std::size_t len = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            len = 1;
            cp = c;
        } else if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1Fu;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0Fu;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07u;
        } else {
            bad("is not valid UTF-8 (byte " + std::to_string(i + 1) + ")");
        }
        if (i + len > value.size()) bad("is not valid UTF-8 (cut off at the end)");
        for (std::size_t k = 1; k < len; ++k) {
            auto const cc = static_cast<unsigned char>(value[i + k]);
            if ((cc & 0xC0) != 0x80) bad("is not valid UTF-8 (byte " + std::to_string(i + k + 1) + ")");
            cp = (cp << 6) | (cc & 0x3Fu);
        }
        // Overlong forms, surrogates and code points beyond Unicode are not UTF-8 either.
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
            (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
            bad("is not valid UTF-8 (byte " + std::to_string(i + 1) + ")");
        if (cp == 0) bad("holds a NUL character");
        bool const allowed_space = multiline && (cp == '\t' || cp == '\n' || cp == '\r');
        if ((cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) && !allowed_space)
            bad("holds the control character U+" +
                [&] {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(cp));
                    return std::string(buf);
                }() +
                (multiline ? "" : " (a line break or tab is not allowed here)"));
        i += len;
        ++chars;
    }
    if (chars > max_chars)
        bad("has " + std::to_string(chars) + " characters; at most " + std::to_string(max_chars) +
            " are kept");
}

void check_member_record(store const& s, member const& m) {
    check_member_record(m, s.today());
}

void check_member_record(member const& m, date::sys_days today) {
    check_text(m.name, "name", text_cap::name);
    check_text(m.work_unit, "work_unit", text_cap::long_text);
    check_text(m.post, "post", text_cap::short_text);
    check_text(m.native_place, "native_place", text_cap::short_text);
    check_text(m.phone, "phone", text_cap::phone);
    check_text(m.address, "address", text_cap::long_text);
    if (m.birth_date < earliest_birth)
        throw invalid_input("birth_date", "birth date " + format_date(m.birth_date) +
                                              " is before 1870-01-01; no member was born that early");
    if (m.admission_date < earliest_admission)
        throw invalid_input("admission_date", "admission date " + format_date(m.admission_date) +
                                                  " is before the founding of the Party on 1921-07-01");
    if (m.birth_date >= m.admission_date)
        throw invalid_input("birth_date", "birth date " + format_date(m.birth_date) +
                                              " is not before the admission date " +
                                              format_date(m.admission_date));
    dangyuan::check_not_in_future(m.birth_date, today, "birth_date");
    if (m.application_date) dangyuan::check_not_in_future(*m.application_date, today, "application_date");
    dangyuan::check_not_in_future(m.admission_date, today, "admission_date");
    dangyuan::check_not_in_future(m.joined_branch, today, "joined_branch");
    // The full-member date is the planned end of probation, recorded ahead with the admission.
}

void check_org_record(store const& s, org_unit const& o) {
    check_text(o.name, "name", text_cap::org_name);
    check_not_in_future(s, o.established, "established");
    check_not_in_future(s, o.term_start, "term_start");
    check_not_in_future(s, o.dissolved, "dissolved");
}

void check_step_record(store const& s, step_record const& r) {
    check_not_in_future(s, record_date(r), "date");
    std::visit(
        [&](auto const& x) {
            if constexpr (requires { x.conclusion; })
                check_text(x.conclusion, "conclusion", text_cap::note, true);
            if constexpr (requires { x.document; }) check_text(x.document, "document", text_cap::long_text);
            if constexpr (requires { x.reason; }) check_text(x.reason, "reason", text_cap::note, true);
            check_text(x.note, "note", text_cap::note, true);
        },
        r);
}

void check_certificate_issue(store const& s, certificate_issue const& c) {
    check_not_in_future(s, c.issued, "issued");
    check_text(c.member_name, "member_name", text_cap::name);
    check_text(c.destination, "destination", text_cap::long_text);
    check_text(c.transfer_blocked_reason, "transfer_blocked_reason", text_cap::note, true);
}

void check_meeting(store const& s, meeting const& m) {
    check_not_in_future(s, m.date, "date");
    check_text(m.topic, "topic", text_cap::note, true);
}

}  // namespace dangyuan::storage
