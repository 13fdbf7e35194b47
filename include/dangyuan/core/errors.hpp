#pragma once
/// \file
/// The error hierarchy of dangyuan.
///
/// Every exception thrown by the library derives from `dangyuan::error`. Messages name the offending
/// value and, for rule violations, the rule id, so that a clerk reading a log line knows what to fix.
/// Exceptions of the underlying libraries (SQLiteCpp, date) never leak: the store translates them.

#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>

namespace dangyuan {

/// Base of every exception the library throws.
class error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A value supplied by the caller is malformed or inconsistent (an impossible date, an ID number
/// with a wrong check character, dates out of order). `field()` names the offending field.
class invalid_input : public error {
public:
    /// \param field  the name of the offending field, e.g. `"id_number"` or `"birth_date"`.
    /// \param reason what is wrong with it, including the offending value.
    invalid_input(std::string field, std::string const& reason)
        : error(field + ": " + reason), field_(std::move(field)), reason_(reason) {}

    /// The offending field.
    [[nodiscard]] std::string const& field() const noexcept { return field_; }
    /// The reason without the field prefix.
    [[nodiscard]] std::string const& reason() const noexcept { return reason_; }

private:
    std::string field_;
    std::string reason_;
};

/// A command is well formed but a rule of the regulations forbids it (a step out of sequence, an
/// introducer who is not a full member, a vote without quorum). `rule_id()` is the stable id of the
/// rule in the catalogue (`docs/rules.md`), `citation()` the document and article it comes from.
class rule_violation : public error {
public:
    rule_violation(std::string rule_id, std::string citation, std::string const& message)
        : error("[" + rule_id + "] " + message + (citation.empty() ? "" : " (" + citation + ")")),
          rule_id_(std::move(rule_id)),
          citation_(std::move(citation)),
          detail_(message) {}

    /// The stable rule id, e.g. `"org.committee_size"`.
    [[nodiscard]] std::string const& rule_id() const noexcept { return rule_id_; }
    /// The citation of the rule: document, article and confidence tag.
    [[nodiscard]] std::string const& citation() const noexcept { return citation_; }
    /// The message without the rule id and citation decoration.
    [[nodiscard]] std::string const& detail() const noexcept { return detail_; }

private:
    std::string rule_id_;
    std::string citation_;
    std::string detail_;
};

/// A referenced entity (member, organisation, calendar year) does not exist.
class not_found : public error {
public:
    using error::error;
};

/// An optimistic-concurrency check failed (the caller's version of an aggregate is stale) or a
/// uniqueness constraint would be broken (a second member with the same ID number).
class conflict : public error {
public:
    using error::error;
};

/// The store could not be opened, read or written (I/O failure, corrupt file, a file written by a
/// newer version of the library).
class storage_error : public error {
public:
    using error::error;
};

/// The principal of a store handle (core/access.hpp) may not do what was asked: it lacks the permission,
/// or the organisation concerned lies outside its subtree (一级抓一级). Nothing was changed; the refusal
/// was recorded in the audit trail (docs/security.md says when it cannot be). `permission()` names the
/// permission that was needed, `org()` the organisation concerned (0 when the action is store-wide).
class access_denied : public error {
public:
    access_denied(std::string permission, std::int64_t org, std::string const& message)
        : error("access denied (无权操作): " + message), permission_(std::move(permission)), org_(org) {}
    /// The code of the permission that was needed, e.g. `"write_roster"`.
    [[nodiscard]] std::string const& permission() const noexcept { return permission_; }
    /// The organisation the action concerned; 0 for a store-wide action.
    [[nodiscard]] std::int64_t org() const noexcept { return org_; }

private:
    std::string permission_;
    std::int64_t org_ = 0;
};

}  // namespace dangyuan
