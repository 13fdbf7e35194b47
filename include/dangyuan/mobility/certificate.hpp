#pragma once
/// \file
/// The mobile-member activity certificate 《流动党员活动证》: numbering, issue, its life as a dated
/// list of records, annual review, and which document fits which absence.
///
/// A certificate is issued by a grassroots committee (基层党委) through the branch holding the member's
/// relationship, under a number from the county organisation department's scheme
/// (`certificate_numbering`). The member presents it to the host organisation (流入地), has it reviewed
/// once a year together with the democratic evaluation (年审), and hands it back on return for
/// inspection with a report of the period away. A lost certificate is void and replaced under a new
/// number; a certificate can also be revoked. Every transition is dated; nothing happens to a
/// certificate that was handed back, lost or revoked (certificate.closed_not_usable).
///
/// Which document fits which absence (`advise_document`): a party-member certificate letter
/// (党员证明信) for short trips, a transfer of the relationship for a stay of 6 months or more at a
/// fixed place, org life at home for members who return often, the certificate otherwise.

#include <date/date.h>

#include <algorithm>
#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "dangyuan/agenda/agenda.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/enum_table.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/core/ids.hpp"
#include "dangyuan/core/record_variant.hpp"
#include "dangyuan/mobility/episode.hpp"
#include "dangyuan/mobility/record_kinds.hpp"
#include "dangyuan/org/org.hpp"
#include "dangyuan/rules/catalogue.hpp"
#include "dangyuan/rules/rule_set.hpp"

namespace dangyuan {

// ---------------------------------------------------------------------------------------------------
// Which document fits which absence

/// The document (or arrangement) an absence calls for.
enum class absence_document {
    certificate_letter,    ///< 党员证明信: short trips (meetings, training, secondment, business, leave)
    activity_certificate,  ///< 《流动党员活动证》
    transfer,              ///< 转接组织关系 with a transfer letter (介绍信)
    home_branch_life,      ///< no document: the member keeps org life at the home branch
};

template <>
struct enum_table<absence_document> {
    static constexpr std::string_view field = "document";
    static constexpr std::string_view noun = "absence document";
    static constexpr enum_row<absence_document> rows[] = {
        {absence_document::certificate_letter, "certificate_letter", "党员证明信"},
        {absence_document::activity_certificate, "activity_certificate", "流动党员活动证"},
        {absence_document::transfer, "transfer", "转接组织关系"},
        {absence_document::home_branch_life, "home_branch_life", "在原支部参加组织生活"},
    };
};

/// What is known of a planned absence.
struct absence_plan {
    int expected_months = 0;     ///< expected length in months
    bool fixed_place = false;    ///< at one relatively fixed place (相对固定)
    bool short_trip = false;     ///< a meeting, training course, secondment, official trip or leave
    bool returns_often = false;  ///< moves about but comes back often (经常往返)
    /// The relationship cannot be transferred yet (e.g. the receiving unit has no party organisation
    /// able to receive it); a certificate then covers a long fixed stay.
    bool transfer_blocked = false;
    int members_together = 1;  ///< members leaving together for the same place (the member included)

    friend bool operator==(absence_plan const&, absence_plan const&) = default;
};

/// The advice for an absence: the document, the rule behind it, and whether a temporary branch or
/// party group (临时党支部/党小组) should be formed as well.
struct document_advice {
    absence_document document = absence_document::activity_certificate;
    std::string rule_id;         ///< the catalogue rule that decided
    std::string reason;          ///< one sentence for the clerk
    bool temporary_org = false;  ///< mobility.temporary_branch_3
    /// The rule behind `temporary_org` when it is set ("mobility.temporary_branch_3"), else empty.
    std::string temporary_org_rule_id;

    friend bool operator==(document_advice const&, document_advice const&) = default;
};

/// Which document fits an absence, in this order:
/// 1. fixed place and `expected_months >= transfer_after_months`, transfer possible → `transfer`
///    (mobility.transfer_fixed_place_6_months);
/// 2. a short trip shorter than `transfer_after_months` → `certificate_letter`
/// (certificate.short_trip_letter);
/// 3. a member who returns often → `home_branch_life` (certificate.frequent_return_home);
/// 4. otherwise → `activity_certificate` (certificate.scope).
/// `temporary_org` is set when `members_together >= temporary_org_min_members` (mobility.temporary_branch_3).
/// \throws invalid_input{"expected_months"} when negative, {"members_together"} when below 1.
[[nodiscard]] inline document_advice advise_document(absence_plan const& plan, rule_set const& rules) {
    auto const& p = rules.mobility;
    if (plan.expected_months < 0)
        throw invalid_input("expected_months",
                            "negative expected absence " + std::to_string(plan.expected_months));
    if (plan.members_together < 1)
        throw invalid_input("members_together", std::to_string(plan.members_together) + " members leaving");
    document_advice a;
    a.temporary_org = plan.members_together >= p.temporary_org_min_members;
    if (a.temporary_org) a.temporary_org_rule_id = "mobility.temporary_branch_3";
    auto const months = std::to_string(plan.expected_months) + " months";
    if (plan.fixed_place && plan.expected_months >= p.transfer_after_months && !plan.transfer_blocked) {
        a.document = absence_document::transfer;
        a.rule_id = "mobility.transfer_fixed_place_6_months";
        a.reason = months + " at a fixed place: transfer the organisational relationship";
    } else if (plan.short_trip && plan.expected_months < p.transfer_after_months) {
        a.document = absence_document::certificate_letter;
        a.rule_id = "certificate.short_trip_letter";
        a.reason = "a short trip of " + months + ": a party-member certificate letter (党员证明信)";
    } else if (plan.returns_often) {
        a.document = absence_document::home_branch_life;
        a.rule_id = "certificate.frequent_return_home";
        a.reason = "returns often: org life stays at the home branch";
    } else {
        a.document = absence_document::activity_certificate;
        a.rule_id = "certificate.scope";
        a.reason = months +
                   (plan.fixed_place && plan.transfer_blocked
                        ? " at a fixed place, the relationship cannot be transferred yet"
                        : " away") +
                   ": issue the activity certificate (流动党员活动证)";
    }
    return a;
}

// ---------------------------------------------------------------------------------------------------
// Numbers

/// A certificate number, e.g. "3301060000123" (prefix + zero-padded sequence). A distinct type so
/// that it cannot be confused with other text.
struct certificate_no {
    std::string value;

    friend bool operator==(certificate_no const&, certificate_no const&) = default;
    friend auto operator<=>(certificate_no const&, certificate_no const&) = default;
};

/// The numbering scheme of one issuing authority (county organisation department): a prefix and a
/// zero-padded sequence. Hands out the next free number and refuses a number twice
/// (certificate.unique_number). A plain value: store it with the authority and compare it.
class certificate_numbering {
public:
    /// An empty prefix, 6 digits, starting at 1.
    certificate_numbering() = default;

    /// \param prefix the fixed part, e.g. a county code
    /// \param digits width of the zero-padded sequence, 1..18
    /// \param next   the next sequence number to hand out, ≥ 1
    /// \throws invalid_input{"digits"} or {"next"} when out of range.
    explicit certificate_numbering(std::string prefix, int digits = 6, std::int64_t next = 1)
        : prefix_(std::move(prefix)), digits_(digits), next_(next) {
        if (digits < 1 || digits > 18)
            throw invalid_input("digits", std::to_string(digits) + " is not 1..18");
        if (next < 1) throw invalid_input("next", "sequence starts at " + std::to_string(next));
    }

    /// The scheme of a rule set (`certificate_number_prefix`, `certificate_number_digits`).
    [[nodiscard]] static certificate_numbering from(rule_set const& rules) {
        return certificate_numbering(rules.mobility.certificate_number_prefix,
                                     rules.mobility.certificate_number_digits);
    }

    /// The number `next()` would hand out, without taking it.
    /// \throws invalid_input{"sequence"} when the sequence no longer fits in `digits`.
    [[nodiscard]] certificate_no peek() const {
        auto seq = next_;
        while (taken(format(seq)))
            ++seq;
        return format(seq);
    }

    /// Takes and returns the next free number; numbers reserved out of order are skipped.
    /// \throws invalid_input{"sequence"} when the sequence no longer fits in `digits`.
    certificate_no next() {
        auto seq = next_;
        while (taken(format(seq)))
            ++seq;
        auto no = format(seq);
        taken_.insert(no.value);
        next_ = seq + 1;
        return no;
    }

    /// Records a number assigned elsewhere (an imported register, a number printed on a form).
    /// \throws invalid_input{"number"} when empty; rule_violation certificate.unique_number when taken.
    void reserve(certificate_no const& no) {
        if (no.value.empty()) throw invalid_input("number", "empty certificate number");
        if (taken(no))
            throw violation("certificate.unique_number",
                            "certificate number " + no.value + " was already issued");
        taken_.insert(no.value);
    }

    /// True when `no` was handed out or reserved.
    [[nodiscard]] bool taken(certificate_no const& no) const { return taken_.count(no.value) != 0; }

    [[nodiscard]] std::string const& prefix() const noexcept { return prefix_; }
    [[nodiscard]] int digits() const noexcept { return digits_; }
    /// The next sequence number to try.
    [[nodiscard]] std::int64_t next_sequence() const noexcept { return next_; }
    /// Every number taken, in text order (for storage).
    [[nodiscard]] std::set<std::string> const& taken_numbers() const noexcept { return taken_; }

    friend bool operator==(certificate_numbering const&, certificate_numbering const&) = default;

private:
    [[nodiscard]] certificate_no format(std::int64_t seq) const {
        auto digits = std::to_string(seq);
        if (digits.size() > static_cast<std::size_t>(digits_))
            throw invalid_input("sequence", "sequence " + digits + " does not fit in " +
                                                std::to_string(digits_) + " digits after prefix '" + prefix_ +
                                                "'");
        return {prefix_ + std::string(static_cast<std::size_t>(digits_) - digits.size(), '0') + digits};
    }

    std::string prefix_;
    int digits_ = 6;
    std::int64_t next_ = 1;
    std::set<std::string> taken_;
};

// ---------------------------------------------------------------------------------------------------
// The certificate

/// The register entry of an issue (发证登记): what the branch fills in and the committee files with the
/// higher organisation.
struct certificate_issue {
    std::string member_name;  ///< 姓名
    org_id branch;  ///< 所在党支部: holds the relationship, fills in and hands out the certificate
    org_id issuing_committee;  ///< 发证党委: the grassroots committee that stamps it
    date::sys_days issued{};   ///< 发证日期
    mobility_reason reason = mobility_reason::work_business;  ///< 外出原因
    std::string destination;                                  ///< 外出地点
    int expected_months = 0;                                  ///< 外出时限, months
    bool fixed_place = false;                                 ///< the stay is at one relatively fixed place
    /// Why the relationship cannot be transferred yet; non-empty allows a certificate for a fixed stay of
    /// `transfer_after_months` or more (certificate.scope).
    std::string transfer_blocked_reason;
    std::optional<certificate_no> replaces;  ///< the lost certificate this one replaces (补发)

    friend bool operator==(certificate_issue const&, certificate_issue const&) = default;
};

/// What happened to a certificate after its issue: the kinds of `certificate_record`, in its variant
/// order.
enum class certificate_event_kind {
    presented,  ///< 交流入地党组织查验: presented to a host organisation
    reviewed,   ///< 年审: annual review, combined with the democratic evaluation
    returned,   ///< 交回查验: handed back to the home organisation on return, with a report
    lost,       ///< 遗失: lost; the certificate is void
    revoked,    ///< 收回注销: revoked by the issuer
};

/// The state of a certificate.
enum class certificate_state {
    issued,     ///< 已发放
    presented,  ///< 已交流入地党组织 (in use at a host)
    returned,   ///< 已交回查验
    void_lost,  ///< 遗失作废
    revoked,    ///< 已收回注销
};

template <>
struct enum_table<certificate_event_kind> {
    static constexpr std::string_view field = "kind";
    static constexpr std::string_view noun = "certificate event";
    static constexpr enum_row<certificate_event_kind> rows[] = {
        {certificate_event_kind::presented, "presented", "交流入地党组织查验"},
        {certificate_event_kind::reviewed, "reviewed", "年审"},
        {certificate_event_kind::returned, "returned", "交回查验"},
        {certificate_event_kind::lost, "lost", "遗失"},
        {certificate_event_kind::revoked, "revoked", "收回注销"},
    };
};

template <>
struct enum_table<certificate_state> {
    static constexpr std::string_view field = "state";
    static constexpr std::string_view noun = "certificate state";
    static constexpr enum_row<certificate_state> rows[] = {
        {certificate_state::issued, "issued", "已发放"},
        {certificate_state::presented, "presented", "已交流入地党组织"},
        {certificate_state::returned, "returned", "已交回查验"},
        {certificate_state::void_lost, "void_lost", "遗失作废"},
        {certificate_state::revoked, "revoked", "已收回注销"},
    };
};

namespace detail {
/// One row of the certificate's transition table.
struct certificate_transition {
    certificate_state from;
    certificate_event_kind kind;
    certificate_state to;
};
using cs = certificate_state;
using ck = certificate_event_kind;
// The legal transitions. A member who moves presents the certificate to the next host, so
// presented → presented is legal; a review keeps the state. Nothing leaves returned, void_lost or
// revoked (certificate.closed_not_usable).
inline constexpr certificate_transition certificate_transitions[] = {
    {cs::issued, ck::presented, cs::presented},   {cs::issued, ck::reviewed, cs::issued},
    {cs::issued, ck::returned, cs::returned},     {cs::issued, ck::lost, cs::void_lost},
    {cs::issued, ck::revoked, cs::revoked},       {cs::presented, ck::presented, cs::presented},
    {cs::presented, ck::reviewed, cs::presented}, {cs::presented, ck::returned, cs::returned},
    {cs::presented, ck::lost, cs::void_lost},     {cs::presented, ck::revoked, cs::revoked},
};
}  // namespace detail

/// Parses an event kind from its English code or Chinese name.
/// \throws invalid_input{"kind"} naming the value.
[[nodiscard]] inline certificate_event_kind parse_certificate_event_kind(std::string_view s) {
    return parse_enum_or_throw<certificate_event_kind>(s);
}
/// True for the states in which a certificate can still be used (issued, presented).
[[nodiscard]] constexpr bool is_open(certificate_state s) noexcept {
    return s == certificate_state::issued || s == certificate_state::presented;
}
/// The state an event leads to from `from`, or nothing when the transition is not legal.
[[nodiscard]] constexpr std::optional<certificate_state> certificate_after(
    certificate_state from, certificate_event_kind k) noexcept {
    for (auto const& t : detail::certificate_transitions)
        if (t.from == from && t.kind == k) return t.to;
    return std::nullopt;
}

/// Certificate record: presented to a host organisation (交流入地党组织查验).
struct certificate_presented {
    date::sys_days date{};
    std::optional<org_id> org;  ///< the host organisation (required; not the home branch)
    std::string org_name;       ///< its name, e.g. a host outside the store

    friend bool operator==(certificate_presented const&, certificate_presented const&) = default;
};

/// Certificate record: the annual review (年审), combined with the democratic evaluation.
struct certificate_reviewed {
    date::sys_days date{};
    std::optional<org_id> org;              ///< the reviewing branch (home or host)
    std::string org_name;                   ///< its name
    std::optional<campaign_id> evaluation;  ///< the democratic evaluation it was combined with
    std::string result;                     ///< the result of the review

    friend bool operator==(certificate_reviewed const&, certificate_reviewed const&) = default;
};

/// Certificate record: handed back to the home organisation on return (交回查验).
struct certificate_returned {
    date::sys_days date{};
    std::optional<org_id> org;  ///< the organisation that inspected it
    std::string org_name;       ///< its name
    /// The member's report on the period away (required, certificate.return_with_report).
    std::string report;

    friend bool operator==(certificate_returned const&, certificate_returned const&) = default;
};

/// Certificate record: lost (遗失); the certificate is void.
struct certificate_lost {
    date::sys_days date{};
    std::string reason;

    friend bool operator==(certificate_lost const&, certificate_lost const&) = default;
};

/// Certificate record: revoked by the issuer (收回注销).
struct certificate_revoked {
    date::sys_days date{};
    std::string reason;

    friend bool operator==(certificate_revoked const&, certificate_revoked const&) = default;
};

/// One dated record of a certificate. The variant index is stable (new kinds are appended at the end)
/// and follows `certificate_event_kind`.
using certificate_record = std::variant<certificate_presented, certificate_reviewed, certificate_returned,
                                        certificate_lost, certificate_revoked>;

/// Stable names of the record kinds, indexed by the variant index: the codes of `certificate_event_kind`.
inline constexpr std::array<std::string_view, std::variant_size_v<certificate_record>>
    certificate_record_kinds{"presented", "reviewed", "returned", "lost", "revoked"};

/// The variant index of record kind `T` in `certificate_record`.
template <class T>
inline constexpr std::size_t certificate_record_index = record_index<T, certificate_record>;

/// The kind of a record, as the enum (for its Chinese name and the transition table).
[[nodiscard]] constexpr certificate_event_kind kind_of(certificate_record const& r) noexcept {
    return static_cast<certificate_event_kind>(r.index());
}

/// The kind name of a record.
[[nodiscard]] inline std::string_view kind_name(certificate_record const& r) noexcept {
    return certificate_record_kinds[r.index()];
}

/// The date of a record.
[[nodiscard]] inline date::sys_days record_date(certificate_record const& r) noexcept {
    return date_of(r);
}

static_assert(detail::kinds_follow_enum<certificate_event_kind>(certificate_record_kinds),
              "certificate_event_kind, its table and certificate_record disagree");

/// A 《流动党员活动证》: its number, holder, register entry and records after the issue.
struct activity_certificate {
    certificate_no number;
    member_id member;
    certificate_issue issue;
    std::vector<certificate_record> records;  ///< in date order, all on or after `issue.issued`

    friend bool operator==(activity_certificate const&, activity_certificate const&) = default;
};

/// The state of a certificate on a date.
struct certificate_status {
    certificate_state state = certificate_state::issued;
    std::optional<org_id> host;  ///< the host it was last presented to
    std::string host_name;
    std::optional<date::sys_days> presented_on;
    std::optional<date::sys_days> last_review;
    std::optional<date::sys_days> closed_on;  ///< returned, lost or revoked

    friend bool operator==(certificate_status const&, certificate_status const&) = default;
};

/// The status of `c` on `d`, folding the records dated on or before `d`.
/// \returns nothing before the issue date.
[[nodiscard]] inline std::optional<certificate_status> state_on(activity_certificate const& c,
                                                                date::sys_days d) {
    if (d < c.issue.issued) return std::nullopt;
    certificate_status st;
    for (auto const& r : c.records) {
        if (record_date(r) > d) break;
        if (auto next = certificate_after(st.state, kind_of(r))) st.state = *next;
        std::visit(
            [&st](auto const& x) {
                using T = std::decay_t<decltype(x)>;
                if constexpr (std::is_same_v<T, certificate_presented>) {
                    st.host = x.org;
                    st.host_name = x.org_name;
                    st.presented_on = x.date;
                } else if constexpr (std::is_same_v<T, certificate_reviewed>) {
                    st.last_review = x.date;
                } else {
                    st.closed_on = x.date;  // returned, lost or revoked
                }
            },
            r);
    }
    return st;
}

/// The last day of validity when the rule set sets one (certificate.validity [U]): issue date +
/// `certificate_validity_months`. Nothing (the default) = no expiry.
[[nodiscard]] inline std::optional<date::sys_days> expiry_date(activity_certificate const& c,
                                                               rule_set const& rules) {
    if (!rules.mobility.certificate_validity_months) return std::nullopt;
    return add_months(c.issue.issued, *rules.mobility.certificate_validity_months);
}

/// True when `c` can be used on `d`: issued on or before `d`, neither handed back, lost nor revoked,
/// and not past its expiry date (the expiry day itself is still valid).
[[nodiscard]] inline bool is_valid_on(activity_certificate const& c, date::sys_days d,
                                      rule_set const& rules) {
    auto const st = state_on(c, d);
    if (!st || !is_open(st->state)) return false;
    auto const exp = expiry_date(c, rules);
    return !exp || d <= *exp;
}

/// The certificates of `certs` valid on `d`.
[[nodiscard]] inline std::vector<activity_certificate const*> valid_certificates_on(
    std::span<activity_certificate const> certs, date::sys_days d, rule_set const& rules) {
    std::vector<activity_certificate const*> out;
    for (auto const& c : certs)
        if (is_valid_on(c, d, rules)) out.push_back(&c);
    return out;
}

/// The day the next annual review is due: `certificate_review_interval_months` after the last review
/// on or before `d`, or after the issue (certificate.annual_review).
[[nodiscard]] inline date::sys_days next_review_due(activity_certificate const& c, date::sys_days d,
                                                    rule_set const& rules) {
    auto const st = state_on(c, d);
    auto const from = st && st->last_review ? *st->last_review : c.issue.issued;
    return add_months(from, rules.mobility.certificate_review_interval_months);
}

/// Refuses an issuing organisation that is not a grassroots committee (基层党委) or a street working
/// committee (党工委) (certificate.issuer_grassroots_committee).
/// \throws rule_violation certificate.issuer_grassroots_committee.
inline void check_issuer(org_unit const& committee) {
    if (committee.kind != org_kind::grassroots_committee && committee.kind != org_kind::working_committee)
        throw violation("certificate.issuer_grassroots_committee",
                        committee.name + " is a " + std::string(chinese_name(committee.kind)) +
                            "; certificates are stamped and issued by a grassroots committee (基层党委)");
}

/// Checks a new issue for `member` against the member's other certificates `existing`. Changes nothing.
/// \throws invalid_input naming the field: `member`, `member_name`, `branch`, `issuing_committee`,
///         `destination` missing; `expected_months` negative; `replaces` not among `existing`.
/// \throws rule_violation certificate.scope (a fixed stay of `transfer_after_months` or more that can be
///         transferred), certificate.lost_reissue (`replaces` names a certificate that is not lost),
///         certificate.one_valid_per_member (another certificate is valid on the issue date).
inline void check_issue(member_id member, certificate_issue const& issue,
                        std::span<activity_certificate const> existing, rule_set const& rules) {
    if (!member.valid()) throw invalid_input("member", "certificate without a member");
    if (issue.member_name.empty()) throw invalid_input("member_name", "the holder's name is empty");
    if (!issue.branch.valid()) throw invalid_input("branch", "the branch is not given");
    if (!issue.issuing_committee.valid())
        throw invalid_input("issuing_committee", "the issuing committee is not given");
    if (issue.destination.empty()) throw invalid_input("destination", "the destination is empty");
    if (issue.expected_months < 0)
        throw invalid_input("expected_months",
                            "negative expected absence " + std::to_string(issue.expected_months));
    auto const months = rules.mobility.transfer_after_months;
    if (issue.fixed_place && issue.expected_months >= months && issue.transfer_blocked_reason.empty())
        throw violation("certificate.scope",
                        issue.member_name + " will stay " + std::to_string(issue.expected_months) +
                            " months at a fixed place (" + issue.destination +
                            "): transfer the relationship instead of issuing a certificate");
    if (issue.replaces) {
        auto it = std::find_if(existing.begin(), existing.end(),
                               [&](activity_certificate const& c) { return c.number == *issue.replaces; });
        if (it == existing.end())
            throw invalid_input("replaces", "certificate " + issue.replaces->value + " is not one of " +
                                                issue.member_name + "'s certificates");
        if (it->member != member)
            throw invalid_input("replaces", "certificate " + issue.replaces->value + " belongs to member " +
                                                std::to_string(it->member.value()));
        auto const st = state_on(*it, issue.issued);
        if (!st || st->state != certificate_state::void_lost)
            throw violation("certificate.lost_reissue",
                            "certificate " + issue.replaces->value + " is " +
                                (st ? std::string(chinese_name(st->state)) : std::string("not yet issued")) +
                                " on " + format_date(issue.issued) + "; only a lost certificate is replaced");
    }
    for (auto const& c : existing)
        if (c.member == member && is_valid_on(c, issue.issued, rules))
            throw violation("certificate.one_valid_per_member",
                            issue.member_name + " already holds certificate " + c.number.value + " (issued " +
                                format_date(c.issue.issued) + "), valid on " + format_date(issue.issued) +
                                "; have it handed back, or record it lost or revoked");
}

/// Issues a certificate under the next number of `numbering` after check_issue. On a throw neither
/// `numbering` nor anything else changes.
[[nodiscard]] inline activity_certificate issue_certificate(certificate_numbering& numbering,
                                                            member_id member, certificate_issue issue,
                                                            std::span<activity_certificate const> existing,
                                                            rule_set const& rules) {
    check_issue(member, issue, existing, rules);
    (void)numbering.peek();  // throws before anything is taken when the sequence is exhausted
    return activity_certificate{numbering.next(), member, std::move(issue), {}};
}

/// Issues a certificate under a number assigned elsewhere, reserving it in `numbering`.
/// \throws as check_issue; rule_violation certificate.unique_number when the number was issued before.
[[nodiscard]] inline activity_certificate issue_certificate(certificate_numbering& numbering,
                                                            certificate_no number, member_id member,
                                                            certificate_issue issue,
                                                            std::span<activity_certificate const> existing,
                                                            rule_set const& rules) {
    check_issue(member, issue, existing, rules);
    numbering.reserve(number);
    return activity_certificate{std::move(number), member, std::move(issue), {}};
}

/// Checks that `next` may follow the records of `c`. Changes nothing.
/// \throws invalid_input{"date"} before the issue or the last record; {"org"} when presenting without
///         a host.
/// \throws rule_violation certificate.closed_not_usable (anything after the certificate was handed
///         back, lost or revoked), certificate.validity (presenting or reviewing after the expiry date),
///         mobility.one_side_affiliation (presenting to the home branch), certificate.return_with_report
///         (handing back without the report of the period away).
inline void check_certificate_record(activity_certificate const& c, certificate_record const& next,
                                     rule_set const& rules) {
    auto const d = record_date(next);
    auto const kind = kind_of(next);
    auto const what = std::string(chinese_name(kind)) + " (" + std::string(to_string(kind)) + ") of " +
                      c.number.value + " on " + format_date(d);
    if (d < c.issue.issued)
        throw invalid_input("date", what + " precedes the issue on " + format_date(c.issue.issued));
    if (!c.records.empty() && d < record_date(c.records.back()))
        throw invalid_input(
            "date", what + " precedes the last record on " + format_date(record_date(c.records.back())));
    auto const st = *state_on(c, d);
    if (!is_open(st.state))
        throw violation("certificate.closed_not_usable", what + ": the certificate is " +
                                                             std::string(chinese_name(st.state)) + " since " +
                                                             format_date(*st.closed_on));
    auto const valid = [&] {
        if (auto const exp = expiry_date(c, rules); exp && d > *exp)
            throw violation("certificate.validity",
                            what + ": the certificate expired on " + format_date(*exp));
    };
    std::visit(
        [&](auto const& r) {
            using T = std::decay_t<decltype(r)>;
            if constexpr (std::is_same_v<T, certificate_presented>) {
                valid();
                if (!r.org || !r.org->valid()) throw invalid_input("org", what + ": the host is not given");
                detail::require_host_elsewhere(c.issue.branch, r.org,
                                               what + " (the certificate is presented elsewhere)");
            } else if constexpr (std::is_same_v<T, certificate_reviewed>) {
                valid();
            } else if constexpr (std::is_same_v<T, certificate_returned>) {
                if (r.report.empty())
                    throw violation("certificate.return_with_report",
                                    what + ": hand it back with the member's report on the period away");
            }
        },
        next);
}

/// Checks `next` (check_certificate_record) and appends it. On a throw `c` is unchanged.
inline void record(activity_certificate& c, certificate_record next, rule_set const& rules) {
    check_certificate_record(c, next, rules);
    c.records.push_back(std::move(next));
}

/// Records the loss of `lost` on `lost_on` and issues its replacement under the next number: the old
/// number is void from `lost_on`, the new certificate names it in `issue.replaces`
/// (certificate.lost_reissue). Everything is checked before anything changes. \param existing the member's
/// certificates, `lost` among them (its state before the loss is used). \throws as check_certificate_record
/// for the loss and check_issue for the new certificate.
[[nodiscard]] inline activity_certificate reissue_after_loss(
    activity_certificate& lost, date::sys_days lost_on, std::string reason, certificate_numbering& numbering,
    certificate_issue issue, std::span<activity_certificate const> existing, rule_set const& rules) {
    certificate_record loss = certificate_lost{lost_on, std::move(reason)};
    check_certificate_record(lost, loss, rules);
    if (issue.issued < lost_on)
        throw invalid_input("issued", "the replacement is dated " + format_date(issue.issued) +
                                          ", before the loss on " + format_date(lost_on));
    issue.replaces = lost.number;
    // Check the new issue against the member's certificates as they will be after the loss.
    std::vector<activity_certificate> after(existing.begin(), existing.end());
    auto lost_copy = lost;
    lost_copy.records.push_back(loss);
    bool found = false;
    for (auto& c : after)
        if (c.number == lost.number) {
            c = lost_copy;
            found = true;
        }
    if (!found) after.push_back(lost_copy);
    check_issue(lost.member, issue, after, rules);
    (void)numbering.peek();
    auto fresh = activity_certificate{numbering.next(), lost.member, std::move(issue), {}};
    lost.records.push_back(std::move(loss));
    return fresh;
}

/// Refuses dues paid at `host` on `d` unless one of the member's certificates is valid on `d` and was
/// last presented to `host` (mobility.host_dues_with_certificate).
/// \throws rule_violation mobility.host_dues_with_certificate.
inline void check_host_dues(std::span<activity_certificate const> certs, org_id host, date::sys_days d,
                            rule_set const& rules) {
    for (auto const& c : certs)
        if (is_valid_on(c, d, rules) && state_on(c, d)->host == host) return;
    throw violation("mobility.host_dues_with_certificate",
                    "no valid activity certificate presented to org " + std::to_string(host.value()) +
                        " on " + format_date(d) + "; dues at the host are paid on the certificate");
}

/// check_episode_record, and for dues paid at the host also check_host_dues against the member's
/// certificates; then appends. On a throw `ep` is unchanged.
inline void record_with_certificates(mobility_episode& ep, episode_record next,
                                     std::span<activity_certificate const> certs, rule_set const& rules) {
    check_episode_record(ep, next, rules);
    if (std::holds_alternative<host_dues_paid>(next))
        check_host_dues(certs, *state_on(ep, record_date(next))->host_org, record_date(next), rules);
    ep.records.push_back(std::move(next));
}

/// Agenda items of a certificate open on `as_of`, for the branch that issued it:
/// - `certificate.annual_review` (certificate.annual_review): due `certificate_review_interval_months`
///   after the issue or last review; upcoming from `certificate_review_notice_months` before, overdue after;
/// - `certificate.expiry` (certificate.validity, only when the rule set sets a validity): upcoming from
///   the notice window, due on the last valid day, overdue after (the review item is then dropped).
[[nodiscard]] inline std::vector<agenda_item> certificate_agenda(activity_certificate const& c,
                                                                 date::sys_days as_of,
                                                                 rule_set const& rules) {
    std::vector<agenda_item> items;
    auto const st = state_on(c, as_of);
    if (!st || !is_open(st->state)) return items;
    auto const notice = rules.mobility.certificate_review_notice_months;
    auto make = [&](std::string kind, date::sys_days due, std::string rule, std::string msg, std::string zh) {
        items.push_back(agenda_item{std::move(kind), c.issue.branch, c.member, c.issue.member_name, due,
                                    status_for(due, as_of), std::move(rule), std::move(msg), std::nullopt,
                                    std::move(zh)});
    };
    auto const exp = expiry_date(c, rules);
    if (exp && as_of >= add_months(*exp, -notice))
        make("certificate.expiry", *exp, "certificate.validity",
             "activity certificate " + c.number.value + " is valid through " + format_date(*exp) +
                 ": have it handed back or replaced",
             "《流动党员活动证》" + c.number.value + "有效期至" + format_date(*exp) + ": 应收回或换发");
    if (exp && as_of > *exp) return items;
    auto const due = next_review_due(c, as_of, rules);
    if (as_of >= add_months(due, -notice))
        make("certificate.annual_review", due, "certificate.annual_review",
             "annual review (年审) of activity certificate " + c.number.value + " due " + format_date(due) +
                 ", together with the democratic evaluation",
             "《流动党员活动证》" + c.number.value + "应在" + format_date(due) +
                 "前年审, 结合民主评议党员进行");
    return items;
}

}  // namespace dangyuan
